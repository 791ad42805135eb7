//! The FHIR adapter's converter. The FHIR export (`tyokyky_engine::fhir`) is a module of its own,
//! `fhir/fhir.js` and its `.wasm` beside the loader (built by `scripts/build.sh` from
//! `src/bin/fhir.rs`): the loader (`embed.js`) hands over a function that imports it the first time a
//! document goes to a FHIR server and converts with it, so neither bundle carries the export and a host
//! that does not route to FHIR never downloads it.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::web::submit::{Refusal, SendFailure};

/// `document` (the product's JSON) as a FHIR transaction Bundle, made by the FHIR module through the
/// loader's `convert`. A module that does not load is a failure that may pass (tried again later); a
/// document the module cannot convert (it throws a text) is a refusal.
pub async fn transaction(convert: Option<&js_sys::Function>, document: &str) -> Result<String, SendFailure> {
    let refused = |message: Option<String>| SendFailure::Rejected {
        status: 0,
        message: ["FHIR: ", &message.unwrap_or_default()].concat(),
        refusal: Refusal {
            code: "not_exportable".to_owned(),
            field: None,
        },
    };
    let promise = convert
        .ok_or(None)
        .and_then(|convert| {
            convert
                .call1(&JsValue::NULL, &JsValue::from_str(document))
                .map_err(|error| error.as_string())
        })
        .map_err(refused)?;
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(bundle) => bundle.as_string().ok_or_else(|| refused(None)),
        // The module throws its reason as a text; anything else is the import failing.
        Err(error) => match error.as_string() {
            Some(reason) => Err(refused(Some(reason))),
            None => Err(SendFailure::Network),
        },
    }
}
