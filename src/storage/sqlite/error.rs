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
    let code = e
        .chain()
        .find_map(|c| c.downcast_ref::<rusqlite::Error>())
        .and_then(|r| r.sqlite_error_code());
    classify(code, format!("{e:#}"), path).unwrap_or(StorageError::Other(e))
}

/// Classify an SQLite failure.
pub(super) fn from_sqlite(e: rusqlite::Error, path: &Path) -> StorageError {
    classify(e.sqlite_error_code(), e.to_string(), path)
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

fn classify(code: Option<ErrorCode>, detail: String, path: &Path) -> Option<StorageError> {
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
            StorageError::Permission {
                location: location(),
                detail,
            }
        }
        ErrorCode::SystemIoFailure | ErrorCode::DiskFull => StorageError::Io { detail },
        _ => return None,
    })
}
