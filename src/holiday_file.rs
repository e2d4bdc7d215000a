//! Parsing holiday files for `cpor calendar import` (SPEC §6).
//!
//! Two formats, both parsed from text the caller has already read:
//! - CSV with `date,label` rows ([`parse_csv`]);
//! - iCalendar (RFC 5545) all-day events ([`parse_ics`]).
//!
//! Both return the holidays sorted by date, one entry per date; when a date appears more than
//! once the first occurrence (and its label) wins.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

/// The longest all-day event [`parse_ics`] expands, in days. A longer span is almost always
/// a typing error in DTEND or DURATION.
pub const MAX_EVENT_DAYS: i64 = 366;

/// One holiday: a date and an optional label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The holiday's date.
    pub date: NaiveDate,
    /// A human-readable name such as "Christmas Day", if the file gave one.
    pub label: Option<String>,
}

/// A problem with a holiday file. Every message names the line (and, for iCalendar, the
/// event) and the offending value. Line numbers count from 1; for iCalendar they are physical
/// lines, before unfolding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayFileError {
    /// A CSV date that is not a valid `YYYY-MM-DD` date.
    #[error("line {line}: invalid date '{value}'; write dates as YYYY-MM-DD, e.g. 2025-12-25")]
    InvalidCsvDate {
        /// The line number.
        line: usize,
        /// The value as found.
        value: String,
    },
    /// A CSV row with more than the two columns `date,label`.
    #[error(
        "line {line}: expected the columns date,label but found {found} columns; put a label \
         that contains commas in double quotes"
    )]
    TooManyColumns {
        /// The line number.
        line: usize,
        /// The number of non-empty columns found.
        found: usize,
    },
    /// A double-quoted CSV field that is never closed.
    #[error(
        "line {line}: a double-quoted field is never closed; add the closing \" (write \"\" \
         for a quote inside a quoted label)"
    )]
    UnterminatedQuote {
        /// The line where the quoted field starts.
        line: usize,
    },
    /// An iCalendar file with no content at all.
    #[error("not an iCalendar file: the file is empty (it must start with BEGIN:VCALENDAR)")]
    EmptyCalendar,
    /// An iCalendar file that does not start with `BEGIN:VCALENDAR`.
    #[error(
        "not an iCalendar file: line {line} is '{found}' but the file must start with \
         BEGIN:VCALENDAR"
    )]
    MissingCalendar {
        /// The line number of the first content line.
        line: usize,
        /// That line's text.
        found: String,
    },
    /// An iCalendar line that is not `NAME[;PARAM=VALUE...]:VALUE`.
    #[error("line {line}: malformed iCalendar line '{found}' (expected NAME:VALUE)")]
    MalformedLine {
        /// The line number.
        line: usize,
        /// The (unfolded) line.
        found: String,
    },
    /// Content after `END:VCALENDAR` (or an `END` with nothing open).
    #[error("line {line}: '{found}' is outside BEGIN:VCALENDAR ... END:VCALENDAR")]
    OutsideCalendar {
        /// The line number.
        line: usize,
        /// The line's text.
        found: String,
    },
    /// An `END:` that does not match the innermost open component.
    #[error("line {line}: END:{found} does not close BEGIN:{open} from line {open_line}")]
    MismatchedEnd {
        /// The line number of the `END`.
        line: usize,
        /// The component named by the `END`.
        found: String,
        /// The innermost open component.
        open: String,
        /// Where that component began.
        open_line: usize,
    },
    /// A component that is never closed (a truncated file).
    #[error(
        "line {line}: BEGIN:{component} is never closed by END:{component}; the file may be \
         truncated"
    )]
    Unterminated {
        /// The line number of the `BEGIN`.
        line: usize,
        /// The component's name.
        component: String,
    },
    /// A recurring event (RRULE, RDATE or EXRULE), which is not expanded.
    #[error(
        "event {event} (line {line}) repeats with {property}, and recurrence is not expanded; \
         list each holiday date explicitly as its own all-day event, or import a CSV file of \
         date,label rows"
    )]
    Recurrence {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of its `BEGIN:VEVENT`.
        line: usize,
        /// The recurrence property found.
        property: String,
    },
    /// An event with a time of day rather than a whole date.
    #[error(
        "event {event} (line {line}) is not an all-day event ({property} is '{value}'); holidays \
         must be all-day events with DTSTART;VALUE=DATE:YYYYMMDD"
    )]
    NotAllDay {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of the property.
        line: usize,
        /// DTSTART or DTEND.
        property: String,
        /// The property's value.
        value: String,
    },
    /// An event without a DTSTART.
    #[error("event {event} (line {line}) has no DTSTART; give it DTSTART;VALUE=DATE:YYYYMMDD")]
    MissingStart {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of its `BEGIN:VEVENT`.
        line: usize,
    },
    /// A DTSTART or DTEND date that is not a valid `YYYYMMDD` date.
    #[error(
        "event {event}, line {line}: invalid {property} date '{value}'; expected YYYYMMDD, e.g. 20251225"
    )]
    InvalidIcsDate {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of the property.
        line: usize,
        /// DTSTART or DTEND.
        property: String,
        /// The value as found.
        value: String,
    },
    /// DTEND before DTSTART.
    #[error(
        "event {event}, line {line}: DTEND {end} is before DTSTART {start}; DTEND is the day \
         after the last day of the event"
    )]
    EndBeforeStart {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of DTEND.
        line: usize,
        /// The start date.
        start: NaiveDate,
        /// The end date.
        end: NaiveDate,
    },
    /// A DURATION that is not a whole number of days or weeks.
    #[error(
        "event {event}, line {line}: invalid DURATION '{value}' for an all-day event; use whole \
         days or weeks such as P1D or P2W"
    )]
    InvalidDuration {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of DURATION.
        line: usize,
        /// The value as found.
        value: String,
    },
    /// An all-day event spanning more than [`MAX_EVENT_DAYS`] days.
    #[error(
        "event {event} (line {line}) spans {days} days, more than {max}; check its DTEND or \
         DURATION, or list the dates in a CSV file"
    )]
    EventTooLong {
        /// The event, named by its SUMMARY and UID.
        event: String,
        /// The line number of its `BEGIN:VEVENT`.
        line: usize,
        /// The span in days.
        days: i64,
        /// The limit, [`MAX_EVENT_DAYS`].
        max: i64,
    },
}

/// Collects holidays keeping the first label of each date, and returns them sorted.
#[derive(Default)]
struct Collector(BTreeMap<NaiveDate, Option<String>>);

impl Collector {
    fn add(&mut self, date: NaiveDate, label: Option<String>) {
        self.0.entry(date).or_insert(label);
    }

    fn finish(self) -> Vec<Holiday> {
        self.0
            .into_iter()
            .map(|(date, label)| Holiday { date, label })
            .collect()
    }
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    )
}

/// Parses the iCalendar DATE form `YYYYMMDD` strictly.
fn parse_basic_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..8].parse().ok()?,
    )
}

/// Splits CSV text into records (RFC 4180: comma-separated fields, double-quoted fields with
/// `""` for a quote, which may contain commas and line breaks). Returns each record with the
/// line it starts on. `\r\n` and `\n` both end a record.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, HolidayFileError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 0;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => fields.push(std::mem::take(&mut field)),
            // A quote opens a quoted field only at the start of the field (after spaces).
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                records.push((record_line, std::mem::take(&mut fields)));
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(HolidayFileError::UnterminatedQuote { line: quote_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((record_line, fields));
    }
    Ok(records)
}

/// Parses a CSV holiday file of `date,label` rows.
///
/// - Dates are `YYYY-MM-DD`; the label is optional (a missing or empty label is `None`).
///   Labels containing commas are written in double quotes (`""` for a quote inside).
/// - A first row whose first column is `date` (any case) is a header and is skipped.
/// - Blank lines, surrounding spaces and a leading byte-order mark are ignored; trailing empty
///   columns are allowed, a third non-empty column is an error.
/// - A date listed twice keeps its first label. The result is sorted by date.
pub fn parse_csv(text: &str) -> Result<Vec<Holiday>, HolidayFileError> {
    let mut holidays = Collector::default();
    let mut first_row = true;
    for (line, record) in csv_records(strip_bom(text))? {
        let mut fields: Vec<&str> = record.iter().map(|f| f.trim()).collect();
        while fields.last().is_some_and(|f| f.is_empty()) {
            fields.pop();
        }
        if fields.is_empty() {
            continue;
        }
        if fields.len() > 2 {
            return Err(HolidayFileError::TooManyColumns {
                line,
                found: fields.len(),
            });
        }
        let is_first = std::mem::replace(&mut first_row, false);
        if is_first && fields[0].eq_ignore_ascii_case("date") {
            continue;
        }
        let date = parse_iso_date(fields[0]).ok_or_else(|| HolidayFileError::InvalidCsvDate {
            line,
            value: fields[0].to_string(),
        })?;
        holidays.add(date, fields.get(1).and_then(|l| non_empty(l)));
    }
    Ok(holidays.finish())
}

/// One unfolded iCalendar content line.
struct ContentLine {
    /// Physical line number where the logical line starts.
    line: usize,
    /// The property name, upper-cased.
    name: String,
    /// Parameters: upper-cased names, values with surrounding quotes removed.
    params: Vec<(String, String)>,
    /// The raw value (escapes not yet processed).
    value: String,
}

impl ContentLine {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits `text` into logical lines, joining folded continuation lines (a CRLF or LF followed
/// by one space or tab). Returns each logical line with its first physical line number.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in strip_bom(text).split('\n').enumerate() {
        let physical = raw.strip_suffix('\r').unwrap_or(raw);
        match (physical.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, previous))) => previous.push_str(rest),
            _ => lines.push((i + 1, physical.to_string())),
        }
    }
    lines
}

/// Splits `s` at each `sep` that is not inside double quotes.
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == sep && !in_quotes {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    parts
}

fn parse_content_line(line: usize, text: &str) -> Result<ContentLine, HolidayFileError> {
    let malformed = || HolidayFileError::MalformedLine {
        line,
        found: text.to_string(),
    };
    // The value starts after the first colon that is not inside a quoted parameter value.
    let mut in_quotes = false;
    let colon = text
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                in_quotes = !in_quotes;
            }
            c == ':' && !in_quotes
        })
        .map(|(i, _)| i)
        .ok_or_else(malformed)?;
    let (head, value) = (&text[..colon], &text[colon + 1..]);
    let mut parts = split_unquoted(head, ';').into_iter();
    let name = parts.next().unwrap_or("").trim();
    if name.is_empty() {
        return Err(malformed());
    }
    let params = parts
        .map(|p| {
            let (k, v) = p.split_once('=').ok_or_else(malformed)?;
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v);
            Ok((k.trim().to_ascii_uppercase(), v.to_string()))
        })
        .collect::<Result<Vec<_>, HolidayFileError>>()?;
    Ok(ContentLine {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

/// Undoes iCalendar TEXT escaping: `\\`, `\;`, `\,` and `\n` / `\N` (a line break).
fn unescape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ ('\\' | ';' | ',')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The properties of one VEVENT that matter here.
struct EventBuilder {
    begin_line: usize,
    summary: Option<String>,
    uid: Option<String>,
    dtstart: Option<ContentLine>,
    dtend: Option<ContentLine>,
    duration: Option<ContentLine>,
    recurrence: Option<String>,
    cancelled: bool,
}

impl EventBuilder {
    fn new(begin_line: usize) -> Self {
        EventBuilder {
            begin_line,
            summary: None,
            uid: None,
            dtstart: None,
            dtend: None,
            duration: None,
            recurrence: None,
            cancelled: false,
        }
    }

    fn add(&mut self, property: ContentLine) {
        match property.name.as_str() {
            "SUMMARY" if self.summary.is_none() => {
                self.summary = Some(unescape_text(&property.value))
            }
            "UID" if self.uid.is_none() => self.uid = Some(unescape_text(&property.value)),
            "DTSTART" if self.dtstart.is_none() => self.dtstart = Some(property),
            "DTEND" if self.dtend.is_none() => self.dtend = Some(property),
            "DURATION" if self.duration.is_none() => self.duration = Some(property),
            "RRULE" | "RDATE" | "EXRULE" if self.recurrence.is_none() => {
                self.recurrence = Some(property.name)
            }
            "STATUS" => self.cancelled = property.value.trim().eq_ignore_ascii_case("CANCELLED"),
            _ => {}
        }
    }

    /// How errors name the event: its SUMMARY and UID.
    fn describe(&self) -> String {
        let summary = match self.summary.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => format!("\"{s}\""),
            _ => "(no SUMMARY)".to_string(),
        };
        let uid = match self.uid.as_deref().map(str::trim) {
            Some(u) if !u.is_empty() => u.to_string(),
            _ => "none".to_string(),
        };
        format!("{summary} (UID {uid})")
    }

    /// Reads DTSTART or DTEND as an all-day date.
    fn date_of(&self, property: &ContentLine) -> Result<NaiveDate, HolidayFileError> {
        let value = property.value.trim();
        let declared = property.param("VALUE").map(str::to_ascii_uppercase);
        let timed = match declared.as_deref() {
            Some("DATE") => false,
            Some(_) => true,
            None => value.contains(['T', 't']),
        };
        if timed {
            return Err(HolidayFileError::NotAllDay {
                event: self.describe(),
                line: property.line,
                property: property.name.clone(),
                value: value.to_string(),
            });
        }
        parse_basic_date(value).ok_or_else(|| HolidayFileError::InvalidIcsDate {
            event: self.describe(),
            line: property.line,
            property: property.name.clone(),
            value: value.to_string(),
        })
    }

    /// Reads an all-day DURATION (`P<n>D` or `P<n>W`, optionally with a leading `+`) in days.
    fn duration_days(&self, property: &ContentLine) -> Result<i64, HolidayFileError> {
        let value = property.value.trim();
        let invalid = || HolidayFileError::InvalidDuration {
            event: self.describe(),
            line: property.line,
            value: value.to_string(),
        };
        let body = value.strip_prefix('+').unwrap_or(value);
        let body = body
            .strip_prefix('P')
            .or_else(|| body.strip_prefix('p'))
            .ok_or_else(invalid)?;
        let unit = body.chars().last().ok_or_else(invalid)?;
        let digits = &body[..body.len() - unit.len_utf8()];
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        let n: i64 = digits.parse().map_err(|_| invalid())?;
        match unit.to_ascii_uppercase() {
            'D' => Ok(n),
            'W' => n.checked_mul(7).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }

    /// Turns the event into its dates and label.
    fn finish(self, holidays: &mut Collector) -> Result<(), HolidayFileError> {
        if let Some(property) = &self.recurrence {
            return Err(HolidayFileError::Recurrence {
                event: self.describe(),
                line: self.begin_line,
                property: property.clone(),
            });
        }
        if self.cancelled {
            return Ok(());
        }
        let dtstart = self
            .dtstart
            .as_ref()
            .ok_or_else(|| HolidayFileError::MissingStart {
                event: self.describe(),
                line: self.begin_line,
            })?;
        let start = self.date_of(dtstart)?;
        let days = if let Some(dtend) = &self.dtend {
            let end = self.date_of(dtend)?;
            if end < start {
                return Err(HolidayFileError::EndBeforeStart {
                    event: self.describe(),
                    line: dtend.line,
                    start,
                    end,
                });
            }
            // Some exporters write DTEND equal to DTSTART for a one-day event.
            end.signed_duration_since(start).num_days().max(1)
        } else if let Some(duration) = &self.duration {
            self.duration_days(duration)?.max(1)
        } else {
            1
        };
        if days > MAX_EVENT_DAYS {
            return Err(HolidayFileError::EventTooLong {
                event: self.describe(),
                line: self.begin_line,
                days,
                max: MAX_EVENT_DAYS,
            });
        }
        let label = self.summary.as_deref().and_then(non_empty);
        for offset in 0..days {
            // `days` is at most MAX_EVENT_DAYS, so the conversion is exact.
            if let Some(date) = start.checked_add_days(Days::new(offset as u64)) {
                holidays.add(date, label.clone());
            }
        }
        Ok(())
    }
}

/// Parses an iCalendar (RFC 5545) file of all-day events into holidays.
///
/// - Folded lines (CRLF or LF followed by a space or tab) are unfolded; names are
///   case-insensitive.
/// - The file must start with `BEGIN:VCALENDAR`. Only VEVENTs directly inside a VCALENDAR are
///   read; other components (VTIMEZONE, VTODO, VALARM, ...) are skipped.
/// - Each event needs an all-day DTSTART (`DTSTART;VALUE=DATE:YYYYMMDD`; a bare `YYYYMMDD` is
///   accepted too). An exclusive DTEND (or a DURATION in days or weeks) makes a multi-day event
///   that expands to each of its dates. An event with a time of day is an error.
/// - The SUMMARY (unescaped) becomes the label. Events with `STATUS:CANCELLED` are skipped.
/// - An event with RRULE, RDATE or EXRULE is an error: recurrence is not expanded.
/// - A date listed twice keeps its first label. The result is sorted by date.
pub fn parse_ics(text: &str) -> Result<Vec<Holiday>, HolidayFileError> {
    let mut holidays = Collector::default();
    // Open components with the line each began on.
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut seen_calendar = false;
    let mut event: Option<EventBuilder> = None;

    for (line, text) in unfold(text) {
        if text.trim().is_empty() {
            continue;
        }
        let outside = || HolidayFileError::OutsideCalendar {
            line,
            found: text.clone(),
        };
        if !seen_calendar {
            let is_begin_calendar = text.split_once(':').is_some_and(|(name, value)| {
                name.trim().eq_ignore_ascii_case("BEGIN")
                    && value.trim().eq_ignore_ascii_case("VCALENDAR")
            });
            if !is_begin_calendar {
                return Err(HolidayFileError::MissingCalendar {
                    line,
                    found: text.clone(),
                });
            }
            seen_calendar = true;
        }
        let content = parse_content_line(line, &text)?;
        match content.name.as_str() {
            "BEGIN" => {
                let component = content.value.trim().to_ascii_uppercase();
                if stack.is_empty() && component != "VCALENDAR" {
                    return Err(outside());
                }
                if component == "VEVENT" && stack.len() == 1 {
                    event = Some(EventBuilder::new(line));
                }
                stack.push((component, line));
            }
            "END" => {
                let component = content.value.trim().to_ascii_uppercase();
                let (open, open_line) = stack.pop().ok_or_else(outside)?;
                if open != component {
                    return Err(HolidayFileError::MismatchedEnd {
                        line,
                        found: component,
                        open,
                        open_line,
                    });
                }
                if component == "VEVENT"
                    && stack.len() == 1
                    && let Some(done) = event.take()
                {
                    done.finish(&mut holidays)?;
                }
            }
            _ if stack.is_empty() => return Err(outside()),
            _ => {
                if stack.len() == 2
                    && let Some(open) = event.as_mut()
                {
                    open.add(content);
                }
            }
        }
    }
    if let Some((component, line)) = stack.pop() {
        return Err(HolidayFileError::Unterminated { line, component });
    }
    if !seen_calendar {
        return Err(HolidayFileError::EmptyCalendar);
    }
    Ok(holidays.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn h(y: i32, m: u32, d: u32, label: Option<&str>) -> Holiday {
        Holiday {
            date: date(y, m, d),
            label: label.map(str::to_string),
        }
    }

    /// Joins lines with CRLF, as iCalendar requires.
    fn crlf(lines: &[&str]) -> String {
        let mut s = lines.join("\r\n");
        s.push_str("\r\n");
        s
    }

    fn ics_events(events: &str) -> String {
        format!("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{events}END:VCALENDAR\n")
    }

    // ---- CSV ----

    #[test]
    fn csv_rows_with_header() {
        let text = "date,label\n2025-12-25,Christmas Day\n2025-12-26,Boxing Day\n2026-01-01,\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 12, 25, Some("Christmas Day")),
                h(2025, 12, 26, Some("Boxing Day")),
                h(2026, 1, 1, None),
            ]
        );
    }

    #[test]
    fn csv_header_is_case_insensitive_and_optional() {
        let with = parse_csv("Date,LABEL\r\n2025-05-01,May Day\r\n").unwrap();
        let without = parse_csv("2025-05-01,May Day\r\n").unwrap();
        assert_eq!(with, vec![h(2025, 5, 1, Some("May Day"))]);
        assert_eq!(with, without);
        assert_eq!(
            parse_csv("DATE\n2025-05-01\n").unwrap(),
            vec![h(2025, 5, 1, None)]
        );
    }

    #[test]
    fn csv_label_is_optional() {
        let text = "2025-01-01\n2025-01-02,\n2025-01-03,  \n2025-01-06, Epiphany \n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 1, 1, None),
                h(2025, 1, 2, None),
                h(2025, 1, 3, None),
                h(2025, 1, 6, Some("Epiphany")),
            ]
        );
    }

    #[test]
    fn csv_blank_lines_bom_and_quotes() {
        let text = "\u{feff}date,label\n\n2025-12-26,\"Boxing Day, observed\"\n   \n\n2025-12-25,Christmas\n\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 12, 25, Some("Christmas")),
                h(2025, 12, 26, Some("Boxing Day, observed")),
            ]
        );
        assert_eq!(parse_csv("").unwrap(), vec![]);
        assert_eq!(parse_csv("date,label\n").unwrap(), vec![]);
    }

    #[test]
    fn csv_duplicates_keep_the_first_label_and_output_is_sorted() {
        let text = "2026-01-01,New Year\n2025-12-25,Christmas\n2026-01-01,Neujahr\n2025-12-25\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 12, 25, Some("Christmas")),
                h(2026, 1, 1, Some("New Year")),
            ]
        );
    }

    #[test]
    fn csv_bad_dates_name_the_line_and_value() {
        for (text, line, value) in [
            (
                "date,label\n2025-12-25,ok\n25/12/2025,Christmas\n",
                3,
                "25/12/2025",
            ),
            ("2025-02-30,nope\n", 1, "2025-02-30"),
            ("2025-1-5,short\n", 1, "2025-1-5"),
            ("\n\n2025-13-01\n", 3, "2025-13-01"),
            ("2025-12-25\ndate,label\n", 2, "date"),
            ("20251225,ics style\n", 1, "20251225"),
        ] {
            let err = parse_csv(text).unwrap_err();
            assert_eq!(
                err,
                HolidayFileError::InvalidCsvDate {
                    line,
                    value: value.to_string()
                },
                "{text:?}"
            );
            let msg = err.to_string();
            assert!(
                msg.contains(&format!("line {line}")) && msg.contains(value),
                "{msg}"
            );
            assert!(msg.contains("YYYY-MM-DD"), "{msg}");
        }
    }

    #[test]
    fn csv_line_numbers_count_blank_lines_and_crlf() {
        for (text, line) in [
            ("\n\n2025-13-01\n", 3),
            ("2025-01-01\r\n\r\n\r\nbad\r\n", 4),
            ("2025-01-01,\"two\nline label\"\nbad\n", 3),
            ("2025-01-01\n   \n\t\nbad", 4),
        ] {
            match parse_csv(text).unwrap_err() {
                HolidayFileError::InvalidCsvDate { line: got, .. } => {
                    assert_eq!(got, line, "{text:?}")
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn csv_quoting() {
        let text = "2025-12-25,\"The \"\"big\"\" one, really\"\n\"2025-12-26\" , \"Two\nlines\"\n";
        assert_eq!(
            parse_csv(text).unwrap(),
            vec![
                h(2025, 12, 25, Some("The \"big\" one, really")),
                h(2025, 12, 26, Some("Two\nlines")),
            ]
        );
        // A quote inside an unquoted label is just a character.
        assert_eq!(
            parse_csv("2025-06-01,The 5\" day\n").unwrap(),
            vec![h(2025, 6, 1, Some("The 5\" day"))]
        );
        let err = parse_csv("2025-12-25,ok\n2025-12-26,\"never closed\n2025-12-27\n").unwrap_err();
        assert_eq!(err, HolidayFileError::UnterminatedQuote { line: 2 });
        assert!(err.to_string().contains("never closed"));
    }

    #[test]
    fn csv_extra_columns() {
        let err = parse_csv("2025-12-25,Boxing Day, observed\n").unwrap_err();
        assert_eq!(err, HolidayFileError::TooManyColumns { line: 1, found: 3 });
        assert!(err.to_string().contains("double quotes"));
        // Trailing empty columns (spreadsheet exports) are fine.
        assert_eq!(
            parse_csv("2025-12-25,Christmas,,\n").unwrap(),
            vec![h(2025, 12, 25, Some("Christmas"))]
        );
    }

    // ---- iCalendar ----

    #[test]
    fn ics_single_all_day_event() {
        let text = ics_events(
            "BEGIN:VEVENT\nUID:1@test\nDTSTART;VALUE=DATE:20251225\nDTEND;VALUE=DATE:20251226\nSUMMARY:Christmas Day\nEND:VEVENT\n",
        );
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![h(2025, 12, 25, Some("Christmas Day"))]
        );
    }

    #[test]
    fn ics_multi_day_event_expands_with_exclusive_end() {
        let text = ics_events(
            "BEGIN:VEVENT\nUID:2@test\nDTSTART;VALUE=DATE:20251224\nDTEND;VALUE=DATE:20251227\nSUMMARY:Office closed\nEND:VEVENT\n",
        );
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![
                h(2025, 12, 24, Some("Office closed")),
                h(2025, 12, 25, Some("Office closed")),
                h(2025, 12, 26, Some("Office closed")),
            ]
        );
        // Across a month and year end.
        let text = ics_events(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251231\nDTEND;VALUE=DATE:20260102\nEND:VEVENT\n",
        );
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![h(2025, 12, 31, None), h(2026, 1, 1, None)]
        );
    }

    #[test]
    fn ics_end_date_forms() {
        // No DTEND: one day. DTEND equal to DTSTART: one day. DURATION in days and weeks.
        let text = ics_events(concat!(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nSUMMARY:A\nEND:VEVENT\n",
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250201\nDTEND;VALUE=DATE:20250201\nSUMMARY:B\nEND:VEVENT\n",
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250301\nDURATION:P2D\nSUMMARY:C\nEND:VEVENT\n",
            "BEGIN:VEVENT\nDTSTART:20250401\nDURATION:+P1W\nSUMMARY:D\nEND:VEVENT\n",
        ));
        let got = parse_ics(&text).unwrap();
        let dates: Vec<_> = got.iter().map(|x| x.date).collect();
        let mut expected = vec![
            date(2025, 1, 1),
            date(2025, 2, 1),
            date(2025, 3, 1),
            date(2025, 3, 2),
        ];
        expected.extend((1..=7).map(|d| date(2025, 4, d)));
        assert_eq!(dates, expected);
        assert_eq!(got[3].label.as_deref(), Some("C"));
        assert_eq!(got[10].label.as_deref(), Some("D"));
    }

    #[test]
    fn ics_folded_summary_and_escapes() {
        let text = crlf(&[
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:fold@test",
            "DTSTART;VALUE=DATE:20250526",
            "SUMMARY:Spring bank holiday\\, England\\; Wales",
            "  and a very long continuation that an exporter folded at seventy-f",
            "\tive octets",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:esc@test",
            "DTSTART;VALUE=DATE:20250527",
            "SUMMARY:Line one\\nline two \\\\ backslash",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        let got = parse_ics(&text).unwrap();
        assert_eq!(
            got[0].label.as_deref(),
            Some(
                "Spring bank holiday, England; Wales and a very long continuation that an \
                 exporter folded at seventy-five octets"
            )
        );
        assert_eq!(
            got[1].label.as_deref(),
            Some("Line one\nline two \\ backslash")
        );
        // LF-only files fold the same way.
        let lf = text.replace("\r\n", "\n");
        assert_eq!(parse_ics(&lf).unwrap(), got);
    }

    #[test]
    fn ics_recurrence_is_an_error_naming_the_event() {
        for property in [
            "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25",
            "RDATE;VALUE=DATE:20261225,20271225",
            "EXRULE:FREQ=YEARLY",
        ] {
            let text = ics_events(&format!(
                "BEGIN:VEVENT\nUID:xmas@example.com\nDTSTART;VALUE=DATE:20251225\nSUMMARY:Christmas\n{property}\nEND:VEVENT\n"
            ));
            let err = parse_ics(&text).unwrap_err();
            let name = property.split([':', ';']).next().unwrap();
            assert_eq!(
                err,
                HolidayFileError::Recurrence {
                    event: "\"Christmas\" (UID xmas@example.com)".to_string(),
                    line: 4,
                    property: name.to_string(),
                }
            );
            let msg = err.to_string();
            assert!(
                msg.contains("\"Christmas\"") && msg.contains("xmas@example.com"),
                "{msg}"
            );
            assert!(msg.contains("recurrence is not expanded"), "{msg}");
            assert!(msg.contains("list each holiday date explicitly"), "{msg}");
        }
    }

    #[test]
    fn ics_timed_event_is_not_all_day() {
        for dtstart in [
            "DTSTART:20251225T090000Z",
            "DTSTART;TZID=Europe/London:20251225T090000",
            "DTSTART;TZID=\"Custom: zone; odd\":20251225T090000",
            "DTSTART;VALUE=DATE-TIME:20251225T000000",
        ] {
            let text = ics_events(&format!(
                "BEGIN:VEVENT\nUID:mtg@test\n{dtstart}\nSUMMARY:Team lunch\nEND:VEVENT\n"
            ));
            let err = parse_ics(&text).unwrap_err();
            match &err {
                HolidayFileError::NotAllDay {
                    event,
                    line,
                    property,
                    value,
                } => {
                    assert_eq!(event, "\"Team lunch\" (UID mtg@test)");
                    assert_eq!(*line, 6);
                    assert_eq!(property, "DTSTART");
                    assert!(value.starts_with("20251225T"), "{value}");
                }
                other => panic!("{dtstart}: {other:?}"),
            }
            assert!(err.to_string().contains("not an all-day event"));
        }
        // A timed DTEND on an all-day start is just as wrong.
        let text = ics_events(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251225\nDTEND:20251225T170000Z\nEND:VEVENT\n",
        );
        assert!(matches!(
            parse_ics(&text).unwrap_err(),
            HolidayFileError::NotAllDay { ref property, .. } if property == "DTEND"
        ));
    }

    #[test]
    fn ics_without_vcalendar_is_rejected() {
        let err = parse_ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251225\nEND:VEVENT\n").unwrap_err();
        assert_eq!(
            err,
            HolidayFileError::MissingCalendar {
                line: 1,
                found: "BEGIN:VEVENT".to_string()
            }
        );
        assert!(err.to_string().contains("BEGIN:VCALENDAR"));
        assert_eq!(
            parse_ics("date,label\n2025-12-25,Christmas\n").unwrap_err(),
            HolidayFileError::MissingCalendar {
                line: 1,
                found: "date,label".to_string()
            }
        );
        assert_eq!(parse_ics("").unwrap_err(), HolidayFileError::EmptyCalendar);
        assert_eq!(
            parse_ics("\r\n\r\n").unwrap_err(),
            HolidayFileError::EmptyCalendar
        );
    }

    #[test]
    fn ics_other_components_are_ignored() {
        let text = ics_events(concat!(
            "BEGIN:VTODO\nUID:todo@test\nDTSTART:20251201T090000Z\nRRULE:FREQ=DAILY\nSUMMARY:Chores\nEND:VTODO\n",
            "BEGIN:VEVENT\nUID:e@test\nDTSTART;VALUE=DATE:20251225\nSUMMARY:Christmas\n",
            "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\nSUMMARY:Alarm text\nDTSTART:20251224T090000Z\nEND:VALARM\n",
            "END:VEVENT\n",
            "BEGIN:VJOURNAL\nDTSTART:20251201T090000Z\nEND:VJOURNAL\n",
        ));
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![h(2025, 12, 25, Some("Christmas"))]
        );
    }

    #[test]
    fn ics_real_looking_export() {
        // Shaped like a Google Calendar / Outlook export: CRLF, PRODID, VTIMEZONE with its
        // own RRULEs, DTSTAMPs, folded DESCRIPTIONs, TRANSP and a cancelled event.
        let text = crlf(&[
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Holidays in United Kingdom",
            "X-WR-TIMEZONE:Europe/London",
            "X-WR-CALDESC:Public holidays and observances in the United Kingdom",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "X-LIC-LOCATION:Europe/London",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "DTSTART:19700329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "DTSTART:19701025T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20260101",
            "DTEND;VALUE=DATE:20260102",
            "DTSTAMP:20250601T120000Z",
            "UID:20260101_ndhjkn0jrb8ljeb5kc9co0ccdo@google.com",
            "CLASS:PUBLIC",
            "CREATED:20240601T101010Z",
            "DESCRIPTION:Public holiday\\nTo hide observances\\, go to Google Calendar Sett",
            " ings > Holidays in United Kingdom",
            "LAST-MODIFIED:20240601T101010Z",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "SUMMARY:New Year's Day",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20251226",
            "DTEND;VALUE=DATE:20251227",
            "DTSTAMP:20250601T120000Z",
            "UID:20251226_5r8ut2d7pbi1rg3b0bdc1a8nmo@google.com",
            "SUMMARY;LANGUAGE=en-gb:Boxing Day",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20251225",
            "DTEND;VALUE=DATE:20251226",
            "DTSTAMP:20250601T120000Z",
            "UID:20251225_60o30dr46oo30c1g60o30dr4ck@google.com",
            "SUMMARY:Christmas Day",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20251224",
            "DTEND;VALUE=DATE:20251225",
            "UID:cancelled@example.com",
            "STATUS:CANCELLED",
            "SUMMARY:Christmas Eve (cancelled)",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![
                h(2025, 12, 25, Some("Christmas Day")),
                h(2025, 12, 26, Some("Boxing Day")),
                h(2026, 1, 1, Some("New Year's Day")),
            ]
        );
    }

    #[test]
    fn ics_duplicates_keep_the_first_label() {
        let text = ics_events(concat!(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251225\nSUMMARY:Christmas Day\nEND:VEVENT\n",
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20251224\nDTEND;VALUE=DATE:20251227\nSUMMARY:Closed\nEND:VEVENT\n",
        ));
        assert_eq!(
            parse_ics(&text).unwrap(),
            vec![
                h(2025, 12, 24, Some("Closed")),
                h(2025, 12, 25, Some("Christmas Day")),
                h(2025, 12, 26, Some("Closed")),
            ]
        );
    }

    #[test]
    fn ics_names_are_case_insensitive_and_summary_is_optional() {
        let text = "begin:vcalendar\nbegin:vevent\ndtstart;value=date:20250704\nsummary:  \nend:vevent\nend:vcalendar";
        assert_eq!(parse_ics(text).unwrap(), vec![h(2025, 7, 4, None)]);
        // A bare YYYYMMDD value without VALUE=DATE is read as a date.
        let text = ics_events("BEGIN:VEVENT\nDTSTART:20250704\nEND:VEVENT\n");
        assert_eq!(parse_ics(&text).unwrap(), vec![h(2025, 7, 4, None)]);
    }

    #[test]
    fn ics_structural_errors() {
        // Truncated file.
        let err =
            parse_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\n").unwrap_err();
        assert_eq!(
            err,
            HolidayFileError::Unterminated {
                line: 2,
                component: "VEVENT".to_string()
            }
        );
        assert!(err.to_string().contains("END:VEVENT"));
        // Mismatched END.
        let err =
            parse_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(
            err,
            HolidayFileError::MismatchedEnd {
                line: 3,
                found: "VTODO".to_string(),
                open: "VEVENT".to_string(),
                open_line: 2
            }
        );
        // A line without a colon.
        let err = parse_ics("BEGIN:VCALENDAR\nGARBAGE\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(
            err,
            HolidayFileError::MalformedLine {
                line: 2,
                found: "GARBAGE".to_string()
            }
        );
        // Content after the end.
        let err = parse_ics("BEGIN:VCALENDAR\nEND:VCALENDAR\nSUMMARY:stray\n").unwrap_err();
        assert!(matches!(
            err,
            HolidayFileError::OutsideCalendar { line: 3, .. }
        ));
        // Two calendars in one stream are fine.
        let two = format!(
            "{}{}",
            ics_events("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nEND:VEVENT\n"),
            ics_events("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250102\nEND:VEVENT\n")
        );
        assert_eq!(parse_ics(&two).unwrap().len(), 2);
    }

    #[test]
    fn ics_event_errors_name_the_event() {
        let bad_date = ics_events(
            "BEGIN:VEVENT\nUID:u1\nSUMMARY:Leap\nDTSTART;VALUE=DATE:20250229\nEND:VEVENT\n",
        );
        assert_eq!(
            parse_ics(&bad_date).unwrap_err(),
            HolidayFileError::InvalidIcsDate {
                event: "\"Leap\" (UID u1)".to_string(),
                line: 7,
                property: "DTSTART".to_string(),
                value: "20250229".to_string()
            }
        );
        let no_start = ics_events("BEGIN:VEVENT\nUID:u2\nEND:VEVENT\n");
        let err = parse_ics(&no_start).unwrap_err();
        assert_eq!(
            err,
            HolidayFileError::MissingStart {
                event: "(no SUMMARY) (UID u2)".to_string(),
                line: 4
            }
        );
        let backwards = ics_events(
            "BEGIN:VEVENT\nSUMMARY:Backwards\nDTSTART;VALUE=DATE:20250105\nDTEND;VALUE=DATE:20250101\nEND:VEVENT\n",
        );
        assert!(matches!(
            parse_ics(&backwards).unwrap_err(),
            HolidayFileError::EndBeforeStart { line: 7, .. }
        ));
        let too_long = ics_events(
            "BEGIN:VEVENT\nSUMMARY:Typo\nDTSTART;VALUE=DATE:20250101\nDTEND;VALUE=DATE:20350101\nEND:VEVENT\n",
        );
        let err = parse_ics(&too_long).unwrap_err();
        assert!(
            matches!(err, HolidayFileError::EventTooLong { days: 3652, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("\"Typo\""));
        for bad in ["PT1H", "P1DT2H", "P", "1D", "P-1D"] {
            let text = ics_events(&format!(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nDURATION:{bad}\nEND:VEVENT\n"
            ));
            assert!(
                matches!(
                    parse_ics(&text).unwrap_err(),
                    HolidayFileError::InvalidDuration { ref value, .. } if value == bad
                ),
                "{bad}"
            );
        }
    }
}
