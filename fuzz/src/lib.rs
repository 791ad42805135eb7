//! What the fuzz targets of `fuzz_targets/` run: each takes arbitrary bytes through one input path of
//! tyokyky and, when the input is accepted, on through what is done with it next (evaluation, matching,
//! the compiled JSON and back), so the fuzzer reaches past the parser. A returned error is fine; a panic,
//! an overflow (the targets are built with debug assertions), a timeout or running out of memory is a
//! finding. The checks written `assert!` are invariants whose failure is a bug too.
//!
//! The real `rules/` folder and the cases of `bench/engine-cases.json` are the context, so a fuzzed
//! rule file, catalogue or questionnaire is checked against the facts the project actually has.
#![allow(
    clippy::expect_used,
    reason = "fuzz harness: if the real rules/ do not load, every input would be meaningless, so stop at once"
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::document::{Document, ErrorResponse};
use tyokyky_engine::facts::Facts;
use tyokyky_engine::load::{
    SourceFile, catalogue_from_source, from_files, load_dir, questionnaire_from_source,
};
use tyokyky_engine::questionnaire::{Answer, AnswerType, Answers, Questionnaire};
use tyokyky_engine::ruleset::RuleSet;

/// The repository's `rules/` folder (the fuzz crate sits in `fuzz/`).
fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../rules")
}

/// A file of `rules/`, named as the loader names it.
fn rules_file(name: &str) -> SourceFile {
    let text = std::fs::read_to_string(rules_dir().join(name)).expect("rules/ is readable");
    SourceFile {
        name: format!("rules/{name}"),
        text,
    }
}

/// The real `rules/settings.toml`, `rules/facts.toml` and `rules/acts.toml`.
fn settings_facts_and_acts() -> &'static (SourceFile, SourceFile, SourceFile) {
    static FILES: OnceLock<(SourceFile, SourceFile, SourceFile)> = OnceLock::new();
    FILES.get_or_init(|| {
        (
            rules_file("settings.toml"),
            rules_file("facts.toml"),
            rules_file("acts.toml"),
        )
    })
}

/// The real rule set.
fn real_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| load_dir(&rules_dir()).expect("rules/ loads"))
}

/// The cases of `bench/engine-cases.json` (their `facts` objects) and an empty case.
fn case_values() -> &'static [serde_json::Value] {
    static CASES: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    CASES.get_or_init(|| {
        let json: serde_json::Value = serde_json::from_str(include_str!("../../bench/engine-cases.json"))
            .expect("bench/engine-cases.json is JSON");
        let mut cases: Vec<serde_json::Value> = json
            .as_array()
            .expect("bench/engine-cases.json is an array")
            .iter()
            .filter_map(|case| case.get("facts").cloned())
            .collect();
        cases.push(serde_json::json!({}));
        cases
    })
}

/// Evaluates `facts` with `rules` and renders the report, as the CLI's `evaluate` prints it.
fn evaluate(rules: &RuleSet, facts: &Facts) {
    match rules.evaluate(facts) {
        Ok(outcome) => {
            let _ = serde_json::to_string_pretty(&outcome.report(rules));
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
}

/// Valid UTF-8 only: every loader reads its file as a `String`.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// `rule_file`: one rule file, loaded with the real settings, fact catalogue and register of acts (as the engine's
/// `rule_files` tests load their fixtures); an accepted rule set is compiled to JSON, read back, and
/// evaluates every case.
pub fn rule_file(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (settings, facts, acts) = settings_facts_and_acts();
    let file = SourceFile {
        name: "rules/fuzz/input.toml".to_owned(),
        text: text.to_owned(),
    };
    let rules = match from_files(settings, facts, acts, &[file]) {
        Ok(rules) => rules,
        Err(errors) => {
            let _ = errors.to_string();
            return;
        }
    };
    let compiled = RuleSet::from_json(&rules.to_json(), "compiled.json");
    assert!(
        compiled.is_ok(),
        "an accepted rule set must read back from its compiled JSON: {:?}",
        compiled.err().map(|errors| errors.to_string())
    );
    for case in case_values() {
        if let Ok(facts) = rules.catalogue().facts_from_json(case) {
            evaluate(&rules, &facts);
        }
    }
}

/// `catalogue`: a service catalogue against the real rule set; an accepted one is read back from its
/// compiled JSON and matched against every case.
pub fn catalogue(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let rules = real_rules();
    let file = SourceFile {
        name: "rules/services/input.toml".to_owned(),
        text: text.to_owned(),
    };
    let catalogue = match catalogue_from_source(&file, rules) {
        Ok(catalogue) => catalogue,
        Err(errors) => {
            let _ = errors.to_string();
            return;
        }
    };
    let compiled = Catalogue::from_json(&catalogue.to_json(), rules, "compiled.json");
    assert!(
        compiled.is_ok(),
        "an accepted catalogue must read back from its compiled JSON: {:?}",
        compiled.err().map(|errors| errors.to_string())
    );
    for case in case_values() {
        if let Ok(facts) = rules.catalogue().facts_from_json(case) {
            let _ = format!("{:?}", catalogue.matching(rules, &facts));
        }
    }
}

/// Answers to every question of `questionnaire`: the first option, all options, a middle score, yes,
/// or a short text, by type.
fn sample_answers(questionnaire: &Questionnaire, all_options: bool) -> Answers {
    questionnaire
        .questions()
        .iter()
        .filter_map(|question| {
            let answer = match question.answer_type {
                AnswerType::YesNo => Answer::Bool(all_options),
                AnswerType::Score => Answer::Number(if all_options { 10 } else { 5 }),
                AnswerType::Text => Answer::Text("x".to_owned()),
                AnswerType::Choice => Answer::Text(question.options.first()?.value.clone()),
                AnswerType::Multi if all_options => Answer::Options(
                    question
                        .options
                        .iter()
                        .map(|option| option.value.clone())
                        .collect(),
                ),
                AnswerType::Multi => Answer::Options(
                    question
                        .options
                        .iter()
                        .take(1)
                        .map(|option| option.value.clone())
                        .collect(),
                ),
            };
            Some((question.id.clone(), answer))
        })
        .collect()
}

/// `questionnaire`: a questionnaire against the real rule set; an accepted one is read back from its
/// compiled JSON, answered three ways (nothing, first options, all options), and the facts the answers
/// give are evaluated and matched against the real catalogue's services.
pub fn questionnaire(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let rules = real_rules();
    let file = SourceFile {
        name: "rules/questionnaires/input.toml".to_owned(),
        text: text.to_owned(),
    };
    let questionnaire = match questionnaire_from_source(&file, rules) {
        Ok(questionnaire) => questionnaire,
        Err(errors) => {
            let _ = errors.to_string();
            return;
        }
    };
    let compiled = Questionnaire::from_json(&questionnaire.to_json(), rules, "compiled.json");
    assert!(
        compiled.is_ok(),
        "an accepted questionnaire must read back from its compiled JSON: {:?}",
        compiled.err().map(|errors| errors.to_string())
    );
    for answers in [
        Answers::new(),
        sample_answers(&questionnaire, false),
        sample_answers(&questionnaire, true),
    ] {
        let _ = questionnaire.shown(&answers);
        let _ = questionnaire.effective(&answers);
        for question in questionnaire.questions() {
            let _ = questionnaire.problem(&question.id, &answers);
        }
        let mut facts = rules.catalogue().facts();
        questionnaire.apply(&answers, &mut facts);
        evaluate(rules, &facts);
    }
}

/// `case_json`: the bytes as the case file of `tyokyky-rules evaluate` (cli/src/main.rs): read as text,
/// parsed as JSON, required to be an object, read into facts of the real rules and evaluated.
pub fn case_json(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    if !json.is_object() {
        return;
    }
    let rules = real_rules();
    match rules.catalogue().facts_from_json(&json) {
        Ok(facts) => evaluate(rules, &facts),
        Err(error) => {
            let _ = error.to_string();
        }
    }
}

/// `document`: the bytes as the body of `POST /api/documents`, decoded and validated as the inbox does
/// (`Document::decode`); a rejection becomes the inbox's error body, an accepted document must encode to
/// JSON that decodes to the same document.
pub fn document(data: &[u8]) {
    match Document::decode(data) {
        Ok(document) => {
            let again = Document::decode(document.to_json().as_bytes());
            assert_eq!(
                again.as_ref().ok(),
                Some(&document),
                "an accepted document must read back from its JSON: {again:?}"
            );
        }
        Err(problem) => {
            let _ = serde_json::to_string(&ErrorResponse::from(&problem));
        }
    }
}
