//! The verification after the load: what was acknowledged is what is stored, each exactly once.
//!
//! It lists every stored document through the API and reads `/api/health` (with the worker's token the
//! inbox was started with, [`READ_TOKEN`]; with several instances on one PostgreSQL database, through the
//! first, since all share it), checks that every acknowledged document is stored exactly once and nothing
//! else is, and, once the servers are stopped with SIGTERM, counts the rows again in the database itself:
//! the SQLite file, or the `documents` table in PostgreSQL. The answers themselves are checked too: all answers to a
//! document and its duplicates carry the same `document_id`, and exactly one of them is a 201.

use std::collections::HashMap;
use std::net::SocketAddr;

use hyper::body::Bytes;
use hyper::{Method, StatusCode};
use serde_json::Value;

use crate::BoxError;
use crate::client::{Outcome, PhaseResult, exchange};
use crate::plan::{Corpus, Prepared};
use crate::server::READ_TOKEN;

/// What the answers to new documents and duplicates say about each document.
#[derive(Debug, Default)]
pub struct Acknowledged {
    /// Documents with at least one 2xx answer, by index.
    pub documents: Vec<usize>,
    /// Documents whose answers disagree (different ids, or not exactly one 201).
    pub violations: Vec<String>,
}

pub fn acknowledged(result: &PhaseResult, plan: &[Prepared], corpus: &Corpus) -> Acknowledged {
    let mut answers: HashMap<usize, Vec<(StatusCode, Option<String>)>> = HashMap::new();
    for sample in &result.samples {
        let Some(item) = plan.get(sample.item) else {
            continue;
        };
        if let (Some(document), Outcome::Answered(status, id)) = (item.document, &sample.outcome)
            && status.is_success()
        {
            answers.entry(document).or_default().push((*status, id.clone()));
        }
    }
    let mut report = Acknowledged::default();
    let mut documents: Vec<usize> = answers.keys().copied().collect();
    documents.sort_unstable();
    for document in &documents {
        let Some(list) = answers.get(document) else {
            continue;
        };
        let created = list
            .iter()
            .filter(|(status, _)| *status == StatusCode::CREATED)
            .count();
        let first = list.first().and_then(|(_, id)| id.clone());
        let same = first.is_some() && list.iter().all(|(_, id)| *id == first);
        if created != 1 || !same {
            let key = corpus.keys.get(*document).copied().unwrap_or_default();
            report.violations.push(format!(
                "document {document} (key {key}): {} answers, {created} × 201, ids {}",
                list.len(),
                if same { "agree" } else { "differ" }
            ));
        }
    }
    report.documents = documents;
    report
}

/// What the inbox says it stored: the idempotency keys it lists, page by page, with how often each
/// appears, and the count `/api/health` gives.
#[derive(Debug)]
pub struct Listed {
    keys: HashMap<String, usize>,
    health_count: i64,
}

pub async fn listed_keys(address: SocketAddr) -> Result<Listed, BoxError> {
    let mut slot = None;
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut after = 0i64;
    loop {
        let path = format!("/api/documents?limit=500&after={after}");
        let (status, body) = exchange(
            address,
            &mut slot,
            Method::GET,
            &path,
            "application/json",
            Bytes::new(),
            Some(READ_TOKEN),
        )
        .await?;
        if status != StatusCode::OK {
            return Err(format!("GET {path} answered {status}").into());
        }
        let page: Value = serde_json::from_slice(&body)?;
        let documents = page["documents"]
            .as_array()
            .ok_or("a listing without `documents`")?;
        for document in documents {
            let key = document["idempotency_key"]
                .as_str()
                .ok_or("a listed document without `idempotency_key`")?;
            *keys.entry(key.to_owned()).or_default() += 1;
        }
        match page["next_after"].as_i64() {
            Some(next) => after = next,
            None => break,
        }
    }
    let (status, body) = exchange(
        address,
        &mut slot,
        Method::GET,
        "/api/health",
        "application/json",
        Bytes::new(),
        Some(READ_TOKEN),
    )
    .await?;
    if status != StatusCode::OK {
        return Err(format!("GET /api/health answered {status}").into());
    }
    let health: Value = serde_json::from_slice(&body)?;
    let health_count = health["documents"]
        .as_i64()
        .ok_or("/api/health without `documents`")?;
    Ok(Listed { keys, health_count })
}

/// The stored set against the acknowledged one.
#[derive(Debug)]
pub struct Storage {
    pub acknowledged: usize,
    /// Rows the API listed, and how many distinct keys they had.
    pub listed_rows: usize,
    pub distinct: usize,
    /// Keys listed more than once.
    pub twice: usize,
    /// Acknowledged documents not listed.
    pub missing: usize,
    /// Listed documents never acknowledged.
    pub extra: usize,
    pub health_count: i64,
    /// Rows in the database itself after the servers stopped.
    pub database_count: i64,
}

impl Storage {
    /// `database_count` is the row count of the database (file or PostgreSQL) after the servers stopped.
    pub fn check(
        acknowledged: &Acknowledged,
        corpus: &Corpus,
        listed: Listed,
        database_count: i64,
    ) -> Storage {
        let Listed { keys, health_count } = listed;
        let expected: HashMap<String, usize> = acknowledged
            .documents
            .iter()
            .filter_map(|index| corpus.keys.get(*index))
            .map(|key| (key.to_string(), 1))
            .collect();
        Storage {
            acknowledged: acknowledged.documents.len(),
            listed_rows: keys.values().sum(),
            distinct: keys.len(),
            twice: keys.values().filter(|count| **count > 1).count(),
            missing: expected.keys().filter(|key| !keys.contains_key(*key)).count(),
            extra: keys.keys().filter(|key| !expected.contains_key(*key)).count(),
            health_count,
            database_count,
        }
    }

    /// Each acknowledged document stored exactly once, and nothing else, by every count.
    pub fn ok(&self) -> bool {
        self.twice == 0
            && self.missing == 0
            && self.extra == 0
            && self.listed_rows == self.acknowledged
            && usize::try_from(self.health_count).ok() == Some(self.acknowledged)
            && usize::try_from(self.database_count).ok() == Some(self.acknowledged)
    }
}
