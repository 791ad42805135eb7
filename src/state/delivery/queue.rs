//! The delivery queue: every document the app posts goes through it, and stays in it until the backend
//! acknowledges it (any 2xx). Network errors, 5xx, 408 and 429 are retried with exponential backoff and
//! jitter from a few seconds up to five minutes (at least the server's `Retry-After`, up to ten), and the
//! whole queue retries at most as far as [`ATTEMPTS_PER_MINUTE`] requests in any minute allow, however
//! many documents wait and however often the person asks (a document just made goes at once); any other 4xx is a rejection that is shown and not retried unless
//! the person asks. A document keeps its idempotency key across every attempt, so the backend stores it
//! once however many attempts reach it.
//!
//! The queue is pure state changed by [`QueueAction`]s; [`super::runner`] runs the requests and timers,
//! keeps the queue in `localStorage` outside kiosk mode, and tells the host page. Pages see a document's
//! place in it as a [`DeliveryView`].

use std::rc::Rc;

use tyokyky_engine::document::{Document, DocumentKind, Receipt};
use uuid::Uuid;
use yew::Reducible;

use crate::web::submit::{Delivered, SendFailure};

/// Delay before the first retry, in milliseconds, before jitter (which takes up to half of it away).
pub const FIRST_DELAY_MS: f64 = 4_000.0;
/// The longest delay between attempts that the queue chooses itself, in milliseconds.
pub const MAX_DELAY_MS: f64 = 300_000.0;
/// The most requests the queue starts in any 60 seconds, all documents together, beyond the first attempt
/// of a document made on this visit (which goes at once, and counts).
pub const ATTEMPTS_PER_MINUTE: usize = 6;
/// How long a request stays counted toward [`ATTEMPTS_PER_MINUTE`], in milliseconds: a minute and
/// [`LEAVING_MS`].
const WINDOW_MS: f64 = 60_000.0 + LEAVING_MS;
/// How much longer than a minute a request stays counted, in milliseconds: a request is counted when the
/// queue decides to send it and leaves once the page has rendered, which on a slow device takes a moment,
/// so that a backend never sees more than the bound in any minute of its own.
pub const LEAVING_MS: f64 = 1_000.0;
/// How early a wake-up may come and still count (timers are not exact to the millisecond).
pub const WAKE_TOLERANCE_MS: f64 = 20.0;
/// The longest `Retry-After` honoured, in milliseconds (a longer one is cut to this).
pub const MAX_RETRY_AFTER_MS: f64 = 600_000.0;

/// Where one document is.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    /// To be sent as soon as the runner sees it.
    Due,
    /// A request is out.
    Sending,
    /// The last attempt failed in a way that may pass; the next one is at `until` (ms since the epoch).
    Waiting { until: f64, failure: SendFailure },
    /// The backend refused it (a 4xx other than 408 and 429); not retried unless asked.
    Rejected { failure: SendFailure },
    /// The backend took it.
    Sent { delivered: Delivered },
}

/// Where one document is, as a page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum DeliveryView {
    /// On its way: a request is out or about to be.
    Sending,
    /// The last attempt failed in a way that may pass; the queue tries again by itself.
    Waiting { failure: SendFailure },
    /// The backend refused it; it is sent again only when the person asks.
    Rejected { failure: SendFailure },
    /// The backend stored it.
    Sent { receipt: Receipt },
    /// Sealed for the inbox and kept on this kiosk, still being tried.
    Sealed,
}

impl DeliveryView {
    /// Whether it is still being tried (sending, waiting to try again, or kept sealed).
    pub fn on_its_way(&self) -> bool {
        matches!(
            self,
            DeliveryView::Sending | DeliveryView::Waiting { .. } | DeliveryView::Sealed
        )
    }

    /// Whether the backend refused it, so that it is back in the person's hands.
    pub fn refused(&self) -> bool {
        matches!(self, DeliveryView::Rejected { .. })
    }
}

/// A document as the queue keeps it: its key, its kind and its JSON (or, on a kiosk that could not deliver
/// it, its sealed envelope), sent byte for byte on every attempt.
/// (The queue never parses a document back into its Rust type: kept documents are read with a plain JSON
/// parser, which keeps the typed decoders of every kind out of the browser bundle.)
#[derive(Debug, Clone, PartialEq)]
pub struct Parcel {
    /// The idempotency key.
    pub key: Uuid,
    /// The kind.
    pub kind: DocumentKind,
    /// The document as JSON, or the envelope it is sealed in.
    pub json: Rc<str>,
    /// Whether `json` is a sealed envelope (posted to `…/api/sealed`).
    pub sealed: bool,
}

impl From<&Document> for Parcel {
    fn from(document: &Document) -> Parcel {
        Parcel {
            key: document.idempotency_key,
            kind: document.body.kind(),
            json: Rc::from(document.to_json()),
            sealed: false,
        }
    }
}

impl Parcel {
    /// A citizen's document (a contact request, feedback, a work-ability check) ready to send, written
    /// without the client plan's serializer (the public bundle carries none); `None` for a plan.
    pub fn citizen(document: &Document) -> Option<Parcel> {
        Some(Parcel {
            key: document.idempotency_key,
            kind: document.body.kind(),
            json: Rc::from(document.citizen_json()?),
            sealed: false,
        })
    }
}

/// One document in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The document, sent as is on every attempt.
    pub document: Parcel,
    /// Attempts made so far.
    pub attempts: u32,
    /// Where it is.
    pub delivery: Delivery,
    /// Whether it was restored from storage at start (made before the page was loaded).
    pub earlier: bool,
}

impl Entry {
    /// Whether it was made on this visit and never tried: it goes at once, whatever the bound.
    fn fresh(&self) -> bool {
        !self.earlier && self.attempts == 0
    }

    /// Whether the backend has not acknowledged it yet and it is still being tried.
    pub fn pending(&self) -> bool {
        matches!(
            self.delivery,
            Delivery::Due | Delivery::Sending | Delivery::Waiting { .. }
        )
    }

    /// Where it is, as a page shows it.
    pub fn view(&self) -> DeliveryView {
        match &self.delivery {
            _ if self.document.sealed && self.pending() => DeliveryView::Sealed,
            Delivery::Due | Delivery::Sending => DeliveryView::Sending,
            Delivery::Waiting { failure, .. } => DeliveryView::Waiting {
                failure: failure.clone(),
            },
            Delivery::Rejected { failure } => DeliveryView::Rejected {
                failure: failure.clone(),
            },
            Delivery::Sent { delivered } => DeliveryView::Sent {
                receipt: delivered.receipt.clone(),
            },
        }
    }
}

/// What can happen to the queue.
#[derive(Debug, Clone, PartialEq)]
pub enum QueueAction {
    /// Send this document (again, if it was rejected; nothing changes if it is already on its way).
    Enqueue(Parcel),
    /// Documents kept from an earlier visit, to be sent now.
    Restore(Vec<Parcel>),
    /// The runner sent a request for this key, at this time (ms since the epoch).
    Started(Uuid, f64),
    /// The request for this key was answered. `now` is the time in ms, `random` a number in [0, 1).
    Answered {
        key: Uuid,
        result: Result<Delivered, SendFailure>,
        now: f64,
        random: f64,
    },
    /// Time has passed: documents whose wait is over become due.
    Tick(f64),
    /// The person asked to try this one now.
    TryNow(Uuid),
    /// The document with this key, not delivered yet, is sealed in this envelope from now on.
    Sealed(Uuid, Rc<str>),
}

/// The queue, in the order documents were added.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queue {
    /// The documents.
    pub entries: Vec<Entry>,
    /// When the requests of the last minute started (ms since the epoch), oldest first; older ones are
    /// forgotten at the next [`QueueAction::Tick`] or [`QueueAction::Started`].
    pub starts: Vec<f64>,
}

/// The wait before the next attempt after `attempts` failed ones: doubling from [`FIRST_DELAY_MS`] up to
/// [`MAX_DELAY_MS`], with "equal jitter" (half fixed, half random) so that many clients that failed
/// together do not retry together; never shorter than the server's `Retry-After`.
pub fn backoff_ms(attempts: u32, retry_after_seconds: Option<u32>, random: f64) -> f64 {
    let exponent = attempts.saturating_sub(1).min(16);
    let delay = (FIRST_DELAY_MS * f64::from(1u32 << exponent)).min(MAX_DELAY_MS);
    let jittered = delay / 2.0 + random.clamp(0.0, 1.0) * delay / 2.0;
    let floor = retry_after_seconds.map_or(0.0, |seconds| {
        (f64::from(seconds) * 1000.0).min(MAX_RETRY_AFTER_MS)
    });
    jittered.max(floor)
}

/// Whether a failure may pass if the same request is tried again later.
pub fn retryable(failure: &SendFailure) -> bool {
    !matches!(failure, SendFailure::Rejected { .. })
}

impl Queue {
    /// The entry for this idempotency key.
    pub fn entry(&self, key: Uuid) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.document.key == key)
    }

    /// Where the document with this idempotency key is (`None`: the queue never had it).
    pub fn status(&self, key: Uuid) -> Option<DeliveryView> {
        self.entry(key).map(Entry::view)
    }

    /// The documents kept from an earlier visit, with where each one is (not those kept sealed on a
    /// kiosk: the person there now did not make them).
    pub fn earlier(&self) -> Vec<(Uuid, DeliveryView)> {
        self.entries
            .iter()
            .filter(|entry| entry.earlier && !entry.document.sealed)
            .map(|entry| (entry.document.key, entry.view()))
            .collect()
    }

    fn entry_mut(&mut self, key: Uuid) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|entry| entry.document.key == key)
    }

    /// The documents still to be delivered, as kept across page loads.
    pub fn undelivered(&self) -> Vec<&Parcel> {
        self.entries
            .iter()
            .filter(|entry| entry.pending())
            .map(|entry| &entry.document)
            .collect()
    }

    /// The keys to send now: the due ones, as many as the minute's bound on requests leaves, those tried
    /// never tried first (a new document is not held back behind one that keeps failing).
    pub fn due(&self) -> Vec<Uuid> {
        // A document made on this visit goes at once (the person just sent it); then, within the minute's
        // bound, the documents of an earlier visit never tried here, then the retries: three passes in
        // the queue's order (a sort would weigh more). Every request counts toward the bound.
        let pass_of = |entry: &Entry| match (entry.fresh(), entry.attempts) {
            (true, _) => 0,
            (false, 0) => 1,
            _ => 2,
        };
        let mut room = ATTEMPTS_PER_MINUTE.saturating_sub(self.starts.len());
        let mut keys = Vec::new();
        for pass in 0..3 {
            for entry in &self.entries {
                if entry.delivery == Delivery::Due && pass_of(entry) == pass && (pass == 0 || room > 0) {
                    keys.push(entry.document.key);
                    room = room.saturating_sub(1);
                }
            }
        }
        keys
    }

    /// When the queue must look again (ms since the epoch): when the next waiting document becomes due,
    /// or, if due documents are held back by the bound on requests, when the oldest request of the
    /// minute leaves it.
    pub fn next_wake(&self) -> Option<f64> {
        let held = self.starts.len() >= ATTEMPTS_PER_MINUTE
            && self
                .entries
                .iter()
                .any(|entry| entry.delivery == Delivery::Due && !entry.fresh());
        // A little after the minute, as a timer may fire a moment early.
        let freed = self
            .starts
            .first()
            .filter(|_| held)
            .map(|oldest| oldest + WINDOW_MS + WAKE_TOLERANCE_MS);
        self.entries
            .iter()
            .filter_map(|entry| match entry.delivery {
                Delivery::Waiting { until, .. } => Some(until),
                _ => None,
            })
            .chain(freed)
            .reduce(f64::min)
    }

    /// Forgets the requests that started a minute (and [`LEAVING_MS`]) or more before `now`.
    fn forget_before(&mut self, now: f64) {
        self.starts.retain(|started| *started + WINDOW_MS > now);
    }

    /// The queue after `action`.
    pub fn apply(&self, action: QueueAction) -> Queue {
        let mut next = self.clone();
        match action {
            QueueAction::Enqueue(document) => match next.entry_mut(document.key) {
                Some(entry) if matches!(entry.delivery, Delivery::Rejected { .. }) => {
                    entry.document = document;
                    entry.delivery = Delivery::Due;
                }
                Some(_) => {}
                None => next.entries.push(Entry {
                    document,
                    attempts: 0,
                    delivery: Delivery::Due,
                    earlier: false,
                }),
            },
            QueueAction::Restore(documents) => {
                for document in documents {
                    if next.entry(document.key).is_none() {
                        next.entries.push(Entry {
                            document,
                            attempts: 0,
                            delivery: Delivery::Due,
                            earlier: true,
                        });
                    }
                }
            }
            QueueAction::Started(key, now) => {
                next.forget_before(now);
                if let Some(entry) = next.entry_mut(key)
                    && entry.delivery == Delivery::Due
                {
                    entry.attempts += 1;
                    entry.delivery = Delivery::Sending;
                    next.starts.push(now);
                }
            }
            QueueAction::Answered {
                key,
                result,
                now,
                random,
            } => {
                if let Some(entry) = next.entry_mut(key)
                    && entry.delivery == Delivery::Sending
                {
                    entry.delivery = match result {
                        Ok(delivered) => Delivery::Sent { delivered },
                        Err(failure) if retryable(&failure) => {
                            let retry_after = match failure {
                                SendFailure::Server { retry_after, .. } => retry_after,
                                _ => None,
                            };
                            Delivery::Waiting {
                                until: now + backoff_ms(entry.attempts, retry_after, random),
                                failure,
                            }
                        }
                        Err(failure) => Delivery::Rejected { failure },
                    };
                }
            }
            QueueAction::Tick(now) => {
                next.forget_before(now);
                // A timer may fire a moment before the millisecond it was set for; a wait that ends within
                // the next few milliseconds is over, or nothing would wake the queue again.
                for entry in &mut next.entries {
                    if matches!(entry.delivery, Delivery::Waiting { until, .. } if until <= now + WAKE_TOLERANCE_MS)
                    {
                        entry.delivery = Delivery::Due;
                    }
                }
            }
            QueueAction::Sealed(key, envelope) => {
                if let Some(entry) = next.entry_mut(key)
                    && entry.pending()
                {
                    entry.document.json = envelope;
                    entry.document.sealed = true;
                }
            }
            QueueAction::TryNow(key) => {
                if let Some(entry) = next.entry_mut(key)
                    && matches!(entry.delivery, Delivery::Waiting { .. })
                {
                    entry.delivery = Delivery::Due;
                }
            }
        }
        next
    }
}

impl Reducible for Queue {
    type Action = QueueAction;

    fn reduce(self: Rc<Self>, action: QueueAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

/// `parcels` as kept in storage: a line `<key> <kind> <json>` each (the document or its sealed envelope is
/// JSON on one line), nothing when none waits. Reading it back needs no JSON reader in the browser.
fn lines<'p>(parcels: impl Iterator<Item = &'p Parcel>) -> String {
    let lines: Vec<String> = parcels
        .map(|parcel| format!("{} {} {}", parcel.key, parcel.kind.as_str(), parcel.json))
        .collect();
    lines.join("\n")
}

/// Parcels read back from [`lines`], byte for byte; a line that is not one is left out.
fn parcels(text: &str, sealed: bool) -> Vec<Parcel> {
    text.lines()
        .filter_map(|line| {
            let (key, rest) = line.split_once(' ')?;
            let (kind, json) = rest.split_once(' ')?;
            Some(Parcel {
                key: Uuid::parse_str(key).ok()?,
                kind: DocumentKind::from_name(kind)?,
                json: Rc::from(json),
                sealed,
            })
        })
        .collect()
}

/// The undelivered documents as kept in storage ([`lines`]).
pub fn to_storage(queue: &Queue) -> String {
    lines(queue.undelivered().into_iter())
}

/// Documents read back from storage, byte for byte (a line that is not a document is left out).
pub fn from_storage(text: &str) -> Vec<Parcel> {
    parcels(text, false)
}

/// The undelivered sealed documents as a kiosk keeps them ([`lines`] of their envelopes).
pub fn sealed_to_storage(queue: &Queue) -> String {
    lines(queue.undelivered().into_iter().filter(|parcel| parcel.sealed))
}

/// Sealed documents read back from a kiosk's storage (a line that is not one is left out).
pub fn sealed_from_storage(text: &str) -> Vec<Parcel> {
    parcels(text, true)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use tyokyky_engine::contact::{Channel, Feedback, FeedbackScore};
    use tyokyky_engine::document::{DocumentBody, FreeText, Language};

    use super::*;

    fn document(key: u128) -> Parcel {
        Parcel::from(&Document::new(
            Uuid::from_u128(key),
            DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::Feedback(Feedback {
                score: FeedbackScore::try_from(7).ok(),
                comment: FreeText::default(),
                channel: Channel::SelfService,
            }),
        ))
    }

    fn receipt(key: u128) -> Receipt {
        Receipt {
            document_id: Uuid::from_u128(key + 100),
            idempotency_key: Uuid::from_u128(key),
            received_at: DateTime::UNIX_EPOCH,
        }
    }

    fn answered(queue: &Queue, key: u128, result: Result<Receipt, SendFailure>, now: f64) -> Queue {
        queue.apply(QueueAction::Answered {
            key: Uuid::from_u128(key),
            result: result.map(Delivered::from),
            now,
            random: 0.5,
        })
    }

    fn sent(key: u128) -> Delivery {
        Delivery::Sent {
            delivered: receipt(key).into(),
        }
    }

    #[test]
    fn the_wait_doubles_with_jitter_from_a_few_seconds_to_five_minutes_and_honours_retry_after() {
        assert_eq!(backoff_ms(1, None, 0.0), 2_000.0);
        assert_eq!(backoff_ms(1, None, 1.0), 4_000.0);
        assert_eq!(backoff_ms(2, None, 1.0), 8_000.0);
        assert_eq!(backoff_ms(4, None, 0.5), 24_000.0);
        assert_eq!(backoff_ms(7, None, 0.0), 128_000.0);
        assert_eq!(backoff_ms(8, None, 0.0), 150_000.0, "half of the cap");
        assert_eq!(backoff_ms(30, None, 1.0), MAX_DELAY_MS);
        assert_eq!(backoff_ms(1, Some(30), 0.0), 30_000.0, "Retry-After is a floor");
        assert_eq!(backoff_ms(1, Some(86_400), 0.0), MAX_RETRY_AFTER_MS);
        for attempts in 1..20 {
            assert!(backoff_ms(attempts + 1, None, 0.0) >= backoff_ms(attempts, None, 0.0));
        }
    }

    #[test]
    fn a_document_is_retried_until_delivered_with_the_same_key() {
        let queue = Queue::default().apply(QueueAction::Enqueue(document(1)));
        assert_eq!(queue.due(), [Uuid::from_u128(1)]);
        let queue = queue.apply(QueueAction::Started(Uuid::from_u128(1), 9_900.0));
        assert!(queue.due().is_empty(), "one request at a time");
        let queue = answered(&queue, 1, Err(SendFailure::Network), 10_000.0);
        assert_eq!(queue.next_wake(), Some(13_000.0));
        assert!(
            queue.apply(QueueAction::Tick(12_900.0)).due().is_empty(),
            "not yet"
        );
        let queue = queue.apply(QueueAction::Tick(13_000.0));
        let queue = queue.apply(QueueAction::Started(Uuid::from_u128(1), 13_000.0));
        let queue = answered(
            &queue,
            1,
            Err(SendFailure::Server {
                status: 503,
                retry_after: Some(30),
            }),
            20_000.0,
        );
        assert_eq!(
            queue.next_wake(),
            Some(50_000.0),
            "Retry-After: 30 beats the 6 s backoff"
        );
        let queue = queue.apply(QueueAction::TryNow(Uuid::from_u128(1)));
        let queue = queue.apply(QueueAction::Started(Uuid::from_u128(1), 21_000.0));
        let queue = answered(&queue, 1, Ok(receipt(1)), 21_000.0);
        let entry = queue.entry(Uuid::from_u128(1)).unwrap_or_else(|| panic!("gone"));
        assert_eq!(entry.attempts, 3);
        assert_eq!(entry.delivery, sent(1));
        assert!(queue.undelivered().is_empty());
    }

    /// However many documents wait and however often the person asks, the queue retries at most as far
    /// as six requests in any minute allow; the documents of an earlier visit wait their turn, untried
    /// ones before those that keep failing, while a document just made goes at once.
    #[test]
    fn the_queue_retries_within_six_requests_a_minute() {
        let queue = Queue::default().apply(QueueAction::Restore((1..=8).map(document).collect()));
        let first = queue.due();
        assert_eq!(
            first.len(),
            ATTEMPTS_PER_MINUTE,
            "of the earlier visit's eight, six"
        );
        let mut queue = queue;
        for (at, key) in first.iter().enumerate() {
            let started = 1_000.0 + 10_000.0 * f64::from(u8::try_from(at).unwrap_or(0));
            queue = queue.apply(QueueAction::Started(*key, started));
            queue = queue.apply(QueueAction::Answered {
                key: *key,
                result: Err(SendFailure::Network),
                now: started + 100.0,
                random: 0.0,
            });
        }
        assert!(queue.due().is_empty(), "two due, none allowed");
        let queue = queue.apply(QueueAction::Tick(55_000.0));
        assert!(
            queue.due().is_empty(),
            "the retries are due as well, still none allowed"
        );
        let queue = queue.apply(QueueAction::TryNow(Uuid::from_u128(1)));
        assert!(queue.due().is_empty(), "asking does not pass the bound");
        let made = queue.apply(QueueAction::Enqueue(document(9)));
        assert_eq!(
            made.due(),
            [Uuid::from_u128(9)],
            "a document just made goes at once"
        );
        assert_eq!(
            queue.next_wake(),
            Some(61_000.0 + LEAVING_MS + WAKE_TOLERANCE_MS),
            "a moment after the first request has left the minute, and has surely left the page"
        );
        assert!(
            queue.apply(QueueAction::Tick(61_000.0)).due().is_empty(),
            "not as soon as a minute has passed since it was counted"
        );
        let queue = queue.apply(QueueAction::Tick(61_000.0 + LEAVING_MS));
        assert_eq!(
            queue.due(),
            [Uuid::from_u128(7)],
            "one free, the untried ones first"
        );
        let queue = queue.apply(QueueAction::Tick(71_000.0 + LEAVING_MS));
        assert_eq!(queue.due(), [Uuid::from_u128(7), Uuid::from_u128(8)]);
    }

    #[test]
    fn a_rejection_is_not_retried_until_the_person_asks() {
        let rejected = SendFailure::Rejected {
            status: 400,
            message: "bad".into(),
            refusal: crate::web::submit::Refusal::default(),
        };
        let queue = Queue::default()
            .apply(QueueAction::Enqueue(document(2)))
            .apply(QueueAction::Started(Uuid::from_u128(2), 0.0));
        let queue = answered(&queue, 2, Err(rejected.clone()), 0.0);
        assert_eq!(queue.next_wake(), None);
        assert!(queue.apply(QueueAction::Tick(1e12)).due().is_empty());
        assert!(
            queue.undelivered().is_empty(),
            "a rejected document is not kept for later"
        );
        let again = queue.apply(QueueAction::Enqueue(document(2)));
        assert_eq!(again.due(), [Uuid::from_u128(2)]);
    }

    #[test]
    fn enqueueing_twice_sends_once_and_stale_answers_change_nothing() {
        let queue = Queue::default()
            .apply(QueueAction::Enqueue(document(3)))
            .apply(QueueAction::Started(Uuid::from_u128(3), 0.0))
            .apply(QueueAction::Enqueue(document(3)));
        assert!(queue.due().is_empty());
        assert_eq!(queue.entries.len(), 1);
        let delivered = answered(&queue, 3, Ok(receipt(3)), 0.0);
        assert_eq!(answered(&delivered, 3, Err(SendFailure::Network), 0.0), delivered);
    }

    #[test]
    fn undelivered_documents_survive_storage_and_come_back_due() {
        let queue = Queue::default()
            .apply(QueueAction::Enqueue(document(4)))
            .apply(QueueAction::Enqueue(document(5)))
            .apply(QueueAction::Started(Uuid::from_u128(5), 0.0));
        let queue = answered(&queue, 5, Ok(receipt(5)), 0.0);
        let kept = from_storage(&to_storage(&queue));
        assert_eq!(kept, [document(4)], "only what is not delivered");
        let restored = Queue::default().apply(QueueAction::Restore(kept));
        assert_eq!(restored.due(), [Uuid::from_u128(4)]);
        assert!(restored.entries[0].earlier);
        assert_eq!(from_storage("not a document"), []);
        assert_eq!(from_storage("not-a-key feedback {}"), []);
        let unknown_kind = format!("{} letter {{}}", Uuid::from_u128(6));
        assert_eq!(from_storage(&unknown_kind), [], "a kind this app does not know");
    }

    /// A page sees one of four places: on its way (due, sending or waiting), refused or delivered; a key
    /// the queue never had has none.
    #[test]
    fn a_page_sees_where_its_document_is() {
        let rejected = SendFailure::Rejected {
            status: 409,
            message: "conflict".into(),
            refusal: crate::web::submit::Refusal::default(),
        };
        let key = Uuid::from_u128(6);
        let queue = Queue::default().apply(QueueAction::Enqueue(document(6)));
        assert_eq!(queue.status(key), Some(DeliveryView::Sending), "due");
        assert_eq!(queue.status(Uuid::from_u128(7)), None);
        let queue = queue.apply(QueueAction::Started(key, 0.0));
        assert_eq!(queue.status(key), Some(DeliveryView::Sending));
        let waiting = answered(&queue, 6, Err(SendFailure::Network), 0.0);
        let view = waiting.status(key).unwrap_or_else(|| panic!("gone"));
        assert_eq!(
            view,
            DeliveryView::Waiting {
                failure: SendFailure::Network
            }
        );
        assert!(view.on_its_way() && !view.refused());
        let refused = answered(&queue, 6, Err(rejected.clone()), 0.0);
        let view = refused.status(key).unwrap_or_else(|| panic!("gone"));
        assert_eq!(view, DeliveryView::Rejected { failure: rejected });
        assert!(!view.on_its_way() && view.refused());
        let sent = answered(&queue, 6, Ok(receipt(6)), 0.0);
        assert_eq!(sent.status(key), Some(DeliveryView::Sent { receipt: receipt(6) }));
        assert!(sent.earlier().is_empty(), "made on this visit");
    }

    /// Sending a refused document again resends the very same document: same key, same bytes.
    #[test]
    fn a_refused_document_sent_again_keeps_its_key_and_its_bytes() {
        let rejected = SendFailure::Rejected {
            status: 400,
            message: "bad".into(),
            refusal: crate::web::submit::Refusal::default(),
        };
        let queue = Queue::default()
            .apply(QueueAction::Enqueue(document(8)))
            .apply(QueueAction::Started(Uuid::from_u128(8), 0.0));
        let queue = answered(&queue, 8, Err(rejected), 0.0);
        let again = queue
            .apply(QueueAction::Enqueue(document(8)))
            .apply(QueueAction::Started(Uuid::from_u128(8), 0.0));
        let entry = again.entry(Uuid::from_u128(8)).unwrap_or_else(|| panic!("gone"));
        assert_eq!(entry.document, document(8));
        assert_eq!(entry.attempts, 2);
        assert_eq!(again.status(Uuid::from_u128(8)), Some(DeliveryView::Sending));
    }

    #[test]
    fn documents_of_an_earlier_visit_are_listed_with_where_they_are() {
        let queue = Queue::default()
            .apply(QueueAction::Restore(vec![document(9)]))
            .apply(QueueAction::Enqueue(document(10)))
            .apply(QueueAction::Started(Uuid::from_u128(9), 0.0));
        let queue = answered(&queue, 9, Ok(receipt(9)), 0.0);
        assert_eq!(
            queue.earlier(),
            [(Uuid::from_u128(9), DeliveryView::Sent { receipt: receipt(9) })]
        );
    }
}
