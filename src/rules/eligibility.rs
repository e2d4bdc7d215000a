//! Eligibility: would the CPOR rules accept this claim? (SPEC §3)
//!
//! Two checks, both returning *every* failing rule rather than the first:
//! - [`check_unit`] — the partner, the program/workload, the tenant's domain and subscription,
//!   the channel and who holds the unit. `troubleshoot` asks exactly this for a hypothetical
//!   claim.
//! - [`check_filing`] — the details only a real filing has: technical contact, PoE dates and the
//!   purchase date; also returns the warnings to store on the claim.
//!
//! What is already stored (enrolments, known domains, current holders) comes in as
//! [`StoredFacts`], read by the caller inside the same write transaction that files the claim.

use super::catalog::Catalog;
use super::{RuleCode, Violation};
use crate::model::{Channel, Pin, PinKind, Program, Status, Unit, Warning, utc_text};
use chrono::{DateTime, Months, NaiveDate, Utc};

/// The part of a claim that decides whether its unit may be claimed.
#[derive(Debug, Clone)]
pub struct UnitRequest<'a> {
    pub partner_id: &'a str,
    pub program: Program,
    pub workload: &'a str,
    pub tenant: &'a str,
    pub domain: Option<&'a str>,
    pub subscription: Option<&'a str>,
    pub channel: Option<Channel>,
}

impl UnitRequest<'_> {
    /// The unit this request would associate.
    pub fn unit(&self) -> Unit {
        Unit::of(self.program, self.tenant, self.workload, self.subscription)
    }
}

/// An active claim currently holding a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub claim_id: i64,
    pub partner_id: String,
    pub program: Program,
    pub status: Status,
    /// When the holder's claim was filed, or became official.
    pub since: DateTime<Utc>,
}

/// What the database already knows that the rules depend on.
#[derive(Debug, Clone, Default)]
pub struct StoredFacts {
    /// Programs the PartnerID is enrolled in; `None` when the PartnerID is unknown.
    pub enrolled: Option<Vec<Program>>,
    /// The pin of the requested domain (the tenant it was first seen with), if any.
    pub domain_pin: Option<Pin>,
    /// The pin of the requested subscription, if any.
    pub subscription_pin: Option<Pin>,
    /// Active claims on the requested unit.
    pub holders: Vec<Holder>,
}

/// Check everything about the unit and the partner. Returns all failing rules.
pub fn check_unit(req: &UnitRequest, facts: &StoredFacts, catalog: &Catalog) -> Vec<Violation> {
    let mut out = Vec::new();
    let program = req.program;

    match &facts.enrolled {
        None => out.push(Violation::new(
            RuleCode::PartnerNotEnrolled,
            format!("PartnerID {} is not known to cpor", req.partner_id),
            format!(
                "enroll it: cpor partner add {} --name NAME --program {program}",
                req.partner_id
            ),
        )),
        Some(programs) if !programs.contains(&program) => out.push(Violation::new(
            RuleCode::PartnerNotEnrolled,
            format!(
                "PartnerID {} is not enrolled in {program} ({})",
                req.partner_id,
                enrolled_list(programs)
            ),
            format!(
                "enroll it first: cpor partner add {} --program {program}",
                req.partner_id
            ),
        )),
        Some(_) => {}
    }

    if !catalog.accepts(program, req.workload) {
        let elsewhere = catalog.programs_accepting(req.workload);
        let belongs = if elsewhere.is_empty() {
            String::new()
        } else {
            format!(
                "; it belongs to {}",
                elsewhere
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push(Violation::new(
            RuleCode::WorkloadNotInProgram,
            format!(
                "workload '{}' is not in the {program} catalog{belongs}",
                req.workload
            ),
            format!(
                "use a workload of {program} (see `cpor catalog`){}",
                if elsewhere.is_empty() {
                    String::new()
                } else {
                    format!(" or file it under --program {}", elsewhere[0])
                }
            ),
        ));
    }

    if let Some(domain) = req.domain
        && let Some(v) = pin_mismatch(
            PinKind::Domain,
            domain,
            req.tenant,
            facts.domain_pin.as_ref(),
        )
    {
        out.push(v);
    }

    if program.is_bizapps() {
        match req.subscription {
            None => out.push(Violation::new(
                RuleCode::SubscriptionRequired,
                format!("{program} associates a Dynamics 365 subscription, and none was given"),
                "add --subscription with the subscription ID (a GUID) of the customer's Dynamics 365 subscription",
            )),
            Some(sub) => {
                if let Some(v) = pin_mismatch(
                    PinKind::Subscription,
                    sub,
                    req.tenant,
                    facts.subscription_pin.as_ref(),
                ) {
                    out.push(v);
                }
            }
        }
        if let Some(v) = check_channel(program, req.channel) {
            out.push(v);
        }
    }

    let unit = req.unit();
    for h in &facts.holders {
        if h.partner_id != req.partner_id {
            out.push(Violation::new(
                RuleCode::AlreadyAssociated,
                format!(
                    "{} is held by PartnerID {} (claim {}, {} {} since {})",
                    unit.describe(),
                    h.partner_id,
                    h.claim_id,
                    h.program,
                    h.status,
                    utc_text(h.since)
                ),
                format!(
                    "a unit has one partner at a time: it becomes free only when claim {} is withdrawn or the customer opts out",
                    h.claim_id
                ),
            ));
        } else if h.program == program {
            out.push(Violation::new(
                RuleCode::DuplicateClaim,
                format!(
                    "PartnerID {} already holds {} in {program} (claim {}, {} since {})",
                    h.partner_id,
                    unit.describe(),
                    h.claim_id,
                    h.status,
                    utc_text(h.since)
                ),
                format!("nothing to file: see `cpor show {}`", h.claim_id),
            ));
        }
    }
    out
}

/// `domain-tenant-mismatch` / `subscription-tenant-mismatch` when `value` is pinned to a tenant
/// other than `tenant`. The message names the claim that made the pin; when no active claim
/// uses the pin, the remedy is to unpin it (a mistyped tenant must not block the customer).
pub fn pin_mismatch(
    kind: PinKind,
    value: &str,
    tenant: &str,
    pin: Option<&Pin>,
) -> Option<Violation> {
    let pin = pin.filter(|p| p.tenant_id != tenant)?;
    let (code, flag, what) = match kind {
        PinKind::Domain => (RuleCode::DomainTenantMismatch, "--domain", "domain"),
        PinKind::Subscription => (
            RuleCode::SubscriptionTenantMismatch,
            "--subscription",
            "subscription",
        ),
    };
    let origin = match pin.by_claim {
        Some(id) => format!(" (pinned by claim {id} on {})", utc_text(pin.since)),
        None => format!(" (pinned on {})", utc_text(pin.since)),
    };
    let remedy = if pin.active_claims.is_empty() {
        format!(
            "if tenant {} was a mistake, remove the pin: cpor tenant unpin {flag} {value} --reason \"...\"; otherwise confirm the tenant ID and {what} with the customer and file again",
            pin.tenant_id
        )
    } else {
        format!(
            "confirm the tenant ID and {what} with the customer (both are on the Azure AD overview page); active claim{} {} use{} tenant {}",
            if pin.active_claims.len() == 1 {
                ""
            } else {
                "s"
            },
            join_ids(&pin.active_claims),
            if pin.active_claims.len() == 1 {
                "s"
            } else {
                ""
            },
            pin.tenant_id
        )
    };
    Some(Violation::new(
        code,
        format!(
            "{what} {value} belongs to tenant {}{origin}, not to tenant {tenant}",
            pin.tenant_id
        ),
        remedy,
    ))
}

/// `channel-required` / `csp-excluded` for a Business Applications program.
pub fn check_channel(program: Program, channel: Option<Channel>) -> Option<Violation> {
    match channel {
        None => Some(Violation::new(
            RuleCode::ChannelRequired,
            format!("{program} needs the channel the subscription was bought through"),
            "add --channel vl (Volume Licensing) or --channel web-direct",
        )),
        Some(Channel::Csp) => Some(Violation::new(
            RuleCode::CspExcluded,
            "Business Applications claims cover only Volume Licensing and Web-Direct purchases; CSP subscriptions are excluded",
            "CSP subscriptions cannot be claimed under CPOR; claim a subscription bought through vl or web-direct",
        )),
        Some(_) => None,
    }
}

/// Claim IDs as `1, 2 and 3`.
pub fn join_ids(ids: &[i64]) -> String {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    match ids.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A contact as typed: any part may be missing.
#[derive(Debug, Clone, Default)]
pub struct PartialContact {
    pub name: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
}

/// The details of a real filing that [`check_unit`] does not see.
#[derive(Debug, Clone)]
pub struct FilingDetails {
    pub program: Program,
    pub technical: PartialContact,
    pub poe_signed: NaiveDate,
    pub purchase_date: Option<NaiveDate>,
    /// The filing date in the claim calendar's zone.
    pub filing_date: NaiveDate,
}

/// Check the filing details. Returns all failing rules and the warnings to store.
pub fn check_filing(d: &FilingDetails) -> (Vec<Violation>, Vec<Warning>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let program = d.program;

    if program.is_bizapps() {
        let t = &d.technical;
        let missing: Vec<&str> = [
            (t.name.is_none(), "--technical-name"),
            (t.title.is_none(), "--technical-title"),
            (t.email.is_none(), "--technical-email"),
        ]
        .into_iter()
        .filter(|(m, _)| *m)
        .map(|(_, f)| f)
        .collect();
        if !missing.is_empty() {
            out.push(Violation::new(
                RuleCode::TechnicalContactRequired,
                format!(
                    "{program} needs the customer's technical contact (name, title and e-mail); missing {}",
                    missing.join(", ")
                ),
                format!("add {}", missing.join(" ")),
            ));
        }
    }

    let earliest = earliest_poe_date(d.filing_date);
    if d.poe_signed < earliest {
        out.push(Violation::new(
            RuleCode::PoeTooOld,
            format!(
                "the proof of execution was signed on {}, more than 12 months before filing on {} (the earliest accepted date is {earliest})",
                d.poe_signed, d.filing_date
            ),
            "get the customer to acknowledge the proof of execution again and pass the new date with --poe-signed",
        ));
    } else if d.poe_signed > d.filing_date {
        out.push(Violation::new(
            RuleCode::PoeSignedInFuture,
            format!(
                "the proof of execution is dated {}, after the filing date {}",
                d.poe_signed, d.filing_date
            ),
            "check --poe-signed: it is the date the customer signed, on or before today",
        ));
    }

    if program == Program::OsaSell {
        match d.purchase_date {
            None => out.push(Violation::new(
                RuleCode::PurchaseDateRequired,
                "osa-sell claims need the date the customer bought the subscription",
                "add --purchase-date YYYY-MM-DD",
            )),
            Some(p) if p > d.filing_date => out.push(Violation::new(
                RuleCode::PurchaseDateInFuture,
                format!(
                    "the purchase date {p} is after the filing date {}",
                    d.filing_date
                ),
                "check --purchase-date: a sell claim follows the purchase",
            )),
            Some(p) => {
                let days = (d.filing_date - p).num_days();
                if days > OSA_SELL_WINDOW_DAYS {
                    warnings.push(Warning {
                        code: RuleCode::Osa90DayWindow.as_str().to_string(),
                        message: format!(
                            "filed {days} days after the purchase on {p}, more than {OSA_SELL_WINDOW_DAYS}: the association is valid but earns no sell incentive"
                        ),
                    });
                }
            }
        }
    }
    (out, warnings)
}

/// OSA Sell claims should be filed within this many days of the purchase.
pub const OSA_SELL_WINDOW_DAYS: i64 = 90;

/// The oldest acceptable PoE signature date: 12 calendar months before filing (a 29 February
/// filing goes back to 28 February).
pub fn earliest_poe_date(filing_date: NaiveDate) -> NaiveDate {
    filing_date
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN)
}

fn enrolled_list(programs: &[Program]) -> String {
    if programs.is_empty() {
        "it is enrolled in no program".into()
    } else {
        format!(
            "it is enrolled in {}",
            programs
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn req(program: Program, workload: &'static str) -> UnitRequest<'static> {
        UnitRequest {
            partner_id: "1000",
            program,
            workload,
            tenant: "t1",
            domain: Some("contoso.com"),
            subscription: None,
            channel: None,
        }
    }

    fn codes(v: &[Violation]) -> Vec<&'static str> {
        v.iter().map(|x| x.code.as_str()).collect()
    }

    #[test]
    fn reports_every_failing_rule_at_once() {
        let facts = StoredFacts {
            enrolled: None,
            domain_pin: Some(Pin {
                kind: PinKind::Domain,
                value: "contoso.com".into(),
                tenant_id: "t2".into(),
                since: "2025-01-01T00:00:00Z".parse().unwrap(),
                by_claim: Some(4),
                active_claims: vec![],
            }),
            ..Default::default()
        };
        let v = check_unit(
            &UnitRequest {
                channel: Some(Channel::Csp),
                ..req(Program::OsuBizapps, "teams")
            },
            &facts,
            &Catalog::builtin(),
        );
        assert_eq!(
            codes(&v),
            [
                "partner-not-enrolled",
                "workload-not-in-program",
                "domain-tenant-mismatch",
                "subscription-required",
                "csp-excluded"
            ]
        );
    }

    #[test]
    fn holders_other_partner_vs_same_partner() {
        let holder = |pid: &str, program| Holder {
            claim_id: 7,
            partner_id: pid.into(),
            program,
            status: Status::Official,
            since: "2025-01-01T00:00:00Z".parse().unwrap(),
        };
        let base = StoredFacts {
            enrolled: Some(vec![Program::OsaSell, Program::OsuBizapps]),
            ..Default::default()
        };
        let r = UnitRequest {
            subscription: Some("s1"),
            channel: Some(Channel::Vl),
            ..req(Program::OsaSell, "d365-sales")
        };
        let other = StoredFacts {
            holders: vec![holder("2000", Program::OsuBizapps)],
            ..base.clone()
        };
        let v = check_unit(&r, &other, &Catalog::builtin());
        assert_eq!(codes(&v), ["already-associated"]);
        assert!(v[0].message.contains("PartnerID 2000") && v[0].message.contains("claim 7"));
        // The same partner may hold osa-sell and osu-bizapps on one subscription...
        let same_other_program = StoredFacts {
            holders: vec![holder("1000", Program::OsuBizapps)],
            ..base.clone()
        };
        assert!(check_unit(&r, &same_other_program, &Catalog::builtin()).is_empty());
        // ...but not the same program twice.
        let dup = StoredFacts {
            holders: vec![holder("1000", Program::OsaSell)],
            ..base
        };
        assert_eq!(
            codes(&check_unit(&r, &dup, &Catalog::builtin())),
            ["duplicate-claim"]
        );
    }

    #[test]
    fn poe_window_is_twelve_calendar_months() {
        let f = |signed: &str, filed: &str| FilingDetails {
            program: Program::OsuM365,
            technical: PartialContact::default(),
            poe_signed: d(signed),
            purchase_date: None,
            filing_date: d(filed),
        };
        assert!(check_filing(&f("2024-06-02", "2025-06-02")).0.is_empty());
        assert_eq!(
            codes(&check_filing(&f("2024-06-01", "2025-06-02")).0),
            ["poe-too-old"]
        );
        assert!(check_filing(&f("2023-02-28", "2024-02-29")).0.is_empty());
        assert_eq!(
            codes(&check_filing(&f("2023-02-27", "2024-02-29")).0),
            ["poe-too-old"]
        );
        assert_eq!(
            codes(&check_filing(&f("2025-06-03", "2025-06-02")).0),
            ["poe-signed-in-future"]
        );
    }

    #[test]
    fn osa_sell_purchase_date_and_window() {
        let f = |purchase: Option<&str>| FilingDetails {
            program: Program::OsaSell,
            technical: PartialContact {
                name: Some("a".into()),
                title: Some("b".into()),
                email: Some("c@d.com".into()),
            },
            poe_signed: d("2025-06-01"),
            purchase_date: purchase.map(d),
            filing_date: d("2025-06-02"),
        };
        assert_eq!(codes(&check_filing(&f(None)).0), ["purchase-date-required"]);
        let (v, w) = check_filing(&f(Some("2025-03-04")));
        assert!(
            v.is_empty() && w.is_empty(),
            "90 days exactly is inside the window"
        );
        let (v, w) = check_filing(&f(Some("2025-03-03")));
        assert!(v.is_empty());
        assert_eq!(w[0].code, "osa-90-day-window");
        assert_eq!(
            codes(&check_filing(&f(Some("2025-06-03"))).0),
            ["purchase-date-in-future"]
        );
    }

    #[test]
    fn bizapps_needs_the_whole_technical_contact() {
        let f = FilingDetails {
            program: Program::OsuBizapps,
            technical: PartialContact {
                name: Some("Ann".into()),
                ..Default::default()
            },
            poe_signed: d("2025-06-01"),
            purchase_date: None,
            filing_date: d("2025-06-02"),
        };
        let (v, _) = check_filing(&f);
        assert_eq!(codes(&v), ["technical-contact-required"]);
        assert!(v[0].remedy.contains("--technical-title --technical-email"));
    }
}
