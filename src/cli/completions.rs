//! `cpor completions` and `cpor man`: generated from the command definitions by clap, and the
//! dynamic completion the shells ask the binary for (`COMPLETE=bash cpor -- …`).

use crate::config::{Config, default_db_path};
use crate::output::emit;
use crate::storage::{BackendState, ClaimFilter, Location};
use clap::Args;
use clap_complete::Shell;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use std::io::Write;
use std::path::PathBuf;

/// Print the shell completion script for SHELL.
///
/// The scripts complete commands, flags and every closed set of values (programs, statuses,
/// channels, formats …). Claim IDs, calendar names, PartnerIDs and the active catalog's
/// workloads come from cpor itself: bash's script asks it when `cpor` is on PATH; for zsh and
/// fish use the dynamic registration instead (`source <(COMPLETE=zsh cpor)`,
/// `COMPLETE=fish cpor | source`). Completing never creates a database.
///
/// The generated scripts are also in the repository's `completions/` directory.
///
/// Examples:
///   mkdir -p ~/.local/share/bash-completion/completions
///   cpor completions bash > ~/.local/share/bash-completion/completions/cpor
///   mkdir -p ~/.zfunc && cpor completions zsh > ~/.zfunc/_cpor   # fpath=(~/.zfunc $fpath) in ~/.zshrc
///   cpor completions fish > ~/.config/fish/completions/cpor.fish
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell to print the script for
    #[arg(value_enum, ignore_case = true)]
    pub shell: Shell,
}

/// Print a man page (roff): cpor's, or one command's; or write every page to a directory.
///
/// Each page has EXIT STATUS, ENVIRONMENT and FILES sections and names only pages that
/// `--dir` writes (cpor.1, cpor-claim.1, cpor-partner-add.1 …).
///
/// Examples:
///   cpor man > cpor.1 && man ./cpor.1
///   cpor man claim | man -l -
///   mkdir -p ~/.local/share/man/man1 && cpor man --dir ~/.local/share/man/man1
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {
    /// The command whose page to print, e.g. `claim` or `partner add` [default: cpor itself]
    #[arg(value_name = "COMMAND", num_args = 0..)]
    pub command: Vec<String>,
    /// Write every page (cpor.1 and one per command) into DIR instead
    #[arg(long, value_name = "DIR", conflicts_with = "command", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// The completion script for `shell`. Bash's also asks cpor for the values only the database
/// and catalog know.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = super::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cpor", &mut out);
    if shell == Shell::Bash {
        out.extend_from_slice(BASH_DYNAMIC.as_bytes());
    }
    out
}

/// Appended to the static bash script: when `cpor` is on PATH, ask it (clap_complete's dynamic
/// completion, the protocol of its `COMPLETE=bash` registration); otherwise, or when it gives
/// nothing, fall back to the static completion above.
const BASH_DYNAMIC: &str = r#"
# Dynamic values (claim IDs, calendars, PartnerIDs, catalog workloads) come from cpor itself.
_cpor_dynamic() {
    if command -v cpor > /dev/null 2>&1; then
        local IFS=$'\013'
        local words=("${COMP_WORDS[@]}")
        if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
            words[COMP_CWORD]="$2"
        fi
        COMPREPLY=( $( \
            _CLAP_IFS="$IFS" \
            _CLAP_COMPLETE_INDEX="$COMP_CWORD" \
            _CLAP_COMPLETE_COMP_TYPE="$COMP_TYPE" \
            _CLAP_COMPLETE_SPACE=true \
            COMPLETE="bash" \
            cpor -- "${words[@]}" 2> /dev/null \
        ) )
        if [[ $? == 0 && ${#COMPREPLY[@]} -gt 0 ]]; then
            return 0
        fi
    fi
    _cpor "$@"
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _cpor_dynamic -o nosort -o bashdefault -o default cpor
else
    complete -F _cpor_dynamic -o bashdefault -o default cpor
fi
"#;

pub fn run_completions(a: CompletionsArgs) -> anyhow::Result<u8> {
    let script = completion_script(a.shell);
    emit(|w| w.write_all(&script))?;
    Ok(0)
}

/// Answer a shell's completion request (`COMPLETE=SHELL cpor -- WORDS`), then exit; a normal
/// run goes on.
pub fn complete_env() {
    clap_complete::CompleteEnv::with_factory(with_candidates)
        .bin("cpor")
        .completer("cpor")
        .complete();
}

/// The command definition with dynamic candidates on the arguments whose values live in the
/// database or the catalog: claim IDs, calendar names, PartnerIDs and workload keys.
pub fn with_candidates() -> clap::Command {
    fn decorate(cmd: clap::Command, path: &str) -> clap::Command {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        let mut cmd = cmd.mut_args(|a| {
            let id = a.get_id().as_str().to_string();
            let long = a.get_long().map(str::to_string);
            let positional = a.is_positional();
            let source: Option<fn() -> Vec<CompletionCandidate>> =
                match (positional, id.as_str(), long.as_deref()) {
                    (true, "id" | "ids" | "claim" | "claims", _) => Some(claim_ids),
                    (true, "name", _) if path.starts_with("calendar") => Some(calendar_names),
                    (true, "partner_id", _) => Some(partner_ids),
                    (false, _, Some("calendar")) => Some(calendar_names),
                    (false, _, Some("partner-id")) => Some(partner_ids),
                    (false, _, Some("workload")) => Some(workloads),
                    _ => None,
                };
            match source {
                Some(f) => a.add(ArgValueCandidates::new(f)),
                None => a,
            }
        });
        for name in names {
            let sub_path = format!("{path} {name}").trim().to_string();
            cmd = cmd.mut_subcommand(&name, |s| decorate(s, &sub_path));
        }
        cmd
    }
    decorate(super::command(), "")
}

/// The value of `--db` (or `--db=`) among the words being completed, else `CPOR_DB`, the
/// config file's `db`, the default location.
fn completion_db_path() -> Option<PathBuf> {
    let words: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = words.iter().enumerate().find_map(|(i, w)| {
        w.strip_prefix("--db=").map(PathBuf::from).or_else(|| {
            (w == "--db")
                .then(|| words.get(i + 1).map(PathBuf::from))
                .flatten()
        })
    });
    flag.or_else(|| {
        std::env::var_os("CPOR_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| config().and_then(|c| c.db))
    .or_else(default_db_path)
}

fn config() -> Option<Config> {
    let explicit = std::env::var_os("CPOR_CONFIG").map(PathBuf::from);
    Config::load(explicit.as_deref()).ok()
}

/// Read the existing database, if there is one; never creates, migrates or writes it.
fn with_db<T>(read: impl FnOnce(&mut dyn crate::storage::Txn) -> Option<T>) -> Option<T> {
    let loc = Location::Sqlite(completion_db_path()?);
    if !matches!(
        crate::storage::probe(&loc).ok()?.state,
        BackendState::Ready { .. }
    ) {
        return None;
    }
    let mut store = crate::storage::open_read_only(&loc).ok()?;
    let mut tx = store.read().ok()?;
    read(tx.as_mut())
}

/// How many of the newest claims are offered.
const CLAIM_CANDIDATES: u64 = 500;

fn claim_ids() -> Vec<CompletionCandidate> {
    with_db(|tx| {
        let filter = ClaimFilter {
            limit: Some(CLAIM_CANDIDATES),
            ..ClaimFilter::default()
        };
        let claims = tx.list_claims(&filter).ok()?;
        Some(
            claims
                .into_iter()
                .map(|c| {
                    CompletionCandidate::new(c.id.to_string()).help(Some(
                        format!("{} {} {} {}", c.status, c.program, c.domain, c.workload).into(),
                    ))
                })
                .collect(),
        )
    })
    .unwrap_or_default()
}

fn calendar_names() -> Vec<CompletionCandidate> {
    with_db(|tx| tx.calendar_names().ok())
        .unwrap_or_default()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

fn partner_ids() -> Vec<CompletionCandidate> {
    with_db(|tx| tx.partners().ok())
        .unwrap_or_default()
        .into_iter()
        .map(|p| CompletionCandidate::new(p.partner_id).help(Some(p.name.into())))
        .collect()
}

/// The workload keys of the active catalog (the config's `catalog`, else the built-in one).
fn workloads() -> Vec<CompletionCandidate> {
    let catalog = config()
        .and_then(|c| c.catalog)
        .unwrap_or_else(crate::rules::catalog::Catalog::builtin);
    let mut seen = std::collections::BTreeMap::new();
    for (_, list) in catalog.programs() {
        for w in list {
            seen.entry(w.key.clone()).or_insert_with(|| w.name.clone());
        }
    }
    seen.into_iter()
        .map(|(k, name)| CompletionCandidate::new(k).help(Some(name.into())))
        .collect()
}

/// Every page: cpor's and one per command (and per subcommand), as (file name, roff).
pub fn man_pages() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut root = super::command().disable_help_subcommand(true);
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, &mut pages)?;
    Ok(pages)
}

fn collect_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_string();
    pages.push((format!("{name}.1"), man_page(cmd)?));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_pages(sub, pages)?;
    }
    Ok(())
}

/// Quote a line of plain text for roff: a leading `.` or `'` and backslashes must not be read as
/// requests.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// One page: clap_mangen's sections, then EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.
fn man_page(cmd: &clap::Command) -> anyhow::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out)?;
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        man.render_extra_section(&mut out)?;
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in super::exit_codes() {
        writeln!(out, ".TP\n{code}\n{}", roff_text(meaning))?;
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (var, meaning) in ENVIRONMENT {
        writeln!(out, ".TP\n.B {var}\n{}", roff_text(meaning))?;
    }
    writeln!(out, ".SH FILES")?;
    for (file, meaning) in FILES {
        writeln!(out, ".TP\n.I {}\n{}", roff_text(file), roff_text(meaning))?;
    }
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    let mut see: Vec<String> = Vec::new();
    if name != "cpor" {
        see.push("cpor(1)".into());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        see.push(format!(
            "{}(1)",
            sub.get_display_name().unwrap_or(sub.get_name())
        ));
    }
    if !see.is_empty() {
        writeln!(out, ".SH \"SEE ALSO\"\n{}", roff_text(&see.join(", ")))?;
    }
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// The environment every command reads (SPEC §6, §8).
const ENVIRONMENT: &[(&str, &str)] = &[
    ("CPOR_DB", "the database file (like --db)"),
    (
        "CPOR_CONFIG",
        "the config file to read instead of the default",
    ),
    ("CPOR_FORMAT", "table, json or csv (like --format)"),
    ("CPOR_TZ", "the zone tables show times in (like --tz)"),
    ("CPOR_NOW", "the current instant, RFC 3339 (like --now)"),
    (
        "CPOR_ACTOR",
        "who is acting (like --actor); default the OS user",
    ),
    ("CPOR_COLOR", "auto, always or never (like --color)"),
    ("CPOR_NO_INPUT", "never prompt (like --no-input)"),
    ("CPOR_LOG", "quiet or debug: how much goes to stderr"),
    ("NO_COLOR", "no colour with --color auto"),
    (
        "CLICOLOR_FORCE",
        "colour with --color auto even off a terminal",
    ),
    (
        "COLUMNS",
        "the width tables are fitted to on a terminal (default: the terminal's, else 80)",
    ),
    ("TZ", "the zone --tz local means"),
    (
        "USER, LOGNAME",
        "the OS user recorded as the actor (else the system user database)",
    ),
    (
        "COMPLETE",
        "set by the shell completion scripts to ask cpor for completions",
    ),
];

/// The files cpor reads and writes.
const FILES: &[(&str, &str)] = &[
    (
        "~/.config/cpor/config.toml",
        "the config file on Linux (the platform config directory elsewhere)",
    ),
    (
        "~/.local/share/cpor/cpor.db",
        "the database on Linux (the platform data directory elsewhere)",
    ),
    (
        "catalog.toml",
        "a replacement program catalog, named by the config key catalog",
    ),
];

pub fn run_man(a: ManArgs) -> anyhow::Result<u8> {
    let pages = man_pages()?;
    if let Some(dir) = a.dir {
        std::fs::create_dir_all(&dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
        for (file, page) in &pages {
            let path = dir.join(file);
            std::fs::write(&path, page)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        }
        eprintln!("wrote {} man pages to {}", pages.len(), dir.display());
        return Ok(0);
    }
    let wanted = if a.command.is_empty() {
        "cpor.1".to_string()
    } else {
        format!("cpor-{}.1", a.command.join("-"))
    };
    let Some((_, page)) = pages.iter().find(|(f, _)| *f == wanted) else {
        return Err(crate::error::CporError::usage(
            "invalid-value",
            format!("there is no command `{}`", a.command.join(" ")),
        )
        .hint("see `cpor --help` for the commands")
        .into());
    };
    emit(|w| w.write_all(page))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The committed file name of each shell's script (SPEC §6).
    fn completion_file(shell: Shell) -> Option<&'static str> {
        match shell {
            Shell::Bash => Some("cpor.bash"),
            Shell::Zsh => Some("_cpor"),
            Shell::Fish => Some("cpor.fish"),
            Shell::PowerShell => Some("_cpor.ps1"),
            Shell::Elvish => Some("cpor.elv"),
            _ => None,
        }
    }

    /// The scripts in `completions/` must match what this build generates. To regenerate them
    /// after changing a flag: `CPOR_UPDATE_COMPLETIONS=1 cargo test completions`.
    #[test]
    fn committed_completions_are_current() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
        let update = std::env::var_os("CPOR_UPDATE_COMPLETIONS").is_some();
        let mut stale = Vec::new();
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let file = dir.join(completion_file(shell).expect("named"));
            let fresh = completion_script(shell);
            if update {
                std::fs::write(&file, &fresh).expect("write completions");
            } else if std::fs::read(&file).ok().as_deref() != Some(fresh.as_slice()) {
                stale.push(file.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale completion scripts: {stale:?}\nregenerate them with: CPOR_UPDATE_COMPLETIONS=1 cargo test completions"
        );
    }

    #[test]
    fn man_page_renders_every_command() {
        let pages = man_pages().unwrap();
        let page = String::from_utf8(pages[0].1.clone()).unwrap();
        for cmd in [
            "claim",
            "list",
            "finalize",
            "troubleshoot",
            "opt\\-out",
            "withdraw",
        ] {
            assert!(page.contains(cmd), "man page lacks {cmd}");
        }
    }
}
