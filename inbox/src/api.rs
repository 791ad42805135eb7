//! The HTTP API (under `/api`) and the static app.
//!
//! | method and path | answer |
//! |---|---|
//! | `POST /api/documents` | 201 and a receipt; 200 and the original receipt for a repeat; 409 for a reused key; 400 `idempotency_key_mismatch` for an `Idempotency-Key` header other than the document's key |
//! | `GET /api/documents?kind=&since=&until=&fetched=&after=&limit=` | a page of summaries, oldest first, and `next_after` |
//! | `GET /api/documents/{id}` | the stored document and its receipt; with `Accept: application/fhir+json`, the document as FHIR R4 |
//! | `POST /api/documents/{id}/fetched` | marks it fetched by a case-management system |
//! | `PUT /api/drafts/{id}` | saves the next version of a worker's draft: 201 when new, 200 for a repeat, 409 `draft_conflict` or `draft_version_gap` otherwise |
//! | `GET /api/drafts` | every draft's newest version (id, version, times), the most recent first |
//! | `GET /api/drafts/{id}` | a draft's newest version |
//! | `DELETE /api/drafts/{id}` | removes a draft's versions (its plan is finished, or it is given up) |
//! | `GET /api/partner/plans?after=&limit=` | a partner's page of the current joint plans shared with its organisation |
//! | `GET /api/partner/plans/{id}` | the partner's own part of one (see `tyokyky_engine::documents::partner_view`); 404 when not shared with it |
//! | `GET /api/access-log?document=&actor=&since=&until=&after=&limit=` | an administrator's page of the access log |
//! | `GET /api/access-log/export?since=&until=` | the access log as JSON lines |
//! | `GET /api/access-log/verify` | whether the log's chain of hashes holds, with its count and newest hash |
//! | `GET /api/access-log/client?reference=` or `?case_reference=` | a client's own view: their documents and every use of them |
//! | `GET /api/forwards?state=&after=&limit=` | an administrator's page of the relay's forwards ([`crate::relay`]): downstream, state, attempts, last status and error, next attempt |
//! | `POST /api/forwards/{id}/replay` | a dead forward pending again, its attempts reset; 409 `forward_not_dead` for one pending or delivered |
//! | `POST /api/forwards/replay` | every dead forward pending again: `{"replayed": n}` |
//! | `GET /api/report?since=&until=&threshold=` | an administrator's report for the county (`tyokyky_engine::report`): counts with small ones hidden; JSON, or the page with `Accept: text/html` |
//! | `GET /api/outbox-key` | the public key a kiosk seals undeliverable documents for (a JWK with its `kid`); 404 `no_outbox_key` without one ([`crate::outbox`]) |
//! | `POST /api/sealed` | a sealed document: opened and stored as by `POST /api/documents`; 422 `unknown_outbox_key` or `sealed_envelope_does_not_open`, 400 `malformed_envelope` |
//! | `GET /api/health` | `{"status": "ok"}`, with `documents` and `schema_version` for a worker or admin; 503 while the storage fails |
//! | `GET /api/schema` | the JSON Schema of the documents |
//! | `GET /api/openapi.json` | this API in OpenAPI 3.1 |
//!
//! An API request's body is read before its handler runs: a declared `Content-Length` over the body limit
//! is answered 413 `payload_too_large` before any of it is read, and a body not complete within the body
//! timeout 408 `request_timeout` (the serving of connections, with its other timeouts: `crate::serve`).
//!
//! Every error is `{"error": {"code", "message", "field"?}}`. A client's mistake is always a 4xx and
//! stores nothing; only a failure of the store itself is a 5xx: 503 with `Retry-After`, so that clients
//! retry, and a code naming the cause (`storage_full`, `storage_read_only`, `storage_busy`,
//! `storage_io_error`, `storage_unavailable`).
//!
//! Credentials (see [`crate::auth`]): static bearer tokens (`--submit-token` of the submitter role,
//! `--read-token` of the worker role) and OpenID Connect access tokens with their roles. Every read of
//! documents and drafts (listing, fetching, marking fetched, the drafts' listing, reopening and removal)
//! needs a worker or admin credential on every address; an inbox with neither a read token nor OpenID
//! Connect refuses them all with 403. Submitting documents and saving drafts needs a submitter, worker or
//! admin credential once a submit token or OpenID Connect is configured, and nothing otherwise (the public
//! self-assessment posts without signing in). No credential, or one that is not valid, is a 401
//! `unauthorized` with `WWW-Authenticate: Bearer`; a valid one whose roles do not allow the call is a 403
//! `forbidden`. A partner credential reads nothing but the partner endpoints, and an admin credential alone
//! reads the access log and lists and replays the relay's forwards.
//!
//! Every read, listing, write, revision, marking, draft save, reopening and removal, and every query and
//! export of the access log, is an entry of the access log (see [`crate::store::Access`]) written in the
//! same transaction as what it records: nothing is served or stored without its entry. The entry names
//! the caller (the credential's subject, or `read-token`, `submit-token`, `anonymous`), its organisation,
//! the endpoint, the document and the purpose given in the `Access-Purpose` header. Cross-origin browsers
//! are let in only from the
//! configured origins. The app is served with a strict Content-Security-Policy: no inline script, no
//! `eval` (only `wasm-unsafe-eval`), nothing from other origins.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tyokyky_engine::contact::reference_key_prefix;
use tyokyky_engine::document::{Document, DocumentBody, DocumentKind, ErrorResponse};
use uuid::Uuid;

use crate::auth::{Caller, Credentials, Oidc, Role};
use crate::store::{
    self, AccessQuery, DraftSaved, Filter, ForwardState, Replayed, Store, StoreError, Stored,
};
use tyokyky_engine::documents::draft::{Draft, DraftRefusal};

/// The JSON Schema of a saved draft (`schema/draft.schema.json`, kept up to date by a test).
pub const DRAFT_SCHEMA: &str = include_str!("../../schema/draft.schema.json");

/// The JSON Schema of the documents, generated from the engine's types (`schema/document.schema.json`,
/// kept up to date by a test).
pub const DOCUMENT_SCHEMA: &str = include_str!("../../schema/document.schema.json");

/// This API in OpenAPI 3.1 (`inbox/openapi.json`).
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The most documents one listing returns.
pub const MAX_PAGE: u32 = 500;
/// Documents per listing when `limit` is not given.
pub const DEFAULT_PAGE: u32 = 100;

/// How the router is set up.
#[derive(Debug, Clone)]
pub struct RouterConfig {
    /// The built app (trunk's `dist/`) to serve at `/`, if any.
    pub dist: Option<PathBuf>,
    /// Largest request body accepted, in bytes. A request that declares a larger `Content-Length` is
    /// refused (413) before any of its body is read.
    pub max_body_bytes: usize,
    /// The longest an API request's body may take to arrive, from the end of its head (408 after it).
    pub body_timeout: Duration,
    /// Static bearer token of the submitter role (submits documents and saves drafts), if any.
    pub submit_token: Option<String>,
    /// Static bearer token of the worker role (reads documents and drafts, and submits), if any.
    pub read_token: Option<String>,
    /// OpenID Connect access tokens, if configured.
    pub oidc: Option<Arc<Oidc>>,
    /// Origins (`https://portal.example.fi`) whose pages may call the API from a browser.
    pub cors_origins: Vec<String>,
    /// Origins whose pages may show the app in a frame (besides the inbox's own).
    pub frame_ancestors: Vec<String>,
    /// Names a partner organisation goes by in plans, by the organisation its credential names
    /// (`organisation`, `name in plans`); an organisation is always known by its own name too.
    pub partner_names: Vec<(String, String)>,
    /// The keys that open sealed documents from kiosks ([`crate::outbox`]), if any.
    pub outbox_keys: Option<Arc<crate::outbox::OutboxKeys>>,
}

impl RouterConfig {
    /// Serves `dist` (if any) with the default body limit and timeout (256 KiB, 30 s) and no tokens, CORS origins or framing hosts.
    pub fn new(dist: Option<PathBuf>) -> RouterConfig {
        RouterConfig {
            dist,
            max_body_bytes: 256 * 1024,
            body_timeout: Duration::from_secs(30),
            submit_token: None,
            read_token: None,
            oidc: None,
            cors_origins: Vec::new(),
            frame_ancestors: Vec::new(),
            partner_names: Vec::new(),
            outbox_keys: None,
        }
    }

    /// The Content-Security-Policy the app is served with. Styles come from the app's own files, and
    /// from the inline `<style>` of its pages (the loading shell's few rules, so it paints before the
    /// stylesheet arrives), each allowed by its hash: no other inline style runs.
    pub fn content_security_policy(&self) -> String {
        let mut ancestors = vec!["'self'".to_owned()];
        ancestors.extend(self.frame_ancestors.iter().cloned());
        let mut styles = vec!["'self'".to_owned()];
        if let Some(dist) = &self.dist {
            for page in ["index.html", "worker.html"] {
                let text = std::fs::read_to_string(dist.join(page)).unwrap_or_default();
                styles.extend(inline_style_hashes(&text));
            }
        }
        format!(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src {}; img-src 'self' data:; \
             connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; \
             frame-ancestors {}",
            styles.join(" "),
            ancestors.join(" ")
        )
    }
}

/// The CSP source of each inline `<style>` element of a page: `'sha256-…'` of its text.
fn inline_style_hashes(page: &str) -> Vec<String> {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<style>") {
        let body = &rest[start + "<style>".len()..];
        let Some(end) = body.find("</style>") else {
            break;
        };
        let digest = sha2::Sha256::digest(&body.as_bytes()[..end]);
        hashes.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &body[end..];
    }
    hashes
}

/// What the handlers share.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    store: Store,
    credentials: Credentials,
    partner_names: Arc<Vec<(String, String)>>,
}

/// What a call asks to do.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Access {
    /// Submit a document or save a draft.
    Submit,
    /// List, fetch or mark documents; list, reopen or remove drafts.
    Read,
    /// List and read the partner's own part of the joint plans shared with it.
    Partner,
    /// Query and export the access log.
    Audit,
    /// List and replay the relay's forwards.
    Relay,
}

impl Access {
    /// The roles that may.
    fn roles(self) -> &'static [Role] {
        match self {
            Access::Submit => &[Role::Submitter, Role::Worker, Role::Admin],
            Access::Read => &[Role::Worker, Role::Admin],
            Access::Partner => &[Role::Partner],
            Access::Audit | Access::Relay => &[Role::Admin],
        }
    }
}

/// The longest purpose a caller may give, in characters.
pub const MAX_PURPOSE_CHARS: usize = 200;

/// The header in which a caller gives the purpose of a use of the data, for the access log.
pub const PURPOSE_HEADER: &str = "access-purpose";

/// The header that may repeat a document's `idempotency_key`, so a backend can store it once without
/// reading the body; the inbox reads the body and refuses a header that disagrees with it.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// The purpose the request gives (`Access-Purpose`), or the 400 for one that is too long or not text.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn purpose(headers: &HeaderMap) -> Result<Option<String>, Response> {
    let Some(value) = headers.get(PURPOSE_HEADER) else {
        return Ok(None);
    };
    let refused = |message: String| error(StatusCode::BAD_REQUEST, "invalid_purpose", message, None);
    // Header values are bytes; the purpose is UTF-8 text (a browser sends it so; `é` is two bytes).
    let text = std::str::from_utf8(value.as_bytes())
        .map_err(|_| refused("the Access-Purpose header must be UTF-8 text".to_owned()))?
        .trim();
    if text.chars().any(char::is_control) {
        return Err(refused(
            "the Access-Purpose header must not hold control characters".to_owned(),
        ));
    }
    if text.chars().count() > MAX_PURPOSE_CHARS {
        return Err(refused(format!(
            "the Access-Purpose header is longer than {MAX_PURPOSE_CHARS} characters"
        )));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// An entry of the access log: `caller` did `action` through `endpoint`, for the purpose the request
/// gives.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn entry(
    caller: &Caller,
    action: &str,
    endpoint: &str,
    headers: &HeaderMap,
) -> Result<store::Access, Response> {
    Ok(store::Access {
        actor: caller.subject.clone(),
        organisation: caller.organisation().map(str::to_owned),
        action: action.to_owned(),
        endpoint: endpoint.to_owned(),
        document_id: None,
        purpose: purpose(headers)?,
    })
}

/// A 401 with `WWW-Authenticate: Bearer` (and `error="invalid_token"` when a credential was sent).
fn unauthorized(message: &str, sent: bool) -> Response {
    let mut response = error(StatusCode::UNAUTHORIZED, "unauthorized", message, None);
    let challenge = if sent {
        HeaderValue::from_static("Bearer error=\"invalid_token\"")
    } else {
        HeaderValue::from_static("Bearer")
    };
    response.headers_mut().insert(header::WWW_AUTHENTICATE, challenge);
    response
}

fn forbidden(message: impl Into<String>) -> Response {
    error(StatusCode::FORBIDDEN, "forbidden", message, None)
}

impl Shared {
    /// The caller the request's credential names (`None` without one), or the 401 for a credential that is
    /// not valid.
    #[allow(clippy::result_large_err, reason = "the error is the response to send")]
    async fn caller(&self, headers: &HeaderMap) -> Result<Option<Caller>, Response> {
        let authorization = headers.get(header::AUTHORIZATION).map(HeaderValue::as_bytes);
        self.credentials
            .identify(authorization)
            .await
            .map_err(|invalid| unauthorized(&invalid.0, true))
    }

    /// The caller, if the request carries a credential whose roles allow `access` (or, as
    /// [`Caller::anonymous`], if `access` is submitting and no submitting credential is configured).
    #[allow(clippy::result_large_err, reason = "the error is the response to send")]
    pub(crate) async fn authorize(&self, headers: &HeaderMap, access: Access) -> Result<Caller, Response> {
        match access {
            Access::Read if !self.credentials.reading_possible() => {
                return Err(forbidden(
                    "reading documents and drafts needs a worker's credential, and this inbox has none \
                     configured: start it with --read-token (TYOKYKY_READ_TOKEN) or with OpenID Connect \
                     (--oidc-issuer and the other --oidc-* settings)",
                ));
            }
            Access::Submit if !self.credentials.submitting_guarded() => {
                // A credential sent anyway names who submitted, for the access log.
                return Ok(self.caller(headers).await?.unwrap_or_else(Caller::anonymous));
            }
            _ => {}
        }
        let Some(caller) = self.caller(headers).await? else {
            return Err(unauthorized(
                "this endpoint needs `Authorization: Bearer <token>` with a valid token",
                false,
            ));
        };
        let allowed = access.roles();
        if caller.holds_any(allowed) {
            return Ok(caller);
        }
        let message = if caller.holds_any(&[Role::Partner]) && matches!(access, Access::Read) {
            "a partner organisation reads only its own part of the joint plans shared with it: \
             GET /api/partner/plans"
                .to_owned()
        } else if allowed.iter().any(|role| caller.roles.contains(role)) {
            "this credential is of another organisation than the one whose documents this inbox holds"
                .to_owned()
        } else {
            let names = |roles: &mut dyn Iterator<Item = &Role>| {
                roles.map(|role| role.name()).collect::<Vec<_>>().join(" or ")
            };
            let held = names(&mut caller.roles.iter());
            format!(
                "this call needs the {} role; the credential has {}",
                names(&mut allowed.iter()),
                if held.is_empty() {
                    "no role of this inbox".to_owned()
                } else {
                    format!("the {held} role")
                }
            )
        };
        Err(forbidden(message))
    }
}

impl Shared {
    /// The caller and the entry of the access log for `action` through `endpoint`, if the credential
    /// allows `access`.
    #[allow(clippy::result_large_err, reason = "the error is the response to send")]
    async fn allow(
        &self,
        headers: &HeaderMap,
        access: Access,
        action: &str,
        endpoint: &str,
    ) -> Result<(Caller, store::Access), Response> {
        let caller = self.authorize(headers, access).await?;
        let entry = entry(&caller, action, endpoint, headers)?;
        Ok((caller, entry))
    }
}

/// The inbox: the API under `/api` and, if configured, the app everywhere else.
pub fn router(store: Store, config: &RouterConfig) -> Router {
    let shared = Shared {
        store,
        credentials: Credentials {
            submit_token: config.submit_token.as_deref().map(Arc::from),
            read_token: config.read_token.as_deref().map(Arc::from),
            oidc: config.oidc.clone(),
        },
        partner_names: Arc::new(config.partner_names.clone()),
    };
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(
            config
                .cors_origins
                .iter()
                .filter_map(|origin| HeaderValue::from_str(origin).ok()),
        ))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::ACCEPT,
            header::HeaderName::from_static(PURPOSE_HEADER),
            header::HeaderName::from_static(IDEMPOTENCY_KEY_HEADER),
        ])
        .expose_headers([header::LOCATION, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600));
    let api = Router::new()
        .route("/health", get(health))
        .route("/schema", get(|| async { json_text(DOCUMENT_SCHEMA) }))
        .route("/openapi.json", get(|| async { json_text(OPENAPI) }))
        .route("/documents", get(list_documents).post(submit_document))
        .route("/documents/{id}", get(get_document))
        .route("/documents/{id}/fetched", post(mark_fetched))
        .route("/drafts", get(list_drafts))
        .route(
            "/drafts/{id}",
            put(save_draft).get(get_draft).delete(delete_draft),
        )
        .route("/schema/draft", get(|| async { json_text(DRAFT_SCHEMA) }))
        .route("/partner/plans", get(partner_plans))
        .route("/partner/plans/{id}", get(partner_plan))
        .route("/access-log", get(query_access_log))
        .route("/access-log/export", get(export_access_log))
        .route("/access-log/verify", get(verify_access_log))
        .route("/access-log/client", get(client_view))
        .route("/report", get(county_report))
        .route("/forwards", get(list_forwards))
        .route("/forwards/replay", post(replay_dead_forwards))
        .route("/forwards/{id}/replay", post(replay_forward))
        .merge(crate::outbox::routes(config.outbox_keys.clone()))
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
        .layer(axum::middleware::from_fn_with_state(
            BodyLimits {
                max_bytes: config.max_body_bytes,
                timeout: config.body_timeout,
            },
            read_body,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(shared);
    let app = Router::new().nest("/api", api);
    let app = match &config.dist {
        Some(dist) => {
            let policy = HeaderValue::from_str(&config.content_security_policy())
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
            app.fallback_service(
                tower::ServiceBuilder::new()
                    .layer(SetResponseHeaderLayer::overriding(
                        header::CONTENT_SECURITY_POLICY,
                        policy,
                    ))
                    .layer(axum::middleware::from_fn(cache_policy))
                    // The answer depends on Accept-Encoding (the compressed copies below).
                    .layer(SetResponseHeaderLayer::appending(
                        header::VARY,
                        HeaderValue::from_static("accept-encoding"),
                    ))
                    // The build writes `.br` and `.gz` copies (scripts/precompress.js): the browser gets
                    // the compressed bytes the size budget counts, at no cost per request.
                    .service(
                        ServeDir::new(dist)
                            .precompressed_br()
                            .precompressed_gzip()
                            .fallback(ServeFile::new(dist.join("index.html"))),
                    ),
            )
        }
        None => app,
    };
    // CORS for the API and for the app's files, so a host page on an allowed origin can load embed.js,
    // the glue and the .wasm, and post documents.
    app.layer(cors)
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// How much of a request body the API reads, and for how long.
#[derive(Debug, Clone, Copy)]
struct BodyLimits {
    max_bytes: usize,
    timeout: Duration,
}

/// Reads an API request's body before the handler runs, so that no client holds a request open with a
/// body that is too large or too slow: a declared `Content-Length` over the limit is answered 413 before
/// any of the body is read, and a body not complete within the timeout 408. Either answer closes the
/// connection (the rest of the body is never read).
async fn read_body(
    State(limits): State<BodyLimits>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limits.max_bytes as u64) {
        return closing(too_large(limits.max_bytes));
    }
    let (parts, body) = request.into_parts();
    let body = match tokio::time::timeout(limits.timeout, axum::body::to_bytes(body, limits.max_bytes)).await
    {
        Ok(Ok(body)) => body,
        Ok(Err(failure)) => {
            let too_big = std::error::Error::source(&failure)
                .is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            return closing(if too_big {
                too_large(limits.max_bytes)
            } else {
                error(
                    StatusCode::BAD_REQUEST,
                    "unreadable_body",
                    format!("the request body could not be read: {failure}"),
                    None,
                )
            });
        }
        Err(_elapsed) => {
            return closing(error(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                format!(
                    "the request body did not arrive within {} s; nothing was stored, please send it again",
                    limits.timeout.as_secs()
                ),
                None,
            ));
        }
    };
    next.run(axum::extract::Request::from_parts(
        parts,
        axum::body::Body::from(body),
    ))
    .await
}

/// 413 `payload_too_large`.
fn too_large(max_bytes: usize) -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the request body is larger than this inbox accepts ({max_bytes} bytes)"),
        None,
    )
}

/// `response` with `Connection: close`: the request's body was not read to its end.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A JSON text served as is.
fn json_text(text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

pub(crate) fn error(
    status: StatusCode,
    code: &str,
    message: impl Into<String>,
    field: Option<&str>,
) -> Response {
    (status, axum::Json(ErrorResponse::new(code, message, field))).into_response()
}

/// Whether a file name carries trunk's content hash (`tyokyky-0123456789abcdef_bg.wasm`,
/// `main-0123456789abcdef.css`): such a file never changes, a new build gets a new name. Trunk writes the
/// hash, a 64-bit number, in hex without leading zeros, so it has up to 16 digits (15 in one build out of
/// 16); fewer than 8 would be a name of another kind.
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split(['.', '_']).next().unwrap_or_default();
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
    })
}

/// The app's files with a content hash in their name are cached for a year without asking again (a kiosk
/// that wipes itself after every visit reloads without a request for the .wasm); everything else, such
/// as index.html and embed.js, which name the current hashed files, is checked on every load.
async fn cache_policy(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let immutable = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    // A missing file is answered with index.html (the fallback), which must not be kept under that name.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let policy = if immutable && response.status().is_success() && !is_page {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Seconds a client is asked to wait (`Retry-After`) when the storage fails. Short: it is only the
/// floor of a client's own backoff (the app's doubles with jitter up to a minute), and a storage fault
/// often passes in seconds (a lock released, space freed).
pub const STORAGE_RETRY_AFTER_SECONDS: u32 = 2;

/// A 503 that names why the storage failed (`storage_full`, `storage_read_only`, `storage_busy`,
/// `storage_io_error`, `storage_unavailable`), with `Retry-After`: the request stored nothing and may be
/// sent again as it is.
fn store_failed(failure: &StoreError) -> Response {
    eprintln!("tyokyky-inbox: store failed: {failure}");
    let fault = failure.fault();
    let mut response = error(
        StatusCode::SERVICE_UNAVAILABLE,
        fault.code(),
        format!(
            "{}: the inbox cannot store documents right now; nothing was stored, please try again",
            fault.cause()
        ),
        None,
    );
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(STORAGE_RETRY_AFTER_SECONDS),
    );
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

/// Why a request's `Content-Type` is not JSON this inbox reads: not `application/json`, or a charset
/// other than UTF-8 (JSON exchanged between systems is UTF-8, RFC 8259 §8.1; bytes declared as another
/// charset would be read as something else than the sender meant).
fn json_content_type_problem(headers: &HeaderMap) -> Option<String> {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<mime::Mime>().ok());
    let Some(declared) = declared else {
        return Some("`Content-Type: application/json`".to_owned());
    };
    if declared.essence_str() != mime::APPLICATION_JSON.essence_str() {
        return Some("`Content-Type: application/json`".to_owned());
    }
    match declared.get_param(mime::CHARSET) {
        Some(charset) if charset != mime::UTF_8 => Some(format!(
            "UTF-8 (`Content-Type: application/json` or `application/json; charset=utf-8`), not charset `{charset}`"
        )),
        _ => None,
    }
}

/// The body of a request that sends JSON (`what`: a document, a draft), or the answer that refuses it: too
/// large, unreadable, or not sent as `application/json` in UTF-8.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
pub(crate) fn json_body(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    what: &str,
) -> Result<Bytes, Response> {
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("the {what} is larger than this inbox accepts"),
                None,
            ));
        }
        Err(rejection) => {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                rejection.body_text(),
                None,
            ));
        }
    };
    if let Some(wanted) = json_content_type_problem(headers) {
        return Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send the {what} as {wanted}"),
            None,
        ));
    }
    Ok(body)
}

async fn submit_document(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    submit_at(shared, headers, body, "POST /api/documents").await
}

/// Stores the document in `body` as `POST /api/documents` does, the access log naming `endpoint` (a
/// sealed document arrives through its own).
pub(crate) async fn submit_at(
    shared: Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    endpoint: &str,
) -> Response {
    let mut access = match shared.allow(&headers, Access::Submit, "write", endpoint).await {
        Ok((_, access)) => access,
        Err(refused) => return refused,
    };
    let store = shared.store;
    let body = match json_body(&headers, body, "document") {
        Ok(body) => body,
        Err(refused) => return refused,
    };
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
    if let Some(refused) = key_header_mismatch(&headers, document.idempotency_key) {
        return refused;
    }
    if let DocumentBody::ClientPlan(plan) = &document.body
        && plan.revision().is_some()
    {
        access.action = "revise".to_owned();
    }
    match with_store(store, move |store| store.insert_as(&document, Some(&access))).await {
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

/// The 400 `idempotency_key_mismatch` when the request's `Idempotency-Key` header names another key than
/// the document's `idempotency_key` (or is not a UUID): the header is optional, but one that disagrees
/// with the body would let a backend that deduplicates by the header and one that reads the body store
/// different things.
fn key_header_mismatch(headers: &HeaderMap, key: Uuid) -> Option<Response> {
    let value = headers.get(IDEMPOTENCY_KEY_HEADER)?;
    let same = value
        .to_str()
        .ok()
        .and_then(|text| Uuid::parse_str(text.trim()).ok())
        .is_some_and(|header_key| header_key == key);
    (!same).then(|| {
        error(
            StatusCode::BAD_REQUEST,
            "idempotency_key_mismatch",
            format!(
                "the Idempotency-Key header is not the document's idempotency_key `{key}`; send the same \
                 key in both, or leave the header out"
            ),
            Some("idempotency_key"),
        )
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    kind: Option<DocumentKind>,
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    fetched: Option<bool>,
    reference: Option<String>,
    after: Option<i64>,
    limit: Option<u32>,
}

async fn list_documents(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Response {
    let access = match shared
        .allow(&headers, Access::Read, "list", "GET /api/documents")
        .await
    {
        Ok((_, access)) => access,
        Err(refused) => return refused,
    };
    let store = shared.store;
    let params = match query_of(params) {
        Ok(params) => params,
        Err(refused) => return refused,
    };
    let limit = match page_limit(params.limit, MAX_PAGE) {
        Ok(limit) => limit,
        Err(refused) => return refused,
    };
    let reference = match params.reference.as_deref().map(short_reference).transpose() {
        Ok(reference) => reference,
        Err(refused) => return refused,
    };
    let after = params.after.unwrap_or(0);
    let filter = Filter {
        kind: params.kind,
        since: params.since,
        until: params.until,
        fetched: params.fetched,
        reference,
    };
    match with_store(store, move |store| store.list_as(&filter, after, limit, &access)).await {
        Ok(documents) => {
            let full_page = documents.len() == limit as usize;
            let next_after = documents.last().filter(|_| full_page).map(|last| last.seq);
            axum::Json(serde_json::json!({ "documents": documents, "next_after": next_after }))
                .into_response()
        }
        Err(failure) => store_failed(&failure),
    }
}

/// The id of a document a reader may see: a 401 or 403 without a worker's credential, else a 400 if the
/// path holds no document id (a UUID).
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
async fn readable_document(
    shared: &Shared,
    headers: &HeaderMap,
    id: &str,
    access: Access,
    action: &str,
    endpoint: &str,
) -> Result<(Uuid, store::Access), Response> {
    let (_, entry) = shared.allow(headers, access, action, endpoint).await?;
    Ok((document_id(id)?, entry))
}

/// The document id in a path, or the 400 for one that is not a UUID.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn document_id(id: &str) -> Result<Uuid, Response> {
    Uuid::parse_str(id).map_err(|_| {
        error(
            StatusCode::BAD_REQUEST,
            "invalid_document_id",
            format!("`{id}` is not a document id (a UUID)"),
            None,
        )
    })
}

async fn mark_fetched(State(shared): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let endpoint = "POST /api/documents/{id}/fetched";
    let (id, access) =
        match readable_document(&shared, &headers, &id, Access::Read, "mark_fetched", endpoint).await {
            Ok(found) => found,
            Err(refused) => return refused,
        };
    match with_store(shared.store, move |store| store.mark_fetched_as(id, &access)).await {
        Ok(Some(fetched_at)) => {
            axum::Json(serde_json::json!({ "document_id": id, "fetched_at": fetched_at })).into_response()
        }
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no document `{id}`"),
            None,
        ),
        Err(failure) => store_failed(&failure),
    }
}

async fn get_document(State(shared): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let (id, access) = match readable_document(
        &shared,
        &headers,
        &id,
        Access::Read,
        "read",
        "GET /api/documents/{id}",
    )
    .await
    {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let fhir = wants_fhir(&headers);
    match with_store(shared.store, move |store| store.get_as(id, &access)).await {
        Ok(Some(stored)) if fhir => as_fhir(&stored),
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

/// The media type of FHIR's JSON, as asked for in `Accept` and given in `Content-Type`.
const FHIR_JSON: &str = "application/fhir+json";

/// Whether the request asks for FHIR (`Accept: application/fhir+json`, with or without parameters).
fn wants_fhir(headers: &HeaderMap) -> bool {
    headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|kind| {
            kind.split(';')
                .next()
                .is_some_and(|kind| kind.trim().eq_ignore_ascii_case(FHIR_JSON))
        })
}

/// A stored document as FHIR R4 ([`tyokyky_engine::fhir::document`]): a plan as a `Bundle`, a contact
/// request as a `Bundle` of responses, the other kinds as a `QuestionnaireResponse`. The inbox does not
/// keep the questionnaire, so the choices of shared answers are given as their values in text.
fn as_fhir(stored: &store::StoredDocument) -> Response {
    match tyokyky_engine::document::Document::decode(stored.document.to_string().as_bytes()) {
        Ok(document) => {
            let body = tyokyky_engine::fhir::document(&document, None).to_string();
            (
                [(
                    axum::http::header::CONTENT_TYPE,
                    format!("{FHIR_JSON}; fhirVersion=4.0"),
                )],
                body,
            )
                .into_response()
        }
        Err(problem) => error(
            StatusCode::NOT_ACCEPTABLE,
            "not_exportable",
            format!("the stored document cannot be given as FHIR: {problem}"),
            None,
        ),
    }
}

/// A draft id from the path, once the credential allows `access` to it (saving is submitting; reopening and
/// removing are reading).
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
async fn draft_id(
    shared: &Shared,
    headers: &HeaderMap,
    id: &str,
    access: Access,
    action: &str,
    endpoint: &str,
) -> Result<(Uuid, store::Access), Response> {
    let (_, mut entry) = shared.allow(headers, access, action, endpoint).await?;
    let id = Uuid::parse_str(id)
        .ok()
        .filter(|id| !id.is_nil())
        .ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                "invalid_draft_id",
                format!("`{id}` is not a draft id (a UUID other than the nil one)"),
                None,
            )
        })?;
    entry.document_id = Some(id);
    Ok((id, entry))
}

async fn save_draft(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (id, access) = match draft_id(
        &shared,
        &headers,
        &id,
        Access::Submit,
        "write_draft",
        "PUT /api/drafts/{id}",
    )
    .await
    {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let body = match json_body(&headers, body, "draft") {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let draft = match Draft::decode(&body) {
        Ok(draft) => draft,
        Err(problem) => {
            let (status, code) = match problem.code() {
                "malformed_json" => (StatusCode::BAD_REQUEST, "malformed_json"),
                _ => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_draft"),
            };
            return error(status, code, problem.to_string(), problem.field());
        }
    };
    if draft.draft_id != id {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_draft",
            format!(
                "the draft's `draft_id` {} is not the one in the address, {id}",
                draft.draft_id
            ),
            Some("draft_id"),
        );
    }
    let version = draft.version;
    match with_store(shared.store, move |store| {
        store.save_draft_as(&draft, Some(&access))
    })
    .await
    {
        Ok(saved @ (DraftSaved::Created(received_at) | DraftSaved::AlreadyStored(received_at))) => {
            let status = if matches!(saved, DraftSaved::Created(_)) {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let receipt =
                serde_json::json!({ "draft_id": id, "version": version, "received_at": received_at });
            (status, axum::Json(receipt)).into_response()
        }
        Ok(DraftSaved::Refused(DraftRefusal::Conflict { latest })) => error(
            StatusCode::CONFLICT,
            "draft_conflict",
            format!(
                "version {version} of this draft is already saved with other content (the newest is {latest}): \
                 it was changed elsewhere; open the newest, resolve, and save it as version {}",
                latest + 1
            ),
            Some("version"),
        ),
        Ok(DraftSaved::Refused(DraftRefusal::Gap { latest })) => error(
            StatusCode::CONFLICT,
            "draft_version_gap",
            format!("the next version of this draft is {}, not {version}", latest + 1),
            Some("version"),
        ),
        Err(failure) => store_failed(&failure),
    }
}

async fn get_draft(State(shared): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let (id, access) = match draft_id(
        &shared,
        &headers,
        &id,
        Access::Read,
        "read_draft",
        "GET /api/drafts/{id}",
    )
    .await
    {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match with_store(shared.store, move |store| store.draft_as(id, &access)).await {
        Ok(Some(draft)) => axum::Json(draft).into_response(),
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no draft `{id}`"),
            None,
        ),
        Err(failure) => store_failed(&failure),
    }
}

async fn list_drafts(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let access = match shared
        .allow(&headers, Access::Read, "list_drafts", "GET /api/drafts")
        .await
    {
        Ok((_, access)) => access,
        Err(refused) => return refused,
    };
    match with_store(shared.store, move |store| store.drafts_as(&access)).await {
        Ok(drafts) => axum::Json(serde_json::json!({ "drafts": drafts })).into_response(),
        Err(failure) => store_failed(&failure),
    }
}

async fn delete_draft(State(shared): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let (id, access) = match draft_id(
        &shared,
        &headers,
        &id,
        Access::Read,
        "delete_draft",
        "DELETE /api/drafts/{id}",
    )
    .await
    {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match with_store(shared.store, move |store| store.delete_draft_as(id, &access)).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no draft `{id}`"),
            None,
        ),
        Err(failure) => store_failed(&failure),
    }
}

/// A query string's parameters, or the 400 naming what is wrong with them.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn query_of<T>(params: Result<Query<T>, QueryRejection>) -> Result<T, Response> {
    params.map(|Query(params)| params).map_err(|rejection| {
        error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            rejection.body_text(),
            None,
        )
    })
}

/// `limit` as given, or the default, or the 400 for one out of range.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn page_limit(limit: Option<u32>, most: u32) -> Result<u32, Response> {
    let limit = limit.unwrap_or(DEFAULT_PAGE.min(most));
    if (1..=most).contains(&limit) {
        Ok(limit)
    } else {
        Err(error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            format!("`limit` must be from 1 to {most}, got {limit}"),
            Some("limit"),
        ))
    }
}

/// The start of the idempotency key a short reference (`K7Q4-MZ2P`, as a person reads it out) stands
/// for, or the 400 for text that is not one.
#[allow(clippy::result_large_err, reason = "the error is the response to send")]
fn short_reference(text: &str) -> Result<[u8; 5], Response> {
    reference_key_prefix(text).ok_or_else(|| {
        error(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            format!(
                "`reference` must be a short reference of eight letters and digits, e.g. `K7Q4-MZ2P`, got `{}`",
                text.chars().take(32).collect::<String>()
            ),
            Some("reference"),
        )
    })
}

impl Shared {
    /// The names the partner `caller` goes by in plans: its organisations and the names configured for
    /// them; the 403 for a credential that names no organisation.
    #[allow(clippy::result_large_err, reason = "the error is the response to send")]
    fn partner_names(&self, caller: &Caller) -> Result<Vec<String>, Response> {
        if caller.organisations.is_empty() {
            return Err(forbidden(
                "this partner credential names no organisation, so no plan can be shared with it",
            ));
        }
        let mut names = caller.organisations.clone();
        names.extend(
            self.partner_names
                .iter()
                .filter(|(organisation, _)| caller.organisations.contains(organisation))
                .map(|(_, name)| name.clone()),
        );
        Ok(names)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageParams {
    after: Option<i64>,
    limit: Option<u32>,
}

/// The current versions of the joint plans shared with the partner's organisation.
async fn partner_plans(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (caller, access) = shared
            .allow(&headers, Access::Partner, "list", "GET /api/partner/plans")
            .await?;
        let names = shared.partner_names(&caller)?;
        let params = query_of(params)?;
        let limit = page_limit(params.limit, MAX_PAGE)?;
        let after = params.after.unwrap_or(0);
        let plans = with_store(shared.store.clone(), move |store| {
            store.partner_plans(&names, after, limit, &access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        let next_after = plans
            .last()
            .filter(|_| plans.len() == limit as usize)
            .map(|last| last.seq);
        Ok::<_, Response>(
            axum::Json(serde_json::json!({ "plans": plans, "next_after": next_after })).into_response(),
        )
    };
    answer.await.unwrap_or_else(|refused| refused)
}

/// The partner's own part of one joint plan; 404 for a plan not shared with it, replaced by a later
/// version, or not there (the answers do not tell these apart).
async fn partner_plan(State(shared): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let answer = async {
        let (caller, access) = shared
            .allow(&headers, Access::Partner, "read", "GET /api/partner/plans/{id}")
            .await?;
        let names = shared.partner_names(&caller)?;
        let id = document_id(&id)?;
        match with_store(shared.store.clone(), move |store| {
            store.partner_plan(id, &names, &access)
        })
        .await
        {
            Ok(Some((receipt, view))) => Ok(axum::Json(serde_json::json!({
                "document_id": receipt.document_id,
                "reference": tyokyky_engine::contact::reference_code(&receipt.idempotency_key),
                "received_at": receipt.received_at,
                "plan": view,
            }))
            .into_response()),
            Ok(None) => Err(error(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("no current joint plan `{id}` is shared with your organisation"),
                None,
            )),
            Err(failure) => Err(store_failed(&failure)),
        }
    };
    answer.await.unwrap_or_else(|refused| refused)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogParams {
    document: Option<Uuid>,
    actor: Option<String>,
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    after: Option<i64>,
    limit: Option<u32>,
}

/// The most entries of the access log one query returns.
pub const MAX_LOG_PAGE: u32 = 1000;

/// A page of the access log, for an administrator.
async fn query_access_log(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<LogParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(&headers, Access::Audit, "query_log", "GET /api/access-log")
            .await?;
        let params = query_of(params)?;
        let query = AccessQuery {
            document_id: params.document,
            actor: params.actor,
            since: params.since,
            until: params.until,
            after: params.after.unwrap_or(0),
            limit: page_limit(params.limit, MAX_LOG_PAGE)?,
        };
        let limit = query.limit as usize;
        let entries = with_store(shared.store.clone(), move |store| {
            store.access_log_as(&query, &access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        let next_after = entries
            .last()
            .filter(|_| entries.len() == limit)
            .map(|last| last.seq);
        Ok::<_, Response>(
            axum::Json(serde_json::json!({ "entries": entries, "next_after": next_after })).into_response(),
        )
    };
    answer.await.unwrap_or_else(|refused| refused)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportParams {
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
}

/// The access log between two moments (or whole) as JSON lines, one entry a line, for an administrator
/// to keep elsewhere; each line carries its hash, so the copy can be checked against the chain.
async fn export_access_log(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<ExportParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(
                &headers,
                Access::Audit,
                "export_log",
                "GET /api/access-log/export",
            )
            .await?;
        let params = query_of(params)?;
        let lines = with_store(shared.store.clone(), move |store| {
            // The export is an entry of the log itself; then the entries are read in pages.
            store.log_access(&access, chrono::Utc::now())?;
            let mut lines = String::new();
            let mut after = 0;
            loop {
                let page = store.access_log(&AccessQuery {
                    since: params.since,
                    until: params.until,
                    after,
                    limit: MAX_LOG_PAGE,
                    ..AccessQuery::default()
                })?;
                for entry in &page {
                    lines.push_str(&serde_json::to_string(entry).unwrap_or_default());
                    lines.push('\n');
                }
                match page.last() {
                    Some(last) if page.len() == MAX_LOG_PAGE as usize => after = last.seq,
                    _ => break,
                }
            }
            Ok(lines)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        Ok::<_, Response>(
            (
                [
                    (header::CONTENT_TYPE, "application/x-ndjson"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"access-log.jsonl\"",
                    ),
                ],
                lines,
            )
                .into_response(),
        )
    };
    answer.await.unwrap_or_else(|refused| refused)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportParams {
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    threshold: Option<u32>,
}

/// The county's report for an administrator ([`tyokyky_engine::report`]): the documents received in the
/// period counted, every count from 1 below the threshold (5 unless given, at least 2) hidden. JSON, or
/// with `Accept: text/html` the page. One entry of the access log.
async fn county_report(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<ReportParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(&headers, Access::Audit, "report", "GET /api/report")
            .await?;
        let params = query_of(params)?;
        let threshold = params
            .threshold
            .unwrap_or(tyokyky_engine::report::DEFAULT_THRESHOLD);
        if threshold < 2 {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                format!(
                    "`threshold` must be at least 2 (a threshold of {threshold} would show single people)"
                ),
                Some("threshold"),
            ));
        }
        let until = params.until;
        let stored = with_store(shared.store.clone(), move |store| {
            store.received_as(until, &access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        // A stored document that this engine cannot read is left out (a store keeps documents of the
        // schema versions it accepted).
        let received: Vec<tyokyky_engine::report::Received> = stored
            .into_iter()
            .filter_map(|(document, received_at)| {
                let document =
                    tyokyky_engine::document::Document::decode(document.to_string().as_bytes()).ok()?;
                Some(tyokyky_engine::report::Received {
                    document,
                    received_at,
                })
            })
            .collect();
        let report = tyokyky_engine::report::report(&received, params.since, params.until, threshold);
        let html = headers
            .get(header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
        Ok::<_, Response>(if html {
            (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                report.to_html(&|_| None),
            )
                .into_response()
        } else {
            axum::Json(report).into_response()
        })
    };
    answer.await.unwrap_or_else(|refused| refused)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForwardParams {
    state: Option<ForwardState>,
    after: Option<i64>,
    limit: Option<u32>,
}

/// A page of the relay's forwards, oldest first, in one state or all, for an administrator.
async fn list_forwards(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<ForwardParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(&headers, Access::Relay, "list_forwards", "GET /api/forwards")
            .await?;
        let params = query_of(params)?;
        let limit = page_limit(params.limit, MAX_PAGE)?;
        let (state, after) = (params.state, params.after.unwrap_or(0));
        let forwards = with_store(shared.store.clone(), move |store| {
            store.forwards_as(state, after, limit, &access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        let next_after = forwards
            .last()
            .filter(|_| forwards.len() == limit as usize)
            .map(|last| last.seq);
        Ok::<_, Response>(
            axum::Json(serde_json::json!({ "forwards": forwards, "next_after": next_after })).into_response(),
        )
    };
    answer.await.unwrap_or_else(|refused| refused)
}

/// A dead forward made pending again, its attempts reset, for an administrator (once the downstream is
/// fixed): the forward as it is now.
async fn replay_forward(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(
                &headers,
                Access::Relay,
                "replay_forward",
                "POST /api/forwards/{id}/replay",
            )
            .await?;
        let id = Uuid::parse_str(&id).map_err(|_| {
            error(
                StatusCode::BAD_REQUEST,
                "invalid_forward_id",
                format!("`{id}` is not a forward id (a UUID)"),
                None,
            )
        })?;
        match with_store(shared.store.clone(), move |store| {
            store.replay_forward_as(id, &access)
        })
        .await
        {
            Ok(Replayed::Replayed(forward)) => Ok(axum::Json(forward).into_response()),
            Ok(Replayed::NotDead(state)) => Err(error(
                StatusCode::CONFLICT,
                "forward_not_dead",
                format!(
                    "forward `{id}` is {}; only a dead forward is replayed",
                    state.as_str()
                ),
                None,
            )),
            Ok(Replayed::NotFound) => Err(error(
                StatusCode::NOT_FOUND,
                "not_found",
                format!("no forward `{id}`"),
                None,
            )),
            Err(failure) => Err(store_failed(&failure)),
        }
    };
    answer.await.unwrap_or_else(|refused| refused)
}

/// Every dead forward made pending again, for an administrator: how many.
async fn replay_dead_forwards(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(
                &headers,
                Access::Relay,
                "replay_forward",
                "POST /api/forwards/replay",
            )
            .await?;
        let replayed = with_store(shared.store.clone(), move |store| {
            store.replay_dead_forwards_as(&access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        Ok::<_, Response>(axum::Json(serde_json::json!({ "replayed": replayed })).into_response())
    };
    answer.await.unwrap_or_else(|refused| refused)
}

/// Checks the access log's chain of hashes, for an administrator: intact with the count and the newest
/// entry's hash (to note and compare later), or where it breaks.
async fn verify_access_log(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(
                &headers,
                Access::Audit,
                "verify_log",
                "GET /api/access-log/verify",
            )
            .await?;
        let verification = with_store(shared.store.clone(), move |store| {
            store.log_access(&access, chrono::Utc::now())?;
            store.verify_access_log()
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        Ok::<_, Response>(match verification {
            store::LogVerification::Intact { entries, head } => {
                axum::Json(serde_json::json!({ "intact": true, "entries": entries, "head": head }))
                    .into_response()
            }
            store::LogVerification::Broken { seq, why } => {
                axum::Json(serde_json::json!({ "intact": false, "broken_at": seq, "why": why }))
                    .into_response()
            }
        })
    };
    answer.await.unwrap_or_else(|refused| refused)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientParams {
    reference: Option<String>,
    case_reference: Option<String>,
}

/// A client's own view of who used their data, for an administrator to give them: by the short
/// reference they were shown, or by the case's reference in the host system.
async fn client_view(
    State(shared): State<Shared>,
    headers: HeaderMap,
    params: Result<Query<ClientParams>, QueryRejection>,
) -> Response {
    let answer = async {
        let (_, access) = shared
            .allow(
                &headers,
                Access::Audit,
                "client_view",
                "GET /api/access-log/client",
            )
            .await?;
        let params = query_of(params)?;
        let reference = params.reference.as_deref().map(short_reference).transpose()?;
        let case_reference = params.case_reference.filter(|text| !text.trim().is_empty());
        if reference.is_none() && case_reference.is_none() {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                "give the client's short `reference` or the `case_reference` of their case",
                None,
            ));
        }
        let view = with_store(shared.store.clone(), move |store| {
            store.client_view(reference.as_ref(), case_reference.as_deref(), &access)
        })
        .await
        .map_err(|failure| store_failed(&failure))?;
        Ok(axum::Json(view).into_response())
    };
    answer.await.unwrap_or_else(|refused| refused)
}

/// Whether the store answers; how many documents it holds only for a worker or admin.
async fn health(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let detailed = match shared.caller(&headers).await {
        Ok(caller) => caller.is_some_and(|caller| caller.holds_any(Access::Read.roles())),
        Err(refused) => return refused,
    };
    // Without a credential (a load balancer's frequent check) nothing is counted.
    let checked = with_store(shared.store, move |store| {
        if detailed {
            store.health().map(Some)
        } else {
            store.up().map(|()| None)
        }
    });
    match checked.await {
        Ok(Some(documents)) => axum::Json(serde_json::json!({
            "status": "ok",
            "documents": documents,
            "schema_version": tyokyky_engine::document::SCHEMA_VERSION,
        }))
        .into_response(),
        Ok(None) => axum::Json(serde_json::json!({ "status": "ok" })).into_response(),
        Err(failure) => store_failed(&failure),
    }
}

#[cfg(test)]
mod tests {
    use http_body_util::BodyExt;
    use rusqlite::ffi;

    use super::*;
    use crate::store::DbError;

    fn sqlite_error(code: std::os::raw::c_int) -> StoreError {
        StoreError::Database(DbError::Sqlite(rusqlite::Error::SqliteFailure(
            ffi::Error::new(code),
            None,
        )))
    }

    /// Every storage fault is a 503 with `Retry-After` and a code and message naming the cause; never a 500.
    #[tokio::test]
    async fn each_storage_fault_is_a_503_naming_its_cause() {
        for (failure, code, words) in [
            (sqlite_error(ffi::SQLITE_FULL), "storage_full", "disk is full"),
            (
                sqlite_error(ffi::SQLITE_READONLY),
                "storage_read_only",
                "read-only",
            ),
            (
                sqlite_error(ffi::SQLITE_READONLY_DBMOVED),
                "storage_read_only",
                "read-only",
            ),
            (
                sqlite_error(ffi::SQLITE_BUSY),
                "storage_busy",
                "locked by another process",
            ),
            (
                sqlite_error(ffi::SQLITE_LOCKED),
                "storage_busy",
                "locked by another process",
            ),
            (
                sqlite_error(ffi::SQLITE_IOERR_WRITE),
                "storage_io_error",
                "failed to read or write",
            ),
            (
                sqlite_error(ffi::SQLITE_IOERR_FSYNC),
                "storage_io_error",
                "failed to read or write",
            ),
            (
                sqlite_error(ffi::SQLITE_CANTOPEN),
                "storage_unavailable",
                "cannot be used",
            ),
            (StoreError::Poisoned, "storage_unavailable", "cannot be used"),
            (
                StoreError::Database(DbError::Pool("timed out waiting for connection".to_owned())),
                "storage_unavailable",
                "cannot be used",
            ),
        ] {
            let response = store_failed(&failure);
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{failure}");
            assert_eq!(response.headers()[header::RETRY_AFTER], "2");
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(body["error"]["code"], code, "{failure}");
            let message = body["error"]["message"].as_str().unwrap();
            assert!(
                message.contains(words) && message.contains("nothing was stored"),
                "{message}"
            );
            assert_eq!(body["error"].get("field"), None);
        }
    }
}
