//! What the tests of the inbox binary share: starting it on a free port, raw HTTP over TCP, its memory.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code shared by several test crates, each using part of it; a failed unwrap is a failed test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The inbox binary, running on a free loopback port with a temporary database and no app.
pub struct Running {
    pub process: Child,
    pub address: String,
    /// Kept open: the inbox writes to it when it stops.
    _stdout: BufReader<ChildStdout>,
    _dir: tempfile::TempDir,
}

/// Starts the inbox with `args` besides its port, data folder and dist.
pub fn start(args: &[&str]) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"));
    command.arg("--data-dir").arg(dir.path()).args(args);
    spawn(command, dir)
}

/// Starts the inbox on `database` (see [`database`]), which outlives it, so that it can be started
/// again on what it stored, with `args` besides its port and dist.
pub fn start_on<S: AsRef<std::ffi::OsStr>>(database: &tyokyky_inbox::store::Database, args: &[S]) -> Running {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"));
    command.args(database_args(database)).args(args);
    spawn(command, tempfile::tempdir().unwrap())
}

/// Runs `command` (the inbox with its settings) on a free port without an app, and waits for the line
/// that says where it listens.
fn spawn(mut command: Command, dir: tempfile::TempDir) -> Running {
    let mut process = command
        .args(["--port", "0", "--dist", "no-app-here"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(process.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    Running {
        process,
        address,
        _stdout: stdout,
        _dir: dir,
    }
}

impl Running {
    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let killed = Command::new("kill")
            .args(["-TERM", &self.process.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
    }

    /// Waits up to `limit` for the process to exit: its status, how long it took and what it wrote to
    /// stderr. Kills it and fails if it is still running then.
    pub fn wait_exit(&mut self, limit: Duration) -> (ExitStatus, Duration, String) {
        let since = Instant::now();
        let status = loop {
            if let Some(status) = self.process.try_wait().unwrap() {
                break status;
            }
            if since.elapsed() > limit {
                self.process.kill().unwrap();
                panic!("the inbox was still running {limit:?} after being asked to stop");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let waited = since.elapsed();
        let mut stderr = String::new();
        self.process
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        (status, waited, stderr)
    }

    /// The inbox's resident memory, in KiB (`VmRSS` of `/proc/<pid>/status`).
    pub fn resident_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.id())).unwrap();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no VmRSS in {status}"))
    }

    /// A new connection to the inbox.
    pub fn connect(&self) -> TcpStream {
        TcpStream::connect(&self.address).unwrap()
    }

    /// `GET /api/health` on a new connection: the status code, or `None` if no answer came within 5 s.
    pub fn health(&self) -> Option<u16> {
        let mut stream = self.connect();
        stream
            .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let (status, _) = read_answer(&mut stream, Duration::from_secs(5));
        status
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Reads what the server sends on `stream` until it closes it or `limit` passes: the status code of the
/// answer, if one came, and the text read.
pub fn read_answer(stream: &mut TcpStream, limit: Duration) -> (Option<u16>, String) {
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 4096];
    let since = Instant::now();
    while since.elapsed() < limit {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                bytes.extend_from_slice(&buffer[..n]);
                let text = String::from_utf8_lossy(&bytes);
                // A whole answer (this test client reads only short ones): head and a body as long as declared.
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let declared = head.lines().find_map(|line| {
                        line.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .and_then(|length| length.trim().parse::<usize>().ok())
                    });
                    if declared.is_some_and(|length| body.len() >= length) {
                        break;
                    }
                }
            }
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok());
    (status, text)
}

/// A whole document, as JSON, with idempotency key `key`.
pub fn document(key: &str) -> String {
    format!(
        r#"{{"schema_version":1,"kind":"work_ability_check","idempotency_key":"{key}","created_at":"2026-12-05T09:00:00Z","lang":"fi","answers":{{"work_ability_score":6,"what_would_help":"Lyhyempi työpäivä"}}}}"#
    )
}

/// The head of a `POST /api/documents` whose body is `length` bytes.
pub fn post_head(length: usize) -> String {
    format!(
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    )
}

/// The database a test's store keeps its data in: a SQLite file in `dir`, or, when the environment's
/// `TYOKYKY_TEST_POSTGRES` names a PostgreSQL server (`scripts/pg-cluster.sh run` sets it, and the test
/// command runs the store's and API's tests so once more), a schema of its own on that server, so that
/// tests running at once do not see each other's rows.
pub fn database(dir: &std::path::Path) -> tyokyky_inbox::store::Database {
    match std::env::var("TYOKYKY_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => postgres_schema(&server),
        _ => tyokyky_inbox::store::Database::Sqlite(dir.join("inbox.sqlite3")),
    }
}

/// Whether the tests run on PostgreSQL (see [`database`]).
pub fn on_postgres() -> bool {
    std::env::var("TYOKYKY_TEST_POSTGRES").is_ok_and(|server| !server.is_empty())
}

/// Runs `work` on a new connection to the PostgreSQL database at `url`, on a thread of its own: the
/// blocking client may not run on a thread that drives async tasks (an async test's).
pub fn with_postgres<T: Send + 'static>(
    url: &str,
    work: impl FnOnce(&mut postgres::Client) -> T + Send + 'static,
) -> T {
    let url = url.to_owned();
    std::thread::spawn(move || work(&mut postgres::Client::connect(&url, postgres::NoTls).unwrap()))
        .join()
        .unwrap()
}

/// A new, empty schema on the PostgreSQL server at `server`, as a database whose connections use it.
pub fn postgres_schema(server: &str) -> tyokyky_inbox::store::Database {
    let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
    let made = format!("CREATE SCHEMA {schema}");
    with_postgres(server, move |client| client.batch_execute(&made).unwrap());
    let separator = if server.contains('?') { '&' } else { '?' };
    tyokyky_inbox::store::Database::Postgres {
        url: format!("{server}{separator}options=-csearch_path%3D{schema}"),
        connections: 4,
    }
}

/// Opens the store in `database` on a thread of its own (with PostgreSQL the blocking client may not run
/// on a thread that drives async tasks), sealed under `keys` when given.
pub fn open_store(
    database: &tyokyky_inbox::store::Database,
    keys: Option<tyokyky_inbox::seal::Keys>,
) -> tyokyky_inbox::store::Store {
    let database = database.clone();
    std::thread::spawn(move || tyokyky_inbox::store::Store::open_database(&database, keys).unwrap())
        .join()
        .unwrap()
}

/// Runs `sql` on `database` directly, past the inbox (as someone with the file or a database login could).
pub fn execute(database: &tyokyky_inbox::store::Database, sql: &str) -> Result<(), String> {
    match database {
        tyokyky_inbox::store::Database::Sqlite(path) => rusqlite::Connection::open(path)
            .and_then(|connection| connection.execute_batch(sql))
            .map_err(|error| error.to_string()),
        tyokyky_inbox::store::Database::Postgres { url, .. } => {
            let sql = sql.to_owned();
            with_postgres(url, move |client| {
                client.batch_execute(&sql).map_err(|error| {
                    error
                        .as_db_error()
                        .map_or_else(|| error.to_string(), |reported| reported.message().to_owned())
                })
            })
        }
    }
}

/// Drops the guards of the access log (its triggers), as someone with the file or the database's owner's
/// login could.
pub fn unguard_access_log(database: &tyokyky_inbox::store::Database) {
    let sql = match database {
        tyokyky_inbox::store::Database::Sqlite(_) => {
            "DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;"
        }
        tyokyky_inbox::store::Database::Postgres { .. } => "ALTER TABLE access_log DISABLE TRIGGER USER;",
    };
    execute(database, sql).unwrap();
}

/// The inbox binary's flags that name `database`.
pub fn database_args(database: &tyokyky_inbox::store::Database) -> Vec<String> {
    match database {
        tyokyky_inbox::store::Database::Sqlite(path) => vec![
            "--data-dir".to_owned(),
            path.parent().unwrap().display().to_string(),
        ],
        tyokyky_inbox::store::Database::Postgres { url, .. } => vec!["--database".to_owned(), url.clone()],
    }
}

/// The write lock of `database` held by another process (a backup, the `sqlite3` shell, another session
/// on PostgreSQL) until the holder is dropped.
pub enum LockHolder {
    /// A SQLite connection in a write transaction.
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL session holding the inbox's write lock, on a thread of its own; released when the
    /// sender is dropped.
    Postgres(
        Option<std::sync::mpsc::Sender<()>>,
        Option<std::thread::JoinHandle<()>>,
    ),
}

pub fn hold_write_lock(database: &tyokyky_inbox::store::Database) -> LockHolder {
    match database {
        tyokyky_inbox::store::Database::Sqlite(path) => {
            let connection = rusqlite::Connection::open(path).unwrap();
            connection.execute_batch("BEGIN IMMEDIATE").unwrap();
            LockHolder::Sqlite(connection)
        }
        tyokyky_inbox::store::Database::Postgres { url, .. } => {
            let url = url.clone();
            let (held, holding) = std::sync::mpsc::channel();
            let (release, released) = std::sync::mpsc::channel::<()>();
            let thread = std::thread::spawn(move || {
                let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                client
                    .execute(
                        "SELECT pg_advisory_lock($1, hashtext(current_schema()))",
                        &[&tyokyky_inbox::store::WRITE_LOCK],
                    )
                    .unwrap();
                held.send(()).unwrap();
                let _ = released.recv();
                client
                    .execute(
                        "SELECT pg_advisory_unlock($1, hashtext(current_schema()))",
                        &[&tyokyky_inbox::store::WRITE_LOCK],
                    )
                    .unwrap();
            });
            holding.recv().unwrap();
            LockHolder::Postgres(Some(release), Some(thread))
        }
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        if let LockHolder::Postgres(release, thread) = self {
            drop(release.take());
            if let Some(thread) = thread.take() {
                thread.join().unwrap();
            }
        }
    }
}

impl Running {
    /// `method path` with the worker's `token` if given and a JSON `body` if given (see [`call`]).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> (Option<u16>, String) {
        call(&self.address, method, path, token, body)
    }
}

/// `method path` on a new connection to `address` with the worker's `token` if given and a JSON `body` if
/// given: the status code (`None` if no answer came within 10 s) and the answer's body.
pub fn call(
    address: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> (Option<u16>, String) {
    {
        let mut stream = TcpStream::connect(address).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        if let Some(token) = token {
            head.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        let body = body.unwrap_or_default();
        if !body.is_empty() {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        let (status, text) = read_answer(&mut stream, Duration::from_secs(10));
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_owned())
            .unwrap_or_default();
        (status, body)
    }
}

/// The number a `SELECT count(*) …` gives on `database`, asked directly, past the inbox.
pub fn count(database: &tyokyky_inbox::store::Database, sql: &str) -> i64 {
    match database {
        tyokyky_inbox::store::Database::Sqlite(path) => rusqlite::Connection::open(path)
            .unwrap()
            .query_row(sql, [], |row| row.get(0))
            .unwrap(),
        tyokyky_inbox::store::Database::Postgres { url, .. } => {
            let sql = sql.to_owned();
            with_postgres(url, move |client| client.query_one(&sql, &[]).unwrap().get(0))
        }
    }
}
