//! `cpor tenant`: a tenant's pins and their log; removing a pin made by mistake.

use super::{Ctx, bad_value};
use crate::error::CporError;
use crate::model::{Pin, PinAction, PinKind, PinLogEntry};
use crate::output::{TenantView, emit_tenant};
use crate::rules::format::{parse_domain, parse_guid, parse_text};
use crate::rules::pins::check_unpin;
use crate::storage::{self, Txn};
use clap::{ArgGroup, Args, Subcommand};

/// Tenant pins: which domains and subscriptions belong to which tenant.
///
/// A domain or subscription is pinned to the tenant of the first claim that names it; later
/// claims naming it with another tenant are refused (domain-tenant-mismatch). A pin made by a
/// mistyped tenant ID can be removed once no active claim uses it.
///
/// Examples:
///   cpor tenant show 0f8fad5b-d9cb-469f-a165-70867728950e
///   cpor tenant show --domain contoso.com --json
///   cpor tenant unpin --domain contoso.com --reason "tenant ID of claim 41 was mistyped"
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum TenantCommand {
    Show(TenantShowArgs),
    Unpin(TenantUnpinArgs),
}

/// Show a tenant's pins, its pin log and its claims by status.
///
/// Name the tenant, or a domain or subscription pinned to it.
///
/// Examples:
///   cpor tenant show 0f8fad5b-d9cb-469f-a165-70867728950e
///   cpor tenant show --subscription 3f2504e0-4f89-11d3-9a0c-0305e82c3301 --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment, group(ArgGroup::new("which").required(true).args(["tenant", "domain", "subscription"])))]
pub struct TenantShowArgs {
    /// Tenant ID (GUID)
    pub tenant: Option<String>,
    /// The tenant this domain is pinned to
    #[arg(long)]
    pub domain: Option<String>,
    /// The tenant this subscription is pinned to
    #[arg(long, value_name = "GUID")]
    pub subscription: Option<String>,
}

/// Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.
///
/// Refused with pin-in-use (exit 3), naming the claims, while an active claim uses it: withdraw
/// the wrong claim first. Asks for confirmation on a terminal; without one, --yes is required.
/// The removal is kept in the tenant's pin log.
///
/// Examples:
///   cpor tenant unpin --domain contoso.com --reason "tenant ID of claim 41 was mistyped"
///   cpor tenant unpin --subscription 3f2504e0-4f89-11d3-9a0c-0305e82c3301 --reason "..." --yes
#[derive(Debug, Args)]
#[command(verbatim_doc_comment, group(ArgGroup::new("which").required(true).args(["domain", "subscription"])))]
pub struct TenantUnpinArgs {
    /// The domain to unpin
    #[arg(long)]
    pub domain: Option<String>,
    /// The subscription to unpin
    #[arg(long, value_name = "GUID")]
    pub subscription: Option<String>,
    /// Why the pin is removed (mandatory; kept in the pin log)
    #[arg(long, required = true)]
    pub reason: String,
}

pub fn run(ctx: &Ctx, c: TenantCommand) -> anyhow::Result<u8> {
    match c {
        TenantCommand::Show(a) => show(ctx, a),
        TenantCommand::Unpin(a) => unpin(ctx, a),
    }
}

/// The pin named by `--domain` or `--subscription`, well-formed.
fn pin_key(
    domain: &Option<String>,
    subscription: &Option<String>,
) -> anyhow::Result<(PinKind, String)> {
    match (domain, subscription) {
        (Some(d), _) => Ok((
            PinKind::Domain,
            parse_domain(d).map_err(|e| bad_value("--domain", e))?,
        )),
        (None, Some(s)) => Ok((
            PinKind::Subscription,
            parse_guid("subscription ID", s).map_err(|e| bad_value("--subscription", e))?,
        )),
        (None, None) => unreachable!("clap requires one of them"),
    }
}

fn not_pinned(kind: PinKind, value: &str) -> anyhow::Error {
    CporError::not_found(
        "pin-not-found",
        format!("{kind} {value} is not pinned to any tenant"),
    )
    .hint("see a tenant's pins with `cpor tenant show TENANT`")
    .into()
}

fn find_pin(tx: &mut dyn Txn, kind: PinKind, value: &str) -> anyhow::Result<Pin> {
    tx.pin(kind, value)?.ok_or_else(|| not_pinned(kind, value))
}

fn show(ctx: &Ctx, a: TenantShowArgs) -> anyhow::Result<u8> {
    let tenant = match &a.tenant {
        Some(t) => Some(parse_guid("tenant ID", t).map_err(|e| bad_value("TENANT", e))?),
        None => None,
    };
    let key = if tenant.is_none() {
        Some(pin_key(&a.domain, &a.subscription)?)
    } else {
        None
    };
    let mut db = ctx.db()?;
    let (tenant, pins, log, counts) = storage::read(db.as_mut(), |tx| {
        let tenant = match (tenant, &key) {
            (Some(t), _) => t,
            (None, Some((kind, value))) => find_pin(tx, *kind, value)?.tenant_id,
            (None, None) => unreachable!("clap requires one of them"),
        };
        let pins = tx.pins_of_tenant(&tenant)?;
        let log = tx.pin_log(&tenant)?;
        let counts = tx.claim_counts_of_tenant(&tenant)?;
        Ok((tenant, pins, log, counts))
    })?;
    emit_tenant(
        &TenantView::of(&tenant, &pins, &log, counts),
        ctx.format,
        &ctx.style,
    )?;
    Ok(0)
}

fn unpin(ctx: &Ctx, a: TenantUnpinArgs) -> anyhow::Result<u8> {
    let reason = parse_text("the reason", &a.reason).map_err(|e| bad_value("--reason", e))?;
    let (kind, value) = pin_key(&a.domain, &a.subscription)?;
    if !ctx.db_exists()? {
        return Err(not_pinned(kind, &value));
    }
    let mut db = ctx.db()?;
    // Look first, without holding the write lock while a person reads the question...
    let pin = storage::read(db.as_mut(), |tx| find_pin(tx, kind, &value))?;
    check_unpin(&pin).map_err(|v| CporError::refused(vec![v]))?;
    let question = format!(
        "Unpin {kind} {value} from tenant {}{}?",
        pin.tenant_id,
        pin.by_claim
            .map(|c| format!(" (pinned by claim {c})"))
            .unwrap_or_default()
    );
    if !ctx.confirm(&question, &format!("unpinning {kind} {value}"))? {
        return Err(CporError::cancelled("unpin cancelled; nothing changed")
            .hint("pass --yes to unpin without being asked")
            .into());
    }
    // ...then decide again under the write lock: a claim may have been filed meanwhile.
    let (tenant, pins, log, counts) = storage::write(db.as_mut(), |tx| {
        let pin = find_pin(tx, kind, &value)?;
        check_unpin(&pin).map_err(|v| CporError::refused(vec![v]))?;
        tx.remove_pin(&PinLogEntry {
            at: ctx.now,
            actor: ctx.actor.clone(),
            action: PinAction::Unpin,
            kind,
            value: value.clone(),
            tenant_id: pin.tenant_id.clone(),
            reason: Some(reason.clone()),
        })?;
        let tenant = pin.tenant_id;
        Ok((
            tenant.clone(),
            tx.pins_of_tenant(&tenant)?,
            tx.pin_log(&tenant)?,
            tx.claim_counts_of_tenant(&tenant)?,
        ))
    })?;
    ctx.note(format!(
        "unpinned {kind} {value} from tenant {tenant}; the next claim naming it pins it again"
    ));
    emit_tenant(
        &TenantView::of(&tenant, &pins, &log, counts),
        ctx.format,
        &ctx.style,
    )?;
    Ok(0)
}
