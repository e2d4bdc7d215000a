//! The checks that read everything (`--deep`), and the history check of one claim.

use super::*;
use crate::model::HistoryEvent;
use crate::rules::history::{ChainProblem, verify_chain};

/// Findings about one claim's history: `history-tampered` naming the claim and the event, and
/// `status-history-mismatch`. Before schema version 3 events carry no hashes; only the status
/// is checked then.
pub(super) fn chain_findings(
    claim_id: i64,
    status: Status,
    events: &[HistoryEvent],
    version: i64,
) -> Vec<Finding> {
    const REMEDY: &str = "the history was changed outside cpor: compare with the latest backup (`cpor troubleshoot --deep` on it), find who wrote to the file, and restore if needed";
    verify_chain(claim_id, status, events)
        .into_iter()
        .filter_map(|p| match p {
            ChainProblem::HashMismatch { position } if version >= 3 => Some(Finding::new(
                Severity::Error,
                "history-tampered",
                format!(
                    "claim {claim_id}'s history event {position} of {} ({}) does not match its hash: it was rewritten or forged",
                    events.len(),
                    events[position - 1].action.as_str()
                ),
                REMEDY,
            )),
            ChainProblem::BrokenLink { position } if version >= 3 => Some(Finding::new(
                Severity::Error,
                "history-tampered",
                format!(
                    "claim {claim_id}'s history event {position} of {} ({}) does not follow the event before it: events were inserted, removed or reordered",
                    events.len(),
                    events[position - 1].action.as_str()
                ),
                REMEDY,
            )),
            ChainProblem::NotFiledFirst => Some(Finding::new(
                Severity::Error,
                "history-tampered",
                format!("claim {claim_id}'s history does not begin with its one `filed` event"),
                REMEDY,
            )),
            ChainProblem::StatusMismatch { status, last_to } => Some(Finding::new(
                Severity::Error,
                "status-history-mismatch",
                match last_to {
                    Some(to) => format!(
                        "claim {claim_id} is {status} but its last history event says {to}: the status was changed without an event"
                    ),
                    None => format!("claim {claim_id} is {status} but has no history at all"),
                },
                REMEDY,
            )),
            _ => None,
        })
        .collect()
}

/// What `--deep` found.
pub(super) struct Deep {
    /// SQLite's integrity check: `["ok"]` when healthy.
    pub integrity: Vec<String>,
    /// How many claims' histories were verified.
    pub chains: u64,
    pub findings: Vec<Finding>,
}

/// Run the O(n) checks: the integrity check, then every claim's history chain (with a progress
/// bar on a terminal).
pub(super) fn deep_checks(
    ctx: &Ctx,
    tx: &mut dyn storage::Txn,
    version: i64,
    claims: u64,
) -> anyhow::Result<Deep> {
    let integrity = tx.integrity_check()?;
    let bar = progress_bar(ctx, claims);
    let mut findings = Vec::new();
    let mut chains = 0;
    tx.each_history(&mut |id, status, events| {
        chains += 1;
        findings.extend(chain_findings(id, status, events, version));
        if let Some(b) = &bar {
            b.inc(1);
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(Deep {
        integrity,
        chains,
        findings,
    })
}

/// A progress bar on stderr, only when stderr is a terminal and there is real work.
fn progress_bar(ctx: &Ctx, total: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if total < 1000
        || !std::io::stderr().is_terminal()
        || ctx.verbosity == crate::cli::Verbosity::Quiet
    {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template("verifying histories {bar:40} {pos}/{len} claims")
            .expect("valid template"),
    );
    Some(bar)
}
