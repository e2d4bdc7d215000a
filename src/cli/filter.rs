//! The claim filter flags (`FilterArgs`) shared by `list` and `export`, checked the same way.

use super::{Ctx, bad_value, optional_value};
use crate::model::{Program, Status, parse_date, parse_instant};
use crate::rules::format::{parse_domain, parse_guid, parse_partner_id};
use crate::storage::{ClaimFilter, ClaimSort};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};

/// Which claims, in which order.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only claims with this status (repeatable)
    #[arg(long, value_name = "STATUS", value_parser = super::keys::<Status>(), ignore_case = true)]
    pub status: Vec<String>,
    /// Only claims in this program
    #[arg(long, value_parser = super::keys::<Program>(), ignore_case = true)]
    pub program: Option<String>,
    /// Only claims of this PartnerID
    #[arg(long, value_name = "ID")]
    pub partner_id: Option<String>,
    /// Only claims on this tenant
    #[arg(long, value_name = "GUID")]
    pub tenant: Option<String>,
    /// Only claims naming this domain
    #[arg(long)]
    pub domain: Option<String>,
    /// Only claims on this workload or product
    #[arg(long, value_name = "KEY")]
    pub workload: Option<String>,
    /// Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning
    /// its midnight UTC)
    #[arg(long, value_name = "TIME")]
    pub due_before: Option<String>,
    /// Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID
    #[arg(long, value_enum, ignore_case = true, default_value_t = SortKey::Filed)]
    pub sort: SortKey,
    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Filed,
    Deadline,
}

fn parse_due(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = parse_date(s) {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    parse_instant(s)
        .map_err(|_| format!("'{s}' is neither a date (YYYY-MM-DD) nor an RFC 3339 instant"))
}

impl FilterArgs {
    /// The storage filter the flags describe, every value checked; no limit.
    pub fn filter(&self, ctx: &Ctx) -> anyhow::Result<ClaimFilter> {
        Ok(ClaimFilter {
            statuses: self
                .status
                .iter()
                .map(|s| s.parse::<Status>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| bad_value("--status", e))?,
            program: optional_value("--program", self.program.as_deref(), str::parse::<Program>)?,
            partner_id: optional_value(
                "--partner-id",
                self.partner_id.as_deref(),
                parse_partner_id,
            )?,
            tenant: optional_value("--tenant", self.tenant.as_deref(), |t| {
                parse_guid("tenant ID", t)
            })?,
            domain: optional_value("--domain", self.domain.as_deref(), parse_domain)?,
            workload: self
                .workload
                .as_deref()
                .map(|w| super::unit::known_workload(ctx, "--workload", w, None))
                .transpose()?,
            due_before: optional_value("--due-before", self.due_before.as_deref(), parse_due)?,
            sort: match self.sort {
                SortKey::Filed => ClaimSort::Filed,
                SortKey::Deadline => ClaimSort::Deadline,
            },
            reverse: self.reverse,
            limit: None,
        })
    }
}
