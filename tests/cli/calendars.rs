//! SPEC §5 and `cpor calendar` (§6): creating and editing calendars, holidays, importing CSV and
//! iCalendar files, and the deadlines claims get from a named calendar — time zone, weekend,
//! holidays, cut-off and a DST gap — which later calendar edits never move.

use crate::harness::*;
use serde_json::{Value as Json, json};

/// `cpor <args> --json` at the environment's current instant.
fn cpor(env: &Env, args: &[&str]) -> Outcome {
    run(env.cmd().args(args).arg("--json"))
}

/// `cpor <args> --json`, which must exit 0; its stdout parsed.
fn ok_json(env: &Env, args: &[&str]) -> (Json, Outcome) {
    let out = cpor(env, args);
    assert_eq!(out.code, Some(0), "cpor {args:?}\n{out}");
    let v = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("cpor {args:?}: stdout is not JSON ({e})\n{out}"));
    (v, out)
}

/// `cpor <args> --json` must fail with `code` and error kind `kind`, print nothing on stdout
/// and leave the database exactly as it was. Returns the outcome.
fn assert_fails(env: &Env, args: &[&str], code: i32, kind: &str) -> Outcome {
    let before = env.snapshot();
    let out = cpor(env, args);
    assert_eq!(out.code, Some(code), "cpor {args:?}\n{out}");
    assert_eq!(out.stdout, "", "cpor {args:?}\n{out}");
    assert_eq!(out.error()["error"]["kind"], kind, "cpor {args:?}\n{out}");
    assert!(
        out.stderr.lines().any(|l| l.starts_with("error: ")),
        "{out}"
    );
    assert_eq!(env.snapshot(), before, "cpor {args:?} changed the database");
    out
}

/// `calendar show NAME --json`.
fn calendar(env: &Env, name: &str) -> Json {
    ok_json(env, &["calendar", "show", name]).0
}

/// The holidays of a calendar as `(date, label)` pairs.
fn holidays(env: &Env, name: &str) -> Vec<(String, Option<String>)> {
    calendar(env, name)["holidays"]
        .as_array()
        .expect("holidays[]")
        .iter()
        .map(|h| {
            (
                h["date"].as_str().expect("a date").to_string(),
                h["label"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn day(date: &str, label: Option<&str>) -> (String, Option<String>) {
    (date.to_string(), label.map(str::to_string))
}

/// A valid claim on a unit of its own (tenant number `n`, domain `t<n>.example.com`).
fn unit(env: &Env, n: u32) -> ClaimBuilder {
    env.m365()
        .set("--tenant", &format!("{n:08x}-0000-4000-8000-00000000ca1e"))
        .set("--domain", &format!("t{n}.example.com"))
}

/// File a claim on unit `n`, optionally on `calendar` and notified at `notified`; returns the
/// filed claim.
fn file_on(env: &Env, n: u32, calendar: Option<&str>, notified: Option<&str>) -> Json {
    let mut c = unit(env, n);
    if let Some(cal) = calendar {
        c = c.set("--calendar", cal);
    }
    if let Some(at) = notified {
        // A notification is never before the PoE's signature (SPEC v2 §3).
        c = c.set("--notified-at", at).set("--poe-signed", &at[..10]);
    }
    let filed = env.file(&c);
    assert_eq!(filed.len(), 1);
    filed[0].clone()
}

/// `(deadline_day, deadline)` of a filed claim.
fn deadline(c: &Json) -> (&str, &str) {
    (
        c["deadline_day"].as_str().expect("deadline_day"),
        c["deadline"].as_str().expect("deadline"),
    )
}

#[test]
fn set_creates_with_defaults_and_updates_one_field_at_a_time() {
    let env = Env::new();
    let (cal, out) = ok_json(&env, &["calendar", "set", "eu"]);
    assert_eq!(
        cal,
        json!({"name": "eu", "tz": "UTC", "weekend": ["sat", "sun"], "cutoff": null, "holidays": []}),
        "{out}"
    );
    assert!(out.stderr.contains("created"), "{out}");

    let (cal, out) = ok_json(&env, &["calendar", "set", "eu", "--tz", "Europe/Paris"]);
    assert_eq!(cal["tz"], "Europe/Paris", "{out}");
    assert_eq!(cal["weekend"], json!(["sat", "sun"]));
    assert_eq!(cal["cutoff"], Json::Null);
    assert!(out.stderr.contains("updated"), "{out}");

    let (cal, _) = ok_json(&env, &["calendar", "set", "eu", "--cutoff", "17:30"]);
    assert_eq!(
        (&cal["tz"], &cal["cutoff"]),
        (&json!("Europe/Paris"), &json!("17:30"))
    );

    ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "eu",
            "2025-07-14",
            "--label",
            "Fête nationale",
        ],
    );
    let (cal, _) = ok_json(&env, &["calendar", "set", "eu", "--weekend", "fri,sat"]);
    assert_eq!(cal["weekend"], json!(["fri", "sat"]));
    assert_eq!(
        cal["cutoff"], "17:30",
        "changing the weekend keeps the cut-off"
    );
    assert_eq!(
        cal["holidays"],
        json!([{"date": "2025-07-14", "label": "Fête nationale"}]),
        "changing the weekend keeps the holidays"
    );

    let (cal, _) = ok_json(
        &env,
        &[
            "calendar",
            "set",
            "eu",
            "--cutoff",
            "none",
            "--tz",
            "Asia/Dubai",
        ],
    );
    assert_eq!(
        cal,
        json!({"name": "eu", "tz": "Asia/Dubai", "weekend": ["fri", "sat"], "cutoff": null,
               "holidays": [{"date": "2025-07-14", "label": "Fête nationale"}]})
    );
    assert_eq!(calendar(&env, "eu"), cal, "show agrees with set");

    // The built-in default calendar exists from the start and lists first.
    let (all, _) = ok_json(&env, &["calendar", "show"]);
    assert_eq!(
        all[0],
        json!({"name": "default", "tz": "UTC", "weekend": ["sat", "sun"], "cutoff": null, "holidays": []})
    );
    assert_eq!(all[1], cal);
    assert_eq!(all.as_array().unwrap().len(), 2);
}

#[test]
fn set_rejects_malformed_values_and_changes_nothing() {
    let env = Env::new();
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "eu",
            "--tz",
            "Europe/Paris",
            "--cutoff",
            "17:00",
        ],
    );
    let cases: &[&[&str]] = &[
        &[
            "calendar",
            "set",
            "eu",
            "--weekend",
            "mon,tue,wed,thu,fri,sat,sun",
        ],
        &[
            "calendar",
            "set",
            "eu",
            "--weekend",
            "sun,sat,fri,thu,wed,tue,mon",
        ],
        &["calendar", "set", "eu", "--weekend", "sat,sunday"],
        &["calendar", "set", "eu", "--weekend", "weekend"],
        &["calendar", "set", "eu", "--tz", "Mars/Olympus_Mons"],
        &["calendar", "set", "eu", "--tz", "Europe/Londres"],
        &["calendar", "set", "eu", "--tz", ""],
        &["calendar", "set", "eu", "--cutoff", "24:00"],
        &["calendar", "set", "eu", "--cutoff", "17:60"],
        &["calendar", "set", "eu", "--cutoff", "5pm"],
        &["calendar", "set", "eu", "--cutoff", ""],
        &["calendar", "set", "bad name", "--tz", "UTC"],
        // A new calendar is not created when one of its values is bad.
        &[
            "calendar",
            "set",
            "new",
            "--tz",
            "Europe/London",
            "--weekend",
            "mon,tue,wed,thu,fri,sat,sun",
        ],
        &["calendar", "set", "new", "--tz", "Nowhere/Town"],
    ];
    for args in cases {
        assert_fails(&env, args, 2, "usage");
    }
    assert_eq!(
        calendar(&env, "eu"),
        json!({"name": "eu", "tz": "Europe/Paris", "weekend": ["sat", "sun"], "cutoff": "17:00", "holidays": []})
    );
    assert_fails(&env, &["calendar", "show", "new"], 4, "not-found");
}

/// Usage errors write nothing (SPEC §3), not even a new database file.
#[test]
fn calendar_usage_errors_on_a_fresh_path_create_no_database() {
    for args in [
        &["calendar", "set", "eu", "--tz", "Mars/Olympus_Mons"][..],
        &["calendar", "set", "eu", "--cutoff", "25:00"],
        &["calendar", "set", "eu", "--weekend", "sat,sunday"],
        &["calendar", "holiday", "add", "eu", "2025-02-30"],
        &["calendar", "holiday", "remove", "eu", "tomorrow"],
    ] {
        let env = Env::new();
        let out = cpor(&env, args);
        assert_eq!(out.code, Some(2), "cpor {args:?}\n{out}");
        assert!(!env.db.exists(), "cpor {args:?} created the database");
    }
}

/// A weekend of all seven days is a usage error too (SPEC §6), found before anything is written.
#[test]
fn an_all_week_weekend_on_a_fresh_path_creates_no_database() {
    let env = Env::new();
    let out = cpor(
        &env,
        &[
            "calendar",
            "set",
            "eu",
            "--weekend",
            "mon,tue,wed,thu,fri,sat,sun",
        ],
    );
    assert_eq!(out.code, Some(2), "{out}");
    assert_eq!(out.error()["error"]["kind"], "usage", "{out}");
    assert!(
        !env.db.exists(),
        "a usage error created the database file {}",
        env.db.display()
    );
}

#[test]
fn holidays_are_added_and_removed() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    let (cal, out) = ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-12-26",
            "--label",
            "Boxing Day",
        ],
    );
    assert_eq!(
        cal["holidays"],
        json!([{"date": "2025-12-26", "label": "Boxing Day"}]),
        "{out}"
    );
    ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-12-25",
            "--label",
            "Christmas Day",
        ],
    );
    ok_json(&env, &["calendar", "holiday", "add", "uk", "2026-01-01"]);
    assert_eq!(
        holidays(&env, "uk"),
        [
            day("2025-12-25", Some("Christmas Day")),
            day("2025-12-26", Some("Boxing Day")),
            day("2026-01-01", None),
        ]
    );
    // Adding a date again does not duplicate it.
    ok_json(&env, &["calendar", "holiday", "add", "uk", "2025-12-25"]);
    assert_eq!(holidays(&env, "uk").len(), 3);

    let (cal, _) = ok_json(&env, &["calendar", "holiday", "remove", "uk", "2025-12-26"]);
    assert_eq!(
        cal["holidays"],
        json!([{"date": "2025-12-25", "label": "Christmas Day"}, {"date": "2026-01-01", "label": null}])
    );
    assert_eq!(calendar(&env, "uk"), cal);

    // Removing a date that is not a holiday, or touching a calendar that does not exist.
    let out = assert_fails(
        &env,
        &["calendar", "holiday", "remove", "uk", "2025-12-26"],
        4,
        "not-found",
    );
    assert!(out.stderr.contains("2025-12-26"), "{out}");
    let out = assert_fails(
        &env,
        &["calendar", "holiday", "add", "nope", "2025-12-26"],
        4,
        "not-found",
    );
    assert!(out.stderr.contains("nope"), "{out}");
    assert_fails(
        &env,
        &["calendar", "holiday", "remove", "nope", "2025-12-25"],
        4,
        "not-found",
    );
    assert_fails(&env, &["calendar", "show", "nope"], 4, "not-found");
    // Malformed dates.
    for bad in ["2025-02-30", "25/12/2025", "christmas"] {
        assert_fails(&env, &["calendar", "holiday", "add", "uk", bad], 2, "usage");
        assert_fails(
            &env,
            &["calendar", "holiday", "remove", "uk", bad],
            2,
            "usage",
        );
    }
    assert_eq!(holidays(&env, "uk").len(), 2);
}

#[test]
fn import_a_csv_file() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-12-25",
            "--label",
            "Christmas Day",
        ],
    );
    let file = env.path("uk-2026.csv");
    std::fs::write(
        &file,
        "date,label\n\
         2025-12-25,Christmas Day\n\
         2026-01-01,New Year's Day\n\
         2026-04-03,Good Friday\n\
         2026-04-06,\"Easter Monday, England and Wales\"\n\
         2026-05-04,\n",
    )
    .unwrap();
    let (cal, out) = ok_json(&env, &["calendar", "import", "uk", file.to_str().unwrap()]);
    assert_eq!(
        holidays(&env, "uk"),
        [
            day("2025-12-25", Some("Christmas Day")),
            day("2026-01-01", Some("New Year's Day")),
            day("2026-04-03", Some("Good Friday")),
            day("2026-04-06", Some("Easter Monday, England and Wales")),
            day("2026-05-04", None),
        ],
        "{out}"
    );
    assert_eq!(cal, calendar(&env, "uk"));
    assert!(
        out.stderr.contains('5'),
        "the note counts the holidays\n{out}"
    );

    // A malformed row: a usage error naming the line, nothing imported.
    let bad = env.path("bad.csv");
    std::fs::write(
        &bad,
        "date,label\n2026-08-31,Summer bank holiday\n2026-13-01,Nonsense\n",
    )
    .unwrap();
    let out = assert_fails(
        &env,
        &["calendar", "import", "uk", bad.to_str().unwrap()],
        2,
        "usage",
    );
    assert!(out.stderr.contains("2026-13-01"), "{out}");
    assert_eq!(holidays(&env, "uk").len(), 5);
    // Into a calendar that does not exist.
    assert_fails(
        &env,
        &["calendar", "import", "nope", file.to_str().unwrap()],
        4,
        "not-found",
    );
}

/// All-day events, one of them spanning three days (DTEND is exclusive), with CRLF line ends
/// and a folded SUMMARY line.
const ICS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//cpor tests//EN\r\n\
BEGIN:VEVENT\r\n\
UID:closure-2025@example.com\r\n\
DTSTART;VALUE=DATE:20251224\r\n\
DTEND;VALUE=DATE:20251227\r\n\
SUMMARY:Office closed\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:ny-2026@example.com\r\n\
DTSTART;VALUE=DATE:20260101\r\n\
DTEND;VALUE=DATE:20260102\r\n\
SUMMARY:New Year's\r\n  Day\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:gf-2026@example.com\r\n\
DTSTART;VALUE=DATE:20260403\r\n\
SUMMARY:Good Friday\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn import_an_ics_file_with_a_multi_day_event() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    let file = env.path("uk.ics");
    std::fs::write(&file, ICS).unwrap();
    let (_, out) = ok_json(&env, &["calendar", "import", "uk", file.to_str().unwrap()]);
    assert_eq!(
        holidays(&env, "uk"),
        [
            day("2025-12-24", Some("Office closed")),
            day("2025-12-25", Some("Office closed")),
            day("2025-12-26", Some("Office closed")),
            day("2026-01-01", Some("New Year's Day")),
            day("2026-04-03", Some("Good Friday")),
        ],
        "{out}"
    );
    // Importing the same file again adds nothing new.
    ok_json(&env, &["calendar", "import", "uk", file.to_str().unwrap()]);
    assert_eq!(holidays(&env, "uk").len(), 5);
}

/// `.ics` text of a VCALENDAR around `events` (CRLF line ends).
fn ics(events: &[&str]) -> String {
    let mut lines = vec!["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cpor tests//EN"];
    lines.extend(events.iter().flat_map(|e| e.lines()));
    lines.push("END:VCALENDAR");
    lines.join("\r\n") + "\r\n"
}

/// Writes `text` to `name` in the environment and imports it into calendar `uk` with `extra`
/// arguments.
fn import(env: &Env, name: &str, text: &str, extra: &[&str]) -> Outcome {
    let file = env.path(name);
    std::fs::write(&file, text).unwrap();
    let mut args = vec!["calendar", "import", "uk", file.to_str().unwrap()];
    args.extend(extra);
    cpor(env, &args)
}

/// Published feeds (SPEC §6 v2): a fixed-date yearly holiday and a "last Monday of May" rule,
/// with an EXDATE and an RDATE, expand into the years of `--years`.
const RECURRING: &str = "BEGIN:VEVENT
UID:xmas@example.com
DTSTART;VALUE=DATE:20201225
DTEND;VALUE=DATE:20201226
RRULE:FREQ=YEARLY
SUMMARY:Christmas Day
END:VEVENT
BEGIN:VEVENT
UID:spring@example.com
DTSTART;VALUE=DATE:20200525
RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO
EXDATE;VALUE=DATE:20260525
RDATE;VALUE=DATE:20260601
SUMMARY:Spring bank
  holiday
END:VEVENT";

#[test]
fn import_expands_yearly_rules_into_the_years_given() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    let out = import(
        &env,
        "feed.ics",
        &ics(&[RECURRING]),
        &["--years", "2025..2026"],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        holidays(&env, "uk"),
        [
            day("2025-05-26", Some("Spring bank holiday")),
            day("2025-12-25", Some("Christmas Day")),
            day("2026-06-01", Some("Spring bank holiday")),
            day("2026-12-25", Some("Christmas Day")),
        ],
        "2026-05-25 is excluded by EXDATE, 2026-06-01 added by RDATE\n{out}"
    );
}

#[test]
fn import_expands_into_this_year_and_the_next_two_by_default() {
    let mut env = Env::new();
    // "This year" is the clock's (CPOR_NOW), never the machine's.
    env.set_now("2030-03-01T12:00:00Z");
    ok_json(&env, &["calendar", "set", "uk"]);
    let out = import(&env, "feed.ics", &ics(&[RECURRING]), &[]);
    assert_eq!(out.code, Some(0), "{out}");
    let dates: Vec<String> = holidays(&env, "uk").into_iter().map(|(d, _)| d).collect();
    assert_eq!(
        dates,
        [
            "2030-05-27",
            "2030-12-25",
            "2031-05-26",
            "2031-12-25",
            "2032-05-31",
            "2032-12-25"
        ]
    );
}

#[test]
fn import_of_a_recurrence_it_cannot_expand_is_refused_naming_it() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    for (rule, why) in [
        ("RRULE:FREQ=YEARLY;BYMONTH=13", "BYMONTH=13"),
        ("RRULE:FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY"),
        ("RRULE:FREQ=HOURLY;BYMINUTE=0", "within a day"),
        ("EXRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=26", "EXRULE"),
    ] {
        let bad = ics(&[
            RECURRING,
            &format!(
                "BEGIN:VEVENT\nUID:odd@example.com\nDTSTART;VALUE=DATE:20251226\n{rule}\n\
                 SUMMARY:Boxing Day\nEND:VEVENT"
            ),
        ]);
        let file = env.path("bad.ics");
        std::fs::write(&file, bad).unwrap();
        let out = assert_fails(
            &env,
            &["calendar", "import", "uk", file.to_str().unwrap()],
            2,
            "usage",
        );
        let message = out.error()["error"]["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            message.contains("\"Boxing Day\" (UID odd@example.com)")
                && message.contains("(line 20)"),
            "{rule}: the error names the event and its line\n{out}"
        );
        assert!(message.contains(why), "{rule}\n{out}");
        assert_eq!(holidays(&env, "uk"), [], "nothing of the file was imported");
    }
}

#[test]
fn import_years_are_validated() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk"]);
    let file = env.path("feed.ics");
    std::fs::write(&file, ics(&[RECURRING])).unwrap();
    for years in [
        "2026..2025",
        "1899..1900",
        "2999..3000",
        "2025..2100",
        "25..27",
        "2025",
        "2025-2026",
    ] {
        let out = assert_fails(
            &env,
            &[
                "calendar",
                "import",
                "uk",
                file.to_str().unwrap(),
                "--years",
                years,
            ],
            2,
            "usage",
        );
        assert!(out.stderr.contains("--years"), "{years}\n{out}");
    }
    // --years is about recurring iCalendar events; a CSV file lists its dates.
    let csv = env.path("days.csv");
    std::fs::write(&csv, "2025-12-25,Christmas Day\n").unwrap();
    let out = assert_fails(
        &env,
        &[
            "calendar",
            "import",
            "uk",
            csv.to_str().unwrap(),
            "--years",
            "2025..2026",
        ],
        2,
        "usage",
    );
    assert!(out.stderr.contains("--years"), "{out}");
    assert_eq!(holidays(&env, "uk"), []);
}

#[test]
fn import_reads_folded_lines_and_refuses_timed_events() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk"]);
    // A SUMMARY folded over three physical lines (space and tab continuations), VALUE=DATE
    // with lower-case parameter names.
    let folded = ics(&[
        "BEGIN:VEVENT\nUID:f@example.com\nDTSTART;value=DATE:20250825\n\
         SUMMARY:Summer bank holiday\\, England\n  and Wal\n\tes\nEND:VEVENT",
    ]);
    let out = import(&env, "folded.ics", &folded, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        holidays(&env, "uk"),
        [day(
            "2025-08-25",
            Some("Summer bank holiday, England and Wales")
        )]
    );
    // A TZID'd timed event is not a holiday: refused naming it.
    let timed = ics(&[
        "BEGIN:VEVENT\nUID:f2@example.com\nDTSTART;VALUE=DATE:20251225\nSUMMARY:Christmas\nEND:VEVENT",
        "BEGIN:VEVENT\nUID:lunch@example.com\nSUMMARY:Team lunch\n\
         DTSTART;TZID=Europe/London:20251219T123000\nDTEND;TZID=Europe/London:20251219T140000\n\
         END:VEVENT",
    ]);
    let file = env.path("timed.ics");
    std::fs::write(&file, timed).unwrap();
    let out = assert_fails(
        &env,
        &["calendar", "import", "uk", file.to_str().unwrap()],
        2,
        "usage",
    );
    let message = out.error()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("\"Team lunch\" (UID lunch@example.com) (line 9)")
            && message.contains("not an all-day event")
            && message.contains("Europe/London"),
        "{out}"
    );
    assert_eq!(holidays(&env, "uk").len(), 1);
}

#[test]
fn import_csv_quoted_labels_and_a_bad_date_naming_the_line() {
    let env = Env::new();
    ok_json(&env, &["calendar", "set", "uk"]);
    let out = import(
        &env,
        "quoted.csv",
        "date,label\r\n2025-12-26,\"Boxing Day, or St Stephen's Day\"\r\n\
         2026-01-02,\"New Year \"\"bridge\"\" day\"\r\n",
        &[],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(
        holidays(&env, "uk"),
        [
            day("2025-12-26", Some("Boxing Day, or St Stephen's Day")),
            day("2026-01-02", Some("New Year \"bridge\" day")),
        ]
    );
    // Not strictly YYYY-MM-DD: refused naming the line, nothing imported.
    for (row, bad) in [
        ("2026-5-4,Early May", "2026-5-4"),
        ("26-05-04,Early May", "26-05-04"),
    ] {
        let file = env.path("bad.csv");
        std::fs::write(&file, format!("date,label\n2026-08-31,Summer\n{row}\n")).unwrap();
        let out = assert_fails(
            &env,
            &["calendar", "import", "uk", file.to_str().unwrap()],
            2,
            "usage",
        );
        assert!(
            out.stderr.contains("line 3") && out.stderr.contains(bad),
            "{out}"
        );
        assert_eq!(holidays(&env, "uk").len(), 2);
    }
}

#[test]
fn show_as_a_table_and_as_json() {
    let env = Env::new();
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "uk",
            "--tz",
            "Europe/London",
            "--cutoff",
            "17:00",
        ],
    );
    ok_json(
        &env,
        &[
            "calendar",
            "holiday",
            "add",
            "uk",
            "2025-12-25",
            "--label",
            "Christmas Day",
        ],
    );
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "gulf",
            "--tz",
            "Asia/Riyadh",
            "--weekend",
            "fri,sat",
        ],
    );

    let out = run(env.cmd().args(["calendar", "show", "uk"]));
    assert_eq!(out.code, Some(0), "{out}");
    for text in [
        "uk",
        "Europe/London",
        "17:00",
        "2025-12-25",
        "Christmas Day",
    ] {
        assert!(out.stdout.contains(text), "table lacks {text}\n{out}");
    }
    assert!(
        !out.stdout.contains('\x1b'),
        "no colour when NO_COLOR is set\n{out}"
    );

    let out = run(env.cmd().args(["calendar", "show"]));
    assert_eq!(out.code, Some(0), "{out}");
    for text in [
        "default",
        "UTC",
        "uk",
        "Europe/London",
        "gulf",
        "Asia/Riyadh",
    ] {
        assert!(out.stdout.contains(text), "table lacks {text}\n{out}");
    }
    let pos = |s: &str| out.stdout.find(s).unwrap();
    assert!(
        pos("default") < pos("gulf") && pos("gulf") < pos("uk"),
        "{out}"
    );

    let (all, _) = ok_json(&env, &["calendar", "show"]);
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["default", "gulf", "uk"]);
    assert_eq!(all[1]["weekend"], json!(["fri", "sat"]));
    assert_eq!(all[2], calendar(&env, "uk"));
    assert_eq!(
        all[2],
        json!({"name": "uk", "tz": "Europe/London", "weekend": ["sat", "sun"], "cutoff": "17:00",
               "holidays": [{"date": "2025-12-25", "label": "Christmas Day"}]})
    );
}

#[test]
fn a_claim_uses_the_calendar_it_names() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    ok_json(&env, &["calendar", "holiday", "add", "uk", "2025-06-04"]);

    // Monday 2025-06-02 10:00Z. Default: Tue..Mon → 06-09. uk with Wed 06-04 off: Tue 3,
    // Thu 5, Fri 6, Mon 9, Tue 10 → 06-10, deadline Wed 00:00 BST.
    let plain = file_on(&env, 1, None, None);
    assert_eq!(plain["calendar"], "default");
    assert_eq!(deadline(&plain), ("2025-06-09", "2025-06-10T00:00:00Z"));
    let uk = file_on(&env, 2, Some("uk"), None);
    assert_eq!(uk["calendar"], "uk");
    assert_eq!(deadline(&uk), ("2025-06-10", "2025-06-10T23:00:00Z"));
    let shown = env.show(uk["id"].as_i64().unwrap());
    assert_eq!(
        (shown["calendar"].clone(), shown["deadline"].clone()),
        (json!("uk"), json!("2025-06-10T23:00:00Z"))
    );

    // An unknown calendar: not found, nothing written.
    let before = env.snapshot();
    let out = run(unit(&env, 3)
        .set("--calendar", "nope")
        .cmd(&env)
        .arg("--json"));
    assert_eq!(out.code, Some(4), "{out}");
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(out.error()["error"]["kind"], "not-found", "{out}");
    assert!(out.stderr.contains("nope"), "{out}");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.list_all().len(), 2);
}

#[test]
fn editing_a_calendar_does_not_move_existing_deadlines() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    let old = file_on(&env, 1, Some("uk"), None);
    assert_eq!(deadline(&old), ("2025-06-09", "2025-06-09T23:00:00Z"));
    let id = old["id"].as_i64().unwrap();

    // Every kind of edit: holidays inside the window, another zone, another weekend, a cut-off.
    ok_json(&env, &["calendar", "holiday", "add", "uk", "2025-06-03"]);
    ok_json(&env, &["calendar", "holiday", "add", "uk", "2025-06-05"]);
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "uk",
            "--tz",
            "Asia/Tokyo",
            "--weekend",
            "fri,sat",
            "--cutoff",
            "09:00",
        ],
    );
    let shown = env.show(id);
    for key in ["deadline", "deadline_day", "calendar", "notified_at"] {
        assert_eq!(shown[key], old[key], "{key} moved");
    }

    // A claim filed now on the edited calendar gets the new rule: 19:00 in Tokyo is after the
    // cut-off, so count from Tue 06-03 (a holiday, but the start never counts): Wed 4, (Thu 5
    // holiday, Fri/Sat weekend), Sun 8, Mon 9, Tue 10, Wed 11 → 06-11, midnight JST = 15:00Z.
    let new = file_on(&env, 2, Some("uk"), None);
    assert_eq!(deadline(&new), ("2025-06-11", "2025-06-11T15:00:00Z"));

    // finalize goes by the stored deadline.
    env.set_now("2025-06-09T23:00:00Z");
    let (report, _) = ok_json(&env, &["finalize"]);
    assert_eq!(report["claims"], json!([id]), "{report}");
    assert_eq!(env.show(id)["official_at"], "2025-06-09T23:00:00Z");
}

#[test]
fn a_friday_saturday_weekend() {
    let mut env = Env::new();
    env.set_now("2025-06-20T00:00:00Z");
    env.partner("1000", &["osu-m365"]);
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "gulf",
            "--tz",
            "Asia/Riyadh",
            "--weekend",
            "fri,sat",
        ],
    );
    // Thursday 09:00 in Riyadh: Sun 8, Mon 9, Tue 10, Wed 11, Thu 12; midnight +03 = 21:00Z.
    let thu = file_on(&env, 1, Some("gulf"), Some("2025-06-05T06:00:00Z"));
    assert_eq!(deadline(&thu), ("2025-06-12", "2025-06-12T21:00:00Z"));
    // Notified on the weekend (Friday): the same window.
    let fri = file_on(&env, 2, Some("gulf"), Some("2025-06-06T06:00:00Z"));
    assert_eq!(deadline(&fri), ("2025-06-12", "2025-06-12T21:00:00Z"));
    // Sunday is a business day there: Mon 9 .. Thu 12, Sun 15 — a Sunday deadline day.
    let sun = file_on(&env, 3, Some("gulf"), Some("2025-06-08T06:00:00Z"));
    assert_eq!(deadline(&sun), ("2025-06-15", "2025-06-15T21:00:00Z"));
    // 20:30Z Thursday is 23:30 Thursday in Riyadh; 21:30Z is already Friday 00:30 there (a
    // weekend day, so the same window either way).
    let late_thu = file_on(&env, 4, Some("gulf"), Some("2025-06-05T20:30:00Z"));
    assert_eq!(deadline(&late_thu), ("2025-06-12", "2025-06-12T21:00:00Z"));
    let fri_local = file_on(&env, 5, Some("gulf"), Some("2025-06-05T21:30:00Z"));
    assert_eq!(deadline(&fri_local), ("2025-06-12", "2025-06-12T21:00:00Z"));
    // Local date decides, not the UTC date: Saturday 22:30Z is Sunday 01:30 in Riyadh.
    let sun_local = file_on(&env, 6, Some("gulf"), Some("2025-06-07T22:30:00Z"));
    assert_eq!(deadline(&sun_local), ("2025-06-15", "2025-06-15T21:00:00Z"));
}

#[test]
fn a_cut_off_moves_the_window_by_one_business_day() {
    let mut env = Env::new();
    env.set_now("2025-06-20T00:00:00Z");
    env.partner("1000", &["osu-m365"]);
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
    // Thursday 16:59:59 EDT: counts from Thursday → Thu 06-12, deadline 06-13 00:00 EDT.
    let before = file_on(&env, 1, Some("ny"), Some("2025-06-05T20:59:59Z"));
    assert_eq!(deadline(&before), ("2025-06-12", "2025-06-13T04:00:00Z"));
    // Exactly 17:00 EDT: counts from Friday → Fri 06-13.
    let at = file_on(&env, 2, Some("ny"), Some("2025-06-05T21:00:00Z"));
    assert_eq!(deadline(&at), ("2025-06-13", "2025-06-14T04:00:00Z"));
    // Friday after the cut-off counts from Saturday: still Mon..Fri of the next week.
    let fri = file_on(&env, 3, Some("ny"), Some("2025-06-06T22:00:00Z"));
    assert_eq!(deadline(&fri), ("2025-06-13", "2025-06-14T04:00:00Z"));
    // Without the cut-off the same instant counts from Thursday again.
    ok_json(&env, &["calendar", "set", "ny", "--cutoff", "none"]);
    let none = file_on(&env, 4, Some("ny"), Some("2025-06-05T21:00:00Z"));
    assert_eq!(deadline(&none), ("2025-06-12", "2025-06-13T04:00:00Z"));
}

#[test]
fn deadlines_across_daylight_saving_changes() {
    let mut env = Env::new();
    // The notifications below lie months before filing (SPEC v2 §3 max_notified_backdate_days).
    std::fs::create_dir_all(env.path("config/cpor")).unwrap();
    std::fs::write(
        env.path("config/cpor/config.toml"),
        "max_notified_backdate_days = 365\n",
    )
    .unwrap();
    env.set_now("2025-09-10T00:00:00Z");
    env.partner("1000", &["osu-m365"]);
    // London springs forward on Sunday 2025-03-30: a deadline after it is at 23:00Z.
    ok_json(&env, &["calendar", "set", "uk", "--tz", "Europe/London"]);
    let spring = file_on(&env, 1, Some("uk"), Some("2025-03-24T10:00:00Z"));
    assert_eq!(deadline(&spring), ("2025-03-31", "2025-03-31T23:00:00Z"));
    // Santiago skips from 00:00 to 01:00 on Sunday 2025-09-07: midnight does not exist, so the
    // deadline is the first instant that does, 01:00 -03 = 04:00Z. (Only Sunday is weekend.)
    ok_json(
        &env,
        &[
            "calendar",
            "set",
            "cl",
            "--tz",
            "America/Santiago",
            "--weekend",
            "sun",
        ],
    );
    let gap = file_on(&env, 2, Some("cl"), Some("2025-09-01T15:00:00Z"));
    assert_eq!(deadline(&gap), ("2025-09-06", "2025-09-07T04:00:00Z"));
}
