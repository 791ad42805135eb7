//! UI text in Fluent files: one `.ftl` file per locale in `locales/`: Finnish, plain-language Finnish
//! (selkosuomi, `fi-x-selko`), Swedish and English, read by [`crate::state::messages`].
//!
//! Finnish is built into the app (baked by the build script); the other languages are fetched from `locales/` beside the app when
//! first chosen ([`Locales`]), so a person downloads only the language they read. The worker flow's
//! messages are a file of their own per language (`locales/worker/`), fetched when the worker flow opens:
//! a person doing the self-assessment never downloads them.
//!
//! Components never hold UI text themselves: they ask the [`I18n`] in context for a message id. Finnish,
//! Swedish, English and plain-language Finnish have every message a citizen reads (the tests list any that
//! is missing, with the questionnaire's and the catalogue's texts: the report of missing translations). The
//! worker flow's messages are read in standard Finnish by a person who chose plain-language Finnish. A
//! language whose file lacks a message (a damaged download) falls back to standard Finnish, which the app
//! says.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use tyokyky_engine::document::Language;
use tyokyky_engine::rule::Texts;

pub use crate::state::messages::Arg;
use crate::state::messages::{Messages, Part, Pattern, Text};

/// A language of the user interface: the document languages, and plain-language Finnish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Finnish.
    Fi,
    /// Plain-language Finnish (selkosuomi).
    FiSelko,
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 4] = [Locale::Fi, Locale::FiSelko, Locale::Sv, Locale::En];

    /// The BCP 47 tag (`fi-x-selko` for plain-language Finnish), for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fi => "fi",
            Locale::FiSelko => "fi-x-selko",
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    /// The language of documents made in this locale (plain-language Finnish is Finnish).
    pub fn language(self) -> Language {
        match self {
            Locale::Fi | Locale::FiSelko => Language::Fi,
            Locale::Sv => Language::Sv,
            Locale::En => Language::En,
        }
    }

    /// The locale for a tag such as `sv-FI` or `fi-x-selko`, if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        if tag.eq_ignore_ascii_case("fi-x-selko") || tag.eq_ignore_ascii_case("selko") {
            return Some(Locale::FiSelko);
        }
        Language::from_tag(tag).map(Locale::from)
    }

    /// Its name in itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Fi => "Suomi",
            Locale::FiSelko => "Selkosuomi",
            Locale::Sv => "Svenska",
            Locale::En => "English",
        }
    }
}

impl From<Language> for Locale {
    fn from(language: Language) -> Locale {
        match language {
            Language::Fi => Locale::Fi,
            Language::Sv => Locale::Sv,
            Language::En => Locale::En,
        }
    }
}

/// The Finnish messages (`locales/fi.ftl`), baked by the build script.
mod finnish {
    use super::{Cow, Part, Pattern, Text};

    include!(concat!(env!("OUT_DIR"), "/finnish.rs"));
}

/// The Finnish messages, built into the app.
pub const FINNISH: Messages = Messages::sorted(finnish::FINNISH);

/// The messages of one locale.
pub struct I18n {
    locale: Locale,
    bundle: Messages,
    /// Whether the worker flow's messages are in it.
    worker: bool,
    /// Standard Finnish, for the messages another locale lacks: the worker flow's messages in
    /// plain-language Finnish, and whatever a damaged file fetched from the server has lost.
    fallback: Option<Rc<I18n>>,
    /// Whether Finnish stands in for some message (worked out once: the app asks on every render).
    partial: bool,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl PartialEq for I18n {
    fn eq(&self, other: &I18n) -> bool {
        self.locale == other.locale && self.worker == other.worker
    }
}

impl I18n {
    /// The Finnish messages, built into the app.
    pub fn finnish() -> Rc<I18n> {
        thread_local! {
            static FINNISH_MESSAGES: Rc<I18n> = Rc::new(I18n {
                locale: Locale::Fi,
                bundle: FINNISH,
                worker: false,
                fallback: None,
                partial: false,
            });
        }
        FINNISH_MESSAGES.with(Rc::clone)
    }

    /// The messages of `locale` read from its Fluent `source` (Finnish is always the built-in one). The
    /// files are checked by the tests, so one that does not parse cannot ship; should a damaged one arrive
    /// anyway, the messages that did parse are used and Finnish stands in for the rest, which the app says.
    pub fn from_source(locale: Locale, source: &str) -> Rc<I18n> {
        if locale == Locale::Fi {
            return I18n::finnish();
        }
        let bundle = Messages::read(&[source]);
        let partial = FINNISH.entries().iter().any(|(id, _)| !bundle.has(id));
        Rc::new(I18n {
            locale,
            bundle,
            worker: false,
            fallback: Some(I18n::finnish()),
            partial,
        })
    }

    /// The messages of `locale` with the worker flow's: its own messages as read (`public`, which win
    /// over an id the worker file repeats) and its `worker` source, and for what they lack `finnish`,
    /// standard Finnish with its worker messages; `None` for Finnish itself.
    fn with_worker(locale: Locale, public: &Messages, worker: &str, finnish: Option<Rc<I18n>>) -> Rc<I18n> {
        let mut entries = public.entries().to_vec();
        entries.extend_from_slice(Messages::read(&[worker]).entries());
        let bundle = Messages::from_entries(entries);
        let partial = finnish
            .as_ref()
            .is_some_and(|finnish| finnish.bundle.entries().iter().any(|(id, _)| !bundle.has(id)));
        Rc::new(I18n {
            locale,
            bundle,
            worker: true,
            fallback: finnish,
            partial,
        })
    }

    /// Whether the worker flow's messages are at hand.
    pub fn has_worker(&self) -> bool {
        self.worker
    }

    /// The locale of these messages.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The language of documents and of the rules' and catalogue's texts.
    pub fn language(&self) -> Language {
        self.locale.language()
    }

    /// A text of the questionnaire, the catalogue or the rules in this locale: the plain-language version
    /// where there is one, standard Finnish otherwise.
    pub fn text<'a>(&self, texts: &'a Texts) -> &'a str {
        match (self.locale, &texts.selko) {
            (Locale::FiSelko, Some(selko)) => selko,
            _ => texts.get(self.language()),
        }
    }

    /// Whether some messages of this locale fall back to standard Finnish (then the app says so).
    pub fn partial(&self) -> bool {
        self.partial
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with named arguments.
    pub fn t_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(id, args)
    }

    fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fallback = self.fallback.as_ref().map(|fallback| &fallback.bundle);
        std::iter::once(&self.bundle)
            .chain(fallback)
            .find_map(|bundle| bundle.format(id, args))
            // Visible, so a missing message is noticed rather than shown as a blank.
            .unwrap_or_else(|| ["[", id, "]"].concat())
    }
}

/// The languages read so far, shared by the app: Finnish is built in, the others are fetched once from
/// `<base>/locales/<tag>.ftl` and then kept in memory (never in browser storage, so a kiosk keeps
/// nothing). Two handles are equal when they share the same store.
#[derive(Clone, Default)]
pub struct Locales {
    loaded: Rc<RefCell<HashMap<Locale, Rc<I18n>>>>,
    /// The worker flow's sources by the file they come from (plain-language Finnish has none: it reads
    /// the standard Finnish one).
    worker_sources: Rc<RefCell<HashMap<Locale, Rc<str>>>>,
    /// Each language with the worker flow's messages, once made.
    with_worker: Rc<RefCell<HashMap<Locale, Rc<I18n>>>>,
    base: Option<Rc<str>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("base", &self.base)
            .field("loaded", &self.loaded.borrow().keys().collect::<Vec<_>>())
            .finish()
    }
}

impl PartialEq for Locales {
    fn eq(&self, other: &Locales) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
    }
}

impl Locales {
    /// Languages fetched from `base` (the folder of the app's files; the page's own folder when `None`).
    pub fn new(base: Option<&str>) -> Locales {
        Locales {
            base: base.map(|base| Rc::from(base.trim_end_matches('/'))),
            ..Locales::default()
        }
    }

    /// Adds a language from its source, as if it had been fetched (tests, and hosts that bundle the text).
    #[must_use]
    pub fn with_source(self, locale: Locale, source: &str) -> Locales {
        self.loaded
            .borrow_mut()
            .insert(locale, I18n::from_source(locale, source));
        self
    }

    /// Adds the worker flow's messages of a language from their source, as if fetched (tests).
    #[must_use]
    pub fn with_worker_source(self, locale: Locale, source: &str) -> Locales {
        self.worker_sources.borrow_mut().insert(locale, Rc::from(source));
        self
    }

    /// The file the worker flow's messages of `locale` come from (plain-language Finnish: standard
    /// Finnish's).
    fn worker_file(locale: Locale) -> Locale {
        match locale {
            Locale::FiSelko => Locale::Fi,
            other => other,
        }
    }

    /// The messages of `locale` with the worker flow's, if they are at hand (made once both are).
    pub fn get_worker(&self, locale: Locale) -> Option<Rc<I18n>> {
        if let Some(i18n) = self.with_worker.borrow().get(&locale) {
            return Some(i18n.clone());
        }
        // The language's own messages as already read (Finnish's are the baked ones).
        let public = self.get(locale)?;
        let worker = self
            .worker_sources
            .borrow()
            .get(&Locales::worker_file(locale))?
            .clone();
        // Standard Finnish with the worker flow's messages stands in for what another language lacks: the
        // one made for Finnish itself, not a second copy.
        let finnish = match locale {
            Locale::Fi => None,
            _ => Some(self.get_worker(Locale::Fi)?),
        };
        let i18n = I18n::with_worker(locale, &public.bundle, &worker, finnish);
        self.with_worker.borrow_mut().insert(locale, i18n.clone());
        Some(i18n)
    }

    /// The messages of `locale` with the worker flow's, fetched as needed (the language itself, its
    /// worker file and standard Finnish's, which stands in for what a language lacks).
    pub async fn load_worker(&self, locale: Locale) -> Result<Rc<I18n>, String> {
        if let Some(i18n) = self.get_worker(locale) {
            return Ok(i18n);
        }
        self.load(locale).await?;
        for file in [Locale::Fi, Locales::worker_file(locale)] {
            if self.worker_sources.borrow().contains_key(&file) {
                continue;
            }
            let url = self.file(&format!("locales/worker/{}.ftl", file.tag()));
            let source = fetch_text(&url).await?;
            self.worker_sources.borrow_mut().insert(file, Rc::from(source));
        }
        self.get_worker(locale)
            .ok_or_else(|| format!("the worker flow's messages of {} are not at hand", locale.tag()))
    }

    /// The messages of `locale`, if they are at hand.
    pub fn get(&self, locale: Locale) -> Option<Rc<I18n>> {
        if locale == Locale::Fi {
            return Some(I18n::finnish());
        }
        self.loaded.borrow().get(&locale).cloned()
    }

    /// Where the file of `locale` is fetched from.
    pub fn url(&self, locale: Locale) -> String {
        self.file(&format!("locales/{}.ftl", locale.tag()))
    }

    /// The address of `path`, a file beside the app's own (the language files, the privacy notice's
    /// pages): in the folder `embed.js` was loaded from, else relative to the page.
    pub fn file(&self, path: &str) -> String {
        match &self.base {
            Some(base) => [base, "/", path].concat(),
            None => path.to_owned(),
        }
    }

    /// The messages of `locale`, fetched if they are not at hand yet; the error says what went wrong.
    pub async fn load(&self, locale: Locale) -> Result<Rc<I18n>, String> {
        if let Some(i18n) = self.get(locale) {
            return Ok(i18n);
        }
        let url = self.url(locale);
        let source = fetch_text(&url).await?;
        let i18n = I18n::from_source(locale, &source);
        self.loaded.borrow_mut().insert(locale, i18n.clone());
        Ok(i18n)
    }
}

/// The text at `url`, or what went wrong, naming it.
async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| format!("{url}: {error}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|error| format!("{url}: {error}"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The ids of the messages of a Fluent source (lines `id = …`; terms and comments are not messages).
    fn message_ids(source: &str) -> impl Iterator<Item = &str> {
        source.lines().filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            (id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .then_some(id)
        })
    }

    /// The Fluent source of `locale`, read from `locales/`.
    fn source(locale: Locale) -> String {
        let mut text = file(locale, false);
        if locale != Locale::FiSelko {
            text.push('\n');
            text.push_str(&file(locale, true));
        }
        text
    }

    /// One file of `locale`: the public one, or the worker flow's.
    fn file(locale: Locale, worker: bool) -> String {
        let folder = if worker { "locales/worker" } else { "locales" };
        let path = format!("{}/{folder}/{}.ftl", env!("CARGO_MANIFEST_DIR"), locale.tag());
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    fn file_ids(locale: Locale, worker: bool) -> BTreeSet<String> {
        message_ids(&file(locale, worker)).map(str::to_owned).collect()
    }

    /// The app's Rust sources (`src/`), with their paths below it, but this file, whose tests ask for a
    /// missing id on purpose.
    fn source_files() -> Vec<(String, String)> {
        let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let mut stack = vec![root.clone()];
        let mut files = Vec::new();
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .map(|entry| entry.unwrap().path()),
                );
            } else if path.extension().is_some_and(|extension| extension == "rs")
                && !path.ends_with("i18n.rs")
            {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy().into_owned();
                files.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
        files
    }

    /// The message ids a source asks for by name (`.t("…")`, `.t_with("…", …)`).
    fn ids_asked(text: &str) -> Vec<&str> {
        let mut ids = Vec::new();
        for call in [".t(\"", ".t_with(\""] {
            for (index, _) in text.match_indices(call) {
                let rest = &text[index + call.len()..];
                ids.push(&rest[..rest.find('"').unwrap()]);
            }
        }
        ids
    }

    /// Swedish and English split their messages between the public file and the worker flow's exactly as
    /// Finnish does, so a language never waits for the worker file on a public screen.
    #[test]
    fn every_language_splits_its_messages_as_finnish_does() {
        for locale in [Locale::Sv, Locale::En] {
            for worker in [false, true] {
                assert_eq!(
                    file_ids(locale, worker),
                    file_ids(Locale::Fi, worker),
                    "{} worker={worker}",
                    locale.tag()
                );
            }
        }
        let shared: Vec<String> = file_ids(Locale::Fi, false)
            .intersection(&file_ids(Locale::Fi, true))
            .cloned()
            .collect();
        assert!(shared.is_empty(), "in both files: {shared:?}");
    }

    /// The worker flow's messages join a language once both files are at hand; plain-language Finnish reads
    /// the standard Finnish worker file; every language falls back to the one Finnish made for it.
    #[test]
    fn the_worker_flow_messages_join_each_language_over_one_finnish() {
        let locales = Locales::default()
            .with_source(Locale::Sv, &file(Locale::Sv, false))
            .with_source(Locale::FiSelko, &file(Locale::FiSelko, false));
        assert!(
            locales.get_worker(Locale::Sv).is_none(),
            "not before the worker files are at hand"
        );
        let locales = locales
            .with_worker_source(Locale::Fi, &file(Locale::Fi, true))
            .with_worker_source(Locale::Sv, &file(Locale::Sv, true));
        let finnish = locales.get_worker(Locale::Fi).unwrap();
        let swedish = locales.get_worker(Locale::Sv).unwrap();
        let selko = locales.get_worker(Locale::FiSelko).unwrap();
        assert!(finnish.has_worker() && swedish.has_worker() && !swedish.partial());
        assert_eq!(swedish.t("plan-sharing"), "Delning av den gemensamma planen");
        assert_eq!(selko.t("plan-sharing"), finnish.t("plan-sharing"));
        for other in [&swedish, &selko] {
            assert!(
                Rc::ptr_eq(other.fallback.as_ref().unwrap(), &finnish),
                "one Finnish for all"
            );
        }
        assert!(
            Rc::ptr_eq(&locales.get_worker(Locale::Sv).unwrap(), &swedish),
            "made once"
        );
    }

    /// The screens outside the worker flow ask only for messages of the public file (the worker file is
    /// not fetched for them).
    #[test]
    fn pages_outside_the_worker_flow_use_only_the_public_messages() {
        let public = file_ids(Locale::Fi, false);
        let mut wrong = Vec::new();
        for (name, text) in source_files() {
            if name.starts_with("pages/worker") {
                continue;
            }
            for id in ids_asked(&text) {
                if !public.contains(id) {
                    wrong.push(format!("{name}: {id}"));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "asked for outside the worker flow, but only in the worker file: {wrong:?}"
        );
    }

    fn messages(locale: impl Into<Locale>) -> Rc<I18n> {
        let locale = locale.into();
        I18n::from_source(locale, &source(locale))
    }

    fn ids(language: impl Into<Locale>) -> BTreeSet<String> {
        let language = language.into();
        let resource = fluent_bundle::FluentResource::try_new(source(language))
            .unwrap_or_else(|(_, errors)| panic!("{language:?}: {errors:?}"));
        let mut ids = BTreeSet::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                assert!(
                    ids.insert(message.id.name.to_owned()),
                    "{language:?}: duplicate `{}`",
                    message.id.name
                );
            }
        }
        ids
    }

    /// The message ids of Finnish that `locale` lacks, and the ids it has that Finnish does not.
    fn missing_and_extra(locale: Locale) -> (Vec<String>, Vec<String>) {
        let finnish = ids(Locale::Fi);
        let other = ids(locale);
        (
            finnish.difference(&other).cloned().collect(),
            other.difference(&finnish).cloned().collect(),
        )
    }

    /// Lists the missing messages of every locale; Finnish, Swedish and English must have them all (with
    /// the worker flow's), and no locale may have a message Finnish does not. Plain-language Finnish has no
    /// worker file (it reads the standard Finnish one); that it has every public message is checked, with the
    /// questionnaire's and the catalogue's texts, by the report of missing translations below.
    #[test]
    fn every_language_has_every_message() {
        let mut report = Vec::new();
        for locale in Locale::ALL {
            let (missing, extra) = missing_and_extra(locale);
            println!("{}: {} missing {missing:?}", locale.tag(), missing.len());
            assert!(
                extra.is_empty(),
                "{}: messages Finnish does not have: {extra:?}",
                locale.tag()
            );
            if locale != Locale::FiSelko && !missing.is_empty() {
                report.push(format!("{}: missing {missing:?}", locale.tag()));
            }
        }
        assert!(report.is_empty(), "{}", report.join("\n"));
    }

    /// Plain-language Finnish has every message of the self-assessment's own screens.
    #[test]
    fn plain_language_finnish_covers_the_self_assessment() {
        let selko = ids(Locale::FiSelko);
        let mut missing = Vec::new();
        let screens = [
            "pages/self_assessment/mod.rs",
            "pages/self_assessment/question.rs",
            "pages/self_assessment/results.rs",
            "pages/self_assessment/screens.rs",
            "components/kiosk_guard.rs",
            "components/delivery.rs",
        ];
        let files = source_files();
        for file in screens {
            let (_, text) = files.iter().find(|(name, _)| name == file).unwrap();
            for id in ids_asked(text) {
                if !selko.contains(id) {
                    missing.push(format!("{file}: {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "not in plain-language Finnish: {missing:?}");
    }

    /// Plain-language Finnish has every public message, so the app shows no notice of standard Finnish
    /// standing in; a plain-language file that lacks a message falls back to Finnish for it, and says so.
    #[test]
    fn plain_language_finnish_is_complete_and_would_fall_back_to_finnish_and_say_so() {
        let selko = messages(Locale::FiSelko);
        let finnish = I18n::finnish();
        assert_eq!(selko.language(), Language::Fi);
        assert!(
            !selko.partial(),
            "plain-language Finnish lacks a message of fi.ftl"
        );
        assert!(!finnish.partial());
        let lacking: String = file(Locale::FiSelko, false)
            .lines()
            .filter(|line| !line.starts_with("back ="))
            .map(|line| format!("{line}\n"))
            .collect();
        let lacking = I18n::from_source(Locale::FiSelko, &lacking);
        assert!(lacking.partial(), "a missing message is noticed");
        assert_eq!(
            lacking.t("back"),
            finnish.t("back"),
            "a missing message is the Finnish one"
        );
        assert_eq!(
            lacking.t("back"),
            selko.t("back"),
            "the others are plain language"
        );
        let texts = Texts {
            fi: "Työkyvyn arviointi".into(),
            sv: "Bedömning".into(),
            en: "Assessment".into(),
            selko: Some("Arvio siitä, miten jaksat tehdä työtä".into()),
        };
        assert_eq!(selko.text(&texts), "Arvio siitä, miten jaksat tehdä työtä");
        assert_eq!(finnish.text(&texts), "Työkyvyn arviointi");
        assert_eq!(Locale::from_tag("fi-x-selko"), Some(Locale::FiSelko));
        assert_eq!(Locale::from_tag("sv-FI"), Some(Locale::Sv));
    }

    /// Texts whose Swedish is rightly the same as the Finnish, each with the reason. Any other text whose
    /// Swedish is the same as its Finnish is reported as untranslated.
    const SAME_IN_SWEDISH: &[(&str, &str)] = &[
        (
            "suomi",
            "the contact form names each language in itself (language-fi)",
        ),
        (
            "svenska",
            "the contact form names each language in itself (language-sv)",
        ),
        (
            "English",
            "the contact form names each language in itself (language-en)",
        ),
    ];

    /// Reports a Swedish text that is empty, or the same as the Finnish without a reason in
    /// [`SAME_IN_SWEDISH`].
    fn check_swedish(place: &str, fi: &str, sv: &str, report: &mut Vec<String>) {
        if sv.trim().is_empty() {
            report.push(format!("{place}: no sv"));
        } else if sv.trim() == fi.trim() && !SAME_IN_SWEDISH.iter().any(|(same, _)| *same == sv.trim()) {
            report.push(format!("{place}: sv is the same as fi ({sv:?})"));
        }
    }

    /// Reports a text of the questionnaire or the catalogue that has no plain-language Finnish, or whose
    /// Swedish is empty or the same as the Finnish.
    fn check_texts(place: &str, texts: &Texts, report: &mut Vec<String>) {
        if texts.selko.as_deref().is_none_or(|selko| selko.trim().is_empty()) {
            report.push(format!("{place}: no selko"));
        }
        check_swedish(place, &texts.fi, &texts.sv, report);
    }

    /// The report of missing translations: one line for every text a citizen may read that lacks a
    /// version. The public messages of `fi.ftl` are checked against the sources of plain-language Finnish,
    /// Swedish and English (`sources`, in that order); every text of the questionnaire (title, intro, pages,
    /// questions, their help, scale ends and options) and of the catalogue (every service's texts, the
    /// county's social emergency service) for a `selko` and a Swedish version.
    fn missing_translations(
        sources: [&str; 3],
        questionnaire: &tyokyky_engine::questionnaire::QuestionnaireFile,
        catalogue: &tyokyky_engine::catalogue::CatalogueFile,
    ) -> Vec<String> {
        let mut report = Vec::new();
        let finnish = I18n::finnish();
        let others: Vec<_> = [Locale::FiSelko, Locale::Sv, Locale::En]
            .into_iter()
            .zip(sources)
            .map(|(locale, source)| (locale, Messages::read(&[source])))
            .collect();
        // Swedish with no Finnish standing in, so that a message is compared with its own Swedish.
        let swedish = I18n {
            locale: Locale::Sv,
            bundle: Messages::read(&[sources[1]]),
            worker: false,
            fallback: None,
            partial: false,
        };
        for (id, _) in FINNISH.entries() {
            let id: &str = id;
            for (locale, bundle) in &others {
                if !bundle.has(id) {
                    let what = if *locale == Locale::FiSelko {
                        "no selko".to_owned()
                    } else {
                        format!("no {}", locale.tag())
                    };
                    report.push(format!(
                        "fi.ftl message \"{id}\": {what} (not in {}.ftl)",
                        locale.tag()
                    ));
                }
            }
            if swedish.bundle.has(id) {
                check_swedish(
                    &format!("fi.ftl message \"{id}\""),
                    &finnish.t(id),
                    &swedish.t(id),
                    &mut report,
                );
            }
        }
        check_texts("questionnaire title", &questionnaire.title, &mut report);
        check_texts("questionnaire intro", &questionnaire.intro, &mut report);
        for page in &questionnaire.page {
            check_texts(
                &format!("questionnaire page \"{}\" title", page.id),
                &page.title,
                &mut report,
            );
        }
        for question in &questionnaire.question {
            let place = format!("questionnaire question \"{}\"", question.id);
            check_texts(&format!("{place} text"), &question.text, &mut report);
            for (part, texts) in [
                ("help", &question.help),
                ("why", &question.why),
                ("low", &question.low),
                ("high", &question.high),
            ] {
                if let Some(texts) = texts {
                    check_texts(&format!("{place} {part}"), texts, &mut report);
                }
            }
            for option in &question.options {
                check_texts(
                    &format!("{place} option \"{}\"", option.value),
                    &option.text,
                    &mut report,
                );
            }
        }
        for service in &catalogue.service {
            for (part, texts) in [
                ("name", &service.name),
                ("provider", &service.provider),
                ("suits_whom", &service.suits_whom),
                ("how_to_reach", &service.how_to_reach),
            ] {
                check_texts(
                    &format!("catalogue service \"{}\" {part}", service.id),
                    texts,
                    &mut report,
                );
            }
        }
        if let Some(emergency) = catalogue
            .contact
            .as_ref()
            .and_then(|contact| contact.social_emergency.as_ref())
        {
            check_texts(
                "catalogue contact social_emergency name",
                &emergency.name,
                &mut report,
            );
        }
        report
    }

    /// The report of missing translations (`cargo test -p tyokyky --lib missing_translations -- --nocapture`
    /// prints it): every message of `fi.ftl` is in plain-language Finnish, Swedish and English, and every
    /// text of the embedded questionnaire and catalogue has a `selko` and a Swedish version that is not the
    /// Finnish one. The report is checked first to name a message and a text that lack their versions.
    #[test]
    fn the_report_of_missing_translations_is_empty() {
        let shared = crate::state::rules::WHOLE.build();
        let (questionnaire, catalogue) = (shared.questionnaire.file(), shared.catalogue.file());
        let sources = [Locale::FiSelko, Locale::Sv, Locale::En].map(|locale| file(locale, false));
        let sources = [sources[0].as_str(), sources[1].as_str(), sources[2].as_str()];

        // It can fail: a plain-language message removed, a catalogue text without its selko and a Swedish
        // name the same as the Finnish are each named.
        let lacking: String = sources[0]
            .lines()
            .filter(|line| !line.starts_with("back ="))
            .map(|line| format!("{line}\n"))
            .collect();
        let mut damaged = catalogue.clone();
        damaged.service[0].how_to_reach.selko = None;
        damaged.service[0].name.sv = damaged.service[0].name.fi.clone();
        let check = missing_translations([&lacking, sources[1], sources[2]], questionnaire, &damaged);
        let first = &damaged.service[0].id;
        for line in [
            "fi.ftl message \"back\": no selko (not in fi-x-selko.ftl)".to_owned(),
            format!("catalogue service \"{first}\" how_to_reach: no selko"),
            format!(
                "catalogue service \"{first}\" name: sv is the same as fi ({:?})",
                damaged.service[0].name.fi
            ),
        ] {
            assert!(check.contains(&line), "the report misses `{line}`: {check:#?}");
        }

        let report = missing_translations(sources, questionnaire, catalogue);
        println!("The report of missing translations: {} texts", report.len());
        for line in &report {
            println!("  {line}");
        }
        assert!(
            report.is_empty(),
            "{} citizen-facing texts lack a translation (the report above lists them)",
            report.len()
        );
    }

    /// Every `.t("…")` / `.t_with("…"` in the app's source names a message that exists (this file, whose
    /// tests ask for a missing id on purpose, excepted).
    #[test]
    fn every_message_id_used_in_the_source_exists() {
        let known = ids(Language::Fi);
        let mut used = BTreeSet::new();
        for (name, text) in source_files() {
            for id in ids_asked(&text) {
                used.insert((id.to_owned(), name.clone()));
            }
        }
        assert!(used.len() > 10, "the scan found too few calls: {used:?}");
        let unknown: Vec<_> = used.iter().filter(|(id, _)| !known.contains(id)).collect();
        assert!(
            unknown.is_empty(),
            "message ids used but not defined: {unknown:?}"
        );
    }

    #[test]
    fn every_deadline_the_rules_name_has_a_label() {
        use tyokyky_engine::rule::Consequence;
        let rules = crate::state::rules::WHOLE.build().rules;
        let known = ids(Language::Fi);
        let missing: BTreeSet<String> = rules
            .compiled()
            .rules
            .iter()
            .filter_map(|rule| match &rule.then {
                Consequence::Deadline(deadline) => {
                    Some(format!("deadline-{}", deadline.deadline.replace('_', "-")))
                }
                _ => None,
            })
            .filter(|id| !known.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "deadlines without a label in fi.ftl: {missing:?}"
        );
    }

    #[test]
    fn every_message_id_of_the_worker_form_exists() {
        use tyokyky_engine::forms::worker::{FIELDS, Input, PARTNER_SECTORS};
        let known = ids(Language::Fi);
        let mut used = Vec::new();
        for field in FIELDS.iter().filter(|field| field.input != Input::Derived) {
            used.push(field.label);
            used.extend(field.hint);
            match field.input {
                Input::Radios(choices) => used.extend(choices.iter().map(|choice| choice.label)),
                Input::Select { choices, prompt } => {
                    used.push(prompt);
                    used.extend(choices.iter().map(|choice| choice.label));
                }
                _ => {}
            }
        }
        used.extend(PARTNER_SECTORS.iter().map(|sector| sector.label));
        let unknown: Vec<_> = used.into_iter().filter(|id| !known.contains(*id)).collect();
        assert!(
            unknown.is_empty(),
            "message ids of the worker form that fi.ftl lacks: {unknown:?}"
        );
    }

    /// A file cut short on its way from the server still shows what arrived; Finnish stands in for the
    /// rest, and the app says so.
    #[test]
    fn a_truncated_file_shows_what_arrived_and_finnish_for_the_rest() {
        let full = file(Locale::Sv, false);
        let cut = &full[..full.len() / 2];
        let swedish = I18n::from_source(Locale::Sv, cut);
        assert!(swedish.partial());
        assert_eq!(
            swedish.t("back"),
            messages(Locale::Sv).t("back"),
            "in the first half"
        );
        let last = message_ids(&full).last().unwrap();
        assert_eq!(swedish.t(last), I18n::finnish().t(last));
        assert!(!messages(Locale::Sv).partial());
    }

    #[test]
    fn languages_are_fetched_beside_the_app_and_finnish_is_built_in() {
        let hosted = Locales::new(Some("https://palvelu.example/tyokyky/"));
        assert_eq!(
            hosted.url(Locale::FiSelko),
            "https://palvelu.example/tyokyky/locales/fi-x-selko.ftl"
        );
        assert_eq!(Locales::default().url(Locale::Sv), "locales/sv.ftl");
        assert!(hosted.get(Locale::Fi).is_some());
        assert!(hosted.get(Locale::En).is_none());
        let hosted = hosted.with_source(Locale::En, &source(Locale::En));
        assert_eq!(hosted.get(Locale::En).unwrap().t("back"), "Back");
        assert_eq!(hosted.clone(), hosted, "a clone shares the store");
        assert_ne!(hosted, Locales::default());
    }

    #[test]
    fn formats_arguments_without_isolation_marks() {
        let i18n = messages(Language::En);
        assert_eq!(
            i18n.t_with("progress-question", &[("number", 3.into()), ("total", 17.into())]),
            "Question 3 of 17"
        );
        assert_eq!(messages(Language::Sv).t("back"), "Tillbaka");
        assert_eq!(i18n.t("no-such-message"), "[no-such-message]");
    }

    #[test]
    fn the_finnish_relative_pronoun_agrees_with_the_number_of_services() {
        for (locale, one, six) in [
            (
                Locale::Fi,
                "yhden palvelun, josta voisi",
                "6 palvelua, joista voisi",
            ),
            (
                Locale::FiSelko,
                "1 palvelun, josta voisi",
                "6 palvelua, joista voisi",
            ),
        ] {
            let i18n = Locales::default()
                .with_source(locale, &source(locale))
                .get(locale)
                .unwrap();
            assert!(
                i18n.t_with("results-lead", &[("count", 1.into())]).contains(one),
                "{locale:?}"
            );
            assert!(
                i18n.t_with("results-lead", &[("count", 6.into())]).contains(six),
                "{locale:?}"
            );
        }
    }
}
