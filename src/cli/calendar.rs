//! `cpor calendar`: business-day calendars for the opt-out window.

use super::{Ctx, bad_value, optional_value};
use crate::error::CporError;
use crate::holiday_file::{Holiday, YearRange, parse_csv, parse_holiday_date, parse_ics};
use crate::output::{Format, csv_safe, emit, emit_json, escape, text_cell};
use crate::rules::calendar::{Calendar, WeekendSet, parse_cutoff, parse_tz};
use crate::rules::format::{check_list_items, parse_text};
use crate::storage;
use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use comfy_table::Cell;
use serde::Serialize;
use std::path::PathBuf;

/// Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.
///
/// A claim's deadline is computed once, when it is filed, with the calendar it names; editing
/// a calendar later does not move existing deadlines.
///
/// Examples:
///   cpor calendar set uk --tz Europe/London --cutoff 17:00
///   cpor calendar import uk uk-bank-holidays.ics
///   cpor calendar show uk
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum CalendarCommand {
    Set(SetArgs),
    Show(ShowArgs),
    #[command(subcommand)]
    Holiday(HolidayCommand),
    Import(ImportArgs),
}

/// Create a calendar or change its zone, weekend or cut-off.
///
/// A new calendar starts as UTC with a Saturday–Sunday weekend and no cut-off.
///
/// Examples:
///   cpor calendar set uk --tz Europe/London
///   cpor calendar set gulf --tz Asia/Riyadh --weekend fri,sat --cutoff 17:00
///   cpor calendar set uk --cutoff none
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct SetArgs {
    /// Calendar name
    pub name: String,
    /// IANA time zone, e.g. Europe/London
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Weekend days, a comma list of mon..sun (at least one day must remain a business day)
    #[arg(long, value_name = "DAYS")]
    pub weekend: Option<String>,
    /// Notifications at or after this local time count from the next day (HH:MM, or none)
    #[arg(long, value_name = "HH:MM|none")]
    pub cutoff: Option<String>,
}

/// Show one calendar with its holidays, or list all calendars.
///
/// Examples:
///   cpor calendar show
///   cpor calendar show uk --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ShowArgs {
    /// Calendar name (all calendars when omitted)
    pub name: Option<String>,
}

/// Add or remove holidays.
///
/// Examples:
///   cpor calendar holiday add uk 2025-12-25 --label "Christmas Day"
///   cpor calendar holiday remove uk 2025-12-25
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum HolidayCommand {
    Add(HolidayAddArgs),
    Remove(HolidayRemoveArgs),
}

/// Add a holiday (a date that is not a business day).
///
/// Examples:
///   cpor calendar holiday add uk 2025-12-25 --label "Christmas Day"
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct HolidayAddArgs {
    /// Calendar name
    pub name: String,
    /// The date (YYYY-MM-DD)
    pub date: String,
    /// What the holiday is
    #[arg(long)]
    pub label: Option<String>,
}

/// Remove a holiday.
///
/// Examples:
///   cpor calendar holiday remove uk 2025-12-26
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct HolidayRemoveArgs {
    /// Calendar name
    pub name: String,
    /// The date (YYYY-MM-DD)
    pub date: String,
}

/// Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.
///
/// Recurring iCalendar events (RRULE with RDATE/EXDATE) are expanded into the years of
/// --years, by default this year and the next two. All holidays of the file are added
/// together or not at all.
///
/// Examples:
///   cpor calendar import uk uk-bank-holidays.ics
///   cpor calendar import uk uk-bank-holidays.ics --years 2025..2030
///   cpor calendar import uk holidays-2026.csv
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ImportArgs {
    /// Calendar name
    pub name: String,
    /// A .csv or .ics file
    pub file: PathBuf,
    /// Expand recurring .ics events into these years (default: this year and the next two)
    #[arg(long, value_name = "FROM..TO")]
    pub years: Option<String>,
}

pub fn run(ctx: &Ctx, cmd: CalendarCommand) -> anyhow::Result<u8> {
    match cmd {
        CalendarCommand::Set(a) => set(ctx, a),
        CalendarCommand::Show(a) => show(ctx, a),
        CalendarCommand::Holiday(HolidayCommand::Add(a)) => holiday_add(ctx, a),
        CalendarCommand::Holiday(HolidayCommand::Remove(a)) => holiday_remove(ctx, a),
        CalendarCommand::Import(a) => import(ctx, a),
    }
}

fn calendar_name(name: &str) -> anyhow::Result<String> {
    let n = name.trim();
    if n.is_empty()
        || n.len() > 64
        || !n
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(bad_value(
            "NAME",
            format!("calendar name '{name}' must be 1 to 64 letters, digits, '-' or '_'"),
        ));
    }
    Ok(n.to_string())
}

pub(crate) fn calendar_not_found(name: &str) -> CporError {
    CporError::not_found("calendar-not-found", format!("there is no calendar named '{name}'"))
        .hint(format!(
            "create it with `cpor calendar set {name} --tz ZONE`, or list calendars with `cpor calendar show`"
        ))
}

fn set(ctx: &Ctx, a: SetArgs) -> anyhow::Result<u8> {
    let name = calendar_name(&a.name)?;
    let tz =
        a.tz.as_deref()
            .map(parse_tz)
            .transpose()
            .map_err(|e| bad_value("--tz", e.to_string()))?;
    if let Some(w) = a
        .weekend
        .as_deref()
        .filter(|w| !w.trim().eq_ignore_ascii_case("none"))
    {
        check_list_items("--weekend", w).map_err(|e| bad_value("--weekend", e))?;
    }
    let weekend = a
        .weekend
        .as_deref()
        .map(WeekendSet::parse)
        .transpose()
        .map_err(|e| bad_value("--weekend", e.to_string()))?;
    if let Some(w) = weekend
        && w.is_all()
    {
        // Checked before the database is opened: a usage error writes nothing, not even a
        // new database file.
        return Err(CporError::usage(
            "calendar",
            format!(
                "--weekend {} leaves no business day in the week",
                w.to_string_list()
            ),
        )
        .hint("keep at least one day out of the weekend, e.g. --weekend sat,sun")
        .into());
    }
    let cutoff = a
        .cutoff
        .as_deref()
        .map(parse_cutoff)
        .transpose()
        .map_err(|e| bad_value("--cutoff", e.to_string()))?;
    let mut db = ctx.db()?;
    let (cal, created) = storage::write(db.as_mut(), |tx| {
        let existing = tx.calendar(&name)?;
        let created = existing.is_none();
        let mut cal = existing.unwrap_or_else(|| Calendar {
            name: name.clone(),
            ..Calendar::builtin_default()
        });
        if let Some(tz) = tz {
            cal.tz = tz;
        }
        if let Some(w) = weekend {
            cal.weekend = w;
        }
        if let Some(c) = cutoff {
            cal.cutoff = c;
        }
        cal.validate().map_err(|e| {
            CporError::usage("calendar", e.to_string())
                .hint("keep at least one business day in the week")
        })?;
        tx.save_calendar(&cal)?;
        Ok((cal, created))
    })?;
    ctx.note(format!(
        "{} calendar {}; deadlines of claims filed before stay as they were",
        if created { "created" } else { "updated" },
        cal.name
    ));
    emit_calendars(ctx, &[cal], false)?;
    Ok(0)
}

fn show(ctx: &Ctx, a: ShowArgs) -> anyhow::Result<u8> {
    let mut db = ctx.db_existing()?;
    let one = a.name.is_some();
    let calendars = storage::read(db.as_mut(), |tx| match &a.name {
        Some(n) => Ok(vec![tx.calendar(n)?.ok_or_else(|| calendar_not_found(n))?]),
        None => tx
            .calendar_names()?
            .iter()
            .map(|n| Ok(tx.calendar(n)?.expect("listed calendar exists")))
            .collect(),
    })?;
    emit_calendars(ctx, &calendars, !one)?;
    Ok(0)
}

/// A calendar as `calendar show --json` prints it.
#[derive(Serialize)]
struct CalendarView<'a> {
    name: &'a str,
    tz: &'static str,
    weekend: Vec<String>,
    cutoff: Option<String>,
    holidays: Vec<HolidayView<'a>>,
}

#[derive(Serialize)]
struct HolidayView<'a> {
    #[serde(serialize_with = "crate::output::day")]
    date: NaiveDate,
    label: Option<&'a str>,
}

impl<'a> CalendarView<'a> {
    fn of(c: &'a Calendar) -> Self {
        CalendarView {
            name: &c.name,
            tz: c.tz.name(),
            weekend: c
                .weekend
                .days()
                .map(|d| d.to_string().to_ascii_lowercase())
                .collect(),
            cutoff: c.cutoff.map(|t| t.format("%H:%M").to_string()),
            holidays: c
                .holidays
                .iter()
                .map(|(d, l)| HolidayView {
                    date: *d,
                    label: l.as_deref(),
                })
                .collect(),
        }
    }
}

fn emit_calendars(ctx: &Ctx, calendars: &[Calendar], as_list: bool) -> anyhow::Result<()> {
    match ctx.format {
        Format::Json if as_list => {
            emit_json(&calendars.iter().map(CalendarView::of).collect::<Vec<_>>())
        }
        Format::Json => emit_json(&CalendarView::of(&calendars[0])),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["calendar", "tz", "weekend", "cutoff", "date", "label"])?;
            for c in calendars {
                let cutoff = c
                    .cutoff
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default();
                let weekend = c.weekend.to_string_list();
                if c.holidays.is_empty() {
                    out.write_record([
                        csv_safe(&c.name).as_ref(),
                        c.tz.name(),
                        &weekend,
                        &cutoff,
                        "",
                        "",
                    ])?;
                }
                for (d, l) in &c.holidays {
                    let date = d.to_string();
                    out.write_record([
                        csv_safe(&c.name).as_ref(),
                        c.tz.name(),
                        &weekend,
                        &cutoff,
                        &date,
                        csv_safe(l.as_deref().unwrap_or("")).as_ref(),
                    ])?;
                }
            }
            out.flush()
        }),
        Format::Table => {
            let mut t = ctx.style.table();
            t.set_header(["calendar", "zone", "weekend", "cut-off", "holidays"]);
            for c in calendars {
                let holidays = if as_list {
                    format!("{}", c.holidays.len())
                } else {
                    c.holidays
                        .iter()
                        .map(|(d, l)| match l {
                            Some(l) => format!("{d} {}", escape(l)),
                            None => d.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                t.add_row(vec![
                    text_cell(&c.name),
                    Cell::new(c.tz.name()),
                    Cell::new(c.weekend.to_string()),
                    Cell::new(
                        c.cutoff
                            .map(|t| t.format("%H:%M").to_string())
                            .unwrap_or_else(|| "none".into()),
                    ),
                    Cell::new(holidays),
                ]);
            }
            emit(|w| writeln!(w, "{t}"))
        }
    }
}

fn holiday_add(ctx: &Ctx, a: HolidayAddArgs) -> anyhow::Result<u8> {
    let name = calendar_name(&a.name)?;
    let date = parse_holiday_date(&a.date).map_err(|e| bad_value("DATE", e))?;
    let label = optional_value("--label", a.label.as_deref(), |l| parse_text("--label", l))?;
    let mut db = ctx.db()?;
    let (new, cal) = storage::write(db.as_mut(), |tx| {
        tx.calendar(&name)?
            .ok_or_else(|| calendar_not_found(&name))?;
        let new = tx.add_holiday(&name, date, label.as_deref())?;
        Ok((new, tx.calendar(&name)?.expect("calendar exists")))
    })?;
    ctx.note(if new {
        format!("added holiday {date} to calendar {name}; existing deadlines are unchanged")
    } else {
        format!("calendar {name} already had {date} as a holiday; label updated")
    });
    emit_calendars(ctx, &[cal], false)?;
    Ok(0)
}

fn holiday_remove(ctx: &Ctx, a: HolidayRemoveArgs) -> anyhow::Result<u8> {
    let name = calendar_name(&a.name)?;
    let date = parse_holiday_date(&a.date).map_err(|e| bad_value("DATE", e))?;
    let mut db = ctx.db_existing()?;
    let cal = storage::write(db.as_mut(), |tx| {
        tx.calendar(&name)?
            .ok_or_else(|| calendar_not_found(&name))?;
        if !tx.remove_holiday(&name, date)? {
            return Err(CporError::not_found(
                "holiday-not-found",
                format!("calendar {name} has no holiday on {date}"),
            )
            .hint(format!("see its holidays with `cpor calendar show {name}`"))
            .into());
        }
        Ok(tx.calendar(&name)?.expect("calendar exists"))
    })?;
    ctx.note(format!(
        "removed holiday {date} from calendar {name}; existing deadlines are unchanged"
    ));
    emit_calendars(ctx, &[cal], false)?;
    Ok(0)
}

fn import(ctx: &Ctx, a: ImportArgs) -> anyhow::Result<u8> {
    let name = calendar_name(&a.name)?;
    let shown = a.file.display().to_string();
    let ext = a
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let years = match a.years.as_deref() {
        Some(y) => YearRange::parse(y).map_err(|e| bad_value("--years", e))?,
        None => YearRange::starting(ctx.now.year()),
    };
    if a.years.is_some() && ext == "csv" {
        return Err(bad_value(
            "--years",
            format!(
                "--years expands recurring iCalendar events, but {shown} is a CSV file of dates"
            ),
        ));
    }
    let text = std::fs::read_to_string(&a.file).map_err(|e| {
        CporError::usage("holiday-file", format!("cannot read {shown}: {e}"))
            .hint("give the path of a .csv or .ics file")
    })?;
    let holidays: Vec<Holiday> = match ext.as_str() {
        "csv" => parse_csv(&text),
        "ics" | "ical" | "ifb" | "icalendar" => parse_ics(&text, years),
        _ => {
            return Err(CporError::usage(
                "holiday-file",
                format!("{shown}: unknown file type '.{ext}'"),
            )
            .hint("use a .csv file with date,label rows or an .ics calendar export")
            .into());
        }
    }
    .map_err(|e| {
        let hint = if ext == "csv" {
            "fix the row and import again"
        } else {
            "fix the event (or list a recurring holiday's dates explicitly) and import again"
        };
        CporError::usage("holiday-file", format!("{shown}: {e}")).hint(hint)
    })?;
    let mut db = ctx.db()?;
    let (added, cal) = storage::write(db.as_mut(), |tx| {
        tx.calendar(&name)?
            .ok_or_else(|| calendar_not_found(&name))?;
        let mut added = 0usize;
        for h in &holidays {
            if tx.add_holiday(&name, h.date, h.label.as_deref())? {
                added += 1;
            }
        }
        Ok((added, tx.calendar(&name)?.expect("calendar exists")))
    })
    .with_context(|| format!("could not import {shown}"))?;
    ctx.note(format!(
        "imported {} holidays into calendar {name} ({added} new, {} already there)",
        holidays.len(),
        holidays.len() - added
    ));
    emit_calendars(ctx, &[cal], false)?;
    Ok(0)
}
