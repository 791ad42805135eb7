//! The engine for several instances: a PostgreSQL database shared by every inbox in front of it, reached
//! through a pool of connections (r2d2) of the `postgres` crate, the blocking client of tokio-postgres (the
//! store is synchronous and called from blocking threads, as the SQLite engine is).
//!
//! Writes are one at a time across all instances, as SQLite's are in one file: a write transaction first
//! takes a transaction-scoped advisory lock. That keeps the access log's chain of hashes whole (each entry
//! follows the newest one) and makes a document's place (`seq`) the order in which documents were
//! committed, so a reader paging by place never passes one committed later with a lower place; and the
//! relay's claim of a forward is seen by every other instance before it can claim (no `FOR UPDATE SKIP
//! LOCKED` is needed under the lock). The unique constraint on the idempotency key is what keeps a
//! document once.
//!
//! Migrations are numbered as the SQLite file's store schema is; they run at start, in one transaction under
//! another advisory lock, so instances starting together migrate once. A fault of the database (refused,
//! stopped, out of space) answers the request with its [`Fault`] and is remembered for the health check;
//! broken connections are dropped from the pool and new ones made, so the inbox recovers by itself.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, GenericClient, NoTls, Statement};

use super::sql::{DbError, Row, Sql, Value};
use super::{Fault, STORE_SCHEMA_VERSION, StoreError, format_time, now_millis};

/// Store schema 6 (as the SQLite engine numbers it), the first this engine has: every table at once.
/// Times are RFC 3339 texts in UTC with milliseconds, compared byte by byte (`COLLATE "C"`), as SQLite
/// compares them.
const SCHEMA_6: &str = r#"
CREATE TABLE documents (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    idempotency_key  TEXT COLLATE "C" NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    schema_version   BIGINT NOT NULL,
    body             TEXT NOT NULL,
    received_at      TEXT COLLATE "C" NOT NULL,
    fetched_at       TEXT COLLATE "C",
    plan_version     BIGINT,
    supersedes       TEXT,
    review_date      TEXT COLLATE "C",
    case_reference   TEXT,
    urgent           BIGINT,
    shared_with      TEXT
);
CREATE INDEX documents_kind_seq ON documents (kind, seq);
CREATE INDEX documents_received_at ON documents (received_at);
CREATE INDEX documents_supersedes ON documents (supersedes);
CREATE TABLE drafts (
    draft_id     TEXT NOT NULL,
    version      BIGINT NOT NULL,
    body         TEXT NOT NULL,
    saved_at     TEXT COLLATE "C" NOT NULL,
    received_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (draft_id, version)
);
CREATE TABLE access_log (
    seq           BIGINT PRIMARY KEY,
    at            TEXT COLLATE "C" NOT NULL,
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
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only';
END
$$;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
"#;

/// Store schema 7: the relay's forwards, as the SQLite engine has them.
const SCHEMA_7: &str = r#"
CREATE TABLE forwards (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    document_id      TEXT NOT NULL,
    downstream       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         BIGINT NOT NULL,
    next_attempt_at  TEXT COLLATE "C" NOT NULL,
    claimed_until    TEXT COLLATE "C",
    last_status      BIGINT,
    last_error       TEXT,
    created_at       TEXT COLLATE "C" NOT NULL,
    finished_at      TEXT COLLATE "C"
);
CREATE INDEX forwards_due ON forwards (state, next_attempt_at);
CREATE INDEX forwards_document ON forwards (document_id);
"#;

/// The migrations: the store schema each brings the database to, and its statements.
const MIGRATIONS: [(i64, &str); 2] = [(6, SCHEMA_6), (7, SCHEMA_7)];

/// The advisory lock every write transaction takes first ("tyw"), with the hash of the schema the tables
/// are in as its second key: stores in different schemas of one database do not wait for each other.
pub const WRITE_LOCK: i32 = 0x0074_7977;
/// The advisory lock the migrations take ("tym"), likewise for the schema.
const MIGRATION_LOCK: i32 = 0x0074_796d;
/// Takes the lock of class `$1` for the tables' schema until the transaction ends.
const LOCK: &str = "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))";

/// How long a write waits for a lock held by another transaction before it fails with [`Fault::Busy`], as
/// long as a SQLite write waits for the file's lock.
const LOCK_TIMEOUT: Duration = super::BUSY_TIMEOUT;

/// How long a request waits for a connection (the database refusing or unreachable) before it is answered
/// with a fault; also the time to open a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

impl Fault {
    /// The fault PostgreSQL's error stands for: by its SQLSTATE, and a connection refused, lost or timed
    /// out (no SQLSTATE) as the database being unavailable.
    pub(crate) fn of_postgres(error: &postgres::Error) -> Fault {
        let Some(state) = error.code() else {
            return Fault::Unavailable;
        };
        match *state {
            SqlState::DISK_FULL | SqlState::OUT_OF_MEMORY | SqlState::PROGRAM_LIMIT_EXCEEDED => Fault::Full,
            SqlState::READ_ONLY_SQL_TRANSACTION => Fault::ReadOnly,
            SqlState::LOCK_NOT_AVAILABLE
            | SqlState::T_R_DEADLOCK_DETECTED
            | SqlState::T_R_SERIALIZATION_FAILURE
            | SqlState::TOO_MANY_CONNECTIONS => Fault::Busy,
            SqlState::IO_ERROR | SqlState::DATA_CORRUPTED | SqlState::INDEX_CORRUPTED => Fault::Io,
            _ => Fault::Unavailable,
        }
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Text(text) => text.as_str().to_sql(ty, out),
            Value::Bool(truth) if *ty == Type::BOOL => truth.to_sql(ty, out),
            Value::Bool(truth) => Value::Int(i64::from(*truth)).to_sql(ty, out),
            Value::Int(number) => match *ty {
                Type::INT8 => number.to_sql(ty, out),
                Type::INT4 => i32::try_from(*number)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*number)?.to_sql(ty, out),
                Type::BOOL => (*number != 0).to_sql(ty, out),
                _ => Err(format!("a whole number for a parameter of type {ty}").into()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// `?1` … as `$1` …: the statements are written with SQLite's numbered parameters. The store's statements
/// hold no `?` in a string literal.
fn numbered(sql: &str) -> String {
    sql.replace('?', "$")
}

/// A column of a row as a [`Value`].
fn value(row: &postgres::Row, index: usize) -> Result<Value, postgres::Error> {
    let ty = row.columns().get(index).map(|column| column.type_().clone());
    Ok(match ty {
        Some(Type::INT8) => row.try_get::<_, Option<i64>>(index)?.into(),
        Some(Type::INT4) => row.try_get::<_, Option<i32>>(index)?.map(i64::from).into(),
        Some(Type::INT2) => row.try_get::<_, Option<i16>>(index)?.map(i64::from).into(),
        Some(Type::BOOL) => row.try_get::<_, Option<bool>>(index)?.into(),
        _ => row.try_get::<_, Option<String>>(index)?.into(),
    })
}

/// Statements on a pooled connection or a transaction on it, each prepared once per connection.
struct Statements<'a, C: GenericClient> {
    client: &'a mut C,
    prepared: &'a mut HashMap<String, Statement>,
}

impl<C: GenericClient> Statements<'_, C> {
    fn prepared(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&numbered(sql))?;
        self.prepared.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

fn parameters(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|value| value as &(dyn ToSql + Sync)).collect()
}

impl<C: GenericClient> Sql for Statements<'_, C> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let statement = self.prepared(sql)?;
        Ok(self.client.execute(&statement, &parameters(params))?)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let statement = self.prepared(sql)?;
        let rows = self.client.query(&statement, &parameters(params))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|index| value(row, index))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Row)
                    .map_err(DbError::from)
            })
            .collect()
    }

    fn json_texts(&self, expression: &str, alias: &str) -> String {
        format!("jsonb_array_elements_text(CAST(CAST({expression} AS TEXT) AS jsonb)) AS {alias}(value)")
    }
}

/// A connection of the pool with the statements prepared on it.
pub(crate) struct Connection {
    client: Client,
    prepared: HashMap<String, Statement>,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("prepared", &self.prepared.len())
            .finish_non_exhaustive()
    }
}

/// Makes the pool's connections and tells the broken ones.
struct Manager {
    config: postgres::Config,
    /// TLS, when the URL asks for it (`sslmode=require`).
    tls: Option<tokio_postgres_rustls::MakeRustlsConnect>,
}

impl std::fmt::Debug for Manager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Manager")
            .field("tls", &self.tls.is_some())
            .finish_non_exhaustive()
    }
}

/// TLS with the server's certificate checked against the system's trust store (rustls, ring).
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, StoreError> {
    let mut roots = rustls::RootCertStore::empty();
    for certificate in rustls_native_certs::load_native_certs().certs {
        // A certificate of the store that rustls cannot read is left out, as a browser would.
        let _ = roots.add(certificate);
    }
    #[allow(
        deprecated,
        reason = "ring is the provider already in the tree (no C toolchain beyond SQLite's); it lacks only \
                  the post-quantum key exchange"
    )]
    let provider = rustls::crypto::ring::default_provider();
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(provider))
        .with_safe_default_protocol_versions()
        .map_err(|error| StoreError::Config(format!("TLS to the database: {error}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

impl r2d2::ManageConnection for Manager {
    type Connection = Connection;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Connection, postgres::Error> {
        let mut client = match &self.tls {
            Some(tls) => self.config.connect(tls.clone())?,
            None => self.config.connect(NoTls)?,
        };
        // A write waits so long for another's lock (the write lock, a row) before it fails as busy.
        client.batch_execute(&format!("SET lock_timeout = {}", LOCK_TIMEOUT.as_millis()))?;
        Ok(Connection {
            client,
            prepared: HashMap::new(),
        })
    }

    /// Checked as it is taken from the pool, so that a connection the database dropped (a restart) is
    /// replaced instead of failing a request.
    fn is_valid(&self, connection: &mut Connection) -> Result<(), postgres::Error> {
        connection.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, connection: &mut Connection) -> bool {
        connection.client.is_closed()
    }
}

/// The pool's errors (a connection that cannot be made) are answered to the request that waited, not
/// printed as well.
#[derive(Debug)]
struct Quiet;

impl r2d2::HandleError<postgres::Error> for Quiet {
    fn handle_error(&self, _error: postgres::Error) {}
}

/// The PostgreSQL engine: the pool and the last fault.
#[derive(Debug)]
pub(crate) struct Postgres {
    /// Always `Some` until dropped (see [`Drop`]).
    pool: Option<r2d2::Pool<Manager>>,
    fault: Mutex<Option<Fault>>,
}

impl Postgres {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/database[?…]`) with at
    /// most `connections` connections, and brings it to this code's schema. With `sslmode=require` in the
    /// URL the connections use TLS, the server's certificate checked against the system's trust store;
    /// else they are plain (a database on loopback or a private network).
    pub(crate) fn open(url: &str, connections: u32) -> Result<Postgres, StoreError> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|error| StoreError::Config(format!("the database URL cannot be read: {error}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .application_name("tyokyky-inbox");
        let pool = r2d2::Pool::builder()
            .max_size(connections.max(1))
            .min_idle(Some(0))
            .connection_timeout(CONNECT_TIMEOUT)
            .test_on_check_out(true)
            .error_handler(Box::new(Quiet))
            .build_unchecked(Manager {
                tls: (config.get_ssl_mode() == postgres::config::SslMode::Require)
                    .then(tls)
                    .transpose()?,
                config,
            });
        let engine = Postgres {
            pool: Some(pool),
            fault: Mutex::new(None),
        };
        engine.migrate()?;
        Ok(engine)
    }

    fn connection(&self) -> Result<r2d2::PooledConnection<Manager>, StoreError> {
        let pool = self.pool.as_ref().ok_or(StoreError::Poisoned)?;
        pool.get()
            .map_err(|error| StoreError::Database(DbError::Pool(error.to_string())))
    }

    /// Brings the database to [`STORE_SCHEMA_VERSION`], one migration after another in one transaction.
    fn migrate(&self) -> Result<(), StoreError> {
        let mut connection = self.connection()?;
        let mut step = || -> Result<Result<(), StoreError>, postgres::Error> {
            let mut transaction = connection.client.transaction()?;
            transaction.execute(LOCK, &[&MIGRATION_LOCK])?;
            transaction.batch_execute(
                "CREATE TABLE IF NOT EXISTS store_schema (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            )?;
            let version: i64 = transaction
                .query_one("SELECT coalesce(max(version), 0) FROM store_schema", &[])?
                .get(0);
            if version > STORE_SCHEMA_VERSION {
                return Ok(Err(StoreError::UnknownSchema(version)));
            }
            for (to, sql) in MIGRATIONS {
                if version < to {
                    transaction.batch_execute(sql)?;
                    transaction.execute(
                        "INSERT INTO store_schema (version, applied_at) VALUES ($1, $2)",
                        &[&to, &format_time(now_millis())],
                    )?;
                }
            }
            transaction.commit()?;
            Ok(Ok(()))
        };
        step().map_err(|error| StoreError::Database(error.into()))?
    }

    /// The fault seen last, unless a write has succeeded since.
    pub(crate) fn fault(&self) -> Result<Option<Fault>, StoreError> {
        Ok(*self.fault.lock().map_err(|_| StoreError::Poisoned)?)
    }

    fn remember(&self, fault: Option<Fault>) {
        if let Ok(mut remembered) = self.fault.lock() {
            *remembered = fault;
        }
    }

    /// Runs `work` on a pooled connection, in a write transaction when `write` (after the write lock;
    /// committed when `work` succeeds). A database error becomes [`StoreError::Storage`] with its fault,
    /// which is remembered; a result for which `wrote` is true clears it.
    pub(crate) fn with<T>(
        &self,
        write: bool,
        wrote: impl FnOnce(&T) -> bool,
        work: impl FnOnce(&mut dyn Sql) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = self.connection().and_then(|mut connection| {
            let Connection { client, prepared } = &mut *connection;
            if !write {
                return work(&mut Statements { client, prepared });
            }
            let mut transaction = client.transaction().map_err(DbError::from)?;
            transaction.execute(LOCK, &[&WRITE_LOCK]).map_err(DbError::from)?;
            let result = work(&mut Statements {
                client: &mut transaction,
                prepared,
            })?;
            transaction.commit().map_err(DbError::from)?;
            Ok(result)
        });
        match result {
            Ok(value) => {
                if wrote(&value) {
                    self.remember(None);
                }
                Ok(value)
            }
            Err(StoreError::Database(source)) => {
                let fault = source.fault();
                self.remember(Some(fault));
                Err(StoreError::Storage { fault, source })
            }
            Err(other) => {
                self.remember(Some(other.fault()));
                Err(other)
            }
        }
    }

    /// A write that changes nothing but still goes through the database's log and commit.
    pub(crate) fn probe_write(&self) -> Result<(), StoreError> {
        self.with(
            true,
            |_| true,
            |sql| {
                sql.execute(
                    "UPDATE store_schema SET applied_at = applied_at
                     WHERE version = (SELECT max(version) FROM store_schema)",
                    &[],
                )?;
                Ok(())
            },
        )
    }
}

impl Drop for Postgres {
    /// The blocking client ends its connection by running a small runtime of its own, which may not be
    /// done on a thread that drives async tasks (where the last handle to a store may go): the pool is
    /// dropped on a thread of its own.
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            let _ = std::thread::spawn(move || drop(pool)).join();
        }
    }
}
