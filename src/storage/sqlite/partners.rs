//! PartnerIDs and their program enrolments.

use super::SqliteTxn;
use crate::model::{Partner, Program, utc_text};
use crate::storage::EnrolOutcome;
use anyhow::Context;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

impl SqliteTxn<'_> {
    /// One partner with its programs, or `None` if the PartnerID is unknown.
    pub fn partner(&self, partner_id: &str) -> anyhow::Result<Option<Partner>> {
        let name: Option<String> = self
            .tx
            .prepare_cached("SELECT name FROM partners WHERE partner_id = ?1")?
            .query_row([partner_id], |r| r.get(0))
            .optional()
            .context("could not read the partner")?;
        let Some(name) = name else { return Ok(None) };
        Ok(Some(Partner {
            partner_id: partner_id.to_string(),
            name,
            programs: self.enrolments(partner_id)?,
        }))
    }

    fn enrolments(&self, partner_id: &str) -> anyhow::Result<Vec<Program>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT program FROM enrolments WHERE partner_id = ?1")?;
        let mut programs = stmt
            .query_map([partner_id], |r| r.get::<_, Program>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        programs.sort();
        Ok(programs)
    }

    /// Every partner, ordered by PartnerID.
    pub fn partners(&self) -> anyhow::Result<Vec<Partner>> {
        let ids: Vec<String> = self
            .tx
            .prepare("SELECT partner_id FROM partners ORDER BY length(partner_id), partner_id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()
            .context("could not list partners")?;
        ids.iter()
            .map(|id| Ok(self.partner(id)?.expect("listed partner exists")))
            .collect()
    }

    /// Create the partner if needed (a new one needs `name`), rename it if `name` differs, and
    /// enrol it in `programs`.
    pub fn enrol(
        &self,
        partner_id: &str,
        name: Option<&str>,
        programs: &[Program],
        now: DateTime<Utc>,
    ) -> anyhow::Result<EnrolOutcome> {
        let existing = self.partner(partner_id)?;
        let mut outcome = EnrolOutcome {
            created: existing.is_none(),
            renamed: false,
            added: Vec::new(),
        };
        match (&existing, name) {
            (None, Some(name)) => {
                self.tx.execute(
                    "INSERT INTO partners (partner_id, name, added_at) VALUES (?1, ?2, ?3)",
                    params![partner_id, name, utc_text(now)],
                )?;
            }
            (None, None) => anyhow::bail!("a new partner needs a name"),
            (Some(p), Some(name)) if p.name != name => {
                self.tx.execute(
                    "UPDATE partners SET name = ?2 WHERE partner_id = ?1",
                    params![partner_id, name],
                )?;
                outcome.renamed = true;
            }
            _ => {}
        }
        let have = existing.map(|p| p.programs).unwrap_or_default();
        for program in programs {
            if !have.contains(program) && !outcome.added.contains(program) {
                self.tx.execute(
                    "INSERT INTO enrolments (partner_id, program, enrolled_at) VALUES (?1, ?2, ?3)",
                    params![partner_id, program, utc_text(now)],
                )?;
                outcome.added.push(*program);
            }
        }
        Ok(outcome)
    }

    /// Unenrol the partner from `programs`; returns the programs it was actually enrolled in.
    pub fn unenrol(&self, partner_id: &str, programs: &[Program]) -> anyhow::Result<Vec<Program>> {
        let mut removed = Vec::new();
        for program in programs {
            let n = self.tx.execute(
                "DELETE FROM enrolments WHERE partner_id = ?1 AND program = ?2",
                params![partner_id, program],
            )?;
            if n > 0 {
                removed.push(*program);
            }
        }
        Ok(removed)
    }

    /// Remove the partner and all its enrolments. Its claims are kept.
    pub fn remove_partner(&self, partner_id: &str) -> anyhow::Result<bool> {
        let n = self
            .tx
            .execute("DELETE FROM partners WHERE partner_id = ?1", [partner_id])?;
        Ok(n > 0)
    }
}
