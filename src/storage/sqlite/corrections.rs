//! v2 corrections: tenant pins and their append-only log, PoE versions, and edits of a claim's
//! details, each with its history event.

use super::SqliteTxn;
use super::claims::instant;
use crate::model::{
    Action, Claim, HistoryEvent, Pin, PinAction, PinKind, PinLogEntry, Poe, Status, utc_text,
};
use crate::storage::{StatusCounts, StorageError};
use anyhow::Context;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

const PIN_COLUMNS: &str = "kind, value, tenant_id, since, by_claim";

impl SqliteTxn<'_> {
    /// The pin of a domain or subscription, with the active claims of its tenant that use it.
    pub fn pin(&self, kind: PinKind, value: &str) -> anyhow::Result<Option<Pin>> {
        let pin = self
            .tx
            .prepare_cached(&format!(
                "SELECT {PIN_COLUMNS} FROM pins WHERE kind = ?1 AND value = ?2"
            ))?
            .query_row(params![kind, value], |r| Ok(row_to_pin(r)))
            .optional()
            .context("could not read the pin")?
            .transpose()?;
        pin.map(|p| self.with_users(p)).transpose()
    }

    /// Every pin of a tenant, domains first, each by value.
    pub fn pins_of_tenant(&self, tenant: &str) -> anyhow::Result<Vec<Pin>> {
        let pins = self
            .tx
            .prepare_cached(&format!(
                "SELECT {PIN_COLUMNS} FROM pins WHERE tenant_id = ?1 ORDER BY kind, value"
            ))?
            .query_map([tenant], |r| Ok(row_to_pin(r)))?
            .map(|r| r?)
            .collect::<anyhow::Result<Vec<_>>>()
            .context("could not read the tenant's pins")?;
        pins.into_iter().map(|p| self.with_users(p)).collect()
    }

    fn with_users(&self, mut pin: Pin) -> anyhow::Result<Pin> {
        let sql = match pin.kind {
            PinKind::Domain => {
                "SELECT id FROM claims WHERE domain = ?1 AND tenant_id = ?2
                   AND status IN ('pending','official') ORDER BY id"
            }
            PinKind::Subscription => {
                "SELECT id FROM claims WHERE subscription_id = ?1 AND tenant_id = ?2
                   AND status IN ('pending','official') ORDER BY id"
            }
        };
        pin.active_claims = self
            .tx
            .prepare_cached(sql)?
            .query_map(params![pin.value, pin.tenant_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(pin)
    }

    /// The pin log entries of a tenant, oldest first.
    pub fn pin_log(&self, tenant: &str) -> anyhow::Result<Vec<PinLogEntry>> {
        self.tx
            .prepare_cached(
                "SELECT at, actor, action, kind, value, tenant_id, reason FROM pin_log
                 WHERE tenant_id = ?1 ORDER BY id",
            )?
            .query_map([tenant], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .map(|row| {
                let (at, actor, action, kind, value, tenant_id, reason) = row?;
                Ok(PinLogEntry {
                    at: instant(&at)?,
                    actor,
                    action,
                    kind,
                    value,
                    tenant_id,
                    reason,
                })
            })
            .collect()
    }

    /// Pin `entry.value` to `entry.tenant_id` unless it is pinned already; logs the new pin.
    /// Returns whether a pin was made.
    pub fn add_pin(&self, entry: &PinLogEntry, by_claim: i64) -> anyhow::Result<bool> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO pins (kind, value, tenant_id, since, by_claim)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                entry.kind,
                entry.value,
                entry.tenant_id,
                utc_text(entry.at),
                by_claim
            ])
            .context("could not record the pin")?;
        if n == 1 {
            self.log_pin(entry)?;
        }
        Ok(n == 1)
    }

    /// [`SqliteTxn::add_pin`] for a newly filed claim.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn pin_if_new(
        &self,
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

    /// Remove the pin `entry` names and log it. The rules have checked that no active claim
    /// uses it.
    pub fn remove_pin(&self, entry: &PinLogEntry) -> anyhow::Result<bool> {
        let n = self
            .tx
            .prepare_cached("DELETE FROM pins WHERE kind = ?1 AND value = ?2 AND tenant_id = ?3")?
            .execute(params![entry.kind, entry.value, entry.tenant_id])
            .context("could not remove the pin")?;
        if n == 1 {
            self.log_pin(entry)?;
        }
        Ok(n == 1)
    }

    pub(super) fn log_pin(&self, e: &PinLogEntry) -> anyhow::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO pin_log (at, actor, action, kind, value, tenant_id, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                utc_text(e.at),
                e.actor,
                e.action,
                e.kind,
                e.value,
                e.tenant_id,
                e.reason
            ])
            .context("could not append to the pin log")?;
        Ok(())
    }

    /// How many claims of a tenant are in each status.
    pub fn claim_counts_of_tenant(&self, tenant: &str) -> anyhow::Result<StatusCounts> {
        let mut counts = StatusCounts::default();
        let mut stmt = self.tx.prepare_cached(
            "SELECT status, count(*) FROM claims WHERE tenant_id = ?1 GROUP BY status",
        )?;
        let rows = stmt.query_map([tenant], |r| {
            Ok((r.get::<_, Status>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (status, n) = row?;
            let n = n as u64;
            match status {
                Status::Pending => counts.pending = n,
                Status::Official => counts.official = n,
                Status::OptedOut => counts.opted_out = n,
                Status::Withdrawn => counts.withdrawn = n,
            }
        }
        Ok(counts)
    }

    /// Record a PoE version and make it the claim's current PoE.
    pub(super) fn insert_poe_version(
        &self,
        claim_id: i64,
        poe: &Poe,
        at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO poe_versions (claim_id, location, sha256, size, signed_on, added_at,
                   added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                claim_id,
                poe.location,
                poe.sha256,
                poe.size.map(|s| s as i64),
                poe.signed_on.to_string(),
                utc_text(at),
                actor
            ])
            .context("could not record the PoE version")?;
        Ok(())
    }

    /// Add a PoE version to a claim that is still in `event.from`, make it the claim's `poe`,
    /// and append the `poe-added` event (which carries the PoE).
    pub fn add_poe(&self, claim_id: i64, event: &HistoryEvent) -> anyhow::Result<()> {
        let poe = event
            .poe
            .as_ref()
            .context("a poe-added event carries its PoE")?;
        debug_assert_eq!(event.action, Action::PoeAdded);
        let from = event.from.context("a poe-added event has a from status")?;
        let n = self
            .tx
            .prepare_cached(
                "UPDATE claims SET poe_location = ?3, poe_sha256 = ?4, poe_size = ?5,
                   poe_signed_on = ?6 WHERE id = ?1 AND status = ?2",
            )?
            .execute(params![
                claim_id,
                from,
                poe.location,
                poe.sha256,
                poe.size.map(|s| s as i64),
                poe.signed_on.to_string()
            ])
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
        // The status guard is the UPDATE above, in this transaction.
        self.append_event(claim_id, event, None).map(|_| ())
    }

    /// Store the editable details of `claim` (name, domain, contacts, channel, purchase date,
    /// comment, warnings) if it is still in `event.from`, and append the `edited` event. The
    /// unit, the deadline and the lifecycle fields are never written here.
    pub fn record_edit(&self, claim: &Claim, event: &HistoryEvent) -> anyhow::Result<()> {
        debug_assert_eq!(event.action, Action::Edited);
        let from = event.from.context("an edited event has a from status")?;
        let technical = claim.technical.as_ref();
        let n = self
            .tx
            .prepare_cached(
                "UPDATE claims SET name = ?3, domain = ?4, customer_name = ?5,
                   customer_title = ?6, customer_email = ?7, technical_name = ?8,
                   technical_title = ?9, technical_email = ?10, partner_contact_name = ?11,
                   partner_contact_email = ?12, channel = ?13, purchase_date = ?14,
                   comment = ?15, warnings = ?16
                 WHERE id = ?1 AND status = ?2",
            )?
            .execute(params![
                claim.id,
                from,
                claim.name,
                claim.domain,
                claim.customer.name,
                claim.customer.title,
                claim.customer.email,
                technical.map(|t| &t.name),
                technical.map(|t| &t.title),
                technical.map(|t| &t.email),
                claim.partner_contact.name,
                claim.partner_contact.email,
                claim.channel,
                claim.purchase_date.map(|d| d.to_string()),
                claim.comment,
                serde_json::to_string(&claim.warnings)?,
            ])
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
}

fn row_to_pin(r: &Row) -> anyhow::Result<Pin> {
    Ok(Pin {
        kind: r.get(0)?,
        value: r.get(1)?,
        tenant_id: r.get(2)?,
        since: instant(&r.get::<_, String>(3)?)?,
        by_claim: r.get(4)?,
        active_claims: Vec::new(),
    })
}
