//! Step 5: check the answers, see what still blocks finishing, and finish: the page builds the plan
//! document with the engine (the answers, every finding with its citation, the rules' hash, the
//! catalogue's version and the consents) and hands it to the outbox.

use tyokyky_engine::document::{Document, DocumentBody};
use tyokyky_engine::plan::ClientPlan;
use tyokyky_engine::rule::Consequence;
use yew::prelude::*;

use super::state::WorkerAction;
use super::{WorkerStep, use_worker};
use crate::components::delivery::{delivery_status, failure_message};
use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_outbox::use_outbox;
use crate::state::delivery::DeliveryView;
use crate::state::rules::SharedRules;
use crate::web::platform;

fn row(label: String, value: String) -> Html {
    html! { <><dt>{ label }</dt><dd>{ if value.trim().is_empty() { "–".to_owned() } else { value } }</dd></> }
}

/// The summary and the finish button.
#[component]
pub fn SummaryStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let rules = use_context::<SharedRules>();
    let go_to_field = use_context::<super::GoToField>();
    let outbox = use_outbox();
    let case_context = use_context::<crate::app::CaseContextHandle>().unwrap_or_default();
    let language = i18n.language();
    // The plan's findings are worded in the client's language: its messages and texts are fetched as soon
    // as the client's language is known (the interface's own are at hand).
    let locales = use_context::<crate::state::i18n::Locales>().unwrap_or_default();
    let client_locale: crate::state::i18n::Locale = state.case.client.language.unwrap_or(language).into();
    let client_messages = crate::hooks::use_locale::use_worker_messages(
        &locales,
        client_locale,
        client_locale != i18n.locale(),
    );
    let case = &state.case;

    let Some(rules) = rules else { return html! {} };
    let facts = match case.facts(rules.rules.catalogue()) {
        Ok(facts) => facts,
        Err(error) => return html! { <p class="tk-error-message">{ error.to_string() }</p> },
    };
    let outcome = rules.rules.evaluate(&facts);
    // Each blocking finding, with the first of its fields that the flow asks for.
    let mut blocking: Vec<(Html, Option<(WorkerStep, String)>)> = match &outcome {
        Ok(outcome) => outcome
            .findings
            .iter()
            .filter(|finding| finding.blocks_finishing())
            .map(|finding| {
                let fields: &[String] = match &finding.rule.then {
                    Consequence::Requirement { fields, .. } | Consequence::Role { fields, .. } => fields,
                    _ => &[],
                };
                let target = fields.iter().find_map(|field| super::field_target(case, field));
                let about = super::findings::about(&i18n, case, finding);
                let about = if about.is_empty() {
                    String::new()
                } else {
                    let names: Vec<&str> = about.iter().map(AttrValue::as_str).collect();
                    format!(" {} {}", i18n.t("findings-partners"), names.join(", "))
                };
                // The section in Finland's notation (`36 § 2 mom.`): Finnish, read left to right.
                (
                    html! { <>
                        { i18n.document_text(&finding.rule.message) }{ " (" }
                        <span lang="fi" dir="ltr">{ finding.rule.citation.short() }</span>{ ")" }{ about }
                    </> },
                    target,
                )
            })
            .collect(),
        Err(_) => vec![(
            html! { { i18n.t("findings-need-opening-date") } },
            Some((WorkerStep::Opening, "opened_on".to_owned())),
        )],
    };
    // A revision says why it was made.
    if case
        .plan
        .revision
        .as_ref()
        .is_some_and(|revision| revision.reason.is_empty())
    {
        blocking.push((
            html! { { i18n.t("revision-reason-missing") } },
            Some((WorkerStep::Summary, "revision-reason".to_owned())),
        ));
    }
    let revision = case.plan.revision.as_ref().map(|revision| {
        let on_reason = {
            let state = state.clone();
            Callback::from(move |event: InputEvent| {
                if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                    state.dispatch(WorkerAction::RevisionReason(crate::web::platform::typed(area.value())));
                }
            })
        };
        let changed = state
            .previous
            .as_deref()
            .map(|previous| super::changes::lines(&i18n, &rules.catalogue, previous, case));
        html! {
            <section class="tk-panel tk-revision" id="revision">
                <h2 class="tk-panel__title">{ i18n.t_with("revision-title", &[("version", revision.version.to_string().into())]) }</h2>
                <label class="tk-label" for="revision-reason">{ i18n.t("revision-reason-label") }</label>
                <textarea class="tk-textarea" id="revision-reason" rows="3" value={revision.reason.as_str().to_owned()} oninput={on_reason} />
                {
                    match changed {
                        None => html! {},
                        Some(lines) if lines.is_empty() => html! { <p id="revision-changes-none">{ i18n.t("revision-no-changes") }</p> },
                        Some(lines) => html! {
                            <>
                                <h3 class="tk-subtitle">{ i18n.t("revision-changes-title") }</h3>
                                <ul class="tk-revision__changes" id="revision-changes">
                                    { for lines.into_iter().map(|(label, before, after)| html! {
                                        // Each answer in its own direction, and the arrow turned in a
                                        // right-to-left language, so that it points from before to after.
                                        <li><strong>{ label }</strong>{ ": " }<del dir="auto">{ before }</del>{ " " }<span class="tk-arrow">{ "→" }</span>{ " " }<ins dir="auto">{ after }</ins></li>
                                    }) }
                                </ul>
                            </>
                        },
                    }
                }
            </section>
        }
    });

    let on_finish = {
        let state = state.clone();
        let rules = rules.clone();
        let i18n = i18n.clone();
        let client_messages = client_messages.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(facts) = state.case.facts(rules.rules.catalogue()) else {
                return;
            };
            let Ok(outcome) = rules.rules.evaluate(&facts) else {
                return;
            };
            // The plan is the client's: its findings are worded in the client's language (the Finnish, if
            // its texts could not be fetched).
            let wording = match &client_messages {
                _ if client_locale == i18n.locale() => Some(i18n.clone()),
                Some(Ok(messages)) => Some(messages.clone()),
                _ => None,
            };
            let mut plan = ClientPlan::new(
                state.case.clone(),
                &outcome,
                &rules.rules,
                &rules.catalogue,
                &|texts| {
                    wording
                        .as_ref()
                        .map_or_else(|| texts.fi.clone(), |wording| wording.document_text(texts))
                },
            );
            plan.context = case_context.0.as_deref().cloned();
            let document = Document::new(
                platform::new_key(),
                chrono::Utc::now(),
                client_locale.language(),
                DocumentBody::ClientPlan(Box::new(plan)),
            );
            // Finishing again after a refusal resends the same document (same idempotency key).
            state.dispatch(WorkerAction::Finish(state.plan_to_send(document)));
        })
    };
    let change = |step: WorkerStep| {
        html! { <a href={step.route().href()} class="tk-change">{ i18n.t("summary-change") }</a> }
    };
    let services: Vec<String> = case
        .plan
        .services
        .iter()
        .map(|chosen| {
            rules
                .catalogue
                .service(&chosen.service_id)
                .map_or(chosen.service_id.clone(), |service| {
                    i18n.document_text(&service.name)
                })
        })
        .collect();
    let plan = state
        .plan
        .as_ref()
        .and_then(|plan| Some((plan.idempotency_key, outbox.status(plan.idempotency_key)?)));
    let sending = plan.as_ref().is_some_and(|(_, view)| view.on_its_way());
    let status = match plan {
        Some((key, view)) if view.on_its_way() => delivery_status(&i18n, &outbox, key),
        Some((_, DeliveryView::Rejected { failure })) => {
            let reason = failure_message(&i18n, &failure);
            html! {
                <div class="tk-notice tk-notice--error" id="plan-send-failed">
                    <h2 class="tk-notice__title">{ i18n.t("send-failed-title") }</h2>
                    <p>{ reason }</p>
                    <p>{ i18n.t("plan-send-kept") }</p>
                </div>
            }
        }
        _ => html! {},
    };

    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-summary-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-summary-lead") }</p>
            { revision.unwrap_or_default() }
            <section class="tk-summary">
                <h2 class="tk-subtitle">{ i18n.t("worker-opening-title") }{ " " }{ change(WorkerStep::Opening) }</h2>
                <dl class="tk-panel__facts">
                    { row(i18n.t("opened-on-label"), case.opening.opened_on.map(|date| platform::format_date(language, date)).unwrap_or_default()) }
                    { row(i18n.t("age-label"), case.client.age.map(|age| age.to_string()).unwrap_or_default()) }
                    if let Some(born_on) = case.client.born_on {
                        { row(i18n.t("born-on-label"), platform::format_date(language, born_on)) }
                    }
                </dl>
                <h2 class="tk-subtitle">{ i18n.t("worker-assessment-title") }{ " " }{ change(WorkerStep::Assessment) }</h2>
                <dl class="tk-panel__facts">
                    { row(i18n.t("assessment-summary"), case.assessment.summary.as_str().to_owned()) }
                    { row(i18n.t("assessment-client-view"), case.assessment.client_view.as_str().to_owned()) }
                </dl>
                <h2 class="tk-subtitle">{ i18n.t("worker-plan-title") }{ " " }{ change(WorkerStep::Plan) }</h2>
                <dl class="tk-panel__facts">
                    { row(i18n.t("item-goals"), case.plan.items.goals.as_str().to_owned()) }
                    { row(i18n.t("plan-services"), services.join(", ")) }
                    { row(i18n.t("plan-partners"), case.plan.partners.iter().map(|partner| partner.name.as_str().to_owned()).collect::<Vec<_>>().join(", ")) }
                    if case.plan.joint == Some(true) && !case.plan.partners.is_empty() {
                        <dt>{ i18n.t("plan-sharing") }</dt>
                        <dd>
                            <ul class="tk-sharing" id="summary-sharing">
                                { for case.plan.partners.iter().map(|partner| html! {
                                    <li data-shared={partner.receives_joint_plan().to_string()}>
                                        { partner.name.as_str() }{ ": " }{ super::findings::sharing_text(&i18n, partner) }
                                    </li>
                                }) }
                            </ul>
                        </dd>
                    }
                </dl>
                <h2 class="tk-subtitle">{ i18n.t("worker-named-worker-title") }{ " " }{ change(WorkerStep::NamedWorker) }</h2>
                <dl class="tk-panel__facts">
                    { row(i18n.t("named-worker-name"), case.named_worker.worker.name.as_str().to_owned()) }
                    { row(i18n.t("meeting-frequency"), case.plan.items.meeting_frequency.as_str().to_owned()) }
                </dl>
            </section>
            if blocking.is_empty() {
                <p id="ready-to-finish">{ i18n.t("summary-ready") }</p>
            } else {
                <div class="tk-notice" id="blocking-findings">
                    <h2 class="tk-notice__title">{ i18n.t_with("summary-blocked", &[("count", blocking.len().into())]) }</h2>
                    <ul>
                        { for blocking.iter().map(|(line, target)| match (target, &go_to_field) {
                            (Some((step, id)), Some(go)) => {
                                let go = go.go.clone();
                                let (step, id) = (*step, id.clone());
                                let onclick = Callback::from(move |event: MouseEvent| {
                                    event.prevent_default();
                                    go.emit((step, id.clone()));
                                });
                                html! { <li><a href={step.route().href()} {onclick}>{ line.clone() }</a></li> }
                            }
                            _ => html! { <li>{ line.clone() }</li> },
                        }) }
                    </ul>
                </div>
            }
            <button type="button" class="tk-button" id="finish-plan" disabled={!blocking.is_empty() || sending} onclick={on_finish}>
                { i18n.t("summary-finish") }
            </button>
            <div class="tk-status" role="status" aria-live="polite">{ status }</div>
        </div>
    }
}
