//! Holiday files for `cpor calendar import` (SPEC §6).
//!
//! The file formats are read by maintained crates: CSV `date,label` rows by `csv`, iCalendar
//! (RFC 5545) by `icalendar`'s parser, and recurrence (`RRULE`, `RDATE`, `EXDATE`) is expanded
//! by `rrule` over a [`YearRange`]. What stays here is cpor's own policy: holidays are all-day
//! events, a multi-day event covers each of its days, years are 1900 to 2999, the first label
//! of a date wins, and every error names the line (and, for iCalendar, the event).

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeZone};
use icalendar::parser::{Component, Property, read_components, unfold};
use rrule::{Frequency, RRule, RRuleSet, Tz, Unvalidated};

use crate::rules::format::parse_date;

/// The longest all-day event expanded, in days. A longer span is almost always a typing error
/// in DTEND or DURATION.
pub const MAX_EVENT_DAYS: i64 = 366;

/// The years a holiday may fall in.
pub const YEARS: RangeInclusive<i32> = 1900..=2999;

/// The most years one import expands recurring events into.
pub const MAX_SPAN_YEARS: i32 = 50;

/// One holiday: a date and an optional label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The holiday's date.
    pub date: NaiveDate,
    /// A human-readable name such as "Christmas Day", if the file gave one.
    pub label: Option<String>,
}

/// The years recurring events are expanded into, both ends included (`--years FROM..TO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    pub from: i32,
    pub to: i32,
}

impl YearRange {
    /// `year` and the next two: the default of `--years`.
    pub fn starting(year: i32) -> Self {
        YearRange {
            from: year,
            to: year + 2,
        }
    }

    /// Parses `FROM..TO`: four-digit years, FROM <= TO, within [`YEARS`], at most
    /// [`MAX_SPAN_YEARS`] years.
    pub fn parse(s: &str) -> Result<Self, String> {
        let year = |y: &str| (y.len() == 4).then(|| y.parse::<u16>().ok()).flatten();
        match s.trim().split_once("..").map(|(f, t)| (year(f), year(t))) {
            Some((Some(from), Some(to)))
                if YEARS.contains(&from.into())
                    && YEARS.contains(&to.into())
                    && from <= to
                    && i32::from(to - from) < MAX_SPAN_YEARS =>
            {
                Ok(YearRange {
                    from: from.into(),
                    to: to.into(),
                })
            }
            _ => Err(format!(
                "--years '{s}' must be FROM..TO, two years from {} to {} with FROM first and at \
                 most {MAX_SPAN_YEARS} years in all, e.g. 2025..2027",
                YEARS.start(),
                YEARS.end()
            )),
        }
    }
}

/// A problem with a holiday file, naming where it is. Line numbers count physical lines from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayFileError {
    /// A CSV row that is not `date,label`.
    #[error("line {line}: {message}")]
    Row { line: u64, message: String },
    /// An iCalendar file the parser cannot read.
    #[error("not a readable iCalendar file: {0}")]
    Ics(String),
    /// An iCalendar event that is not an all-day holiday cpor can expand. `event` is its
    /// SUMMARY and UID, `line` the line of its `BEGIN:VEVENT`.
    #[error("event {event} (line {line}): {message}")]
    Event {
        event: String,
        line: usize,
        message: String,
    },
}

/// Holidays by date; the first label of a date wins (`entry().or_insert`).
type Collector = BTreeMap<NaiveDate, Option<String>>;

fn finish(holidays: Collector) -> Vec<Holiday> {
    holidays
        .into_iter()
        .map(|(date, label)| Holiday { date, label })
        .collect()
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn check_year(date: NaiveDate) -> Result<NaiveDate, String> {
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is outside the years {} to {} a holiday may fall in",
            YEARS.start(),
            YEARS.end()
        ))
    }
}

/// A holiday date typed on the command line or in a file: strict `YYYY-MM-DD`, years 1900 to
/// 2999.
pub fn parse_holiday_date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).and_then(check_year)
}

/// Parses a CSV holiday file of `date,label` rows.
///
/// A first row whose first column is `date` is a header. Blank rows, surrounding spaces and a
/// byte-order mark are ignored, as are trailing empty columns; a third non-empty column is an
/// error (quote labels that contain commas). A missing or empty label is `None`.
pub fn parse_csv(text: &str) -> Result<Vec<Holiday>, HolidayFileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(strip_bom(text).as_bytes());
    let mut holidays = Collector::default();
    let mut first_row = true;
    for record in reader.records() {
        let record = record.map_err(|e| HolidayFileError::Row {
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let mut fields: Vec<&str> = record.iter().collect();
        while fields.last().is_some_and(|f| f.is_empty()) {
            fields.pop();
        }
        if fields.is_empty() {
            continue;
        }
        if fields.len() > 2 {
            return Err(HolidayFileError::Row {
                line,
                message: format!(
                    "expected the columns date,label but found {} columns; put a label that \
                     contains commas in double quotes",
                    fields.len()
                ),
            });
        }
        if std::mem::replace(&mut first_row, false) && fields[0].eq_ignore_ascii_case("date") {
            continue;
        }
        let date = parse_holiday_date(fields[0])
            .map_err(|message| HolidayFileError::Row { line, message })?;
        (holidays.entry(date)).or_insert(fields.get(1).and_then(|l| non_empty(l)));
    }
    Ok(finish(holidays))
}

/// Parses an iCalendar file of all-day events into holidays.
///
/// Each VEVENT of a VCALENDAR needs an all-day DTSTART (`VALUE=DATE`, or a bare `YYYYMMDD`);
/// an exclusive DTEND or a DURATION in days or weeks makes a multi-day event. An event with
/// `RRULE`, `RDATE` or `EXDATE` contributes its occurrences in `years`; other events their own
/// dates whatever the year. Cancelled events are skipped; the SUMMARY is the label.
pub fn parse_ics(text: &str, years: YearRange) -> Result<Vec<Holiday>, HolidayFileError> {
    let text = strip_bom(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if !first.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        return Err(HolidayFileError::Ics(format!(
            "it must start with BEGIN:VCALENDAR but starts with '{}'",
            first.trim()
        )));
    }
    let unfolded = unfold(text);
    let roots = read_components(&unfolded).map_err(|e| {
        // The crate's message is a nom trace, "error: 0: at line N, in Kind:\n<line>\n^...";
        // its first frame names the (unfolded) line where parsing stopped.
        let mut frame = e.lines();
        let at = frame
            .next()
            .and_then(|l| l.split(", in ").next()?.split("at ").nth(1));
        HolidayFileError::Ics(match (at, frame.next()) {
            (Some(at), Some(text)) => {
                format!("parsing stopped at {at} (after unfolding): '{text}'")
            }
            _ => e,
        })
    })?;
    // The parser keeps no positions, so events are matched to their `BEGIN:VEVENT` lines by
    // order (folding never splits a BEGIN line in practice).
    let mut begin_lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim().eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(i, _)| i + 1);
    let mut holidays = Collector::default();
    for root in &roots {
        if !root.name.as_str().eq_ignore_ascii_case("VCALENDAR") {
            return Err(HolidayFileError::Ics(format!(
                "BEGIN:{} is outside BEGIN:VCALENDAR ... END:VCALENDAR",
                root.name
            )));
        }
        visit(root, &mut begin_lines, &mut |event| {
            event.expand(years, &mut holidays)
        })?;
    }
    Ok(finish(holidays))
}

/// Calls `f` on each VEVENT directly inside `parent`, walking every component in document
/// order so that `begin_lines` stays in step.
fn visit<'a>(
    parent: &'a Component<'a>,
    begin_lines: &mut impl Iterator<Item = usize>,
    f: &mut impl FnMut(Event<'a>) -> Result<(), HolidayFileError>,
) -> Result<(), HolidayFileError> {
    let is_calendar = parent.name.as_str().eq_ignore_ascii_case("VCALENDAR");
    for c in &parent.components {
        if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
            let line = begin_lines.next().unwrap_or(0);
            if is_calendar {
                f(Event { c, line })?;
            }
        }
        visit(c, begin_lines, f)?;
    }
    Ok(())
}

/// One VEVENT and the line it begins on.
struct Event<'a> {
    c: &'a Component<'a>,
    line: usize,
}

fn param<'p>(p: &'p Property, name: &str) -> Option<&'p str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(name))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

/// At midnight UTC: all-day dates are expanded as UTC instants so no zone shifts a day.
fn midnight(d: NaiveDate) -> chrono::DateTime<Tz> {
    Tz::UTC.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

impl<'a> Event<'a> {
    fn props<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'a Property<'a>> + 's {
        self.c
            .properties
            .iter()
            .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
    }

    fn prop(&self, name: &str) -> Option<&'a Property<'a>> {
        self.props(name).next()
    }

    fn text(&self, name: &str) -> Option<String> {
        self.prop(name)
            .and_then(|p| non_empty(p.val.clone().unescape_text().as_str()))
    }

    /// How errors name the event: its SUMMARY and UID.
    fn describe(&self) -> String {
        let summary = self
            .text("SUMMARY")
            .map_or_else(|| "(no SUMMARY)".to_string(), |s| format!("\"{s}\""));
        let uid = self.text("UID").unwrap_or_else(|| "none".to_string());
        format!("{summary} (UID {uid})")
    }

    fn error(&self, message: impl Into<String>) -> HolidayFileError {
        HolidayFileError::Event {
            event: self.describe(),
            line: self.line,
            message: message.into(),
        }
    }

    /// The all-day dates of a DTSTART, DTEND, RDATE or EXDATE property (a comma list).
    fn dates(&self, p: &Property) -> Result<Vec<NaiveDate>, HolidayFileError> {
        let name = p.name.as_str().to_ascii_uppercase();
        let value = p.val.as_str().trim();
        let timed = match param(p, "VALUE") {
            Some(v) => !v.eq_ignore_ascii_case("DATE"),
            None => param(p, "TZID").is_some() || value.contains(['T', 't']),
        };
        if timed {
            let zone = param(p, "TZID")
                .map(|z| format!(" in {z}"))
                .unwrap_or_default();
            return Err(self.error(format!(
                "is not an all-day event ({name} is '{value}'{zone}); holidays must be all-day \
                 events with DTSTART;VALUE=DATE:YYYYMMDD"
            )));
        }
        value
            .split(',')
            .map(|v| {
                let v = v.trim();
                let iso = (v.len() == 8 && v.is_ascii())
                    .then(|| format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..]));
                iso.and_then(|iso| parse_date(&iso).ok()).ok_or_else(|| {
                    self.error(format!(
                        "invalid {name} date '{v}'; expected YYYYMMDD, e.g. 20251225"
                    ))
                })
            })
            .collect()
    }

    fn date(&self, p: &Property) -> Result<NaiveDate, HolidayFileError> {
        match self.dates(p)?.as_slice() {
            [d] => Ok(*d),
            _ => Err(self.error(format!("{} must be one date", p.name))),
        }
    }

    /// How many days the event covers: DTEND (exclusive) or DURATION, else one.
    fn days(&self, start: NaiveDate) -> Result<i64, HolidayFileError> {
        let days = if let Some(p) = self.prop("DTEND") {
            let end = self.date(p)?;
            if end < start {
                return Err(self.error(format!(
                    "DTEND {end} is before DTSTART {start}; DTEND is the day after the last day \
                     of the event"
                )));
            }
            // Some exporters write DTEND equal to DTSTART for a one-day event.
            (end - start).num_days().max(1)
        } else if let Some(p) = self.prop("DURATION") {
            let value = p.val.as_str().trim();
            let body = value
                .strip_prefix('+')
                .unwrap_or(value)
                .to_ascii_uppercase();
            let whole = |s: &str, unit: i64| {
                (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
                    .then(|| s.parse::<i64>().ok()?.checked_mul(unit))
                    .flatten()
            };
            body.strip_prefix('P')
                .and_then(|b| match b.split_at_checked(b.len().saturating_sub(1))? {
                    (n, "D") => whole(n, 1),
                    (n, "W") => whole(n, 7),
                    _ => None,
                })
                .ok_or_else(|| {
                    self.error(format!(
                        "invalid DURATION '{value}' for an all-day event; use whole days or \
                         weeks such as P1D or P2W"
                    ))
                })?
                .max(1)
        } else {
            1
        };
        if days > MAX_EVENT_DAYS {
            return Err(self.error(format!(
                "spans {days} days, more than {MAX_EVENT_DAYS}; check its DTEND or DURATION, or \
                 list the dates in a CSV file"
            )));
        }
        Ok(days)
    }

    /// The first day of each occurrence: DTSTART alone, or its recurrence set in `years`.
    fn starts(
        &self,
        start: NaiveDate,
        years: YearRange,
    ) -> Result<Vec<NaiveDate>, HolidayFileError> {
        if self.prop("EXRULE").is_some() {
            return Err(self.error(
                "repeats with EXRULE, which RFC 5545 deprecated and cpor does not expand; list the \
                 excluded dates with EXDATE",
            ));
        }
        let rrules: Vec<_> = self.props("RRULE").collect();
        let mut rdates = Vec::new();
        for p in self.props("RDATE") {
            rdates.extend(self.dates(p)?);
        }
        let mut exdates = Vec::new();
        for p in self.props("EXDATE") {
            exdates.extend(self.dates(p)?);
        }
        if rrules.is_empty() && rdates.is_empty() && exdates.is_empty() {
            return Ok(vec![start]);
        }
        let cannot = |why: String| {
            self.error(format!(
                "has a recurrence cpor cannot expand ({why}); list its dates as separate \
                 all-day events or in a CSV file"
            ))
        };
        if rrules.is_empty() {
            // DTSTART is always an occurrence; with a rule, `rrule` yields it when it matches.
            rdates.push(start);
        }
        let mut set = RRuleSet::new(midnight(start));
        for p in rrules {
            let value = p.val.as_str().trim();
            let rule: RRule<Unvalidated> = value
                .parse()
                .map_err(|e| cannot(format!("RRULE:{value}: {e}")))?;
            if matches!(
                rule.get_freq(),
                Frequency::Hourly | Frequency::Minutely | Frequency::Secondly
            ) {
                return Err(cannot(format!("RRULE:{value} repeats within a day")));
            }
            // A date-only UNTIL is read in the machine's zone; the dates here are UTC.
            let until = rule.get_until().map(|u| midnight(u.date_naive()));
            let rule = match until {
                Some(u) => rule.until(u),
                None => rule,
            };
            let rule = rule
                .validate(midnight(start))
                .map_err(|e| cannot(format!("RRULE:{value}: {e}")))?;
            set = set.rrule(rule);
        }
        set = set.set_rdates(rdates.into_iter().map(midnight).collect());
        set = set.set_exdates(exdates.into_iter().map(midnight).collect());
        let first = NaiveDate::from_ymd_opt(years.from, 1, 1);
        let last = NaiveDate::from_ymd_opt(years.to, 12, 31);
        let (Some(first), Some(last)) = (first, last) else {
            return Err(cannot(format!("years {}..{}", years.from, years.to)));
        };
        let found = set
            .after(midnight(first))
            .before(midnight(last))
            .all(u16::MAX);
        if found.limited {
            return Err(cannot(format!(
                "it does not reach an end within the rrule crate's limits in {}..{}",
                years.from, years.to
            )));
        }
        Ok(found.dates.iter().map(|d| d.date_naive()).collect())
    }

    /// Adds the event's days to `holidays`.
    fn expand(&self, years: YearRange, holidays: &mut Collector) -> Result<(), HolidayFileError> {
        if self
            .prop("STATUS")
            .is_some_and(|s| s.val.as_str().trim().eq_ignore_ascii_case("CANCELLED"))
        {
            return Ok(());
        }
        let dtstart = self
            .prop("DTSTART")
            .ok_or_else(|| self.error("has no DTSTART; give it DTSTART;VALUE=DATE:YYYYMMDD"))?;
        let start = self.date(dtstart)?;
        let days = self.days(start)?;
        let label = self.text("SUMMARY");
        for first in self.starts(start, years)? {
            for offset in 0..days.unsigned_abs() {
                let date = first
                    .checked_add_days(Days::new(offset))
                    .and_then(|d| check_year(d).ok())
                    .ok_or_else(|| {
                        self.error(format!(
                            "falls outside the years {} to {} a holiday may fall in",
                            YEARS.start(),
                            YEARS.end()
                        ))
                    })?;
                holidays.entry(date).or_insert_with(|| label.clone());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: i32, m: u32, d: u32, label: Option<&str>) -> Holiday {
        Holiday {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            label: label.map(str::to_string),
        }
    }

    fn ics(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n")
    }

    const Y25: YearRange = YearRange {
        from: 2025,
        to: 2026,
    };

    fn dates(text: &str, years: YearRange) -> Vec<String> {
        parse_ics(text, years)
            .unwrap()
            .iter()
            .map(|h| h.date.to_string())
            .collect()
    }

    fn event_error(text: &str) -> (String, usize, String) {
        match parse_ics(text, Y25).unwrap_err() {
            HolidayFileError::Event {
                event,
                line,
                message,
            } => (event, line, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn csv_rows_quotes_header_and_duplicates() {
        let text = "\u{feff}Date,Label\r\n\
                    2025-12-25, Christmas Day \r\n\
                    \r\n\
                    2026-04-06,\"Easter Monday, England and Wales\"\r\n\
                    2026-05-04,,\r\n\
                    2025-12-25,Second label\r\n\
                    \"2026-12-28\",\"A \"\"quoted\"\" day\"\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 12, 25, Some("Christmas Day")),
                h(2026, 4, 6, Some("Easter Monday, England and Wales")),
                h(2026, 5, 4, None),
                h(2026, 12, 28, Some("A \"quoted\" day")),
            ]
        );
        assert_eq!(parse_csv("").unwrap(), vec![]);
    }

    #[test]
    fn csv_errors_name_the_line() {
        for (text, line, needle) in [
            ("date,label\n2025-12-25,X\n2025-5-1,Y\n", 3, "'2025-5-1'"),
            ("2025-12-25\n25-12-26\n", 2, "'25-12-26'"),
            ("2025-02-29,Leap\n", 1, "'2025-02-29'"),
            ("2025-12-25,Christmas,Day\n", 1, "3 columns"),
            (
                "2025-12-24,\"Eve\nand more\"\n1899-12-31,Old\n",
                3,
                "1899-12-31",
            ),
            ("3000-01-01,Far\n", 1, "3000-01-01"),
        ] {
            match parse_csv(text).unwrap_err() {
                HolidayFileError::Row { line: l, message } => {
                    assert_eq!(l, line, "{text:?}: {message}");
                    assert!(message.contains(needle), "{message}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            YearRange::parse("2025..2027"),
            Ok(YearRange {
                from: 2025,
                to: 2027
            })
        );
        assert_eq!(
            YearRange::parse(" 2025..2025 "),
            Ok(YearRange {
                from: 2025,
                to: 2025
            })
        );
        assert_eq!(
            YearRange::starting(2025),
            YearRange {
                from: 2025,
                to: 2027
            }
        );
        for bad in [
            "2025",
            "2025..",
            "..2027",
            "2025-2027",
            "25..27",
            "2027..2025",
            "1899..1901",
            "2999..3000",
            "2000..2050",
            "2025...2026",
            "+2025..2026",
        ] {
            let e = YearRange::parse(bad).unwrap_err();
            assert!(e.contains("--years"), "{bad}: {e}");
        }
        assert!(YearRange::parse("2000..2049").is_ok());
        assert!(YearRange::parse("2999..2999").is_ok());
    }

    #[test]
    fn ics_all_day_events_multi_day_and_end_forms() {
        let text = ics(concat!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260102\r\nSUMMARY:Closed\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250201\r\nDTEND;VALUE=DATE:20250201\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250301\r\nDURATION:P2D\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART:20250401\r\nDURATION:+P1W\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251231\r\nSUMMARY:Later label\r\nEND:VEVENT\r\n",
        ));
        let got = parse_ics(&text, Y25).unwrap();
        let mut expected = vec!["2025-02-01", "2025-03-01", "2025-03-02"];
        let april: Vec<String> = (1..=7).map(|d| format!("2025-04-0{d}")).collect();
        expected.extend(april.iter().map(String::as_str));
        expected.extend(["2025-12-31", "2026-01-01"]);
        assert_eq!(dates(&text, Y25), expected);
        assert_eq!(got[10].label.as_deref(), Some("Closed"), "first label wins");
        // A non-recurring event is imported whatever --years says.
        assert_eq!(
            dates(
                &text,
                YearRange {
                    from: 2990,
                    to: 2999
                }
            )
            .len(),
            12
        );
    }

    #[test]
    fn ics_folding_escapes_and_lf_only() {
        let text = ics(concat!(
            "BEGIN:VEVENT\r\nUID:fold@test\r\nDTSTART;VALUE=DATE:20250526\r\n",
            "SUMMARY:Spring bank holiday\\, England\\; Wales\r\n  and a long continu\r\n\tation\r\n",
            "END:VEVENT\r\n",
        ));
        let want = vec![h(
            2025,
            5,
            26,
            Some("Spring bank holiday, England; Wales and a long continuation"),
        )];
        assert_eq!(parse_ics(&text, Y25).unwrap(), want);
        assert_eq!(parse_ics(&text.replace("\r\n", "\n"), Y25).unwrap(), want);
    }

    #[test]
    fn ics_yearly_rules_with_rdate_and_exdate() {
        let text = ics(concat!(
            "BEGIN:VEVENT\r\nUID:xmas\r\nDTSTART;VALUE=DATE:20201225\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:spring\r\nDTSTART;VALUE=DATE:20200525\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO\r\nEXDATE;VALUE=DATE:20260525\r\n",
            "RDATE;VALUE=DATE:20260601,20260602\r\nSUMMARY:Spring bank holiday\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:short\r\nDTSTART;VALUE=DATE:20251001\r\nRRULE:FREQ=MONTHLY;COUNT=2;BYMONTHDAY=1\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:until\r\nDTSTART;VALUE=DATE:20250704\r\nRRULE:FREQ=YEARLY;UNTIL=20250704\r\nEND:VEVENT\r\n",
        ));
        assert_eq!(
            dates(&text, Y25),
            [
                "2025-05-26",
                "2025-07-04",
                "2025-10-01",
                "2025-11-01",
                "2025-12-25",
                "2026-06-01",
                "2026-06-02",
                "2026-12-25",
            ]
        );
        assert_eq!(
            dates(
                &text,
                YearRange {
                    from: 2030,
                    to: 2030
                }
            ),
            ["2030-05-27", "2030-12-25"]
        );
    }

    #[test]
    fn ics_recurring_multi_day_event_and_rdate_alone() {
        let text = ics(concat!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241224\r\nDTEND;VALUE=DATE:20241227\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250301\r\nRDATE;VALUE=DATE:20260301\r\nRDATE;VALUE=DATE:20300301\r\nEND:VEVENT\r\n",
        ));
        assert_eq!(
            dates(&text, Y25),
            [
                "2025-03-01",
                "2025-12-24",
                "2025-12-25",
                "2025-12-26",
                "2026-03-01",
                "2026-12-24",
                "2026-12-25",
                "2026-12-26"
            ]
        );
    }

    #[test]
    fn ics_rules_it_cannot_expand_name_the_event() {
        for (rule, needle) in [
            (
                "RRULE:FREQ=YEARLY;BYMONTH=13",
                "RRULE:FREQ=YEARLY;BYMONTH=13",
            ),
            ("RRULE:FREQ=SOMETIMES", "FREQ=SOMETIMES"),
            ("RRULE:FREQ=HOURLY;BYMINUTE=0", "within a day"),
            ("EXRULE:FREQ=YEARLY", "EXRULE"),
            ("RDATE;VALUE=PERIOD:20260101/P1D", "not an all-day"),
            ("EXDATE:20261225T000000Z", "not an all-day"),
        ] {
            let text = ics(&format!(
                "BEGIN:VEVENT\r\nUID:x@test\r\nDTSTART;VALUE=DATE:20251225\r\n{rule}\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\n"
            ));
            let (event, line, message) = event_error(&text);
            assert_eq!(event, "\"Christmas\" (UID x@test)", "{rule}");
            assert_eq!(line, 3, "{rule}");
            assert!(message.contains(needle), "{rule}: {message}");
        }
    }

    #[test]
    fn ics_timed_events_are_refused() {
        for dtstart in [
            "DTSTART:20251225T090000Z",
            "DTSTART;TZID=Europe/London:20251225T090000",
            "DTSTART;TZID=\"Custom: zone; odd\":20251225T090000",
            "DTSTART;VALUE=DATE-TIME:20251225T000000",
        ] {
            let text = ics(&format!(
                "BEGIN:VEVENT\r\nUID:mtg@test\r\n{dtstart}\r\nSUMMARY:Team lunch\r\nEND:VEVENT\r\n"
            ));
            let (event, line, message) = event_error(&text);
            assert_eq!((event.as_str(), line), ("\"Team lunch\" (UID mtg@test)", 3));
            assert!(message.contains("not an all-day event"), "{message}");
        }
        let (_, _, message) = event_error(&ics(
            "BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20251225T090000\r\nEND:VEVENT\r\n",
        ));
        assert!(message.contains("in Europe/London"), "{message}");
        let (_, _, message) = event_error(&ics(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20251225\r\nDTEND:20251225T170000Z\r\nEND:VEVENT\r\n",
        ));
        assert!(message.contains("DTEND is '20251225T170000Z'"), "{message}");
    }

    #[test]
    fn ics_event_errors() {
        for (body, needle) in [
            (
                "DTSTART;VALUE=DATE:20250229",
                "invalid DTSTART date '20250229'",
            ),
            ("DTSTART;VALUE=DATE:2025122", "invalid DTSTART date"),
            ("COMMENT:x", "no DTSTART"),
            (
                "DTSTART;VALUE=DATE:20250105\r\nDTEND;VALUE=DATE:20250101",
                "before DTSTART",
            ),
            (
                "DTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20350101",
                "spans 3652 days",
            ),
            ("DTSTART;VALUE=DATE:18991231", "outside the years"),
            (
                "DTSTART;VALUE=DATE:20250101\r\nDURATION:PT1H",
                "invalid DURATION 'PT1H'",
            ),
            (
                "DTSTART;VALUE=DATE:20250101\r\nDURATION:P1DT2H",
                "invalid DURATION",
            ),
            (
                "DTSTART;VALUE=DATE:20250101\r\nDURATION:P",
                "invalid DURATION",
            ),
            (
                "DTSTART;VALUE=DATE:20250101\r\nDURATION:P-1D",
                "invalid DURATION",
            ),
        ] {
            let text = ics(&format!(
                "BEGIN:VEVENT\r\nUID:e1\r\nDTSTART;VALUE=DATE:20240101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:e2\r\n{body}\r\nEND:VEVENT\r\n"
            ));
            let (event, line, message) = event_error(&text);
            assert_eq!(
                (event.as_str(), line),
                ("(no SUMMARY) (UID e2)", 7),
                "{body}"
            );
            assert!(message.contains(needle), "{body}: {message}");
        }
    }

    #[test]
    fn ics_structure() {
        for bad in [
            "",
            "\r\n\r\n",
            "date,label\n2025-12-25,Christmas\n",
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251225\nEND:VEVENT\n",
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\n",
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n",
        ] {
            assert!(
                matches!(parse_ics(bad, Y25), Err(HolidayFileError::Ics(_))),
                "{bad:?}: {:?}",
                parse_ics(bad, Y25)
            );
        }
        let err = parse_ics(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n",
            Y25,
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "not a readable iCalendar file: parsing stopped at line 3 (after unfolding): 'END:VTODO'"
        );
        // Other components and their rules are ignored.
        let text = ics(concat!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nEND:VEVENT\r\n",
            "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T010000\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
            "BEGIN:VTODO\r\nDTSTART:20251201T090000Z\r\nRRULE:FREQ=DAILY\r\nEND:VTODO\r\n",
            "BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20251224\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250102\r\nSUMMARY;LANGUAGE=en-gb:Two\r\n",
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDTSTART:20251224T090000Z\r\nEND:VALARM\r\n",
            "END:VEVENT\r\n",
        ));
        assert_eq!(
            parse_ics(&text, Y25).unwrap(),
            vec![h(2025, 1, 1, None), h(2025, 1, 2, Some("Two"))]
        );
    }
}
