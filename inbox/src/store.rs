//! Documents in one SQLite file (WAL journal, `synchronous = FULL`): a document is committed to disk
//! before its receipt is returned, and stored exactly once per idempotency key.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use tyokyky_engine::document::{Document, DocumentKind, Receipt};
use uuid::Uuid;

/// The schema this code creates and reads, kept in SQLite's `user_version`.
const STORE_SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE documents (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    idempotency_key  TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    schema_version   INTEGER NOT NULL,
    body             TEXT NOT NULL,
    received_at      TEXT NOT NULL
);
CREATE INDEX documents_kind_seq ON documents (kind, seq);
";

/// From store schema 1 to 2: when a case-management system marked a document fetched.
const MIGRATE_1_TO_2: &str = "
ALTER TABLE documents ADD COLUMN fetched_at TEXT;
CREATE INDEX documents_received_at ON documents (received_at);
";

/// A shared handle to the store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

/// What storing a document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// The document is new and is now stored.
    Created(Receipt),
    /// The same document (same key, same content) was stored before; its original receipt.
    AlreadyStored(Receipt),
    /// Another document with the same idempotency key is stored; nothing was changed.
    KeyConflict,
}

/// One line of a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Position in the order of receipt; pass as `after` to get the next page.
    pub seq: i64,
    /// The document's id.
    pub document_id: Uuid,
    /// Its kind.
    pub kind: String,
    /// Its idempotency key.
    pub idempotency_key: Uuid,
    /// The short reference the person was shown (from the key), e.g. `K7Q4-MZ2P`.
    pub reference: String,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// When a case-management system marked it fetched, if it did.
    pub fetched_at: Option<DateTime<Utc>>,
}

/// Which documents a listing returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this kind.
    pub kind: Option<DocumentKind>,
    /// Only those received at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Only those received before this time.
    pub until: Option<DateTime<Utc>>,
    /// Only those fetched (`true`) or not yet fetched (`false`).
    pub fetched: Option<bool>,
}

/// A stored document with its receipt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// The receipt given when it was stored.
    pub receipt: Receipt,
    /// Its kind.
    pub kind: String,
    /// The document as stored.
    pub document: serde_json::Value,
}

/// What went wrong in the store; never the client's fault.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite refused.
    Sqlite(rusqlite::Error),
    /// The file holds a schema this code does not know.
    UnknownSchema(i64),
    /// A stored row could not be read back.
    Corrupt(String),
    /// The lock was poisoned by a panic in another request.
    Poisoned,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(error) => write!(f, "sqlite: {error}"),
            StoreError::UnknownSchema(version) => {
                write!(
                    f,
                    "the database has store schema {version}; this inbox knows {STORE_SCHEMA_VERSION}"
                )
            }
            StoreError::Corrupt(what) => write!(f, "unreadable stored row: {what}"),
            StoreError::Poisoned => write!(f, "the store lock was poisoned"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Sqlite(error) => Some(error),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(error)
    }
}

/// Times are stored and returned with millisecond precision, so a receipt read back equals the one given.
fn now_millis() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now)
}

fn format_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.to_utc())
        .map_err(|error| StoreError::Corrupt(format!("time `{text}`: {error}")))
}

fn parse_uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|error| StoreError::Corrupt(format!("id `{text}`: {error}")))
}

impl Store {
    /// Opens (creating if needed) the SQLite file at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if !(0..=STORE_SCHEMA_VERSION).contains(&version) {
            return Err(StoreError::UnknownSchema(version));
        }
        // Each step in one transaction, so a crash leaves the file at a version this code knows.
        let steps: [(i64, &str); 2] = [(0, SCHEMA), (1, MIGRATE_1_TO_2)];
        for (from, sql) in steps {
            if version <= from {
                let transaction = connection.unchecked_transaction()?;
                transaction.execute_batch(sql)?;
                transaction.pragma_update(None, "user_version", from + 1)?;
                transaction.commit()?;
            }
        }
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.connection.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Stores a validated document once per idempotency key.
    pub fn insert(&self, document: &Document) -> Result<Stored, StoreError> {
        let body = document.to_json();
        let key = document.idempotency_key.to_string();
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let existing = transaction
            .query_row(
                "SELECT id, body, received_at FROM documents WHERE idempotency_key = ?1",
                params![key],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        if let Some((id, stored_body, received_at)) = existing {
            if stored_body != body {
                return Ok(Stored::KeyConflict);
            }
            return Ok(Stored::AlreadyStored(Receipt {
                document_id: parse_uuid(&id)?,
                idempotency_key: document.idempotency_key,
                received_at: parse_time(&received_at)?,
            }));
        }
        let receipt = Receipt {
            document_id: Uuid::new_v4(),
            idempotency_key: document.idempotency_key,
            received_at: now_millis(),
        };
        transaction.execute(
            "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                receipt.document_id.to_string(),
                key,
                document.body.kind().as_str(),
                document.schema_version,
                body,
                format_time(receipt.received_at),
            ],
        )?;
        transaction.commit()?;
        Ok(Stored::Created(receipt))
    }

    /// Up to `limit` documents after position `after` that pass `filter`, oldest first.
    pub fn list(&self, filter: &Filter, after: i64, limit: u32) -> Result<Vec<Summary>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare_cached(
            "SELECT seq, id, kind, idempotency_key, received_at, fetched_at FROM documents
             WHERE seq > ?1 AND (?2 IS NULL OR kind = ?2)
               AND (?3 IS NULL OR received_at >= ?3) AND (?4 IS NULL OR received_at < ?4)
               AND (?5 IS NULL OR (fetched_at IS NOT NULL) = ?5)
             ORDER BY seq LIMIT ?6",
        )?;
        let rows = statement.query_map(
            params![
                after,
                filter.kind.map(DocumentKind::as_str),
                filter.since.map(format_time),
                filter.until.map(format_time),
                filter.fetched,
                limit
            ],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, Option<String>>(5)?,
                ))
            },
        )?;
        let mut summaries = Vec::new();
        for row in rows {
            let (seq, id, kind, key, received_at, fetched_at) = row?;
            let idempotency_key = parse_uuid(&key)?;
            summaries.push(Summary {
                seq,
                document_id: parse_uuid(&id)?,
                kind,
                idempotency_key,
                reference: tyokyky_engine::contact::reference_code(&idempotency_key),
                received_at: parse_time(&received_at)?,
                fetched_at: fetched_at.as_deref().map(parse_time).transpose()?,
            });
        }
        Ok(summaries)
    }

    /// Marks the document with this id fetched (the first time only) and returns when it was, or `None`
    /// if there is no such document.
    pub fn mark_fetched(&self, id: Uuid) -> Result<Option<DateTime<Utc>>, StoreError> {
        let connection = self.lock()?;
        connection.execute(
            "UPDATE documents SET fetched_at = ?2 WHERE id = ?1 AND fetched_at IS NULL",
            params![id.to_string(), format_time(now_millis())],
        )?;
        let fetched: Option<Option<String>> = connection
            .query_row(
                "SELECT fetched_at FROM documents WHERE id = ?1",
                params![id.to_string()],
                |row| row.get(0),
            )
            .optional()?;
        fetched.flatten().as_deref().map(parse_time).transpose()
    }

    /// The document with this id, if stored.
    pub fn get(&self, id: Uuid) -> Result<Option<StoredDocument>, StoreError> {
        let connection = self.lock()?;
        let row = connection
            .query_row(
                "SELECT idempotency_key, kind, body, received_at FROM documents WHERE id = ?1",
                params![id.to_string()],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((key, kind, body, received_at)) = row else {
            return Ok(None);
        };
        let document = serde_json::from_str(&body)
            .map_err(|error| StoreError::Corrupt(format!("document {id}: {error}")))?;
        Ok(Some(StoredDocument {
            receipt: Receipt {
                document_id: id,
                idempotency_key: parse_uuid(&key)?,
                received_at: parse_time(&received_at)?,
            },
            kind,
            document,
        }))
    }

    /// How many documents are stored; also proves the database answers.
    pub fn count(&self) -> Result<i64, StoreError> {
        Ok(self
            .lock()?
            .query_row("SELECT count(*) FROM documents", [], |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tyokyky_engine::document::{DocumentBody, Language, WorkAbilityCheck, WorkAbilityScore};

    fn document(key: u8, score: u8) -> Document {
        Document::new(
            Uuid::from_bytes([key; 16]),
            DateTime::UNIX_EPOCH,
            Language::Fi,
            DocumentBody::WorkAbilityCheck(WorkAbilityCheck {
                work_ability_score: WorkAbilityScore::new(score).unwrap(),
                what_would_help: "Osa-aikatyö".into(),
            }),
        )
    }

    #[test]
    fn stores_once_per_key_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        let store = Store::open(&path).unwrap();
        let Stored::Created(first) = store.insert(&document(1, 5)).unwrap() else {
            panic!("not created")
        };
        assert_eq!(
            store.insert(&document(1, 5)).unwrap(),
            Stored::AlreadyStored(first.clone())
        );
        assert_eq!(store.insert(&document(1, 6)).unwrap(), Stored::KeyConflict);
        drop(store);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.count().unwrap(), 1);
        let stored = store.get(first.document_id).unwrap().unwrap();
        assert_eq!(stored.receipt, first);
        assert_eq!(stored.document["answers"]["work_ability_score"], 5);
        let journal: String = store
            .lock()
            .unwrap()
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(journal, "wal");
    }

    #[test]
    fn lists_in_order_of_receipt_in_pages() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("inbox.sqlite3")).unwrap();
        for key in 1..=5 {
            store.insert(&document(key, key)).unwrap();
        }
        let page = store.list(&Filter::default(), 0, 2).unwrap();
        assert_eq!(page.len(), 2);
        let rest = store
            .list(
                &Filter {
                    kind: Some(DocumentKind::WorkAbilityCheck),
                    ..Filter::default()
                },
                page[1].seq,
                10,
            )
            .unwrap();
        assert_eq!(rest.len(), 3);
        let keys: Vec<Uuid> = page
            .iter()
            .chain(&rest)
            .map(|summary| summary.idempotency_key)
            .collect();
        assert_eq!(
            keys,
            (1..=5).map(|key| Uuid::from_bytes([key; 16])).collect::<Vec<_>>()
        );
        assert_eq!(store.get(Uuid::from_bytes([9; 16])).unwrap(), None);
    }

    #[test]
    fn marks_documents_fetched_once_and_filters_by_fetched_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("inbox.sqlite3")).unwrap();
        let mut receipts = Vec::new();
        for key in 1..=3 {
            let Stored::Created(receipt) = store.insert(&document(key, key)).unwrap() else {
                panic!("not created")
            };
            receipts.push(receipt);
        }
        let first = store.mark_fetched(receipts[0].document_id).unwrap().unwrap();
        assert_eq!(
            store.mark_fetched(receipts[0].document_id).unwrap(),
            Some(first),
            "marking again keeps the first time"
        );
        assert_eq!(store.mark_fetched(Uuid::from_bytes([9; 16])).unwrap(), None);
        let unfetched = |fetched| Filter {
            fetched: Some(fetched),
            ..Filter::default()
        };
        assert_eq!(store.list(&unfetched(false), 0, 10).unwrap().len(), 2);
        let done = store.list(&unfetched(true), 0, 10).unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].fetched_at, Some(first));
        let since_last = Filter {
            since: Some(receipts[2].received_at),
            ..Filter::default()
        };
        assert!(
            store
                .list(&since_last, 0, 10)
                .unwrap()
                .iter()
                .all(|summary| summary.received_at >= receipts[2].received_at)
        );
        let before_first = Filter {
            until: Some(receipts[0].received_at),
            ..Filter::default()
        };
        assert!(store.list(&before_first, 0, 10).unwrap().is_empty());
    }

    #[test]
    fn opens_a_database_of_the_first_store_schema_and_adds_the_fetched_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        {
            let connection = Connection::open(&path).unwrap();
            connection.execute_batch(SCHEMA).unwrap();
            connection.pragma_update(None, "user_version", 1).unwrap();
            connection
                .execute(
                    "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at)
                     VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002',
                             'work_ability_check', 1, '{}', '2026-01-01T00:00:00.000Z')",
                    [],
                )
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let listed = store.list(&Filter::default(), 0, 10).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].fetched_at, None);
        let version: i64 = store
            .lock()
            .unwrap()
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, STORE_SCHEMA_VERSION);
    }

    #[test]
    fn refuses_a_database_from_a_newer_inbox() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 7)
            .unwrap();
        let error = Store::open(&path).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the database has store schema 7; this inbox knows 2"
        );
    }
}
