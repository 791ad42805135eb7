//! Kiosk mode: after a spell without touch, key or input, a warning with a countdown and a "continue"
//! button; then a full wipe ([`crate::web::kiosk::wipe`]).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;
use crate::state::config::KioskTimings;
use crate::web::kiosk::{Wipe, wipe};

/// Props of [`KioskGuard`].
#[derive(Debug, Properties, PartialEq)]
pub struct KioskGuardProps {
    /// When to warn and wipe.
    pub timings: KioskTimings,
    /// How the wipe ends the visit.
    pub wipe: Wipe,
}

/// The guard with `timings` and `wipe` for the visit numbered `visit` (a new visit starts it afresh): what
/// the public bundle's entry point hands the app ([`crate::app::CitizenPages`]), so the worker bundle
/// leaves the kiosk out.
pub fn guard(timings: KioskTimings, wipe: Wipe, visit: u32) -> Html {
    html! { <KioskGuard key={visit} {timings} {wipe} /> }
}

/// Watches for inactivity; shows the warning and wipes when the time is up.
#[component]
pub fn KioskGuard(props: &KioskGuardProps) -> Html {
    let i18n = use_i18n();
    // Seconds since the last activity; a tick every second.
    let idle = use_state(|| 0u32);
    let counter = use_memo((), |_| Rc::new(Cell::new(0u32)));
    {
        let idle = idle.clone();
        let counter = (*counter).clone();
        let timings = props.timings;
        let how = props.wipe.clone();
        crate::web::kiosk::set_current(&how);
        use_effect_with(timings, move |timings| {
            let timings = *timings;
            let reset = {
                let counter = counter.clone();
                let idle = idle.clone();
                move || {
                    // Activity during the warning does not dismiss it: only "continue" does.
                    if counter.get() + timings.warning_seconds < timings.idle_seconds {
                        counter.set(0);
                        idle.set(0);
                    }
                }
            };
            let listeners: Vec<EventListener> = web_sys::window()
                .map(|window| {
                    ["pointerdown", "keydown", "input", "touchstart", "wheel"]
                        .into_iter()
                        .map(|name| {
                            let reset = reset.clone();
                            EventListener::new(&window, name, move |_| reset())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let ticker = Interval::new(1000, move || {
                let seconds = counter.get() + 1;
                counter.set(seconds);
                idle.set(seconds);
                if seconds >= timings.idle_seconds {
                    wipe(&how);
                }
            });
            move || {
                drop(ticker);
                drop(listeners);
            }
        });
    }
    let warning_from = props.timings.idle_seconds - props.timings.warning_seconds;
    let warning = *idle >= warning_from && props.timings.warning_seconds > 0;
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(warning, move |warning| {
            // While the warning shows, the page behind it is inert: no focus, no clicks, not read out.
            let document = web_sys::window().and_then(|window| window.document());
            for selector in [".tk-header", "#main", ".tk-kiosk-bar", ".tk-footer"] {
                if let Some(element) = document
                    .as_ref()
                    .and_then(|document| document.query_selector(selector).ok().flatten())
                {
                    let _ = if *warning {
                        element.set_attribute("inert", "")
                    } else {
                        element.remove_attribute("inert")
                    };
                }
            }
            if *warning && let Some(element) = dialog.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let on_continue = {
        let idle = idle.clone();
        let counter = (*counter).clone();
        Callback::from(move |_: MouseEvent| {
            counter.set(0);
            idle.set(0);
        })
    };
    let on_start_over = {
        let how = props.wipe.clone();
        Callback::from(move |_: MouseEvent| wipe(&how))
    };
    let left = props.timings.idle_seconds.saturating_sub(*idle);
    html! {
        <>
            if warning {
                <div class="tk-overlay">
                    <div class="tk-dialog" id="kiosk-warning" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-text"
                        tabindex="-1" ref={dialog}>
                        <h2 class="tk-dialog__title" id="kiosk-warning-title">{ i18n.t("kiosk-warning-title") }</h2>
                        <p id="kiosk-warning-text">
                            { i18n.t_with("kiosk-warning-text", &[("seconds", left.into())]) }
                        </p>
                        <p class="tk-countdown" id="kiosk-countdown" aria-hidden="true">{ left }</p>
                        <div class="tk-actions">
                            <button type="button" id="kiosk-continue" class="tk-button" onclick={on_continue}>
                                { i18n.t("kiosk-continue") }
                            </button>
                            <button type="button" class="tk-button tk-button--secondary" onclick={on_start_over}>
                                { i18n.t("kiosk-wipe") }
                            </button>
                        </div>
                    </div>
                </div>
            }
        </>
    }
}
