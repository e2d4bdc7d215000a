//! SPEC §6 `cpor troubleshoot`: one test per finding code, the hypothetical claim, the claim
//! report, and the promise that it never writes — not one byte of the database, its `-wal` or
//! `-shm`, and no new file beside it.

use crate::harness::*;
use rusqlite::Connection;
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// SHA-256 of the empty string (FIPS 180-2).
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// ---------------------------------------------------------------------------------------------
// Helpers

/// `cpor troubleshoot <args> --json`: the outcome and the report on stdout, parsed.
fn troubleshoot(env: &Env, args: &[&str]) -> (Outcome, Json) {
    let out = run(env.cmd().arg("troubleshoot").args(args).arg("--json"));
    let report: Json = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("troubleshoot --json printed no JSON ({e})\n{out}"));
    check_findings_shape(&report, &out);
    (out, report)
}

/// Every finding is `{severity, code, message, remedy}` with a known severity and non-empty
/// strings, and the exit code is 7 exactly when one of them is an error.
#[track_caller]
fn check_findings_shape(report: &Json, out: &Outcome) {
    let findings = report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings array\n{out}"));
    for f in findings {
        for key in ["severity", "code", "message", "remedy"] {
            assert!(
                f[key].as_str().is_some_and(|s| !s.trim().is_empty()),
                "finding {f} has an empty or missing {key}\n{out}"
            );
        }
        assert!(
            ["info", "warning", "error"].contains(&f["severity"].as_str().unwrap()),
            "unknown severity in {f}\n{out}"
        );
    }
    let any_error = findings.iter().any(|f| f["severity"] == "error");
    let expected = if any_error { 7 } else { 0 };
    assert_eq!(
        out.code,
        Some(expected),
        "exit code must be 7 exactly when a finding is an error\n{out}"
    );
}

/// The codes of a report's findings, in order.
fn codes(report: &Json) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings[]")
        .iter()
        .map(|f| f["code"].as_str().expect("a code").to_string())
        .collect()
}

/// The finding `code` of a report; it must be there exactly once, with `severity`.
#[track_caller]
fn finding<'a>(report: &'a Json, code: &str, severity: &str) -> &'a Json {
    let all: Vec<&Json> = report["findings"]
        .as_array()
        .expect("findings[]")
        .iter()
        .filter(|f| f["code"] == code)
        .collect();
    assert_eq!(
        all.len(),
        1,
        "expected one {code} finding, got {}: {report:#}",
        all.len()
    );
    assert_eq!(
        all[0]["severity"], severity,
        "severity of {code}: {report:#}"
    );
    all[0]
}

#[track_caller]
fn assert_no_finding(report: &Json, code: &str) {
    assert!(
        !codes(report).iter().any(|c| c == code),
        "unexpected {code} finding: {report:#}"
    );
}

fn message(f: &Json) -> &str {
    f["message"].as_str().unwrap_or_default()
}

/// The names in a directory, or `None` when it does not exist.
fn listing(dir: &Path) -> Option<BTreeSet<String>> {
    let entries = std::fs::read_dir(dir).ok()?;
    Some(
        entries
            .map(|e| e.expect("a directory entry").file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect(),
    )
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The bytes of a database file and of its `-wal`, `-shm` and `-journal` siblings (`None` for
/// the absent ones), and the listing of its directory.
struct Files {
    db: PathBuf,
    dir: Option<BTreeSet<String>>,
    bytes: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl Files {
    fn capture(db: &Path) -> Files {
        let mut paths = vec![db.to_path_buf()];
        paths.extend(siblings(db));
        Files {
            db: db.to_path_buf(),
            dir: listing(db.parent().expect("a parent directory")),
            bytes: paths
                .into_iter()
                .map(|p| {
                    let b = std::fs::read(&p).ok();
                    (p, b)
                })
                .collect(),
        }
    }

    /// Whether the `suffix` sibling (`-wal`, `-shm`) existed when captured.
    fn had(&self, suffix: &str) -> bool {
        let p = sibling(&self.db, suffix);
        self.bytes.iter().any(|(q, b)| *q == p && b.is_some())
    }

    /// Nothing changed: the same files, byte for byte, and no new file in the directory.
    #[track_caller]
    fn assert_untouched(&self, what: &str) {
        self.compare(what, false);
    }

    /// The same as [`Files::assert_untouched`], except that the `-shm` (SQLite's shared-memory
    /// index of a live WAL) only has to be still there with the same size.
    #[track_caller]
    fn assert_untouched_but_shm(&self, what: &str) {
        self.compare(what, true);
    }

    #[track_caller]
    fn compare(&self, what: &str, lenient_shm: bool) {
        let shm = sibling(&self.db, "-shm");
        let now = Files::capture(&self.db);
        assert_eq!(
            self.dir, now.dir,
            "{what}: the database directory's listing changed"
        );
        for ((path, before), (_, after)) in self.bytes.iter().zip(&now.bytes) {
            match (before, after) {
                (None, None) => {}
                (Some(_), None) => panic!("{what}: {} disappeared", path.display()),
                (None, Some(_)) => panic!("{what}: {} appeared", path.display()),
                (Some(b), Some(a)) if lenient_shm && *path == shm => assert_eq!(
                    a.len(),
                    b.len(),
                    "{what}: the size of {} changed",
                    path.display()
                ),
                (Some(b), Some(a)) => assert!(
                    a == b,
                    "{what}: the bytes of {} changed ({} -> {} bytes; first differing offsets {:?})",
                    path.display(),
                    b.len(),
                    a.len(),
                    differing_offsets(b, a)
                ),
            }
        }
    }
}

/// Up to ten offsets at which two byte strings differ (`(offset, before, after)`).
fn differing_offsets(b: &[u8], a: &[u8]) -> Vec<(usize, u8, u8)> {
    b.iter()
        .zip(a)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i, *x, *y))
        .take(10)
        .collect()
}

/// A database with partner 1000 (osu-m365) and nothing else, no WAL left beside it.
fn with_partner(env: &Env) {
    env.partner("1000", &["osu-m365"]);
    assert!(!sibling(&env.db, "-wal").exists(), "cpor left a WAL behind");
}

/// File one claim; its ID.
fn file_one(env: &Env, claim: &ClaimBuilder) -> i64 {
    let filed = env.file(claim);
    assert_eq!(filed.len(), 1);
    filed[0]["id"].as_i64().expect("an id")
}

fn ok(env: &Env, args: &[&str]) {
    let out = run(env.cmd().args(args));
    assert_eq!(out.code, Some(0), "cpor {args:?}\n{out}");
}

/// A rusqlite connection to the database for preparing states cpor itself would not create.
fn sql(env: &Env, batch: &str) {
    let conn = Connection::open(&env.db).expect("open the database with rusqlite");
    conn.execute_batch(batch).expect("prepare the database");
    drop(conn);
    assert!(
        !sibling(&env.db, "-wal").exists(),
        "closing rusqlite left a WAL"
    );
}

fn user_version(db: &Path) -> i64 {
    let conn = Connection::open_with_flags(
        format!("file:{}?mode=ro&immutable=1", db.display()),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .expect("open read-only");
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version")
}

// ---------------------------------------------------------------------------------------------
// One test per finding code

#[test]
fn db_missing_is_an_error_and_creates_nothing() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    let dir = env.db.parent().unwrap().to_path_buf();
    assert!(!dir.exists(), "precondition: the data directory is absent");
    let root = listing(&env.path(""));

    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(7), "{out}");
    let f = finding(&report, "db-missing", "error");
    assert!(
        message(f).contains(&env.db.display().to_string()),
        "the message names the path: {f}"
    );
    assert_eq!(report["database"]["exists"], false, "{report:#}");

    // Table and CSV forms neither.
    for format in ["table", "csv"] {
        let out = run(env.cmd().args(["troubleshoot", "--format", format]));
        assert_eq!(out.code, Some(7), "{out}");
        assert!(out.stdout.contains("db-missing"), "{out}");
    }
    assert!(!dir.exists(), "troubleshoot created {}", dir.display());
    assert_eq!(
        root,
        listing(&env.path("")),
        "a file appeared in the temp dir"
    );
}

#[test]
fn db_permissions_readable_by_others_is_a_warning() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    let (_, report) = troubleshoot(&env, &[]);
    assert_no_finding(&report, "db-permissions");
    assert_eq!(report["database"]["mode"], "0600", "{report:#}");

    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "a warning alone exits 0\n{out}");
    let f = finding(&report, "db-permissions", "warning");
    assert!(message(f).contains("0644"), "{f}");
    assert!(f["remedy"].as_str().unwrap().contains("chmod"), "{f}");
    files.assert_untouched("db-permissions");
    let mode = std::fs::metadata(&env.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "troubleshoot must not fix the mode itself");
}

/// Turn the environment's database into a schema-version-1 one, as an older cpor wrote it.
fn downgrade_to_v1(env: &Env) {
    sql(env, "DROP TABLE finalize_runs; PRAGMA user_version = 1;");
    assert_eq!(user_version(&env.db), 1);
}

#[test]
fn schema_outdated_is_a_warning_and_the_file_is_not_migrated() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    downgrade_to_v1(&env);
    let snap = env.snapshot();
    let files = Files::capture(&env.db);

    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    let f = finding(&report, "schema-outdated", "warning");
    assert!(message(f).contains("version 1"), "{f}");
    assert_eq!(report["database"]["schema_version"], 1, "{report:#}");
    assert_eq!(report["claims"], 1, "{report:#}");
    files.assert_untouched("installation report on a v1 database");

    // The claim report works on it too.
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["claim"]["id"], id, "{report:#}");
    finding(&report, "schema-outdated", "warning");
    files.assert_untouched("claim report on a v1 database");

    // And so does a hypothetical claim.
    let (_, report) = troubleshoot(
        &env,
        &[
            "--tenant",
            TENANT_B,
            "--program",
            "osu-m365",
            "--workload",
            "teams",
            "--partner-id",
            "1000",
        ],
    );
    assert_eq!(report["eligible"], true, "{report:#}");
    finding(&report, "schema-outdated", "warning");

    files.assert_untouched("hypothetical claim on a v1 database");
    assert_eq!(
        user_version(&env.db),
        1,
        "troubleshoot migrated the database"
    );
    assert_same_snapshot(&snap, &env.snapshot(), "troubleshoot on a v1 database");
}

#[test]
fn integrity_failed_is_an_error() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    env.file(
        &env.m365()
            .add("--workload", "exchange")
            .add("--workload", "sharepoint"),
    );
    // No WAL: every page is in the main file, where we damage it.
    let (root, page_size): (i64, i64) = {
        let conn = Connection::open(&env.db).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = delete", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'claims_tenant'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        (root, size)
    };
    // Change the tenant ID inside the index's (single, leaf) page: the b-tree stays readable,
    // but its keys no longer match the table.
    let mut bytes = std::fs::read(&env.db).unwrap();
    let start = ((root - 1) * page_size) as usize;
    let page = &mut bytes[start..start + page_size as usize];
    let needle = TENANT_A.as_bytes();
    let mut hits = 0;
    for i in 0..page.len() - needle.len() {
        if &page[i..i + needle.len()] == needle {
            page[i..i + 8].copy_from_slice(b"deadbeef");
            hits += 1;
        }
    }
    assert!(hits > 0, "the tenant ID is not in the index page");
    std::fs::write(&env.db, &bytes).unwrap();
    {
        let conn = Connection::open_with_flags(
            format!("file:{}?mode=ro&immutable=1", env.db.display()),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        let first: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_ne!(first, "ok", "precondition: the database is damaged");
    }

    let files = Files::capture(&env.db);
    // SPEC §6 v2: the integrity check is one of the O(n) checks of `--deep`.
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_finding(&report, "integrity-failed");
    let (out, report) = troubleshoot(&env, &["--deep"]);
    assert_eq!(out.code, Some(7), "{out}");
    let f = finding(&report, "integrity-failed", "error");
    assert!(message(f).contains("claims_tenant"), "{f}");
    assert_ne!(report["database"]["integrity"], "ok", "{report:#}");
    files.assert_untouched("integrity-failed");
}

#[test]
fn finalize_overdue_is_an_error_until_finalize_runs() {
    let mut env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    let other = file_one(&env, &env.m365().set("--workload", "exchange"));

    // Before the deadline: nothing overdue.
    env.set_now("2025-06-09T23:59:59Z");
    let (_, report) = troubleshoot(&env, &[]);
    assert_no_finding(&report, "finalize-overdue");
    assert_eq!(report["pending_past_deadline"], 0);

    env.set_now("2025-06-12T00:00:00Z");
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(7), "{out}");
    let f = finding(&report, "finalize-overdue", "error");
    assert!(
        message(f).contains(&id.to_string()) && message(f).contains(&other.to_string()),
        "names the claims: {f}"
    );
    assert_eq!(report["pending_past_deadline"], 2, "{report:#}");

    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(7), "{out}");
    finding(&report, "finalize-overdue", "error");
    assert_eq!(report["claim"]["status"], "pending");
    assert_eq!(report["timeline"]["business_days_left"], Json::Null);
    files.assert_untouched("finalize-overdue");

    ok(&env, &["finalize"]);
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_finding(&report, "finalize-overdue");
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_finding(&report, "finalize-overdue");
    assert_eq!(report["claim"]["status"], "official");
}

#[test]
fn no_holidays_this_year_is_info_until_one_is_added() {
    let env = Env::new();
    with_partner(&env);
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "info alone exits 0\n{out}");
    let f = finding(&report, "no-holidays", "info");
    assert!(
        message(f).contains("default") && message(f).contains("2025"),
        "{f}"
    );
    files.assert_untouched("no-holidays");

    // A holiday in another year does not count.
    ok(
        &env,
        &["calendar", "holiday", "add", "default", "2024-12-25"],
    );
    let (_, report) = troubleshoot(&env, &[]);
    finding(&report, "no-holidays", "info");

    ok(
        &env,
        &["calendar", "holiday", "add", "default", "2025-12-25"],
    );
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_finding(&report, "no-holidays");
}

#[test]
fn poe_missing_is_a_warning_for_the_claim_and_the_installation() {
    let env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    let (_, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_no_finding(&report, "poe-missing");

    std::fs::remove_file(env.poe_path()).unwrap();
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    let f = finding(&report, "poe-missing", "warning");
    assert!(
        message(f).contains(env.poe_path().to_str().unwrap()),
        "names the path: {f}"
    );

    // Looking at every claim's files is O(n): the installation report does it with --deep.
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["poe_files"]["checked"], false, "{report:#}");
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "poe-missing"),
        "{report:#}"
    );
    let (out, report) = troubleshoot(&env, &["--deep"]);
    assert_eq!(out.code, Some(0), "{out}");
    let f = finding(&report, "poe-missing", "warning");
    assert!(message(f).contains(&id.to_string()), "names the claim: {f}");
    assert_eq!(report["poe_files"]["missing"], serde_json::json!([id]));
    files.assert_untouched("poe-missing");
}

#[test]
fn poe_changed_is_a_warning_naming_both_hashes() {
    let env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    std::fs::write(env.poe_path(), "").unwrap();
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    let f = finding(&report, "poe-changed", "warning");
    assert!(message(f).contains(EMPTY_SHA256), "the new SHA-256: {f}");
    assert!(message(f).contains(POE_SHA256), "the recorded SHA-256: {f}");
    assert_no_finding(&report, "poe-missing");
    files.assert_untouched("poe-changed");
}

#[test]
fn finalize_interrupted_is_a_warning() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    let (_, report) = troubleshoot(&env, &[]);
    assert_no_finding(&report, "finalize-interrupted");
    assert_eq!(report["last_finalize"], Json::Null);

    sql(
        &env,
        "INSERT INTO finalize_runs (started_at, finished_at, actor, finalized)
         VALUES ('2025-06-01T02:15:00Z', NULL, 'cron', 3);",
    );
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[]);
    assert_eq!(out.code, Some(0), "{out}");
    let f = finding(&report, "finalize-interrupted", "warning");
    assert!(message(f).contains("2025-06-01T02:15:00Z"), "{f}");
    assert_eq!(report["last_finalize"]["finished_at"], Json::Null);
    assert_eq!(report["last_finalize"]["actor"], "cron");
    files.assert_untouched("finalize-interrupted");

    // A finished run clears it.
    ok(&env, &["finalize"]);
    let (_, report) = troubleshoot(&env, &[]);
    assert_no_finding(&report, "finalize-interrupted");
}

/// A file cpor must not read as its database: the installation report names it with an error
/// finding (exit 7); the other two forms fail without touching it either.
fn assert_unusable(env: &Env, code: &str) {
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(env, &[]);
    assert_eq!(out.code, Some(7), "{out}");
    finding(&report, code, "error");
    files.assert_untouched(code);

    let hypothetical = [
        "--tenant",
        TENANT_A,
        "--program",
        "osu-m365",
        "--workload",
        "teams",
        "--partner-id",
        "1000",
    ];
    for args in [&["1"][..], &hypothetical[..]] {
        let out = run(env.cmd().arg("troubleshoot").args(args).arg("--json"));
        assert!(
            matches!(out.code, Some(6 | 7)),
            "troubleshoot {args:?} on a {code} file\n{out}"
        );
        assert!(
            out.stdout.contains(code) || out.stderr.contains(code),
            "{code} is named\n{out}"
        );
        files.assert_untouched(code);
    }
}

#[test]
fn not_a_database_is_an_error_and_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    std::fs::write(&env.db, "these are my notes, not a database\n".repeat(10)).unwrap();
    assert_unusable(&env, "not-a-database");
}

#[test]
fn foreign_database_is_an_error_and_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    std::fs::create_dir_all(env.db.parent().unwrap()).unwrap();
    {
        let conn = Connection::open(&env.db).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1234; CREATE TABLE notes (body TEXT);
             INSERT INTO notes VALUES ('hello');",
        )
        .unwrap();
    }
    assert_unusable(&env, "foreign-database");
}

#[test]
fn schema_newer_is_an_error_and_untouched() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    sql(&env, "PRAGMA user_version = 99;");
    assert_unusable(&env, "schema-newer");
    assert_eq!(user_version(&env.db), 99);
}

#[test]
fn stored_osa_90_day_window_warning_is_a_finding() {
    let env = Env::new();
    env.partner("1000", &["osa-sell"]);
    let late = file_one(
        &env,
        &env.bizapps("osa-sell").set("--purchase-date", "2025-02-01"),
    );
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[&late.to_string()]);
    assert_eq!(out.code, Some(0), "a warning alone exits 0\n{out}");
    finding(&report, "osa-90-day-window", "warning");
    files.assert_untouched("osa-90-day-window");

    // Within 90 days: no such warning.
    let on_time = file_one(
        &env,
        &env.bizapps("osa-sell")
            .set("--subscription", "9b2c5d3e-1111-4a2b-8c3d-4e5f60718293")
            .set("--purchase-date", "2025-05-01"),
    );
    let (_, report) = troubleshoot(&env, &[&on_time.to_string()]);
    assert_no_finding(&report, "osa-90-day-window");
}

// ---------------------------------------------------------------------------------------------
// A hypothetical claim

/// The troubleshoot arguments equivalent to a claim's unit-deciding flags.
fn hypothetical_args(claim: &ClaimBuilder) -> Vec<String> {
    const UNIT_FLAGS: [&str; 7] = [
        "--tenant",
        "--program",
        "--workload",
        "--partner-id",
        "--domain",
        "--subscription",
        "--channel",
    ];
    claim
        .args()
        .chunks(2)
        .filter(|pair| UNIT_FLAGS.contains(&pair[0].as_str()))
        .flatten()
        .cloned()
        .collect()
}

fn error_codes(report: &Json) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_hypothetical_claim_names_every_failing_rule() {
    let env = Env::new();
    with_partner(&env); // 1000: osu-m365 only
    let snap = env.snapshot();
    let files = Files::capture(&env.db);

    let (out, report) = troubleshoot(
        &env,
        &[
            "--tenant",
            TENANT_A,
            "--program",
            "osu-bizapps",
            "--workload",
            "teams",
            "--partner-id",
            "1000",
            "--subscription",
            SUB_1,
            "--channel",
            "csp",
        ],
    );
    assert_eq!(out.code, Some(7), "{out}");
    assert_eq!(report["eligible"], false, "{report:#}");
    let mut errors = error_codes(&report);
    errors.sort();
    assert_eq!(
        errors,
        [
            "csp-excluded",
            "partner-not-enrolled",
            "workload-not-in-program"
        ],
        "{report:#}"
    );
    assert_eq!(report["request"]["partner_id"], "1000");
    assert_eq!(report["request"]["program"], "osu-bizapps");
    files.assert_untouched("a refused hypothetical claim");
    assert_same_snapshot(&snap, &env.snapshot(), "a refused hypothetical claim");
    assert_eq!(env.list_all().len(), 0, "nothing was filed");
}

#[test]
fn a_hypothetical_claim_against_stored_facts() {
    let env = Env::new();
    env.partner("1000", &["osu-bizapps"]);
    env.partner("2000", &["osu-bizapps"]);
    // 1000 holds subscription 1 of tenant A; fabrikam.com is known as tenant B's.
    file_one(&env, &env.bizapps("osu-bizapps"));
    file_one(
        &env,
        &env.bizapps("osu-bizapps")
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B)
            .set("--subscription", "9b2c5d3e-1111-4a2b-8c3d-4e5f60718293"),
    );
    let snap = env.snapshot();
    let files = Files::capture(&env.db);

    let (out, report) = troubleshoot(
        &env,
        &[
            "--tenant",
            TENANT_A,
            "--program",
            "osu-bizapps",
            "--workload",
            "d365-sales",
            "--partner-id",
            "2000",
            "--domain",
            DOMAIN_B,
            "--subscription",
            SUB_1,
        ],
    );
    assert_eq!(out.code, Some(7), "{out}");
    assert_eq!(report["eligible"], false, "{report:#}");
    let mut errors = error_codes(&report);
    errors.sort();
    assert_eq!(
        errors,
        [
            "already-associated",
            "channel-required",
            "domain-tenant-mismatch"
        ],
        "{report:#}"
    );
    let held = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "already-associated")
        .unwrap();
    assert!(message(held).contains("1000"), "names the holder: {held}");

    // The eligible version of it: another subscription, the right domain, a channel.
    let (out, report) = troubleshoot(
        &env,
        &[
            "--tenant",
            TENANT_A,
            "--program",
            "osu-bizapps",
            "--workload",
            "d365-sales",
            "--partner-id",
            "2000",
            "--domain",
            DOMAIN_A,
            "--subscription",
            "0d1e2f3a-2222-4b3c-9d4e-5f6071829304",
            "--channel",
            "web-direct",
        ],
    );
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["eligible"], true, "{report:#}");
    assert!(error_codes(&report).is_empty(), "{report:#}");

    files.assert_untouched("hypothetical claims");
    assert_same_snapshot(&snap, &env.snapshot(), "hypothetical claims");
}

#[test]
fn an_eligible_hypothetical_claim_exits_0_in_every_format() {
    let env = Env::new();
    with_partner(&env);
    let args = [
        "--tenant",
        TENANT_A,
        "--program",
        "osu-m365",
        "--workload",
        "teams",
        "--partner-id",
        "1000",
        "--domain",
        DOMAIN_A,
    ];
    let (out, report) = troubleshoot(&env, &args);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["eligible"], true);
    assert!(error_codes(&report).is_empty(), "{report:#}");
    assert!(report["verdict"].as_str().is_some_and(|v| !v.is_empty()));

    let out = run(env.cmd().arg("troubleshoot").args(args));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(out.stdout.contains("eligible"), "{out}");
}

#[test]
fn a_hypothetical_claim_needs_all_four_flags() {
    let env = Env::new();
    with_partner(&env);
    let full = [
        ("--tenant", TENANT_A),
        ("--program", "osu-m365"),
        ("--workload", "teams"),
        ("--partner-id", "1000"),
    ];
    let files = Files::capture(&env.db);
    for missing in 0..full.len() {
        let mut cmd = env.cmd();
        cmd.arg("troubleshoot");
        for (i, (flag, value)) in full.iter().enumerate() {
            if i != missing {
                cmd.args([flag, value]);
            }
        }
        let out = run(cmd.arg("--json"));
        let flag = full[missing].0;
        assert_eq!(out.code, Some(2), "without {flag}\n{out}");
        let err = out.error();
        assert_eq!(err["error"]["kind"], "usage", "{out}");
        assert!(
            err["error"]["message"].as_str().unwrap().contains(flag),
            "the error names {flag}\n{out}"
        );
        assert!(out.stdout.is_empty(), "{out}");
    }
    // Only --domain: all four are named.
    let out = run(env
        .cmd()
        .args(["troubleshoot", "--domain", DOMAIN_A, "--json"]));
    assert_eq!(out.code, Some(2), "{out}");
    let msg = out.error()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    for (flag, _) in full {
        assert!(msg.contains(flag), "{flag} not named in {msg}");
    }
    files.assert_untouched("usage errors");
}

#[test]
fn a_hypothetical_claim_without_a_database_creates_nothing() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    let dir = env.db.parent().unwrap().to_path_buf();
    let root = listing(&env.path(""));
    let (out, report) = troubleshoot(
        &env,
        &[
            "--tenant",
            TENANT_A,
            "--program",
            "osu-m365",
            "--workload",
            "teams",
            "--partner-id",
            "1000",
        ],
    );
    assert_eq!(out.code, Some(7), "{out}");
    finding(&report, "db-missing", "error");
    finding(&report, "partner-not-enrolled", "error");
    assert_eq!(report["eligible"], false);
    assert!(!dir.exists(), "troubleshoot created {}", dir.display());
    assert_eq!(root, listing(&env.path("")));
}

/// `troubleshoot` and `claim` judge a unit by the same rules: for each request, the rule codes
/// of a refused `claim --json` are the error codes of the equivalent hypothetical claim.
#[test]
fn hypothetical_findings_match_claim_refusals() {
    let env = Env::new();
    env.partner("1000", &["osu-m365", "osa-sell"]);
    env.partner("2000", &["osu-m365", "osu-bizapps"]);
    file_one(&env, &env.m365()); // 1000 holds teams of tenant A (contoso.com)
    file_one(&env, &env.bizapps("osa-sell")); // 1000 holds subscription 1 of tenant A

    let requests: Vec<(&str, ClaimBuilder)> = vec![
        ("unknown partner", env.m365().set("--partner-id", "9999")),
        (
            "three failures",
            env.bizapps("osu-bizapps")
                .set("--workload", "teams")
                .set("--channel", "csp")
                .set("--subscription", "0d1e2f3a-2222-4b3c-9d4e-5f6071829304"),
        ),
        (
            "mismatch and held",
            env.m365()
                .set("--partner-id", "2000")
                .set("--tenant", TENANT_A)
                .set("--domain", "contoso.com"),
        ),
        (
            "domain of another tenant",
            env.m365()
                .set("--partner-id", "2000")
                .set("--tenant", TENANT_B)
                .set("--domain", DOMAIN_A),
        ),
        ("duplicate", env.m365()),
        (
            "subscription of another tenant, held",
            env.bizapps("osu-bizapps")
                .set("--partner-id", "2000")
                .set("--tenant", TENANT_B)
                .set("--domain", DOMAIN_B),
        ),
        (
            "no subscription, no channel",
            env.bizapps("osu-bizapps")
                .set("--partner-id", "2000")
                .remove("--subscription")
                .remove("--channel"),
        ),
        (
            "held across programs",
            env.bizapps("osu-bizapps").set("--partner-id", "2000"),
        ),
    ];
    for (what, claim) in requests {
        let refused = run(claim.cmd(&env).arg("--json"));
        assert_eq!(refused.code, Some(3), "{what}: claim is refused\n{refused}");
        let mut from_claim = rule_codes(&refused.error());
        let args = hypothetical_args(&claim);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, report) = troubleshoot(&env, &args);
        assert_eq!(out.code, Some(7), "{what}\n{out}");
        assert_eq!(report["eligible"], false, "{what}");
        let mut from_troubleshoot = error_codes(&report);
        from_claim.sort();
        from_troubleshoot.sort();
        assert_eq!(
            from_troubleshoot, from_claim,
            "{what}: troubleshoot {args:?} and claim disagree"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A claim

#[test]
fn claim_report_timeline_counts_business_days_down() {
    let mut env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    let sid = id.to_string();

    let (out, report) = troubleshoot(&env, &[&sid]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["claim"]["id"], id);
    assert_eq!(report["claim"]["status"], "pending");
    assert_eq!(report["claim"]["partner_id"], "1000");
    let t = &report["timeline"];
    assert_eq!(t["deadline_day"], "2025-06-09", "{t:#}");
    assert_eq!(t["deadline"], "2025-06-10T00:00:00Z", "{t:#}");
    assert_eq!(t["deadline_local"], "2025-06-10T00:00:00+00:00", "{t:#}");
    assert_eq!(t["business_days_left"], 5, "{t:#}");
    assert!(
        report["next"].as_str().is_some_and(|n| n.len() > 10),
        "next is a sentence: {report:#}"
    );
    assert!(codes(&report).is_empty(), "{report:#}");

    for (now, left) in [
        ("2025-06-03T08:00:00Z", 4), // Tue
        ("2025-06-04T10:00:00Z", 3), // Wed
        ("2025-06-07T12:00:00Z", 1), // Sat: only Mon 06-09 is left
        ("2025-06-09T12:00:00Z", 0), // the deadline day itself
    ] {
        env.set_now(now);
        let (out, report) = troubleshoot(&env, &[&sid]);
        assert_eq!(out.code, Some(0), "{now}\n{out}");
        assert_eq!(
            report["timeline"]["business_days_left"], left,
            "at {now}: {report:#}"
        );
    }

    env.set_now("2025-06-10T00:00:00Z");
    ok(&env, &["finalize"]);
    let (out, report) = troubleshoot(&env, &[&sid]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_eq!(report["claim"]["status"], "official");
    assert_eq!(report["timeline"]["business_days_left"], Json::Null);
    assert_eq!(report["timeline"]["official_at"], "2025-06-10T00:00:00Z");
}

#[test]
fn claim_report_deadline_local_uses_the_calendar_offset() {
    let env = Env::new();
    with_partner(&env);
    ok(
        &env,
        &["calendar", "set", "berlin", "--tz", "Europe/Berlin"],
    );
    let id = file_one(&env, &env.m365().set("--calendar", "berlin"));
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    let t = &report["timeline"];
    assert_eq!(t["deadline_day"], "2025-06-09", "{t:#}");
    assert_eq!(t["deadline"], "2025-06-09T22:00:00Z", "{t:#}");
    assert_eq!(t["deadline_local"], "2025-06-10T00:00:00+02:00", "{t:#}");
    assert_eq!(t["business_days_left"], 5, "{t:#}");
}

#[test]
fn claim_report_shows_the_other_claims_on_the_unit() {
    let mut env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    let a = file_one(&env, &env.m365());
    env.set_now("2025-06-03T09:00:00Z");
    ok(
        &env,
        &[
            "withdraw",
            &a.to_string(),
            "--reason",
            "wrong customer",
            "--yes",
        ],
    );
    env.set_now("2025-06-03T10:00:00Z");
    let b = file_one(&env, &env.m365().set("--partner-id", "2000"));

    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[&b.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    let unit = &report["unit"];
    assert_eq!(unit["holder"]["claim_id"], b, "{unit:#}");
    assert_eq!(unit["holder"]["partner_id"], "2000", "{unit:#}");
    let others = unit["other_claims"].as_array().expect("other_claims[]");
    let old = others
        .iter()
        .find(|c| c["id"] == a)
        .unwrap_or_else(|| panic!("A's claim is not among other_claims: {unit:#}"));
    assert_eq!(old["status"], "withdrawn", "{old}");
    assert_eq!(old["partner_id"], "1000", "{old}");
    assert!(
        others.iter().all(|c| c["id"] != b),
        "the claim itself is not an other claim: {unit:#}"
    );

    // From A's side: the unit is now held by B.
    let (_, report) = troubleshoot(&env, &[&a.to_string()]);
    assert_eq!(report["unit"]["holder"]["claim_id"], b, "{report:#}");
    assert_eq!(report["timeline"]["business_days_left"], Json::Null);
    assert_eq!(report["timeline"]["end_reason"], "wrong customer");
    files.assert_untouched("claim reports");
}

#[test]
fn an_unknown_claim_is_not_found() {
    let env = Env::new();
    let out = run(env.cmd().args(["troubleshoot", "42", "--json"]));
    assert_eq!(out.code, Some(4), "no database: {out}");
    assert!(
        !env.db.parent().unwrap().exists(),
        "a directory was created"
    );

    with_partner(&env);
    let files = Files::capture(&env.db);
    let out = run(env.cmd().args(["troubleshoot", "42", "--json"]));
    assert_eq!(out.code, Some(4), "{out}");
    assert_eq!(out.error()["error"]["kind"], "not-found", "{out}");
    files.assert_untouched("an unknown claim");
}

#[test]
fn table_output_is_readable_and_plain_when_piped() {
    if sqlite_only() {
        return;
    }
    let mut env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    env.set_now("2025-06-12T00:00:00Z"); // overdue: an error finding, which may be coloured

    // Colour is decided by the terminal, not by NO_COLOR here: stdout is a pipe.
    let plain = |args: &[&str]| {
        let out = run(env
            .cmd()
            .env_remove("NO_COLOR")
            .arg("troubleshoot")
            .args(args));
        assert!(!out.stdout.contains('\u{1b}'), "escape codes in\n{out}");
        out
    };
    let out = plain(&[&id.to_string()]);
    assert_eq!(out.code, Some(7), "{out}");
    for fact in [
        "pending",
        "1000",
        "teams",
        TENANT_A,
        "2025-06-09",
        "2025-06-10T00:00:00Z",
        "finalize-overdue",
        "cpor finalize",
    ] {
        assert!(out.stdout.contains(fact), "{fact} missing from\n{out}");
    }

    let out = plain(&[]);
    assert_eq!(out.code, Some(7), "{out}");
    for fact in [
        env.db.display().to_string(),
        "wal".to_string(),
        "finalize-overdue".to_string(),
        "no-holidays".to_string(),
    ] {
        assert!(out.stdout.contains(&fact), "{fact} missing from\n{out}");
    }

    let out = plain(&[
        "--tenant",
        TENANT_A,
        "--program",
        "osu-m365",
        "--workload",
        "teams",
        "--partner-id",
        "2000",
    ]);
    assert_eq!(out.code, Some(7), "{out}");
    for fact in [
        "partner-not-enrolled",
        "already-associated",
        "cpor partner add",
    ] {
        assert!(out.stdout.contains(fact), "{fact} missing from\n{out}");
    }
}

// ---------------------------------------------------------------------------------------------
// Never writes

/// Open a writer with rusqlite that commits a new partner into the WAL and keeps it there.
fn writer_with_wal(env: &Env) -> Connection {
    let conn = Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "PRAGMA wal_autocheckpoint = 0;
         INSERT INTO partners (partner_id, name, added_at)
             VALUES ('3000', 'Late Partner', '2025-06-02T10:00:00Z');
         INSERT INTO enrolments (partner_id, program, enrolled_at)
             VALUES ('3000', 'osu-m365', '2025-06-02T10:00:00Z');",
    )
    .unwrap();
    assert!(
        std::fs::metadata(sibling(&env.db, "-wal")).unwrap().len() > 0,
        "precondition: the write is in the WAL"
    );
    conn
}

const BY_3000: [&str; 8] = [
    "--tenant",
    TENANT_B,
    "--program",
    "osu-m365",
    "--workload",
    "teams",
    "--partner-id",
    "3000",
];

#[test]
fn a_live_wal_database_is_read_and_left_alone() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    file_one(&env, &env.m365());
    file_one(&env, &env.m365().set("--workload", "exchange"));
    let (_, report) = troubleshoot(&env, &BY_3000);
    assert_eq!(report["eligible"], false, "3000 is not enrolled yet");

    let writer = writer_with_wal(&env);
    let files = Files::capture(&env.db);
    assert!(
        files.had("-wal") && files.had("-shm"),
        "a live WAL database"
    );

    let (out, report) = troubleshoot(&env, &BY_3000);
    assert_eq!(out.code, Some(0), "the WAL's partner is seen\n{out}");
    assert_eq!(report["eligible"], true, "{report:#}");
    files.assert_untouched_but_shm("hypothetical claim on a live WAL");

    let (_, report) = troubleshoot(&env, &[]);
    assert_eq!(report["claims"], 2, "{report:#}");
    assert_eq!(report["database"]["journal_mode"], "wal", "{report:#}");
    assert!(
        report["database"]["wal_bytes"].as_u64().unwrap() > 0,
        "{report:#}"
    );
    files.assert_untouched_but_shm("installation report on a live WAL");

    let (_, report) = troubleshoot(&env, &["1"]);
    assert_eq!(report["claim"]["id"], 1);
    files.assert_untouched_but_shm("claim report on a live WAL");
    drop(writer);
}

/// The `-shm` of a live database is SQLite's shared memory, not data; still, "never writes"
/// and `ReadOnlyDb`'s promise ("opened read-only, which only reads them") cover it, and SQLite
/// can read a live WAL without writing its index (`readonly_shm=1`).
#[test]
fn a_live_wal_databases_shm_is_only_read() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    let writer = writer_with_wal(&env);
    let files = Files::capture(&env.db);
    assert!(files.had("-shm"), "a live WAL database");
    for args in [&BY_3000[..], &[][..], &["1"][..]] {
        let out = run(env.cmd().arg("troubleshoot").args(args).arg("--json"));
        assert!(out.code.is_some(), "{out}");
        files.assert_untouched(&format!("troubleshoot {args:?} on a live WAL"));
    }
    drop(writer);
}

#[test]
fn a_copied_db_and_wal_without_shm_is_read_without_creating_files() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    file_one(&env, &env.m365());
    let writer = writer_with_wal(&env);

    // Copy the pair while the writer holds it, as a support engineer would receive it.
    let copy_dir = env.path("ticket");
    std::fs::create_dir_all(&copy_dir).unwrap();
    let copy = copy_dir.join("cpor.db");
    std::fs::copy(&env.db, &copy).unwrap();
    std::fs::copy(sibling(&env.db, "-wal"), sibling(&copy, "-wal")).unwrap();
    drop(writer);
    let files = Files::capture(&copy);
    assert!(files.had("-wal") && !files.had("-shm"));
    let scratch = env.path("tmp");
    std::fs::create_dir_all(&scratch).unwrap();

    let run_on_copy = |args: &[&str]| {
        let out = run(env
            .cmd()
            .env("CPOR_DB", &copy)
            .env("TMPDIR", &scratch)
            .arg("troubleshoot")
            .args(args)
            .arg("--json"));
        let report: Json =
            serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e})\n{out}"));
        check_findings_shape(&report, &out);
        (out, report)
    };
    let (out, report) = run_on_copy(&BY_3000);
    assert_eq!(out.code, Some(0), "the copied WAL's partner is seen\n{out}");
    assert_eq!(report["eligible"], true, "{report:#}");
    files.assert_untouched("hypothetical claim on a copied pair");

    let (_, report) = run_on_copy(&["--deep"]);
    assert_eq!(report["claims"], 1, "{report:#}");
    assert_eq!(report["database"]["integrity"], "ok", "{report:#}");
    files.assert_untouched("installation report on a copied pair");

    let (_, report) = run_on_copy(&["1"]);
    assert_eq!(report["claim"]["id"], 1, "{report:#}");
    files.assert_untouched("claim report on a copied pair");
    assert!(!sibling(&copy, "-shm").exists(), "an -shm appeared");
    assert_eq!(
        listing(&scratch),
        Some(BTreeSet::new()),
        "troubleshoot left temporary files behind"
    );
}

// ---------------------------------------------------------------------------------------------
// PoE versions and their age (SPEC v2 §6 `poe add`, `poe-aging`)

/// Add a PoE version to claim `id`: the file at `rel` (under the test's root) with `content`.
fn add_poe(env: &Env, id: i64, rel: &str, content: &str, signed: &str) -> PathBuf {
    let path = env.path(rel);
    std::fs::write(&path, content).unwrap();
    ok(
        env,
        &[
            "poe",
            "add",
            &id.to_string(),
            "--poe",
            path.to_str().unwrap(),
            "--poe-signed",
            signed,
        ],
    );
    path
}

#[test]
fn every_local_poe_version_is_checked_and_named() {
    let env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    let second = add_poe(&env, id, "poe/sow-2.pdf", "abcd", "2025-06-01");
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    assert_no_finding(&report, "poe-missing");
    assert_no_finding(&report, "poe-changed");

    // The older version goes missing, the newer one changes: each is reported, by version.
    std::fs::remove_file(env.poe_path()).unwrap();
    std::fs::write(&second, "changed").unwrap();
    let files = Files::capture(&env.db);
    let (out, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_eq!(out.code, Some(0), "{out}");
    let gone = finding(&report, "poe-missing", "warning");
    assert!(
        message(gone).contains(env.poe_path().to_str().unwrap()),
        "{gone}"
    );
    assert!(message(gone).contains("version 1 of 2"), "{gone}");
    assert!(
        gone["remedy"]
            .as_str()
            .unwrap()
            .contains(&format!("cpor poe add {id} --poe")),
        "{gone}"
    );
    let changed = finding(&report, "poe-changed", "warning");
    assert!(message(changed).contains("version 2 of 2"), "{changed}");
    assert!(
        message(changed).contains(second.to_str().unwrap()),
        "{changed}"
    );

    // The deep installation report covers every version of active claims.
    let (_, report) = troubleshoot(&env, &["--deep"]);
    finding(&report, "poe-missing", "warning");
    assert_eq!(report["poe_files"]["missing"], serde_json::json!([id]));
    assert_eq!(report["poe_files"]["recorded"], 2);
    files.assert_untouched("per-version PoE checks");
}

#[test]
fn poe_aging_appears_exactly_after_poe_refresh_months() {
    let mut env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    let ts = |env: &Env, config: Option<&Path>| {
        let mut cmd = env.cmd();
        if let Some(c) = config {
            cmd.env("CPOR_CONFIG", c);
        }
        let out = run(cmd.args(["troubleshoot", &id.to_string(), "--json"]));
        let report: Json = serde_json::from_str(&out.stdout).expect("JSON");
        check_findings_shape(&report, &out);
        report
    };
    // Signed 2025-05-20; the default is 11 months. Only active claims age, so make it official.
    env.set_now("2025-06-10T08:00:00Z");
    ok(&env, &["finalize"]);
    env.set_now("2026-04-20T23:00:00Z");
    assert_no_finding(&ts(&env, None), "poe-aging");
    env.set_now("2026-04-21T00:00:00Z");
    let report = ts(&env, None);
    let f = finding(&report, "poe-aging", "warning");
    assert!(message(f).contains("2025-05-20"), "{f}");
    assert!(
        f["remedy"]
            .as_str()
            .unwrap()
            .contains(&format!("cpor poe add {id} --poe")),
        "{f}"
    );

    let config = env.path("config/one.toml");
    std::fs::write(&config, "poe_refresh_months = 1\n").unwrap();
    env.set_now("2025-06-20T12:00:00Z");
    assert_no_finding(&ts(&env, Some(&config)), "poe-aging");
    env.set_now("2025-06-21T12:00:00Z");
    finding(&ts(&env, Some(&config)), "poe-aging", "warning");
    // A fresh version ends the aging.
    add_poe(&env, id, "poe/fresh.pdf", "fresh", "2025-06-21");
    assert_no_finding(&ts(&env, Some(&config)), "poe-aging");
}

#[test]
fn an_ended_claim_does_not_age() {
    let mut env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    ok(
        &env,
        &["withdraw", &id.to_string(), "--reason", "mistake", "--yes"],
    );
    env.set_now("2027-01-01T00:00:00Z");
    let (_, report) = troubleshoot(&env, &[&id.to_string()]);
    assert_no_finding(&report, "poe-aging");
}

#[test]
fn a_claim_id_out_of_range_is_a_usage_error() {
    let env = Env::new();
    with_partner(&env);
    file_one(&env, &env.m365());
    for bad in ["0", "9223372036854775808", "-1", "x"] {
        let out = run(env.cmd().args(["troubleshoot", bad]));
        assert_eq!(out.code, Some(2), "troubleshoot {bad}\n{out}");
        assert!(out.stdout.is_empty(), "{out}");
    }
}

#[test]
fn stored_text_is_escaped_in_the_claim_report() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    with_partner(&env);
    let id = file_one(&env, &env.m365());
    // Stored by something other than cpor: an escape sequence in the withdrawal reason.
    ok(
        &env,
        &["withdraw", &id.to_string(), "--reason", "mistake", "--yes"],
    );
    sql(
        &env,
        "UPDATE claims SET end_reason = 'x' || char(27) || ']0;pwned' || char(7) || 'y';",
    );
    let out = run(env.cmd().args(["troubleshoot", &id.to_string()]));
    assert!(
        !out.stdout.contains('\u{1b}'),
        "raw ESC reached the terminal:\n{out}"
    );
    assert!(
        !out.stdout.contains('\u{7}'),
        "raw BEL reached the terminal:\n{out}"
    );
    assert!(out.stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{out}");
}
