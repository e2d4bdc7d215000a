//! Opening a database: create, recognise, refuse, migrate, configure.

use super::schema::{LATEST_VERSION, migrate};
use super::{APPLICATION_ID, Db};
use crate::error::CporError;
use anyhow::Context;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::cell::Cell;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// SQLite journal modes cpor accepts (config `journal_mode`). WAL is the default; a database on
/// a network filesystem, where WAL's shared memory does not work, should use `delete`.
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

/// How to open a database.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub busy_timeout: Duration,
    pub journal_mode: JournalMode,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_millis(10_000),
            journal_mode: JournalMode::Wal,
        }
    }
}

/// What a file on disk is, judged from its first 100 bytes without SQLite opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbState {
    /// No file at the path.
    Missing,
    /// An empty file, or an SQLite file with no schema and no ids: cpor may adopt it.
    Empty,
    /// Not an SQLite database at all.
    NotSqlite,
    /// An SQLite database of another application.
    Foreign { application_id: i32 },
    /// A cpor database; `version` is its `user_version`.
    Cpor { version: i64 },
}

const HEADER_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Judge the file at `path` from its header. Reads at most 100 bytes; never writes.
pub fn inspect(path: &Path) -> anyhow::Result<DbState> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DbState::Missing),
        Err(e) => {
            return Err(CporError::database(
                "database-permission",
                format!("cannot read the database {}: {e}", path.display()),
            )
            .hint("check the file's owner and permissions, or point --db / CPOR_DB elsewhere")
            .into());
        }
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Ok(DbState::NotSqlite);
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if header.is_empty() {
        return Ok(DbState::Empty);
    }
    if header.len() < 100 || &header[..16] != HEADER_MAGIC {
        return Ok(DbState::NotSqlite);
    }
    let be32 = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let schema_cookie = be32(40);
    let user_version = be32(60);
    let application_id = be32(68);
    Ok(match application_id {
        APPLICATION_ID => DbState::Cpor {
            version: i64::from(user_version),
        },
        0 if schema_cookie == 0 && user_version == 0 => DbState::Empty,
        other => DbState::Foreign {
            application_id: other,
        },
    })
}

/// Whether the header's read/write format versions say WAL.
fn header_says_wal(path: &Path) -> anyhow::Result<bool> {
    let mut header = [0u8; 20];
    let mut file =
        fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    file.read_exact(&mut header)
        .with_context(|| format!("cannot read the header of {}", path.display()))?;
    Ok(header[18] == 2 && header[19] == 2)
}

/// The refusal for a file cpor must not touch (exit 6).
fn refuse(path: &Path, state: &DbState) -> Option<CporError> {
    let shown = path.display();
    match state {
        DbState::NotSqlite => Some(
            CporError::database(
                "not-a-database",
                format!("{shown} is not an SQLite database; cpor left it untouched"),
            )
            .hint("point --db or CPOR_DB at a cpor database, or at a path where a new one may be created"),
        ),
        DbState::Foreign { application_id } => Some(
            CporError::database(
                "foreign-database",
                format!(
                    "{shown} is an SQLite database of another application (application_id {application_id:#x}); cpor left it untouched"
                ),
            )
            .hint("point --db or CPOR_DB at a cpor database, or at a path where a new one may be created"),
        ),
        DbState::Cpor { version } if *version > LATEST_VERSION => Some(
            CporError::database(
                "schema-newer",
                format!(
                    "{shown} has schema version {version}, newer than this cpor understands ({LATEST_VERSION}); it was left untouched"
                ),
            )
            .hint("upgrade cpor to the version that wrote this database"),
        ),
        _ => None,
    }
}

impl Db {
    /// Open the database at `path`, creating it (and its directory, mode 0600) if missing,
    /// refusing files that are not cpor databases this binary understands, and migrating.
    pub fn open(path: &Path, opts: &OpenOptions) -> anyhow::Result<Db> {
        let state = inspect(path)?;
        if let Some(err) = refuse(path, &state) {
            return Err(err.into());
        }
        if state == DbState::Missing {
            create_file(path)?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        // Until the file is known to be ours, closing must not checkpoint a WAL into it.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .context("could not configure SQLite")?;
        set_busy_wait(&mut conn, opts.busy_timeout)?;
        // The header may lag behind a WAL; ask SQLite too before changing anything.
        let (app_id, version, objects) = identity(&mut conn).map_err(|e| open_error(path, e))?;
        let state = match app_id {
            APPLICATION_ID => DbState::Cpor { version },
            0 if version == 0 && objects == 0 => DbState::Empty,
            other => DbState::Foreign {
                application_id: other,
            },
        };
        if let Some(err) = refuse(path, &state) {
            return Err(err.into());
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .context("could not configure SQLite")?;
        // Only an outdated schema takes the write lock here; a current one must not make every
        // `list` queue behind a running finalize.
        let current = matches!(state, DbState::Cpor { version } if version == LATEST_VERSION);
        if !current {
            migrate(&mut conn, APPLICATION_ID).map_err(|e| {
                if is_busy(&e) {
                    CporError::busy("the database is busy: could not lock it to upgrade its schema")
                        .into()
                } else {
                    e
                }
            })?;
        }
        configure(&conn, opts.journal_mode, opts.busy_timeout)?;
        Ok(Db {
            conn,
            path: path.to_path_buf(),
        })
    }
}

/// How long a writer waits for the lock, for [`busy_wait`] (one database per process).
static BUSY_TIMEOUT_MS: AtomicU64 = AtomicU64::new(10_000);

thread_local! {
    /// When the current wait for a lock began.
    static WAIT_STARTED: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// SQLite's own busy timeout sleeps in growing steps of up to 100 ms, so a writer that
/// releases the lock for a moment between chunks (finalize) can starve a waiting `claim`.
/// This handler polls every millisecond until the configured timeout instead.
fn busy_wait(attempt: i32) -> bool {
    let now = Instant::now();
    let started = WAIT_STARTED.with(|s| {
        if attempt == 0 || s.get().is_none() {
            s.set(Some(now));
        }
        s.get().unwrap_or(now)
    });
    let limit = Duration::from_millis(BUSY_TIMEOUT_MS.load(Ordering::Relaxed));
    if now.duration_since(started) >= limit {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1));
    true
}

fn set_busy_wait(conn: &mut Connection, timeout: Duration) -> anyhow::Result<()> {
    BUSY_TIMEOUT_MS.store(timeout.as_millis() as u64, Ordering::Relaxed);
    conn.busy_handler(Some(busy_wait))
        .context("could not set the busy handler")
}

/// Application id, schema version and number of schema objects, read in one transaction so a
/// migration committed by another process cannot fall between the reads.
fn identity(conn: &mut Connection) -> rusqlite::Result<(i32, i64, i64)> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
    let app_id: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let objects: i64 = tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    tx.commit()?;
    Ok((app_id, version, objects))
}

fn configure(conn: &Connection, mode: JournalMode, busy_timeout: Duration) -> anyhow::Result<()> {
    // Switching the journal mode needs the database to itself, and SQLite reports a conflict
    // at once rather than through the busy handler; so wait here, up to the busy timeout, like
    // any other write would.
    let started = std::time::Instant::now();
    loop {
        let current: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .context("could not read the journal mode")?;
        if current.eq_ignore_ascii_case(mode.as_str()) {
            break;
        }
        match conn.query_row(
            &format!("PRAGMA journal_mode = {}", mode.as_str()),
            [],
            |r| r.get::<_, String>(0),
        ) {
            Ok(set) if set.eq_ignore_ascii_case(mode.as_str()) => break,
            Ok(set) => {
                return Err(CporError::database(
                    "journal-mode",
                    format!(
                        "SQLite refused journal mode {} (it stayed {set})",
                        mode.as_str()
                    ),
                )
                .hint("on a network filesystem set journal_mode = \"delete\" in the config")
                .into());
            }
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                if started.elapsed() >= busy_timeout {
                    return Err(CporError::busy(
                        "the database is busy: could not switch its journal mode within the busy timeout",
                    )
                    .into());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(anyhow::Error::new(e).context("could not set the journal mode")),
        }
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .context("could not configure the database")?;
    Ok(())
}

fn is_busy(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<rusqlite::Error>())
        .any(|r| {
            matches!(
                r.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            )
        })
}

fn open_error(path: &Path, e: rusqlite::Error) -> anyhow::Error {
    use rusqlite::ErrorCode as C;
    let shown = path.display();
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => CporError::database(
            "not-a-database",
            format!("{shown} is not an SQLite database; cpor left it untouched"),
        )
        .into(),
        Some(C::DatabaseCorrupt) => {
            CporError::database("database-corrupt", format!("{shown} is corrupt"))
                .hint("run `cpor troubleshoot` and restore the latest backup")
                .into()
        }
        Some(C::CannotOpen | C::PermissionDenied | C::ReadOnly) => CporError::database(
            "database-permission",
            format!("cannot open {shown} for writing: {e}"),
        )
        .hint("check the file and its directory are writable by this user")
        .into(),
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            CporError::busy(format!("{shown} is busy")).into()
        }
        _ => anyhow::Error::new(e).context(format!("cannot open {shown}")),
    }
}

/// Create the database file (and its directory) with mode 0600 before SQLite opens it.
fn create_file(path: &Path) -> anyhow::Result<()> {
    let perm = |e: std::io::Error, what: &str| -> anyhow::Error {
        CporError::database("database-permission", format!("cannot create {what}: {e}"))
            .hint("choose a writable location with --db or CPOR_DB")
            .into()
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| perm(e, &format!("directory {}", dir.display())))?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process created it first; it is judged like any existing file.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(perm(e, &format!("database {}", path.display()))),
    }
}

/// A database opened for diagnostics: never created, migrated or written, and no file is
/// created next to it.
///
/// SQLite's plain read-only mode would create `-wal` and `-shm` files beside a WAL database
/// and leave them behind. So: with no WAL content the file is opened `immutable` (nothing else
/// is touched); with a WAL and its `-shm` (a live database) it is opened read-only with
/// `readonly_shm`, so even the shared-memory index is only read; with a WAL but no `-shm` (a
/// copied pair) both are copied to a private temporary directory and the copy is read.
pub struct ReadOnlyDb {
    conn: Connection,
    wal: bool,
    /// Keeps the temporary copy alive while it is read.
    _copy: Option<TempCopy>,
}

struct TempCopy(std::path::PathBuf);

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    std::path::PathBuf::from(s)
}

fn uri_for(path: &Path, params: &str) -> anyhow::Result<String> {
    let abs = std::path::absolute(path).context("cannot resolve the database path")?;
    let raw = abs.to_string_lossy();
    let mut escaped = String::with_capacity(raw.len());
    for ch in raw.chars() {
        match ch {
            '%' => escaped.push_str("%25"),
            '?' => escaped.push_str("%3f"),
            '#' => escaped.push_str("%23"),
            c => escaped.push(c),
        }
    }
    Ok(format!("file:{escaped}?{params}"))
}

impl ReadOnlyDb {
    /// Open an existing cpor database (of any schema version up to this binary's) read-only.
    /// Call [`inspect`] first: this does not check what the file is.
    pub fn open(path: &Path) -> anyhow::Result<ReadOnlyDb> {
        let wal = sibling(path, "-wal");
        let shm = sibling(path, "-shm");
        let wal_len = fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let (uri, copy) = if wal_len == 0 {
            (uri_for(path, "mode=ro&immutable=1")?, None)
        } else if shm.exists() {
            // readonly_shm: read the live wal-index without updating it (SQLite would otherwise
            // rebuild parts of the -shm); if it must be rebuilt, SQLite does so in private memory.
            (uri_for(path, "mode=ro&readonly_shm=1")?, None)
        } else {
            let dir = std::env::temp_dir().join(format!(
                "cpor-troubleshoot-{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0)
            ));
            fs::create_dir_all(&dir).context("cannot create a temporary directory")?;
            let copy = TempCopy(dir.clone());
            let target = dir.join("copy.db");
            fs::copy(path, &target).context("cannot copy the database to read it")?;
            fs::copy(&wal, sibling(&target, "-wal")).context("cannot copy the WAL to read it")?;
            (uri_for(&target, "mode=ro")?, Some(copy))
        };
        let conn = Connection::open_with_flags(&uri, flags).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(Duration::from_secs(5))
            .context("could not set the busy timeout")?;
        Ok(ReadOnlyDb {
            conn,
            wal: header_says_wal(path)?,
            _copy: copy,
        })
    }

    /// The file's journal mode: `wal`, or `delete` for the rollback journal. Only WAL is a
    /// property of the file (header bytes 18–19); an immutable open cannot ask SQLite for it.
    pub fn journal_mode(&self) -> &'static str {
        if self.wal { "wal" } else { "delete" }
    }

    /// Run `f` in one read transaction.
    pub fn read<T>(
        &mut self,
        f: impl FnOnce(&super::Tx) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)
            .context("could not start a read transaction")?;
        let tx = super::Tx { tx };
        let out = f(&tx)?;
        tx.tx
            .rollback()
            .context("could not end the read transaction")?;
        Ok(out)
    }
}
