//! Every CPOR rule of SPEC §3, seen from the command line: exit 3, a JSON error of kind
//! `refused` naming the rule with a sentence and a remedy, `error:`/`hint:` lines, nothing on
//! stdout and not one byte of the database changed.

use crate::harness::*;
use serde_json::Value as Json;

/// File `claim` with `--json` and check it is refused by `code` and writes nothing. Returns
/// the JSON error for further checks.
pub fn assert_refused(env: &Env, claim: &ClaimBuilder, code: &str) -> Json {
    let before = env.snapshot();
    let out = run(claim.cmd(env).arg("--json"));
    assert_eq!(out.code, Some(3), "expected a refusal by {code}\n{out}");
    assert_eq!(out.stdout, "", "a refusal prints nothing on stdout\n{out}");
    let err = out.error();
    assert_eq!(err["error"]["kind"], "refused", "{out}");
    assert_eq!(err["error"]["code"], code, "{out}");
    let rules = err["error"]["rules"].as_array().expect("rules[]");
    let rule = rules
        .iter()
        .find(|r| r["code"] == code)
        .unwrap_or_else(|| panic!("rules[] lacks {code}\n{out}"));
    for key in ["message", "remedy"] {
        assert!(
            rule[key].as_str().is_some_and(|s| !s.trim().is_empty()),
            "rule {code} has an empty {key}\n{out}"
        );
    }
    assert!(
        out.stderr.lines().any(|l| l.starts_with("error: ")),
        "no error: line\n{out}"
    );
    assert!(
        out.stderr.lines().any(|l| l.starts_with("hint: ")),
        "no hint: line\n{out}"
    );
    assert_same_snapshot(&before, &env.snapshot(), "a refusal");
    err
}

/// The message of the rule `code` in a JSON error.
fn rule_message(err: &Json, code: &str) -> String {
    err["error"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
        .and_then(|r| r["message"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn rule_remedy(err: &Json, code: &str) -> String {
    err["error"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
        .and_then(|r| r["remedy"].as_str())
        .unwrap_or_default()
        .to_string()
}

/// An environment with partner 1000 enrolled in every program.
fn enrolled() -> Env {
    let env = Env::new();
    env.partner("1000", &["osa-sell", "osu-m365", "osu-bizapps"]);
    env
}

#[test]
fn partner_not_enrolled_unknown_partner() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.m365().set("--partner-id", "9999"),
        "partner-not-enrolled",
    );
    assert_eq!(rule_codes(&err), ["partner-not-enrolled"]);
    assert!(rule_message(&err, "partner-not-enrolled").contains("9999"));
    assert!(rule_remedy(&err, "partner-not-enrolled").contains("cpor partner add"));
}

#[test]
fn partner_not_enrolled_in_that_program() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let err = assert_refused(&env, &env.bizapps("osa-sell"), "partner-not-enrolled");
    assert_eq!(rule_codes(&err), ["partner-not-enrolled"]);
    assert!(rule_remedy(&err, "partner-not-enrolled").contains("cpor partner add"));
}

#[test]
fn workload_not_in_program() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.bizapps("osa-sell").set("--workload", "teams"),
        "workload-not-in-program",
    );
    assert_eq!(rule_codes(&err), ["workload-not-in-program"]);
    // And the other way round: a Dynamics product under OSU – Microsoft 365.
    assert_refused(
        &env,
        &env.m365().set("--workload", "d365-sales"),
        "workload-not-in-program",
    );
}

#[test]
fn domain_tenant_mismatch() {
    let env = enrolled();
    env.file(&env.m365());
    let err = assert_refused(
        &env,
        &env.m365().set("--tenant", TENANT_B),
        "domain-tenant-mismatch",
    );
    assert_eq!(rule_codes(&err), ["domain-tenant-mismatch"]);
    let msg = rule_message(&err, "domain-tenant-mismatch");
    assert!(msg.contains(DOMAIN_A) && msg.contains(TENANT_A), "{msg}");
    // A tenant may have several domains: a new domain for tenant A is fine.
    env.file(
        &env.m365()
            .set("--domain", "contoso.onmicrosoft.com")
            .set("--workload", "exchange"),
    );
}

#[test]
fn subscription_required() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.bizapps("osu-bizapps").remove("--subscription"),
        "subscription-required",
    );
    assert_eq!(rule_codes(&err), ["subscription-required"]);
}

#[test]
fn subscription_tenant_mismatch() {
    let env = enrolled();
    env.file(&env.bizapps("osu-bizapps"));
    let err = assert_refused(
        &env,
        &env.bizapps("osu-bizapps")
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B),
        "subscription-tenant-mismatch",
    );
    assert_eq!(rule_codes(&err), ["subscription-tenant-mismatch"]);
    assert!(rule_message(&err, "subscription-tenant-mismatch").contains(SUB_1));
}

#[test]
fn channel_required() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.bizapps("osu-bizapps").remove("--channel"),
        "channel-required",
    );
    assert_eq!(rule_codes(&err), ["channel-required"]);
}

#[test]
fn csp_excluded() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.bizapps("osa-sell").set("--channel", "csp"),
        "csp-excluded",
    );
    assert_eq!(rule_codes(&err), ["csp-excluded"]);
    // Web-Direct is as good as VL.
    env.file(&env.bizapps("osa-sell").set("--channel", "web-direct"));
}

#[test]
fn technical_contact_required() {
    let env = enrolled();
    for missing in ["--technical-name", "--technical-title", "--technical-email"] {
        let err = assert_refused(
            &env,
            &env.bizapps("osu-bizapps").remove(missing),
            "technical-contact-required",
        );
        assert_eq!(rule_codes(&err), ["technical-contact-required"]);
    }
}

#[test]
fn poe_too_old_is_twelve_calendar_months() {
    let env = enrolled();
    // Filed on 2025-06-02: one day more than 12 months is refused...
    let err = assert_refused(
        &env,
        &env.m365().set("--poe-signed", "2024-06-01"),
        "poe-too-old",
    );
    assert_eq!(rule_codes(&err), ["poe-too-old"]);
    // ...exactly 12 calendar months is accepted.
    let filed = env.file(&env.m365().set("--poe-signed", "2024-06-02"));
    assert_eq!(filed[0]["poe"]["signed_on"], "2024-06-02");
}

#[test]
fn poe_signed_on_the_filing_day_is_fine_but_not_after() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.m365().set("--poe-signed", "2025-06-03"),
        "poe-signed-in-future",
    );
    assert_eq!(rule_codes(&err), ["poe-signed-in-future"]);
    env.file(&env.m365().set("--poe-signed", "2025-06-02"));
}

#[test]
fn purchase_date_required_for_osa_sell() {
    let env = enrolled();
    let err = assert_refused(
        &env,
        &env.bizapps("osa-sell").remove("--purchase-date"),
        "purchase-date-required",
    );
    assert_eq!(rule_codes(&err), ["purchase-date-required"]);
    // OSU – Business Applications does not need one.
    env.file(&env.bizapps("osu-bizapps").remove("--purchase-date"));
}

#[test]
fn already_associated_names_the_holder() {
    let mut env = enrolled();
    env.partner("2000", &["osu-m365"]);
    let held = env.file(&env.m365());
    let held_id = held[0]["id"].as_i64().unwrap();
    // A week later another PartnerID tries the same unit.
    env.set_now("2025-06-09T08:00:00Z");
    let err = assert_refused(
        &env,
        &env.m365().set("--partner-id", "2000"),
        "already-associated",
    );
    assert_eq!(rule_codes(&err), ["already-associated"]);
    let msg = rule_message(&err, "already-associated");
    for part in [
        "1000".to_string(),
        format!("claim {held_id}"),
        "pending".to_string(),
        NOW.to_string(),
    ] {
        assert!(msg.contains(&part), "message lacks {part:?}: {msg}");
    }
}

#[test]
fn duplicate_claim_same_partner_same_unit_same_program() {
    let env = enrolled();
    env.file(&env.m365());
    let err = assert_refused(&env, &env.m365(), "duplicate-claim");
    assert_eq!(rule_codes(&err), ["duplicate-claim"]);
    // Within one command, a second workload that is already held refuses the whole command.
    let err = assert_refused(
        &env,
        &env.m365()
            .set("--workload", "exchange")
            .add("--workload", "teams"),
        "duplicate-claim",
    );
    assert_eq!(rule_codes(&err), ["duplicate-claim"]);
}

#[test]
fn every_failing_rule_is_listed_and_code_is_the_first() {
    let env = enrolled();
    let claim = env
        .bizapps("osu-bizapps")
        .remove("--subscription")
        .remove("--channel")
        .remove("--technical-email");
    let err = assert_refused(&env, &claim, "subscription-required");
    let mut codes = rule_codes(&err);
    assert_eq!(err["error"]["code"], codes[0].as_str());
    codes.sort();
    assert_eq!(
        codes,
        [
            "channel-required",
            "subscription-required",
            "technical-contact-required"
        ]
    );
    // Each failing rule also shows up in the human-readable output.
    let out = run(claim.cmd(&env));
    assert_eq!(out.code, Some(3), "{out}");
    for code in &codes {
        assert!(out.stderr.contains(code.as_str()), "{code} missing\n{out}");
    }
}

#[test]
fn one_partner_may_hold_osa_sell_and_osu_bizapps_on_one_subscription() {
    let env = enrolled();
    env.partner("2000", &["osa-sell", "osu-bizapps"]);
    let sell = env.file(&env.bizapps("osa-sell"));
    let usage = env.file(&env.bizapps("osu-bizapps").set("--workload", "d365-finance"));
    assert_eq!(sell[0]["subscription_id"], SUB_1);
    assert_eq!(usage[0]["subscription_id"], SUB_1);
    // Nobody else may hold either program on that subscription, whatever product they name.
    for program in ["osa-sell", "osu-bizapps"] {
        for workload in ["d365-sales", "d365-marketing"] {
            let err = assert_refused(
                &env,
                &env.bizapps(program)
                    .set("--partner-id", "2000")
                    .set("--workload", workload),
                "already-associated",
            );
            assert!(
                rule_codes(&err).iter().all(|c| c == "already-associated"),
                "{err}"
            );
        }
    }
    // The holder itself cannot file either program a second time.
    assert_refused(
        &env,
        &env.bizapps("osa-sell").set("--workload", "d365-finance"),
        "duplicate-claim",
    );
    assert_eq!(env.list_all().len(), 2);
}

/// The purchase date `days` days before 2025-06-02.
fn purchased_days_before_filing(days: i64) -> String {
    let filing = chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    (filing - chrono::Duration::days(days)).to_string()
}

#[test]
fn osa_sell_filed_late_is_valid_with_a_warning() {
    let env = enrolled();
    let claim = env
        .bizapps("osa-sell")
        .set("--purchase-date", &purchased_days_before_filing(91));
    let out = run(claim.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stderr.contains("osa-90-day-window"),
        "the warning is shown on stderr\n{out}"
    );
    let filed: Json = serde_json::from_str(&out.stdout).unwrap();
    let id = filed[0]["id"].as_i64().unwrap();
    let shown = env.show(id);
    let warnings = shown["warnings"].as_array().expect("warnings[]");
    assert_eq!(warnings.len(), 1, "{shown}");
    assert_eq!(warnings[0]["code"], "osa-90-day-window");
    assert!(
        warnings[0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
}

#[test]
fn osa_sell_filed_on_day_ninety_has_no_warning() {
    let env = enrolled();
    let claim = env
        .bizapps("osa-sell")
        .set("--purchase-date", &purchased_days_before_filing(90));
    let out = run(claim.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(!out.stderr.contains("osa-90-day-window"), "{out}");
    let id = serde_json::from_str::<Json>(&out.stdout).unwrap()[0]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(env.show(id)["warnings"], serde_json::json!([]));
}

#[test]
fn all_workloads_of_one_command_are_filed_together_or_not_at_all() {
    let env = enrolled();
    // teams alone would be accepted; d365-sales is not an OSU – M365 workload.
    let err = assert_refused(
        &env,
        &env.m365().add("--workload", "d365-sales"),
        "workload-not-in-program",
    );
    assert_eq!(rule_codes(&err), ["workload-not-in-program"]);
    assert!(env.list_all().is_empty());
    // A refused command did not record the domain for the tenant either.
    env.file(&env.m365().set("--tenant", TENANT_B));
}

/// `cpor <args> --json` must be refused by `code` and change nothing (for lifecycle commands).
fn assert_command_refused(env: &Env, args: &[&str], code: &str) -> Json {
    let before = env.snapshot();
    let out = run(env.cmd().args(args).arg("--json"));
    assert_eq!(out.code, Some(3), "cpor {args:?}\n{out}");
    assert_eq!(out.stdout, "", "{out}");
    let err = out.error();
    assert_eq!(err["error"]["kind"], "refused", "{out}");
    assert_eq!(err["error"]["code"], code, "{out}");
    assert!(!rule_message(&err, code).is_empty(), "{out}");
    assert!(!rule_remedy(&err, code).is_empty(), "{out}");
    assert!(
        out.stderr.lines().any(|l| l.starts_with("error: ")),
        "{out}"
    );
    assert!(out.stderr.lines().any(|l| l.starts_with("hint: ")), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "a refused transition");
    err
}

#[test]
fn invalid_transition_withdraw_then_opt_out() {
    let env = enrolled();
    let id = env.file(&env.m365())[0]["id"].as_i64().unwrap().to_string();
    env.cmd()
        .args([
            "withdraw",
            &id,
            "--reason",
            "filed under the wrong PartnerID",
            "--yes",
        ])
        .assert()
        .success();
    let err = assert_command_refused(&env, &["opt-out", &id], "invalid-transition");
    assert_eq!(rule_codes(&err), ["invalid-transition"]);
    assert_eq!(env.show(id.parse().unwrap())["status"], "withdrawn");
}
