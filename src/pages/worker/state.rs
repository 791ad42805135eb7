//! State of the worker-assisted flow: the case's answers, changed only through [`WorkerAction`]s by a
//! pure reducer. What the answers mean in law is the engine's business (`Case::facts` and the rules);
//! this module only records them.

use std::rc::Rc;

use chrono::NaiveDate;
use tyokyky_engine::case::{Case, Initiator, NamingException, Profession, Worker};
use tyokyky_engine::document::FreeText;
use yew::Reducible;

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

/// Which worker a change is about (42 §: the named worker, or the worker doing client work with them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerRole {
    /// The named worker (omatyöntekijä).
    NamedWorker,
    /// The co-worker.
    CoWorker,
}

/// Everything the worker flow shows.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerState {
    /// The answers so far.
    pub case: Case,
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
    /// Forget the case and start a new one opened on the given day.
    StartOver(NaiveDate),
}

impl WorkerState {
    /// A new case opened today. An assessment is made unless the worker records that it is obviously
    /// unnecessary (36 § 1 mom), so that is the starting point.
    pub fn new(today: NaiveDate) -> WorkerState {
        let mut case = Case::default();
        case.opening.opened_on = Some(today);
        case.assessment.obviously_unnecessary = Some(false);
        WorkerState { case }
    }

    /// The state after `action`.
    pub fn apply(&self, action: WorkerAction) -> WorkerState {
        let mut next = self.clone();
        let case = &mut next.case;
        match action {
            WorkerAction::SetOpenedOn(date) => case.opening.opened_on = date,
            WorkerAction::SetInitiator(initiator) => case.opening.initiator = initiator,
            WorkerAction::SetUrgent(urgent) => case.opening.urgent = urgent,
            WorkerAction::SetAge(age) => case.client.age = age,
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
            WorkerAction::StartOver(today) => return WorkerState::new(today),
        }
        next
    }
}

/// Typed text, kept as typed (the text areas stop at the length limit, so nothing is cut here).
fn text_of(text: &str) -> FreeText {
    FreeText::from(text)
}

fn worker(case: &mut Case, role: WorkerRole) -> &mut Worker {
    match role {
        WorkerRole::NamedWorker => &mut case.named_worker.worker,
        WorkerRole::CoWorker => &mut case.named_worker.co_worker,
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
    fn starting_over_forgets_everything() {
        let state = WorkerState::new(day("2026-04-02")).apply(WorkerAction::SetAge(Some(50)));
        assert_eq!(
            state.apply(WorkerAction::StartOver(day("2026-04-03"))),
            WorkerState::new(day("2026-04-03"))
        );
    }
}
