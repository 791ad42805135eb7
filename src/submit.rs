//! Posting a document to the inbox (or any backend that speaks the same contract).

use gloo::net::http::Request;
use tyokyky_engine::document::{Document, ErrorResponse, Receipt};

/// Why a document was not delivered, in terms a person can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// No answer at all: offline, the server down, or the request blocked.
    Network,
    /// The server could not take it now (5xx, 408, 429); trying again later may work.
    Server {
        /// The HTTP status.
        status: u16,
    },
    /// The server refused the document (another 4xx); sending it again unchanged will not help.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The server's explanation.
        message: String,
    },
    /// The server said yes but its receipt could not be read.
    UnreadableReceipt,
}

/// Posts `document` as JSON to `endpoint` and reads the receipt.
pub async fn send(endpoint: &str, document: &Document) -> Result<Receipt, SendFailure> {
    let request = Request::post(endpoint)
        .header("Accept", "application/json")
        .json(document)
        .map_err(|_| SendFailure::Network)?;
    let response = request.send().await.map_err(|_| SendFailure::Network)?;
    let status = response.status();
    if (200..300).contains(&status) {
        return response
            .json::<Receipt>()
            .await
            .map_err(|_| SendFailure::UnreadableReceipt);
    }
    if status >= 500 || status == 408 || status == 429 {
        return Err(SendFailure::Server { status });
    }
    let message = match response.json::<ErrorResponse>().await {
        Ok(body) => body.error.message,
        Err(_) => format!("HTTP {status}"),
    };
    Err(SendFailure::Rejected { status, message })
}

/// A failure in plain words, in the current language.
pub fn failure_message(i18n: &crate::i18n::I18n, failure: &SendFailure) -> String {
    match failure {
        SendFailure::Network => i18n.t("send-failed-network"),
        SendFailure::Server { .. } | SendFailure::UnreadableReceipt => i18n.t("send-failed-server"),
        SendFailure::Rejected { message, .. } => {
            i18n.t_with("send-failed-rejected", &[("reason", message.clone().into())])
        }
    }
}
