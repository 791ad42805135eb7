//! A yes / no / not known question as three radio buttons in a fieldset. "Not known" is a real answer:
//! the rules then say which findings wait for it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`YesNoField`].
#[derive(Debug, Properties, PartialEq)]
pub struct YesNoFieldProps {
    /// Field name; the inputs get ids `{name}-yes`, `{name}-no`, `{name}-unknown`.
    pub name: AttrValue,
    /// The question.
    pub legend: AttrValue,
    /// A hint under the question, if any.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Labels: yes, no, not known.
    pub labels: [AttrValue; 3],
    /// The answer.
    pub value: Option<bool>,
    /// Called with the new answer.
    pub on_change: Callback<Option<bool>>,
    /// The message at the field, if its answer stops something.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// The field, with `error` as its message when it has one (else the props' own). A function, not a
/// component: it has no state of its own.
pub fn yes_no_field(props: &YesNoFieldProps, error: Option<AttrValue>) -> Html {
    let error = error.or_else(|| props.error.clone());
    let hint_id = format!("{}-hint", props.name);
    let error_id = format!("{}-error", props.name);
    let options = [("yes", Some(true)), ("no", Some(false)), ("unknown", None)];
    let described_by: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let invalid = error.is_some().then_some("true");
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <fieldset class="tk-fieldset" aria-describedby={(!described_by.is_empty()).then(|| described_by.join(" "))}>
                <legend class="tk-legend tk-legend--small">{ &props.legend }</legend>
                if let Some(hint) = &props.hint {
                    <p class="tk-hint" id={hint_id.clone()}>{ hint }</p>
                }
                if let Some(error) = &error {
                    <p class="tk-error-message" id={error_id.clone()}>{ error }</p>
                }
                <div class="tk-radios tk-radios--inline">
                    { for options.iter().zip(&props.labels).map(|((suffix, value), label)| {
                        let id = format!("{}-{suffix}", props.name);
                        let on_change = props.on_change.clone();
                        let value = *value;
                        let onchange = Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            if input.checked() {
                                on_change.emit(value);
                            }
                        });
                        html! {
                            <div class="tk-radio">
                                <input type="radio" class="tk-radio__input" id={id.clone()} name={props.name.clone()}
                                    value={*suffix} checked={props.value == value} aria-invalid={invalid} {onchange} />
                                <label class="tk-radio__label" for={id}>{ label }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
