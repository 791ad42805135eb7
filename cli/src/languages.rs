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
use tyokyky_engine::text::Language;
use tyokyky_engine::text::languages::Languages;

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

/// The Finnish texts of what a citizen reads: the citizens' rules, catalogue and the questionnaire.
fn citizen_texts(bundle: &Bundle) -> Vec<String> {
    let jsons = [
        bundle.citizen_rules.to_json(),
        bundle.citizen_catalogue.to_json(),
        bundle.citizen_questionnaire.to_json(),
    ];
    // The county's report names target groups and needs for its administrators, not citizens.
    let found: BTreeSet<String> = tyokyky_engine::bundle::texts_in(&jsons, &["report"])
        .iter()
        .filter_map(|object| object.get("fi").and_then(serde_json::Value::as_str))
        .filter(|fi| !fi.trim().is_empty())
        .map(str::to_owned)
        .collect();
    found.into_iter().collect()
}

/// The report: a paragraph per language, its lines indented, and the exit code's reason (none: 0).
pub fn report(bundle: &Bundle, languages: &Languages, locales: &Path) -> String {
    let finnish_file =
        |name: &str| read_messages(&locales.join("fi").join(name), &format!("locales/fi/{name}"));
    let (Some(finnish), finnish_worker) = (finnish_file("citizen.ftl"), finnish_file("worker.ftl")) else {
        return "locales/fi/citizen.ftl: cannot read".to_owned();
    };
    let texts = citizen_texts(bundle);
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
        // The texts: the rules' own translations into it, or else the `texts.ftl` a build wrote for it (a
        // pseudo-locale's, made from English's).
        let own: BTreeSet<String> = bundle
            .translations(tag)
            .unwrap_or_default()
            .iter()
            .map(|(fi, _)| tyokyky_engine::text::text_id(fi))
            .collect();
        let translated = if own.is_empty() {
            read_messages(
                &locales.join(tag).join("texts.ftl"),
                &format!("locales/{tag}/texts.ftl"),
            )
            .map(|file| file.messages.into_iter().map(|(id, _, _)| id).collect())
            .unwrap_or_default()
        } else {
            own
        };
        let mut have_texts = 0;
        for fi in &texts {
            let length = fi.chars().count();
            weights.1 += length;
            if translated.contains(&tyokyky_engine::text::text_id(fi)) {
                have_texts += 1;
                weights.0 += length;
            } else {
                lines.push(format!("missing text: \"{}\"", fi.replace('\n', " ")));
            }
        }
        counts.push(format!("texts {have_texts}/{}", texts.len()));
        let share = if weights.1 == 0 {
            100.0
        } else {
            weights.0 as f64 * 100.0 / weights.1 as f64
        };
        out.push(format!(
            "{tag} ({}): {}; {share:.1} % of what a citizen reads{}",
            language.name,
            counts.join(", "),
            if language.fallback.is_empty() {
                String::new()
            } else {
                format!(
                    " (the rest from {})",
                    language
                        .fallback
                        .iter()
                        .map(Language::tag)
                        .collect::<Vec<_>>()
                        .join(", then ")
                )
            }
        ));
        out.extend(lines.into_iter().map(|line| format!("  {line}")));
    }
    out.join("\n")
}
