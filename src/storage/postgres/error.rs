//! The one place where PostgreSQL's failures become [`StorageError`]s.

use super::schema::{ADMIN_ROLE, USER_ROLE};
use crate::storage::StorageError;
use postgres::error::SqlState;

/// Who is connected, for the errors that name the role an action needs.
#[derive(Debug, Clone, Default)]
pub struct Caller {
    pub location: String,
    pub user: String,
    pub admin: bool,
    pub member: bool,
}

/// Classify a failed query: a [`StorageError`] raised inside passes through, a PostgreSQL
/// failure (possibly under context) gets its kind, anything else is [`StorageError::Other`].
pub(super) fn from_anyhow(e: anyhow::Error, caller: &Caller) -> StorageError {
    let e = match e.downcast::<StorageError>() {
        Ok(s) => return s,
        Err(e) => e,
    };
    match e.chain().find_map(|c| c.downcast_ref::<postgres::Error>()) {
        Some(pg) => classify(pg, caller).unwrap_or(StorageError::Other(e)),
        None => StorageError::Other(e),
    }
}

/// Classify a PostgreSQL failure outside a query (begin, commit).
pub(super) fn from_pg(e: postgres::Error, caller: &Caller) -> StorageError {
    classify(&e, caller).unwrap_or_else(|| StorageError::Other(e.into()))
}

/// The server's own words for a failure, never the password (the server never echoes it).
pub fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    text
}

fn classify(e: &postgres::Error, caller: &Caller) -> Option<StorageError> {
    let Some(code) = e.code() else {
        return e.is_closed().then(|| StorageError::Unreachable {
            location: caller.location.clone(),
            detail: reason(e),
        });
    };
    let detail = reason(e);
    Some(match code {
        c if *c == SqlState::INSUFFICIENT_PRIVILEGE => {
            let rls = detail.contains("row-level security");
            let admin_only = rls
                || detail.contains(ADMIN_ROLE)
                || [
                    "partners",
                    "enrolments",
                    "calendars",
                    "holidays",
                    "finalize_runs",
                    "pins",
                ]
                .iter()
                .any(|t| detail.ends_with(&format!("table {t}")));
            let needs = if admin_only || caller.member {
                ADMIN_ROLE
            } else {
                USER_ROLE
            };
            let detail = if rls {
                format!(
                    "{} may change only the claims it filed ({detail})",
                    caller.user
                )
            } else {
                detail
            };
            StorageError::NotPermitted {
                user: caller.user.clone(),
                needs: needs.to_string(),
                detail,
            }
        }
        c if *c == SqlState::LOCK_NOT_AVAILABLE
            || *c == SqlState::QUERY_CANCELED
            || *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::T_R_SERIALIZATION_FAILURE =>
        {
            StorageError::Busy { what: detail }
        }
        c if *c == SqlState::INVALID_PASSWORD
            || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            || *c == SqlState::INVALID_CATALOG_NAME
            || *c == SqlState::CANNOT_CONNECT_NOW
            || *c == SqlState::TOO_MANY_CONNECTIONS
            || *c == SqlState::ADMIN_SHUTDOWN =>
        {
            StorageError::Unreachable {
                location: caller.location.clone(),
                detail,
            }
        }
        c if *c == SqlState::DISK_FULL || *c == SqlState::IO_ERROR => StorageError::Io { detail },
        c if *c == SqlState::UNDEFINED_TABLE => StorageError::NotMigrated {
            location: caller.location.clone(),
        },
        _ => return None,
    })
}
