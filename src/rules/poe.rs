//! Proof-of-execution versions (SPEC v2 §6 `poe add`, `poe-aging`): when a new version may be
//! added, and when the newest one is getting old.
//!
//! When partners compete for a unit, the most recent PoE is what gets reviewed, so a claim's
//! newest signature should be refreshed before it turns a year old.

use super::eligibility::earliest_poe_date;
use super::{RuleCode, Violation};
use crate::model::Status;
use chrono::{Months, NaiveDate};

/// Default of the config key `poe_refresh_months`.
pub const DEFAULT_REFRESH_MONTHS: u32 = 11;

/// Check the signature date of a new PoE version against `today` (in the claim calendar's
/// zone): not in the future, not more than 12 calendar months before today.
pub fn check_new_version(signed_on: NaiveDate, today: NaiveDate) -> Vec<Violation> {
    let earliest = earliest_poe_date(today);
    if signed_on > today {
        vec![Violation::new(
            RuleCode::PoeSignedInFuture,
            format!("the new proof of execution is dated {signed_on}, after today ({today})"),
            "check --poe-signed: it is the date the customer signed, on or before today",
        )]
    } else if signed_on < earliest {
        vec![Violation::new(
            RuleCode::PoeTooOld,
            format!(
                "the new proof of execution was signed on {signed_on}, more than 12 months before today ({today}; the earliest accepted date is {earliest})"
            ),
            "get the customer to acknowledge the proof of execution again and pass the new date with --poe-signed",
        )]
    } else {
        Vec::new()
    }
}

/// Whether claim `claim_id` in `status` may get a new PoE version signed on `signed_on`: only
/// active claims (otherwise `invalid-transition`), with the dates of [`check_new_version`].
pub fn check_add(
    claim_id: i64,
    status: Status,
    signed_on: NaiveDate,
    today: NaiveDate,
) -> Vec<Violation> {
    if !status.is_active() {
        return vec![Violation::new(
            RuleCode::InvalidTransition,
            format!(
                "claim {claim_id} is {status}; only pending and official claims get new PoE versions"
            ),
            "an ended claim keeps its proof of execution as it was",
        )];
    }
    check_new_version(signed_on, today)
}

/// The earliest signature date that is not aging on `today`: `refresh_months` calendar months
/// before it (a month-end date goes back to the shorter month's last day).
pub fn aging_cutoff(today: NaiveDate, refresh_months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(refresh_months))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a claim whose newest PoE was signed on `newest_signed_on` is aging on `today`: its
/// signature is older than `refresh_months` calendar months. Exactly that many months is not
/// aging yet.
pub fn is_aging(newest_signed_on: NaiveDate, today: NaiveDate, refresh_months: u32) -> bool {
    newest_signed_on < aging_cutoff(today, refresh_months)
}

/// The `poe-aging` warning for claim `claim_id`, as troubleshoot and `due` word it: message and
/// remedy.
pub fn aging_warning(claim_id: i64, newest_signed_on: NaiveDate, refresh_months: u32) -> Violation {
    Violation::new(
        RuleCode::PoeAging,
        format!(
            "claim {claim_id}'s newest proof of execution was signed on {newest_signed_on}, more than {refresh_months} months ago; when partners compete for a unit the most recent PoE is what is reviewed"
        ),
        format!(
            "get a fresh acknowledgement from the customer and add it: cpor poe add {claim_id} --poe PATH|URL --poe-signed DATE"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn aging_starts_the_day_after_refresh_months() {
        let today = d("2025-06-02");
        assert!(!is_aging(d("2024-07-02"), today, 11));
        assert!(is_aging(d("2024-07-01"), today, 11));
        assert!(!is_aging(d("2025-05-02"), today, 1));
        assert!(is_aging(d("2025-05-01"), today, 1));
        // Month ends: 31 March minus one month is 28 February (2025 is not a leap year).
        assert!(!is_aging(d("2025-02-28"), d("2025-03-31"), 1));
        assert!(is_aging(d("2025-02-27"), d("2025-03-31"), 1));
    }

    #[test]
    fn a_new_version_is_dated_within_the_last_twelve_months() {
        let today = d("2025-06-02");
        assert!(check_new_version(d("2024-06-02"), today).is_empty());
        assert!(check_new_version(today, today).is_empty());
        let code = |v: Vec<Violation>| v[0].code;
        assert_eq!(
            code(check_new_version(d("2024-06-01"), today)),
            RuleCode::PoeTooOld
        );
        assert_eq!(
            code(check_new_version(d("2025-06-03"), today)),
            RuleCode::PoeSignedInFuture
        );
    }
}
