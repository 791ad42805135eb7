//! The route of the page's hash ([`crate::web::router`]), updated when it changes.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::web::router::{Route, current};

/// The route of the page's hash, updated when it changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, "hashchange", move |_| route.set(current())));
            move || drop(listener)
        });
    }
    *route
}
