//! A rule as written in `rules/` (TOML) and in the compiled rule set (JSON): the same serde types serve
//! both, so the browser, the CLI and a county's own JSON share one format and one validation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::Texts;

use crate::law::calendar::CalendarSettings;
use crate::law::facts::FactDefinition;

/// Where a rule comes from in the statute book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The statute's number, e.g. `1301/2014` (Sosiaalihuoltolaki).
    pub statute: String,
    /// The statute's short Finnish name, e.g. `Sosiaalihuoltolaki`.
    pub statute_name: String,
    /// Section (pykälä), e.g. `36`.
    pub section: String,
    /// Subsection (momentti), if the rule is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsection: Option<u8>,
    /// Paragraph (kohta) or paragraphs, if the rule is about some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<u8>,
    /// The act whose wording the text follows (the amending act, or the statute itself if unamended).
    pub wording: String,
    /// Link to the consolidated text on Finlex.
    pub url: String,
}

impl Citation {
    /// The citation in the usual Finnish form, e.g. `1301/2014 36 § 2 mom. 1–3 k.`.
    pub fn short(&self) -> String {
        let mut text = format!("{} {} §", self.statute, self.section);
        if let Some(subsection) = self.subsection {
            text.push_str(&format!(" {subsection} mom."));
        }
        match self.paragraphs.as_slice() {
            [] => {}
            [one] => text.push_str(&format!(" {one} k.")),
            [first, .., last] => text.push_str(&format!(" {first}–{last} k.")),
        }
        text
    }
}

/// A scalar to compare a fact with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A choice value or other text.
    Text(String),
}

/// A condition over facts, as written: exactly one of `all`, `any`, `not`, `applies`, `age_over` (with
/// `born`, `age` and `on`), or `fact` with exactly one comparison (for a date fact: `present` or `before`). The loader checks the shape and the fact names and types, and compiles it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// True when every part is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// True when some part is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// True when the part is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    /// True when the rule with this id applies to the case (its condition is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies: Option<String>,
    /// The fact compared (in a questionnaire, written `question`: the question whose answer is compared).
    #[serde(default, alias = "question", skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// A yes/no fact is this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<bool>,
    /// The fact equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eq: Option<Scalar>,
    /// The fact differs from this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<Scalar>,
    /// The number is greater than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<i64>,
    /// The number is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ge: Option<i64>,
    /// The number is less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<i64>,
    /// The number is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub le: Option<i64>,
    /// The choice is one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// Whether the fact is given (`present = true`: known and, for text, non-blank).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// The date fact is a day earlier than the day of this other date fact (both must be known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// True when the person has lived more than this many years on the day `on`, i.e. from the day after
    /// that birthday (a 29 February birthday falls on 28 February in a common year). Needs `born`, `age`
    /// and `on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_over: Option<u32>,
    /// For `age_over`: the date fact holding the date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    /// For `age_over`: the number fact holding the age in whole years, which decides when the date of
    /// birth is not known, unless it is exactly `age_over`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<String>,
    /// For `age_over`: the date fact holding the day the age is reckoned on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
}

/// The shapes most conditions have, one call each, as the baked data writes them (`crate::bake`): a
/// struct literal names all of a condition's fields at every place one is built.
#[doc(hidden)]
impl Condition {
    #[inline(never)]
    pub fn baked_is(fact: String, is: bool) -> Condition {
        Condition {
            fact: Some(fact),
            is: Some(is),
            ..Condition::default()
        }
    }

    #[inline(never)]
    pub fn baked_eq(fact: String, eq: Scalar) -> Condition {
        Condition {
            fact: Some(fact),
            eq: Some(eq),
            ..Condition::default()
        }
    }

    #[inline(never)]
    pub fn baked_in(fact: String, one_of: Vec<String>) -> Condition {
        Condition {
            fact: Some(fact),
            one_of: Some(one_of),
            ..Condition::default()
        }
    }

    /// `compare` is 0 for `gt`, 1 for `ge`, 2 for `lt` and 3 for `le`.
    #[inline(never)]
    pub fn baked_number(fact: String, compare: u8, value: i64) -> Condition {
        let mut condition = Condition {
            fact: Some(fact),
            ..Condition::default()
        };
        *[
            &mut condition.gt,
            &mut condition.ge,
            &mut condition.lt,
            &mut condition.le,
        ][usize::from(compare.min(3))] = Some(value);
        condition
    }

    #[inline(never)]
    pub fn baked_all(parts: Vec<Condition>) -> Condition {
        Condition {
            all: Some(parts),
            ..Condition::default()
        }
    }

    #[inline(never)]
    pub fn baked_any(parts: Vec<Condition>) -> Condition {
        Condition {
            any: Some(parts),
            ..Condition::default()
        }
    }
}

/// A rule and its citation as the baked data writes them (`crate::bake`), one call each.
#[doc(hidden)]
impl Rule {
    #[inline(never)]
    #[allow(
        clippy::too_many_arguments,
        reason = "one argument per field, written by the build script"
    )]
    pub fn baked(
        id: String,
        title_fi: String,
        citation: Citation,
        text_fi: String,
        valid_from: NaiveDate,
        valid_to: Option<NaiveDate>,
        wording_by: Option<String>,
        when: Option<Condition>,
        then: Consequence,
        message: Texts,
    ) -> Rule {
        Rule {
            id,
            title_fi,
            citation,
            text_fi,
            valid_from,
            valid_to,
            wording_by,
            when,
            then,
            message,
        }
    }
}

#[doc(hidden)]
impl Citation {
    #[inline(never)]
    pub fn baked(
        statute: String,
        statute_name: String,
        section: String,
        subsection: Option<u8>,
        paragraphs: Vec<u8>,
        wording: String,
        url: String,
    ) -> Citation {
        Citation {
            statute,
            statute_name,
            section,
            subsection,
            paragraphs,
            wording,
            url,
        }
    }
}

/// When a deadline falls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    /// What must be done by then, e.g. `assessment_start`.
    pub deadline: String,
    /// Counted from this date fact (day 0, 150/1930 2 §) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// … this many working days (arkipäivä) after it …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<u32>,
    /// … or this many months after it (150/1930 3 §).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Or no date at all, only a standard: `immediately` (välittömästi), `without_delay` (viipymättä) or
    /// `without_undue_delay` (ilman aiheetonta viivytystä).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<TimeStandard>,
}

/// A time limit the law states without a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeStandard {
    /// välittömästi
    Immediately,
    /// viipymättä
    WithoutDelay,
    /// ilman aiheetonta viivytystä
    WithoutUndueDelay,
}

/// What follows when a rule applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Consequence {
    /// Something must hold (usually: a field must be filled in); `blocking` requirements stop a plan from
    /// being finished while they are unmet.
    Requirement {
        /// The condition that must hold.
        must: Condition,
        /// The form fields concerned (fact names), for linking the finding to them.
        fields: Vec<String>,
        /// Whether an unmet requirement stops finishing.
        #[serde(default = "yes")]
        blocking: bool,
    },
    /// A deadline.
    Deadline(DeadlineRule),
    /// Who must do a task; if `must` is given, whether the assigned person qualifies.
    Role {
        /// The task, e.g. `assessment`.
        task: String,
        /// Who may do it, e.g. `social_worker_in_public_office`.
        role: String,
        /// What the assigned person's facts must satisfy.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        must: Option<Condition>,
        /// The fields that describe the assigned person.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<String>,
    },
    /// Where the case must go, e.g. `urgent_help`.
    Routing {
        /// The route.
        route: String,
    },
    /// Something to know or to do that the form cannot check.
    Notice,
}

fn yes() -> bool {
    true
}

/// One version of a rule: a rule id may have several, for successive wordings of the law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, `shl-<section>-<slug>`; never reused.
    pub id: String,
    /// The obligation's name in Finnish, in the law's own words.
    pub title_fi: String,
    /// Where it comes from.
    pub citation: Citation,
    /// The statute text it implements, verbatim, in Finnish.
    pub text_fi: String,
    /// First day this version is in force.
    #[serde(deserialize_with = "crate::law::calendar::strict_date::deserialize")]
    pub valid_from: NaiveDate,
    /// Last day this version is in force, if it has ended.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::law::calendar::strict_date::option"
    )]
    pub valid_to: Option<NaiveDate>,
    /// The date fact whose day chooses this rule's wording: the day the act the rule governs is done
    /// (the contact, the plan being made). The case's opening date (`case.opened_on`) if absent, and when
    /// the case does not give this date. Every version of one rule names the same fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording_by: Option<String>,
    /// When the rule applies (always, if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// What follows.
    pub then: Consequence,
    /// The finding, said briefly, in plain words.
    pub message: Texts,
}

impl Rule {
    /// Whether this version is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|end| date <= end)
    }
}

/// Settings a county chooses where the law leaves room (documented in `rules/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// How working days are counted.
    pub calendar: CalendarSettings,
}

/// The rule set as one JSON document: what `tyokyky-rules compile` writes and what the app embeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompiledRules {
    /// The rule set's name, e.g. `tyokyky-shl`.
    pub name: String,
    /// Its version, from `rules/settings.toml`.
    pub version: String,
    /// SHA-256 of the rule files it was compiled from (hex), so a plan can say which rules judged it.
    pub source_hash: String,
    /// Earliest case-opening date the rules cover.
    #[serde(deserialize_with = "crate::law::calendar::strict_date::deserialize")]
    pub covers_from: NaiveDate,
    /// The county's settings.
    pub settings: Settings,
    /// The fact catalogue.
    pub facts: Vec<FactDefinition>,
    /// Every version of every rule, in file order.
    pub rules: Vec<Rule>,
}
