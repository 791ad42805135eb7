//! The root component: the language in use, the header with the language switch, and the page.

use yew::prelude::*;

use crate::components::delivery::EarlierDocuments;
use crate::components::language_switch::language_switch;
use crate::hooks::use_locale::use_locale;
use crate::hooks::use_route::use_route;
use crate::pages::accessibility::accessibility_statement;
use crate::pages::worker::WorkerStep;
use crate::state::config::{KioskTimings, Mode};
use crate::state::delivery::runner::DeliveryProvider;
use crate::state::i18n::{I18n, Locale, Locales};
use crate::state::rules::{self, SharedRules};
use crate::web::host::Host;
use crate::web::kiosk::Wipe;
use crate::web::router::Route;
use crate::web::submit::Transport;

/// Props of [`App`].
#[derive(Debug, Properties, PartialEq)]
pub struct AppProps {
    /// Where and how documents are posted (the host may change its headers at run time).
    #[prop_or_else(|| Transport::new("/api/documents"))]
    pub transport: Transport,
    /// Who hears about what happens (events on the mount element, messages to a parent window).
    #[prop_or_default]
    pub host: Host,
    /// The language to start in.
    #[prop_or(Locale::FI)]
    pub language: Locale,
    /// Where the languages other than Finnish come from (and those already at hand).
    #[prop_or_default]
    pub locales: Locales,
    /// Whether the app owns the whole page (then it also sets the page's `lang` and title).
    #[prop_or(false)]
    pub owns_document: bool,
    /// Self-service or kiosk.
    #[prop_or_default]
    pub mode: Mode,
    /// When a kiosk warns and wipes; in the worker flow, `idle_seconds` is when it locks (0: never).
    #[prop_or_default]
    pub kiosk: KioskTimings,
    /// The organisation, the worker and the case, when the host system passes them (the worker flow
    /// shows them and records them in the plan).
    #[prop_or_default]
    pub case: CaseContextHandle,
    /// A kiosk wipe empties every storage of the origin, not only the app's own (a dedicated kiosk page).
    #[prop_or(false)]
    pub wipe_origin: bool,
    /// A finished plan the host hands over for review (its short reference).
    #[prop_or_default]
    pub open_plan: OpenPlan,
    /// The worker flow's pages, in the bundle that has them (`embed-worker.js`); the public bundle
    /// (`embed.js`) leaves them out, so a citizen never downloads them.
    #[prop_or_default]
    pub worker: Option<WorkerPages>,
    /// The self-assessment (and the kiosk), in the bundle that has it (`embed.js`); the worker bundle
    /// (`embed-worker.js`) leaves it out and shows the worker's start instead.
    #[prop_or_default]
    pub citizen: Option<CitizenPages>,
    /// The rules the bundle embeds: the citizens' part ([`rules::CITIZEN`]) in the public bundle, the
    /// whole set ([`rules::WHOLE`]) in the worker bundle. Each entry point names its own, so the other is
    /// left out.
    pub rules: rules::EmbeddedRules,
}

/// The worker flow's pages: a function that renders a step, posting and reading through the transport. Only the worker bundle's entry point names
/// it, so the linker leaves the whole flow out of the public bundle.
#[derive(Clone, Copy)]
pub struct WorkerPages(
    /// The flow at a step; the last two are the host to tell, and the seconds without activity before
    /// the flow locks (0: never).
    pub fn(WorkerStep, Transport, OpenPlan, Host, u32) -> Html,
    /// Reads the case context a host passes (`case`), which only the worker flow uses.
    pub fn(&wasm_bindgen::JsValue) -> Result<tyokyky_engine::plan::CaseContext, String>,
);

one_per_bundle!(WorkerPages);

/// The citizen's pages: a function that renders the self-assessment in a mode, one that renders the
/// kiosk's inactivity guard, and how the kiosk seals what it cannot deliver. Only the public bundle's
/// entry point names them.
#[derive(Clone, Copy)]
pub struct CitizenPages(
    pub fn(Mode) -> Html,
    pub fn(KioskTimings, Wipe, u32) -> Html,
    pub crate::state::delivery::Sealing,
);

one_per_bundle!(CitizenPages);

/// The short reference of a finished plan the host hands over for review (`openPlan`), if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpenPlan(pub Option<String>);

/// The case context the host passed, for the pages (none when the app is tried on its own).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CaseContextHandle(pub Option<std::rc::Rc<tyokyky_engine::plan::CaseContext>>);

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            transport: Transport::new("/api/documents"),
            host: Host::default(),
            language: Locale::FI,
            locales: Locales::default(),
            owns_document: false,
            mode: Mode::SelfService,
            kiosk: KioskTimings::default(),
            case: CaseContextHandle::default(),
            open_plan: OpenPlan::default(),
            wipe_origin: false,
            worker: None,
            citizen: None,
            rules: rules::WHOLE,
        }
    }
}

/// The app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let choice = use_locale(&props.locales, props.language);
    let route = use_route();
    // Until the first language has arrived, Finnish serves the hooks below and nothing is shown.
    let waiting = choice.shown.is_none();
    let i18n = choice.shown.clone().unwrap_or_else(I18n::finnish);
    // The worker flow's messages are fetched when it opens (never on a kiosk, which has no worker flow).
    let worker_route = props.mode != Mode::Kiosk
        && matches!(
            route,
            Route::Worker
                | Route::WorkerAssessment
                | Route::WorkerPlan
                | Route::WorkerNamedWorker
                | Route::WorkerSummary
                | Route::WorkerCases
        );
    // The public bundle's own page sends a worker route to the worker bundle's page, keeping the route.
    {
        let leave = worker_route && props.worker.is_none() && props.owns_document;
        use_effect_with(leave, |leave| {
            if *leave {
                crate::web::platform::open_worker_page();
            }
        });
    }
    let language = i18n.locale();
    {
        let owns_document = props.owns_document && !waiting;
        let i18n = i18n.clone();
        use_effect_with((language, owns_document), move |(language, owns_document)| {
            if *owns_document && let Some(document) = web_sys::window().and_then(|window| window.document()) {
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", language.tag());
                    let _ = root.set_attribute("dir", language.dir());
                }
                document.set_title(&i18n.t("document-title"));
            }
        });
    }
    // The host hears once that the app is up, in which mode and language.
    {
        let host = props.host.clone();
        let mode = props.mode;
        let language = props.language;
        use_effect_with((), move |_| {
            host.emit(
                "ready",
                &serde_json::json!({ "mode": mode.name(), "lang": language.tag() }),
            );
        });
    }
    let on_language = choice.choose.clone();
    // Which visit this is: a kiosk wipe inside a host page starts a new one.
    let visit = use_state(|| 0u32);
    let wipe = Wipe {
        whole_origin: props.wipe_origin,
        owns_page: props.owns_document,
        restart: {
            let visit = visit.clone();
            Callback::from(move |_| visit.set(*visit + 1))
        },
    };
    // The rules are built once; the pages that apply the law take them from context. The public bundle
    // has only the citizens' part of them.
    let rules = use_memo((), |_| props.rules.build());
    // Each bundle has one flow of its own. The public bundle has no worker flow: its own page sends the
    // worker to the worker bundle's page (an embedded public bundle shows the self-assessment instead).
    // The worker bundle has no self-assessment: it shows the worker's start.
    let worker_flow = |step: WorkerStep| match (&props.worker, &props.citizen) {
        (Some(pages), _) => (pages.0)(
            step,
            props.transport.clone(),
            props.open_plan.clone(),
            props.host.clone(),
            props.kiosk.idle_seconds,
        ),
        (None, Some(pages)) => (pages.0)(props.mode),
        (None, None) => html! {},
    };
    let citizen_page = || match &props.citizen {
        Some(pages) => (pages.0)(props.mode),
        None => worker_flow(WorkerStep::Opening),
    };
    // A kiosk wipe inside a host page starts everything below afresh (a new key), the outbox included.
    let body = html! {
        <ContextProvider<SharedRules> key={*visit} context={(*rules).clone()}>
          <ContextProvider<CaseContextHandle> context={props.case.clone()}>
          <DeliveryProvider transport={props.transport.clone()} persist={props.mode != Mode::Kiosk} host={props.host.clone()}
              sealing={props.citizen.filter(|_| props.mode == Mode::Kiosk).map(|pages| pages.2)}>
            <EarlierDocuments />
            {{
                let mode = props.mode;
                match route {
                    Route::Accessibility => accessibility_statement(&i18n),
                    // A kiosk shows the self-assessment only: the worker flow is not for a shared screen.
                    _ if mode == Mode::Kiosk => citizen_page(),
                    Route::SelfAssessment | Route::NotFound => citizen_page(),
                    Route::Worker => worker_flow(WorkerStep::Opening),
                    Route::WorkerAssessment => worker_flow(WorkerStep::Assessment),
                    Route::WorkerPlan => worker_flow(WorkerStep::Plan),
                    Route::WorkerSummary => worker_flow(WorkerStep::Summary),
                    Route::WorkerNamedWorker => worker_flow(WorkerStep::NamedWorker),
                    Route::WorkerCases => worker_flow(WorkerStep::Cases),
                }
            }}
          </DeliveryProvider>
          </ContextProvider<CaseContextHandle>>
        </ContextProvider<SharedRules>>
    };
    let header = html! {
        <div class="tk-header__inner">
            <p class="tk-header__service">{ i18n.t("service-name") }</p>
            { language_switch(language, i18n.t("language-switch-label"), &on_language) }
        </div>
    };
    // Plain-language Finnish that falls back to standard Finnish somewhere says so, in plain language; a
    // language that could not be fetched is named.
    let partial = html! {
        <>
            if i18n.partial() {
                <p class="tk-partial-note" id="partial-note">{ i18n.t("locale-partial") }</p>
            }
            if let Some(failed) = choice.failed {
                <p class="tk-notice tk-notice--error" id="locale-failed" role="alert">
                    { i18n.t_with("locale-load-failed", &[("language", failed.endonym().into())]) }
                </p>
            }
        </>
    };
    let kiosk = match &props.citizen {
        Some(pages) if props.mode == Mode::Kiosk => (pages.1)(props.kiosk, wipe.clone(), *visit),
        _ => html! {},
    };
    let footer = html! {
        <div class="tk-footer__inner">
            <a href="#/accessibility" class="tk-link" id="accessibility-link">{ i18n.t("footer-accessibility") }</a>
            // A static page of its own (built from the county's settings), in a new tab: the visit, a
            // kiosk's wipe and a host page stay as they are.
            <a href={props.locales.file(&["privacy/", language.info().privacy, ".html"].concat())} target="_blank"
                rel="noopener" class="tk-link" id="privacy-link">{ i18n.t("footer-privacy") }</a>
        </div>
    };
    let class = classes!("tk-app", (props.mode == Mode::Kiosk).then_some("tk-app--kiosk"));
    // The whole page has a banner and a main landmark; inside a host page, whose landmarks those are, the
    // component is one named region.
    let app = if props.owns_document {
        html! {
            <div {class} lang={language.tag()} dir={language.dir()}>
                <header class="tk-header">{ header }</header>
                { kiosk }
                <main class="tk-main" id="main">{ partial }{ body }</main>
                <footer class="tk-footer">{ footer.clone() }</footer>
            </div>
        }
    } else {
        html! {
            <section {class} lang={language.tag()} dir={language.dir()} aria-label={i18n.t("service-name")}>
                <div class="tk-header">{ header }</div>
                { kiosk }
                <div class="tk-main" id="main">{ partial }{ body }</div>
                <div class="tk-footer">{ footer }</div>
            </section>
        }
    };
    if waiting {
        return html! { <div class="tk-app" lang={props.language.tag()} dir={props.language.dir()} aria-busy="true"></div> };
    }
    html! {
        <ContextProvider<Locales> context={props.locales.clone()}>
            <ContextProvider<std::rc::Rc<I18n>> context={i18n.clone()}>{ app }</ContextProvider<std::rc::Rc<I18n>>>
        </ContextProvider<Locales>>
    }
}
