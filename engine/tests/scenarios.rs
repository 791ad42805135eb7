//! Runs every scenario case in `tests/scenarios/*.toml` against the rules in `rules/`, and checks that
//! every rule has at least two cases. A case is a sentence a social worker can check, the facts of the
//! case, and what the rules must say about it.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use tyokyky_engine::eval::{Due, Status};
use tyokyky_engine::load::load_dir;
use tyokyky_engine::rule::Consequence;
use tyokyky_engine::ruleset::RuleSet;

use common::root;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    scenario: Vec<Scenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    facts: toml::Table,
    expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Expect {
    /// Rules that must produce a finding that is decided (not `needs_facts`).
    cites: Vec<String>,
    /// Rules that must produce no finding.
    not_cited: Vec<String>,
    /// Deadline name → date `YYYY-MM-DD` or standard (`immediately`, `without_delay`, `without_undue_delay`).
    due: BTreeMap<String, String>,
    /// Rule id → status (`applies`, `met`, `unmet`, `needs_facts`).
    status: BTreeMap<String, String>,
    /// Rule id → the day whose wording judged it and the act that wording follows, e.g.
    /// `"2025-02-03 677/2023"` (the day comes from the rule's `wording_by` date, or the opening date).
    wording: BTreeMap<String, String>,
    /// Rule id → the facts its finding still needs, in the order it names them.
    needs: BTreeMap<String, Vec<String>>,
    /// Whether the findings stop a plan from being finished.
    blocks_finishing: Option<bool>,
    /// The evaluation error expected instead of an outcome.
    error: Option<String>,
}

fn rules() -> RuleSet {
    load_dir(&root().join("rules")).unwrap_or_else(|errors| panic!("rules/ does not load:\n{errors}"))
}

fn scenario_files() -> Vec<(String, ScenarioFile)> {
    let dir = root().join("tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let file = toml::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, file)
        })
        .collect()
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Applies => "applies",
        Status::Met => "met",
        Status::Unmet => "unmet",
        Status::NeedsFacts => "needs_facts",
    }
}

fn due_text(due: &Due) -> String {
    match due {
        Due::Date { date, .. } => date.format("%Y-%m-%d").to_string(),
        Due::Standard { standard } => serde_json::to_value(standard)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned(),
        Due::Unknown => "unknown".to_owned(),
    }
}

/// Checks one scenario; returns the problems found.
fn check(rules: &RuleSet, scenario: &Scenario) -> Vec<String> {
    let json = serde_json::to_value(&scenario.facts).unwrap();
    let facts = match rules.catalogue().facts_from_json(&json) {
        Ok(facts) => facts,
        Err(error) => return vec![format!("facts: {error}")],
    };
    let expect = &scenario.expect;
    let outcome = match (rules.evaluate(&facts), &expect.error) {
        (Err(error), Some(wanted)) if error.to_string() == *wanted => return Vec::new(),
        (Err(error), _) => return vec![format!("evaluation failed: {error}")],
        (Ok(_), Some(wanted)) => return vec![format!("expected the error `{wanted}`, got an outcome")],
        (Ok(outcome), None) => outcome,
    };
    let mut problems = Vec::new();
    for id in &expect.cites {
        match outcome.finding(id) {
            None => problems.push(format!("`{id}` should be cited but is not")),
            Some(finding) if finding.status == Status::NeedsFacts => {
                problems.push(format!("`{id}` should be decided but needs {:?}", finding.needs));
            }
            Some(_) => {}
        }
    }
    for id in &expect.not_cited {
        if let Some(finding) = outcome.finding(id) {
            problems.push(format!(
                "`{id}` should not be cited but is ({})",
                status_name(finding.status)
            ));
        }
    }
    for (id, wanted) in &expect.status {
        match outcome.finding(id) {
            None => problems.push(format!("`{id}` should be `{wanted}` but is not cited")),
            Some(finding) if status_name(finding.status) != wanted => problems.push(format!(
                "`{id}` should be `{wanted}` but is `{}` (needs {:?})",
                status_name(finding.status),
                finding.needs
            )),
            Some(_) => {}
        }
    }
    for (id, wanted) in &expect.wording {
        match outcome.finding(id) {
            None => problems.push(format!("`{id}` should be judged by {wanted} but is not cited")),
            Some(finding) => {
                let found = format!("{} {}", finding.wording_on, finding.rule.citation.wording);
                if found != *wanted {
                    problems.push(format!(
                        "`{id}` should be judged by {wanted}, was judged by {found}"
                    ));
                }
            }
        }
    }
    for (id, wanted) in &expect.needs {
        match outcome.finding(id) {
            None => problems.push(format!("`{id}` should need {wanted:?} but is not cited")),
            Some(finding) if finding.needs != *wanted => problems.push(format!(
                "`{id}` should need {wanted:?} but needs {:?}",
                finding.needs
            )),
            Some(_) => {}
        }
    }
    for (deadline, wanted) in &expect.due {
        let found: Vec<String> = outcome
            .findings
            .iter()
            .filter(|finding| matches!(&finding.rule.then, Consequence::Deadline(rule) if rule.deadline == *deadline))
            .filter_map(|finding| finding.due.as_ref().map(due_text))
            .collect();
        if !found.contains(wanted) {
            problems.push(format!(
                "deadline `{deadline}` should be {wanted}, the rules give {found:?}"
            ));
        }
    }
    if let Some(wanted) = expect.blocks_finishing
        && outcome.blocks_finishing() != wanted
    {
        let blocking: Vec<&str> = outcome
            .findings
            .iter()
            .filter(|f| f.blocks_finishing())
            .map(|f| f.rule.id.as_str())
            .collect();
        problems.push(format!(
            "blocks finishing should be {wanted}; blocking findings: {blocking:?}"
        ));
    }
    problems
}

#[test]
fn every_scenario_case_holds() {
    let rules = rules();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, scenarios) in scenario_files() {
        for scenario in &scenarios.scenario {
            count += 1;
            for problem in check(&rules, scenario) {
                failures.push(format!("{file}: {}\n    {problem}", scenario.name));
            }
        }
    }
    assert!(count > 0, "no scenario cases found");
    assert!(
        failures.is_empty(),
        "{} problems in {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_at_least_two_cases() {
    let rules = rules();
    let mut mentions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, scenarios) in scenario_files() {
        for scenario in &scenarios.scenario {
            let expect = &scenario.expect;
            for id in expect
                .cites
                .iter()
                .chain(&expect.not_cited)
                .chain(expect.status.keys())
            {
                mentions
                    .entry(id.clone())
                    .or_default()
                    .insert(format!("{file}: {}", scenario.name));
            }
        }
    }
    let unknown: Vec<&String> = mentions
        .keys()
        .filter(|id| !rules.rule_ids().any(|known| known == *id))
        .collect();
    assert!(
        unknown.is_empty(),
        "scenarios name rules that do not exist: {unknown:?}"
    );
    let thin: Vec<String> = rules
        .rule_ids()
        .filter_map(|id| {
            let cases = mentions.get(id).map_or(0, BTreeSet::len);
            (cases < 2).then(|| format!("{id} ({cases} case(s))"))
        })
        .collect();
    assert!(
        thin.is_empty(),
        "rules with fewer than two scenario cases: {thin:?}"
    );
}
