//! SPEC v2 §6 "output never attacks the reader": stored text holding escape sequences (an old
//! database, an import) is shown escaped in tables and on stderr, CSV cells that a spreadsheet
//! would run as formulas get a `'` prefix, and JSON stays exact.

use crate::harness::*;
use rusqlite::Connection;

const CLEAR: &str = "\u{1b}[2J";
const TITLE: &str = "\u{1b}]0;pwned\u{7}";

/// A claim and a partner whose stored text was written behind cpor's back, as an old database
/// would hold it: input checks now refuse these values, so they are seeded with SQL.
fn hostile_env() -> Env {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let db = Connection::open(&env.db).unwrap();
    db.execute(
        "UPDATE claims SET name = ?1, comment = ?2, customer_name = ?3, partner_contact_name = ?4,
         customer_title = ?5, domain = ?6 WHERE id = 1",
        [
            format!("forged{CLEAR}name"),
            "+1 comment\u{202e}evil".to_string(),
            "=HYPERLINK(\"http://x\")".to_string(),
            "@SUM(A1)".to_string(),
            "-CFO".to_string(),
            format!("contoso.com{TITLE}"),
        ],
    )
    .unwrap();
    db.execute(
        "UPDATE partners SET name = ?1 WHERE partner_id = '1000'",
        [format!("Fabrikam{TITLE}\r\u{1b}[1A")],
    )
    .unwrap();
    env
}

/// No raw control or bidi character other than the table's own line breaks.
#[track_caller]
fn assert_no_raw_controls(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect();
    assert!(bad.is_empty(), "raw {bad:?} in:\n{text}");
}

#[test]
fn show_escapes_stored_control_characters() {
    if sqlite_only() {
        return;
    }
    let env = hostile_env();
    let out = run(env.cmd().args(["show", "1"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_raw_controls(&out.stdout);
    assert!(out.stdout.contains("forged\\u{1b}[2Jname"), "{out}");
    assert!(
        out.stdout.contains("evil") && out.stdout.contains("\\u{202e}"),
        "{out}"
    );
    assert!(out.stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{out}");
    // JSON is exact: what is stored, byte for byte.
    let json = env.show(1);
    assert_eq!(json["name"], format!("forged{CLEAR}name"));
    assert_eq!(json["comment"], "+1 comment\u{202e}evil");
}

#[test]
fn list_and_partner_list_escape_stored_control_characters() {
    if sqlite_only() {
        return;
    }
    let env = hostile_env();
    let out = run(env.cmd().arg("list"));
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_raw_controls(&out.stdout);
    assert!(
        out.stdout.contains("contoso.com\\u{1b}]0;pwned\\u{7}"),
        "{out}"
    );
    let out = run(env.cmd().args(["partner", "list"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_raw_controls(&out.stdout);
    assert!(out.stdout.contains("\\u{d}\\u{1b}[1A"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&run(env.cmd().args(["partner", "list", "--json"])).stdout).unwrap();
    assert_eq!(json[0]["name"], format!("Fabrikam{TITLE}\r\u{1b}[1A"));
}

#[test]
fn error_messages_escape_what_they_quote() {
    if sqlite_only() {
        return;
    }
    let env = hostile_env();
    // A value quoted by cpor's own error (calendar not found)...
    let out = run(env
        .m365()
        .set("--workload", "exchange")
        .set("--calendar", &format!("uk{CLEAR}"))
        .cmd(&env));
    assert_eq!(out.code, Some(4), "{out}");
    assert_no_raw_controls(&out.stderr);
    assert!(out.stderr.contains("uk\\u{1b}[2J"), "{out}");
    // ...and one quoted by the argument parser (which drops escape sequences or escapes them).
    let out = run(env.cmd().args(["show", &format!("1{TITLE}\u{202e}")]));
    assert_eq!(out.code, Some(2), "{out}");
    assert_no_raw_controls(&out.stderr);
    // The JSON error stays exact JSON.
    let out = run(env.cmd().args(["show", "1x", "--json"]));
    assert_eq!(out.error()["error"]["kind"], "usage");
}

#[test]
fn csv_cells_that_look_like_formulas_are_prefixed() {
    if sqlite_only() {
        return;
    }
    let env = hostile_env();
    let out = run(env.cmd().args(["list", "--format", "csv"]));
    assert_eq!(out.code, Some(0), "{out}");
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |k: &str| row[header.iter().position(|h| h == k).unwrap()].to_string();
    assert_eq!(cell("customer_name"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(cell("partner_contact_name"), "'@SUM(A1)");
    assert_eq!(cell("customer_title"), "'-CFO");
    assert_eq!(cell("comment"), "'+1 comment\u{202e}evil");
    // Ordinary cells are untouched.
    assert_eq!(cell("program"), "osu-m365");
    assert_eq!(cell("customer_email"), "ann@contoso.com");
    let out = run(env.cmd().args(["partner", "list", "--format", "csv"]));
    assert!(
        out.stdout.lines().nth(1).unwrap().starts_with("1000,"),
        "{out}"
    );
    let db = Connection::open(&env.db).unwrap();
    db.execute("UPDATE partners SET name = '=1+1'", []).unwrap();
    let out = run(env.cmd().args(["partner", "list", "--format", "csv"]));
    assert_eq!(
        out.stdout.lines().nth(1).unwrap(),
        "1000,'=1+1,osu-m365",
        "{out}"
    );
}
