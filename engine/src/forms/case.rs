//! A worker-assisted case: the case opening, the client's situation, the service-need assessment
//! (SHL 37 §), the client plan (39 §) and the named worker (42 §), as typed answers.
//!
//! This is what the worker and the client fill in together and what a finished plan document carries.
//! [`Case::facts`] is the one place where answers become the facts the rules read, so the app's screens
//! never decide what an answer means in law.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Goal, Sector};
use crate::law::facts::{FactCatalogue, FactError, Facts, Value};
use crate::text::FreeText;

/// Who made the contact that opened the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Initiator {
    /// The client.
    Client,
    /// A relative or another close person (omainen tai läheinen).
    RelativeOrClosePerson,
    /// A legal representative (laillinen edustaja).
    LegalRepresentative,
    /// Another authority's notice (35 §).
    OtherAuthority,
    /// The worker's own observation.
    WorkerObservation,
}

/// A professional's profession, as 817/2015 and 559/1994 distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Profession {
    /// Licensed social worker (sosiaalityöntekijä).
    SocialWorker,
    /// Licensed sosionomi.
    Sosionomi,
    /// Licensed geronomi.
    Geronomi,
    /// Licensed rehabilitation counsellor (kuntoutuksen ohjaaja).
    RehabilitationCounsellor,
    /// Title-protected practical nurse (lähihoitaja).
    PracticalNurse,
    /// A health-care professional (559/1994 2 §).
    HealthCareProfessional,
    /// Anyone else.
    Other,
}

/// The nature of the need for support (37 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedNature {
    /// tilapäinen
    Temporary,
    /// toistuva
    Recurring,
    /// pitkäaikainen
    LongTerm,
}

/// A view on whether a named worker is needed (37 § 4 k).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NamedWorkerNeed {
    /// Needed.
    Needed,
    /// Not needed.
    NotNeeded,
}

/// Why no named worker is named (42 § 1 mom), or `None` when one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NamingException {
    /// A named worker is named.
    #[default]
    None,
    /// Another responsible worker is already named.
    OtherResponsibleWorker,
    /// Naming is obviously unnecessary.
    ObviouslyUnnecessary,
}

/// The ground for mapping the close network (43 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseNetworkGround {
    /// The client's consent.
    Consent,
    /// 43 § 1 k: the client is obviously unable to look after themselves and the information is essential.
    UnableToCareForSelf,
    /// 43 § 2 k: the information is needed in the interest of a child.
    ChildInterest,
}

/// How the case came in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct CaseOpening {
    /// The date of vireilletulo.
    pub opened_on: Option<NaiveDate>,
    /// Who made the contact.
    pub initiator: Option<Initiator>,
    /// Whether there is an urgent need for help.
    pub urgent: Option<bool>,
    /// Whether social welfare alone cannot meet the needs (40 §).
    pub needs_other_authority: Option<bool>,
    /// Whether the client consents to contacting the authority primarily responsible (40 §).
    pub consent_to_contact_other_authority: Option<bool>,
}

/// The client's situation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Client {
    /// Age in years.
    pub age: Option<u8>,
    /// Receives the highest pensioner's care allowance (570/2007 9 § 3 mom 3 k).
    pub highest_care_allowance: Option<bool>,
    /// A disabled person in the sense of VPL 2 § (a professional's finding).
    pub vpl_disabled: Option<bool>,
    /// Needs special support (SHL 3 § 3 k; a professional's finding).
    pub special_support: Option<bool>,
    /// A child or another person is in the client's care.
    pub has_dependants: Option<bool>,
    /// The client's capacity to care for them is assessed as weakened (44 §).
    pub care_capacity_weakened: Option<bool>,
    /// What the client aims for.
    pub goal: Option<Goal>,
    /// The client's own work-ability score 0–10.
    pub work_ability_score: Option<u8>,
    /// An unemployed job seeker.
    pub unemployed_job_seeker: Option<bool>,
    /// Can take part in public employment services or work.
    pub can_use_employment_services: Option<bool>,
    /// Can take part at least half a day a week.
    pub can_attend_half_days_weekly: Option<bool>,
    /// A diagnosed illness substantially reduces the ability to work or study.
    pub illness_reduces_work_ability: Option<bool>,
    /// Needs multi-sector support to find work (381/2023 3 § 2 mom).
    pub needs_multisector_support: Option<bool>,
    /// Needs mental-health or substance-use services.
    pub mental_health_or_substance_need: Option<bool>,
    /// Needs someone to walk alongside.
    pub needs_accompaniment: Option<bool>,
    /// The language the client is served in (their plan is printed in it).
    pub language: Option<crate::text::Language>,
}

/// A worker: the assessment's responsible professional, the named worker or the co-worker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Worker {
    /// Name.
    pub name: FreeText,
    /// Profession.
    pub profession: Option<Profession>,
    /// Holds a public office (virkasuhde).
    pub in_public_office: Option<bool>,
}

/// The service-need assessment (36–37 §, 43–44 §).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Assessment {
    /// The assessment is obviously unnecessary (36 § 1 mom).
    pub obviously_unnecessary: Option<bool>,
    /// Why.
    pub unnecessary_reason: FreeText,
    /// Who is responsible for it.
    pub responsible: Worker,
    /// 37 § 1 k.
    pub summary: FreeText,
    /// 37 § 2 k.
    pub professional_conclusions: FreeText,
    /// 37 § 3 k.
    pub client_view: FreeText,
    /// The obvious obstacle to getting the client's view.
    pub client_view_obstacle: FreeText,
    /// 37 § 4 k, the client's view.
    pub named_worker_need_client: Option<NamedWorkerNeed>,
    /// 37 § 4 k, the professional's view.
    pub named_worker_need_professional: Option<NamedWorkerNeed>,
    /// Whether the person needs support (37 §).
    pub needs_support: Option<bool>,
    /// The nature of the need (37 §).
    pub need_nature: Option<NeedNature>,
    /// Whether the close network is mapped (43 §).
    pub close_network_mapping: Option<bool>,
    /// On what ground.
    pub close_network_ground: Option<CloseNetworkGround>,
    /// Whether the needs of dependants have been assessed (44 §).
    pub dependants_assessed: Option<bool>,
}

/// The content items of a client plan (39 § 2 mom); item 8 is [`Plan::partners`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PlanItems {
    /// 1 k.
    pub support_need: FreeText,
    /// 2 k.
    pub services_needed: FreeText,
    /// 3 k.
    pub essential_services: FreeText,
    /// 4 k.
    pub meeting_frequency: FreeText,
    /// 5 k.
    pub strengths: FreeText,
    /// 6 k, set together.
    pub goals: FreeText,
    /// 7 k.
    pub duration: FreeText,
    /// 9 k.
    pub follow_up: FreeText,
    /// 10 k (from 1.1.2025).
    pub environment: FreeText,
    /// 11 k (from 1.1.2025).
    pub client_proposal: FreeText,
}

/// A partner from another sector (39 § 2 mom 8 k) and whether the client consents to sharing the joint
/// plan with it (39 § 3 mom).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Who, e.g. the municipality's employment services.
    pub name: FreeText,
    /// Their sector.
    pub sector: Sector,
    /// What they are responsible for.
    pub responsibility: FreeText,
    /// Whether the client consents to sharing the joint plan with them.
    pub consent_to_share: bool,
}

/// A service chosen from the county catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChosenService {
    /// The catalogue id.
    pub service_id: String,
    /// What was agreed about it.
    #[serde(default)]
    pub note: FreeText,
}

/// The client plan (39 §).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Plan {
    /// The plan is obviously unnecessary.
    pub obviously_unnecessary: Option<bool>,
    /// Why.
    pub unnecessary_reason: FreeText,
    /// Made together with the client.
    pub made_with_client: Option<bool>,
    /// The obvious obstacle to making it with the client.
    pub client_obstacle: FreeText,
    /// The content items.
    pub items: PlanItems,
    /// Services chosen from the catalogue.
    pub services: Vec<ChosenService>,
    /// Partners from other sectors.
    pub partners: Vec<Partner>,
    /// The one worker responsible for the whole.
    pub responsible_worker: FreeText,
    /// Whether a joint plan is made with other sectors (39 § 3 mom).
    pub joint: Option<bool>,
    /// When the plan is reviewed.
    pub review_dates: Vec<NaiveDate>,
}

/// The named worker (42 §).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct NamedWorker {
    /// Whether one is named, or why not.
    pub exception: NamingException,
    /// The reason for an exception.
    pub exception_reason: FreeText,
    /// The named worker.
    pub worker: Worker,
    /// Why a health-care professional is justified (42 § 2 mom).
    pub health_care_justification: FreeText,
    /// A worker doing client work with the named worker (42 § 3 mom).
    pub co_worker: Worker,
}

/// Everything about one worker-assisted case.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Case {
    /// How the case came in.
    pub opening: CaseOpening,
    /// The client's situation.
    pub client: Client,
    /// The service-need assessment.
    pub assessment: Assessment,
    /// The client plan.
    pub plan: Plan,
    /// The named worker.
    pub named_worker: NamedWorker,
}

/// A snake_case name of a serde enum value.
fn name<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|json| json.as_str().map(str::to_owned))
}

impl Case {
    /// The facts the rules and the service catalogue read, named as in `rules/facts.toml`.
    pub fn facts(&self, catalogue: &FactCatalogue) -> Result<Facts, FactError> {
        let mut facts = catalogue.facts();
        let mut set = |fact: &str, value: Option<Value>| catalogue.set(&mut facts, fact, value);
        let flag = |value: Option<bool>| value.map(Value::Bool);
        let text = |value: &FreeText| Some(Value::Text(!value.as_str().trim().is_empty()));
        let int = |value: Option<u8>| value.map(|value| Value::Int(i64::from(value)));
        let count = |n: usize| Some(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));

        let opening = &self.opening;
        set("case.opened_on", opening.opened_on.map(Value::Date))?;
        set("case.urgent", flag(opening.urgent))?;
        set("case.needs_other_authority", flag(opening.needs_other_authority))?;
        set(
            "consent.contact_other_authority",
            flag(opening.consent_to_contact_other_authority),
        )?;

        let client = &self.client;
        set("client.age", int(client.age))?;
        set(
            "client.highest_care_allowance",
            flag(client.highest_care_allowance),
        )?;
        set("client.vpl_disabled", flag(client.vpl_disabled))?;
        set("client.special_support", flag(client.special_support))?;
        set("client.has_dependants", flag(client.has_dependants))?;
        set(
            "client.care_capacity_weakened",
            flag(client.care_capacity_weakened),
        )?;
        set("client.work_ability_score", int(client.work_ability_score))?;
        set("client.unemployed_job_seeker", flag(client.unemployed_job_seeker))?;
        set(
            "client.can_use_employment_services",
            flag(client.can_use_employment_services),
        )?;
        set(
            "client.can_attend_half_days_weekly",
            flag(client.can_attend_half_days_weekly),
        )?;
        set(
            "client.illness_reduces_work_ability",
            flag(client.illness_reduces_work_ability),
        )?;
        set(
            "client.needs_multisector_support",
            flag(client.needs_multisector_support),
        )?;
        set(
            "client.mental_health_or_substance_need",
            flag(client.mental_health_or_substance_need),
        )?;
        set("client.needs_accompaniment", flag(client.needs_accompaniment))?;

        let assessment = &self.assessment;
        set(
            "assessment.obviously_unnecessary",
            flag(assessment.obviously_unnecessary),
        )?;
        set(
            "assessment.unnecessary_reason",
            text(&assessment.unnecessary_reason),
        )?;
        set(
            "assessment.responsible_in_public_office",
            flag(assessment.responsible.in_public_office),
        )?;
        set("assessment.summary", text(&assessment.summary))?;
        set(
            "assessment.professional_conclusions",
            text(&assessment.professional_conclusions),
        )?;
        set("assessment.client_view", text(&assessment.client_view))?;
        set(
            "assessment.client_view_obstacle",
            text(&assessment.client_view_obstacle),
        )?;
        set("assessment.needs_support", flag(assessment.needs_support))?;
        set(
            "assessment.close_network_mapping",
            flag(assessment.close_network_mapping),
        )?;
        set(
            "assessment.dependants_assessed",
            flag(assessment.dependants_assessed),
        )?;

        let plan = &self.plan;
        set("plan.obviously_unnecessary", flag(plan.obviously_unnecessary))?;
        set("plan.unnecessary_reason", text(&plan.unnecessary_reason))?;
        set("plan.made_with_client", flag(plan.made_with_client))?;
        set("plan.client_obstacle", text(&plan.client_obstacle))?;
        let items = &plan.items;
        for (fact, value) in [
            ("plan.item_01_support_need", &items.support_need),
            ("plan.item_02_services", &items.services_needed),
            ("plan.item_03_essential_services", &items.essential_services),
            ("plan.item_04_meeting_frequency", &items.meeting_frequency),
            ("plan.item_05_strengths", &items.strengths),
            ("plan.item_06_goals", &items.goals),
            ("plan.item_07_duration", &items.duration),
            ("plan.item_09_follow_up", &items.follow_up),
            ("plan.item_10_environment", &items.environment),
            ("plan.item_11_client_proposal", &items.client_proposal),
        ] {
            set(fact, text(value))?;
        }
        set("plan.partners", count(plan.partners.len()))?;
        let missing_responsibility = plan
            .partners
            .iter()
            .filter(|partner| partner.responsibility.as_str().trim().is_empty())
            .count();
        set(
            "plan.partners_missing_responsibility",
            count(missing_responsibility),
        )?;
        set("plan.joint", flag(plan.joint))?;
        let missing_consent = plan
            .partners
            .iter()
            .filter(|partner| !partner.consent_to_share)
            .count();
        set("plan.partners_missing_consent", count(missing_consent))?;

        let named = &self.named_worker;
        set("named_worker.exception_reason", text(&named.exception_reason))?;
        set("named_worker.name", text(&named.worker.name))?;
        set(
            "named_worker.in_public_office",
            flag(named.worker.in_public_office),
        )?;
        set(
            "named_worker.health_care_justification",
            text(&named.health_care_justification),
        )?;
        set(
            "co_worker.in_public_office",
            flag(named.co_worker.in_public_office),
        )?;

        // Choices go by their names, which the catalogue checks against its list.
        let mut choose =
            |fact: &str, value: Option<String>| catalogue.set_choice(&mut facts, fact, value.as_deref());
        choose("case.initiator", opening.initiator.as_ref().and_then(name))?;
        choose("client.goal", client.goal.map(Goal::name).map(str::to_owned))?;
        choose(
            "assessment.responsible_profession",
            assessment.responsible.profession.as_ref().and_then(name),
        )?;
        choose(
            "assessment.named_worker_need_client",
            assessment.named_worker_need_client.as_ref().and_then(name),
        )?;
        choose(
            "assessment.named_worker_need_professional",
            assessment.named_worker_need_professional.as_ref().and_then(name),
        )?;
        choose(
            "assessment.need_nature",
            assessment.need_nature.as_ref().and_then(name),
        )?;
        choose(
            "assessment.close_network_ground",
            assessment.close_network_ground.as_ref().and_then(name),
        )?;
        choose("named_worker.exception", name(&named.exception))?;
        choose(
            "named_worker.profession",
            named.worker.profession.as_ref().and_then(name),
        )?;
        choose(
            "co_worker.profession",
            named.co_worker.profession.as_ref().and_then(name),
        )?;
        Ok(facts)
    }

    /// The partners the joint plan may be shared with: only those the client consented to (39 § 3 mom).
    pub fn partners_to_share_with(&self) -> impl Iterator<Item = &Partner> {
        self.plan
            .partners
            .iter()
            .filter(|partner| partner.consent_to_share)
    }
}
