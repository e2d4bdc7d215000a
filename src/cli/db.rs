//! `cpor db migrate|grant|revoke|roles`: the schema, and on the team backend (PostgreSQL) who
//! holds which incentive role (SPEC §9).

use super::Ctx;
use crate::error::CporError;
use crate::output::{Format, emit_json};
#[cfg(feature = "postgres")]
use crate::output::{csv_safe, emit, text_cell};
use crate::storage::{self, Location};
use clap::{Args, Subcommand, ValueEnum};

/// Set up the database and, on PostgreSQL, the team's roles.
///
/// `migrate` creates or upgrades the schema (on PostgreSQL also the roles
/// cpor_incentives_user and cpor_incentives_admin; run it as the database owner).
/// `grant`, `revoke` and `roles` manage who holds which role, on PostgreSQL only.
///
/// Examples:
///   cpor --db postgres://owner@db.example/cpor db migrate
///   cpor --db postgres://owner@db.example/cpor db grant ana --role user
///   cpor --db postgres://owner@db.example/cpor db grant lee --role admin
///   cpor --db postgres://owner@db.example/cpor db roles --json
#[derive(Debug, Subcommand)]
#[command(verbatim_doc_comment)]
pub enum DbCommand {
    Migrate(MigrateArgs),
    Grant(GrantArgs),
    Revoke(RevokeArgs),
    Roles(RolesArgs),
}

/// Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).
///
/// Examples:
///   cpor --db postgres://owner@db.example/cpor db migrate
///   cpor --db ./cpor.db db migrate
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct MigrateArgs {}

/// Give a PostgreSQL login the Incentives user or admin role (replacing the other one).
///
/// Examples:
///   cpor db grant ana --role user
///   cpor db grant lee --role admin
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct GrantArgs {
    /// The PostgreSQL login (create it first: CREATE ROLE ana LOGIN PASSWORD '…')
    pub login: String,
    /// user: reads, files claims, changes the claims it filed; admin: everything
    #[arg(long, value_enum)]
    pub role: RoleArg,
}

/// Take both incentive roles from a PostgreSQL login.
///
/// Examples:
///   cpor db revoke ana
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RevokeArgs {
    /// The PostgreSQL login
    pub login: String,
}

/// List the logins holding an incentive role.
///
/// Examples:
///   cpor db roles
///   cpor db roles --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct RolesArgs {}

/// The two roles of Partner Center's incentives team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    User,
    Admin,
}

pub fn run(ctx: &Ctx, cmd: DbCommand) -> anyhow::Result<u8> {
    let location = ctx.location();
    match cmd {
        DbCommand::Migrate(_) => {
            let (before, after) = storage::migrate(&location, &ctx.open)?;
            let msg = if before == after {
                format!("{location} is at schema version {after}; nothing to do")
            } else {
                format!("{location}: schema version {before} -> {after}")
            };
            ctx.note(msg);
            if ctx.format == Format::Json {
                emit_json(&serde_json::json!({"from": before, "to": after}))?;
            }
            Ok(0)
        }
        DbCommand::Grant(a) => team(&location, "grant").and_then(|url| grant(ctx, url, a)),
        DbCommand::Revoke(a) => team(&location, "revoke").and_then(|url| revoke(ctx, url, a)),
        DbCommand::Roles(_) => team(&location, "roles").and_then(|url| roles(ctx, url)),
    }
}

/// The URL of a team database; on SQLite a usage error (there are no roles in a file).
fn team<'l>(location: &'l Location, verb: &str) -> anyhow::Result<&'l str> {
    match location {
        Location::Postgres(url) => Ok(url),
        Location::Sqlite(_) => Err(CporError::usage(
            "team-backend-only",
            format!(
                "`cpor db {verb}` manages the roles of the team backend (PostgreSQL); {location} is an SQLite file, where whoever can open the file may do everything"
            ),
        )
        .hint("point --db / CPOR_DB at a postgres:// URL")
        .into()),
    }
}

#[cfg(feature = "postgres")]
fn grant(ctx: &Ctx, url: &str, a: GrantArgs) -> anyhow::Result<u8> {
    use storage::postgres::TeamRole;
    let login = check_login(&a.login)?;
    let role = match a.role {
        RoleArg::User => TeamRole::User,
        RoleArg::Admin => TeamRole::Admin,
    };
    storage::postgres::grant(url, login, role)?;
    ctx.note(format!("{login} now holds {}", role.role_name()));
    Ok(0)
}

#[cfg(feature = "postgres")]
fn revoke(ctx: &Ctx, url: &str, a: RevokeArgs) -> anyhow::Result<u8> {
    let login = check_login(&a.login)?;
    storage::postgres::revoke(url, login)?;
    ctx.note(format!("{login} holds no cpor role now"));
    Ok(0)
}

#[cfg(feature = "postgres")]
fn roles(ctx: &Ctx, url: &str) -> anyhow::Result<u8> {
    use storage::postgres::TeamRole;
    let members = storage::postgres::role_members(url)?;
    let name = |r: &TeamRole| match r {
        TeamRole::User => "user",
        TeamRole::Admin => "admin",
    };
    match ctx.format {
        Format::Json => emit_json(
            &members
                .iter()
                .map(|(l, r)| serde_json::json!({"login": l, "role": name(r)}))
                .collect::<Vec<_>>(),
        )?,
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["login", "role"])?;
            for (l, r) in &members {
                out.write_record([csv_safe(l).as_ref(), name(r)])?;
            }
            out.flush()
        })?,
        Format::Table => {
            let mut t = ctx.style.table();
            t.set_header(["login", "role"]);
            for (l, r) in &members {
                t.add_row(vec![text_cell(l), text_cell(name(r))]);
            }
            emit(|w| writeln!(w, "{t}"))?;
        }
    }
    Ok(0)
}

#[cfg(not(feature = "postgres"))]
fn grant(_: &Ctx, url: &str, _: GrantArgs) -> anyhow::Result<u8> {
    Err(storage::StorageError::from(anyhow::anyhow!(
        "{}: built without PostgreSQL",
        storage::redact_url(url)
    ))
    .into())
}
#[cfg(not(feature = "postgres"))]
fn revoke(ctx: &Ctx, url: &str, _: RevokeArgs) -> anyhow::Result<u8> {
    grant(
        ctx,
        url,
        GrantArgs {
            login: String::new(),
            role: RoleArg::User,
        },
    )
}
#[cfg(not(feature = "postgres"))]
fn roles(ctx: &Ctx, url: &str) -> anyhow::Result<u8> {
    grant(
        ctx,
        url,
        GrantArgs {
            login: String::new(),
            role: RoleArg::User,
        },
    )
}

/// A login name is a plain identifier (it is quoted, but a typo should not become a role).
#[cfg(feature = "postgres")]
fn check_login(login: &str) -> anyhow::Result<&str> {
    let ok = !login.is_empty()
        && login.len() <= 63
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '@'));
    if ok {
        Ok(login)
    } else {
        Err(CporError::usage(
            "invalid-login",
            format!("'{login}' is not a PostgreSQL login name cpor manages (letters, digits, _ - . @; at most 63)"),
        )
        .into())
    }
}
