//! UI text in Fluent files, a folder per language in `locales/` (`docs/languages.md`): `citizen.ftl`
//! with what a citizen reads, `worker.ftl` with the worker flow's messages, and `language.toml` saying
//! the language's tag, its name in itself, its direction, the languages that stand in for what it lacks,
//! and how it writes a date. The build script bakes that table ([`LANGUAGES`]); no code names a language
//! but Finnish. The messages are read by [`crate::state::messages`].
//!
//! Finnish is built into the app (baked by the build script); another language is fetched from
//! `locales/<tag>/` beside the app when first chosen ([`Locales`]), with the languages that stand in for
//! it, so a person downloads only what they read. The worker flow's messages are fetched when the worker
//! flow opens: a person doing the self-assessment never downloads them.
//!
//! Components never hold UI text themselves: they ask the [`I18n`] in context for a message id. Finnish,
//! Swedish, English and plain-language Finnish have every message a citizen reads (the tests list any that
//! is missing, with the questionnaire's and the catalogue's texts: the report of missing translations). A
//! language that lacks a message (one not translated yet, plain-language Finnish's worker flow, a damaged
//! download) shows the first of its stand-ins that has it, Finnish last, and the app says so.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use tyokyky_engine::document::Language;
use tyokyky_engine::rule::Texts;

pub use crate::state::messages::Arg;
use crate::state::messages::{Messages, Part, Pattern, Text};

/// A language the app has, as its folder describes it (`locales/<tag>/language.toml`, checked and baked
/// by the build script into [`LANGUAGES`]): no code names a language but Finnish, which the law is
/// written in, which is built in, and which stands in last for whatever another language lacks.
#[derive(Debug)]
pub struct LanguageInfo {
    /// The BCP 47 tag (`fi`, `fi-x-selko`, `sv`, `uk`).
    pub tag: &'static str,
    /// Its name in itself, for the language switch.
    pub name: &'static str,
    /// Whether its text runs right to left.
    pub rtl: bool,
    /// The tag of the language documents made in it record (plain-language Finnish: `fi`).
    pub documents: &'static str,
    /// Written plainly (selkokieli): a contact request made in it asks to be answered plainly.
    pub plain: bool,
    /// Whether it has the worker flow's messages (`worker.ftl`).
    pub worker: bool,
    /// Whether it has translations of what a citizen reads of the rules', the catalogue's and the
    /// questionnaire's texts (`texts.ftl`, written by the build).
    pub texts: bool,
    /// Whether it has translations of the rest, which only the worker flow shows (`worker-texts.ftl`).
    pub worker_texts: bool,
    /// Whether its worker flow lacks nothing (every message of Finnish's `worker.ftl`, every text only
    /// the worker flow shows), so that no stand-in's worker files are fetched for it.
    pub worker_whole: bool,
    /// The language of the privacy notice a person reading it is shown (`privacy/<tag>.html`): its own,
    /// if its folder has a `privacy.toml`, or the first standing in for it that has one.
    pub privacy: &'static str,
    /// The languages that stand in for what it lacks, in turn, Finnish last (none for Finnish).
    pub chain: &'static [&'static str],
    /// The locale whose conventions the browser uses for a date with its time.
    pub intl: &'static str,
    /// The weekdays' short names, Monday first.
    pub weekdays: [&'static str; 7],
    /// How a date is written (`{weekday} {day}.{month}.{year}`).
    pub date: &'static str,
    /// Whether the language switch offers it (`locales/languages.toml`).
    pub offered: bool,
}

/// The table of languages, baked by the build script.
mod table {
    use super::LanguageInfo;

    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}

pub use table::LANGUAGES;

/// A language of the user interface: one of [`LANGUAGES`], by its place in the table.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(u8);

impl std::fmt::Debug for Locale {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.tag())
    }
}

impl Locale {
    /// Finnish, first in the table (the build script sees to it).
    pub const FI: Locale = Locale(0);

    /// Every language the app has, the offered ones first in their order.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LANGUAGES.len()).map(|index| Locale(u8::try_from(index).unwrap_or_default()))
    }

    /// The languages the language switch offers, in its order.
    pub fn offered() -> impl Iterator<Item = Locale> {
        Locale::all().filter(|locale| locale.info().offered)
    }

    /// What its folder says.
    pub fn info(self) -> &'static LanguageInfo {
        LANGUAGES.get(usize::from(self.0)).unwrap_or(&LANGUAGES[0])
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        self.info().tag
    }

    /// The language of documents made in this locale (plain-language Finnish is Finnish); the build
    /// checked the tag.
    pub fn language(self) -> Language {
        Language::known(self.info().documents)
    }

    /// The locale for a tag: one the app has, by its whole tag (`fi-x-selko`, `en-XA`, `sv_FI` as
    /// `sv-FI`; any case; `selko` too), or else an offered one by its language (`sv-FI` is Swedish).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = if tag.eq_ignore_ascii_case("selko") {
            "fi-x-selko"
        } else {
            tag
        };
        let same = |ours: &str, theirs: &str| {
            ours.len() == theirs.len()
                && ours
                    .bytes()
                    .zip(theirs.bytes())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&if b == b'_' { b'-' } else { b }))
        };
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Locale::all()
            .find(|locale| same(locale.tag(), tag))
            .or_else(|| Locale::offered().find(|locale| same(locale.tag(), primary)))
    }

    /// Its name in itself, for the language switch.
    pub fn endonym(self) -> &'static str {
        self.info().name
    }

    /// The value of the `dir` attribute for text in it.
    pub fn dir(self) -> &'static str {
        if self.info().rtl { "rtl" } else { "ltr" }
    }

    /// The languages that stand in for what it lacks, in turn, Finnish last.
    pub fn chain(self) -> impl Iterator<Item = Locale> {
        self.info()
            .chain
            .iter()
            .filter_map(|tag| Locale::all().find(|locale| locale.tag() == *tag))
    }
}

impl From<Language> for Locale {
    fn from(language: Language) -> Locale {
        Locale::from_tag(language.tag()).unwrap_or(Locale::FI)
    }
}

/// The Finnish messages (`locales/fi/citizen.ftl`), baked by the build script.
mod finnish {
    use super::{Cow, Part, Pattern, Text};

    include!(concat!(env!("OUT_DIR"), "/finnish.rs"));
}

/// The Finnish messages, built into the app.
pub const FINNISH: Messages = Messages::sorted(finnish::FINNISH);

/// The messages of one locale, with those of the languages that stand in for what it lacks.
pub struct I18n {
    locale: Locale,
    bundle: Rc<Messages>,
    /// Whether the worker flow's messages are in it.
    worker: bool,
    /// The messages of the languages that stand in, in turn (Finnish last): for what the language has
    /// not translated, and whatever a damaged file fetched from the server has lost.
    fallbacks: Vec<Rc<Messages>>,
    /// Whether another language stands in for some message (worked out once: the app asks on every
    /// render).
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
                locale: Locale::FI,
                bundle: Rc::new(FINNISH),
                worker: false,
                fallbacks: Vec::new(),
                partial: false,
            });
        }
        FINNISH_MESSAGES.with(Rc::clone)
    }

    /// The messages of `locale` (`bundle`, with the worker flow's if `worker`) and of the languages that
    /// stand in for it (`fallbacks`, in turn, Finnish last; its messages with the worker flow's again if
    /// `worker`). The files are checked by the tests, so one that does not parse cannot ship; should a
    /// damaged one arrive anyway, the messages that did parse are used and the others stand in for the
    /// rest, which the app says.
    fn new(locale: Locale, bundle: Rc<Messages>, worker: bool, fallbacks: Vec<Rc<Messages>>) -> Rc<I18n> {
        let partial = fallbacks
            .last()
            .is_some_and(|finnish| finnish.entries().iter().any(|(id, _)| !bundle.has(id)));
        Rc::new(I18n {
            locale,
            bundle,
            worker,
            fallbacks,
            partial,
        })
    }

    /// The messages of `locale` read from its Fluent `source`, Finnish standing in for what it lacks
    /// (tests, and hosts that bundle the text; Finnish is always the built-in one).
    pub fn from_source(locale: Locale, source: &str) -> Rc<I18n> {
        if locale == Locale::FI {
            return I18n::finnish();
        }
        I18n::new(
            locale,
            Rc::new(Messages::read(&[source])),
            false,
            vec![Rc::new(FINNISH)],
        )
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

    /// A text of the questionnaire, the catalogue or the rules in this locale: its translation, or that of
    /// the first language standing in that has one, or the Finnish.
    pub fn text(&self, texts: &Texts) -> String {
        self.translated(texts, false)
    }

    /// A text as the worker flow shows it and a plan records it: in the language documents made in this
    /// locale record. That is [`I18n::text`], but for a plain language (selkokieli), whose documents
    /// are in the standard language, the first language standing in (plain-language Finnish: Finnish):
    /// a plan names services and findings as the county's official texts do.
    pub fn document_text(&self, texts: &Texts) -> String {
        self.translated(texts, self.locale.info().plain)
    }

    fn translated(&self, texts: &Texts, skip_own: bool) -> String {
        // The bundles carry the Finnish alone; a language's translations came with its messages
        // (`texts.ftl`), each under the hash of its Finnish, and its stand-ins' after them.
        let id = tyokyky_engine::text::text_id(&texts.fi);
        std::iter::once(&self.bundle)
            .skip(usize::from(skip_own))
            .chain(&self.fallbacks)
            .find_map(|bundle| bundle.format(&id, &[]))
            .unwrap_or_else(|| texts.fi.clone())
    }

    /// Whether some messages of this locale are another language's (then the app says so).
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
        std::iter::once(&self.bundle)
            .chain(&self.fallbacks)
            .find_map(|bundle| bundle.format(id, args))
            // Visible, so a missing message is noticed rather than shown as a blank.
            .unwrap_or_else(|| ["[", id, "]"].concat())
    }
}

/// Values kept by language and whether they are (or include) the worker flow's messages, shared by every
/// handle of a [`Locales`]: a list, not a map, for the handful a visit reads (a map's code would weigh
/// more on the bundle than the search).
type Shared<T> = Rc<RefCell<Vec<((Locale, bool), Rc<T>)>>>;

/// The value kept under `key` in a [`Shared`] list.
fn kept<T>(list: &[((Locale, bool), Rc<T>)], key: (Locale, bool)) -> Option<Rc<T>> {
    list.iter()
        .find(|(at, _)| *at == key)
        .map(|(_, value)| value.clone())
}

/// The messages read so far, shared by the app: Finnish is built in, the others are fetched once from
/// `<base>/locales/<tag>/citizen.ftl` (and `worker.ftl` when the worker flow opens) and then kept in
/// memory (never in browser storage, so a kiosk keeps nothing). Two handles are equal when they share the
/// same store.
#[derive(Clone, Default)]
pub struct Locales {
    /// Each language's messages as read, by language and whether they are the worker flow's.
    sources: Shared<Messages>,
    /// Each language's messages as made (with or without the worker flow's), once made.
    made: Shared<I18n>,
    base: Option<Rc<str>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("base", &self.base)
            .field(
                "read",
                &self
                    .sources
                    .borrow()
                    .iter()
                    .map(|(key, _)| *key)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl PartialEq for Locales {
    fn eq(&self, other: &Locales) -> bool {
        Rc::ptr_eq(&self.sources, &other.sources)
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

    /// Adds a language's messages from their source, as if they had been fetched (tests, and hosts that
    /// bundle the text).
    #[must_use]
    pub fn with_source(self, locale: Locale, source: &str) -> Locales {
        self.read(locale, false, source);
        self
    }

    /// Adds the worker flow's messages of a language from their source, as if fetched (tests).
    #[must_use]
    pub fn with_worker_source(self, locale: Locale, source: &str) -> Locales {
        self.read(locale, true, source);
        self
    }

    fn read(&self, locale: Locale, worker: bool, source: &str) {
        let mut sources = self.sources.borrow_mut();
        sources.retain(|(key, _)| *key != (locale, worker));
        sources.push(((locale, worker), Rc::new(Messages::read(&[source]))));
        self.made.borrow_mut().clear();
    }

    /// The files `locale` needs (itself and the languages that stand in for it, with the worker flow's
    /// where they have them) that are not at hand yet: (language, whether the worker flow's).
    fn lacking(&self, locale: Locale, worker: bool) -> Vec<(Locale, bool)> {
        let sources = self.sources.borrow();
        std::iter::once(locale)
            .chain(locale.chain())
            .flat_map(|language| {
                let public = (language != Locale::FI).then_some((language, false));
                let own = self
                    .with_worker(locale, language, worker)
                    .then_some((language, true));
                public.into_iter().chain(own)
            })
            .filter(|file| kept(&sources, *file).is_none())
            .collect()
    }

    /// Whether the messages of `locale` (with the worker flow's if `worker`) take the worker flow's files
    /// of `language` (itself or one standing in for it): when it has some, and, for one standing in, only
    /// when `locale`'s own worker flow lacks something.
    fn with_worker(&self, locale: Locale, language: Locale, worker: bool) -> bool {
        let info = language.info();
        worker && (info.worker || info.worker_texts) && (language == locale || !locale.info().worker_whole)
    }

    /// The messages of `language` as read, with the worker flow's if `worker` (Finnish's public ones are
    /// the baked ones).
    fn messages(&self, language: Locale, worker: bool) -> Option<Rc<Messages>> {
        let sources = self.sources.borrow();
        let public = match language == Locale::FI {
            true => Rc::new(FINNISH),
            false => kept(&sources, (language, false))?,
        };
        if !worker {
            return Some(public);
        }
        let mut entries = public.entries().to_vec();
        entries.extend_from_slice(kept(&sources, (language, true))?.entries());
        Some(Rc::new(Messages::from_entries(entries)))
    }

    /// The messages of `locale`, with the worker flow's if `worker`, if every file they need is at hand
    /// (made once).
    fn made(&self, locale: Locale, worker: bool) -> Option<Rc<I18n>> {
        if locale == Locale::FI && !worker {
            return Some(I18n::finnish());
        }
        if let Some(i18n) = kept(&self.made.borrow(), (locale, worker)) {
            return Some(i18n);
        }
        if !self.lacking(locale, worker).is_empty() {
            return None;
        }
        let bundle = self.messages(locale, self.with_worker(locale, locale, worker))?;
        let fallbacks = locale
            .chain()
            .map(|language| self.messages(language, self.with_worker(locale, language, worker)))
            .collect::<Option<Vec<_>>>()?;
        let i18n = I18n::new(locale, bundle, worker, fallbacks);
        self.made.borrow_mut().push(((locale, worker), i18n.clone()));
        Some(i18n)
    }

    /// The messages of `locale` with the worker flow's, if they are at hand.
    pub fn get_worker(&self, locale: Locale) -> Option<Rc<I18n>> {
        self.made(locale, true)
    }

    /// The messages of `locale`, if they are at hand.
    pub fn get(&self, locale: Locale) -> Option<Rc<I18n>> {
        self.made(locale, false)
    }

    /// Where a file of `locale` is fetched from: its public messages, or the worker flow's.
    pub fn url(&self, locale: Locale, worker: bool) -> String {
        let name = if worker { "/worker.ftl" } else { "/citizen.ftl" };
        self.file(&["locales/", locale.tag(), name].concat())
    }

    /// The address of `path`, a file beside the app's own (the language files, the privacy notice's
    /// pages): in the folder `embed.js` was loaded from, else relative to the page.
    pub fn file(&self, path: &str) -> String {
        match &self.base {
            Some(base) => [base, "/", path].concat(),
            None => path.to_owned(),
        }
    }

    /// The messages of `locale` (with the worker flow's if `worker`), fetching what is not at hand yet:
    /// its files and those of the languages that stand in for it; the error says what went wrong.
    async fn fetch(&self, locale: Locale, worker: bool) -> Result<Rc<I18n>, String> {
        for (language, part) in self.lacking(locale, worker) {
            let info = language.info();
            // The texts of the rules, the catalogue and the questionnaire a citizen reads come with the
            // public messages, the rest with the worker flow's.
            let (messages, texts) = match part {
                false => (true, info.texts.then_some("/texts.ftl")),
                true => (info.worker, info.worker_texts.then_some("/worker-texts.ftl")),
            };
            let mut source = String::new();
            if messages {
                source = fetch_text(&self.url(language, part)).await?;
            }
            if let Some(name) = texts {
                source.push('\n');
                source.push_str(&fetch_text(&self.file(&["locales/", language.tag(), name].concat())).await?);
            }
            self.read(language, part, &source);
        }
        self.made(locale, worker)
            .ok_or_else(|| format!("the messages of {} are not at hand", locale.tag()))
    }

    /// The messages of `locale`, fetched if they are not at hand yet.
    pub async fn load(&self, locale: Locale) -> Result<Rc<I18n>, String> {
        self.fetch(locale, false).await
    }

    /// The messages of `locale` with the worker flow's, fetched as needed.
    pub async fn load_worker(&self, locale: Locale) -> Result<Rc<I18n>, String> {
        self.fetch(locale, true).await
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

    fn tagged(tag: &str) -> Locale {
        Locale::from_tag(tag).unwrap_or_else(|| panic!("no {tag}"))
    }

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
        if locale != tagged("fi-x-selko") {
            text.push('\n');
            text.push_str(&file(locale, true));
        }
        text
    }

    /// One file of `locale`: the public one, or the worker flow's.
    fn file(locale: Locale, worker: bool) -> String {
        let name = if worker { "worker" } else { "citizen" };
        let path = format!(
            "{}/locales/{}/{name}.ftl",
            env!("CARGO_MANIFEST_DIR"),
            locale.tag()
        );
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// The translations of the rules' texts into `tag` as the build writes them (`texts.ftl`).
    fn texts_of(tag: &str) -> String {
        let path = format!("{}/texts-{tag}.ftl", env!("OUT_DIR"));
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
        for locale in [tagged("sv"), tagged("en")] {
            for worker in [false, true] {
                assert_eq!(
                    file_ids(locale, worker),
                    file_ids(Locale::FI, worker),
                    "{} worker={worker}",
                    locale.tag()
                );
            }
        }
        let shared: Vec<String> = file_ids(Locale::FI, false)
            .intersection(&file_ids(Locale::FI, true))
            .cloned()
            .collect();
        assert!(shared.is_empty(), "in both files: {shared:?}");
    }

    /// Every language links a privacy notice: its own (the four real languages have one), or that of the
    /// first language standing in for it that has one (a pseudo-locale reads English's).
    #[test]
    fn every_language_links_its_own_privacy_notice_or_a_stand_ins() {
        for tag in ["fi", "fi-x-selko", "sv", "en"] {
            assert_eq!(tagged(tag).info().privacy, tag);
        }
        for locale in Locale::all() {
            let notice = tagged(locale.info().privacy);
            let path = format!(
                "{}/locales/{}/privacy.toml",
                env!("CARGO_MANIFEST_DIR"),
                notice.tag()
            );
            assert!(std::path::Path::new(&path).is_file(), "{}: {path}", locale.tag());
            assert!(
                notice == locale || locale.chain().any(|other| other == notice),
                "{}",
                locale.tag()
            );
        }
    }

    /// The worker flow's messages join a language once its files are at hand; plain-language Finnish, whose
    /// worker flow has no messages of its own, reads the standard Finnish worker file; a language whose
    /// worker flow lacks nothing (Swedish) needs no Finnish worker file at all.
    #[test]
    fn the_worker_flow_messages_join_each_language_over_one_finnish() {
        let worker_source = |tag: &str| {
            let texts = format!("{}/worker-texts-{tag}.ftl", env!("OUT_DIR"));
            let texts = std::fs::read_to_string(&texts).unwrap_or_else(|error| panic!("{texts}: {error}"));
            match tagged(tag).info().worker {
                true => [file(tagged(tag), true), texts].join("\n"),
                false => texts,
            }
        };
        let locales = Locales::default()
            .with_source(tagged("sv"), &file(tagged("sv"), false))
            .with_source(tagged("fi-x-selko"), &file(tagged("fi-x-selko"), false));
        assert!(
            locales.get_worker(tagged("sv")).is_none(),
            "not before the worker files are at hand"
        );
        let locales = locales.with_worker_source(tagged("sv"), &worker_source("sv"));
        let swedish = locales.get_worker(tagged("sv")).unwrap();
        assert!(swedish.has_worker() && !swedish.partial());
        assert_eq!(swedish.t("plan-sharing"), "Delning av den gemensamma planen");
        assert_eq!(swedish.fallbacks.len(), 1);
        assert_eq!(
            swedish.fallbacks[0].entries().len(),
            FINNISH.entries().len(),
            "Finnish stands in with its public messages only: Swedish's worker flow lacks nothing"
        );
        assert!(
            Rc::ptr_eq(&locales.get_worker(tagged("sv")).unwrap(), &swedish),
            "made once"
        );
        assert!(
            locales.get_worker(tagged("fi-x-selko")).is_none(),
            "plain-language Finnish needs the Finnish worker file"
        );
        let locales = locales
            .with_worker_source(Locale::FI, &file(Locale::FI, true))
            .with_worker_source(tagged("fi-x-selko"), &worker_source("fi-x-selko"));
        let finnish = locales.get_worker(Locale::FI).unwrap();
        let selko = locales.get_worker(tagged("fi-x-selko")).unwrap();
        assert!(finnish.has_worker());
        assert_eq!(selko.t("plan-sharing"), finnish.t("plan-sharing"));
        assert_eq!(
            selko.fallbacks.len(),
            1,
            "Finnish stands in, with its worker messages"
        );
        assert_eq!(selko.fallbacks[0].entries().len(), finnish.bundle.entries().len());
    }

    /// The screens outside the worker flow ask only for messages of the public file (the worker file is
    /// not fetched for them).
    #[test]
    fn pages_outside_the_worker_flow_use_only_the_public_messages() {
        let public = file_ids(Locale::FI, false);
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
        let finnish = ids(Locale::FI);
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
        for locale in Locale::all() {
            let (missing, extra) = missing_and_extra(locale);
            println!("{}: {} missing {missing:?}", locale.tag(), missing.len());
            assert!(
                extra.is_empty(),
                "{}: messages Finnish does not have: {extra:?}",
                locale.tag()
            );
            if locale != tagged("fi-x-selko") && !missing.is_empty() {
                report.push(format!("{}: missing {missing:?}", locale.tag()));
            }
        }
        assert!(report.is_empty(), "{}", report.join("\n"));
    }

    /// Plain-language Finnish has every message of the self-assessment's own screens.
    #[test]
    fn plain_language_finnish_covers_the_self_assessment() {
        let selko = ids(tagged("fi-x-selko"));
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
        let selko = messages(tagged("fi-x-selko"));
        let finnish = I18n::finnish();
        assert_eq!(selko.language(), Language::FI);
        assert!(
            !selko.partial(),
            "plain-language Finnish lacks a message of fi.ftl"
        );
        assert!(!finnish.partial());
        let lacking: String = file(tagged("fi-x-selko"), false)
            .lines()
            .filter(|line| !line.starts_with("back ="))
            .map(|line| format!("{line}\n"))
            .collect();
        let lacking = I18n::from_source(tagged("fi-x-selko"), &lacking);
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
        // A text of the rules comes with the language's texts (`texts.ftl`, by the hash of its Finnish);
        // one it has no translation of is shown in Finnish.
        let title = Texts::finnish("Oma arvio työkyvystä ja arjesta");
        let untranslated = Texts::finnish("Ei käännetty");
        let with_texts = I18n::from_source(
            tagged("fi-x-selko"),
            &[file(tagged("fi-x-selko"), false), texts_of("fi-x-selko")].join("\n"),
        );
        assert_eq!(with_texts.text(&title), "Arvioi oma työkykysi ja arkesi");
        assert_eq!(with_texts.text(&untranslated), "Ei käännetty");
        // The worker flow and the plan keep the standard Finnish a plain-language Finnish document records.
        assert_eq!(
            with_texts.document_text(&title),
            "Oma arvio työkyvystä ja arjesta"
        );
        assert_eq!(finnish.text(&title), "Oma arvio työkyvystä ja arjesta");
        let swedish = I18n::from_source(
            tagged("sv"),
            &[file(tagged("sv"), false), texts_of("sv")].join("\n"),
        );
        assert_eq!(swedish.text(&title), "Egen bedömning av arbetsförmåga och vardag");
        assert_eq!(
            swedish.document_text(&title),
            "Egen bedömning av arbetsförmåga och vardag"
        );
        assert_eq!(Locale::from_tag("fi-x-selko"), Some(tagged("fi-x-selko")));
        assert_eq!(Locale::from_tag("sv-FI"), Some(tagged("sv")));
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

    /// The translations in the folders of plain-language Finnish and Swedish (`locales/<tag>/texts.ftl`),
    /// read once for [`check_texts`].
    fn folder_texts() -> [Rc<I18n>; 2] {
        ["fi-x-selko", "sv"].map(|tag| {
            let path = format!("{}/locales/{tag}/texts.ftl", env!("CARGO_MANIFEST_DIR"));
            let source = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
            I18n::from_source(tagged(tag), &source)
        })
    }

    /// Reports a text of the questionnaire or the catalogue that has no plain-language Finnish, or whose
    /// Swedish is empty or the same as the Finnish: written inline (a catalogue's) or in the language's
    /// texts (`folders`, from [`folder_texts`], by the hash of the Finnish).
    fn check_texts(place: &str, texts: &Texts, folders: &[Rc<I18n>; 2], report: &mut Vec<String>) {
        let id = tyokyky_engine::text::text_id(&texts.fi);
        let translated = |folder: &I18n, inline: &Option<String>| -> String {
            match inline.as_deref().filter(|text| !text.trim().is_empty()) {
                Some(text) => text.to_owned(),
                None if folder.bundle.has(&id) => folder.text(texts),
                None => String::new(),
            }
        };
        let [selko, swedish] = folders;
        if translated(selko, &texts.selko).trim().is_empty() {
            report.push(format!("{place}: no selko"));
        }
        check_swedish(place, &texts.fi, &translated(swedish, &texts.sv), report);
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
        let folders = folder_texts();
        let finnish = I18n::finnish();
        let others: Vec<_> = [tagged("fi-x-selko"), tagged("sv"), tagged("en")]
            .into_iter()
            .zip(sources)
            .map(|(locale, source)| (locale, Messages::read(&[source])))
            .collect();
        // Swedish with no Finnish standing in, so that a message is compared with its own Swedish.
        let swedish = I18n {
            locale: tagged("sv"),
            bundle: Rc::new(Messages::read(&[sources[1]])),
            worker: false,
            fallbacks: Vec::new(),
            partial: false,
        };
        for (id, _) in FINNISH.entries() {
            let id: &str = id;
            for (locale, bundle) in &others {
                if !bundle.has(id) {
                    let what = if *locale == tagged("fi-x-selko") {
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
        check_texts("questionnaire title", &questionnaire.title, &folders, &mut report);
        check_texts("questionnaire intro", &questionnaire.intro, &folders, &mut report);
        for page in &questionnaire.page {
            check_texts(
                &format!("questionnaire page \"{}\" title", page.id),
                &page.title,
                &folders,
                &mut report,
            );
        }
        for question in &questionnaire.question {
            let place = format!("questionnaire question \"{}\"", question.id);
            check_texts(&format!("{place} text"), &question.text, &folders, &mut report);
            for (part, texts) in [
                ("help", &question.help),
                ("why", &question.why),
                ("low", &question.low),
                ("high", &question.high),
            ] {
                if let Some(texts) = texts {
                    check_texts(&format!("{place} {part}"), texts, &folders, &mut report);
                }
            }
            for option in &question.options {
                check_texts(
                    &format!("{place} option \"{}\"", option.value),
                    &option.text,
                    &folders,
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
                    &folders,
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
                &folders,
                &mut report,
            );
        }
        report
    }

    /// The report of missing translations (`cargo test -p tyokyky --lib missing_translations -- --nocapture`
    /// prints it): every message of `fi.ftl` is in plain-language Finnish, Swedish and English, and every
    /// text of the embedded questionnaire and catalogue has a `selko` and a Swedish version that is not the
    /// Finnish one, inline or in the language's texts. The report is checked first to name a message and a text that lack their versions.
    #[test]
    fn the_report_of_missing_translations_is_empty() {
        // The compiled rules with their translations (the baked ones are in Finnish alone).
        let rules =
            tyokyky_engine::ruleset::RuleSet::from_json(crate::state::rules::json::RULES, "rules").unwrap();
        let catalogue = tyokyky_engine::catalogue::Catalogue::from_json(
            crate::state::rules::json::CATALOGUE,
            &rules,
            "catalogue",
        )
        .unwrap();
        let questionnaire = tyokyky_engine::questionnaire::Questionnaire::from_json(
            crate::state::rules::json::QUESTIONNAIRE,
            &rules,
            "questionnaire",
        )
        .unwrap();
        let (questionnaire, catalogue) = (questionnaire.file(), catalogue.file());
        let sources = [tagged("fi-x-selko"), tagged("sv"), tagged("en")].map(|locale| file(locale, false));
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
        damaged.service[0].name.sv = Some(damaged.service[0].name.fi.clone());
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
        let known = ids(Language::FI);
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
        let known = ids(Language::FI);
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
        let known = ids(Language::FI);
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
        let full = file(tagged("sv"), false);
        let cut = &full[..full.len() / 2];
        let swedish = I18n::from_source(tagged("sv"), cut);
        assert!(swedish.partial());
        assert_eq!(
            swedish.t("back"),
            messages(tagged("sv")).t("back"),
            "in the first half"
        );
        let last = message_ids(&full).last().unwrap();
        assert_eq!(swedish.t(last), I18n::finnish().t(last));
        assert!(!messages(tagged("sv")).partial());
    }

    #[test]
    fn languages_are_fetched_beside_the_app_and_finnish_is_built_in() {
        let hosted = Locales::new(Some("https://palvelu.example/tyokyky/"));
        assert_eq!(
            hosted.url(tagged("fi-x-selko"), false),
            "https://palvelu.example/tyokyky/locales/fi-x-selko/citizen.ftl"
        );
        assert_eq!(
            Locales::default().url(tagged("sv"), true),
            "locales/sv/worker.ftl"
        );
        assert!(hosted.get(Locale::FI).is_some());
        assert!(hosted.get(tagged("en")).is_none());
        let hosted = hosted.with_source(tagged("en"), &source(tagged("en")));
        assert_eq!(hosted.get(tagged("en")).unwrap().t("back"), "Back");
        assert_eq!(hosted.clone(), hosted, "a clone shares the store");
        assert_ne!(hosted, Locales::default());
    }

    #[test]
    fn formats_arguments_without_isolation_marks() {
        let i18n = messages(Language::EN);
        assert_eq!(
            i18n.t_with("progress-question", &[("number", 3.into()), ("total", 17.into())]),
            "Question 3 of 17"
        );
        assert_eq!(messages(Language::SV).t("back"), "Tillbaka");
        assert_eq!(i18n.t("no-such-message"), "[no-such-message]");
    }

    #[test]
    fn the_finnish_relative_pronoun_agrees_with_the_number_of_services() {
        for (locale, one, six) in [
            (
                Locale::FI,
                "yhden palvelun, josta voisi",
                "6 palvelua, joista voisi",
            ),
            (
                tagged("fi-x-selko"),
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
