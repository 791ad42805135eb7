//! The rule set, service catalogue and questionnaire built into the app: `rules/` compiled to JSON by the build script
//! (`build.rs`), read and validated once, on first use, by the same engine code that checks a county's
//! own JSON.

use std::rc::Rc;

use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::error::LoadErrors;
use tyokyky_engine::questionnaire::Questionnaire;
use tyokyky_engine::ruleset::RuleSet;

/// The compiled rules, embedded at build time (by the worker bundle only: the linker leaves out what
/// no entry point names).
pub const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The part of the rules a citizen's screens read (urgent-help routing and notices, facts without
/// descriptions), embedded by the public bundle: a sixth of the whole set's size.
pub const CITIZEN: &str = include_str!(concat!(env!("OUT_DIR"), "/rules-citizen.json"));

/// The county's service catalogue, embedded at build time.
pub const CATALOGUE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The self-assessment questionnaire, embedded at build time.
pub const QUESTIONNAIRE: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.json"));

/// The rule set, the service catalogue and the questionnaire, shared through context; two handles are
/// equal when they share the same data.
#[derive(Debug, Clone)]
pub struct SharedRules {
    /// The rule set: what the law requires, and the facts it reads.
    pub rules: Rc<RuleSet>,
    /// The county's service catalogue.
    pub catalogue: Rc<Catalogue>,
    /// The self-assessment questionnaire.
    pub questionnaire: Rc<Questionnaire>,
}

impl PartialEq for SharedRules {
    fn eq(&self, other: &SharedRules) -> bool {
        Rc::ptr_eq(&self.rules, &other.rules)
            && Rc::ptr_eq(&self.catalogue, &other.catalogue)
            && Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
    }
}

/// Reads and validates a compiled rule set, service catalogue and questionnaire (the JSON the build script
/// writes); a damaged one gives located errors naming the part, never a panic.
pub fn load(rules: &str, catalogue: &str, questionnaire: &str) -> Result<SharedRules, LoadErrors> {
    let rules = RuleSet::from_json(rules, "embedded rules")?;
    let catalogue = Catalogue::from_json(catalogue, &rules, "embedded service catalogue")?;
    let questionnaire = Questionnaire::from_json(questionnaire, &rules, "embedded questionnaire")?;
    Ok(SharedRules {
        rules: Rc::new(rules),
        catalogue: Rc::new(catalogue),
        questionnaire: Rc::new(questionnaire),
    })
}

/// The embedded rules `rules` (the whole set [`COMPILED`] or the citizens' part [`CITIZEN`]) with the
/// embedded catalogue and questionnaire, or why they could not be read (which the build script makes
/// near impossible, but a damaged bundle still gets an error screen rather than a blank page).
pub fn embedded(rules: &str) -> Result<SharedRules, Rc<LoadErrors>> {
    load(rules, CATALOGUE, QUESTIONNAIRE).map_err(Rc::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rules_load() {
        assert!(embedded(COMPILED).is_ok());
        assert!(embedded(CITIZEN).is_ok());
    }

    /// A bundle damaged on its way (cut short anywhere, or a byte changed) gives errors that name the
    /// damaged part, never a panic: the app then shows its error screen.
    #[test]
    fn damaged_data_gives_errors_naming_the_part() {
        for (part, name) in [
            (0, "embedded rules"),
            (1, "embedded service catalogue"),
            (2, "embedded questionnaire"),
        ] {
            let original = [COMPILED, CATALOGUE, QUESTIONNAIRE][part];
            let step = (original.len() / 97).max(1);
            let mut damaged: Vec<String> = (0..original.len())
                .step_by(step)
                .map(|cut| original[..original.floor_char_boundary(cut)].to_owned())
                .collect();
            damaged.push(original.replacen("\"id\"", "\"ID\"", 1));
            damaged.push(original.replacen(':', ";", 1));
            for text in &damaged {
                let mut inputs = [COMPILED, CATALOGUE, QUESTIONNAIRE];
                inputs[part] = text;
                let Err(errors) = load(inputs[0], inputs[1], inputs[2]) else {
                    panic!("{name} damaged to {} bytes still loads", text.len());
                };
                let message = errors.to_string();
                assert!(message.contains(name), "{message}");
            }
        }
    }
}
