//! How long does `cpor claim` wait while a big `cpor finalize` runs?
//!
//! SPEC §6 promises that finalize is "safe to run from cron while staff work, chunked so it
//! never holds the write lock for long". This benchmark measures it with real processes:
//!
//! 1. creates a temporary database with the cpor binary and enrols a partner;
//! 2. seeds 100,000 pending claims whose deadline has passed (distinct tenants, so distinct
//!    units) through the library, in one transaction;
//! 3. times `cpor claim` processes run one after another with no finalize running (baseline);
//! 4. starts `cpor finalize --json` and, meanwhile, keeps running `cpor claim` processes one
//!    after another (each on a new unit with its own CPOR_NOW) until finalize exits, timing each;
//! 5. prints the seeding time, finalize's wall time and its count, how many claims were filed
//!    during the run, and the median / p95 / longest claim wall time against the baseline.
//!
//! A finalize of 100,000 claims leaves room for only a few dozen claims, so the whole is
//! repeated on fresh databases (`CPOR_BENCH_ROUNDS`, default 3) and the figures pooled.
//!
//! Run: `cargo bench --bench finalize_contention` (needs `[[bench]] name = "finalize_contention"
//! harness = false` in Cargo.toml). The binary is `$CPOR_BIN` if set, else the `cpor` that cargo
//! built for this bench (`target/release/cpor`). `CPOR_BENCH_CLAIMS` overrides the 100,000.

// Without its `[[bench]] harness = false` entry cargo would build this file under the libtest
// harness, where `main` is never called; keep that build warning-free.
#![cfg_attr(test, allow(dead_code, unused_imports))]

mod support;
use chrono::{DateTime, Duration as Days, NaiveDate, Utc};
use cpor::model::utc_text;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};
use support::{cpor_bin, ms};

#[path = "../tests/support/seed.rs"]
mod seed;

/// Claims seeded as due.
const SEEDED: usize = 100_000;
/// Claim processes timed without finalize running, per round.
const BASELINE_RUNS: usize = 30;
/// Rounds (each on a fresh database): one finalize run has room for only a few claims.
const ROUNDS: usize = 3;

/// Every claim the benchmark files is notified here; seeded ones are due a week later.
const NOTIFIED: &str = "2025-06-02T10:00:00Z";
const DEADLINE: &str = "2025-06-10T00:00:00Z";
/// What finalize sees as now; the claims filed meanwhile count on from here.
const FINALIZE_NOW: &str = "2025-06-16T08:00:00Z";

/// Where the benchmark's processes run: a temporary home and database, and the binary.
#[derive(Clone)]
struct World {
    root: PathBuf,
    db: PathBuf,
    bin: PathBuf,
}

impl World {
    /// A world in a new temporary directory (removed when the returned guard drops).
    fn new() -> (tempfile::TempDir, World) {
        let bin = cpor_bin();
        assert!(
            bin.is_file(),
            "no cpor binary at {}: run `cargo build --release` or set CPOR_BIN",
            bin.display()
        );
        let tmp = tempfile::Builder::new()
            .prefix("cpor-bench-")
            .tempdir()
            .expect("create a temporary directory");
        let root = tmp.path().to_path_buf();
        for dir in ["home", "config", "share"] {
            std::fs::create_dir_all(root.join(dir)).expect("create a directory");
        }
        let world = World {
            db: root.join("data/cpor.db"),
            root,
            bin,
        };
        (tmp, world)
    }

    /// `cpor` with a cleared environment at instant `now`.
    fn cmd(&self, now: &str) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env_clear()
            .env("HOME", self.root.join("home"))
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("XDG_DATA_HOME", self.root.join("share"))
            .env("CPOR_DB", &self.db)
            .env("CPOR_NOW", now)
            .env("CPOR_ACTOR", "bench")
            .env("NO_COLOR", "1")
            .current_dir(&self.root)
            .stdin(Stdio::null());
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd
    }

    /// File claim number `n` (a unit of its own) at `now`; returns its wall time and whether
    /// it succeeded (with stderr when it did not).
    fn claim(&self, n: usize, now: &str) -> (Duration, Result<(), String>) {
        let tenant = format!("{n:08x}-1111-4111-8111-000000000bec");
        let domain = format!("b{n}.example.com");
        let mut cmd = self.cmd(now);
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
            .args([
                "--partner-contact",
                "Pat Kim",
                "--partner-email",
                "pat@example.com",
            ])
            .args([
                "--poe",
                "https://example.com/sow.pdf",
                "--poe-signed",
                "2025-05-20",
            ])
            .args(["--json", "--quiet"])
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

fn instant(s: &str) -> DateTime<Utc> {
    s.parse().expect("an RFC 3339 instant")
}

/// `n` pending claims on distinct tenants, all due, inserted in one transaction.
fn seed(db: &Path, n: usize) {
    let day = NaiveDate::from_ymd_opt(2025, 6, 9).expect("a date");
    seed::seed_due_claims(db, n, instant(NOTIFIED), day, instant(DEADLINE));
}

/// The instant claim process `k` runs at: one second after the previous one.
fn now_of(k: usize) -> String {
    utc_text(instant(FINALIZE_NOW) + Days::seconds(k as i64))
}

/// Median, 95th percentile and maximum of some durations.
fn stats(mut d: Vec<Duration>) -> (Duration, Duration, Duration) {
    assert!(!d.is_empty(), "no samples");
    d.sort();
    let at = |q: f64| d[((d.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), d[d.len() - 1])
}

/// What one round measured.
struct Round {
    seeding: Duration,
    finalize_wall: Duration,
    finalized: u64,
    /// `(start offset from finalize's start, wall time)` of each claim run meanwhile.
    during: Vec<(Duration, Duration)>,
    failures: Vec<String>,
}

/// One round on a fresh database: seed, time baseline claims, then finalize with claims
/// filed one after another until it exits.
fn round(seeded: usize, baseline: &mut Vec<Duration>) -> Round {
    let (_tmp, world) = World::new();
    // The database is created by cpor itself.
    let out = world
        .cmd(NOTIFIED)
        .args(["partner", "add", "1000", "--name", "Bench"])
        .args(["--program", "osu-m365", "--quiet"])
        .output()
        .expect("run cpor partner add");
    assert!(out.status.success(), "partner add: {out:?}");

    let start = Instant::now();
    seed(&world.db, seeded);
    let seeding = start.elapsed();

    // Baseline: claims with nothing else running, on the same (seeded) database.
    let mut next_unit = 0usize;
    for _ in 0..BASELINE_RUNS {
        let (took, ok) = world.claim(next_unit, &now_of(next_unit));
        ok.unwrap_or_else(|e| panic!("baseline claim {next_unit} failed: {e}"));
        baseline.push(took);
        next_unit += 1;
    }

    let done = Arc::new(AtomicBool::new(false));
    let origin = Instant::now();
    let filer = {
        let done = Arc::clone(&done);
        let world = world.clone();
        let first = next_unit;
        thread::spawn(move || {
            let mut times = Vec::new();
            let mut failures = Vec::new();
            let mut k = first;
            while !done.load(Ordering::Acquire) {
                let began = origin.elapsed();
                let (took, ok) = world.claim(k, &now_of(k));
                times.push((began, took));
                if let Err(e) = ok {
                    failures.push(format!("claim {k}: {e}"));
                }
                k += 1;
            }
            (times, failures)
        })
    };
    let out = world
        .cmd(FINALIZE_NOW)
        .args(["finalize", "--json", "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run cpor finalize");
    let finalize_wall = origin.elapsed();
    done.store(true, Ordering::Release);
    let (during, failures) = filer.join().expect("the claim thread");
    assert!(
        out.status.success(),
        "finalize failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("finalize --json prints JSON");
    Round {
        seeding,
        finalize_wall,
        finalized: report["finalized"].as_u64().expect("finalized is a count"),
        during,
        failures,
    }
}

fn main() {
    let var = |name: &str, default: usize| -> usize {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seeded = var("CPOR_BENCH_CLAIMS", SEEDED);
    let rounds = var("CPOR_BENCH_ROUNDS", ROUNDS).max(1);
    println!(
        "finalize_contention: cpor = {}; {seeded} due claims; {rounds} rounds",
        cpor_bin().display()
    );

    let mut baseline = Vec::new();
    let mut during = Vec::new();
    let mut failures = 0;
    for r in 1..=rounds {
        let round = round(seeded, &mut baseline);
        let (med, _, max) = stats(round.during.iter().map(|(_, t)| *t).collect());
        let (longest_began, longest) = round
            .during
            .iter()
            .copied()
            .max_by_key(|(_, t)| *t)
            .expect("at least one claim ran during finalize");
        println!(
            "round {r}: seeding {:.2} s; finalize {:.2} s wall, finalized {}; {} claims filed \
             meanwhile ({} failed), median {}, longest {} (from +{} to +{} of the run)",
            round.seeding.as_secs_f64(),
            round.finalize_wall.as_secs_f64(),
            round.finalized,
            round.during.len() - round.failures.len(),
            round.failures.len(),
            ms(med),
            ms(max),
            ms(longest_began),
            ms(longest_began + longest),
        );
        for f in round.failures.iter().take(3) {
            println!("  failed: {f}");
        }
        failures += round.failures.len();
        during.extend(round.during.into_iter().map(|(_, t)| t));
    }

    let n_during = during.len();
    let (b_med, b_p95, b_max) = stats(baseline);
    let (d_med, d_p95, d_max) = stats(during);
    println!(
        "claim wall time during finalize ({n_during} claims, {failures} failed): median {}, \
         p95 {}, longest {}",
        ms(d_med),
        ms(d_p95),
        ms(d_max)
    );
    println!(
        "claim wall time with no finalize running ({} claims): median {}, p95 {}, longest {}",
        BASELINE_RUNS * rounds,
        ms(b_med),
        ms(b_p95),
        ms(b_max)
    );
    println!(
        "wait attributable to finalize: median +{}, p95 +{}, longest +{}",
        ms(d_med.saturating_sub(b_med)),
        ms(d_p95.saturating_sub(b_med)),
        ms(d_max.saturating_sub(b_med))
    );
}
