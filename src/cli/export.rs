//! `cpor export`: every matching claim, streamed, as JSONL (with history) or CSV.

use super::{Ctx, RowFormat, bad_value};
use crate::model::{Program, Status, parse_date, parse_instant};
use crate::output::{Format, emit_claim_stream_to, emit_to, write_claim_line};
use crate::rules::format::{parse_domain, parse_guid, parse_partner_id};
use crate::storage::{ClaimFilter, ClaimSort};
use chrono::{DateTime, Utc};
use clap::Args;
use std::io;
use std::path::{Path, PathBuf};

/// Export every matching claim, without a limit: JSONL (one claim object per line, with its
/// history and PoE versions) or CSV (the columns of `list --format csv`).
///
/// The format comes from --format (jsonl or csv), else from the file's extension (.csv,
/// .jsonl), else JSONL. The output streams: memory does not grow with the number of claims.
/// An exported CSV can be filed again elsewhere with `cpor import`. Never creates a database.
///
/// Examples:
///   cpor export claims.jsonl
///   cpor export --status pending --format csv > pending.csv
///   cpor export - --partner-id 4123456 | jq .history
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    /// Where to write: a file, or - for stdout [default: -]
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    /// Only claims with this status (repeatable): pending, official, opted-out, withdrawn
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only claims in this program
    #[arg(long)]
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
    /// Order by filing time (newest first) or by deadline (soonest first); ties by claim ID
    #[arg(long, value_enum, default_value_t = super::list::SortKey::Filed)]
    pub sort: super::list::SortKey,
    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,
}

/// The row format of a file named `path`, by its extension.
pub(super) fn format_of_path(path: &Path) -> Option<RowFormat> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Some(RowFormat::Csv),
        Some("jsonl" | "ndjson") => Some(RowFormat::Jsonl),
        _ => None,
    }
}

fn parse_due(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = parse_date(s) {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    parse_instant(s)
        .map_err(|_| format!("'{s}' is neither a date (YYYY-MM-DD) nor an RFC 3339 instant"))
}

/// The filter the flags describe, checked as `list` checks them.
fn filter(ctx: &Ctx, a: &ExportArgs) -> anyhow::Result<ClaimFilter> {
    Ok(ClaimFilter {
        statuses: a
            .status
            .iter()
            .map(|s| s.parse::<Status>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad_value("--status", e))?,
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
            super::list::SortKey::Filed => ClaimSort::Filed,
            super::list::SortKey::Deadline => ClaimSort::Deadline,
        },
        reverse: a.reverse,
        limit: None,
    })
}

pub fn run(ctx: &Ctx, a: ExportArgs) -> anyhow::Result<u8> {
    let filter = filter(ctx, &a)?;
    let dest = a.file.clone().filter(|p| p.as_os_str() != "-");
    let format = ctx
        .row_format
        .or_else(|| dest.as_deref().and_then(format_of_path))
        .unwrap_or(RowFormat::Jsonl);
    let mut db = ctx.db_existing()?;
    let mut tx = db.read()?;
    let mut exported = 0u64;
    match format {
        RowFormat::Csv => emit_claim_stream_to(dest.as_deref(), Format::Csv, |sink| {
            tx.for_each_claim(&filter, &mut |c| {
                exported += 1;
                sink(&c)
            })?;
            Ok(())
        })?,
        RowFormat::Jsonl => emit_to(dest.as_deref(), |w| {
            // A failed write stops the reading; the write error is what is reported (a closed
            // pipe is success).
            let mut failed: Option<io::Error> = None;
            let read = tx.export_claims(&filter, &mut |c, history| {
                write_claim_line(w, &c, &history).map_err(|e| {
                    failed = Some(e);
                    anyhow::anyhow!("output stopped")
                })?;
                exported += 1;
                Ok(())
            });
            if let Some(e) = failed {
                return Err(e);
            }
            read.map_err(io::Error::other)
        })?,
    }
    tx.commit()?;
    if let Some(p) = &dest {
        ctx.note(format!(
            "exported {exported} claim{} to {}",
            if exported == 1 { "" } else { "s" },
            p.display()
        ));
    }
    Ok(0)
}
