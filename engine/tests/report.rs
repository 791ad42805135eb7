//! The county's report over synthetic documents: what it counts, and that a small number never shows.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use chrono::{DateTime, Utc};
use serde_json::json;
use tyokyky_engine::document::Document;
use tyokyky_engine::report::{Cell, Received, report};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn key(n: u32) -> String {
    format!("5f0c2a7e-1b9d-4e3a-8c55-{n:012}")
}

fn received(document: serde_json::Value, when: &str) -> Received {
    Received {
        document: Document::decode(document.to_string().as_bytes()).unwrap(),
        received_at: at(when),
    }
}

/// A contact request from `channel`; with `groups` and `gaps` when the person shared their answers.
fn request(n: u32, channel: &str, shared: Option<(Vec<&str>, serde_json::Value)>) -> serde_json::Value {
    let mut answers = json!({
        "name": "Testi Henkilö", "phone": "040 000 0000", "contact_language": "fi", "preferred_time": "any",
        "urgent": false, "consent_text": "Suostun.", "channel": channel,
    });
    if let Some((groups, gaps)) = shared {
        answers["shared_answers"] = json!({
            "questionnaire": "self-assessment", "version": "1", "answers": {},
            "suggested_services": ["sosiaalinen-kuntoutus"], "groups": groups, "gaps": gaps,
        });
    }
    json!({ "schema_version": 1, "idempotency_key": key(n), "created_at": "2026-11-02T09:00:00Z", "lang": "fi",
        "kind": "contact_request", "answers": answers })
}

fn feedback(n: u32, score: Option<u8>) -> serde_json::Value {
    json!({ "schema_version": 1, "idempotency_key": key(n), "created_at": "2026-11-03T00:00:00Z", "lang": "fi",
        "kind": "feedback", "answers": { "score": score, "comment": if score.is_none() { "Hyvä." } else { "" }, "channel": "kiosk" } })
}

/// A plan opened on `opened_on` from the request `from`, with a gap for work and the given groups.
fn plan(n: u32, from: u32, opened_on: &str, groups: Vec<&str>) -> serde_json::Value {
    json!({ "schema_version": 1, "idempotency_key": key(n), "created_at": "2026-11-20T10:00:00Z", "lang": "fi",
        "kind": "client_plan", "answers": {
            "case": { "opening": { "opened_on": opened_on, "initiator": "client",
                "from_request": { "key": key(from), "reference": "K7Q4-MZ2P" } } },
            "findings": [], "rules": { "name": "r", "version": "1", "source_hash": "h" },
            "catalogue": { "county": "Esimerkin hyvinvointialue", "version": "1" }, "consents": [],
            "groups": groups, "gaps": { "goals": ["work"] },
        } })
}

/// Synthetic documents of November 2026: twelve contact requests (nine self-service, three at a kiosk),
/// six of them with shared answers; seven plans opened from them; eleven feedbacks.
fn november() -> Vec<Received> {
    let mut documents = Vec::new();
    for n in 0..12 {
        let shared = (n < 6).then(|| {
            let groups = if n < 5 {
                vec!["young-without-qualification"]
            } else {
                vec!["released-from-prison"]
            };
            (groups, json!({ "needs": ["housing"] }))
        });
        let channel = if n < 9 { "self_service" } else { "kiosk" };
        documents.push(received(
            request(n, channel, shared),
            &format!("2026-11-{:02}T08:00:00Z", n + 2),
        ));
    }
    for n in 0..7 {
        let opened = format!("2026-11-{:02}", n + 2 + 3 + (n % 3));
        documents.push(received(
            plan(100 + n, n, &opened, vec!["older-unemployed"]),
            "2026-11-25T10:00:00Z",
        ));
    }
    for (n, score) in [
        Some(9),
        Some(9),
        Some(8),
        Some(10),
        Some(9),
        Some(7),
        Some(9),
        Some(8),
        Some(10),
        Some(3),
        None,
    ]
    .into_iter()
    .enumerate()
    {
        documents.push(received(feedback(200 + n as u32, score), "2026-11-26T12:00:00Z"));
    }
    // December: outside the period.
    documents.push(received(feedback(300, Some(1)), "2026-12-01T00:00:00Z"));
    documents
}

#[test]
fn the_report_counts_documents_gaps_groups_feedback_and_days_to_the_case() {
    let report = report(
        &november(),
        Some(at("2026-11-01T00:00:00Z")),
        Some(at("2026-12-01T00:00:00Z")),
        5,
    );
    assert_eq!(report.documents, Cell::Count(30));
    let requests = report
        .by_kind
        .iter()
        .find(|row| row.kind == "contact_request")
        .unwrap();
    assert_eq!(requests.total, Cell::Count(12));
    // Nine from self-service and three at a kiosk: the three are hidden, and with the total shown the nine
    // would give them away, so the nine are hidden too.
    assert_eq!(requests.channels["kiosk"], Cell::Hidden(5));
    assert_eq!(requests.channels["self_service"], Cell::Hidden(5));
    assert_eq!(requests.channels["worker"], Cell::Count(0));
    let plans = report
        .by_kind
        .iter()
        .find(|row| row.kind == "client_plan")
        .unwrap();
    assert_eq!(
        (plans.channels["worker"], plans.total),
        (Cell::Count(7), Cell::Count(7))
    );

    // The gap for work is in the seven plans (all older unemployed people); the need for housing in the six
    // shared requests: five young people without a qualification and one released from prison (hidden).
    let work = report.gaps.iter().find(|row| row.gap == "goal:work").unwrap();
    assert_eq!(work.total, Cell::Count(7));
    assert_eq!(work.by_group["older-unemployed"], Cell::Count(7));
    let housing = report.gaps.iter().find(|row| row.gap == "need:housing").unwrap();
    assert_eq!(housing.total, Cell::Count(6));
    assert_eq!(housing.by_group["young-without-qualification"], Cell::Count(5));
    assert_eq!(housing.by_group["released-from-prison"], Cell::Hidden(5));
    assert_eq!(report.groups["released-from-prison"], Cell::Hidden(5));
    assert_eq!(
        report.suggested_services,
        [("sosiaalinen-kuntoutus".to_owned(), Cell::Count(6))]
    );

    // Ten scores (December's is outside the period): average 8.2; the one 3 and the one 7 are hidden.
    assert_eq!(report.feedback.scored, Cell::Count(10));
    assert_eq!(report.feedback.average, Some(8.2));
    assert_eq!(report.feedback.scores[3], Cell::Hidden(5));
    assert!(
        report
            .feedback
            .scores
            .iter()
            .all(|cell| !matches!(cell, Cell::Count(1..=4))),
        "{:?}",
        report.feedback.scores
    );
    assert_eq!(report.feedback.without_score, Cell::Hidden(5));

    // Days from each request's receipt to its case's opening: 3, 4, 5, 3, 4, 5, 3.
    assert_eq!(report.contact_to_case.cases, Cell::Count(7));
    assert_eq!(report.contact_to_case.median_days, Some(4));
    assert_eq!(report.contact_to_case.longest_days, Some(5));
}

#[test]
fn no_count_from_one_to_the_threshold_shows_anywhere_in_the_json() {
    for threshold in [3, 5, 10] {
        let report = report(&november(), None, None, threshold);
        let json = serde_json::to_value(&report).unwrap();
        let mut small = Vec::new();
        fn walk(value: &serde_json::Value, path: String, threshold: u64, small: &mut Vec<String>) {
            match value {
                serde_json::Value::Number(number)
                    if !path.ends_with("threshold")
                        && !path.contains("days")
                        && !path.ends_with("average")
                        && number.as_u64().is_some_and(|n| n > 0 && n < threshold) =>
                {
                    small.push(format!("{path} = {number}"));
                }
                serde_json::Value::Object(fields) => {
                    for (key, value) in fields {
                        walk(value, format!("{path}.{key}"), threshold, small);
                    }
                }
                serde_json::Value::Array(items) => {
                    for (index, value) in items.iter().enumerate() {
                        walk(value, format!("{path}[{index}]"), threshold, small);
                    }
                }
                _ => {}
            }
        }
        walk(&json, String::new(), u64::from(threshold), &mut small);
        assert!(small.is_empty(), "threshold {threshold}: {small:?}");
        // It can fail: at threshold 1 nothing is hidden, and the single December feedback shows.
    }
    let open = serde_json::to_value(report(&november(), None, None, 1)).unwrap();
    assert_eq!(open["feedback"]["scores"][1], 1);
}

#[test]
fn too_few_documents_give_no_average_and_no_median() {
    let few: Vec<Received> = november()
        .into_iter()
        .filter(|received| received.received_at >= at("2026-11-26T00:00:00Z"))
        .collect();
    let report = report(&few[..4], None, None, 5);
    assert_eq!(report.feedback.average, None);
    assert_eq!(report.contact_to_case.median_days, None);
    let page = report.to_html(&|id| (id == "older-unemployed").then(|| "Ikääntyneet työttömät".to_owned()));
    assert!(page.contains("&lt; 5"), "{page}");
    assert!(page.starts_with("<!doctype html>"));
}
