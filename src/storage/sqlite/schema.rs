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
    // 3: PLACEHOLDER, replaced at merge by the migration 3 of another branch (events, hash
    // chain). Kept empty here only so that the indexes below are number 5.
    "-- placeholder for migration 3",
    // 4: PLACEHOLDER, replaced at merge by the migration 4 of another branch (edits, PoE
    // versions, pins).
    "-- placeholder for migration 4",
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
    CREATE INDEX claims_domain ON claims (domain, filed_at);
    CREATE INDEX claims_workload ON claims (workload, filed_at);
    CREATE INDEX claims_program ON claims (program, filed_at);
    CREATE INDEX claims_unit ON claims (unit_key);
    "#,
];

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
}
