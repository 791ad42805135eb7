//! Reading a rules folder (`rules/`) of TOML files into a [`RuleSet`]. Native only (feature `toml`): the
//! app's build script and the `tyokyky-rules` CLI use it; the browser gets the checked values baked in (`crate::bake`).
//!
//! A rules folder holds `settings.toml` (name, version, earliest covered date, calendar settings),
//! `facts.toml` (the fact catalogue, `[[fact]]`), `acts.toml` (the register of the acts the rules cite,
//! `[[act]]`, see [`crate::law::acts`]) and any number of rule files (`[[rule]]`, at least one in each)
//! in subfolders, read in path order. Every problem is reported with file and line, and with the rule id
//! and section when it is inside a rule.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::law::acts::Acts;
use crate::law::error::{LoadError, LoadErrors, Location};
use crate::law::facts::FactDefinition;
use crate::law::rule::{CompiledRules, Rule, Settings};
use crate::law::ruleset::{RuleSet, Source};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    name: String,
    version: String,
    #[serde(deserialize_with = "crate::law::calendar::strict_date::deserialize")]
    covers_from: chrono::NaiveDate,
    #[serde(default)]
    calendar: crate::law::calendar::CalendarSettings,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    fact: Vec<FactDefinition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<Rule>,
}

/// One file's name (as shown in messages) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How messages name it, e.g. `rules/shl/s036_palvelutarpeen_arviointi.toml`.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// Lines of the `header` lines (`[[rule]]`, `[[service]]`) in a file, in order.
pub(crate) fn header_lines(text: &str, header: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with(header))
        .map(|(index, _)| index + 1)
        .collect()
}

/// The id of the entry (under `header`) whose table contains `line`, read from the text (for parse
/// errors, which happen before the entry is known). An entry runs from its header to the next table that
/// is not one of its own (`[service.name]` belongs to a `[[service]]`; `[contact]` after it does not), so a
/// line of a top-level table written after the entries is named by no entry.
fn id_at(text: &str, line: usize, header: &str) -> Option<String> {
    let start = header_lines(text, header)
        .into_iter()
        .rev()
        .find(|&header| header <= line)?;
    let name = header.trim_matches(|c| c == '[' || c == ']');
    let (own, own_array) = (format!("[{name}."), format!("[[{name}."));
    let body: Vec<&str> = text
        .lines()
        .skip(start)
        .take_while(|l| {
            let l = l.trim_start();
            !is_table_header(l) || l.starts_with(&own) || l.starts_with(&own_array)
        })
        .collect();
    if line > start + body.len() {
        return None;
    }
    body.iter().find_map(|l| {
        let rest = l
            .trim_start()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        Some(rest.trim_matches('"').to_owned())
    })
}

/// Whether a (left-trimmed) line is a table header such as `[contact]`, `[service.name]` or
/// `[[service]]`, rather than a line of a value (an array written over several lines).
fn is_table_header(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or_default().trim_end();
    let inner = line
        .strip_prefix("[[")
        .and_then(|rest| rest.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')));
    inner.is_some_and(|key| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
    })
}

/// The key and the value a parse error points at, when it points at the value of a `key = value` pair,
/// so that a message names both (`valid_from` and `2025-02-30`, not only "input is out of range").
fn key_and_value(text: &str, span: std::ops::Range<usize>) -> Option<(String, String)> {
    let value = text.get(span.clone())?.trim().trim_matches('"');
    let line_start = text.get(..span.start)?.rfind('\n').map_or(0, |at| at + 1);
    let before = text
        .get(line_start..span.start)?
        .trim_end()
        .strip_suffix('=')?
        .trim_end();
    let key: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!key.is_empty() && !value.is_empty() && !value.contains('\n')).then(|| (key, value.to_owned()))
}

fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, LoadError> {
    parse_entries(file, "[[rule]]", crate::law::error::Entry::Rule)
}

/// Parses `file`; a parse error inside an entry (`header`, e.g. `[[service]]`) names the entry.
pub(crate) fn parse_entries<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    header: &str,
    entry: crate::law::error::Entry,
) -> Result<T, LoadError> {
    toml::from_str(&file.text).map_err(|error| {
        let line = error.span().map(|span| line_of(&file.text, span.start));
        let mut message = error.message().trim().replace('\n', " ");
        if let Some((key, value)) = error.span().and_then(|span| key_and_value(&file.text, span)) {
            message = format!("invalid value `{value}` for `{key}`: {message}");
        }
        LoadError::new(
            Location {
                file: file.name.clone(),
                line,
                rule_id: line.and_then(|line| id_at(&file.text, line, header)),
                section: None,
                entry,
            },
            message,
        )
    })
}

/// Builds a rule set from the files of a rules folder: `settings`, `facts`, the register of acts
/// (`acts`) and the rule files. Every citation is checked against the register.
pub fn from_files(
    settings: &SourceFile,
    facts: &SourceFile,
    acts: &SourceFile,
    rule_files: &[SourceFile],
) -> Result<RuleSet, LoadErrors> {
    let mut errors = Vec::new();
    let settings_file: Option<SettingsFile> = parse(settings).map_err(|error| errors.push(error)).ok();
    let facts_file: Option<FactsFile> = parse(facts).map_err(|error| errors.push(error)).ok();
    let acts_register: Option<Acts> = parse_entries(acts, "[[act]]", crate::law::error::Entry::Act)
        .map_err(|error| errors.push(error))
        .ok();
    if let Some(register) = &acts_register {
        errors.extend(register.check(&acts.name, &header_lines(&acts.text, "[[act]]")));
    }
    let mut rules = Vec::new();
    let mut sources = Vec::new();
    let mut empty_files = Vec::new();
    for file in rule_files {
        match parse::<RuleFile>(file) {
            Ok(parsed) => {
                if parsed.rule.is_empty() {
                    // Reported with the citation checks, after the other files' rules are checked.
                    empty_files.push(LoadError::new(
                        Location {
                            file: file.name.clone(),
                            ..Location::default()
                        },
                        "no `[[rule]]` in this rule file: its section would be left out silently \
                         (a rule file needs at least one rule)",
                    ));
                }
                let headers = header_lines(&file.text, "[[rule]]");
                for (index, rule) in parsed.rule.into_iter().enumerate() {
                    sources.push(Source {
                        file: file.name.clone(),
                        line: headers.get(index).copied(),
                    });
                    rules.push(rule);
                }
            }
            Err(error) => errors.push(error),
        }
    }
    let (Some(settings_file), Some(facts_file), Some(acts_register)) =
        (settings_file, facts_file, acts_register)
    else {
        return Err(LoadErrors(errors));
    };
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    let mut citation_errors = empty_files;
    citation_errors.extend(acts_register.check_citations(&rules, &sources));
    citation_errors.sort_by(|a, b| {
        (a.location.file.as_str(), a.location.line).cmp(&(b.location.file.as_str(), b.location.line))
    });

    let mut hasher = Sha256::new();
    for file in std::iter::once(settings)
        .chain(std::iter::once(facts))
        .chain(rule_files)
    {
        hasher.update(file.name.as_bytes());
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    let source_hash = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();

    let compiled = CompiledRules {
        name: settings_file.name,
        version: settings_file.version,
        source_hash,
        covers_from: settings_file.covers_from,
        settings: Settings {
            calendar: settings_file.calendar,
        },
        facts: facts_file.fact,
        rules,
    };
    match RuleSet::new(compiled, &sources, &facts.name) {
        Ok(rules) if citation_errors.is_empty() => Ok(rules),
        Ok(_) => Err(LoadErrors(citation_errors)),
        Err(LoadErrors(mut errors)) => {
            errors.extend(citation_errors);
            Err(LoadErrors(errors))
        }
    }
}

/// The register of acts in a rules folder (`<dir>/acts.toml`).
pub const ACTS_FILE: &str = "acts.toml";

/// The subfolder of a rules folder that holds service catalogues (read by `load_catalogue` in the catalogue layer, not as
/// rule files).
pub const SERVICES_DIR: &str = "services";

/// The subfolder of a rules folder that holds questionnaires (read by `load_questionnaire` in the forms layer).
pub const QUESTIONNAIRES_DIR: &str = "questionnaires";

/// Every `.toml` file under `dir` (except the service catalogues and questionnaires), in path order.
fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                if folder == dir
                    && path
                        .file_name()
                        .is_some_and(|name| name == SERVICES_DIR || name == QUESTIONNAIRES_DIR)
                {
                    continue;
                }
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "toml") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Loads the rules folder at `dir`. Files are named in messages relative to `dir`'s parent, so
/// `rules/shl/s036_….toml` reads as it does in the repository.
pub fn load_dir(dir: &Path) -> Result<RuleSet, LoadErrors> {
    let base = dir.parent().unwrap_or(dir);
    let read = |path: &Path| {
        read_source(
            path,
            &path.strip_prefix(base).unwrap_or(path).display().to_string(),
        )
    };
    let paths = toml_files(dir).map_err(|error| {
        LoadErrors(vec![LoadError::new(
            Location {
                file: dir.display().to_string(),
                ..Location::default()
            },
            format!("cannot read the rules folder: {error}"),
        )])
    })?;
    let settings_path = dir.join("settings.toml");
    let facts_path = dir.join("facts.toml");
    let acts_path = dir.join(ACTS_FILE);
    let mut errors = Vec::new();
    let settings = read(&settings_path).map_err(|error| errors.push(error)).ok();
    let facts = read(&facts_path).map_err(|error| errors.push(error)).ok();
    let acts = read(&acts_path).map_err(|error| errors.push(error)).ok();
    let mut rule_files = Vec::new();
    for path in paths
        .iter()
        .filter(|path| **path != settings_path && **path != facts_path && **path != acts_path)
    {
        match read(path) {
            Ok(file) => rule_files.push(file),
            Err(error) => errors.push(error),
        }
    }
    match (settings, facts, acts) {
        (Some(settings), Some(facts), Some(acts)) if errors.is_empty() => {
            from_files(&settings, &facts, &acts, &rule_files)
        }
        _ => Err(LoadErrors(errors)),
    }
}

/// Reads `path` as a source file called `name`.
pub(crate) fn read_source(path: &Path, name: &str) -> Result<SourceFile, LoadError> {
    std::fs::read_to_string(path)
        .map(|text| SourceFile {
            name: name.to_owned(),
            text,
        })
        .map_err(|error| {
            LoadError::new(
                Location {
                    file: name.to_owned(),
                    ..Location::default()
                },
                format!("cannot read: {error}"),
            )
        })
}

/// How messages name a file in the rules folder `dir`: relative to `dir`'s parent, so that
/// `rules/services/x.toml` reads as it does in the repository.
pub fn display_name(dir: &Path, path: &Path) -> String {
    let base = dir.parent().unwrap_or(dir);
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

/// The `.toml` files directly in `folder`, in path order (none if it cannot be read).
pub(crate) fn toml_in(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
