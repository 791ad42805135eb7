//! A worker-assisted case: the case opening, the client's situation, the service-need assessment
//! (SHL 37 §), the client plan (39 §) and the named worker (42 §), as typed answers.
//!
//! This is what the worker and the client fill in together and what a finished plan document carries.
//! Each field is declared once in [`super::worker::FIELDS`]; [`Case::facts`] turns the answers into the
//! facts the rules read through that table, so the app's screens never decide what an answer means in law.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalogue::{Goal, Sector};
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
    #[serde(deserialize_with = "crate::law::calendar::strict_date::option")]
    pub opened_on: Option<NaiveDate>,
    /// Who made the contact.
    pub initiator: Option<Initiator>,
    /// When the case became pending otherwise (another authority's notice, the worker's observation):
    /// the day the client, a relative or close person, or the legal representative then contacted the
    /// county for services (36 § 2 mom counts from it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::law::calendar::strict_date::option")]
    pub contacted_on: Option<NaiveDate>,
    /// Whether there is an urgent need for help.
    pub urgent: Option<bool>,
    /// Whether social welfare alone cannot meet the needs (40 §).
    pub needs_other_authority: Option<bool>,
    /// Whether the client consents to contacting the authority primarily responsible (40 §).
    pub consent_to_contact_other_authority: Option<bool>,
    /// The contact request the case was opened from, when a worker started it from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_request: Option<RequestLink>,
}

/// The contact request a case was opened from: the request document's idempotency key and the short
/// reference the person was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestLink {
    /// The request document's idempotency key.
    pub key: Uuid,
    /// Its short reference, e.g. `K7Q4-MZ2P`.
    pub reference: String,
}

/// The client's situation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Client {
    /// Age in years.
    pub age: Option<u8>,
    /// Date of birth: decides whether a client aged 75 is over 75 (36 § 2 mom 1 k).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::law::calendar::strict_date::option")]
    pub born_on: Option<NaiveDate>,
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
    /// Has a vocational qualification or a higher-education degree (for the county's target groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_vocational_qualification: Option<bool>,
    /// Has moved to Finland from another country (for integration services and the target groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_to_finland: Option<bool>,
    /// Released from prison within the last year (sensitive; recorded only when the client tells it and a
    /// service needs it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub released_from_prison: Option<bool>,
    /// An application for a disability pension has been refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disability_pension_refused: Option<bool>,
    /// Neither working nor registered as a job seeker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside_labour_force: Option<bool>,
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

/// Whether a joint plan (39 § 3 mom) is shared with one partner, and on what ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    /// The client consents: the partner receives the joint plan.
    Consent,
    /// The partner is kept out of the joint plan's shared part.
    NotShared,
    /// Shared without the client's consent, under a special act that allows it ("Yhteisen suunnitelman
    /// laatimisesta ilman asiakkaan suostumusta säädetään erikseen"); [`Partner::legal_basis`] cites it.
    SpecialAct,
}

/// A partner from another sector (39 § 2 mom 8 k) and whether the joint plan is shared with it
/// (39 § 3 mom).
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
    /// Whether the joint plan is shared with them; not decided yet when absent (a partner of a joint
    /// plan must be decided before the plan is finished).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing: Option<Sharing>,
    /// For sharing under a special act: the provision that allows it, e.g. `laki … (380/2023) 12 §`.
    #[serde(default, skip_serializing_if = "FreeText::is_empty")]
    pub legal_basis: FreeText,
}

impl Partner {
    /// A partner with nothing written yet, of the employment services, sharing not decided.
    pub fn new() -> Partner {
        Partner {
            name: FreeText::default(),
            sector: Sector::EmploymentServices,
            responsibility: FreeText::default(),
            sharing: None,
            legal_basis: FreeText::default(),
        }
    }

    /// Whether the joint plan goes to this partner: with the client's consent or under a special act.
    pub fn receives_joint_plan(&self) -> bool {
        matches!(self.sharing, Some(Sharing::Consent | Sharing::SpecialAct))
    }

    /// Whether this partner is in the joint plan without a decided ground: not consented to, not kept
    /// out, and not shared under a special act (39 § 3 mom).
    pub fn lacks_consent(&self) -> bool {
        self.sharing.is_none()
    }

    /// Whether this partner is shared with under a special act whose provision is not written down.
    pub fn special_act_uncited(&self) -> bool {
        self.sharing == Some(Sharing::SpecialAct) && self.legal_basis.as_str().trim().is_empty()
    }
}

impl Default for Partner {
    fn default() -> Partner {
        Partner::new()
    }
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

/// What a revised client plan replaces and why (39 § 3 mom: "Asiakassuunnitelma on tarkistettava
/// tarvittaessa"). A plan without one is the first version; a revision is a whole new plan document that
/// names the document it replaces, so a backend keeps every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanRevision {
    /// The version number of this plan: 2 for the first revision, one more for each after it.
    #[cfg_attr(feature = "schema", schemars(range(min = 2)))]
    pub version: u32,
    /// The idempotency key of the plan document this version replaces.
    pub supersedes: Uuid,
    /// The short reference of the replaced document (e.g. `K7Q4-MZ2P`), when the backend gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes_reference: Option<String>,
    /// Why the plan was revised (required: a document with an empty reason is refused).
    pub reason: FreeText,
}

impl PlanRevision {
    /// The lowest version number a revision has: the plan it replaces is at least version 1.
    pub const FIRST_REVISION: u32 = 2;

    /// The longest reference kept for the replaced document (a short reference is 9 characters; a
    /// backend's own may be longer).
    pub const MAX_REFERENCE_CHARS: usize = 64;

    /// Checks what types alone cannot: a version of 2 or more and a reason written down. Returns the field
    /// (below the revision) and the problem.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.version < Self::FIRST_REVISION {
            return Err((
                "version",
                format!(
                    "a revised plan is version {} or later, got `{}`",
                    Self::FIRST_REVISION,
                    self.version
                ),
            ));
        }
        if self
            .supersedes_reference
            .as_ref()
            .is_some_and(|reference| reference.chars().count() > Self::MAX_REFERENCE_CHARS)
        {
            return Err((
                "supersedes_reference",
                format!("a reference is at most {} characters", Self::MAX_REFERENCE_CHARS),
            ));
        }
        if self.reason.as_str().trim().is_empty() {
            return Err(("reason", "write why the plan was revised".to_owned()));
        }
        Ok(())
    }
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
    /// The day the plan is made or revised: 39 § is followed in the wording in force that day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::law::calendar::strict_date::option")]
    pub made_on: Option<NaiveDate>,
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
    /// The profession of the one responsible for making the plan (for a disabled person, VPL 4 §).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible_profession: Option<Profession>,
    /// Whether the one responsible for making the plan holds a public office (VPL 4 §).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible_in_public_office: Option<bool>,
    /// Whether a joint plan is made with other sectors (39 § 3 mom).
    pub joint: Option<bool>,
    /// When the plan is reviewed.
    #[serde(deserialize_with = "crate::law::calendar::strict_date::list")]
    pub review_dates: Vec<NaiveDate>,
    /// For a revised plan: the version it replaces and why; absent for the first version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<PlanRevision>,
}

impl Plan {
    /// The plan's version number: 1 unless it is a revision.
    pub fn version(&self) -> u32 {
        self.revision.as_ref().map_or(1, |revision| revision.version)
    }
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

impl Case {
    /// The partners the joint plan is shared with (39 § 3 mom): those the client consented to and those
    /// a special act allows; none when no joint plan is made.
    pub fn partners_to_share_with(&self) -> impl Iterator<Item = &Partner> {
        let joint = self.plan.joint == Some(true);
        self.plan
            .partners
            .iter()
            .filter(move |partner| joint && partner.receives_joint_plan())
    }
}
