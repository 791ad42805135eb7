//! A finished client plan as it is posted: the case's answers, every finding with its rule id and
//! citation, which rules and which service catalogue judged it, and what the client consented to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Gaps};
pub use crate::forms::case::PlanRevision;
use crate::forms::case::{Case, Sharing};
use crate::law::eval::{Due, Outcome, Status};
use crate::law::rule::Consequence;
use crate::law::ruleset::RuleSet;
use crate::text::{FreeText, Id, Texts};

/// One finding as recorded in a plan, in the language of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedFinding {
    /// The rule's id.
    pub rule_id: String,
    /// The first day of the rule version that applied.
    #[serde(deserialize_with = "crate::law::calendar::strict_date::deserialize")]
    pub valid_from: NaiveDate,
    /// The citation in short form, e.g. `1301/2014 42 § 3 mom.`.
    pub cites: String,
    /// The act whose wording the rule follows.
    pub wording: String,
    /// The date fact that chose the wording: the day the plan was made for 39 §, the opening date for
    /// most others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording_by: Option<String>,
    /// The day whose wording was followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::law::calendar::strict_date::option")]
    pub wording_on: Option<NaiveDate>,
    /// `requirement`, `deadline`, `role`, `routing` or `notice`.
    pub kind: String,
    /// `applies`, `met`, `unmet` or `needs_facts`.
    pub status: Status,
    /// Whether it would stop finishing (a finished plan has none that do).
    pub blocks_finishing: bool,
    /// The finding in words.
    pub message: String,
    /// For a deadline: the date (`YYYY-MM-DD`) or the standard (`without_delay`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

/// Which rules judged the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RulesUsed {
    /// The rule set's name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// SHA-256 of the rule files it was compiled from.
    pub source_hash: String,
}

/// Which service catalogue the services were chosen from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueUsed {
    /// The county.
    pub county: String,
    /// The catalogue's version.
    pub version: String,
}

/// What a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// Sharing the joint plan with one partner (39 § 3 mom); the record names the recipient.
    ShareJointPlan,
    /// Contacting the authority primarily responsible (40 §).
    ContactOtherAuthority,
}

/// One consent and whether it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentRecord {
    /// What it is about.
    pub scope: ConsentScope,
    /// Who would receive the information, when the consent is about one recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// Given or refused.
    pub given: bool,
}

/// Whether the joint plan goes to one partner, and on what ground (39 § 3 mom).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharingRecord {
    /// The partner, as named in the plan.
    pub recipient: String,
    /// Whether the joint plan is shared with them.
    pub shared: bool,
    /// The ground: `consent`, `not_shared` or `special_act`; absent if not decided (such a plan is not
    /// finished by the app).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<Sharing>,
    /// For `special_act`: the provision that allows sharing without consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
}

/// The worker who made the plan, as the host system passes them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct WorkerContact {
    /// Their name.
    pub name: FreeText,
    /// Their role or profession, e.g. `sosiaaliohjaaja`.
    #[serde(skip_serializing_if = "FreeText::is_empty")]
    pub role: FreeText,
    /// A phone number the client can call.
    #[serde(skip_serializing_if = "FreeText::is_empty")]
    pub phone: FreeText,
    /// An e-mail address the client can write to.
    #[serde(skip_serializing_if = "FreeText::is_empty")]
    pub email: FreeText,
}

/// Who made the plan and in which case, as the host system that embeds the app passes it (never asked
/// of the worker, and never a personal identity code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseContext {
    /// The organisation, e.g. `Esimerkin hyvinvointialue, työikäisten sosiaalityö`.
    pub organisation: FreeText,
    /// The case's reference in the host system.
    pub case_reference: FreeText,
    /// The worker.
    pub worker: WorkerContact,
    /// The client's name as the host system shows it, if it passes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<FreeText>,
}

/// A finished client plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientPlan {
    /// The answers.
    pub case: Case,
    /// Every finding of the rules, in rule order.
    pub findings: Vec<RecordedFinding>,
    /// Which rules judged it.
    pub rules: RulesUsed,
    /// Which catalogue the services come from.
    pub catalogue: CatalogueUsed,
    /// What the client consented to, and refused.
    pub consents: Vec<ConsentRecord>,
    /// For a joint plan: with each partner, whether it is shared and on what ground.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing: Vec<SharingRecord>,
    /// The organisation, the worker and the case, when the host system passed them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<CaseContext>,
    /// The target groups of the catalogue's `[report]` the case places the client in, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Id>,
    /// The goal and the needs for which the catalogue had no suitable service.
    #[serde(default, skip_serializing_if = "Gaps::is_empty")]
    pub gaps: Gaps,
}

/// Where a plan document keeps its revision, below `answers.`.
pub const REVISION_PATH: &str = "case.plan.revision";

fn kind_name(consequence: &Consequence) -> &'static str {
    match consequence {
        Consequence::Requirement { .. } => "requirement",
        Consequence::Deadline(_) => "deadline",
        Consequence::Role { .. } => "role",
        Consequence::Routing { .. } => "routing",
        Consequence::Notice => "notice",
    }
}

fn due_text(due: &Due) -> Option<String> {
    match due {
        // A date's Display is `YYYY-MM-DD`; chrono's `format` would bring its strftime parser into the
        // browser bundle.
        Due::Date { date, .. } => Some(date.to_string()),
        Due::Standard { standard } => serde_json::to_value(standard).ok()?.as_str().map(str::to_owned),
        Due::Unknown => None,
    }
}

impl ClientPlan {
    /// This plan as a revision of an earlier version (see [`PlanRevision`]); the revision is kept with the
    /// plan's answers (`case.plan.revision`), so a draft of a revision keeps it too.
    pub fn with_revision(mut self, revision: PlanRevision) -> ClientPlan {
        self.case.plan.revision = Some(revision);
        self
    }

    /// What this plan revises and why, if it is a revision.
    pub fn revision(&self) -> Option<&PlanRevision> {
        self.case.plan.revision.as_ref()
    }

    /// The plan's version number: 1, or the revision's version.
    pub fn version(&self) -> u32 {
        self.case.plan.version()
    }

    /// Checks what types alone cannot: a revision's version (2 or more) and its reason. Returns the field
    /// (below `answers.`) and the problem.
    pub fn check(&self) -> Result<(), (String, String)> {
        match self.revision().map(PlanRevision::check) {
            Some(Err((field, message))) => Err((format!("{REVISION_PATH}.{field}"), message)),
            _ => Ok(()),
        }
    }

    /// The plan document for `case`, judged by `outcome` (its evaluation by `rules`), with the findings'
    /// messages worded by `wording` (in the client's language: the app's texts of that language, or
    /// `Texts::get` where the translations are at hand).
    pub fn new(
        case: Case,
        outcome: &Outcome<'_>,
        rules: &RuleSet,
        catalogue: &Catalogue,
        wording: &dyn Fn(&Texts) -> String,
    ) -> ClientPlan {
        let findings = outcome
            .findings
            .iter()
            .map(|finding| RecordedFinding {
                rule_id: finding.rule.id.clone(),
                valid_from: finding.rule.valid_from,
                cites: finding.rule.citation.short(),
                wording: finding.rule.citation.wording.clone(),
                wording_by: Some(finding.wording_by.to_owned()),
                wording_on: Some(finding.wording_on),
                kind: kind_name(&finding.rule.then).to_owned(),
                status: finding.status,
                blocks_finishing: finding.blocks_finishing(),
                message: wording(&finding.rule.message),
                due: finding.due.as_ref().and_then(due_text),
            })
            .collect();
        let joint_partners = || {
            case.plan
                .partners
                .iter()
                .filter(|_| case.plan.joint == Some(true))
        };
        // A consent is recorded where the client gave it; a partner kept out or shared under a special act
        // has no consent to record, and the sharing records say why.
        let mut consents: Vec<ConsentRecord> = joint_partners()
            .filter(|partner| partner.sharing == Some(Sharing::Consent))
            .map(|partner| ConsentRecord {
                scope: ConsentScope::ShareJointPlan,
                recipient: Some(partner.name.as_str().to_owned()),
                given: true,
            })
            .collect();
        let sharing = joint_partners()
            .map(|partner| SharingRecord {
                recipient: partner.name.as_str().to_owned(),
                shared: partner.receives_joint_plan(),
                ground: partner.sharing,
                legal_basis: (partner.sharing == Some(Sharing::SpecialAct))
                    .then(|| partner.legal_basis.as_str().to_owned()),
            })
            .collect();
        if case.opening.needs_other_authority == Some(true) {
            consents.push(ConsentRecord {
                scope: ConsentScope::ContactOtherAuthority,
                recipient: None,
                given: case.opening.consent_to_contact_other_authority == Some(true),
            });
        }
        let compiled = rules.compiled();
        // The groups and gaps the county counts, from the same facts the findings were judged on.
        let (groups, gaps) = match case.facts(rules.catalogue()) {
            Ok(facts) => {
                let matching = catalogue.matching(rules, &facts);
                (catalogue.groups_of(&facts), catalogue.gaps(&matching, &facts))
            }
            Err(_) => (Vec::new(), Gaps::default()),
        };
        ClientPlan {
            case,
            findings,
            rules: RulesUsed {
                name: compiled.name.clone(),
                version: compiled.version.clone(),
                source_hash: compiled.source_hash.clone(),
            },
            catalogue: CatalogueUsed {
                county: catalogue.file().county.clone(),
                version: catalogue.file().version.clone(),
            },
            consents,
            sharing,
            context: None,
            groups,
            gaps,
        }
    }
}
