//! Entry point of the standalone app (what trunk builds and the inbox serves).

use tyokyky::{App, AppProps};
use tyokyky_engine::document::Language;

/// The first of the browser's preferred languages that the app speaks; Finnish otherwise.
fn preferred_language() -> Language {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Language::Fi;
    };
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Language::from_tag(&tag))
        .unwrap_or(Language::Fi)
}

fn main() {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let (mode, kiosk) = tyokyky::config::from_query(&query);
    let props = AppProps {
        owns_document: true,
        language: preferred_language(),
        mode,
        kiosk,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_props(props).render();
}
