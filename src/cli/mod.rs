//! The command line: global options, the shared context, dispatch to one file per subcommand,
//! and the one place where a result becomes an exit code.

mod backup;
mod calendar;
mod catalog;
mod claim;
mod completions;
mod db;
mod due;
mod dump;
mod edit;
mod export;
mod filter;
mod finalize;
mod import;
mod list;
mod opt_out;
mod partner;
mod poe;
mod prompt;
mod report;
mod show;
mod tenant;
mod troubleshoot;
mod unit;
mod withdraw;

use crate::config::{Config, default_db_path};
use crate::error::{CporError, ErrorKind, classify};
use crate::model::parse_instant;
use crate::output::{Format, Style, escape_lines, print_error};
use crate::rules::catalog::Catalog;
use crate::rules::format::is_unsafe_char;
use crate::rules::lifecycle::Decision;
use crate::storage::{JournalMode, Location, OpenMode, OpenOptions, Store, Txn};
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// The system of record for Claiming Partner of Record (CPOR) customer associations.
///
/// Files claims for OSA Sell, OSU – Microsoft 365 and OSU – Business Applications, checks them
/// against the CPOR rules, runs the customer's five-business-day opt-out window, makes
/// associations official, and explains why a claim is stuck or refused.
#[derive(Debug, Parser)]
#[command(
    name = "cpor",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = "Examples:\n  cpor partner add 4123456 --name \"Fabrikam\" --program osu-m365\n  cpor claim --partner-id 4123456 --program osu-m365 --workload teams --tenant ... --domain contoso.com ...\n  cpor list --status pending\n  cpor finalize\n  cpor troubleshoot 42"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Database file [default: <platform data dir>/cpor/cpor.db]
    #[arg(long, global = true, env = "CPOR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format (jsonl: the rows of import and export)
    #[arg(
        long,
        global = true,
        env = "CPOR_FORMAT",
        value_enum,
        ignore_case = true,
        value_name = "FORMAT"
    )]
    pub format: Option<FormatArg>,
    /// Shorthand for --format json
    #[arg(long, global = true)]
    pub json: bool,
    /// The current instant (RFC 3339), for backfills, replays and tests
    #[arg(long, global = true, env = "CPOR_NOW", value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<Utc>>,
    /// Who is acting, recorded in history [default: the OS user name]
    #[arg(long, global = true, env = "CPOR_ACTOR", value_name = "NAME")]
    pub actor: Option<String>,
    /// When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and
    /// never beat them
    #[arg(long, global = true, env = "CPOR_COLOR", value_enum, ignore_case = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The zone tables show times in: an IANA name, `local` (honours TZ) or `utc`
    /// [default: each claim's calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV
    /// stay UTC
    // Text checked when the context is built, and CPOR_TZ read there: `calendar set --tz`
    // (the calendar's own zone) shares the id, and an env default here would reach it.
    #[arg(long, global = true, value_name = "ZONE|local|utc")]
    pub tz: Option<String>,
    /// Only print errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more detail on stderr (CPOR_LOG=debug does the same)
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Never prompt, also on a terminal (CPOR_NO_INPUT=1)
    #[arg(long, global = true, env = "CPOR_NO_INPUT", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_input: bool,
    /// Answer yes to confirmations
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
}

/// `--format`: the output formats, and `jsonl`, which only `import` and `export` read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Jsonl,
}

impl FormatArg {
    /// The output format this choice means for the command's report.
    fn output(self) -> Format {
        match self {
            FormatArg::Table => Format::Table,
            FormatArg::Json | FormatArg::Jsonl => Format::Json,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// The row formats of `import` and `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    Csv,
    Jsonl,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    parse_instant(s)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Claim(Box<claim::ClaimArgs>),
    List(list::ListArgs),
    Show(show::ShowArgs),
    OptOut(opt_out::OptOutArgs),
    Withdraw(withdraw::WithdrawArgs),
    Finalize(finalize::FinalizeArgs),
    Troubleshoot(troubleshoot::TroubleshootArgs),
    #[command(subcommand)]
    Partner(partner::PartnerCommand),
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    Catalog(catalog::CatalogArgs),
    Backup(backup::BackupArgs),
    Completions(completions::CompletionsArgs),
    Man(completions::ManArgs),
    Edit(Box<edit::EditArgs>),
    #[command(subcommand)]
    Poe(poe::PoeCommand),
    #[command(subcommand)]
    Tenant(tenant::TenantCommand),
    Due(due::DueArgs),
    Report(report::ReportArgs),
    Import(import::ImportArgs),
    Export(export::ExportArgs),
    Dump(dump::DumpArgs),
    Restore(dump::RestoreArgs),
    #[command(subcommand)]
    Db(db::DbCommand),
}

/// How chatty stderr is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// Everything a command needs besides its own arguments.
pub struct Ctx {
    pub db_path: PathBuf,
    /// Which setting named the database: `--db`, `CPOR_DB`, the config file or the default.
    pub db_from: &'static str,
    pub open: OpenOptions,
    pub format: Format,
    pub now: DateTime<Utc>,
    pub actor: String,
    pub style: Style,
    pub verbosity: Verbosity,
    /// Prompts are allowed: stdin and stderr are terminals and --no-input is not set.
    pub interactive: bool,
    pub yes: bool,
    pub config: Config,
    pub catalog: Catalog,
    pub business_days: u32,
    pub default_calendar: String,
    /// Why the config file could not be used, when the command runs anyway on the built-in
    /// defaults (only `troubleshoot`, which reports it as the finding `config-invalid`).
    pub config_error: Option<anyhow::Error>,
    /// The row format `--format` names (csv or jsonl), for `import` and `export`.
    pub row_format: Option<RowFormat>,
}

impl Ctx {
    /// Where the database is.
    pub fn location(&self) -> Location {
        Location::from_setting(self.db_path.clone())
    }

    /// Whether there is anything at the database's location yet (asking must not create it).
    pub fn db_exists(&self) -> anyhow::Result<bool> {
        Ok(crate::storage::probe(&self.location())?.state != crate::storage::BackendState::Missing)
    }

    /// Open the database for a command that writes: created and migrated if needed.
    pub fn db(&self) -> anyhow::Result<Box<dyn Store>> {
        self.open_db(OpenMode::Create)
    }

    /// Open an existing database, for reads, dry runs and commands that write nothing when
    /// there is no database: never creates a file or directory. A missing database is exit 6,
    /// saying where cpor looked and what creates it.
    pub fn db_existing(&self) -> anyhow::Result<Box<dyn Store>> {
        self.open_db(OpenMode::Existing).map_err(|e| {
            match e.downcast_ref::<crate::storage::StorageError>() {
                Some(crate::storage::StorageError::Missing { .. }) => CporError::database(
                    "db-missing",
                    format!(
                        "there is no cpor database at {} (looked there because of {})",
                        self.db_path.display(),
                        self.db_from
                    ),
                )
                .hint("the first write creates it, e.g. `cpor partner add ID --name NAME --program P`")
                .hint("or point --db / CPOR_DB at the existing database")
                .into(),
                _ => e,
            }
        })
    }

    fn open_db(&self, mode: OpenMode) -> anyhow::Result<Box<dyn Store>> {
        self.debug(format!(
            "database: {} (busy timeout {} ms, journal mode {}); config: {}",
            self.location(),
            self.open.busy_timeout.as_millis(),
            self.open.journal_mode.as_str(),
            self.config
                .source
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "none".into())
        ));
        let opts = OpenOptions {
            mode,
            ..self.open.clone()
        };
        Ok(crate::storage::open(&self.location(), &opts)?)
    }

    /// A status line on stderr, unless --quiet.
    pub fn note(&self, msg: impl AsRef<str>) {
        if self.verbosity >= Verbosity::Normal {
            eprintln!("{}", escape_lines(msg.as_ref()));
        }
    }

    /// A warning on stderr, unless --quiet.
    pub fn warn(&self, msg: impl AsRef<str>) {
        if self.verbosity >= Verbosity::Normal {
            let label = self
                .style
                .err_paint("warning:", console::Style::new().yellow().bold());
            eprintln!("{label} {}", escape_lines(msg.as_ref()));
        }
    }

    /// Detail on stderr with --verbose.
    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbosity >= Verbosity::Verbose {
            eprintln!("{}", escape_lines(msg.as_ref()));
        }
    }

    /// Ask a yes/no question on the terminal before a change that cannot be undone. `--yes`
    /// answers yes. A question that cannot be asked (no terminal, or --no-input) is not taken as
    /// yes: the command is refused as a usage error naming `--yes`, so `echo n | cpor withdraw`
    /// changes nothing. `what` says what the command would do, for that error.
    pub fn confirm(&self, question: &str, what: &str) -> anyhow::Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !self.interactive {
            return Err(CporError::usage(
                "confirmation-required",
                format!(
                    "{what} needs a confirmation or --yes, and no question can be asked (no terminal, or --no-input); nothing was changed"
                ),
            )
            .hint("pass --yes to confirm it in a script")
            .into());
        }
        dialoguer::Confirm::new()
            .with_prompt(escape_lines(question).as_ref())
            .default(false)
            .interact_on(&console::Term::stderr())
            .map_err(prompt_error)
    }

    /// Whether the table output goes to a terminal (footers, progress bars).
    pub fn stdout_is_terminal(&self) -> bool {
        self.style.stdout_tty
    }
}

fn style_for(choice: ColorChoice) -> Style {
    let stdout_tty = std::io::stdout().is_terminal();
    let stderr_tty = std::io::stderr().is_terminal();
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let no_color = set("NO_COLOR");
    let forced =
        set("CLICOLOR_FORCE") && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let decide = |tty: bool| match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => forced || (tty && !no_color && !dumb),
    };
    let style = Style {
        stdout_color: decide(stdout_tty),
        stderr_color: decide(stderr_tty),
        stdout_tty,
        ..Style::default()
    };
    // The libraries that paint (tables, prompts) read NO_COLOR themselves; the decision made
    // here is the one that counts.
    crossterm::style::force_color_output(style.stdout_color);
    console::set_colors_enabled(style.stdout_color);
    console::set_colors_enabled_stderr(style.stderr_color);
    style
}

/// clap's own colour (help, usage errors) for `--color` / `CPOR_COLOR` as given on the command
/// line, before it is parsed; `auto` leaves NO_COLOR and CLICOLOR_FORCE to clap.
fn clap_color() -> clap::ColorChoice {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .take_while(|a| a != "--")
        .collect();
    let flag = args.iter().enumerate().rev().find_map(|(i, a)| {
        a.strip_prefix("--color=")
            .map(str::to_string)
            .or_else(|| (a == "--color").then(|| args.get(i + 1).cloned()).flatten())
    });
    let value = flag.or_else(|| std::env::var("CPOR_COLOR").ok());
    match value.map(|v| v.to_ascii_lowercase()).as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    }
}

fn verbosity(g: &GlobalArgs) -> Verbosity {
    if g.quiet {
        return Verbosity::Quiet;
    }
    if g.verbose {
        return Verbosity::Verbose;
    }
    match std::env::var("CPOR_LOG")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "quiet" | "error" | "off" => Verbosity::Quiet,
        "verbose" | "debug" | "trace" => Verbosity::Verbose,
        _ => Verbosity::Normal,
    }
}

/// The OS user: `USER`, `USERNAME` or `LOGNAME`, else the system user database (cron and
/// systemd units often set none of them), else `unknown`.
fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(|| {
            nix::unistd::User::from_uid(nix::unistd::geteuid())
                .ok()
                .flatten()
                .map(|u| u.name)
                .filter(|n| !n.trim().is_empty())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

fn build_ctx(g: &GlobalArgs, mut style: Style, tolerate_config: bool) -> anyhow::Result<Ctx> {
    let config_path = std::env::var_os("CPOR_CONFIG").map(PathBuf::from);
    let (config, config_error) = match Config::load(config_path.as_deref()) {
        Ok(c) => (c, None),
        Err(e) if tolerate_config => (Config::default(), Some(e)),
        Err(e) => return Err(e),
    };
    let from_env = std::env::var_os("CPOR_DB").is_some_and(|v| !v.is_empty());
    let (db_path, db_from) = match (g.db.clone(), config.db.clone()) {
        (Some(p), _) if from_env => (p, "--db / CPOR_DB"),
        (Some(p), _) => (p, "--db"),
        (None, Some(p)) => (p, "the config file's `db`"),
        (None, None) => (
            default_db_path().ok_or_else(|| {
                CporError::usage(
                    "no-db-path",
                    "cannot find the platform data directory for the default database",
                )
                .hint("pass --db PATH or set CPOR_DB")
            })?,
            "the default location",
        ),
    };
    let format = if g.json {
        Format::Json
    } else {
        g.format
            .map(FormatArg::output)
            .or(config.format)
            .unwrap_or(Format::Table)
    };
    #[cfg_attr(not(feature = "postgres"), allow(unused_mut))]
    let mut actor = match &g.actor {
        Some(a) => crate::rules::format::parse_text("--actor", a).map_err(|e| {
            CporError::usage("invalid-actor", e).hint("pass a name, e.g. --actor alice")
        })?,
        None => os_user(),
    };
    // On PostgreSQL the actor is the login role: the database records and checks it.
    #[cfg(feature = "postgres")]
    if let Location::Postgres(url) = Location::from_setting(db_path.clone())
        && let Some(login) = crate::storage::postgres::login_of(&url)
    {
        if g.actor.as_ref().is_some_and(|a| *a != login) {
            return Err(CporError::usage(
                "actor-is-login",
                format!(
                    "on PostgreSQL the actor is the login role ({login}); --actor / CPOR_ACTOR names someone else"
                ),
            )
            .hint(format!("drop --actor, or connect as that person's own login instead of {login}"))
            .into());
        }
        actor = login;
    }
    let tz_env = std::env::var("CPOR_TZ").ok().filter(|z| !z.is_empty());
    style.tz = match (&g.tz, tz_env) {
        (Some(z), _) => Some(crate::config::parse_display_tz(z).map_err(|e| bad_value("--tz", e))?),
        (None, Some(z)) => {
            Some(crate::config::parse_display_tz(&z).map_err(|e| bad_value("CPOR_TZ", e))?)
        }
        (None, None) => config.display_tz,
    };
    let stdin_tty = std::io::stdin().is_terminal();
    let stderr_tty = std::io::stderr().is_terminal();
    Ok(Ctx {
        db_path,
        db_from,
        open: OpenOptions {
            busy_timeout: Duration::from_millis(config.busy_timeout_ms.unwrap_or(10_000)),
            journal_mode: config.journal_mode.unwrap_or(JournalMode::Wal),
            mode: OpenMode::Create,
        },
        format,
        now: g.now.unwrap_or_else(now_seconds),
        actor,
        style,
        verbosity: verbosity(g),
        interactive: stdin_tty && stderr_tty && !g.no_input,
        yes: g.yes,
        catalog: config.catalog.clone().unwrap_or_else(Catalog::builtin),
        business_days: config.opt_out_business_days.unwrap_or(5),
        default_calendar: config
            .calendar
            .clone()
            .unwrap_or_else(|| "default".to_string()),
        config,
        config_error,
        row_format: match g.format {
            Some(FormatArg::Csv) => Some(RowFormat::Csv),
            Some(FormatArg::Jsonl) => Some(RowFormat::Jsonl),
            _ => None,
        },
    })
}

/// The real clock, at the whole-second precision cpor stores.
fn now_seconds() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> ExitCode {
    let style = style_for(cli.global.color);
    // Errors are also reported as JSON when the effective format (flag, environment or
    // config) is JSON; before the config is read, only the flags and environment count.
    let mut json =
        cli.global.json || matches!(cli.global.format, Some(FormatArg::Json | FormatArg::Jsonl));
    if cli.global.format == Some(FormatArg::Jsonl)
        && !matches!(cli.command, Command::Import(_) | Command::Export(_))
    {
        let err: anyhow::Error = CporError::usage(
            "invalid-value",
            "--format jsonl is a row format: only `cpor import` and `cpor export` take it",
        )
        .hint("use --format json for this command")
        .into();
        let report = classify(&err);
        print_error(&report, json, &style);
        return ExitCode::from(report.kind.exit_code());
    }
    let result = match cli.command {
        Command::Completions(a) => completions::run_completions(a),
        Command::Man(a) => completions::run_man(a),
        command => build_ctx(
            &cli.global,
            style,
            matches!(command, Command::Troubleshoot(_)),
        )
        .and_then(|ctx| {
            json = ctx.format == Format::Json;
            dispatch(&ctx, command)
        }),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            let report = classify(&err);
            if report.kind == ErrorKind::Interrupted {
                // Only one of this and the signal handler speaks; the cursor comes back either way.
                claim_interrupted();
                show_cursor();
            }
            print_error(&report, json, &style);
            ExitCode::from(report.kind.exit_code())
        }
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Claim(a) => claim::run(ctx, *a),
        Command::List(a) => list::run(ctx, a),
        Command::Show(a) => show::run(ctx, a),
        Command::OptOut(a) => opt_out::run(ctx, a),
        Command::Withdraw(a) => withdraw::run(ctx, a),
        Command::Finalize(a) => finalize::run(ctx, a),
        Command::Troubleshoot(a) => troubleshoot::run(ctx, a),
        Command::Partner(c) => partner::run(ctx, c),
        Command::Calendar(c) => calendar::run(ctx, c),
        Command::Catalog(a) => catalog::run(ctx, a),
        Command::Backup(a) => backup::run(ctx, a),
        // Handled before the context is built; they need no config or database.
        Command::Completions(a) => completions::run_completions(a),
        Command::Man(a) => completions::run_man(a),
        Command::Edit(a) => edit::run(ctx, *a),
        Command::Poe(c) => poe::run(ctx, c),
        Command::Tenant(c) => tenant::run(ctx, c),
        Command::Due(a) => due::run(ctx, a),
        Command::Report(a) => report::run(ctx, a),
        Command::Import(a) => import::run(ctx, a),
        Command::Export(a) => export::run(ctx, a),
        Command::Dump(a) => dump::run_dump(ctx, a),
        Command::Restore(a) => dump::run_restore(ctx, a),
        Command::Db(c) => db::run(ctx, c),
    }
}

/// Entry point for the binary: parse, run, exit code.
pub fn main() -> ExitCode {
    // Ctrl-C anywhere (a prompt, a long finalize) ends the process with 130. Every write is a
    // transaction, so an interrupted command leaves nothing half-written.
    let _ = ctrlc::set_handler(|| interrupted());
    // `COMPLETE=bash cpor -- …`: the shell asks for completions (claim IDs, calendars,
    // PartnerIDs, workloads); answered before anything else runs.
    completions::complete_env();
    // Every argument must be text: a byte string that is not UTF-8 cannot be a flag, a value
    // or a path cpor can show back, so it is a usage error before clap sees it.
    if let Some((n, bad)) = std::env::args_os()
        .enumerate()
        .skip(1)
        .find(|(_, a)| a.to_str().is_none())
    {
        let report = crate::error::Report {
            kind: ErrorKind::Usage,
            code: "invalid-utf8".into(),
            message: format!(
                "argument {n} ({}) is not valid UTF-8",
                bad.to_string_lossy()
            ),
            hints: vec!["pass every argument as UTF-8 text".into()],
            rules: Vec::new(),
        };
        print_error(&report, json_requested(), &style_for(ColorChoice::Auto));
        return ExitCode::from(ErrorKind::Usage.exit_code());
    }
    let parsed = command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let plain = e.render().to_string();
            if plain.chars().any(|c| c != '\n' && is_unsafe_char(c)) {
                // clap echoes the offending value; never hand the terminal its escapes.
                eprint!("{}", crate::output::escape_lines(&plain));
            } else {
                let _ = e.print();
            }
            if json_requested() {
                let report = crate::error::Report {
                    kind: ErrorKind::Usage,
                    code: "invalid-arguments".into(),
                    message: first_line(&e.to_string()),
                    hints: vec!["see `cpor --help` or `cpor <command> --help`".into()],
                    rules: Vec::new(),
                };
                eprintln!("{}", report.to_json());
            }
            return ExitCode::from(ErrorKind::Usage.exit_code());
        }
    };
    run(cli)
}

/// A value parser for a flag whose values are the keys of `T`: clap lists them under
/// `[possible values]`, completes them, takes them in any case and suggests the nearest on a
/// typo. The command still parses the text itself, with the same keys.
pub(crate) fn keys<T: ValueEnum>() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        T::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value),
    )
}

/// Whether the interrupted message was printed (by the signal handler or the main thread).
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// End the process after Ctrl-C: the cursor shown again (a selection list hides it), one
/// "interrupted" line, exit 130. Both the signal handler and a prompt that saw Ctrl-C come
/// here; whichever is second only waits for the exit.
fn interrupted() -> ! {
    use std::io::Write;
    claim_interrupted();
    show_cursor();
    let _ = writeln!(std::io::stderr(), "\ninterrupted; nothing more was written");
    std::process::exit(ErrorKind::Interrupted.exit_code().into());
}

/// Become the one that reports the interruption; a second caller waits for the first's exit.
fn claim_interrupted() {
    if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// `ESC [ ? 25 h` on a terminal: a selection list hides the cursor and Ctrl-C can end it first.
fn show_cursor() {
    use std::io::Write;
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\x1b[?25h");
        let _ = err.flush();
    }
}

/// The command line's definition as run: the derive plus what is known only at run time (the
/// exit-code table in `--help`, colour for clap's own output).
pub fn command() -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    let examples = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    cmd.after_help(format!("{examples}\n\n{}", exit_status_text()))
        .color(clap_color())
}

/// What each exit status means, from [`ErrorKind::exit_code`]: the text `--help` and the man
/// page show.
pub fn exit_codes() -> Vec<(u8, &'static str)> {
    use ErrorKind::*;
    let mut rows = vec![(0, "success (also: nothing to do)")];
    for kind in [
        Internal,
        Usage,
        Refused,
        NotFound,
        Busy,
        Database,
        NotPermitted,
        Interrupted,
    ] {
        let meaning = match kind {
            Internal => "internal error (a bug; please report it)",
            Usage => "usage error: a bad flag, value or config file",
            Refused => "refused by a CPOR rule (the rule is named)",
            NotFound => "not found: no such claim, PartnerID or calendar",
            Busy => "busy: the database stayed locked by another writer",
            Database => "database error: missing, unreadable or damaged",
            NotPermitted => "not permitted: the team backend's role may not do this",
            Interrupted => "interrupted (Ctrl-C); nothing half-written",
        };
        rows.push((kind.exit_code(), meaning));
    }
    rows.push((
        crate::error::EXIT_FINDINGS,
        "troubleshoot found at least one error finding",
    ));
    rows.sort_by_key(|(code, _)| *code);
    rows
}

fn exit_status_text() -> String {
    let mut s = String::from("Exit status:");
    for (code, meaning) in exit_codes() {
        s.push_str(&format!("\n  {code:>3}  {meaning}"));
    }
    s
}

/// A failed prompt: Ctrl-C or a closed terminal ends the command with nothing written.
pub(crate) fn prompt_error(e: dialoguer::Error) -> anyhow::Error {
    match e {
        dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => {
            CporError::interrupted().into()
        }
        dialoguer::Error::IO(io) => anyhow::Error::new(io).context("the prompt failed"),
    }
}

/// Whether the raw command line or environment asks for JSON, for errors found while parsing it.
fn json_requested() -> bool {
    // args_os: an argument that is not UTF-8 must not panic here.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let flag = args.iter().enumerate().any(|(i, a)| {
        a == "--json"
            || a == "--format=json"
            || (a == "--format" && args.get(i + 1).is_some_and(|v| v == "json"))
    });
    flag || std::env::var_os("CPOR_FORMAT").is_some_and(|f| f == "json")
}

fn first_line(s: &str) -> String {
    s.lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string()
}

/// Load claims by ID, in the order given; an unknown ID is not-found (exit 4).
pub(crate) fn claims_by_id(
    tx: &mut dyn Txn,
    ids: &[i64],
) -> anyhow::Result<Vec<crate::model::Claim>> {
    let mut seen = Vec::new();
    let mut claims = Vec::new();
    for &id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        claims.push(tx.claim(id)?.ok_or_else(|| show::claim_not_found(id))?);
    }
    Ok(claims)
}

/// The time zones of the calendars the claims were filed under, read in the caller's
/// transaction.
pub(crate) fn zones_in(
    tx: &mut dyn Txn,
    claims: &[crate::model::Claim],
) -> anyhow::Result<crate::output::Zones> {
    let mut zones = crate::output::Zones::new();
    for c in claims {
        if !zones.contains_key(&c.calendar)
            && let Some(cal) = tx.calendar(&c.calendar)?
        {
            zones.insert(c.calendar.clone(), cal.tz);
        }
    }
    Ok(zones)
}

/// What a lifecycle command did: the claims it changed (as they are now), those it left as
/// they were, and their calendars' zones for display.
pub(crate) struct Transitions {
    pub changed: Vec<crate::model::Claim>,
    pub unchanged: Vec<crate::model::Claim>,
    pub zones: crate::output::Zones,
}

/// Apply the lifecycle's decision for each claim in one transaction: `decide` asks the rules;
/// storage records each transition exactly as decided.
pub(crate) fn apply_transitions(
    ctx: &Ctx,
    tx: &mut dyn Txn,
    claims: Vec<crate::model::Claim>,
    mut decide: impl FnMut(&crate::model::Claim) -> anyhow::Result<Decision>,
) -> anyhow::Result<Transitions> {
    let mut changed = Vec::new();
    let mut unchanged = Vec::new();
    for c in claims {
        match decide(&c)? {
            Decision::Move(t) => {
                tx.apply(&t, ctx.now, &ctx.actor)?;
                changed.push(tx.claim(c.id)?.expect("the claim was just updated"));
            }
            Decision::Unchanged(_) => unchanged.push(c),
        }
    }
    let mut all: Vec<_> = changed.iter().chain(&unchanged).cloned().collect();
    all.sort_by_key(|c| c.id);
    Ok(Transitions {
        zones: zones_in(tx, &all)?,
        changed,
        unchanged,
    })
}

/// Print the claims a lifecycle command changed and those it left as they were, by ID.
pub(crate) fn emit_affected(ctx: &Ctx, t: Transitions) -> anyhow::Result<u8> {
    let mut all = t.changed;
    all.extend(t.unchanged);
    all.sort_by_key(|c| c.id);
    crate::output::emit_claims(&all, ctx.format, &ctx.style, &t.zones)?;
    Ok(0)
}

/// The flags among `flags` whose condition holds (given, or missing), for messages that name
/// them all.
pub(crate) fn flags_where(flags: &[(&'static str, bool)]) -> Vec<&'static str> {
    flags
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(f, _)| *f)
        .collect()
}

/// A lifecycle refusal or malformed request as a user-facing error.
pub(crate) fn lifecycle_error(e: crate::rules::lifecycle::TransitionError) -> anyhow::Error {
    use crate::rules::lifecycle::TransitionError;
    match e {
        TransitionError::Usage(msg) => CporError::usage("invalid-value", msg)
            .hint("check --at: it must lie between the claim's notification and now")
            .into(),
        TransitionError::Refused(v) => CporError::refused(vec![v]).into(),
    }
}

/// A usage error for a value that failed to parse; `flag` names where it came from.
pub fn bad_value(flag: &str, message: String) -> anyhow::Error {
    CporError::usage("invalid-value", message)
        .hint(format!("fix the value of {flag}"))
        .into()
}

/// An optional flag's value through `parse`; a value it refuses is a [`bad_value`] naming the
/// flag.
pub fn optional_value<T>(
    flag: &str,
    value: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> anyhow::Result<Option<T>> {
    value.map(parse).transpose().map_err(|e| bad_value(flag, e))
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command and flag has a one-line summary, and every command's long help shows at
    /// least one example invocation.
    #[test]
    fn help_has_summaries_and_examples() {
        fn walk(cmd: &clap::Command, path: &str, problems: &mut Vec<String>) {
            let name = format!("{path} {}", cmd.get_name()).trim().to_string();
            if cmd.get_about().is_none() {
                problems.push(format!("`{name}` has no summary"));
            }
            let long = [cmd.get_long_about(), cmd.get_after_help()]
                .into_iter()
                .flatten()
                .map(|s| s.to_string())
                .collect::<String>();
            if !long.contains("cpor ") {
                problems.push(format!("`{name}` has no example in its long help"));
            }
            for arg in cmd.get_arguments() {
                if arg.get_help().is_none() && !["help", "version"].contains(&arg.get_id().as_str())
                {
                    problems.push(format!(
                        "`{name}` argument `{}` has no summary",
                        arg.get_id()
                    ));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.get_name() != "help" {
                    walk(sub, &name, problems);
                }
            }
        }
        let mut problems = Vec::new();
        walk(&Cli::command(), "", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
