//! Browser tests (wasm-bindgen-test in headless Chromium): the self-assessment walks its questions, shows
//! urgent help at once and checks answers before going on; the worker screens show the rules' findings. No
//! network, no sleeps: `flush()` runs the scheduler.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use tyokyky::i18n::{Locale, Locales};
use tyokyky::{App, AppProps};
use tyokyky_engine::document::Language;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(language: Language) -> Element {
    mount_at(language, "#/").await
}

/// Mounts the app at a hash route (`"#/"` for the start, `"#/worker"` for the worker flow).
async fn mount_at(language: Language, hash: &str) -> Element {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
    let root = fresh_root();
    let props = AppProps {
        transport: tyokyky::submit::Transport::new("/must-not-be-called"),
        language: language.into(),
        // No server here to fetch languages from: they are at hand from the start.
        locales: Locales::default()
            // A language's messages with its translations of the rules' texts, as fetched.
            .with_source(
                locale("sv"),
                concat!(
                    include_str!("../locales/sv/citizen.ftl"),
                    "\n",
                    include_str!(concat!(env!("OUT_DIR"), "/texts-sv.ftl"))
                ),
            )
            .with_source(
                locale("en"),
                concat!(
                    include_str!("../locales/en/citizen.ftl"),
                    "\n",
                    include_str!(concat!(env!("OUT_DIR"), "/texts-en.ftl"))
                ),
            )
            .with_source(
                locale("fi-x-selko"),
                concat!(
                    include_str!("../locales/fi-x-selko/citizen.ftl"),
                    "\n",
                    include_str!(concat!(env!("OUT_DIR"), "/texts-fi-x-selko.ftl"))
                ),
            )
            .with_worker_source(Locale::FI, include_str!("../locales/fi/worker.ftl"))
            .with_worker_source(locale("sv"), include_str!("../locales/sv/worker.ftl"))
            .with_worker_source(locale("en"), include_str!("../locales/en/worker.ftl")),
        worker: Some(tyokyky::app::WorkerPages(
            tyokyky::pages::worker::page,
            tyokyky::embed::case_context_of,
        )),
        citizen: Some(tyokyky::app::CitizenPages(
            tyokyky::pages::self_assessment::page,
            tyokyky::components::kiosk_guard::guard,
            tyokyky::web::seal::SEALING,
        )),
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn locale(tag: &str) -> Locale {
    Locale::from_tag(tag).unwrap_or_else(|| panic!("no {tag}"))
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}`"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

async fn type_text(root: &Element, selector: &str, value: &str) {
    let area: HtmlTextAreaElement = find(root, selector).dyn_into().unwrap();
    area.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn active_element() -> Element {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_self_assessment_starts_with_the_score_as_the_heading_and_a_scale_from_0_to_10() {
    let root = mount(Language::FI).await;
    assert_eq!(text(&root, "h1"), "Oma arvio työkyvystä ja arjesta");
    click(&root, "#begin").await;
    let heading = find(&root, "h1");
    assert!(
        heading
            .text_content()
            .unwrap()
            .starts_with("Jos työkykysi parhaimmillaan on 10, montako pistettä")
    );
    assert_eq!(heading.id(), "screen-heading");
    assert!(
        heading
            .parent_element()
            .unwrap()
            .tag_name()
            .eq_ignore_ascii_case("legend")
    );
    let radios = root
        .query_selector_all("input[type=radio][name=q-work_ability_score]")
        .unwrap();
    let values: Vec<String> = (0..radios.length())
        .map(|index| {
            radios
                .item(index)
                .unwrap()
                .dyn_into::<HtmlInputElement>()
                .unwrap()
                .value()
        })
        .collect();
    assert_eq!(values, (0..=10).map(|n| n.to_string()).collect::<Vec<_>>());
    assert!(text(&root, "#progress").contains("Kysymys 1/"));
    assert!(root.query_selector(".tk-error-summary").unwrap().is_none());
    assert!(root.query_selector("#urgent-help").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn ticking_an_urgent_option_shows_how_to_get_help_at_once() {
    let root = mount(Language::EN).await;
    click(&root, "#begin").await;
    click(&root, "#next").await;
    assert!(text(&root, "h1").starts_with("Is any of these true for you right now"));
    click(&root, "label[for=q-right_now-no_place_to_sleep]").await;
    let help = find(&root, "#urgent-help");
    assert_eq!(help.get_attribute("role").unwrap(), "alert");
    assert!(
        help.text_content().unwrap().contains("112"),
        "{:?}",
        help.text_content()
    );
    click(&root, "label[for=q-right_now-no_place_to_sleep]").await;
    assert!(
        root.query_selector("#urgent-help").unwrap().is_none(),
        "unticked: gone"
    );
}

#[wasm_bindgen_test]
async fn back_and_next_keep_the_answers_and_the_language_switch_keeps_them_too() {
    let root = mount(Language::FI).await;
    click(&root, "#begin").await;
    click(&root, "label[for=q-work_ability_score-7]").await;
    click(&root, "#next").await;
    click(&root, "#back").await;
    let chosen: HtmlInputElement = find(&root, "#q-work_ability_score-7").dyn_into().unwrap();
    assert!(chosen.checked());
    click(&root, "button[data-lang=sv]").await;
    assert!(
        text(&root, "h1").starts_with("Om din arbetsförmåga"),
        "{}",
        text(&root, "h1")
    );
    assert_eq!(find(&root, ".tk-app").get_attribute("lang").unwrap(), "sv");
    let chosen: HtmlInputElement = find(&root, "#q-work_ability_score-7").dyn_into().unwrap();
    assert!(chosen.checked());
}

#[wasm_bindgen_test]
async fn text_over_2000_characters_is_refused_with_the_error_summary_taking_focus() {
    let root = mount(Language::SV).await;
    click(&root, "#begin").await;
    // Skip to the last question, which is free text (every question may be left unanswered).
    let mut steps = 0;
    while root.query_selector("textarea").unwrap().is_none() {
        click(&root, "#next").await;
        steps += 1;
        assert!(steps < 40, "no free-text question");
    }
    let area_id = find(&root, "textarea").id();
    type_text(&root, &format!("#{area_id}"), &"å".repeat(2001)).await;
    click(&root, "#next").await;
    assert_eq!(text(&root, ".tk-error-summary a"), "Skriv högst 2000 tecken.");
    assert!(
        active_element().class_name().contains("tk-error-summary"),
        "focus is on the summary"
    );
    let area = find(&root, "textarea");
    assert_eq!(area.get_attribute("aria-invalid").unwrap(), "true");
    assert!(
        area.get_attribute("aria-describedby")
            .unwrap()
            .ends_with("-error")
    );
    type_text(&root, &format!("#{area_id}"), "Kort text").await;
    click(&root, "#next").await;
    assert!(
        root.query_selector("#results").unwrap().is_some(),
        "fixed: on to the results"
    );
}

#[wasm_bindgen_test]
async fn a_sensitive_question_says_it_can_be_skipped() {
    let root = mount(Language::FI).await;
    click(&root, "#begin").await;
    let mut steps = 0;
    while !text(&root, "form").contains("Tämä kysymys on vapaaehtoinen") {
        click(&root, "#next").await;
        steps += 1;
        assert!(steps < 40, "no sensitive question");
    }
    let before = text(&root, "h1");
    click(&root, "#next").await;
    assert_ne!(text(&root, "h1"), before, "skipped without an answer");
}

#[wasm_bindgen_test]
fn the_embedded_rules_load_and_evaluate_in_the_browser() {
    let rules = tyokyky::rules::WHOLE.build();
    let catalogue = rules.rules.catalogue();
    let mut facts = catalogue.facts();
    let case = serde_json::json!({
        "case": {"opened_on": "2026-04-02", "initiator": "relative_or_close_person", "urgent": false},
        "client": {"age": 44, "vpl_disabled": true, "highest_care_allowance": false, "special_support": false},
        "assessment": {"obviously_unnecessary": false}
    });
    facts = catalogue.facts_from_json(&case).unwrap_or(facts);
    let outcome = rules.rules.evaluate(&facts).unwrap();
    let finding = outcome.finding("shl-36-start-within-7-working-days").unwrap();
    match &finding.due {
        Some(tyokyky_engine::eval::Due::Date { date, .. }) => assert_eq!(date.to_string(), "2026-04-15"),
        other => panic!("no date: {other:?}"),
    }
    assert_eq!(finding.rule.citation.wording, "677/2023");
}

fn change(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_worker_screen_shows_the_start_deadline_as_soon_as_it_can_be_computed() {
    let root = mount_at(Language::FI, "#/worker").await;
    assert_eq!(text(&root, "h1"), "Asian vireilletulo");
    let before = text(&root, "#finding-shl-36-start-within-7-working-days");
    assert!(before.contains("Tietoja puuttuu"), "{before}");
    assert!(
        root.query_selector("#finding-shl-36-start-within-7-working-days .tk-finding__due")
            .unwrap()
            .is_none(),
        "no date before the facts are known"
    );

    change(&root, "#opened_on", "2026-04-02");
    click(&root, "#initiator-relative").await;
    change(&root, "#age", "44");
    click(&root, "#vpl_disabled-yes").await;
    click(&root, "#highest_care_allowance-no").await;
    yew::scheduler::flush().await;

    let finding = text(&root, "#finding-shl-36-start-within-7-working-days");
    assert!(finding.contains("15.4.2026"), "{finding}");
    assert!(
        finding.contains("pitkäperjantai"),
        "the skipped holidays are explained: {finding}"
    );
    assert!(finding.contains("1301/2014 36 § 2 mom. 1–3 k."), "{finding}");
    assert!(text(&root, "#finding-shl-45-implement-within-3-months").contains("2.7.2026"));
    assert!(
        root.query_selector(".tk-findings__alert").unwrap().is_none(),
        "no urgent routing"
    );

    click(&root, "#urgent-yes").await;
    let alert = text(&root, ".tk-findings__alert");
    assert!(alert.contains("112"), "{alert}");
}

fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    let previous = document.query_selector_all(".test-root").unwrap();
    for index in 0..previous.length() {
        body.remove_child(&previous.item(index).unwrap()).unwrap();
    }
    let root = document.create_element("div").unwrap();
    root.set_class_name("test-root");
    body.append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn the_findings_panel_shows_alerts_groups_dates_reasons_and_the_verbatim_law() {
    use tyokyky::components::findings_panel::*;
    let view = |id: &str, state, due: Option<&str>| FindingView {
        id: id.to_owned().into(),
        state,
        message: format!("message of {id}").into(),
        due: due.map(|due| due.to_owned().into()),
        why: vec!["counted after Thu 2/4/2026: 7 working days".into()],
        needs: vec!["the client's age".into()],
        about: vec!["Kela".into(), "Partner 3".into()],
        citation: CitationView {
            short: "1301/2014 36 § 2 mom.".into(),
            wording: "677/2023".into(),
            text_fi: "Palvelutarpeen arviointi on aloitettava viipymättä".into(),
            url: "https://www.finlex.fi/fi/laki/ajantasa/2014/20141301".into(),
        },
    };
    let texts = FindingsTexts {
        title: "What the law requires".into(),
        empty: "nothing yet".into(),
        why: "Why this date?".into(),
        needs: "Still needed:".into(),
        about: "Concerns:".into(),
        states: [
            "Applies".into(),
            "Met".into(),
            "Missing".into(),
            "Needs answers".into(),
        ],
        finlex: "Read on Finlex".into(),
        wording: "Wording:".into(),
    };
    let props = FindingsPanelProps {
        alerts: vec![view("shl-36-urgent-need", FindingState::Applies, None)],
        groups: vec![
            FindingGroup {
                title: "Deadlines".into(),
                findings: vec![view(
                    "shl-36-start",
                    FindingState::Applies,
                    Some("by Wed 15/4/2026"),
                )],
            },
            FindingGroup {
                title: "Empty group".into(),
                findings: Vec::new(),
            },
        ],
        texts,
    };
    let root = fresh_root();
    yew::Renderer::<PanelAlone>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, ".tk-findings__alert").get_attribute("role").unwrap(),
        "alert"
    );
    assert!(text(&root, ".tk-findings__alert").contains("message of shl-36-urgent-need"));
    let start = text(&root, "#finding-shl-36-start");
    assert!(
        start.contains("Applies") && start.contains("by Wed 15/4/2026") && start.contains("7 working days"),
        "{start}"
    );
    assert!(start.contains("Still needed: the client's age"), "{start}");
    assert_eq!(
        text(&root, "#finding-shl-36-start .tk-finding__about"),
        "Concerns: Kela, Partner 3"
    );
    assert_eq!(
        find(&root, "#finding-shl-36-start blockquote")
            .get_attribute("lang")
            .unwrap(),
        "fi"
    );
    assert_eq!(
        find(&root, "#finding-shl-36-start .tk-citation a")
            .get_attribute("href")
            .unwrap(),
        "https://www.finlex.fi/fi/laki/ajantasa/2014/20141301"
    );
    assert_eq!(
        root.query_selector_all(".tk-findings__group").unwrap().length(),
        1,
        "empty groups are not shown"
    );
}

/// The findings panel on its own, as a component to render.
#[yew::component]
fn PanelAlone(props: &tyokyky::components::findings_panel::FindingsPanelProps) -> yew::Html {
    tyokyky::components::findings_panel::findings_panel(props)
}

/// The yes/no field on its own, as a component to render.
#[yew::component]
fn YesNoAlone(props: &tyokyky::components::yes_no_field::YesNoFieldProps) -> yew::Html {
    tyokyky::components::yes_no_field::yes_no_field(props, None)
}

#[wasm_bindgen_test]
async fn a_yes_no_field_with_a_message_marks_its_buttons_invalid_and_describes_them() {
    use tyokyky::components::yes_no_field::YesNoFieldProps;
    let props = YesNoFieldProps {
        name: "in_office".into(),
        legend: "In public office?".into(),
        hint: Some("virkasuhde".into()),
        labels: ["Yes".into(), "No".into(), "Not known".into()],
        value: Some(false),
        on_change: yew::Callback::noop(),
        error: Some("Must be a social worker in public office".into()),
    };
    let root = fresh_root();
    yew::Renderer::<YesNoAlone>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "fieldset").get_attribute("aria-describedby").unwrap(),
        "in_office-hint in_office-error"
    );
    assert_eq!(
        text(&root, "#in_office-error"),
        "Must be a social worker in public office"
    );
    assert_eq!(
        find(&root, "#in_office-no")
            .get_attribute("aria-invalid")
            .unwrap(),
        "true"
    );
    let no: HtmlInputElement = find(&root, "#in_office-no").dyn_into().unwrap();
    assert!(no.checked());
}

/// The host's config object is read by hand: every setting of the right type is taken, and a key that is
/// not a setting, or a value of the wrong type, is an error that names it.
#[wasm_bindgen_test]
fn the_config_object_is_read_and_a_wrong_setting_is_named() {
    use tyokyky::embed::EmbedConfig;
    let object = |json: &str| js_sys::JSON::parse(json).unwrap();
    let config = EmbedConfig::read(&object(
        r#"{"mode":"kiosk","lang":"sv","endpoint":"https://x.example/api","idleSeconds":90,"warningSeconds":10,
            "parentOrigins":["https://portal.example"],"headers":{"X-Portal":"p"},"token":"t","base":"/app",
            "ownsPage":true,"case":{"organisation":"O"},"openPlan":"K7Q4-MZ2P","wipeOrigin":false}"#,
    ))
    .unwrap();
    assert_eq!(config.mode.as_deref(), Some("kiosk"));
    assert_eq!(config.lang.as_deref(), Some("sv"));
    assert_eq!(
        (config.idle_seconds, config.warning_seconds),
        (Some(90), Some(10))
    );
    assert_eq!(
        config.parent_origins,
        Some(vec!["https://portal.example".to_owned()])
    );
    assert_eq!(config.headers.unwrap()["X-Portal"], "p");
    assert_eq!((config.owns_page, config.wipe_origin), (Some(true), Some(false)));
    assert!(config.case.is_some());
    assert_eq!(config.open_plan.as_deref(), Some("K7Q4-MZ2P"));
    assert!(
        EmbedConfig::read(&wasm_bindgen::JsValue::UNDEFINED)
            .unwrap()
            .mode
            .is_none()
    );
    for (json, named) in [
        (r#"{"mood":"self"}"#, "unknown setting `mood`"),
        (
            r#"{"idleSeconds":"soon"}"#,
            "`idleSeconds` must be a whole number of seconds",
        ),
        (
            r#"{"idleSeconds":1.5}"#,
            "`idleSeconds` must be a whole number of seconds",
        ),
        (r#"{"mode":3}"#, "`mode` must be a text"),
        (r#"{"ownsPage":"yes"}"#, "`ownsPage` must be true or false"),
        (
            r#"{"parentOrigins":"https://a"}"#,
            "`parentOrigins` must be a list of texts",
        ),
        (r#"{"headers":{"X":1}}"#, "`headers` must be an object of texts"),
        ("[1]", "the config must be an object"),
    ] {
        let error = EmbedConfig::read(&object(json)).unwrap_err();
        assert!(error.contains(named), "{json}: {error}");
    }
}

/// Documents an earlier version of the app kept (a JSON array under `tyokyky.outbox.v1.…`) are adopted
/// with their bytes: the same document reaches the backend, stored once under its key.
#[wasm_bindgen_test]
fn documents_kept_by_an_earlier_version_are_adopted_as_they_were() {
    use tyokyky::state::delivery::runner::earlier_parcels;
    let feedback = r#"{"schema_version":1,"idempotency_key":"0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b","created_at":"2026-11-22T09:00:00.250Z","lang":"fi","kind":"feedback","answers":{"score":8,"comment":"Selkeä \"lomake\" – kiitos\n","channel":"kiosk"}}"#;
    let newer =
        r#"{"schema_version":99,"idempotency_key":"0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2c","kind":"feedback"}"#;
    let unknown =
        r#"{"schema_version":1,"idempotency_key":"0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2d","kind":"letter"}"#;
    let parcels = earlier_parcels(&format!("[{feedback},{newer},{unknown}]"));
    assert_eq!(
        parcels.len(),
        1,
        "only a document of this schema version and a known kind"
    );
    assert_eq!(&*parcels[0].json, feedback, "byte for byte");
    assert_eq!(parcels[0].kind.as_str(), "feedback");
    assert_eq!(parcels[0].key.to_string(), "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b");
    assert!(earlier_parcels("not json").is_empty());
    assert!(earlier_parcels("{}").is_empty());
}
