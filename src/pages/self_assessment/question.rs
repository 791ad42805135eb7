//! One question per screen: the question is the heading, the hint under it, the answer controls, and
//! back / next. A sensitive question says it may be skipped. Urgent help shows at once, above the
//! question, as soon as an answer signals an urgent need.

use tyokyky_engine::document::MAX_FREE_TEXT_CHARS;
use tyokyky_engine::questionnaire::{Answer, AnswerProblem, AnswerType, Question, Questionnaire};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::screens::urgent_help;
use super::state::{SelfAction, SelfState};
use crate::components::error_summary::{ErrorLink, ErrorSummary};
use crate::components::score_scale::{ScoreScaleProps, score_scale};
use crate::state::i18n::I18n;

/// Props of [`QuestionScreen`].
#[derive(Debug)]
pub struct QuestionScreenProps {
    /// The state.
    pub state: SelfState,
    /// The question's index in the questionnaire.
    pub index: usize,
    /// Whether the answers so far signal an urgent need.
    pub urgent: bool,
    /// Whether this is a kiosk.
    pub kiosk: bool,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
    /// The county's social emergency service, for the urgent help, when its catalogue gives one.
    pub county: Option<tyokyky_engine::catalogue::PhoneService>,
}

/// The id of the first control of a question, where an error link moves to.
pub fn control_id(question: &Question) -> String {
    match question.answer_type {
        AnswerType::Score => format!("q-{}-0", question.id),
        AnswerType::Text => format!("q-{}", question.id),
        AnswerType::YesNo => format!("q-{}-yes", question.id),
        AnswerType::Choice | AnswerType::Multi => {
            format!(
                "q-{}-{}",
                question.id,
                question
                    .options
                    .first()
                    .map_or("", |option| option.value.as_str())
            )
        }
    }
}

/// The message for an answer problem.
pub fn problem_message(i18n: &I18n, problem: AnswerProblem) -> String {
    match problem {
        AnswerProblem::Missing => i18n.t("question-error-missing"),
        AnswerProblem::TooLong => {
            i18n.t_with("question-error-too-long", &[("max", MAX_FREE_TEXT_CHARS.into())])
        }
        AnswerProblem::NotAnOption => i18n.t("question-error-not-an-option"),
    }
}

/// The screen.
/// A function, not a component: it has no state of its own.
pub fn question_screen(i18n: &I18n, props: &QuestionScreenProps) -> Html {
    let state = &props.state;
    let Some(question) = state.questionnaire.questions().get(props.index) else {
        return html! {};
    };
    let shown = state.shown();
    let position = shown
        .iter()
        .position(|&index| index == props.index)
        .map_or(1, |at| at + 1);
    let answer = state.answers.get(&question.id).cloned();
    let error: Option<AttrValue> = state.problem.map(|problem| problem_message(i18n, problem).into());
    let errors: Vec<ErrorLink> = error
        .iter()
        .map(|message| ErrorLink {
            target: control_id(question).into(),
            message: message.clone(),
        })
        .collect();
    let set = {
        let on_action = props.on_action.clone();
        let id = question.id.clone();
        Callback::from(move |answer: Option<Answer>| on_action.emit(SelfAction::Answer(id.clone(), answer)))
    };
    let on_submit = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(SelfAction::Next);
        })
    };
    let on_back = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(SelfAction::Back))
    };
    let hint = question.help.as_ref().map(|help| i18n.text(help).to_owned());
    // The start screen says once that any question may be skipped; a sensitive one says it again.
    let skippable = question.sensitive.then(|| i18n.t("question-sensitive"));
    let hint_id = format!("q-{}-hint", question.id);
    let error_id = format!("q-{}-error", question.id);
    let described_by = [Some(hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let hints = html! {
        <div id={hint_id.clone()}>
            if let Some(hint) = &hint { <p class="tk-hint">{ hint }</p> }
            if let Some(note) = &skippable { <p class="tk-hint tk-hint--note">{ note }</p> }
        </div>
    };
    let error_html = html! {
        if let Some(error) = &error { <p class="tk-error-message" id={error_id.clone()}>{ error }</p> }
    };
    let heading = html! { <h1 class="tk-legend__heading" id="screen-heading" tabindex="-1">{ i18n.text(&question.text) }</h1> };
    let control = match question.answer_type {
        AnswerType::Score => {
            let (low, high) = (
                question
                    .low
                    .as_ref()
                    .map(|low| i18n.text(low))
                    .unwrap_or_default(),
                question
                    .high
                    .as_ref()
                    .map(|high| i18n.text(high))
                    .unwrap_or_default(),
            );
            let set = set.clone();
            html! {
                <>
                    { score_scale(&ScoreScaleProps {
                        name: format!("q-{}", question.id).into(),
                        legend: i18n.text(&question.text).to_owned().into(),
                        heading: true,
                        hint: format!("{} {}", hint.clone().unwrap_or_default(), skippable.clone().unwrap_or_default())
                            .trim()
                            .to_owned()
                            .into(),
                        anchors: (AttrValue::from(format!("0 = {low}")), AttrValue::from(format!("10 = {high}"))),
                        error: error.clone(),
                        value: match answer { Some(Answer::Number(score)) => Some(score), _ => None },
                        on_choose: Callback::from(move |score: u8| set.emit(Some(Answer::Number(score)))),
                    }) }
                </>
            }
        }
        AnswerType::Text => {
            let set = set.clone();
            let value = match &answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let oninput = Callback::from(move |event: InputEvent| {
                let area: HtmlTextAreaElement = event.target_unchecked_into();
                let text = crate::web::platform::typed(area.value());
                set.emit((!text.is_empty()).then_some(Answer::Text(text)));
            });
            html! {
                <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
                    <label class="tk-label tk-label--page" for={format!("q-{}", question.id)}>{ heading.clone() }</label>
                    { hints.clone() }
                    { error_html.clone() }
                    <textarea id={format!("q-{}", question.id)} class="tk-textarea" rows="6" autocomplete="off"
                        spellcheck={(!props.kiosk).to_string()} aria-describedby={described_by.clone()}
                        aria-invalid={error.is_some().to_string()} {value} {oninput} />
                </div>
            }
        }
        AnswerType::YesNo | AnswerType::Choice | AnswerType::Multi => {
            let options: Vec<(String, String, bool)> = match question.answer_type {
                AnswerType::YesNo => vec![
                    (
                        "yes".to_owned(),
                        i18n.t("answer-yes"),
                        answer == Some(Answer::Bool(true)),
                    ),
                    (
                        "no".to_owned(),
                        i18n.t("answer-no"),
                        answer == Some(Answer::Bool(false)),
                    ),
                ],
                _ => question
                    .options
                    .iter()
                    .map(|option| {
                        let checked = match &answer {
                            Some(Answer::Text(value)) => *value == option.value,
                            Some(Answer::Options(values)) => values.contains(&option.value),
                            _ => false,
                        };
                        (option.value.clone(), i18n.text(&option.text).to_owned(), checked)
                    })
                    .collect(),
            };
            let multi = question.answer_type == AnswerType::Multi;
            let kind = question.answer_type;
            let chosen: Vec<String> = match &answer {
                Some(Answer::Options(values)) => values.clone(),
                _ => Vec::new(),
            };
            html! {
                <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
                    <fieldset class="tk-fieldset" aria-describedby={described_by.clone()}>
                        <legend class="tk-legend tk-legend--page">{ heading.clone() }</legend>
                        { hints.clone() }
                        { error_html.clone() }
                        <div class={if multi { "tk-checkboxes" } else { "tk-radios" }}>
                            { for options.into_iter().map(|(value, label, checked)| {
                                let id = format!("q-{}-{value}", question.id);
                                let set = set.clone();
                                let chosen = chosen.clone();
                                let option_value = value.clone();
                                let whole = question.clone();
                                let onchange = Callback::from(move |event: Event| {
                                    let input: HtmlInputElement = event.target_unchecked_into();
                                    let answer = match kind {
                                        AnswerType::YesNo => Some(Answer::Bool(option_value == "yes")),
                                        AnswerType::Multi => Some(Answer::Options(Questionnaire::toggle(
                                            &whole, &chosen, &option_value, input.checked(),
                                        ))),
                                        _ => Some(Answer::Text(option_value.clone())),
                                    };
                                    set.emit(answer);
                                });
                                let (wrapper, class) = if multi {
                                    ("tk-checkbox", "tk-checkbox__input")
                                } else {
                                    ("tk-radio", "tk-radio__input")
                                };
                                html! {
                                    <div class={wrapper}>
                                        <input type={if multi { "checkbox" } else { "radio" }} class={class}
                                            id={id.clone()} name={format!("q-{}", question.id)} value={value}
                                            {checked} aria-invalid={error.is_some().then_some("true")} {onchange} />
                                        <label class={if multi { "tk-checkbox__label" } else { "tk-radio__label" }} for={id}>{ label }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
            }
        }
    };
    let clear = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set.emit(None))
    };
    html! {
        <>
            <ErrorSummary title={i18n.t("error-summary-title")} {errors} focus_key={state.stops} />
            <p class="tk-progress" id="progress">
                { i18n.t_with("progress-question", &[("number", position.into()), ("total", shown.len().into())]) }
            </p>
            // The text above says the same; the bar is for the eye only.
            <progress class="tk-progress__bar" max={shown.len().to_string()} value={position.to_string()}
                aria-hidden="true" />
            <form class="tk-form tk-question" id="question-form" novalidate=true autocomplete="off" onsubmit={on_submit}>
                { control }
                if let Some(why) = &question.why {
                    <details class="tk-why" id="why">
                        <summary>{ i18n.t("question-why") }</summary>
                        <p>{ i18n.text(why) }</p>
                    </details>
                }
                if answer.is_some() && !question.required {
                    <p><button type="button" class="tk-link-button" id="clear-answer" onclick={clear}>{ i18n.t("question-clear") }</button></p>
                }
                <div class="tk-actions">
                    <button type="button" class="tk-button tk-button--secondary" id="back" onclick={on_back}>{ i18n.t("back") }</button>
                    <button type="submit" class="tk-button" id="next">{ i18n.t("next") }</button>
                </div>
            </form>
            // Right below the answer that asks for it, so it shows where the person just tapped.
            if props.urgent { { urgent_help(i18n, props.kiosk, props.county.as_ref()) } }
        </>
    }
}
