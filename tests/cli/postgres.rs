//! The team backend (SPEC §9) on a throwaway cluster: roles enforced by the database, history
//! that nobody rewrites, one winner among staff claiming one unit at the same instant, and the
//! same JSON as SQLite for the same commands. Every test returns at once without
//! `CPOR_TEST_PG` (the admin URL of a cluster, e.g. from `scripts/pg-test-cluster start DIR`).

use crate::harness::*;
use serde_json::Value as Json;

/// This test's database as the cluster's owner (a superuser).
fn owner(env: &Env) -> postgres::Client {
    let pg = env.pg.as_ref().expect("a PostgreSQL environment");
    let admin = pg_admin_url().expect("CPOR_TEST_PG");
    postgres::Client::connect(&PgDb::url_as(&admin, "postgres", &pg.name), postgres::NoTls)
        .expect("connect as the owner")
}

/// A login holding the Incentives user role, and cpor's URL for it.
fn user_login(env: &Env, login: &str) -> String {
    let pg = env.pg.as_ref().expect("a PostgreSQL environment");
    let admin = pg_admin_url().expect("CPOR_TEST_PG");
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
    c.batch_execute(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}') THEN
           CREATE ROLE {login} LOGIN; END IF; END $$;"
    ))
    .expect("create the login");
    // Granting needs the owner (or CREATEROLE), not an Incentives admin.
    env.cmd()
        .env("CPOR_DB", PgDb::url_as(&admin, "postgres", &pg.name))
        .env_remove("CPOR_ACTOR")
        .args(["db", "grant", login, "--role", "user"])
        .assert()
        .success();
    PgDb::url_as(&admin, login, &pg.name)
}

#[test]
fn a_user_may_file_and_withdraw_its_own_claims_but_not_admin_actions() {
    let Some(_) = pg_admin_url() else { return };
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let ana = user_login(&env, "ana");
    let bob = user_login(&env, "bob");
    let as_user = |url: &str, login: &str, args: &[&str]| {
        run(env
            .cmd()
            .env("CPOR_DB", url)
            .env("CPOR_ACTOR", login)
            .args(args)
            .arg("--json"))
    };
    // ana files two claims (filed_by is her login) and withdraws one of them.
    let mut filed = env.m365().set("--workload", "teams").cmd(&env);
    filed.env("CPOR_DB", &ana).env("CPOR_ACTOR", "ana");
    let out = run(filed.arg("--json"));
    assert_eq!(out.code, Some(0), "{out}");
    let claim: Json = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(claim[0]["filed_by"], "ana");
    let mut second = env
        .m365()
        .set("--workload", "exchange")
        .set("--domain", DOMAIN_B)
        .cmd(&env);
    second.env("CPOR_DB", &ana).env("CPOR_ACTOR", "ana");
    assert_eq!(run(second.arg("--json")).code, Some(0));
    let out = as_user(
        &ana,
        "ana",
        &["withdraw", "2", "--reason", "wrong workload", "--yes"],
    );
    assert_eq!(out.code, Some(0), "{out}");

    // bob may read, but not withdraw ana's claim, opt it out, finalize, add partners or unpin.
    assert_eq!(as_user(&bob, "bob", &["show", "1"]).code, Some(0));
    let refused: &[&[&str]] = &[
        &["withdraw", "1", "--reason", "not mine", "--yes"],
        &["opt-out", "1", "--yes"],
        &["finalize"],
        &[
            "partner",
            "add",
            "2000",
            "--name",
            "X",
            "--program",
            "osu-m365",
        ],
        &[
            "tenant", "unpin", "--domain", DOMAIN_B, "--reason", "r", "--yes",
        ],
    ];
    for args in refused {
        let out = as_user(&bob, "bob", args);
        assert_eq!(out.code, Some(8), "{args:?}: {out}");
        let err = out.error();
        assert_eq!(err["error"]["code"], "not-permitted", "{args:?}: {out}");
        assert!(
            out.stderr.contains("cpor_incentives_admin"),
            "{args:?}: {out}"
        );
    }
    // --actor naming someone else is a usage error.
    let out = as_user(&bob, "ana", &["show", "1"]);
    assert_eq!(out.code, Some(2), "{out}");

    // A psql-like session as bob has no more power than cpor gives him.
    let admin = pg_admin_url().unwrap();
    let pg = env.pg.as_ref().unwrap();
    let mut bob_sql =
        postgres::Client::connect(&PgDb::url_as(&admin, "bob", &pg.name), postgres::NoTls).unwrap();
    for sql in [
        "UPDATE claims SET status = 'withdrawn' WHERE id = 1",
        "UPDATE claims SET customer_name = 'x' WHERE id = 1",
        "INSERT INTO finalize_runs (started_at, actor) VALUES ('x', 'bob')",
        "DELETE FROM pins",
        "INSERT INTO partners VALUES ('3', 'n', 'x')",
    ] {
        // Refused by a GRANT, a row-level policy, or (a bare status change) the history rule.
        let e = bob_sql.batch_execute(sql).expect_err(sql);
        let db = e.as_db_error().expect("a server error");
        assert!(
            *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
                || db.message().starts_with("cpor:"),
            "{sql}: {db:?}"
        );
    }
}

#[test]
fn nobody_updates_or_deletes_history_not_even_the_owner() {
    let Some(_) = pg_admin_url() else { return };
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let mut c = owner(&env);
    for sql in [
        "UPDATE events SET actor = 'mallory'",
        "DELETE FROM events",
        "TRUNCATE events CASCADE",
        "UPDATE pin_log SET actor = 'mallory'",
        "DELETE FROM pin_log",
        "UPDATE poe_versions SET location = 'x'",
        "DELETE FROM claims",
        "SET session_replication_role = replica; DELETE FROM events",
    ] {
        let e = c.batch_execute(sql).expect_err(sql);
        assert!(
            e.to_string().contains("cpor:") || format!("{e:?}").contains("cpor:"),
            "{sql}: {e:?}"
        );
        let _ = c.batch_execute("RESET session_replication_role");
    }
    let n: i64 = c
        .query_one("SELECT count(*) FROM events", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[test]
fn a_database_without_the_schema_names_cpor_db_migrate() {
    let Some(admin) = pg_admin_url() else { return };
    let env = Env::new();
    let name = format!("cpor_empty_{}", std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let out = run(env
        .cmd()
        .env("CPOR_DB", PgDb::url_as(&admin, "tester", &name))
        .args(["list", "--json"]));
    let _ = c.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"));
    assert_eq!(out.code, Some(6), "{out}");
    assert!(out.stderr.contains("cpor db migrate"), "{out}");
    // backup points to pg_dump; a password never shows.
    let out = run(env
        .cmd()
        .env(
            "CPOR_DB",
            env.pg
                .as_ref()
                .unwrap()
                .url
                .replace("tester@", "tester:s3cret@"),
        )
        .args(["-v", "backup", "/tmp/x.db"]));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("pg_dump"), "{out}");
    assert!(!out.stderr.contains("s3cret"), "{out}");
}

/// The same commands on SQLite and PostgreSQL give the same JSON (the actor is the login
/// `tester` on both).
#[test]
fn the_same_commands_give_the_same_json_on_both_backends() {
    let Some(_) = pg_admin_url() else { return };
    let pg = Env::new();
    let sqlite = {
        let mut e = Env::new();
        e.pg = None;
        e
    };
    let script: &[&[&str]] = &[
        &[
            "partner",
            "add",
            "1000",
            "--name",
            "P",
            "--program",
            "osu-m365",
        ],
        &["calendar", "holiday", "add", "2025-06-04", "--label", "Day"],
    ];
    let mut outputs: Vec<Vec<String>> = Vec::new();
    for env in [&sqlite, &pg] {
        let mut outs = Vec::new();
        for args in script {
            outs.push(run(env.cmd().args(*args).arg("--json")).stdout);
        }
        let root = env.root().display().to_string();
        outs.push(run(env.m365().cmd(env).arg("--json")).stdout);
        outs.push(
            run(env
                .m365()
                .set("--workload", "exchange")
                .cmd(env)
                .arg("--json"))
            .stdout,
        );
        for args in [
            &["withdraw", "2", "--reason", "r", "--yes"][..],
            &["list", "--all"],
            &["show", "1"],
            &["due"],
            &["report"],
            &["tenant", "show", TENANT_A],
            &["partner", "list"],
            &["calendar", "show", "default"],
        ] {
            outs.push(run(env.cmd().args(args).arg("--json")).stdout);
        }
        let mut later = env.cmd();
        later.env("CPOR_NOW", "2025-06-20T00:00:00Z");
        outs.push(run(later.args(["finalize", "--json"])).stdout);
        outs.push(run(env.cmd().args(["show", "1", "--json"])).stdout);
        outputs.push(
            outs.into_iter()
                .map(|o| o.replace(&root, "<root>"))
                .collect(),
        );
    }
    for (i, (a, b)) in outputs[0].iter().zip(&outputs[1]).enumerate() {
        assert_eq!(a, b, "output {i} differs between SQLite and PostgreSQL");
    }
}

/// 16 processes claim one unit at the same instant, 20 rounds: exactly one wins each round,
/// the others are refused by the rules (never a database error).
#[test]
#[ignore = "stress: 320 processes against the team backend"]
fn sixteen_processes_claiming_one_unit_have_exactly_one_winner() {
    let Some(_) = pg_admin_url() else { return };
    let env = Env::new();
    let partners: Vec<String> = (0..16).map(|i| format!("{}", 1000 + i)).collect();
    for p in &partners {
        env.partner(p, &["osu-m365"]);
    }
    for round in 0..20 {
        let workload = ["teams", "exchange", "sharepoint", "onedrive"][round % 4];
        let tenant = format!("0f8fad5b-d9cb-469f-a165-{:012}", round);
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(16));
        let handles: Vec<_> = partners
            .iter()
            .map(|p| {
                let mut cmd = env
                    .m365()
                    .set("--partner-id", p)
                    .set("--tenant", &tenant)
                    .set("--domain", &format!("r{round}.example.com"))
                    .set("--workload", workload)
                    .cmd(&env);
                cmd.arg("--json");
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    run(cmd)
                })
            })
            .collect();
        let outs: Vec<Outcome> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let winners = outs.iter().filter(|o| o.code == Some(0)).count();
        assert_eq!(
            winners,
            1,
            "round {round}: {}",
            outs.iter().map(|o| o.to_string()).collect::<String>()
        );
        for o in outs.iter().filter(|o| o.code != Some(0)) {
            assert_eq!(o.code, Some(3), "round {round}: {o}");
            let code = o.error()["error"]["code"]
                .as_str()
                .unwrap_or("")
                .to_string();
            assert!(
                code == "already-associated"
                    || code == "duplicate-claim"
                    || code == "domain-tenant-mismatch",
                "round {round}: {o}"
            );
        }
    }
    println!("stress figures: postgres one-unit race, 16 processes x 20 rounds, one winner each");
}

#[test]
fn a_sqlite_dump_restored_on_postgres_dumps_the_same_bytes() {
    let Some(_) = pg_admin_url() else { return };
    use crate::bulk::{after_header, dump, restore, rich};
    let mut lite = Env::sqlite();
    rich(&mut lite);
    let first = dump(&lite);
    let mut pg = Env::new();
    pg.set_now("2026-01-01T00:00:00Z");

    // Restore is an Incentives admin's action: a user is refused and nothing is written.
    let ana = user_login(&pg, "ana");
    let before = pg.snapshot();
    let path = pg.path("dump.jsonl");
    std::fs::write(&path, &first).unwrap();
    let out = run(pg
        .cmd()
        .env("CPOR_DB", &ana)
        .env("CPOR_ACTOR", "ana")
        .args(["restore", path.to_str().unwrap(), "--json"]));
    assert_eq!(out.code, Some(8), "{out}");
    assert_eq!(out.error()["error"]["code"], "not-permitted", "{out}");
    assert!(out.stderr.contains("cpor_incentives_admin"), "{out}");
    assert_eq!(pg.snapshot(), before);

    let out = restore(&pg, &first);
    assert_eq!(out.code, Some(0), "{out}");
    let second = dump(&pg);
    assert_eq!(after_header(&first), after_header(&second));
    // And back: the PostgreSQL dump restores into SQLite as the same bytes.
    let back = Env::sqlite();
    let out = restore(&back, &second);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(after_header(&dump(&back)), after_header(&first));
    for id in 1..=4 {
        assert_eq!(pg.show(id), lite.show(id), "claim {id}");
    }
    // The next claim filed on PostgreSQL gets the next ID after the restored ones.
    let max_id = lite
        .list_all()
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .max();
    let next = pg.file(&pg.m365().set("--workload", "sharepoint"));
    assert_eq!(next[0]["id"].as_i64(), max_id.map(|m| m + 1), "{next:?}");
    let deep = run(pg.cmd().args(["troubleshoot", "--deep", "--json"]));
    assert!(!deep.stdout.contains("history-tampered"), "{deep}");
}

/// SPEC §9: two `finalize` runs at once never overlap — every due claim becomes official
/// exactly once, with one `finalized` event, and the second run exits 0 — while a claim filed
/// meanwhile waits at most about a second. N due claims are seeded by `cpor import` (20,000;
/// `CPOR_STRESS_FINALIZE_CLAIMS` raises it, e.g. to the issue's 100,000).
#[test]
#[ignore = "stress: two finalize runs over 20,000 due claims while claims are filed"]
fn two_concurrent_finalize_runs_make_every_due_claim_official_once() {
    use std::time::{Duration, Instant};
    let Some(_) = pg_admin_url() else { return };
    let n: usize = std::env::var("CPOR_STRESS_FINALIZE_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    // Every row notified two weeks before the clock: due as soon as it is filed.
    env.set_now("2025-06-16T08:00:00Z");
    // Files of 5,000 rows: an import holds a lock per unit until it commits, and 100,000 in
    // one transaction exhaust the server's lock table.
    for first in (0..n).step_by(5_000) {
        let mut csv = String::from(
            "partner_id,tenant,domain,program,workload,customer_name,customer_title,\
             customer_email,partner_contact,partner_email,poe,poe_signed,notified_at\n",
        );
        for i in first..n.min(first + 5_000) {
            csv.push_str(&format!(
                "1000,{i:08x}-5eed-4111-8111-000000000bec,due{i}.example.com,osu-m365,teams,\
                 Ann Lee,CIO,ann@example.com,Pat Kim,pat@example.com,https://example.com/sow.pdf,\
                 2025-05-20,2025-06-02T09:00:00Z\n"
            ));
        }
        std::fs::write(env.path("due.csv"), csv).unwrap();
        env.cmd()
            .args(["import", "due.csv", "--quiet"])
            .assert()
            .success();
    }

    // Both runs start together; each in a thread of its own, since `--json` lists every claim
    // and a full pipe would stall a process nobody reads from.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let mut cmd = env.std_cmd();
            cmd.args(["finalize", "--json"]);
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                Outcome::of(&cmd.output().expect("run cpor finalize"))
            })
        })
        .collect();
    // Meanwhile staff file claims, one process after another (not due: notified now).
    let mut waits: Vec<Duration> = Vec::new();
    let mut failed = Vec::new();
    while runs.iter().any(|r| !r.is_finished()) {
        let k = waits.len();
        let claim = env
            .m365()
            .set("--tenant", &format!("{k:08x}-1a7e-4111-8111-000000000bec"))
            .set("--domain", &format!("late{k}.example.com"));
        let started = Instant::now();
        let out = run(claim.cmd(&env).arg("--json"));
        waits.push(started.elapsed());
        if out.code != Some(0) {
            failed.push(out.to_string());
        }
    }
    let outs: Vec<Outcome> = runs.into_iter().map(|r| r.join().unwrap()).collect();
    let longest = waits.iter().max().copied().unwrap_or_default();
    println!(
        "stress figures: postgres finalize: two runs over {n} due claims; {} claims filed \
         meanwhile ({} failed), longest wait {} ms",
        waits.len(),
        failed.len(),
        longest.as_millis()
    );

    let mut counts = Vec::new();
    for out in &outs {
        assert_eq!(out.code, Some(0), "{out}");
        // Both print their JSON report; a run that found another in progress says so on
        // stderr and reports that it finalized nothing.
        let report: Json = serde_json::from_str(&out.stdout).expect("finalize --json");
        let finalized = report["finalized"].as_u64().expect("a count") as usize;
        if out.stderr.contains("another finalize run is in progress") {
            assert_eq!(finalized, 0, "{out}");
            assert_eq!(report["claims"], serde_json::json!([]), "{out}");
        }
        counts.push(finalized);
    }
    counts.sort();
    assert_eq!(counts, [0, n], "one run does all the work: {counts:?}");
    assert!(
        failed.is_empty(),
        "claims filed during finalize: {failed:?}"
    );
    assert!(!waits.is_empty(), "no claim was filed while finalize ran");
    assert!(
        longest < Duration::from_secs(3),
        "a claim waited {longest:?} behind finalize"
    );

    let mut c = owner(&env);
    let mut count = |sql: &str| -> i64 { c.query_one(sql, &[]).unwrap().get(0) };
    assert_eq!(
        count("SELECT count(*) FROM claims WHERE status = 'official'"),
        n as i64
    );
    assert_eq!(
        count("SELECT count(*) FROM claims WHERE status = 'pending'"),
        waits.len() as i64,
        "the claims filed meanwhile stay pending"
    );
    assert_eq!(
        count("SELECT count(*) FROM events WHERE action = 'finalized'"),
        n as i64
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT claim_id FROM events WHERE action = 'finalized'
             GROUP BY claim_id HAVING count(*) <> 1) twice"
        ),
        0,
        "a claim finalized more than once"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM claims c WHERE status = 'official' AND NOT EXISTS
             (SELECT 1 FROM events e WHERE e.claim_id = c.id AND e.action = 'finalized')"
        ),
        0,
        "an official claim without its finalized event"
    );
}
