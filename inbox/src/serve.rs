//! Serving the router on a listener so that stalled clients cannot hold the inbox.
//!
//! `axum::serve` has no timeouts and no limit on connections, so each connection is served with hyper's
//! own HTTP/1.1 connection builder (as `axum::serve` does inside), with:
//!
//! - **a head timeout** (hyper's `header_read_timeout`): a request's line and headers must arrive within
//!   it. Hyper starts this clock whenever the connection waits for a request, the first one or the next
//!   one on a kept-alive connection, so a kept-alive connection left idle is closed when it runs out too.
//! - **an idle timeout** (`tokio_io_timeout::TimeoutStream`): a connection on which no byte moves for this
//!   long while the inbox waits to read from it or to write to it is closed; the case the other timeouts
//!   leave open is a client that stops reading the answer.
//! - **a body timeout** for the API, in the router (`api::RouterConfig::body_timeout`).
//! - **a cap on connections**: at most `max_connections` are served at once. The inbox accepts no more
//!   until one closes, so the excess waits in the kernel's listen queue (and, when that is full, the
//!   client's TCP retries): no connection is accepted only to be dropped, and since every phase of a
//!   connection is timed, a place always frees within the longest timeout.
//! - **a shutdown deadline**: when `shutdown` resolves, the listener is closed at once, idle connections
//!   are closed, requests in flight may finish for `grace`, and then the remaining connections are dropped.
//!   A document is stored in one SQLite transaction before it is acknowledged, so nothing acknowledged is
//!   lost.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;

/// How connections are served and stopped.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The longest a request's head (line and headers) may take to arrive, from when the connection is
    /// ready for it.
    pub header_timeout: Duration,
    /// The longest a connection may go without a byte read or written while the inbox waits on it.
    pub idle_timeout: Duration,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// How long requests in flight may take to finish after the shutdown signal.
    pub grace: Duration,
}

impl Default for ServeConfig {
    fn default() -> ServeConfig {
        ServeConfig {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: 256,
            grace: Duration::from_secs(10),
        }
    }
}

/// How serving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Every connection finished within the grace period.
    Drained,
    /// Connections were still open when the grace period ran out; they were dropped.
    GraceRanOut,
}

/// Serves `app` on `listener` until `shutdown` resolves, then drains as [`ServeConfig`] says.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    config: &ServeConfig,
    shutdown: impl Future<Output = ()>,
) -> Stopped {
    let places = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let place = tokio::select! {
            () = &mut shutdown => break,
            place = Arc::clone(&places).acquire_owned() => match place {
                Ok(place) => place,
                Err(_closed) => break,
            },
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    eprintln!("tyokyky-inbox: cannot accept a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let mut stream = TimeoutStream::new(stream);
        stream.set_read_timeout(Some(config.idle_timeout));
        stream.set_write_timeout(Some(config.idle_timeout));
        let connection = http.serve_connection(
            TokioIo::new(Box::pin(stream)),
            TowerToHyperService::new(app.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A connection's end (closed, timed out, reset) is the client's business, not a failure.
            let _ended = connection.await;
            drop(place);
        });
    }
    drop(listener);
    match tokio::time::timeout(config.grace, graceful.shutdown()).await {
        Ok(()) => Stopped::Drained,
        Err(_) => Stopped::GraceRanOut,
    }
}
