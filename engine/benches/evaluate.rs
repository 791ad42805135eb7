//! Benchmark: evaluating the whole rule set in `rules/` for typical cases. Prints nanoseconds per
//! evaluation (median of several rounds). Run: `cargo bench -p tyokyky-engine --features toml`.
//!
//! The cases are read from `bench/engine-cases.json`, which the WASM benchmark (`bench/engine-wasm.sh`)
//! embeds too, so the native and browser figures come from identical cases.

use std::hint::black_box;
use std::time::Instant;

use tyokyky_engine::load::load_dir;

/// One case of `bench/engine-cases.json`: a name and the facts as nested JSON.
#[derive(serde::Deserialize)]
struct Case {
    name: String,
    facts: serde_json::Value,
}

fn read_cases() -> Result<Vec<Case>, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/engine-cases.json");
    let text =
        std::fs::read_to_string(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let rules = match load_dir(&dir) {
        Ok(rules) => rules,
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let cases = match read_cases() {
        Ok(cases) => cases,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    println!(
        "rule set: {} rules in {} versions",
        rules.counts().0,
        rules.counts().1
    );
    for Case { name, facts } in cases {
        let facts = match rules.catalogue().facts_from_json(&facts) {
            Ok(facts) => facts,
            Err(error) => {
                eprintln!("{name}: {error}");
                std::process::exit(1);
            }
        };
        let iterations = 20_000u32;
        let mut rounds = Vec::new();
        for _ in 0..9 {
            let started = Instant::now();
            for _ in 0..iterations {
                let outcome = rules.evaluate(black_box(&facts));
                black_box(&outcome);
            }
            rounds.push(started.elapsed().as_nanos() as f64 / f64::from(iterations));
        }
        rounds.sort_by(f64::total_cmp);
        let findings = rules
            .evaluate(&facts)
            .map(|outcome| outcome.findings.len())
            .unwrap_or(0);
        println!(
            "{name}: median {:.0} ns per evaluation (min {:.0}, max {:.0}; {findings} findings)",
            rounds[rounds.len() / 2],
            rounds[0],
            rounds[rounds.len() - 1]
        );
    }
}
