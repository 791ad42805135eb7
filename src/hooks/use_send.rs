//! Sending a document once per attempt: the page's reducer says which document is being sent and which
//! attempt this is; the request goes out when the attempt number changes, and its result comes back as
//! a callback (usually an action for the reducer).

use tyokyky_engine::document::{Document, Receipt};
use yew::prelude::*;

use crate::submit::{self, SendFailure};

/// Posts `sending`'s document to `endpoint` once for each new attempt number, and reports the result.
#[hook]
pub fn use_send(
    sending: Option<(Document, u32)>,
    endpoint: AttrValue,
    on_result: Callback<Result<Receipt, SendFailure>>,
) {
    let attempt = sending.as_ref().map(|(_, attempt)| *attempt);
    use_effect_with(attempt, move |_| {
        if let Some((document, _)) = sending {
            wasm_bindgen_futures::spawn_local(async move {
                on_result.emit(submit::send(&endpoint, &document).await);
            });
        }
    });
}
