//! State of the worker-assisted flow: the case's answers, changed only through [`WorkerAction`]s by a
//! pure reducer. What the answers mean in law is the engine's business (`Case::facts` and the rules);
//! this module only records them.

use std::rc::Rc;

use chrono::NaiveDate;
use tyokyky_engine::case::{Case, Initiator};
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
            WorkerAction::StartOver(today) => return WorkerState::new(today),
        }
        next
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
    fn starting_over_forgets_everything() {
        let state = WorkerState::new(day("2026-04-02")).apply(WorkerAction::SetAge(Some(50)));
        assert_eq!(
            state.apply(WorkerAction::StartOver(day("2026-04-03"))),
            WorkerState::new(day("2026-04-03"))
        );
    }
}
