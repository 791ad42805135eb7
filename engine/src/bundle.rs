//! The one compile step: a rules folder, one county's service catalogue and one questionnaire, read and
//! checked natively, and written as the JSON files the app embeds (`rules.json`, `catalogue.json`,
//! `questionnaire.json`, and `rules-citizen.json`: the part of the rules the public bundle's screens read,
//! see [`RuleSet::for_citizens`]). The app's build script, the WASM engine benchmark's build
//! script and `tyokyky-rules compile --out-dir` all call [`compile`], so what the browser gets is the
//! same wherever it was compiled. Native only (feature `toml`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::bake::Bake;
use crate::catalogue::Catalogue;
use crate::catalogue::load::load_catalogue;
use crate::forms::questionnaire::Questionnaire;
use crate::forms::questionnaire::load::load_questionnaire;
use crate::law::error::LoadErrors;
use crate::law::load::{QUESTIONNAIRES_DIR, SERVICES_DIR, load_dir};
use crate::law::ruleset::RuleSet;
use crate::text::translations::TextEntry;

/// The catalogue compiled when nothing else is chosen.
pub const DEFAULT_CATALOGUE: &str = "example-county";
/// The questionnaire compiled when nothing else is chosen.
pub const DEFAULT_QUESTIONNAIRE: &str = "self_assessment";
/// The environment variable that chooses the catalogue at build time.
pub const CATALOGUE_VARIABLE: &str = "TYOKYKY_CATALOGUE";
/// The environment variable that chooses the questionnaire at build time.
pub const QUESTIONNAIRE_VARIABLE: &str = "TYOKYKY_QUESTIONNAIRE";

/// Which catalogue and questionnaire of a rules folder go into the bundle, by file stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// `services/<catalogue>.toml`.
    pub catalogue: String,
    /// `questionnaires/<questionnaire>.toml`.
    pub questionnaire: String,
}

impl Default for Selection {
    fn default() -> Selection {
        Selection {
            catalogue: DEFAULT_CATALOGUE.to_owned(),
            questionnaire: DEFAULT_QUESTIONNAIRE.to_owned(),
        }
    }
}

impl Selection {
    /// The selection named by [`CATALOGUE_VARIABLE`] and [`QUESTIONNAIRE_VARIABLE`], each defaulting.
    pub fn from_env() -> Selection {
        let default = Selection::default();
        Selection {
            catalogue: std::env::var(CATALOGUE_VARIABLE).unwrap_or(default.catalogue),
            questionnaire: std::env::var(QUESTIONNAIRE_VARIABLE).unwrap_or(default.questionnaire),
        }
    }
}

/// A checked rule set with its catalogue and questionnaire, ready to be written for the app.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The rule set.
    pub rules: RuleSet,
    /// The part of it the public bundle embeds ([`RuleSet::for_citizens`]).
    pub citizen_rules: RuleSet,
    /// The county's service catalogue.
    pub catalogue: Catalogue,
    /// The self-assessment questionnaire.
    pub questionnaire: Questionnaire,
    /// The catalogue compiled against the citizens' part of the rules (its conditions name those facts).
    pub citizen_catalogue: Catalogue,
    /// The questionnaire compiled against the citizens' part of the rules.
    pub citizen_questionnaire: Questionnaire,
}

/// What did not compile, with every located problem.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// What was being compiled, e.g. "the service catalogue `example-county` does not load".
    pub what: String,
    /// The problems, each with file and line.
    pub errors: LoadErrors,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:\n{}", self.what, self.errors)
    }
}

impl std::error::Error for CompileError {}

/// The rule set of the folder `dir` (its `settings.toml`, `facts.toml`, `acts.toml` and rule files), checked.
pub fn compile_rules(dir: &Path) -> Result<RuleSet, CompileError> {
    load_dir(dir).map_err(|errors| CompileError {
        what: format!("the rules in {} do not load", display(dir)),
        errors,
    })
}

/// Reads and checks the rules folder `dir`, the catalogue and the questionnaire that `selection` names.
pub fn compile(dir: &Path, selection: &Selection) -> Result<Bundle, CompileError> {
    let rules = compile_rules(dir)?;
    let base = display(dir);
    let name = format!("{base}/{SERVICES_DIR}/{}.toml", selection.catalogue);
    let path = dir
        .join(SERVICES_DIR)
        .join(format!("{}.toml", selection.catalogue));
    let catalogue = load_catalogue(&path, &name, &rules).map_err(|errors| CompileError {
        what: format!("the service catalogue `{}` does not load", selection.catalogue),
        errors,
    })?;
    let name = format!("{base}/{QUESTIONNAIRES_DIR}/{}.toml", selection.questionnaire);
    let path = dir
        .join(QUESTIONNAIRES_DIR)
        .join(format!("{}.toml", selection.questionnaire));
    let questionnaire = load_questionnaire(&path, &name, &rules).map_err(|errors| CompileError {
        what: format!("the questionnaire `{}` does not load", selection.questionnaire),
        errors,
    })?;
    let unneeded = crate::forms::questionnaire::unneeded_sensitive(questionnaire.file(), &catalogue);
    if !unneeded.is_empty() {
        let at = crate::law::error::Location {
            file: name.clone(),
            ..crate::law::error::Location::default()
        };
        return Err(CompileError {
            what: format!(
                "the questionnaire `{}` asks what no service needs",
                selection.questionnaire
            ),
            errors: crate::law::error::LoadErrors(
                unneeded
                    .into_iter()
                    .map(|message| crate::law::error::LoadError::new(at.clone(), message))
                    .collect(),
            ),
        });
    }
    // The citizens' part keeps the facts the catalogue and the questionnaire name (each a JSON string of
    // its own there), and both are loaded against it, as the public bundle loads them.
    let named = format!("{}{}", catalogue.to_json(), questionnaire.to_json());
    let citizen = |errors| CompileError {
        what: "the citizens' part of the rules does not load".to_owned(),
        errors,
    };
    let citizen_rules = rules
        .for_citizens(|fact| named.contains(&format!("\"{fact}\"")))
        .map_err(citizen)?;
    // The report's names are the inbox's and the CLI's to show; the public bundle keeps only the ids
    // (as names too, so the catalogue stays whole) with the conditions it records groups and gaps by.
    let mut citizen_file = catalogue.file().clone();
    if let Some(report) = &mut citizen_file.report {
        for counted in report.groups.iter_mut().chain(report.needs.iter_mut()) {
            counted.name = crate::text::Texts {
                fi: counted.id.clone(),
                sv: None,
                en: None,
                selko: None,
            };
        }
    }
    let citizen_json = serde_json::to_string(&citizen_file).unwrap_or_default();
    let citizen_catalogue =
        Catalogue::from_json(&citizen_json, &citizen_rules, "citizen catalogue").map_err(citizen)?;
    let citizen_questionnaire =
        Questionnaire::from_json(&questionnaire.to_json(), &citizen_rules, "citizen questionnaire")
            .map_err(citizen)?;
    Ok(Bundle {
        rules,
        citizen_rules,
        catalogue,
        questionnaire,
        citizen_catalogue,
        citizen_questionnaire,
    })
}

impl Bundle {
    /// The files the app embeds: name and JSON.
    pub fn files(&self) -> [(&'static str, String); 5] {
        [
            ("rules.json", self.rules.to_json()),
            ("rules-citizen.json", self.citizen_rules.to_json()),
            ("catalogue.json", self.catalogue.to_json()),
            ("catalogue-citizen.json", self.citizen_catalogue.to_json()),
            ("questionnaire.json", self.questionnaire.to_json()),
        ]
    }

    /// Every text of the bundle (the rules, the catalogue, the questionnaire) that has a translation into
    /// `language`, as (its Finnish, the translation), each Finnish once: the rules' files give Swedish
    /// (`sv`), English (`en`) and plain-language Finnish (`selko`, for `fi-x-selko`). The same Finnish
    /// translated two ways is an error naming it: the app finds a translation by its Finnish
    /// ([`crate::text::text_id`]).
    pub fn translations(&self, language: &str) -> Result<Vec<(String, String)>, String> {
        let key = match language {
            "fi-x-selko" => "selko",
            other => other,
        };
        let jsons: Vec<String> = self.files().into_iter().map(|(_, json)| json).collect();
        let mut found: Vec<(String, String)> = Vec::new();
        for object in texts_in(&jsons, &[]) {
            let text = |name: &str| object.get(name).and_then(serde_json::Value::as_str);
            if let (Some(fi), Some(translated)) = (text("fi"), text(key))
                && !translated.trim().is_empty()
            {
                match found.iter().find(|(known, _)| known == fi) {
                    Some((_, earlier)) if earlier != translated => {
                        return Err(format!(
                            "`{fi}` is translated into {language} both as `{earlier}` and as `{translated}`: the app finds a translation by its Finnish, so give the two texts other Finnish or the same translation"
                        ));
                    }
                    Some(_) => {}
                    None => found.push((fi.to_owned(), translated.to_owned())),
                }
            }
        }
        found.sort();
        Ok(found)
    }

    /// Every Finnish text of the bundle a translation is found by, each once, in the order written: the
    /// questionnaire's, the catalogue's and the rules', then what each fact means (which the worker
    /// flow shows where a finding still needs the fact).
    pub fn finnish_texts(&self) -> Vec<String> {
        let jsons = [
            self.questionnaire.to_json(),
            self.catalogue.to_json(),
            self.rules.to_json(),
        ];
        let facts = self.rules.catalogue().definitions().iter();
        distinct_finnish(&jsons, &[], facts.map(|fact| fact.description_fi.as_str()))
    }

    /// The Finnish texts a citizen reads, each once, in the order written: the questionnaire's, the
    /// citizens' catalogue's and the citizens' rules' (the county's report names groups and needs for
    /// its administrators, not citizens).
    pub fn citizen_texts(&self) -> Vec<String> {
        let jsons = [
            self.citizen_questionnaire.to_json(),
            self.citizen_catalogue.to_json(),
            self.citizen_rules.to_json(),
        ];
        distinct_finnish(&jsons, &["report"], std::iter::empty())
    }

    /// The two Fluent files the app fetches with `language` (in the built app's `locales/<tag>/`):
    /// `texts.ftl`, the translations of what a citizen reads ([`Bundle::citizen_texts`]), fetched with
    /// the public messages, and `worker-texts.ftl`, those of the rest, fetched with the worker flow's.
    /// Each text is under [`crate::text::text_id`] of its Finnish, translated in the language folder's
    /// own `texts.ftl` (`folder`) or inline in the rules' files ([`Bundle::translations`]); no
    /// comments, as every person who reads the language fetches them. A translation of a text the
    /// bundle does not have is left out. The same text translated otherwise in the folder than inline,
    /// or a translation Fluent would read otherwise than written, is an error naming it.
    pub fn texts_ftl(&self, language: &str, folder: &[TextEntry]) -> Result<[String; 2], String> {
        let mut merged: BTreeMap<String, String> = BTreeMap::new();
        for (fi, translated) in self.translations(language)? {
            merged.insert(crate::text::text_id(&fi), translated);
        }
        let texts: BTreeMap<String, String> = self
            .finnish_texts()
            .into_iter()
            .map(|fi| (crate::text::text_id(&fi), fi))
            .collect();
        for entry in folder {
            let Some(fi) = texts.get(&entry.id) else {
                continue;
            };
            match merged.get(&entry.id) {
                Some(inline) if *inline != entry.text => {
                    return Err(format!(
                        "`{fi}` is translated into {language} both in locales/{language}/texts.ftl:{} as `{}` and in the rules' files as `{inline}`: keep one",
                        entry.line, entry.text
                    ));
                }
                _ => {
                    merged.insert(entry.id.clone(), entry.text.clone());
                }
            }
        }
        let citizen: std::collections::BTreeSet<String> = self
            .citizen_texts()
            .iter()
            .map(|fi| crate::text::text_id(fi))
            .collect();
        let mut bodies = [String::new(), String::new()];
        let mut counts = [0; 2];
        for (id, translated) in merged {
            let value = crate::text::translations::fluent_value(&translated).ok_or_else(|| {
                format!(
                    "the {language} text `{translated}` cannot be written as a Fluent message (a brace, or a line starting with `[`, `*` or `.`)"
                )
            })?;
            let file = usize::from(!citizen.contains(&id));
            bodies[file].push_str(&format!("{id} = {value}\n"));
            counts[file] += 1;
        }
        let totals = [citizen.len(), texts.len().saturating_sub(citizen.len())];
        let [public, worker] = bodies;
        Ok([
            format!(
                "### {} of the {} texts a citizen reads ({language}; made by the build)\n{public}",
                counts[0], totals[0]
            ),
            format!(
                "### {} of the {} texts only the worker flow shows ({language}; made by the build)\n{worker}",
                counts[1], totals[1]
            ),
        ])
    }

    /// The bundle as Rust source ([`crate::bake`]): a function per value that builds it, checked and
    /// compiled, for the app to include (`baked.rs`). Each bundle of the app calls only those it needs.
    pub fn baked(&self) -> String {
        let mut out = String::from(
            "// Written by the build script from rules/ (tyokyky_engine::bundle::Bundle::baked): do not edit.\n",
        );
        let parts: [(&str, &str, &dyn Bake); 6] = [
            ("rules", "ruleset::RuleSet", &self.rules),
            ("citizen_rules", "ruleset::RuleSet", &self.citizen_rules),
            ("catalogue", "catalogue::Catalogue", &self.catalogue),
            (
                "citizen_catalogue",
                "catalogue::Catalogue",
                &self.citizen_catalogue,
            ),
            (
                "questionnaire",
                "questionnaire::Questionnaire",
                &self.questionnaire,
            ),
            (
                "citizen_questionnaire",
                "questionnaire::Questionnaire",
                &self.citizen_questionnaire,
            ),
        ];
        for (name, ty, value) in parts {
            out.push_str(&format!("pub fn {name}() -> ::tyokyky_engine::{ty} {{\n"));
            value.bake(&mut out);
            out.push_str("\n}\n");
        }
        out
    }

    /// Writes [`Bundle::files`] into the folder `dir` (which must exist); returns the paths written.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        for (name, json) in self.files() {
            let path = dir.join(name);
            std::fs::write(&path, json)?;
            written.push(path);
        }
        Ok(written)
    }
}

/// The Finnish of every text in `jsons` ([`texts_in`], not below `skipping`), then `more`, each once in
/// the order met, blank ones left out.
fn distinct_finnish<'a>(
    jsons: &[String],
    skipping: &[&str],
    more: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    texts_in(jsons, skipping)
        .iter()
        .filter_map(|object| object.get("fi").and_then(serde_json::Value::as_str))
        .map(str::to_owned)
        .chain(more.map(str::to_owned))
        .filter(|fi| !fi.trim().is_empty() && seen.insert(fi.clone()))
        .collect()
}

/// Every text in the JSON of `jsons` (an object with a string `fi` and no keys but `sv`, `en` and
/// `selko` beside it, as [`crate::text::Texts`] is written), not looking below the keys named in `skipping`: the translations of a bundle, and the texts
/// a citizen reads.
pub fn texts_in(jsons: &[String], skipping: &[&str]) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let mut found = Vec::new();
    let mut pending: Vec<serde_json::Value> = jsons
        .iter()
        .rev()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    while let Some(value) = pending.pop() {
        match value {
            serde_json::Value::Object(object) => {
                let is_texts = object.get("fi").is_some_and(serde_json::Value::is_string)
                    && object
                        .keys()
                        .all(|key| ["fi", "sv", "en", "selko"].contains(&key.as_str()));
                if is_texts {
                    found.push(object.clone());
                }
                // Children pushed last first, so that they are taken in the order they are written.
                let children: Vec<serde_json::Value> = object
                    .into_iter()
                    .filter(|(key, _)| !skipping.contains(&key.as_str()))
                    .map(|(_, value)| value)
                    .collect();
                pending.extend(children.into_iter().rev());
            }
            serde_json::Value::Array(items) => pending.extend(items.into_iter().rev()),
            _ => {}
        }
    }
    found
}

/// How messages name the rules folder: its last component (`rules`), as in the repository.
fn display(dir: &Path) -> String {
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
