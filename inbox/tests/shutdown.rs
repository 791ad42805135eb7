//! The inbox binary stops on SIGTERM after the grace period, whatever its clients hold open: a request
//! whose head never ends, requests stalled mid-body. A request that completes within the grace period is
//! still answered.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::io::Write;
use std::time::Duration;

use common::{document, post_head, read_answer, start};

#[test]
fn a_connection_left_half_open_does_not_keep_the_inbox_running_after_sigterm() {
    let mut inbox = start(&["--shutdown-grace", "1"]);
    // A request whose headers never end: the connection is busy, so a graceful stop alone would wait for it.
    let mut client = inbox.connect();
    client
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));

    inbox.terminate();
    let (status, waited, stderr) = inbox.wait_exit(Duration::from_secs(20));
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

/// Several documents stalled mid-body (the body timeout, 30 s by default, is far off): SIGTERM closes the
/// port at once, lets a request that completes within the grace period be answered and stored, and exits
/// when the grace period (2 s) runs out, well within 10 s.
#[test]
fn requests_stalled_mid_body_do_not_hold_the_inbox_after_sigterm() {
    let mut inbox = start(&["--shutdown-grace", "2"]);
    let whole = document("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");
    let mut stalled = Vec::new();
    for _ in 0..8 {
        let mut client = inbox.connect();
        client.write_all(post_head(whole.len()).as_bytes()).unwrap();
        client.write_all(&whole.as_bytes()[..40]).unwrap();
        stalled.push(client);
    }
    // One more, whose sender finishes after the signal, within the grace period.
    let mut finishing = inbox.connect();
    finishing.write_all(post_head(whole.len()).as_bytes()).unwrap();
    finishing.write_all(&whole.as_bytes()[..40]).unwrap();
    std::thread::sleep(Duration::from_millis(300));

    inbox.terminate();
    let signalled = std::time::Instant::now();
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        std::net::TcpStream::connect(&inbox.address).is_err(),
        "the port is closed at once"
    );
    finishing.write_all(&whole.as_bytes()[40..]).unwrap();
    let (answered, text) = read_answer(&mut finishing, Duration::from_secs(5));
    assert_eq!(
        answered,
        Some(201),
        "a request completed in the grace period is stored: {text}"
    );

    let (status, _, stderr) = inbox.wait_exit(Duration::from_secs(10));
    let waited = signalled.elapsed();
    eprintln!("exited {waited:?} after SIGTERM with 8 requests stalled mid-body");
    assert!(status.success(), "exit status {status}: {stderr}");
    assert!(
        waited >= Duration::from_millis(1900) && waited < Duration::from_secs(10),
        "waited the grace period, and no longer: {waited:?}"
    );
    assert!(
        stderr.contains("connections still open 2 s after the signal"),
        "{stderr}"
    );
    drop(stalled);
}
