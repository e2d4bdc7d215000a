//! SPEC v2 §4, §6 `cpor edit`: corrections are history, checked like `claim`, never moving the
//! deadline or the unit.

use crate::harness::*;
use serde_json::{Value as Json, json};

/// `cpor <args> --json`.
fn cpor(env: &Env, args: &[&str]) -> Outcome {
    run(env.cmd().args(args).arg("--json"))
}

/// The unit and window of a claim, which no edit may change.
fn fixed(c: &Json) -> Json {
    json!([
        c["partner_id"],
        c["tenant_id"],
        c["program"],
        c["workload"],
        c["subscription_id"],
        c["deadline"],
        c["deadline_day"],
        c["notified_at"],
        c["status"]
    ])
}

/// An osa-sell claim (ID 1) on tenant A.
fn osa_sell(env: &Env) -> Json {
    env.partner("1000", &["osa-sell", "osu-m365"]);
    env.file(&env.bizapps("osa-sell"))[0].clone()
}

#[test]
fn each_field_is_edited_with_one_event_naming_its_change() {
    let env = Env::new();
    let original = osa_sell(&env);
    let cases: &[(&str, &str, &str, Json, Json)] = &[
        (
            "--name",
            "Contoso sales",
            "name",
            json!("contoso.com d365-sales"),
            json!("Contoso sales"),
        ),
        (
            "--domain",
            "contoso.net",
            "domain",
            json!("contoso.com"),
            json!("contoso.net"),
        ),
        (
            "--customer-name",
            "Ann Lee-Smith",
            "customer.name",
            json!("Ann Lee"),
            json!("Ann Lee-Smith"),
        ),
        (
            "--customer-title",
            "CTO",
            "customer.title",
            json!("CIO"),
            json!("CTO"),
        ),
        (
            "--customer-email",
            "ann.lee@contoso.com",
            "customer.email",
            json!("ann@contoso.com"),
            json!("ann.lee@contoso.com"),
        ),
        (
            "--technical-name",
            "Tim Tech",
            "technical.name",
            json!("Tom Tech"),
            json!("Tim Tech"),
        ),
        (
            "--technical-title",
            "Admin",
            "technical.title",
            json!("IT Manager"),
            json!("Admin"),
        ),
        (
            "--technical-email",
            "tim@contoso.com",
            "technical.email",
            json!("tom@contoso.com"),
            json!("tim@contoso.com"),
        ),
        (
            "--partner-contact",
            "Pia Kim",
            "partner_contact.name",
            json!("Pat Kim"),
            json!("Pia Kim"),
        ),
        (
            "--partner-email",
            "pia@partner.example.com",
            "partner_contact.email",
            json!("pat@partner.example.com"),
            json!("pia@partner.example.com"),
        ),
        (
            "--channel",
            "web-direct",
            "channel",
            json!("vl"),
            json!("web-direct"),
        ),
        (
            "--purchase-date",
            "2025-04-01",
            "purchase_date",
            json!("2025-05-01"),
            json!("2025-04-01"),
        ),
        (
            "--comment",
            "from the invoice",
            "comment",
            json!(null),
            json!("from the invoice"),
        ),
    ];
    for (i, (flag, value, field, old, new)) in cases.iter().enumerate() {
        let out = cpor(&env, &["edit", "1", flag, value, "--reason", "typo"]);
        assert_eq!(out.code, Some(0), "{flag}\n{out}");
        let shown = env.show(1);
        let history = shown["history"].as_array().unwrap();
        assert_eq!(history.len(), i + 2, "one event per edit");
        let last = &history[i + 1];
        assert_eq!(last["action"], "edited");
        assert_eq!(last["from"], "pending");
        assert_eq!(last["to"], "pending");
        assert_eq!(last["reason"], "typo");
        assert_eq!(last["changes"], json!({ *field: [old, new] }), "{flag}");
        assert_eq!(
            fixed(&shown),
            fixed(&original),
            "{flag} moved the window or unit"
        );
        // stdout is the edited claim.
        let printed: Json = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(printed[0]["id"], 1);
    }
    let c = env.show(1);
    assert_eq!(c["customer"]["email"], "ann.lee@contoso.com");
    assert_eq!(c["technical"]["name"], "Tim Tech");
    assert_eq!(c["channel"], "web-direct");
    assert_eq!(c["domain"], "contoso.net");
}

#[test]
fn the_new_domain_is_pinned_to_the_claims_tenant() {
    let mut env = Env::new();
    osa_sell(&env);
    assert_eq!(
        cpor(
            &env,
            &["edit", "1", "--domain", "contoso.net", "--reason", "r"]
        )
        .code,
        Some(0)
    );
    env.set_now("2025-06-03T10:00:00Z");
    let other = env
        .m365()
        .set("--tenant", TENANT_B)
        .set("--domain", "contoso.net");
    let out = run(other.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(rule_codes(&out.error()), ["domain-tenant-mismatch"]);
    assert!(
        out.error()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("pinned by claim 1")
    );
}

#[test]
fn edits_are_refused_by_each_rule_and_write_nothing() {
    let env = Env::new();
    osa_sell(&env);
    // fabrikam.com is pinned to tenant B by claim 2.
    env.file(
        &env.m365()
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B),
    );
    let before = env.snapshot();
    let refused = |args: &[&str], code: &str| {
        let mut all = vec!["edit", "1"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--reason", "r"]);
        let out = cpor(&env, &all);
        assert_eq!(out.code, Some(3), "{args:?}\n{out}");
        assert_eq!(rule_codes(&out.error()), [code], "{args:?}");
        out
    };
    let out = refused(&["--domain", DOMAIN_B], "domain-tenant-mismatch");
    assert!(out.stderr.contains("pinned by claim 2"), "{out}");
    refused(&["--channel", "csp"], "csp-excluded");
    refused(&["--technical-email", ""], "technical-contact-required");
    refused(
        &["--purchase-date", "2025-06-03"],
        "purchase-date-in-future",
    );
    // Every failing rule at once.
    let out = cpor(
        &env,
        &[
            "edit",
            "1",
            "--channel",
            "csp",
            "--domain",
            DOMAIN_B,
            "--reason",
            "r",
        ],
    );
    assert_eq!(
        rule_codes(&out.error()),
        ["domain-tenant-mismatch", "csp-excluded"]
    );
    // Usage errors: nothing to change, Business Applications flags on an M365 claim.
    assert_eq!(cpor(&env, &["edit", "1", "--reason", "r"]).code, Some(2));
    let out = cpor(&env, &["edit", "2", "--channel", "vl", "--reason", "r"]);
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(
        cpor(&env, &["edit", "9", "--name", "x", "--reason", "r"]).code,
        Some(4)
    );
    assert_same_snapshot(&before, &env.snapshot(), "refused edits");
}

#[test]
fn a_purchase_date_recomputes_the_90_day_warning() {
    let env = Env::new();
    osa_sell(&env);
    let out = cpor(
        &env,
        &[
            "edit",
            "1",
            "--purchase-date",
            "2025-02-01",
            "--reason",
            "invoice",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    let c = env.show(1);
    assert_eq!(c["warnings"][0]["code"], "osa-90-day-window");
    let changes = &c["history"][1]["changes"];
    assert_eq!(
        changes["purchase_date"],
        json!(["2025-05-01", "2025-02-01"])
    );
    assert_eq!(changes["warnings"][0], json!([]));
    cpor(
        &env,
        &[
            "edit",
            "1",
            "--purchase-date",
            "2025-05-01",
            "--reason",
            "back",
        ],
    );
    assert_eq!(env.show(1)["warnings"], json!([]));
}

#[test]
fn an_ended_claim_cannot_be_edited() {
    let env = Env::new();
    osa_sell(&env);
    run(env.cmd().args(["withdraw", "1", "--reason", "r", "--yes"]));
    let out = cpor(&env, &["edit", "1", "--name", "x", "--reason", "r"]);
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(rule_codes(&out.error()), ["invalid-transition"]);
}

#[test]
fn an_edit_that_changes_nothing_records_nothing_and_a_dry_run_writes_nothing() {
    let env = Env::new();
    osa_sell(&env);
    let before = env.snapshot();
    let out = cpor(
        &env,
        &[
            "edit",
            "1",
            "--customer-name",
            "Ann Lee",
            "--channel",
            "vl",
            "--reason",
            "r",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert!(out.stderr.contains("nothing changed"), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "a no-op edit");
    let out = cpor(
        &env,
        &[
            "edit",
            "1",
            "--customer-email",
            "x@contoso.com",
            "--reason",
            "r",
            "--dry-run",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    let would: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(would[0]["customer"]["email"], "x@contoso.com");
    assert!(out.stderr.contains("dry run"), "{out}");
    assert_same_snapshot(&before, &env.snapshot(), "a dry-run edit");
}
