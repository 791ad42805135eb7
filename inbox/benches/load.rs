//! Inbox load benchmark: one bounded run that measures how many documents the real inbox accepts per
//! second under concurrent load, next to the raw SQLite insert ceiling of the same machine and disk.
//!
//! ```text
//! cargo bench -p tyokyky-inbox --bench load                         # 4000 documents, 16 connections
//! cargo bench -p tyokyky-inbox --bench load -- --quick              # 300 documents, a CI smoke run
//! cargo bench -p tyokyky-inbox --bench load --profile server        # the inbox as deployed (opt-level 3)
//! cargo bench -p tyokyky-inbox --bench load -- --docs 2000 --concurrency 32 --duplicates 0.1 --malformed 0.1
//! ```
//!
//! What it does, in order:
//!
//! 1. **Ceiling.** Opens a fresh database with the inbox's own [`Store::open`] (so the journal mode,
//!    `synchronous` and schema are the inbox's by construction, not a copy) and stores the same documents
//!    one after another with the inbox's own [`Store::insert`]: one transaction and one commit per document,
//!    exactly the path a `POST /api/documents` takes after decoding. Nothing else of this run goes on
//!    meanwhile. It is measured again after the load, in another fresh database, and the better of the
//!    two is the ceiling: a shared disk's fsync time drifts, and the higher ceiling is the stricter test.
//! 2. **Server.** Spawns the real `tyokyky-inbox` binary as its own process (`--port 0`, a fresh data
//!    folder beside the ceiling's, no app), so the measured server is the one that is deployed: its own
//!    `main`, its own multi-threaded tokio runtime, the whole router with all its layers, and real TCP on
//!    loopback. Running the router in-process would share a runtime and the process with the load
//!    generator and skip `main`, so the binary is used. It is the one cargo builds with this bench
//!    (`CARGO_BIN_EXE_tyokyky-inbox`, always fresh, in the bench's profile), or `TYOKYKY_INBOX_BIN` if set.
//!    Note that plain `cargo bench` builds in the `bench` profile, which inherits `release` — tuned for the
//!    size of the WASM bundle (opt-level "z", fat LTO) — while the inbox is deployed from the `server`
//!    profile (opt-level 3); add `--profile server` for deployment-true figures. The header says which.
//! 3. **Probes** (`--probes N` each, 0 to skip): where the server's time goes, by cutting the request
//!    off at successive stages: a full-size document sent as `text/plain` (refused with 415 after the body
//!    is read: HTTP only), then one that is decoded and validated to the end but lacks a way to reach the
//!    person (422: HTTP + JSON decoding + validation, no store). The load itself adds the store.
//! 4. **Load.** `--concurrency` keep-alive HTTP/1.1 connections (opened before the clock starts) each send
//!    one request at a time from a shared plan until it is done or the wall-clock `--cap` is reached. The
//!    plan holds `--docs` new, valid, synthetic documents (a mix of work-ability checks, feedback and
//!    contact requests from made-up people such as "Testi Henkilö 123") and, if asked, a share of
//!    `--duplicates` (the exact bytes of a document sent earlier in the plan, possibly still in flight on
//!    another connection) and `--malformed` bodies (truncated JSON, wrong media type, invalid fields).
//!    Expected outcomes: new → 2xx with a receipt; duplicate → 2xx with the *same* `document_id` as its
//!    original (and exactly one 201 per key); malformed → 4xx. Anything else, a transport error or a
//!    timeout is an error.
//! 5. **Verification.** Lists every stored document through the API, checks that every acknowledged
//!    document is stored exactly once and nothing else is, stops the server with SIGTERM and counts the
//!    rows in the database file again.
//!
//! It prints the date, commit, command, machine, settings and a table, with the goals (accepted ≥ 0.5×
//! ceiling, p99 ≤ 50 ms, zero errors) beside the figures. The goals are reported, not enforced; the exit
//! status is non-zero only if a request errored or the stored documents differ from the acknowledged ones.
//! Without `--bench` on the command line (`cargo test --benches`) it runs the `--quick` plan.
//!
//! The databases live under cargo's `CARGO_TARGET_TMPDIR` (on the same disk as the build, not a tmpfs);
//! `--dir` puts them elsewhere. The filesystem is printed, since the figures are mostly about its fsync.

use std::collections::HashMap;
use std::error::Error;
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::{Request, StatusCode, header};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tyokyky_engine::document::Document;
use tyokyky_inbox::store::{Store, Stored};
use uuid::Uuid;

type BoxError = Box<dyn Error + Send + Sync>;

const USAGE: &str = "\
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

const GOAL_RATIO: f64 = 0.5;
const GOAL_P99: Duration = Duration::from_millis(50);

#[derive(Debug, Clone)]
struct Settings {
    docs: usize,
    concurrency: usize,
    duplicates: f64,
    malformed: f64,
    probes: usize,
    cap: Duration,
    timeout: Duration,
    seed: u64,
    dir: PathBuf,
    quick: bool,
    under_cargo_bench: bool,
    args: Vec<String>,
}

fn parse_number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{name}: `{text}` is not a valid number\n{USAGE}"))
}

/// The settings, or `None` if `--help` was asked for.
fn parse_args(args: Vec<String>) -> Result<Option<Settings>, String> {
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

/// SplitMix64: a small deterministic generator for the plan (no cryptographic use).
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

const CREATED_AT: &str = "2026-11-22T09:00:00.250Z";

fn contact_request(person: usize, key: Uuid) -> Value {
    let preferred_time = ["any", "morning", "afternoon"][person % 3];
    json!({
        "schema_version": 1,
        "kind": "contact_request",
        "idempotency_key": key,
        "created_at": CREATED_AT,
        "lang": "fi",
        "answers": {
            "name": format!("Testi Henkilö {person}"),
            "email": format!("testi.henkilo.{person}@example.fi"),
            "phone": format!("+358 50 555 {:04}", person % 10_000),
            "contact_language": "fi",
            "preferred_time": preferred_time,
            "urgent": person.is_multiple_of(17),
            "consent_text": "Annan suostumukseni siihen, että minuun otetaan yhteyttä.",
            "channel": if person.is_multiple_of(2) { "self_service" } else { "kiosk" },
            "shared_answers": {
                "questionnaire": "self-assessment",
                "version": "2026.11.0",
                "answers": {
                    "work_ability_score": person % 11,
                    "goal": "work",
                    "worries": ["money", "health"],
                    "own_words": format!("Testihenkilön {person} omat sanat: jaksaminen on ollut vaihtelevaa.")
                },
                "suggested_services": ["ohjaamo"]
            }
        }
    })
}

/// A valid synthetic document; the kinds rotate so the mix resembles real traffic.
fn synthetic_document(index: usize, key: Uuid) -> Value {
    let person = index + 1;
    match index % 4 {
        0 => json!({
            "schema_version": 1,
            "kind": "work_ability_check",
            "idempotency_key": key,
            "created_at": CREATED_AT,
            "lang": "fi",
            "answers": {
                "work_ability_score": index % 11,
                "what_would_help": format!("Testi Henkilö {person}: lyhyempi työpäivä ja tuki kuntoutukseen")
            }
        }),
        1 => json!({
            "schema_version": 1,
            "kind": "feedback",
            "idempotency_key": key,
            "created_at": CREATED_AT,
            "lang": "sv",
            "answers": { "score": 1 + index % 10, "comment": format!("palaute {person}"), "channel": "kiosk" }
        }),
        _ => contact_request(person, key),
    }
}

/// What a request is, and so what answer is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    /// A new valid document: 2xx with a receipt.
    New,
    /// The exact bytes of an earlier document: 2xx with that document's receipt.
    Duplicate,
    /// A malformed body: 4xx.
    Malformed,
    /// Probe: a valid document as `text/plain`, 415.
    ProbeMediaType,
    /// Probe: decoded and validated, lacking a way to reach the person, 422.
    ProbeInvalid,
}

impl Class {
    fn expected(self, status: StatusCode) -> bool {
        match self {
            Class::New | Class::Duplicate => status.is_success(),
            Class::Malformed => status.is_client_error(),
            Class::ProbeMediaType => status == StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Class::ProbeInvalid => status == StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// One request of a plan.
#[derive(Debug, Clone)]
struct Prepared {
    class: Class,
    /// For new documents and duplicates: the index of the document.
    document: Option<usize>,
    content_type: &'static str,
    body: Bytes,
}

/// The new documents, as sent and as decoded by the engine (for the ceiling).
#[derive(Debug)]
struct Corpus {
    keys: Vec<Uuid>,
    bodies: Vec<Bytes>,
    decoded: Vec<Document>,
}

fn corpus(rng: &mut Rng, count: usize) -> Result<Corpus, BoxError> {
    let mut corpus = Corpus {
        keys: Vec::with_capacity(count),
        bodies: Vec::with_capacity(count),
        decoded: Vec::with_capacity(count),
    };
    for index in 0..count {
        let key = rng.uuid();
        let body = synthetic_document(index, key).to_string();
        let decoded = Document::decode(body.as_bytes()).map_err(|problem| {
            format!(
                "synthetic document {index} is not valid ({}): {body}",
                problem.code()
            )
        })?;
        corpus.keys.push(key);
        corpus.bodies.push(Bytes::from(body));
        corpus.decoded.push(decoded);
    }
    Ok(corpus)
}

/// A malformed request of one of six shapes, each with a fresh key (so that if it were stored by mistake,
/// the verification would see it).
fn malformed(rng: &mut Rng, serial: usize) -> Prepared {
    let key = rng.uuid();
    let person = 900_000 + serial;
    let mut document = contact_request(person, key);
    let mut content_type = "application/json";
    let body = match rng.below(6) {
        0 => {
            // Cut in half, wherever that falls (even inside a multi-byte character).
            let mut bytes = document.to_string().into_bytes();
            bytes.truncate(bytes.len() / 2);
            return Prepared {
                class: Class::Malformed,
                document: None,
                content_type,
                body: Bytes::from(bytes),
            };
        }
        1 => {
            content_type = "text/plain";
            document.to_string()
        }
        2 => {
            if let Some(answers) = document["answers"].as_object_mut() {
                answers.remove("email");
                answers.remove("phone");
            }
            document.to_string()
        }
        3 => {
            document["answers"]["shared_answers"]["answers"] = json!({ "own_words": "x".repeat(5000) });
            document.to_string()
        }
        4 => {
            document["unexpected"] = json!(true);
            document.to_string()
        }
        _ => {
            document["schema_version"] = json!(99);
            document.to_string()
        }
    };
    Prepared {
        class: Class::Malformed,
        document: None,
        content_type,
        body: Bytes::from(body),
    }
}

/// The load: every new document once, in order, with duplicates of earlier ones and malformed bodies
/// mixed in at the asked shares of all requests.
fn load_plan(rng: &mut Rng, settings: &Settings, corpus: &Corpus) -> Vec<Prepared> {
    let mut plan = Vec::new();
    let mut sent = 0;
    let mut malformed_serial = 0;
    while sent < corpus.bodies.len() {
        let roll = rng.unit();
        if roll < settings.duplicates && sent > 0 {
            let index = rng.below(sent);
            plan.push(Prepared {
                class: Class::Duplicate,
                document: Some(index),
                content_type: "application/json",
                body: corpus.bodies[index].clone(),
            });
        } else if roll >= settings.duplicates && roll < settings.duplicates + settings.malformed {
            plan.push(malformed(rng, malformed_serial));
            malformed_serial += 1;
        } else if roll >= settings.duplicates + settings.malformed {
            plan.push(Prepared {
                class: Class::New,
                document: Some(sent),
                content_type: "application/json",
                body: corpus.bodies[sent].clone(),
            });
            sent += 1;
        }
    }
    plan
}

fn probe_plan(rng: &mut Rng, class: Class, count: usize) -> Vec<Prepared> {
    (0..count)
        .map(|serial| {
            let mut document = contact_request(800_000 + serial, rng.uuid());
            let content_type = if class == Class::ProbeMediaType {
                "text/plain"
            } else {
                if let Some(answers) = document["answers"].as_object_mut() {
                    answers.remove("email");
                    answers.remove("phone");
                }
                "application/json"
            };
            Prepared {
                class,
                document: None,
                content_type,
                body: Bytes::from(document.to_string()),
            }
        })
        .collect()
}

/// How one request ended.
#[derive(Debug, Clone)]
enum Outcome {
    /// An HTTP answer, with the receipt's document id if it had one.
    Answered(StatusCode, Option<String>),
    /// No answer: connection failure or timeout.
    Transport(String),
}

#[derive(Debug, Clone)]
struct Sample {
    item: usize,
    outcome: Outcome,
    latency: Duration,
}

#[derive(Debug)]
struct PhaseResult {
    samples: Vec<Sample>,
    elapsed: Duration,
    planned: usize,
}

type Sender = SendRequest<Full<Bytes>>;

async fn connect(address: SocketAddr) -> Result<Sender, BoxError> {
    let stream = tokio::net::TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // The connection's end (the server closing it) shows up as an error of the next request.
        let _ = connection.await;
    });
    Ok(sender)
}

async fn exchange(
    address: SocketAddr,
    slot: &mut Option<Sender>,
    method: hyper::Method,
    path: &str,
    content_type: &'static str,
    body: Bytes,
) -> Result<(StatusCode, Bytes), BoxError> {
    if slot.is_none() {
        *slot = Some(connect(address).await?);
    }
    let Some(sender) = slot.as_mut() else {
        return Err("no connection".into());
    };
    sender.ready().await?;
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, address.to_string())
        .header(header::CONTENT_TYPE, content_type)
        .body(Full::new(body))?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, body))
}

async fn submit(address: SocketAddr, slot: &mut Option<Sender>, item: &Prepared) -> Outcome {
    let sent = exchange(
        address,
        slot,
        hyper::Method::POST,
        "/api/documents",
        item.content_type,
        item.body.clone(),
    )
    .await;
    match sent {
        Ok((status, body)) => {
            let document_id = if status.is_success() {
                serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|receipt| receipt["document_id"].as_str().map(str::to_owned))
            } else {
                None
            };
            Outcome::Answered(status, document_id)
        }
        Err(error) => Outcome::Transport(error.to_string()),
    }
}

async fn worker(
    address: SocketAddr,
    sender: Sender,
    plan: Arc<Vec<Prepared>>,
    next: Arc<AtomicUsize>,
    deadline: Instant,
    timeout: Duration,
) -> Vec<Sample> {
    let mut slot = Some(sender);
    let mut samples = Vec::new();
    while Instant::now() < deadline {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = plan.get(index) else {
            break;
        };
        let started = Instant::now();
        let outcome = tokio::time::timeout(timeout, submit(address, &mut slot, item))
            .await
            .unwrap_or_else(|_| Outcome::Transport(format!("no answer within {timeout:?}")));
        let latency = started.elapsed();
        if matches!(outcome, Outcome::Transport(_)) {
            // Start over on a new connection; the time to open it counts in the next request.
            slot = None;
        }
        samples.push(Sample {
            item: index,
            outcome,
            latency,
        });
    }
    samples
}

/// Sends `plan` over `concurrency` connections, opened before the clock starts.
async fn run_phase(
    address: SocketAddr,
    plan: Vec<Prepared>,
    concurrency: usize,
    cap: Duration,
    timeout: Duration,
) -> Result<PhaseResult, BoxError> {
    let mut senders = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        senders.push(connect(address).await?);
    }
    let planned = plan.len();
    let plan = Arc::new(plan);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + cap;
    let workers: Vec<_> = senders
        .into_iter()
        .map(|sender| {
            tokio::spawn(worker(
                address,
                sender,
                Arc::clone(&plan),
                Arc::clone(&next),
                deadline,
                timeout,
            ))
        })
        .collect();
    let mut samples = Vec::with_capacity(planned);
    for handle in workers {
        samples.extend(handle.await?);
    }
    Ok(PhaseResult {
        samples,
        elapsed: started.elapsed(),
        planned,
    })
}

/// Latency percentiles (nearest rank) of some samples.
#[derive(Debug, Clone, Copy, Default)]
struct Latency {
    p50: Duration,
    p99: Duration,
    max: Duration,
}

fn latency(mut durations: Vec<Duration>) -> Latency {
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

/// One line of the table.
#[derive(Debug)]
struct Row {
    label: String,
    requests: usize,
    ok: usize,
    errors: usize,
    elapsed: Duration,
    documents: Option<usize>,
    latency: Latency,
}

fn print_table(rows: &[Row]) {
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
fn row_of(label: &str, result: &PhaseResult, plan: &[Prepared], classes: &[Class]) -> Row {
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

/// The first few unexpected outcomes, for the report.
fn unexpected(result: &PhaseResult, plan: &[Prepared]) -> Vec<String> {
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

/// What the answers to new documents and duplicates say about each document.
#[derive(Debug, Default)]
struct Acknowledged {
    /// Documents with at least one 2xx answer, by index.
    documents: Vec<usize>,
    /// Documents whose answers disagree (different ids, or not exactly one 201).
    violations: Vec<String>,
}

fn acknowledged(result: &PhaseResult, plan: &[Prepared], corpus: &Corpus) -> Acknowledged {
    let mut answers: HashMap<usize, Vec<(StatusCode, Option<String>)>> = HashMap::new();
    for sample in &result.samples {
        let Some(item) = plan.get(sample.item) else {
            continue;
        };
        if let (Some(document), Outcome::Answered(status, id)) = (item.document, &sample.outcome)
            && status.is_success()
        {
            answers.entry(document).or_default().push((*status, id.clone()));
        }
    }
    let mut report = Acknowledged::default();
    let mut documents: Vec<usize> = answers.keys().copied().collect();
    documents.sort_unstable();
    for document in &documents {
        let Some(list) = answers.get(document) else {
            continue;
        };
        let created = list
            .iter()
            .filter(|(status, _)| *status == StatusCode::CREATED)
            .count();
        let first = list.first().and_then(|(_, id)| id.clone());
        let same = first.is_some() && list.iter().all(|(_, id)| *id == first);
        if created != 1 || !same {
            let key = corpus.keys.get(*document).copied().unwrap_or_default();
            report.violations.push(format!(
                "document {document} (key {key}): {} answers, {created} × 201, ids {}",
                list.len(),
                if same { "agree" } else { "differ" }
            ));
        }
    }
    report.documents = documents;
    report
}

/// The idempotency keys the inbox lists, page by page, with how often each appears.
async fn listed_keys(address: SocketAddr) -> Result<(HashMap<String, usize>, i64), BoxError> {
    let mut slot = None;
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut after = 0i64;
    loop {
        let path = format!("/api/documents?limit=500&after={after}");
        let (status, body) = exchange(
            address,
            &mut slot,
            hyper::Method::GET,
            &path,
            "application/json",
            Bytes::new(),
        )
        .await?;
        if status != StatusCode::OK {
            return Err(format!("GET {path} answered {status}").into());
        }
        let page: Value = serde_json::from_slice(&body)?;
        let documents = page["documents"]
            .as_array()
            .ok_or("a listing without `documents`")?;
        for document in documents {
            let key = document["idempotency_key"]
                .as_str()
                .ok_or("a listed document without `idempotency_key`")?;
            *keys.entry(key.to_owned()).or_default() += 1;
        }
        match page["next_after"].as_i64() {
            Some(next) => after = next,
            None => break,
        }
    }
    let (status, body) = exchange(
        address,
        &mut slot,
        hyper::Method::GET,
        "/api/health",
        "application/json",
        Bytes::new(),
    )
    .await?;
    if status != StatusCode::OK {
        return Err(format!("GET /api/health answered {status}").into());
    }
    let health: Value = serde_json::from_slice(&body)?;
    let count = health["documents"]
        .as_i64()
        .ok_or("/api/health without `documents`")?;
    Ok((keys, count))
}

/// The inbox binary, running.
#[derive(Debug)]
struct Server {
    child: Child,
    address: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start(binary: &Path, data_dir: &Path) -> Result<Server, BoxError> {
        let mut command = Command::new(binary);
        command
            .args(["--host", "127.0.0.1", "--port", "0", "--data-dir"])
            .arg(data_dir)
            .arg("--dist")
            .arg(data_dir.join("no-app"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // The inbox reads its configuration from TYOKYKY_* too; none of the caller's may leak in.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("TYOKYKY_") {
                command.env_remove(name);
            }
        }
        let mut child = command
            .spawn()
            .map_err(|error| format!("cannot start `{}`: {error}", binary.display()))?;
        let stderr = Arc::new(Mutex::new(String::new()));
        if let Some(mut pipe) = child.stderr.take() {
            let stderr = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = pipe.read_to_string(&mut text);
                if let Ok(mut shared) = stderr.lock() {
                    shared.push_str(&text);
                }
            });
        }
        let (lines, received) = mpsc::channel();
        if let Some(pipe) = child.stdout.take() {
            std::thread::spawn(move || {
                // Keep reading to the end, so the inbox never writes into a closed pipe.
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let _ = lines.send(line);
                }
            });
        }
        let mut server = Server {
            child,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            stderr,
        };
        let give_up = Instant::now() + Duration::from_secs(15);
        loop {
            let left = give_up.saturating_duration_since(Instant::now());
            match received.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("tyokyky inbox listening on http://") {
                        let address = rest.split('/').next().unwrap_or_default();
                        server.address = address
                            .parse()
                            .map_err(|error| format!("unreadable address in `{line}`: {error}"))?;
                        return Ok(server);
                    }
                }
                Err(_) => {
                    return Err(format!(
                        "the inbox did not start within 15 s; its stderr: {}",
                        server.stderr_text()
                    )
                    .into());
                }
            }
        }
    }

    fn stderr_text(&self) -> String {
        self.stderr.lock().map(|text| text.clone()).unwrap_or_default()
    }

    /// SIGTERM (the inbox finishes requests in flight and exits), SIGKILL after 10 s.
    fn stop(&mut self) -> Result<ExitStatus, BoxError> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let give_up = Instant::now() + Duration::from_secs(10);
        while Instant::now() < give_up {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        Ok(self.child.wait()?)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The sequential ceiling: the same documents through the inbox's own store, one commit each.
fn ceiling(label: &str, dir: &Path, documents: &[Document]) -> Result<Row, BoxError> {
    let folder = tempfile::Builder::new().prefix("ceiling-").tempdir_in(dir)?;
    let store = Store::open(&folder.path().join("inbox.sqlite3"))?;
    let mut durations = Vec::with_capacity(documents.len());
    let started = Instant::now();
    for document in documents {
        let one = Instant::now();
        match store.insert(document)? {
            Stored::Created(_) => {}
            other => return Err(format!("the ceiling's store answered {other:?}").into()),
        }
        durations.push(one.elapsed());
    }
    let elapsed = started.elapsed();
    let count = store.count()?;
    if usize::try_from(count).ok() != Some(documents.len()) {
        return Err(format!("the ceiling stored {count} of {} documents", documents.len()).into());
    }
    Ok(Row {
        label: label.to_owned(),
        requests: documents.len(),
        ok: documents.len(),
        errors: 0,
        elapsed,
        documents: Some(documents.len()),
        latency: latency(durations),
    })
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The filesystem `path` is on, from /proc/mounts (the longest mount point that is a prefix).
fn filesystem(path: &Path) -> String {
    let Ok(path) = path.canonicalize() else {
        return "unknown".to_owned();
    };
    let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
        return "unknown".to_owned();
    };
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let device = fields.next()?;
            let mount_point = fields.next()?;
            let kind = fields.next()?;
            let options = fields.next().unwrap_or_default();
            path.starts_with(mount_point).then(|| {
                (
                    mount_point.len(),
                    format!("{kind} on {device} at {mount_point} ({options})"),
                )
            })
        })
        .max_by_key(|(length, _)| *length)
        .map_or_else(|| "unknown".to_owned(), |(_, description)| description)
}

/// The 1, 5 and 15 minute load averages: other work on the machine skews every figure.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

/// The profile folder a binary was built into (`target/<profile>/…`).
fn profile_of(binary: &Path) -> String {
    binary
        .ancestors()
        .find_map(|folder| {
            let parent = folder.parent()?;
            if parent.file_name()? == "target" {
                Some(folder.file_name()?.to_string_lossy().into_owned())
            } else {
                None
            }
        })
        .unwrap_or_else(|| "?".to_owned())
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}

fn main() -> ExitCode {
    let settings = match parse_args(std::env::args().skip(1).collect()) {
        Ok(Some(settings)) => settings,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
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
    let own_profile = std::env::current_exe()
        .map(|path| profile_of(&path))
        .unwrap_or_else(|_| "?".to_owned());
    let server_profile = profile_of(&binary);
    std::fs::create_dir_all(&settings.dir)?;

    println!("tyokyky inbox load benchmark");
    println!(
        "date:        {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
    );
    let dirty = command_output("git", &["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|status| !status.is_empty());
    println!(
        "commit:      {}{}",
        command_output("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".to_owned()),
        if dirty { " (with uncommitted changes)" } else { "" }
    );
    // `cargo bench` builds into `release` by default, `cargo test` into `debug`; other folders are profiles.
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
        cpu_model(),
        std::env::consts::OS,
        std::env::consts::ARCH,
        load_average()
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
        filesystem(&settings.dir)
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
    println!(
        "durability:  WAL, synchronous=FULL, one transaction per document (the inbox's Store::open/insert)"
    );

    let mut rng = Rng(settings.seed);
    let corpus = corpus(&mut rng, settings.docs)?;
    let load = load_plan(&mut rng, settings, &corpus);
    let media_probe = probe_plan(&mut rng, Class::ProbeMediaType, settings.probes);
    let invalid_probe = probe_plan(&mut rng, Class::ProbeInvalid, settings.probes);
    let average_body = corpus.bodies.iter().map(Bytes::len).sum::<usize>() / corpus.bodies.len().max(1);
    println!(
        "plan:        {} requests: {} new documents (average {average_body} bytes), {} duplicates, {} malformed",
        load.len(),
        corpus.bodies.len(),
        load.iter().filter(|item| item.class == Class::Duplicate).count(),
        load.iter().filter(|item| item.class == Class::Malformed).count(),
    );

    // 1. The ceiling, alone on the machine (again after the load: the better of the two counts).
    let ceiling_before = ceiling("SQLite ceiling, before the load", &settings.dir, &corpus.decoded)?;

    // 2. The server, in a fresh folder beside the ceiling's.
    let data = tempfile::Builder::new()
        .prefix("inbox-")
        .tempdir_in(&settings.dir)?;
    let mut server = Server::start(&binary, data.path())?;
    let address = server.address;
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
                let result = run_phase(
                    address,
                    plan.clone(),
                    settings.concurrency,
                    settings.cap,
                    settings.timeout,
                )
                .await?;
                probes.push((
                    row_of(label, &result, &plan, &[class]),
                    unexpected(&result, &plan),
                ));
            }
        }
        let result = run_phase(
            address,
            load.clone(),
            settings.concurrency,
            settings.cap,
            settings.timeout,
        )
        .await?;
        // 5. What the inbox says it stored.
        let listed = listed_keys(address).await?;
        Ok::<_, BoxError>((probes, result, listed))
    })?;
    let status = server.stop()?;
    let file_count = Store::open(&data.path().join("inbox.sqlite3"))?.count()?;
    let server_stderr = server.stderr_text();
    let ceiling_after = ceiling("SQLite ceiling, after the load", &settings.dir, &corpus.decoded)?;

    // The figures.
    let acknowledged = acknowledged(&result, &load, &corpus);
    let accepted = acknowledged.documents.len();
    let mut new_row = row_of("inbox: new documents", &result, &load, &[Class::New]);
    new_row.documents = Some(accepted);
    let mut all_row = row_of(
        "inbox: all requests of the load",
        &result,
        &load,
        &[Class::New, Class::Duplicate, Class::Malformed],
    );
    all_row.documents = Some(accepted);
    let rate = |row: &Row| row.documents.unwrap_or(0) as f64 / row.elapsed.as_secs_f64();
    let ceiling_rates = (rate(&ceiling_before), rate(&ceiling_after));
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
        rows.push(row_of(
            "inbox: duplicates (2xx, same receipt)",
            &result,
            &load,
            &[Class::Duplicate],
        ));
    }
    if settings.malformed > 0.0 {
        rows.push(row_of(
            "inbox: malformed (4xx)",
            &result,
            &load,
            &[Class::Malformed],
        ));
    }
    rows.push(all_row);
    println!();
    print_table(&rows);

    let load_problems = unexpected(&result, &load);
    let load_errors = rows.last().map_or(0, |row| row.errors) + acknowledged.violations.len();
    let unsent = result.planned - result.samples.len();

    // Stored exactly once?
    let (keys, health_count) = listed;
    let expected: HashMap<String, usize> = acknowledged
        .documents
        .iter()
        .filter_map(|index| corpus.keys.get(*index))
        .map(|key| (key.to_string(), 1))
        .collect();
    let twice = keys.values().filter(|count| **count > 1).count();
    let missing = expected.keys().filter(|key| !keys.contains_key(*key)).count();
    let extra = keys.keys().filter(|key| !expected.contains_key(*key)).count();
    let listed_rows: usize = keys.values().sum();
    let stored_ok = twice == 0
        && missing == 0
        && extra == 0
        && listed_rows == accepted
        && usize::try_from(health_count).ok() == Some(accepted)
        && usize::try_from(file_count).ok() == Some(accepted);

    let ceiling_rate = ceiling_rates.0.max(ceiling_rates.1);
    let accepted_rate = accepted as f64 / result.elapsed.as_secs_f64();
    let ratio = accepted_rate / ceiling_rate.max(f64::MIN_POSITIVE);
    let p99 = rows.last().map_or(Duration::ZERO, |row| row.latency.p99);

    println!();
    println!(
        "accepted:    {accepted} documents in {:.2} s = {accepted_rate:.1} docs/s over {} connections",
        result.elapsed.as_secs_f64(),
        settings.concurrency
    );
    println!(
        "ceiling:     {ceiling_rate:.1} docs/s, the better of {:.1} before and {:.1} after the load \
         (Store::insert, one commit each, sequential, same disk)",
        ceiling_rates.0, ceiling_rates.1
    );
    println!(
        "ratio:       {ratio:.2}× the ceiling        goal ≥ {GOAL_RATIO:.2}×   {}",
        verdict(ratio >= GOAL_RATIO)
    );
    println!(
        "p99:         {} ms (all requests)     goal ≤ {} ms   {}",
        millis(p99),
        GOAL_P99.as_millis(),
        verdict(p99 <= GOAL_P99)
    );
    println!(
        "errors:      {load_errors} in the load, {probe_errors} in the probes   goal 0   {}",
        verdict(load_errors == 0 && probe_errors == 0)
    );
    if unsent > 0 {
        println!(
            "cap:         the {:?} cap was reached; {unsent} planned requests were not sent",
            settings.cap
        );
    }
    println!(
        "stored:      {accepted} acknowledged; {listed_rows} listed by the API ({} distinct, {twice} more than once, \
         {missing} missing, {extra} never acknowledged); /api/health {health_count}; database file {file_count}   {}",
        keys.len(),
        if stored_ok {
            "OK, each exactly once"
        } else {
            "MISMATCH"
        }
    );
    println!("inbox exit:  {status} after SIGTERM");
    for problem in load_problems.iter().chain(&probe_problems).take(20) {
        println!("unexpected:  {problem}");
    }
    for violation in acknowledged.violations.iter().take(20) {
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
        load_average()
    );
    Ok(load_errors == 0 && probe_errors == 0 && stored_ok)
}
