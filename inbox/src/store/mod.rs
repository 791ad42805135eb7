//! The inbox's store: documents, workers' drafts, the access log and retention, on one of two engines that
//! run the same statements ([`sql`]): an embedded SQLite file (the default, [`sqlite`]) or a PostgreSQL
//! database that several inbox instances share ([`postgres`]). Either way a document is committed before
//! its receipt is returned, and stored exactly once per idempotency key (the key's unique constraint
//! decides).
//!
//! When the storage fails the failing transaction is rolled back whole, the error names the [`Fault`], and
//! the store keeps going: the next request opens the file or a connection again, so it stores again as
//! soon as the storage can take it, without a restart. It also remembers the fault, so that
//! [`Store::health`] reports the storage failing until a write succeeds again.

mod batch;
mod forwards;
mod postgres;
pub use forwards::{Attempt, Claimed, Forward, ForwardState, Forwarding, Replayed};
pub use postgres::WRITE_LOCK;
pub mod sql;
mod sqlite;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use tyokyky_engine::document::{Document, DocumentBody, DocumentKind, Receipt};
use tyokyky_engine::documents::draft::{Draft, DraftRefusal, check_version};
use tyokyky_engine::documents::partner_view::{PartnerView, comparable_name};
use tyokyky_engine::documents::plan::ClientPlan;
use uuid::Uuid;

use crate::seal::Keys;
pub use sql::DbError;
use sql::{Row, Sql, values};
pub use sqlite::BUSY_TIMEOUT;

/// The schema this code creates and reads: SQLite keeps it in `user_version`, PostgreSQL in the table
/// `store_schema` (whose first migration brings a new database to 6 at once, and the next to 7).
const STORE_SCHEMA_VERSION: i64 = 7;

/// Where the store keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file (created if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL database, by its URL (`postgres://user[:password]@host[:port]/database`), reached with
    /// at most this many connections.
    Postgres {
        /// The URL.
        url: String,
        /// Connections at most.
        connections: u32,
    },
}

impl Database {
    /// Reads `--database`: a `postgres://` or `postgresql://` URL.
    pub fn postgres(url: &str, connections: u32) -> Result<Database, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Database::Postgres {
                url: url.to_owned(),
                connections,
            })
        } else {
            Err(
                "--database takes a PostgreSQL URL, postgres://user@host:port/database; without it the \
                 inbox keeps a SQLite file in --data-dir"
                    .to_owned(),
            )
        }
    }

    /// Where it is, for the start-up line, without a password the URL may hold.
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres { url, .. } => match url.split_once('@') {
                Some((user, rest)) => {
                    let scheme_end = user.find("://").map_or(0, |at| at + 3);
                    let name = user[scheme_end..].split(':').next().unwrap_or_default();
                    format!("{}{name}@{rest}", &user[..scheme_end])
                }
                None => url.clone(),
            },
        }
    }
}

/// The engine a store runs on.
#[derive(Debug)]
enum Engine {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

/// A shared handle to the store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    engine: Arc<Engine>,
    /// The keys that seal bodies at rest, if sealing is on.
    keys: Option<Arc<Keys>>,
    /// Documents waiting to be committed together.
    inserts: Arc<batch::Batcher<Insert, Result<Stored, StoreError>>>,
    /// Where new documents are forwarded, if anywhere ([`Store::forwarding_to`]).
    forwarding: Option<Arc<Forwarding>>,
}

/// A document ready to be stored: its bodies, what a listing shows of it, the receipt it gets if it is
/// new, and its access-log entry.
#[derive(Debug)]
struct Insert {
    body: String,
    stored_body: String,
    key: String,
    kind: &'static str,
    schema_version: u32,
    shared_with: Option<String>,
    extracted: Extracted,
    receipt: Receipt,
    access: Option<Access>,
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
fn summary_row(mut row: Row) -> Result<SummaryRow, StoreError> {
    Ok(SummaryRow {
        seq: row.int(0)?,
        id: row.text(1)?,
        kind: row.text(2)?,
        key: row.text(3)?,
        received_at: row.text(4)?,
        fetched_at: row.opt_text(5)?,
        extracted: Extracted {
            revision_version: row.opt_int(6)?,
            supersedes: row.opt_text(7)?,
            review_date: row.opt_text(8)?,
            case_reference: row.opt_text(9)?,
            urgent: row.opt_int(10)?,
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

/// What a listing reads from a stored document's body, kept in columns of its own when it is stored (a
/// body that lacks a value gives SQL `NULL`).
#[derive(Debug)]
struct Extracted {
    revision_version: Option<i64>,
    supersedes: Option<String>,
    review_date: Option<String>,
    case_reference: Option<String>,
    urgent: Option<i64>,
}

impl Extracted {
    /// Read from a document's plain body as SQLite's `json_extract` reads it (which the migration of older
    /// files uses): a plan's revision version and the plan it supersedes, its earliest review date, the
    /// host system's case reference, and a contact request's urgency (1 or 0).
    fn of_body(body: &serde_json::Value) -> Extracted {
        let text = |pointer: &str| {
            body.pointer(pointer)
                .and_then(|value| value.as_str())
                .map(str::to_owned)
        };
        Extracted {
            revision_version: body
                .pointer("/answers/case/plan/revision/version")
                .and_then(serde_json::Value::as_i64),
            supersedes: text("/answers/case/plan/revision/supersedes"),
            review_date: body
                .pointer("/answers/case/plan/review_dates")
                .and_then(serde_json::Value::as_array)
                .and_then(|dates| dates.iter().filter_map(serde_json::Value::as_str).min())
                .map(str::to_owned),
            case_reference: text("/answers/context/case_reference"),
            urgent: body
                .pointer("/answers/urgent")
                .and_then(serde_json::Value::as_bool)
                .map(i64::from),
        }
    }

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
    /// The disk (or the quota) is full: `SQLITE_FULL`, or a disk error on a file system with no space;
    /// PostgreSQL's `disk_full` (and its server out of memory).
    Full,
    /// The storage is read-only: `SQLITE_READONLY`, or a disk error on a file system mounted read-only;
    /// PostgreSQL in a read-only transaction (a standby).
    ReadOnly,
    /// Another process holds the database's lock (`SQLITE_BUSY`, `SQLITE_LOCKED`) past [`BUSY_TIMEOUT`];
    /// PostgreSQL's lock or deadlock errors, or its connections all taken.
    Busy,
    /// The disk failed to read or write (`SQLITE_IOERR`, PostgreSQL's `io_error`) for another reason.
    Io,
    /// Anything else: the file cannot be opened, is damaged, or holds what this inbox cannot read; the
    /// PostgreSQL server refuses connections, is stopped or cannot be reached.
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
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.cause())
    }
}

/// What went wrong in the store; never the client's fault.
#[derive(Debug)]
pub enum StoreError {
    /// The database refused (when opening the store).
    Database(DbError),
    /// The storage failed while serving a request; nothing of that request was stored.
    Storage {
        /// Why, as far as the inbox can tell.
        fault: Fault,
        /// The database's error.
        source: DbError,
    },
    /// The database holds a schema this code does not know.
    UnknownSchema(i64),
    /// The setting of the database cannot be used.
    Config(String),
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
            StoreError::Database(error) => error.fault(),
            StoreError::UnknownSchema(_)
            | StoreError::Config(_)
            | StoreError::Corrupt(_)
            | StoreError::Poisoned => Fault::Unavailable,
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Database(error) => write!(f, "{error}"),
            StoreError::Storage { fault, source } => write!(f, "{fault} ({source})"),
            StoreError::Config(why) => f.write_str(why),
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
            StoreError::Database(error) | StoreError::Storage { source: error, .. } => Some(error),
            _ => None,
        }
    }
}

impl From<DbError> for StoreError {
    fn from(error: DbError) -> StoreError {
        StoreError::Database(error)
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

/// Appends `access` at `at` in the write transaction, after the newest entry.
fn append_access(sql: &mut dyn Sql, access: &Access, at: DateTime<Utc>) -> Result<(), StoreError> {
    append_chained(sql, &mut None, access, at)
}

/// Appends `access` at `at` after the entry `last` names (its place and hash), reading the newest entry
/// first when `last` is `None`; `last` then names the entry appended. Within one write transaction a run
/// of entries so reads the log once.
fn append_chained(
    sql: &mut dyn Sql,
    last: &mut Option<(i64, String)>,
    access: &Access,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if last.is_none() {
        *last = match sql.query_opt("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1", &[])? {
            Some(mut row) => Some((row.int(0)?, row.text(1)?)),
            None => Some((0, GENESIS.to_owned())),
        };
    }
    let (seq, previous) = match last.take() {
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
    sql.execute(
        "INSERT INTO access_log (seq, at, actor, organisation, action, endpoint, document_id, purpose, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        values![
            seq,
            &fields.at,
            &fields.actor,
            fields.organisation.as_ref(),
            &fields.action,
            &fields.endpoint,
            fields.document_id.as_ref(),
            fields.purpose.as_ref(),
            &previous,
            &hash
        ],
    )?;
    *last = Some((seq, hash));
    Ok(())
}

/// The entries of the access log `query` asks for, oldest first.
fn access_log_in(sql: &mut dyn Sql, query: &AccessQuery) -> Result<Vec<LoggedAccess>, StoreError> {
    sql.query(
        "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, hash
             FROM access_log
             WHERE (CAST(?1 AS TEXT) IS NULL OR document_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR actor = ?2)
               AND (CAST(?3 AS TEXT) IS NULL OR at >= ?3) AND (CAST(?4 AS TEXT) IS NULL OR at < ?4)
               AND seq > ?6
             ORDER BY seq LIMIT ?5",
        values![
            query.document_id.map(|id| id.to_string()),
            query.actor.as_ref(),
            query.since.map(format_time),
            query.until.map(format_time),
            query.limit,
            query.after,
        ],
    )?
    .into_iter()
    .map(logged_access)
    .collect()
}

/// An entry of the access log from a row of `SELECT seq, at, actor, organisation, action, endpoint,
/// document_id, purpose, hash`.
fn logged_access(mut row: Row) -> Result<LoggedAccess, StoreError> {
    Ok(LoggedAccess {
        seq: row.int(0)?,
        at: row.text(1)?,
        actor: row.text(2)?,
        organisation: row.opt_text(3)?,
        action: row.text(4)?,
        endpoint: row.text(5)?,
        document_id: row.opt_text(6)?,
        purpose: row.opt_text(7)?,
        hash: row.text(8)?,
    })
}

/// Removes every version of the draft `id`; whether there was one.
fn delete_draft_in(sql: &mut dyn Sql, id: Uuid) -> Result<bool, StoreError> {
    let removed = sql.execute("DELETE FROM drafts WHERE draft_id = ?1", values![id.to_string()])?;
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

impl Store {
    /// Opens (creating if needed) the SQLite file at `path`; bodies are stored as they are.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_database(&Database::Sqlite(path.to_owned()), None)
    }

    /// Opens the SQLite file at `path` with bodies sealed at rest under `keys` (see [`crate::seal`]):
    /// what is written is sealed with the current key; what was stored plain or under an older key still
    /// reads, and [`Store::reseal`] brings it under the current key.
    pub fn open_sealed(path: &Path, keys: Keys) -> Result<Store, StoreError> {
        Store::open_database(&Database::Sqlite(path.to_owned()), Some(keys))
    }

    /// Opens the store in `database`, bringing it to this code's schema, with bodies sealed under `keys`
    /// when given. Several inboxes may open one PostgreSQL database at once (they must share the keys).
    /// With PostgreSQL, call it where blocking is allowed (not on a thread that drives async tasks).
    pub fn open_database(database: &Database, keys: Option<Keys>) -> Result<Store, StoreError> {
        let engine = match database {
            Database::Sqlite(path) => Engine::Sqlite(sqlite::Sqlite::open(path)?),
            Database::Postgres { url, connections } => {
                Engine::Postgres(postgres::Postgres::open(url, *connections)?)
            }
        };
        let store = Store {
            engine: Arc::new(engine),
            keys: keys.map(Arc::new),
            inserts: Arc::default(),
            forwarding: None,
        };
        store.index_sharing()?;
        Ok(store)
    }

    /// Runs `work` with the engine's statements: in a write transaction when `write` (one write at a time,
    /// committed when `work` succeeds, rolled back whole when it fails), else as they come. A result for
    /// which `wrote` is true proves the storage takes writes and clears a remembered fault.
    fn with<T>(
        &self,
        write: bool,
        wrote: impl FnOnce(&T) -> bool,
        work: impl FnOnce(&mut dyn Sql) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match &*self.engine {
            Engine::Sqlite(engine) => engine.with(write, wrote, work),
            Engine::Postgres(engine) => engine.with(write, wrote, work),
        }
    }

    /// Reads, outside a transaction.
    fn read<T>(&self, work: impl FnOnce(&mut dyn Sql) -> Result<T, StoreError>) -> Result<T, StoreError> {
        self.with(false, |_| false, work)
    }

    /// Records with whom each joint plan stored before store schema 6 is shared (new plans are recorded as
    /// they are stored). A body this inbox cannot open (sealed, and started without its key) is left for a
    /// later start with the key: until then no partner sees that plan. Returns how many plans it recorded.
    pub fn index_sharing(&self) -> Result<usize, StoreError> {
        self.with(
            true,
            |count| *count > 0,
            |sql| {
                let rows = sql.query(
                    "SELECT seq, idempotency_key, body FROM documents
                     WHERE kind = 'client_plan' AND shared_with IS NULL",
                    &[],
                )?;
                let mut count = 0;
                for mut row in rows {
                    let (seq, key, body) = (row.int(0)?, row.text(1)?, row.text(2)?);
                    let Ok(plain) = self.unseal(&body, &key) else {
                        continue;
                    };
                    let names = plan_of(&plain).map(|plan| plan.shared_with()).unwrap_or_default();
                    sql.execute(
                        "UPDATE documents SET shared_with = ?2 WHERE seq = ?1",
                        values![seq, names_json(&names)],
                    )?;
                    count += 1;
                }
                Ok(count)
            },
        )
    }

    /// Runs `work` in one write transaction with an entry of the access log, so that nothing is read or
    /// written without its entry, and no entry stays for what failed. `about` says from `work`'s result
    /// whether there is anything to log (`None`: no such document or draft, nothing was used) and, when
    /// `Some(Some(id))`, which document the entry names (else `access.document_id`).
    fn logged<T>(
        &self,
        access: &Access,
        work: impl FnOnce(&mut dyn Sql) -> Result<T, StoreError>,
        about: impl FnOnce(&T) -> Option<Option<Uuid>>,
    ) -> Result<T, StoreError> {
        self.with(
            true,
            |_| true,
            |sql| {
                let result = work(sql)?;
                if let Some(document) = about(&result) {
                    let mut entry = access.clone();
                    if document.is_some() {
                        entry.document_id = document;
                    }
                    append_access(sql, &entry, now_millis())?;
                }
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
        self.with(
            true,
            |count| *count > 0,
            |sql| {
                let mut count = 0;
                let documents = sql.query(
                    "SELECT seq, idempotency_key, body FROM documents WHERE substr(body, 1, ?1) != ?2 LIMIT ?3",
                    values![length, &current, batch],
                )?;
                for mut row in documents {
                    let (seq, key, body) = (row.int(0)?, row.text(1)?, row.text(2)?);
                    let plain = self.unseal(&body, &key)?;
                    sql.execute(
                        "UPDATE documents SET body = ?2 WHERE seq = ?1",
                        values![seq, keys.seal(&plain, &key)],
                    )?;
                    count += 1;
                }
                let drafts = sql.query(
                    "SELECT draft_id, version, body FROM drafts WHERE substr(body, 1, ?1) != ?2 LIMIT ?3",
                    values![length, &current, batch],
                )?;
                for mut row in drafts {
                    let (id, version, body) = (row.text(0)?, row.version(1)?, row.text(2)?);
                    let draft = draft_row(&id, version);
                    let plain = self.unseal(&body, &draft)?;
                    sql.execute(
                        "UPDATE drafts SET body = ?3 WHERE draft_id = ?1 AND version = ?2",
                        values![&id, version, keys.seal(&plain, &draft)],
                    )?;
                    count += 1;
                }
                Ok(count)
            },
        )
    }

    /// Stores a validated document once per idempotency key, in one transaction: on any failure nothing of
    /// it is stored, and the same document sent again is stored then.
    pub fn insert(&self, document: &Document) -> Result<Stored, StoreError> {
        self.insert_as(document, None)
    }

    /// As [`Store::insert`], with `access` an entry of the access log (naming the new document) in the
    /// same transaction when the document is new, and so are its forwards when the store forwards
    /// ([`Store::forwarding_to`]): a pending one for each downstream, none for a repeat.
    ///
    /// The key's unique constraint decides whether the document is new: the insert yields when the key
    /// is stored (also by another inbox at the same moment), and only then is the stored one read, to
    /// answer with its receipt, or with a conflict when its content differs. Documents arriving while
    /// another transaction commits are committed together in the next one ([`batch`]): each is stored,
    /// answered and logged as if alone, and none is answered before the transaction holding it commits.
    pub fn insert_as(&self, document: &Document, access: Option<&Access>) -> Result<Stored, StoreError> {
        let body = document.to_json();
        // What a listing shows is read from the plain body here; the body itself is stored sealed when
        // sealing is on.
        let extracted = serde_json::from_str(&body)
            .map(|value| Extracted::of_body(&value))
            .map_err(|error| StoreError::Corrupt(format!("document: {error}")))?;
        let key = document.idempotency_key.to_string();
        let insert = Insert {
            stored_body: self.seal(&body, &key),
            body,
            key,
            kind: document.body.kind().as_str(),
            schema_version: document.schema_version,
            shared_with: match &document.body {
                DocumentBody::ClientPlan(plan) => Some(names_json(&plan.shared_with())),
                _ => None,
            },
            extracted,
            receipt: Receipt {
                document_id: Uuid::new_v4(),
                idempotency_key: document.idempotency_key,
                received_at: now_millis(),
            },
            access: access.cloned(),
        };
        let stored = self.inserts.run(
            insert,
            |inserts| self.insert_together(&inserts),
            || Err(StoreError::Poisoned),
        );
        if matches!(stored, Ok(Stored::Created(_))) {
            self.wake_relay();
        }
        stored
    }

    /// Stores `inserts` in one transaction, each answered as if alone. When the transaction fails for the
    /// storage (a full disk, the database down), each is answered with that fault; when it fails for one
    /// of them (a stored body that does not open), each is tried again in a transaction of its own.
    fn insert_together(&self, inserts: &[Insert]) -> Vec<Result<Stored, StoreError>> {
        let created = |stored: &Vec<Stored>| stored.iter().any(|one| matches!(one, Stored::Created(_)));
        let together = self.with(true, created, |sql| {
            let mut last = None;
            inserts
                .iter()
                .map(|insert| self.insert_in(sql, insert, &mut last))
                .collect::<Result<Vec<_>, _>>()
        });
        match together {
            Ok(stored) => stored.into_iter().map(Ok).collect(),
            Err(error) if inserts.len() == 1 => vec![Err(error)],
            Err(StoreError::Storage { fault, source }) => {
                let shared = source.to_string();
                inserts
                    .iter()
                    .map(|_| {
                        Err(StoreError::Storage {
                            fault,
                            source: DbError::Batch(shared.clone()),
                        })
                    })
                    .collect()
            }
            Err(_) => inserts
                .iter()
                .map(|insert| {
                    self.with(
                        true,
                        |stored| matches!(stored, Stored::Created(_)),
                        |sql| self.insert_in(sql, insert, &mut None),
                    )
                })
                .collect(),
        }
    }

    /// Stores one document in the write transaction, its access-log entry chained after `last`.
    fn insert_in(
        &self,
        sql: &mut dyn Sql,
        insert: &Insert,
        last: &mut Option<(i64, String)>,
    ) -> Result<Stored, StoreError> {
        let Insert {
            body,
            stored_body,
            key,
            kind,
            schema_version,
            shared_with,
            extracted,
            receipt,
            access,
        } = insert;
        let created = sql.query(
            "INSERT INTO documents (id, idempotency_key, kind, schema_version, body, received_at,
                plan_version, supersedes, review_date, case_reference, urgent, shared_with)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (idempotency_key) DO NOTHING
             RETURNING seq",
            values![
                receipt.document_id.to_string(),
                key,
                *kind,
                *schema_version,
                stored_body,
                format_time(receipt.received_at),
                extracted.revision_version,
                extracted.supersedes.as_ref(),
                extracted.review_date.as_ref(),
                extracted.case_reference.as_ref(),
                extracted.urgent,
                shared_with.as_ref(),
            ],
        )?;
        if created.is_empty() {
            let mut existing = sql.query_one(
                "SELECT id, body, received_at FROM documents WHERE idempotency_key = ?1",
                values![key],
            )?;
            let (id, stored, received_at) = (existing.text(0)?, existing.text(1)?, existing.text(2)?);
            if self.unseal(&stored, key)? != *body {
                return Ok(Stored::KeyConflict);
            }
            return Ok(Stored::AlreadyStored(Receipt {
                document_id: parse_uuid(&id)?,
                idempotency_key: receipt.idempotency_key,
                received_at: parse_time(&received_at)?,
            }));
        }
        if let Some(access) = access {
            let mut entry = access.clone();
            entry.document_id = Some(receipt.document_id);
            append_chained(sql, last, &entry, receipt.received_at)?;
        }
        if let Some(forwarding) = &self.forwarding {
            forwards::add_in(sql, forwarding, receipt.document_id, kind, receipt.received_at)?;
        }
        Ok(Stored::Created(receipt.clone()))
    }

    /// Up to `limit` documents after position `after` that pass `filter`, oldest first.
    pub fn list(&self, filter: &Filter, after: i64, limit: u32) -> Result<Vec<Summary>, StoreError> {
        self.read(|sql| list_in(sql, filter, after, limit))
    }

    /// Marks the document with this id fetched (the first time only) and returns when it was, or `None`
    /// if there is no such document.
    pub fn mark_fetched(&self, id: Uuid) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.with(true, |_| false, |sql| mark_fetched_in(sql, id))
    }

    /// The document with this id, if stored.
    pub fn get(&self, id: Uuid) -> Result<Option<StoredDocument>, StoreError> {
        self.read(|sql| self.get_in(sql, id))
    }

    /// A stored body (of the document with idempotency key `key`) opened and read as JSON; `name` names
    /// the document in the error if it is not.
    fn stored_document(&self, body: &str, key: &str, name: &str) -> Result<serde_json::Value, StoreError> {
        let body = self.unseal(body, key)?;
        serde_json::from_str(&body).map_err(|error| StoreError::Corrupt(format!("document {name}: {error}")))
    }

    fn get_in(&self, sql: &mut dyn Sql, id: Uuid) -> Result<Option<StoredDocument>, StoreError> {
        let Some(mut row) = sql.query_opt(
            "SELECT idempotency_key, kind, body, received_at FROM documents WHERE id = ?1",
            values![id.to_string()],
        )?
        else {
            return Ok(None);
        };
        let (key, kind, body, received_at) = (row.text(0)?, row.text(1)?, row.text(2)?, row.text(3)?);
        let document = self.stored_document(&body, &key, &id.to_string())?;
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
        let row_of = draft_row(&id, draft.version);
        self.with(
            true,
            |saved| matches!(saved, DraftSaved::Created(_)),
            |sql| {
                let same = sql.query_opt(
                    "SELECT body, received_at FROM drafts WHERE draft_id = ?1 AND version = ?2",
                    values![&id, draft.version],
                )?;
                if let Some(mut same) = same {
                    let (stored, received_at) = (same.text(0)?, same.text(1)?);
                    if self.unseal(&stored, &row_of)? == body {
                        return Ok(DraftSaved::AlreadyStored(parse_time(&received_at)?));
                    }
                }
                let latest = sql
                    .query_one(
                        "SELECT coalesce(max(version), 0) FROM drafts WHERE draft_id = ?1",
                        values![&id],
                    )?
                    .version(0)?;
                if let Err(refusal) = check_version(latest, draft.version) {
                    return Ok(DraftSaved::Refused(refusal));
                }
                let received_at = now_millis();
                sql.execute(
                    "INSERT INTO drafts (draft_id, version, body, saved_at, received_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    values![
                        &id,
                        draft.version,
                        self.seal(&body, &row_of),
                        format_time(draft.saved_at),
                        format_time(received_at)
                    ],
                )?;
                if let Some(access) = access {
                    append_access(sql, access, received_at)?;
                }
                Ok(DraftSaved::Created(received_at))
            },
        )
    }

    /// The newest version of a draft, as saved, if there is one.
    pub fn draft(&self, id: Uuid) -> Result<Option<serde_json::Value>, StoreError> {
        self.read(|sql| self.draft_in(sql, id))
    }

    fn draft_in(&self, sql: &mut dyn Sql, id: Uuid) -> Result<Option<serde_json::Value>, StoreError> {
        let Some(mut row) = sql.query_opt(
            "SELECT version, body FROM drafts WHERE draft_id = ?1 ORDER BY version DESC LIMIT 1",
            values![id.to_string()],
        )?
        else {
            return Ok(None);
        };
        let (version, body) = (row.version(0)?, row.text(1)?);
        let body = self.unseal(&body, &draft_row(&id.to_string(), version))?;
        serde_json::from_str(&body)
            .map(Some)
            .map_err(|error| StoreError::Corrupt(format!("draft {id}: {error}")))
    }

    /// Every draft's newest version, the most recently received first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, StoreError> {
        self.read(drafts_in)
    }

    /// Removes every version of a draft (once its plan is finished, or it is given up); whether there was
    /// one.
    pub fn delete_draft(&self, id: Uuid) -> Result<bool, StoreError> {
        self.with(true, |deleted| *deleted, |sql| delete_draft_in(sql, id))
    }

    /// Deletes what `retention` no longer keeps at `now`: each kind of document received more than its
    /// period before, and each draft whose newest version was (all its versions). Deleted rows are
    /// overwritten on disk (SQLite's `secure_delete`; PostgreSQL frees them to its vacuum), and each
    /// deletion is an entry of the access log (actor `retention`, action `expire`). A deleted document's
    /// forwards go with it. One transaction; returns what went.
    pub fn expire(&self, retention: &Retention, now: DateTime<Utc>) -> Result<Expired, StoreError> {
        self.with(
            true,
            |expired: &Expired| expired.total() > 0,
            |sql| {
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
                let mut removed = Vec::new();
                for (kind, days) in retention.documents() {
                    let cutoff = format_time(now - chrono::Duration::days(i64::from(days)));
                    let ids = sql
                        .query(
                            "DELETE FROM documents WHERE kind = ?1 AND received_at < ?2 RETURNING id",
                            values![kind.as_str(), cutoff],
                        )?
                        .into_iter()
                        .map(|mut row| row.text(0))
                        .collect::<Result<Vec<_>, _>>()?;
                    if !ids.is_empty() {
                        expired.documents.push((kind, ids.len()));
                    }
                    removed.extend(ids.into_iter().map(|id| ("expire", id)));
                }
                if !expired.documents.is_empty() {
                    // A deleted document's forwards go with it, sent or not.
                    forwards::remove_orphans_in(sql)?;
                }
                if let Some(days) = retention.draft {
                    let cutoff = format_time(now - chrono::Duration::days(i64::from(days)));
                    // One row for each version removed; one entry of the log for each draft.
                    let mut ids = sql
                        .query(
                            "DELETE FROM drafts WHERE draft_id IN
                               (SELECT draft_id FROM drafts GROUP BY draft_id HAVING max(received_at) < ?1)
                             RETURNING draft_id",
                            values![cutoff],
                        )?
                        .into_iter()
                        .map(|mut row| row.text(0))
                        .collect::<Result<Vec<_>, _>>()?;
                    expired.drafts = ids.len();
                    ids.sort();
                    ids.dedup();
                    removed.extend(ids.into_iter().map(|id| ("expire_draft", id)));
                }
                for (action, id) in removed {
                    append_access(sql, &logged(action, Uuid::parse_str(&id).ok()), now)?;
                }
                Ok(expired)
            },
        )
    }

    /// Appends `access` to the access log at `at`, chained to the entry before it.
    pub fn log_access(&self, access: &Access, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.with(true, |_| true, |sql| append_access(sql, access, at))
    }

    /// The access log's entries that `query` asks for, oldest first: for an administrator's query and
    /// export, and for a client's own view of who read a document of theirs.
    pub fn access_log(&self, query: &AccessQuery) -> Result<Vec<LoggedAccess>, StoreError> {
        self.read(|sql| access_log_in(sql, query))
    }

    /// As [`Store::access_log`], the query itself an entry of the log (`access`).
    pub fn access_log_as(
        &self,
        query: &AccessQuery,
        access: &Access,
    ) -> Result<Vec<LoggedAccess>, StoreError> {
        self.logged(access, |sql| access_log_in(sql, query), |_| Some(None))
    }

    /// Walks the access log from the start, computing each entry's hash again from its fields and the
    /// hash before it: an entry changed, or one removed from the middle, breaks the chain there. Removing
    /// the newest entries leaves a shorter chain that still holds, which only comparing with a head noted
    /// before can show: the result gives the count and the head hash to note. Read in pages of
    /// [`VERIFY_PAGE`] entries.
    pub fn verify_access_log(&self) -> Result<LogVerification, StoreError> {
        let mut previous = GENESIS.to_owned();
        let mut entries = 0;
        let mut after = 0;
        loop {
            let page = self.read(|sql| {
                Ok(sql.query(
                    "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, prev_hash, hash
                     FROM access_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                    values![after, VERIFY_PAGE],
                )?)
            })?;
            if page.is_empty() {
                return Ok(LogVerification::Intact {
                    entries,
                    head: previous,
                });
            }
            for mut row in page {
                let seq = row.int(0)?;
                let fields = AccessFields {
                    at: row.text(1)?,
                    actor: row.text(2)?,
                    organisation: row.opt_text(3)?,
                    action: row.text(4)?,
                    endpoint: row.text(5)?,
                    document_id: row.opt_text(6)?,
                    purpose: row.opt_text(7)?,
                };
                let (prev_hash, hash) = (row.text(8)?, row.text(9)?);
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
                after = seq;
            }
        }
    }

    /// How many documents are stored; also proves the database answers.
    pub fn count(&self) -> Result<i64, StoreError> {
        self.read(|sql| sql.query_one("SELECT count(*) FROM documents", &[])?.int(0))
    }

    /// How many documents are stored, or why the storage is failing. Reads alone would pass on a full or
    /// read-only disk, so after a fault (until a document is stored again) this also writes, a write that
    /// changes nothing: the storage is reported failing for as long as it fails, and well again as soon
    /// as it takes writes.
    pub fn health(&self) -> Result<i64, StoreError> {
        self.up()?;
        self.count()
    }

    /// Whether the storage works, without counting (for a load balancer's frequent checks): after a fault
    /// a write that changes nothing, else a read of one row.
    pub fn up(&self) -> Result<(), StoreError> {
        if self.fault()?.is_some() {
            match &*self.engine {
                Engine::Sqlite(engine) => engine.probe_write()?,
                Engine::Postgres(engine) => engine.probe_write()?,
            }
        }
        self.read(|sql| {
            sql.query("SELECT 1", &[])?;
            Ok(())
        })
    }

    /// The fault seen last, unless a write has succeeded since.
    pub fn fault(&self) -> Result<Option<Fault>, StoreError> {
        match &*self.engine {
            Engine::Sqlite(engine) => engine.fault(),
            Engine::Postgres(engine) => engine.fault(),
        }
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
            |sql| {
                let documents: Vec<ClientDocument> = sql
                    .query(
                        "SELECT id, kind, idempotency_key, received_at FROM documents
                         WHERE (CAST(?1 AS TEXT) IS NOT NULL AND substr(idempotency_key, 1, 11) = ?1)
                            OR (CAST(?2 AS TEXT) IS NOT NULL AND case_reference = ?2)
                         ORDER BY seq",
                        values![reference.map(key_text_prefix), case_reference],
                    )?
                    .into_iter()
                    .map(|mut row| {
                        let key = parse_uuid(&row.text(2)?)?;
                        Ok(ClientDocument {
                            document_id: parse_uuid(&row.text(0)?)?,
                            kind: row.text(1)?,
                            reference: tyokyky_engine::contact::reference_code(&key),
                            received_at: parse_time(&row.text(3)?)?,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?;
                let ids: Vec<String> = documents
                    .iter()
                    .map(|document| document.document_id.to_string())
                    .collect();
                let accesses = sql
                    .query(
                        &format!(
                            "SELECT seq, at, actor, organisation, action, endpoint, document_id, purpose, hash
                             FROM access_log WHERE document_id IN (SELECT j.value FROM {}) ORDER BY seq",
                            sql.json_texts("?1", "j")
                        ),
                        values![names_json(&ids)],
                    )?
                    .into_iter()
                    .map(logged_access)
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
        self.logged(access, |sql| list_in(sql, filter, after, limit), |_| Some(None))
    }

    /// Every document received before `until` (all, without it), with when it was received, oldest first:
    /// what the county's report counts. One entry of the access log for the whole read.
    pub fn received_as(
        &self,
        until: Option<DateTime<Utc>>,
        access: &Access,
    ) -> Result<Vec<(serde_json::Value, DateTime<Utc>)>, StoreError> {
        self.logged(
            access,
            |sql| {
                let rows = sql.query(
                    "SELECT idempotency_key, body, received_at FROM documents
                     WHERE (CAST(?1 AS TEXT) IS NULL OR received_at < ?1) ORDER BY seq",
                    values![until.map(format_time)],
                )?;
                rows.into_iter()
                    .map(|mut row| {
                        let (key, body, received_at) = (row.text(0)?, row.text(1)?, row.text(2)?);
                        Ok((
                            self.stored_document(&body, &key, &key)?,
                            parse_time(&received_at)?,
                        ))
                    })
                    .collect()
            },
            |_| Some(None),
        )
    }

    /// As [`Store::get`], the read an entry of the access log when there is such a document.
    pub fn get_as(&self, id: Uuid, access: &Access) -> Result<Option<StoredDocument>, StoreError> {
        self.logged(
            access,
            |sql| self.get_in(sql, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::mark_fetched`], an entry of the access log when there is such a document.
    pub fn mark_fetched_as(&self, id: Uuid, access: &Access) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.logged(
            access,
            |sql| mark_fetched_in(sql, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::draft`], an entry of the access log when there is such a draft.
    pub fn draft_as(&self, id: Uuid, access: &Access) -> Result<Option<serde_json::Value>, StoreError> {
        self.logged(
            access,
            |sql| self.draft_in(sql, id),
            |found| found.as_ref().map(|_| Some(id)),
        )
    }

    /// As [`Store::drafts`], the listing an entry of the access log.
    pub fn drafts_as(&self, access: &Access) -> Result<Vec<DraftSummary>, StoreError> {
        self.logged(access, drafts_in, |_| Some(None))
    }

    /// As [`Store::delete_draft`], an entry of the access log when there was such a draft.
    pub fn delete_draft_as(&self, id: Uuid, access: &Access) -> Result<bool, StoreError> {
        self.logged(
            access,
            |sql| delete_draft_in(sql, id),
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
            |sql| {
                // Read as a listing reads them; a partner is not told whether the plan was fetched.
                let statement = format!(
                    "SELECT seq, id, kind, idempotency_key, received_at, CAST(NULL AS TEXT),
                        plan_version, supersedes, review_date, case_reference, urgent
                     FROM documents AS d
                     WHERE kind = 'client_plan' AND seq > ?2
                       AND EXISTS (SELECT 1 FROM {shared} WHERE s.value IN (SELECT w.value FROM {wanted}))
                       AND NOT EXISTS (SELECT 1 FROM documents AS later WHERE later.supersedes = d.idempotency_key)
                     ORDER BY seq LIMIT ?3",
                    shared = sql.json_texts("d.shared_with", "s"),
                    wanted = sql.json_texts("?1", "w"),
                );
                sql.query(&statement, values![&names, after, limit])?
                    .into_iter()
                    .map(|row| summary_row(row)?.summary())
                    .collect()
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
            |sql| {
                let Some(mut row) = sql.query_opt(
                    "SELECT idempotency_key, body, received_at FROM documents AS d
                     WHERE id = ?1 AND kind = 'client_plan'
                       AND NOT EXISTS (SELECT 1 FROM documents AS later
                                       WHERE later.supersedes = d.idempotency_key)",
                    values![id.to_string()],
                )?
                else {
                    return Ok(None);
                };
                let (key, body, received_at) = (row.text(0)?, row.text(1)?, row.text(2)?);
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

/// Entries of the access log read at a time when the chain is verified.
const VERIFY_PAGE: u32 = 10_000;

/// Up to `limit` documents after position `after` that pass `filter`, oldest first.
fn list_in(sql: &mut dyn Sql, filter: &Filter, after: i64, limit: u32) -> Result<Vec<Summary>, StoreError> {
    sql.query(
        "SELECT seq, id, kind, idempotency_key, received_at, fetched_at,
            plan_version, supersedes, review_date, case_reference, urgent
         FROM documents
         WHERE seq > ?1 AND (CAST(?2 AS TEXT) IS NULL OR kind = ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR received_at >= ?3) AND (CAST(?4 AS TEXT) IS NULL OR received_at < ?4)
           AND (CAST(?5 AS BOOLEAN) IS NULL OR (fetched_at IS NOT NULL) = CAST(?5 AS BOOLEAN))
           AND (CAST(?7 AS TEXT) IS NULL OR substr(idempotency_key, 1, 11) = ?7)
         ORDER BY seq LIMIT ?6",
        values![
            after,
            filter.kind.map(DocumentKind::as_str),
            filter.since.map(format_time),
            filter.until.map(format_time),
            filter.fetched,
            limit,
            filter.reference.as_ref().map(key_text_prefix),
        ],
    )?
    .into_iter()
    .map(|row| summary_row(row)?.summary())
    .collect()
}

/// Marks the document `id` fetched unless it was, and returns when it was.
fn mark_fetched_in(sql: &mut dyn Sql, id: Uuid) -> Result<Option<DateTime<Utc>>, StoreError> {
    sql.execute(
        "UPDATE documents SET fetched_at = ?2 WHERE id = ?1 AND fetched_at IS NULL",
        values![id.to_string(), format_time(now_millis())],
    )?;
    let Some(mut row) = sql.query_opt(
        "SELECT fetched_at FROM documents WHERE id = ?1",
        values![id.to_string()],
    )?
    else {
        return Ok(None);
    };
    row.opt_text(0)?.as_deref().map(parse_time).transpose()
}

/// Every draft's newest version, the most recently received first.
fn drafts_in(sql: &mut dyn Sql) -> Result<Vec<DraftSummary>, StoreError> {
    sql.query(
        "SELECT draft_id, version, saved_at, received_at FROM drafts AS d
         WHERE version = (SELECT max(version) FROM drafts WHERE draft_id = d.draft_id)
         ORDER BY received_at DESC",
        &[],
    )?
    .into_iter()
    .map(|mut row| {
        Ok(DraftSummary {
            draft_id: parse_uuid(&row.text(0)?)?,
            version: row.version(1)?,
            saved_at: parse_time(&row.text(2)?)?,
            received_at: parse_time(&row.text(3)?)?,
        })
    })
    .collect()
}
