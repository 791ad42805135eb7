//! Step 4: the named worker (omatyöntekijä, 42 §): who, with what qualification, or why none is named;
//! the co-worker; and how often they meet the client. Its fields are declared in the engine's worker form
//! (`Section::Naming`, `CoWorker`, `NamingEnd`).

use tyokyky_engine::forms::worker::Section;
use yew::prelude::*;

use super::fields::{FieldSection, section_shown};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;

/// The named-worker form.
#[component]
pub fn NamedWorkerStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-named-worker-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-named-worker-lead") }</p>
            <form id="named-worker" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <FieldSection section={Section::Naming} />
                if section_shown(Section::CoWorker, &state.case) {
                    <fieldset class="tk-fieldset tk-field">
                        <legend class="tk-legend tk-legend--small">{ i18n.t("co-worker-legend") }</legend>
                        <p class="tk-hint">{ i18n.t("co-worker-hint") }</p>
                        <FieldSection section={Section::CoWorker} />
                    </fieldset>
                }
                <FieldSection section={Section::NamingEnd} />
            </form>
        </div>
    }
}
