//! What the store's logic says to either database: statements with numbered parameters (`?1`, `?2`, …, as
//! SQLite writes them; the PostgreSQL engine renumbers them `$1`, `$2`, …), a few plain values, and rows
//! read whole. Both engines run the same statements, so a rule about what is stored is written once.

use super::{Fault, StoreError};

/// A parameter or a column's value: the only kinds the store keeps (texts, whole numbers, and truth
/// values in parameters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// SQL `NULL`.
    Null,
    /// A whole number (`INTEGER` in SQLite, `BIGINT` in PostgreSQL).
    Int(i64),
    /// A text.
    Text(String),
    /// A truth value (an integer 0 or 1 to SQLite).
    Bool(bool),
}

impl From<i64> for Value {
    fn from(value: i64) -> Value {
        Value::Int(value)
    }
}

impl From<u32> for Value {
    fn from(value: u32) -> Value {
        Value::Int(i64::from(value))
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::Text(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Value {
        Value::Text(value.to_owned())
    }
}

impl From<&String> for Value {
    fn from(value: &String) -> Value {
        Value::Text(value.clone())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

/// The parameters of a statement, each converted to a [`Value`].
macro_rules! values {
    ($($value:expr),* $(,)?) => {
        &[$($crate::store::sql::Value::from($value)),*]
    };
}
pub(crate) use values;

/// A row as read: its columns in the order the statement names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn column(&mut self, index: usize) -> Result<Value, StoreError> {
        self.0
            .get_mut(index)
            .map(|value| std::mem::replace(value, Value::Null))
            .ok_or_else(|| StoreError::Corrupt(format!("a row without column {index}")))
    }

    /// The whole number in column `index`, or `None` for `NULL`.
    pub(crate) fn opt_int(&mut self, index: usize) -> Result<Option<i64>, StoreError> {
        match self.column(index)? {
            Value::Null => Ok(None),
            Value::Int(number) => Ok(Some(number)),
            Value::Bool(truth) => Ok(Some(i64::from(truth))),
            Value::Text(text) => Err(StoreError::Corrupt(format!(
                "column {index}: `{text}` where a number was expected"
            ))),
        }
    }

    /// The whole number in column `index`.
    pub(crate) fn int(&mut self, index: usize) -> Result<i64, StoreError> {
        self.opt_int(index)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {index}: NULL where a number was expected")))
    }

    /// The text in column `index`, or `None` for `NULL`.
    pub(crate) fn opt_text(&mut self, index: usize) -> Result<Option<String>, StoreError> {
        match self.column(index)? {
            Value::Null => Ok(None),
            Value::Text(text) => Ok(Some(text)),
            other => Err(StoreError::Corrupt(format!(
                "column {index}: {other:?} where a text was expected"
            ))),
        }
    }

    /// The text in column `index`.
    pub(crate) fn text(&mut self, index: usize) -> Result<String, StoreError> {
        self.opt_text(index)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {index}: NULL where a text was expected")))
    }

    /// The version number in column `index`.
    pub(crate) fn version(&mut self, index: usize) -> Result<u32, StoreError> {
        let number = self.int(index)?;
        u32::try_from(number).map_err(|_| StoreError::Corrupt(format!("column {index}: version {number}")))
    }
}

/// An error of either database, as its driver gives it.
#[derive(Debug)]
pub enum DbError {
    /// SQLite's.
    Sqlite(rusqlite::Error),
    /// PostgreSQL's, or its driver's (a connection refused or lost).
    Postgres(postgres::Error),
    /// No connection to PostgreSQL could be had from the pool in time.
    Pool(String),
    /// The transaction that held this work with others failed with this error.
    Batch(String),
}

impl DbError {
    /// The fault it stands for, before an engine looks closer (a SQLite disk error at its disk).
    pub fn fault(&self) -> Fault {
        match self {
            DbError::Sqlite(error) => Fault::of_sqlite(error),
            DbError::Postgres(error) => Fault::of_postgres(error),
            DbError::Pool(_) | DbError::Batch(_) => Fault::Unavailable,
        }
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(error) => write!(f, "sqlite: {error}"),
            DbError::Postgres(error) => match error.as_db_error() {
                Some(reported) => write!(
                    f,
                    "postgresql: {} ({}): {}",
                    reported.message(),
                    reported.code().code(),
                    reported.severity()
                ),
                None => write!(f, "postgresql: {error}"),
            },
            DbError::Pool(why) => write!(f, "postgresql: {why}"),
            DbError::Batch(error) => write!(f, "{error} (in a transaction with other documents)"),
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(error) => Some(error),
            DbError::Postgres(error) => Some(error),
            DbError::Pool(_) | DbError::Batch(_) => None,
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(error: rusqlite::Error) -> DbError {
        DbError::Sqlite(error)
    }
}

impl From<postgres::Error> for DbError {
    fn from(error: postgres::Error) -> DbError {
        DbError::Postgres(error)
    }
}

/// Statements on one connection, in a transaction or not.
pub(crate) trait Sql {
    /// Runs a statement that returns no rows; how many rows it changed.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    /// Runs a statement and reads all its rows.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;
    /// The texts in the JSON array that `expression` gives, as an item of a `FROM` clause named `alias`
    /// whose one column is `alias.value` (`json_each(…) AS alias` in SQLite).
    fn json_texts(&self, expression: &str, alias: &str) -> String;
}

impl dyn Sql + '_ {
    /// The first row a statement reads, if any.
    pub(crate) fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The one row a statement reads (an aggregate's).
    pub(crate) fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row, StoreError> {
        self.query_opt(sql, params)?
            .ok_or_else(|| StoreError::Corrupt(format!("no row from `{sql}`")))
    }
}
