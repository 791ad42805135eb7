//! The screens around the questions: the start, urgent help, the contact request form, its receipt,
//! feedback and the end.

use std::rc::Rc;

use tyokyky_engine::contact::{ContactProblem, PreferredTime, reference_code};
use tyokyky_engine::document::{Document, Language, MAX_FREE_TEXT_CHARS, Receipt};
use tyokyky_engine::questionnaire::Questionnaire;
use uuid::Uuid;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::{ContactEdit, FeedbackProblem, Judged, NewDocument, SelfAction, SelfState};

/// The languages a person may ask to be contacted in: the country's two and English.
const CONTACT_LANGUAGES: [Language; 3] = [Language::FI, Language::SV, Language::EN];
use crate::components::delivery::{delivery_status, failure_message, refused_field};
use crate::components::error_summary::{ErrorLink, ErrorSummary};
use crate::hooks::use_i18n::use_i18n;
use crate::state::delivery::{DeliveryView, OutboxHandle};
use crate::state::i18n::I18n;
use crate::web::platform;
use crate::web::submit::SendFailure;
use tyokyky_engine::catalogue::PhoneService;

/// Props of [`StartScreen`].
#[derive(Debug)]
pub struct StartScreenProps {
    /// The questionnaire.
    pub questionnaire: Rc<Questionnaire>,
    /// Whether this is a kiosk.
    pub kiosk: bool,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
}

/// What this is, before the first question.
/// A function, not a component: it has no state of its own.
pub fn start_screen(i18n: &I18n, props: &StartScreenProps) -> Html {
    let file = props.questionnaire.file();
    let on_begin = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(SelfAction::Begin))
    };
    html! {
        <div class="tk-start" id="start">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.text(&file.title) }</h1>
            <p class="tk-lead">{ i18n.text(&file.intro) }</p>
            <ul class="tk-list">
                <li>{ i18n.t_with("start-questions", &[("count", props.questionnaire.questions().len().into())]) }</li>
                <li>{ i18n.t("start-nothing-sent") }</li>
                if props.kiosk { <li>{ i18n.t("start-kiosk-wipe") }</li> }
            </ul>
            <p class="tk-hint">{ i18n.t("start-urgent") }</p>
            <button type="button" class="tk-button tk-button--large" id="begin" onclick={on_begin}>{ i18n.t("start-begin") }</button>
        </div>
    }
}

/// How to get help now: 112 and the social emergency service (sosiaalipäivystys), SHL 36 § 1 mom, with the
/// county's own number (`county`) when its catalogue gives one; on a kiosk, also to tell the staff here. A
/// function, not a component: it has no state of its own.
pub fn urgent_help(i18n: &I18n, kiosk: bool, county: Option<&PhoneService>) -> Html {
    html! {
        <section class="tk-notice tk-notice--urgent" id="urgent-help" role="alert" aria-labelledby="urgent-help-title">
            <h2 class="tk-notice__title" id="urgent-help-title">{ i18n.t("urgent-title") }</h2>
            <p>{ i18n.t("urgent-112") }</p>
            // A kiosk cannot call: there the number is in the text above.
            if !kiosk {
                <p><a class="tk-button tk-button--call" id="call-112" href="tel:112">{ i18n.t("urgent-call-112") }</a></p>
            }
            <p>{ i18n.t("urgent-social-emergency") }</p>
            if let Some(county) = county {
                if kiosk {
                    <p id="social-emergency-number"><strong>{ format!("{}: {}", i18n.text(&county.name), county.phone) }</strong></p>
                } else {
                    <p><a class="tk-button tk-button--call" id="call-social-emergency" href={county.tel_uri()}>
                        { format!("{}: {}", i18n.text(&county.name), county.phone) }
                    </a></p>
                }
            }
            if kiosk { <p><strong>{ i18n.t("urgent-kiosk-staff") }</strong></p> }
            <p>{ i18n.t("urgent-contact") }</p>
        </section>
    }
}

/// Props of [`ContactScreen`].
#[derive(Debug)]
pub struct ContactScreenProps {
    /// The state.
    pub state: SelfState,
    /// Whether the answers signal an urgent need (the request is marked urgent).
    pub urgent: bool,
    /// The services suggested, the target groups and the service gaps, sent along with the answers if
    /// the person chooses.
    pub judged: Judged,
    /// Whether this is a kiosk.
    pub kiosk: bool,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
}

fn contact_message(i18n: &I18n, problem: ContactProblem) -> String {
    i18n.t(match problem {
        ContactProblem::NameMissing => "contact-error-name",
        ContactProblem::NameTooLong => "contact-error-name-long",
        ContactProblem::NoWayToReach => "contact-error-reach",
        ContactProblem::BadPhone => "contact-error-phone",
        ContactProblem::BadEmail => "contact-error-email",
        ContactProblem::NoConsent => "contact-error-consent",
    })
}

/// A text input with its label, hint and message.
fn text_input(
    id: &'static str,
    kind: &'static str,
    label: String,
    hint: Option<String>,
    value: &str,
    error: Option<String>,
    on_edit: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_edit.emit(platform::typed(input.value()));
    });
    let described: Vec<String> = [
        hint.as_ref().map(|_| format!("{id}-hint")),
        error.as_ref().map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
            <label class="tk-label" for={id}>{ label }</label>
            if let Some(hint) = hint { <p class="tk-hint" id={format!("{id}-hint")}>{ hint }</p> }
            if let Some(error) = &error { <p class="tk-error-message" id={format!("{id}-error")}>{ error }</p> }
            <input class="tk-input" type={kind} {id} name={id} autocomplete="off" spellcheck="false"
                value={value.to_owned()} aria-invalid={error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} {oninput} />
        </div>
    }
}

/// The contact request form.
/// A function, not a component: it has no state of its own.
pub fn contact_screen(i18n: &I18n, outbox: &OutboxHandle, props: &ContactScreenProps) -> Html {
    let state = &props.state;
    let draft = &state.contact;
    let edit = |make: fn(String) -> ContactEdit| {
        let on_action = props.on_action.clone();
        Callback::from(move |text: String| on_action.emit(SelfAction::EditContact(make(text))))
    };
    // The field the service refused, if it named one of this form's: marked like the form's own problems.
    let refused = match key_of(&state.contact_request).and_then(|key| outbox.status(key)) {
        Some(DeliveryView::Rejected {
            failure: SendFailure::Rejected { refusal, .. },
        }) => refused_field(refusal.field.as_deref()),
        _ => None,
    };
    let problem_at = |field: &str| {
        state
            .contact_problems
            .iter()
            .find(|problem| problem.field() == field)
            .map(|problem| contact_message(i18n, *problem))
            .or_else(|| {
                (refused == Some(field))
                    .then(|| i18n.t_with("refused-field", &[("field", i18n.t(field).into())]))
            })
    };
    let errors: Vec<ErrorLink> = state
        .contact_problems
        .iter()
        .map(|problem| ErrorLink {
            target: problem.field().into(),
            message: contact_message(i18n, *problem).into(),
        })
        .collect();
    let consent_text = i18n.t("contact-consent-text");
    let on_submit = {
        let on_action = props.on_action.clone();
        let state = state.clone();
        let consent_text = consent_text.clone();
        let urgent = props.urgent;
        let judged = props.judged.clone();
        let lang = i18n.language();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let new = NewDocument {
                key: platform::new_key(),
                now: chrono::Utc::now(),
                lang,
            };
            let request = state.make_contact_request(new, &consent_text, urgent, judged.clone());
            on_action.emit(SelfAction::SubmitContact(request));
        })
    };
    let check = |id: &'static str,
                 checked: bool,
                 label: String,
                 make: fn(bool) -> ContactEdit,
                 error: Option<String>| {
        let on_action = props.on_action.clone();
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(SelfAction::EditContact(make(input.checked())));
        });
        html! {
            <div class={classes!("tk-field", error.as_ref().map(|_| "tk-field--error"))}>
                if let Some(error) = &error { <p class="tk-error-message" id={format!("{id}-error")}>{ error }</p> }
                <div class="tk-checkbox">
                    <input type="checkbox" class="tk-checkbox__input" {id} name={id} {checked} {onchange}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.as_ref().map(|_| format!("{id}-error"))} />
                    <label class="tk-checkbox__label" for={id}>{ label }</label>
                </div>
            </div>
        }
    };
    let languages = CONTACT_LANGUAGES.map(|language| {
        let on_action = props.on_action.clone();
        let id = format!("contact-language-{}", language.tag());
        let onchange = Callback::from(move |_: Event| on_action.emit(SelfAction::EditContact(ContactEdit::Language(language))));
        html! {
            <div class="tk-radio">
                <input type="radio" class="tk-radio__input" id={id.clone()} name="contact-language"
                    checked={draft.contact_language == language} {onchange} />
                <label class="tk-radio__label" for={id} lang={language.tag().to_owned()}>{ i18n.t(&format!("language-{}", language.tag())) }</label>
            </div>
        }
    });
    let times = PreferredTime::ALL.map(|time| {
        let on_action = props.on_action.clone();
        let id = format!("contact-time-{}", time.as_str());
        let onchange = Callback::from(move |_: Event| on_action.emit(SelfAction::EditContact(ContactEdit::Time(time))));
        html! {
            <div class="tk-radio">
                <input type="radio" class="tk-radio__input" id={id.clone()} name="contact-time"
                    checked={draft.preferred_time == time} {onchange} />
                <label class="tk-radio__label" for={id}>{ i18n.t(&format!("contact-time-{}", time.as_str())) }</label>
            </div>
        }
    });
    let on_back = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(SelfAction::Back))
    };
    let sending = on_its_way(&state.contact_request, outbox);
    html! {
        <>
            <ErrorSummary title={i18n.t("error-summary-title")} {errors} focus_key={state.stops} />
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("contact-title") }</h1>
            <p class="tk-lead">{ i18n.t("contact-lead") }</p>
            if props.urgent { <p class="tk-notice tk-notice--urgent" id="contact-urgent">{ i18n.t("contact-urgent") }</p> }
            <form class="tk-form" id="contact-form" novalidate=true autocomplete="off" onsubmit={on_submit} aria-busy={sending.to_string()}>
                { text_input("contact-name", "text", i18n.t("contact-name"), None, &draft.name, problem_at("contact-name"), edit(ContactEdit::Name)) }
                { text_input("contact-phone", "tel", i18n.t("contact-phone"), Some(i18n.t("contact-reach-hint")), &draft.phone, problem_at("contact-phone"), edit(ContactEdit::Phone)) }
                { text_input("contact-email", "email", i18n.t("contact-email"), None, &draft.email, problem_at("contact-email"), edit(ContactEdit::Email)) }
                <fieldset class="tk-fieldset tk-field">
                    <legend class="tk-legend tk-legend--small">{ i18n.t("contact-language") }</legend>
                    <div class="tk-radios">{ for languages }</div>
                </fieldset>
                <fieldset class="tk-fieldset tk-field">
                    <legend class="tk-legend tk-legend--small">{ i18n.t("contact-time") }</legend>
                    <div class="tk-radios">{ for times }</div>
                </fieldset>
                { check("contact-plain-language", draft.plain_language, i18n.t("contact-plain-language"), ContactEdit::PlainLanguage, None) }
                { check("contact-share-answers", draft.share_answers, i18n.t("contact-share-answers"), ContactEdit::ShareAnswers, None) }
                <div class="tk-consent">
                    <h2 class="tk-subtitle">{ i18n.t("contact-consent-title") }</h2>
                    <p id="contact-consent-text">{ consent_text.clone() }</p>
                    { check("contact-consent", draft.consent, i18n.t("contact-consent-label"), ContactEdit::Consent, problem_at("contact-consent")) }
                </div>
                <div class="tk-actions">
                    <button type="button" class="tk-button tk-button--secondary" id="back" onclick={on_back}>{ i18n.t("back") }</button>
                    <button type="submit" class="tk-button" id="send-contact" disabled={sending}>{ i18n.t("contact-send") }</button>
                </div>
            </form>
            { send_status(i18n, outbox, key_of(&state.contact_request), props.kiosk) }
        </>
    }
}

fn key_of(handed: &Option<Rc<Document>>) -> Option<Uuid> {
    handed.as_ref().map(|document| document.idempotency_key)
}

/// Whether the document handed over is still on its way.
fn on_its_way(handed: &Option<Rc<Document>>, outbox: &OutboxHandle) -> bool {
    key_of(handed).is_some_and(|key| outbox.on_its_way(key))
}

/// A live region saying where the document with the key `handed` is, if one was handed over; if it was
/// refused, why, that nothing is lost, and a retry (on a kiosk, that the staff can help). A function, not
/// a component: it has no state of its own.
fn send_status(i18n: &I18n, outbox: &OutboxHandle, handed: Option<Uuid>, kiosk: bool) -> Html {
    let content = match handed.map(|key| (key, outbox.status(key))) {
        Some((key, Some(view))) if view.on_its_way() => delivery_status(i18n, outbox, key),
        // A refused document is not offered again unchanged: the message says what to mend, and links
        // to the field it names; sending is the form's own button once something has changed.
        Some((_, Some(DeliveryView::Rejected { failure }))) => {
            let field = match &failure {
                SendFailure::Rejected { refusal, .. } => refused_field(refusal.field.as_deref()),
                _ => None,
            };
            html! {
                <div class="tk-notice tk-notice--error" id="send-failed">
                    <h2 class="tk-notice__title">{ i18n.t("send-failed-title") }</h2>
                    <p>{ failure_message(i18n, &failure) }</p>
                    if let Some(field) = field {
                        <p><a href={format!("#{field}")} id="refused-field" class="tk-link">{ i18n.t(field) }</a></p>
                    }
                    <p>{ i18n.t("send-failed-kept") }</p>
                    if kiosk { <p>{ i18n.t("send-failed-kiosk-staff") }</p> }
                </div>
            }
        }
        _ => html! {},
    };
    html! { <div class="tk-status" role="status" aria-live="polite">{ content }</div> }
}

/// Props of [`SentScreen`].
#[derive(Debug)]
pub struct SentScreenProps {
    /// The receipt.
    pub receipt: Option<Receipt>,
    /// Without a receipt yet: the key of the request a kiosk keeps sealed until the inbox has it.
    pub sealed: Option<Uuid>,
    /// Whether this is a kiosk (then a print button for the reference).
    pub kiosk: bool,
    /// Within how many working days the county answers a request that is not urgent, if it says.
    pub call_back_days: Option<u32>,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
}

/// The contact request has arrived (or, on a kiosk that could not deliver it, is kept sealed and sent when
/// the connection is back): the short reference, and what happens next in plain words. A function, not a
/// component: it has no state of its own.
pub fn sent_screen(i18n: &I18n, props: &SentScreenProps) -> Html {
    let Some(key) = props
        .receipt
        .as_ref()
        .map(|receipt| receipt.idempotency_key)
        .or(props.sealed)
    else {
        return html! {};
    };
    let code = reference_code(&key);
    let on_feedback = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(SelfAction::OpenFeedback))
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="tk-confirmation" id="receipt">
            <div class="tk-panel">
                <h1 class="tk-panel__title" id="screen-heading" tabindex="-1">
                    { i18n.t(if props.receipt.is_some() { "contact-sent-title" } else { "contact-sealed-title" }) }
                </h1>
                <dl class="tk-panel__facts">
                    <dt>{ i18n.t("sent-reference") }</dt>
                    <dd id="reference-code" class="tk-reference">{ code }</dd>
                    if let Some(receipt) = &props.receipt {
                        <dt>{ i18n.t("sent-received-at") }</dt>
                        <dd id="receipt-time">
                            <time datetime={receipt.received_at.to_rfc3339()}>
                                { platform::format_date_time(i18n.language(), receipt.received_at) }
                            </time>
                        </dd>
                    }
                </dl>
                if props.receipt.is_none() {
                    <p id="sealed-note">{ i18n.t("contact-sealed-text") }</p>
                }
            </div>
            <h2 class="tk-subtitle">{ i18n.t("contact-next-title") }</h2>
            <ol class="tk-list">
                <li>
                    { i18n.t("contact-next-call") }
                    if let Some(days) = props.call_back_days {
                        { " " }{ i18n.t_with("contact-call-back", &[("days", days.into())]) }
                    }
                </li>
                <li>{ i18n.t("contact-next-assessment") }</li>
                <li>{ i18n.t("contact-next-reference") }</li>
            </ol>
            <p class="tk-hint">{ i18n.t("start-urgent") }</p>
            <div class="tk-actions tk-no-print">
                if props.kiosk {
                    <button type="button" class="tk-button tk-button--secondary" id="print-reference" onclick={on_print}>
                        { i18n.t("contact-print") }
                    </button>
                }
                <button type="button" class="tk-button" id="give-feedback" onclick={on_feedback}>{ i18n.t("feedback-open") }</button>
            </div>
        </div>
    }
}

/// Props of [`FeedbackScreen`].
#[derive(Debug)]
pub struct FeedbackScreenProps {
    /// The state.
    pub state: SelfState,
    /// Whether this is a kiosk.
    pub kiosk: bool,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
}

/// "How well did this serve you, 1–10", and a comment; anonymous and optional.
/// A function, not a component: it has no state of its own.
pub fn feedback_screen(i18n: &I18n, outbox: &OutboxHandle, props: &FeedbackScreenProps) -> Html {
    let state = &props.state;
    let message = state.feedback_problem.map(|problem| match problem {
        FeedbackProblem::Empty => i18n.t("feedback-error-empty"),
        FeedbackProblem::TooLong => {
            i18n.t_with("question-error-too-long", &[("max", MAX_FREE_TEXT_CHARS.into())])
        }
    });
    let errors: Vec<ErrorLink> = message
        .iter()
        .map(|message| ErrorLink {
            target: match state.feedback_problem {
                Some(FeedbackProblem::TooLong) => "feedback-comment".into(),
                _ => "feedback-score-1".into(),
            },
            message: message.clone().into(),
        })
        .collect();
    let on_submit = {
        let on_action = props.on_action.clone();
        let state = state.clone();
        let lang = i18n.language();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let new = NewDocument {
                key: platform::new_key(),
                now: chrono::Utc::now(),
                lang,
            };
            on_action.emit(SelfAction::SubmitFeedback(state.make_feedback(new)));
        })
    };
    let on_comment = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_action.emit(SelfAction::FeedbackComment(platform::typed(area.value())));
        })
    };
    let on_skip = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(SelfAction::SkipFeedback))
    };
    let sending = on_its_way(&state.feedback, outbox);
    html! {
        <>
            <ErrorSummary title={i18n.t("error-summary-title")} {errors} focus_key={state.stops} />
            <form class="tk-form" id="feedback-form" novalidate=true autocomplete="off" onsubmit={on_submit}>
                <fieldset class="tk-fieldset tk-field" aria-describedby="feedback-anchors">
                    <legend class="tk-legend tk-legend--page">
                        <h1 class="tk-legend__heading" id="screen-heading" tabindex="-1">{ i18n.t("feedback-title") }</h1>
                    </legend>
                    <p class="tk-hint">{ i18n.t("feedback-hint") }</p>
                    if let Some(message) = &message { <p class="tk-error-message">{ message }</p> }
                    <div class="tk-scale">
                        { for (1..=10u8).map(|value| {
                            let id = format!("feedback-score-{value}");
                            let on_action = props.on_action.clone();
                            let onchange = Callback::from(move |_: Event| on_action.emit(SelfAction::FeedbackScore(value)));
                            html! {
                                <div class="tk-scale__option">
                                    <input type="radio" class="tk-scale__input" id={id.clone()} name="feedback-score"
                                        value={value.to_string()} checked={state.feedback_score == Some(value)} {onchange} />
                                    <label class="tk-scale__label" for={id}>{ value }</label>
                                </div>
                            }
                        }) }
                    </div>
                    <div class="tk-scale__anchors" id="feedback-anchors">
                        <span>{ i18n.t("feedback-low") }</span>
                        <span>{ i18n.t("feedback-high") }</span>
                    </div>
                </fieldset>
                <div class="tk-field">
                    <label class="tk-label" for="feedback-comment">{ i18n.t("feedback-comment") }</label>
                    <textarea id="feedback-comment" class="tk-textarea" rows="4" autocomplete="off"
                        value={state.feedback_comment.clone()} oninput={on_comment} />
                </div>
                <div class="tk-actions">
                    <button type="button" class="tk-button tk-button--secondary" id="skip-feedback" onclick={on_skip}>{ i18n.t("feedback-skip") }</button>
                    <button type="submit" class="tk-button" id="send-feedback" disabled={sending}>{ i18n.t("feedback-send") }</button>
                </div>
            </form>
            { send_status(i18n, outbox, key_of(&state.feedback), props.kiosk) }
            { kept_reference(i18n, state.receipt.as_ref()) }
        </>
    }
}

/// After a contact request, its reference stays in view on the screens that follow the receipt.
fn kept_reference(i18n: &I18n, receipt: Option<&Receipt>) -> Html {
    match receipt {
        Some(receipt) => html! {
            <p class="tk-hint" id="kept-reference">
                { format!("{}: ", i18n.t("sent-reference")) }<strong>{ reference_code(&receipt.idempotency_key) }</strong>
            </p>
        },
        None => html! {},
    }
}

/// Props of [`ThanksScreen`].
#[derive(Debug)]
pub struct ThanksScreenProps {
    /// The receipt of the contact request, if one was sent: its reference stays in view.
    pub receipt: Option<Receipt>,
    /// Whether this is a kiosk (then "finish" wipes the visit).
    pub kiosk: bool,
    /// Where actions go.
    pub on_action: Callback<SelfAction>,
}

/// The end.
/// A function, not a component: it has no state of its own.
pub fn thanks_screen(i18n: &I18n, props: &ThanksScreenProps) -> Html {
    let on_finish = {
        let on_action = props.on_action.clone();
        let kiosk = props.kiosk;
        Callback::from(move |_: MouseEvent| {
            if kiosk {
                crate::web::kiosk::wipe_current();
            } else {
                on_action.emit(SelfAction::StartOver);
            }
        })
    };
    html! {
        <div class="tk-thanks" id="thanks">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("thanks-title") }</h1>
            <p class="tk-lead">{ i18n.t("thanks-lead") }</p>
            { kept_reference(i18n, props.receipt.as_ref()) }
            <button type="button" class="tk-button" id="finish" onclick={on_finish}>
                { i18n.t(if props.kiosk { "kiosk-wipe" } else { "thanks-finish" }) }
            </button>
        </div>
    }
}

/// On a kiosk, once a visit has begun: "finish and wipe", asked once more before anything is wiped (a
/// stray tap on a shared screen must not lose a person's answers).
#[component]
pub fn KioskBar() -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| false);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*asking, move |asking| {
            if *asking && let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let ask = |value: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(value))
    };
    html! {
        <div class="tk-kiosk-bar">
            <button type="button" id="kiosk-start-over" class="tk-button tk-button--secondary" onclick={ask(true)}>
                { i18n.t("kiosk-wipe") }
            </button>
            if *asking {
                <div class="tk-overlay">
                    <div class="tk-dialog" id="kiosk-confirm" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-confirm-title" aria-describedby="kiosk-confirm-text"
                        tabindex="-1" ref={dialog}>
                        <h2 class="tk-dialog__title" id="kiosk-confirm-title">{ i18n.t("kiosk-confirm-title") }</h2>
                        <p id="kiosk-confirm-text">{ i18n.t("kiosk-confirm-text") }</p>
                        <div class="tk-actions">
                            <button type="button" id="kiosk-keep" class="tk-button tk-button--secondary" onclick={ask(false)}>
                                { i18n.t("kiosk-keep") }
                            </button>
                            <button type="button" id="kiosk-confirm-wipe" class="tk-button"
                                onclick={Callback::from(|_: MouseEvent| crate::web::kiosk::wipe_current())}>
                                { i18n.t("kiosk-wipe") }
                            </button>
                        </div>
                    </div>
                </div>
            }
        </div>
    }
}
