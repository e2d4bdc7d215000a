//! The PostgreSQL schema: its own SQL text, versions tracked in the table `cpor_schema`, the
//! two incentive roles with their GRANTs and row-level security, and the triggers that keep
//! history append-only and one partner per unit.
//!
//! Versions count the schema's features the same way as SQLite's `user_version`, so the first
//! PostgreSQL migration brings an empty database straight to the version whose tables it
//! creates; a later feature adds one entry to both backends' lists.

use anyhow::Context;

/// The role of Partner Center's *Incentives user*.
pub const USER_ROLE: &str = "cpor_incentives_user";
/// The role of Partner Center's *Incentives admin*.
pub const ADMIN_ROLE: &str = "cpor_incentives_admin";

/// `(version, SQL)`: each entry takes the schema to `version`, in one transaction.
/// Text columns compare byte by byte (`COLLATE "C"`), as in SQLite: stored instants are
/// fixed-width UTC text whose order is their byte order, whatever the database's locale.
pub const MIGRATIONS: &[(i64, &str)] = &[(5, V5)];

/// The schema version this binary writes on PostgreSQL.
pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

const V5: &str = r#"
CREATE TABLE partners (
    partner_id  text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    added_at    text COLLATE "C" NOT NULL
);
CREATE TABLE enrolments (
    partner_id  text COLLATE "C" NOT NULL REFERENCES partners(partner_id) ON DELETE CASCADE,
    program     text COLLATE "C" NOT NULL CHECK (program IN ('osa-sell','osu-m365','osu-bizapps')),
    enrolled_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (partner_id, program)
);
CREATE TABLE calendars (
    name     text COLLATE "C" PRIMARY KEY,
    tz       text NOT NULL,
    weekend  text NOT NULL,
    cutoff   text
);
CREATE TABLE holidays (
    calendar text COLLATE "C" NOT NULL REFERENCES calendars(name) ON DELETE CASCADE,
    day      text COLLATE "C" NOT NULL,
    label    text,
    PRIMARY KEY (calendar, day)
);
INSERT INTO calendars (name, tz, weekend, cutoff) VALUES ('default', 'UTC', 'sat,sun', NULL);

CREATE TABLE claims (
    id                    bigserial PRIMARY KEY,
    name                  text NOT NULL,
    program               text COLLATE "C" NOT NULL CHECK (program IN ('osa-sell','osu-m365','osu-bizapps')),
    partner_id            text COLLATE "C" NOT NULL,
    tenant_id             text COLLATE "C" NOT NULL,
    domain                text COLLATE "C" NOT NULL,
    workload              text COLLATE "C" NOT NULL,
    subscription_id       text COLLATE "C",
    channel               text CHECK (channel IN ('vl','web-direct','csp')),
    unit_key              text COLLATE "C" NOT NULL,
    status                text COLLATE "C" NOT NULL CHECK (status IN ('pending','official','opted-out','withdrawn')),
    filed_at              text COLLATE "C" NOT NULL,
    filed_by              text NOT NULL,
    notified_at           text COLLATE "C" NOT NULL,
    deadline              text COLLATE "C" NOT NULL,
    deadline_day          text COLLATE "C" NOT NULL,
    calendar              text NOT NULL,
    official_at           text COLLATE "C",
    opted_out_at          text COLLATE "C",
    opt_out_in_window     boolean,
    withdrawn_at          text COLLATE "C",
    end_reason            text,
    customer_name         text NOT NULL,
    customer_title        text NOT NULL,
    customer_email        text NOT NULL,
    technical_name        text,
    technical_title       text,
    technical_email       text,
    partner_contact_name  text NOT NULL,
    partner_contact_email text NOT NULL,
    poe_location          text NOT NULL,
    poe_sha256            text,
    poe_size              bigint,
    poe_signed_on         text COLLATE "C" NOT NULL,
    purchase_date         text,
    comment               text,
    warnings              text NOT NULL DEFAULT '[]'
);
-- The backstop under the rules: one active claim per unit and program...
CREATE UNIQUE INDEX claims_active_unit ON claims (unit_key, program)
    WHERE status IN ('pending','official');
CREATE INDEX claims_pending_deadline ON claims (deadline, id) WHERE status = 'pending';
CREATE INDEX claims_filed ON claims (filed_at, id);
CREATE INDEX claims_status_filed ON claims (status, filed_at, id);
CREATE INDEX claims_deadline ON claims (deadline, id);
CREATE INDEX claims_partner ON claims (partner_id, filed_at, id);
CREATE INDEX claims_tenant ON claims (tenant_id, filed_at, id);
CREATE INDEX claims_domain ON claims (domain, filed_at, id);
CREATE INDEX claims_workload ON claims (workload, filed_at, id);
CREATE INDEX claims_program ON claims (program, filed_at, id);
CREATE INDEX claims_unit ON claims (unit_key);
CREATE INDEX claims_official ON claims (official_at) WHERE official_at IS NOT NULL;

-- ...and one partner per unit across programs: the partner holding each unit, kept by
-- triggers. Two transactions filing for one free unit both insert here and the second waits on
-- the first's key, then fails instead of both succeeding (the rules run under a per-unit
-- advisory lock first, so this only fires on a bug or a session bypassing cpor).
CREATE TABLE unit_holders (
    unit_key    text COLLATE "C" PRIMARY KEY,
    partner_id  text COLLATE "C" NOT NULL,
    claims      integer NOT NULL CHECK (claims > 0)
);
CREATE FUNCTION cpor_unit_holders() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    was boolean := TG_OP = 'UPDATE' AND OLD.status IN ('pending','official');
    now_active boolean := NEW.status IN ('pending','official');
BEGIN
    IF now_active AND NOT was THEN
        INSERT INTO unit_holders AS h (unit_key, partner_id, claims)
            VALUES (NEW.unit_key, NEW.partner_id, 1)
            ON CONFLICT (unit_key) DO UPDATE SET claims = h.claims + 1
            WHERE h.partner_id = EXCLUDED.partner_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'cpor: unit already held by another partner'
                USING ERRCODE = 'unique_violation';
        END IF;
    ELSIF was AND NOT now_active THEN
        DELETE FROM unit_holders WHERE unit_key = OLD.unit_key AND claims = 1;
        IF NOT FOUND THEN
            UPDATE unit_holders SET claims = claims - 1 WHERE unit_key = OLD.unit_key;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_unit_holders AFTER INSERT OR UPDATE OF status ON claims
    FOR EACH ROW EXECUTE FUNCTION cpor_unit_holders();

CREATE FUNCTION cpor_refuse(msg text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', msg USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION cpor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cpor: % is append-only: % refused', TG_ARGV[0], TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION cpor_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'cpor_incentives_admin', 'MEMBER')
$$;

CREATE FUNCTION cpor_claims_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cpor: claims are never deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER claims_never_deleted BEFORE DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION cpor_claims_never_deleted();
CREATE TRIGGER claims_never_truncated BEFORE TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION cpor_claims_never_deleted();
ALTER TABLE claims ENABLE ALWAYS TRIGGER claims_never_deleted;
ALTER TABLE claims ENABLE ALWAYS TRIGGER claims_never_truncated;

CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    claim_id    bigint NOT NULL REFERENCES claims(id),
    at          text COLLATE "C" NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL CHECK (action IN ('filed','finalized','opted-out','withdrawn','edited','poe-added')),
    from_status text,
    to_status   text NOT NULL,
    reason      text,
    prev_hash   text,
    hash        text,
    changes     text,
    poe         text
);
CREATE INDEX events_claim ON events (claim_id, id);

-- Only an admin makes a claim official or records an opt-out, whoever filed it.
CREATE FUNCTION cpor_events_by_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action IN ('finalized','opted-out') AND NOT cpor_is_admin() THEN
        PERFORM cpor_refuse(format('only cpor_incentives_admin may record %s claims', NEW.action));
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER events_by_role BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION cpor_events_by_role();

-- A claim's status always equals the `to` of its last event: the event is written first.
CREATE FUNCTION cpor_status_follows_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IS DISTINCT FROM (
        SELECT to_status FROM events WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1) THEN
        RAISE EXCEPTION 'cpor: a status change needs its history event first';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER claims_status_follows_history BEFORE UPDATE OF status ON claims
    FOR EACH ROW EXECUTE FUNCTION cpor_status_follows_history();

CREATE TABLE finalize_runs (
    id          bigserial PRIMARY KEY,
    started_at  text COLLATE "C" NOT NULL,
    finished_at text COLLATE "C",
    actor       text NOT NULL,
    finalized   bigint NOT NULL DEFAULT 0
);

CREATE TABLE poe_versions (
    id          bigserial PRIMARY KEY,
    claim_id    bigint NOT NULL REFERENCES claims(id),
    location    text NOT NULL,
    sha256      text,
    size        bigint,
    signed_on   text COLLATE "C" NOT NULL,
    added_at    text COLLATE "C" NOT NULL,
    added_by    text NOT NULL
);
CREATE INDEX poe_versions_claim ON poe_versions (claim_id, id);

CREATE TABLE pins (
    kind        text COLLATE "C" NOT NULL CHECK (kind IN ('domain','subscription')),
    value       text COLLATE "C" NOT NULL,
    tenant_id   text COLLATE "C" NOT NULL,
    since       text COLLATE "C" NOT NULL,
    -- Deferrable: `restore` loads pins before the claims that made them.
    by_claim    bigint REFERENCES claims(id) DEFERRABLE INITIALLY IMMEDIATE,
    PRIMARY KEY (kind, value)
);
CREATE INDEX pins_tenant ON pins (tenant_id);
CREATE INDEX pins_by_claim ON pins (by_claim);
CREATE TABLE pin_log (
    id          bigserial PRIMARY KEY,
    at          text COLLATE "C" NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL CHECK (action IN ('pin','unpin')),
    kind        text NOT NULL CHECK (kind IN ('domain','subscription')),
    value       text COLLATE "C" NOT NULL,
    tenant_id   text COLLATE "C" NOT NULL,
    reason      text
);
CREATE INDEX pin_log_tenant ON pin_log (tenant_id, id);

-- History, PoE versions and the pin log are append-only for everyone, the owner and a
-- superuser's session included (ENABLE ALWAYS fires under session_replication_role too).
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION cpor_append_only('history');
CREATE TRIGGER events_never_truncated BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION cpor_append_only('history');
ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only;
ALTER TABLE events ENABLE ALWAYS TRIGGER events_never_truncated;
CREATE TRIGGER poe_versions_append_only BEFORE UPDATE OR DELETE ON poe_versions
    FOR EACH ROW EXECUTE FUNCTION cpor_append_only('PoE versions');
CREATE TRIGGER poe_versions_never_truncated BEFORE TRUNCATE ON poe_versions
    FOR EACH STATEMENT EXECUTE FUNCTION cpor_append_only('PoE versions');
ALTER TABLE poe_versions ENABLE ALWAYS TRIGGER poe_versions_append_only;
ALTER TABLE poe_versions ENABLE ALWAYS TRIGGER poe_versions_never_truncated;
CREATE TRIGGER pin_log_append_only BEFORE UPDATE OR DELETE ON pin_log
    FOR EACH ROW EXECUTE FUNCTION cpor_append_only('the pin log');
CREATE TRIGGER pin_log_never_truncated BEFORE TRUNCATE ON pin_log
    FOR EACH STATEMENT EXECUTE FUNCTION cpor_append_only('the pin log');
ALTER TABLE pin_log ENABLE ALWAYS TRIGGER pin_log_append_only;
ALTER TABLE pin_log ENABLE ALWAYS TRIGGER pin_log_never_truncated;

-- Roles: users read everything, file claims and change the claims they filed; admins do
-- everything. Row-level security ties a user's changes to `filed_by = current_user`.
GRANT USAGE ON SCHEMA public TO cpor_incentives_user, cpor_incentives_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO cpor_incentives_user, cpor_incentives_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cpor_incentives_user, cpor_incentives_admin;
GRANT INSERT, UPDATE ON claims TO cpor_incentives_user;
GRANT INSERT ON events, poe_versions, pins, pin_log TO cpor_incentives_user;
GRANT INSERT, UPDATE, DELETE ON partners, enrolments, calendars, holidays, pins
    TO cpor_incentives_admin;
GRANT INSERT, UPDATE ON claims, finalize_runs TO cpor_incentives_admin;
GRANT INSERT ON events, poe_versions, pin_log TO cpor_incentives_admin;

-- `restore` stores claims under their own IDs; this moves the ID sequence past them (only
-- forwards) for an admin, who may not set sequences otherwise.
CREATE FUNCTION cpor_advance_claim_ids() RETURNS void LANGUAGE sql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT setval('claims_id_seq', m.id) FROM (SELECT max(id) AS id FROM claims) m,
        claims_id_seq s
    WHERE m.id IS NOT NULL AND (m.id > s.last_value OR NOT s.is_called)
$$;
REVOKE EXECUTE ON FUNCTION cpor_advance_claim_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpor_advance_claim_ids() TO cpor_incentives_admin;

ALTER TABLE claims ENABLE ROW LEVEL SECURITY;
CREATE POLICY claims_read ON claims FOR SELECT USING (true);
CREATE POLICY claims_file ON claims FOR INSERT
    WITH CHECK (filed_by = current_user OR cpor_is_admin());
-- USING (true) so that a refused change is an error rather than a silently skipped row.
CREATE POLICY claims_change ON claims FOR UPDATE USING (true)
    WITH CHECK (filed_by = current_user OR cpor_is_admin());
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT USING (true);
CREATE POLICY events_append ON events FOR INSERT WITH CHECK (cpor_is_admin() OR EXISTS (
    SELECT 1 FROM claims c WHERE c.id = claim_id AND c.filed_by = current_user));
ALTER TABLE poe_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY poe_versions_read ON poe_versions FOR SELECT USING (true);
CREATE POLICY poe_versions_append ON poe_versions FOR INSERT WITH CHECK (cpor_is_admin() OR
    EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id AND c.filed_by = current_user));
"#;

/// Create the two roles when the cluster lacks them (roles are cluster-wide; creating them
/// needs CREATEROLE, which the database owner usually has on a team server).
pub const ROLES: &str = r#"
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cpor_incentives_user') THEN
        CREATE ROLE cpor_incentives_user NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cpor_incentives_admin') THEN
        CREATE ROLE cpor_incentives_admin NOLOGIN;
    END IF;
END $$;
"#;

/// The stored schema version, `None` without the cpor schema.
pub fn stored_version(client: &mut impl postgres::GenericClient) -> anyhow::Result<Option<i64>> {
    let exists: bool = client
        .query_one("SELECT to_regclass('cpor_schema') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(None);
    }
    Ok(client
        .query_one("SELECT max(version) FROM cpor_schema", &[])?
        .get::<_, Option<i64>>(0))
}

/// Create or upgrade the schema and the roles; returns the versions applied. Migrations run
/// one per transaction under an advisory lock, so two concurrent runs migrate once.
pub fn migrate(client: &mut postgres::Client) -> anyhow::Result<Vec<i64>> {
    client
        .batch_execute(ROLES)
        .context("could not create the cpor roles")?;
    let mut applied = Vec::new();
    loop {
        let mut tx = client.transaction()?;
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(hashtext('cpor migrate'));
             CREATE TABLE IF NOT EXISTS cpor_schema (
                 version    bigint PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now(),
                 applied_by text NOT NULL DEFAULT current_user
             );
             GRANT SELECT ON cpor_schema TO cpor_incentives_user, cpor_incentives_admin;",
        )?;
        let version = stored_version(&mut tx)?.unwrap_or(0);
        let Some((to, sql)) = MIGRATIONS.iter().find(|(v, _)| *v > version) else {
            tx.commit()?;
            return Ok(applied);
        };
        tx.batch_execute(sql)
            .with_context(|| format!("schema migration {to} failed"))?;
        tx.execute("INSERT INTO cpor_schema (version) VALUES ($1)", &[to])?;
        tx.commit()
            .with_context(|| format!("could not commit schema migration {to}"))?;
        applied.push(*to);
    }
}
