//! SPEC v2 §6 `cpor due` and `cpor report` on a fixed clock.

use crate::harness::*;
use serde_json::{Value as Json, json};

/// `cpor <args> --json`, which must exit 0; stdout parsed.
fn ok(env: &Env, args: &[&str]) -> Json {
    let out = run(env.cmd().args(args).arg("--json"));
    assert_eq!(out.code, Some(0), "cpor {args:?}\n{out}");
    serde_json::from_str(&out.stdout).unwrap()
}

/// `(id, business_days_left)` of `due`'s closing section, and the overdue and official IDs.
fn due(env: &Env, args: &[&str]) -> (Vec<(i64, i64)>, Vec<i64>, Vec<i64>) {
    let mut all = vec!["due"];
    all.extend_from_slice(args);
    let v = ok(env, &all);
    let closing = v["closing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["business_days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    (
        closing,
        ids(v["overdue"].as_array().unwrap()),
        ids(v["official"].as_array().unwrap()),
    )
}

/// Claim 1 on the default calendar (deadline day Mon 2025-06-09) and claim 2 on a London
/// calendar with a holiday on Fri 2025-06-06 (deadline day Tue 2025-06-10), both notified Mon
/// 2025-06-02 10:00Z.
fn two_calendars() -> Env {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    ok(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    ok(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-06-06",
            "--label",
            "Bank holiday",
        ],
    );
    let a = env.file(&env.m365());
    let b = env.file(
        &env.m365()
            .set("--workload", "exchange")
            .set("--calendar", "uk"),
    );
    assert_eq!(a[0]["deadline_day"], "2025-06-09");
    assert_eq!(b[0]["deadline_day"], "2025-06-10");
    assert_eq!(b[0]["deadline"], "2025-06-10T23:00:00Z");
    env
}

#[test]
fn business_days_left_follow_each_claims_calendar_across_a_weekend_and_a_holiday() {
    let mut env = two_calendars();
    env.set_now("2025-06-04T10:00:00Z");
    // Wednesday: default Thu, Fri, Mon = 3; uk Thu, Mon, Tue = 3 (Friday is a holiday).
    assert_eq!(due(&env, &["--within", "5"]).0, [(1, 3), (2, 3)]);
    assert_eq!(due(&env, &[]).0, []);
    env.set_now("2025-06-06T10:00:00Z");
    // Friday: default Mon = 1; uk Mon, Tue = 2. Soonest deadline first.
    assert_eq!(due(&env, &[]).0, [(1, 1), (2, 2)]);
    env.set_now("2025-06-07T23:30:00Z");
    // Saturday in UTC, already Sunday 00:30 in London: the same counts.
    assert_eq!(due(&env, &[]).0, [(1, 1), (2, 2)]);
    env.set_now("2025-06-09T10:00:00Z");
    // Deadline day of claim 1: 0 left, still closing.
    assert_eq!(due(&env, &[]).0, [(1, 0), (2, 1)]);
    env.set_now("2025-06-10T10:00:00Z");
    // Claim 1's deadline has passed and finalize has not run: overdue.
    let (closing, overdue, official) = due(&env, &[]);
    assert_eq!(
        (closing, overdue, official),
        (vec![(2, 0)], vec![1], vec![])
    );
    ok(&env, &["finalize"]);
    env.set_now("2025-06-10T12:00:00Z");
    let (closing, overdue, official) = due(&env, &[]);
    assert_eq!(
        (closing, overdue, official),
        (vec![(2, 0)], vec![], vec![1])
    );
    // official_at is the deadline instant (2025-06-10T00:00Z): --since after it leaves it out.
    assert_eq!(
        due(&env, &["--since", "2025-06-10T00:00:01Z"]).2,
        Vec::<i64>::new()
    );
    let v = ok(&env, &["due", "--since", "2025-06-10"]);
    assert_eq!(v["since"], "2025-06-10T00:00:00Z");
    assert_eq!(v["within"], 2);
    assert_eq!(v["now"], "2025-06-10T12:00:00Z");
    assert_eq!(ids(v["official"].as_array().unwrap()), [1]);
    // The table has four sections with their counts.
    let out = run(env.cmd().arg("due"));
    assert_eq!(out.code, Some(0), "{out}");
    for heading in [
        "Closing within 2 business days (1)",
        "Overdue",
        "(0)",
        "Official since",
        "PoE aging",
    ] {
        assert!(out.stdout.contains(heading), "{heading}\n{out}");
    }
}

/// A hand-counted history: claim 1 filed in January, claims 2 and 3 in February (all three
/// official by their deadlines: January, February, February), claim 2 withdrawn in March,
/// claim 3 opted out (late) in April.
#[test]
fn report_by_month_matches_a_hand_counted_fixture() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let claim = env.m365().set("--poe-signed", "2025-01-02");
    let claim = |w: &str| claim.clone().set("--workload", w);
    env.set_now("2025-01-15T09:00:00Z");
    env.file(&claim("teams"));
    env.set_now("2025-02-10T09:00:00Z");
    env.file(&claim("exchange"));
    env.set_now("2025-02-20T09:00:00Z");
    env.file(&claim("sharepoint"));
    env.set_now("2025-03-01T09:00:00Z");
    assert_eq!(ok(&env, &["finalize"])["finalized"], 3);
    env.set_now("2025-03-05T09:00:00Z");
    run(env.cmd().args(["withdraw", "2", "--reason", "r", "--yes"]));
    env.set_now("2025-04-02T09:00:00Z");
    assert_eq!(run(env.cmd().args(["opt-out", "3"])).code, Some(0));
    env.set_now("2025-04-30T09:00:00Z");
    let month = |key: &str, f: u64, o: u64, x: u64, w: u64| json!({"key": key, "filed": f, "became_official": o, "opted_out": x, "withdrawn": w});
    assert_eq!(
        ok(
            &env,
            &[
                "report",
                "--by",
                "month",
                "--from",
                "2025-01-01",
                "--to",
                "2025-04-30"
            ]
        ),
        json!({"by": "month", "from": "2025-01-01", "to": "2025-04-30", "rows": [
            month("2025-01", 1, 1, 0, 0),
            month("2025-02", 2, 2, 0, 0),
            month("2025-03", 0, 0, 0, 1),
            month("2025-04", 0, 0, 1, 0),
        ]})
    );
    // The default range is this month and the eleven before it.
    let v = ok(&env, &["report", "--by", "month"]);
    assert_eq!(
        (v["from"].clone(), v["rows"].as_array().unwrap().len()),
        (json!("2024-05-01"), 12)
    );
    // A range from 15 February counts only what happened in it: claim 3 filed, claims 2
    // (18 February) and 3 (28 February) made official.
    let v = ok(
        &env,
        &[
            "report",
            "--by",
            "month",
            "--from",
            "2025-02-15",
            "--to",
            "2025-03-31",
        ],
    );
    assert_eq!(
        v["rows"],
        json!([month("2025-02", 1, 2, 0, 0), month("2025-03", 0, 0, 0, 1)])
    );
    assert_eq!(
        ok(
            &env,
            &["report", "--from", "2025-01-01", "--to", "2025-04-30"]
        )["rows"],
        json!([{"key": "osu-m365", "filed": 3, "pending": 0, "official": 1, "opted_out": 1,
                "withdrawn": 1, "opted_out_in_window": 0}])
    );
    assert_eq!(
        ok(
            &env,
            &[
                "report",
                "--by",
                "partner",
                "--from",
                "2025-02-01",
                "--to",
                "2025-02-28"
            ]
        )["rows"],
        json!([{"key": "1000", "filed": 2, "pending": 0, "official": 0, "opted_out": 1,
                "withdrawn": 1, "opted_out_in_window": 0}])
    );
    let csv = run(env.cmd().args([
        "report",
        "--by",
        "month",
        "--from",
        "2025-01-01",
        "--to",
        "2025-02-28",
        "--format",
        "csv",
    ]));
    assert_eq!(
        csv.stdout,
        "key,filed,became_official,opted_out,withdrawn\n2025-01,1,1,0,0\n2025-02,2,2,0,0\n"
    );
    let out = run(env
        .cmd()
        .args(["report", "--from", "2025-05-01", "--to", "2025-04-01"]));
    assert_eq!(out.code, Some(2), "{out}");
}
