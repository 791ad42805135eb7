//! The floor of a Yew page: one heading, eleven radio buttons with their state and one line that shows the
//! choice, built exactly as the app's bundles are (`bash bench/yew-floor.sh`). What any Yew-based public
//! path costs before its own screens, data and texts.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn Floor() -> Html {
    let answer = use_state(|| None::<u8>);
    let choose = |value: u8| {
        let answer = answer.clone();
        Callback::from(move |_| answer.set(Some(value)))
    };
    html! {
        <main>
            <h1>{ "Kysymys" }</h1>
            <form>
                { for (0..=10u8).map(|value| html! {
                    <label><input type="radio" name="q" onchange={choose(value)} />{ value.to_string() }</label>
                }) }
            </form>
            if let Some(value) = *answer { <p>{ value.to_string() }</p> }
        </main>
    }
}

/// Renders the page into `element`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    yew::Renderer::<Floor>::with_root(element).render();
}
