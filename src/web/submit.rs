//! Posting a document to the inbox (or any backend that speaks the same contract): where to, with which
//! headers (a host page may hand over an access token at run time), and what the answer means.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::net::http::Request;
use tyokyky_engine::document::{DocumentKind, Receipt, rfc3339};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use crate::state::config::{Adapter, Route};

/// A backend's 2xx answer: the receipt (the backend's own, or one made from the key and the time) and
/// the address the backend named for the stored document (`Location`), when it named one and, across
/// origins, exposed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The receipt.
    pub receipt: Receipt,
    /// The answer's `Location` header.
    pub location: Option<String>,
}

impl From<Receipt> for Delivered {
    fn from(receipt: Receipt) -> Delivered {
        Delivered {
            receipt,
            location: None,
        }
    }
}

/// Why a document was not delivered, in terms a person can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// No answer at all: offline, the server down, or the request blocked.
    Network,
    /// The server could not take it now (5xx, 408, 429); trying again later may work.
    Server {
        /// The HTTP status.
        status: u16,
        /// Seconds the server asked to wait (`Retry-After`), if it said.
        retry_after: Option<u32>,
    },
    /// The server refused the document (another 4xx); sending it again unchanged will not help.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The server's explanation (in English, for logs and the host page).
        message: String,
        /// What the contract's error body says: its code and the field it names.
        refusal: Refusal,
    },
}

/// A refusal as the contract's error body gives it (`{"error": {"code", "message", "field"?}}`): empty for
/// a backend that answers without one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Refusal {
    /// The stable code, e.g. `invalid_document`.
    pub code: String,
    /// The field concerned, as a dotted path, e.g. `answers.phone`.
    pub field: Option<String>,
}

/// Where documents go and which headers go with them. The headers can change at run time (a host page
/// refreshing its access token); two transports are equal when they share the same settings.
#[derive(Debug, Clone)]
pub struct Transport {
    /// The URL documents are posted to unless a route says otherwise.
    pub endpoint: Rc<str>,
    /// Extra headers, e.g. `Authorization: Bearer …`, sent to the endpoint's origin only.
    pub headers: Rc<RefCell<Vec<(String, String)>>>,
    /// Where documents of a kind go instead, and how (`data-delivery`).
    pub routes: Rc<[Route]>,
    /// The FHIR adapter's converter (the loader's, which imports the FHIR module when first called);
    /// `None` where no route needs it.
    pub fhir: Option<js_sys::Function>,
}

impl PartialEq for Transport {
    fn eq(&self, other: &Transport) -> bool {
        Rc::ptr_eq(&self.endpoint, &other.endpoint) && Rc::ptr_eq(&self.headers, &other.headers)
    }
}

impl Transport {
    /// Posting to `endpoint` with no extra headers.
    pub fn new(endpoint: &str) -> Transport {
        Transport {
            endpoint: Rc::from(endpoint),
            headers: Rc::new(RefCell::new(Vec::new())),
            routes: Rc::new([]),
            fhir: None,
        }
    }

    /// Sets (or, with `None`, removes) the bearer token sent with every document.
    pub fn set_token(&self, token: Option<&str>) {
        let mut headers = self.headers.borrow_mut();
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
        if let Some(token) = token.filter(|token| !token.is_empty()) {
            headers.push(("Authorization".to_owned(), ["Bearer ", token].concat()));
        }
    }

    /// Posts a document of `kind` (its JSON), or a sealed envelope to `…/sealed` beside the documents'
    /// endpoint, as its route says: the JSON to the endpoint or the route's address, or, for a FHIR
    /// server, the document as a FHIR transaction made by the FHIR module. Its idempotency key goes also
    /// as the `Idempotency-Key` header, so that a backend can store it once without reading the body.
    /// Any 2xx answer means the backend took it: its receipt is read when the answer is this product's
    /// receipt for the same key, and otherwise made from the key and the time (a webhook's 204, a
    /// queue's 202, an API's own JSON, a FHIR server's transaction response are all a delivery, never
    /// retried); the answer's `Location` goes with it.
    pub async fn send(
        &self,
        kind: DocumentKind,
        key: Uuid,
        document: &str,
        sealed: bool,
    ) -> Result<Delivered, SendFailure> {
        let route = self.routes.iter().find(|route| route.kind == kind && !sealed);
        let (url, body, media) = match route {
            None if sealed => (
                crate::web::backend::address(self, "sealed"),
                document.to_owned(),
                "application/json",
            ),
            None => (self.endpoint.to_string(), document.to_owned(), "application/json"),
            Some(route) if route.adapter == Adapter::Fhir => (
                route.url.clone(),
                crate::web::fhir::transaction(self.fhir.as_ref(), document).await?,
                "application/fhir+json",
            ),
            Some(route) => (route.url.clone(), document.to_owned(), "application/json"),
        };
        let mut request = Request::post(&url)
            .header("Accept", media)
            .header("Content-Type", media)
            .header(
                "Idempotency-Key",
                key.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
            );
        if origin(&url) == origin(&self.endpoint) {
            for (name, value) in self.headers.borrow().iter() {
                request = request.header(name, value);
            }
        }
        let request = request.body(body).map_err(|_| SendFailure::Network)?;
        let response = request.send().await.map_err(|_| SendFailure::Network)?;
        let status = response.status();
        if (200..300).contains(&status) {
            let location = response.headers().get("location");
            let text = response.text().await.unwrap_or_default();
            return Ok(Delivered {
                receipt: accepted(key, &text),
                location,
            });
        }
        if status >= 500 || status == 408 || status == 429 {
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|value| retry_after_seconds(&value, js_sys::Date::now()));
            return Err(SendFailure::Server { status, retry_after });
        }
        let text = response.text().await.unwrap_or_default();
        let (message, refusal) =
            refusal(&text).unwrap_or_else(|| (format!("HTTP {status}"), Refusal::default()));
        Err(SendFailure::Rejected {
            status,
            message,
            refusal,
        })
    }
}

/// The origin of an absolute address (`https://host:port`), or the empty text for one relative to the
/// page: a host's headers (its token) go only to the origin of the documents' endpoint.
fn origin(url: &str) -> &str {
    match url.find("://") {
        Some(scheme) => {
            let rest = &url[scheme + 3..];
            &url[..scheme + 3 + rest.find('/').unwrap_or(rest.len())]
        }
        None => "",
    }
}

/// The seconds a `Retry-After` value asks to wait: a number of seconds, or an HTTP date (read by the
/// browser's date parser) less `now` (ms since the epoch), never below zero.
fn retry_after_seconds(value: &str, now: f64) -> Option<u32> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u32>() {
        return Some(seconds);
    }
    let at = js_sys::Date::parse(value);
    if at.is_nan() {
        return None;
    }
    let seconds = ((at - now) / 1000.0).ceil().clamp(0.0, f64::from(u32::MAX));
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped above"
    )]
    Some(seconds as u32)
}

/// The text field `name` of the JSON object `object`.
fn text_field(object: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// The receipt of a 2xx answer: this product's receipt for `key` in `body`, or one made from the key
/// and the time the answer came (a backend of another kind).
#[inline(never)]
fn accepted(key: Uuid, body: &str) -> Receipt {
    receipt(body)
        .filter(|receipt| receipt.idempotency_key == key)
        .unwrap_or_else(|| Receipt {
            document_id: key,
            idempotency_key: key,
            received_at: chrono::Utc::now(),
        })
}

/// The receipt in a 2xx answer's body (`{document_id, idempotency_key, received_at}`), read with the
/// browser's JSON parser: the public bundle carries no JSON decoder of its own.
fn receipt(body: &str) -> Option<Receipt> {
    let value = js_sys::JSON::parse(body).ok()?;
    Some(Receipt {
        document_id: Uuid::parse_str(&text_field(&value, "document_id")?).ok()?,
        idempotency_key: Uuid::parse_str(&text_field(&value, "idempotency_key")?).ok()?,
        received_at: rfc3339::parse(&text_field(&value, "received_at")?)?,
    })
}

/// The message and the refusal of an error body (`{"error": {"code", "message", "field"?}}`).
pub fn refusal(body: &str) -> Option<(String, Refusal)> {
    let value = js_sys::JSON::parse(body).ok()?;
    let error = js_sys::Reflect::get(&value, &JsValue::from_str("error")).ok()?;
    let code = text_field(&error, "code")?;
    let message = text_field(&error, "message")?;
    Some((
        message,
        Refusal {
            code,
            field: text_field(&error, "field"),
        },
    ))
}
