//! Sealing on a kiosk. A document the kiosk cannot deliver is sealed in the browser for the inbox alone
//! and kept in `localStorage` ([`SEALED_ITEM`]) until the inbox has it: it survives the wipe and a reload,
//! and the next person at the kiosk cannot read it (nor can anyone else without the inbox's private key).
//! The inbox's public key (`GET …/api/outbox-key`, a JWK with its `kid`) is fetched at every start and
//! kept beside it ([`KEY_ITEM`]): it is public, nothing of a person. Without a key (the inbox never
//! reached, or it has none) nothing is sealed and an undelivered document lives in memory only.
//!
//! The envelope is the inbox's (`inbox/src/outbox.rs`): ECDH on P-256 with a one-time key of the
//! browser, HKDF-SHA256 of the shared secret (salt: the one-time public key, info `tyokyky sealed v1`),
//! AES-256-GCM with the `kid` as associated data; WebCrypto (`crypto.subtle`) does all of it, nothing
//! cryptographic is written here. WebCrypto is called by name through `js_sys::Reflect` rather than
//! web-sys's typed bindings: one generic call for six methods instead of a glue function and a dictionary
//! type for each, which costs the kiosk fewer bytes.

use std::rc::Rc;

use js_sys::{Array, JSON, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::delivery::{Sealed, Sealing};
use crate::web::backend::address;
use crate::web::storage;
use crate::web::submit::Transport;

/// Where the inbox's public key is kept (`localStorage`).
pub const KEY_ITEM: &str = "tyokyky-outbox-key";
/// Where sealed documents are kept until delivered (`localStorage`).
pub const SEALED_ITEM: &str = "tyokyky-sealed";

/// What the public bundle's kiosk hands its outbox.
pub const SEALING: Sealing = Sealing {
    fetch_key,
    seal: |plain| Box::pin(seal(plain)) as Sealed,
};

/// Fetches the inbox's public key and keeps it; an inbox without one (404) has it forgotten, and no
/// answer keeps the one fetched before.
pub fn fetch_key(transport: &Transport) {
    let url = address(transport, "outbox-key");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(response) = gloo::net::http::Request::get(&url).send().await else {
            return;
        };
        match response.status() {
            200 => {
                if let Ok(text) = response.text().await
                    && JSON::parse(&text).is_ok()
                {
                    storage::set(KEY_ITEM, &text);
                }
            }
            404 => storage::remove(KEY_ITEM),
            _ => {}
        }
    });
}

/// Calls `target.method(...args)` and waits for the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let args: Array = args.iter().copied().collect();
    JsFuture::from(Reflect::apply(&function, target, &args)?.unchecked_into::<js_sys::Promise>()).await
}

/// `plain` sealed for the kept key, as the envelope the inbox takes at `…/api/sealed`; `None` without a
/// key or WebCrypto.
pub async fn seal(plain: Rc<str>) -> Option<String> {
    let jwk = JSON::parse(&storage::get(KEY_ITEM)?).ok()?;
    let kid = Reflect::get(&jwk, &"kid".into()).ok()?.as_string()?;
    let window = web_sys::window()?;
    let crypto = window.crypto().ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    let bytes = |value: &JsValue| Uint8Array::new(value).to_vec();
    let (epk, iv, ct) = async {
        let json = |text: &str| JSON::parse(text);
        let no = JsValue::FALSE;
        let ecdh = json(r#"{"name":"ECDH","namedCurve":"P-256"}"#)?;
        let theirs = call(
            &subtle,
            "importKey",
            &[&"jwk".into(), &jwk, &ecdh, &no, &Array::new()],
        )
        .await?;
        let pair = call(&subtle, "generateKey", &[&ecdh, &no, &json(r#"["deriveBits"]"#)?]).await?;
        let part = |name: &str| Reflect::get(&pair, &name.into());
        let epk = call(&subtle, "exportKey", &[&"raw".into(), &part("publicKey")?]).await?;
        Reflect::set(&ecdh, &"public".into(), &theirs)?;
        let secret = call(&subtle, "deriveBits", &[&ecdh, &part("privateKey")?, &256.into()]).await?;
        let usage = json(r#"["deriveKey"]"#)?;
        let hkdf = call(
            &subtle,
            "importKey",
            &[&"raw".into(), &secret, &"HKDF".into(), &no, &usage],
        )
        .await?;
        let derive = json(r#"{"name":"HKDF","hash":"SHA-256"}"#)?;
        Reflect::set(&derive, &"salt".into(), &epk)?;
        Reflect::set(
            &derive,
            &"info".into(),
            &Uint8Array::from(&b"tyokyky sealed v1"[..]),
        )?;
        let aes = json(r#"{"name":"AES-GCM","length":256}"#)?;
        let key = call(
            &subtle,
            "deriveKey",
            &[&derive, &hkdf, &aes, &no, &json(r#"["encrypt"]"#)?],
        )
        .await?;
        let mut iv = [0u8; 12];
        crypto.get_random_values_with_u8_array(&mut iv)?;
        Reflect::set(&aes, &"iv".into(), &Uint8Array::from(&iv[..]))?;
        Reflect::set(&aes, &"additionalData".into(), &Uint8Array::from(kid.as_bytes()))?;
        let ct = call(
            &subtle,
            "encrypt",
            &[&aes, &key, &Uint8Array::from(plain.as_bytes())],
        )
        .await?;
        Ok::<_, JsValue>((bytes(&epk), iv, bytes(&ct)))
    }
    .await
    .ok()?;
    let base64 = |data: &[u8]| {
        window
            .btoa(&data.iter().map(|&byte| char::from(byte)).collect::<String>())
            .ok()
    };
    // The key id was read from JSON and goes back as a JSON string; the rest is base64.
    Some(format!(
        r#"{{"kid":{},"epk":"{}","iv":"{}","ct":"{}"}}"#,
        JSON::stringify(&kid.into()).ok()?.as_string()?,
        base64(&epk)?,
        base64(&iv)?,
        base64(&ct)?
    ))
}
