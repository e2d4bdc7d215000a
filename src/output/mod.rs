//! Rendering: tables for people, JSON and CSV for scripts, and the stdout discipline.
//!
//! Data goes to stdout through [`emit`], which buffers (a long listing is not one write per row)
//! and treats a closed pipe (`cpor list | head`) as success. Everything else (confirmations,
//! warnings, progress, errors) goes to stderr. JSON and CSV are rendered through serde from
//! view structs, so each output has one field list.

mod claim;
mod csv_cells;
mod reports;
mod table;

pub use claim::{
    ClaimView, EventView, PoeView, claim_json, csv_header, emit_claim_detail, emit_claim_stream,
    emit_claim_stream_to, emit_claims, write_claim_line,
};
pub use reports::{Due, ReportRows, TenantView, emit_due, emit_report, emit_tenant};

use crate::error::Report;
use crate::model::utc_text;
use crate::rules::format::is_unsafe_char;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufWriter, IsTerminal, Write};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown format '{s}'; expected table, json or csv")),
        }
    }
}

/// How tables look, decided once: colour from `--color`, `NO_COLOR` and the terminal; the zone
/// times are shown in; whether GUIDs are shown whole.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub stdout_color: bool,
    pub stderr_color: bool,
    pub stdout_tty: bool,
    /// `--tz` / `CPOR_TZ` / `display_tz`: show every time in this zone instead of each claim's
    /// calendar zone.
    pub tz: Option<Tz>,
    /// `list --wide`: GUIDs whole instead of shortened.
    pub wide: bool,
}

/// The width tables are fitted to when the terminal does not say (or says 0).
pub const FALLBACK_WIDTH: u16 = 80;

/// The width to fit a table on a terminal to: `COLUMNS` when it is a positive number, else what
/// the terminal reports, else [`FALLBACK_WIDTH`].
pub fn terminal_width(reported: Option<u16>) -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0)
        .or(reported.filter(|&w| w > 0))
        .unwrap_or(FALLBACK_WIDTH)
}

/// A word a table must never break: anything up to 16 characters (IDs, statuses, program keys,
/// dates, times, shortened GUIDs, most zones), a GUID, or a zone name. Longer free text (a long
/// domain, a path, a hash) may be broken when nothing else fits.
fn is_token(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '<' | '>'));
    let n = console::measure_text_width(w);
    n <= 16
        || (n == 36 && w.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        || w.parse::<Tz>().is_ok()
}

/// A table that, when shown, fits its terminal without breaking a token: every column is at
/// least as wide as its longest [token](is_token) (an ID, status, date, zone or GUID), and only
/// text with spaces wraps, at a space. Derefs to the comfy-table [`Table`] it is built with.
#[derive(Debug, Clone)]
pub struct FitTable(Table);

impl std::ops::Deref for FitTable {
    type Target = Table;
    fn deref(&self) -> &Table {
        &self.0
    }
}

impl std::ops::DerefMut for FitTable {
    fn deref_mut(&mut self) -> &mut Table {
        &mut self.0
    }
}

impl FitTable {
    /// The width it is fitted to, or `None` off a terminal (a pipe gets it unwrapped).
    pub fn target_width(&self) -> Option<u16> {
        (!matches!(self.0.content_arrangement(), ContentArrangement::Disabled))
            .then(|| terminal_width(self.0.width()))
    }

    /// The width of the table with no line wrapped.
    pub fn natural_width(&self) -> usize {
        let cols = self.0.column_max_content_widths();
        // Each column has a space either side and a border on its right, plus the left border.
        cols.iter().map(|&w| usize::from(w) + 3).sum::<usize>() + 1
    }

    /// The table as it will be printed.
    fn fitted(&self) -> Table {
        let mut t = self.0.clone();
        let Some(width) = self.target_width() else {
            return t;
        };
        t.set_width(width);
        let words: Vec<u16> = (0..t.column_iter().count())
            .map(|i| {
                t.column_cells_with_header_iter(i)
                    .flatten()
                    .flat_map(|c| {
                        c.content()
                            .split_whitespace()
                            .filter(|w| is_token(w))
                            .map(console::measure_text_width)
                            .max()
                    })
                    .max()
                    .unwrap_or(0)
                    .try_into()
                    .unwrap_or(u16::MAX)
            })
            .collect();
        for (col, w) in t.column_iter_mut().zip(words) {
            // The boundary counts the cell's padding, one space either side.
            col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                w.saturating_add(2),
            )));
        }
        t
    }
}

impl std::fmt::Display for FitTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.fitted().fmt(f)
    }
}

impl Style {
    /// A table set up for this output: fitted to the terminal when on one (see [`FitTable`]),
    /// colour only if allowed.
    pub fn table(&self) -> FitTable {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        if self.stdout_tty {
            t.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.force_no_tty();
        }
        if self.stdout_color {
            t.enforce_styling();
        }
        FitTable(t)
    }

    /// The zone to show a time of a claim filed under `calendar` in.
    pub fn zone_for(&self, zones: &Zones, calendar: &str) -> Tz {
        self.tz
            .or_else(|| zones.get(calendar).copied())
            .unwrap_or(Tz::UTC)
    }

    /// The zone to show a time not tied to a calendar in (UTC unless `--tz`).
    pub fn plain_zone(&self) -> Tz {
        self.tz.unwrap_or(Tz::UTC)
    }

    /// A GUID as a table shows it: whole with `--wide`, else its first 8 characters and `…`.
    pub fn guid(&self, g: &str) -> String {
        let g = escape(g);
        if self.wide || g.chars().count() <= 9 {
            return g.into_owned();
        }
        let head: String = g.chars().take(8).collect();
        format!("{head}…")
    }

    /// The colour of a status word, when colour is on.
    pub fn status_color(&self, status: &str) -> Option<Color> {
        if !self.stdout_color {
            return None;
        }
        match status {
            "pending" => Some(Color::Yellow),
            "official" => Some(Color::Green),
            "opted-out" | "withdrawn" => Some(Color::DarkGrey),
            _ => None,
        }
    }

    /// A coloured cell for a status word.
    pub fn status_cell(&self, status: &str) -> Cell {
        let cell = Cell::new(status);
        match self.status_color(status) {
            Some(c) => cell.fg(c),
            None => cell,
        }
    }

    /// Paint `text` for stderr.
    pub fn err_paint(&self, text: &str, style: console::Style) -> String {
        if self.stderr_color {
            style.force_styling(true).apply_to(text).to_string()
        } else {
            text.to_string()
        }
    }
}

/// Bytes gathered before a write to stdout.
const STDOUT_BUFFER: usize = 64 * 1024;

/// Write data to stdout, buffered. A closed pipe is success: the reader has what it wanted.
pub fn emit(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::with_capacity(STDOUT_BUFFER, io::stdout().lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if underlying_kind(&e) == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("could not write to stdout")),
    }
}

/// Write data to `dest`, a new or truncated file (mode 0600: it holds claims), or to stdout
/// ([`emit`]) when `dest` is `None`; buffered either way.
pub fn emit_to(
    dest: Option<&std::path::Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let Some(path) = dest else {
        return emit(f);
    };
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    let file = open.open(path).map_err(|e| {
        anyhow::Error::new(e).context(format!("could not create {}", path.display()))
    })?;
    let mut out = BufWriter::with_capacity(STDOUT_BUFFER, file);
    f(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| anyhow::Error::new(e).context(format!("could not write {}", path.display())))
}

/// The I/O error kind beneath serializer wrappers: serde_json and csv report a failed write as
/// their own error, which `io::Error::other` then hides.
fn underlying_kind(e: &io::Error) -> io::ErrorKind {
    let Some(inner) = e.get_ref() else {
        return e.kind();
    };
    if let Some(io) = inner.downcast_ref::<io::Error>() {
        return underlying_kind(io);
    }
    if let Some(kind) = inner
        .downcast_ref::<serde_json::Error>()
        .and_then(serde_json::Error::io_error_kind)
    {
        return kind;
    }
    if let Some(csv::ErrorKind::Io(io)) = inner.downcast_ref::<csv::Error>().map(csv::Error::kind) {
        return underlying_kind(io);
    }
    e.kind()
}

/// Print a value as JSON on stdout, pretty for people, one value either way.
pub fn emit_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    emit(|w| write_json(w, value))
}

/// Write `value` pretty-printed and a newline.
fn write_json<T: Serialize + ?Sized>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::other)?;
    writeln!(w)
}

/// serde `serialize_with` for an instant: fixed-width UTC, `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&utc_text(*t))
}

/// [`utc`] for an instant that may be absent (`null`).
pub fn opt_utc<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => utc(t, s),
        None => s.serialize_none(),
    }
}

/// serde `serialize_with` for a calendar date: `YYYY-MM-DD`.
pub fn day<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// [`day`] for a date that may be absent (`null`).
pub fn opt_day<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => day(d, s),
        None => s.serialize_none(),
    }
}

/// An instant shown in a zone, with the zone named: `2025-06-10 01:00 Europe/London`.
pub fn in_zone(t: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} {}",
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        tz.name()
    )
}

/// Calendar zones by calendar name, for showing times in each claim's zone.
pub type Zones = HashMap<String, Tz>;

/// Text from storage made safe for a terminal: every control character (C0, DEL, C1, line
/// breaks included) and bidirectional override or isolate is shown as a visible escape such as
/// `\u{1b}`, so stored text can never move the cursor, erase lines, retitle the window or
/// reorder what is shown. Every table cell of stored text goes through here.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for a message of several lines: its own line breaks are kept, everything else is
/// escaped. For stderr messages, which may quote stored text.
pub fn escape_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split('\n').map(escape).collect::<Vec<_>>().join("\n"))
}

/// A table cell holding stored text, escaped.
pub fn text_cell(s: &str) -> Cell {
    Cell::new(escape(s))
}

/// A CSV cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) gets a `'` in front, the OWASP rule; `cpor import` removes exactly
/// that prefix.
pub fn csv_safe(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// Print an error on stderr: `error:` and `hint:` lines, plus the JSON object when asked.
pub fn print_error(report: &Report, json: bool, style: &Style) {
    let mut err = io::stderr().lock();
    if report.kind == crate::error::ErrorKind::Interrupted && io::stderr().is_terminal() {
        // Ctrl-C leaves the cursor on the prompt's line.
        let _ = writeln!(err);
    }
    let red = console::Style::new().red().bold();
    let cyan = console::Style::new().cyan();
    let _ = writeln!(
        err,
        "{} {}",
        style.err_paint("error:", red.clone()),
        escape_lines(&report.message)
    );
    if report.rules.len() > 1 {
        for r in &report.rules {
            let _ = writeln!(err, "  - {}: {}", r.code.as_str(), escape_lines(&r.message));
        }
    }
    for h in &report.hints {
        let _ = writeln!(
            err,
            "{} {}",
            style.err_paint("hint:", cyan.clone()),
            escape_lines(h)
        );
    }
    if json {
        let _ = writeln!(err, "{}", report.to_json());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_controls_and_bidi_visible() {
        assert!(matches!(escape("plain ü ✓"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x\u{202e}y\u{7}"), "x\\u{202e}y\\u{7}");
        assert_eq!(escape("1\n2"), "1\\u{a}2");
        assert_eq!(escape_lines("1\n2\u{9b}"), "1\n2\\u{9b}");
    }

    #[test]
    fn csv_formula_cells_get_a_quote() {
        for (raw, safe) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_safe(raw), safe);
        }
    }
}
