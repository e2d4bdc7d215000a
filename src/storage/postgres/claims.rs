//! Claims, their units and their append-only history, in PostgreSQL's SQL.

use super::PgTxn;
use super::values::{date, en, instant, poe_from_json, poe_json, poe_versions};
use crate::model::{
    Claim, Contact, HistoryEvent, NewClaim, PartnerContact, PinKind, Poe, Status, Warning, utc_text,
};
use crate::rules::eligibility::{Holder, StoredFacts, UnitRequest};
use crate::rules::history::event_hash;
use crate::rules::lifecycle::{ClaimState, Transition};
use crate::storage::stored::chained_events;
use crate::storage::{ClaimFilter, StorageError};
use anyhow::Context;
use chrono::{DateTime, Utc};
use postgres::Row;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use std::collections::HashMap;

pub(super) const COLUMNS: &str =
    "id, name, program, partner_id, tenant_id, domain, workload, subscription_id,
    channel, status, filed_at, filed_by, notified_at, deadline, deadline_day, calendar,
    official_at, opted_out_at, opt_out_in_window, withdrawn_at, end_reason, customer_name,
    customer_title, customer_email, technical_name, technical_title, technical_email,
    partner_contact_name, partner_contact_email, poe_location, poe_sha256, poe_size,
    poe_signed_on, purchase_date, comment, warnings,
    (SELECT json_agg(json_build_array(v.location, v.sha256, v.size, v.signed_on, v.added_at,
        v.added_by) ORDER BY v.id)::text FROM poe_versions v WHERE v.claim_id = claims.id)";

/// The first key of the unit locks ("CPOR" in ASCII), apart from other advisory locks.
const UNIT_LOCK_CLASS: i32 = 0x4350_4F52;
/// How many unit locks there are (a power of two: the hash is masked).
const UNIT_LOCK_BUCKETS: i32 = 1024;

pub(super) const EVENT_COLUMNS: &str =
    "at, actor, action, from_status, to_status, reason, prev_hash, hash, changes, poe";

impl PgTxn<'_> {
    /// Serialise writers on one unit: taken before the rules read the unit, held to commit.
    ///
    /// The lock is on one of [`UNIT_LOCK_BUCKETS`] buckets the unit hashes to, in a key space of
    /// its own (the two-key form, class [`UNIT_LOCK_CLASS`]): one transaction that files many
    /// claims (`import`) then holds at most that many locks, well inside the server's lock
    /// table, where a lock per unit ran out of shared memory at about 100,000 rows. Two units
    /// that share a bucket only wait for each other, which is rare and brief.
    pub(super) fn lock_unit(&mut self, unit_key: &str) -> anyhow::Result<()> {
        if self.write {
            self.exec(
                "SELECT pg_advisory_xact_lock($1, hashtext($2) & $3)",
                &[&UNIT_LOCK_CLASS, &unit_key, &(UNIT_LOCK_BUCKETS - 1)],
            )?;
        }
        Ok(())
    }

    pub fn unit_facts(&mut self, req: &UnitRequest) -> anyhow::Result<StoredFacts> {
        let key = req.unit().key();
        self.lock_unit(&key)?;
        let enrolled = self.partner(req.partner_id)?.map(|p| p.programs);
        let domain_pin = match req.domain {
            Some(d) => self.pin(PinKind::Domain, d)?,
            None => None,
        };
        let subscription_pin = match req.subscription {
            Some(s) => self.pin(PinKind::Subscription, s)?,
            None => None,
        };
        let holders = self
            .query(
                "SELECT id, partner_id, program, status, coalesce(official_at, filed_at)
                 FROM claims WHERE unit_key = $1 AND status IN ('pending','official')
                 ORDER BY id",
                &[&key],
            )?
            .iter()
            .map(|r| {
                Ok(Holder {
                    claim_id: r.try_get(0)?,
                    partner_id: r.try_get(1)?,
                    program: en(r.try_get::<_, String>(2)?)?,
                    status: en(r.try_get::<_, String>(3)?)?,
                    since: instant(r.try_get::<_, String>(4)?)?,
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

    pub fn insert_claim(&mut self, c: &NewClaim) -> anyhow::Result<i64> {
        let key = c.unit().key();
        self.lock_unit(&key)?;
        let technical = c.technical.as_ref();
        let row = self
            .query_one(
                "INSERT INTO claims (name, program, partner_id, tenant_id, domain, workload,
                   subscription_id, channel, unit_key, status, filed_at, filed_by, notified_at,
                   deadline, deadline_day, calendar, customer_name, customer_title,
                   customer_email, technical_name, technical_title, technical_email,
                   partner_contact_name, partner_contact_email, poe_location, poe_sha256,
                   poe_size, poe_signed_on, purchase_date, comment, warnings)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                   $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)
                 RETURNING id",
                &[
                    &c.name,
                    &c.program.as_str(),
                    &c.partner_id,
                    &c.tenant_id,
                    &c.domain,
                    &c.workload,
                    &c.subscription_id,
                    &c.channel.map(|ch| ch.as_str()),
                    &key,
                    &NewClaim::STATUS.as_str(),
                    &utc_text(c.filed_at),
                    &c.filed_by,
                    &utc_text(c.notified_at),
                    &utc_text(c.deadline),
                    &c.deadline_day.to_string(),
                    &c.calendar,
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
            .context("could not record the claim")?;
        let id: i64 = row.try_get(0)?;
        let reason = format!("named by claim {id}");
        self.pin_if_new(
            PinKind::Domain,
            &c.domain,
            &c.tenant_id,
            id,
            c.filed_at,
            &c.filed_by,
            &reason,
        )?;
        if let Some(sub) = &c.subscription_id {
            self.pin_if_new(
                PinKind::Subscription,
                sub,
                &c.tenant_id,
                id,
                c.filed_at,
                &c.filed_by,
                &reason,
            )?;
        }
        self.insert_poe_version(id, &c.poe, c.filed_at, &c.filed_by)?;
        self.append_event(id, &c.filed_event(), None)?;
        Ok(id)
    }

    /// Append an event chained to the claim's last one; with `guard`, only while the claim is
    /// still in that status. Returns whether it was appended.
    pub(super) fn append_event(
        &mut self,
        claim_id: i64,
        e: &HistoryEvent,
        guard: Option<Status>,
    ) -> anyhow::Result<bool> {
        let prev_hash: Option<String> = self
            .query_opt(
                "SELECT hash FROM events WHERE claim_id = $1 ORDER BY id DESC LIMIT 1",
                &[&claim_id],
            )?
            .and_then(|r| r.get(0));
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
        &mut self,
        claim_id: i64,
        e: &HistoryEvent,
        guard: Option<Status>,
    ) -> anyhow::Result<bool> {
        let changes = e.changes.as_ref().map(serde_json::to_string).transpose()?;
        let poe = e.poe.as_ref().map(poe_json).transpose()?;
        let n = self.exec(
            "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, reason,
                   prev_hash, hash, changes, poe)
                 SELECT $1::bigint, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text,
                   $8::text, $9::text, $11::text, $12::text
                 WHERE $10::text IS NULL
                    OR EXISTS (SELECT 1 FROM claims WHERE id = $1 AND status = $10::text)",
            &[
                &claim_id,
                &utc_text(e.at),
                &e.actor,
                &e.action.as_str(),
                &e.from.map(Status::as_str),
                &e.to.as_str(),
                &e.reason,
                &e.prev_hash,
                &e.hash,
                &guard.map(Status::as_str),
                &changes,
                &poe,
            ],
        )?;
        Ok(n == 1)
    }

    pub fn apply(
        &mut self,
        t: &Transition,
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        let conflict = || StorageError::Conflict {
            claim_id: t.claim_id,
            expected: t.from,
            to: t.to,
        };
        let appended = self.append_event(t.claim_id, &t.event(recorded_at, actor), Some(t.from))?;
        if !appended {
            return Err(conflict().into());
        }
        let at = utc_text(t.at);
        let (id, from, to) = (t.claim_id, t.from.as_str(), t.to.as_str());
        let n = match t.to {
            Status::Official => self.exec(
                "UPDATE claims SET status = $3, official_at = $4 WHERE id = $1 AND status = $2",
                &[&id, &from, &to, &at],
            ),
            Status::OptedOut => self.exec(
                "UPDATE claims SET status = $3, opted_out_at = $4, opt_out_in_window = $5,
                   end_reason = $6 WHERE id = $1 AND status = $2",
                &[&id, &from, &to, &at, &t.in_window, &t.reason],
            ),
            Status::Withdrawn => self.exec(
                "UPDATE claims SET status = $3, withdrawn_at = $4, end_reason = $5
                 WHERE id = $1 AND status = $2",
                &[&id, &from, &to, &at, &t.reason],
            ),
            Status::Pending => anyhow::bail!("no transition leads back to pending"),
        }
        .context("could not update the claim")?;
        if n != 1 {
            return Err(conflict().into());
        }
        Ok(())
    }

    /// Finalize's chunk in three statements instead of three round trips per claim: the
    /// claims' last hashes, then every event, then every status, each set-based; a claim that
    /// is no longer pending fails the whole chunk as a conflict.
    pub fn finalize_chunk(
        &mut self,
        transitions: &[Transition],
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> anyhow::Result<()> {
        let ids: Vec<i64> = transitions.iter().map(|t| t.claim_id).collect();
        let mut last: HashMap<i64, Option<String>> = self
            .query(
                "SELECT DISTINCT ON (claim_id) claim_id, hash FROM events
                 WHERE claim_id = ANY($1) ORDER BY claim_id, id DESC",
                &[&ids],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<anyhow::Result<_>>()?;
        let n = transitions.len();
        let (mut ats, mut actors, mut actions, mut froms, mut tos, mut reasons) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let (mut prevs, mut hashes, mut official) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let events = chained_events(transitions, recorded_at, actor, &mut last);
        for (t, (e, hash)) in transitions.iter().zip(events) {
            hashes.push(hash);
            ats.push(utc_text(e.at));
            actors.push(e.actor);
            actions.push(e.action.as_str());
            froms.push(t.from.as_str());
            tos.push(t.to.as_str());
            reasons.push(e.reason);
            prevs.push(e.prev_hash);
            official.push(utc_text(t.at));
        }
        let conflict = |claim_id: Option<i64>| {
            anyhow::Error::from(StorageError::Conflict {
                claim_id: claim_id.unwrap_or(transitions[0].claim_id),
                expected: Status::Pending,
                to: Status::Official,
            })
        };
        // Events first (the schema wants a status to follow its event), only for claims still
        // pending, in the order given.
        let appended = self.exec(
            "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, reason,
               prev_hash, hash)
             SELECT u.claim_id, u.at, u.actor, u.action, u.from_status, u.to_status, u.reason,
                    u.prev_hash, u.hash
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                    $6::text[], $7::text[], $8::text[], $9::text[])
               WITH ORDINALITY AS u(claim_id, at, actor, action, from_status, to_status, reason,
                    prev_hash, hash, n)
             JOIN claims c ON c.id = u.claim_id AND c.status = u.from_status
             ORDER BY u.n",
            &[
                &ids, &ats, &actors, &actions, &froms, &tos, &reasons, &prevs, &hashes,
            ],
        )?;
        if appended != n as u64 {
            // Name the first claim no longer pending (none: a claim given twice).
            let stale = self
                .query_opt(
                    "SELECT u.id FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, n)
                     LEFT JOIN claims c ON c.id = u.id AND c.status = 'pending'
                     WHERE c.id IS NULL ORDER BY u.n LIMIT 1",
                    &[&ids],
                )?
                .map(|r| r.try_get::<_, i64>(0))
                .transpose()?;
            return Err(conflict(stale));
        }
        let updated = self.exec(
            "UPDATE claims c SET status = 'official', official_at = u.at
             FROM unnest($1::bigint[], $2::text[]) AS u(id, at)
             WHERE c.id = u.id AND c.status = 'pending'",
            &[&ids, &official],
        )?;
        if updated != n as u64 {
            // Every claim was pending a statement ago: only a claim given twice gets here.
            return Err(conflict(None));
        }
        Ok(())
    }

    pub fn claim(&mut self, id: i64) -> anyhow::Result<Option<Claim>> {
        self.query_opt(
            &format!("SELECT {COLUMNS} FROM claims WHERE id = $1"),
            &[&id],
        )
        .context("could not read the claim")?
        .map(|r| row_to_claim(&r))
        .transpose()
    }

    pub fn history(&mut self, id: i64) -> anyhow::Result<Vec<HistoryEvent>> {
        self.query(
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE claim_id = $1 ORDER BY id"),
            &[&id],
        )?
        .iter()
        .map(|r| row_to_event(r, 0))
        .collect()
    }

    /// One streamed pass over claims joined with their events, memory for one claim.
    pub fn each_history(
        &mut self,
        visit: &mut dyn FnMut(i64, Status, &[HistoryEvent]),
    ) -> anyhow::Result<()> {
        let sql = "SELECT c.id, c.status, e.at, e.actor, e.action, e.from_status, e.to_status,
                    e.reason, e.prev_hash, e.hash, e.changes, e.poe
             FROM claims c LEFT JOIN events e ON e.claim_id = c.id
             ORDER BY c.id, e.id";
        let mut rows = self.tx.query_raw(sql, std::iter::empty::<&str>())?;
        let mut current: Option<(i64, Status)> = None;
        let mut events: Vec<HistoryEvent> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.try_get(0)?;
            let status: Status = en(r.try_get::<_, String>(1)?)?;
            if let Some((cid, st)) = current
                && cid != id
            {
                visit(cid, st, &events);
                events.clear();
            }
            current = Some((id, status));
            if r.try_get::<_, Option<String>>(2)?.is_some() {
                events.push(row_to_event(&r, 2)?);
            }
        }
        if let Some((cid, st)) = current {
            visit(cid, st, &events);
        }
        Ok(())
    }

    pub fn list_claims(&mut self, filter: &ClaimFilter) -> anyhow::Result<Vec<Claim>> {
        let mut out = Vec::new();
        self.for_each_claim(filter, &mut |c| {
            out.push(c);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn count_claims(&mut self, filter: &ClaimFilter) -> anyhow::Result<u64> {
        let (where_sql, values) = filter_sql(filter);
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as _).collect();
        let n: i64 = self
            .query_one(&format!("SELECT count(*) FROM claims {where_sql}"), &params)?
            .try_get(0)?;
        Ok(n as u64)
    }

    pub fn for_each_claim(
        &mut self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let (sql, values) = list_sql(filter, COLUMNS);
        let mut rows = self
            .tx
            .query_raw(&sql, values.iter())
            .context("could not list claims")?;
        while let Some(row) = rows.next().context("could not list claims")? {
            each(row_to_claim(&row).context("could not list claims")?)?;
        }
        Ok(())
    }

    pub fn claims_on_unit(&mut self, unit_key: &str) -> anyhow::Result<Vec<Claim>> {
        self.claims_where("unit_key = $1 ORDER BY id", &[&unit_key])
    }

    pub fn active_claims_of_tenant(
        &mut self,
        tenant: &str,
        workloads: &[String],
    ) -> anyhow::Result<Vec<Claim>> {
        let claims = self.claims_where(
            "tenant_id = $1 AND status IN ('pending','official') ORDER BY id",
            &[&tenant],
        )?;
        Ok(claims
            .into_iter()
            .filter(|c| workloads.is_empty() || workloads.contains(&c.workload))
            .collect())
    }

    /// Claims `WHERE <tail>` (the tail carries the order).
    pub(super) fn claims_where(
        &mut self,
        tail: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> anyhow::Result<Vec<Claim>> {
        self.query(
            &format!("SELECT {COLUMNS} FROM claims WHERE {tail}"),
            params,
        )?
        .iter()
        .map(row_to_claim)
        .collect()
    }

    /// In a write transaction the due claims are locked, skipping those another finalize run
    /// holds, so concurrent runs share the work instead of waiting for each other.
    pub fn due_claims(
        &mut self,
        now: DateTime<Utc>,
        limit: Option<u64>,
    ) -> anyhow::Result<Vec<ClaimState>> {
        let limit = limit.map_or("ALL".to_string(), |n| n.to_string());
        let lock = if self.write {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        self.query(
            &format!(
                "SELECT id, status, notified_at, deadline FROM claims
                 WHERE status = 'pending' AND deadline <= $1
                 ORDER BY deadline, id LIMIT {limit}{lock}"
            ),
            &[&utc_text(now)],
        )?
        .iter()
        .map(|r| {
            Ok(ClaimState {
                id: r.try_get(0)?,
                status: en(r.try_get::<_, String>(1)?)?,
                notified_at: instant(r.try_get::<_, String>(2)?)?,
                deadline: instant(r.try_get::<_, String>(3)?)?,
            })
        })
        .collect()
    }

    pub fn pending_summary(
        &mut self,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(u64, Option<DateTime<Utc>>)> {
        let r = self.query_one(
            "SELECT (SELECT count(*) FROM claims WHERE status = 'pending'),
                    (SELECT min(deadline) FROM claims WHERE status = 'pending' AND deadline > $1)",
            &[&utc_text(now)],
        )?;
        let n: i64 = r.try_get(0)?;
        let next: Option<String> = r.try_get(1)?;
        Ok((n as u64, next.map(instant).transpose()?))
    }
}

/// The `WHERE` clause of `filter` and its bound values (statuses are literals from a closed
/// set, so the partial index on pending deadlines applies).
fn filter_sql(filter: &ClaimFilter) -> (String, Vec<String>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
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
    let mut bind = |column: &str, op: &str, v: String| {
        values.push(v);
        clauses.push(format!("{column} {op} ${}", values.len()));
    };
    if let Some(p) = filter.program {
        bind("program", "=", p.as_str().into());
    }
    if let Some(p) = &filter.partner_id {
        bind("partner_id", "=", p.clone());
    }
    if let Some(t) = &filter.tenant {
        bind("tenant_id", "=", t.clone());
    }
    if let Some(d) = &filter.domain {
        bind("domain", "=", d.clone());
    }
    if let Some(w) = &filter.workload {
        bind("workload", "=", w.clone());
    }
    if let Some(t) = filter.due_before {
        bind("deadline", "<", utc_text(t));
    }
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    (where_sql, values)
}

pub(super) fn list_sql(filter: &ClaimFilter, columns: &str) -> (String, Vec<String>) {
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

/// An event from [`EVENT_COLUMNS`] starting at column `first`.
pub(super) fn row_to_event(r: &Row, first: usize) -> anyhow::Result<HistoryEvent> {
    let opt = |i: usize| -> anyhow::Result<Option<String>> { Ok(r.try_get(first + i)?) };
    Ok(HistoryEvent {
        at: instant(r.try_get::<_, String>(first)?)?,
        actor: r.try_get(first + 1)?,
        action: en(r.try_get::<_, String>(first + 2)?)?,
        from: opt(3)?.map(en).transpose()?,
        to: en(r.try_get::<_, String>(first + 4)?)?,
        reason: opt(5)?,
        prev_hash: opt(6)?,
        hash: opt(7)?,
        changes: opt(8)?
            .map(|c| serde_json::from_str(&c))
            .transpose()
            .context("malformed stored changes")?,
        poe: opt(9)?.map(|p| poe_from_json(&p)).transpose()?,
    })
}

pub(super) fn row_to_claim(r: &Row) -> anyhow::Result<Claim> {
    let text = |i: usize| -> anyhow::Result<String> { Ok(r.try_get(i)?) };
    let opt = |i: usize| -> anyhow::Result<Option<String>> { Ok(r.try_get(i)?) };
    let opt_instant =
        |i: usize| -> anyhow::Result<Option<DateTime<Utc>>> { opt(i)?.map(instant).transpose() };
    let technical = match (opt(24)?, opt(25)?, opt(26)?) {
        (Some(name), Some(title), Some(email)) => Some(Contact { name, title, email }),
        _ => None,
    };
    let warnings: Vec<Warning> =
        serde_json::from_str(&text(35)?).context("malformed stored warnings")?;
    Ok(Claim {
        id: r.try_get(0)?,
        name: text(1)?,
        program: en(text(2)?)?,
        partner_id: text(3)?,
        tenant_id: text(4)?,
        domain: text(5)?,
        workload: text(6)?,
        subscription_id: opt(7)?,
        channel: opt(8)?.map(en).transpose()?,
        status: en(text(9)?)?,
        filed_at: instant(text(10)?)?,
        filed_by: text(11)?,
        notified_at: instant(text(12)?)?,
        deadline: instant(text(13)?)?,
        deadline_day: date(&text(14)?)?,
        calendar: text(15)?,
        official_at: opt_instant(16)?,
        opted_out_at: opt_instant(17)?,
        opt_out_in_window: r.try_get(18)?,
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
            size: r.try_get::<_, Option<i64>>(31)?.map(|s| s as u64),
            signed_on: date(&text(32)?)?,
        },
        purchase_date: opt(33)?.map(|d| date(&d)).transpose()?,
        comment: opt(34)?,
        warnings,
        poe_versions: poe_versions(opt(36)?)?,
    })
}
