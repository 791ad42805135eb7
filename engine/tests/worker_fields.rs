//! The worker-assisted form declares each field once (`forms::worker::FIELDS`). These tests keep that
//! table and the law in step: every fact a rule names is a field of the form (asked, or derived from
//! the case), and every fact a field gives is declared in `rules/facts.toml` with the kind of value the
//! field gives.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::collections::BTreeSet;

use tyokyky_engine::bundle::{self, Selection};
use tyokyky_engine::facts::FactType;
use tyokyky_engine::forms::worker::{FIELDS, Input, NOT_ASKED, field_of_fact};
use tyokyky_engine::rule::{Condition, Consequence};

/// Every fact name in `condition`.
fn facts_in(condition: &Condition, out: &mut BTreeSet<String>) {
    for part in condition.all.iter().chain(&condition.any).flatten() {
        facts_in(part, out);
    }
    if let Some(part) = &condition.not {
        facts_in(part, out);
    }
    for fact in [
        &condition.fact,
        &condition.before,
        &condition.born,
        &condition.age,
        &condition.on,
    ]
    .into_iter()
    .flatten()
    {
        out.insert(fact.clone());
    }
}

/// Every fact the rules in `rules/` name: in conditions, requirements, the fields a finding points at,
/// and the facts deadlines run from.
fn facts_named_by_rules() -> BTreeSet<String> {
    let compiled = bundle::compile(&common::root().join("rules"), &Selection::default()).unwrap();
    let mut named = BTreeSet::new();
    for rule in &compiled.rules.compiled().rules {
        if let Some(when) = &rule.when {
            facts_in(when, &mut named);
        }
        match &rule.then {
            Consequence::Requirement { must, fields, .. } => {
                facts_in(must, &mut named);
                named.extend(fields.iter().cloned());
            }
            Consequence::Role { must, fields, .. } => {
                if let Some(must) = must {
                    facts_in(must, &mut named);
                }
                named.extend(fields.iter().cloned());
            }
            Consequence::Deadline(deadline) => named.extend(deadline.from.iter().cloned()),
            Consequence::Routing { .. } | Consequence::Notice => {}
        }
    }
    named
}

#[test]
fn every_fact_a_rule_names_is_a_field_of_the_worker_form() {
    let missing: Vec<String> = facts_named_by_rules()
        .into_iter()
        .filter(|fact| field_of_fact(fact).is_none())
        .filter(|fact| !NOT_ASKED.iter().any(|(name, _)| name == fact))
        .collect();
    assert!(
        missing.is_empty(),
        "facts the rules name that no field of the worker form gives (add a row to forms::worker::FIELDS): {missing:?}"
    );
}

#[test]
fn a_fact_left_unasked_is_one_the_rules_name_and_no_field_gives() {
    let named = facts_named_by_rules();
    for (fact, why) in NOT_ASKED {
        assert!(
            named.contains(*fact),
            "`{fact}` is listed as not asked ({why}) but no rule names it"
        );
        assert!(
            field_of_fact(fact).is_none(),
            "`{fact}` is listed as not asked but a field gives it"
        );
    }
}

#[test]
fn every_fact_a_field_gives_is_declared_with_the_right_type() {
    let compiled = bundle::compile(&common::root().join("rules"), &Selection::default()).unwrap();
    let catalogue = compiled.rules.catalogue();
    let mut problems = Vec::new();
    for field in FIELDS {
        let Some(fact) = field.fact else { continue };
        let Some(definition) = catalogue.index(fact).and_then(|index| catalogue.get(index)) else {
            problems.push(format!(
                "field `{}` gives `{fact}`, which rules/facts.toml does not declare",
                field.key
            ));
            continue;
        };
        let fits = match (field.input, &definition.fact_type) {
            (Input::Date, FactType::Date) => true,
            (Input::Number { .. } | Input::Derived, FactType::Int) => true,
            (Input::YesNo, FactType::Bool) => true,
            (Input::Line | Input::Text, FactType::Text) => true,
            (Input::Radios(choices) | Input::Select { choices, .. }, FactType::Choice(values)) => choices
                .iter()
                .all(|choice| values.iter().any(|value| value == choice.value)),
            _ => false,
        };
        if !fits {
            problems.push(format!(
                "field `{}` answers as {:?}, but `{fact}` is {:?}",
                field.key, field.input, definition.fact_type
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_number_field_keeps_only_numbers_its_fact_allows() {
    // A number the worker types above the field's `max` is not kept; every number kept must lie within
    // the fact's `min` and `max` in rules/facts.toml, or the form would give facts the rules refuse.
    let compiled = bundle::compile(&common::root().join("rules"), &Selection::default()).unwrap();
    let catalogue = compiled.rules.catalogue();
    for field in FIELDS {
        let (Some(fact), Input::Number { max }) = (field.fact, &field.input) else {
            continue;
        };
        let definition = catalogue.get(catalogue.index(fact).unwrap()).unwrap();
        assert!(
            definition.in_range(0) && definition.in_range(i64::from(*max)),
            "field `{}` keeps 0 to {max}, but `{fact}` must be {}",
            field.key,
            definition.range()
        );
    }
}

#[test]
fn the_date_of_birth_is_asked_while_the_age_leaves_over_75_open_and_kept_in_view_once_given() {
    let born_on = field_of_fact("client.born_on").unwrap();
    let mut case = tyokyky_engine::forms::case::Case::default();
    let shown = |age: Option<u8>, case: &mut tyokyky_engine::forms::case::Case| {
        case.client.age = age;
        born_on.is_shown(case)
    };
    assert!(shown(None, &mut case));
    assert!(shown(Some(75), &mut case));
    assert!(!shown(Some(74), &mut case));
    assert!(!shown(Some(76), &mut case));
    case.client.born_on = chrono::NaiveDate::from_ymd_opt(1950, 5, 10);
    assert!(
        shown(Some(76), &mut case),
        "a given date of birth decides, so it stays in view"
    );
}
