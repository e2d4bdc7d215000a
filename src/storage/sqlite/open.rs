//! Opening a database: create, recognise, refuse, migrate, configure.

use super::error::{from_sqlite, is_busy};
use super::schema::{LATEST_VERSION, migrate};
use super::{APPLICATION_ID, SqliteStore};
use crate::storage::{
    BackendFacts, BackendState, JournalMode, OpenMode, OpenOptions, StorageError,
};
use anyhow::Context;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::cell::Cell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What a file on disk is, judged from its first 100 bytes without SQLite opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DbState {
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

/// What is at `path`, with the file's size and mode: judged from its header, never opened by
/// SQLite, never written.
pub fn probe(path: &Path) -> Result<BackendFacts, StorageError> {
    let state = match inspect(path)? {
        DbState::Missing => BackendState::Missing,
        DbState::Empty => BackendState::Empty,
        DbState::NotSqlite => BackendState::NotADatabase,
        DbState::Foreign { application_id } => BackendState::Foreign {
            application_id: i64::from(application_id),
        },
        DbState::Cpor { version } if version > LATEST_VERSION => BackendState::Newer { version },
        DbState::Cpor { version } => BackendState::Ready { version },
    };
    let meta = fs::metadata(path).ok();
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        meta.as_ref().map(|m| m.permissions().mode() & 0o777)
    };
    #[cfg(not(unix))]
    let mode = None;
    Ok(BackendFacts {
        backend: "SQLite",
        backend_version: rusqlite::version().to_string(),
        location: path.display().to_string(),
        state,
        size_bytes: meta.as_ref().map(|m| m.len()),
        wal_bytes: fs::metadata(sibling(path, "-wal")).ok().map(|m| m.len()),
        free_bytes: free_space(path),
        hot_journal: false,
        mode,
        latest_schema_version: LATEST_VERSION,
        journal_mode: None,
        role: None,
        lock_waits: Vec::new(),
    })
}

/// Free space for unprivileged users on the filesystem holding `path` (or its directory).
pub(super) fn free_space(path: &Path) -> Option<u64> {
    let at = if path.exists() {
        path
    } else {
        path.parent().filter(|p| !p.as_os_str().is_empty())?
    };
    let st = nix::sys::statvfs::statvfs(at).ok()?;
    Some(st.blocks_available() as u64 * st.fragment_size() as u64)
}

/// [`StorageError::DanglingLink`] when `path` is a symbolic link to nothing: cpor neither
/// creates the database through it nor calls it missing.
fn dangling(path: &Path) -> Option<StorageError> {
    let link = fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() || path.exists() {
        return None;
    }
    Some(StorageError::DanglingLink {
        location: path.display().to_string(),
        target: fs::read_link(path).ok()?.display().to_string(),
    })
}

/// Judge the file at `path` from its header. Reads at most 100 bytes; never writes.
fn inspect(path: &Path) -> Result<DbState, StorageError> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DbState::Missing),
        Err(e) => {
            return Err(StorageError::Permission {
                location: path.display().to_string(),
                detail: e.to_string(),
            });
        }
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Ok(DbState::NotSqlite);
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(|e| StorageError::Io {
            detail: format!("cannot read {}: {e}", path.display()),
        })?;
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
fn header_says_wal(path: &Path) -> Result<bool, StorageError> {
    header_wal(path).map_err(StorageError::Other)
}

fn header_wal(path: &Path) -> anyhow::Result<bool> {
    let mut header = [0u8; 20];
    let mut file =
        fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    file.read_exact(&mut header)
        .with_context(|| format!("cannot read the header of {}", path.display()))?;
    Ok(header[18] == 2 && header[19] == 2)
}

/// The refusal for a file cpor must not touch.
fn refuse(path: &Path, state: &DbState) -> Option<StorageError> {
    let location = path.display().to_string();
    match state {
        DbState::NotSqlite => Some(StorageError::NotADatabase { location }),
        DbState::Foreign { application_id } => Some(StorageError::Foreign {
            location,
            application_id: i64::from(*application_id),
        }),
        DbState::Cpor { version } if *version > LATEST_VERSION => Some(StorageError::SchemaNewer {
            location,
            version: *version,
            supported: LATEST_VERSION,
        }),
        _ => None,
    }
}

impl SqliteStore {
    /// Open the database at `path`, creating it (and its directory, mode 0600) if missing,
    /// refusing files that are not cpor databases this binary understands, and migrating.
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<SqliteStore, StorageError> {
        configure_library();
        let state = inspect(path)?;
        if let Some(err) = refuse(path, &state) {
            return Err(err);
        }
        if state == DbState::Missing {
            if let Some(err) = dangling(path) {
                return Err(err);
            }
            if opts.mode == OpenMode::Existing {
                return Err(StorageError::Missing {
                    location: path.display().to_string(),
                });
            }
            create_file(path)?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        // Until the file is known to be ours, closing must not checkpoint a WAL into it.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| from_sqlite(e, path))?;
        set_busy_wait(&mut conn, opts.busy_timeout).map_err(|e| from_sqlite(e, path))?;
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
            return Err(err);
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .map_err(|e| from_sqlite(e, path))?;
        // Only an outdated schema takes the write lock here; a current one must not make every
        // `list` queue behind a running finalize.
        let current = matches!(state, DbState::Cpor { version } if version == LATEST_VERSION);
        if !current {
            migrate(&mut conn, APPLICATION_ID).map_err(|e| {
                let busy = e
                    .chain()
                    .filter_map(|c| c.downcast_ref::<rusqlite::Error>())
                    .any(is_busy);
                if busy {
                    StorageError::Busy {
                        what: "could not lock it to upgrade its schema".into(),
                    }
                } else {
                    super::error::from_anyhow(e, path)
                }
            })?;
        }
        configure(&conn, opts.journal_mode, opts.busy_timeout, path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            header_journal: None,
            hot_journal: false,
            _copy: None,
            _lock: None,
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

fn set_busy_wait(conn: &mut Connection, timeout: Duration) -> rusqlite::Result<()> {
    BUSY_TIMEOUT_MS.store(timeout.as_millis() as u64, Ordering::Relaxed);
    conn.busy_handler(Some(busy_wait))
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

fn configure(
    conn: &Connection,
    mode: JournalMode,
    busy_timeout: Duration,
    path: &Path,
) -> Result<(), StorageError> {
    // Switching the journal mode needs the database to itself, and SQLite reports a conflict
    // at once rather than through the busy handler; so wait here, up to the busy timeout, like
    // any other write would.
    let started = std::time::Instant::now();
    loop {
        let current: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(|e| from_sqlite(e, path))?;
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
                return Err(StorageError::JournalMode {
                    requested: mode.as_str().into(),
                    actual: set,
                });
            }
            Err(e) if is_busy(&e) => {
                if started.elapsed() >= busy_timeout {
                    return Err(StorageError::Busy {
                        what: "could not switch its journal mode within the busy timeout".into(),
                    });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(from_sqlite(e, path)),
        }
    }
    // A 16 MiB page cache: see the module's Performance notes.
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;",
    )
    .map_err(|e| from_sqlite(e, path))?;
    Ok(())
}

/// Process-wide SQLite settings, made once before the library initializes (SQLite accepts
/// them only then; a later call changes nothing and is harmless):
/// - statement journals stay in memory up to 8 MiB instead of 64 KiB. Every statement after
///   the first in a transaction keeps the pages it changes in one, so that it can fail alone;
///   finalize, import and restore run thousands of small statements per transaction, and with
///   the default each transaction's journal soon moved to a temporary file, written page by
///   page (100,000 claims, 50,000 due: finalize 2.9 s → 1.4 s, 315,000 `pwrite` calls →
///   55,000). The cap keeps memory bounded: a statement that changes more than 8 MiB of pages
///   spills to a file as before. Sorting and temporary tables are not affected;
/// - no memory statistics: they take a global lock on every allocation, and nothing reads
///   them.
fn configure_library() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use rusqlite::ffi;
        // SAFETY: `sqlite3_config` is called before any connection is opened (this runs first
        // in every open), with the argument type each option documents (`int`); SQLite
        // refuses it (SQLITE_MISUSE) if the library was already initialized, which only
        // leaves the defaults in place.
        const SPILL_BYTES: std::ffi::c_int = 8 << 20;
        const OFF: std::ffi::c_int = 0;
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_STMTJRNL_SPILL, SPILL_BYTES);
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, OFF);
        }
    });
}

/// An error from opening the file: busy names what could not be done, the rest is classified.
fn open_error(path: &Path, e: rusqlite::Error) -> StorageError {
    if is_busy(&e) {
        StorageError::Busy {
            what: format!("cannot open {}", path.display()),
        }
    } else {
        from_sqlite(e, path)
    }
}

/// Create the database file (and its directory) with mode 0600 before SQLite opens it.
fn create_file(path: &Path) -> Result<(), StorageError> {
    let perm = |e: std::io::Error, at: &Path| StorageError::Permission {
        location: at.display().to_string(),
        detail: format!("cannot create it: {e}"),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // 0700 whatever the umask, never 0777: another local user must not be able to plant a `-wal` or
        // `-journal` file beside the database.
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        // (The umask can only take bits away from 0700.) Every missing ancestor gets 0700 too.
        builder.create(dir).map_err(|e| perm(e, dir))?;
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
        Err(e) => Err(perm(e, path)),
    }
}

pub(super) struct TempCopy(std::path::PathBuf);

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub(super) fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
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

impl SqliteStore {
    /// Open an existing cpor database for diagnostics: never created, migrated or written, and
    /// no file is created, changed or deleted next to it. Anything but a cpor database of a
    /// version up to this binary's is refused.
    ///
    /// It reads one committed state even while others write (see [`super::snapshot`]): under
    /// SQLite's SHARED lock, a rollback-journal database is read as the file (`immutable`, since
    /// no commit can happen), or, with a hot journal beside it, as a private copy that SQLite
    /// rolls back; a WAL database with no `-wal` is read as the file; a live one (`-wal` and
    /// `-shm`) read-only without writing its index (`readonly_shm`); a `-wal` without `-shm` (a
    /// copied pair) from a private copy of both.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StorageError> {
        configure_library();
        match inspect(path)? {
            DbState::Missing => {
                return Err(dangling(path).unwrap_or(StorageError::Missing {
                    location: path.display().to_string(),
                }));
            }
            DbState::Cpor { version } if version <= LATEST_VERSION => {}
            // An empty file holds no cpor data to read.
            DbState::Empty => {
                return Err(StorageError::Missing {
                    location: path.display().to_string(),
                });
            }
            other => {
                return Err(refuse(path, &other).unwrap_or(StorageError::NotADatabase {
                    location: path.display().to_string(),
                }));
            }
        }
        Self::read_only(path).map_err(|e| super::error::from_anyhow(e, path))
    }

    fn read_only(path: &Path) -> anyhow::Result<SqliteStore> {
        let lock = super::snapshot::SharedLock::take(path, Duration::from_secs(10))
            .with_context(|| format!("cannot lock {} for reading", path.display()))?;
        let wal = sibling(path, "-wal");
        let shm = sibling(path, "-shm");
        let journal = sibling(path, "-journal");
        let is_wal = header_says_wal(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let hot = !is_wal
            && lock
                .as_ref()
                .is_some_and(|l| super::snapshot::hot_journal(l, &journal));
        let (uri, flags, copy) = if hot {
            // Read the committed state: SQLite rolls the interrupted write back, in the copy.
            let (copy, target) = private_copy(path, &[("-journal", &journal)])?;
            let rw = OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            (uri_for(&target, "")?, rw, Some(copy))
        } else if !is_wal || !wal.exists() {
            (uri_for(path, "mode=ro&immutable=1")?, flags, None)
        } else if shm.exists() {
            // readonly_shm: read the live wal-index without updating it; if it must be rebuilt,
            // SQLite does so in private memory.
            (uri_for(path, "mode=ro&readonly_shm=1")?, flags, None)
        } else {
            let (copy, target) = private_copy(path, &[("-wal", &wal)])?;
            (uri_for(&target, "mode=ro")?, flags, Some(copy))
        };
        let conn = Connection::open_with_flags(&uri, flags).map_err(|e| open_error(path, e))?;
        conn.busy_timeout(Duration::from_secs(5))
            .context("could not set the busy timeout")?;
        if hot {
            // Make SQLite roll the copy back now, so a failure shows here.
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| open_error(path, e))?;
        }
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            header_journal: Some(if is_wal { "wal" } else { "delete" }),
            hot_journal: hot,
            _copy: copy,
            _lock: lock,
        })
    }
}

/// Copy the database and the named companions into a private temporary directory (removed when
/// the returned guard drops); returns the guard and the copy's path.
fn private_copy(path: &Path, extra: &[(&str, &Path)]) -> anyhow::Result<(TempCopy, PathBuf)> {
    let dir = std::env::temp_dir().join(format!(
        "cpor-troubleshoot-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(&dir)
        .context("cannot create a temporary directory")?;
    let copy = TempCopy(dir.clone());
    let target = dir.join("copy.db");
    fs::copy(path, &target).context("cannot copy the database to read it")?;
    for (suffix, from) in extra {
        fs::copy(from, sibling(&target, suffix))
            .with_context(|| format!("cannot copy the {suffix} file to read it"))?;
    }
    Ok((copy, target))
}
