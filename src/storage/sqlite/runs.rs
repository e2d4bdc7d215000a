//! The record of finalize runs.

use super::SqliteTxn;
use crate::model::{parse_instant, utc_text};
use crate::storage::FinalizeRun;
use anyhow::{Context, anyhow};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

impl SqliteTxn<'_> {
    /// Record that a finalize run started; returns its id.
    pub fn start_finalize_run(&self, now: DateTime<Utc>, actor: &str) -> anyhow::Result<i64> {
        self.tx
            .execute(
                "INSERT INTO finalize_runs (started_at, actor) VALUES (?1, ?2)",
                params![utc_text(now), actor],
            )
            .context("could not record the finalize run")?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Add to a run's count of finalized claims (in the same transaction as the claims).
    pub fn count_finalized(&self, run: i64, n: u64) -> anyhow::Result<()> {
        self.tx
            .prepare_cached("UPDATE finalize_runs SET finalized = finalized + ?2 WHERE id = ?1")?
            .execute(params![run, n as i64])
            .context("could not update the finalize run")?;
        Ok(())
    }

    /// Mark a run finished.
    pub fn finish_finalize_run(&self, run: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
        self.tx
            .execute(
                "UPDATE finalize_runs SET finished_at = ?2 WHERE id = ?1",
                params![run, utc_text(now)],
            )
            .context("could not finish the finalize run")?;
        Ok(())
    }

    /// The most recent finalize run, if any.
    pub fn last_finalize_run(&self) -> anyhow::Result<Option<FinalizeRun>> {
        let row: Option<(String, Option<String>, String, i64)> = self
            .tx
            .query_row(
                "SELECT started_at, finished_at, actor, finalized FROM finalize_runs
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .context("could not read the last finalize run")?;
        let parse = |s: &str| parse_instant(s).map_err(|e| anyhow!("malformed stored time: {e}"));
        row.map(|(started, finished, actor, finalized)| {
            Ok(FinalizeRun {
                started_at: parse(&started)?,
                finished_at: finished.as_deref().map(parse).transpose()?,
                actor,
                finalized: finalized as u64,
            })
        })
        .transpose()
    }
}
