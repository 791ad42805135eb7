//! A language as a folder of data (`locales/<tag>/`, `docs/languages.md`): what its `language.toml` says
//! (its tag, its name in itself, its direction, the languages that stand in for what it lacks, how it
//! writes a date), and which languages a deployment offers (`locales/languages.toml`). The build bakes
//! them into the app; `tyokyky-rules languages` checks them. Adding a language is adding a folder: no
//! code names one, but Finnish, which the law is written in and which stands in last for everything.

use serde::Deserialize;

use super::Language;

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian …).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language folder's `language.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    /// The BCP 47 tag: the folder's name.
    pub tag: Language,
    /// Its name in itself (`Suomi`, `Svenska`, `Українська`), for the language switch.
    pub name: String,
    /// Which way its text runs.
    pub dir: Direction,
    /// The languages that stand in, in turn, for what this one lacks; Finnish stands in last in any case.
    #[serde(default)]
    pub fallback: Vec<Language>,
    /// The language documents made in it record (plain-language Finnish: Finnish); itself by default.
    #[serde(default)]
    pub documents: Option<Language>,
    /// Written plainly (selkokieli): a person who chose it is answered in plain language too.
    #[serde(default)]
    pub plain: bool,
    /// The locale whose conventions the browser uses for a date with its time (`fi-FI`, `en-GB`).
    pub intl: String,
    /// The weekdays' short names, Monday first.
    pub weekdays: [String; 7],
    /// How a date is written, with `{weekday}`, `{day}`, `{day2}` (two digits), `{month}`, `{month2}`
    /// and `{year}`: `{weekday} {day}.{month}.{year}`.
    pub date: String,
}

/// The fields a date pattern may name.
pub const DATE_FIELDS: [&str; 6] = ["weekday", "day", "day2", "month", "month2", "year"];

impl LanguageFile {
    /// The language documents made in it record.
    pub fn document_language(&self) -> Language {
        self.documents.unwrap_or(self.tag)
    }

    /// Whether `pattern` names only [`DATE_FIELDS`] and closes every brace: the name that is not one, if
    /// any.
    pub fn date_problem(pattern: &str) -> Option<String> {
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return Some(format!("`{pattern}` opens a brace it does not close"));
            };
            let name = &after[..close];
            if !DATE_FIELDS.contains(&name) {
                return Some(format!(
                    "`{{{name}}}` is not a date field; the fields are {}",
                    DATE_FIELDS.map(|field| ["{", field, "}"].concat()).join(", ")
                ));
            }
            rest = &after[close + 1..];
        }
        None
    }
}

/// `locales/languages.toml`: the languages a deployment offers, in the order of the language switch.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offered {
    /// The tags; Finnish first.
    pub offered: Vec<Language>,
}

/// Every language folder of `locales/` and what the deployment offers, read and checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// The folders' `language.toml`s, Finnish first, then the offered ones in their order, then the rest
    /// by tag.
    pub all: Vec<LanguageFile>,
    /// How many of `all`, from the start, are offered.
    pub offered: usize,
}

impl Languages {
    /// The language with this tag.
    pub fn get(&self, tag: Language) -> Option<&LanguageFile> {
        self.all.iter().find(|language| language.tag == tag)
    }

    /// The languages that stand in for what `tag` lacks, in turn: its fallback chain, each one's own
    /// after it, without repeats, and Finnish last (nothing for Finnish itself).
    pub fn chain(&self, tag: Language) -> Vec<Language> {
        let mut chain: Vec<Language> = Vec::new();
        let mut pending: Vec<Language> = self
            .get(tag)
            .map(|language| language.fallback.iter().rev().copied().collect())
            .unwrap_or_default();
        while let Some(next) = pending.pop() {
            if next == tag || chain.contains(&next) {
                continue;
            }
            chain.push(next);
            if let Some(language) = self.get(next) {
                pending.extend(language.fallback.iter().rev().copied());
            }
        }
        chain.retain(|language| *language != Language::FI);
        if tag != Language::FI {
            chain.push(Language::FI);
        }
        chain
    }

    /// Checks the folders together (`files`: each folder's name with its file as read) against the
    /// offered list; the problems, each naming its file.
    pub fn new(offered: &Offered, files: Vec<(String, LanguageFile)>) -> Result<Languages, Vec<String>> {
        let mut problems = Vec::new();
        for (folder, file) in &files {
            let at = format!("locales/{folder}/language.toml");
            if file.tag.tag() != folder {
                problems.push(format!(
                    "{at}: `tag` is `{}`, but the folder is `{folder}`",
                    file.tag
                ));
            }
            if file.name.trim().is_empty() {
                problems.push(format!("{at}: `name` is empty"));
            }
            if let Some(problem) = LanguageFile::date_problem(&file.date) {
                problems.push(format!("{at}: `date`: {problem}"));
            }
            if file.weekdays.iter().any(|day| day.trim().is_empty()) {
                problems.push(format!("{at}: `weekdays` has an empty name"));
            }
            for fallback in &file.fallback {
                if !files.iter().any(|(_, other)| other.tag == *fallback) {
                    problems.push(format!(
                        "{at}: `fallback` names `{fallback}`, which has no folder"
                    ));
                }
            }
        }
        if !files.iter().any(|(_, file)| file.tag == Language::FI) {
            problems
                .push("locales/fi/language.toml: Finnish is missing; it is built into the app".to_owned());
        }
        if offered.offered.first() != Some(&Language::FI) {
            problems.push("locales/languages.toml: `offered` must start with `fi`".to_owned());
        }
        for (index, tag) in offered.offered.iter().enumerate() {
            if !files.iter().any(|(_, file)| file.tag == *tag) {
                problems.push(format!(
                    "locales/languages.toml: `offered` names `{tag}`, which has no folder"
                ));
            }
            if offered.offered[..index].contains(tag) {
                problems.push(format!("locales/languages.toml: `offered` names `{tag}` twice"));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut all: Vec<LanguageFile> = Vec::new();
        for tag in &offered.offered {
            all.extend(
                files
                    .iter()
                    .filter(|(_, file)| file.tag == *tag)
                    .map(|(_, file)| file.clone()),
            );
        }
        let offered_count = all.len();
        let mut rest: Vec<LanguageFile> = files
            .into_iter()
            .map(|(_, file)| file)
            .filter(|file| !offered.offered.contains(&file.tag))
            .collect();
        rest.sort_by(|a, b| a.tag.tag().cmp(b.tag.tag()));
        all.extend(rest);
        Ok(Languages {
            all,
            offered: offered_count,
        })
    }
}

/// Reads `locales/` (`dir`): `languages.toml` and every folder's `language.toml`; the problems, each
/// naming its file (and line, for one that is not valid TOML).
#[cfg(feature = "toml")]
pub fn load(dir: &std::path::Path) -> Result<Languages, Vec<String>> {
    fn read<T: serde::de::DeserializeOwned>(path: &std::path::Path, name: &str) -> Result<T, String> {
        let text = std::fs::read_to_string(path).map_err(|error| format!("{name}: cannot read: {error}"))?;
        toml::from_str(&text).map_err(|error| {
            let line = error
                .span()
                .map(|span| text[..span.start.min(text.len())].lines().count().max(1));
            let message = error.message().to_owned();
            match line {
                Some(line) => format!("{name}:{line}: {message}"),
                None => format!("{name}: {message}"),
            }
        })
    }
    let offered: Offered =
        read(&dir.join("languages.toml"), "locales/languages.toml").map_err(|problem| vec![problem])?;
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .map_err(|error| vec![format!("locales: cannot read: {error}")])?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("language.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for folder in folders {
        let name = format!("locales/{folder}/language.toml");
        match read::<LanguageFile>(&dir.join(&folder).join("language.toml"), &name) {
            Ok(file) => files.push((folder, file)),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Languages::new(&offered, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(tag: &str, fallback: &[&str]) -> (String, LanguageFile) {
        (
            tag.to_owned(),
            LanguageFile {
                tag: Language::parse(tag).unwrap_or(Language::FI),
                name: tag.to_uppercase(),
                dir: Direction::Ltr,
                fallback: fallback.iter().filter_map(|tag| Language::parse(tag)).collect(),
                documents: None,
                plain: false,
                intl: tag.to_owned(),
                weekdays: ["1", "2", "3", "4", "5", "6", "7"].map(str::to_owned),
                date: "{weekday} {day}.{month}.{year}".to_owned(),
            },
        )
    }

    fn offered(tags: &[&str]) -> Offered {
        Offered {
            offered: tags.iter().filter_map(|tag| Language::parse(tag)).collect(),
        }
    }

    #[test]
    fn the_folders_are_ordered_as_offered_and_each_falls_back_along_its_chain_to_finnish() {
        let languages = Languages::new(
            &offered(&["fi", "uk", "en"]),
            vec![
                file("en", &["fi"]),
                file("fi", &[]),
                file("se", &["fi"]),
                file("ar-XB", &["en"]),
                file("uk", &["en"]),
            ],
        )
        .unwrap_or_else(|problems| panic!("{problems:?}"));
        let tags: Vec<&str> = languages.all.iter().map(|language| language.tag.tag()).collect();
        assert_eq!(tags, ["fi", "uk", "en", "ar-XB", "se"]);
        assert_eq!(languages.offered, 3);
        let chain = |tag: &str| -> Vec<String> {
            languages
                .chain(Language::parse(tag).unwrap_or(Language::FI))
                .iter()
                .map(|language| language.tag().to_owned())
                .collect()
        };
        assert_eq!(chain("uk"), ["en", "fi"]);
        assert_eq!(chain("en"), ["fi"]);
        assert_eq!(chain("fi"), Vec::<String>::new());
        assert_eq!(chain("ar-XB"), ["en", "fi"]);
    }

    #[test]
    fn a_folder_that_cannot_be_used_is_named_with_what_is_wrong() {
        let mut wrong = file("sv", &["de"]);
        wrong.0 = "sw".to_owned();
        wrong.1.date = "{weekday} {dya}".to_owned();
        let problems = Languages::new(&offered(&["sv", "uk", "sv"]), vec![wrong])
            .err()
            .unwrap_or_default();
        for says in [
            "locales/sw/language.toml: `tag` is `sv`, but the folder is `sw`",
            "locales/sw/language.toml: `date`: `{dya}` is not a date field",
            "locales/sw/language.toml: `fallback` names `de`, which has no folder",
            "locales/fi/language.toml: Finnish is missing",
            "locales/languages.toml: `offered` must start with `fi`",
            "locales/languages.toml: `offered` names `uk`, which has no folder",
            "locales/languages.toml: `offered` names `sv` twice",
        ] {
            assert!(
                problems.iter().any(|problem| problem.contains(says)),
                "{says}: {problems:#?}"
            );
        }
    }

    #[test]
    fn a_date_pattern_names_only_date_fields() {
        assert_eq!(
            LanguageFile::date_problem("{weekday}, {day2}/{month2}/{year}"),
            None
        );
        assert!(LanguageFile::date_problem("{day").is_some());
        assert!(LanguageFile::date_problem("{hour}").is_some());
    }
}
