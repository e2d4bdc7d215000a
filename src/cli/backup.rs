//! `cpor backup`: a consistent copy of the live database.

use super::Ctx;
use crate::error::CporError;
use clap::Args;
use std::path::PathBuf;

/// Write a consistent backup of the database to a new file.
///
/// Safe while other cpor processes (a cron `finalize`, staff filing claims) are writing: the
/// copy is one read snapshot (SQLite `VACUUM INTO`), never a plain file copy of a WAL
/// database, which can miss or tear recent writes. The backup is an ordinary cpor database
/// (mode 0600); restore it by pointing --db at it or copying it over the original while no
/// cpor process runs.
///
/// Examples:
///   cpor backup ~/backups/cpor-$(date +%F).db
///   cpor --db /srv/cpor/cpor.db backup /srv/backups/cpor-nightly.db
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BackupArgs {
    /// Where to write the backup (must not exist)
    pub dest: PathBuf,
}

pub fn run(ctx: &Ctx, a: BackupArgs) -> anyhow::Result<u8> {
    if !ctx.db_exists()? {
        return Err(CporError::not_found(
            "db-missing",
            format!(
                "there is no database at {} to back up",
                ctx.db_path.display()
            ),
        )
        .hint("check --db / CPOR_DB")
        .into());
    }
    let mut db = ctx.db()?;
    let size = db.backup_to(&a.dest)?;
    ctx.note(format!(
        "backed up {} to {} ({size} bytes)",
        ctx.db_path.display(),
        a.dest.display()
    ));
    Ok(0)
}
