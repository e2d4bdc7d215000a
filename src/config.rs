//! The configuration file (SPEC §8): TOML at `<platform config dir>/cpor/config.toml`, or the
//! file named by `CPOR_CONFIG`. Precedence is flag, then environment, then this file, then the
//! built-in default; the merging happens in `cli`, this module only reads and validates the file.

use crate::error::CporError;
pub use crate::output::Format;
use crate::rules::catalog::Catalog;
use crate::rules::format::{parse_email, parse_partner_id, parse_text};
use crate::storage::JournalMode;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    db: Option<PathBuf>,
    format: Option<String>,
    calendar: Option<String>,
    opt_out_business_days: Option<i64>,
    busy_timeout_ms: Option<i64>,
    journal_mode: Option<String>,
    catalog: Option<PathBuf>,
    max_notified_backdate_days: Option<i64>,
    defaults: Option<RawDefaults>,
    poe_refresh_months: Option<i64>,
    display_tz: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    partner_id: Option<String>,
    partner_contact: Option<String>,
    partner_email: Option<String>,
}

/// Partner-side defaults for `claim`.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub partner_id: Option<String>,
    pub partner_contact: Option<String>,
    pub partner_email: Option<String>,
}

/// The validated configuration file (every value optional).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the file was read from, if one was.
    pub source: Option<PathBuf>,
    pub db: Option<PathBuf>,
    pub format: Option<Format>,
    pub calendar: Option<String>,
    pub opt_out_business_days: Option<u32>,
    pub busy_timeout_ms: Option<u64>,
    pub journal_mode: Option<JournalMode>,
    pub catalog: Option<Catalog>,
    /// How many days `--notified-at` may lie before the filing instant (0..=365).
    pub max_notified_backdate_days: Option<u32>,
    pub defaults: Defaults,
    /// v2: a claim's PoE is aging once its newest signature is older than this many months.
    pub poe_refresh_months: Option<u32>,
    /// v2: the zone tables show times in (`--tz` beats it).
    pub display_tz: Option<chrono_tz::Tz>,
}

/// Every key the file may hold, for "did you mean" and the list in the error.
const KNOWN_KEYS: &[&str] = &[
    "db",
    "format",
    "calendar",
    "opt_out_business_days",
    "busy_timeout_ms",
    "journal_mode",
    "catalog",
    "max_notified_backdate_days",
    "poe_refresh_months",
    "display_tz",
    "defaults",
    "partner_id",
    "partner_contact",
    "partner_email",
];

/// The known key nearest to `key`, when it is near enough to be a typo.
pub fn nearest_key(key: &str) -> Option<&'static str> {
    KNOWN_KEYS
        .iter()
        .map(|k| (strsim::jaro_winkler(key, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// A zone to show times in: an IANA name (`Europe/London`), `utc`, or `local`, the zone `TZ`
/// names, else the system's (`/etc/localtime`), else UTC.
pub fn parse_display_tz(s: &str) -> Result<chrono_tz::Tz, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("utc") {
        return Ok(chrono_tz::Tz::UTC);
    }
    if t.eq_ignore_ascii_case("local") {
        return Ok(local_zone());
    }
    t.parse().map_err(|_| {
        format!("unknown time zone '{s}'; use an IANA name such as Europe/London, or local, or utc")
    })
}

/// The local zone: `TZ` (`Europe/Berlin` or `:Europe/Berlin`), else the zone `/etc/localtime`
/// links to, else UTC.
fn local_zone() -> chrono_tz::Tz {
    let from_env = std::env::var("TZ")
        .ok()
        .and_then(|tz| tz.trim_start_matches(':').parse().ok());
    let from_link = || {
        let target = std::fs::read_link("/etc/localtime").ok()?;
        let text = target.to_str()?;
        let (_, name) = text.split_once("zoneinfo/")?;
        name.parse().ok()
    };
    from_env.or_else(from_link).unwrap_or(chrono_tz::Tz::UTC)
}

/// The default location of the config file.
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.config_dir().join("cpor").join("config.toml"))
}

/// The default database location: `<platform data dir>/cpor/cpor.db`.
pub fn default_db_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.data_dir().join("cpor").join("cpor.db"))
}

impl Config {
    /// Load the config: `explicit` (from `CPOR_CONFIG`) must exist; the default location may
    /// be absent.
    pub fn load(explicit: Option<&Path>) -> anyhow::Result<Config> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(CporError::usage(
                    "config",
                    format!("cannot read the config file {}: {e}", path.display()),
                )
                .hint("fix CPOR_CONFIG or create the file")
                .into());
            }
        };
        Config::parse(&text, &path)
    }

    /// Parse and validate config text read from `path`.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let shown = path.display().to_string();
        let bad = |key: &str, msg: String| -> anyhow::Error {
            CporError::usage("config", format!("config file {shown}: key `{key}`: {msg}"))
                .hint(format!("fix or remove `{key}` in {shown}"))
                .into()
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            // serde names an unknown key as "unknown field `key`, expected …".
            let suggestion = e
                .message()
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once('`'))
                .and_then(|(key, _)| nearest_key(key));
            let mut err = CporError::usage(
                "config",
                format!("config file {shown}{}: {}", locate(text, e.span()), e.message()),
            );
            if let Some(k) = suggestion {
                err = err.hint(format!("did you mean `{k}`?"));
            }
            anyhow::Error::from(err.hint(format!(
                "known keys: db, format, calendar, opt_out_business_days, busy_timeout_ms, journal_mode, catalog, max_notified_backdate_days, poe_refresh_months, display_tz, [defaults] partner_id, partner_contact, partner_email; fix {shown}"
            )))
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut cfg = Config {
            source: Some(path.to_path_buf()),
            // A relative path is relative to the config file; a PostgreSQL URL is kept as is.
            db: raw.db.map(|p| match p.to_str() {
                Some(url) if crate::storage::is_postgres_url(url) => p,
                _ => base.join(p),
            }),
            calendar: raw.calendar,
            ..Config::default()
        };
        if let Some(f) = raw.format {
            cfg.format = Some(f.parse().map_err(|e| bad("format", e))?);
        }
        if let Some(n) = raw.opt_out_business_days {
            if !(1..=60).contains(&n) {
                return Err(bad(
                    "opt_out_business_days",
                    format!(
                        "{n} is out of range; use a whole number of business days from 1 to 60"
                    ),
                ));
            }
            cfg.opt_out_business_days = Some(n as u32);
        }
        if let Some(n) = raw.busy_timeout_ms {
            if !(0..=600_000).contains(&n) {
                return Err(bad(
                    "busy_timeout_ms",
                    format!("{n} is out of range; use milliseconds from 0 to 600000"),
                ));
            }
            cfg.busy_timeout_ms = Some(n as u64);
        }
        if let Some(n) = raw.max_notified_backdate_days {
            if !(0..=365).contains(&n) {
                return Err(bad(
                    "max_notified_backdate_days",
                    format!("{n} is out of range; use a whole number of days from 0 to 365"),
                ));
            }
            cfg.max_notified_backdate_days = Some(n as u32);
        }
        if let Some(n) = raw.poe_refresh_months {
            if !(1..=12).contains(&n) {
                return Err(bad(
                    "poe_refresh_months",
                    format!("{n} is out of range; use a whole number of months from 1 to 12"),
                ));
            }
            cfg.poe_refresh_months = Some(n as u32);
        }
        if let Some(z) = raw.display_tz {
            cfg.display_tz = Some(parse_display_tz(&z).map_err(|e| bad("display_tz", e))?);
        }
        if let Some(j) = raw.journal_mode {
            cfg.journal_mode = Some(j.parse().map_err(|e| bad("journal_mode", e))?);
        }
        if let Some(c) = raw.catalog {
            let file = base.join(c);
            let text = std::fs::read_to_string(&file)
                .map_err(|e| bad("catalog", format!("cannot read {}: {e}", file.display())))?;
            cfg.catalog = Some(
                Catalog::from_toml(&text)
                    .map_err(|e| bad("catalog", format!("{}: {e}", file.display())))?,
            );
        }
        if let Some(d) = raw.defaults {
            if let Some(p) = d.partner_id {
                cfg.defaults.partner_id =
                    Some(parse_partner_id(&p).map_err(|e| bad("defaults.partner_id", e))?);
            }
            if let Some(p) = d.partner_contact {
                cfg.defaults.partner_contact = Some(
                    parse_text("the partner contact", &p)
                        .map_err(|e| bad("defaults.partner_contact", e))?,
                );
            }
            if let Some(p) = d.partner_email {
                cfg.defaults.partner_email = Some(
                    parse_email("the partner e-mail", &p)
                        .map_err(|e| bad("defaults.partner_email", e))?,
                );
            }
        }
        Ok(cfg)
    }
}

/// ", line N, key `k`" for a parse error at `span`, so the message names what to fix.
fn locate(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    let Some(span) = span else {
        return String::new();
    };
    let start = span.start.min(text.len());
    let line_no = text[..start].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or_default();
    match line.split_once('=') {
        Some((key, _)) if !key.trim().is_empty() && !key.trim_start().starts_with('[') => {
            format!(", line {line_no}, key `{}`", key.trim())
        }
        _ => format!(", line {line_no}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("/etc/cpor.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_key() {
        let c = parse(
            "db = \"x.db\"\nformat = \"json\"\ncalendar = \"uk\"\nopt_out_business_days = 7\nbusy_timeout_ms = 500\njournal_mode = \"delete\"\n[defaults]\npartner_id = \"123\"\npartner_contact = \"Pat\"\npartner_email = \"pat@fabrikam.com\"\n",
        )
        .unwrap();
        assert_eq!(c.db.unwrap(), Path::new("/etc/x.db"));
        assert_eq!(c.format, Some(Format::Json));
        assert_eq!(c.opt_out_business_days, Some(7));
        assert_eq!(c.journal_mode, Some(JournalMode::Delete));
        assert_eq!(c.defaults.partner_id.as_deref(), Some("123"));
    }

    #[test]
    fn errors_name_the_file_and_key() {
        let e = parse("colour = \"red\"\n").unwrap_err();
        assert!(e.contains("/etc/cpor.toml") && e.contains("colour"), "{e}");
        let e = parse("format = \"xml\"\n").unwrap_err();
        assert!(e.contains("`format`") && e.contains("xml"), "{e}");
        let e = parse("[defaults]\npartner_email = \"nope\"\n").unwrap_err();
        assert!(e.contains("defaults.partner_email"), "{e}");
        let e = parse("opt_out_business_days = 0\n").unwrap_err();
        assert!(e.contains("opt_out_business_days"), "{e}");
        let e = parse("format = \"table\"\n[defaults]\npartner_id = 4123456\n").unwrap_err();
        assert!(e.contains("line 3, key `partner_id`"), "{e}");
        let e = parse("max_notified_backdate_days = 366\n").unwrap_err();
        assert!(e.contains("max_notified_backdate_days"), "{e}");
        assert_eq!(
            parse("max_notified_backdate_days = 0\n")
                .unwrap()
                .max_notified_backdate_days,
            Some(0)
        );
        let e = parse("calendar = uk\n").unwrap_err();
        assert!(e.contains("line 1, key `calendar`"), "{e}");
    }

    #[test]
    fn a_misspelt_key_names_the_nearest_known_key() {
        let e = Config::parse("fromat = \"json\"\n", Path::new("/etc/cpor.toml")).unwrap_err();
        let report = crate::error::classify(&e);
        assert!(
            report.hints.iter().any(|h| h == "did you mean `format`?"),
            "{:?}",
            report.hints
        );
        assert_eq!(nearest_key("display_zt"), Some("display_tz"));
        assert_eq!(nearest_key("zzzzzz"), None);
    }

    #[test]
    fn display_tz_takes_a_zone_local_or_utc() {
        assert_eq!(
            parse("display_tz = \"America/New_York\"")
                .unwrap()
                .display_tz,
            Some(chrono_tz::Tz::America__New_York)
        );
        assert_eq!(
            parse("display_tz = \"UTC\"").unwrap().display_tz,
            Some(chrono_tz::Tz::UTC)
        );
        let e = parse("display_tz = \"Mars/Olympus\"").unwrap_err();
        assert!(e.contains("display_tz") && e.contains("IANA"), "{e}");
    }

    #[test]
    fn poe_refresh_months_is_one_to_twelve() {
        assert_eq!(
            parse("poe_refresh_months = 6").unwrap().poe_refresh_months,
            Some(6)
        );
        assert_eq!(parse("").unwrap().poe_refresh_months, None);
        for bad in ["0", "13", "-1"] {
            let e = parse(&format!("poe_refresh_months = {bad}")).unwrap_err();
            assert!(
                e.contains("poe_refresh_months") && e.contains("1 to 12"),
                "{e}"
            );
        }
    }
}
