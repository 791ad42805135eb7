//! Reading a county's service catalogue (`rules/services/<county>.toml`) natively (feature `toml`); the
//! browser gets the compiled JSON instead.

use std::path::{Path, PathBuf};

use super::{Catalogue, CatalogueFile};
use crate::law::error::{Entry, LoadErrors};
use crate::law::load::{SERVICES_DIR, SourceFile, header_lines, parse_entries, read_source, toml_in};
use crate::law::ruleset::RuleSet;

/// Loads a service catalogue and validates it against `rules`' facts. `name` is how messages name the
/// file (e.g. `rules/services/example-county.toml`; see [`crate::law::load::display_name`]).
pub fn load_catalogue(path: &Path, name: &str, rules: &RuleSet) -> Result<Catalogue, LoadErrors> {
    let file = read_source(path, name).map_err(|error| LoadErrors(vec![error]))?;
    catalogue_from_source(&file, rules)
}

/// Reads a service catalogue from its text (`file.name` is how messages name it) and validates it
/// against `rules`' facts: what [`load_catalogue`] does after reading the file.
pub fn catalogue_from_source(file: &SourceFile, rules: &RuleSet) -> Result<Catalogue, LoadErrors> {
    let parsed: CatalogueFile =
        parse_entries(file, "[[service]]", Entry::Service).map_err(|error| LoadErrors(vec![error]))?;
    let lines = header_lines(&file.text, "[[service]]");
    // `report.group.<n>` and `report.need.<n>` name the n-th `[[report.group]]` or `[[report.need]]`.
    let entry_line = |key: &str| {
        let (kind, index) = key.strip_prefix("report.")?.rsplit_once('.')?;
        let index: usize = index.parse().ok()?;
        header_lines(&file.text, &format!("[[report.{kind}]]"))
            .get(index)
            .copied()
    };
    Catalogue::new(parsed, rules, &file.name, &lines, &|key| {
        entry_line(key).or_else(|| key_line(&file.text, key))
    })
}

/// The line of the setting `key`, a dotted key such as `contact` or `privacy.retention.draft_days`: the
/// line that gives its value (`draft_days = 0` under `[privacy.retention]`, or an inline table holding
/// it, `retention = { … }`), or the header of its table (`[contact]`, or the first `[contact.…]`). A key
/// not written in the file (a missing one) gets the line of the nearest table around it that is.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let mut wanted = key;
    loop {
        if let Some(line) = exact_key_line(text, wanted) {
            return Some(line);
        }
        wanted = &wanted[..wanted.rfind('.')?];
    }
}

/// The line of `key` as written in `text`, if it is (see [`key_line`]).
fn exact_key_line(text: &str, key: &str) -> Option<usize> {
    let inside = |path: &str| path == key || key.starts_with(&format!("{path}."));
    let mut table = String::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("[[") {
            table = line.trim_matches(|c| c == '[' || c == ']' || c == ' ').to_owned();
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.split(']').next().unwrap_or_default().trim();
            table = header.to_owned();
            if header == key || header.starts_with(&format!("{key}.")) {
                return Some(index + 1);
            }
            continue;
        }
        let Some((name, _)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() || name.starts_with('#') || name.contains(['"', '\'', ' ']) {
            continue;
        }
        let path = if table.is_empty() {
            name.to_owned()
        } else {
            format!("{table}.{name}")
        };
        if inside(&path) {
            return Some(index + 1);
        }
    }
    None
}

/// Every catalogue file in `<rules dir>/services/`, in path order.
pub fn catalogue_files(dir: &Path) -> Vec<PathBuf> {
    toml_in(&dir.join(SERVICES_DIR))
}

#[cfg(test)]
mod tests {
    use super::key_line;

    #[test]
    fn a_setting_is_found_on_its_own_line_in_its_inline_table_or_at_its_table() {
        let text = "county = \"x\"\n\
                    [contact]\n\
                    call_back_working_days = 3\n\
                    [privacy]\n\
                    email = \"x\"\n\
                    data_protection_officer = { email = \"y\" }\n\
                    [privacy.retention]\n\
                    draft_days = 0\n\
                    [[service]]\n\
                    id = \"a\"\n";
        assert_eq!(key_line(text, "contact"), Some(2));
        assert_eq!(key_line(text, "contact.call_back_working_days"), Some(3));
        assert_eq!(key_line(text, "privacy"), Some(4));
        assert_eq!(key_line(text, "privacy.email"), Some(5));
        assert_eq!(key_line(text, "privacy.data_protection_officer.email"), Some(6));
        assert_eq!(key_line(text, "privacy.retention.draft_days"), Some(8));
        // Not written: the table around it.
        assert_eq!(key_line(text, "privacy.retention.feedback_days"), Some(7));
        assert_eq!(key_line(text, "privacy.phone"), Some(4));
        assert_eq!(key_line(text, "id"), None);
        assert_eq!(
            key_line("county = \"x\"\n[contact.social_emergency]\n", "contact"),
            Some(2)
        );
        assert_eq!(
            key_line("contact = { call_back_working_days = 3 }\n", "contact"),
            Some(1)
        );
    }
}
