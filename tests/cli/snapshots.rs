//! What a user sees, command by command: exit status, stdout and stderr of each command's main
//! success and error cases in one snapshot (`tests/cli/snapshots/cli__snapshots__*.snap`).
//!
//! Tables are rendered with `NO_COLOR` and no terminal, so their width is fixed; every
//! environment lives in `/tmp/cpor-cli-XXXXXX`, so the paths in them are the same length on
//! every machine. Everything that differs between machines (the temporary directory, the
//! versions of cpor and SQLite) is replaced by a placeholder before comparing. A changed output fails the test; review the new
//! snapshot with `cargo insta review` like code, against the SPEC.

use crate::harness::*;
use assert_cmd::Command;
use std::borrow::BorrowMut;

/// Run `cmd` to completion and render it as one text:
/// `exit: N`, then `--- stdout` and `--- stderr` with what each printed.
fn render(env: &Env, cmd: impl BorrowMut<Command>) -> String {
    let out = run(cmd);
    let code = out
        .code
        .map_or_else(|| "killed by a signal".to_string(), |c| c.to_string());
    let mut text = format!("exit: {code}\n--- stdout\n");
    push_stream(&mut text, &out.stdout);
    text.push_str("--- stderr\n");
    push_stream(&mut text, &out.stderr);
    normalise(env, &text)
}

/// Append one stream; a missing final newline is made visible rather than hidden.
fn push_stream(text: &mut String, stream: &str) {
    text.push_str(stream);
    if !stream.is_empty() && !stream.ends_with('\n') {
        text.push_str("\n[no newline at end]\n");
    }
}

/// Replace what differs between machines and runs with placeholders.
fn normalise(env: &Env, text: &str) -> String {
    let root = env.root();
    let mut values = Vec::new();
    // The canonical form first: on some systems the temporary directory is a symlink.
    if let Ok(canonical) = root.canonicalize() {
        values.push((canonical.to_str().expect("UTF-8 path").to_string(), "[TMP]"));
    }
    values.push((root.to_str().expect("UTF-8 path").to_string(), "[TMP]"));
    values.push((rusqlite::version().to_string(), "[SQLITE_VERSION]"));
    values.push((env!("CARGO_PKG_VERSION").to_string(), "[VERSION]"));
    text.lines()
        .map(|line| {
            let mut line = line.to_string();
            for (value, placeholder) in &values {
                line = replace_in_cell(&line, value, placeholder);
            }
            line + "\n"
        })
        .collect()
}

/// Replace every `value` in `line` by `placeholder`, keeping a table's borders where they were:
/// the padding before the next cell border grows or shrinks by the difference in length, so a
/// snapshot does not depend on how long the temporary directory's path is.
fn replace_in_cell(line: &str, value: &str, placeholder: &str) -> String {
    const BORDERS: [char; 2] = ['│', '┆'];
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(value) {
        out.push_str(&rest[..at]);
        out.push_str(placeholder);
        rest = &rest[at + value.len()..];
        let Some(border) = rest.find(BORDERS) else {
            continue;
        };
        let (cell, after) = rest.split_at(border);
        let shorter = value.chars().count() as isize - placeholder.chars().count() as isize;
        let content = cell.trim_end_matches(' ');
        let padding = cell.len() - content.len();
        // At least the one space comfy-table puts before a border.
        let padding = (padding as isize + shorter).max(1) as usize;
        out.push_str(content);
        out.push_str(&" ".repeat(padding));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `cpor <args>` in `env`, rendered.
fn cpor(env: &Env, args: &[&str]) -> String {
    let mut cmd = env.cmd();
    cmd.args(args);
    render(env, cmd)
}

/// Only the first `n` lines of stdout, for outputs too long (and too generated) to review whole.
fn head(rendered: &str, n: usize) -> String {
    let (status_and_stdout, stderr) = rendered
        .split_once("--- stderr\n")
        .expect("a rendered outcome");
    let lines: Vec<&str> = status_and_stdout.lines().collect();
    // `exit: N` and `--- stdout` come first.
    let shown = lines.len().min(n + 2);
    let mut text = lines[..shown].join("\n");
    text.push('\n');
    // Not how many: that changes with every flag, and the head is what this snapshot is for.
    if lines.len() > shown {
        text.push_str("[more lines]\n");
    }
    text.push_str("--- stderr\n");
    text.push_str(stderr);
    text
}

/// Partner 1000 enrolled in every program, and nothing filed yet.
fn enrolled() -> Env {
    let env = Env::with_fixed_length_root();
    env.partner("1000", &["osa-sell", "osu-m365", "osu-bizapps"]);
    env
}

/// [`enrolled`] with claim 1 (OSU – M365 `teams`, tenant A) and claim 2 (OSA Sell
/// `d365-sales`, tenant A) filed an hour apart, both pending.
fn two_claims() -> Env {
    let mut env = enrolled();
    env.file(&env.m365());
    env.set_now("2025-06-02T11:00:00Z");
    env.file(&env.bizapps("osa-sell"));
    env.set_now("2025-06-03T09:00:00Z");
    env
}

// ---------------------------------------------------------------------------------------------
// claim

#[test]
fn claim_table() {
    let env = enrolled();
    insta::assert_snapshot!(render(&env, env.m365().cmd(&env)));
}

#[test]
fn claim_json() {
    let env = enrolled();
    insta::assert_snapshot!(render(
        &env,
        env.m365()
            .add("--workload", "exchange")
            .cmd(&env)
            .arg("--json")
    ));
}

#[test]
fn claim_refused_by_several_rules() {
    let env = Env::with_fixed_length_root();
    env.partner("1000", &["osu-m365"]);
    // Not enrolled in OSA Sell, bought through CSP, and a PoE signed in the future.
    let claim = env
        .bizapps("osa-sell")
        .set("--channel", "csp")
        .set("--poe-signed", "2025-07-01");
    insta::assert_snapshot!("claim_refused_table", render(&env, claim.cmd(&env)));
    insta::assert_snapshot!(
        "claim_refused_json",
        render(&env, claim.cmd(&env).arg("--json"))
    );
    assert!(env.list_all().is_empty(), "a refused claim files nothing");
}

#[test]
fn claim_missing_flags_without_a_terminal() {
    let env = enrolled();
    insta::assert_snapshot!(cpor(
        &env,
        &["claim", "--partner-id", "1000", "--program", "osu-m365"]
    ));
}

#[test]
fn claim_dry_run() {
    let env = enrolled();
    insta::assert_snapshot!(
        "claim_dry_run_table",
        render(&env, env.m365().cmd(&env).arg("--dry-run"))
    );
    insta::assert_snapshot!(
        "claim_dry_run_json",
        render(&env, env.m365().cmd(&env).args(["--dry-run", "--json"]))
    );
    assert!(env.list_all().is_empty(), "a dry run files nothing");
}

// ---------------------------------------------------------------------------------------------
// list and show

#[test]
fn list_formats() {
    let env = two_claims();
    insta::assert_snapshot!("list_table", cpor(&env, &["list"]));
    insta::assert_snapshot!("list_json", cpor(&env, &["list", "--json"]));
    insta::assert_snapshot!("list_csv", cpor(&env, &["list", "--format", "csv"]));
}

#[test]
fn list_empty() {
    let env = enrolled();
    insta::assert_snapshot!("list_empty_table", cpor(&env, &["list"]));
    insta::assert_snapshot!("list_empty_json", cpor(&env, &["list", "--json"]));
}

#[test]
fn show_formats() {
    let env = two_claims();
    insta::assert_snapshot!("show_table", cpor(&env, &["show", "2"]));
    insta::assert_snapshot!("show_json", cpor(&env, &["show", "2", "--json"]));
}

#[test]
fn show_not_found() {
    let env = two_claims();
    insta::assert_snapshot!("show_not_found_table", cpor(&env, &["show", "42"]));
    insta::assert_snapshot!("show_not_found_json", cpor(&env, &["show", "42", "--json"]));
}

// ---------------------------------------------------------------------------------------------
// opt-out, withdraw, finalize

#[test]
fn opt_out() {
    let env = two_claims();
    insta::assert_snapshot!(
        "opt_out_table",
        cpor(&env, &["opt-out", "1", "--reason", "customer declined"])
    );
    // A claim that is no longer active cannot opt out again.
    insta::assert_snapshot!("opt_out_again_is_a_no_op", cpor(&env, &["opt-out", "1"]));
    // An opt-out dated before the customer was notified.
    insta::assert_snapshot!(
        "opt_out_before_notification",
        cpor(
            &env,
            &["opt-out", "2", "--at", "2025-06-01T00:00:00Z", "--json"]
        )
    );
    insta::assert_snapshot!("opt_out_not_found", cpor(&env, &["opt-out", "42"]));
}

#[test]
fn withdraw() {
    let env = two_claims();
    insta::assert_snapshot!(
        "withdraw_table",
        cpor(
            &env,
            &["withdraw", "2", "--reason", "filed in error", "--yes"]
        )
    );
    insta::assert_snapshot!(
        "withdraw_without_reason",
        cpor(&env, &["withdraw", "1", "--yes"])
    );
}

#[test]
fn finalize() {
    let mut env = two_claims();
    env.set_now("2025-06-16T08:00:00Z");
    insta::assert_snapshot!("finalize_dry_run", cpor(&env, &["finalize", "--dry-run"]));
    insta::assert_snapshot!("finalize_table", cpor(&env, &["finalize"]));
    insta::assert_snapshot!("finalize_nothing_due", cpor(&env, &["finalize"]));
}

#[test]
fn finalize_json() {
    let mut env = two_claims();
    env.set_now("2025-06-16T08:00:00Z");
    insta::assert_snapshot!("finalize_json", cpor(&env, &["finalize", "--json"]));
    insta::assert_snapshot!(
        "finalize_nothing_due_json",
        cpor(&env, &["finalize", "--json"])
    );
}

// ---------------------------------------------------------------------------------------------
// troubleshoot

#[test]
fn troubleshoot_health() {
    if sqlite_only() {
        return;
    }
    let env = two_claims();
    // Written by cpor, so private: a stable report without a `db-permissions` finding.
    insta::assert_snapshot!("troubleshoot_health_table", cpor(&env, &["troubleshoot"]));
    insta::assert_snapshot!(
        "troubleshoot_health_json",
        cpor(&env, &["troubleshoot", "--json"])
    );
}

#[test]
fn troubleshoot_a_claim() {
    let env = two_claims();
    insta::assert_snapshot!(
        "troubleshoot_claim_table",
        cpor(&env, &["troubleshoot", "1"])
    );
    insta::assert_snapshot!(
        "troubleshoot_claim_not_found",
        cpor(&env, &["troubleshoot", "42"])
    );
}

#[test]
fn troubleshoot_a_hypothetical_claim() {
    let env = two_claims();
    // Partner 2000 wants the unit partner 1000 holds, in a program it is not enrolled in.
    env.partner("2000", &["osa-sell"]);
    let args = [
        "troubleshoot",
        "--tenant",
        TENANT_A,
        "--program",
        "osu-m365",
        "--workload",
        "teams",
        "--partner-id",
        "2000",
        "--domain",
        DOMAIN_B,
    ];
    insta::assert_snapshot!("troubleshoot_hypothetical_refused", cpor(&env, &args));
    let mut json = args.to_vec();
    json.push("--json");
    insta::assert_snapshot!("troubleshoot_hypothetical_refused_json", cpor(&env, &json));
}

// ---------------------------------------------------------------------------------------------
// partner

#[test]
fn partner() {
    let env = Env::with_fixed_length_root();
    insta::assert_snapshot!(
        "partner_add",
        cpor(
            &env,
            &[
                "partner",
                "add",
                "1000",
                "--name",
                "Fabrikam",
                "--program",
                "osu-m365",
                "--program",
                "osa-sell",
            ]
        )
    );
    env.partner("2000", &["osu-bizapps"]);
    insta::assert_snapshot!("partner_list_table", cpor(&env, &["partner", "list"]));
    insta::assert_snapshot!(
        "partner_list_json",
        cpor(&env, &["partner", "list", "--json"])
    );
    insta::assert_snapshot!(
        "partner_remove_program",
        cpor(
            &env,
            &["partner", "remove", "1000", "--program", "osa-sell"]
        )
    );
    insta::assert_snapshot!("partner_remove", cpor(&env, &["partner", "remove", "2000"]));
    insta::assert_snapshot!(
        "partner_remove_unknown",
        cpor(&env, &["partner", "remove", "4242"])
    );
    insta::assert_snapshot!(
        "partner_add_bad_program",
        cpor(
            &env,
            &[
                "partner",
                "add",
                "3000",
                "--name",
                "X",
                "--program",
                "osu-azure"
            ]
        )
    );
}

// ---------------------------------------------------------------------------------------------
// calendar

#[test]
fn calendar() {
    let env = Env::with_fixed_length_root();
    insta::assert_snapshot!(
        "calendar_set",
        cpor(
            &env,
            &[
                "calendar",
                "set",
                "uk",
                "--tz",
                "Europe/London",
                "--cutoff",
                "17:00",
            ]
        )
    );
    insta::assert_snapshot!(
        "calendar_holiday_add",
        cpor(
            &env,
            &[
                "calendar",
                "holiday",
                "add",
                "uk",
                "2025-12-25",
                "--label",
                "Christmas Day",
            ]
        )
    );
    let csv = env.path("uk.csv");
    std::fs::write(
        &csv,
        "date,label\n2025-12-26,Boxing Day\n2026-01-01,New Year's Day\n",
    )
    .unwrap();
    insta::assert_snapshot!(
        "calendar_import_csv",
        cpor(&env, &["calendar", "import", "uk", csv.to_str().unwrap()])
    );
    insta::assert_snapshot!("calendar_show", cpor(&env, &["calendar", "show", "uk"]));
    insta::assert_snapshot!(
        "calendar_show_json",
        cpor(&env, &["calendar", "show", "uk", "--json"])
    );
    insta::assert_snapshot!(
        "calendar_holiday_remove",
        cpor(&env, &["calendar", "holiday", "remove", "uk", "2025-12-25"])
    );
    insta::assert_snapshot!("calendar_show_all", cpor(&env, &["calendar", "show"]));
    insta::assert_snapshot!(
        "calendar_show_unknown",
        cpor(&env, &["calendar", "show", "mars"])
    );
    insta::assert_snapshot!(
        "calendar_set_bad_zone",
        cpor(&env, &["calendar", "set", "uk", "--tz", "Europe/Atlantis"])
    );
    let bad = env.path("bad.csv");
    std::fs::write(&bad, "date,label\n2025-13-01,Nope\n").unwrap();
    insta::assert_snapshot!(
        "calendar_import_bad_csv",
        cpor(&env, &["calendar", "import", "uk", bad.to_str().unwrap()])
    );
}

// ---------------------------------------------------------------------------------------------
// catalog, backup, completions, man, usage errors

#[test]
fn catalog() {
    let env = Env::with_fixed_length_root();
    insta::assert_snapshot!("catalog_table", cpor(&env, &["catalog"]));
    insta::assert_snapshot!("catalog_json", cpor(&env, &["catalog", "--json"]));
    assert!(!env.db.exists(), "the catalog needs no database");
}

#[test]
fn backup() {
    if sqlite_only() {
        return;
    }
    let env = two_claims();
    let dest = env.path("backup.db");
    let dest = dest.to_str().unwrap();
    insta::assert_snapshot!("backup", cpor(&env, &["backup", dest]));
    let mut copy = Env::with_fixed_length_root();
    copy.db = env.path("backup.db");
    assert_eq!(ids(&copy.list_all()), [2, 1], "the backup holds the claims");
    insta::assert_snapshot!("backup_exists", cpor(&env, &["backup", dest]));
}

#[test]
fn completions_and_man() {
    let env = Env::with_fixed_length_root();
    insta::assert_snapshot!(
        "completions_bash",
        head(&cpor(&env, &["completions", "bash"]), 5)
    );
    insta::assert_snapshot!(
        "completions_unknown_shell",
        cpor(&env, &["completions", "cmd.exe"])
    );
    insta::assert_snapshot!("man", head(&cpor(&env, &["man"]), 8));
}

#[test]
fn usage_error_with_json() {
    let env = enrolled();
    insta::assert_snapshot!(
        "list_bad_status_json",
        cpor(&env, &["list", "--status", "frozen", "--json"])
    );
    insta::assert_snapshot!(
        "clap_invalid_value_json",
        cpor(&env, &["list", "--limit", "many", "--json"])
    );
    insta::assert_snapshot!(
        "unknown_subcommand_json",
        cpor(&env, &["frobnicate", "--json"])
    );
}
