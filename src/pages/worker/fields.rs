//! The fields of the worker flow, drawn from their one declaration (`forms::worker::FIELDS` in the
//! engine): [`CaseField`] draws any field by its input, [`FieldSection`] every shown field of a section.
//! A step lays out its sections; it does not wire fields one by one.

use tyokyky_engine::forms::worker::{self, Answer, Choice, Field, Input, Section};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::WorkerAction;
use super::{use_field_errors, use_worker};
use crate::components::yes_no_field::{YesNoFieldProps, yes_no_field};
use crate::hooks::use_i18n::use_i18n;
use crate::state::i18n::I18n;

/// The labels of a yes / no / not known question.
pub fn yes_no_labels(i18n: &I18n) -> [AttrValue; 3] {
    [
        i18n.t("answer-yes").into(),
        i18n.t("answer-no").into(),
        i18n.t("answer-unknown").into(),
    ]
}

/// Props of [`FieldSection`].
#[derive(Debug, Properties, PartialEq)]
pub struct FieldSectionProps {
    /// The section to draw.
    pub section: Section,
}

/// Every field of a section that is shown for the case, in the table's order.
#[component]
pub fn FieldSection(props: &FieldSectionProps) -> Html {
    let state = use_worker();
    html! {
        { for worker::fields_in(props.section)
            .filter(|field| field.is_shown(&state.case))
            .map(|field| html! { <CaseField key={field.key} field={FieldRef(field)} /> }) }
    }
}

/// Whether any field of `section` is shown for the case (a step shows a section's frame only then).
pub fn section_shown(section: Section, case: &tyokyky_engine::case::Case) -> bool {
    worker::fields_in(section).any(|field| field.is_shown(case))
}

/// A field of the table, compared by its key.
#[derive(Debug, Clone, Copy)]
pub struct FieldRef(pub &'static Field);

impl PartialEq for FieldRef {
    fn eq(&self, other: &FieldRef) -> bool {
        self.0.key == other.0.key
    }
}

/// Props of [`CaseField`].
#[derive(Debug, Properties, PartialEq)]
pub struct CaseFieldProps {
    /// The field.
    pub field: FieldRef,
}

/// One field of the case, drawn by its input, its answer read from the case and written back through
/// the flow's reducer.
#[component]
pub fn CaseField(props: &CaseFieldProps) -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let field = props.field.0;
    let answer = (field.read)(&state.case);
    let set = {
        let state = state.clone();
        Callback::from(move |answer: Answer| {
            state.dispatch(WorkerAction::Answer {
                field: field.key,
                answer,
            })
        })
    };
    let label = i18n.t(field.label);
    let hint = field.hint.map(|hint| AttrValue::from(i18n.t(hint)));
    match (field.input, answer) {
        (Input::Date, Answer::Date(date)) => {
            let onchange = set.reform(|event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                Answer::Date(tyokyky_engine::calendar::parse_date(&input.value()).ok())
            });
            let hint_id = format!("{}-hint", field.id);
            html! {
                <div class="tk-field">
                    <label class="tk-label tk-label--small" for={field.id}>{ label }</label>
                    if let Some(hint) = &hint {
                        <p class="tk-hint" id={hint_id.clone()}>{ hint }</p>
                    }
                    <input type="date" id={field.id} name={field.id} class="tk-input tk-input--date"
                        aria-describedby={hint.as_ref().map(|_| hint_id.clone())}
                        value={date.map(|date| date.to_string()).unwrap_or_default()}
                        {onchange} />
                </div>
            }
        }
        (Input::Number { .. }, Answer::Number(number)) => {
            // The field's write keeps a number only up to its `max`.
            let oninput = set.reform(|event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                Answer::Number(input.value().trim().parse().ok())
            });
            html! {
                <div class="tk-field">
                    <label class="tk-label tk-label--small" for={field.id}>{ label }</label>
                    <input type="text" inputmode="numeric" pattern="[0-9]*" id={field.id} name={field.id}
                        autocomplete="off" class="tk-input tk-input--short"
                        value={number.map(|number| number.to_string()).unwrap_or_default()} {oninput} />
                </div>
            }
        }
        (Input::YesNo, Answer::Flag(value)) => html! {
            <YesNo name={field.id} legend={label} {hint} labels={yes_no_labels(&i18n)} {value}
                on_change={set.reform(Answer::Flag)} />
        },
        (Input::Line, Answer::Text(text)) => html! {
            <TextField id={field.id} {label} value={text} lines={Lines::One} on_input={set.reform(Answer::Text)} />
        },
        (Input::Text, Answer::Text(text)) => html! {
            <TextField id={field.id} {label} value={text} lines={Lines::Several} on_input={set.reform(Answer::Text)} />
        },
        (Input::Radios(choices), Answer::Choice(value)) => radio_group(
            label,
            field.id,
            choices
                .iter()
                .map(|choice| (choice.value, choice.id, i18n.t(choice.label)))
                .collect(),
            value.as_deref().and_then(|value| {
                choices
                    .iter()
                    .find(|choice| choice.value == value)
                    .map(|choice| choice.value)
            }),
            set.reform(|value: Option<&'static str>| Answer::Choice(value.map(str::to_owned))),
        ),
        (Input::Select { choices, prompt }, Answer::Choice(value)) => html! {
            <ChoiceSelect id={field.id} {label} prompt={i18n.t(prompt)} choices={ChoicesRef(choices)}
                value={value.map(AttrValue::from)}
                on_change={set.reform(|value: Option<String>| Answer::Choice(value))} />
        },
        _ => html! {},
    }
}

/// A list of options of the table, compared by address.
#[derive(Debug, Clone, Copy)]
pub struct ChoicesRef(pub &'static [Choice]);

impl PartialEq for ChoicesRef {
    fn eq(&self, other: &ChoicesRef) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ChoiceSelectProps {
    /// The select's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// The empty first option.
    pub prompt: AttrValue,
    /// The options.
    pub choices: ChoicesRef,
    /// The chosen option's value.
    pub value: Option<AttrValue>,
    /// Called with the new choice.
    pub on_change: Callback<Option<String>>,
}

/// A choice as a select list, with the flow's message at the field when one applies.
#[component]
pub fn ChoiceSelect(props: &ChoiceSelectProps) -> Html {
    let i18n = use_i18n();
    let error = use_field_errors().get(&props.id);
    let error_id = format!("{}-error", props.id);
    let onchange = props.on_change.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Some(select.value()).filter(|value| !value.is_empty())
    });
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <label class="tk-label tk-label--small" for={props.id.clone()}>{ &props.label }</label>
            if let Some(error) = &error {
                <p class="tk-error-message" id={error_id.clone()}>{ error }</p>
            }
            <select id={props.id.clone()} class="tk-input" {onchange}
                aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| error_id.clone())}>
                <option value="" selected={props.value.is_none()}>{ &props.prompt }</option>
                { for props.choices.0.iter().map(|choice| html! {
                    <option value={choice.value} selected={props.value.as_deref() == Some(choice.value)}>{ i18n.t(choice.label) }</option>
                }) }
            </select>
        </div>
    }
}

/// How much text a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lines {
    /// One line (a name).
    One,
    /// Several lines (free text).
    Several,
}

#[derive(Debug, Properties, PartialEq)]
struct TextFieldProps {
    id: &'static str,
    label: AttrValue,
    value: AttrValue,
    lines: Lines,
    on_input: Callback<String>,
}

/// A text input or text area, with the flow's message at the field when one applies.
#[component]
fn TextField(props: &TextFieldProps) -> Html {
    let error = use_field_errors().get(props.id);
    let oninput = props.on_input.reform(|event: InputEvent| {
        // Both an input and a text area have a `value`; read it through the one they share.
        let target: web_sys::EventTarget = event.target_unchecked_into();
        crate::web::platform::typed(
            if let Some(area) = wasm_bindgen::JsCast::dyn_ref::<HtmlTextAreaElement>(&target) {
                area.value()
            } else {
                wasm_bindgen::JsCast::unchecked_ref::<HtmlInputElement>(&target).value()
            },
        )
    });
    let error_id = format!("{}-error", props.id);
    let invalid = error.as_ref().map(|_| "true");
    let described_by = error.as_ref().map(|_| error_id.clone());
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <label class="tk-label tk-label--small" for={props.id}>{ &props.label }</label>
            if let Some(error) = &error {
                <p class="tk-error-message" id={error_id.clone()}>{ error }</p>
            }
            if props.lines == Lines::One {
                <input type="text" id={props.id} class="tk-input" autocomplete="off"
                    aria-invalid={invalid} aria-describedby={described_by}
                    value={props.value.clone()} {oninput} />
            } else {
                // No `maxlength`: browsers count it in UTF-16 units, so 1,500 emoji stopped at 1,000. The
                // case keeps the first 2,000 characters (the document's limit) when the answer is written.
                <textarea id={props.id} class="tk-textarea tk-textarea--short" rows="3"
                    value={props.value.clone()} {oninput}
                    aria-invalid={invalid} aria-describedby={described_by} />
            }
        </div>
    }
}

/// The shared yes/no field with the flow's message at the field (looked up by `{name}-yes`).
#[component]
pub fn YesNo(props: &YesNoFieldProps) -> Html {
    let error = use_field_errors().get(&format!("{}-yes", props.name));
    yes_no_field(props, error.map(AttrValue::from))
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
