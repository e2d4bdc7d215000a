//! Seeding many due claims quickly, through the library, for the tests and the benchmark that
//! need a large finalize. Included with `#[path]` by `tests/cli/main.rs` and
//! `benches/finalize_contention.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use cpor::model::{Contact, NewClaim, PartnerContact, Poe, Program};
use cpor::storage::{self, Location, OpenOptions};
use std::path::Path;

/// Insert `n` pending claims (distinct tenants, so distinct units), notified at `notified` on
/// the default calendar with the given deadline, through the library in one transaction.
pub fn seed_due_claims(
    db: &Path,
    n: usize,
    notified: DateTime<Utc>,
    day: NaiveDate,
    deadline: DateTime<Utc>,
) {
    let mut db = storage::open(&Location::Sqlite(db.to_path_buf()), &OpenOptions::default())
        .expect("open the database");
    storage::write(db.as_mut(), |tx| {
        for i in 0..n {
            let tenant = format!("{:08x}-0000-4000-8000-{:012x}", i + 1, i + 1);
            let claim = NewClaim {
                name: format!("seed {i}"),
                program: Program::OsuM365,
                partner_id: "1000".into(),
                tenant_id: tenant,
                domain: format!("t{i}.example.com"),
                workload: "teams".into(),
                subscription_id: None,
                channel: None,
                filed_at: notified,
                filed_by: "seeder".into(),
                notified_at: notified,
                deadline,
                deadline_day: day,
                calendar: "default".into(),
                customer: Contact {
                    name: "Ann Lee".into(),
                    title: "CIO".into(),
                    email: "ann@example.com".into(),
                },
                technical: None,
                partner_contact: PartnerContact {
                    name: "Pat Kim".into(),
                    email: "pat@partner.example.com".into(),
                },
                poe: Poe {
                    location: "https://example.com/sow.pdf".into(),
                    sha256: None,
                    size: None,
                    signed_on: NaiveDate::from_ymd_opt(2025, 5, 20).unwrap(),
                },
                purchase_date: None,
                comment: None,
                warnings: vec![],
            };
            tx.insert_claim(&claim)?;
        }
        Ok(())
    })
    .expect("seed claims");
}
