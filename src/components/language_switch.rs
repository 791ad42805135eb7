//! The language switch: each language named in itself, with its own `lang`.

use yew::prelude::*;

use crate::state::i18n::Locale;

/// Props of [`LanguageSwitch`].
#[derive(Debug, Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language in use.
    pub current: Locale,
    /// Accessible name of the switch ("Kieli", "Språk", "Language").
    pub label: AttrValue,
    /// Called with the chosen language.
    pub on_choose: Callback<Locale>,
}

/// Buttons for every language; the current one is pressed.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    html! {
        <nav class="tk-language-switch" aria-label={props.label.clone()}>
            <ul>
                { for Locale::ALL.into_iter().map(|language| {
                    let on_choose = props.on_choose.clone();
                    let current = language == props.current;
                    html! {
                        <li>
                            <button type="button" lang={language.tag()} class="tk-language-switch__button"
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
