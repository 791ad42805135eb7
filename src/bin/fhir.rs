//! The FHIR module: the FHIR export of `tyokyky_engine::fhir` for the browser, loaded by the app only
//! when a host routes a kind of document to a FHIR server (`src/web/fhir.rs`). `scripts/build.sh` builds
//! it with `--features fhir` into `fhir/fhir.js` and `fhir/fhir_bg.wasm` beside the loaders.

use tyokyky_engine::document::Document;
use wasm_bindgen::prelude::*;

/// The document in `json` (the product's JSON, as the app posts it) as a FHIR R4 transaction Bundle
/// (`tyokyky_engine::fhir::transaction`), its shared self-assessment answers read with the questionnaire
/// built into the app; throws a text naming the problem when `json` is not a document.
#[wasm_bindgen]
pub fn transaction(json: &str) -> Result<String, String> {
    let document = Document::decode(json.as_bytes()).map_err(|error| error.to_string())?;
    let rules = tyokyky::state::rules::CITIZEN.build();
    Ok(tyokyky_engine::fhir::transaction(&document, Some(&rules.questionnaire)).to_string())
}

fn main() {}
