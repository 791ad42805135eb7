//! Reads and validates `rules/` at build time with the same loader as the `tyokyky-rules` CLI, and embeds
//! the compiled JSON in the app: the browser never parses TOML (that would cost ~58 KB gzip of WASM).
//! A rule file with a mistake stops the build with the same located messages as `tyokyky-rules check`.
//!
//! The county service catalogue is embedded the same way: `rules/services/<county>.toml`, where
//! `<county>` is `TYOKYKY_CATALOGUE` (default `example-county`), and so is the self-assessment
//! questionnaire, `rules/questionnaires/<name>.toml` with `<name>` from `TYOKYKY_QUESTIONNAIRE` (default
//! `self_assessment`).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-env-changed=TYOKYKY_CATALOGUE");
    println!("cargo:rerun-if-env-changed=TYOKYKY_QUESTIONNAIRE");
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("CARGO_MANIFEST_DIR is not set");
        std::process::exit(1);
    };
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        std::process::exit(1);
    };
    let rules = match tyokyky_engine::load::load_dir(&manifest.join("rules")) {
        Ok(rules) => rules,
        Err(errors) => fail("the rules in rules/ do not load", &errors),
    };
    let county = std::env::var("TYOKYKY_CATALOGUE").unwrap_or_else(|_| "example-county".to_owned());
    let catalogue_path = manifest
        .join("rules")
        .join("services")
        .join(format!("{county}.toml"));
    let name = format!("rules/services/{county}.toml");
    let catalogue = match tyokyky_engine::load::load_catalogue(&catalogue_path, &name, &rules) {
        Ok(catalogue) => catalogue,
        Err(errors) => fail(
            &format!("the service catalogue `{county}` does not load"),
            &errors,
        ),
    };
    let questionnaire_name =
        std::env::var("TYOKYKY_QUESTIONNAIRE").unwrap_or_else(|_| "self_assessment".to_owned());
    let questionnaire_path = manifest
        .join("rules")
        .join("questionnaires")
        .join(format!("{questionnaire_name}.toml"));
    let name = format!("rules/questionnaires/{questionnaire_name}.toml");
    let questionnaire = match tyokyky_engine::load::load_questionnaire(&questionnaire_path, &name, &rules) {
        Ok(questionnaire) => questionnaire,
        Err(errors) => fail(
            &format!("the questionnaire `{questionnaire_name}` does not load"),
            &errors,
        ),
    };
    for (name, json) in [
        ("rules.json", rules.to_json()),
        ("catalogue.json", catalogue.to_json()),
        ("questionnaire.json", questionnaire.to_json()),
    ] {
        if let Err(error) = std::fs::write(out.join(name), json) {
            eprintln!("cannot write {name}: {error}");
            std::process::exit(1);
        }
    }
}

fn fail(what: &str, errors: &tyokyky_engine::error::LoadErrors) -> ! {
    for error in &errors.0 {
        println!("cargo:warning={error}");
    }
    eprintln!("{what}:\n{errors}");
    std::process::exit(1)
}
