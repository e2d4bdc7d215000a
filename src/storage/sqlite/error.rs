//! The one place where SQLite's failures become [`StorageError`]s.

use crate::storage::StorageError;
use rusqlite::ErrorCode;
use std::path::Path;

/// Classify a failed query: a [`StorageError`] raised inside passes through, an SQLite failure
/// (possibly under context) gets its kind, anything else is [`StorageError::Other`].
pub(super) fn from_anyhow(e: anyhow::Error, path: &Path) -> StorageError {
    let e = match e.downcast::<StorageError>() {
        Ok(s) => return s,
        Err(e) => e,
    };
    let sqlite = e.chain().find_map(|c| c.downcast_ref::<rusqlite::Error>());
    let code = sqlite.and_then(|r| r.sqlite_error_code());
    let extended = sqlite.and_then(extended_code);
    classify(code, extended, format!("{e:#}"), path).unwrap_or(StorageError::Other(e))
}

/// Classify an SQLite failure.
pub(super) fn from_sqlite(e: rusqlite::Error, path: &Path) -> StorageError {
    classify(
        e.sqlite_error_code(),
        extended_code(&e),
        e.to_string(),
        path,
    )
    .unwrap_or_else(|| StorageError::Other(e.into()))
}

/// A lock that was not obtained within the busy timeout is [`StorageError::Busy`] saying
/// `what` could not be done; any other failure is classified under `what`.
pub(super) fn busy_or(e: rusqlite::Error, what: &str, path: &Path) -> StorageError {
    if is_busy(&e) {
        StorageError::Busy {
            what: format!("{what} within the busy timeout"),
        }
    } else {
        from_anyhow(anyhow::Error::new(e).context(what.to_string()), path)
    }
}

/// Whether SQLite gave up waiting for a lock.
pub(super) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn classify(
    code: Option<ErrorCode>,
    extended: Option<i32>,
    detail: String,
    path: &Path,
) -> Option<StorageError> {
    let location = || path.display().to_string();
    Some(match code? {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StorageError::Busy { what: detail },
        ErrorCode::NotADatabase => StorageError::NotADatabase {
            location: location(),
        },
        ErrorCode::DatabaseCorrupt => StorageError::Corrupt {
            location: location(),
            detail,
        },
        ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen => {
            read_only(path).unwrap_or(StorageError::Permission {
                location: location(),
                detail,
            })
        }
        ErrorCode::DiskFull => disk_full(path),
        ErrorCode::SystemIoFailure if full(extended, path) => disk_full(path),
        ErrorCode::SystemIoFailure => StorageError::Io { detail },
        _ => return None,
    })
}

/// SQLite's extended result code, when the failure came from SQLite.
fn extended_code(e: &rusqlite::Error) -> Option<i32> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.extended_code),
        _ => None,
    }
}

/// `SQLITE_IOERR_SHMSIZE`: the shared-memory index could not grow, which on Linux means the
/// filesystem is full (SQLite reports ENOSPC there as this, not as `SQLITE_FULL`).
const IOERR_SHMSIZE: i32 = 10 | 19 << 8;
/// Extended I/O errors that a full disk causes: write, fsync, truncate, short read of a file
/// that could not be extended.
const IOERR_WRITE: i32 = 10 | 3 << 8;
const IOERR_FSYNC: i32 = 10 | 4 << 8;
const IOERR_TRUNCATE: i32 = 10 | 6 << 8;

/// Whether an I/O failure is a full disk: `SQLITE_IOERR_SHMSIZE`, or a failed write, fsync or
/// truncate while the filesystem holding `path` has (next to) nothing free.
fn full(extended: Option<i32>, path: &Path) -> bool {
    /// Less than this is full for SQLite: it cannot write one more page.
    const NEARLY_NOTHING: u64 = 64 * 1024;
    match extended {
        Some(IOERR_SHMSIZE) => true,
        Some(IOERR_WRITE | IOERR_FSYNC | IOERR_TRUNCATE) => {
            super::open::free_space(path).is_some_and(|free| free < NEARLY_NOTHING)
        }
        _ => false,
    }
}

fn disk_full(path: &Path) -> StorageError {
    StorageError::DiskFull {
        location: path.display().to_string(),
        free_bytes: super::open::free_space(path),
        backup: false,
    }
}

/// [`StorageError::ReadOnly`] when the file at `path`, or the directory it is (to be) in, is
/// not writable by this user; `None` when both are, and the failure is something else.
fn read_only(path: &Path) -> Option<StorageError> {
    use nix::unistd::{AccessFlags, access};
    let writable = |p: &Path| access(p, AccessFlags::W_OK).is_ok();
    let location = path.display().to_string();
    if path.exists() && !writable(path) {
        return Some(StorageError::ReadOnly {
            location,
            directory: false,
        });
    }
    let dir = match path.parent() {
        Some(d) if d.as_os_str().is_empty() => Path::new("."),
        Some(d) => d,
        None => return None,
    };
    (dir.exists() && !writable(dir)).then_some(StorageError::ReadOnly {
        location,
        directory: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    /// SQLITE_FULL is a full disk, and so is the shared-memory index failing to grow (what
    /// ENOSPC looks like under WAL); each names the path and the free space.
    #[test]
    fn a_full_disk_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cpor.db");
        for code in [13, IOERR_SHMSIZE] {
            match from_sqlite(failure(code), &db) {
                StorageError::DiskFull {
                    location,
                    free_bytes,
                    backup,
                } => {
                    assert_eq!(location, db.display().to_string());
                    assert!(free_bytes.is_some(), "statvfs of a temp dir works");
                    assert!(!backup);
                }
                other => panic!("code {code}: {other:?}"),
            }
        }
        // A failed write with room to spare is an I/O error, not a full disk.
        assert!(matches!(
            from_sqlite(failure(IOERR_WRITE), &db),
            StorageError::Io { .. }
        ));
    }

    /// Under context, as queries report them, the classification is the same.
    #[test]
    fn a_full_disk_under_context_is_still_a_full_disk() {
        let e = anyhow::Error::new(failure(13)).context("could not file the claim");
        assert!(matches!(
            from_anyhow(e, Path::new("/x/cpor.db")),
            StorageError::DiskFull { .. }
        ));
    }
}
