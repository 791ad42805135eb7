//! Documents in one SQLite file (WAL journal, `synchronous = FULL`): a document is committed to disk
//! before its receipt is returned, and stored exactly once per idempotency key.
//!
//! When the storage fails (the disk is full or read-only, a disk I/O error, the file locked by another
//! process) the failing transaction is rolled back whole, the error names the [`Fault`], and the store keeps
//! going: it closes its connection after any fault but a lock, opens the file again for the next request,
//! and so stores again as soon as the disk can take it, without a restart. It also remembers the fault, so
//! that [`Store::health`] reports the storage failing until a write succeeds again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use tyokyky_engine::document::{Document, DocumentBody, DocumentKind, Receipt};
use tyokyky_engine::documents::draft::{Draft, DraftRefusal, check_version};
use tyokyky_engine::documents::partner_view::{PartnerView, comparable_name};
use tyokyky_engine::documents::plan::ClientPlan;
use uuid::Uuid;

use crate::seal::Keys;

/// The schema this code creates and reads, kept in SQLite's `user_version`.
const STORE_SCHEMA_VERSION: i64 = 6;

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
/// behind the inbox's back is found by [`Store::verify_access_log`].
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
/// names as [`comparable_name`] writes them), so that a partner lists only those plans without the bodies
/// being read; filled for the plans stored before when the store is opened (see [`Store::index_sharing`]).
/// And an index to find the plan that replaces another.
const MIGRATE_5_TO_6: &str = "
ALTER TABLE documents ADD COLUMN shared_with TEXT;
CREATE INDEX documents_supersedes ON documents (supersedes);
";

/// How long a write waits for a lock held by another process (a backup, the `sqlite3` shell) before it
/// fails with [`Fault::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A shared handle to the store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    path: Arc<PathBuf>,
    state: Arc<Mutex<State>>,
    /// The keys that seal bodies at rest, if sealing is on.
    keys: Option<Arc<Keys>>,
}

/// The connection (none after a fault, until the next request opens the file again) and the last fault.
#[derive(Debug)]
struct State {
    connection: Option<Connection>,
    fault: Option<Fault>,
}

/// What saving a draft did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftSaved {
    /// The version is new and is now stored; when it was received.
    Created(DateTime<Utc>),
    /// The same version with the same content was stored before (a save sent twice); when.
    AlreadyStored(DateTime<Utc>),
    /// The version is not the next one; nothing was changed.
    Refused(DraftRefusal),
}

/// One draft in a listing: its newest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftSummary {
    /// The draft's id.
    pub draft_id: Uuid,
    /// Its newest version.
    pub version: u32,
    /// When the client saved that version.
    pub saved_at: DateTime<Utc>,
    /// When the inbox received it.
    pub received_at: DateTime<Utc>,
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
    /// For a client plan: its version, 1 unless it is a revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_version: Option<u32>,
    /// For a revised client plan: the idempotency key of the plan it replaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Uuid>,
    /// For a client plan: its earliest review date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_date: Option<NaiveDate>,
    /// For a client plan: the case's reference in the host system, when it passed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    /// For a contact request: whether an answer signalled an urgent need.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgent: Option<bool>,
}

/// A row of a listing as read: `SELECT seq, id, kind, idempotency_key, received_at, fetched_at,
/// plan_version, supersedes, review_date, case_reference, urgent` (see [`summary_row`]).
struct SummaryRow {
    seq: i64,
    id: String,
    kind: String,
    key: String,
    received_at: String,
    fetched_at: Option<String>,
    extracted: Extracted,
}

/// Reads a listing's row (the columns of [`SummaryRow`], in its order).
fn summary_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SummaryRow> {
    Ok(SummaryRow {
        seq: row.get(0)?,
        id: row.get(1)?,
        kind: row.get(2)?,
        key: row.get(3)?,
        received_at: row.get(4)?,
        fetched_at: row.get(5)?,
        extracted: Extracted {
            revision_version: row.get(6)?,
            supersedes: row.get(7)?,
            review_date: row.get(8)?,
            case_reference: row.get(9)?,
            urgent: row.get(10)?,
        },
    })
}

impl SummaryRow {
    /// The line of a listing.
    fn summary(self) -> Result<Summary, StoreError> {
        let idempotency_key = parse_uuid(&self.key)?;
        let mut summary = Summary {
            seq: self.seq,
            document_id: parse_uuid(&self.id)?,
            kind: self.kind,
            idempotency_key,
            reference: tyokyky_engine::contact::reference_code(&idempotency_key),
            received_at: parse_time(&self.received_at)?,
            fetched_at: self.fetched_at.as_deref().map(parse_time).transpose()?,
            plan_version: None,
            supersedes: None,
            review_date: None,
            case_reference: None,
            urgent: None,
        };
        self.extracted.fill(&mut summary);
        Ok(summary)
    }
}

/// What a listing reads from a stored document's body, as SQLite's JSON functions give it (a body that
/// lacks a value gives SQL `NULL`).
struct Extracted {
    revision_version: Option<i64>,
    supersedes: Option<String>,
    review_date: Option<String>,
    case_reference: Option<String>,
    urgent: Option<i64>,
}

impl Extracted {
    /// Sets the listing's fields for the summary's kind. The bodies were validated when stored, so a value
    /// that does not read is left out rather than failing the listing.
    fn fill(self, summary: &mut Summary) {
        match summary.kind.as_str() {
            "client_plan" => {
                summary.plan_version = Some(
                    self.revision_version
                        .and_then(|version| u32::try_from(version).ok())
                        .unwrap_or(1),
                );
                summary.supersedes = self
                    .supersedes
                    .as_deref()
                    .and_then(|key| Uuid::parse_str(key).ok());
                summary.review_date = self
                    .review_date
                    .as_deref()
                    .and_then(|date| tyokyky_engine::calendar::parse_date(date).ok());
                summary.case_reference = self.case_reference;
            }
            "contact_request" => summary.urgent = self.urgent.map(|urgent| urgent != 0),
            _ => {}
        }
    }
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
    /// Only those whose idempotency key starts with these 40 bits: the document a short reference names
    /// (see [`tyokyky_engine::contact::reference_key_prefix`]).
    pub reference: Option<[u8; 5]>,
}

/// How an idempotency key stored as text starts, for the 40 bits a short reference holds:
/// `0a1b2c3d-4e`.
fn key_text_prefix(bits: &[u8; 5]) -> String {
    let hex: String = bits.iter().map(|byte| format!("{byte:02x}")).collect();
    let (first, rest) = hex.split_at(8);
    format!("{first}-{rest}")
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

/// Why the storage failed, as far as the inbox can tell. Each one may pass (space freed, the disk made
/// writable again, the lock released), so a client should try again later with the same document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// The disk (or the quota) is full: `SQLITE_FULL`, or a disk error on a file system with no space.
    Full,
    /// The storage is read-only: `SQLITE_READONLY`, or a disk error on a file system mounted read-only.
    ReadOnly,
    /// Another process holds the database's lock (`SQLITE_BUSY`, `SQLITE_LOCKED`) past [`BUSY_TIMEOUT`].
    Busy,
    /// The disk failed to read or write (`SQLITE_IOERR`) for another reason.
    Io,
    /// Anything else: the file cannot be opened, is damaged, or holds what this inbox cannot read.
    Unavailable,
}

impl Fault {
    /// The error code an API answers with, e.g. `storage_full`.
    pub fn code(self) -> &'static str {
        match self {
            Fault::Full => "storage_full",
            Fault::ReadOnly => "storage_read_only",
            Fault::Busy => "storage_busy",
            Fault::Io => "storage_io_error",
            Fault::Unavailable => "storage_unavailable",
        }
    }

    /// The cause in words, for the error message.
    pub fn cause(self) -> &'static str {
        match self {
            Fault::Full => "the inbox's disk is full",
            Fault::ReadOnly => "the inbox's disk is read-only",
            Fault::Busy => "the inbox's database is locked by another process",
            Fault::Io => "the inbox's disk failed to read or write",
            Fault::Unavailable => "the inbox's database cannot be used",
        }
    }

    /// The fault SQLite's error stands for, before looking at the disk.
    fn of(error: &rusqlite::Error) -> Fault {
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Fault::Full,
            Some(ErrorCode::ReadOnly) => Fault::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Fault::Busy,
            Some(ErrorCode::SystemIoFailure) => Fault::Io,
            _ => Fault::Unavailable,
        }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.cause())
    }
}

/// What went wrong in the store; never the client's fault.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite refused (when opening the store).
    Sqlite(rusqlite::Error),
    /// The storage failed while serving a request; nothing of that request was stored.
    Storage {
        /// Why, as far as the inbox can tell.
        fault: Fault,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The file holds a schema this code does not know.
    UnknownSchema(i64),
    /// A stored row could not be read back.
    Corrupt(String),
    /// The lock was poisoned by a panic in another request.
    Poisoned,
}

impl StoreError {
    /// Why the storage failed.
    pub fn fault(&self) -> Fault {
        match self {
            StoreError::Storage { fault, .. } => *fault,
            StoreError::Sqlite(error) => Fault::of(error),
            StoreError::UnknownSchema(_) | StoreError::Corrupt(_) | StoreError::Poisoned => {
                Fault::Unavailable
            }
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(error) => write!(f, "sqlite: {error}"),
            StoreError::Storage { fault, source } => write!(f, "{fault} (sqlite: {source})"),
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
            StoreError::Sqlite(error) | StoreError::Storage { source: error, .. } => Some(error),
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

/// Opens the SQLite file at `path` with `flags` and brings it to this code's schema.
fn connect(path: &Path, flags: OpenFlags) -> Result<Connection, StoreError> {
    let connection = Connection::open_with_flags(path, flags)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // A deleted or rewritten row is overwritten on disk, not left readable in a free page.
    connection.pragma_update(None, "secure_delete", "ON")?;
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if !(0..=STORE_SCHEMA_VERSION).contains(&version) {
        return Err(StoreError::UnknownSchema(version));
    }
    // Each step in one transaction, so a crash leaves the file at a version this code knows.
    let steps: [(i64, &str); 6] = [
        (0, SCHEMA),
        (1, MIGRATE_1_TO_2),
        (2, MIGRATE_2_TO_3),
        (3, MIGRATE_3_TO_4),
        (4, MIGRATE_4_TO_5),
        (5, MIGRATE_5_TO_6),
    ];
    for (from, sql) in steps {
        if version <= from {
            let transaction = connection.unchecked_transaction()?;
            transaction.execute_batch(sql)?;
            transaction.pragma_update(None, "user_version", from + 1)?;
            transaction.commit()?;
        }
    }
    Ok(connection)
}

/// The row a draft's version is bound to when its body is sealed.
fn draft_row(id: &str, version: u32) -> String {
    format!("{id}/{version}")
}

/// How many days after it was received each kind of document, and a draft after its newest version, is
/// kept; a kind without a period is kept until deleted otherwise. A county sets the periods its records
/// management prescribes (`--retain kind=days`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retention {
    /// Contact requests.
    pub contact_request: Option<u32>,
    /// Anonymous feedback.
    pub feedback: Option<u32>,
    /// Work-ability checks.
    pub work_ability_check: Option<u32>,
    /// Client plans.
    pub client_plan: Option<u32>,
    /// Workers' drafts (all versions of a draft, counted from its newest).
    pub draft: Option<u32>,
}

impl Retention {
    /// The names `--retain` takes.
    pub const NAMES: [&'static str; 5] = [
        "contact_request",
        "feedback",
        "work_ability_check",
        "client_plan",
        "draft",
    ];

    /// Reads `kind=days` settings (e.g. `contact_request=365`), each kind once, days at least 1.
    pub fn parse(settings: &[String]) -> Result<Retention, String> {
        let mut retention = Retention::default();
        for setting in settings {
            let Some((name, days)) = setting.split_once('=') else {
                return Err(format!(
                    "--retain `{setting}`: write it as kind=days, e.g. feedback=90"
                ));
            };
            let days: u32 = days
                .trim()
                .parse()
                .ok()
                .filter(|days| *days >= 1)
                .ok_or_else(|| {
                    format!("--retain `{setting}`: the days must be a whole number, at least 1")
                })?;
            let slot = match name.trim() {
                "contact_request" => &mut retention.contact_request,
                "feedback" => &mut retention.feedback,
                "work_ability_check" => &mut retention.work_ability_check,
                "client_plan" => &mut retention.client_plan,
                "draft" => &mut retention.draft,
                other => {
                    return Err(format!(
                        "--retain `{setting}`: `{other}` is not one of {}",
                        Retention::NAMES.join(", ")
                    ));
                }
            };
            if slot.replace(days).is_some() {
                return Err(format!("--retain: `{}` is given twice", name.trim()));
            }
        }
        Ok(retention)
    }

    /// Whether any period is set.
    pub fn is_set(&self) -> bool {
        *self != Retention::default()
    }

    fn documents(&self) -> Vec<(DocumentKind, u32)> {
        [
            (DocumentKind::ContactRequest, self.contact_request),
            (DocumentKind::Feedback, self.feedback),
            (DocumentKind::WorkAbilityCheck, self.work_ability_check),
            (DocumentKind::ClientPlan, self.client_plan),
        ]
        .into_iter()
        .filter_map(|(kind, days)| days.map(|days| (kind, days)))
        .collect()
    }
}

/// What [`Store::expire`] deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expired {
    /// Documents deleted, by kind.
    pub documents: Vec<(DocumentKind, usize)>,
    /// Draft versions deleted.
    pub drafts: usize,
}

impl Expired {
    /// Rows deleted in all.
    pub fn total(&self) -> usize {
        self.documents.iter().map(|(_, count)| count).sum::<usize>() + self.drafts
    }
}

/// The hash the first entry of the access log follows.
const GENESIS: &str = "tyokyky-access-log";

/// One use of the stored data, for the access log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// Who: the credential's subject (a person, a system) or the static token's role.
    pub actor: String,
    /// Their organisation, when the credential names one.
    pub organisation: Option<String>,
    /// What: `read`, `list`, `write`, `export`, `revise`, `delete`, `expire`, `mark_fetched`, …
    pub action: String,
    /// Through which endpoint, e.g. `GET /api/documents/{id}`.
    pub endpoint: String,
    /// Which document, when one.
    pub document_id: Option<Uuid>,
    /// The purpose, when the caller gave one.
    pub purpose: Option<String>,
}

/// An entry of the access log as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoggedAccess {
    /// Its place in the log.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// Their organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// What.
    pub action: String,
    /// Through which endpoint.
    pub endpoint: String,
    /// Which document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    /// The purpose given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Its hash in the chain.
    pub hash: String,
}

/// Which entries of the access log to give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessQuery {
    /// Those about this document.
    pub document_id: Option<Uuid>,
    /// Those of this actor.
    pub actor: Option<String>,
    /// From this moment on.
    pub since: Option<DateTime<Utc>>,
    /// Before this moment.
    pub until: Option<DateTime<Utc>>,
    /// After this place in the log (0: from the start).
    pub after: i64,
    /// At most this many.
    pub limit: u32,
}

/// A client's own view of the use of their data (see [`Store::client_view`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientView {
    /// The documents stored about them.
    pub documents: Vec<ClientDocument>,
    /// Every use of those documents, oldest first, as the log holds them (with their hashes).
    pub accesses: Vec<LoggedAccess>,
}

/// A document in a client's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientDocument {
    /// Its id.
    pub document_id: Uuid,
    /// Its kind.
    pub kind: String,
    /// Its short reference.
    pub reference: String,
    /// When it was received.
    pub received_at: DateTime<Utc>,
}

/// What [`Store::verify_access_log`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogVerification {
    /// Every entry follows the one before and is as written.
    Intact {
        /// How many entries.
        entries: u64,
        /// The newest entry's hash, to note and compare later.
        head: String,
    },
    /// The chain breaks at this entry.
    Broken {
        /// The entry.
        seq: i64,
        /// Why.
        why: String,
    },
}

/// The fields of an entry that its hash covers (with its place and the hash before it).
struct AccessFields {
    at: String,
    actor: String,
    organisation: Option<String>,
    action: String,
    endpoint: String,
    document_id: Option<String>,
    purpose: Option<String>,
}

/// SHA-256 (hex) over the hash before, the entry's place and its fields, written as one JSON array so
/// that no two different entries give the same input.
fn chain_hash(previous: &str, seq: i64, fields: &AccessFields) -> String {
    use sha2::{Digest, Sha256};
    let input = serde_json::json!([
        previous,
        seq,
        fields.at,
        fields.actor,
        fields.organisation,
        fields.action,
        fields.endpoint,
        fields.document_id,
        fields.purpose
    ]);
    Sha256::digest(input.to_string().as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Appends `access` at `at` in the transaction, after the newest entry.
fn append_access(
    transaction: &rusqlite::Transaction<'_>,
    access: &Access,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let last: Option<(i64, String)> = transaction
        .query_row(
            "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let (seq, previous) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let fields = AccessFields {
        at: format_time(at),
        actor: access.actor.clone(),
        organisation: access.organisation.clone(),
        action: access.action.clone(),
        endpoint: access.endpoint.clone(),
        document_id: access.document_id.map(|id| id.to_string()),
        purpose: access.purpose.clone(),
    };
    let hash = chain_hash(&previous, seq, &fields);
    transaction.execute(
        "INSERT INTO access_log (seq, at, actor, organisation, action, endpoint, document_id, purpose, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            seq,
            fields.at,
            fields.actor,
            fields.organisation,
            fields.action,
            fields.endpoint,
            fields.document_id,
            fields.purpose,
            previous,
            hash
        ],
    )?;
    Ok(())
}

/// The entries of the access log `query` asks for, oldest first.
fn access_log_in(connection: &Connection, query: &AccessQuery) -> Result<Vec<LoggedAccess>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, hash
             FROM access_log
             WHERE (?1 IS NULL OR document_id = ?1) AND (?2 IS NULL OR actor = ?2)
               AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < ?4) AND seq > ?6
             ORDER BY seq LIMIT ?5",
    )?;
    let rows = statement.query_map(
        params![
            query.document_id.map(|id| id.to_string()),
            query.actor,
            query.since.map(format_time),
            query.until.map(format_time),
            query.limit,
            query.after,
        ],
        logged_access,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An entry of the access log from a row of `SELECT seq, at, actor, organisation, action, endpoint,
/// document_id, purpose, hash`.
fn logged_access(row: &rusqlite::Row<'_>) -> rusqlite::Result<LoggedAccess> {
    Ok(LoggedAccess {
        seq: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        organisation: row.get(3)?,
        action: row.get(4)?,
        endpoint: row.get(5)?,
        document_id: row.get(6)?,
        purpose: row.get(7)?,
        hash: row.get(8)?,
    })
}

/// Removes every version of the draft `id`; whether there was one.
fn delete_draft_in(connection: &Connection, id: Uuid) -> Result<bool, StoreError> {
    let removed = connection.execute("DELETE FROM drafts WHERE draft_id = ?1", params![id.to_string()])?;
    Ok(removed > 0)
}

/// A list of names as a JSON array, for `documents.shared_with`.
fn names_json(names: &[String]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".to_owned())
}

/// The client plan in a stored document's plain body, if it is one that reads.
fn plan_of(body: &str) -> Option<ClientPlan> {
    let mut value: serde_json::Value = serde_json::from_str(body).ok()?;
    serde_json::from_value(value.get_mut("answers")?.take()).ok()
}

/// A write that changes nothing but still goes to disk: `user_version` set to what it is (SQLite writes
/// the database header again, one page, and syncs it).
fn probe_write(connection: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    connection.pragma_update(None, "user_version", version)?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the SQLite file at `path`; bodies are stored as they are.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Opens the SQLite file at `path` with bodies sealed at rest under `keys` (see [`crate::seal`]):
    /// what is written is sealed with the current key; what was stored plain or under an older key still
    /// reads, and [`Store::reseal`] brings it under the current key.
    pub fn open_sealed(path: &Path, keys: Keys) -> Result<Store, StoreError> {
        Store::open_with(path, Some(Arc::new(keys)))
    }

    fn open_with(path: &Path, keys: Option<Arc<Keys>>) -> Result<Store, StoreError> {
        let connection = connect(path, OpenFlags::default())?;
        let store = Store {
            path: Arc::new(path.to_owned()),
            state: Arc::new(Mutex::new(State {
                connection: Some(connection),
                fault: None,
            })),
            keys,
        };
        store.index_sharing()?;
        Ok(store)
    }

    /// Records with whom each joint plan stored before store schema 6 is shared (new plans are recorded as
    /// they are stored). A body this inbox cannot open (sealed, and started without its key) is left for a
    /// later start with the key: until then no partner sees that plan. Returns how many plans it recorded.
    pub fn index_sharing(&self) -> Result<usize, StoreError> {
        self.run(
            |count| *count > 0,
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let rows: Vec<(i64, String, String)> = transaction
                    .prepare(
                        "SELECT seq, idempotency_key, body FROM documents
                         WHERE kind = 'client_plan' AND shared_with IS NULL",
                    )?
                    .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                    .collect::<Result<_, _>>()?;
                let mut count = 0;
                for (seq, key, body) in rows {
                    let Ok(plain) = self.unseal(&body, &key) else {
                        continue;
                    };
                    let names = plan_of(&plain).map(|plan| plan.shared_with()).unwrap_or_default();
                    transaction.execute(
                        "UPDATE documents SET shared_with = ?2 WHERE seq = ?1",
                        params![seq, names_json(&names)],
                    )?;
                    count += 1;
                }
                transaction.commit()?;
                Ok(count)
            },
        )
    }

    /// Runs `work` in one transaction with an entry of the access log, so that nothing is read or written
    /// without its entry, and no entry stays for what failed. `about` says from `work`'s result whether
    /// there is anything to log (`None`: no such document or draft, nothing was used) and, when
    /// `Some(Some(id))`, which document the entry names (else `access.document_id`).
    fn logged<T>(
        &self,
        access: &Access,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
        about: impl FnOnce(&T) -> Option<Option<Uuid>>,
    ) -> Result<T, StoreError> {
        self.run(
            |_| true,
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let result = work(&transaction)?;
                if let Some(document) = about(&result) {
                    let mut entry = access.clone();
                    if document.is_some() {
                        entry.document_id = document;
                    }
                    append_access(&transaction, &entry, now_millis())?;
                }
                transaction.commit()?;
                Ok(result)
            },
        )
    }

    /// A body as stored: sealed for the row `row` when sealing is on.
    fn seal(&self, plain: &str, row: &str) -> String {
        match &self.keys {
            Some(keys) => keys.seal(plain, row),
            None => plain.to_owned(),
        }
    }

    /// The plain text of a stored body of the row `row`.
    fn unseal(&self, stored: &str, row: &str) -> Result<String, StoreError> {
        match &self.keys {
            Some(keys) => keys
                .open(stored, row)
                .map_err(|error| StoreError::Corrupt(format!("row {row}: {error}"))),
            None if crate::seal::sealed_with(stored).is_some() => Err(StoreError::Corrupt(format!(
                "row {row} is sealed, and the inbox was started without keys"
            ))),
            None => Ok(stored.to_owned()),
        }
    }

    /// Seals up to `batch` bodies that are plain or sealed with another key than the current one under the
    /// current key (documents first, then drafts); returns how many it sealed (0 when all are current, or
    /// when sealing is off). Each batch is one transaction; run it again until it returns 0.
    pub fn reseal(&self, batch: u32) -> Result<usize, StoreError> {
        let Some(keys) = self.keys.clone() else {
            return Ok(0);
        };
        let current = format!("sealed:v1:{}:", keys.current());
        let length = i64::try_from(current.len()).unwrap_or(i64::MAX);
        self.run(
            |count| *count > 0,
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let mut count = 0;
                let documents: Vec<(i64, String, String)> = transaction
                    .prepare("SELECT seq, idempotency_key, body FROM documents WHERE substr(body, 1, ?1) != ?2 LIMIT ?3")?
                    .query_map(params![length, current, batch], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                    })?
                    .collect::<Result<_, _>>()?;
                for (seq, key, body) in documents {
                    let plain = self.unseal(&body, &key)?;
                    transaction.execute(
                        "UPDATE documents SET body = ?2 WHERE seq = ?1",
                        params![seq, keys.seal(&plain, &key)],
                    )?;
                    count += 1;
                }
                let drafts: Vec<(String, u32, String)> = transaction
                    .prepare("SELECT draft_id, version, body FROM drafts WHERE substr(body, 1, ?1) != ?2 LIMIT ?3")?
                    .query_map(params![length, current, batch], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                    })?
                    .collect::<Result<_, _>>()?;
                for (id, version, body) in drafts {
                    let row = draft_row(&id, version);
                    let plain = self.unseal(&body, &row)?;
                    transaction.execute(
                        "UPDATE drafts SET body = ?3 WHERE draft_id = ?1 AND version = ?2",
                        params![id, version, keys.seal(&plain, &row)],
                    )?;
                    count += 1;
                }
                transaction.commit()?;
                Ok(count)
            },
        )
    }

    fn lock(&self) -> Result<MutexGuard<'_, State>, StoreError> {
        self.state.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Runs `work` on the connection, opening the file again first if a fault closed it. A SQLite error
    /// becomes [`StoreError::Storage`] with its fault, which is remembered (and, unless it is a lock held by
    /// another process, closes the connection: after a full or read-only disk SQLite may keep a read-only
    /// handle, and a new one sees the disk as it is now). A result for which `wrote` is true proves the disk
    /// takes writes again and clears the remembered fault.
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
            Err(StoreError::Sqlite(source)) => {
                let fault = self.diagnose(Fault::of(&source));
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

    /// Stores a validated document once per idempotency key, in one transaction: on any failure nothing of
    /// it is stored, and the same document sent again is stored then.
    pub fn insert(&self, document: &Document) -> Result<Stored, StoreError> {
        self.insert_as(document, None)
    }

    /// As [`Store::insert`], with `access` an entry of the access log (naming the new document) in the
    /// same transaction when the document is new.
    pub fn insert_as(&self, document: &Document, access: Option<&Access>) -> Result<Stored, StoreError> {
        let body = document.to_json();
        let shared_with = match &document.body {
            DocumentBody::ClientPlan(plan) => Some(names_json(&plan.shared_with())),
            _ => None,
        };
        let key = document.idempotency_key.to_string();
        self.run(
            |stored| matches!(stored, Stored::Created(_)),
            |connection| {
                // Immediate: the write lock is taken (waiting up to the busy timeout) before the key is looked
                // up, so a lock held by another process is waited for rather than failing the upgrade.
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
                    if self.unseal(&stored_body, &key)? != body {
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
                // What a listing shows is read from the plain body here (it is a parameter, never stored);
                // the body itself is stored sealed when sealing is on.
                transaction.execute(
                    "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at,
                        plan_version, supersedes, review_date, case_reference, urgent, shared_with)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                        json_extract(?7, '$.answers.case.plan.revision.version'),
                        json_extract(?7, '$.answers.case.plan.revision.supersedes'),
                        (SELECT min(value) FROM json_each(?7, '$.answers.case.plan.review_dates')),
                        json_extract(?7, '$.answers.context.case_reference'),
                        json_extract(?7, '$.answers.urgent'), ?8)",
                    params![
                        receipt.document_id.to_string(),
                        key,
                        document.body.kind().as_str(),
                        document.schema_version,
                        self.seal(&body, &key),
                        format_time(receipt.received_at),
                        body,
                        shared_with,
                    ],
                )?;
                if let Some(access) = access {
                    let mut entry = access.clone();
                    entry.document_id = Some(receipt.document_id);
                    append_access(&transaction, &entry, receipt.received_at)?;
                }
                transaction.commit()?;
                Ok(Stored::Created(receipt))
            },
        )
    }

    /// Up to `limit` documents after position `after` that pass `filter`, oldest first.
    pub fn list(&self, filter: &Filter, after: i64, limit: u32) -> Result<Vec<Summary>, StoreError> {
        self.run(
            |_| false,
            |connection| self.list_in(connection, filter, after, limit),
        )
    }

    fn list_in(
        &self,
        connection: &Connection,
        filter: &Filter,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Summary>, StoreError> {
        let mut statement = connection.prepare_cached(
            "SELECT seq, id, kind, idempotency_key, received_at, fetched_at,
            plan_version, supersedes, review_date, case_reference, urgent
     FROM documents
     WHERE seq > ?1 AND (?2 IS NULL OR kind = ?2)
       AND (?3 IS NULL OR received_at >= ?3) AND (?4 IS NULL OR received_at < ?4)
       AND (?5 IS NULL OR (fetched_at IS NOT NULL) = ?5)
       AND (?7 IS NULL OR substr(idempotency_key, 1, 11) = ?7)
     ORDER BY seq LIMIT ?6",
        )?;
        let rows = statement.query_map(
            params![
                after,
                filter.kind.map(DocumentKind::as_str),
                filter.since.map(format_time),
                filter.until.map(format_time),
                filter.fetched,
                limit,
                filter.reference.as_ref().map(key_text_prefix),
            ],
            summary_row,
        )?;
        rows.map(|row| row?.summary()).collect()
    }

    /// Marks the document with this id fetched (the first time only) and returns when it was, or `None`
    /// if there is no such document.
    pub fn mark_fetched(&self, id: Uuid) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.run(|_| false, |connection| self.mark_fetched_in(connection, id))
    }

    fn mark_fetched_in(
        &self,
        connection: &Connection,
        id: Uuid,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
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
        self.run(|_| false, |connection| self.get_in(connection, id))
    }

    fn get_in(&self, connection: &Connection, id: Uuid) -> Result<Option<StoredDocument>, StoreError> {
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
        let body = self.unseal(&body, &key)?;
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

    /// Saves `draft` as the next version of its draft, in one transaction: a version that is not the next
    /// one is refused (a conflict when that version is stored with other content), and the same version
    /// with the same content again is taken as the save it repeats.
    pub fn save_draft(&self, draft: &Draft) -> Result<DraftSaved, StoreError> {
        self.save_draft_as(draft, None)
    }

    /// As [`Store::save_draft`], with `access` an entry of the access log in the same transaction when the
    /// version is new.
    pub fn save_draft_as(&self, draft: &Draft, access: Option<&Access>) -> Result<DraftSaved, StoreError> {
        let body = serde_json::to_string(draft).map_err(|error| StoreError::Corrupt(error.to_string()))?;
        let id = draft.draft_id.to_string();
        self.run(
            |saved| matches!(saved, DraftSaved::Created(_)),
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let same = transaction
                    .query_row(
                        "SELECT body, received_at FROM drafts WHERE draft_id = ?1 AND version = ?2",
                        params![id, draft.version],
                        |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
                    )
                    .optional()?;
                let row = draft_row(&id, draft.version);
                if let Some((stored, received_at)) = same
                    && self.unseal(&stored, &row)? == body
                {
                    return Ok(DraftSaved::AlreadyStored(parse_time(&received_at)?));
                }
                let latest: u32 = transaction.query_row(
                    "SELECT coalesce(max(version), 0) FROM drafts WHERE draft_id = ?1",
                    params![id],
                    |row| row.get(0),
                )?;
                if let Err(refusal) = check_version(latest, draft.version) {
                    return Ok(DraftSaved::Refused(refusal));
                }
                let received_at = now_millis();
                transaction.execute(
                    "INSERT INTO drafts (draft_id, version, body, saved_at, received_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        id,
                        draft.version,
                        self.seal(&body, &row),
                        format_time(draft.saved_at),
                        format_time(received_at)
                    ],
                )?;
                if let Some(access) = access {
                    append_access(&transaction, access, received_at)?;
                }
                transaction.commit()?;
                Ok(DraftSaved::Created(received_at))
            },
        )
    }

    /// The newest version of a draft, as saved, if there is one.
    pub fn draft(&self, id: Uuid) -> Result<Option<serde_json::Value>, StoreError> {
        self.run(|_| false, |connection| self.draft_in(connection, id))
    }

    fn draft_in(&self, connection: &Connection, id: Uuid) -> Result<Option<serde_json::Value>, StoreError> {
        let body = connection
            .query_row(
                "SELECT version, body FROM drafts WHERE draft_id = ?1 ORDER BY version DESC LIMIT 1",
                params![id.to_string()],
                |row| Ok((row.get::<_, u32>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        body.map(|(version, body)| {
            let body = self.unseal(&body, &draft_row(&id.to_string(), version))?;
            serde_json::from_str(&body).map_err(|error| StoreError::Corrupt(format!("draft {id}: {error}")))
        })
        .transpose()
    }

    /// Every draft's newest version, the most recently received first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        self.run(|_| false, |connection| self.drafts_in(connection))
    }

    fn drafts_in(&self, connection: &Connection) -> Result<Vec<DraftSummary>, StoreError> {
        let mut statement = connection.prepare(
            "SELECT draft_id, version, saved_at, received_at FROM drafts AS d
             WHERE version = (SELECT max(version) FROM drafts WHERE draft_id = d.draft_id)
             ORDER BY received_at DESC",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, u32>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut drafts = Vec::new();
        for row in rows {
            let (id, version, saved_at, received_at) = row?;
            drafts.push(DraftSummary {
                draft_id: parse_uuid(&id)?,
                version,
                saved_at: parse_time(&saved_at)?,
                received_at: parse_time(&received_at)?,
            });
        }
        Ok(drafts)
    }

    /// Removes every version of a draft (once its plan is finished, or it is given up); whether there was
    /// one.
    pub fn delete_draft(&self, id: Uuid) -> Result<bool, StoreError> {
        self.run(|deleted| *deleted, |connection| delete_draft_in(connection, id))
    }

    /// Deletes what `retention` no longer keeps at `now`: each kind of document received more than its
    /// period before, and each draft whose newest version was (all its versions). Deleted rows are
    /// overwritten on disk (`secure_delete`), and each deletion is an entry of the access log (actor
    /// `retention`, action `expire`). One transaction; returns what went.
    pub fn expire(&self, retention: &Retention, now: DateTime<Utc>) -> Result<Expired, StoreError> {
        self.run(
            |expired: &Expired| expired.total() > 0,
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let mut expired = Expired::default();
                let logged = |action: &str, document_id: Option<Uuid>| Access {
                    actor: "retention".to_owned(),
                    organisation: None,
                    action: action.to_owned(),
                    endpoint: "retention".to_owned(),
                    document_id,
                    purpose: Some("retention period ended".to_owned()),
                };
                // What a DELETE removed, as its RETURNING clause names it.
                let delete =
                    |sql: &str, values: &[&dyn rusqlite::ToSql]| -> Result<Vec<String>, StoreError> {
                        Ok(transaction
                            .prepare(sql)?
                            .query_map(values, |row| row.get(0))?
                            .collect::<Result<_, _>>()?)
                    };
                for (kind, days) in retention.documents() {
                    let cutoff = format_time(now - chrono::Duration::days(i64::from(days)));
                    let ids = delete(
                        "DELETE FROM documents WHERE kind = ?1 AND received_at < ?2 RETURNING id",
                        params![kind.as_str(), cutoff],
                    )?;
                    for id in &ids {
                        append_access(&transaction, &logged("expire", Uuid::parse_str(id).ok()), now)?;
                    }
                    if !ids.is_empty() {
                        expired.documents.push((kind, ids.len()));
                    }
                }
                if let Some(days) = retention.draft {
                    let cutoff = format_time(now - chrono::Duration::days(i64::from(days)));
                    // One row for each version removed; one entry of the log for each draft.
                    let mut ids = delete(
                        "DELETE FROM drafts WHERE draft_id IN
                           (SELECT draft_id FROM drafts GROUP BY draft_id HAVING max(received_at) < ?1)
                         RETURNING draft_id",
                        params![cutoff],
                    )?;
                    expired.drafts = ids.len();
                    ids.sort();
                    ids.dedup();
                    for id in &ids {
                        append_access(
                            &transaction,
                            &logged("expire_draft", Uuid::parse_str(id).ok()),
                            now,
                        )?;
                    }
                }
                transaction.commit()?;
                Ok(expired)
            },
        )
    }

    /// Appends `access` to the access log at `at`, chained to the entry before it.
    pub fn log_access(&self, access: &Access, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.run(
            |_| true,
            |connection| {
                let transaction =
                    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                append_access(&transaction, access, at)?;
                transaction.commit()?;
                Ok(())
            },
        )
    }

    /// The access log's entries that `query` asks for, oldest first: for an administrator's query and
    /// export, and for a client's own view of who read a document of theirs.
    pub fn access_log(&self, query: &AccessQuery) -> Result<Vec<LoggedAccess>, StoreError> {
        self.run(|_| false, |connection| access_log_in(connection, query))
    }

    /// As [`Store::access_log`], the query itself an entry of the log (`access`).
    pub fn access_log_as(
        &self,
        query: &AccessQuery,
        access: &Access,
    ) -> Result<Vec<LoggedAccess>, StoreError> {
        self.logged(
            access,
            |connection| access_log_in(connection, query),
            |_| Some(None),
        )
    }

    /// Walks the access log from the start, computing each entry's hash again from its fields and the
    /// hash before it: an entry changed, or one removed from the middle, breaks the chain there. Removing
    /// the newest entries leaves a shorter chain that still holds, which only comparing with a head noted
    /// before can show: the result gives the count and the head hash to note.
    pub fn verify_access_log(&self) -> Result<LogVerification, StoreError> {
        self.run(
            |_| false,
            |connection| {
                let mut statement = connection.prepare(
                    "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, prev_hash, hash
                     FROM access_log ORDER BY seq",
                )?;
                let mut rows = statement.query([])?;
                let mut previous = GENESIS.to_owned();
                let mut entries = 0;
                while let Some(row) = rows.next()? {
                    let seq: i64 = row.get(0)?;
                    let fields = AccessFields {
                        at: row.get(1)?,
                        actor: row.get(2)?,
                        organisation: row.get(3)?,
                        action: row.get(4)?,
                        endpoint: row.get(5)?,
                        document_id: row.get(6)?,
                        purpose: row.get(7)?,
                    };
                    let prev_hash: String = row.get(8)?;
                    let hash: String = row.get(9)?;
                    if prev_hash != previous {
                        return Ok(LogVerification::Broken {
                            seq,
                            why: "it does not follow the entry before it (one was removed or changed)".to_owned(),
                        });
                    }
                    if chain_hash(&previous, seq, &fields) != hash {
                        return Ok(LogVerification::Broken {
                            seq,
                            why: "its contents were changed after it was written".to_owned(),
                        });
                    }
                    previous = hash;
                    entries += 1;
                }
                Ok(LogVerification::Intact { entries, head: previous })
            },
        )
    }

    /// How many documents are stored; also proves the database answers.
    pub fn count(&self) -> Result<i64, StoreError> {
        self.run(
            |_| false,
            |connection| Ok(connection.query_row("SELECT count(*) FROM documents", [], |row| row.get(0))?),
        )
    }

    /// How many documents are stored, or why the storage is failing. Reads alone would pass on a full or
    /// read-only disk, so after a fault (until a document is stored again) this also writes to disk, a write
    /// that changes nothing: the storage is reported failing for as long as it fails, and well again as
    /// soon as it takes writes.
    pub fn health(&self) -> Result<i64, StoreError> {
        if self.fault()?.is_some() {
            self.run(|_| true, probe_write)?;
        }
        self.count()
    }

    /// The fault seen last, unless a write has succeeded since.
    pub fn fault(&self) -> Result<Option<Fault>, StoreError> {
        Ok(self.lock()?.fault)
    }

    /// A client's own view of the use of their data: the documents stored about them (the contact
    /// request or feedback with the short reference whose key begins with `reference`, the plans with the
    /// host system's `case_reference`) and every entry of the access log about those documents, oldest
    /// first. Producing it is an entry of the log too (`access`).
    pub fn client_view(
        &self,
        reference: Option<&[u8; 5]>,
        case_reference: Option<&str>,
        access: &Access,
    ) -> Result<ClientView, StoreError> {
        self.logged(
            access,
            |connection| {
                let documents: Vec<ClientDocument> = connection
                    .prepare(
                        "SELECT id, kind, idempotency_key, received_at FROM documents
                         WHERE (?1 IS NOT NULL AND substr(idempotency_key, 1, 11) = ?1)
                            OR (?2 IS NOT NULL AND case_reference = ?2)
                         ORDER BY seq",
                    )?
                    .query_map(params![reference.map(key_text_prefix), case_reference], |row| {
                        Ok((
                            row.get::<_, String>(0)?,
                            row.get::<_, String>(1)?,
                            row.get::<_, String>(2)?,
                            row.get::<_, String>(3)?,
                        ))
                    })?
                    .map(|row| {
                        let (id, kind, key, received_at) = row?;
                        let key = parse_uuid(&key)?;
                        Ok(ClientDocument {
                            document_id: parse_uuid(&id)?,
                            kind,
                            reference: tyokyky_engine::contact::reference_code(&key),
                            received_at: parse_time(&received_at)?,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?;
                let ids: Vec<String> = documents
                    .iter()
                    .map(|document| document.document_id.to_string())
                    .collect();
                let accesses = connection
                    .prepare(
                        "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, hash
                         FROM access_log
                         WHERE document_id IN (SELECT value FROM json_each(?1)) ORDER BY seq",
                    )?
                    .query_map(params![names_json(&ids)], logged_access)?
                    .collect::<Result<_, _>>()?;
                Ok(ClientView { documents, accesses })
            },
            |_| Some(None),
        )
    }

    /// As [`Store::list`], the listing an entry of the access log.
    pub fn list_as(
        &self,
        filter: &Filter,
        after: i64,
        limit: u32,
        access: &Access,
    ) -> Result<Vec<Summary>, StoreError> {
        self.logged(
            access,
            |connection| self.list_in(connection, filter, after, limit),
            |_| Some(None),
        )
    }

    /// As [`Store::get`], the read an entry of the access log when there is such a document.
    pub fn get_as(&self, id: Uuid, access: &Access) -> Result<Option<StoredDocument>, StoreError> {
        self.logged(
            access,
            |connection| self.get_in(connection, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::mark_fetched`], an entry of the access log when there is such a document.
    pub fn mark_fetched_as(&self, id: Uuid, access: &Access) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.logged(
            access,
            |connection| self.mark_fetched_in(connection, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::draft`], an entry of the access log when there is such a draft.
    pub fn draft_as(&self, id: Uuid, access: &Access) -> Result<Option<serde_json::Value>, StoreError> {
        self.logged(
            access,
            |connection| self.draft_in(connection, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::drafts`], the listing an entry of the access log.
    pub fn drafts_as(&self, access: &Access) -> Result<Vec<DraftSummary>, StoreError> {
        self.logged(access, |connection| self.drafts_in(connection), |_| Some(None))
    }

    /// As [`Store::delete_draft`], an entry of the access log when there was such a draft.
    pub fn delete_draft_as(&self, id: Uuid, access: &Access) -> Result<bool, StoreError> {
        self.logged(
            access,
            |connection| delete_draft_in(connection, id),
            |deleted| deleted.then_some(Some(id)),
        )
    }

    /// The current versions (no later version replaces them) of the joint plans shared with the partner
    /// known by any of `names`, after position `after`, oldest first; the listing an entry of the access
    /// log.
    pub fn partner_plans(
        &self,
        names: &[String],
        after: i64,
        limit: u32,
        access: &Access,
    ) -> Result<Vec<Summary>, StoreError> {
        let names = names_json(&names.iter().map(|name| comparable_name(name)).collect::<Vec<_>>());
        self.logged(
            access,
            |connection| {
                let mut statement = connection.prepare_cached(
                    // Read as a listing reads them; a partner is not told whether the plan was fetched.
                    "SELECT seq, id, kind, idempotency_key, received_at, NULL,
                        plan_version, supersedes, review_date, case_reference, urgent
                     FROM documents AS d
                     WHERE kind = 'client_plan' AND seq > ?2
                       AND EXISTS (SELECT 1 FROM json_each(d.shared_with) AS s
                                   WHERE s.value IN (SELECT value FROM json_each(?1)))
                       AND NOT EXISTS (SELECT 1 FROM documents AS later WHERE later.supersedes = d.idempotency_key)
                     ORDER BY seq LIMIT ?3",
                )?;
                let rows = statement.query_map(params![names, after, limit], summary_row)?;
                rows.map(|row| row?.summary()).collect()
            },
            |_| Some(None),
        )
    }

    /// What the partner known by any of `names` may read of the plan `id` (see [`PartnerView`]): `None`
    /// when there is no such plan, when it is not shared with that partner, or when a later version
    /// replaces it (the later version says whether it is still shared). The read an entry of the access
    /// log.
    pub fn partner_plan(
        &self,
        id: Uuid,
        names: &[String],
        access: &Access,
    ) -> Result<Option<(Receipt, PartnerView)>, StoreError> {
        self.logged(
            access,
            |connection| {
                let row = connection
                    .query_row(
                        "SELECT idempotency_key, body, received_at FROM documents AS d
                         WHERE id = ?1 AND kind = 'client_plan'
                           AND NOT EXISTS (SELECT 1 FROM documents AS later
                                           WHERE later.supersedes = d.idempotency_key)",
                        params![id.to_string()],
                        |row| {
                            Ok((
                                row.get::<_, String>(0)?,
                                row.get::<_, String>(1)?,
                                row.get::<_, String>(2)?,
                            ))
                        },
                    )
                    .optional()?;
                let Some((key, body, received_at)) = row else {
                    return Ok(None);
                };
                let plain = self.unseal(&body, &key)?;
                let Some(view) = plan_of(&plain).and_then(|plan| plan.partner_view(names)) else {
                    return Ok(None);
                };
                let receipt = Receipt {
                    document_id: id,
                    idempotency_key: parse_uuid(&key)?,
                    received_at: parse_time(&received_at)?,
                };
                Ok(Some((receipt, view)))
            },
            |found| found.as_ref().map(|_| Some(id)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tyokyky_engine::document::{
        DocumentBody, FreeText, Language, MAX_FREE_TEXT_CHARS, WorkAbilityCheck, WorkAbilityScore,
    };

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

    /// A pragma's value on the store's connection, as text.
    fn pragma(store: &Store, name: &str) -> String {
        let state = store.lock().unwrap();
        let connection = state.connection.as_ref().unwrap();
        connection
            .pragma_query_value(None, name, |row| {
                row.get_ref(0).map(|value| match value {
                    rusqlite::types::ValueRef::Integer(number) => number.to_string(),
                    other => String::from_utf8_lossy(other.as_bytes().unwrap_or_default()).into_owned(),
                })
            })
            .unwrap()
    }

    /// Sets a pragma on the store's live connection (a fault for this connection only: a new one, opened
    /// after a fault, does not have it).
    fn set_pragma(store: &Store, name: &str, value: i64) {
        let state = store.lock().unwrap();
        state
            .connection
            .as_ref()
            .unwrap()
            .pragma_update(None, name, value)
            .unwrap();
    }

    /// A document whose text (4000 bytes) needs a new page in the file.
    fn large_document(key: u8) -> Document {
        Document::new(
            Uuid::from_bytes([key; 16]),
            DateTime::UNIX_EPOCH,
            Language::Fi,
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
            store.lock().unwrap().connection.is_none(),
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
            "the database has store schema 9; this inbox knows 6"
        );
    }
}
