//! Mounting the app into a host page. A host marks an element
//! (`<div data-tyokyky data-mode="self" data-lang="sv" data-endpoint="https://…/api/documents">`) and loads
//! `embed.js`, or calls `mount(element, config)` itself. Attributes give the simple settings; the config
//! object can give them too (it wins) and also what does not fit an attribute: extra headers, the access
//! token, the origins of a parent window that may hear about submissions.
//!
//! | attribute | config key | meaning |
//! |---|---|---|
//! | `data-mode` | `mode` | `self` (the default of `embed.js`), `kiosk` or `worker` (self-service, starting at the worker flow; the default of `embed-worker.js`, the only bundle that has that flow) |
//! | `data-lang` | `lang` | `fi`, `fi-x-selko` (plain-language Finnish), `sv` or `en` (default: the browser's preferred language) |
//! | `data-endpoint` | `endpoint` | where documents are posted (default: `api/documents` beside `embed.js`) |
//! | `data-idle-seconds`, `data-warning-seconds` | `idleSeconds`, `warningSeconds` | kiosk timeouts |
//! | `data-parent-origins` | `parentOrigins` | origins of a parent window that get `postMessage`s (space-separated) |
//! | `data-delivery` | `delivery` | where each kind of document goes, and how: `kind=adapter url` pairs separated by `;`, e.g. `client_plan=fhir https://fhir.example.fi/r4; contact_request=relay` (adapters `json`, `relay`, `fhir`; see `docs/embedding.md`) |
//! | — | `headers` | extra request headers, `{ "X-Portal": "…" }` (sent to the endpoint's origin only) |
//! | — | `token` | a bearer token for the backend (sent to the endpoint's origin only); change it later with `handle.setToken(…)` |
//! | `data-wipe-origin` | `wipeOrigin` | kiosk: the wipe empties every storage of the origin, not only the component's own (for a page that is nothing but the kiosk; inside a host page the component touches only what is its own) |
//! | `data-owns-page` | — | the app is the whole page: it sets the page's `lang` and title |
//! | — | `openPlan` | the short reference of a finished plan (`K7Q4-MZ2P`) the worker flow opens for review |
//! | — | `case` | the case context for the worker flow: `{ organisation, caseReference, worker: { name, role, phone, email }, clientName }` (the first three and the worker's name required; never a personal identity code) |

use tyokyky_engine::document::FreeText;
use tyokyky_engine::plan::{CaseContext, WorkerContact};
use wasm_bindgen::{JsCast, JsValue};

use crate::app::{CitizenPages, WorkerPages};
use crate::state::config::{Adapter, KioskTimings, Mode};
use crate::state::i18n::{Locale, Locales};
use crate::web::host::Host;
use crate::web::submit::Transport;
use crate::{App, AppProps};

/// Seconds without activity before the worker flow locks, unless the host sets `idleSeconds`.
pub const WORKER_IDLE_LOCK_SECONDS: u32 = 15 * 60;

/// The settings a host passes in its config object (read by [`EmbedConfig::read`]).
#[derive(Debug, Default)]
pub struct EmbedConfig {
    /// `self`, `kiosk` or `worker`.
    pub mode: Option<String>,
    /// `fi`, `sv` or `en`.
    pub lang: Option<String>,
    /// Where documents are posted.
    pub endpoint: Option<String>,
    /// Kiosk: seconds without activity before the wipe. Worker flow: before it locks (0: never).
    pub idle_seconds: Option<u32>,
    /// Kiosk: seconds of warning before it.
    pub warning_seconds: Option<u32>,
    /// Origins of a parent window that may receive messages.
    pub parent_origins: Option<Vec<String>>,
    /// Extra request headers.
    pub headers: Option<std::collections::BTreeMap<String, String>>,
    /// A bearer token.
    pub token: Option<String>,
    /// The folder `embed.js` was loaded from (set by `embed.js`).
    pub base: Option<String>,
    /// The app owns the whole page.
    pub owns_page: Option<bool>,
    /// The case context for the worker flow (read by the worker bundle's reader, [`case_context`]).
    pub case: Option<JsValue>,
    /// The short reference of a finished plan to open for review in the worker flow.
    pub open_plan: Option<String>,
    /// Kiosk: the wipe empties every storage of the origin (a dedicated kiosk page).
    pub wipe_origin: Option<bool>,
    /// Where each kind of document goes, and how (`kind=adapter url; …`).
    pub delivery: Option<String>,
    /// The FHIR module's converter, which the loader imports when it is first called (set by `embed.js`).
    pub fhir: Option<js_sys::Function>,
}

/// The keys of the config object, as a host writes them.
const CONFIG_KEYS: [&str; 15] = [
    "mode",
    "lang",
    "endpoint",
    "idleSeconds",
    "warningSeconds",
    "parentOrigins",
    "headers",
    "token",
    "base",
    "ownsPage",
    "case",
    "openPlan",
    "wipeOrigin",
    "delivery",
    "fhir",
];

impl EmbedConfig {
    /// Reads the host's config object, by hand rather than through a JSON decoder, which would weigh on
    /// the public bundle (about 10 KB of WebAssembly): a key that is not a setting, or a value of the wrong
    /// type, is an error that names it.
    pub fn read(config: &JsValue) -> Result<EmbedConfig, String> {
        if config.is_undefined() || config.is_null() {
            return Ok(EmbedConfig::default());
        }
        let Some(object) = config
            .dyn_ref::<js_sys::Object>()
            .filter(|_| !js_sys::Array::is_array(config))
        else {
            return Err("the config must be an object".to_owned());
        };
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !CONFIG_KEYS.contains(&key.as_str()) {
                return Err([
                    "unknown setting `",
                    &key,
                    "`; the settings are ",
                    &CONFIG_KEYS.join(", "),
                ]
                .concat());
            }
        }
        let get = |key: &str| {
            js_sys::Reflect::get(config, &JsValue::from_str(key))
                .ok()
                .filter(|value| !value.is_undefined() && !value.is_null())
        };
        let text = |key: &str| -> Result<Option<String>, String> {
            get(key)
                .map(|value| {
                    value
                        .as_string()
                        .ok_or_else(|| ["`", key, "` must be a text"].concat())
                })
                .transpose()
        };
        let flag = |key: &str| -> Result<Option<bool>, String> {
            get(key)
                .map(|value| {
                    value
                        .as_bool()
                        .ok_or_else(|| ["`", key, "` must be true or false"].concat())
                })
                .transpose()
        };
        let seconds = |key: &str| -> Result<Option<u32>, String> {
            get(key)
                .map(|value| {
                    value
                        .as_f64()
                        .filter(|number| {
                            number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(number)
                        })
                        .map(|number| number as u32)
                        .ok_or_else(|| ["`", key, "` must be a whole number of seconds"].concat())
                })
                .transpose()
        };
        let texts_of = |key: &str, value: &JsValue| -> Result<Vec<String>, String> {
            let wrong = || ["`", key, "` must be a list of texts"].concat();
            let list = value.dyn_ref::<js_sys::Array>().ok_or_else(wrong)?;
            list.iter()
                .map(|item| item.as_string().ok_or_else(wrong))
                .collect()
        };
        let headers = match get("headers") {
            None => None,
            Some(value) => {
                let wrong = || "`headers` must be an object of texts".to_owned();
                let object = value.dyn_ref::<js_sys::Object>().ok_or_else(wrong)?;
                let mut headers = std::collections::BTreeMap::new();
                for entry in js_sys::Object::entries(object).iter() {
                    let pair = js_sys::Array::from(&entry);
                    let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
                        return Err(wrong());
                    };
                    headers.insert(name, value);
                }
                Some(headers)
            }
        };
        Ok(EmbedConfig {
            mode: text("mode")?,
            lang: text("lang")?,
            endpoint: text("endpoint")?,
            idle_seconds: seconds("idleSeconds")?,
            warning_seconds: seconds("warningSeconds")?,
            parent_origins: get("parentOrigins")
                .map(|value| texts_of("parentOrigins", &value))
                .transpose()?,
            headers,
            token: text("token")?,
            base: text("base")?,
            owns_page: flag("ownsPage")?,
            case: get("case"),
            open_plan: text("openPlan")?,
            wipe_origin: flag("wipeOrigin")?,
            delivery: text("delivery")?,
            fhir: get("fhir")
                .map(|value| {
                    value
                        .dyn_into::<js_sys::Function>()
                        .map_err(|_| "`fhir` must be a function".to_owned())
                })
                .transpose()?,
        })
    }
}

/// The case context a host passes as `case` (a JSON object), for the worker flow: the host's object as
/// JSON, then [`case_context`].
pub fn case_context_of(value: &JsValue) -> Result<CaseContext, String> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|_| "`case` must be an object".to_owned())?;
    case_context(&value)
}

/// The case context a host passes as `case`, read by hand (its fields are few, and a derived reader
/// would weigh on the bundle): the organisation, the case's reference in the host system and the
/// worker's name are required; the worker's role, phone and e-mail and the client's name are optional.
/// Anything else, and anything that looks like a personal identity code, is refused by name: the
/// component never takes one.
pub fn case_context(value: &serde_json::Value) -> Result<CaseContext, String> {
    use serde_json::Value;
    fn text(object: &Value, path: &str, key: &str, required: bool) -> Result<FreeText, String> {
        let name = format!("{path}{key}");
        match object.get(key) {
            Some(Value::String(text)) if !text.trim().is_empty() => {
                if looks_like_identity_code(text) {
                    return Err(format!(
                        "{name} looks like a personal identity code; the component does not take one"
                    ));
                }
                FreeText::new(text.clone()).ok_or_else(|| format!("{name} is longer than 2000 characters"))
            }
            Some(Value::String(_)) | Some(Value::Null) | None if required => {
                Err(format!("{name} is needed in the case context"))
            }
            Some(Value::String(_)) | Some(Value::Null) | None => Ok(FreeText::default()),
            Some(_) => Err(format!("{name} must be text")),
        }
    }
    fn only(object: &Value, path: &str, keys: &[&str]) -> Result<(), String> {
        let Value::Object(fields) = object else {
            return Err(format!("{} must be an object", path.trim_end_matches('.')));
        };
        match fields.keys().find(|key| !keys.contains(&key.as_str())) {
            Some(key) => Err(format!(
                "{path}{key} is not a setting of the case context ({})",
                keys.join(", ")
            )),
            None => Ok(()),
        }
    }
    only(
        value,
        "case.",
        &["organisation", "caseReference", "worker", "clientName"],
    )?;
    let worker = value.get("worker").unwrap_or(&Value::Null);
    only(worker, "case.worker.", &["name", "role", "phone", "email"])?;
    let client_name = text(value, "case.", "clientName", false)?;
    Ok(CaseContext {
        organisation: text(value, "case.", "organisation", true)?,
        case_reference: text(value, "case.", "caseReference", true)?,
        worker: WorkerContact {
            name: text(worker, "case.worker.", "name", true)?,
            role: text(worker, "case.worker.", "role", false)?,
            phone: text(worker, "case.worker.", "phone", false)?,
            email: text(worker, "case.worker.", "email", false)?,
        },
        client_name: (!client_name.is_empty()).then_some(client_name),
    })
}

/// Whether `text` holds something of the form of a Finnish personal identity code (henkilötunnus):
/// six digits, a century sign, three digits and a check character, e.g. `010190-123A`.
fn looks_like_identity_code(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .any(|word| {
            let bytes = word.as_bytes();
            bytes.len() == 11
                && bytes[..6].iter().all(u8::is_ascii_digit)
                && matches!(bytes[6], b'-' | b'+' | b'A'..=b'F' | b'U'..=b'Y')
                && bytes[7..10].iter().all(u8::is_ascii_digit)
                && bytes[10].is_ascii_alphanumeric()
        })
}

/// Everything needed to render the app, read from attributes and the config.
#[derive(Debug)]
pub struct Mounting {
    /// The app's props.
    pub props: AppProps,
    /// Start at the worker flow.
    pub worker: bool,
}

/// The first of the browser's preferred languages that the app offers; Finnish otherwise.
pub fn preferred_language() -> Locale {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Locale::FI;
    };
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Locale::from_tag(&tag).filter(|locale| locale.info().offered))
        .unwrap_or(Locale::FI)
}

/// The pages a bundle has: the public bundle the citizen's, the worker bundle the worker's.
#[derive(Debug, Clone, Copy)]
pub enum Pages {
    /// The self-assessment and the kiosk (`embed.js`).
    Citizen(CitizenPages),
    /// The worker flow (`embed-worker.js`).
    Worker(WorkerPages),
}

/// Reads the settings of `element` and `config` for a bundle with its compiled `rules` and with or without
/// the worker flow's `pages`; a setting that cannot be used is an error that names it.
pub fn settings(
    element: &web_sys::Element,
    mut config: EmbedConfig,
    rules: crate::state::rules::EmbeddedRules,
    bundle_pages: Pages,
) -> Result<Mounting, String> {
    let (pages, citizen) = match bundle_pages {
        Pages::Worker(pages) => (Some(pages), None),
        Pages::Citizen(pages) => (None, Some(pages)),
    };
    let attribute = |name: &str| {
        element
            .get_attribute(name)
            .filter(|value| !value.trim().is_empty())
    };
    let owns_page = config.owns_page.unwrap_or(false) || element.has_attribute("data-owns-page");
    let query = if owns_page {
        web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default()
    } else {
        String::new()
    };
    let (query_mode, query_timings) = crate::state::config::from_query(&query);
    let mode_name = config.mode.take().or_else(|| attribute("data-mode"));
    let (mode, worker) = match mode_name.as_deref() {
        None if citizen.is_none() && query_mode == Mode::Kiosk => {
            return Err(
                "the kiosk is in embed.js (beside embed-worker.js): open index.html?mode=kiosk".to_owned(),
            );
        }
        None => (query_mode, pages.is_some() && query_mode == Mode::SelfService),
        Some("self" | "kiosk") if citizen.is_none() => {
            return Err(
                "the self-assessment and the kiosk are in embed.js (beside embed-worker.js); load that for data-mode / mode `self` or `kiosk`"
                    .to_owned(),
            );
        }
        Some("self") => (Mode::SelfService, false),
        Some("kiosk") => (Mode::Kiosk, false),
        Some("worker") if pages.is_none() => {
            return Err(
                "the worker flow is in embed-worker.js (beside embed.js); load that for data-mode / mode `worker`"
                    .to_owned(),
            );
        }
        Some("worker") => (Mode::SelfService, true),
        Some(other) => {
            return Err(format!(
                "data-mode / mode must be `self`, `kiosk` or `worker`, not `{other}`"
            ));
        }
    };
    let language = match config.lang.take().or_else(|| attribute("data-lang")) {
        None => preferred_language(),
        Some(tag) => crate::state::i18n::Locale::from_tag(&tag).ok_or_else(|| {
            let tags: Vec<String> = crate::state::i18n::Locale::all()
                .map(|locale| ["`", locale.tag(), "`"].concat())
                .collect();
            format!("data-lang / lang must be one of {}, not `{tag}`", tags.join(", "))
        })?,
    };
    let seconds = |value: Option<u32>, name: &str| -> Result<Option<u32>, String> {
        match value {
            Some(value) => Ok(Some(value)),
            None => match attribute(name) {
                None => Ok(None),
                Some(text) => text
                    .trim()
                    .parse::<u32>()
                    .map(Some)
                    .map_err(|_| format!("{name} must be a whole number of seconds, not `{text}`")),
            },
        }
    };
    let mut kiosk = query_timings;
    // The worker bundle locks its flow after a spell without activity: 15 minutes unless the host says.
    if pages.is_some() {
        kiosk.idle_seconds = WORKER_IDLE_LOCK_SECONDS;
    }
    if let Some(idle) = seconds(config.idle_seconds, "data-idle-seconds")? {
        kiosk.idle_seconds = idle;
    }
    if let Some(warning) = seconds(config.warning_seconds, "data-warning-seconds")? {
        kiosk.warning_seconds = warning;
    }
    kiosk.warning_seconds = kiosk.warning_seconds.min(kiosk.idle_seconds);
    // The inbox beside the loader: the default endpoint, and where `relay` goes.
    let inbox = [
        config.base.as_deref().unwrap_or("").trim_end_matches('/'),
        "/api/documents",
    ]
    .concat();
    let endpoint = config
        .endpoint
        .take()
        .or_else(|| attribute("data-endpoint"))
        .unwrap_or_else(|| inbox.clone());
    let mut transport = Transport::new(&endpoint);
    if let Some(delivery) = config.delivery.take().or_else(|| attribute("data-delivery")) {
        let routes = crate::state::config::routes(&delivery, &endpoint, &inbox)?;
        if routes.iter().any(|route| route.adapter == Adapter::Fhir) {
            transport.fhir = Some(config.fhir.take().ok_or(
                "data-delivery / delivery: fhir needs the FHIR module, which embed.js loads; mount through it",
            )?);
        }
        transport.routes = routes.into();
    }
    if let Some(headers) = config.headers.take() {
        transport.headers.borrow_mut().extend(headers);
    }
    transport.set_token(config.token.as_deref());
    let parent_origins: Vec<String> = match config.parent_origins.take() {
        Some(origins) => origins,
        None => match attribute("data-parent-origins") {
            Some(text) => text
                .split([' ', ','])
                .filter(|origin| !origin.is_empty())
                .map(str::to_owned)
                .collect(),
            None => crate::state::config::parent_origins_from_query(&query),
        },
    };
    // Read by the worker bundle's own reader: the public bundle, which has no worker flow, has none.
    let case = match (config.case.take(), pages) {
        (Some(value), Some(pages)) => Some(std::rc::Rc::new((pages.1)(&value)?)),
        (Some(_), None) => {
            return Err("`case` is for the worker flow, in embed-worker.js (beside embed.js)".to_owned());
        }
        (None, _) => None,
    };
    Ok(Mounting {
        props: AppProps {
            transport,
            host: Host {
                root: Some(element.clone()),
                parent_origins: parent_origins.into(),
            },
            language,
            locales: Locales::new(config.base.as_deref()),
            owns_document: owns_page,
            mode,
            kiosk: KioskTimings { ..kiosk },
            case: crate::app::CaseContextHandle(case),
            open_plan: crate::app::OpenPlan(config.open_plan.take()),
            wipe_origin: config.wipe_origin.unwrap_or(false) || element.has_attribute("data-wipe-origin"),
            worker: pages,
            citizen,
            rules,
        },
        worker,
    })
}

/// In an iframe, the parent (only from an allowed origin) may hand over the access token with
/// `postMessage({type: "tyokyky:set-token", token}, appOrigin)`; the listener lives as long as the page.
fn accept_token_from_parent(mounting: &Mounting) {
    let origins = mounting.props.host.parent_origins.clone();
    if origins.is_empty() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let transport = mounting.props.transport.clone();
    gloo::events::EventListener::new(&window, "message", move |event| {
        let Some(message) = wasm_bindgen::JsCast::dyn_ref::<web_sys::MessageEvent>(event) else {
            return;
        };
        if !origins.iter().any(|origin| *origin == message.origin()) {
            return;
        }
        let data = message.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &wasm_bindgen::JsValue::from_str(name)).ok();
        if field("type").and_then(|kind| kind.as_string()).as_deref() == Some("tyokyky:set-token") {
            transport.set_token(field("token").and_then(|token| token.as_string()).as_deref());
        }
    })
    .forget();
}

/// A mounted app, as the host holds it.
#[wasm_bindgen::prelude::wasm_bindgen]
#[derive(Debug)]
pub struct MountHandle {
    transport: Transport,
    app: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen::prelude::wasm_bindgen]
impl MountHandle {
    /// Hands over a new bearer token (or removes it with `null`); the next request uses it.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) {
        self.transport.set_token(token.as_deref());
    }

    /// The worker signs out, on a shared computer: the token is dropped, nothing of the work stays in this
    /// browser's storage (the tab's case, a draft still waiting to be saved, the self-assessment's answers)
    /// and the app leaves the page. A draft the backend has not taken yet is lost with it: the host asks
    /// first if it wants to (the flow says when a draft waits).
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&mut self) {
        self.transport.set_token(None);
        crate::web::storage::forget_work();
        self.unmount();
    }

    /// Removes the app from the page.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the app into `element` with `config` (an object, or `undefined`), the bundle's compiled `rules`
/// and the worker flow's `pages` when the bundle has them; an `Error` names the setting that cannot be used. Each bundle's entry point
/// exports this as `mount`.
pub fn mount(
    element: web_sys::Element,
    config: wasm_bindgen::JsValue,
    rules: crate::state::rules::EmbeddedRules,
    pages: Pages,
) -> Result<MountHandle, wasm_bindgen::JsValue> {
    let config = EmbedConfig::read(&config)
        .map_err(|message| js_sys::Error::new(&["tyokyky config: ", &message].concat()))?;
    let mounting = settings(&element, config, rules, pages)
        .map_err(|message| js_sys::Error::new(&format!("tyokyky: {message}")))?;
    let transport = mounting.props.transport.clone();
    let app = render(&element, mounting);
    Ok(MountHandle {
        transport,
        app: Some(app),
    })
}

/// Renders the app into `element`.
pub fn render(element: &web_sys::Element, mounting: Mounting) -> yew::AppHandle<App> {
    accept_token_from_parent(&mounting);
    if mounting.worker
        && let Some(window) = web_sys::window()
        && window.location().hash().unwrap_or_default().len() <= 2
    {
        let _ = window.location().set_hash("/worker");
    }
    yew::Renderer::<App>::with_root_and_props(element.clone(), mounting.props).render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_case_context_is_read_with_its_optional_parts() {
        let full = json!({
            "organisation": "Esimerkin hyvinvointialue",
            "caseReference": "ASIA-2026-0042",
            "worker": { "name": "Testi Ohjaaja", "role": "sosiaaliohjaaja", "phone": "040 000 0001" },
            "clientName": "Testi Asiakas",
        });
        let context = case_context(&full).unwrap();
        assert_eq!(context.case_reference.as_str(), "ASIA-2026-0042");
        assert_eq!(context.worker.role.as_str(), "sosiaaliohjaaja");
        assert!(context.worker.email.is_empty());
        assert_eq!(
            context
                .client_name
                .map(|name| name.as_str().to_owned())
                .as_deref(),
            Some("Testi Asiakas")
        );
        let least = json!({ "organisation": "O", "caseReference": "R", "worker": { "name": "N" } });
        assert_eq!(case_context(&least).unwrap().client_name, None);
    }

    #[test]
    fn a_case_context_that_cannot_be_used_is_refused_by_name() {
        for (value, message) in [
            (
                json!({ "caseReference": "R", "worker": { "name": "N" } }),
                "case.organisation is needed in the case context",
            ),
            (
                json!({ "organisation": "O", "caseReference": "R" }),
                "case.worker must be an object",
            ),
            (
                json!({ "organisation": "O", "caseReference": "R", "worker": { "name": " " } }),
                "case.worker.name is needed in the case context",
            ),
            (
                json!({ "organisation": "O", "caseReference": 42, "worker": { "name": "N" } }),
                "case.caseReference must be text",
            ),
            (
                json!({ "organisation": "O", "caseReference": "R", "worker": { "name": "N" }, "hetu": "x" }),
                "case.hetu is not a setting of the case context (organisation, caseReference, worker, clientName)",
            ),
            (
                json!({ "organisation": "O", "caseReference": "R", "worker": { "name": "N" }, "clientName": "Testi 010190-123A" }),
                "case.clientName looks like a personal identity code; the component does not take one",
            ),
            (
                json!({ "organisation": "O", "caseReference": "131052-308T", "worker": { "name": "N" } }),
                "case.caseReference looks like a personal identity code; the component does not take one",
            ),
        ] {
            assert_eq!(case_context(&value).err().as_deref(), Some(message), "{value}");
        }
        assert!(!looks_like_identity_code("ASIA-2026-0042") && !looks_like_identity_code("040 000 0001"));
    }
}
