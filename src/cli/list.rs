//! `cpor list`: claims, filtered, newest first or soonest deadline first.

use super::{Ctx, bad_value};
use crate::model::{Program, Status, parse_date, parse_instant};
use crate::output::{Format, emit_claim_stream, emit_claims};
use crate::rules::format::{parse_domain, parse_guid, parse_limit, parse_partner_id};
use crate::storage::{self, ClaimFilter, ClaimSort};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};

/// List claims, newest first (or soonest deadline first with --sort deadline).
///
/// Shows at most 100 claims unless --limit or --all says otherwise; on a terminal a footer says
/// how many were left out, with --format json or csv a note on stderr.
///
/// Examples:
///   cpor list --status pending --sort deadline
///   cpor list --tenant 0f8fad5b-d9cb-469f-a165-70867728950e --all --format csv > claims.csv
///   cpor list --due-before 2025-06-10 --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ListArgs {
    /// Only claims with this status (repeatable)
    #[arg(long, value_name = "STATUS", value_parser = super::keys::<Status>(), ignore_case = true)]
    pub status: Vec<String>,
    /// Only claims in this program
    #[arg(long, value_parser = super::keys::<Program>(), ignore_case = true)]
    pub program: Option<String>,
    /// Only claims of this PartnerID
    #[arg(long, value_name = "ID")]
    pub partner_id: Option<String>,
    /// Only claims on this tenant
    #[arg(long, value_name = "GUID")]
    pub tenant: Option<String>,
    /// Only claims naming this domain
    #[arg(long)]
    pub domain: Option<String>,
    /// Only claims on this workload or product
    #[arg(long, value_name = "KEY")]
    pub workload: Option<String>,
    /// Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning
    /// its midnight UTC)
    #[arg(long, value_name = "TIME")]
    pub due_before: Option<String>,
    /// Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID
    #[arg(long, value_enum, ignore_case = true, default_value_t = SortKey::Filed)]
    pub sort: SortKey,
    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,
    /// Show at most N claims
    #[arg(long, value_name = "N", default_value_t = 100, conflicts_with = "all", value_parser = parse_limit)]
    pub limit: u64,
    /// Show every matching claim
    #[arg(long)]
    pub all: bool,
    /// Show tenant and subscription GUIDs whole in the table (they are shortened to their
    /// first 8 characters to fit the terminal)
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Filed,
    Deadline,
}

fn parse_due(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = parse_date(s) {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    parse_instant(s)
        .map_err(|_| format!("'{s}' is neither a date (YYYY-MM-DD) nor an RFC 3339 instant"))
}

pub fn run(ctx: &Ctx, a: ListArgs) -> anyhow::Result<u8> {
    let statuses = a
        .status
        .iter()
        .map(|s| s.parse::<Status>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad_value("--status", e))?;
    let filter = ClaimFilter {
        statuses,
        program: a
            .program
            .as_deref()
            .map(str::parse::<Program>)
            .transpose()
            .map_err(|e| bad_value("--program", e))?,
        partner_id: a
            .partner_id
            .as_deref()
            .map(parse_partner_id)
            .transpose()
            .map_err(|e| bad_value("--partner-id", e))?,
        tenant: a
            .tenant
            .as_deref()
            .map(|t| parse_guid("tenant ID", t))
            .transpose()
            .map_err(|e| bad_value("--tenant", e))?,
        domain: a
            .domain
            .as_deref()
            .map(parse_domain)
            .transpose()
            .map_err(|e| bad_value("--domain", e))?,
        workload: a
            .workload
            .as_deref()
            .map(|w| super::unit::known_workload(ctx, "--workload", w, None))
            .transpose()?,
        due_before: a
            .due_before
            .as_deref()
            .map(parse_due)
            .transpose()
            .map_err(|e| bad_value("--due-before", e))?,
        sort: match a.sort {
            SortKey::Filed => ClaimSort::Filed,
            SortKey::Deadline => ClaimSort::Deadline,
        },
        reverse: a.reverse,
        limit: None,
    };
    let mut db = ctx.db_existing()?;
    // JSON and CSV need no calendar zones: they stream straight from the query to stdout.
    if ctx.format != Format::Table {
        let mut tx = db.read()?;
        let mut shown = 0u64;
        let mut more = false;
        let limit = (!a.all).then_some(a.limit);
        // One row past the limit says whether more exist, without counting them all.
        let filter = ClaimFilter {
            limit: limit.map(|n| n.saturating_add(1).min(i64::MAX as u64)),
            ..filter
        };
        emit_claim_stream(ctx.format, |sink| {
            tx.for_each_claim(&filter, &mut |c| {
                if limit.is_some_and(|n| shown == n) {
                    more = true;
                    return Ok(());
                }
                shown += 1;
                sink(&c)
            })?;
            Ok(())
        })?;
        tx.commit()?;
        if more {
            ctx.note(format!(
                "showing the first {shown} matching claims; use --all to see every one (or --limit N)"
            ));
        }
        return Ok(0);
    }
    let footer = ctx.stdout_is_terminal();
    let limit = (!a.all).then_some(a.limit);
    let filter = ClaimFilter { limit, ..filter };
    let (claims, total, zones) = storage::read(db.as_mut(), |tx| {
        let claims = tx.list_claims(&filter)?;
        // The count costs a pass over every match: only when the footer shows it.
        let total = if footer && limit.is_some_and(|n| claims.len() as u64 == n) {
            tx.count_claims(&filter)?
        } else {
            claims.len() as u64
        };
        let zones = super::zones_in(tx, &claims)?;
        Ok((claims, total, zones))
    })?;
    let style = crate::output::Style {
        wide: a.wide,
        ..ctx.style
    };
    emit_claims(&claims, ctx.format, &style, &zones)?;
    let shown = claims.len() as u64;
    if footer {
        if total > shown {
            ctx.note(format!(
                "showing {shown} of {total} claims; use --limit N or --all to see more"
            ));
        } else {
            ctx.note(format!(
                "{total} claim{}",
                if total == 1 { "" } else { "s" }
            ));
        }
    }
    Ok(0)
}
