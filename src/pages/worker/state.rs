//! State of the worker-assisted flow: the case's answers, changed only through [`WorkerAction`]s by a
//! pure reducer, and the finished plan handed to the outbox. What the answers mean in law is the engine's
//! business (`Case::facts` and the rules); where the plan is on its way is the outbox's; this module only
//! records them, and says what may change while the plan is on its way ([`WorkerState::takes`]).

use std::rc::Rc;

use chrono::NaiveDate;
use tyokyky_engine::case::{
    Case, ChosenService, CloseNetworkGround, Initiator, NamedWorkerNeed, NamingException, NeedNature,
    Partner, Profession, Worker,
};
use tyokyky_engine::catalogue::{Goal, Sector};
use tyokyky_engine::document::{Document, FreeText, Receipt};
use uuid::Uuid;
use yew::Reducible;

use crate::state::delivery::DeliveryView;

/// A yes/no fact about the client asked when the case is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientFlag {
    /// Receives the highest pensioner's care allowance.
    HighestCareAllowance,
    /// A disabled person in the sense of the Disability Services Act.
    VplDisabled,
    /// Needs special support.
    SpecialSupport,
    /// Has a child or another person in their care.
    HasDependants,
}

/// Which worker a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerRole {
    /// The named worker (omatyöntekijä).
    NamedWorker,
    /// The worker doing client work with the named worker (42 § 3 mom).
    CoWorker,
    /// The professional responsible for the assessment (36 § 5 mom).
    AssessmentResponsible,
}

/// A text field of the assessment or the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Why the assessment is obviously unnecessary.
    AssessmentUnnecessaryReason,
    /// 37 § 1 k.
    Summary,
    /// 37 § 2 k.
    ProfessionalConclusions,
    /// 37 § 3 k.
    ClientView,
    /// The obstacle to getting the client's view.
    ClientViewObstacle,
    /// Why the plan is obviously unnecessary.
    PlanUnnecessaryReason,
    /// The obstacle to making the plan with the client.
    PlanClientObstacle,
    /// 39 § 2 mom 1 k.
    SupportNeed,
    /// 2 k.
    ServicesNeeded,
    /// 3 k.
    EssentialServices,
    /// 5 k.
    Strengths,
    /// 6 k.
    Goals,
    /// 7 k.
    Duration,
    /// 9 k.
    FollowUp,
    /// 10 k.
    Environment,
    /// 11 k.
    ClientProposal,
    /// The one worker responsible for the whole plan.
    ResponsibleWorker,
}

/// A yes/no/not-known answer of the assessment, the plan or the client's situation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The assessment is obviously unnecessary.
    AssessmentUnnecessary,
    /// The person needs support (37 §).
    NeedsSupport,
    /// The close network is mapped (43 §).
    CloseNetworkMapping,
    /// The dependants' needs are assessed (44 §).
    DependantsAssessed,
    /// The plan is obviously unnecessary.
    PlanUnnecessary,
    /// The plan is made with the client.
    MadeWithClient,
    /// A joint plan with other sectors.
    JointPlan,
    /// An unemployed job seeker.
    UnemployedJobSeeker,
    /// Can take part in employment services or work.
    CanUseEmploymentServices,
    /// Can take part at least half a day a week.
    CanAttendHalfDaysWeekly,
    /// A diagnosed illness reduces work ability.
    IllnessReducesWorkAbility,
    /// Needs multi-sector support.
    NeedsMultisectorSupport,
    /// Needs mental-health or substance services.
    MentalHealthOrSubstanceNeed,
    /// Needs someone to walk alongside.
    NeedsAccompaniment,
}

/// A change to one partner of the plan (39 § 2 mom 8 k, 3 mom).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerChange {
    /// Its name.
    Name(String),
    /// Its sector.
    Sector(Sector),
    /// What it is responsible for.
    Responsibility(String),
    /// Whether the client consents to sharing the joint plan with it.
    Consent(bool),
}

/// Everything the worker flow shows.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerState {
    /// The answers so far.
    pub case: Case,
    /// The finished plan as handed to the outbox: sent again unchanged if it was refused, and kept (in
    /// memory only) for printing once it is delivered and the case is cleared.
    pub plan: Option<Document>,
}

/// What can happen in the worker flow.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerAction {
    /// The case's opening date (vireilletulo) changed.
    SetOpenedOn(Option<NaiveDate>),
    /// Who made the contact.
    SetInitiator(Option<Initiator>),
    /// Whether there is an urgent need for help.
    SetUrgent(Option<bool>),
    /// The client's age.
    SetAge(Option<u8>),
    /// The language the client is served in.
    SetClientLanguage(Option<tyokyky_engine::document::Language>),
    /// A yes/no fact about the client.
    SetClientFlag(ClientFlag, Option<bool>),
    /// Whether a named worker is named, or why not.
    SetNamingException(NamingException),
    /// The reason for not naming one.
    SetExceptionReason(String),
    /// The named worker's name.
    SetNamedWorkerName(String),
    /// A worker's profession.
    SetProfession(WorkerRole, Option<Profession>),
    /// Whether a worker holds a public office.
    SetInPublicOffice(WorkerRole, Option<bool>),
    /// Why a health-care professional is justified as named worker.
    SetHealthCareJustification(String),
    /// How often the named worker and the client meet (39 § 2 mom 4 k, 42 § 5 mom).
    SetMeetingFrequency(String),
    /// A text field of the assessment or the plan.
    SetText(TextField, String),
    /// A yes/no/not-known answer.
    SetFlag(Flag, Option<bool>),
    /// The client's (`true`) or the professional's view on the need for a named worker (37 § 4 k).
    SetNamedWorkerNeed(bool, Option<NamedWorkerNeed>),
    /// The nature of the need (37 §).
    SetNeedNature(Option<NeedNature>),
    /// The ground for mapping the close network (43 §).
    SetCloseNetworkGround(Option<CloseNetworkGround>),
    /// What the client aims for.
    SetGoal(Option<Goal>),
    /// The client's own work-ability score 0–10.
    SetWorkAbilityScore(Option<u8>),
    /// Choose or unchoose a service of the catalogue.
    ToggleService(String),
    /// Add an empty partner.
    AddPartner,
    /// Remove the partner at this position.
    RemovePartner(usize),
    /// Change the partner at this position.
    ChangePartner(usize, PartnerChange),
    /// The next review date of the plan.
    SetReviewDate(Option<NaiveDate>),
    /// Hand the finished plan to the outbox (built by the page with the engine from this case; see
    /// [`WorkerState::plan_to_send`]).
    Finish(Document),
    /// The outbox delivered the plan; the inbox's receipt.
    Delivered(Receipt),
    /// Forget the case and start a new one opened on the given day.
    StartOver(NaiveDate),
}

impl WorkerState {
    /// A new case opened today. An assessment is made unless the worker records that it is obviously
    /// unnecessary (36 § 1 mom), so that is the starting point.
    pub fn new(today: NaiveDate) -> WorkerState {
        let mut state = WorkerState::blank();
        state.case.opening.opened_on = Some(today);
        state
    }

    /// A case with nothing answered but the starting point that an assessment is made.
    fn blank() -> WorkerState {
        let mut case = Case::default();
        case.assessment.obviously_unnecessary = Some(false);
        WorkerState { case, plan: None }
    }

    /// The plan to hand to the outbox: the one handed over before if it holds the same plan (so that
    /// sending again keeps its idempotency key), otherwise `fresh`.
    pub fn plan_to_send(&self, fresh: Document) -> Document {
        match &self.plan {
            Some(plan) if plan.body == fresh.body => plan.clone(),
            _ => fresh,
        }
    }

    /// Whether `action` is taken now, given where the outbox says each document is (`status` of an
    /// idempotency key): while the plan is on its way the case does not change, and the plan is sent again
    /// only when the outbox refused it.
    pub fn takes(&self, action: &WorkerAction, status: impl Fn(Uuid) -> Option<DeliveryView>) -> bool {
        let plan = self.plan.as_ref().and_then(|plan| status(plan.idempotency_key));
        match action {
            WorkerAction::Delivered(_) | WorkerAction::StartOver(_) => true,
            WorkerAction::Finish(_) => plan.is_none_or(|view| view.refused()),
            _ => !plan.is_some_and(|view| view.on_its_way()),
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: WorkerAction) -> WorkerState {
        let mut next = self.clone();
        match action {
            WorkerAction::Finish(document) => {
                next.plan = Some(document);
                return next;
            }
            WorkerAction::Delivered(receipt) => {
                let handed = self.plan.as_ref();
                if handed.is_some_and(|plan| plan.idempotency_key == receipt.idempotency_key) {
                    // The plan is in the inbox: the answers leave memory; the document stays for printing.
                    let mut cleared = WorkerState::blank();
                    cleared.plan = self.plan.clone();
                    return cleared;
                }
                return next;
            }
            _ => {}
        }
        let case = &mut next.case;
        match action {
            WorkerAction::Finish(_) | WorkerAction::Delivered(_) => {}
            WorkerAction::SetOpenedOn(date) => case.opening.opened_on = date,
            WorkerAction::SetInitiator(initiator) => case.opening.initiator = initiator,
            WorkerAction::SetUrgent(urgent) => case.opening.urgent = urgent,
            WorkerAction::SetAge(age) => case.client.age = age,
            WorkerAction::SetClientLanguage(language) => case.client.language = language,
            WorkerAction::SetClientFlag(flag, value) => {
                let client = &mut case.client;
                let slot = match flag {
                    ClientFlag::HighestCareAllowance => &mut client.highest_care_allowance,
                    ClientFlag::VplDisabled => &mut client.vpl_disabled,
                    ClientFlag::SpecialSupport => &mut client.special_support,
                    ClientFlag::HasDependants => &mut client.has_dependants,
                };
                *slot = value;
            }
            WorkerAction::SetNamingException(exception) => case.named_worker.exception = exception,
            WorkerAction::SetExceptionReason(text) => case.named_worker.exception_reason = text_of(&text),
            WorkerAction::SetNamedWorkerName(text) => case.named_worker.worker.name = text_of(&text),
            WorkerAction::SetProfession(role, profession) => worker(case, role).profession = profession,
            WorkerAction::SetInPublicOffice(role, value) => worker(case, role).in_public_office = value,
            WorkerAction::SetHealthCareJustification(text) => {
                case.named_worker.health_care_justification = text_of(&text);
            }
            WorkerAction::SetMeetingFrequency(text) => case.plan.items.meeting_frequency = text_of(&text),
            WorkerAction::SetText(field, text) => *text_field(case, field) = text_of(&text),
            WorkerAction::SetFlag(flag, value) => *flag_field(case, flag) = value,
            WorkerAction::SetNamedWorkerNeed(by_client, need) => {
                let assessment = &mut case.assessment;
                if by_client {
                    assessment.named_worker_need_client = need;
                } else {
                    assessment.named_worker_need_professional = need;
                }
            }
            WorkerAction::SetNeedNature(nature) => case.assessment.need_nature = nature,
            WorkerAction::SetCloseNetworkGround(ground) => case.assessment.close_network_ground = ground,
            WorkerAction::SetGoal(goal) => case.client.goal = goal,
            WorkerAction::SetWorkAbilityScore(score) => {
                case.client.work_ability_score = score.filter(|score| *score <= 10)
            }
            WorkerAction::ToggleService(id) => {
                let services = &mut case.plan.services;
                match services.iter().position(|service| service.service_id == id) {
                    Some(index) => {
                        services.remove(index);
                    }
                    None => services.push(ChosenService {
                        service_id: id,
                        note: FreeText::default(),
                    }),
                }
            }
            WorkerAction::AddPartner => case.plan.partners.push(Partner {
                name: FreeText::default(),
                sector: Sector::EmploymentServices,
                responsibility: FreeText::default(),
                consent_to_share: false,
            }),
            WorkerAction::RemovePartner(index) => {
                if index < case.plan.partners.len() {
                    case.plan.partners.remove(index);
                }
            }
            WorkerAction::ChangePartner(index, change) => {
                if let Some(partner) = case.plan.partners.get_mut(index) {
                    match change {
                        PartnerChange::Name(text) => partner.name = text_of(&text),
                        PartnerChange::Sector(sector) => partner.sector = sector,
                        PartnerChange::Responsibility(text) => partner.responsibility = text_of(&text),
                        PartnerChange::Consent(consent) => partner.consent_to_share = consent,
                    }
                }
            }
            WorkerAction::SetReviewDate(date) => case.plan.review_dates = date.into_iter().collect(),
            WorkerAction::StartOver(today) => return WorkerState::new(today),
        }
        next
    }
}

/// Typed text, kept as typed up to the document's limit of 2,000 characters (counted as characters, not
/// as the UTF-16 units of the browser's `maxlength`); the field then shows what is kept, as `maxlength`
/// would.
fn text_of(text: &str) -> FreeText {
    FreeText::from(text)
}

fn worker(case: &mut Case, role: WorkerRole) -> &mut Worker {
    match role {
        WorkerRole::NamedWorker => &mut case.named_worker.worker,
        WorkerRole::CoWorker => &mut case.named_worker.co_worker,
        WorkerRole::AssessmentResponsible => &mut case.assessment.responsible,
    }
}

/// The text a [`TextField`] names.
pub fn text_field(case: &mut Case, field: TextField) -> &mut FreeText {
    let (assessment, plan) = (&mut case.assessment, &mut case.plan);
    match field {
        TextField::AssessmentUnnecessaryReason => &mut assessment.unnecessary_reason,
        TextField::Summary => &mut assessment.summary,
        TextField::ProfessionalConclusions => &mut assessment.professional_conclusions,
        TextField::ClientView => &mut assessment.client_view,
        TextField::ClientViewObstacle => &mut assessment.client_view_obstacle,
        TextField::PlanUnnecessaryReason => &mut plan.unnecessary_reason,
        TextField::PlanClientObstacle => &mut plan.client_obstacle,
        TextField::SupportNeed => &mut plan.items.support_need,
        TextField::ServicesNeeded => &mut plan.items.services_needed,
        TextField::EssentialServices => &mut plan.items.essential_services,
        TextField::Strengths => &mut plan.items.strengths,
        TextField::Goals => &mut plan.items.goals,
        TextField::Duration => &mut plan.items.duration,
        TextField::FollowUp => &mut plan.items.follow_up,
        TextField::Environment => &mut plan.items.environment,
        TextField::ClientProposal => &mut plan.items.client_proposal,
        TextField::ResponsibleWorker => &mut plan.responsible_worker,
    }
}

/// The answer a [`Flag`] names.
pub fn flag_field(case: &mut Case, flag: Flag) -> &mut Option<bool> {
    let (assessment, plan, client) = (&mut case.assessment, &mut case.plan, &mut case.client);
    match flag {
        Flag::AssessmentUnnecessary => &mut assessment.obviously_unnecessary,
        Flag::NeedsSupport => &mut assessment.needs_support,
        Flag::CloseNetworkMapping => &mut assessment.close_network_mapping,
        Flag::DependantsAssessed => &mut assessment.dependants_assessed,
        Flag::PlanUnnecessary => &mut plan.obviously_unnecessary,
        Flag::MadeWithClient => &mut plan.made_with_client,
        Flag::JointPlan => &mut plan.joint,
        Flag::UnemployedJobSeeker => &mut client.unemployed_job_seeker,
        Flag::CanUseEmploymentServices => &mut client.can_use_employment_services,
        Flag::CanAttendHalfDaysWeekly => &mut client.can_attend_half_days_weekly,
        Flag::IllnessReducesWorkAbility => &mut client.illness_reduces_work_ability,
        Flag::NeedsMultisectorSupport => &mut client.needs_multisector_support,
        Flag::MentalHealthOrSubstanceNeed => &mut client.mental_health_or_substance_need,
        Flag::NeedsAccompaniment => &mut client.needs_accompaniment,
    }
}

impl Reducible for WorkerState {
    type Action = WorkerAction;

    fn reduce(self: Rc<Self>, action: WorkerAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_new_case_opens_today_and_assumes_an_assessment_is_made() {
        let state = WorkerState::new(day("2026-04-02"));
        assert_eq!(state.case.opening.opened_on, Some(day("2026-04-02")));
        assert_eq!(state.case.assessment.obviously_unnecessary, Some(false));
        assert_eq!(state.case.opening.initiator, None);
    }

    #[test]
    fn each_answer_lands_in_its_place_and_can_be_cleared() {
        let state = [
            WorkerAction::SetOpenedOn(Some(day("2026-03-30"))),
            WorkerAction::SetInitiator(Some(Initiator::RelativeOrClosePerson)),
            WorkerAction::SetUrgent(Some(false)),
            WorkerAction::SetAge(Some(44)),
            WorkerAction::SetClientFlag(ClientFlag::VplDisabled, Some(true)),
            WorkerAction::SetClientFlag(ClientFlag::HighestCareAllowance, Some(false)),
            WorkerAction::SetClientFlag(ClientFlag::SpecialSupport, Some(false)),
            WorkerAction::SetClientFlag(ClientFlag::HasDependants, Some(true)),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-04-02")), |state, action| {
            state.apply(action)
        });
        let case = &state.case;
        assert_eq!(case.opening.opened_on, Some(day("2026-03-30")));
        assert_eq!(case.opening.initiator, Some(Initiator::RelativeOrClosePerson));
        assert_eq!(case.opening.urgent, Some(false));
        assert_eq!(case.client.age, Some(44));
        assert_eq!(
            (
                case.client.vpl_disabled,
                case.client.highest_care_allowance,
                case.client.special_support
            ),
            (Some(true), Some(false), Some(false))
        );
        assert_eq!(case.client.has_dependants, Some(true));
        let cleared = state
            .apply(WorkerAction::SetAge(None))
            .apply(WorkerAction::SetOpenedOn(None));
        assert_eq!(
            (cleared.case.client.age, cleared.case.opening.opened_on),
            (None, None)
        );
    }

    #[test]
    fn the_named_worker_and_the_co_worker_are_recorded_separately() {
        let state = [
            WorkerAction::SetNamingException(NamingException::None),
            WorkerAction::SetNamedWorkerName("Testi Sosionomi".into()),
            WorkerAction::SetProfession(WorkerRole::NamedWorker, Some(Profession::Sosionomi)),
            WorkerAction::SetInPublicOffice(WorkerRole::NamedWorker, Some(false)),
            WorkerAction::SetProfession(WorkerRole::CoWorker, Some(Profession::SocialWorker)),
            WorkerAction::SetInPublicOffice(WorkerRole::CoWorker, Some(true)),
            WorkerAction::SetMeetingFrequency("Joka toinen viikko".into()),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-02-02")), |state, action| {
            state.apply(action)
        });
        let named = &state.case.named_worker;
        assert_eq!(named.worker.name.as_str(), "Testi Sosionomi");
        assert_eq!(
            (named.worker.profession, named.worker.in_public_office),
            (Some(Profession::Sosionomi), Some(false))
        );
        assert_eq!(
            (named.co_worker.profession, named.co_worker.in_public_office),
            (Some(Profession::SocialWorker), Some(true))
        );
        assert_eq!(
            state.case.plan.items.meeting_frequency.as_str(),
            "Joka toinen viikko"
        );
        let excepted = state
            .apply(WorkerAction::SetNamingException(
                NamingException::OtherResponsibleWorker,
            ))
            .apply(WorkerAction::SetExceptionReason("Asiakasvastaava nimetty".into()));
        assert_eq!(
            excepted.case.named_worker.exception,
            NamingException::OtherResponsibleWorker
        );
        assert_eq!(
            excepted.case.named_worker.exception_reason.as_str(),
            "Asiakasvastaava nimetty"
        );
    }

    #[test]
    fn services_toggle_and_partners_are_added_changed_and_removed() {
        let state = [
            WorkerAction::ToggleService("tyokokeilu".into()),
            WorkerAction::ToggleService("rinnallakulkija".into()),
            WorkerAction::ToggleService("tyokokeilu".into()),
            WorkerAction::AddPartner,
            WorkerAction::AddPartner,
            WorkerAction::ChangePartner(0, PartnerChange::Name("Kela".into())),
            WorkerAction::ChangePartner(0, PartnerChange::Sector(Sector::Kela)),
            WorkerAction::ChangePartner(0, PartnerChange::Consent(true)),
            WorkerAction::ChangePartner(1, PartnerChange::Responsibility("Työkokeilu".into())),
            WorkerAction::RemovePartner(1),
            WorkerAction::RemovePartner(7),
            WorkerAction::SetText(TextField::Goals, "Työkokeilu syksyllä".into()),
            WorkerAction::SetFlag(Flag::JointPlan, Some(true)),
            WorkerAction::SetWorkAbilityScore(Some(11)),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-02-02")), |state, action| {
            state.apply(action)
        });
        let plan = &state.case.plan;
        let services: Vec<&str> = plan
            .services
            .iter()
            .map(|service| service.service_id.as_str())
            .collect();
        assert_eq!(services, ["rinnallakulkija"]);
        assert_eq!(plan.partners.len(), 1);
        assert_eq!(
            (
                plan.partners[0].name.as_str(),
                plan.partners[0].sector,
                plan.partners[0].consent_to_share
            ),
            ("Kela", Sector::Kela, true)
        );
        assert_eq!(plan.items.goals.as_str(), "Työkokeilu syksyllä");
        assert_eq!(plan.joint, Some(true));
        assert_eq!(
            state.case.client.work_ability_score, None,
            "a score above 10 is not kept"
        );
    }

    fn plan_document(key: u8, state: &WorkerState) -> Document {
        use tyokyky_engine::document::{DocumentBody, Language};
        use tyokyky_engine::plan::{CatalogueUsed, ClientPlan, RulesUsed};
        let plan = ClientPlan {
            case: state.case.clone(),
            findings: Vec::new(),
            rules: RulesUsed {
                name: "r".into(),
                version: "1".into(),
                source_hash: "h".into(),
            },
            catalogue: CatalogueUsed {
                county: "c".into(),
                version: "1".into(),
            },
            consents: Vec::new(),
        };
        Document::new(
            uuid::Uuid::from_bytes([key; 16]),
            chrono::DateTime::UNIX_EPOCH,
            Language::Fi,
            DocumentBody::ClientPlan(Box::new(plan)),
        )
    }

    #[test]
    fn finishing_sends_once_keeps_the_case_on_failure_and_clears_it_on_delivery() {
        let state = WorkerState::new(day("2026-02-02")).apply(WorkerAction::SetAge(Some(40)));
        let first = state.plan_to_send(plan_document(1, &state));
        let sending = state.apply(WorkerAction::Finish(first.clone()));
        assert_eq!(sending.plan.as_ref(), Some(&first), "handed over");
        let on_its_way = |_| Some(DeliveryView::Sending);
        assert!(
            !sending.takes(&WorkerAction::SetAge(Some(41)), on_its_way),
            "nothing changes while sending"
        );
        assert!(
            !sending.takes(&WorkerAction::Finish(first.clone()), on_its_way),
            "sent once"
        );
        let refused = |_| {
            Some(DeliveryView::Rejected {
                failure: crate::web::submit::SendFailure::Rejected {
                    status: 422,
                    message: "bad".into(),
                },
            })
        };
        assert!(
            sending.takes(&WorkerAction::SetAge(Some(41)), refused)
                && sending.takes(&WorkerAction::Finish(first.clone()), refused),
            "a refused plan is the worker's again"
        );
        assert_eq!(sending.case.client.age, Some(40), "the case is kept");
        let document = sending.plan_to_send(plan_document(2, &sending));
        assert_eq!(
            document.idempotency_key,
            uuid::Uuid::from_bytes([1; 16]),
            "same key on retry"
        );
        let changed = sending.apply(WorkerAction::SetAge(Some(41)));
        assert_eq!(
            changed.plan_to_send(plan_document(2, &changed)).idempotency_key,
            uuid::Uuid::from_bytes([2; 16]),
            "a changed plan is a new document"
        );
        let retry = sending.apply(WorkerAction::Finish(document.clone()));
        let receipt = Receipt {
            document_id: uuid::Uuid::from_bytes([9; 16]),
            idempotency_key: document.idempotency_key,
            received_at: chrono::DateTime::UNIX_EPOCH,
        };
        let stranger = Receipt {
            idempotency_key: uuid::Uuid::from_bytes([7; 16]),
            ..receipt.clone()
        };
        assert_eq!(retry.apply(WorkerAction::Delivered(stranger)), retry);
        let sent = retry.apply(WorkerAction::Delivered(receipt));
        assert_eq!(sent.case.client.age, None, "the answers are cleared");
        assert_eq!(sent.plan, Some(document), "the plan stays for printing");
        assert!(
            sent.takes(&WorkerAction::StartOver(day("2026-02-03")), on_its_way),
            "starting over is always possible"
        );
    }

    #[test]
    fn starting_over_forgets_everything() {
        let state = WorkerState::new(day("2026-04-02")).apply(WorkerAction::SetAge(Some(50)));
        assert_eq!(
            state.apply(WorkerAction::StartOver(day("2026-04-03"))),
            WorkerState::new(day("2026-04-03"))
        );
    }
}
