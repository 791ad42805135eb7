//! OpenID Connect access tokens: the tests mint their own, with the test-only keys in
//! `tests/fixtures/oidc/`, and serve the issuer's key set from a file and from a local HTTP server. Every
//! attack below must be refused with 401 `unauthorized` (not a valid credential) or 403 `forbidden` (a
//! valid one whose roles do not allow the call).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use http_body_util::BodyExt;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use tower::ServiceExt;
use tyokyky_inbox::api::{RouterConfig, router};
use tyokyky_inbox::auth::{JwksSource, Oidc, OidcConfig, Role};
use tyokyky_inbox::store::Store;

const ISSUER: &str = "https://tunnistus.example.fi/realms/esimerkki";
const AUDIENCE: &str = "tyokyky-inbox";
const ORGANISATION: &str = "esimerkin-hyvinvointialue";

/// The issuer's RSA signing key (test only).
const RSA_KEY: &[u8] = include_bytes!("fixtures/oidc/rsa-signing.test-only.pem");
/// Its public half, which an attacker knows.
const RSA_PUBLIC_KEY: &[u8] = include_bytes!("fixtures/oidc/rsa-signing.test-only.pub.pem");
/// The issuer's EC P-256 signing key (test only).
const EC_KEY: &[u8] = include_bytes!("fixtures/oidc/ec-signing.test-only.pem");
/// A key the issuer never published (test only).
const STRANGER_KEY: &[u8] = include_bytes!("fixtures/oidc/rsa-stranger.test-only.pem");

fn rsa() -> EncodingKey {
    EncodingKey::from_rsa_pem(RSA_KEY).unwrap()
}

fn ec() -> EncodingKey {
    EncodingKey::from_ec_pem(EC_KEY).unwrap()
}

fn stranger() -> EncodingKey {
    EncodingKey::from_rsa_pem(STRANGER_KEY).unwrap()
}

/// The public JWK of `key` for `algorithm`, under `kid`.
fn jwk(key: &EncodingKey, algorithm: Algorithm, kid: &str) -> Jwk {
    let mut jwk = Jwk::from_encoding_key(key, algorithm).unwrap();
    jwk.common.key_id = Some(kid.to_owned());
    jwk
}

/// The issuer's key set: its RSA key as `rsa-1` and, with `with_ec`, its EC key as `ec-1`.
fn key_set(with_ec: bool) -> Value {
    let mut keys = vec![jwk(&rsa(), Algorithm::RS256, "rsa-1")];
    if with_ec {
        keys.push(jwk(&ec(), Algorithm::ES256, "ec-1"));
    }
    serde_json::to_value(JwkSet { keys }).unwrap()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The claims of a token the issuer would give a caller with `roles` in `organisation`.
fn claims(roles: &[&str], organisation: &str) -> Value {
    json!({
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "testi.ohjaaja",
        "iat": now(),
        "exp": now() + 600,
        "roles": roles,
        "org": organisation,
    })
}

fn sign(key: &EncodingKey, algorithm: Algorithm, kid: Option<&str>, claims: &Value) -> String {
    let mut header = Header::new(algorithm);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

/// A worker of the inbox's organisation, signed by the issuer's RSA key.
fn worker_token() -> String {
    sign(
        &rsa(),
        Algorithm::RS256,
        Some("rsa-1"),
        &claims(&["worker"], ORGANISATION),
    )
}

fn config(jwks: JwksSource) -> OidcConfig {
    OidcConfig {
        issuer: ISSUER.to_owned(),
        audience: AUDIENCE.to_owned(),
        jwks,
        roles_claim: "roles".to_owned(),
        organisation_claim: "org".to_owned(),
        organisation: ORGANISATION.to_owned(),
        role_names: Vec::new(),
        jwks_min_interval: Duration::from_secs(3600),
        jwks_max_age: Duration::from_secs(3600),
    }
}

struct Inbox {
    _dir: tempfile::TempDir,
    app: Router,
}

impl Inbox {
    /// An inbox that accepts the issuer's tokens, its key set written to a file; set up by `configure`.
    async fn new(
        configure: impl FnOnce(OidcConfig) -> OidcConfig,
        router_config: impl FnOnce(RouterConfig) -> RouterConfig,
    ) -> Inbox {
        let dir = tempfile::tempdir().unwrap();
        let jwks = dir.path().join("jwks.json");
        std::fs::write(&jwks, key_set(true).to_string()).unwrap();
        let oidc = Oidc::start(configure(config(JwksSource::File(jwks))))
            .await
            .unwrap();
        Inbox::with(dir, oidc, router_config)
    }

    fn with(
        dir: tempfile::TempDir,
        oidc: Oidc,
        configure: impl FnOnce(RouterConfig) -> RouterConfig,
    ) -> Inbox {
        let store = Store::open(&dir.path().join("inbox.sqlite3")).unwrap();
        let app = router(
            store,
            &configure(RouterConfig {
                oidc: Some(Arc::new(oidc)),
                ..RouterConfig::new(None)
            }),
        );
        Inbox { _dir: dir, app }
    }

    async fn send(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (StatusCode, header::HeaderMap, Value) {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        };
        let response = self.app.clone().oneshot(request.unwrap()).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, headers, body)
    }

    /// Lists the documents with `token`: the status and the error code, if any.
    async fn list(&self, token: Option<&str>) -> (StatusCode, Option<String>) {
        let (status, _, body) = self.send("GET", "/api/documents", token, None).await;
        (status, body["error"]["code"].as_str().map(str::to_owned))
    }

    async fn submit(&self, token: Option<&str>, key: &str) -> StatusCode {
        let mut document = document();
        document["idempotency_key"] = json!(key);
        self.send("POST", "/api/documents", token, Some(&document))
            .await
            .0
    }
}

fn document() -> Value {
    json!({
        "schema_version": 1,
        "kind": "work_ability_check",
        "idempotency_key": "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b",
        "created_at": "2026-11-22T09:00:00Z",
        "lang": "fi",
        "answers": { "work_ability_score": 6, "what_would_help": "Lyhyempi työpäivä" }
    })
}

async fn inbox() -> Inbox {
    Inbox::new(|config| config, |config| config).await
}

#[tokio::test]
async fn a_workers_access_token_reads_documents_and_drafts() {
    let inbox = inbox().await;
    let token = worker_token();
    assert_eq!(
        inbox
            .submit(Some(&token), "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a21")
            .await,
        StatusCode::CREATED
    );
    let (status, _, listing) = inbox.send("GET", "/api/documents", Some(&token), None).await;
    assert_eq!(status, StatusCode::OK, "{listing}");
    assert_eq!(listing["documents"].as_array().unwrap().len(), 1);
    let id = listing["documents"][0]["document_id"].as_str().unwrap();
    for (method, uri) in [
        ("GET", format!("/api/documents/{id}")),
        ("POST", format!("/api/documents/{id}/fetched")),
        ("GET", "/api/drafts".to_owned()),
    ] {
        let (status, _, body) = inbox.send(method, &uri, Some(&token), None).await;
        assert_eq!(status, StatusCode::OK, "{method} {uri}: {body}");
    }
    // ES256 too, by its own key id.
    let ec_token = sign(
        &ec(),
        Algorithm::ES256,
        Some("ec-1"),
        &claims(&["admin"], ORGANISATION),
    );
    assert_eq!(inbox.list(Some(&ec_token)).await, (StatusCode::OK, None));
    let (status, _, health) = inbox.send("GET", "/api/health", Some(&token), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["documents"], 1);
}

/// Each forged, stale or misdirected token is a 401 `unauthorized` with `WWW-Authenticate: Bearer`, and a
/// message that says what is wrong with it.
#[tokio::test]
async fn every_token_that_is_not_the_issuers_valid_one_is_a_401() {
    let inbox = inbox().await;
    let worker = claims(&["worker"], ORGANISATION);
    let with = |field: &str, value: Value| {
        let mut claims = worker.clone();
        claims[field] = value;
        claims
    };
    let valid = worker_token();
    let [header_part, payload_part, signature_part] = valid.split('.').collect::<Vec<_>>()[..] else {
        panic!("three parts: {valid}");
    };
    let encode = |value: &Value| URL_SAFE_NO_PAD.encode(value.to_string());
    // The same claims made an admin's, under the original signature.
    let mut admin = worker.clone();
    admin["roles"] = json!(["admin"]);
    let tampered = format!("{header_part}.{}.{signature_part}", encode(&admin));
    let unsigned = |header: Value| format!("{}.{payload_part}.", encode(&header));
    let mut stranger_kid = Header::new(Algorithm::RS256);
    stranger_kid.kid = Some("rsa-2".to_owned());
    let attacks = [
        (
            "expired an hour ago",
            sign(
                &rsa(),
                Algorithm::RS256,
                Some("rsa-1"),
                &with("exp", json!(now() - 3600)),
            ),
            "expired",
        ),
        (
            "not valid for another hour",
            sign(
                &rsa(),
                Algorithm::RS256,
                Some("rsa-1"),
                &with("nbf", json!(now() + 3600)),
            ),
            "not valid yet",
        ),
        (
            "from another issuer",
            sign(
                &rsa(),
                Algorithm::RS256,
                Some("rsa-1"),
                &with("iss", json!("https://tunnistus.example.com/")),
            ),
            "another issuer",
        ),
        (
            "for another audience",
            sign(
                &rsa(),
                Algorithm::RS256,
                Some("rsa-1"),
                &with("aud", json!("another-service")),
            ),
            "another audience",
        ),
        (
            "without an audience",
            sign(&rsa(), Algorithm::RS256, Some("rsa-1"), &{
                let mut claims = worker.clone();
                claims.as_object_mut().unwrap().remove("aud");
                claims
            }),
            "lacks a required claim",
        ),
        (
            "without an expiry",
            sign(&rsa(), Algorithm::RS256, Some("rsa-1"), &{
                let mut claims = worker.clone();
                claims.as_object_mut().unwrap().remove("exp");
                claims
            }),
            "lacks a required claim",
        ),
        (
            "signed with a key not in the set, under the issuer's key id",
            sign(&stranger(), Algorithm::RS256, Some("rsa-1"), &worker),
            "signature does not verify",
        ),
        (
            "signed with a key not in the set, under its own key id",
            jsonwebtoken::encode(&stranger_kid, &worker, &stranger()).unwrap(),
            "not in the issuer's key set",
        ),
        (
            "alg none, no signature",
            unsigned(json!({"alg": "none", "typ": "JWT", "kid": "rsa-1"})),
            "neither a configured token nor a JWT",
        ),
        (
            "alg none, the original signature kept",
            format!(
                "{}.{payload_part}.{signature_part}",
                encode(&json!({"alg": "none", "kid": "rsa-1"}))
            ),
            "neither a configured token nor a JWT",
        ),
        (
            "HS256 with the issuer's public key as the secret",
            sign(
                &EncodingKey::from_secret(RSA_PUBLIC_KEY).unwrap(),
                Algorithm::HS256,
                Some("rsa-1"),
                &worker,
            ),
            "RS256 and ES256 only",
        ),
        (
            "RS256 under the EC key's id",
            sign(&rsa(), Algorithm::RS256, Some("ec-1"), &worker),
            "not in the issuer's key set",
        ),
        (
            "PS256 with the issuer's RSA key",
            sign(&rsa(), Algorithm::PS256, Some("rsa-1"), &worker),
            "RS256 and ES256 only",
        ),
        (
            "the payload changed to an admin's",
            tampered,
            "signature does not verify",
        ),
        (
            "three parts of nothing",
            "abc.def.ghi".to_owned(),
            "neither a configured token nor a JWT",
        ),
    ];
    for (attack, token, words) in attacks {
        for (method, uri, body) in [
            ("GET", "/api/documents", None),
            ("POST", "/api/documents", Some(document())),
            ("GET", "/api/health", None),
        ] {
            let (status, headers, answer) = inbox.send(method, uri, Some(&token), body.as_ref()).await;
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{attack}, {method} {uri}: {answer}"
            );
            assert_eq!(answer["error"]["code"], "unauthorized", "{attack}");
            let message = answer["error"]["message"].as_str().unwrap();
            assert!(message.contains(words), "{attack}: {message}");
            assert!(
                headers[header::WWW_AUTHENTICATE]
                    .to_str()
                    .unwrap()
                    .starts_with("Bearer"),
                "{attack}"
            );
        }
    }
    // Without any credential: 401 too, and nothing was stored by any of the above.
    assert_eq!(
        inbox.list(None).await,
        (StatusCode::UNAUTHORIZED, Some("unauthorized".to_owned()))
    );
    let (_, _, listing) = inbox.send("GET", "/api/documents", Some(&valid), None).await;
    assert_eq!(listing["documents"], json!([]));
}

/// A valid token whose roles do not allow the call is a 403 `forbidden` that says why.
#[tokio::test]
async fn a_role_that_does_not_allow_the_call_is_a_403() {
    let inbox = inbox().await;
    let token = |roles: &[&str], organisation: &str| {
        sign(
            &rsa(),
            Algorithm::RS256,
            Some("rsa-1"),
            &claims(roles, organisation),
        )
    };
    let partner = token(&["partner"], "kela");
    let submitter = token(&["submitter"], ORGANISATION);
    let elsewhere = token(&["worker"], "toinen-hyvinvointialue");
    let nobody = token(&[], ORGANISATION);
    let unknown_role = token(&["superuser"], ORGANISATION);
    for (who, token, words) in [
        (
            "a partner",
            &partner,
            "partner organisation reads only its own part",
        ),
        (
            "a submitter",
            &submitter,
            "needs the worker or admin role; the credential has the submitter role",
        ),
        (
            "a worker of another organisation",
            &elsewhere,
            "another organisation",
        ),
        ("a token without roles", &nobody, "no role of this inbox"),
        (
            "a role the inbox does not know",
            &unknown_role,
            "no role of this inbox",
        ),
    ] {
        for (method, uri) in [
            ("GET", "/api/documents"),
            ("GET", "/api/documents/0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b"),
            (
                "POST",
                "/api/documents/0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b/fetched",
            ),
            ("GET", "/api/drafts"),
            ("GET", "/api/drafts/5a1d0c2e-7b7e-4f6a-9f1e-2f6e0d3c4b5a"),
            ("DELETE", "/api/drafts/5a1d0c2e-7b7e-4f6a-9f1e-2f6e0d3c4b5a"),
        ] {
            let (status, _, body) = inbox.send(method, uri, Some(token), None).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}, {method} {uri}: {body}");
            assert_eq!(body["error"]["code"], "forbidden");
            let message = body["error"]["message"].as_str().unwrap();
            assert!(message.contains(words), "{who}: {message}");
        }
        let (status, _, health) = inbox.send("GET", "/api/health", Some(token), None).await;
        assert_eq!(
            (status, health),
            (StatusCode::OK, json!({"status": "ok"})),
            "{who}: no count"
        );
    }
    // Submitting: the submitter may; a partner, another organisation and a token without roles may not.
    assert_eq!(
        inbox
            .submit(Some(&submitter), "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a21")
            .await,
        StatusCode::CREATED
    );
    for token in [&partner, &elsewhere, &nobody] {
        assert_eq!(
            inbox
                .submit(Some(token), "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a22")
                .await,
            StatusCode::FORBIDDEN
        );
    }
    // With OpenID Connect on, submitting needs a credential.
    assert_eq!(
        inbox.submit(None, "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a23").await,
        StatusCode::UNAUTHORIZED
    );
}

/// The static tokens keep working beside OpenID Connect, and health without a credential says only "ok".
#[tokio::test]
async fn static_tokens_work_beside_access_tokens() {
    let inbox = Inbox::new(
        |config| config,
        |config| RouterConfig {
            submit_token: Some("submit-secret".into()),
            read_token: Some("read-secret".into()),
            ..config
        },
    )
    .await;
    assert_eq!(
        inbox
            .submit(Some("submit-secret"), "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a21")
            .await,
        StatusCode::CREATED
    );
    assert_eq!(inbox.list(Some("read-secret")).await, (StatusCode::OK, None));
    assert_eq!(inbox.list(Some(&worker_token())).await, (StatusCode::OK, None));
    assert_eq!(
        inbox.list(Some("submit-secret")).await,
        (StatusCode::FORBIDDEN, Some("forbidden".to_owned()))
    );
    let (status, _, health) = inbox.send("GET", "/api/health", None, None).await;
    assert_eq!((status, health), (StatusCode::OK, json!({"status": "ok"})));
    let (_, _, health) = inbox.send("GET", "/api/health", Some("read-secret"), None).await;
    assert_eq!(health["documents"], 1);
}

/// The role names and the claims they are read from are the issuer's: mapped by configuration.
#[tokio::test]
async fn role_names_are_mapped_from_a_nested_claim() {
    let inbox = Inbox::new(
        |config| OidcConfig {
            roles_claim: "realm_access.roles".to_owned(),
            organisation_claim: "https://tyokyky.example.fi/organisation".to_owned(),
            role_names: vec![
                ("sosiaaliohjaaja".to_owned(), Role::Worker),
                ("kumppani".to_owned(), Role::Partner),
            ],
            ..config
        },
        |config| config,
    )
    .await;
    let token = |role: &str| {
        let mut claims = claims(&[], "");
        claims["realm_access"] = json!({ "roles": [role, "offline_access"] });
        claims["https://tyokyky.example.fi/organisation"] = json!([ORGANISATION]);
        sign(&rsa(), Algorithm::RS256, Some("rsa-1"), &claims)
    };
    assert_eq!(
        inbox.list(Some(&token("sosiaaliohjaaja"))).await.0,
        StatusCode::OK
    );
    assert_eq!(
        inbox.list(Some(&token("kumppani"))).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        inbox.list(Some(&token("worker"))).await.0,
        StatusCode::FORBIDDEN,
        "the inbox's own name is not mapped when names are configured"
    );
}

/// A tiny issuer: serves its key set over HTTP and counts the fetches.
struct Issuer {
    url: String,
    keys: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
}

impl Issuer {
    async fn start(keys: Value) -> Issuer {
        let keys = Arc::new(Mutex::new(keys));
        let fetches = Arc::new(AtomicUsize::new(0));
        let (served, counted) = (Arc::clone(&keys), Arc::clone(&fetches));
        let app = Router::new().route(
            "/certs",
            axum::routing::get(move || {
                counted.fetch_add(1, Ordering::SeqCst);
                let keys = served.lock().unwrap().clone();
                async move { axum::Json(keys) }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/certs", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Issuer { url, keys, fetches }
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

/// The key set fetched from the issuer's URL is read again for a key id it does not know (a rotated
/// key), but never sooner than the minimum interval, however many unknown key ids arrive.
#[tokio::test]
async fn a_key_set_url_is_fetched_again_for_an_unknown_key_id_at_most_once_per_interval() {
    let issuer = Issuer::start(key_set(false)).await;
    let start = |min_interval: u64| {
        let source = JwksSource::url(&issuer.url).unwrap();
        async move {
            Oidc::start(OidcConfig {
                jwks_min_interval: Duration::from_secs(min_interval),
                ..config(source)
            })
            .await
            .unwrap()
        }
    };
    let rotated = sign(
        &ec(),
        Algorithm::ES256,
        Some("ec-1"),
        &claims(&["worker"], ORGANISATION),
    );

    // A long minimum interval: the rotated key is not fetched for, nor is a flood of unknown key ids.
    let patient = Inbox::with(tempfile::tempdir().unwrap(), start(3600).await, |config| config);
    assert_eq!(issuer.fetches(), 1, "read once at start");
    assert_eq!(patient.list(Some(&worker_token())).await.0, StatusCode::OK);
    *issuer.keys.lock().unwrap() = key_set(true);
    for n in 0..20 {
        let kid = format!("unknown-{n}");
        let token = sign(
            &rsa(),
            Algorithm::RS256,
            Some(&kid),
            &claims(&["worker"], ORGANISATION),
        );
        assert_eq!(patient.list(Some(&token)).await.0, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(patient.list(Some(&rotated)).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(issuer.fetches(), 1, "no fetch within the minimum interval");

    // No minimum interval: the rotated key's id makes the inbox fetch the set again and accept it.
    *issuer.keys.lock().unwrap() = key_set(false);
    let eager = Inbox::with(tempfile::tempdir().unwrap(), start(0).await, |config| config);
    assert_eq!(issuer.fetches(), 2);
    *issuer.keys.lock().unwrap() = key_set(true);
    assert_eq!(eager.list(Some(&rotated)).await.0, StatusCode::OK);
    assert_eq!(issuer.fetches(), 3);
    assert_eq!(eager.list(Some(&rotated)).await.0, StatusCode::OK, "known now");
    assert_eq!(issuer.fetches(), 3, "a known key needs no fetch");
}

/// The inbox does not start with a key set it cannot read or without a key it can use.
#[tokio::test]
async fn a_key_set_that_cannot_be_used_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("jwks.json");
    let start = |source| Oidc::start(config(source));
    let missing = start(JwksSource::File(file.clone())).await.unwrap_err();
    assert!(missing.contains("cannot read the key set"), "{missing}");
    std::fs::write(
        &file,
        json!({"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "hmac"}]}).to_string(),
    )
    .unwrap();
    let secret_only = start(JwksSource::File(file.clone())).await.unwrap_err();
    assert!(
        secret_only.contains("no RS256 or ES256 signing key"),
        "{secret_only}"
    );
    std::fs::write(&file, "<html>").unwrap();
    let not_json = start(JwksSource::File(file.clone())).await.unwrap_err();
    assert!(not_json.contains("not JSON"), "{not_json}");
    let unreachable = start(JwksSource::url("http://127.0.0.1:9/certs").unwrap())
        .await
        .unwrap_err();
    assert!(unreachable.contains("cannot fetch the key set"), "{unreachable}");
    assert!(JwksSource::url("http://tunnistus.example.fi/certs").is_err());
}

/// A token of `subject` with `roles` in `organisation`, signed by the issuer's RSA key.
fn token_of(subject: &str, roles: &[&str], organisation: &str) -> String {
    let mut claims = claims(roles, organisation);
    claims["sub"] = json!(subject);
    sign(&rsa(), Algorithm::RS256, Some("rsa-1"), &claims)
}

/// A joint plan (synthetic) with three partners: the employment services by the client's consent, Kela
/// under a special act, and an education provider kept out.
fn joint_plan(key: &str) -> Value {
    json!({
        "schema_version": 1,
        "kind": "client_plan",
        "idempotency_key": key,
        "created_at": "2026-11-22T09:30:00Z",
        "lang": "fi",
        "answers": {
            "case": {
                "opening": {"opened_on": "2026-04-02", "initiator": "client", "urgent": false},
                "client": {"age": 44, "illness_reduces_work_ability": true},
                "assessment": {"summary": "Arvion yhteenveto: vain sosiaalihuollolle."},
                "plan": {
                    "joint": true,
                    "made_on": "2026-04-20",
                    "items": {"goals": "Työkokeilu syksyllä."},
                    "partners": [
                        {"name": "Kunnan työllisyyspalvelut", "sector": "employment_services",
                         "responsibility": "Työkokeilupaikka", "sharing": "consent"},
                        {"name": "Kela", "sector": "kela", "responsibility": "Ammatillinen kuntoutus",
                         "sharing": "special_act", "legal_basis": "laki … (566/2005) 19 §"},
                        {"name": "Esimerkin ammattiopisto", "sector": "education",
                         "responsibility": "Opintojen suunnittelu", "sharing": "not_shared"}
                    ]
                }
            },
            "findings": [],
            "rules": {"name": "tyokyky-shl", "version": "2026.11.0", "source_hash": "ab"},
            "catalogue": {"county": "Esimerkin hyvinvointialue", "version": "2026.11.0"},
            "consents": [{"scope": "share_joint_plan", "recipient": "Kunnan työllisyyspalvelut", "given": true}],
            "context": {"organisation": "Esimerkin hyvinvointialue", "case_reference": "ASIA-2026-0042",
                        "worker": {"name": "Testi Ohjaaja"}}
        }
    })
}

const FIRST_PLAN: &str = "7c1f0a2b-3d4e-4f5a-8b6c-9d0e1f2a3b4c";
const REVISION: &str = "2e8d4c6a-1b3f-4d5e-9a7c-0f1e2d3c4b5a";

/// A partner reads only its own part of a joint plan shared with it, and only while the current version
/// shares it; a partner kept out, one the plan does not name, or one whose consent a revision withdrew
/// gets nothing. Every use is in the access log with who, which organisation and why.
#[tokio::test]
async fn a_partner_reads_only_its_own_part_of_the_plans_shared_with_it() {
    let inbox = Inbox::new(
        |config| config,
        |config| RouterConfig {
            // Kela's credential names it by its business id; plans name it "Kela".
            partner_names: vec![("0245437-2".to_owned(), "Kela".to_owned())],
            ..config
        },
    )
    .await;
    let worker = token_of("testi.ohjaaja", &["worker"], ORGANISATION);
    let employment = token_of("testi.tyollisyys", &["partner"], "Kunnan Työllisyyspalvelut");
    let kela = token_of("testi.kela", &["partner"], "0245437-2");
    let school = token_of("testi.opettaja", &["partner"], "Esimerkin ammattiopisto");
    let stranger = token_of("testi.muu", &["partner"], "Toinen järjestö");
    let (status, _, receipt) = inbox
        .send(
            "POST",
            "/api/documents",
            Some(&worker),
            Some(&joint_plan(FIRST_PLAN)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let plan_id = receipt["document_id"].as_str().unwrap().to_owned();

    for (who, token) in [("employment services", &employment), ("Kela", &kela)] {
        let (status, _, listing) = inbox.send("GET", "/api/partner/plans", Some(token), None).await;
        assert_eq!(status, StatusCode::OK, "{who}: {listing}");
        assert_eq!(listing["plans"].as_array().unwrap().len(), 1, "{who}");
        assert_eq!(listing["plans"][0]["document_id"], plan_id.as_str());
        let request = Request::get(format!("/api/partner/plans/{plan_id}"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header("access-purpose", "yhteisen suunnitelman toteutus")
            .body(Body::empty())
            .unwrap();
        let response = inbox.app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{who}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(text.contains("Työkokeilu syksyllä."), "{who}: {text}");
        for left_out in [
            "Arvion yhteenveto",
            "illness",
            "ammattiopisto",
            "findings",
            "consents",
        ] {
            assert!(!text.contains(left_out), "{who} reads {left_out}: {text}");
        }
    }
    let (_, _, as_kela) = inbox
        .send("GET", &format!("/api/partner/plans/{plan_id}"), Some(&kela), None)
        .await;
    assert_eq!(as_kela["plan"]["partner"]["name"], "Kela");
    assert_eq!(as_kela["plan"]["partner"]["ground"], "special_act");
    assert!(!as_kela.to_string().contains("työllisyyspalvelut"), "{as_kela}");

    // A partner kept out of the plan, and one it does not name: nothing, and the same 404 as for no plan.
    for token in [&school, &stranger] {
        let (status, _, listing) = inbox.send("GET", "/api/partner/plans", Some(token), None).await;
        assert_eq!(
            (status, listing["plans"].as_array().unwrap().len()),
            (StatusCode::OK, 0)
        );
        let (status, _, refused) = inbox
            .send("GET", &format!("/api/partner/plans/{plan_id}"), Some(token), None)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{refused}");
    }
    // A partner cannot use the worker's endpoints, nor a worker the partner's.
    let (status, _, _) = inbox
        .send("GET", &format!("/api/documents/{plan_id}"), Some(&kela), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = inbox.send("GET", "/api/partner/plans", Some(&worker), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The client withdraws consent from the employment services: version 2 keeps them out. From then on
    // they read neither version; Kela (special act) reads version 2 only.
    let mut revision = joint_plan(REVISION);
    revision["answers"]["case"]["plan"]["partners"][0]["sharing"] = json!("not_shared");
    revision["answers"]["consents"] = json!([]);
    revision["answers"]["case"]["plan"]["revision"] = json!({
        "version": 2, "supersedes": FIRST_PLAN, "reason": "Asiakas perui suostumuksensa."
    });
    let (status, _, receipt) = inbox
        .send("POST", "/api/documents", Some(&worker), Some(&revision))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let revision_id = receipt["document_id"].as_str().unwrap().to_owned();
    let (_, _, listing) = inbox
        .send("GET", "/api/partner/plans", Some(&employment), None)
        .await;
    assert_eq!(listing["plans"], json!([]));
    for id in [&plan_id, &revision_id] {
        let (status, _, _) = inbox
            .send(
                "GET",
                &format!("/api/partner/plans/{id}"),
                Some(&employment),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (_, _, listing) = inbox.send("GET", "/api/partner/plans", Some(&kela), None).await;
    assert_eq!(listing["plans"][0]["document_id"], revision_id.as_str());
    assert_eq!(listing["plans"][0]["plan_version"], 2);

    // The access log says who read the first plan, from which organisation and why.
    let admin = token_of("testi.yllapito", &["admin"], ORGANISATION);
    let (status, _, log) = inbox
        .send(
            "GET",
            &format!("/api/access-log?document={plan_id}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let entries: Vec<(String, String, String)> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["actor"].as_str().unwrap().to_owned(),
                entry["organisation"].as_str().unwrap_or("").to_owned(),
                entry["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("testi.ohjaaja", ORGANISATION, "write"),
        ("testi.tyollisyys", "Kunnan Työllisyyspalvelut", "read"),
        ("testi.kela", "0245437-2", "read"),
        ("testi.kela", "0245437-2", "read"),
    ];
    assert_eq!(
        entries,
        expected.map(|(a, o, c)| (a.to_owned(), o.to_owned(), c.to_owned()))
    );
    assert_eq!(log["entries"][1]["purpose"], "yhteisen suunnitelman toteutus");
    assert_eq!(log["entries"][1]["endpoint"], "GET /api/partner/plans/{id}");
}

/// An administrator queries, exports and verifies the access log and produces a client's own view; a
/// worker may not; a purpose that is too long is refused; a token without a subject is not accepted.
#[tokio::test]
async fn an_administrator_queries_exports_and_verifies_the_access_log() {
    let inbox = inbox().await;
    let worker = token_of("testi.ohjaaja", &["worker"], ORGANISATION);
    let admin = token_of("testi.yllapito", &["admin"], ORGANISATION);
    let (_, _, receipt) = inbox
        .send(
            "POST",
            "/api/documents",
            Some(&worker),
            Some(&joint_plan(FIRST_PLAN)),
        )
        .await;
    let id = receipt["document_id"].as_str().unwrap().to_owned();
    let (status, _, _) = inbox
        .send("GET", &format!("/api/documents/{id}"), Some(&worker), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    for uri in [
        "/api/access-log",
        "/api/access-log/export",
        "/api/access-log/verify",
        "/api/access-log/client?case_reference=ASIA-2026-0042",
    ] {
        let (status, _, body) = inbox.send("GET", uri, Some(&worker), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{uri}: {body}");
    }
    let (status, _, view) = inbox
        .send(
            "GET",
            "/api/access-log/client?case_reference=ASIA-2026-0042",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["documents"][0]["document_id"], id.as_str());
    let uses: Vec<&str> = view["accesses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .collect();
    assert_eq!(uses, ["write", "read"]);
    assert_eq!(view["accesses"][1]["actor"], "testi.ohjaaja");
    let (status, _, refused) = inbox
        .send("GET", "/api/access-log/client", Some(&admin), None)
        .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_query"))
    );

    let response = inbox
        .app
        .clone()
        .oneshot(
            Request::get("/api/access-log/export")
                .header(header::AUTHORIZATION, format!("Bearer {admin}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/x-ndjson");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let lines: Vec<Value> = String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let actions: Vec<&str> = lines
        .iter()
        .map(|line| line["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["write", "read", "client_view", "export_log"]);
    assert!(
        lines
            .iter()
            .all(|line| line["hash"].as_str().unwrap().len() == 64)
    );

    let (status, _, verified) = inbox
        .send("GET", "/api/access-log/verify", Some(&admin), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (verified["intact"].as_bool(), verified["entries"].as_u64()),
        (Some(true), Some(5))
    );

    let response = inbox
        .app
        .clone()
        .oneshot(
            Request::get(format!("/api/documents/{id}"))
                .header(header::AUTHORIZATION, format!("Bearer {worker}"))
                .header("access-purpose", "x".repeat(201))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let mut claims = claims(&["worker"], ORGANISATION);
    claims.as_object_mut().unwrap().remove("sub");
    let nameless = sign(&rsa(), Algorithm::RS256, Some("rsa-1"), &claims);
    let (status, _, body) = inbox.send("GET", "/api/documents", Some(&nameless), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["error"]["message"].as_str().unwrap().contains("subject"),
        "{body}"
    );
}

/// An administrator's report for the county: counts of what was received, small ones hidden, JSON or the
/// page; a worker may not have it, and a threshold that would show single people is refused.
#[tokio::test]
async fn an_administrator_has_the_county_report_with_small_counts_hidden() {
    let inbox = inbox().await;
    let worker = token_of("testi.ohjaaja", &["worker"], ORGANISATION);
    let admin = token_of("testi.yllapito", &["admin"], ORGANISATION);
    let (status, _, _) = inbox
        .send(
            "POST",
            "/api/documents",
            Some(&worker),
            Some(&joint_plan(FIRST_PLAN)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _, _) = inbox.send("GET", "/api/report", Some(&worker), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a worker has no report");
    let (status, _, report) = inbox.send("GET", "/api/report", Some(&admin), None).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["threshold"], 5);
    // One plan: shown as "< 5" everywhere it counts.
    assert_eq!(report["documents"], "< 5");
    let plans = report["by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["kind"] == "client_plan")
        .unwrap();
    assert_eq!(plans["channels"]["worker"], "< 5");
    assert_eq!(plans["total"], "< 5");
    let (status, _, refused) = inbox
        .send("GET", "/api/report?threshold=1", Some(&admin), None)
        .await;
    assert_eq!(
        (status, refused["error"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("threshold"))
    );
    // The read is an entry of the access log.
    let (_, _, log) = inbox.send("GET", "/api/access-log", Some(&admin), None).await;
    assert!(
        log["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|entry| entry["endpoint"] == "GET /api/report"),
        "{log}"
    );
}
