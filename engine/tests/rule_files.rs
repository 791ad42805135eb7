//! Rule files: `rules/` loads; every file in `tests/fixtures/good/` loads; every file in
//! `tests/fixtures/bad/` fails with exactly the message recorded beside it (`<name>.expected`). To record
//! new messages after a deliberate change: `UPDATE_GOLDEN=1 cargo test -p tyokyky-engine --features toml
//! --test rule_files`, then review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::{assert_recorded_messages, root, toml_files};

use tyokyky_engine::load::{SourceFile, from_files, load_dir};
use tyokyky_engine::ruleset::RuleSet;

fn source(path: &Path) -> SourceFile {
    SourceFile {
        name: path.strip_prefix(root()).unwrap().display().to_string(),
        text: std::fs::read_to_string(path).unwrap(),
    }
}

/// Loads one rule file with the real settings, fact catalogue and register of acts.
fn load_with_real_catalogue(path: &Path) -> Result<RuleSet, String> {
    let rules = root().join("rules");
    from_files(
        &source(&rules.join("settings.toml")),
        &source(&rules.join("facts.toml")),
        &source(&rules.join("acts.toml")),
        &[source(path)],
    )
    .map_err(|errors| errors.to_string())
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    toml_files(&format!("tests/fixtures/{kind}"))
}

#[test]
fn the_rules_folder_loads() {
    let rules = load_dir(&root().join("rules")).unwrap_or_else(|errors| panic!("{errors}"));
    let (ids, versions) = rules.counts();
    assert!(ids >= 30 && versions > ids, "{ids} rules in {versions} versions");
    assert_eq!(rules.compiled().source_hash.len(), 64);
}

#[test]
fn good_fixtures_load() {
    let paths = fixtures("good");
    assert!(!paths.is_empty());
    for path in paths {
        if let Err(errors) = load_with_real_catalogue(&path) {
            panic!("{} should load:\n{errors}", path.display());
        }
    }
}

#[test]
fn bad_fixtures_fail_with_their_recorded_messages() {
    let paths = fixtures("bad");
    assert!(paths.len() >= 15, "only {} bad fixtures", paths.len());
    assert_recorded_messages(&paths, |path| {
        let message = match load_with_real_catalogue(path) {
            Ok(_) => panic!("{} should fail to load", path.display()),
            Err(message) => message,
        };
        assert!(
            message.starts_with("tests/fixtures/bad/"),
            "not located: {message}"
        );
        message
    });
}

#[test]
fn compiled_json_loads_back_to_the_same_rules() {
    let rules = load_dir(&root().join("rules")).unwrap();
    let again = RuleSet::from_json(&rules.to_json(), "compiled.json").unwrap();
    assert_eq!(again, rules);
}

#[test]
fn compiled_json_is_validated_like_toml() {
    let rules = load_dir(&root().join("rules")).unwrap();
    let json = rules
        .to_json()
        .replacen("\"client.age\",\"lt\":18", "\"client.agee\",\"lt\":18", 1);
    assert_ne!(json, rules.to_json(), "the test did not change anything");
    let errors = RuleSet::from_json(&json, "county.json").unwrap_err().to_string();
    assert!(
        errors.starts_with("county.json (rule #") && errors.contains("unknown fact `client.agee`"),
        "{errors}"
    );
    let json = rules
        .to_json()
        .replacen("\"born\":\"client.born_on\"", "\"born\":\"client.age\"", 1);
    assert_ne!(json, rules.to_json(), "the test did not change anything");
    let errors = RuleSet::from_json(&json, "county.json").unwrap_err().to_string();
    assert!(
        errors.contains(
            "`age_over` takes the date of birth (`born`) from fact `client.age`, which is not a date"
        ),
        "{errors}"
    );
    let errors = RuleSet::from_json("{\"name\": 1}", "county.json")
        .unwrap_err()
        .to_string();
    assert!(errors.starts_with("county.json:1: invalid type"), "{errors}");
}

#[test]
fn compiled_json_is_checked_for_the_form_of_citations() {
    let rules = load_dir(&root().join("rules")).unwrap();
    let json = rules.to_json();
    for (from, to, message) in [
        (
            "\"section\":\"4\"",
            "\"section\":\"5\"",
            "rule id `vpl-4-assessed-by-professional-in-office` names section 4, but `citation.section` is `5`",
        ),
        (
            "\"statute\":\"675/2023\"",
            "\"statute\":\"Vammaispalvelulaki\"",
            "`citation.statute` `Vammaispalvelulaki` is not an act number",
        ),
        (
            "\"wording\":\"675/2023\"",
            "\"wording\":\"the new act\"",
            "`citation.wording` `the new act` names no act",
        ),
    ] {
        let changed = json.replacen(from, to, 1);
        assert_ne!(changed, json, "the test did not change `{from}`");
        let errors = RuleSet::from_json(&changed, "county.json")
            .unwrap_err()
            .to_string();
        assert!(errors.contains(message), "{errors}");
    }
}

/// Loads `rules/` with `facts.toml` changed by `edit`.
fn load_with_facts(edit: impl Fn(&str) -> String) -> Result<RuleSet, String> {
    let rules = root().join("rules");
    let facts = source(&rules.join("facts.toml"));
    let edited = SourceFile {
        text: edit(&facts.text),
        ..facts
    };
    assert_ne!(
        edited.text,
        source(&rules.join("facts.toml")).text,
        "nothing changed"
    );
    let files: Vec<SourceFile> = toml_files("rules/shl")
        .iter()
        .chain(&toml_files("rules/vpl"))
        .map(|path| source(path))
        .collect();
    from_files(
        &source(&rules.join("settings.toml")),
        &edited,
        &source(&rules.join("acts.toml")),
        &files,
    )
    .map_err(|errors| errors.to_string())
}

#[test]
fn fact_bounds_are_checked_when_the_catalogue_loads() {
    let errors = load_with_facts(|text| {
        text.replacen(
            "name = \"client.age\"\ntype = \"int\"\nmin = 0\nmax = 130",
            "name = \"client.age\"\ntype = \"int\"\nmin = 130\nmax = 0",
            1,
        )
    })
    .unwrap_err();
    assert_eq!(
        errors,
        "rules/facts.toml: fact `client.age` has `min` 130 above `max` 0"
    );
    let errors = load_with_facts(|text| {
        text.replacen(
            "name = \"case.urgent\"\ntype = \"bool\"",
            "name = \"case.urgent\"\ntype = \"bool\"\nmax = 1",
            1,
        )
    })
    .unwrap_err();
    assert_eq!(
        errors,
        "rules/facts.toml: fact `case.urgent` has `min` or `max` but is not an `int`"
    );
}

#[test]
fn the_catalogue_bounds_the_clients_age() {
    let rules = load_dir(&root().join("rules")).unwrap();
    let age = |number: i64| {
        rules
            .catalogue()
            .facts_from_json(&serde_json::json!({ "client": { "age": number } }))
            .map(|_| ())
            .map_err(|error| error.to_string())
    };
    assert_eq!(age(0), Ok(()));
    assert_eq!(age(130), Ok(()));
    assert_eq!(
        age(-3),
        Err("fact `client.age` must be from 0 to 130, got `-3`".to_owned())
    );
}

#[test]
fn compiled_json_dates_are_read_only_as_yyyy_mm_dd() {
    let rules = load_dir(&root().join("rules")).unwrap();
    let json = rules
        .to_json()
        .replacen("\"valid_from\":\"2023-01-01\"", "\"valid_from\":\"2023-1-1\"", 1);
    assert_ne!(json, rules.to_json(), "the test did not change anything");
    let errors = RuleSet::from_json(&json, "county.json").unwrap_err().to_string();
    assert!(
        errors.contains("`2023-1-1` is not a date in the form YYYY-MM-DD"),
        "{errors}"
    );
}

/// The public bundle embeds only the rules a citizen's screens read (routing to urgent help and the
/// notices): for every case, those findings are the same as the whole set's, and the rules a worker
/// alone sees are left out.
#[test]
fn the_citizens_part_gives_the_same_routings_and_notices() {
    use tyokyky_engine::rule::Consequence;
    let whole = load_dir(&root().join("rules")).unwrap_or_else(|errors| panic!("{errors}"));
    let citizens = whole
        .for_citizens(|fact| ["case.urgent", "assessment.obviously_unnecessary"].contains(&fact))
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert!(
        citizens.catalogue().definitions().len() < 10,
        "only the facts needed"
    );
    let shown = |rule: &tyokyky_engine::rule::Rule| {
        matches!(rule.then, Consequence::Notice | Consequence::Routing { .. })
    };
    assert!(citizens.counts().0 >= 2 && citizens.counts().0 < whole.counts().0 / 4);
    assert_eq!(citizens.compiled().source_hash, whole.compiled().source_hash);
    let again = RuleSet::from_json(&citizens.to_json(), "rules-citizen.json").unwrap();
    assert_eq!(again.counts(), citizens.counts());
    let mut seen = 0;
    for (opened, urgent, unnecessary) in [
        ("2024-03-01", true, false),
        ("2024-03-01", false, false),
        ("2025-06-02", false, true),
        ("2023-01-02", true, true),
    ] {
        let case = serde_json::json!({
            "case.opened_on": opened,
            "case.urgent": urgent,
            "assessment.obviously_unnecessary": unnecessary,
        });
        let findings = |rules: &RuleSet| -> Vec<(String, String)> {
            let facts = rules.catalogue().facts_from_json(&case).unwrap();
            rules
                .evaluate(&facts)
                .unwrap()
                .findings
                .iter()
                .filter(|finding| shown(finding.rule))
                .map(|finding| (finding.rule.id.clone(), format!("{:?}", finding.status)))
                .collect()
        };
        let expected = findings(&whole);
        seen += expected.len();
        assert_eq!(findings(&citizens), expected, "{case}");
    }
    assert!(seen >= 4, "the cases show {seen} routings and notices");
}
