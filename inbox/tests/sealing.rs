//! Encryption at rest: with keys configured, nothing a person wrote is in the SQLite file, its WAL or its
//! journal; every read gives it back; a body moved to another row does not open; and the keys rotate while
//! the store stays open for reads and writes (these two also on PostgreSQL when the test command gives a
//! server).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::path::Path;

use serde_json::{Value, json};
use tyokyky_engine::document::Document;
use tyokyky_inbox::seal::Keys;
use tyokyky_inbox::store::{Filter, Store, Stored};
use uuid::Uuid;

/// Synthetic words that must never be found on disk in plain form.
const MARKERS: [&str; 3] = [
    "Merkkinimi Salainen",
    "merkki.osoite@example.fi",
    "Merkkiteksti omin sanoin",
];

fn contact_request(key: u128, urgent: bool) -> Document {
    let body = json!({
        "schema_version": 1,
        "kind": "contact_request",
        "idempotency_key": Uuid::from_u128(key).to_string(),
        "created_at": "2026-12-05T09:00:00Z",
        "lang": "fi",
        "answers": {
            "name": MARKERS[0],
            "email": MARKERS[1],
            "contact_language": "fi",
            "preferred_time": "morning",
            "urgent": urgent,
            "consent_text": "Ymmärrän, mitä lähetetään.",
            "channel": "self_service",
            "shared_answers": {
                "questionnaire": "self-assessment",
                "version": "2026.12.0",
                "answers": { "own_words": MARKERS[2] },
                "suggested_services": []
            }
        }
    });
    Document::decode(body.to_string().as_bytes()).unwrap()
}

fn keys(lines: &[&str]) -> Keys {
    Keys::parse(&lines.join("\n")).unwrap()
}

/// Every file of the database (the file, its WAL, its shared memory and any journal) as bytes.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn nothing_a_person_wrote_is_on_disk_and_everything_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inbox.sqlite3");
    let line = Keys::generate_line("k2026");
    let store = Store::open_sealed(&path, keys(&[&line])).unwrap();
    let mut ids = Vec::new();
    for key in 1..=20 {
        let Stored::Created(receipt) = store.insert(&contact_request(key, key % 2 == 0)).unwrap() else {
            panic!("stored")
        };
        ids.push(receipt.document_id);
    }
    // The same document again is the same (its sealed body opened to compare); another body is a conflict.
    assert!(matches!(
        store.insert(&contact_request(1, false)).unwrap(),
        Stored::AlreadyStored(_)
    ));
    assert!(matches!(
        store.insert(&contact_request(1, true)).unwrap(),
        Stored::KeyConflict
    ));
    let draft: tyokyky_engine::documents::draft::Draft = serde_json::from_value(json!({
        "draft_id": Uuid::from_u128(99).to_string(), "version": 1, "saved_at": "2026-12-05T09:00:00Z",
        "case": {
            "opening": { "opened_on": "2026-12-01", "initiator": "client" },
            "plan": { "items": { "goals": MARKERS[2] } }
        }
    }))
    .unwrap_or_else(|error| panic!("a draft for the test: {error}"));
    store.save_draft(&draft).unwrap();

    // While the store is open (the WAL holds the writes) and after it is closed (checkpointed).
    for moment in ["open", "closed"] {
        for (file, bytes) in files_of(dir.path()) {
            for marker in MARKERS {
                assert!(
                    !contains(&bytes, marker),
                    "{marker} in {file} with the store {moment}"
                );
            }
        }
        if moment == "open" {
            let document = store.get(ids[0]).unwrap().unwrap();
            let text = serde_json::to_string(&document.document).unwrap();
            assert!(
                MARKERS.iter().all(|marker| text.contains(marker)),
                "read back whole: {text}"
            );
            let listed = store.list(&Filter::default(), 0, 100).unwrap();
            assert_eq!(listed.len(), 20);
            assert_eq!(listed[1].urgent, Some(true), "what a listing shows still reads");
            let read: Value = store.draft(Uuid::from_u128(99)).unwrap().unwrap();
            assert!(read.to_string().contains(MARKERS[2]));
        }
    }
    drop(store);
    for (file, bytes) in files_of(dir.path()) {
        for marker in MARKERS {
            assert!(!contains(&bytes, marker), "{marker} in {file} after closing");
        }
    }
    // Without the keys the bodies do not read, and say why.
    let keyless = Store::open(&path).unwrap();
    let refused = keyless.get(ids[0]).unwrap_err().to_string();
    assert!(refused.contains("sealed"), "{refused}");
}

#[test]
fn a_body_moved_to_another_row_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(dir.path());
    let line = Keys::generate_line("a");
    let store = common::open_store(&database, Some(keys(&[&line])));
    let Stored::Created(first) = store.insert(&contact_request(1, false)).unwrap() else {
        panic!()
    };
    let Stored::Created(second) = store.insert(&contact_request(2, true)).unwrap() else {
        panic!()
    };
    drop(store);
    common::execute(
        &database,
        &format!(
            "UPDATE documents SET body = (SELECT body FROM documents WHERE id = '{}') WHERE id = '{}'",
            first.document_id, second.document_id
        ),
    )
    .unwrap();
    let store = common::open_store(&database, Some(keys(&[&line])));
    // The right key, but another row: it does not open, and says so; the first row still reads.
    let refused = store.get(second.document_id).unwrap_err().to_string();
    assert!(refused.contains("does not open"), "{refused}");
    assert!(store.get(first.document_id).unwrap().is_some());
}

#[test]
fn keys_rotate_while_the_store_serves() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(dir.path());
    let old = Keys::generate_line("old");
    let new = Keys::generate_line("new");
    // Some documents stored before sealing was turned on, some under the old key.
    let plain = common::open_store(&database, None);
    for key in 1..=5 {
        plain.insert(&contact_request(key, false)).unwrap();
    }
    drop(plain);
    let sealed_old = common::open_store(&database, Some(keys(&[&old])));
    for key in 6..=10 {
        sealed_old.insert(&contact_request(key, true)).unwrap();
    }
    drop(sealed_old);
    // The new key first, the old one kept: everything reads, new writes use the new key, and reseal brings
    // the rest over in batches while reads and writes go on.
    let rotating = common::open_store(&database, Some(keys(&[&new, &old])));
    let ids: Vec<Uuid> = rotating
        .list(&Filter::default(), 0, 100)
        .unwrap()
        .iter()
        .map(|summary| summary.document_id)
        .collect();
    assert_eq!(ids.len(), 10);
    let mut resealed = 0;
    loop {
        let count = rotating.reseal(3).unwrap();
        rotating
            .insert(&contact_request(100 + resealed as u128, false))
            .unwrap();
        assert!(rotating.get(ids[0]).unwrap().is_some());
        if count == 0 {
            break;
        }
        resealed += count;
    }
    assert_eq!(resealed, 10, "the five plain and the five under the old key");
    drop(rotating);
    // The old key can go.
    let only_new = common::open_store(&database, Some(keys(&[&new])));
    for id in &ids {
        assert!(only_new.get(*id).unwrap().is_some());
    }
    assert_eq!(only_new.reseal(100).unwrap(), 0);
    let plain_left = common::count(
        &database,
        "SELECT count(*) FROM documents WHERE body NOT LIKE 'sealed:v1:new:%'",
    );
    assert_eq!(plain_left, 0);
}

/// The binary makes a key line, and refuses a key file it cannot use, naming the line, before it listens.
#[test]
fn the_inbox_makes_keys_and_names_a_bad_key_line() {
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (ok, line, _) = run(&["--new-key", "k2027"]);
    assert!(ok && Keys::parse(line.trim()).is_ok(), "{line}");
    assert_eq!(Keys::parse(line.trim()).unwrap().current(), "k2027");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keys");
    std::fs::write(&file, format!("{}\nnot a key\n", line.trim())).unwrap();
    let (ok, _, error) = run(&[
        "--key-file",
        file.to_str().unwrap(),
        "--port",
        "0",
        "--data-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(
        error.contains("key line 2: write it as <id>:<64 hex digits>"),
        "{error}"
    );
    assert!(
        !error.contains(&line.trim()[7..]),
        "the key is never repeated in a message"
    );
}
