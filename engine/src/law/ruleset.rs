//! A validated rule set: every rule version checked and its conditions compiled against the fact
//! catalogue, ready to evaluate. Built from TOML files by [`crate::law::load`] (natively) or from the compiled
//! JSON by [`RuleSet::from_json`] (for another reader of the compiled rules); both run the same checks. The
//! app gets the checked value baked in as Rust by its build (`crate::bake`).

use chrono::NaiveDate;

use crate::law::error::LoadErrors;
use crate::law::facts::FactCatalogue;
use crate::law::rule::{CompiledRules, Condition, Consequence, Rule};

/// The fact that holds the case's opening date (vireilletulo); it chooses the wording of the law.
pub const OPENING_DATE_FACT: &str = "case.opened_on";

/// Where a rule version was written, for error messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The file.
    pub file: String,
    /// The line of the rule's `[[rule]]` header, when known.
    pub line: Option<usize>,
}

/// A comparison of a number fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[doc(hidden)] // public for the baked data only (`crate::bake`)
pub enum Compare {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// A condition compiled against the catalogue (facts by index, choices by index, rules by group).
#[derive(Debug, Clone, PartialEq, Eq)]
#[doc(hidden)] // public for the baked data only (`crate::bake`)
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Applies(usize),
    Is(usize, bool),
    Number(usize, Compare, i64),
    Choice {
        fact: usize,
        values: Vec<usize>,
        negate: bool,
    },
    Present(usize, bool),
    /// The date fact `fact` is a day earlier than the date fact `than`.
    Before {
        fact: usize,
        than: usize,
    },
    /// More than `years` years lived on the date fact `on`, from the date of birth `born`, or else from
    /// the age in whole years `age` when that alone decides.
    AgeOver {
        years: u32,
        born: usize,
        age: usize,
        on: usize,
    },
}

/// The consequence of a rule, with its fact names resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
#[doc(hidden)] // public for the baked data only (`crate::bake`)
pub enum Then {
    Requirement { must: Cond },
    Deadline { from: Option<usize> },
    Role { must: Option<Cond> },
    Routing,
    Notice,
}

/// One version of a rule, validated and compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
#[doc(hidden)] // public for the baked data only (`crate::bake`)
pub struct CompiledVersion {
    #[doc(hidden)]
    pub rule: Rule,
    #[doc(hidden)]
    pub when: Option<Cond>,
    #[doc(hidden)]
    pub then: Then,
}

/// All versions of one rule id, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[doc(hidden)] // public for the baked data only (`crate::bake`)
pub struct RuleGroup {
    #[doc(hidden)]
    pub id: String,
    #[doc(hidden)]
    pub versions: Vec<CompiledVersion>,
    /// The date fact that chooses the version (`wording_by`, or the opening date).
    #[doc(hidden)]
    pub wording_by: usize,
}

impl RuleGroup {
    pub fn in_force(&self, date: NaiveDate) -> Option<&CompiledVersion> {
        self.versions.iter().find(|version| version.rule.in_force(date))
    }
}

/// A validated, compiled rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    #[doc(hidden)]
    pub compiled: CompiledRules,
    #[doc(hidden)]
    pub catalogue: FactCatalogue,
    #[doc(hidden)]
    pub groups: Vec<RuleGroup>,
    /// Groups in an order where every rule comes after the rules its `applies` conditions name.
    #[doc(hidden)]
    pub order: Vec<usize>,
    #[doc(hidden)]
    pub opening_date: usize,
}

impl RuleSet {
    /// Reads a compiled rule set (the JSON that `tyokyky-rules compile` writes) and validates it exactly
    /// as the TOML loader does. `file` names it in error messages.
    pub fn from_json(json: &str, file: &str) -> Result<RuleSet, LoadErrors> {
        let compiled: CompiledRules = crate::law::error::from_json_located(json, file)?;
        RuleSet::new(compiled, &[], file)
    }

    /// The rule set as compiled JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.compiled).unwrap_or_default()
    }

    /// The rule set as it was compiled (name, version, hash, settings, facts, rules).
    pub fn compiled(&self) -> &CompiledRules {
        &self.compiled
    }

    /// The fact catalogue.
    pub fn catalogue(&self) -> &FactCatalogue {
        &self.catalogue
    }

    /// Every rule id, in the order the files define them.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().map(|group| group.id.as_str())
    }

    /// The number of rule ids and of rule versions.
    pub fn counts(&self) -> (usize, usize) {
        (self.groups.len(), self.compiled.rules.len())
    }
}

impl RuleSet {
    /// The part of the rule set a citizen's screens read: the rules that route (urgent help) or give a
    /// notice (such as the right to a service-need assessment), with every rule their `applies`
    /// conditions name, and the facts those rules, the opening date and `needed` (the facts the
    /// catalogue and the questionnaire name) call for, without their descriptions (only the worker's
    /// screens show those). The public bundle embeds this instead of the whole set; the name, version and
    /// source hash stay those of the whole set, so a document still names the rules it was made under.
    pub fn for_citizens(&self, needed: impl Fn(&str) -> bool) -> Result<RuleSet, LoadErrors> {
        let mut keep: Vec<&str> = self
            .compiled
            .rules
            .iter()
            .filter(|rule| matches!(rule.then, Consequence::Notice | Consequence::Routing { .. }))
            .map(|rule| rule.id.as_str())
            .collect();
        let mut next = 0;
        while next < keep.len() {
            let id = keep[next];
            for rule in self.compiled.rules.iter().filter(|rule| rule.id == id) {
                if let Some(condition) = &rule.when {
                    named_rules(condition, &mut keep);
                }
            }
            next += 1;
        }
        let mut compiled = self.compiled.clone();
        compiled.rules.retain(|rule| keep.contains(&rule.id.as_str()));
        // A fact a kept rule names appears in its JSON as a string of its own.
        let kept = serde_json::to_string(&compiled.rules).unwrap_or_default();
        compiled.facts.retain(|fact| {
            fact.name == OPENING_DATE_FACT
                || needed(&fact.name)
                || kept.contains(&format!("\"{}\"", fact.name))
        });
        for fact in &mut compiled.facts {
            fact.description_fi.clear();
        }
        RuleSet::new(compiled, &[], "citizen rules")
    }
}

/// Adds to `ids` every rule id an `applies` inside `condition` names (each once).
fn named_rules<'a>(condition: &'a Condition, ids: &mut Vec<&'a str>) {
    if let Some(id) = &condition.applies
        && !ids.contains(&id.as_str())
    {
        ids.push(id);
    }
    for part in condition.all.iter().chain(condition.any.iter()).flatten() {
        named_rules(part, ids);
    }
    if let Some(part) = &condition.not {
        named_rules(part, ids);
    }
}
