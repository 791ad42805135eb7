//! Questionnaires as data: every file in `rules/questionnaires/` loads against the real facts; the small
//! fixture (`tests/fixtures/questionnaire/good/small.toml`) shows how answers choose the questions shown
//! and become facts (three-valued: a skipped question leaves its facts unknown); every file in
//! `tests/fixtures/questionnaire/bad/` fails with exactly the message recorded beside it
//! (`<name>.expected`; record new ones with `UPDATE_GOLDEN=1 cargo test -p tyokyky-engine --features toml
//! --test questionnaire` and review the diff).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::path::Path;

use common::{assert_recorded_messages, root, toml_files};

use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::eval::Status;
use tyokyky_engine::facts::{Facts, Value};
use tyokyky_engine::load::{load_catalogue, load_dir, load_questionnaire, questionnaire_files};
use tyokyky_engine::questionnaire::{Answer, AnswerProblem, Answers, Questionnaire};
use tyokyky_engine::ruleset::RuleSet;

fn rules() -> RuleSet {
    load_dir(&root().join("rules")).unwrap_or_else(|errors| panic!("{errors}"))
}

fn load(path: &Path, rules: &RuleSet) -> Result<Questionnaire, tyokyky_engine::error::LoadErrors> {
    let name = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    load_questionnaire(path, &name, rules)
}

fn small(rules: &RuleSet) -> Questionnaire {
    load(
        &root().join("tests/fixtures/questionnaire/good/small.toml"),
        rules,
    )
    .unwrap_or_else(|errors| panic!("{errors}"))
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(id, answer)| ((*id).to_owned(), answer.clone()))
        .collect()
}

fn options(values: &[&str]) -> Answer {
    Answer::Options(values.iter().map(|value| (*value).to_owned()).collect())
}

/// The facts the answers give, on a case opened on 2026-11-23.
fn facts_of(rules: &RuleSet, questionnaire: &Questionnaire, given: &Answers) -> Facts {
    let mut facts = rules
        .catalogue()
        .facts_from_json(&serde_json::json!({ "case": { "opened_on": "2026-11-23", "initiator": "client" } }))
        .unwrap();
    questionnaire.apply(given, &mut facts);
    facts
}

fn fact(rules: &RuleSet, facts: &Facts, name: &str) -> Option<Value> {
    facts.get(rules.catalogue().index(name).unwrap()).cloned()
}

#[test]
fn every_questionnaire_in_rules_loads() {
    let rules = rules();
    let paths = questionnaire_files(&root().join("rules"));
    assert!(
        paths
            .iter()
            .any(|path| path.ends_with("questionnaires/self_assessment.toml")),
        "{paths:?}"
    );
    for path in paths {
        let questionnaire =
            load(&path, &rules).unwrap_or_else(|errors| panic!("{} should load:\n{errors}", path.display()));
        assert!(!questionnaire.questions().is_empty());
    }
}

#[test]
fn a_follow_up_question_is_shown_only_when_its_condition_holds() {
    let rules = rules();
    let questionnaire = small(&rules);
    let position = |id: &str| questionnaire.questions().iter().position(|q| q.id == id).unwrap();
    let half_days = position("half_days");
    // Not yet known whether the person wants work: not shown.
    assert!(!questionnaire.shown(&Answers::new())[half_days]);
    let wants_work = answers(&[("goal", Answer::Text("work".into()))]);
    assert!(questionnaire.shown(&wants_work)[half_days]);
    let wants_something_to_do = answers(&[("goal", Answer::Text("participation".into()))]);
    assert!(!questionnaire.shown(&wants_something_to_do)[half_days]);
}

#[test]
fn an_answer_to_a_question_no_longer_shown_does_not_count() {
    let rules = rules();
    let questionnaire = small(&rules);
    let given = answers(&[
        ("goal", Answer::Text("participation".into())),
        ("half_days", Answer::Bool(true)),
    ]);
    assert!(!questionnaire.effective(&given).contains_key("half_days"));
    let facts = facts_of(&rules, &questionnaire, &given);
    assert_eq!(fact(&rules, &facts, "client.can_attend_half_days_weekly"), None);
    assert_eq!(
        fact(&rules, &facts, "client.goal"),
        Some(Value::Choice(4)),
        "participation is the fifth goal"
    );
}

#[test]
fn answers_set_facts_directly_and_through_derives() {
    let rules = rules();
    let questionnaire = small(&rules);
    let given = answers(&[
        ("score", Answer::Number(4)),
        ("goal", Answer::Text("work".into())),
        ("half_days", Answer::Bool(false)),
    ]);
    let facts = facts_of(&rules, &questionnaire, &given);
    assert_eq!(
        fact(&rules, &facts, "client.work_ability_score"),
        Some(Value::Int(4))
    );
    assert_eq!(fact(&rules, &facts, "client.goal"), Some(Value::Choice(0)));
    assert_eq!(
        fact(&rules, &facts, "client.can_attend_half_days_weekly"),
        Some(Value::Bool(false))
    );
}

#[test]
fn a_skipped_sensitive_question_leaves_its_fact_unknown_not_false() {
    let rules = rules();
    let questionnaire = small(&rules);
    let skipped = facts_of(&rules, &questionnaire, &Answers::new());
    assert_eq!(
        fact(&rules, &skipped, "client.mental_health_or_substance_need"),
        None
    );
    let said_no = facts_of(&rules, &questionnaire, &answers(&[("mood", Answer::Bool(false))]));
    assert_eq!(
        fact(&rules, &said_no, "client.mental_health_or_substance_need"),
        Some(Value::Bool(false))
    );
}

#[test]
fn one_urgent_option_is_enough_to_route_to_urgent_help_under_36_section() {
    let rules = rules();
    let questionnaire = small(&rules);
    let routing = |given: &Answers| {
        let facts = facts_of(&rules, &questionnaire, given);
        let outcome = rules.evaluate(&facts).unwrap();
        (
            fact(&rules, &facts, "case.urgent"),
            outcome
                .finding("shl-36-urgent-need")
                .map(|finding| finding.status),
        )
    };
    // Not answered: urgency unknown, and the rule says it needs the fact.
    assert_eq!(routing(&Answers::new()), (None, Some(Status::NeedsFacts)));
    // Answered with nothing ticked: not urgent, the rule does not apply.
    assert_eq!(
        routing(&answers(&[("right_now", options(&[]))])),
        (Some(Value::Bool(false)), None)
    );
    // One ticked: urgent, routed at once.
    assert_eq!(
        routing(&answers(&[("right_now", options(&["no_food"]))])),
        (Some(Value::Bool(true)), Some(Status::Applies))
    );
}

#[test]
fn answers_are_checked_against_their_question() {
    let rules = rules();
    let questionnaire = small(&rules);
    assert_eq!(
        questionnaire.problem("score", &Answers::new()),
        Some(AnswerProblem::Missing)
    );
    assert_eq!(
        questionnaire.problem("score", &answers(&[("score", Answer::Number(11))])),
        Some(AnswerProblem::NotAnOption)
    );
    assert_eq!(
        questionnaire.problem("mood", &Answers::new()),
        None,
        "sensitive: skippable"
    );
    assert_eq!(
        questionnaire.problem("goal", &answers(&[("goal", Answer::Text("party".into()))])),
        Some(AnswerProblem::NotAnOption)
    );
    assert_eq!(
        questionnaire.problem(
            "right_now",
            &answers(&[("right_now", options(&["no_food", "nope"]))])
        ),
        Some(AnswerProblem::NotAnOption)
    );
    let long = "x".repeat(2001);
    assert_eq!(
        questionnaire.problem("own_words", &answers(&[("own_words", Answer::Text(long))])),
        Some(AnswerProblem::TooLong)
    );
    // A wrong answer never becomes a fact.
    let facts = facts_of(&rules, &questionnaire, &answers(&[("score", Answer::Number(42))]));
    assert_eq!(fact(&rules, &facts, "client.work_ability_score"), None);
}

#[test]
fn a_suggested_service_names_the_answers_it_rests_on() {
    let rules = rules();
    let questionnaire = small(&rules);
    let catalogue: Catalogue = load_catalogue(
        &root().join("rules/services/example-county.toml"),
        "rules/services/example-county.toml",
        &rules,
    )
    .unwrap();
    let service = catalogue.service("kuntouttava-tyotoiminta").unwrap();
    let given = answers(&[
        ("score", Answer::Number(5)),
        ("goal", Answer::Text("work".into())),
        ("half_days", Answer::Bool(true)),
        ("mood", Answer::Bool(true)),
    ]);
    let ids: Vec<&str> = questionnaire
        .reasons(&rules, service, &given)
        .into_iter()
        .map(|index| questionnaire.questions()[index].id.as_str())
        .collect();
    // It leads to work (what the person wants) and needs half a day a week; mood is no reason for it.
    assert_eq!(ids, ["goal", "half_days"]);
    // It also leads to participation, and that alone is the reason for someone who wants that.
    let elsewhere = answers(&[("goal", Answer::Text("participation".into()))]);
    let ids: Vec<&str> = questionnaire
        .reasons(&rules, service, &elsewhere)
        .into_iter()
        .map(|index| questionnaire.questions()[index].id.as_str())
        .collect();
    assert_eq!(ids, ["goal"]);
    let mental = catalogue.service("mielenterveys-ja-paihdepalvelut").unwrap();
    let ids: Vec<&str> = questionnaire
        .reasons(&rules, mental, &given)
        .into_iter()
        .map(|index| questionnaire.questions()[index].id.as_str())
        .collect();
    // It leads to rehabilitation and participation, not work: the goal is no reason for it here.
    assert_eq!(ids, ["mood"]);
}

#[test]
fn none_of_these_clears_the_other_options_and_they_clear_it() {
    let rules = rules();
    let questionnaire = small(&rules);
    let question = questionnaire.question("right_now").unwrap();
    let owned = |values: &[&str]| values.iter().map(|value| (*value).to_owned()).collect::<Vec<_>>();
    let both = Questionnaire::toggle(question, &owned(&["no_food"]), "no_place_to_sleep", true);
    assert_eq!(
        both,
        owned(&["no_place_to_sleep", "no_food"]),
        "in the questionnaire's order"
    );
    assert_eq!(
        Questionnaire::toggle(question, &both, "none", true),
        owned(&["none"])
    );
    assert_eq!(
        Questionnaire::toggle(question, &owned(&["none"]), "no_food", true),
        owned(&["no_food"])
    );
    assert_eq!(
        Questionnaire::toggle(question, &both, "no_food", false),
        owned(&["no_place_to_sleep"])
    );
}

#[test]
fn the_compiled_json_reads_back_to_the_same_questionnaire() {
    let rules = rules();
    let questionnaire = small(&rules);
    let again = Questionnaire::from_json(&questionnaire.to_json(), &rules, "small.json").unwrap();
    assert_eq!(again.file(), questionnaire.file());
    let damaged = questionnaire
        .to_json()
        .replacen("\"type\":\"score\"", "\"type\":\"scroe\"", 1);
    let error = Questionnaire::from_json(&damaged, &rules, "small.json")
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("small.json"), "{error}");
}

#[test]
fn bad_questionnaire_fixtures_fail_with_their_recorded_messages() {
    let rules = rules();
    let paths = toml_files("tests/fixtures/questionnaire/bad");
    assert!(paths.len() >= 15, "only {} bad fixtures", paths.len());
    assert_recorded_messages(&paths, |path| {
        let message = match load(path, &rules) {
            Ok(_) => panic!("{} should fail to load", path.display()),
            Err(errors) => errors.to_string(),
        };
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            message
                .lines()
                .all(|line| line.contains(&format!("questionnaire/bad/{name}"))),
            "not located: {message}"
        );
        message
    });
}
