//! Retention: each kind of document, and a draft, is kept for the days the county sets; with the clock
//! moved forward, what is past its period goes and the rest stays, and the inbox binary reads the periods
//! and names a bad one. On SQLite, and on PostgreSQL when the test command gives a server.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use tyokyky_engine::document::{Document, DocumentKind};
use tyokyky_inbox::store::{Filter, Retention, Store};
use uuid::Uuid;

fn document(key: u128, kind: &str) -> Document {
    let answers = match kind {
        "feedback" => json!({ "score": 7, "comment": "Testi", "channel": "kiosk" }),
        _ => json!({
            "name": "Testi Henkilö", "phone": "040 000 0000", "contact_language": "fi",
            "preferred_time": "any", "urgent": false, "consent_text": "Suostun.", "channel": "self_service"
        }),
    };
    let body = json!({
        "schema_version": 1, "kind": kind, "idempotency_key": Uuid::from_u128(key).to_string(),
        "created_at": "2026-12-05T09:00:00Z", "lang": "fi", "answers": answers,
    });
    Document::decode(body.to_string().as_bytes()).unwrap()
}

fn kinds(store: &Store) -> Vec<String> {
    store
        .list(&Filter::default(), 0, 100)
        .unwrap()
        .into_iter()
        .map(|summary| summary.kind)
        .collect()
}

#[test]
fn what_is_past_its_period_goes_and_the_rest_stays() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::open_store(&common::database(dir.path()), None);
    store.insert(&document(1, "contact_request")).unwrap();
    store.insert(&document(2, "feedback")).unwrap();
    let draft: tyokyky_engine::documents::draft::Draft = serde_json::from_value(json!({
        "draft_id": Uuid::from_u128(9).to_string(), "version": 1, "saved_at": "2026-12-05T09:00:00Z",
        "case": { "opening": { "opened_on": "2026-12-01", "initiator": "client" } }
    }))
    .unwrap();
    store.save_draft(&draft).unwrap();
    let retention = Retention::parse(&[
        "feedback=30".into(),
        "contact_request=365".into(),
        "draft=60".into(),
    ])
    .unwrap();
    let now: DateTime<Utc> = Utc::now();

    // Today nothing is past its period.
    assert_eq!(store.expire(&retention, now).unwrap().total(), 0);
    // A month and a day later the feedback goes; the contact request and the draft stay.
    let expired = store.expire(&retention, now + Duration::days(31)).unwrap();
    assert_eq!(expired.documents, vec![(DocumentKind::Feedback, 1)]);
    assert_eq!(expired.drafts, 0);
    assert_eq!(kinds(&store), ["contact_request"]);
    assert!(store.draft(Uuid::from_u128(9)).unwrap().is_some());
    // Two months and a day: the draft goes too.
    assert_eq!(
        store.expire(&retention, now + Duration::days(61)).unwrap().drafts,
        1
    );
    assert!(store.draft(Uuid::from_u128(9)).unwrap().is_none());
    // A year and a day: the contact request; a kind with no period (a plan) would stay.
    let expired = store.expire(&retention, now + Duration::days(366)).unwrap();
    assert_eq!(expired.documents, vec![(DocumentKind::ContactRequest, 1)]);
    assert!(kinds(&store).is_empty());
    // Without periods nothing ever goes.
    store.insert(&document(3, "feedback")).unwrap();
    assert_eq!(
        store
            .expire(&Retention::default(), now + Duration::days(10_000))
            .unwrap()
            .total(),
        0
    );
}

#[test]
fn a_period_that_cannot_be_used_is_named() {
    let refused = |settings: &[&str]| {
        Retention::parse(
            &settings
                .iter()
                .map(|setting| (*setting).to_owned())
                .collect::<Vec<_>>(),
        )
        .unwrap_err()
    };
    assert_eq!(
        refused(&["feedback"]),
        "--retain `feedback`: write it as kind=days, e.g. feedback=90"
    );
    assert_eq!(
        refused(&["feedback=0"]),
        "--retain `feedback=0`: the days must be a whole number, at least 1"
    );
    assert!(refused(&["plans=10"]).starts_with("--retain `plans=10`: `plans` is not one of contact_request"));
    assert_eq!(
        refused(&["draft=1", "draft=2"]),
        "--retain: `draft` is given twice"
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
        .args(["--retain", "feedback=soon", "--port", "0", "--data-dir"])
        .arg(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("--retain `feedback=soon`: the days must be a whole number"),
        "{error}"
    );
}
