//! The claim lifecycle (SPEC §4): which state changes are allowed, and what they do.
//!
//! ```text
//!   (none) --claim--> pending --finalize (now >= deadline)--> official
//!   pending|official --opt-out--> opted-out     pending|official --withdraw--> withdrawn
//! ```
//! Repeating the ending a claim already has changes nothing ([`Decision::Unchanged`]); any other
//! change to an ended claim is `invalid-transition`. A change that happens is a complete
//! [`Transition`]: storage records exactly it, deciding nothing of its own.

use super::{RuleCode, Violation};
use crate::model::{Action, Claim, HistoryEvent, Status, utc_text};
use chrono::{DateTime, Utc};

/// What a requested state change does to a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Make this change.
    Move(Transition),
    /// The claim already has this ending: nothing to do (exit 0).
    Unchanged(Status),
}

/// One decided state change, complete: what storage records on the claim and in its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub claim_id: i64,
    /// The status the claim has now; the change applies only if it still has it.
    pub from: Status,
    pub to: Status,
    pub action: Action,
    /// When the change takes effect: `official_at`, `opted_out_at` or `withdrawn_at`.
    pub at: DateTime<Utc>,
    /// For an opt-out: whether it came before the deadline.
    pub in_window: Option<bool>,
    /// The reason recorded on the claim and in its history.
    pub reason: Option<String>,
}

impl Transition {
    /// The history event that records this change, made by `actor` at `recorded_at` (not yet
    /// chained: storage links it to the claim's last event).
    pub fn event(&self, recorded_at: DateTime<Utc>, actor: &str) -> HistoryEvent {
        HistoryEvent {
            at: recorded_at,
            actor: actor.to_string(),
            action: self.action,
            from: Some(self.from),
            to: self.to,
            reason: self.reason.clone(),
            changes: None,
            poe: None,
            prev_hash: None,
            hash: None,
        }
    }
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

/// The customer opts out at instant `at`, recorded at `now`, for `reason`.
///
/// `at` is never in the future and never before the notification. An opt-out dated before the
/// deadline is in the window; it ends an `official` claim too (a late-entered opt-out), as does
/// any later decline.
pub fn opt_out(
    claim: ClaimState,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    reason: Option<String>,
) -> Result<Decision, TransitionError> {
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
    match claim.status {
        Status::Pending | Status::Official => Ok(Decision::Move(Transition {
            claim_id: claim.id,
            from: claim.status,
            to: Status::OptedOut,
            action: Action::OptedOut,
            at,
            in_window: Some(at < claim.deadline),
            reason,
        })),
        Status::OptedOut => Ok(Decision::Unchanged(Status::OptedOut)),
        Status::Withdrawn => Err(ended(claim, "opt out")),
    }
}

/// The partner withdraws (disassociates) the claim at `now`, for `reason`.
pub fn withdraw(
    claim: ClaimState,
    now: DateTime<Utc>,
    reason: String,
) -> Result<Decision, TransitionError> {
    match claim.status {
        Status::Pending | Status::Official => Ok(Decision::Move(Transition {
            claim_id: claim.id,
            from: claim.status,
            to: Status::Withdrawn,
            action: Action::Withdrawn,
            at: now,
            in_window: None,
            reason: Some(reason),
        })),
        Status::Withdrawn => Ok(Decision::Unchanged(Status::Withdrawn)),
        Status::OptedOut => Err(ended(claim, "withdraw")),
    }
}

/// Whether finalize makes this claim official at `now`.
pub fn is_due(status: Status, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status == Status::Pending && now >= deadline
}

/// Finalize's decision for one claim at `now`: a due claim becomes official as of its
/// deadline (not as of the run); any other claim is left alone.
pub fn finalize_due(claim: ClaimState, now: DateTime<Utc>) -> Option<Transition> {
    is_due(claim.status, claim.deadline, now).then_some(Transition {
        claim_id: claim.id,
        from: claim.status,
        to: Status::Official,
        action: Action::Finalized,
        at: claim.deadline,
        in_window: None,
        reason: None,
    })
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
        let at = t("2025-06-09T23:59:59Z");
        let o = opt_out(state(Status::Pending), at, now, Some("no".into())).unwrap();
        assert_eq!(
            o,
            Decision::Move(Transition {
                claim_id: 1,
                from: Status::Pending,
                to: Status::OptedOut,
                action: Action::OptedOut,
                at,
                in_window: Some(true),
                reason: Some("no".into()),
            })
        );
        let o = opt_out(
            state(Status::Official),
            t("2025-06-10T00:00:00Z"),
            now,
            None,
        )
        .unwrap();
        assert!(matches!(o, Decision::Move(t) if t.in_window == Some(false)));
        let o = opt_out(
            state(Status::Official),
            t("2025-06-05T00:00:00Z"),
            now,
            None,
        )
        .unwrap();
        assert!(
            matches!(o, Decision::Move(t) if t.in_window == Some(true)),
            "a late-entered opt-out dated in the window"
        );
    }

    #[test]
    fn opt_out_instant_bounds() {
        let now = t("2025-06-05T00:00:00Z");
        assert!(matches!(
            opt_out(state(Status::Pending), t("2025-06-05T00:00:01Z"), now, None),
            Err(TransitionError::Usage(_))
        ));
        assert!(matches!(
            opt_out(state(Status::Pending), t("2025-06-02T09:59:59Z"), now, None),
            Err(TransitionError::Usage(_))
        ));
    }

    #[test]
    fn repeats_are_unchanged_and_crossings_refused() {
        let now = t("2025-06-20T00:00:00Z");
        assert_eq!(
            opt_out(state(Status::OptedOut), now, now, None).unwrap(),
            Decision::Unchanged(Status::OptedOut)
        );
        assert_eq!(
            withdraw(state(Status::Withdrawn), now, "r".into()).unwrap(),
            Decision::Unchanged(Status::Withdrawn)
        );
        for r in [
            opt_out(state(Status::Withdrawn), now, now, None),
            withdraw(state(Status::OptedOut), now, "r".into()),
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

    #[test]
    fn finalize_makes_official_as_of_the_deadline() {
        let run = t("2025-06-12T02:15:00Z");
        let decided = finalize_due(state(Status::Pending), run).unwrap();
        assert_eq!(
            (decided.from, decided.to, decided.action, decided.at),
            (
                Status::Pending,
                Status::Official,
                Action::Finalized,
                t("2025-06-10T00:00:00Z")
            )
        );
        assert_eq!(
            finalize_due(state(Status::Pending), t("2025-06-09T00:00:00Z")),
            None
        );
        assert_eq!(finalize_due(state(Status::OptedOut), run), None);
    }
}
