//! `tyokyky-rules languages report`: for each language folder of `locales/` but Finnish, what it lacks and
//! what it has that nothing uses — its messages against Finnish's (`citizen.ftl`, `worker.ftl`, each with
//! its file and line), a file that is not Fluent, the texts of the questionnaire, the catalogue and the
//! rules a citizen reads without a translation — and how much of what a citizen reads it covers, counted
//! in characters of the Finnish. A translator reads it without a developer.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::Entry;
use fluent_syntax::parser;
use tyokyky_engine::bundle::Bundle;
use tyokyky_engine::text::languages::Languages;
use tyokyky_engine::text::translations::folder_texts;
use tyokyky_engine::text::{Language, text_id};

/// One message file as read: each message's id, line and the length of its text, or the file's syntax
/// errors (each `file:line: what`).
struct MessageFile {
    messages: Vec<(String, usize, usize)>,
    errors: Vec<String>,
}

fn read_messages(path: &Path, shown: &str) -> Option<MessageFile> {
    let source = std::fs::read_to_string(path).ok()?;
    let (resource, errors) = match parser::parse(source.clone()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (
            resource,
            errors
                .iter()
                .map(|error| crate::pseudo::located(shown, &source, error))
                .collect(),
        ),
    };
    let line_of = |id: &str| {
        source
            .lines()
            .position(|line| {
                line.strip_prefix(id)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(0, |index| index + 1)
    };
    let messages = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let line = line_of(&message.id.name);
                let next = source
                    .lines()
                    .skip(line)
                    .take_while(|next| next.starts_with(' '))
                    .map(str::len)
                    .sum::<usize>();
                let own = source.lines().nth(line.saturating_sub(1)).map_or(0, |text| {
                    text.split_once('=')
                        .map_or(0, |(_, value)| value.trim().chars().count())
                });
                Some((message.id.name.clone(), line, own + next))
            }
            _ => None,
        })
        .collect();
    Some(MessageFile { messages, errors })
}

/// The report: a paragraph per language, its lines indented, and the exit code's reason (none: 0).
pub fn report(bundle: &Bundle, languages: &Languages, locales: &Path) -> String {
    let finnish_file =
        |name: &str| read_messages(&locales.join("fi").join(name), &format!("locales/fi/{name}"));
    let (Some(finnish), finnish_worker) = (finnish_file("citizen.ftl"), finnish_file("worker.ftl")) else {
        return "locales/fi/citizen.ftl: cannot read".to_owned();
    };
    let texts = bundle.citizen_texts();
    let all_texts = bundle.finnish_texts();
    let worker_only: Vec<&String> = all_texts.iter().filter(|fi| !texts.contains(fi)).collect();
    let mut out = Vec::new();
    for language in languages
        .all
        .iter()
        .filter(|language| language.tag != Language::FI)
    {
        let tag = language.tag.tag();
        let mut lines = Vec::new();
        let mut weights = (0usize, 0usize);
        let mut counts = Vec::new();
        for (name, base) in [
            ("citizen.ftl", Some(&finnish)),
            ("worker.ftl", finnish_worker.as_ref()),
        ] {
            let Some(base) = base else { continue };
            let shown = format!("locales/{tag}/{name}");
            let Some(file) = read_messages(&locales.join(tag).join(name), &shown) else {
                if name == "citizen.ftl" {
                    lines.push(format!("{shown}: missing: every message is its fallback's"));
                    weights.1 += base.messages.iter().map(|(_, _, length)| length).sum::<usize>();
                } else {
                    counts.push("no worker messages (its fallback's are shown)".to_owned());
                }
                continue;
            };
            lines.extend(file.errors.iter().map(|error| format!("malformed: {error}")));
            let has = |id: &str| file.messages.iter().any(|(own, _, _)| own == id);
            let mut have = 0;
            for (id, line, length) in &base.messages {
                if name == "citizen.ftl" {
                    weights.1 += length;
                }
                if has(id) {
                    have += 1;
                    if name == "citizen.ftl" {
                        weights.0 += length;
                    }
                } else {
                    lines.push(format!("missing message `{id}` (locales/fi/{name}:{line})"));
                }
            }
            for (id, line, _) in &file.messages {
                if !base.messages.iter().any(|(own, _, _)| own == id) {
                    lines.push(format!(
                        "unused: {shown}:{line}: `{id}` is not a message of locales/fi/{name}"
                    ));
                }
            }
            counts.push(format!("{name} {have}/{}", base.messages.len()));
        }
        // The texts: the folder's own file, and what the rules' files write inline (a catalogue's).
        let folder = match folder_texts(locales, tag) {
            Ok(entries) => entries,
            Err(problems) => {
                lines.extend(problems.iter().map(|problem| format!("malformed: {problem}")));
                Vec::new()
            }
        };
        let known: BTreeSet<String> = all_texts.iter().map(|fi| text_id(fi)).collect();
        for entry in folder.iter().filter(|entry| !known.contains(&entry.id)) {
            lines.push(format!(
                "unused: locales/{tag}/texts.ftl:{}: `{}` translates no text (its Finnish was changed or taken out)",
                entry.line, entry.id
            ));
        }
        let translated: BTreeSet<String> = bundle
            .translations(tag)
            .unwrap_or_default()
            .iter()
            .map(|(fi, _)| text_id(fi))
            .chain(folder.into_iter().map(|entry| entry.id))
            .collect();
        let mut have_texts = 0;
        for fi in &texts {
            let length = fi.chars().count();
            weights.1 += length;
            if translated.contains(&text_id(fi)) {
                have_texts += 1;
                weights.0 += length;
            } else {
                lines.push(format!("missing text: \"{}\"", fi.replace('\n', " ")));
            }
        }
        counts.push(format!("texts {have_texts}/{}", texts.len()));
        // The texts only the worker flow shows: counted, not listed (`languages template` lists them).
        let worker_have = worker_only
            .iter()
            .filter(|fi| translated.contains(&text_id(fi)))
            .count();
        counts.push(format!("worker texts {worker_have}/{}", worker_only.len()));
        let share = if weights.1 == 0 {
            100.0
        } else {
            weights.0 as f64 * 100.0 / weights.1 as f64
        };
        out.push(format!(
            "{tag} ({}): {}; {share:.1} % of what a citizen reads{}",
            language.name,
            counts.join(", "),
            {
                let chain: Vec<String> = languages
                    .chain(language.tag)
                    .iter()
                    .map(|tag| tag.tag().to_owned())
                    .collect();
                if chain.is_empty() {
                    String::new()
                } else {
                    format!(" (the rest from {})", chain.join(", then "))
                }
            }
        ));
        out.extend(lines.into_iter().map(|line| format!("  {line}")));
    }
    out.join("\n")
}

/// `languages template`: the texts `language` has no translation of yet, what a citizen reads first, as
/// lines to fill in and add to `locales/<tag>/texts.ftl` — each the Finnish in a comment, then its id
/// and `=` commented out, so that the file stays valid Fluent until it is written.
pub fn template(bundle: &Bundle, locales: &Path, language: &Language, name: &str) -> Result<String, String> {
    let tag = language.tag();
    let folder = folder_texts(locales, tag).map_err(|problems| problems.join("\n"))?;
    let done: BTreeSet<String> = bundle
        .translations(tag)?
        .iter()
        .map(|(fi, _)| text_id(fi))
        .chain(folder.into_iter().map(|entry| entry.id))
        .collect();
    let citizen = bundle.citizen_texts();
    let rest: Vec<String> = bundle
        .finnish_texts()
        .into_iter()
        .filter(|fi| !citizen.contains(fi))
        .collect();
    let mut out = format!(
        "## The texts {name} ({tag}) has no translation of yet. For each: write the translation after the `=`,\n\
         ## take away the `# ` before its id, and add it to locales/{tag}/texts.ftl (docs/languages.md).\n"
    );
    for (heading, texts) in [
        ("What a citizen reads", citizen),
        ("What only a worker reads", rest),
    ] {
        let missing: Vec<&String> = texts.iter().filter(|fi| !done.contains(&text_id(fi))).collect();
        if missing.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {heading}\n"));
        for fi in missing {
            out.push('\n');
            for line in fi.lines() {
                out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
            }
            out.push_str(&format!("# {} =\n", text_id(fi)));
        }
    }
    Ok(out)
}
