//! Typed facts about a case: the only input the rules read.
//!
//! Every fact the rules may mention is declared in the fact catalogue (`rules/facts.toml`) with its type.
//! A rule that names an undeclared fact does not load, and a case that gives a value of the wrong type is
//! refused with the fact's name. Facts are stored by their index in the catalogue, so evaluating a rule
//! looks a value up by position, not by name.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::calendar::{DateError, parse_date};

/// The type of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum FactType {
    /// Yes or no.
    Bool,
    /// A whole number (e.g. age in years).
    Int,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// Free text; the rules only ask whether it was given (non-blank).
    Text,
    /// One of a fixed list of values.
    Choice(Vec<String>),
}

impl fmt::Display for FactType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactType::Bool => write!(f, "true or false"),
            FactType::Int => write!(f, "a whole number"),
            FactType::Date => write!(f, "a date (YYYY-MM-DD)"),
            FactType::Text => write!(f, "text"),
            FactType::Choice(values) => write!(f, "one of `{}`", values.join("`, `")),
        }
    }
}

/// One declared fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDefinition {
    /// Dotted name, e.g. `client.age`.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub fact_type: FactType,
    /// What it means, in Finnish (the law's term); its translations are in the language folders
    /// (`locales/<tag>/texts.ftl`, by the hash of this text).
    pub description_fi: String,
    /// For an `int` fact: the smallest value a case may give (no bound if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// For an `int` fact: the largest value a case may give (no bound if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

impl FactDefinition {
    /// A definition as the baked data writes it (`crate::bake`), in one call.
    #[doc(hidden)]
    #[inline(never)]
    pub fn baked(
        name: String,
        fact_type: FactType,
        description_fi: String,
        min: Option<i64>,
        max: Option<i64>,
    ) -> FactDefinition {
        FactDefinition {
            name,
            fact_type,
            description_fi,
            min,
            max,
        }
    }

    /// Whether `value` lies within the fact's `min` and `max`.
    pub fn in_range(&self, value: i64) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    /// The fact's bounds in words: `from 0 to 130`, `at least 0`, `at most 10`.
    pub fn range(&self) -> String {
        match (self.min, self.max) {
            (Some(min), Some(max)) => format!("from {min} to {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => "any whole number".to_owned(),
        }
    }
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// For [`FactType::Bool`].
    Bool(bool),
    /// For [`FactType::Int`].
    Int(i64),
    /// For [`FactType::Date`].
    Date(NaiveDate),
    /// For [`FactType::Text`]; whether non-blank text was given.
    Text(bool),
    /// For [`FactType::Choice`]: the index of the value in the fact's list.
    Choice(usize),
}

/// The declared facts, in catalogue order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactCatalogue {
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub definitions: Vec<FactDefinition>,
}

/// A fact given to a case that the catalogue does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactError {
    /// No fact of that name is declared.
    Unknown {
        /// The name given.
        name: String,
    },
    /// The value does not fit the fact's type.
    WrongType {
        /// The fact.
        name: String,
        /// What the catalogue expects.
        expected: String,
        /// What was given.
        found: String,
    },
    /// A whole number outside the fact's `min` and `max`.
    OutOfRange {
        /// The fact.
        name: String,
        /// The bounds, in words.
        range: String,
        /// The number given.
        found: i64,
    },
    /// The same fact given twice in one object, nested and dotted (`{"case": {"opened_on": …}}` and
    /// `"case.opened_on"`).
    GivenTwice {
        /// The fact.
        name: String,
    },
    /// A date fact given as text that is not a date written `YYYY-MM-DD`.
    NotADate {
        /// The fact.
        name: String,
        /// What is wrong with the text.
        error: DateError,
    },
}

impl fmt::Display for FactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactError::Unknown { name } => write!(f, "unknown fact `{name}`"),
            FactError::WrongType {
                name,
                expected,
                found,
            } => {
                write!(f, "fact `{name}` must be {expected}, got `{found}`")
            }
            FactError::OutOfRange { name, range, found } => {
                write!(f, "fact `{name}` must be {range}, got `{found}`")
            }
            FactError::GivenTwice { name } => write!(f, "fact `{name}` is given twice"),
            FactError::NotADate { name, error } => write!(f, "fact `{name}`: {error}"),
        }
    }
}

impl std::error::Error for FactError {}

impl FactCatalogue {
    /// A catalogue of these definitions (checked by the rule-set loader for duplicates).
    pub fn new(definitions: Vec<FactDefinition>) -> FactCatalogue {
        FactCatalogue { definitions }
    }

    /// The index of the fact called `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.definitions
            .iter()
            .position(|definition| definition.name == name)
    }

    /// ` (did you mean `x`?)` for an unknown fact `name` when a declared fact is close, in native builds
    /// (see [`closest_name`]); nothing in the browser's bundle, which does without.
    pub fn hint(&self, name: &str) -> String {
        #[cfg(feature = "toml")]
        return did_you_mean(
            name,
            self.definitions.iter().map(|definition| definition.name.as_str()),
        );
        #[cfg(not(feature = "toml"))]
        {
            let _ = name;
            String::new()
        }
    }

    /// The definition at `index`.
    pub fn get(&self, index: usize) -> Option<&FactDefinition> {
        self.definitions.get(index)
    }

    /// Every definition, in catalogue order.
    pub fn definitions(&self) -> &[FactDefinition] {
        &self.definitions
    }

    /// An empty set of facts for this catalogue.
    pub fn facts(&self) -> Facts {
        Facts {
            values: vec![None; self.definitions.len()],
        }
    }

    /// Reads facts from JSON: an object whose keys are fact names, either dotted (`"client.age": 78`)
    /// or nested (`{"client": {"age": 78}}`). `null` leaves a fact unknown. A fact given both ways is
    /// refused rather than one of the two quietly winning.
    pub fn facts_from_json(&self, json: &serde_json::Value) -> Result<Facts, FactError> {
        let mut flat = BTreeMap::new();
        flatten(json, String::new(), &mut flat)?;
        let mut facts = self.facts();
        for (name, value) in flat {
            self.set_json(&mut facts, &name, value)?;
        }
        Ok(facts)
    }

    /// Sets one fact from a JSON value, checking its type.
    pub fn set_json(
        &self,
        facts: &mut Facts,
        name: &str,
        value: &serde_json::Value,
    ) -> Result<(), FactError> {
        let index = self.index(name).ok_or_else(|| FactError::Unknown {
            name: name.to_owned(),
        })?;
        let definition = &self.definitions[index];
        let wrong = || FactError::WrongType {
            name: name.to_owned(),
            expected: definition.fact_type.to_string(),
            found: value.to_string(),
        };
        let parsed = match (&definition.fact_type, value) {
            (_, serde_json::Value::Null) => None,
            (FactType::Bool, serde_json::Value::Bool(flag)) => Some(Value::Bool(*flag)),
            (FactType::Int, serde_json::Value::Number(number)) => {
                Some(Value::Int(number.as_i64().ok_or_else(wrong)?))
            }
            (FactType::Date, serde_json::Value::String(text)) => {
                Some(Value::Date(parse_date(text).map_err(|error| {
                    FactError::NotADate {
                        name: name.to_owned(),
                        error,
                    }
                })?))
            }
            (FactType::Text, serde_json::Value::String(text)) => Some(Value::Text(!text.trim().is_empty())),
            (FactType::Choice(values), serde_json::Value::String(text)) => Some(Value::Choice(
                values.iter().position(|value| value == text).ok_or_else(wrong)?,
            )),
            _ => return Err(wrong()),
        };
        check_range(definition, parsed.as_ref())?;
        facts.values[index] = parsed;
        Ok(())
    }

    /// Sets a fact by name with a typed value (for the app's forms); checks name and type.
    pub fn set(&self, facts: &mut Facts, name: &str, value: Option<Value>) -> Result<(), FactError> {
        let index = self.index(name).ok_or_else(|| FactError::Unknown {
            name: name.to_owned(),
        })?;
        let definition = &self.definitions[index];
        let fits = match (&definition.fact_type, &value) {
            (_, None) => true,
            (FactType::Bool, Some(Value::Bool(_)))
            | (FactType::Int, Some(Value::Int(_)))
            | (FactType::Date, Some(Value::Date(_)))
            | (FactType::Text, Some(Value::Text(_))) => true,
            (FactType::Choice(values), Some(Value::Choice(index))) => *index < values.len(),
            _ => false,
        };
        if !fits {
            return Err(FactError::WrongType {
                name: name.to_owned(),
                expected: definition.fact_type.to_string(),
                found: format!("{value:?}"),
            });
        }
        check_range(definition, value.as_ref())?;
        facts.values[index] = value;
        Ok(())
    }

    /// Sets a choice fact by the name of its value (`"client"`, `"relative_or_close_person"`, …).
    pub fn set_choice(&self, facts: &mut Facts, name: &str, choice: Option<&str>) -> Result<(), FactError> {
        let value = serde_json::Value::from(choice);
        self.set_json(facts, name, &value)
    }
}

/// The known name closest to `given`, if one is close: within two edits, or the same after the last dot
/// (`age` or `person.age` for `client.age`). The nearest wins; on a tie, the first in `known`. Only in
/// native builds (the rule files' checks, the command-line tool): the browser's bundle does without.
#[cfg(feature = "toml")]
pub fn closest_name<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let last = |name: &str| name.rsplit('.').next().unwrap_or_default().to_owned();
    let given_last = last(given);
    known
        .into_iter()
        .filter(|name| *name != given)
        .filter_map(|name| {
            let distance = strsim::levenshtein(given, name);
            if distance <= 2 {
                Some((distance, name))
            } else if last(name) == given_last {
                Some((3, name))
            } else {
                None
            }
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// ` (did you mean `x`?)` when a known name is close to `given` (see [`closest_name`]), else nothing.
#[cfg(feature = "toml")]
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    closest_name(given, known).map_or_else(String::new, |name| format!(" (did you mean `{name}`?)"))
}

/// An error if `value` is a number outside the fact's bounds.
fn check_range(definition: &FactDefinition, value: Option<&Value>) -> Result<(), FactError> {
    match value {
        Some(Value::Int(number)) if !definition.in_range(*number) => Err(FactError::OutOfRange {
            name: definition.name.clone(),
            range: definition.range(),
            found: *number,
        }),
        _ => Ok(()),
    }
}

fn flatten<'a>(
    json: &'a serde_json::Value,
    prefix: String,
    out: &mut BTreeMap<String, &'a serde_json::Value>,
) -> Result<(), FactError> {
    match json {
        serde_json::Value::Object(fields) => {
            for (key, value) in fields {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(value, name, out)?;
            }
        }
        other => {
            if out.contains_key(&prefix) {
                return Err(FactError::GivenTwice { name: prefix });
            }
            out.insert(prefix, other);
        }
    }
    Ok(())
}

/// The known facts of one case, by catalogue index; `None` is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    values: Vec<Option<Value>>,
}

impl Facts {
    /// The value of the fact at `index`, if known.
    pub fn get(&self, index: usize) -> Option<&Value> {
        self.values.get(index).and_then(Option::as_ref)
    }

    /// Sets the fact at `index` (already checked against the catalogue by the caller).
    pub(crate) fn set_at(&mut self, index: usize, value: Option<Value>) {
        if let Some(slot) = self.values.get_mut(index) {
            *slot = value;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A fact of `fact_type` with no descriptions or bounds (the law layer's tests build catalogues so).
    pub(crate) fn definition(name: &str, fact_type: FactType) -> FactDefinition {
        FactDefinition {
            name: name.to_owned(),
            fact_type,
            description_fi: String::new(),
            min: None,
            max: None,
        }
    }

    fn catalogue() -> FactCatalogue {
        FactCatalogue::new(vec![
            definition("case.opened_on", FactType::Date),
            FactDefinition {
                min: Some(0),
                max: Some(130),
                ..definition("client.age", FactType::Int)
            },
        ])
    }

    #[test]
    fn a_number_outside_the_facts_bounds_is_refused() {
        let catalogue = catalogue();
        let age = |number: i64| {
            catalogue
                .facts_from_json(&serde_json::json!({ "client": { "age": number } }))
                .map(|facts| facts.get(1).cloned())
                .map_err(|error| error.to_string())
        };
        assert_eq!(age(0), Ok(Some(Value::Int(0))));
        assert_eq!(age(130), Ok(Some(Value::Int(130))));
        assert_eq!(
            age(-3),
            Err("fact `client.age` must be from 0 to 130, got `-3`".to_owned())
        );
        assert_eq!(
            age(131),
            Err("fact `client.age` must be from 0 to 130, got `131`".to_owned())
        );
        let mut facts = catalogue.facts();
        assert_eq!(
            catalogue.set(&mut facts, "client.age", Some(Value::Int(-1))),
            Err(FactError::OutOfRange {
                name: "client.age".to_owned(),
                range: "from 0 to 130".to_owned(),
                found: -1
            })
        );
        assert_eq!(facts.get(1), None, "nothing is set");
        assert_eq!(
            catalogue.set(&mut facts, "client.age", Some(Value::Int(78))),
            Ok(())
        );
    }

    #[test]
    fn a_date_fact_is_read_only_as_yyyy_mm_dd() {
        let catalogue = catalogue();
        let facts = catalogue
            .facts_from_json(&serde_json::json!({ "case": { "opened_on": "2025-04-17" } }))
            .map_err(|error| error.to_string());
        assert_eq!(
            facts.map(|facts| facts.get(0).cloned()),
            Ok(NaiveDate::from_ymd_opt(2025, 4, 17).map(Value::Date))
        );
        let refused = |text: &str| {
            catalogue
                .facts_from_json(&serde_json::json!({ "case.opened_on": text }))
                .err()
                .map(|error| error.to_string())
        };
        assert_eq!(
            refused("2025-4-17").as_deref(),
            Some("fact `case.opened_on`: `2025-4-17` is not a date in the form YYYY-MM-DD")
        );
        assert_eq!(
            refused("2026-02-30").as_deref(),
            Some("fact `case.opened_on`: `2026-02-30` is not a day of the calendar (YYYY-MM-DD)")
        );
    }

    #[cfg(feature = "toml")]
    #[test]
    fn a_close_name_is_suggested() {
        let known = ["case.opened_on", "client.age", "client.goal"];
        assert_eq!(closest_name("client.agee", known), Some("client.age"));
        assert_eq!(closest_name("person.age", known), Some("client.age"));
        assert_eq!(closest_name("age", known), Some("client.age"));
        assert_eq!(closest_name("client.goa", known), Some("client.goal"));
        assert_eq!(closest_name("weather", known), None);
        assert_eq!(
            did_you_mean("client.agee", known),
            " (did you mean `client.age`?)"
        );
        assert_eq!(did_you_mean("weather", known), "");
    }

    #[test]
    fn a_fact_given_nested_and_dotted_is_refused() {
        let given = serde_json::json!({
            "case": { "opened_on": "2025-04-17" },
            "case.opened_on": "2025-04-18",
        });
        assert_eq!(
            catalogue().facts_from_json(&given),
            Err(FactError::GivenTwice {
                name: "case.opened_on".to_owned()
            })
        );
    }
}
