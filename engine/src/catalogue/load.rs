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
    Catalogue::new(parsed, rules, &file.name, &lines, contact_line(&file.text))
}

/// The line where the county's contact settings begin: `[contact]`, a `[contact.…]` table, or an inline
/// `contact = { … }`.
fn contact_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with("[contact]")
                || line.starts_with("[contact.")
                || line
                    .strip_prefix("contact")
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|index| index + 1)
}

/// Every catalogue file in `<rules dir>/services/`, in path order.
pub fn catalogue_files(dir: &Path) -> Vec<PathBuf> {
    toml_in(&dir.join(SERVICES_DIR))
}
