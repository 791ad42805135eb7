//! Inbox load benchmark: one bounded run that measures how many documents the real inbox accepts per
//! second under concurrent load, next to the raw insert ceiling of the same machine, disk and engine
//! (SQLite, or PostgreSQL with one or more inbox instances on one database).
//!
//! ```text
//! cargo bench -p tyokyky-inbox --bench load                         # 4000 documents, 16 connections
//! cargo bench -p tyokyky-inbox --bench load -- --quick              # 300 documents, a CI smoke run
//! cargo bench -p tyokyky-inbox --bench load --profile server        # the inbox as deployed (opt-level 3)
//! cargo bench -p tyokyky-inbox --bench load -- --docs 2000 --concurrency 32 --duplicates 0.1 --malformed 0.1
//! cargo bench -p tyokyky-inbox --bench load --profile server -- --sealed   # the documents sealed at rest
//! cargo bench -p tyokyky-inbox --bench load --profile server -- --postgres                # on PostgreSQL
//! cargo bench -p tyokyky-inbox --bench load --profile server -- --postgres --instances 2  # two inboxes, one database
//! cargo bench -p tyokyky-inbox --bench load --profile server -- --postgres --database-connections 4
//! ```
//!
//! `--postgres` needs PostgreSQL's server binaries under /usr/lib/postgresql (`scripts/setup.sh test`):
//! the run makes a throw-away cluster with `scripts/pg-cluster.sh` ([`cluster`]) and removes it at the end.
//!
//! What it does, in order (each step's module tells the details):
//!
//! 1. **Ceiling** ([`ceiling`]). The same documents stored one after another, one commit each, alone on
//!    the machine: through the inbox's own `Store` on a fresh SQLite file, or with `--postgres` a raw
//!    loop of autocommitted `INSERT`s on one connection to the run's cluster (same durability,
//!    `synchronous_commit` on); again after the load, and the better of the two is the ceiling.
//! 2. **Server** ([`server`]). The real `tyokyky-inbox` binary as its own process, on loopback, in a
//!    fresh data folder; with `--postgres`, `--instances` of them (default 1) on the cluster's database,
//!    the client's connections spread over them round robin.
//! 3. **Probes** ([`plan::probe_plan`], `--probes N` each, 0 to skip). Where the server's time goes, by
//!    cutting the request off at successive stages: HTTP only (415), then HTTP + JSON decoding and
//!    validation (422), at the first instance. The load itself adds the store.
//! 4. **Load** ([`plan`], [`client`]). `--concurrency` keep-alive connections send a shared plan of new
//!    documents, `--duplicates` and `--malformed` bodies until it is done or the `--cap` is reached.
//! 5. **Verification** ([`verify`]). Every acknowledged document is stored exactly once and nothing else
//!    is, through the API (of the first instance) and in the database itself after the servers stopped:
//!    the SQLite file, or the `documents` table in PostgreSQL.
//!
//! Then it prints the report ([`report`]). The exit status is non-zero only if a request errored or the
//! stored documents differ from the acknowledged ones; the command line is in [`args`].

mod args;
mod ceiling;
mod client;
mod cluster;
mod machine;
mod plan;
mod report;
mod server;
mod verify;

use std::error::Error;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rand::SeedableRng;

use crate::args::Settings;
use crate::cluster::Cluster;
use crate::plan::{Class, Rng};
use crate::report::{Header, Row, Summary};
use crate::server::{Backend, Server};
use tyokyky_inbox::store::Store;

type BoxError = Box<dyn Error + Send + Sync>;

fn main() -> ExitCode {
    let settings = match Settings::parse(std::env::args_os()) {
        Ok(settings) => settings,
        Err(error) => {
            // `--help` is an "error" too, printed to stdout and not a failure.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(&settings) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            println!("\nFAILED: see errors or storage mismatches above");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("load benchmark failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The whole run; `Ok(false)` if a request errored or the stored documents differ from the acknowledged.
fn run(settings: &Settings) -> Result<bool, BoxError> {
    let total_started = Instant::now();
    let binary = std::env::var_os("TYOKYKY_INBOX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tyokyky-inbox")));
    std::fs::create_dir_all(&settings.dir)?;
    // With --postgres, the run's cluster first; it is removed when `cluster` is dropped, after the
    // servers, also when the run ends early with an error.
    let cluster = if settings.postgres {
        Some(Cluster::start(&settings.dir)?)
    } else {
        None
    };
    let durability = cluster.as_ref().map(Cluster::durability).transpose()?;
    let header = Header::new(
        settings,
        &binary,
        cluster
            .as_ref()
            .zip(durability)
            .map(|(cluster, durability)| (cluster.url.as_str(), durability)),
    );
    header.print();

    let mut rng = Rng::seed_from_u64(settings.seed);
    let corpus = plan::corpus(&mut rng, settings.docs)?;
    let load = plan::load_plan(&mut rng, settings, &corpus);
    let media_probe = plan::probe_plan(&mut rng, Class::ProbeMediaType, settings.probes);
    let invalid_probe = plan::probe_plan(&mut rng, Class::ProbeInvalid, settings.probes);
    report::print_plan(&load, &corpus);

    // 1. The ceiling, alone on the machine (again after the load: the better of the two counts).
    let measure_ceiling = |when: &str| -> Result<Row, BoxError> {
        match &cluster {
            Some(cluster) => ceiling::measure_postgres(
                &format!("PostgreSQL raw insert loop, {when}"),
                cluster,
                &corpus.decoded,
            ),
            None => ceiling::measure(&format!("SQLite ceiling, {when}"), &settings.dir, &corpus.decoded),
        }
    };
    let ceiling_before = measure_ceiling("before the load")?;

    // 2. The server(s), in a fresh folder beside the ceiling's (with PostgreSQL only a scratch folder);
    // instances on one database share the sealing key, since each reads what the others stored.
    let data = tempfile::Builder::new()
        .prefix("inbox-")
        .tempdir_in(&settings.dir)?;
    let backend = match &cluster {
        Some(cluster) => Backend::Postgres {
            url: cluster.url.clone(),
            connections: settings.database_connections,
        },
        None => Backend::Sqlite,
    };
    let keys = settings
        .sealed
        .then(|| tyokyky_inbox::seal::Keys::generate_line("bench"));
    let mut servers = Vec::with_capacity(settings.instances);
    for _ in 0..settings.instances {
        servers.push(Server::start(&binary, data.path(), &backend, keys.as_deref())?);
    }
    let addresses: Vec<SocketAddr> = servers.iter().map(|server| server.address).collect();
    let first_address = addresses.first().copied().ok_or("no inbox instance")?;
    let first = std::slice::from_ref(&first_address);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    // 3. Probes and 4. the load.
    let (probes, result, listed) = runtime.block_on(async {
        let mut probes = Vec::new();
        if settings.probes > 0 {
            for (label, class, plan) in [
                (
                    "probe: HTTP only (415 after reading the body)",
                    Class::ProbeMediaType,
                    media_probe,
                ),
                (
                    "probe: + JSON decode and validation (422)",
                    Class::ProbeInvalid,
                    invalid_probe,
                ),
            ] {
                let result = client::run_phase(
                    first,
                    plan.clone(),
                    settings.concurrency,
                    settings.cap,
                    settings.timeout,
                )
                .await?;
                probes.push((
                    report::row_of(label, &result, &plan, &[class]),
                    report::unexpected(&result, &plan),
                ));
            }
        }
        let result = client::run_phase(
            &addresses,
            load.clone(),
            settings.concurrency,
            settings.cap,
            settings.timeout,
        )
        .await?;
        // 5. What the inbox says it stored.
        let listed = verify::listed_keys(first_address).await?;
        Ok::<_, BoxError>((probes, result, listed))
    })?;
    let mut server_exits = Vec::with_capacity(servers.len());
    for server in &mut servers {
        server_exits.push(server.stop()?);
    }
    let database_count = match &cluster {
        Some(cluster) => cluster.inbox_documents()?,
        None => Store::open(&data.path().join("inbox.sqlite3"))?.count()?,
    };
    let server_stderr = servers
        .iter()
        .enumerate()
        .flat_map(|(instance, server)| {
            let prefix = if servers.len() > 1 {
                format!("instance {}: ", instance + 1)
            } else {
                String::new()
            };
            server
                .stderr_text()
                .lines()
                .map(|line| format!("{prefix}{line}\n"))
                .collect::<Vec<_>>()
        })
        .collect::<String>();
    let ceiling_after = measure_ceiling("after the load")?;

    // The figures.
    let acknowledged = verify::acknowledged(&result, &load, &corpus);
    let accepted = acknowledged.documents.len();
    let mut new_row = report::row_of("inbox: new documents", &result, &load, &[Class::New]);
    new_row.documents = Some(accepted);
    let mut all_row = report::row_of(
        "inbox: all requests of the load",
        &result,
        &load,
        &[Class::New, Class::Duplicate, Class::Malformed],
    );
    all_row.documents = Some(accepted);
    let ceiling_rates = (ceiling_before.document_rate(), ceiling_after.document_rate());
    let mut rows = vec![ceiling_before, ceiling_after];
    let mut probe_problems = Vec::new();
    let mut probe_errors = 0;
    for (row, problems) in probes {
        probe_errors += row.errors;
        rows.push(row);
        probe_problems.extend(problems);
    }
    rows.push(new_row);
    if settings.duplicates > 0.0 {
        rows.push(report::row_of(
            "inbox: duplicates (2xx, same receipt)",
            &result,
            &load,
            &[Class::Duplicate],
        ));
    }
    if settings.malformed > 0.0 {
        rows.push(report::row_of(
            "inbox: malformed (4xx)",
            &result,
            &load,
            &[Class::Malformed],
        ));
    }
    let load_errors = all_row.errors + acknowledged.violations.len();
    let p99 = all_row.latency.p99;
    rows.push(all_row);
    println!();
    report::print_table(&rows);

    let stored = verify::Storage::check(&acknowledged, &corpus, listed, database_count);
    let summary = Summary {
        settings,
        accepted,
        elapsed: result.elapsed,
        ceiling_rates,
        p99,
        load_errors,
        probe_errors,
        unsent: result.planned - result.samples.len(),
        stored: &stored,
        server_exits,
        problems: report::unexpected(&result, &load)
            .into_iter()
            .chain(probe_problems)
            .collect(),
        violations: &acknowledged.violations,
        server_stderr: &server_stderr,
        total_started,
    };
    summary.print();
    Ok(load_errors == 0 && probe_errors == 0 && stored.ok())
}
