//! Telling the host page what happens: DOM `CustomEvent`s on the element the app is mounted in
//! (`tyokyky:ready`, `tyokyky:submitted`, `tyokyky:error`, bubbling), and the same as `postMessage` to the
//! parent window when the app runs in an iframe, only to the origins the host allowed.

use std::rc::Rc;

use wasm_bindgen::JsValue;

/// Where the host listens.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Host {
    /// The element the app is mounted in (events are dispatched on it and bubble up).
    pub root: Option<web_sys::Element>,
    /// Origins of a parent window that may receive messages (none: no messages).
    pub parent_origins: Rc<[String]>,
}

impl Host {
    /// Dispatches `tyokyky:<name>` with `detail` (JSON) and posts `{type, detail}` to an allowed parent.
    pub fn emit(&self, name: &str, detail: &serde_json::Value) {
        let kind = format!("tyokyky:{name}");
        let detail_js = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
        if let Some(root) = &self.root {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_detail(&detail_js);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&kind, &init) {
                let _ = root.dispatch_event(&event);
            }
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        if js_sys::Object::is(&parent, &window) || self.parent_origins.is_empty() {
            return;
        }
        let message = serde_json::json!({ "type": kind, "detail": detail }).to_string();
        let message = js_sys::JSON::parse(&message).unwrap_or(JsValue::NULL);
        for origin in self.parent_origins.iter() {
            // A message to an origin the parent does not have is dropped by the browser, so each allowed
            // origin gets its own copy and only the real one arrives.
            let _ = parent.post_message(&message, origin);
        }
    }
}
