//! What is sent: the plans of the probes and of the load, made up before the server starts.
//!
//! The load plan holds `--docs` new, valid, synthetic documents (a mix of work-ability checks, feedback
//! and contact requests from made-up people such as "Testi Henkilö 123") and, if asked, a share of
//! `--duplicates` (the exact bytes of a document sent earlier in the plan, possibly still in flight on
//! another connection) and `--malformed` bodies (truncated JSON, wrong media type, invalid fields).
//! Expected outcomes: new → 2xx with a receipt; duplicate → 2xx with the *same* `document_id` as its
//! original (and exactly one 201 per key); malformed → 4xx. Anything else, a transport error or a
//! timeout is an error.
//!
//! The probes (`--probes N` each, 0 to skip) find where the server's time goes, by cutting the request
//! off at successive stages: a full-size document sent as `text/plain` (refused with 415 after the body
//! is read: HTTP only), then one that is decoded and validated to the end but lacks a way to reach the
//! person (422: HTTP + JSON decoding + validation, no store). The load itself adds the store.
//!
//! Every plan comes from one generator seeded with `--seed`, so a seed always gives the same requests.

use hyper::StatusCode;
use hyper::body::Bytes;
use rand::RngExt;
use serde_json::{Value, json};
use tyokyky_engine::document::Document;
use uuid::Uuid;

use crate::BoxError;
use crate::args::Settings;

/// The plan's generator (no cryptographic use). A named algorithm rather than `SmallRng` or `StdRng`,
/// which rand may change between versions: xoshiro256++ gives the same plan for a seed everywhere.
pub type Rng = rand::rngs::Xoshiro256PlusPlus;

fn random_uuid(rng: &mut Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

const CREATED_AT: &str = "2026-11-22T09:00:00.250Z";

fn contact_request(person: usize, key: Uuid) -> Value {
    let preferred_time = ["any", "morning", "afternoon"][person % 3];
    json!({
        "schema_version": 1,
        "kind": "contact_request",
        "idempotency_key": key,
        "created_at": CREATED_AT,
        "lang": "fi",
        "answers": {
            "name": format!("Testi Henkilö {person}"),
            "email": format!("testi.henkilo.{person}@example.fi"),
            "phone": format!("+358 50 555 {:04}", person % 10_000),
            "contact_language": "fi",
            "preferred_time": preferred_time,
            "urgent": person.is_multiple_of(17),
            "consent_text": "Annan suostumukseni siihen, että minuun otetaan yhteyttä.",
            "channel": if person.is_multiple_of(2) { "self_service" } else { "kiosk" },
            "shared_answers": {
                "questionnaire": "self-assessment",
                "version": "2026.11.0",
                "answers": {
                    "work_ability_score": person % 11,
                    "goal": "work",
                    "worries": ["money", "health"],
                    "own_words": format!("Testihenkilön {person} omat sanat: jaksaminen on ollut vaihtelevaa.")
                },
                "suggested_services": ["ohjaamo"]
            }
        }
    })
}

/// A valid synthetic document; the kinds rotate so the mix resembles real traffic.
fn synthetic_document(index: usize, key: Uuid) -> Value {
    let person = index + 1;
    match index % 4 {
        0 => json!({
            "schema_version": 1,
            "kind": "work_ability_check",
            "idempotency_key": key,
            "created_at": CREATED_AT,
            "lang": "fi",
            "answers": {
                "work_ability_score": index % 11,
                "what_would_help": format!("Testi Henkilö {person}: lyhyempi työpäivä ja tuki kuntoutukseen")
            }
        }),
        1 => json!({
            "schema_version": 1,
            "kind": "feedback",
            "idempotency_key": key,
            "created_at": CREATED_AT,
            "lang": "sv",
            "answers": { "score": 1 + index % 10, "comment": format!("palaute {person}"), "channel": "kiosk" }
        }),
        _ => contact_request(person, key),
    }
}

/// What a request is, and so what answer is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A new valid document: 2xx with a receipt.
    New,
    /// The exact bytes of an earlier document: 2xx with that document's receipt.
    Duplicate,
    /// A malformed body: 4xx.
    Malformed,
    /// Probe: a valid document as `text/plain`, 415.
    ProbeMediaType,
    /// Probe: decoded and validated, lacking a way to reach the person, 422.
    ProbeInvalid,
}

impl Class {
    pub fn expected(self, status: StatusCode) -> bool {
        match self {
            Class::New | Class::Duplicate => status.is_success(),
            Class::Malformed => status.is_client_error(),
            Class::ProbeMediaType => status == StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Class::ProbeInvalid => status == StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// One request of a plan.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub class: Class,
    /// For new documents and duplicates: the index of the document.
    pub document: Option<usize>,
    pub content_type: &'static str,
    pub body: Bytes,
}

/// The new documents, as sent and as decoded by the engine (for the ceiling).
#[derive(Debug)]
pub struct Corpus {
    pub keys: Vec<Uuid>,
    pub bodies: Vec<Bytes>,
    pub decoded: Vec<Document>,
}

pub fn corpus(rng: &mut Rng, count: usize) -> Result<Corpus, BoxError> {
    let mut corpus = Corpus {
        keys: Vec::with_capacity(count),
        bodies: Vec::with_capacity(count),
        decoded: Vec::with_capacity(count),
    };
    for index in 0..count {
        let key = random_uuid(rng);
        let body = synthetic_document(index, key).to_string();
        let decoded = Document::decode(body.as_bytes()).map_err(|problem| {
            format!(
                "synthetic document {index} is not valid ({}): {body}",
                problem.code()
            )
        })?;
        corpus.keys.push(key);
        corpus.bodies.push(Bytes::from(body));
        corpus.decoded.push(decoded);
    }
    Ok(corpus)
}

/// A malformed request of one of six shapes, each with a fresh key (so that if it were stored by mistake,
/// the verification would see it).
fn malformed(rng: &mut Rng, serial: usize) -> Prepared {
    let key = random_uuid(rng);
    let person = 900_000 + serial;
    let mut document = contact_request(person, key);
    let mut content_type = "application/json";
    let body = match rng.random_range(0..6) {
        0 => {
            // Cut in half, wherever that falls (even inside a multi-byte character).
            let mut bytes = document.to_string().into_bytes();
            bytes.truncate(bytes.len() / 2);
            return Prepared {
                class: Class::Malformed,
                document: None,
                content_type,
                body: Bytes::from(bytes),
            };
        }
        1 => {
            content_type = "text/plain";
            document.to_string()
        }
        2 => {
            if let Some(answers) = document["answers"].as_object_mut() {
                answers.remove("email");
                answers.remove("phone");
            }
            document.to_string()
        }
        3 => {
            document["answers"]["shared_answers"]["answers"] = json!({ "own_words": "x".repeat(5000) });
            document.to_string()
        }
        4 => {
            document["unexpected"] = json!(true);
            document.to_string()
        }
        _ => {
            document["schema_version"] = json!(99);
            document.to_string()
        }
    };
    Prepared {
        class: Class::Malformed,
        document: None,
        content_type,
        body: Bytes::from(body),
    }
}

/// The load: every new document once, in order, with duplicates of earlier ones and malformed bodies
/// mixed in at the asked shares of all requests.
pub fn load_plan(rng: &mut Rng, settings: &Settings, corpus: &Corpus) -> Vec<Prepared> {
    let mut plan = Vec::new();
    let mut sent = 0;
    let mut malformed_serial = 0;
    while sent < corpus.bodies.len() {
        let roll: f64 = rng.random();
        if roll < settings.duplicates && sent > 0 {
            let index = rng.random_range(0..sent);
            plan.push(Prepared {
                class: Class::Duplicate,
                document: Some(index),
                content_type: "application/json",
                body: corpus.bodies[index].clone(),
            });
        } else if roll >= settings.duplicates && roll < settings.duplicates + settings.malformed {
            plan.push(malformed(rng, malformed_serial));
            malformed_serial += 1;
        } else if roll >= settings.duplicates + settings.malformed {
            plan.push(Prepared {
                class: Class::New,
                document: Some(sent),
                content_type: "application/json",
                body: corpus.bodies[sent].clone(),
            });
            sent += 1;
        }
    }
    plan
}

/// `count` requests that stop at the stage `class` probes: see the module's documentation.
pub fn probe_plan(rng: &mut Rng, class: Class, count: usize) -> Vec<Prepared> {
    (0..count)
        .map(|serial| {
            let mut document = contact_request(800_000 + serial, random_uuid(rng));
            let content_type = if class == Class::ProbeMediaType {
                "text/plain"
            } else {
                if let Some(answers) = document["answers"].as_object_mut() {
                    answers.remove("email");
                    answers.remove("phone");
                }
                "application/json"
            };
            Prepared {
                class,
                document: None,
                content_type,
                body: Bytes::from(document.to_string()),
            }
        })
        .collect()
}
