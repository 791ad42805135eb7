//! `tyokyky-rules privacy`: the privacy notice (tietosuojaseloste, GDPR art. 13) as static pages, one per
//! language, made at build time so that the app's bundle carries none of it.
//!
//! The notice's standard prose is data a county edits (`locales/<tag>/privacy.toml` of each language that
//! has a notice, Finnish always: a title,
//! a lead and sections of paragraphs and lists, with `{placeholders}`); the county's facts are the
//! `[privacy]` section of its service catalogue. This module checks that the languages' files say the same
//! things (the same keys, sections and placeholders), fills the placeholders with the facts and writes
//! self-contained pages that link a stylesheet beside them (no inline style or script: the inbox serves
//! them under a strict Content-Security-Policy). Every text and value is HTML-escaped. It words nothing
//! itself: what the notice says is in the prose files, and what is true of the county in the catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use html_escape::{encode_double_quoted_attribute as attribute, encode_text as text};
use serde::Deserialize;
use tyokyky_engine::catalogue::Privacy;
use tyokyky_engine::facts::did_you_mean;
use tyokyky_engine::rule::Texts;
use tyokyky_engine::text::Language;
use tyokyky_engine::text::translations::Translations;

/// The stylesheet the pages link, written beside them.
pub const STYLESHEET: &str = "privacy.css";

/// One language of the notice: its prose is its folder's `privacy.toml` and its page `<tag>.html` (the
/// app links the page of the language it shows by the language's tag, or of the first language standing
/// in for it that has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeLanguage {
    /// The language (plain-language Finnish is `fi-x-selko`, as in the app).
    pub tag: Language,
}

/// One language's prose (`locales/<tag>/privacy.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prose {
    /// The page's title and only `h1`.
    pub title: String,
    /// The paragraph under the title.
    pub lead: String,
    /// When the notice was updated; names `{updated_on}`.
    pub updated: String,
    /// This language's own name, for the links from the other pages.
    pub language_name: String,
    /// The name of the list of links to the other languages.
    pub other_languages: String,
    /// The link back to the service.
    pub back: String,
    /// The labels of the contact details.
    pub postal_address_label: String,
    /// 〃
    pub phone_label: String,
    /// 〃
    pub email_label: String,
    /// The sections, each under an `h2`, in order.
    pub section: Vec<Section>,
}

/// A section of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, the same in every language; the heading's `id`, so `fi.html#rights` links to it.
    pub id: String,
    /// The heading.
    pub title: String,
    /// Paragraphs before the list.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// A bulleted list.
    #[serde(default)]
    pub items: Vec<String>,
    /// Paragraphs after the list.
    #[serde(default)]
    pub after: Vec<String>,
    /// Contact details to list after the text.
    #[serde(default)]
    pub contact: Option<ContactDetails>,
}

/// Whose contact details a section lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactDetails {
    /// The controller's registry office: postal address, phone, e-mail.
    Controller,
    /// The data protection officer: e-mail, and phone if given.
    DataProtectionOfficer,
}

/// A prose file as read, with the name messages give it.
#[derive(Debug, Clone)]
pub struct ProseFile {
    /// The language.
    pub language: NoticeLanguage,
    /// How messages name the file, e.g. `locales/fi/privacy.toml`.
    pub name: String,
    /// Its text, for the lines of messages.
    pub text: String,
    /// The prose.
    pub prose: Prose,
}

/// Every text of `prose` with its key as messages name it (`title`, `section.rights.items.2`).
fn keyed_texts(prose: &Prose) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = vec![
        ("title".into(), prose.title.as_str()),
        ("lead".into(), &prose.lead),
        ("updated".into(), &prose.updated),
        ("language_name".into(), &prose.language_name),
        ("other_languages".into(), &prose.other_languages),
        ("back".into(), &prose.back),
        ("postal_address_label".into(), &prose.postal_address_label),
        ("phone_label".into(), &prose.phone_label),
        ("email_label".into(), &prose.email_label),
    ];
    for section in &prose.section {
        texts.push((format!("section.{}.title", section.id), &section.title));
        for (part, list) in [
            ("paragraphs", &section.paragraphs),
            ("items", &section.items),
            ("after", &section.after),
        ] {
            for (index, item) in list.iter().enumerate() {
                texts.push((format!("section.{}.{part}.{}", section.id, index + 1), item));
            }
        }
    }
    texts
}

/// A piece of a text: words as written, or a placeholder's name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Words(&'a str),
    Placeholder(&'a str),
}

/// Splits `text` into words and `{placeholders}`; a brace that does not make one (`{`, `{Name}`, `}`) is
/// an error saying what is wrong.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let (words, from) = rest.split_at(open);
        if from.starts_with('}') {
            return Err("a `}` closes no placeholder".to_owned());
        }
        let Some(close) = from.find('}') else {
            return Err("a `{` is not closed: write a placeholder as `{name}`".to_owned());
        };
        let name = from.get(1..close).unwrap_or_default();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!(
                "`{{{name}}}` is not a placeholder: its name is lowercase letters and underscores"
            ));
        }
        if !words.is_empty() {
            pieces.push(Piece::Words(words));
        }
        pieces.push(Piece::Placeholder(name));
        rest = from.get(close + 1..).unwrap_or_default();
    }
    if !rest.is_empty() {
        pieces.push(Piece::Words(rest));
    }
    Ok(pieces)
}

/// The placeholders `text` names (none if it has a brace error, which is reported elsewhere).
fn placeholders(text: &str) -> BTreeSet<&str> {
    pieces(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name),
            Piece::Words(_) => None,
        })
        .collect()
}

/// The placeholders each top-level key or section names, keyed `title`, … or `section.<id>`.
fn placeholders_by_part(prose: &Prose) -> BTreeMap<String, BTreeSet<&str>> {
    let mut parts: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (key, value) in keyed_texts(prose) {
        let part = match key.strip_prefix("section.") {
            Some(rest) => format!("section.{}", rest.split('.').next().unwrap_or_default()),
            None => key,
        };
        parts.entry(part).or_default().extend(placeholders(value));
    }
    parts
}

/// The 1-based line of the first line of `text` that holds `needle`, if any.
fn line_with(text: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
}

/// `file:line` when the line is known.
fn at(file: &ProseFile, needle: &str) -> String {
    match line_with(&file.text, needle) {
        Some(line) => format!("{}:{line}", file.name),
        None => file.name.clone(),
    }
}

/// What differs between the prose files and the first (Finnish) one, and what is wrong in any of them:
/// an empty text, a brace that makes no placeholder, a section id used twice, a missing or extra section,
/// a section with a list or contact details the first has not (or lacks one it has), and a key or section
/// that names other placeholders than in the first. Empty when the files say the same things; the
/// generator refuses to write otherwise.
pub fn differences(files: &[ProseFile]) -> Vec<String> {
    let mut report = Vec::new();
    for file in files {
        let mut ids = BTreeSet::new();
        for section in &file.prose.section {
            if !ids.insert(section.id.as_str()) {
                report.push(format!(
                    "{}: section `{}` is written twice",
                    at(file, &format!("\"{}\"", section.id)),
                    section.id
                ));
            }
        }
        for (key, value) in keyed_texts(&file.prose) {
            if value.trim().is_empty() {
                report.push(format!("{}: `{key}` is empty", file.name));
            } else if let Err(problem) = pieces(value) {
                report.push(format!("{}: `{key}`: {problem}", at(file, value)));
            }
        }
    }
    let Some((first, others)) = files.split_first() else {
        return report;
    };
    let first_parts = placeholders_by_part(&first.prose);
    for file in others {
        let of = |id: &str, prose: &Prose| prose.section.iter().position(|s| s.id == id);
        for (index, section) in first.prose.section.iter().enumerate() {
            let Some(position) = of(&section.id, &file.prose) else {
                report.push(format!(
                    "{}: section `{}` is missing ({} has it)",
                    file.name, section.id, first.name
                ));
                continue;
            };
            let Some(theirs) = file.prose.section.get(position) else {
                continue;
            };
            if position != index {
                report.push(format!(
                    "{}: section `{}` is section {} here and section {} in {}",
                    at(file, &format!("\"{}\"", section.id)),
                    section.id,
                    position + 1,
                    index + 1,
                    first.name
                ));
            }
            for (part, ours, their) in [
                ("paragraphs", &section.paragraphs, &theirs.paragraphs),
                ("items", &section.items, &theirs.items),
                ("after", &section.after, &theirs.after),
            ] {
                if ours.is_empty() != their.is_empty() {
                    let (has, lacks) = if ours.is_empty() {
                        (&file.name, &first.name)
                    } else {
                        (&first.name, &file.name)
                    };
                    report.push(format!(
                        "{lacks}: section `{}` has no `{part}` ({has} has)",
                        section.id
                    ));
                }
            }
            if section.contact != theirs.contact {
                report.push(format!(
                    "{}: section `{}` lists other contact details than in {}",
                    file.name, section.id, first.name
                ));
            }
        }
        for section in &file.prose.section {
            if of(&section.id, &first.prose).is_none() {
                report.push(format!(
                    "{}: section `{}` is not in {}",
                    at(file, &format!("\"{}\"", section.id)),
                    section.id,
                    first.name
                ));
            }
        }
        let parts = placeholders_by_part(&file.prose);
        for (part, names) in &first_parts {
            let Some(theirs) = parts.get(part) else {
                continue;
            };
            for name in names.difference(theirs) {
                report.push(format!(
                    "{}: `{part}` does not name `{{{name}}}` ({} does)",
                    file.name, first.name
                ));
            }
            for name in theirs.difference(names) {
                report.push(format!(
                    "{}: `{part}` names `{{{name}}}`, which {} does not",
                    at(file, &format!("{{{name}}}")),
                    first.name
                ));
            }
        }
    }
    report
}

/// Reads the prose file of each language folder of `dir` (`locales/<tag>/privacy.toml`) that has one,
/// Finnish first (which every notice must have: the others are compared with it), then in the order of
/// the languages; `name_of` gives how messages name a path.
pub fn read_prose(dir: &Path, name_of: impl Fn(&Path) -> String) -> Result<Vec<ProseFile>, Vec<String>> {
    let languages = tyokyky_engine::text::languages::load(dir)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for language in languages
        .all
        .iter()
        .map(|language| NoticeLanguage { tag: language.tag })
    {
        let path = dir.join(language.tag.tag()).join("privacy.toml");
        if language.tag != Language::FI && !path.is_file() {
            continue;
        }
        let name = name_of(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                problems.push(format!("{name}: cannot read: {error}"));
                continue;
            }
        };
        match toml::from_str::<Prose>(&text) {
            Ok(prose) => files.push(ProseFile {
                language,
                name,
                text,
                prose,
            }),
            Err(error) => {
                let line = error.span().map(|span| {
                    text.get(..span.start)
                        .map_or(1, |before| before.matches('\n').count() + 1)
                });
                let place = line.map_or(name.clone(), |line| format!("{name}:{line}"));
                problems.push(format!("{place}: {}", error.message().trim().replace('\n', " ")));
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// A placeholder's value: text, or an address that the page links (`mailto:`, `tel:`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Text(String),
    Email(String),
    Phone(String),
}

impl Value {
    /// The value as HTML, escaped.
    fn html(&self) -> String {
        match self {
            Value::Text(value) => text(value).into_owned(),
            Value::Email(address) => {
                format!("<a href=\"mailto:{}\">{}</a>", attribute(address), text(address))
            }
            Value::Phone(number) => {
                let dialled: String = number
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '-')
                    .collect();
                format!("<a href=\"tel:{}\">{}</a>", attribute(&dialled), text(number))
            }
        }
    }
}

/// The county's facts as the placeholders of one language. A placeholder whose setting is not given
/// (`{dpo_phone}` without the officer's phone) has `Err` with the setting's key.
fn values(
    privacy: &Privacy,
    language: NoticeLanguage,
    translations: &Translations,
) -> BTreeMap<&'static str, Result<Value, &'static str>> {
    // The county's texts in the language: its folder's translation, or the catalogue's inline one, or the
    // Finnish.
    let pick = |texts: &Texts| -> String { translations.text(texts, language.tag).to_owned() };
    let updated_on = tyokyky_engine::calendar::parse_date(&privacy.updated_on)
        .map(|day| match language.tag.primary() {
            "en" => day.format("%-d %B %Y").to_string(),
            _ => day.format("%-d.%-m.%Y").to_string(),
        })
        .unwrap_or_else(|_| privacy.updated_on.clone());
    let retention = &privacy.retention;
    let officer = &privacy.data_protection_officer;
    BTreeMap::from([
        ("controller", Ok(Value::Text(pick(&privacy.controller)))),
        ("updated_on", Ok(Value::Text(updated_on))),
        ("postal_address", Ok(Value::Text(privacy.postal_address.clone()))),
        ("phone", Ok(Value::Phone(privacy.phone.clone()))),
        ("email", Ok(Value::Email(privacy.email.clone()))),
        ("dpo_email", Ok(Value::Email(officer.email.clone()))),
        (
            "dpo_phone",
            officer
                .phone
                .clone()
                .map(Value::Phone)
                .ok_or("privacy.data_protection_officer.phone"),
        ),
        (
            "contact_request_days",
            Ok(Value::Text(retention.contact_request_days.to_string())),
        ),
        (
            "feedback_days",
            Ok(Value::Text(retention.feedback_days.to_string())),
        ),
        ("draft_days", Ok(Value::Text(retention.draft_days.to_string()))),
        (
            "client_plan_retention",
            Ok(Value::Text(pick(&retention.client_plan))),
        ),
        (
            "access_log_retention",
            Ok(Value::Text(pick(&retention.access_log))),
        ),
    ])
}

/// Where the facts come from, for messages: the catalogue file.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The facts.
    pub privacy: &'a Privacy,
    /// The translations of the facts' texts in the language folders (`texts.ftl`).
    pub translations: &'a Translations,
    /// How messages name the catalogue, e.g. `rules/services/example-county.toml`.
    pub file: &'a str,
}

/// A text with its placeholders filled, as HTML; a placeholder without a value is an error naming the
/// file, line, key and placeholder.
fn fill(
    value: &str,
    key: &str,
    file: &ProseFile,
    values: &BTreeMap<&'static str, Result<Value, &'static str>>,
    facts: Facts<'_>,
) -> Result<String, String> {
    let located = |message: String| format!("{}: `{key}`: {message}", at(file, value));
    let mut html = String::new();
    for piece in pieces(value).map_err(located)? {
        match piece {
            Piece::Words(words) => html.push_str(&text(words)),
            Piece::Placeholder(name) => match values.get(name) {
                Some(Ok(value)) => html.push_str(&value.html()),
                Some(Err(setting)) => {
                    return Err(located(format!(
                        "placeholder `{{{name}}}` has no value: `{setting}` is not set in {}",
                        facts.file
                    )));
                }
                None => {
                    let known = values.keys().copied();
                    return Err(located(format!(
                        "unknown placeholder `{{{name}}}`{}",
                        did_you_mean(name, known)
                    )));
                }
            },
        }
    }
    Ok(html)
}

/// One language's page.
pub fn page(file: &ProseFile, files: &[ProseFile], facts: Facts<'_>) -> Result<String, Vec<String>> {
    let values = values(facts.privacy, file.language, facts.translations);
    let prose = &file.prose;
    let mut problems = Vec::new();
    let mut filled = |key: &str, value: &str| -> String {
        fill(value, key, file, &values, facts).unwrap_or_else(|problem| {
            problems.push(problem);
            String::new()
        })
    };
    let lang = file.language.tag.tag();
    let mut html = String::new();
    let title = filled("title", &prose.title);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"{STYLESHEET}\">\n</head>\n<body>\n"
    );
    let _ = write!(
        html,
        "<nav class=\"privacy-languages\" aria-label=\"{}\">\n<ul>\n",
        attribute(&prose.other_languages)
    );
    for other in files.iter().filter(|other| other.language != file.language) {
        let _ = writeln!(
            html,
            "<li><a href=\"{tag}.html\" hreflang=\"{tag}\" lang=\"{tag}\">{label}</a></li>",
            tag = other.language.tag.tag(),
            label = text(&other.prose.language_name)
        );
    }
    html.push_str("</ul>\n</nav>\n<main class=\"privacy\">\n");
    let _ = writeln!(html, "<h1>{title}</h1>");
    let _ = writeln!(
        html,
        "<p class=\"privacy__lead\">{}</p>",
        filled("lead", &prose.lead)
    );
    let _ = writeln!(
        html,
        "<p class=\"privacy__updated\">{}</p>",
        filled("updated", &prose.updated)
    );
    for section in &prose.section {
        let id = attribute(&section.id);
        let key = |part: &str| format!("section.{}.{part}", section.id);
        let _ = writeln!(
            html,
            "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
            filled(&key("title"), &section.title)
        );
        for (index, paragraph) in section.paragraphs.iter().enumerate() {
            let _ = writeln!(
                html,
                "<p>{}</p>",
                filled(&key(&format!("paragraphs.{}", index + 1)), paragraph)
            );
        }
        if !section.items.is_empty() {
            html.push_str("<ul>\n");
            for (index, item) in section.items.iter().enumerate() {
                let _ = writeln!(
                    html,
                    "<li>{}</li>",
                    filled(&key(&format!("items.{}", index + 1)), item)
                );
            }
            html.push_str("</ul>\n");
        }
        for (index, paragraph) in section.after.iter().enumerate() {
            let _ = writeln!(
                html,
                "<p>{}</p>",
                filled(&key(&format!("after.{}", index + 1)), paragraph)
            );
        }
        if let Some(contact) = section.contact {
            let privacy = facts.privacy;
            let officer = &privacy.data_protection_officer;
            let rows: Vec<(&str, Value)> = match contact {
                ContactDetails::Controller => vec![
                    (
                        &prose.postal_address_label,
                        Value::Text(privacy.postal_address.clone()),
                    ),
                    (&prose.phone_label, Value::Phone(privacy.phone.clone())),
                    (&prose.email_label, Value::Email(privacy.email.clone())),
                ],
                ContactDetails::DataProtectionOfficer => {
                    let mut rows = vec![(prose.email_label.as_str(), Value::Email(officer.email.clone()))];
                    if let Some(phone) = &officer.phone {
                        rows.push((&prose.phone_label, Value::Phone(phone.clone())));
                    }
                    rows
                }
            };
            html.push_str("<dl class=\"privacy__contact\">\n");
            for (label, value) in rows {
                let _ = writeln!(html, "<dt>{}</dt><dd>{}</dd>", text(label), value.html());
            }
            html.push_str("</dl>\n");
        }
        html.push_str("</section>\n");
    }
    let _ = write!(
        html,
        "</main>\n<footer class=\"privacy-footer\">\n<p><a href=\"../index.html\">{}</a></p>\n</footer>\n</body>\n</html>\n",
        text(&prose.back)
    );
    if problems.is_empty() {
        Ok(html)
    } else {
        Err(problems)
    }
}

/// Every page, `(file name, HTML)`, after checking that the prose files say the same things.
pub fn pages(files: &[ProseFile], facts: Facts<'_>) -> Result<Vec<(String, String)>, Vec<String>> {
    let report = differences(files);
    if !report.is_empty() {
        return Err(report);
    }
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match page(file, files, facts) {
            Ok(html) => pages.push((format!("{}.html", file.language.tag.tag()), html)),
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}

/// Writes the pages and the stylesheet (copied from `stylesheet`) into `out`, created if missing;
/// returns the paths written.
pub fn write(out: &Path, pages: &[(String, String)], stylesheet: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let mut written = Vec::new();
    for (name, html) in pages {
        let path = out.join(name);
        std::fs::write(&path, html)?;
        written.push(path);
    }
    let path = out.join(STYLESHEET);
    std::fs::copy(stylesheet, &path)?;
    written.push(path);
    Ok(written)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::panic,
        clippy::indexing_slicing,
        reason = "test code: a failed unwrap is a failed test"
    )]

    use super::*;
    use tyokyky_engine::catalogue::{DataProtectionOfficer, Retention};

    /// The workspace root.
    fn workspace() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf()
    }

    /// The real prose files, named as in the repository.
    fn real_files() -> Vec<ProseFile> {
        let root = workspace();
        read_prose(&root.join("locales"), |path| {
            path.strip_prefix(&root).unwrap().display().to_string()
        })
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
    }

    const FINNISH: NoticeLanguage = NoticeLanguage { tag: Language::FI };

    /// A prose file from text, as `locales/<tag>/privacy.toml`.
    fn file_of(language: NoticeLanguage, text: &str) -> ProseFile {
        ProseFile {
            language,
            name: format!("locales/{}/privacy.toml", language.tag.tag()),
            text: text.to_owned(),
            prose: toml::from_str(text).unwrap(),
        }
    }

    fn texts(text: &str) -> Texts {
        Texts {
            fi: text.into(),
            sv: Some(text.into()),
            en: Some(text.into()),
            selko: None,
        }
    }

    /// Facts whose controller and address need escaping.
    fn facts() -> Privacy {
        Privacy {
            updated_on: "2026-12-05".into(),
            controller: texts("<Koe & \"Testi\"> hyvinvointialue"),
            postal_address: "PL 0000 <b>, 00000 ESIMERKKI".into(),
            phone: "+358 9 0000 0001".into(),
            email: "kirjaamo&tietosuoja@esimerkki.example".into(),
            data_protection_officer: DataProtectionOfficer {
                email: "tietosuoja@esimerkki.example".into(),
                phone: None,
            },
            retention: Retention {
                contact_request_days: 90,
                feedback_days: 365,
                draft_days: 180,
                client_plan: texts("10 vuotta <esimerkki>"),
                access_log: texts("kuten asiakirjat"),
            },
        }
    }

    const CATALOGUE: &str = "rules/services/koe.toml";

    /// The real prose filled with [`facts`].
    fn real_pages() -> Vec<(String, String)> {
        let privacy = facts();
        pages(
            &real_files(),
            Facts {
                privacy: &privacy,
                translations: &Translations::default(),
                file: CATALOGUE,
            },
        )
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
    }

    /// The report of what the languages of the notice do not say alike (`cargo test -p tyokyky-rules
    /// privacy -- --nocapture` prints it), as the app's report of missing translations: every language file
    /// has the keys, the sections in the same order, the lists and contact details, and the placeholders of
    /// the Finnish one. Checked first on damaged copies, to name what each lacks.
    #[test]
    fn every_language_of_the_notice_has_the_same_keys_sections_and_placeholders() {
        let real = real_files();
        let mut damaged = real.clone();
        damaged[1].prose.section.retain(|section| section.id != "kiosk");
        damaged[2].prose.section[0].paragraphs[0].push_str(" {phone}");
        let draft = damaged[3]
            .prose
            .section
            .iter_mut()
            .find(|section| section.id == "retention")
            .unwrap();
        draft.items = draft
            .items
            .iter()
            .map(|item| item.replace("{draft_days}", "180"))
            .collect();
        damaged[3].prose.lead = " ".into();
        let report = differences(&damaged);
        for line in [
            "locales/fi-x-selko/privacy.toml: section `kiosk` is missing (locales/fi/privacy.toml has it)",
            "locales/sv/privacy.toml: `section.controller` names `{phone}`, which locales/fi/privacy.toml does not",
            "locales/en/privacy.toml: `section.retention` does not name `{draft_days}` (locales/fi/privacy.toml does)",
            "locales/en/privacy.toml: `lead` is empty",
        ] {
            assert!(
                report.iter().any(|found| found == line),
                "the report misses `{line}`: {report:#?}"
            );
        }

        let report = differences(&real);
        println!(
            "What the languages of the privacy notice do not say alike: {} lines",
            report.len()
        );
        for line in &report {
            println!("  {line}");
        }
        assert!(report.is_empty(), "{report:#?}");
        assert_eq!(
            real.iter()
                .map(|file| file.language.tag.tag())
                .collect::<Vec<_>>(),
            ["fi", "fi-x-selko", "sv", "en"]
        );
    }

    #[test]
    fn filled_values_appear_escaped_and_addresses_are_links() {
        for (name, html) in real_pages() {
            assert!(
                html.contains("&lt;Koe &amp; \"Testi\"&gt; hyvinvointialue"),
                "{name}"
            );
            assert!(!html.contains("<Koe"), "{name}");
            assert!(html.contains("PL 0000 &lt;b&gt;, 00000 ESIMERKKI"), "{name}");
            assert!(html.contains("10 vuotta &lt;esimerkki&gt;"), "{name}");
            assert!(
                html.contains(
                    "<a href=\"mailto:kirjaamo&amp;tietosuoja@esimerkki.example\">kirjaamo&amp;tietosuoja@esimerkki.example</a>"
                ),
                "{name}"
            );
            assert!(
                html.contains("<a href=\"tel:+358900000001\">+358 9 0000 0001</a>"),
                "{name}"
            );
            for days in ["90", "365", "180"] {
                assert!(html.contains(days), "{name}: {days}");
            }
            assert!(
                !html.contains('{') && !html.contains('}'),
                "{name}: a placeholder is left"
            );
        }
    }

    #[test]
    fn each_page_is_one_self_contained_accessible_document_that_links_the_others() {
        let pages = real_pages();
        assert_eq!(
            pages.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(),
            ["fi.html", "fi-x-selko.html", "sv.html", "en.html"]
        );
        let languages: Vec<NoticeLanguage> = real_files().iter().map(|file| file.language).collect();
        for ((name, html), language) in pages.iter().zip(languages.iter().copied()) {
            assert!(html.starts_with(&format!(
                "<!doctype html>\n<html lang=\"{}\">",
                language.tag.tag()
            )));
            assert_eq!(html.matches("<h1>").count(), 1, "{name}");
            // Headings in order: the one h1 before every h2, and nothing deeper.
            assert!(html.find("<h1>").unwrap() < html.find("<h2").unwrap(), "{name}");
            assert!(!html.contains("<h3"), "{name}");
            assert!(html.contains("<a href=\"../index.html\">"), "{name}");
            assert!(
                html.contains("<link rel=\"stylesheet\" href=\"privacy.css\">"),
                "{name}"
            );
            for other in languages.iter().filter(|other| **other != language) {
                let tag = other.tag.tag();
                assert!(
                    html.contains(&format!("<a href=\"{tag}.html\" hreflang=\"{tag}\"")),
                    "{name} does not link {tag}"
                );
            }
            assert!(
                !html.contains(&format!("href=\"{}.html\"", language.tag.tag())),
                "{name} links itself"
            );
            for inline in ["<style", "style=", "<script"] {
                assert!(!html.contains(inline), "{name} has `{inline}`");
            }
            let tags = html
                .split('<')
                .map(|tag| tag.split('>').next().unwrap_or_default());
            for tag in tags {
                assert!(!tag.contains(" on"), "{name}: an event handler in `<{tag}>`");
            }
        }
        let fi = &pages[0].1;
        assert!(fi.contains("päivitetty 5.12.2026"));
        assert!(pages[3].1.contains("updated on 5 December 2026"));
        // The officer has no phone here, so none is listed.
        assert_eq!(fi.matches("<dt>Puhelin</dt>").count(), 1);
    }

    const SMALL: &str = r#"
title = "Seloste"
lead = "Rekisterinpitäjä on {controler}."
updated = "Päivitetty {updated_on}."
language_name = "Suomi"
other_languages = "Muut kielet"
back = "Takaisin"
postal_address_label = "Osoite"
phone_label = "Puhelin"
email_label = "Sähköposti"

[[section]]
id = "dpo"
title = "Tietosuojavastaava"
paragraphs = ["Soita {dpo_phone}."]
"#;

    #[test]
    fn a_placeholder_without_a_value_names_the_file_line_key_and_placeholder() {
        let privacy = facts();
        let file = file_of(FINNISH, SMALL);
        let problems = page(
            &file,
            std::slice::from_ref(&file),
            Facts {
                privacy: &privacy,
                translations: &Translations::default(),
                file: CATALOGUE,
            },
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "locales/fi/privacy.toml:3: `lead`: unknown placeholder `{controler}` (did you mean `controller`?)",
                "locales/fi/privacy.toml:15: `section.dpo.paragraphs.1`: placeholder `{dpo_phone}` has no value: \
                 `privacy.data_protection_officer.phone` is not set in rules/services/koe.toml",
            ]
        );
        let mut with_phone = facts();
        with_phone.data_protection_officer.phone = Some("+358 9 0000 0002".into());
        let fixed = file_of(FINNISH, &SMALL.replace("{controler}", "{controller}"));
        let html = page(
            &fixed,
            std::slice::from_ref(&fixed),
            Facts {
                privacy: &with_phone,
                translations: &Translations::default(),
                file: CATALOGUE,
            },
        )
        .unwrap();
        assert!(html.contains("Soita <a href=\"tel:+358900000002\">+358 9 0000 0002</a>."));
    }

    #[test]
    fn a_brace_that_makes_no_placeholder_is_named() {
        for (text, problem) in [
            (
                "Päivitetty {updated_on",
                "a `{` is not closed: write a placeholder as `{name}`",
            ),
            ("Päivitetty updated_on}", "a `}` closes no placeholder"),
            (
                "Päivitetty {Updated On}",
                "`{Updated On}` is not a placeholder: its name is lowercase letters and underscores",
            ),
        ] {
            let file = file_of(FINNISH, &SMALL.replace("Päivitetty {updated_on}.", text));
            let report = differences(std::slice::from_ref(&file));
            assert_eq!(
                report,
                [format!("locales/fi/privacy.toml:4: `updated`: {problem}")]
            );
        }
        assert_eq!(
            pieces("a {b} c").unwrap(),
            [Piece::Words("a "), Piece::Placeholder("b"), Piece::Words(" c")]
        );
    }

    #[test]
    fn plain_language_finnish_falls_back_to_finnish_facts_and_is_tagged_fi_x_selko() {
        let privacy = facts();
        let values = values(
            &privacy,
            NoticeLanguage {
                tag: Language::known("fi-x-selko"),
            },
            &Translations::default(),
        );
        assert_eq!(
            values["controller"],
            Ok(Value::Text("<Koe & \"Testi\"> hyvinvointialue".into()))
        );
        assert_eq!(values["updated_on"], Ok(Value::Text("5.12.2026".into())));
        assert_eq!(values["dpo_phone"], Err("privacy.data_protection_officer.phone"));
    }
}
