//! `cpor import`: file many claims from CSV or JSONL rows, each exactly as `cpor claim` would.
//!
//! Rows stream: each is read, turned into the flags of `claim` ([`claim::request`]), then
//! checked and filed ([`claim::file_request`]) in one write transaction, so every row is checked
//! against the database and the rows before it. Only the bad rows are kept, for the report.

use super::claim::{self, ClaimArgs};
use super::{Ctx, RowFormat};
use crate::error::{CporError, ErrorKind, classify};
use crate::output::emit_json;
use crate::rules::calendar::Calendar;
use crate::storage::Txn;
use anyhow::Context;
use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.
///
/// Columns (CSV header or JSONL keys) are the claim flags with _ for -: partner_id, tenant,
/// domain, program, workload, subscription, channel, customer_name, customer_title,
/// customer_email, technical_name, technical_title, technical_email, partner_contact,
/// partner_email, poe, poe_signed, purchase_date, name, notified_at, calendar, comment. The
/// column names of `list --format csv` and `export` are accepted too (tenant_id, poe_location,
/// ...); the columns cpor computes there (id, status, deadline, ...) are ignored. Config
/// defaults fill the partner columns. Rows count from 1 (the first row after a CSV header).
///
/// By default it is all or nothing: if any row is malformed (exit 2) or refused (exit 3),
/// nothing is written and every bad row is reported. With --skip-refused the good rows are
/// filed and the bad ones written to REJECTS (their columns plus error_codes) to fix and
/// import again.
///
/// Examples:
///   cpor import associations.csv
///   cpor import claims.jsonl --dry-run
///   cpor import associations.csv --skip-refused rejects.csv
///   cpor export old.csv --format csv && cpor --db new.db import old.csv
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ImportArgs {
    /// The rows: a .csv or .jsonl file, or - for stdin (--format csv|jsonl, else guessed)
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
    /// Check every row against the rules and the database, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// File the good rows and write the bad ones, with their error codes, to this file
    #[arg(long, value_name = "REJECTS")]
    pub skip_refused: Option<PathBuf>,
}

/// A claim flag a column sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    PartnerId,
    Tenant,
    Domain,
    Program,
    Workload,
    Subscription,
    Channel,
    CustomerName,
    CustomerTitle,
    CustomerEmail,
    TechnicalName,
    TechnicalTitle,
    TechnicalEmail,
    PartnerContact,
    PartnerEmail,
    Poe,
    PoeSigned,
    PurchaseDate,
    Name,
    NotifiedAt,
    Calendar,
    Comment,
}

/// What a column means to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Sets(Field),
    /// Computed by cpor (or written by a rejects file): ignored.
    Ignored,
}

/// The meaning of a column name, or `None` for a column import does not know.
fn column(name: &str) -> Option<Column> {
    use Field::*;
    let field = match name {
        "partner_id" => PartnerId,
        "tenant" | "tenant_id" => Tenant,
        "domain" => Domain,
        "program" => Program,
        "workload" => Workload,
        "subscription" | "subscription_id" => Subscription,
        "channel" => Channel,
        "customer_name" => CustomerName,
        "customer_title" => CustomerTitle,
        "customer_email" => CustomerEmail,
        "technical_name" => TechnicalName,
        "technical_title" => TechnicalTitle,
        "technical_email" => TechnicalEmail,
        "partner_contact" | "partner_contact_name" => PartnerContact,
        "partner_email" | "partner_contact_email" => PartnerEmail,
        "poe" | "poe_location" => Poe,
        "poe_signed" | "poe_signed_on" => PoeSigned,
        "purchase_date" => PurchaseDate,
        "name" => Name,
        "notified_at" => NotifiedAt,
        "calendar" => Calendar,
        "comment" => Comment,
        "id" | "activity" | "status" | "filed_at" | "filed_by" | "deadline" | "deadline_day"
        | "official_at" | "opted_out_at" | "opt_out_in_window" | "withdrawn_at" | "end_reason"
        | "poe_sha256" | "poe_size" | "warnings" | "poe_versions" | "history" | "error_codes" => {
            return Some(Column::Ignored);
        }
        _ => return None,
    };
    Some(Column::Sets(field))
}

/// Set `field` of `args` to `value`.
fn set(args: &mut ClaimArgs, field: Field, value: String) {
    use Field::*;
    let slot = match field {
        Workload => {
            args.unit.workload = vec![value];
            return;
        }
        PartnerId => &mut args.unit.partner_id,
        Tenant => &mut args.unit.tenant,
        Domain => &mut args.unit.domain,
        Program => &mut args.unit.program,
        Subscription => &mut args.unit.subscription,
        Channel => &mut args.unit.channel,
        CustomerName => &mut args.customer_name,
        CustomerTitle => &mut args.customer_title,
        CustomerEmail => &mut args.customer_email,
        TechnicalName => &mut args.technical_name,
        TechnicalTitle => &mut args.technical_title,
        TechnicalEmail => &mut args.technical_email,
        PartnerContact => &mut args.partner_contact,
        PartnerEmail => &mut args.partner_email,
        Poe => &mut args.poe,
        PoeSigned => &mut args.poe_signed,
        PurchaseDate => &mut args.purchase_date,
        Name => &mut args.name,
        NotifiedAt => &mut args.notified_at,
        Calendar => &mut args.calendar,
        Comment => &mut args.comment,
    };
    *slot = Some(value);
}

/// A CSV cell as written: the `'` that cpor's CSV puts before a cell a spreadsheet would run as
/// a formula (SPEC §6) is removed, exactly that one character.
fn csv_value(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// `--flag` names in a message about a row, as the column names the row uses.
fn as_columns(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("--") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let end = tail
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(tail.len());
        if end == 0 {
            out.push_str("--");
        } else {
            out.push_str(&tail[..end].replace('-', "_"));
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A row the rules refused.
#[derive(Debug, Serialize)]
struct RefusedRow {
    row: u64,
    rules: Vec<RuleView>,
}

#[derive(Debug, Serialize)]
struct RuleView {
    code: String,
    message: String,
    remedy: String,
}

/// A row that is not a well-formed claim.
#[derive(Debug, Serialize)]
struct MalformedRow {
    row: u64,
    #[serde(skip)]
    code: String,
    message: String,
}

/// The report of an import (its JSON shape, SPEC §10).
#[derive(Debug, Default, Serialize)]
struct Outcome {
    filed: u64,
    refused: Vec<RefusedRow>,
    malformed: Vec<MalformedRow>,
}

/// What became of one row.
enum RowResult {
    Filed,
    Bad { codes: Vec<String> },
}

/// Where the rows come from and how they are read.
enum Rows {
    Csv {
        reader: csv::Reader<Box<dyn BufRead>>,
        header: csv::StringRecord,
        columns: Vec<Column>,
    },
    Jsonl {
        lines: io::Lines<Box<dyn BufRead>>,
    },
}

/// One row read: its values, and what to write to the rejects file for it.
struct Row {
    number: u64,
    values: Result<Vec<(Field, String)>, String>,
    raw: RawRow,
}

enum RawRow {
    Csv(csv::StringRecord),
    Json(Map<String, Value>),
    Line(String),
}

impl Rows {
    fn open(ctx: &Ctx, file: &Path) -> anyhow::Result<Rows> {
        let stdin = file.as_os_str() == "-";
        let mut input: Box<dyn BufRead> = if stdin {
            Box::new(io::BufReader::with_capacity(256 * 1024, io::stdin()))
        } else {
            let f = std::fs::File::open(file).map_err(|e| {
                CporError::usage(
                    "import-file",
                    format!("cannot read {}: {e}", file.display()),
                )
                .hint("give the path of a .csv or .jsonl file, or - for stdin")
            })?;
            Box::new(io::BufReader::with_capacity(256 * 1024, f))
        };
        let format = match ctx.row_format.or_else(|| {
            (!stdin)
                .then(|| super::export::format_of_path(file))
                .flatten()
        }) {
            Some(f) => f,
            // Neither said: a JSONL file starts with an object.
            None => {
                let head = input.fill_buf().context("could not read the rows")?;
                let first = head.iter().find(|b| !b.is_ascii_whitespace());
                if first == Some(&b'{') {
                    RowFormat::Jsonl
                } else {
                    RowFormat::Csv
                }
            }
        };
        Ok(match format {
            RowFormat::Jsonl => Rows::Jsonl {
                lines: input.lines(),
            },
            RowFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let header = reader
                    .headers()
                    .map_err(|e| {
                        CporError::usage(
                            "import-header",
                            format!("cannot read the CSV header: {e}"),
                        )
                    })?
                    .clone();
                let mut columns = Vec::with_capacity(header.len());
                let mut seen: Vec<(Field, &str)> = Vec::new();
                let mut ignored = Vec::new();
                for name in header.iter() {
                    let name = name.trim();
                    let c = column(name).ok_or_else(|| unknown_column(name, None))?;
                    match c {
                        Column::Sets(f) => {
                            if let Some((_, other)) = seen.iter().find(|(g, _)| *g == f) {
                                return Err(CporError::usage(
                                    "import-header",
                                    format!("columns {other} and {name} give the same value"),
                                )
                                .hint("keep one of them")
                                .into());
                            }
                            seen.push((f, name));
                        }
                        Column::Ignored => ignored.push(name.to_string()),
                    }
                    columns.push(c);
                }
                note_ignored(ctx, &ignored);
                Rows::Csv {
                    reader,
                    header,
                    columns,
                }
            }
        })
    }

    /// The next row, or `None` at the end.
    fn next(&mut self, ctx: &Ctx, ignored: &mut BTreeSet<String>) -> anyhow::Result<Option<Row>> {
        match self {
            Rows::Csv {
                reader,
                header,
                columns,
            } => {
                let mut record = csv::StringRecord::new();
                let number = reader.position().record();
                match reader.read_record(&mut record) {
                    Ok(false) => Ok(None),
                    Ok(true) => {
                        let values = if record.len() != header.len() {
                            Err(format!(
                                "the row has {} cells; the header has {}",
                                record.len(),
                                header.len()
                            ))
                        } else {
                            Ok(columns
                                .iter()
                                .zip(record.iter())
                                .filter_map(|(c, v)| match c {
                                    Column::Sets(f) if !v.is_empty() => {
                                        Some((*f, csv_value(v).to_string()))
                                    }
                                    _ => None,
                                })
                                .collect())
                        };
                        Ok(Some(Row {
                            number,
                            values,
                            raw: RawRow::Csv(record),
                        }))
                    }
                    Err(e) => Ok(Some(Row {
                        number,
                        values: Err(format!("not a CSV row: {e}")),
                        raw: RawRow::Line(String::new()),
                    })),
                }
            }
            Rows::Jsonl { lines } => {
                let _ = ctx;
                loop {
                    let Some(line) = lines.next() else {
                        return Ok(None);
                    };
                    let line = line.context("could not read the rows")?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let object = match serde_json::from_str::<Value>(&line) {
                        Ok(Value::Object(m)) => m,
                        Ok(_) => {
                            return Ok(Some(Row {
                                number: 0,
                                values: Err("the line is not a JSON object".into()),
                                raw: RawRow::Line(line),
                            }));
                        }
                        Err(e) => {
                            return Ok(Some(Row {
                                number: 0,
                                values: Err(format!("not JSON: {e}")),
                                raw: RawRow::Line(line),
                            }));
                        }
                    };
                    let values = json_values(&object, ignored);
                    return Ok(Some(Row {
                        number: 0,
                        values: values?,
                        raw: RawRow::Json(object),
                    }));
                }
            }
        }
    }
}

/// The values of a JSONL object, nested objects flattened with `_` (as the CSV columns are).
/// An unknown key is a usage error for the whole import; a row giving one value twice is
/// malformed.
#[allow(clippy::type_complexity)]
fn json_values(
    object: &Map<String, Value>,
    ignored: &mut BTreeSet<String>,
) -> anyhow::Result<Result<Vec<(Field, String)>, String>> {
    let mut out: Vec<(Field, String)> = Vec::new();
    let mut names: Vec<(Field, String)> = Vec::new();
    let mut flat: Vec<(String, &Value)> = Vec::new();
    for (k, v) in object {
        match v {
            Value::Object(inner) => {
                if column(k) == Some(Column::Ignored) {
                    ignored.insert(k.clone());
                    continue;
                }
                for (k2, v2) in inner {
                    flat.push((format!("{k}_{k2}"), v2));
                }
            }
            other => flat.push((k.clone(), other)),
        }
    }
    for (name, v) in flat {
        match column(&name) {
            None => return Err(unknown_column(&name, Some("key"))),
            Some(Column::Ignored) => {
                ignored.insert(name);
            }
            Some(Column::Sets(f)) => {
                let value = match v {
                    Value::Null => continue,
                    Value::String(s) if s.is_empty() => continue,
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => return Ok(Err(format!("{name}: expected text, got {v}"))),
                };
                if let Some((_, other)) = names.iter().find(|(g, _)| *g == f) {
                    return Ok(Err(format!("{other} and {name} give the same value")));
                }
                names.push((f, name));
                out.push((f, value));
            }
        }
    }
    Ok(Ok(out))
}

fn unknown_column(name: &str, what: Option<&str>) -> anyhow::Error {
    CporError::usage(
        "unknown-column",
        format!("unknown {} '{name}'", what.unwrap_or("column")),
    )
    .hint("columns are the claim flags with _ for - (partner_id, tenant, domain, program, workload, ...), or the columns of `cpor export --format csv`; see `cpor import --help`")
    .into()
}

/// The one note naming the columns that are ignored.
fn note_ignored(ctx: &Ctx, ignored: &[String]) {
    if !ignored.is_empty() {
        ctx.note(format!(
            "ignoring the columns cpor computes: {}",
            ignored.join(", ")
        ));
    }
}

/// A progress bar on stderr, only when stderr is a terminal: `total` rows, or a counter.
pub(super) fn progress_bar(
    ctx: &Ctx,
    what: &str,
    total: Option<u64>,
) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || ctx.verbosity == super::Verbosity::Quiet {
        return None;
    }
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!("{what} {{spinner}} {{pos}} rows"))
            .expect("valid template"),
    );
    Some(bar)
}

/// The rejects file of `--skip-refused`: the bad rows as they came, plus `error_codes`.
enum Rejects {
    Csv(Box<csv::Writer<std::fs::File>>),
    Jsonl(io::BufWriter<std::fs::File>),
}

impl Rejects {
    fn create(path: &Path, rows: &Rows) -> anyhow::Result<Rejects> {
        let file = std::fs::File::create(path)
            .with_context(|| format!("could not create {}", path.display()))?;
        Ok(match rows {
            Rows::Csv { header, .. } => {
                let mut w = csv::WriterBuilder::new().flexible(true).from_writer(file);
                let mut h = header.clone();
                if !h.iter().any(|c| c == "error_codes") {
                    h.push_field("error_codes");
                }
                w.write_record(&h)?;
                Rejects::Csv(Box::new(w))
            }
            Rows::Jsonl { .. } => Rejects::Jsonl(io::BufWriter::new(file)),
        })
    }

    fn write(&mut self, raw: RawRow, codes: &[String]) -> anyhow::Result<()> {
        let codes_text = codes.join(";");
        match (self, raw) {
            (Rejects::Csv(w), RawRow::Csv(record)) => {
                let mut r = record;
                r.push_field(&codes_text);
                w.write_record(&r)?;
            }
            (Rejects::Csv(_), _) => {}
            (Rejects::Jsonl(w), RawRow::Json(mut object)) => {
                object.insert("error_codes".into(), codes.to_vec().into());
                serde_json::to_writer(&mut *w, &object)?;
                w.write_all(b"\n")?;
            }
            (Rejects::Jsonl(w), RawRow::Line(line)) => {
                writeln!(w, "{line}")?;
            }
            (Rejects::Jsonl(_), RawRow::Csv(_)) => {}
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Rejects::Csv(mut w) => w.flush()?,
            Rejects::Jsonl(mut w) => w.flush()?,
        }
        Ok(())
    }
}

/// The claim flags of one row through `claim`'s validation, rules and filing.
fn file_row(
    ctx: &Ctx,
    mut tx: Option<&mut dyn Txn>,
    calendars: &mut HashMap<String, Calendar>,
    args: &ClaimArgs,
) -> anyhow::Result<()> {
    let req = claim::request(ctx, args)?;
    if !calendars.contains_key(&req.calendar) {
        let cal = match tx.as_mut() {
            Some(t) => claim::request_calendar(Some(&mut **t), &req.calendar)?,
            None => claim::request_calendar(None, &req.calendar)?,
        };
        calendars.insert(req.calendar.clone(), cal);
    }
    let cal = &calendars[&req.calendar];
    match tx {
        Some(tx) => {
            claim::file_request(ctx, tx, &req, cal)?;
        }
        None => {
            claim::check_request(ctx, None, &req, cal)?;
        }
    }
    Ok(())
}

/// Check one row and, with a transaction, file it there.
fn import_row(
    ctx: &Ctx,
    tx: Option<&mut dyn Txn>,
    calendars: &mut HashMap<String, Calendar>,
    values: Vec<(Field, String)>,
    row: u64,
    outcome: &mut Outcome,
) -> anyhow::Result<RowResult> {
    let mut args = ClaimArgs::default();
    for (f, v) in values {
        set(&mut args, f, v);
    }
    claim::fill_defaults(ctx, &mut args);
    let Err(err) = file_row(ctx, tx, calendars, &args) else {
        outcome.filed += 1;
        return Ok(RowResult::Filed);
    };
    let report = classify(&err);
    match report.kind {
        ErrorKind::Refused => {
            let rules: Vec<RuleView> = report
                .rules
                .iter()
                .map(|v| RuleView {
                    code: v.code.as_str().to_string(),
                    message: v.message.clone(),
                    remedy: v.remedy.clone(),
                })
                .collect();
            let codes = rules.iter().map(|r| r.code.clone()).collect();
            outcome.refused.push(RefusedRow { row, rules });
            Ok(RowResult::Bad { codes })
        }
        ErrorKind::Usage | ErrorKind::NotFound => {
            outcome.malformed.push(MalformedRow {
                row,
                code: report.code.clone(),
                message: as_columns(&report.message),
            });
            Ok(RowResult::Bad {
                codes: vec![report.code],
            })
        }
        // The database failed: the import stops, nothing written.
        _ => Err(err),
    }
}

pub fn run(ctx: &Ctx, a: ImportArgs) -> anyhow::Result<u8> {
    let mut rows = Rows::open(ctx, &a.file)?;
    let mut rejects = match (&a.skip_refused, a.dry_run) {
        (Some(p), false) => Some(Rejects::create(p, &rows)?),
        _ => None,
    };
    // Without a database no PartnerID is enrolled, so every row is refused against the empty
    // state: an import that writes nothing never creates the database.
    let exists = ctx.db_exists()?;
    let mut db = if exists {
        Some(if a.dry_run {
            ctx.db_existing()?
        } else {
            ctx.db()?
        })
    } else {
        None
    };
    let mut tx = match db.as_mut() {
        Some(db) => Some(db.write()?),
        None => None,
    };
    let mut outcome = Outcome::default();
    let mut calendars: HashMap<String, Calendar> = HashMap::new();
    let mut ignored: BTreeSet<String> = BTreeSet::new();
    let bar = progress_bar(ctx, "importing", None);
    let mut count = 0u64;
    let mut seen_bad = 0usize;
    while let Some(row) = rows.next(ctx, &mut ignored)? {
        count += 1;
        let number = if row.number == 0 { count } else { row.number };
        let result = match row.values {
            Ok(values) => import_row(
                ctx,
                match tx.as_mut() {
                    Some(t) => Some(&mut **t as &mut dyn Txn),
                    None => None,
                },
                &mut calendars,
                values,
                number,
                &mut outcome,
            )?,
            Err(message) => {
                outcome.malformed.push(MalformedRow {
                    row: number,
                    code: "malformed-row".into(),
                    message,
                });
                RowResult::Bad {
                    codes: vec!["malformed-row".into()],
                }
            }
        };
        if let RowResult::Bad { codes } = result {
            if let Some(r) = rejects.as_mut() {
                r.write(row.raw, &codes)?;
            }
            seen_bad += 1;
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let names: Vec<String> = ignored.into_iter().collect();
    note_ignored(ctx, &names);
    if tx.is_none() && outcome.filed > 0 && !a.dry_run {
        anyhow::bail!("a row passed the rules without a database to file it in");
    }
    let bad = seen_bad > 0;
    let keep = !a.dry_run && (!bad || rejects.is_some());
    if let Some(r) = rejects {
        r.finish()?;
    }
    // Without `keep`, dropping the transaction rolls every row back.
    if let Some(tx) = tx
        && keep
    {
        tx.commit()?;
    }
    // Every bad row, in row order, on stderr.
    let mut lines: Vec<(u64, String)> = Vec::new();
    for r in &outcome.refused {
        for rule in &r.rules {
            lines.push((
                r.row,
                format!("row {}: {}: {}", r.row, rule.code, rule.message),
            ));
        }
    }
    for m in &outcome.malformed {
        lines.push((m.row, format!("row {}: {}: {}", m.row, m.code, m.message)));
    }
    lines.sort_by_key(|(row, _)| *row);
    for (_, l) in &lines {
        eprintln!("{}", crate::output::escape_lines(l));
    }
    if ctx.format == crate::output::Format::Json {
        emit_json(&outcome)?;
    }
    let filed = if keep { outcome.filed } else { 0 };
    let total = count;
    let malformed = !outcome.malformed.is_empty();
    if a.dry_run {
        ctx.note(format!(
            "dry run: {} of {total} rows would be filed; nothing was written",
            outcome.filed
        ));
    } else if keep {
        ctx.note(format!("filed {filed} claims from {total} rows"));
    }
    if !bad {
        return Ok(0);
    }
    let message = match (&a.skip_refused, a.dry_run) {
        (Some(p), false) => format!(
            "{seen_bad} of {total} rows were not filed; they are in {} with their error codes",
            p.display()
        ),
        _ if a.dry_run => format!("{seen_bad} of {total} rows would not be filed"),
        _ => format!("{seen_bad} of {total} rows are bad; nothing was written"),
    };
    let code = if malformed {
        "import-rows-malformed"
    } else {
        "import-rows-refused"
    };
    let kind = if malformed && a.skip_refused.is_none() {
        ErrorKind::Usage
    } else {
        ErrorKind::Refused
    };
    let hint = if a.skip_refused.is_some() {
        "fix the rows in the rejects file and import it again"
    } else {
        "fix the rows listed above, or file the good ones now with --skip-refused REJECTS"
    };
    Err(CporError {
        kind,
        code: code.into(),
        message,
        hints: vec![hint.into()],
        rules: Vec::new(),
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_formula_quote_is_removed() {
        assert_eq!(csv_value("'=1+1"), "=1+1");
        assert_eq!(csv_value("'-3"), "-3");
        assert_eq!(csv_value("'@x"), "@x");
        assert_eq!(csv_value("'\tx"), "\tx");
        assert_eq!(csv_value("'abc"), "'abc");
        assert_eq!(csv_value("''=x"), "''=x");
        assert_eq!(csv_value("plain"), "plain");
    }

    #[test]
    fn flags_in_row_messages_become_columns() {
        assert_eq!(
            as_columns("missing required values: --customer-email, --poe-signed"),
            "missing required values: customer_email, poe_signed"
        );
        assert_eq!(as_columns("a -- b"), "a -- b");
    }

    #[test]
    fn export_columns_map_to_claim_flags() {
        assert_eq!(column("tenant_id"), Some(Column::Sets(Field::Tenant)));
        assert_eq!(
            column("poe_signed_on"),
            Some(Column::Sets(Field::PoeSigned))
        );
        assert_eq!(column("status"), Some(Column::Ignored));
        assert_eq!(column("bogus"), None);
        for name in crate::output::csv_header() {
            assert!(
                column(name).is_some(),
                "export column {name} is unknown to import"
            );
        }
    }
}
