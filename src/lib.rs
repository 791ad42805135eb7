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
