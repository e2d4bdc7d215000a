//! `cpor completions` and `cpor man`: generated from the command definitions by clap.

use crate::output::emit;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

/// Print the shell completion script for SHELL.
///
/// The generated scripts are also in the repository's `completions/` directory.
///
/// Examples:
///   cpor completions bash > ~/.local/share/bash-completion/completions/cpor
///   cpor completions zsh > "${fpath[1]}/_cpor"
///   cpor completions fish > ~/.config/fish/completions/cpor.fish
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Print the man page (roff) on stdout.
///
/// Examples:
///   cpor man > cpor.1 && man ./cpor.1
///   cpor man | gzip > /usr/local/share/man/man1/cpor.1.gz
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cpor", &mut out);
    out
}

pub fn run_completions(a: CompletionsArgs) -> anyhow::Result<u8> {
    let script = completion_script(a.shell);
    emit(|w| w.write_all(&script))?;
    Ok(0)
}

pub fn run_man(_: ManArgs) -> anyhow::Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::Cli::command()).render(&mut out)?;
    emit(|w| w.write_all(&out))?;
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
        let mut out = Vec::new();
        clap_mangen::Man::new(crate::cli::Cli::command())
            .render(&mut out)
            .unwrap();
        let page = String::from_utf8(out).unwrap();
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
