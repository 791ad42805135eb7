//! The translations of the questionnaire's, the catalogue's and the rules' texts: each language folder's
//! `texts.ftl` (`locales/<tag>/texts.ftl`, a translator's file: each text under [`super::text_id`] of its
//! Finnish, the Finnish in a comment above it), and the translations a county's catalogue may carry
//! inline (`sv`, `en`, `selko`). The browser fetches a language's translations as one Fluent file the
//! build writes from both; the native tools (the FHIR export, the checks, the tests) read them here.

use std::collections::BTreeMap;

use super::{Language, Texts, text_id};

/// One translation of a language folder's `texts.ftl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEntry {
    /// The text id: `t-` and the hash of the Finnish it translates.
    pub id: String,
    /// The translation.
    pub text: String,
    /// Its line in the file.
    pub line: usize,
}

/// The translations of texts into each language, by the text id of their Finnish.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations {
    languages: Vec<(Language, BTreeMap<String, String>)>,
}

impl Translations {
    /// Adds `entries` as translations into `language` (an entry already there for the id is replaced).
    pub fn add(&mut self, language: Language, entries: impl IntoIterator<Item = TextEntry>) {
        let at = match self.languages.iter().position(|(own, _)| *own == language) {
            Some(at) => at,
            None => {
                self.languages.push((language, BTreeMap::new()));
                self.languages.len() - 1
            }
        };
        self.languages[at]
            .1
            .extend(entries.into_iter().map(|entry| (entry.id, entry.text)));
    }

    /// The languages that have a translation of some text, in the order they were added.
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.languages.iter().map(|(language, _)| *language)
    }

    /// The translation of the Finnish text `fi` into `language` from its folder, if it has one.
    pub fn find(&self, language: Language, fi: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|(own, _)| *own == language)
            .and_then(|(_, texts)| texts.get(&text_id(fi)))
            .map(String::as_str)
    }

    /// `texts` in `language`: its folder's translation, or else the one written inline (a catalogue's
    /// `sv`, `en` or `selko`), or else the Finnish.
    pub fn text<'a>(&'a self, texts: &'a Texts, language: Language) -> &'a str {
        self.find(language, &texts.fi)
            .unwrap_or_else(|| texts.get(language))
    }
}

/// Reads a language folder's `texts.ftl` (`shown` names it in the problems): every message as a
/// [`TextEntry`], or the problems, each `file:line: what` — a file that is not Fluent, a message that is
/// not a text id, one given twice, one with a placeable (`{ … }`) or attributes, which a text has none of.
#[cfg(feature = "toml")]
pub fn read_texts(source: &str, shown: &str) -> Result<Vec<TextEntry>, Vec<String>> {
    use fluent_syntax::ast::{Entry, PatternElement};

    let line_at = |offset: usize| source.get(..offset).unwrap_or(source).matches('\n').count() + 1;
    let (resource, syntax) = match fluent_syntax::parser::parse(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut problems: Vec<String> = syntax
        .iter()
        .map(|error| format!("{shown}:{}: not Fluent: {}", line_at(error.pos.start), error.kind))
        .collect();
    // An entry's line: the next line, from the last entry's on, that starts with its id and `=` (the
    // parser gives the entries no positions).
    let lines: Vec<&str> = source.lines().collect();
    let mut cursor = 0;
    let mut line_of = |id: &str| {
        let found = lines[cursor.min(lines.len())..].iter().position(|line| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        found.map_or(0, |offset| {
            cursor += offset + 1;
            cursor
        })
    };
    let mut entries: Vec<TextEntry> = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(message) => (message.id.name, message.value.as_ref(), message.attributes.len()),
            Entry::Term(term) => {
                problems.push(format!(
                    "{shown}:{}: `-{}` is a term: a texts file has only texts",
                    line_of(&format!("-{}", term.id.name)),
                    term.id.name
                ));
                continue;
            }
            _ => continue,
        };
        let line = line_of(id);
        let hex = id.strip_prefix("t-").unwrap_or_default();
        if hex.len() != 16
            || !hex
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
        {
            problems.push(format!(
                "{shown}:{line}: `{id}` is not a text id (`t-` and 16 hexadecimal digits, from `tyokyky-rules languages template`)"
            ));
            continue;
        }
        let mut text = String::new();
        let mut placeable = attributes > 0;
        for element in value
            .map(|pattern| pattern.elements.as_slice())
            .unwrap_or_default()
        {
            match element {
                PatternElement::TextElement { value } => text.push_str(value),
                PatternElement::Placeable { .. } => placeable = true,
            }
        }
        if placeable {
            problems.push(format!(
                "{shown}:{line}: `{id}` has a placeable or an attribute: a text is written as it is shown"
            ));
        } else if text.trim().is_empty() {
            problems.push(format!("{shown}:{line}: `{id}` is empty"));
        } else if let Some(earlier) = entries.iter().find(|entry| entry.id == id) {
            problems.push(format!(
                "{shown}:{line}: `{id}` is given again (first at line {})",
                earlier.line
            ));
        } else {
            entries.push(TextEntry {
                id: id.to_owned(),
                text,
                line,
            });
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// The `texts.ftl` of the folder of `tag` under `dir` (`locales/`) as read (none: no translations), or
/// its problems, each with file and line.
#[cfg(feature = "toml")]
pub fn folder_texts(dir: &std::path::Path, tag: &str) -> Result<Vec<TextEntry>, Vec<String>> {
    match std::fs::read_to_string(dir.join(tag).join("texts.ftl")) {
        Ok(source) => read_texts(&source, &format!("locales/{tag}/texts.ftl")),
        Err(_) => Ok(Vec::new()),
    }
}

/// Reads the `texts.ftl` of each of `languages`' folders under `dir` (`locales/`) that has one.
#[cfg(feature = "toml")]
pub fn load_texts(
    dir: &std::path::Path,
    languages: impl IntoIterator<Item = Language>,
) -> Result<Translations, Vec<String>> {
    let mut translations = Translations::default();
    let mut problems = Vec::new();
    for language in languages {
        match folder_texts(dir, language.tag()) {
            Ok(entries) => translations.add(language, entries),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(translations)
    } else {
        Err(problems)
    }
}

/// The translations into the languages a deployment offers (`dir` is its `locales/`): what the FHIR
/// export writes beside each Finnish text. A pseudo-locale, built for the tests and not offered, is not
/// among them.
#[cfg(feature = "toml")]
pub fn load_offered(dir: &std::path::Path) -> Result<Translations, Vec<String>> {
    let languages = super::languages::load(dir)?;
    load_texts(
        dir,
        languages.all[..languages.offered]
            .iter()
            .map(|language| language.tag),
    )
}

/// `text` written as a Fluent message's value, continuation lines indented; `None` when Fluent would
/// read it otherwise than written (a brace, a line starting with `[`, `*` or `.`, a leading space).
pub fn fluent_value(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let unsafe_line = lines
        .iter()
        .skip(1)
        .any(|line| line.trim_start().starts_with(['[', '*', '.']));
    if text.contains(['{', '}']) || unsafe_line || text.starts_with(' ') {
        return None;
    }
    Some(lines.join("\n    "))
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    #[test]
    fn a_texts_file_gives_each_translation_by_its_id_with_its_line() {
        let source = format!(
            "### English\n\n# Työkykysi nyt\n{} = Your work ability\n    now\n",
            text_id("Työkykysi nyt")
        );
        let entries = read_texts(&source, "locales/en/texts.ftl").unwrap_or_default();
        assert_eq!(
            entries,
            [TextEntry {
                id: text_id("Työkykysi nyt"),
                text: "Your work ability\nnow".into(),
                line: 4
            }]
        );
        let mut translations = Translations::default();
        translations.add(Language::EN, entries);
        let texts = Texts {
            fi: "Työkykysi nyt".into(),
            sv: Some("Din arbetsförmåga nu".into()),
            en: None,
            selko: None,
        };
        assert_eq!(translations.text(&texts, Language::EN), "Your work ability\nnow");
        assert_eq!(translations.text(&texts, Language::SV), "Din arbetsförmåga nu");
        assert_eq!(
            translations.text(&texts, Language::parse("uk").unwrap_or(Language::FI)),
            "Työkykysi nyt"
        );
    }

    #[test]
    fn a_texts_file_that_cannot_be_used_is_named_by_file_and_line() {
        let id = text_id("Työ");
        let source = format!(
            "work = Work\n{id} = Work\n{id} = Labour\n{id}x = Job\nt-0123456789abcdef = Hello {{ $name }}\nbroken\n"
        );
        let problems = read_texts(&source, "locales/en/texts.ftl")
            .err()
            .unwrap_or_default();
        for says in [
            "locales/en/texts.ftl:1: `work` is not a text id",
            &format!("locales/en/texts.ftl:3: `{id}` is given again (first at line 2)"),
            &format!("locales/en/texts.ftl:4: `{id}x` is not a text id"),
            "locales/en/texts.ftl:5: `t-0123456789abcdef` has a placeable",
            "locales/en/texts.ftl:6: not Fluent",
        ] {
            assert!(
                problems.iter().any(|problem| problem.contains(says)),
                "{says}: {problems:#?}"
            );
        }
    }

    #[test]
    fn a_text_fluent_would_misread_has_no_value() {
        assert_eq!(fluent_value("Kaksi\nriviä"), Some("Kaksi\n    riviä".into()));
        for wrong in ["{x}", "a\n* b", "a\n[b]", "a\n.b", " a"] {
            assert_eq!(fluent_value(wrong), None, "{wrong}");
        }
    }
}
