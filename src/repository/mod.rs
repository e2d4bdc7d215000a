//! Storage: the only module that speaks SQL.
//!
//! A cpor database is one SQLite file. [`Db::open`] creates it when missing (parent directory
//! too, file mode 0600), refuses anything that is not a cpor database of a version this binary
//! understands, and migrates older ones. Commands then work through [`Db::write`] and
//! [`Db::read`], which hand out a [`Tx`] with typed queries.
//!
//! ## Locking
//! Every write is one `BEGIN IMMEDIATE` transaction: the write lock is taken *before* anything is
//! read, so the rules are checked against the state the write will change and two processes
//! claiming the same unit are serialised. Taking the lock up front is also what makes SQLite's
//! busy handler wait (a deferred transaction that upgrades to a writer gets `SQLITE_BUSY` at
//! once); the wait is bounded by `busy_timeout_ms` and only then becomes exit 5. The partial
//! unique index on active claims and the one-holder trigger are a backstop under the rules.
//!
//! ## Compatibility
//! The schema is an append-only list of migrations keyed by `PRAGMA user_version`, each applied
//! in its own transaction. The file is stamped with [`APPLICATION_ID`]. A file that is not
//! SQLite, has a foreign application id, or a newer `user_version` is refused (exit 6) before
//! anything is written to it: the header is read by hand first, so SQLite never even opens a
//! file we would refuse.
//!
//! ## Performance
//! Hot statements use `prepare_cached`. Pending claims are indexed by deadline (finalize) and
//! active claims by unit (claim); finalize works in chunks so no transaction holds the write
//! lock for long.

mod backup;
mod calendars;
mod claims;
mod health;
mod open;
mod partners;
mod runs;
mod schema;

pub use claims::{ClaimChange, ClaimFilter, ClaimSort};
pub use health::{Overdue, PoeFile};
pub use open::{DbState, JournalMode, OpenOptions, ReadOnlyDb, inspect};
pub use partners::EnrolOutcome;
pub use runs::FinalizeRun;
pub use schema::LATEST_VERSION;

use crate::error::CporError;
use anyhow::Context;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a cpor database ("CPOR" in ASCII).
pub const APPLICATION_ID: i32 = 0x4350_4F52;

/// An open, migrated cpor database.
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

/// A transaction on the database; all queries go through it.
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
}

impl Db {
    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction; commit if it returns `Ok`, roll back
    /// otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, "could not start a write transaction"))?;
        let tx = Tx { tx };
        let out = f(&tx)?;
        tx.tx
            .commit()
            .map_err(|e| busy_or(e, "could not commit the write transaction"))?;
        Ok(out)
    }

    /// Run `f` in one read transaction (a consistent snapshot).
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .context("could not start a read transaction")?;
        let tx = Tx { tx };
        let out = f(&tx)?;
        tx.tx
            .commit()
            .context("could not end the read transaction")?;
        Ok(out)
    }
}

/// Turn a lock timeout into the user-facing busy error; anything else keeps its context.
fn busy_or(e: rusqlite::Error, what: &'static str) -> anyhow::Error {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => CporError::busy(format!(
            "the database is busy: {what} within the busy timeout"
        ))
        .into(),
        _ => anyhow::Error::new(e).context(what),
    }
}
