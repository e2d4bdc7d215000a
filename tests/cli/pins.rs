//! SPEC v2 §3 tenant pins: the typo scenario end to end, `tenant show` and `tenant unpin`.

use crate::harness::*;
use serde_json::{Value as Json, json};

fn cpor(env: &Env, args: &[&str]) -> Outcome {
    run(env.cmd().args(args).arg("--json"))
}

#[test]
fn a_mistyped_tenant_is_withdrawn_unpinned_and_the_correct_claim_accepted() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    // Claim 1 names contoso.com with the wrong tenant (B): the domain is pinned to B.
    env.file(&env.m365().set("--tenant", TENANT_B));
    env.set_now("2025-06-02T11:00:00Z");
    let correct = env.m365().set("--workload", "exchange");
    let out = run(correct.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    let err = out.error();
    assert_eq!(rule_codes(&err), ["domain-tenant-mismatch"]);
    let rule = &err["error"]["rules"][0];
    assert!(
        rule["message"]
            .as_str()
            .unwrap()
            .contains("pinned by claim 1"),
        "{rule}"
    );
    assert!(
        rule["remedy"].as_str().unwrap().contains("active claim 1"),
        "{rule}"
    );

    // The pin cannot go while claim 1 is active.
    let unpin = [
        "tenant",
        "unpin",
        "--domain",
        DOMAIN_A,
        "--reason",
        "tenant of claim 1 mistyped",
    ];
    let out = run(env.cmd().args(unpin).args(["--yes", "--json"]));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(rule_codes(&out.error()), ["pin-in-use"]);
    assert!(out.stderr.contains("active claim 1"), "{out}");

    env.set_now("2025-06-02T12:00:00Z");
    let out = run(env
        .cmd()
        .args(["withdraw", "1", "--reason", "wrong tenant", "--yes"]));
    assert_eq!(out.code, Some(0), "{out}");
    // Now the refusal names the unpin remedy.
    let out = run(correct.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    let remedy = out.error()["error"]["rules"][0]["remedy"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        remedy.contains("cpor tenant unpin --domain contoso.com --reason"),
        "{remedy}"
    );

    // Without a terminal, unpin needs --yes.
    env.set_now("2025-06-02T13:00:00Z");
    let out = run(env.cmd().args(unpin).arg("--json"));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("--yes"), "{out}");
    let out = run(env.cmd().args(unpin).args(["--yes", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");

    env.set_now("2025-06-02T14:00:00Z");
    let filed = env.file(&correct);
    assert_eq!(ids(&filed), [2]);

    // The wrong tenant's pin log keeps both entries; the right one has its new pin.
    let (wrong, _) = show(&env, &[TENANT_B]);
    assert_eq!(wrong["pins"], json!([]));
    assert_eq!(
        wrong["log"],
        json!([
            {"at": "2025-06-02T10:00:00Z", "actor": "tester", "action": "pin", "kind": "domain",
             "value": DOMAIN_A, "tenant_id": TENANT_B, "reason": "named by claim 1"},
            {"at": "2025-06-02T13:00:00Z", "actor": "tester", "action": "unpin", "kind": "domain",
             "value": DOMAIN_A, "tenant_id": TENANT_B, "reason": "tenant of claim 1 mistyped"},
        ])
    );
    assert_eq!(
        wrong["claims"],
        json!({"pending": 0, "official": 0, "opted_out": 0, "withdrawn": 1})
    );
    let (right, _) = show(&env, &["--domain", DOMAIN_A]);
    assert_eq!(
        right,
        json!({
            "tenant_id": TENANT_A,
            "pins": [{"kind": "domain", "value": DOMAIN_A, "since": "2025-06-02T14:00:00Z",
                      "by_claim": 2, "active_claims": 1}],
            "log": [{"at": "2025-06-02T14:00:00Z", "actor": "tester", "action": "pin",
                     "kind": "domain", "value": DOMAIN_A, "tenant_id": TENANT_A,
                     "reason": "named by claim 2"}],
            "claims": {"pending": 1, "official": 0, "opted_out": 0, "withdrawn": 0},
        })
    );
}

/// `cpor tenant show <args> --json`, which must succeed.
fn show(env: &Env, args: &[&str]) -> (Json, Outcome) {
    let mut all = vec!["tenant", "show"];
    all.extend_from_slice(args);
    let out = cpor(env, &all);
    assert_eq!(out.code, Some(0), "{out}");
    (serde_json::from_str(&out.stdout).unwrap(), out)
}

#[test]
fn subscriptions_are_pinned_and_shown_too() {
    let env = Env::new();
    env.partner("1000", &["osa-sell"]);
    env.file(&env.bizapps("osa-sell"));
    let (t, _) = show(&env, &["--subscription", SUB_1]);
    assert_eq!(t["tenant_id"], TENANT_A);
    let kinds: Vec<&str> = t["pins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["domain", "subscription"]);
    let other = env
        .bizapps("osa-sell")
        .set("--tenant", TENANT_B)
        .set("--domain", DOMAIN_B);
    let out = run(other.cmd(&env).arg("--json"));
    assert_eq!(rule_codes(&out.error()), ["subscription-tenant-mismatch"]);
    assert!(out.stderr.contains("pinned by claim 1"), "{out}");
    // Unknown pins are not found; an unknown tenant has nothing.
    assert_eq!(
        cpor(&env, &["tenant", "show", "--domain", "nowhere.com"]).code,
        Some(4)
    );
    assert_eq!(
        cpor(
            &env,
            &[
                "tenant",
                "unpin",
                "--domain",
                "nowhere.com",
                "--reason",
                "r",
                "--yes"
            ]
        )
        .code,
        Some(4)
    );
    let (empty, _) = show(&env, &[TENANT_B]);
    assert_eq!(empty["pins"], json!([]));
}
