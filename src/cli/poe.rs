//! `cpor poe add`: a new proof-of-execution version for an active claim.

use super::claim::poe_error;
use super::{Ctx, bad_value, optional_value};
use crate::error::CporError;
use crate::model::{Action, HistoryEvent, Poe, parse_date};
use crate::output::emit_claims;
use crate::poe_file;
use crate::rules::format::parse_text;
use crate::rules::poe::check_add;
use crate::storage;
use clap::{Args, Subcommand};

/// Proof-of-execution versions of a claim.
///
/// Examples:
///   cpor poe add 42 --poe ./sow-2026.pdf --poe-signed 2026-04-30 --reason "yearly refresh"
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum PoeCommand {
    Add(PoeAddArgs),
}

/// Add a PoE version to an active claim; it becomes the claim's `poe`.
///
/// Recorded like the first one: a local file by absolute path, size and SHA-256, a URL as
/// given. The signature may not be in the future or more than 12 calendar months before today
/// (poe-signed-in-future, poe-too-old; exit 3). Earlier versions are kept in `poe_versions`,
/// and the claim's history gets one `poe-added` event carrying the new PoE.
///
/// Examples:
///   cpor poe add 42 --poe ./sow-2026.pdf --poe-signed 2026-04-30
///   cpor poe add 42 --poe https://contoso.sharepoint.com/sow.pdf --poe-signed 2026-04-30 --reason "moved to SharePoint"
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct PoeAddArgs {
    /// Claim ID
    pub id: i64,
    /// Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL
    #[arg(long, value_name = "PATH|URL", required = true)]
    pub poe: String,
    /// Date the customer signed it (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", required = true)]
    pub poe_signed: String,
    /// Why the PoE is added (recorded in the claim's history)
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(ctx: &Ctx, c: PoeCommand) -> anyhow::Result<u8> {
    match c {
        PoeCommand::Add(a) => add(ctx, a),
    }
}

fn add(ctx: &Ctx, a: PoeAddArgs) -> anyhow::Result<u8> {
    let signed_on = parse_date(&a.poe_signed).map_err(|e| bad_value("--poe-signed", e))?;
    let reason = optional_value("--reason", a.reason.as_deref(), |r| {
        parse_text("the reason", r)
    })?;
    let source = poe_file::resolve(&a.poe).map_err(poe_error)?;
    let poe = Poe {
        location: source.location,
        sha256: source.file.as_ref().map(|(_, h)| h.clone()),
        size: source.file.as_ref().map(|(s, _)| *s),
        signed_on,
    };
    if !ctx.db_exists()? {
        return Err(super::show::claim_not_found(a.id).into());
    }
    let mut db = ctx.db()?;
    let (claim, zones, versions) = storage::write(db.as_mut(), |tx| {
        let claim = tx
            .claim(a.id)?
            .ok_or_else(|| super::show::claim_not_found(a.id))?;
        let zones = super::zones_in(tx, std::slice::from_ref(&claim))?;
        let tz = zones
            .get(&claim.calendar)
            .copied()
            .unwrap_or(chrono_tz::UTC);
        let today = ctx.now.with_timezone(&tz).date_naive();
        let refused = check_add(claim.id, claim.status, signed_on, today);
        if !refused.is_empty() {
            return Err(CporError::refused(refused).into());
        }
        tx.add_poe(
            claim.id,
            &HistoryEvent {
                at: ctx.now,
                actor: ctx.actor.clone(),
                action: Action::PoeAdded,
                from: Some(claim.status),
                to: claim.status,
                reason: reason.clone(),
                changes: None,
                poe: Some(poe.clone()),
                prev_hash: None,
                hash: None,
            },
        )?;
        let claim = tx.claim(claim.id)?.expect("the claim was just updated");
        let versions = claim.poe_versions.len();
        Ok((claim, zones, versions))
    })?;
    ctx.note(format!(
        "added PoE version {versions} to claim {} (signed {signed_on}); it is the claim's PoE now",
        claim.id
    ));
    emit_claims([&claim], ctx.format, &ctx.style, &zones)?;
    Ok(0)
}
