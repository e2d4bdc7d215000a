//! A fuzz run over the command line: thousands of random and malformed invocations against a
//! scratch database. No invocation may panic (exit 101) or end as an internal error (exit 1);
//! malformed input is a usage error (exit 2).
//!
//! Slow, so it runs in the stress step:
//! `cargo test --test cli fuzz_args -- --ignored --nocapture` (`CPOR_FUZZ_RUNS=N`,
//! `CPOR_FUZZ_SEED=S` to vary it).

use crate::harness::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

/// xorshift64*: deterministic for a seed, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const COMMANDS: &[&[&str]] = &[
    &["claim"],
    &["list"],
    &["show"],
    &["withdraw"],
    &["opt-out"],
    &["finalize"],
    &["troubleshoot"],
    &["partner", "add"],
    &["partner", "list"],
    &["partner", "remove"],
    &["calendar", "set"],
    &["calendar", "show"],
    &["calendar", "holiday", "add"],
    &["calendar", "holiday", "remove"],
    &["catalog"],
];

const FLAGS: &[&str] = &[
    "--partner-id",
    "--tenant",
    "--domain",
    "--program",
    "--workload",
    "--subscription",
    "--channel",
    "--customer-name",
    "--customer-title",
    "--customer-email",
    "--technical-name",
    "--technical-title",
    "--technical-email",
    "--partner-contact",
    "--partner-email",
    "--poe",
    "--poe-signed",
    "--purchase-date",
    "--name",
    "--notified-at",
    "--calendar",
    "--comment",
    "--reason",
    "--label",
    "--status",
    "--limit",
    "--sort",
    "--due-before",
    "--at",
    "--tz",
    "--weekend",
    "--cutoff",
    "--format",
    "--actor",
    "--now",
    "--dry-run",
    "--all",
    "--yes",
    "--json",
    "-q",
    "-v",
];

const VALUES: &[&str] = &[
    "",
    " ",
    "0",
    "1",
    "2",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "1000",
    "4123456",
    TENANT_A,
    TENANT_B,
    SUB_1,
    "not-a-guid",
    DOMAIN_A,
    "contoso",
    "osu-m365",
    "osa-sell",
    "osu-bizapps",
    "osu",
    "teams",
    "team",
    "exchange",
    "d365-sales",
    "vl",
    "csp",
    "web-direct",
    "ann@contoso.com",
    "ann@",
    "https://",
    "https://contoso.sharepoint.com/sow.pdf",
    "poe/sow.pdf",
    "/nonexistent/file",
    "2025-05-20",
    "2025-02-30",
    "1899-12-25",
    "3000-01-01",
    "2025-06-02T10:00:00Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2025-06-02",
    "default",
    "uk",
    "Europe/London",
    "Mars/Olympus",
    ",",
    "sat,,sun",
    "mon,tue,wed,thu,fri,sat,sun",
    "17:00",
    "25:61",
    "none",
    "json",
    "csv",
    "table",
    "pending",
    "official",
    "deadline",
    "a\u{1b}[2Jb",
    "x\u{202e}y",
    "tab\there",
    "new\nline",
    "\u{1}\u{7f}\u{85}",
    "ü✓😀",
    "=1+1",
];

/// One random argument: a flag, a value, a mangled value, a long one, or bytes that are not
/// UTF-8.
fn arg(rng: &mut Rng) -> OsString {
    match rng.below(20) {
        0..=7 => OsString::from(rng.pick(FLAGS)),
        8..=15 => OsString::from(rng.pick(VALUES)),
        16 => OsString::from(format!("{}={}", rng.pick(FLAGS), rng.pick(VALUES))),
        17 => OsString::from("x".repeat(1 + rng.below(5000))),
        18 => {
            let mut v = rng.pick(VALUES).as_bytes().to_vec();
            v.insert(rng.below(v.len() + 1), 0x80 | (rng.next() as u8 & 0x7f));
            OsString::from_vec(v)
        }
        _ => OsString::from(rng.next().to_string()),
    }
}

#[test]
#[ignore = "stress: thousands of cpor processes; run with --ignored"]
fn random_and_malformed_invocations_never_panic_or_fail_internally() {
    let runs: usize = std::env::var("CPOR_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("CPOR_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let env = Env::new();
    env.partner("1000", &["osu-m365", "osa-sell", "osu-bizapps"]);
    env.file(&env.m365().add("--workload", "exchange"));
    let valid = env.m365().set("--workload", "sharepoint");
    let mut rng = Rng(seed | 1);
    let mut codes: BTreeMap<i32, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    for i in 0..runs {
        let mut args: Vec<OsString> = if rng.below(3) == 0 {
            // A valid claim (or dry run) with one or two values replaced: reaches the checks
            // behind the argument parser.
            let mut args: Vec<OsString> = std::iter::once("claim".to_string())
                .chain(valid.args())
                .map(OsString::from)
                .collect();
            for _ in 0..1 + rng.below(2) {
                let at = 2 + 2 * rng.below((args.len() - 1) / 2);
                args[at] = arg(&mut rng);
            }
            if rng.below(2) == 0 {
                args.push("--dry-run".into());
            }
            args
        } else {
            COMMANDS[rng.below(COMMANDS.len())]
                .iter()
                .map(OsString::from)
                .collect()
        };
        for _ in 0..rng.below(if args[0] == "claim" { 3 } else { 9 }) {
            args.push(arg(&mut rng));
        }
        let out = env.std_cmd().args(&args).output().expect("run cpor");
        let code = out.status.code().unwrap_or(-1);
        *codes.entry(code).or_default() += 1;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if code == 101 || code == 1 || code == -1 || stderr.contains("panicked") {
            bad.push(format!("#{i} exit {code}: {args:?}\n{stderr}"));
        }
    }
    eprintln!("fuzz: {runs} invocations (seed {seed}), exit codes: {codes:?}");
    assert!(
        bad.is_empty(),
        "{} bad exits:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(codes.get(&2).copied().unwrap_or(0) > runs / 2, "{codes:?}");
}
