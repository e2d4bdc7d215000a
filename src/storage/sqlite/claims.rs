//! Claims, their units and their append-only history.

use super::SqliteTxn;
use crate::model::{
    Claim, Contact, HistoryEvent, NewClaim, PartnerContact, PinKind, Poe, Status, Warning, utc_text,
};
use crate::rules::eligibility::{Holder, StoredFacts, UnitRequest};
use crate::rules::history::event_hash;
use crate::rules::lifecycle::{ClaimState, Transition};
use crate::storage::stored::{chained_events, poe_from_json, poe_versions};
pub(super) use crate::storage::stored::{date, instant, poe_json};
use crate::storage::{ClaimFilter, StorageError};
use anyhow::Context;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
use std::collections::HashMap;

pub(super) const COLUMNS: &str =
    "id, name, program, partner_id, tenant_id, domain, workload, subscription_id,
    channel, status, filed_at, filed_by, notified_at, deadline, deadline_day, calendar,
    official_at, opted_out_at, opt_out_in_window, withdrawn_at, end_reason, customer_name,
    customer_title, customer_email, technical_name, technical_title, technical_email,
    partner_contact_name, partner_contact_email, poe_location, poe_sha256, poe_size,
    poe_signed_on, purchase_date, comment, warnings,
    (SELECT json_group_array(json_array(v.location, v.sha256, v.size, v.signed_on, v.added_at,
        v.added_by) ORDER BY v.id) FROM poe_versions v WHERE v.claim_id = claims.id)";

impl SqliteTxn<'_> {
    /// Everything stored that the eligibility rules need for `req`.
    pub fn unit_facts(&self, req: &UnitRequest) -> anyhow::Result<StoredFacts> {
        let enrolled = self.partner(req.partner_id)?.map(|p| p.programs);
        let domain_pin = req
            .domain
            .map(|d| self.pin(PinKind::Domain, d))
            .transpose()?
            .flatten();
        let subscription_pin = req
            .subscription
            .map(|s| self.pin(PinKind::Subscription, s))
            .transpose()?
            .flatten();
        let holders = self
            .tx
            .prepare_cached(
                "SELECT id, partner_id, program, status, coalesce(official_at, filed_at)
                 FROM claims WHERE unit_key = ?1 AND status IN ('pending','official')
                 ORDER BY id",
            )?
            .query_map([req.unit().key()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .map(|row| {
                let (claim_id, partner_id, program, status, since) = row?;
                Ok(Holder {
                    claim_id,
                    partner_id,
                    program,
                    status,
                    since: instant(&since)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(StoredFacts {
            enrolled,
            domain_pin,
            subscription_pin,
            holders,
        })
    }

    /// Record a claim and its `filed` event; remember its domain and subscription for its
    /// tenant. Returns the new claim ID.
    pub fn insert_claim(&self, c: &NewClaim) -> anyhow::Result<i64> {
        let now = utc_text(c.filed_at);
        let technical = c.technical.as_ref();
        self.tx
            .prepare_cached(
                "INSERT INTO claims (name, program, partner_id, tenant_id, domain, workload,
                   subscription_id, channel, unit_key, status, filed_at, filed_by, notified_at,
                   deadline, deadline_day, calendar, customer_name, customer_title,
                   customer_email, technical_name, technical_title, technical_email,
                   partner_contact_name, partner_contact_email, poe_location, poe_sha256,
                   poe_size, poe_signed_on, purchase_date, comment, warnings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
            )?
            .execute(params![
                c.name,
                c.program,
                c.partner_id,
                c.tenant_id,
                c.domain,
                c.workload,
                c.subscription_id,
                c.channel,
                c.unit().key(),
                NewClaim::STATUS,
                now,
                c.filed_by,
                utc_text(c.notified_at),
                utc_text(c.deadline),
                c.deadline_day.to_string(),
                c.calendar,
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
            .context("could not record the claim")?;
        let id = self.tx.last_insert_rowid();
        let pin_reason = format!("named by claim {id}");
        self.pin_if_new(
            PinKind::Domain,
            &c.domain,
            &c.tenant_id,
            id,
            c.filed_at,
            &c.filed_by,
            &pin_reason,
        )?;
        if let Some(sub) = &c.subscription_id {
            self.pin_if_new(
                PinKind::Subscription,
                sub,
                &c.tenant_id,
                id,
                c.filed_at,
                &c.filed_by,
                &pin_reason,
            )?;
        }
        self.insert_poe_version(id, &c.poe, c.filed_at, &c.filed_by)?;
        self.append_event(id, &c.filed_event(), None)?;
        Ok(id)
    }

    /// Append an event to a claim's history, chained to its last event (SPEC §4 v2). With
    /// `guard`, only while the claim is still in that status; returns whether it was appended.
    pub(super) fn append_event(
        &self,
        claim_id: i64,
        e: &HistoryEvent,
        guard: Option<Status>,
    ) -> anyhow::Result<bool> {
        let prev_hash: Option<String> = self
            .tx
            .prepare_cached("SELECT hash FROM events WHERE claim_id = ?1 ORDER BY id DESC LIMIT 1")?
            .query_row([claim_id], |r| r.get(0))
            .optional()?
            .flatten();
        let mut e = HistoryEvent {
            prev_hash,
            ..e.clone()
        };
        e.hash = Some(event_hash(claim_id, &e));
        self.insert_event(claim_id, &e, guard)
            .context("could not append to the claim's history")
    }

    /// Store an event as given, its `prev_hash` and `hash` included; with `guard`, only while
    /// the claim is still in that status. Returns whether it was stored.
    pub(super) fn insert_event(
        &self,
        claim_id: i64,
        e: &HistoryEvent,
        guard: Option<Status>,
    ) -> anyhow::Result<bool> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, reason,
                   prev_hash, hash, changes, poe)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?12
                 WHERE ?10 IS NULL OR EXISTS (SELECT 1 FROM claims WHERE id = ?1 AND status = ?10)",
            )?
            .execute(params![
                claim_id,
                utc_text(e.at),
                e.actor,
                e.action,
                e.from,
                e.to,
                e.reason,
                e.prev_hash,
                e.hash,
                guard,
                e.changes.as_ref().map(serde_json::to_string).transpose()?,
                e.poe.as_ref().map(poe_json).transpose()?,
            ])?;
        Ok(n == 1)
    }

    /// Record a decided transition and its history event together. The event comes first (the
    /// schema refuses a status that is not the `to` of the last event), and only while the claim
    /// is still in `from`: a claim that changed since it was read is a conflict.
    pub fn apply(
        &self,
        t: &Transition,
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        let at = utc_text(t.at);
        let sql = match t.to {
            Status::Official => {
                "UPDATE claims SET status = ?3, official_at = ?4 WHERE id = ?1 AND status = ?2"
            }
            Status::OptedOut => {
                "UPDATE claims SET status = ?3, opted_out_at = ?4, opt_out_in_window = ?5,
                   end_reason = ?6
                 WHERE id = ?1 AND status = ?2"
            }
            Status::Withdrawn => {
                "UPDATE claims SET status = ?3, withdrawn_at = ?4, end_reason = ?6
                 WHERE id = ?1 AND status = ?2"
            }
            Status::Pending => anyhow::bail!("no transition leads back to pending"),
        };
        let conflict = || StorageError::Conflict {
            claim_id: t.claim_id,
            expected: t.from,
            to: t.to,
        };
        let appended = self.append_event(t.claim_id, &t.event(recorded_at, actor), Some(t.from))?;
        if !appended {
            return Err(conflict().into());
        }
        let mut stmt = self.tx.prepare_cached(sql)?;
        // Every statement names ?1..?6 so that the same values bind to each.
        let n = match t.to {
            Status::Official => stmt.execute(params![t.claim_id, t.from, t.to, at]),
            Status::OptedOut => {
                stmt.execute(params![t.claim_id, t.from, t.to, at, t.in_window, t.reason])
            }
            _ => stmt.execute(params![
                t.claim_id,
                t.from,
                t.to,
                at,
                None::<bool>,
                t.reason
            ]),
        }
        .context("could not update the claim")?;
        if n != 1 {
            // Unreachable under the guard above; the caller rolls the event back with the rest.
            return Err(conflict().into());
        }
        Ok(())
    }

    /// Finalize's chunk in three statements instead of three per claim: the claims' last
    /// hashes, then every event, then every status, each set-based (one statement that changes
    /// many rows also keeps each changed page in its statement journal once, not once per
    /// claim). A claim that is no longer pending fails the whole chunk as a conflict.
    pub fn finalize_chunk(
        &self,
        transitions: &[Transition],
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        let ids =
            serde_json::to_string(&transitions.iter().map(|t| t.claim_id).collect::<Vec<_>>())?;
        let mut last: HashMap<i64, Option<String>> = self
            .tx
            .prepare_cached(
                "SELECT j.value,
                        (SELECT hash FROM events WHERE claim_id = j.value ORDER BY id DESC LIMIT 1)
                 FROM json_each(?1) j",
            )?
            .query_map([&ids], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        // One JSON array holds the rows: [claim_id, at, actor, action, from, to, reason,
        // prev_hash, hash, official_at].
        let rows: Vec<_> = transitions
            .iter()
            .zip(chained_events(transitions, recorded_at, actor, &mut last))
            .map(|(t, (e, hash))| {
                (
                    t.claim_id,
                    utc_text(e.at),
                    e.actor,
                    e.action,
                    e.from,
                    e.to,
                    e.reason,
                    e.prev_hash,
                    hash,
                    utc_text(t.at),
                )
            })
            .collect();
        let rows = serde_json::to_string(&rows)?;
        // The conflict names the first claim no longer pending (or, with none, the first: a
        // claim given twice).
        let conflict = || -> anyhow::Result<anyhow::Error> {
            let stale: Option<i64> = self
                .tx
                .query_row(
                    "SELECT j.value FROM json_each(?1) j
                     LEFT JOIN claims c ON c.id = j.value AND c.status = 'pending'
                     WHERE c.id IS NULL ORDER BY j.key LIMIT 1",
                    [&ids],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(StorageError::Conflict {
                claim_id: stale.unwrap_or(transitions[0].claim_id),
                expected: Status::Pending,
                to: Status::Official,
            }
            .into())
        };
        // Events first (the schema wants a status to follow its event), only for claims still
        // in their `from` status, in the order given.
        let appended = self
            .tx
            .prepare_cached(
                "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, reason,
                   prev_hash, hash)
                 SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3,
                        j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
                        j.value ->> 8
                 FROM json_each(?1) j
                 JOIN claims c ON c.id = j.value ->> 0 AND c.status = j.value ->> 4
                 ORDER BY j.key",
            )?
            .execute([&rows])
            .context("could not append to the claims' history")?;
        if appended != transitions.len() {
            return Err(conflict()?);
        }
        let updated = self
            .tx
            .prepare_cached(
                // `+` keeps the planner off the status indexes: each row is found by its ID.
                "UPDATE claims SET status = 'official', official_at = j.value ->> 9
                 FROM json_each(?1) j
                 WHERE claims.id = j.value ->> 0 AND +claims.status = 'pending'",
            )?
            .execute([&rows])
            .context("could not update the claims")?;
        if updated != transitions.len() {
            // Every claim was pending a statement ago: only a claim given twice gets here.
            return Err(StorageError::Conflict {
                claim_id: transitions[0].claim_id,
                expected: Status::Pending,
                to: Status::Official,
            }
            .into());
        }
        Ok(())
    }

    /// One claim.
    pub fn claim(&self, id: i64) -> anyhow::Result<Option<Claim>> {
        self.tx
            .prepare_cached(&format!("SELECT {COLUMNS} FROM claims WHERE id = ?1"))?
            .query_row([id], |r| Ok(row_to_claim(r)))
            .optional()
            .context("could not read the claim")?
            .transpose()
    }

    /// A claim's history, oldest first.
    pub fn history(&self, id: i64) -> anyhow::Result<Vec<HistoryEvent>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT at, actor, action, from_status, to_status, reason, {}
             FROM events WHERE claim_id = ?1 ORDER BY id",
            self.event_columns("")?
        ))?;
        let rows = stmt.query_map([id], |r| Ok(row_to_event(r, 0)))?;
        rows.map(|row| row?).collect()
    }

    /// The columns of an event past `reason` — `prev_hash, hash, changes, poe` — with nulls
    /// for those an older schema lacks (troubleshoot reads old databases without migrating
    /// them): hashes came with version 3, corrections with version 4.
    fn event_columns(&self, table: &str) -> anyhow::Result<String> {
        let version: i64 = self.tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let hashes = if version >= 3 {
            format!("{table}prev_hash, {table}hash")
        } else {
            "NULL, NULL".into()
        };
        let corrections = if version >= 4 {
            format!("{table}changes, {table}poe")
        } else {
            "NULL, NULL".into()
        };
        Ok(format!("{hashes}, {corrections}"))
    }

    /// Visit every claim's status and history, claim by claim, oldest event first; a claim with
    /// no events is visited with none. One pass over the events table, memory for one claim.
    pub fn each_history(
        &self,
        visit: &mut dyn FnMut(i64, Status, &[HistoryEvent]),
    ) -> anyhow::Result<()> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT c.id, c.status, e.at, e.actor, e.action, e.from_status, e.to_status,
                    e.reason, {}
             FROM claims c LEFT JOIN events e ON e.claim_id = c.id
             ORDER BY c.id, e.id",
            self.event_columns("e.")?
        ))?;
        let mut rows = stmt.query([])?;
        let mut current: Option<(i64, Status)> = None;
        let mut events: Vec<HistoryEvent> = Vec::new();
        while let Some(r) = rows.next()? {
            let (id, status): (i64, Status) = (r.get(0)?, r.get(1)?);
            if let Some((cid, st)) = current
                && cid != id
            {
                visit(cid, st, &events);
                events.clear();
            }
            current = Some((id, status));
            if r.get_ref(2)?.as_str_or_null()?.is_some() {
                events.push(row_to_event(r, 2)?);
            }
        }
        if let Some((cid, st)) = current {
            visit(cid, st, &events);
        }
        Ok(())
    }

    /// Claims matching `filter` in its order, at most `filter.limit` of them.
    pub fn list_claims(&self, filter: &ClaimFilter) -> anyhow::Result<Vec<Claim>> {
        let mut claims = Vec::new();
        self.for_each_claim(filter, &mut |c| {
            claims.push(c);
            Ok(())
        })?;
        Ok(claims)
    }

    /// How many claims match `filter`, ignoring its limit.
    pub fn count_claims(&self, filter: &ClaimFilter) -> anyhow::Result<u64> {
        let (where_sql, values) = filter_sql(filter);
        let total: i64 = self
            .tx
            .prepare_cached(&format!("SELECT count(*) FROM claims {where_sql}"))?
            .query_row(params_from_iter(values.iter()), |r| r.get(0))
            .context("could not count claims")?;
        Ok(total as u64)
    }

    /// Hand each claim matching `filter` to `each`, in order, as it is read.
    pub fn for_each_claim(
        &self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let (sql, values) = list_sql(filter, COLUMNS);
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        while let Some(row) = rows.next().context("could not list claims")? {
            each(row_to_claim(row).context("could not list claims")?)?;
        }
        Ok(())
    }

    /// Every claim ever filed on the unit with this key, oldest first.
    pub fn claims_on_unit(&self, unit_key: &str) -> anyhow::Result<Vec<Claim>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM claims WHERE unit_key = ?1 ORDER BY id"
        ))?;
        let claims = stmt
            .query_map([unit_key], |r| Ok(row_to_claim(r)))?
            .map(|r| r?)
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(claims)
    }

    /// Active claims of a tenant, optionally only those on the given workloads.
    pub fn active_claims_of_tenant(
        &self,
        tenant: &str,
        workloads: &[String],
    ) -> anyhow::Result<Vec<Claim>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM claims WHERE tenant_id = ?1
               AND status IN ('pending','official') ORDER BY id"
        ))?;
        let claims = stmt
            .query_map([tenant], |r| Ok(row_to_claim(r)))?
            .map(|r| r?)
            .filter(|c| match c {
                Ok(c) => workloads.is_empty() || workloads.contains(&c.workload),
                Err(_) => true,
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(claims)
    }

    /// Pending claims whose deadline is at or before `now`, earliest first; at most `limit`.
    pub fn due_claims(
        &self,
        now: DateTime<Utc>,
        limit: Option<u64>,
    ) -> anyhow::Result<Vec<ClaimState>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, status, notified_at, deadline FROM claims
             WHERE status = 'pending' AND deadline <= ?1
             ORDER BY deadline, id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(
                params![utc_text(now), limit.map_or(-1, |n| n as i64)],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Status>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )?
            .map(|row| {
                let (id, status, notified_at, deadline) = row?;
                Ok(ClaimState {
                    id,
                    status,
                    notified_at: instant(&notified_at)?,
                    deadline: instant(&deadline)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// How many claims are pending, and the earliest deadline among those not yet due at `now`.
    pub fn pending_summary(
        &self,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(u64, Option<DateTime<Utc>>)> {
        let pending: i64 = self.tx.query_row(
            "SELECT count(*) FROM claims WHERE status = 'pending'",
            [],
            |r| r.get(0),
        )?;
        let next: Option<String> = self.tx.query_row(
            "SELECT min(deadline) FROM claims WHERE status = 'pending' AND deadline > ?1",
            [utc_text(now)],
            |r| r.get(0),
        )?;
        Ok((pending as u64, next.map(|n| instant(&n)).transpose()?))
    }
}

/// The `WHERE` clause of `filter` and its bound values. Statuses are written as literals (they
/// come from a closed set): SQLite uses the partial index on pending deadlines only when the
/// query says `status = 'pending'` in its text.
fn filter_sql(filter: &ClaimFilter) -> (String, Vec<Value>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    match filter.statuses.as_slice() {
        [] => {}
        [one] => clauses.push(format!("status = '{}'", one.as_str())),
        many => {
            let mut names: Vec<&str> = many.iter().map(|st| st.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            clauses.push(format!("status IN ('{}')", names.join("','")));
        }
    }
    let mut bind = |clause: &str, v: Value| {
        values.push(v);
        clauses.push(clause.replace('?', &format!("?{}", values.len())));
    };
    if let Some(p) = filter.program {
        bind("program = ?", Value::Text(p.as_str().into()));
    }
    if let Some(p) = &filter.partner_id {
        bind("partner_id = ?", Value::Text(p.clone()));
    }
    if let Some(t) = &filter.tenant {
        bind("tenant_id = ?", Value::Text(t.clone()));
    }
    if let Some(d) = &filter.domain {
        bind("domain = ?", Value::Text(d.clone()));
    }
    if let Some(w) = &filter.workload {
        bind("workload = ?", Value::Text(w.clone()));
    }
    if let Some(t) = filter.due_before {
        bind("deadline < ?", Value::Text(utc_text(t)));
    }
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    (where_sql, values)
}

/// The whole `SELECT` of `list` for `filter`: its order (ties by ID in the same direction) and
/// its limit. Every form is served by an index of migration 5 (see the plan test below).
pub(super) fn list_sql(filter: &ClaimFilter, columns: &str) -> (String, Vec<Value>) {
    let (where_sql, values) = filter_sql(filter);
    let limit = filter
        .limit
        .map(|n| format!(" LIMIT {n}"))
        .unwrap_or_default();
    (
        format!(
            "SELECT {columns} FROM claims {where_sql} ORDER BY {}{limit}",
            filter.order_by()
        ),
        values,
    )
}

/// An event from columns `at, actor, action, from_status, to_status, reason, prev_hash, hash,
/// changes, poe` starting at column `first`.
pub(super) fn row_to_event(r: &Row, first: usize) -> anyhow::Result<HistoryEvent> {
    Ok(HistoryEvent {
        at: instant(&r.get::<_, String>(first)?)?,
        actor: r.get(first + 1)?,
        action: r.get(first + 2)?,
        from: r.get(first + 3)?,
        to: r.get(first + 4)?,
        reason: r.get(first + 5)?,
        prev_hash: r.get(first + 6)?,
        hash: r.get(first + 7)?,
        changes: r
            .get::<_, Option<String>>(first + 8)?
            .map(|c| serde_json::from_str(&c))
            .transpose()
            .context("malformed stored changes")?,
        poe: r
            .get::<_, Option<String>>(first + 9)?
            .map(|p| poe_from_json(&p))
            .transpose()?,
    })
}

pub(super) fn row_to_claim(r: &Row) -> anyhow::Result<Claim> {
    let text = |i: usize| -> anyhow::Result<String> { Ok(r.get::<_, String>(i)?) };
    let opt = |i: usize| -> anyhow::Result<Option<String>> { Ok(r.get::<_, Option<String>>(i)?) };
    let opt_instant = |i: usize| -> anyhow::Result<Option<DateTime<Utc>>> {
        opt(i)?.map(|s| instant(&s)).transpose()
    };
    let technical = match (opt(24)?, opt(25)?, opt(26)?) {
        (Some(name), Some(title), Some(email)) => Some(Contact { name, title, email }),
        _ => None,
    };
    let warnings: Vec<Warning> =
        serde_json::from_str(&text(35)?).context("malformed stored warnings")?;
    Ok(Claim {
        id: r.get(0)?,
        name: text(1)?,
        program: r.get(2)?,
        partner_id: text(3)?,
        tenant_id: text(4)?,
        domain: text(5)?,
        workload: text(6)?,
        subscription_id: opt(7)?,
        channel: r.get(8)?,
        status: r.get(9)?,
        filed_at: instant(&text(10)?)?,
        filed_by: text(11)?,
        notified_at: instant(&text(12)?)?,
        deadline: instant(&text(13)?)?,
        deadline_day: date(&text(14)?)?,
        calendar: text(15)?,
        official_at: opt_instant(16)?,
        opted_out_at: opt_instant(17)?,
        opt_out_in_window: r.get::<_, Option<bool>>(18)?,
        withdrawn_at: opt_instant(19)?,
        end_reason: opt(20)?,
        customer: Contact {
            name: text(21)?,
            title: text(22)?,
            email: text(23)?,
        },
        technical,
        partner_contact: PartnerContact {
            name: text(27)?,
            email: text(28)?,
        },
        poe: Poe {
            location: text(29)?,
            sha256: opt(30)?,
            size: r.get::<_, Option<i64>>(31)?.map(|s| s as u64),
            signed_on: date(&text(32)?)?,
        },
        purchase_date: opt(33)?.map(|d| date(&d)).transpose()?,
        comment: opt(34)?,
        warnings,
        poe_versions: poe_versions(opt(36)?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Program;
    use crate::storage::ClaimSort;
    use rusqlite::Connection;

    /// The plan of `sql`, one detail line per step.
    fn plan(conn: &Connection, sql: &str, values: &[Value]) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        stmt.query_map(params_from_iter(values.iter()), |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// Every `list` form reads the claims through an index, never a scan of the table; the
    /// forms whose order an index gives need no sort; and the unit lookup is a search.
    #[test]
    fn every_list_form_is_an_index_lookup() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::schema::migrate(&mut conn, 7).unwrap();
        let t = |s: &str| crate::model::parse_instant(s).unwrap();
        let base = ClaimFilter {
            limit: Some(101),
            ..ClaimFilter::default()
        };
        let forms: Vec<(&str, ClaimFilter, bool)> = vec![
            ("newest 100", base.clone(), true),
            (
                "reverse",
                ClaimFilter {
                    reverse: true,
                    ..base.clone()
                },
                true,
            ),
            (
                "pending by deadline",
                ClaimFilter {
                    statuses: vec![Status::Pending],
                    sort: ClaimSort::Deadline,
                    ..base.clone()
                },
                true,
            ),
            (
                "official newest",
                ClaimFilter {
                    statuses: vec![Status::Official],
                    ..base.clone()
                },
                true,
            ),
            (
                "by deadline",
                ClaimFilter {
                    sort: ClaimSort::Deadline,
                    ..base.clone()
                },
                true,
            ),
            (
                "partner",
                ClaimFilter {
                    partner_id: Some("4123456".into()),
                    ..base.clone()
                },
                true,
            ),
            (
                "tenant",
                ClaimFilter {
                    tenant: Some("t".into()),
                    ..base.clone()
                },
                true,
            ),
            (
                "domain",
                ClaimFilter {
                    domain: Some("contoso.com".into()),
                    ..base.clone()
                },
                true,
            ),
            (
                "program",
                ClaimFilter {
                    program: Some(Program::OsuM365),
                    ..base.clone()
                },
                true,
            ),
            (
                "workload",
                ClaimFilter {
                    workload: Some("teams".into()),
                    ..base.clone()
                },
                true,
            ),
            (
                "due before",
                ClaimFilter {
                    due_before: Some(t("2025-06-10T00:00:00Z")),
                    sort: ClaimSort::Deadline,
                    ..base.clone()
                },
                true,
            ),
            (
                "pending due before, all",
                ClaimFilter {
                    statuses: vec![Status::Pending],
                    due_before: Some(t("2025-06-10T00:00:00Z")),
                    sort: ClaimSort::Deadline,
                    limit: None,
                    ..base.clone()
                },
                true,
            ),
            (
                "two statuses",
                ClaimFilter {
                    statuses: vec![Status::Pending, Status::Official],
                    ..base.clone()
                },
                false,
            ),
            (
                "partner by deadline",
                ClaimFilter {
                    partner_id: Some("4123456".into()),
                    sort: ClaimSort::Deadline,
                    ..base.clone()
                },
                false,
            ),
        ];
        for (name, filter, ordered) in forms {
            let (sql, values) = list_sql(&filter, "id");
            let steps = plan(&conn, &sql, &values);
            let reads = steps.iter().filter(|s| s.contains(" claims"));
            assert!(
                reads.clone().count() > 0 && reads.clone().all(|s| s.contains("USING")),
                "{name}: {sql}\n{steps:?}"
            );
            if ordered {
                assert!(
                    !steps.iter().any(|s| s.contains("TEMP B-TREE")),
                    "{name}: {sql}\n{steps:?}"
                );
            }
        }
        let (sql, values) = list_sql(
            &ClaimFilter {
                statuses: vec![Status::Pending],
                sort: ClaimSort::Deadline,
                ..base.clone()
            },
            "id",
        );
        assert!(
            plan(&conn, &sql, &values)
                .iter()
                .any(|s| s.starts_with("SEARCH") && s.contains("deadline")),
            "an index on pending deadlines serves the work queue"
        );
        let unit = plan(
            &conn,
            &format!("SELECT {COLUMNS} FROM claims WHERE unit_key = ?1 ORDER BY id"),
            &[Value::Text("u".into())],
        );
        // The claims on the unit by index; each claim's few PoE versions by index too (their
        // aggregate sorts a handful of rows per claim, which is not a scan).
        assert!(
            unit.iter()
                .any(|s| s.starts_with("SEARCH claims USING INDEX"))
                && !unit.iter().any(|s| s.starts_with("SCAN")),
            "{unit:?}"
        );
    }

    /// Ties by ID follow the sort's direction, and `reverse` flips both keys.
    #[test]
    fn order_breaks_ties_by_id_in_the_sort_direction() {
        let sql = |sort, reverse| {
            list_sql(
                &ClaimFilter {
                    sort,
                    reverse,
                    ..ClaimFilter::default()
                },
                "id",
            )
            .0
        };
        assert!(sql(ClaimSort::Filed, false).ends_with("ORDER BY filed_at DESC, id DESC"));
        assert!(sql(ClaimSort::Filed, true).ends_with("ORDER BY filed_at ASC, id ASC"));
        assert!(sql(ClaimSort::Deadline, false).ends_with("ORDER BY deadline ASC, id ASC"));
        assert!(sql(ClaimSort::Deadline, true).ends_with("ORDER BY deadline DESC, id DESC"));
    }
}
