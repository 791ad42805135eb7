//! State of the work-ability check page, changed only through [`CheckAction`]s by a pure reducer.
//!
//! The impure parts (a random idempotency key, the clock, the network) come in as action payloads or
//! happen in the page's effect, so every transition here is tested natively.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use tyokyky_engine::document::{
    Document, DocumentBody, FieldProblem, Language, Receipt, WorkAbilityCheck, WorkAbilityCheckDraft,
};
use uuid::Uuid;
use yew::Reducible;

use crate::submit::SendFailure;

/// Where the answers are on their way to the inbox.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Outbox {
    /// Nothing sent yet.
    #[default]
    Idle,
    /// `document` is being sent; `attempt` counts sends of this page, so each one triggers one request.
    Sending { document: Document, attempt: u32 },
    /// Sending `document` failed; the answers are kept so the person can try again.
    Failed {
        document: Document,
        failure: SendFailure,
        attempt: u32,
    },
    /// The inbox stored the answers.
    Sent { receipt: Receipt },
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckState {
    /// The answers as typed so far.
    pub draft: WorkAbilityCheckDraft,
    /// Problems found at the last attempt to send, until they are fixed.
    pub problems: Vec<FieldProblem>,
    /// How many times the person has tried to send with problems left (to move focus each time).
    pub failed_submits: u32,
    /// Sending state.
    pub outbox: Outbox,
}

/// What can happen on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckAction {
    /// A score was chosen.
    ChooseScore(u8),
    /// The free text changed.
    SetWhatWouldHelp(String),
    /// The person asked to send. `key` and `now` are used only if a new document is made.
    Submit {
        key: Uuid,
        now: DateTime<Utc>,
        lang: Language,
    },
    /// The inbox answered with a receipt.
    Delivered(Receipt),
    /// Sending failed.
    Failed(SendFailure),
    /// Forget everything and begin again.
    StartOver,
}

impl CheckState {
    /// Whether a request is under way (the form does not change meanwhile).
    pub fn is_sending(&self) -> bool {
        matches!(self.outbox, Outbox::Sending { .. })
    }

    /// The problem with `field`, if any.
    pub fn problem(&self, field: tyokyky_engine::document::Field) -> Option<FieldProblem> {
        self.problems
            .iter()
            .copied()
            .find(|problem| problem.field == field)
    }

    fn attempts_so_far(&self) -> u32 {
        match &self.outbox {
            Outbox::Sending { attempt, .. } | Outbox::Failed { attempt, .. } => *attempt,
            Outbox::Idle | Outbox::Sent { .. } => 0,
        }
    }

    /// Re-checks shown problems after an edit, so a fixed field loses its message.
    fn revalidated(mut self) -> CheckState {
        if !self.problems.is_empty() {
            self.problems = self.draft.complete().err().unwrap_or_default();
        }
        self
    }

    /// The state after `action`.
    pub fn apply(&self, action: CheckAction) -> CheckState {
        let mut next = self.clone();
        match action {
            CheckAction::ChooseScore(_) | CheckAction::SetWhatWouldHelp(_) if self.is_sending() => next,
            CheckAction::ChooseScore(score) => {
                next.draft.score = Some(score);
                next.revalidated()
            }
            CheckAction::SetWhatWouldHelp(text) => {
                next.draft.what_would_help = text;
                next.revalidated()
            }
            CheckAction::Submit { .. } if self.is_sending() => next,
            CheckAction::Submit { key, now, lang } => match self.draft.complete() {
                Err(problems) => {
                    next.problems = problems;
                    next.failed_submits += 1;
                    next
                }
                Ok(answers) => {
                    next.problems.clear();
                    let attempt = self.attempts_so_far() + 1;
                    let document = match &self.outbox {
                        // Retrying the same answers resends the same document, key and all, so the
                        // inbox stores it once even if an earlier attempt did arrive.
                        Outbox::Failed { document, .. } if same_answers(document, &answers) => {
                            document.clone()
                        }
                        _ => Document::new(key, now, lang, DocumentBody::WorkAbilityCheck(answers)),
                    };
                    next.outbox = Outbox::Sending { document, attempt };
                    next
                }
            },
            CheckAction::Delivered(receipt) => match &self.outbox {
                // The answers have reached the inbox: nothing personal stays in memory.
                Outbox::Sending { .. } => CheckState {
                    outbox: Outbox::Sent { receipt },
                    ..CheckState::default()
                },
                _ => next,
            },
            CheckAction::Failed(failure) => match &self.outbox {
                Outbox::Sending { document, attempt } => {
                    next.outbox = Outbox::Failed {
                        document: document.clone(),
                        failure,
                        attempt: *attempt,
                    };
                    next
                }
                _ => next,
            },
            CheckAction::StartOver => CheckState::default(),
        }
    }
}

fn same_answers(document: &Document, answers: &WorkAbilityCheck) -> bool {
    matches!(&document.body, DocumentBody::WorkAbilityCheck(sent) if sent == answers)
}

impl Reducible for CheckState {
    type Action = CheckAction;

    fn reduce(self: Rc<Self>, action: CheckAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use tyokyky_engine::document::{Field, Problem};

    use super::*;

    fn submit(n: u8) -> CheckAction {
        CheckAction::Submit {
            key: Uuid::from_bytes([n; 16]),
            now: DateTime::UNIX_EPOCH,
            lang: Language::Fi,
        }
    }

    fn receipt() -> Receipt {
        Receipt {
            document_id: Uuid::from_bytes([9; 16]),
            idempotency_key: Uuid::from_bytes([1; 16]),
            received_at: DateTime::UNIX_EPOCH,
        }
    }

    fn run(actions: impl IntoIterator<Item = CheckAction>) -> CheckState {
        actions
            .into_iter()
            .fold(CheckState::default(), |state, action| state.apply(action))
    }

    fn sending_key(state: &CheckState) -> Uuid {
        match &state.outbox {
            Outbox::Sending { document, .. } => document.idempotency_key,
            other => panic!("not sending: {other:?}"),
        }
    }

    #[test]
    fn sending_without_a_score_shows_the_problem_and_sends_nothing() {
        let state = run([CheckAction::SetWhatWouldHelp("Tukea".into()), submit(1)]);
        assert_eq!(
            state.problems,
            vec![FieldProblem {
                field: Field::WorkAbilityScore,
                problem: Problem::Missing
            }]
        );
        assert_eq!(state.failed_submits, 1);
        assert_eq!(state.outbox, Outbox::Idle);
        assert_eq!(state.draft.what_would_help, "Tukea");
    }

    #[test]
    fn a_score_outside_0_to_10_is_never_sent() {
        let state = run([CheckAction::ChooseScore(11), submit(1)]);
        assert_eq!(
            state.problem(Field::WorkAbilityScore).unwrap().problem,
            Problem::OutOfRange { min: 0, max: 10 }
        );
        assert_eq!(state.outbox, Outbox::Idle);
    }

    #[test]
    fn fixing_a_field_removes_its_message() {
        let state = run([submit(1), CheckAction::ChooseScore(3)]);
        assert!(state.problems.is_empty());
    }

    #[test]
    fn valid_answers_become_a_document_being_sent() {
        let state = run([
            CheckAction::ChooseScore(7),
            CheckAction::SetWhatWouldHelp("Kuntoutus".into()),
            submit(1),
        ]);
        let Outbox::Sending { document, attempt } = &state.outbox else {
            panic!("{state:?}")
        };
        assert_eq!(*attempt, 1);
        assert_eq!(document.idempotency_key, Uuid::from_bytes([1; 16]));
        let DocumentBody::WorkAbilityCheck(answers) = &document.body else {
            panic!("{document:?}")
        };
        assert_eq!(answers.work_ability_score.get(), 7);
        assert_eq!(answers.what_would_help.as_str(), "Kuntoutus");
    }

    #[test]
    fn a_failure_keeps_the_answers_and_a_retry_resends_the_same_document() {
        let failed = run([
            CheckAction::ChooseScore(4),
            submit(1),
            CheckAction::Failed(SendFailure::Network),
        ]);
        assert!(matches!(
            failed.outbox,
            Outbox::Failed {
                failure: SendFailure::Network,
                ..
            }
        ));
        assert_eq!(failed.draft.score, Some(4));
        let retried = failed.apply(submit(2));
        assert_eq!(sending_key(&retried), Uuid::from_bytes([1; 16]));
        assert!(matches!(retried.outbox, Outbox::Sending { attempt: 2, .. }));
    }

    #[test]
    fn changed_answers_after_a_failure_make_a_new_document() {
        let state = run([
            CheckAction::ChooseScore(4),
            submit(1),
            CheckAction::Failed(SendFailure::Server { status: 503 }),
            CheckAction::ChooseScore(5),
            submit(2),
        ]);
        assert_eq!(sending_key(&state), Uuid::from_bytes([2; 16]));
    }

    #[test]
    fn nothing_changes_while_sending() {
        let sending = run([CheckAction::ChooseScore(4), submit(1)]);
        assert_eq!(sending.apply(CheckAction::ChooseScore(9)), sending);
        assert_eq!(sending.apply(submit(2)), sending);
    }

    #[test]
    fn delivery_shows_the_receipt_and_forgets_the_answers() {
        let state = run([
            CheckAction::ChooseScore(4),
            submit(1),
            CheckAction::Delivered(receipt()),
        ]);
        assert_eq!(state.outbox, Outbox::Sent { receipt: receipt() });
        assert_eq!(state.draft, WorkAbilityCheckDraft::default());
        assert_eq!(state.apply(CheckAction::StartOver), CheckState::default());
    }

    #[test]
    fn a_late_answer_for_nothing_in_flight_is_ignored() {
        let idle = CheckState::default();
        assert_eq!(idle.apply(CheckAction::Delivered(receipt())), idle);
        assert_eq!(idle.apply(CheckAction::Failed(SendFailure::Network)), idle);
    }
}
