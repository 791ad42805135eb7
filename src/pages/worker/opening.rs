//! Step 1: how the case came in and what is known of the client's situation. Its fields are declared in
//! the engine's worker form (`Section::Opening`).

use tyokyky_engine::forms::worker::Section;
use yew::prelude::*;

use super::fields::FieldSection;
use crate::hooks::use_i18n::use_i18n;

/// The case-opening form.
#[component]
pub fn CaseOpeningStep() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="tk-worker__form">
                <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-opening-title") }</h1>
                <p class="tk-lead">{ i18n.t("worker-opening-lead") }</p>
                <form id="case-opening" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                    <FieldSection section={Section::Opening} />
                </form>
            </div>
    }
}
