//! SPEC §4–§6 end to end: a working week of claims through opt-outs, withdrawals and finalize
//! runs on a stepped clock, the transitions the lifecycle allows and refuses, the shape and
//! idempotence of `finalize`, and a `finalize` killed with SIGKILL mid-run.
//!
//! Every command runs the real binary; every state is read back with `show --json` / `list
//! --json` (or, for the 20,000-claim kill test, straight from the database file).

use crate::harness::*;
use crate::seed::seed_due_claims;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value as Json, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Helpers private to this file.

/// `cpor <args> --json --yes` at the environment's current instant. Tests run without a
/// terminal, where a confirmation (withdraw, opt-out --tenant) needs `--yes` (SPEC v2 §6).
fn cpor(env: &Env, args: &[&str]) -> Outcome {
    run(env.cmd().args(args).args(["--json", "--yes"]))
}

/// `cpor <args> --json`, which must exit 0; its stdout parsed.
fn ok_json(env: &Env, args: &[&str]) -> (Json, Outcome) {
    let out = cpor(env, args);
    assert_eq!(out.code, Some(0), "cpor {args:?}\n{out}");
    let v = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("cpor {args:?}: stdout is not JSON ({e})\n{out}"));
    (v, out)
}

/// `cpor finalize --json` with `extra` arguments; must exit 0. Returns the JSON report.
fn finalize(env: &Env, extra: &[&str]) -> Json {
    let mut args = vec!["finalize"];
    args.extend_from_slice(extra);
    ok_json(env, &args).0
}

/// The finalize report with its `claims` sorted (the order of the IDs is not part of the
/// contract).
fn sorted_report(mut report: Json) -> Json {
    if let Some(ids) = report["claims"].as_array_mut() {
        ids.sort_by_key(|v| v.as_i64());
    }
    report
}

/// A history event as `show --json` prints it.
fn ev(
    action: &str,
    from: Option<&str>,
    to: &str,
    actor: &str,
    at: &str,
    reason: Option<&str>,
) -> Json {
    json!({"at": at, "actor": actor, "action": action, "from": from, "to": to, "reason": reason})
}

/// The lifecycle fields of a claim that a test expects; everything not named is `null`.
#[derive(Clone)]
struct Expect {
    status: &'static str,
    calendar: &'static str,
    filed_at: &'static str,
    notified_at: &'static str,
    deadline_day: &'static str,
    deadline: &'static str,
    official_at: Option<&'static str>,
    opted_out_at: Option<&'static str>,
    opt_out_in_window: Option<bool>,
    withdrawn_at: Option<&'static str>,
    end_reason: Option<&'static str>,
}

impl Expect {
    /// A claim filed (and notified) at `filed_at` on `calendar`, still pending.
    fn pending(
        calendar: &'static str,
        filed_at: &'static str,
        deadline_day: &'static str,
        deadline: &'static str,
    ) -> Expect {
        Expect {
            status: "pending",
            calendar,
            filed_at,
            notified_at: filed_at,
            deadline_day,
            deadline,
            official_at: None,
            opted_out_at: None,
            opt_out_in_window: None,
            withdrawn_at: None,
            end_reason: None,
        }
    }

    fn official(mut self) -> Expect {
        self.status = "official";
        self.official_at = Some(self.deadline);
        self
    }

    fn opted_out(
        mut self,
        at: &'static str,
        in_window: bool,
        reason: Option<&'static str>,
    ) -> Expect {
        self.status = "opted-out";
        self.opted_out_at = Some(at);
        self.opt_out_in_window = Some(in_window);
        self.end_reason = reason;
        self
    }

    fn withdrawn(mut self, at: &'static str, reason: &'static str) -> Expect {
        self.status = "withdrawn";
        self.withdrawn_at = Some(at);
        self.end_reason = Some(reason);
        self
    }

    fn json(&self) -> Json {
        json!({
            "status": self.status,
            "calendar": self.calendar,
            "filed_at": self.filed_at,
            "notified_at": self.notified_at,
            "deadline_day": self.deadline_day,
            "deadline": self.deadline,
            "official_at": self.official_at,
            "opted_out_at": self.opted_out_at,
            "opt_out_in_window": self.opt_out_in_window,
            "withdrawn_at": self.withdrawn_at,
            "end_reason": self.end_reason,
        })
    }
}

/// The fields of `claim` named in `expected`, as an object of the same keys.
fn pick(claim: &Json, expected: &Json) -> Json {
    let picked: serde_json::Map<String, Json> = expected
        .as_object()
        .expect("an object")
        .keys()
        .map(|k| (k.clone(), claim[k].clone()))
        .collect();
    Json::Object(picked)
}

/// The claim with its history's `hash` and `prev_hash` removed (checked in history_chain.rs).
fn without_hashes(mut shown: Json) -> Json {
    for e in shown["history"].as_array_mut().expect("history[]") {
        let obj = e.as_object_mut().unwrap();
        obj.remove("hash");
        obj.remove("prev_hash");
    }
    shown
}

/// `show ID --json` has the expected lifecycle fields and exactly this history, in order.
fn assert_claim(env: &Env, id: i64, expect: &Expect, history: &[Json]) -> Json {
    let shown = env.show(id);
    let expected = expect.json();
    assert_eq!(
        pick(&shown, &expected),
        expected,
        "claim {id}: lifecycle fields"
    );
    // The chain (SPEC §4 v2): each event names the previous one's hash; the hashes themselves
    // are checked in history_chain.rs, the rest of each event here.
    let mut prev = Json::Null;
    let events: Vec<Json> = shown["history"]
        .as_array()
        .expect("history[]")
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let obj = e.as_object_mut().unwrap();
            assert_eq!(
                obj.remove("prev_hash"),
                Some(prev.clone()),
                "claim {id}: chain"
            );
            prev = obj.remove("hash").expect("hash");
            assert_eq!(prev.as_str().map(str::len), Some(64), "claim {id}: hash");
            e
        })
        .collect();
    assert_eq!(
        Json::Array(events),
        Json::Array(history.to_vec()),
        "claim {id}: history"
    );
    shown
}

/// The single claim `cpor claim --json` filed.
fn file_one(env: &Env, claim: &ClaimBuilder) -> Json {
    let filed = env.file(claim);
    assert_eq!(filed.len(), 1, "one claim filed: {filed:?}");
    filed[0].clone()
}

fn id_of(claim: &Json) -> i64 {
    claim["id"].as_i64().expect("an id")
}

/// IDs as a sorted set, for comparing lists whose order is not the point.
fn id_set(claims: &[Json]) -> BTreeSet<i64> {
    ids(claims).into_iter().collect()
}

/// The rows of the `claims` and `events` tables (everything a finalize must leave alone when
/// it has nothing to do, unlike its own `finalize_runs` bookkeeping).
fn claims_and_events(env: &Env) -> String {
    let snap = env.snapshot();
    let mut out = String::new();
    let mut keep = false;
    for line in snap.lines() {
        if let Some(table) = line.strip_prefix("== ") {
            keep = table == "claims" || table == "events";
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(
        out.contains("== claims") && out.contains("== events"),
        "{snap}"
    );
    out
}

/// A unit on tenant A (contoso.com) or B (fabrikam.com).
fn on(env: &Env, tenant_b: bool, workload: &str) -> ClaimBuilder {
    let c = env.m365().set("--workload", workload);
    if tenant_b {
        c.set("--tenant", TENANT_B).set("--domain", DOMAIN_B)
    } else {
        c
    }
}

// ---------------------------------------------------------------------------------------------
// 1. A working week end to end.

/// Monday 2025-06-02 to Monday 2025-06-16 on a stepped clock: claims filed Monday, Tuesday,
/// Friday and Saturday on the default calendar, a London calendar with a holiday and a New York
/// calendar with a cut-off; opt-outs inside the window, after the deadline while still pending,
/// late-entered before and after the deadline on official claims; withdrawals of pending and
/// official claims; finalize one second before a deadline, exactly at it and days later. Every
/// claim's lifecycle fields and full history are checked at the end, and finalize's report at
/// every run.
#[test]
fn a_working_week_end_to_end() {
    // On PostgreSQL the actor is the login role and `--actor` naming anyone else is a usage
    // error (SPEC §9); this story names several actors.
    if sqlite_only() {
        return;
    }
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    // London: Thursday 2025-06-05 is a (made-up) holiday.
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-06-05",
            "--label",
            "Office closed",
        ],
    );
    // New York with a 17:00 cut-off.
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "ny",
            "--tz",
            "America/New_York",
            "--cutoff",
            "17:00",
        ],
    );

    // Monday 10:00Z, default calendar: deadline day Mon 06-09, deadline 06-10T00:00Z (SPEC §5).
    const MON: &str = "2025-06-02T10:00:00Z";
    let a = file_one(&env, &on(&env, false, "teams").set("--comment", "SOW 17"));
    let b = file_one(&env, &on(&env, false, "exchange"));
    let c = file_one(&env, &on(&env, false, "sharepoint"));
    let d = file_one(&env, &on(&env, false, "onedrive"));
    let e = file_one(&env, &on(&env, false, "intune"));
    for x in [&a, &b, &c, &d, &e] {
        assert_eq!(x["deadline_day"], "2025-06-09", "{x}");
        assert_eq!(x["deadline"], "2025-06-10T00:00:00Z", "{x}");
        assert_eq!(x["status"], "pending");
    }

    // Tuesday 09:00Z.
    const TUE: &str = "2025-06-03T09:00:00Z";
    env.set_now(TUE);
    // London, Tuesday 10:00 BST: Wed 4, (Thu 5 holiday), Fri 6, Mon 9, Tue 10, Wed 11 → deadline
    // day Wed 06-11, deadline Thu 06-12 00:00 BST = 06-11T23:00Z.
    let f = file_one(
        &env,
        &on(&env, true, "teams")
            .set("--partner-id", "2000")
            .set("--calendar", "uk"),
    );
    assert_eq!(f["deadline_day"], "2025-06-11");
    assert_eq!(f["deadline"], "2025-06-11T23:00:00Z");
    let g = file_one(&env, &on(&env, true, "exchange"));
    let h = file_one(
        &env,
        &on(&env, true, "sharepoint").set("--partner-id", "2000"),
    );
    for x in [&g, &h] {
        assert_eq!(x["deadline_day"], "2025-06-10");
        assert_eq!(x["deadline"], "2025-06-11T00:00:00Z");
    }

    // Tuesday afternoon: the partner withdraws E while it is pending.
    env.set_now("2025-06-03T15:00:00Z");
    let (out, _) = ok_json(
        &env,
        &[
            "withdraw",
            &id_of(&e).to_string(),
            "--reason",
            "filed against the wrong tenant",
            "--actor",
            "alice",
        ],
    );
    assert_eq!(out.as_array().map(Vec::len), Some(1), "{out}");
    assert_eq!(out[0]["status"], "withdrawn");

    // Wednesday: the customer opts out of B inside the window.
    env.set_now("2025-06-04T09:00:00Z");
    let (out, o) = ok_json(
        &env,
        &[
            "opt-out",
            &id_of(&b).to_string(),
            "--reason",
            "customer declined by e-mail",
            "--actor",
            "support",
        ],
    );
    assert_eq!(out[0]["status"], "opted-out", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], true, "{o}");

    // Friday 12:00Z.
    const FRI: &str = "2025-06-06T12:00:00Z";
    env.set_now(FRI);
    let i = file_one(&env, &on(&env, true, "onedrive"));
    assert_eq!(i["deadline_day"], "2025-06-13");
    assert_eq!(i["deadline"], "2025-06-14T00:00:00Z");
    // New York: notified Thursday 17:30 EDT, at/after the cut-off, so the window counts from
    // Friday: Mon 9 .. Fri 13; deadline Sat 06-14 00:00 EDT = 04:00Z.
    let j = file_one(
        &env,
        &on(&env, true, "intune")
            .set("--calendar", "ny")
            .set("--notified-at", "2025-06-05T21:30:00Z"),
    );
    assert_eq!(j["notified_at"], "2025-06-05T21:30:00Z");
    assert_eq!(j["deadline_day"], "2025-06-13");
    assert_eq!(j["deadline"], "2025-06-14T04:00:00Z");

    // Saturday: deadline day Fri 06-13 (SPEC §5).
    const SAT: &str = "2025-06-07T11:00:00Z";
    env.set_now(SAT);
    let k = file_one(
        &env,
        &on(&env, false, "m365-apps").set("--partner-id", "2000"),
    );
    assert_eq!(k["deadline_day"], "2025-06-13");
    assert_eq!(k["deadline"], "2025-06-14T00:00:00Z");

    let [a, b, c, d, e, f, g, h, i, j, k] = [&a, &b, &c, &d, &e, &f, &g, &h, &i, &j, &k].map(id_of);

    // One second before Monday's deadline: nothing is due.
    env.set_now("2025-06-09T23:59:59Z");
    assert_eq!(
        finalize(&env, &["--actor", "cron"]),
        json!({"finalized": 0, "claims": [], "pending": 9,
               "next_deadline": "2025-06-10T00:00:00Z", "dry_run": false})
    );
    assert_eq!(env.show(a)["status"], "pending");

    // Exactly at the deadline: A, C and D become official.
    env.set_now("2025-06-10T00:00:00Z");
    assert_eq!(
        sorted_report(finalize(&env, &["--actor", "cron"])),
        json!({"finalized": 3, "claims": [a, c, d], "pending": 6,
               "next_deadline": "2025-06-11T00:00:00Z", "dry_run": false})
    );

    // Wednesday 08:00Z: G's deadline has passed but finalize has not run since: the opt-out
    // still ends it, outside the window.
    env.set_now("2025-06-11T08:00:00Z");
    let (out, o) = ok_json(&env, &["opt-out", &g.to_string(), "--actor", "support"]);
    assert_eq!(out[0]["status"], "opted-out", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], false, "{o}");

    // Late on Wednesday: H (due since 00:00Z) becomes official as of its deadline, not as of
    // this run; F is due one second later.
    env.set_now("2025-06-11T22:59:59Z");
    assert_eq!(
        finalize(&env, &["--actor", "cron"]),
        json!({"finalized": 1, "claims": [h], "pending": 4,
               "next_deadline": "2025-06-11T23:00:00Z", "dry_run": false})
    );
    assert_eq!(env.show(f)["status"], "pending");
    env.set_now("2025-06-11T23:00:00Z");
    assert_eq!(
        finalize(&env, &["--actor", "cron"]),
        json!({"finalized": 1, "claims": [f], "pending": 3,
               "next_deadline": "2025-06-14T00:00:00Z", "dry_run": false})
    );

    // Thursday: a late-entered opt-out dated before C's deadline ends the official claim and
    // counts as inside the window; D's is dated after its deadline; H is withdrawn.
    env.set_now("2025-06-12T09:00:00Z");
    let (out, o) = ok_json(
        &env,
        &[
            "opt-out",
            &c.to_string(),
            "--at",
            "2025-06-09T16:00:00Z",
            "--reason",
            "declined by phone on Monday",
            "--actor",
            "support",
        ],
    );
    assert_eq!(out[0]["status"], "opted-out", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], true, "{o}");
    let (out, o) = ok_json(
        &env,
        &[
            "opt-out",
            &d.to_string(),
            "--at",
            "2025-06-11T12:00:00Z",
            "--reason",
            "changed partner",
            "--actor",
            "support",
        ],
    );
    assert_eq!(out[0]["status"], "opted-out", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], false, "{o}");
    ok_json(
        &env,
        &[
            "withdraw",
            &h.to_string(),
            "--reason",
            "customer relationship ended",
            "--actor",
            "bob",
        ],
    );

    // The next Monday: the Friday, Saturday and New York claims become official as of their
    // own deadlines; a second run has nothing to do.
    env.set_now("2025-06-16T08:00:00Z");
    assert_eq!(
        sorted_report(finalize(&env, &["--actor", "cron"])),
        json!({"finalized": 3, "claims": [i, j, k], "pending": 0,
               "next_deadline": null, "dry_run": false})
    );
    assert_eq!(
        finalize(&env, &["--actor", "cron"]),
        json!({"finalized": 0, "claims": [], "pending": 0, "next_deadline": null, "dry_run": false})
    );

    // Every claim, field by field, with its whole history.
    let mon = Expect::pending("default", MON, "2025-06-09", "2025-06-10T00:00:00Z");
    let tue = Expect::pending("default", TUE, "2025-06-10", "2025-06-11T00:00:00Z");
    let filed = |at: &str, reason: Option<&str>| ev("filed", None, "pending", "tester", at, reason);
    let fin = |at: &str| ev("finalized", Some("pending"), "official", "cron", at, None);

    assert_claim(
        &env,
        a,
        &mon.clone().official(),
        &[filed(MON, Some("SOW 17")), fin("2025-06-10T00:00:00Z")],
    );
    assert_claim(
        &env,
        b,
        &mon.clone().opted_out(
            "2025-06-04T09:00:00Z",
            true,
            Some("customer declined by e-mail"),
        ),
        &[
            filed(MON, None),
            ev(
                "opted-out",
                Some("pending"),
                "opted-out",
                "support",
                "2025-06-04T09:00:00Z",
                Some("customer declined by e-mail"),
            ),
        ],
    );
    // C: official, then opted out with an instant inside the window. Whether `official_at` is
    // kept is not settled by the SPEC; if kept, it is the deadline, never a finalize run time.
    let c_expect = mon.clone().official().opted_out(
        "2025-06-09T16:00:00Z",
        true,
        Some("declined by phone on Monday"),
    );
    let shown = without_hashes(env.show(c));
    assert!(
        shown["official_at"].is_null() || shown["official_at"] == "2025-06-10T00:00:00Z",
        "{shown}"
    );
    let mut c_fields = c_expect.json();
    c_fields["official_at"] = shown["official_at"].clone();
    assert_eq!(pick(&shown, &c_fields), c_fields, "claim {c}");
    assert_eq!(
        shown["history"],
        json!([
            filed(MON, None),
            fin("2025-06-10T00:00:00Z"),
            ev(
                "opted-out",
                Some("official"),
                "opted-out",
                "support",
                "2025-06-12T09:00:00Z",
                Some("declined by phone on Monday")
            ),
        ]),
        "claim {c}"
    );
    assert_claim(
        &env,
        d,
        &mon.clone()
            .official()
            .opted_out("2025-06-11T12:00:00Z", false, Some("changed partner")),
        &[
            filed(MON, None),
            fin("2025-06-10T00:00:00Z"),
            ev(
                "opted-out",
                Some("official"),
                "opted-out",
                "support",
                "2025-06-12T09:00:00Z",
                Some("changed partner"),
            ),
        ],
    );
    assert_claim(
        &env,
        e,
        &mon.clone()
            .withdrawn("2025-06-03T15:00:00Z", "filed against the wrong tenant"),
        &[
            filed(MON, None),
            ev(
                "withdrawn",
                Some("pending"),
                "withdrawn",
                "alice",
                "2025-06-03T15:00:00Z",
                Some("filed against the wrong tenant"),
            ),
        ],
    );
    assert_claim(
        &env,
        f,
        &Expect::pending("uk", TUE, "2025-06-11", "2025-06-11T23:00:00Z").official(),
        &[filed(TUE, None), fin("2025-06-11T23:00:00Z")],
    );
    assert_claim(
        &env,
        g,
        &tue.clone().opted_out("2025-06-11T08:00:00Z", false, None),
        &[
            filed(TUE, None),
            ev(
                "opted-out",
                Some("pending"),
                "opted-out",
                "support",
                "2025-06-11T08:00:00Z",
                None,
            ),
        ],
    );
    // H was finalized by the run at 22:59:59Z, but became official at its deadline.
    assert_claim(
        &env,
        h,
        &tue.clone()
            .official()
            .withdrawn("2025-06-12T09:00:00Z", "customer relationship ended"),
        &[
            filed(TUE, None),
            fin("2025-06-11T22:59:59Z"),
            ev(
                "withdrawn",
                Some("official"),
                "withdrawn",
                "bob",
                "2025-06-12T09:00:00Z",
                Some("customer relationship ended"),
            ),
        ],
    );
    assert_claim(
        &env,
        i,
        &Expect::pending("default", FRI, "2025-06-13", "2025-06-14T00:00:00Z").official(),
        &[filed(FRI, None), fin("2025-06-16T08:00:00Z")],
    );
    let mut j_expect = Expect::pending("ny", FRI, "2025-06-13", "2025-06-14T04:00:00Z").official();
    j_expect.notified_at = "2025-06-05T21:30:00Z";
    assert_claim(
        &env,
        j,
        &j_expect,
        &[filed(FRI, None), fin("2025-06-16T08:00:00Z")],
    );
    assert_claim(
        &env,
        k,
        &Expect::pending("default", SAT, "2025-06-13", "2025-06-14T00:00:00Z").official(),
        &[filed(SAT, None), fin("2025-06-16T08:00:00Z")],
    );

    // `list` agrees with `show`, and its status filter sees the same states.
    let all = env.list_all();
    assert_eq!(all.len(), 11);
    for claim in &all {
        let mut shown = env.show(id_of(claim));
        shown.as_object_mut().unwrap().remove("history");
        assert_eq!(
            claim, &shown,
            "list and show disagree on claim {}",
            claim["id"]
        );
    }
    let by_status = |s: &str| id_set(&env.list(&["--status", s, "--all"]));
    assert_eq!(by_status("official"), BTreeSet::from([a, f, i, j, k]));
    assert_eq!(by_status("opted-out"), BTreeSet::from([b, c, d, g]));
    assert_eq!(by_status("withdrawn"), BTreeSet::from([e, h]));
    assert_eq!(by_status("pending"), BTreeSet::new());
}

/// The three examples of SPEC §5, through the command line.
#[test]
fn the_deadline_examples_of_spec_section_5() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    // Monday 10:00Z on the default calendar.
    let mon = file_one(&env, &env.m365());
    assert_eq!(mon["notified_at"], "2025-06-02T10:00:00Z");
    assert_eq!(mon["deadline_day"], "2025-06-09");
    assert_eq!(mon["deadline"], "2025-06-10T00:00:00Z");
    assert_eq!(mon["calendar"], "default");

    // London with the Christmas holidays, filed on Christmas Eve; the Saturday example is
    // backdated with --notified-at from the same instant.
    env.set_now("2025-12-24T14:00:00Z");
    ok_json(
        &env,
        &["calendar", "set", "london", "--tz", "Europe/London"],
    );
    for day in ["2025-12-25", "2025-12-26", "2026-01-01"] {
        ok_json(&env, &["calendar", "holiday", "add", "london", day]);
    }
    let xmas = file_one(
        &env,
        &env.m365()
            .set("--workload", "exchange")
            .set("--calendar", "london")
            .set("--poe-signed", "2025-12-01"),
    );
    assert_eq!(xmas["notified_at"], "2025-12-24T14:00:00Z");
    assert_eq!(xmas["deadline_day"], "2026-01-05");
    assert_eq!(xmas["deadline"], "2026-01-06T00:00:00Z");
    assert_eq!(xmas["calendar"], "london");

    // Backdating by more than the default 30 days needs the config (SPEC v2 §3).
    std::fs::create_dir_all(env.path("config/cpor")).unwrap();
    std::fs::write(
        env.path("config/cpor/config.toml"),
        "max_notified_backdate_days = 365\n",
    )
    .unwrap();
    let sat = file_one(
        &env,
        &env.m365()
            .set("--workload", "sharepoint")
            .set("--notified-at", "2025-06-07T09:30:00Z")
            .set("--poe-signed", "2025-06-01"),
    );
    assert_eq!(sat["filed_at"], "2025-12-24T14:00:00Z");
    assert_eq!(sat["notified_at"], "2025-06-07T09:30:00Z");
    assert_eq!(sat["deadline_day"], "2025-06-13");
    assert_eq!(sat["deadline"], "2025-06-14T00:00:00Z");

    // The stored values are what show reports, too.
    for c in [&mon, &xmas, &sat] {
        let shown = env.show(id_of(c));
        for key in ["notified_at", "deadline_day", "deadline", "calendar"] {
            assert_eq!(shown[key], c[key], "{key} of claim {}", c["id"]);
        }
    }

    // --notified-at may not lie in the future.
    let before = env.snapshot();
    let out = cpor(
        &env,
        &{
            let mut args = vec!["claim".to_string()];
            args.extend(
                env.m365()
                    .set("--workload", "onedrive")
                    .set("--notified-at", "2025-12-24T14:00:01Z")
                    .args(),
            );
            args
        }
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>(),
    );
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(out.error()["error"]["kind"], "usage", "{out}");
    assert_eq!(env.snapshot(), before);
}

// ---------------------------------------------------------------------------------------------
// 2. Transitions.

/// A pending, an official, an opted-out and a withdrawn claim on tenant A, at 2025-06-12.
struct Four {
    env: Env,
    pending: i64,
    official: i64,
    opted_out: i64,
    withdrawn: i64,
}

fn four() -> Four {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    let official = id_of(&file_one(&env, &on(&env, false, "teams")));
    let opted_out = id_of(&file_one(&env, &on(&env, false, "exchange")));
    let withdrawn = id_of(&file_one(&env, &on(&env, false, "sharepoint")));
    env.set_now("2025-06-10T00:00:00Z");
    finalize(&env, &[]);
    env.set_now("2025-06-11T09:00:00Z");
    let pending = id_of(&file_one(&env, &on(&env, false, "onedrive")));
    env.set_now("2025-06-12T09:00:00Z");
    ok_json(&env, &["opt-out", &opted_out.to_string()]);
    ok_json(
        &env,
        &["withdraw", &withdrawn.to_string(), "--reason", "mistake"],
    );
    Four {
        env,
        pending,
        official,
        opted_out,
        withdrawn,
    }
}

#[test]
fn repeating_the_same_ending_changes_nothing_and_says_so() {
    let mut w = four();
    w.env.set_now("2025-06-13T09:00:00Z");
    let before = w.env.snapshot();

    let (out, o) = ok_json(
        &w.env,
        &["opt-out", &w.opted_out.to_string(), "--reason", "again"],
    );
    assert_eq!(out[0]["status"], "opted-out", "{o}");
    assert_eq!(out[0]["opted_out_at"], "2025-06-12T09:00:00Z", "{o}");
    assert!(o.stderr.contains("already opted out"), "{o}");
    assert_eq!(
        w.env.snapshot(),
        before,
        "a repeated opt-out wrote something"
    );

    let (out, o) = ok_json(
        &w.env,
        &["withdraw", &w.withdrawn.to_string(), "--reason", "again"],
    );
    assert_eq!(out[0]["status"], "withdrawn", "{o}");
    assert_eq!(out[0]["end_reason"], "mistake", "{o}");
    assert!(o.stderr.contains("already withdrawn"), "{o}");
    assert_eq!(
        w.env.snapshot(),
        before,
        "a repeated withdrawal wrote something"
    );

    // In table format too: exit 0, the note on stderr.
    let o = run(w.env.cmd().args(["opt-out", &w.opted_out.to_string()]));
    assert_eq!(o.code, Some(0), "{o}");
    assert!(o.stderr.contains("already opted out"), "{o}");
    assert_eq!(w.env.snapshot(), before);
}

#[test]
fn crossing_endings_are_invalid_transitions() {
    let w = four();
    let before = w.env.snapshot();
    for args in [
        vec!["opt-out".to_string(), w.withdrawn.to_string()],
        vec![
            "withdraw".to_string(),
            w.opted_out.to_string(),
            "--reason".into(),
            "oops".into(),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cpor(&w.env, &args);
        assert_eq!(out.code, Some(3), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
        let err = out.error();
        assert_eq!(err["error"]["kind"], "refused", "{out}");
        assert_eq!(err["error"]["code"], "invalid-transition", "{out}");
        assert_eq!(rule_codes(&err), ["invalid-transition"], "{out}");
        assert!(
            out.stderr.lines().any(|l| l.starts_with("error: ")),
            "{out}"
        );
        assert_eq!(w.env.snapshot(), before, "cpor {args:?} wrote something");
    }
}

#[test]
fn opt_out_instant_must_lie_between_notification_and_now() {
    let w = four();
    let before = w.env.snapshot();
    let p = w.pending.to_string();
    // The pending claim was notified at 2025-06-11T09:00Z; now is 2025-06-12T09:00Z.
    for at in [
        "2025-06-12T09:00:01Z",
        "2025-06-11T08:59:59Z",
        "2025-06-31T00:00:00Z",
        "yesterday",
    ] {
        let out = cpor(&w.env, &["opt-out", &p, "--at", at]);
        assert_eq!(out.code, Some(2), "--at {at}\n{out}");
        assert_eq!(out.error()["error"]["kind"], "usage", "{out}");
        assert_eq!(w.env.snapshot(), before, "--at {at} wrote something");
    }
    // An instant before the notification of one claim refuses the whole command.
    let out = cpor(
        &w.env,
        &[
            "opt-out",
            &w.official.to_string(),
            &p,
            "--at",
            "2025-06-05T00:00:00Z",
        ],
    );
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(w.env.snapshot(), before);

    // The bounds themselves are allowed: exactly the notification instant...
    let (out, o) = ok_json(&w.env, &["opt-out", &p, "--at", "2025-06-11T09:00:00Z"]);
    assert_eq!(out[0]["opted_out_at"], "2025-06-11T09:00:00Z", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], true, "{o}");
    // ...and exactly now (which, for the official claim, is after its deadline). An offset
    // instant is stored in UTC.
    let (out, o) = ok_json(
        &w.env,
        &[
            "opt-out",
            &w.official.to_string(),
            "--at",
            "2025-06-12T11:00:00+02:00",
        ],
    );
    assert_eq!(out[0]["opted_out_at"], "2025-06-12T09:00:00Z", "{o}");
    assert_eq!(out[0]["opt_out_in_window"], false, "{o}");
}

#[test]
fn withdraw_needs_a_reason() {
    let w = four();
    let before = w.env.snapshot();
    let p = w.pending.to_string();
    for args in [
        vec!["withdraw", p.as_str()],
        vec!["withdraw", p.as_str(), "--reason", ""],
        vec!["withdraw", p.as_str(), "--reason", "   "],
    ] {
        let out = cpor(&w.env, &args);
        assert_eq!(out.code, Some(2), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
        assert_eq!(w.env.snapshot(), before, "cpor {args:?} wrote something");
    }
    assert_eq!(w.env.show(w.pending)["status"], "pending");
}

#[test]
fn unknown_ids_are_not_found() {
    let w = four();
    let before = w.env.snapshot();
    for args in [
        vec!["opt-out", "999"],
        vec!["withdraw", "999", "--reason", "x"],
        vec!["show", "999"],
    ] {
        let out = cpor(&w.env, &args);
        assert_eq!(out.code, Some(4), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
        assert_eq!(out.error()["error"]["kind"], "not-found", "{out}");
        assert!(out.stderr.contains("999"), "the error names the ID\n{out}");
        assert_eq!(w.env.snapshot(), before, "cpor {args:?} wrote something");
    }
}

#[test]
fn several_ids_change_all_or_nothing() {
    let w = four();
    let before = w.env.snapshot();
    let p = w.pending.to_string();
    let o = w.official.to_string();
    let wd = w.withdrawn.to_string();
    let oo = w.opted_out.to_string();
    let cases: Vec<(Vec<&str>, i32)> = vec![
        // An unknown ID anywhere in the list.
        (vec!["opt-out", &p, &o, "999"], 4),
        (vec!["opt-out", "999", &p], 4),
        (vec!["withdraw", &p, "999", &o, "--reason", "x"], 4),
        // A claim the change is invalid for.
        (vec!["opt-out", &p, &o, &wd], 3),
        (vec!["withdraw", &p, &o, &oo, "--reason", "x"], 3),
    ];
    for (args, code) in cases {
        let out = cpor(&w.env, &args);
        assert_eq!(out.code, Some(code), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
        assert_eq!(w.env.snapshot(), before, "cpor {args:?} changed something");
    }
    // All valid: all change together, the already-ended one is reported unchanged.
    let (out, outcome) = ok_json(
        &w.env,
        &[
            "withdraw",
            &p,
            &o,
            &w.withdrawn.to_string(),
            "--reason",
            "x",
        ],
    );
    assert_eq!(
        id_set(out.as_array().unwrap()),
        BTreeSet::from([w.pending, w.official, w.withdrawn]),
        "{outcome}"
    );
    for id in [w.pending, w.official] {
        let c = w.env.show(id);
        assert_eq!(c["status"], "withdrawn");
        assert_eq!(c["withdrawn_at"], "2025-06-12T09:00:00Z");
        assert_eq!(c["end_reason"], "x");
    }
    assert_eq!(w.env.show(w.withdrawn)["end_reason"], "mistake");
}

#[test]
fn opt_out_by_tenant_and_workload() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    let teams = id_of(&file_one(&env, &on(&env, false, "teams")));
    let exchange = id_of(&file_one(
        &env,
        &on(&env, false, "exchange").set("--partner-id", "2000"),
    ));
    let sharepoint = id_of(&file_one(&env, &on(&env, false, "sharepoint")));
    let intune = id_of(&file_one(&env, &on(&env, false, "intune")));
    let b_teams = id_of(&file_one(&env, &on(&env, true, "teams")));
    env.set_now("2025-06-10T00:00:00Z");
    finalize(&env, &[]); // all official
    env.set_now("2025-06-10T09:00:00Z");
    let onedrive = id_of(&file_one(&env, &on(&env, false, "onedrive"))); // pending
    ok_json(
        &env,
        &["withdraw", &intune.to_string(), "--reason", "ended"],
    );

    // Only teams of tenant A, although tenant B also has teams.
    let (out, o) = ok_json(
        &env,
        &[
            "opt-out",
            "--tenant",
            TENANT_A,
            "--workload",
            "teams",
            "--reason",
            "declined",
        ],
    );
    assert_eq!(ids(out.as_array().unwrap()), [teams], "{o}");
    assert_eq!(env.show(teams)["status"], "opted-out");
    assert_eq!(env.show(b_teams)["status"], "official");

    // Several workloads.
    let (out, o) = ok_json(
        &env,
        &[
            "opt-out",
            "--tenant",
            TENANT_A,
            "--workload",
            "exchange",
            "--workload",
            "onedrive",
        ],
    );
    assert_eq!(
        id_set(out.as_array().unwrap()),
        BTreeSet::from([exchange, onedrive]),
        "{o}"
    );

    // The rest of tenant A: its remaining active claims, official or pending, of any partner;
    // the withdrawn one and tenant B are left alone.
    let (out, o) = ok_json(&env, &["opt-out", "--tenant", TENANT_A]);
    assert_eq!(ids(out.as_array().unwrap()), [sharepoint], "{o}");
    for (id, status) in [
        (teams, "opted-out"),
        (exchange, "opted-out"),
        (sharepoint, "opted-out"),
        (onedrive, "opted-out"),
        (intune, "withdrawn"),
        (b_teams, "official"),
    ] {
        assert_eq!(env.show(id)["status"], status, "claim {id}");
    }
    let c = env.show(onedrive);
    assert_eq!(c["opt_out_in_window"], true);
    assert_eq!(env.show(sharepoint)["opt_out_in_window"], false);
    assert_eq!(env.show(teams)["end_reason"], "declined");

    // Nothing active left: exit 0, nothing written, an empty array, a note.
    let before = env.snapshot();
    let (out, o) = ok_json(&env, &["opt-out", "--tenant", TENANT_A]);
    assert_eq!(out, json!([]), "{o}");
    assert!(
        !o.stderr.trim().is_empty(),
        "a note says there was nothing to do\n{o}"
    );
    let (out, _) = ok_json(
        &env,
        &["opt-out", "--tenant", TENANT_B, "--workload", "exchange"],
    );
    assert_eq!(out, json!([]));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_ended_unit_can_be_claimed_by_another_partner() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    let first = id_of(&file_one(&env, &env.m365()));
    let rival = env.m365().set("--partner-id", "2000");

    // While 1000 holds it, 2000 is refused.
    let out = run(rival.cmd(&env).arg("--json"));
    assert_eq!(out.code, Some(3), "{out}");
    assert_eq!(out.error()["error"]["code"], "already-associated", "{out}");

    // Withdrawn: 2000 may claim it.
    env.set_now("2025-06-03T10:00:00Z");
    ok_json(
        &env,
        &["withdraw", &first.to_string(), "--reason", "handing over"],
    );
    let second = id_of(&file_one(&env, &rival));
    assert_eq!(env.show(second)["status"], "pending");

    // Opted out (customer declined 2000): 1000 may claim it again.
    env.set_now("2025-06-04T10:00:00Z");
    ok_json(&env, &["opt-out", &second.to_string()]);
    let third = id_of(&file_one(&env, &env.m365()));
    let all = env.list_all();
    let status: BTreeMap<i64, String> = all
        .iter()
        .map(|c| (id_of(c), c["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        status,
        BTreeMap::from([
            (first, "withdrawn".to_string()),
            (second, "opted-out".to_string()),
            (third, "pending".to_string()),
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// 3. finalize.

#[test]
fn finalize_report_dry_run_and_idempotence() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let a = id_of(&file_one(&env, &on(&env, false, "teams")));
    let b = id_of(&file_one(&env, &on(&env, false, "exchange")));
    env.set_now("2025-06-04T10:00:00Z");
    let later = id_of(&file_one(&env, &on(&env, false, "sharepoint"))); // deadline 06-12T00Z
    env.set_now("2025-06-10T12:00:00Z");

    // Dry run: exactly the keys, what would happen, and not one byte written.
    let before = env.snapshot();
    let out = run(env.cmd().args(["finalize", "--dry-run", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let dry: Json = serde_json::from_str(&out.stdout).unwrap();
    let keys: BTreeSet<&str> = dry
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["finalized", "claims", "pending", "next_deadline", "dry_run"])
    );
    assert_eq!(
        sorted_report(dry.clone()),
        json!({"finalized": 2, "claims": [a, b], "pending": 1,
               "next_deadline": "2025-06-12T00:00:00Z", "dry_run": true})
    );
    assert_eq!(env.snapshot(), before, "finalize --dry-run wrote something");
    for id in [a, b] {
        assert_eq!(env.show(id)["status"], "pending");
    }

    // The real run does what the dry run said.
    let out = run(env.cmd().args(["finalize", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let real: Json = serde_json::from_str(&out.stdout).unwrap();
    let mut expected = sorted_report(dry);
    expected["dry_run"] = json!(false);
    assert_eq!(sorted_report(real), expected);
    // One summary line on stderr, no terminal escapes anywhere (not a terminal).
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "one summary line\n{out}");
    assert!(lines[0].contains('2'), "the summary gives the count\n{out}");
    assert!(
        !out.stderr.contains('\x1b') && !out.stdout.contains('\x1b'),
        "{out}"
    );
    assert!(!out.stderr.contains('\r'), "no progress bar redraws\n{out}");
    for id in [a, b] {
        assert_eq!(env.show(id)["official_at"], "2025-06-10T00:00:00Z");
    }
    assert_eq!(env.show(later)["status"], "pending");

    // Again at the same instant: nothing to do, claims and history untouched.
    let tables = claims_and_events(&env);
    let out = run(env.cmd().args(["finalize", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        serde_json::from_str::<Json>(&out.stdout).unwrap(),
        json!({"finalized": 0, "claims": [], "pending": 1,
               "next_deadline": "2025-06-12T00:00:00Z", "dry_run": false})
    );
    assert_eq!(
        out.stderr.lines().filter(|l| !l.trim().is_empty()).count(),
        1,
        "{out}"
    );
    assert_eq!(claims_and_events(&env), tables);
    // A dry run now would do nothing either.
    assert_eq!(
        finalize(&env, &["--dry-run"]),
        json!({"finalized": 0, "claims": [], "pending": 1,
               "next_deadline": "2025-06-12T00:00:00Z", "dry_run": true})
    );

    // Table format: the summary line on stderr, no escapes, nothing else.
    let out = run(env.cmd().arg("finalize"));
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        out.stderr.lines().filter(|l| !l.trim().is_empty()).count(),
        1,
        "{out}"
    );
    assert!(
        !out.stderr.contains('\x1b') && !out.stdout.contains('\x1b'),
        "{out}"
    );
    assert_eq!(claims_and_events(&env), tables);

    // An empty database: nothing to do is success.
    let empty = Env::new();
    assert_eq!(
        finalize(&empty, &[]),
        json!({"finalized": 0, "claims": [], "pending": 0, "next_deadline": null, "dry_run": false})
    );
}

/// The number of claims the kill test seeds.
const KILL_CLAIMS: usize = 20_000;

/// Counts read straight from the database after a (possibly killed) finalize.
#[derive(Debug, Default, PartialEq)]
struct Census {
    pending: i64,
    official: i64,
    finalized_events: i64,
}

/// Check the invariants of SPEC §4 over every claim and return the counts:
/// status is the `to` of the last event; an official claim has exactly one `finalized` event
/// and `official_at == deadline`; a pending claim has none and no `official_at`.
fn check_consistency(db: &Path) -> Census {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the database read-only");
    let bad: Vec<(i64, String)> = conn
        .prepare(
            "SELECT c.id, c.status || ' last=' || coalesce(l.to_status, '-') || ' finalized='
                    || (SELECT count(*) FROM events e WHERE e.claim_id = c.id
                        AND e.action = 'finalized')
                    || ' official_at=' || coalesce(c.official_at, '-')
                    || ' deadline=' || c.deadline
             FROM claims c
             LEFT JOIN events l ON l.id = (SELECT max(id) FROM events WHERE claim_id = c.id)
             WHERE l.to_status IS NOT c.status
                OR (c.status = 'official' AND (c.official_at IS NOT c.deadline
                    OR (SELECT count(*) FROM events e WHERE e.claim_id = c.id
                        AND e.action = 'finalized') <> 1))
                OR (c.status = 'pending' AND (c.official_at IS NOT NULL
                    OR EXISTS (SELECT 1 FROM events e WHERE e.claim_id = c.id
                        AND e.action = 'finalized')))
             LIMIT 20",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(bad.is_empty(), "inconsistent claims (first 20): {bad:#?}");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    Census {
        pending: count("SELECT count(*) FROM claims WHERE status = 'pending'"),
        official: count("SELECT count(*) FROM claims WHERE status = 'official'"),
        finalized_events: count("SELECT count(*) FROM events WHERE action = 'finalized'"),
    }
}

/// The number of claims official in `db` (read-only; 0 while the file cannot be read).
fn official_count(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT count(*) FROM claims WHERE status = 'official'",
        [],
        |r| r.get(0),
    )
    .unwrap_or(0)
}

/// Fresh databases the kill test tries before it gives up landing a kill mid-run. The kill is
/// sent as soon as the first chunk is seen committed, with about 39 chunks still to go, so one
/// attempt is almost always enough; more cover a test process descheduled for that long.
const KILL_ATTEMPTS: usize = 5;

/// SIGKILL `cpor finalize` while it works through 20,000 due claims: every claim is consistent
/// with its history, no claim is half-finalized, and a rerun finishes the job without
/// finalizing any claim twice.
///
/// No fixed delay: the test watches the database and kills finalize as soon as its first chunk
/// is committed, so how fast the machine is does not decide whether the kill lands mid-run.
#[test]
fn finalize_killed_mid_run_leaves_consistent_state_and_a_rerun_completes() {
    if sqlite_only() {
        return;
    }
    let notified: DateTime<Utc> = "2025-06-02T10:00:00Z".parse().unwrap();
    let deadline: DateTime<Utc> = "2025-06-10T00:00:00Z".parse().unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 6, 9).unwrap();

    let mut landed = None;
    // (official when seen working, official after the kill, exit code) per attempt.
    let mut tried = Vec::new();
    for _attempt in 0..KILL_ATTEMPTS {
        let mut env = Env::new();
        env.partner("1000", &["osu-m365"]);
        seed_due_claims(&env.db, KILL_CLAIMS, notified, day, deadline);
        env.set_now("2025-06-16T08:00:00Z");
        let census = check_consistency(&env.db);
        assert_eq!(
            census,
            Census {
                pending: KILL_CLAIMS as i64,
                official: 0,
                finalized_events: 0
            }
        );

        let mut child = env
            .std_cmd()
            .args(["finalize", "--json"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn cpor finalize");
        let conn = Connection::open_with_flags(&env.db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the database read-only");
        let seen = loop {
            let official = official_count(&conn);
            if official > 0 || child.try_wait().expect("poll finalize").is_some() {
                break official;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        };
        let _ = child.kill(); // SIGKILL; an error only means it has already exited.
        let status = child.wait().expect("wait for finalize");
        drop(conn);
        let census = check_consistency(&env.db);
        assert_eq!(
            census.official + census.pending,
            KILL_CLAIMS as i64,
            "claims left pending/official: {census:?}"
        );
        assert_eq!(census.finalized_events, census.official, "{census:?}");
        tried.push((seen, census.official, status.code()));
        if census.official > 0 && census.pending > 0 {
            landed = Some((env, census));
            break;
        }
    }
    let Some((env, census)) = landed else {
        panic!("no kill landed mid-run (official when seen, after the kill, exit): {tried:?}");
    };
    eprintln!(
        "kill test figures: attempts (official when seen, after the kill, exit) {tried:?}; \
         left {census:?}"
    );

    // The rerun finalizes exactly the rest.
    let pending_before: BTreeSet<i64> = {
        let conn = Connection::open_with_flags(&env.db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        conn.prepare("SELECT id FROM claims WHERE status = 'pending'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let out = run(env.cmd().args(["finalize", "--json"]));
    assert_eq!(out.code, Some(0), "{out}");
    let report: Json = serde_json::from_str(&out.stdout).expect("finalize --json");
    // Thousands of claims, but stderr is not a terminal: no progress bar, one summary line.
    assert!(
        !out.stderr.contains('\x1b') && !out.stderr.contains('\r'),
        "terminal control codes on stderr: {:?}",
        out.stderr
    );
    assert_eq!(
        out.stderr.lines().filter(|l| !l.trim().is_empty()).count(),
        1,
        "{}",
        out.stderr
    );
    assert_eq!(report["finalized"], json!(pending_before.len()), "{report}");
    let finalized: BTreeSet<i64> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(finalized, pending_before);
    assert_eq!(report["pending"], 0);
    assert_eq!(report["next_deadline"], Json::Null);

    let census = check_consistency(&env.db);
    assert_eq!(
        census,
        Census {
            pending: 0,
            official: KILL_CLAIMS as i64,
            finalized_events: KILL_CLAIMS as i64,
        }
    );
    // The command line sees the same.
    assert_eq!(env.list(&["--status", "pending", "--all"]).len(), 0);
    let sample = env.show(1);
    assert_eq!(sample["status"], "official");
    assert_eq!(sample["official_at"], "2025-06-10T00:00:00Z");
}
