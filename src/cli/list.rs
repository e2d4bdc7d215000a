//! `cpor list`: claims, filtered, newest first or soonest deadline first.

use super::Ctx;
use super::filter::FilterArgs;
use crate::output::{Format, emit_claim_stream, emit_claims};
use crate::rules::format::parse_limit;
use crate::storage::{self, ClaimFilter};
use clap::Args;

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
    #[command(flatten)]
    pub filter: FilterArgs,
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

pub fn run(ctx: &Ctx, a: ListArgs) -> anyhow::Result<u8> {
    let filter = a.filter.filter(ctx)?;
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
