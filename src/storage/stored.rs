//! The text forms both backends store: times, dates, a PoE inside an event, a claim's PoE
//! versions as one JSON column. One definition, so a database dumps to the same bytes whichever
//! backend holds it.

use crate::model::{HistoryEvent, Poe, PoeVersion, Status, parse_instant};
use crate::rules::history::event_hash;
use crate::rules::lifecycle::Transition;
use anyhow::{Context, anyhow};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// A stored instant (`YYYY-MM-DDTHH:MM:SSZ`).
pub(crate) fn instant(s: impl AsRef<str>) -> anyhow::Result<DateTime<Utc>> {
    parse_instant(s.as_ref()).map_err(|e| anyhow!("malformed stored time: {e}"))
}

/// A stored date (`YYYY-MM-DD`).
pub(crate) fn date(s: &str) -> anyhow::Result<NaiveDate> {
    s.parse()
        .with_context(|| format!("malformed stored date '{s}'"))
}

/// A PoE as stored in a `poe-added` event: `{location, sha256, size, signed_on}`.
pub(crate) fn poe_json(p: &Poe) -> anyhow::Result<String> {
    Ok(serde_json::to_string(&serde_json::json!({
        "location": p.location,
        "sha256": p.sha256,
        "size": p.size,
        "signed_on": p.signed_on.to_string(),
    }))?)
}

/// The PoE of [`poe_json`].
pub(crate) fn poe_from_json(s: &str) -> anyhow::Result<Poe> {
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

/// A claim's PoE versions as the claim queries aggregate them: a JSON array of
/// `[location, sha256, size, signed_on, added_at, added_by]`, oldest first.
pub(crate) fn poe_versions(text: Option<String>) -> anyhow::Result<Vec<PoeVersion>> {
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
                added_at: instant(&added_at)?,
                added_by,
            })
        })
        .collect()
}

/// Whether `transitions` is a finalize chunk (at least two, every one making a pending claim
/// official), which `Txn::apply_all` hands to the backend's set-based `finalize_chunk`.
pub(crate) fn is_finalize_chunk(transitions: &[Transition]) -> bool {
    transitions.len() > 1
        && transitions
            .iter()
            .all(|t| t.from == Status::Pending && t.to == Status::Official)
}

/// Each transition's history event, chained to its claim's last hash in `last` (taken out of
/// it; a claim missing there chains to nothing), with the event's own hash.
pub(crate) fn chained_events(
    transitions: &[Transition],
    recorded_at: DateTime<Utc>,
    actor: &str,
    last: &mut HashMap<i64, Option<String>>,
) -> Vec<(HistoryEvent, String)> {
    transitions
        .iter()
        .map(|t| {
            let e = HistoryEvent {
                prev_hash: last.remove(&t.claim_id).flatten(),
                ..t.event(recorded_at, actor)
            };
            let hash = event_hash(t.claim_id, &e);
            (e, hash)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_poe_round_trips() {
        let poe = Poe {
            location: "/srv/poe/sow.pdf".into(),
            sha256: Some("ab".into()),
            size: Some(3),
            signed_on: NaiveDate::from_ymd_opt(2025, 5, 20).unwrap(),
        };
        let text = poe_json(&poe).unwrap();
        assert_eq!(
            text,
            r#"{"location":"/srv/poe/sow.pdf","sha256":"ab","size":3,"signed_on":"2025-05-20"}"#
        );
        assert_eq!(poe_from_json(&text).unwrap(), poe);
    }
}
