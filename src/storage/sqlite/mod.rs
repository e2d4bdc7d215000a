//! The SQLite backend: one database file.
//!
//! [`SqliteStore::open`] creates the file when missing (parent directory too, file mode 0600),
//! refuses anything that is not a cpor database of a version this binary understands, and
//! migrates older ones. [`SqliteStore::open_read_only`] is the diagnostic open of `troubleshoot`.
//! Transactions are a [`SqliteTxn`]; rusqlite errors become [`StorageError`]s in one place
//! ([`error`]).
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
//! Hot statements use `prepare_cached`. Every `list` form is an index lookup (migration 5): each
//! filter column has an index ending in `filed_at`, so the default order (newest first) walks it
//! and `LIMIT` stops early; pending claims are indexed by deadline (a partial index, which SQLite
//! only uses when the query text says `status = 'pending'`, so statuses are written as literals)
//! for finalize and `list --status pending --sort deadline`; `unit_key` is indexed for the claim
//! rules and `troubleshoot ID`. `list` counts the matches only for the footer of a table on a
//! terminal; otherwise it reads one row past the limit to know that more exist. Large reads
//! stream ([`SqliteTxn::for_each_claim`]) instead of collecting.
//!
//! The page cache is 16 MiB (`cache_size = -16384`, SQLite's default is 2 MiB). finalize
//! touches the claim, its history and five indexes per claim; with the default cache the pages
//! were evicted and allocated again all the time, and most of finalize's time went to the
//! kernel handing memory back and forth (20,000 claims: 1.08 s, 0.64 s of it system time;
//! with 16 MiB: 0.45 s). The cache only grows as pages are read, so a small command stays
//! small, and no command's memory grows with the number of claims beyond it.
//!
//! Statement journals stay in memory up to 8 MiB (SQLite's default moves them to a temporary
//! file past 64 KiB) and SQLite keeps no memory statistics; see `open::configure_library` for
//! why and what it saved finalize, import and restore.
//!
//! A finalize chunk is written set-based ([`SqliteTxn::finalize_chunk`]): the claims' last hashes
//! in one query, then every event and every status from one JSON array. Per claim, a query
//! with `claim_id = ?` is prepared again on every bind once `ANALYZE` has run (SQLite's STAT4
//! plans by the bound value), and each small statement journals its pages anew.
//!
//! finalize commits by elapsed time (about 150 ms of work per transaction) instead of a fixed
//! number of rows: a commit, with its flush to disk, costs far more than finalizing a claim, so
//! fewer commits are most of the difference to one raw transaction, while a `claim` filed
//! meanwhile still waits at most one chunk for the lock.
//!
//! ## Durability
//! Commits run with `synchronous = FULL`: once a command reports success, the change survives a
//! power loss. finalize is the one exception, deliberately: its chunks commit with
//! `synchronous = NORMAL` ([`Store::relax_durability`]) and only its last commit (recording the
//! run as finished) is `FULL` again. This is safe because
//! - in WAL mode `NORMAL` never corrupts the database: a crash loses the newest commits whole,
//!   never part of one, so each lost chunk is lost together with its history events and its
//!   count in the run record;
//! - finalize is idempotent: a claim whose chunk was lost is still pending and overdue, and the
//!   next run (cron's next night, or the operator's rerun) finalizes it with the same
//!   `official_at` (its deadline), so nothing differs but the time of the history event;
//! - the last commit flushes the WAL file, and with it every frame written before it, so when
//!   finalize reports success all of its chunks are durable, exactly as with `FULL` throughout;
//! - a run that crashed is visible: its record has no `finished_at` (troubleshoot reports it).
//!
//! In the rollback journal modes (`delete`, `truncate`, `persist`, for network filesystems)
//! `NORMAL` can corrupt the database on power loss, so there every commit stays `FULL`.

mod backup;
mod bulk;
mod calendars;
mod claims;
mod corrections;
mod error;
mod health;
mod open;
mod partners;
mod queue;
mod runs;
mod schema;
mod snapshot;
mod values;

pub use open::probe;
pub use schema::LATEST_VERSION;

use super::{
    BackendFacts, ClaimFilter, EnrolOutcome, FinalizeRun, GroupCounts, MonthCounts, Overdue,
    PartnerRecord, PinWithoutClaim, PoeFile, ReportGroup, StatusCounts, StorageError, Store, Txn,
};
use crate::model::{
    Claim, HistoryEvent, NewClaim, Partner, Pin, PinKind, PinLogEntry, Program, Status,
};
use crate::rules::calendar::Calendar;
use crate::rules::eligibility::{StoredFacts, UnitRequest};
use crate::rules::lifecycle::{ClaimState, Transition};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a cpor database ("CPOR" in ASCII).
pub const APPLICATION_ID: i32 = 0x4350_4F52;

/// An open cpor database file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// Set for the diagnostic open: the journal mode read from the file header, since an
    /// immutable open cannot ask SQLite; `None` for a normal open.
    header_journal: Option<&'static str>,
    /// The diagnostic open found a hot rollback journal and reads the rolled-back copy.
    hot_journal: bool,
    /// Keeps the temporary copy of a diagnostic open alive while it is read.
    _copy: Option<open::TempCopy>,
    /// The diagnostic open's SHARED lock, held while it reads.
    _lock: Option<snapshot::SharedLock>,
}

/// A transaction on a [`SqliteStore`].
pub struct SqliteTxn<'c> {
    tx: rusqlite::Transaction<'c>,
    /// The database file, for errors that name it.
    path: &'c Path,
}

impl Store for SqliteStore {
    fn write(&mut self) -> Result<Box<dyn Txn + '_>, StorageError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| error::busy_or(e, "could not start a write transaction", &self.path))?;
        Ok(Box::new(SqliteTxn {
            tx,
            path: &self.path,
        }))
    }

    fn read(&mut self) -> Result<Box<dyn Txn + '_>, StorageError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(|e| error::busy_or(e, "could not start a read transaction", &self.path))?;
        Ok(Box::new(SqliteTxn {
            tx,
            path: &self.path,
        }))
    }

    fn facts(&mut self) -> Result<BackendFacts, StorageError> {
        let mut facts = probe(&self.path)?;
        facts.hot_journal = self.hot_journal;
        facts.journal_mode = Some(match self.header_journal {
            Some(mode) => mode.to_string(),
            None => self
                .conn
                .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
                .map_err(|e| error::from_sqlite(e, &self.path))?,
        });
        Ok(facts)
    }

    fn backup_to(&mut self, dest: &Path) -> Result<u64, StorageError> {
        backup::vacuum_into(&self.conn, dest)
    }

    /// `synchronous = NORMAL` while relaxed, but only in WAL mode, where it keeps the database
    /// consistent through a crash (in the rollback journal modes it may not): see the module
    /// docs, Durability.
    fn relax_durability(&mut self, relaxed: bool) -> Result<(), StorageError> {
        let sql = if relaxed {
            "PRAGMA synchronous = NORMAL"
        } else {
            "PRAGMA synchronous = FULL"
        };
        let wal = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
            .map_err(|e| error::from_sqlite(e, &self.path))?
            .eq_ignore_ascii_case("wal");
        if wal || !relaxed {
            self.conn
                .execute_batch(sql)
                .map_err(|e| error::from_sqlite(e, &self.path))?;
        }
        Ok(())
    }
}

/// Delegate each [`Txn`] query to the inherent method of the same name (in this module's
/// files), mapping its error once.
macro_rules! delegate {
    ($( fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) -> $ret:ty; )*) => {
        $(
            fn $name(&mut self $(, $arg: $ty)*) -> Result<$ret, StorageError> {
                SqliteTxn::$name(&*self $(, $arg)*).map_err(|e| error::from_anyhow(e, self.path))
            }
        )*
    };
}

impl Txn for SqliteTxn<'_> {
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

    fn commit(self: Box<Self>) -> Result<(), StorageError> {
        let path = self.path;
        self.tx
            .commit()
            .map_err(|e| error::busy_or(e, "could not commit the transaction", path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, PartnerContact, Poe};
    use crate::rules::lifecycle::finalize_due;
    use crate::storage::{OpenOptions, write};

    fn temp_db(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cpor-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("cpor.db")
    }

    fn new_claim(at: DateTime<Utc>) -> NewClaim {
        NewClaim {
            name: "n".into(),
            program: Program::OsuM365,
            partner_id: "1000".into(),
            tenant_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            domain: "contoso.com".into(),
            workload: "teams".into(),
            subscription_id: None,
            channel: None,
            filed_at: at,
            filed_by: "a".into(),
            notified_at: at,
            deadline: at,
            deadline_day: at.date_naive(),
            calendar: "default".into(),
            customer: Contact {
                name: "c".into(),
                title: "t".into(),
                email: "c@contoso.com".into(),
            },
            technical: None,
            partner_contact: PartnerContact {
                name: "p".into(),
                email: "p@partner.com".into(),
            },
            poe: Poe {
                location: "https://x".into(),
                sha256: None,
                size: None,
                signed_on: at.date_naive(),
            },
            purchase_date: None,
            comment: None,
            warnings: vec![],
        }
    }

    /// The store applies a decided transition exactly, and refuses one whose `from` is stale.
    #[test]
    fn apply_records_the_decision_and_guards_on_from() {
        let path = temp_db("apply");
        let mut store = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
        let at: DateTime<Utc> = "2025-06-10T00:00:00Z".parse().unwrap();
        let now: DateTime<Utc> = "2025-06-12T02:15:00Z".parse().unwrap();
        let claim = write(&mut store, |tx| {
            let id = tx.insert_claim(&new_claim(at))?;
            let due = tx.due_claims(now, None)?;
            let t = finalize_due(due[0], now).expect("due");
            tx.apply(&t, now, "cron")?;
            // The same decision again is stale: the claim is no longer pending.
            let stale = tx.apply(&t, now, "cron").unwrap_err();
            assert!(matches!(stale, StorageError::Conflict { claim_id, .. } if claim_id == id));
            Ok(tx.claim(id)?.unwrap())
        })
        .unwrap();
        assert_eq!(claim.status, Status::Official);
        assert_eq!(claim.official_at, Some(at));
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }

    /// The overdue count stops one past a cap and says more exist; without a cap it is exact.
    #[test]
    fn overdue_counts_up_to_a_cap() {
        let path = temp_db("overdue");
        let mut store = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
        let at: DateTime<Utc> = "2025-06-10T00:00:00Z".parse().unwrap();
        let now: DateTime<Utc> = "2025-06-12T02:15:00Z".parse().unwrap();
        let counts = write(&mut store, |tx| {
            for i in 0..5 {
                let mut c = new_claim(at);
                c.workload = ["teams", "exchange", "sharepoint", "onedrive", "intune"][i].into();
                tx.insert_claim(&c)?;
            }
            let mut counts = Vec::new();
            for cap in [Some(3), Some(5), Some(9), None] {
                let o = tx.overdue(now, cap)?;
                assert_eq!(o.oldest_deadline, Some(at));
                counts.push((o.count, o.capped));
            }
            Ok(counts)
        })
        .unwrap();
        assert_eq!(counts, [(3, true), (5, false), (5, false), (5, false)]);
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }

    const WORKLOADS: [&str; 5] = ["teams", "exchange", "sharepoint", "onedrive", "intune"];

    /// A finalize chunk makes every claim official as of its deadline with a chained event;
    /// one claim no longer pending fails the whole chunk, and its transaction writes nothing.
    #[test]
    fn a_finalize_chunk_is_set_based_all_or_none() {
        use crate::rules::history::verify_chain;
        use crate::rules::lifecycle::{Decision, withdraw};
        let path = temp_db("chunk");
        let mut store = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
        let at: DateTime<Utc> = "2025-06-10T00:00:00Z".parse().unwrap();
        let now: DateTime<Utc> = "2025-06-12T02:15:00Z".parse().unwrap();
        let ids = write(&mut store, |tx| {
            WORKLOADS
                .iter()
                .map(|w| {
                    let mut c = new_claim(at);
                    c.workload = (*w).into();
                    Ok(tx.insert_claim(&c)?)
                })
                .collect::<anyhow::Result<Vec<i64>>>()
        })
        .unwrap();
        let decided = |store: &mut SqliteStore| {
            crate::storage::read(store, |tx| Ok(tx.due_claims(now, None)?))
                .unwrap()
                .into_iter()
                .filter_map(|c| finalize_due(c, now))
                .collect::<Vec<_>>()
        };
        // Decided while all five are pending; then claim 2 is withdrawn: the chunk is stale.
        let stale = decided(&mut store);
        assert_eq!(stale.len(), 5);
        write(&mut store, |tx| {
            let c = tx.due_claims(now, None)?[1];
            let Decision::Move(t) = withdraw(c, now, "wrong tenant".into()).unwrap() else {
                panic!("a pending claim can be withdrawn")
            };
            Ok(tx.apply(&t, now, "ana")?)
        })
        .unwrap();
        let err = write(&mut store, |tx| Ok(tx.apply_all(&stale, now, "cron")?)).unwrap_err();
        // The conflict names the claim that changed, not the chunk's first.
        assert!(
            matches!(err.downcast_ref(), Some(StorageError::Conflict { claim_id, .. }) if *claim_id == ids[1]),
            "{err:#}"
        );
        let statuses = |store: &mut SqliteStore| {
            crate::storage::read(store, |tx| {
                ids.iter()
                    .map(|id| Ok(tx.claim(*id)?.unwrap().status))
                    .collect::<anyhow::Result<Vec<_>>>()
            })
            .unwrap()
        };
        let mut expected = vec![Status::Pending; 5];
        expected[1] = Status::Withdrawn;
        assert_eq!(statuses(&mut store), expected);

        // Decided afresh, the four pending claims are finalized together.
        let fresh = decided(&mut store);
        assert_eq!(fresh.len(), 4);
        write(&mut store, |tx| Ok(tx.apply_all(&fresh, now, "cron")?)).unwrap();
        expected = vec![Status::Official; 5];
        expected[1] = Status::Withdrawn;
        assert_eq!(statuses(&mut store), expected);
        crate::storage::read(&mut store, |tx| {
            for id in &ids {
                let c = tx.claim(*id)?.unwrap();
                let history = tx.history(*id)?;
                assert_eq!(verify_chain(*id, c.status, &history), vec![], "claim {id}");
                if c.status == Status::Official {
                    assert_eq!(c.official_at, Some(at));
                    assert_eq!(history.len(), 2);
                    assert_eq!(history[1].actor, "cron");
                }
            }
            Ok(())
        })
        .unwrap();
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }

    /// The claim count stops one past a cap; without a cap it is exact.
    #[test]
    fn claims_are_counted_up_to_a_cap() {
        let path = temp_db("count");
        let mut store = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
        let at: DateTime<Utc> = "2025-06-10T00:00:00Z".parse().unwrap();
        let counts = write(&mut store, |tx| {
            for w in WORKLOADS {
                let mut c = new_claim(at);
                c.workload = w.into();
                tx.insert_claim(&c)?;
            }
            [Some(3), Some(5), Some(9), None]
                .into_iter()
                .map(|cap| Ok(tx.claim_count(cap)?))
                .collect::<anyhow::Result<Vec<u64>>>()
        })
        .unwrap();
        assert_eq!(counts, [4, 5, 5, 5]);
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}
