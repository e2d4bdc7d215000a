//! The daily work queue (SPEC v2 §6 `cpor due`): how many business days a pending claim has
//! left, and which claims are closing or overdue.

use super::calendar::{Calendar, business_days_between};
use super::lifecycle::is_due;
use crate::model::Status;
use chrono::{DateTime, NaiveDate, Utc};

/// Default of `due --within`.
pub const DEFAULT_WITHIN: u32 = 2;

/// The business days of `cal` strictly after today's local date (in the calendar's zone) up
/// to and including `deadline_day`; 0 on the deadline day and after.
pub fn business_days_left(cal: &Calendar, deadline_day: NaiveDate, now: DateTime<Utc>) -> u32 {
    let today = now.with_timezone(&cal.tz).date_naive();
    business_days_between(cal, today, deadline_day)
}

/// Where a claim belongs in the queue's first two sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Pending, deadline not reached, at most `within` business days left.
    Closing { business_days_left: u32 },
    /// Pending past its deadline: finalize is not running.
    Overdue,
}

/// Whether a claim is closing or overdue at `now`.
pub fn queue(
    status: Status,
    deadline: DateTime<Utc>,
    business_days_left: u32,
    within: u32,
    now: DateTime<Utc>,
) -> Option<Queue> {
    if status != Status::Pending {
        return None;
    }
    if is_due(status, deadline, now) {
        return Some(Queue::Overdue);
    }
    (business_days_left <= within).then_some(Queue::Closing { business_days_left })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::calendar::{WeekendSet, parse_tz};

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn days_left_skip_weekends_and_holidays_in_the_calendars_zone() {
        let mut cal = Calendar::builtin_default();
        // Friday 2025-06-06 in UTC; the deadline day is Tuesday 2025-06-10.
        let day = "2025-06-10".parse().unwrap();
        assert_eq!(business_days_left(&cal, day, t("2025-06-06T12:00:00Z")), 2);
        cal.holidays
            .insert("2025-06-09".parse().unwrap(), Some("Whit Monday".into()));
        assert_eq!(business_days_left(&cal, day, t("2025-06-06T12:00:00Z")), 1);
        // In Auckland it is already Saturday: the same instant leaves the same days.
        cal.tz = parse_tz("Pacific/Auckland").unwrap();
        cal.weekend = WeekendSet::default_weekend();
        assert_eq!(business_days_left(&cal, day, t("2025-06-06T12:00:00Z")), 1);
        assert_eq!(business_days_left(&cal, day, t("2025-06-10T01:00:00Z")), 0);
        assert_eq!(business_days_left(&cal, day, t("2025-06-20T01:00:00Z")), 0);
    }

    #[test]
    fn closing_and_overdue() {
        let deadline = t("2025-06-11T00:00:00Z");
        let now = t("2025-06-09T10:00:00Z");
        assert_eq!(
            queue(Status::Pending, deadline, 1, 2, now),
            Some(Queue::Closing {
                business_days_left: 1
            })
        );
        assert_eq!(queue(Status::Pending, deadline, 3, 2, now), None);
        assert_eq!(queue(Status::Official, deadline, 0, 2, now), None);
        assert_eq!(
            queue(Status::Pending, deadline, 0, 2, deadline),
            Some(Queue::Overdue)
        );
    }
}
