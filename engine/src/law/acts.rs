//! The register of the acts the rules cite (`rules/acts.toml`): each act's number, its names in Finnish
//! and Swedish, the day it came into force, and its amending acts with the days they came into force.
//!
//! Every rule's citation is checked against it when a rules folder is loaded natively: the statute must
//! be registered, its name must be the registered one, the acts its `wording` names must be the statute
//! or its registered amending acts, and the act whose words a version quotes must be in force on the
//! version's first day. A rule file named `s<section>_….toml` must hold rules of that section only. The
//! compiled JSON does not carry the register; the browser gets rules already checked against it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::law::error::{Entry, LoadError, Location};
use crate::law::rule::Rule;
use crate::law::ruleset::Source;

/// An act in the register.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// Its number, e.g. `1301/2014`.
    pub number: String,
    /// Its short Finnish name, as citations write it, e.g. `Sosiaalihuoltolaki`.
    pub name_fi: String,
    /// Its Swedish name, e.g. `Socialvårdslag`.
    pub name_sv: String,
    /// The day it came into force.
    pub in_force: NaiveDate,
    /// The acts that amended it (those whose wording a rule may quote).
    #[serde(default)]
    pub amendments: Vec<Amendment>,
}

/// An amending act.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// Its number, e.g. `677/2023`.
    pub number: String,
    /// The day its changes came into force.
    pub in_force: NaiveDate,
}

impl Act {
    /// The day the wording of `number` (this act itself or one of its amending acts) came into force;
    /// `None` if `number` is neither.
    pub fn wording_in_force(&self, number: &str) -> Option<NaiveDate> {
        if number == self.number {
            return Some(self.in_force);
        }
        self.amendments
            .iter()
            .find(|amendment| amendment.number == number)
            .map(|amendment| amendment.in_force)
    }
}

/// The register: every act a rule may cite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acts {
    /// The acts, in file order.
    #[serde(default)]
    pub act: Vec<Act>,
}

impl Acts {
    /// The act numbered `number`.
    pub fn get(&self, number: &str) -> Option<&Act> {
        self.act.iter().find(|act| act.number == number)
    }

    /// Checks the register itself: numbers of the form `<number>/<year>`, each act and amending act
    /// listed once, names given, no amendment in force before its act. `file` names the register and
    /// `lines[i]` is the line of the `i`-th `[[act]]`.
    pub fn check(&self, file: &str, lines: &[usize]) -> Vec<LoadError> {
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for (index, act) in self.act.iter().enumerate() {
            let location = Location {
                file: file.to_owned(),
                line: lines.get(index).copied(),
                rule_id: Some(act.number.clone()),
                section: None,
                entry: Entry::Act,
            };
            let mut error = |message: String| errors.push(LoadError::new(location.clone(), message));
            for (field, name) in [("name_fi", &act.name_fi), ("name_sv", &act.name_sv)] {
                if name.trim().is_empty() {
                    error(format!("`{field}` is empty"));
                }
            }
            for number in std::iter::once(&act.number).chain(act.amendments.iter().map(|a| &a.number)) {
                if !is_act_number(number) {
                    error(format!(
                        "act number `{number}` is not of the form `<number>/<year>`"
                    ));
                }
                if !seen.insert(number.clone()) {
                    error(format!("act `{number}` is listed twice"));
                }
            }
            for amendment in &act.amendments {
                if amendment.in_force < act.in_force {
                    error(format!(
                        "amending act `{}` is in force from {}, before the act itself ({})",
                        amendment.number, amendment.in_force, act.in_force
                    ));
                }
            }
        }
        errors
    }

    /// Checks every rule's citation against the register, and the section against the file name (see
    /// [`section_of_file`]). `sources[i]` says where `rules[i]` was written. Messages name the register
    /// by its file name in the rules folder, `acts.toml`.
    pub fn check_citations(&self, rules: &[Rule], sources: &[Source]) -> Vec<LoadError> {
        let mut errors = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let source = sources.get(index).cloned().unwrap_or_default();
            let location = Location {
                file: source.file.clone(),
                line: source.line,
                rule_id: Some(rule.id.clone()),
                section: Some(rule.citation.short()),
                entry: Entry::Rule,
            };
            let mut error = |message: String| errors.push(LoadError::new(location.clone(), message));
            let citation = &rule.citation;
            if let Some(section) = section_of_file(&source.file)
                && citation.section.trim() != section.to_string()
            {
                error(format!(
                    "section `{}` differs from the file's section {section} (a file named `s{:03}_….toml` holds rules of {section} § only)",
                    citation.section, section
                ));
            }
            if !is_act_number(&citation.statute) {
                // Reported by the rule checks, which also run on compiled JSON.
                continue;
            }
            let Some(act) = self.get(&citation.statute) else {
                error(format!(
                    "unknown statute `{}`: the register of acts, `acts.toml`, has no such act",
                    citation.statute
                ));
                continue;
            };
            if citation.statute_name != act.name_fi {
                error(format!(
                    "statute name `{}` differs from the register's name for {}, `{}`",
                    citation.statute_name, act.number, act.name_fi
                ));
            }
            for (number, followed) in acts_named(&citation.wording) {
                match act.wording_in_force(&number) {
                    None => error(format!(
                        "wording act `{number}` is neither {} nor one of its amending acts in `acts.toml`",
                        act.number
                    )),
                    Some(in_force) if followed && in_force > rule.valid_from => error(format!(
                        "wording act `{number}` came into force on {in_force}, after this version's `valid_from` {}",
                        rule.valid_from
                    )),
                    Some(_) => {}
                }
            }
        }
        errors
    }
}

/// Whether `text` is an act number, `<number>/<year>` (e.g. `1301/2014`).
pub fn is_act_number(text: &str) -> bool {
    let Some((number, year)) = text.split_once('/') else {
        return false;
    };
    !number.is_empty()
        && number.len() <= 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && !number.starts_with('0')
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// The act numbers a citation's `wording` names, in order, each with whether the text follows it: an act
/// named outside parentheses is one whose words the text quotes (`589/2022 (johdantokappale); 1301/2014
/// (kohdat)`), one inside parentheses is a remark (`1301/2014 (sama sanamuoto 677/2023)`).
pub fn acts_named(wording: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut token = String::new();
    let mut flush = |token: &mut String, depth: usize| {
        let candidate = token.trim_end_matches('/');
        if is_act_number(candidate) {
            found.push((candidate.to_owned(), depth == 0));
        }
        token.clear();
    };
    for c in wording.chars() {
        if c.is_ascii_digit() || c == '/' {
            token.push(c);
            continue;
        }
        flush(&mut token, depth);
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    flush(&mut token, depth);
    found
}

/// The section a rule file's name gives, for files named `s<digits>_….toml` (`rules/shl/s036_x.toml` →
/// 36); `None` for any other name.
pub fn section_of_file(path: &str) -> Option<u32> {
    let name = path.rsplit(['/', '\\']).next()?;
    let rest = name.strip_prefix('s')?.strip_suffix(".toml")?;
    let (digits, _) = rest.split_once('_')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_names_the_acts_it_follows_outside_parentheses() {
        assert_eq!(acts_named("677/2023"), vec![("677/2023".to_owned(), true)]);
        assert_eq!(
            acts_named("589/2022 (johdantokappale); 1301/2014 (kohdat)"),
            vec![("589/2022".to_owned(), true), ("1301/2014".to_owned(), true)]
        );
        assert_eq!(
            acts_named("1301/2014 (sama sanamuoto 677/2023)"),
            vec![("1301/2014".to_owned(), true), ("677/2023".to_owned(), false)]
        );
        assert!(acts_named("the 2014 wording").is_empty());
    }

    #[test]
    fn file_names_give_sections() {
        assert_eq!(
            section_of_file("rules/shl/s036_palvelutarpeen_arviointi.toml"),
            Some(36)
        );
        assert_eq!(section_of_file("rules/vpl/s004_x.toml"), Some(4));
        assert_eq!(section_of_file("tests/fixtures/bad/section_differs.toml"), None);
        assert_eq!(section_of_file("rules/shl/settings.toml"), None);
        assert_eq!(section_of_file("rules/shl/s36x_y.toml"), None);
    }

    fn act(number: &str, in_force: &str, amendments: &[(&str, &str)]) -> Act {
        Act {
            number: number.to_owned(),
            name_fi: "Esimerkkilaki".to_owned(),
            name_sv: "Exempellag".to_owned(),
            in_force: in_force.parse().unwrap(),
            amendments: amendments
                .iter()
                .map(|(number, in_force)| Amendment {
                    number: (*number).to_owned(),
                    in_force: in_force.parse().unwrap(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_register_checks_itself() {
        let acts = Acts {
            act: vec![
                act(
                    "100/2020",
                    "2021-01-01",
                    &[("200/2020", "2020-06-01"), ("100/2020", "2022-01-01")],
                ),
                act("2020/300", "2021-01-01", &[]),
            ],
        };
        let messages: Vec<String> = acts
            .check("rules/acts.toml", &[3, 12])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "rules/acts.toml:3: act `100/2020` is listed twice (act `100/2020`)",
                "rules/acts.toml:3: amending act `200/2020` is in force from 2020-06-01, before the act itself (2021-01-01) (act `100/2020`)",
                "rules/acts.toml:12: act number `2020/300` is not of the form `<number>/<year>` (act `2020/300`)",
            ]
        );
        let valid = act("100/2020", "2021-01-01", &[("200/2021", "2022-01-01")]);
        assert_eq!(valid.wording_in_force("100/2020"), Some(valid.in_force));
        assert_eq!(valid.wording_in_force("200/2021"), "2022-01-01".parse().ok());
        assert_eq!(valid.wording_in_force("300/2021"), None);
    }

    #[test]
    fn act_numbers() {
        assert!(is_act_number("1301/2014"));
        assert!(is_act_number("150/1930"));
        assert!(!is_act_number("1301/14"));
        assert!(!is_act_number("01301/2014"));
        assert!(!is_act_number("Sosiaalihuoltolaki"));
    }
}
