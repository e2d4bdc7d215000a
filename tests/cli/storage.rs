//! SPEC §7: how the database file is created, and that files cpor must not touch are refused
//! with exit 6 and left byte-for-byte as they were.

use crate::harness::*;
use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;

const APPLICATION_ID: i64 = 0x4350_4F52;

#[test]
fn a_new_database_is_private_stamped_and_in_wal_mode() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    assert!(!env.db.parent().unwrap().exists());
    env.partner("1000", &["osu-m365"]);
    assert!(
        env.db.parent().unwrap().is_dir(),
        "the data directory was created"
    );
    let mode = std::fs::metadata(&env.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "database mode is {mode:o}");

    let conn = Connection::open(&env.db).unwrap();
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 1, "schema version {version}");
}

/// Run a writing and a reading command against a file cpor must refuse: exit 6, kind
/// `database`, the file byte-identical and no SQLite side files left behind. Returns the
/// JSON errors.
fn assert_refused_untouched(env: &Env) -> Vec<serde_json::Value> {
    let before = std::fs::read(&env.db).unwrap();
    let mtime = std::fs::metadata(&env.db).unwrap().modified().unwrap();
    for side in siblings(&env.db) {
        assert!(!side.exists(), "precondition: {} exists", side.display());
    }
    let commands: Vec<Vec<String>> = vec![
        vec![
            "partner".into(),
            "add".into(),
            "1000".into(),
            "--name".into(),
            "A".into(),
            "--program".into(),
            "osu-m365".into(),
        ],
        {
            let mut c = vec!["claim".into()];
            c.extend(env.m365().args());
            c
        },
        vec!["list".into()],
        vec!["show".into(), "1".into()],
        vec!["partner".into(), "list".into()],
    ];
    let mut errors = Vec::new();
    for args in commands {
        let out = run(env.cmd().args(&args).arg("--json"));
        assert_eq!(out.code, Some(6), "cpor {args:?}\n{out}");
        assert_eq!(out.stdout, "", "{out}");
        let err = out.error();
        assert_eq!(err["error"]["kind"], "database", "{out}");
        assert!(
            out.stderr.lines().any(|l| l.starts_with("error: ")),
            "{out}"
        );
        assert_eq!(
            std::fs::read(&env.db).unwrap(),
            before,
            "cpor {args:?} changed the refused file"
        );
        assert_eq!(
            std::fs::metadata(&env.db).unwrap().modified().unwrap(),
            mtime
        );
        for side in siblings(&env.db) {
            assert!(
                !side.exists(),
                "cpor {args:?} left {} behind",
                side.display()
            );
        }
        errors.push(err);
    }
    errors
}

#[test]
fn a_text_file_is_refused_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    std::fs::write(&env.db, "these are my notes, not a database\n".repeat(20)).unwrap();
    assert_refused_untouched(&env);
}

/// A foreign SQLite database: a table with data, the given application_id.
fn foreign_database(env: &Env, application_id: i64) {
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
         INSERT INTO recipes (name) VALUES ('bread'), ('soup');
         PRAGMA application_id = {application_id};"
    ))
    .unwrap();
    drop(conn);
}

#[test]
fn a_foreign_sqlite_database_without_application_id_is_refused_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    foreign_database(&env, 0);
    assert_refused_untouched(&env);
    // Its data is still there.
    let conn = Connection::open(&env.db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM recipes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn a_foreign_sqlite_database_with_another_application_id_is_refused_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    // "Fossil" uses 0x0f055112; any id that is not cpor's will do.
    foreign_database(&env, 0x0f05_5112);
    let errors = assert_refused_untouched(&env);
    assert!(
        errors
            .iter()
            .all(|e| e["error"]["code"] == errors[0]["error"]["code"])
    );
}

#[test]
fn a_database_with_a_newer_schema_is_refused_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    {
        let conn = Connection::open(&env.db).unwrap();
        conn.execute_batch("PRAGMA user_version = 99;").unwrap();
        // Closing the last connection checkpoints and removes the WAL.
    }
    let errors = assert_refused_untouched(&env);
    for e in &errors {
        let message = e["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("schema") && message.contains("99"),
            "the error names the schema version: {message}"
        );
    }
}

#[test]
fn history_is_append_only_in_the_database_itself() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    let conn = Connection::open(&env.db).unwrap();
    let events: i64 = conn
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(events, 1, "filing appends one event");
    assert!(
        conn.execute("UPDATE events SET actor = 'mallory'", [])
            .is_err(),
        "UPDATE on events must fail"
    );
    assert!(
        conn.execute("DELETE FROM events", []).is_err(),
        "DELETE on events must fail"
    );
    drop(conn);
    let history = &env.show(1)["history"];
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["actor"], "tester");
}

#[test]
fn times_are_stored_as_fixed_width_utc_text() {
    if sqlite_only() {
        return;
    }
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    // An instant given with an offset and fractions is stored in UTC, whole seconds.
    env.set_now("2025-06-02T12:00:00.750+02:00");
    env.file(&env.m365());
    let conn = Connection::open(&env.db).unwrap();
    let (filed, deadline): (String, String) = conn
        .query_row("SELECT filed_at, deadline FROM claims", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(filed, "2025-06-02T10:00:00Z");
    assert_eq!(deadline, "2025-06-10T00:00:00Z");
}
