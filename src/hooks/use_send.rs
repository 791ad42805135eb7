//! Sending a document through the app's delivery queue: the page's reducer says which document is being
//! sent and which attempt this is; the document is queued when the attempt number changes, and the page
//! hears back only when the backend stored it or refused it. Network errors and overloads are the
//! queue's business: it retries, and the page shows [`crate::components::delivery::DeliveryStatus`].

use tyokyky_engine::document::{Document, Receipt};
use yew::prelude::*;

use crate::components::delivery::DeliveryHandle;
use crate::delivery::{Delivery, QueueAction};
use crate::submit::SendFailure;

/// Queues `sending`'s document once for each new attempt number, and reports delivery or refusal.
#[hook]
pub fn use_send(sending: Option<(Document, u32)>, on_result: Callback<Result<Receipt, SendFailure>>) {
    let delivery = use_context::<DeliveryHandle>();
    {
        let attempt = sending
            .as_ref()
            .map(|(document, attempt)| (document.idempotency_key, *attempt));
        let document = sending.as_ref().map(|(document, _)| document.clone());
        let dispatch = delivery.as_ref().map(|handle| handle.dispatch.clone());
        use_effect_with(attempt, move |_| {
            if let (Some(document), Some(dispatch)) = (document, dispatch) {
                dispatch.emit(QueueAction::Enqueue((&document).into()));
            }
        });
    }
    let outcome = sending
        .as_ref()
        .and_then(|(document, _)| delivery.as_ref()?.queue.entry(document.idempotency_key))
        .and_then(|entry| match &entry.delivery {
            Delivery::Sent { receipt } => Some(Ok(receipt.clone())),
            Delivery::Rejected { failure } => Some(Err(failure.clone())),
            _ => None,
        });
    use_effect_with(outcome, move |outcome| {
        if let Some(result) = outcome {
            on_result.emit(result.clone());
        }
    });
}
