//! The inbox's HTTP API, end to end through the router, against a real SQLite file in a temp folder, or a
//! schema of its own on a real PostgreSQL server when the test command gives one (`common::database`).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use tyokyky_inbox::api::{RouterConfig, router};
use tyokyky_inbox::store::{Filter, Store, StoreError};
use uuid::Uuid;

fn uuid(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap()
}

struct Inbox {
    _dir: tempfile::TempDir,
    database: tyokyky_inbox::store::Database,
    store: Store,
    app: Router,
}

fn inbox() -> Inbox {
    inbox_with(|config| config)
}

/// The static token of the worker role the test inboxes have, unless a test sets up another.
const READ_TOKEN: &str = "read-secret";
const AS_WORKER: (&str, &str) = ("authorization", "Bearer read-secret");

/// An inbox whose router is set up by `configure` (from the test defaults: a 4 KiB body limit and the
/// worker's token [`READ_TOKEN`]).
fn inbox_with(configure: impl FnOnce(RouterConfig) -> RouterConfig) -> Inbox {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>tyokyky</title>").unwrap();
    let database = common::database(dir.path());
    let store = common::open_store(&database, None);
    let app = router(
        store.clone(),
        &configure(RouterConfig {
            max_body_bytes: 4096,
            read_token: Some(READ_TOKEN.into()),
            ..RouterConfig::new(Some(dist))
        }),
    );
    Inbox {
        _dir: dir,
        database,
        store,
        app,
    }
}

fn document() -> Value {
    json!({
        "schema_version": 1,
        "kind": "work_ability_check",
        "idempotency_key": "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b",
        "created_at": "2026-11-22T09:00:00.250Z",
        "lang": "fi",
        "answers": { "work_ability_score": 6, "what_would_help": "Lyhyempi työpäivä ja tuki kuntoutukseen" }
    })
}

impl Inbox {
    async fn send(&self, request: Request<Body>) -> (StatusCode, header::HeaderMap, Value) {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        (status, headers, body)
    }

    async fn post_raw(&self, content_type: &str, body: impl Into<Body>) -> (StatusCode, Value) {
        let request = Request::post("/api/documents")
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .unwrap();
        let (status, _, body) = self.send(request).await;
        (status, body)
    }

    async fn post(&self, document: &Value) -> (StatusCode, Value) {
        self.post_raw("application/json", document.to_string()).await
    }

    /// A GET with the worker's token.
    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let request = with_headers(Request::get(uri).body(Body::empty()).unwrap(), &[AS_WORKER]);
        let (status, _, body) = self.send(request).await;
        (status, body)
    }

    fn stored(&self) -> i64 {
        self.blocking(Store::count)
    }

    /// Store work from an async test, on a thread of its own (PostgreSQL's blocking client may not run
    /// on a thread that drives async tasks).
    fn blocking<T: Send>(&self, work: impl FnOnce(&Store) -> Result<T, StoreError> + Send) -> T {
        std::thread::scope(|scope| scope.spawn(|| work(&self.store).unwrap()).join().unwrap())
    }
}

#[tokio::test]
async fn a_valid_document_is_stored_and_can_be_read_back() {
    let inbox = inbox();
    let request = Request::post("/api/documents")
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(document().to_string()))
        .unwrap();
    let (status, headers, receipt) = inbox.send(request).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["document_id"].as_str().unwrap();
    assert_eq!(headers[header::LOCATION], format!("/api/documents/{id}"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(receipt["idempotency_key"], document()["idempotency_key"]);
    assert!(receipt["received_at"].as_str().unwrap().ends_with('Z'));

    let (status, stored) = inbox.get(&format!("/api/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["document"], document());
    assert_eq!(stored["receipt"], receipt);
    assert_eq!(stored["kind"], "work_ability_check");

    let (status, listing) = inbox.get("/api/documents?kind=work_ability_check").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listing["documents"][0]["document_id"], id);
    assert_eq!(listing["next_after"], Value::Null);
    assert_eq!(inbox.stored(), 1);
}

#[tokio::test]
async fn the_same_document_twice_is_stored_once_and_a_reused_key_is_a_conflict() {
    let inbox = inbox();
    let (first_status, first) = inbox.post(&document()).await;
    let (again_status, again) = inbox.post(&document()).await;
    assert_eq!(
        (first_status, again_status),
        (StatusCode::CREATED, StatusCode::OK)
    );
    assert_eq!(first, again);

    let mut changed = document();
    changed["answers"]["work_ability_score"] = json!(2);
    let (status, body) = inbox.post(&changed).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "idempotency_key_reused");
    assert_eq!(body["error"]["field"], "idempotency_key");
    assert_eq!(inbox.stored(), 1);
}

#[tokio::test]
async fn an_idempotency_key_header_other_than_the_documents_key_is_refused_and_stores_nothing() {
    let inbox = inbox();
    let key = document()["idempotency_key"].as_str().unwrap().to_owned();
    for other in ["7e3a9c1d-5b2f-4c8e-a1d0-6f4b2e9c8a17", "not-a-uuid"] {
        let (status, _, body) = inbox
            .send(post_document(&document(), &[("idempotency-key", other)]))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{other}: {body}");
        assert_eq!(body["error"]["code"], "idempotency_key_mismatch");
        assert_eq!(body["error"]["field"], "idempotency_key");
    }
    assert_eq!(inbox.stored(), 0);

    // The same key as the body's, in capitals too, or no header at all: stored once.
    let (status, _, _) = inbox
        .send(post_document(&document(), &[("idempotency-key", &key)]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _, _) = inbox
        .send(post_document(
            &document(),
            &[("idempotency-key", &key.to_uppercase())],
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = inbox.post(&document()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(inbox.stored(), 1);
}

#[tokio::test]
async fn malformed_json_is_a_located_400() {
    let inbox = inbox();
    let (status, body) = inbox
        .post_raw("application/json", "{\"schema_version\": 1,")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "malformed_json");
    assert_eq!(
        body["error"]["message"],
        "malformed JSON at line 1 column 21: EOF while parsing a value"
    );
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn an_unknown_schema_version_is_refused_by_name() {
    let inbox = inbox();
    let mut newer = document();
    newer["schema_version"] = json!(2);
    let (status, body) = inbox.post(&newer).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({"error": {
            "code": "unsupported_schema_version",
            "message": "unsupported schema_version `2` (this version reads 1)",
            "field": "schema_version"
        }})
    );
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn a_missing_field_is_named() {
    let inbox = inbox();
    let mut incomplete = document();
    incomplete["answers"]
        .as_object_mut()
        .unwrap()
        .remove("work_ability_score");
    let (status, body) = inbox.post(&incomplete).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "invalid_document");
    assert_eq!(body["error"]["field"], "answers.work_ability_score");
    assert_eq!(
        body["error"]["message"],
        "`answers.work_ability_score`: missing field"
    );
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn an_out_of_range_score_is_refused() {
    let inbox = inbox();
    let mut wrong = document();
    wrong["answers"]["work_ability_score"] = json!(11);
    let (status, body) = inbox.post(&wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "answers.work_ability_score");
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn an_oversize_body_is_a_413() {
    let inbox = inbox();
    let mut big = document();
    big["answers"]["what_would_help"] = json!("x".repeat(5000));
    let (status, body) = inbox.post(&big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "payload_too_large");
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn a_body_that_is_not_json_by_content_type_is_a_415() {
    let inbox = inbox();
    let (status, body) = inbox.post_raw("text/plain", document().to_string()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported_media_type");
    assert_eq!(inbox.stored(), 0);
}

/// A charset other than UTF-8 is refused (415), whatever the bytes: they would be read as something else
/// than the sender meant. UTF-8 may be named in any case, quoted or not, or left out.
#[tokio::test]
async fn a_body_in_a_charset_other_than_utf_8_is_a_415() {
    let inbox = inbox();
    for content_type in [
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
        "application/json;charset=windows-1252",
    ] {
        let (status, body) = inbox.post_raw(content_type, document().to_string()).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type}");
        assert_eq!(body["error"]["code"], "unsupported_media_type");
        assert!(
            body["error"]["message"].as_str().unwrap().contains("UTF-8"),
            "{body}"
        );
    }
    assert_eq!(inbox.stored(), 0);
    for (index, content_type) in [
        "application/json; charset=UTF-8",
        "application/json; charset=\"utf-8\"",
        "Application/JSON",
    ]
    .into_iter()
    .enumerate()
    {
        let mut one = document();
        one["idempotency_key"] = json!(format!("0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2{index}"));
        let (status, body) = inbox.post_raw(content_type, one.to_string()).await;
        assert_eq!(status, StatusCode::CREATED, "{content_type}: {body}");
    }
}

/// A document that another reader could take to say something else is refused at the field concerned: a
/// key written twice (anywhere), NUL in a text, the nil UUID as idempotency key. Nothing is stored.
#[tokio::test]
async fn a_document_that_could_be_read_two_ways_is_refused_at_its_field() {
    let inbox = inbox();
    let text = document().to_string();
    let twice = |field: &str, value: &str| {
        text.replacen(
            &format!("\"{field}\":"),
            &format!("\"{field}\":{value},\"{field}\":"),
            1,
        )
    };
    for (body, field, words) in [
        (twice("kind", "\"feedback\""), "kind", "written twice"),
        (twice("schema_version", "2"), "schema_version", "written twice"),
        (
            twice("idempotency_key", "\"7c0e4a52-93b1-4d0f-8a6e-5b2c1d9e8f70\""),
            "idempotency_key",
            "written twice",
        ),
        (
            twice("work_ability_score", "2"),
            "answers.work_ability_score",
            "written twice",
        ),
        (
            text.replacen("Lyhyempi", "Lyhyempi\\u0000", 1),
            "answers.what_would_help",
            "NUL",
        ),
        (
            text.replacen(
                "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b",
                "00000000-0000-0000-0000-000000000000",
                1,
            ),
            "idempotency_key",
            "nil UUID",
        ),
    ] {
        let (status, refused) = inbox.post_raw("application/json", body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {refused}");
        assert_eq!(refused["error"]["code"], "invalid_document", "{refused}");
        assert_eq!(refused["error"]["field"], field, "{refused}");
        assert!(
            refused["error"]["message"].as_str().unwrap().contains(words),
            "{refused}"
        );
    }
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn bad_listing_and_lookup_requests_are_4xx_with_json() {
    let inbox = inbox();
    for (uri, status, code) in [
        (
            "/api/documents?kind=tax_return",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        ("/api/documents?limit=0", StatusCode::BAD_REQUEST, "invalid_query"),
        (
            "/api/documents?limit=501",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        ("/api/documents?page=2", StatusCode::BAD_REQUEST, "invalid_query"),
        (
            "/api/documents/not-a-uuid",
            StatusCode::BAD_REQUEST,
            "invalid_document_id",
        ),
        (
            "/api/documents/0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b",
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        ("/api/nothing-here", StatusCode::NOT_FOUND, "not_found"),
    ] {
        let (got, body) = inbox.get(uri).await;
        assert_eq!(
            (got, body["error"]["code"].as_str()),
            (status, Some(code)),
            "{uri}: {body}"
        );
    }
    let request = Request::delete("/api/documents").body(Body::empty()).unwrap();
    let (status, _, body) = inbox.send(request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn listings_come_in_pages() {
    let inbox = inbox();
    for n in 0..3u8 {
        let mut next = document();
        next["idempotency_key"] = json!(format!("0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2{n}"));
        assert_eq!(inbox.post(&next).await.0, StatusCode::CREATED);
    }
    let (_, page) = inbox.get("/api/documents?limit=2").await;
    assert_eq!(page["documents"].as_array().unwrap().len(), 2);
    let after = page["next_after"].as_i64().unwrap();
    let (_, rest) = inbox.get(&format!("/api/documents?limit=2&after={after}")).await;
    assert_eq!(rest["documents"].as_array().unwrap().len(), 1);
    assert_eq!(rest["next_after"], Value::Null);
}

#[tokio::test]
async fn health_reports_the_store() {
    let inbox = inbox();
    inbox.post(&document()).await;
    let (status, body) = inbox.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"status": "ok", "documents": 1, "schema_version": 1}));
}

#[tokio::test]
async fn the_app_is_served_with_a_fallback_to_index_html() {
    let inbox = inbox();
    for uri in ["/", "/index.html", "/some/client/route"] {
        let (status, headers, body) = inbox.send(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(body.as_str().unwrap().contains("<title>tyokyky</title>"), "{uri}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}

fn client_plan() -> Value {
    json!({
        "schema_version": 1,
        "kind": "client_plan",
        "idempotency_key": "7c1f0a2b-3d4e-4f5a-8b6c-9d0e1f2a3b4c",
        "created_at": "2026-11-22T09:30:00.500Z",
        "lang": "fi",
        "answers": {
            "case": {
                "opening": {"opened_on": "2026-04-02", "initiator": "relative_or_close_person", "urgent": false},
                "client": {"age": 44, "vpl_disabled": true},
                "plan": {"joint": true, "partners": [
                    {"name": "Kela", "sector": "kela", "responsibility": "Ammatillinen kuntoutus", "sharing": "not_shared"}
                ]}
            },
            "findings": [{
                "rule_id": "shl-36-start-within-7-working-days", "valid_from": "2025-01-01",
                "cites": "1301/2014 36 § 2 mom. 1–3 k.", "wording": "677/2023", "kind": "deadline",
                "status": "applies", "blocks_finishing": false,
                "message": "Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta.",
                "due": "2026-04-15"
            }],
            "rules": {"name": "tyokyky-shl", "version": "2026.11.0", "source_hash": "ab"},
            "catalogue": {"county": "Esimerkin hyvinvointialue", "version": "2026.11.0"},
            "consents": [{"scope": "share_joint_plan", "recipient": "Kela", "given": false}]
        }
    })
}

#[tokio::test]
async fn a_client_plan_is_stored_and_read_back_with_its_findings() {
    let inbox = inbox();
    let (status, receipt) = inbox.post(&client_plan()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["document_id"].as_str().unwrap();
    let (_, stored) = inbox.get(&format!("/api/documents/{id}")).await;
    assert_eq!(stored["kind"], "client_plan");
    assert_eq!(stored["document"]["answers"]["findings"][0]["due"], "2026-04-15");
    let (_, listing) = inbox.get("/api/documents?kind=client_plan").await;
    assert_eq!(listing["documents"].as_array().unwrap().len(), 1);
}

/// A plan that revises `client_plan()`: a new document with its own key, version 2, naming the first
/// version's key and reference, the reason, and a new review date.
fn revised_client_plan() -> Value {
    let mut plan = client_plan();
    plan["idempotency_key"] = json!("2e8d4c6a-1b3f-4d5e-9a7c-0f1e2d3c4b5a");
    plan["created_at"] = json!("2027-01-11T10:00:00Z");
    plan["answers"]["case"]["plan"]["review_dates"] = json!(["2027-07-01", "2027-04-06"]);
    plan["answers"]["case"]["plan"]["revision"] = json!({
        "version": 2,
        "supersedes": "7c1f0a2b-3d4e-4f5a-8b6c-9d0e1f2a3b4c",
        "supersedes_reference": "FGFG-MASX",
        "reason": "Sovittu tarkistuspäivä meni, ja tavoitteeksi tuli työkokeilu."
    });
    plan["answers"]["context"] = json!({
        "organisation": "Esimerkin hyvinvointialue, työikäisten sosiaalityö",
        "case_reference": "ASIA-2026-0042",
        "worker": {"name": "Testi Ohjaaja"}
    });
    plan
}

#[tokio::test]
async fn a_plan_and_its_revision_are_both_stored_and_listed_with_their_versions() {
    let inbox = inbox();
    let mut first = client_plan();
    first["answers"]["case"]["plan"]["review_dates"] = json!(["2026-10-05"]);
    assert_eq!(inbox.post(&first).await.0, StatusCode::CREATED);
    let (status, receipt) = inbox.post(&revised_client_plan()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(inbox.post(&contact_request()).await.0, StatusCode::CREATED);

    let (_, listing) = inbox.get("/api/documents").await;
    let [plan, revision, contact] = listing["documents"].as_array().unwrap().as_slice() else {
        panic!("three documents: {listing}");
    };
    assert_eq!(plan["plan_version"], 1);
    assert_eq!(plan["review_date"], "2026-10-05");
    for absent in ["supersedes", "case_reference", "urgent"] {
        assert!(plan.get(absent).is_none(), "{absent} in {plan}");
    }
    assert_eq!(revision["plan_version"], 2);
    assert_eq!(revision["supersedes"], plan["idempotency_key"]);
    assert_eq!(revision["review_date"], "2027-04-06", "the earliest review date");
    assert_eq!(revision["case_reference"], "ASIA-2026-0042");
    assert_eq!(contact["urgent"], true);
    for absent in ["plan_version", "supersedes", "review_date", "case_reference"] {
        assert!(contact.get(absent).is_none(), "{absent} in {contact}");
    }
    // The first version's reference names it, and the revision can say so.
    assert_eq!(plan["reference"], "FGFG-MASX");

    let (_, stored) = inbox
        .get(&format!(
            "/api/documents/{}",
            receipt["document_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        stored["document"]["answers"]["case"]["plan"]["revision"]["reason"],
        "Sovittu tarkistuspäivä meni, ja tavoitteeksi tuli työkokeilu."
    );
}

#[tokio::test]
async fn the_reference_a_person_reads_out_finds_exactly_its_document() {
    let inbox = inbox();
    inbox.post(&client_plan()).await;
    inbox.post(&revised_client_plan()).await;
    inbox.post(&contact_request()).await;
    for spoken in ["FGFG-MASX", "fgfg-masx", "FGFGMASX"] {
        let (status, listing) = inbox.get(&format!("/api/documents?reference={spoken}")).await;
        assert_eq!(status, StatusCode::OK, "{listing}");
        let documents = listing["documents"].as_array().unwrap();
        assert_eq!(documents.len(), 1, "{spoken}: {listing}");
        assert_eq!(
            documents[0]["idempotency_key"],
            "7c1f0a2b-3d4e-4f5a-8b6c-9d0e1f2a3b4c"
        );
        assert_eq!(documents[0]["plan_version"], 1);
    }
    let (_, contact) = inbox
        .get("/api/documents?reference=BME2-PEJE&kind=contact_request")
        .await;
    assert_eq!(contact["documents"].as_array().unwrap().len(), 1, "{contact}");
    let (_, none) = inbox
        .get("/api/documents?reference=BME2-PEJE&kind=client_plan")
        .await;
    assert_eq!(none["documents"], json!([]));
    let (_, unknown) = inbox.get("/api/documents?reference=0000-0000").await;
    assert_eq!(unknown["documents"], json!([]));
    for bad in ["K7Q4", "K7Q4-MZ2PX", "K7Q4-MZ2U", "%C3%84%C3%84Q4-MZ2P"] {
        let (status, body) = inbox.get(&format!("/api/documents?reference={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert_eq!(body["error"]["code"], "invalid_query", "{bad}");
        assert_eq!(body["error"]["field"], "reference", "{bad}");
    }
}

#[tokio::test]
async fn a_revision_numbered_1_or_without_a_reason_is_refused_by_field_and_not_stored() {
    let inbox = inbox();
    let mut numbered_1 = revised_client_plan();
    numbered_1["answers"]["case"]["plan"]["revision"]["version"] = json!(1);
    let mut without_reason = revised_client_plan();
    without_reason["answers"]["case"]["plan"]["revision"]["reason"] = json!(" ");
    for (plan, field) in [
        (numbered_1, "answers.case.plan.revision.version"),
        (without_reason, "answers.case.plan.revision.reason"),
    ] {
        let (status, body) = inbox.post(&plan).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["field"], field);
    }
    assert_eq!(inbox.stored(), 0);
}

#[tokio::test]
async fn a_client_plan_with_an_unknown_profession_is_refused_by_field() {
    let inbox = inbox();
    let mut plan = client_plan();
    plan["answers"]["case"]["named_worker"] = json!({"worker": {"profession": "wizard"}});
    let (status, body) = inbox.post(&plan).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["error"]["field"],
        "answers.case.named_worker.worker.profession"
    );
    assert_eq!(inbox.stored(), 0);
}

fn contact_request() -> Value {
    json!({
        "schema_version": 1,
        "kind": "contact_request",
        "idempotency_key": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "created_at": "2026-11-22T09:00:00Z",
        "lang": "sv",
        "answers": {
            "name": "Testa Person",
            "email": "testa.person@example.fi",
            "contact_language": "sv",
            "preferred_time": "morning",
            "urgent": true,
            "consent_text": "Jag samtycker.",
            "channel": "kiosk",
            "shared_answers": {
                "questionnaire": "self-assessment",
                "version": "2026.11.0",
                "answers": { "work_ability_score": 3, "goal": "work", "worries": ["money"], "own_words": "<script>alert(1)</script>" },
                "suggested_services": ["ohjaamo"]
            }
        }
    })
}

#[tokio::test]
async fn a_contact_request_is_stored_with_its_reference_and_its_text_verbatim() {
    let inbox = inbox();
    let (status, receipt) = inbox.post(&contact_request()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let (_, listing) = inbox.get("/api/documents?kind=contact_request").await;
    let item = &listing["documents"][0];
    assert_eq!(item["reference"], "BME2-PEJE");
    let (_, stored) = inbox
        .get(&format!(
            "/api/documents/{}",
            receipt["document_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        stored["document"]["answers"]["shared_answers"]["answers"]["own_words"],
        "<script>alert(1)</script>"
    );
    assert_eq!(stored["document"]["answers"]["urgent"], true);
}

#[tokio::test]
async fn a_contact_request_without_a_way_to_reach_the_person_is_refused_by_field() {
    let inbox = inbox();
    let mut request = contact_request();
    request["answers"].as_object_mut().unwrap().remove("email");
    let (status, body) = inbox.post(&request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "answers.phone");
    assert_eq!(inbox.stored(), 0);
}

fn with_headers(mut request: Request<Body>, headers: &[(&str, &str)]) -> Request<Body> {
    for (name, value) in headers {
        request.headers_mut().insert(
            header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    request
}

fn post_document(document: &Value, headers: &[(&str, &str)]) -> Request<Body> {
    let request = Request::post("/api/documents")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(document.to_string()))
        .unwrap();
    with_headers(request, headers)
}

#[tokio::test]
async fn static_tokens_are_the_submitter_and_the_worker() {
    let inbox = inbox_with(|config| RouterConfig {
        submit_token: Some("submit-secret".into()),
        ..config
    });
    let as_submitter = ("authorization", "Bearer submit-secret");
    let (status, headers, body) = inbox.send(post_document(&document(), &[])).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    assert_eq!(body["error"]["code"], "unauthorized");
    for wrong in [
        "Bearer submit-secreT",
        "Bearer ",
        "Basic c3VibWl0LXNlY3JldA==",
        "submit-secret",
    ] {
        let (status, headers, body) = inbox
            .send(post_document(&document(), &[("authorization", wrong)]))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{wrong}");
        assert_eq!(
            headers[header::WWW_AUTHENTICATE],
            "Bearer error=\"invalid_token\""
        );
        assert_eq!(body["error"]["code"], "unauthorized", "{wrong}");
    }
    assert_eq!(inbox.stored(), 0, "nothing stored without the token");
    let (status, _, receipt) = inbox.send(post_document(&document(), &[as_submitter])).await;
    assert_eq!(status, StatusCode::CREATED);
    // The worker submits too: the worker flow sends its plans with the same credential it reads with.
    let (status, _, _) = inbox.send(post_document(&contact_request(), &[AS_WORKER])).await;
    assert_eq!(status, StatusCode::CREATED);

    let list = || Request::get("/api/documents").body(Body::empty()).unwrap();
    assert_eq!(inbox.send(list()).await.0, StatusCode::UNAUTHORIZED);
    let (status, _, refused) = inbox.send(with_headers(list(), &[as_submitter])).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden")),
        "the submitter does not read"
    );
    assert_eq!(
        refused["error"]["message"],
        "this call needs the worker or admin role; the credential has the submitter role"
    );
    let (status, _, listing) = inbox.send(with_headers(list(), &[AS_WORKER])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listing["documents"][0]["document_id"], receipt["document_id"]);
    let one = format!("/api/documents/{}", receipt["document_id"].as_str().unwrap());
    assert_eq!(
        inbox
            .send(Request::get(&one).body(Body::empty()).unwrap())
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    // Health, the schema and the API description stay open.
    assert_eq!(inbox.get("/api/health").await.0, StatusCode::OK);
    assert_eq!(inbox.get("/api/schema").await.0, StatusCode::OK);
}

/// Without a read token or OpenID Connect nothing can be read, on loopback too; submitting stays open.
#[tokio::test]
async fn an_inbox_without_a_reading_credential_refuses_every_read() {
    let inbox = inbox_with(|config| RouterConfig {
        read_token: None,
        ..config
    });
    let (status, receipt) = inbox.post(&document()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(
        inbox.send(put_draft(DRAFT_ID, &draft(1, "x"), &[])).await.0,
        StatusCode::CREATED
    );
    let id = receipt["document_id"].as_str().unwrap();
    for (method, uri) in [
        ("GET", "/api/documents".to_owned()),
        ("GET", format!("/api/documents/{id}")),
        ("POST", format!("/api/documents/{id}/fetched")),
        ("GET", "/api/drafts".to_owned()),
        ("GET", format!("/api/drafts/{DRAFT_ID}")),
        ("DELETE", format!("/api/drafts/{DRAFT_ID}")),
    ] {
        for headers in [&[][..], &[AS_WORKER][..]] {
            let request = Request::builder()
                .method(method)
                .uri(&uri)
                .body(Body::empty())
                .unwrap();
            let (status, _, body) = inbox.send(with_headers(request, headers)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}: {body}");
            assert_eq!(body["error"]["code"], "forbidden");
            let message = body["error"]["message"].as_str().unwrap();
            assert!(
                message.contains("--read-token") && message.contains("--oidc-issuer"),
                "{message}"
            );
        }
    }
    let listed = inbox.blocking(|store| store.list(&Filter::default(), 0, 10));
    assert_eq!(listed[0].fetched_at, None, "not marked");
    assert!(
        inbox.blocking(|store| store.draft(uuid(DRAFT_ID))).is_some(),
        "not removed"
    );
}

/// Health tells anyone that the inbox is up, and a worker how many documents it holds.
#[tokio::test]
async fn health_shows_the_count_only_to_a_worker() {
    let inbox = inbox_with(|config| RouterConfig {
        submit_token: Some("submit-secret".into()),
        ..config
    });
    inbox.send(post_document(&document(), &[AS_WORKER])).await;
    let health = |headers: &[(&str, &str)]| {
        with_headers(Request::get("/api/health").body(Body::empty()).unwrap(), headers)
    };
    let (status, _, anyone) = inbox.send(health(&[])).await;
    assert_eq!((status, anyone), (StatusCode::OK, json!({"status": "ok"})));
    let (_, _, submitter) = inbox
        .send(health(&[("authorization", "Bearer submit-secret")]))
        .await;
    assert_eq!(submitter, json!({"status": "ok"}));
    let (_, _, worker) = inbox.send(health(&[AS_WORKER])).await;
    assert_eq!(
        worker,
        json!({"status": "ok", "documents": 1, "schema_version": 1})
    );
    let (status, _, wrong) = inbox.send(health(&[("authorization", "Bearer guess")])).await;
    assert_eq!(
        (status, wrong["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
}

#[tokio::test]
async fn a_case_management_system_marks_documents_fetched_and_lists_the_rest() {
    let inbox = inbox();
    let (_, first) = inbox.post(&document()).await;
    let (_, second) = inbox.post(&contact_request()).await;
    let id = first["document_id"].as_str().unwrap();
    let mark = |id: &str| {
        let request = Request::post(format!("/api/documents/{id}/fetched"))
            .body(Body::empty())
            .unwrap();
        with_headers(request, &[AS_WORKER])
    };
    let (status, _, marked) = inbox.send(mark(id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(marked["document_id"], id);
    let (_, _, again) = inbox.send(mark(id)).await;
    assert_eq!(
        again["fetched_at"], marked["fetched_at"],
        "marking twice keeps the first time"
    );
    let (_, unfetched) = inbox.get("/api/documents?fetched=false").await;
    let ids: Vec<&Value> = unfetched["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["document_id"])
        .collect();
    assert_eq!(ids, [&second["document_id"]]);
    let (_, fetched) = inbox.get("/api/documents?fetched=true").await;
    assert_eq!(fetched["documents"][0]["fetched_at"], marked["fetched_at"]);
    assert_eq!(
        inbox.send(mark("00000000-0000-0000-0000-000000000000")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(inbox.send(mark("nope")).await.0, StatusCode::BAD_REQUEST);
    let (_, future) = inbox.get("/api/documents?since=2999-01-01T00:00:00Z").await;
    assert_eq!(future["documents"], json!([]));
    let (_, past) = inbox
        .get("/api/documents?until=2999-01-01T00:00:00Z&kind=contact_request")
        .await;
    assert_eq!(past["documents"].as_array().unwrap().len(), 1);
    let (status, bad) = inbox.get("/api/documents?since=yesterday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["error"]["code"], "invalid_query");
}

#[tokio::test]
async fn only_configured_origins_may_call_from_a_browser() {
    let inbox = inbox_with(|config| RouterConfig {
        cors_origins: vec!["https://portal.example.fi".into()],
        ..config
    });
    let preflight = |origin: &str| {
        Request::options("/api/documents")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "content-type,authorization,idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let (_, headers, _) = inbox.send(preflight("https://portal.example.fi")).await;
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://portal.example.fi"
    );
    let allowed = headers[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for wanted in ["content-type", "authorization", "idempotency-key"] {
        assert!(allowed.split(',').any(|name| name.trim() == wanted), "{allowed}");
    }
    let (_, headers, _) = inbox.send(preflight("https://evil.example.com")).await;
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    let (status, headers, _) = inbox
        .send(post_document(
            &document(),
            &[("origin", "https://portal.example.fi")],
        ))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://portal.example.fi"
    );
    // The page may read where the document now is.
    let exposed = headers[header::ACCESS_CONTROL_EXPOSE_HEADERS]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        exposed.split(',').any(|name| name.trim() == "location"),
        "{exposed}"
    );
    assert!(headers.contains_key(header::LOCATION));
}

#[tokio::test]
async fn the_app_is_served_under_a_strict_content_security_policy() {
    let inbox = inbox_with(|config| RouterConfig {
        frame_ancestors: vec!["http://127.0.0.1:9999".into()],
        ..config
    });
    let (_, headers, _) = inbox.send(Request::get("/").body(Body::empty()).unwrap()).await;
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    for wanted in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'self' http://127.0.0.1:9999",
    ] {
        assert!(policy.contains(wanted), "{wanted} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
    assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
}

/// The loading shell's inline style is allowed by its hash, and only it: a page of the app with a
/// `<style>` gets that style's SHA-256 in `style-src`, a style that is not in the page gets nothing.
#[tokio::test]
async fn the_pages_own_inline_style_is_allowed_by_its_hash_and_no_other() {
    let inbox = inbox();
    let dist = inbox._dir.path().join("dist");
    let style = ".tk-shell__name{margin:0}";
    std::fs::write(
        dist.join("index.html"),
        format!("<!doctype html><title>t</title><style>{style}</style><body></body>"),
    )
    .unwrap();
    let config = RouterConfig::new(Some(dist));
    let policy = config.content_security_policy();
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
    assert!(
        policy.contains(&format!("style-src 'self' 'sha256-{hash}';")),
        "{policy}"
    );
    let other = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(b".x{}"));
    assert!(!policy.contains(&other));
    assert_eq!(
        RouterConfig::new(None)
            .content_security_policy()
            .matches("sha256")
            .count(),
        0
    );
}

#[tokio::test]
async fn the_schema_and_the_api_description_are_served() {
    let inbox = inbox();
    let (status, schema) = inbox.get("/api/schema").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(schema["title"], "Document");
    let (status, api) = inbox.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(api["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/documents",
        "/api/documents/{id}",
        "/api/documents/{id}/fetched",
        "/api/drafts",
        "/api/drafts/{id}",
        "/api/health",
        "/api/schema",
        "/api/schema/draft",
        "/api/openapi.json",
        "/api/partner/plans",
        "/api/partner/plans/{id}",
        "/api/access-log",
        "/api/access-log/export",
        "/api/access-log/verify",
        "/api/access-log/client",
        "/api/forwards",
        "/api/forwards/{id}/replay",
        "/api/forwards/replay",
    ] {
        assert!(api["paths"].get(path).is_some(), "{path} is described");
    }
    let (status, draft) = inbox.get("/api/schema/draft").await;
    assert_eq!((status, draft["title"].as_str()), (StatusCode::OK, Some("Draft")));
}

/// The build's compressed copies are sent to a browser that accepts them, as they are; others get the file.
#[tokio::test]
async fn the_app_files_are_sent_compressed_from_the_builds_copies() {
    let inbox = inbox();
    let dist = inbox._dir.path().join("dist");
    std::fs::write(dist.join("app.wasm"), b"\0asm raw bytes").unwrap();
    std::fs::write(dist.join("app.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dist.join("app.wasm.gz"), b"gzip bytes").unwrap();
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), &b"brotli bytes"[..]),
        (Some("gzip"), Some("gzip"), &b"gzip bytes"[..]),
        (None, None, &b"\0asm raw bytes"[..]),
    ] {
        let mut request = Request::get("/app.wasm");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_ENCODING, accept);
        }
        let response = inbox
            .app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accept:?}");
        let headers = response.headers().clone();
        assert_eq!(headers[header::CONTENT_TYPE], "application/wasm", "{accept:?}");
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|value| value.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_some());
        // A shared cache keeps one copy per encoding.
        let vary: Vec<_> = headers
            .get_all(header::VARY)
            .iter()
            .map(|value| value.to_str().unwrap())
            .collect();
        assert!(
            vary.iter().any(|value| value.contains("accept-encoding")),
            "{vary:?}"
        );
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&bytes[..], body, "{accept:?}");
    }
}

/// A lock on the database held by another process (a backup, the `sqlite3` shell) past the busy timeout:
/// the document is refused with a 503 naming the cause and stored once the lock is released; meanwhile the
/// health check reports the storage failing.
#[tokio::test]
async fn a_database_locked_by_another_process_is_a_503_and_health_fails_until_it_is_released() {
    let inbox = inbox();
    let other = common::hold_write_lock(&inbox.database);

    let request = post_document(&document(), &[]);
    let (status, headers, body) = inbox.send(request).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(headers[header::RETRY_AFTER], "2");
    assert_eq!(body["error"]["code"], "storage_busy");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("locked by another process"), "{message}");
    let (status, health) = inbox.get("/api/health").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{health}");
    assert_eq!(health["error"]["code"], "storage_busy");

    drop(other);
    let (status, health) = inbox.get("/api/health").await;
    assert_eq!((status, health["status"].clone()), (StatusCode::OK, json!("ok")));
    assert_eq!(health["documents"], 0, "nothing was stored while locked");
    let (status, receipt) = inbox.post(&document()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(inbox.post(&document()).await, (StatusCode::OK, receipt));
    assert_eq!(inbox.stored(), 1);
}

/// Files named by their content hash are cached for good; the files that name them are checked each load.
#[tokio::test]
async fn hashed_app_files_are_cached_for_good_and_the_rest_checked_each_time() {
    let inbox = inbox();
    let dist = inbox._dir.path().join("dist");
    std::fs::write(dist.join("tyokyky-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("main-fedcba9876543210.css"), b"body {}").unwrap();
    std::fs::write(dist.join("embed.js"), b"export {};").unwrap();
    // Trunk writes its hash without leading zeros: 15 digits here.
    std::fs::write(dist.join("tyokyky-9fe312853d7792c.js"), b"export {};").unwrap();
    for (path, policy) in [
        (
            "/tyokyky-9fe312853d7792c.js",
            "public, max-age=31536000, immutable",
        ),
        (
            "/tyokyky-0123456789abcdef_bg.wasm",
            "public, max-age=31536000, immutable",
        ),
        (
            "/main-fedcba9876543210.css",
            "public, max-age=31536000, immutable",
        ),
        ("/embed.js", "no-cache"),
        ("/", "no-cache"),
        ("/index.html", "no-cache"),
        // Not there: the answer (index.html, by the fallback) must not be cached for good.
        ("/tyokyky-00000000000000ff_bg.wasm", "no-cache"),
    ] {
        let (_, headers, _) = inbox.send(Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(headers[header::CACHE_CONTROL], policy, "{path}");
    }
    let (_, headers, _) = inbox
        .send(Request::get("/api/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(headers[header::CACHE_CONTROL], "no-store", "the API");
}

const DRAFT_ID: &str = "5a1d0c2e-7b7e-4f6a-9f1e-2f6e0d3c4b5a";

/// A draft of a case in progress: `version`, with `goals` as the plan's goals.
fn draft(version: u32, goals: &str) -> Value {
    json!({
        "draft_id": DRAFT_ID,
        "version": version,
        "saved_at": "2026-12-04T10:00:00Z",
        "case": {
            "opening": { "opened_on": "2026-12-01", "initiator": "client" },
            "client": { "age": 44 },
            "plan": { "items": { "goals": goals } }
        }
    })
}

fn put_draft(id: &str, body: &Value, headers: &[(&str, &str)]) -> Request<Body> {
    let request = Request::put(format!("/api/drafts/{id}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    with_headers(request, headers)
}

#[tokio::test]
async fn a_draft_is_saved_version_after_version_and_reopened_at_its_newest() {
    let inbox = inbox();
    let (status, _, saved) = inbox
        .send(put_draft(DRAFT_ID, &draft(1, "Työkokeilu"), &[]))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    assert_eq!(
        (saved["draft_id"].as_str(), saved["version"].as_u64()),
        (Some(DRAFT_ID), Some(1))
    );
    // The same save sent twice (an answer lost on the way) is the same version.
    let (status, _, again) = inbox
        .send(put_draft(DRAFT_ID, &draft(1, "Työkokeilu"), &[]))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["received_at"], saved["received_at"]);
    let (status, _, _) = inbox
        .send(put_draft(DRAFT_ID, &draft(2, "Työkokeilu keväällä"), &[]))
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let (status, newest) = inbox.get(&format!("/api/drafts/{DRAFT_ID}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(newest["version"], 2);
    assert_eq!(newest["case"]["plan"]["items"]["goals"], "Työkokeilu keväällä");
    let (status, listing) = inbox.get("/api/drafts").await;
    assert_eq!(status, StatusCode::OK);
    let drafts = listing["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 1, "one draft, at its newest version");
    assert_eq!(
        (drafts[0]["draft_id"].as_str(), drafts[0]["version"].as_u64()),
        (Some(DRAFT_ID), Some(2))
    );

    let delete = Request::delete(format!("/api/drafts/{DRAFT_ID}"))
        .body(Body::empty())
        .unwrap();
    let (status, _, _) = inbox.send(with_headers(delete, &[AS_WORKER])).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, gone) = inbox.get(&format!("/api/drafts/{DRAFT_ID}")).await;
    assert_eq!(
        (status, gone["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    assert_eq!(inbox.stored(), 0, "drafts are not documents");
}

#[tokio::test]
async fn the_same_draft_changed_on_two_computers_is_a_conflict_never_an_overwrite() {
    let inbox = inbox();
    inbox.send(put_draft(DRAFT_ID, &draft(1, "Alku"), &[])).await;
    // Two computers both open version 1 and save version 2: the second is refused.
    let (first, _, _) = inbox.send(put_draft(DRAFT_ID, &draft(2, "Kone A"), &[])).await;
    assert_eq!(first, StatusCode::CREATED);
    let (second, _, refused) = inbox.send(put_draft(DRAFT_ID, &draft(2, "Kone B"), &[])).await;
    assert_eq!(second, StatusCode::CONFLICT);
    assert_eq!(refused["error"]["code"], "draft_conflict");
    assert_eq!(refused["error"]["field"], "version");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("save it as version 3"),
        "{refused}"
    );
    let (_, newest) = inbox.get(&format!("/api/drafts/{DRAFT_ID}")).await;
    assert_eq!(
        newest["case"]["plan"]["items"]["goals"], "Kone A",
        "the first save stands"
    );
    // A version that skips one is refused too.
    let (status, _, gap) = inbox.send(put_draft(DRAFT_ID, &draft(5, "Hyppy"), &[])).await;
    assert_eq!(
        (status, gap["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("draft_version_gap"))
    );
    // Resolved: the next version.
    let (status, _, _) = inbox
        .send(put_draft(DRAFT_ID, &draft(3, "Kone A ja B"), &[]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_draft_that_cannot_be_saved_is_refused_by_field_and_stores_nothing() {
    let inbox = inbox();
    for (address, body, status, code, field) in [
        (
            "not-a-uuid",
            draft(1, "x"),
            StatusCode::BAD_REQUEST,
            "invalid_draft_id",
            None,
        ),
        (
            "00000000-0000-4000-8000-000000000000",
            draft(1, "x"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_draft",
            Some("draft_id"),
        ),
        (
            DRAFT_ID,
            json!({ "draft_id": DRAFT_ID, "version": 1, "saved_at": "4.12.2026", "case": {} }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_draft",
            Some("saved_at"),
        ),
        (
            DRAFT_ID,
            json!({ "draft_id": DRAFT_ID, "version": 1, "saved_at": "2026-12-04T10:00:00Z",
            "case": { "client": { "age": "old" } } }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_draft",
            Some("case.client.age"),
        ),
        (
            DRAFT_ID,
            draft(0, "x"),
            StatusCode::CONFLICT,
            "draft_version_gap",
            Some("version"),
        ),
        (
            "00000000-0000-0000-0000-000000000000",
            json!({ "draft_id": "00000000-0000-0000-0000-000000000000", "version": 1,
            "saved_at": "2026-12-04T10:00:00Z", "case": {} }),
            StatusCode::BAD_REQUEST,
            "invalid_draft_id",
            None,
        ),
    ] {
        let (got, _, body) = inbox.send(put_draft(address, &body, &[])).await;
        assert_eq!(got, status, "{address}: {body}");
        assert_eq!(body["error"]["code"], code, "{body}");
        assert_eq!(body["error"]["field"].as_str(), field, "{body}");
    }
    // Read as strictly as documents: a key twice, NUL in a text, the nil UUID in the body.
    let text = draft(1, "Työkokeilu").to_string();
    for (body, field) in [
        (
            text.replacen("\"version\":1", "\"version\":1,\"version\":2", 1),
            "version",
        ),
        (
            text.replacen("Työkokeilu", "Työ\\u0000kokeilu", 1),
            "case.plan.items.goals",
        ),
        (
            text.replacen(DRAFT_ID, "00000000-0000-0000-0000-000000000000", 1),
            "draft_id",
        ),
    ] {
        assert_ne!(body, text);
        let request = Request::put(format!("/api/drafts/{DRAFT_ID}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        let (status, _, refused) = inbox.send(request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["error"]["code"], "invalid_draft", "{refused}");
        assert_eq!(refused["error"]["field"], field, "{refused}");
    }
    let (status, listing) = inbox.get("/api/drafts").await;
    assert_eq!(
        (status, listing["drafts"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(0))
    );
}

#[tokio::test]
async fn drafts_are_saved_by_a_submitter_and_read_by_a_worker() {
    let inbox = inbox_with(|config| RouterConfig {
        submit_token: Some("submit-secret".into()),
        ..config
    });
    let as_submitter = ("authorization", "Bearer submit-secret");
    let (status, _, _) = inbox.send(put_draft(DRAFT_ID, &draft(1, "x"), &[])).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = inbox
        .send(put_draft(DRAFT_ID, &draft(1, "x"), &[as_submitter]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _, _) = inbox
        .send(put_draft(DRAFT_ID, &draft(2, "y"), &[AS_WORKER]))
        .await;
    assert_eq!(status, StatusCode::CREATED, "the worker saves drafts too");
    let reopen = || {
        Request::get(format!("/api/drafts/{DRAFT_ID}"))
            .body(Body::empty())
            .unwrap()
    };
    let listing = || Request::get("/api/drafts").body(Body::empty()).unwrap();
    let remove = || {
        Request::delete(format!("/api/drafts/{DRAFT_ID}"))
            .body(Body::empty())
            .unwrap()
    };
    for request in [listing, reopen, remove] {
        assert_eq!(inbox.send(request()).await.0, StatusCode::UNAUTHORIZED);
        let (status, _, body) = inbox.send(with_headers(request(), &[as_submitter])).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("forbidden")),
            "the submitter does not read drafts"
        );
    }
    let (status, _, newest) = inbox.send(with_headers(reopen(), &[AS_WORKER])).await;
    assert_eq!((status, newest["version"].as_u64()), (StatusCode::OK, Some(2)));
    let (status, _, drafts) = inbox.send(with_headers(listing(), &[AS_WORKER])).await;
    assert_eq!(
        (status, drafts["drafts"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(1))
    );
    assert_eq!(
        inbox.send(with_headers(remove(), &[AS_WORKER])).await.0,
        StatusCode::NO_CONTENT
    );
}

/// Every use through the API is an entry of the access log: a submission without a credential as
/// `anonymous`, a static token by its name; a document read once is one entry, a repeat of a
/// submission none, and what is not there (a 404) none.
#[tokio::test]
async fn each_use_through_the_api_is_in_the_access_log() {
    let inbox = inbox();
    let (status, receipt) = inbox.post(&document()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(inbox.post(&document()).await.0, StatusCode::OK, "a repeat");
    let id = receipt["document_id"].as_str().unwrap();
    assert_eq!(inbox.get(&format!("/api/documents/{id}")).await.0, StatusCode::OK);
    assert_eq!(inbox.get("/api/documents").await.0, StatusCode::OK);
    assert_eq!(
        inbox
            .get("/api/documents/0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a99")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let log = inbox.blocking(|store| {
        store.access_log(&tyokyky_inbox::store::AccessQuery {
            limit: 100,
            ..Default::default()
        })
    });
    let entries: Vec<(&str, &str, &str, Option<&str>)> = log
        .iter()
        .map(|entry| {
            (
                entry.actor.as_str(),
                entry.action.as_str(),
                entry.endpoint.as_str(),
                entry.document_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("anonymous", "write", "POST /api/documents", Some(id)),
            ("read-token", "read", "GET /api/documents/{id}", Some(id)),
            ("read-token", "list", "GET /api/documents", None),
        ]
    );
}

/// A GET with the worker's token, asking for FHIR: the status, the content type and the body.
async fn get_fhir(inbox: &Inbox, uri: &str) -> (StatusCode, String, Value) {
    let request = with_headers(
        Request::get(uri).body(Body::empty()).unwrap(),
        &[
            AS_WORKER,
            ("accept", "application/fhir+json;q=1.0, application/json;q=0.5"),
        ],
    );
    let (status, headers, body) = inbox.send(request).await;
    let kind = headers
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, body)
}

#[tokio::test]
async fn a_stored_document_is_given_as_fhir_when_asked_and_a_plan_reads_back_the_same() {
    use tyokyky_engine::document::Document;
    let inbox = inbox_with(|config| RouterConfig {
        max_body_bytes: 64 * 1024,
        ..config
    });
    let (status, receipt) = inbox.post(&client_plan()).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["document_id"].as_str().unwrap();
    let (status, kind, bundle) = get_fhir(&inbox, &format!("/api/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{bundle}");
    assert_eq!(kind, "application/fhir+json; fhirVersion=4.0");
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["entry"][0]["resource"]["resourceType"], "CarePlan");
    let back = tyokyky_engine::fhir::plan::read_plan(&bundle).unwrap();
    let posted = Document::decode(client_plan().to_string().as_bytes()).unwrap();
    assert_eq!(
        back, posted,
        "the plan a FHIR store hands back is the plan that was posted"
    );

    // Without the FHIR media type the answer is the product's own JSON, as before.
    let (_, stored) = inbox.get(&format!("/api/documents/{id}")).await;
    assert_eq!(stored["kind"], "client_plan");
    assert_eq!(stored["receipt"], receipt);

    for document in [document(), contact_request()] {
        let (status, receipt) = inbox.post(&document).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        let id = receipt["document_id"].as_str().unwrap();
        let (status, _, resource) = get_fhir(&inbox, &format!("/api/documents/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let response = if resource["resourceType"] == "Bundle" {
            resource["entry"][0]["resource"].clone()
        } else {
            resource
        };
        assert_eq!(response["resourceType"], "QuestionnaireResponse");
        assert_eq!(
            response["identifier"]["value"],
            format!("urn:uuid:{}", document["idempotency_key"].as_str().unwrap())
        );
    }
}
