//! Reading a questionnaire (`rules/questionnaires/<name>.toml`) natively (feature `toml`); the browser
//! gets the compiled JSON instead.

use std::path::{Path, PathBuf};

use super::{Questionnaire, QuestionnaireFile};
use crate::law::error::{Entry, LoadErrors};
use crate::law::load::{QUESTIONNAIRES_DIR, SourceFile, header_lines, parse_entries, read_source, toml_in};
use crate::law::ruleset::RuleSet;

/// Loads a questionnaire and validates it against `rules`' facts. `name` is how messages name the file.
pub fn load_questionnaire(path: &Path, name: &str, rules: &RuleSet) -> Result<Questionnaire, LoadErrors> {
    let file = read_source(path, name).map_err(|error| LoadErrors(vec![error]))?;
    questionnaire_from_source(&file, rules)
}

/// Reads a questionnaire from its text (`file.name` is how messages name it) and validates it against
/// `rules`' facts: what [`load_questionnaire`] does after reading the file.
pub fn questionnaire_from_source(file: &SourceFile, rules: &RuleSet) -> Result<Questionnaire, LoadErrors> {
    let parsed: QuestionnaireFile =
        parse_entries(file, "[[question]]", Entry::Question).map_err(|error| LoadErrors(vec![error]))?;
    let lines = header_lines(&file.text, "[[question]]");
    let derive_lines = header_lines(&file.text, "[[derive]]");
    Questionnaire::new(parsed, rules, &file.name, &lines, &derive_lines)
}

/// Every questionnaire file in `<rules dir>/questionnaires/`, in path order.
pub fn questionnaire_files(dir: &Path) -> Vec<PathBuf> {
    toml_in(&dir.join(QUESTIONNAIRES_DIR))
}
