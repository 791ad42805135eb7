//! Where a document is on its way to the inbox, as a page's reducer keeps it: each send attempt has a
//! number, so [`crate::hooks::use_send`] makes one request per attempt, and a retry resends the same
//! document (same idempotency key), so the inbox stores it once even if an earlier attempt did arrive.

use tyokyky_engine::document::{Document, Receipt};

use crate::submit::SendFailure;

/// The sending state of one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Outbox {
    /// Nothing sent yet.
    #[default]
    Idle,
    /// `document` is being sent; `attempt` counts sends, so each one triggers one request.
    Sending { document: Document, attempt: u32 },
    /// Sending `document` failed; it is kept so the person can try again.
    Failed {
        document: Document,
        failure: SendFailure,
        attempt: u32,
    },
    /// The inbox stored it.
    Sent { receipt: Receipt },
}

impl Outbox {
    /// Whether a request is under way.
    pub fn is_sending(&self) -> bool {
        matches!(self, Outbox::Sending { .. })
    }

    /// The document and attempt being sent now, for [`crate::hooks::use_send::use_send`].
    pub fn sending(&self) -> Option<(Document, u32)> {
        match self {
            Outbox::Sending { document, attempt } => Some((document.clone(), *attempt)),
            _ => None,
        }
    }

    /// Starts sending: the failed document again if there is one and `same` says it still holds the
    /// same content, otherwise `fresh()`. Does nothing while a send is under way or after delivery.
    pub fn send(&self, same: impl Fn(&Document) -> bool, fresh: impl FnOnce() -> Document) -> Outbox {
        match self {
            Outbox::Sending { .. } | Outbox::Sent { .. } => self.clone(),
            Outbox::Failed {
                document, attempt, ..
            } if same(document) => Outbox::Sending {
                document: document.clone(),
                attempt: attempt + 1,
            },
            Outbox::Failed { attempt, .. } => Outbox::Sending {
                document: fresh(),
                attempt: attempt + 1,
            },
            Outbox::Idle => Outbox::Sending {
                document: fresh(),
                attempt: 1,
            },
        }
    }

    /// The state after the inbox answered this attempt.
    pub fn answered(&self, result: Result<Receipt, SendFailure>) -> Outbox {
        match (self, result) {
            (Outbox::Sending { .. }, Ok(receipt)) => Outbox::Sent { receipt },
            (Outbox::Sending { document, attempt }, Err(failure)) => Outbox::Failed {
                document: document.clone(),
                failure,
                attempt: *attempt,
            },
            (other, _) => other.clone(),
        }
    }
}
