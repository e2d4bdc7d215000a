//! The claim lifecycle (SPEC §4): which state changes are allowed, and what they do.
//!
//! ```text
//!   (none) --claim--> pending --finalize (now >= deadline)--> official
//!   pending|official --opt-out--> opted-out     pending|official --withdraw--> withdrawn
//! ```
//! Repeating the ending a claim already has changes nothing ([`Decision::Unchanged`]); any other
//! change to an ended claim is `invalid-transition`.

use super::{RuleCode, Violation};
use crate::model::{Claim, Status, utc_text};
use chrono::{DateTime, Utc};

/// What a requested state change does to a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Move the claim to `to`.
    Move { from: Status, to: Status },
    /// The claim already has this ending: nothing to do (exit 0).
    Unchanged(Status),
}

/// Why a state change cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// Malformed for this claim (e.g. an opt-out instant before the notification): exit 2.
    Usage(String),
    /// The lifecycle does not allow it: exit 3.
    Refused(Violation),
}

/// The claim as the lifecycle sees it.
#[derive(Debug, Clone, Copy)]
pub struct ClaimState {
    pub id: i64,
    pub status: Status,
    pub notified_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
}

impl ClaimState {
    /// The lifecycle's view of a stored claim.
    pub fn of(c: &Claim) -> Self {
        ClaimState {
            id: c.id,
            status: c.status,
            notified_at: c.notified_at,
            deadline: c.deadline,
        }
    }
}

/// The outcome of an opt-out: the decision and whether it came inside the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOut {
    pub decision: Decision,
    pub in_window: bool,
}

/// The customer opts out at instant `at`, recorded at `now`.
///
/// `at` is never in the future and never before the notification. An opt-out dated before the
/// deadline is in the window; it ends an `official` claim too (a late-entered opt-out), as does
/// any later decline.
pub fn opt_out(
    claim: ClaimState,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<OptOut, TransitionError> {
    if at > now {
        return Err(TransitionError::Usage(format!(
            "the opt-out instant {} is in the future (now is {})",
            utc_text(at),
            utc_text(now)
        )));
    }
    if at < claim.notified_at {
        return Err(TransitionError::Usage(format!(
            "the opt-out instant {} is before claim {} was notified ({})",
            utc_text(at),
            claim.id,
            utc_text(claim.notified_at)
        )));
    }
    let in_window = at < claim.deadline;
    let decision = match claim.status {
        Status::Pending | Status::Official => Decision::Move {
            from: claim.status,
            to: Status::OptedOut,
        },
        Status::OptedOut => Decision::Unchanged(Status::OptedOut),
        Status::Withdrawn => return Err(ended(claim, "opt out")),
    };
    Ok(OptOut {
        decision,
        in_window,
    })
}

/// The partner withdraws (disassociates) the claim.
pub fn withdraw(claim: ClaimState) -> Result<Decision, TransitionError> {
    match claim.status {
        Status::Pending | Status::Official => Ok(Decision::Move {
            from: claim.status,
            to: Status::Withdrawn,
        }),
        Status::Withdrawn => Ok(Decision::Unchanged(Status::Withdrawn)),
        Status::OptedOut => Err(ended(claim, "withdraw")),
    }
}

/// Whether finalize makes this claim official at `now`.
pub fn is_due(status: Status, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status == Status::Pending && now >= deadline
}

fn ended(claim: ClaimState, verb: &str) -> TransitionError {
    TransitionError::Refused(Violation::new(
        RuleCode::InvalidTransition,
        format!(
            "cannot {verb} claim {}: it is already {}",
            claim.id, claim.status
        ),
        format!(
            "an ended claim stays ended; see its history with `cpor show {}`",
            claim.id
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn state(status: Status) -> ClaimState {
        ClaimState {
            id: 1,
            status,
            notified_at: t("2025-06-02T10:00:00Z"),
            deadline: t("2025-06-10T00:00:00Z"),
        }
    }

    #[test]
    fn opt_out_in_and_after_the_window() {
        let now = t("2025-06-20T00:00:00Z");
        let o = opt_out(state(Status::Pending), t("2025-06-09T23:59:59Z"), now).unwrap();
        assert!(o.in_window);
        assert_eq!(
            o.decision,
            Decision::Move {
                from: Status::Pending,
                to: Status::OptedOut
            }
        );
        let o = opt_out(state(Status::Official), t("2025-06-10T00:00:00Z"), now).unwrap();
        assert!(!o.in_window);
        let o = opt_out(state(Status::Official), t("2025-06-05T00:00:00Z"), now).unwrap();
        assert!(o.in_window, "a late-entered opt-out dated in the window");
    }

    #[test]
    fn opt_out_instant_bounds() {
        let now = t("2025-06-05T00:00:00Z");
        assert!(matches!(
            opt_out(state(Status::Pending), t("2025-06-05T00:00:01Z"), now),
            Err(TransitionError::Usage(_))
        ));
        assert!(matches!(
            opt_out(state(Status::Pending), t("2025-06-02T09:59:59Z"), now),
            Err(TransitionError::Usage(_))
        ));
    }

    #[test]
    fn repeats_are_unchanged_and_crossings_refused() {
        let now = t("2025-06-20T00:00:00Z");
        assert_eq!(
            opt_out(state(Status::OptedOut), now, now).unwrap().decision,
            Decision::Unchanged(Status::OptedOut)
        );
        assert_eq!(
            withdraw(state(Status::Withdrawn)).unwrap(),
            Decision::Unchanged(Status::Withdrawn)
        );
        for r in [
            opt_out(state(Status::Withdrawn), now, now).map(|o| o.decision),
            withdraw(state(Status::OptedOut)),
        ] {
            match r {
                Err(TransitionError::Refused(v)) => assert_eq!(v.code, RuleCode::InvalidTransition),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn due_exactly_at_the_deadline() {
        let d = t("2025-06-10T00:00:00Z");
        assert!(!is_due(Status::Pending, d, t("2025-06-09T23:59:59Z")));
        assert!(is_due(Status::Pending, d, d));
        assert!(!is_due(Status::Official, d, d));
    }
}
