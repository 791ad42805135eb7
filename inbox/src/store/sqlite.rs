//! The embedded engine: one SQLite file (WAL journal, `synchronous = FULL`) behind one connection, so
//! writes are one at a time. A write transaction takes SQLite's write lock first (`BEGIN IMMEDIATE`).
//!
//! When the disk fails (full, read-only, an I/O error, the file locked by another process) the failing
//! transaction rolls back whole and the error names the [`Fault`]; the connection is closed after any fault
//! but a lock and opened again for the next request, so the inbox stores again as soon as the disk takes it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::sql::{DbError, Row, Sql, Value};
use super::{Fault, STORE_SCHEMA_VERSION, StoreError};

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

/// From store schema 2 to 3: workers' drafts, every saved version kept.
const MIGRATE_2_TO_3: &str = "
CREATE TABLE drafts (
    draft_id     TEXT NOT NULL,
    version      INTEGER NOT NULL,
    body         TEXT NOT NULL,
    saved_at     TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);
";

/// From store schema 3 to 4: what a listing shows of a document in columns of its own, read from the body
/// when it is stored, so that bodies may be sealed (see [`crate::seal`]). No names or answers: a plan's
/// version, the plan it supersedes, its first review date, the host system's case reference, and whether a
/// contact request is urgent.
const MIGRATE_3_TO_4: &str = "
ALTER TABLE documents ADD COLUMN plan_version INTEGER;
ALTER TABLE documents ADD COLUMN supersedes TEXT;
ALTER TABLE documents ADD COLUMN review_date TEXT;
ALTER TABLE documents ADD COLUMN case_reference TEXT;
ALTER TABLE documents ADD COLUMN urgent INTEGER;
UPDATE documents SET
    plan_version = json_extract(body, '$.answers.case.plan.revision.version'),
    supersedes = json_extract(body, '$.answers.case.plan.revision.supersedes'),
    review_date = (SELECT min(value) FROM json_each(body, '$.answers.case.plan.review_dates')),
    case_reference = json_extract(body, '$.answers.context.case_reference'),
    urgent = json_extract(body, '$.answers.urgent')
WHERE json_valid(body);
";

/// From store schema 4 to 5: the access log, append-only (triggers refuse to change or remove an entry)
/// and each entry chained to the one before by a SHA-256 hash, so that an entry changed or removed
/// behind the inbox's back is found by [`super::Store::verify_access_log`].
const MIGRATE_4_TO_5: &str = "
CREATE TABLE access_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    organisation  TEXT,
    action        TEXT NOT NULL,
    endpoint      TEXT NOT NULL,
    document_id   TEXT,
    purpose       TEXT,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX access_log_document ON access_log (document_id, seq);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
";

/// From store schema 5 to 6: with which partner organisations a joint plan is shared (a JSON array of their
/// names as `comparable_name` writes them), so that a partner lists only those plans without the bodies
/// being read; filled for the plans stored before when the store is opened
/// ([`super::Store::index_sharing`]). And an index to find the plan that replaces another.
const MIGRATE_5_TO_6: &str = "
ALTER TABLE documents ADD COLUMN shared_with TEXT;
CREATE INDEX documents_supersedes ON documents (supersedes);
";

/// From store schema 6 to 7: the relay's forwards, one for each document and downstream endpoint, written
/// in the transaction that stores the document (see `super::forwards`). Times are RFC 3339 texts, as
/// elsewhere; `claimed_until` is how long an instance holds one for an attempt.
const MIGRATE_6_TO_7: &str = "
CREATE TABLE forwards (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    document_id      TEXT NOT NULL,
    downstream       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         INTEGER NOT NULL,
    next_attempt_at  TEXT NOT NULL,
    claimed_until    TEXT,
    last_status      INTEGER,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    finished_at      TEXT
);
CREATE INDEX forwards_due ON forwards (state, next_attempt_at);
CREATE INDEX forwards_document ON forwards (document_id);
";

/// How long a write waits for a lock held by another process (a backup, the `sqlite3` shell) before it
/// fails with [`Fault::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Fault {
    /// The fault SQLite's error stands for, before looking at the disk.
    pub(crate) fn of_sqlite(error: &rusqlite::Error) -> Fault {
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Fault::Full,
            Some(ErrorCode::ReadOnly) => Fault::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Fault::Busy,
            Some(ErrorCode::SystemIoFailure) => Fault::Io,
            _ => Fault::Unavailable,
        }
    }
}

/// Opens the SQLite file at `path` with `flags` and brings it to this code's schema, each step in one
/// transaction, the version kept in SQLite's `user_version`.
fn connect(path: &Path, flags: OpenFlags) -> Result<Connection, StoreError> {
    let connection = Connection::open_with_flags(path, flags).map_err(DbError::from)?;
    let prepare = || -> Result<i64, rusqlite::Error> {
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        // A deleted or rewritten row is overwritten on disk, not left readable in a free page.
        connection.pragma_update(None, "secure_delete", "ON")?;
        connection.pragma_query_value(None, "user_version", |row| row.get(0))
    };
    let version = prepare().map_err(DbError::from)?;
    if !(0..=STORE_SCHEMA_VERSION).contains(&version) {
        return Err(StoreError::UnknownSchema(version));
    }
    // Each step in one transaction, so a crash leaves the file at a version this code knows.
    let steps: [(i64, &str); 7] = [
        (0, SCHEMA),
        (1, MIGRATE_1_TO_2),
        (2, MIGRATE_2_TO_3),
        (3, MIGRATE_3_TO_4),
        (4, MIGRATE_4_TO_5),
        (5, MIGRATE_5_TO_6),
        (6, MIGRATE_6_TO_7),
    ];
    for (from, sql) in steps {
        if version <= from {
            let step = || -> Result<(), rusqlite::Error> {
                let transaction = connection.unchecked_transaction()?;
                transaction.execute_batch(sql)?;
                transaction.pragma_update(None, "user_version", from + 1)?;
                transaction.commit()
            };
            step().map_err(DbError::from)?;
        }
    }
    Ok(connection)
}

/// Statements on a SQLite connection (or a transaction, which is one).
struct Statements<'a>(&'a Connection);

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::ToSqlOutput;
        Ok(match self {
            Value::Null => ToSqlOutput::from(rusqlite::types::Null),
            Value::Int(number) => ToSqlOutput::from(*number),
            Value::Text(text) => ToSqlOutput::from(text.as_str()),
            Value::Bool(truth) => ToSqlOutput::from(*truth),
        })
    }
}

impl Sql for Statements<'_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let changed = self
            .0
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        Ok(u64::try_from(changed).unwrap_or(u64::MAX))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut statement = self.0.prepare_cached(sql)?;
        let columns = statement.column_count();
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        let mut read = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns);
            for index in 0..columns {
                values.push(match row.get_ref(index)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(number) => Value::Int(number),
                    ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
                    ValueRef::Real(_) | ValueRef::Blob(_) => {
                        return Err(DbError::Sqlite(rusqlite::Error::InvalidColumnType(
                            index,
                            "a real number or blob".to_owned(),
                            row.get_ref(index)?.data_type(),
                        )));
                    }
                });
            }
            read.push(Row(values));
        }
        Ok(read)
    }

    fn json_texts(&self, expression: &str, alias: &str) -> String {
        format!("json_each({expression}) AS {alias}")
    }
}

/// The SQLite engine: the file, its connection (none after a fault, until the next request opens the file
/// again) and the last fault.
#[derive(Debug)]
pub(crate) struct Sqlite {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    connection: Option<Connection>,
    fault: Option<Fault>,
}

impl Sqlite {
    /// Opens (creating if needed) the file at `path`.
    pub(crate) fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let connection = connect(path, OpenFlags::default())?;
        Ok(Sqlite {
            path: path.to_owned(),
            state: Mutex::new(State {
                connection: Some(connection),
                fault: None,
            }),
        })
    }

    fn lock(&self) -> Result<MutexGuard<'_, State>, StoreError> {
        self.state.lock().map_err(|_| StoreError::Poisoned)
    }

    /// The fault seen last, unless a write has succeeded since.
    pub(crate) fn fault(&self) -> Result<Option<Fault>, StoreError> {
        Ok(self.lock()?.fault)
    }

    /// Runs `work` on the connection, in a write transaction when `write` (committed when `work` succeeds),
    /// opening the file again first if a fault closed it. A database error becomes
    /// [`StoreError::Storage`] with its fault, which is remembered (and, unless it is a lock held by another
    /// process, closes the connection: after a full or read-only disk SQLite may keep a read-only handle,
    /// and a new one sees the disk as it is now). A result for which `wrote` is true proves the disk takes
    /// writes again and clears the remembered fault.
    pub(crate) fn with<T>(
        &self,
        write: bool,
        wrote: impl FnOnce(&T) -> bool,
        work: impl FnOnce(&mut dyn Sql) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.run(wrote, |connection| {
            if !write {
                return work(&mut Statements(connection));
            }
            let transaction = connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(DbError::from)?;
            let result = work(&mut Statements(&transaction))?;
            transaction.commit().map_err(DbError::from)?;
            Ok(result)
        })
    }

    fn run<T>(
        &self,
        wrote: impl FnOnce(&T) -> bool,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut state = self.lock()?;
        let result = match state.connection.as_mut() {
            Some(connection) => work(connection),
            // Not created again: a database that is gone is a fault to report, not an empty inbox.
            None => connect(&self.path, OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE)
                .and_then(|connection| work(state.connection.insert(connection))),
        };
        match result {
            Ok(value) => {
                if wrote(&value) {
                    state.fault = None;
                }
                Ok(value)
            }
            Err(StoreError::Database(source)) => {
                let fault = self.diagnose(source.fault());
                if fault != Fault::Busy {
                    state.connection = None;
                }
                state.fault = Some(fault);
                Err(StoreError::Storage { fault, source })
            }
            Err(other) => {
                state.fault = Some(other.fault());
                Err(other)
            }
        }
    }

    /// A write that changes nothing but still goes to disk: `user_version` set to what it is (SQLite writes
    /// the database header again, one page, and syncs it).
    pub(crate) fn probe_write(&self) -> Result<(), StoreError> {
        self.run(
            |_| true,
            |connection| {
                let probe = || -> Result<(), rusqlite::Error> {
                    let version: i64 =
                        connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
                    connection.pragma_update(None, "user_version", version)
                };
                probe().map_err(|error| StoreError::Database(error.into()))
            },
        )
    }

    /// A disk error (`SQLITE_IOERR`, `SQLITE_CANTOPEN`) does not say why; a small file written and synced
    /// next to the database does: the file system answers that it is read-only or out of space.
    fn diagnose(&self, fault: Fault) -> Fault {
        use std::io::{ErrorKind, Write};
        if !matches!(fault, Fault::Io | Fault::Unavailable) {
            return fault;
        }
        let mut probe = self.path.as_os_str().to_owned();
        probe.push("-probe");
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&probe)
            .and_then(|mut file| {
                file.write_all(&[0; 4096])?;
                file.sync_all()
            });
        let _ = std::fs::remove_file(&probe);
        match written.map_err(|error| error.kind()) {
            Err(ErrorKind::ReadOnlyFilesystem) => Fault::ReadOnly,
            Err(ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => Fault::Full,
            _ => fault,
        }
    }

    /// Runs `work` on the raw connection (the tests' look at pragmas).
    #[cfg(test)]
    pub(crate) fn raw<T>(&self, work: impl FnOnce(&Connection) -> T) -> T {
        #[allow(clippy::unwrap_used, reason = "test-only helper")]
        let mut state = self.lock().unwrap();
        #[allow(clippy::unwrap_used, reason = "test-only helper")]
        let connection = state.connection.as_mut().unwrap();
        work(connection)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;
    use rusqlite::params;
    use tyokyky_engine::document::{
        DocumentBody, FreeText, Language, MAX_FREE_TEXT_CHARS, WorkAbilityCheck, WorkAbilityScore,
    };

    fn document(key: u8, score: u8) -> Document {
        Document::new(
            Uuid::from_bytes([key; 16]),
            DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::WorkAbilityCheck(WorkAbilityCheck {
                work_ability_score: WorkAbilityScore::new(score).unwrap(),
                what_would_help: "Osa-aikatyö".into(),
            }),
        )
    }

    /// A pragma's value on the store's connection, as text.
    fn pragma(store: &Store, name: &str) -> String {
        engine(store).raw(|connection| {
            connection
                .pragma_query_value(None, name, |row| {
                    row.get_ref(0).map(|value| match value {
                        ValueRef::Integer(number) => number.to_string(),
                        other => String::from_utf8_lossy(other.as_bytes().unwrap_or_default()).into_owned(),
                    })
                })
                .unwrap()
        })
    }

    fn engine(store: &Store) -> &Sqlite {
        match &*store.engine {
            Engine::Sqlite(engine) => engine,
            Engine::Postgres(_) => panic!("a SQLite store was expected"),
        }
    }

    /// Sets a pragma on the store's live connection (a fault for this connection only: a new one, opened
    /// after a fault, does not have it).
    fn set_pragma(store: &Store, name: &str, value: i64) {
        engine(store).raw(|connection| connection.pragma_update(None, name, value).unwrap());
    }

    /// A document whose text (4000 bytes) needs a new page in the file.
    fn large_document(key: u8) -> Document {
        Document::new(
            Uuid::from_bytes([key; 16]),
            DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::WorkAbilityCheck(WorkAbilityCheck {
                work_ability_score: WorkAbilityScore::new(3).unwrap(),
                what_would_help: FreeText::new("ö".repeat(MAX_FREE_TEXT_CHARS)).unwrap(),
            }),
        )
    }

    #[test]
    fn a_full_disk_stores_nothing_and_the_same_document_is_stored_once_when_there_is_room() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("inbox.sqlite3")).unwrap();
        store.insert(&document(1, 5)).unwrap();
        // SQLITE_FULL as on a full disk: the file may not grow by a page.
        let pages: i64 = pragma(&store, "page_count").parse().unwrap();
        set_pragma(&store, "max_page_count", pages);
        let error = store.insert(&large_document(2)).unwrap_err();
        assert_eq!(error.fault(), Fault::Full, "{error}");
        assert!(matches!(error, StoreError::Storage { .. }));
        assert_eq!(store.fault().unwrap(), Some(Fault::Full));
        assert!(
            engine(&store).lock().unwrap().connection.is_none(),
            "the connection is closed after the fault"
        );
        // Nothing half-stored: the next request opens the file again and finds one document.
        assert_eq!(store.count().unwrap(), 1);
        assert_eq!(store.get(Uuid::from_bytes([2; 16])).unwrap(), None);
        let Stored::Created(receipt) = store.insert(&large_document(2)).unwrap() else {
            panic!("not created after the fault")
        };
        assert_eq!(store.fault().unwrap(), None, "a stored document clears the fault");
        assert_eq!(
            store.insert(&large_document(2)).unwrap(),
            Stored::AlreadyStored(receipt)
        );
        assert_eq!(store.count().unwrap(), 2);
        assert_eq!(pragma(&store, "journal_mode"), "wal", "opened as before");
        assert_eq!(pragma(&store, "synchronous"), "2", "synchronous = FULL");
    }

    #[test]
    fn a_read_only_database_stores_nothing_and_health_reports_it_until_a_write_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("inbox.sqlite3")).unwrap();
        store.insert(&document(1, 5)).unwrap();
        // SQLITE_READONLY as from a database the connection may only read.
        set_pragma(&store, "query_only", 1);
        let error = store.insert(&document(2, 6)).unwrap_err();
        assert_eq!(error.fault(), Fault::ReadOnly, "{error}");
        assert_eq!(store.fault().unwrap(), Some(Fault::ReadOnly));
        // The health check writes (a write that changes nothing) while a fault is remembered; on a new
        // connection the database is writable again, so the fault is cleared.
        assert_eq!(store.health().unwrap(), 1);
        assert_eq!(store.fault().unwrap(), None);
        assert!(matches!(
            store.insert(&document(2, 6)).unwrap(),
            Stored::Created(_)
        ));
        assert_eq!(store.count().unwrap(), 2);
    }

    #[test]
    fn a_database_gone_after_a_fault_is_not_created_again_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        let store = Store::open(&path).unwrap();
        store.insert(&document(1, 5)).unwrap();
        set_pragma(&store, "query_only", 1);
        store.insert(&document(2, 6)).unwrap_err();
        let moved = dir.path().join("moved.sqlite3");
        std::fs::rename(&path, &moved).unwrap();
        let error = store.insert(&document(2, 6)).unwrap_err();
        assert_eq!(error.fault(), Fault::Unavailable, "{error}");
        assert!(!path.exists(), "no new, empty database in its place");
        assert!(store.health().is_err(), "health reports it");
        std::fs::rename(&moved, &path).unwrap();
        assert!(matches!(
            store.insert(&document(2, 6)).unwrap(),
            Stored::Created(_)
        ));
        assert_eq!(store.health().unwrap(), 2);
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
        assert_eq!(pragma(&store, "journal_mode"), "wal");
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
        assert_eq!(pragma(&store, "user_version"), STORE_SCHEMA_VERSION.to_string());
    }

    /// A database of store schema 3 keeps what its listings showed: the columns of schema 4 are filled
    /// from the bodies as they were stored.
    #[test]
    fn a_schema_3_database_keeps_its_listing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        let connection = Connection::open(&path).unwrap();
        connection.execute_batch(SCHEMA).unwrap();
        connection.execute_batch(MIGRATE_1_TO_2).unwrap();
        connection.execute_batch(MIGRATE_2_TO_3).unwrap();
        connection.pragma_update(None, "user_version", 3).unwrap();
        connection
            .execute(
                "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at)
                 VALUES (?1, ?2, 'contact_request', 1, '{\"answers\":{\"urgent\":true}}', '2026-12-01T10:00:00.000Z')",
                [Uuid::from_u128(1).to_string(), Uuid::from_u128(2).to_string()],
            )
            .unwrap();
        drop(connection);
        let store = Store::open(&path).unwrap();
        let listed = store.list(&Filter::default(), 0, 10).unwrap();
        assert_eq!(listed[0].urgent, Some(true));
        assert_eq!(pragma(&store, "user_version"), STORE_SCHEMA_VERSION.to_string());
    }

    /// A joint plan stored before store schema 6 is recorded as shared when the store is opened, so a
    /// partner lists it like a plan stored now.
    #[test]
    fn a_schema_5_plan_is_found_by_its_partner_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        let connection = Connection::open(&path).unwrap();
        for step in [
            SCHEMA,
            MIGRATE_1_TO_2,
            MIGRATE_2_TO_3,
            MIGRATE_3_TO_4,
            MIGRATE_4_TO_5,
        ] {
            connection.execute_batch(step).unwrap();
        }
        connection.pragma_update(None, "user_version", 5).unwrap();
        let body = serde_json::json!({"answers": {
            "case": {"plan": {"joint": true, "partners": [
                {"name": "Kela", "sector": "kela", "responsibility": "Kuntoutus", "sharing": "consent"}]}},
            "findings": [],
            "rules": {"name": "tyokyky-shl", "version": "2026.11.0", "source_hash": "ab"},
            "catalogue": {"county": "Esimerkin hyvinvointialue", "version": "2026.11.0"},
            "consents": []
        }});
        connection
            .execute(
                "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at)
                 VALUES (?1, ?2, 'client_plan', 1, ?3, '2026-12-01T10:00:00.000Z')",
                params![
                    Uuid::from_u128(1).to_string(),
                    Uuid::from_u128(2).to_string(),
                    body.to_string()
                ],
            )
            .unwrap();
        drop(connection);
        let store = Store::open(&path).unwrap();
        let access = Access {
            actor: "testi.kela".to_owned(),
            organisation: Some("Kela".to_owned()),
            action: "list".to_owned(),
            endpoint: "GET /api/partner/plans".to_owned(),
            document_id: None,
            purpose: None,
        };
        let listed = store.partner_plans(&["KELA".to_owned()], 0, 10, &access).unwrap();
        assert_eq!(listed.len(), 1);
        assert!(
            store
                .partner_plans(&["Toinen".to_owned()], 0, 10, &access)
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.index_sharing().unwrap(), 0, "recorded once");
    }

    #[test]
    fn refuses_a_database_from_a_newer_inbox() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.sqlite3");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 9)
            .unwrap();
        let error = Store::open(&path).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the database has store schema 9; this inbox knows 7"
        );
    }
}
