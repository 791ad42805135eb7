//! The accessibility statement (saavutettavuusseloste) that Laki digitaalisten palvelujen tarjoamisesta
//! 306/2019 requires: the status, how it was tested, the known gaps, where to give feedback and the
//! supervisory authority. Linked from the footer of every screen.

use yew::prelude::*;

use crate::state::i18n::I18n;

/// The statement in the messages of `i18n`. A function, not a component: it has no state of its own.
pub fn accessibility_statement(i18n: &I18n) -> Html {
    let section = |title: &str, items: &[&str]| {
        html! {
            <>
                <h2 class="tk-subtitle">{ i18n.t(title) }</h2>
                if items.len() == 1 {
                    <p>{ i18n.t(items[0]) }</p>
                } else {
                    <ul class="tk-list">{ for items.iter().map(|id| html! { <li>{ i18n.t(id) }</li> }) }</ul>
                }
            </>
        }
    };
    html! {
        <article class="tk-statement" id="accessibility-statement">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("a11y-title") }</h1>
            <p class="tk-lead">{ i18n.t("a11y-lead") }</p>
            { section("a11y-status-title", &["a11y-status"]) }
            { section("a11y-tested-title", &["a11y-tested-axe", "a11y-tested-keyboard", "a11y-tested-reflow"]) }
            { section("a11y-gaps-title", &["a11y-gap-screen-reader", "a11y-gap-selko", "a11y-gap-sami"]) }
            { section("a11y-feedback-title", &["a11y-feedback"]) }
            { section("a11y-enforcement-title", &["a11y-enforcement"]) }
            <p><a href="#/" class="tk-link" id="statement-back">{ i18n.t("a11y-back") }</a></p>
        </article>
    }
}
