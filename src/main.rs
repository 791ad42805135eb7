//! Entry point of the WebAssembly bundle. `embed.js` starts it and then calls [`mount`] for every
//! `[data-tyokyky]` element of the page (the app's own `index.html` has one with `data-owns-page`); a host
//! page may call `mount` itself. See `src/web/embed.rs` for the settings.

use tyokyky::embed::{EmbedConfig, render, settings};
use tyokyky::submit::Transport;
use wasm_bindgen::prelude::*;

/// A mounted app, as the host holds it.
#[wasm_bindgen]
#[derive(Debug)]
pub struct MountHandle {
    transport: Transport,
    app: Option<yew::AppHandle<tyokyky::App>>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Hands over a new bearer token (or removes it with `null`); the next request uses it.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) {
        self.transport.set_token(token.as_deref());
    }

    /// Removes the app from the page.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the app into `element` with `config` (an object, or `undefined`); throws an `Error` that names
/// the setting when one cannot be used.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, config: JsValue) -> Result<MountHandle, JsValue> {
    let config: EmbedConfig = if config.is_undefined() || config.is_null() {
        EmbedConfig::default()
    } else {
        let text = js_sys::JSON::stringify(&config)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default();
        serde_json::from_str(&text)
            .map_err(|error| js_sys::Error::new(&format!("tyokyky config: {error}")))?
    };
    let mounting =
        settings(&element, config).map_err(|message| js_sys::Error::new(&format!("tyokyky: {message}")))?;
    let transport = mounting.props.transport.clone();
    let app = render(&element, mounting);
    Ok(MountHandle {
        transport,
        app: Some(app),
    })
}

fn main() {}
