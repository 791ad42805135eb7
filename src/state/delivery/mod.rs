//! Delivery: every document the app posts goes through one queue ([`queue`], pure state with its reducer),
//! which [`runner`] runs: it sends, retries, keeps undelivered documents across page loads (outside kiosk
//! mode) and tells the host page. Pages hand documents over and read where they are through one handle,
//! [`OutboxHandle`] (from [`crate::hooks::use_outbox::use_outbox`]); they keep only what they handed over.

pub mod queue;
pub mod runner;

use std::rc::Rc;

use tyokyky_engine::document::{Document, Receipt};
use uuid::Uuid;
use yew::Callback;

pub use queue::DeliveryView;
use queue::{Parcel, Queue, QueueAction};

/// A sealing under way: the envelope, or `None` without a key.
pub type Sealed = std::pin::Pin<Box<dyn std::future::Future<Output = Option<String>>>>;

/// How a kiosk keeps a document it cannot deliver: sealed for the inbox ([`crate::web::seal`]). Only
/// the public bundle's entry point names it, so the worker bundle, which has no kiosk, leaves it out.
#[derive(Clone, Copy)]
pub struct Sealing {
    /// Fetches the inbox's public key and keeps it.
    pub fetch_key: fn(&crate::web::submit::Transport),
    /// A document's JSON sealed with the kept key: the envelope to post (`None` without a key).
    pub seal: fn(Rc<str>) -> Sealed,
}

one_per_bundle!(Sealing);

/// The document to hand over: the one handed over before if its content is the same (so that sending it
/// again keeps its idempotency key, and the backend stores it once), otherwise `fresh`.
pub fn same_or_fresh(handed: Option<&Document>, fresh: Document) -> Document {
    match handed {
        Some(document) if document.body == fresh.body => document.clone(),
        _ => fresh,
    }
}

/// [`same_or_fresh`] for a citizen's document (a contact request or feedback), kept behind `Rc`: only the
/// citizen's kinds are compared, so the public bundle carries no comparison of a client plan.
pub fn same_or_fresh_citizen(handed: Option<&Rc<Document>>, fresh: Document) -> Rc<Document> {
    use tyokyky_engine::document::DocumentBody;
    let same = handed.is_some_and(|handed| match (&handed.body, &fresh.body) {
        (DocumentBody::ContactRequest(before), DocumentBody::ContactRequest(now)) => before == now,
        (DocumentBody::Feedback(before), DocumentBody::Feedback(now)) => before == now,
        _ => false,
    });
    match handed {
        Some(handed) if same => Rc::clone(handed),
        _ => Rc::new(fresh),
    }
}

/// The outbox as pages see it: a snapshot of the queue and a way to hand it documents. Outside the
/// runner (a page rendered on its own, as in a test) it is empty and takes nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxHandle {
    queue: Rc<Queue>,
    dispatch: Callback<QueueAction>,
    persist: bool,
}

impl Default for OutboxHandle {
    fn default() -> OutboxHandle {
        OutboxHandle {
            queue: Rc::default(),
            dispatch: Callback::noop(),
            persist: false,
        }
    }
}

impl OutboxHandle {
    /// The handle on `queue`, whose changes go to `dispatch`; `persist` says whether undelivered
    /// documents are kept across page loads.
    pub fn new(queue: Rc<Queue>, dispatch: Callback<QueueAction>, persist: bool) -> OutboxHandle {
        OutboxHandle {
            queue,
            dispatch,
            persist,
        }
    }

    /// Sends `document`; sent again unchanged (same idempotency key) if it was refused, and nothing
    /// happens if it is already on its way or delivered.
    pub fn send(&self, document: &Document) {
        self.dispatch.emit(QueueAction::Enqueue(document.into()));
    }

    /// As [`OutboxHandle::send`], for a citizen's document: written without the client plan's
    /// serializer, so that the public bundle does not carry it. A plan is not a citizen's document and
    /// is not sent here (the worker flow sends plans with [`OutboxHandle::send`]).
    pub fn send_citizen(&self, document: &Document) {
        if let Some(parcel) = Parcel::citizen(document) {
            self.dispatch.emit(QueueAction::Enqueue(parcel));
        }
    }

    /// Where the document with this idempotency key is (`None`: never handed over).
    pub fn status(&self, key: Uuid) -> Option<DeliveryView> {
        self.queue.status(key)
    }

    /// Whether the document with this key is still being tried.
    pub fn on_its_way(&self, key: Uuid) -> bool {
        self.status(key).is_some_and(|view| view.on_its_way())
    }

    /// The backend's receipt for the document with this key, once it is delivered.
    pub fn delivered(&self, key: Uuid) -> Option<Receipt> {
        match self.status(key) {
            Some(DeliveryView::Sent { receipt }) => Some(receipt),
            _ => None,
        }
    }

    /// Tries a waiting document now instead of at the end of its wait.
    pub fn try_now(&self, key: Uuid) {
        self.dispatch.emit(QueueAction::TryNow(key));
    }

    /// The documents kept from an earlier visit, with where each one is.
    pub fn earlier(&self) -> Vec<(Uuid, DeliveryView)> {
        self.queue.earlier()
    }

    /// Whether undelivered documents are kept across page loads (not in kiosk mode, where they are kept
    /// only sealed).
    pub fn persists(&self) -> bool {
        self.persist
    }
}
