//! A throw-away PostgreSQL server for the tests: a new cluster in a temporary folder, started on a free
//! loopback port with the Debian package's binaries (`scripts/setup.sh` installs them) and stopped when
//! dropped, also when a test fails. PostgreSQL refuses to run as root, so as root the cluster is made and
//! run as the package's `postgres` user. Durability is PostgreSQL's default (fsync and synchronous commit
//! on), as a deployment has it.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code shared by several test crates, each using part of it; a failed unwrap is a failed test"
)]

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A running cluster; stopped when dropped.
pub struct Postgres {
    /// The loopback port it listens on.
    pub port: u16,
    bin: PathBuf,
    data: PathBuf,
    _dir: tempfile::TempDir,
}

/// The folder of the newest PostgreSQL binaries Debian installed (`/usr/lib/postgresql/<major>/bin`).
fn binaries() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let major = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!("no PostgreSQL under /usr/lib/postgresql: run scripts/setup.sh test"),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

/// Runs `program` with `args`, as the `postgres` user when this process is root.
fn run(program: &Path, args: &[&str]) -> Output {
    let mut command = if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    };
    command.args(args).output().unwrap()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Postgres {
    /// Makes a new cluster with the superuser `tyokyky` (trust on loopback: nobody else reaches it) and
    /// starts it.
    pub fn start() -> Postgres {
        let bin = binaries();
        let dir = tempfile::Builder::new().prefix("tyokyky-pg-").tempdir().unwrap();
        // The `postgres` user must reach the folder; the data folder inside is its own (0700).
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let data = dir.path().join("data");
        let data_text = data.to_str().unwrap();
        let made = run(
            &bin.join("initdb"),
            &[
                "-D",
                data_text,
                "-U",
                "tyokyky",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        assert!(
            made.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        let port = free_port();
        let options = format!("-h 127.0.0.1 -p {port} -k {}", dir.path().display());
        let log = dir.path().join("server.log");
        let started = run(
            &bin.join("pg_ctl"),
            &[
                "-D",
                data_text,
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        );
        assert!(
            started.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&started.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        Postgres {
            port,
            bin,
            data,
            _dir: dir,
        }
    }

    /// The connection string of its `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://tyokyky@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = run(
            &self.bin.join("pg_ctl"),
            &[
                "-D",
                self.data.to_str().unwrap_or_default(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }
}
