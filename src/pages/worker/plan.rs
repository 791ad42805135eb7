//! Step 3: the client plan (39 §): the client's situation and goal, the plan's items, services chosen
//! from the county catalogue (each shown with whether it fits, and a service gap when nothing does),
//! partners from other sectors with who is responsible for what and the client's consent to share the
//! joint plan with each, one responsible worker and the next review.

use tyokyky_engine::case::Sharing;
use tyokyky_engine::catalogue::{Gap, Sector};
use tyokyky_engine::forms::worker::{self, Input, PARTNER_SECTORS, Section, choice_name, choice_value};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::fields::FieldSection;
use super::state::{PartnerChange, WorkerAction};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;
use crate::state::rules::SharedRules;

/// A callback for any event that dispatches `action`.
fn send<E: 'static>(state: &super::WorkerHandle, action: WorkerAction) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_: E| state.dispatch(action.clone()))
}

/// The plan form.
#[component]
pub fn PlanStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let rules = use_context::<SharedRules>();
    let case = &state.case;
    let plan = &case.plan;

    // The catalogue, matched against the case by the engine.
    let services = match &rules {
        Some(rules) => match case.facts(rules.rules.catalogue()) {
            Ok(facts) => {
                let matching = rules.catalogue.matching(&rules.rules, &facts);
                let gap = match &matching.gap {
                    Gap::ForGoal(goal) => {
                        // The goal's label, as the goal field of the form names it.
                        let goal = match worker::field("client.goal").map(|field| field.input) {
                            Some(Input::Radios(choices)) => choices
                                .iter()
                                .find(|choice| Some(choice.value.to_owned()) == choice_name(goal))
                                .map(|choice| i18n.t(choice.label)),
                            _ => None,
                        };
                        html! {
                            <div class="tk-notice tk-notice--error" id="service-gap" role="status">
                                <p><strong>{ i18n.t_with("service-gap", &[("goal", goal.unwrap_or_default().into())]) }</strong></p>
                                <p>{ i18n.t("service-gap-hint") }</p>
                            </div>
                        }
                    }
                    Gap::Undetermined { .. } => {
                        html! { <p class="tk-hint" id="service-gap-unknown">{ i18n.t("service-gap-unknown") }</p> }
                    }
                    Gap::GoalUnknown => html! { <p class="tk-hint">{ i18n.t("service-goal-unknown") }</p> },
                    Gap::None => html! {},
                };
                html! {
                    <>
                        { gap }
                        <ul class="tk-services">
                            { for matching.fits.iter().map(|fit| {
                                let service = fit.service;
                                let id = format!("service-{}", service.id);
                                let chosen = plan.services.iter().any(|chosen| chosen.service_id == service.id);
                                let (badge_class, badge) = match fit.fits {
                                    Some(true) => ("tk-badge tk-badge--met", i18n.t("service-fits")),
                                    Some(false) => ("tk-badge tk-badge--unmet", i18n.t("service-does-not-fit")),
                                    None => ("tk-badge tk-badge--needs", i18n.t("finding-needs-facts")),
                                };
                                html! {
                                    <li class="tk-service" data-service={service.id.clone()}>
                                        <div class="tk-radio">
                                            <input type="checkbox" class="tk-radio__input" id={id.clone()} checked={chosen}
                                                onchange={send::<Event>(&state, WorkerAction::ToggleService(service.id.clone()))} />
                                            <label class="tk-radio__label" for={id.clone()}>
                                                <strong>{ i18n.document_text(&service.name) }</strong>{ " " }
                                                <span class={badge_class}>{ badge }</span>
                                            </label>
                                        </div>
                                        <details class="tk-service__details">
                                            <summary>{ i18n.t("service-more") }</summary>
                                            <p>{ i18n.document_text(&service.suits_whom) }</p>
                                            <p><strong>{ i18n.t("service-provider") }</strong>{ " " }{ i18n.document_text(&service.provider) }</p>
                                            <p><strong>{ i18n.t("service-reach") }</strong>{ " " }{ i18n.document_text(&service.how_to_reach) }</p>
                                        </details>
                                    </li>
                                }
                            }) }
                        </ul>
                    </>
                }
            }
            Err(error) => html! { <p class="tk-error-message">{ error.to_string() }</p> },
        },
        None => html! {},
    };

    let joint = worker::joint_plan(case);
    let partners = html! {
        <div class="tk-partners">
            { for plan.partners.iter().enumerate().map(|(index, partner)| {
                let change = |make: fn(String) -> PartnerChange| {
                    let state = state.clone();
                    Callback::from(move |event: InputEvent| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        state.dispatch(WorkerAction::ChangePartner(index, make(crate::web::platform::typed(input.value()))));
                    })
                };
                let on_sector = {
                    let state = state.clone();
                    Callback::from(move |event: Event| {
                        let select: HtmlSelectElement = event.target_unchecked_into();
                        if let Some(sector) = choice_value::<Sector>(Some(select.value())) {
                            state.dispatch(WorkerAction::ChangePartner(index, PartnerChange::Sector(sector)));
                        }
                    })
                };
                let number = index + 1;
                let sharing_choice = |sharing: Sharing, slug: &str, label: &str| {
                    let state = state.clone();
                    let id = format!("partner-{number}-sharing-{slug}");
                    let onchange = Callback::from(move |_: Event| {
                        state.dispatch(WorkerAction::ChangePartner(index, PartnerChange::Sharing(sharing)));
                    });
                    html! {
                        <div class="tk-radio">
                            <input type="radio" class="tk-radio__input" id={id.clone()} name={format!("partner-{number}-sharing")}
                                checked={partner.sharing == Some(sharing)} {onchange} />
                            <label class="tk-radio__label" for={id}>{ i18n.t(label) }</label>
                        </div>
                    }
                };
                let sharing = joint.then(|| html! {
                    <fieldset class="tk-fieldset" id={format!("partner-{number}-sharing")}>
                        <legend class="tk-legend tk-legend--small">{ i18n.t("partner-sharing-legend") }</legend>
                        { sharing_choice(Sharing::Consent, "consent", "partner-sharing-consent") }
                        { sharing_choice(Sharing::NotShared, "not-shared", "partner-sharing-not-shared") }
                        { sharing_choice(Sharing::SpecialAct, "special-act", "partner-sharing-special-act") }
                        if partner.sharing == Some(Sharing::SpecialAct) {
                            <div class="tk-field">
                                <label class="tk-label tk-label--small" for={format!("partner-{number}-legal-basis")}>{ i18n.t("partner-legal-basis") }</label>
                                <p class="tk-hint" id={format!("partner-{number}-legal-basis-hint")}>{ i18n.t("partner-legal-basis-hint") }</p>
                                <input type="text" class="tk-input tk-input--wide" id={format!("partner-{number}-legal-basis")} autocomplete="off"
                                    aria-describedby={format!("partner-{number}-legal-basis-hint")}
                                    value={partner.legal_basis.as_str().to_owned()} oninput={change(PartnerChange::LegalBasis)} />
                            </div>
                        }
                    </fieldset>
                });
                html! {
                    <fieldset class="tk-fieldset tk-partner" id={format!("partner-{number}")}>
                        <legend class="tk-legend tk-legend--small">{ i18n.t_with("partner-legend", &[("number", number.into())]) }</legend>
                        <div class="tk-field">
                            <label class="tk-label tk-label--small" for={format!("partner-{number}-name")}>{ i18n.t("partner-name") }</label>
                            <input type="text" class="tk-input" id={format!("partner-{number}-name")} autocomplete="off"
                                value={partner.name.as_str().to_owned()} oninput={change(PartnerChange::Name)} />
                        </div>
                        <div class="tk-field">
                            <label class="tk-label tk-label--small" for={format!("partner-{number}-sector")}>{ i18n.t("partner-sector") }</label>
                            <select class="tk-input" id={format!("partner-{number}-sector")} onchange={on_sector}>
                                { for PARTNER_SECTORS.iter().map(|sector| html! {
                                    <option value={sector.value} selected={choice_name(&partner.sector).as_deref() == Some(sector.value)}>{ i18n.t(sector.label) }</option>
                                }) }
                            </select>
                        </div>
                        <div class="tk-field">
                            <label class="tk-label tk-label--small" for={format!("partner-{number}-responsibility")}>{ i18n.t("partner-responsibility") }</label>
                            <input type="text" class="tk-input tk-input--wide" id={format!("partner-{number}-responsibility")} autocomplete="off"
                                value={partner.responsibility.as_str().to_owned()} oninput={change(PartnerChange::Responsibility)} />
                        </div>
                        { for sharing }
                        <button type="button" class="tk-button tk-button--secondary tk-button--small"
                            onclick={send::<MouseEvent>(&state, WorkerAction::RemovePartner(index))}>
                            { i18n.t_with("partner-remove", &[("number", number.into())]) }
                        </button>
                    </fieldset>
                }
            }) }
            <button type="button" class="tk-button tk-button--secondary" id="add-partner" onclick={send::<MouseEvent>(&state, WorkerAction::AddPartner)}>
                { i18n.t("partner-add") }
            </button>
        </div>
    };

    let plan_made = worker::plan_made(case);

    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-plan-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-plan-lead") }</p>
            <form id="plan" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <h2 class="tk-subtitle">{ i18n.t("plan-situation") }</h2>
                <FieldSection section={Section::PlanSituation} />
                <h2 class="tk-subtitle">{ i18n.t("plan-making") }</h2>
                <FieldSection section={Section::PlanMaking} />
                if plan_made {
                    <h2 class="tk-subtitle">{ i18n.t("plan-items") }</h2>
                    <FieldSection section={Section::PlanItems} />
                    <h2 class="tk-subtitle">{ i18n.t("plan-services") }</h2>
                    { services }
                    <h2 class="tk-subtitle">{ i18n.t("plan-partners") }</h2>
                    <p class="tk-hint">{ i18n.t("plan-partners-hint") }</p>
                    <FieldSection section={Section::PlanJoint} />
                    { partners }
                    <FieldSection section={Section::PlanClosing} />
                }
            </form>
        </div>
    }
}
