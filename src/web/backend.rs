//! What the worker flow reads from and saves to the backend besides posting documents: drafts
//! (`PUT`/`GET`/`DELETE …/drafts/{id}`, `GET …/drafts`) and the stored documents it lists and reopens
//! (`GET …/documents?kind=…`, `GET …/documents/{id}`). The addresses sit beside the documents' endpoint
//! (`…/api/documents` → `…/api/drafts`), and every request carries the transport's headers, so the
//! worker's credential is the one the host handed over.

use gloo::net::http::{Request, RequestBuilder};

use crate::web::submit::Transport;

/// Why a request to the backend did not do what was asked, in terms a person can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer, or the server could not answer now (5xx, 408, 429): trying again later may work.
    Unreachable,
    /// The backend has no such service (404 or 405 on the collection, 501): it does not keep drafts.
    NotSupported,
    /// A save whose version is not the next one: the draft was changed elsewhere (409 `draft_conflict`)
    /// or the backend lacks versions (409 `draft_version_gap`).
    Conflict {
        /// Whether versions are missing rather than taken.
        gap: bool,
    },
    /// Nothing under that address (404 on one item).
    NotFound,
    /// Refused for another reason, with the backend's explanation.
    Refused(String),
}

/// The address of `path` (such as `drafts/…`) beside the documents' endpoint.
pub fn address(transport: &Transport, path: &str) -> String {
    let endpoint = transport.endpoint.trim_end_matches('/');
    let base = endpoint.strip_suffix("/documents").unwrap_or(endpoint);
    format!("{base}/{path}")
}

fn with_headers(transport: &Transport, mut request: RequestBuilder) -> RequestBuilder {
    request = request.header("Accept", "application/json");
    for (name, value) in transport.headers.borrow().iter() {
        request = request.header(name, value);
    }
    request
}

/// The failure a status other than 2xx means; `collection` tells a missing service from a missing item.
async fn failure(response: gloo::net::http::Response, collection: bool) -> Failure {
    let status = response.status();
    if (status >= 500 && status != 501) || status == 408 || status == 429 {
        return Failure::Unreachable;
    }
    // The contract's error body, read as a refusal is (`{"error": {"code", "message", "field"?}}`).
    let body = response.text().await.unwrap_or_default();
    let refused = crate::web::submit::refusal(&body);
    let code = refused
        .as_ref()
        .map(|(_, refusal)| refusal.code.as_str())
        .unwrap_or_default();
    match status {
        404 if collection => Failure::NotSupported,
        405 | 501 => Failure::NotSupported,
        404 => Failure::NotFound,
        409 => Failure::Conflict {
            gap: code == "draft_version_gap",
        },
        _ => Failure::Refused(refused.map_or_else(|| format!("HTTP {status}"), |(message, _)| message)),
    }
}

/// Sends `request` and returns the body of a 2xx answer.
async fn text_of(request: Result<Request, gloo::net::Error>, collection: bool) -> Result<String, Failure> {
    let request = request.map_err(|_| Failure::Unreachable)?;
    let response = request.send().await.map_err(|_| Failure::Unreachable)?;
    if (200..300).contains(&response.status()) {
        return response.text().await.map_err(|_| Failure::Unreachable);
    }
    Err(failure(response, collection).await)
}

/// Reads `path` (JSON text). `collection`: a 404 means the backend lacks the service, not the item.
pub async fn get(transport: &Transport, path: &str, collection: bool) -> Result<String, Failure> {
    let request = with_headers(transport, Request::get(&address(transport, path))).build();
    text_of(request, collection).await
}

/// Saves a draft's version (its JSON) under `id`.
pub async fn put_draft(transport: &Transport, id: &str, draft: String) -> Result<(), Failure> {
    let request = with_headers(
        transport,
        Request::put(&address(transport, &format!("drafts/{id}"))),
    )
    .header("Content-Type", "application/json")
    .body(draft);
    // A 404 on saving means there is no drafts service at all (the address names no item that must exist).
    text_of(request, true).await.map(|_| ())
}

/// Removes a draft (its plan is finished): best effort, a draft left behind is listed and can be removed.
pub async fn delete_draft(transport: &Transport, id: &str) {
    let request = with_headers(
        transport,
        Request::delete(&address(transport, &format!("drafts/{id}"))),
    )
    .build();
    if let Ok(request) = request {
        let _ = request.send().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drafts_sit_beside_the_documents() {
        for (endpoint, expected) in [
            ("/api/documents", "/api/drafts/x"),
            (
                "https://inbox.example.fi/api/documents/",
                "https://inbox.example.fi/api/drafts/x",
            ),
            (
                "https://backend.example.fi/tyokyky",
                "https://backend.example.fi/tyokyky/drafts/x",
            ),
        ] {
            assert_eq!(address(&Transport::new(endpoint), "drafts/x"), expected);
        }
    }
}
