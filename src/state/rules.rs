//! The rule set, service catalogue and questionnaire built into the app: `rules/` compiled and checked
//! natively by the build script (`build.rs`) and written as Rust that builds the engine's values
//! (`baked.rs`, see `tyokyky_engine::bake`). The browser runs that code once, at start: it neither parses
//! JSON nor checks the data, which the build has done.
//!
//! Each bundle's entry point names its own part: the public bundle [`CITIZEN`] (the citizens' part of the
//! rules, with the catalogue and the questionnaire compiled against it), the worker bundle [`WHOLE`]; the
//! linker leaves the other out.

use std::rc::Rc;

use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::questionnaire::Questionnaire;
use tyokyky_engine::ruleset::RuleSet;

/// The values the build script baked.
#[allow(
    clippy::too_many_lines,
    clippy::unreadable_literal,
    clippy::redundant_field_names,
    reason = "written by the build script, one expression per value"
)]
mod baked {
    include!(concat!(env!("OUT_DIR"), "/baked.rs"));
}

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

/// The rules a bundle embeds: the function that builds them.
#[derive(Clone, Copy)]
pub struct EmbeddedRules(pub fn() -> SharedRules);

one_per_bundle!(EmbeddedRules);

impl EmbeddedRules {
    /// Builds the rules.
    pub fn build(self) -> SharedRules {
        (self.0)()
    }
}

/// The public bundle's: the part of the rules a citizen's screens read (urgent-help routing and notices,
/// facts without descriptions), with the catalogue and the questionnaire compiled against it.
pub const CITIZEN: EmbeddedRules = EmbeddedRules(|| SharedRules {
    rules: Rc::new(baked::citizen_rules()),
    catalogue: Rc::new(baked::citizen_catalogue()),
    questionnaire: Rc::new(baked::citizen_questionnaire()),
});

/// The worker bundle's: the whole rule set, with the catalogue and the questionnaire.
pub const WHOLE: EmbeddedRules = EmbeddedRules(|| SharedRules {
    rules: Rc::new(baked::rules()),
    catalogue: Rc::new(baked::catalogue()),
    questionnaire: Rc::new(baked::questionnaire()),
});

/// The compiled rules as JSON, as `tyokyky-rules compile` writes them: what the baked values are checked
/// against.
#[cfg(test)]
pub mod json {
    /// The whole rule set.
    pub const RULES: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));
    /// The citizens' part of it.
    pub const CITIZEN_RULES: &str = include_str!(concat!(env!("OUT_DIR"), "/rules-citizen.json"));
    /// The county's service catalogue.
    pub const CATALOGUE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));
    /// The citizens' copy of it (the report's names left out).
    pub const CITIZEN_CATALOGUE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-citizen.json"));
    /// The self-assessment questionnaire.
    pub const QUESTIONNAIRE: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.json"));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled JSON with every text's inline translations left out (no `sv`, `en` or `selko`), as
    /// the bundles carry it: the translations come with their language (`texts.ftl`).
    fn finnish_only(json: &str) -> String {
        fn strip(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Object(object) => {
                    if object.contains_key("fi") {
                        for inline in ["sv", "en", "selko"] {
                            object.remove(inline);
                        }
                    }
                    object.values_mut().for_each(strip);
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
                _ => {}
            }
        }
        let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
        strip(&mut value);
        value.to_string()
    }

    /// The baked values are exactly those the engine's JSON loader reads and checks from the same
    /// compiled rules, for both bundles, in Finnish: baking loses nothing but the translations, which
    /// are fetched with their language, and adds nothing.
    #[test]
    fn the_baked_values_are_the_checked_ones() {
        for (embedded, rules_json, catalogue_json) in [
            (CITIZEN, json::CITIZEN_RULES, json::CITIZEN_CATALOGUE),
            (WHOLE, json::RULES, json::CATALOGUE),
        ] {
            let shared = embedded.build();
            let rules = RuleSet::from_json(rules_json, "rules").unwrap();
            let catalogue = Catalogue::from_json(catalogue_json, &rules, "catalogue").unwrap();
            let questionnaire =
                Questionnaire::from_json(json::QUESTIONNAIRE, &rules, "questionnaire").unwrap();
            assert_eq!(
                finnish_only(&shared.rules.to_json()),
                finnish_only(&rules.to_json())
            );
            assert_eq!(
                finnish_only(&shared.catalogue.to_json()),
                finnish_only(&catalogue.to_json())
            );
            assert_eq!(
                finnish_only(&shared.questionnaire.to_json()),
                finnish_only(&questionnaire.to_json())
            );
            assert!(
                !shared.questionnaire.to_json().contains("\"selko\""),
                "the bundles carry the Finnish alone"
            );
        }
        // It can fail: the two bundles' values differ (the citizens' part has fewer facts and rules).
        assert_ne!(*CITIZEN.build().rules, *WHOLE.build().rules);
    }
}
