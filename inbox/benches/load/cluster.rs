//! With `--postgres`: a throw-away PostgreSQL cluster for the run, made and started by
//! `scripts/pg-cluster.sh` in a fresh folder under `--dir` (as the `postgres` user when the bench runs as
//! root) on a free loopback port, and removed when dropped: at the end of the run, and also when it fails
//! half-way. Durability is PostgreSQL's default (fsync and `synchronous_commit` on), as a deployment has
//! it; [`Cluster::durability`] reads it back and refuses anything less, so that the ceiling and the inbox
//! commit the same way.
//!
//! The inbox's tables live in the `public` schema of the `postgres` database; the raw ceiling's table is in
//! a schema of its own ([`crate::ceiling`]).

use std::path::{Path, PathBuf};
use std::process::Command;

use postgres::{Client, NoTls};

use crate::BoxError;

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/pg-cluster.sh")
}

/// A running cluster; stopped and removed when dropped.
#[derive(Debug)]
pub struct Cluster {
    dir: tempfile::TempDir,
    /// `postgres://tyokyky@127.0.0.1:PORT/postgres` (superuser `tyokyky`, trusted on loopback).
    pub url: String,
}

impl Cluster {
    /// Makes a new cluster in a fresh folder under `parent` and starts it.
    pub fn start(parent: &Path) -> Result<Cluster, BoxError> {
        let dir = tempfile::Builder::new().prefix("postgres-").tempdir_in(parent)?;
        let output = Command::new(script()).arg("start").arg(dir.path()).output()?;
        // Made from here on: dropped (so removed) if the start failed half-way.
        let mut cluster = Cluster {
            dir,
            url: String::new(),
        };
        if !output.status.success() {
            return Err(format!(
                "scripts/pg-cluster.sh start {} failed (the folders above it must let the `postgres` user \
                 through): {}",
                cluster.dir.path().display(),
                String::from_utf8_lossy(&output.stderr).trim()
            )
            .into());
        }
        cluster.url = String::from_utf8(output.stdout)?.trim().to_owned();
        Ok(cluster)
    }

    /// A new connection to the cluster's `postgres` database.
    pub fn connect(&self) -> Result<Client, BoxError> {
        Ok(Client::connect(&self.url, NoTls)?)
    }

    /// The server's version and how it commits; an error unless a commit waits for its WAL to be flushed
    /// (`fsync` and `synchronous_commit` on), the durability the inbox is deployed with.
    pub fn durability(&self) -> Result<String, BoxError> {
        let mut client = self.connect()?;
        let mut show = |setting: &str| -> Result<String, BoxError> {
            let row = client.query_one(&format!("SHOW {setting}"), &[])?;
            Ok(row.try_get(0)?)
        };
        let version = show("server_version")?;
        let fsync = show("fsync")?;
        let synchronous_commit = show("synchronous_commit")?;
        let wal_sync_method = show("wal_sync_method")?;
        if fsync != "on" || synchronous_commit != "on" {
            return Err(format!(
                "the cluster runs with fsync={fsync}, synchronous_commit={synchronous_commit}: the figures \
                 would not be of a durable commit"
            )
            .into());
        }
        Ok(format!(
            "PostgreSQL {version}, fsync=on, synchronous_commit=on, wal_sync_method={wal_sync_method}"
        ))
    }

    /// The rows of the inbox's `documents` table.
    pub fn inbox_documents(&self) -> Result<i64, BoxError> {
        let row = self
            .connect()?
            .query_one("SELECT count(*) FROM public.documents", &[])?;
        Ok(row.try_get(0)?)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // The data folder is the `postgres` user's; the script stops the server and removes it all.
        let _ = Command::new(script()).arg("remove").arg(self.dir.path()).output();
    }
}
