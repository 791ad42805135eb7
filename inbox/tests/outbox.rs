//! Sealed documents over HTTP: the published key, and `POST /api/sealed` storing the document inside as
//! `POST /api/documents` would (credential, checks, receipt, once per key), through the router against a
//! real SQLite file, or a schema of its own on PostgreSQL when the test command gives a server.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use tyokyky_inbox::api::{RouterConfig, router};
use tyokyky_inbox::outbox::{OutboxKeys, seal_for};
use tyokyky_inbox::store::Store;

struct Inbox {
    _dir: tempfile::TempDir,
    store: Store,
    app: Router,
}

fn inbox(keys: Option<&str>, submit_token: Option<&str>) -> Inbox {
    let dir = tempfile::tempdir().unwrap();
    let store = common::open_store(&common::database(dir.path()), None);
    let app = router(
        store.clone(),
        &RouterConfig {
            submit_token: submit_token.map(str::to_owned),
            read_token: Some("read-secret".into()),
            outbox_keys: keys.map(|text| Arc::new(OutboxKeys::parse(text).unwrap())),
            ..RouterConfig::new(None)
        },
    );
    Inbox {
        _dir: dir,
        store,
        app,
    }
}

fn contact_request(name: &str) -> Value {
    json!({
        "schema_version": 1,
        "kind": "contact_request",
        "idempotency_key": "5d0c4d2e-7a61-4f0e-9c57-2f1b6a1e9d11",
        "created_at": "2026-12-05T09:00:00Z",
        "lang": "fi",
        "answers": {
            "name": name, "phone": "040 000 0009", "contact_language": "fi", "preferred_time": "any",
            "urgent": false, "consent_text": "Ymmärrän, mitä lähetetään.", "channel": "kiosk"
        }
    })
}

impl Inbox {
    /// How many documents are stored, asked on a thread of its own (PostgreSQL's blocking client may not
    /// run on a thread that drives async tasks).
    fn stored(&self) -> i64 {
        std::thread::scope(|scope| scope.spawn(|| self.store.count().unwrap()).join().unwrap())
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, Value) {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    async fn key(&self) -> (StatusCode, Value) {
        self.send(Request::get("/api/outbox-key").body(Body::empty()).unwrap())
            .await
    }

    async fn post_sealed(&self, envelope: &str, token: Option<&str>) -> (StatusCode, Value) {
        let mut request = Request::post("/api/sealed").header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.send(request.body(Body::from(envelope.to_owned())).unwrap())
            .await
    }
}

#[tokio::test]
async fn a_sealed_contact_request_is_stored_once_as_if_posted_plain() {
    let inbox = inbox(Some(&OutboxKeys::generate_line("k1")), None);
    let (status, jwk) = inbox.key().await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (jwk["kid"].as_str(), jwk["crv"].as_str()),
        (Some("k1"), Some("P-256"))
    );
    assert!(jwk.get("d").is_none(), "the private part is never published");
    let sealed = seal_for(&jwk, contact_request("Testi Sinetöity").to_string().as_bytes()).unwrap();
    let (status, receipt) = inbox.post_sealed(&sealed, None).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["idempotency_key"], "5d0c4d2e-7a61-4f0e-9c57-2f1b6a1e9d11");
    // The same envelope again, or the same document sealed anew: the original receipt, stored once.
    let (again, repeat) = inbox.post_sealed(&sealed, None).await;
    assert_eq!((again, &repeat), (StatusCode::OK, &receipt));
    let resealed = seal_for(&jwk, contact_request("Testi Sinetöity").to_string().as_bytes()).unwrap();
    assert_eq!(
        inbox.post_sealed(&resealed, None).await,
        (StatusCode::OK, receipt.clone())
    );
    assert_eq!(inbox.stored(), 1);
    let id = receipt["document_id"].as_str().unwrap();
    let request = Request::get(format!("/api/documents/{id}"))
        .header(header::AUTHORIZATION, "Bearer read-secret")
        .body(Body::empty())
        .unwrap();
    let (status, stored) = inbox.send(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["document"]["answers"]["name"], "Testi Sinetöity");
    // Another document under the same key: the same 409 as a plain post.
    let other = seal_for(&jwk, contact_request("Testi Toinen").to_string().as_bytes()).unwrap();
    let (status, refused) = inbox.post_sealed(&other, None).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("idempotency_key_reused"))
    );
}

#[tokio::test]
async fn the_document_inside_is_checked_and_the_credential_asked_for_as_for_a_plain_post() {
    let inbox = inbox(Some(&OutboxKeys::generate_line("k1")), Some("kiosk-token"));
    let (_, jwk) = inbox.key().await;
    let sealed = seal_for(&jwk, contact_request("Testi Sinetöity").to_string().as_bytes()).unwrap();
    let (status, refused) = inbox.post_sealed(&sealed, None).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    assert_eq!(
        inbox.post_sealed(&sealed, Some("kiosk-token")).await.0,
        StatusCode::CREATED
    );
    let mut bad = contact_request("Testi Sinetöity");
    bad["answers"]["phone"] = "not a number".into();
    bad["idempotency_key"] = "6e1d5e3f-8b72-4a1f-8d68-3a2c7b2f0e22".into();
    let sealed = seal_for(&jwk, bad.to_string().as_bytes()).unwrap();
    let (status, refused) = inbox.post_sealed(&sealed, Some("kiosk-token")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            refused["error"]["code"].as_str(),
            refused["error"]["field"].as_str()
        ),
        (Some("invalid_document"), Some("answers.phone"))
    );
    assert_eq!(inbox.stored(), 1);
}

#[tokio::test]
async fn an_unknown_kid_a_changed_envelope_and_no_envelope_are_refused_by_name() {
    let old = OutboxKeys::generate_line("old");
    let kiosk = inbox(Some(&old), None);
    let (_, old_jwk) = kiosk.key().await;
    let inbox = inbox(Some(&OutboxKeys::generate_line("new")), None);
    let sealed = seal_for(&old_jwk, contact_request("Testi Vanha").to_string().as_bytes()).unwrap();
    let (status, refused) = inbox.post_sealed(&sealed, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            refused["error"]["code"].as_str(),
            refused["error"]["field"].as_str()
        ),
        (Some("unknown_outbox_key"), Some("kid"))
    );
    assert!(
        refused["error"]["message"].as_str().unwrap().contains("`old`"),
        "{refused}"
    );

    let (_, jwk) = inbox.key().await;
    let mut envelope: Value = serde_json::from_str(&seal_for(&jwk, b"{}").unwrap()).unwrap();
    envelope["ct"] = "AAAAAAAAAAAAAAAAAAAAAAAA".into();
    let (status, refused) = inbox.post_sealed(&envelope.to_string(), None).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("sealed_envelope_does_not_open")
        )
    );
    let (status, refused) = inbox
        .post_sealed(&contact_request("Testi Selvä").to_string(), None)
        .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("malformed_envelope"))
    );
    envelope["iv"] = "AAAA".into();
    let (status, refused) = inbox.post_sealed(&envelope.to_string(), None).await;
    assert_eq!(
        (status, refused["error"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("iv"))
    );
    assert_eq!(inbox.stored(), 0);

    let without = self::inbox(None, None);
    let (status, refused) = without.key().await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_outbox_key"))
    );
    let (status, refused) = without.post_sealed(&sealed, None).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_outbox_key"))
    );
}

#[tokio::test]
async fn the_api_description_names_both_endpoints_and_their_refusals() {
    let inbox = inbox(None, None);
    let (status, api) = inbox
        .send(Request::get("/api/openapi.json").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    for path in ["/api/outbox-key", "/api/sealed"] {
        assert!(api["paths"].get(path).is_some(), "{path} is described");
    }
    let codes = api
        .pointer("/components/schemas/Error/properties/error/properties/code/examples")
        .unwrap();
    for code in [
        "no_outbox_key",
        "unknown_outbox_key",
        "sealed_envelope_does_not_open",
        "malformed_envelope",
    ] {
        assert!(
            codes.as_array().unwrap().iter().any(|known| known == code),
            "{code}"
        );
    }
}
