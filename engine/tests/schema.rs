//! `schema/document.schema.json` is the schema the engine's types generate, and real documents of every
//! kind are valid against it in the ways a backend would check first (kind, required fields). To update
//! the file after a deliberate change: `UPDATE_SCHEMA=1 cargo test -p tyokyky-engine --features schema
//! --test schema`, then review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::path::Path;

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/document.schema.json");
    let generated = tyokyky_engine::schema::document_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "schema/document.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p tyokyky-engine --features schema --test schema"
    );
}

#[test]
fn the_committed_draft_schema_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/draft.schema.json");
    let generated = tyokyky_engine::schema::draft_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/draft.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p tyokyky-engine --features schema --test schema"
    );
}

#[test]
fn the_schema_names_every_kind_and_the_envelope_fields() {
    let schema: serde_json::Value = serde_json::from_str(&tyokyky_engine::schema::document_schema()).unwrap();
    assert_eq!(schema["title"], "Document");
    let text = schema.to_string();
    for kind in ["work_ability_check", "client_plan", "contact_request", "feedback"] {
        assert!(text.contains(&format!("\"{kind}\"")), "kind {kind} in the schema");
    }
    let required = schema["required"].as_array().unwrap();
    for field in ["schema_version", "idempotency_key", "created_at", "lang"] {
        assert!(
            required.iter().any(|name| name == field),
            "{field} required: {required:?}"
        );
    }
}

/// The schema as a validator, as another backend would use it.
fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&tyokyky_engine::schema::document_schema()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn envelope(kind: &str, answers: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "kind": kind,
        "idempotency_key": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "created_at": "2026-11-22T09:00:00Z",
        "lang": "fi",
        "answers": answers,
    })
}

/// One real document of every kind, made by the engine's own types and decoded by it.
fn real_documents() -> Vec<serde_json::Value> {
    use tyokyky_engine::case::Case;
    use tyokyky_engine::case::Sharing;
    use tyokyky_engine::plan::{
        CaseContext, CatalogueUsed, ClientPlan, PlanRevision, RulesUsed, SharingRecord, WorkerContact,
    };
    let plan = ClientPlan {
        case: Case::default(),
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
        sharing: vec![SharingRecord {
            recipient: "Kela".into(),
            shared: true,
            ground: Some(Sharing::SpecialAct),
            legal_basis: Some("Laki kuntouttavasta työtoiminnasta (189/2001) 9 §".into()),
        }],
        context: Some(CaseContext {
            organisation: "Esimerkin hyvinvointialue, työikäisten sosiaalityö".into(),
            case_reference: "ASIA-2026-0042".into(),
            worker: WorkerContact {
                name: "Testi Ohjaaja".into(),
                role: "sosiaaliohjaaja".into(),
                phone: "040 000 0001".into(),
                email: "testi.ohjaaja@example.fi".into(),
            },
            client_name: Some("Testi Asiakas".into()),
        }),
        groups: vec![tyokyky_engine::text::Id::new("older-unemployed").unwrap()],
        gaps: tyokyky_engine::catalogue::Gaps {
            goals: vec![tyokyky_engine::catalogue::Goal::Education],
            needs: vec![tyokyky_engine::text::Id::new("housing").unwrap()],
        },
    }
    .with_revision(PlanRevision {
        version: 2,
        supersedes: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d".parse().unwrap(),
        supersedes_reference: Some("18DJ-RFAE".into()),
        reason: "Sovittu tarkistuspäivä meni, ja tavoite vaihtui työkokeiluun.".into(),
    });
    let documents = vec![
        envelope(
            "work_ability_check",
            serde_json::json!({ "work_ability_score": 6, "what_would_help": "<b>tuki</b>" }),
        ),
        envelope("client_plan", serde_json::to_value(&plan).unwrap()),
        envelope(
            "contact_request",
            serde_json::json!({
                "name": "Testi Henkilö", "phone": "040 000 0000", "contact_language": "sv",
                "preferred_time": "any", "urgent": true, "consent_text": "Suostun.", "channel": "kiosk",
                "shared_answers": { "questionnaire": "self-assessment", "version": "1",
                    "answers": { "score": 4, "goal": "work", "worries": ["debts"], "mood": false } }
            }),
        ),
        envelope(
            "feedback",
            serde_json::json!({ "score": 9, "comment": "", "channel": "self_service" }),
        ),
    ];
    for document in &documents {
        let decoded = tyokyky_engine::document::Document::decode(document.to_string().as_bytes());
        assert!(decoded.is_ok(), "the engine reads {document}: {decoded:?}");
    }
    documents
}

#[test]
fn documents_of_every_kind_are_valid_against_the_schema() {
    let validator = validator();
    for document in real_documents() {
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|error| error.to_string())
            .collect();
        assert!(errors.is_empty(), "{} is invalid: {errors:?}", document["kind"]);
    }
}

#[test]
fn the_schema_refuses_what_the_engine_refuses() {
    let validator = validator();
    let [check, plan, contact, feedback] = <[serde_json::Value; 4]>::try_from(real_documents()).unwrap();
    let mut cases = Vec::new();
    let mut changed = |base: &serde_json::Value, change: &dyn Fn(&mut serde_json::Value), what: &str| {
        let mut document = base.clone();
        change(&mut document);
        cases.push((document, what.to_owned()));
    };
    changed(
        &check,
        &|d| d["answers"]["work_ability_score"] = 11.into(),
        "score 11",
    );
    changed(
        &check,
        &|d| d["answers"]["what_would_help"] = "x".repeat(2001).into(),
        "2001 characters",
    );
    changed(&check, &|d| d["kind"] = "essay".into(), "an unknown kind");
    // Any well-formed language tag is a language (which ones a deployment offers is its configuration);
    // one that is not well formed, or too long, is refused.
    changed(
        &check,
        &|d| d["lang"] = "not a tag".into(),
        "a language that is no tag",
    );
    changed(
        &check,
        &|d| d["lang"] = "fi-x-selkoselkoselko".into(),
        "a language tag too long",
    );
    changed(
        &check,
        &|d| d["answers"]["extra"] = true.into(),
        "an unknown answer field",
    );
    changed(
        &contact,
        &|d| d["answers"]["phone"] = "call me".into(),
        "a phone number that is not one",
    );
    changed(&contact, &|d| d["answers"]["name"] = "".into(), "an empty name");
    changed(&feedback, &|d| d["answers"]["score"] = 0.into(), "feedback 0");
    changed(
        &plan,
        &|d| d["answers"]["case"]["plan"]["revision"]["version"] = 1.into(),
        "a revision numbered 1",
    );
    changed(
        &plan,
        &|d| {
            drop(
                d["answers"]["case"]["plan"]["revision"]
                    .as_object_mut()
                    .unwrap()
                    .remove("supersedes"),
            )
        },
        "a revision that names no earlier version",
    );
    for field in [
        "schema_version",
        "idempotency_key",
        "created_at",
        "lang",
        "kind",
        "answers",
    ] {
        changed(&check, &|d| drop(d.as_object_mut().unwrap().remove(field)), field);
    }
    for (document, what) in cases {
        assert!(!validator.is_valid(&document), "the schema accepts {what}");
        assert!(
            tyokyky_engine::document::Document::decode(document.to_string().as_bytes()).is_err(),
            "the engine accepts {what}"
        );
    }
}
