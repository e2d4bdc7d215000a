//! The append-only list of schema migrations. Never edit a released entry: add a new one.

use anyhow::Context;
use rusqlite::{Connection, TransactionBehavior};

/// Migration `i` (0-based) takes the schema from `user_version` `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: partners, tenants' domains and subscriptions, calendars, claims and their history.
    r#"
    CREATE TABLE partners (
        partner_id  TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        added_at    TEXT NOT NULL
    );
    CREATE TABLE enrolments (
        partner_id  TEXT NOT NULL REFERENCES partners(partner_id) ON DELETE CASCADE,
        program     TEXT NOT NULL CHECK (program IN ('osa-sell','osu-m365','osu-bizapps')),
        enrolled_at TEXT NOT NULL,
        PRIMARY KEY (partner_id, program)
    );
    CREATE TABLE domains (
        domain      TEXT PRIMARY KEY,
        tenant_id   TEXT NOT NULL,
        first_seen  TEXT NOT NULL
    );
    CREATE TABLE subscriptions (
        subscription_id TEXT PRIMARY KEY,
        tenant_id       TEXT NOT NULL,
        first_seen      TEXT NOT NULL
    );
    CREATE TABLE calendars (
        name     TEXT PRIMARY KEY,
        tz       TEXT NOT NULL,
        weekend  TEXT NOT NULL,
        cutoff   TEXT
    );
    CREATE TABLE holidays (
        calendar TEXT NOT NULL REFERENCES calendars(name) ON DELETE CASCADE,
        day      TEXT NOT NULL,
        label    TEXT,
        PRIMARY KEY (calendar, day)
    );
    INSERT INTO calendars (name, tz, weekend, cutoff) VALUES ('default', 'UTC', 'sat,sun', NULL);
    CREATE TABLE claims (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        name                  TEXT NOT NULL,
        program               TEXT NOT NULL CHECK (program IN ('osa-sell','osu-m365','osu-bizapps')),
        partner_id            TEXT NOT NULL,
        tenant_id             TEXT NOT NULL,
        domain                TEXT NOT NULL,
        workload              TEXT NOT NULL,
        subscription_id       TEXT,
        channel               TEXT CHECK (channel IN ('vl','web-direct','csp')),
        unit_key              TEXT NOT NULL,
        status                TEXT NOT NULL CHECK (status IN ('pending','official','opted-out','withdrawn')),
        filed_at              TEXT NOT NULL,
        filed_by              TEXT NOT NULL,
        notified_at           TEXT NOT NULL,
        deadline              TEXT NOT NULL,
        deadline_day          TEXT NOT NULL,
        calendar              TEXT NOT NULL,
        official_at           TEXT,
        opted_out_at          TEXT,
        opt_out_in_window     INTEGER,
        withdrawn_at          TEXT,
        end_reason            TEXT,
        customer_name         TEXT NOT NULL,
        customer_title        TEXT NOT NULL,
        customer_email        TEXT NOT NULL,
        technical_name        TEXT,
        technical_title       TEXT,
        technical_email       TEXT,
        partner_contact_name  TEXT NOT NULL,
        partner_contact_email TEXT NOT NULL,
        poe_location          TEXT NOT NULL,
        poe_sha256            TEXT,
        poe_size              INTEGER,
        poe_signed_on         TEXT NOT NULL,
        purchase_date         TEXT,
        comment               TEXT,
        warnings              TEXT NOT NULL DEFAULT '[]'
    );
    -- The backstop under the rules: one active claim per unit and program...
    CREATE UNIQUE INDEX claims_active_unit ON claims (unit_key, program)
        WHERE status IN ('pending','official');
    CREATE INDEX claims_pending_deadline ON claims (deadline) WHERE status = 'pending';
    CREATE INDEX claims_filed ON claims (filed_at, id);
    CREATE INDEX claims_tenant ON claims (tenant_id);
    -- ...and one partner per unit across programs.
    CREATE TRIGGER claims_one_holder BEFORE INSERT ON claims
        WHEN NEW.status IN ('pending','official') AND EXISTS (
            SELECT 1 FROM claims WHERE unit_key = NEW.unit_key
               AND status IN ('pending','official') AND partner_id <> NEW.partner_id)
    BEGIN
        SELECT RAISE(ABORT, 'cpor: unit already held by another partner');
    END;
    CREATE TRIGGER claims_never_deleted BEFORE DELETE ON claims
    BEGIN
        SELECT RAISE(ABORT, 'cpor: claims are never deleted');
    END;
    CREATE TABLE events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id    INTEGER NOT NULL REFERENCES claims(id),
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('filed','finalized','opted-out','withdrawn')),
        from_status TEXT,
        to_status   TEXT NOT NULL,
        reason      TEXT
    );
    CREATE INDEX events_claim ON events (claim_id, id);
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN
        SELECT RAISE(ABORT, 'cpor: history is append-only');
    END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN
        SELECT RAISE(ABORT, 'cpor: history is append-only');
    END;
    "#,
    // 2: a record of every finalize run, so troubleshoot can say when finalize last ran.
    r#"
    CREATE TABLE finalize_runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        actor       TEXT NOT NULL,
        finalized   INTEGER NOT NULL DEFAULT 0
    );
    "#,
    // 3: the tamper-evident history (SPEC §4 v2). The columns come here; [`after_migration`]
    // hashes the existing events and then installs the triggers, since the append-only update
    // trigger must be out of the way while the hashes are written.
    r#"
    ALTER TABLE events ADD COLUMN prev_hash TEXT;
    ALTER TABLE events ADD COLUMN hash TEXT;
    DROP TRIGGER events_append_only_update;
    "#,
    // 4: corrections (SPEC v2 §3, §4): PoE versions, tenant pins with an append-only pin log,
    // and `edited` / `poe-added` history events.
    r#"
    CREATE TABLE poe_versions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id    INTEGER NOT NULL REFERENCES claims(id),
        location    TEXT NOT NULL,
        sha256      TEXT,
        size        INTEGER,
        signed_on   TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL
    );
    CREATE INDEX poe_versions_claim ON poe_versions (claim_id, id);
    -- PoE versions are history: kept for ever, never rewritten.
    CREATE TRIGGER poe_versions_append_only_update BEFORE UPDATE ON poe_versions
    BEGIN
        SELECT RAISE(ABORT, 'cpor: PoE versions are append-only');
    END;
    CREATE TRIGGER poe_versions_append_only_delete BEFORE DELETE ON poe_versions
    BEGIN
        SELECT RAISE(ABORT, 'cpor: PoE versions are append-only');
    END;
    -- Each claim's PoE so far becomes its first version.
    INSERT INTO poe_versions (claim_id, location, sha256, size, signed_on, added_at, added_by)
        SELECT id, poe_location, poe_sha256, poe_size, poe_signed_on, filed_at, filed_by
        FROM claims ORDER BY id;

    CREATE TABLE pins (
        kind        TEXT NOT NULL CHECK (kind IN ('domain','subscription')),
        value       TEXT NOT NULL,
        tenant_id   TEXT NOT NULL,
        since       TEXT NOT NULL,
        by_claim    INTEGER REFERENCES claims(id),
        PRIMARY KEY (kind, value)
    );
    CREATE INDEX pins_tenant ON pins (tenant_id);
    CREATE TABLE pin_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('pin','unpin')),
        kind        TEXT NOT NULL CHECK (kind IN ('domain','subscription')),
        value       TEXT NOT NULL,
        tenant_id   TEXT NOT NULL,
        reason      TEXT
    );
    CREATE INDEX pin_log_tenant ON pin_log (tenant_id, id);
    CREATE TRIGGER pin_log_append_only_update BEFORE UPDATE ON pin_log
    BEGIN
        SELECT RAISE(ABORT, 'cpor: the pin log is append-only');
    END;
    CREATE TRIGGER pin_log_append_only_delete BEFORE DELETE ON pin_log
    BEGIN
        SELECT RAISE(ABORT, 'cpor: the pin log is append-only');
    END;
    -- The remembered domains and subscriptions become pins, made by the first claim that named
    -- them with their tenant; the log starts with those pins.
    INSERT INTO pins (kind, value, tenant_id, since, by_claim)
        SELECT 'domain', d.domain, d.tenant_id, d.first_seen,
               (SELECT min(c.id) FROM claims c
                 WHERE c.domain = d.domain AND c.tenant_id = d.tenant_id)
        FROM domains d;
    INSERT INTO pins (kind, value, tenant_id, since, by_claim)
        SELECT 'subscription', s.subscription_id, s.tenant_id, s.first_seen,
               (SELECT min(c.id) FROM claims c
                 WHERE c.subscription_id = s.subscription_id AND c.tenant_id = s.tenant_id)
        FROM subscriptions s;
    INSERT INTO pin_log (at, actor, action, kind, value, tenant_id, reason)
        SELECT p.since, coalesce(c.filed_by, 'cpor'), 'pin', p.kind, p.value, p.tenant_id,
               CASE WHEN p.by_claim IS NULL THEN 'remembered before pins were logged'
                    ELSE 'named by claim ' || p.by_claim END
        FROM pins p LEFT JOIN claims c ON c.id = p.by_claim
        ORDER BY p.since, p.kind, p.value;
    DROP TABLE domains;
    DROP TABLE subscriptions;
    CREATE INDEX claims_domain ON claims (domain);

    ALTER TABLE events ADD COLUMN changes TEXT;
    ALTER TABLE events ADD COLUMN poe TEXT;
    -- Widen the CHECK on `action` in place. Rebuilding `events` would have to copy every column
    -- and trigger it has; allowing more values changes nothing on disk, which is the case the
    -- SQLite manual gives for editing the stored schema text (ALTER TABLE, "making other kinds
    -- of table schema changes"). The migration tests check that the new actions are accepted.
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema
       SET sql = replace(sql, '''withdrawn'')', '''withdrawn'',''edited'',''poe-added'')')
     WHERE type = 'table' AND name = 'events';
    PRAGMA writable_schema = RESET;
    "#,
    // 5: indexes so that every `list` form and the unit lookup of `troubleshoot ID` are index
    // lookups. Each (key, filed_at) index also serves `ORDER BY filed_at, id` (the rowid is the
    // last column of every index), so `LIMIT 100` stops after 100 rows.
    r#"
    CREATE INDEX claims_status_filed ON claims (status, filed_at);
    CREATE INDEX claims_status_deadline ON claims (status, deadline);
    CREATE INDEX claims_deadline ON claims (deadline);
    CREATE INDEX claims_partner ON claims (partner_id, filed_at);
    DROP INDEX claims_tenant;
    CREATE INDEX claims_tenant ON claims (tenant_id, filed_at);
    DROP INDEX claims_domain;
    CREATE INDEX claims_domain ON claims (domain, filed_at);
    CREATE INDEX claims_workload ON claims (workload, filed_at);
    CREATE INDEX claims_program ON claims (program, filed_at);
    CREATE INDEX claims_unit ON claims (unit_key);
    -- A pin's claim: `restore` loads pins before their claims with foreign keys deferred, and
    -- SQLite then looks up the pins of every claim it inserts; without this, once per pin.
    CREATE INDEX pins_by_claim ON pins (by_claim);
    "#,
];

/// The triggers of schema version 3, installed once the existing events are hashed.
const HISTORY_TRIGGERS_V3: &str = r#"
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN
        SELECT RAISE(ABORT, 'cpor: history is append-only');
    END;
    -- INSERT OR REPLACE deletes the old row without firing a delete trigger; refuse it here.
    CREATE TRIGGER events_never_replaced BEFORE INSERT ON events
        WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
    BEGIN
        SELECT RAISE(ABORT, 'cpor: history is append-only');
    END;
    -- A claim's status always equals the `to` of its last event: the event is written first.
    CREATE TRIGGER claims_status_follows_history BEFORE UPDATE OF status ON claims
        WHEN NEW.status IS NOT OLD.status AND NEW.status IS NOT (
            SELECT to_status FROM events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1)
    BEGIN
        SELECT RAISE(ABORT, 'cpor: a status change needs its history event first');
    END;
"#;

/// Work of migration `version` (1-based) that SQL alone cannot do, run in the migration's
/// transaction after its SQL.
fn after_migration(tx: &rusqlite::Transaction, version: i64) -> anyhow::Result<()> {
    if version == 3 {
        hash_existing_history(tx)?;
        tx.execute_batch(HISTORY_TRIGGERS_V3)?;
    }
    Ok(())
}

/// Compute every stored event's `prev_hash` and `hash`, claim by claim, oldest first.
fn hash_existing_history(tx: &rusqlite::Transaction) -> anyhow::Result<()> {
    use crate::model::{HistoryEvent, parse_instant};
    use crate::rules::history::event_hash;
    let mut read = tx.prepare(
        "SELECT id, claim_id, at, actor, action, from_status, to_status, reason
         FROM events ORDER BY claim_id, id",
    )?;
    let mut update = tx.prepare("UPDATE events SET prev_hash = ?2, hash = ?3 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    let mut last: Option<(i64, String)> = None;
    while let Some(r) = rows.next()? {
        let (id, claim_id): (i64, i64) = (r.get(0)?, r.get(1)?);
        let at: String = r.get(2)?;
        let mut e = HistoryEvent {
            at: parse_instant(&at).map_err(|e| anyhow::anyhow!("malformed stored time: {e}"))?,
            actor: r.get(3)?,
            action: r.get(4)?,
            from: r.get(5)?,
            to: r.get(6)?,
            reason: r.get(7)?,
            prev_hash: None,
            hash: None,
            changes: None,
            poe: None,
        };
        e.prev_hash = match &last {
            Some((c, h)) if *c == claim_id => Some(h.clone()),
            _ => None,
        };
        let hash = event_hash(claim_id, &e);
        update.execute(rusqlite::params![id, e.prev_hash, hash])?;
        last = Some((claim_id, hash));
    }
    Ok(())
}

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring `conn` up to [`LATEST_VERSION`], one transaction per migration. The version is
/// re-read under the write lock, so concurrent first opens migrate exactly once.
pub fn migrate(conn: &mut Connection, application_id: i32) -> anyhow::Result<()> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("could not lock the database to upgrade its schema")?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(());
        };
        tx.execute_batch(sql)
            .with_context(|| format!("schema migration {} failed", version + 1))?;
        after_migration(&tx, version + 1)
            .with_context(|| format!("schema migration {} failed", version + 1))?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {application_id}; PRAGMA user_version = {};",
            version + 1
        ))?;
        tx.commit()
            .with_context(|| format!("could not commit schema migration {}", version + 1))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each migration applies on top of the previous one on an in-memory database.
    #[test]
    fn migrations_apply_one_by_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 7).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
        // Running again is a no-op.
        migrate(&mut conn, 7).unwrap();
    }

    #[test]
    fn history_is_append_only() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO claims (name, program, partner_id, tenant_id, domain, workload, unit_key,
               status, filed_at, filed_by, notified_at, deadline, deadline_day, calendar,
               customer_name, customer_title, customer_email, partner_contact_name,
               partner_contact_email, poe_location, poe_signed_on)
             VALUES ('n','osu-m365','1','t','d.com','teams','u','pending','x','a','x','x','x',
               'default','c','c','c@d.com','p','p@d.com','https://x','2025-01-01');
             INSERT INTO events (claim_id, at, actor, action, to_status)
             VALUES (1, 'x', 'a', 'filed', 'pending');",
        )
        .unwrap();
        let e = conn
            .execute("UPDATE events SET actor = 'b'", [])
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
        let e = conn.execute("DELETE FROM events", []).unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
        let e = conn.execute("DELETE FROM claims", []).unwrap_err();
        assert!(e.to_string().contains("never deleted"), "{e}");
    }

    /// A version-2 database with claims, domains and subscriptions gains PoE versions, pins
    /// made by the first claim naming them, a pin log, and the new history actions.
    #[test]
    fn migration_4_keeps_poe_and_domains_as_versions_and_pins() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        for sql in &MIGRATIONS[..2] {
            tx.execute_batch(sql).unwrap();
        }
        tx.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO domains VALUES ('contoso.com', 't1', '2025-01-01T00:00:00Z');
             INSERT INTO subscriptions VALUES ('s1', 't1', '2025-01-02T00:00:00Z');",
        )
        .unwrap();
        for (id, sub) in [(1, "NULL"), (2, "'s1'"), (3, "'s1'")] {
            tx.execute_batch(&format!(
                "INSERT INTO claims (name, program, partner_id, tenant_id, domain, workload,
                   subscription_id, unit_key, status, filed_at, filed_by, notified_at, deadline,
                   deadline_day, calendar, customer_name, customer_title, customer_email,
                   partner_contact_name, partner_contact_email, poe_location, poe_sha256,
                   poe_size, poe_signed_on)
                 VALUES ('n','osu-m365','1','t1','contoso.com','teams',{sub},'u{id}','withdrawn',
                   '2025-01-0{id}T00:00:00Z','ana','x','x','x','default','c','c','c@d.com','p',
                   'p@d.com','/poe{id}.pdf','ab',{id},'2025-01-01');"
            ))
            .unwrap();
        }
        tx.commit().unwrap();
        migrate(&mut conn, 7).unwrap();
        let rows = |sql: &str| -> Vec<String> {
            let mut stmt = conn.prepare(sql).unwrap();
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(
            rows(
                "SELECT claim_id || ' ' || location || ' ' || size || ' ' || added_by
                  FROM poe_versions ORDER BY id"
            ),
            [
                "1 /poe1.pdf 1 ana",
                "2 /poe2.pdf 2 ana",
                "3 /poe3.pdf 3 ana"
            ]
        );
        assert_eq!(
            rows(
                "SELECT kind || ' ' || value || ' ' || tenant_id || ' ' || by_claim
                  FROM pins ORDER BY kind"
            ),
            ["domain contoso.com t1 1", "subscription s1 t1 2"]
        );
        assert_eq!(
            rows("SELECT action || ' ' || value || ' ' || reason FROM pin_log ORDER BY id"),
            [
                "pin contoso.com named by claim 1",
                "pin s1 named by claim 2"
            ]
        );
        // The widened CHECK holds in this connection and in a new one; others still fail.
        for action in ["edited", "poe-added"] {
            conn.execute(
                "INSERT INTO events (claim_id, at, actor, action, from_status, to_status)
                 VALUES (1, 'x', 'a', ?1, 'withdrawn', 'withdrawn')",
                [action],
            )
            .unwrap();
        }
        let e = conn
            .execute(
                "INSERT INTO events (claim_id, at, actor, action, to_status)
                 VALUES (1, 'x', 'a', 'renamed', 'withdrawn')",
                [],
            )
            .unwrap_err();
        assert!(e.to_string().contains("CHECK"), "{e}");
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let e = conn.execute("DELETE FROM pin_log", []).unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
        let e = conn
            .execute("UPDATE poe_versions SET size = 0", [])
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
    }
}
