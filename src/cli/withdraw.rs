//! `cpor withdraw`: the partner withdraws (disassociates) claims.

use super::{Ctx, apply_transitions, bad_value, claims_by_id, emit_affected, lifecycle_error};
use crate::error::CporError;
use crate::model::Status;
use crate::rules::format::{parse_claim_id, parse_text};
use crate::rules::lifecycle::{self, ClaimState};
use crate::storage;
use clap::Args;

/// Withdraw claims: the partner disassociates from the customer's unit, with a reason.
///
/// Applies to pending and official claims; the unit becomes free for other partners. Asks for
/// confirmation on a terminal unless --yes. Withdrawing an already withdrawn claim changes
/// nothing (exit 0). All claims of one command change together or not at all.
///
/// Examples:
///   cpor withdraw 42 --reason "wrong PartnerID; refiled as claim 57"
///   cpor withdraw 42 43 --reason "customer relationship ended" --yes
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct WithdrawArgs {
    /// Claim IDs
    #[arg(required = true, value_parser = parse_claim_id)]
    pub ids: Vec<i64>,
    /// Why the partner withdraws (mandatory)
    #[arg(long, required = true)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, a: WithdrawArgs) -> anyhow::Result<u8> {
    let reason = parse_text("--reason", &a.reason).map_err(|e| bad_value("--reason", e))?;
    let mut db = ctx.db_existing()?;
    // Look first (without holding the write lock while a person reads the question)...
    let preview = storage::read(db.as_mut(), |tx| claims_by_id(tx, &a.ids))?;
    let to_change: Vec<_> = preview.iter().filter(|c| c.status.is_active()).collect();
    if !to_change.is_empty() {
        let list = to_change
            .iter()
            .map(|c| {
                format!(
                    "{} ({} {} for {}, {})",
                    c.id, c.program, c.workload, c.domain, c.status
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let question = format!(
            "Withdraw claim{} {list}? This cannot be undone",
            if to_change.len() == 1 { "" } else { "s" }
        );
        if !ctx.confirm(&question, "withdrawing")? {
            return Err(
                CporError::cancelled("withdrawal cancelled; nothing changed")
                    .hint("pass --yes to withdraw without being asked")
                    .into(),
            );
        }
    }
    // ...then decide again under the write lock: the claims may have changed meanwhile.
    let done = storage::write(db.as_mut(), |tx| {
        let claims = claims_by_id(tx, &a.ids)?;
        apply_transitions(ctx, tx, claims, |c| {
            lifecycle::withdraw(ClaimState::of(c), ctx.now, reason.clone()).map_err(lifecycle_error)
        })
    })?;
    for c in &done.unchanged {
        debug_assert_eq!(c.status, Status::Withdrawn);
        ctx.note(format!(
            "claim {} is already withdrawn; nothing changed",
            c.id
        ));
    }
    for c in &done.changed {
        ctx.note(format!("withdrew claim {}; its unit is free again", c.id));
    }
    emit_affected(ctx, done)
}
