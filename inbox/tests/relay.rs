//! The relay, with the inbox binary and downstream servers written here on std's TCP: a downstream that is
//! down and comes up later, one that never answers in time, one that fails twice with 5xx and then
//! accepts, one that answers slowly, one that accepts only after the inbox gave up waiting (so it receives
//! the same forward twice), one that refuses (dead, listed for the administrator, replayed), one that fails
//! every attempt, and an inbox killed with SIGKILL and started again. Every request a downstream receives
//! has its signature checked by an HMAC written here over `sha2`, not by the inbox's code. The store's
//! forwards are tested directly too. On SQLite, and on PostgreSQL when the test command gives a server
//! (see `common::database`).
//!
//! Each test of the binary prints its figures from the access log (`relay figures, …`): documents
//! forwarded, attempts that failed and were retried, forwards dead-lettered.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::Utc;
use common::Running;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use tyokyky_engine::document::{Document, DocumentKind};
use tyokyky_inbox::seal::Keys;
use tyokyky_inbox::store::{Access, Attempt, Database, ForwardState, Forwarding, Retention, Store, Stored};
use uuid::Uuid;

/// The secret the inbox and the downstreams share (test only).
const SECRET: &str = "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";

const ISSUER: &str = "https://tunnistus.example.fi/realms/esimerkki";
const AUDIENCE: &str = "tyokyky-inbox";
const ORGANISATION: &str = "esimerkin-hyvinvointialue";
/// The issuer's RSA signing key (test only), for the administrator's and the submitter's tokens.
const RSA_KEY: &[u8] = include_bytes!("fixtures/oidc/rsa-signing.test-only.pem");

/// How long a test waits for what the relay should do within a few seconds.
const PATIENCE: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------------------
// A verifier of the signatures of its own: HMAC-SHA256 (RFC 2104) over SHA-256, and the Standard Webhooks
// signed content, written here rather than taken from the inbox.

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    const BLOCK: usize = 64;
    let mut padded = [0u8; BLOCK];
    if key.len() > BLOCK {
        padded[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        padded[..key.len()].copy_from_slice(key);
    }
    let inner = Sha256::new()
        .chain_update(padded.map(|byte| byte ^ 0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(padded.map(|byte| byte ^ 0x5c))
        .chain_update(inner)
        .finalize()
        .to_vec()
}

/// The signature a downstream expects for `body` sent as `id` at `timestamp`.
fn expected_signature(secret: &str, id: &str, timestamp: &str, body: &str) -> String {
    let key = BASE64.decode(secret.strip_prefix("whsec_").unwrap()).unwrap();
    let signed = format!("{id}.{timestamp}.{body}");
    format!("v1,{}", BASE64.encode(hmac_sha256(&key, signed.as_bytes())))
}

#[test]
fn the_tests_own_verifier_reproduces_the_published_vector() {
    assert_eq!(
        expected_signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "1614265330",
            r#"{"test": 2432232314}"#
        ),
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    );
}

// ---------------------------------------------------------------------------------------------------
// Downstream servers.

/// One request a downstream received.
#[derive(Debug, Clone)]
struct Received {
    /// Its headers, by lower-case name.
    headers: BTreeMap<String, String>,
    body: String,
    at: Instant,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or_else(
            || panic!("no {name} header in {:?}", self.headers),
            String::as_str,
        )
    }

    /// Checks it as a downstream would: JSON, signed with the shared secret, at a time near now.
    fn assert_signed(&self) {
        assert_eq!(self.header("content-type"), "application/json");
        let (id, timestamp) = (self.header("webhook-id"), self.header("webhook-timestamp"));
        let sent: i64 = timestamp.parse().unwrap();
        assert!(
            (Utc::now().timestamp() - sent).abs() < 300,
            "timestamp {sent} is now"
        );
        let expected = expected_signature(SECRET, id, timestamp, &self.body);
        assert!(
            self.header("webhook-signature")
                .split(' ')
                .any(|signature| signature == expected),
            "signature {} is not {expected}",
            self.header("webhook-signature")
        );
        let other = expected_signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            id,
            timestamp,
            &self.body,
        );
        assert_ne!(
            self.header("webhook-signature"),
            other,
            "another secret does not verify"
        );
    }
}

/// How a downstream answers one request.
#[derive(Debug, Clone, Copy)]
enum Answer {
    /// At once with this status.
    Status(u16),
    /// At once with this status and `Retry-After` in seconds.
    RetryAfter(u16, u64),
    /// With this status after a wait.
    After(Duration, u16),
    /// Never: the connection is held this long and closed.
    Silent(Duration),
}

/// A downstream endpoint on loopback that answers its requests, in the order they arrive, as its script
/// says, and with 204 once the script is done.
struct Downstream {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Downstream {
    fn start(script: &[Answer]) -> Downstream {
        Downstream::serve(TcpListener::bind("127.0.0.1:0").unwrap(), script)
    }

    /// On `port`, which was refusing connections until now.
    fn start_on(port: u16, script: &[Answer]) -> Downstream {
        Downstream::serve(TcpListener::bind(("127.0.0.1", port)).unwrap(), script)
    }

    fn serve(listener: TcpListener, script: &[Answer]) -> Downstream {
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let received: Arc<Mutex<Vec<Received>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let script: Arc<[Answer]> = script.into();
        let thread = std::thread::spawn({
            let (received, stop) = (received.clone(), stop.clone());
            move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (received, script) = (received.clone(), script.clone());
                            std::thread::spawn(move || answer(stream, &received, &script));
                        }
                        Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(error) => panic!("the downstream stopped accepting: {error}"),
                    }
                }
            }
        });
        Downstream {
            port,
            received,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self) -> String {
        url_of(self.port)
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for Downstream {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A downstream's URL on `port`.
fn url_of(port: u16) -> String {
    format!("http://127.0.0.1:{port}/tyokyky/vastaanotto")
}

/// A loopback port on which nothing listens (a downstream that is down).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Reads one request from `stream`, keeps it, and answers as the script says for its place.
fn answer(stream: TcpStream, received: &Mutex<Vec<Received>>, script: &[Answer]) {
    stream.set_nonblocking(false).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut headers = BTreeMap::new();
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("POST /tyokyky/vastaanotto "), "{line}");
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length: usize = headers["content-length"].parse().unwrap();
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let place = {
        let mut list = received.lock().unwrap();
        list.push(Received {
            headers,
            body: String::from_utf8(body).unwrap(),
            at: Instant::now(),
        });
        list.len() - 1
    };
    let mut stream = stream;
    let mut reply = |status: u16, extra: &str| {
        // The inbox may have hung up already (it gave up waiting): nothing to do then.
        let _ = write!(
            stream,
            "HTTP/1.1 {status} Answer\r\nContent-Length: 0\r\nConnection: close\r\n{extra}\r\n"
        );
    };
    match script.get(place).copied().unwrap_or(Answer::Status(204)) {
        Answer::Status(status) => reply(status, ""),
        Answer::RetryAfter(status, seconds) => reply(status, &format!("Retry-After: {seconds}\r\n")),
        Answer::After(wait, status) => {
            std::thread::sleep(wait);
            reply(status, "");
        }
        Answer::Silent(hold) => std::thread::sleep(hold),
    }
}

// ---------------------------------------------------------------------------------------------------
// The inbox under test: OpenID Connect for the submitter's and the administrator's tokens, the relay with
// quick retries.

fn encoding_key() -> EncodingKey {
    EncodingKey::from_rsa_pem(RSA_KEY).unwrap()
}

/// An access token of `role` in the inbox's organisation.
fn token(subject: &str, role: &str) -> String {
    let now = Utc::now().timestamp();
    let claims = json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": subject, "iat": now, "exp": now + 600,
        "roles": [role], "org": ORGANISATION,
    });
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("rsa-1".to_owned());
    jsonwebtoken::encode(&header, &claims, &encoding_key()).unwrap()
}

/// A database and the issuer's key set, for one or more runs of the inbox.
struct Setup {
    dir: tempfile::TempDir,
    database: Database,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let database = common::database(dir.path());
        let mut jwk = Jwk::from_encoding_key(&encoding_key(), Algorithm::RS256).unwrap();
        jwk.common.key_id = Some("rsa-1".to_owned());
        std::fs::write(
            dir.path().join("jwks.json"),
            serde_json::to_string(&JwkSet { keys: vec![jwk] }).unwrap(),
        )
        .unwrap();
        Setup { dir, database }
    }

    fn jwks(&self) -> PathBuf {
        self.dir.path().join("jwks.json")
    }

    /// The inbox forwarding to `downstreams`, retrying after 100 ms doubling up to 1 s, with `extra`
    /// settings.
    fn start(&self, downstreams: &[String], extra: &[&str]) -> Inbox {
        let mut args: Vec<String> = [
            "--oidc-issuer",
            ISSUER,
            "--oidc-audience",
            AUDIENCE,
            "--oidc-organisation",
            ORGANISATION,
            "--oidc-jwks-file",
        ]
        .map(str::to_owned)
        .to_vec();
        args.push(self.jwks().display().to_string());
        for downstream in downstreams {
            args.extend(["--forward".to_owned(), downstream.clone()]);
        }
        args.extend(
            [
                "--forward-secret",
                SECRET,
                "--forward-retry-first-ms",
                "100",
                "--forward-retry-cap",
                "1",
            ]
            .map(str::to_owned),
        );
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        Inbox {
            running: common::start_on(&self.database, &args),
            admin: token("testi.yllapito", "admin"),
            submitter: token("testi.ohjaaja", "submitter"),
        }
    }
}

struct Inbox {
    running: Running,
    admin: String,
    submitter: String,
}

/// The idempotency key of the test's `number`th document.
fn key(number: u128) -> String {
    Uuid::from_u128(0x7e1a_0000_0000_4000_8000_0000_0000_0000 | number).to_string()
}

impl Inbox {
    /// Submits the document with key `key`: the status and the receipt.
    fn submit(&self, key: &str) -> (u16, Value) {
        let (status, body) = self.running.call(
            "POST",
            "/api/documents",
            Some(&self.submitter),
            Some(&common::document(key)),
        );
        (status.unwrap(), serde_json::from_str(&body).unwrap())
    }

    /// An administrator's call: the status and the answer.
    fn admin(&self, method: &str, path: &str) -> (u16, Value) {
        let (status, body) = self.running.call(method, path, Some(&self.admin), None);
        (
            status.unwrap(),
            serde_json::from_str(&body).unwrap_or(Value::Null),
        )
    }

    /// The forwards as the administrator lists them, after `query` (`state=dead`, or empty).
    fn forwards(&self, query: &str) -> Vec<Value> {
        let (status, page) = self.admin("GET", &format!("/api/forwards?{query}"));
        assert_eq!(status, 200, "{page}");
        page["forwards"].as_array().unwrap().clone()
    }

    /// Waits until every forward is delivered (there being `count`); fails after [`PATIENCE`].
    fn wait_delivered(&self, count: usize) -> Vec<Value> {
        self.wait_delivered_within(count, PATIENCE)
    }

    /// As [`Inbox::wait_delivered`], waiting at most `patience`.
    fn wait_delivered_within(&self, count: usize, patience: Duration) -> Vec<Value> {
        let mut forwards = Vec::new();
        wait_within(patience, &format!("{count} forwards delivered"), || {
            forwards = self.forwards("");
            forwards.len() == count && forwards.iter().all(|forward| forward["state"] == "delivered")
        });
        forwards
    }

    /// The relay's entries of the access log.
    fn relay_entries(&self) -> Vec<Value> {
        let (status, log) = self.admin("GET", "/api/access-log?actor=relay&limit=1000");
        assert_eq!(status, 200, "{log}");
        log["entries"].as_array().unwrap().clone()
    }

    /// Prints the test's figures from the access log: documents forwarded (delivered attempts), attempts
    /// that failed and were retried, forwards dead-lettered. Returns them.
    fn figures(&self, test: &str) -> (usize, usize, usize) {
        let entries = self.relay_entries();
        let count = |start: &str| {
            entries
                .iter()
                .filter(|entry| entry["purpose"].as_str().unwrap().starts_with(start))
                .count()
        };
        let figures = (count("delivered"), count("will retry"), count("dead letter"));
        eprintln!(
            "relay figures, {test}: {} forwarded, {} retried, {} dead-lettered",
            figures.0, figures.1, figures.2
        );
        figures
    }
}

fn wait_for(what: &str, done: impl FnMut() -> bool) {
    wait_within(PATIENCE, what, done);
}

fn wait_within(patience: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let since = Instant::now();
    while !done() {
        assert!(since.elapsed() < patience, "not within {patience:?}: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Checks what a downstream received for the document with `key`: signed, the document itself, and
/// the key as `Idempotency-Key`.
fn assert_is_document(received: &Received, key: &str) {
    received.assert_signed();
    assert_eq!(received.header("idempotency-key"), key);
    let body: Value = serde_json::from_str(&received.body).unwrap();
    let sent: Value = serde_json::from_str(&common::document(key)).unwrap();
    assert_eq!(body, sent);
}

// ---------------------------------------------------------------------------------------------------
// The faults.

#[test]
fn a_downstream_that_is_down_gets_the_document_when_it_comes_up_and_the_other_at_once() {
    let setup = Setup::new();
    let up = Downstream::start(&[]);
    let port = free_port();
    let inbox = setup.start(&[up.url(), url_of(port)], &[]);
    let (status, receipt) = inbox.submit(&key(1));
    assert_eq!(status, 201, "{receipt}");
    wait_for("the downstream that is up has it", || up.received().len() == 1);
    wait_for("two failed attempts at the one that is down", || {
        let pending = inbox.forwards("state=pending");
        pending.len() == 1 && pending[0]["attempts"].as_u64().unwrap() >= 2
    });
    let pending = &inbox.forwards("state=pending")[0];
    assert_eq!(pending["downstream"], url_of(port));
    assert!(
        pending["last_error"]
            .as_str()
            .unwrap()
            .starts_with("cannot connect"),
        "{pending}"
    );
    assert_eq!(pending.get("last_status"), None);
    assert!(pending["next_attempt_at"].is_string());

    let down = Downstream::start_on(port, &[]);
    let forwards = inbox.wait_delivered(2);
    let (first, later) = (up.received(), down.received());
    assert_eq!((first.len(), later.len()), (1, 1));
    assert_is_document(&first[0], &key(1));
    assert_is_document(&later[0], &key(1));
    assert_ne!(
        first[0].header("webhook-id"),
        later[0].header("webhook-id"),
        "a forward of its own for each downstream"
    );
    for forward in &forwards {
        assert_eq!(forward["document_id"], receipt["document_id"]);
        assert_eq!(forward["kind"], "work_ability_check");
        assert!(forward["finished_at"].is_string());
        assert_eq!(forward.get("next_attempt_at"), None);
    }
    let (forwarded, retried, dead) = inbox.figures("down, then up");
    assert_eq!(forwarded, 2);
    assert!(retried >= 2);
    assert_eq!(dead, 0);
}

#[test]
fn a_downstream_that_never_answers_in_time_is_tried_again() {
    let setup = Setup::new();
    let hold = Duration::from_secs(3);
    let downstream = Downstream::start(&[Answer::Silent(hold), Answer::Silent(hold)]);
    let inbox = setup.start(&[downstream.url()], &["--forward-timeout", "1"]);
    let since = Instant::now();
    assert_eq!(inbox.submit(&key(1)).0, 201);
    let forwards = inbox.wait_delivered(1);
    assert!(
        since.elapsed() >= Duration::from_secs(2),
        "two attempts timed out"
    );
    assert_eq!(forwards[0]["attempts"], 3);
    assert_eq!(forwards[0]["last_status"], 204);
    let received = downstream.received();
    assert_eq!(received.len(), 3);
    for request in &received {
        assert_is_document(request, &key(1));
        assert_eq!(request.header("webhook-id"), forwards[0]["id"]);
    }
    let outcomes: Vec<String> = inbox
        .relay_entries()
        .iter()
        .map(|entry| entry["purpose"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        outcomes[..2]
            .iter()
            .all(|outcome| outcome.starts_with("will retry") && outcome.ends_with("no answer within 1 s")),
        "{outcomes:?}"
    );
    assert_eq!(inbox.figures("never answers in time"), (1, 2, 0));
}

#[test]
fn a_downstream_failing_twice_with_5xx_gets_it_on_the_third_attempt_and_each_is_logged() {
    let setup = Setup::new();
    let downstream = Downstream::start(&[
        Answer::RetryAfter(503, 1),
        Answer::Status(500),
        Answer::Status(200),
    ]);
    let inbox = setup.start(&[downstream.url()], &[]);
    let (_, receipt) = inbox.submit(&key(1));
    let forwards = inbox.wait_delivered(1);
    assert_eq!(forwards[0]["attempts"], 3);
    assert_eq!(forwards[0]["last_status"], 200);
    let received = downstream.received();
    assert_eq!(received.len(), 3);
    assert!(
        received[1].at - received[0].at >= Duration::from_millis(950),
        "Retry-After: 1 is honoured over the first wait of 100 ms"
    );
    for request in &received {
        assert_is_document(request, &key(1));
        assert_eq!(request.header("webhook-id"), forwards[0]["id"]);
    }
    // Each attempt is an entry of the access log: the relay, the downstream's origin, the document, the
    // outcome; the chain holds.
    let entries = inbox.relay_entries();
    assert_eq!(entries.len(), 3);
    let origin = format!("http://127.0.0.1:{}", downstream.port);
    for entry in &entries {
        assert_eq!(entry["action"], "forward");
        assert_eq!(entry["endpoint"], origin.as_str());
        assert_eq!(entry["document_id"], receipt["document_id"]);
        assert_eq!(entry.get("organisation"), None);
    }
    assert_eq!(entries[0]["purpose"], "will retry in 1 s: HTTP 503");
    assert!(entries[1]["purpose"].as_str().unwrap().ends_with(": HTTP 500"));
    assert_eq!(entries[2]["purpose"], "delivered: HTTP 200");
    let (status, verified) = inbox.admin("GET", "/api/access-log/verify");
    assert_eq!((status, &verified["intact"]), (200, &json!(true)));
    assert_eq!(inbox.figures("5xx twice, then 2xx"), (1, 2, 0));
}

#[test]
fn a_slow_downstream_within_the_timeout_gets_it_once_and_a_repeat_submission_makes_no_forward() {
    let setup = Setup::new();
    let downstream = Downstream::start(&[Answer::After(Duration::from_millis(1500), 201)]);
    let inbox = setup.start(&[downstream.url()], &["--forward-timeout", "3"]);
    assert_eq!(inbox.submit(&key(1)).0, 201);
    assert_eq!(inbox.submit(&key(1)).0, 200, "the same document again");
    let forwards = inbox.wait_delivered(1);
    assert_eq!(forwards[0]["attempts"], 1);
    assert_eq!(forwards[0]["last_status"], 201);
    assert_eq!(inbox.submit(&key(1)).0, 200, "and once more after");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(inbox.forwards("").len(), 1);
    let received = downstream.received();
    assert_eq!(received.len(), 1);
    assert_is_document(&received[0], &key(1));
    assert_eq!(inbox.figures("slow within the timeout"), (1, 0, 0));
}

#[test]
fn a_downstream_that_accepts_after_the_inbox_gave_up_receives_the_same_forward_twice() {
    let setup = Setup::new();
    let downstream = Downstream::start(&[Answer::After(Duration::from_millis(1500), 200)]);
    let inbox = setup.start(&[downstream.url()], &["--forward-timeout", "1"]);
    assert_eq!(inbox.submit(&key(1)).0, 201);
    let forwards = inbox.wait_delivered(1);
    assert_eq!(forwards[0]["attempts"], 2);
    let received = downstream.received();
    assert_eq!(received.len(), 2, "the first accepted late, then the retry");
    // What lets the downstream see the second as the first again: the same webhook-id and
    // Idempotency-Key, and the same document; each signed for its own moment.
    for request in &received {
        assert_is_document(request, &key(1));
    }
    assert_eq!(received[0].header("webhook-id"), received[1].header("webhook-id"));
    assert_eq!(
        received[0].header("idempotency-key"),
        received[1].header("idempotency-key")
    );
    assert_eq!(received[0].body, received[1].body);
    assert_eq!(inbox.figures("accepted after the inbox gave up"), (1, 1, 0));
}

#[test]
fn a_refused_forward_is_dead_listed_for_the_administrator_and_delivered_when_replayed() {
    let setup = Setup::new();
    let downstream = Downstream::start(&[Answer::Status(422), Answer::Status(404)]);
    let inbox = setup.start(&[downstream.url()], &[]);
    assert_eq!(inbox.submit(&key(1)).0, 201);
    wait_for("the first refused", || downstream.received().len() == 1);
    assert_eq!(inbox.submit(&key(2)).0, 201);
    wait_for("both dead", || inbox.forwards("state=dead").len() == 2);
    let dead = inbox.forwards("state=dead");
    assert_eq!(
        dead.iter()
            .map(|forward| (
                forward["attempts"].as_u64().unwrap(),
                forward["last_status"].as_u64().unwrap()
            ))
            .collect::<Vec<_>>(),
        [(1, 422), (1, 404)],
        "refused at once, not retried"
    );
    assert_eq!(dead[0]["last_error"], "HTTP 422");
    assert_eq!(dead[0]["downstream"], downstream.url());
    assert!(inbox.forwards("state=pending").is_empty());

    // Only an administrator lists and replays.
    let worker = token("testi.ohjaaja", "worker");
    for (method, path) in [
        ("GET", "/api/forwards".to_owned()),
        (
            "POST",
            format!("/api/forwards/{}/replay", dead[0]["id"].as_str().unwrap()),
        ),
        ("POST", "/api/forwards/replay".to_owned()),
    ] {
        let (status, _) = inbox.running.call(method, &path, Some(&worker), None);
        assert_eq!(status, Some(403), "{method} {path}");
        let (status, _) = inbox.running.call(method, &path, None, None);
        assert_eq!(status, Some(401), "{method} {path}");
    }
    let (status, refused) = inbox.admin("GET", "/api/forwards?state=lost");
    assert_eq!(
        (status, &refused["error"]["code"]),
        (400, &json!("invalid_query"))
    );

    // The first replayed by its id: pending again, its attempts reset, then delivered.
    let id = dead[0]["id"].as_str().unwrap();
    let (status, replayed) = inbox.admin("POST", &format!("/api/forwards/{id}/replay"));
    assert_eq!(status, 200, "{replayed}");
    assert_eq!(
        (&replayed["state"], &replayed["attempts"]),
        (&json!("pending"), &json!(0))
    );
    wait_for("the replayed one delivered", || {
        inbox.forwards("state=delivered").len() == 1
    });
    let (status, again) = inbox.admin("POST", &format!("/api/forwards/{id}/replay"));
    assert_eq!(
        (status, &again["error"]["code"]),
        (409, &json!("forward_not_dead"))
    );
    let (status, _) = inbox.admin("POST", &format!("/api/forwards/{}/replay", Uuid::from_u128(9)));
    assert_eq!(status, 404);
    let (status, _) = inbox.admin("POST", "/api/forwards/not-an-id/replay");
    assert_eq!(status, 400);

    // The rest replayed all at once.
    let (status, all) = inbox.admin("POST", "/api/forwards/replay");
    assert_eq!((status, &all["replayed"]), (200, &json!(1)));
    let delivered = inbox.wait_delivered(2);
    assert!(delivered.iter().all(|forward| forward["attempts"] == 1));
    let received = downstream.received();
    assert_eq!(received.len(), 4);
    assert_is_document(&received[2], &key(1));
    assert_is_document(&received[3], &key(2));
    assert_eq!(
        received[0].header("webhook-id"),
        received[2].header("webhook-id"),
        "a replay is the same forward"
    );
    // The replays are entries of the access log, naming the administrator and the documents.
    let (_, log) = inbox.admin("GET", "/api/access-log?actor=testi.yllapito&limit=1000");
    let replays = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["action"] == "replay_forward")
        .count();
    assert_eq!(replays, 2);
    assert_eq!(inbox.figures("refused, then replayed"), (2, 0, 2));
}

#[test]
fn a_forward_failing_every_attempt_is_dead_after_the_most_attempts() {
    let setup = Setup::new();
    let downstream = Downstream::start(&[Answer::Status(503); 10]);
    let inbox = setup.start(&[downstream.url()], &["--forward-max-attempts", "3"]);
    assert_eq!(inbox.submit(&key(1)).0, 201);
    wait_for("dead after three attempts", || {
        inbox.forwards("state=dead").len() == 1
    });
    let dead = &inbox.forwards("state=dead")[0];
    assert_eq!(
        (&dead["attempts"], &dead["last_status"]),
        (&json!(3), &json!(503))
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(downstream.received().len(), 3, "and not tried again");
    let entries = inbox.relay_entries();
    assert_eq!(entries[2]["purpose"], "dead letter after 3 attempts: HTTP 503");
    assert_eq!(inbox.figures("5xx every time"), (0, 2, 1));
}

#[test]
fn a_pending_forward_survives_a_kill_and_is_delivered_after_the_restart() {
    let setup = Setup::new();
    let port = free_port();
    let mut inbox = setup.start(&[url_of(port)], &["--forward-timeout", "1"]);
    let (status, receipt) = inbox.submit(&key(1));
    assert_eq!(status, 201);
    wait_for("an attempt failed", || {
        inbox
            .forwards("state=pending")
            .first()
            .is_some_and(|forward| forward["attempts"].as_u64().unwrap() >= 1)
    });
    // SIGKILL: no chance to finish anything.
    inbox.running.process.kill().unwrap();
    inbox.running.process.wait().unwrap();

    let downstream = Downstream::start_on(port, &[]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        downstream.received().is_empty(),
        "nothing sends while the inbox is down"
    );
    // A kill that lands during an attempt leaves the forward claimed: another instance may not take it
    // before the claim ends (the attempt's timeout, 1 s here, and 30 s more), so the restarted inbox may
    // wait that long too.
    let inbox = setup.start(&[url_of(port)], &["--forward-timeout", "1"]);
    let forwards = inbox.wait_delivered_within(1, Duration::from_secs(31) + PATIENCE);
    assert_eq!(forwards[0]["document_id"], receipt["document_id"]);
    let received = downstream.received();
    assert_eq!(received.len(), 1);
    assert_is_document(&received[0], &key(1));
    assert_eq!(received[0].header("webhook-id"), forwards[0]["id"]);
    let (forwarded, retried, dead) = inbox.figures("killed and restarted");
    assert_eq!((forwarded, dead), (1, 0));
    assert!(retried >= 1);
}

#[test]
fn the_inbox_refuses_to_start_on_relay_settings_it_cannot_use() {
    for (args, said) in [
        (
            vec!["--forward", "https://integraatio.example.fi/in"],
            "--forward needs --forward-secret",
        ),
        (
            vec![
                "--forward",
                "http://integraatio.example.fi/in",
                "--forward-secret",
                SECRET,
            ],
            "--forward: `http://integraatio.example.fi/in` must be https://",
        ),
        (
            vec![
                "--forward",
                "https://integraatio.example.fi/in",
                "--forward-secret",
                "salainen",
            ],
            "--forward-secret: the secret must be written `whsec_`",
        ),
        (
            vec![
                "--forward",
                "https://integraatio.example.fi/in",
                "--forward-secret",
                "whsec_c2hvcnQ=",
            ],
            "--forward-secret: the secret's key is 5 bytes",
        ),
        (
            vec![
                "--forward",
                "https://integraatio.example.fi/in",
                "--forward-secret",
                SECRET,
                "--forward-kind",
                "lomake",
            ],
            "--forward-kind: `lomake` is not one of",
        ),
        (vec!["--forward-secret", SECRET], "need --forward"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
            .args(["--port", "0", "--data-dir"])
            .arg(dir.path())
            .args(&args)
            // The caller's own relay settings must not leak in.
            .env_remove("TYOKYKY_FORWARD")
            .env_remove("TYOKYKY_FORWARD_SECRET")
            .env_remove("TYOKYKY_FORWARD_KINDS")
            .output()
            .unwrap();
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("ZGVmZ2hp"),
            "the secret is never printed: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// The store's forwards, directly.

fn document(key: u128, kind: &str) -> Document {
    let answers = match kind {
        "contact_request" => json!({
            "name": "Testi Henkilö", "phone": "040 000 0000", "contact_language": "fi",
            "preferred_time": "any", "urgent": false, "consent_text": "Suostun.", "channel": "self_service"
        }),
        _ => json!({ "work_ability_score": 6, "what_would_help": "Lyhyempi työpäivä" }),
    };
    let body = json!({
        "schema_version": 1, "kind": kind, "idempotency_key": Uuid::from_u128(key).to_string(),
        "created_at": "2026-12-05T09:00:00Z", "lang": "fi", "answers": answers,
    });
    Document::decode(body.to_string().as_bytes()).unwrap()
}

const DOWNSTREAMS: [&str; 2] = [
    "https://integraatio.example.fi/tyokyky",
    "https://asiakastieto.example.fi/saapuneet",
];

/// A store on `database` sealed with `keys`, forwarding work-ability checks to [`DOWNSTREAMS`], as an
/// instance of the inbox opens it.
fn instance(database: &Database, keys: &str) -> Store {
    common::open_store(database, Some(Keys::parse(keys).unwrap())).forwarding_to(Forwarding::new(
        DOWNSTREAMS.map(str::to_owned).to_vec(),
        vec![DocumentKind::WorkAbilityCheck],
    ))
}

fn relay_access(document: Uuid) -> Access {
    Access {
        actor: "relay".to_owned(),
        organisation: None,
        action: "forward".to_owned(),
        endpoint: "https://integraatio.example.fi".to_owned(),
        document_id: Some(document),
        purpose: Some("delivered: HTTP 204".to_owned()),
    }
}

#[test]
fn forwards_are_written_with_their_document_once_and_held_by_one_instance_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(dir.path());
    let keys = Keys::generate_line("avain-1");
    let (first, second) = (instance(&database, &keys), instance(&database, &keys));
    let Stored::Created(receipt) = first.insert(&document(1, "work_ability_check")).unwrap() else {
        panic!("stored")
    };
    // The same document again, through either instance, makes no forward; a kind not forwarded none.
    assert!(matches!(
        first.insert(&document(1, "work_ability_check")).unwrap(),
        Stored::AlreadyStored(_)
    ));
    assert!(matches!(
        second.insert(&document(1, "work_ability_check")).unwrap(),
        Stored::AlreadyStored(_)
    ));
    first.insert(&document(2, "contact_request")).unwrap();
    let forwards = first.forwards(None, 0, 100).unwrap();
    assert_eq!(forwards.len(), 2);
    assert!(forwards.iter().all(|forward| {
        forward.document_id == receipt.document_id
            && forward.state == ForwardState::Pending
            && forward.attempts == 0
    }));
    assert!(first.next_forward_due().unwrap().unwrap() <= Utc::now());

    // Two instances claim at the same moment: each forward is held by one of them.
    let start = Arc::new(Barrier::new(2));
    let claims: Vec<_> = [first.clone(), second.clone()]
        .into_iter()
        .map(|store| {
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                store
                    .claim_forwards(Utc::now(), Duration::from_secs(60), 10)
                    .unwrap()
            })
        })
        .collect();
    let claimed: Vec<_> = claims
        .into_iter()
        .flat_map(|claim| claim.join().unwrap())
        .collect();
    assert_eq!(claimed.len(), 2, "{claimed:?}");
    assert_ne!(claimed[0].id, claimed[1].id);
    // What is sent is the document itself, opened though it is sealed at rest.
    let sent: Value = serde_json::from_str(&claimed[0].body).unwrap();
    assert_eq!(sent["answers"]["what_would_help"], "Lyhyempi työpäivä");
    assert_eq!(claimed[0].idempotency_key, Uuid::from_u128(1));
    assert!(
        first
            .claim_forwards(Utc::now(), Duration::from_secs(60), 10)
            .unwrap()
            .is_empty(),
        "held"
    );
    // A claim that lapses (an instance stopped mid-attempt) is claimed again.
    let later = Utc::now() + chrono::Duration::seconds(61);
    let again = second.claim_forwards(later, Duration::from_secs(60), 10).unwrap();
    assert_eq!(again.len(), 2);

    // One delivered, one to be tried in an hour.
    let retry_at = Utc::now() + chrono::Duration::hours(1);
    first
        .record_attempt(
            again[0].id,
            &Attempt::Delivered { status: 204 },
            &relay_access(receipt.document_id),
        )
        .unwrap();
    second
        .record_attempt(
            again[1].id,
            &Attempt::Failed {
                status: Some(503),
                error: "HTTP 503".to_owned(),
                retry_at,
            },
            &relay_access(receipt.document_id),
        )
        .unwrap();
    let states: Vec<(ForwardState, u32)> = first
        .forwards(None, 0, 100)
        .unwrap()
        .iter()
        .map(|forward| (forward.state, forward.attempts))
        .collect();
    assert!(states.contains(&(ForwardState::Delivered, 1)));
    assert!(states.contains(&(ForwardState::Pending, 1)));
    let due = first.next_forward_due().unwrap().unwrap();
    assert!((due - retry_at).num_milliseconds().abs() <= 1, "{due} {retry_at}");
    assert!(
        first
            .claim_forwards(Utc::now(), Duration::from_secs(60), 10)
            .unwrap()
            .is_empty(),
        "not due"
    );

    // Retention takes the document and its forwards together.
    let retention = Retention::parse(&["work_ability_check=1".to_owned()]).unwrap();
    first
        .expire(&retention, Utc::now() + chrono::Duration::days(2))
        .unwrap();
    assert!(first.forwards(None, 0, 100).unwrap().is_empty());
    assert_eq!(first.next_forward_due().unwrap(), None);
    assert_eq!(
        common::count(&database, "SELECT count(*) FROM forwards"),
        0,
        "no row left behind"
    );
}
