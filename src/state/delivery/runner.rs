//! Runs the delivery queue ([`super::queue`]): sends what is due, wakes up when a wait is over, keeps
//! undelivered documents in `localStorage` outside kiosk mode (so a reload, a crash or a closed tab does
//! not lose them), on a kiosk seals a document it could not deliver and keeps it sealed
//! ([`crate::web::seal`]; it survives the wipe, and nobody there can read it), and tells the host page
//! about deliveries, sealing and rejections. It renders nothing of its own:
//! it provides the [`OutboxHandle`] to the pages below it.

use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use tyokyky_engine::contact::reference_code;
use tyokyky_engine::document::{DocumentKind, SCHEMA_VERSION};
use uuid::Uuid;
use yew::prelude::*;

use super::queue::{
    Delivery, Parcel, Queue, QueueAction, from_storage, sealed_from_storage, sealed_to_storage, to_storage,
};
use super::{OutboxHandle, Sealing};
use crate::web::host::Host;
use crate::web::seal::SEALED_ITEM;
use crate::web::submit::{SendFailure, Transport};
use crate::web::{platform, storage};

/// The prefix of the storage keys of undelivered documents. Each page load keeps its own
/// (`tyokyky.outbox.v2.<id>`, a line per document: [`super::queue::to_storage`]), so two open tabs never
/// overwrite each other's documents; a page that starts adopts every kept list it finds (a document adopted
/// by two tabs is stored once anyway: same key).
pub const STORAGE_PREFIX: &str = "tyokyky.outbox.v2.";

/// The prefix under which an earlier version of the app kept undelivered documents, as a JSON array each;
/// a page adopts them too, so an update loses nothing.
pub const EARLIER_STORAGE_PREFIX: &str = "tyokyky.outbox.v1.";

/// Takes every kept list out of storage and returns their documents.
fn adopt_kept() -> Vec<Parcel> {
    let mut kept: Vec<Parcel> = storage::take_all(STORAGE_PREFIX)
        .iter()
        .flat_map(|text| from_storage(text))
        .collect();
    kept.extend(
        storage::take_all(EARLIER_STORAGE_PREFIX)
            .iter()
            .flat_map(|text| earlier_parcels(text)),
    );
    kept
}

/// The documents of a list an earlier version kept (a JSON array of documents), read with the browser's
/// JSON parser: each document of this schema version with its key and a known kind, as its JSON. A list or
/// an entry that cannot be read is left out.
pub fn earlier_parcels(text: &str) -> Vec<Parcel> {
    use wasm_bindgen::{JsCast, JsValue};
    let Ok(items) = js_sys::JSON::parse(text).and_then(|value| value.dyn_into::<js_sys::Array>()) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let field = |name: &str| js_sys::Reflect::get(&item, &JsValue::from_str(name)).ok();
            if field("schema_version")?.as_f64()? != f64::from(SCHEMA_VERSION) {
                return None;
            }
            let key = Uuid::parse_str(&field("idempotency_key")?.as_string()?).ok()?;
            let kind = DocumentKind::from_name(&field("kind")?.as_string()?)?;
            let json = js_sys::JSON::stringify(&item).ok()?.as_string()?;
            Some(Parcel {
                key,
                kind,
                json: Rc::from(json),
                sealed: false,
            })
        })
        .collect()
}

/// Props of [`DeliveryProvider`].
#[derive(Debug, Properties, PartialEq)]
pub struct DeliveryProviderProps {
    /// Where and how documents are posted.
    pub transport: Transport,
    /// Whether undelivered documents are kept in `localStorage` (never in kiosk mode).
    pub persist: bool,
    /// On a kiosk of the public bundle: how a document that cannot be delivered is sealed and kept.
    #[prop_or_default]
    pub sealing: Option<Sealing>,
    /// Who hears about deliveries.
    pub host: Host,
    /// The pages.
    pub children: Html,
}

/// Provides the outbox to the pages below it and runs the queue.
#[component]
pub fn DeliveryProvider(props: &DeliveryProviderProps) -> Html {
    let persist = props.persist;
    let sealing = props.sealing;
    let storage_key = use_memo((), |_| format!("{STORAGE_PREFIX}{}", platform::new_key()));
    let queue = use_reducer(move || {
        let kept = match sealing {
            _ if persist => adopt_kept(),
            Some(_) => sealed_from_storage(&storage::get(SEALED_ITEM).unwrap_or_default()),
            None => Vec::new(),
        };
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
                let Some(document) = queue.entry(*key).map(|entry| entry.document.clone()) else {
                    continue;
                };
                dispatch.emit(QueueAction::Started(*key, js_sys::Date::now()));
                let transport = transport.clone();
                let dispatch = dispatch.clone();
                let key = *key;
                wasm_bindgen_futures::spawn_local(async move {
                    let result = transport
                        .send(document.kind, document.key, &document.json, document.sealed)
                        .await;
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
    // Keep what is not delivered yet: outside kiosk mode as it is, on a kiosk only what is sealed;
    // nothing is written when nothing waits.
    {
        let (kept, key) = if persist {
            (to_storage(&queue), (*storage_key).clone())
        } else {
            (sealed_to_storage(&queue), SEALED_ITEM.to_owned())
        };
        let keeps = persist || sealing.is_some();
        use_effect_with(kept, move |kept| {
            if keeps {
                if kept.is_empty() {
                    storage::remove(&key);
                } else {
                    storage::set(&key, kept);
                }
            }
        });
    }
    // Tell the host once about each delivery, each rejection and each document sealed on this visit; on a
    // kiosk, fetch the inbox's key at the start and seal a document once it could not be delivered (once;
    // without a key it stays in memory only).
    {
        // (key, what was done: 0 refusal told, 1 delivery told, 2 sealing told, 3 sealing tried; the nil
        // key with 3: the inbox's key fetched)
        let told = use_mut_ref(HashSet::<(Uuid, u8)>::new);
        let host = props.host.clone();
        let transport = props.transport.clone();
        let dispatch = dispatch.clone();
        use_effect_with(queue.clone(), move |queue| {
            if let Some(sealing) = sealing
                && told.borrow_mut().insert((Uuid::nil(), 3))
            {
                (sealing.fetch_key)(&transport);
            }
            for entry in &queue.entries {
                let key = entry.document.key;
                let kind = entry.document.kind.as_str();
                let reference = reference_code(&key);
                let sealed = entry.document.sealed;
                match &entry.delivery {
                    Delivery::Sent { delivered } if told.borrow_mut().insert((key, 1)) => host.emit(
                        "submitted",
                        &serde_json::json!({
                            "kind": kind,
                            "reference": reference,
                            "receipt": delivered.receipt,
                            "location": delivered.location,
                            "sealed": sealed,
                        }),
                    ),
                    Delivery::Rejected { failure } if told.borrow_mut().insert((key, 0)) => {
                        let (status, message) = match failure {
                            SendFailure::Rejected { status, message, .. } => (*status, message.clone()),
                            _ => (0, String::new()),
                        };
                        host.emit(
                            "error",
                            &serde_json::json!({
                                "kind": kind, "status": status, "message": message,
                                "reference": reference, "sealed": sealed,
                            }),
                        );
                    }
                    Delivery::Due | Delivery::Sending | Delivery::Waiting { .. } => {
                        told.borrow_mut().remove(&(key, 0));
                        if let Some(sealing) = sealing
                            && matches!(entry.delivery, Delivery::Waiting { .. })
                            && !sealed
                            && told.borrow_mut().insert((key, 3))
                        {
                            let sealed = (sealing.seal)(entry.document.json.clone());
                            let dispatch = dispatch.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                if let Some(envelope) = sealed.await {
                                    dispatch.emit(QueueAction::Sealed(key, envelope.into()));
                                }
                            });
                        }
                        if sealed && !entry.earlier && told.borrow_mut().insert((key, 2)) {
                            host.emit(
                                "sealed",
                                &serde_json::json!({ "kind": kind, "reference": reference }),
                            );
                        }
                    }
                    _ => {}
                }
            }
        });
    }
    let handle = OutboxHandle::new(std::rc::Rc::new((*queue).clone()), dispatch, persist);
    html! {
        <ContextProvider<OutboxHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<OutboxHandle>>
    }
}
