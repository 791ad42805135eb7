//! Entry point of the public bundle (`embed.js`): the self-assessment, the kiosk and the accessibility
//! statement, without the worker flow (that is `src/bin/worker.rs`, loaded by `embed-worker.js`).
//! `embed.js` starts it and then calls [`mount`] for every `[data-tyokyky]` element of the page (the
//! app's own `index.html` has one with `data-owns-page`); a host page may call `mount` itself. See
//! `src/web/embed.rs` for the settings.

use tyokyky::embed::{MountHandle, Pages};
use wasm_bindgen::prelude::*;

/// Mounts the app into `element` with `config` (an object, or `undefined`); throws an `Error` that names
/// the setting when one cannot be used.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, config: JsValue) -> Result<MountHandle, JsValue> {
    tyokyky::embed::mount(
        element,
        config,
        tyokyky::state::rules::CITIZEN,
        Pages::Citizen(tyokyky::app::CitizenPages(
            tyokyky::pages::self_assessment::page,
            tyokyky::components::kiosk_guard::guard,
            tyokyky::web::seal::SEALING,
        )),
    )
}

fn main() {}
