//! The browser's `localStorage`, as the app uses it: texts kept under keys that share a prefix. Every call
//! does nothing when storage is not there or refuses (private windows, full quota, a blocked origin).

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
