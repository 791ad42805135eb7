//! The worker-assisted form as data: every field of a [`Case`] declared once, with the fact it gives the
//! rules, the step and section it is asked in, the id of its form control, its label and hint (message
//! ids of the app's Fluent files), how it is answered, when it is shown, and how it reads and writes the
//! case. [`Case::facts`] reads the facts through this table; the app draws each step's fields, links a
//! finding to its field and places a finding on its step from it. Adding a field is a row here, its fact
//! in `rules/facts.toml`, its place in [`Case`] and its messages.
//!
//! Facts that no one types but that the case implies (how many partners lack a consent) are rows too,
//! with [`Input::Derived`]: they are never drawn, but a finding about them still links to its place.

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::case::{
    Case, CloseNetworkGround, Initiator, NamedWorkerNeed, NamingException, NeedNature, Partner, Profession,
    Sharing,
};
use crate::catalogue::Goal;
use crate::law::facts::{FactCatalogue, FactError, Facts, Value};
use crate::text::{FreeText, Language};

/// A step of the worker-assisted flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// How the case came in and the client's situation.
    Opening,
    /// The service-need assessment (36–37 §, 43–44 §).
    Assessment,
    /// The client plan (39 §).
    Plan,
    /// The named worker (42 §).
    NamedWorker,
}

/// A group of fields drawn together on a step, in the order of [`FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The case opening.
    Opening,
    /// The assessment.
    Assessment,
    /// The client's situation and goal, at the top of the plan.
    PlanSituation,
    /// Whether and how the plan is made.
    PlanMaking,
    /// The content items of 39 § 2 mom.
    PlanItems,
    /// Whether the plan is a joint plan with other sectors, asked before its partners.
    PlanJoint,
    /// The partners of a joint plan (drawn by the plan's own partner list).
    PlanPartners,
    /// The joint plan, the responsible worker and the review, at the end of the plan.
    PlanClosing,
    /// Whether a named worker is named, and who.
    Naming,
    /// The worker doing client work with the named worker (42 § 3 mom).
    CoWorker,
    /// After the named worker: why none is named, and how often they meet.
    NamingEnd,
}

/// One option of a choice: its value (the fact's choice name), the id of its control and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value, as the fact catalogue and the case's JSON name it.
    pub value: &'static str,
    /// The id of its radio button (a select's options need none).
    pub id: &'static str,
    /// The message id of its label.
    pub label: &'static str,
}

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A date.
    Date,
    /// A whole number from 0 to `max`.
    Number {
        /// The largest number kept.
        max: u8,
    },
    /// Yes, no or not known, as three radio buttons `<id>-yes`, `<id>-no`, `<id>-unknown`.
    YesNo,
    /// One line of text.
    Line,
    /// Free text, several lines.
    Text,
    /// One of a few options, as radio buttons.
    Radios(&'static [Choice]),
    /// One of several options, as a select list that starts with `prompt` (a message id).
    Select {
        /// The options.
        choices: &'static [Choice],
        /// The message id of the empty first option.
        prompt: &'static str,
    },
    /// Not asked: the case implies it (a count over a list the step draws itself).
    Derived,
}

/// A field's answer, whatever its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A date, or none.
    Date(Option<NaiveDate>),
    /// A number, or none.
    Number(Option<u8>),
    /// Yes, no, or not known.
    Flag(Option<bool>),
    /// Text as typed (kept up to the document's limit).
    Text(String),
    /// The value of a chosen option, or none.
    Choice(Option<String>),
    /// A count the case implies.
    Count(usize),
}

/// One field of the worker-assisted form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name: its fact where it has one, otherwise a name in the same style.
    pub key: &'static str,
    /// The fact it gives the rules and the catalogue, named as in `rules/facts.toml`.
    pub fact: Option<&'static str>,
    /// The step it is asked in.
    pub step: Step,
    /// The group it is drawn in.
    pub section: Section,
    /// The id of its control (for yes/no and radio buttons, their shared name).
    pub id: &'static str,
    /// The message id of its label (or legend).
    pub label: &'static str,
    /// The message id of its hint, if any.
    pub hint: Option<&'static str>,
    /// How it is answered.
    pub input: Input,
    /// Whether it is asked, given the answers so far.
    pub shown: fn(&Case) -> bool,
    /// Its answer in a case.
    pub read: fn(&Case) -> Answer,
    /// Records an answer (an answer of another kind is ignored).
    pub write: fn(&mut Case, Answer),
}

impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        self.key == other.key
    }
}

impl Field {
    /// The id of the element a link to this field focuses: the control, the first radio button, or
    /// the place a derived fact is answered at. `None` when there is nothing to focus.
    pub fn focus_id(&self) -> Option<String> {
        match self.input {
            Input::YesNo => Some(format!("{}-yes", self.id)),
            Input::Radios(choices) => choices.first().map(|choice| choice.id.to_owned()),
            _ if self.id.is_empty() => None,
            _ => Some(self.id.to_owned()),
        }
    }

    /// Whether this field is drawn on its step for `case`.
    pub fn is_shown(&self, case: &Case) -> bool {
        self.input != Input::Derived && (self.shown)(case)
    }
}

/// Facts the rules name that this form deliberately does not ask, each with the reason. A decision
/// (45 §) is made after the plan, in the county's own case-management system; the form records the plan,
/// not decisions.
pub const NOT_ASKED: &[(&str, &str)] = &[
    (
        "decision.deviates_from_plan",
        "a decision is made after the plan, outside this form (45 §)",
    ),
    (
        "decision.deviation_reason",
        "a decision is made after the plan, outside this form (45 §)",
    ),
    (
        "decision.youth_mental_health_service",
        "a decision is made after the plan, outside this form (45 §)",
    ),
    (
        "decision.need_found_on",
        "a decision is made after the plan, outside this form (45 §)",
    ),
];

/// The field named `key`.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|field| field.key == key)
}

/// The field that gives the fact `fact`.
pub fn field_of_fact(fact: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|field| field.fact == Some(fact))
}

/// The fields of `section`, in order.
pub fn fields_in(section: Section) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |field| field.section == section)
}

/// The step that asks for `fact`, if the worker flow asks for it.
pub fn step_of_fact(fact: &str) -> Option<Step> {
    field_of_fact(fact).map(|field| field.step)
}

/// The value of a choice, as its option names it (`"other_authority"`).
pub fn choice_name<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|json| json.as_str().map(str::to_owned))
}

/// The choice named `name`, if it is one.
pub fn choice_value<T: DeserializeOwned>(name: Option<String>) -> Option<T> {
    name.and_then(|name| serde_json::from_value(serde_json::Value::String(name)).ok())
}

impl Case {
    /// The facts the rules and the service catalogue read, named as in `rules/facts.toml`: every field
    /// of [`FIELDS`] that has a fact.
    pub fn facts(&self, catalogue: &FactCatalogue) -> Result<Facts, FactError> {
        let mut facts = catalogue.facts();
        for field in FIELDS {
            let Some(fact) = field.fact else {
                continue;
            };
            match (field.read)(self) {
                Answer::Choice(choice) => catalogue.set_choice(&mut facts, fact, choice.as_deref())?,
                answer => catalogue.set(&mut facts, fact, fact_value(&answer))?,
            }
        }
        Ok(facts)
    }
}

/// The fact value of an answer: text counts as given when it is not blank.
fn fact_value(answer: &Answer) -> Option<Value> {
    match answer {
        Answer::Date(date) => date.map(Value::Date),
        Answer::Number(number) => number.map(|number| Value::Int(i64::from(number))),
        Answer::Flag(flag) => flag.map(Value::Bool),
        Answer::Text(text) => Some(Value::Text(!text.trim().is_empty())),
        Answer::Count(count) => Some(Value::Int(i64::try_from(*count).unwrap_or(i64::MAX))),
        Answer::Choice(_) => None,
    }
}

/// Text kept up to the document's limit of characters (counted as characters, not UTF-16 units).
fn free(answer: Answer) -> Option<FreeText> {
    match answer {
        Answer::Text(text) => Some(FreeText::from(text.as_str())),
        _ => None,
    }
}

fn text(value: &FreeText) -> Answer {
    Answer::Text(value.as_str().to_owned())
}

fn flag(answer: Answer) -> Option<Option<bool>> {
    match answer {
        Answer::Flag(flag) => Some(flag),
        _ => None,
    }
}

fn choice<T: DeserializeOwned>(answer: Answer) -> Option<Option<T>> {
    match answer {
        Answer::Choice(name) => Some(choice_value(name)),
        _ => None,
    }
}

fn always(_: &Case) -> bool {
    true
}

fn never_written(_: &mut Case, _: Answer) {}

/// Whether the service-need assessment is made (not recorded as obviously unnecessary).
pub fn assessment_made(case: &Case) -> bool {
    case.assessment.obviously_unnecessary != Some(true)
}

/// Whether the case became pending other than by a contact of the client, a relative or close person,
/// or the legal representative: by another authority's notice or the worker's own observation.
pub fn case_became_pending_otherwise(case: &Case) -> bool {
    matches!(
        case.opening.initiator,
        Some(Initiator::OtherAuthority | Initiator::WorkerObservation)
    )
}

/// Whether the date of birth is asked: when the age is not given or is 75, the only age at which the age in
/// years leaves open whether the client is over 75 (36 § 2 mom 1 k); and always once it is given, since it
/// then decides.
pub fn birth_date_matters(case: &Case) -> bool {
    case.client.born_on.is_some() || case.client.age.is_none_or(|age| age == 75)
}

/// Whether the client plan is made (not recorded as obviously unnecessary).
pub fn plan_made(case: &Case) -> bool {
    case.plan.obviously_unnecessary != Some(true)
}

/// Whether the joint plan's sharing is asked for each partner: when a joint plan is made (39 § 3 mom).
pub fn joint_plan(case: &Case) -> bool {
    plan_made(case) && case.plan.joint == Some(true)
}

/// Whether a partner's responsibility (39 § 2 mom 8 k) is not written down.
fn lacks_responsibility(partner: &Partner) -> bool {
    partner.responsibility.as_str().trim().is_empty()
}

/// The partners a derived partner fact counts (`plan.partners_missing_consent`: those in the joint plan
/// without a decided ground), with their place in the list from 0; empty for any other fact. What a
/// finding about such a fact names.
pub fn partners_counted<'c>(case: &'c Case, fact: &str) -> Vec<(usize, &'c Partner)> {
    let counts: fn(&Partner) -> bool = match fact {
        "plan.partners_missing_responsibility" => lacks_responsibility,
        "plan.partners_missing_consent" if case.plan.joint == Some(true) => Partner::lacks_consent,
        "plan.partners_special_act_uncited" if case.plan.joint == Some(true) => Partner::special_act_uncited,
        _ => return Vec::new(),
    };
    case.plan
        .partners
        .iter()
        .enumerate()
        .filter(|(_, partner)| counts(partner))
        .collect()
}

/// Whether a named worker is named (no exception recorded).
pub fn worker_named(case: &Case) -> bool {
    case.named_worker.exception == NamingException::None
}

/// The sectors a partner of a joint plan can be from (39 § 2 mom 8 k), as a partner's select lists them.
pub const PARTNER_SECTORS: &[Choice] = &[
    Choice {
        value: "employment_services",
        id: "",
        label: "sector-employment-services",
    },
    Choice {
        value: "kela",
        id: "",
        label: "sector-kela",
    },
    Choice {
        value: "health_care",
        id: "",
        label: "sector-health-care",
    },
    Choice {
        value: "education",
        id: "",
        label: "sector-education",
    },
    Choice {
        value: "organisations",
        id: "",
        label: "sector-organisations",
    },
    Choice {
        value: "social_services",
        id: "",
        label: "sector-social-services",
    },
];

const INITIATORS: &[Choice] = &[
    Choice {
        value: "client",
        id: "initiator-client",
        label: "initiator-client",
    },
    Choice {
        value: "relative_or_close_person",
        id: "initiator-relative",
        label: "initiator-relative",
    },
    Choice {
        value: "legal_representative",
        id: "initiator-legal-representative",
        label: "initiator-legal-representative",
    },
    Choice {
        value: "other_authority",
        id: "initiator-other-authority",
        label: "initiator-other-authority",
    },
    Choice {
        value: "worker_observation",
        id: "initiator-worker-observation",
        label: "initiator-worker-observation",
    },
];

const LANGUAGES: &[Choice] = &[
    Choice {
        value: "fi",
        id: "client_language-fi",
        label: "client-language-fi",
    },
    Choice {
        value: "sv",
        id: "client_language-sv",
        label: "client-language-sv",
    },
    Choice {
        value: "en",
        id: "client_language-en",
        label: "client-language-en",
    },
];

const PROFESSIONS: &[Choice] = &[
    Choice {
        value: "social_worker",
        id: "",
        label: "profession-social-worker",
    },
    Choice {
        value: "sosionomi",
        id: "",
        label: "profession-sosionomi",
    },
    Choice {
        value: "geronomi",
        id: "",
        label: "profession-geronomi",
    },
    Choice {
        value: "rehabilitation_counsellor",
        id: "",
        label: "profession-rehabilitation-counsellor",
    },
    Choice {
        value: "practical_nurse",
        id: "",
        label: "profession-practical-nurse",
    },
    Choice {
        value: "health_care_professional",
        id: "",
        label: "profession-health-care-professional",
    },
    Choice {
        value: "other",
        id: "",
        label: "profession-other",
    },
];

const NEED_CLIENT: &[Choice] = &[
    Choice {
        value: "needed",
        id: "need_client-needed",
        label: "need-needed",
    },
    Choice {
        value: "not_needed",
        id: "need_client-not-needed",
        label: "need-not-needed",
    },
];

const NEED_PROFESSIONAL: &[Choice] = &[
    Choice {
        value: "needed",
        id: "need_professional-needed",
        label: "need-needed",
    },
    Choice {
        value: "not_needed",
        id: "need_professional-not-needed",
        label: "need-not-needed",
    },
];

const NEED_NATURES: &[Choice] = &[
    Choice {
        value: "temporary",
        id: "need_nature-temporary",
        label: "need-temporary",
    },
    Choice {
        value: "recurring",
        id: "need_nature-recurring",
        label: "need-recurring",
    },
    Choice {
        value: "long_term",
        id: "need_nature-long-term",
        label: "need-long-term",
    },
];

const GROUNDS: &[Choice] = &[
    Choice {
        value: "consent",
        id: "ground-consent",
        label: "ground-consent",
    },
    Choice {
        value: "unable_to_care_for_self",
        id: "ground-unable",
        label: "ground-unable",
    },
    Choice {
        value: "child_interest",
        id: "ground-child",
        label: "ground-child",
    },
];

const GOALS: &[Choice] = &[
    Choice {
        value: "work",
        id: "goal-work",
        label: "goal-work",
    },
    Choice {
        value: "education",
        id: "goal-education",
        label: "goal-education",
    },
    Choice {
        value: "rehabilitation",
        id: "goal-rehabilitation",
        label: "goal-rehabilitation",
    },
    Choice {
        value: "pension_assessment",
        id: "goal-pension-assessment",
        label: "goal-pension-assessment",
    },
    Choice {
        value: "participation",
        id: "goal-participation",
        label: "goal-participation",
    },
];

const EXCEPTIONS: &[Choice] = &[
    Choice {
        value: "none",
        id: "exception-none",
        label: "naming-none",
    },
    Choice {
        value: "other_responsible_worker",
        id: "exception-other",
        label: "naming-other-responsible-worker",
    },
    Choice {
        value: "obviously_unnecessary",
        id: "exception-unnecessary",
        label: "naming-obviously-unnecessary",
    },
];

/// `None`, or `Some` of the one value given: for optional named arguments of the field macros.
macro_rules! optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

/// The field's visibility: the given function, or always shown.
macro_rules! shown_when {
    () => {
        always
    };
    ($shown:expr) => {
        $shown
    };
}

/// A field of the table. Its first argument names it by its fact (`fact: "case.urgent"`, the key is the
/// fact) or, for a field the rules do not read, by a key alone (`key: "plan.responsible_worker"`); then,
/// by name, its step, section, control id, label, optional hint, optional visibility (`shown:`, else
/// always), and the place in the case it answers (`value:`).
///
/// Kinds: `yes_no` (an `Option<bool>`), `text` and `line` (a `FreeText`), `radios` and `select` (an
/// `Option` of an enum, with its options), `date` (an `Option<NaiveDate>`), `number` (an `Option<u8>` up
/// to `max`).
macro_rules! field {
    (fact: $fact:literal, $($rest:tt)*) => { field!(@ $fact, Some($fact), $($rest)*) };
    (key: $key:literal, $($rest:tt)*) => { field!(@ $key, None, $($rest)*) };
    (@ $key:expr, $fact:expr, $kind:ident $(($($options:tt)*))?, step: $step:ident, section: $section:ident,
        id: $id:literal, label: $label:literal, $(hint: $hint:literal,)? $(shown: $shown:expr,)?
        value: $($path:ident).+ $(,)?) => {
        Field {
            key: $key,
            fact: $fact,
            step: Step::$step,
            section: Section::$section,
            id: $id,
            label: $label,
            hint: optional!($($hint)?),
            input: field!(@input $kind $(($($options)*))?),
            shown: shown_when!($($shown)?),
            read: |case| field!(@read $kind, case.$($path).+),
            write: |case, answer| field!(@write $kind $(($($options)*))?, case.$($path).+, answer),
        }
    };
    (@input yes_no) => { Input::YesNo };
    (@input text) => { Input::Text };
    (@input line) => { Input::Line };
    (@input date) => { Input::Date };
    (@input number($max:expr)) => { Input::Number { max: $max } };
    (@input radios($choices:expr, $type:ty)) => { Input::Radios($choices) };
    (@input select($choices:expr, $type:ty, $prompt:literal)) => { Input::Select { choices: $choices, prompt: $prompt } };
    (@read yes_no, $value:expr) => { Answer::Flag($value) };
    (@read text, $value:expr) => { text(&$value) };
    (@read line, $value:expr) => { text(&$value) };
    (@read date, $value:expr) => { Answer::Date($value) };
    (@read number, $value:expr) => { Answer::Number($value) };
    (@read radios, $value:expr) => { Answer::Choice($value.as_ref().and_then(choice_name)) };
    (@read select, $value:expr) => { Answer::Choice($value.as_ref().and_then(choice_name)) };
    (@write yes_no, $place:expr, $answer:expr) => {
        if let Some(value) = flag($answer) {
            $place = value;
        }
    };
    (@write text, $place:expr, $answer:expr) => {
        if let Some(value) = free($answer) {
            $place = value;
        }
    };
    (@write line, $place:expr, $answer:expr) => { field!(@write text, $place, $answer) };
    (@write date, $place:expr, $answer:expr) => {
        if let Answer::Date(value) = $answer {
            $place = value;
        }
    };
    (@write number($max:expr), $place:expr, $answer:expr) => {
        if let Answer::Number(value) = $answer {
            $place = value.filter(|number| *number <= $max);
        }
    };
    (@write radios($choices:expr, $type:ty), $place:expr, $answer:expr) => {
        if let Some(value) = choice::<$type>($answer) {
            $place = value;
        }
    };
    (@write select($choices:expr, $type:ty, $prompt:literal), $place:expr, $answer:expr) => {
        field!(@write radios($choices, $type), $place, $answer)
    };
}

/// A count of the plan's partners that `$filter` picks, derived for the rules.
macro_rules! partner_count {
    ($key:literal, $id:literal, $filter:expr) => {
        Field {
            key: $key,
            fact: Some($key),
            step: Step::Plan,
            section: Section::PlanPartners,
            id: $id,
            label: "plan-partners",
            hint: None,
            input: Input::Derived,
            shown: always,
            read: |case| {
                Answer::Count(
                    case.plan
                        .partners
                        .iter()
                        .filter(|partner| $filter(partner))
                        .count(),
                )
            },
            write: never_written,
        }
    };
}

/// Every field of the worker-assisted form, in the order the steps draw them.
#[rustfmt::skip] // each row is one field; rustfmt would not indent a row's continuation lines
pub static FIELDS: &[Field] = &[
    // Step 1: the case opening.
    field! { fact: "case.opened_on", date, step: Opening, section: Opening, id: "opened_on",
        label: "opened-on-label", hint: "opened-on-hint", value: opening.opened_on },
    field! { fact: "case.initiator", radios(INITIATORS, Initiator), step: Opening, section: Opening,
        id: "initiator", label: "initiator-legend", value: opening.initiator },
    field! { fact: "case.contacted_on", date, step: Opening, section: Opening, id: "contacted_on",
        label: "contacted-on-label", hint: "contacted-on-hint", shown: case_became_pending_otherwise,
        value: opening.contacted_on },
    Field {
        key: "client.language",
        fact: None,
        step: Step::Opening,
        section: Section::Opening,
        id: "client_language",
        label: "client-language-legend",
        hint: None,
        input: Input::Radios(LANGUAGES),
        shown: always,
        read: |case| Answer::Choice(case.client.language.map(|language| language.tag().to_owned())),
        write: |case, answer| {
            if let Answer::Choice(tag) = answer {
                case.client.language = tag.as_deref().and_then(Language::parse);
            }
        },
    },
    field! { fact: "case.urgent", yes_no, step: Opening, section: Opening, id: "urgent",
        label: "urgent-legend", hint: "urgent-hint", value: opening.urgent },
    field! { fact: "client.age", number(130), step: Opening, section: Opening, id: "age",
        label: "age-label", value: client.age },
    field! { fact: "client.born_on", date, step: Opening, section: Opening, id: "born_on",
        label: "born-on-label", hint: "born-on-hint", shown: birth_date_matters, value: client.born_on },
    field! { fact: "client.highest_care_allowance", yes_no, step: Opening, section: Opening,
        id: "highest_care_allowance", label: "flag-highest-care-allowance",
        hint: "flag-highest-care-allowance-hint", value: client.highest_care_allowance },
    field! { fact: "client.vpl_disabled", yes_no, step: Opening, section: Opening, id: "vpl_disabled",
        label: "flag-vpl-disabled", hint: "flag-vpl-disabled-hint", value: client.vpl_disabled },
    field! { fact: "client.special_support", yes_no, step: Opening, section: Opening, id: "special_support",
        label: "flag-special-support", hint: "flag-special-support-hint", value: client.special_support },
    field! { fact: "client.has_dependants", yes_no, step: Opening, section: Opening, id: "has_dependants",
        label: "flag-has-dependants", hint: "flag-has-dependants-hint", value: client.has_dependants },
    field! { fact: "client.care_capacity_weakened", yes_no, step: Opening, section: Opening,
        id: "care_capacity_weakened", label: "flag-care-capacity-weakened",
        hint: "flag-care-capacity-weakened-hint", shown: |case| case.client.has_dependants == Some(true),
        value: client.care_capacity_weakened },
    field! { fact: "case.needs_other_authority", yes_no, step: Opening, section: Opening,
        id: "needs_other_authority", label: "needs-other-authority", hint: "needs-other-authority-hint",
        value: opening.needs_other_authority },
    field! { fact: "consent.contact_other_authority", yes_no, step: Opening, section: Opening,
        id: "consent_contact_other_authority", label: "consent-contact-other-authority",
        shown: |case| case.opening.needs_other_authority == Some(true),
        value: opening.consent_to_contact_other_authority },
    // Step 2: the service-need assessment.
    field! { fact: "assessment.obviously_unnecessary", yes_no, step: Assessment, section: Assessment,
        id: "assessment_unnecessary", label: "assessment-unnecessary", hint: "assessment-unnecessary-hint",
        value: assessment.obviously_unnecessary },
    field! { fact: "assessment.unnecessary_reason", text, step: Assessment, section: Assessment,
        id: "assessment_unnecessary_reason", label: "assessment-unnecessary-reason",
        shown: |case| !assessment_made(case), value: assessment.unnecessary_reason },
    field! { fact: "assessment.responsible_profession", select(PROFESSIONS, Profession, "profession-choose"),
        step: Assessment, section: Assessment, id: "assessment_responsible_profession",
        label: "assessment-responsible-profession", shown: assessment_made,
        value: assessment.responsible.profession },
    field! { fact: "assessment.responsible_in_public_office", yes_no, step: Assessment, section: Assessment,
        id: "assessment_responsible_in_office", label: "in-public-office", shown: assessment_made,
        value: assessment.responsible.in_public_office },
    field! { fact: "assessment.summary", text, step: Assessment, section: Assessment,
        id: "assessment_summary", label: "assessment-summary", shown: assessment_made,
        value: assessment.summary },
    field! { fact: "assessment.professional_conclusions", text, step: Assessment, section: Assessment,
        id: "assessment_conclusions", label: "assessment-conclusions", shown: assessment_made,
        value: assessment.professional_conclusions },
    field! { fact: "assessment.client_view", text, step: Assessment, section: Assessment,
        id: "assessment_client_view", label: "assessment-client-view", shown: assessment_made,
        value: assessment.client_view },
    field! { fact: "assessment.client_view_obstacle", text, step: Assessment, section: Assessment,
        id: "assessment_client_view_obstacle", label: "assessment-client-view-obstacle",
        shown: assessment_made, value: assessment.client_view_obstacle },
    field! { fact: "assessment.named_worker_need_client", radios(NEED_CLIENT, NamedWorkerNeed),
        step: Assessment, section: Assessment, id: "need_client", label: "named-worker-need-client",
        shown: assessment_made, value: assessment.named_worker_need_client },
    field! { fact: "assessment.named_worker_need_professional", radios(NEED_PROFESSIONAL, NamedWorkerNeed),
        step: Assessment, section: Assessment, id: "need_professional",
        label: "named-worker-need-professional", shown: assessment_made,
        value: assessment.named_worker_need_professional },
    field! { fact: "assessment.needs_support", yes_no, step: Assessment, section: Assessment,
        id: "needs_support", label: "assessment-needs-support", shown: assessment_made,
        value: assessment.needs_support },
    field! { fact: "assessment.need_nature", radios(NEED_NATURES, NeedNature), step: Assessment,
        section: Assessment, id: "need_nature", label: "need-nature",
        shown: |case| assessment_made(case) && case.assessment.needs_support == Some(true),
        value: assessment.need_nature },
    field! { fact: "assessment.close_network_mapping", yes_no, step: Assessment, section: Assessment,
        id: "close_network_mapping", label: "close-network-mapping", shown: assessment_made,
        value: assessment.close_network_mapping },
    field! { fact: "assessment.close_network_ground", radios(GROUNDS, CloseNetworkGround), step: Assessment,
        section: Assessment, id: "close_network_ground", label: "close-network-ground",
        shown: |case| assessment_made(case) && case.assessment.close_network_mapping == Some(true),
        value: assessment.close_network_ground },
    field! { fact: "assessment.dependants_assessed", yes_no, step: Assessment, section: Assessment,
        id: "dependants_assessed", label: "dependants-assessed",
        shown: |case| assessment_made(case) && case.client.has_dependants == Some(true),
        value: assessment.dependants_assessed },
    // Step 3: the client plan.
    field! { fact: "client.goal", radios(GOALS, Goal), step: Plan, section: PlanSituation, id: "goal",
        label: "goal-legend", value: client.goal },
    field! { fact: "client.work_ability_score", number(10), step: Plan, section: PlanSituation,
        id: "work_ability_score", label: "plan-work-ability-score", value: client.work_ability_score },
    field! { fact: "client.unemployed_job_seeker", yes_no, step: Plan, section: PlanSituation,
        id: "unemployed_job_seeker", label: "situation-unemployed", value: client.unemployed_job_seeker },
    field! { fact: "client.can_use_employment_services", yes_no, step: Plan, section: PlanSituation,
        id: "can_use_employment_services", label: "situation-employment-services",
        value: client.can_use_employment_services },
    field! { fact: "client.can_attend_half_days_weekly", yes_no, step: Plan, section: PlanSituation,
        id: "can_attend_half_days_weekly", label: "situation-half-days",
        value: client.can_attend_half_days_weekly },
    field! { fact: "client.illness_reduces_work_ability", yes_no, step: Plan, section: PlanSituation,
        id: "illness_reduces_work_ability", label: "situation-illness",
        value: client.illness_reduces_work_ability },
    field! { fact: "client.needs_multisector_support", yes_no, step: Plan, section: PlanSituation,
        id: "needs_multisector_support", label: "situation-multisector",
        value: client.needs_multisector_support },
    field! { fact: "client.mental_health_or_substance_need", yes_no, step: Plan, section: PlanSituation,
        id: "mental_health_or_substance_need", label: "situation-mental-health",
        value: client.mental_health_or_substance_need },
    field! { fact: "client.needs_accompaniment", yes_no, step: Plan, section: PlanSituation,
        id: "needs_accompaniment", label: "situation-accompaniment", value: client.needs_accompaniment },
    field! { fact: "client.has_vocational_qualification", yes_no, step: Plan, section: PlanSituation,
        id: "has_vocational_qualification", label: "situation-qualification",
        value: client.has_vocational_qualification },
    field! { fact: "client.moved_to_finland", yes_no, step: Plan, section: PlanSituation,
        id: "moved_to_finland", label: "situation-moved-to-finland", value: client.moved_to_finland },
    field! { fact: "client.released_from_prison", yes_no, step: Plan, section: PlanSituation,
        id: "released_from_prison", label: "situation-released-from-prison",
        hint: "situation-released-from-prison-hint", value: client.released_from_prison },
    field! { fact: "client.disability_pension_refused", yes_no, step: Plan, section: PlanSituation,
        id: "disability_pension_refused", label: "situation-pension-refused",
        value: client.disability_pension_refused },
    field! { fact: "client.outside_labour_force", yes_no, step: Plan, section: PlanSituation,
        id: "outside_labour_force", label: "situation-outside-labour-force",
        value: client.outside_labour_force },
    field! { fact: "plan.obviously_unnecessary", yes_no, step: Plan, section: PlanMaking,
        id: "plan_unnecessary", label: "plan-unnecessary", value: plan.obviously_unnecessary },
    field! { fact: "plan.unnecessary_reason", text, step: Plan, section: PlanMaking,
        id: "plan_unnecessary_reason", label: "plan-unnecessary-reason", shown: |case| !plan_made(case),
        value: plan.unnecessary_reason },
    field! { fact: "plan.made_on", date, step: Plan, section: PlanMaking, id: "plan_made_on",
        label: "plan-made-on-label", hint: "plan-made-on-hint", shown: plan_made, value: plan.made_on },
    field! { fact: "plan.made_with_client", yes_no, step: Plan, section: PlanMaking, id: "made_with_client",
        label: "plan-with-client", shown: plan_made, value: plan.made_with_client },
    field! { fact: "plan.client_obstacle", text, step: Plan, section: PlanMaking, id: "plan_client_obstacle",
        label: "plan-client-obstacle",
        shown: |case| plan_made(case) && case.plan.made_with_client == Some(false),
        value: plan.client_obstacle },
    field! { fact: "plan.item_01_support_need", text, step: Plan, section: PlanItems, id: "item_support_need",
        label: "item-support-need", shown: plan_made, value: plan.items.support_need },
    field! { fact: "plan.item_02_services", text, step: Plan, section: PlanItems, id: "item_services_needed",
        label: "item-services-needed", shown: plan_made, value: plan.items.services_needed },
    field! { fact: "plan.item_03_essential_services", text, step: Plan, section: PlanItems,
        id: "item_essential_services", label: "item-essential-services", shown: plan_made,
        value: plan.items.essential_services },
    field! { fact: "plan.item_05_strengths", text, step: Plan, section: PlanItems, id: "item_strengths",
        label: "item-strengths", shown: plan_made, value: plan.items.strengths },
    field! { fact: "plan.item_06_goals", text, step: Plan, section: PlanItems, id: "item_goals",
        label: "item-goals", shown: plan_made, value: plan.items.goals },
    field! { fact: "plan.item_07_duration", text, step: Plan, section: PlanItems, id: "item_duration",
        label: "item-duration", shown: plan_made, value: plan.items.duration },
    field! { fact: "plan.item_09_follow_up", text, step: Plan, section: PlanItems, id: "item_follow_up",
        label: "item-follow-up", shown: plan_made, value: plan.items.follow_up },
    field! { fact: "plan.item_10_environment", text, step: Plan, section: PlanItems, id: "item_environment",
        label: "item-environment", shown: plan_made, value: plan.items.environment },
    field! { fact: "plan.item_11_client_proposal", text, step: Plan, section: PlanItems,
        id: "item_client_proposal", label: "item-client-proposal", shown: plan_made,
        value: plan.items.client_proposal },
    partner_count!("plan.partners", "", |_: &Partner| true),
    partner_count!("plan.partners_missing_responsibility", "partner-1-responsibility", lacks_responsibility),
    partner_count!("plan.partners_missing_consent", "partner-1-sharing-consent", Partner::lacks_consent),
    partner_count!("plan.partners_shared_by_special_act", "", |partner: &Partner| {
        partner.sharing == Some(Sharing::SpecialAct)
        }),
    partner_count!("plan.partners_special_act_uncited", "partner-1-legal-basis", Partner::special_act_uncited),
    field! { fact: "plan.joint", yes_no, step: Plan, section: PlanJoint, id: "joint_plan",
        label: "plan-joint", hint: "plan-joint-hint", shown: plan_made, value: plan.joint },
    field! { key: "plan.responsible_worker", text, step: Plan, section: PlanClosing, id: "responsible_worker",
        label: "plan-responsible-worker", shown: plan_made, value: plan.responsible_worker },
    field! { fact: "plan.responsible_profession", select(PROFESSIONS, Profession, "profession-choose"),
        step: Plan, section: PlanClosing, id: "plan_responsible_profession",
        label: "plan-responsible-profession", shown: plan_made, value: plan.responsible_profession },
    field! { fact: "plan.responsible_in_public_office", yes_no, step: Plan, section: PlanClosing,
        id: "plan_responsible_in_office", label: "plan-responsible-in-office", shown: plan_made,
        value: plan.responsible_in_public_office },
    Field {
        key: "plan.review_date",
        fact: Some("plan.review_date"),
        step: Step::Plan,
        section: Section::PlanClosing,
        id: "review_date",
        label: "plan-review-date",
        hint: None,
        input: Input::Date,
        shown: plan_made,
        // The earliest agreed day: the review that comes first is the one that falls due first.
        read: |case| Answer::Date(case.plan.review_dates.iter().min().copied()),
        write: |case, answer| {
            if let Answer::Date(date) = answer {
                case.plan.review_dates = date.into_iter().collect();
            }
        },
    },
    // Step 4: the named worker.
    Field {
        key: "named_worker.exception",
        fact: Some("named_worker.exception"),
        step: Step::NamedWorker,
        section: Section::Naming,
        id: "naming",
        label: "naming-legend",
        hint: None,
        input: Input::Radios(EXCEPTIONS),
        shown: always,
        read: |case| Answer::Choice(choice_name(&case.named_worker.exception)),
        write: |case, answer| {
            if let Some(value) = choice::<NamingException>(answer) {
                case.named_worker.exception = value.unwrap_or_default();
            }
        },
    },
    field! { fact: "named_worker.name", line, step: NamedWorker, section: Naming, id: "named_worker_name",
        label: "named-worker-name", shown: worker_named, value: named_worker.worker.name },
    field! { fact: "named_worker.profession", select(PROFESSIONS, Profession, "profession-choose"),
        step: NamedWorker, section: Naming, id: "named_worker_profession", label: "named-worker-profession",
        shown: worker_named, value: named_worker.worker.profession },
    field! { fact: "named_worker.in_public_office", yes_no, step: NamedWorker, section: Naming,
        id: "named_worker_in_office", label: "in-public-office", shown: worker_named,
        value: named_worker.worker.in_public_office },
    field! { fact: "named_worker.health_care_justification", text, step: NamedWorker, section: Naming,
        id: "health_care_justification", label: "health-care-justification",
        shown: |case| worker_named(case) && case.named_worker.worker.profession == Some(Profession::HealthCareProfessional),
        value: named_worker.health_care_justification },
    field! { fact: "co_worker.profession", select(PROFESSIONS, Profession, "profession-choose"),
        step: NamedWorker, section: CoWorker, id: "co_worker_profession", label: "co-worker-profession",
        shown: worker_named, value: named_worker.co_worker.profession },
    field! { fact: "co_worker.in_public_office", yes_no, step: NamedWorker, section: CoWorker,
        id: "co_worker_in_office", label: "in-public-office", shown: worker_named,
        value: named_worker.co_worker.in_public_office },
    field! { fact: "named_worker.exception_reason", text, step: NamedWorker, section: NamingEnd,
        id: "exception_reason", label: "naming-exception-reason", shown: |case| !worker_named(case),
        value: named_worker.exception_reason },
    field! { fact: "plan.item_04_meeting_frequency", text, step: NamedWorker, section: NamingEnd,
        id: "meeting_frequency", label: "meeting-frequency", value: plan.items.meeting_frequency },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_control_ids_are_unique() {
        let mut keys = std::collections::HashSet::new();
        let mut ids = std::collections::HashSet::new();
        for field in FIELDS {
            assert!(keys.insert(field.key), "key `{}` twice", field.key);
            if let Some(id) = field.focus_id() {
                assert!(ids.insert(id.clone()), "control id `{id}` twice");
            }
        }
    }

    #[test]
    fn every_field_writes_what_it_reads() {
        for field in FIELDS {
            let mut case = Case::default();
            let answer = match field.input {
                Input::Date => Answer::Date(NaiveDate::from_ymd_opt(2026, 3, 2)),
                Input::Number { max } => Answer::Number(Some(max.min(7))),
                Input::YesNo => Answer::Flag(Some(true)),
                Input::Line | Input::Text => Answer::Text("Testi".to_owned()),
                Input::Radios(choices) | Input::Select { choices, .. } => {
                    Answer::Choice(choices.last().map(|choice| choice.value.to_owned()))
                }
                Input::Derived => continue,
            };
            (field.write)(&mut case, answer.clone());
            assert_eq!((field.read)(&case), answer, "field `{}`", field.key);
        }
    }

    #[test]
    fn every_option_of_a_choice_is_a_value_of_its_type() {
        for field in FIELDS {
            let (Input::Radios(choices) | Input::Select { choices, .. }) = field.input else {
                continue;
            };
            for option in choices {
                let mut case = Case::default();
                (field.write)(&mut case, Answer::Choice(Some(option.value.to_owned())));
                assert_eq!(
                    (field.read)(&case),
                    Answer::Choice(Some(option.value.to_owned())),
                    "option `{}` of `{}`",
                    option.value,
                    field.key
                );
            }
        }
    }

    #[test]
    fn every_partner_sector_is_a_sector() {
        for sector in PARTNER_SECTORS {
            assert!(
                choice_value::<crate::catalogue::Sector>(Some(sector.value.to_owned())).is_some(),
                "{}",
                sector.value
            );
        }
    }

    #[test]
    fn text_is_kept_up_to_the_documents_limit() {
        let mut case = Case::default();
        let summary = field("assessment.summary").unwrap();
        (summary.write)(
            &mut case,
            Answer::Text("ä".repeat(crate::text::MAX_FREE_TEXT_CHARS + 5)),
        );
        assert_eq!(
            case.assessment.summary.as_str().chars().count(),
            crate::text::MAX_FREE_TEXT_CHARS
        );
    }

    #[test]
    fn a_work_ability_score_above_ten_is_not_kept() {
        let mut case = Case::default();
        let score = field("client.work_ability_score").unwrap();
        (score.write)(&mut case, Answer::Number(Some(11)));
        assert_eq!(case.client.work_ability_score, None);
    }
}
