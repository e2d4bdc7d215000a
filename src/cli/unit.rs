//! The unit part of a request (`UnitArgs`): who claims which tenant's workload or subscription
//! in which program. Shared by `claim` and `troubleshoot`'s hypothetical claim, so both accept
//! and refuse exactly the same input.

use super::{Ctx, bad_value, optional_value};
use crate::error::CporError;
use crate::model::{Channel, Program};
use crate::rules::format::{parse_domain, parse_guid, parse_partner_id};
use clap::Args;

/// The flags that name the partner and the unit.
#[derive(Debug, Args, Default, Clone)]
pub struct UnitArgs {
    /// PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]
    #[arg(long, value_name = "ID")]
    pub partner_id: Option<String>,
    /// Customer tenant ID (a GUID)
    #[arg(long, value_name = "GUID")]
    pub tenant: Option<String>,
    /// One of the tenant's domains, e.g. contoso.com
    #[arg(long)]
    pub domain: Option<String>,
    /// Program
    #[arg(long, value_parser = super::keys::<Program>(), ignore_case = true)]
    pub program: Option<String>,
    /// Workload or product key (repeatable for claim; see `cpor catalog`)
    #[arg(long, value_name = "KEY")]
    pub workload: Vec<String>,
    /// Dynamics 365 subscription ID (Business Applications programs)
    #[arg(long, value_name = "GUID")]
    pub subscription: Option<String>,
    /// Purchase channel (Business Applications programs)
    #[arg(long, value_parser = super::keys::<Channel>(), ignore_case = true)]
    pub channel: Option<String>,
}

impl UnitArgs {
    /// Whether any unit flag was given.
    pub fn any(&self) -> bool {
        self.partner_id.is_some()
            || self.tenant.is_some()
            || self.domain.is_some()
            || self.program.is_some()
            || !self.workload.is_empty()
            || self.subscription.is_some()
            || self.channel.is_some()
    }
}

/// The unit part of a request, well-formed and canonical.
pub struct UnitInput {
    pub program: Program,
    pub workloads: Vec<String>,
    pub partner_id: String,
    pub tenant: String,
    pub domain: Option<String>,
    pub subscription: Option<String>,
    pub channel: Option<Channel>,
}

/// Check the format of the unit flags. The caller has made sure the required ones are given;
/// `bizapps_only` names the flags given that only Business Applications programs take.
pub fn parse_unit(
    ctx: &Ctx,
    a: &UnitArgs,
    bizapps_only: &[&'static str],
) -> anyhow::Result<UnitInput> {
    let required = |v: &Option<String>| v.clone().unwrap_or_default();
    let program: Program = required(&a.program)
        .parse()
        .map_err(|e| bad_value("--program", e))?;
    let mut workloads: Vec<String> = Vec::new();
    for w in &a.workload {
        let key = known_workload(ctx, "--workload", w, Some(program))?;
        if workloads.contains(&key) {
            return Err(bad_value(
                "--workload",
                format!("workload '{key}' is given twice"),
            ));
        }
        workloads.push(key);
    }
    if program.is_bizapps() && workloads.len() > 1 {
        return Err(CporError::usage(
            "one-product",
            format!(
                "{program} claims take exactly one workload (product), got {}: {}",
                workloads.len(),
                workloads.join(", ")
            ),
        )
        .hint("file one claim per Dynamics 365 subscription and product")
        .into());
    }
    if !program.is_bizapps() && !bizapps_only.is_empty() {
        return Err(CporError::usage(
            "not-for-program",
            format!(
                "{} only apply to Business Applications programs (osa-sell, osu-bizapps), not {program}",
                bizapps_only.join(", ")
            ),
        )
        .hint("remove them, or pick the program the claim is for")
        .into());
    }
    Ok(UnitInput {
        program,
        workloads,
        partner_id: parse_partner_id(&required(&a.partner_id))
            .map_err(|e| bad_value("--partner-id", e))?,
        tenant: parse_guid("tenant ID", &required(&a.tenant))
            .map_err(|e| bad_value("--tenant", e))?,
        domain: optional_value("--domain", a.domain.as_deref(), parse_domain)?,
        subscription: optional_value("--subscription", a.subscription.as_deref(), |s| {
            parse_guid("subscription ID", s)
        })?,
        channel: optional_value("--channel", a.channel.as_deref(), str::parse::<Channel>)?,
    })
}

/// A workload key the catalog knows, in canonical form. An unknown key is a usage error
/// wherever a workload is given, so a typo is never an empty result or "nothing to do".
/// `program` narrows the hint to the keys that program accepts.
pub fn known_workload(
    ctx: &Ctx,
    flag: &str,
    w: &str,
    program: Option<Program>,
) -> anyhow::Result<String> {
    let key = w.trim().to_ascii_lowercase();
    if ctx.catalog.knows(&key) {
        return Ok(key);
    }
    let hint = match program {
        Some(p) => format!(
            "{p} accepts: {} (see `cpor catalog`)",
            ctx.catalog
                .workloads(p)
                .iter()
                .map(|w| w.key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => {
            let mut keys: Vec<&str> = ctx
                .catalog
                .programs()
                .flat_map(|(_, ws)| ws.iter().map(|w| w.key.as_str()))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            format!("known workloads: {} (see `cpor catalog`)", keys.join(", "))
        }
    };
    Err(CporError::usage(
        "unknown-workload",
        format!("unknown workload '{w}' for {flag}: no program in the catalog has it"),
    )
    .hint(hint)
    .into())
}
