//! State of the self-assessment, changed only through [`SelfAction`]s by a pure reducer: which screen is
//! shown, the answers, the contact form and the two documents it handed to the outbox (the contact request
//! and the feedback). Where those are on their way is the outbox's business; the page reads it there and
//! asks [`SelfState::takes`] what may change meanwhile. Which question comes next is the questionnaire's
//! business (its `show_if` conditions); the reducer only walks the questions it says are shown.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use tyokyky_engine::contact::{
    Channel, ContactDraft, ContactProblem, Feedback, FeedbackScore, PreferredTime, SharedAnswers,
};
use tyokyky_engine::document::{Document, DocumentBody, FreeText, Language, MAX_FREE_TEXT_CHARS, Receipt};
use tyokyky_engine::questionnaire::{Answer, AnswerProblem, Answers, Questionnaire};
use uuid::Uuid;
use yew::Reducible;

use crate::state::delivery::{DeliveryView, same_or_fresh_citizen};
use crate::state::i18n::Locale;

/// The idempotency key of a document handed over, if one was.
fn key_of(handed: &Option<Rc<Document>>) -> Option<Uuid> {
    handed.as_ref().map(|document| document.idempotency_key)
}

/// The screens, in the order a person usually meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is, before the first question.
    Start,
    /// The question at this index of the questionnaire.
    Question(usize),
    /// What happens next, the suggested services, urgent help and the person's rights.
    Results,
    /// The answers, each with a "change" that comes back here (check your answers).
    Answers,
    /// The contact request form.
    Contact,
    /// The receipt of the contact request: the reference and what happens next.
    Sent,
    /// Anonymous feedback.
    Feedback,
    /// The end.
    Thanks,
}

/// The names of the screens after the questions in the page address (`#/?step=results`).
const SCREEN_STEPS: [(Screen, &str); 6] = [
    (Screen::Results, "results"),
    (Screen::Answers, "answers"),
    (Screen::Contact, "contact"),
    (Screen::Sent, "sent"),
    (Screen::Feedback, "feedback"),
    (Screen::Thanks, "thanks"),
];

impl Screen {
    /// The screen's step in the page address: a question's id, or the screen's name; none for the start.
    pub fn step(self, questionnaire: &Questionnaire) -> Option<String> {
        match self {
            Screen::Start => None,
            Screen::Question(index) => questionnaire
                .questions()
                .get(index)
                .map(|question| question.id.clone()),
            other => SCREEN_STEPS
                .iter()
                .find(|(screen, _)| *screen == other)
                .map(|(_, name)| (*name).to_owned()),
        }
    }

    /// The screen a step of the page address names (the start for none); `None` for a name that is
    /// neither a question nor a screen.
    pub fn of_step(step: Option<&str>, questionnaire: &Questionnaire) -> Option<Screen> {
        let Some(step) = step else {
            return Some(Screen::Start);
        };
        questionnaire
            .questions()
            .iter()
            .position(|question| question.id == step)
            .map(Screen::Question)
            .or_else(|| {
                SCREEN_STEPS
                    .iter()
                    .find(|(_, name)| *name == step)
                    .map(|(screen, _)| *screen)
            })
    }
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
    /// Go to the question at this index (a "change" on the answers screen); "next" there comes back to
    /// the answers, by way of any question the new answer brings up.
    Change(usize),
    /// Show this screen, as the browser's Back or Forward asks (through the page address); taken only if
    /// the screen can be reached with the answers so far.
    Show(Screen),
    /// Open the contact form from the interface in this locale: its language is the default for being
    /// contacted, and plain-language Finnish asks for plain language by default.
    OpenContact(Locale),
    /// Edit the contact form.
    EditContact(ContactEdit),
    /// Send the contact request the form makes ([`SelfState::make_contact_request`]), or show the
    /// problems that stop it.
    SubmitContact(Result<Rc<Document>, Vec<ContactProblem>>),
    /// The outbox delivered the contact request; the inbox's receipt.
    ContactDelivered(Receipt),
    /// The kiosk could not deliver the document with this key and keeps it sealed for the inbox.
    Sealed(Uuid),
    /// Open the feedback screen.
    OpenFeedback,
    /// The feedback score.
    FeedbackScore(u8),
    /// The feedback comment.
    FeedbackComment(String),
    /// Send the feedback the form makes ([`SelfState::make_feedback`]), or show the problem that stops it.
    SubmitFeedback(Result<Rc<Document>, FeedbackProblem>),
    /// The outbox delivered the feedback; the inbox's receipt.
    FeedbackDelivered(Receipt),
    /// Skip the feedback.
    SkipFeedback,
    /// Forget everything and go back to the start.
    StartOver,
}

/// What the engine made of the answers that goes with them when the person shares them: the services
/// suggested, and for the county's counting the target groups and the service gaps (catalogue `[report]`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Judged {
    /// The suggested services, by catalogue id.
    pub suggested: Vec<String>,
    /// The target groups the answers place the person in.
    pub groups: Vec<tyokyky_engine::text::Id>,
    /// The goal and needs no suitable service met.
    pub gaps: tyokyky_engine::catalogue::Gaps,
}

/// What a new document is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewDocument {
    /// Its idempotency key.
    pub key: Uuid,
    /// When it is made.
    pub now: DateTime<Utc>,
    /// The language of the interface.
    pub lang: Language,
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
    /// The contact request handed to the outbox, until it is delivered: sending it again unchanged hands
    /// over this very document (same idempotency key).
    pub contact_request: Option<Rc<Document>>,
    /// The receipt, kept after the answers are forgotten.
    pub receipt: Option<Receipt>,
    /// The key of the contact request a kiosk keeps sealed until the inbox has it (then: the receipt).
    pub sealed: Option<Uuid>,
    /// Feedback score chosen.
    pub feedback_score: Option<u8>,
    /// Feedback comment typed.
    pub feedback_comment: String,
    /// The problem that stopped sending the feedback.
    pub feedback_problem: Option<FeedbackProblem>,
    /// The feedback handed to the outbox.
    pub feedback: Option<Rc<Document>>,
    /// While an answer is being changed from the answers screen: the questions shown before the change,
    /// so that "next" asks only what the new answer brings up and then returns to the answers.
    pub changing: Option<Vec<usize>>,
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
            contact_request: None,
            receipt: None,
            sealed: None,
            feedback_score: None,
            feedback_comment: String::new(),
            feedback_problem: None,
            feedback: None,
            changing: None,
        }
    }

    /// The state a page load starts from: the answers kept for this tab (none on a kiosk), shown at
    /// `screen` if it can be reached with them, otherwise at the start.
    pub fn resumed(
        questionnaire: Rc<Questionnaire>,
        channel: Channel,
        language: Language,
        answers: Answers,
        screen: Screen,
    ) -> SelfState {
        let mut state = SelfState::new(questionnaire, channel, language);
        state.answers = answers;
        if state.reachable(screen) {
            state.screen = screen;
        }
        state
    }

    /// Whether `screen` can be shown with the answers so far: a question once every question shown before
    /// it is answered, the results and the contact form once all are, the receipt only after sending, and
    /// the feedback after the results; the end only from the feedback.
    pub fn reachable(&self, screen: Screen) -> bool {
        let answered_before = |limit: usize| {
            self.shown()
                .into_iter()
                .filter(|&index| index < limit)
                .all(|index| {
                    let id = &self.questionnaire.questions()[index].id;
                    self.questionnaire.problem(id, &self.answers).is_none()
                })
        };
        match screen {
            Screen::Start => true,
            Screen::Question(index) => {
                !self.sent() && self.shown().contains(&index) && answered_before(index)
            }
            Screen::Results | Screen::Answers | Screen::Contact => {
                !self.sent() && answered_before(usize::MAX)
            }
            Screen::Sent => self.sent(),
            Screen::Feedback => self.sent() || answered_before(usize::MAX),
            Screen::Thanks => self.screen == Screen::Thanks,
        }
    }

    /// Whether the contact request is out of the person's hands: delivered, or kept sealed.
    pub fn sent(&self) -> bool {
        self.receipt.is_some() || self.sealed.is_some()
    }

    /// Whether there is work a person would lose by leaving: answers given and not yet handed to the
    /// outbox (which keeps a contact request, with the answers the person chose to send, until it arrives).
    pub fn unsaved(&self) -> bool {
        !self.answers.is_empty() && self.receipt.is_none() && self.contact_request.is_none()
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

    /// The contact request the form makes now: the one handed over before if it says the same (so that
    /// sending again keeps its idempotency key), otherwise a new one; or the problems that stop it.
    pub fn make_contact_request(
        &self,
        new: NewDocument,
        consent_text: &str,
        urgent: bool,
        judged: Judged,
    ) -> Result<Rc<Document>, Vec<ContactProblem>> {
        let shared = SharedAnswers {
            questionnaire: self.questionnaire.file().id.clone(),
            version: self.questionnaire.file().version.clone(),
            answers: self.questionnaire.effective(&self.answers),
            suggested_services: judged.suggested,
            groups: judged.groups,
            gaps: judged.gaps,
        };
        let request = self
            .contact
            .complete(consent_text, urgent, self.channel, Some(shared))?;
        let body = DocumentBody::ContactRequest(Box::new(request));
        Ok(same_or_fresh_citizen(
            self.contact_request.as_ref(),
            Document::new(new.key, new.now, new.lang, body),
        ))
    }

    /// The feedback the form makes now: the one handed over before if it says the same, otherwise a new
    /// one; or the problem that stops it.
    pub fn make_feedback(&self, new: NewDocument) -> Result<Rc<Document>, FeedbackProblem> {
        let score = self
            .feedback_score
            .and_then(|score| FeedbackScore::try_from(score).ok());
        let comment = FreeText::new(self.feedback_comment.clone()).ok_or(FeedbackProblem::TooLong)?;
        let feedback = Feedback {
            score,
            comment,
            channel: self.channel,
        };
        feedback.check().map_err(|_| FeedbackProblem::Empty)?;
        // Only the day: a time to the second would let anyone holding both documents link the anonymous
        // feedback to the contact request sent a minute before.
        let day = new.now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc();
        Ok(same_or_fresh_citizen(
            self.feedback.as_ref(),
            Document::new(new.key, day, new.lang, DocumentBody::Feedback(feedback)),
        ))
    }

    /// Whether `action` is taken now, given where the outbox says each document is (`status` of an
    /// idempotency key). While the contact request is on its way the answers and the contact form stay as
    /// they were sent; a document is sent again only when the outbox refused it and it has changed since,
    /// and the contact request not at all once it arrived.
    pub fn takes(&self, action: &SelfAction, status: impl Fn(Uuid) -> Option<DeliveryView>) -> bool {
        let status_of = |document: &Option<Rc<Document>>| {
            document
                .as_ref()
                .and_then(|document| status(document.idempotency_key))
        };
        let on_its_way = |document| status_of(document).is_some_and(|view| view.on_its_way());
        // A refused document is sent again only changed (a new one): unchanged, it would be refused again.
        let sendable = |handed: &Option<Rc<Document>>, new: Option<&Rc<Document>>| {
            status_of(handed).is_none_or(|view| {
                view.refused()
                    && new.map(|new| new.idempotency_key)
                        != handed.as_ref().map(|handed| handed.idempotency_key)
            })
        };
        match action {
            SelfAction::Answer(..) | SelfAction::EditContact(_) => !on_its_way(&self.contact_request),
            SelfAction::SubmitContact(request) => {
                !self.sent() && sendable(&self.contact_request, request.as_ref().ok())
            }
            SelfAction::SubmitFeedback(feedback) => sendable(&self.feedback, feedback.as_ref().ok()),
            _ => true,
        }
    }

    /// The contact request out of the person's hands (delivered with `receipt`, or kept `sealed`): the
    /// answers and the form forgotten, the receipt screen shown.
    fn sent_as(mut self, receipt: Option<Receipt>, sealed: Option<Uuid>) -> SelfState {
        self.contact_request = None;
        self.receipt = receipt;
        self.sealed = sealed;
        self.answers = Answers::new();
        self.contact = ContactDraft::new(self.contact.contact_language);
        self.screen = Screen::Sent;
        self
    }

    /// The state after `action`.
    pub fn apply(&self, action: SelfAction) -> SelfState {
        let mut next = self.clone();
        match action {
            SelfAction::Begin => {
                next.screen = self.next_after(None).map_or(Screen::Results, Screen::Question);
            }
            SelfAction::Answer(id, answer) => {
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
                next.screen = match &self.changing {
                    // A question the changed answer brings up is asked; then the answers again.
                    Some(before) => next
                        .shown()
                        .into_iter()
                        .find(|&shown| shown > index && !before.contains(&shown))
                        .map_or(Screen::Answers, Screen::Question),
                    None => self
                        .next_after(Some(index))
                        .map_or(Screen::Results, Screen::Question),
                };
                if next.screen == Screen::Answers {
                    next.changing = None;
                }
            }
            SelfAction::Back => {
                next.problem = None;
                next.changing = None;
                next.screen = match self.screen {
                    // Back from changing an answer is back to the answers.
                    Screen::Question(_) if self.changing.is_some() => Screen::Answers,
                    Screen::Question(index) => self
                        .previous_before(index)
                        .map_or(Screen::Start, Screen::Question),
                    Screen::Results => self
                        .shown()
                        .last()
                        .copied()
                        .map_or(Screen::Start, Screen::Question),
                    Screen::Contact | Screen::Answers => Screen::Results,
                    other => other,
                };
            }
            SelfAction::Change(index) => {
                if self.shown().contains(&index) && !self.sent() {
                    next.problem = None;
                    next.screen = Screen::Question(index);
                    next.changing = Some(self.shown());
                }
            }
            SelfAction::Show(screen) => {
                if screen != self.screen && self.reachable(screen) {
                    next.problem = None;
                    next.screen = screen;
                    next.changing = None;
                }
            }
            SelfAction::OpenContact(locale) => {
                if !self.sent() {
                    next.screen = Screen::Contact;
                    if self.contact == ContactDraft::new(self.contact.contact_language) {
                        next.contact.contact_language = locale.language();
                        next.contact.plain_language = locale.info().plain;
                    }
                }
            }
            SelfAction::EditContact(edit) => {
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
            SelfAction::SubmitContact(Err(problems)) => {
                next.contact_problems = problems;
                next.stops += 1;
            }
            SelfAction::SubmitContact(Ok(document)) => {
                next.contact_problems.clear();
                next.contact_request = Some(document);
            }
            SelfAction::ContactDelivered(receipt) => {
                let key = receipt.idempotency_key;
                if key_of(&self.contact_request) == Some(key) || self.sealed == Some(key) {
                    // Delivered: nothing personal stays in memory, only the receipt.
                    next = next.sent_as(Some(receipt), None);
                }
            }
            SelfAction::Sealed(key) => {
                if key_of(&self.contact_request) == Some(key) {
                    // Sealed: nothing personal stays in memory, only the key (the reference).
                    next = next.sent_as(None, Some(key));
                } else if key_of(&self.feedback) == Some(key) {
                    next.feedback_comment.clear();
                    next.feedback_score = None;
                    next.screen = Screen::Thanks;
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
            SelfAction::SubmitFeedback(Err(problem)) => {
                next.feedback_problem = Some(problem);
                next.stops += 1;
            }
            SelfAction::SubmitFeedback(Ok(document)) => next.feedback = Some(document),
            SelfAction::FeedbackDelivered(receipt) => {
                let handed = self.feedback.as_ref();
                if handed.is_some_and(|document| document.idempotency_key == receipt.idempotency_key) {
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

    fn locale(tag: &str) -> Locale {
        Locale::from_tag(tag).unwrap_or_else(|| panic!("no {tag}"))
    }

    fn questionnaire() -> Rc<Questionnaire> {
        crate::state::rules::CITIZEN.build().questionnaire
    }

    fn state() -> SelfState {
        SelfState::new(questionnaire(), Channel::SelfService, Language::FI)
    }

    fn new_document(key: u128) -> NewDocument {
        NewDocument {
            key: Uuid::from_u128(key),
            now: DateTime::UNIX_EPOCH,
            lang: Language::FI,
        }
    }

    /// Submits the contact form; a new document would get `key`.
    fn submit_contact(state: &SelfState, key: u128) -> SelfState {
        state.apply(SelfAction::SubmitContact(state.make_contact_request(
            new_document(key),
            "Suostun.",
            false,
            Judged::default(),
        )))
    }

    /// Where the outbox says every document is.
    fn everything(view: DeliveryView) -> impl Fn(Uuid) -> Option<DeliveryView> {
        move |_| Some(view.clone())
    }

    fn refused() -> DeliveryView {
        DeliveryView::Rejected {
            failure: crate::web::submit::SendFailure::Rejected {
                status: 400,
                message: "bad".into(),
                refusal: crate::web::submit::Refusal::default(),
            },
        }
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
    fn every_screen_has_a_step_in_the_address_that_reads_back() {
        let (state, _) = walk_to_results(state());
        let questionnaire = &state.questionnaire;
        let mut screens = vec![
            Screen::Start,
            Screen::Results,
            Screen::Answers,
            Screen::Contact,
            Screen::Sent,
        ];
        screens.extend([Screen::Feedback, Screen::Thanks]);
        screens.extend(state.shown().into_iter().map(Screen::Question));
        for screen in screens {
            let step = screen.step(questionnaire);
            assert_eq!(
                Screen::of_step(step.as_deref(), questionnaire),
                Some(screen),
                "{step:?}"
            );
        }
        assert_eq!(Screen::of_step(Some("nowhere"), questionnaire), None);
    }

    #[test]
    fn back_and_forward_through_the_address_reach_only_what_the_answers_allow() {
        let start = state();
        let first = start.shown()[0];
        let second = start.shown()[1];
        assert!(start.reachable(Screen::Question(first)));
        // Every question of this questionnaire may be skipped, so the answers hold nothing back; the
        // receipt and the end are reached only by sending.
        assert!(!start.reachable(Screen::Sent) && !start.reachable(Screen::Thanks));
        let (done, _) = walk_to_results(start.clone());
        assert!(done.reachable(Screen::Results) && done.reachable(Screen::Question(second)));
        let back = done.apply(SelfAction::Show(Screen::Question(first)));
        assert_eq!(back.screen, Screen::Question(first));
        assert_eq!(back.answers, done.answers, "Back loses nothing");
        let forward = back.apply(SelfAction::Show(Screen::Results));
        assert_eq!(forward.screen, Screen::Results, "Forward returns");
        assert_eq!(
            start.apply(SelfAction::Show(Screen::Sent)).screen,
            Screen::Start,
            "a step not reached yet is refused"
        );
        assert_eq!(
            done.apply(SelfAction::Show(Screen::Thanks)).screen,
            Screen::Results
        );
    }

    /// As in a check-your-answers page: "change" opens the question, and "next" comes back to the
    /// answers at once, unless the new answer brings up a question, which is asked first; "back" from a
    /// change is back to the answers too.
    #[test]
    fn a_change_returns_to_the_answers_by_way_of_a_question_it_brings_up() {
        let (done, _) = walk_to_results(state());
        let questions = done.questionnaire.questions().to_vec();
        let index = |id: &str| questions.iter().position(|question| question.id == id).unwrap();
        let (illness, care) = (index("illness_limits"), index("care_contact"));
        let answers = done.apply(SelfAction::Show(Screen::Answers));
        assert_eq!(answers.screen, Screen::Answers);
        let change_illness = |state: &SelfState, yes: bool| {
            state
                .apply(SelfAction::Change(illness))
                .apply(SelfAction::Answer(
                    "illness_limits".into(),
                    Some(Answer::Bool(yes)),
                ))
                .apply(SelfAction::Next)
        };
        // A no hides the follow-up: back to the answers with one "next".
        let no = change_illness(&answers, false);
        assert_eq!(no.screen, Screen::Answers);
        assert!(!no.shown().contains(&care) && no.changing.is_none());
        // A yes brings the follow-up up: it is asked, then the answers again.
        let yes = change_illness(&no, true);
        assert_eq!(yes.screen, Screen::Question(care));
        assert_eq!(yes.apply(SelfAction::Next).screen, Screen::Answers);
        // Back from a change, and a change of the last question.
        assert_eq!(
            answers
                .apply(SelfAction::Change(illness))
                .apply(SelfAction::Back)
                .screen,
            Screen::Answers
        );
        let last = *done.shown().last().unwrap();
        assert_eq!(
            answers
                .apply(SelfAction::Change(last))
                .apply(SelfAction::Next)
                .screen,
            Screen::Answers
        );
        // Without a change, "next" walks on as before, and the answers lead back to the results.
        assert_eq!(
            done.apply(SelfAction::Show(Screen::Question(illness)))
                .apply(SelfAction::Next)
                .screen,
            Screen::Question(care)
        );
        assert_eq!(answers.apply(SelfAction::Back).screen, Screen::Results);
    }

    #[test]
    fn a_reload_resumes_at_the_step_in_the_address_with_the_kept_answers() {
        let (done, _) = walk_to_results(state());
        let questionnaire = done.questionnaire.clone();
        let second = done.shown()[1];
        let resumed = SelfState::resumed(
            questionnaire.clone(),
            Channel::SelfService,
            Language::FI,
            done.answers.clone(),
            Screen::Question(second),
        );
        assert_eq!(
            (resumed.screen, &resumed.answers),
            (Screen::Question(second), &done.answers)
        );
        assert!(resumed.unsaved());
        let nothing_kept = SelfState::resumed(
            questionnaire,
            Channel::SelfService,
            Language::FI,
            Answers::new(),
            Screen::Sent,
        );
        assert_eq!(
            nothing_kept.screen,
            Screen::Start,
            "no receipt to show after a reload"
        );
        assert!(!nothing_kept.unsaved());
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
        let state = state.apply(SelfAction::OpenContact(locale("sv")));
        assert_eq!(
            state.contact.contact_language,
            Language::SV,
            "the language in use by default"
        );
        let plain = walk_to_results(SelfState::new(
            questionnaire(),
            Channel::SelfService,
            Language::FI,
        ))
        .0
        .apply(SelfAction::OpenContact(locale("fi-x-selko")));
        assert!(
            plain.contact.plain_language,
            "plain-language Finnish in use asks for plain language"
        );
        assert_eq!(plain.contact.contact_language, Language::FI);
        let refused_form = submit_contact(&state, 1);
        assert_eq!(refused_form.contact_problems.len(), 3);
        assert_eq!(refused_form.contact_request, None, "nothing handed over");
        let mut filled = refused_form;
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
        let sending = submit_contact(&filled, 1);
        let Some(document) = &sending.contact_request else {
            panic!("not handed over: {:?}", sending.contact_request)
        };
        assert_eq!(document.idempotency_key, Uuid::from_u128(1));
        let DocumentBody::ContactRequest(request) = &document.body else {
            panic!("not a contact request")
        };
        assert!(
            request.shared_answers.is_none(),
            "answers are shared only when chosen"
        );
        let on_its_way = everything(DeliveryView::Sending);
        for action in [
            SelfAction::EditContact(ContactEdit::Name("Toinen".into())),
            SelfAction::Answer("x".into(), None),
            SelfAction::SubmitContact(Ok(document.clone())),
        ] {
            assert!(
                !sending.takes(&action, &on_its_way),
                "nothing changes while sending: {action:?}"
            );
        }
        assert!(sending.takes(&SelfAction::Back, &on_its_way), "moving about does");
        assert!(
            !sending.takes(
                &SelfAction::SubmitContact(Ok(document.clone())),
                everything(refused())
            ),
            "a refused request is not sent again unchanged"
        );
        let mended = submit_contact(
            &sending.apply(SelfAction::EditContact(ContactEdit::Name(
                "Testi Korjattu".into(),
            ))),
            6,
        );
        assert!(
            sending.takes(
                &SelfAction::SubmitContact(Ok(mended.contact_request.clone().unwrap())),
                everything(refused())
            ),
            "a refused request may be sent again once changed"
        );
        assert_eq!(sending.answers, state.answers, "a failed send keeps everything");
        let retried = submit_contact(&sending, 5);
        assert_eq!(
            retried.contact_request.as_ref(),
            Some(document),
            "sent again unchanged: the same document, the same key"
        );
        let changed = sending.apply(SelfAction::EditContact(ContactEdit::Name("Testi Toinen".into())));
        let changed = submit_contact(&changed, 5);
        assert_eq!(
            changed.contact_request.map(|document| document.idempotency_key),
            Some(Uuid::from_u128(5)),
            "a changed request is a new document"
        );
        let receipt = Receipt {
            document_id: Uuid::from_u128(9),
            idempotency_key: document.idempotency_key,
            received_at: DateTime::UNIX_EPOCH,
        };
        let stranger = Receipt {
            idempotency_key: Uuid::from_u128(77),
            ..receipt.clone()
        };
        assert_eq!(
            retried.apply(SelfAction::ContactDelivered(stranger)),
            retried,
            "another document's delivery is not this one's"
        );
        let sent = retried.apply(SelfAction::ContactDelivered(receipt.clone()));
        assert_eq!(sent.screen, Screen::Sent);
        assert_eq!(sent.receipt, Some(receipt));
        assert!(
            sent.answers.is_empty() && sent.contact.name.is_empty() && sent.contact_request.is_none(),
            "delivered: forgotten"
        );
        assert!(!sent.unsaved(), "nothing kept for the tab after sending");
        let first = sent.shown()[0];
        assert_eq!(
            sent.apply(SelfAction::Show(Screen::Question(first))).screen,
            Screen::Sent,
            "Back after sending does not reopen the questions"
        );
        assert!(
            !sent.takes(&SelfAction::SubmitContact(Ok(document.clone())), |_| None),
            "a delivered request is not sent again"
        );
    }

    #[test]
    fn feedback_needs_a_score_or_a_comment_and_ends_with_thanks() {
        let state = state().apply(SelfAction::OpenFeedback);
        let feedback = |state: &SelfState, key: u128, now: DateTime<Utc>| {
            let new = NewDocument {
                key: Uuid::from_u128(key),
                now,
                lang: Language::SV,
            };
            state.apply(SelfAction::SubmitFeedback(state.make_feedback(new)))
        };
        assert_eq!(
            feedback(&state, 2, DateTime::UNIX_EPOCH).feedback_problem,
            Some(FeedbackProblem::Empty)
        );
        let november = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        let scored = feedback(&state.apply(SelfAction::FeedbackScore(9)), 2, november);
        let Some(document) = scored.feedback.clone() else {
            panic!("not sending")
        };
        assert_eq!(
            document.created_at.to_rfc3339(),
            "2026-11-18T00:00:00+00:00",
            "the day only"
        );
        assert!(
            !scored.takes(
                &SelfAction::SubmitFeedback(Ok(document.clone())),
                everything(DeliveryView::Sending)
            ),
            "sent once"
        );
        assert_eq!(
            feedback(&scored, 3, november).feedback,
            Some(document),
            "sent again unchanged: the same key"
        );
        let receipt = Receipt {
            document_id: Uuid::from_u128(3),
            idempotency_key: Uuid::from_u128(2),
            received_at: DateTime::UNIX_EPOCH,
        };
        let done = scored.apply(SelfAction::FeedbackDelivered(receipt));
        assert_eq!(done.screen, Screen::Thanks);
    }
}
