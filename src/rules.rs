//! The rule set, service catalogue and questionnaire built into the app: `rules/` compiled to JSON by the build script
//! (`build.rs`), read and validated once, on first use, by the same engine code that checks a county's
//! own JSON.

use std::rc::Rc;

use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::error::LoadErrors;
use tyokyky_engine::questionnaire::Questionnaire;
use tyokyky_engine::ruleset::RuleSet;

/// The compiled rules, embedded at build time.
pub const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The county's service catalogue, embedded at build time.
pub const CATALOGUE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The self-assessment questionnaire, embedded at build time.
pub const QUESTIONNAIRE: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.json"));

/// The rule set, the service catalogue and the questionnaire, shared through context; two handles are
/// equal when they share the same data.
#[derive(Debug, Clone)]
pub struct SharedRules(pub Rc<RuleSet>, pub Rc<Catalogue>, pub Rc<Questionnaire>);

impl PartialEq for SharedRules {
    fn eq(&self, other: &SharedRules) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1) && Rc::ptr_eq(&self.2, &other.2)
    }
}

fn load() -> Result<SharedRules, LoadErrors> {
    let rules = RuleSet::from_json(COMPILED, "embedded rules")?;
    let catalogue = Catalogue::from_json(CATALOGUE, &rules, "embedded service catalogue")?;
    let questionnaire = Questionnaire::from_json(QUESTIONNAIRE, &rules, "embedded questionnaire")?;
    Ok(SharedRules(
        Rc::new(rules),
        Rc::new(catalogue),
        Rc::new(questionnaire),
    ))
}

thread_local! {
    static EMBEDDED: Result<SharedRules, Rc<LoadErrors>> = load().map_err(Rc::new);
}

/// The embedded rule set, or why it could not be read (which the build script makes near impossible, but
/// a damaged bundle still gets an error screen rather than a blank page).
pub fn embedded() -> Result<SharedRules, Rc<LoadErrors>> {
    EMBEDDED.with(Clone::clone)
}
