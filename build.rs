//! Reads and validates `rules/` at build time with the same loader as the `tyokyky-rules` CLI, and embeds
//! the compiled JSON in the app: the browser never parses TOML (that would cost ~58 KB gzip of WASM).
//! A rule file with a mistake stops the build with the same located messages as `tyokyky-rules check`.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("CARGO_MANIFEST_DIR is not set");
        std::process::exit(1);
    };
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        std::process::exit(1);
    };
    match tyokyky_engine::load::load_dir(&manifest.join("rules")) {
        Ok(rules) => {
            if let Err(error) = std::fs::write(out.join("rules.json"), rules.to_json()) {
                eprintln!("cannot write the compiled rules: {error}");
                std::process::exit(1);
            }
        }
        Err(errors) => {
            for error in &errors.0 {
                println!("cargo:warning={error}");
            }
            eprintln!("the rules in rules/ do not load:\n{errors}");
            std::process::exit(1);
        }
    }
}
