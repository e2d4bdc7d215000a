//! Rendering: tables for people, JSON and CSV for scripts, and the stdout discipline.
//!
//! Data goes to stdout through [`emit`], which treats a closed pipe (`cpor list | head`) as
//! success. Everything else (confirmations, warnings, progress, errors) goes to stderr.

use crate::error::Report;
use crate::model::{Claim, HistoryEvent, utc_text};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};

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

/// Write data to stdout. A closed pipe is success: the reader has what it wanted.
pub fn emit(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    match f(&mut lock).and_then(|_| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if underlying_kind(&e) == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("could not write to stdout")),
    }
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

/// Print a JSON value on stdout, pretty for people, one value either way.
pub fn emit_json(value: &Value) -> anyhow::Result<()> {
    emit(|w| {
        serde_json::to_writer_pretty(&mut *w, value).map_err(io::Error::other)?;
        writeln!(w)
    })
}

/// An instant shown in a zone, with the zone named: `2025-06-10 01:00 Europe/London`.
pub fn in_zone(t: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} {}",
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        tz.name()
    )
}

fn opt_in_zone(t: Option<DateTime<Utc>>, tz: Tz) -> String {
    t.map(|t| in_zone(t, tz)).unwrap_or_default()
}

/// The JSON object of a claim: exactly the fields of SPEC §6.
pub fn claim_json(c: &Claim) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "program": c.program.as_str(),
        "activity": c.program.activity().as_str(),
        "partner_id": c.partner_id,
        "tenant_id": c.tenant_id,
        "domain": c.domain,
        "workload": c.workload,
        "subscription_id": c.subscription_id,
        "channel": c.channel.map(|ch| ch.as_str()),
        "status": c.status.as_str(),
        "filed_at": utc_text(c.filed_at),
        "filed_by": c.filed_by,
        "notified_at": utc_text(c.notified_at),
        "deadline": utc_text(c.deadline),
        "deadline_day": c.deadline_day.to_string(),
        "calendar": c.calendar,
        "official_at": c.official_at.map(utc_text),
        "opted_out_at": c.opted_out_at.map(utc_text),
        "opt_out_in_window": c.opt_out_in_window,
        "withdrawn_at": c.withdrawn_at.map(utc_text),
        "end_reason": c.end_reason,
        "customer": {"name": c.customer.name, "title": c.customer.title, "email": c.customer.email},
        "technical": c.technical.as_ref().map(|t| json!({"name": t.name, "title": t.title, "email": t.email})),
        "partner_contact": {"name": c.partner_contact.name, "email": c.partner_contact.email},
        "poe": {
            "location": c.poe.location,
            "sha256": c.poe.sha256,
            "size": c.poe.size,
            "signed_on": c.poe.signed_on.to_string(),
        },
        "purchase_date": c.purchase_date.map(|d| d.to_string()),
        "comment": c.comment,
        "warnings": c.warnings,
    })
}

/// The JSON object of a history event.
pub fn event_json(e: &HistoryEvent) -> Value {
    json!({
        "at": utc_text(e.at),
        "actor": e.actor,
        "action": e.action.as_str(),
        "from": e.from.map(|s| s.as_str()),
        "to": e.to.as_str(),
        "reason": e.reason,
    })
}

/// CSV columns: the JSON fields with nested objects flattened with `_`.
pub const CSV_HEADER: &[&str] = &[
    "id",
    "name",
    "program",
    "activity",
    "partner_id",
    "tenant_id",
    "domain",
    "workload",
    "subscription_id",
    "channel",
    "status",
    "filed_at",
    "filed_by",
    "notified_at",
    "deadline",
    "deadline_day",
    "calendar",
    "official_at",
    "opted_out_at",
    "opt_out_in_window",
    "withdrawn_at",
    "end_reason",
    "customer_name",
    "customer_title",
    "customer_email",
    "technical_name",
    "technical_title",
    "technical_email",
    "partner_contact_name",
    "partner_contact_email",
    "poe_location",
    "poe_sha256",
    "poe_size",
    "poe_signed_on",
    "purchase_date",
    "comment",
    "warnings",
];

fn csv_row(c: &Claim) -> Vec<String> {
    let o = |s: Option<String>| s.unwrap_or_default();
    let t = c.technical.as_ref();
    vec![
        c.id.to_string(),
        c.name.clone(),
        c.program.as_str().into(),
        c.program.activity().as_str().into(),
        c.partner_id.clone(),
        c.tenant_id.clone(),
        c.domain.clone(),
        c.workload.clone(),
        o(c.subscription_id.clone()),
        o(c.channel.map(|ch| ch.as_str().to_string())),
        c.status.as_str().into(),
        utc_text(c.filed_at),
        c.filed_by.clone(),
        utc_text(c.notified_at),
        utc_text(c.deadline),
        c.deadline_day.to_string(),
        c.calendar.clone(),
        o(c.official_at.map(utc_text)),
        o(c.opted_out_at.map(utc_text)),
        o(c.opt_out_in_window.map(|b| b.to_string())),
        o(c.withdrawn_at.map(utc_text)),
        o(c.end_reason.clone()),
        c.customer.name.clone(),
        c.customer.title.clone(),
        c.customer.email.clone(),
        o(t.map(|t| t.name.clone())),
        o(t.map(|t| t.title.clone())),
        o(t.map(|t| t.email.clone())),
        c.partner_contact.name.clone(),
        c.partner_contact.email.clone(),
        c.poe.location.clone(),
        o(c.poe.sha256.clone()),
        o(c.poe.size.map(|s| s.to_string())),
        c.poe.signed_on.to_string(),
        o(c.purchase_date.map(|d| d.to_string())),
        o(c.comment.clone()),
        c.warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect::<Vec<_>>()
            .join(";"),
    ]
}

/// Calendar zones by calendar name, for showing times in each claim's zone.
pub type Zones = HashMap<String, Tz>;

fn zone_of(zones: &Zones, c: &Claim) -> Tz {
    zones.get(&c.calendar).copied().unwrap_or(Tz::UTC)
}

/// Render claims in `format`.
pub fn emit_claims(
    claims: &[Claim],
    format: Format,
    style: &Style,
    zones: &Zones,
) -> anyhow::Result<()> {
    match format {
        Format::Json => emit_json(&Value::Array(claims.iter().map(claim_json).collect())),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(CSV_HEADER).map_err(io::Error::other)?;
            for c in claims {
                out.write_record(csv_row(c)).map_err(io::Error::other)?;
            }
            out.flush()
        }),
        Format::Table => {
            let mut t = style.table();
            t.set_header([
                "id",
                "status",
                "program",
                "partner",
                "tenant / domain",
                "workload",
                "filed",
                "deadline",
            ]);
            for c in claims {
                let tz = zone_of(zones, c);
                t.add_row(vec![
                    Cell::new(c.id),
                    style.status_cell(c.status.as_str()),
                    Cell::new(c.program.as_str()),
                    Cell::new(&c.partner_id),
                    Cell::new(format!("{}\n{}", c.domain, c.tenant_id)),
                    Cell::new(match &c.subscription_id {
                        Some(s) => format!("{}\n{s}", c.workload),
                        None => c.workload.clone(),
                    }),
                    Cell::new(in_zone(c.filed_at, tz)),
                    Cell::new(in_zone(c.deadline, tz)),
                ]);
            }
            emit(|w| writeln!(w, "{t}"))
        }
    }
}

/// Render one claim with its history.
pub fn emit_claim_detail(
    c: &Claim,
    history: &[HistoryEvent],
    format: Format,
    style: &Style,
    zones: &Zones,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let mut v = claim_json(c);
            v["history"] = Value::Array(history.iter().map(event_json).collect());
            emit_json(&v)
        }
        Format::Csv => emit_claims(std::slice::from_ref(c), Format::Csv, style, zones),
        Format::Table => {
            let tz = zone_of(zones, c);
            let mut t = style.table();
            t.set_header(["field", "value"]);
            let mut row = |k: &str, v: String| {
                t.add_row(vec![Cell::new(k), Cell::new(v)]);
            };
            row("id", c.id.to_string());
            row("name", c.name.clone());
            row(
                "program",
                format!("{} ({})", c.program.as_str(), c.program.title()),
            );
            row("activity", c.program.activity().as_str().into());
            row("partner", c.partner_id.clone());
            row("tenant", c.tenant_id.clone());
            row("domain", c.domain.clone());
            row("workload", c.workload.clone());
            if let Some(s) = &c.subscription_id {
                row("subscription", s.clone());
            }
            if let Some(ch) = c.channel {
                row("channel", ch.as_str().into());
            }
            row("status", c.status.as_str().into());
            row(
                "filed",
                format!("{} by {}", in_zone(c.filed_at, tz), c.filed_by),
            );
            row("notified", in_zone(c.notified_at, tz));
            row(
                "deadline",
                format!(
                    "{} (deadline day {}, calendar {})",
                    in_zone(c.deadline, tz),
                    c.deadline_day,
                    c.calendar
                ),
            );
            if c.official_at.is_some() {
                row("official", opt_in_zone(c.official_at, tz));
            }
            if let Some(at) = c.opted_out_at {
                let window = match c.opt_out_in_window {
                    Some(true) => " (inside the opt-out window)",
                    Some(false) => " (after the opt-out window)",
                    None => "",
                };
                row("opted out", format!("{}{window}", in_zone(at, tz)));
            }
            if c.withdrawn_at.is_some() {
                row("withdrawn", opt_in_zone(c.withdrawn_at, tz));
            }
            if let Some(r) = &c.end_reason {
                row("end reason", r.clone());
            }
            row(
                "customer",
                format!(
                    "{}, {} <{}>",
                    c.customer.name, c.customer.title, c.customer.email
                ),
            );
            if let Some(tc) = &c.technical {
                row(
                    "technical",
                    format!("{}, {} <{}>", tc.name, tc.title, tc.email),
                );
            }
            row(
                "partner contact",
                format!("{} <{}>", c.partner_contact.name, c.partner_contact.email),
            );
            let poe = match (&c.poe.sha256, c.poe.size) {
                (Some(h), Some(s)) => format!("{}\n{s} bytes, sha256 {h}", c.poe.location),
                _ => c.poe.location.clone(),
            };
            row("PoE", format!("{poe}\nsigned {}", c.poe.signed_on));
            if let Some(p) = c.purchase_date {
                row("purchase date", p.to_string());
            }
            if let Some(cm) = &c.comment {
                row("comment", cm.clone());
            }
            for w in &c.warnings {
                row("warning", format!("{}: {}", w.code, w.message));
            }
            let mut h = style.table();
            h.set_header(["at", "actor", "action", "from", "to", "reason"]);
            for e in history {
                h.add_row(vec![
                    Cell::new(in_zone(e.at, tz)),
                    Cell::new(&e.actor),
                    Cell::new(e.action.as_str()),
                    Cell::new(e.from.map(|s| s.as_str()).unwrap_or("")),
                    style.status_cell(e.to.as_str()),
                    Cell::new(e.reason.as_deref().unwrap_or("")),
                ]);
            }
            emit(|w| writeln!(w, "{t}\nHistory\n{h}"))
        }
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
        report.message
    );
    if report.rules.len() > 1 {
        for r in &report.rules {
            let _ = writeln!(err, "  - {}: {}", r.code.as_str(), r.message);
        }
    }
    for h in &report.hints {
        let _ = writeln!(err, "{} {h}", style.err_paint("hint:", cyan.clone()));
    }
    if json {
        let _ = writeln!(err, "{}", report.to_json());
    }
}
