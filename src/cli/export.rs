//! `cpor export`: every matching claim, streamed, as JSONL (with history) or CSV.

use super::filter::FilterArgs;
use super::{Ctx, RowFormat};
use crate::output::{Format, emit_claim_stream_to, emit_to, write_claim_line};
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
    #[command(flatten)]
    pub filter: FilterArgs,
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

pub fn run(ctx: &Ctx, a: ExportArgs) -> anyhow::Result<u8> {
    let filter = a.filter.filter(ctx)?;
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
