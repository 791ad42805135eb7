//! The screen shown instead of the forms when the rule set, catalogue or questionnaire cannot be read:
//! what happened in words for the person, and each located error for whoever maintains the service.

use tyokyky_engine::error::LoadErrors;
use yew::prelude::*;

use crate::state::i18n::I18n;

/// The error screen for `errors`, in the messages of `i18n`. A function, not a component: it has no
/// state of its own.
pub fn rules_error(i18n: &I18n, errors: &LoadErrors) -> Html {
    html! {
        <div class="tk-notice tk-notice--error" id="rules-error" role="alert">
            <h1 class="tk-notice__title">{ i18n.t("rules-error-title") }</h1>
            <p>{ i18n.t("rules-error-lead") }</p>
            <ul class="tk-error-list">
                { for errors.0.iter().map(|error| html! { <li><code>{ error.to_string() }</code></li> }) }
            </ul>
        </div>
    }
}
