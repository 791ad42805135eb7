//! The worker's list: the drafts saved with this credential, the finished plans with their versions and
//! review dates, and the contact requests waiting, newest first, each with its short reference, read from
//! the backend. A draft opens where it was left; the list says when the backend keeps no drafts or cannot
//! be reached.

use std::rc::Rc;

use serde_json::Value;
use tyokyky_engine::documents::envelope::rfc3339;
use yew::prelude::*;

use super::drafts::use_transport;
use super::state::WorkerAction;
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;
use crate::web::backend::{self, Failure};
use crate::web::platform;
use crate::web::router::{self, Route};

/// One list as read: its items (newest first), or why it could not be read.
type Listing = Option<Result<Vec<Value>, Failure>>;

/// The items of a listing's JSON (`documents` or `drafts`), newest first.
fn items(text: &str, key: &str, newest_last: bool) -> Result<Vec<Value>, Failure> {
    let value: Value = serde_json::from_str(text).map_err(|_| Failure::NotSupported)?;
    let mut items = value[key].as_array().cloned().ok_or(Failure::NotSupported)?;
    if newest_last {
        items.reverse();
    }
    Ok(items)
}

/// The worker's list.
#[component]
pub fn CasesList() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let transport = use_transport();
    let drafts = use_state(|| None as Listing);
    let plans = use_state(|| None as Listing);
    let requests = use_state(|| None as Listing);
    let opening = use_state(|| None::<Failure>);
    {
        let (drafts, plans, requests, transport) =
            (drafts.clone(), plans.clone(), requests.clone(), transport.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let text = backend::get(&transport, "drafts", true).await;
                drafts.set(Some(text.and_then(|text| items(&text, "drafts", false))));
                for (kind, target) in [("client_plan", plans), ("contact_request", requests)] {
                    let text =
                        backend::get(&transport, &format!("documents?kind={kind}&limit=500"), true).await;
                    target.set(Some(text.and_then(|text| items(&text, "documents", true))));
                }
            });
        });
    }
    let language = i18n.language();
    let time = |value: &Value| {
        value
            .as_str()
            .and_then(rfc3339::parse)
            .map(|time| platform::format_date_time(language, time))
            .unwrap_or_default()
    };
    let failed = |failure: &Failure| match failure {
        Failure::NotSupported => i18n.t("cases-not-supported"),
        Failure::Unreachable => i18n.t("cases-unreachable"),
        Failure::Refused(message) => i18n.t_with("cases-refused", &[("message", message.clone().into())]),
        Failure::NotFound => i18n.t("cases-not-found"),
        Failure::Conflict { .. } => i18n.t("cases-unreachable"),
    };
    let section = |id: &'static str,
                   title: String,
                   empty: String,
                   listing: &Listing,
                   row: &dyn Fn(usize, &Value) -> Html| {
        html! {
            <section class="tk-panel tk-cases" {id} aria-labelledby={format!("{id}-title")}>
                <h2 class="tk-panel__title" id={format!("{id}-title")}>{ title }</h2>
                {
                    match listing {
                        None => html! { <p aria-busy="true">{ i18n.t("cases-loading") }</p> },
                        Some(Err(failure)) => html! { <p class="tk-notice" role="status">{ failed(failure) }</p> },
                        Some(Ok(items)) if items.is_empty() => html! { <p>{ empty }</p> },
                        Some(Ok(items)) => html! {
                            <ul class="tk-cases__list">{ for items.iter().enumerate().map(|(index, item)| row(index, item)) }</ul>
                        },
                    }
                }
            </section>
        }
    };

    // Every "open" reads from the backend and opens what it read as the case, or says on the list why not.
    let open = |what: Open| {
        let (state, transport, opening) = (state.clone(), transport.clone(), opening.clone());
        Callback::from(move |_| open_with(&state, &transport, &opening, what.clone()))
    };
    let draft_row = |index: usize, item: &Value| {
        let id = item["draft_id"].as_str().unwrap_or_default().to_owned();
        let label = i18n.t_with(
            "cases-draft",
            &[
                ("reference", id.get(..8).unwrap_or_default().to_uppercase().into()),
                (
                    "version",
                    item["version"].as_u64().unwrap_or_default().to_string().into(),
                ),
                ("saved", time(&item["saved_at"]).into()),
            ],
        );
        html! {
            <li class="tk-cases__item">
                <span>{ label }</span>
                <button type="button" class="tk-button tk-button--secondary" id={format!("open-draft-{index}")}
                    data-draft={id.clone()} onclick={open(Open::Draft(id))}>{ i18n.t("cases-open-draft") }</button>
            </li>
        }
    };
    let plan_row = |index: usize, item: &Value| {
        let mut label = i18n.t_with(
            "cases-plan",
            &[
                (
                    "reference",
                    item["reference"].as_str().unwrap_or_default().to_owned().into(),
                ),
                (
                    "version",
                    item["plan_version"].as_u64().unwrap_or(1).to_string().into(),
                ),
                ("received", time(&item["received_at"]).into()),
            ],
        );
        if let Some(review) = item["review_date"].as_str() {
            label.push_str(" · ");
            label.push_str(&i18n.t_with("cases-review", &[("date", review.to_owned().into())]));
        }
        let id = item["document_id"].as_str().unwrap_or_default().to_owned();
        html! {
            <li class="tk-cases__item">
                <span>{ label }</span>
                <button type="button" class="tk-button tk-button--secondary" id={format!("revise-plan-{index}")}
                    data-document={id.clone()} onclick={open(Open::Plan(id))}>{ i18n.t("cases-revise") }</button>
            </li>
        }
    };
    let reference = use_state(String::new);
    let by_reference = {
        let (state, transport, opening, reference) = (
            state.clone(),
            transport.clone(),
            opening.clone(),
            reference.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let wanted = Open::Reference(reference.trim().to_owned());
            open_with(&state, &transport, &opening, wanted);
        })
    };
    let on_reference = {
        let reference = reference.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                reference.set(input.value());
            }
        })
    };
    let request_row = |index: usize, item: &Value| {
        let label = i18n.t_with(
            "cases-request",
            &[
                (
                    "reference",
                    item["reference"].as_str().unwrap_or_default().to_owned().into(),
                ),
                ("received", time(&item["received_at"]).into()),
            ],
        );
        let label = if item["urgent"].as_bool() == Some(true) {
            format!("{label} · {}", i18n.t("request-urgent"))
        } else {
            label
        };
        let id = item["document_id"].as_str().unwrap_or_default().to_owned();
        html! {
            <li class="tk-cases__item">
                <span>{ label }</span>
                <button type="button" class="tk-button tk-button--secondary" id={format!("open-request-{index}")}
                    data-document={id.clone()} onclick={open(Open::Request(id))}>{ i18n.t("cases-open-request") }</button>
            </li>
        }
    };
    let new_case = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(WorkerAction::StartOver(platform::today()));
            router::navigate(Route::Worker);
        })
    };
    html! {
        <div class="tk-worker__form" id="worker-cases">
            <h1 class="tk-title" tabindex="-1">{ i18n.t("worker-cases-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-cases-lead") }</p>
            <button type="button" class="tk-button" id="new-case" onclick={new_case}>{ i18n.t("cases-new") }</button>
            if let Some(failure) = &*opening {
                <p class="tk-notice tk-notice--error" role="alert" id="open-failed">{ failed(failure) }</p>
            }
            <form class="tk-cases__reference" id="open-by-reference" onsubmit={by_reference}>
                <label class="tk-label" for="plan-reference">{ i18n.t("cases-reference-label") }</label>
                <input class="tk-input tk-input--short" id="plan-reference" type="text" autocomplete="off"
                    value={(*reference).clone()} oninput={on_reference} />
                <button type="submit" class="tk-button tk-button--secondary" id="open-reference">{ i18n.t("cases-revise") }</button>
            </form>
            { section("cases-drafts", i18n.t("cases-drafts-title"), i18n.t("cases-drafts-empty"), &drafts, &draft_row) }
            { section("cases-plans", i18n.t("cases-plans-title"), i18n.t("cases-plans-empty"), &plans, &plan_row) }
            { section("cases-requests", i18n.t("cases-requests-title"), i18n.t("cases-requests-empty"), &requests, &request_row) }
        </div>
    }
}

/// `text` made safe for a query parameter (a short reference has letters, digits and a dash; anything
/// else is escaped).
fn url_part(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

/// What an "open" on the list opens, by the backend's id (or, for a plan, the short reference).
#[derive(Debug, Clone)]
enum Open {
    /// A draft, where it was left.
    Draft(String),
    /// A finished plan, for review.
    Plan(String),
    /// A finished plan named by its short reference, for review.
    Reference(String),
    /// A contact request, as a new case.
    Request(String),
}

/// Reads `what` and opens it: the case goes to the flow, which shows its first step; a failure is shown
/// on the list.
fn open_with(
    state: &super::WorkerHandle,
    transport: &crate::web::submit::Transport,
    opening: &UseStateHandle<Option<Failure>>,
    what: Open,
) {
    let (state, transport, opening) = (state.clone(), transport.clone(), opening.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match action_for(&transport, what).await {
            Ok(action) => {
                state.dispatch(action);
                router::navigate(Route::Worker);
            }
            Err(failure) => opening.set(Some(failure)),
        }
    });
}

/// The action that opens `what`, read from the backend.
async fn action_for(transport: &crate::web::submit::Transport, what: Open) -> Result<WorkerAction, Failure> {
    match what {
        Open::Draft(id) => {
            let text = backend::get(transport, &format!("drafts/{id}"), false).await?;
            let draft = super::drafts::draft_of(&text).ok_or(Failure::NotSupported)?;
            Ok(WorkerAction::OpenDraft {
                id: draft.draft_id,
                version: draft.version,
                case: Rc::new(draft.case),
            })
        }
        Open::Plan(id) => open_plan(transport, &id).await,
        Open::Reference(reference) => open_plan(transport, &find_plan(transport, &reference).await?).await,
        Open::Request(id) => Ok(WorkerAction::FromRequest(Rc::new(
            read_request(transport, &id).await?,
        ))),
    }
}

/// The stored document `id` as the backend gives it (`{document, received_at, …}`), and the document's
/// idempotency key.
async fn stored(transport: &crate::web::submit::Transport, id: &str) -> Result<(Value, uuid::Uuid), Failure> {
    let text = backend::get(transport, &format!("documents/{id}"), false).await?;
    let stored: Value = serde_json::from_str(&text).map_err(|_| Failure::NotSupported)?;
    let key = stored["document"]["idempotency_key"]
        .as_str()
        .and_then(|key| uuid::Uuid::parse_str(key).ok())
        .ok_or(Failure::NotSupported)?;
    Ok((stored, key))
}

/// The stored plan `id`: its case and its idempotency key.
pub async fn read_plan(
    transport: &crate::web::submit::Transport,
    id: &str,
) -> Result<(tyokyky_engine::case::Case, uuid::Uuid), Failure> {
    let (stored, key) = stored(transport, id).await?;
    let case = serde_json::from_value(stored["document"]["answers"]["case"].clone())
        .map_err(|_| Failure::NotSupported)?;
    Ok((case, key))
}

/// The backend's id of the plan with the short `reference` (as a person reads it out).
pub async fn find_plan(
    transport: &crate::web::submit::Transport,
    reference: &str,
) -> Result<String, Failure> {
    let path = format!(
        "documents?kind=client_plan&reference={}",
        url_part(reference.trim())
    );
    let text = backend::get(transport, &path, true).await?;
    items(&text, "documents", false)?
        .first()
        .and_then(|item| item["document_id"].as_str().map(str::to_owned))
        .ok_or(Failure::NotFound)
}

/// Reads the stored plan `id` and makes the action that revises it.
pub async fn open_plan(transport: &crate::web::submit::Transport, id: &str) -> Result<WorkerAction, Failure> {
    let (case, supersedes) = read_plan(transport, id).await?;
    Ok(WorkerAction::Revise {
        previous: Rc::new(case),
        supersedes,
        // The short reference is made from the key, as the person was shown it (any backend's listing agrees).
        reference: Some(tyokyky_engine::contact::reference_code(&supersedes)),
        today: platform::today(),
    })
}

/// Reads the stored contact request `id` as a case opened from it shows it.
async fn read_request(
    transport: &crate::web::submit::Transport,
    id: &str,
) -> Result<super::state::RequestView, Failure> {
    let (stored, key) = stored(transport, id).await?;
    let received_on = stored["received_at"]
        .as_str()
        .and_then(rfc3339::parse)
        .map_or_else(platform::today, platform::local_date);
    Ok(super::state::RequestView {
        key,
        reference: tyokyky_engine::contact::reference_code(&key),
        received_on,
        answers: stored["document"]["answers"].clone(),
    })
}
