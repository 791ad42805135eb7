//! Step 2: the named worker (omatyöntekijä, 42 §): who, with what qualification, or why none is named;
//! the co-worker; and how often they meet the client.

use tyokyky_engine::case::{NamingException, Profession};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::{ProfessionSelect, YesNo, text_area, yes_no_labels};
use super::state::{WorkerAction, WorkerRole};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;

const EXCEPTIONS: [(NamingException, &str, &str); 3] = [
    (NamingException::None, "exception-none", "naming-none"),
    (
        NamingException::OtherResponsibleWorker,
        "exception-other",
        "naming-other-responsible-worker",
    ),
    (
        NamingException::ObviouslyUnnecessary,
        "exception-unnecessary",
        "naming-obviously-unnecessary",
    ),
];

/// The named-worker form.
#[component]
pub fn NamedWorkerStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let name_error = super::use_field_errors().get("named_worker_name");
    let named = &state.case.named_worker;
    let yes_no = yes_no_labels(&i18n);
    let send = |make: fn(String) -> WorkerAction| {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(make(text)))
    };
    let profession = |role: WorkerRole| {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(WorkerAction::SetProfession(role, value)))
    };
    let office = |role: WorkerRole| {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(WorkerAction::SetInPublicOffice(role, value)))
    };
    let on_name = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(WorkerAction::SetNamedWorkerName(input.value()));
        })
    };

    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-named-worker-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-named-worker-lead") }</p>
            <form id="named-worker" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <div class="tk-field">
                    <fieldset class="tk-fieldset">
                        <legend class="tk-legend tk-legend--small">{ i18n.t("naming-legend") }</legend>
                        <div class="tk-radios">
                            { for EXCEPTIONS.iter().map(|(exception, id, key)| {
                                let state = state.clone();
                                let exception = *exception;
                                let onchange = Callback::from(move |_| state.dispatch(WorkerAction::SetNamingException(exception)));
                                html! {
                                    <div class="tk-radio">
                                        <input type="radio" class="tk-radio__input" id={*id} name="naming"
                                            checked={named.exception == exception} {onchange} />
                                        <label class="tk-radio__label" for={*id}>{ i18n.t(key) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                if named.exception == NamingException::None {
                    <div class={classes!("tk-field", name_error.as_ref().map(|_| "tk-field--error"))}>
                        <label class="tk-label tk-label--small" for="named_worker_name">{ i18n.t("named-worker-name") }</label>
                        if let Some(error) = &name_error {
                            <p class="tk-error-message" id="named_worker_name-error">{ error }</p>
                        }
                        <input type="text" id="named_worker_name" class="tk-input" autocomplete="off"
                            aria-invalid={name_error.as_ref().map(|_| "true")}
                            aria-describedby={name_error.as_ref().map(|_| "named_worker_name-error")}
                            value={named.worker.name.as_str().to_owned()} oninput={on_name} />
                    </div>
                    <ProfessionSelect id="named_worker_profession" label={i18n.t("named-worker-profession")}
                        value={named.worker.profession} on_change={profession(WorkerRole::NamedWorker)} />
                    <YesNo name="named_worker_in_office" legend={i18n.t("in-public-office")} labels={yes_no.clone()}
                        value={named.worker.in_public_office} on_change={office(WorkerRole::NamedWorker)} />
                    if named.worker.profession == Some(Profession::HealthCareProfessional) {
                        { text_area("health_care_justification", i18n.t("health-care-justification"),
                            named.health_care_justification.as_str().to_owned(), send(WorkerAction::SetHealthCareJustification)) }
                    }
                    <fieldset class="tk-fieldset tk-field">
                        <legend class="tk-legend tk-legend--small">{ i18n.t("co-worker-legend") }</legend>
                        <p class="tk-hint">{ i18n.t("co-worker-hint") }</p>
                        <ProfessionSelect id="co_worker_profession" label={i18n.t("co-worker-profession")}
                            value={named.co_worker.profession} on_change={profession(WorkerRole::CoWorker)} />
                        <YesNo name="co_worker_in_office" legend={i18n.t("in-public-office")} labels={yes_no.clone()}
                            value={named.co_worker.in_public_office} on_change={office(WorkerRole::CoWorker)} />
                    </fieldset>
                } else {
                    { text_area("exception_reason", i18n.t("naming-exception-reason"),
                        named.exception_reason.as_str().to_owned(), send(WorkerAction::SetExceptionReason)) }
                }
                { text_area("meeting_frequency", i18n.t("meeting-frequency"),
                    state.case.plan.items.meeting_frequency.as_str().to_owned(), send(WorkerAction::SetMeetingFrequency)) }
            </form>
        </div>
    }
}
