//! Asks before the page is left while there is work a person would lose (the browser's own "leave this
//! page?" prompt, on closing the tab, reloading or following a link away).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// While `active`, leaving the page asks first.
#[hook]
pub fn use_leave_guard(active: bool) {
    use_effect_with(active, move |active| {
        let listener = (*active).then(web_sys::window).flatten().map(|window| {
            EventListener::new_with_options(
                &window,
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |event| {
                    event.prevent_default();
                    // Older browsers ask only when `returnValue` is set.
                    let _ = js_sys::Reflect::set(
                        event,
                        &JsValue::from_str("returnValue"),
                        &JsValue::from_str(""),
                    );
                },
            )
        });
        move || drop(listener)
    });
}
