//! tyokyky: the Yew app. It renders forms, shows what the engine finds and posts documents; the law and
//! the document contract live in the `tyokyky-engine` crate, which knows nothing of the web.
//!
//! The app is layered; each layer uses only the ones below it:
//!
//! | layer | modules | what it does |
//! |---|---|---|
//! | views | [`app`], [`pages`], [`components`] | the root component; one module per screen, each owning its state through a reducer; components that display what they are given or read through a hook, and run no requests |
//! | hooks | [`hooks`] | how views reach shared state: the language, the route, the outbox, focus |
//! | app state and data | [`state`] | the rules, the catalogue and the questionnaire; the UI text; the app's settings; the delivery queue and its runner |
//! | browser glue | [`web`] | the browser and the host page: mounting, the host's events, kiosk wiping, hash routes, posting documents, `localStorage`, dates and random keys |
//!
//! Under all of them is the engine, which judges a case and defines the documents. The one module that
//! reaches up is [`web::embed`], the entry point: it reads a host page's settings and mounts the [`App`].

/// `Debug` and `PartialEq` for what a bundle's entry point hands the app as functions (its pages, its
/// rules, its way of sealing): a bundle has one of each, so any two compare equal, and `Debug` names the
/// type.
macro_rules! one_per_bundle {
    ($($ty:ident),* $(,)?) => {$(
        impl std::fmt::Debug for $ty {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str(stringify!($ty))
            }
        }

        impl PartialEq for $ty {
            fn eq(&self, _: &$ty) -> bool {
                true
            }
        }
    )*};
}

pub mod app;
pub mod components;
pub mod hooks;
pub mod pages;
pub mod state;
pub mod web;

pub use app::{App, AppProps};
// The paths the binary (`src/main.rs`) and the browser tests (`tests/browser.rs`) name.
pub use state::{i18n, rules};
pub use web::{embed, submit};
