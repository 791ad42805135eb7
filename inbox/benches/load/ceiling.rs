//! The ceiling: what the inbox's store can do alone, one document after another.
//!
//! It opens a fresh database with the inbox's own [`Store::open`] (so the journal mode, `synchronous` and
//! schema are the inbox's by construction, not a copy) and stores the same documents one after another
//! with the inbox's own [`Store::insert`]: one transaction and one commit per document, exactly the path a
//! `POST /api/documents` takes after decoding. Nothing else of this run goes on meanwhile. It is measured
//! again after the load, in another fresh database, and the better of the two is the ceiling: a shared
//! disk's fsync time drifts, and the higher ceiling is the stricter test.

use std::path::Path;
use std::time::Instant;

use tyokyky_engine::document::Document;
use tyokyky_inbox::store::{Store, Stored};

use crate::BoxError;
use crate::report::{Row, latency};

/// The sequential ceiling: the same documents through the inbox's own store, one commit each, in a fresh
/// database under `dir`.
pub fn measure(label: &str, dir: &Path, documents: &[Document]) -> Result<Row, BoxError> {
    let folder = tempfile::Builder::new().prefix("ceiling-").tempdir_in(dir)?;
    let store = Store::open(&folder.path().join("inbox.sqlite3"))?;
    let mut durations = Vec::with_capacity(documents.len());
    let started = Instant::now();
    for document in documents {
        let one = Instant::now();
        match store.insert(document)? {
            Stored::Created(_) => {}
            other => return Err(format!("the ceiling's store answered {other:?}").into()),
        }
        durations.push(one.elapsed());
    }
    let elapsed = started.elapsed();
    let count = store.count()?;
    if usize::try_from(count).ok() != Some(documents.len()) {
        return Err(format!("the ceiling stored {count} of {} documents", documents.len()).into());
    }
    Ok(Row {
        label: label.to_owned(),
        requests: documents.len(),
        ok: documents.len(),
        errors: 0,
        elapsed,
        documents: Some(documents.len()),
        latency: latency(durations),
    })
}
