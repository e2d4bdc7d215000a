//! Stored text back into the domain's values (the same encodings as the SQLite backend).

use crate::model::{Poe, PoeVersion, parse_instant};
use anyhow::{Context, anyhow};
use chrono::{DateTime, NaiveDate, Utc};
use std::str::FromStr;

/// A stored enum key (status, program, action…), checked.
pub(super) fn en<T: FromStr<Err = String>>(s: impl AsRef<str>) -> anyhow::Result<T> {
    s.as_ref()
        .parse()
        .map_err(|e: String| anyhow!("malformed stored value: {e}"))
}

pub(super) fn instant(s: impl AsRef<str>) -> anyhow::Result<DateTime<Utc>> {
    parse_instant(s.as_ref()).map_err(|e| anyhow!("malformed stored time: {e}"))
}

pub(super) fn date(s: &str) -> anyhow::Result<NaiveDate> {
    s.parse()
        .with_context(|| format!("malformed stored date '{s}'"))
}

/// A PoE as stored in an event: `{location, sha256, size, signed_on}`.
pub(super) fn poe_json(p: &Poe) -> anyhow::Result<String> {
    Ok(serde_json::to_string(&serde_json::json!({
        "location": p.location,
        "sha256": p.sha256,
        "size": p.size,
        "signed_on": p.signed_on.to_string(),
    }))?)
}

pub(super) fn poe_from_json(s: &str) -> anyhow::Result<Poe> {
    #[derive(serde::Deserialize)]
    struct Stored {
        location: String,
        sha256: Option<String>,
        size: Option<u64>,
        signed_on: String,
    }
    let p: Stored = serde_json::from_str(s).context("malformed stored PoE")?;
    Ok(Poe {
        location: p.location,
        sha256: p.sha256,
        size: p.size,
        signed_on: date(&p.signed_on)?,
    })
}

/// A JSON array of `[location, sha256, size, signed_on, added_at, added_by]`, oldest first.
pub(super) fn poe_versions(text: Option<String>) -> anyhow::Result<Vec<PoeVersion>> {
    type Row = (String, Option<String>, Option<u64>, String, String, String);
    let rows: Vec<Row> = match text {
        Some(t) => serde_json::from_str(&t).context("malformed stored PoE versions")?,
        None => Vec::new(),
    };
    rows.into_iter()
        .map(|(location, sha256, size, signed_on, added_at, added_by)| {
            Ok(PoeVersion {
                poe: Poe {
                    location,
                    sha256,
                    size,
                    signed_on: date(&signed_on)?,
                },
                added_at: instant(added_at)?,
                added_by,
            })
        })
        .collect()
}
