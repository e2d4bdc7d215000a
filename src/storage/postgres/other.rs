//! Partners, calendars, pins and PoE versions, finalize runs, health and the v2 read models.

use super::PgTxn;
use super::values::{en, instant};
use crate::model::{
    Action, Claim, HistoryEvent, Partner, Pin, PinAction, PinKind, PinLogEntry, Poe, Program,
    Status, utc_text,
};
use crate::rules::calendar::{Calendar, WeekendSet, parse_cutoff, parse_tz};
use crate::storage::{
    EnrolOutcome, FinalizeRun, GroupCounts, MonthCounts, Overdue, PoeFile, ReportGroup,
    StatusCounts, StorageError,
};
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::Row;
use std::collections::BTreeMap;

const PIN_COLUMNS: &str = "kind, value, tenant_id, since, by_claim";

impl PgTxn<'_> {
    // Partners.

    pub fn partner(&mut self, partner_id: &str) -> anyhow::Result<Option<Partner>> {
        let Some(row) = self
            .query_opt(
                "SELECT name FROM partners WHERE partner_id = $1",
                &[&partner_id],
            )
            .context("could not read the partner")?
        else {
            return Ok(None);
        };
        let mut programs = self
            .query(
                "SELECT program FROM enrolments WHERE partner_id = $1",
                &[&partner_id],
            )?
            .iter()
            .map(|r| en::<Program>(r.get::<_, &str>(0)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        programs.sort();
        Ok(Some(Partner {
            partner_id: partner_id.to_string(),
            name: row.try_get(0)?,
            programs,
        }))
    }

    pub fn partners(&mut self) -> anyhow::Result<Vec<Partner>> {
        let ids: Vec<String> = self
            .query(
                "SELECT partner_id FROM partners ORDER BY length(partner_id), partner_id",
                &[],
            )
            .context("could not list partners")?
            .iter()
            .map(|r| r.get(0))
            .collect();
        ids.iter()
            .map(|id| Ok(self.partner(id)?.expect("listed partner exists")))
            .collect()
    }

    pub fn enrol(
        &mut self,
        partner_id: &str,
        name: Option<&str>,
        programs: &[Program],
        now: DateTime<Utc>,
    ) -> anyhow::Result<EnrolOutcome> {
        let existing = self.partner(partner_id)?;
        let mut outcome = EnrolOutcome {
            created: existing.is_none(),
            renamed: false,
            added: Vec::new(),
        };
        match (&existing, name) {
            (None, Some(name)) => {
                self.exec(
                    "INSERT INTO partners (partner_id, name, added_at) VALUES ($1, $2, $3)",
                    &[&partner_id, &name, &utc_text(now)],
                )?;
            }
            (None, None) => anyhow::bail!("a new partner needs a name"),
            (Some(p), Some(name)) if p.name != name => {
                self.exec(
                    "UPDATE partners SET name = $2 WHERE partner_id = $1",
                    &[&partner_id, &name],
                )?;
                outcome.renamed = true;
            }
            _ => {}
        }
        let have = existing.map(|p| p.programs).unwrap_or_default();
        for program in programs {
            if !have.contains(program) && !outcome.added.contains(program) {
                self.exec(
                    "INSERT INTO enrolments (partner_id, program, enrolled_at) VALUES ($1, $2, $3)",
                    &[&partner_id, &program.as_str(), &utc_text(now)],
                )?;
                outcome.added.push(*program);
            }
        }
        Ok(outcome)
    }

    pub fn unenrol(
        &mut self,
        partner_id: &str,
        programs: &[Program],
    ) -> anyhow::Result<Vec<Program>> {
        let mut removed = Vec::new();
        for program in programs {
            let n = self.exec(
                "DELETE FROM enrolments WHERE partner_id = $1 AND program = $2",
                &[&partner_id, &program.as_str()],
            )?;
            if n > 0 {
                removed.push(*program);
            }
        }
        Ok(removed)
    }

    pub fn remove_partner(&mut self, partner_id: &str) -> anyhow::Result<bool> {
        Ok(self.exec("DELETE FROM partners WHERE partner_id = $1", &[&partner_id])? > 0)
    }

    // Calendars.

    pub fn calendar(&mut self, name: &str) -> anyhow::Result<Option<Calendar>> {
        let Some(row) = self
            .query_opt(
                "SELECT tz, weekend, cutoff FROM calendars WHERE name = $1",
                &[&name],
            )
            .context("could not read the calendar")?
        else {
            return Ok(None);
        };
        let (tz, weekend, cutoff): (String, String, Option<String>) =
            (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        let mut holidays = BTreeMap::new();
        for r in self.query(
            "SELECT day, label FROM holidays WHERE calendar = $1 ORDER BY day",
            &[&name],
        )? {
            let day: String = r.try_get(0)?;
            let parsed: NaiveDate = day
                .parse()
                .with_context(|| format!("calendar {name} has a malformed holiday '{day}'"))?;
            holidays.insert(parsed, r.try_get::<_, Option<String>>(1)?);
        }
        let stored =
            |what: &str, e: String| anyhow::anyhow!("calendar {name} has a malformed {what}: {e}");
        Ok(Some(Calendar {
            name: name.to_string(),
            tz: parse_tz(&tz).map_err(|e| stored("time zone", e.to_string()))?,
            weekend: WeekendSet::parse(&weekend).map_err(|e| stored("weekend", e.to_string()))?,
            holidays,
            cutoff: match cutoff {
                Some(c) => parse_cutoff(&c).map_err(|e| stored("cut-off", e.to_string()))?,
                None => None,
            },
        }))
    }

    pub fn calendar_names(&mut self) -> anyhow::Result<Vec<String>> {
        Ok(self
            .query(
                "SELECT name FROM calendars ORDER BY name <> 'default', name",
                &[],
            )
            .context("could not list calendars")?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    pub fn save_calendar(&mut self, cal: &Calendar) -> anyhow::Result<()> {
        self.exec(
            "INSERT INTO calendars (name, tz, weekend, cutoff) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO UPDATE SET tz = EXCLUDED.tz, weekend = EXCLUDED.weekend,
               cutoff = EXCLUDED.cutoff",
            &[
                &cal.name,
                &cal.tz.name(),
                &cal.weekend.to_string_list(),
                &cal.cutoff.map(|c| c.format("%H:%M").to_string()),
            ],
        )
        .context("could not save the calendar")?;
        Ok(())
    }

    pub fn add_holiday(
        &mut self,
        calendar: &str,
        day: NaiveDate,
        label: Option<&str>,
    ) -> anyhow::Result<bool> {
        let day = day.to_string();
        let existed = self
            .query_opt(
                "SELECT 1 FROM holidays WHERE calendar = $1 AND day = $2",
                &[&calendar, &day],
            )?
            .is_some();
        self.exec(
            "INSERT INTO holidays (calendar, day, label) VALUES ($1, $2, $3)
             ON CONFLICT (calendar, day) DO UPDATE SET label = coalesce(EXCLUDED.label, holidays.label)",
            &[&calendar, &day, &label],
        )
        .context("could not add the holiday")?;
        Ok(!existed)
    }

    pub fn remove_holiday(&mut self, calendar: &str, day: NaiveDate) -> anyhow::Result<bool> {
        let n = self
            .exec(
                "DELETE FROM holidays WHERE calendar = $1 AND day = $2",
                &[&calendar, &day.to_string()],
            )
            .context("could not remove the holiday")?;
        Ok(n > 0)
    }

    // Finalize runs.

    /// Record a run, holding the session's finalize lock from here to the run's end (or the
    /// connection's), so two runs never overlap; the second fails with
    /// [`StorageError::RunInProgress`].
    pub fn start_finalize_run(&mut self, now: DateTime<Utc>, actor: &str) -> anyhow::Result<i64> {
        let got: bool = self
            .query_one(
                "SELECT pg_try_advisory_lock(hashtext('cpor finalize'))",
                &[],
            )?
            .try_get(0)?;
        if !got {
            return Err(StorageError::RunInProgress.into());
        }
        Ok(self
            .query_one(
                "INSERT INTO finalize_runs (started_at, actor) VALUES ($1, $2) RETURNING id",
                &[&utc_text(now), &actor],
            )
            .context("could not record the finalize run")?
            .try_get(0)?)
    }

    pub fn count_finalized(&mut self, run: i64, n: u64) -> anyhow::Result<()> {
        self.exec(
            "UPDATE finalize_runs SET finalized = finalized + $2 WHERE id = $1",
            &[&run, &(n as i64)],
        )
        .context("could not update the finalize run")?;
        Ok(())
    }

    pub fn finish_finalize_run(&mut self, run: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
        self.exec(
            "UPDATE finalize_runs SET finished_at = $2 WHERE id = $1",
            &[&run, &utc_text(now)],
        )
        .context("could not finish the finalize run")?;
        self.exec("SELECT pg_advisory_unlock(hashtext('cpor finalize'))", &[])?;
        Ok(())
    }

    pub fn last_finalize_run(&mut self) -> anyhow::Result<Option<FinalizeRun>> {
        self.query_opt(
            "SELECT started_at, finished_at, actor, finalized FROM finalize_runs
             ORDER BY id DESC LIMIT 1",
            &[],
        )
        .context("could not read the last finalize run")?
        .map(|r| {
            Ok(FinalizeRun {
                started_at: instant(r.try_get::<_, String>(0)?)?,
                finished_at: r
                    .try_get::<_, Option<String>>(1)?
                    .map(instant)
                    .transpose()?,
                actor: r.try_get(2)?,
                finalized: r.try_get::<_, i64>(3)? as u64,
            })
        })
        .transpose()
    }

    // Health.

    pub fn schema_version(&mut self) -> anyhow::Result<i64> {
        Ok(super::schema::stored_version(&mut self.tx)?.unwrap_or(0))
    }

    /// The server checks its pages itself; what cpor can check is that the unit holders the
    /// triggers keep agree with the active claims.
    pub fn integrity_check(&mut self) -> anyhow::Result<Vec<String>> {
        let rows = self.query(
            "WITH active AS (
                 SELECT unit_key, min(partner_id) AS partner_id, count(*)::int AS claims,
                        count(DISTINCT partner_id) AS partners
                 FROM claims WHERE status IN ('pending','official') GROUP BY unit_key)
             SELECT coalesce(a.unit_key, h.unit_key) FROM active a
             FULL JOIN unit_holders h ON h.unit_key = a.unit_key
             WHERE a.unit_key IS NULL OR h.unit_key IS NULL OR a.partners > 1
                OR a.partner_id <> h.partner_id OR a.claims <> h.claims
             ORDER BY 1 LIMIT 20",
            &[],
        )?;
        if rows.is_empty() {
            return Ok(vec!["ok".into()]);
        }
        Ok(rows
            .iter()
            .map(|r| {
                format!(
                    "unit {} disagrees with its holder record",
                    r.get::<_, String>(0)
                )
            })
            .collect())
    }

    /// Pending claims past their deadline, counted up to `cap` (one past it tells that more
    /// exist; `LIMIT NULL` is no limit).
    pub fn overdue(&mut self, now: DateTime<Utc>, cap: Option<u64>) -> anyhow::Result<Overdue> {
        let limit: Option<i64> = cap.map(|c| i64::try_from(c).unwrap_or(i64::MAX - 1) + 1);
        let r = self.query_one(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM claims
                       WHERE status = 'pending' AND deadline <= $1 LIMIT $2) due),
                    (SELECT min(deadline) FROM claims WHERE status = 'pending' AND deadline <= $1)",
            &[&utc_text(now), &limit],
        )?;
        let counted: i64 = r.try_get(0)?;
        let capped = cap.is_some_and(|c| counted as u64 > c);
        let count = if capped {
            cap.unwrap_or(0)
        } else {
            counted as u64
        };
        let oldest: Option<String> = r.try_get(1)?;
        let sample = self
            .due_claims(now, Some(10))?
            .into_iter()
            .map(|c| c.id)
            .collect();
        Ok(Overdue {
            count,
            capped,
            oldest_deadline: oldest.map(instant).transpose()?,
            sample,
        })
    }

    /// Every PoE version of the active claims, not only the newest, as on SQLite.
    pub fn active_poe_files(&mut self) -> anyhow::Result<Vec<PoeFile>> {
        self.query(
            "SELECT v.claim_id, v.location, v.sha256 FROM claims c
             JOIN poe_versions v ON v.claim_id = c.id
             WHERE c.status IN ('pending','official') AND v.sha256 IS NOT NULL
             ORDER BY v.claim_id, v.id",
            &[],
        )?
        .iter()
        .map(|r| {
            Ok(PoeFile {
                claim_id: r.try_get(0)?,
                path: r.try_get(1)?,
                sha256: r.try_get(2)?,
            })
        })
        .collect()
    }

    pub fn claim_count(&mut self, cap: Option<u64>) -> anyhow::Result<u64> {
        // LIMIT NULL is no limit.
        let limit = cap.map(|c| i64::try_from(c).unwrap_or(i64::MAX - 1) + 1);
        Ok(self
            .query_one(
                "SELECT count(*) FROM (SELECT 1 FROM claims LIMIT $1) c",
                &[&limit],
            )?
            .try_get::<_, i64>(0)? as u64)
    }

    // Pins.

    pub fn pin(&mut self, kind: PinKind, value: &str) -> anyhow::Result<Option<Pin>> {
        let pin = self
            .query_opt(
                &format!("SELECT {PIN_COLUMNS} FROM pins WHERE kind = $1 AND value = $2"),
                &[&kind.as_str(), &value],
            )
            .context("could not read the pin")?
            .map(|r| row_to_pin(&r))
            .transpose()?;
        pin.map(|p| self.with_users(p)).transpose()
    }

    pub fn pins_of_tenant(&mut self, tenant: &str) -> anyhow::Result<Vec<Pin>> {
        let pins = self
            .query(
                &format!(
                    "SELECT {PIN_COLUMNS} FROM pins WHERE tenant_id = $1 ORDER BY kind, value"
                ),
                &[&tenant],
            )
            .context("could not read the tenant's pins")?
            .iter()
            .map(row_to_pin)
            .collect::<anyhow::Result<Vec<_>>>()?;
        pins.into_iter().map(|p| self.with_users(p)).collect()
    }

    fn with_users(&mut self, mut pin: Pin) -> anyhow::Result<Pin> {
        let column = match pin.kind {
            PinKind::Domain => "domain",
            PinKind::Subscription => "subscription_id",
        };
        pin.active_claims = self
            .query(
                &format!(
                    "SELECT id FROM claims WHERE {column} = $1 AND tenant_id = $2
                       AND status IN ('pending','official') ORDER BY id"
                ),
                &[&pin.value, &pin.tenant_id],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        Ok(pin)
    }

    pub fn pin_log(&mut self, tenant: &str) -> anyhow::Result<Vec<PinLogEntry>> {
        self.query(
            "SELECT at, actor, action, kind, value, tenant_id, reason FROM pin_log
             WHERE tenant_id = $1 ORDER BY id",
            &[&tenant],
        )?
        .iter()
        .map(|r| {
            Ok(PinLogEntry {
                at: instant(r.try_get::<_, String>(0)?)?,
                actor: r.try_get(1)?,
                action: en(r.try_get::<_, String>(2)?)?,
                kind: en(r.try_get::<_, String>(3)?)?,
                value: r.try_get(4)?,
                tenant_id: r.try_get(5)?,
                reason: r.try_get(6)?,
            })
        })
        .collect()
    }

    pub fn add_pin(&mut self, entry: &PinLogEntry, by_claim: i64) -> anyhow::Result<bool> {
        let n = self
            .exec(
                "INSERT INTO pins (kind, value, tenant_id, since, by_claim)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &entry.kind.as_str(),
                    &entry.value,
                    &entry.tenant_id,
                    &utc_text(entry.at),
                    &by_claim,
                ],
            )
            .context("could not record the pin")?;
        if n == 1 {
            self.log_pin(entry)?;
        }
        Ok(n == 1)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn pin_if_new(
        &mut self,
        kind: PinKind,
        value: &str,
        tenant: &str,
        by_claim: i64,
        at: DateTime<Utc>,
        actor: &str,
        reason: &str,
    ) -> anyhow::Result<bool> {
        self.add_pin(
            &PinLogEntry {
                at,
                actor: actor.to_string(),
                action: PinAction::Pin,
                kind,
                value: value.to_string(),
                tenant_id: tenant.to_string(),
                reason: Some(reason.to_string()),
            },
            by_claim,
        )
    }

    pub fn remove_pin(&mut self, entry: &PinLogEntry) -> anyhow::Result<bool> {
        let n = self
            .exec(
                "DELETE FROM pins WHERE kind = $1 AND value = $2 AND tenant_id = $3",
                &[&entry.kind.as_str(), &entry.value, &entry.tenant_id],
            )
            .context("could not remove the pin")?;
        if n == 1 {
            self.log_pin(entry)?;
        }
        Ok(n == 1)
    }

    pub(super) fn log_pin(&mut self, e: &PinLogEntry) -> anyhow::Result<()> {
        self.exec(
            "INSERT INTO pin_log (at, actor, action, kind, value, tenant_id, reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &utc_text(e.at),
                &e.actor,
                &e.action.as_str(),
                &e.kind.as_str(),
                &e.value,
                &e.tenant_id,
                &e.reason,
            ],
        )
        .context("could not append to the pin log")?;
        Ok(())
    }

    pub fn claim_counts_of_tenant(&mut self, tenant: &str) -> anyhow::Result<StatusCounts> {
        let mut counts = StatusCounts::default();
        for r in self.query(
            "SELECT status, count(*) FROM claims WHERE tenant_id = $1 GROUP BY status",
            &[&tenant],
        )? {
            let n = r.try_get::<_, i64>(1)? as u64;
            match en::<Status>(r.try_get::<_, String>(0)?)? {
                Status::Pending => counts.pending = n,
                Status::Official => counts.official = n,
                Status::OptedOut => counts.opted_out = n,
                Status::Withdrawn => counts.withdrawn = n,
            }
        }
        Ok(counts)
    }

    // Corrections.

    pub(super) fn insert_poe_version(
        &mut self,
        claim_id: i64,
        poe: &Poe,
        at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        self.exec(
            "INSERT INTO poe_versions (claim_id, location, sha256, size, signed_on, added_at,
               added_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &claim_id,
                &poe.location,
                &poe.sha256,
                &poe.size.map(|s| s as i64),
                &poe.signed_on.to_string(),
                &utc_text(at),
                &actor,
            ],
        )
        .context("could not record the PoE version")?;
        Ok(())
    }

    pub fn add_poe(&mut self, claim_id: i64, event: &HistoryEvent) -> anyhow::Result<()> {
        let poe = event
            .poe
            .as_ref()
            .context("a poe-added event carries its PoE")?;
        debug_assert_eq!(event.action, Action::PoeAdded);
        let from = event.from.context("a poe-added event has a from status")?;
        let n = self
            .exec(
                "UPDATE claims SET poe_location = $3, poe_sha256 = $4, poe_size = $5,
                   poe_signed_on = $6 WHERE id = $1 AND status = $2",
                &[
                    &claim_id,
                    &from.as_str(),
                    &poe.location,
                    &poe.sha256,
                    &poe.size.map(|s| s as i64),
                    &poe.signed_on.to_string(),
                ],
            )
            .context("could not update the claim's PoE")?;
        if n != 1 {
            return Err(StorageError::Conflict {
                claim_id,
                expected: from,
                to: event.to,
            }
            .into());
        }
        self.insert_poe_version(claim_id, poe, event.at, &event.actor)?;
        self.append_event(claim_id, event, None).map(|_| ())
    }

    pub fn record_edit(&mut self, claim: &Claim, event: &HistoryEvent) -> anyhow::Result<()> {
        debug_assert_eq!(event.action, Action::Edited);
        let from = event.from.context("an edited event has a from status")?;
        let technical = claim.technical.as_ref();
        let n = self
            .exec(
                "UPDATE claims SET name = $3, domain = $4, customer_name = $5,
                   customer_title = $6, customer_email = $7, technical_name = $8,
                   technical_title = $9, technical_email = $10, partner_contact_name = $11,
                   partner_contact_email = $12, channel = $13, purchase_date = $14,
                   comment = $15, warnings = $16
                 WHERE id = $1 AND status = $2",
                &[
                    &claim.id,
                    &from.as_str(),
                    &claim.name,
                    &claim.domain,
                    &claim.customer.name,
                    &claim.customer.title,
                    &claim.customer.email,
                    &technical.map(|t| t.name.as_str()),
                    &technical.map(|t| t.title.as_str()),
                    &technical.map(|t| t.email.as_str()),
                    &claim.partner_contact.name,
                    &claim.partner_contact.email,
                    &claim.channel.map(|c| c.as_str()),
                    &claim.purchase_date.map(|d| d.to_string()),
                    &claim.comment,
                    &serde_json::to_string(&claim.warnings)?,
                ],
            )
            .context("could not update the claim")?;
        if n != 1 {
            return Err(StorageError::Conflict {
                claim_id: claim.id,
                expected: from,
                to: event.to,
            }
            .into());
        }
        self.append_event(claim.id, event, None).map(|_| ())
    }

    // The work queue and reports.

    pub fn official_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Claim>> {
        self.claims_where(
            "official_at >= $1 AND official_at <= $2 ORDER BY official_at, id",
            &[&utc_text(from), &utc_text(to)],
        )
        .context("could not read the claims that became official")
    }

    pub fn active_with_poe_signed_before(&mut self, day: NaiveDate) -> anyhow::Result<Vec<Claim>> {
        self.claims_where(
            "status IN ('pending','official') AND poe_signed_on < $1 ORDER BY poe_signed_on, id",
            &[&day.to_string()],
        )
        .context("could not read the claims with aging PoE")
    }

    pub fn report_groups(
        &mut self,
        group: ReportGroup,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> anyhow::Result<Vec<GroupCounts>> {
        let key = match group {
            ReportGroup::Program => "program",
            ReportGroup::Partner => "partner_id",
        };
        self.query(
            &format!(
                "SELECT {key}, count(*), count(*) FILTER (WHERE status = 'pending'),
                   count(*) FILTER (WHERE status = 'official'),
                   count(*) FILTER (WHERE status = 'opted-out'),
                   count(*) FILTER (WHERE status = 'withdrawn'),
                   count(*) FILTER (WHERE status = 'opted-out' AND opt_out_in_window)
                 FROM claims WHERE filed_at >= $1 AND filed_at < $2
                 GROUP BY {key} ORDER BY {key}"
            ),
            &[&utc_text(from), &utc_text(until)],
        )
        .context("could not count claims")?
        .iter()
        .map(|r| {
            let n = |i: usize| -> anyhow::Result<u64> { Ok(r.try_get::<_, i64>(i)? as u64) };
            Ok(GroupCounts {
                key: r.try_get(0)?,
                filed: n(1)?,
                pending: n(2)?,
                official: n(3)?,
                opted_out: n(4)?,
                withdrawn: n(5)?,
                opted_out_in_window: n(6)?,
            })
        })
        .collect()
    }

    pub fn report_months(
        &mut self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> anyhow::Result<Vec<MonthCounts>> {
        self.query(
            "SELECT substr(at, 1, 7) AS month, count(*) FILTER (WHERE what = 1),
               count(*) FILTER (WHERE what = 2), count(*) FILTER (WHERE what = 3),
               count(*) FILTER (WHERE what = 4)
             FROM (SELECT filed_at AS at, 1 AS what FROM claims
                     WHERE filed_at >= $1 AND filed_at < $2
                   UNION ALL SELECT official_at, 2 FROM claims
                     WHERE official_at >= $1 AND official_at < $2
                   UNION ALL SELECT opted_out_at, 3 FROM claims
                     WHERE opted_out_at >= $1 AND opted_out_at < $2
                   UNION ALL SELECT withdrawn_at, 4 FROM claims
                     WHERE withdrawn_at >= $1 AND withdrawn_at < $2) instants
             GROUP BY month ORDER BY month",
            &[&utc_text(from), &utc_text(until)],
        )
        .context("could not count claims by month")?
        .iter()
        .map(|r| {
            let n = |i: usize| -> anyhow::Result<u64> { Ok(r.try_get::<_, i64>(i)? as u64) };
            Ok(MonthCounts {
                month: r.try_get(0)?,
                filed: n(1)?,
                became_official: n(2)?,
                opted_out: n(3)?,
                withdrawn: n(4)?,
            })
        })
        .collect()
    }
}

fn row_to_pin(r: &Row) -> anyhow::Result<Pin> {
    Ok(Pin {
        kind: en(r.try_get::<_, String>(0)?)?,
        value: r.try_get(1)?,
        tenant_id: r.try_get(2)?,
        since: instant(r.try_get::<_, String>(3)?)?,
        by_claim: r.try_get(4)?,
        active_claims: Vec::new(),
    })
}
