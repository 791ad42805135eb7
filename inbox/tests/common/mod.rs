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
    let mut process = Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
        .args(["--port", "0", "--dist", "no-app-here", "--data-dir"])
        .arg(dir.path())
        .args(args)
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
