//! `tyokyky-inbox`: run the reference inbox. Configuration by flags or environment (see `--help`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use tyokyky_inbox::api::{RouterConfig, router};
use tyokyky_inbox::serve::{ServeConfig, Stopped, serve};
use tyokyky_inbox::store::Store;

/// The reference inbox for tyokyky: serves the app and stores the documents it posts in SQLite.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on. Keep it on loopback unless a TLS proxy stands in front.
    #[arg(long, env = "TYOKYKY_HOST", default_value = "127.0.0.1")]
    host: std::net::IpAddr,
    /// Port to listen on; 0 picks a free one (the URL printed at start says which).
    #[arg(long, env = "TYOKYKY_PORT", default_value_t = 8080)]
    port: u16,
    /// Folder for the SQLite database (`inbox.sqlite3`); created if missing.
    #[arg(long, env = "TYOKYKY_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// The built app (trunk's dist folder) to serve at `/`.
    #[arg(long, env = "TYOKYKY_DIST", default_value = "dist")]
    dist: PathBuf,
    /// Largest document accepted, in bytes.
    #[arg(long, env = "TYOKYKY_MAX_BODY_BYTES", default_value_t = 256 * 1024)]
    max_body_bytes: usize,
    /// Bearer token required to submit documents (the host portal hands it to the app); none if unset.
    #[arg(long, env = "TYOKYKY_SUBMIT_TOKEN", hide_env_values = true)]
    submit_token: Option<String>,
    /// Bearer token required to list, fetch and mark documents. Required when listening beyond loopback.
    #[arg(long, env = "TYOKYKY_READ_TOKEN", hide_env_values = true)]
    read_token: Option<String>,
    /// Origins whose pages may call the API from a browser (comma-separated, e.g.
    /// `https://portal.example.fi`).
    #[arg(long, env = "TYOKYKY_CORS_ORIGINS", value_delimiter = ',')]
    cors_origin: Vec<String>,
    /// Origins whose pages may show the app in a frame, besides the inbox's own (comma-separated).
    #[arg(long, env = "TYOKYKY_FRAME_ANCESTORS", value_delimiter = ',')]
    frame_ancestor: Vec<String>,
    /// On SIGTERM or Ctrl-C, how long requests in flight may take to finish, in seconds. The port closes
    /// at once; a connection still open after the grace period (a stalled or half-sent request) is
    /// dropped and the inbox exits. A document is stored in one SQLite transaction before it is
    /// acknowledged, so stopping mid-request loses nothing that was acknowledged.
    #[arg(long, env = "TYOKYKY_SHUTDOWN_GRACE", default_value_t = 10)]
    shutdown_grace: u64,
    /// Seconds a request's head (its line and headers) may take to arrive, from when the connection is
    /// ready for it; a kept-alive connection waiting that long for its next request is closed too.
    #[arg(long, env = "TYOKYKY_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Seconds a request's body may take to arrive, from the end of its head; a slower one is answered
    /// 408 `request_timeout`.
    #[arg(long, env = "TYOKYKY_BODY_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    body_timeout: u64,
    /// Seconds a connection may go without a byte read or written while the inbox waits on it (a client
    /// that stops reading the answer) before it is closed.
    #[arg(long, env = "TYOKYKY_IDLE_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout: u64,
    /// Connections served at once. More wait to be accepted (in the kernel's listen queue) until one
    /// closes; every phase of a connection is timed, so a place frees within the longest timeout.
    #[arg(long, env = "TYOKYKY_MAX_CONNECTIONS", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    max_connections: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("tyokyky-inbox: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(args));
    // Store work still running on a blocking thread (a document not yet acknowledged) is not waited for:
    // its transaction rolls back, and the client, without a receipt, sends it again.
    runtime.shutdown_timeout(Duration::from_millis(500));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tyokyky-inbox: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    if !args.host.is_loopback() && args.read_token.is_none() {
        return Err(format!(
            "listening on {} without --read-token would let anyone on the network read the documents; \
             set TYOKYKY_READ_TOKEN (or listen on 127.0.0.1 behind a proxy)",
            args.host
        ));
    }
    for origin in args.cors_origin.iter().chain(&args.frame_ancestor) {
        if !(origin.starts_with("https://") || origin.starts_with("http://")) || origin.ends_with('/') {
            return Err(format!(
                "`{origin}` is not an origin: write it as scheme://host[:port], without a path"
            ));
        }
    }
    std::fs::create_dir_all(&args.data_dir)
        .map_err(|error| format!("cannot create data folder `{}`: {error}", args.data_dir.display()))?;
    let database = args.data_dir.join("inbox.sqlite3");
    let store = Store::open(&database)
        .map_err(|error| format!("cannot open database `{}`: {error}", database.display()))?;
    let dist = if args.dist.join("index.html").is_file() {
        Some(args.dist.clone())
    } else {
        eprintln!(
            "tyokyky-inbox: no app at `{}` (index.html missing); serving the API only",
            args.dist.display()
        );
        None
    };
    let app = router(
        store,
        &RouterConfig {
            max_body_bytes: args.max_body_bytes,
            submit_token: args.submit_token,
            read_token: args.read_token,
            cors_origins: args.cors_origin,
            frame_ancestors: args.frame_ancestor,
            body_timeout: Duration::from_secs(args.body_timeout),
            ..RouterConfig::new(dist)
        },
    );
    let listener = listen(SocketAddr::new(args.host, args.port))
        .map_err(|error| format!("cannot listen on {}:{}: {error}", args.host, args.port))?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    println!(
        "tyokyky inbox listening on http://{address}/ (database: {})",
        database.display()
    );
    let config = ServeConfig {
        header_timeout: Duration::from_secs(args.header_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        grace: Duration::from_secs(args.shutdown_grace),
    };
    if serve(listener, app, &config, shutdown_signal()).await == Stopped::GraceRanOut {
        eprintln!(
            "tyokyky-inbox: connections still open {} s after the signal; stopping without them",
            args.shutdown_grace
        );
    }
    println!("tyokyky inbox stopped");
    Ok(())
}

/// Connections the kernel keeps waiting to be accepted (capped by `net.core.somaxconn`): beyond
/// `--max-connections`, a burst waits here rather than have its connections refused.
const LISTEN_QUEUE: u32 = 4096;

/// A listener on `address` with a deep queue of connections waiting to be accepted.
fn listen(address: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_QUEUE)
}

/// Resolves on Ctrl-C or SIGTERM; requests in flight then have the grace period to finish.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
