//! `cpor finalize`: make every pending claim whose deadline has passed official.

use super::Ctx;
use crate::model::utc_text;
use crate::output::{Format, emit, emit_json};
use crate::rules::lifecycle;
use crate::storage;
use clap::Args;
use serde::Serialize;

/// Claims finalized per write transaction. Small enough that a concurrent `claim` waits a few
/// milliseconds for the lock, large enough that 100,000 claims need few commits.
const CHUNK: u64 = 500;

/// Pause between chunks, so writers waiting for the lock get it.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(3);

/// Make every pending claim whose opt-out deadline has passed official.
///
/// `official_at` is each claim's deadline, not the time finalize ran. Safe to run from cron
/// while people work: claims are finalized in small transactions, each claim together with its
/// history event, so an interrupted run leaves nothing half-done and a rerun picks up the rest.
/// Running it again changes nothing. Prints one summary line on stderr.
///
/// Examples:
///   cpor finalize
///   cpor finalize --dry-run --json
///   15 2 * * *  cpor finalize --quiet      # crontab: every night at 02:15
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct FinalizeArgs {
    /// Show what would become official, without writing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, a: FinalizeArgs) -> anyhow::Result<u8> {
    // A dry run writes nothing, so it never creates the database either.
    let mut db = if a.dry_run {
        ctx.db_existing()?
    } else {
        ctx.db()?
    };
    let mut ids: Vec<i64> = Vec::new();
    if a.dry_run {
        ids = storage::read(db.as_mut(), |tx| Ok(tx.due_claims(ctx.now, None)?))?
            .into_iter()
            .filter_map(|c| lifecycle::finalize_due(c, ctx.now))
            .map(|t| t.claim_id)
            .collect();
    } else {
        let due = storage::read(db.as_mut(), |tx| Ok(tx.overdue(ctx.now)?))?.count;
        let bar = progress_bar(ctx, due);
        let run = storage::write(db.as_mut(), |tx| {
            Ok(tx.start_finalize_run(ctx.now, &ctx.actor)?)
        })?;
        loop {
            let chunk = storage::write(db.as_mut(), |tx| {
                let mut done = Vec::new();
                for claim in tx.due_claims(ctx.now, Some(CHUNK))? {
                    if let Some(t) = lifecycle::finalize_due(claim, ctx.now) {
                        tx.apply(&t, ctx.now, &ctx.actor)?;
                        done.push(t.claim_id);
                    }
                }
                tx.count_finalized(run, done.len() as u64)?;
                Ok(done)
            })?;
            if chunk.is_empty() {
                break;
            }
            if let Some(b) = &bar {
                b.inc(chunk.len() as u64);
            }
            // Let a process waiting for the write lock (polling every millisecond) in before
            // the next chunk: staff filing claims wait one chunk at most, not the whole run.
            std::thread::sleep(PAUSE);
            ctx.debug(format!(
                "committed {} claims (through claim {})",
                chunk.len(),
                chunk[chunk.len() - 1]
            ));
            ids.extend(chunk);
        }
        storage::write(db.as_mut(), |tx| Ok(tx.finish_finalize_run(run, ctx.now)?))?;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
    }
    let (pending, next) = storage::read(db.as_mut(), |tx| Ok(tx.pending_summary(ctx.now)?))?;
    // In a dry run the due claims are still pending; report what would remain.
    let pending_after = if a.dry_run {
        pending - ids.len() as u64
    } else {
        pending
    };
    let next_text = next.map(utc_text);
    let verb = if a.dry_run {
        "would finalize"
    } else {
        "finalized"
    };
    ctx.note(format!(
        "{verb} {} claim{}; {pending_after} pending, next deadline {}",
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        next_text.as_deref().unwrap_or("none")
    ));
    match ctx.format {
        Format::Json => emit_json(&FinalizeReport {
            finalized: ids.len(),
            claims: &ids,
            pending: pending_after,
            next_deadline: next_text.as_deref(),
            dry_run: a.dry_run,
        })?,
        Format::Csv => emit(|w| {
            writeln!(w, "id")?;
            for id in &ids {
                writeln!(w, "{id}")?;
            }
            Ok(())
        })?,
        // The summary line on stderr is the whole report for people and cron mail.
        Format::Table => {}
    }
    Ok(0)
}

/// `finalize --json`: what was (or would be) finalized and what is left.
#[derive(Serialize)]
struct FinalizeReport<'a> {
    finalized: usize,
    claims: &'a [i64],
    pending: u64,
    next_deadline: Option<&'a str>,
    dry_run: bool,
}

/// A progress bar on stderr, only when stderr is a terminal and there is real work.
fn progress_bar(ctx: &Ctx, total: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if total < CHUNK || !std::io::stderr().is_terminal() || ctx.verbosity == super::Verbosity::Quiet
    {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "finalizing {bar:40} {pos}/{len} claims ({eta} left)",
        )
        .expect("valid template"),
    );
    Some(bar)
}
