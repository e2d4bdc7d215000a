//! Read-only facts about the database itself, for `troubleshoot`.

use super::SqliteTxn;
use crate::model::{parse_instant, utc_text};
use crate::storage::{Overdue, PoeFile};
use anyhow::{Context, anyhow};
use chrono::{DateTime, Utc};

impl SqliteTxn<'_> {
    /// `PRAGMA user_version`.
    pub fn schema_version(&self) -> anyhow::Result<i64> {
        Ok(self.tx.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: `["ok"]` when healthy, else the problems (at most 20).
    pub fn integrity_check(&self) -> anyhow::Result<Vec<String>> {
        let mut stmt = self.tx.prepare("PRAGMA integrity_check(20)")?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()
            .context("the integrity check could not run")?;
        Ok(rows)
    }

    /// Pending claims whose deadline is at or before `now`, counted up to `cap` (one past it
    /// tells that more exist): both queries walk the index on pending deadlines.
    pub fn overdue(&self, now: DateTime<Utc>, cap: Option<u64>) -> anyhow::Result<Overdue> {
        let limit = cap.map_or(-1, |c| i64::try_from(c).unwrap_or(i64::MAX - 1) + 1);
        let (counted, oldest): (i64, Option<String>) = self.tx.query_row(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM claims
                       WHERE status = 'pending' AND deadline <= ?1 LIMIT ?2)),
                    (SELECT min(deadline) FROM claims WHERE status = 'pending' AND deadline <= ?1)",
            rusqlite::params![utc_text(now), limit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let capped = cap.is_some_and(|c| counted as u64 > c);
        let count = if capped {
            cap.unwrap_or(0)
        } else {
            counted as u64
        };
        let sample = self
            .due_claims(now, Some(10))?
            .into_iter()
            .map(|c| c.id)
            .collect();
        Ok(Overdue {
            count,
            capped,
            oldest_deadline: oldest
                .map(|s| parse_instant(&s).map_err(|e| anyhow!("malformed stored time: {e}")))
                .transpose()?,
            sample,
        })
    }

    /// Every PoE version that is a local file, of every active claim, by claim and version.
    /// Before schema version 4 a claim has one PoE, on its own row.
    pub fn active_poe_files(&self) -> anyhow::Result<Vec<PoeFile>> {
        let versioned: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'poe_versions')",
            [],
            |r| r.get(0),
        )?;
        let sql = if versioned {
            "SELECT v.claim_id, v.location, v.sha256 FROM claims c
             JOIN poe_versions v ON v.claim_id = c.id
             WHERE c.status IN ('pending','official') AND v.sha256 IS NOT NULL
             ORDER BY v.claim_id, v.id"
        } else {
            "SELECT id, poe_location, poe_sha256 FROM claims
             WHERE status IN ('pending','official') AND poe_sha256 IS NOT NULL ORDER BY id"
        };
        let mut stmt = self.tx.prepare(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PoeFile {
                    claim_id: r.get(0)?,
                    path: r.get(1)?,
                    sha256: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// How many claims there are in all; with `cap`, at most `cap + 1`.
    pub fn claim_count(&self, cap: Option<u64>) -> anyhow::Result<u64> {
        let n: i64 = match cap {
            // Plain `count(*)` sums whole index pages; the capped form walks rows but stops.
            None => self
                .tx
                .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?,
            Some(cap) => self.tx.query_row(
                "SELECT count(*) FROM (SELECT 1 FROM claims LIMIT ?1)",
                [i64::try_from(cap).unwrap_or(i64::MAX - 1) + 1],
                |r| r.get(0),
            )?,
        };
        Ok(n as u64)
    }
}
