//! tyokyky: the Yew app. It renders forms, shows what the engine finds and posts documents; the law and
//! the document contract live in the `tyokyky-engine` crate, which knows nothing of the web.

pub mod app;
pub mod components;
pub mod config;
pub mod delivery;
pub mod embed;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod kiosk;
pub mod pages;
pub mod platform;
pub mod router;
pub mod rules;
pub mod storage;
pub mod submit;

pub use app::{App, AppProps};
