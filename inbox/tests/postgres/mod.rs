//! A throw-away PostgreSQL server for the tests that stop and start it themselves: a new cluster in a
//! temporary folder on a free loopback port, made and run by `scripts/pg-cluster.sh` (as the `postgres`
//! user when the tests run as root), removed when dropped, also when a test fails.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code shared by several test crates, each using part of it; a failed unwrap is a failed test"
)]

use std::path::PathBuf;
use std::process::Command;

/// A running cluster; removed when dropped.
pub struct Postgres {
    url: String,
    dir: tempfile::TempDir,
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/pg-cluster.sh")
}

fn cluster(action: &str, dir: &std::path::Path) -> String {
    let output = Command::new(script()).arg(action).arg(dir).output().unwrap();
    assert!(
        output.status.success(),
        "pg-cluster.sh {action}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

impl Postgres {
    /// Makes a new cluster and starts it.
    pub fn start() -> Postgres {
        let dir = tempfile::Builder::new().prefix("tyokyky-pg-").tempdir().unwrap();
        let url = cluster("start", dir.path());
        Postgres { url, dir }
    }

    /// The URL of its `postgres` database (superuser `tyokyky`, trusted on loopback).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Stops the server at once, as a crash would; its data stays.
    pub fn stop(&self) {
        cluster("stop", self.dir.path());
    }

    /// Starts it again after [`Postgres::stop`], on the same port.
    pub fn restart(&self) {
        cluster("start", self.dir.path());
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Command::new(script()).arg("stop").arg(self.dir.path()).output();
    }
}
