//! The worker-assisted flow: a professional and the client go through the case together, one step per
//! route, while the findings panel shows at once what the law requires of this case, each finding citing
//! its section. The case's state lives here, above the steps, so moving between steps (and the browser's
//! back and forward) keeps everything.

mod assessment;
mod cases;
mod changes;
mod confirmation;
pub mod drafts;
mod fields;
mod findings;
mod idle_lock;
mod named_worker;
mod opening;
mod plan;
mod request;
pub mod state;
mod summary;

use tyokyky_engine::case::Case;
use tyokyky_engine::forms::worker::{self, Step};
use yew::prelude::*;

use crate::app::CaseContextHandle;
use crate::components::findings_panel::{FindingsPanelProps, findings_panel};
use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_leave_guard::use_leave_guard;
use crate::hooks::use_outbox::use_outbox;
use crate::state::delivery::OutboxHandle;
use crate::state::rules::SharedRules;
use crate::web::router::{self, Route};
use crate::web::{platform, storage};
use assessment::AssessmentStep;
use confirmation::PlanConfirmation;
use named_worker::NamedWorkerStep;
use opening::CaseOpeningStep;
use plan::PlanStep;
use state::{WorkerAction, WorkerState};
use summary::SummaryStep;

/// A step of the worker flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerStep {
    /// How the case came in.
    Opening,
    /// The service-need assessment (36–37 §).
    Assessment,
    /// The client plan (39 §).
    Plan,
    /// The named worker (42 §).
    NamedWorker,
    /// Check and finish.
    Summary,
    /// The worker's list of drafts, plans and contact requests (not a step of the case).
    Cases,
}

impl WorkerStep {
    /// The steps in order.
    pub const ALL: [WorkerStep; 5] = [
        WorkerStep::Opening,
        WorkerStep::Assessment,
        WorkerStep::Plan,
        WorkerStep::NamedWorker,
        WorkerStep::Summary,
    ];

    /// The flow's step for a step of the engine's worker form.
    pub fn of(step: Step) -> WorkerStep {
        match step {
            Step::Opening => WorkerStep::Opening,
            Step::Assessment => WorkerStep::Assessment,
            Step::Plan => WorkerStep::Plan,
            Step::NamedWorker => WorkerStep::NamedWorker,
        }
    }

    fn route(self) -> Route {
        match self {
            WorkerStep::Opening => Route::Worker,
            WorkerStep::Assessment => Route::WorkerAssessment,
            WorkerStep::Plan => Route::WorkerPlan,
            WorkerStep::NamedWorker => Route::WorkerNamedWorker,
            WorkerStep::Summary => Route::WorkerSummary,
            WorkerStep::Cases => Route::WorkerCases,
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            WorkerStep::Opening => "worker-opening-title",
            WorkerStep::Assessment => "worker-assessment-title",
            WorkerStep::Plan => "worker-plan-title",
            WorkerStep::NamedWorker => "worker-named-worker-title",
            WorkerStep::Summary => "worker-summary-title",
            WorkerStep::Cases => "worker-cases-title",
        }
    }
}

/// The case being worked on, shared by the steps: it reads as the [`WorkerState`]; its `dispatch` hands
/// the finished plan to the outbox and leaves the case as it is while the plan is on its way.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerHandle {
    state: UseReducerHandle<WorkerState>,
    outbox: OutboxHandle,
}

impl std::ops::Deref for WorkerHandle {
    type Target = WorkerState;

    fn deref(&self) -> &WorkerState {
        &self.state
    }
}

impl WorkerHandle {
    /// Applies `action`, if [`WorkerState::takes`] it now.
    pub fn dispatch(&self, action: WorkerAction) {
        if !self.state.takes(&action, |key| self.outbox.status(key)) {
            return;
        }
        if let WorkerAction::Finish(document) = &action {
            self.outbox.send(document);
        }
        self.state.dispatch(action);
    }
}

/// The case of the surrounding [`WorkerFlow`].
#[hook]
pub fn use_worker() -> WorkerHandle {
    // Hooks run unconditionally; a step rendered on its own (as in a test) uses a case of its own.
    let own = use_reducer(|| WorkerState::new(platform::today()));
    let outbox = use_outbox();
    use_context::<WorkerHandle>().unwrap_or(WorkerHandle { state: own, outbox })
}

/// Where the case in progress is kept for the tab's life (`sessionStorage`), until it is delivered or
/// started over.
const CASE_KEY: &str = storage::WORKER_CASE_KEY;

/// Props of [`WorkerFlow`].
#[derive(Debug, Properties, PartialEq)]
pub struct WorkerFlowProps {
    /// The step to show.
    pub step: WorkerStep,
}

/// The worker flow at `step`: what the worker bundle's entry point hands the app as its
/// [`WorkerPages`](crate::app::WorkerPages).
pub fn page(
    step: WorkerStep,
    transport: crate::web::submit::Transport,
    open_plan: crate::app::OpenPlan,
    host: crate::web::host::Host,
    idle_seconds: u32,
) -> Html {
    html! { <WorkerRoot {step} {transport} {open_plan} {host} {idle_seconds} /> }
}

/// Props of [`WorkerRoot`].
#[derive(Debug, Properties, PartialEq)]
struct WorkerRootProps {
    step: WorkerStep,
    transport: crate::web::submit::Transport,
    open_plan: crate::app::OpenPlan,
    host: crate::web::host::Host,
    idle_seconds: u32,
}

/// The worker flow once its messages are at hand (fetched when it opens; a failure says so), posting and
/// reading through the host's transport.
#[component]
fn WorkerRoot(props: &WorkerRootProps) -> Html {
    let i18n = use_i18n();
    let locales = use_context::<crate::state::i18n::Locales>().unwrap_or_default();
    let messages = crate::hooks::use_locale::use_worker_messages(&locales, i18n.locale(), true);
    match messages {
        Some(Ok(with_worker)) => html! {
            <ContextProvider<std::rc::Rc<crate::state::i18n::I18n>> context={with_worker}>
            <ContextProvider<crate::web::submit::Transport> context={props.transport.clone()}>
            <ContextProvider<crate::app::OpenPlan> context={props.open_plan.clone()}>
                <idle_lock::IdleLock seconds={props.idle_seconds} host={props.host.clone()}>
                    <WorkerFlow step={props.step} />
                </idle_lock::IdleLock>
            </ContextProvider<crate::app::OpenPlan>>
            </ContextProvider<crate::web::submit::Transport>>
            </ContextProvider<std::rc::Rc<crate::state::i18n::I18n>>>
        },
        Some(Err(error)) => html! {
            <div class="tk-notice tk-notice--error" id="worker-messages-failed" role="alert">
                <p>{ i18n.t("worker-messages-failed") }</p>
                <p><code>{ error }</code></p>
            </div>
        },
        None => {
            html! { <p class="tk-lead" id="worker-loading" aria-busy="true">{ i18n.t("worker-loading") }</p> }
        }
    }
}

/// The flow: the steps' navigation, the current step's form and the findings panel.
#[component]
pub fn WorkerFlow(props: &WorkerFlowProps) -> Html {
    let i18n = use_i18n();
    let case_context = use_context::<CaseContextHandle>().unwrap_or_default();
    let rules = use_context::<SharedRules>();
    let outbox = use_outbox();
    let state = WorkerHandle {
        // A reload finds the case where it was (kept for the tab's life; a kiosk has no worker flow).
        // A draft that could not be saved before the browser closed waits in it and is saved now.
        state: use_reducer(|| {
            storage::session_get(CASE_KEY)
                .and_then(|text| WorkerState::from_kept(&text))
                .or_else(|| drafts::waiting().map(WorkerState::from_waiting))
                .unwrap_or_else(|| WorkerState::new(platform::today()))
        }),
        outbox: outbox.clone(),
    };
    {
        let unsaved = state.unsaved(platform::today());
        let kept = unsaved.then(|| state.kept());
        use_effect_with(kept, |kept| match kept {
            Some(text) => storage::session_set(CASE_KEY, text),
            None => storage::session_remove(CASE_KEY),
        });
        use_leave_guard(unsaved);
    }
    let step = props.step;
    drafts::use_draft_saving(&state, step);
    let transport = drafts::use_transport();
    // A revision continued from a draft (on another computer) reads the version it replaces again, for
    // what changed; a plan the host hands over (`openPlan`) is opened for review once.
    {
        let wanted = state
            .case
            .plan
            .revision
            .as_ref()
            .filter(|_| state.previous.is_none())
            .and_then(|revision| revision.supersedes_reference.clone());
        let (state, transport) = (state.clone(), transport.clone());
        use_effect_with(wanted, move |wanted| {
            if let Some(reference) = wanted.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(id) = cases::find_plan(&transport, &reference).await
                        && let Ok((case, _)) = cases::read_plan(&transport, &id).await
                    {
                        state.dispatch(WorkerAction::PreviousFound(std::rc::Rc::new(case)));
                    }
                });
            }
        });
    }
    {
        let handed = use_context::<crate::app::OpenPlan>().and_then(|open| open.0);
        let already = state
            .case
            .plan
            .revision
            .as_ref()
            .and_then(|revision| revision.supersedes_reference.clone());
        let (state, transport) = (state.clone(), transport.clone());
        use_effect_with(handed, move |handed| {
            let Some(reference) = handed.clone() else { return };
            // A reload while revising that plan goes on with the revision.
            if already.is_some_and(|already| already.eq_ignore_ascii_case(reference.trim())) {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(id) = cases::find_plan(&transport, &reference).await
                    && let Ok(action) = cases::open_plan(&transport, &id).await
                {
                    state.dispatch(action);
                }
            });
        });
    }
    // The field to focus once its step is shown (the route changes after the click, on `hashchange`).
    let pending_focus = use_state(|| None::<(WorkerStep, String)>);
    // Field messages appear once the summary has shown what stops finishing (as after a failed submit).
    let show_field_errors = use_state(|| false);
    // The case judged once per render; the field messages and the findings panel both read it.
    let facts = rules
        .as_ref()
        .map(|rules| state.case.facts(rules.rules.catalogue()));
    let outcome = match (&rules, &facts) {
        (Some(rules), Some(Ok(facts))) => Some(rules.rules.evaluate(facts)),
        _ => None,
    };
    let mut field_errors = std::collections::HashMap::new();
    let mut anything_blocks = false;
    if let Some(Ok(outcome)) = &outcome {
        for finding in outcome
            .findings
            .iter()
            .filter(|finding| finding.blocks_finishing())
        {
            anything_blocks = true;
            let fields: &[String] = match &finding.rule.then {
                tyokyky_engine::rule::Consequence::Requirement { fields, .. }
                | tyokyky_engine::rule::Consequence::Role { fields, .. } => fields,
                _ => &[],
            };
            for (target_step, id) in fields.iter().filter_map(|field| field_target(&state.case, field)) {
                if target_step == step {
                    field_errors
                        .entry(id)
                        .or_insert_with(|| i18n.document_text(&finding.rule.message));
                }
            }
        }
    }
    {
        let show_field_errors = show_field_errors.clone();
        use_effect_with((step, anything_blocks), move |(step, blocks)| {
            if *step == WorkerStep::Summary && *blocks {
                show_field_errors.set(true);
            }
        });
    }
    let field_errors = if *show_field_errors {
        FieldErrors {
            by_id: std::rc::Rc::new(field_errors),
        }
    } else {
        FieldErrors::default()
    };

    {
        // After a step is shown for a "go to field" link, move focus to that field; after any other step
        // change, to the step's heading, so a screen reader starts reading there (not on first load).
        use_focus_heading(pending_focus.is_none().then_some(step));
        let pending_focus = pending_focus.clone();
        use_effect_with((step, (*pending_focus).clone()), move |(step, target)| {
            if let Some((target_step, target)) = target
                && target_step == step
            {
                let field = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|d| d.get_element_by_id(target));
                if let Some(field) = field {
                    field.scroll_into_view();
                    if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                        let _ = field.focus();
                    }
                }
                pending_focus.set(None);
            }
        });
    }
    let go_to_field = {
        let pending_focus = pending_focus.clone();
        GoToField {
            go: Callback::from(move |(target, id): (WorkerStep, String)| {
                pending_focus.set(Some((target, id)));
                router::navigate(target.route());
            }),
        }
    };

    // Once the outbox has delivered the plan, the case leaves memory; the plan stays for printing.
    let delivered = state
        .plan
        .as_ref()
        .and_then(|plan| Some((plan.clone(), outbox.delivered(plan.idempotency_key)?)));
    {
        let receipt = delivered.as_ref().map(|(_, receipt)| receipt.clone());
        let state = state.clone();
        use_effect_with(receipt, move |receipt| {
            if let Some(receipt) = receipt {
                // The plan is delivered: its draft has served its purpose, here and on the backend.
                storage::remove(drafts::WAITING_KEY);
                if let Some(draft) = &state.draft {
                    let id = draft.id.to_string();
                    wasm_bindgen_futures::spawn_local(async move {
                        crate::web::backend::delete_draft(&transport, &id).await;
                    });
                }
                state.dispatch(WorkerAction::Delivered(receipt.clone()));
            }
        });
    }
    // The confirmation stays until a new case is started or the worker's list is opened.
    if let Some((document, receipt)) = delivered.filter(|_| step != WorkerStep::Cases) {
        let on_start_over = {
            let state = state.clone();
            Callback::from(move |_| {
                state.dispatch(WorkerAction::StartOver(platform::today()));
                router::navigate(Route::Worker);
            })
        };
        return html! {
            <ContextProvider<WorkerHandle> context={state.clone()}>
                <PlanConfirmation {document} {receipt} {on_start_over} />
            </ContextProvider<WorkerHandle>>
        };
    }

    let panel = match (&rules, &facts, &outcome) {
        (Some(rules), _, Some(Ok(outcome))) => {
            let (alerts, groups) =
                findings::for_step(&i18n, rules.rules.catalogue(), &state.case, outcome, step);
            findings_panel(&FindingsPanelProps {
                alerts,
                groups,
                texts: findings::texts(&i18n),
            })
        }
        (Some(_), _, Some(Err(_))) => html! {
            <aside class="tk-findings"><h2 class="tk-findings__title">{ i18n.t("findings-title") }</h2>
                <p id="findings-need-date">{ i18n.t("findings-need-opening-date") }</p></aside>
        },
        (Some(_), Some(Err(error)), None) => html! { <p class="tk-error-message">{ error.to_string() }</p> },
        _ => html! {},
    };

    let position = WorkerStep::ALL
        .iter()
        .position(|candidate| *candidate == step)
        .unwrap_or(0);
    let link = |target: WorkerStep, label: Html, class: &'static str| {
        html! { <a class={class} href={target.route().href()}>{ label }</a> }
    };
    let nav = html! {
        <nav class="tk-steps" aria-label={i18n.t("steps-label")}>
            <ol class="tk-steps__list">
                { for WorkerStep::ALL.iter().enumerate().map(|(index, target)| {
                    let label = format!("{}. {}", index + 1, i18n.t(target.title_key()));
                    if *target == step {
                        html! { <li class="tk-steps__item tk-steps__item--current" aria-current="step">{ label }</li> }
                    } else {
                        html! { <li class="tk-steps__item">{ link(*target, html! { { label } }, "tk-steps__link") }</li> }
                    }
                }) }
            </ol>
        </nav>
    };
    let previous = position
        .checked_sub(1)
        .and_then(|index| WorkerStep::ALL.get(index))
        .copied();
    let next = WorkerStep::ALL.get(position + 1).copied();
    // Unicode does not mirror the arrows: `.tk-arrow` turns them in a right-to-left language, where back
    // is to the right. Each label is one span, so that the button (a flex box) keeps the space in it.
    let pager = html! {
        <div class="tk-pager">
            if let Some(previous) = previous {
                { link(previous, html! { <span><span class="tk-arrow">{ "←" }</span>{ " " }{ i18n.t(previous.title_key()) }</span> }, "tk-button tk-button--secondary") }
            }
            if let Some(next) = next {
                { link(next, html! { <span>{ i18n.t(next.title_key()) }{ " " }<span class="tk-arrow">{ "→" }</span></span> }, "tk-button") }
            }
        </div>
    };

    // Whose case this is, as the host passed it; without it the flow is for trying out, and says so.
    let context = match &case_context.0 {
        Some(context) => html! {
            <dl class="tk-panel__facts tk-case-context" id="case-context">
                { for findings::context_lines(&i18n, context).into_iter().map(|(label, value)| html! {
                    <><dt>{ label }</dt><dd>{ value }</dd></>
                }) }
            </dl>
        },
        None => html! { <p class="tk-notice" id="case-context-missing">{ i18n.t("context-missing") }</p> },
    };

    html! {
        <ContextProvider<WorkerHandle> context={state.clone()}>
        <ContextProvider<GoToField> context={go_to_field}>
        <ContextProvider<FieldErrors> context={field_errors}>
            { context }
            if let Some(revision) = &state.case.plan.revision {
                <p class="tk-notice" id="revising">
                    { i18n.t_with("revising", &[
                        ("reference", revision.supersedes_reference.clone().unwrap_or_default().into()),
                        ("version", revision.version.to_string().into()),
                    ]) }
                </p>
            }
            <drafts::DraftNotice sync={state.draft.as_ref().map(|draft| (draft.sync.clone(), draft.version))}
                pending={state.draft_due(platform::today())}
                on_resolve={{
                    let state = state.clone();
                    Callback::from(move |resolution| state.dispatch(WorkerAction::Resolve(resolution)))
                }} />
            <p class="tk-cases-link"><a class="tk-link" id="worker-cases-link" href={Route::WorkerCases.href()}>{ i18n.t("worker-cases-link") }</a></p>
            if let Some(request) = state.request.clone().filter(|_| step == WorkerStep::Opening) {
                <request::RequestPanel {request} />
            }
            if step == WorkerStep::Cases {
                <cases::CasesList />
            } else {
            { nav }
            <div class="tk-worker">
                <div>
                    {
                        match step {
                            WorkerStep::Opening => html! { <CaseOpeningStep /> },
                            WorkerStep::Assessment => html! { <AssessmentStep /> },
                            WorkerStep::Plan => html! { <PlanStep /> },
                            WorkerStep::NamedWorker => html! { <NamedWorkerStep /> },
                            WorkerStep::Summary | WorkerStep::Cases => html! { <SummaryStep /> },
                        }
                    }
                    { pager }
                </div>
                { panel }
            </div>
            }
        </ContextProvider<FieldErrors>>
        </ContextProvider<GoToField>>
        </ContextProvider<WorkerHandle>>
    }
}

/// Where the form field for a fact is: its step and the id of the element to focus, from the field's
/// one declaration in the engine's worker form. Facts the worker flow does not ask for have none. A fact
/// counting partners (`partner-1-…`) points at the first partner it counts in `case`.
pub fn field_target(case: &Case, fact: &str) -> Option<(WorkerStep, String)> {
    let field = worker::field_of_fact(fact)?;
    let id = field.focus_id()?;
    let id = match (
        id.strip_prefix("partner-1-"),
        worker::partners_counted(case, fact).first(),
    ) {
        (Some(rest), Some((index, _))) => format!("partner-{}-{rest}", index + 1),
        _ => id,
    };
    Some((WorkerStep::of(field.step), id))
}

/// The messages to show at the fields of the current step (element id → message), once the worker has
/// seen on the summary what stops finishing. Empty before that.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldErrors {
    /// Element id → message.
    by_id: std::rc::Rc<std::collections::HashMap<String, String>>,
}

impl FieldErrors {
    /// The message for the field with this element id.
    pub fn get(&self, id: &str) -> Option<String> {
        self.by_id.get(id).cloned()
    }
}

/// The field errors of the surrounding flow (none outside it).
#[hook]
pub fn use_field_errors() -> FieldErrors {
    use_context::<FieldErrors>().unwrap_or_default()
}

/// Asks the flow to show a step and then focus one of its fields (the error-summary pattern).
#[derive(Debug, Clone, PartialEq)]
pub struct GoToField {
    /// Called with the step and the element id of the field.
    pub go: Callback<(WorkerStep, String)>,
}
