//! The case saved as a draft while it is made: a save a moment after the last change and on every change
//! of step, each the next version of one draft on the backend. While the backend cannot be reached the
//! draft waits in this browser (`localStorage`) and is saved when it can be; once saved, nothing of it
//! stays there. A save that finds the draft changed on another computer stops, and the worker chooses
//! which version stays ([`DraftNotice`]).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use tyokyky_engine::case::Case;
use tyokyky_engine::documents::draft::Draft;
use uuid::Uuid;
use yew::prelude::*;

use super::WorkerHandle;
use super::WorkerStep;
use super::state::{DraftSync, Resolution, WorkerAction};
use crate::hooks::use_i18n::use_i18n;
use crate::web::backend::{self, Failure};
use crate::web::submit::Transport;
use crate::web::{platform, storage};

/// Where a draft that could not be saved waits in this browser until it is (removed once saved).
pub const WAITING_KEY: &str = storage::WORKER_DRAFT_WAITING_KEY;

/// How long after the last change the draft is saved (a change of step saves at once).
const QUIET_MS: u32 = 1_500;
/// How long to wait before trying again while the backend cannot be reached.
const RETRY_MS: u32 = 5_000;

/// The draft that waits in this browser, if any: its id, version and case.
pub fn waiting() -> Option<Draft> {
    draft_of(&storage::get(WAITING_KEY)?)
}

/// A draft read from its JSON. Read through `serde_json::Value`, as every typed reader of the worker
/// flow is: each reader compiled for another input would add its own copy of the case's decoder.
#[inline(never)]
pub fn draft_of(text: &str) -> Option<Draft> {
    serde_json::from_value(serde_json::from_str(text).ok()?).ok()
}

/// The transport the host configured (documents, drafts and reads share its address and headers).
#[hook]
pub fn use_transport() -> Transport {
    use_context::<Transport>().unwrap_or_else(|| Transport::new("/api/documents"))
}

/// Saves the case as a draft when it is due ([`super::state::WorkerState::draft_due`]): a moment after the
/// last change, at once when the step changes, and again every few seconds while the backend cannot be
/// reached. One save runs at a time.
#[hook]
pub fn use_draft_saving(state: &WorkerHandle, step: WorkerStep) {
    let transport = use_transport();
    let timer = use_mut_ref(|| None::<Timeout>);
    let in_flight = use_mut_ref(|| false);
    let last_step = use_mut_ref(|| step);
    let due = state.draft_due(platform::today());
    let waiting = matches!(
        state.draft.as_ref().map(|draft| &draft.sync),
        Some(DraftSync::Waiting)
    );
    // The version and the failed tries so far: each answer from the backend changes one of them, so the
    // effect runs again after every save, successful or not.
    let version = state.draft.as_ref().map(|draft| (draft.version, draft.failures));
    let state = state.clone();
    use_effect_with(
        (state.case.clone(), version, waiting, due, step),
        move |(_, version, waiting, due, step)| {
            let stepped = *last_step.borrow() != *step;
            *last_step.borrow_mut() = *step;
            if !*due {
                timer.borrow_mut().take();
                return;
            }
            let failures = version.map_or(0, |(_, failures)| failures);
            let delay = match (stepped, *waiting) {
                (true, _) => 0,
                // Longer after each failure in a row, up to half a minute.
                (false, true) => RETRY_MS * failures.clamp(1, 6),
                (false, false) => QUIET_MS,
            };
            let in_flight = in_flight.clone();
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                if *in_flight.borrow() {
                    return;
                }
                *in_flight.borrow_mut() = true;
                wasm_bindgen_futures::spawn_local(async move {
                    save(&state, &transport).await;
                    *in_flight.borrow_mut() = false;
                });
            }));
        },
    );
}

/// Saves the case as the draft's next version and tells the state how it went.
async fn save(state: &WorkerHandle, transport: &Transport) {
    let case: Rc<Case> = Rc::new(state.case.clone());
    let (id, version) = match &state.draft {
        Some(draft) => (draft.id, draft.version + 1),
        None => (platform::new_key(), 1),
    };
    let draft = Draft {
        draft_id: id,
        version,
        saved_at: chrono::Utc::now(),
        case: (*case).clone(),
    };
    let Ok(json) = serde_json::to_string(&draft) else {
        return;
    };
    match backend::put_draft(transport, &id.to_string(), json.clone()).await {
        Ok(()) => {
            storage::remove(WAITING_KEY);
            state.dispatch(WorkerAction::DraftSaved { id, version, case });
        }
        Err(Failure::Conflict { gap: true }) => {
            let latest = latest(transport, id).await.map_or(0, |draft| draft.version);
            state.dispatch(WorkerAction::DraftRebase { latest });
        }
        Err(Failure::Conflict { gap: false }) => match latest(transport, id).await {
            Some(theirs) if theirs.case == *case => {
                // The other computer saved exactly this case: nothing to choose.
                state.dispatch(WorkerAction::DraftSaved {
                    id,
                    version: theirs.version,
                    case,
                });
            }
            Some(theirs) => state.dispatch(WorkerAction::DraftConflict {
                latest: theirs.version,
                theirs: Rc::new(theirs.case),
            }),
            None => state.dispatch(WorkerAction::DraftNotSaved {
                id,
                sync: DraftSync::Waiting,
            }),
        },
        Err(Failure::Unreachable) => {
            storage::set(WAITING_KEY, &json);
            state.dispatch(WorkerAction::DraftNotSaved {
                id,
                sync: DraftSync::Waiting,
            });
        }
        Err(Failure::NotSupported) => state.dispatch(WorkerAction::DraftNotSaved {
            id,
            sync: DraftSync::NotSupported,
        }),
        Err(Failure::Refused(message)) => state.dispatch(WorkerAction::DraftNotSaved {
            id,
            sync: DraftSync::Refused(message),
        }),
        Err(Failure::NotFound) => state.dispatch(WorkerAction::DraftNotSaved {
            id,
            sync: DraftSync::NotSupported,
        }),
    }
}

/// The newest version of draft `id` on the backend.
async fn latest(transport: &Transport, id: Uuid) -> Option<Draft> {
    let text = backend::get(transport, &format!("drafts/{id}"), false)
        .await
        .ok()?;
    draft_of(&text)
}

/// Props of [`DraftNotice`].
#[derive(Debug, PartialEq, Properties)]
pub struct DraftNoticeProps {
    /// How the last save went, and the version saved (`None`: nothing tried yet).
    pub sync: Option<(DraftSync, u32)>,
    /// Whether the case has changed since (it is saved in a moment).
    pub pending: bool,
    /// The worker's choice in a conflict.
    pub on_resolve: Callback<Resolution>,
}

/// Where the draft stands, in one line, and the choice when it was changed on another computer.
#[component]
pub fn DraftNotice(props: &DraftNoticeProps) -> Html {
    let i18n = use_i18n();
    let Some((sync, version)) = &props.sync else {
        return html! {};
    };
    let version = version.to_string();
    let line = |id: &'static str, class: &'static str, text: String| {
        html! { <p {id} class={classes!("tk-draft-status", class)} role="status">{ text }</p> }
    };
    match sync {
        DraftSync::Saved if props.pending => line("draft-saving", "", i18n.t("draft-saving")),
        DraftSync::Saved => line(
            "draft-saved",
            "",
            i18n.t_with("draft-saved", &[("version", version.into())]),
        ),
        DraftSync::Waiting => line("draft-waiting", "tk-notice", i18n.t("draft-waiting")),
        DraftSync::NotSupported => line("draft-not-supported", "tk-notice", i18n.t("draft-not-supported")),
        DraftSync::Refused(message) => line(
            "draft-refused",
            "tk-notice tk-notice--error",
            i18n.t_with("draft-refused", &[("message", message.clone().into())]),
        ),
        DraftSync::Conflict { latest, .. } => {
            let choose = |resolution: Resolution| {
                let on_resolve = props.on_resolve.clone();
                Callback::from(move |_| on_resolve.emit(resolution))
            };
            html! {
                <div class="tk-notice tk-notice--error" id="draft-conflict" role="alert">
                    <p>{ i18n.t_with("draft-conflict", &[("version", latest.to_string().into())]) }</p>
                    <div class="tk-pager">
                        <button type="button" class="tk-button" id="keep-mine" onclick={choose(Resolution::KeepMine)}>
                            { i18n.t_with("draft-keep-mine", &[("version", (latest + 1).to_string().into())]) }
                        </button>
                        <button type="button" class="tk-button tk-button--secondary" id="take-theirs" onclick={choose(Resolution::TakeTheirs)}>
                            { i18n.t("draft-take-theirs") }
                        </button>
                    </div>
                </div>
            }
        }
    }
}
