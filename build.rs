//! Compiles `rules/` at build time with the engine's one compile step (`tyokyky_engine::bundle`, the same
//! as `tyokyky-rules compile --out-dir`) and embeds the JSON in the app: the browser never parses TOML
//! (that would cost ~58 KB gzip of WASM). A rule file with a mistake stops the build with the same
//! located messages as `tyokyky-rules check`.
//!
//! The county service catalogue is `rules/services/<county>.toml`, where `<county>` is
//! `TYOKYKY_CATALOGUE` (default `example-county`), and the self-assessment questionnaire is
//! `rules/questionnaires/<name>.toml` with `<name>` from `TYOKYKY_QUESTIONNAIRE` (default
//! `self_assessment`).

use std::path::PathBuf;

use tyokyky_engine::bundle::{self, CATALOGUE_VARIABLE, QUESTIONNAIRE_VARIABLE, Selection};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-env-changed={CATALOGUE_VARIABLE}");
    println!("cargo:rerun-if-env-changed={QUESTIONNAIRE_VARIABLE}");
    let (Some(manifest), Some(out)) = (
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        std::env::var_os("OUT_DIR").map(PathBuf::from),
    ) else {
        eprintln!("CARGO_MANIFEST_DIR and OUT_DIR must be set (cargo sets them)");
        std::process::exit(1);
    };
    let compiled = match bundle::compile(&manifest.join("rules"), &Selection::from_env()) {
        Ok(compiled) => compiled,
        Err(error) => {
            for problem in &error.errors.0 {
                println!("cargo:warning={problem}");
            }
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    if let Err(error) = compiled
        .write_to(&out)
        .and_then(|_| std::fs::write(out.join("baked.rs"), compiled.baked()))
    {
        eprintln!("cannot write the compiled rules into {}: {error}", out.display());
        std::process::exit(1);
    }
}
