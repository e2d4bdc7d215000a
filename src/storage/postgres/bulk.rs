//! Bulk work (SPEC §10) in PostgreSQL's SQL: every record read in key order for `dump`, and
//! records written back verbatim for `restore`.
//!
//! The readers stream: one-table records through `query_raw`, claims through a portal read in
//! chunks, each chunk's history fetched by one query over its claim IDs, so memory holds one
//! chunk whatever the size of the database. Text keys are `COLLATE "C"`, so every order is the
//! byte order SQLite uses and both backends dump the same bytes.
//!
//! `restore` is an Incentives admin's action (SPEC §9): a user's call is refused before it
//! writes. Claims keep their IDs; the commit moves the ID sequence past them
//! (`cpor_advance_claim_ids`), and pins, which precede their claims in a dump, have their
//! foreign key checked at commit.

use super::PgTxn;
use super::claims::{COLUMNS, EVENT_COLUMNS, list_sql, row_to_claim, row_to_event};
use super::schema::ADMIN_ROLE;
use super::values::{en, instant};
use crate::model::{Claim, HistoryEvent, Pin, PinLogEntry, utc_text};
use crate::storage::{ClaimFilter, FinalizeRun, PartnerRecord, PinWithoutClaim, StorageError};
use anyhow::Context;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use std::collections::HashMap;

/// Claims fetched from the portal at a time: one history query per chunk.
const CHUNK: i32 = 500;

impl PgTxn<'_> {
    /// The first pin that names a claim not stored, and that claim's ID.
    pub fn pin_without_claim(&mut self) -> anyhow::Result<Option<PinWithoutClaim>> {
        self.query_opt(
            "SELECT p.kind, p.value, p.by_claim,
                        (SELECT count(*) FROM pins q
                          WHERE q.kind < p.kind OR (q.kind = p.kind AND q.value < p.value))
                 FROM pins p
                 WHERE p.by_claim IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = p.by_claim)
                 ORDER BY p.kind, p.value LIMIT 1",
            &[],
        )?
        .map(|r| {
            Ok(PinWithoutClaim {
                kind: en(r.try_get::<_, String>(0)?)?,
                value: r.try_get(1)?,
                claim_id: r.try_get(2)?,
                position: r.try_get::<_, i64>(3)? as u64,
            })
        })
        .transpose()
    }

    /// Whether the database holds any partner or claim.
    pub fn holds_data(&mut self) -> anyhow::Result<bool> {
        Ok(self
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM partners) OR EXISTS (SELECT 1 FROM claims)",
                &[],
            )?
            .try_get(0)?)
    }

    /// Every partner with its enrolments, by PartnerID.
    pub fn dump_partners(
        &mut self,
        each: &mut dyn FnMut(PartnerRecord) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut rows = self.tx.query_raw(
            "SELECT p.partner_id, p.name, p.added_at,
                    (SELECT json_agg(json_build_array(e.program, e.enrolled_at)
                                     ORDER BY e.program)::text
                       FROM enrolments e WHERE e.partner_id = p.partner_id)
             FROM partners p ORDER BY p.partner_id",
            std::iter::empty::<&str>(),
        )?;
        while let Some(r) = rows.next().context("could not read partners")? {
            let enrolled: Vec<(String, String)> = match r.try_get::<_, Option<String>>(3)? {
                Some(text) => serde_json::from_str(&text).context("malformed stored enrolments")?,
                None => Vec::new(),
            };
            let enrolments = enrolled
                .into_iter()
                .map(|(p, at)| Ok((en(p)?, instant(at)?)))
                .collect::<anyhow::Result<_>>()?;
            each(PartnerRecord {
                partner_id: r.try_get(0)?,
                name: r.try_get(1)?,
                added_at: instant(r.try_get::<_, String>(2)?)?,
                enrolments,
            })?;
        }
        Ok(())
    }

    /// Every pin, by kind then value.
    pub fn dump_pins(
        &mut self,
        each: &mut dyn FnMut(Pin) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut rows = self.tx.query_raw(
            "SELECT kind, value, tenant_id, since, by_claim FROM pins ORDER BY kind, value",
            std::iter::empty::<&str>(),
        )?;
        while let Some(r) = rows.next().context("could not read pins")? {
            each(Pin {
                kind: en(r.try_get::<_, String>(0)?)?,
                value: r.try_get(1)?,
                tenant_id: r.try_get(2)?,
                since: instant(r.try_get::<_, String>(3)?)?,
                by_claim: r.try_get(4)?,
                active_claims: Vec::new(),
            })?;
        }
        Ok(())
    }

    /// The whole pin log, oldest first.
    pub fn dump_pin_log(
        &mut self,
        each: &mut dyn FnMut(PinLogEntry) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut rows = self.tx.query_raw(
            "SELECT at, actor, action, kind, value, tenant_id, reason FROM pin_log ORDER BY id",
            std::iter::empty::<&str>(),
        )?;
        while let Some(r) = rows.next().context("could not read the pin log")? {
            each(PinLogEntry {
                at: instant(r.try_get::<_, String>(0)?)?,
                actor: r.try_get(1)?,
                action: en(r.try_get::<_, String>(2)?)?,
                kind: en(r.try_get::<_, String>(3)?)?,
                value: r.try_get(4)?,
                tenant_id: r.try_get(5)?,
                reason: r.try_get(6)?,
            })?;
        }
        Ok(())
    }

    /// Every claim by ID with its history, oldest event first.
    pub fn dump_claims(
        &mut self,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.claims_with_history(
            &format!("SELECT {COLUMNS} FROM claims ORDER BY id"),
            &[],
            each,
        )
    }

    /// Claims matching `filter` in its order, each with its history.
    pub fn export_claims(
        &mut self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let filter = ClaimFilter {
            limit: None,
            ..filter.clone()
        };
        let (sql, values) = list_sql(&filter, COLUMNS);
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as _).collect();
        self.claims_with_history(&sql, &params, each)
    }

    /// Hand each claim `sql` selects ([`COLUMNS`]) to `each` with its history, in the query's
    /// order, reading [`CHUNK`] claims at a time through a portal.
    fn claims_with_history(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let portal = self.tx.bind(sql, params).context("could not read claims")?;
        let history_sql = format!(
            "SELECT claim_id, {EVENT_COLUMNS} FROM events WHERE claim_id = ANY($1)
             ORDER BY claim_id, id"
        );
        loop {
            let rows = self
                .tx
                .query_portal(&portal, CHUNK)
                .context("could not read claims")?;
            if rows.is_empty() {
                return Ok(());
            }
            let claims = rows
                .iter()
                .map(row_to_claim)
                .collect::<anyhow::Result<Vec<_>>>()?;
            let ids: Vec<i64> = claims.iter().map(|c| c.id).collect();
            let mut histories: HashMap<i64, Vec<HistoryEvent>> = HashMap::new();
            for r in self
                .query(&history_sql, &[&ids])
                .context("could not read history")?
            {
                histories
                    .entry(r.try_get(0)?)
                    .or_default()
                    .push(row_to_event(&r, 1)?);
            }
            for claim in claims {
                let history = histories.remove(&claim.id).unwrap_or_default();
                each(claim, history)?;
            }
            if rows.len() < CHUNK as usize {
                return Ok(());
            }
        }
    }

    /// Every finalize run, oldest first.
    pub fn dump_finalize_runs(
        &mut self,
        each: &mut dyn FnMut(FinalizeRun) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut rows = self.tx.query_raw(
            "SELECT started_at, finished_at, actor, finalized FROM finalize_runs ORDER BY id",
            std::iter::empty::<&str>(),
        )?;
        while let Some(r) = rows.next().context("could not read finalize runs")? {
            each(FinalizeRun {
                started_at: instant(r.try_get::<_, String>(0)?)?,
                finished_at: r
                    .try_get::<_, Option<String>>(1)?
                    .map(instant)
                    .transpose()?,
                actor: r.try_get(2)?,
                finalized: r.try_get::<_, i64>(3)? as u64,
            })?;
        }
        Ok(())
    }

    /// `restore` is for an Incentives admin; refuse anyone else before anything is written,
    /// rather than on whichever table's grant happens to stop them first.
    fn restoring(&self) -> anyhow::Result<()> {
        if self.caller.admin {
            return Ok(());
        }
        Err(StorageError::NotPermitted {
            user: self.caller.user.clone(),
            needs: ADMIN_ROLE.to_string(),
            detail: format!("only {ADMIN_ROLE} may restore a dump"),
        }
        .into())
    }

    /// Store a dumped partner and its enrolments.
    pub fn restore_partner(&mut self, p: &PartnerRecord) -> anyhow::Result<()> {
        self.restoring()?;
        self.exec(
            "INSERT INTO partners (partner_id, name, added_at) VALUES ($1, $2, $3)",
            &[&p.partner_id, &p.name, &utc_text(p.added_at)],
        )
        .context("could not restore the partner")?;
        for (program, at) in &p.enrolments {
            self.exec(
                "INSERT INTO enrolments (partner_id, program, enrolled_at) VALUES ($1, $2, $3)",
                &[&p.partner_id, &program.as_str(), &utc_text(*at)],
            )
            .context("could not restore the enrolment")?;
        }
        Ok(())
    }

    /// Store a dumped pin. Its claim comes later in the dump, so the foreign key to it is
    /// checked at commit.
    pub fn restore_pin(&mut self, p: &Pin) -> anyhow::Result<()> {
        self.restoring()?;
        self.tx
            .batch_execute("SET CONSTRAINTS pins_by_claim_fkey DEFERRED")?;
        self.exec(
            "INSERT INTO pins (kind, value, tenant_id, since, by_claim)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &p.kind.as_str(),
                &p.value,
                &p.tenant_id,
                &utc_text(p.since),
                &p.by_claim,
            ],
        )
        .context("could not restore the pin")?;
        Ok(())
    }

    /// Append a dumped pin log entry.
    pub fn restore_pin_event(&mut self, e: &PinLogEntry) -> anyhow::Result<()> {
        self.restoring()?;
        self.log_pin(e).context("could not restore the pin log")
    }

    /// Store a dumped claim under its ID with its PoE versions and history, hashes verbatim.
    pub fn restore_claim(&mut self, c: &Claim, history: &[HistoryEvent]) -> anyhow::Result<()> {
        self.restoring()?;
        let technical = c.technical.as_ref();
        self.exec(
            "INSERT INTO claims (id, name, program, partner_id, tenant_id, domain, workload,
               subscription_id, channel, unit_key, status, filed_at, filed_by, notified_at,
               deadline, deadline_day, calendar, official_at, opted_out_at,
               opt_out_in_window, withdrawn_at, end_reason, customer_name, customer_title,
               customer_email, technical_name, technical_title, technical_email,
               partner_contact_name, partner_contact_email, poe_location, poe_sha256,
               poe_size, poe_signed_on, purchase_date, comment, warnings)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31,
               $32, $33, $34, $35, $36, $37)",
            &[
                &c.id,
                &c.name,
                &c.program.as_str(),
                &c.partner_id,
                &c.tenant_id,
                &c.domain,
                &c.workload,
                &c.subscription_id,
                &c.channel.map(|ch| ch.as_str()),
                &c.unit().key(),
                &c.status.as_str(),
                &utc_text(c.filed_at),
                &c.filed_by,
                &utc_text(c.notified_at),
                &utc_text(c.deadline),
                &c.deadline_day.to_string(),
                &c.calendar,
                &c.official_at.map(utc_text),
                &c.opted_out_at.map(utc_text),
                &c.opt_out_in_window,
                &c.withdrawn_at.map(utc_text),
                &c.end_reason,
                &c.customer.name,
                &c.customer.title,
                &c.customer.email,
                &technical.map(|t| t.name.as_str()),
                &technical.map(|t| t.title.as_str()),
                &technical.map(|t| t.email.as_str()),
                &c.partner_contact.name,
                &c.partner_contact.email,
                &c.poe.location,
                &c.poe.sha256,
                &c.poe.size.map(|s| s as i64),
                &c.poe.signed_on.to_string(),
                &c.purchase_date.map(|d| d.to_string()),
                &c.comment,
                &serde_json::to_string(&c.warnings)?,
            ],
        )
        .with_context(|| format!("could not restore claim {}", c.id))?;
        self.restored_claims = true;
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
    pub fn restore_finalize_run(&mut self, run: &FinalizeRun) -> anyhow::Result<()> {
        self.restoring()?;
        self.exec(
            "INSERT INTO finalize_runs (started_at, finished_at, actor, finalized)
             VALUES ($1, $2, $3, $4)",
            &[
                &utc_text(run.started_at),
                &run.finished_at.map(utc_text),
                &run.actor,
                &(run.finalized as i64),
            ],
        )
        .context("could not restore the finalize run")?;
        Ok(())
    }

    /// After claims were stored under their own IDs, the next claim filed gets a new one.
    pub(super) fn advance_claim_ids(&mut self) -> anyhow::Result<()> {
        if self.restored_claims {
            self.exec("SELECT cpor_advance_claim_ids()", &[])
                .context("could not move the claim ID sequence past the restored claims")?;
            self.restored_claims = false;
        }
        Ok(())
    }
}
