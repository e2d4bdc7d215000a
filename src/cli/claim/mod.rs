//! `cpor claim`: file one claim per workload, all or nothing.

mod wizard;

use super::prompt::Prompter;
use super::unit::{UnitArgs, UnitInput, parse_unit};
use super::{Ctx, bad_value, flags_where, optional_value};
use crate::error::CporError;
use crate::model::{
    Channel, Claim, Contact, NewClaim, PartnerContact, Poe, Program, parse_date, parse_instant,
};
use crate::output::{Zones, emit_claims, in_zone};
use crate::poe_file::{self, PoeFileError};
use crate::rules::Violation;
use crate::rules::calendar::{Calendar, opt_out_deadline};
use crate::rules::eligibility::{
    FilingDetails, PartialContact, StoredFacts, UnitRequest, check_filing, check_unit,
};
use crate::rules::format::{check_notified_at, parse_comment, parse_email, parse_text};
use crate::storage::{self, Txn};
use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;

/// File a claim: associate a customer's tenant and workload (or subscription) with a PartnerID.
///
/// One claim is filed per --workload, all or nothing: if any rule refuses any of them, nothing
/// is written and every failing rule is listed (exit 3). Business Applications programs
/// (osa-sell, osu-bizapps) take exactly one workload, a --subscription, a --channel and the
/// customer's technical contact. The customer then has five business days to opt out.
///
/// Examples:
///   cpor claim --partner-id 4123456 --program osu-m365 --workload teams --workload exchange \
///     --tenant 0f8fad5b-d9cb-469f-a165-70867728950e --domain contoso.com \
///     --customer-name "Ann Lee" --customer-title CIO --customer-email ann@contoso.com \
///     --partner-contact "Pat Kim" --partner-email pat@fabrikam.com \
///     --poe ./sow-signed.pdf --poe-signed 2025-05-20
///   cpor claim ... --program osa-sell --workload d365-sales --subscription <GUID> \
///     --channel vl --purchase-date 2025-04-01 --technical-name ... --dry-run
#[derive(Debug, Args, Default)]
#[command(verbatim_doc_comment)]
pub struct ClaimArgs {
    #[command(flatten)]
    pub unit: UnitArgs,
    /// Customer contact's name
    #[arg(long, value_name = "NAME")]
    pub customer_name: Option<String>,
    /// Customer contact's title
    #[arg(long, value_name = "TITLE")]
    pub customer_title: Option<String>,
    /// Customer contact's e-mail
    #[arg(long, value_name = "EMAIL")]
    pub customer_email: Option<String>,
    /// Customer technical contact's name (Business Applications programs)
    #[arg(long, value_name = "NAME")]
    pub technical_name: Option<String>,
    /// Customer technical contact's title (Business Applications programs)
    #[arg(long, value_name = "TITLE")]
    pub technical_title: Option<String>,
    /// Customer technical contact's e-mail (Business Applications programs)
    #[arg(long, value_name = "EMAIL")]
    pub technical_email: Option<String>,
    /// Partner contact's name [config: defaults.partner_contact]
    #[arg(long, value_name = "NAME")]
    pub partner_contact: Option<String>,
    /// Partner contact's e-mail [config: defaults.partner_email]
    #[arg(long, value_name = "EMAIL")]
    pub partner_email: Option<String>,
    /// Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL
    #[arg(long, value_name = "PATH|URL")]
    pub poe: Option<String>,
    /// Date the customer signed the proof of execution (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub poe_signed: Option<String>,
    /// Date of purchase (YYYY-MM-DD; required for osa-sell)
    #[arg(long, value_name = "DATE")]
    pub purchase_date: Option<String>,
    /// A name for the claim [default: "<domain> <workload>"]
    #[arg(long)]
    pub name: Option<String>,
    /// When the customer was notified (RFC 3339) [default: now]
    #[arg(long, value_name = "RFC3339")]
    pub notified_at: Option<String>,
    /// Business-day calendar for the opt-out window [config: calendar; default: default]
    #[arg(long, value_name = "NAME")]
    pub calendar: Option<String>,
    /// A comment, recorded with the claim and its `filed` history event
    #[arg(long)]
    pub comment: Option<String>,
    /// Check everything and show what would be filed, without writing
    #[arg(long)]
    pub dry_run: bool,
}

/// A validated request: every value well-formed, nothing checked against stored state yet.
pub(crate) struct Request {
    pub partner_id: String,
    pub tenant: String,
    pub domain: String,
    pub program: Program,
    pub workloads: Vec<String>,
    pub subscription: Option<String>,
    pub channel: Option<Channel>,
    pub customer: Contact,
    pub technical: PartialContact,
    pub partner_contact: PartnerContact,
    pub poe_location: String,
    pub poe_file: Option<(u64, String)>,
    pub poe_signed: NaiveDate,
    pub purchase_date: Option<NaiveDate>,
    pub name: Option<String>,
    pub notified_at: Option<DateTime<Utc>>,
    pub calendar: String,
    pub comment: Option<String>,
}

/// The flags a claim cannot be filed without, each with its value (after config defaults).
fn missing_flags(a: &ClaimArgs) -> Vec<&'static str> {
    flags_where(&[
        ("--partner-id", a.unit.partner_id.is_none()),
        ("--tenant", a.unit.tenant.is_none()),
        ("--domain", a.unit.domain.is_none()),
        ("--program", a.unit.program.is_none()),
        ("--workload", a.unit.workload.is_empty()),
        ("--customer-name", a.customer_name.is_none()),
        ("--customer-title", a.customer_title.is_none()),
        ("--customer-email", a.customer_email.is_none()),
        ("--partner-contact", a.partner_contact.is_none()),
        ("--partner-email", a.partner_email.is_none()),
        ("--poe", a.poe.is_none()),
        ("--poe-signed", a.poe_signed.is_none()),
    ])
}

/// Fill the partner-side values the config file gives defaults for (`[defaults]`), where the
/// request leaves them out.
pub(crate) fn fill_defaults(ctx: &Ctx, args: &mut ClaimArgs) {
    let d = &ctx.config.defaults;
    if args.unit.partner_id.is_none() {
        args.unit.partner_id = d.partner_id.clone();
    }
    if args.partner_contact.is_none() {
        args.partner_contact = d.partner_contact.clone();
    }
    if args.partner_email.is_none() {
        args.partner_email = d.partner_email.clone();
    }
}

/// Turn a set of claim flags (defaults already filled) into a validated [`Request`]: every
/// required value present, every value well-formed. `claim` and `import` both come through
/// here, so a row is accepted or refused exactly as the same flags would be.
pub(crate) fn request(ctx: &Ctx, args: &ClaimArgs) -> anyhow::Result<Request> {
    let missing = missing_flags(args);
    if !missing.is_empty() {
        return Err(CporError::usage(
            "missing-input",
            format!("missing required values: {}", missing.join(", ")),
        )
        .hint("pass them as flags; cpor asks for them only on a terminal without --no-input")
        .hint("defaults for --partner-id, --partner-contact and --partner-email can be set in the config file")
        .into());
    }
    validate(ctx, args)
}

pub fn run(ctx: &Ctx, mut args: ClaimArgs) -> anyhow::Result<u8> {
    fill_defaults(ctx, &mut args);
    let mut prompter = ctx.interactive.then(|| Prompter::new(ctx));
    if let Some(p) = prompter.as_mut()
        && !missing_flags(&args).is_empty()
    {
        // Known PartnerIDs offer a default; a database is not created just to ask.
        let known: Vec<String> = if ctx.db_exists()? {
            storage::read(ctx.db()?.as_mut(), |tx| Ok(tx.partners()?))?
                .into_iter()
                .map(|p| p.partner_id)
                .collect()
        } else {
            Vec::new()
        };
        wizard::fill_claim(p, ctx, &mut args, &known)?;
    }
    let req = request(ctx, &args)?;
    let mut enrol = None;
    if let Some(p) = prompter.as_mut() {
        if !args.dry_run {
            enrol = offer_enrolment(ctx, p, &req)?;
        }
        if p.asked {
            eprintln!("{}", summary(ctx, &req));
            let question = format!(
                "{} {} claim{}?",
                if args.dry_run { "Check" } else { "File" },
                req.workloads.len(),
                if req.workloads.len() == 1 { "" } else { "s" }
            );
            if !ctx.yes && !p.confirm(&question, true)? {
                return Err(CporError::cancelled("claim not filed; nothing was written").into());
            }
        }
    }
    file(ctx, &req, args.dry_run, enrol.as_ref())
}

/// Enrol the PartnerID in the claim's program together with the claim (interactive only).
struct Enrolment {
    /// The name for a PartnerID cpor does not know yet.
    name: Option<String>,
}

fn offer_enrolment(
    ctx: &Ctx,
    p: &mut Prompter,
    req: &Request,
) -> anyhow::Result<Option<Enrolment>> {
    // Asking must not create a database: without one, the PartnerID is simply unknown.
    let partner = if ctx.db_exists()? {
        storage::read(ctx.db()?.as_mut(), |tx| Ok(tx.partner(&req.partner_id)?))?
    } else {
        None
    };
    let (question, needs_name) = match &partner {
        Some(pt) if pt.programs.contains(&req.program) => return Ok(None),
        Some(pt) => (
            format!(
                "PartnerID {} ({}) is not enrolled in {}. Enrol it now?",
                pt.partner_id, pt.name, req.program
            ),
            false,
        ),
        None => (
            format!(
                "PartnerID {} is not known to cpor. Add it and enrol it in {}?",
                req.partner_id, req.program
            ),
            true,
        ),
    };
    if !p.confirm(&question, true)? {
        // Filing goes ahead and is refused with partner-not-enrolled, which says how to enrol.
        return Ok(None);
    }
    let name = if needs_name {
        Some(p.text("Name of the partner location", None, |s| {
            parse_text("the name", s)
        })?)
    } else {
        None
    };
    Ok(Some(Enrolment { name }))
}

/// The values about to be filed, for the confirmation on the terminal.
fn summary(ctx: &Ctx, req: &Request) -> String {
    let mut t = ctx.style.table();
    // The summary goes to stderr; size it for that terminal.
    t.use_stderr();
    t.set_header(["claim", ""]);
    let mut row = |k: &str, v: String| {
        t.add_row(vec![k.to_string(), v]);
    };
    row("PartnerID", req.partner_id.clone());
    row(
        "program",
        format!("{} ({})", req.program, req.program.title()),
    );
    row("workloads", req.workloads.join(", "));
    row("tenant", req.tenant.clone());
    row("domain", req.domain.clone());
    if let Some(s) = &req.subscription {
        row("subscription", s.clone());
    }
    if let Some(c) = req.channel {
        row("channel", c.as_str().into());
    }
    row(
        "customer",
        format!(
            "{}, {} <{}>",
            req.customer.name, req.customer.title, req.customer.email
        ),
    );
    if let (Some(n), Some(ti), Some(e)) = (
        &req.technical.name,
        &req.technical.title,
        &req.technical.email,
    ) {
        row("technical", format!("{n}, {ti} <{e}>"));
    }
    row(
        "partner contact",
        format!(
            "{} <{}>",
            req.partner_contact.name, req.partner_contact.email
        ),
    );
    row(
        "PoE",
        format!("{} (signed {})", req.poe_location, req.poe_signed),
    );
    if let Some(d) = req.purchase_date {
        row("purchase date", d.to_string());
    }
    row("calendar", req.calendar.clone());
    t.to_string()
}

fn required(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or_default()
}

/// A PoE value that cannot be recorded, as a usage error naming the fix.
pub(crate) fn poe_error(e: PoeFileError) -> anyhow::Error {
    match e {
        PoeFileError::Empty => bad_value("--poe", e.to_string()),
        PoeFileError::BadUrl { .. } => CporError::usage("poe-url", e.to_string())
            .hint("fix --poe: give the full URL of the signed proof of execution, e.g. https://contoso.sharepoint.com/sow.pdf")
            .into(),
        PoeFileError::Unusable { .. } | PoeFileError::NotAFile { .. } => {
            CporError::usage("poe-file", e.to_string())
                .hint("give the path of the signed proof of execution, or an https:// URL to it")
                .into()
        }
        PoeFileError::Unreadable { .. } => anyhow::Error::new(e),
    }
}

/// Check every value's format and resolve the PoE file. Nothing is read from the database.
fn validate(ctx: &Ctx, a: &ClaimArgs) -> anyhow::Result<Request> {
    let bizapps_only = flags_where(&[
        ("--subscription", a.unit.subscription.is_some()),
        ("--channel", a.unit.channel.is_some()),
        ("--purchase-date", a.purchase_date.is_some()),
        ("--technical-name", a.technical_name.is_some()),
        ("--technical-title", a.technical_title.is_some()),
        ("--technical-email", a.technical_email.is_some()),
    ]);
    let unit = parse_unit(ctx, &a.unit, &bizapps_only)?;
    let UnitInput {
        program,
        workloads,
        partner_id,
        tenant,
        domain,
        subscription,
        channel,
    } = unit;
    let domain = domain.expect("a claim always names its domain");
    let text = |flag: &str, what: &str, v: &Option<String>| {
        parse_text(what, required(v)).map_err(|e| bad_value(flag, e))
    };
    let customer = Contact {
        name: text("--customer-name", "the customer name", &a.customer_name)?,
        title: text("--customer-title", "the customer title", &a.customer_title)?,
        email: parse_email("customer e-mail", required(&a.customer_email))
            .map_err(|e| bad_value("--customer-email", e))?,
    };
    let opt_text = |flag: &str, what: &str, v: &Option<String>| {
        optional_value(flag, v.as_deref(), |s| parse_text(what, s))
    };
    let technical = PartialContact {
        name: opt_text(
            "--technical-name",
            "the technical contact's name",
            &a.technical_name,
        )?,
        title: opt_text(
            "--technical-title",
            "the technical contact's title",
            &a.technical_title,
        )?,
        email: optional_value("--technical-email", a.technical_email.as_deref(), |e| {
            parse_email("technical contact e-mail", e)
        })?,
    };
    let partner_contact = PartnerContact {
        name: text(
            "--partner-contact",
            "the partner contact",
            &a.partner_contact,
        )?,
        email: parse_email("partner e-mail", required(&a.partner_email))
            .map_err(|e| bad_value("--partner-email", e))?,
    };
    let poe_signed =
        parse_date(required(&a.poe_signed)).map_err(|e| bad_value("--poe-signed", e))?;
    let purchase_date = optional_value("--purchase-date", a.purchase_date.as_deref(), parse_date)?;
    let notified_at = optional_value("--notified-at", a.notified_at.as_deref(), parse_instant)?;
    if let Some(n) = notified_at {
        check_notified_at(
            n,
            ctx.now,
            poe_signed,
            ctx.config.max_notified_backdate_days.unwrap_or(30),
        )
        .map_err(|e| bad_value("--notified-at", e))?;
    }
    let poe = poe_file::resolve(required(&a.poe)).map_err(poe_error)?;
    let (poe_location, poe_file) = (poe.location, poe.file);
    let calendar = a
        .calendar
        .clone()
        .unwrap_or_else(|| ctx.default_calendar.clone());
    Ok(Request {
        partner_id,
        tenant,
        domain,
        program,
        workloads,
        subscription,
        channel,
        customer,
        technical,
        partner_contact,
        poe_location,
        poe_file,
        poe_signed,
        purchase_date,
        name: opt_text("--name", "the claim name", &a.name)?,
        notified_at,
        calendar,
        comment: optional_value("--comment", a.comment.as_deref(), |s| {
            parse_comment("--comment", s)
        })?,
    })
}

/// The calendar `name`, read in the caller's transaction, or the built-in default when there is
/// no database yet (`None`).
pub(crate) fn request_calendar(tx: Option<&mut dyn Txn>, name: &str) -> anyhow::Result<Calendar> {
    let calendar = match tx {
        Some(tx) => tx.calendar(name)?,
        None => Some(Calendar::builtin_default()).filter(|c| c.name == name),
    };
    calendar.ok_or_else(|| {
        CporError::not_found(
            "calendar-not-found",
            format!("there is no calendar named '{name}'"),
        )
        .hint("list calendars with `cpor calendar show`, or create it with `cpor calendar set NAME --tz ZONE`")
        .into()
    })
}

/// Every check of a real filing, in the caller's transaction, or against the empty state of a
/// database that does not exist yet (`None`); returns the claims to file, or the refusal naming
/// every rule that failed. `calendar` is the one `req` names ([`request_calendar`]).
pub(crate) fn check_request(
    ctx: &Ctx,
    mut tx: Option<&mut dyn Txn>,
    req: &Request,
    calendar: &Calendar,
) -> anyhow::Result<Vec<NewClaim>> {
    // Filing dates are dates in the claim calendar's zone.
    let (filing_violations, warnings) = check_filing(&FilingDetails {
        program: req.program,
        technical: req.technical.clone(),
        poe_signed: req.poe_signed,
        purchase_date: req.purchase_date,
        filing_date: ctx.now.with_timezone(&calendar.tz).date_naive(),
    });
    let claims = build_claims(ctx, req, calendar, warnings)?;
    let mut violations: Vec<Violation> = Vec::new();
    for c in &claims {
        let unit_req = UnitRequest {
            partner_id: &c.partner_id,
            program: c.program,
            workload: &c.workload,
            tenant: &c.tenant_id,
            domain: Some(&c.domain),
            subscription: c.subscription_id.as_deref(),
            channel: c.channel,
        };
        let facts = match tx.as_deref_mut() {
            Some(tx) => tx.unit_facts(&unit_req)?,
            None => StoredFacts::default(),
        };
        for v in check_unit(&unit_req, &facts, &ctx.catalog) {
            if !violations.contains(&v) {
                violations.push(v);
            }
        }
    }
    violations.extend(filing_violations);
    if !violations.is_empty() {
        return Err(CporError::refused(violations).into());
    }
    Ok(claims)
}

/// Check `req` against the state in `tx` and file its claims there; nothing is written when a
/// rule refuses it. The one way claims are filed (`claim`, `import`).
pub(crate) fn file_request(
    ctx: &Ctx,
    tx: &mut dyn Txn,
    req: &Request,
    calendar: &Calendar,
) -> anyhow::Result<Vec<Claim>> {
    let claims = check_request(ctx, Some(&mut *tx), req, calendar)?;
    let mut filed = Vec::with_capacity(claims.len());
    for c in claims {
        let id = tx.insert_claim(&c)?;
        filed.push(c.saved(id));
    }
    Ok(filed)
}

fn file(ctx: &Ctx, req: &Request, dry_run: bool, enrol: Option<&Enrolment>) -> anyhow::Result<u8> {
    // A request that ends up writing nothing never creates the database: without one, no
    // PartnerID is enrolled, so the rules refuse it against the empty state.
    if enrol.is_none() && !ctx.db_exists()? {
        let calendar = request_calendar(None, &req.calendar)?;
        let claims = check_request(ctx, None, req, &calendar)?;
        if dry_run {
            return report(ctx, &Filing::DryRun(claims), &calendar);
        }
    }
    if dry_run {
        let mut db = ctx.db_existing()?;
        let (claims, calendar) = storage::read(db.as_mut(), |tx| {
            let calendar = request_calendar(Some(&mut *tx), &req.calendar)?;
            Ok((check_request(ctx, Some(tx), req, &calendar)?, calendar))
        })?;
        return report(ctx, &Filing::DryRun(claims), &calendar);
    }
    let mut db = ctx.db()?;
    let (claims, calendar) = storage::write(db.as_mut(), |tx| {
        let calendar = request_calendar(Some(&mut *tx), &req.calendar)?;
        if let Some(e) = enrol {
            tx.enrol(&req.partner_id, e.name.as_deref(), &[req.program], ctx.now)?;
        }
        Ok((file_request(ctx, tx, req, &calendar)?, calendar))
    })?;
    report(ctx, &Filing::Filed(claims), &calendar)
}

/// What `claim` reports: the claims it filed, or those a dry run would file.
enum Filing {
    Filed(Vec<Claim>),
    DryRun(Vec<NewClaim>),
}

/// The claims a request files, one per workload, with their deadline and `warnings`: not yet
/// saved, so without an ID.
fn build_claims(
    ctx: &Ctx,
    req: &Request,
    calendar: &Calendar,
    warnings: Vec<crate::model::Warning>,
) -> anyhow::Result<Vec<NewClaim>> {
    let notified_at = req.notified_at.unwrap_or(ctx.now);
    let deadline = opt_out_deadline(calendar, notified_at, ctx.business_days).map_err(|e| {
        CporError::usage("calendar", format!("calendar '{}': {e}", calendar.name))
            .hint(format!("fix it with `cpor calendar set {}`", calendar.name))
    })?;
    let technical = match (
        &req.technical.name,
        &req.technical.title,
        &req.technical.email,
    ) {
        (Some(name), Some(title), Some(email)) => Some(Contact {
            name: name.clone(),
            title: title.clone(),
            email: email.clone(),
        }),
        _ => None,
    };
    Ok(req
        .workloads
        .iter()
        .map(|w| NewClaim {
            name: req
                .name
                .clone()
                .unwrap_or_else(|| format!("{} {w}", req.domain)),
            program: req.program,
            partner_id: req.partner_id.clone(),
            tenant_id: req.tenant.clone(),
            domain: req.domain.clone(),
            workload: w.clone(),
            subscription_id: req.subscription.clone(),
            channel: req.channel,
            filed_at: ctx.now,
            filed_by: ctx.actor.clone(),
            notified_at,
            deadline: deadline.instant,
            deadline_day: deadline.day,
            calendar: calendar.name.clone(),
            customer: req.customer.clone(),
            technical: technical.clone(),
            partner_contact: req.partner_contact.clone(),
            poe: Poe {
                location: req.poe_location.clone(),
                sha256: req.poe_file.as_ref().map(|(_, h)| h.clone()),
                size: req.poe_file.as_ref().map(|(s, _)| *s),
                signed_on: req.poe_signed,
            },
            purchase_date: req.purchase_date,
            comment: req.comment.clone(),
            warnings: warnings.clone(),
        })
        .collect())
}

fn report(ctx: &Ctx, filing: &Filing, calendar: &Calendar) -> anyhow::Result<u8> {
    let mut zones = Zones::new();
    zones.insert(calendar.name.clone(), calendar.tz);
    // What each claim is called on stderr, and its deadline and warnings.
    let lines: Vec<(String, DateTime<Utc>, NaiveDate, &[crate::model::Warning])> = match filing {
        Filing::Filed(claims) => claims
            .iter()
            .map(|c| {
                (
                    format!("filed claim {} ({} {})", c.id, c.program, c.workload),
                    c.deadline,
                    c.deadline_day,
                    c.warnings.as_slice(),
                )
            })
            .collect(),
        Filing::DryRun(claims) => claims
            .iter()
            .map(|c| {
                (
                    format!("would file {} claim for {}", c.program, c.workload),
                    c.deadline,
                    c.deadline_day,
                    c.warnings.as_slice(),
                )
            })
            .collect(),
    };
    for (what, deadline, day, warnings) in lines {
        ctx.note(format!(
            "{what}: the customer may opt out until {} (deadline day {day}, calendar {})",
            in_zone(deadline, calendar.tz),
            calendar.name
        ));
        for w in warnings {
            ctx.warn(format!("{}: {}", w.code, w.message));
        }
    }
    match filing {
        Filing::Filed(claims) => emit_claims(claims, ctx.format, &ctx.style, &zones)?,
        Filing::DryRun(claims) => {
            ctx.note("dry run: nothing was written");
            // A claim that was not filed has no ID yet: null in JSON, empty in CSV, `new` in
            // tables.
            let preview: Vec<Claim> = claims.iter().cloned().map(NewClaim::preview).collect();
            emit_claims(&preview, ctx.format, &ctx.style, &zones)?;
        }
    }
    Ok(0)
}
