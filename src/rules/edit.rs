//! Corrections of a claim's details (SPEC v2 §4, §6 `cpor edit`): the same checks as filing,
//! on active claims only, never touching the unit or the deadline.
//!
//! [`decide_edit`] takes the stored claim, the requested values and what storage knows about a
//! new domain, and returns the would-be claim with its `changes` (`{field: [old, new]}` in the
//! claim object's JSON names and order), or every rule that refuses it.

use super::eligibility::{
    FilingDetails, PartialContact, check_channel, check_filing, pin_mismatch,
};
use super::{RuleCode, Violation};
use crate::model::{Channel, Claim, Contact, Pin, PinKind};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

/// The values `edit` was given; `None` leaves a field as it is. A technical-contact value of
/// `Some("")` removes the technical contact.
#[derive(Debug, Clone, Default)]
pub struct EditRequest {
    pub name: Option<String>,
    pub domain: Option<String>,
    pub customer_name: Option<String>,
    pub customer_title: Option<String>,
    pub customer_email: Option<String>,
    pub technical_name: Option<String>,
    pub technical_title: Option<String>,
    pub technical_email: Option<String>,
    pub partner_contact: Option<String>,
    pub partner_email: Option<String>,
    pub channel: Option<Channel>,
    pub purchase_date: Option<NaiveDate>,
    pub comment: Option<String>,
}

/// What storage knows that the edit rules need.
#[derive(Debug, Clone)]
pub struct EditFacts {
    /// The pin of the requested domain, if a different domain was requested and it is pinned.
    pub domain_pin: Option<Pin>,
    /// The claim's filing date in its calendar's zone (the 90-day window counts from it).
    pub filing_date: NaiveDate,
}

/// An accepted edit.
#[derive(Debug, Clone, PartialEq)]
pub struct EditDecision {
    /// The claim as it will be stored.
    pub claim: Claim,
    /// `{field: [old, new]}`; empty when nothing changes.
    pub changes: Map<String, Value>,
    /// The new domain must be pinned to the claim's tenant (it is not pinned yet).
    pub pin_domain: bool,
}

/// An editable field's value as the claim object's JSON shows it.
type FieldValue = fn(&Claim) -> Value;

/// The editable fields, in the claim object's order, by their JSON names.
const FIELDS: &[(&str, FieldValue)] = &[
    ("name", |c| json!(c.name)),
    ("domain", |c| json!(c.domain)),
    ("channel", |c| json!(c.channel.map(|ch| ch.as_str()))),
    ("customer.name", |c| json!(c.customer.name)),
    ("customer.title", |c| json!(c.customer.title)),
    ("customer.email", |c| json!(c.customer.email)),
    ("technical.name", |c| {
        json!(c.technical.as_ref().map(|t| &t.name))
    }),
    ("technical.title", |c| {
        json!(c.technical.as_ref().map(|t| &t.title))
    }),
    ("technical.email", |c| {
        json!(c.technical.as_ref().map(|t| &t.email))
    }),
    ("partner_contact.name", |c| json!(c.partner_contact.name)),
    ("partner_contact.email", |c| json!(c.partner_contact.email)),
    ("purchase_date", |c| {
        json!(c.purchase_date.map(|d| d.to_string()))
    }),
    ("comment", |c| json!(c.comment)),
    ("warnings", |c| {
        json!(
            c.warnings
                .iter()
                .map(|w| json!({"code": w.code, "message": w.message}))
                .collect::<Vec<_>>()
        )
    }),
];

/// Decide an edit of `claim`. Refused with `invalid-transition` on an ended claim; otherwise
/// with every rule a filing of the edited claim would fail (`domain-tenant-mismatch`,
/// `csp-excluded`, `technical-contact-required`, purchase-date rules). A changed purchase date
/// recomputes the `osa-90-day-window` warning.
pub fn decide_edit(
    claim: &Claim,
    req: &EditRequest,
    facts: &EditFacts,
) -> Result<EditDecision, Vec<Violation>> {
    if !claim.status.is_active() {
        return Err(vec![Violation::new(
            RuleCode::InvalidTransition,
            format!(
                "claim {} is {}; only pending and official claims can be edited",
                claim.id, claim.status
            ),
            "an ended claim keeps its details as they were; file a new claim if the customer wants one",
        )]);
    }
    let mut new = claim.clone();
    let set = |field: &mut String, v: &Option<String>| {
        if let Some(v) = v {
            field.clone_from(v);
        }
    };
    set(&mut new.name, &req.name);
    set(&mut new.domain, &req.domain);
    set(&mut new.customer.name, &req.customer_name);
    set(&mut new.customer.title, &req.customer_title);
    set(&mut new.customer.email, &req.customer_email);
    set(&mut new.partner_contact.name, &req.partner_contact);
    set(&mut new.partner_contact.email, &req.partner_email);
    if req.comment.is_some() {
        new.comment.clone_from(&req.comment);
    }
    if req.channel.is_some() {
        new.channel = req.channel;
    }
    if req.purchase_date.is_some() {
        new.purchase_date = req.purchase_date;
    }

    let mut technical = match &claim.technical {
        Some(t) => PartialContact {
            name: Some(t.name.clone()),
            title: Some(t.title.clone()),
            email: Some(t.email.clone()),
        },
        None => PartialContact::default(),
    };
    let clears = [
        &req.technical_name,
        &req.technical_title,
        &req.technical_email,
    ]
    .iter()
    .any(|v| v.as_deref() == Some(""));
    if clears {
        technical = PartialContact::default();
    } else {
        let apply = |part: &mut Option<String>, v: &Option<String>| {
            if v.is_some() {
                part.clone_from(v);
            }
        };
        apply(&mut technical.name, &req.technical_name);
        apply(&mut technical.title, &req.technical_title);
        apply(&mut technical.email, &req.technical_email);
    }
    new.technical = match (&technical.name, &technical.title, &technical.email) {
        (Some(name), Some(title), Some(email)) => Some(Contact {
            name: name.clone(),
            title: title.clone(),
            email: email.clone(),
        }),
        _ => None,
    };

    let mut violations = Vec::new();
    let mut pin_domain = false;
    if new.domain != claim.domain {
        match pin_mismatch(
            PinKind::Domain,
            &new.domain,
            &claim.tenant_id,
            facts.domain_pin.as_ref(),
        ) {
            Some(v) => violations.push(v),
            None => pin_domain = facts.domain_pin.is_none(),
        }
    }
    if claim.program.is_bizapps()
        && new.channel != claim.channel
        && let Some(v) = check_channel(claim.program, new.channel)
    {
        violations.push(v);
    }
    // The details a filing checks, as of the claim's own filing date. The PoE is not edited
    // here (`poe add` adds versions), so its rules are not asked again.
    let (filing, warnings) = check_filing(&FilingDetails {
        program: claim.program,
        technical,
        poe_signed: facts.filing_date,
        purchase_date: new.purchase_date,
        filing_date: facts.filing_date,
    });
    violations.extend(
        filing
            .into_iter()
            .filter(|v| !matches!(v.code, RuleCode::PoeTooOld | RuleCode::PoeSignedInFuture)),
    );
    if !violations.is_empty() {
        return Err(violations);
    }
    if new.purchase_date != claim.purchase_date {
        let window = RuleCode::Osa90DayWindow.as_str();
        new.warnings.retain(|w| w.code != window);
        new.warnings
            .extend(warnings.into_iter().filter(|w| w.code == window));
    }

    let mut changes = Map::new();
    for (field, get) in FIELDS {
        let (old, now) = (get(claim), get(&new));
        if old != now {
            changes.insert((*field).to_string(), json!([old, now]));
        }
    }
    Ok(EditDecision {
        claim: new,
        changes,
        pin_domain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewClaim, PartnerContact, Poe, Program, Status, Warning};

    fn claim(program: Program) -> Claim {
        let at = "2025-06-02T10:00:00Z".parse().unwrap();
        let day = |s: &str| s.parse().unwrap();
        NewClaim {
            name: "n".into(),
            program,
            partner_id: "1000".into(),
            tenant_id: "t1".into(),
            domain: "contoso.com".into(),
            workload: "d365-sales".into(),
            subscription_id: Some("s1".into()),
            channel: Some(Channel::Vl),
            filed_at: at,
            filed_by: "ana".into(),
            notified_at: at,
            deadline: "2025-06-10T00:00:00Z".parse().unwrap(),
            deadline_day: day("2025-06-09"),
            calendar: "default".into(),
            customer: Contact {
                name: "Ann".into(),
                title: "CIO".into(),
                email: "ann@contoso.com".into(),
            },
            technical: Some(Contact {
                name: "Tom".into(),
                title: "IT".into(),
                email: "tom@contoso.com".into(),
            }),
            partner_contact: PartnerContact {
                name: "Pat".into(),
                email: "pat@p.com".into(),
            },
            poe: Poe {
                location: "https://x".into(),
                sha256: None,
                size: None,
                signed_on: day("2025-05-20"),
            },
            purchase_date: Some(day("2025-05-01")),
            comment: None,
            warnings: vec![],
        }
        .saved(7)
    }

    fn facts() -> EditFacts {
        EditFacts {
            domain_pin: None,
            filing_date: "2025-06-02".parse().unwrap(),
        }
    }

    fn codes(v: &[Violation]) -> Vec<&'static str> {
        v.iter().map(|x| x.code.as_str()).collect()
    }

    #[test]
    fn changes_name_json_fields_in_order_and_never_the_unit_or_deadline() {
        let c = claim(Program::OsaSell);
        let req = EditRequest {
            customer_email: Some("ann.lee@contoso.com".into()),
            name: Some("renamed".into()),
            domain: Some("contoso.net".into()),
            ..Default::default()
        };
        let d = decide_edit(&c, &req, &facts()).unwrap();
        assert_eq!(
            Value::Object(d.changes),
            json!({"name": ["n", "renamed"], "domain": ["contoso.com", "contoso.net"],
                   "customer.email": ["ann@contoso.com", "ann.lee@contoso.com"]})
        );
        assert!(d.pin_domain);
        assert_eq!(d.claim.deadline, c.deadline);
        assert_eq!(d.claim.unit(), c.unit());
    }

    #[test]
    fn an_edit_to_the_same_values_changes_nothing() {
        let c = claim(Program::OsaSell);
        let req = EditRequest {
            customer_name: Some("Ann".into()),
            channel: Some(Channel::Vl),
            ..Default::default()
        };
        let d = decide_edit(&c, &req, &facts()).unwrap();
        assert!(d.changes.is_empty());
        assert_eq!(d.claim, c);
    }

    #[test]
    fn refusals() {
        let mut ended = claim(Program::OsaSell);
        ended.status = Status::Withdrawn;
        let none = EditRequest::default();
        assert_eq!(
            codes(&decide_edit(&ended, &none, &facts()).unwrap_err()),
            ["invalid-transition"]
        );
        let c = claim(Program::OsaSell);
        let req = EditRequest {
            domain: Some("fabrikam.com".into()),
            channel: Some(Channel::Csp),
            technical_email: Some(String::new()),
            purchase_date: Some("2025-07-01".parse().unwrap()),
            ..Default::default()
        };
        let pinned = EditFacts {
            domain_pin: Some(Pin {
                kind: PinKind::Domain,
                value: "fabrikam.com".into(),
                tenant_id: "t2".into(),
                since: "2025-01-01T00:00:00Z".parse().unwrap(),
                by_claim: Some(3),
                active_claims: vec![3],
            }),
            ..facts()
        };
        let v = decide_edit(&c, &req, &pinned).unwrap_err();
        assert_eq!(
            codes(&v),
            [
                "domain-tenant-mismatch",
                "csp-excluded",
                "technical-contact-required",
                "purchase-date-in-future"
            ]
        );
        assert!(v[0].message.contains("claim 3"), "{}", v[0].message);
    }

    #[test]
    fn a_new_purchase_date_recomputes_the_90_day_warning() {
        let c = claim(Program::OsaSell);
        let late = EditRequest {
            purchase_date: Some("2025-01-02".parse().unwrap()),
            ..Default::default()
        };
        let d = decide_edit(&c, &late, &facts()).unwrap();
        assert_eq!(d.claim.warnings[0].code, "osa-90-day-window");
        assert!(d.changes.contains_key("warnings"));
        let back = EditRequest {
            purchase_date: Some("2025-05-01".parse().unwrap()),
            ..Default::default()
        };
        let mut warned = d.claim.clone();
        warned.warnings.push(Warning {
            code: "other".into(),
            message: "kept".into(),
        });
        let d = decide_edit(&warned, &back, &facts()).unwrap();
        assert_eq!(d.claim.warnings.len(), 1);
        assert_eq!(d.claim.warnings[0].code, "other");
    }
}
