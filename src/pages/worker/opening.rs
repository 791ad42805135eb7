//! Step 1: how the case came in and what is known of the client's situation.

use chrono::NaiveDate;
use tyokyky_engine::case::Initiator;
use tyokyky_engine::document::Language;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::{YesNo, yes_no_labels};
use super::state::{ClientFlag, WorkerAction};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;

const INITIATORS: [(Initiator, &str); 5] = [
    (Initiator::Client, "initiator-client"),
    (Initiator::RelativeOrClosePerson, "initiator-relative"),
    (Initiator::LegalRepresentative, "initiator-legal-representative"),
    (Initiator::OtherAuthority, "initiator-other-authority"),
    (Initiator::WorkerObservation, "initiator-worker-observation"),
];

const FLAGS: [(ClientFlag, &str, &str); 4] = [
    (
        ClientFlag::HighestCareAllowance,
        "highest_care_allowance",
        "flag-highest-care-allowance",
    ),
    (ClientFlag::VplDisabled, "vpl_disabled", "flag-vpl-disabled"),
    (
        ClientFlag::SpecialSupport,
        "special_support",
        "flag-special-support",
    ),
    (ClientFlag::HasDependants, "has_dependants", "flag-has-dependants"),
];

/// The case-opening form.
#[component]
pub fn CaseOpeningStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let case = &state.case;
    let yes_no = yes_no_labels(&i18n);

    let on_date = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(WorkerAction::SetOpenedOn(
                NaiveDate::parse_from_str(&input.value(), "%Y-%m-%d").ok(),
            ));
        })
    };
    let on_age = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(WorkerAction::SetAge(input.value().trim().parse().ok()));
        })
    };
    let on_urgent = {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(WorkerAction::SetUrgent(value)))
    };
    let on_language = {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(WorkerAction::SetClientLanguage(value)))
    };
    let languages = vec![
        (Language::Fi, "client_language-fi", "Suomi".to_owned()),
        (Language::Sv, "client_language-sv", "Svenska".to_owned()),
        (Language::En, "client_language-en", "English".to_owned()),
    ];

    html! {
        <div class="tk-worker__form">
                <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-opening-title") }</h1>
                <p class="tk-lead">{ i18n.t("worker-opening-lead") }</p>
                <form id="case-opening" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                    <div class="tk-field">
                        <label class="tk-label" for="opened_on">{ i18n.t("opened-on-label") }</label>
                        <p class="tk-hint" id="opened_on-hint">{ i18n.t("opened-on-hint") }</p>
                        <input type="date" id="opened_on" name="opened_on" class="tk-input tk-input--date"
                            aria-describedby="opened_on-hint"
                            value={case.opening.opened_on.map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default()}
                            onchange={on_date} />
                    </div>
                    <div class="tk-field">
                        <fieldset class="tk-fieldset">
                            <legend class="tk-legend tk-legend--small">{ i18n.t("initiator-legend") }</legend>
                            <div class="tk-radios">
                                { for INITIATORS.iter().map(|(initiator, key)| {
                                    let id = format!("initiator-{}", key.trim_start_matches("initiator-"));
                                    let state = state.clone();
                                    let initiator = *initiator;
                                    let onchange = Callback::from(move |_| state.dispatch(WorkerAction::SetInitiator(Some(initiator))));
                                    html! {
                                        <div class="tk-radio">
                                            <input type="radio" class="tk-radio__input" id={id.clone()} name="initiator"
                                                checked={case.opening.initiator == Some(initiator)} {onchange} />
                                            <label class="tk-radio__label" for={id}>{ i18n.t(key) }</label>
                                        </div>
                                    }
                                }) }
                            </div>
                        </fieldset>
                    </div>
                    { super::fields::radio_group(i18n.t("client-language-legend"), "client_language", languages,
                        case.client.language, on_language) }
                    <YesNo name="urgent" legend={i18n.t("urgent-legend")} hint={Some(AttrValue::from(i18n.t("urgent-hint")))}
                        labels={yes_no.clone()} value={case.opening.urgent} on_change={on_urgent} />
                    <div class="tk-field">
                        <label class="tk-label" for="age">{ i18n.t("age-label") }</label>
                        <input type="text" inputmode="numeric" pattern="[0-9]*" id="age" name="age" autocomplete="off"
                            class="tk-input tk-input--short"
                            value={case.client.age.map(|age| age.to_string()).unwrap_or_default()} oninput={on_age} />
                    </div>
                    { for FLAGS.iter().map(|(flag, name, key)| {
                        let state = state.clone();
                        let flag = *flag;
                        let value = match flag {
                            ClientFlag::HighestCareAllowance => case.client.highest_care_allowance,
                            ClientFlag::VplDisabled => case.client.vpl_disabled,
                            ClientFlag::SpecialSupport => case.client.special_support,
                            ClientFlag::HasDependants => case.client.has_dependants,
                        };
                        html! {
                            <YesNo name={*name} legend={i18n.t(key)} hint={Some(AttrValue::from(i18n.t(&format!("{key}-hint"))))}
                                labels={yes_no.clone()} {value}
                                on_change={Callback::from(move |value| state.dispatch(WorkerAction::SetClientFlag(flag, value)))} />
                        }
                    }) }
                </form>
            </div>
    }
}
