//! `cpor edit`: correct an active claim's details, keeping its window and unit.

use super::{Ctx, bad_value, flags_where, optional_value};
use crate::error::CporError;
use crate::model::{Action, Channel, HistoryEvent, PinAction, PinKind, PinLogEntry, parse_date};
use crate::output::{Zones, emit_claims};
use crate::rules::edit::{EditFacts, EditRequest, decide_edit};
use crate::rules::format::{parse_domain, parse_email, parse_text};
use crate::storage::{self, Txn};
use clap::Args;

/// Correct an active claim: fix a typo without withdrawing and filing again.
///
/// Changes only the fields given, after the same checks as `claim`: a new domain must not be
/// pinned to another tenant (it is pinned to the claim's tenant otherwise), --channel csp is
/// refused, a Business Applications claim keeps its technical contact, and a new
/// --purchase-date recomputes the osa-90-day-window warning. The deadline and the unit
/// (PartnerID, tenant, program, workload, subscription) never change. One `edited` history
/// event records every changed field as `changes: {field: [old, new]}`; an edit that changes
/// nothing records nothing. Ended claims cannot be edited (invalid-transition, exit 3).
///
/// Examples:
///   cpor edit 42 --customer-email ann.lee@contoso.com --reason "typo in the e-mail"
///   cpor edit 42 --purchase-date 2025-04-01 --reason "date from the invoice" --dry-run
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct EditArgs {
    /// Claim ID
    pub id: i64,
    /// New name of the claim
    #[arg(long)]
    pub name: Option<String>,
    /// New domain of the claim's tenant
    #[arg(long)]
    pub domain: Option<String>,
    /// Customer contact's name
    #[arg(long, value_name = "NAME")]
    pub customer_name: Option<String>,
    /// Customer contact's title
    #[arg(long, value_name = "TITLE")]
    pub customer_title: Option<String>,
    /// Customer contact's e-mail
    #[arg(long, value_name = "EMAIL")]
    pub customer_email: Option<String>,
    /// Technical contact's name (Business Applications; "" removes the technical contact)
    #[arg(long, value_name = "NAME")]
    pub technical_name: Option<String>,
    /// Technical contact's title (Business Applications)
    #[arg(long, value_name = "TITLE")]
    pub technical_title: Option<String>,
    /// Technical contact's e-mail (Business Applications)
    #[arg(long, value_name = "EMAIL")]
    pub technical_email: Option<String>,
    /// Partner contact's name
    #[arg(long, value_name = "NAME")]
    pub partner_contact: Option<String>,
    /// Partner contact's e-mail
    #[arg(long, value_name = "EMAIL")]
    pub partner_email: Option<String>,
    /// Channel the subscription was bought through (Business Applications; csp is refused
    /// unless the tenant is pinned elsewhere)
    #[arg(long, value_parser = super::keys::<crate::model::Channel>(), ignore_case = true)]
    pub channel: Option<String>,
    /// Date of purchase (YYYY-MM-DD; Business Applications)
    #[arg(long, value_name = "DATE")]
    pub purchase_date: Option<String>,
    /// The claim's comment
    #[arg(long)]
    pub comment: Option<String>,
    /// Why the claim is corrected (mandatory; recorded in its history)
    #[arg(long, required = true)]
    pub reason: String,
    /// Check everything and show the claim as it would be, without writing
    #[arg(long)]
    pub dry_run: bool,
}

/// Check the format of every value given.
fn validate(a: &EditArgs) -> anyhow::Result<EditRequest> {
    let text = |flag: &str, what: &str, v: &Option<String>| {
        optional_value(flag, v.as_deref(), |s| parse_text(what, s))
    };
    let email = |flag: &str, what: &str, v: &Option<String>| {
        optional_value(flag, v.as_deref(), |s| parse_email(what, s))
    };
    // An empty technical value removes the technical contact (refused for Business
    // Applications claims, which cannot lose it).
    let technical = |flag: &str, what: &str, v: &Option<String>, is_email: bool| match v {
        Some(s) if s.trim().is_empty() => Ok(Some(String::new())),
        _ if is_email => email(flag, what, v),
        _ => text(flag, what, v),
    };
    Ok(EditRequest {
        name: text("--name", "the claim name", &a.name)?,
        domain: optional_value("--domain", a.domain.as_deref(), parse_domain)?,
        customer_name: text("--customer-name", "the customer name", &a.customer_name)?,
        customer_title: text("--customer-title", "the customer title", &a.customer_title)?,
        customer_email: email("--customer-email", "customer e-mail", &a.customer_email)?,
        technical_name: technical(
            "--technical-name",
            "the technical contact's name",
            &a.technical_name,
            false,
        )?,
        technical_title: technical(
            "--technical-title",
            "the technical contact's title",
            &a.technical_title,
            false,
        )?,
        technical_email: technical(
            "--technical-email",
            "technical contact e-mail",
            &a.technical_email,
            true,
        )?,
        partner_contact: text(
            "--partner-contact",
            "the partner contact",
            &a.partner_contact,
        )?,
        partner_email: email("--partner-email", "partner e-mail", &a.partner_email)?,
        channel: optional_value("--channel", a.channel.as_deref(), str::parse::<Channel>)?,
        purchase_date: optional_value("--purchase-date", a.purchase_date.as_deref(), parse_date)?,
        comment: text("--comment", "the comment", &a.comment)?,
    })
}

/// What an edit did.
enum Outcome {
    Nothing(crate::model::Claim),
    Edited(crate::model::Claim, Vec<String>),
}

pub fn run(ctx: &Ctx, a: EditArgs) -> anyhow::Result<u8> {
    let reason = parse_text("the reason", &a.reason).map_err(|e| bad_value("--reason", e))?;
    let req = validate(&a)?;
    let bizapps_only = flags_where(&[
        ("--channel", a.channel.is_some()),
        ("--purchase-date", a.purchase_date.is_some()),
        ("--technical-name", a.technical_name.is_some()),
        ("--technical-title", a.technical_title.is_some()),
        ("--technical-email", a.technical_email.is_some()),
    ]);
    let given = flags_where(&[
        ("--name", a.name.is_some()),
        ("--domain", a.domain.is_some()),
        ("--customer-name", a.customer_name.is_some()),
        ("--customer-title", a.customer_title.is_some()),
        ("--customer-email", a.customer_email.is_some()),
        ("--partner-contact", a.partner_contact.is_some()),
        ("--partner-email", a.partner_email.is_some()),
        ("--comment", a.comment.is_some()),
    ]);
    if given.is_empty() && bizapps_only.is_empty() {
        return Err(CporError::usage("nothing-to-edit", "no field to change was given")
            .hint("name the fields to correct, e.g. --customer-email ann@contoso.com; see `cpor edit --help`")
            .into());
    }
    // Without a database there is no claim to edit, and asking must not create one.
    if !ctx.db_exists()? {
        return Err(super::show::claim_not_found(a.id).into());
    }
    let mut db = ctx.db()?;
    let decide = |tx: &mut dyn Txn, write: bool| -> anyhow::Result<(Outcome, Zones)> {
        let claim = tx
            .claim(a.id)?
            .ok_or_else(|| super::show::claim_not_found(a.id))?;
        if !claim.program.is_bizapps() && !bizapps_only.is_empty() {
            return Err(CporError::usage(
                "not-for-program",
                format!(
                    "{} only apply to Business Applications claims; claim {} is {}",
                    bizapps_only.join(", "),
                    claim.id,
                    claim.program
                ),
            )
            .hint("remove them")
            .into());
        }
        let zones = super::zones_in(tx, std::slice::from_ref(&claim))?;
        let tz = zones
            .get(&claim.calendar)
            .copied()
            .unwrap_or(chrono_tz::UTC);
        let domain_pin = match &req.domain {
            Some(d) if *d != claim.domain => tx.pin(PinKind::Domain, d)?,
            _ => None,
        };
        let facts = EditFacts {
            domain_pin,
            filing_date: claim.filed_at.with_timezone(&tz).date_naive(),
        };
        let decision = decide_edit(&claim, &req, &facts)
            .map_err(|v| anyhow::Error::from(CporError::refused(v)))?;
        if decision.changes.is_empty() {
            return Ok((Outcome::Nothing(claim), zones));
        }
        let fields: Vec<String> = decision.changes.keys().cloned().collect();
        if write {
            if decision.pin_domain {
                tx.add_pin(
                    &PinLogEntry {
                        at: ctx.now,
                        actor: ctx.actor.clone(),
                        action: PinAction::Pin,
                        kind: PinKind::Domain,
                        value: decision.claim.domain.clone(),
                        tenant_id: claim.tenant_id.clone(),
                        reason: Some(format!("named by claim {} (edit: {reason})", claim.id)),
                    },
                    claim.id,
                )?;
            }
            tx.record_edit(
                &decision.claim,
                &HistoryEvent {
                    at: ctx.now,
                    actor: ctx.actor.clone(),
                    action: Action::Edited,
                    from: Some(claim.status),
                    to: claim.status,
                    reason: Some(reason.clone()),
                    changes: Some(decision.changes),
                    poe: None,
                    prev_hash: None,
                    hash: None,
                },
            )?;
            let stored = tx.claim(claim.id)?.expect("the claim was just edited");
            return Ok((Outcome::Edited(stored, fields), zones));
        }
        Ok((Outcome::Edited(decision.claim, fields), zones))
    };
    let (outcome, zones) = if a.dry_run {
        storage::read(db.as_mut(), |tx| decide(tx, false))?
    } else {
        storage::write(db.as_mut(), |tx| decide(tx, true))?
    };
    let claim = match outcome {
        Outcome::Nothing(c) => {
            ctx.note(format!(
                "claim {}: the values given are the ones it has; nothing changed, nothing recorded",
                c.id
            ));
            c
        }
        Outcome::Edited(c, fields) => {
            if a.dry_run {
                ctx.note(format!(
                    "would change claim {}: {}",
                    c.id,
                    fields.join(", ")
                ));
                ctx.note("dry run: nothing was written");
            } else {
                ctx.note(format!("edited claim {}: {}", c.id, fields.join(", ")));
            }
            c
        }
    };
    emit_claims([&claim], ctx.format, &ctx.style, &zones)?;
    Ok(0)
}
