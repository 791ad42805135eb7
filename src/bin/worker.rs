//! Entry point of the worker bundle (`embed-worker.js`, the app's own page `worker.html`): everything the
//! public bundle has, and the worker flow, which starts by default. It is a bundle of its own so that the
//! citizen's download stays small.

use tyokyky::app::WorkerPages;
use tyokyky::embed::{MountHandle, Pages};
use wasm_bindgen::prelude::*;

/// Mounts the app into `element` with `config` (an object, or `undefined`); throws an `Error` that names
/// the setting when one cannot be used.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, config: JsValue) -> Result<MountHandle, JsValue> {
    tyokyky::embed::mount(
        element,
        config,
        tyokyky::state::rules::WHOLE,
        Pages::Worker(WorkerPages(
            tyokyky::pages::worker::page,
            tyokyky::embed::case_context_of,
        )),
    )
}

fn main() {}
