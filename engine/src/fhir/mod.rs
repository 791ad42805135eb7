//! Every document as FHIR R4 (4.0.1) JSON, for systems that speak FHIR rather than the product's own
//! contract: the self-assessment's questionnaire as a `Questionnaire`; a contact request, a work-ability
//! check and feedback as `QuestionnaireResponse`s; a client plan as a `Bundle` of a `CarePlan`, its
//! `Goal`, a `Consent` per recorded consent, a `Provenance` (the rules' version and hash, every finding
//! with its citation), the organisation, the worker and the partners as `Organization` and
//! `Practitioner` (HL7 Finland's base profiles), and the case's answers, the service-need assessment
//! (37 §) among them, as a `QuestionnaireResponse`. [`plan::read_plan`] reads such a Bundle back into
//! the same plan document, so a backend that stores FHIR can hand a plan back for revision.
//!
//! The product's own names (code systems, extensions, questionnaires) are URNs under [`BASE`]: they name,
//! they do not resolve. `docs/fhir.md` says where each field goes and why.

pub mod answers;
pub mod examples;
pub mod plan;
pub mod questionnaire;

use serde_json::{Map, Value, json};

use crate::documents::envelope::{Document, DocumentBody};
use crate::forms::questionnaire::Questionnaire;
use crate::text::translations::Translations;
use crate::text::{Language, Texts};

/// The FHIR version of every resource written here.
pub const FHIR_VERSION: &str = "4.0.1";

/// The prefix of the product's own URNs (questionnaires, code systems, extensions, identifiers).
pub const BASE: &str = "urn:tyokyky:fhir";

/// The identifier system of a document's idempotency key (a UUID as a URN, RFC 3986).
pub const URN_SYSTEM: &str = "urn:ietf:rfc:3986";

/// HL7 Finland's base profile of `Practitioner`.
pub const FI_BASE_PRACTITIONER: &str =
    "https://hl7.fi/fhir/finnish-base-profiles/StructureDefinition/fi-base-practitioner";

/// HL7 Finland's base profile of `Organization`.
pub const FI_BASE_ORGANIZATION: &str =
    "https://hl7.fi/fhir/finnish-base-profiles/StructureDefinition/fi-base-organization";

/// FHIR's extension for a text in another language.
const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";

/// Why a resource could not be read back: where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FhirError {
    /// The element, e.g. `Bundle.entry[0].resource(CarePlan).identifier`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl std::fmt::Display for FhirError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for FhirError {}

impl FhirError {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> FhirError {
        FhirError {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// The product's URN for `kind` and `name`, e.g. `urn:tyokyky:fhir:questionnaire:self-assessment`.
pub fn urn(kind: &str, name: &str) -> String {
    format!("{BASE}:{kind}:{name}")
}

/// `text` in Finnish with its translations as FHIR translations: the element's value and its `_`
/// sibling, to be put beside each other under `name`. Each language of `translations` that translates
/// it, then what the text carries inline in a language `translations` has none for.
pub(crate) fn translated(
    object: &mut Map<String, Value>,
    name: &str,
    texts: &Texts,
    translations: &Translations,
) {
    object.insert(name.to_owned(), Value::from(texts.fi.as_str()));
    let mut languages: Vec<Language> = translations.languages().collect();
    for inline in [Language::SV, Language::EN, Language::known("fi-x-selko")] {
        if !languages.contains(&inline) {
            languages.push(inline);
        }
    }
    let extensions: Vec<Value> = languages
        .into_iter()
        .filter(|language| *language != Language::FI)
        .filter_map(|language| {
            let text = translations.text(texts, language);
            (text != texts.fi || translations.find(language, &texts.fi).is_some())
                .then(|| translation(language.tag(), text))
        })
        .collect();
    if !extensions.is_empty() {
        object.insert(format!("_{name}"), json!({ "extension": extensions }));
    }
}

fn translation(language: &str, text: &str) -> Value {
    json!({
        "url": TRANSLATION,
        "extension": [
            { "url": "lang", "valueCode": language },
            { "url": "content", "valueString": text },
        ],
    })
}

/// A document as FHIR: a plan as its [`plan::plan_bundle`], a contact request as a `Bundle` of its
/// response and, when the person shared them, the self-assessment's answers
/// ([`questionnaire::contact_request`]), the other kinds as one `QuestionnaireResponse`. `questionnaire`
/// is the self-assessment the shared answers belong to (without it, their choices are written as text).
pub fn document(document: &Document, questionnaire: Option<&Questionnaire>) -> Value {
    match &document.body {
        DocumentBody::ClientPlan(plan) => plan::plan_bundle(document, plan),
        DocumentBody::ContactRequest(request) => {
            questionnaire::contact_request(document, request, questionnaire)
        }
        DocumentBody::WorkAbilityCheck(check) => questionnaire::form_response(
            document,
            "work-ability-check",
            &serde_json::to_value(check).unwrap_or_default(),
        ),
        DocumentBody::Feedback(feedback) => questionnaire::form_response(
            document,
            "feedback",
            &serde_json::to_value(feedback).unwrap_or_default(),
        ),
    }
}

/// A document's FHIR ([`document`]) as a `transaction` Bundle to post to a FHIR server's base: every
/// resource written with `PUT <type>/<id>`, its id the UUID of its `urn:uuid:` full URL (the same for
/// the same document every time, derived from its idempotency key), so that posting the same document
/// again replaces the same resources instead of adding copies; references between the resources stay
/// `urn:uuid:` full URLs, which the server resolves within the transaction. A single resource (a
/// work-ability check, feedback) becomes a transaction of one entry.
pub fn transaction(document: &Document, questionnaire: Option<&Questionnaire>) -> Value {
    let exported = self::document(document, questionnaire);
    let key = document.idempotency_key;
    let entries = match exported.get("resourceType").and_then(Value::as_str) {
        Some("Bundle") => exported
            .get("entry")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => vec![json!({ "fullUrl": format!("urn:uuid:{key}"), "resource": exported })],
    };
    let entries: Vec<Value> = entries.into_iter().filter_map(put_entry).collect();
    json!({
        "resourceType": "Bundle",
        "identifier": { "system": URN_SYSTEM, "value": format!("urn:uuid:{key}") },
        "type": "transaction",
        "entry": entries,
    })
}

/// A Bundle entry with its `urn:uuid:` full URL as one to `PUT` under that UUID (`None` for an entry
/// without one: the export writes none such).
fn put_entry(mut entry: Value) -> Option<Value> {
    let id = entry
        .get("fullUrl")?
        .as_str()?
        .strip_prefix("urn:uuid:")?
        .to_owned();
    let resource = entry.get_mut("resource")?.as_object_mut()?;
    let kind = resource.get("resourceType")?.as_str()?.to_owned();
    resource.insert("id".to_owned(), Value::from(id.as_str()));
    entry.as_object_mut()?.insert(
        "request".to_owned(),
        json!({ "method": "PUT", "url": format!("{kind}/{id}") }),
    );
    Some(entry)
}

/// The language code of a document's language.
pub(crate) fn language_code(language: Language) -> String {
    language.tag().to_owned()
}
