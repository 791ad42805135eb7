//! Sealed documents: a kiosk that cannot reach the inbox seals a finished document in the browser so that
//! only the inbox can open it, keeps it in the browser's storage (where the next person cannot read it)
//! and posts it here once the inbox is back. The inbox opens it and stores the document inside exactly as
//! `POST /api/documents` would: the same credential, the same checks, the same receipt, stored once per
//! idempotency key.
//!
//! | method and path | answer |
//! |---|---|
//! | `GET /api/outbox-key` | the current public key as a JWK (`kty` `EC`, `crv` `P-256`, `x`, `y`, `kid`, `use` `enc`); 404 `no_outbox_key` when none is configured |
//! | `POST /api/sealed` | a sealed envelope: the document inside stored as by `POST /api/documents`; 404 `no_outbox_key`, 422 `unknown_outbox_key` (field `kid`), 422 `sealed_envelope_does_not_open`, 400 `malformed_envelope` (naming the field) |
//!
//! An envelope is `{"kid", "epk", "iv", "ct"}`: the id of the inbox's key it is sealed for, the browser's
//! one-time public key (an uncompressed P-256 point, 65 bytes), the 12-byte nonce and the AES-256-GCM
//! ciphertext with its tag, each binary one in base64 (standard alphabet, padded). The AES key is
//! HKDF-SHA256 of the ECDH shared secret (the x coordinate) with `epk` as salt and `tyokyky sealed v1` as
//! info; the key id is the associated data, so an envelope relabelled with another id does not open. A
//! browser seals the same way with WebCrypto alone (the app's kiosk: `src/web/seal.rs`). Nothing
//! cryptographic is written here: RustCrypto's `p256` (ECDH, and HKDF through it), `sha2` and `aes-gcm` do
//! it all.
//!
//! Keys come from a file or the environment, one per line, `<id>:<64 hex digits>` (the private scalar;
//! `#` starts a comment), as `--new-outbox-key <id>` prints them. The first line is the current key, the
//! one published; every listed key opens what was sealed for it. To rotate: put a new key first, keep the
//! old ones as long as a kiosk may hold something sealed for them (a kiosk fetches the key at every start,
//! so days are plenty), restart. An envelope for a key no longer listed is refused (422
//! `unknown_outbox_key`), and the kiosk drops it and tells its host page rather than try it forever.

use std::fmt;
use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD as BASE64, URL_SAFE_NO_PAD as BASE64URL};
use p256::elliptic_curve::Generate as _;
use p256::elliptic_curve::sec1::ToSec1Point as _;
use p256::{PublicKey, SecretKey};
use serde::Deserialize;

use crate::api::{Access, Shared, error, json_body, submit_at};
use crate::seal::{key_line, key_lines};

/// The HKDF info of a sealed envelope (its version).
pub const INFO: &[u8] = b"tyokyky sealed v1";

/// The private keys that open sealed envelopes, the current (published) one first.
#[derive(Clone)]
pub struct OutboxKeys {
    keys: Vec<(String, SecretKey)>,
}

impl fmt::Debug for OutboxKeys {
    /// Names the keys, never shows them.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        write!(formatter, "OutboxKeys({ids:?})")
    }
}

/// A sealed envelope as posted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// The id of the key it is sealed for.
    pub kid: String,
    /// The browser's one-time public key, an uncompressed SEC1 point, base64.
    pub epk: String,
    /// The AES-GCM nonce (12 bytes), base64.
    pub iv: String,
    /// The ciphertext and its tag, base64.
    pub ct: String,
}

/// Why an envelope does not give a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not an envelope of this form: the field it is about, and what is wrong.
    Malformed {
        /// The envelope's field (`kid`, `epk`, `iv`, `ct`), or `None` for the whole.
        field: Option<&'static str>,
        /// What is wrong with it.
        problem: String,
    },
    /// Sealed for a key this inbox does not have (any more).
    UnknownKey(String),
    /// The key is right but it does not open: changed on the way, or relabelled.
    DoesNotOpen,
}

impl fmt::Display for OpenError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Malformed { problem, .. } => formatter.write_str(problem),
            OpenError::UnknownKey(id) => write!(
                formatter,
                "sealed for key `{id}`, which this inbox does not have (any more): it cannot be opened; \
                 the kiosk should fetch the current key at /api/outbox-key"
            ),
            OpenError::DoesNotOpen => formatter.write_str(
                "the envelope does not open with its key: it was changed on the way, or its `kid` relabelled",
            ),
        }
    }
}

impl OpenError {
    /// The contract's error code.
    pub fn code(&self) -> &'static str {
        match self {
            OpenError::Malformed { .. } => "malformed_envelope",
            OpenError::UnknownKey(_) => "unknown_outbox_key",
            OpenError::DoesNotOpen => "sealed_envelope_does_not_open",
        }
    }

    /// The envelope's field concerned, if one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            OpenError::Malformed { field, .. } => *field,
            OpenError::UnknownKey(_) => Some("kid"),
            OpenError::DoesNotOpen => None,
        }
    }
}

/// A binary field of an envelope, base64.
fn binary(field: &'static str, text: &str) -> Result<Vec<u8>, OpenError> {
    BASE64.decode(text).map_err(|_| OpenError::Malformed {
        field: Some(field),
        problem: format!("`{field}` is not base64"),
    })
}

impl OutboxKeys {
    /// Reads keys, one per line, `<id>:<64 hex digits>` of a P-256 private key (see
    /// [`crate::seal::key_lines`]).
    pub fn parse(text: &str) -> Result<OutboxKeys, String> {
        let keys = key_lines(
            text,
            "outbox key",
            "64 hex digits of a P-256 private key",
            |bytes| SecretKey::from_slice(bytes).ok(),
        )?;
        Ok(OutboxKeys { keys })
    }

    /// A new random key line, `<id>:<64 hex digits>`, for an outbox key file.
    pub fn generate_line(id: &str) -> String {
        key_line(id, &SecretKey::generate().to_bytes())
    }

    /// The id of the key that is published.
    pub fn current(&self) -> &str {
        self.keys.first().map_or("", |(id, _)| id.as_str())
    }

    /// The current public key as a JWK, with its `kid`.
    pub fn public_jwk(&self) -> serde_json::Value {
        let Some((id, key)) = self.keys.first() else {
            return serde_json::Value::Null;
        };
        let point = key.public_key().to_sec1_point(false);
        let coordinate = |bytes: Option<&[u8]>| BASE64URL.encode(bytes.unwrap_or_default());
        serde_json::json!({
            "kty": "EC",
            "crv": "P-256",
            "x": coordinate(point.x().map(|x| x.as_slice())),
            "y": coordinate(point.y().map(|y| y.as_slice())),
            "kid": id,
            "use": "enc",
        })
    }

    /// The document inside a sealed envelope (its JSON bytes).
    pub fn open(&self, body: &[u8]) -> Result<Vec<u8>, OpenError> {
        let envelope: Envelope = serde_json::from_slice(body).map_err(|error| OpenError::Malformed {
            field: None,
            problem: format!("not a sealed envelope {{\"kid\", \"epk\", \"iv\", \"ct\"}}: {error}"),
        })?;
        let (_, key) = self
            .keys
            .iter()
            .find(|(id, _)| *id == envelope.kid)
            .ok_or_else(|| OpenError::UnknownKey(envelope.kid.chars().take(64).collect()))?;
        let epk = binary("epk", &envelope.epk)?;
        let ephemeral = PublicKey::from_sec1_bytes(&epk).map_err(|_| OpenError::Malformed {
            field: Some("epk"),
            problem: "`epk` is not a P-256 public key (an uncompressed point of 65 bytes)".to_owned(),
        })?;
        let iv = binary("iv", &envelope.iv)?;
        if iv.len() != 12 {
            return Err(OpenError::Malformed {
                field: Some("iv"),
                problem: format!("`iv` must be 12 bytes, not {}", iv.len()),
            });
        }
        let sealed = binary("ct", &envelope.ct)?;
        let cipher = cipher(key, &ephemeral, &epk)?;
        cipher
            .decrypt(
                Nonce::from_slice(&iv),
                Payload {
                    msg: &sealed,
                    aad: envelope.kid.as_bytes(),
                },
            )
            .map_err(|_| OpenError::DoesNotOpen)
    }
}

/// The AES-256-GCM cipher of the secret `ours` and the public `theirs`: HKDF-SHA256 of their ECDH
/// shared secret, `salt` (the browser's public key as sent) and [`INFO`].
fn cipher(ours: &SecretKey, theirs: &PublicKey, salt: &[u8]) -> Result<Aes256Gcm, OpenError> {
    let shared = p256::ecdh::diffie_hellman(ours.to_nonzero_scalar(), theirs.as_affine());
    let mut key = [0u8; 32];
    shared
        .extract::<sha2_hkdf::Sha256>(Some(salt))
        .expand(INFO, &mut key)
        .map_err(|_| OpenError::DoesNotOpen)?;
    Ok(Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key)))
}

/// `plain` sealed for the public key `jwk` as the browser seals it: what a kiosk posts. The browser's
/// own sealing is WebCrypto; this one is for tests and tools (a load test, a replay).
pub fn seal_for(jwk: &serde_json::Value, plain: &[u8]) -> Option<String> {
    let coordinate = |name: &str| BASE64URL.decode(jwk[name].as_str()?).ok();
    let mut point = vec![4u8];
    point.extend(coordinate("x")?);
    point.extend(coordinate("y")?);
    let theirs = PublicKey::from_sec1_bytes(&point).ok()?;
    let kid = jwk["kid"].as_str()?;
    let ephemeral = SecretKey::generate();
    let epk = ephemeral.public_key().to_sec1_point(false).as_bytes().to_vec();
    let cipher = cipher(&ephemeral, &theirs, &epk).ok()?;
    let iv: [u8; 12] = rand_nonce();
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: plain,
                aad: kid.as_bytes(),
            },
        )
        .ok()?;
    Some(
        serde_json::json!({
            "kid": kid,
            "epk": BASE64.encode(&epk),
            "iv": BASE64.encode(iv),
            "ct": BASE64.encode(sealed),
        })
        .to_string(),
    )
}

/// A random 96-bit nonce.
fn rand_nonce() -> [u8; 12] {
    use aes_gcm::aead::{AeadCore, OsRng};
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let mut bytes = [0u8; 12];
    bytes.copy_from_slice(&nonce);
    bytes
}

/// The routes of sealed documents (see the module), merged into the API with `keys`, if any.
pub(crate) fn routes(keys: Option<Arc<OutboxKeys>>) -> Router<Shared> {
    let published = keys.clone();
    Router::new()
        .route(
            "/outbox-key",
            get(move || {
                let published = published.clone();
                async move {
                    match published {
                        Some(keys) => axum::Json(keys.public_jwk()).into_response(),
                        None => no_outbox_key(),
                    }
                }
            }),
        )
        .route(
            "/sealed",
            post(move |shared, headers, body| submit_sealed(keys.clone(), shared, headers, body)),
        )
}

/// 404 `no_outbox_key`.
fn no_outbox_key() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no_outbox_key",
        "this inbox has no outbox key, so nothing can be sealed for it: start it with --outbox-key-file \
         (TYOKYKY_OUTBOX_KEY_FILE) or TYOKYKY_OUTBOX_KEYS",
        None,
    )
}

/// `POST /api/sealed`: the credential is checked first, as for `POST /api/documents`; then the envelope is
/// opened and the document inside is submitted as that endpoint submits it.
async fn submit_sealed(
    keys: Option<Arc<OutboxKeys>>,
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if let Err(refused) = shared.authorize(&headers, Access::Submit).await {
        return refused;
    }
    let Some(keys) = keys else {
        return no_outbox_key();
    };
    let body = match json_body(&headers, body, "sealed envelope") {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    match keys.open(&body) {
        Ok(document) => submit_at(shared, headers, Ok(Bytes::from(document)), "POST /api/sealed").await,
        Err(problem) => {
            let status = match problem {
                OpenError::Malformed { .. } => StatusCode::BAD_REQUEST,
                OpenError::UnknownKey(_) | OpenError::DoesNotOpen => StatusCode::UNPROCESSABLE_ENTITY,
            };
            error(status, problem.code(), problem.to_string(), problem.field())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> OutboxKeys {
        match OutboxKeys::parse(text) {
            Ok(keys) => keys,
            Err(message) => panic!("{message}"),
        }
    }

    const DOCUMENT: &[u8] = br#"{"name":"Testi Sinetti"}"#;

    #[test]
    fn a_sealed_document_opens_with_the_inbox_key_only() {
        let inbox = keys(&OutboxKeys::generate_line("k1"));
        let jwk = inbox.public_jwk();
        assert_eq!(
            (jwk["kty"].as_str(), jwk["crv"].as_str(), jwk["kid"].as_str()),
            (Some("EC"), Some("P-256"), Some("k1"))
        );
        assert_eq!(jwk["x"].as_str().map(str::len), Some(43), "32 bytes, base64url");
        let sealed = seal_for(&jwk, DOCUMENT).unwrap();
        assert!(!sealed.contains("Testi"), "{sealed}");
        assert_ne!(
            sealed,
            seal_for(&jwk, DOCUMENT).unwrap(),
            "a new key and nonce each time"
        );
        assert_eq!(inbox.open(sealed.as_bytes()).as_deref(), Ok(DOCUMENT));
        // Another inbox's key of the same id does not open it.
        let other = keys(&OutboxKeys::generate_line("k1"));
        assert_eq!(other.open(sealed.as_bytes()), Err(OpenError::DoesNotOpen));
    }

    #[test]
    fn a_changed_or_relabelled_envelope_does_not_open() {
        let inbox = keys(&format!(
            "{}\n{}",
            OutboxKeys::generate_line("k2"),
            OutboxKeys::generate_line("k1")
        ));
        let sealed: serde_json::Value =
            serde_json::from_str(&seal_for(&inbox.public_jwk(), DOCUMENT).unwrap()).unwrap();
        let with = |field: &str, value: serde_json::Value| {
            let mut changed = sealed.clone();
            changed[field] = value;
            inbox.open(changed.to_string().as_bytes())
        };
        let mut ct = BASE64.decode(sealed["ct"].as_str().unwrap()).unwrap();
        ct[0] ^= 1;
        assert_eq!(with("ct", BASE64.encode(&ct).into()), Err(OpenError::DoesNotOpen));
        let mut iv = BASE64.decode(sealed["iv"].as_str().unwrap()).unwrap();
        iv[11] ^= 1;
        assert_eq!(with("iv", BASE64.encode(&iv).into()), Err(OpenError::DoesNotOpen));
        let other = seal_for(&inbox.public_jwk(), b"{}").unwrap();
        let other: serde_json::Value = serde_json::from_str(&other).unwrap();
        assert_eq!(
            with("epk", other["epk"].clone()),
            Err(OpenError::DoesNotOpen),
            "another browser's key"
        );
        assert_eq!(
            with("kid", "k1".into()),
            Err(OpenError::DoesNotOpen),
            "relabelled for the other key"
        );
        let located =
            |result: Result<Vec<u8>, OpenError>| result.map_err(|error| (error.code(), error.field()));
        assert_eq!(
            located(with("iv", "AAAA".into())),
            Err(("malformed_envelope", Some("iv")))
        );
        assert_eq!(
            located(with("epk", "AAAA".into())),
            Err(("malformed_envelope", Some("epk")))
        );
        assert_eq!(
            located(with("ct", "not base64!".into())),
            Err(("malformed_envelope", Some("ct")))
        );
        assert_eq!(
            located(inbox.open(b"{\"kid\":\"k2\"}")),
            Err(("malformed_envelope", None))
        );
        assert_eq!(
            located(with("extra", 1.into())),
            Err(("malformed_envelope", None))
        );
    }

    #[test]
    fn an_envelope_for_a_key_the_inbox_does_not_have_is_refused_by_its_kid() {
        let old = OutboxKeys::generate_line("old");
        let kiosk_had = keys(&old);
        let sealed = seal_for(&kiosk_had.public_jwk(), DOCUMENT).unwrap();
        let without = keys(&OutboxKeys::generate_line("new"));
        let refused = without.open(sealed.as_bytes()).unwrap_err();
        assert_eq!(refused, OpenError::UnknownKey("old".into()));
        assert_eq!(
            (refused.code(), refused.field()),
            ("unknown_outbox_key", Some("kid"))
        );
        assert!(refused.to_string().contains("`old`"), "{refused}");
    }

    #[test]
    fn after_a_rotation_the_new_key_is_published_and_every_listed_key_opens() {
        let old = OutboxKeys::generate_line("2026-11");
        let before = keys(&old);
        let sealed_before = seal_for(&before.public_jwk(), DOCUMENT).unwrap();
        let rotated = keys(&format!(
            "{}\n# the old one, until the kiosks have sent what they hold\n{old}\n",
            OutboxKeys::generate_line("2026-12")
        ));
        assert_eq!(rotated.current(), "2026-12");
        assert_eq!(rotated.public_jwk()["kid"], "2026-12");
        assert_ne!(rotated.public_jwk()["x"], before.public_jwk()["x"]);
        assert_eq!(
            rotated.open(sealed_before.as_bytes()).as_deref(),
            Ok(DOCUMENT),
            "the old key still opens"
        );
        let sealed_after = seal_for(&rotated.public_jwk(), DOCUMENT).unwrap();
        assert_eq!(rotated.open(sealed_after.as_bytes()).as_deref(), Ok(DOCUMENT));
        assert!(matches!(
            before.open(sealed_after.as_bytes()),
            Err(OpenError::UnknownKey(_))
        ));
    }

    #[test]
    fn a_bad_key_line_is_named_by_its_number() {
        assert_eq!(OutboxKeys::parse("# none\n").unwrap_err(), "no outbox key given");
        assert_eq!(
            OutboxKeys::parse("\nk1:abc").unwrap_err(),
            "outbox key line 2: the key must be 64 hex digits of a P-256 private key"
        );
        // Zero is not a private key of the curve.
        assert_eq!(
            OutboxKeys::parse(&format!("k1:{}", "0".repeat(64))).unwrap_err(),
            "outbox key line 1: the key must be 64 hex digits of a P-256 private key"
        );
        assert_eq!(
            OutboxKeys::parse("k 1:00").unwrap_err(),
            "outbox key line 1: the id may have letters, digits, - and _ only"
        );
        let line = OutboxKeys::generate_line("k1");
        assert_eq!(
            OutboxKeys::parse(&format!("{line}\n{line}")).unwrap_err(),
            "outbox key line 2: the id `k1` is given twice"
        );
        assert_eq!(format!("{:?}", keys(&line)), "OutboxKeys([\"k1\"])");
    }
}
