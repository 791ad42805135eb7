//! The access log: every entry chained to the one before by a hash; the inbox refuses to change or remove
//! an entry, and the verification finds an entry changed or removed behind its back (with the database's
//! own tools); a client's view of who read their document; retention's deletions are entries too. On
//! SQLite, and on PostgreSQL when the test command gives a server (see `common::database`).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use chrono::{Duration, Utc};
use common::{database_args, execute, open_store, unguard_access_log};
use tyokyky_inbox::store::{Access, AccessQuery, Database, LogVerification, Retention};
use uuid::Uuid;

fn access(actor: &str, action: &str, document: u128) -> Access {
    Access {
        actor: actor.to_owned(),
        organisation: Some("Esimerkin hyvinvointialue".to_owned()),
        action: action.to_owned(),
        endpoint: "GET /api/documents/{id}".to_owned(),
        document_id: Some(Uuid::from_u128(document)),
        purpose: Some("palvelutarpeen arviointi".to_owned()),
    }
}

fn filled() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(dir.path());
    let store = open_store(&database, None);
    let now = Utc::now();
    for (index, (actor, document)) in [
        ("testi.ohjaaja", 1),
        ("testi.kumppani", 2),
        ("testi.ohjaaja", 2),
        ("ylläpito", 1),
    ]
    .into_iter()
    .enumerate()
    {
        store
            .log_access(
                &access(actor, "read", document),
                now + Duration::seconds(index as i64),
            )
            .unwrap();
    }
    (dir, database)
}

#[test]
fn an_intact_log_verifies_and_answers_who_read_a_document() {
    let (_dir, database) = filled();
    let store = open_store(&database, None);
    let LogVerification::Intact { entries, head } = store.verify_access_log().unwrap() else {
        panic!("intact")
    };
    assert_eq!(entries, 4);
    assert_eq!(head.len(), 64);
    // The client's own view: who read document 2, when and why.
    let read = store
        .access_log(&AccessQuery {
            document_id: Some(Uuid::from_u128(2)),
            limit: 100,
            ..AccessQuery::default()
        })
        .unwrap();
    let who: Vec<&str> = read.iter().map(|entry| entry.actor.as_str()).collect();
    assert_eq!(who, ["testi.kumppani", "testi.ohjaaja"]);
    assert_eq!(read[0].purpose.as_deref(), Some("palvelutarpeen arviointi"));
}

#[test]
fn the_inbox_refuses_to_change_or_remove_an_entry() {
    let (_dir, database) = filled();
    let changed = execute(
        &database,
        "UPDATE access_log SET actor = 'joku muu' WHERE seq = 2",
    );
    assert!(changed.unwrap_err().contains("append-only"));
    let removed = execute(&database, "DELETE FROM access_log WHERE seq = 2");
    assert!(removed.unwrap_err().contains("append-only"));
}

#[test]
fn an_entry_changed_or_removed_behind_the_inbox_breaks_the_chain_there() {
    for (tamper, broken_at, why) in [
        (
            "UPDATE access_log SET actor = 'joku muu' WHERE seq = 2",
            2,
            "changed",
        ),
        (
            "UPDATE access_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 3",
            3,
            "changed",
        ),
        ("DELETE FROM access_log WHERE seq = 2", 3, "removed"),
    ] {
        let (_dir, database) = filled();
        // Someone with the file and SQLite's shell, or the database owner's login: the guarding triggers
        // dropped first.
        unguard_access_log(&database);
        execute(&database, tamper).unwrap();
        let store = open_store(&database, None);
        match store.verify_access_log().unwrap() {
            LogVerification::Broken { seq, why: found } => {
                assert_eq!(seq, broken_at, "{tamper}");
                assert!(found.contains(why), "{tamper}: {found}");
            }
            intact => panic!("{tamper}: not found, {intact:?}"),
        }
        // The command says so and fails.
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
            .arg("--verify-access-log")
            .args(database_args(&database))
            .output()
            .unwrap();
        assert!(!output.status.success(), "{tamper}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(&format!("entry {broken_at}")), "{said}");
    }
}

#[test]
fn the_verification_command_names_the_head_of_an_intact_log() {
    let (_dir, database) = filled();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
        .arg("--verify-access-log")
        .args(database_args(&database))
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("4 entries, intact; head "), "{said}");
}

#[test]
fn a_deletion_by_retention_is_an_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&common::database(dir.path()), None);
    let body = serde_json::json!({
        "schema_version": 1, "kind": "feedback", "idempotency_key": Uuid::from_u128(5).to_string(),
        "created_at": "2026-12-05T09:00:00Z", "lang": "fi",
        "answers": { "score": 7, "comment": "", "channel": "kiosk" },
    });
    let document = tyokyky_engine::document::Document::decode(body.to_string().as_bytes()).unwrap();
    store.insert(&document).unwrap();
    let retention = Retention::parse(&["feedback=1".into()]).unwrap();
    store.expire(&retention, Utc::now() + Duration::days(2)).unwrap();
    let log = store
        .access_log(&AccessQuery {
            limit: 10,
            ..AccessQuery::default()
        })
        .unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("retention", "expire")
    );
    assert!(matches!(
        store.verify_access_log().unwrap(),
        LogVerification::Intact { entries: 1, .. }
    ));
}
