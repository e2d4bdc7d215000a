//! `claim --dry-run`: every check of a real filing, nothing written.

use crate::harness::*;

#[test]
fn dry_run_writes_nothing_and_shows_the_would_be_claims() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let claim = env.m365().add("--workload", "exchange");

    let out = run(claim.cmd(&env).arg("--dry-run"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stdout.contains("teams") && out.stdout.contains("exchange"),
        "{out}"
    );
    assert!(out.stderr.contains("dry run"), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "claim --dry-run");

    let out = run(claim.cmd(&env).args(["--dry-run", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let would: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let would = would.as_array().expect("an array of would-be claims");
    assert_eq!(would.len(), 2);
    assert_eq!(would[0]["workload"], "teams");
    assert_eq!(would[1]["workload"], "exchange");
    assert_eq!(would[0]["deadline"], "2025-06-10T00:00:00Z");
    assert_eq!(would[0]["status"], "pending");
    assert_same_snapshot(&before, &env.snapshot(), "claim --dry-run");
    assert!(env.list_all().is_empty());

    // The real filing afterwards succeeds: the dry run held nothing.
    assert_eq!(env.file(&claim).len(), 2);
}

#[test]
fn a_dry_run_that_would_be_refused_exits_3() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    env.file(&env.m365());
    let before = env.snapshot();
    let out = run(env
        .m365()
        .set("--partner-id", "2000")
        .cmd(&env)
        .args(["--dry-run", "--json"]));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(out.stdout, "", "{out}");
    let err = out.error();
    assert_eq!(err["error"]["kind"], "refused");
    assert_eq!(err["error"]["code"], "already-associated");
    assert_same_snapshot(&before, &env.snapshot(), "a refused dry run");
}

#[test]
fn a_dry_run_with_malformed_input_is_a_usage_error() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let out = run(env
        .m365()
        .set("--tenant", "nope")
        .cmd(&env)
        .args(["--dry-run", "--json"]));
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(out.error()["error"]["kind"], "usage");
    assert_same_snapshot(&before, &env.snapshot(), "a malformed dry run");
}
