//! The JSON Schema of the documents, generated from the same types that write and read them, so any
//! backend can validate what the app posts without reading Rust. `schema/document.schema.json` holds the
//! generated text; a test fails when it is out of date.

/// The JSON Schema (draft 2020-12) of a [`crate::documents::draft::Draft`], a worker's unfinished case as
/// saved to `PUT /api/drafts/{id}`, pretty-printed with a final newline.
pub fn draft_schema() -> String {
    let mut schema = schemars::schema_for!(crate::documents::draft::Draft);
    schema.insert(
        "$id".to_owned(),
        serde_json::Value::from("https://tyokyky.example/schema/draft.schema.json"),
    );
    schema.insert(
        "description".to_owned(),
        serde_json::Value::from(
            "A saved version of a worker's unfinished case. Each save is the next version of its draft; a \
             backend refuses a version that is not the next one (a conflict when it already holds that \
             version with other content).",
        ),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of a [`crate::documents::envelope::Document`], pretty-printed with a final
/// newline.
pub fn document_schema() -> String {
    let mut schema = schemars::schema_for!(crate::documents::envelope::Document);
    schema.insert(
        "$id".to_owned(),
        serde_json::Value::from("https://tyokyky.example/schema/document.schema.json"),
    );
    schema.insert(
        "description".to_owned(),
        serde_json::Value::from(
            "A tyokyky document (schema_version 1): an envelope with the kind's answers. Also checked \
             beyond this schema: a contact request names a phone number or an e-mail address; feedback has \
             a score or a comment.",
        ),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
