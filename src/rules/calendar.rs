//! Business-day calendars and the opt-out deadline (SPEC §5).
//!
//! This module is pure: it reads no files, no clock and no database. Callers pass the
//! notification instant in and get the deadline day and instant back.
//!
//! The rule, in short:
//! 1. take the notification's local date `D` in the calendar's zone; when a cut-off is set and the
//!    local time of day is at or after it, use `D + 1` (the *start date*);
//! 2. the deadline day is the N-th business day strictly after the start date (the start date
//!    never counts — the QuantLib / Excel `WORKDAY` convention);
//! 3. the deadline instant is the first instant of the day after the deadline day in the
//!    calendar's zone ([`day_start`]), in UTC.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Bound::{Excluded, Included, Unbounded};
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::{GapInfo, Tz};

/// The longest run of consecutive non-business days the deadline walk crosses before it gives
/// up with [`CalendarError::WalkBoundExceeded`] (about ten years).
pub const MAX_NON_BUSINESS_RUN: u32 = 3660;

/// The weekdays in `Monday..=Sunday` order with their accepted three-letter tokens.
const WEEKDAY_TOKENS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

/// Errors from building a calendar or computing a deadline.
///
/// Every message names the offending value and says how to fix it; all of them are usage
/// errors from the command line's point of view.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// All seven days of the week are weekend days, so no date is ever a business day.
    #[error(
        "calendar '{calendar}' has all seven days ({weekend}) as weekend, so no day is a business \
         day; leave at least one day out of --weekend"
    )]
    NoBusinessDay {
        /// The calendar's name (empty when the weekend set was checked on its own).
        calendar: String,
        /// The weekend set as a comma list.
        weekend: String,
    },
    /// A token in a weekend list is not one of `mon`..`sun`.
    #[error(
        "unknown weekday '{token}' in weekend list '{input}'; use a comma list of mon, tue, wed, \
         thu, fri, sat, sun (or 'none' for no weekend)"
    )]
    UnknownWeekday {
        /// The token that was not recognised.
        token: String,
        /// The whole list as given.
        input: String,
    },
    /// A cut-off that is not `HH:MM` in `00:00..=23:59` nor `none`.
    #[error("invalid cut-off '{value}'; use a time of day HH:MM from 00:00 to 23:59, or 'none'")]
    BadCutoff {
        /// The value as given.
        value: String,
    },
    /// A time zone name that is not in the IANA database.
    #[error(
        "unknown time zone '{value}'; use an IANA zone name such as Europe/London, \
         America/New_York or UTC"
    )]
    UnknownTimeZone {
        /// The value as given.
        value: String,
    },
    /// The opt-out window was configured as zero business days.
    #[error(
        "the opt-out window must be at least 1 business day, got 0; set opt_out_business_days \
         to 1 or more (the default is 5)"
    )]
    ZeroBusinessDays,
    /// The walk met more than [`MAX_NON_BUSINESS_RUN`] consecutive non-business days.
    #[error(
        "calendar '{calendar}' has no business day in the {limit} days after {after} (weekend \
         and holidays cover them all); remove some holidays from the calendar"
    )]
    WalkBoundExceeded {
        /// The calendar's name.
        calendar: String,
        /// The last business day (or the start date) before the run of non-business days.
        after: NaiveDate,
        /// The bound that was exceeded, in days.
        limit: u32,
    },
    /// The deadline would fall outside the dates the program can represent.
    #[error(
        "the deadline for calendar '{calendar}' counting {business_days} business days from \
         {start} falls outside the supported date range; use a smaller opt_out_business_days"
    )]
    DateOutOfRange {
        /// The calendar's name.
        calendar: String,
        /// The start date of the walk.
        start: NaiveDate,
        /// The window length in business days.
        business_days: u32,
    },
}

/// A set of weekdays that are weekend (non-business) days.
///
/// Stored as a bit mask, bit `i` standing for the weekday `i` days from Monday.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct WeekendSet(u8);

impl WeekendSet {
    /// The empty set: every weekday is a business day.
    pub const NONE: WeekendSet = WeekendSet(0);

    /// The mask with all seven days set.
    const ALL_MASK: u8 = 0b111_1111;

    /// Saturday and Sunday, the weekend of the built-in `default` calendar.
    pub fn default_weekend() -> Self {
        Self::from_days([Weekday::Sat, Weekday::Sun])
    }

    /// The set holding exactly the given weekdays (duplicates are fine).
    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> Self {
        WeekendSet(days.into_iter().fold(0, |mask, d| mask | Self::bit(d)))
    }

    /// Parses a comma list of three-letter weekday names (`mon`..`sun`, case-insensitive,
    /// surrounding spaces ignored), for example `sat,sun` or `fri, sat`.
    ///
    /// An empty string or `none` is the empty set. Duplicates are accepted; empty items (as in
    /// `sat,,sun` or a trailing comma) are skipped. Any other token is
    /// [`CalendarError::UnknownWeekday`]. A list of all seven days parses; use
    /// [`Calendar::validate`] to reject it.
    pub fn parse(s: &str) -> Result<Self, CalendarError> {
        let trimmed = s.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("none") {
            return Ok(Self::NONE);
        }
        let mut mask = 0u8;
        for raw in trimmed.split(',') {
            let token = raw.trim();
            if token.is_empty() {
                continue;
            }
            let day = WEEKDAY_TOKENS
                .iter()
                .find(|(_, name)| token.eq_ignore_ascii_case(name))
                .map(|(day, _)| *day)
                .ok_or_else(|| CalendarError::UnknownWeekday {
                    token: token.to_string(),
                    input: s.to_string(),
                })?;
            mask |= Self::bit(day);
        }
        Ok(WeekendSet(mask))
    }

    /// Whether `day` is a weekend day.
    pub fn contains(&self, day: Weekday) -> bool {
        self.0 & Self::bit(day) != 0
    }

    /// The set as a comma list in Monday..Sunday order, e.g. `"sat,sun"`; `""` for no weekend.
    pub fn to_string_list(&self) -> String {
        self.days()
            .map(|d| WEEKDAY_TOKENS[d.num_days_from_monday() as usize].1)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The weekend days in Monday..Sunday order.
    pub fn days(&self) -> impl Iterator<Item = Weekday> + '_ {
        WEEKDAY_TOKENS
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| self.contains(*d))
    }

    /// The number of weekend days (0..=7).
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there is no weekend day at all.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The number of weekdays that are not weekend days (0..=7).
    pub fn business_days_per_week(&self) -> usize {
        7 - self.len()
    }

    /// Whether all seven days are weekend days.
    pub fn is_all(&self) -> bool {
        self.0 & Self::ALL_MASK == Self::ALL_MASK
    }

    fn bit(day: Weekday) -> u8 {
        1 << day.num_days_from_monday()
    }
}

impl FromStr for WeekendSet {
    type Err = CalendarError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for WeekendSet {
    /// Writes the comma list, or `none` for the empty set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&self.to_string_list())
        }
    }
}

/// A business-day calendar: zone, weekend, holidays and an optional daily cut-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The calendar's name (`default` for the built-in one).
    pub name: String,
    /// The IANA time zone in which dates and the cut-off are read.
    pub tz: Tz,
    /// The weekend days.
    pub weekend: WeekendSet,
    /// The holidays, each with an optional label.
    pub holidays: BTreeMap<NaiveDate, Option<String>>,
    /// Notifications at or after this local time of day count from the next day.
    pub cutoff: Option<NaiveTime>,
}

impl Calendar {
    /// The built-in `default` calendar: UTC, Saturday+Sunday weekend, no holidays, no cut-off.
    pub fn builtin_default() -> Calendar {
        Calendar {
            name: "default".to_string(),
            tz: Tz::UTC,
            weekend: WeekendSet::default_weekend(),
            holidays: BTreeMap::new(),
            cutoff: None,
        }
    }

    /// Whether `d` is a business day: neither a weekend day nor a holiday.
    pub fn is_business_day(&self, d: NaiveDate) -> bool {
        !self.weekend.contains(d.weekday()) && !self.holidays.contains_key(&d)
    }

    /// Checks that the calendar can have business days at all: the weekend must leave at
    /// least one day of the week free ([`CalendarError::NoBusinessDay`] otherwise).
    pub fn validate(&self) -> Result<(), CalendarError> {
        if self.weekend.is_all() {
            return Err(CalendarError::NoBusinessDay {
                calendar: self.name.clone(),
                weekend: self.weekend.to_string_list(),
            });
        }
        Ok(())
    }
}

/// Parses a cut-off time of day: `HH:MM` (`H:MM` also accepted) from `00:00` to `23:59`, or
/// `none` (case-insensitive) for no cut-off. Surrounding spaces are ignored.
pub fn parse_cutoff(s: &str) -> Result<Option<NaiveTime>, CalendarError> {
    let value = s.trim();
    if value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || CalendarError::BadCutoff {
        value: s.to_string(),
    };
    let (hh, mm) = value.split_once(':').ok_or_else(bad)?;
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hh.len()) || mm.len() != 2 || !all_digits(hh) || !all_digits(mm) {
        return Err(bad());
    }
    let hour: u32 = hh.parse().map_err(|_| bad())?;
    let minute: u32 = mm.parse().map_err(|_| bad())?;
    if hour > 23 || minute > 59 {
        return Err(bad());
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
        .map(Some)
        .ok_or_else(bad)
}

/// Parses an IANA time zone name such as `Europe/London` (surrounding spaces ignored; the
/// case of the letters does not matter, the canonical zone is returned).
pub fn parse_tz(s: &str) -> Result<Tz, CalendarError> {
    let value = s.trim();
    if let Ok(tz) = value.parse::<Tz>() {
        return Ok(tz);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|tz| tz.name().eq_ignore_ascii_case(value))
        .ok_or_else(|| CalendarError::UnknownTimeZone {
            value: s.to_string(),
        })
}

/// An opt-out deadline: the deadline day and the instant the claim becomes official.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The last business day of the window (a local date in the calendar's zone).
    pub day: NaiveDate,
    /// The first instant of the day after [`Deadline::day`] in the calendar's zone, in UTC.
    pub instant: DateTime<Utc>,
}

/// Computes the opt-out deadline for a notification at `notified` with a window of
/// `business_days` business days (SPEC §5).
///
/// Errors: [`CalendarError::ZeroBusinessDays`] for a zero window,
/// [`CalendarError::NoBusinessDay`] for an all-weekend calendar,
/// [`CalendarError::WalkBoundExceeded`] when more than [`MAX_NON_BUSINESS_RUN`] consecutive
/// days are non-business days, and [`CalendarError::DateOutOfRange`] when the deadline would
/// lie beyond the representable dates.
pub fn opt_out_deadline(
    cal: &Calendar,
    notified: DateTime<Utc>,
    business_days: u32,
) -> Result<Deadline, CalendarError> {
    if business_days == 0 {
        return Err(CalendarError::ZeroBusinessDays);
    }
    cal.validate()?;
    let start = start_date(cal, notified);
    let out_of_range = || CalendarError::DateOutOfRange {
        calendar: cal.name.clone(),
        start,
        business_days,
    };
    let per_week = cal.weekend.business_days_per_week() as u32;

    let mut day = start;
    let mut remaining = business_days;
    let mut last_business = start;
    while remaining > 0 {
        // Past the last holiday the pattern is purely weekly: skip whole weeks at once, leaving
        // at least one business day for the day-by-day steps below.
        if remaining > per_week
            && cal
                .holidays
                .range((Excluded(day), Unbounded))
                .next()
                .is_none()
        {
            let weeks = (remaining - 1) / per_week;
            day = day
                .checked_add_days(Days::new(7 * u64::from(weeks)))
                .ok_or_else(out_of_range)?;
            remaining -= weeks * per_week;
            last_business = day;
        }
        day = day.succ_opt().ok_or_else(out_of_range)?;
        if cal.is_business_day(day) {
            remaining -= 1;
            last_business = day;
        } else if day.signed_duration_since(last_business).num_days()
            > i64::from(MAX_NON_BUSINESS_RUN)
        {
            return Err(CalendarError::WalkBoundExceeded {
                calendar: cal.name.clone(),
                after: last_business,
                limit: MAX_NON_BUSINESS_RUN,
            });
        }
    }
    let next = day.succ_opt().ok_or_else(out_of_range)?;
    Ok(Deadline {
        day,
        instant: day_start(cal.tz, next),
    })
}

/// The start date of the walk (step 1 of SPEC §5): the local date of `notified` in the
/// calendar's zone, or the day after when a cut-off is set and the local time of day is at or
/// after it. The start date itself never counts as one of the business days.
///
/// (At the very end of the representable dates the result saturates instead of overflowing.)
pub fn start_date(cal: &Calendar, notified: DateTime<Utc>) -> NaiveDate {
    let local = notified.with_timezone(&cal.tz).naive_local();
    let date = local.date();
    match cal.cutoff {
        Some(cutoff) if local.time() >= cutoff => date.succ_opt().unwrap_or(date),
        _ => date,
    }
}

/// The number of business days `d` with `after < d <= through` (0 when `through <= after`).
///
/// Runs in time proportional to the number of holidays in the range (plus a logarithmic
/// lookup), not to the length of the range.
pub fn business_days_between(cal: &Calendar, after: NaiveDate, through: NaiveDate) -> u32 {
    if through <= after {
        return 0;
    }
    let total = through.signed_duration_since(after).num_days();
    let full_weeks = total / 7;
    let mut count = full_weeks * cal.weekend.business_days_per_week() as i64;
    // The leftover days (fewer than 7) start on the weekday after `after` in any case, since
    // whole weeks end on the same weekday they start.
    let mut weekday = after.weekday();
    for _ in 0..total % 7 {
        weekday = weekday.succ();
        if !cal.weekend.contains(weekday) {
            count += 1;
        }
    }
    let holidays_on_weekdays = cal
        .holidays
        .range((Excluded(after), Included(through)))
        .filter(|(d, _)| !cal.weekend.contains(d.weekday()))
        .count() as i64;
    u32::try_from(count - holidays_on_weekdays).unwrap_or(u32::MAX)
}

/// The first instant of the local day `day` in `tz`, in UTC.
///
/// That is local midnight when it exists; the earliest of the two when midnight occurs twice
/// (a fold); and, when midnight is skipped by a forward clock change (a gap, as in
/// America/Sao_Paulo on 2018-11-04), the first instant after the gap — the transition instant
/// itself. If the whole day is skipped (Pacific/Apia, 2011-12-30) this is the first instant of
/// the next day that exists.
pub fn day_start(tz: Tz, day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN);
    match tz.from_local_datetime(&midnight) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => GapInfo::new(&midnight, &tz)
            .and_then(|gap| gap.end)
            .map(|end| end.with_timezone(&Utc))
            .unwrap_or_else(|| first_instant_reaching(tz, midnight)),
    }
}

/// The earliest instant (to the second) whose wall-clock time in `tz` is at or after `local`,
/// found by bisection over a window wider than any UTC offset. Used for gaps when the zone data
/// gives no transition instant.
fn first_instant_reaching(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    // No UTC offset in the database reaches 26 hours, so the wall clock at `base - WINDOW` is
    // before `local` and the wall clock at `base + WINDOW` is after it.
    const WINDOW: i64 = 26 * 3600;
    let base = local.and_utc().timestamp();
    let reached = |secs: i64| match DateTime::from_timestamp(secs, 0) {
        Some(t) => t.with_timezone(&tz).naive_local() >= local,
        None => secs > base,
    };
    let (mut lo, mut hi) = (base - WINDOW, base + WINDOW);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reached(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn tz(name: &str) -> Tz {
        name.parse().unwrap()
    }

    fn calendar(zone: &str, weekend: &str, holidays: &[NaiveDate], cutoff: &str) -> Calendar {
        Calendar {
            name: "test".to_string(),
            tz: tz(zone),
            weekend: WeekendSet::parse(weekend).unwrap(),
            holidays: holidays.iter().map(|d| (*d, None)).collect(),
            cutoff: parse_cutoff(cutoff).unwrap(),
        }
    }

    fn deadline(cal: &Calendar, notified: &str, n: u32) -> Deadline {
        opt_out_deadline(cal, utc(notified), n).unwrap()
    }

    // ---- SPEC §5 examples ----

    #[test]
    fn spec_example_monday_default_calendar() {
        let d = deadline(&Calendar::builtin_default(), "2025-06-02T10:00:00Z", 5);
        assert_eq!(d.day, date(2025, 6, 9));
        assert_eq!(d.instant, utc("2025-06-10T00:00:00Z"));
    }

    #[test]
    fn spec_example_saturday_any_time() {
        let cal = Calendar::builtin_default();
        for t in [
            "2025-06-07T00:00:00Z",
            "2025-06-07T12:34:56Z",
            "2025-06-07T23:59:59Z",
        ] {
            let d = deadline(&cal, t, 5);
            assert_eq!(d.day, date(2025, 6, 13), "notified {t}");
            assert_eq!(d.day.weekday(), Weekday::Fri);
            assert_eq!(d.instant, utc("2025-06-14T00:00:00Z"));
        }
    }

    #[test]
    fn spec_example_london_christmas() {
        let cal = calendar(
            "Europe/London",
            "sat,sun",
            &[date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)],
            "none",
        );
        let d = deadline(&cal, "2025-12-24T14:00:00Z", 5);
        assert_eq!(d.day, date(2026, 1, 5));
        assert_eq!(d.day.weekday(), Weekday::Mon);
        assert_eq!(d.instant, utc("2026-01-06T00:00:00Z"));
    }

    // ---- more examples ----

    #[test]
    fn builtin_default_calendar() {
        let cal = Calendar::builtin_default();
        assert_eq!(cal.name, "default");
        assert_eq!(cal.tz, Tz::UTC);
        assert_eq!(cal.weekend.to_string_list(), "sat,sun");
        assert!(cal.holidays.is_empty());
        assert_eq!(cal.cutoff, None);
        assert_eq!(cal.validate(), Ok(()));
    }

    #[test]
    fn new_york_spring_forward_changes_the_utc_offset() {
        // DST starts Sun 2025-03-09. Notified Mon 03-03 09:00 EST: deadline day Mon 03-10
        // (EDT), deadline 03-11T00:00-04:00.
        let cal = calendar("America/New_York", "sat,sun", &[], "none");
        let d = deadline(&cal, "2025-03-03T14:00:00Z", 5);
        assert_eq!(d.day, date(2025, 3, 10));
        assert_eq!(d.instant, utc("2025-03-11T04:00:00Z"));
        // The week before, still in EST.
        let d = deadline(&cal, "2025-02-24T14:00:00Z", 5);
        assert_eq!(d.day, date(2025, 3, 3));
        assert_eq!(d.instant, utc("2025-03-04T05:00:00Z"));
    }

    #[test]
    fn new_york_fall_back_changes_the_utc_offset() {
        // DST ends Sun 2025-11-02. Notified Mon 10-27 (EDT): deadline day Mon 11-03 (EST).
        let cal = calendar("America/New_York", "sat,sun", &[], "none");
        let d = deadline(&cal, "2025-10-27T13:00:00Z", 5);
        assert_eq!(d.day, date(2025, 11, 3));
        assert_eq!(d.instant, utc("2025-11-04T05:00:00Z"));
        let d = deadline(&cal, "2025-10-20T13:00:00Z", 5);
        assert_eq!(d.instant, utc("2025-10-28T04:00:00Z"));
        // 01:00 local happens twice on 11-02 but midnight does not: plain midnight EDT.
        assert_eq!(
            day_start(cal.tz, date(2025, 11, 2)),
            utc("2025-11-02T04:00:00Z")
        );
    }

    #[test]
    fn day_start_in_a_midnight_gap_is_the_transition_instant() {
        // Brazil started DST at local midnight on 2018-11-04: 00:00 -03 became 01:00 -02.
        let sp = tz("America/Sao_Paulo");
        assert!(
            sp.from_local_datetime(&date(2018, 11, 4).and_time(NaiveTime::MIN))
                .single()
                .is_none()
        );
        let start = day_start(sp, date(2018, 11, 4));
        assert_eq!(start, utc("2018-11-04T03:00:00Z"));
        assert_eq!(
            start.with_timezone(&sp).naive_local(),
            date(2018, 11, 4).and_hms_opt(1, 0, 0).unwrap()
        );
        // One second earlier is still the previous local day.
        let before = start - chrono::Duration::seconds(1);
        assert_eq!(before.with_timezone(&sp).date_naive(), date(2018, 11, 3));
        // And a deadline landing on that day ends at the transition instant.
        let cal = calendar("America/Sao_Paulo", "sat,sun", &[], "none");
        let d = deadline(&cal, "2018-10-26T15:00:00Z", 5); // Fri -> Fri 11-02
        assert_eq!(d.day, date(2018, 11, 2));
        assert_eq!(d.instant, day_start(sp, date(2018, 11, 3)));
        let d = deadline(&cal, "2018-10-26T15:00:00Z", 5);
        assert_eq!(d.instant, utc("2018-11-03T03:00:00Z"));
        let saturday_cal = calendar("America/Sao_Paulo", "none", &[], "none");
        let d = deadline(&saturday_cal, "2018-10-29T15:00:00Z", 5); // Mon -> Sat 11-03
        assert_eq!(d.day, date(2018, 11, 3));
        assert_eq!(d.instant, utc("2018-11-04T03:00:00Z"));
    }

    #[test]
    fn day_start_of_a_skipped_day_is_the_next_existing_instant() {
        // Samoa skipped 2011-12-30 entirely (UTC-10 -> UTC+14).
        let apia = tz("Pacific/Apia");
        let start = day_start(apia, date(2011, 12, 30));
        assert_eq!(start, utc("2011-12-30T10:00:00Z"));
        assert_eq!(start, day_start(apia, date(2011, 12, 31)));
        assert_eq!(start.with_timezone(&apia).date_naive(), date(2011, 12, 31));
    }

    #[test]
    fn day_start_in_a_midnight_fold_is_the_earliest() {
        // Cuba ended DST at 01:00 CDT on 2022-11-06, back to 00:00 CST: midnight happens twice.
        let havana = tz("America/Havana");
        let midnight = date(2022, 11, 6).and_time(NaiveTime::MIN);
        assert!(matches!(
            havana.from_local_datetime(&midnight),
            LocalResult::Ambiguous(_, _)
        ));
        assert_eq!(
            day_start(havana, date(2022, 11, 6)),
            utc("2022-11-06T04:00:00Z")
        );
    }

    #[test]
    fn bisection_fallback_agrees_with_the_zone_data() {
        for (zone, day, expected) in [
            (
                "America/Sao_Paulo",
                date(2018, 11, 4),
                "2018-11-04T03:00:00Z",
            ),
            ("America/Havana", date(2020, 3, 8), "2020-03-08T05:00:00Z"),
            ("Pacific/Apia", date(2011, 12, 30), "2011-12-30T10:00:00Z"),
            ("Asia/Beirut", date(2024, 3, 31), "2024-03-30T22:00:00Z"),
        ] {
            let zone = tz(zone);
            let midnight = day.and_time(NaiveTime::MIN);
            assert!(zone.from_local_datetime(&midnight).single().is_none());
            assert_eq!(first_instant_reaching(zone, midnight), utc(expected));
            assert_eq!(day_start(zone, day), utc(expected));
        }
    }

    #[test]
    fn friday_saturday_weekend() {
        // Riyadh (UTC+3), weekend Fri+Sat. Notified Thu 2025-06-05 10:00 local.
        let cal = calendar("Asia/Riyadh", "fri,sat", &[], "none");
        let d = deadline(&cal, "2025-06-05T07:00:00Z", 5);
        // Sun 8, Mon 9, Tue 10, Wed 11, Thu 12.
        assert_eq!(d.day, date(2025, 6, 12));
        assert_eq!(d.instant, utc("2025-06-12T21:00:00Z"));
        // A Friday notification: Sun..Thu of the next week.
        let d = deadline(&cal, "2025-06-06T07:00:00Z", 5);
        assert_eq!(d.day, date(2025, 6, 12));
        // Sunday is a business day there: Sun 06-08 notification -> Sun 06-15.
        let d = deadline(&cal, "2025-06-08T07:00:00Z", 5);
        assert_eq!(d.day, date(2025, 6, 15));
    }

    #[test]
    fn cutoff_just_before_and_exactly_at() {
        // Europe/London in June is UTC+1; cut-off 17:00 local = 16:00Z.
        let cal = calendar("Europe/London", "sat,sun", &[], "17:00");
        let before = deadline(&cal, "2025-06-02T15:59:59Z", 5);
        assert_eq!(
            start_date(&cal, utc("2025-06-02T15:59:59Z")),
            date(2025, 6, 2)
        );
        assert_eq!(before.day, date(2025, 6, 9));
        let at = deadline(&cal, "2025-06-02T16:00:00Z", 5);
        assert_eq!(
            start_date(&cal, utc("2025-06-02T16:00:00Z")),
            date(2025, 6, 3)
        );
        assert_eq!(at.day, date(2025, 6, 10));
        assert_eq!(at.instant, utc("2025-06-10T23:00:00Z"));
        // A cut-off on a Friday moves the start to Saturday, which changes nothing.
        let fri = deadline(&cal, "2025-06-06T16:30:00Z", 5);
        assert_eq!(fri.day, date(2025, 6, 13));
    }

    #[test]
    fn cutoff_at_midnight_moves_every_notification() {
        let cal = calendar("UTC", "none", &[], "00:00");
        assert_eq!(
            start_date(&cal, utc("2025-06-02T00:00:00Z")),
            date(2025, 6, 3)
        );
        assert_eq!(
            deadline(&cal, "2025-06-02T00:00:00Z", 1).day,
            date(2025, 6, 4)
        );
    }

    #[test]
    fn notification_on_a_holiday() {
        // Notified on the holiday itself (Thu 2025-12-25): the start date never counts anyway.
        let cal = calendar(
            "Europe/London",
            "sat,sun",
            &[date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)],
            "none",
        );
        let d = deadline(&cal, "2025-12-25T10:00:00Z", 5);
        // Mon 29, Tue 30, Wed 31, (Thu 1 holiday), Fri 2, Mon 5.
        assert_eq!(d.day, date(2026, 1, 5));
        let d = deadline(&cal, "2025-12-25T10:00:00Z", 1);
        assert_eq!(d.day, date(2025, 12, 29));
    }

    #[test]
    fn late_utc_evening_is_already_tomorrow_in_tokyo() {
        // 2025-06-06T20:00Z is Sat 2025-06-07 05:00 in Tokyo.
        let cal = calendar("Asia/Tokyo", "sat,sun", &[], "none");
        assert_eq!(
            start_date(&cal, utc("2025-06-06T20:00:00Z")),
            date(2025, 6, 7)
        );
        let d = deadline(&cal, "2025-06-06T20:00:00Z", 5);
        assert_eq!(d.day, date(2025, 6, 13));
        assert_eq!(d.instant, utc("2025-06-13T15:00:00Z"));
        // The same instant in UTC is still Friday: deadline Fri 06-13 as well, but from Fri.
        let d = deadline(&Calendar::builtin_default(), "2025-06-06T20:00:00Z", 5);
        assert_eq!(d.day, date(2025, 6, 13));
        let d = deadline(&Calendar::builtin_default(), "2025-06-06T20:00:00Z", 1);
        assert_eq!(d.day, date(2025, 6, 9));
        let d = deadline(&cal, "2025-06-06T20:00:00Z", 1);
        assert_eq!(d.day, date(2025, 6, 9));
        // Thursday 16:00Z is Friday in Tokyo: one business day later is Monday, not Friday.
        let d = deadline(&cal, "2025-06-05T16:00:00Z", 1);
        assert_eq!(d.day, date(2025, 6, 9));
    }

    #[test]
    fn all_seven_weekend_is_rejected() {
        let mut cal = Calendar::builtin_default();
        cal.weekend = WeekendSet::parse("mon,tue,wed,thu,fri,sat,sun").unwrap();
        let err = cal.validate().unwrap_err();
        assert!(matches!(err, CalendarError::NoBusinessDay { .. }));
        let msg = err.to_string();
        assert!(msg.contains("mon,tue,wed,thu,fri,sat,sun"), "{msg}");
        assert!(msg.contains("--weekend"), "{msg}");
        assert_eq!(
            opt_out_deadline(&cal, utc("2025-06-02T10:00:00Z"), 5),
            Err(err)
        );
    }

    #[test]
    fn zero_business_days_is_rejected() {
        let err = opt_out_deadline(&Calendar::builtin_default(), utc("2025-06-02T10:00:00Z"), 0)
            .unwrap_err();
        assert_eq!(err, CalendarError::ZeroBusinessDays);
        assert!(err.to_string().contains("at least 1"));
    }

    #[test]
    fn long_holiday_run_exceeds_the_bound() {
        let mut cal = calendar("UTC", "sat,sun", &[], "none");
        let first = date(2025, 6, 3);
        let mut d = first;
        for _ in 0..4000 {
            cal.holidays.insert(d, Some("closed".to_string()));
            d = d.succ_opt().unwrap();
        }
        let err = opt_out_deadline(&cal, utc("2025-06-02T10:00:00Z"), 5).unwrap_err();
        assert_eq!(
            err,
            CalendarError::WalkBoundExceeded {
                calendar: "test".to_string(),
                after: date(2025, 6, 2),
                limit: MAX_NON_BUSINESS_RUN,
            }
        );
        assert!(err.to_string().contains("2025-06-02"));
        // A run just under the bound is crossed.
        let mut cal = calendar("UTC", "none", &[], "none");
        let mut d = first;
        for _ in 0..MAX_NON_BUSINESS_RUN {
            cal.holidays.insert(d, None);
            d = d.succ_opt().unwrap();
        }
        let got = deadline(&cal, "2025-06-02T10:00:00Z", 1);
        assert_eq!(got.day, d);
    }

    #[test]
    fn huge_windows_finish_or_report_the_date_range() {
        let cal = Calendar::builtin_default();
        // 1,000,000 business days with no holidays: 200,000 weeks.
        let d = deadline(&cal, "2025-06-02T10:00:00Z", 1_000_000);
        assert_eq!(d.day, date(2025, 6, 2) + Days::new(7 * 200_000));
        assert_eq!(
            business_days_between(&cal, date(2025, 6, 2), d.day),
            1_000_000
        );
        let err = opt_out_deadline(&cal, utc("2025-06-02T10:00:00Z"), u32::MAX).unwrap_err();
        assert!(matches!(err, CalendarError::DateOutOfRange { .. }), "{err}");
    }

    #[test]
    fn weekend_set_parsing() {
        let w = WeekendSet::parse("sat,sun").unwrap();
        assert_eq!(w, WeekendSet::default_weekend());
        assert_eq!(w.len(), 2);
        assert!(w.contains(Weekday::Sat) && w.contains(Weekday::Sun));
        assert!(!w.contains(Weekday::Mon));
        assert_eq!(
            WeekendSet::parse(" Sun , SAT,sat ")
                .unwrap()
                .to_string_list(),
            "sat,sun"
        );
        assert_eq!(
            WeekendSet::parse("fri,sat").unwrap().to_string_list(),
            "fri,sat"
        );
        assert_eq!(
            WeekendSet::parse("sun,mon").unwrap().to_string_list(),
            "mon,sun"
        );
        for none in ["", "  ", "none", "NONE"] {
            let w = WeekendSet::parse(none).unwrap();
            assert!(w.is_empty());
            assert_eq!(w.to_string_list(), "");
            assert_eq!(w.to_string(), "none");
        }
        assert_eq!(WeekendSet::parse("sat,,sun,").unwrap().len(), 2);
        let err = WeekendSet::parse("sat,sunday").unwrap_err();
        assert_eq!(
            err,
            CalendarError::UnknownWeekday {
                token: "sunday".to_string(),
                input: "sat,sunday".to_string()
            }
        );
        let msg = err.to_string();
        assert!(
            msg.contains("'sunday'") && msg.contains("mon, tue"),
            "{msg}"
        );
        assert!(WeekendSet::parse("none,sat").is_err());
        let all = WeekendSet::parse("mon,tue,wed,thu,fri,sat,sun").unwrap();
        assert!(all.is_all());
        assert_eq!(all.business_days_per_week(), 0);
        assert_eq!("fri".parse::<WeekendSet>().unwrap().len(), 1);
    }

    #[test]
    fn cutoff_parsing() {
        assert_eq!(parse_cutoff("none"), Ok(None));
        assert_eq!(parse_cutoff("None"), Ok(None));
        assert_eq!(
            parse_cutoff("17:30"),
            Ok(NaiveTime::from_hms_opt(17, 30, 0))
        );
        assert_eq!(parse_cutoff("00:00"), Ok(Some(NaiveTime::MIN)));
        assert_eq!(
            parse_cutoff("23:59"),
            Ok(NaiveTime::from_hms_opt(23, 59, 0))
        );
        assert_eq!(parse_cutoff(" 9:05 "), Ok(NaiveTime::from_hms_opt(9, 5, 0)));
        for bad in [
            "24:00", "23:60", "1730", "17:3", "17:30:00", "", "-1:00", "+1:00", "ab:cd", "123:00",
            "17:3x",
        ] {
            let err = parse_cutoff(bad).unwrap_err();
            assert_eq!(
                err,
                CalendarError::BadCutoff {
                    value: bad.to_string()
                }
            );
            assert!(err.to_string().contains("HH:MM"));
        }
    }

    #[test]
    fn tz_parsing() {
        assert_eq!(parse_tz("Europe/London"), Ok(Tz::Europe__London));
        assert_eq!(parse_tz(" europe/london "), Ok(Tz::Europe__London));
        assert_eq!(parse_tz("UTC"), Ok(Tz::UTC));
        assert_eq!(parse_tz("utc"), Ok(Tz::UTC));
        let err = parse_tz("Mars/Olympus_Mons").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("'Mars/Olympus_Mons'") && msg.contains("Europe/London"),
            "{msg}"
        );
        assert!(parse_tz("").is_err());
    }

    #[test]
    fn business_days_between_examples() {
        let cal = calendar(
            "UTC",
            "sat,sun",
            &[date(2025, 6, 4), date(2025, 6, 7)],
            "none",
        );
        assert_eq!(
            business_days_between(&cal, date(2025, 6, 2), date(2025, 6, 2)),
            0
        );
        assert_eq!(
            business_days_between(&cal, date(2025, 6, 9), date(2025, 6, 2)),
            0
        );
        // Tue 3, (Wed 4 holiday), Thu 5, Fri 6, (Sat 7 weekend holiday), (Sun 8), Mon 9.
        assert_eq!(
            business_days_between(&cal, date(2025, 6, 2), date(2025, 6, 9)),
            4
        );
        assert_eq!(
            business_days_between(&cal, date(2025, 6, 1), date(2025, 6, 2)),
            1
        );
        assert_eq!(
            business_days_between(&cal, date(2025, 1, 1), date(2026, 1, 1)),
            260
        );
    }

    // ---- properties ----

    const ZONES: &[&str] = &[
        "UTC",
        "Europe/London",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/Sao_Paulo",
        "Asia/Riyadh",
        "Asia/Tokyo",
        "America/Havana",
        "America/Santiago",
        "Atlantic/Azores",
        "Asia/Beirut",
        "Pacific/Apia",
    ];

    /// 2000-01-01T00:00:00Z and 2040-01-01T00:00:00Z.
    const T_MIN: i64 = 946_684_800;
    const T_MAX: i64 = 2_208_988_800;

    fn zone() -> impl Strategy<Value = Tz> {
        prop::sample::select(ZONES).prop_map(|name| name.parse::<Tz>().unwrap())
    }

    fn weekend() -> impl Strategy<Value = WeekendSet> {
        // Any subset but the full week; biased towards the usual two-day weekends.
        prop_oneof![
            3 => prop::sample::select(vec!["sat,sun", "fri,sat", "fri", "sun", "none"])
                .prop_map(|s| WeekendSet::parse(s).unwrap()),
            2 => (0u8..0x7f).prop_map(WeekendSet),
        ]
    }

    fn cutoff() -> impl Strategy<Value = Option<NaiveTime>> {
        prop_oneof![
            Just(None),
            (0u32..24).prop_map(|h| NaiveTime::from_hms_opt(h, 0, 0)),
            (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
        ]
    }

    /// Instants from 2000 to 2040: uniform, or within a second of a whole UTC hour (where
    /// local midnights and whole-hour cut-offs of most zones fall).
    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        prop_oneof![
            T_MIN..T_MAX,
            ((T_MIN / 3600)..(T_MAX / 3600), -1i64..=1).prop_map(|(h, s)| h * 3600 + s),
        ]
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
    }

    /// A calendar and a notification instant, with holidays clustered around the
    /// notification (offsets in days from its UTC date) so that they matter.
    fn scenario() -> impl Strategy<Value = (Calendar, DateTime<Utc>)> {
        (
            zone(),
            weekend(),
            cutoff(),
            instant(),
            prop::collection::vec(-5i64..40, 0..25),
            prop::collection::vec(-400i64..400, 0..10),
        )
            .prop_map(|(tz, weekend, cutoff, notified, near, far)| {
                let base = notified.date_naive();
                let holidays = near
                    .into_iter()
                    .chain(far)
                    .map(|off| (base + chrono::Duration::days(off), Some(format!("h{off}"))))
                    .collect();
                let cal = Calendar {
                    name: "prop".to_string(),
                    tz,
                    weekend,
                    holidays,
                    cutoff,
                };
                (cal, notified)
            })
    }

    /// The obvious first instant of a local day: scan the wall clock second by second from
    /// midnight until a time that exists, and take its earliest occurrence.
    fn naive_day_start(tz: Tz, day: NaiveDate) -> DateTime<Utc> {
        let mut local = day.and_time(NaiveTime::MIN);
        loop {
            if let Some(t) = tz.from_local_datetime(&local).earliest() {
                return t.with_timezone(&Utc);
            }
            local += chrono::Duration::seconds(1);
        }
    }

    /// The obvious day-by-day walk of SPEC §5.
    fn naive_deadline(cal: &Calendar, notified: DateTime<Utc>, n: u32) -> Deadline {
        let local = notified.with_timezone(&cal.tz);
        let mut day = local.date_naive();
        if cal.cutoff.is_some_and(|c| local.time() >= c) {
            day += chrono::Duration::days(1);
        }
        let mut count = 0;
        while count < n {
            day += chrono::Duration::days(1);
            let weekend = cal.weekend.contains(day.weekday());
            let holiday = cal.holidays.contains_key(&day);
            if !weekend && !holiday {
                count += 1;
            }
        }
        Deadline {
            day,
            instant: naive_day_start(cal.tz, day + chrono::Duration::days(1)),
        }
    }

    fn naive_between(cal: &Calendar, after: NaiveDate, through: NaiveDate) -> u32 {
        let mut n = 0;
        let mut d = after;
        while d < through {
            d = d.succ_opt().unwrap();
            if cal.is_business_day(d) {
                n += 1;
            }
        }
        n
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn prop_deadline_day_is_a_business_day((cal, notified) in scenario(), n in 1u32..=10) {
            let d = opt_out_deadline(&cal, notified, n).unwrap();
            prop_assert!(!cal.weekend.contains(d.day.weekday()));
            prop_assert!(!cal.holidays.contains_key(&d.day));
            prop_assert!(cal.is_business_day(d.day));
        }

        #[test]
        fn prop_deadline_is_monotone(
            (cal, notified) in scenario(),
            delta in 0i64..(10 * 86_400),
            n in 1u32..=10,
        ) {
            let later = notified + chrono::Duration::seconds(delta);
            let d1 = opt_out_deadline(&cal, notified, n).unwrap();
            let d2 = opt_out_deadline(&cal, later, n).unwrap();
            prop_assert!(d1.day <= d2.day, "{d1:?} {d2:?}");
            prop_assert!(d1.instant <= d2.instant, "{d1:?} {d2:?}");
        }

        #[test]
        fn prop_deadline_matches_the_naive_walk((cal, notified) in scenario(), n in 1u32..=10) {
            prop_assert_eq!(
                opt_out_deadline(&cal, notified, n).unwrap(),
                naive_deadline(&cal, notified, n)
            );
        }

        #[test]
        fn prop_window_holds_exactly_n_business_days(
            (cal, notified) in scenario(),
            n in 1u32..=10,
        ) {
            let start = start_date(&cal, notified);
            let d = opt_out_deadline(&cal, notified, n).unwrap();
            prop_assert_eq!(business_days_between(&cal, start, d.day), n);
            // ... and the deadline day is the first day at which that count is reached.
            prop_assert_eq!(business_days_between(&cal, start, d.day.pred_opt().unwrap()), n - 1);
        }

        #[test]
        fn prop_deadline_instant_is_after_notification_and_a_day_start(
            (cal, notified) in scenario(),
            n in 1u32..=10,
        ) {
            let d = opt_out_deadline(&cal, notified, n).unwrap();
            prop_assert!(d.instant > notified);
            prop_assert_eq!(d.instant, day_start(cal.tz, d.day.succ_opt().unwrap()));
        }

        #[test]
        fn prop_day_start_is_the_first_instant_of_the_day(
            tz in zone(),
            days in 0i64..(40 * 366),
        ) {
            let day = date(2000, 1, 1) + chrono::Duration::days(days);
            let start = day_start(tz, day);
            prop_assert_eq!(start, naive_day_start(tz, day));
            let local = start.with_timezone(&tz).naive_local();
            let before = (start - chrono::Duration::seconds(1)).with_timezone(&tz).naive_local();
            prop_assert!(before < day.and_time(NaiveTime::MIN));
            if local.date() == day {
                prop_assert!(tz.from_local_datetime(&day.and_time(NaiveTime::MIN)).earliest()
                    .is_none_or(|t| t.with_timezone(&Utc) == start));
            } else {
                // Only a day that is skipped entirely starts on a later local date.
                prop_assert!(local.date() > day);
                prop_assert_eq!(local.time(), NaiveTime::MIN);
            }
        }

        #[test]
        fn prop_cutoff_boundary_is_inclusive(
            tz in zone(),
            days in 0i64..(40 * 366),
            (h, m) in (0u32..24, 0u32..60),
        ) {
            let day = date(2000, 1, 1) + chrono::Duration::days(days);
            let cut = NaiveTime::from_hms_opt(h, m, 0).unwrap();
            let cal = Calendar { tz, cutoff: Some(cut), ..Calendar::builtin_default() };
            // Skip wall-clock times that do not exist that day (a gap).
            if let Some(at) = tz.from_local_datetime(&day.and_time(cut)).earliest() {
                let at = at.with_timezone(&Utc);
                prop_assert_eq!(start_date(&cal, at), day.succ_opt().unwrap());
                let just_before = at - chrono::Duration::seconds(1);
                if just_before.with_timezone(&tz).date_naive() == day {
                    prop_assert_eq!(start_date(&cal, just_before), day);
                }
            }
        }

        #[test]
        fn prop_business_days_between_matches_counting(
            (cal, notified) in scenario(),
            from in -30i64..30,
            len in -5i64..400,
        ) {
            let after = notified.date_naive() + chrono::Duration::days(from);
            let through = after + chrono::Duration::days(len);
            prop_assert_eq!(
                business_days_between(&cal, after, through),
                naive_between(&cal, after, through)
            );
        }

        #[test]
        fn prop_weekend_list_round_trips(mask in 0u8..0x80) {
            let w = WeekendSet(mask);
            prop_assert_eq!(WeekendSet::parse(&w.to_string_list()).unwrap(), w);
            prop_assert_eq!(WeekendSet::parse(&w.to_string()).unwrap(), w);
            prop_assert_eq!(w.len(), w.days().count());
        }
    }

    #[test]
    fn day_start_matches_the_naive_scan_for_every_day_2000_to_2040() {
        for name in ZONES {
            let tz = tz(name);
            let mut day = date(2000, 1, 1);
            while day < date(2040, 1, 1) {
                assert_eq!(day_start(tz, day), naive_day_start(tz, day), "{name} {day}");
                day = day.succ_opt().unwrap();
            }
        }
    }
}
