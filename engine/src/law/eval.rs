//! Evaluating a case: which rules apply, what they require, and when things are due.
//!
//! Conditions are three-valued: a fact that is not known yet makes a condition *undetermined* rather than
//! false, and the finding then names the facts it still needs. A form can show findings from the first
//! answer on and they only sharpen as answers come in.

use chrono::NaiveDate;
use serde::Serialize;

use crate::law::calendar::{self, SkippedDay};
use crate::law::error::EvalError;
use crate::law::facts::{FactCatalogue, Facts, Value};
use crate::law::rule::{Consequence, Rule, TimeStandard};
use crate::law::ruleset::{Compare, Cond, OPENING_DATE_FACT, RuleSet, Then};

/// How a finding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The rule applies and there is nothing to check (a deadline, routing or notice).
    Applies,
    /// The rule applies and what it requires is met.
    Met,
    /// The rule applies and what it requires is not met.
    Unmet,
    /// Whether the rule applies, or whether it is met, depends on facts not known yet.
    NeedsFacts,
}

/// When a deadline falls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Due {
    /// A date, and how it was computed.
    Date {
        /// The last day (after the county's roll-forward setting, if on).
        date: NaiveDate,
        /// The day counted from (day 0).
        from: NaiveDate,
        /// The fact that gave `from`.
        from_fact: String,
        /// Working days counted, if counted in working days.
        #[serde(skip_serializing_if = "Option::is_none")]
        working_days: Option<u32>,
        /// Months counted, if counted in months.
        #[serde(skip_serializing_if = "Option::is_none")]
        months: Option<u32>,
        /// Weekend days and holidays skipped while counting working days.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        skipped: Vec<SkippedDay>,
        /// The date before rolling forward, when rolling forward moved it (150/1930 5 §).
        #[serde(skip_serializing_if = "Option::is_none")]
        before_roll_forward: Option<NaiveDate>,
    },
    /// A standard with no number of days.
    Standard {
        /// Which.
        standard: TimeStandard,
    },
    /// The date it counts from is not known yet.
    Unknown,
}

/// One thing the rules say about the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'a> {
    /// The rule version that produced it (id, citation, verbatim text, message).
    pub rule: &'a Rule,
    /// How it stands.
    pub status: Status,
    /// For a deadline, when it falls.
    pub due: Option<Due>,
    /// The facts still needed to decide, when `status` is [`Status::NeedsFacts`].
    pub needs: Vec<&'a str>,
    /// The date fact that chose the wording (the rule's `wording_by`, or the opening date when the case
    /// does not give that date).
    pub wording_by: &'a str,
    /// The day whose wording was followed.
    pub wording_on: NaiveDate,
}

impl Finding<'_> {
    /// Whether this finding stops a plan from being finished: an unmet blocking requirement or an unmet
    /// role requirement.
    pub fn blocks_finishing(&self) -> bool {
        self.status == Status::Unmet
            && matches!(
                self.rule.then,
                Consequence::Requirement { blocking: true, .. } | Consequence::Role { .. }
            )
    }
}

/// What the rules say about one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome<'a> {
    /// The case's opening date (the wording of a rule is chosen by it unless the rule names another
    /// date: see [`Finding::wording_on`]).
    pub opened_on: NaiveDate,
    /// Findings of the rules that apply (or may apply), in rule-file order.
    pub findings: Vec<Finding<'a>>,
    /// Ids of the rules in force that do not apply to this case.
    pub not_applicable: Vec<&'a str>,
}

impl Outcome<'_> {
    /// The finding of rule `id`, if it applies or may apply.
    pub fn finding(&self, id: &str) -> Option<&Finding<'_>> {
        self.findings.iter().find(|finding| finding.rule.id == id)
    }

    /// Whether any finding stops finishing.
    pub fn blocks_finishing(&self) -> bool {
        self.findings.iter().any(Finding::blocks_finishing)
    }
}

/// Three-valued truth: `None` is "not known yet".
pub(crate) type Truth = Option<bool>;

struct Evaluator<'a> {
    rules: &'a RuleSet,
    facts: &'a Facts,
    /// For each group, the fact and the day that choose its wording.
    chosen: Vec<(usize, NaiveDate)>,
    /// Applicability of each group, filled in dependency order.
    applies: Vec<Truth>,
}

/// The truth of `condition` over `facts`, given the applicability of each rule group (for `applies`).
pub(crate) fn truth(condition: &Cond, facts: &Facts, applies: &[Truth]) -> Truth {
    match condition {
        Cond::All(parts) => {
            let mut result = Some(true);
            for part in parts {
                match truth(part, facts, applies) {
                    Some(false) => return Some(false),
                    None => result = None,
                    Some(true) => {}
                }
            }
            result
        }
        Cond::Any(parts) => {
            let mut result = Some(false);
            for part in parts {
                match truth(part, facts, applies) {
                    Some(true) => return Some(true),
                    None => result = None,
                    Some(false) => {}
                }
            }
            result
        }
        Cond::Not(part) => truth(part, facts, applies).map(|value| !value),
        Cond::Applies(group) => applies.get(*group).copied().flatten(),
        Cond::Is(fact, wanted) => match facts.get(*fact)? {
            Value::Bool(value) => Some(value == wanted),
            _ => None,
        },
        Cond::Number(fact, compare, bound) => match facts.get(*fact)? {
            Value::Int(value) => Some(match compare {
                Compare::Eq => value == bound,
                Compare::Ne => value != bound,
                Compare::Gt => value > bound,
                Compare::Ge => value >= bound,
                Compare::Lt => value < bound,
                Compare::Le => value <= bound,
            }),
            _ => None,
        },
        Cond::Choice { fact, values, negate } => match facts.get(*fact)? {
            Value::Choice(value) => Some(values.contains(value) != *negate),
            _ => None,
        },
        Cond::Present(fact, wanted) => {
            let present = match facts.get(*fact) {
                None | Some(Value::Text(false)) => false,
                Some(_) => true,
            };
            Some(present == *wanted)
        }
        Cond::Before { fact, than } => match (facts.get(*fact)?, facts.get(*than)?) {
            (Value::Date(day), Value::Date(than)) => Some(day < than),
            _ => None,
        },
        Cond::AgeOver { years, born, age, on } => {
            if let (Some(Value::Date(born)), Some(Value::Date(on))) = (facts.get(*born), facts.get(*on)) {
                return Some(lived_more_than(*born, *on, *years));
            }
            match facts.get(*age)? {
                Value::Int(age) if *age > i64::from(*years) => Some(true),
                Value::Int(age) if *age < i64::from(*years) => Some(false),
                _ => None,
            }
        }
    }
}

/// Whether someone born on `born` has lived more than `years` years on `on`: `on` is after that birthday.
/// A 29 February birthday falls on 28 February in a common year (the calendar's month arithmetic clamps
/// to the month's last day).
pub(crate) fn lived_more_than(born: NaiveDate, on: NaiveDate, years: u32) -> bool {
    years
        .checked_mul(12)
        .and_then(|months| calendar::add_months(born, months))
        .is_some_and(|birthday| on > birthday)
}

/// The names of the unknown facts that leave `condition` undetermined. `when_of` gives the condition of
/// the rule group an `applies` part names (none where rules cannot be named, as in the service catalogue).
pub(crate) fn unknown_facts<'c>(
    condition: &Cond,
    facts: &Facts,
    applies: &[Truth],
    catalogue: &'c FactCatalogue,
    when_of: &dyn Fn(usize) -> Option<&'c Cond>,
    out: &mut Vec<&'c str>,
) {
    let fact = match condition {
        Cond::All(parts) | Cond::Any(parts) => {
            for part in parts.iter().filter(|part| truth(part, facts, applies).is_none()) {
                unknown_facts(part, facts, applies, catalogue, when_of, out);
            }
            return;
        }
        Cond::Not(part) => return unknown_facts(part, facts, applies, catalogue, when_of, out),
        Cond::Applies(group) => {
            if let Some(when) = when_of(*group) {
                unknown_facts(when, facts, applies, catalogue, when_of, out);
            }
            return;
        }
        Cond::AgeOver { born, age, on, .. } => {
            // The age in years is needed only while the date of birth is not known; the date of birth
            // whenever it is not known (the age alone leaves the year in which the age is reached open).
            let age = facts.get(*born).is_none().then_some(*age);
            for fact in [age, Some(*born), Some(*on)].into_iter().flatten() {
                push_unknown(fact, facts, catalogue, out);
            }
            return;
        }
        Cond::Before { fact, than } => {
            push_unknown(*fact, facts, catalogue, out);
            push_unknown(*than, facts, catalogue, out);
            return;
        }
        Cond::Is(fact, _) | Cond::Number(fact, _, _) | Cond::Choice { fact, .. } | Cond::Present(fact, _) => {
            *fact
        }
    };
    push_unknown(fact, facts, catalogue, out);
}

/// Adds the name of `fact` to `out` if it is not known (and not there already).
fn push_unknown<'c>(fact: usize, facts: &Facts, catalogue: &'c FactCatalogue, out: &mut Vec<&'c str>) {
    if facts.get(fact).is_none()
        && let Some(definition) = catalogue.get(fact)
        && !out.contains(&definition.name.as_str())
    {
        out.push(definition.name.as_str());
    }
}

impl<'a> Evaluator<'a> {
    fn truth(&self, condition: &Cond) -> Truth {
        truth(condition, self.facts, &self.applies)
    }

    /// The names of the unknown facts that leave `condition` undetermined.
    fn unknowns(&self, condition: &Cond, out: &mut Vec<&'a str>) {
        let rules = self.rules;
        let chosen = &self.chosen;
        let when_of = |group: usize| -> Option<&'a Cond> {
            rules
                .groups
                .get(group)
                .zip(chosen.get(group))
                .and_then(|(g, &(_, day))| g.in_force(day))
                .and_then(|version| version.when.as_ref())
        };
        unknown_facts(
            condition,
            self.facts,
            &self.applies,
            &rules.catalogue,
            &when_of,
            out,
        );
    }

    fn due(&self, rule: &Rule, from: Option<usize>) -> Due {
        let Consequence::Deadline(deadline) = &rule.then else {
            return Due::Unknown;
        };
        if let Some(standard) = deadline.standard {
            return Due::Standard { standard };
        }
        let Some(Value::Date(start)) = from.and_then(|index| self.facts.get(index)) else {
            return Due::Unknown;
        };
        let settings = self.rules.compiled.settings.calendar;
        let (strict, skipped) = match (deadline.working_days, deadline.months) {
            (Some(days), _) => match calendar::working_days_after_explained(*start, days, settings) {
                Some(found) => found,
                None => return Due::Unknown,
            },
            (None, Some(months)) => match calendar::add_months(*start, months) {
                Some(date) => (date, Vec::new()),
                None => return Due::Unknown,
            },
            (None, None) => return Due::Unknown,
        };
        let date = calendar::finish(strict, settings).unwrap_or(strict);
        Due::Date {
            date,
            from: *start,
            from_fact: deadline.from.clone().unwrap_or_default(),
            working_days: deadline.working_days,
            months: deadline.months,
            skipped,
            before_roll_forward: (date != strict).then_some(strict),
        }
    }
}

impl RuleSet {
    /// Evaluates every rule, each in the wording in force on its own date (`wording_by`: the day the act
    /// it governs is done), or on the case's opening date when the rule names none or the case does not
    /// give that date.
    pub fn evaluate<'a>(&'a self, facts: &'a Facts) -> Result<Outcome<'a>, EvalError> {
        let Some(Value::Date(opened_on)) = facts.get(self.opening_date) else {
            return Err(EvalError::MissingOpeningDate {
                fact: OPENING_DATE_FACT,
            });
        };
        let opened_on = *opened_on;
        if opened_on < self.compiled.covers_from {
            return Err(EvalError::BeforeCoverage {
                opened_on,
                covers_from: self.compiled.covers_from,
            });
        }
        let chosen = self
            .groups
            .iter()
            .map(|group| match facts.get(group.wording_by) {
                Some(Value::Date(day)) => (group.wording_by, *day),
                _ => (self.opening_date, opened_on),
            })
            .collect();
        let mut evaluator = Evaluator {
            rules: self,
            facts,
            chosen,
            applies: vec![Some(false); self.groups.len()],
        };
        for &group in &self.order {
            let truth = match self.groups[group].in_force(evaluator.chosen[group].1) {
                None => Some(false),
                Some(version) => version
                    .when
                    .as_ref()
                    .map_or(Some(true), |when| evaluator.truth(when)),
            };
            evaluator.applies[group] = truth;
        }

        let mut findings = Vec::new();
        let mut not_applicable = Vec::new();
        for (group, rules) in self.groups.iter().enumerate() {
            let (by, wording_on) = evaluator.chosen[group];
            let Some(version) = rules.in_force(wording_on) else {
                continue;
            };
            let wording_by = self
                .catalogue
                .get(by)
                .map_or(OPENING_DATE_FACT, |d| d.name.as_str());
            let rule = &version.rule;
            let mut needs = Vec::new();
            match evaluator.applies[group] {
                Some(false) => {
                    not_applicable.push(rule.id.as_str());
                    continue;
                }
                None => {
                    if let Some(when) = &version.when {
                        evaluator.unknowns(when, &mut needs);
                    }
                    findings.push(Finding {
                        rule,
                        status: Status::NeedsFacts,
                        due: None,
                        needs,
                        wording_by,
                        wording_on,
                    });
                    continue;
                }
                Some(true) => {}
            }
            let (status, due) = match &version.then {
                Then::Requirement { must } | Then::Role { must: Some(must) } => {
                    let status = match evaluator.truth(must) {
                        Some(true) => Status::Met,
                        Some(false) => Status::Unmet,
                        None => {
                            evaluator.unknowns(must, &mut needs);
                            // An unanswered requirement is simply not met yet.
                            if matches!(version.then, Then::Requirement { .. }) {
                                Status::Unmet
                            } else {
                                Status::NeedsFacts
                            }
                        }
                    };
                    (status, None)
                }
                Then::Deadline { from } => {
                    let due = evaluator.due(rule, *from);
                    if due == Due::Unknown
                        && let Consequence::Deadline(deadline) = &rule.then
                        && let Some(name) = &deadline.from
                    {
                        needs.push(name.as_str());
                    }
                    let status = if due == Due::Unknown {
                        Status::NeedsFacts
                    } else {
                        Status::Applies
                    };
                    (status, Some(due))
                }
                Then::Role { must: None } | Then::Routing | Then::Notice => (Status::Applies, None),
            };
            findings.push(Finding {
                rule,
                status,
                due,
                needs,
                wording_by,
                wording_on,
            });
        }
        Ok(Outcome {
            opened_on,
            findings,
            not_applicable,
        })
    }
}

/// The outcome as JSON: what `tyokyky-rules evaluate` prints and a plan document carries.
#[derive(Debug, Serialize)]
pub struct OutcomeReport<'a> {
    /// The case's opening date.
    pub opened_on: NaiveDate,
    /// The rule set's name, version and source hash.
    pub rules: RulesReport<'a>,
    /// One entry per finding.
    pub findings: Vec<FindingReport<'a>>,
    /// Rules in force that do not apply.
    pub not_applicable: Vec<&'a str>,
}

/// Which rules judged the case.
#[derive(Debug, Serialize)]
pub struct RulesReport<'a> {
    /// Name.
    pub name: &'a str,
    /// Version.
    pub version: &'a str,
    /// SHA-256 of the rule files.
    pub source_hash: &'a str,
}

/// One finding as JSON.
#[derive(Debug, Serialize)]
pub struct FindingReport<'a> {
    /// Rule id.
    pub rule_id: &'a str,
    /// The version's first day in force.
    pub valid_from: NaiveDate,
    /// Where it comes from.
    pub citation: &'a crate::law::rule::Citation,
    /// `1301/2014 36 § 2 mom. 1–3 k.`
    pub cites: String,
    /// What kind of finding.
    pub kind: &'static str,
    /// How it stands.
    pub status: Status,
    /// Whether it stops finishing.
    pub blocks_finishing: bool,
    /// The message in each language.
    pub message: &'a crate::text::Texts,
    /// For a deadline: its name and when it falls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<&'a str>,
    /// For a deadline: when it falls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<&'a Due>,
    /// For a role: the task and who may do it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<(&'a str, &'a str)>,
    /// For a routing: the route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<&'a str>,
    /// For a requirement or role: the fields concerned.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub fields: &'a [String],
    /// Facts still needed.
    #[serde(skip_serializing_if = "<[&str]>::is_empty")]
    pub needs: &'a [&'a str],
    /// The date fact that chose the wording.
    pub wording_by: &'a str,
    /// The day whose wording was followed.
    pub wording_on: NaiveDate,
}

impl<'a> Outcome<'a> {
    /// The outcome in its JSON form.
    pub fn report(&'a self, rules: &'a RuleSet) -> OutcomeReport<'a> {
        let compiled = rules.compiled();
        OutcomeReport {
            opened_on: self.opened_on,
            rules: RulesReport {
                name: &compiled.name,
                version: &compiled.version,
                source_hash: &compiled.source_hash,
            },
            findings: self
                .findings
                .iter()
                .map(|finding| {
                    let rule = finding.rule;
                    let (kind, deadline, role, route, fields): (_, _, _, _, &[String]) = match &rule.then {
                        Consequence::Requirement { fields, .. } => ("requirement", None, None, None, fields),
                        Consequence::Deadline(deadline) => {
                            ("deadline", Some(deadline.deadline.as_str()), None, None, &[])
                        }
                        Consequence::Role {
                            task, role, fields, ..
                        } => ("role", None, Some((task.as_str(), role.as_str())), None, fields),
                        Consequence::Routing { route } => ("routing", None, None, Some(route.as_str()), &[]),
                        Consequence::Notice => ("notice", None, None, None, &[]),
                    };
                    FindingReport {
                        rule_id: &rule.id,
                        valid_from: rule.valid_from,
                        citation: &rule.citation,
                        cites: rule.citation.short(),
                        kind,
                        status: finding.status,
                        blocks_finishing: finding.blocks_finishing(),
                        message: &rule.message,
                        deadline,
                        due: finding.due.as_ref(),
                        role,
                        route,
                        fields,
                        needs: &finding.needs,
                        wording_by: finding.wording_by,
                        wording_on: finding.wording_on,
                    }
                })
                .collect(),
            not_applicable: self.not_applicable.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::law::facts::FactType;
    use crate::law::facts::tests::definition;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn is_leap(year: i32) -> bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The 75th-birthday test worked out on (year, month, day) alone: the birthday in the year `born + 75`
    /// is the same month and day, except that 29 February becomes 28 February in a common year.
    fn over_75_by_tuples(born: NaiveDate, on: NaiveDate) -> bool {
        let year = born.year() + 75;
        let day = if (born.month(), born.day()) == (2, 29) && !is_leap(year) {
            28
        } else {
            born.day()
        };
        (on.year(), on.month(), on.day()) > (year, born.month(), day)
    }

    #[test]
    fn over_75_agrees_with_the_tuple_reckoning_on_every_day_of_the_75th_and_76th_year() {
        let births = [
            date(1950, 5, 10),
            date(1952, 2, 29),
            date(1948, 2, 29), // 75th birthday in 2023, a common year: 28 February
            date(1949, 1, 1),
            date(1950, 12, 31),
            date(1951, 3, 1),
            date(1950, 2, 28),
        ];
        for born in births {
            // From the day before the 75th birthday to the day after the 77th: the whole year the person
            // is 75 and the whole year they are 76, and the days either side.
            let first = date(born.year() + 75, 1, 1).pred_opt().unwrap();
            let last = date(born.year() + 78, 1, 1);
            let mut on = first;
            let mut days = 0;
            while on <= last {
                assert_eq!(
                    lived_more_than(born, on, 75),
                    over_75_by_tuples(born, on),
                    "born {born}, on {on}"
                );
                on = on.succ_opt().unwrap();
                days += 1;
            }
            assert!(days > 3 * 365, "born {born}: only {days} days checked");
        }
    }

    #[test]
    fn the_75th_birthday_itself_is_not_over_75_and_the_next_day_is() {
        assert!(!lived_more_than(date(1950, 5, 10), date(2025, 5, 10), 75));
        assert!(lived_more_than(date(1950, 5, 10), date(2025, 5, 11), 75));
        assert!(lived_more_than(date(1950, 5, 10), date(2026, 5, 9), 75));
        assert!(!lived_more_than(date(1952, 2, 29), date(2027, 2, 28), 75));
        assert!(lived_more_than(date(1952, 2, 29), date(2027, 3, 1), 75));
        assert!(!lived_more_than(date(1948, 2, 29), date(2023, 2, 28), 75));
        assert!(lived_more_than(date(1948, 2, 29), date(2023, 3, 1), 75));
    }

    #[test]
    fn without_the_date_of_birth_the_age_in_years_decides_unless_it_is_exactly_75() {
        let catalogue = FactCatalogue::new(vec![
            definition("case.opened_on", FactType::Date),
            definition("client.age", FactType::Int),
            definition("client.born_on", FactType::Date),
        ]);
        let over_75 = Cond::AgeOver {
            years: 75,
            born: 2,
            age: 1,
            on: 0,
        };
        let judge = |json: serde_json::Value| {
            let facts = catalogue.facts_from_json(&json).unwrap();
            let truth = truth(&over_75, &facts, &[]);
            let mut needs = Vec::new();
            if truth.is_none() {
                unknown_facts(&over_75, &facts, &[], &catalogue, &|_| None, &mut needs);
            }
            (truth, needs)
        };
        let opened = serde_json::json!("2026-05-04");
        let case = |client: serde_json::Value| serde_json::json!({ "case": { "opened_on": opened }, "client": client });
        assert_eq!(
            judge(case(serde_json::json!({ "age": 74 }))),
            (Some(false), vec![])
        );
        assert_eq!(
            judge(case(serde_json::json!({ "age": 76 }))),
            (Some(true), vec![])
        );
        assert_eq!(
            judge(case(serde_json::json!({ "age": 75 }))),
            (None, vec!["client.born_on"])
        );
        assert_eq!(
            judge(case(serde_json::json!({}))),
            (None, vec!["client.age", "client.born_on"])
        );
        // The date of birth decides over the age in years.
        assert_eq!(
            judge(case(serde_json::json!({ "age": 75, "born_on": "1951-05-04" }))),
            (Some(false), vec![])
        );
        assert_eq!(
            judge(case(serde_json::json!({ "born_on": "1951-05-03" }))),
            (Some(true), vec![])
        );
        // Without the day it is reckoned on, only the age in years can decide.
        assert_eq!(
            judge(serde_json::json!({ "client": { "age": 75, "born_on": "1951-05-03" } })),
            (None, vec!["case.opened_on"])
        );
    }

    #[test]
    fn a_date_is_before_another_only_on_an_earlier_day_and_undetermined_while_either_is_unknown() {
        let catalogue = FactCatalogue::new(vec![
            definition("plan.review_date", FactType::Date),
            definition("plan.made_on", FactType::Date),
        ]);
        let overdue = Cond::Before { fact: 0, than: 1 };
        let judge = |plan: serde_json::Value| {
            let facts = catalogue
                .facts_from_json(&serde_json::json!({ "plan": plan }))
                .unwrap();
            let truth = truth(&overdue, &facts, &[]);
            let mut needs = Vec::new();
            if truth.is_none() {
                unknown_facts(&overdue, &facts, &[], &catalogue, &|_| None, &mut needs);
            }
            (truth, needs)
        };
        let both = |review: &str, made: &str| serde_json::json!({ "review_date": review, "made_on": made });
        assert_eq!(judge(both("2026-03-09", "2026-03-10")), (Some(true), vec![]));
        assert_eq!(judge(both("2026-03-10", "2026-03-10")), (Some(false), vec![]));
        assert_eq!(judge(both("2026-03-11", "2026-03-10")), (Some(false), vec![]));
        assert_eq!(
            judge(serde_json::json!({ "made_on": "2026-03-10" })),
            (None, vec!["plan.review_date"])
        );
        assert_eq!(
            judge(serde_json::json!({})),
            (None, vec!["plan.review_date", "plan.made_on"])
        );
    }
}
