//! The self-assessment: a person answers the questionnaire of `rules/questionnaires/` one question per
//! screen, sees which services of the county catalogue could help and why, gets urgent help at once when
//! an answer signals an urgent need (SHL 36 § 1 mom), and may ask to be contacted and give anonymous
//! feedback. The same page runs on a kiosk, where [`crate::web::kiosk`] wipes the visit.
//!
//! The page owns the state (a reducer) and asks the engine what the answers mean; the screens only show.
//! Documents go to the outbox ([`crate::hooks::use_outbox`]), which says where they are.

pub mod question;
pub mod results;
pub mod screens;
pub mod state;

use tyokyky_engine::catalogue::Matching;
use tyokyky_engine::eval::{Outcome, Status};
use tyokyky_engine::facts::{Facts, Value};
use tyokyky_engine::questionnaire::{Answer, Answers, answers_with};
use tyokyky_engine::rule::Consequence;
use yew::prelude::*;

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_leave_guard::use_leave_guard;
use crate::hooks::use_outbox::use_outbox;
use crate::state::config::Mode;
use crate::state::delivery::DeliveryView;
use crate::state::rules::SharedRules;
use crate::web::router::{self, Route};
use crate::web::storage;
use state::{Screen, SelfAction, SelfState};

/// Props of [`SelfAssessment`].
#[derive(Debug, Properties, PartialEq)]
pub struct SelfAssessmentProps {
    /// Self-service or kiosk.
    #[prop_or_default]
    pub mode: Mode,
}

/// What the engine says about the answers so far: the findings and the services.
#[derive(Debug)]
pub struct Judgement<'a> {
    /// The findings of the rules.
    pub outcome: Option<Outcome<'a>>,
    /// The catalogue matched against the facts.
    pub matching: Matching<'a>,
}

impl Judgement<'_> {
    /// Whether the rules route the person to urgent help (a routing finding that applies).
    pub fn urgent(&self) -> bool {
        self.outcome.as_ref().is_some_and(|outcome| {
            outcome.findings.iter().any(|finding| {
                finding.status == Status::Applies && matches!(finding.rule.then, Consequence::Routing { .. })
            })
        })
    }

    /// The ids of the services suggested: those that suit for sure and either lead where the person wants
    /// to go (any direction, if they did not say) or answer a need the person named (a service with a
    /// `suits` condition that holds, such as debt advice for someone who ticked debts).
    pub fn suggested(&self) -> Vec<&str> {
        let goal = self.matching.goal;
        self.matching
            .fits
            .iter()
            .filter(|fit| {
                fit.fits == Some(true)
                    && (goal.is_none_or(|goal| fit.service.leads_to.contains(&goal))
                        || fit.service.suits.is_some())
            })
            .map(|fit| fit.service.id.as_str())
            .collect()
    }
}

/// The facts of a self-assessment: a case the person opens today, and what the answers give.
fn facts_of(shared: &SharedRules, state: &SelfState, today: chrono::NaiveDate) -> Facts {
    let rules = &shared.rules;
    let mut facts = rules.catalogue().facts();
    // Only the opening date: the citizens' part of the rules has no other fact of the case.
    let _ = rules
        .catalogue()
        .set(&mut facts, "case.opened_on", Some(Value::Date(today)));
    shared.questionnaire.apply(&state.answers, &mut facts);
    facts
}

/// Answers kept in the tab (as `serde_json` writes [`Answers`]: an object of `true`, `7`, `"text"` or
/// `["a", "b"]` by question id), read with the browser's JSON parser: the public bundle carries no JSON
/// decoder of its own. What is not an answer is left out; the questionnaire checks the rest.
fn kept_answers(text: &str) -> Answers {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(object) = js_sys::JSON::parse(text)
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Object>().ok())
    else {
        return Answers::new();
    };
    let answer = |value: JsValue| {
        if let Some(flag) = value.as_bool() {
            Some(Answer::Bool(flag))
        } else if let Some(number) = value.as_f64() {
            (number.fract() == 0.0 && (0.0..=255.0).contains(&number)).then_some(Answer::Number(number as u8))
        } else if let Some(text) = value.as_string() {
            Some(Answer::Text(text))
        } else if js_sys::Array::is_array(&value) {
            let options: Option<Vec<String>> = js_sys::Array::from(&value)
                .iter()
                .map(|option| option.as_string())
                .collect();
            options.map(Answer::Options)
        } else {
            None
        }
    };
    js_sys::Object::entries(&object)
        .iter()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, answer(pair.get(1))?))
        })
        .fold(Answers::new(), answers_with)
}

/// Where the answers are kept for the tab's life (`sessionStorage`; never on a kiosk).
const ANSWERS_KEY: &str = storage::SELF_ANSWERS_KEY;

/// Each screen is a history entry (`#/?step=…`): the page follows the browser's Back and Forward, a
/// reload comes back to the same screen, and the answers are kept for the tab until they are sent or the
/// person starts over.
/// Off on a kiosk, whose screens add no history entries and which keeps nothing in storage.
#[hook]
fn use_history(state: &UseReducerHandle<SelfState>, on: bool) {
    // The screen last shown, which the address should name.
    let shown = use_mut_ref(|| state.screen);
    // The step this page itself last put in the address, until its own `hashchange` comes back: that echo
    // is not a Back or Forward, and must not take the screen back if the person has moved on meanwhile.
    let pushed = use_mut_ref(|| None::<Option<String>>);
    // Back and Forward change the address: show the screen it names, if the answers reach it.
    {
        let dispatcher = state.dispatcher();
        let questionnaire = state.questionnaire.clone();
        let shown = shown.clone();
        let pushed = pushed.clone();
        use_effect_with(on, move |on| {
            let listener = on.then(web_sys::window).flatten().map(|window| {
                gloo::events::EventListener::new(&window, "hashchange", move |_| {
                    if router::current() != Route::SelfAssessment {
                        return;
                    }
                    let step = router::current_step();
                    if pushed.borrow_mut().take().is_some_and(|own| own == step) {
                        return;
                    }
                    match Screen::of_step(step.as_deref(), &questionnaire) {
                        Some(screen) => dispatcher.dispatch(SelfAction::Show(screen)),
                        // A step that names nothing: the address goes back to the screen shown.
                        None => {
                            let wanted = shown.borrow().step(&questionnaire);
                            router::show_step(Route::SelfAssessment, wanted.as_deref(), false);
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The address follows the screen: a new entry when the person moved on in the page, the same entry
    // corrected when the browser asked for a screen the answers do not reach.
    {
        let screen = state.screen;
        let questionnaire = state.questionnaire.clone();
        use_effect(move || {
            let wanted = screen.step(&questionnaire);
            if on && router::current() == Route::SelfAssessment && router::current_step() != wanted {
                let moved = *shown.borrow() != screen;
                if moved {
                    *pushed.borrow_mut() = Some(wanted.clone());
                }
                router::show_step(Route::SelfAssessment, wanted.as_deref(), moved);
            }
            *shown.borrow_mut() = screen;
        });
    }
    // The answers are kept while there is something to lose, and forgotten once handed to the outbox,
    // sent or started over.
    {
        let kept = (on && state.unsaved()).then(|| state.answers.clone());
        use_effect_with(kept, move |kept| match kept {
            Some(answers) => {
                if let Ok(text) = serde_json::to_string(answers) {
                    storage::session_set(ANSWERS_KEY, &text);
                }
            }
            // A kiosk never touched storage: nothing to remove there.
            None if on => storage::session_remove(ANSWERS_KEY),
            None => {}
        });
    }
}

/// The page: the flow, once the rules are at hand (the app shows an error screen if they are not).
/// The self-assessment in `mode`: what the public bundle's entry point hands the app as its citizen
/// pages ([`crate::app::CitizenPages`]), so the worker bundle, which never names it, leaves it out.
pub fn page(mode: Mode) -> Html {
    html! { <SelfAssessment {mode} /> }
}

#[component]
pub fn SelfAssessment(props: &SelfAssessmentProps) -> Html {
    match use_context::<SharedRules>() {
        Some(shared) => html! { <Flow {shared} mode={props.mode} /> },
        None => html! {},
    }
}

#[derive(Debug, Properties, PartialEq)]
struct FlowProps {
    shared: SharedRules,
    mode: Mode,
}

#[component]
fn Flow(props: &FlowProps) -> Html {
    let i18n = use_i18n();
    let shared = &props.shared;
    let kiosk = props.mode == Mode::Kiosk;
    let state = {
        let questionnaire = shared.questionnaire.clone();
        let language = i18n.language();
        let channel = props.mode.channel();
        use_reducer(move || {
            if kiosk {
                // A kiosk keeps nothing between page loads and adds no history entries.
                return SelfState::new(questionnaire, channel, language);
            }
            let answers = storage::session_get(ANSWERS_KEY)
                .map(|text| kept_answers(&text))
                .unwrap_or_default();
            let step = router::current_step();
            let screen = Screen::of_step(step.as_deref(), &questionnaire).unwrap_or(Screen::Start);
            SelfState::resumed(questionnaire, channel, language, answers, screen)
        })
    };
    use_history(&state, !kiosk);
    use_leave_guard(!kiosk && state.unsaved());
    let outbox = use_outbox();
    // Once the outbox has delivered a document of this visit, or a kiosk keeps it sealed, the page moves
    // on (and a contact request kept sealed that arrives meanwhile shows its receipt).
    {
        let key = |document: &Option<std::rc::Rc<tyokyky_engine::document::Document>>| {
            document.as_ref().map(|document| document.idempotency_key)
        };
        let contact = key(&state.contact_request).or(state.sealed);
        let receipts = (
            contact.and_then(|key| outbox.delivered(key)),
            key(&state.feedback).and_then(|key| outbox.delivered(key)),
        );
        let sealed: Vec<uuid::Uuid> = [key(&state.contact_request), key(&state.feedback)]
            .into_iter()
            .flatten()
            .filter(|key| outbox.status(*key) == Some(DeliveryView::Sealed))
            .collect();
        let dispatcher = state.dispatcher();
        use_effect_with((receipts, sealed), move |((contact, feedback), sealed)| {
            if let Some(receipt) = contact {
                dispatcher.dispatch(SelfAction::ContactDelivered(receipt.clone()));
            }
            if let Some(receipt) = feedback {
                dispatcher.dispatch(SelfAction::FeedbackDelivered(receipt.clone()));
            }
            for key in sealed {
                dispatcher.dispatch(SelfAction::Sealed(*key));
            }
        });
    }
    use_focus_heading(Some(state.screen));
    let facts = facts_of(shared, &state, crate::web::platform::today());
    let judgement = Judgement {
        outcome: shared.rules.evaluate(&facts).ok(),
        matching: shared.catalogue.matching(&shared.rules, &facts),
    };
    // What the screens ask for, unless a document on its way holds it back; a document to send goes to
    // the outbox as the state records it.
    let dispatch = {
        let state = state.clone();
        let outbox = outbox.clone();
        Callback::from(move |action: SelfAction| {
            if !state.takes(&action, |key| outbox.status(key)) {
                return;
            }
            if let SelfAction::SubmitContact(Ok(document)) | SelfAction::SubmitFeedback(Ok(document)) =
                &action
            {
                outbox.send_citizen(document);
            }
            state.dispatch(action);
        })
    };
    let urgent = judgement.urgent();
    // On a kiosk, "finish and wipe" once there is something to wipe.
    let bar = html! {
        if kiosk && state.screen != Screen::Start { <screens::KioskBar /> }
    };
    let screen = match state.screen {
        Screen::Start => {
            let props = screens::StartScreenProps {
                questionnaire: shared.questionnaire.clone(),
                kiosk,
                on_action: dispatch,
            };
            screens::start_screen(&i18n, &props)
        }
        Screen::Question(index) => {
            let props = question::QuestionScreenProps {
                state: (*state).clone(),
                index,
                urgent,
                kiosk,
                on_action: dispatch,
                county: shared.catalogue.social_emergency().cloned(),
            };
            question::question_screen(&i18n, &props)
        }
        Screen::Results => results::results(&i18n, shared, &state, &judgement, kiosk, &dispatch),
        Screen::Answers => results::answers(&i18n, &state, &dispatch),
        Screen::Contact => {
            let props = screens::ContactScreenProps {
                state: (*state).clone(),
                urgent,
                kiosk,
                judged: state::Judged {
                    suggested: judgement.suggested().into_iter().map(str::to_owned).collect(),
                    groups: shared.catalogue.groups_of(&facts),
                    gaps: shared.catalogue.gaps(&judgement.matching, &facts),
                },
                on_action: dispatch,
            };
            screens::contact_screen(&i18n, &outbox, &props)
        }
        Screen::Sent => {
            let props = screens::SentScreenProps {
                receipt: state.receipt.clone(),
                sealed: state.sealed,
                kiosk,
                call_back_days: shared.catalogue.call_back_working_days(),
                on_action: dispatch,
            };
            screens::sent_screen(&i18n, &props)
        }
        Screen::Feedback => {
            let props = screens::FeedbackScreenProps {
                state: (*state).clone(),
                kiosk,
                on_action: dispatch,
            };
            screens::feedback_screen(&i18n, &outbox, &props)
        }
        Screen::Thanks => {
            let props = screens::ThanksScreenProps {
                receipt: state.receipt.clone(),
                kiosk,
                on_action: dispatch,
            };
            screens::thanks_screen(&i18n, &props)
        }
    };
    html! { <>{ screen }{ bar }</> }
}

#[cfg(test)]
mod tests {
    use tyokyky_engine::contact::Channel;
    use tyokyky_engine::document::Language;
    use tyokyky_engine::questionnaire::Answer;

    use super::*;
    use crate::state::rules::CITIZEN;

    /// With the citizens' part of the rules, as the public bundle has them: an urgent answer routes to
    /// urgent help, and the right to a service-need assessment is a notice.
    #[test]
    fn the_citizens_rules_route_to_urgent_help_and_give_the_notice() {
        let shared = CITIZEN.build();
        let judge = |answers: &[(&str, Answer)]| {
            let mut state = SelfState::new(shared.questionnaire.clone(), Channel::SelfService, Language::FI);
            for (id, answer) in answers {
                state = state.apply(state::SelfAction::Answer((*id).to_owned(), Some(answer.clone())));
            }
            let facts = facts_of(
                &shared,
                &state,
                chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
            );
            let outcome = shared.rules.evaluate(&facts).ok();
            let notices = outcome.as_ref().map_or(0, |outcome| {
                outcome
                    .findings
                    .iter()
                    .filter(|finding| matches!(finding.rule.then, Consequence::Notice))
                    .count()
            });
            let judgement = Judgement {
                outcome,
                matching: shared.catalogue.matching(&shared.rules, &facts),
            };
            (judgement.urgent(), notices)
        };
        let sleepless = Answer::Options(vec!["no_place_to_sleep".into()]);
        assert_eq!(judge(&[("right_now", sleepless)]), (true, 1));
        assert_eq!(judge(&[("right_now", Answer::Options(vec![]))]), (false, 1));
    }
}
