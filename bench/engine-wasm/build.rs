//! Compiles `rules/` with the engine's one compile step (`tyokyky_engine::bundle`), exactly as the app's
//! build script does, so the benchmark loads the very JSON that the app embeds. A rule file with a mistake
//! stops the build with the same located messages as `tyokyky-rules check`.

use std::path::PathBuf;

use tyokyky_engine::bundle::{self, Selection};

fn main() {
    let (Some(manifest), Some(out)) = (
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        std::env::var_os("OUT_DIR").map(PathBuf::from),
    ) else {
        eprintln!("CARGO_MANIFEST_DIR and OUT_DIR must be set (cargo sets them)");
        std::process::exit(1);
    };
    let rules_dir = manifest.join("../../rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let compiled = match bundle::compile(&rules_dir, &Selection::default()) {
        Ok(compiled) => compiled,
        Err(error) => {
            for problem in &error.errors.0 {
                println!("cargo:warning={problem}");
            }
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    if let Err(error) = compiled.write_to(&out) {
        eprintln!("cannot write the compiled rules into {}: {error}", out.display());
        std::process::exit(1);
    }
}
