//! Domain types shared by the layers: programs, statuses, claims, history events.
//!
//! These are plain values. `rules` decides with them, `storage` stores them and `output`
//! renders them; none of them knows about SQL or command-line parsing.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{IntoStaticStr, VariantArray};

/// The rest of an enum's text API, from its one name table: the strum derives
/// (`IntoStaticStr` + `VariantArray`, kebab-case). serde goes through it too (`into`/`try_from`),
/// so the key users type, the key JSON and the database carry, and the error listing the valid
/// keys cannot disagree.
macro_rules! named_enum {
    ($ty:ty, $what:literal) => {
        impl $ty {
            /// The stable key users type and JSON carries.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Case-insensitive, surrounding blanks ignored; the error lists the valid keys.
        impl FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_key(s, $what)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                s.parse()
            }
        }

        impl clap::ValueEnum for $ty {
            fn value_variants<'a>() -> &'a [Self] {
                Self::VARIANTS
            }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.as_str()))
            }
        }
    };
}

/// The variant of `T` whose key is `s`, or an error naming `what` and the valid keys.
fn parse_key<T>(s: &str, what: &str) -> Result<T, String>
where
    T: VariantArray + Copy + Into<&'static str>,
{
    let key = |v: &T| -> &'static str { (*v).into() };
    T::VARIANTS
        .iter()
        .find(|v| key(v).eq_ignore_ascii_case(s.trim()))
        .copied()
        .ok_or_else(|| {
            let keys: Vec<&str> = T::VARIANTS.iter().map(key).collect();
            format!("unknown {what} '{s}'; expected one of: {}", keys.join(", "))
        })
}

/// A CPOR incentive program.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    IntoStaticStr,
    VariantArray,
    Serialize,
    Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Program {
    OsaSell,
    OsuM365,
    OsuBizapps,
}
named_enum!(Program, "program");

impl Program {
    /// Every program, in the order they are listed to users.
    pub const ALL: &'static [Program] = Self::VARIANTS;

    /// The program's name as Partner Center shows it.
    pub fn title(self) -> &'static str {
        match self {
            Program::OsaSell => "OSA Sell",
            Program::OsuM365 => "OSU – Microsoft 365",
            Program::OsuBizapps => "OSU – Business Applications",
        }
    }

    /// The activity a claim in this program records.
    pub fn activity(self) -> Activity {
        match self {
            Program::OsaSell => Activity::Presales,
            Program::OsuM365 | Program::OsuBizapps => Activity::Usage,
        }
    }

    /// Business Applications programs associate a Dynamics 365 subscription, need a channel and
    /// a technical contact, and take exactly one product per claim.
    pub fn is_bizapps(self) -> bool {
        matches!(self, Program::OsaSell | Program::OsuBizapps)
    }
}

/// What a claim's partner did for the customer (derived from the program).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Activity {
    Presales,
    Usage,
}
named_enum!(Activity, "activity");

/// Where a Business Applications subscription was bought.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Channel {
    Vl,
    WebDirect,
    Csp,
}
named_enum!(Channel, "channel");

/// Where a claim stands in its lifecycle (SPEC §4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Status {
    Pending,
    Official,
    OptedOut,
    Withdrawn,
}
named_enum!(Status, "status");

impl Status {
    /// An active claim holds its unit.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Pending | Status::Official)
    }
}

/// What a history event records.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Action {
    Filed,
    Finalized,
    OptedOut,
    Withdrawn,
    /// v2: fields changed by `cpor edit`; the event carries `changes`.
    Edited,
    /// v2: a new PoE version; the event carries `poe`.
    PoeAdded,
}
named_enum!(Action, "history action");

/// A person named on a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub title: String,
    pub email: String,
}

/// The partner's own contact on a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerContact {
    pub name: String,
    pub email: String,
}

/// Proof of execution: a local file (recorded by absolute path, size and SHA-256) or a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poe {
    pub location: String,
    pub sha256: Option<String>,
    pub size: Option<u64>,
    pub signed_on: NaiveDate,
}

impl Poe {
    /// A URL is recorded as given; anything else is a local file.
    pub fn is_url(location: &str) -> bool {
        let lower = location.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    }
}

/// A non-refusing finding stored on a claim when it was filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
}

/// One customer association claim, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: i64,
    pub name: String,
    pub program: Program,
    pub partner_id: String,
    pub tenant_id: String,
    pub domain: String,
    pub workload: String,
    pub subscription_id: Option<String>,
    pub channel: Option<Channel>,
    pub status: Status,
    pub filed_at: DateTime<Utc>,
    pub filed_by: String,
    pub notified_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub deadline_day: NaiveDate,
    pub calendar: String,
    pub official_at: Option<DateTime<Utc>>,
    pub opted_out_at: Option<DateTime<Utc>>,
    pub opt_out_in_window: Option<bool>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
    pub customer: Contact,
    pub technical: Option<Contact>,
    pub partner_contact: PartnerContact,
    pub poe: Poe,
    pub purchase_date: Option<NaiveDate>,
    pub comment: Option<String>,
    pub warnings: Vec<Warning>,
    /// Every PoE version, oldest first; `poe` is the newest.
    pub poe_versions: Vec<PoeVersion>,
}

impl Claim {
    /// The ID of a claim previewed by a dry run: claim IDs the database assigns are positive.
    const UNFILED: i64 = 0;

    /// Whether the claim was filed (a dry run's preview was not, and has no ID).
    pub fn is_filed(&self) -> bool {
        self.id != Self::UNFILED
    }

    /// The unit this claim associates (SPEC §3).
    pub fn unit(&self) -> Unit {
        Unit::of(
            self.program,
            &self.tenant_id,
            &self.workload,
            self.subscription_id.as_deref(),
        )
    }
}

/// The thing that has one partner at a time: a tenant's workload (OSU – M365) or a tenant's
/// Dynamics 365 subscription (OSA Sell and OSU – BizApps share it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    Workload {
        tenant: String,
        workload: String,
    },
    Subscription {
        tenant: String,
        subscription: String,
    },
}

impl Unit {
    /// The unit of a claim. A BizApps claim without a subscription has no unit of its own yet
    /// (it is refused with `subscription-required`); the workload stands in so the key is total.
    pub fn of(program: Program, tenant: &str, workload: &str, subscription: Option<&str>) -> Unit {
        match (program.is_bizapps(), subscription) {
            (true, Some(sub)) => Unit::Subscription {
                tenant: tenant.to_string(),
                subscription: sub.to_string(),
            },
            _ => Unit::Workload {
                tenant: tenant.to_string(),
                workload: workload.to_string(),
            },
        }
    }

    /// A stable text key, stored with each claim and indexed.
    pub fn key(&self) -> String {
        match self {
            Unit::Workload { tenant, workload } => format!("workload:{tenant}:{workload}"),
            Unit::Subscription {
                tenant,
                subscription,
            } => format!("subscription:{tenant}:{subscription}"),
        }
    }

    /// How the unit is described to people.
    pub fn describe(&self) -> String {
        match self {
            Unit::Workload { tenant, workload } => {
                format!("workload {workload} of tenant {tenant}")
            }
            Unit::Subscription {
                tenant,
                subscription,
            } => format!("subscription {subscription} of tenant {tenant}"),
        }
    }
}

/// One entry of a claim's append-only history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: Action,
    pub from: Option<Status>,
    pub to: Status,
    pub reason: Option<String>,
    /// The previous event's `hash` (SPEC §4 v2); `None` for `filed`.
    pub prev_hash: Option<String>,
    /// SHA-256 of the event's canonical content (`rules::history::event_hash`); `None` on an
    /// event not yet stored, and on events an old schema stored without one.
    pub hash: Option<String>,
    /// `edited`: the JSON fields changed, each `[old, new]`, in the claim object's order.
    pub changes: Option<serde_json::Map<String, serde_json::Value>>,
    /// `poe-added`: the new PoE version.
    pub poe: Option<Poe>,
}

/// A PartnerID and the programs it is enrolled in; serialized as the `partner` JSON object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub partner_id: String,
    pub name: String,
    pub programs: Vec<Program>,
}

/// The fixed-width UTC text every instant is stored and printed as (`YYYY-MM-DDTHH:MM:SSZ`).
pub fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parse an RFC 3339 instant (any offset) into UTC, truncated to whole seconds, which is the
/// precision cpor stores.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    let parsed = DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
        format!("'{s}' is not an RFC 3339 instant ({e}); write it like 2025-06-02T10:00:00Z")
    })?;
    let utc = parsed.with_timezone(&Utc);
    Ok(DateTime::from_timestamp(utc.timestamp(), 0).unwrap_or(utc))
}

/// A calendar date written strictly `YYYY-MM-DD`: a four-digit year and two-digit month and
/// day, nothing else. Every date flag and file goes through here, so `2025-5-1` or `25-05-01`
/// is refused everywhere rather than read as something the user did not mean.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let b = t.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    // The shape is checked first, so chrono only decides whether the day exists.
    shape
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("'{s}' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-02"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_stored_fixed_width_in_utc() {
        let t = parse_instant("2025-06-02T12:00:00.75+02:00").unwrap();
        assert_eq!(utc_text(t), "2025-06-02T10:00:00Z");
    }

    #[test]
    fn bizapps_programs_share_the_subscription_unit() {
        let a = Unit::of(Program::OsaSell, "t", "d365-sales", Some("s"));
        let b = Unit::of(Program::OsuBizapps, "t", "d365-finance", Some("s"));
        assert_eq!(a.key(), b.key());
        let m = Unit::of(Program::OsuM365, "t", "teams", Some("s"));
        assert_eq!(m.key(), "workload:t:teams");
    }

    /// Every spelling of an enum (as_str, Display, serde, clap, FromStr) comes from one table.
    fn round_trips<T>(expected: &[&str])
    where
        T: VariantArray + Copy + fmt::Debug + PartialEq + fmt::Display + FromStr<Err = String>,
        T: Into<&'static str> + Serialize + for<'de> Deserialize<'de> + clap::ValueEnum,
    {
        let keys: Vec<&str> = T::VARIANTS.iter().map(|v| (*v).into()).collect();
        assert_eq!(keys, expected);
        for v in T::VARIANTS {
            let key: &str = (*v).into();
            assert_eq!(v.to_string(), key);
            assert_eq!(serde_json::to_value(v).unwrap(), key);
            assert_eq!(serde_json::from_value::<T>(key.into()).unwrap(), *v);
            assert_eq!(
                format!("  {}\t", key.to_ascii_uppercase()).parse::<T>(),
                Ok(*v)
            );
            assert_eq!(<T as clap::ValueEnum>::from_str(key, true), Ok(*v));
        }
        let err = "nope".parse::<T>().unwrap_err();
        assert!(
            err.contains("'nope'") && err.contains(&keys.join(", ")),
            "{err}"
        );
        assert!(serde_json::from_value::<T>("nope".into()).is_err());
    }

    #[test]
    fn each_enum_has_one_kebab_case_mapping() {
        round_trips::<Program>(&["osa-sell", "osu-m365", "osu-bizapps"]);
        round_trips::<Activity>(&["presales", "usage"]);
        round_trips::<Channel>(&["vl", "web-direct", "csp"]);
        round_trips::<Status>(&["pending", "official", "opted-out", "withdrawn"]);
        round_trips::<Action>(&[
            "filed",
            "finalized",
            "opted-out",
            "withdrawn",
            "edited",
            "poe-added",
        ]);
        round_trips::<PinKind>(&["domain", "subscription"]);
        round_trips::<PinAction>(&["pin", "unpin"]);
        round_trips::<Severity>(&["info", "warning", "error"]);
    }

    #[test]
    fn parse_errors_name_the_kind_and_the_keys() {
        assert_eq!(
            "x".parse::<Program>().unwrap_err(),
            "unknown program 'x'; expected one of: osa-sell, osu-m365, osu-bizapps"
        );
        assert_eq!(
            "x".parse::<Status>().unwrap_err(),
            "unknown status 'x'; expected one of: pending, official, opted-out, withdrawn"
        );
    }
}

/// How serious a troubleshooting finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    IntoStaticStr,
    VariantArray,
    Serialize,
    Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum Severity {
    Info,
    Warning,
    Error,
}
named_enum!(Severity, "severity");

/// One thing `troubleshoot` found: what, how bad, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub remedy: String,
}

impl Finding {
    pub fn new(
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) -> Self {
        Finding {
            severity,
            code: code.to_string(),
            message: message.into(),
            remedy: remedy.into(),
        }
    }
}

/// A claim about to be filed: everything but the ID storage gives it. It is always pending;
/// the lifecycle fields start empty.
#[derive(Debug, Clone, PartialEq)]
pub struct NewClaim {
    pub name: String,
    pub program: Program,
    pub partner_id: String,
    pub tenant_id: String,
    pub domain: String,
    pub workload: String,
    pub subscription_id: Option<String>,
    pub channel: Option<Channel>,
    pub filed_at: DateTime<Utc>,
    pub filed_by: String,
    pub notified_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub deadline_day: NaiveDate,
    pub calendar: String,
    pub customer: Contact,
    pub technical: Option<Contact>,
    pub partner_contact: PartnerContact,
    pub poe: Poe,
    pub purchase_date: Option<NaiveDate>,
    pub comment: Option<String>,
    pub warnings: Vec<Warning>,
}

impl NewClaim {
    /// The `filed` event that starts the claim's history (not yet chained).
    pub fn filed_event(&self) -> HistoryEvent {
        HistoryEvent {
            at: self.filed_at,
            actor: self.filed_by.clone(),
            action: Action::Filed,
            from: None,
            to: Self::STATUS,
            reason: self.comment.clone(),
            changes: None,
            poe: None,
            prev_hash: None,
            hash: None,
        }
    }

    /// The status a claim is filed in.
    pub const STATUS: Status = Status::Pending;

    /// The unit this claim would associate.
    pub fn unit(&self) -> Unit {
        Unit::of(
            self.program,
            &self.tenant_id,
            &self.workload,
            self.subscription_id.as_deref(),
        )
    }

    /// What this claim would look like once filed, for a dry run: it has no ID yet, shown as
    /// `null` in JSON, empty in CSV and `new` in tables (see [`Claim::is_filed`]).
    pub fn preview(self) -> Claim {
        self.saved(Claim::UNFILED)
    }

    /// The claim as stored under `id`.
    pub fn saved(self, id: i64) -> Claim {
        let first = PoeVersion {
            poe: self.poe.clone(),
            added_at: self.filed_at,
            added_by: self.filed_by.clone(),
        };
        Claim {
            id,
            name: self.name,
            program: self.program,
            partner_id: self.partner_id,
            tenant_id: self.tenant_id,
            domain: self.domain,
            workload: self.workload,
            subscription_id: self.subscription_id,
            channel: self.channel,
            status: Self::STATUS,
            filed_at: self.filed_at,
            filed_by: self.filed_by,
            notified_at: self.notified_at,
            deadline: self.deadline,
            deadline_day: self.deadline_day,
            calendar: self.calendar,
            official_at: None,
            opted_out_at: None,
            opt_out_in_window: None,
            withdrawn_at: None,
            end_reason: None,
            customer: self.customer,
            technical: self.technical,
            partner_contact: self.partner_contact,
            poe: self.poe,
            purchase_date: self.purchase_date,
            poe_versions: vec![first],
            comment: self.comment,
            warnings: self.warnings,
        }
    }
}

/// One proof-of-execution version of a claim (v2): the first is recorded when the claim is
/// filed, later ones by `cpor poe add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoeVersion {
    pub poe: Poe,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
}

/// What a tenant pin ties to a tenant (SPEC §3 v2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum PinKind {
    Domain,
    Subscription,
}
named_enum!(PinKind, "pin kind");

/// What a pin log entry records.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, Serialize, Deserialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str", try_from = "String")]
pub enum PinAction {
    Pin,
    Unpin,
}
named_enum!(PinAction, "pin action");

/// A domain or subscription pinned to a tenant, with the claim that first named it and the
/// active claims that use it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub kind: PinKind,
    pub value: String,
    pub tenant_id: String,
    pub since: DateTime<Utc>,
    /// `None` only for a pin whose claim could not be found when pins were introduced.
    pub by_claim: Option<i64>,
    /// Active claims of the pin's tenant that name the domain or subscription, by ID.
    pub active_claims: Vec<i64>,
}

/// One entry of the append-only pin log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinLogEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: PinAction,
    pub kind: PinKind,
    pub value: String,
    pub tenant_id: String,
    pub reason: Option<String>,
}
