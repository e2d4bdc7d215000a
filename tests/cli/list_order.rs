//! `list` v2 order (SPEC §6): newest filed first, soonest deadline first with `--sort deadline`,
//! `--reverse` flipping either, ties by claim ID in the sort's direction; and the stderr note
//! when `--limit` cuts JSON or CSV output.

use crate::harness::*;
use crate::seed::seed_due_claims;
use chrono::{DateTime, NaiveDate, Utc};

/// Five seeded claims (IDs 1..=5) filed at one instant with one deadline, so only their IDs
/// tell them apart; then claim 6 filed later with an earlier deadline.
fn ties_and_one_more() -> Env {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let filed: DateTime<Utc> = "2025-05-01T00:00:00Z".parse().unwrap();
    let deadline: DateTime<Utc> = "2025-07-01T00:00:00Z".parse().unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    seed_due_claims(&env.db, 5, filed, day, deadline);
    let sixth = env.file(&env.m365());
    assert_eq!(ids(&sixth), [6]);
    env
}

#[test]
fn list_orders_with_ties_by_id_in_the_sort_direction() {
    if sqlite_only() {
        return;
    }
    let env = ties_and_one_more();
    let q = |args: &[&str]| ids(&env.list(args));
    assert_eq!(
        q(&[]),
        [6, 5, 4, 3, 2, 1],
        "newest first, ties newest ID first"
    );
    assert_eq!(q(&["--reverse"]), [1, 2, 3, 4, 5, 6]);
    assert_eq!(
        q(&["--sort", "deadline"]),
        [6, 1, 2, 3, 4, 5],
        "soonest deadline first, ties lowest ID first"
    );
    assert_eq!(q(&["--sort", "deadline", "--reverse"]), [5, 4, 3, 2, 1, 6]);
    assert_eq!(
        q(&["--status", "pending", "--sort", "deadline", "--limit", "3"]),
        [6, 1, 2]
    );
    assert_eq!(q(&["--sort", "filed", "--limit", "2", "--reverse"]), [1, 2]);
}

/// `cpor list ARGS`: exit status, stdout and stderr.
fn list(env: &Env, args: &[&str]) -> (String, String) {
    let out = env.cmd().arg("list").args(args).assert().success();
    let o = out.get_output();
    (
        String::from_utf8(o.stdout.clone()).unwrap(),
        String::from_utf8(o.stderr.clone()).unwrap(),
    )
}

#[test]
fn a_limit_that_cuts_json_or_csv_says_so_on_stderr() {
    if sqlite_only() {
        return;
    }
    let env = ties_and_one_more();
    let (out, err) = list(&env, &["--json", "--limit", "4"]);
    let shown: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(shown.as_array().unwrap()), [6, 5, 4, 3]);
    assert!(err.contains("--all"), "{err}");
    assert_eq!(err.lines().count(), 1, "one note: {err}");

    let (out, err) = list(&env, &["--format", "csv", "--limit", "2"]);
    assert_eq!(out.lines().count(), 3, "header and two rows: {out}");
    assert!(err.contains("--all"), "{err}");
}

#[test]
fn no_note_with_quiet_with_all_or_when_nothing_was_cut() {
    if sqlite_only() {
        return;
    }
    let env = ties_and_one_more();
    let (out, err) = list(&env, &["--json", "--limit", "4", "-q"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(err, "");
    let (out, err) = list(&env, &["--json", "--all"]);
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(all.as_array().unwrap()), [6, 5, 4, 3, 2, 1]);
    assert_eq!(err, "");
    let (_, err) = list(&env, &["--json", "--limit", "6"]);
    assert_eq!(err, "", "exactly the limit: nothing left out");
    let (out, err) = list(&env, &["--format", "csv", "--all"]);
    assert_eq!(out.lines().count(), 7);
    assert_eq!(err, "");
}
