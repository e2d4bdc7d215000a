//! `cpor troubleshoot ID`: what state a claim is in, why, and what happens next.

use super::*;
use crate::rules::poe;

/// The claim report. Its history chain is always verified (it costs one claim's events), so
/// `deep` adds nothing here yet.
pub(super) fn claim_report(
    ctx: &Ctx,
    id: i64,
    _deep: bool,
) -> anyhow::Result<(Report, Vec<Finding>)> {
    let (mut db, version) = match open_for_reading(ctx)? {
        Ok(x) => x,
        Err(f) if f.code == "db-missing" || f.code == "db-empty" => {
            return Err(claim_not_found(id)
                .hint(format!("{} ({})", f.message, f.code))
                .into());
        }
        Err(f) => {
            return Err(CporError::database(&f.code, f.message)
                .hint(f.remedy)
                .into());
        }
    };
    let (claim, history, calendar, unit_claims) = storage::read(db.as_mut(), |tx| {
        let claim = tx.claim(id)?.ok_or_else(|| claim_not_found(id))?;
        let history = tx.history(id)?;
        let calendar = tx.calendar(&claim.calendar)?;
        let unit_claims = tx.claims_on_unit(&claim.unit().key())?;
        Ok((claim, history, calendar, unit_claims))
    })?;
    let history_len = history.len();
    let calendar = calendar.unwrap_or_else(|| Calendar {
        name: claim.calendar.clone(),
        ..Calendar::builtin_default()
    });
    let mut findings: Vec<Finding> = schema_finding(version).into_iter().collect();
    findings.extend(hot_journal_finding(
        db.as_mut(),
        &ctx.location().to_string(),
    )?);
    findings.extend(deep::chain_findings(id, claim.status, &history, version));
    let tz = calendar.tz;
    let now = ctx.now;

    // Timeline.
    let left = (claim.status == Status::Pending && now < claim.deadline)
        .then(|| business_days_between(&calendar, start_date(&calendar, now), claim.deadline_day));
    let ended_at = claim.opted_out_at.or(claim.withdrawn_at);
    let next = match claim.status {
        Status::Pending if is_due(claim.status, claim.deadline, now) => {
            findings.push(Finding::new(
                Severity::Error,
                "finalize-overdue",
                format!(
                    "the opt-out window closed at {} ({}), but the claim is still pending: finalize has not run since",
                    in_zone(claim.deadline, tz),
                    utc_text(claim.deadline)
                ),
                "run `cpor finalize` now, and schedule it nightly (cron: `15 2 * * * cpor finalize --quiet`)",
            ));
            format!(
                "the next `cpor finalize` makes it official as of {}",
                utc_text(claim.deadline)
            )
        }
        Status::Pending => format!(
            "becomes official at {} ({}) when finalize runs, unless the customer opts out or the partner withdraws first; {} business day{} left after today in calendar {}",
            in_zone(claim.deadline, tz),
            utc_text(claim.deadline),
            left.unwrap_or(0),
            if left == Some(1) { "" } else { "s" },
            calendar.name
        ),
        Status::Official => format!(
            "official since {}; it stays official unless the customer declines (`cpor opt-out {id}`) or the partner withdraws (`cpor withdraw {id} --reason ...`)",
            claim
                .official_at
                .map(|t| in_zone(t, tz))
                .unwrap_or_default()
        ),
        Status::OptedOut => format!(
            "ended: the customer opted out at {}{}; the unit is free, and a new claim needs the customer's agreement",
            ended_at.map(|t| in_zone(t, tz)).unwrap_or_default(),
            match claim.opt_out_in_window {
                Some(true) => " (inside the opt-out window)",
                Some(false) => " (after the opt-out window)",
                None => "",
            }
        ),
        Status::Withdrawn => format!(
            "ended: the partner withdrew it at {}; the unit is free for any partner to claim",
            ended_at.map(|t| in_zone(t, tz)).unwrap_or_default()
        ),
    };

    // Proof of execution: every version that is a local file, and the newest one's age.
    findings.extend(poe_findings(&claim));
    let months = ctx
        .config
        .poe_refresh_months
        .unwrap_or(poe::DEFAULT_REFRESH_MONTHS);
    let today = now.with_timezone(&tz).date_naive();
    if claim.status.is_active() && poe::is_aging(claim.poe.signed_on, today, months) {
        findings.push(warning_finding(&poe::aging_warning(
            id,
            claim.poe.signed_on,
            months,
        )));
    }

    // Warnings stored at filing.
    for w in &claim.warnings {
        let remedy = if w.code == RuleCode::Osa90DayWindow.as_str() {
            "nothing to change on the association; file OSA Sell claims within 90 days of the purchase to earn the sell incentive"
        } else {
            "see the message"
        };
        findings.push(Finding::new(Severity::Warning, &w.code, &w.message, remedy));
    }

    // The unit: who holds it now, who held it before.
    let unit = claim.unit();
    let holder = unit_claims
        .iter()
        .find(|c| c.status.is_active() && c.id != id)
        .or_else(|| unit_claims.iter().find(|c| c.status.is_active()));
    let others: Vec<&Claim> = unit_claims.iter().filter(|c| c.id != id).collect();

    let local = |t: DateTime<Utc>| t.with_timezone(&tz).to_rfc3339();
    let body = ClaimReport {
        timeline: Timeline {
            filed_at: claim.filed_at,
            notified_at: claim.notified_at,
            calendar: calendar.name.clone(),
            zone: tz.name(),
            deadline_day: claim.deadline_day.to_string(),
            deadline: claim.deadline,
            deadline_local: local(claim.deadline),
            business_days_left: left,
            official_at: claim.official_at,
            ended_at,
            end_reason: claim.end_reason.clone(),
            history_events: history_len,
        },
        next: next.clone(),
        unit: UnitReport {
            describes: unit.describe(),
            holder: holder.map(|h| Holder {
                claim_id: h.id,
                partner_id: h.partner_id.clone(),
                program: h.program.as_str(),
                status: h.status.as_str(),
                since: h.official_at.unwrap_or(h.filed_at),
            }),
            other_claims: others
                .iter()
                .map(|c| OtherClaim {
                    id: c.id,
                    partner_id: c.partner_id.clone(),
                    program: c.program.as_str(),
                    status: c.status.as_str(),
                    filed_at: c.filed_at,
                    ended_at: c.opted_out_at.or(c.withdrawn_at),
                })
                .collect(),
        },
        claim: claim.clone(),
    };

    let mut state = vec![
        (
            "claim".to_string(),
            format!(
                "{id}: {} {} for {} ({})",
                claim.program, claim.workload, claim.domain, claim.tenant_id
            ),
        ),
        ("partner".to_string(), claim.partner_id.clone()),
        ("status".to_string(), claim.status.as_str().to_string()),
        (
            "filed".to_string(),
            format!(
                "{} ({}) by {}",
                in_zone(claim.filed_at, tz),
                utc_text(claim.filed_at),
                claim.filed_by
            ),
        ),
        (
            "notified".to_string(),
            format!(
                "{} ({})",
                in_zone(claim.notified_at, tz),
                utc_text(claim.notified_at)
            ),
        ),
        (
            "deadline".to_string(),
            format!(
                "day {} in calendar {}; window closes {} ({})",
                claim.deadline_day,
                calendar.name,
                in_zone(claim.deadline, tz),
                utc_text(claim.deadline)
            ),
        ),
    ];
    if let Some(n) = left {
        state.push(("business days left".into(), n.to_string()));
    }
    if let Some(t) = claim.official_at {
        state.push((
            "official".into(),
            format!("{} ({})", in_zone(t, tz), utc_text(t)),
        ));
    }
    if let Some(t) = ended_at {
        let why = claim
            .end_reason
            .as_deref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        state.push((
            "ended".into(),
            format!("{} ({}){why}", in_zone(t, tz), claim.status),
        ));
    }
    state.push(("next".into(), next.clone()));
    let mut unit_rows = vec![("unit".to_string(), unit.describe())];
    unit_rows.push((
        "held by".into(),
        match holder {
            Some(h) if h.id == id => format!("this claim ({})", h.status),
            Some(h) => format!(
                "PartnerID {} — claim {} ({} {})",
                h.partner_id, h.id, h.program, h.status
            ),
            None => "nobody: the unit is free".into(),
        },
    ));
    for c in others.iter().filter(|c| !c.status.is_active()) {
        unit_rows.push((
            "held before".into(),
            format!(
                "PartnerID {} — claim {} ({} {}, filed {})",
                c.partner_id,
                c.id,
                c.program,
                c.status,
                utc_text(c.filed_at)
            ),
        ));
    }
    let report = Report {
        body: Body::Claim(Box::new(body)),
        sections: vec![("Claim".into(), state), ("Unit".into(), unit_rows)],
    };
    Ok((report, findings))
}

/// The claim report's context, as JSON gives it.
#[derive(Serialize)]
pub(super) struct ClaimReport {
    #[serde(serialize_with = "claim_view")]
    claim: Claim,
    timeline: Timeline,
    next: String,
    unit: UnitReport,
}

fn claim_view<S: Serializer>(c: &Claim, s: S) -> Result<S::Ok, S::Error> {
    ClaimView::of(c).serialize(s)
}

/// When the claim was filed, when its window closes, and how it ended.
#[derive(Serialize)]
struct Timeline {
    #[serde(serialize_with = "utc")]
    filed_at: DateTime<Utc>,
    #[serde(serialize_with = "utc")]
    notified_at: DateTime<Utc>,
    calendar: String,
    zone: &'static str,
    deadline_day: String,
    #[serde(serialize_with = "utc")]
    deadline: DateTime<Utc>,
    /// The deadline in the calendar's zone, RFC 3339.
    deadline_local: String,
    business_days_left: Option<u32>,
    #[serde(serialize_with = "utc_opt")]
    official_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "utc_opt")]
    ended_at: Option<DateTime<Utc>>,
    end_reason: Option<String>,
    history_events: usize,
}

/// The unit the claim associates: who holds it, and every other claim on it.
#[derive(Serialize)]
struct UnitReport {
    describes: String,
    holder: Option<Holder>,
    other_claims: Vec<OtherClaim>,
}

#[derive(Serialize)]
struct Holder {
    claim_id: i64,
    partner_id: String,
    program: &'static str,
    status: &'static str,
    #[serde(serialize_with = "utc")]
    since: DateTime<Utc>,
}

#[derive(Serialize)]
struct OtherClaim {
    id: i64,
    partner_id: String,
    program: &'static str,
    status: &'static str,
    #[serde(serialize_with = "utc")]
    filed_at: DateTime<Utc>,
    #[serde(serialize_with = "utc_opt")]
    ended_at: Option<DateTime<Utc>>,
}

/// A rule's warning as a finding.
fn warning_finding(v: &crate::rules::Violation) -> Finding {
    Finding::new(Severity::Warning, v.code.as_str(), &v.message, &v.remedy)
}

/// Whether each of a claim's PoE versions that is a local file is still there and unchanged.
/// A database from before PoE versions has only the claim's own PoE.
fn poe_findings(claim: &Claim) -> Vec<Finding> {
    let versions: Vec<&Poe> = if claim.poe_versions.is_empty() {
        vec![&claim.poe]
    } else {
        claim.poe_versions.iter().map(|v| &v.poe).collect()
    };
    let total = versions.len();
    versions
        .into_iter()
        .enumerate()
        .filter(|(_, p)| !Poe::is_url(&p.location))
        .filter_map(|(i, p)| poe_finding(claim.id, p, i + 1, total))
        .collect()
}

/// Whether one local PoE file (version `n` of `total`) is still there and unchanged.
fn poe_finding(id: i64, poe: &Poe, n: usize, total: usize) -> Option<Finding> {
    let path = Path::new(&poe.location);
    let recorded = poe.sha256.as_deref()?;
    let which = format!(
        "claim {id}'s proof of execution {} (version {n} of {total}, signed {})",
        path.display(),
        poe.signed_on
    );
    let add = format!("cpor poe add {id} --poe PATH|URL --poe-signed DATE");
    if !path.is_file() {
        return Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!("{which} is missing"),
            format!(
                "restore the signed PoE file to that path (reviewers may ask for it); if it is lost, get a fresh acknowledgement from the customer and add it: {add}"
            ),
        ));
    }
    match crate::poe_file::hash_file(path) {
        Ok((_, sha)) if sha == recorded => None,
        Ok((_, sha)) => Some(Finding::new(
            Severity::Warning,
            "poe-changed",
            format!(
                "{which} changed since it was recorded (SHA-256 now {sha}, recorded {recorded})"
            ),
            format!(
                "restore the file as it was signed; if the customer signed a new PoE, add it as a new version: {add}"
            ),
        )),
        Err(e) => Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!("{which} cannot be read: {e}"),
            "check the file's permissions",
        )),
    }
}
