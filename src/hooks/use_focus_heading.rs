//! Focus on the screen's heading after the screen changes.

use yew::prelude::*;

/// Moves focus to `#screen-heading` each time the screen shown changes, so that a screen reader starts
/// reading the new screen there; not on first render, so that a page with the component in it keeps its
/// own focus when it loads. `screen` is `None` while another element is about to take focus (a "go to
/// this field" link): the screen shown then is not announced, and the next change is.
#[hook]
pub fn use_focus_heading<T>(screen: Option<T>)
where
    T: PartialEq + Clone + 'static,
{
    let shown = use_mut_ref(|| screen.clone());
    use_effect_with(screen, move |screen| {
        let changed = matches!((&*shown.borrow(), screen), (Some(before), Some(now)) if before != now);
        *shown.borrow_mut() = screen.clone();
        if !changed {
            return;
        }
        let heading = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("screen-heading"))
            .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok());
        if let Some(heading) = heading {
            let _ = heading.focus();
        }
    });
}
