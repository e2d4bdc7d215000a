//! v2 read models: the daily work queue (`due`) and the counts of `report`.

use super::SqliteTxn;
use super::claims::{COLUMNS, row_to_claim};
use crate::model::{Claim, utc_text};
use crate::storage::{GroupCounts, MonthCounts, ReportGroup};
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

impl SqliteTxn<'_> {
    /// Claims whose `official_at` lies in `[from, to]`, earliest first.
    pub fn official_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Claim>> {
        self.tx
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM claims
                 WHERE official_at >= ?1 AND official_at <= ?2 ORDER BY official_at, id"
            ))?
            .query_map(params![utc_text(from), utc_text(to)], |r| {
                Ok(row_to_claim(r))
            })?
            .map(|r| r?)
            .collect::<anyhow::Result<Vec<_>>>()
            .context("could not read the claims that became official")
    }

    /// Active claims whose newest PoE was signed before `day`, oldest signature first.
    pub fn active_with_poe_signed_before(&self, day: NaiveDate) -> anyhow::Result<Vec<Claim>> {
        // The claim's poe_* columns always hold its newest version.
        self.tx
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM claims
                 WHERE status IN ('pending','official') AND poe_signed_on < ?1
                 ORDER BY poe_signed_on, id"
            ))?
            .query_map([day.to_string()], |r| Ok(row_to_claim(r)))?
            .map(|r| r?)
            .collect::<anyhow::Result<Vec<_>>>()
            .context("could not read the claims with aging PoE")
    }

    /// Counts per program or PartnerID over the claims filed in `[from, until)`, by key.
    pub fn report_groups(
        &self,
        group: ReportGroup,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> anyhow::Result<Vec<GroupCounts>> {
        let key = match group {
            ReportGroup::Program => "program",
            ReportGroup::Partner => "partner_id",
        };
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {key}, count(*), sum(status = 'pending'), sum(status = 'official'),
               sum(status = 'opted-out'), sum(status = 'withdrawn'),
               sum(status = 'opted-out' AND opt_out_in_window = 1)
             FROM claims WHERE filed_at >= ?1 AND filed_at < ?2
             GROUP BY {key} ORDER BY {key}"
        ))?;
        let rows = stmt
            .query_map(params![utc_text(from), utc_text(until)], |r| {
                let n = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
                Ok(GroupCounts {
                    key: r.get(0)?,
                    filed: n(1)?,
                    pending: n(2)?,
                    official: n(3)?,
                    opted_out: n(4)?,
                    withdrawn: n(5)?,
                    opted_out_in_window: n(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
            .context("could not count claims")?;
        Ok(rows)
    }

    /// Per UTC month (`YYYY-MM`) in `[from, until)`: claims filed, made official, opted out and
    /// withdrawn, each counted by the month of its own instant. Months without any are absent.
    pub fn report_months(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> anyhow::Result<Vec<MonthCounts>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT substr(at, 1, 7) AS month, sum(what = 1), sum(what = 2), sum(what = 3),
               sum(what = 4)
             FROM (SELECT filed_at AS at, 1 AS what FROM claims
                     WHERE filed_at >= ?1 AND filed_at < ?2
                   UNION ALL SELECT official_at, 2 FROM claims
                     WHERE official_at >= ?1 AND official_at < ?2
                   UNION ALL SELECT opted_out_at, 3 FROM claims
                     WHERE opted_out_at >= ?1 AND opted_out_at < ?2
                   UNION ALL SELECT withdrawn_at, 4 FROM claims
                     WHERE withdrawn_at >= ?1 AND withdrawn_at < ?2)
             GROUP BY month ORDER BY month",
        )?;
        let rows = stmt
            .query_map(params![utc_text(from), utc_text(until)], |r| {
                let n = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
                Ok(MonthCounts {
                    month: r.get(0)?,
                    filed: n(1)?,
                    became_official: n(2)?,
                    opted_out: n(3)?,
                    withdrawn: n(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
            .context("could not count claims by month")?;
        Ok(rows)
    }
}
