//! Output discipline and `list`: data on stdout, a closed pipe is success, filters narrow,
//! newest first, limits; exit codes for not-found and unknown subcommands.

use crate::harness::*;
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

const M365_WORKLOADS: [&str; 10] = [
    "exchange",
    "sharepoint",
    "onedrive",
    "teams",
    "m365-apps",
    "intune",
    "aad-premium",
    "aip",
    "defender-endpoint",
    "windows-enterprise",
];

/// Tenant number `i` (a GUID) and its domain.
fn tenant(i: usize) -> (String, String) {
    (
        format!("{i:08x}-0000-4000-8000-{i:012x}"),
        format!("tenant{i}.example.com"),
    )
}

/// `10 * tenants` claims: each tenant × every OSU – M365 workload, one minute apart per tenant.
fn many_claims(tenants: usize) -> Env {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    for i in 0..tenants {
        env.set_now(&format!("2025-06-02T10:{i:02}:00Z"));
        let (t, d) = tenant(i);
        let mut claim = env.m365().set("--tenant", &t).set("--domain", &d);
        claim = claim.remove("--workload");
        for w in M365_WORKLOADS {
            claim = claim.add("--workload", w);
        }
        claim.cmd(&env).arg("--quiet").assert().success();
    }
    env
}

/// Spawn `cpor <args>`, read one line of its stdout, close the pipe, and return the exit code
/// and stderr.
fn read_one_line_then_close(env: &Env, args: &[&str]) -> (Option<i32>, String) {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cpor");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "cpor printed nothing");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), stderr)
}

#[test]
fn list_into_a_reader_that_stops_early_exits_quietly() {
    // 250 claims: more than a 64 KiB pipe buffer in every format.
    let env = many_claims(25);
    let mut failures = Vec::new();
    for format in ["table", "json", "csv"] {
        let args = ["list", "--all", "--format", format];
        // The output must not fit a pipe buffer, or the early close is never noticed.
        let full = env.cmd().args(args).assert().success();
        let size = full.get_output().stdout.len();
        assert!(size > 64 * 1024, "{format} output is only {size} bytes");
        let (code, stderr) = read_one_line_then_close(&env, &args);
        if code != Some(0) || !stderr.is_empty() {
            failures.push(format!(
                "cpor list --all --format {format} | head -1: exit {code:?}\n{stderr}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "a closed pipe must be a quiet success:\n{}",
        failures.join("\n")
    );
}

#[test]
fn list_limit_all_and_newest_first() {
    let env = many_claims(15);
    let default = env.list(&[]);
    assert_eq!(default.len(), 100, "the default limit is 100");
    assert_eq!(env.list(&["--limit", "7"]).len(), 7);
    let all = env.list_all();
    assert_eq!(all.len(), 150);
    // Newest first: filed_at descending, and within one filing instant the higher ID first.
    let keys: Vec<(String, i64)> = all
        .iter()
        .map(|c| {
            (
                c["filed_at"].as_str().unwrap().to_string(),
                c["id"].as_i64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
    assert_eq!(all[0]["filed_at"], "2025-06-02T10:14:00Z");
    assert_eq!(all[149]["filed_at"], "2025-06-02T10:00:00Z");
    // The default page is the newest 100.
    assert_eq!(ids(&default), ids(&all[..100]));
    // Without a terminal, the table has no footer on stderr.
    let out = run(env.cmd().arg("list"));
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stderr, "", "{out}");
}

/// Four claims on distinct days, partners, tenants and programs.
fn four_claims() -> (Env, [i64; 4]) {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365", "osa-sell"]);
    env.partner("2000", &["osu-m365"]);
    let c1 = env.file(&env.m365());
    env.set_now("2025-06-03T10:00:00Z");
    let c2 = env.file(
        &env.m365()
            .set("--partner-id", "2000")
            .set("--workload", "exchange"),
    );
    env.set_now("2025-06-04T10:00:00Z");
    let c3 = env.file(
        &env.m365()
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B),
    );
    env.set_now("2025-06-05T10:00:00Z");
    let c4 = env.file(&env.bizapps("osa-sell"));
    let id = |c: &[serde_json::Value]| c[0]["id"].as_i64().unwrap();
    let ids = [id(&c1), id(&c2), id(&c3), id(&c4)];
    (env, ids)
}

#[test]
fn list_filters_each_narrow() {
    let (env, [c1, c2, c3, c4]) = four_claims();
    let q = |args: &[&str]| ids(&env.list(args));
    assert_eq!(q(&[]), [c4, c3, c2, c1], "newest first");
    assert_eq!(q(&["--program", "osa-sell"]), [c4]);
    assert_eq!(q(&["--program", "osu-m365"]), [c3, c2, c1]);
    assert_eq!(q(&["--partner-id", "2000"]), [c2]);
    assert_eq!(q(&["--partner-id", "1000"]), [c4, c3, c1]);
    assert_eq!(q(&["--tenant", TENANT_B]), [c3]);
    assert_eq!(q(&["--tenant", &TENANT_A.to_uppercase()]), [c4, c2, c1]);
    assert_eq!(q(&["--domain", DOMAIN_B]), [c3]);
    assert_eq!(q(&["--workload", "teams"]), [c3, c1]);
    assert_eq!(q(&["--workload", "d365-sales"]), [c4]);
    assert_eq!(q(&["--status", "pending"]), [c4, c3, c2, c1]);
    assert!(q(&["--status", "official"]).is_empty());
    assert!(q(&["--status", "opted-out", "--status", "withdrawn"]).is_empty());
    assert_eq!(
        q(&["--status", "official", "--status", "pending"]),
        [c4, c3, c2, c1]
    );
    // Deadlines: c1 2025-06-10, c2 06-11, c3 06-12, c4 06-13 (midnight UTC).
    assert!(q(&["--due-before", "2025-06-10"]).is_empty());
    assert_eq!(q(&["--due-before", "2025-06-11"]), [c1]);
    assert_eq!(q(&["--due-before", "2025-06-12T00:00:01Z"]), [c3, c2, c1]);
    // Filters combine.
    assert_eq!(
        q(&["--partner-id", "1000", "--workload", "teams"]),
        [c3, c1]
    );
    assert_eq!(
        q(&[
            "--partner-id",
            "1000",
            "--tenant",
            TENANT_A,
            "--program",
            "osu-m365"
        ]),
        [c1]
    );
    // v2: the work queue order, soonest deadline first.
    assert_eq!(q(&["--sort", "deadline"]), [c1, c2, c3, c4]);
}

#[test]
fn list_rejects_malformed_filters() {
    let (env, _) = four_claims();
    for args in [
        &["list", "--status", "active"][..],
        &["list", "--program", "osu-azure"],
        &["list", "--tenant", "nope"],
        &["list", "--due-before", "next week"],
        &["list", "--limit", "-1"],
    ] {
        let out = run(env.cmd().args(args));
        assert_eq!(out.code, Some(2), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
    }
}

#[test]
fn show_unknown_claim_is_not_found() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let out = run(env.cmd().args(["show", "999", "--json"]));
    assert_eq!(out.code, Some(4), "{out}");
    assert_eq!(out.stdout, "");
    assert_eq!(out.error()["error"]["kind"], "not-found");
    assert!(
        out.stderr.lines().any(|l| l.starts_with("error: ")),
        "{out}"
    );
    assert!(out.stderr.contains("999"), "{out}");
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let env = Env::new();
    let out = run(env.cmd().arg("frobnicate"));
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("frobnicate"), "{out}");
    assert!(!env.db.exists());
}

#[test]
fn global_options_go_before_or_after_the_subcommand() {
    let (env, [_, _, _, c4]) = four_claims();
    for args in [
        &["--format", "json", "list", "--limit", "1"][..],
        &["list", "--limit", "1", "--format", "json"],
        &["--json", "list", "--limit", "1"],
    ] {
        let out = env.cmd().args(args).assert().success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(ids(v.as_array().unwrap()), [c4], "cpor {args:?}");
    }
}

#[test]
fn claim_confirms_on_stderr_and_prints_data_on_stdout() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let out = run(env.m365().cmd(&env));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stdout.contains("teams"),
        "the filed claim is on stdout\n{out}"
    );
    assert!(
        out.stderr.contains("2025-06-09"),
        "the deadline day is confirmed\n{out}"
    );
    assert!(
        !out.stdout.contains('\u{1b}'),
        "no colour with NO_COLOR\n{out}"
    );
    // --quiet keeps stderr empty, stdout unchanged.
    let quiet = run(env
        .m365()
        .set("--workload", "exchange")
        .cmd(&env)
        .arg("--quiet"));
    assert_eq!(quiet.code, Some(0), "{quiet}");
    assert_eq!(quiet.stderr, "", "{quiet}");
    assert!(quiet.stdout.contains("exchange"));
}

#[test]
fn partner_remove_keeps_claims() {
    let env = Env::new();
    env.partner("1000", &["osu-m365", "osa-sell"]);
    let filed = env.file(&env.m365());
    let id = filed[0]["id"].as_i64().unwrap();

    // Unenrolling from one program keeps the PartnerID and its claims.
    env.cmd()
        .args(["partner", "remove", "1000", "--program", "osu-m365"])
        .assert()
        .success();
    assert_eq!(ids(&env.list_all()), [id]);
    let out = run(env
        .m365()
        .set("--workload", "exchange")
        .cmd(&env)
        .arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(out.error()["error"]["code"], "partner-not-enrolled");

    // Removing the PartnerID entirely keeps the claims too, still active and holding the unit.
    env.cmd()
        .args(["partner", "remove", "1000"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["partner", "list", "--json"])
        .assert()
        .success();
    let partners: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(partners, serde_json::json!([]));
    let listed = env.list_all();
    assert_eq!(ids(&listed), [id]);
    assert_eq!(listed[0]["status"], "pending");
    assert_eq!(env.show(id)["partner_id"], "1000");
    env.partner("2000", &["osu-m365"]);
    let out = run(env
        .m365()
        .set("--partner-id", "2000")
        .cmd(&env)
        .arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(out.error()["error"]["code"], "already-associated");
}

#[test]
fn partner_remove_unknown_is_not_found() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let out = run(env.cmd().args(["partner", "remove", "4242", "--json"]));
    assert_eq!(out.code, Some(4), "{out}");
    assert_eq!(out.error()["error"]["kind"], "not-found");
}
