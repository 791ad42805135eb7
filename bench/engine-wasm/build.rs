//! Compiles `rules/` to JSON at build time exactly as the app's build script does (`load_dir`, then
//! `to_json`), so the benchmark loads the very JSON that the app embeds. A rule file with a mistake stops
//! the build with the same located messages as `tyokyky-rules check`.

use std::path::PathBuf;

fn main() {
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("CARGO_MANIFEST_DIR is not set");
        std::process::exit(1);
    };
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set");
        std::process::exit(1);
    };
    let rules_dir = manifest.join("../../rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let rules = match tyokyky_engine::load::load_dir(&rules_dir) {
        Ok(rules) => rules,
        Err(errors) => {
            for error in &errors.0 {
                println!("cargo:warning={error}");
            }
            eprintln!("the rules in rules/ do not load:\n{errors}");
            std::process::exit(1);
        }
    };
    if let Err(error) = std::fs::write(out.join("rules.json"), rules.to_json()) {
        eprintln!("cannot write rules.json: {error}");
        std::process::exit(1);
    }
}
