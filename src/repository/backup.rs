//! Consistent copies of a live database.

use super::Db;
use crate::error::CporError;
use anyhow::Context;
use std::fs;
use std::path::Path;

impl Db {
    /// Write a consistent copy of the database to `dest` with `VACUUM INTO`: a single read
    /// transaction, so it is safe while other processes write, and the copy is compact and
    /// self-contained (no WAL). `dest` must not exist; it is created with mode 0600.
    pub fn backup_to(&mut self, dest: &Path) -> anyhow::Result<u64> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(dest).map_err(|e| {
            let err = if e.kind() == std::io::ErrorKind::AlreadyExists {
                CporError::usage(
                    "backup-exists",
                    format!(
                        "{} already exists; a backup never overwrites a file",
                        dest.display()
                    ),
                )
                .hint("choose a new file name, e.g. one with today's date")
            } else {
                CporError::usage(
                    "backup-path",
                    format!("cannot create {}: {e}", dest.display()),
                )
                .hint("choose a writable location")
            };
            anyhow::Error::new(err)
        })?;
        let result = self
            .conn
            .execute("VACUUM INTO ?1", [dest.to_string_lossy()])
            .with_context(|| format!("could not write the backup to {}", dest.display()));
        if let Err(e) = result {
            // Leave no half-written backup behind.
            let _ = fs::remove_file(dest);
            return Err(e);
        }
        Ok(fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
    }
}
