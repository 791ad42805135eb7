//! Documents and drafts that could be read two ways: every file in `tests/fixtures/documents/bad/` is
//! refused by `Document::decode`, and every file in `tests/fixtures/drafts/bad/` by `Draft::decode`, with
//! exactly the code, field and message recorded beside it (as the inbox answers them) (`<name>.expected`). To record new messages after a
//! deliberate change: `UPDATE_GOLDEN=1 cargo test -p tyokyky-engine --test documents`, then review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use common::{assert_recorded_messages, files_ending};
use tyokyky_engine::document::{DecodeError, Document, ErrorResponse};
use tyokyky_engine::documents::draft::Draft;

/// The error body an inbox answers with, as one line: `code (field): message`.
fn recorded(error: &DecodeError) -> String {
    let body = ErrorResponse::from(error).error;
    match body.field {
        Some(field) => format!("{} ({field}): {}", body.code, body.message),
        None => format!("{}: {}", body.code, body.message),
    }
}

#[test]
fn bad_documents_are_refused_with_their_recorded_messages() {
    let paths = files_ending("tests/fixtures/documents/bad", "json");
    assert!(paths.len() >= 7, "only {} bad documents", paths.len());
    assert_recorded_messages(&paths, |path| {
        match Document::decode(&std::fs::read(path).unwrap()) {
            Ok(document) => panic!("{} was read as {document:?}", path.display()),
            Err(error) => recorded(&error),
        }
    });
}

#[test]
fn bad_drafts_are_refused_with_their_recorded_messages() {
    let paths = files_ending("tests/fixtures/drafts/bad", "json");
    assert!(paths.len() >= 4, "only {} bad drafts", paths.len());
    assert_recorded_messages(&paths, |path| {
        match Draft::decode(&std::fs::read(path).unwrap()) {
            Ok(draft) => panic!("{} was read as {draft:?}", path.display()),
            // The inbox answers a draft's invalid field with `invalid_draft`.
            Err(error) => recorded(&error).replacen("invalid_document", "invalid_draft", 1),
        }
    });
}

/// Each bad fixture is a good one with one thing changed: without it, it is read.
#[test]
fn each_bad_fixture_differs_from_a_readable_one_only_by_its_fault() {
    let good_document =
        std::fs::read_to_string(common::root().join("tests/fixtures/documents/bad/nil_idempotency_key.json"))
            .unwrap()
            .replace(
                "00000000-0000-0000-0000-000000000000",
                "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b",
            );
    Document::decode(good_document.as_bytes()).unwrap();
    let good_draft =
        std::fs::read_to_string(common::root().join("tests/fixtures/drafts/bad/nil_draft_id.json"))
            .unwrap()
            .replace(
                "00000000-0000-0000-0000-000000000000",
                "5a1d0c2e-7b7e-4f6a-9f1e-2f6e0d3c4b5a",
            );
    Draft::decode(good_draft.as_bytes()).unwrap();
}
