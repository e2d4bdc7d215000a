//! `cpor dump` and `cpor restore`: the whole database as typed JSONL records (SPEC §10), and
//! back, on either backend.
//!
//! A dump is a header line, then every record in a fixed order of types (partner, calendar,
//! pin, pin_event, claim, finalize_run), each type in key order, so the same database always
//! dumps to the same bytes after the header. Restore reads it as a stream, verifying each
//! record as it loads, all in one write transaction: any failure writes nothing.

use super::Ctx;
use crate::error::{CporError, ErrorKind};
use crate::model::{
    Action, Channel, Claim, Contact, HistoryEvent, PartnerContact, Pin, PinAction, PinKind,
    PinLogEntry, Poe, PoeVersion, Program, Status, Warning,
};
use crate::output::emit_to;
use crate::rules::calendar::{Calendar, WeekendSet, parse_cutoff, parse_tz};
use crate::rules::eligibility::UnitRequest;
use crate::rules::history::{ChainProblem, verify_chain};
use crate::storage::{FinalizeRun, PartnerRecord, Txn};
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

/// Write the whole database as JSONL, for moving it to another database or backend.
///
/// The first line is a header (`cpor-dump`, format, versions, when); then every partner,
/// calendar, pin, pin log entry, claim (with its history and PoE versions) and finalize run, one
/// JSON object per line, in key order: the same database always dumps to the same bytes after
/// the header. Reads only; never creates a database.
///
/// Examples:
///   cpor dump > cpor-dump.jsonl
///   cpor --db cpor.db dump | cpor --db postgres://cpor@db.example.com/cpor restore -
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct DumpArgs {
    /// Where to write the dump: a new file, or - for stdout [default: -]
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
}

/// Load a dump into an empty database, verifying it as it loads.
///
/// The database must hold no partner and no claim (exit 3, restore-target-not-empty).
/// Every claim's history chain, status, unit holder and pins are checked; any failure refuses
/// the whole restore (exit 3, naming the line and the check) and writes nothing. IDs, times,
/// actors and history are kept exactly.
///
/// Examples:
///   cpor --db new.db restore cpor-dump.jsonl
///   cpor --db cpor.db dump | cpor --db postgres://cpor@db.example.com/cpor restore -
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RestoreArgs {
    /// The dump to load, or - for stdin
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
}

/// The version of the dump format this binary writes and reads.
const FORMAT: u32 = 1;

/// One line of a dump.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type")]
enum Record {
    #[serde(rename = "cpor-dump")]
    Header {
        format: u32,
        cpor_version: String,
        schema_version: i64,
        #[serde(with = "instant")]
        dumped_at: DateTime<Utc>,
    },
    #[serde(rename = "partner")]
    Partner {
        partner_id: String,
        name: String,
        #[serde(with = "instant")]
        added_at: DateTime<Utc>,
        programs: Vec<EnrolmentRecord>,
    },
    #[serde(rename = "calendar")]
    Calendar {
        name: String,
        tz: String,
        weekend: String,
        cutoff: Option<String>,
        holidays: Vec<HolidayRecord>,
    },
    #[serde(rename = "pin")]
    Pin {
        kind: PinKind,
        value: String,
        tenant_id: String,
        #[serde(with = "instant")]
        since: DateTime<Utc>,
        by_claim: Option<i64>,
    },
    #[serde(rename = "pin_event")]
    PinEvent {
        #[serde(with = "instant")]
        at: DateTime<Utc>,
        actor: String,
        action: PinAction,
        kind: PinKind,
        value: String,
        tenant_id: String,
        reason: Option<String>,
    },
    #[serde(rename = "claim")]
    Claim(Box<ClaimRecord>),
    #[serde(rename = "finalize_run")]
    FinalizeRun {
        #[serde(with = "instant")]
        started_at: DateTime<Utc>,
        #[serde(with = "opt_instant")]
        finished_at: Option<DateTime<Utc>>,
        actor: String,
        finalized: u64,
    },
}

impl Record {
    /// The type's place in the dump order.
    fn rank(&self) -> u8 {
        match self {
            Record::Header { .. } => 0,
            Record::Partner { .. } => 1,
            Record::Calendar { .. } => 2,
            Record::Pin { .. } => 3,
            Record::PinEvent { .. } => 4,
            Record::Claim(_) => 5,
            Record::FinalizeRun { .. } => 6,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct EnrolmentRecord {
    program: Program,
    #[serde(with = "instant")]
    enrolled_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
struct HolidayRecord {
    #[serde(with = "day")]
    day: NaiveDate,
    label: Option<String>,
}

/// A claim with everything stored about it: the claim object's fields, its PoE versions (with
/// who added each) and its history with the stored hashes.
#[derive(Debug, Serialize, Deserialize)]
struct ClaimRecord {
    id: i64,
    name: String,
    program: Program,
    partner_id: String,
    tenant_id: String,
    domain: String,
    workload: String,
    subscription_id: Option<String>,
    channel: Option<Channel>,
    status: Status,
    #[serde(with = "instant")]
    filed_at: DateTime<Utc>,
    filed_by: String,
    #[serde(with = "instant")]
    notified_at: DateTime<Utc>,
    #[serde(with = "instant")]
    deadline: DateTime<Utc>,
    #[serde(with = "day")]
    deadline_day: NaiveDate,
    calendar: String,
    #[serde(with = "opt_instant")]
    official_at: Option<DateTime<Utc>>,
    #[serde(with = "opt_instant")]
    opted_out_at: Option<DateTime<Utc>>,
    opt_out_in_window: Option<bool>,
    #[serde(with = "opt_instant")]
    withdrawn_at: Option<DateTime<Utc>>,
    end_reason: Option<String>,
    customer: ContactRecord,
    technical: Option<ContactRecord>,
    partner_contact: PartnerContactRecord,
    poe: PoeRecord,
    #[serde(with = "opt_day")]
    purchase_date: Option<NaiveDate>,
    comment: Option<String>,
    warnings: Vec<Warning>,
    poe_versions: Vec<PoeVersionRecord>,
    history: Vec<EventRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ContactRecord {
    name: String,
    title: String,
    email: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct PartnerContactRecord {
    name: String,
    email: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct PoeRecord {
    location: String,
    sha256: Option<String>,
    size: Option<u64>,
    #[serde(with = "day")]
    signed_on: NaiveDate,
}

#[derive(Debug, Serialize, Deserialize)]
struct PoeVersionRecord {
    #[serde(flatten)]
    poe: PoeRecord,
    #[serde(with = "instant")]
    added_at: DateTime<Utc>,
    added_by: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct EventRecord {
    #[serde(with = "instant")]
    at: DateTime<Utc>,
    actor: String,
    action: Action,
    from: Option<Status>,
    to: Status,
    reason: Option<String>,
    hash: Option<String>,
    prev_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    changes: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    poe: Option<PoeRecord>,
}

impl From<&Poe> for PoeRecord {
    fn from(p: &Poe) -> Self {
        PoeRecord {
            location: p.location.clone(),
            sha256: p.sha256.clone(),
            size: p.size,
            signed_on: p.signed_on,
        }
    }
}

impl From<PoeRecord> for Poe {
    fn from(p: PoeRecord) -> Self {
        Poe {
            location: p.location,
            sha256: p.sha256,
            size: p.size,
            signed_on: p.signed_on,
        }
    }
}

impl From<&Contact> for ContactRecord {
    fn from(c: &Contact) -> Self {
        ContactRecord {
            name: c.name.clone(),
            title: c.title.clone(),
            email: c.email.clone(),
        }
    }
}

impl From<ContactRecord> for Contact {
    fn from(c: ContactRecord) -> Self {
        Contact {
            name: c.name,
            title: c.title,
            email: c.email,
        }
    }
}

impl ClaimRecord {
    fn of(c: Claim, history: Vec<HistoryEvent>) -> Self {
        ClaimRecord {
            id: c.id,
            name: c.name,
            program: c.program,
            partner_id: c.partner_id,
            tenant_id: c.tenant_id,
            domain: c.domain,
            workload: c.workload,
            subscription_id: c.subscription_id,
            channel: c.channel,
            status: c.status,
            filed_at: c.filed_at,
            filed_by: c.filed_by,
            notified_at: c.notified_at,
            deadline: c.deadline,
            deadline_day: c.deadline_day,
            calendar: c.calendar,
            official_at: c.official_at,
            opted_out_at: c.opted_out_at,
            opt_out_in_window: c.opt_out_in_window,
            withdrawn_at: c.withdrawn_at,
            end_reason: c.end_reason,
            customer: (&c.customer).into(),
            technical: c.technical.as_ref().map(Into::into),
            partner_contact: PartnerContactRecord {
                name: c.partner_contact.name,
                email: c.partner_contact.email,
            },
            poe: (&c.poe).into(),
            purchase_date: c.purchase_date,
            comment: c.comment,
            warnings: c.warnings,
            poe_versions: c
                .poe_versions
                .into_iter()
                .map(|v| PoeVersionRecord {
                    poe: (&v.poe).into(),
                    added_at: v.added_at,
                    added_by: v.added_by,
                })
                .collect(),
            history: history
                .into_iter()
                .map(|e| EventRecord {
                    at: e.at,
                    actor: e.actor,
                    action: e.action,
                    from: e.from,
                    to: e.to,
                    reason: e.reason,
                    hash: e.hash,
                    prev_hash: e.prev_hash,
                    changes: e.changes,
                    poe: e.poe.as_ref().map(Into::into),
                })
                .collect(),
        }
    }

    fn into_claim(self) -> (Claim, Vec<HistoryEvent>) {
        let history = self
            .history
            .into_iter()
            .map(|e| HistoryEvent {
                at: e.at,
                actor: e.actor,
                action: e.action,
                from: e.from,
                to: e.to,
                reason: e.reason,
                prev_hash: e.prev_hash,
                hash: e.hash,
                changes: e.changes,
                poe: e.poe.map(Into::into),
            })
            .collect();
        let claim = Claim {
            id: self.id,
            name: self.name,
            program: self.program,
            partner_id: self.partner_id,
            tenant_id: self.tenant_id,
            domain: self.domain,
            workload: self.workload,
            subscription_id: self.subscription_id,
            channel: self.channel,
            status: self.status,
            filed_at: self.filed_at,
            filed_by: self.filed_by,
            notified_at: self.notified_at,
            deadline: self.deadline,
            deadline_day: self.deadline_day,
            calendar: self.calendar,
            official_at: self.official_at,
            opted_out_at: self.opted_out_at,
            opt_out_in_window: self.opt_out_in_window,
            withdrawn_at: self.withdrawn_at,
            end_reason: self.end_reason,
            customer: self.customer.into(),
            technical: self.technical.map(Into::into),
            partner_contact: PartnerContact {
                name: self.partner_contact.name,
                email: self.partner_contact.email,
            },
            poe: self.poe.into(),
            purchase_date: self.purchase_date,
            comment: self.comment,
            warnings: self.warnings,
            poe_versions: self
                .poe_versions
                .into_iter()
                .map(|v| PoeVersion {
                    poe: v.poe.into(),
                    added_at: v.added_at,
                    added_by: v.added_by,
                })
                .collect(),
        };
        (claim, history)
    }
}

/// serde for an instant in cpor's fixed-width UTC text.
mod instant {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        crate::output::utc(t, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        crate::model::parse_instant(&s).map_err(serde::de::Error::custom)
    }
}

/// [`instant`] for one that may be absent.
mod opt_instant {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        crate::output::opt_utc(t, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| crate::model::parse_instant(&s).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// serde for a calendar date, `YYYY-MM-DD`.
mod day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        crate::output::day(d, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        crate::model::parse_date(&s).map_err(serde::de::Error::custom)
    }
}

/// [`day`] for one that may be absent.
mod opt_day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        crate::output::opt_day(d, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| crate::model::parse_date(&s).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Write one record as a line.
fn write_record(w: &mut dyn Write, r: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *w, r).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

pub fn run_dump(ctx: &Ctx, a: DumpArgs) -> anyhow::Result<u8> {
    let mut db = ctx.db_existing()?;
    let mut tx = db.read()?;
    let header = Record::Header {
        format: FORMAT,
        cpor_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: tx.schema_version()?,
        dumped_at: ctx.now,
    };
    let dest = a.file.filter(|p| p.as_os_str() != "-");
    let mut records = 0u64;
    emit_to(dest.as_deref(), |w| {
        // A failed write stops the reading with a marker error; the write error is what is
        // reported (a closed pipe is success).
        let mut failed: Option<io::Error> = None;
        let mut put = |r: &Record| -> anyhow::Result<()> {
            write_record(w, r).map_err(|e| {
                failed = Some(e);
                anyhow::anyhow!("output stopped")
            })?;
            records += 1;
            Ok(())
        };
        let read = dump_all(&mut *tx, &header, &mut put);
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(io::Error::other)
    })?;
    tx.commit()?;
    ctx.note(format!(
        "dumped {} records{}",
        records,
        dest.map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(0)
}

/// Hand every record of the database to `put`, in dump order.
fn dump_all(
    tx: &mut dyn Txn,
    header: &Record,
    put: &mut dyn FnMut(&Record) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    put(header)?;
    tx.dump_partners(&mut |p| {
        put(&Record::Partner {
            partner_id: p.partner_id,
            name: p.name,
            added_at: p.added_at,
            programs: p
                .enrolments
                .into_iter()
                .map(|(program, enrolled_at)| EnrolmentRecord {
                    program,
                    enrolled_at,
                })
                .collect(),
        })
    })?;
    let mut names = tx.calendar_names()?;
    names.sort();
    for name in names {
        let Some(cal) = tx.calendar(&name)? else {
            continue;
        };
        put(&Record::Calendar {
            name: cal.name,
            tz: cal.tz.name().to_string(),
            weekend: cal.weekend.to_string_list(),
            cutoff: cal.cutoff.map(|t| t.format("%H:%M").to_string()),
            holidays: cal
                .holidays
                .into_iter()
                .map(|(day, label)| HolidayRecord { day, label })
                .collect(),
        })?;
    }
    tx.dump_pins(&mut |p| {
        put(&Record::Pin {
            kind: p.kind,
            value: p.value,
            tenant_id: p.tenant_id,
            since: p.since,
            by_claim: p.by_claim,
        })
    })?;
    tx.dump_pin_log(&mut |e| {
        put(&Record::PinEvent {
            at: e.at,
            actor: e.actor,
            action: e.action,
            kind: e.kind,
            value: e.value,
            tenant_id: e.tenant_id,
            reason: e.reason,
        })
    })?;
    tx.dump_claims(&mut |c, history| put(&Record::Claim(Box::new(ClaimRecord::of(c, history)))))?;
    tx.dump_finalize_runs(&mut |r| {
        put(&Record::FinalizeRun {
            started_at: r.started_at,
            finished_at: r.finished_at,
            actor: r.actor,
            finalized: r.finalized,
        })
    })?;
    Ok(())
}

/// A restore refused: the dump, or the target, is not what restore can load.
fn refused(code: &str, message: String) -> CporError {
    CporError {
        kind: ErrorKind::Refused,
        code: code.to_string(),
        message,
        hints: Vec::new(),
        rules: Vec::new(),
    }
}

/// A line of the dump that fails a check: exit 3 naming the line and the check.
fn invalid(line: u64, check: &str, detail: impl std::fmt::Display) -> anyhow::Error {
    refused(
        "restore-invalid",
        format!("line {line}: {check}: {detail}; nothing was restored"),
    )
    .hint("restore a dump written by `cpor dump`, unchanged")
    .into()
}

pub fn run_restore(ctx: &Ctx, a: RestoreArgs) -> anyhow::Result<u8> {
    let input: Box<dyn BufRead> = if a.file.as_os_str() == "-" {
        Box::new(io::BufReader::with_capacity(256 * 1024, io::stdin().lock()))
    } else {
        let f = std::fs::File::open(&a.file).map_err(|e| {
            CporError::usage(
                "restore-file",
                format!("cannot read {}: {e}", a.file.display()),
            )
            .hint("give the path of a file written by `cpor dump`, or - for stdin")
        })?;
        Box::new(io::BufReader::with_capacity(256 * 1024, f))
    };
    let mut db = ctx.db()?;
    let mut tx = db.write()?;
    if tx.holds_data()? {
        return Err(refused(
            "restore-target-not-empty",
            format!(
                "{} already holds partners or claims; restore loads only into an empty database",
                ctx.location()
            ),
        )
        .hint("point --db at a new database file (or an empty PostgreSQL database)")
        .into());
    }
    let counts = load(ctx, &mut *tx, input)?;
    tx.commit()?;
    ctx.note(format!(
        "restored {} partners, {} calendars, {} pins, {} pin log entries, {} claims and {} finalize runs",
        counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]
    ));
    Ok(0)
}

/// Read, verify and store every record of a dump in `tx`; returns how many records of each
/// type (by [`Record::rank`]) were loaded.
fn load(ctx: &Ctx, tx: &mut dyn Txn, input: Box<dyn BufRead>) -> anyhow::Result<[u64; 7]> {
    let mut counts = [0u64; 7];
    let mut rank = 0u8;
    let mut last_partner: Option<String> = None;
    let mut calendars: Vec<String> = Vec::new();
    let mut last_pin: Option<(PinKind, String)> = None;
    let mut last_claim: Option<i64> = None;
    let mut line_no = 0u64;
    // Where the pins start, and the blank lines among them: a pin's line from its position.
    let mut first_pin_line: Option<u64> = None;
    let mut blank_lines_in_pins: Vec<u64> = Vec::new();
    let mut bar = None;
    for line in input.lines() {
        line_no += 1;
        let line = line.with_context(|| format!("could not read line {line_no} of the dump"))?;
        if line.trim().is_empty() {
            if rank == 3 {
                blank_lines_in_pins.push(line_no);
            }
            continue;
        }
        let record: Record =
            serde_json::from_str(&line).map_err(|e| invalid(line_no, "malformed record", e))?;
        if line_no == 1 {
            let Record::Header {
                format,
                schema_version,
                ..
            } = &record
            else {
                return Err(invalid(
                    line_no,
                    "header",
                    "the first line is not a cpor-dump header",
                ));
            };
            if *format != FORMAT {
                return Err(invalid(
                    line_no,
                    "header",
                    format!("dump format {format}; this cpor reads format {FORMAT}"),
                ));
            }
            if *schema_version > crate::storage::LATEST_VERSION {
                return Err(invalid(
                    line_no,
                    "header",
                    format!(
                        "the dump comes from schema version {schema_version}, newer than this cpor ({})",
                        crate::storage::LATEST_VERSION
                    ),
                ));
            }
            counts[0] += 1;
            continue;
        }
        let r = record.rank();
        if r == 0 {
            return Err(invalid(line_no, "order", "a second header"));
        }
        if r < rank {
            return Err(invalid(
                line_no,
                "order",
                "records are not in dump order (partner, calendar, pin, pin_event, claim, finalize_run)",
            ));
        }
        if r == 5 && rank < 5 {
            bar = super::import::progress_bar(ctx, "restoring", None);
        }
        rank = r;
        counts[r as usize] += 1;
        match record {
            Record::Header { .. } => unreachable!("refused above"),
            Record::Partner {
                partner_id,
                name,
                added_at,
                programs,
            } => {
                if last_partner.as_ref().is_some_and(|p| *p >= partner_id) {
                    return Err(invalid(
                        line_no,
                        "unique IDs",
                        format!("partner {partner_id} is out of order or repeated"),
                    ));
                }
                tx.restore_partner(&PartnerRecord {
                    partner_id: partner_id.clone(),
                    name,
                    added_at,
                    enrolments: programs
                        .into_iter()
                        .map(|e| (e.program, e.enrolled_at))
                        .collect(),
                })?;
                last_partner = Some(partner_id);
            }
            Record::Calendar {
                name,
                tz,
                weekend,
                cutoff,
                holidays,
            } => {
                if calendars.contains(&name) {
                    return Err(invalid(
                        line_no,
                        "unique IDs",
                        format!("calendar {name} is repeated"),
                    ));
                }
                let bad =
                    |what: &str, e: String| invalid(line_no, "calendar", format!("{what}: {e}"));
                let cal = Calendar {
                    name: name.clone(),
                    tz: parse_tz(&tz).map_err(|e| bad("time zone", e.to_string()))?,
                    weekend: WeekendSet::parse(&weekend)
                        .map_err(|e| bad("weekend", e.to_string()))?,
                    holidays: Default::default(),
                    cutoff: match cutoff {
                        Some(c) => parse_cutoff(&c).map_err(|e| bad("cut-off", e.to_string()))?,
                        None => None,
                    },
                };
                tx.save_calendar(&cal)?;
                for h in holidays {
                    tx.add_holiday(&name, h.day, h.label.as_deref())?;
                }
                calendars.push(name);
            }
            Record::Pin {
                kind,
                value,
                tenant_id,
                since,
                by_claim,
            } => {
                let key = (kind, value);
                if last_pin.as_ref().is_some_and(|p| {
                    (p.0.as_str(), p.1.as_str()) >= (key.0.as_str(), key.1.as_str())
                }) {
                    return Err(invalid(
                        line_no,
                        "unique IDs",
                        format!("pin {} {} is out of order or repeated", key.0, key.1),
                    ));
                }
                first_pin_line.get_or_insert(line_no);
                tx.restore_pin(&Pin {
                    kind: key.0,
                    value: key.1.clone(),
                    tenant_id,
                    since,
                    by_claim,
                    active_claims: Vec::new(),
                })?;
                last_pin = Some(key);
            }
            Record::PinEvent {
                at,
                actor,
                action,
                kind,
                value,
                tenant_id,
                reason,
            } => tx.restore_pin_event(&PinLogEntry {
                at,
                actor,
                action,
                kind,
                value,
                tenant_id,
                reason,
            })?,
            Record::Claim(c) => {
                let (claim, history) = c.into_claim();
                if last_claim.is_some_and(|id| id >= claim.id) || claim.id <= 0 {
                    return Err(invalid(
                        line_no,
                        "unique IDs",
                        format!("claim {} is out of order or repeated", claim.id),
                    ));
                }
                verify_claim(tx, line_no, &claim, &history)?;
                tx.restore_claim(&claim, &history)?;
                last_claim = Some(claim.id);
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
            Record::FinalizeRun {
                started_at,
                finished_at,
                actor,
                finalized,
            } => tx.restore_finalize_run(&FinalizeRun {
                started_at,
                finished_at,
                actor,
                finalized,
            })?,
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if counts[0] == 0 {
        return Err(invalid(1, "header", "the dump is empty"));
    }
    // Checked in the database, not by remembering each pin's claim: memory stays flat.
    if let Some(pin) = tx.pin_without_claim()? {
        // Pins are restored in dump order, one a line: the pin's line is its position past the
        // first pin's, and past the blank lines before it.
        let mut line = first_pin_line.unwrap_or(1) + pin.position;
        for blank in blank_lines_in_pins {
            if blank <= line {
                line += 1;
            }
        }
        return Err(invalid(
            line,
            "pins consistent with claims",
            format!(
                "the {} pin {} names claim {}, which is not in the dump",
                pin.kind, pin.value, pin.claim_id
            ),
        ));
    }
    Ok(counts)
}

/// The checks of one claim against its own history and what is already restored.
fn verify_claim(
    tx: &mut dyn Txn,
    line: u64,
    c: &Claim,
    history: &[HistoryEvent],
) -> anyhow::Result<()> {
    if let Some(p) = verify_chain(c.id, c.status, history).first() {
        let detail = match p {
            ChainProblem::HashMismatch { position } => {
                format!(
                    "claim {}: event {position}'s hash does not match its content",
                    c.id
                )
            }
            ChainProblem::BrokenLink { position } => {
                format!(
                    "claim {}: event {position} is not chained to the event before it",
                    c.id
                )
            }
            ChainProblem::NotFiledFirst => {
                format!(
                    "claim {}: the history does not start with one `filed` event",
                    c.id
                )
            }
            ChainProblem::StatusMismatch { status, last_to } => format!(
                "claim {}: status {status} is not the last event's ({})",
                c.id,
                last_to
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "none".into())
            ),
        };
        let check = if matches!(p, ChainProblem::StatusMismatch { .. }) {
            "status equals the last event"
        } else {
            "history chain"
        };
        return Err(invalid(line, check, detail));
    }
    if !c.status.is_active() {
        return Ok(());
    }
    let unit = UnitRequest {
        partner_id: &c.partner_id,
        program: c.program,
        workload: &c.workload,
        tenant: &c.tenant_id,
        domain: Some(&c.domain),
        subscription: c.subscription_id.as_deref(),
        channel: c.channel,
    };
    let facts = tx.unit_facts(&unit)?;
    if let Some(h) = facts
        .holders
        .iter()
        .find(|h| h.partner_id != c.partner_id || h.program == c.program)
    {
        return Err(invalid(
            line,
            "one active holder per unit",
            format!(
                "claim {} and claim {} (PartnerID {}) are both active on {}",
                c.id,
                h.claim_id,
                h.partner_id,
                c.unit().describe()
            ),
        ));
    }
    let pinned = |pin: &Option<Pin>, what: &str, value: &str| match pin {
        Some(p) if p.tenant_id == c.tenant_id => Ok(()),
        Some(p) => Err(invalid(
            line,
            "pins consistent with claims",
            format!(
                "claim {} names {what} {value} of tenant {}, but it is pinned to tenant {}",
                c.id, c.tenant_id, p.tenant_id
            ),
        )),
        None => Err(invalid(
            line,
            "pins consistent with claims",
            format!(
                "active claim {} names {what} {value}, which has no pin",
                c.id
            ),
        )),
    };
    pinned(&facts.domain_pin, "domain", &c.domain)?;
    if let Some(s) = &c.subscription_id {
        pinned(&facts.subscription_pin, "subscription", s)?;
    }
    Ok(())
}
