//! A 0–10 scale as a group of radio buttons: one choice, big touch targets, labelled by its legend.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ScoreScale`].
#[derive(Debug)]
pub struct ScoreScaleProps {
    /// Field name; the inputs get ids `{name}-0` … `{name}-10`.
    pub name: AttrValue,
    /// The question, as the group's legend.
    pub legend: AttrValue,
    /// What the ends of the scale mean.
    pub hint: AttrValue,
    /// Short labels for the two ends, shown under the scale.
    pub anchors: (AttrValue, AttrValue),
    /// The message at the field, if its value has a problem.
    pub error: Option<AttrValue>,
    /// The chosen value.
    pub value: Option<u8>,
    /// Called with the value of the chosen button.
    pub on_choose: Callback<u8>,
    /// Whether the question is the screen's heading (one question per screen): the legend holds the
    /// `h1` (`id="screen-heading"`).
    pub heading: bool,
}

/// The scale. It reports the raw value of the chosen button; checking it is the caller's job. A function,
/// not a component: it has no state of its own.
pub fn score_scale(props: &ScoreScaleProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let error_id = format!("{}-error", props.name);
    // The meaning of the ends is part of the description, so a screen reader says what 0 and 10 are.
    let anchors_id = format!("{}-anchors", props.name);
    let described_by = match props.error {
        Some(_) => format!("{hint_id} {anchors_id} {error_id}"),
        None => format!("{hint_id} {anchors_id}"),
    };
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(value) = input.value().parse::<u8>() {
                on_choose.emit(value);
            }
        })
    };
    html! {
        <div class={classes!("tk-field", props.error.as_ref().map(|_| "tk-field--error"))}>
            <fieldset class="tk-fieldset" aria-describedby={described_by}>
                if props.heading {
                    <legend class="tk-legend tk-legend--page">
                        <h1 class="tk-legend__heading" id="screen-heading" tabindex="-1">{ &props.legend }</h1>
                    </legend>
                } else {
                    <legend class="tk-legend">{ &props.legend }</legend>
                }
                <p class="tk-hint" id={hint_id}>{ &props.hint }</p>
                if let Some(error) = &props.error {
                    <p class="tk-error-message" id={error_id}>{ error }</p>
                }
                <div class="tk-scale">
                    { for (0..=10u8).map(|value| {
                        let id = format!("{}-{value}", props.name);
                        html! {
                            <div class="tk-scale__option">
                                <input type="radio" class="tk-scale__input" id={id.clone()} name={props.name.clone()}
                                    value={value.to_string()} checked={props.value == Some(value)}
                                    onchange={onchange.clone()} />
                                <label class="tk-scale__label" for={id}>{ value }</label>
                            </div>
                        }
                    }) }
                </div>
                <div class="tk-scale__anchors" id={anchors_id}>
                    <span>{ &props.anchors.0 }</span>
                    <span>{ &props.anchors.1 }</span>
                </div>
            </fieldset>
        </div>
    }
}
