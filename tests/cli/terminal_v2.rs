//! At the terminal, v2: tables that keep every token whole at 80 and 60 columns (and on a
//! terminal that reports width 0), `--tz`, completions that know the values, man pages,
//! the cursor after Ctrl-C, `--color always` against NO_COLOR, the OS user as the actor and
//! the config key suggestion.
#![cfg(unix)]

use crate::harness::{Env, TENANT_A, TENANT_B, run, sqlite_only};
use crate::terminal::{CTRL_C, Spawn, env_with_claims};
use std::process::Command;

/// Every token in `tokens` appears whole at least `n` times in `text`, and no line is wider
/// than `cols`.
#[track_caller]
fn assert_whole(text: &str, cols: usize, tokens: &[(&str, usize)]) {
    for (token, n) in tokens {
        let found = text.matches(token).count();
        assert!(
            found >= *n,
            "`{token}` appears whole {found} time(s), expected {n}, at {cols} columns:\n{text}"
        );
    }
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > cols).collect();
    assert!(
        wide.is_empty(),
        "lines wider than {cols}:\n{}",
        wide.join("\n")
    );
}

#[test]
fn no_token_is_split_at_80_60_or_width_0() {
    let env = env_with_claims();
    for cols in [80u16, 60, 0] {
        let fit = if cols == 0 { 80 } else { usize::from(cols) };
        let mut t = Spawn::new(&env, &["list"]).cols(cols).start();
        t.exit_code(0);
        let list = t.text();
        assert_whole(
            &list,
            fit,
            &[
                ("pending", 2),
                ("0f8fad5b…", 1),
                ("7c9e6679…", 1),
                ("2025-06-02", 2),
            ],
        );
        let mut t = Spawn::new(&env, &["show", "1"]).cols(cols).start();
        t.exit_code(0);
        let show = t.text();
        assert_whole(
            &show,
            fit,
            &[(TENANT_A, 1), ("pending", 1), ("2025-06-02", 1)],
        );
        let mut t = Spawn::new(&env, &["troubleshoot", "2"]).cols(cols).start();
        t.exit_code(0);
        assert_whole(&t.text(), fit, &[(TENANT_B, 1), ("pending", 1)]);
        // Both claims close within five business days of the environment's clock.
        let mut t = Spawn::new(&env, &["due", "--within", "5"])
            .cols(cols)
            .start();
        t.exit_code(0);
        assert_whole(
            &t.text(),
            fit,
            &[("pending", 2), ("2025-06-10", 2), ("contoso.com", 1)],
        );
    }
}

#[test]
fn list_wide_shows_the_whole_guid_and_columns_env_is_honoured() {
    let env = env_with_claims();
    let out = run(env.cmd().args(["list", "--wide"]));
    assert!(out.stdout.contains(TENANT_A), "{}", out.stdout);
    let out = run(env.cmd().args(["list"]));
    assert!(
        !out.stdout.contains(TENANT_A) && out.stdout.contains("0f8fad5b…"),
        "{}",
        out.stdout
    );
    let mut t = Spawn::new(&env, &["list"])
        .cols(200)
        .var("COLUMNS", "60")
        .start();
    t.exit_code(0);
    assert_whole(&t.text(), 60, &[("pending", 2)]);
}

#[test]
fn tz_shows_tables_in_one_zone_and_leaves_json_in_utc() {
    let env = env_with_claims();
    let out = run(env.cmd().args(["show", "1", "--tz", "America/New_York"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // Filed at 10:00 UTC: 06:00 in New York (EDT).
    assert!(
        out.stdout.contains("2025-06-02 06:00 America/New_York"),
        "{}",
        out.stdout
    );
    let out = run(env.cmd().args(["show", "1", "--tz", "utc"]));
    assert!(
        out.stdout.contains("2025-06-02 10:00 UTC"),
        "{}",
        out.stdout
    );
    let out = run(env
        .cmd()
        .args(["show", "1"])
        .env("CPOR_TZ", "local")
        .env("TZ", "Asia/Tokyo"));
    assert!(
        out.stdout.contains("2025-06-02 19:00 Asia/Tokyo"),
        "{}",
        out.stdout
    );
    let json = run(env
        .cmd()
        .args(["show", "1", "--json", "--tz", "Asia/Tokyo"]));
    assert!(
        json.stdout.contains("\"2025-06-02T10:00:00Z\""),
        "{}",
        json.stdout
    );
    let bad = run(env.cmd().args(["list", "--tz", "Mars/Olympus"]));
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
}

#[test]
fn man_pages_have_the_sections_and_name_only_pages_that_exist() {
    let env = Env::new();
    let out = run(env.cmd().args(["man", "claim"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        "cpor\\-claim",
    ] {
        assert!(
            out.stdout.contains(section),
            "no {section}:\n{}",
            out.stdout
        );
    }
    let dir = env.path("man");
    let out = run(env.cmd().args(["man", "--dir"]).arg(&dir));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for page in ["cpor.1", "cpor-claim.1", "cpor-partner-add.1"] {
        assert!(dir.join(page).exists(), "{page} was not written");
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("(1)") {
            let start = text[..i]
                .rfind(|c: char| c.is_whitespace() || c == ',')
                .map_or(0, |s| s + 1);
            let name = text[start..i]
                .replace("\\-", "-")
                .replace("\\fB", "")
                .replace("\\fR", "");
            assert!(
                dir.join(format!("{name}.1")).exists(),
                "a page names {name}(1), which does not exist"
            );
        }
    }
}

#[test]
fn help_shows_global_options_apart_and_the_exit_codes() {
    let env = Env::new();
    let out = run(env.cmd().args(["--help"]));
    assert!(
        out.stdout.contains("Exit status:") && out.stdout.contains("130"),
        "{}",
        out.stdout
    );
    let out = run(env.cmd().args(["list", "--help"]));
    let (own, global) = out
        .stdout
        .split_once("Global options:")
        .expect("a Global options heading");
    assert!(own.contains("--status") && !own.contains("--db"), "{own}");
    assert!(
        global.contains("--db") && global.contains("--tz"),
        "{global}"
    );
    assert!(
        own.contains("[possible values: pending, official, opted-out, withdrawn]"),
        "{own}"
    );
}

#[test]
fn enum_values_are_suggested_and_taken_in_any_case() {
    let env = env_with_claims();
    let out = run(env.cmd().args(["list", "--status", "pendng"]));
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("a similar value exists: 'pending'"),
        "{}",
        out.stderr
    );
    let out = run(env.cmd().args([
        "list",
        "--status",
        "PENDING",
        "--program",
        "OSU-M365",
        "--json",
    ]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn ctrl_c_at_a_selection_list_shows_the_cursor_and_says_interrupted_once() {
    let env = Env::new();
    env.partner("1000", &["osu-bizapps"]);
    let claim = env
        .m365()
        .set("--program", "osu-bizapps")
        .remove("--workload");
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(claim.args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.expect("Dynamics 365 product");
    t.expect("d365-team-members");
    t.send(CTRL_C);
    t.exit_code(130);
    let raw = t.raw();
    let hide = raw.rfind("\x1b[?25l").expect("the list hides the cursor");
    assert!(
        raw[hide..].contains("\x1b[?25h"),
        "the cursor is not shown again:\n{raw:?}"
    );
    assert_eq!(t.text().matches("interrupted").count(), 1, "{}", t.text());
}

#[test]
fn color_always_beats_no_color_on_a_terminal_and_a_pipe() {
    let env = env_with_claims();
    let mut t = Spawn::new(&env, &["list", "--color", "always"])
        .var("NO_COLOR", "1")
        .start();
    t.exit_code(0);
    assert!(
        t.raw().contains("\x1b["),
        "no colour on the terminal:\n{:?}",
        t.raw()
    );
    let out = run(env.cmd().args(["list", "--color", "always"]));
    assert!(
        out.stdout.contains("\x1b["),
        "no colour on a pipe:\n{:?}",
        out.stdout
    );
    let out = run(env.cmd().args(["list"]).env("CPOR_COLOR", "always"));
    assert!(
        out.stdout.contains("\x1b["),
        "CPOR_COLOR=always:\n{:?}",
        out.stdout
    );
    let out = run(env
        .cmd()
        .args(["list"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1"));
    assert!(
        out.stdout.contains("\x1b["),
        "CLICOLOR_FORCE=1:\n{:?}",
        out.stdout
    );
}

#[test]
fn the_actor_is_the_os_user_without_user_or_logname() {
    if sqlite_only() {
        return;
    }
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let out = run(env
        .m365()
        .cmd(&env)
        .env_remove("CPOR_ACTOR")
        .env_remove("USER")
        .env_remove("LOGNAME"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let me = Command::new("id").arg("-un").output().expect("id -un");
    let me = String::from_utf8_lossy(&me.stdout).trim().to_string();
    let shown = env.show(1).to_string();
    assert!(shown.contains(&format!("\"filed_by\":\"{me}\"")), "{shown}");
}

#[test]
fn a_config_typo_names_the_nearest_key() {
    let env = Env::new();
    let cfg = env.path("cfg.toml");
    std::fs::write(&cfg, "fromat = \"json\"\n").unwrap();
    let out = run(env.cmd().args(["list"]).env("CPOR_CONFIG", &cfg));
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("did you mean `format`?"),
        "{}",
        out.stderr
    );
}

/// `COMPREPLY` for the words of a command line, from the committed bash script.
fn bash_complete(env: &Env, words: &[&str], with_cpor: bool) -> Vec<String> {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/cpor.bash");
    let bin_dir = assert_cmd::cargo::cargo_bin("cpor")
        .parent()
        .unwrap()
        .to_path_buf();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; _cpor_dynamic cpor '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let path = if with_cpor {
        format!("{}:/usr/bin:/bin", bin_dir.display())
    } else {
        "/usr/bin:/bin".into()
    };
    let out = Command::new("bash")
        .args(["--norc", "-c", &line])
        .env_clear()
        .envs(env.vars())
        .env("PATH", path)
        .output()
        .expect("run bash");
    let mut values: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        // Flags are offered next to the values; only the values are asserted.
        .filter(|l| !l.is_empty() && !l.starts_with('-'))
        .collect();
    values.sort();
    values
}

#[test]
fn bash_completes_programs_and_claim_ids() {
    if sqlite_only() {
        return;
    }
    let env = env_with_claims();
    for with_cpor in [true, false] {
        assert_eq!(
            bash_complete(&env, &["cpor", "claim", "--program", ""], with_cpor).join(" "),
            "osa-sell osu-bizapps osu-m365",
            "with cpor on PATH: {with_cpor}"
        );
    }
    assert_eq!(bash_complete(&env, &["cpor", "show", ""], true), ["1", "2"]);
    assert_eq!(
        bash_complete(&env, &["cpor", "list", "--partner-id", ""], true),
        ["1000"]
    );
}

#[test]
fn completing_never_creates_a_database() {
    let env = Env::new();
    assert!(bash_complete(&env, &["cpor", "show", ""], true).is_empty());
    assert!(!env.db.exists() && !env.db.parent().unwrap().exists());
}
