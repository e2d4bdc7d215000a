//! Tables for people: times in each claim's calendar zone, with the zone named.

use super::{FitTable, Style, Zones, escape, in_zone, text_cell};
use crate::model::{Claim, HistoryEvent};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use comfy_table::Cell;

fn opt_in_zone(t: Option<DateTime<Utc>>, tz: Tz) -> String {
    t.map(|t| in_zone(t, tz)).unwrap_or_default()
}

/// An instant in `tz` without the zone's name, for a cell that names the zone once.
fn bare(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// One row per claim: on one line each when the terminal is wide enough, else stacked in four
/// columns (claim, program, unit, times) so no ID, status, date, zone or GUID is broken.
pub(super) fn claims<'c>(
    claims: impl Iterator<Item = &'c Claim>,
    style: &Style,
    zones: &Zones,
) -> FitTable {
    let claims: Vec<&Claim> = claims.collect();
    let wide = one_line(&claims, style, zones);
    match wide.target_width() {
        Some(width) if wide.natural_width() > usize::from(width) => {
            stacked_rows(&claims, style, zones)
        }
        _ => wide,
    }
}

fn unit_cell(c: &Claim, style: &Style) -> String {
    match &c.subscription_id {
        Some(s) => format!("{}\n{}", escape(&c.workload), style.guid(s)),
        None => escape(&c.workload).into_owned(),
    }
}

fn one_line(claims: &[&Claim], style: &Style, zones: &Zones) -> FitTable {
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
        let tz = style.zone_for(zones, &c.calendar);
        t.add_row(vec![
            Cell::new(id_text(c)),
            style.status_cell(c.status.as_str()),
            Cell::new(c.program.as_str()),
            text_cell(&c.partner_id),
            Cell::new(format!(
                "{}\n{}",
                escape(&c.domain),
                style.guid(&c.tenant_id)
            )),
            Cell::new(unit_cell(c, style)),
            Cell::new(in_zone(c.filed_at, tz)),
            Cell::new(in_zone(c.deadline, tz)),
        ]);
    }
    t
}

fn stacked_rows(claims: &[&Claim], style: &Style, zones: &Zones) -> FitTable {
    let mut t = style.table();
    t.set_header([
        "id / status",
        "program / partner",
        "domain / tenant / workload",
        "filed / deadline",
    ]);
    for c in claims {
        let tz = style.zone_for(zones, &c.calendar);
        let mut id_status = Cell::new(format!("{}\n{}", id_text(c), c.status.as_str()));
        if let Some(colour) = style.status_color(c.status.as_str()) {
            id_status = id_status.fg(colour);
        }
        t.add_row(vec![
            id_status,
            Cell::new(format!("{}\n{}", c.program.as_str(), escape(&c.partner_id))),
            Cell::new(format!(
                "{}\n{}\n{}",
                escape(&c.domain),
                style.guid(&c.tenant_id),
                unit_cell(c, style)
            )),
            Cell::new(format!(
                "{}\n{}\n{}",
                bare(c.filed_at, tz),
                bare(c.deadline, tz),
                tz.name()
            )),
        ]);
    }
    t
}

/// One claim as field/value rows, and its history.
pub(super) fn claim_detail(
    c: &Claim,
    history: &[HistoryEvent],
    style: &Style,
    zones: &Zones,
) -> (FitTable, FitTable) {
    let tz = style.zone_for(zones, &c.calendar);
    let mut t = style.table();
    t.set_header(["field", "value"]);
    // Every value may hold stored text; escape it line by line so the cells that are two
    // lines on purpose (PoE) stay so.
    let mut row = |k: &str, v: String| {
        t.add_row(vec![Cell::new(k), Cell::new(v)]);
    };
    let e = |s: &str| escape(s).into_owned();
    row("id", id_text(c));
    row("name", e(&c.name));
    row(
        "program",
        format!("{} ({})", c.program.as_str(), c.program.title()),
    );
    row("activity", c.program.activity().as_str().into());
    row("partner", e(&c.partner_id));
    row("tenant", e(&c.tenant_id));
    row("domain", e(&c.domain));
    row("workload", e(&c.workload));
    if let Some(s) = &c.subscription_id {
        row("subscription", e(s));
    }
    if let Some(ch) = c.channel {
        row("channel", ch.as_str().into());
    }
    row("status", c.status.as_str().into());
    row(
        "filed",
        format!("{} by {}", in_zone(c.filed_at, tz), e(&c.filed_by)),
    );
    row("notified", in_zone(c.notified_at, tz));
    row(
        "deadline",
        format!(
            "{} (deadline day {}, calendar {})",
            in_zone(c.deadline, tz),
            c.deadline_day,
            e(&c.calendar)
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
        row("end reason", e(r));
    }
    row(
        "customer",
        format!(
            "{}, {} <{}>",
            e(&c.customer.name),
            e(&c.customer.title),
            e(&c.customer.email)
        ),
    );
    if let Some(tc) = &c.technical {
        row(
            "technical",
            format!("{}, {} <{}>", e(&tc.name), e(&tc.title), e(&tc.email)),
        );
    }
    row(
        "partner contact",
        format!(
            "{} <{}>",
            e(&c.partner_contact.name),
            e(&c.partner_contact.email)
        ),
    );
    let poe = match (&c.poe.sha256, c.poe.size) {
        (Some(h), Some(s)) => format!("{}\n{s} bytes, sha256 {}", e(&c.poe.location), e(h)),
        _ => e(&c.poe.location),
    };
    row("PoE", format!("{poe}\nsigned {}", c.poe.signed_on));
    if let Some(p) = c.purchase_date {
        row("purchase date", p.to_string());
    }
    if let Some(cm) = &c.comment {
        row("comment", e(cm));
    }
    for w in &c.warnings {
        row("warning", format!("{}: {}", e(&w.code), e(&w.message)));
    }
    let mut h = style.table();
    h.set_header(["at", "actor", "action", "from → to", "reason"]);
    for e in history {
        let change = match e.from {
            Some(from) => format!("{from}\n→ {}", e.to),
            None => format!("→ {}", e.to),
        };
        let mut change = Cell::new(change);
        if let Some(colour) = style.status_color(e.to.as_str()) {
            change = change.fg(colour);
        }
        h.add_row(vec![
            Cell::new(format!("{}\n{}", bare(e.at, tz), tz.name())),
            text_cell(&e.actor),
            Cell::new(e.action.as_str()),
            change,
            text_cell(e.reason.as_deref().unwrap_or("")),
        ]);
    }
    (t, h)
}

/// A claim's ID, or `new` for a dry run's preview, which has none yet.
fn id_text(c: &Claim) -> String {
    if c.is_filed() {
        c.id.to_string()
    } else {
        "new".into()
    }
}
