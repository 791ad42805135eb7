//! The work-ability check: the single-item work-ability score and "what would help you most",
//! sent to the inbox as a `work_ability_check` document; the receipt is shown.

pub mod state;

use tyokyky_engine::document::{
    Field, FieldProblem, MAX_FREE_TEXT_CHARS, Problem, Receipt, WorkAbilityScore,
};
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::error_summary::{ErrorLink, ErrorSummary};
use crate::components::score_scale::ScoreScale;
use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_send::use_send;
use crate::i18n::I18n;
use crate::platform;
use state::{CheckAction, CheckState, Outbox};

/// Props of [`WorkAbilityCheckPage`].
#[derive(Debug, Properties, PartialEq)]
pub struct WorkAbilityCheckPageProps {
    /// Where documents are posted.
    pub endpoint: AttrValue,
}

/// The message for a field problem, in the current language.
fn problem_message(i18n: &I18n, problem: FieldProblem) -> String {
    match (problem.field, problem.problem) {
        (Field::WorkAbilityScore, Problem::OutOfRange { min, max }) => i18n.t_with(
            "error-score-out-of-range",
            &[("min", min.into()), ("max", max.into())],
        ),
        (Field::WorkAbilityScore, _) => i18n.t("error-score-missing"),
        (Field::WhatWouldHelp, _) => {
            i18n.t_with("error-help-too-long", &[("max", MAX_FREE_TEXT_CHARS.into())])
        }
    }
}

/// The id of the input an error link moves to: the first button of the scale, or the text area.
fn field_target(field: Field) -> String {
    match field {
        Field::WorkAbilityScore => format!("{}-0", field.as_str()),
        Field::WhatWouldHelp => field.as_str().to_owned(),
    }
}

/// The page.
#[component]
pub fn WorkAbilityCheckPage(props: &WorkAbilityCheckPageProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(CheckState::default);

    // One request per send attempt.
    {
        let sending = match &state.outbox {
            Outbox::Sending { document, attempt } => Some((document.clone(), *attempt)),
            _ => None,
        };
        let dispatcher = state.dispatcher();
        use_send(
            sending,
            props.endpoint.clone(),
            Callback::from(move |result| {
                dispatcher.dispatch(match result {
                    Ok(receipt) => CheckAction::Delivered(receipt),
                    Err(failure) => CheckAction::Failed(failure),
                })
            }),
        );
    }

    if let Outbox::Sent { receipt } = &state.outbox {
        let on_start_over = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(CheckAction::StartOver))
        };
        return html! { <Confirmation receipt={receipt.clone()} on_start_over={on_start_over} /> };
    }

    let on_submit = {
        let state = state.clone();
        let lang = i18n.language();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(CheckAction::Submit {
                key: platform::new_key(),
                now: chrono::Utc::now(),
                lang,
            });
        })
    };
    let on_choose = {
        let state = state.clone();
        Callback::from(move |score: u8| state.dispatch(CheckAction::ChooseScore(score)))
    };
    let on_text = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            state.dispatch(CheckAction::SetWhatWouldHelp(area.value()));
        })
    };

    let errors: Vec<ErrorLink> = state
        .problems
        .iter()
        .map(|problem| ErrorLink {
            target: field_target(problem.field).into(),
            message: problem_message(&i18n, *problem).into(),
        })
        .collect();
    let score_error: Option<AttrValue> = state
        .problem(Field::WorkAbilityScore)
        .map(|problem| problem_message(&i18n, problem).into());
    let text_error = state
        .problem(Field::WhatWouldHelp)
        .map(|problem| problem_message(&i18n, problem));
    let text_id = Field::WhatWouldHelp.as_str();
    let text_described_by = match text_error {
        Some(_) => format!("{text_id}-hint {text_id}-error"),
        None => format!("{text_id}-hint"),
    };
    let sending = state.is_sending();

    html! {
        <>
            <ErrorSummary title={i18n.t("error-summary-title")} errors={errors} focus_key={state.failed_submits} />
            <h1 class="tk-title">{ i18n.t("check-title") }</h1>
            <p class="tk-lead">{ i18n.t("check-lead") }</p>
            <form id="work-ability-check" class="tk-form" novalidate=true onsubmit={on_submit} aria-busy={sending.to_string()}>
                <ScoreScale
                    name={Field::WorkAbilityScore.as_str()}
                    legend={i18n.t("score-legend")}
                    hint={i18n.t("score-hint")}
                    anchors={(AttrValue::from(i18n.t("score-anchor-low")), AttrValue::from(i18n.t("score-anchor-high")))}
                    error={score_error}
                    value={state.draft.score.filter(|score| *score <= WorkAbilityScore::MAX)}
                    on_choose={on_choose} />
                <div class={classes!("tk-field", text_error.as_ref().map(|_| "tk-field--error"))}>
                    <label class="tk-label" for={text_id}>{ i18n.t("help-label") }</label>
                    <p class="tk-hint" id={format!("{text_id}-hint")}>
                        { i18n.t_with("help-hint", &[("max", MAX_FREE_TEXT_CHARS.into())]) }
                    </p>
                    if let Some(error) = &text_error {
                        <p class="tk-error-message" id={format!("{text_id}-error")}>{ error }</p>
                    }
                    <textarea id={text_id} name={text_id} class="tk-textarea" rows="5"
                        autocomplete="off" spellcheck="true"
                        aria-describedby={text_described_by}
                        aria-invalid={text_error.is_some().to_string()}
                        value={state.draft.what_would_help.clone()} oninput={on_text} />
                </div>
                <button type="submit" class="tk-button" disabled={sending}>{ i18n.t("submit") }</button>
            </form>
            <SendStatus outbox={state.outbox.clone()} />
        </>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct SendStatusProps {
    outbox: Outbox,
}

/// A live region saying what happens to the answers.
#[component]
fn SendStatus(props: &SendStatusProps) -> Html {
    let i18n = use_i18n();
    let content = match &props.outbox {
        Outbox::Sending { .. } => html! { <p class="tk-status__sending">{ i18n.t("sending") }</p> },
        Outbox::Failed { failure, .. } => {
            let reason = crate::submit::failure_message(&i18n, failure);
            html! {
                <div class="tk-notice tk-notice--error" id="send-failed">
                    <h2 class="tk-notice__title">{ i18n.t("send-failed-title") }</h2>
                    <p>{ reason }</p>
                    <p>{ i18n.t("send-failed-kept") }</p>
                    <button type="submit" form="work-ability-check" class="tk-button tk-button--secondary">
                        { i18n.t("retry") }
                    </button>
                </div>
            }
        }
        Outbox::Idle | Outbox::Sent { .. } => html! {},
    };
    html! { <div class="tk-status" role="status" aria-live="polite">{ content }</div> }
}

#[derive(Debug, Properties, PartialEq)]
struct ConfirmationProps {
    receipt: Receipt,
    on_start_over: Callback<MouseEvent>,
}

/// What the person sees once the inbox has the answers: the reference and what happens next.
#[component]
fn Confirmation(props: &ConfirmationProps) -> Html {
    let i18n = use_i18n();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(element) = heading.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let received = platform::format_date_time(i18n.language(), props.receipt.received_at);
    html! {
        <div class="tk-confirmation" id="receipt">
            <div class="tk-panel">
                <h1 class="tk-panel__title" ref={heading} tabindex="-1">{ i18n.t("sent-title") }</h1>
                <dl class="tk-panel__facts">
                    <dt>{ i18n.t("sent-reference") }</dt>
                    <dd id="receipt-id" class="tk-reference">{ props.receipt.document_id.to_string() }</dd>
                    <dt>{ i18n.t("sent-received-at") }</dt>
                    <dd id="receipt-time">
                        <time datetime={props.receipt.received_at.to_rfc3339()}>{ received }</time>
                    </dd>
                </dl>
            </div>
            <p>{ i18n.t("sent-next") }</p>
            <button type="button" class="tk-button tk-button--secondary" onclick={props.on_start_over.clone()}>
                { i18n.t("start-over") }
            </button>
        </div>
    }
}
