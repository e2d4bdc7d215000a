//! Error kinds and the one mapping from errors to exit codes (SPEC §6).
//!
//! Commands return `anyhow::Result`; errors a user must be able to tell apart are a
//! [`CporError`] or a [`StorageError`] somewhere in the chain. [`classify`] turns any error into
//! the kind, code and exit status that are reported, looking through context for either; a
//! storage error gets its code and hints here, once. Nothing else in the program picks an exit
//! code: clap's usage errors and Ctrl-C take theirs from [`ErrorKind::exit_code`] too.

use crate::rules::Violation;
use crate::storage::StorageError;
use serde::Serialize;
use std::fmt;

/// What kind of failure this is; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Usage,
    Refused,
    NotFound,
    Busy,
    Database,
    /// (v2) The team backend's role of the caller may not do this.
    NotPermitted,
    Internal,
    Interrupted,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Usage => "usage",
            ErrorKind::Refused => "refused",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Busy => "busy",
            ErrorKind::Database => "database",
            ErrorKind::NotPermitted => "not-permitted",
            ErrorKind::Internal => "internal",
            ErrorKind::Interrupted => "interrupted",
        }
    }

    /// The exit-code table of SPEC §6.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Internal => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Refused => 3,
            ErrorKind::NotFound => 4,
            ErrorKind::Busy => 5,
            ErrorKind::Database => 6,
            ErrorKind::NotPermitted => 8,
            ErrorKind::Interrupted => 130,
        }
    }
}

/// Exit status for `troubleshoot` when it found at least one `error` finding.
pub const EXIT_FINDINGS: u8 = 7;

const BUG_HINT: &str = "this is a bug in cpor; please report it with the command you ran";
const ELSEWHERE_HINT: &str =
    "point --db or CPOR_DB at a cpor database, or at a path where a new one may be created";

/// An error a user can act on.
#[derive(Debug, Clone)]
pub struct CporError {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
    pub hints: Vec<String>,
    pub rules: Vec<Violation>,
}

impl CporError {
    fn new(kind: ErrorKind, code: &str, message: impl Into<String>) -> Self {
        CporError {
            kind,
            code: code.to_string(),
            message: message.into(),
            hints: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// Malformed input, a bad flag, or input missing without a terminal (exit 2).
    pub fn usage(code: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, code, message)
    }

    /// The CPOR rules refuse the request (exit 3); every failing rule is listed.
    pub fn refused(rules: Vec<Violation>) -> Self {
        let code = rules
            .first()
            .map(|r| r.code.as_str().to_string())
            .unwrap_or_else(|| "refused".into());
        let message = match rules.as_slice() {
            [one] => one.message.clone(),
            many => format!("refused by {} CPOR rules", many.len()),
        };
        let hints = rules.iter().map(|r| r.remedy.clone()).collect();
        CporError {
            kind: ErrorKind::Refused,
            code,
            message,
            hints,
            rules,
        }
    }

    /// A claim, partner or calendar that does not exist (exit 4).
    pub fn not_found(code: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, code, message)
    }

    /// The write lock was not obtained in time (exit 5).
    pub fn busy(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Busy, "database-busy", message)
            .hint("another cpor process is writing; retry, or raise busy_timeout_ms in the config")
    }

    /// The database cannot be used (exit 6).
    pub fn database(code: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Database, code, message)
    }

    /// The user interrupted the command (exit 130).
    pub fn interrupted() -> Self {
        Self::new(
            ErrorKind::Interrupted,
            "interrupted",
            "interrupted; nothing was written",
        )
    }

    /// The user declined a confirmation: nothing was done (exit 130, like an interruption).
    pub fn cancelled(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Interrupted, "cancelled", message)
    }

    /// Add a `hint:` line.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }
}

impl fmt::Display for CporError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CporError {}

impl From<&StorageError> for CporError {
    /// The one mapping of storage failures to what the user sees: kind, code and hints.
    fn from(e: &StorageError) -> Self {
        use StorageError as S;
        let message = e.to_string();
        match e {
            S::Busy { .. } => CporError::busy(message),
            S::Missing { .. } => {
                CporError::not_found("db-missing", message).hint("check --db / CPOR_DB")
            }
            S::NotADatabase { .. } => {
                CporError::database("not-a-database", message).hint(ELSEWHERE_HINT)
            }
            S::Foreign { .. } => {
                CporError::database("foreign-database", message).hint(ELSEWHERE_HINT)
            }
            S::SchemaNewer { .. } => CporError::database("schema-newer", message)
                .hint("upgrade cpor to the version that wrote this database"),
            S::Corrupt { .. } => CporError::database("database-corrupt", message)
                .hint("run `cpor troubleshoot` and restore the latest backup"),
            S::Permission { .. } => CporError::database("database-permission", message).hint(
                "check the file and its directory are readable and writable by this user, or point --db / CPOR_DB elsewhere",
            ),
            S::Io { .. } => CporError::database("database-io", message)
                .hint("check the disk holding the database"),
            S::DiskFull {
                location,
                free_bytes,
                backup,
            } => {
                let what = if *backup { "backup" } else { "database" };
                let free = free_bytes
                    .map(|b| format!(" ({b} bytes free)"))
                    .unwrap_or_default();
                CporError::database(
                    "disk-full",
                    format!("the disk holding the {what} {location} is full{free}; nothing was written"),
                )
                .hint(if *backup {
                    "free space on the backup's disk, or write the backup to another disk"
                } else {
                    "free space on that disk, then run the command again; `cpor troubleshoot` checks the database afterwards"
                })
            }
            S::DanglingLink { location, target } => CporError::database(
                "db-dangling-link",
                format!("{location} is a symbolic link that points nowhere: its target {target} does not exist"),
            )
            .hint("restore the database at the link's target, or point --db / CPOR_DB at the real file"),
            S::ReadOnly {
                location,
                directory: true,
            } => CporError::database(
                "database-read-only",
                format!(
                    "the directory holding {location} is read-only for this user: SQLite needs to create its journal beside the database"
                ),
            )
            .hint("make the directory writable by this user, or point --db / CPOR_DB at a database in a writable directory"),
            S::ReadOnly {
                location,
                directory: false,
            } => CporError::database(
                "database-read-only",
                format!("{location} is read-only for this user"),
            )
            .hint("make the file writable by this user (chmod u+w), or work on a copy"),
            S::JournalMode { .. } => CporError::database("journal-mode", message)
                .hint("on a network filesystem set journal_mode = \"delete\" in the config"),
            S::DestinationExists { .. } => CporError::usage("backup-exists", message)
                .hint("choose a new file name, e.g. one with today's date"),
            S::Destination { .. } => {
                CporError::usage("backup-path", message).hint("choose a writable location")
            }
            S::Unreachable { .. } => CporError::database("database-unreachable", message).hint(
                "check the server is running and the URL, user and password (PGPASSWORD or ~/.pgpass) are right",
            ),
            S::NotMigrated { .. } => CporError::database("schema-missing", message)
                .hint("the database owner runs `cpor db migrate` once to create or upgrade it"),
            S::NotPermitted { needs, .. } => {
                CporError::new(ErrorKind::NotPermitted, "not-permitted", message)
                    .hint(format!("this needs the role {needs}; an admin grants it with `cpor db grant LOGIN --role {}`", if needs.ends_with("admin") { "admin" } else { "user" }))
            }
            S::RunInProgress => CporError::busy(message),
            S::BackupUnsupported { .. } => CporError::usage("backup-postgres", message)
                .hint("back up the server with `pg_dump`, or write a portable copy with `cpor dump > cpor.dump`"),
            // A claim changing under the write lock, or malformed stored data: a bug.
            S::Conflict { .. } | S::Other(_) => {
                CporError::new(ErrorKind::Internal, "internal", format!("{e:#}")).hint(BUG_HINT)
            }
        }
    }
}

/// The reportable form of any error.
#[derive(Debug, Clone)]
pub struct Report {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
    pub hints: Vec<String>,
    pub rules: Vec<Violation>,
}

impl Report {
    /// The one-line JSON object of SPEC §6.
    pub fn to_json(&self) -> serde_json::Value {
        #[derive(Serialize)]
        struct Wrapper<'a> {
            error: Body<'a>,
        }
        #[derive(Serialize)]
        struct Body<'a> {
            kind: &'static str,
            code: &'a str,
            message: &'a str,
            hints: &'a [String],
            rules: Vec<Rule<'a>>,
        }
        #[derive(Serialize)]
        struct Rule<'a> {
            code: &'static str,
            message: &'a str,
            remedy: &'a str,
        }
        let error = Body {
            kind: self.kind.as_str(),
            code: &self.code,
            message: &self.message,
            hints: &self.hints,
            rules: self
                .rules
                .iter()
                .map(|r| Rule {
                    code: r.code.as_str(),
                    message: &r.message,
                    remedy: &r.remedy,
                })
                .collect(),
        };
        serde_json::to_value(Wrapper { error }).expect("an error report serializes")
    }
}

/// Decide kind, code and message for any error (the single mapping to exit codes).
pub fn classify(err: &anyhow::Error) -> Report {
    if let Some(e) = err.chain().find_map(|e| e.downcast_ref::<CporError>()) {
        // Context added above a CporError is for developers; the user sees the CporError.
        return Report {
            kind: e.kind,
            code: e.code.clone(),
            message: e.message.clone(),
            hints: e.hints.clone(),
            rules: e.rules.clone(),
        };
    }
    if let Some(e) = err.chain().find_map(|e| e.downcast_ref::<StorageError>()) {
        let e = CporError::from(e);
        return Report {
            kind: e.kind,
            code: e.code,
            message: e.message,
            hints: e.hints,
            rules: e.rules,
        };
    }
    Report {
        kind: ErrorKind::Internal,
        code: "internal".into(),
        message: format!("{err:#}"),
        hints: vec![BUG_HINT.into()],
        rules: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// Each storage failure keeps its public code and exit status.
    #[test]
    fn storage_errors_map_once_to_codes_and_exits() {
        let at = || "/x/cpor.db".to_string();
        let cases = [
            (StorageError::Busy { what: "w".into() }, "database-busy", 5),
            (
                StorageError::NotADatabase { location: at() },
                "not-a-database",
                6,
            ),
            (
                StorageError::Foreign {
                    location: at(),
                    application_id: 1,
                },
                "foreign-database",
                6,
            ),
            (
                StorageError::SchemaNewer {
                    location: at(),
                    version: 9,
                    supported: 2,
                },
                "schema-newer",
                6,
            ),
            (
                StorageError::Corrupt {
                    location: at(),
                    detail: "d".into(),
                },
                "database-corrupt",
                6,
            ),
            (
                StorageError::Permission {
                    location: at(),
                    detail: "d".into(),
                },
                "database-permission",
                6,
            ),
            (StorageError::Io { detail: "d".into() }, "database-io", 6),
            (
                StorageError::JournalMode {
                    requested: "wal".into(),
                    actual: "delete".into(),
                },
                "journal-mode",
                6,
            ),
            (
                StorageError::Conflict {
                    claim_id: 1,
                    expected: Status::Pending,
                    to: Status::Official,
                },
                "internal",
                1,
            ),
        ];
        for (e, code, exit) in cases {
            let report = classify(&anyhow::Error::new(e).context("while doing something"));
            assert_eq!(
                (report.code.as_str(), report.kind.exit_code()),
                (code, exit)
            );
            assert!(!report.hints.is_empty(), "{code} has a hint");
        }
    }

    /// A full disk names the disk that is full (the database's or the backup's), the path
    /// and the free space; a dangling link names its target; read-only says what is.
    #[test]
    fn faults_are_named_plainly() {
        let msg = |e: StorageError| {
            let r = classify(&anyhow::Error::new(e));
            assert_eq!(r.kind.exit_code(), 6);
            (r.code, r.message, r.hints.join("\n"))
        };
        let (code, m, h) = msg(StorageError::DiskFull {
            location: "/data/cpor.db".into(),
            free_bytes: Some(0),
            backup: false,
        });
        assert_eq!(code, "disk-full");
        assert!(
            m.contains("disk holding the database /data/cpor.db is full (0 bytes free)"),
            "{m}"
        );
        assert!(!h.contains("backup"), "{h}");
        let (_, m, h) = msg(StorageError::DiskFull {
            location: "/mnt/usb/b.db".into(),
            free_bytes: None,
            backup: true,
        });
        assert!(
            m.contains("disk holding the backup /mnt/usb/b.db is full;"),
            "{m}"
        );
        assert!(h.contains("backup's disk"), "{h}");
        let (code, m, _) = msg(StorageError::DanglingLink {
            location: "/data/cpor.db".into(),
            target: "/gone/cpor.db".into(),
        });
        assert_eq!(code, "db-dangling-link");
        assert!(
            m.contains("points nowhere") && m.contains("/gone/cpor.db"),
            "{m}"
        );
        let (code, m, _) = msg(StorageError::ReadOnly {
            location: "/data/cpor.db".into(),
            directory: true,
        });
        assert_eq!(code, "database-read-only");
        assert!(
            m.contains("directory holding /data/cpor.db is read-only"),
            "{m}"
        );
    }
}
