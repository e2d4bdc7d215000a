//! Rendering: tables for people, JSON and CSV for scripts, and the stdout discipline.
//!
//! Data goes to stdout through [`emit`], which buffers (a long listing is not one write per row)
//! and treats a closed pipe (`cpor list | head`) as success. Everything else (confirmations,
//! warnings, progress, errors) goes to stderr. JSON and CSV are rendered through serde from
//! view structs, so each output has one field list.

mod claim;
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
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
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

/// Whether to colour, decided once from `--color`, `NO_COLOR` and the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub stdout_color: bool,
    pub stderr_color: bool,
    pub stdout_tty: bool,
}

impl Style {
    /// A table set up for this output: terminal width when on a terminal, colour only if allowed.
    pub fn table(&self) -> Table {
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
        t
    }

    /// A coloured cell for a status word.
    pub fn status_cell(&self, status: &str) -> Cell {
        let cell = Cell::new(status);
        if !self.stdout_color {
            return cell;
        }
        match status {
            "pending" => cell.fg(Color::Yellow),
            "official" => cell.fg(Color::Green),
            "opted-out" | "withdrawn" => cell.fg(Color::DarkGrey),
            _ => cell,
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
