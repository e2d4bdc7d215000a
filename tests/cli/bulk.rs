//! Bulk work (SPEC §10): import, export, dump and restore.

use crate::harness::{DOMAIN_A, DOMAIN_B, Env, SUB_1, TENANT_A, TENANT_B, on_postgres, run};
use serde_json::Value as Json;

const HEADER: &str = "partner_id,tenant,domain,program,workload,customer_name,customer_title,customer_email,partner_contact,partner_email,poe,poe_signed";

/// One valid CSV row for tenant A's `workload`, with `domain`.
fn row(tenant: &str, domain: &str, workload: &str) -> String {
    format!(
        "1000,{tenant},{domain},osu-m365,{workload},Ann Lee,CIO,ann@contoso.com,Pat Kim,pat@partner.example.com,https://contoso.example/sow.pdf,2025-05-20"
    )
}

fn write(env: &Env, name: &str, lines: &[String]) -> String {
    let path = env.path(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_str().unwrap().to_string()
}

fn import(env: &Env, args: &[&str]) -> crate::harness::Outcome {
    run(env.cmd().arg("import").args(args))
}

#[test]
fn valid_rows_are_filed_as_claims() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let file = write(
        &env,
        "rows.csv",
        &[
            HEADER.into(),
            row(TENANT_A, DOMAIN_A, "teams"),
            row(TENANT_A, DOMAIN_A, "exchange"),
            row(TENANT_B, DOMAIN_B, "teams"),
        ],
    );
    let out = import(&env, &[&file, "--json"]);
    assert_eq!(out.code, Some(0), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!({"filed": 3, "refused": [], "malformed": []})
    );
    let claims = env.list_all();
    assert_eq!(claims.len(), 3);
    assert!(claims.iter().all(|c| c["status"] == "pending"));
    assert_eq!(env.show(1)["history"][0]["action"], "filed");
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_written() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let refused = write(
        &env,
        "refused.csv",
        &[
            HEADER.into(),
            row(TENANT_A, DOMAIN_A, "teams"),
            row(TENANT_A, DOMAIN_A, "d365-sales"),
            row(TENANT_A, DOMAIN_A, "teams").replace("1000,", "2000,"),
        ],
    );
    let out = import(&env, &[&refused, "--json"]);
    assert_eq!(out.code, Some(3), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["filed"], 1);
    let rows: Vec<i64> = report["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_i64().unwrap())
        .collect();
    assert_eq!(rows, [2, 3]);
    assert_eq!(
        report["refused"][0]["rules"][0]["code"],
        "workload-not-in-program"
    );
    let codes: Vec<&str> = report["refused"][1]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"partner-not-enrolled"), "{codes:?}");
    assert!(
        out.stderr.contains("row 2: workload-not-in-program:"),
        "{out}"
    );
    assert!(out.stderr.contains("row 3: partner-not-enrolled:"), "{out}");
    assert_eq!(env.snapshot(), before, "a refused import writes nothing");

    let malformed = write(
        &env,
        "malformed.csv",
        &[
            HEADER.into(),
            row(TENANT_A, DOMAIN_A, "teams").replace("ann@contoso.com", "not-an-email"),
            row(TENANT_A, DOMAIN_A, "exchange").replace("1000,", "2000,"),
            "1000,too,few".into(),
        ],
    );
    let out = import(&env, &[&malformed, "--json"]);
    assert_eq!(out.code, Some(2), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    let rows: Vec<i64> = report["malformed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_i64().unwrap())
        .collect();
    assert_eq!(rows, [1, 3]);
    assert_eq!(report["refused"][0]["row"], 2);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn the_second_row_on_one_unit_is_refused() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    let file = write(
        &env,
        "rows.csv",
        &[
            HEADER.into(),
            row(TENANT_A, DOMAIN_A, "teams"),
            row(TENANT_A, DOMAIN_A, "teams").replace("1000,", "2000,"),
        ],
    );
    let out = import(&env, &[&file, "--json"]);
    assert_eq!(out.code, Some(3), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["refused"][0]["row"], 2);
    assert_eq!(
        report["refused"][0]["rules"][0]["code"],
        "already-associated"
    );
    assert!(env.list_all().is_empty());
}

#[test]
fn skip_refused_files_the_good_rows_and_the_rejects_can_be_fixed_and_imported() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let file = write(
        &env,
        "rows.csv",
        &[
            HEADER.into(),
            row(TENANT_A, DOMAIN_A, "teams"),
            row(TENANT_A, DOMAIN_A, "teams").replace("1000,", "2000,"),
            row(TENANT_B, DOMAIN_B, "teams"),
        ],
    );
    let rejects = env.path("rejects.csv");
    let out = import(&env, &[&file, "--skip-refused", rejects.to_str().unwrap()]);
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(env.list_all().len(), 2);
    let text = std::fs::read_to_string(&rejects).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].ends_with(",error_codes"));
    assert!(lines[1].starts_with("2000,"));
    assert!(lines[1].contains("partner-not-enrolled"), "{text}");
    // Fixed: the PartnerID enrolled and the unit freed for it.
    env.partner("2000", &["osu-m365"]);
    let fixed = text
        .replace(TENANT_A, "11111111-2222-4333-8444-555555555555")
        .replace(DOMAIN_A, "northwind.example.com");
    let fixed_path = write(&env, "fixed.csv", &[fixed.trim_end().to_string()]);
    let out = import(&env, &[&fixed_path]);
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stderr.contains("error_codes"),
        "one note names it: {out}"
    );
    assert_eq!(env.list_all().len(), 3);
}

#[test]
fn dry_run_checks_everything_and_writes_nothing() {
    let env = Env::new();
    let file = write(
        &env,
        "rows.csv",
        &[HEADER.into(), row(TENANT_A, DOMAIN_A, "teams")],
    );
    let out = import(&env, &[&file, "--dry-run"]);
    assert_eq!(out.code, Some(3), "refused without a database: {out}");
    assert!(!env.db.exists(), "a dry run creates no database");
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let out = import(&env, &[&file, "--dry-run", "--json"]);
    assert_eq!(out.code, Some(0), "{out}");
    assert!(out.stderr.contains("dry run"), "{out}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_exported_csv_is_filed_again_elsewhere_with_formula_prefixes_removed() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(
        &env.m365()
            .set("--customer-name", "=HYPERLINK(\"x\")")
            .set("--comment", "@sales +5 days")
            .set("--poe", "https://contoso.example/sow.pdf"),
    );
    let csv = env.path("claims.csv");
    let out = run(env.cmd().args(["export", csv.to_str().unwrap()]));
    assert_eq!(out.code, Some(0), "{out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");

    let mut other = Env::new();
    other.set_now("2025-06-03T09:00:00Z");
    other.partner("1000", &["osu-m365"]);
    let out = run(other.cmd().args(["import", csv.to_str().unwrap()]));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stderr.contains("ignoring the columns cpor computes"),
        "{out}"
    );
    let claims = other.list_all();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["customer"]["name"], "=HYPERLINK(\"x\")");
    assert_eq!(claims[0]["comment"], "@sales +5 days");
    assert_eq!(claims[0]["filed_at"], "2025-06-03T09:00:00Z");
}

#[test]
fn jsonl_rows_and_an_exported_jsonl_are_imported() {
    let env = Env::new();
    env.partner("1000", &["osu-m365", "osu-bizapps"]);
    let row = serde_json::json!({
        "partner_id": "1000", "tenant": TENANT_A, "domain": DOMAIN_A, "program": "osu-bizapps",
        "workload": "d365-sales", "subscription": SUB_1, "channel": "vl",
        "customer_name": "Ann", "customer_title": "CIO", "customer_email": "ann@contoso.com",
        "technical_name": "Tom", "technical_title": "IT", "technical_email": "tom@contoso.com",
        "partner_contact": "Pat", "partner_email": "pat@partner.example.com",
        "poe": "https://contoso.example/sow.pdf", "poe_signed": "2025-05-20"
    });
    let file = write(&env, "rows.jsonl", &[row.to_string()]);
    let out = import(&env, &[&file]);
    assert_eq!(out.code, Some(0), "{out}");
    let exported = run(env.cmd().args(["export", "-"]));
    assert_eq!(exported.code, Some(0), "{exported}");
    let line: Json = serde_json::from_str(exported.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(line["history"][0]["action"], "filed");
    assert_eq!(line["poe_versions"].as_array().unwrap().len(), 1);

    let other = Env::new();
    other.partner("1000", &["osu-bizapps"]);
    let again = write(
        &other,
        "again.jsonl",
        &[exported.stdout.trim_end().to_string()],
    );
    let out = run(other.cmd().args(["import", &again]));
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(other.list_all()[0]["subscription_id"], SUB_1);
}

#[test]
fn an_unknown_column_is_a_usage_error_naming_it() {
    let env = Env::new();
    let file = write(
        &env,
        "rows.csv",
        &[
            format!("{HEADER},colour"),
            row(TENANT_A, DOMAIN_A, "teams") + ",red",
        ],
    );
    let out = import(&env, &[&file]);
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("unknown column 'colour'"), "{out}");
}

/// A database with every kind of record: edits, PoE versions, pins and an unpin, a finalize
/// run, an opt-out, a withdrawal.
pub(crate) fn rich(env: &mut Env) {
    env.partner("1000", &["osu-m365", "osa-sell"]);
    env.partner("2000", &["osu-m365"]);
    run(env
        .cmd()
        .args(["calendar", "set", "uk", "--tz", "Europe/London"]));
    run(env.cmd().args([
        "calendar",
        "holiday",
        "add",
        "uk",
        "2025-12-25",
        "--label",
        "Xmas",
    ]));
    env.file(&env.m365());
    env.file(&env.m365().set("--workload", "exchange"));
    env.file(&env.bizapps("osa-sell"));
    env.file(
        &env.m365()
            .set("--partner-id", "2000")
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B)
            .set("--calendar", "uk"),
    );
    let ok = |args: &[&str]| {
        let out = run(env.cmd().args(args));
        assert_eq!(out.code, Some(0), "{args:?}: {out}");
    };
    ok(&[
        "edit",
        "1",
        "--customer-name",
        "Ann Q. Lee",
        "--reason",
        "typo",
    ]);
    ok(&[
        "poe",
        "add",
        "1",
        "--poe",
        "https://contoso.example/v2.pdf",
        "--poe-signed",
        "2025-06-01",
    ]);
    ok(&["opt-out", "2", "--reason", "customer said no"]);
    ok(&["withdraw", "4", "--reason", "wrong tenant", "--yes"]);
    ok(&[
        "tenant", "unpin", "--domain", DOMAIN_B, "--reason", "typo", "--yes",
    ]);
    env.set_now("2025-06-20T10:00:00Z");
    let out = run(env.cmd().arg("finalize"));
    assert_eq!(out.code, Some(0), "{out}");
}

pub(crate) fn dump(env: &Env) -> String {
    let out = run(env.cmd().arg("dump"));
    assert_eq!(out.code, Some(0), "{out}");
    out.stdout
}

pub(crate) fn after_header(dump: &str) -> &str {
    dump.split_once('\n').unwrap().1
}

pub(crate) fn restore(env: &Env, dump: &str) -> crate::harness::Outcome {
    let path = env.path("dump.jsonl");
    std::fs::write(&path, dump).unwrap();
    run(env.cmd().args(["restore", path.to_str().unwrap()]))
}

#[test]
fn dump_restore_dump_is_byte_identical_after_the_header() {
    let mut env = Env::new();
    rich(&mut env);
    let first = dump(&env);
    for t in [
        "partner",
        "calendar",
        "pin",
        "pin_event",
        "claim",
        "finalize_run",
    ] {
        assert!(
            first.contains(&format!("{{\"type\":\"{t}\"")),
            "no {t} record:\n{first}"
        );
    }
    assert!(first.starts_with("{\"type\":\"cpor-dump\",\"format\":1,"));
    let mut other = Env::new();
    other.set_now("2026-01-01T00:00:00Z");
    let out = restore(&other, &first);
    assert_eq!(out.code, Some(0), "{out}");
    let second = dump(&other);
    assert_eq!(after_header(&first), after_header(&second));
    assert_eq!(other.show(1), env.show(1));
    // The restored database passes its own deep check.
    let deep = run(other.cmd().args(["troubleshoot", "--deep", "--json"]));
    assert!(!deep.stdout.contains("history-tampered"), "{deep}");
}

#[test]
fn restore_refuses_a_database_that_holds_data() {
    let mut env = Env::new();
    rich(&mut env);
    let d = dump(&env);
    let other = Env::new();
    other.partner("3000", &["osu-m365"]);
    let before = other.snapshot();
    let out = restore(&other, &d);
    assert_eq!(out.code, Some(3), "{out}");
    assert!(
        out.stderr.contains("restore-target-not-empty") || out.stderr.contains("empty database"),
        "{out}"
    );
    let out = run(other.cmd().args(["restore", "-", "--json"]).write_stdin(d));
    assert_eq!(out.error()["error"]["code"], "restore-target-not-empty");
    assert_eq!(other.snapshot(), before);
}

#[test]
fn restore_refuses_an_altered_history_and_writes_nothing() {
    let mut env = Env::new();
    rich(&mut env);
    let d = dump(&env);
    let altered = d.replacen(
        "\"actor\":\"tester\",\"action\":\"opted-out\"",
        "\"actor\":\"mallory\",\"action\":\"opted-out\"",
        1,
    );
    assert_ne!(altered, d);
    let line = altered.lines().position(|l| l.contains("mallory")).unwrap() + 1;
    let other = Env::new();
    let out = restore(&other, &altered);
    assert_eq!(out.code, Some(3), "{out}");
    assert!(
        out.stderr.contains(&format!("line {line}: history chain")),
        "{out}"
    );
    let claims = run(other.cmd().args(["list", "--json"]));
    assert!(
        claims.stdout.trim() == "[]" || claims.code == Some(6),
        "{claims}"
    );

    // Two active holders of one unit.
    let twice = d.replacen("\"status\":\"withdrawn\"", "\"status\":\"pending\"", 1);
    let out = restore(&Env::new(), &twice);
    assert_eq!(out.code, Some(3), "{out}");
}

#[test]
fn restore_refuses_a_pin_that_names_a_missing_claim() {
    let mut env = Env::new();
    rich(&mut env);
    let d = dump(&env);
    let pin = d
        .lines()
        .find(|l| l.starts_with("{\"type\":\"pin\"") && l.contains("\"by_claim\":3"))
        .unwrap_or_else(|| panic!("no pin made by claim 3 in:\n{d}"));
    let altered = d.replacen(pin, &pin.replace("\"by_claim\":3", "\"by_claim\":999"), 1);
    let line = altered
        .lines()
        .position(|l| l.contains("\"by_claim\":999"))
        .unwrap()
        + 1;
    let other = Env::new();
    let out = restore(&other, &altered);
    assert_eq!(out.code, Some(3), "{out}");
    assert!(
        out.stderr.contains(&format!(
            "line {line}: pins consistent with claims: the subscription pin"
        )),
        "{out}"
    );
    assert!(
        out.stderr
            .contains("names claim 999, which is not in the dump"),
        "{out}"
    );
    assert!(out.stderr.contains("nothing was restored"), "{out}");
    // Blank lines before it still count as lines: before the first pin and among the pins.
    let bad = altered.lines().nth(line - 1).unwrap();
    assert!(
        altered
            .lines()
            .nth(line - 2)
            .unwrap()
            .starts_with("{\"type\":\"pin\""),
        "another pin comes before it:\n{altered}"
    );
    let spaced = altered
        .replacen("{\"type\":\"pin\"", "\n{\"type\":\"pin\"", 1)
        .replacen(bad, &format!("\n{bad}"), 1);
    let out = restore(&Env::new(), &spaced);
    assert_eq!(out.code, Some(3), "{out}");
    assert!(
        out.stderr
            .contains(&format!("line {}: pins consistent", line + 2)),
        "{out}"
    );
    let json = run(other
        .cmd()
        .args(["restore", "-", "--json"])
        .write_stdin(altered));
    assert_eq!(json.error()["error"]["code"], "restore-invalid");
    let claims = run(other.cmd().args(["list", "--json"]));
    assert!(
        claims.stdout.trim() == "[]" || claims.code == Some(6),
        "{claims}"
    );
}

#[test]
fn export_streams_a_larger_set_with_filters() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let mut lines = vec![HEADER.to_string()];
    for i in 0..300 {
        lines.push(
            row(TENANT_A, &format!("d{i}.example.com"), "teams")
                .replace(TENANT_A, &format!("0f8fad5b-d9cb-469f-a165-{i:012}")),
        );
    }
    let file = write(&env, "rows.csv", &lines);
    let out = import(&env, &[&file]);
    assert_eq!(out.code, Some(0), "{out}");
    let out = run(env.cmd().args(["export", "--format", "jsonl"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(out.stdout.lines().count(), 300);
    let out = run(env
        .cmd()
        .args(["export", "--format", "csv", "--domain", "d7.example.com"]));
    assert_eq!(out.stdout.lines().count(), 2, "{out}");
    if !on_postgres() {
        // A missing SQLite file is not created; a PostgreSQL database always exists.
        let missing = Env::new();
        let out = run(missing.cmd().arg("export"));
        assert_eq!(out.code, Some(6), "{out}");
        assert!(!missing.db.exists());
    }
}
