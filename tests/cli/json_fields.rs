//! The JSON and CSV shapes of SPEC §6 are public interface: exact key sets, in order, and the
//! values of a known claim.

use crate::harness::*;
use serde_json::{Value as Json, json};

/// SPEC §6, in order.
const CLAIM_KEYS: &[&str] = &[
    "id",
    "name",
    "program",
    "activity",
    "partner_id",
    "tenant_id",
    "domain",
    "workload",
    "subscription_id",
    "channel",
    "status",
    "filed_at",
    "filed_by",
    "notified_at",
    "deadline",
    "deadline_day",
    "calendar",
    "official_at",
    "opted_out_at",
    "opt_out_in_window",
    "withdrawn_at",
    "end_reason",
    "customer",
    "technical",
    "partner_contact",
    "poe",
    "purchase_date",
    "comment",
    "warnings",
    // v2
    "poe_versions",
];

const TIME_KEYS: &[&str] = &[
    "filed_at",
    "notified_at",
    "deadline",
    "official_at",
    "opted_out_at",
    "withdrawn_at",
];

fn keys(v: &Json) -> Vec<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_claim_shape(c: &Json, with_history: bool) {
    let mut expected: Vec<&str> = CLAIM_KEYS.to_vec();
    if with_history {
        expected.push("history");
    }
    assert_eq!(keys(c), expected);
    assert_eq!(keys(&c["customer"]), ["name", "title", "email"]);
    assert_eq!(keys(&c["partner_contact"]), ["name", "email"]);
    assert_eq!(keys(&c["poe"]), ["location", "sha256", "size", "signed_on"]);
    match &c["technical"] {
        Json::Null => {}
        t => assert_eq!(keys(t), ["name", "title", "email"]),
    }
    assert!(c["warnings"].is_array());
    for k in TIME_KEYS {
        match &c[*k] {
            Json::Null => {}
            Json::String(s) => {
                assert!(s.ends_with('Z') && s.len() == 20, "{k} = {s}");
                chrono::DateTime::parse_from_rfc3339(s).unwrap();
            }
            other => panic!("{k} = {other}"),
        }
    }
    if with_history {
        for e in c["history"].as_array().expect("history[]") {
            assert_eq!(
                keys(e),
                [
                    "at",
                    "actor",
                    "action",
                    "from",
                    "to",
                    "reason",
                    "hash",
                    "prev_hash"
                ]
            );
            assert!(e["at"].as_str().unwrap().ends_with('Z'));
        }
    }
}

fn setup() -> Env {
    let env = Env::new();
    env.partner("1000", &["osa-sell", "osu-m365", "osu-bizapps"]);
    env
}

#[test]
fn claim_json_is_an_array_of_the_filed_claims() {
    let env = setup();
    let filed = env.file(
        &env.m365()
            .add("--workload", "exchange")
            .set("--comment", "kick-off done"),
    );
    assert_eq!(filed.len(), 2);
    for c in &filed {
        assert_claim_shape(c, false);
    }
    let workloads: Vec<&str> = filed
        .iter()
        .map(|c| c["workload"].as_str().unwrap())
        .collect();
    assert_eq!(workloads, ["teams", "exchange"]);
    assert_ne!(filed[0]["id"], filed[1]["id"]);
}

#[test]
fn known_claim_values() {
    let env = setup();
    let filed = env.file(&env.m365());
    let c = &filed[0];
    let poe_path = env.poe_path().canonicalize().unwrap();
    let expected = json!({
        "name": "contoso.com teams",
        "program": "osu-m365",
        "activity": "usage",
        "partner_id": "1000",
        "tenant_id": TENANT_A,
        "domain": DOMAIN_A,
        "workload": "teams",
        "subscription_id": null,
        "channel": null,
        "status": "pending",
        "filed_at": "2025-06-02T10:00:00Z",
        "filed_by": "tester",
        "notified_at": "2025-06-02T10:00:00Z",
        "deadline": "2025-06-10T00:00:00Z",
        "deadline_day": "2025-06-09",
        "calendar": "default",
        "official_at": null,
        "opted_out_at": null,
        "opt_out_in_window": null,
        "withdrawn_at": null,
        "end_reason": null,
        "customer": {"name": "Ann Lee", "title": "CIO", "email": "ann@contoso.com"},
        "technical": null,
        "partner_contact": {"name": "Pat Kim", "email": "pat@partner.example.com"},
        "poe": {
            "location": poe_path.to_str().unwrap(),
            "sha256": POE_SHA256,
            "size": 3,
            "signed_on": "2025-05-20",
        },
        "purchase_date": null,
        "comment": null,
        "warnings": [],
        "poe_versions": [{
            "location": poe_path.to_str().unwrap(),
            "sha256": POE_SHA256,
            "size": 3,
            "signed_on": "2025-05-20",
            "added_at": "2025-06-02T10:00:00Z",
        }],
    });
    let mut without_id = c.clone();
    without_id.as_object_mut().unwrap().remove("id");
    assert_eq!(without_id, expected);
    assert!(c["id"].as_i64().is_some_and(|id| id > 0));
    assert!(std::path::Path::new(c["poe"]["location"].as_str().unwrap()).is_absolute());

    // list and show agree with what claim printed.
    let listed = env.list(&[]);
    assert_eq!(listed.len(), 1);
    assert_claim_shape(&listed[0], false);
    assert_eq!(&listed[0], c);
    let shown = env.show(c["id"].as_i64().unwrap());
    assert_claim_shape(&shown, true);
    let mut shown_claim = shown.clone();
    shown_claim.as_object_mut().unwrap().remove("history");
    assert_eq!(&shown_claim, c);
    assert_eq!(
        shown["history"],
        json!([{
            "at": "2025-06-02T10:00:00Z",
            "actor": "tester",
            "action": "filed",
            "from": null,
            "to": "pending",
            "reason": null,
            // SHA-256 of {"action":"filed","actor":"tester","at":"2025-06-02T10:00:00Z",
            // "claim_id":1,"from":null,"prev_hash":null,"reason":null,"to":"pending"}.
            "hash": "c39bb80cef0015fac617068e5f7335a14dee5286ec52d66d836f9ae3de6817c0",
            "prev_hash": null,
        }])
    );
}

#[test]
fn bizapps_claim_values() {
    let env = setup();
    let c = &env.file(&env.bizapps("osa-sell"))[0];
    assert_claim_shape(c, false);
    assert_eq!(c["activity"], "presales");
    assert_eq!(c["subscription_id"], SUB_1);
    assert_eq!(c["channel"], "vl");
    assert_eq!(c["purchase_date"], "2025-05-01");
    assert_eq!(
        c["technical"],
        json!({"name": "Tom Tech", "title": "IT Manager", "email": "tom@contoso.com"})
    );
    let u = &env.file(&env.bizapps("osu-bizapps").set("--channel", "web-direct"))[0];
    assert_eq!(u["activity"], "usage");
    assert_eq!(u["channel"], "web-direct");
}

#[test]
fn a_poe_url_is_recorded_as_given() {
    let env = setup();
    let url = "https://contoso.sharepoint.com/sites/legal/SOW%2042.pdf";
    let c = &env.file(&env.m365().set("--poe", url))[0];
    assert_eq!(
        c["poe"],
        json!({"location": url, "sha256": null, "size": null, "signed_on": "2025-05-20"})
    );
}

#[test]
fn identifiers_are_stored_canonically() {
    let env = setup();
    let c = &env.file(
        &env.m365()
            .set("--tenant", &TENANT_A.to_uppercase())
            .set("--domain", "Contoso.COM"),
    )[0];
    assert_eq!(c["tenant_id"], TENANT_A);
    assert_eq!(c["domain"], DOMAIN_A);
    // So the same unit typed differently is still the same unit.
    let out = run(env.m365().cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
}

#[test]
fn list_json_is_an_array_even_when_empty() {
    let env = setup();
    let out = env.cmd().args(["list", "--json"]).assert().success();
    let v: Json = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v, json!([]));
}

#[test]
fn list_csv_has_flattened_header_and_one_row_per_claim() {
    let env = setup();
    env.file(&env.m365().add("--workload", "exchange"));
    env.file(&env.bizapps("osa-sell"));
    let out = env
        .cmd()
        .args(["list", "--format", "csv"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut reader = csv_lines(&text);
    let header = reader.remove(0);
    let expected: Vec<String> = CLAIM_KEYS
        .iter()
        .flat_map(|k| -> Vec<String> {
            match *k {
                "customer" | "technical" => ["name", "title", "email"]
                    .iter()
                    .map(|f| format!("{k}_{f}"))
                    .collect(),
                "partner_contact" => ["name", "email"]
                    .iter()
                    .map(|f| format!("{k}_{f}"))
                    .collect(),
                "poe" => ["location", "sha256", "size", "signed_on"]
                    .iter()
                    .map(|f| format!("{k}_{f}"))
                    .collect(),
                other => vec![other.to_string()],
            }
        })
        .collect();
    assert_eq!(header, expected);
    assert_eq!(reader.len(), 3, "one row per claim:\n{text}");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for row in &reader {
        assert_eq!(row.len(), header.len());
        assert_eq!(row[col("poe_sha256")], POE_SHA256);
        assert_eq!(row[col("customer_name")], "Ann Lee");
        assert_eq!(row[col("filed_at")], "2025-06-02T10:00:00Z");
    }
    // Newest first: the osa-sell claim was filed last.
    assert_eq!(reader[0][col("program")], "osa-sell");
    assert_eq!(reader[0][col("technical_email")], "tom@contoso.com");
}

/// A minimal CSV reader for the test (no embedded newlines in these values; quotes handled).
fn csv_lines(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| {
            let mut fields = Vec::new();
            let mut cur = String::new();
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(ch) = chars.next() {
                match ch {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    '"' => quoted = !quoted,
                    ',' if !quoted => fields.push(std::mem::take(&mut cur)),
                    other => cur.push(other),
                }
            }
            fields.push(cur);
            fields
        })
        .collect()
}

#[test]
fn partner_list_json_shape() {
    let env = setup();
    env.partner("2000", &["osu-m365"]);
    let out = env
        .cmd()
        .args(["partner", "list", "--json"])
        .assert()
        .success();
    let v: Json = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let partners = v.as_array().expect("an array");
    assert_eq!(partners.len(), 2);
    for p in partners {
        assert_eq!(keys(p), ["partner_id", "name", "programs"]);
    }
    let p1000 = partners.iter().find(|p| p["partner_id"] == "1000").unwrap();
    let mut programs: Vec<&str> = p1000["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    programs.sort();
    assert_eq!(programs, ["osa-sell", "osu-bizapps", "osu-m365"]);
    assert_eq!(p1000["name"], "Partner 1000");
    let p2000 = partners.iter().find(|p| p["partner_id"] == "2000").unwrap();
    assert_eq!(p2000["programs"], json!(["osu-m365"]));
}

#[test]
fn partner_add_to_an_existing_id_adds_programs() {
    let env = setup();
    env.partner("2000", &["osu-m365"]);
    env.cmd()
        .args(["partner", "add", "2000", "--program", "osa-sell"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["partner", "list", "--json"])
        .assert()
        .success();
    let v: Json = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let p = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partner_id"] == "2000")
        .unwrap();
    let mut programs: Vec<&str> = p["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    programs.sort();
    assert_eq!(programs, ["osa-sell", "osu-m365"]);
    assert_eq!(p["name"], "Partner 2000", "the name is kept");
}
