//! The hermetic test environment: a temporary home, a database path that does not exist yet, a
//! fixed clock stepped per command, and builders for valid claims that tests then break.
//!
//! Every command runs the real binary with a cleared environment, so nothing from the machine
//! running the tests (a real config file, `CPOR_*` variables, colours) leaks in.

use assert_cmd::Command;
use rusqlite::{Connection, OpenFlags, types::Value};
use serde_json::Value as Json;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The instant every environment starts at: Monday 2025-06-02 10:00 UTC.
pub const NOW: &str = "2025-06-02T10:00:00Z";

/// Tenant IDs, subscription IDs and domains used throughout the suite.
pub const TENANT_A: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
pub const TENANT_B: &str = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
pub const SUB_1: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
pub const DOMAIN_A: &str = "contoso.com";
pub const DOMAIN_B: &str = "fabrikam.com";

/// The content of the default PoE file and its known SHA-256 (FIPS 180-2 test vector).
pub const POE_CONTENT: &str = "abc";
pub const POE_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/// One test's world.
pub struct Env {
    tmp: TempDir,
    /// `<tmp>/data/cpor.db`; the `data` directory does not exist until cpor creates it.
    pub db: PathBuf,
    now: String,
    /// Under `CPOR_TEST_PG`, this test's own PostgreSQL database (CPOR_DB is its URL).
    pub pg: Option<PgDb>,
}

/// The admin URL of the PostgreSQL cluster the suite runs against, when `CPOR_TEST_PG` says.
pub fn pg_admin_url() -> Option<String> {
    std::env::var("CPOR_TEST_PG").ok().filter(|v| !v.is_empty())
}

/// Whether this run is against PostgreSQL.
pub fn on_postgres() -> bool {
    pg_admin_url().is_some()
}

/// Tests about the SQLite file itself (its bytes, mode, journal, path) return early under
/// `CPOR_TEST_PG`: there is no file. Returns whether to skip.
pub fn sqlite_only() -> bool {
    if on_postgres() {
        eprintln!("skipped: a test of the SQLite file");
        return true;
    }
    false
}

/// A test's own database on the cluster, cloned from a migrated template and dropped after.
pub struct PgDb {
    pub name: String,
    /// The URL cpor uses: the login `tester` (an Incentives admin), like `CPOR_ACTOR`.
    pub url: String,
    admin: String,
}

impl PgDb {
    /// The URL of `db` on the cluster as `user`.
    pub fn url_as(admin: &str, user: &str, db: &str) -> String {
        let mut u = url::Url::parse(admin).expect("CPOR_TEST_PG is a URL");
        u.set_username(user).expect("a user name");
        u.set_password(None).expect("no password");
        u.set_path(&format!("/{db}"));
        u.to_string()
    }

    fn admin_client(admin: &str) -> postgres::Client {
        postgres::Client::connect(admin, postgres::NoTls).expect("connect to CPOR_TEST_PG")
    }

    /// A fresh database for one test.
    fn create(admin: &str) -> PgDb {
        static TEMPLATE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        TEMPLATE.get_or_init(|| Self::template(admin));
        let name = format!(
            "cpor_t_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let mut c = Self::admin_client(admin);
        c.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE cpor_template"))
            .expect("clone the template database");
        PgDb {
            url: Self::url_as(admin, "tester", &name),
            name,
            admin: admin.to_string(),
        }
    }

    /// `cpor_template`: migrated by `cpor db migrate` as the cluster's owner, with the login
    /// `tester` an Incentives admin. Made once per process (kept if another made it).
    fn template(admin: &str) {
        let mut c = Self::admin_client(admin);
        let exists = c
            .query_opt(
                "SELECT 1 FROM pg_database WHERE datname = 'cpor_template'",
                &[],
            )
            .expect("query the cluster")
            .is_some();
        if !exists {
            c.batch_execute("CREATE DATABASE cpor_template")
                .expect("create the template");
            let owner_url = {
                let mut u = url::Url::parse(admin).expect("a URL");
                u.set_path("/cpor_template");
                u.to_string()
            };
            let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("cpor"))
                .env_clear()
                .env("CPOR_DB", &owner_url)
                .env("HOME", "/nonexistent")
                .args(["db", "migrate"])
                .output()
                .expect("run cpor db migrate");
            assert!(out.status.success(), "cpor db migrate: {out:?}");
        }
        c.batch_execute(
            "DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tester') THEN
                 CREATE ROLE tester LOGIN;
               END IF;
             END $$;
             GRANT cpor_incentives_admin TO tester;",
        )
        .expect("create the tester login");
    }
}

impl PgDb {
    /// A client on this test's database as the cluster's owner (sees past every grant).
    pub fn owner_client(&self) -> postgres::Client {
        let mut u = url::Url::parse(&self.admin).expect("CPOR_TEST_PG is a URL");
        u.set_path(&format!("/{}", self.name));
        Self::admin_client(u.as_str())
    }

    /// What [`snapshot`] is for a SQLite file: every row of every table, tables by name and
    /// rows by their text. Sequences are left out: a rolled-back insert advances them, and
    /// that is not a change to the data.
    pub fn snapshot(&self) -> String {
        use std::fmt::Write;
        let mut c = self.owner_client();
        let tables: Vec<String> = c
            .query(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'
                 ORDER BY tablename COLLATE \"C\"",
                &[],
            )
            .expect("list tables")
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut out = String::new();
        for t in tables {
            writeln!(out, "== {t}").unwrap();
            for r in c
                .query(
                    &format!("SELECT t::text FROM \"{t}\" t ORDER BY t::text COLLATE \"C\""),
                    &[],
                )
                .unwrap_or_else(|e| panic!("read {t}: {e:?}"))
            {
                writeln!(out, "{}", r.get::<_, String>(0)).unwrap();
            }
        }
        out
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

impl Env {
    pub fn new() -> Env {
        Env::with_root(
            tempfile::Builder::new()
                .prefix("cpor-cli-")
                .tempdir()
                .expect("create a temporary directory"),
        )
    }

    /// An environment under `/tmp` whatever `TMPDIR` says, so the paths it prints (and the
    /// width of the tables that show them) are the same length on every machine.
    pub fn with_fixed_length_root() -> Env {
        Env::with_root(
            tempfile::Builder::new()
                .prefix("cpor-cli-")
                .tempdir_in("/tmp")
                .expect("create a temporary directory in /tmp"),
        )
    }

    /// An environment on a SQLite file even under `CPOR_TEST_PG`, for tests across backends.
    pub fn sqlite() -> Env {
        let mut env = Env::new();
        env.pg = None;
        env
    }

    fn with_root(tmp: TempDir) -> Env {
        for dir in ["home", "config", "share", "poe"] {
            std::fs::create_dir_all(tmp.path().join(dir)).expect("create a directory");
        }
        std::fs::write(tmp.path().join("poe/sow.pdf"), POE_CONTENT).expect("write the PoE");
        let db = tmp.path().join("data").join("cpor.db");
        let pg = pg_admin_url().map(|admin| PgDb::create(&admin));
        Env {
            tmp,
            db,
            now: NOW.to_string(),
            pg,
        }
    }

    /// The temporary directory itself: every path this test's commands see lies under it.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// A path inside the temporary directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// The default PoE file (content `abc`), by absolute path.
    pub fn poe_path(&self) -> PathBuf {
        self.path("poe/sow.pdf")
    }

    /// Step the clock: the instant every following command sees.
    pub fn set_now(&mut self, now: &str) {
        self.now = now.to_string();
    }

    /// The environment every cpor process of this test gets, and nothing else.
    pub fn vars(&self) -> Vec<(&'static str, OsString)> {
        let mut vars = vec![
            ("HOME", self.path("home").into_os_string()),
            ("XDG_CONFIG_HOME", self.path("config").into_os_string()),
            ("XDG_DATA_HOME", self.path("share").into_os_string()),
            (
                "CPOR_DB",
                match &self.pg {
                    Some(pg) => OsString::from(&pg.url),
                    None => self.db.clone().into_os_string(),
                },
            ),
            ("CPOR_NOW", OsString::from(&self.now)),
            ("CPOR_ACTOR", OsString::from("tester")),
            ("NO_COLOR", OsString::from("1")),
        ];
        if let Some(path) = std::env::var_os("PATH") {
            vars.push(("PATH", path));
        }
        vars
    }

    /// `cpor` with a cleared environment. Its stdin is a pipe, never a terminal.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("cpor").expect("the cpor binary is built");
        cmd.env_clear()
            .envs(self.vars())
            .current_dir(self.tmp.path());
        cmd
    }

    /// The same as [`Env::cmd`] as a plain `std::process::Command`, for tests that spawn.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("cpor"));
        cmd.env_clear()
            .envs(self.vars())
            .current_dir(self.tmp.path())
            .stdin(std::process::Stdio::null());
        cmd
    }

    /// Enrol a PartnerID in programs; the command must succeed.
    pub fn partner(&self, id: &str, programs: &[&str]) {
        let mut cmd = self.cmd();
        cmd.args(["partner", "add", id, "--name", &format!("Partner {id}")]);
        for p in programs {
            cmd.args(["--program", p]);
        }
        cmd.assert().success();
    }

    /// A complete, valid OSU – Microsoft 365 claim: partner 1000, tenant A, `teams`.
    pub fn m365(&self) -> ClaimBuilder {
        ClaimBuilder::new()
            .set("--partner-id", "1000")
            .set("--tenant", TENANT_A)
            .set("--domain", DOMAIN_A)
            .set("--program", "osu-m365")
            .set("--workload", "teams")
            .set("--customer-name", "Ann Lee")
            .set("--customer-title", "CIO")
            .set("--customer-email", "ann@contoso.com")
            .set("--partner-contact", "Pat Kim")
            .set("--partner-email", "pat@partner.example.com")
            .set("--poe", self.poe_path().to_str().expect("UTF-8 path"))
            .set("--poe-signed", "2025-05-20")
    }

    /// A complete, valid Business Applications claim (`osa-sell` or `osu-bizapps`): partner
    /// 1000, tenant A, subscription 1, `d365-sales`, bought through VL on 2025-05-01.
    pub fn bizapps(&self, program: &str) -> ClaimBuilder {
        self.m365()
            .set("--program", program)
            .set("--workload", "d365-sales")
            .set("--subscription", SUB_1)
            .set("--channel", "vl")
            .set("--technical-name", "Tom Tech")
            .set("--technical-title", "IT Manager")
            .set("--technical-email", "tom@contoso.com")
            .set("--purchase-date", "2025-05-01")
    }

    /// File `claim`; the command must succeed. Returns the filed claims (`--json`).
    pub fn file(&self, claim: &ClaimBuilder) -> Vec<Json> {
        let out = claim.cmd(self).arg("--json").assert().success();
        let v: Json = serde_json::from_slice(&out.get_output().stdout).expect("claim --json");
        v.as_array().expect("an array of claims").clone()
    }

    /// `cpor list --all --json`, parsed.
    pub fn list_all(&self) -> Vec<Json> {
        self.list(&["--all"])
    }

    /// `cpor list <args> --json`, parsed.
    pub fn list(&self, args: &[&str]) -> Vec<Json> {
        let out = self
            .cmd()
            .arg("list")
            .args(args)
            .arg("--json")
            .assert()
            .success();
        let v: Json = serde_json::from_slice(&out.get_output().stdout).expect("list --json");
        v.as_array().expect("an array of claims").clone()
    }

    /// `cpor show ID --json`, parsed.
    pub fn show(&self, id: i64) -> Json {
        let out = self
            .cmd()
            .args(["show", &id.to_string(), "--json"])
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).expect("show --json")
    }

    /// Every row of every table of this environment's database.
    pub fn snapshot(&self) -> String {
        match &self.pg {
            Some(pg) => pg.snapshot(),
            None => snapshot(&self.db),
        }
    }
}

/// A claim's command line, flag by flag, so tests can override or remove any of them.
#[derive(Debug, Clone, Default)]
pub struct ClaimBuilder {
    flags: Vec<(String, Vec<String>)>,
}

impl ClaimBuilder {
    pub fn new() -> ClaimBuilder {
        ClaimBuilder::default()
    }

    /// Set `flag` to exactly this one value (replacing earlier values).
    pub fn set(mut self, flag: &str, value: &str) -> ClaimBuilder {
        match self.flags.iter_mut().find(|(f, _)| f == flag) {
            Some((_, values)) => *values = vec![value.to_string()],
            None => self.flags.push((flag.to_string(), vec![value.to_string()])),
        }
        self
    }

    /// Give a repeatable flag one more value.
    pub fn add(mut self, flag: &str, value: &str) -> ClaimBuilder {
        match self.flags.iter_mut().find(|(f, _)| f == flag) {
            Some((_, values)) => values.push(value.to_string()),
            None => self.flags.push((flag.to_string(), vec![value.to_string()])),
        }
        self
    }

    /// Drop a flag altogether.
    pub fn remove(mut self, flag: &str) -> ClaimBuilder {
        self.flags.retain(|(f, _)| f != flag);
        self
    }

    /// The arguments after `claim`.
    pub fn args(&self) -> Vec<String> {
        self.flags
            .iter()
            .flat_map(|(f, values)| values.iter().flat_map(move |v| [f.clone(), v.clone()]))
            .collect()
    }

    /// `cpor claim <args>` in `env`.
    pub fn cmd(&self, env: &Env) -> Command {
        let mut cmd = env.cmd();
        cmd.arg("claim").args(self.args());
        cmd
    }
}

/// Assert two snapshots are the same string; on failure show only the lines that differ.
#[track_caller]
pub fn assert_same_snapshot(before: &str, after: &str, what: &str) {
    if before == after {
        return;
    }
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let gone: Vec<&str> = old.iter().filter(|l| !new.contains(l)).copied().collect();
    let added: Vec<&str> = new.iter().filter(|l| !old.contains(l)).copied().collect();
    panic!(
        "{what}: the database changed\n--- only before\n{}\n+++ only after\n{}",
        gone.join("\n"),
        added.join("\n")
    );
}

/// A textual dump of the database: its schema, `user_version`, `application_id` and every row
/// of every table in rowid order. Opened read-only, so taking it changes nothing.
pub fn snapshot(db: &Path) -> String {
    use std::fmt::Write;
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap_or_else(|e| panic!("open {} read-only: {e}", db.display()));
    let mut out = String::new();
    for pragma in ["user_version", "application_id"] {
        let v: i64 = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .expect("read a pragma");
        writeln!(out, "{pragma} = {v}").unwrap();
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .expect("list tables");
    writeln!(out, "{}", dump(&conn, "sqlite_master")).unwrap();
    for t in tables {
        writeln!(out, "{}", dump(&conn, &t)).unwrap();
    }
    out
}

fn dump(conn: &Connection, table: &str) -> String {
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
        .unwrap_or_else(|e| panic!("read {table}: {e}"));
    let n = stmt.column_count();
    let mut out = format!("== {table}\n");
    let mut rows = stmt.query([]).expect("query rows");
    while let Some(row) = rows.next().expect("next row") {
        let cells: Vec<String> = (0..n)
            .map(|i| format!("{:?}", row.get::<_, Value>(i).expect("a value")))
            .collect();
        out.push_str(&cells.join(" | "));
        out.push('\n');
    }
    out
}

/// The one line of stderr that is the JSON error object, parsed.
pub fn json_error(stderr: &[u8]) -> Json {
    let stderr = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("{\"error\""))
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "expected exactly one JSON error line on stderr, got:\n{stderr}"
    );
    serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("bad JSON error {e}: {}", lines[0]))
}

/// What a finished command printed and how it exited.
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn of(output: &std::process::Output) -> Outcome {
        Outcome {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn error(&self) -> Json {
        json_error(self.stderr.as_bytes())
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Run `cmd` (owned or borrowed) to completion.
pub fn run(mut cmd: impl std::borrow::BorrowMut<Command>) -> Outcome {
    Outcome::of(&cmd.borrow_mut().output().expect("run cpor"))
}

/// The rule codes of a JSON error's `rules` array, in order.
pub fn rule_codes(err: &Json) -> Vec<String> {
    err["error"]["rules"]
        .as_array()
        .expect("rules is an array")
        .iter()
        .map(|r| r["code"].as_str().expect("a rule code").to_string())
        .collect()
}

/// The claim IDs of a JSON array of claims, in order.
pub fn ids(claims: &[Json]) -> Vec<i64> {
    claims
        .iter()
        .map(|c| c["id"].as_i64().expect("an id"))
        .collect()
}

/// The database file and the SQLite files that may sit beside it.
pub fn siblings(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .collect()
}
