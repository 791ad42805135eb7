//! Where documents are, for the person: the documents of an earlier visit still on their way, and the
//! place of the one a page just sent. They read the outbox ([`crate::hooks::use_outbox`]) and run nothing.

use tyokyky_engine::contact::reference_code;
use uuid::Uuid;
use yew::prelude::*;

use crate::hooks::use_i18n::use_i18n;
use crate::hooks::use_outbox::use_outbox;
use crate::state::delivery::DeliveryView;
use crate::state::i18n::I18n;
use crate::web::submit::SendFailure;

/// A failure in plain words, in the current language.
pub fn failure_message(i18n: &I18n, failure: &SendFailure) -> String {
    match failure {
        SendFailure::Network => i18n.t("send-failed-network"),
        SendFailure::Server { .. } | SendFailure::UnreadableReceipt => i18n.t("send-failed-server"),
        SendFailure::Rejected { message, .. } => {
            i18n.t_with("send-failed-rejected", &[("reason", message.clone().into())])
        }
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

/// Props of [`DeliveryStatus`].
#[derive(Debug, Properties, PartialEq)]
pub struct DeliveryStatusProps {
    /// The document's idempotency key.
    pub key_of: Uuid,
}

/// Where one document is, for the page that sent it: sending, or waiting to retry (with "try now").
#[component]
pub fn DeliveryStatus(props: &DeliveryStatusProps) -> Html {
    let i18n = use_i18n();
    let outbox = use_outbox();
    match outbox.status(props.key_of) {
        Some(DeliveryView::Waiting { failure }) => {
            let key = props.key_of;
            let persists = outbox.persists();
            let onclick = Callback::from(move |_: MouseEvent| outbox.try_now(key));
            html! {
                <div class="tk-notice tk-notice--warning" id="delivery-waiting">
                    <p><strong>{ failure_message(&i18n, &failure) }</strong></p>
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
