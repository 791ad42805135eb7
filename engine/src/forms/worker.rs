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
    Case, CloseNetworkGround, Initiator, NamedWorkerNeed, NamingException, NeedNature, Profession,
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

/// Whether the client plan is made (not recorded as obviously unnecessary).
pub fn plan_made(case: &Case) -> bool {
    case.plan.obviously_unnecessary != Some(true)
}

/// Whether a named worker is named (no exception recorded).
pub fn worker_named(case: &Case) -> bool {
    case.named_worker.exception == NamingException::None
}

const YES_NO: Input = Input::YesNo;

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

/// A yes/no field of `$section` on `$step` stored at `$($path).+`.
macro_rules! yes_no {
    ($key:literal, $fact:expr, $step:ident, $section:ident, $id:literal, $label:literal, $hint:expr, $shown:expr, $($path:ident).+) => {
        Field {
            key: $key,
            fact: $fact,
            step: Step::$step,
            section: Section::$section,
            id: $id,
            label: $label,
            hint: $hint,
            input: YES_NO,
            shown: $shown,
            read: |case| Answer::Flag(case.$($path).+),
            write: |case, answer| {
                if let Some(value) = flag(answer) {
                    case.$($path).+ = value;
                }
            },
        }
    };
}

/// A free-text field (`$input`: `Input::Text` or `Input::Line`) stored at `$($path).+`.
macro_rules! free_text {
    ($key:literal, $fact:expr, $step:ident, $section:ident, $id:literal, $label:literal, $input:expr, $shown:expr, $($path:ident).+) => {
        Field {
            key: $key,
            fact: $fact,
            step: Step::$step,
            section: Section::$section,
            id: $id,
            label: $label,
            hint: None,
            input: $input,
            shown: $shown,
            read: |case| text(&case.$($path).+),
            write: |case, answer| {
                if let Some(value) = free(answer) {
                    case.$($path).+ = value;
                }
            },
        }
    };
}

/// A choice field (`$input`: radios or a select over `$choices`) of enum `$type` stored at `$($path).+`.
macro_rules! one_of {
    ($key:literal, $fact:expr, $step:ident, $section:ident, $id:literal, $label:literal, $input:expr, $shown:expr, $type:ty, $($path:ident).+) => {
        Field {
            key: $key,
            fact: $fact,
            step: Step::$step,
            section: Section::$section,
            id: $id,
            label: $label,
            hint: None,
            input: $input,
            shown: $shown,
            read: |case| Answer::Choice(case.$($path).+.as_ref().and_then(choice_name)),
            write: |case, answer| {
                if let Some(value) = choice::<$type>(answer) {
                    case.$($path).+ = value;
                }
            },
        }
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
            read: |case| Answer::Count(case.plan.partners.iter().filter($filter).count()),
            write: never_written,
        }
    };
}

/// Every field of the worker-assisted form, in the order the steps draw them.
pub static FIELDS: &[Field] = &[
    // Step 1: the case opening.
    Field {
        key: "case.opened_on",
        fact: Some("case.opened_on"),
        step: Step::Opening,
        section: Section::Opening,
        id: "opened_on",
        label: "opened-on-label",
        hint: Some("opened-on-hint"),
        input: Input::Date,
        shown: always,
        read: |case| Answer::Date(case.opening.opened_on),
        write: |case, answer| {
            if let Answer::Date(date) = answer {
                case.opening.opened_on = date;
            }
        },
    },
    one_of!(
        "case.initiator",
        Some("case.initiator"),
        Opening,
        Opening,
        "initiator",
        "initiator-legend",
        Input::Radios(INITIATORS),
        always,
        Initiator,
        opening.initiator
    ),
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
                case.client.language = tag.as_deref().and_then(Language::from_tag);
            }
        },
    },
    yes_no!(
        "case.urgent",
        Some("case.urgent"),
        Opening,
        Opening,
        "urgent",
        "urgent-legend",
        Some("urgent-hint"),
        always,
        opening.urgent
    ),
    Field {
        key: "client.age",
        fact: Some("client.age"),
        step: Step::Opening,
        section: Section::Opening,
        id: "age",
        label: "age-label",
        hint: None,
        input: Input::Number { max: u8::MAX },
        shown: always,
        read: |case| Answer::Number(case.client.age),
        write: |case, answer| {
            if let Answer::Number(age) = answer {
                case.client.age = age;
            }
        },
    },
    yes_no!(
        "client.highest_care_allowance",
        Some("client.highest_care_allowance"),
        Opening,
        Opening,
        "highest_care_allowance",
        "flag-highest-care-allowance",
        Some("flag-highest-care-allowance-hint"),
        always,
        client.highest_care_allowance
    ),
    yes_no!(
        "client.vpl_disabled",
        Some("client.vpl_disabled"),
        Opening,
        Opening,
        "vpl_disabled",
        "flag-vpl-disabled",
        Some("flag-vpl-disabled-hint"),
        always,
        client.vpl_disabled
    ),
    yes_no!(
        "client.special_support",
        Some("client.special_support"),
        Opening,
        Opening,
        "special_support",
        "flag-special-support",
        Some("flag-special-support-hint"),
        always,
        client.special_support
    ),
    yes_no!(
        "client.has_dependants",
        Some("client.has_dependants"),
        Opening,
        Opening,
        "has_dependants",
        "flag-has-dependants",
        Some("flag-has-dependants-hint"),
        always,
        client.has_dependants
    ),
    yes_no!(
        "client.care_capacity_weakened",
        Some("client.care_capacity_weakened"),
        Opening,
        Opening,
        "care_capacity_weakened",
        "flag-care-capacity-weakened",
        Some("flag-care-capacity-weakened-hint"),
        |case| case.client.has_dependants == Some(true),
        client.care_capacity_weakened
    ),
    yes_no!(
        "case.needs_other_authority",
        Some("case.needs_other_authority"),
        Opening,
        Opening,
        "needs_other_authority",
        "needs-other-authority",
        Some("needs-other-authority-hint"),
        always,
        opening.needs_other_authority
    ),
    yes_no!(
        "consent.contact_other_authority",
        Some("consent.contact_other_authority"),
        Opening,
        Opening,
        "consent_contact_other_authority",
        "consent-contact-other-authority",
        None,
        |case| case.opening.needs_other_authority == Some(true),
        opening.consent_to_contact_other_authority
    ),
    // Step 2: the service-need assessment.
    yes_no!(
        "assessment.obviously_unnecessary",
        Some("assessment.obviously_unnecessary"),
        Assessment,
        Assessment,
        "assessment_unnecessary",
        "assessment-unnecessary",
        Some("assessment-unnecessary-hint"),
        always,
        assessment.obviously_unnecessary
    ),
    free_text!(
        "assessment.unnecessary_reason",
        Some("assessment.unnecessary_reason"),
        Assessment,
        Assessment,
        "assessment_unnecessary_reason",
        "assessment-unnecessary-reason",
        Input::Text,
        |case| !assessment_made(case),
        assessment.unnecessary_reason
    ),
    one_of!(
        "assessment.responsible_profession",
        Some("assessment.responsible_profession"),
        Assessment,
        Assessment,
        "assessment_responsible_profession",
        "assessment-responsible-profession",
        Input::Select {
            choices: PROFESSIONS,
            prompt: "profession-choose"
        },
        assessment_made,
        Profession,
        assessment.responsible.profession
    ),
    yes_no!(
        "assessment.responsible_in_public_office",
        Some("assessment.responsible_in_public_office"),
        Assessment,
        Assessment,
        "assessment_responsible_in_office",
        "in-public-office",
        None,
        assessment_made,
        assessment.responsible.in_public_office
    ),
    free_text!(
        "assessment.summary",
        Some("assessment.summary"),
        Assessment,
        Assessment,
        "assessment_summary",
        "assessment-summary",
        Input::Text,
        assessment_made,
        assessment.summary
    ),
    free_text!(
        "assessment.professional_conclusions",
        Some("assessment.professional_conclusions"),
        Assessment,
        Assessment,
        "assessment_conclusions",
        "assessment-conclusions",
        Input::Text,
        assessment_made,
        assessment.professional_conclusions
    ),
    free_text!(
        "assessment.client_view",
        Some("assessment.client_view"),
        Assessment,
        Assessment,
        "assessment_client_view",
        "assessment-client-view",
        Input::Text,
        assessment_made,
        assessment.client_view
    ),
    free_text!(
        "assessment.client_view_obstacle",
        Some("assessment.client_view_obstacle"),
        Assessment,
        Assessment,
        "assessment_client_view_obstacle",
        "assessment-client-view-obstacle",
        Input::Text,
        assessment_made,
        assessment.client_view_obstacle
    ),
    one_of!(
        "assessment.named_worker_need_client",
        Some("assessment.named_worker_need_client"),
        Assessment,
        Assessment,
        "need_client",
        "named-worker-need-client",
        Input::Radios(NEED_CLIENT),
        assessment_made,
        NamedWorkerNeed,
        assessment.named_worker_need_client
    ),
    one_of!(
        "assessment.named_worker_need_professional",
        Some("assessment.named_worker_need_professional"),
        Assessment,
        Assessment,
        "need_professional",
        "named-worker-need-professional",
        Input::Radios(NEED_PROFESSIONAL),
        assessment_made,
        NamedWorkerNeed,
        assessment.named_worker_need_professional
    ),
    yes_no!(
        "assessment.needs_support",
        Some("assessment.needs_support"),
        Assessment,
        Assessment,
        "needs_support",
        "assessment-needs-support",
        None,
        assessment_made,
        assessment.needs_support
    ),
    one_of!(
        "assessment.need_nature",
        Some("assessment.need_nature"),
        Assessment,
        Assessment,
        "need_nature",
        "need-nature",
        Input::Radios(NEED_NATURES),
        |case| assessment_made(case) && case.assessment.needs_support == Some(true),
        NeedNature,
        assessment.need_nature
    ),
    yes_no!(
        "assessment.close_network_mapping",
        Some("assessment.close_network_mapping"),
        Assessment,
        Assessment,
        "close_network_mapping",
        "close-network-mapping",
        None,
        assessment_made,
        assessment.close_network_mapping
    ),
    one_of!(
        "assessment.close_network_ground",
        Some("assessment.close_network_ground"),
        Assessment,
        Assessment,
        "close_network_ground",
        "close-network-ground",
        Input::Radios(GROUNDS),
        |case| assessment_made(case) && case.assessment.close_network_mapping == Some(true),
        CloseNetworkGround,
        assessment.close_network_ground
    ),
    yes_no!(
        "assessment.dependants_assessed",
        Some("assessment.dependants_assessed"),
        Assessment,
        Assessment,
        "dependants_assessed",
        "dependants-assessed",
        None,
        |case| assessment_made(case) && case.client.has_dependants == Some(true),
        assessment.dependants_assessed
    ),
    // Step 3: the client plan.
    one_of!(
        "client.goal",
        Some("client.goal"),
        Plan,
        PlanSituation,
        "goal",
        "goal-legend",
        Input::Radios(GOALS),
        always,
        Goal,
        client.goal
    ),
    Field {
        key: "client.work_ability_score",
        fact: Some("client.work_ability_score"),
        step: Step::Plan,
        section: Section::PlanSituation,
        id: "work_ability_score",
        label: "plan-work-ability-score",
        hint: None,
        input: Input::Number { max: 10 },
        shown: always,
        read: |case| Answer::Number(case.client.work_ability_score),
        write: |case, answer| {
            if let Answer::Number(score) = answer {
                case.client.work_ability_score = score.filter(|score| *score <= 10);
            }
        },
    },
    yes_no!(
        "client.unemployed_job_seeker",
        Some("client.unemployed_job_seeker"),
        Plan,
        PlanSituation,
        "unemployed_job_seeker",
        "situation-unemployed",
        None,
        always,
        client.unemployed_job_seeker
    ),
    yes_no!(
        "client.can_use_employment_services",
        Some("client.can_use_employment_services"),
        Plan,
        PlanSituation,
        "can_use_employment_services",
        "situation-employment-services",
        None,
        always,
        client.can_use_employment_services
    ),
    yes_no!(
        "client.can_attend_half_days_weekly",
        Some("client.can_attend_half_days_weekly"),
        Plan,
        PlanSituation,
        "can_attend_half_days_weekly",
        "situation-half-days",
        None,
        always,
        client.can_attend_half_days_weekly
    ),
    yes_no!(
        "client.illness_reduces_work_ability",
        Some("client.illness_reduces_work_ability"),
        Plan,
        PlanSituation,
        "illness_reduces_work_ability",
        "situation-illness",
        None,
        always,
        client.illness_reduces_work_ability
    ),
    yes_no!(
        "client.needs_multisector_support",
        Some("client.needs_multisector_support"),
        Plan,
        PlanSituation,
        "needs_multisector_support",
        "situation-multisector",
        None,
        always,
        client.needs_multisector_support
    ),
    yes_no!(
        "client.mental_health_or_substance_need",
        Some("client.mental_health_or_substance_need"),
        Plan,
        PlanSituation,
        "mental_health_or_substance_need",
        "situation-mental-health",
        None,
        always,
        client.mental_health_or_substance_need
    ),
    yes_no!(
        "client.needs_accompaniment",
        Some("client.needs_accompaniment"),
        Plan,
        PlanSituation,
        "needs_accompaniment",
        "situation-accompaniment",
        None,
        always,
        client.needs_accompaniment
    ),
    yes_no!(
        "plan.obviously_unnecessary",
        Some("plan.obviously_unnecessary"),
        Plan,
        PlanMaking,
        "plan_unnecessary",
        "plan-unnecessary",
        None,
        always,
        plan.obviously_unnecessary
    ),
    free_text!(
        "plan.unnecessary_reason",
        Some("plan.unnecessary_reason"),
        Plan,
        PlanMaking,
        "plan_unnecessary_reason",
        "plan-unnecessary-reason",
        Input::Text,
        |case| !plan_made(case),
        plan.unnecessary_reason
    ),
    yes_no!(
        "plan.made_with_client",
        Some("plan.made_with_client"),
        Plan,
        PlanMaking,
        "made_with_client",
        "plan-with-client",
        None,
        plan_made,
        plan.made_with_client
    ),
    free_text!(
        "plan.client_obstacle",
        Some("plan.client_obstacle"),
        Plan,
        PlanMaking,
        "plan_client_obstacle",
        "plan-client-obstacle",
        Input::Text,
        |case| plan_made(case) && case.plan.made_with_client == Some(false),
        plan.client_obstacle
    ),
    free_text!(
        "plan.item_01_support_need",
        Some("plan.item_01_support_need"),
        Plan,
        PlanItems,
        "item_support_need",
        "item-support-need",
        Input::Text,
        plan_made,
        plan.items.support_need
    ),
    free_text!(
        "plan.item_02_services",
        Some("plan.item_02_services"),
        Plan,
        PlanItems,
        "item_services_needed",
        "item-services-needed",
        Input::Text,
        plan_made,
        plan.items.services_needed
    ),
    free_text!(
        "plan.item_03_essential_services",
        Some("plan.item_03_essential_services"),
        Plan,
        PlanItems,
        "item_essential_services",
        "item-essential-services",
        Input::Text,
        plan_made,
        plan.items.essential_services
    ),
    free_text!(
        "plan.item_05_strengths",
        Some("plan.item_05_strengths"),
        Plan,
        PlanItems,
        "item_strengths",
        "item-strengths",
        Input::Text,
        plan_made,
        plan.items.strengths
    ),
    free_text!(
        "plan.item_06_goals",
        Some("plan.item_06_goals"),
        Plan,
        PlanItems,
        "item_goals",
        "item-goals",
        Input::Text,
        plan_made,
        plan.items.goals
    ),
    free_text!(
        "plan.item_07_duration",
        Some("plan.item_07_duration"),
        Plan,
        PlanItems,
        "item_duration",
        "item-duration",
        Input::Text,
        plan_made,
        plan.items.duration
    ),
    free_text!(
        "plan.item_09_follow_up",
        Some("plan.item_09_follow_up"),
        Plan,
        PlanItems,
        "item_follow_up",
        "item-follow-up",
        Input::Text,
        plan_made,
        plan.items.follow_up
    ),
    free_text!(
        "plan.item_10_environment",
        Some("plan.item_10_environment"),
        Plan,
        PlanItems,
        "item_environment",
        "item-environment",
        Input::Text,
        plan_made,
        plan.items.environment
    ),
    free_text!(
        "plan.item_11_client_proposal",
        Some("plan.item_11_client_proposal"),
        Plan,
        PlanItems,
        "item_client_proposal",
        "item-client-proposal",
        Input::Text,
        plan_made,
        plan.items.client_proposal
    ),
    partner_count!("plan.partners", "", |_| true),
    partner_count!(
        "plan.partners_missing_responsibility",
        "partner-1-responsibility",
        |partner| partner.responsibility.as_str().trim().is_empty()
    ),
    partner_count!("plan.partners_missing_consent", "partner-1-consent", |partner| {
        !partner.consent_to_share
    }),
    yes_no!(
        "plan.joint",
        Some("plan.joint"),
        Plan,
        PlanClosing,
        "joint_plan",
        "plan-joint",
        Some("plan-joint-hint"),
        plan_made,
        plan.joint
    ),
    free_text!(
        "plan.responsible_worker",
        None,
        Plan,
        PlanClosing,
        "responsible_worker",
        "plan-responsible-worker",
        Input::Text,
        plan_made,
        plan.responsible_worker
    ),
    Field {
        key: "plan.review_date",
        fact: None,
        step: Step::Plan,
        section: Section::PlanClosing,
        id: "review_date",
        label: "plan-review-date",
        hint: None,
        input: Input::Date,
        shown: plan_made,
        read: |case| Answer::Date(case.plan.review_dates.first().copied()),
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
    free_text!(
        "named_worker.name",
        Some("named_worker.name"),
        NamedWorker,
        Naming,
        "named_worker_name",
        "named-worker-name",
        Input::Line,
        worker_named,
        named_worker.worker.name
    ),
    one_of!(
        "named_worker.profession",
        Some("named_worker.profession"),
        NamedWorker,
        Naming,
        "named_worker_profession",
        "named-worker-profession",
        Input::Select {
            choices: PROFESSIONS,
            prompt: "profession-choose"
        },
        worker_named,
        Profession,
        named_worker.worker.profession
    ),
    yes_no!(
        "named_worker.in_public_office",
        Some("named_worker.in_public_office"),
        NamedWorker,
        Naming,
        "named_worker_in_office",
        "in-public-office",
        None,
        worker_named,
        named_worker.worker.in_public_office
    ),
    free_text!(
        "named_worker.health_care_justification",
        Some("named_worker.health_care_justification"),
        NamedWorker,
        Naming,
        "health_care_justification",
        "health-care-justification",
        Input::Text,
        |case| worker_named(case)
            && case.named_worker.worker.profession == Some(Profession::HealthCareProfessional),
        named_worker.health_care_justification
    ),
    one_of!(
        "co_worker.profession",
        Some("co_worker.profession"),
        NamedWorker,
        CoWorker,
        "co_worker_profession",
        "co-worker-profession",
        Input::Select {
            choices: PROFESSIONS,
            prompt: "profession-choose"
        },
        worker_named,
        Profession,
        named_worker.co_worker.profession
    ),
    yes_no!(
        "co_worker.in_public_office",
        Some("co_worker.in_public_office"),
        NamedWorker,
        CoWorker,
        "co_worker_in_office",
        "in-public-office",
        None,
        worker_named,
        named_worker.co_worker.in_public_office
    ),
    free_text!(
        "named_worker.exception_reason",
        Some("named_worker.exception_reason"),
        NamedWorker,
        NamingEnd,
        "exception_reason",
        "naming-exception-reason",
        Input::Text,
        |case| !worker_named(case),
        named_worker.exception_reason
    ),
    free_text!(
        "plan.item_04_meeting_frequency",
        Some("plan.item_04_meeting_frequency"),
        NamedWorker,
        NamingEnd,
        "meeting_frequency",
        "meeting-frequency",
        Input::Text,
        always,
        plan.items.meeting_frequency
    ),
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
