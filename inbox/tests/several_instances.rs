//! Several inboxes on one PostgreSQL database, each a store with a pool of its own as an instance has,
//! against a real server the test starts itself: they migrate once when they start together, a document
//! sent to two of them at the same moment is stored once and both answer with the same receipt (the
//! idempotency key's unique constraint decides), and their writes keep one whole access log and one order
//! of places.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod postgres;

use std::sync::{Arc, Barrier};

use chrono::DateTime;
use postgres::Postgres;
use tyokyky_engine::document::{Document, DocumentBody, Language, WorkAbilityCheck, WorkAbilityScore};
use tyokyky_inbox::store::{Access, Database, Filter, LogVerification, Store, Stored};
use uuid::Uuid;

fn document(key: u128) -> Document {
    Document::new(
        Uuid::from_u128(key),
        DateTime::UNIX_EPOCH,
        Language::FI,
        DocumentBody::WorkAbilityCheck(WorkAbilityCheck {
            work_ability_score: WorkAbilityScore::new(6).unwrap(),
            what_would_help: "Lyhyempi työpäivä".into(),
        }),
    )
}

fn submitted() -> Access {
    Access {
        actor: "submitter".to_owned(),
        organisation: None,
        action: "write".to_owned(),
        endpoint: "POST /api/documents".to_owned(),
        document_id: None,
        purpose: None,
    }
}

/// Two stores opened at the same moment on the server's database, as two instances starting together.
fn two_instances(server: &Postgres) -> (Store, Store) {
    let database = Database::postgres(server.url(), 8).unwrap();
    let start = Arc::new(Barrier::new(2));
    let open = |database: Database, start: Arc<Barrier>| {
        std::thread::spawn(move || {
            start.wait();
            Store::open_database(&database, None).unwrap()
        })
    };
    let first = open(database.clone(), start.clone());
    let second = open(database, start);
    (first.join().unwrap(), second.join().unwrap())
}

fn migrations(server: &Postgres) -> Vec<i64> {
    let url = server.url().to_owned();
    std::thread::spawn(move || {
        let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
        client
            .query("SELECT version FROM store_schema ORDER BY version", &[])
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect()
    })
    .join()
    .unwrap()
}

#[test]
fn the_same_document_at_two_instances_at_once_is_stored_once_with_one_receipt() {
    let server = Postgres::start();
    let (first, second) = two_instances(&server);
    assert_eq!(migrations(&server), [6, 7], "migrated once, to store schema 7");
    const ROUNDS: u128 = 200;
    for key in 1..=ROUNDS {
        let together = Arc::new(Barrier::new(2));
        let send = |store: Store, together: Arc<Barrier>| {
            std::thread::spawn(move || {
                together.wait();
                store.insert_as(&document(key), Some(&submitted())).unwrap()
            })
        };
        let a = send(first.clone(), together.clone());
        let b = send(second.clone(), together);
        let (a, b) = (a.join().unwrap(), b.join().unwrap());
        let receipts = match (a, b) {
            (Stored::Created(one), Stored::AlreadyStored(other))
            | (Stored::AlreadyStored(one), Stored::Created(other)) => (one, other),
            other => panic!("key {key}: one instance stores it, the other finds it: {other:?}"),
        };
        assert_eq!(
            receipts.0, receipts.1,
            "key {key}: both callers get the same receipt"
        );
    }
    assert_eq!(first.count().unwrap(), 200);
    // One access-log entry for each document stored, in one unbroken chain.
    assert_eq!(
        second.verify_access_log().unwrap(),
        match first.verify_access_log().unwrap() {
            LogVerification::Intact { entries: 200, head } => LogVerification::Intact { entries: 200, head },
            other => panic!("{other:?}"),
        }
    );
}

#[test]
fn writes_from_two_instances_keep_one_chain_and_one_order_of_places() {
    let server = Postgres::start();
    let (first, second) = two_instances(&server);
    let writer = |store: Store, from: u128| {
        std::thread::spawn(move || {
            for key in from..from + 150 {
                assert!(matches!(
                    store.insert_as(&document(key), Some(&submitted())).unwrap(),
                    Stored::Created(_)
                ));
            }
        })
    };
    let a = writer(first.clone(), 1_000);
    let b = writer(second.clone(), 2_000);
    // A reader paging by place while both write never passes a document: each page starts after the
    // last place it saw, and in the end every document has been seen once.
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let writing = !(a.is_finished() && b.is_finished());
        let page = first.list(&Filter::default(), after, 50).unwrap();
        let Some(last) = page.last() else {
            if writing {
                continue;
            }
            break;
        };
        after = last.seq;
        seen.extend(page.into_iter().map(|summary| summary.idempotency_key));
    }
    a.join().unwrap();
    b.join().unwrap();
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (300, 300), "every document seen once");
    assert!(matches!(
        second.verify_access_log().unwrap(),
        LogVerification::Intact { entries: 300, .. }
    ));
}
