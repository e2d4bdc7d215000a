//! The team backend (SPEC §9) under load, with real `cpor` processes against a PostgreSQL server.
//!
//! Needs `CPOR_TEST_PG`, the admin URL of a cluster (`scripts/pg-test-cluster start DIR` prints
//! one); without it the benchmark says so and exits 0. It:
//!
//! 1. creates a fresh database on that server (`CREATE DATABASE`, then `cpor db migrate` as the
//!    owner), a login `cpor_bench` made an Incentives admin with `cpor db grant`, and a partner;
//! 2. (a) runs 8 threads, each starting `cpor claim` processes one after another on units of
//!    its own for a fixed time, and prints claims/s and the p50/p99/max wall time of a claim
//!    process (a new connection each, like staff at their terminals);
//! 3. (b) seeds N due claims with `cpor import` of generated CSV files (5,000 rows each) whose
//!    `notified_at` lies two weeks before the clock (so every row goes through the rules of
//!    `claim`, and is due), and times `cpor finalize` over them;
//! 4. (c) while that finalize runs, files claims from another process, one after another, and
//!    prints the longest wait against a baseline taken with nothing else running;
//! 5. drops the database (the cluster-wide login `cpor_bench` is kept for the next run).
//!
//! Run: `CPOR_TEST_PG=postgres://… cargo bench --bench pg_claims -- [N] [--secs S]`
//! (N due claims, default 100,000; S seconds of filing, default 20). The binary is `$CPOR_BIN`
//! if set, else the `cpor` cargo built for this bench (`target/release/cpor`).

// Without its `[[bench]] harness = false` entry cargo would build this file under the libtest
// harness, where `main` is never called; keep that build warning-free.
#![cfg_attr(test, allow(dead_code, unused_imports))]

mod support;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};
use support::{cpor_bin, ms};

/// Due claims seeded for finalize, unless the first argument says otherwise.
const DUE: usize = 100_000;
/// Seconds the filing processes run, unless `--secs` says otherwise.
const SECS: u64 = 20;
/// Concurrent filing processes in part (a).
const WORKERS: usize = 8;
/// Claim processes timed one after another with nothing else running (part (c)'s baseline).
const BASELINE_RUNS: usize = 20;

/// The clock of every process: the seeded claims were notified two weeks earlier, so their
/// opt-out deadlines have passed; the claims filed here are due only days later.
const NOW: &str = "2025-06-16T08:00:00Z";
const NOTIFIED: &str = "2025-06-02T09:00:00Z";
/// The login the benchmark works as: cpor's actor on PostgreSQL is the login role.
const LOGIN: &str = "cpor_bench";

/// `url` with another user and database.
fn url_as(url: &str, user: &str, db: &str) -> String {
    let mut u = url::Url::parse(url).expect("CPOR_TEST_PG is a URL");
    u.set_username(user).expect("a user name");
    u.set_password(None).expect("no password");
    u.set_path(&format!("/{db}"));
    u.to_string()
}

fn admin_client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

/// The benchmark's database, its login and a temporary home; the database is dropped on drop,
/// also when a part of the benchmark panics.
struct Bench {
    bin: PathBuf,
    home: tempfile::TempDir,
    admin: String,
    name: String,
    /// cpor's URL: the login `cpor_bench` on the benchmark's database.
    url: String,
}

impl Bench {
    fn new(admin: &str) -> Bench {
        let bin = cpor_bin();
        assert!(
            bin.is_file(),
            "no cpor binary at {}: run `cargo build --release` or set CPOR_BIN",
            bin.display()
        );
        let name = format!("cpor_bench_{}", std::process::id());
        let mut c = admin_client(admin);
        // One statement each: CREATE DATABASE refuses to run inside a multi-statement batch.
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
            format!(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LOGIN}')
                   THEN CREATE ROLE {LOGIN} LOGIN; END IF; END $$"
            ),
        ] {
            c.batch_execute(&sql)
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
        let home = tempfile::Builder::new()
            .prefix("cpor-pg-bench-")
            .tempdir()
            .expect("create a temporary directory");
        let bench = Bench {
            bin,
            home,
            url: url_as(admin, LOGIN, &name),
            admin: admin.to_string(),
            name,
        };
        // The schema and the grant need the database's owner: the admin login itself.
        let mut owner_url = url::Url::parse(admin).expect("a URL");
        owner_url.set_path(&format!("/{}", bench.name));
        for args in [
            &["db", "migrate"][..],
            &["db", "grant", LOGIN, "--role", "admin"],
        ] {
            bench.run_ok(bench.cmd().env("CPOR_DB", owner_url.as_str()).args(args));
        }
        bench.run_ok(bench.cmd().args([
            "partner",
            "add",
            "1000",
            "--name",
            "Bench",
            "--program",
            "osu-m365",
        ]));
        bench
    }

    /// `cpor` with a cleared environment, as the benchmark's login, at [`NOW`].
    fn cmd(&self) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path())
            .env("XDG_DATA_HOME", self.home.path())
            .env("CPOR_DB", &self.url)
            .env("CPOR_NOW", NOW)
            .env("NO_COLOR", "1")
            .current_dir(self.home.path())
            .stdin(Stdio::null());
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd
    }

    /// Run `cmd` --quiet; it must succeed. Returns its stdout.
    fn run_ok(&self, cmd: &mut Command) -> Vec<u8> {
        let out = cmd.arg("--quiet").output().expect("run cpor");
        assert!(
            out.status.success(),
            "{cmd:?}: exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// File claim `n` of series `series` (four hex digits: every series and number is a unit,
    /// a tenant and a domain of its own). Returns the process's wall time and its outcome.
    fn claim(&self, series: &str, n: usize) -> (Duration, Result<(), String>) {
        let [tenant, domain] = unit(series, n);
        let mut cmd = self.cmd();
        cmd.args(["claim", "--partner-id", "1000", "--program", "osu-m365"])
            .args([
                "--workload",
                "teams",
                "--tenant",
                &tenant,
                "--domain",
                &domain,
            ])
            .args(["--customer-name", "Ann Lee", "--customer-title", "CIO"])
            .args(["--customer-email", "ann@example.com"])
            .args(["--partner-contact", "Pat Kim"])
            .args(["--partner-email", "pat@example.com"])
            .args(["--poe", "https://example.com/sow.pdf"])
            .args(["--poe-signed", "2025-05-20", "--json", "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let start = Instant::now();
        let out = cmd.output().expect("run cpor claim");
        let took = start.elapsed();
        let ok = if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "exit {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        };
        (took, ok)
    }
}

impl Drop for Bench {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The tenant and domain of claim `n` of a series.
fn unit(series: &str, n: usize) -> [String; 2] {
    [
        format!("{n:08x}-{series}-4111-8111-000000000bec"),
        format!("s{series}-{n}.example.com"),
    ]
}

/// What a set of claim processes measured.
struct Timings {
    times: Vec<Duration>,
    failures: Vec<String>,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            times: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn push(&mut self, (took, ok): (Duration, Result<(), String>)) {
        self.times.push(took);
        if let Err(e) = ok {
            self.failures.push(e);
        }
    }

    fn merge(&mut self, other: Timings) {
        self.times.extend(other.times);
        self.failures.extend(other.failures);
    }

    fn filed(&self) -> usize {
        self.times.len() - self.failures.len()
    }

    /// The wall time at quantile `q` (nearest rank) of every process, failed ones included.
    fn quantile(&self, q: f64) -> Duration {
        let mut d = self.times.clone();
        d.sort();
        assert!(!d.is_empty(), "no samples");
        d[((d.len() as f64 * q).ceil() as usize).clamp(1, d.len()) - 1]
    }

    fn max(&self) -> Duration {
        self.quantile(1.0)
    }
}

/// Part (a): `WORKERS` threads file claims, each process after the previous, for `secs`.
fn concurrent_filing(bench: &Arc<Bench>, secs: u64) -> (Timings, Duration) {
    let start = Instant::now();
    let until = start + Duration::from_secs(secs);
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let bench = Arc::clone(bench);
            thread::spawn(move || {
                let series = format!("a{w:03x}");
                let mut t = Timings::new();
                let mut n = 0;
                while Instant::now() < until {
                    t.push(bench.claim(&series, n));
                    n += 1;
                }
                t
            })
        })
        .collect();
    let mut all = Timings::new();
    for w in workers {
        all.merge(w.join().expect("a filing thread"));
    }
    (all, start.elapsed())
}

/// Rows per `cpor import` file when seeding. An import is one transaction holding a lock per
/// unit until it commits, so one file of 100,000 rows exhausts a server's lock table ("out of
/// shared memory", `max_locks_per_transaction`); files of this size stay well inside it.
const IMPORT_ROWS: usize = 5_000;

/// Part (b)'s seed: CSV files of claims notified two weeks before [`NOW`], `n` rows in all,
/// each filed by `cpor import`. Returns how long the imports took.
fn seed(bench: &Bench, n: usize) -> Duration {
    let mut took = Duration::ZERO;
    for (file, first) in (0..n).step_by(IMPORT_ROWS).enumerate() {
        let path = bench.home.path().join(format!("due-{file}.csv"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create a CSV"));
        writeln!(
            f,
            "partner_id,tenant,domain,program,workload,customer_name,customer_title,\
             customer_email,partner_contact,partner_email,poe,poe_signed,notified_at"
        )
        .expect("write a CSV");
        for i in first..n.min(first + IMPORT_ROWS) {
            let [tenant, domain] = unit("5eed", i);
            writeln!(
                f,
                "1000,{tenant},{domain},osu-m365,teams,Ann Lee,CIO,ann@example.com,Pat Kim,\
                 pat@example.com,https://example.com/sow.pdf,2025-05-20,{NOTIFIED}"
            )
            .expect("write a CSV");
        }
        f.flush().expect("write a CSV");
        drop(f);
        let start = Instant::now();
        bench.run_ok(bench.cmd().arg("import").arg(&path));
        took += start.elapsed();
        std::fs::remove_file(&path).expect("remove a CSV");
    }
    took
}

/// Parts (b) and (c): finalize the seeded claims while another thread files claims one after
/// another. Returns finalize's wall time, its count, and the claims filed meanwhile.
fn finalize_with_filing(bench: &Arc<Bench>) -> (Duration, u64, Timings) {
    let done = Arc::new(AtomicBool::new(false));
    let filer = {
        let done = Arc::clone(&done);
        let bench = Arc::clone(bench);
        thread::spawn(move || {
            let mut t = Timings::new();
            let mut n = 0;
            while !done.load(Ordering::Acquire) {
                t.push(bench.claim("c0c0", n));
                n += 1;
            }
            t
        })
    };
    let start = Instant::now();
    let out = bench.run_ok(bench.cmd().args(["finalize", "--json"]));
    let took = start.elapsed();
    done.store(true, Ordering::Release);
    let during = filer.join().expect("the filing thread");
    let report: serde_json::Value =
        serde_json::from_slice(&out).expect("finalize --json prints JSON");
    let finalized = report["finalized"].as_u64().expect("finalized is a count");
    (took, finalized, during)
}

/// `[N] [--secs S]`, ignoring the `--bench` cargo passes.
fn args() -> (usize, u64) {
    let (mut due, mut secs) = (DUE, SECS);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bench" => {}
            "--secs" => {
                secs = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--secs takes a number of seconds")
            }
            n => due = n.parse().expect("usage: pg_claims [N] [--secs S]"),
        }
    }
    (due, secs)
}

fn main() {
    let Some(admin) = std::env::var("CPOR_TEST_PG").ok().filter(|v| !v.is_empty()) else {
        println!(
            "pg_claims: skipped: set CPOR_TEST_PG to a PostgreSQL admin URL \
             (`scripts/pg-test-cluster start DIR` starts a throwaway cluster and prints one)"
        );
        return;
    };
    let (due, secs) = args();
    let version: String = admin_client(&admin)
        .query_one("SHOW server_version", &[])
        .expect("read the server version")
        .get(0);
    println!(
        "pg_claims: cpor = {}; PostgreSQL {version}; {WORKERS} processes for {secs} s; \
         {due} due claims",
        cpor_bin().display()
    );
    let bench = Arc::new(Bench::new(&admin));

    let (filing, wall) = concurrent_filing(&bench, secs);
    let seeding = seed(&bench, due);
    let mut baseline = Timings::new();
    for n in 0..BASELINE_RUNS {
        baseline.push(bench.claim("ba5e", n));
    }
    let (finalize, finalized, during) = finalize_with_filing(&bench);
    assert_eq!(
        finalized, due as u64,
        "finalize made every seeded claim official"
    );

    let rate = |n: f64, d: Duration| format!("{:.0}", n / d.as_secs_f64());
    let rows = [
        (
            format!("claim: {WORKERS} processes for {secs} s"),
            format!(
                "{} filed, {} failed: {} claims/s",
                filing.filed(),
                filing.failures.len(),
                rate(filing.filed() as f64, wall)
            ),
        ),
        (
            "claim process wall time (new connection each)".to_string(),
            format!(
                "p50 {}, p99 {}, max {}",
                ms(filing.quantile(0.5)),
                ms(filing.quantile(0.99)),
                ms(filing.max())
            ),
        ),
        (
            format!("seed: `cpor import` of {due} CSV rows ({IMPORT_ROWS} a file)"),
            format!(
                "{:.1} s ({} rows/s)",
                seeding.as_secs_f64(),
                rate(due as f64, seeding)
            ),
        ),
        (
            format!("`cpor finalize` of {due} due claims"),
            format!(
                "{:.1} s ({} claims/s)",
                finalize.as_secs_f64(),
                rate(finalized as f64, finalize)
            ),
        ),
        (
            format!(
                "claim during finalize ({} processes, {} failed)",
                during.times.len(),
                during.failures.len()
            ),
            format!(
                "p50 {}, p99 {}, longest {}",
                ms(during.quantile(0.5)),
                ms(during.quantile(0.99)),
                ms(during.max())
            ),
        ),
        (
            format!("claim with nothing else running ({BASELINE_RUNS} processes)"),
            format!(
                "p50 {}, max {}",
                ms(baseline.quantile(0.5)),
                ms(baseline.max())
            ),
        ),
    ];
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    println!("| {:width$} | result", "measure");
    println!("|-{:-<width$}-|-------", "");
    for (k, v) in &rows {
        println!("| {k:width$} | {v}");
    }
    for f in filing
        .failures
        .iter()
        .chain(&during.failures)
        .chain(&baseline.failures)
        .take(3)
    {
        println!("failed: {f}");
    }
}
