//! Kiosk mode's wipe. It empties what the app keeps in the browser's storage: the items, IndexedDB
//! databases and Cache Storage caches named `tyokyky…` (a kiosk writes nothing readable of a person, so
//! this is a second line of defence), or, on a dedicated kiosk page that asks for it
//! (`data-wipe-origin`), every storage of the origin. It keeps exactly three things on purpose, none of
//! them readable of a person ([`KEPT`]): the documents the kiosk could not deliver, sealed so that only
//! the inbox can open them, and the inbox's public key they are sealed for ([`crate::web::seal`]), and
//! the cache of the app's own files (`tyokyky-app-files`, written by the service worker `sw.js` that
//! `embed.js` registers on a kiosk that owns its page, and never holding an `/api/` answer), so that a
//! wipe while the connection is down shows the start screen instead of the browser's error page. On its
//! own page it then loads the start screen *in place of* the current history entry, so the component
//! state and the DOM are gone with the old page, and going back shows nothing of the visit (the
//! visit's screens never add history entries: the self-assessment keeps its steps in state). Inside a host
//! page it only starts the component afresh: the host's storage, page and history are not its to touch.
//! When it happens: [`crate::components::kiosk_guard`].

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a wipe ends the visit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wipe {
    /// Empty every storage of the origin, not only the app's own (a dedicated kiosk page).
    pub whole_origin: bool,
    /// The app owns the page: load the start screen in its place.
    pub owns_page: bool,
    /// Otherwise: start the component afresh.
    pub restart: yew::Callback<()>,
}

std::thread_local! {
    /// How the mounted kiosk ends a visit, for the screens that end one without the guard (the "finish"
    /// of the last screen); set by the guard. A page has one kiosk.
    static CURRENT: std::cell::RefCell<Wipe> = std::cell::RefCell::default();
}

/// Records how the mounted kiosk ends a visit (see [`wipe_current`]).
pub fn set_current(how: &Wipe) {
    CURRENT.with(|current| *current.borrow_mut() = how.clone());
}

/// Ends the visit as the mounted kiosk does.
pub fn wipe_current() {
    wipe(&CURRENT.with(|current| current.borrow().clone()));
}

/// Whether a storage item, database or cache is the app's own.
fn own(name: &str) -> bool {
    name.starts_with("tyokyky")
}

/// What the wipe keeps (see the module): the sealed documents, the inbox's public key, the app's files.
pub const KEPT: [&str; 3] = [
    crate::web::seal::SEALED_ITEM,
    crate::web::seal::KEY_ITEM,
    "tyokyky-app-files",
];

/// Empties the storages (see the module) and ends the visit as `how` says.
pub fn wipe(how: &Wipe) {
    let how = how.clone();
    wasm_bindgen_futures::spawn_local(async move {
        clear_storages(how.whole_origin).await;
        if !how.owns_page {
            how.restart.emit(());
            return;
        }
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

/// Local and session storage, IndexedDB databases and Cache Storage caches: the app's own, or all of the
/// origin's.
async fn clear_storages(whole_origin: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ours = |name: &str| !KEPT.contains(&name) && (whole_origin || own(name));
    for storage in [window.local_storage(), window.session_storage()]
        .into_iter()
        .filter_map(|storage| storage.ok().flatten())
    {
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| ours(key))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
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
                if let Some(name) = name.filter(|name| ours(name))
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
            if let Some(key) = key.as_string().filter(|key| ours(key)) {
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
