//! Form pieces shared by the steps of the worker flow.

use tyokyky_engine::case::Profession;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{Flag, TextField, WorkerAction};
use super::{WorkerHandle, use_field_errors};
use crate::components::yes_no_field::{YesNoField, YesNoFieldProps};
use crate::hooks::use_i18n::use_i18n;
use crate::state::i18n::I18n;

const PROFESSIONS: [(Profession, &str, &str); 7] = [
    (
        Profession::SocialWorker,
        "social_worker",
        "profession-social-worker",
    ),
    (Profession::Sosionomi, "sosionomi", "profession-sosionomi"),
    (Profession::Geronomi, "geronomi", "profession-geronomi"),
    (
        Profession::RehabilitationCounsellor,
        "rehabilitation_counsellor",
        "profession-rehabilitation-counsellor",
    ),
    (
        Profession::PracticalNurse,
        "practical_nurse",
        "profession-practical-nurse",
    ),
    (
        Profession::HealthCareProfessional,
        "health_care_professional",
        "profession-health-care-professional",
    ),
    (Profession::Other, "other", "profession-other"),
];

#[derive(Debug, Properties, PartialEq)]
pub struct ProfessionSelectProps {
    /// The select's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// The chosen profession.
    pub value: Option<Profession>,
    /// Called with the new choice.
    pub on_change: Callback<Option<Profession>>,
}

/// A choice of profession as a select list.
#[component]
pub fn ProfessionSelect(props: &ProfessionSelectProps) -> Html {
    let i18n = use_i18n();
    let error = use_field_errors().get(&props.id);
    let error_id = format!("{}-error", props.id);
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            on_change.emit(
                PROFESSIONS
                    .iter()
                    .find(|(_, name, _)| *name == value)
                    .map(|(profession, _, _)| *profession),
            );
        })
    };
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <label class="tk-label tk-label--small" for={props.id.clone()}>{ &props.label }</label>
            if let Some(error) = &error {
                <p class="tk-error-message" id={error_id.clone()}>{ error }</p>
            }
            <select id={props.id.clone()} class="tk-input" {onchange}
                aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| error_id.clone())}>
                <option value="" selected={props.value.is_none()}>{ i18n.t("profession-choose") }</option>
                { for PROFESSIONS.iter().map(|(profession, name, key)| html! {
                    <option value={*name} selected={props.value == Some(*profession)}>{ i18n.t(key) }</option>
                }) }
            </select>
        </div>
    }
}

/// The labels of a yes / no / not known question.
pub fn yes_no_labels(i18n: &I18n) -> [AttrValue; 3] {
    [
        i18n.t("answer-yes").into(),
        i18n.t("answer-no").into(),
        i18n.t("answer-unknown").into(),
    ]
}

/// A callback that records a text field of the case.
pub fn set_text(state: &WorkerHandle, field: TextField) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value: String| state.dispatch(WorkerAction::SetText(field, value)))
}

/// A callback that records a yes/no/not-known answer of the case.
pub fn set_flag(state: &WorkerHandle, flag: Flag) -> Callback<Option<bool>> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(WorkerAction::SetFlag(flag, value)))
}

/// A labelled text area that reports its text on every input.
pub fn text_area(id: &'static str, label: String, value: String, on_input: Callback<String>) -> Html {
    html! { <TextAreaField {id} label={label} value={value} {on_input} /> }
}

#[derive(Debug, Properties, PartialEq)]
struct TextAreaFieldProps {
    id: &'static str,
    label: AttrValue,
    value: AttrValue,
    on_input: Callback<String>,
}

/// The text area, with the flow's message at the field when one applies.
#[component]
fn TextAreaField(props: &TextAreaFieldProps) -> Html {
    let error = use_field_errors().get(props.id);
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        on_input.emit(area.value());
    });
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <label class="tk-label tk-label--small" for={props.id}>{ &props.label }</label>
            if let Some(error) = &error {
                <p class="tk-error-message" id={error_id.clone()}>{ error }</p>
            }
            // No `maxlength`: browsers count it in UTF-16 units, so 1,500 emoji stopped at 1,000. The flow
            // keeps the first 2,000 characters (the document's limit, `text_of` in state.rs).
            <textarea id={props.id} class="tk-textarea tk-textarea--short" rows="3"
                value={props.value.clone()} {oninput}
                aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| error_id.clone())} />
        </div>
    }
}

/// The shared yes/no field with the flow's message at the field (looked up by `{name}-yes`).
#[component]
pub fn YesNo(props: &YesNoFieldProps) -> Html {
    let error = use_field_errors().get(&format!("{}-yes", props.name));
    html! {
        <YesNoField name={props.name.clone()} legend={props.legend.clone()} hint={props.hint.clone()}
            labels={props.labels.clone()} value={props.value} on_change={props.on_change.clone()}
            error={error.map(AttrValue::from)} />
    }
}

/// A group of radio buttons for one choice; `options` are (value, element id, label).
pub fn radio_group<T: Copy + PartialEq + 'static>(
    legend: String,
    name: &'static str,
    options: Vec<(T, &'static str, String)>,
    value: Option<T>,
    on_change: Callback<Option<T>>,
) -> Html {
    html! {
        <div class="tk-field">
            <fieldset class="tk-fieldset">
                <legend class="tk-legend tk-legend--small">{ legend }</legend>
                <div class="tk-radios">
                    { for options.into_iter().map(|(option, id, label)| {
                        let on_change = on_change.clone();
                        let onchange = Callback::from(move |_| on_change.emit(Some(option)));
                        html! {
                            <div class="tk-radio">
                                <input type="radio" class="tk-radio__input" id={id} name={name}
                                    checked={value == Some(option)} {onchange} />
                                <label class="tk-radio__label" for={id}>{ label }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
