//! The inbox binary stops on SIGTERM even when a client holds a connection open, after the grace period.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn a_connection_left_half_open_does_not_keep_the_inbox_running_after_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut inbox = Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
        .args([
            "--port",
            "0",
            "--shutdown-grace",
            "1",
            "--dist",
            "no-app-here",
            "--data-dir",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(inbox.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();

    // A request whose headers never end: the connection is busy, so a graceful stop alone would wait for it.
    let mut client = TcpStream::connect(&address).unwrap();
    client
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));

    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &inbox.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = loop {
        if let Some(status) = inbox.try_wait().unwrap() {
            break status;
        }
        if signalled.elapsed() > Duration::from_secs(20) {
            inbox.kill().unwrap();
            panic!("the inbox was still running 20 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let waited = signalled.elapsed();
    let mut stderr = String::new();
    inbox.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status.success(), "exit status {status}: {stderr}");
    assert!(
        waited >= Duration::from_millis(900),
        "it gave requests the grace period ({waited:?})"
    );
    assert!(
        stderr.contains("connections still open 1 s after the signal"),
        "says why it stopped without them: {stderr}"
    );
    drop(client);
}
