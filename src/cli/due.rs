//! `cpor due`: what needs attention today.

use super::{Ctx, bad_value};
use crate::model::Claim;
use crate::model::{Status, parse_date, parse_instant};
use crate::output::{Due, emit_due};
use crate::rules::calendar::Calendar;
use crate::rules::due::{DEFAULT_WITHIN, Queue, business_days_left, queue};
use crate::rules::poe::{DEFAULT_REFRESH_MONTHS, aging_cutoff, is_aging};
use crate::storage::{self, ClaimFilter, ClaimSort, Txn};
use chrono::{DateTime, Duration, Utc};
use clap::Args;
use std::collections::HashMap;

/// What needs attention today: claims whose window closes soon, overdue ones, new official
/// associations and aging PoE.
///
/// Four sections: `closing` (pending claims with at most --within business days left, soonest
/// deadline first; days counted in each claim's own calendar), `overdue` (pending past the
/// deadline: finalize is not running), `official` (became official since --since) and
/// `poe_aging` (active claims whose newest PoE signature is older than the config key
/// poe_refresh_months, default 11). JSON is one object, for a cron mail.
///
/// Examples:
///   cpor due
///   cpor due --within 5 --since 2025-06-01 --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct DueArgs {
    /// Closing: at most N business days left
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WITHIN)]
    pub within: u32,
    /// Official: since this instant (RFC 3339, or a date meaning its midnight UTC)
    /// [default: 24 hours ago]
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
}

fn parse_since(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = parse_date(s) {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    parse_instant(s)
        .map_err(|_| format!("'{s}' is neither a date (YYYY-MM-DD) nor an RFC 3339 instant"))
}

/// The calendars claims were filed under, read once each.
fn calendars(
    tx: &mut dyn Txn,
    names: impl Iterator<Item = String>,
) -> anyhow::Result<HashMap<String, Calendar>> {
    let mut out = HashMap::new();
    for name in names {
        if let std::collections::hash_map::Entry::Vacant(slot) = out.entry(name) {
            // A calendar is never deleted; the built-in one stands in for a missing row.
            let cal = tx
                .calendar(slot.key())?
                .unwrap_or_else(Calendar::builtin_default);
            slot.insert(cal);
        }
    }
    Ok(out)
}

pub fn run(ctx: &Ctx, a: DueArgs) -> anyhow::Result<u8> {
    let since = match &a.since {
        Some(s) => parse_since(s).map_err(|e| bad_value("--since", e))?,
        None => ctx.now - Duration::hours(24),
    };
    if since > ctx.now {
        return Err(bad_value(
            "--since",
            format!("{} is in the future", crate::model::utc_text(since)),
        ));
    }
    let months = ctx
        .config
        .poe_refresh_months
        .unwrap_or(DEFAULT_REFRESH_MONTHS);
    let mut db = ctx.db()?;
    let within = a.within;
    let (mut closing, mut overdue, official, aging, cals) = storage::read(db.as_mut(), |tx| {
        // Calendars are few, claims many: every calendar is read once, and pending claims are
        // streamed, keeping only those that need attention, so memory does not grow with the
        // number of pending claims.
        let names = tx.calendar_names()?;
        let mut cals = calendars(tx, names.into_iter())?;
        let fallback = Calendar::builtin_default();
        let mut closing: Vec<(Claim, u32)> = Vec::new();
        let mut overdue: Vec<Claim> = Vec::new();
        tx.for_each_claim(
            &ClaimFilter {
                statuses: vec![Status::Pending],
                sort: ClaimSort::Deadline,
                limit: None,
                ..ClaimFilter::default()
            },
            &mut |c| {
                // A calendar is never deleted; the built-in one stands in for a missing row.
                let cal = cals.get(&c.calendar).unwrap_or(&fallback);
                let left = business_days_left(cal, c.deadline_day, ctx.now);
                match queue(c.status, c.deadline, left, within, ctx.now) {
                    Some(Queue::Closing { business_days_left }) => {
                        closing.push((c, business_days_left))
                    }
                    Some(Queue::Overdue) => overdue.push(c),
                    None => {}
                }
                Ok(())
            },
        )?;
        let official = tx.official_between(since, ctx.now)?;
        // Today is a date in each claim's zone; the latest zone is at most 14 hours ahead of
        // UTC, so this bound finds every candidate and the rules decide per claim below.
        let latest_today = (ctx.now + Duration::hours(14)).date_naive();
        let aging = tx.active_with_poe_signed_before(aging_cutoff(latest_today, months))?;
        let named = closing
            .iter()
            .map(|(c, _)| c)
            .chain(&overdue)
            .chain(&official)
            .chain(&aging)
            .map(|c| c.calendar.clone())
            .filter(|n| !cals.contains_key(n))
            .collect::<Vec<_>>();
        cals.extend(calendars(tx, named.into_iter())?);
        Ok((closing, overdue, official, aging, cals))
    })?;
    let cal = |name: &str| &cals[name];
    closing.sort_by_key(|(c, _)| (c.deadline, c.id));
    overdue.sort_by_key(|c| (c.deadline, c.id));
    let poe_aging: Vec<_> = aging
        .iter()
        .filter(|c| {
            let today = ctx.now.with_timezone(&cal(&c.calendar).tz).date_naive();
            is_aging(c.poe.signed_on, today, months)
        })
        .collect();
    let zones = cals.iter().map(|(n, c)| (n.clone(), c.tz)).collect();
    let due = Due {
        now: ctx.now,
        within: a.within,
        since,
        closing: closing.iter().map(|(c, left)| (c, *left)).collect(),
        overdue: overdue.iter().collect(),
        official: official.iter().collect(),
        poe_aging,
    };
    emit_due(&due, ctx.format, &ctx.style, &zones)?;
    Ok(0)
}
