//! The command line and the settings of a run.
//!
//! `cargo bench` passes `--bench` to a bench without the libtest harness; `cargo test --benches` and
//! `cargo test --bench load` do not. Without `--bench` on the command line it runs the `--quick` plan, so a
//! test run stays a bounded smoke run unless asked for more.
//!
//! The databases live under cargo's `CARGO_TARGET_TMPDIR` (on the same disk as the build, not a tmpfs);
//! `--dir` puts them elsewhere. The filesystem is printed, since the figures are mostly about its fsync.

use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
usage: cargo bench -p tyokyky-inbox --bench load [--profile server] -- [options]
  --docs N          new documents to send (default 4000; 300 with --quick)
  --concurrency C   keep-alive connections sending at once (default 16)
  --quick           a small run for CI: 300 documents, 150 probes each, a 15 s cap
  --duplicates F    share of requests that resend an earlier document (default 0)
  --malformed F     share of requests with a malformed body (default 0)
  --probes N        requests per probe stage, 0 to skip (default docs/4, at most 1000)
  --cap SECONDS     wall-clock cap of the load phase (default 120; 15 with --quick)
  --timeout SECONDS per-request timeout (default 10)
  --seed N          seed of the plan (default 1)
  --dir PATH        where the temporary databases go (default cargo's CARGO_TARGET_TMPDIR)
environment: TYOKYKY_INBOX_BIN=path runs that inbox binary instead of the one cargo built";

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
    pub under_cargo_bench: bool,
    pub args: Vec<String>,
}

fn parse_number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{name}: `{text}` is not a valid number\n{USAGE}"))
}

/// The settings, or `None` if `--help` was asked for.
pub fn parse_args(args: Vec<String>) -> Result<Option<Settings>, String> {
    let under_cargo_bench = args.iter().any(|arg| arg == "--bench");
    let mut quick = !under_cargo_bench;
    let (mut docs, mut concurrency, mut probes, mut cap, mut timeout, mut seed, mut dir) =
        (None, 16, None, None, 10.0, 1, None);
    let (mut duplicates, mut malformed) = (0.0, 0.0);
    let mut shown = Vec::new();
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        if arg == "--bench" {
            continue;
        }
        shown.push(arg.clone());
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            let value = inline
                .clone()
                .or_else(|| iter.next())
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))?;
            shown.push(value.clone());
            Ok(value)
        };
        match name.as_str() {
            "--quick" => quick = true,
            "--docs" => docs = Some(parse_number(&name, &value()?)?),
            "--concurrency" => concurrency = parse_number(&name, &value()?)?,
            "--duplicates" => duplicates = parse_number(&name, &value()?)?,
            "--malformed" => malformed = parse_number(&name, &value()?)?,
            "--probes" => probes = Some(parse_number(&name, &value()?)?),
            "--cap" => cap = Some(parse_number::<f64>(&name, &value()?)?),
            "--timeout" => timeout = parse_number(&name, &value()?)?,
            "--seed" => seed = parse_number(&name, &value()?)?,
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--help" | "-h" => return Ok(None),
            _ => return Err(format!("unknown argument `{arg}`\n{USAGE}")),
        }
    }
    let docs = docs.unwrap_or(if quick { 300 } else { 4000 });
    let share_ok = |share: f64| (0.0..=0.9).contains(&share);
    if docs == 0 || concurrency == 0 {
        return Err(format!("--docs and --concurrency must be at least 1\n{USAGE}"));
    }
    if !share_ok(duplicates) || !share_ok(malformed) || duplicates + malformed > 0.9 {
        return Err(format!(
            "--duplicates and --malformed are shares from 0 to 0.9, together at most 0.9\n{USAGE}"
        ));
    }
    let cap = cap.unwrap_or(if quick { 15.0 } else { 120.0 });
    if !(cap > 0.0 && cap.is_finite() && timeout > 0.0 && f64::is_finite(timeout)) {
        return Err(format!("--cap and --timeout must be positive\n{USAGE}"));
    }
    Ok(Some(Settings {
        docs,
        concurrency,
        duplicates,
        malformed,
        probes: probes.unwrap_or(if quick { 150 } else { (docs / 4).min(1000) }),
        cap: Duration::from_secs_f64(cap),
        timeout: Duration::from_secs_f64(timeout),
        seed,
        dir: dir.unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR"))),
        quick,
        under_cargo_bench,
        args: shown,
    }))
}
