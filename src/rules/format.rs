//! Input formats: what a well-formed tenant ID, subscription ID, PartnerID, domain, e-mail
//! address and date look like. A value that fails here is a usage error (exit 2), never a refusal.
//!
//! Each parser returns the canonical form that is stored: GUIDs and domains in lower case
//! (both are case-insensitive identifiers), e-mail addresses trimmed with the domain part in
//! lower case (the local part is kept exactly as typed).

use chrono::{DateTime, NaiveDate, Utc};

/// A GUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex, any case; braces allowed).
pub fn parse_guid(what: &str, s: &str) -> Result<String, String> {
    let t = s.trim();
    let inner = t
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .unwrap_or(t);
    let groups: Vec<&str> = inner.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    let ok = groups.len() == 5
        && groups
            .iter()
            .zip(lens)
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
    if ok {
        Ok(inner.to_ascii_lowercase())
    } else {
        Err(format!(
            "{what} '{s}' is not a GUID; write it as 8-4-4-4-12 hex digits, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e"
        ))
    }
}

/// A PartnerID (formerly MPN ID): digits only.
pub fn parse_partner_id(s: &str) -> Result<String, String> {
    let t = s.trim();
    if !t.is_empty() && t.len() <= 12 && t.chars().all(|c| c.is_ascii_digit()) {
        Ok(t.to_string())
    } else {
        Err(format!(
            "PartnerID '{s}' is not valid; a PartnerID (formerly MPN ID) is 1 to 12 digits, e.g. 4123456"
        ))
    }
}

/// A DNS domain name such as `contoso.com` or `contoso.onmicrosoft.com`.
pub fn parse_domain(s: &str) -> Result<String, String> {
    let d = s.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().any(|c| c.is_ascii_lowercase()));
    if d.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok {
        Ok(d)
    } else {
        Err(format!(
            "domain '{s}' is not a domain name; give one of the tenant's domains, e.g. contoso.com or contoso.onmicrosoft.com"
        ))
    }
}

/// An e-mail address `local@domain`.
pub fn parse_email(what: &str, s: &str) -> Result<String, String> {
    let t = s.trim();
    let bad = || format!("{what} '{s}' is not an e-mail address; write it like name@contoso.com");
    let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !local.chars().any(|c| c.is_whitespace() || c.is_control());
    if !local_ok {
        return Err(bad());
    }
    let domain = parse_domain(domain).map_err(|_| bad())?;
    Ok(format!("{local}@{domain}"))
}

/// The longest free-text value (names, titles, reasons, labels, actors), in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// The longest `--comment`, in characters.
pub const MAX_COMMENT_CHARS: usize = 4_000;

/// Whether `c` may not appear in stored text: a control character (C0, DEL, C1) or a
/// bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which could rewrite what
/// a terminal or a later reader shows.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// A required free-text value: not empty once trimmed, no control or bidi characters, at most
/// [`MAX_TEXT_CHARS`] characters.
pub fn parse_text(what: &str, s: &str) -> Result<String, String> {
    parse_text_max(what, s, MAX_TEXT_CHARS)
}

/// A comment: like [`parse_text`], up to [`MAX_COMMENT_CHARS`] characters.
pub fn parse_comment(what: &str, s: &str) -> Result<String, String> {
    parse_text_max(what, s, MAX_COMMENT_CHARS)
}

fn parse_text_max(what: &str, s: &str, max: usize) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("{what} must not be empty"));
    }
    if let Some((at, c)) = t.chars().enumerate().find(|(_, c)| is_unsafe_char(*c)) {
        return Err(format!(
            "{what} contains the control or bidirectional character U+{:04X} at position {}; \
             remove it (line breaks, tabs and escape sequences are not allowed)",
            u32::from(c),
            at + 1
        ));
    }
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "{what} is {n} characters long; at most {max} are allowed"
        ));
    }
    Ok(t.to_string())
}

/// A claim ID as typed: a whole number from 1 to 2^63 − 1.
pub fn parse_claim_id(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let bad = || {
        format!(
            "'{s}' is not a claim ID; a claim ID is a whole number from 1 to {}",
            i64::MAX
        )
    };
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match t.parse::<i64>() {
        Ok(id) if id >= 1 => Ok(id),
        _ => Err(bad()),
    }
}

/// A row limit: a whole number from 0 to 2^63 − 1 (what the database can count to).
pub fn parse_limit(s: &str) -> Result<u64, String> {
    let t = s.trim();
    match t.parse::<u64>() {
        Ok(n) if n <= i64::MAX as u64 && t.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(format!(
            "'{s}' is not a limit; give a whole number from 0 to {}, or --all",
            i64::MAX
        )),
    }
}

/// Check `--notified-at`: not after `now`, not before the PoE was signed, and at most
/// `max_backdate_days` days before `now` (the filing instant).
pub fn check_notified_at(
    notified: DateTime<Utc>,
    now: DateTime<Utc>,
    poe_signed: NaiveDate,
    max_backdate_days: u32,
) -> Result<(), String> {
    let text = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    if notified > now {
        return Err(format!(
            "the notification instant {} is in the future (now is {})",
            text(notified),
            text(now)
        ));
    }
    if notified.date_naive() < poe_signed {
        return Err(format!(
            "the notification instant {} is before the PoE was signed ({poe_signed}); the \
             customer is notified of a signed claim",
            text(notified)
        ));
    }
    let earliest = now - chrono::Duration::days(i64::from(max_backdate_days));
    if notified < earliest {
        return Err(format!(
            "the notification instant {} is more than {max_backdate_days} days before filing \
             ({}); a backdated notification would shorten the customer's opt-out window \
             (config max_notified_backdate_days)",
            text(notified),
            text(now)
        ));
    }
    Ok(())
}

/// Refuse a comma list with an empty item (`","`, `sat,,sun`, `sat,`): it is a typo, not a
/// shorter list.
pub fn check_list_items(what: &str, s: &str) -> Result<(), String> {
    if s.trim().is_empty() || s.split(',').any(|item| item.trim().is_empty()) {
        return Err(format!(
            "{what} '{s}' has an empty item; write a comma list without empty entries, e.g. sat,sun"
        ));
    }
    Ok(())
}

/// The one strict `YYYY-MM-DD` date parser, with the other input formats (it lives with the
/// domain types, which store dates).
pub use crate::model::parse_date;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_are_strictly_yyyy_mm_dd() {
        assert_eq!(
            parse_date(" 2025-06-02 ").unwrap(),
            NaiveDate::from_ymd_opt(2025, 6, 2).unwrap()
        );
        assert_eq!(
            parse_date("2024-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        for bad in [
            "",
            "2025-5-1",
            "2025-05-1",
            "25-05-01",
            "02025-05-01",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-06-31",
            "2025/06/02",
            "20250602",
            "+2025-06-02",
            "2025-06-02T00:00",
            "２０２５-06-02",
        ] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.contains(&format!("'{bad}'")), "{bad}: {e}");
        }
    }

    proptest! {
        /// Every real date round-trips through its `YYYY-MM-DD` form.
        #[test]
        fn every_date_round_trips(days in 0i64..3_652_059) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
        }

        /// Nothing but ten characters of the exact shape is ever accepted.
        #[test]
        fn only_the_exact_shape_parses(s in "[0-9+ -]{0,12}") {
            if let Ok(d) = parse_date(&s) {
                prop_assert_eq!(d.format("%Y-%m-%d").to_string(), s.trim());
            }
        }
    }

    #[test]
    fn guids() {
        assert_eq!(
            parse_guid("tenant", "{0F8FAD5B-D9CB-469F-A165-70867728950E}").unwrap(),
            "0f8fad5b-d9cb-469f-a165-70867728950e"
        );
        for bad in [
            "",
            "0f8fad5b",
            "0f8fad5b-d9cb-469f-a165-70867728950",
            "0f8fad5bd9cb469fa16570867728950e",
            "zf8fad5b-d9cb-469f-a165-70867728950e",
        ] {
            let e = parse_guid("tenant", bad).unwrap_err();
            assert!(e.contains(&format!("'{bad}'")), "{e}");
        }
    }

    #[test]
    fn domains() {
        assert_eq!(parse_domain("Contoso.COM.").unwrap(), "contoso.com");
        assert!(parse_domain("contoso.onmicrosoft.com").is_ok());
        for bad in ["contoso", "-a.com", "a..com", "a b.com", "a.123", "x@y.com"] {
            assert!(parse_domain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            parse_email("e-mail", " Ann@Contoso.COM ").unwrap(),
            "Ann@contoso.com"
        );
        for bad in [
            "ann",
            "@contoso.com",
            "ann@",
            "ann@contoso",
            "a nn@contoso.com",
        ] {
            assert!(parse_email("e-mail", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn free_text_refuses_controls_and_bidi_and_long_values() {
        assert_eq!(parse_text("--name", "  Ann Lee ").unwrap(), "Ann Lee");
        assert_eq!(parse_text("--name", "Zoë 😀 ✓").unwrap(), "Zoë 😀 ✓");
        for c in [
            '\u{1b}', '\n', '\t', '\r', '\u{0}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202a}',
            '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            let bad = format!("a{c}b");
            let e = parse_text("--name", &bad).unwrap_err();
            assert!(e.starts_with("--name contains"), "{bad:?}: {e}");
        }
        // U+202F and U+2065 sit just outside the refused ranges.
        assert!(parse_text("--name", "a\u{202f}b\u{2065}").is_ok());
        assert!(parse_text("--name", &"é".repeat(MAX_TEXT_CHARS)).is_ok());
        assert!(parse_text("--name", &"é".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert!(parse_comment("--comment", &"x".repeat(MAX_COMMENT_CHARS)).is_ok());
        assert!(parse_comment("--comment", &"x".repeat(MAX_COMMENT_CHARS + 1)).is_err());
    }

    #[test]
    fn claim_ids_and_limits_stay_in_range() {
        assert_eq!(parse_claim_id("1"), Ok(1));
        assert_eq!(parse_claim_id("9223372036854775807"), Ok(i64::MAX));
        for bad in ["0", "-1", "+1", "9223372036854775808", "1e3", "", "0x10"] {
            assert!(parse_claim_id(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_limit("0"), Ok(0));
        assert_eq!(parse_limit("9223372036854775807"), Ok(i64::MAX as u64));
        for bad in ["9223372036854775808", "-1", "+5", "ten"] {
            assert!(parse_limit(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn notification_instants_are_bounded() {
        let t = |s: &str| crate::model::parse_instant(s).unwrap();
        let now = t("2025-06-02T10:00:00Z");
        let signed = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
        assert!(check_notified_at(now, now, signed, 30).is_ok());
        assert!(check_notified_at(t("2025-05-03T10:00:00Z"), now, signed, 30).is_ok());
        assert!(check_notified_at(t("2025-05-03T09:59:59Z"), now, signed, 30).is_err());
        assert!(check_notified_at(t("2025-06-02T10:00:01Z"), now, signed, 30).is_err());
        assert!(check_notified_at(t("2025-05-01T00:00:00Z"), now, signed, 365).is_ok());
        assert!(check_notified_at(t("2025-04-30T23:59:59Z"), now, signed, 365).is_err());
        assert!(check_notified_at(t("2025-06-02T09:59:59Z"), now, signed, 0).is_err());
    }

    #[test]
    fn comma_lists_have_no_empty_items() {
        assert!(check_list_items("--weekend", "sat,sun").is_ok());
        assert!(check_list_items("--weekend", " fri , sat ").is_ok());
        for bad in ["", ",", "sat,,sun", "sat,", ",sun", " , "] {
            assert!(check_list_items("--weekend", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn partner_ids() {
        assert_eq!(parse_partner_id(" 4123456 ").unwrap(), "4123456");
        assert!(parse_partner_id("41-23").is_err());
        assert!(parse_partner_id("").is_err());
    }
}
