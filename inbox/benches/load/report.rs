//! The report, as BENCHMARKS.md and `bench/results/` quote it.
//!
//! It prints the date, commit, command, machine, engine (SQLite, or PostgreSQL with how many instances),
//! settings and a table, with the goals (accepted ≥ 0.5× ceiling, p99 ≤ 50 ms, zero errors) beside the
//! figures. The goals are reported, not enforced; the exit
//! status is non-zero only if a request errored or the stored documents differ from the acknowledged ones.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use hyper::body::Bytes;

use crate::args::Settings;
use crate::client::{Outcome, PhaseResult};
use crate::machine;
use crate::plan::{Class, Corpus, Prepared};
use crate::verify::Storage;

const GOAL_RATIO: f64 = 0.5;
const GOAL_P99: Duration = Duration::from_millis(50);

/// The lines before the figures: when, what, on what and how.
#[derive(Debug)]
pub struct Header<'a> {
    settings: &'a Settings,
    binary: &'a Path,
    /// The profile folders of this process and of the inbox binary.
    own_profile: String,
    server_profile: String,
    /// With PostgreSQL: the cluster's URL, and its version and durability as it reports them.
    postgres: Option<(&'a str, String)>,
}

impl<'a> Header<'a> {
    pub fn new(settings: &'a Settings, binary: &'a Path, postgres: Option<(&'a str, String)>) -> Header<'a> {
        Header {
            settings,
            binary,
            postgres,
            own_profile: std::env::current_exe()
                .map(|path| machine::profile_of(&path))
                .unwrap_or_else(|_| "?".to_owned()),
            server_profile: machine::profile_of(binary),
        }
    }

    pub fn print(&self) {
        let Header {
            settings,
            binary,
            own_profile,
            server_profile,
            postgres,
        } = self;
        println!("tyokyky inbox load benchmark");
        println!(
            "date:        {}",
            chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
        );
        println!("commit:      {}", machine::commit());
        // `cargo bench` builds into `release` by default, `cargo test` into `debug`; other folders are
        // profiles.
        let default_folder = if settings.under_cargo_bench {
            "release"
        } else {
            "debug"
        };
        let profile_flag = if own_profile == default_folder || own_profile == "?" {
            String::new()
        } else {
            format!(" --profile {own_profile}")
        };
        println!(
            "command:     cargo {} -p tyokyky-inbox --bench load{profile_flag}{}{}",
            if settings.under_cargo_bench {
                "bench"
            } else {
                "test"
            },
            if settings.args.is_empty() { "" } else { " -- " },
            settings.args.join(" ")
        );
        if !settings.under_cargo_bench {
            println!("             (run without --bench, e.g. by `cargo test --benches`: the --quick plan)");
        }
        println!(
            "machine:     {} cores ({}), {} {}, load average {}",
            std::thread::available_parallelism().map_or(0, usize::from),
            machine::cpu_model(),
            std::env::consts::OS,
            std::env::consts::ARCH,
            machine::load_average()
        );
        println!(
            "inbox:       {} (profile folder `{server_profile}`{})",
            binary.display(),
            match server_profile.as_str() {
                "server" => ": opt-level 3, as deployed",
                "release" =>
                    ": opt-level \"z\", the WASM-size profile; --profile server for deployment-true figures",
                "debug" => ": unoptimised!",
                _ => "",
            }
        );
        println!(
            "load gen:    this process, profile folder `{own_profile}`, one tokio thread, hyper HTTP/1.1 keep-alive"
        );
        println!(
            "databases:   {} — {}",
            settings.dir.display(),
            machine::filesystem(&settings.dir)
        );
        println!(
            "settings:    docs={} concurrency={} duplicates={} malformed={} probes={} cap={:?} timeout={:?} seed={}{}",
            settings.docs,
            settings.concurrency,
            settings.duplicates,
            settings.malformed,
            settings.probes,
            settings.cap,
            settings.timeout,
            settings.seed,
            if settings.quick { " (quick)" } else { "" }
        );
        match postgres {
            None => {
                println!("engine:      SQLite, one inbox instance (a fresh file in a fresh data folder)");
                println!(
                    "durability:  WAL, synchronous=FULL, one transaction per document (the inbox's Store::open/insert)"
                );
            }
            Some((url, durability)) => {
                let pool = settings.database_connections.map_or_else(
                    || "the inbox's default --database-connections (16)".to_owned(),
                    |connections| format!("--database-connections {connections}"),
                );
                println!(
                    "engine:      PostgreSQL, a throw-away cluster at {url}; {} inbox instance{} on its database, \
                     each with {pool}{}",
                    settings.instances,
                    if settings.instances == 1 { "" } else { "s" },
                    if settings.instances > 1 {
                        "; the client's connections spread over them round robin, probes to the first"
                    } else {
                        ""
                    }
                );
                println!(
                    "durability:  {durability}; the inbox: one transaction per document after the write lock \
                     (an advisory lock), with its access-log entry"
                );
            }
        }
    }
}

/// The last line of the header: what the load plan holds.
pub fn print_plan(load: &[Prepared], corpus: &Corpus) {
    let average_body = corpus.bodies.iter().map(Bytes::len).sum::<usize>() / corpus.bodies.len().max(1);
    println!(
        "plan:        {} requests: {} new documents (average {average_body} bytes), {} duplicates, {} malformed",
        load.len(),
        corpus.bodies.len(),
        load.iter().filter(|item| item.class == Class::Duplicate).count(),
        load.iter().filter(|item| item.class == Class::Malformed).count(),
    );
}

/// Latency percentiles (nearest rank) of some samples.
#[derive(Debug, Clone, Copy, Default)]
pub struct Latency {
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

pub fn latency(mut durations: Vec<Duration>) -> Latency {
    durations.sort_unstable();
    let rank = |p: f64| -> Duration {
        let n = durations.len();
        if n == 0 {
            return Duration::ZERO;
        }
        let index = ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
        durations[index]
    };
    Latency {
        p50: rank(0.50),
        p99: rank(0.99),
        max: durations.last().copied().unwrap_or_default(),
    }
}

fn millis(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}

/// One line of the table.
#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub requests: usize,
    pub ok: usize,
    pub errors: usize,
    pub elapsed: Duration,
    /// Documents accepted (or stored, for the ceiling) during the row's time, if it counts them.
    pub documents: Option<usize>,
    pub latency: Latency,
}

impl Row {
    /// Documents per second, for the ceiling's rows.
    pub fn document_rate(&self) -> f64 {
        self.documents.unwrap_or(0) as f64 / self.elapsed.as_secs_f64()
    }
}

pub fn print_table(rows: &[Row]) {
    println!(
        "{:<48} {:>8} {:>8} {:>7} {:>9} {:>9} {:>8} {:>8} {:>8}",
        "phase", "requests", "expected", "errors", "req/s", "docs/s", "p50 ms", "p99 ms", "max ms"
    );
    for row in rows {
        let seconds = row.elapsed.as_secs_f64().max(f64::MIN_POSITIVE);
        println!(
            "{:<48} {:>8} {:>8} {:>7} {:>9.1} {:>9} {:>8} {:>8} {:>8}",
            row.label,
            row.requests,
            row.ok,
            row.errors,
            row.requests as f64 / seconds,
            row.documents
                .map_or_else(|| "-".to_owned(), |docs| format!("{:.1}", docs as f64 / seconds)),
            millis(row.latency.p50),
            millis(row.latency.p99),
            millis(row.latency.max),
        );
    }
}

/// A row for the samples of `plan` whose class is in `classes`.
pub fn row_of(label: &str, result: &PhaseResult, plan: &[Prepared], classes: &[Class]) -> Row {
    let mut ok = 0;
    let mut errors = 0;
    let mut durations = Vec::new();
    for sample in &result.samples {
        let Some(item) = plan.get(sample.item) else {
            continue;
        };
        if !classes.contains(&item.class) {
            continue;
        }
        durations.push(sample.latency);
        match &sample.outcome {
            Outcome::Answered(status, _) if item.class.expected(*status) => ok += 1,
            _ => errors += 1,
        }
    }
    Row {
        label: label.to_owned(),
        requests: durations.len(),
        ok,
        errors,
        elapsed: result.elapsed,
        documents: None,
        latency: latency(durations),
    }
}

/// The unexpected outcomes, counted by kind, for the report.
pub fn unexpected(result: &PhaseResult, plan: &[Prepared]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for sample in &result.samples {
        let Some(item) = plan.get(sample.item) else {
            continue;
        };
        let what = match &sample.outcome {
            Outcome::Answered(status, _) if item.class.expected(*status) => continue,
            Outcome::Answered(status, _) => format!("{:?} answered {status}", item.class),
            Outcome::Transport(error) => format!("{:?}: {error}", item.class),
        };
        *counts.entry(what).or_default() += 1;
    }
    let mut lines: Vec<String> = counts
        .into_iter()
        .map(|(what, count)| format!("{count} × {what}"))
        .collect();
    lines.sort();
    lines
}

/// The lines after the table: the figures against the goals, the storage check and what went wrong.
#[derive(Debug)]
pub struct Summary<'a> {
    pub settings: &'a Settings,
    /// Documents acknowledged in the load, and the load's time.
    pub accepted: usize,
    pub elapsed: Duration,
    /// Documents per second of the ceiling before and after the load.
    pub ceiling_rates: (f64, f64),
    /// Of all requests of the load.
    pub p99: Duration,
    pub load_errors: usize,
    pub probe_errors: usize,
    /// Planned requests the cap left unsent.
    pub unsent: usize,
    pub stored: &'a Storage,
    /// Of each instance, in order.
    pub server_exits: Vec<ExitStatus>,
    /// Unexpected outcomes of the load, then of the probes.
    pub problems: Vec<String>,
    pub violations: &'a [String],
    pub server_stderr: &'a str,
    pub total_started: Instant,
}

impl Summary<'_> {
    pub fn print(&self) {
        let (ceiling_how, database_name) = if self.settings.postgres {
            (
                "PostgreSQL raw INSERT loop, autocommit, one connection, sequential, same cluster",
                "PostgreSQL documents table",
            )
        } else {
            (
                "Store::insert, one commit each, sequential, same disk",
                "database file",
            )
        };
        let Summary {
            settings,
            accepted,
            elapsed,
            ceiling_rates,
            p99,
            load_errors,
            probe_errors,
            unsent,
            stored,
            server_exits,
            problems,
            violations,
            server_stderr,
            total_started,
        } = self;
        let ceiling_rate = ceiling_rates.0.max(ceiling_rates.1);
        let accepted_rate = *accepted as f64 / elapsed.as_secs_f64();
        let ratio = accepted_rate / ceiling_rate.max(f64::MIN_POSITIVE);

        println!();
        println!(
            "accepted:    {accepted} documents in {:.2} s = {accepted_rate:.1} docs/s over {} connections{}",
            elapsed.as_secs_f64(),
            settings.concurrency,
            if settings.instances > 1 {
                format!(" to {} instances", settings.instances)
            } else {
                String::new()
            }
        );
        println!(
            "ceiling:     {ceiling_rate:.1} docs/s, the better of {:.1} before and {:.1} after the load \
             ({ceiling_how})",
            ceiling_rates.0, ceiling_rates.1
        );
        println!(
            "ratio:       {ratio:.2}× the ceiling        goal ≥ {GOAL_RATIO:.2}×   {}",
            verdict(ratio >= GOAL_RATIO)
        );
        println!(
            "p99:         {} ms (all requests)     goal ≤ {} ms   {}",
            millis(*p99),
            GOAL_P99.as_millis(),
            verdict(*p99 <= GOAL_P99)
        );
        println!(
            "errors:      {load_errors} in the load, {probe_errors} in the probes   goal 0   {}",
            verdict(*load_errors == 0 && *probe_errors == 0)
        );
        if *unsent > 0 {
            println!(
                "cap:         the {:?} cap was reached; {unsent} planned requests were not sent",
                settings.cap
            );
        }
        println!(
            "stored:      {accepted} acknowledged; {} listed by the API ({} distinct, {} more than once, \
             {} missing, {} never acknowledged); /api/health {}; {database_name} {}   {}",
            stored.listed_rows,
            stored.distinct,
            stored.twice,
            stored.missing,
            stored.extra,
            stored.health_count,
            stored.database_count,
            if stored.ok() {
                "OK, each exactly once"
            } else {
                "MISMATCH"
            }
        );
        for (instance, status) in server_exits.iter().enumerate() {
            if server_exits.len() == 1 {
                println!("inbox exit:  {status} after SIGTERM");
            } else {
                println!("inbox exit:  instance {}: {status} after SIGTERM", instance + 1);
            }
        }
        for problem in problems.iter().take(20) {
            println!("unexpected:  {problem}");
        }
        for violation in violations.iter().take(20) {
            println!("idempotency: {violation}");
        }
        let noise = "serving the API only";
        let server_notes: Vec<&str> = server_stderr
            .lines()
            .filter(|line| !line.contains(noise))
            .collect();
        for line in server_notes.iter().take(20) {
            println!("inbox said:  {line}");
        }
        println!(
            "run time:    {:.1} s in all; load average now {}",
            total_started.elapsed().as_secs_f64(),
            machine::load_average()
        );
    }
}
