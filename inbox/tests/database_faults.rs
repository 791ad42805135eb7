//! The inbox on PostgreSQL when the database fails, against a real server the test stops and starts:
//! during a burst of documents each answer is a receipt or a 503 naming the storage (never another
//! error), health says the storage is failing, and the inbox stores again by itself when the database is
//! back, without a restart; every document sent again until its receipt (as the app's outbox does) is
//! stored once. An inbox that cannot reach its database at start says so and exits.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;
mod postgres;

use std::time::{Duration, Instant};

use postgres::Postgres;
use serde_json::Value;

const TOKEN: &str = "worker-token";

fn key(number: u32) -> String {
    format!("00000000-0000-4000-8000-{number:012}")
}

/// Waits up to `limit` for health to answer `status`; the body it answered.
fn health_becomes(inbox: &common::Running, status: u16, limit: Duration) -> String {
    let since = Instant::now();
    loop {
        let (answered, body) = inbox.call("GET", "/api/health", None, None);
        if answered == Some(status) {
            return body;
        }
        assert!(
            since.elapsed() < limit,
            "health did not answer {status} in {limit:?}: {answered:?} {body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn while_postgresql_is_down_the_inbox_answers_503_and_it_recovers_by_itself() {
    let server = Postgres::start();
    let inbox = common::start(&["--database", server.url(), "--read-token", TOKEN]);
    let (status, _) = inbox.call("POST", "/api/documents", None, Some(&common::document(&key(0))));
    assert_eq!(status, Some(201));

    // A burst: documents sent one after another, each again until it has its receipt.
    let address = inbox.address.clone();
    let burst = std::thread::spawn(move || {
        let mut receipts = Vec::new();
        let mut refused = 0;
        for number in 1..=120 {
            loop {
                let (status, body) = common::call(
                    &address,
                    "POST",
                    "/api/documents",
                    None,
                    Some(&common::document(&key(number))),
                );
                match status {
                    Some(200 | 201) => {
                        let receipt: Value = serde_json::from_str(&body).unwrap();
                        receipts.push(receipt["document_id"].as_str().unwrap().to_owned());
                        break;
                    }
                    Some(503) => {
                        let error: Value = serde_json::from_str(&body).unwrap();
                        let code = error["error"]["code"].as_str().unwrap().to_owned();
                        assert!(code.starts_with("storage_"), "{body}");
                        refused += 1;
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    other => panic!("document {number}: {other:?} {body}"),
                }
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        (receipts, refused)
    });

    std::thread::sleep(Duration::from_millis(300));
    server.stop();
    let failing = health_becomes(&inbox, 503, Duration::from_secs(10));
    let failing: Value = serde_json::from_str(&failing).unwrap();
    assert_eq!(failing["error"]["code"], "storage_unavailable", "{failing}");
    let (status, body) = inbox.call("POST", "/api/documents", None, Some(&common::document(&key(999))));
    assert_eq!(status, Some(503), "{body}");
    assert!(
        body.contains("storage_unavailable") && body.contains("nothing was stored"),
        "{body}"
    );
    std::thread::sleep(Duration::from_secs(1));

    server.restart();
    health_becomes(&inbox, 200, Duration::from_secs(15));
    let (receipts, refused) = burst.join().unwrap();
    assert!(refused > 0, "the burst met the outage");
    assert_eq!(receipts.len(), 120);

    // Each document once: the listing holds the first, the burst's 120, and nothing of the refused one.
    let (status, body) = inbox.call("GET", "/api/documents?limit=500", Some(TOKEN), None);
    assert_eq!(status, Some(200), "{body}");
    let listed: Value = serde_json::from_str(&body).unwrap();
    let ids: Vec<&str> = listed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|summary| summary["document_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 121, "{body}");
    for receipt in &receipts {
        assert_eq!(ids.iter().filter(|id| *id == receipt).count(), 1, "{receipt}");
    }
    println!(
        "{refused} sends refused with 503 while PostgreSQL was down; all 120 stored once after it came back"
    );
}

/// Starts the inbox on the database at `url`, expecting it to exit with a failure: what it said.
fn refused_at_start(url: &str) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"))
        .args(["--port", "0", "--dist", "no-app-here", "--database", url])
        .output()
        .unwrap();
    assert!(!output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_inbox_that_cannot_reach_its_database_at_start_says_so() {
    let server = Postgres::start();
    let url = server.url().to_owned();
    server.stop();
    let said = refused_at_start(&url);
    assert!(
        said.contains("cannot open database") && said.contains("postgres://tyokyky@127.0.0.1"),
        "{said}"
    );
}

#[test]
fn an_inbox_that_asks_for_tls_does_not_connect_without_it() {
    // The test's server has no TLS: with sslmode=require the inbox refuses to talk to it in clear text.
    let server = Postgres::start();
    let said = refused_at_start(&format!("{}?sslmode=require", server.url()));
    assert!(said.contains("cannot open database"), "{said}");
    // Without it, the same server takes the connection.
    let inbox = common::start(&["--database", server.url()]);
    assert_eq!(inbox.health(), Some(200));
}

#[test]
fn a_database_setting_that_cannot_be_used_is_named() {
    for (setting, words) in [
        (
            "sqlite:///var/lib/tyokyky/inbox.sqlite3",
            "--database takes a PostgreSQL URL",
        ),
        (
            "postgres://tyokyky@127.0.0.1:notaport/tyokyky",
            "the database URL cannot be read",
        ),
    ] {
        let said = refused_at_start(setting);
        assert!(said.contains(words), "{setting}: {said}");
    }
}
