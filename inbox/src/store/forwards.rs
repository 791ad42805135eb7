//! The relay's forwards, kept in the store as an outbox: when a document is stored, one pending forward
//! for each downstream endpoint is written in the same transaction, so a document is never stored without
//! them, and a document sent again (the same key) makes none. The relay ([`crate::relay`]) claims the due
//! ones for a while (`claimed_until`), sends them and records each attempt with its entry of the access log
//! in one transaction. Claiming is a write, and writes are one at a time on either engine (SQLite's file
//! lock, PostgreSQL's advisory write lock), so two instances never hold the same forward at once; a claim
//! that lapses (an instance stopped mid-attempt) lets another instance, or the same one after a restart,
//! send it again. At least once, then: a downstream deduplicates by the `webhook-id` or the
//! `Idempotency-Key`.
//!
//! A forward is `pending` until a downstream accepts it (`delivered`) or it will not pass by retrying
//! (`dead`); an administrator replays a dead one. When retention deletes a document, its forwards go with
//! it in the same transaction.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;
use tyokyky_engine::document::DocumentKind;
use uuid::Uuid;

use super::sql::{Row, Sql, values};
use super::{Access, Store, StoreError, append_access, format_time, names_json, parse_time, parse_uuid};

/// Where the store's documents go on: the downstream endpoints (their URLs as the relay sends to them)
/// and the kinds of document forwarded.
#[derive(Debug)]
pub struct Forwarding {
    downstreams: Vec<String>,
    kinds: Vec<DocumentKind>,
    wake: Arc<Notify>,
}

impl Forwarding {
    /// Forwards to `downstreams` every document of `kinds` (every kind when empty).
    pub fn new(downstreams: Vec<String>, kinds: Vec<DocumentKind>) -> Forwarding {
        Forwarding {
            downstreams,
            kinds,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Notified when a stored document has made forwards, so the relay need not wait for its next look.
    pub fn wake(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// The downstream endpoints.
    pub fn downstreams(&self) -> &[String] {
        &self.downstreams
    }

    fn takes(&self, kind: &str) -> bool {
        self.kinds.is_empty() || self.kinds.iter().any(|taken| taken.as_str() == kind)
    }
}

/// Where a forward is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardState {
    /// Not yet accepted; tried at `next_attempt_at`.
    Pending,
    /// A downstream answered 2xx.
    Delivered,
    /// Given up: an answer that retrying will not change (a 4xx other than 408 and 429), or too many
    /// attempts. An administrator may replay it.
    Dead,
}

impl ForwardState {
    /// Its name, as stored and listed.
    pub fn as_str(self) -> &'static str {
        match self {
            ForwardState::Pending => "pending",
            ForwardState::Delivered => "delivered",
            ForwardState::Dead => "dead",
        }
    }

    fn parse(text: &str) -> Result<ForwardState, StoreError> {
        match text {
            "pending" => Ok(ForwardState::Pending),
            "delivered" => Ok(ForwardState::Delivered),
            "dead" => Ok(ForwardState::Dead),
            other => Err(StoreError::Corrupt(format!("forward state `{other}`"))),
        }
    }
}

/// A forward as an administrator lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forward {
    /// Its place in the order forwards were made; pass as `after` for the next page.
    pub seq: i64,
    /// Its id, sent as `webhook-id` with every attempt.
    pub id: Uuid,
    /// The document it sends.
    pub document_id: Uuid,
    /// That document's kind.
    pub kind: String,
    /// The downstream endpoint's URL.
    pub downstream: String,
    /// Where it is.
    pub state: ForwardState,
    /// Attempts made (since the last replay).
    pub attempts: u32,
    /// The HTTP status of the last answer, when one came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_status: Option<u16>,
    /// Why the last attempt failed, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// When a pending forward is tried next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When it was made, with its document.
    pub created_at: DateTime<Utc>,
    /// When it was delivered or given up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<Utc>>,
}

/// A forward claimed for one attempt, with what to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    /// The forward's id.
    pub id: Uuid,
    /// The document's id.
    pub document_id: Uuid,
    /// The document's idempotency key.
    pub idempotency_key: Uuid,
    /// The downstream endpoint's URL.
    pub downstream: String,
    /// Attempts made before this one.
    pub attempts: u32,
    /// The document as JSON, opened when the store seals bodies.
    pub body: String,
}

/// How an attempt went, as the relay records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// Accepted with this 2xx status.
    Delivered {
        /// The status.
        status: u16,
    },
    /// Failed; to be tried again at `retry_at`.
    Failed {
        /// The status, when an answer came.
        status: Option<u16>,
        /// Why.
        error: String,
        /// When to try again.
        retry_at: DateTime<Utc>,
    },
    /// Failed for good.
    Dead {
        /// The status, when an answer came.
        status: Option<u16>,
        /// Why.
        error: String,
    },
}

/// What replaying one forward did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replayed {
    /// It is pending again with no attempts, due now.
    Replayed(Forward),
    /// It is not dead (pending or delivered); nothing changed.
    NotDead(ForwardState),
    /// There is no such forward.
    NotFound,
}

/// The columns a listing reads, in [`forward_row`]'s order.
const FORWARD_COLUMNS: &str = "f.seq, f.id, f.document_id, d.kind, f.downstream, f.state, f.attempts, \
     f.last_status, f.last_error, f.next_attempt_at, f.created_at, f.finished_at";

/// A forward from a row of [`FORWARD_COLUMNS`].
fn forward_row(mut row: Row) -> Result<Forward, StoreError> {
    let seq = row.int(0)?;
    let id = parse_uuid(&row.text(1)?)?;
    let document_id = parse_uuid(&row.text(2)?)?;
    let kind = row.text(3)?;
    let downstream = row.text(4)?;
    let state = ForwardState::parse(&row.text(5)?)?;
    let attempts = row.version(6)?;
    let last_status = row.opt_int(7)?.and_then(|status| u16::try_from(status).ok());
    let last_error = row.opt_text(8)?;
    let next_attempt_at = parse_time(&row.text(9)?)?;
    Ok(Forward {
        seq,
        id,
        document_id,
        kind,
        downstream,
        state,
        attempts,
        last_status,
        last_error,
        next_attempt_at: (state == ForwardState::Pending).then_some(next_attempt_at),
        created_at: parse_time(&row.text(10)?)?,
        finished_at: row.opt_text(11)?.as_deref().map(parse_time).transpose()?,
    })
}

/// The forward `id` with its document's kind, if there is one.
fn forward_in(sql: &mut dyn Sql, id: Uuid) -> Result<Option<Forward>, StoreError> {
    sql.query_opt(
        &format!(
            "SELECT {FORWARD_COLUMNS} FROM forwards AS f JOIN documents AS d ON d.id = f.document_id
             WHERE f.id = ?1"
        ),
        values![id.to_string()],
    )?
    .map(forward_row)
    .transpose()
}

/// Writes a pending forward of the document `document_id` (of `kind`) for each downstream of
/// `forwarding`, due at `at`, in the transaction that stores the document.
pub(super) fn add_in(
    sql: &mut dyn Sql,
    forwarding: &Forwarding,
    document_id: Uuid,
    kind: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if !forwarding.takes(kind) {
        return Ok(());
    }
    for downstream in &forwarding.downstreams {
        sql.execute(
            "INSERT INTO forwards (id, document_id, downstream, state, attempts, next_attempt_at, created_at)
             VALUES (?1, ?2, ?3, 'pending', 0, ?4, ?4)",
            values![
                Uuid::new_v4().to_string(),
                document_id.to_string(),
                downstream,
                format_time(at)
            ],
        )?;
    }
    Ok(())
}

/// Removes the forwards whose document is gone (retention deleted it), in its transaction.
pub(super) fn remove_orphans_in(sql: &mut dyn Sql) -> Result<u64, StoreError> {
    Ok(sql.execute(
        "DELETE FROM forwards WHERE NOT EXISTS (SELECT 1 FROM documents AS d WHERE d.id = forwards.document_id)",
        &[],
    )?)
}

/// The part of a statement that keeps the pending forwards to the downstreams in parameter `?1` (a JSON
/// array) whose document is there, `f` joined with `d`.
fn pending_to(sql: &dyn Sql) -> String {
    format!(
        "forwards AS f JOIN documents AS d ON d.id = f.document_id
         WHERE f.state = 'pending' AND f.downstream IN (SELECT j.value FROM {})",
        sql.json_texts("?1", "j")
    )
}

impl Store {
    /// The store, forwarding each new document as `forwarding` says (see [`Forwarding`]).
    pub fn forwarding_to(mut self, forwarding: Forwarding) -> Store {
        self.forwarding = Some(Arc::new(forwarding));
        self
    }

    /// Where this store's documents go on, if anywhere.
    pub fn forwarding(&self) -> Option<&Forwarding> {
        self.forwarding.as_deref()
    }

    /// Tells the relay that a stored document has made forwards.
    pub(super) fn wake_relay(&self) {
        if let Some(forwarding) = &self.forwarding {
            forwarding.wake.notify_one();
        }
    }

    /// The downstreams forwarded to, as the JSON array the statements take.
    fn downstreams_json(&self) -> Option<String> {
        self.forwarding
            .as_ref()
            .map(|forwarding| names_json(&forwarding.downstreams))
    }

    /// When the next pending forward to a configured downstream may be claimed (it is due and not
    /// claimed), if any: the relay sleeps until then.
    pub fn next_forward_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let Some(downstreams) = self.downstreams_json() else {
            return Ok(None);
        };
        let due = self.read(|sql| {
            let statement = format!(
                "SELECT min(CASE WHEN f.claimed_until IS NOT NULL AND f.claimed_until > f.next_attempt_at
                                 THEN f.claimed_until ELSE f.next_attempt_at END)
                 FROM {}",
                pending_to(sql)
            );
            sql.query_one(&statement, values![&downstreams])?.opt_text(0)
        })?;
        due.as_deref().map(parse_time).transpose()
    }

    /// Claims up to `limit` pending forwards to the configured downstreams that are due at `now` and not
    /// claimed, for `lease` (the longest an attempt may take, and some), and returns them with their
    /// documents. A document whose body does not open (sealed, and this inbox lacks the key) cannot be
    /// sent: its forward is given up with the reason, for an administrator to replay once the key is
    /// back.
    pub fn claim_forwards(
        &self,
        now: DateTime<Utc>,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<Claimed>, StoreError> {
        let Some(downstreams) = self.downstreams_json() else {
            return Ok(Vec::new());
        };
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        self.with(
            true,
            |claimed: &Vec<Claimed>| !claimed.is_empty(),
            |sql| {
                let statement = format!(
                    "SELECT f.id, f.document_id, f.downstream, f.attempts, d.idempotency_key, d.body
                     FROM {}
                       AND f.next_attempt_at <= ?2 AND (f.claimed_until IS NULL OR f.claimed_until <= ?2)
                     ORDER BY f.next_attempt_at LIMIT ?3",
                    pending_to(sql)
                );
                let rows = sql.query(&statement, values![&downstreams, format_time(now), limit])?;
                let mut claimed = Vec::with_capacity(rows.len());
                for mut row in rows {
                    let (id, document_id, downstream) = (row.text(0)?, row.text(1)?, row.text(2)?);
                    let (attempts, key, body) = (row.version(3)?, row.text(4)?, row.text(5)?);
                    match self.unseal(&body, &key) {
                        Ok(body) => {
                            sql.execute(
                                "UPDATE forwards SET claimed_until = ?2 WHERE id = ?1",
                                values![&id, format_time(until)],
                            )?;
                            claimed.push(Claimed {
                                id: parse_uuid(&id)?,
                                document_id: parse_uuid(&document_id)?,
                                idempotency_key: parse_uuid(&key)?,
                                downstream,
                                attempts,
                                body,
                            });
                        }
                        Err(error) => {
                            sql.execute(
                                "UPDATE forwards SET state = 'dead', last_error = ?2, finished_at = ?3,
                                    claimed_until = NULL
                                 WHERE id = ?1",
                                values![
                                    &id,
                                    format!("the stored document does not open: {error}"),
                                    format_time(now)
                                ],
                            )?;
                        }
                    }
                }
                Ok(claimed)
            },
        )
    }

    /// Records an attempt at the forward `id` and its entry of the access log (`access`), in one
    /// transaction, and lets the claim go. A forward no longer pending (delivered meanwhile by another
    /// instance whose claim followed a lapsed one) or gone (its document expired) is left as it is; the
    /// entry is written all the same, since the document was sent.
    pub fn record_attempt(&self, id: Uuid, attempt: &Attempt, access: &Access) -> Result<(), StoreError> {
        let now = super::now_millis();
        self.with(
            true,
            |_| true,
            |sql| {
                match attempt {
                    Attempt::Delivered { status } => sql.execute(
                        "UPDATE forwards SET state = 'delivered', attempts = attempts + 1, last_status = ?2,
                            last_error = NULL, claimed_until = NULL, finished_at = ?3
                         WHERE id = ?1 AND state = 'pending'",
                        values![id.to_string(), u32::from(*status), format_time(now)],
                    )?,
                    Attempt::Failed {
                        status,
                        error,
                        retry_at,
                    } => sql.execute(
                        "UPDATE forwards SET attempts = attempts + 1, last_status = ?2, last_error = ?3,
                            next_attempt_at = ?4, claimed_until = NULL
                         WHERE id = ?1 AND state = 'pending'",
                        values![
                            id.to_string(),
                            status.map(u32::from),
                            error,
                            format_time(*retry_at)
                        ],
                    )?,
                    Attempt::Dead { status, error } => sql.execute(
                        "UPDATE forwards SET state = 'dead', attempts = attempts + 1, last_status = ?2,
                            last_error = ?3, claimed_until = NULL, finished_at = ?4
                         WHERE id = ?1 AND state = 'pending'",
                        values![id.to_string(), status.map(u32::from), error, format_time(now)],
                    )?,
                };
                append_access(sql, access, now)
            },
        )
    }

    /// Up to `limit` forwards after position `after`, in `state` (every state without it), oldest first.
    pub fn forwards(
        &self,
        state: Option<ForwardState>,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Forward>, StoreError> {
        self.read(|sql| forwards_in(sql, state, after, limit))
    }

    /// As [`Store::forwards`], the listing an entry of the access log.
    pub fn forwards_as(
        &self,
        state: Option<ForwardState>,
        after: i64,
        limit: u32,
        access: &Access,
    ) -> Result<Vec<Forward>, StoreError> {
        self.logged(
            access,
            |sql| forwards_in(sql, state, after, limit),
            |_| Some(None),
        )
    }

    /// Makes the dead forward `id` pending again with no attempts, due now; an entry of the access log
    /// naming its document when it was replayed.
    pub fn replay_forward_as(&self, id: Uuid, access: &Access) -> Result<Replayed, StoreError> {
        let replayed = self.logged(
            access,
            |sql| {
                let Some(forward) = forward_in(sql, id)? else {
                    return Ok(Replayed::NotFound);
                };
                if forward.state != ForwardState::Dead {
                    return Ok(Replayed::NotDead(forward.state));
                }
                sql.execute(
                    "UPDATE forwards SET state = 'pending', attempts = 0, next_attempt_at = ?2,
                        claimed_until = NULL, finished_at = NULL
                     WHERE id = ?1",
                    values![id.to_string(), format_time(super::now_millis())],
                )?;
                let forward = forward_in(sql, id)?
                    .ok_or_else(|| StoreError::Corrupt(format!("forward {id} gone while replayed")))?;
                Ok(Replayed::Replayed(forward))
            },
            |replayed| match replayed {
                Replayed::Replayed(forward) => Some(Some(forward.document_id)),
                _ => None,
            },
        )?;
        if matches!(replayed, Replayed::Replayed(_)) {
            self.wake_relay();
        }
        Ok(replayed)
    }

    /// Makes every dead forward pending again with no attempts, due now; one entry of the access log for
    /// each, naming its document. Returns how many.
    pub fn replay_dead_forwards_as(&self, access: &Access) -> Result<usize, StoreError> {
        let now = super::now_millis();
        let count = self.with(
            true,
            |count| *count > 0,
            |sql| {
                let documents = sql
                    .query(
                        "UPDATE forwards SET state = 'pending', attempts = 0, next_attempt_at = ?1,
                            claimed_until = NULL, finished_at = NULL
                         WHERE state = 'dead'
                         RETURNING document_id",
                        values![format_time(now)],
                    )?
                    .into_iter()
                    .map(|mut row| row.text(0))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut last = None;
                for document in &documents {
                    let mut entry = access.clone();
                    entry.document_id = Uuid::parse_str(document).ok();
                    super::append_chained(sql, &mut last, &entry, now)?;
                }
                Ok(documents.len())
            },
        )?;
        if count > 0 {
            self.wake_relay();
        }
        Ok(count)
    }
}

/// Up to `limit` forwards after `after`, in `state` if given, oldest first.
fn forwards_in(
    sql: &mut dyn Sql,
    state: Option<ForwardState>,
    after: i64,
    limit: u32,
) -> Result<Vec<Forward>, StoreError> {
    sql.query(
        &format!(
            "SELECT {FORWARD_COLUMNS} FROM forwards AS f JOIN documents AS d ON d.id = f.document_id
             WHERE f.seq > ?1 AND (CAST(?2 AS TEXT) IS NULL OR f.state = ?2)
             ORDER BY f.seq LIMIT ?3"
        ),
        values![after, state.map(ForwardState::as_str), limit],
    )?
    .into_iter()
    .map(forward_row)
    .collect()
}
