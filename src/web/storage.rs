//! The browser's storage, as the app uses it: `localStorage` for documents waiting to be sent (texts under
//! keys that share a prefix), and `sessionStorage` for work in progress in one tab. Every call does nothing
//! when storage is not there or refuses (private windows, full quota, a blocked origin). A kiosk calls
//! none of them for a person's answers.

/// The worker's case kept for the tab (`sessionStorage`).
pub const WORKER_CASE_KEY: &str = "tyokyky-worker-case";
/// A worker's draft that the backend could not take yet (`localStorage`), until it does.
pub const WORKER_DRAFT_WAITING_KEY: &str = "tyokyky-worker-draft-waiting";
/// The self-assessment's answers kept for the tab (`sessionStorage`).
pub const SELF_ANSWERS_KEY: &str = "tyokyky-self-answers";

/// Forgets everything of a person's work this app keeps in the browser's storage for this origin: the
/// tab's case and answers and a draft waiting to be saved (not the documents waiting in the outbox,
/// which a finished plan or request must not lose).
pub fn forget_work() {
    session_remove(WORKER_CASE_KEY);
    session_remove(SELF_ANSWERS_KEY);
    remove(WORKER_DRAFT_WAITING_KEY);
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

/// Takes every item whose key starts with `prefix` out of storage and returns their texts.
pub fn take_all(prefix: &str) -> Vec<String> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    let mut texts = Vec::new();
    for key in keys {
        if let Ok(Some(text)) = storage.get_item(&key) {
            texts.push(text);
        }
        let _ = storage.remove_item(&key);
    }
    texts
}

/// The text kept under `key`, if any.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key`.
pub fn set(key: &str, text: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, text);
    }
}

/// Removes the item under `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.session_storage().ok().flatten())
}

/// The text kept under `key` for this tab's life (`sessionStorage`), if any.
pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` for this tab's life: a reload finds it, closing the tab forgets it.
pub fn session_set(key: &str, text: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(key, text);
    }
}

/// Forgets what is kept under `key` for this tab.
pub fn session_remove(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}
