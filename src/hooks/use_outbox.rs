//! The outbox: how a page hands a document to the delivery queue and reads where it is. Pages keep only
//! what they handed over (its idempotency key, or the document itself when they need it again); the queue
//! is the one place that knows whether it is on its way, refused or delivered.

use yew::prelude::*;

use crate::state::delivery::OutboxHandle;

/// The app's outbox (an empty one that takes nothing outside the app, as in tests).
#[hook]
pub fn use_outbox() -> OutboxHandle {
    use_context::<OutboxHandle>().unwrap_or_default()
}
