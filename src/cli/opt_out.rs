//! `cpor opt-out`: the customer declines the association.

use super::{Ctx, apply_transitions, emit_affected, lifecycle_error, optional_value};
use crate::error::CporError;
use crate::model::{Claim, parse_instant};
use crate::rules::format::{parse_claim_id, parse_guid, parse_text};
use crate::rules::lifecycle::{self, ClaimState};
use crate::storage;
use clap::Args;

/// Record that the customer opted out (declined the association).
///
/// An opt-out before the deadline is inside the opt-out window (`opt_out_in_window`); it also
/// ends a claim that finalize has already made official. A later opt-out ends an official
/// association too. Repeating it on an opted-out claim changes nothing (exit 0). All claims of
/// one command change together or not at all.
///
/// Examples:
///   cpor opt-out 42 --reason "customer declined by e-mail"
///   cpor opt-out 42 43 --at 2025-06-05T14:30:00Z
///   cpor opt-out --tenant 0f8fad5b-d9cb-469f-a165-70867728950e --workload teams
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct OptOutArgs {
    /// Claim IDs
    #[arg(required_unless_present = "tenant", conflicts_with = "tenant", value_parser = parse_claim_id)]
    pub ids: Vec<i64>,
    /// Opt out every active claim of this tenant
    #[arg(long, value_name = "GUID")]
    pub tenant: Option<String>,
    /// With --tenant: only claims on this workload (repeatable)
    #[arg(long, value_name = "KEY", requires = "tenant")]
    pub workload: Vec<String>,
    /// When the customer opted out (RFC 3339; not in the future, not before the notification)
    /// [default: now]
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Why, as the customer said it
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(ctx: &Ctx, a: OptOutArgs) -> anyhow::Result<u8> {
    let at = optional_value("--at", a.at.as_deref(), parse_instant)?.unwrap_or(ctx.now);
    let reason = optional_value("--reason", a.reason.as_deref(), |r| {
        parse_text("--reason", r)
    })?;
    let tenant = optional_value("--tenant", a.tenant.as_deref(), |t| {
        parse_guid("tenant ID", t)
    })?;
    let workloads: Vec<String> = a
        .workload
        .iter()
        .map(|w| super::unit::known_workload(ctx, "--workload", w, None))
        .collect::<anyhow::Result<_>>()?;
    let mut db = ctx.db_existing()?;
    if let Some(t) = &tenant {
        // Several claims at once is confirmed first, without holding the write lock while a
        // person reads the question; the write below decides again.
        let preview = storage::read(db.as_mut(), |tx| {
            Ok(tx.active_claims_of_tenant(t, &workloads)?)
        })?;
        if preview.len() > 1 {
            let ids = preview
                .iter()
                .map(|c| c.id.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let question = format!(
                "Record that the customer opted out of {} claims ({ids}) of tenant {t}?",
                preview.len()
            );
            if !ctx.confirm(&question, "opting out several claims of a tenant")? {
                return Err(CporError::cancelled("opt-out cancelled; nothing changed")
                    .hint("pass --yes to opt out without being asked")
                    .into());
            }
        }
    }
    let done = storage::write(db.as_mut(), |tx| {
        let claims: Vec<Claim> = match &tenant {
            Some(t) => tx.active_claims_of_tenant(t, &workloads)?,
            None => super::claims_by_id(tx, &a.ids)?,
        };
        apply_transitions(ctx, tx, claims, |c| {
            lifecycle::opt_out(ClaimState::of(c), at, ctx.now, reason.clone())
                .map_err(lifecycle_error)
        })
    })?;
    let (changed, unchanged) = (&done.changed, &done.unchanged);
    if let (Some(t), true) = (&tenant, changed.is_empty() && unchanged.is_empty()) {
        ctx.note(format!(
            "tenant {t} has no active claims{}; nothing to do",
            workload_suffix(&workloads)
        ));
    }
    for c in unchanged {
        ctx.note(format!(
            "claim {} is already opted out; nothing changed",
            c.id
        ));
    }
    for c in changed {
        let window = if c.opt_out_in_window == Some(true) {
            "inside the opt-out window"
        } else {
            "after the opt-out window"
        };
        ctx.note(format!("claim {} opted out ({window})", c.id));
    }
    emit_affected(ctx, done)
}

fn workload_suffix(workloads: &[String]) -> String {
    if workloads.is_empty() {
        String::new()
    } else {
        format!(" on {}", workloads.join(", "))
    }
}
