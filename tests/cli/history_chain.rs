//! The tamper-evident history (SPEC §4 v2): the database refuses what it can, and
//! `troubleshoot --deep` / `troubleshoot ID` detect the rest.

use crate::harness::*;
use rusqlite::Connection;
use serde_json::Value as Json;

fn report(env: &Env, args: &[&str]) -> (Outcome, Json) {
    let out = run(env.cmd().arg("troubleshoot").args(args).arg("--json"));
    let report =
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e})\n{out}"));
    (out, report)
}

fn findings(report: &Json, code: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings[]")
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// A withdrawn claim: history `filed`, `withdrawn`.
fn withdrawn_claim(env: &Env) -> i64 {
    env.partner("1000", &["osu-m365"]);
    let id = env.file(&env.m365())[0]["id"].as_i64().unwrap();
    env.cmd()
        .args([
            "withdraw",
            &id.to_string(),
            "--reason",
            "customer asked",
            "--yes",
        ])
        .assert()
        .success();
    id
}

#[test]
fn a_sound_history_verifies() {
    let env = Env::new();
    let id = withdrawn_claim(&env);
    let shown = env.show(id);
    let h = shown["history"].as_array().unwrap();
    assert_eq!(h[0]["prev_hash"], Json::Null);
    assert_eq!(h[1]["prev_hash"], h[0]["hash"]);
    let (out, r) = report(&env, &["--deep"]);
    assert_eq!(out.code, Some(0), "{out}");
    assert!(findings(&r, "history-tampered").is_empty(), "{r:#}");
    let (out, _) = report(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
}

#[test]
fn a_bare_status_update_and_a_replace_are_refused_by_the_database() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    let id = withdrawn_claim(&env);
    let before = env.snapshot();
    let conn = Connection::open(&env.db).unwrap();
    let e = conn
        .execute("UPDATE claims SET status = 'official' WHERE id = ?1", [id])
        .unwrap_err();
    assert!(e.to_string().contains("history event first"), "{e}");
    let e = conn
        .execute(
            "INSERT OR REPLACE INTO events (id, claim_id, at, actor, action, from_status, to_status, reason)
             SELECT id, claim_id, at, 'mallory', action, from_status, to_status, 'forged'
             FROM events WHERE claim_id = ?1 AND action = 'withdrawn'",
            [id],
        )
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    drop(conn);
    assert_same_snapshot(&before, &env.snapshot(), "refused tampering");
}

#[test]
fn a_replace_rewrite_and_a_forged_event_are_reported() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    let id = withdrawn_claim(&env);
    // Someone with sqlite3 can drop the triggers; the chain still tells.
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch("DROP TRIGGER events_never_replaced;")
        .unwrap();
    conn.execute(
        "INSERT OR REPLACE INTO events (id, claim_id, at, actor, action, from_status, to_status, reason, prev_hash, hash)
         SELECT id, claim_id, at, 'mallory', action, from_status, to_status, 'forged', prev_hash, hash
         FROM events WHERE claim_id = ?1 AND action = 'withdrawn'",
        [id],
    )
    .unwrap();
    drop(conn);
    let (out, r) = report(&env, &["--deep"]);
    assert_eq!(out.code, Some(7), "{out}");
    let tampered = findings(&r, "history-tampered");
    assert_eq!(tampered.len(), 1, "{r:#}");
    assert!(
        tampered[0].contains(&format!("claim {id}")) && tampered[0].contains("event 2"),
        "{tampered:?}"
    );
    let (out, r) = report(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(7), "{out}");
    assert_eq!(findings(&r, "history-tampered").len(), 1, "{r:#}");
    // The cheap default run does not read every history.
    let (out, _) = report(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
}

#[test]
fn a_forged_finalized_event_and_a_status_without_event_are_reported() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let a = env.file(&env.m365())[0]["id"].as_i64().unwrap();
    let b = env.file(&env.m365().set("--workload", "exchange"))[0]["id"]
        .as_i64()
        .unwrap();
    let conn = Connection::open(&env.db).unwrap();
    // A forged `finalized` event: the trigger lets the status follow it, the chain does not.
    conn.execute(
        "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, hash)
         VALUES (?1, '2025-06-02T11:00:00Z', 'mallory', 'finalized', 'pending', 'official', 'beef')",
        [a],
    )
    .unwrap();
    conn.execute("UPDATE claims SET status = 'official' WHERE id = ?1", [a])
        .unwrap();
    // A status changed with the trigger dropped and no event.
    conn.execute_batch("DROP TRIGGER claims_status_follows_history;")
        .unwrap();
    conn.execute("UPDATE claims SET status = 'withdrawn' WHERE id = ?1", [b])
        .unwrap();
    drop(conn);
    let (out, r) = report(&env, &["--deep"]);
    assert_eq!(out.code, Some(7), "{out}");
    let tampered = findings(&r, "history-tampered");
    assert!(
        tampered
            .iter()
            .any(|m| m.contains(&format!("claim {a}")) && m.contains("finalized")),
        "{r:#}"
    );
    let mismatch = findings(&r, "status-history-mismatch");
    assert_eq!(mismatch.len(), 1, "{r:#}");
    assert!(mismatch[0].contains(&format!("claim {b}")), "{mismatch:?}");
}

#[test]
fn the_migration_hashes_the_history_of_a_v2_database() {
    if sqlite_only() {
        return;
    }
    // The chain today's cpor writes for a withdrawn claim...
    let today = Env::new();
    let id = withdrawn_claim(&today);
    let expected = today.show(id)["history"].clone();
    // ...and the same claim in a database of schema version 2, as cpor v1 wrote it: no hash
    // columns, no pins, no PoE versions.
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch(include_str!("../fixtures/schema_v2.sql"))
        .unwrap();
    conn.execute("ATTACH DATABASE ?1 AS today", [today.db.to_str().unwrap()])
        .unwrap();
    conn.execute_batch(
        "INSERT INTO partners SELECT * FROM today.partners;
         INSERT INTO enrolments SELECT * FROM today.enrolments;
         INSERT INTO domains SELECT value, tenant_id, since FROM today.pins WHERE kind = 'domain';
         INSERT INTO claims SELECT * FROM today.claims;
         INSERT INTO events (id, claim_id, at, actor, action, from_status, to_status, reason)
             SELECT id, claim_id, at, actor, action, from_status, to_status, reason
             FROM today.events;
         DETACH DATABASE today;",
    )
    .unwrap();
    drop(conn);
    // troubleshoot reads it unmigrated: no hashes to check yet, statuses still checked.
    let (out, r) = report(&env, &["--deep"]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(r["database"]["schema_version"], 2, "{r:#}");
    // The next command that opens it migrates, computing the same chain cpor would have.
    assert_eq!(env.show(id)["history"], expected);
    let (out, r) = report(&env, &["--deep"]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        r["database"]["schema_version"], r["database"]["latest_schema_version"],
        "{r:#}"
    );
}
