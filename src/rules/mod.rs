//! Pure CPOR logic: the catalog, input formats, eligibility, the business-day deadline and the
//! lifecycle. Nothing here touches SQLite, clap, the clock or the file system: every function
//! takes plain values (including `now`) and returns a decision or typed violations, so the same
//! functions decide for `claim` and for `troubleshoot`.

pub mod calendar;
pub mod catalog;
pub mod due;
pub mod edit;
pub mod eligibility;
pub mod format;
pub mod history;
pub mod lifecycle;
pub mod pins;
pub mod poe;

use std::fmt;

/// Stable, kebab-case codes of the rules that refuse a request (SPEC §3) and of the warnings
/// stored on claims. Codes are public interface: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleCode {
    PartnerNotEnrolled,
    WorkloadNotInProgram,
    DomainTenantMismatch,
    SubscriptionRequired,
    SubscriptionTenantMismatch,
    ChannelRequired,
    CspExcluded,
    TechnicalContactRequired,
    PoeTooOld,
    PoeSignedInFuture,
    PurchaseDateRequired,
    PurchaseDateInFuture,
    AlreadyAssociated,
    DuplicateClaim,
    InvalidTransition,
    /// Warning: OSA Sell filed more than 90 days after purchase.
    Osa90DayWindow,
    /// v2: `tenant unpin` of a pin that an active claim uses.
    PinInUse,
    /// v2 warning: the newest PoE signature is older than `poe_refresh_months`.
    PoeAging,
}

impl RuleCode {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleCode::PartnerNotEnrolled => "partner-not-enrolled",
            RuleCode::WorkloadNotInProgram => "workload-not-in-program",
            RuleCode::DomainTenantMismatch => "domain-tenant-mismatch",
            RuleCode::SubscriptionRequired => "subscription-required",
            RuleCode::SubscriptionTenantMismatch => "subscription-tenant-mismatch",
            RuleCode::ChannelRequired => "channel-required",
            RuleCode::CspExcluded => "csp-excluded",
            RuleCode::TechnicalContactRequired => "technical-contact-required",
            RuleCode::PoeTooOld => "poe-too-old",
            RuleCode::PoeSignedInFuture => "poe-signed-in-future",
            RuleCode::PurchaseDateRequired => "purchase-date-required",
            RuleCode::PurchaseDateInFuture => "purchase-date-in-future",
            RuleCode::AlreadyAssociated => "already-associated",
            RuleCode::DuplicateClaim => "duplicate-claim",
            RuleCode::InvalidTransition => "invalid-transition",
            RuleCode::Osa90DayWindow => "osa-90-day-window",
            RuleCode::PinInUse => "pin-in-use",
            RuleCode::PoeAging => "poe-aging",
        }
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One failed rule: what failed, a sentence saying why, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub code: RuleCode,
    pub message: String,
    pub remedy: String,
}

impl Violation {
    pub fn new(code: RuleCode, message: impl Into<String>, remedy: impl Into<String>) -> Self {
        Violation {
            code,
            message: message.into(),
            remedy: remedy.into(),
        }
    }
}
