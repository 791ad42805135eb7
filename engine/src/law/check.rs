//! Checking a rule set before it runs: every rule's facts, choices and `applies` references exist and
//! have the right type, versions of one rule do not overlap, `applies` has no cycle; conditions are
//! compiled to their index-based form on the way. Every problem is a located one-line message. The same
//! checks compile the conditions of the service catalogue and the questionnaire.
//!
//! Run time (evaluating a checked rule set) is [`super::eval`]; the compiled form is [`super::ruleset`].

use std::collections::{BTreeMap, HashMap};

use super::acts::{acts_named, is_act_number};
use super::error::{LoadError, LoadErrors, Location};
use super::facts::{FactCatalogue, FactType};
use super::rule::{CompiledRules, Condition, Consequence, Rule, Scalar};
use super::ruleset::{Compare, CompiledVersion, Cond, OPENING_DATE_FACT, RuleGroup, RuleSet, Source, Then};

impl RuleSet {
    /// Validates and compiles a rule set. `sources[i]` says where `compiled.rules[i]` was written (it may
    /// be shorter, e.g. empty for JSON, in which case `default_file` is named).
    pub fn new(
        compiled: CompiledRules,
        sources: &[Source],
        default_file: &str,
    ) -> Result<RuleSet, LoadErrors> {
        let mut errors = Vec::new();
        let whole = Location {
            file: default_file.to_owned(),
            ..Location::default()
        };

        let mut seen_facts = BTreeMap::new();
        for definition in &compiled.facts {
            if seen_facts.insert(definition.name.clone(), ()).is_some() {
                errors.push(LoadError::new(
                    whole.clone(),
                    format!("fact `{}` is declared twice", definition.name),
                ));
            }
            if let FactType::Choice(values) = &definition.fact_type
                && values.is_empty()
            {
                errors.push(LoadError::new(
                    whole.clone(),
                    format!("fact `{}` has no values", definition.name),
                ));
            }
            if (definition.min.is_some() || definition.max.is_some()) && definition.fact_type != FactType::Int
            {
                errors.push(LoadError::new(
                    whole.clone(),
                    format!(
                        "fact `{}` has `min` or `max` but is not an `int`",
                        definition.name
                    ),
                ));
            }
            if let (Some(min), Some(max)) = (definition.min, definition.max)
                && min > max
            {
                errors.push(LoadError::new(
                    whole.clone(),
                    format!("fact `{}` has `min` {min} above `max` {max}", definition.name),
                ));
            }
        }
        let catalogue = FactCatalogue::new(compiled.facts.clone());
        let opening_date = match catalogue.index(OPENING_DATE_FACT) {
            Some(index) if catalogue.get(index).map(|d| &d.fact_type) == Some(&FactType::Date) => index,
            _ => {
                errors.push(LoadError::new(
                    whole.clone(),
                    format!("the fact catalogue must declare `{OPENING_DATE_FACT}` as a date"),
                ));
                0
            }
        };

        // Group versions by id, remembering where each was written.
        let mut group_of: HashMap<String, usize> = HashMap::new();
        let mut members: Vec<(String, Vec<usize>)> = Vec::new();
        for (index, rule) in compiled.rules.iter().enumerate() {
            let group = *group_of.entry(rule.id.clone()).or_insert_with(|| {
                members.push((rule.id.clone(), Vec::new()));
                members.len() - 1
            });
            members[group].1.push(index);
        }
        let location_of = |index: usize| {
            let source = sources.get(index).cloned().unwrap_or_else(|| Source {
                file: format!("{default_file} (rule #{})", index + 1),
                line: None,
            });
            let rule = &compiled.rules[index];
            Location {
                file: source.file,
                line: source.line,
                rule_id: Some(rule.id.clone()),
                section: Some(rule.citation.short()),
                entry: crate::law::error::Entry::Rule,
            }
        };

        let mut groups = Vec::new();
        for (id, indices) in &members {
            let mut versions = Vec::new();
            for &index in indices {
                let rule = &compiled.rules[index];
                let mut context = Checker {
                    catalogue: &catalogue,
                    noun: "fact",
                    group_of: &group_of,
                    location: location_of(index),
                    errors: &mut errors,
                };
                context.check_rule(rule);
                let when = rule
                    .when
                    .as_ref()
                    .and_then(|condition| context.compile(condition));
                let then = context.compile_consequence(&rule.then);
                if let Some(then) = then {
                    versions.push((
                        index,
                        CompiledVersion {
                            rule: rule.clone(),
                            when,
                            then,
                        },
                    ));
                }
            }
            versions.sort_by_key(|(_, version)| version.rule.valid_from);
            for pair in versions.windows(2) {
                let [(_, earlier), (later_index, later)] = pair else {
                    continue;
                };
                let location = location_of(*later_index);
                if earlier.rule.valid_from == later.rule.valid_from {
                    // Two rules with one id from the same day: a copied id, not a new version.
                    errors.push(LoadError::new(
                        location,
                        format!(
                            "duplicate rule id: another rule with this id also starts on {} (a new version of \
                             a rule needs a later `valid_from`, and the version before it a `valid_to`)",
                            later.rule.valid_from
                        ),
                    ));
                    continue;
                }
                match earlier.rule.valid_to {
                    None => errors.push(LoadError::new(
                        location,
                        format!(
                            "two versions are in force from {}: the version from {} has no `valid_to`",
                            later.rule.valid_from, earlier.rule.valid_from
                        ),
                    )),
                    Some(end) if end >= later.rule.valid_from => errors.push(LoadError::new(
                        location,
                        format!(
                            "versions overlap: the version from {} is in force until {end}, this one from {}",
                            earlier.rule.valid_from, later.rule.valid_from
                        ),
                    )),
                    Some(end) if end.succ_opt() != Some(later.rule.valid_from) => {
                        errors.push(LoadError::new(
                            location,
                            format!(
                                "no version is in force from {} to the day before {}",
                                end.succ_opt().unwrap_or(end),
                                later.rule.valid_from
                            ),
                        ))
                    }
                    Some(_) => {}
                }
            }
            let mut wording_by = opening_date;
            let mut first_named: Option<(&str, chrono::NaiveDate)> = None;
            for &index in indices {
                let rule = &compiled.rules[index];
                let name = rule.wording_by.as_deref().unwrap_or(OPENING_DATE_FACT);
                match first_named {
                    None => {
                        first_named = Some((name, rule.valid_from));
                        match catalogue
                            .index(name)
                            .map(|i| (i, catalogue.get(i).map(|d| &d.fact_type)))
                        {
                            Some((found, Some(FactType::Date))) => wording_by = found,
                            Some(_) => errors.push(LoadError::new(
                                location_of(index),
                                format!("`wording_by` `{name}` is not a date fact"),
                            )),
                            None => errors.push(LoadError::new(
                                location_of(index),
                                format!(
                                    "`wording_by` names an unknown fact `{name}`{}",
                                    catalogue.hint(name)
                                ),
                            )),
                        }
                    }
                    Some((first, from)) if first != name => errors.push(LoadError::new(
                        location_of(index),
                        format!(
                            "`wording_by` is `{name}` here but `{first}` in the version from {from}: every \
                             version of a rule chooses its wording by the same date"
                        ),
                    )),
                    Some(_) => {}
                }
            }
            groups.push(RuleGroup {
                id: id.clone(),
                versions: versions.into_iter().map(|(_, v)| v).collect(),
                wording_by,
            });
        }

        let order = match dependency_order(&groups) {
            Ok(order) => order,
            Err(cycle) => {
                let first = cycle
                    .first()
                    .and_then(|id| compiled.rules.iter().position(|rule| rule.id == *id));
                errors.push(LoadError::new(
                    first.map_or(whole, location_of),
                    format!("rules depend on each other in a circle: {}", cycle.join(" → ")),
                ));
                Vec::new()
            }
        };

        if errors.is_empty() {
            Ok(RuleSet {
                compiled,
                catalogue,
                groups,
                order,
                opening_date,
            })
        } else {
            Err(LoadErrors(errors))
        }
    }
}

/// Topological order of groups by their `applies` references; on a cycle, the ids in it.
fn dependency_order(groups: &[RuleGroup]) -> Result<Vec<usize>, Vec<String>> {
    fn visit(
        node: usize,
        groups: &[RuleGroup],
        state: &mut [u8],
        stack: &mut Vec<usize>,
        order: &mut Vec<usize>,
    ) -> Result<(), Vec<String>> {
        match state[node] {
            2 => return Ok(()),
            1 => {
                let start = stack.iter().position(|&n| n == node).unwrap_or(0);
                let mut cycle: Vec<String> = stack[start..].iter().map(|&n| groups[n].id.clone()).collect();
                cycle.push(groups[node].id.clone());
                return Err(cycle);
            }
            _ => {}
        }
        state[node] = 1;
        stack.push(node);
        let mut targets = Vec::new();
        for version in &groups[node].versions {
            if let Some(when) = &version.when {
                applies_targets(when, &mut targets);
            }
        }
        for target in targets {
            visit(target, groups, state, stack, order)?;
        }
        stack.pop();
        state[node] = 2;
        order.push(node);
        Ok(())
    }
    let mut state = vec![0u8; groups.len()];
    let mut order = Vec::with_capacity(groups.len());
    for node in 0..groups.len() {
        visit(node, groups, &mut state, &mut Vec::new(), &mut order)?;
    }
    Ok(order)
}

fn applies_targets(condition: &Cond, out: &mut Vec<usize>) {
    match condition {
        Cond::All(parts) | Cond::Any(parts) => parts.iter().for_each(|part| applies_targets(part, out)),
        Cond::Not(part) => applies_targets(part, out),
        Cond::Applies(group) => out.push(*group),
        _ => {}
    }
}

/// Checks one rule version and compiles its parts, collecting errors.
struct Checker<'a> {
    catalogue: &'a FactCatalogue,
    /// What the condition names: `fact` in rules and catalogues, `question` in questionnaires.
    noun: &'static str,
    group_of: &'a HashMap<String, usize>,
    location: Location,
    errors: &'a mut Vec<LoadError>,
}

impl Checker<'_> {
    fn error(&mut self, message: impl Into<String>) {
        self.errors.push(LoadError::new(self.location.clone(), message));
    }

    fn check_rule(&mut self, rule: &Rule) {
        let id_ok = {
            let mut parts = rule.id.splitn(3, '-');
            let statute = parts.next().unwrap_or_default();
            let section = parts.next().unwrap_or_default();
            let slug = parts.next().unwrap_or_default();
            !statute.is_empty()
                && statute.chars().all(|c| c.is_ascii_lowercase())
                && !section.is_empty()
                && section.chars().all(|c| c.is_ascii_alphanumeric())
                && !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !id_ok {
            self.error(format!(
                "rule id `{}` is not of the form `<statute>-<section>-<slug>`",
                rule.id
            ));
        } else if let Some(section) = rule.id.split('-').nth(1)
            && !rule.citation.section.trim().is_empty()
            && section != rule.citation.section.trim().to_ascii_lowercase().replace(' ', "")
        {
            self.error(format!(
                "rule id `{}` names section {section}, but `citation.section` is `{}`",
                rule.id, rule.citation.section
            ));
        }
        let citation = &rule.citation;
        for (name, value) in [
            ("citation.statute", &citation.statute),
            ("citation.statute_name", &citation.statute_name),
            ("citation.section", &citation.section),
            ("citation.wording", &citation.wording),
            ("citation.url", &citation.url),
            ("title_fi", &rule.title_fi),
            ("text_fi", &rule.text_fi),
            ("message.fi", &rule.message.fi),
        ] {
            if value.trim().is_empty() {
                self.error(format!("`{name}` is empty"));
            }
        }
        if !citation.statute.trim().is_empty() && !is_act_number(&citation.statute) {
            self.error(format!(
                "`citation.statute` `{}` is not an act number of the form `<number>/<year>`",
                citation.statute
            ));
        }
        if !citation.wording.trim().is_empty()
            && !acts_named(&citation.wording)
                .iter()
                .any(|(_, followed)| *followed)
        {
            self.error(format!(
                "`citation.wording` `{}` names no act (`<number>/<year>`) outside parentheses",
                citation.wording
            ));
        }
        if !citation.url.is_empty() && !citation.url.starts_with("https://") {
            self.error(format!(
                "`citation.url` must be an https address, got `{}`",
                citation.url
            ));
        }
        if let Some(end) = rule.valid_to
            && end < rule.valid_from
        {
            self.error(format!(
                "`valid_to` {end} is before `valid_from` {}",
                rule.valid_from
            ));
        }
    }

    fn fact(&mut self, name: &str) -> Option<(usize, FactType)> {
        match self.catalogue.index(name) {
            Some(index) => self
                .catalogue
                .get(index)
                .map(|definition| (index, definition.fact_type.clone())),
            None => {
                let hint = self.catalogue.hint(name);
                self.error(format!("unknown {} `{name}`{hint}", self.noun));
                None
            }
        }
    }

    fn compile(&mut self, condition: &Condition) -> Option<Cond> {
        let Condition {
            all,
            any,
            not,
            applies,
            fact,
            is,
            eq,
            ne,
            gt,
            ge,
            lt,
            le,
            one_of,
            present,
            before,
            age_over,
            born,
            age,
            on,
        } = condition;
        let combinators = [
            all.is_some(),
            any.is_some(),
            not.is_some(),
            applies.is_some(),
            age_over.is_some(),
            fact.is_some(),
        ];
        if combinators.iter().filter(|&&set| set).count() != 1 {
            self.error(
                "a condition needs exactly one of `all`, `any`, `not`, `applies`, `age_over` or `fact`",
            );
            return None;
        }
        if age_over.is_none() && (born.is_some() || age.is_some() || on.is_some()) {
            self.error("`born`, `age` and `on` belong to an `age_over` condition");
            return None;
        }
        let comparisons = [
            is.is_some(),
            eq.is_some(),
            ne.is_some(),
            gt.is_some(),
            ge.is_some(),
            lt.is_some(),
            le.is_some(),
            one_of.is_some(),
            present.is_some(),
            before.is_some(),
        ];
        let comparison_count = comparisons.iter().filter(|&&set| set).count();
        if fact.is_none() && comparison_count > 0 {
            self.error(format!(
                "a comparison (`is`, `eq`, `gt`, `in`, `present`, …) needs a `{}`",
                self.noun
            ));
            return None;
        }
        if let Some(parts) = all.as_ref().or(any.as_ref()) {
            if parts.is_empty() {
                self.error("`all` and `any` need at least one condition");
                return None;
            }
            let compiled: Vec<Cond> = parts.iter().filter_map(|part| self.compile(part)).collect();
            if compiled.len() != parts.len() {
                return None;
            }
            return Some(if all.is_some() {
                Cond::All(compiled)
            } else {
                Cond::Any(compiled)
            });
        }
        if let Some(part) = not {
            return self.compile(part).map(|part| Cond::Not(Box::new(part)));
        }
        if let Some(id) = applies {
            if self.group_of.is_empty() {
                self.error(format!(
                    "only rules may use `applies` (here: `{id}`); name facts instead"
                ));
                return None;
            }
            return match self.group_of.get(id) {
                Some(group) => Some(Cond::Applies(*group)),
                None => {
                    self.error(format!("`applies` names an unknown rule `{id}`"));
                    None
                }
            };
        }
        if let Some(years) = age_over {
            return self.compile_age_over(*years, born, age, on);
        }
        let name = fact.as_deref().unwrap_or_default();
        let noun = self.noun;
        if comparison_count != 1 {
            self.error(format!(
                "{noun} `{name}` needs exactly one comparison (`is`, `eq`, `gt`, `in`, `present`, …)"
            ));
            return None;
        }
        let (index, fact_type) = self.fact(name)?;
        if let Some(wanted) = present {
            return Some(Cond::Present(index, *wanted));
        }
        if let Some(than) = before {
            return self.compile_before(name, (index, fact_type), than);
        }
        match fact_type {
            FactType::Bool => match is {
                Some(value) => Some(Cond::Is(index, *value)),
                None => {
                    self.error(format!("{noun} `{name}` is true or false: compare it with `is`"));
                    None
                }
            },
            FactType::Int => {
                let comparison = [
                    (Compare::Gt, *gt),
                    (Compare::Ge, *ge),
                    (Compare::Lt, *lt),
                    (Compare::Le, *le),
                    (Compare::Eq, int_of(eq)),
                    (Compare::Ne, int_of(ne)),
                ]
                .into_iter()
                .find_map(|(compare, value)| value.map(|value| (compare, value)));
                match comparison {
                    Some((compare, value)) => Some(Cond::Number(index, compare, value)),
                    None => {
                        self.error(format!(
                            "{noun} `{name}` is a number: compare it with `eq`, `ne`, `gt`, `ge`, `lt` or `le`"
                        ));
                        None
                    }
                }
            }
            FactType::Choice(values) => {
                let (wanted, negate): (Vec<&str>, bool) = match (eq, ne, one_of) {
                    (Some(Scalar::Text(value)), _, _) => (vec![value.as_str()], false),
                    (_, Some(Scalar::Text(value)), _) => (vec![value.as_str()], true),
                    (_, _, Some(list)) if !list.is_empty() => {
                        (list.iter().map(String::as_str).collect(), false)
                    }
                    _ => {
                        self.error(format!(
                            "{noun} `{name}` is a choice: compare it with `eq`, `ne` or `in` and one of `{}`",
                            values.join("`, `")
                        ));
                        return None;
                    }
                };
                let mut indices = Vec::new();
                for value in wanted {
                    match values.iter().position(|known| known == value) {
                        Some(position) => indices.push(position),
                        None => {
                            self.error(format!(
                                "{noun} `{name}` has no value `{value}` (it is one of `{}`)",
                                values.join("`, `")
                            ));
                            return None;
                        }
                    }
                }
                Some(Cond::Choice {
                    fact: index,
                    values: indices,
                    negate,
                })
            }
            FactType::Date => {
                self.error(format!(
                    "{noun} `{name}` is a date: test it with `present` or `before`"
                ));
                None
            }
            FactType::Text => {
                self.error(format!("{noun} `{name}` can only be tested with `present`"));
                None
            }
        }
    }

    /// `{ fact = "…", before = "…" }`: both must be dates.
    fn compile_before(
        &mut self,
        name: &str,
        (index, fact_type): (usize, FactType),
        than: &str,
    ) -> Option<Cond> {
        let noun = self.noun;
        if fact_type != FactType::Date {
            self.error(format!(
                "`before` compares dates, but {noun} `{name}` is not a date"
            ));
            return None;
        }
        let (than_index, than_type) = self.fact(than)?;
        if than_type != FactType::Date {
            self.error(format!(
                "`before` compares dates, but fact `{than}` (compared with `{name}`) is not a date"
            ));
            return None;
        }
        Some(Cond::Before {
            fact: index,
            than: than_index,
        })
    }

    /// `{ age_over = 75, born = "…", age = "…", on = "…" }`: the date of birth and the day must be
    /// dates, the age a number.
    fn compile_age_over(
        &mut self,
        years: u32,
        born: &Option<String>,
        age: &Option<String>,
        on: &Option<String>,
    ) -> Option<Cond> {
        let (Some(born), Some(age), Some(on)) = (born, age, on) else {
            self.error(format!(
                "`age_over = {years}` needs `born` (the date of birth), `age` (the age in years) and `on` \
                 (the day the age is reckoned on)"
            ));
            return None;
        };
        let noun = self.noun;
        let typed = |checker: &mut Self, name: &str, wanted: FactType, role: &str| {
            let (index, fact_type) = checker.fact(name)?;
            if fact_type != wanted {
                let kind = if wanted == FactType::Date {
                    "a date"
                } else {
                    "a number"
                };
                checker.error(format!(
                    "`age_over` takes {role} from {noun} `{name}`, which is not {kind}"
                ));
                return None;
            }
            Some(index)
        };
        let born = typed(self, born, FactType::Date, "the date of birth (`born`)");
        let age = typed(self, age, FactType::Int, "the age in years (`age`)");
        let on = typed(self, on, FactType::Date, "the day it is reckoned on (`on`)");
        Some(Cond::AgeOver {
            years,
            born: born?,
            age: age?,
            on: on?,
        })
    }

    fn compile_fields(&mut self, fields: &[String]) {
        for field in fields {
            self.fact(field);
        }
    }

    fn compile_consequence(&mut self, then: &Consequence) -> Option<Then> {
        match then {
            Consequence::Requirement { must, fields, .. } => {
                if fields.is_empty() {
                    self.error("a requirement needs the `fields` it is about");
                }
                self.compile_fields(fields);
                self.compile(must).map(|must| Then::Requirement { must })
            }
            Consequence::Deadline(deadline) => {
                let counted = [deadline.working_days.is_some(), deadline.months.is_some()];
                let counts = counted.iter().filter(|&&set| set).count();
                match (&deadline.from, counts, deadline.standard) {
                    (Some(from), 1, None) => {
                        let (index, fact_type) = self.fact(from)?;
                        if fact_type != FactType::Date {
                            self.error(format!(
                                "deadline `{}` counts from `{from}`, which is not a date",
                                deadline.deadline
                            ));
                            return None;
                        }
                        Some(Then::Deadline { from: Some(index) })
                    }
                    (None, 0, Some(_)) => Some(Then::Deadline { from: None }),
                    _ => {
                        self.error(format!(
                            "deadline `{}` needs either `from` with one of `working_days` or `months`, or a `standard`",
                            deadline.deadline
                        ));
                        None
                    }
                }
            }
            Consequence::Role { must, fields, .. } => {
                self.compile_fields(fields);
                match must {
                    Some(must) => self.compile(must).map(|must| Then::Role { must: Some(must) }),
                    None => Some(Then::Role { must: None }),
                }
            }
            Consequence::Routing { .. } => Some(Then::Routing),
            Consequence::Notice => Some(Then::Notice),
        }
    }
}

/// Compiles a condition that may name facts but no rules (as in the service catalogue), collecting
/// located errors.
pub(crate) fn compile_fact_condition(
    catalogue: &FactCatalogue,
    condition: &Condition,
    location: Location,
    errors: &mut Vec<LoadError>,
) -> Option<Cond> {
    compile_condition_naming(catalogue, condition, location, errors, "fact")
}

/// Compiles a condition over `catalogue`, whose entries messages call `noun` (`question` in a
/// questionnaire); it may not use `applies`.
pub(crate) fn compile_condition_naming(
    catalogue: &FactCatalogue,
    condition: &Condition,
    location: Location,
    errors: &mut Vec<LoadError>,
    noun: &'static str,
) -> Option<Cond> {
    let no_rules = HashMap::new();
    Checker {
        catalogue,
        noun,
        group_of: &no_rules,
        location,
        errors,
    }
    .compile(condition)
}

fn int_of(scalar: &Option<Scalar>) -> Option<i64> {
    match scalar {
        Some(Scalar::Int(value)) => Some(*value),
        _ => None,
    }
}
