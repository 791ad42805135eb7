//! Kiosk mode's wipe: it empties every browser storage of the origin (local, session, IndexedDB, Cache
//! Storage) and loads the start screen *in place of* the current history entry, so the component state and
//! the DOM are gone with the old page, and going back shows nothing of the visit (the visit's screens never
//! add history entries: the self-assessment keeps its steps in state). When it happens:
//! [`crate::components::kiosk_guard`].

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Empties every browser storage of this origin and loads the start screen in place of this page.
pub fn wipe() {
    wasm_bindgen_futures::spawn_local(async {
        clear_storages().await;
        if let Some(window) = web_sys::window() {
            let location = window.location();
            // Without a fragment: a URL that differs only in its fragment would not load a new page.
            let start = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let _ = location.replace(&start);
        }
    });
}

/// Local and session storage, every IndexedDB database and every Cache Storage cache of the origin.
async fn clear_storages() {
    let Some(window) = web_sys::window() else {
        return;
    };
    for storage in [window.local_storage(), window.session_storage()]
        .into_iter()
        .filter_map(|storage| storage.ok().flatten())
    {
        let _ = storage.clear();
    }
    if let Ok(Some(factory)) = window.indexed_db() {
        // `indexedDB.databases()` is not in web-sys yet; call it by name.
        let databases = js_sys::Reflect::get(&factory, &JsValue::from_str("databases"))
            .ok()
            .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
            .and_then(|function| function.call0(&factory).ok())
            .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
        if let Some(promise) = databases
            && let Ok(list) = JsFuture::from(promise).await
        {
            for entry in js_sys::Array::from(&list).iter() {
                let name = js_sys::Reflect::get(&entry, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|name| name.as_string());
                if let Some(name) = name
                    && let Ok(request) = factory.delete_database(&name)
                {
                    finished(&request).await;
                }
            }
        }
    }
    if let Ok(caches) = window.caches()
        && let Ok(keys) = JsFuture::from(caches.keys()).await
    {
        for key in js_sys::Array::from(&keys).iter() {
            if let Some(key) = key.as_string() {
                let _ = JsFuture::from(caches.delete(&key)).await;
            }
        }
    }
}

/// Waits until an IndexedDB request succeeds, fails or is blocked.
async fn finished(request: &web_sys::IdbOpenDbRequest) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        for event in ["success", "error", "blocked"] {
            let resolve = resolve.clone();
            EventListener::once(request, event, move |_| {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .forget();
        }
    });
    let _ = JsFuture::from(promise).await;
}
