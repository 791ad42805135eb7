//! Benchmark: evaluating the whole rule set in `rules/` for typical cases. Prints nanoseconds per
//! evaluation (median of several rounds). Run: `cargo bench -p tyokyky-engine --features toml`.

use std::hint::black_box;
use std::time::Instant;

use tyokyky_engine::load::load_dir;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let rules = match load_dir(&dir) {
        Ok(rules) => rules,
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    let cases = [
        (
            "intake: 78-year-old, relative phoned, nothing else known yet",
            serde_json::json!({"case": {"opened_on": "2026-04-02", "initiator": "relative_or_close_person", "urgent": false},
                "client": {"age": 78}, "assessment": {"obviously_unnecessary": false}}),
        ),
        (
            "full plan: special support, sosionomi with a social-worker pair, joint plan",
            serde_json::json!({
                "case": {"opened_on": "2025-11-30", "initiator": "client", "urgent": false, "needs_other_authority": true},
                "client": {"age": 41, "highest_care_allowance": false, "vpl_disabled": true, "special_support": true,
                           "has_dependants": true, "care_capacity_weakened": false},
                "consent": {"contact_other_authority": true},
                "assessment": {"obviously_unnecessary": false, "summary": "x", "professional_conclusions": "x",
                    "client_view": "x", "named_worker_need_client": "needed", "named_worker_need_professional": "needed",
                    "needs_support": true, "need_nature": "long_term", "responsible_profession": "social_worker",
                    "responsible_in_public_office": true, "close_network_mapping": false},
                "plan": {"obviously_unnecessary": false, "made_with_client": true, "item_01_support_need": "x",
                    "item_02_services": "x", "item_04_meeting_frequency": "x", "item_06_goals": "x", "item_09_follow_up": "x",
                    "partners": 3, "partners_missing_responsibility": 0, "joint": true, "partners_missing_consent": 1},
                "named_worker": {"exception": "none", "name": "x", "profession": "sosionomi", "in_public_office": false},
                "co_worker": {"profession": "social_worker", "in_public_office": true},
                "decision": {"deviates_from_plan": false}
            }),
        ),
    ];
    println!(
        "rule set: {} rules in {} versions",
        rules.counts().0,
        rules.counts().1
    );
    for (name, json) in cases {
        let facts = match rules.catalogue().facts_from_json(&json) {
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
