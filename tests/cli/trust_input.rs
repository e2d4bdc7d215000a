//! SPEC v2 §3 and §6: every malformed input is a usage error (exit 2) that writes nothing — not
//! even a database file or its directory — and never panics; confirmations that cannot be
//! asked need `--yes`; reads and dry runs never create a database; created directories are 0700.

use crate::harness::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

/// Run `cpor <args>` (with `--json`) and assert a usage error: exit 2, no panic, a JSON error
/// of kind `usage`, and the stderr text mentioning `needle`.
#[track_caller]
fn usage_error(env: &Env, args: &[&str], needle: &str) -> Outcome {
    let out = run(env.cmd().args(args).arg("--json"));
    assert_eq!(out.code, Some(2), "{args:?}\n{out}");
    assert!(!out.stderr.contains("panicked"), "{args:?}\n{out}");
    assert_eq!(out.error()["error"]["kind"], "usage", "{out}");
    assert!(
        out.stderr.contains(needle),
        "{args:?}: wanted {needle:?}\n{out}"
    );
    out
}

/// Neither the database nor its directory exists.
#[track_caller]
fn nothing_created(env: &Env) {
    let dir = env.db.parent().unwrap();
    assert!(!dir.exists(), "{} was created", dir.display());
}

/// A claim with one flag replaced must be a usage error naming `flag`, and create nothing.
#[track_caller]
fn claim_refused_with(env: &Env, flag: &str, value: &str) {
    let args = env.m365().set(flag, value).args();
    let mut full = vec!["claim".to_string()];
    full.extend(args);
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    usage_error(env, &full, flag);
    nothing_created(env);
}

#[test]
fn an_unknown_workload_is_a_usage_error_everywhere() {
    let env = Env::new();
    claim_refused_with(&env, "--workload", "team");
    usage_error(
        &env,
        &["list", "--workload", "team"],
        "unknown workload 'team'",
    );
    nothing_created(&env);
    // opt-out --tenant with a typo must not be "nothing to do": the opt-out would be lost.
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let before = env.snapshot();
    usage_error(
        &env,
        &[
            "opt-out",
            "--tenant",
            TENANT_A,
            "--workload",
            "team",
            "--yes",
        ],
        "unknown workload 'team'",
    );
    assert_same_snapshot(&before, &env.snapshot(), "opt-out with an unknown workload");
}

#[test]
fn free_text_refuses_control_and_bidi_characters_naming_the_flag() {
    let env = Env::new();
    for (flag, value) in [
        ("--comment", "ok\u{1b}[2Jgone"),
        ("--customer-name", "Ann \u{202e}eeL"),
        ("--customer-title", "CIO\nCEO"),
        ("--partner-contact", "Pat\u{7f}"),
        ("--name", "claim \u{9b}31m"),
        ("--technical-name", "x\u{2066}y"),
    ] {
        claim_refused_with(&env, flag, value);
    }
    usage_error(
        &env,
        &[
            "partner",
            "add",
            "1",
            "--name",
            "a\u{1b}]0;pwned\u{7}",
            "--program",
            "osu-m365",
        ],
        "--name",
    );
    usage_error(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "default",
            "2025-12-25",
            "--label",
            "x\u{1b}[1m",
        ],
        "--label",
    );
    usage_error(&env, &["--actor", "eve\u{202d}", "list"], "--actor");
    nothing_created(&env);
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let before = env.snapshot();
    usage_error(
        &env,
        &["withdraw", "1", "--reason", "a\rb", "--yes"],
        "--reason",
    );
    usage_error(&env, &["opt-out", "1", "--reason", "\u{2069}x"], "--reason");
    assert_same_snapshot(&before, &env.snapshot(), "refused free text");
}

#[test]
fn free_text_has_a_length_limit() {
    let env = Env::new();
    claim_refused_with(&env, "--customer-name", &"a".repeat(1001));
    claim_refused_with(&env, "--comment", &"a".repeat(4001));
    // 4,000 characters is still a comment; 1,000 still a name (multi-byte characters count once).
    env.partner("1000", &["osu-m365"]);
    env.file(
        &env.m365()
            .set("--comment", &"é".repeat(4000))
            .set("--customer-name", &"ä".repeat(1000)),
    );
}

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_not_a_panic() {
    let env = Env::new();
    let bad = OsString::from_vec(vec![b'a', 0xff, 0xfe, b'z']);
    for args in [
        vec![OsString::from("list"), bad.clone()],
        vec![OsString::from("show"), bad.clone()],
        vec![OsString::from("--db"), bad.clone(), OsString::from("list")],
        vec![
            OsString::from("partner"),
            OsString::from("add"),
            OsString::from("1"),
            OsString::from("--name"),
            bad.clone(),
            OsString::from("--program"),
            OsString::from("osu-m365"),
        ],
    ] {
        for json in [false, true] {
            let mut cmd = env.cmd();
            cmd.args(&args);
            if json {
                cmd.arg("--json");
            }
            let out = run(cmd);
            assert_eq!(out.code, Some(2), "{args:?}\n{out}");
            assert!(out.stderr.contains("not valid UTF-8"), "{out}");
            if json {
                assert_eq!(out.error()["error"]["code"], "invalid-utf8");
            }
        }
    }
    nothing_created(&env);
}

#[test]
fn numbers_out_of_range_are_usage_errors() {
    let env = Env::new();
    usage_error(&env, &["list", "--limit", "9223372036854775808"], "--limit");
    usage_error(&env, &["list", "--limit=-1"], "--limit");
    usage_error(&env, &["show", "0"], "claim ID");
    usage_error(&env, &["show", "9223372036854775808"], "claim ID");
    usage_error(
        &env,
        &["withdraw", "0", "--reason", "x", "--yes"],
        "claim ID",
    );
    usage_error(&env, &["opt-out", "18446744073709551616"], "claim ID");
    nothing_created(&env);
    // The largest values are fine: an empty result, not an error.
    env.partner("1000", &["osu-m365"]);
    assert!(env.list(&["--limit", "9223372036854775807"]).is_empty());
    let out = run(env.cmd().args(["show", "9223372036854775807"]));
    assert_eq!(out.code, Some(4), "{out}");
}

#[test]
fn notified_at_is_bounded_by_now_the_poe_and_the_backdate_limit() {
    let env = Env::new();
    // NOW is 2025-06-02T10:00Z; the PoE was signed 2025-05-20.
    claim_refused_with(&env, "--notified-at", "2025-06-02T10:00:01Z");
    claim_refused_with(&env, "--notified-at", "0001-01-01T00:00:00Z");
    claim_refused_with(&env, "--notified-at", "2025-05-19T23:59:59Z");
    let env = Env::new();
    // Signed long ago, notified a second more than 30 days before filing: over the default.
    let old = env.m365().set("--poe-signed", "2025-01-10");
    let out = run(old
        .clone()
        .set("--notified-at", "2025-05-03T09:59:59Z")
        .cmd(&env)
        .arg("--json"));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("max_notified_backdate_days"), "{out}");
    nothing_created(&env);
    env.partner("1000", &["osu-m365"]);
    let filed = env.file(&old.clone().set("--notified-at", "2025-05-03T10:00:00Z"));
    assert_eq!(filed[0]["notified_at"], "2025-05-03T10:00:00Z");
    // The config key narrows it.
    let config = env.path("config/cpor/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "max_notified_backdate_days = 0\n").unwrap();
    let before = env.snapshot();
    let out = run(old
        .set("--workload", "exchange")
        .set("--notified-at", "2025-06-02T09:59:59Z")
        .cmd(&env));
    assert_eq!(out.code, Some(2), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "backdated notification");
}

#[test]
fn a_poe_url_needs_a_host() {
    let env = Env::new();
    claim_refused_with(&env, "--poe", "https://");
    claim_refused_with(&env, "--poe", "http://");
    claim_refused_with(&env, "--poe", "https://exa mple.com/x");
    env.partner("1000", &["osu-m365"]);
    let filed = env.file(
        &env.m365()
            .set("--poe", "https://contoso.sharepoint.com/sow.pdf"),
    );
    assert_eq!(
        filed[0]["poe"]["location"],
        "https://contoso.sharepoint.com/sow.pdf"
    );
}

#[test]
fn weekend_lists_have_no_empty_items_and_holidays_fall_in_1900_to_2999() {
    let env = Env::new();
    for w in [",", "sat,,sun", "sat,", ""] {
        usage_error(
            &env,
            &["calendar", "set", "eu", "--weekend", w],
            "--weekend",
        );
    }
    for d in ["1899-12-25", "3000-01-01"] {
        usage_error(
            &env,
            &["calendar", "holiday", "add", "default", d],
            "outside the years",
        );
    }
    nothing_created(&env);
}

#[test]
fn withdraw_without_a_terminal_needs_yes() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let before = env.snapshot();
    // `echo n | cpor withdraw`: no terminal, so no question, so no withdrawal.
    let out = run(env
        .cmd()
        .args(["withdraw", "1", "--reason", "x", "--json"])
        .write_stdin("n\n"));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("--yes"), "{out}");
    assert_eq!(out.error()["error"]["code"], "confirmation-required");
    let out = run(env
        .cmd()
        .args(["--no-input", "withdraw", "1", "--reason", "x"]));
    assert_eq!(out.code, Some(2), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "withdraw without --yes");
    env.cmd()
        .args(["withdraw", "1", "--reason", "x", "--yes"])
        .assert()
        .success();
    assert_eq!(env.show(1)["status"], "withdrawn");
}

#[test]
fn opting_out_several_claims_of_a_tenant_without_a_terminal_needs_yes() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365().add("--workload", "exchange"));
    let before = env.snapshot();
    let out = run(env.cmd().args(["opt-out", "--tenant", TENANT_A]));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("--yes"), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "opt-out --tenant without --yes");
    // One claim is not "several": no question.
    env.cmd()
        .args(["opt-out", "--tenant", TENANT_A, "--workload", "teams"])
        .assert()
        .success();
    env.cmd()
        .args(["opt-out", "--tenant", TENANT_A, "--yes"])
        .assert()
        .success();
    assert!(env.list(&["--status", "pending"]).is_empty());
}

#[test]
fn reads_dry_runs_and_refusals_on_a_missing_database_create_nothing() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    for args in [
        &["list"][..],
        &["show", "1"],
        &["partner", "list"],
        &["calendar", "show"],
        &["finalize", "--dry-run"],
        &["withdraw", "1", "--reason", "x", "--yes"],
        &["opt-out", "1"],
        &["partner", "remove", "1000"],
    ] {
        let out = run(env.cmd().args(args).arg("--json"));
        assert_eq!(out.code, Some(6), "{args:?}\n{out}");
        let err = out.error();
        assert_eq!(err["error"]["code"], "db-missing", "{out}");
        let msg = err["error"]["message"].as_str().unwrap();
        assert!(msg.contains(env.db.to_str().unwrap()), "{msg}");
        assert!(out.stderr.contains("cpor partner add"), "{out}");
        nothing_created(&env);
    }
    for args in [&["catalog"][..], &["troubleshoot"]] {
        run(env.cmd().args(args));
        nothing_created(&env);
    }
    // A claim (real or dry run) on a missing database is refused: no PartnerID is enrolled.
    for claim in [env.m365(), env.m365().set("--dry-run", "")] {
        let mut args = claim.args();
        args.retain(|a| !a.is_empty());
        let out = run(env.cmd().arg("claim").args(&args).arg("--json"));
        assert_eq!(out.code, Some(3), "{out}");
        assert_eq!(rule_codes(&out.error()), ["partner-not-enrolled"]);
        nothing_created(&env);
    }
    // The first write creates it.
    env.partner("1000", &["osu-m365"]);
    assert!(env.db.exists());
}

#[test]
fn created_directories_are_private_under_any_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let db = env.path("a/b/cpor.db");
    let script = format!(
        "umask 000; exec \"$0\" --db '{}' partner add 1 --name N --program osu-m365",
        db.display()
    );
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("cpor"))
        .env_clear()
        .envs(env.vars());
    let status = cmd.status().unwrap();
    assert!(status.success());
    for dir in [env.path("a"), env.path("a/b")] {
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", dir.display());
    }
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
