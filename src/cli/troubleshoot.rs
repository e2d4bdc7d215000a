//! `cpor troubleshoot`: explain a claim, a hypothetical claim, or the installation.
//!
//! It never writes: the database is opened read-only (never created, never migrated; see
//! [`storage::open_read_only`]), so it is safe on a copy of someone else's database and on one of an older
//! schema. Every problem is a [`Finding`]; exit 7 when any finding is an `error`.

use super::unit::{UnitArgs, UnitInput, parse_unit};
use super::{Ctx, bad_value, flags_where, show::claim_not_found};
use crate::error::{CporError, EXIT_FINDINGS};
use crate::model::{Claim, Finding, Poe, Severity, Status, utc_text};
use crate::output::{Format, claim_json, emit, emit_json, in_zone};
use crate::rules::RuleCode;
use crate::rules::calendar::{Calendar, business_days_between, start_date};
use crate::rules::eligibility::{StoredFacts, UnitRequest, check_unit};
use crate::rules::lifecycle::is_due;
use crate::storage::{self, BackendState, FinalizeRun, LATEST_VERSION, Store};
use chrono::{DateTime, Datelike, Utc};
use clap::Args;
use comfy_table::Cell;
use serde_json::{Value, json};
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
    #[arg(conflicts_with_all = ["tenant", "program", "workload", "partner_id", "domain", "subscription", "channel"])]
    pub id: Option<i64>,
    /// A hypothetical claim: would it be accepted?
    #[command(flatten)]
    pub unit: UnitArgs,
}

pub fn run(ctx: &Ctx, a: TroubleshootArgs) -> anyhow::Result<u8> {
    let (report, findings) = if let Some(id) = a.id {
        claim_report(ctx, id)?
    } else if a.unit.any() {
        hypothetical_report(ctx, &a)?
    } else {
        installation_report(ctx)?
    };
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

/// What a report carries besides its findings: JSON context for tickets, text for people.
struct Report {
    json: Value,
    sections: Vec<(String, Vec<(String, String)>)>,
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
        BackendState::Missing => Ok(Err(Finding::new(
            Severity::Error,
            "db-missing",
            format!("there is no database at {shown}"),
            "check --db / CPOR_DB / the config key `db` point at the right file; cpor creates the database on the first command that writes",
        ))),
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
        BackendState::Empty => Ok(Err(Finding::new(
            Severity::Warning,
            "db-empty",
            format!("{shown} exists but holds no cpor data yet"),
            "the first command that writes (e.g. `cpor partner add`) sets it up",
        ))),
        BackendState::Ready { .. } => {
            let mut db = storage::open_read_only(&location)?;
            let version = storage::read(db.as_mut(), |tx| Ok(tx.schema_version()?))?;
            Ok(Ok((db, version)))
        }
    }
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

// ---------------------------------------------------------------------------------------------
// A claim

fn claim_report(ctx: &Ctx, id: i64) -> anyhow::Result<(Report, Vec<Finding>)> {
    let (mut db, version) = match open_for_reading(ctx)? {
        Ok(x) => x,
        Err(f) if f.code == "db-missing" || f.code == "db-empty" => {
            return Err(claim_not_found(id)
                .hint(format!("{} ({})", f.message, f.code))
                .into());
        }
        Err(f) => {
            return Err(CporError::database(&f.code, f.message)
                .hint(f.remedy)
                .into());
        }
    };
    let (claim, history_len, calendar, unit_claims) = storage::read(db.as_mut(), |tx| {
        let claim = tx.claim(id)?.ok_or_else(|| claim_not_found(id))?;
        let history_len = tx.history(id)?.len();
        let calendar = tx.calendar(&claim.calendar)?;
        let unit_claims = tx.claims_on_unit(&claim.unit().key())?;
        Ok((claim, history_len, calendar, unit_claims))
    })?;
    let calendar = calendar.unwrap_or_else(|| Calendar {
        name: claim.calendar.clone(),
        ..Calendar::builtin_default()
    });
    let mut findings: Vec<Finding> = schema_finding(version).into_iter().collect();
    let tz = calendar.tz;
    let now = ctx.now;

    // Timeline.
    let left = (claim.status == Status::Pending && now < claim.deadline)
        .then(|| business_days_between(&calendar, start_date(&calendar, now), claim.deadline_day));
    let ended_at = claim.opted_out_at.or(claim.withdrawn_at);
    let next = match claim.status {
        Status::Pending if is_due(claim.status, claim.deadline, now) => {
            findings.push(Finding::new(
                Severity::Error,
                "finalize-overdue",
                format!(
                    "the opt-out window closed at {} ({}), but the claim is still pending: finalize has not run since",
                    in_zone(claim.deadline, tz),
                    utc_text(claim.deadline)
                ),
                "run `cpor finalize` now, and schedule it nightly (cron: `15 2 * * * cpor finalize --quiet`)",
            ));
            format!(
                "the next `cpor finalize` makes it official as of {}",
                utc_text(claim.deadline)
            )
        }
        Status::Pending => format!(
            "becomes official at {} ({}) when finalize runs, unless the customer opts out or the partner withdraws first; {} business day{} left after today in calendar {}",
            in_zone(claim.deadline, tz),
            utc_text(claim.deadline),
            left.unwrap_or(0),
            if left == Some(1) { "" } else { "s" },
            calendar.name
        ),
        Status::Official => format!(
            "official since {}; it stays official unless the customer declines (`cpor opt-out {id}`) or the partner withdraws (`cpor withdraw {id} --reason ...`)",
            claim
                .official_at
                .map(|t| in_zone(t, tz))
                .unwrap_or_default()
        ),
        Status::OptedOut => format!(
            "ended: the customer opted out at {}{}; the unit is free, and a new claim needs the customer's agreement",
            ended_at.map(|t| in_zone(t, tz)).unwrap_or_default(),
            match claim.opt_out_in_window {
                Some(true) => " (inside the opt-out window)",
                Some(false) => " (after the opt-out window)",
                None => "",
            }
        ),
        Status::Withdrawn => format!(
            "ended: the partner withdrew it at {}; the unit is free for any partner to claim",
            ended_at.map(|t| in_zone(t, tz)).unwrap_or_default()
        ),
    };

    // Proof of execution.
    if !Poe::is_url(&claim.poe.location)
        && let Some(f) = poe_finding(&claim)
    {
        findings.push(f);
    }

    // Warnings stored at filing.
    for w in &claim.warnings {
        let remedy = if w.code == RuleCode::Osa90DayWindow.as_str() {
            "nothing to change on the association; file OSA Sell claims within 90 days of the purchase to earn the sell incentive"
        } else {
            "see the message"
        };
        findings.push(Finding::new(Severity::Warning, &w.code, &w.message, remedy));
    }

    // The unit: who holds it now, who held it before.
    let unit = claim.unit();
    let holder = unit_claims
        .iter()
        .find(|c| c.status.is_active() && c.id != id)
        .or_else(|| unit_claims.iter().find(|c| c.status.is_active()));
    let others: Vec<&Claim> = unit_claims.iter().filter(|c| c.id != id).collect();

    let local = |t: DateTime<Utc>| t.with_timezone(&tz).to_rfc3339();
    let json = json!({
        "claim": claim_json(&claim),
        "timeline": {
            "filed_at": utc_text(claim.filed_at),
            "notified_at": utc_text(claim.notified_at),
            "calendar": calendar.name,
            "zone": tz.name(),
            "deadline_day": claim.deadline_day.to_string(),
            "deadline": utc_text(claim.deadline),
            "deadline_local": local(claim.deadline),
            "business_days_left": left,
            "official_at": claim.official_at.map(utc_text),
            "ended_at": ended_at.map(utc_text),
            "end_reason": claim.end_reason,
            "history_events": history_len,
        },
        "next": next,
        "unit": {
            "describes": unit.describe(),
            "holder": holder.map(|h| json!({
                "claim_id": h.id,
                "partner_id": h.partner_id,
                "program": h.program.as_str(),
                "status": h.status.as_str(),
                "since": utc_text(h.official_at.unwrap_or(h.filed_at)),
            })),
            "other_claims": others.iter().map(|c| json!({
                "id": c.id,
                "partner_id": c.partner_id,
                "program": c.program.as_str(),
                "status": c.status.as_str(),
                "filed_at": utc_text(c.filed_at),
                "ended_at": c.opted_out_at.or(c.withdrawn_at).map(utc_text),
            })).collect::<Vec<_>>(),
        },
    });

    let mut state = vec![
        (
            "claim".to_string(),
            format!(
                "{id}: {} {} for {} ({})",
                claim.program, claim.workload, claim.domain, claim.tenant_id
            ),
        ),
        ("partner".to_string(), claim.partner_id.clone()),
        ("status".to_string(), claim.status.as_str().to_string()),
        (
            "filed".to_string(),
            format!(
                "{} ({}) by {}",
                in_zone(claim.filed_at, tz),
                utc_text(claim.filed_at),
                claim.filed_by
            ),
        ),
        (
            "notified".to_string(),
            format!(
                "{} ({})",
                in_zone(claim.notified_at, tz),
                utc_text(claim.notified_at)
            ),
        ),
        (
            "deadline".to_string(),
            format!(
                "day {} in calendar {}; window closes {} ({})",
                claim.deadline_day,
                calendar.name,
                in_zone(claim.deadline, tz),
                utc_text(claim.deadline)
            ),
        ),
    ];
    if let Some(n) = left {
        state.push(("business days left".into(), n.to_string()));
    }
    if let Some(t) = claim.official_at {
        state.push((
            "official".into(),
            format!("{} ({})", in_zone(t, tz), utc_text(t)),
        ));
    }
    if let Some(t) = ended_at {
        let why = claim
            .end_reason
            .as_deref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        state.push((
            "ended".into(),
            format!("{} ({}){why}", in_zone(t, tz), claim.status),
        ));
    }
    state.push(("next".into(), next.clone()));
    let mut unit_rows = vec![("unit".to_string(), unit.describe())];
    unit_rows.push((
        "held by".into(),
        match holder {
            Some(h) if h.id == id => format!("this claim ({})", h.status),
            Some(h) => format!(
                "PartnerID {} — claim {} ({} {})",
                h.partner_id, h.id, h.program, h.status
            ),
            None => "nobody: the unit is free".into(),
        },
    ));
    for c in others.iter().filter(|c| !c.status.is_active()) {
        unit_rows.push((
            "held before".into(),
            format!(
                "PartnerID {} — claim {} ({} {}, filed {})",
                c.partner_id,
                c.id,
                c.program,
                c.status,
                utc_text(c.filed_at)
            ),
        ));
    }
    let report = Report {
        json,
        sections: vec![("Claim".into(), state), ("Unit".into(), unit_rows)],
    };
    Ok((report, findings))
}

/// Whether a claim's local PoE file is still there and unchanged.
fn poe_finding(claim: &Claim) -> Option<Finding> {
    let path = Path::new(&claim.poe.location);
    let recorded = claim.poe.sha256.as_deref()?;
    if !path.is_file() {
        return Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!(
                "claim {}'s proof of execution {} is missing",
                claim.id,
                path.display()
            ),
            "restore the signed PoE file to that path (reviewers may ask for it), or keep a copy at a stable location",
        ));
    }
    match crate::poe_file::hash_file(path) {
        Ok((_, sha)) if sha == recorded => None,
        Ok((_, sha)) => Some(Finding::new(
            Severity::Warning,
            "poe-changed",
            format!(
                "claim {}'s proof of execution {} changed since filing (SHA-256 now {sha}, recorded {recorded})",
                claim.id,
                path.display()
            ),
            "restore the file as it was signed; if the customer signed a new PoE, file a new claim with it",
        )),
        Err(e) => Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!(
                "claim {}'s proof of execution {} cannot be read: {e}",
                claim.id,
                path.display()
            ),
            "check the file's permissions",
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// A hypothetical claim

fn hypothetical_report(ctx: &Ctx, a: &TroubleshootArgs) -> anyhow::Result<(Report, Vec<Finding>)> {
    let u = &a.unit;
    let missing = flags_where(&[
        ("--tenant", u.tenant.is_none()),
        ("--program", u.program.is_none()),
        ("--workload", u.workload.is_empty()),
        ("--partner-id", u.partner_id.is_none()),
    ]);
    if !missing.is_empty() {
        return Err(CporError::usage(
            "missing-input",
            format!("a hypothetical claim also needs {}", missing.join(", ")),
        )
        .hint("give --tenant, --program, --workload and --partner-id (and --domain, --subscription, --channel where they apply)")
        .into());
    }
    if u.workload.len() > 1 {
        return Err(bad_value(
            "--workload",
            "a hypothetical claim names one workload; check each workload on its own".into(),
        ));
    }
    let bizapps_only = flags_where(&[
        ("--subscription", u.subscription.is_some()),
        ("--channel", u.channel.is_some()),
    ]);
    let UnitInput {
        program,
        workloads,
        partner_id,
        tenant,
        domain,
        subscription,
        channel,
    } = parse_unit(ctx, u, &bizapps_only)?;
    let workload = workloads.into_iter().next().unwrap_or_default();
    let req = UnitRequest {
        partner_id: &partner_id,
        program,
        workload: &workload,
        tenant: &tenant,
        domain: domain.as_deref(),
        subscription: subscription.as_deref(),
        channel,
    };
    let mut findings = Vec::new();
    let facts = match open_for_reading(ctx)? {
        Ok((mut db, version)) => {
            findings.extend(schema_finding(version));
            storage::read(db.as_mut(), |tx| Ok(tx.unit_facts(&req)?))?
        }
        // Without a database nothing is stored: judge against empty facts, and say so.
        Err(f) if f.code == "db-missing" || f.code == "db-empty" => {
            findings.push(f);
            StoredFacts::default()
        }
        Err(f) => {
            return Err(CporError::database(&f.code, f.message)
                .hint(f.remedy)
                .into());
        }
    };
    let violations = check_unit(&req, &facts, &ctx.catalog);
    let eligible = violations.is_empty();
    findings.extend(violations.iter().map(violation_finding));
    let verdict = if eligible {
        "eligible: no rule refuses this claim (contacts, PoE dates and, for osa-sell, the purchase date are checked when it is filed)".to_string()
    } else {
        format!(
            "refused: {} rule{} would refuse this claim",
            violations.len(),
            if violations.len() == 1 { "" } else { "s" }
        )
    };
    let json = json!({
        "request": {
            "partner_id": partner_id,
            "program": program.as_str(),
            "workload": workload,
            "tenant_id": tenant,
            "domain": domain,
            "subscription_id": subscription,
            "channel": channel.map(|c| c.as_str()),
        },
        "eligible": eligible,
        "verdict": verdict,
    });
    let rows = vec![
        (
            "claim".to_string(),
            format!("PartnerID {partner_id}, {program} {workload}, tenant {tenant}"),
        ),
        ("unit".to_string(), req.unit().describe()),
        ("verdict".to_string(), verdict),
    ];
    Ok((
        Report {
            json,
            sections: vec![("Would this claim be accepted?".into(), rows)],
        },
        findings,
    ))
}

// ---------------------------------------------------------------------------------------------
// The installation

fn installation_report(ctx: &Ctx) -> anyhow::Result<(Report, Vec<Finding>)> {
    let facts = storage::probe(&ctx.location())?;
    let mut findings = Vec::new();
    let mut rows: Vec<(String, String)> = vec![
        ("cpor".into(), env!("CARGO_PKG_VERSION").into()),
        (facts.backend.into(), facts.backend_version.clone()),
        ("database".into(), facts.location.clone()),
    ];
    let wal_size = facts.wal_bytes;
    let mut db_json = json!({
        "path": facts.location,
        "exists": facts.state != BackendState::Missing,
        "size_bytes": facts.size_bytes,
        "wal_bytes": wal_size,
    });
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
            db_json["mode"] = json!(format!("{mode:04o}"));
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
    let mut extra = json!({});
    match open_for_reading(ctx)? {
        Err(f) => {
            rows.push(("state".into(), f.message.clone()));
            findings.push(f);
        }
        Ok((mut db, version)) => {
            findings.extend(schema_finding(version));
            let now = ctx.now;
            let journal = db.facts()?.journal_mode.unwrap_or_default();
            let (integrity, overdue, last_run, calendars, poe_files, claims) =
                storage::read(db.as_mut(), |tx| {
                    let calendars = tx
                        .calendar_names()?
                        .iter()
                        .filter_map(|n| tx.calendar(n).transpose())
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((
                        tx.integrity_check()?,
                        tx.overdue(now)?,
                        // Finalize runs are recorded from schema version 2 on.
                        if version >= 2 {
                            tx.last_finalize_run()?
                        } else {
                            None
                        },
                        calendars,
                        tx.active_poe_files()?,
                        tx.claim_count()?,
                    ))
                })?;
            rows.push((
                "schema version".into(),
                format!("{version} (this cpor: {LATEST_VERSION})"),
            ));
            rows.push(("journal mode".into(), journal.clone()));
            let healthy = integrity.len() == 1 && integrity[0] == "ok";
            rows.push((
                "integrity".into(),
                if healthy {
                    "ok".into()
                } else {
                    integrity.join("\n")
                },
            ));
            if !healthy {
                findings.push(Finding::new(
                    Severity::Error,
                    "integrity-failed",
                    format!("SQLite's integrity check failed: {}", integrity.join("; ")),
                    "stop writing to it; restore the latest backup (see the README), or recover with `sqlite3 cpor.db .recover`",
                ));
            }
            rows.push(("claims".into(), claims.to_string()));
            if overdue.count > 0 {
                findings.push(Finding::new(
                    Severity::Error,
                    "finalize-overdue",
                    format!(
                        "{} pending claim{} passed {} deadline (oldest {}) without becoming official: finalize is not running (claims {})",
                        overdue.count,
                        if overdue.count == 1 { "" } else { "s" },
                        if overdue.count == 1 { "its" } else { "their" },
                        overdue.oldest_deadline.map(utc_text).unwrap_or_default(),
                        overdue.sample.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
                            + if overdue.count as usize > overdue.sample.len() { ", ..." } else { "" }
                    ),
                    "run `cpor finalize` now, and schedule it nightly (cron: `15 2 * * * cpor finalize --quiet`)",
                ));
            }
            rows.push(("pending past deadline".into(), overdue.count.to_string()));
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
                cal_json.push(
                    json!({"name": cal.name, "tz": cal.tz.name(), "holidays_this_year": this_year}),
                );
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
            let missing: Vec<i64> = poe_files
                .iter()
                .filter(|p| !Path::new(&p.path).is_file())
                .map(|p| p.claim_id)
                .collect();
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
                    "restore the files to their recorded paths; `cpor troubleshoot ID` shows each claim's path",
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
            db_json["schema_version"] = json!(version);
            db_json["journal_mode"] = json!(journal);
            db_json["integrity"] = json!(if healthy {
                json!("ok")
            } else {
                json!(integrity)
            });
            extra = json!({
                "claims": claims,
                "pending_past_deadline": overdue.count,
                "last_finalize": last_run.as_ref().map(|r| json!({
                    "started_at": utc_text(r.started_at),
                    "finished_at": r.finished_at.map(utc_text),
                    "actor": r.actor,
                    "finalized": r.finalized,
                })),
                "calendars": cal_json,
                "poe_files": {"recorded": poe_files.len(), "missing": missing},
            });
        }
    }
    db_json["latest_schema_version"] = json!(LATEST_VERSION);
    let mut json = json!({
        "cpor_version": env!("CARGO_PKG_VERSION"),
        "sqlite_version": facts.backend_version,
        "now": utc_text(ctx.now),
        "database": db_json,
    });
    if let (Some(obj), Some(more)) = (json.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            obj.insert(k.clone(), v.clone());
        }
    }
    Ok((
        Report {
            json,
            sections: vec![("Installation".into(), rows)],
        },
        findings,
    ))
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

// ---------------------------------------------------------------------------------------------
// Rendering

fn finding_json(f: &Finding) -> Value {
    json!({"severity": f.severity.as_str(), "code": f.code, "message": f.message, "remedy": f.remedy})
}

fn emit_report(ctx: &Ctx, mut report: Report, findings: &[Finding]) -> anyhow::Result<()> {
    match ctx.format {
        Format::Json => {
            report.json["findings"] = Value::Array(findings.iter().map(finding_json).collect());
            emit_json(&report.json)
        }
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["severity", "code", "message", "remedy"])?;
            for f in findings {
                out.write_record([f.severity.as_str(), &f.code, &f.message, &f.remedy])?;
            }
            out.flush()
        }),
        Format::Table => {
            let mut text = String::new();
            for (title, rows) in &report.sections {
                let mut t = ctx.style.table();
                t.set_header([title.as_str(), ""]);
                for (k, v) in rows {
                    t.add_row(vec![Cell::new(k), Cell::new(v)]);
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
                        Cell::new(&f.message),
                        Cell::new(&f.remedy),
                    ]);
                }
                text.push_str(&format!("Findings\n{t}\n"));
            }
            emit(|w| w.write_all(text.as_bytes()))
        }
    }
}
