//! Business-day calendars and their holidays.

use super::SqliteTxn;
use crate::rules::calendar::{Calendar, WeekendSet, parse_cutoff, parse_tz};
use anyhow::Context;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeMap;

impl SqliteTxn<'_> {
    /// The calendar called `name`, with its holidays.
    pub fn calendar(&self, name: &str) -> anyhow::Result<Option<Calendar>> {
        let row: Option<(String, String, Option<String>)> = self
            .tx
            .prepare_cached("SELECT tz, weekend, cutoff FROM calendars WHERE name = ?1")?
            .query_row([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .context("could not read the calendar")?;
        let Some((tz, weekend, cutoff)) = row else {
            return Ok(None);
        };
        let mut holidays = BTreeMap::new();
        let mut stmt = self
            .tx
            .prepare_cached("SELECT day, label FROM holidays WHERE calendar = ?1 ORDER BY day")?;
        for row in stmt.query_map([name], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (day, label): (String, Option<String>) = row?;
            let day: NaiveDate = day
                .parse()
                .with_context(|| format!("calendar {name} has a malformed holiday '{day}'"))?;
            holidays.insert(day, label);
        }
        let stored =
            |what: &str, e: String| anyhow::anyhow!("calendar {name} has a malformed {what}: {e}");
        Ok(Some(Calendar {
            name: name.to_string(),
            tz: parse_tz(&tz).map_err(|e| stored("time zone", e.to_string()))?,
            weekend: WeekendSet::parse(&weekend).map_err(|e| stored("weekend", e.to_string()))?,
            holidays,
            cutoff: match cutoff {
                Some(c) => parse_cutoff(&c).map_err(|e| stored("cut-off", e.to_string()))?,
                None => None,
            },
        }))
    }

    /// Names of all calendars, `default` first.
    pub fn calendar_names(&self) -> anyhow::Result<Vec<String>> {
        let names = self
            .tx
            .prepare("SELECT name FROM calendars ORDER BY name <> 'default', name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()
            .context("could not list calendars")?;
        Ok(names)
    }

    /// Create or update a calendar's zone, weekend and cut-off (holidays are kept).
    pub fn save_calendar(&self, cal: &Calendar) -> anyhow::Result<()> {
        self.tx
            .execute(
                "INSERT INTO calendars (name, tz, weekend, cutoff) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name) DO UPDATE SET tz = excluded.tz, weekend = excluded.weekend,
                   cutoff = excluded.cutoff",
                params![
                    cal.name,
                    cal.tz.name(),
                    cal.weekend.to_string_list(),
                    cal.cutoff.map(|c| c.format("%H:%M").to_string())
                ],
            )
            .context("could not save the calendar")?;
        Ok(())
    }

    /// Add or relabel a holiday; returns whether it was new.
    pub fn add_holiday(
        &self,
        calendar: &str,
        day: NaiveDate,
        label: Option<&str>,
    ) -> anyhow::Result<bool> {
        let existed: bool = self
            .tx
            .prepare_cached("SELECT 1 FROM holidays WHERE calendar = ?1 AND day = ?2")?
            .exists(params![calendar, day.to_string()])?;
        self.tx
            .prepare_cached(
                "INSERT INTO holidays (calendar, day, label) VALUES (?1, ?2, ?3)
                 ON CONFLICT (calendar, day) DO UPDATE SET label = coalesce(excluded.label, label)",
            )?
            .execute(params![calendar, day.to_string(), label])
            .context("could not add the holiday")?;
        Ok(!existed)
    }

    /// Remove a holiday; returns whether it existed.
    pub fn remove_holiday(&self, calendar: &str, day: NaiveDate) -> anyhow::Result<bool> {
        let n = self
            .tx
            .execute(
                "DELETE FROM holidays WHERE calendar = ?1 AND day = ?2",
                params![calendar, day.to_string()],
            )
            .context("could not remove the holiday")?;
        Ok(n > 0)
    }
}
