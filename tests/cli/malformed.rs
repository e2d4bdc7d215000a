//! Malformed input is a usage error (exit 2, JSON kind `usage`) and writes nothing: on a fresh
//! installation not even the database file (or its directory) appears, and on a populated one
//! not one row changes.

use crate::harness::*;

/// Run `args` (a whole command line after `cpor`) with `--json` twice: in an environment with
/// no database, and in one with a partner and a claim. Both must be usage errors writing
/// nothing. Returns the stderr of the first run.
fn assert_usage(args: impl Fn(&Env) -> Vec<String>) -> String {
    // 1. No database yet: the usage error is found before anything is created.
    let fresh = Env::new();
    let out = run(fresh.cmd().args(args(&fresh)).arg("--json"));
    assert_eq!(out.code, Some(2), "expected a usage error\n{out}");
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(out.error()["error"]["kind"], "usage", "{out}");
    assert!(
        out.stderr.lines().any(|l| l.starts_with("error: ")),
        "{out}"
    );
    assert!(
        !fresh.db.exists(),
        "a usage error created the database file\n{out}"
    );
    assert!(
        !fresh.db.parent().unwrap().exists(),
        "a usage error created the database directory\n{out}"
    );

    // 2. A populated database is left exactly as it was.
    let env = Env::new();
    env.partner("1000", &["osa-sell", "osu-m365", "osu-bizapps"]);
    env.file(&env.m365());
    let before = env.snapshot();
    let again = run(env.cmd().args(args(&env)).arg("--json"));
    assert_eq!(again.code, Some(2), "{again}");
    assert_eq!(again.error()["error"]["kind"], "usage", "{again}");
    assert_same_snapshot(&before, &env.snapshot(), "a usage error");
    out.stderr
}

/// `claim` with the valid OSU – M365 arguments, changed by `f`.
fn m365(f: impl Fn(ClaimBuilder) -> ClaimBuilder) -> impl Fn(&Env) -> Vec<String> {
    move |env: &Env| {
        let mut args = vec!["claim".to_string()];
        args.extend(f(env.m365()).args());
        args
    }
}

/// `claim` with the valid Business Applications arguments, changed by `f`.
fn bizapps(
    program: &'static str,
    f: impl Fn(ClaimBuilder) -> ClaimBuilder,
) -> impl Fn(&Env) -> Vec<String> {
    move |env: &Env| {
        let mut args = vec!["claim".to_string()];
        args.extend(f(env.bizapps(program)).args());
        args
    }
}

#[test]
fn bad_tenant_guid() {
    for bad in [
        "not-a-guid",
        "0f8fad5b-d9cb-469f-a165-70867728950",
        "0f8fad5b-d9cb-469f-a165-70867728950g",
        "",
    ] {
        let stderr = assert_usage(m365(|c| c.set("--tenant", bad)));
        assert!(
            stderr.contains("--tenant") || stderr.contains("tenant"),
            "{stderr}"
        );
    }
}

#[test]
fn bad_subscription_guid() {
    let stderr = assert_usage(bizapps("osu-bizapps", |c| {
        c.set("--subscription", "3f2504e0-4f89-11d3-9a0c")
    }));
    assert!(stderr.contains("subscription"), "{stderr}");
}

#[test]
fn bad_customer_email() {
    for bad in [
        "ann",
        "ann@",
        "@contoso.com",
        "ann at contoso.com",
        "ann@contoso",
    ] {
        let stderr = assert_usage(m365(|c| c.set("--customer-email", bad)));
        assert!(stderr.contains("e-mail"), "{stderr}");
    }
}

#[test]
fn bad_poe_signed_date() {
    for bad in ["2025-13-01", "02/06/2025", "2025-02-30", "yesterday"] {
        let stderr = assert_usage(m365(|c| c.set("--poe-signed", bad)));
        assert!(stderr.contains("--poe-signed"), "{stderr}");
    }
}

#[test]
fn bad_purchase_date() {
    assert_usage(bizapps("osa-sell", |c| {
        c.set("--purchase-date", "2025-5-1x")
    }));
}

#[test]
fn bad_domain() {
    for bad in [
        "contoso",
        "contoso..com",
        "contoso-.com",
        "contoso com",
        "http://contoso.com",
    ] {
        let stderr = assert_usage(m365(|c| c.set("--domain", bad)));
        assert!(stderr.contains("domain"), "{stderr}");
    }
}

#[test]
fn unknown_program() {
    let stderr = assert_usage(m365(|c| c.set("--program", "osu-azure")));
    assert!(stderr.contains("osu-azure"), "{stderr}");
}

#[test]
fn unknown_workload_in_no_program() {
    let stderr = assert_usage(m365(|c| c.set("--workload", "minecraft")));
    assert!(stderr.contains("minecraft"), "{stderr}");
}

#[test]
fn missing_poe_file() {
    let stderr = assert_usage(m365(|c| c.set("--poe", "no/such/sow.pdf")));
    assert!(stderr.contains("no/such/sow.pdf"), "{stderr}");
}

#[test]
fn bad_now_value() {
    for bad in ["garbage", "2025-06-02", "2025-06-02 10:00"] {
        let stderr = assert_usage(|_: &Env| vec!["--now".into(), bad.into(), "list".into()]);
        assert!(stderr.contains("--now"), "{stderr}");
    }
}

#[test]
fn bizapps_takes_exactly_one_workload() {
    assert_usage(bizapps("osu-bizapps", |c| {
        c.add("--workload", "d365-finance")
    }));
    assert_usage(bizapps("osa-sell", |c| c.add("--workload", "d365-finance")));
}

#[test]
fn bizapps_flags_on_m365_are_usage_errors() {
    let stderr = assert_usage(m365(|c| c.set("--channel", "vl")));
    assert!(stderr.contains("--channel"), "{stderr}");
    assert_usage(m365(|c| c.set("--subscription", SUB_1)));
}

#[test]
fn missing_required_flags_without_a_terminal_names_every_one() {
    let stderr =
        assert_usage(|_: &Env| vec!["claim".into(), "--program".into(), "osu-m365".into()]);
    let error_line = stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .expect("an error: line")
        .to_string();
    for flag in [
        "--partner-id",
        "--tenant",
        "--domain",
        "--workload",
        "--customer-name",
        "--customer-title",
        "--customer-email",
        "--partner-contact",
        "--partner-email",
        "--poe",
        "--poe-signed",
    ] {
        // Whole-word match so `--poe` is not satisfied by `--poe-signed`.
        let named = error_line
            .split(|c: char| c == ',' || c.is_whitespace())
            .any(|w| w == flag);
        assert!(named, "{flag} not named in {error_line:?}");
    }
    assert!(
        !error_line.contains("--program"),
        "--program was given: {error_line}"
    );
}

#[test]
fn one_missing_flag_is_named() {
    let stderr = assert_usage(m365(|c| c.remove("--customer-title")));
    assert!(stderr.contains("--customer-title"), "{stderr}");
}

#[test]
fn the_same_workload_twice() {
    assert_usage(m365(|c| c.add("--workload", "teams")));
}

#[test]
fn poe_that_is_a_directory() {
    assert_usage(m365(|c| c.set("--poe", "poe")));
}

#[test]
fn partner_add_with_an_unknown_program() {
    assert_usage(|_: &Env| {
        [
            "partner",
            "add",
            "1000",
            "--name",
            "A",
            "--program",
            "osu-azure",
        ]
        .map(String::from)
        .to_vec()
    });
    assert_usage(|_: &Env| {
        [
            "partner",
            "add",
            "not-digits",
            "--name",
            "A",
            "--program",
            "osu-m365",
        ]
        .map(String::from)
        .to_vec()
    });
}
