//! The messages of the language in use.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::i18n::I18n;

/// The [`I18n`] provided by the app; Finnish if a component is rendered outside it (as in tests).
#[hook]
pub fn use_i18n() -> Rc<I18n> {
    use_context::<Rc<I18n>>().unwrap_or_else(I18n::finnish)
}
