//! `cpor troubleshoot` alone: the health of the installation.

use super::*;
use crate::storage::LockWait;
use std::collections::HashMap;

/// The installation report. `damaged` is what SQLite said when the database could not be read
/// at all: the report is still made, from what can be known without reading it.
pub(super) fn installation_report(
    ctx: &Ctx,
    deep: bool,
    damaged: Option<&str>,
) -> anyhow::Result<(Report, Vec<Finding>)> {
    let facts = storage::probe(&ctx.location())?;
    let team = ctx.location().is_postgres();
    let mut findings = Vec::new();
    let mut rows: Vec<(String, String)> = vec![
        ("cpor".into(), env!("CARGO_PKG_VERSION").into()),
        (facts.backend.into(), facts.backend_version.clone()),
        ("database".into(), facts.location.clone()),
    ];
    // The team backend's own facts: who is connected, and locks others wait for.
    let mut role_missing = None;
    if let Some(role) = &facts.role {
        rows.push((
            "role".into(),
            format!(
                "{} ({})",
                role.login,
                role.cpor_role.as_deref().unwrap_or("no cpor role")
            ),
        ));
        if role.cpor_role.is_none() {
            role_missing = Some(role_missing_finding(&role.login));
        }
    }
    let lock_wait_secs = team.then(storage_lock_wait_secs);
    if let Some(secs) = lock_wait_secs {
        rows.push((
            "lock waits".into(),
            if facts.lock_waits.is_empty() {
                format!("none longer than {secs} s")
            } else {
                facts
                    .lock_waits
                    .iter()
                    .map(|w| {
                        format!(
                            "pid {} ({}): held {} s, {} waiting",
                            w.pid, w.role, w.held_secs, w.waiting
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            },
        ));
        findings.extend(lock_waits_finding(&facts.lock_waits, secs));
    }
    let wal_size = facts.wal_bytes;
    let mut database = DatabaseReport {
        path: facts.location.clone(),
        exists: facts.state != BackendState::Missing,
        size_bytes: facts.size_bytes,
        wal_bytes: wal_size,
        mode: None,
        schema_version: None,
        journal_mode: None,
        integrity: None,
        latest_schema_version: LATEST_VERSION,
    };
    if let Some(size) = facts.size_bytes {
        rows.push((
            "size".into(),
            format!(
                "{size} bytes{}",
                wal_size
                    .map(|w| format!(" (+{w} bytes of WAL)"))
                    .unwrap_or_default()
            ),
        ));
        if let Some(mode) = facts.mode {
            rows.push(("permissions".into(), format!("{mode:04o}")));
            database.mode = Some(format!("{mode:04o}"));
            if mode & 0o077 != 0 {
                findings.push(Finding::new(
                    Severity::Warning,
                    "db-permissions",
                    format!("the database is readable or writable by group or others (mode {mode:04o}); it holds customer contacts"),
                    format!("chmod 600 {}", facts.location),
                ));
            }
        }
    }
    if let Some(free) = facts.free_bytes
        && let Some(f) = disk_low_finding(free, facts.size_bytes.unwrap_or(0), &facts.location)
    {
        findings.push(f);
    }
    let mut contents = None;
    let opened = match (damaged, role_missing) {
        (Some(detail), _) => Err(damage_finding(detail)),
        // Without a cpor role the login may not read the tables: the role is the finding.
        (None, Some(f)) if facts.state == BackendState::Unreadable => Err(f),
        (None, missing) => {
            findings.extend(missing);
            open_for_reading(ctx)?
        }
    };
    match opened {
        Err(f) => {
            rows.push(("state".into(), f.message.clone()));
            findings.push(f);
        }
        Ok((mut db, version)) => {
            findings.extend(schema_finding(version));
            findings.extend(hot_journal_finding(db.as_mut(), &facts.location)?);
            let now = ctx.now;
            let journal = db.facts()?.journal_mode.unwrap_or_default();
            let (deep_found, overdue, last_run, calendars, poe_files, claims) =
                storage::read(db.as_mut(), |tx| {
                    // Counting every claim is O(n) too: the default run stops at CLAIMS_CAP.
                    let claims = tx.claim_count((!deep).then_some(CLAIMS_CAP))?;
                    let calendars = tx
                        .calendar_names()?
                        .iter()
                        .filter_map(|n| tx.calendar(n).transpose())
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((
                        if deep {
                            Some(deep::deep_checks(ctx, tx, version, claims)?)
                        } else {
                            None
                        },
                        // Counting every overdue claim is O(their number): the default run
                        // stops at OVERDUE_CAP, --deep counts them all.
                        tx.overdue(now, (!deep).then_some(OVERDUE_CAP))?,
                        // Finalize runs are recorded from schema version 2 on.
                        if version >= 2 {
                            tx.last_finalize_run()?
                        } else {
                            None
                        },
                        calendars,
                        // Looking at every PoE file costs a file-system lookup per active claim:
                        // an O(n) check, so it is --deep's (`troubleshoot ID` checks its own).
                        if deep {
                            Some(tx.active_poe_files()?)
                        } else {
                            None
                        },
                        claims,
                    ))
                })?;
            rows.push((
                "schema version".into(),
                format!("{version} (this cpor: {LATEST_VERSION})"),
            ));
            if !team {
                rows.push(("journal mode".into(), journal.clone()));
            }
            let integrity = deep_found.as_ref().map(|d| d.integrity.clone());
            let healthy = integrity
                .as_ref()
                .is_none_or(|i| i.len() == 1 && i[0] == "ok");
            rows.push((
                "integrity".into(),
                match &integrity {
                    None => NOT_CHECKED.into(),
                    Some(_) if healthy => "ok".into(),
                    Some(i) => i.join("\n"),
                },
            ));
            if let Some(i) = integrity.as_ref().filter(|_| !healthy) {
                findings.push(if team {
                    Finding::new(
                        Severity::Error,
                        "integrity-failed",
                        format!("the database's consistency check failed: {}", i.join("; ")),
                        "stop writing to it; restore the latest `pg_dump` or `cpor dump` (see the README)",
                    )
                } else {
                    Finding::new(
                        Severity::Error,
                        "integrity-failed",
                        format!("SQLite's integrity check failed: {}", i.join("; ")),
                        "stop writing to it; restore the latest backup (see the README), or recover with `sqlite3 cpor.db .recover`",
                    )
                });
            }
            if let Some(d) = &deep_found {
                rows.push((
                    "history".into(),
                    format!("{} claims' hash chains and statuses verified", d.chains),
                ));
                findings.extend(d.findings.iter().cloned());
            }
            let claims_capped = claims > CLAIMS_CAP && !deep;
            let claims = if claims_capped { CLAIMS_CAP } else { claims };
            rows.push((
                "claims".into(),
                if claims_capped {
                    format!("more than {claims} (`--deep` counts them all)")
                } else {
                    claims.to_string()
                },
            ));
            let how_many = if overdue.capped {
                format!("more than {}", overdue.count)
            } else {
                overdue.count.to_string()
            };
            if overdue.count > 0 {
                findings.push(Finding::new(
                    Severity::Error,
                    "finalize-overdue",
                    format!(
                        "{} pending claim{} passed {} deadline (oldest {}) without becoming official: finalize is not running (claims {})",
                        how_many,
                        if overdue.count == 1 { "" } else { "s" },
                        if overdue.count == 1 { "its" } else { "their" },
                        overdue.oldest_deadline.map(utc_text).unwrap_or_default(),
                        overdue.sample.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
                            + if overdue.count as usize > overdue.sample.len() { ", ..." } else { "" }
                    ),
                    "run `cpor finalize` now, and schedule it nightly (cron: `15 2 * * * cpor finalize --quiet`)",
                ));
            }
            rows.push(("pending past deadline".into(), how_many));
            rows.push((
                "last finalize".into(),
                describe_run(last_run.as_ref(), version),
            ));
            if let Some(run) = &last_run
                && run.finished_at.is_none()
            {
                findings.push(Finding::new(
                    Severity::Warning,
                    "finalize-interrupted",
                    format!(
                        "the last finalize run (started {} by {}) did not finish; {} claims were finalized before it stopped",
                        utc_text(run.started_at),
                        run.actor,
                        run.finalized
                    ),
                    "run `cpor finalize` again: it finishes the rest, and no claim is left half-done",
                ));
            }
            let mut cal_json = Vec::new();
            for cal in &calendars {
                let year = now.with_timezone(&cal.tz).year();
                let this_year = cal.holidays.keys().filter(|d| d.year() == year).count();
                cal_json.push(CalendarReport {
                    name: cal.name.clone(),
                    tz: cal.tz.name(),
                    holidays_this_year: this_year,
                });
                if this_year == 0 {
                    findings.push(Finding::new(
                        Severity::Info,
                        "no-holidays",
                        format!("calendar {} has no holidays in {year}: only weekends are skipped", cal.name),
                        format!(
                            "if that is intended, nothing to do; otherwise `cpor calendar import {} holidays-{year}.ics` or `cpor calendar holiday add {} {year}-12-25`",
                            cal.name, cal.name
                        ),
                    ));
                }
            }
            let poe_report = match &poe_files {
                Some(poe_files) => {
                    // Many claims share one PoE file: each path is looked at once.
                    let mut present: HashMap<&str, bool> = HashMap::new();
                    let mut missing: Vec<i64> = poe_files
                        .iter()
                        .filter(|p| {
                            !*present
                                .entry(p.path.as_str())
                                .or_insert_with(|| Path::new(&p.path).is_file())
                        })
                        .map(|p| p.claim_id)
                        .collect();
                    missing.dedup();
                    if !missing.is_empty() {
                        findings.push(Finding::new(
                            Severity::Warning,
                            "poe-missing",
                            format!(
                                "{} active claim{}' proof-of-execution files are missing (claims {})",
                                missing.len(),
                                if missing.len() == 1 { "" } else { "s" },
                                missing.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
                            ),
                            "restore the files to their recorded paths; `cpor troubleshoot ID` shows each claim's paths, and `cpor poe add ID --poe PATH|URL --poe-signed DATE` records a fresh one",
                        ));
                    }
                    rows.push((
                        "PoE files".into(),
                        format!(
                            "{} recorded on active claims, {} missing",
                            poe_files.len(),
                            missing.len()
                        ),
                    ));
                    PoeFilesReport {
                        checked: true,
                        recorded: Some(poe_files.len()),
                        missing,
                    }
                }
                None => {
                    rows.push(("PoE files".into(), NOT_CHECKED.into()));
                    PoeFilesReport {
                        checked: false,
                        recorded: None,
                        missing: Vec::new(),
                    }
                }
            };
            database.schema_version = Some(version);
            database.journal_mode = (!team).then_some(journal);
            database.integrity = Some(match integrity {
                None => Integrity::Summary(NOT_CHECKED),
                Some(_) if healthy => Integrity::Summary("ok"),
                Some(i) => Integrity::Problems(i),
            });
            contents = Some(Contents {
                claims,
                claims_capped,
                pending_past_deadline: overdue.count,
                pending_past_deadline_capped: overdue.capped,
                last_finalize: last_run.as_ref().map(|r| RunReport {
                    started_at: r.started_at,
                    finished_at: r.finished_at,
                    actor: r.actor.clone(),
                    finalized: r.finalized,
                }),
                calendars: cal_json,
                poe_files: poe_report,
            });
        }
    }
    let postgresql = facts.role.as_ref().map(|role| TeamReport {
        server_version: facts.backend_version.clone(),
        role: RoleReport {
            login: role.login.clone(),
            cpor_role: role.cpor_role.clone(),
        },
        lock_wait_threshold_secs: lock_wait_secs.unwrap_or_default(),
        lock_waits: facts
            .lock_waits
            .iter()
            .map(|w| LockWaitReport {
                pid: w.pid,
                role: w.role.clone(),
                held_secs: w.held_secs,
                waiting: w.waiting,
            })
            .collect(),
    });
    let body = InstallationReport {
        cpor_version: env!("CARGO_PKG_VERSION"),
        sqlite_version: (!team).then_some(facts.backend_version),
        now: ctx.now,
        database,
        contents,
        postgresql,
    };
    Ok((
        Report {
            body: Body::Installation(Box::new(body)),
            sections: vec![("Installation".into(), rows)],
        },
        findings,
    ))
}

/// The installation report's context, as JSON gives it.
#[derive(Serialize)]
pub(super) struct InstallationReport {
    cpor_version: &'static str,
    /// The SQLite library's version (not on PostgreSQL: see `postgresql.server_version`).
    #[serde(skip_serializing_if = "Option::is_none")]
    sqlite_version: Option<String>,
    #[serde(serialize_with = "utc")]
    now: DateTime<Utc>,
    database: DatabaseReport,
    /// What is known only when the database could be read.
    #[serde(flatten)]
    contents: Option<Contents>,
    /// The team backend's facts (SPEC §9); absent on SQLite.
    #[serde(skip_serializing_if = "Option::is_none")]
    postgresql: Option<TeamReport>,
}

/// What a PostgreSQL server says about this connection.
#[derive(Serialize)]
struct TeamReport {
    server_version: String,
    role: RoleReport,
    lock_wait_threshold_secs: u64,
    lock_waits: Vec<LockWaitReport>,
}

/// The connected login and its cpor role (`null` when it has none).
#[derive(Serialize)]
struct RoleReport {
    login: String,
    cpor_role: Option<String>,
}

/// A session holding a lock others have waited for longer than the threshold.
#[derive(Serialize)]
struct LockWaitReport {
    pid: i32,
    role: String,
    held_secs: u64,
    waiting: u64,
}

/// The database file; the fields after `wal_bytes` are there when it could be read.
#[derive(Serialize)]
struct DatabaseReport {
    path: String,
    exists: bool,
    size_bytes: Option<u64>,
    wal_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema_version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integrity: Option<Integrity>,
    latest_schema_version: i64,
}

/// `"ok"` or "not checked", or the problems SQLite's integrity check listed.
#[derive(Serialize)]
#[serde(untagged)]
enum Integrity {
    Summary(&'static str),
    Problems(Vec<String>),
}

/// What the database holds, in the cheap checks' terms.
#[derive(Serialize)]
struct Contents {
    claims: u64,
    /// There are more claims than `claims` counts (`--deep` counts all).
    claims_capped: bool,
    pending_past_deadline: u64,
    /// More are past their deadline than `pending_past_deadline` counts (`--deep` counts all).
    pending_past_deadline_capped: bool,
    last_finalize: Option<RunReport>,
    calendars: Vec<CalendarReport>,
    poe_files: PoeFilesReport,
}

#[derive(Serialize)]
struct RunReport {
    #[serde(serialize_with = "utc")]
    started_at: DateTime<Utc>,
    #[serde(serialize_with = "utc_opt")]
    finished_at: Option<DateTime<Utc>>,
    actor: String,
    finalized: u64,
}

#[derive(Serialize)]
struct CalendarReport {
    name: String,
    tz: &'static str,
    holidays_this_year: usize,
}

/// PoE versions of active claims that are local files, and the claims missing one.
#[derive(Serialize)]
struct PoeFilesReport {
    /// Whether the files were looked at (`--deep`).
    checked: bool,
    recorded: Option<usize>,
    missing: Vec<i64>,
}

/// How many overdue claims the default run counts before it says "more than".
const OVERDUE_CAP: u64 = 10_000;

/// How many claims the default run counts before it says "more than": counting is O(n), about
/// 2 ms per 100,000 claims in SQLite.
const CLAIMS_CAP: u64 = 100_000;

/// What the integrity row says when only the cheap checks ran.
const NOT_CHECKED: &str = "not checked (run `cpor troubleshoot --deep`)";

/// Below how many free bytes the disk is low: 64 MiB or the database's size, whichever is
/// smaller (at least one byte, so an empty database on a full disk still counts).
fn disk_low_threshold(db_size: u64) -> u64 {
    const FLOOR: u64 = 64 * 1024 * 1024;
    FLOOR.min(db_size.max(1))
}

/// `disk-low`: free space below [`disk_low_threshold`].
fn disk_low_finding(free: u64, db_size: u64, shown: &str) -> Option<Finding> {
    let threshold = disk_low_threshold(db_size);
    (free < threshold).then(|| {
        Finding::new(
            Severity::Warning,
            "disk-low",
            format!(
                "only {free} bytes are free on the filesystem holding {shown} (warning below {threshold} bytes): writes, backups and finalize may fail with the disk full"
            ),
            "free space on that filesystem, or move the database (`cpor backup`, then point --db / CPOR_DB at the copy)",
        )
    })
}

/// How long others may wait for a lock before it is `lock-waits` (SPEC §9: 30 s).
fn storage_lock_wait_secs() -> u64 {
    #[cfg(feature = "postgres")]
    {
        storage::postgres::diagnose::lock_wait_secs()
    }
    #[cfg(not(feature = "postgres"))]
    {
        30
    }
}

/// `role-missing`: the login holds neither cpor role and does not own the database.
fn role_missing_finding(login: &str) -> Finding {
    Finding::new(
        Severity::Error,
        "role-missing",
        format!(
            "the login {login} holds neither cpor_incentives_admin nor cpor_incentives_user and does not own the database: every cpor command refuses it"
        ),
        format!(
            "an admin or the database owner runs `cpor db grant {login} --role user` (or `--role admin`)"
        ),
    )
}

/// `lock-waits`: sessions holding locks that others have waited for longer than `secs`.
fn lock_waits_finding(waits: &[LockWait], secs: u64) -> Option<Finding> {
    (!waits.is_empty()).then(|| {
        Finding::new(
            Severity::Warning,
            "lock-waits",
            format!(
                "{} session{} hold{} a lock that others have waited for longer than {secs} s: {}",
                waits.len(),
                if waits.len() == 1 { "" } else { "s" },
                if waits.len() == 1 { "s" } else { "" },
                waits
                    .iter()
                    .map(|w| format!(
                        "pid {} (role {}) for {} s, {} waiting",
                        w.pid, w.role, w.held_secs, w.waiting
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            "find what that session is doing (`SELECT * FROM pg_stat_activity WHERE pid = PID`) and let it finish, or end it with `SELECT pg_terminate_backend(PID)`",
        )
    })
}

fn describe_run(run: Option<&FinalizeRun>, version: i64) -> String {
    match run {
        None if version < 2 => "unknown (this schema version predates finalize records)".into(),
        None => "never".into(),
        Some(r) => format!(
            "{} by {}: {} claims finalized{}",
            utc_text(r.started_at),
            r.actor,
            r.finalized,
            if r.finished_at.is_none() {
                " (did not finish)"
            } else {
                ""
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn disk_low_is_below_64_mib_or_the_database_size_whichever_is_smaller() {
        assert_eq!(disk_low_threshold(10 * 1024 * MIB), 64 * MIB);
        assert_eq!(disk_low_threshold(64 * MIB), 64 * MIB);
        assert_eq!(disk_low_threshold(5 * MIB), 5 * MIB);
        assert_eq!(disk_low_threshold(0), 1);
        // A big database: 63 MiB free is low, 64 MiB is not.
        let f = disk_low_finding(63 * MIB, 10 * 1024 * MIB, "/d/cpor.db").expect("low");
        assert_eq!(
            (f.severity, f.code.as_str()),
            (Severity::Warning, "disk-low")
        );
        assert!(f.message.contains("/d/cpor.db"), "{}", f.message);
        assert!(disk_low_finding(64 * MIB, 10 * 1024 * MIB, "/d/cpor.db").is_none());
        // A small database: less free than its size is low.
        assert!(disk_low_finding(MIB - 1, MIB, "/d/cpor.db").is_some());
        assert!(disk_low_finding(MIB, MIB, "/d/cpor.db").is_none());
        // A full disk is low whatever the size.
        assert!(disk_low_finding(0, 0, "/d/cpor.db").is_some());
    }

    #[test]
    fn lock_waits_names_each_holder_and_is_a_warning() {
        assert!(lock_waits_finding(&[], 30).is_none());
        let waits = [LockWait {
            pid: 4711,
            role: "ana".into(),
            held_secs: 45,
            waiting: 2,
        }];
        let f = lock_waits_finding(&waits, 30).expect("a finding");
        assert_eq!(
            (f.severity, f.code.as_str()),
            (Severity::Warning, "lock-waits")
        );
        assert!(
            f.message
                .contains("pid 4711 (role ana) for 45 s, 2 waiting"),
            "{}",
            f.message
        );
        let f = role_missing_finding("bob");
        assert_eq!(
            (f.severity, f.code.as_str()),
            (Severity::Error, "role-missing")
        );
        assert!(f.remedy.contains("cpor db grant bob"), "{}", f.remedy);
    }
}
