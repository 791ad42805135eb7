//! The worker flow's lock on a shared computer: after a spell without touch, key or input the flow is
//! taken off the screen (its DOM is gone, not hidden) and a lock screen says why; "continue" brings it
//! back from the tab's storage, where the case in progress is kept. The host page hears `tyokyky:locked`
//! and may ask the worker to sign in again, or sign out (`signOut()`), before the flow shows again. The
//! kiosk has its own wipe instead ([`crate::components::kiosk_guard`]).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;
use crate::web::host::Host;

/// Props of [`IdleLock`].
#[derive(Debug, Properties, PartialEq)]
pub struct IdleLockProps {
    /// Seconds without activity before the lock (0: never).
    pub seconds: u32,
    /// The host page to tell.
    pub host: Host,
    /// What the lock covers.
    pub children: Html,
}

/// Shows `children` until `seconds` pass without activity, then the lock screen (nothing of the case)
/// until "continue". One component with the lock screen inside: a component of its own would weigh on
/// the bundle more than its few lines.
#[component]
pub fn IdleLock(props: &IdleLockProps) -> Html {
    let i18n = use_i18n();
    let locked = use_state(|| false);
    let heading = use_node_ref();
    {
        let locked = locked.clone();
        let host = props.host.clone();
        let heading = heading.clone();
        use_effect_with((props.seconds, *locked), move |&(seconds, is_locked)| {
            // A screen reader starts on the lock's heading, as on any new screen.
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
            let watching = (seconds > 0 && !is_locked).then(|| {
                // Each activity sets the timer afresh; when it runs out, the flow locks.
                let timer = Rc::new(RefCell::new(None::<Timeout>));
                let arm = Rc::new(move || {
                    let locked = locked.clone();
                    let host = host.clone();
                    *timer.borrow_mut() = Some(Timeout::new(seconds.saturating_mul(1000), move || {
                        host.emit("locked", &serde_json::json!({ "idle_seconds": seconds }));
                        locked.set(true);
                    }));
                });
                arm();
                web_sys::window()
                    .map(|window| {
                        ["pointerdown", "keydown", "input", "touchstart", "wheel"]
                            .into_iter()
                            .map(|name| {
                                let arm = arm.clone();
                                EventListener::new(&window, name, move |_| arm())
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            });
            move || drop(watching)
        });
    }
    if !*locked {
        return props.children.clone();
    }
    let unlock = Callback::from(move |_| locked.set(false));
    // As text: a number argument would bring Fluent's number formatting and plural rules into the bundle
    // for this one message.
    let minutes = props.seconds.div_ceil(60).to_string();
    html! {
        <section class="tk-card" id="idle-lock">
            <h1 class="tk-title" id="screen-heading" tabindex="-1" ref={heading}>{ i18n.t("worker-locked-title") }</h1>
            <p>{ i18n.t_with("worker-locked-text", &[("minutes", minutes.into())]) }</p>
            <button type="button" class="tk-button" id="idle-unlock" onclick={unlock}>
                { i18n.t("worker-locked-continue") }
            </button>
        </section>
    }
}
