//! Consistent copies of a live database.

use super::error::from_sqlite;
use crate::storage::StorageError;
use rusqlite::Connection;
use std::fs;
use std::path::Path;

/// Write a consistent copy of the database to `dest` with `VACUUM INTO`: a single read
/// transaction, so it is safe while other processes write, and the copy is compact and
/// self-contained (no WAL). `dest` must not exist; it is created with mode 0600.
pub(super) fn vacuum_into(conn: &Connection, dest: &Path) -> Result<u64, StorageError> {
    let location = || dest.display().to_string();
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(dest).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StorageError::DestinationExists {
                location: location(),
            }
        } else {
            StorageError::Destination {
                location: location(),
                detail: e.to_string(),
            }
        }
    })?;
    if let Err(e) = conn.execute("VACUUM INTO ?1", [dest.to_string_lossy()]) {
        // Leave no half-written backup behind.
        let _ = fs::remove_file(dest);
        return Err(match from_sqlite(e, dest) {
            // The copy is what did not fit: name the backup's disk, not the database's.
            StorageError::DiskFull {
                location,
                free_bytes,
                ..
            } => StorageError::DiskFull {
                location,
                free_bytes,
                backup: true,
            },
            StorageError::Other(e) => StorageError::Other(
                e.context(format!("could not write the backup to {}", location())),
            ),
            other => other,
        });
    }
    Ok(fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
}
