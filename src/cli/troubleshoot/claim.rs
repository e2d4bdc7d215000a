//! `cpor troubleshoot ID`: what state a claim is in, why, and what happens next.

use super::*;

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

    // Proof of execution.
    if !Poe::is_url(&claim.poe.location)
        && let Some(f) = poe_finding(&claim)
    {
        findings.push(f);
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
    let json = json!({
        "claim": claim_json(&claim),
        "timeline": {
            "filed_at": utc_text(claim.filed_at),
            "notified_at": utc_text(claim.notified_at),
            "calendar": calendar.name,
            "zone": tz.name(),
            "deadline_day": claim.deadline_day.to_string(),
            "deadline": utc_text(claim.deadline),
            "deadline_local": local(claim.deadline),
            "business_days_left": left,
            "official_at": claim.official_at.map(utc_text),
            "ended_at": ended_at.map(utc_text),
            "end_reason": claim.end_reason,
            "history_events": history_len,
        },
        "next": next,
        "unit": {
            "describes": unit.describe(),
            "holder": holder.map(|h| json!({
                "claim_id": h.id,
                "partner_id": h.partner_id,
                "program": h.program.as_str(),
                "status": h.status.as_str(),
                "since": utc_text(h.official_at.unwrap_or(h.filed_at)),
            })),
            "other_claims": others.iter().map(|c| json!({
                "id": c.id,
                "partner_id": c.partner_id,
                "program": c.program.as_str(),
                "status": c.status.as_str(),
                "filed_at": utc_text(c.filed_at),
                "ended_at": c.opted_out_at.or(c.withdrawn_at).map(utc_text),
            })).collect::<Vec<_>>(),
        },
    });

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
        json,
        sections: vec![("Claim".into(), state), ("Unit".into(), unit_rows)],
    };
    Ok((report, findings))
}

/// Whether a claim's local PoE file is still there and unchanged.
fn poe_finding(claim: &Claim) -> Option<Finding> {
    let path = Path::new(&claim.poe.location);
    let recorded = claim.poe.sha256.as_deref()?;
    if !path.is_file() {
        return Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!(
                "claim {}'s proof of execution {} is missing",
                claim.id,
                path.display()
            ),
            "restore the signed PoE file to that path (reviewers may ask for it), or keep a copy at a stable location",
        ));
    }
    match crate::poe_file::hash_file(path) {
        Ok((_, sha)) if sha == recorded => None,
        Ok((_, sha)) => Some(Finding::new(
            Severity::Warning,
            "poe-changed",
            format!(
                "claim {}'s proof of execution {} changed since filing (SHA-256 now {sha}, recorded {recorded})",
                claim.id,
                path.display()
            ),
            "restore the file as it was signed; if the customer signed a new PoE, file a new claim with it",
        )),
        Err(e) => Some(Finding::new(
            Severity::Warning,
            "poe-missing",
            format!(
                "claim {}'s proof of execution {} cannot be read: {e}",
                claim.id,
                path.display()
            ),
            "check the file's permissions",
        )),
    }
}
