//! What the engine's integration tests share: the repository root, the `.toml` (or other) files of a fixture folder,
//! and the comparison of bad fixtures with the messages recorded beside them (`<name>.expected`; run with
//! `UPDATE_GOLDEN=1` to record new ones, then review the diff).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code shared by several test crates, each using part of it; a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The `.toml` files directly in `folder` (relative to the root), in name order.
pub fn toml_files(folder: &str) -> Vec<PathBuf> {
    files_ending(folder, "toml")
}

/// The files with extension `extension` directly in `folder` (relative to the root), in name order.
pub fn files_ending(folder: &str, extension: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect();
    paths.sort();
    paths
}

/// Checks that every fixture's message (from `message_of`, which also makes the fixture's own assertions)
/// is the one recorded in `<name>.expected`, listing every mismatch; with `UPDATE_GOLDEN` set, records them.
pub fn assert_recorded_messages(paths: &[PathBuf], message_of: impl Fn(&Path) -> String) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for path in paths {
        let message = message_of(path);
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, format!("{message}\n")).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("no {} (run with UPDATE_GOLDEN=1)", expected_path.display()));
        if expected.trim_end() != message {
            mismatches.push(format!(
                "{}:\n  expected: {}\n  got:      {message}",
                path.display(),
                expected.trim_end()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
