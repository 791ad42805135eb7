//! What a person sent with their contact request, shown to the worker who opened a case from it: their
//! contact details and wishes, and, when they chose to share them, their self-assessment answers and the
//! services it suggested with the answers each rests on. Nothing else of the person is read or shown.

use std::rc::Rc;

use tyokyky_engine::questionnaire::Answers;
use yew::prelude::*;

use super::state::RequestView;
use crate::hooks::use_i18n::use_i18n;
use crate::pages::self_assessment::results::answer_text;
use crate::state::rules::SharedRules;
use crate::web::platform;

/// Props of [`RequestPanel`].
#[derive(Debug, PartialEq, Properties)]
pub struct RequestPanelProps {
    /// The request.
    pub request: Rc<RequestView>,
}

/// The request, as sent.
#[component]
pub fn RequestPanel(props: &RequestPanelProps) -> Html {
    let i18n = use_i18n();
    let shared = use_context::<SharedRules>();
    let request = &props.request;
    let sent = &request.answers;
    let text = |key: &str| sent[key].as_str().unwrap_or_default().to_owned();
    let time = match sent["preferred_time"].as_str() {
        Some("morning") => i18n.t("contact-time-morning"),
        Some("afternoon") => i18n.t("contact-time-afternoon"),
        _ => i18n.t("contact-time-any"),
    };
    let row = |label: String, value: String| {
        html! { if !value.is_empty() { <dt>{ label }</dt><dd>{ value }</dd> } }
    };
    let shared_answers = &sent["shared_answers"];
    let answers: Option<Answers> = serde_json::from_value(shared_answers["answers"].clone()).ok();
    let suggested: Vec<String> = shared_answers["suggested_services"]
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|id| id.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let answered = match (&shared, &answers) {
        (Some(shared), Some(answers)) => {
            let questionnaire = &shared.questionnaire;
            let effective = questionnaire.effective(answers);
            let because = |service_id: &str| -> Vec<String> {
                let Some(service) = shared.catalogue.service(service_id) else {
                    return Vec::new();
                };
                questionnaire
                    .reasons(&shared.rules, service, answers)
                    .into_iter()
                    .filter_map(|index| {
                        let question = questionnaire.questions().get(index)?;
                        let answer = effective.get(&question.id)?;
                        Some(format!(
                            "{}: {}",
                            i18n.document_text(&question.text),
                            answer_text(&i18n, question, answer)
                        ))
                    })
                    .collect()
            };
            html! {
                <>
                    <h3 class="tk-subtitle">{ i18n.t("request-suggested") }</h3>
                    <ul class="tk-list" id="request-services">
                        { for suggested.iter().map(|id| {
                            let name = shared.catalogue.service(id).map_or_else(|| id.clone(), |service| i18n.document_text(&service.name).to_owned());
                            let reasons = because(id);
                            html! {
                                <li>
                                    <strong>{ name }</strong>
                                    if !reasons.is_empty() {
                                        { " – " }{ i18n.t("results-because") }{ " " }{ reasons.join("; ") }
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                    <details class="tk-citation" id="request-answers">
                        <summary>{ i18n.t("request-answers") }</summary>
                        <dl class="tk-panel__facts">
                            { for questionnaire.questions().iter().filter_map(|question| {
                                let answer = effective.get(&question.id)?;
                                Some(html! { <><dt>{ i18n.document_text(&question.text) }</dt><dd>{ answer_text(&i18n, question, answer) }</dd></> })
                            }) }
                        </dl>
                    </details>
                </>
            }
        }
        _ => html! { <p id="request-no-answers">{ i18n.t("request-no-answers") }</p> },
    };
    html! {
        <section class="tk-panel tk-request" id="from-request" aria-labelledby="from-request-title">
            <h2 class="tk-panel__title" id="from-request-title">
                { i18n.t_with("request-title", &[
                    ("reference", request.reference.clone().into()),
                    ("date", platform::format_date(i18n.language(), request.received_on).into()),
                ]) }
            </h2>
            <dl class="tk-panel__facts">
                { row(i18n.t("request-name"), text("name")) }
                { row(i18n.t("request-phone"), text("phone")) }
                { row(i18n.t("request-email"), text("email")) }
                { row(i18n.t("request-time"), time) }
                if sent["plain_language"].as_bool() == Some(true) {
                    { row(i18n.t("request-plain"), i18n.t("answer-yes")) }
                }
                if sent["urgent"].as_bool() == Some(true) {
                    { row(i18n.t("request-urgent"), i18n.t("answer-yes")) }
                }
            </dl>
            { answered }
        </section>
    }
}
