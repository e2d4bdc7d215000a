//! SPEC v2 §6 `cpor poe add` and `poe-aging`: PoE versions are history; the newest is `poe`.

use crate::harness::*;
use serde_json::{Value as Json, json};

fn cpor(env: &Env, args: &[&str]) -> Outcome {
    run(env.cmd().args(args).arg("--json"))
}

/// An official M365 claim (ID 1) whose PoE was signed on 2025-05-20.
fn official(env: &mut Env) {
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    env.set_now("2025-06-10T08:00:00Z");
    assert_eq!(cpor(env, &["finalize"]).code, Some(0));
    assert_eq!(env.show(1)["status"], "official");
}

#[test]
fn a_poe_added_to_an_official_claim_becomes_its_poe_and_both_versions_are_listed() {
    let mut env = Env::new();
    official(&mut env);
    let new = env.path("poe/sow-2.pdf");
    std::fs::write(&new, "abcd").unwrap();
    let out = cpor(
        &env,
        &[
            "poe",
            "add",
            "1",
            "--poe",
            new.to_str().unwrap(),
            "--poe-signed",
            "2025-06-09",
            "--reason",
            "refreshed",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    let c = env.show(1);
    let newest = json!({
        "location": new.to_str().unwrap(),
        "sha256": "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589",
        "size": 4,
        "signed_on": "2025-06-09",
    });
    assert_eq!(c["poe"], newest);
    let versions = c["poe_versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["sha256"], POE_SHA256);
    assert_eq!(versions[0]["added_at"], "2025-06-02T10:00:00Z");
    assert_eq!(versions[1]["location"], newest["location"]);
    assert_eq!(versions[1]["added_at"], "2025-06-10T08:00:00Z");
    let last = c["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "poe-added");
    assert_eq!(last["from"], "official");
    assert_eq!(last["to"], "official");
    assert_eq!(last["reason"], "refreshed");
    assert_eq!(last["poe"], newest);
    // A URL is recorded as given.
    let out = cpor(
        &env,
        &[
            "poe",
            "add",
            "1",
            "--poe",
            "https://contoso.example/sow.pdf",
            "--poe-signed",
            "2025-06-10",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        env.show(1)["poe"]["location"],
        "https://contoso.example/sow.pdf"
    );
    assert_eq!(env.show(1)["poe"]["sha256"], Json::Null);
}

#[test]
fn a_new_version_is_refused_when_misdated_or_the_claim_has_ended() {
    let mut env = Env::new();
    official(&mut env);
    let poe = env.poe_path();
    let add = |signed: &str| {
        cpor(
            &env,
            &[
                "poe",
                "add",
                "1",
                "--poe",
                poe.to_str().unwrap(),
                "--poe-signed",
                signed,
            ],
        )
    };
    let out = add("2025-06-11");
    assert_eq!(
        (out.code, rule_codes(&out.error())),
        (Some(3), vec!["poe-signed-in-future".to_string()])
    );
    let out = add("2024-06-09");
    assert_eq!(
        (out.code, rule_codes(&out.error())),
        (Some(3), vec!["poe-too-old".to_string()])
    );
    assert_eq!(
        add("2024-06-10").code,
        Some(0),
        "exactly 12 months is accepted"
    );
    run(env.cmd().args(["withdraw", "1", "--reason", "r", "--yes"]));
    let ended = env.snapshot();
    let out = add("2025-06-09");
    assert_eq!(
        (out.code, rule_codes(&out.error())),
        (Some(3), vec!["invalid-transition".to_string()])
    );
    assert_same_snapshot(&ended, &env.snapshot(), "a refused poe add");
}

/// The IDs of `due --json`'s `poe_aging` section.
fn aging(env: &Env, config: Option<&std::path::Path>) -> Vec<i64> {
    let mut cmd = env.cmd();
    if let Some(c) = config {
        cmd.env("CPOR_CONFIG", c);
    }
    let out = run(cmd.args(["due", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let v: Json = serde_json::from_str(&out.stdout).unwrap();
    ids(v["poe_aging"].as_array().unwrap())
}

#[test]
fn poe_aging_starts_exactly_after_poe_refresh_months() {
    let mut env = Env::new();
    official(&mut env);
    // Signed 2025-05-20; default 11 months.
    env.set_now("2026-04-20T23:00:00Z");
    assert_eq!(aging(&env, None), Vec::<i64>::new());
    env.set_now("2026-04-21T00:00:00Z");
    assert_eq!(aging(&env, None), [1]);
    let config = env.path("config/one.toml");
    std::fs::write(&config, "poe_refresh_months = 1\n").unwrap();
    env.set_now("2025-06-20T12:00:00Z");
    assert_eq!(aging(&env, Some(&config)), Vec::<i64>::new());
    env.set_now("2025-06-21T12:00:00Z");
    assert_eq!(aging(&env, Some(&config)), [1]);
    // A fresh version ends the aging.
    let poe = env.poe_path();
    let out = cpor(
        &env,
        &[
            "poe",
            "add",
            "1",
            "--poe",
            poe.to_str().unwrap(),
            "--poe-signed",
            "2025-06-21",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(aging(&env, Some(&config)), Vec::<i64>::new());
    std::fs::write(&config, "poe_refresh_months = 13\n").unwrap();
    let out = run(env.cmd().env("CPOR_CONFIG", &config).args(["due"]));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("poe_refresh_months"), "{out}");
}
