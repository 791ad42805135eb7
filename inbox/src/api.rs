//! The HTTP API (under `/api`) and the static app.
//!
//! | method and path | answer |
//! |---|---|
//! | `POST /api/documents` | 201 and a receipt; 200 and the original receipt for a repeat; 409 for a reused key |
//! | `GET /api/documents?kind=&after=&limit=` | a page of summaries, oldest first, and `next_after` |
//! | `GET /api/documents/{id}` | the stored document and its receipt |
//! | `GET /api/health` | `{"status": "ok", "documents": n}`, or 503 |
//!
//! Every error is `{"error": {"code", "message", "field"?}}`. A client's mistake is always a 4xx and
//! stores nothing; only a failure of the store itself is a 5xx (503, so that clients retry).

use std::path::PathBuf;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tyokyky_engine::document::{Document, DocumentKind, ErrorResponse};
use uuid::Uuid;

use crate::store::{Store, StoreError, Stored};

/// The most documents one listing returns.
pub const MAX_PAGE: u32 = 500;
/// Documents per listing when `limit` is not given.
pub const DEFAULT_PAGE: u32 = 100;

/// How the router is set up.
#[derive(Debug, Clone)]
pub struct RouterConfig {
    /// The built app (trunk's `dist/`) to serve at `/`, if any.
    pub dist: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

/// The inbox: the API under `/api` and, if configured, the app everywhere else.
pub fn router(store: Store, config: &RouterConfig) -> Router {
    let api = Router::new()
        .route("/health", get(health))
        .route("/documents", get(list_documents).post(submit_document))
        .route("/documents/{id}", get(get_document))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "not_found", "no such API endpoint", None) })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "method not allowed here",
                None,
            )
        })
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(store);
    let app = Router::new().nest("/api", api);
    let app = match &config.dist {
        Some(dist) => app
            .fallback_service(ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html"))))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::CACHE_CONTROL,
                HeaderValue::from_static("no-cache"),
            )),
        None => app,
    };
    app.layer(SetResponseHeaderLayer::overriding(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
}

fn error(status: StatusCode, code: &str, message: impl Into<String>, field: Option<&str>) -> Response {
    (status, axum::Json(ErrorResponse::new(code, message, field))).into_response()
}

fn store_failed(failure: &StoreError) -> Response {
    eprintln!("tyokyky-inbox: store failed: {failure}");
    let mut response = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
        "the inbox cannot store documents right now; nothing was stored, please try again",
        None,
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// Runs blocking store work off the async threads.
async fn with_store<T: Send + 'static>(
    store: Store,
    work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(move || work(&store))
        .await
        .unwrap_or(Err(StoreError::Poisoned))
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"))
}

async fn submit_document(
    State(store): State<Store>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "the document is larger than this inbox accepts",
                None,
            );
        }
        Err(rejection) => {
            return error(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                rejection.body_text(),
                None,
            );
        }
    };
    if !is_json(&headers) {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the document with `Content-Type: application/json`",
            None,
        );
    }
    let document = match Document::decode(&body) {
        Ok(document) => document,
        Err(problem) => {
            let status = match problem.code() {
                "malformed_json" => StatusCode::BAD_REQUEST,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            return (status, axum::Json(ErrorResponse::from(&problem))).into_response();
        }
    };
    match with_store(store, move |store| store.insert(&document)).await {
        Ok(Stored::Created(receipt)) => {
            let location = format!("/api/documents/{}", receipt.document_id);
            let mut response = (StatusCode::CREATED, axum::Json(receipt)).into_response();
            if let Ok(location) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Ok(Stored::AlreadyStored(receipt)) => (StatusCode::OK, axum::Json(receipt)).into_response(),
        Ok(Stored::KeyConflict) => error(
            StatusCode::CONFLICT,
            "idempotency_key_reused",
            "another document with this idempotency_key is already stored; make a new key for a new document",
            Some("idempotency_key"),
        ),
        Err(failure) => store_failed(&failure),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    kind: Option<DocumentKind>,
    after: Option<i64>,
    limit: Option<u32>,
}

async fn list_documents(
    State(store): State<Store>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Response {
    let Query(params) = match params {
        Ok(params) => params,
        Err(rejection) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                rejection.body_text(),
                None,
            );
        }
    };
    let limit = params.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            format!("`limit` must be from 1 to {MAX_PAGE}, got {limit}"),
            Some("limit"),
        );
    }
    let after = params.after.unwrap_or(0);
    match with_store(store, move |store| store.list(params.kind, after, limit)).await {
        Ok(documents) => {
            let full_page = documents.len() == limit as usize;
            let next_after = documents.last().filter(|_| full_page).map(|last| last.seq);
            axum::Json(serde_json::json!({ "documents": documents, "next_after": next_after }))
                .into_response()
        }
        Err(failure) => store_failed(&failure),
    }
}

async fn get_document(State(store): State<Store>, Path(id): Path<String>) -> Response {
    let Ok(id) = Uuid::parse_str(&id) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_document_id",
            format!("`{id}` is not a document id (a UUID)"),
            None,
        );
    };
    match with_store(store, move |store| store.get(id)).await {
        Ok(Some(stored)) => axum::Json(stored).into_response(),
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no document `{id}`"),
            None,
        ),
        Err(failure) => store_failed(&failure),
    }
}

async fn health(State(store): State<Store>) -> Response {
    match with_store(store, Store::count).await {
        Ok(documents) => axum::Json(serde_json::json!({
            "status": "ok",
            "documents": documents,
            "schema_version": tyokyky_engine::document::SCHEMA_VERSION,
        }))
        .into_response(),
        Err(failure) => store_failed(&failure),
    }
}
