//! The catalog: which workload (or product) keys each program accepts.
//!
//! It is data, not code paths: the built-in table below can be replaced wholesale by a TOML file
//! (config key `catalog`) because Microsoft does not publish a stable list. The file maps each
//! program key to a table of `workload-key = "Product name"`:
//!
//! ```toml
//! [osu-m365]
//! teams = "Microsoft Teams"
//! [osu-bizapps]
//! d365-sales = "Dynamics 365 Sales"
//! ```
//! A program missing from the file accepts no workloads.

use crate::model::Program;

/// One workload or product a program accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workload {
    pub key: String,
    pub name: String,
}

/// Programs and the workload keys they accept, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    entries: Vec<(Program, Vec<Workload>)>,
}

const M365: &[(&str, &str)] = &[
    ("exchange", "Exchange Online"),
    ("sharepoint", "SharePoint Online"),
    ("onedrive", "OneDrive for Business"),
    ("teams", "Microsoft Teams"),
    ("m365-apps", "Microsoft 365 Apps for enterprise"),
    ("intune", "Microsoft Intune"),
    ("aad-premium", "Azure AD Premium"),
    ("aip", "Azure Information Protection"),
    ("defender-endpoint", "Microsoft Defender for Endpoint"),
    ("windows-enterprise", "Windows Enterprise"),
];

const DYNAMICS: &[(&str, &str)] = &[
    ("d365-sales", "Dynamics 365 Sales"),
    ("d365-customer-service", "Dynamics 365 Customer Service"),
    ("d365-field-service", "Dynamics 365 Field Service"),
    ("d365-project-operations", "Dynamics 365 Project Operations"),
    ("d365-marketing", "Dynamics 365 Marketing"),
    ("d365-finance", "Dynamics 365 Finance"),
    ("d365-supply-chain", "Dynamics 365 Supply Chain Management"),
    ("d365-commerce", "Dynamics 365 Commerce"),
    ("d365-human-resources", "Dynamics 365 Human Resources"),
    ("d365-team-members", "Dynamics 365 Team Members"),
];

fn workloads(list: &[(&str, &str)]) -> Vec<Workload> {
    list.iter()
        .map(|(key, name)| Workload {
            key: (*key).to_string(),
            name: (*name).to_string(),
        })
        .collect()
}

impl Catalog {
    /// The catalog cpor ships with (SPEC §2).
    pub fn builtin() -> Catalog {
        Catalog {
            entries: vec![
                (Program::OsaSell, workloads(DYNAMICS)),
                (Program::OsuM365, workloads(M365)),
                (Program::OsuBizapps, workloads(DYNAMICS)),
            ],
        }
    }

    /// Parse a replacement catalog from TOML text. Errors name the offending key.
    pub fn from_toml(text: &str) -> Result<Catalog, String> {
        let table: toml::Table = text.parse().map_err(|e| format!("not valid TOML: {e}"))?;
        let mut entries: Vec<(Program, Vec<Workload>)> =
            Program::ALL.iter().map(|p| (*p, Vec::new())).collect();
        for (program_key, value) in &table {
            let program: Program = program_key.parse()?;
            let items = value.as_table().ok_or_else(|| {
                format!("[{program_key}] must be a table of workload-key = \"Product name\"")
            })?;
            let slot = entries
                .iter_mut()
                .find(|(p, _)| *p == program)
                .map(|(_, w)| w)
                .ok_or_else(|| format!("unknown program '{program_key}'"))?;
            for (key, name) in items {
                if !is_workload_key(key) {
                    return Err(format!(
                        "workload key '{key}' in [{program_key}] must be lower-case letters, digits and '-'"
                    ));
                }
                let name = name.as_str().ok_or_else(|| {
                    format!("{program_key}.{key} must be a product name in quotes")
                })?;
                slot.push(Workload {
                    key: key.clone(),
                    name: name.to_string(),
                });
            }
        }
        Ok(Catalog { entries })
    }

    /// The workloads a program accepts, in display order.
    pub fn workloads(&self, program: Program) -> &[Workload] {
        self.entries
            .iter()
            .find(|(p, _)| *p == program)
            .map(|(_, w)| w.as_slice())
            .unwrap_or(&[])
    }

    /// Every program with its workloads.
    pub fn programs(&self) -> impl Iterator<Item = (Program, &[Workload])> {
        self.entries.iter().map(|(p, w)| (*p, w.as_slice()))
    }

    /// Whether `program` accepts `key`.
    pub fn accepts(&self, program: Program, key: &str) -> bool {
        self.workloads(program).iter().any(|w| w.key == key)
    }

    /// Whether any program knows `key`; a key no program knows is malformed input, not a
    /// refusal.
    pub fn knows(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|(_, ws)| ws.iter().any(|w| w.key == key))
    }

    /// The programs that accept `key`.
    pub fn programs_accepting(&self, key: &str) -> Vec<Program> {
        self.entries
            .iter()
            .filter(|(_, ws)| ws.iter().any(|w| w.key == key))
            .map(|(p, _)| *p)
            .collect()
    }

    /// The product name of a key, if any program knows it.
    pub fn product_name(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .flat_map(|(_, ws)| ws.iter())
            .find(|w| w.key == key)
            .map(|w| w.name.as_str())
    }
}

fn is_workload_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_matches_the_spec() {
        let c = Catalog::builtin();
        assert_eq!(c.workloads(Program::OsuM365).len(), 10);
        assert!(c.accepts(Program::OsaSell, "d365-sales"));
        assert!(c.accepts(Program::OsuBizapps, "d365-team-members"));
        assert!(!c.accepts(Program::OsaSell, "teams"));
        assert!(c.knows("teams"));
        assert!(!c.knows("minecraft"));
    }

    #[test]
    fn toml_replaces_the_whole_catalog() {
        let c = Catalog::from_toml("[osu-m365]\nteams = \"Microsoft Teams\"\n").unwrap();
        assert!(c.accepts(Program::OsuM365, "teams"));
        assert!(!c.accepts(Program::OsuM365, "exchange"));
        assert!(c.workloads(Program::OsaSell).is_empty());
    }

    #[test]
    fn toml_errors_name_the_key() {
        let e = Catalog::from_toml("[osu-m999]\nteams = \"x\"\n").unwrap_err();
        assert!(e.contains("osu-m999"), "{e}");
        let e = Catalog::from_toml("[osu-m365]\nTeams = \"x\"\n").unwrap_err();
        assert!(e.contains("Teams"), "{e}");
        let e = Catalog::from_toml("[osu-m365]\nteams = 3\n").unwrap_err();
        assert!(e.contains("osu-m365.teams"), "{e}");
    }
}
