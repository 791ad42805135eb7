//! The inbox under test: the real `tyokyky-inbox` binary, spawned as its own process.
//!
//! It runs with `--port 0`, a fresh data folder beside the ceiling's (or, with `--postgres`, `--database`
//! and the run's cluster: every instance on the same database), and no app, so the measured server is
//! the one that is deployed: its own `main`, its own multi-threaded tokio runtime, the whole router with
//! all its layers, and real TCP on loopback. Running the router in-process would share a runtime and the
//! process with the load generator and skip `main`, so the binary is used. It is the one cargo builds with
//! this bench (`CARGO_BIN_EXE_tyokyky-inbox`, always fresh, in the bench's profile), or `TYOKYKY_INBOX_BIN`
//! if set. Note that plain `cargo bench` builds in the `bench` profile, which inherits `release` — tuned
//! for the size of the WASM bundle (opt-level "z", fat LTO) — while the inbox is deployed from the
//! `server` profile (opt-level 3); add `--profile server` for deployment-true figures. The header says
//! which.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::BoxError;

/// The worker's token the inbox under test is started with: the verification lists the documents with it.
pub const READ_TOKEN: &str = "load-benchmark-reader";

/// Where the inbox under test stores.
#[derive(Debug, Clone)]
pub enum Backend {
    /// A SQLite file in the server's data folder.
    Sqlite,
    /// A PostgreSQL database, shared by every instance, with each instance's pool size if not the default.
    Postgres { url: String, connections: Option<u32> },
}

/// The inbox binary, running.
#[derive(Debug)]
pub struct Server {
    child: Child,
    pub address: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts the inbox with its SQLite file in `data_dir`, or on `backend`'s database (`data_dir` is then a
    /// scratch folder); sealing the documents with `keys` (a key line) if given. Instances on one database
    /// must be given the same keys, since each reads what the others stored.
    pub fn start(
        binary: &Path,
        data_dir: &Path,
        backend: &Backend,
        keys: Option<&str>,
    ) -> Result<Server, BoxError> {
        let mut command = Command::new(binary);
        command
            .args(["--host", "127.0.0.1", "--port", "0", "--data-dir"])
            .arg(data_dir)
            .arg("--dist")
            .arg(data_dir.join("no-app"))
            .args(["--read-token", READ_TOKEN]);
        if let Backend::Postgres { url, connections } = backend {
            command.args(["--database", url]);
            if let Some(connections) = connections {
                command.args(["--database-connections", &connections.to_string()]);
            }
        }
        if let Some(keys) = keys {
            command.args(["--keys", keys]);
        }
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // The inbox reads its configuration from TYOKYKY_* too; none of the caller's may leak in.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("TYOKYKY_") {
                command.env_remove(name);
            }
        }
        let mut child = command
            .spawn()
            .map_err(|error| format!("cannot start `{}`: {error}", binary.display()))?;
        let stderr = Arc::new(Mutex::new(String::new()));
        if let Some(mut pipe) = child.stderr.take() {
            let stderr = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = pipe.read_to_string(&mut text);
                if let Ok(mut shared) = stderr.lock() {
                    shared.push_str(&text);
                }
            });
        }
        let (lines, received) = mpsc::channel();
        if let Some(pipe) = child.stdout.take() {
            std::thread::spawn(move || {
                // Keep reading to the end, so the inbox never writes into a closed pipe.
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let _ = lines.send(line);
                }
            });
        }
        let mut server = Server {
            child,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            stderr,
        };
        let give_up = Instant::now() + Duration::from_secs(15);
        loop {
            let left = give_up.saturating_duration_since(Instant::now());
            match received.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("tyokyky inbox listening on http://") {
                        let address = rest.split('/').next().unwrap_or_default();
                        server.address = address
                            .parse()
                            .map_err(|error| format!("unreadable address in `{line}`: {error}"))?;
                        return Ok(server);
                    }
                }
                Err(_) => {
                    return Err(format!(
                        "the inbox did not start within 15 s; its stderr: {}",
                        server.stderr_text()
                    )
                    .into());
                }
            }
        }
    }

    /// What the inbox has written to stderr so far.
    pub fn stderr_text(&self) -> String {
        self.stderr.lock().map(|text| text.clone()).unwrap_or_default()
    }

    /// SIGTERM (the inbox finishes requests in flight and exits), SIGKILL after 10 s.
    pub fn stop(&mut self) -> Result<ExitStatus, BoxError> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let give_up = Instant::now() + Duration::from_secs(10);
        while Instant::now() < give_up {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        Ok(self.child.wait()?)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
