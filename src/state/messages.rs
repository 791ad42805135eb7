//! The UI messages of a language, read from its Fluent files (`locales/<tag>/*.ftl`) and formatted with named
//! arguments.
//!
//! The files are written in Fluent (projectfluent.org), and the tests read every one of them with the
//! Fluent project's own crates (`fluent-syntax`, `fluent-bundle`) and check that this reader gives each
//! message exactly as they do. The browser uses this reader instead of those crates because it is about
//! a tenth of their size in the bundle (they bring a general parser, number formatting with floats and the
//! plural rules of every language, about 30 KB of WebAssembly before compression), and the messages use
//! only a small part of Fluent:
//!
//! - `id = text`, the text with placeables `{ $name }`;
//! - a selector over a number or a text, its variants one per line:
//!   `{ $count -> [one] … *[other] … }`, a number choosing by the exact value and then by its plural
//!   category (`one` for 1, `other` for the rest: the cardinal rule of Finnish, Swedish and English);
//! - comments (`#`) and blank lines between messages.
//!
//! Anything else (terms, attributes, functions, string literals) is not read: the test that compares this
//! reader with Fluent's fails on a file that uses it. A file cut short on its way keeps the messages that
//! arrived whole. Pure Rust with no dependency, so the build script reads Finnish with it too and bakes
//! it into the app (`fi.ftl` as Rust statics).

use std::borrow::Cow;

/// A text of a message: borrowed from the baked Finnish, owned when read from a fetched file.
pub type Text = Cow<'static, str>;

/// A message's pattern: its parts in order.
pub type Pattern = Cow<'static, [Part]>;

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text as written.
    Text(Text),
    /// The value of the argument `$name`.
    Arg(Text),
    /// The variant chosen by the argument `on`; `default` is the index of the `*[…]` one.
    Select {
        /// The argument that chooses.
        on: Text,
        /// Each variant's key and pattern.
        variants: Cow<'static, [(Text, Pattern)]>,
        /// The variant for a value no key matches.
        default: usize,
    },
}

/// An argument's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    /// A text.
    Text(Cow<'a, str>),
    /// A whole number (the app formats no fractions).
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Arg<'static> {
        Arg::Text(Cow::Owned(text))
    }
}

macro_rules! number_arg {
    ($($ty:ty),*) => {
        $(impl From<$ty> for Arg<'_> {
            fn from(number: $ty) -> Self {
                Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        })*
    };
}

number_arg!(i32, i64, u8, u16, u32, u64, usize);

/// The messages of one file (or several read together), by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Messages {
    /// Sorted by id; the first of two with the same id wins.
    entries: Cow<'static, [(Text, Pattern)]>,
}

impl Messages {
    /// Messages already sorted by id (the baked Finnish).
    pub const fn sorted(entries: &'static [(Text, Pattern)]) -> Messages {
        Messages {
            entries: Cow::Borrowed(entries),
        }
    }

    /// Reads the messages of `sources`, in order (the first of two with the same id wins).
    pub fn read(sources: &[&str]) -> Messages {
        let mut entries = Vec::new();
        for source in sources {
            read_into(source, &mut entries);
        }
        Messages::from_entries(entries)
    }

    /// Messages from `entries` in any order (the first of two with the same id wins).
    pub fn from_entries(entries: Vec<(Text, Pattern)>) -> Messages {
        // Each put in its place by a binary search (a sort would add its own code to the bundle for a few
        // hundred entries read once), the first of two with the same id kept.
        let mut sorted: Vec<(Text, Pattern)> = Vec::with_capacity(entries.len());
        for entry in entries {
            if let Err(at) = sorted.binary_search_by(|kept| kept.0.cmp(&entry.0)) {
                sorted.insert(at, entry);
            }
        }
        Messages {
            entries: Cow::Owned(sorted),
        }
    }

    /// Every message, by id.
    pub fn entries(&self) -> &[(Text, Pattern)] {
        &self.entries
    }

    /// The pattern of the message `id`.
    pub fn get(&self, id: &str) -> Option<&[Part]> {
        self.entries
            .binary_search_by(|(key, _)| (**key).cmp(id))
            .ok()
            .map(|at| &*self.entries[at].1)
    }

    /// Whether there is a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The message `id` with `args`, if there is one.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let mut out = String::new();
        write_pattern(self.get(id)?, args, &mut out);
        Some(out)
    }
}

/// Writes `pattern` with `args`; an argument that is not given is written as `{$name}`, as Fluent does.
fn write_pattern(pattern: &[Part], args: &[(&str, Arg<'_>)], out: &mut String) {
    let value = |name: &str| args.iter().find(|(arg, _)| *arg == name).map(|(_, value)| value);
    for part in pattern {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Arg(name) => match value(name) {
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Number(number)) => out.push_str(&number.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select {
                on,
                variants,
                default,
            } => {
                let chosen = match value(on) {
                    Some(Arg::Number(number)) => {
                        let exact = number.to_string();
                        let category = if *number == 1 { "one" } else { "other" };
                        variants
                            .iter()
                            .position(|(key, _)| *key == exact)
                            .or_else(|| variants.iter().position(|(key, _)| key == category))
                    }
                    Some(Arg::Text(text)) => variants.iter().position(|(key, _)| key == text),
                    None => None,
                };
                if let Some((_, pattern)) = variants.get(chosen.unwrap_or(*default)) {
                    write_pattern(pattern, args, out);
                }
            }
        }
    }
}

/// Whether `id` is a message id of Fluent (`[a-zA-Z][a-zA-Z0-9_-]*`).
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Reads the messages of `source` into `entries`; a message this reader cannot read whole (a damaged
/// file, or Fluent it does not read) is left out.
fn read_into(source: &str, entries: &mut Vec<(Text, Pattern)>) {
    let lines: Vec<&str> = source.lines().collect();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        at += 1;
        let Some((id, value)) = line.split_once('=') else {
            continue;
        };
        let id = id.trim_end();
        if line.starts_with(char::is_whitespace) || !is_id(id) {
            continue;
        }
        // The value and its continuation lines: indented, or closing a selector with `}`.
        let mut text = value.trim_start_matches(' ').to_owned();
        while at < lines.len() && lines[at].starts_with([' ', '}']) {
            text.push('\n');
            text.push_str(lines[at]);
            at += 1;
        }
        let mut reader = Reader {
            rest: text.trim_end(),
        };
        if let Some(pattern) = reader.pattern(false)
            && reader.rest.is_empty()
            && !pattern.is_empty()
        {
            entries.push((Cow::Owned(id.to_owned()), Cow::Owned(pattern)));
        }
    }
}

/// A pattern being read.
struct Reader<'s> {
    rest: &'s str,
}

impl Reader<'_> {
    /// The parts up to the end (or, for a variant, up to the end of its line); `None` when a placeable
    /// is not one this reader reads.
    fn pattern(&mut self, variant: bool) -> Option<Vec<Part>> {
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            let stop = if variant {
                self.rest.find(['{', '\n'])
            } else {
                self.rest.find('{')
            };
            let end = stop.unwrap_or(self.rest.len());
            text.push_str(&self.rest[..end]);
            self.rest = &self.rest[end..];
            if !self.rest.starts_with('{') {
                break;
            }
            self.rest = &self.rest[1..];
            if !text.is_empty() {
                parts.push(Part::Text(Cow::Owned(std::mem::take(&mut text))));
            }
            parts.push(self.placeable()?);
        }
        if !text.is_empty() {
            parts.push(Part::Text(Cow::Owned(text)));
        }
        // Fluent trims the white space that ends a variant's value or a message.
        if let Some(Part::Text(last)) = parts.last_mut() {
            let trimmed = last.trim_end();
            if trimmed.is_empty() {
                parts.pop();
            } else if trimmed.len() < last.len() {
                *last = Cow::Owned(trimmed.to_owned());
            }
        }
        Some(parts)
    }

    fn skip_blank(&mut self) {
        self.rest = self.rest.trim_start();
    }

    /// `$name` after the opening brace, then `}` or a selector.
    fn placeable(&mut self) -> Option<Part> {
        self.skip_blank();
        let name = self.rest.strip_prefix('$')?;
        let end = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(name.len());
        let on: Text = Cow::Owned(name[..end].to_owned());
        self.rest = &name[end..];
        self.skip_blank();
        if let Some(rest) = self.rest.strip_prefix('}') {
            self.rest = rest;
            return Some(Part::Arg(on));
        }
        self.rest = self.rest.strip_prefix("->")?;
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            if let Some(rest) = self.rest.strip_prefix('}') {
                self.rest = rest;
                break;
            }
            let starred = self.rest.starts_with('*');
            let key_start = self.rest.trim_start_matches('*').strip_prefix('[')?;
            let close = key_start.find(']')?;
            let key = key_start[..close].trim();
            self.rest = key_start[close + 1..].trim_start_matches(' ');
            if starred {
                default = Some(variants.len());
            }
            let value = self.pattern(true)?;
            variants.push((Cow::Owned(key.to_owned()), Cow::Owned(value)));
        }
        Some(Part::Select {
            on,
            variants: Cow::Owned(variants),
            default: default?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_arguments_and_selectors() {
        let messages = Messages::read(&["# a comment\n\
             b = Kysymys { $number } / { $total }\n\
             \n\
             a = Löysimme { $count ->\n    [one] yhden palvelun\n    [0] ei yhtään\n   *[other] { $count } palvelua\n} sinulle.\n\
             c = { $kind ->\n    [x] X\n   *[y] Y\n}\n"]);
        assert_eq!(
            messages.format("b", &[("number", 3.into()), ("total", 17.into())]),
            Some("Kysymys 3 / 17".to_owned())
        );
        let found = |count: i64| {
            messages
                .format("a", &[("count", count.into())])
                .unwrap_or_default()
        };
        assert_eq!(found(1), "Löysimme yhden palvelun sinulle.");
        assert_eq!(found(0), "Löysimme ei yhtään sinulle.");
        assert_eq!(found(6), "Löysimme 6 palvelua sinulle.");
        assert_eq!(
            messages.format("c", &[("kind", "x".into())]),
            Some("X".to_owned())
        );
        assert_eq!(messages.format("c", &[]), Some("Y".to_owned()));
        assert_eq!(
            messages.format("b", &[]),
            Some("Kysymys {$number} / {$total}".to_owned())
        );
        assert_eq!(messages.format("d", &[]), None);
    }

    #[test]
    fn a_message_cut_short_or_written_in_fluent_this_reader_does_not_read_is_left_out() {
        let messages = Messages::read(&[
            "a = whole\nb = { $count ->\n    [one] one\nc = { -term }\nd = { NUMBER($n) }\ne = last",
        ]);
        assert!(messages.has("a") && messages.has("e"));
        assert!(!messages.has("b") && !messages.has("c") && !messages.has("d"));
    }

    /// Every `.ftl` file of the app (each language's folder in `locales/`).
    fn files() -> Vec<(String, String)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut found = Vec::new();
        let folders = std::fs::read_dir(root)
            .unwrap_or_else(|error| panic!("{root}: {error}"))
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.is_dir());
        for folder in folders {
            for entry in
                std::fs::read_dir(&folder).unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
            {
                let path = entry.map(|entry| entry.path()).unwrap_or_default();
                if path.extension().is_some_and(|extension| extension == "ftl") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    found.push((path.display().to_string(), text));
                }
            }
        }
        assert!(found.len() >= 7, "{found:?}");
        found
    }

    /// The arguments a message names (`$name`), each tried with texts and with numbers that choose
    /// each variant (0, 1, 2, 6, 21, 1000).
    fn argument_sets(source: &str) -> Vec<Vec<(String, Arg<'static>)>> {
        let mut names: Vec<String> = Vec::new();
        for (at, _) in source.match_indices('$') {
            let name: String = source[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let mut sets = vec![Vec::new()];
        for value in [0, 1, 2, 6, 21, 1000] {
            sets.push(
                names
                    .iter()
                    .map(|name| (name.clone(), Arg::Number(value)))
                    .collect(),
            );
        }
        sets.push(
            names
                .iter()
                .map(|name| (name.clone(), Arg::Text(Cow::Owned(format!("«{name}»")))))
                .collect(),
        );
        sets
    }

    /// Every message of every file reads the same with this reader as with Fluent's own crates, with every
    /// argument as a text and as numbers that choose each variant; no message is left out.
    #[test]
    fn every_message_of_every_file_formats_as_fluent_formats_it() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
        let mut compared = 0;
        for (name, text) in files() {
            let ours = Messages::read(&[&text]);
            let resource = FluentResource::try_new(text.clone())
                .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
            // Plural rules by the language of the file's folder (`fi-x-selko/` is Finnish).
            let language = std::path::Path::new(&name)
                .parent()
                .and_then(|folder| folder.file_name())
                .map(|folder| {
                    folder
                        .to_string_lossy()
                        .split('-')
                        .next()
                        .unwrap_or_default()
                        .to_owned()
                })
                .unwrap_or_default();
            let mut bundle: FluentBundle<FluentResource> =
                FluentBundle::new(vec![language.parse().unwrap_or_default()]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
            let mut theirs = Vec::new();
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" =") else {
                    continue;
                };
                if is_id(id) && !line.starts_with(' ') {
                    theirs.push(id.to_owned());
                }
            }
            let mut read: Vec<String> = ours.entries().iter().map(|(id, _)| id.to_string()).collect();
            theirs.sort();
            read.sort();
            assert_eq!(read, theirs, "{name}: the messages read");
            for id in &theirs {
                let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
                    panic!("{name}: {id} has no value");
                };
                let start = text.find(&format!("\n{id} =")).map_or(0, |at| at + 1);
                let end = text[start + 1..]
                    .find("\n\n")
                    .map_or(text.len(), |at| start + 1 + at);
                let end = text[start..end]
                    .match_indices('\n')
                    .map(|(at, _)| start + at)
                    .find(|&at| text[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '#'))
                    .unwrap_or(end);
                for set in argument_sets(&text[start..end]) {
                    let mut fluent_args = FluentArgs::new();
                    for (arg, value) in &set {
                        let value = match value {
                            Arg::Text(text) => FluentValue::from(text.to_string()),
                            Arg::Number(number) => FluentValue::from(*number),
                        };
                        fluent_args.set(arg.clone(), value);
                    }
                    let mut errors = Vec::new();
                    let expected = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                    let args: Vec<(&str, Arg<'_>)> = set
                        .iter()
                        .map(|(arg, value)| (arg.as_str(), value.clone()))
                        .collect();
                    assert_eq!(
                        ours.format(id, &args).as_deref(),
                        Some(&*expected),
                        "{name}: {id} with {set:?}"
                    );
                    compared += 1;
                }
            }
        }
        println!("{compared} formatted messages compared");
        assert!(compared > 2_000, "{compared}");
    }

    /// The comparison above can fail: a message whose selector this reader would read wrongly (here a
    /// variant's text taken as the key's) gives another text than Fluent's.
    #[test]
    fn the_comparison_with_fluent_can_fail() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
        let source = "a = { $n ->\n    [one] yksi\n   *[other] monta\n}\n";
        let mut bundle: FluentBundle<FluentResource> =
            FluentBundle::new(vec![unic_langid::LanguageIdentifier::default()]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        let mut args = FluentArgs::new();
        args.set("n", 1);
        let pattern = bundle.get_message("a").and_then(|message| message.value());
        let mut errors = Vec::new();
        let expected = pattern.map(|pattern| bundle.format_pattern(pattern, Some(&args), &mut errors));
        assert_eq!(expected.as_deref(), Some("yksi"));
        let wrong = Messages::read(&["a = { $n ->\n    [other] yksi\n   *[one] monta\n}\n"]);
        assert_ne!(
            wrong.format("a", &[("n", 1.into())]).as_deref(),
            expected.as_deref()
        );
    }

    /// The Finnish built into the app is `fi/citizen.ftl` as this reader reads it.
    #[test]
    fn the_baked_finnish_is_the_file() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/fi/citizen.ftl"))
            .unwrap_or_default();
        let read = Messages::read(&[&text]);
        assert!(read.entries().len() > 100);
        assert_eq!(crate::state::i18n::FINNISH.entries(), read.entries());
    }

    #[test]
    fn the_first_of_two_files_wins() {
        let messages = Messages::read(&["a = first\n", "a = second\nb = only\n"]);
        assert_eq!(messages.format("a", &[]), Some("first".to_owned()));
        assert_eq!(messages.format("b", &[]), Some("only".to_owned()));
    }
}
