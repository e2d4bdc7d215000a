//! `cpor troubleshoot`: explain a claim, a hypothetical claim, or the installation.
//!
//! It never writes: the database is opened read-only (never created, never migrated; see
//! [`storage::open_read_only`]), so it is safe on a copy of someone else's database and on one of an older
//! schema. Every problem is a [`Finding`]; exit 7 when any finding is an `error`.

use super::unit::{UnitArgs, UnitInput, parse_unit};
use super::{Ctx, bad_value, flags_where, show::claim_not_found};
use crate::error::{CporError, EXIT_FINDINGS};
use crate::model::{Claim, Finding, Poe, Severity, Status, utc_text};
use crate::output::{ClaimView, Format, csv_safe, emit, emit_json, escape, escape_lines, in_zone};
use crate::rules::RuleCode;
use crate::rules::calendar::{Calendar, business_days_between, start_date};
use crate::rules::eligibility::{StoredFacts, UnitRequest, check_unit};
use crate::rules::lifecycle::is_due;
use crate::storage::{self, BackendState, FinalizeRun, LATEST_VERSION, StorageError, Store};
use chrono::{DateTime, Datelike, Utc};
use clap::Args;
use comfy_table::Cell;
use serde::{Serialize, Serializer};
use std::path::Path;

/// Explain a claim, check whether a claim would be accepted, or check the installation.
///
/// Never writes: the database is opened read-only, never created or migrated, so it is safe to
/// run on a copy of someone else's database. Exits 7 when any finding is an error, 4 for an
/// unknown claim, 0 otherwise.
///
/// Examples:
///   cpor troubleshoot 42                     # why is claim 42 where it is, and what next?
///   cpor troubleshoot --tenant 0f8fad5b-d9cb-469f-a165-70867728950e --program osu-m365 \
///     --workload teams --partner-id 4123456 --domain contoso.com   # would this be accepted?
///   cpor troubleshoot --json > health.json   # is this installation healthy?
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct TroubleshootArgs {
    /// Claim ID to explain
    #[arg(value_parser = crate::rules::format::parse_claim_id, conflicts_with_all = ["tenant", "program", "workload", "partner_id", "domain", "subscription", "channel"])]
    pub id: Option<i64>,
    /// A hypothetical claim: would it be accepted?
    #[command(flatten)]
    pub unit: UnitArgs,
    /// Also run the checks that read everything: SQLite's integrity check, every claim's
    /// history hash chain, and that each status equals its last history event
    #[arg(long)]
    pub deep: bool,
}

pub fn run(ctx: &Ctx, a: TroubleshootArgs) -> anyhow::Result<u8> {
    let attempt = consistently(|| {
        if let Some(id) = a.id {
            claim_report(ctx, id, a.deep)
        } else if a.unit.any() {
            hypothetical_report(ctx, &a)
        } else {
            installation_report(ctx, a.deep, None)
        }
    });
    // A file SQLite cannot read is a finding of the installation report, not a bare exit 6.
    let (report, mut findings) = match attempt {
        Err(e) if damage(&e).is_some() => {
            let detail = damage(&e).map(|d| d.to_string()).unwrap_or_default();
            installation_report(ctx, a.deep, Some(&detail))?
        }
        other => other?,
    };
    if let Some(e) = &ctx.config_error {
        findings.insert(0, config_finding(e));
    }
    emit_report(ctx, report, &findings)?;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        ctx.note(format!(
            "troubleshoot: {errors} error finding{}",
            if errors == 1 { "" } else { "s" }
        ));
        Ok(EXIT_FINDINGS)
    } else {
        Ok(0)
    }
}

/// Run `report` again when reading failed in a way a database at rest would not fail: a
/// writer held the lock past the timeout, or a page looked malformed while another process
/// rewrote it. A database that is really damaged fails every time and is reported as such.
fn consistently<T>(report: impl Fn() -> anyhow::Result<T>) -> anyhow::Result<T> {
    const ATTEMPTS: u32 = 4;
    let mut attempt = 1;
    loop {
        match report() {
            Err(e) if attempt < ATTEMPTS && transient(&e) => {
                std::thread::sleep(std::time::Duration::from_millis(50 * u64::from(attempt)));
                attempt += 1;
            }
            other => return other,
        }
    }
}

fn transient(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<StorageError>())
        .any(|s| {
            matches!(
                s,
                StorageError::Busy { .. }
                    | StorageError::Corrupt { .. }
                    | StorageError::NotADatabase { .. }
                    | StorageError::Io { .. }
                    | StorageError::Permission { .. }
            )
        })
}

/// The storage failure under `e` that means the file itself is damaged, if that is what it is.
fn damage(e: &anyhow::Error) -> Option<&StorageError> {
    e.chain()
        .filter_map(|c| c.downcast_ref::<StorageError>())
        .find(|s| {
            matches!(
                s,
                StorageError::Corrupt { .. } | StorageError::NotADatabase { .. }
            )
        })
}

/// `integrity-failed` for a database SQLite could not read.
fn damage_finding(detail: &str) -> Finding {
    Finding::new(
        Severity::Error,
        "integrity-failed",
        format!("SQLite could not read the database: {detail}"),
        "stop writing to it; confirm with `cpor troubleshoot --deep`, then restore the latest backup (see the README) or recover with `sqlite3 cpor.db .recover`",
    )
}

/// A config file troubleshoot could not use: it ran on the built-in defaults instead.
fn config_finding(e: &anyhow::Error) -> Finding {
    let (message, hints) = match e.downcast_ref::<CporError>() {
        Some(c) => (c.message.clone(), c.hints.join("; ")),
        None => (format!("{e:#}"), String::new()),
    };
    Finding::new(
        Severity::Error,
        "config-invalid",
        format!("{message} (troubleshoot used the built-in defaults instead)"),
        if hints.is_empty() {
            "fix the config file; every other command refuses to run until it is fixed".to_string()
        } else {
            format!("{hints}; every other command refuses to run until it is fixed")
        },
    )
}

/// `hot-journal` when the open found an interrupted write beside the database.
fn hot_journal_finding(db: &mut dyn Store, shown: &str) -> anyhow::Result<Option<Finding>> {
    Ok(db.facts()?.hot_journal.then(|| {
        Finding::new(
            Severity::Warning,
            "hot-journal",
            format!("{shown} has a hot rollback journal: a write was interrupted before it committed; this report shows the committed state without it"),
            "nothing is lost that was committed: the next cpor command that opens the database rolls the interrupted write back; run `cpor troubleshoot --deep` afterwards",
        )
    }))
}

/// What a report carries besides its findings: the context of a support ticket (its JSON) and
/// the sections people read, made from the same values.
struct Report {
    body: Body,
    sections: Vec<Section>,
}

/// One titled table of the text report: label and value rows.
type Section = (String, Vec<(String, String)>);

/// The context of each form of the report. Field names and order are the JSON contract.
#[derive(Serialize)]
#[serde(untagged)]
enum Body {
    Claim(Box<claim::ClaimReport>),
    Hypothetical(hypothetical::HypotheticalReport),
    Installation(Box<installation::InstallationReport>),
}

/// A finding as JSON: `{severity, code, message, remedy}`.
#[derive(Serialize)]
struct FindingView<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    remedy: &'a str,
}

impl<'a> From<&'a Finding> for FindingView<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingView {
            severity: f.severity,
            code: &f.code,
            message: &f.message,
            remedy: &f.remedy,
        }
    }
}

/// The whole JSON report: the form's context, then its findings.
#[derive(Serialize)]
struct Ticket<'a> {
    #[serde(flatten)]
    body: &'a Body,
    findings: Vec<FindingView<'a>>,
}

/// An instant as SPEC's UTC text.
fn utc<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&utc_text(*t))
}

/// An optional instant as SPEC's UTC text, or null.
fn utc_opt<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&utc_text(*t)),
        None => s.serialize_none(),
    }
}

/// A database opened for reading, with its schema version.
type Readable = (Box<dyn Store>, i64);

/// Open the database for reading, or explain why it cannot be read (as findings).
fn open_for_reading(ctx: &Ctx) -> anyhow::Result<Result<Readable, Finding>> {
    let location = ctx.location();
    let facts = storage::probe(&location)?;
    let shown = &facts.location;
    let latest = facts.latest_schema_version;
    match facts.state {
        BackendState::Missing => Ok(Err(match dangling_target(&location) {
            Some(target) => Finding::new(
                Severity::Error,
                "db-missing",
                format!(
                    "{shown} is a symbolic link that points nowhere: its target {target} does not exist"
                ),
                "restore the database at the link's target, or point --db / CPOR_DB at the real file",
            ),
            None => Finding::new(
                Severity::Error,
                "db-missing",
                format!("there is no database at {shown}"),
                "check --db / CPOR_DB / the config key `db` point at the right file; cpor creates the database on the first command that writes",
            ),
        })),
        BackendState::NotADatabase => Ok(Err(Finding::new(
            Severity::Error,
            "not-a-database",
            format!("{shown} is not an SQLite database"),
            "point --db at the cpor database, or restore it from a backup",
        ))),
        BackendState::Foreign { application_id } => Ok(Err(Finding::new(
            Severity::Error,
            "foreign-database",
            format!("{shown} belongs to another application (application_id {application_id:#x})"),
            "point --db at the cpor database",
        ))),
        BackendState::Newer { version } => Ok(Err(Finding::new(
            Severity::Error,
            "schema-newer",
            format!(
                "{shown} has schema version {version}, newer than this cpor understands ({latest})"
            ),
            "upgrade cpor to the version that wrote this database",
        ))),
        // On PostgreSQL nothing creates the schema but `cpor db migrate`: every command refuses.
        BackendState::Empty if location.is_postgres() => Ok(Err(Finding::new(
            Severity::Error,
            "db-missing-schema",
            format!("{shown} has no cpor schema: every cpor command refuses to use it"),
            "the database owner runs `cpor db migrate` once (it creates the schema and the two cpor roles)",
        ))),
        BackendState::Empty => Ok(Err(Finding::new(
            Severity::Warning,
            "db-empty",
            format!("{shown} exists but holds no cpor data yet"),
            "the first command that writes (e.g. `cpor partner add`) sets it up",
        ))),
        // The installation report says `role-missing`; the other forms refuse as any command.
        BackendState::Unreadable => Err(StorageError::NotPermitted {
            user: facts.role.map(|r| r.login).unwrap_or_default(),
            needs: "cpor_incentives_user".into(),
            detail: "it holds no cpor role, so it may not read the cpor tables".into(),
        }
        .into()),
        BackendState::Ready { version } if location.is_postgres() && version < latest => {
            Ok(Err(Finding::new(
                Severity::Error,
                "schema-outdated",
                format!(
                    "{shown} has schema version {version}; this cpor needs version {latest}, and every command refuses the database until it is migrated"
                ),
                "the database owner runs `cpor db migrate`",
            )))
        }
        BackendState::Ready { .. } => {
            let mut db = storage::open_read_only(&location)?;
            let version = storage::read(db.as_mut(), |tx| Ok(tx.schema_version()?))?;
            Ok(Ok((db, version)))
        }
    }
}

/// Where a database path that is a symbolic link to nothing points.
fn dangling_target(location: &storage::Location) -> Option<String> {
    // Only a database file can be a link; other backends will have nothing to say here.
    #[allow(irrefutable_let_patterns)]
    let storage::Location::Sqlite(path) = location else {
        return None;
    };
    let target = std::fs::read_link(path).ok()?;
    (!path.exists()).then(|| target.display().to_string())
}

fn schema_finding(version: i64) -> Option<Finding> {
    (version < LATEST_VERSION).then(|| {
        Finding::new(
            Severity::Warning,
            "schema-outdated",
            format!(
                "the database has schema version {version}; this cpor writes version {LATEST_VERSION}"
            ),
            "nothing to do: the next command that writes upgrades it (back it up first if it is someone else's copy)",
        )
    })
}

fn violation_finding(v: &crate::rules::Violation) -> Finding {
    Finding::new(Severity::Error, v.code.as_str(), &v.message, &v.remedy)
}

mod claim;
mod deep;
mod hypothetical;
mod installation;

use claim::claim_report;
use hypothetical::hypothetical_report;
use installation::installation_report;

// ---------------------------------------------------------------------------------------------
// Rendering

fn emit_report(ctx: &Ctx, report: Report, findings: &[Finding]) -> anyhow::Result<()> {
    match ctx.format {
        Format::Json => emit_json(&Ticket {
            body: &report.body,
            findings: findings.iter().map(FindingView::from).collect(),
        }),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["severity", "code", "message", "remedy"])?;
            for f in findings {
                out.write_record([
                    f.severity.as_str(),
                    &f.code,
                    &csv_safe(&f.message),
                    &csv_safe(&f.remedy),
                ])?;
            }
            out.flush()
        }),
        Format::Table => {
            let mut text = String::new();
            for (title, rows) in &report.sections {
                let mut t = ctx.style.table();
                t.set_header([title.as_str(), ""]);
                // Values quote stored text: escaped, keeping only the report's own line breaks.
                for (k, v) in rows {
                    t.add_row(vec![Cell::new(k), Cell::new(escape_lines(v))]);
                }
                text.push_str(&format!("{t}\n"));
            }
            if findings.is_empty() {
                text.push_str("No findings: nothing wrong found.\n");
            } else {
                let mut t = ctx.style.table();
                t.set_header(["severity", "code", "finding", "what to do"]);
                for f in findings {
                    let sev = Cell::new(f.severity.as_str());
                    let sev = if ctx.style.stdout_color {
                        match f.severity {
                            Severity::Error => sev.fg(comfy_table::Color::Red),
                            Severity::Warning => sev.fg(comfy_table::Color::Yellow),
                            Severity::Info => sev.fg(comfy_table::Color::Cyan),
                        }
                    } else {
                        sev
                    };
                    t.add_row(vec![
                        sev,
                        Cell::new(&f.code),
                        Cell::new(escape(&f.message)),
                        Cell::new(escape(&f.remedy)),
                    ]);
                }
                text.push_str(&format!("Findings\n{t}\n"));
            }
            emit(|w| w.write_all(text.as_bytes()))
        }
    }
}
