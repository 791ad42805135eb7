//! The error summary at the top of a form (GOV.UK / Suomi.fi pattern): a heading and one link per
//! problem, pointing at the field. It takes focus whenever `focus_key` changes, so a screen reader
//! announces it after each failed attempt.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// One problem: the id of the field to jump to and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorLink {
    /// The `id` of the input the link moves to.
    pub target: AttrValue,
    /// The message, the same one shown at the field.
    pub message: AttrValue,
}

/// Props of [`ErrorSummary`].
#[derive(Debug, Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// The summary's heading.
    pub title: AttrValue,
    /// The problems, in form order.
    pub errors: Vec<ErrorLink>,
    /// Changes on every failed attempt; each change moves focus to the summary.
    pub focus_key: u32,
}

/// An error summary; renders nothing when there are no errors.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.focus_key, move |_| {
            if let Some(element) = node.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="tk-error-summary" ref={node} tabindex="-1" role="alert" aria-labelledby="tk-error-summary-title">
            <h2 class="tk-error-summary__title" id="tk-error-summary-title">{ &props.title }</h2>
            <ul class="tk-error-summary__list">
                { for props.errors.iter().map(|error| {
                    // Move focus to the field itself rather than changing the URL's fragment: the app's
                    // routes live in the fragment, and focus is what a keyboard or screen-reader user needs.
                    let target = error.target.clone();
                    let onclick = Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        let field = web_sys::window()
                            .and_then(|window| window.document())
                            .and_then(|document| document.get_element_by_id(&target));
                        if let Some(field) = field {
                            field.scroll_into_view();
                            if let Ok(field) = field.dyn_into::<HtmlElement>() {
                                let _ = field.focus();
                            }
                        }
                    });
                    html! { <li><a href={format!("#{}", error.target)} {onclick}>{ &error.message }</a></li> }
                }) }
            </ul>
        </div>
    }
}
