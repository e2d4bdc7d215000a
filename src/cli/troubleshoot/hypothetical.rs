//! `cpor troubleshoot --tenant ... --program ...`: would this claim be accepted?

use super::*;

pub(super) fn hypothetical_report(
    ctx: &Ctx,
    a: &TroubleshootArgs,
) -> anyhow::Result<(Report, Vec<Finding>)> {
    let u = &a.unit;
    let missing = flags_where(&[
        ("--tenant", u.tenant.is_none()),
        ("--program", u.program.is_none()),
        ("--workload", u.workload.is_empty()),
        ("--partner-id", u.partner_id.is_none()),
    ]);
    if !missing.is_empty() {
        return Err(CporError::usage(
            "missing-input",
            format!("a hypothetical claim also needs {}", missing.join(", ")),
        )
        .hint("give --tenant, --program, --workload and --partner-id (and --domain, --subscription, --channel where they apply)")
        .into());
    }
    if u.workload.len() > 1 {
        return Err(bad_value(
            "--workload",
            "a hypothetical claim names one workload; check each workload on its own".into(),
        ));
    }
    let bizapps_only = flags_where(&[
        ("--subscription", u.subscription.is_some()),
        ("--channel", u.channel.is_some()),
    ]);
    let UnitInput {
        program,
        workloads,
        partner_id,
        tenant,
        domain,
        subscription,
        channel,
    } = parse_unit(ctx, u, &bizapps_only)?;
    let workload = workloads.into_iter().next().unwrap_or_default();
    let req = UnitRequest {
        partner_id: &partner_id,
        program,
        workload: &workload,
        tenant: &tenant,
        domain: domain.as_deref(),
        subscription: subscription.as_deref(),
        channel,
    };
    let mut findings = Vec::new();
    let facts = match open_for_reading(ctx)? {
        Ok((mut db, version)) => {
            findings.extend(schema_finding(version));
            findings.extend(hot_journal_finding(
                db.as_mut(),
                &ctx.location().to_string(),
            )?);
            storage::read(db.as_mut(), |tx| Ok(tx.unit_facts(&req)?))?
        }
        // Without a database nothing is stored: judge against empty facts, and say so.
        Err(f) if f.code == "db-missing" || f.code == "db-empty" => {
            findings.push(f);
            StoredFacts::default()
        }
        Err(f) => {
            return Err(CporError::database(&f.code, f.message)
                .hint(f.remedy)
                .into());
        }
    };
    let violations = check_unit(&req, &facts, &ctx.catalog);
    let eligible = violations.is_empty();
    findings.extend(violations.iter().map(violation_finding));
    let verdict = if eligible {
        "eligible: no rule refuses this claim (contacts, PoE dates and, for osa-sell, the purchase date are checked when it is filed)".to_string()
    } else {
        format!(
            "refused: {} rule{} would refuse this claim",
            violations.len(),
            if violations.len() == 1 { "" } else { "s" }
        )
    };
    let body = HypotheticalReport {
        request: Request {
            partner_id: partner_id.clone(),
            program: program.as_str(),
            workload: workload.clone(),
            tenant_id: tenant.clone(),
            domain: domain.clone(),
            subscription_id: subscription.clone(),
            channel: channel.map(|c| c.as_str()),
        },
        eligible,
        verdict: verdict.clone(),
    };
    let rows = vec![
        (
            "claim".to_string(),
            format!("PartnerID {partner_id}, {program} {workload}, tenant {tenant}"),
        ),
        ("unit".to_string(), req.unit().describe()),
        ("verdict".to_string(), verdict),
    ];
    Ok((
        Report {
            body: Body::Hypothetical(body),
            sections: vec![("Would this claim be accepted?".into(), rows)],
        },
        findings,
    ))
}

/// The hypothetical report's context, as JSON gives it.
#[derive(Serialize)]
pub(super) struct HypotheticalReport {
    request: Request,
    eligible: bool,
    verdict: String,
}

/// The claim that was asked about.
#[derive(Serialize)]
struct Request {
    partner_id: String,
    program: &'static str,
    workload: String,
    tenant_id: String,
    domain: Option<String>,
    subscription_id: Option<String>,
    channel: Option<&'static str>,
}
