//! `cpor finalize`: make every pending claim whose deadline has passed official.

use super::Ctx;
use crate::model::utc_text;
use crate::output::{Format, emit, emit_json};
use crate::rules::lifecycle;
use crate::storage;
use clap::Args;
use serde::Serialize;

/// How long one write transaction keeps finalizing before it commits. Commits are what cost
/// (each flushes the log), so a chunk is as large as the wait bound allows: a `claim` filed
/// meanwhile waits at most about this long for the lock.
const CHUNK_TIME: std::time::Duration = std::time::Duration::from_millis(150);

/// Due claims read at a time within a chunk.
const BATCH: u64 = 1000;

/// Pause between chunks, so writers waiting for the lock get it.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(3);

/// Make every pending claim whose opt-out deadline has passed official.
///
/// `official_at` is each claim's deadline, not the time finalize ran. Safe to run from cron
/// while people work: claims are finalized in short transactions (about 150 ms each), each
/// claim together with its history event, so an interrupted run leaves nothing half-done and a rerun picks up the rest.
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
        // Counting the due claims is a pass over them: only for a bar someone will see.
        let bar = progress_bar(ctx, || {
            Ok(storage::read(db.as_mut(), |tx| Ok(tx.overdue(ctx.now, None)?))?.count)
        })?;
        match storage::write(db.as_mut(), |tx| {
            Ok(tx.start_finalize_run(ctx.now, &ctx.actor)?)
        }) {
            Ok(run) => ids = finalize_due_claims(ctx, db.as_mut(), run, bar.as_ref())?,
            // The team backend lets one run at a time; the other one does the work, and this
            // one reports that it finalized nothing (JSON included, for scripts).
            Err(e) if matches!(e.downcast_ref(), Some(storage::StorageError::RunInProgress)) => {
                ctx.note("another finalize run is in progress; this one did nothing");
            }
            Err(e) => return Err(e),
        }
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

/// Make every due claim official, in chunks of about [`CHUNK_TIME`] of work each, counting them
/// into the finalize run `run`; returns the claims finalized.
fn finalize_due_claims(
    ctx: &Ctx,
    db: &mut dyn storage::Store,
    run: i64,
    bar: Option<&indicatif::ProgressBar>,
) -> anyhow::Result<Vec<i64>> {
    let mut ids = Vec::new();
    // Chunks commit without flushing to disk: finalize is idempotent, so a crash can lose
    // only chunks that a rerun redoes. The run's last commit is durable again, which (in
    // WAL mode) makes every chunk before it durable too. See the sqlite storage docs.
    db.relax_durability(true)?;
    loop {
        let chunk = storage::write(db, |tx| {
            let started = std::time::Instant::now();
            let mut done = Vec::new();
            loop {
                let due = tx.due_claims(ctx.now, Some(BATCH))?;
                let read = due.len() as u64;
                let before = done.len();
                let decided: Vec<_> = due
                    .into_iter()
                    .filter_map(|claim| lifecycle::finalize_due(claim, ctx.now))
                    .collect();
                tx.apply_all(&decided, ctx.now, &ctx.actor)?;
                done.extend(decided.iter().map(|t| t.claim_id));
                // A batch the rules left untouched would come back unchanged: stop.
                if read < BATCH || done.len() == before || started.elapsed() >= CHUNK_TIME {
                    break;
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
    db.relax_durability(false)?;
    storage::write(db, |tx| Ok(tx.finish_finalize_run(run, ctx.now)?))?;
    if ctx.location().is_postgres() && ids.len() >= 10_000 {
        ctx.note(format!(
            "{} claims changed: run `VACUUM (ANALYZE) claims` on the server (or let autovacuum catch up) before the next busy hour",
            ids.len()
        ));
    }
    Ok(ids)
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

/// A progress bar on stderr, only when stderr is a terminal and there is real work (`total`
/// is asked only then).
fn progress_bar(
    ctx: &Ctx,
    total: impl FnOnce() -> anyhow::Result<u64>,
) -> anyhow::Result<Option<indicatif::ProgressBar>> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || ctx.verbosity == super::Verbosity::Quiet {
        return Ok(None);
    }
    let total = total()?;
    if total < BATCH {
        return Ok(None);
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "finalizing {bar:40} {pos}/{len} claims ({eta} left)",
        )
        .expect("valid template"),
    );
    Ok(Some(bar))
}
