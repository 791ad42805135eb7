//! UI text through Fluent: one `.ftl` file per language in `locales/`, embedded at build time.
//!
//! Components never hold UI text themselves: they ask the [`I18n`] in context for a message id.

use std::borrow::Cow;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use tyokyky_engine::document::Language;
use unic_langid::LanguageIdentifier;

/// The Fluent source of a language.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::Fi => include_str!("../locales/fi.ftl"),
        Language::Sv => include_str!("../locales/sv.ftl"),
        Language::En => include_str!("../locales/en.ftl"),
    }
}

/// The messages of one language.
pub struct I18n {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl PartialEq for I18n {
    fn eq(&self, other: &I18n) -> bool {
        self.language == other.language
    }
}

impl I18n {
    /// The messages of `language`. The files are embedded and checked by the tests, so a file that does
    /// not parse cannot ship; should one anyway, the messages that did parse are still used.
    pub fn new(language: Language) -> Rc<I18n> {
        let resource =
            FluentResource::try_new(source(language).to_owned()).unwrap_or_else(|(partial, _)| partial);
        let locale: LanguageIdentifier = language.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // All our languages run left to right; bidi isolation marks would only end up in copied text.
        bundle.set_use_isolating(false);
        // Duplicate ids are reported by the tests; at run time the first one wins.
        let _ = bundle.add_resource(resource);
        Rc::new(I18n { language, bundle })
    }

    /// The language of these messages.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn t_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|message| message.value()) else {
            // Visible, so a missing message is noticed rather than shown as a blank.
            return format!("[{id}]");
        };
        let mut errors = Vec::new();
        let text: Cow<'_, str> = self.bundle.format_pattern(pattern, args, &mut errors);
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn ids(language: Language) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source(language).to_owned())
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

    #[test]
    fn every_language_has_every_message() {
        let finnish = ids(Language::Fi);
        for language in Language::ALL {
            let other = ids(language);
            let missing: Vec<_> = finnish.difference(&other).collect();
            let extra: Vec<_> = other.difference(&finnish).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{language:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    /// Every `.t("…")` / `.t_with("…"` in the app's source names a message that exists (this file, whose
    /// tests ask for a missing id on purpose, excepted).
    #[test]
    fn every_message_id_used_in_the_source_exists() {
        let known = ids(Language::Fi);
        let mut used = BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .map(|entry| entry.unwrap().path()),
                );
                continue;
            }
            if path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in [".t(\"", ".t_with(\""] {
                for (index, _) in text.match_indices(call) {
                    let rest = &text[index + call.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    used.insert((id.to_owned(), path.display().to_string()));
                }
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
    fn formats_arguments_without_isolation_marks() {
        let i18n = I18n::new(Language::En);
        assert_eq!(
            i18n.t_with("progress-question", &[("number", 3.into()), ("total", 17.into())]),
            "Question 3 of 17"
        );
        assert_eq!(I18n::new(Language::Sv).t("retry"), "Försök igen");
        assert_eq!(i18n.t("no-such-message"), "[no-such-message]");
    }
}
