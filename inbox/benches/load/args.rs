//! The command line, read with clap, and the settings of a run.
//!
//! `cargo bench` passes `--bench` to a bench without the libtest harness; `cargo test --benches` and
//! `cargo test --bench load` do not. Without `--bench` on the command line it runs the `--quick` plan, so a
//! test run stays a bounded smoke run unless asked for more.
//!
//! The databases live under cargo's `CARGO_TARGET_TMPDIR` (on the same disk as the build, not a tmpfs);
//! `--dir` puts them elsewhere. The filesystem is printed, since the figures are mostly about its fsync.
//! With `--postgres` the throw-away PostgreSQL cluster is made there too, so the folders above it must let
//! other users through when the bench runs as root (the cluster then runs as the `postgres` user).

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

/// The options as typed; defaults that depend on `--quick` are left open here and settled in [`Settings`].
#[derive(Debug, Parser)]
#[command(
    name = "load",
    about = "The inbox under concurrent load, next to the raw insert ceiling of the same disk and engine",
    override_usage = "cargo bench -p tyokyky-inbox --bench load [--profile server] -- [OPTIONS]",
    after_help = "Environment: TYOKYKY_INBOX_BIN=path runs that inbox binary instead of the one cargo built",
    // As before clap: an option given twice takes its last value, and a negative number is a value (that
    // the checks below refuse), not an unknown option.
    args_override_self = true,
    allow_negative_numbers = true
)]
struct Cli {
    /// New documents to send (default 4000; 300 with --quick)
    #[arg(long, value_name = "N")]
    docs: Option<usize>,
    /// Keep-alive connections sending at once
    #[arg(long, value_name = "C", default_value_t = 16)]
    concurrency: usize,
    /// A small run for CI: 300 documents, 150 probes each, a 15 s cap
    #[arg(long)]
    quick: bool,
    /// The inbox seals the documents at rest (a key made for the run), as with --key-file
    #[arg(long)]
    sealed: bool,
    /// Store in a throw-away PostgreSQL cluster made for the run (scripts/pg-cluster.sh) instead of SQLite
    #[arg(long)]
    postgres: bool,
    /// Inbox instances on the one database, the connections spread over them round robin (needs --postgres)
    #[arg(long, value_name = "N", default_value_t = 1)]
    instances: usize,
    /// With --postgres: each instance's --database-connections (default the inbox's own)
    #[arg(long, value_name = "N")]
    database_connections: Option<u32>,
    /// Share of requests that resend an earlier document
    #[arg(long, value_name = "F", default_value_t = 0.0)]
    duplicates: f64,
    /// Share of requests with a malformed body
    #[arg(long, value_name = "F", default_value_t = 0.0)]
    malformed: f64,
    /// Requests per probe stage, 0 to skip (default docs/4, at most 1000; 150 with --quick)
    #[arg(long, value_name = "N")]
    probes: Option<usize>,
    /// Wall-clock cap of the load phase (default 120; 15 with --quick)
    #[arg(long, value_name = "SECONDS")]
    cap: Option<f64>,
    /// Per-request timeout
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    timeout: f64,
    /// Seed of the plan
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,
    /// Where the temporary databases go (default cargo's CARGO_TARGET_TMPDIR)
    #[arg(long, value_name = "PATH")]
    dir: Option<PathBuf>,
    /// Given by `cargo bench` (not by `cargo test`): the full plan unless --quick.
    #[arg(long, hide = true)]
    bench: bool,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub docs: usize,
    pub concurrency: usize,
    pub duplicates: f64,
    pub malformed: f64,
    pub probes: usize,
    pub cap: Duration,
    pub timeout: Duration,
    pub seed: u64,
    pub dir: PathBuf,
    pub quick: bool,
    pub sealed: bool,
    /// A throw-away PostgreSQL cluster instead of SQLite files.
    pub postgres: bool,
    /// Inbox instances on the one database (more than one only with `postgres`).
    pub instances: usize,
    /// Each instance's pool of connections to PostgreSQL, if not the inbox's default.
    pub database_connections: Option<u32>,
    pub under_cargo_bench: bool,
    /// The arguments as given, less `--bench`, for the report's command line.
    pub args: Vec<String>,
}

impl Settings {
    /// The settings from a whole command line (the program's name first). `--help` comes back as an
    /// error too, one that [`clap::Error::use_stderr`] says is not a failure.
    pub fn parse<I: IntoIterator<Item = OsString>>(command_line: I) -> Result<Settings, clap::Error> {
        let command_line: Vec<OsString> = command_line.into_iter().collect();
        let cli = Cli::try_parse_from(&command_line)?;
        let invalid = |message: &str| Cli::command().error(ErrorKind::ValueValidation, message);

        let quick = cli.quick || !cli.bench;
        let docs = cli.docs.unwrap_or(if quick { 300 } else { 4000 });
        if docs == 0 || cli.concurrency == 0 {
            return Err(invalid("--docs and --concurrency must be at least 1"));
        }
        let share_ok = |share: f64| (0.0..=0.9).contains(&share);
        if !share_ok(cli.duplicates) || !share_ok(cli.malformed) || cli.duplicates + cli.malformed > 0.9 {
            return Err(invalid(
                "--duplicates and --malformed are shares from 0 to 0.9, together at most 0.9",
            ));
        }
        if cli.instances == 0 || (cli.instances > 1 && !cli.postgres) {
            return Err(invalid(
                "--instances must be at least 1, and more than 1 only with --postgres (instances share a database)",
            ));
        }
        if cli.instances > cli.concurrency {
            return Err(invalid(
                "--instances must not exceed --concurrency (each gets a connection)",
            ));
        }
        if cli.database_connections.is_some() && !cli.postgres {
            return Err(invalid("--database-connections needs --postgres"));
        }
        if cli.database_connections == Some(0) {
            return Err(invalid("--database-connections must be at least 1"));
        }
        let cap = cli.cap.unwrap_or(if quick { 15.0 } else { 120.0 });
        if !(cap > 0.0 && cap.is_finite() && cli.timeout > 0.0 && cli.timeout.is_finite()) {
            return Err(invalid("--cap and --timeout must be positive"));
        }
        Ok(Settings {
            docs,
            concurrency: cli.concurrency,
            duplicates: cli.duplicates,
            malformed: cli.malformed,
            probes: cli
                .probes
                .unwrap_or(if quick { 150 } else { (docs / 4).min(1000) }),
            cap: Duration::from_secs_f64(cap),
            timeout: Duration::from_secs_f64(cli.timeout),
            seed: cli.seed,
            dir: cli
                .dir
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR"))),
            quick,
            sealed: cli.sealed,
            postgres: cli.postgres,
            instances: cli.instances,
            database_connections: cli.database_connections,
            under_cargo_bench: cli.bench,
            args: command_line
                .iter()
                .skip(1)
                .filter(|arg| *arg != "--bench")
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect(),
        })
    }
}
