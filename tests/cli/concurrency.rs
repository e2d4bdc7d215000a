//! Real processes racing for one unit (SPEC §7): exactly one wins, every other one is refused
//! by the rules (never "database is locked"), and one active claim is left on the unit.
//!
//! These assert what holds for every interleaving, so they stay in the default run; the races
//! whose outcome depends on scheduling are in `stress.rs`.

use crate::harness::*;
use std::sync::{Arc, Barrier};
use std::thread;

/// Processes started at once by each race.
pub(crate) const RACERS: usize = 8;

/// Start `claims.len()` `cpor claim --json` processes as close to simultaneously as possible and
/// collect their outcomes.
pub(crate) fn race(env: &Env, claims: Vec<ClaimBuilder>) -> Vec<(String, Outcome)> {
    let barrier = Arc::new(Barrier::new(claims.len()));
    let handles: Vec<_> = claims
        .into_iter()
        .map(|claim| {
            let mut cmd = env.std_cmd();
            cmd.arg("claim").args(claim.args()).arg("--json");
            let who = claim.args().join(" ");
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                barrier.wait();
                let out = cmd.output().expect("spawn cpor");
                (who, Outcome::of(&out))
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("racer thread"))
        .collect()
}

/// Exactly one racer won; every other one was refused for the unit being held, and none saw
/// the lock.
pub(crate) fn check_race(outcomes: &[(String, Outcome)]) {
    let report = || {
        outcomes
            .iter()
            .map(|(who, o)| format!("### {who}\n{o}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let winners = outcomes.iter().filter(|(_, o)| o.code == Some(0)).count();
    assert_eq!(winners, 1, "exactly one racer wins\n{}", report());
    for (_, o) in outcomes {
        let lower = o.stderr.to_lowercase();
        assert!(
            !lower.contains("locked") && !lower.contains("busy"),
            "a racer saw the lock\n{}",
            report()
        );
        if o.code == Some(0) {
            continue;
        }
        assert_eq!(o.code, Some(3), "losers are refused\n{}", report());
        let err = o.error();
        let codes = rule_codes(&err);
        assert!(
            !codes.is_empty()
                && codes
                    .iter()
                    .all(|c| c == "already-associated" || c == "duplicate-claim"),
            "losers are refused for holding, not for anything else: {codes:?}\n{}",
            report()
        );
    }
}

#[test]
fn racing_claims_on_one_unit_have_exactly_one_winner() {
    let env = Env::new();
    let partners = ["1000", "2000", "3000", "4000", "5000"];
    for p in partners {
        env.partner(p, &["osu-m365"]);
    }
    for (round, workload) in ["teams", "exchange", "intune"].iter().enumerate() {
        // Half the racers are partner 1000, the others each a different PartnerID.
        let claims: Vec<ClaimBuilder> = (0..RACERS)
            .map(|i| {
                let partner = if i % 2 == 0 {
                    "1000"
                } else {
                    partners[1 + (i / 2) % (partners.len() - 1)]
                };
                env.m365()
                    .set("--partner-id", partner)
                    .set("--workload", workload)
                    .set("--comment", &format!("round {round} racer {i}"))
            })
            .collect();
        let outcomes = race(&env, claims);
        check_race(&outcomes);
        let active = env.list(&["--all", "--workload", workload, "--tenant", TENANT_A]);
        assert_eq!(active.len(), 1, "one claim on {workload}: {active:?}");
        assert_eq!(active[0]["status"], "pending");
        let (_, winner) = outcomes.iter().find(|(_, o)| o.code == Some(0)).unwrap();
        let filed: serde_json::Value = serde_json::from_str(&winner.stdout).unwrap();
        assert_eq!(filed[0]["id"], active[0]["id"]);
        assert_eq!(filed[0]["partner_id"], active[0]["partner_id"]);
    }
    assert_eq!(env.list_all().len(), 3);
}

/// Hold SQLite's write lock on `env`'s database from this test process.
fn hold_write_lock(env: &Env) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

#[test]
fn a_writer_waits_for_the_lock_instead_of_failing() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let lock = hold_write_lock(&env);
    let mut child = env
        .std_cmd()
        .arg("claim")
        .args(env.m365().args())
        .arg("--json")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    thread::sleep(std::time::Duration::from_millis(600));
    assert!(
        child.try_wait().unwrap().is_none(),
        "cpor gave up while another process held the write lock (busy timeout is 10 s)"
    );
    lock.execute_batch("COMMIT").unwrap();
    drop(lock);
    let out = Outcome::of(&child.wait_with_output().unwrap());
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(env.list_all().len(), 1);
}

#[test]
fn a_writer_gives_up_with_exit_5_after_the_busy_timeout() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let config = env.path("config/short-timeout.toml");
    std::fs::write(&config, "busy_timeout_ms = 300\n").unwrap();
    let before = env.snapshot();
    let lock = hold_write_lock(&env);
    let started = std::time::Instant::now();
    let out = run(env
        .m365()
        .cmd(&env)
        .env("CPOR_CONFIG", &config)
        .arg("--json"));
    let waited = started.elapsed();
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);
    assert_eq!(out.code, Some(5), "{out}");
    assert_eq!(out.error()["error"]["kind"], "busy", "{out}");
    assert!(
        waited >= std::time::Duration::from_millis(250),
        "gave up after {waited:?}, before the 300 ms busy timeout"
    );
    assert_same_snapshot(&before, &env.snapshot(), "a busy claim");
}
