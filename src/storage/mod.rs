//! Storage: the only module that speaks SQL, behind one backend-neutral interface.
//!
//! Commands [`open`] a [`Store`] at a [`Location`] and work through transactions: a write
//! transaction ([`Store::write`]) takes the write lock before it reads anything, a read
//! transaction ([`Store::read`]) is a consistent snapshot. Every query a command needs is a
//! typed method of [`Txn`]; dropping a transaction without [`Txn::commit`] rolls it back. The
//! closure helpers [`write`] and [`read`] commit on `Ok` and roll back on `Err`.
//!
//! Failures are a typed [`StorageError`]; the CLI turns it into its own error (codes, hints,
//! exit status) in one place, so nothing here words a hint for the user. Diagnostics
//! (`troubleshoot`, `backup`) ask the backend for its [`BackendFacts`] instead of reading files.
//!
//! The SQLite implementation lives in [`sqlite`]. A second backend implements the same two
//! traits and adds a [`Location`] variant; `cli` and `rules` do not change.

#[cfg(feature = "postgres")]
pub mod postgres;
pub mod sqlite;
mod stored;

/// The schema version this binary writes. Versions number the schema's features, so every
/// backend's migrations count the same way.
pub use sqlite::LATEST_VERSION;

use crate::model::{
    Claim, HistoryEvent, NewClaim, Partner, Pin, PinKind, PinLogEntry, Program, Status,
};
use crate::rules::calendar::Calendar;
use crate::rules::eligibility::{StoredFacts, UnitRequest};
use crate::rules::lifecycle::{ClaimState, Transition};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where a cpor database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL database: its `postgres://` or `postgresql://` URL (SPEC §9). Shown with
    /// the password redacted.
    Postgres(String),
}

impl Location {
    /// A `--db` / `CPOR_DB` / config `db` value: a URL names PostgreSQL, anything else a file.
    pub fn from_setting(value: PathBuf) -> Location {
        match value.to_str() {
            Some(s) if is_postgres_url(s) => Location::Postgres(s.to_string()),
            _ => Location::Sqlite(value),
        }
    }

    /// Whether this is the team backend.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Location::Postgres(_))
    }
}

/// Whether a database setting is a PostgreSQL URL.
pub fn is_postgres_url(s: &str) -> bool {
    let lower = s.get(..13).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A URL as shown to users: its password replaced by `***`.
pub fn redact_url(url: &str) -> String {
    #[cfg(feature = "postgres")]
    {
        postgres::conn::redact(url)
    }
    #[cfg(not(feature = "postgres"))]
    {
        match (url.find("://"), url.find('@')) {
            (Some(s), Some(at)) if s < at => format!("{}***{}", &url[..s + 3], &url[at..]),
            _ => url.to_string(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&redact_url(url)),
        }
    }
}

/// Journal modes cpor accepts (config `journal_mode`). WAL is the default; a database on a
/// network filesystem, where WAL's shared memory does not work, should use `delete`. Backends
/// without a journal of their own ignore it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalMode {
    Wal,
    Delete,
    Truncate,
    Persist,
}

impl JournalMode {
    pub fn as_str(self) -> &'static str {
        match self {
            JournalMode::Wal => "wal",
            JournalMode::Delete => "delete",
            JournalMode::Truncate => "truncate",
            JournalMode::Persist => "persist",
        }
    }
}

impl std::str::FromStr for JournalMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "wal" => Ok(JournalMode::Wal),
            "delete" => Ok(JournalMode::Delete),
            "truncate" => Ok(JournalMode::Truncate),
            "persist" => Ok(JournalMode::Persist),
            _ => Err(format!(
                "unknown journal mode '{s}'; expected wal, delete, truncate or persist"
            )),
        }
    }
}

/// Whether opening may create the database. Each command decides: one that may write creates
/// it; one that only reads, a dry run, or one that would write nothing to a missing database
/// opens only an existing one, so a mistyped `--db` never leaves an empty database behind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the database (and its directory) when missing.
    #[default]
    Create,
    /// Fail with [`StorageError::Missing`] when there is nothing at the location; never create
    /// a file or directory.
    Existing,
}

/// How to open a database.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long a writer waits for the lock before giving up with [`StorageError::Busy`].
    pub busy_timeout: Duration,
    pub journal_mode: JournalMode,
    pub mode: OpenMode,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_millis(10_000),
            journal_mode: JournalMode::Wal,
            mode: OpenMode::Create,
        }
    }
}

/// Open the database at `loc` for commands: created when missing (unless `opts.mode` is
/// [`OpenMode::Existing`]), refused when it is not a cpor database this binary understands,
/// migrated when older.
pub fn open(loc: &Location, opts: &OpenOptions) -> Result<Box<dyn Store>, StorageError> {
    match loc {
        Location::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open(path, opts)?)),
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => Ok(Box::new(postgres::PgStore::open(url, opts)?)),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres(url) => Err(no_postgres(url)),
    }
}

/// Open an existing cpor database for diagnostics: never created, migrated or written. Call
/// [`probe`] first; this refuses anything but [`BackendState::Ready`] and [`BackendState::Newer`]
/// is not opened either.
pub fn open_read_only(loc: &Location) -> Result<Box<dyn Store>, StorageError> {
    match loc {
        Location::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open_read_only(path)?)),
        // The server gives every transaction a snapshot and cpor's reads write nothing.
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => Ok(Box::new(postgres::PgStore::open(
            url,
            &OpenOptions::default(),
        )?)),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres(url) => Err(no_postgres(url)),
    }
}

/// What is at `loc`, without opening it as a database and without writing anything.
pub fn probe(loc: &Location) -> Result<BackendFacts, StorageError> {
    match loc {
        Location::Sqlite(path) => sqlite::probe(path),
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => postgres::probe(url),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres(url) => Err(no_postgres(url)),
    }
}

/// Create or upgrade the schema at `loc` (`cpor db migrate`); returns the schema version
/// before and after. On SQLite this is what the first write does anyway (the file is created
/// when missing); on PostgreSQL it also creates the two incentive roles.
pub fn migrate(loc: &Location, opts: &OpenOptions) -> Result<(i64, i64), StorageError> {
    match loc {
        Location::Sqlite(path) => {
            let before = probe(loc)?.schema_version().unwrap_or(0);
            let opts = OpenOptions {
                mode: OpenMode::Create,
                ..opts.clone()
            };
            sqlite::SqliteStore::open(path, &opts)?;
            Ok((before, LATEST_VERSION))
        }
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => postgres::migrate(url),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres(url) => Err(no_postgres(url)),
    }
}

#[cfg(not(feature = "postgres"))]
fn no_postgres(url: &str) -> StorageError {
    StorageError::Unreachable {
        location: redact_url(url),
        detail: "this cpor was built without the `postgres` feature".into(),
    }
}

/// What a location holds, as far as cpor is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendState {
    /// Nothing there yet.
    Missing,
    /// A database with no cpor data: the first write sets it up.
    Empty,
    /// Not a database at all.
    NotADatabase,
    /// A database of another application.
    Foreign { application_id: i64 },
    /// A cpor database with a schema newer than this binary.
    Newer { version: i64 },
    /// A cpor database this binary can use (it may still need a migration).
    Ready { version: i64 },
    /// (PostgreSQL) A cpor database the connected login may not read: it holds no cpor role.
    Unreadable,
}

/// What troubleshoot and backup ask the backend instead of reading its files themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendFacts {
    /// The backend's name, e.g. "SQLite".
    pub backend: &'static str,
    /// The backend library's or server's version.
    pub backend_version: String,
    /// The location as shown to users.
    pub location: String,
    pub state: BackendState,
    /// Size of the database file, for file-based backends.
    pub size_bytes: Option<u64>,
    /// Size of the write-ahead log beside the file, when there is one.
    pub wal_bytes: Option<u64>,
    /// Free bytes on the filesystem holding the database, for file-based backends.
    pub free_bytes: Option<u64>,
    /// An interrupted write waits to be rolled back by the next command; what is read is the
    /// committed state without it.
    pub hot_journal: bool,
    /// Unix permission bits of the database file, for file-based backends.
    pub mode: Option<u32>,
    /// The schema version this binary writes.
    pub latest_schema_version: i64,
    /// The journal mode, known once the database is open.
    pub journal_mode: Option<String>,
    /// (PostgreSQL) The connected login and its cpor role; `None` on SQLite.
    pub role: Option<RoleFacts>,
    /// (PostgreSQL) Locks other sessions have waited for longer than the threshold; empty on
    /// SQLite.
    pub lock_waits: Vec<LockWait>,
}

/// Who is connected to a team database, and what cpor lets it do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFacts {
    /// The login role (the actor of its commands).
    pub login: String,
    /// `cpor_incentives_admin`, `cpor_incentives_user` or `owner`; `None` when it has none.
    pub cpor_role: Option<String>,
}

/// A session holding a lock that others have waited for longer than the threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockWait {
    /// The holder's server process ID.
    pub pid: i32,
    /// The holder's login role.
    pub role: String,
    /// How long it has held the lock, at least: its transaction's age when the server shows
    /// it, else how long the longest waiter has waited.
    pub held_secs: u64,
    /// How many sessions wait for it.
    pub waiting: u64,
}

impl BackendFacts {
    /// The stored schema version, when the location holds a cpor database.
    pub fn schema_version(&self) -> Option<i64> {
        match self.state {
            BackendState::Ready { version } | BackendState::Newer { version } => Some(version),
            _ => None,
        }
    }
}

/// An open database.
pub trait Store {
    /// Begin a write transaction; the write lock is taken before anything is read.
    fn write(&mut self) -> Result<Box<dyn Txn + '_>, StorageError>;
    /// Begin a read transaction (a consistent snapshot).
    fn read(&mut self) -> Result<Box<dyn Txn + '_>, StorageError>;
    /// The backend's facts about this database.
    fn facts(&mut self) -> Result<BackendFacts, StorageError>;
    /// Write a consistent copy of the database to the new file `dest` (mode 0600, never
    /// overwritten); returns its size in bytes. Safe while others write.
    fn backup_to(&mut self, dest: &Path) -> Result<u64, StorageError>;
    /// Whether the following commits may skip the flush to stable storage (call between
    /// transactions). Only for work that is re-runnable: a crash may lose such commits (never
    /// half of one), and the next durable commit makes all of them durable. Backends whose
    /// commits are always durable ignore it.
    fn relax_durability(&mut self, relaxed: bool) -> Result<(), StorageError>;
}

/// Run `f` in one write transaction; commit if it returns `Ok`, roll back otherwise.
pub fn write<T>(
    store: &mut dyn Store,
    f: impl FnOnce(&mut dyn Txn) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut txn = store.write()?;
    let out = f(&mut *txn)?;
    txn.commit()?;
    Ok(out)
}

/// Run `f` in one read transaction.
pub fn read<T>(
    store: &mut dyn Store,
    f: impl FnOnce(&mut dyn Txn) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut txn = store.read()?;
    let out = f(&mut *txn)?;
    txn.commit()?;
    Ok(out)
}

/// A transaction: every query the commands make. Dropping it without [`Txn::commit`] rolls it
/// back.
pub trait Txn {
    // Claims and their history.

    /// Everything stored that the eligibility rules need for `req`.
    fn unit_facts(&mut self, req: &UnitRequest) -> Result<StoredFacts, StorageError>;
    /// Record a new claim and its `filed` event; remember its domain and subscription for its
    /// tenant. Returns the new claim's ID.
    fn insert_claim(&mut self, claim: &NewClaim) -> Result<i64, StorageError>;
    /// Apply a lifecycle transition and append its history event, recorded at `recorded_at`
    /// by `actor`. Fails with [`StorageError::Conflict`] when the claim is no longer in
    /// `transition.from`.
    fn apply(
        &mut self,
        transition: &Transition,
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> Result<(), StorageError>;
    /// Apply several transitions, each as [`Txn::apply`] would, all or none: a finalize chunk
    /// (every one making a pending claim official) through [`Txn::finalize_chunk`], anything
    /// else one by one.
    fn apply_all(
        &mut self,
        transitions: &[Transition],
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> Result<(), StorageError> {
        if stored::is_finalize_chunk(transitions) {
            return self.finalize_chunk(transitions, recorded_at, actor);
        }
        for t in transitions {
            self.apply(t, recorded_at, actor)?;
        }
        Ok(())
    }
    /// Make every claim of `transitions` (each from pending to official, at least two) official
    /// with its history event, all or none, set-based: a few statements for the whole chunk
    /// instead of a few per claim. A claim no longer pending fails it as a conflict.
    fn finalize_chunk(
        &mut self,
        transitions: &[Transition],
        recorded_at: DateTime<Utc>,
        actor: &str,
    ) -> Result<(), StorageError>;
    /// One claim.
    fn claim(&mut self, id: i64) -> Result<Option<Claim>, StorageError>;
    /// A claim's history, oldest first.
    fn history(&mut self, id: i64) -> Result<Vec<HistoryEvent>, StorageError>;
    /// Visit every claim's status and history (oldest event first), one claim at a time: the
    /// O(n) pass of `troubleshoot --deep`.
    fn each_history(
        &mut self,
        visit: &mut dyn FnMut(i64, Status, &[HistoryEvent]),
    ) -> Result<(), StorageError>;
    /// Claims matching `filter` in its order, at most `filter.limit` of them.
    fn list_claims(&mut self, filter: &ClaimFilter) -> Result<Vec<Claim>, StorageError>;
    /// How many claims match `filter`, ignoring its limit (costs a pass over the matches).
    fn count_claims(&mut self, filter: &ClaimFilter) -> Result<u64, StorageError>;
    /// Hand each claim matching `filter` to `each` in order, as it is read: memory does not
    /// grow with the number of claims. An error from `each` stops the reading and is returned
    /// as [`StorageError::Other`].
    fn for_each_claim(
        &mut self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Every claim ever filed on the unit with this key, oldest first.
    fn claims_on_unit(&mut self, unit_key: &str) -> Result<Vec<Claim>, StorageError>;
    /// Active claims of a tenant, optionally only those on the given workloads.
    fn active_claims_of_tenant(
        &mut self,
        tenant: &str,
        workloads: &[String],
    ) -> Result<Vec<Claim>, StorageError>;
    /// Pending claims whose deadline is at or before `now`, earliest first; at most `limit`.
    /// Candidates for finalize: the rules decide what happens to each.
    fn due_claims(
        &mut self,
        now: DateTime<Utc>,
        limit: Option<u64>,
    ) -> Result<Vec<ClaimState>, StorageError>;
    /// How many claims are pending, and the earliest deadline among those not yet due at `now`.
    fn pending_summary(
        &mut self,
        now: DateTime<Utc>,
    ) -> Result<(u64, Option<DateTime<Utc>>), StorageError>;

    // Partners.

    /// One partner with its programs, or `None` if the PartnerID is unknown.
    fn partner(&mut self, partner_id: &str) -> Result<Option<Partner>, StorageError>;
    /// Every partner, ordered by PartnerID.
    fn partners(&mut self) -> Result<Vec<Partner>, StorageError>;
    /// Create the partner if needed (a new one needs `name`), rename it if `name` differs, and
    /// enrol it in `programs`.
    fn enrol(
        &mut self,
        partner_id: &str,
        name: Option<&str>,
        programs: &[Program],
        now: DateTime<Utc>,
    ) -> Result<EnrolOutcome, StorageError>;
    /// Unenrol the partner from `programs`; returns the programs it was actually enrolled in.
    fn unenrol(
        &mut self,
        partner_id: &str,
        programs: &[Program],
    ) -> Result<Vec<Program>, StorageError>;
    /// Remove the partner and all its enrolments (its claims are kept); whether it existed.
    fn remove_partner(&mut self, partner_id: &str) -> Result<bool, StorageError>;

    // Calendars.

    /// The calendar called `name`, with its holidays.
    fn calendar(&mut self, name: &str) -> Result<Option<Calendar>, StorageError>;
    /// Names of all calendars, `default` first.
    fn calendar_names(&mut self) -> Result<Vec<String>, StorageError>;
    /// Create or update a calendar's zone, weekend and cut-off (holidays are kept).
    fn save_calendar(&mut self, cal: &Calendar) -> Result<(), StorageError>;
    /// Add or relabel a holiday; returns whether it was new.
    fn add_holiday(
        &mut self,
        calendar: &str,
        day: NaiveDate,
        label: Option<&str>,
    ) -> Result<bool, StorageError>;
    /// Remove a holiday; returns whether it existed.
    fn remove_holiday(&mut self, calendar: &str, day: NaiveDate) -> Result<bool, StorageError>;

    // Finalize runs.

    /// Record that a finalize run started; returns its id.
    fn start_finalize_run(&mut self, now: DateTime<Utc>, actor: &str) -> Result<i64, StorageError>;
    /// Add to a run's count of finalized claims (in the same transaction as the claims).
    fn count_finalized(&mut self, run: i64, n: u64) -> Result<(), StorageError>;
    /// Mark a run finished.
    fn finish_finalize_run(&mut self, run: i64, now: DateTime<Utc>) -> Result<(), StorageError>;
    /// The most recent finalize run, if any.
    fn last_finalize_run(&mut self) -> Result<Option<FinalizeRun>, StorageError>;

    // Health.

    /// The stored schema version.
    fn schema_version(&mut self) -> Result<i64, StorageError>;
    /// The backend's integrity check: `["ok"]` when healthy, else the problems (at most 20).
    fn integrity_check(&mut self) -> Result<Vec<String>, StorageError>;
    /// Pending claims whose deadline is at or before `now`.
    /// Pending claims past their deadline at `now`: counted exactly, or up to `cap` (then
    /// `capped` says more exist) so a health check stays cheap however many there are.
    fn overdue(&mut self, now: DateTime<Utc>, cap: Option<u64>) -> Result<Overdue, StorageError>;
    /// Every PoE version of the active claims that is a local file, by claim and version.
    fn active_poe_files(&mut self) -> Result<Vec<PoeFile>, StorageError>;
    /// How many claims there are in all. Counting is O(n); with `cap` it stops past the cap
    /// (returning at most `cap + 1`).
    fn claim_count(&mut self, cap: Option<u64>) -> Result<u64, StorageError>;

    /// Make the transaction's changes permanent.
    fn commit(self: Box<Self>) -> Result<(), StorageError>;

    // v2: tenant pins and their log.

    /// The pin of a domain or subscription, with the active claims that use it.
    fn pin(&mut self, kind: PinKind, value: &str) -> Result<Option<Pin>, StorageError>;
    /// Every pin of a tenant, domains first.
    fn pins_of_tenant(&mut self, tenant: &str) -> Result<Vec<Pin>, StorageError>;
    /// A tenant's pin log, oldest first.
    fn pin_log(&mut self, tenant: &str) -> Result<Vec<PinLogEntry>, StorageError>;
    /// Pin `entry.value` to `entry.tenant_id` (made by claim `by_claim`) unless it is pinned
    /// already, and log it; whether a pin was made.
    fn add_pin(&mut self, entry: &PinLogEntry, by_claim: i64) -> Result<bool, StorageError>;
    /// Remove the pin `entry` names and log the removal; whether it existed.
    fn remove_pin(&mut self, entry: &PinLogEntry) -> Result<bool, StorageError>;
    /// How many claims of a tenant are in each status.
    fn claim_counts_of_tenant(&mut self, tenant: &str) -> Result<StatusCounts, StorageError>;

    // v2: corrections.

    /// Store a decided edit of `claim`'s details with its `edited` event. Fails with
    /// [`StorageError::Conflict`] when the claim is no longer in `event.from`.
    fn record_edit(&mut self, claim: &Claim, event: &HistoryEvent) -> Result<(), StorageError>;
    /// Add the PoE version `event.poe` (newest from now on) with its `poe-added` event. Fails
    /// with [`StorageError::Conflict`] when the claim is no longer in `event.from`.
    fn add_poe(&mut self, claim_id: i64, event: &HistoryEvent) -> Result<(), StorageError>;

    // v2: the work queue and reports.

    /// Claims whose `official_at` lies in `[from, to]`, earliest first.
    fn official_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Claim>, StorageError>;
    /// Active claims whose newest PoE was signed before `day`.
    fn active_with_poe_signed_before(&mut self, day: NaiveDate)
    -> Result<Vec<Claim>, StorageError>;
    /// Counts per program or PartnerID over the claims filed in `[from, until)`.
    fn report_groups(
        &mut self,
        group: ReportGroup,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<GroupCounts>, StorageError>;
    /// Counts per UTC month of the lifecycle instants in `[from, until)`; empty months absent.
    fn report_months(
        &mut self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MonthCounts>, StorageError>;

    // v2: bulk work (SPEC §10): `dump` reads every record in key order through the `dump_*`
    // visitors (memory does not grow with the database); `restore` writes records exactly as
    // dumped through the `restore_*` methods, IDs, times, actors and stored hashes verbatim,
    // into a database that [`Txn::holds_data`] says is empty. The CLI verifies every invariant
    // before it calls `restore_claim`, so a backend only stores what it is given. Calendars are
    // dumped and restored with `calendar_names`, `calendar`, `save_calendar` and `add_holiday`.

    /// Whether the database holds any partner or claim.
    fn holds_data(&mut self) -> Result<bool, StorageError>;
    /// Every partner with its enrolments, by PartnerID (byte order).
    fn dump_partners(
        &mut self,
        each: &mut dyn FnMut(PartnerRecord) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Every pin, by kind then value (byte order); `active_claims` is left empty.
    fn dump_pins(
        &mut self,
        each: &mut dyn FnMut(Pin) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// The whole pin log, oldest entry first.
    fn dump_pin_log(
        &mut self,
        each: &mut dyn FnMut(PinLogEntry) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Every claim by ID, with its PoE versions and its history (oldest event first, stored
    /// hashes included).
    fn dump_claims(
        &mut self,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Claims matching `filter` in its order (its limit ignored), each with its history: the
    /// stream of `export`.
    fn export_claims(
        &mut self,
        filter: &ClaimFilter,
        each: &mut dyn FnMut(Claim, Vec<HistoryEvent>) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Every finalize run, oldest first.
    fn dump_finalize_runs(
        &mut self,
        each: &mut dyn FnMut(FinalizeRun) -> anyhow::Result<()>,
    ) -> Result<(), StorageError>;
    /// Store a dumped partner and its enrolments as they were.
    fn restore_partner(&mut self, partner: &PartnerRecord) -> Result<(), StorageError>;
    /// Store a dumped pin. Its claim may come later in the same transaction.
    fn restore_pin(&mut self, pin: &Pin) -> Result<(), StorageError>;
    /// Append a dumped pin log entry.
    fn restore_pin_event(&mut self, entry: &PinLogEntry) -> Result<(), StorageError>;
    /// Store a dumped claim under its own ID, its PoE versions and its history with the stored
    /// hashes verbatim (nothing is recomputed, nothing pinned).
    fn restore_claim(
        &mut self,
        claim: &Claim,
        history: &[HistoryEvent],
    ) -> Result<(), StorageError>;
    /// Append a dumped finalize run.
    fn restore_finalize_run(&mut self, run: &FinalizeRun) -> Result<(), StorageError>;
    /// The first pin (by kind, then value) that names a claim the database does not hold:
    /// `restore`'s last check, made in the database so that its memory does not grow with the
    /// number of pins.
    fn pin_without_claim(&mut self) -> Result<Option<PinWithoutClaim>, StorageError>;
}

/// A pin naming a claim that is not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinWithoutClaim {
    pub kind: PinKind,
    pub value: String,
    /// The claim it names.
    pub claim_id: i64,
    /// How many pins come before it by kind, then value (byte order): its place in a dump.
    pub position: u64,
}

/// A partner as `dump` writes it: with when it was added and when it enrolled in each program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerRecord {
    pub partner_id: String,
    pub name: String,
    pub added_at: DateTime<Utc>,
    /// Programs by key, each with its enrolment instant.
    pub enrolments: Vec<(Program, DateTime<Utc>)>,
}

/// How many claims are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusCounts {
    pub pending: u64,
    pub official: u64,
    pub opted_out: u64,
    pub withdrawn: u64,
}

/// What `report` groups claims by, besides the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportGroup {
    Program,
    Partner,
}

/// One row of `report --by program|partner`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupCounts {
    pub key: String,
    pub filed: u64,
    pub pending: u64,
    pub official: u64,
    pub opted_out: u64,
    pub withdrawn: u64,
    pub opted_out_in_window: u64,
}

/// One row of `report --by month`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MonthCounts {
    #[serde(rename = "key")]
    pub month: String,
    pub filed: u64,
    pub became_official: u64,
    pub opted_out: u64,
    pub withdrawn: u64,
}

/// Which claims `list` shows.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub statuses: Vec<Status>,
    pub program: Option<Program>,
    pub partner_id: Option<String>,
    pub tenant: Option<String>,
    pub domain: Option<String>,
    pub workload: Option<String>,
    pub due_before: Option<DateTime<Utc>>,
    pub sort: ClaimSort,
    /// Flip the sort's direction (ties by claim ID flip with it).
    pub reverse: bool,
    /// `None` means all rows.
    pub limit: Option<u64>,
}

impl ClaimFilter {
    /// The `ORDER BY` of this filter, the same text on every backend: the sort column, then the
    /// claim ID, both in the sort's direction (flipped by `reverse`).
    pub fn order_by(&self) -> String {
        let (key, ascending) = match self.sort {
            ClaimSort::Filed => ("filed_at", false),
            ClaimSort::Deadline => ("deadline", true),
        };
        let dir = if ascending != self.reverse {
            "ASC"
        } else {
            "DESC"
        };
        format!("{key} {dir}, id {dir}")
    }
}

/// Sort order of `list`: `Filed` is newest first, `Deadline` soonest deadline first; ties by
/// claim ID in the same direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimSort {
    #[default]
    Filed,
    Deadline,
}

/// What `enrol` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolOutcome {
    pub created: bool,
    pub renamed: bool,
    pub added: Vec<Program>,
}

/// One finalize run. `finished_at` is `None` when the run was interrupted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalizeRun {
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub actor: String,
    pub finalized: u64,
}

/// Pending claims whose deadline has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    /// How many, up to the cap asked for.
    pub count: u64,
    /// More than `count` exist (the count stopped at the cap).
    pub capped: bool,
    pub oldest_deadline: Option<DateTime<Utc>>,
    /// Up to ten of them, oldest deadline first.
    pub sample: Vec<i64>,
}

/// A PoE version of a claim that is a local file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoeFile {
    pub claim_id: i64,
    pub path: String,
    pub sha256: Option<String>,
}

/// Why storage failed. Says what happened, never what the user should do about it: the CLI
/// adds codes and hints when it reports one.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The lock was not obtained within the busy timeout.
    #[error("the database is busy: {what}")]
    Busy { what: String },
    /// Nothing at the location.
    #[error("there is no database at {location}")]
    Missing { location: String },
    #[error("{location} is not an SQLite database; cpor left it untouched")]
    NotADatabase { location: String },
    #[error(
        "{location} is an SQLite database of another application (application_id {application_id:#x}); cpor left it untouched"
    )]
    Foreign {
        location: String,
        application_id: i64,
    },
    #[error(
        "{location} has schema version {version}, newer than this cpor understands ({supported}); it was left untouched"
    )]
    SchemaNewer {
        location: String,
        version: i64,
        supported: i64,
    },
    #[error("{location} is corrupt: {detail}")]
    Corrupt { location: String, detail: String },
    #[error("cannot use {location}: {detail}")]
    Permission { location: String, detail: String },
    /// Disk full or an I/O failure under the database.
    #[error("{detail}")]
    Io { detail: String },
    /// The filesystem holding `location` is full: the database's, or with `backup` the
    /// backup's being written. `free_bytes` when the filesystem could be asked.
    #[error("the disk holding {location} is full")]
    DiskFull {
        location: String,
        free_bytes: Option<u64>,
        backup: bool,
    },
    /// `location` is a symbolic link to `target`, which does not exist.
    #[error("{location} is a symbolic link to {target}, which does not exist")]
    DanglingLink { location: String, target: String },
    /// The database file (or, with `directory`, the directory it is in) is not writable.
    #[error("{location} is read-only")]
    ReadOnly { location: String, directory: bool },
    /// The backend would not switch to the configured journal mode.
    #[error("SQLite refused journal mode {requested} (it stayed {actual})")]
    JournalMode { requested: String, actual: String },
    /// A claim changed since it was read (the write lock makes this a bug, not a race).
    #[error("claim {claim_id} was not {expected} when it was to become {to}; nothing was changed")]
    Conflict {
        claim_id: i64,
        expected: Status,
        to: Status,
    },
    /// A backup's destination already exists; a backup never overwrites a file.
    #[error("{location} already exists; a backup never overwrites a file")]
    DestinationExists { location: String },
    /// A backup's destination cannot be created.
    #[error("cannot create {location}: {detail}")]
    Destination { location: String, detail: String },
    /// (v2) The server could not be reached or refused the login; `detail` is its reason.
    #[error("cannot connect to {location}: {detail}")]
    Unreachable { location: String, detail: String },
    /// (v2) A PostgreSQL database without the cpor schema, or with an older one.
    #[error("{location} has no current cpor schema")]
    NotMigrated { location: String },
    /// (v2) The caller's role may not do this; `needs` is the role that may.
    #[error("{user} is not permitted to do this: {detail}")]
    NotPermitted {
        user: String,
        needs: String,
        detail: String,
    },
    /// (v2) Another finalize run holds the run lock.
    #[error("another finalize run is in progress")]
    RunInProgress,
    /// (v2) `backup` copies files; a server database is backed up by its own tools.
    #[error("{location} is a PostgreSQL database; cpor backup writes SQLite files only")]
    BackupUnsupported { location: String },
    /// Anything else: a bug or malformed stored data.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}
