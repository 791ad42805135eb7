//! Benchmark: the rules engine evaluating the whole rule set of `rules/` in WASM, in the browser — the
//! counterpart of the native `engine/benches/evaluate.rs`, with the same cases (`bench/engine-cases.json`,
//! embedded here) and the same evaluation call. Run: `bash bench/engine-wasm.sh` (`--quick` for a smoke run).
//!
//! The rule set is read like the app reads it: `rules/` compiled to JSON by the build script, then
//! [`RuleSet::from_json`] once. The measuring itself ([`measure`]) takes the clock as an argument, so it
//! also runs natively (its tests); only [`run`], which reads `performance.now()`, is wasm32-only.

use std::hint::black_box;

use serde::{Deserialize, Serialize};
use tyokyky_engine::ruleset::RuleSet;

/// The compiled rules, embedded at build time (the same JSON as the app's `rules.json`).
pub const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The benchmark cases, shared with the native benchmark.
pub const CASES: &str = include_str!("../../engine-cases.json");

/// One case of `bench/engine-cases.json`: a name and the facts as nested JSON.
#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    facts: serde_json::Value,
}

/// The figures of one case: nanoseconds per evaluation over the counted rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseFigures {
    pub name: String,
    pub median_ns: f64,
    pub min_ns: f64,
    pub max_ns: f64,
    /// The number of findings of one evaluation (as the native benchmark prints).
    pub findings: usize,
}

/// What [`measure`] returns (and [`run`] as JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub rules: usize,
    pub versions: usize,
    /// Milliseconds for `RuleSet::from_json` on the embedded JSON, measured once (so as coarse as the clock).
    pub load_ms: f64,
    pub iterations: u32,
    pub rounds: u32,
    pub cases: Vec<CaseFigures>,
}

/// Loads the embedded rule set once, then, for every case, times `rounds` rounds of `iterations`
/// evaluations each with `now` (milliseconds, like `performance.now()`); the per-evaluation figure of a
/// round is its time divided by `iterations`. One more round runs first and is not counted, so that V8 has
/// tiered the module up from its baseline compiler (Liftoff) to the optimising one (TurboFan).
pub fn measure(iterations: u32, rounds: u32, now: &mut dyn FnMut() -> f64) -> Result<Report, String> {
    if iterations == 0 || rounds == 0 {
        return Err("iterations and rounds must be at least 1".to_owned());
    }
    let started = now();
    let rules = RuleSet::from_json(COMPILED, "embedded rules").map_err(|errors| errors.to_string())?;
    let load_ms = now() - started;
    let cases: Vec<Case> =
        serde_json::from_str(CASES).map_err(|error| format!("bench/engine-cases.json: {error}"))?;
    let (rule_count, versions) = rules.counts();
    let mut figures = Vec::with_capacity(cases.len());
    for Case { name, facts } in cases {
        let facts = rules
            .catalogue()
            .facts_from_json(&facts)
            .map_err(|error| format!("{name}: {error}"))?;
        let findings = rules
            .evaluate(&facts)
            .map_err(|error| format!("{name}: {error}"))?
            .findings
            .len();
        let mut per_evaluation = Vec::with_capacity(rounds as usize);
        for round in 0..=rounds {
            let started = now();
            for _ in 0..iterations {
                // The same call as the native benchmark.
                let outcome = rules.evaluate(black_box(&facts));
                black_box(&outcome);
            }
            let elapsed_ms = now() - started;
            if round > 0 {
                per_evaluation.push(elapsed_ms * 1e6 / f64::from(iterations));
            }
        }
        per_evaluation.sort_by(f64::total_cmp);
        let (Some(min_ns), Some(median_ns), Some(max_ns)) = (
            per_evaluation.first(),
            per_evaluation.get(per_evaluation.len() / 2),
            per_evaluation.last(),
        ) else {
            return Err(format!("{name}: no rounds"));
        };
        figures.push(CaseFigures {
            name,
            median_ns: *median_ns,
            min_ns: *min_ns,
            max_ns: *max_ns,
            findings,
        });
    }
    Ok(Report {
        rules: rule_count,
        versions,
        load_ms,
        iterations,
        rounds,
        cases: figures,
    })
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`: milliseconds. Chromium coarsens it (100 µs, or 5 µs on a cross-origin
        /// isolated page), which is why every round times many evaluations and divides.
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    /// Runs [`crate::measure`] with `performance.now()` and returns its [`crate::Report`] as JSON.
    #[wasm_bindgen]
    pub fn run(iterations: u32, rounds: u32) -> Result<String, JsError> {
        let report =
            crate::measure(iterations, rounds, &mut performance_now).map_err(|error| JsError::new(&error))?;
        serde_json::to_string(&report).map_err(|error| JsError::new(&error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_every_shared_case() -> Result<(), String> {
        let clock = std::time::Instant::now();
        let report = measure(2, 3, &mut || clock.elapsed().as_secs_f64() * 1e3)?;
        assert!(report.rules > 0);
        assert_eq!(report.cases.len(), 2);
        for case in &report.cases {
            assert!(case.findings > 0, "{case:?}");
            assert!(
                case.min_ns <= case.median_ns && case.median_ns <= case.max_ns,
                "{case:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn refuses_zero_iterations() {
        assert!(measure(0, 1, &mut || 0.0).is_err());
    }
}
