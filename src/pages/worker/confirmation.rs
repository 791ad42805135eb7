//! After finishing: the receipt, and the plan for the client to keep, as a page that prints cleanly
//! (print CSS hides everything else). It is drawn from the document as sent, which stays in memory only
//! until a new case is started.

use std::rc::Rc;

use tyokyky_engine::document::{Document, DocumentBody, Receipt};
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;
use crate::state::i18n::{I18n, Locale, Locales};
use crate::state::rules::SharedRules;
use crate::web::platform;

/// Props of [`PlanConfirmation`].
#[derive(Debug, Properties, PartialEq)]
pub struct PlanConfirmationProps {
    /// The plan as sent.
    pub document: Document,
    /// The inbox's receipt.
    pub receipt: Receipt,
    /// Start a new case.
    pub on_start_over: Callback<MouseEvent>,
}

/// A recorded due in words, as `messages` say it: it is a date (`YYYY-MM-DD`, written as `language`
/// writes dates) or a standard's name (`without_delay`).
fn due_words(messages: &I18n, language: tyokyky_engine::document::Language, due: &str) -> String {
    match tyokyky_engine::calendar::parse_date(due) {
        Ok(date) => messages.t_with(
            "due-by",
            &[("date", platform::format_date(language, date).into())],
        ),
        Err(_) => messages.t(&format!("due-{}", due.replace('_', "-"))),
    }
}

/// The receipt and the printable plan.
#[component]
pub fn PlanConfirmation(props: &PlanConfirmationProps) -> Html {
    let ui = use_i18n();
    let rules = use_context::<SharedRules>();
    let locales = use_context::<Locales>();
    let client_messages = use_state(|| None::<Rc<I18n>>);
    {
        let wanted = match &props.document.body {
            DocumentBody::ClientPlan(plan) => plan.case.client.language.map(Locale::from),
            _ => None,
        }
        .filter(|wanted| wanted.language() != ui.language());
        let locales = locales.clone();
        let client_messages = client_messages.clone();
        use_effect_with(wanted, move |wanted| {
            if let (Some(wanted), Some(locales)) = (*wanted, locales) {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(messages) = locales.load_worker(wanted).await {
                        client_messages.set(Some(messages));
                    }
                });
            }
        });
    }
    let DocumentBody::ClientPlan(plan) = &props.document.body else {
        return html! {};
    };
    // The worker reads the receipt in the interface's language; the client's plan is in the client's.
    let language = plan.case.client.language.unwrap_or(ui.language());
    let i18n = if language == ui.language() {
        ui.clone()
    } else {
        // Fetched when first needed (see the hook above); the interface's language until it arrives.
        locales
            .as_ref()
            .and_then(|locales| locales.get_worker(language.into()))
            .or_else(|| (*client_messages).clone())
            .unwrap_or_else(|| ui.clone())
    };
    let case = &plan.case;
    let service_name = |id: &str| {
        rules
            .as_ref()
            .and_then(|rules| {
                rules
                    .catalogue
                    .service(id)
                    .map(|service| i18n.document_text(&service.name))
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let received = platform::format_date_time(ui.language(), props.receipt.received_at);
    // The short reference a person can read aloud, as the inbox lists it (not the stored document's id).
    let reference = tyokyky_engine::contact::reference_code(&props.document.idempotency_key);
    // One button prints the client's plan, the other the professional record: the page is marked with
    // what to print for the print stylesheet, and unmarked after.
    let print = |record: bool| {
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else { return };
            let root = window
                .document()
                .and_then(|document| document.get_element_by_id("plan-receipt"));
            if let Some(root) = &root {
                let _ = root.set_attribute("data-print", if record { "record" } else { "plan" });
            }
            let _ = window.print();
            if let Some(root) = &root {
                let _ = root.remove_attribute("data-print");
            }
        })
    };
    let field_text = |key: &str| {
        tyokyky_engine::forms::worker::field(key)
            .map(|field| super::changes::answer_text(&i18n, field, &(field.read)(case)))
            .filter(|text| text != "–")
    };
    let co_worker = field_text("co_worker.profession");
    let named_profession = field_text("named_worker.profession");
    let revision = case.plan.revision.as_ref();
    // The professional record: every finding with its section, its wording and the day that chose it,
    // and the rules and catalogue that judged the plan.
    let status_text = |status: tyokyky_engine::eval::Status| {
        ui.t(match status {
            tyokyky_engine::eval::Status::Applies => "finding-applies",
            tyokyky_engine::eval::Status::Met => "finding-met",
            tyokyky_engine::eval::Status::Unmet => "finding-unmet",
            tyokyky_engine::eval::Status::NeedsFacts => "finding-needs-facts",
        })
    };
    let record = html! {
        <article class="tk-print-record" id="printable-record" lang={ui.language().tag().to_owned()}>
            <h2 class="tk-print-plan__title">{ ui.t("record-title") }</h2>
            <p>{ ui.t("sent-reference") }{ ": " }{ reference.clone() }{ " · " }{ received.clone() }</p>
            if let Some(revision) = revision {
                <p id="record-revision">{ ui.t_with("record-revision", &[
                    ("version", revision.version.to_string().into()),
                    ("reference", revision.supersedes_reference.clone().unwrap_or_else(|| revision.supersedes.to_string()).into()),
                    ("reason", revision.reason.as_str().to_owned().into()),
                ]) }</p>
            }
            <h3>{ ui.t("record-findings") }</h3>
            <ul class="tk-print-record__findings">
                { for plan.findings.iter().map(|finding| html! {
                    <li data-rule={finding.rule_id.clone()}>
                        <strong>{ status_text(finding.status) }</strong>{ " " }{ &finding.message }
                        { " (" }<span lang="fi" dir="ltr">{ &finding.cites }{ ", " }{ &finding.wording }</span>
                        if let Some(day) = finding.wording_on {
                            { ", " }{ platform::format_date(ui.language(), day) }
                        }
                        { "; " }{ &finding.rule_id }{ " " }{ finding.valid_from.to_string() }{ ")" }
                        if let Some(due) = &finding.due {
                            { " " }<strong>{ due_words(&ui, ui.language(), due) }</strong>
                        }
                    </li>
                }) }
            </ul>
            <p class="tk-print-plan__rules">{ ui.t_with("record-rules", &[
                ("name", plan.rules.name.clone().into()),
                ("version", plan.rules.version.clone().into()),
                ("hash", plan.rules.source_hash.clone().into()),
            ]) }</p>
        </article>
    };
    let deadlines: Vec<(String, String)> = plan
        .findings
        .iter()
        .filter(|finding| finding.kind == "deadline")
        .filter_map(|finding| {
            finding
                .due
                .as_deref()
                .map(|due| (finding.message.clone(), due_words(&i18n, language, due)))
        })
        .collect();
    let context = plan.context.as_ref().map(|context| {
        html! {
            <dl class="tk-panel__facts tk-print-plan__context">
                { for super::findings::context_lines(&i18n, context).into_iter().map(|(label, value)| html! {
                    <><dt>{ label }</dt><dd>{ value }</dd></>
                }) }
            </dl>
        }
    });
    html! {
        <div class="tk-confirmation" id="plan-receipt">
            <div class="tk-panel tk-no-print">
                <h1 class="tk-panel__title" tabindex="-1">{ ui.t("plan-sent-title") }</h1>
                <dl class="tk-panel__facts">
                    <dt>{ ui.t("sent-reference") }</dt>
                    <dd id="plan-receipt-id" class="tk-reference">{ reference.clone() }</dd>
                    <dt>{ ui.t("sent-received-at") }</dt>
                    <dd>{ received }</dd>
                </dl>
            </div>
            <div class="tk-no-print tk-pager">
                <button type="button" class="tk-button" id="print-plan" onclick={print(false)}>{ ui.t("plan-print") }</button>
                <button type="button" class="tk-button tk-button--secondary" id="print-record" onclick={print(true)}>{ ui.t("record-print") }</button>
                <button type="button" class="tk-button tk-button--secondary" onclick={props.on_start_over.clone()}>
                    { ui.t("plan-new-case") }
                </button>
                <a class="tk-button tk-button--secondary" id="plan-to-cases" href={crate::web::router::Route::WorkerCases.href()}>
                    { ui.t("worker-cases-title") }
                </a>
            </div>
            <article class="tk-print-plan" id="printable-plan" lang={language.tag().to_owned()}>
                <h2 class="tk-print-plan__title">{ i18n.t("worker-plan-title") }</h2>
                <p>{ i18n.t("sent-reference") }{ ": " }{ reference.clone() }{ " · " }{ platform::format_date_time(language, props.receipt.received_at) }</p>
                if let Some(revision) = revision {
                    <p>{ i18n.t_with("plan-version-line", &[("version", revision.version.to_string().into())]) }</p>
                }
                { for context }
                <h3>{ i18n.t("item-goals") }</h3>
                <p class="tk-print-plan__text">{ case.plan.items.goals.as_str() }</p>
                <h3>{ i18n.t("plan-services") }</h3>
                <ul>
                    { for case.plan.services.iter().map(|chosen| html! { <li>{ service_name(&chosen.service_id) }</li> }) }
                </ul>
                <h3>{ i18n.t("plan-partners") }</h3>
                <ul>
                    { for case.plan.partners.iter().map(|partner| html! {
                        <li>
                            { partner.name.as_str() }{ ": " }{ partner.responsibility.as_str() }
                            // For a joint plan, whether it goes to this partner and on what ground.
                            if case.plan.joint == Some(true) {
                                <span class="tk-print-plan__sharing" data-shared={partner.receives_joint_plan().to_string()}>
                                    { " (" }{ super::findings::sharing_text(&i18n, partner) }{ ")" }
                                </span>
                            }
                        </li>
                    }) }
                </ul>
                <h3>{ i18n.t("worker-named-worker-title") }</h3>
                <p>
                    { case.named_worker.worker.name.as_str() }
                    if let Some(profession) = named_profession { { ", " }{ profession } }
                </p>
                if let Some(co_worker) = co_worker {
                    <p>{ i18n.t("co-worker-legend") }{ ": " }{ co_worker }</p>
                }
                <p class="tk-print-plan__text">{ case.plan.items.meeting_frequency.as_str() }</p>
                <h3>{ i18n.t("findings-deadlines") }</h3>
                <ul>{ for deadlines.iter().map(|(message, due)| html! { <li>{ message }{ " " }<strong>{ due }</strong></li> }) }</ul>
                if let Some(review) = case.plan.review_dates.first() {
                    <h3>{ i18n.t("plan-review-date") }</h3>
                    <p>{ platform::format_date(language, *review) }</p>
                }
            </article>
            { record }
        </div>
    }
}
