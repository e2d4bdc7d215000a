//! Configuration and script-facing output, without a terminal: the config file and its
//! precedence (flag > environment > file > default), bad config files, no escape codes when
//! piped, and the generated completions, man page and help.

use crate::harness::{DOMAIN_B, Env, TENANT_B, run, sqlite_only};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

/// Write the config file at its default location (`$XDG_CONFIG_HOME/cpor/config.toml`).
fn write_config(env: &Env, text: &str) -> PathBuf {
    let path = env.path("config/cpor/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).expect("create the config directory");
    std::fs::write(&path, text).expect("write the config");
    path
}

/// A TOML basic string holding `path`.
fn toml_path(path: &Path) -> String {
    toml_str(&path.display().to_string())
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// File the default osu-m365 claim (partner 1000 enrolled first) and return it.
fn one_claim(env: &Env) -> Json {
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365()).remove(0)
}

// ---------------------------------------------------------------------------------------------
// 8. Precedence: flag, then environment, then file, then default.

/// The database: `--db` beats `CPOR_DB` beats config `db` beats `<data dir>/cpor/cpor.db`,
/// judged by which file the first write creates.
#[test]
fn db_precedence_flag_env_file_default() {
    let cases: [(&str, bool, bool, bool); 4] = [
        // (expected, config db set, CPOR_DB set, --db given)
        ("default", false, false, false),
        ("config", true, false, false),
        ("env", true, true, false),
        ("flag", true, true, true),
    ];
    for (expected, with_config, with_env, with_flag) in cases {
        let env = Env::new();
        let paths = [
            ("default", env.path("share/cpor/cpor.db")),
            ("config", env.path("from-config/cpor.db")),
            ("env", env.path("from-env/cpor.db")),
            ("flag", env.path("from-flag/cpor.db")),
        ];
        if with_config {
            write_config(&env, &format!("db = {}\n", toml_path(&paths[1].1)));
        }
        let mut cmd = env.cmd();
        cmd.env_remove("CPOR_DB");
        if with_env {
            cmd.env("CPOR_DB", &paths[2].1);
        }
        cmd.args([
            "partner",
            "add",
            "1000",
            "--name",
            "P",
            "--program",
            "osu-m365",
        ]);
        if with_flag {
            cmd.arg("--db").arg(&paths[3].1);
        }
        let out = run(cmd);
        assert_eq!(out.code, Some(0), "case {expected}: {out}");
        for (name, path) in &paths {
            assert_eq!(
                path.exists(),
                *name == expected,
                "case {expected}: {} should {}exist",
                path.display(),
                if *name == expected { "" } else { "not " }
            );
        }
        assert!(!env.db.exists(), "the harness CPOR_DB was used");
    }
}

/// A relative `db` in the config file is relative to the file's directory (README).
#[test]
fn relative_db_in_config_is_relative_to_the_config_file() {
    let env = Env::new();
    write_config(&env, "db = \"rel/cpor.db\"\n");
    let mut cmd = env.cmd();
    cmd.env_remove("CPOR_DB").args([
        "partner",
        "add",
        "1000",
        "--name",
        "P",
        "--program",
        "osu-m365",
    ]);
    let out = run(cmd);
    assert_eq!(out.code, Some(0), "{out}");
    assert!(env.path("config/cpor/rel/cpor.db").exists(), "{out}");
    assert!(
        !env.path("rel/cpor.db").exists(),
        "resolved against the cwd"
    );
}

#[test]
fn format_precedence_flag_env_file_default() {
    let env = Env::new();
    one_claim(&env);
    let list = |config: Option<&str>, env_format: Option<&str>, flags: &[&str]| {
        match config {
            Some(f) => {
                write_config(&env, &format!("format = \"{f}\"\n"));
            }
            None => {
                let _ = std::fs::remove_file(env.path("config/cpor/config.toml"));
            }
        }
        let mut cmd = env.cmd();
        if let Some(f) = env_format {
            cmd.env("CPOR_FORMAT", f);
        }
        cmd.arg("list").args(flags);
        let out = run(cmd);
        assert_eq!(out.code, Some(0), "{out}");
        out.stdout
    };
    let is_json = |s: &str| serde_json::from_str::<Json>(s).is_ok_and(|v| v.is_array());
    let is_csv = |s: &str| s.starts_with("id,name,program,");
    let is_table = |s: &str| s.starts_with('┌') && s.contains("pending");

    let out = list(None, None, &[]);
    assert!(is_table(&out), "default is table:\n{out}");
    let out = list(Some("json"), None, &[]);
    assert!(is_json(&out), "config format = json:\n{out}");
    let out = list(Some("csv"), None, &[]);
    assert!(is_csv(&out), "config format = csv:\n{out}");
    let out = list(Some("json"), Some("csv"), &[]);
    assert!(is_csv(&out), "CPOR_FORMAT=csv beats the config:\n{out}");
    let out = list(Some("json"), Some("csv"), &["--format", "table"]);
    assert!(is_table(&out), "--format table beats CPOR_FORMAT:\n{out}");
    let out = list(Some("csv"), Some("csv"), &["--json"]);
    assert!(
        is_json(&out),
        "--json beats CPOR_FORMAT and the config:\n{out}"
    );
    let out = list(Some("table"), None, &["--format", "csv"]);
    assert!(is_csv(&out), "--format csv beats the config:\n{out}");
}

/// A config `format = "json"` also makes errors JSON on stderr.
#[test]
fn config_json_format_applies_to_errors() {
    let env = Env::new();
    one_claim(&env);
    write_config(&env, "format = \"json\"\n");
    let out = run(env.cmd().args(["show", "999"]));
    assert_eq!(out.code, Some(4), "{out}");
    assert_eq!(out.error()["error"]["kind"], "not-found", "{out}");
}

#[test]
fn defaults_fill_the_partner_side_and_flags_override_them() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.partner("2000", &["osu-m365"]);
    write_config(
        &env,
        "[defaults]\npartner_id = \"2000\"\npartner_contact = \"Cfg Contact\"\npartner_email = \"cfg@partner.example.com\"\n",
    );
    // Without the three flags the config fills them in (no terminal: no prompt).
    let c = env.file(
        &env.m365()
            .remove("--partner-id")
            .remove("--partner-contact")
            .remove("--partner-email"),
    );
    assert_eq!(c[0]["partner_id"], "2000");
    assert_eq!(
        c[0]["partner_contact"],
        serde_json::json!({"name": "Cfg Contact", "email": "cfg@partner.example.com"})
    );
    // Flags win over the config.
    let c = env.file(
        &env.m365()
            .set("--tenant", TENANT_B)
            .set("--domain", DOMAIN_B),
    );
    assert_eq!(c[0]["partner_id"], "1000");
    assert_eq!(
        c[0]["partner_contact"],
        serde_json::json!({"name": "Pat Kim", "email": "pat@partner.example.com"})
    );
    // One flag overrides only its own default.
    let c = env.file(
        &env.m365()
            .set("--workload", "exchange")
            .remove("--partner-id")
            .remove("--partner-contact"),
    );
    assert_eq!(c[0]["partner_id"], "2000");
    assert_eq!(c[0]["partner_contact"]["name"], "Cfg Contact");
    assert_eq!(c[0]["partner_contact"]["email"], "pat@partner.example.com");
}

#[test]
fn config_calendar_is_used_for_new_claims() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.cmd()
        .args(["calendar", "set", "uk", "--tz", "Europe/London"])
        .assert()
        .success();
    write_config(&env, "calendar = \"uk\"\n");
    let c = env.file(&env.m365());
    assert_eq!(c[0]["calendar"], "uk");
    // Mon 2025-06-02 10:00Z: deadline day Mon 2025-06-09, deadline local midnight (BST).
    assert_eq!(c[0]["deadline_day"], "2025-06-09");
    assert_eq!(c[0]["deadline"], "2025-06-09T23:00:00Z");
    // --calendar beats the config.
    let c = env.file(
        &env.m365()
            .set("--workload", "exchange")
            .set("--calendar", "default"),
    );
    assert_eq!(c[0]["calendar"], "default");
    assert_eq!(c[0]["deadline"], "2025-06-10T00:00:00Z");
}

#[test]
fn opt_out_business_days_changes_the_deadline() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let c = env.file(&env.m365());
    assert_eq!(
        c[0]["deadline_day"], "2025-06-09",
        "default: 5 business days"
    );
    write_config(&env, "opt_out_business_days = 3\n");
    let c = env.file(&env.m365().set("--workload", "exchange"));
    // Mon 2025-06-02: the 3rd business day after is Thu 2025-06-05.
    assert_eq!(c[0]["deadline_day"], "2025-06-05");
    assert_eq!(c[0]["deadline"], "2025-06-06T00:00:00Z");
    write_config(&env, "opt_out_business_days = 10\n");
    let c = env.file(&env.m365().set("--workload", "intune"));
    assert_eq!(c[0]["deadline_day"], "2025-06-16");
}

#[test]
fn catalog_file_replaces_the_builtin_catalog() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    std::fs::create_dir_all(env.path("config/cpor")).unwrap();
    std::fs::write(
        env.path("config/cpor/catalog.toml"),
        "[osu-m365]\nteams = \"Microsoft Teams\"\ncopilot = \"Microsoft 365 Copilot\"\n\n[osu-bizapps]\nd365-sales = \"Dynamics 365 Sales\"\n",
    )
    .unwrap();
    write_config(&env, "catalog = \"catalog.toml\"\n");

    // `cpor catalog` shows the replacement.
    let out = run(env.cmd().arg("catalog"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(out.stdout.contains("copilot"), "{out}");
    assert!(!out.stdout.contains("exchange"), "{out}");

    // A workload the file lists is accepted...
    let c = env.file(&env.m365().set("--workload", "copilot"));
    assert_eq!(c[0]["workload"], "copilot");
    // ...a built-in one it omits is not.
    let before = env.snapshot();
    let out = run(env
        .m365()
        .set("--workload", "exchange")
        .cmd(&env)
        .arg("--json"));
    assert!(
        matches!(out.code, Some(2) | Some(3)),
        "a workload the catalog file omits was accepted: {out}"
    );
    let err = out.error();
    assert!(
        ["unknown-workload", "workload-not-in-program"]
            .contains(&err["error"]["code"].as_str().unwrap_or_default()),
        "{out}"
    );
    assert_eq!(before, env.snapshot(), "a refused claim wrote something");
}

#[test]
fn journal_mode_from_config_reaches_the_database() {
    if sqlite_only() {
        return;
    }
    for (mode, expected) in [(None, "wal"), (Some("delete"), "delete")] {
        let env = Env::new();
        if let Some(m) = mode {
            write_config(&env, &format!("journal_mode = \"{m}\"\n"));
        }
        env.partner("1000", &["osu-m365"]);
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        let got: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(got, expected, "journal_mode config {mode:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 9. Bad config files.

/// Run commands that would write, with `text` as the config. Each must fail with exit 2 and an
/// `error:` line naming the file and `key` (the generic list of known keys in a hint does not
/// count; for a syntax error, `line N` will do), and create no database. Returns what is
/// wrong, so one test reports every case.
fn bad_config_problems(text: &str, key: &str, key_or_line: bool) -> Vec<String> {
    let env = Env::new();
    let path = write_config(&env, text);
    let shown = path.display().to_string();
    let mut problems = Vec::new();
    for args in [
        &[
            "partner",
            "add",
            "1000",
            "--name",
            "P",
            "--program",
            "osu-m365",
        ][..],
        &["list"][..],
    ] {
        let out = run(env.cmd().args(args));
        if out.code != Some(2) {
            problems.push(format!(
                "config {text:?}, cpor {args:?}: expected exit 2: {out}"
            ));
        }
        let error_line = out
            .stderr
            .lines()
            .find(|l| l.starts_with("error:"))
            .unwrap_or_default();
        if !error_line.contains(&shown) {
            problems.push(format!(
                "config {text:?}: the error does not name the file {shown}: {error_line:?}"
            ));
        }
        let message = error_line.replace(&shown, "");
        let named = message.contains(key) || (key_or_line && message.contains("line "));
        if !named {
            problems.push(format!(
                "config {text:?}: the error does not name the key `{key}`: {error_line:?}"
            ));
        }
        if env.db.exists() || env.db.parent().unwrap().exists() {
            problems.push(format!("config {text:?}: a database was created"));
        }
    }
    // As JSON, it is a usage error whose message names the key.
    let out = run(env.cmd().args(["list", "--json"]));
    let err = out.error();
    if err["error"]["kind"] != "usage" {
        problems.push(format!("config {text:?}: not a usage error: {err}"));
    }
    problems
}

#[track_caller]
fn assert_bad_configs(cases: &[(&str, &str)]) {
    let problems: Vec<String> = cases
        .iter()
        .flat_map(|(text, key)| bad_config_problems(text, key, false))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[track_caller]
fn assert_syntax_errors(cases: &[(&str, &str)]) {
    let problems: Vec<String> = cases
        .iter()
        .flat_map(|(text, key)| bad_config_problems(text, key, true))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn unknown_key_is_a_usage_error() {
    assert_bad_configs(&[
        ("colour = \"red\"\n", "colour"),
        ("[defaults]\nnickname = \"x\"\n", "nickname"),
        ("[extras]\nx = 1\n", "extras"),
    ]);
}

#[test]
fn bad_values_are_usage_errors() {
    assert_bad_configs(&[
        ("format = \"xml\"\n", "format"),
        ("opt_out_business_days = 0\n", "opt_out_business_days"),
        ("opt_out_business_days = 61\n", "opt_out_business_days"),
        ("journal_mode = \"fast\"\n", "journal_mode"),
        ("busy_timeout_ms = -1\n", "busy_timeout_ms"),
        ("[defaults]\npartner_email = \"nope\"\n", "partner_email"),
        ("[defaults]\npartner_id = \"not an id\"\n", "partner_id"),
        ("[defaults]\npartner_contact = \"  \"\n", "partner_contact"),
        ("catalog = \"no-such-catalog.toml\"\n", "catalog"),
    ]);
}

/// A value of the wrong TOML type is a bad value too, and must name its key.
#[test]
fn wrongly_typed_values_name_the_key() {
    assert_bad_configs(&[
        (
            "opt_out_business_days = \"three\"\n",
            "opt_out_business_days",
        ),
        ("format = 1\n", "format"),
        ("db = 5\n", "db"),
        ("[defaults]\npartner_id = 4123456\n", "partner_id"),
    ]);
}

/// A file that is not TOML at all: exit 2, naming the file and the key (or line) that is
/// broken.
#[test]
fn invalid_toml_is_a_usage_error() {
    assert_syntax_errors(&[
        ("calendar = uk\n", "calendar"),
        ("format = \"json\nopt_out_business_days = 5\n", "format"),
    ]);
}

#[test]
fn cpor_config_pointing_at_a_missing_file_is_a_usage_error() {
    let env = Env::new();
    let missing = env.path("nowhere/config.toml");
    let out = run(env.cmd().env("CPOR_CONFIG", &missing).args([
        "partner",
        "add",
        "1000",
        "--name",
        "P",
        "--program",
        "osu-m365",
    ]));
    assert_eq!(out.code, Some(2), "{out}");
    assert!(
        out.stderr.contains(&missing.display().to_string()),
        "the error does not name {}: {out}",
        missing.display()
    );
    assert!(!env.db.exists(), "a database was created");
}

/// `CPOR_CONFIG` replaces the default location: a broken file there is not read.
#[test]
fn cpor_config_replaces_the_default_location() {
    let env = Env::new();
    write_config(&env, "colour = \"red\"\n");
    let other = env.path("elsewhere.toml");
    std::fs::write(&other, "format = \"json\"\n").unwrap();
    one_claim_with(&env, &other);
    let out = run(env.cmd().env("CPOR_CONFIG", &other).arg("list"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        serde_json::from_str::<Json>(&out.stdout).is_ok(),
        "CPOR_CONFIG's format = json was not used: {out}"
    );
}

fn one_claim_with(env: &Env, config: &Path) {
    let out = run(env.cmd().env("CPOR_CONFIG", config).args([
        "partner",
        "add",
        "1000",
        "--name",
        "P",
        "--program",
        "osu-m365",
    ]));
    assert_eq!(out.code, Some(0), "{out}");
}

#[test]
fn missing_config_at_the_default_location_is_fine() {
    let env = Env::new();
    assert!(!env.path("config/cpor/config.toml").exists());
    let out = run(env.cmd().args([
        "partner",
        "add",
        "1000",
        "--name",
        "P",
        "--program",
        "osu-m365",
    ]));
    assert_eq!(out.code, Some(0), "{out}");
    let out = run(env.cmd().arg("list"));
    assert_eq!(out.code, Some(0), "{out}");
    // An empty config file is fine too.
    write_config(&env, "");
    let out = run(env.cmd().arg("list"));
    assert_eq!(out.code, Some(0), "{out}");
}

// ---------------------------------------------------------------------------------------------
// 10. No escape codes when piped.

/// `cpor` with stdout and stderr piped, `TERM` set and `NO_COLOR` unset.
fn piped(env: &Env) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env_remove("NO_COLOR").env("TERM", "xterm-256color");
    cmd
}

#[test]
fn no_escape_codes_when_piped() {
    let env = Env::new();
    one_claim(&env);
    let cases: &[(&[&str], Option<i32>)] = &[
        (&["list"], Some(0)),
        (&["show", "1"], Some(0)),
        (&["troubleshoot", "1"], None),
        (&["troubleshoot"], None),
        (&["partner", "list"], Some(0)),
        (&["catalog"], Some(0)),
        (&["calendar", "show"], Some(0)),
        (&["finalize"], Some(0)),
        (&["show", "999"], Some(4)),
        (&["withdraw", "999", "--reason", "x"], Some(4)),
    ];
    for (args, code) in cases {
        let out = run(piped(&env).args(*args));
        if let Some(code) = code {
            assert_eq!(out.code, Some(*code), "cpor {args:?}: {out}");
        }
        assert!(
            !out.stdout.contains('\x1b') && !out.stderr.contains('\x1b'),
            "cpor {args:?} wrote escape codes into a pipe:\n{:?}\n{:?}",
            out.stdout,
            out.stderr
        );
    }
    // A refusal (several rules, warnings) on stderr.
    let out = run(env
        .m365()
        .set("--partner-id", "9999")
        .set("--poe-signed", "2020-01-01")
        .cmd(&env)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color"));
    assert_eq!(out.code, Some(3), "{out}");
    assert!(!out.stderr.contains('\x1b'), "{:?}", out.stderr);
}

/// `--color always` does colour a pipe (so the test above can tell colour apart).
#[test]
fn color_always_colours_a_pipe() {
    let env = Env::new();
    one_claim(&env);
    let out = run(piped(&env).args(["list", "--color", "always"]));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(out.stdout.contains('\x1b'), "{:?}", out.stdout);
    let out = run(piped(&env).args(["show", "999", "--color", "always"]));
    assert_eq!(out.code, Some(4), "{out}");
    assert!(out.stderr.contains('\x1b'), "{:?}", out.stderr);
    // NO_COLOR does not override an explicit --color always.
    let out = run(env.cmd().args(["list", "--color", "always"]));
    assert!(out.stdout.contains('\x1b'), "{:?}", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// 11. Completions, man page, help.

#[test]
fn completions_match_the_committed_files() {
    let env = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "cpor.bash"),
        ("zsh", "_cpor"),
        ("fish", "cpor.fish"),
        ("powershell", "_cpor.ps1"),
        ("elvish", "cpor.elv"),
    ] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "completions {shell}");
        assert!(
            !out.stdout.is_empty(),
            "completions {shell} printed nothing"
        );
        let committed = std::fs::read(dir.join(file))
            .unwrap_or_else(|e| panic!("read completions/{file}: {e}"));
        assert!(
            out.stdout == committed,
            "`cpor completions {shell}` differs from completions/{file}; regenerate it"
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("cpor"),
            "completions {shell}"
        );
    }
    let out = run(env.cmd().args(["completions", "tcsh"]));
    assert_eq!(out.code, Some(2), "{out}");
}

#[test]
fn man_prints_roff() {
    let env = Env::new();
    let out = run(env.cmd().arg("man"));
    assert_eq!(out.code, Some(0), "{out}");
    assert!(
        out.stdout.starts_with(".TH") || out.stdout.starts_with(".ie"),
        "not roff: {:?}",
        &out.stdout[..out.stdout.len().min(200)]
    );
    assert!(out.stdout.contains("cpor"), "{out}");
}

/// The subcommands listed in a help text's `Commands:` section (without `help`).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

/// Every command's `--help`, walked from `cpor --help` down, has an Examples section with a
/// `cpor ...` invocation.
#[test]
fn every_help_has_examples() {
    let env = Env::new();
    let mut queue: Vec<Vec<String>> = vec![vec![]];
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    while let Some(path) = queue.pop() {
        let out = run(env.cmd().args(&path).arg("--help"));
        let name = format!("cpor {}", path.join(" ")).trim().to_string();
        assert_eq!(out.code, Some(0), "{name} --help: {out}");
        if !out.stdout.contains("Examples:") {
            problems.push(format!("{name} --help has no 'Examples:'"));
        }
        if !out
            .stdout
            .lines()
            .any(|l| l.trim_start().starts_with("cpor ") && l.starts_with(' '))
        {
            problems.push(format!("{name} --help shows no `cpor ...` example"));
        }
        for sub in subcommands(&out.stdout) {
            let mut p = path.clone();
            p.push(sub);
            queue.push(p);
        }
        seen.push(name);
    }
    for core in [
        "cpor claim",
        "cpor list",
        "cpor withdraw",
        "cpor opt-out",
        "cpor finalize",
        "cpor troubleshoot",
        "cpor partner add",
        "cpor calendar holiday add",
    ] {
        assert!(seen.iter().any(|s| s == core), "{core} not found: {seen:?}");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
