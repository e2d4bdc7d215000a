//! Views of the v2 read commands: `tenant show`, `due` and `report`.

use super::{ClaimView, Format, Style, Zones, emit, escape, in_zone, text_cell, utc, write_json};
use crate::model::{Claim, Pin, PinAction, PinKind, PinLogEntry};
use crate::storage::{GroupCounts, MonthCounts, StatusCounts};
use chrono::{DateTime, Utc};
use comfy_table::Cell;
use serde::Serialize;
use std::io;

/// `tenant show`: a tenant's pins, its pin log and its claims by status.
#[derive(Debug, Serialize)]
pub struct TenantView<'a> {
    pub tenant_id: &'a str,
    pub pins: Vec<PinView<'a>>,
    pub log: Vec<PinLogView<'a>>,
    pub claims: StatusCounts,
}

/// One pin of `tenant show`.
#[derive(Debug, Serialize)]
pub struct PinView<'a> {
    pub kind: PinKind,
    pub value: &'a str,
    #[serde(serialize_with = "utc")]
    pub since: DateTime<Utc>,
    pub by_claim: Option<i64>,
    /// How many active claims use the pin.
    pub active_claims: usize,
}

/// One pin log entry.
#[derive(Debug, Serialize)]
pub struct PinLogView<'a> {
    #[serde(serialize_with = "utc")]
    pub at: DateTime<Utc>,
    pub actor: &'a str,
    pub action: PinAction,
    pub kind: PinKind,
    pub value: &'a str,
    pub tenant_id: &'a str,
    pub reason: Option<&'a str>,
}

impl<'a> TenantView<'a> {
    pub fn of(
        tenant_id: &'a str,
        pins: &'a [Pin],
        log: &'a [PinLogEntry],
        claims: StatusCounts,
    ) -> Self {
        TenantView {
            tenant_id,
            pins: pins
                .iter()
                .map(|p| PinView {
                    kind: p.kind,
                    value: &p.value,
                    since: p.since,
                    by_claim: p.by_claim,
                    active_claims: p.active_claims.len(),
                })
                .collect(),
            log: log
                .iter()
                .map(|e| PinLogView {
                    at: e.at,
                    actor: &e.actor,
                    action: e.action,
                    kind: e.kind,
                    value: &e.value,
                    tenant_id: &e.tenant_id,
                    reason: e.reason.as_deref(),
                })
                .collect(),
            claims,
        }
    }
}

/// Render `tenant show` (CSV lists the pins).
pub fn emit_tenant(v: &TenantView, format: Format, style: &Style) -> anyhow::Result<()> {
    match format {
        Format::Json => emit(|w| write_json(w, v)),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record([
                "tenant_id",
                "kind",
                "value",
                "since",
                "by_claim",
                "active_claims",
            ])
            .map_err(io::Error::other)?;
            for p in &v.pins {
                out.write_record([
                    v.tenant_id.to_string(),
                    p.kind.to_string(),
                    p.value.to_string(),
                    crate::model::utc_text(p.since),
                    p.by_claim.map(|c| c.to_string()).unwrap_or_default(),
                    p.active_claims.to_string(),
                ])
                .map_err(io::Error::other)?;
            }
            out.flush()
        }),
        Format::Table => {
            let mut pins = style.table();
            pins.set_header(["kind", "value", "since", "pinned by claim", "active claims"]);
            for p in &v.pins {
                pins.add_row(vec![
                    Cell::new(p.kind),
                    text_cell(p.value),
                    Cell::new(in_zone(p.since, style.plain_zone())),
                    Cell::new(p.by_claim.map(|c| c.to_string()).unwrap_or_default()),
                    Cell::new(p.active_claims),
                ]);
            }
            let mut log = style.table();
            log.set_header(["at", "actor", "action", "kind", "value", "reason"]);
            for e in &v.log {
                log.add_row(vec![
                    Cell::new(in_zone(e.at, style.plain_zone())),
                    text_cell(e.actor),
                    Cell::new(e.action),
                    Cell::new(e.kind),
                    text_cell(e.value),
                    text_cell(e.reason.unwrap_or_default()),
                ]);
            }
            let c = v.claims;
            emit(|w| {
                writeln!(w, "Tenant {}", escape(v.tenant_id))?;
                writeln!(
                    w,
                    "Claims: {} pending, {} official, {} opted out, {} withdrawn",
                    c.pending, c.official, c.opted_out, c.withdrawn
                )?;
                writeln!(w, "\nPins ({})", v.pins.len())?;
                if v.pins.is_empty() {
                    writeln!(w, "(none)")?;
                } else {
                    writeln!(w, "{pins}")?;
                }
                writeln!(w, "\nPin log ({})", v.log.len())?;
                if v.log.is_empty() {
                    writeln!(w, "(none)")
                } else {
                    writeln!(w, "{log}")
                }
            })
        }
    }
}

/// A claim in the `closing` section: the claim object plus `business_days_left`.
#[derive(Debug, Serialize)]
pub struct ClosingView<'a> {
    #[serde(flatten)]
    pub claim: ClaimView<'a>,
    pub business_days_left: u32,
}

/// `due`: the day's work queue.
#[derive(Debug, Serialize)]
pub struct DueView<'a> {
    #[serde(serialize_with = "utc")]
    pub now: DateTime<Utc>,
    pub within: u32,
    #[serde(serialize_with = "utc")]
    pub since: DateTime<Utc>,
    pub closing: Vec<ClosingView<'a>>,
    pub overdue: Vec<ClaimView<'a>>,
    pub official: Vec<ClaimView<'a>>,
    pub poe_aging: Vec<ClaimView<'a>>,
}

/// What `due` found, before rendering.
pub struct Due<'a> {
    pub now: DateTime<Utc>,
    pub within: u32,
    pub since: DateTime<Utc>,
    pub closing: Vec<(&'a Claim, u32)>,
    pub overdue: Vec<&'a Claim>,
    pub official: Vec<&'a Claim>,
    pub poe_aging: Vec<&'a Claim>,
}

/// Render `due`: four sections with counts on a table, one object in JSON, one CSV row per
/// claim with its `section`.
pub fn emit_due(d: &Due, format: Format, style: &Style, zones: &Zones) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let view = DueView {
                now: d.now,
                within: d.within,
                since: d.since,
                closing: d
                    .closing
                    .iter()
                    .map(|(c, left)| ClosingView {
                        claim: ClaimView::of(c),
                        business_days_left: *left,
                    })
                    .collect(),
                overdue: d.overdue.iter().map(|c| ClaimView::of(c)).collect(),
                official: d.official.iter().map(|c| ClaimView::of(c)).collect(),
                poe_aging: d.poe_aging.iter().map(|c| ClaimView::of(c)).collect(),
            };
            emit(|w| write_json(w, &view))
        }
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record([
                "section",
                "id",
                "status",
                "program",
                "partner_id",
                "domain",
                "workload",
                "deadline",
                "business_days_left",
                "official_at",
                "poe_signed_on",
            ])
            .map_err(io::Error::other)?;
            let rows = d
                .closing
                .iter()
                .map(|(c, left)| ("closing", *c, Some(*left)))
                .chain(d.overdue.iter().map(|c| ("overdue", *c, None)))
                .chain(d.official.iter().map(|c| ("official", *c, None)))
                .chain(d.poe_aging.iter().map(|c| ("poe_aging", *c, None)));
            for (section, c, left) in rows {
                out.write_record([
                    section.to_string(),
                    c.id.to_string(),
                    c.status.to_string(),
                    c.program.to_string(),
                    c.partner_id.clone(),
                    c.domain.clone(),
                    c.workload.clone(),
                    crate::model::utc_text(c.deadline),
                    left.map(|l| l.to_string()).unwrap_or_default(),
                    c.official_at
                        .map(crate::model::utc_text)
                        .unwrap_or_default(),
                    c.poe.signed_on.to_string(),
                ])
                .map_err(io::Error::other)?;
            }
            out.flush()
        }),
        Format::Table => {
            let zone = |c: &Claim| style.zone_for(zones, &c.calendar);
            // Four columns of short lines, so the table fits 80 columns without breaking an
            // ID, status, date or zone; stored text escaped.
            let section = |extra: &str, rows: Vec<(&Claim, String)>| {
                let mut t = style.table();
                t.set_header([
                    "id / status",
                    "program / partner",
                    "domain / workload",
                    "deadline",
                    extra,
                ]);
                for (c, x) in rows {
                    let tz = zone(c);
                    let mut id_status = Cell::new(format!("{}\n{}", c.id, c.status.as_str()));
                    if let Some(colour) = style.status_color(c.status.as_str()) {
                        id_status = id_status.fg(colour);
                    }
                    t.add_row(vec![
                        id_status,
                        Cell::new(format!("{}\n{}", c.program.as_str(), escape(&c.partner_id))),
                        Cell::new(format!("{}\n{}", escape(&c.domain), escape(&c.workload))),
                        Cell::new(format!(
                            "{}\n{}",
                            c.deadline.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
                            tz.name()
                        )),
                        Cell::new(x),
                    ]);
                }
                t
            };
            let sections = [
                (
                    format!("Closing within {} business days", d.within),
                    section(
                        "business days left",
                        d.closing.iter().map(|(c, l)| (*c, l.to_string())).collect(),
                    ),
                    d.closing.len(),
                ),
                (
                    "Overdue: past the deadline, is finalize running?".to_string(),
                    section(
                        "overdue since",
                        d.overdue
                            .iter()
                            .map(|c| (*c, in_zone(c.deadline, zone(c))))
                            .collect(),
                    ),
                    d.overdue.len(),
                ),
                (
                    format!("Official since {}", in_zone(d.since, style.plain_zone())),
                    section(
                        "official at",
                        d.official
                            .iter()
                            .map(|c| {
                                (
                                    *c,
                                    c.official_at
                                        .map(|t| in_zone(t, zone(c)))
                                        .unwrap_or_default(),
                                )
                            })
                            .collect(),
                    ),
                    d.official.len(),
                ),
                (
                    "PoE aging: refresh with cpor poe add".to_string(),
                    section(
                        "PoE signed",
                        d.poe_aging
                            .iter()
                            .map(|c| (*c, c.poe.signed_on.to_string()))
                            .collect(),
                    ),
                    d.poe_aging.len(),
                ),
            ];
            emit(|w| {
                for (i, (title, table, n)) in sections.iter().enumerate() {
                    if i > 0 {
                        writeln!(w)?;
                    }
                    writeln!(w, "{title} ({n})")?;
                    if *n == 0 {
                        writeln!(w, "(none)")?;
                    } else {
                        writeln!(w, "{table}")?;
                    }
                }
                Ok(())
            })
        }
    }
}

/// `report`'s rows.
pub enum ReportRows {
    Groups(Vec<GroupCounts>),
    Months(Vec<MonthCounts>),
}

#[derive(Serialize)]
struct ReportView<'a, R: Serialize> {
    by: &'a str,
    from: String,
    to: String,
    rows: &'a [R],
}

/// Render `report`: JSON `{by, from, to, rows}`, CSV header and rows, or a table (with a bar
/// per month when `bars`).
pub fn emit_report(
    by: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    rows: &ReportRows,
    format: Format,
    style: &Style,
    bars: bool,
) -> anyhow::Result<()> {
    let (from, to) = (from.to_string(), to.to_string());
    match (format, rows) {
        (Format::Json, ReportRows::Groups(r)) => emit(|w| {
            write_json(
                w,
                &ReportView {
                    by,
                    from,
                    to,
                    rows: r,
                },
            )
        }),
        (Format::Json, ReportRows::Months(r)) => emit(|w| {
            write_json(
                w,
                &ReportView {
                    by,
                    from,
                    to,
                    rows: r,
                },
            )
        }),
        (Format::Csv, ReportRows::Groups(r)) => emit(|w| write_csv(w, r)),
        (Format::Csv, ReportRows::Months(r)) => emit(|w| write_csv(w, r)),
        (Format::Table, ReportRows::Groups(r)) => {
            let mut t = style.table();
            t.set_header([
                by,
                "filed",
                "pending",
                "official",
                "opted out",
                "withdrawn",
                "opted out in window",
            ]);
            for g in r {
                t.add_row(vec![
                    text_cell(&g.key),
                    Cell::new(g.filed),
                    Cell::new(g.pending),
                    Cell::new(g.official),
                    Cell::new(g.opted_out),
                    Cell::new(g.withdrawn),
                    Cell::new(g.opted_out_in_window),
                ]);
            }
            emit(|w| {
                writeln!(w, "Claims filed {from} to {to} by {by}")?;
                if r.is_empty() {
                    writeln!(w, "(none)")
                } else {
                    writeln!(w, "{t}")
                }
            })
        }
        (Format::Table, ReportRows::Months(r)) => {
            let mut t = style.table();
            let mut header = vec![
                "month",
                "filed",
                "became official",
                "opted out",
                "withdrawn",
            ];
            if bars {
                header.push("filed per month");
            }
            t.set_header(header);
            let max = r.iter().map(|m| m.filed).max().unwrap_or(0).max(1);
            for m in r {
                let mut row = vec![
                    Cell::new(&m.month),
                    Cell::new(m.filed),
                    Cell::new(m.became_official),
                    Cell::new(m.opted_out),
                    Cell::new(m.withdrawn),
                ];
                if bars {
                    // At most 30 cells wide; any month with claims shows at least one.
                    let width = (m.filed * 30).div_ceil(max) as usize;
                    row.push(Cell::new("█".repeat(width)));
                }
                t.add_row(row);
            }
            emit(|w| {
                writeln!(w, "Claims by month (UTC), {from} to {to}")?;
                writeln!(w, "{t}")
            })
        }
    }
}

fn write_csv<R: Serialize>(w: &mut dyn io::Write, rows: &[R]) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    for r in rows {
        out.serialize(r).map_err(io::Error::other)?;
    }
    out.flush()
}
