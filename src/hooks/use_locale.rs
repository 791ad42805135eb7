//! The language in use: Finnish at once (it is built in), another language once its messages have
//! arrived; a language that cannot be fetched leaves the one in use and says so.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::i18n::{I18n, Locale, Locales};

/// What [`use_locale`] gives the app.
#[derive(Debug, Clone)]
pub struct LocaleChoice {
    /// The messages to show; `None` only while the first language is still on its way.
    pub shown: Option<Rc<I18n>>,
    /// The language chosen last, which could not be fetched (until another choice).
    pub failed: Option<Locale>,
    /// Chooses a language (choosing a failed one again tries again).
    pub choose: Callback<Locale>,
}

/// The chosen language's messages from `locales`, starting with `initial`.
#[hook]
pub fn use_locale(locales: &Locales, initial: Locale) -> LocaleChoice {
    let wanted = use_state(|| (initial, 0u32));
    let shown = use_state(|| locales.get(initial));
    let failed = use_state(|| None::<Locale>);
    // The choice in force when a fetch ends: an answer for an older choice is dropped.
    let latest = use_mut_ref(|| (initial, 0u32));
    {
        let locales = locales.clone();
        let shown = shown.clone();
        let failed = failed.clone();
        use_effect_with(*wanted, move |&(locale, attempt)| {
            *latest.borrow_mut() = (locale, attempt);
            match locales.get(locale) {
                Some(i18n) => shown.set(Some(i18n)),
                None => wasm_bindgen_futures::spawn_local(async move {
                    let result = locales.load(locale).await;
                    if *latest.borrow() != (locale, attempt) {
                        return;
                    }
                    match result {
                        Ok(i18n) => shown.set(Some(i18n)),
                        Err(_) => {
                            failed.set(Some(locale));
                            if shown.is_none() {
                                shown.set(Some(I18n::finnish()));
                            }
                        }
                    }
                }),
            }
        });
    }
    let choose = {
        let wanted = wanted.clone();
        let failed = failed.clone();
        Callback::from(move |locale: Locale| {
            failed.set(None);
            wanted.set((locale, wanted.1.wrapping_add(1)));
        })
    };
    LocaleChoice {
        shown: (*shown).clone(),
        failed: *failed,
        choose,
    }
}

/// The messages of `locale` with the worker flow's, while `wanted`: at once if they are at hand, otherwise
/// fetched (`None` until they arrive; an error names what could not be fetched).
#[hook]
pub fn use_worker_messages(
    locales: &Locales,
    locale: Locale,
    wanted: bool,
) -> Option<Result<Rc<I18n>, String>> {
    let fetched = use_state(|| None::<(Locale, Result<Rc<I18n>, String>)>);
    {
        let locales = locales.clone();
        let fetched = fetched.clone();
        use_effect_with((locale, wanted), move |&(locale, wanted)| {
            if wanted && locales.get_worker(locale).is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = locales.load_worker(locale).await;
                    fetched.set(Some((locale, result)));
                });
            }
        });
    }
    if !wanted {
        return None;
    }
    if let Some(i18n) = locales.get_worker(locale) {
        return Some(Ok(i18n));
    }
    match &*fetched {
        Some((at, result)) if *at == locale => Some(result.clone()),
        _ => None,
    }
}
