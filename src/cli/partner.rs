//! `cpor partner add|list|remove`: PartnerIDs and their program enrolments.

use super::{Ctx, bad_value, optional_value};
use crate::error::CporError;
use crate::model::{Partner, Program};
use crate::output::{Format, csv_safe, emit, emit_json, text_cell};
use crate::rules::format::{parse_partner_id, parse_text};
use crate::storage;
use clap::{Args, Subcommand};
use comfy_table::Cell;

/// Manage PartnerIDs and the programs they are enrolled in.
///
/// A claim is refused with partner-not-enrolled unless its PartnerID is enrolled in the program.
///
/// Examples:
///   cpor partner add 4123456 --name "Fabrikam (Seattle)" --program osu-m365
///   cpor partner list --json
///   cpor partner remove 4123456 --program osa-sell
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum PartnerCommand {
    Add(AddArgs),
    List(ListArgs),
    Remove(RemoveArgs),
}

/// Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).
///
/// Examples:
///   cpor partner add 4123456 --name "Fabrikam (Seattle)" --program osu-m365 --program osa-sell
///   cpor partner add 4123456 --program osu-bizapps
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct AddArgs {
    /// PartnerID (formerly MPN ID) of a partner location
    pub partner_id: String,
    /// The location's name (required for a new PartnerID; renames an existing one)
    #[arg(long)]
    pub name: Option<String>,
    /// Program to enrol in (repeatable)
    #[arg(long, required = true, value_name = "PROGRAM", value_parser = super::keys::<Program>(), ignore_case = true)]
    pub program: Vec<String>,
}

/// List PartnerIDs and their programs.
///
/// Examples:
///   cpor partner list
///   cpor partner list --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ListArgs {}

/// Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.
///
/// Examples:
///   cpor partner remove 4123456 --program osa-sell
///   cpor partner remove 4123456
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RemoveArgs {
    /// PartnerID
    pub partner_id: String,
    /// Program to unenrol from (repeatable); without it the PartnerID is removed
    #[arg(long, value_name = "PROGRAM", value_parser = super::keys::<Program>(), ignore_case = true)]
    pub program: Vec<String>,
}

pub fn run(ctx: &Ctx, cmd: PartnerCommand) -> anyhow::Result<u8> {
    match cmd {
        PartnerCommand::Add(a) => add(ctx, a),
        PartnerCommand::List(_) => list(ctx),
        PartnerCommand::Remove(a) => remove(ctx, a),
    }
}

fn programs(values: &[String]) -> anyhow::Result<Vec<Program>> {
    values
        .iter()
        .map(|p| p.parse::<Program>().map_err(|e| bad_value("--program", e)))
        .collect()
}

fn partner_not_found(id: &str) -> CporError {
    CporError::not_found("partner-not-found", format!("there is no PartnerID {id}"))
        .hint("see the known PartnerIDs with `cpor partner list`")
}

fn add(ctx: &Ctx, a: AddArgs) -> anyhow::Result<u8> {
    let id = parse_partner_id(&a.partner_id).map_err(|e| bad_value("PARTNER_ID", e))?;
    let name = optional_value("--name", a.name.as_deref(), |n| parse_text("--name", n))?;
    let programs = programs(&a.program)?;
    let mut db = ctx.db()?;
    let (outcome, partner) = storage::write(db.as_mut(), |tx| {
        if name.is_none() && tx.partner(&id)?.is_none() {
            return Err(CporError::usage(
                "missing-input",
                format!("PartnerID {id} is new, so it needs --name"),
            )
            .hint(format!(
                "cpor partner add {id} --name \"Location name\" --program ..."
            ))
            .into());
        }
        let outcome = tx.enrol(&id, name.as_deref(), &programs, ctx.now)?;
        let partner = tx.partner(&id)?.expect("partner was just written");
        Ok((outcome, partner))
    })?;
    let verb = if outcome.created { "added" } else { "updated" };
    let added = if outcome.added.is_empty() {
        "no new programs".to_string()
    } else {
        format!(
            "enrolled in {}",
            outcome
                .added
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    ctx.note(format!("{verb} PartnerID {id} ({}): {added}", partner.name));
    emit_partners(ctx, std::slice::from_ref(&partner), false)?;
    Ok(0)
}

fn list(ctx: &Ctx) -> anyhow::Result<u8> {
    let mut db = ctx.db_existing()?;
    let partners = storage::read(db.as_mut(), |tx| Ok(tx.partners()?))?;
    emit_partners(ctx, &partners, true)?;
    Ok(0)
}

fn emit_partners(ctx: &Ctx, partners: &[Partner], as_list: bool) -> anyhow::Result<()> {
    match ctx.format {
        Format::Json if as_list => emit_json(partners),
        Format::Json => emit_json(&partners[0]),
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["partner_id", "name", "programs"])?;
            for p in partners {
                let progs = p
                    .programs
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(";");
                out.write_record([
                    csv_safe(&p.partner_id).as_ref(),
                    csv_safe(&p.name).as_ref(),
                    &progs,
                ])?;
            }
            out.flush()
        }),
        Format::Table => {
            let mut t = ctx.style.table();
            t.set_header(["partner_id", "name", "programs"]);
            for p in partners {
                let progs = p
                    .programs
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                t.add_row(vec![
                    text_cell(&p.partner_id),
                    text_cell(&p.name),
                    Cell::new(progs),
                ]);
            }
            emit(|w| writeln!(w, "{t}"))
        }
    }
}

fn remove(ctx: &Ctx, a: RemoveArgs) -> anyhow::Result<u8> {
    let id = parse_partner_id(&a.partner_id).map_err(|e| bad_value("PARTNER_ID", e))?;
    let programs = programs(&a.program)?;
    let mut db = ctx.db_existing()?;
    let message = storage::write(db.as_mut(), |tx| {
        let Some(partner) = tx.partner(&id)? else {
            return Err(partner_not_found(&id).into());
        };
        if programs.is_empty() {
            tx.remove_partner(&id)?;
            return Ok(format!(
                "removed PartnerID {id} ({}); its claims are kept",
                partner.name
            ));
        }
        let removed = tx.unenrol(&id, &programs)?;
        let not_enrolled: Vec<&str> = programs
            .iter()
            .filter(|p| !removed.contains(p))
            .map(|p| p.as_str())
            .collect();
        let mut msg = if removed.is_empty() {
            format!("PartnerID {id} was not enrolled in any of those programs; nothing changed")
        } else {
            format!(
                "unenrolled PartnerID {id} from {}; its claims are kept",
                removed
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        if !removed.is_empty() && !not_enrolled.is_empty() {
            msg.push_str(&format!(
                " (it was not enrolled in {})",
                not_enrolled.join(", ")
            ));
        }
        Ok(msg)
    })?;
    ctx.note(message);
    Ok(0)
}
