//! What changed since the version of the plan being revised, as lines a person reads: each answer, partner
//! and service that differs, with what it was and what it is now. The engine finds the differences
//! (`forms::changes`); this module only words them.

use tyokyky_engine::case::{Case, ChosenService, Partner};
use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::forms::changes::{Change, changes};
use tyokyky_engine::forms::worker::{Answer, Field, Input};

use crate::state::i18n::I18n;
use crate::web::platform;

/// An answer as shown ("–" when there is none).
pub fn answer_text(i18n: &I18n, field: &Field, answer: &Answer) -> String {
    let text = match answer {
        Answer::Date(date) => date.map(|date| platform::format_date(i18n.language(), date)),
        Answer::Number(number) => number.map(|number| number.to_string()),
        Answer::Count(count) => Some(count.to_string()),
        Answer::Flag(flag) => flag.map(|flag| i18n.t(if flag { "answer-yes" } else { "answer-no" })),
        Answer::Text(text) => Some(text.clone()).filter(|text| !text.trim().is_empty()),
        Answer::Choice(choice) => choice.as_deref().map(|value| {
            let choices = match field.input {
                Input::Radios(choices) | Input::Select { choices, .. } => choices,
                _ => &[],
            };
            choices
                .iter()
                .find(|choice| choice.value == value)
                .map_or_else(|| value.to_owned(), |choice| i18n.t(choice.label))
        }),
    };
    text.unwrap_or_else(|| "–".to_owned())
}

fn partner_text(partner: Option<&Partner>) -> String {
    partner.map_or_else(
        || "–".to_owned(),
        |partner| {
            let mut text = partner.name.as_str().to_owned();
            if !partner.responsibility.is_empty() {
                text.push_str(": ");
                text.push_str(partner.responsibility.as_str());
            }
            text
        },
    )
}

fn service_text(i18n: &I18n, catalogue: &Catalogue, service: Option<&ChosenService>) -> String {
    service.map_or_else(
        || "–".to_owned(),
        |chosen| {
            let mut text = catalogue
                .service(&chosen.service_id)
                .map_or(chosen.service_id.clone(), |service| {
                    i18n.document_text(&service.name)
                });
            if !chosen.note.is_empty() {
                text.push_str(": ");
                text.push_str(chosen.note.as_str());
            }
            text
        },
    )
}

/// Each difference from `before` to `after`: what changed, what it was, what it is.
pub fn lines(
    i18n: &I18n,
    catalogue: &Catalogue,
    before: &Case,
    after: &Case,
) -> Vec<(String, String, String)> {
    changes(before, after)
        .into_iter()
        .map(|change| match change {
            Change::Field { field, before, after } => (
                i18n.t(field.label),
                answer_text(i18n, field, &before),
                answer_text(i18n, field, &after),
            ),
            Change::Partner { before, after } => (
                i18n.t("plan-partners"),
                partner_text(before.as_ref()),
                partner_text(after.as_ref()),
            ),
            Change::Service { before, after } => (
                i18n.t("plan-services"),
                service_text(i18n, catalogue, before.as_ref()),
                service_text(i18n, catalogue, after.as_ref()),
            ),
        })
        .collect()
}
