//! The language switch: each language named in itself, with its own `lang`.

use yew::prelude::*;

use crate::state::i18n::Locale;

/// Buttons for every offered language (and the `current` one, if a host chose another), named `label`
/// ("Kieli", "Språk", "Language"); the `current` one is pressed, and a press calls `on_choose` with its
/// language. A function, not a component: it has no state
/// of its own, and a component's machinery would weigh more than its lines.
pub fn language_switch(current: Locale, label: String, on_choose: &Callback<Locale>) -> Html {
    html! {
        <nav class="tk-language-switch" aria-label={label}>
            <ul>
                { for Locale::all().filter(|language| language.info().offered || *language == current).map(|language| {
                    let on_choose = on_choose.clone();
                    let current = language == current;
                    html! {
                        <li>
                            <button type="button" lang={language.tag()} dir={language.dir()} class="tk-language-switch__button"
                                aria-pressed={if current { "true" } else { "false" }}
                                data-lang={language.tag()}
                                onclick={Callback::from(move |_| on_choose.emit(language))}>
                                { language.endonym() }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
