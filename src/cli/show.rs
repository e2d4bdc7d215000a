//! `cpor show`: one claim with all its fields and its history.

use super::Ctx;
use crate::error::CporError;
use crate::output::emit_claim_detail;
use crate::storage;
use clap::Args;

/// Show one claim: every field and its history, oldest event first.
///
/// Examples:
///   cpor show 42
///   cpor show 42 --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ShowArgs {
    /// Claim ID
    #[arg(value_parser = crate::rules::format::parse_claim_id)]
    pub id: i64,
}

pub fn run(ctx: &Ctx, a: ShowArgs) -> anyhow::Result<u8> {
    let mut db = ctx.db_existing()?;
    let (claim, history, zones) = storage::read(db.as_mut(), |tx| {
        let claim = tx.claim(a.id)?.ok_or_else(|| claim_not_found(a.id))?;
        let history = tx.history(a.id)?;
        let zones = super::zones_in(tx, std::slice::from_ref(&claim))?;
        Ok((claim, history, zones))
    })?;
    emit_claim_detail(&claim, &history, ctx.format, &ctx.style, &zones)?;
    Ok(0)
}

/// The not-found error for a claim ID.
pub fn claim_not_found(id: i64) -> CporError {
    CporError::not_found("claim-not-found", format!("there is no claim {id}"))
        .hint("find claim IDs with `cpor list`")
}
