//! The ceiling: what the storage can do alone, one document after another. It is measured again after
//! the load, and the better of the two is the ceiling: a shared disk's fsync time drifts, and the higher
//! ceiling is the stricter test. Nothing else of this run goes on meanwhile.
//!
//! - **SQLite** ([`measure`]). A fresh database opened with the inbox's own [`Store::open`] (so the journal
//!   mode, `synchronous` and schema are the inbox's by construction, not a copy), the same documents stored
//!   one after another with the inbox's own [`Store::insert`]: one transaction and one commit per
//!   document, exactly the path a `POST /api/documents` takes after decoding.
//! - **PostgreSQL** ([`measure_postgres`]). A raw insert loop on the run's cluster with its durability
//!   (`synchronous_commit` on, checked by [`crate::cluster::Cluster::durability`]): one connection, the
//!   same documents' bodies inserted one after another with one prepared, autocommitted `INSERT` each (one
//!   round trip and one WAL flush per document), into a fresh copy of the inbox's `documents` table as
//!   its migrations make it — the same columns, unique keys and indexes — in a schema of its own,
//!   `load_ceiling`, so the inbox's tables are not touched. No advisory lock, no access log, no pool: what PostgreSQL itself gives one
//!   writer, the bound a store that writes one document at a time can approach.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::SecondsFormat;
use tyokyky_engine::document::Document;
use tyokyky_inbox::store::{Database, Store, Stored};
use uuid::Uuid;

use crate::BoxError;
use crate::cluster::Cluster;
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
    ceiling_row(label, documents.len(), count, elapsed, durations)
}

/// The raw ceiling's table, made afresh for each measurement: a copy of the inbox's `documents` table with
/// its identity, unique keys and indexes (`LIKE … INCLUDING ALL`), in a schema of its own.
const RAW_TABLE: &str = "
CREATE SCHEMA IF NOT EXISTS load_ceiling;
DROP TABLE IF EXISTS load_ceiling.documents;
CREATE TABLE load_ceiling.documents (LIKE public.documents INCLUDING ALL);
";

const RAW_INSERT: &str = "INSERT INTO load_ceiling.documents
    (id, idempotency_key, kind, schema_version, body, received_at, urgent)
    VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// One row of the raw loop, made before the clock starts.
struct RawRow {
    key: String,
    kind: &'static str,
    schema_version: i64,
    body: String,
    urgent: Option<i64>,
}

/// The raw PostgreSQL ceiling: the same documents, one autocommitted `INSERT` each on one connection, in a
/// fresh table of the inbox's shape (see the module's documentation).
pub fn measure_postgres(label: &str, cluster: &Cluster, documents: &[Document]) -> Result<Row, BoxError> {
    let rows: Vec<RawRow> = documents
        .iter()
        .map(|document| {
            let body = document.to_json();
            let urgent = serde_json::from_str::<serde_json::Value>(&body)
                .ok()
                .and_then(|value| {
                    value
                        .pointer("/answers/urgent")
                        .and_then(serde_json::Value::as_bool)
                })
                .map(i64::from);
            RawRow {
                key: document.idempotency_key.to_string(),
                kind: document.body.kind().as_str(),
                schema_version: i64::from(document.schema_version),
                body,
                urgent,
            }
        })
        .collect();
    // The inbox's own migrations make the table the copy is taken of (as an inbox does at start).
    drop(Store::open_database(&Database::postgres(&cluster.url, 1)?, None)?);
    let mut client = cluster.connect()?;
    client.batch_execute(RAW_TABLE)?;
    let insert = client.prepare(RAW_INSERT)?;
    let mut durations = Vec::with_capacity(rows.len());
    let started = Instant::now();
    for row in &rows {
        let one = Instant::now();
        let id = Uuid::new_v4().to_string();
        let received_at = chrono::Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        client.execute(
            &insert,
            &[
                &id,
                &row.key,
                &row.kind,
                &row.schema_version,
                &row.body,
                &received_at,
                &row.urgent,
            ],
        )?;
        durations.push(one.elapsed());
    }
    let elapsed = started.elapsed();
    let count: i64 = client
        .query_one("SELECT count(*) FROM load_ceiling.documents", &[])?
        .try_get(0)?;
    ceiling_row(label, documents.len(), count, elapsed, durations)
}

fn ceiling_row(
    label: &str,
    documents: usize,
    count: i64,
    elapsed: Duration,
    durations: Vec<Duration>,
) -> Result<Row, BoxError> {
    if usize::try_from(count).ok() != Some(documents) {
        return Err(format!("the ceiling stored {count} of {documents} documents").into());
    }
    Ok(Row {
        label: label.to_owned(),
        requests: documents,
        ok: documents,
        errors: 0,
        elapsed,
        documents: Some(documents),
        latency: latency(durations),
    })
}
