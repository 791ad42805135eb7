//! Step 3: the client plan (39 §): the client's situation and goal, the plan's items, services chosen
//! from the county catalogue (each shown with whether it fits, and a service gap when nothing does),
//! partners from other sectors with who is responsible for what and the client's consent to share the
//! joint plan with each, one responsible worker and the next review.

use chrono::NaiveDate;
use tyokyky_engine::catalogue::{Gap, Goal, Sector};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::fields::{YesNo, radio_group, set_flag, set_text, text_area, yes_no_labels};
use super::state::{Flag, PartnerChange, TextField, WorkerAction};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;
use crate::state::rules::SharedRules;

const GOALS: [(Goal, &str, &str); 5] = [
    (Goal::Work, "goal-work", "goal-work"),
    (Goal::Education, "goal-education", "goal-education"),
    (Goal::Rehabilitation, "goal-rehabilitation", "goal-rehabilitation"),
    (
        Goal::PensionAssessment,
        "goal-pension-assessment",
        "goal-pension-assessment",
    ),
    (Goal::Participation, "goal-participation", "goal-participation"),
];

const SITUATION: [(Flag, &str, &str); 7] = [
    (
        Flag::UnemployedJobSeeker,
        "unemployed_job_seeker",
        "situation-unemployed",
    ),
    (
        Flag::CanUseEmploymentServices,
        "can_use_employment_services",
        "situation-employment-services",
    ),
    (
        Flag::CanAttendHalfDaysWeekly,
        "can_attend_half_days_weekly",
        "situation-half-days",
    ),
    (
        Flag::IllnessReducesWorkAbility,
        "illness_reduces_work_ability",
        "situation-illness",
    ),
    (
        Flag::NeedsMultisectorSupport,
        "needs_multisector_support",
        "situation-multisector",
    ),
    (
        Flag::MentalHealthOrSubstanceNeed,
        "mental_health_or_substance_need",
        "situation-mental-health",
    ),
    (
        Flag::NeedsAccompaniment,
        "needs_accompaniment",
        "situation-accompaniment",
    ),
];

const ITEMS: [(TextField, &str, &str); 9] = [
    (TextField::SupportNeed, "item_support_need", "item-support-need"),
    (
        TextField::ServicesNeeded,
        "item_services_needed",
        "item-services-needed",
    ),
    (
        TextField::EssentialServices,
        "item_essential_services",
        "item-essential-services",
    ),
    (TextField::Strengths, "item_strengths", "item-strengths"),
    (TextField::Goals, "item_goals", "item-goals"),
    (TextField::Duration, "item_duration", "item-duration"),
    (TextField::FollowUp, "item_follow_up", "item-follow-up"),
    (TextField::Environment, "item_environment", "item-environment"),
    (
        TextField::ClientProposal,
        "item_client_proposal",
        "item-client-proposal",
    ),
];

const SECTORS: [(Sector, &str, &str); 6] = [
    (
        Sector::EmploymentServices,
        "employment_services",
        "sector-employment-services",
    ),
    (Sector::Kela, "kela", "sector-kela"),
    (Sector::HealthCare, "health_care", "sector-health-care"),
    (Sector::Education, "education", "sector-education"),
    (Sector::Organisations, "organisations", "sector-organisations"),
    (
        Sector::SocialServices,
        "social_services",
        "sector-social-services",
    ),
];

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
    let language = i18n.language();
    let yes_no = yes_no_labels(&i18n);
    let text = |field: TextField| set_text(&state, field);
    let flag = |flag: Flag| set_flag(&state, flag);

    // The catalogue, matched against the case by the engine.
    let services = match &rules {
        Some(rules) => match case.facts(rules.rules.catalogue()) {
            Ok(facts) => {
                let matching = rules.catalogue.matching(&rules.rules, &facts);
                let gap = match &matching.gap {
                    Gap::ForGoal(goal) => {
                        let goal = GOALS
                            .iter()
                            .find(|(candidate, _, _)| candidate == goal)
                            .map(|(_, _, key)| i18n.t(key));
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
                                                <strong>{ service.name.get(language) }</strong>{ " " }
                                                <span class={badge_class}>{ badge }</span>
                                            </label>
                                        </div>
                                        <details class="tk-service__details">
                                            <summary>{ i18n.t("service-more") }</summary>
                                            <p>{ service.suits_whom.get(language) }</p>
                                            <p><strong>{ i18n.t("service-provider") }</strong>{ " " }{ service.provider.get(language) }</p>
                                            <p><strong>{ i18n.t("service-reach") }</strong>{ " " }{ service.how_to_reach.get(language) }</p>
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

    let partners = html! {
        <div class="tk-partners">
            { for plan.partners.iter().enumerate().map(|(index, partner)| {
                let change = |make: fn(String) -> PartnerChange| {
                    let state = state.clone();
                    Callback::from(move |event: InputEvent| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        state.dispatch(WorkerAction::ChangePartner(index, make(input.value())));
                    })
                };
                let on_sector = {
                    let state = state.clone();
                    Callback::from(move |event: Event| {
                        let select: HtmlSelectElement = event.target_unchecked_into();
                        if let Some((sector, _, _)) = SECTORS.iter().find(|(_, name, _)| *name == select.value()) {
                            state.dispatch(WorkerAction::ChangePartner(index, PartnerChange::Sector(*sector)));
                        }
                    })
                };
                let on_consent = {
                    let state = state.clone();
                    Callback::from(move |event: Event| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        state.dispatch(WorkerAction::ChangePartner(index, PartnerChange::Consent(input.checked())));
                    })
                };
                let number = index + 1;
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
                                { for SECTORS.iter().map(|(sector, name, key)| html! {
                                    <option value={*name} selected={partner.sector == *sector}>{ i18n.t(key) }</option>
                                }) }
                            </select>
                        </div>
                        <div class="tk-field">
                            <label class="tk-label tk-label--small" for={format!("partner-{number}-responsibility")}>{ i18n.t("partner-responsibility") }</label>
                            <input type="text" class="tk-input tk-input--wide" id={format!("partner-{number}-responsibility")} autocomplete="off"
                                value={partner.responsibility.as_str().to_owned()} oninput={change(PartnerChange::Responsibility)} />
                        </div>
                        <div class="tk-radio">
                            <input type="checkbox" class="tk-radio__input" id={format!("partner-{number}-consent")}
                                checked={partner.consent_to_share} onchange={on_consent} />
                            <label class="tk-radio__label" for={format!("partner-{number}-consent")}>{ i18n.t("partner-consent") }</label>
                        </div>
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

    let on_score = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(WorkerAction::SetWorkAbilityScore(
                input.value().trim().parse().ok(),
            ));
        })
    };
    let on_review = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(WorkerAction::SetReviewDate(
                NaiveDate::parse_from_str(&input.value(), "%Y-%m-%d").ok(),
            ));
        })
    };
    let plan_unnecessary = plan.obviously_unnecessary == Some(true);

    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-plan-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-plan-lead") }</p>
            <form id="plan" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <h2 class="tk-subtitle">{ i18n.t("plan-situation") }</h2>
                { radio_group(i18n.t("goal-legend"), "goal",
                    GOALS.iter().map(|(goal, id, key)| (*goal, *id, i18n.t(key))).collect(), case.client.goal, {
                        let state = state.clone();
                        Callback::from(move |value| state.dispatch(WorkerAction::SetGoal(value)))
                    }) }
                <div class="tk-field">
                    <label class="tk-label tk-label--small" for="work_ability_score">{ i18n.t("plan-work-ability-score") }</label>
                    <input type="text" inputmode="numeric" pattern="[0-9]*" id="work_ability_score" class="tk-input tk-input--short"
                        autocomplete="off" value={case.client.work_ability_score.map(|score| score.to_string()).unwrap_or_default()}
                        oninput={on_score} />
                </div>
                { for SITUATION.iter().map(|(situation, name, key)| {
                    let value = match situation {
                        Flag::UnemployedJobSeeker => case.client.unemployed_job_seeker,
                        Flag::CanUseEmploymentServices => case.client.can_use_employment_services,
                        Flag::CanAttendHalfDaysWeekly => case.client.can_attend_half_days_weekly,
                        Flag::IllnessReducesWorkAbility => case.client.illness_reduces_work_ability,
                        Flag::NeedsMultisectorSupport => case.client.needs_multisector_support,
                        Flag::MentalHealthOrSubstanceNeed => case.client.mental_health_or_substance_need,
                        _ => case.client.needs_accompaniment,
                    };
                    html! { <YesNo name={*name} legend={i18n.t(key)} labels={yes_no.clone()} {value} on_change={flag(*situation)} /> }
                }) }

                <h2 class="tk-subtitle">{ i18n.t("plan-making") }</h2>
                <YesNo name="plan_unnecessary" legend={i18n.t("plan-unnecessary")} labels={yes_no.clone()}
                    value={plan.obviously_unnecessary} on_change={flag(Flag::PlanUnnecessary)} />
                if plan_unnecessary {
                    { text_area("plan_unnecessary_reason", i18n.t("plan-unnecessary-reason"),
                        plan.unnecessary_reason.as_str().to_owned(), text(TextField::PlanUnnecessaryReason)) }
                } else {
                    <YesNo name="made_with_client" legend={i18n.t("plan-with-client")} labels={yes_no.clone()}
                        value={plan.made_with_client} on_change={flag(Flag::MadeWithClient)} />
                    if plan.made_with_client == Some(false) {
                        { text_area("plan_client_obstacle", i18n.t("plan-client-obstacle"),
                            plan.client_obstacle.as_str().to_owned(), text(TextField::PlanClientObstacle)) }
                    }
                    <h2 class="tk-subtitle">{ i18n.t("plan-items") }</h2>
                    {{
                        // `text_field` hands out the field mutably, so read the texts from one copy.
                        let mut current = state.case.clone();
                        ITEMS.iter().map(|(field, id, key)| {
                            let value = super::state::text_field(&mut current, *field).as_str().to_owned();
                            text_area(id, i18n.t(key), value, text(*field))
                        }).collect::<Html>()
                    }}
                    <h2 class="tk-subtitle">{ i18n.t("plan-services") }</h2>
                    { services }
                    <h2 class="tk-subtitle">{ i18n.t("plan-partners") }</h2>
                    <p class="tk-hint">{ i18n.t("plan-partners-hint") }</p>
                    { partners }
                    <YesNo name="joint_plan" legend={i18n.t("plan-joint")} hint={Some(AttrValue::from(i18n.t("plan-joint-hint")))}
                        labels={yes_no.clone()} value={plan.joint} on_change={flag(Flag::JointPlan)} />
                    { text_area("responsible_worker", i18n.t("plan-responsible-worker"),
                        plan.responsible_worker.as_str().to_owned(), text(TextField::ResponsibleWorker)) }
                    <div class="tk-field">
                        <label class="tk-label tk-label--small" for="review_date">{ i18n.t("plan-review-date") }</label>
                        <input type="date" id="review_date" class="tk-input"
                            value={plan.review_dates.first().map(|date| date.format("%Y-%m-%d").to_string()).unwrap_or_default()}
                            onchange={on_review} />
                    </div>
                }
            </form>
        </div>
    }
}
