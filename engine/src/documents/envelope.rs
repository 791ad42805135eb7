//! The document contract: versioned JSON documents posted by the app and stored by a backend.
//!
//! Every document is an envelope (schema version, kind, idempotency key, creation time, language) around
//! the answers of one kind. Decoding checks the schema version first, so a document from a newer app is
//! refused by name instead of by whatever field happens to differ. Values are validated by their types
//! (a [`WorkAbilityScore`] cannot be 11, a [`FreeText`] cannot exceed [`crate::text::MAX_FREE_TEXT_CHARS`]), so a
//! decoded [`Document`] is always a valid one. The JSON is read strictly ([`crate::documents::json`]): a key
//! written twice or NUL in a text is refused, so no other reader can take the document to say otherwise.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::text::{FreeText, Language};

/// The schema version this engine writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The single-item work-ability score: current work ability against its lifetime best of 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("maximum" = 10)))]
#[serde(try_from = "u8", into = "u8")]
pub struct WorkAbilityScore(u8);

impl WorkAbilityScore {
    /// The highest score: work ability at its lifetime best.
    pub const MAX: u8 = 10;

    /// The score, if `value` is from 0 to 10.
    pub fn new(value: u8) -> Option<WorkAbilityScore> {
        (value <= Self::MAX).then_some(WorkAbilityScore(value))
    }

    /// The score as a number from 0 to 10.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for WorkAbilityScore {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        WorkAbilityScore::new(value)
            .ok_or_else(|| format!("must be a whole number from 0 to 10, got `{value}`"))
    }
}

impl From<WorkAbilityScore> for u8 {
    fn from(score: WorkAbilityScore) -> u8 {
        score.0
    }
}

/// Answers of the work-ability check: the score and what would help most.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkAbilityCheck {
    /// "If your work ability at its best is 10, what is it now?"
    pub work_ability_score: WorkAbilityScore,
    /// "What would help you most?" (may be empty).
    pub what_would_help: FreeText,
}

/// What kind of document an envelope holds; the `kind` field of the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A [`WorkAbilityCheck`].
    WorkAbilityCheck,
    /// A finished client plan ([`crate::documents::plan::ClientPlan`]).
    ClientPlan,
    /// A request to be contacted ([`crate::documents::contact::ContactRequest`]).
    ContactRequest,
    /// Anonymous feedback ([`crate::documents::feedback::Feedback`]).
    Feedback,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::WorkAbilityCheck,
        DocumentKind::ClientPlan,
        DocumentKind::ContactRequest,
        DocumentKind::Feedback,
    ];

    /// The kind named `name` (as [`DocumentKind::as_str`] writes it).
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The name used in JSON and in the inbox's `kind` filter.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::WorkAbilityCheck => "work_ability_check",
            DocumentKind::ClientPlan => "client_plan",
            DocumentKind::ContactRequest => "contact_request",
            DocumentKind::Feedback => "feedback",
        }
    }
}

/// The answers of a document, tagged by kind (`"kind"` and `"answers"` in the JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "answers", rename_all = "snake_case")]
pub enum DocumentBody {
    /// A work-ability check.
    WorkAbilityCheck(WorkAbilityCheck),
    /// A finished client plan with the findings that judged it.
    ClientPlan(Box<crate::documents::plan::ClientPlan>),
    /// A request to be contacted.
    ContactRequest(Box<crate::documents::contact::ContactRequest>),
    /// Anonymous feedback.
    Feedback(crate::documents::feedback::Feedback),
}

impl DocumentBody {
    /// The kind of this body.
    pub fn kind(&self) -> DocumentKind {
        match self {
            DocumentBody::WorkAbilityCheck(_) => DocumentKind::WorkAbilityCheck,
            DocumentBody::ClientPlan(_) => DocumentKind::ClientPlan,
            DocumentBody::ContactRequest(_) => DocumentKind::ContactRequest,
            DocumentBody::Feedback(_) => DocumentKind::Feedback,
        }
    }
}

/// A versioned document, as posted to a backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] for documents this engine makes.
    pub schema_version: u32,
    /// Chosen by the client once per document and kept across retries, so a backend can store a
    /// document exactly once however often it is sent.
    pub idempotency_key: Uuid,
    /// When the client made the document (the client's clock; the backend's receipt time is the one that
    /// counts as the moment of contact).
    pub created_at: DateTime<Utc>,
    /// The language the person used.
    pub lang: Language,
    /// Kind and answers.
    #[serde(flatten)]
    pub body: DocumentBody,
}

/// A citizen's document as [`Document`] writes it: the same fields in the same order, the body one of the
/// citizen's kinds (see [`Document::citizen_json`]).
#[derive(Serialize)]
struct CitizenDocument<'a> {
    schema_version: u32,
    idempotency_key: &'a Uuid,
    created_at: &'a DateTime<Utc>,
    lang: &'a Language,
    #[serde(flatten)]
    body: CitizenBody<'a>,
}

/// The kinds of [`DocumentBody`] a citizen sends, tagged as it tags them.
#[derive(Serialize)]
#[serde(tag = "kind", content = "answers", rename_all = "snake_case")]
enum CitizenBody<'a> {
    WorkAbilityCheck(&'a WorkAbilityCheck),
    ContactRequest(&'a crate::documents::contact::ContactRequest),
    Feedback(&'a crate::documents::feedback::Feedback),
}

/// The envelope as it arrives, before the answers are read by kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireDocument {
    schema_version: u32,
    kind: DocumentKind,
    idempotency_key: Uuid,
    #[serde(deserialize_with = "rfc3339::deserialize")]
    created_at: DateTime<Utc>,
    lang: Language,
    answers: serde_json::Value,
}

impl Document {
    /// A document of the current schema version.
    pub fn new(
        idempotency_key: Uuid,
        created_at: DateTime<Utc>,
        lang: Language,
        body: DocumentBody,
    ) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            idempotency_key,
            created_at,
            lang,
            body,
        }
    }

    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string and no value is a float.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The same JSON as [`Document::to_json`] for the kinds a citizen sends (a work-ability check, a
    /// contact request, feedback), written without the client plan's serializer, so that a bundle that
    /// sends only these does not carry the plan's (and the case's) serialization code; `None` for a plan.
    pub fn citizen_json(&self) -> Option<String> {
        let body = match &self.body {
            DocumentBody::WorkAbilityCheck(check) => CitizenBody::WorkAbilityCheck(check),
            DocumentBody::ContactRequest(request) => CitizenBody::ContactRequest(request),
            DocumentBody::Feedback(feedback) => CitizenBody::Feedback(feedback),
            DocumentBody::ClientPlan(_) => return None,
        };
        let document = CitizenDocument {
            schema_version: self.schema_version,
            idempotency_key: &self.idempotency_key,
            created_at: &self.created_at,
            lang: &self.lang,
            body,
        };
        serde_json::to_string(&document).ok()
    }

    /// Reads and validates a document from JSON bytes.
    pub fn decode(bytes: &[u8]) -> Result<Document, DecodeError> {
        let value = read_json(bytes)?;
        let serde_json::Value::Object(fields) = &value else {
            return Err(DecodeError::NotAnObject);
        };
        match fields.get("schema_version") {
            None => {
                return Err(DecodeError::Invalid {
                    path: "schema_version".into(),
                    message: "missing field".into(),
                });
            }
            Some(found) if found.as_u64() != Some(u64::from(SCHEMA_VERSION)) => {
                return Err(DecodeError::UnsupportedSchemaVersion {
                    found: found.to_string(),
                });
            }
            Some(_) => {}
        }
        let wire: WireDocument = from_value(value, "")?;
        if wire.idempotency_key.is_nil() {
            return Err(DecodeError::Invalid {
                path: "idempotency_key".into(),
                message: NIL_KEY_MESSAGE.into(),
            });
        }
        let body = match wire.kind {
            DocumentKind::WorkAbilityCheck => {
                DocumentBody::WorkAbilityCheck(from_value(wire.answers, "answers")?)
            }
            DocumentKind::ClientPlan => {
                let plan: crate::documents::plan::ClientPlan = from_value(wire.answers, "answers")?;
                plan.check().map_err(checked)?;
                if plan
                    .revision()
                    .is_some_and(|revision| revision.supersedes == wire.idempotency_key)
                {
                    return Err(checked((
                        format!("{}.supersedes", crate::documents::plan::REVISION_PATH),
                        "a plan cannot replace itself: name the idempotency key of the earlier version"
                            .to_owned(),
                    )));
                }
                DocumentBody::ClientPlan(Box::new(plan))
            }
            DocumentKind::ContactRequest => {
                let request: crate::documents::contact::ContactRequest = from_value(wire.answers, "answers")?;
                request.check().map_err(checked)?;
                DocumentBody::ContactRequest(Box::new(request))
            }
            DocumentKind::Feedback => {
                let feedback: crate::documents::feedback::Feedback = from_value(wire.answers, "answers")?;
                feedback.check().map_err(checked)?;
                DocumentBody::Feedback(feedback)
            }
        };
        Ok(Document {
            schema_version: wire.schema_version,
            idempotency_key: wire.idempotency_key,
            created_at: wire.created_at,
            lang: wire.lang,
            body,
        })
    }
}

/// Why the nil UUID is refused as a key or id: every client that forgot to make one would share it.
const NIL_KEY_MESSAGE: &str =
    "must not be the nil UUID (all zeros): make a new random UUID (version 4) for each document";

/// The JSON value of `bytes`, read strictly ([`crate::documents::json`]): not JSON is a syntax error; a
/// key written twice or NUL in a text is an invalid field.
pub(crate) fn read_json(bytes: &[u8]) -> Result<serde_json::Value, DecodeError> {
    crate::documents::json::parse(bytes).map_err(|problem| match problem {
        crate::documents::json::StrictError::Syntax(source) => DecodeError::Syntax {
            line: source.line(),
            column: source.column(),
            message: syntax_message(&source),
        },
        crate::documents::json::StrictError::Ambiguous { path, message } => {
            DecodeError::Invalid { path, message }
        }
    })
}

/// A problem found by a body's own check (field below `answers`, message).
fn checked((field, message): (String, String)) -> DecodeError {
    DecodeError::Invalid {
        path: format!("answers.{field}"),
        message,
    }
}

/// Deserializes `value`, naming the path of the first problem below `prefix`.
pub(crate) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let inner = error.path().to_string();
        let path = match (prefix, inner.as_str()) {
            (prefix, ".") => prefix.to_owned(),
            ("", inner) => inner.to_owned(),
            (prefix, inner) => format!("{prefix}.{inner}"),
        };
        let message = error.into_inner().to_string();
        // A missing or unknown field is reported by serde one level up; name the field itself.
        match field_in_message(&message) {
            Some((what, field)) => DecodeError::Invalid {
                path: if path.is_empty() {
                    field
                } else if path == field || path.ends_with(&format!(".{field}")) {
                    path
                } else {
                    format!("{path}.{field}")
                },
                message: what.into(),
            },
            None => DecodeError::Invalid { path, message },
        }
    })
}

/// Splits serde's "missing field `x`" / "unknown field `x`, expected …" into a message and the field.
fn field_in_message(message: &str) -> Option<(&'static str, String)> {
    for (prefix, what) in [
        ("missing field `", "missing field"),
        ("unknown field `", "unknown field"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let field = rest.split('`').next().unwrap_or_default();
            return Some((what, field.to_owned()));
        }
    }
    None
}

/// serde_json's message without its " at line L column C" tail (the position is kept separately).
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

/// Why a document could not be read. Each variant names what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not JSON.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// The JSON is not an object.
    NotAnObject,
    /// The document declares a schema version this engine does not read.
    UnsupportedSchemaVersion {
        /// The value found, as JSON.
        found: String,
    },
    /// A field is missing, unknown, of the wrong type or out of range, written twice in its object, or
    /// holds the NUL character; or the idempotency key is the nil UUID.
    Invalid {
        /// Dotted path of the field, e.g. `answers.work_ability_score`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl DecodeError {
    /// A stable, machine-readable code for API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            DecodeError::Syntax { .. } | DecodeError::NotAnObject => "malformed_json",
            DecodeError::UnsupportedSchemaVersion { .. } => "unsupported_schema_version",
            DecodeError::Invalid { .. } => "invalid_document",
        }
    }

    /// The field the problem is in, if it is about one field.
    pub fn field(&self) -> Option<&str> {
        match self {
            DecodeError::Invalid { path, .. } => (!path.is_empty()).then_some(path.as_str()),
            DecodeError::UnsupportedSchemaVersion { .. } => Some("schema_version"),
            DecodeError::Syntax { .. } | DecodeError::NotAnObject => None,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Syntax {
                line,
                column,
                message,
            } => {
                write!(f, "malformed JSON at line {line} column {column}: {message}")
            }
            DecodeError::NotAnObject => write!(f, "a document must be a JSON object"),
            DecodeError::UnsupportedSchemaVersion { found } => {
                write!(
                    f,
                    "unsupported schema_version `{found}` (this version reads {SCHEMA_VERSION})"
                )
            }
            DecodeError::Invalid { path, message } if path.is_empty() => write!(f, "{message}"),
            DecodeError::Invalid { path, message } => write!(f, "`{path}`: {message}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// What a backend answers when it has stored a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The backend's id for the stored document.
    pub document_id: Uuid,
    /// The document's idempotency key, echoed.
    pub idempotency_key: Uuid,
    /// When the backend received the document: the moment of contact.
    #[serde(deserialize_with = "rfc3339::deserialize")]
    pub received_at: DateTime<Utc>,
}

/// Date-times as RFC 3339 (`2026-11-22T09:00:00Z`, `2026-11-22T11:00:00.25+02:00`), read by hand: chrono's
/// general parser (every strftime item and fixed format) would weigh on the browser bundle for one fixed
/// form.
pub mod rfc3339 {
    use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
    use serde::{Deserialize, Deserializer};

    /// The instant `text` names, or `None` if it is not an RFC 3339 date-time: a date, `T` (or `t` or a
    /// space), hours, minutes, seconds, optional fractions of a second, and `Z` or an offset `±HH:MM`.
    pub fn parse(text: &str) -> Option<DateTime<Utc>> {
        let bytes = text.as_bytes();
        let two = |at: usize| -> Option<u32> {
            match bytes.get(at..at + 2)? {
                [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
                    Some(u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
                }
                _ => None,
            }
        };
        let date = crate::law::calendar::parse_date(text.get(..10)?).ok()?;
        if !matches!(bytes.get(10), Some(b'T' | b't' | b' '))
            || bytes.get(13) != Some(&b':')
            || bytes.get(16) != Some(&b':')
        {
            return None;
        }
        let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
        let mut at = 19;
        let mut nanos = 0u32;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let mut digits = 0;
            while let Some(digit) = bytes.get(at).filter(|byte| byte.is_ascii_digit()) {
                if digits < 9 {
                    nanos = nanos * 10 + u32::from(digit - b'0');
                    digits += 1;
                }
                at += 1;
            }
            if digits == 0 {
                return None;
            }
            nanos *= 10u32.pow(9 - digits);
        }
        let offset_seconds = match bytes.get(at..)? {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let (hours, minutes) = (two(at + 1)?, two(at + 4)?);
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let seconds = i64::from(hours * 3600 + minutes * 60);
                if *sign == b'-' { -seconds } else { seconds }
            }
            _ => return None,
        };
        let local = date.and_time(NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?);
        Some(
            local
                .checked_sub_signed(TimeDelta::try_seconds(offset_seconds)?)?
                .and_utc(),
        )
    }

    /// Serde: a date-time written as RFC 3339.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date and time in the form 2026-11-22T09:00:00Z (RFC 3339)"
            ))
        })
    }
}

/// The body of every 4xx or 5xx answer: `{"error": {"code": …, "message": …, "field": …}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorResponse {
    /// The error.
    pub error: ErrorDetail,
}

/// One error, machine-readable (`code`, `field`) and human-readable (`message`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorDetail {
    /// Stable code, e.g. `malformed_json`, `invalid_document`, `payload_too_large`.
    pub code: String,
    /// One line saying what was wrong, in English.
    pub message: String,
    /// The field concerned, as a dotted path, when the error is about one field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ErrorResponse {
    /// An error body.
    pub fn new(code: &str, message: impl Into<String>, field: Option<&str>) -> ErrorResponse {
        ErrorResponse {
            error: ErrorDetail {
                code: code.to_owned(),
                message: message.into(),
                field: field.map(str::to_owned),
            },
        }
    }
}

impl From<&DecodeError> for ErrorResponse {
    fn from(error: &DecodeError) -> ErrorResponse {
        ErrorResponse::new(error.code(), error.to_string(), error.field())
    }
}

#[cfg(test)]
mod rfc3339_tests {
    use super::rfc3339::parse;
    use chrono::{DateTime, Utc};

    #[test]
    fn reads_what_chrono_reads_for_every_rfc_3339_form() {
        for text in [
            "2026-11-22T09:00:00Z",
            "2026-11-22t09:00:00z",
            "2026-11-22 09:00:00Z",
            "2026-11-22T09:00:00.5Z",
            "2026-11-22T09:00:00.123456789Z",
            "2026-11-22T09:00:00.1234567891Z",
            "2026-11-22T11:30:00+02:30",
            "2026-01-01T01:00:00+02:00",
            "2025-12-31T23:00:00-01:00",
            "2024-02-29T00:00:00Z",
        ] {
            let chrono: Option<DateTime<Utc>> = text.parse().ok();
            assert_eq!(parse(text), chrono, "{text}");
            assert!(chrono.is_some(), "{text}");
        }
        assert_eq!(
            parse("2026-01-01T01:00:00+02:00")
                .map(|t| t.to_rfc3339())
                .as_deref(),
            Some("2025-12-31T23:00:00+00:00")
        );
    }

    #[test]
    fn refuses_what_is_not_a_date_and_time() {
        for text in [
            "",
            "2026-11-22",
            "2026-11-22T09:00:00",
            "2026-11-22T09:00Z",
            "2026-11-22T9:00:00Z",
            "2026-11-22T09:00:00.Z",
            "2026-11-22T09:00:00+0200",
            "2026-11-22T09:00:00+24:00",
            "2026-11-22T24:00:00Z",
            "2026-02-30T09:00:00Z",
            "2026-11-22T09:00:00Z ",
            "22.11.2026 09:00",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::plan::{CatalogueUsed, ClientPlan, PlanRevision, RulesUsed};

    /// A plan document with `revision`, as JSON, under the idempotency key `own`.
    fn plan_json(own: Uuid, revision: Option<PlanRevision>) -> String {
        let plan = ClientPlan {
            case: crate::forms::case::Case::default(),
            findings: Vec::new(),
            rules: RulesUsed {
                name: "tyokyky".into(),
                version: "1".into(),
                source_hash: "0".repeat(64),
            },
            catalogue: CatalogueUsed {
                county: "Esimerkin hyvinvointialue".into(),
                version: "1".into(),
            },
            consents: Vec::new(),
            sharing: Vec::new(),
            context: None,
            groups: Vec::new(),
            gaps: crate::catalogue::Gaps::default(),
        };
        let plan = match revision {
            Some(revision) => plan.with_revision(revision),
            None => plan,
        };
        Document::new(
            own,
            DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::ClientPlan(Box::new(plan)),
        )
        .to_json()
    }

    fn revision(version: u32, reason: &str) -> PlanRevision {
        PlanRevision {
            version,
            supersedes: Uuid::from_bytes([7; 16]),
            supersedes_reference: Some(crate::documents::contact::reference_code(&Uuid::from_bytes(
                [7; 16],
            ))),
            reason: reason.into(),
        }
    }

    #[test]
    fn a_citizens_document_is_written_as_every_document_is_and_a_plan_not_at_all() {
        let documents = [
            serde_json::json!({"schema_version": 1, "kind": "work_ability_check", "idempotency_key": key().to_string(),
                "created_at": "2026-12-05T09:00:00.250Z", "lang": "sv",
                "answers": {"work_ability_score": 6, "what_would_help": "Kortare dagar"}}),
            serde_json::json!({"schema_version": 1, "kind": "feedback", "idempotency_key": key().to_string(),
                "created_at": "2026-12-05T09:00:00Z", "lang": "fi",
                "answers": {"score": 7, "comment": "Selkeä \"lomake\" ♥", "channel": "kiosk"}}),
            serde_json::json!({"schema_version": 1, "kind": "contact_request", "idempotency_key": key().to_string(),
                "created_at": "2026-12-05T09:00:00Z", "lang": "en",
                "answers": {"name": "Testi Henkilö", "phone": "040 000 0000", "contact_language": "fi",
                    "preferred_time": "morning", "urgent": true, "consent_text": "Suostun.",
                    "channel": "self_service"}}),
        ];
        for json in documents {
            let document = Document::decode(json.to_string().as_bytes()).unwrap();
            assert_eq!(document.citizen_json(), Some(document.to_json()), "{json}");
        }
        let plan = Document::decode(plan_json(key(), None).as_bytes()).unwrap();
        assert_eq!(plan.citizen_json(), None);
    }

    #[test]
    fn a_plan_without_a_revision_is_version_1_and_writes_no_revision() {
        let json = plan_json(key(), None);
        assert!(!json.contains("revision"), "{json}");
        let Document {
            body: DocumentBody::ClientPlan(plan),
            ..
        } = Document::decode(json.as_bytes()).unwrap()
        else {
            panic!("not a plan");
        };
        assert_eq!((plan.version(), plan.revision()), (1, None));
    }

    #[test]
    fn a_revised_plan_names_its_version_the_plan_it_replaces_and_why() {
        let json = plan_json(key(), Some(revision(2, "Tarkistuspäivä meni; tavoite vaihtui.")));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value["answers"]["case"]["plan"]["revision"],
            serde_json::json!({
                "version": 2,
                "supersedes": "07070707-0707-0707-0707-070707070707",
                "supersedes_reference": "0W3G-E1R7",
                "reason": "Tarkistuspäivä meni; tavoite vaihtui."
            })
        );
        let Document {
            body: DocumentBody::ClientPlan(plan),
            ..
        } = Document::decode(json.as_bytes()).unwrap()
        else {
            panic!("not a plan");
        };
        assert_eq!(plan.version(), 2);
        assert_eq!(plan.revision().unwrap().supersedes, Uuid::from_bytes([7; 16]));
    }

    #[test]
    fn a_revision_numbered_below_2_or_without_a_reason_or_replacing_itself_is_refused_at_its_field() {
        let refused = |json: String| match Document::decode(json.as_bytes()) {
            Err(DecodeError::Invalid { path, message }) => (path, message),
            other => panic!("not refused as invalid: {other:?}"),
        };
        assert_eq!(
            refused(plan_json(key(), Some(revision(1, "Uusi tavoite")))),
            (
                "answers.case.plan.revision.version".to_owned(),
                "a revised plan is version 2 or later, got `1`".to_owned()
            )
        );
        assert_eq!(
            refused(plan_json(key(), Some(revision(3, "  ")))),
            (
                "answers.case.plan.revision.reason".to_owned(),
                "write why the plan was revised".to_owned()
            )
        );
        let itself = Uuid::from_bytes([7; 16]);
        assert_eq!(
            refused(plan_json(itself, Some(revision(2, "Uusi tavoite")))).0,
            "answers.case.plan.revision.supersedes"
        );
        let mut long_reference = revision(2, "Uusi tavoite");
        long_reference.supersedes_reference = Some("A".repeat(65));
        assert_eq!(
            refused(plan_json(key(), Some(long_reference))).0,
            "answers.case.plan.revision.supersedes_reference"
        );
        let without_reason = plan_json(key(), Some(revision(2, "x"))).replace(",\"reason\":\"x\"", "");
        assert_eq!(
            refused(without_reason),
            (
                "answers.case.plan.revision.reason".to_owned(),
                "missing field".to_owned()
            )
        );
    }

    fn key() -> Uuid {
        Uuid::parse_str("6f1c2b9e-4d3a-4c5b-9a8e-1f2d3c4b5a69").unwrap()
    }

    fn sample() -> Document {
        Document::new(
            key(),
            DateTime::parse_from_rfc3339("2026-11-22T10:14:14.685Z")
                .unwrap()
                .to_utc(),
            Language::SV,
            DocumentBody::WorkAbilityCheck(WorkAbilityCheck {
                work_ability_score: WorkAbilityScore::new(4).unwrap(),
                what_would_help: "Kortare arbetsdagar och stöd med <b>resor</b> \"&\" 💬".into(),
            }),
        )
    }

    #[test]
    fn round_trips_through_json() {
        let document = sample();
        assert_eq!(Document::decode(document.to_json().as_bytes()).unwrap(), document);
    }

    #[test]
    fn writes_the_documented_shape() {
        let json: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "schema_version": 1,
                "kind": "work_ability_check",
                "idempotency_key": "6f1c2b9e-4d3a-4c5b-9a8e-1f2d3c4b5a69",
                "created_at": "2026-11-22T10:14:14.685Z",
                "lang": "sv",
                "answers": {
                    "work_ability_score": 4,
                    "what_would_help": "Kortare arbetsdagar och stöd med <b>resor</b> \"&\" 💬"
                }
            })
        );
    }

    fn decode_error(json: &str) -> String {
        Document::decode(json.as_bytes()).unwrap_err().to_string()
    }

    fn with(change: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        change(value.as_object_mut().unwrap());
        value.to_string()
    }

    #[test]
    fn malformed_json_is_located() {
        assert_eq!(
            decode_error("{\"schema_version\": 1,\n  \"kind\": }"),
            "malformed JSON at line 2 column 11: expected value"
        );
        assert_eq!(decode_error("[1, 2]"), "a document must be a JSON object");
    }

    #[test]
    fn schema_version_is_checked_first() {
        let json = with(|doc| {
            doc.insert("schema_version".into(), 2.into());
            doc.insert("something_new".into(), true.into());
        });
        assert_eq!(
            decode_error(&json),
            "unsupported schema_version `2` (this version reads 1)"
        );
        let json = with(|doc| {
            doc.remove("schema_version");
        });
        assert_eq!(decode_error(&json), "`schema_version`: missing field");
        let json = with(|doc| {
            doc.insert("schema_version".into(), "1".into());
        });
        assert_eq!(
            decode_error(&json),
            "unsupported schema_version `\"1\"` (this version reads 1)"
        );
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        let json = with(|doc| {
            doc.remove("idempotency_key");
        });
        assert_eq!(decode_error(&json), "`idempotency_key`: missing field");
        let json = with(|doc| {
            doc["answers"]
                .as_object_mut()
                .unwrap()
                .remove("work_ability_score");
        });
        assert_eq!(decode_error(&json), "`answers.work_ability_score`: missing field");
        let json = with(|doc| {
            doc["answers"]
                .as_object_mut()
                .unwrap()
                .insert("hetu".into(), "010101-0101".into());
        });
        assert_eq!(decode_error(&json), "`answers.hetu`: unknown field");
        let json = with(|doc| {
            doc.insert("hetu".into(), "010101-0101".into());
        });
        assert_eq!(decode_error(&json), "`hetu`: unknown field");
    }

    #[test]
    fn values_are_validated_by_type() {
        let json = with(|doc| doc["answers"]["work_ability_score"] = 11.into());
        assert_eq!(
            decode_error(&json),
            "`answers.work_ability_score`: must be a whole number from 0 to 10, got `11`"
        );
        let json = with(|doc| doc["answers"]["work_ability_score"] = (-1).into());
        assert!(decode_error(&json).starts_with("`answers.work_ability_score`: invalid value"));
        let json = with(|doc| doc["answers"]["what_would_help"] = "x".repeat(2001).into());
        assert_eq!(
            decode_error(&json),
            "`answers.what_would_help`: must be at most 2000 characters, got 2001"
        );
        let json = with(|doc| doc["kind"] = "tax_return".into());
        assert!(decode_error(&json).starts_with("`kind`: unknown variant `tax_return`"));
        let json = with(|doc| doc["idempotency_key"] = "not-a-uuid".into());
        assert!(decode_error(&json).starts_with("`idempotency_key`: "));
        let json = with(|doc| doc["created_at"] = "yesterday".into());
        assert!(decode_error(&json).starts_with("`created_at`: "));
    }

    #[test]
    fn a_document_that_could_be_read_two_ways_is_refused_at_its_field() {
        let json = sample().to_json();
        let invalid = |json: &str| match Document::decode(json.as_bytes()) {
            Err(error @ DecodeError::Invalid { .. }) => {
                (error.field().unwrap_or_default().to_owned(), error.to_string())
            }
            other => panic!("not refused as invalid: {other:?}"),
        };
        for field in ["kind", "schema_version", "idempotency_key"] {
            let twice = json.replacen(
                &format!("\"{field}\""),
                &format!("\"{field}\":null,\"{field}\""),
                1,
            );
            assert_eq!(
                invalid(&twice),
                (
                    field.to_owned(),
                    format!("`{field}`: written twice in the same object; say each thing once")
                )
            );
        }
        let inner_twice = json.replacen(
            "\"work_ability_score\":4",
            "\"work_ability_score\":4,\"work_ability_score\":9",
            1,
        );
        assert_eq!(invalid(&inner_twice).0, "answers.work_ability_score");
        let nul = json.replacen("Kortare", "Kort\\u0000are", 1);
        assert_eq!(
            invalid(&nul),
            (
                "answers.what_would_help".to_owned(),
                "`answers.what_would_help`: text must not contain the NUL character (`\\u0000`)".to_owned()
            )
        );
        let nil = json.replacen(&key().to_string(), &Uuid::nil().to_string(), 1);
        assert_eq!(invalid(&nil).0, "idempotency_key");
    }

    #[test]
    fn receipts_and_errors_have_a_stable_shape() {
        let receipt = Receipt {
            document_id: key(),
            idempotency_key: key(),
            received_at: DateTime::UNIX_EPOCH,
        };
        let json = serde_json::to_string(&receipt).unwrap();
        assert_eq!(serde_json::from_str::<Receipt>(&json).unwrap(), receipt);
        let error = ErrorResponse::from(&DecodeError::UnsupportedSchemaVersion { found: "3".into() });
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({"error": {
                "code": "unsupported_schema_version",
                "message": "unsupported schema_version `3` (this version reads 1)",
                "field": "schema_version"
            }})
        );
    }
}
