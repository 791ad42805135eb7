//! Runs the delivery queue ([`crate::delivery`]): sends what is due, wakes up when a wait is over, keeps
//! undelivered documents in `localStorage` outside kiosk mode (so a reload, a crash or a closed tab does
//! not lose them), tells the host page about deliveries and rejections, and shows documents from an
//! earlier visit that are still on their way.

use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use tyokyky_engine::contact::reference_code;
use uuid::Uuid;
use yew::prelude::*;

use crate::delivery::{Delivery, Queue, QueueAction, from_storage, to_storage};
use crate::hooks::use_i18n::use_i18n;
use crate::host::Host;
use crate::submit::Transport;

/// The prefix of the storage keys of undelivered documents. Each page load keeps its own
/// (`tyokyky.outbox.v1.<id>`), so two open tabs never overwrite each other's documents; a page that starts
/// adopts every kept list it finds (a document adopted by two tabs is stored once anyway: same key).
pub const STORAGE_PREFIX: &str = "tyokyky.outbox.v1.";

/// Takes every kept list out of storage and returns their documents.
fn adopt_kept() -> Vec<crate::delivery::Parcel> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(STORAGE_PREFIX))
        .collect();
    let mut documents = Vec::new();
    for key in keys {
        if let Ok(Some(text)) = storage.get_item(&key) {
            documents.extend(from_storage(&text));
        }
        let _ = storage.remove_item(&key);
    }
    documents
}

/// The queue as pages see it: a snapshot and a way to change it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryHandle {
    /// The queue now.
    pub queue: Rc<Queue>,
    /// Changes it.
    pub dispatch: Callback<QueueAction>,
}

/// Props of [`DeliveryProvider`].
#[derive(Debug, Properties, PartialEq)]
pub struct DeliveryProviderProps {
    /// Where and how documents are posted.
    pub transport: Transport,
    /// Whether undelivered documents are kept in `localStorage` (never in kiosk mode).
    pub persist: bool,
    /// Who hears about deliveries.
    pub host: Host,
    /// The pages.
    pub children: Html,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

/// Provides the queue to the pages below it and runs it.
#[component]
pub fn DeliveryProvider(props: &DeliveryProviderProps) -> Html {
    let persist = props.persist;
    let storage_key = use_memo((), |_| format!("{STORAGE_PREFIX}{}", crate::platform::new_key()));
    let queue = use_reducer(move || {
        let kept = if persist { adopt_kept() } else { Vec::new() };
        Queue::default().apply(QueueAction::Restore(kept))
    });
    let dispatch = {
        let queue = queue.clone();
        Callback::from(move |action: QueueAction| queue.dispatch(action))
    };
    // Send whatever is due, one request per document at a time.
    {
        let transport = props.transport.clone();
        let dispatch = dispatch.clone();
        let snapshot = queue.clone();
        use_effect_with(queue.due(), move |due| {
            let queue = snapshot;
            for key in due {
                let Some(document) = queue.entry(*key).map(|entry| entry.document.json.clone()) else {
                    continue;
                };
                dispatch.emit(QueueAction::Started(*key));
                let transport = transport.clone();
                let dispatch = dispatch.clone();
                let key = *key;
                wasm_bindgen_futures::spawn_local(async move {
                    let result = transport.send(&document).await;
                    dispatch.emit(QueueAction::Answered {
                        key,
                        result,
                        now: js_sys::Date::now(),
                        random: js_sys::Math::random(),
                    });
                });
            }
        });
    }
    // Wake up when the next wait is over.
    {
        let dispatch = dispatch.clone();
        let wake = queue.next_wake().map(|until| until.to_bits());
        use_effect_with(wake, move |wake| {
            let timer = wake.map(|bits| {
                let wait = (f64::from_bits(bits) - js_sys::Date::now())
                    .ceil()
                    .clamp(0.0, f64::from(u32::MAX));
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "clamped above"
                )]
                let wait = wait as u32;
                Timeout::new(wait, move || {
                    dispatch.emit(QueueAction::Tick(js_sys::Date::now()))
                })
            });
            move || drop(timer)
        });
    }
    // Keep what is not delivered yet (outside kiosk mode); nothing is written when nothing waits.
    {
        let kept = to_storage(&queue);
        use_effect_with(kept, move |kept| {
            if persist && let Some(storage) = storage() {
                let _ = if kept == "[]" {
                    storage.remove_item(&storage_key)
                } else {
                    storage.set_item(&storage_key, kept)
                };
            }
        });
    }
    // Tell the host once about each delivery and each rejection.
    {
        let told = use_mut_ref(HashSet::<(Uuid, bool)>::new);
        let host = props.host.clone();
        use_effect_with(queue.clone(), move |queue| {
            for entry in &queue.entries {
                let key = entry.document.key;
                let kind = entry.document.kind.as_str();
                match &entry.delivery {
                    Delivery::Sent { receipt } if told.borrow_mut().insert((key, true)) => host.emit(
                        "submitted",
                        &serde_json::json!({
                            "kind": kind,
                            "reference": reference_code(&key),
                            "receipt": receipt,
                        }),
                    ),
                    Delivery::Rejected { failure } if told.borrow_mut().insert((key, false)) => {
                        let (status, message) = match failure {
                            crate::submit::SendFailure::Rejected { status, message } => {
                                (*status, message.clone())
                            }
                            _ => (0, String::new()),
                        };
                        host.emit(
                            "error",
                            &serde_json::json!({ "kind": kind, "status": status, "message": message }),
                        );
                    }
                    Delivery::Due | Delivery::Sending | Delivery::Waiting { .. } => {
                        told.borrow_mut().remove(&(key, false));
                    }
                    _ => {}
                }
            }
        });
    }
    let handle = DeliveryHandle {
        queue: Rc::new((*queue).clone()),
        dispatch,
    };
    html! {
        <ContextProvider<DeliveryHandle> context={handle}>
            <EarlierDocuments />
            { props.children.clone() }
        </ContextProvider<DeliveryHandle>>
    }
}

/// Documents kept from an earlier visit: being sent, or sent now with their reference.
#[component]
fn EarlierDocuments() -> Html {
    let i18n = use_i18n();
    let Some(handle) = use_context::<DeliveryHandle>() else {
        return html! {};
    };
    let earlier: Vec<_> = handle
        .queue
        .entries
        .iter()
        .filter(|entry| entry.earlier)
        .collect();
    if earlier.is_empty() {
        return html! {};
    }
    html! {
        <div class="tk-notice tk-earlier" id="earlier-documents" role="status">
            <ul class="tk-list">
                { for earlier.iter().map(|entry| {
                    let reference = reference_code(&entry.document.key);
                    let text = match &entry.delivery {
                        Delivery::Sent { .. } => i18n.t_with("delivery-earlier-sent", &[("reference", reference.into())]),
                        Delivery::Rejected { failure } => format!(
                            "{} {}",
                            i18n.t_with("delivery-earlier-rejected", &[("reference", reference.into())]),
                            crate::submit::failure_message(&i18n, failure)
                        ),
                        _ => i18n.t_with("delivery-earlier-pending", &[("reference", reference.into())]),
                    };
                    html! { <li>{ text }</li> }
                }) }
            </ul>
        </div>
    }
}

/// Props of [`DeliveryStatus`].
#[derive(Debug, Properties, PartialEq)]
pub struct DeliveryStatusProps {
    /// The document's idempotency key.
    pub key_of: Uuid,
    /// Whether undelivered documents are kept across reloads (not in kiosk mode).
    pub persist: bool,
}

/// Where one document is, for the page that sent it: sending, or waiting to retry (with "try now").
#[component]
pub fn DeliveryStatus(props: &DeliveryStatusProps) -> Html {
    let i18n = use_i18n();
    let Some(handle) = use_context::<DeliveryHandle>() else {
        return html! {};
    };
    match handle.queue.entry(props.key_of).map(|entry| &entry.delivery) {
        Some(Delivery::Waiting { failure, .. }) => {
            let key = props.key_of;
            let dispatch = handle.dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(QueueAction::TryNow(key)));
            html! {
                <div class="tk-notice tk-notice--warning" id="delivery-waiting">
                    <p><strong>{ crate::submit::failure_message(&i18n, failure) }</strong></p>
                    <p>{ i18n.t("delivery-waiting") }</p>
                    <p>{ i18n.t(if props.persist { "delivery-kept-browser" } else { "delivery-kept-screen" }) }</p>
                    <button type="button" class="tk-button tk-button--secondary" id="try-now" {onclick}>
                        { i18n.t("delivery-try-now") }
                    </button>
                </div>
            }
        }
        Some(Delivery::Due | Delivery::Sending) => {
            html! { <p class="tk-status__sending">{ i18n.t("sending") }</p> }
        }
        _ => html! {},
    }
}
