//! What `troubleshoot` asks a team database (SPEC §9): the server's version, the connected
//! login and its cpor role, the schema version, and locks others have waited for too long.
//!
//! Every query here works for any login, even one without a cpor role (it reads only the
//! catalogs, and `cpor_schema` only when the login may), so the report can say what is missing.

use super::{ADMIN_ROLE, USER_ROLE, connect, error, schema};
use crate::storage::{BackendFacts, BackendState, LockWait, RoleFacts, StorageError};
use postgres::GenericClient;

use super::Caller;

/// A lock held while others wait for it longer than this many seconds is `lock-waits`.
pub const LOCK_WAIT_SECS: u64 = 30;

/// Test-only: overrides [`LOCK_WAIT_SECS`] so a test need not hold a lock for 30 s. Not a
/// user setting.
pub const LOCK_WAIT_ENV: &str = "CPOR_TEST_LOCK_WAIT_SECS";

/// The threshold in force: [`LOCK_WAIT_SECS`], unless a test set [`LOCK_WAIT_ENV`].
pub fn lock_wait_secs() -> u64 {
    std::env::var(LOCK_WAIT_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LOCK_WAIT_SECS)
}

/// What is at `url`, for a login with or without a cpor role.
pub fn probe(url: &str) -> Result<BackendFacts, StorageError> {
    let (mut client, caller) = connect(url)?;
    facts(&mut client, &caller)
}

/// The backend's facts over an open connection.
pub fn facts(
    client: &mut impl GenericClient,
    caller: &Caller,
) -> Result<BackendFacts, StorageError> {
    let pg = |e| error::from_pg(e, caller);
    let version: String = client
        .query_one("SHOW server_version", &[])
        .map_err(pg)?
        .get(0);
    let role = role(client, caller).map_err(pg)?;
    // A login without a cpor role may not read `cpor_schema`; it learns only that it is there.
    let readable: Option<bool> = client
        .query_one(
            "SELECT CASE WHEN to_regclass('cpor_schema') IS NULL THEN NULL
                    ELSE has_table_privilege('cpor_schema', 'SELECT') END",
            &[],
        )
        .map_err(pg)?
        .get(0);
    let state = match readable {
        None => BackendState::Empty,
        Some(false) => BackendState::Unreadable,
        Some(true) => {
            match schema::stored_version(client).map_err(|e| error::from_anyhow(e, caller))? {
                None => BackendState::Empty,
                Some(v) if v > schema::LATEST_VERSION => BackendState::Newer { version: v },
                Some(v) => BackendState::Ready { version: v },
            }
        }
    };
    let lock_waits = lock_waits(client, lock_wait_secs()).map_err(pg)?;
    Ok(BackendFacts {
        backend: "PostgreSQL",
        backend_version: version,
        location: caller.location.clone(),
        state,
        size_bytes: None,
        wal_bytes: None,
        free_bytes: None,
        hot_journal: false,
        mode: None,
        latest_schema_version: schema::LATEST_VERSION,
        journal_mode: None,
        role: Some(role),
        lock_waits,
    })
}

/// The login and its cpor role: the owner of the cpor tables (of the database before
/// `cpor db migrate`; a superuser counts), else an admin, else a user, else none.
fn role(client: &mut impl GenericClient, caller: &Caller) -> Result<RoleFacts, postgres::Error> {
    let owner: bool = client
        .query_one(
            "SELECT pg_has_role(current_user, coalesce(
                 (SELECT relowner FROM pg_class WHERE oid = to_regclass('cpor_schema')),
                 (SELECT datdba FROM pg_database WHERE datname = current_database())), 'MEMBER')",
            &[],
        )?
        .get(0);
    let cpor_role = if owner {
        Some("owner")
    } else if caller.admin {
        Some(ADMIN_ROLE)
    } else if caller.member {
        Some(USER_ROLE)
    } else {
        None
    };
    Ok(RoleFacts {
        login: caller.user.clone(),
        cpor_role: cpor_role.map(str::to_string),
    })
}

/// Sessions holding a lock that a session of this database has waited for longer than
/// `threshold` seconds, longest first. `pg_locks` shows every wait to every login, so this
/// sees them whoever asks; a holder's transaction age is used when the server shows it.
fn lock_waits(
    client: &mut impl GenericClient,
    threshold: u64,
) -> Result<Vec<LockWait>, postgres::Error> {
    let rows = client.query(
        "SELECT b.pid, coalesce(a.usename::text, '?'),
                greatest(extract(epoch FROM clock_timestamp() - min(w.waitstart)),
                         coalesce(extract(epoch FROM clock_timestamp() - a.xact_start), 0))::float8,
                count(DISTINCT w.pid)
         FROM pg_locks w
         CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS b(pid)
         LEFT JOIN pg_stat_activity a ON a.pid = b.pid
         WHERE NOT w.granted
           AND w.waitstart < clock_timestamp() - make_interval(secs => $1)
           AND w.pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())
         GROUP BY b.pid, a.usename, a.xact_start
         ORDER BY 3 DESC, 1",
        &[&(threshold as f64)],
    )?;
    Ok(rows
        .iter()
        .map(|r| LockWait {
            pid: r.get(0),
            role: r.get(1),
            held_secs: r.get::<_, f64>(2).max(0.0) as u64,
            waiting: r.get::<_, i64>(3) as u64,
        })
        .collect())
}
