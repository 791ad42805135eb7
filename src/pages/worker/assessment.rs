//! Step 2: the service-need assessment (36–37 §, 43–44 §): whether it is made, who is responsible, and
//! its content: the summary, the professional's conclusions, the client's own view, both views on a named
//! worker, and the nature of the need. Its fields are declared in the engine's worker form
//! (`Section::Assessment`).

use tyokyky_engine::forms::worker::Section;
use yew::prelude::*;

use super::fields::FieldSection;
use crate::hooks::use_i18n::use_i18n;

/// The assessment form.
#[component]
pub fn AssessmentStep() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-assessment-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-assessment-lead") }</p>
            <form id="assessment" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <FieldSection section={Section::Assessment} />
            </form>
        </div>
    }
}
