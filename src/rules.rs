//! The rule set built into the app: `rules/` compiled to JSON by the build script (`build.rs`), read and
//! validated once, on first use, by the same engine code that checks a county's own JSON.

use std::rc::Rc;

use tyokyky_engine::error::LoadErrors;
use tyokyky_engine::ruleset::RuleSet;

/// The compiled rules, embedded at build time.
pub const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// A rule set shared through context; two handles are equal when they share the same rules.
#[derive(Debug, Clone)]
pub struct SharedRules(pub Rc<RuleSet>);

impl PartialEq for SharedRules {
    fn eq(&self, other: &SharedRules) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    static EMBEDDED: Result<SharedRules, Rc<LoadErrors>> =
        RuleSet::from_json(COMPILED, "embedded rules").map(|rules| SharedRules(Rc::new(rules))).map_err(Rc::new);
}

/// The embedded rule set, or why it could not be read (which the build script makes near impossible, but
/// a damaged bundle still gets an error screen rather than a blank page).
pub fn embedded() -> Result<SharedRules, Rc<LoadErrors>> {
    EMBEDDED.with(Clone::clone)
}
