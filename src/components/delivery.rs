//! Where documents are, for the person: the documents of an earlier visit still on their way, and the
//! place of the one a page just sent. They read the outbox ([`crate::hooks::use_outbox`]) and run nothing.

use tyokyky_engine::contact::reference_code;
use uuid::Uuid;
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_outbox::use_outbox;
use crate::state::delivery::{DeliveryView, OutboxHandle};
use crate::state::i18n::I18n;
use crate::web::submit::SendFailure;

/// A failure in plain words, in the current language: for a refusal, what the person can do about it,
/// never the backend's own (English, technical) words.
pub fn failure_message(i18n: &I18n, failure: &SendFailure) -> String {
    match failure {
        SendFailure::Network => i18n.t("send-failed-network"),
        SendFailure::Server { .. } => i18n.t("send-failed-server"),
        SendFailure::Rejected { status, refusal, .. } => match refused_field(refusal.field.as_deref()) {
            Some(field) => i18n.t_with("refused-field", &[("field", i18n.t(field).into())]),
            None => i18n.t(refusal_message(*status, &refusal.code)),
        },
    }
}

/// The message for a refusal with the contract's error `code` (`""` when the backend gave none: then by
/// the HTTP `status`). Every code of the contract has one; what the person cannot mend (a fault between
/// this page and the service) says so and keeps the answers.
pub fn refusal_message(status: u16, code: &str) -> &'static str {
    match (code, status) {
        ("invalid_document", _) | ("", 422) => "refused-invalid",
        ("payload_too_large", _) | ("", 413) => "refused-too-large",
        ("unauthorized" | "forbidden", _) | ("", 401 | 403) => "refused-not-allowed",
        ("idempotency_key_reused", _) | ("", 409) => "refused-duplicate",
        // malformed_json, unsupported_schema_version, unsupported_media_type, unreadable_body, not_found,
        // method_not_allowed and any other: the page and the service do not fit together.
        _ => "refused-fault",
    }
}

/// The contact form's field a refusal names (a dotted path of the document, e.g. `answers.phone`): its
/// input's id, which is also its label's message.
pub fn refused_field(field: Option<&str>) -> Option<&'static str> {
    match field? {
        "answers.name" => Some("contact-name"),
        "answers.phone" => Some("contact-phone"),
        "answers.email" => Some("contact-email"),
        _ => None,
    }
}

/// Documents kept from an earlier visit: being sent, or sent now with their reference.
#[component]
pub fn EarlierDocuments() -> Html {
    let i18n = use_i18n();
    let earlier = use_outbox().earlier();
    if earlier.is_empty() {
        return html! {};
    }
    html! {
        <div class="tk-notice tk-earlier" id="earlier-documents" role="status">
            <ul class="tk-list">
                { for earlier.iter().map(|(key, view)| {
                    let reference = reference_code(key);
                    let text = match view {
                        DeliveryView::Sent { .. } => i18n.t_with("delivery-earlier-sent", &[("reference", reference.into())]),
                        DeliveryView::Rejected { failure } => format!(
                            "{} {}",
                            i18n.t_with("delivery-earlier-rejected", &[("reference", reference.into())]),
                            failure_message(&i18n, failure)
                        ),
                        _ => i18n.t_with("delivery-earlier-pending", &[("reference", reference.into())]),
                    };
                    html! { <li>{ text }</li> }
                }) }
            </ul>
        </div>
    }
}

/// Where the document with the idempotency key `key` is, for the page that sent it: sending, or waiting
/// to retry (with "try now"). A function, not a component: the page that calls it follows the outbox.
pub fn delivery_status(i18n: &I18n, outbox: &OutboxHandle, key: Uuid) -> Html {
    match outbox.status(key) {
        Some(DeliveryView::Waiting { failure }) => {
            let persists = outbox.persists();
            let onclick = {
                let outbox = outbox.clone();
                Callback::from(move |_: MouseEvent| outbox.try_now(key))
            };
            html! {
                <div class="tk-notice tk-notice--warning" id="delivery-waiting">
                    <p><strong>{ failure_message(i18n, &failure) }</strong></p>
                    <p>{ i18n.t("delivery-waiting") }</p>
                    <p>{ i18n.t(if persists { "delivery-kept-browser" } else { "delivery-kept-screen" }) }</p>
                    <button type="button" class="tk-button tk-button--secondary" id="try-now" {onclick}>
                        { i18n.t("delivery-try-now") }
                    </button>
                </div>
            }
        }
        Some(DeliveryView::Sending) => {
            html! { <p class="tk-status__sending">{ i18n.t("sending") }</p> }
        }
        _ => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::submit::Refusal;

    /// Every error code the contract lists (the inbox's OpenAPI) has a plain message of its own or is a
    /// store failure the outbox retries; none shows the backend's English words.
    #[test]
    fn every_refusal_of_the_contract_has_a_message() {
        let openapi: serde_json::Value =
            serde_json::from_str(include_str!("../../inbox/openapi.json")).unwrap_or_default();
        let codes = openapi
            .pointer("/components/schemas/Error/properties/error/properties/code/examples")
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default();
        assert!(codes.len() >= 10, "{codes:?}");
        let finnish = I18n::finnish();
        for code in codes.iter().filter_map(serde_json::Value::as_str) {
            if code.starts_with("storage_") {
                continue; // a 503: waited for and sent again, never a refusal
            }
            let failure = SendFailure::Rejected {
                status: 400,
                message: "an English explanation".into(),
                refusal: Refusal {
                    code: code.into(),
                    field: None,
                },
            };
            let shown = failure_message(&finnish, &failure);
            assert!(
                !shown.contains("refused-") && !shown.contains("English"),
                "{code}: {shown}"
            );
        }
        assert_eq!(refusal_message(400, "invalid_document"), "refused-invalid");
        assert_eq!(refusal_message(413, ""), "refused-too-large");
        assert_eq!(refusal_message(403, ""), "refused-not-allowed");
        assert_eq!(refusal_message(403, "forbidden"), "refused-not-allowed");
        assert_eq!(refusal_message(400, "malformed_json"), "refused-fault");
        // A refusal naming a field of the form names it in the person's words.
        let phone = SendFailure::Rejected {
            status: 422,
            message: "answers.phone: invalid phone number".into(),
            refusal: Refusal {
                code: "invalid_document".into(),
                field: Some("answers.phone".into()),
            },
        };
        assert_eq!(
            failure_message(&finnish, &phone),
            "Palvelu ei hyväksynyt tätä tietoa: Puhelinnumero. Korjaa se ja lähetä uudelleen."
        );
        assert_eq!(
            refused_field(Some("answers.shared_answers.answers.own_words")),
            None
        );
    }
}
