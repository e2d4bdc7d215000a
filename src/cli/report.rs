//! `cpor report`: counts for managers.

use super::{Ctx, bad_value, optional_value};
use crate::model::parse_date;
use crate::output::{ReportRows, emit_report};
use crate::storage::{self, MonthCounts, ReportGroup};
use chrono::{Datelike, Months, NaiveDate};
use clap::{Args, ValueEnum};

/// Count claims by program, PartnerID or month.
///
/// `program` (default) and `partner`: one row per group over the claims filed in the range,
/// with how many are pending, official, opted out (and of those, inside the window) and
/// withdrawn now. `month`: one row per calendar month (UTC) of the range with the claims
/// filed, made official, opted out and withdrawn in it; on a terminal a bar per month. The
/// range defaults to the last 12 months (this month and the 11 before it); dates are UTC and
/// inclusive.
///
/// Examples:
///   cpor report
///   cpor report --by month --from 2025-01-01 --to 2025-06-30
///   cpor report --by partner --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ReportArgs {
    /// What each row counts
    #[arg(long, value_enum, ignore_case = true, default_value_t = By::Program)]
    pub by: By,
    /// First day of the range (YYYY-MM-DD, UTC) [default: the first day of the month 11 months ago]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the range (YYYY-MM-DD, UTC, inclusive) [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

/// What `report` groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Program,
    Partner,
    Month,
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

pub fn run(ctx: &Ctx, a: ReportArgs) -> anyhow::Result<u8> {
    let date = |flag: &str, v: &Option<String>| optional_value(flag, v.as_deref(), parse_date);
    let to = date("--to", &a.to)?.unwrap_or_else(|| ctx.now.date_naive());
    let from = date("--from", &a.from)?.unwrap_or_else(|| {
        first_of_month(to)
            .checked_sub_months(Months::new(11))
            .unwrap_or(NaiveDate::MIN)
    });
    if from > to {
        return Err(bad_value(
            "--from",
            format!("the range starts on {from}, after its end on {to}"),
        ));
    }
    let start = from.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let until = to
        .succ_opt()
        .unwrap_or(to)
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc();
    let mut db = ctx.db()?;
    let rows = storage::read(db.as_mut(), |tx| {
        Ok(match a.by {
            By::Program => {
                ReportRows::Groups(tx.report_groups(ReportGroup::Program, start, until)?)
            }
            By::Partner => {
                ReportRows::Groups(tx.report_groups(ReportGroup::Partner, start, until)?)
            }
            By::Month => ReportRows::Months(every_month(from, to, tx.report_months(start, until)?)),
        })
    })?;
    let by = match a.by {
        By::Program => "program",
        By::Partner => "partner",
        By::Month => "month",
    };
    emit_report(
        by,
        from,
        to,
        &rows,
        ctx.format,
        &ctx.style,
        ctx.stdout_is_terminal(),
    )?;
    Ok(0)
}

/// One row for every month from `from`'s to `to`'s, months without claims counted as zero.
fn every_month(from: NaiveDate, to: NaiveDate, found: Vec<MonthCounts>) -> Vec<MonthCounts> {
    let mut out = Vec::new();
    let mut month = first_of_month(from);
    let mut found = found.into_iter().peekable();
    while month <= to {
        let key = month.format("%Y-%m").to_string();
        match found.next_if(|m| m.month == key) {
            Some(m) => out.push(m),
            None => out.push(MonthCounts {
                month: key,
                ..MonthCounts::default()
            }),
        }
        month = month + Months::new(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_of_the_range_has_a_row() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let found = vec![MonthCounts {
            month: "2025-03".into(),
            filed: 2,
            ..MonthCounts::default()
        }];
        let rows = every_month(d("2025-01-15"), d("2025-04-01"), found);
        let keys: Vec<_> = rows.iter().map(|m| (m.month.as_str(), m.filed)).collect();
        assert_eq!(
            keys,
            [
                ("2025-01", 0),
                ("2025-02", 0),
                ("2025-03", 2),
                ("2025-04", 0)
            ]
        );
    }
}
