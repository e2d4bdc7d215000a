//! Tenant pins (SPEC v2 §3): a pin made by mistake may be removed once no active claim uses it.

use super::eligibility::join_ids;
use super::{RuleCode, Violation};
use crate::model::{Pin, PinKind};

/// Whether `pin` may be removed: refused with `pin-in-use`, naming the active claims, while any
/// active claim uses it.
pub fn check_unpin(pin: &Pin) -> Result<(), Violation> {
    if pin.active_claims.is_empty() {
        return Ok(());
    }
    let what = match pin.kind {
        PinKind::Domain => "domain",
        PinKind::Subscription => "subscription",
    };
    let n = pin.active_claims.len();
    Err(Violation::new(
        RuleCode::PinInUse,
        format!(
            "{what} {} is pinned to tenant {} and used by active claim{} {}",
            pin.value,
            pin.tenant_id,
            if n == 1 { "" } else { "s" },
            join_ids(&pin.active_claims)
        ),
        format!(
            "if the tenant is wrong, withdraw {} first (cpor withdraw {} --reason ...), then unpin",
            if n == 1 { "that claim" } else { "those claims" },
            pin.active_claims
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_in_use_names_its_claims() {
        let mut pin = Pin {
            kind: PinKind::Domain,
            value: "contoso.com".into(),
            tenant_id: "t1".into(),
            since: "2025-06-02T10:00:00Z".parse().unwrap(),
            by_claim: Some(1),
            active_claims: vec![1, 4],
        };
        let v = check_unpin(&pin).unwrap_err();
        assert_eq!(v.code, RuleCode::PinInUse);
        assert!(v.message.contains("claims 1 and 4"), "{}", v.message);
        assert!(v.remedy.contains("cpor withdraw 1 4"), "{}", v.remedy);
        pin.active_claims.clear();
        assert!(check_unpin(&pin).is_ok());
    }
}
