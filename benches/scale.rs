//! cpor against raw SQLite at scale: `cargo bench --bench scale -- N [REPS]`.
//!
//! 1. seeds `N` pending claims (default 100,000) on distinct tenants, ten partners, four
//!    workloads, half of them due, with `cpor import` of a CSV file: timed against `sqlite3`
//!    replaying the same rows (`sqlite3 new.db < dump.sql` of the seeded database);
//! 2. times each piece of work with cpor and with the `sqlite3` CLI doing the same work on the
//!    same file, interleaved (cpor, raw, cpor, raw, ...) and repeated `REPS` times (default 5;
//!    finalize at most 3), each run through `/usr/bin/time` for its peak RSS;
//! 3. prints one row per piece of work: min and median of cpor and of raw, the ratio of the
//!    medians, and cpor's largest peak RSS.
//!
//! The raw side of a `list` form is the equivalent `SELECT … LIMIT 100` printed as JSON; of
//! `list --all` the whole table through `sqlite3 -json` / `-csv`; of finalize the same row
//! changes (the run record, the claims, and the history events with the hashes cpor wrote) in
//! one transaction, on a copy of the same database, and for reference the same events written
//! set-based without hashes. `troubleshoot` has no raw equivalent and is compared with `show`.
//!
//! Needs `sqlite3` and `/usr/bin/time` on the machine. The binary is `$CPOR_BIN` if set, else
//! the `cpor` that cargo built for this bench.

// Without its `[[bench]] harness = false` entry cargo would build this file under the libtest
// harness, where `main` is never called; keep that build warning-free.
#![cfg_attr(test, allow(dead_code, unused_imports))]

mod support;
use chrono::{DateTime, Duration as Span, Utc};
use cpor::model::utc_text;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::cpor_bin;

/// The instant every command runs at; claims filed before it, half due before it.
const NOW: &str = "2025-09-01T00:00:00Z";
const PARTNERS: usize = 10;
const WORKLOADS: [&str; 4] = ["teams", "exchange", "sharepoint", "intune"];

fn instant(s: &str) -> DateTime<Utc> {
    s.parse().expect("an RFC 3339 instant")
}

fn tenant(i: usize) -> String {
    format!("{:08x}-0000-4000-8000-{:012x}", i + 1, i + 1)
}

/// The rows `cpor import` seeds: claims on distinct tenants, ten partners, four workloads;
/// even ones notified three weeks before [`NOW`] (so due), odd ones at `NOW`.
fn seed_rows(path: &Path, n: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create the rows"));
    writeln!(out, "partner_id,tenant,domain,program,workload,customer_name,customer_title,customer_email,partner_contact,partner_email,poe,poe_signed,notified_at,name").expect("write");
    let now = instant(NOW);
    for i in 0..n {
        let notified = if i % 2 == 0 {
            now - Span::days(21)
        } else {
            now
        };
        writeln!(
            out,
            "{},{},t{i}.example.com,osu-m365,{},Ann Lee,CIO,ann@example.com,Pat Kim,pat@partner.example.com,https://example.com/sow.pdf,2025-05-20,{},seed {i}",
            1000 + i % PARTNERS,
            tenant(i),
            WORKLOADS[i % WORKLOADS.len()],
            utc_text(notified)
        )
        .expect("write");
    }
    out.flush().expect("write the rows");
}

/// Enrol the ten partners in a new database `db`.
fn enrol_partners(w: &World, db: &Path) {
    for p in 0..PARTNERS {
        let id = (1000 + p).to_string();
        w.run(&w.cpor(
            db,
            &[
                "partner",
                "add",
                &id,
                "--name",
                "P",
                "--program",
                "osu-m365",
            ],
        ));
    }
}

/// Where the runs happen: a temporary home, and the binary.
struct World {
    root: PathBuf,
    bin: PathBuf,
}

impl World {
    /// `cpor ARGS` on `db` at [`NOW`], with a cleared environment.
    fn cpor(&self, db: &Path, args: &[&str]) -> Vec<String> {
        let mut v = vec![self.bin.display().to_string()];
        v.extend(args.iter().map(|a| a.to_string()));
        v.push(format!("--db={}", db.display()));
        v
    }

    /// `sqlite3 FLAGS DB SQL`.
    fn raw(&self, db: &Path, flags: &[&str], sql: &str) -> Vec<String> {
        let mut v = vec!["sqlite3".to_string()];
        v.extend(flags.iter().map(|a| a.to_string()));
        v.push(db.display().to_string());
        v.push(sql.to_string());
        v
    }

    /// Run `argv` with stdout to /dev/null; its wall time and peak RSS in KiB.
    fn run(&self, argv: &[String]) -> (Duration, u64) {
        self.run_ok(argv, &[0])
    }

    /// [`World::run`] for a command whose exit status is one of `ok`.
    fn run_ok(&self, argv: &[String], ok: &[i32]) -> (Duration, u64) {
        let rss_file = self.root.join("rss");
        let mut cmd = Command::new("/usr/bin/time");
        cmd.args(["-f", "%M", "-o"])
            .arg(&rss_file)
            .args(argv)
            .env_clear()
            .env("HOME", self.root.join("home"))
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("XDG_DATA_HOME", self.root.join("share"))
            .env("CPOR_NOW", NOW)
            .env("CPOR_ACTOR", "bench")
            .env("NO_COLOR", "1")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let start = Instant::now();
        let out = cmd.output().expect("run /usr/bin/time");
        let took = start.elapsed();
        assert!(
            out.status.code().is_some_and(|c| ok.contains(&c)),
            "{argv:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rss = std::fs::read_to_string(&rss_file)
            .ok()
            .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
            .unwrap_or(0);
        (took, rss)
    }
}

/// One piece of work measured both ways.
#[derive(Default)]
struct Row {
    name: String,
    cpor: Vec<Duration>,
    raw: Vec<Duration>,
    rss_kib: u64,
    raw_rss_kib: u64,
}

fn median(d: &[Duration]) -> Duration {
    let mut d = d.to_vec();
    d.sort();
    d[d.len() / 2]
}

fn min(d: &[Duration]) -> Duration {
    d.iter().copied().min().unwrap_or_default()
}

fn show(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

/// Write to `sql` the raw transaction that makes the same row changes as the finalize run
/// already made in `finalized`: its history events as literal rows, 500 to a statement.
fn write_finalize_sql(finalized: &Path, sql: &Path) {
    use std::io::Write;
    let out = Command::new("sqlite3")
        .arg(finalized)
        .arg(
            "SELECT '(' || claim_id || ',' || quote(at) || ',' || quote(actor) || ',' ||
                    quote(action) || ',' || quote(from_status) || ',' || quote(to_status) || ',' ||
                    quote(reason) || ',' || quote(prev_hash) || ',' || quote(hash) || ')'
             FROM events WHERE action = 'finalized' ORDER BY id",
        )
        .output()
        .expect("run sqlite3");
    assert!(out.status.success(), "could not read the finalized events");
    let rows = String::from_utf8(out.stdout).expect("UTF-8 rows");
    let mut f = std::io::BufWriter::new(std::fs::File::create(sql).expect("create the SQL"));
    writeln!(
        f,
        "PRAGMA synchronous = FULL; BEGIN IMMEDIATE;
INSERT INTO finalize_runs (started_at, actor) VALUES ('{NOW}', 'bench');"
    )
    .expect("write");
    let rows: Vec<&str> = rows.lines().collect();
    for chunk in rows.chunks(500) {
        writeln!(
            f,
            "INSERT INTO events (claim_id, at, actor, action, from_status, to_status, reason, prev_hash, hash) VALUES\n{};",
            chunk.join(",\n")
        )
        .expect("write");
    }
    writeln!(
        f,
        "UPDATE claims SET status = 'official', official_at = deadline
  WHERE status = 'pending' AND deadline <= '{NOW}';
UPDATE finalize_runs SET finalized = changes(), finished_at = '{NOW}'
  WHERE id = last_insert_rowid();
COMMIT;"
    )
    .expect("write");
    f.flush().expect("write the SQL");
}

/// Copy the database file (its WAL checkpointed away) to `to`.
fn copy_db(from: &Path, to: &Path) {
    let _ = std::fs::remove_file(to);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).expect("copy the database");
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let n: usize = args
        .next()
        .map(|a| {
            a.replace([',', '_'], "")
                .parse()
                .expect("N: a number of claims")
        })
        .unwrap_or(100_000);
    let reps: usize = args
        .next()
        .map(|a| a.parse().expect("REPS: a number"))
        .unwrap_or(5);
    let bin = cpor_bin();
    assert!(bin.is_file(), "no cpor binary at {}", bin.display());
    let tmp = tempfile::Builder::new()
        .prefix("cpor-scale-")
        .tempdir()
        .expect("a temporary directory");
    let root = tmp.path().to_path_buf();
    for dir in ["home", "config", "share"] {
        std::fs::create_dir_all(root.join(dir)).expect("create a directory");
    }
    let w = World { root, bin };
    let db = w.root.join("cpor.db");

    let rows_csv = w.root.join("rows.csv");
    seed_rows(&rows_csv, n);
    let rows_arg = rows_csv.display().to_string();
    let started = Instant::now();
    enrol_partners(&w, &db);
    let (import_time, import_rss) = w.run(&w.cpor(&db, &["import", &rows_arg, "-q"]));
    w.run(&w.raw(&db, &[], "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;"));
    let seeding = started.elapsed();
    let sql_dump = w.root.join("dump.sql");
    let sh = |script: String| vec!["sh".to_string(), "-c".to_string(), script];
    w.run(&sh(format!(
        "sqlite3 {} .dump > {}",
        db.display(),
        sql_dump.display()
    )));
    let cpor_dump = w.root.join("dump.jsonl");
    let due: u64 = {
        let out = Command::new("sqlite3")
            .arg(&db)
            .arg(format!(
                "SELECT count(*) FROM claims WHERE status = 'pending' AND deadline <= '{NOW}'"
            ))
            .output()
            .expect("run sqlite3");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a count")
    };
    eprintln!("seeded {n} claims ({due} due) in {}", show(seeding));

    let cols = "*";
    let t = tenant(n / 2);
    let dom = format!("t{}.example.com", n / 3);
    let due_before = "2025-07-01";
    let lists: Vec<(&str, Vec<&str>, String)> = vec![
        (
            "list (newest 100)",
            vec![],
            "ORDER BY filed_at DESC, id DESC".into(),
        ),
        (
            "list --status pending --sort deadline",
            vec!["--status", "pending", "--sort", "deadline"],
            "WHERE status = 'pending' ORDER BY deadline, id".into(),
        ),
        (
            "list --partner-id 1003",
            vec!["--partner-id", "1003"],
            "WHERE partner_id = '1003' ORDER BY filed_at DESC, id DESC".into(),
        ),
        (
            "list --tenant T",
            vec!["--tenant", &t],
            format!("WHERE tenant_id = '{t}' ORDER BY filed_at DESC, id DESC"),
        ),
        (
            "list --domain D",
            vec!["--domain", &dom],
            format!("WHERE domain = '{dom}' ORDER BY filed_at DESC, id DESC"),
        ),
        (
            "list --program osu-m365",
            vec!["--program", "osu-m365"],
            "WHERE program = 'osu-m365' ORDER BY filed_at DESC, id DESC".into(),
        ),
        (
            "list --workload intune",
            vec!["--workload", "intune"],
            "WHERE workload = 'intune' ORDER BY filed_at DESC, id DESC".into(),
        ),
        (
            "list --due-before 2025-07-01",
            vec!["--due-before", due_before],
            format!("WHERE deadline < '{due_before}T00:00:00Z' ORDER BY filed_at DESC, id DESC"),
        ),
    ];
    let mut rows: Vec<Row> = Vec::new();
    // Bulk work: import (the seeding run, then fresh databases), export, dump and restore.
    let mut row = Row {
        name: format!("import {n} rows (vs sqlite3 < .dump)"),
        ..Row::default()
    };
    row.cpor.push(import_time);
    row.rss_kib = import_rss;
    let fresh = w.root.join("fresh.db");
    let clear = |p: &Path| {
        for s in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{s}", p.display()));
        }
    };
    for rep in 0..reps.min(3) {
        clear(&fresh);
        let (d, rss) = w.run(&sh(format!(
            "sqlite3 {} < {}",
            fresh.display(),
            sql_dump.display()
        )));
        row.raw.push(d);
        row.raw_rss_kib = row.raw_rss_kib.max(rss);
        if rep > 0 {
            clear(&fresh);
            enrol_partners(&w, &fresh);
            let (d, rss) = w.run(&w.cpor(&fresh, &["import", &rows_arg, "-q"]));
            row.cpor.push(d);
            row.rss_kib = row.rss_kib.max(rss);
        }
    }
    rows.push(row);
    let mut export = Row {
        name: "export (vs sqlite3 -json claims)".into(),
        ..Row::default()
    };
    let mut dump = Row {
        name: "dump (vs sqlite3 .dump)".into(),
        ..Row::default()
    };
    let mut restore = Row {
        name: "restore (vs sqlite3 < .dump)".into(),
        ..Row::default()
    };
    for _ in 0..reps.min(3) {
        let (d, rss) = w.run(&w.cpor(&db, &["export", "--format", "jsonl"]));
        export.cpor.push(d);
        export.rss_kib = export.rss_kib.max(rss);
        let (d, rss) = w.run(&w.raw(&db, &["-json"], "SELECT * FROM claims"));
        export.raw.push(d);
        export.raw_rss_kib = export.raw_rss_kib.max(rss);
        let (d, rss) = w.run(&w.cpor(&db, &["dump", &cpor_dump.display().to_string(), "-q"]));
        dump.cpor.push(d);
        dump.rss_kib = dump.rss_kib.max(rss);
        let (d, rss) = w.run(&w.raw(&db, &[], ".dump"));
        dump.raw.push(d);
        dump.raw_rss_kib = dump.raw_rss_kib.max(rss);
        clear(&fresh);
        let (d, rss) = w.run(&w.cpor(&fresh, &["restore", &cpor_dump.display().to_string(), "-q"]));
        restore.cpor.push(d);
        restore.rss_kib = restore.rss_kib.max(rss);
        clear(&fresh);
        let (d, rss) = w.run(&sh(format!(
            "sqlite3 {} < {}",
            fresh.display(),
            sql_dump.display()
        )));
        restore.raw.push(d);
        restore.raw_rss_kib = restore.raw_rss_kib.max(rss);
    }
    clear(&fresh);
    rows.extend([export, dump, restore]);
    for (name, flags, tail) in &lists {
        let mut row = Row {
            name: name.to_string(),
            ..Row::default()
        };
        let mut cpor_args = vec!["list", "--format", "json", "-q"];
        cpor_args.extend(flags.iter().copied());
        let sql = format!("SELECT {cols} FROM claims {tail} LIMIT 100");
        for _ in 0..reps {
            let (d, rss) = w.run(&w.cpor(&db, &cpor_args));
            row.cpor.push(d);
            row.rss_kib = row.rss_kib.max(rss);
            let (d, rss) = w.run(&w.raw(&db, &["-json"], &sql));
            row.raw.push(d);
            row.raw_rss_kib = row.raw_rss_kib.max(rss);
        }
        rows.push(row);
    }
    let all = "SELECT * FROM claims ORDER BY filed_at DESC, id DESC";
    for (name, format, flag) in [
        ("list --all --format json", "json", "-json"),
        ("list --all --format csv", "csv", "-csv"),
    ] {
        let mut row = Row {
            name: name.into(),
            ..Row::default()
        };
        for _ in 0..reps.min(3) {
            let (d, rss) = w.run(&w.cpor(&db, &["list", "--all", "--format", format]));
            row.cpor.push(d);
            row.rss_kib = row.rss_kib.max(rss);
            let (d, rss) = w.run(&w.raw(&db, &[flag, "-header"], all));
            row.raw.push(d);
            row.raw_rss_kib = row.raw_rss_kib.max(rss);
        }
        rows.push(row);
    }
    // finalize on fresh copies of the seeded file, against raw SQL applying the same row
    // changes in one transaction (WAL and synchronous = FULL, as cpor's own connection has
    // them): the run record, each claim made official as of its deadline, and each history
    // event with the very `prev_hash` and `hash` cpor wrote, as literal rows (sqlite3 cannot
    // compute SHA-256, so raw is spared hashing). A second row compares with the same events
    // written set-based without hashes, the cheapest form SQLite has.
    let copy = w.root.join("finalize.db");
    copy_db(&db, &copy);
    w.run(&w.cpor(&copy, &["finalize", "-q"]));
    let raw_same_rows = w.root.join("finalize.sql");
    write_finalize_sql(&copy, &raw_same_rows);
    let raw_same_rows = format!(".read {}", raw_same_rows.display());
    let raw_set_based = format!(
        "PRAGMA synchronous = FULL; BEGIN IMMEDIATE;
         INSERT INTO finalize_runs (started_at, actor) VALUES ('{NOW}', 'bench');
         INSERT INTO events (claim_id, at, actor, action, from_status, to_status)
           SELECT id, '{NOW}', 'bench', 'finalized', 'pending', 'official' FROM claims
           WHERE status = 'pending' AND deadline <= '{NOW}' ORDER BY deadline, id;
         UPDATE claims SET status = 'official', official_at = deadline
           WHERE status = 'pending' AND deadline <= '{NOW}';
         UPDATE finalize_runs SET finalized = changes(), finished_at = '{NOW}'
           WHERE id = last_insert_rowid();
         COMMIT;"
    );
    let mut same = Row {
        name: format!("finalize ({due} due; raw: same rows, hashes included)"),
        ..Row::default()
    };
    let mut set_based = Row {
        name: format!("finalize ({due} due; raw: set-based, no hashes)"),
        ..Row::default()
    };
    for _ in 0..reps.min(3) {
        copy_db(&db, &copy);
        let (d, rss) = w.run(&w.cpor(&copy, &["finalize", "-q"]));
        for row in [&mut same, &mut set_based] {
            row.cpor.push(d);
            row.rss_kib = row.rss_kib.max(rss);
        }
        for (row, sql) in [
            (&mut same, &raw_same_rows),
            (&mut set_based, &raw_set_based),
        ] {
            copy_db(&db, &copy);
            let (d, rss) = w.run(&w.raw(&copy, &[], sql));
            row.raw.push(d);
            row.raw_rss_kib = row.raw_rss_kib.max(rss);
        }
    }
    let _ = std::fs::remove_file(&copy);
    rows.push(same);
    rows.push(set_based);
    // troubleshoot has no raw equivalent: compare it with `show` of the same claim.
    let id = (n / 2).to_string();
    for (name, args) in [
        ("troubleshoot ID (vs show ID)", vec!["troubleshoot", &id]),
        ("troubleshoot (vs show ID)", vec!["troubleshoot"]),
    ] {
        let mut row = Row {
            name: name.into(),
            ..Row::default()
        };
        for _ in 0..reps.min(3) {
            let mut a = args.clone();
            a.push("--json");
            // troubleshoot exits 7 when it finds errors (here: claims overdue).
            let (d, rss) = w.run_ok(&w.cpor(&db, &a), &[0, 7]);
            row.cpor.push(d);
            row.rss_kib = row.rss_kib.max(rss);
            let (d, rss) = w.run(&w.cpor(&db, &["show", &id, "--json"]));
            row.raw.push(d);
            row.raw_rss_kib = row.raw_rss_kib.max(rss);
        }
        rows.push(row);
    }

    println!(
        "\n{n} claims, {due} due; `cargo bench --bench scale -- {n} {reps}`; medians (min) of interleaved runs"
    );
    println!("| work | cpor | raw | ratio | cpor peak RSS | raw peak RSS |");
    println!("|---|---|---|---|---|---|");
    for r in &rows {
        let (c, raw) = (median(&r.cpor), median(&r.raw));
        println!(
            "| {} | {} ({}) | {} ({}) | {:.2}× | {:.1} MiB | {:.1} MiB |",
            r.name,
            show(c),
            show(min(&r.cpor)),
            show(raw),
            show(min(&r.raw)),
            c.as_secs_f64() / raw.as_secs_f64(),
            r.rss_kib as f64 / 1024.0,
            r.raw_rss_kib as f64 / 1024.0,
        );
    }
}
