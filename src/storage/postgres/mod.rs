//! The PostgreSQL backend (SPEC §9): the same cpor for a team, on a server.
//!
//! A [`PgStore`] is one connection (the synchronous `postgres` crate, TLS by rustls; see
//! [`conn`]). It never creates or migrates the schema on its own: that is `cpor db migrate`,
//! run by the database owner ([`migrate`]); a database without the schema is refused naming
//! that command.
//!
//! ## Locking
//! A write transaction is `READ COMMITTED`; the rules for a unit are checked under an advisory
//! transaction lock on the unit's hash bucket, taken before the unit is read, so staff filing
//! for one unit at the same instant are serialised and the second sees the first's claim (a
//! plain `SELECT … FOR UPDATE` locks nothing while the unit is free). The `unit_holders` table,
//! kept by triggers, is the backstop. A read transaction is one `REPEATABLE READ` snapshot.
//! Waiting for a lock is bounded by `lock_timeout` (the configured busy timeout): exit 5.
//!
//! ## finalize
//! A run holds a session advisory lock from its start to its end, so a second run stops at
//! once ([`StorageError::RunInProgress`]); the due claims of each chunk are taken with
//! `FOR UPDATE SKIP LOCKED`. Filing a claim takes neither lock, so it never waits behind
//! finalize for longer than one row's update.
//!
//! ## Roles
//! The database enforces them (GRANTs, row-level security, triggers; see [`schema`]). The actor
//! of every change is the login role, which the CLI passes down as the actor.

mod bulk;
mod claims;
pub mod conn;
pub mod diagnose;
mod error;
mod other;
pub mod schema;
mod values;

pub use error::Caller;
pub use schema::{ADMIN_ROLE, USER_ROLE};

use super::{
    BackendFacts, ClaimFilter, EnrolOutcome, FinalizeRun, GroupCounts, MonthCounts, OpenOptions,
    Overdue, PartnerRecord, PinWithoutClaim, PoeFile, ReportGroup, StatusCounts, StorageError,
    Store, Txn,
};
use crate::model::{
    Claim, HistoryEvent, NewClaim, Partner, Pin, PinKind, PinLogEntry, Program, Status,
};
use crate::rules::calendar::Calendar;
use crate::rules::eligibility::{StoredFacts, UnitRequest};
use crate::rules::lifecycle::{ClaimState, Transition};
use chrono::{DateTime, NaiveDate, Utc};
use postgres::types::ToSql;
use postgres::{Row, Statement};
use std::collections::HashMap;
use std::path::Path;

/// An open connection to a cpor database on PostgreSQL.
pub struct PgStore {
    client: postgres::Client,
    caller: Caller,
    /// Statements prepared once per connection (they outlive transactions).
    cache: HashMap<String, Statement>,
}

/// A transaction on a [`PgStore`].
pub struct PgTxn<'c> {
    tx: postgres::Transaction<'c>,
    cache: &'c mut HashMap<String, Statement>,
    caller: &'c Caller,
    /// A write transaction locks what it is about to change.
    write: bool,
    /// `restore` stored claims under their own IDs: the commit advances the ID sequence.
    restored_claims: bool,
}

/// Connect to `url` as its login role; failures are [`StorageError::Unreachable`] with the
/// server's reason.
pub fn connect(url: &str) -> Result<(postgres::Client, Caller), StorageError> {
    let target = conn::Target::parse(url).map_err(|e| StorageError::Unreachable {
        location: conn::redact(url),
        detail: format!("{e:#}"),
    })?;
    let mut caller = Caller {
        location: target.shown.clone(),
        user: target.user().to_string(),
        ..Caller::default()
    };
    let mut client = target.connect().map_err(|e| StorageError::Unreachable {
        location: target.shown.clone(),
        detail: error::reason(&e),
    })?;
    let row = client
        .query_one(
            "SELECT current_user::text,
               coalesce((SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles
                         WHERE rolname = 'cpor_incentives_admin'), false),
               coalesce((SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles
                         WHERE rolname = 'cpor_incentives_user'), false)",
            &[],
        )
        .map_err(|e| error::from_pg(e, &caller))?;
    caller.user = row.get(0);
    caller.admin = row.get(1);
    caller.member = caller.admin || row.get::<_, bool>(2);
    Ok((client, caller))
}

/// The login role a URL connects as, without connecting (the actor of its commands).
pub fn login_of(url: &str) -> Option<String> {
    conn::Target::parse(url).ok().map(|t| t.user().to_string())
}

impl PgStore {
    /// Open a migrated cpor database; one without the schema (or with an older one) is
    /// refused naming `cpor db migrate`, a newer one is refused as on SQLite.
    pub fn open(url: &str, opts: &OpenOptions) -> Result<PgStore, StorageError> {
        let (mut client, caller) = connect(url)?;
        let version =
            schema::stored_version(&mut client).map_err(|e| error::from_anyhow(e, &caller))?;
        match version {
            Some(v) if v > schema::LATEST_VERSION => {
                return Err(StorageError::SchemaNewer {
                    location: caller.location.clone(),
                    version: v,
                    supported: schema::LATEST_VERSION,
                });
            }
            Some(v) if v == schema::LATEST_VERSION => {}
            _ => {
                return Err(StorageError::NotMigrated {
                    location: caller.location.clone(),
                });
            }
        }
        client
            .batch_execute(&format!(
                "SET lock_timeout = {}; SET statement_timeout = 0",
                opts.busy_timeout.as_millis().max(1)
            ))
            .map_err(|e| error::from_pg(e, &caller))?;
        Ok(PgStore {
            client,
            caller,
            cache: HashMap::new(),
        })
    }

    /// Who is connected.
    pub fn caller(&self) -> &Caller {
        &self.caller
    }
}

/// What is at `url`: the server's facts and whether the cpor schema is there.
pub fn probe(url: &str) -> Result<BackendFacts, StorageError> {
    diagnose::probe(url)
}

/// `cpor db migrate` on PostgreSQL: create or upgrade the schema and the roles. Returns the
/// version before and after.
pub fn migrate(url: &str) -> Result<(i64, i64), StorageError> {
    let (mut client, caller) = connect(url)?;
    let before = schema::stored_version(&mut client)
        .map_err(|e| error::from_anyhow(e, &caller))?
        .unwrap_or(0);
    if before > schema::LATEST_VERSION {
        return Err(StorageError::SchemaNewer {
            location: caller.location.clone(),
            version: before,
            supported: schema::LATEST_VERSION,
        });
    }
    schema::migrate(&mut client).map_err(|e| error::from_anyhow(e, &caller))?;
    Ok((before, schema::LATEST_VERSION))
}

/// Which cpor role a login gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamRole {
    User,
    Admin,
}

impl TeamRole {
    pub fn role_name(self) -> &'static str {
        match self {
            TeamRole::User => USER_ROLE,
            TeamRole::Admin => ADMIN_ROLE,
        }
    }
}

/// Quote an identifier for SQL (role names cannot be bound as parameters).
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Make `login` a member of exactly `role` (the other cpor role is revoked).
pub fn grant(url: &str, login: &str, role: TeamRole) -> Result<(), StorageError> {
    let (mut client, caller) = connect(url)?;
    let other = match role {
        TeamRole::User => TeamRole::Admin,
        TeamRole::Admin => TeamRole::User,
    };
    client
        .batch_execute(&format!(
            "GRANT {} TO {}; REVOKE {} FROM {}",
            role.role_name(),
            ident(login),
            other.role_name(),
            ident(login)
        ))
        .map_err(|e| error::from_pg(e, &caller))
}

/// Remove `login` from both cpor roles.
pub fn revoke(url: &str, login: &str) -> Result<(), StorageError> {
    let (mut client, caller) = connect(url)?;
    client
        .batch_execute(&format!(
            "REVOKE {USER_ROLE} FROM {l}; REVOKE {ADMIN_ROLE} FROM {l}",
            l = ident(login)
        ))
        .map_err(|e| error::from_pg(e, &caller))
}

/// Every member of the two cpor roles: `(login, role)`, by login.
pub fn role_members(url: &str) -> Result<Vec<(String, TeamRole)>, StorageError> {
    let (mut client, caller) = connect(url)?;
    let rows = client
        .query(
            "SELECT m.rolname::text, r.rolname::text FROM pg_auth_members a
             JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
             WHERE r.rolname IN ('cpor_incentives_user','cpor_incentives_admin')
             ORDER BY m.rolname, r.rolname",
            &[],
        )
        .map_err(|e| error::from_pg(e, &caller))?;
    Ok(rows
        .iter()
        .map(|r| {
            let role = if r.get::<_, &str>(1) == ADMIN_ROLE {
                TeamRole::Admin
            } else {
                TeamRole::User
            };
            (r.get(0), role)
        })
        .collect())
}

impl Store for PgStore {
    fn write(&mut self) -> Result<Box<dyn Txn + '_>, StorageError> {
        let tx = self
            .client
            .transaction()
            .map_err(|e| error::from_pg(e, &self.caller))?;
        Ok(Box::new(PgTxn {
            tx,
            cache: &mut self.cache,
            caller: &self.caller,
            write: true,
            restored_claims: false,
        }))
    }

    fn read(&mut self) -> Result<Box<dyn Txn + '_>, StorageError> {
        let tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| error::from_pg(e, &self.caller))?;
        Ok(Box::new(PgTxn {
            tx,
            cache: &mut self.cache,
            caller: &self.caller,
            write: false,
            restored_claims: false,
        }))
    }

    fn facts(&mut self) -> Result<BackendFacts, StorageError> {
        diagnose::facts(&mut self.client, &self.caller)
    }

    fn backup_to(&mut self, _dest: &Path) -> Result<u64, StorageError> {
        Err(StorageError::BackupUnsupported {
            location: self.caller.location.clone(),
        })
    }

    /// Commits on the server are as durable as its configuration makes them.
    fn relax_durability(&mut self, _relaxed: bool) -> Result<(), StorageError> {
        Ok(())
    }
}

impl PgTxn<'_> {
    /// The statement for `sql`, prepared once per connection.
    fn stmt(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(s) = self.cache.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql)?;
        self.cache.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> anyhow::Result<Vec<Row>> {
        let s = self.stmt(sql)?;
        Ok(self.tx.query(&s, params)?)
    }

    fn query_one(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> anyhow::Result<Row> {
        let s = self.stmt(sql)?;
        Ok(self.tx.query_one(&s, params)?)
    }

    fn query_opt(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> anyhow::Result<Option<Row>> {
        let s = self.stmt(sql)?;
        Ok(self.tx.query_opt(&s, params)?)
    }

    fn exec(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> anyhow::Result<u64> {
        let s = self.stmt(sql)?;
        Ok(self.tx.execute(&s, params)?)
    }
}

/// Delegate each [`Txn`] query to the inherent method of the same name (in this module's
/// files), mapping its error once.
macro_rules! delegate {
    ($( fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) -> $ret:ty; )*) => {
        $(
            fn $name(&mut self $(, $arg: $ty)*) -> Result<$ret, StorageError> {
                let caller = self.caller;
                PgTxn::$name(self $(, $arg)*).map_err(|e| error::from_anyhow(e, caller))
            }
        )*
    };
}

impl Txn for PgTxn<'_> {
    delegate! {
        fn unit_facts(&mut self, req: &UnitRequest) -> StoredFacts;
        fn insert_claim(&mut self, claim: &NewClaim) -> i64;
        fn apply(&mut self, transition: &Transition, recorded_at: DateTime<Utc>, actor: &str) -> ();
        fn finalize_chunk(&mut self, transitions: &[Transition], recorded_at: DateTime<Utc>, actor: &str) -> ();
        fn claim(&mut self, id: i64) -> Option<Claim>;
        fn history(&mut self, id: i64) -> Vec<HistoryEvent>;
        fn each_history(&mut self, visit: &mut dyn FnMut(i64, Status, &[HistoryEvent])) -> ();
        fn list_claims(&mut self, filter: &ClaimFilter) -> Vec<Claim>;
        fn count_claims(&mut self, filter: &ClaimFilter) -> u64;
        fn for_each_claim(&mut self, filter: &ClaimFilter, each: &mut dyn FnMut(Claim) -> anyhow::Result<()>) -> ();
        fn claims_on_unit(&mut self, unit_key: &str) -> Vec<Claim>;
        fn active_claims_of_tenant(&mut self, tenant: &str, workloads: &[String]) -> Vec<Claim>;
        fn due_claims(&mut self, now: DateTime<Utc>, limit: Option<u64>) -> Vec<ClaimState>;
        fn pending_summary(&mut self, now: DateTime<Utc>) -> (u64, Option<DateTime<Utc>>);
        fn partner(&mut self, partner_id: &str) -> Option<Partner>;
        fn partners(&mut self) -> Vec<Partner>;
        fn enrol(&mut self, partner_id: &str, name: Option<&str>, programs: &[Program], now: DateTime<Utc>) -> EnrolOutcome;
        fn unenrol(&mut self, partner_id: &str, programs: &[Program]) -> Vec<Program>;
        fn remove_partner(&mut self, partner_id: &str) -> bool;
        fn calendar(&mut self, name: &str) -> Option<Calendar>;
        fn calendar_names(&mut self) -> Vec<String>;
        fn save_calendar(&mut self, cal: &Calendar) -> ();
        fn add_holiday(&mut self, calendar: &str, day: NaiveDate, label: Option<&str>) -> bool;
        fn remove_holiday(&mut self, calendar: &str, day: NaiveDate) -> bool;
        fn start_finalize_run(&mut self, now: DateTime<Utc>, actor: &str) -> i64;
        fn count_finalized(&mut self, run: i64, n: u64) -> ();
        fn finish_finalize_run(&mut self, run: i64, now: DateTime<Utc>) -> ();
        fn last_finalize_run(&mut self) -> Option<FinalizeRun>;
        fn schema_version(&mut self) -> i64;
        fn integrity_check(&mut self) -> Vec<String>;
        fn overdue(&mut self, now: DateTime<Utc>, cap: Option<u64>) -> Overdue;
        fn active_poe_files(&mut self) -> Vec<PoeFile>;
        fn claim_count(&mut self, cap: Option<u64>) -> u64;
        fn pin(&mut self, kind: PinKind, value: &str) -> Option<Pin>;
        fn pins_of_tenant(&mut self, tenant: &str) -> Vec<Pin>;
        fn pin_log(&mut self, tenant: &str) -> Vec<PinLogEntry>;
        fn add_pin(&mut self, entry: &PinLogEntry, by_claim: i64) -> bool;
        fn remove_pin(&mut self, entry: &PinLogEntry) -> bool;
        fn claim_counts_of_tenant(&mut self, tenant: &str) -> StatusCounts;
        fn record_edit(&mut self, claim: &Claim, event: &HistoryEvent) -> ();
        fn add_poe(&mut self, claim_id: i64, event: &HistoryEvent) -> ();
        fn official_between(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Claim>;
        fn active_with_poe_signed_before(&mut self, day: NaiveDate) -> Vec<Claim>;
        fn report_groups(&mut self, group: ReportGroup, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<GroupCounts>;
        fn report_months(&mut self, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<MonthCounts>;
        fn holds_data(&mut self) -> bool;
        fn pin_without_claim(&mut self) -> Option<PinWithoutClaim>;
        fn dump_partners(&mut self, each: &mut dyn FnMut(PartnerRecord) -> anyhow::Result<()>) -> ();
        fn dump_pins(&mut self, each: &mut dyn FnMut(Pin) -> anyhow::Result<()>) -> ();
        fn dump_pin_log(&mut self, each: &mut dyn FnMut(PinLogEntry) -> anyhow::Result<()>) -> ();
        fn dump_claims(&mut self, each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>) -> ();
        fn export_claims(&mut self, filter: &ClaimFilter, each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>) -> ();
        fn dump_finalize_runs(&mut self, each: &mut dyn FnMut(FinalizeRun) -> anyhow::Result<()>) -> ();
        fn restore_partner(&mut self, partner: &PartnerRecord) -> ();
        fn restore_pin(&mut self, pin: &Pin) -> ();
        fn restore_pin_event(&mut self, entry: &PinLogEntry) -> ();
        fn restore_claim(&mut self, claim: &Claim, history: &[HistoryEvent]) -> ();
        fn restore_finalize_run(&mut self, run: &FinalizeRun) -> ();
    }

    fn commit(mut self: Box<Self>) -> Result<(), StorageError> {
        let caller = self.caller;
        self.advance_claim_ids()
            .map_err(|e| error::from_anyhow(e, caller))?;
        self.tx.commit().map_err(|e| error::from_pg(e, caller))
    }
}
