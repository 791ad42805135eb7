//! The engine's top-level modules form layers: each uses only the layers listed before it, so there is
//! no import cycle between them. This test reads the engine's source, finds every `crate::<module>` path
//! outside comments, and fails when a module reaches a later layer (or a path outside the layers, such as
//! the public re-export paths in `lib.rs`, which are for callers of the crate, not for its own modules).
//!
//! The graph it finds is printed: `cargo test -p tyokyky-engine --test layers -- --nocapture`.
#![allow(clippy::unwrap_used, reason = "test code: a failed unwrap is a failed test")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 9] = [
    "text",
    "law",
    "catalogue",
    "forms",
    "documents",
    "fhir",
    "report",
    "bake",
    "bundle",
];

/// Every `.rs` file under `dir`, in path order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The top-level module a file belongs to (`law/eval.rs` → `law`, `text.rs` → `text`); `None` for
/// `lib.rs`, the crate root.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    match first.strip_suffix(".rs") {
        Some("lib") => None,
        Some(stem) => Some(stem.to_owned()),
        None => Some(first),
    }
}

/// The top-level modules named by `crate::…` paths in `text`, outside `//` comments.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

/// The module graph: each top-level module and the top-level modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let Some(module) = top_module(&src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let used = uses(&text);
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|name| *name != module));
    }
    graph
}

#[test]
fn every_module_of_the_engine_uses_only_the_layers_below_it() {
    let graph = graph();
    println!("the engine's modules, lowest layer first, and what each uses:");
    for layer in LAYERS {
        let used: Vec<&str> = graph
            .get(layer)
            .map(|used| used.iter().map(String::as_str).collect())
            .unwrap_or_default();
        println!(
            "  {layer:<10} -> {}",
            if used.is_empty() {
                "(nothing)".to_owned()
            } else {
                used.join(", ")
            }
        );
    }
    let mut problems = Vec::new();
    for module in graph.keys() {
        if !LAYERS.contains(&module.as_str()) {
            problems.push(format!(
                "`{module}` is a top-level module outside the layers {LAYERS:?}"
            ));
        }
    }
    for (position, layer) in LAYERS.iter().enumerate() {
        for used in graph.get(*layer).into_iter().flatten() {
            match LAYERS.iter().position(|candidate| candidate == used) {
                Some(level) if level < position => {}
                Some(_) => problems.push(format!("`{layer}` uses `{used}`, a layer above it")),
                None => problems.push(format!(
                    "`{layer}` uses `crate::{used}`, which is not a layer (use the layer's own path)"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_module_that_reaches_up() {
    let text = "use crate::law::facts::Facts;\n// crate::documents in a comment does not count\nlet x = crate::documents::plan::ClientPlan::default();";
    let found = uses(text);
    assert_eq!(found, BTreeSet::from(["documents".to_owned(), "law".to_owned()]));
}
