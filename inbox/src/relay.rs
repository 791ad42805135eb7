//! The relay: every document the inbox stores is sent on to the county's own systems (an integration
//! platform, a case system), each a downstream endpoint configured with `--forward`, at least once.
//!
//! The store keeps the work (an outbox, [`crate::store::Forwarding`]): a pending forward for each
//! downstream is written in the transaction that stores the document, so a restart, even a kill, loses
//! none, and a document sent twice makes no second forward. This module sends them: a task claims the due
//! forwards, posts each document and records how it went, with an entry of the access log (actor `relay`,
//! action `forward`, the downstream's origin as the endpoint, the outcome as the purpose).
//!
//! What a downstream receives is a `POST` of the document as stored (the JSON of `GET
//! /api/documents/{id}`'s `document`; opened when the inbox seals bodies at rest) with
//! `Content-Type: application/json`, `Idempotency-Key` (the document's idempotency key) and the headers of
//! Standard Webhooks: `webhook-id` (the forward's id, the same on every retry), `webhook-timestamp` (the
//! attempt's Unix time) and `webhook-signature`, `v1,` and the base64 of HMAC-SHA256 over
//! `{webhook-id}.{webhook-timestamp}.{body}` with the shared secret's bytes. Nothing cryptographic is
//! written here: RustCrypto's `hmac` and `sha2` do it.
//!
//! Any 2xx is a delivery. A network error, no answer within the timeout, 408, 429 or a 5xx is tried again
//! after a wait that doubles from the first (5 s) to a cap (10 min), each drawn between half and all of
//! it so that forwards that failed together come back apart, and never shorter than a `Retry-After` the
//! downstream gave (within the cap). Any other answer (a 3xx, a 4xx) is dead at once: retrying will not
//! change it. So is a forward after its maximum of attempts. An administrator lists the forwards and
//! replays dead ones (`GET /api/forwards`, `POST /api/forwards/{id}/replay`, `POST /api/forwards/replay`).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use aes_gcm::aead::OsRng;
use aes_gcm::aead::rand_core::RngCore as _;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit as _, Mac as _};
use reqwest::header::{CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use sha2_hkdf::Sha256;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tyokyky_engine::document::DocumentKind;

use crate::store::{Access, Attempt, Claimed, Forwarding, Store, StoreError};

/// How a Standard Webhooks secret is written: this prefix, then the key in base64.
pub const SECRET_PREFIX: &str = "whsec_";

/// The fewest and most bytes a secret's key may have, as the Standard Webhooks specification asks.
const SECRET_BYTES: std::ops::RangeInclusive<usize> = 24..=64;

/// The bytes of a new secret's key.
const NEW_SECRET_BYTES: usize = 32;

/// The shared secret the forwards are signed with, kept as HMAC-SHA256 keyed with it.
#[derive(Clone)]
pub struct Secret(Hmac<Sha256>);

impl fmt::Debug for Secret {
    /// Never shows the key.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Secret(…)")
    }
}

impl Secret {
    /// Reads `whsec_<base64>`: a key of 24 to 64 bytes in standard base64.
    pub fn parse(text: &str) -> Result<Secret, String> {
        let Some(encoded) = text.trim().strip_prefix(SECRET_PREFIX) else {
            return Err(format!(
                "the secret must be written `{SECRET_PREFIX}` and the key in base64 (`--new-forward-secret` makes one)"
            ));
        };
        let key = BASE64
            .decode(encoded)
            .map_err(|error| format!("the secret's key after `{SECRET_PREFIX}` is not base64: {error}"))?;
        if !SECRET_BYTES.contains(&key.len()) {
            return Err(format!(
                "the secret's key is {} bytes; it must be {} to {} (`--new-forward-secret` makes one of {NEW_SECRET_BYTES})",
                key.len(),
                SECRET_BYTES.start(),
                SECRET_BYTES.end()
            ));
        }
        Hmac::<Sha256>::new_from_slice(&key)
            .map(Secret)
            .map_err(|error| format!("the secret's key is not one HMAC takes: {error}"))
    }

    /// A new random secret, written `whsec_<base64>`, to share with the downstreams.
    pub fn generate() -> String {
        let mut key = [0u8; NEW_SECRET_BYTES];
        OsRng.fill_bytes(&mut key);
        format!("{SECRET_PREFIX}{}", BASE64.encode(key))
    }

    /// The `webhook-signature` of `body` sent as message `id` at `timestamp` (Unix seconds): `v1,` and the
    /// base64 of HMAC-SHA256 over `{id}.{timestamp}.{body}`.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let mut mac = self.0.clone();
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
    }
}

/// A downstream endpoint: an HTTPS URL (plain HTTP only on loopback), without credentials in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downstream(reqwest::Url);

impl Downstream {
    /// Reads a `--forward` URL.
    pub fn parse(text: &str) -> Result<Downstream, String> {
        let url =
            reqwest::Url::parse(text.trim()).map_err(|error| format!("`{text}` is not a URL: {error}"))?;
        let host = url.host_str().unwrap_or_default();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let loopback = host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|address| address.is_loopback());
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => {
                return Err(format!(
                    "`{text}` must be https:// (plain http only on loopback): the documents hold personal data"
                ));
            }
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "`{text}` holds credentials: leave them out, the signature (--forward-secret) authenticates the inbox"
            ));
        }
        Ok(Downstream(url))
    }

    /// The URL, as the store keeps it.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Its origin (`https://host[:port]`): what the access log names, never a path or query that may hold
    /// a secret.
    pub fn origin(&self) -> String {
        origin(self.0.as_str())
    }
}

/// The origin of a URL the store keeps, or the text itself if it does not read.
fn origin(url: &str) -> String {
    reqwest::Url::parse(url)
        .map(|url| url.origin().ascii_serialization())
        .unwrap_or_else(|_| url.to_owned())
}

/// When failed forwards are tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The wait after the first failed attempt; it doubles after each further one.
    pub first: Duration,
    /// The longest wait.
    pub cap: Duration,
    /// Attempts at most; a forward failing the last is given up (dead).
    pub max_attempts: u32,
}

impl Schedule {
    /// The wait after `failed` failed attempts (1 after the first), before jitter: `first` × 2^(failed−1),
    /// at most `cap`.
    pub fn backoff(&self, failed: u32) -> Duration {
        let doublings = failed.saturating_sub(1).min(31);
        self.first
            .checked_mul(1 << doublings)
            .unwrap_or(self.cap)
            .min(self.cap)
    }

    /// The wait after `failed` failed attempts: the backoff scaled by `draw` (from 0 to 1) into its upper
    /// half, and at least what the downstream asked in `Retry-After`, all within the cap.
    pub fn wait(&self, failed: u32, draw: f64, retry_after: Option<Duration>) -> Duration {
        let backoff = self.backoff(failed);
        let jittered = backoff.mul_f64(0.5 + 0.5 * draw.clamp(0.0, 1.0));
        jittered.max(retry_after.unwrap_or_default()).min(self.cap)
    }
}

/// What an answer's status means for a forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// 2xx: delivered.
    Delivered,
    /// 408, 429, 5xx: may pass; try again.
    Retry,
    /// Anything else: will not pass by retrying.
    Dead,
}

/// The verdict on an answer with `status`.
pub fn verdict(status: u16) -> Verdict {
    match status {
        200..=299 => Verdict::Delivered,
        408 | 429 | 500..=599 => Verdict::Retry,
        _ => Verdict::Dead,
    }
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date from `now`.
fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(text).ok()?.to_utc();
    (at - now).to_std().ok()
}

/// The relay's settings.
#[derive(Debug, Clone)]
pub struct RelayConfig {
    /// Where every forwarded document goes.
    pub downstreams: Vec<Downstream>,
    /// The shared secret of the signatures.
    pub secret: Secret,
    /// The kinds forwarded; every kind when empty.
    pub kinds: Vec<DocumentKind>,
    /// How long one attempt may take, from connecting to the answer's head.
    pub timeout: Duration,
    /// When failed forwards are tried again.
    pub schedule: Schedule,
}

/// The actor of the relay's entries in the access log.
pub const ACTOR: &str = "relay";

/// Attempts in flight at once, for one instance.
const IN_FLIGHT: usize = 16;

/// The longest the relay waits before it looks for due forwards again (another instance's documents,
/// a claim that lapsed).
const POLL: Duration = Duration::from_secs(1);

/// The shortest wait between looks, so that a forward due but not claimable cannot make the task spin.
const MIN_WAIT: Duration = Duration::from_millis(10);

/// How long the relay waits after the store failed before it tries again.
const STORE_FAULT_WAIT: Duration = Duration::from_secs(5);

/// How much longer than the timeout an instance holds a claimed forward: past it, another instance (or
/// this one after a restart) may send it again.
const CLAIM_MARGIN: Duration = Duration::from_secs(30);

/// The longest failure text kept with a forward and in the access log.
const MAX_ERROR_CHARS: usize = 200;

/// The running relay: its settings, HTTP client and store.
#[derive(Debug, Clone)]
struct Relay {
    store: Store,
    config: Arc<RelayConfig>,
    client: reqwest::Client,
}

/// Starts the relay on `store` as `config` says: returns the store to serve with, which writes the
/// forwards of each new document, and spawns the task that sends them (on the current Tokio runtime).
pub fn start(store: Store, config: RelayConfig) -> Result<Store, String> {
    let client = reqwest::Client::builder()
        .timeout(config.timeout)
        .connect_timeout(config.timeout)
        // A redirect is an answer of its own (dead: configure the URL it points to), not followed with
        // the document.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("tyokyky-inbox/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|error| format!("cannot make the relay's HTTP client: {error}"))?;
    let forwarding = Forwarding::new(
        config
            .downstreams
            .iter()
            .map(|downstream| downstream.as_str().to_owned())
            .collect(),
        config.kinds.clone(),
    );
    let wake = forwarding.wake();
    let store = store.forwarding_to(forwarding);
    let relay = Relay {
        store: store.clone(),
        config: Arc::new(config),
        client,
    };
    tokio::spawn(relay.run(wake));
    Ok(store)
}

/// Runs store work off the async threads.
async fn blocking<T: Send + 'static>(
    store: &Store,
    work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || work(&store))
        .await
        .unwrap_or(Err(StoreError::Poisoned))
}

impl Relay {
    /// Claims what is due and sends it, up to [`IN_FLIGHT`] at once; sleeps until the next forward is due,
    /// a document is stored, an attempt ends, or [`POLL`] passes.
    async fn run(self, wake: Arc<Notify>) {
        let mut sending = JoinSet::new();
        let mut failing = false;
        loop {
            let free = IN_FLIGHT.saturating_sub(sending.len());
            let mut wait = POLL;
            if free > 0 {
                let lease = self.config.timeout + CLAIM_MARGIN;
                let limit = u32::try_from(free).unwrap_or(u32::MAX);
                match blocking(&self.store, move |store| {
                    store.claim_forwards(Utc::now(), lease, limit)
                })
                .await
                {
                    Ok(claimed) => {
                        if failing {
                            eprintln!("tyokyky-inbox: relay: the store answers again");
                            failing = false;
                        }
                        let full = claimed.len() >= free;
                        for forward in claimed {
                            sending.spawn(self.clone().attempt(forward));
                        }
                        if !full {
                            wait = self.until_due().await;
                        }
                    }
                    Err(error) => {
                        if !failing {
                            eprintln!("tyokyky-inbox: relay: cannot read the forwards: {error}");
                            failing = true;
                        }
                        wait = STORE_FAULT_WAIT;
                    }
                }
            }
            tokio::select! {
                Some(_) = sending.join_next(), if !sending.is_empty() => {}
                () = wake.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// How long until the next forward may be claimed, within [`MIN_WAIT`] and [`POLL`].
    async fn until_due(&self) -> Duration {
        match blocking(&self.store, Store::next_forward_due).await {
            Ok(Some(due)) => (due - Utc::now())
                .to_std()
                .unwrap_or_default()
                .clamp(MIN_WAIT, POLL),
            _ => POLL,
        }
    }

    /// Sends one claimed forward and records how it went.
    async fn attempt(self, forward: Claimed) {
        let webhook_id = forward.id.to_string();
        let timestamp = Utc::now().timestamp();
        let signature = self
            .config
            .secret
            .sign(&webhook_id, timestamp, forward.body.as_bytes());
        let sent = self
            .client
            .post(&forward.downstream)
            .header(CONTENT_TYPE, "application/json")
            .header("idempotency-key", forward.idempotency_key.to_string())
            .header("webhook-id", &webhook_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(forward.body.clone())
            .send()
            .await;
        let now = Utc::now();
        let (status, error, asked) = match sent {
            Ok(response) => {
                let status = response.status().as_u16();
                (
                    Some(status),
                    format!("HTTP {status}"),
                    retry_after(response.headers(), now),
                )
            }
            Err(error) => (None, self.failure(error), None),
        };
        let attempts = forward.attempts.saturating_add(1);
        let (attempt, outcome) = match status.map(verdict) {
            Some(Verdict::Delivered) => (
                Attempt::Delivered {
                    status: status.unwrap_or_default(),
                },
                format!("delivered: {error}"),
            ),
            Some(Verdict::Dead) => (
                Attempt::Dead {
                    status,
                    error: error.clone(),
                },
                format!("dead letter: {error}"),
            ),
            None | Some(Verdict::Retry) if attempts >= self.config.schedule.max_attempts => (
                Attempt::Dead {
                    status,
                    error: error.clone(),
                },
                format!("dead letter after {attempts} attempts: {error}"),
            ),
            None | Some(Verdict::Retry) => {
                let wait = self.config.schedule.wait(attempts, draw(), asked);
                let retry_at = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX);
                (
                    Attempt::Failed {
                        status,
                        error: error.clone(),
                        retry_at,
                    },
                    format!("will retry in {} s: {error}", wait.as_millis().div_ceil(1000)),
                )
            }
        };
        let access = Access {
            actor: ACTOR.to_owned(),
            organisation: None,
            action: "forward".to_owned(),
            endpoint: origin(&forward.downstream),
            document_id: Some(forward.document_id),
            purpose: Some(cut(&outcome)),
        };
        let id = forward.id;
        if let Err(failure) = blocking(&self.store, move |store| {
            store.record_attempt(id, &attempt, &access)
        })
        .await
        {
            // The claim lapses and the forward is sent again: at least once.
            eprintln!("tyokyky-inbox: relay: cannot record an attempt at forward {id}: {failure}");
        }
    }

    /// Why a request got no answer, in words, without the URL (which may hold a secret in its query).
    fn failure(&self, error: reqwest::Error) -> String {
        if error.is_timeout() {
            return format!("no answer within {} s", self.config.timeout.as_secs_f64());
        }
        let mut cause: &dyn std::error::Error = &error;
        while let Some(source) = cause.source() {
            cause = source;
        }
        let cause = cause.to_string();
        let text = if error.is_connect() {
            format!("cannot connect: {cause}")
        } else {
            let error = error.without_url();
            if error.to_string() == cause {
                cause
            } else {
                format!("{error}: {cause}")
            }
        };
        cut(&text)
    }
}

/// `text` within [`MAX_ERROR_CHARS`] characters.
fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_ERROR_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_ERROR_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A random number from 0 to 1, for the jitter of a wait.
fn draw() -> f64 {
    f64::from(OsRng.next_u32()) / f64::from(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test vector published with the Standard Webhooks specification and its reference libraries
    /// (checked independently with Python's `hmac` and `hashlib` when written).
    #[test]
    fn signs_the_standard_webhooks_test_vector() {
        let secret = Secret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(
            secret.sign(
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1_614_265_330,
                br#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn a_secret_is_whsec_and_24_to_64_bytes_in_base64() {
        assert!(Secret::parse(&Secret::generate()).is_ok());
        for (text, words) in [
            ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "written `whsec_`"),
            ("whsec_not base64!", "not base64"),
            ("whsec_c2hvcnQ=", "is 5 bytes"),
            (&format!("whsec_{}", BASE64.encode([7u8; 65])), "is 65 bytes"),
        ] {
            let refused = Secret::parse(text).unwrap_err();
            assert!(refused.contains(words), "{text}: {refused}");
        }
        assert_eq!(
            format!("{:?}", Secret::parse(&Secret::generate()).unwrap()),
            "Secret(…)"
        );
    }

    #[test]
    fn a_downstream_is_https_or_loopback_http_without_credentials() {
        assert!(Downstream::parse("https://integraatio.example.fi/tyokyky").is_ok());
        assert!(Downstream::parse("http://127.0.0.1:9000/in").is_ok());
        assert!(Downstream::parse("http://[::1]:9000/in").is_ok());
        assert!(Downstream::parse("http://localhost/in").is_ok());
        assert!(
            Downstream::parse("http://integraatio.example.fi/in")
                .unwrap_err()
                .contains("https://")
        );
        assert!(Downstream::parse("ftp://127.0.0.1/in").is_err());
        assert!(
            Downstream::parse("https://user:pass@example.fi/in")
                .unwrap_err()
                .contains("credentials")
        );
        assert!(Downstream::parse("not a url").unwrap_err().contains("not a URL"));
        assert_eq!(
            Downstream::parse("https://integraatio.example.fi:8443/tyokyky?code=salainen")
                .unwrap()
                .origin(),
            "https://integraatio.example.fi:8443"
        );
    }

    #[test]
    fn the_wait_doubles_to_the_cap_with_jitter_and_retry_after() {
        let schedule = Schedule {
            first: Duration::from_secs(5),
            cap: Duration::from_secs(600),
            max_attempts: 10,
        };
        let backoffs: Vec<u64> = (1..=9).map(|failed| schedule.backoff(failed).as_secs()).collect();
        assert_eq!(backoffs, [5, 10, 20, 40, 80, 160, 320, 600, 600]);
        assert_eq!(schedule.backoff(1000), Duration::from_secs(600));
        assert_eq!(schedule.wait(2, 0.0, None), Duration::from_secs(5));
        assert_eq!(schedule.wait(2, 1.0, None), Duration::from_secs(10));
        assert_eq!(
            schedule.wait(1, 0.0, Some(Duration::from_secs(120))),
            Duration::from_secs(120),
            "Retry-After is honoured"
        );
        assert_eq!(
            schedule.wait(1, 0.0, Some(Duration::from_secs(86_400))),
            Duration::from_secs(600),
            "within the cap"
        );
    }

    #[test]
    fn only_2xx_delivers_and_only_what_may_pass_is_retried() {
        for status in [200, 201, 202, 204, 299] {
            assert_eq!(verdict(status), Verdict::Delivered, "{status}");
        }
        for status in [408, 429, 500, 502, 503, 504] {
            assert_eq!(verdict(status), Verdict::Retry, "{status}");
        }
        for status in [301, 302, 400, 401, 403, 404, 409, 413, 422] {
            assert_eq!(verdict(status), Verdict::Dead, "{status}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_an_http_date() {
        let now = DateTime::parse_from_rfc3339("2026-12-05T09:00:00Z")
            .unwrap()
            .to_utc();
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "120".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(120)));
        headers.insert(RETRY_AFTER, "Sat, 05 Dec 2026 09:01:30 GMT".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(90)));
        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers, now), None);
    }
}
