//! State of the self-assessment, changed only through [`SelfAction`]s by a pure reducer: which screen is
//! shown, the answers, the contact form and the two documents on their way (the contact request and the
//! feedback). Which question comes next is the questionnaire's business (its `show_if` conditions); the
//! reducer only walks the questions it says are shown.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use tyokyky_engine::contact::{
    Channel, ContactDraft, ContactProblem, Feedback, FeedbackScore, PreferredTime, SharedAnswers,
};
use tyokyky_engine::document::{Document, DocumentBody, FreeText, Language, MAX_FREE_TEXT_CHARS, Receipt};
use tyokyky_engine::questionnaire::{Answer, AnswerProblem, Answers, Questionnaire};
use uuid::Uuid;
use yew::Reducible;

use crate::i18n::Locale;
use crate::outbox::Outbox;
use crate::submit::SendFailure;

/// The screens, in the order a person usually meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is, before the first question.
    Start,
    /// The question at this index of the questionnaire.
    Question(usize),
    /// Suggested services, urgent help, the answers with change links.
    Results,
    /// The contact request form.
    Contact,
    /// The receipt of the contact request: the reference and what happens next.
    Sent,
    /// Anonymous feedback.
    Feedback,
    /// The end.
    Thanks,
}

/// A change to the contact form.
#[derive(Debug, Clone, PartialEq)]
pub enum ContactEdit {
    /// The name.
    Name(String),
    /// The phone number.
    Phone(String),
    /// The e-mail address.
    Email(String),
    /// The language to be contacted in.
    Language(Language),
    /// When.
    Time(PreferredTime),
    /// The consent box.
    Consent(bool),
    /// Whether to send the answers too.
    ShareAnswers(bool),
    /// Whether to ask for plain language.
    PlainLanguage(bool),
}

/// What can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SelfAction {
    /// Start answering.
    Begin,
    /// The answer to question `id` changed (`None`: cleared).
    Answer(String, Option<Answer>),
    /// Go on from the current question.
    Next,
    /// Go back one screen.
    Back,
    /// Go to the question at this index (a "change" link on the results screen).
    Change(usize),
    /// Open the contact form from the interface in this locale: its language is the default for being
    /// contacted, and plain-language Finnish asks for plain language by default.
    OpenContact(Locale),
    /// Edit the contact form.
    EditContact(ContactEdit),
    /// Send the contact request. `key` and `now` are used only if a new document is made.
    SubmitContact {
        key: Uuid,
        now: DateTime<Utc>,
        lang: Language,
        consent_text: String,
        urgent: bool,
        suggested: Vec<String>,
    },
    /// The contact request was answered.
    ContactAnswered(Result<Receipt, SendFailure>),
    /// Open the feedback screen.
    OpenFeedback,
    /// The feedback score.
    FeedbackScore(u8),
    /// The feedback comment.
    FeedbackComment(String),
    /// Send the feedback.
    SubmitFeedback {
        key: Uuid,
        now: DateTime<Utc>,
        lang: Language,
    },
    /// The feedback was answered.
    FeedbackAnswered(Result<Receipt, SendFailure>),
    /// Skip the feedback.
    SkipFeedback,
    /// Forget everything and go back to the start.
    StartOver,
}

/// Why the feedback cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackProblem {
    /// Neither a score nor a comment.
    Empty,
    /// The comment is too long.
    TooLong,
}

/// Everything the self-assessment shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfState {
    /// The questionnaire (shared, never changed).
    pub questionnaire: Rc<Questionnaire>,
    /// Where the documents say they were made.
    pub channel: Channel,
    /// The screen shown.
    pub screen: Screen,
    /// The answers so far, by question id.
    pub answers: Answers,
    /// The problem that stopped going on from the current question.
    pub problem: Option<AnswerProblem>,
    /// Counts stopped attempts, to move focus to the message each time.
    pub stops: u32,
    /// The contact form.
    pub contact: ContactDraft,
    /// Problems found at the last attempt to send it.
    pub contact_problems: Vec<ContactProblem>,
    /// The contact request on its way.
    pub contact_outbox: Outbox,
    /// The receipt, kept after the answers are forgotten.
    pub receipt: Option<Receipt>,
    /// Feedback score chosen.
    pub feedback_score: Option<u8>,
    /// Feedback comment typed.
    pub feedback_comment: String,
    /// The problem that stopped sending the feedback.
    pub feedback_problem: Option<FeedbackProblem>,
    /// The feedback on its way.
    pub feedback_outbox: Outbox,
}

impl SelfState {
    /// The start screen with nothing answered.
    pub fn new(questionnaire: Rc<Questionnaire>, channel: Channel, language: Language) -> SelfState {
        SelfState {
            questionnaire,
            channel,
            screen: Screen::Start,
            answers: Answers::new(),
            problem: None,
            stops: 0,
            contact: ContactDraft::new(language),
            contact_problems: Vec::new(),
            contact_outbox: Outbox::Idle,
            receipt: None,
            feedback_score: None,
            feedback_comment: String::new(),
            feedback_problem: None,
            feedback_outbox: Outbox::Idle,
        }
    }

    /// The indices of the questions shown, given the answers so far.
    pub fn shown(&self) -> Vec<usize> {
        self.questionnaire
            .shown(&self.answers)
            .into_iter()
            .enumerate()
            .filter_map(|(index, shown)| shown.then_some(index))
            .collect()
    }

    /// The first shown question after `index` (or the first of all).
    fn next_after(&self, index: Option<usize>) -> Option<usize> {
        self.shown()
            .into_iter()
            .find(|&shown| index.is_none_or(|index| shown > index))
    }

    fn previous_before(&self, index: usize) -> Option<usize> {
        self.shown().into_iter().rev().find(|&shown| shown < index)
    }

    /// The state after `action`.
    pub fn apply(&self, action: SelfAction) -> SelfState {
        let mut next = self.clone();
        match action {
            SelfAction::Begin => {
                next.screen = self.next_after(None).map_or(Screen::Results, Screen::Question);
            }
            SelfAction::Answer(id, answer) => {
                if self.contact_outbox.is_sending() {
                    return next;
                }
                match answer {
                    Some(answer) => next.answers.insert(id.clone(), answer),
                    None => next.answers.remove(&id),
                };
                if next.problem.is_some() {
                    next.problem = next.questionnaire.problem(&id, &next.answers);
                }
            }
            SelfAction::Next => {
                let Screen::Question(index) = self.screen else {
                    return next;
                };
                let id = &self.questionnaire.questions()[index].id;
                if let Some(problem) = self.questionnaire.problem(id, &self.answers) {
                    next.problem = Some(problem);
                    next.stops += 1;
                    return next;
                }
                next.problem = None;
                next.screen = self
                    .next_after(Some(index))
                    .map_or(Screen::Results, Screen::Question);
            }
            SelfAction::Back => {
                next.problem = None;
                next.screen = match self.screen {
                    Screen::Question(index) => self
                        .previous_before(index)
                        .map_or(Screen::Start, Screen::Question),
                    Screen::Results => self
                        .shown()
                        .last()
                        .copied()
                        .map_or(Screen::Start, Screen::Question),
                    Screen::Contact => Screen::Results,
                    other => other,
                };
            }
            SelfAction::Change(index) => {
                if self.shown().contains(&index) && self.receipt.is_none() {
                    next.problem = None;
                    next.screen = Screen::Question(index);
                }
            }
            SelfAction::OpenContact(locale) => {
                if self.receipt.is_none() {
                    next.screen = Screen::Contact;
                    if self.contact == ContactDraft::new(self.contact.contact_language) {
                        next.contact.contact_language = locale.language();
                        next.contact.plain_language = locale == Locale::FiSelko;
                    }
                }
            }
            SelfAction::EditContact(edit) => {
                if self.contact_outbox.is_sending() {
                    return next;
                }
                let draft = &mut next.contact;
                match edit {
                    ContactEdit::Name(text) => draft.name = text,
                    ContactEdit::Phone(text) => draft.phone = text,
                    ContactEdit::Email(text) => draft.email = text,
                    ContactEdit::Language(language) => draft.contact_language = language,
                    ContactEdit::Time(time) => draft.preferred_time = time,
                    ContactEdit::Consent(given) => draft.consent = given,
                    ContactEdit::ShareAnswers(share) => draft.share_answers = share,
                    ContactEdit::PlainLanguage(plain) => draft.plain_language = plain,
                }
                if !next.contact_problems.is_empty() {
                    next.contact_problems = next
                        .contact
                        .complete("", false, self.channel, None)
                        .err()
                        .unwrap_or_default();
                }
            }
            SelfAction::SubmitContact {
                key,
                now,
                lang,
                consent_text,
                urgent,
                suggested,
            } => {
                let shared = SharedAnswers {
                    questionnaire: self.questionnaire.file().id.clone(),
                    version: self.questionnaire.file().version.clone(),
                    answers: self.questionnaire.effective(&self.answers),
                    suggested_services: suggested,
                };
                match self
                    .contact
                    .complete(&consent_text, urgent, self.channel, Some(shared))
                {
                    Err(problems) => {
                        next.contact_problems = problems;
                        next.stops += 1;
                    }
                    Ok(request) => {
                        next.contact_problems.clear();
                        let body = DocumentBody::ContactRequest(Box::new(request));
                        next.contact_outbox = self.contact_outbox.send(
                            |document| document.body == body,
                            || Document::new(key, now, lang, body.clone()),
                        );
                    }
                }
            }
            SelfAction::ContactAnswered(result) => {
                next.contact_outbox = self.contact_outbox.answered(result);
                if let Outbox::Sent { receipt } = &next.contact_outbox {
                    // Delivered: nothing personal stays in memory, only the receipt.
                    next.receipt = Some(receipt.clone());
                    next.answers = Answers::new();
                    next.contact = ContactDraft::new(self.contact.contact_language);
                    next.screen = Screen::Sent;
                }
            }
            SelfAction::OpenFeedback => next.screen = Screen::Feedback,
            SelfAction::FeedbackScore(score) => {
                next.feedback_score = Some(score);
                next.feedback_problem = None;
            }
            SelfAction::FeedbackComment(text) => {
                next.feedback_comment = text;
                next.feedback_problem = None;
            }
            SelfAction::SubmitFeedback { key, now, lang } => {
                let score = self
                    .feedback_score
                    .and_then(|score| FeedbackScore::try_from(score).ok());
                let Some(comment) = FreeText::new(self.feedback_comment.clone()) else {
                    next.feedback_problem = Some(FeedbackProblem::TooLong);
                    next.stops += 1;
                    return next;
                };
                let feedback = Feedback {
                    score,
                    comment,
                    channel: self.channel,
                };
                if feedback.check().is_err() {
                    next.feedback_problem = Some(FeedbackProblem::Empty);
                    next.stops += 1;
                    return next;
                }
                let body = DocumentBody::Feedback(feedback);
                // Only the day: a time to the second would let anyone holding both documents link the
                // anonymous feedback to the contact request sent a minute before.
                let day = now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc();
                next.feedback_outbox = self.feedback_outbox.send(
                    |document| document.body == body,
                    || Document::new(key, day, lang, body.clone()),
                );
            }
            SelfAction::FeedbackAnswered(result) => {
                next.feedback_outbox = self.feedback_outbox.answered(result);
                if matches!(next.feedback_outbox, Outbox::Sent { .. }) {
                    next.feedback_comment.clear();
                    next.feedback_score = None;
                    next.screen = Screen::Thanks;
                }
            }
            SelfAction::SkipFeedback => next.screen = Screen::Thanks,
            SelfAction::StartOver => {
                return SelfState::new(
                    self.questionnaire.clone(),
                    self.channel,
                    self.contact.contact_language,
                );
            }
        }
        next
    }
}

/// The most characters of the feedback comment.
pub const MAX_COMMENT_CHARS: usize = MAX_FREE_TEXT_CHARS;

impl Reducible for SelfState {
    type Action = SelfAction;

    fn reduce(self: Rc<Self>, action: SelfAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questionnaire() -> Rc<Questionnaire> {
        match crate::rules::embedded() {
            Ok(shared) => shared.questionnaire,
            Err(errors) => panic!("{errors:?}"),
        }
    }

    fn state() -> SelfState {
        SelfState::new(questionnaire(), Channel::SelfService, Language::Fi)
    }

    fn submit_contact(state: &SelfState) -> SelfState {
        state.apply(SelfAction::SubmitContact {
            key: Uuid::from_u128(1),
            now: DateTime::UNIX_EPOCH,
            lang: Language::Fi,
            consent_text: "Suostun.".into(),
            urgent: false,
            suggested: vec![],
        })
    }

    /// Answers every shown question with its first possible answer, from the start to the results.
    fn walk_to_results(mut state: SelfState) -> (SelfState, usize) {
        state = state.apply(SelfAction::Begin);
        let mut steps = 0;
        while let Screen::Question(index) = state.screen {
            let question = state.questionnaire.questions()[index].clone();
            let answer = match question.answer_type {
                tyokyky_engine::questionnaire::AnswerType::YesNo => Answer::Bool(true),
                tyokyky_engine::questionnaire::AnswerType::Score => Answer::Number(4),
                tyokyky_engine::questionnaire::AnswerType::Choice => {
                    Answer::Text(question.options[0].value.clone())
                }
                tyokyky_engine::questionnaire::AnswerType::Multi => Answer::Options(vec![]),
                tyokyky_engine::questionnaire::AnswerType::Text => Answer::Text("Testi".into()),
            };
            state = state.apply(SelfAction::Answer(question.id.clone(), Some(answer)));
            state = state.apply(SelfAction::Next);
            steps += 1;
            assert!(steps < 100, "the questionnaire never ends");
        }
        (state, steps)
    }

    #[test]
    fn answering_every_question_reaches_the_results_and_back_returns_to_the_last_question() {
        let (state, steps) = walk_to_results(state());
        assert_eq!(state.screen, Screen::Results);
        assert_eq!(steps, state.shown().len());
        let back = state.apply(SelfAction::Back);
        assert_eq!(back.screen, Screen::Question(*state.shown().last().unwrap_or(&0)));
        assert_eq!(back.answers, state.answers, "going back loses nothing");
    }

    #[test]
    fn a_required_question_stops_until_answered_and_a_skippable_one_does_not() {
        let state = state().apply(SelfAction::Begin);
        let Screen::Question(first) = state.screen else {
            panic!("no first question")
        };
        let question = &state.questionnaire.questions()[first];
        let after = state.apply(SelfAction::Next);
        if question.required {
            assert_eq!(after.screen, state.screen);
            assert_eq!(after.problem, Some(AnswerProblem::Missing));
            assert_eq!(after.stops, 1);
        } else {
            assert_ne!(after.screen, state.screen);
        }
        let sensitive = state
            .questionnaire
            .questions()
            .iter()
            .position(|question| question.sensitive);
        if let Some(index) = sensitive {
            let at = SelfState {
                screen: Screen::Question(index),
                ..state.clone()
            };
            assert_ne!(
                at.apply(SelfAction::Next).screen,
                at.screen,
                "a sensitive question is skippable"
            );
        }
    }

    #[test]
    fn a_contact_request_needs_a_name_a_way_to_reach_and_consent_and_is_resent_unchanged() {
        let (state, _) = walk_to_results(state());
        let state = state.apply(SelfAction::OpenContact(Locale::Sv));
        assert_eq!(
            state.contact.contact_language,
            Language::Sv,
            "the language in use by default"
        );
        let plain = walk_to_results(SelfState::new(
            questionnaire(),
            Channel::SelfService,
            Language::Fi,
        ))
        .0
        .apply(SelfAction::OpenContact(Locale::FiSelko));
        assert!(
            plain.contact.plain_language,
            "plain-language Finnish in use asks for plain language"
        );
        assert_eq!(plain.contact.contact_language, Language::Fi);
        let refused = submit_contact(&state);
        assert_eq!(refused.contact_problems.len(), 3);
        assert_eq!(refused.contact_outbox, Outbox::Idle);
        let mut filled = refused;
        for edit in [
            ContactEdit::Name("Testi Henkilö".into()),
            ContactEdit::Phone("040 000 0000".into()),
            ContactEdit::Consent(true),
        ] {
            filled = filled.apply(SelfAction::EditContact(edit));
        }
        assert!(
            filled.contact_problems.is_empty(),
            "fixed problems go away as the person types"
        );
        let sending = submit_contact(&filled);
        let Outbox::Sending { document, attempt: 1 } = &sending.contact_outbox else {
            panic!("not sending: {:?}", sending.contact_outbox)
        };
        let DocumentBody::ContactRequest(request) = &document.body else {
            panic!("not a contact request")
        };
        assert!(
            request.shared_answers.is_none(),
            "answers are shared only when chosen"
        );
        let failed = sending.apply(SelfAction::ContactAnswered(Err(SendFailure::Network)));
        assert_eq!(failed.answers, state.answers, "a failed send keeps everything");
        let retried = submit_contact(&failed);
        assert_eq!(retried.contact_outbox.sending(), Some((document.clone(), 2)));
        let receipt = Receipt {
            document_id: Uuid::from_u128(9),
            idempotency_key: document.idempotency_key,
            received_at: DateTime::UNIX_EPOCH,
        };
        let sent = retried.apply(SelfAction::ContactAnswered(Ok(receipt.clone())));
        assert_eq!(sent.screen, Screen::Sent);
        assert_eq!(sent.receipt, Some(receipt));
        assert!(
            sent.answers.is_empty() && sent.contact.name.is_empty(),
            "delivered: forgotten"
        );
    }

    #[test]
    fn feedback_needs_a_score_or_a_comment_and_ends_with_thanks() {
        let state = state().apply(SelfAction::OpenFeedback);
        let feedback = |state: &SelfState| {
            state.apply(SelfAction::SubmitFeedback {
                key: Uuid::from_u128(2),
                now: DateTime::UNIX_EPOCH,
                lang: Language::Sv,
            })
        };
        assert_eq!(feedback(&state).feedback_problem, Some(FeedbackProblem::Empty));
        let scored = state
            .apply(SelfAction::FeedbackScore(9))
            .apply(SelfAction::SubmitFeedback {
                key: Uuid::from_u128(2),
                now: DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default(),
                lang: Language::Sv,
            });
        let Some((document, 1)) = scored.feedback_outbox.sending() else {
            panic!("not sending")
        };
        assert_eq!(
            document.created_at.to_rfc3339(),
            "2026-11-18T00:00:00+00:00",
            "the day only"
        );
        let receipt = Receipt {
            document_id: Uuid::from_u128(3),
            idempotency_key: Uuid::from_u128(2),
            received_at: DateTime::UNIX_EPOCH,
        };
        let done = scored.apply(SelfAction::FeedbackAnswered(Ok(receipt)));
        assert_eq!(done.screen, Screen::Thanks);
    }
}
