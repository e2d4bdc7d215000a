//! `cpor troubleshoot` on the team backend (SPEC §9): the server, the login and its cpor role,
//! the schema, and locks others wait for. Every test returns at once without `CPOR_TEST_PG`
//! (the admin URL of a cluster, e.g. from `scripts/pg-test-cluster start DIR`).

use crate::harness::*;
use serde_json::Value as Json;

/// The finding codes of a JSON report.
fn codes(report: &Json) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// This test's database as `login` with a password in the URL (the test cluster trusts
/// every login, so any password is accepted).
fn url_with_password(env: &Env, login: &str, password: &str) -> String {
    let pg = env.pg.as_ref().expect("a PostgreSQL environment");
    let admin = pg_admin_url().expect("CPOR_TEST_PG");
    PgDb::url_as(&admin, login, &pg.name).replacen(
        &format!("{login}@"),
        &format!("{login}:{password}@"),
        1,
    )
}

#[test]
fn a_healthy_team_database_shows_the_server_and_the_role_never_the_password() {
    let Some(_) = pg_admin_url() else { return };
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let url = url_with_password(&env, "tester", "s3cret-pw");
    let out = run(env
        .cmd()
        .env("CPOR_DB", &url)
        .args(["troubleshoot", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(!out.stdout.contains("s3cret-pw") && !out.stderr.contains("s3cret-pw"));
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    let pg = &report["postgresql"];
    assert!(
        pg["server_version"].as_str().unwrap().starts_with("1"),
        "{out}"
    );
    assert_eq!(pg["role"]["login"], "tester");
    assert_eq!(pg["role"]["cpor_role"], "cpor_incentives_admin");
    assert_eq!(pg["lock_wait_threshold_secs"], 30);
    assert_eq!(pg["lock_waits"], Json::Array(vec![]));
    assert_eq!(report["database"]["schema_version"], 5);
    assert!(report["database"]["path"].as_str().unwrap().contains("***"));
    // SQLite's file facts are not reported for a server.
    assert!(report.get("sqlite_version").is_none(), "{out}");
    assert!(report["database"].get("journal_mode").is_none(), "{out}");
    let found = codes(&report);
    for sqlite_only in ["db-permissions", "hot-journal", "disk-low", "role-missing"] {
        assert!(!found.iter().any(|c| c == sqlite_only), "{out}");
    }

    // The text report and --deep (every history chain) say the same, without the password.
    env.m365().cmd(&env).assert().success();
    let out = run(env
        .cmd()
        .env("CPOR_DB", &url)
        .args(["-v", "troubleshoot", "--deep"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stdout.contains("tester (cpor_incentives_admin)"),
        "{out}"
    );
    assert!(out.stdout.contains("PostgreSQL"), "{out}");
    assert!(
        out.stdout
            .contains("1 claims' hash chains and statuses verified"),
        "{out}"
    );
    assert!(!out.stdout.contains("journal mode"), "{out}");
    assert!(!out.stdout.contains("s3cret-pw") && !out.stderr.contains("s3cret-pw"));
}

#[test]
fn a_login_without_a_cpor_role_is_role_missing() {
    let Some(admin) = pg_admin_url() else { return };
    let env = Env::new();
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    c.batch_execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'norole') THEN
           CREATE ROLE norole LOGIN; END IF; END $$;",
    )
    .unwrap();
    let url = url_with_password(&env, "norole", "hunter2-pw");
    let out = run(env
        .cmd()
        .env("CPOR_DB", &url)
        .env("CPOR_ACTOR", "norole")
        .args(["troubleshoot", "--json"]));
    assert_eq!(out.code, Some(7), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(codes(&report), ["role-missing"], "{out}");
    assert_eq!(report["postgresql"]["role"]["login"], "norole");
    assert_eq!(report["postgresql"]["role"]["cpor_role"], Json::Null);
    assert!(
        report["findings"][0]["remedy"]
            .as_str()
            .unwrap()
            .contains("cpor db grant norole")
    );
    assert!(!out.stdout.contains("hunter2-pw") && !out.stderr.contains("hunter2-pw"));
    // `troubleshoot ID` refuses as any command does: not permitted.
    let out = run(env
        .cmd()
        .env("CPOR_DB", &url)
        .env("CPOR_ACTOR", "norole")
        .args(["troubleshoot", "1"]));
    assert_eq!(out.code, Some(8), "{out}");
    assert!(!out.stderr.contains("hunter2-pw"), "{out}");
}

#[test]
fn a_database_without_the_schema_is_db_missing_schema() {
    let Some(admin) = pg_admin_url() else { return };
    let env = Env::new();
    let name = format!("cpor_ts_empty_{}", std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let out = run(env
        .cmd()
        .env("CPOR_DB", PgDb::url_as(&admin, "postgres", &name))
        .env("CPOR_ACTOR", "postgres")
        .args(["troubleshoot", "--json"]));
    let _ = c.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"));
    assert_eq!(out.code, Some(7), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(codes(&report), ["db-missing-schema"], "{out}");
    assert_eq!(report["postgresql"]["role"]["cpor_role"], "owner");
    assert!(out.stdout.contains("cpor db migrate"), "{out}");
}

#[test]
fn a_lock_others_wait_for_is_lock_waits_naming_its_holder() {
    let Some(admin) = pg_admin_url() else { return };
    let env = Env::new();
    let db = PgDb::url_as(&admin, "postgres", &env.pg.as_ref().unwrap().name);
    // The owner holds an advisory lock in an open transaction; another session waits for it.
    let mut holder = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    let holder_pid: i32 = holder
        .query_one("SELECT pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    let mut held = holder.transaction().unwrap();
    held.batch_execute("SELECT pg_advisory_xact_lock(4242)")
        .unwrap();
    let waiter = {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut c = postgres::Client::connect(&db, postgres::NoTls).unwrap();
            c.batch_execute("SELECT pg_advisory_lock(4242); SELECT pg_advisory_unlock(4242)")
                .unwrap();
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(1500));

    // Shorter than the SPEC's 30 s: nothing to report yet.
    let out = run(env.cmd().args(["troubleshoot", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    assert!(!codes(&report).iter().any(|c| c == "lock-waits"), "{out}");

    // With the test-only threshold of 1 s, the holder is named: its pid, role and age.
    let out = run(env
        .cmd()
        .env("CPOR_TEST_LOCK_WAIT_SECS", "1")
        .args(["troubleshoot", "--json"]));
    held.rollback().unwrap();
    waiter.join().unwrap();
    assert_eq!(out.code, Some(0), "a warning only: {out}");
    let report: Json = serde_json::from_str(&out.stdout).unwrap();
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "lock-waits")
        .unwrap_or_else(|| panic!("no lock-waits: {out}"));
    assert_eq!(finding["severity"], "warning");
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("pid {holder_pid} (role postgres)")),
        "{message}"
    );
    let waits = &report["postgresql"]["lock_waits"];
    assert_eq!(waits[0]["pid"], holder_pid, "{out}");
    assert_eq!(waits[0]["role"], "postgres");
    assert_eq!(waits[0]["waiting"], 1);
    assert!(waits[0]["held_secs"].as_u64().unwrap() >= 1, "{out}");
}
