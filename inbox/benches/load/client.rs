//! The load generator's HTTP/1.1 client and the phases it runs.
//!
//! `--concurrency` keep-alive HTTP/1.1 connections (opened before the clock starts; with several inbox
//! instances, connection `i` goes to instance `i % instances`, round robin) each send one
//! request at a time from a shared plan until it is done or the wall-clock `--cap` is reached. A request
//! that ends without an answer (transport error, or no answer within `--timeout`) is an error, and its
//! connection is replaced; the time to open the new one counts in the next request.
//!
//! The client is hyper's own connection (`hyper::client::conn::http1`), not a pooled client such as
//! reqwest or hyper-util's: the measurement needs each worker to own exactly one connection, opened
//! before the clock starts and replaced only after a transport error, and each request to carry only the
//! headers and body the plan gives it. A pool opens, reuses and retries connections on its own terms,
//! which would blur what is measured; hyper is in the tree already through axum.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request, StatusCode, header};
use hyper_util::rt::TokioIo;
use serde_json::Value;

use crate::BoxError;
use crate::plan::Prepared;

/// How one request ended.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// An HTTP answer, with the receipt's document id if it had one.
    Answered(StatusCode, Option<String>),
    /// No answer: connection failure or timeout.
    Transport(String),
}

#[derive(Debug, Clone)]
pub struct Sample {
    /// The index of the request in its plan.
    pub item: usize,
    pub outcome: Outcome,
    pub latency: Duration,
}

#[derive(Debug)]
pub struct PhaseResult {
    pub samples: Vec<Sample>,
    pub elapsed: Duration,
    pub planned: usize,
}

/// One keep-alive connection's sending half.
pub type Sender = SendRequest<Full<Bytes>>;

async fn connect(address: SocketAddr) -> Result<Sender, BoxError> {
    let stream = tokio::net::TcpStream::connect(address).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // The connection's end (the server closing it) shows up as an error of the next request.
        let _ = connection.await;
    });
    Ok(sender)
}

/// One request on the connection in `slot`, opening one first if there is none; with `token` as its
/// bearer credential, if given.
pub async fn exchange(
    address: SocketAddr,
    slot: &mut Option<Sender>,
    method: Method,
    path: &str,
    content_type: &'static str,
    body: Bytes,
    token: Option<&str>,
) -> Result<(StatusCode, Bytes), BoxError> {
    if slot.is_none() {
        *slot = Some(connect(address).await?);
    }
    let Some(sender) = slot.as_mut() else {
        return Err("no connection".into());
    };
    sender.ready().await?;
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, address.to_string())
        .header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = request.body(Full::new(body))?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, body))
}

async fn submit(address: SocketAddr, slot: &mut Option<Sender>, item: &Prepared) -> Outcome {
    let sent = exchange(
        address,
        slot,
        Method::POST,
        "/api/documents",
        item.content_type,
        item.body.clone(),
        None,
    )
    .await;
    match sent {
        Ok((status, body)) => {
            let document_id = if status.is_success() {
                serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|receipt| receipt["document_id"].as_str().map(str::to_owned))
            } else {
                None
            };
            Outcome::Answered(status, document_id)
        }
        Err(error) => Outcome::Transport(error.to_string()),
    }
}

async fn worker(
    address: SocketAddr,
    sender: Sender,
    plan: Arc<Vec<Prepared>>,
    next: Arc<AtomicUsize>,
    deadline: Instant,
    timeout: Duration,
) -> Vec<Sample> {
    let mut slot = Some(sender);
    let mut samples = Vec::new();
    while Instant::now() < deadline {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = plan.get(index) else {
            break;
        };
        let started = Instant::now();
        let outcome = tokio::time::timeout(timeout, submit(address, &mut slot, item))
            .await
            .unwrap_or_else(|_| Outcome::Transport(format!("no answer within {timeout:?}")));
        let latency = started.elapsed();
        if matches!(outcome, Outcome::Transport(_)) {
            // Start over on a new connection; the time to open it counts in the next request.
            slot = None;
        }
        samples.push(Sample {
            item: index,
            outcome,
            latency,
        });
    }
    samples
}

/// Sends `plan` over `concurrency` connections, opened before the clock starts, connection `i` to
/// `addresses[i % addresses.len()]`.
pub async fn run_phase(
    addresses: &[SocketAddr],
    plan: Vec<Prepared>,
    concurrency: usize,
    cap: Duration,
    timeout: Duration,
) -> Result<PhaseResult, BoxError> {
    if addresses.is_empty() {
        return Err("no server to send to".into());
    }
    let mut senders = Vec::with_capacity(concurrency);
    for index in 0..concurrency {
        let address = addresses[index % addresses.len()];
        senders.push((address, connect(address).await?));
    }
    let planned = plan.len();
    let plan = Arc::new(plan);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + cap;
    let workers: Vec<_> = senders
        .into_iter()
        .map(|(address, sender)| {
            tokio::spawn(worker(
                address,
                sender,
                Arc::clone(&plan),
                Arc::clone(&next),
                deadline,
                timeout,
            ))
        })
        .collect();
    let mut samples = Vec::with_capacity(planned);
    for handle in workers {
        samples.extend(handle.await?);
    }
    Ok(PhaseResult {
        samples,
        elapsed: started.elapsed(),
        planned,
    })
}
