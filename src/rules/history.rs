//! The tamper-evident history (SPEC §4 v2): each event's `hash` covers its canonical content
//! and the previous event's hash, so rewriting, removing or forging an event breaks the chain.
//!
//! Pure: storage computes hashes with [`event_hash`] when it appends an event, and
//! `troubleshoot` verifies stored chains with [`verify_chain`].

use crate::model::{HistoryEvent, Status, utc_text};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The event's JSON object as `show --json` prints it (without `hash`), plus `claim_id`.
pub fn content(claim_id: i64, e: &HistoryEvent) -> Value {
    let mut m = Map::new();
    m.insert("claim_id".into(), claim_id.into());
    m.insert("at".into(), utc_text(e.at).into());
    m.insert("actor".into(), e.actor.clone().into());
    m.insert("action".into(), e.action.as_str().into());
    m.insert("from".into(), e.from.map(|s| s.as_str()).into());
    m.insert("to".into(), e.to.as_str().into());
    m.insert("reason".into(), e.reason.clone().into());
    m.insert("prev_hash".into(), e.prev_hash.clone().into());
    // `edited` and `poe-added` events carry what changed; `show --json` prints these keys only
    // when they are set, so the canonical content has them only then too.
    if let Some(changes) = &e.changes {
        m.insert("changes".into(), Value::Object(changes.clone()));
    }
    if let Some(poe) = &e.poe {
        let mut p = Map::new();
        p.insert("location".into(), poe.location.clone().into());
        p.insert("sha256".into(), poe.sha256.clone().into());
        p.insert("size".into(), poe.size.into());
        p.insert("signed_on".into(), poe.signed_on.to_string().into());
        m.insert("poe".into(), Value::Object(p));
    }
    Value::Object(m)
}

/// RFC 8785-style canonical JSON: object keys sorted at every depth, no insignificant
/// whitespace. serde_json already writes strings the way RFC 8785 does (short escapes,
/// lower-case `\u00xx` for other control characters, everything else as UTF-8).
pub fn canonical_json(v: &Value) -> String {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                Value::Object(
                    keys.into_iter()
                        .map(|k| (k.clone(), sorted(&m[k])))
                        .collect(),
                )
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(v).to_string()
}

/// SHA-256 (lower-case hex) of the event's canonical content; `e.prev_hash` must already be
/// set (null for `filed`). `e.hash` is ignored.
///
/// Writes the same bytes as `canonical_json(&content(claim_id, e))` (a test holds them to
/// it) straight into one buffer, keys already in order, without building a JSON tree: this
/// runs for every event stored, and finalize stores one per claim.
pub fn event_hash(claim_id: i64, e: &HistoryEvent) -> String {
    let mut buf = Vec::with_capacity(320);
    write_canonical(&mut buf, claim_id, e);
    hex(&Sha256::digest(&buf))
}

/// The canonical content of [`event_hash`], keys in sorted order.
fn write_canonical(buf: &mut Vec<u8>, claim_id: i64, e: &HistoryEvent) {
    use std::io::Write;
    fn text(buf: &mut Vec<u8>, s: &str) {
        serde_json::to_writer(&mut *buf, s).expect("writing to a Vec cannot fail");
    }
    fn opt_text(buf: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => text(buf, s),
            None => buf.extend_from_slice(b"null"),
        }
    }
    buf.extend_from_slice(b"{\"action\":");
    text(buf, e.action.as_str());
    buf.extend_from_slice(b",\"actor\":");
    text(buf, &e.actor);
    buf.extend_from_slice(b",\"at\":");
    text(buf, &utc_text(e.at));
    if let Some(changes) = &e.changes {
        buf.extend_from_slice(b",\"changes\":");
        buf.extend_from_slice(canonical_json(&Value::Object(changes.clone())).as_bytes());
    }
    write!(buf, ",\"claim_id\":{claim_id},\"from\":").expect("writing to a Vec cannot fail");
    opt_text(buf, e.from.map(|s| s.as_str()));
    if let Some(poe) = &e.poe {
        buf.extend_from_slice(b",\"poe\":{\"location\":");
        text(buf, &poe.location);
        buf.extend_from_slice(b",\"sha256\":");
        opt_text(buf, poe.sha256.as_deref());
        buf.extend_from_slice(b",\"signed_on\":");
        text(buf, &poe.signed_on.to_string());
        buf.extend_from_slice(b",\"size\":");
        match poe.size {
            Some(n) => write!(buf, "{n}").expect("writing to a Vec cannot fail"),
            None => buf.extend_from_slice(b"null"),
        }
        buf.push(b'}');
    }
    buf.extend_from_slice(b",\"prev_hash\":");
    opt_text(buf, e.prev_hash.as_deref());
    buf.extend_from_slice(b",\"reason\":");
    opt_text(buf, e.reason.as_deref());
    buf.extend_from_slice(b",\"to\":");
    text(buf, e.to.as_str());
    buf.push(b'}');
}

/// Lower-case hexadecimal.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    s
}

/// What is wrong with one claim's stored history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// The event (1-based position in the history) has no hash, or one that does not match its
    /// content.
    HashMismatch { position: usize },
    /// The event's `prev_hash` is not the previous event's hash (or is not null for the first).
    BrokenLink { position: usize },
    /// The history does not start with exactly one `filed` event.
    NotFiledFirst,
    /// The claim's status is not the `to` of its last event (or it has no history at all).
    StatusMismatch {
        status: Status,
        last_to: Option<Status>,
    },
}

/// Verify a claim's history, oldest first, against its stored status.
pub fn verify_chain(claim_id: i64, status: Status, events: &[HistoryEvent]) -> Vec<ChainProblem> {
    let mut problems = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, e) in events.iter().enumerate() {
        let position = i + 1;
        let first = i == 0;
        if first != (e.action == crate::model::Action::Filed) && problems.is_empty() {
            problems.push(ChainProblem::NotFiledFirst);
        }
        if e.prev_hash.as_deref() != prev {
            problems.push(ChainProblem::BrokenLink { position });
        }
        if e.hash.as_deref() != Some(event_hash(claim_id, e).as_str()) {
            problems.push(ChainProblem::HashMismatch { position });
        }
        prev = e.hash.as_deref();
    }
    let last_to = events.last().map(|e| e.to);
    if last_to != Some(status) {
        problems.push(ChainProblem::StatusMismatch { status, last_to });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, parse_instant};

    fn event(action: Action, from: Option<Status>, to: Status) -> HistoryEvent {
        HistoryEvent {
            at: parse_instant("2025-06-05T08:30:00Z").unwrap(),
            actor: "ana".into(),
            action,
            from,
            to,
            reason: Some("a \"quoted\"\nreason é".into()),
            prev_hash: None,
            changes: None,
            poe: None,
            hash: None,
        }
    }

    fn chain(claim_id: i64, mut events: Vec<HistoryEvent>) -> Vec<HistoryEvent> {
        let mut prev = None;
        for e in &mut events {
            e.prev_hash = prev.clone();
            e.hash = Some(event_hash(claim_id, e));
            prev = e.hash.clone();
        }
        events
    }

    #[test]
    fn canonical_content_sorts_keys_and_has_no_whitespace() {
        let e = event(Action::Filed, None, Status::Pending);
        assert_eq!(
            canonical_json(&content(7, &e)),
            r#"{"action":"filed","actor":"ana","at":"2025-06-05T08:30:00Z","claim_id":7,"from":null,"prev_hash":null,"reason":"a \"quoted\"\nreason é","to":"pending"}"#
        );
        let hash = event_hash(7, &e);
        assert_eq!(hash.len(), 64);
        assert!(
            hash.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        // The claim is part of the content: the same event on another claim hashes differently.
        assert_ne!(hash, event_hash(8, &e));
    }

    /// The event's hash as the definition reads: SHA-256 of the canonical JSON of `content`.
    fn reference_hash(claim_id: i64, e: &HistoryEvent) -> String {
        Sha256::digest(canonical_json(&content(claim_id, e)).as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn the_hash_is_sha256_of_the_canonical_content_for_every_kind_of_event() {
        use crate::model::Poe;
        let mut events = vec![
            event(Action::Filed, None, Status::Pending),
            event(Action::Finalized, Some(Status::Pending), Status::Official),
        ];
        let mut withdrawn = event(Action::Withdrawn, Some(Status::Pending), Status::Withdrawn);
        withdrawn.reason = None;
        withdrawn.prev_hash = Some("ab".repeat(32));
        withdrawn.actor = "tab\there \u{1} \u{7f} \u{2028} \\ / 😀".into();
        events.push(withdrawn);
        let mut edited = event(Action::Edited, Some(Status::Pending), Status::Pending);
        let changes = serde_json::json!({
            "name": ["old", "new"],
            "customer": {"title": [null, "CIO"], "email": ["a@b", "c@d"]},
            "size": [1, 2.5],
        });
        edited.changes = changes.as_object().cloned();
        events.push(edited);
        for (sha256, size) in [(Some("00".repeat(32)), Some(12_345)), (None, None)] {
            let mut added = event(Action::PoeAdded, Some(Status::Official), Status::Official);
            added.poe = Some(Poe {
                location: "https://example.com/sow \"v2\".pdf".into(),
                sha256,
                size,
                signed_on: chrono::NaiveDate::from_ymd_opt(2025, 5, 20).unwrap(),
            });
            events.push(added);
        }
        for e in &events {
            for claim_id in [1, 7, i64::MAX] {
                assert_eq!(
                    event_hash(claim_id, e),
                    reference_hash(claim_id, e),
                    "{e:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Any text in any field hashes as the definition says.
        #[test]
        fn any_text_hashes_as_defined(
            actor in "\\PC*", reason in proptest::option::of("(\\PC|[\\x00-\\x1f])*"),
            claim_id in proptest::num::i64::ANY,
        ) {
            let mut e = event(Action::OptedOut, Some(Status::Pending), Status::OptedOut);
            e.actor = actor;
            e.reason = reason;
            proptest::prop_assert_eq!(event_hash(claim_id, &e), reference_hash(claim_id, &e));
        }
    }

    #[test]
    fn a_sound_chain_verifies_and_every_attack_is_found() {
        let good = chain(
            1,
            vec![
                event(Action::Filed, None, Status::Pending),
                event(Action::Withdrawn, Some(Status::Pending), Status::Withdrawn),
            ],
        );
        assert_eq!(verify_chain(1, Status::Withdrawn, &good), vec![]);

        // A rewritten reason.
        let mut rewritten = good.clone();
        rewritten[1].reason = Some("forged".into());
        assert_eq!(
            verify_chain(1, Status::Withdrawn, &rewritten),
            vec![ChainProblem::HashMismatch { position: 2 }]
        );

        // A forged event appended with a correct-looking hash but no link.
        let mut forged = good[..1].to_vec();
        let mut f = event(Action::Finalized, Some(Status::Pending), Status::Official);
        f.hash = Some(event_hash(1, &f));
        forged.push(f);
        assert_eq!(
            verify_chain(1, Status::Official, &forged),
            vec![ChainProblem::BrokenLink { position: 2 }]
        );

        // A status changed with no event.
        assert_eq!(
            verify_chain(1, Status::Official, &good),
            vec![ChainProblem::StatusMismatch {
                status: Status::Official,
                last_to: Some(Status::Withdrawn)
            }]
        );
        // No history at all.
        assert_eq!(
            verify_chain(1, Status::Pending, &[]),
            vec![ChainProblem::StatusMismatch {
                status: Status::Pending,
                last_to: None
            }]
        );
    }
}
