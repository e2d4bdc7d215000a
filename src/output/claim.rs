//! The claim and history views: the one field list of SPEC §6 for JSON and CSV.

use super::{Format, Style, Zones, day, emit, opt_day, opt_utc, table, utc, write_json};
use crate::model::{Action, Status};
use crate::model::{Claim, HistoryEvent, Poe, Warning};
use chrono::{DateTime, NaiveDate, Utc};
use serde::ser::SerializeSeq as _;
use serde::{Serialize, Serializer as _};
use serde_json::{Map, Value};
use std::io;
use std::sync::LazyLock;

/// A claim as scripts see it: exactly the fields of SPEC §6, in order. JSON nests the contacts
/// and the PoE; CSV flattens them (see [`csv_header`]).
#[derive(Debug, Default, Serialize)]
pub struct ClaimView<'a> {
    /// `None` for a claim not yet saved (`claim --dry-run`).
    pub id: Option<i64>,
    pub name: &'a str,
    pub program: &'static str,
    pub activity: &'static str,
    pub partner_id: &'a str,
    pub tenant_id: &'a str,
    pub domain: &'a str,
    pub workload: &'a str,
    pub subscription_id: Option<&'a str>,
    pub channel: Option<&'static str>,
    pub status: &'static str,
    #[serde(serialize_with = "utc")]
    pub filed_at: DateTime<Utc>,
    pub filed_by: &'a str,
    #[serde(serialize_with = "utc")]
    pub notified_at: DateTime<Utc>,
    #[serde(serialize_with = "utc")]
    pub deadline: DateTime<Utc>,
    #[serde(serialize_with = "day")]
    pub deadline_day: NaiveDate,
    pub calendar: &'a str,
    #[serde(serialize_with = "opt_utc")]
    pub official_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "opt_utc")]
    pub opted_out_at: Option<DateTime<Utc>>,
    pub opt_out_in_window: Option<bool>,
    #[serde(serialize_with = "opt_utc")]
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub end_reason: Option<&'a str>,
    pub customer: ContactView<'a>,
    pub technical: Option<ContactView<'a>>,
    pub partner_contact: PartnerContactView<'a>,
    pub poe: PoeView<'a>,
    #[serde(serialize_with = "opt_day")]
    pub purchase_date: Option<NaiveDate>,
    pub comment: Option<&'a str>,
    pub warnings: &'a [Warning],
    /// v2: every PoE version, oldest first (`poe` is the newest).
    pub poe_versions: Vec<PoeVersionView<'a>>,
}

/// One of `poe_versions`.
#[derive(Debug, Serialize)]
pub struct PoeVersionView<'a> {
    pub location: &'a str,
    pub sha256: Option<&'a str>,
    pub size: Option<u64>,
    #[serde(serialize_with = "day")]
    pub signed_on: NaiveDate,
    #[serde(serialize_with = "utc")]
    pub added_at: DateTime<Utc>,
}

impl<'a> PoeView<'a> {
    pub fn of(p: &'a Poe) -> Self {
        PoeView {
            location: &p.location,
            sha256: p.sha256.as_deref(),
            size: p.size,
            signed_on: p.signed_on,
        }
    }
}

/// `customer` and `technical`.
#[derive(Debug, Default, Serialize)]
pub struct ContactView<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub email: &'a str,
}

/// `partner_contact`.
#[derive(Debug, Default, Serialize)]
pub struct PartnerContactView<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

/// `poe`.
#[derive(Debug, Default, Serialize)]
pub struct PoeView<'a> {
    pub location: &'a str,
    pub sha256: Option<&'a str>,
    pub size: Option<u64>,
    #[serde(serialize_with = "day")]
    pub signed_on: NaiveDate,
}

impl<'a> ClaimView<'a> {
    pub fn of(c: &'a Claim) -> Self {
        let contact = |t: &'a crate::model::Contact| ContactView {
            name: &t.name,
            title: &t.title,
            email: &t.email,
        };
        ClaimView {
            id: c.is_filed().then_some(c.id),
            name: &c.name,
            program: c.program.as_str(),
            activity: c.program.activity().as_str(),
            partner_id: &c.partner_id,
            tenant_id: &c.tenant_id,
            domain: &c.domain,
            workload: &c.workload,
            subscription_id: c.subscription_id.as_deref(),
            channel: c.channel.map(|ch| ch.as_str()),
            status: c.status.as_str(),
            filed_at: c.filed_at,
            filed_by: &c.filed_by,
            notified_at: c.notified_at,
            deadline: c.deadline,
            deadline_day: c.deadline_day,
            calendar: &c.calendar,
            official_at: c.official_at,
            opted_out_at: c.opted_out_at,
            opt_out_in_window: c.opt_out_in_window,
            withdrawn_at: c.withdrawn_at,
            end_reason: c.end_reason.as_deref(),
            customer: contact(&c.customer),
            technical: c.technical.as_ref().map(contact),
            partner_contact: PartnerContactView {
                name: &c.partner_contact.name,
                email: &c.partner_contact.email,
            },
            poe: PoeView::of(&c.poe),
            purchase_date: c.purchase_date,
            comment: c.comment.as_deref(),
            warnings: &c.warnings,
            poe_versions: c
                .poe_versions
                .iter()
                .map(|v| PoeVersionView {
                    location: &v.poe.location,
                    sha256: v.poe.sha256.as_deref(),
                    size: v.poe.size,
                    signed_on: v.poe.signed_on,
                    added_at: v.added_at,
                })
                .collect(),
        }
    }

    /// The CSV cells of this claim, in [`csv_header`] order, formula-like cells guarded.
    fn csv_record(&self) -> io::Result<Vec<String>> {
        let cells = super::csv_cells::cells(self, csv_group_widths()).map_err(io::Error::other)?;
        Ok(cells
            .into_iter()
            .map(|cell| match super::csv_safe(&cell) {
                std::borrow::Cow::Borrowed(_) => cell,
                std::borrow::Cow::Owned(guarded) => guarded,
            })
            .collect())
    }
}

/// How many CSV columns each field of the claim object takes (a nested object one per field),
/// in order; from the same full view as [`csv_header`].
fn csv_group_widths() -> &'static [usize] {
    static WIDTHS: LazyLock<Vec<usize>> = LazyLock::new(|| {
        let full = ClaimView {
            technical: Some(ContactView::default()),
            ..ClaimView::default()
        };
        match serde_json::to_value(full).expect("a claim view serializes") {
            Value::Object(fields) => fields
                .values()
                .map(|v| match v {
                    Value::Object(nested) => nested.len(),
                    _ => 1,
                })
                .collect(),
            _ => Vec::new(),
        }
    });
    &WIDTHS
}

/// The JSON object of a claim: exactly the fields of SPEC §6.
pub fn claim_json(c: &Claim) -> Value {
    serde_json::to_value(ClaimView::of(c)).expect("a claim view serializes")
}

/// A history event as scripts see it.
#[derive(Debug, Serialize)]
pub struct EventView<'a> {
    #[serde(serialize_with = "utc")]
    pub at: DateTime<Utc>,
    pub actor: &'a str,
    pub action: Action,
    pub from: Option<Status>,
    pub to: Status,
    pub reason: Option<&'a str>,
    pub hash: Option<&'a str>,
    pub prev_hash: Option<&'a str>,
    /// `edited`: `{field: [old, new]}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<&'a Map<String, Value>>,
    /// `poe-added`: the new PoE version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poe: Option<PoeView<'a>>,
}

impl<'a> EventView<'a> {
    pub fn of(e: &'a HistoryEvent) -> Self {
        EventView {
            at: e.at,
            actor: &e.actor,
            action: e.action,
            from: e.from,
            to: e.to,
            reason: e.reason.as_deref(),
            hash: e.hash.as_deref(),
            prev_hash: e.prev_hash.as_deref(),
            changes: e.changes.as_ref(),
            poe: e.poe.as_ref().map(PoeView::of),
        }
    }
}

/// `show --json`: the claim object with its `history` last.
#[derive(Serialize)]
struct ClaimDetail<'a> {
    #[serde(flatten)]
    claim: ClaimView<'a>,
    history: Vec<EventView<'a>>,
}

/// CSV columns: the JSON fields with nested objects flattened with `_` (`customer_name`). Taken
/// from a view whose optional objects are all present, so a `null` one still has its columns.
pub fn csv_header() -> &'static [String] {
    static HEADER: LazyLock<Vec<String>> = LazyLock::new(|| {
        let full = ClaimView {
            technical: Some(ContactView::default()),
            ..ClaimView::default()
        };
        let mut flat = Map::new();
        flatten(
            "",
            serde_json::to_value(full).expect("a claim view serializes"),
            &mut flat,
        );
        flat.into_iter().map(|(k, _)| k).collect()
    });
    &HEADER
}

/// Flatten nested objects into `parent_child` keys, in order.
fn flatten(prefix: &str, value: Value, out: &mut Map<String, Value>) {
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}_{k}")
                };
                flatten(&key, v, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other);
        }
    }
}

/// Render claims in `format`. JSON and CSV write each claim as it comes; a table needs them all
/// to size its columns.
pub fn emit_claims<'c>(
    claims: impl IntoIterator<Item = &'c Claim>,
    format: Format,
    style: &Style,
    zones: &Zones,
) -> anyhow::Result<()> {
    let claims = claims.into_iter();
    match format {
        Format::Json => emit(|w| {
            let mut out = serde_json::Serializer::with_formatter(
                &mut *w,
                serde_json::ser::PrettyFormatter::new(),
            );
            out.collect_seq(claims.map(ClaimView::of))
                .map_err(io::Error::other)?;
            writeln!(w)
        }),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(csv_header()).map_err(io::Error::other)?;
            for c in claims {
                out.write_record(ClaimView::of(c).csv_record()?)
                    .map_err(io::Error::other)?;
            }
            out.flush()
        }),
        Format::Table => {
            let t = table::claims(claims, style, zones);
            emit(|w| writeln!(w, "{t}"))
        }
    }
}

/// Render claims in JSON or CSV as `feed` hands them to its sink, each written as it comes
/// (buffered), so memory does not grow with their number. The output is the same as
/// [`emit_claims`]'. A closed pipe ends the feed and is success, like [`emit`].
pub fn emit_claim_stream(
    format: Format,
    feed: impl FnOnce(&mut dyn FnMut(&Claim) -> anyhow::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    emit_claim_stream_to(None, format, feed)
}

/// [`emit_claim_stream`] to the file `dest` ([`super::emit_to`]), or stdout when `None`.
pub fn emit_claim_stream_to(
    dest: Option<&std::path::Path>,
    format: Format,
    feed: impl FnOnce(&mut dyn FnMut(&Claim) -> anyhow::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // The sink keeps a write error here and stops the feed with a marker error, so `emit`
    // sees the real I/O error (a closed pipe is success) instead of one wrapped by storage.
    let mut write_error: Option<io::Error> = None;
    let mut fed: anyhow::Result<()> = Ok(());
    let mut output_failed = false;
    let stopped = || anyhow::anyhow!("output stopped");
    super::emit_to(dest, |w| match format {
        Format::Json => {
            let mut out = serde_json::Serializer::with_formatter(
                &mut *w,
                serde_json::ser::PrettyFormatter::new(),
            );
            let mut seq = out.serialize_seq(None).map_err(io::Error::other)?;
            fed = feed(&mut |c| {
                seq.serialize_element(&ClaimView::of(c)).map_err(|e| {
                    write_error = Some(io::Error::other(e));
                    stopped()
                })
            });
            if let Some(e) = write_error.take() {
                output_failed = true;
                return Err(e);
            }
            seq.end().map_err(io::Error::other)?;
            writeln!(w)
        }
        Format::Csv => {
            let mut out = csv::Writer::from_writer(&mut *w);
            out.write_record(csv_header()).map_err(io::Error::other)?;
            fed = feed(&mut |c| {
                let row = ClaimView::of(c)
                    .csv_record()
                    .and_then(|r| out.write_record(r).map_err(io::Error::other));
                row.map_err(|e| {
                    write_error = Some(e);
                    stopped()
                })
            });
            if let Some(e) = write_error.take() {
                output_failed = true;
                return Err(e);
            }
            out.flush()
        }
        Format::Table => unreachable!("a table is sized from all its rows: emit_claims"),
    })?;
    // A failed write has been reported (or was a closed pipe, which is success): the feed's
    // error is only its marker then.
    if output_failed { Ok(()) } else { fed }
}

/// One claim with its `history` as one line of JSON (the object of `show --json`, compact):
/// a line of `export`'s JSONL.
pub fn write_claim_line(
    w: &mut dyn io::Write,
    c: &Claim,
    history: &[HistoryEvent],
) -> io::Result<()> {
    let detail = ClaimDetail {
        claim: ClaimView::of(c),
        history: history.iter().map(EventView::of).collect(),
    };
    serde_json::to_writer(&mut *w, &detail).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

/// Render one claim with its history.
pub fn emit_claim_detail(
    c: &Claim,
    history: &[HistoryEvent],
    format: Format,
    style: &Style,
    zones: &Zones,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let detail = ClaimDetail {
                claim: ClaimView::of(c),
                history: history.iter().map(EventView::of).collect(),
            };
            emit(|w| write_json(w, &detail))
        }
        Format::Csv => emit_claims([c], Format::Csv, style, zones),
        Format::Table => {
            let (t, h) = table::claim_detail(c, history, style, zones);
            emit(|w| writeln!(w, "{t}\nHistory\n{h}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Contact, PartnerContact, Poe, Program};

    fn claim(technical: bool) -> Claim {
        let t = |s: &str| crate::model::parse_instant(s).unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Claim {
            id: 7,
            name: "Contoso, \"sales\"".into(),
            program: Program::OsaSell,
            partner_id: "1234567".into(),
            tenant_id: "tenant".into(),
            domain: "contoso.com".into(),
            workload: "d365-sales".into(),
            subscription_id: Some("sub".into()),
            channel: Some(Channel::WebDirect),
            status: Status::OptedOut,
            filed_at: t("2025-06-02T10:00:00Z"),
            filed_by: "ana".into(),
            notified_at: t("2025-06-02T10:00:00Z"),
            deadline: t("2025-06-12T22:59:59Z"),
            deadline_day: d("2025-06-12"),
            calendar: "default".into(),
            official_at: None,
            opted_out_at: Some(t("2025-06-05T08:30:00Z")),
            opt_out_in_window: Some(true),
            withdrawn_at: None,
            end_reason: Some("customer said no".into()),
            customer: Contact {
                name: "Cy".into(),
                title: "CIO".into(),
                email: "cy@contoso.com".into(),
            },
            technical: technical.then(|| Contact {
                name: "Tess".into(),
                title: "Admin".into(),
                email: "tess@contoso.com".into(),
            }),
            partner_contact: PartnerContact {
                name: "Pat".into(),
                email: "pat@partner.example".into(),
            },
            poe: Poe {
                location: "/tmp/poe.pdf".into(),
                sha256: Some("ab".repeat(32)),
                size: Some(1234),
                signed_on: d("2025-05-30"),
            },
            purchase_date: None,
            comment: None,
            poe_versions: vec![],
            warnings: vec![
                Warning {
                    code: "late".into(),
                    message: "m".into(),
                },
                Warning {
                    code: "odd".into(),
                    message: "n".into(),
                },
            ],
        }
    }

    /// The JSON keys of a claim, nested objects flattened with `_`, in order.
    fn flattened_json_keys(c: &Claim) -> Vec<String> {
        let v = claim_json(c);
        let mut keys = Vec::new();
        for (k, v) in v.as_object().unwrap() {
            match v {
                Value::Object(o) => keys.extend(o.keys().map(|k2| format!("{k}_{k2}"))),
                _ => keys.push(k.clone()),
            }
        }
        keys
    }

    #[test]
    fn csv_header_is_the_flattened_json_keys_in_order() {
        assert_eq!(csv_header(), flattened_json_keys(&claim(true)));
        assert_eq!(csv_header().len(), 38);
        assert_eq!(
            csv_header()[22..25],
            ["customer_name", "customer_title", "customer_email"]
        );
        assert_eq!(csv_header()[36], "warnings");
        assert_eq!(csv_header().last().unwrap(), "poe_versions");
    }

    #[test]
    fn csv_cells_follow_the_json_values() {
        let c = claim(false);
        let row = ClaimView::of(&c).csv_record().unwrap();
        assert_eq!(row.len(), csv_header().len());
        let cell = |k: &str| row[csv_header().iter().position(|h| h == k).unwrap()].as_str();
        assert_eq!(cell("id"), "7");
        assert_eq!(cell("program"), "osa-sell");
        assert_eq!(cell("activity"), "presales");
        assert_eq!(cell("channel"), "web-direct");
        assert_eq!(cell("status"), "opted-out");
        assert_eq!(cell("deadline"), "2025-06-12T22:59:59Z");
        assert_eq!(cell("deadline_day"), "2025-06-12");
        assert_eq!(cell("official_at"), "");
        assert_eq!(cell("opt_out_in_window"), "true");
        assert_eq!(cell("technical_name"), "");
        assert_eq!(cell("technical_email"), "");
        assert_eq!(cell("poe_size"), "1234");
        assert_eq!(cell("poe_signed_on"), "2025-05-30");
        assert_eq!(cell("purchase_date"), "");
        assert_eq!(cell("warnings"), "late;odd");
        let with_tech = claim(true);
        let row = ClaimView::of(&with_tech).csv_record().unwrap();
        assert_eq!(row[25..28], ["Tess", "Admin", "tess@contoso.com"]);
    }

    #[test]
    fn json_keeps_nested_objects_and_nulls() {
        let v = claim_json(&claim(false));
        assert_eq!(v["technical"], Value::Null);
        assert_eq!(v["customer"]["email"], "cy@contoso.com");
        assert_eq!(v["poe"]["signed_on"], "2025-05-30");
        assert_eq!(v["opted_out_at"], "2025-06-05T08:30:00Z");
        assert_eq!(v["warnings"][1]["code"], "odd");
        assert_eq!(v["purchase_date"], Value::Null);
    }

    #[test]
    fn a_history_event_renders_its_enums_as_keys() {
        let e = HistoryEvent {
            at: crate::model::parse_instant("2025-06-05T08:30:00Z").unwrap(),
            actor: "ana".into(),
            action: Action::OptedOut,
            from: Some(Status::Pending),
            to: Status::OptedOut,
            reason: None,
            prev_hash: Some("ab".into()),
            hash: Some("cd".into()),
            changes: None,
            poe: None,
        };
        let v = serde_json::to_value(EventView::of(&e)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"at": "2025-06-05T08:30:00Z", "actor": "ana", "action": "opted-out",
                "from": "pending", "to": "opted-out", "reason": null, "hash": "cd",
                "prev_hash": "ab"})
        );
    }

    /// The hash covers exactly what `show --json` prints of an event (SPEC §4 v2): the view's
    /// object without `hash`, plus `claim_id`, for every kind of event.
    #[test]
    fn the_hashed_content_is_the_printed_event() {
        let mut changes = serde_json::Map::new();
        changes.insert(
            "customer.email".into(),
            serde_json::json!(["a@x.com", "b@x.com"]),
        );
        let poe = crate::model::Poe {
            location: "https://contoso.example/sow.pdf".into(),
            sha256: None,
            size: None,
            signed_on: chrono::NaiveDate::from_ymd_opt(2025, 5, 20).unwrap(),
        };
        let base = HistoryEvent {
            at: crate::model::parse_instant("2025-06-05T08:30:00Z").unwrap(),
            actor: "ana".into(),
            action: Action::Edited,
            from: Some(Status::Pending),
            to: Status::Pending,
            reason: Some("typo".into()),
            prev_hash: Some("ab".into()),
            hash: Some("cd".into()),
            changes: Some(changes),
            poe: None,
        };
        let added = HistoryEvent {
            action: Action::PoeAdded,
            changes: None,
            poe: Some(poe),
            ..base.clone()
        };
        let filed = HistoryEvent {
            action: Action::Filed,
            from: None,
            prev_hash: None,
            changes: None,
            ..base.clone()
        };
        for e in [base, added, filed] {
            let mut printed = serde_json::to_value(EventView::of(&e)).unwrap();
            let obj = printed.as_object_mut().unwrap();
            obj.remove("hash");
            obj.insert("claim_id".into(), 7.into());
            assert_eq!(
                crate::rules::history::canonical_json(&printed),
                crate::rules::history::canonical_json(&crate::rules::history::content(7, &e)),
            );
        }
    }
}
