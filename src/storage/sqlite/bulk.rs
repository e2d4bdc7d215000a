//! Bulk work (SPEC §10): every record read in key order for `dump`, and records written back
//! verbatim for `restore`.
//!
//! The `dump_*` readers stream: one statement per record type, each row handed on as it is
//! read. Claims and their events are read by two cursors walked side by side (claims by ID,
//! events by claim ID then ID), so the history of a claim costs no query of its own.

use super::SqliteTxn;
use super::claims::{COLUMNS, instant, list_sql, row_to_claim, row_to_event};
use crate::model::{Claim, HistoryEvent, Pin, PinLogEntry, utc_text};
use crate::storage::{ClaimFilter, FinalizeRun, PartnerRecord, PinWithoutClaim};
use anyhow::Context;
use rusqlite::{OptionalExtension, params, params_from_iter};

impl SqliteTxn<'_> {
    /// The first pin that names a claim not stored, and that claim's ID.
    pub fn pin_without_claim(&self) -> anyhow::Result<Option<PinWithoutClaim>> {
        Ok(self
            .tx
            .query_row(
                "SELECT p.kind, p.value, p.by_claim,
                        (SELECT count(*) FROM pins q
                          WHERE q.kind < p.kind OR (q.kind = p.kind AND q.value < p.value))
                 FROM pins p
                 WHERE p.by_claim IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = p.by_claim)
                 ORDER BY p.kind, p.value LIMIT 1",
                [],
                |r| {
                    Ok(PinWithoutClaim {
                        kind: r.get(0)?,
                        value: r.get(1)?,
                        claim_id: r.get(2)?,
                        position: r.get::<_, i64>(3)? as u64,
                    })
                },
            )
            .optional()?)
    }

    /// Whether the database holds any partner or claim.
    pub fn holds_data(&self) -> anyhow::Result<bool> {
        Ok(self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM partners) OR EXISTS (SELECT 1 FROM claims)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Every partner with its enrolments, by PartnerID.
    pub fn dump_partners(
        &self,
        each: &mut dyn FnMut(PartnerRecord) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT p.partner_id, p.name, p.added_at,
                    (SELECT json_group_array(json_array(e.program, e.enrolled_at))
                       FROM (SELECT program, enrolled_at FROM enrolments
                              WHERE partner_id = p.partner_id ORDER BY program) e)
             FROM partners p ORDER BY p.partner_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next().context("could not read partners")? {
            let enrolled: Vec<(String, String)> = serde_json::from_str(&r.get::<_, String>(3)?)
                .context("malformed stored enrolments")?;
            let enrolments = enrolled
                .into_iter()
                .map(|(p, at)| Ok((p.parse().map_err(anyhow::Error::msg)?, instant(&at)?)))
                .collect::<anyhow::Result<_>>()?;
            each(PartnerRecord {
                partner_id: r.get(0)?,
                name: r.get(1)?,
                added_at: instant(&r.get::<_, String>(2)?)?,
                enrolments,
            })?;
        }
        Ok(())
    }

    /// Every pin, by kind then value.
    pub fn dump_pins(&self, each: &mut dyn FnMut(Pin) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT kind, value, tenant_id, since, by_claim FROM pins ORDER BY kind, value",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next().context("could not read pins")? {
            each(Pin {
                kind: r.get(0)?,
                value: r.get(1)?,
                tenant_id: r.get(2)?,
                since: instant(&r.get::<_, String>(3)?)?,
                by_claim: r.get(4)?,
                active_claims: Vec::new(),
            })?;
        }
        Ok(())
    }

    /// The whole pin log, oldest first.
    pub fn dump_pin_log(
        &self,
        each: &mut dyn FnMut(PinLogEntry) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT at, actor, action, kind, value, tenant_id, reason FROM pin_log ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next().context("could not read the pin log")? {
            each(PinLogEntry {
                at: instant(&r.get::<_, String>(0)?)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                kind: r.get(3)?,
                value: r.get(4)?,
                tenant_id: r.get(5)?,
                reason: r.get(6)?,
            })?;
        }
        Ok(())
    }

    /// Every claim by ID with its history, oldest event first.
    pub fn dump_claims(
        &self,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut claims = self
            .tx
            .prepare(&format!("SELECT {COLUMNS} FROM claims ORDER BY id"))?;
        let mut events = self.tx.prepare(
            "SELECT claim_id, at, actor, action, from_status, to_status, reason, prev_hash, hash,
                    changes, poe
             FROM events ORDER BY claim_id, id",
        )?;
        let mut claim_rows = claims.query([])?;
        let mut event_rows = events.query([])?;
        let next_event =
            |rows: &mut rusqlite::Rows| -> anyhow::Result<Option<(i64, HistoryEvent)>> {
                match rows.next().context("could not read history")? {
                    Some(r) => Ok(Some((r.get(0)?, row_to_event(r, 1)?))),
                    None => Ok(None),
                }
            };
        // The next event not yet handed on, with its claim ID.
        let mut pending = next_event(&mut event_rows)?;
        while let Some(r) = claim_rows.next().context("could not read claims")? {
            let claim = row_to_claim(r)?;
            let mut history = Vec::new();
            // Events of claims that no longer exist cannot be (claims are never deleted), so
            // skipping smaller IDs only passes over orphans a foreign client wrote.
            while let Some((cid, _)) = &pending {
                if *cid > claim.id {
                    break;
                }
                let (cid, e) = pending.take().expect("checked above");
                if cid == claim.id {
                    history.push(e);
                }
                pending = next_event(&mut event_rows)?;
            }
            each(claim, history)?;
        }
        Ok(())
    }

    /// Claims matching `filter` in its order, each with its history.
    pub fn export_claims(
        &self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let filter = ClaimFilter {
            limit: None,
            ..filter.clone()
        };
        let (sql, values) = list_sql(&filter, COLUMNS);
        let mut stmt = self.tx.prepare(&sql)?;
        let mut events = self.tx.prepare(
            "SELECT at, actor, action, from_status, to_status, reason, prev_hash, hash, changes,
                    poe
             FROM events WHERE claim_id = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        while let Some(r) = rows.next().context("could not read claims")? {
            let claim = row_to_claim(r)?;
            let mut history = Vec::new();
            let mut ev = events.query([claim.id])?;
            while let Some(e) = ev.next().context("could not read history")? {
                history.push(row_to_event(e, 0)?);
            }
            each(claim, history)?;
        }
        Ok(())
    }

    /// Every finalize run, oldest first.
    pub fn dump_finalize_runs(
        &self,
        each: &mut dyn FnMut(FinalizeRun) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT started_at, finished_at, actor, finalized FROM finalize_runs ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next().context("could not read finalize runs")? {
            each(FinalizeRun {
                started_at: instant(&r.get::<_, String>(0)?)?,
                finished_at: r
                    .get::<_, Option<String>>(1)?
                    .map(|s| instant(&s))
                    .transpose()?,
                actor: r.get(2)?,
                finalized: r.get::<_, i64>(3)? as u64,
            })?;
        }
        Ok(())
    }

    /// Store a dumped partner and its enrolments.
    pub fn restore_partner(&self, p: &PartnerRecord) -> anyhow::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO partners (partner_id, name, added_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![p.partner_id, p.name, utc_text(p.added_at)])
            .context("could not restore the partner")?;
        for (program, at) in &p.enrolments {
            self.tx
                .prepare_cached(
                    "INSERT INTO enrolments (partner_id, program, enrolled_at) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![p.partner_id, program, utc_text(*at)])
                .context("could not restore the enrolment")?;
        }
        Ok(())
    }

    /// Store a dumped pin. Its claim comes later in the dump, so the foreign key to it is checked
    /// at commit (`defer_foreign_keys` lasts until the transaction ends).
    pub fn restore_pin(&self, p: &Pin) -> anyhow::Result<()> {
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        self.tx
            .prepare_cached(
                "INSERT INTO pins (kind, value, tenant_id, since, by_claim)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                p.kind,
                p.value,
                p.tenant_id,
                utc_text(p.since),
                p.by_claim
            ])
            .context("could not restore the pin")?;
        Ok(())
    }

    /// Append a dumped pin log entry.
    pub fn restore_pin_event(&self, e: &PinLogEntry) -> anyhow::Result<()> {
        self.log_pin(e).context("could not restore the pin log")
    }

    /// Store a dumped claim under its ID with its PoE versions and history, hashes verbatim.
    pub fn restore_claim(&self, c: &Claim, history: &[HistoryEvent]) -> anyhow::Result<()> {
        let technical = c.technical.as_ref();
        let opt = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(utc_text);
        self.tx
            .prepare_cached(
                "INSERT INTO claims (id, name, program, partner_id, tenant_id, domain, workload,
                   subscription_id, channel, unit_key, status, filed_at, filed_by, notified_at,
                   deadline, deadline_day, calendar, official_at, opted_out_at,
                   opt_out_in_window, withdrawn_at, end_reason, customer_name, customer_title,
                   customer_email, technical_name, technical_title, technical_email,
                   partner_contact_name, partner_contact_email, poe_location, poe_sha256,
                   poe_size, poe_signed_on, purchase_date, comment, warnings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31,
                   ?32, ?33, ?34, ?35, ?36, ?37)",
            )?
            .execute(params![
                c.id,
                c.name,
                c.program,
                c.partner_id,
                c.tenant_id,
                c.domain,
                c.workload,
                c.subscription_id,
                c.channel,
                c.unit().key(),
                c.status,
                utc_text(c.filed_at),
                c.filed_by,
                utc_text(c.notified_at),
                utc_text(c.deadline),
                c.deadline_day.to_string(),
                c.calendar,
                opt(c.official_at),
                opt(c.opted_out_at),
                c.opt_out_in_window,
                opt(c.withdrawn_at),
                c.end_reason,
                c.customer.name,
                c.customer.title,
                c.customer.email,
                technical.map(|t| &t.name),
                technical.map(|t| &t.title),
                technical.map(|t| &t.email),
                c.partner_contact.name,
                c.partner_contact.email,
                c.poe.location,
                c.poe.sha256,
                c.poe.size.map(|s| s as i64),
                c.poe.signed_on.to_string(),
                c.purchase_date.map(|d| d.to_string()),
                c.comment,
                serde_json::to_string(&c.warnings)?,
            ])
            .with_context(|| format!("could not restore claim {}", c.id))?;
        for v in &c.poe_versions {
            self.insert_poe_version(c.id, &v.poe, v.added_at, &v.added_by)?;
        }
        for e in history {
            self.insert_event(c.id, e, None)
                .with_context(|| format!("could not restore the history of claim {}", c.id))?;
        }
        Ok(())
    }

    /// Append a dumped finalize run.
    pub fn restore_finalize_run(&self, run: &FinalizeRun) -> anyhow::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO finalize_runs (started_at, finished_at, actor, finalized)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                utc_text(run.started_at),
                run.finished_at.map(utc_text),
                run.actor,
                run.finalized as i64
            ])
            .context("could not restore the finalize run")?;
        Ok(())
    }
}
