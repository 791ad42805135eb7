//! The screen shown instead of the forms when the rule set, catalogue or questionnaire cannot be read:
//! what happened in words for the person, and each located error for whoever maintains the service.

use std::rc::Rc;

use tyokyky_engine::error::LoadErrors;
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;

/// Props of [`RulesError`].
#[derive(Debug, Properties, PartialEq)]
pub struct RulesErrorProps {
    /// What could not be read, and where.
    pub errors: Rc<LoadErrors>,
}

/// The error screen.
#[component]
pub fn RulesError(props: &RulesErrorProps) -> Html {
    let i18n = use_i18n();
    html! {
        <div class="tk-notice tk-notice--error" id="rules-error" role="alert">
            <h1 class="tk-notice__title">{ i18n.t("rules-error-title") }</h1>
            <p>{ i18n.t("rules-error-lead") }</p>
            <ul class="tk-error-list">
                { for props.errors.0.iter().map(|error| html! { <li><code>{ error.to_string() }</code></li> }) }
            </ul>
        </div>
    }
}
