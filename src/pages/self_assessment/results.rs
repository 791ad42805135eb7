//! The results screen: urgent help first when it is needed, then what happens next (ask to be contacted,
//! or finish), the services that could help, each a short summary with the details and the reason
//! ("because you answered …") on request, the services a worker could check, and the person's right to a
//! service-need assessment (the finding of SHL 36 §). The answers are a screen of their own, each with a
//! "change" that comes back to them.

use tyokyky_engine::eval::Status;
use tyokyky_engine::questionnaire::{Answer, Question};
use tyokyky_engine::rule::Consequence;
use yew::prelude::*;

use super::Judgement;
use super::screens::urgent_help;
use super::state::{Screen, SelfAction, SelfState};
use crate::state::i18n::I18n;
use crate::state::rules::SharedRules;

/// Stands in a message for an argument that is shown as markup of its own (a character no text has).
const SECTION: char = '\u{e000}';

/// An answer in words, in the current language.
pub fn answer_text(i18n: &I18n, question: &Question, answer: &Answer) -> String {
    let option = |value: &str| {
        question
            .option(value)
            .map_or_else(|| value.to_owned(), |option| i18n.text(&option.text).to_owned())
    };
    match answer {
        Answer::Bool(true) => i18n.t("answer-yes"),
        Answer::Bool(false) => i18n.t("answer-no"),
        Answer::Number(score) => score.to_string(),
        Answer::Text(value) if question.option(value).is_some() => option(value),
        Answer::Text(text) => text.clone(),
        Answer::Options(values) if values.is_empty() => i18n.t("answer-none-of-these"),
        Answer::Options(values) => values
            .iter()
            .map(|value| option(value))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A text's first sentence and the rest: the sentence ends at a full stop followed by a space and a
/// capital letter (so "esim. näin" or "1. 2." do not end it).
pub fn first_sentence(text: &str) -> (&str, &str) {
    let end = text.match_indices(". ").find(|(at, _)| {
        // The capitals of Finnish, Swedish and English (the full Unicode table would cost a kilobyte).
        text[at + 2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || "ÅÄÖ".contains(c))
    });
    match end {
        Some((at, _)) => (&text[..=at], &text[at + 2..]),
        None => (text, ""),
    }
}

/// The screen.
pub fn results(
    i18n: &I18n,
    shared: &SharedRules,
    state: &SelfState,
    judgement: &Judgement<'_>,
    kiosk: bool,
    dispatch: &Callback<SelfAction>,
) -> Html {
    let questionnaire = &shared.questionnaire;
    let goal = judgement.matching.goal;
    let suggested = judgement.suggested();
    let effective = questionnaire.effective(&state.answers);
    let maybe: Vec<&str> = judgement
        .matching
        .fits
        .iter()
        .filter(|fit| fit.fits.is_none() && goal.is_none_or(|goal| fit.service.leads_to.contains(&goal)))
        .map(|fit| fit.service.id.as_str())
        .collect();
    // The notices of the law that (may) apply, such as the right to a service-need assessment (36 §): in
    // plain words from the messages, with the section and its verbatim Finnish text behind a "law" link.
    let notices: Vec<Html> = judgement
        .outcome
        .iter()
        .flat_map(|outcome| outcome.findings.iter())
        .filter(|finding| {
            matches!(finding.status, Status::Applies | Status::NeedsFacts)
                && matches!(finding.rule.then, Consequence::Notice)
        })
        .map(|finding| {
            // The section in Finland's notation (`36 § 2 mom.`) is Finnish, read left to right: marked so,
            // where the message puts it.
            let law = i18n.t_with("results-law", &[("section", String::from(SECTION).into())]);
            let (before, after) = law.split_once(SECTION).unwrap_or((law.as_str(), ""));
            html! {
                <div class="tk-notice" id={format!("finding-{}", finding.rule.id)}>
                    <details class="tk-citation">
                        <summary>
                            { before.to_owned() }<span lang="fi" dir="ltr">{ finding.rule.citation.short() }</span>{ after.to_owned() }
                        </summary>
                        <blockquote class="tk-citation__text" lang="fi" dir="ltr">{ &finding.rule.text_fi }</blockquote>
                        if !kiosk {
                            <p><a href={finding.rule.citation.url.clone()} rel="noopener">{ i18n.t("results-law-link") }</a></p>
                        }
                    </details>
                </div>
            }
        })
        .collect();
    let action = |action: SelfAction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let service_card = |id: &str| -> Html {
        let Some(service) = shared.catalogue.service(id) else {
            return html! {};
        };
        let reasons = questionnaire.reasons(&shared.rules, service, &state.answers);
        // A short summary in view (whom it suits, its first sentence); the rest of it, who provides it, how
        // to get there and why it came up on request.
        let suits_whom = i18n.text(&service.suits_whom);
        let (summary, more) = first_sentence(&suits_whom);
        html! {
            <li class="tk-service" id={format!("service-{id}")}>
                <h3 class="tk-service__name">{ i18n.text(&service.name) }</h3>
                <p class="tk-service__summary">{ summary }</p>
                <details class="tk-service__details">
                    <summary>{ i18n.t("results-more") }<span class="tk-visually-hidden">{ format!(": {}", i18n.text(&service.name)) }</span></summary>
                    if !more.is_empty() { <p>{ more }</p> }
                    <p class="tk-service__provider">{ i18n.text(&service.provider) }</p>
                    <h4 class="tk-service__subtitle">{ i18n.t("results-how-to-reach") }</h4>
                    <p>{ i18n.text(&service.how_to_reach) }</p>
                    if !reasons.is_empty() {
                        <h4 class="tk-service__subtitle">{ i18n.t("results-because") }</h4>
                        <ul class="tk-reasons">
                            { for reasons.iter().filter_map(|&index| {
                                let question = questionnaire.questions().get(index)?;
                                let answer = effective.get(&question.id)?;
                                Some(html! {
                                    <li>
                                        { i18n.t_with("results-you-answered", &[
                                            ("question", i18n.text(&question.text).to_owned().into()),
                                            ("answer", answer_text(i18n, question, answer).into()),
                                        ]) }
                                    </li>
                                })
                            }) }
                        </ul>
                    }
                </details>
            </li>
        }
    };
    html! {
        <div class="tk-results" id="results">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("results-title") }</h1>
            if judgement.urgent() { { urgent_help(i18n, kiosk, shared.catalogue.social_emergency()) } }
            if suggested.is_empty() {
                <p class="tk-lead" id="no-suggestions">{ i18n.t("results-none") }</p>
            } else {
                <p class="tk-lead">{ i18n.t_with("results-lead", &[("count", suggested.len().into())]) }</p>
            }
            <p class="tk-hint" id="not-a-verdict">{ i18n.t("results-not-a-verdict") }</p>
            // What happens next comes first: both ways on from here, before any detail.
            <section class="tk-next" id="next-steps" aria-labelledby="next-steps-title">
                <h2 class="tk-subtitle" id="next-steps-title">{ i18n.t("results-next-title") }</h2>
                <p>{ i18n.t("results-next-lead") }</p>
                <div class="tk-actions">
                    <button type="button" class="tk-button" id="ask-contact" onclick={action(SelfAction::OpenContact(i18n.locale()))}>
                        { i18n.t("results-ask-contact") }
                    </button>
                    <button type="button" class="tk-button tk-button--secondary" id="finish-without-contact"
                        onclick={action(SelfAction::OpenFeedback)}>
                        { i18n.t("results-finish") }
                    </button>
                </div>
            </section>
            if !suggested.is_empty() {
                <h2 class="tk-subtitle">{ i18n.t("results-services-title") }</h2>
                <ul class="tk-services" id="suggested-services">
                    { for suggested.iter().map(|id| service_card(id)) }
                </ul>
            }
            if !maybe.is_empty() {
                <h2 class="tk-subtitle">{ i18n.t("results-maybe-title") }</h2>
                <p>{ i18n.t("results-maybe-lead") }</p>
                <ul class="tk-list" id="maybe-services">
                    { for maybe.iter().filter_map(|id| shared.catalogue.service(id)).map(|service| html! {
                        <li>{ i18n.text(&service.name) }</li>
                    }) }
                </ul>
            }
            <h2 class="tk-subtitle">{ i18n.t("results-rights-title") }</h2>
            <p id="right-to-assessment">{ i18n.t("results-rights-lead") }</p>
            { for notices }
            <div class="tk-actions">
                <button type="button" class="tk-button tk-button--secondary" id="check-answers"
                    onclick={action(SelfAction::Show(Screen::Answers))}>{ i18n.t("results-check-answers") }</button>
            </div>
            <p><button type="button" class="tk-link-button" id="back" onclick={action(SelfAction::Back)}>{ i18n.t("back") }</button></p>
        </div>
    }
}

/// The answers screen (check your answers): every answer shown, each with a "change" that comes back here.
pub fn answers(i18n: &I18n, state: &SelfState, dispatch: &Callback<SelfAction>) -> Html {
    let questionnaire = &state.questionnaire;
    let effective = questionnaire.effective(&state.answers);
    let shown = state.shown();
    let action = |action: SelfAction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    html! {
        <div class="tk-results" id="answers">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("results-answers-title") }</h1>
            <p class="tk-lead">{ i18n.t("results-answers-lead") }</p>
            <dl class="tk-answers" id="your-answers">
                { for questionnaire.questions().iter().enumerate().filter(|(index, _)| shown.contains(index)).map(|(index, question)| {
                    let answer = effective.get(&question.id).map_or_else(|| i18n.t("answer-skipped"), |answer| answer_text(i18n, question, answer));
                    html! {
                        <div class="tk-answers__row">
                            <dt>{ i18n.text(&question.text) }</dt>
                            <dd>{ answer }</dd>
                            <dd class="tk-answers__change">
                                <button type="button" class="tk-link-button" id={format!("change-{}", question.id)}
                                    onclick={action(SelfAction::Change(index))}>
                                    { i18n.t("results-change") }
                                    <span class="tk-visually-hidden">{ format!(": {}", i18n.text(&question.text)) }</span>
                                </button>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <div class="tk-actions">
                <button type="button" class="tk-button" id="to-results" onclick={action(SelfAction::Back)}>{ i18n.t("results-back-to-results") }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn a_summary_is_the_first_sentence() {
        assert_eq!(
            first_sentence("Sinulle, jos velat huolettavat. Neuvoja auttaa. Se on maksutonta."),
            (
                "Sinulle, jos velat huolettavat.",
                "Neuvoja auttaa. Se on maksutonta."
            )
        );
        assert_eq!(first_sentence("Yksi lause."), ("Yksi lause.", ""));
        assert_eq!(
            first_sentence("Esim. näin ei lopu. Tämä alkaa."),
            ("Esim. näin ei lopu.", "Tämä alkaa.")
        );
    }
}
