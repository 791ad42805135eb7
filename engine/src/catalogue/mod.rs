//! The county service catalogue: the services a client plan can choose from, who each suits (a condition
//! over the same facts as the rules) and what it leads towards. Matching a case gives, per service,
//! whether it fits, and a **service gap** when nothing in the catalogue leads where the client is going
//! in the client's situation, so that a plan shows the gap instead of forcing a wrong choice.
//!
//! The catalogue is a TOML file per county (`rules/services/*.toml`), validated like the rules and
//! embedded at build time; a county swaps in its own file. Beside the services it may give the county's
//! own contact settings (`[contact]`, [`Contact`]): its social emergency service, shown beside urgent
//! help, and within how many working days a contact request is answered, shown on the receipt. It may also
//! give the county's facts for the privacy notice (`[privacy]`, [`Privacy`]), which the notice's static
//! pages are made from and the app's bundle leaves out.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::law::check::compile_fact_condition;
use crate::law::error::{LoadError, LoadErrors, Location};
use crate::law::eval::{Truth, truth, unknown_facts};
use crate::law::facts::Facts;
use crate::law::rule::Condition;
use crate::law::ruleset::{Cond, RuleSet};
use crate::text::Texts;

#[cfg(feature = "toml")]
pub mod load;
#[cfg(feature = "toml")]
pub mod privacy;

#[cfg(feature = "toml")]
pub use privacy::{DataProtectionOfficer, Privacy, RETENTION_DAYS, Retention};

/// The fact that holds what the client is aiming for.
pub const GOAL_FACT: &str = "client.goal";

/// What a service leads towards; the same values as the fact `client.goal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Work.
    Work,
    /// Education or training.
    Education,
    /// Rehabilitation.
    Rehabilitation,
    /// Clarifying the pension question (work-ability assessment).
    PensionAssessment,
    /// Meaningful activity and participation.
    Participation,
}

impl Goal {
    /// Every goal.
    pub const ALL: [Goal; 5] = [
        Goal::Work,
        Goal::Education,
        Goal::Rehabilitation,
        Goal::PensionAssessment,
        Goal::Participation,
    ];

    /// The goal's name, as in `client.goal` and `leads_to`.
    pub fn name(self) -> &'static str {
        match self {
            Goal::Work => "work",
            Goal::Education => "education",
            Goal::Rehabilitation => "rehabilitation",
            Goal::PensionAssessment => "pension_assessment",
            Goal::Participation => "participation",
        }
    }

    /// The goal called `name`.
    pub fn from_name(name: &str) -> Option<Goal> {
        Goal::ALL.into_iter().find(|goal| goal.name() == name)
    }
}

/// The sector a service belongs to (who runs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// The wellbeing services county's social services.
    SocialServices,
    /// The municipality's employment services (työvoimaviranomainen).
    EmploymentServices,
    /// Kela.
    Kela,
    /// Health care.
    HealthCare,
    /// Education.
    Education,
    /// Organisations and associations (järjestöt).
    Organisations,
}

/// One service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable id, lowercase with hyphens.
    pub id: String,
    /// Its name.
    pub name: Texts,
    /// Who provides it.
    pub provider: Texts,
    /// Its sector.
    pub sector: Sector,
    /// Who it suits, in words.
    pub suits_whom: Texts,
    /// How to reach it.
    pub how_to_reach: Texts,
    /// What it leads towards.
    pub leads_to: Vec<Goal>,
    /// When it suits a client (always, if absent), over the facts of `rules/facts.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suits: Option<Condition>,
    /// The law it rests on, e.g. `189/2001`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// The needs of `[report]` it meets, by id: a need that holds for a person and that no suitable
    /// service meets is a service gap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meets: Vec<String>,
}

/// A service as the baked data writes it (`crate::bake`): one call, where a struct literal would name
/// every field at every place one is built.
#[doc(hidden)]
impl Service {
    #[inline(never)]
    #[allow(
        clippy::too_many_arguments,
        reason = "one argument per field, written by the build script"
    )]
    pub fn baked(
        id: String,
        name: Texts,
        provider: Texts,
        sector: Sector,
        suits_whom: Texts,
        how_to_reach: Texts,
        leads_to: Vec<Goal>,
        suits: Option<Condition>,
        law: Option<String>,
        meets: Vec<String>,
    ) -> Service {
        Service {
            id,
            name,
            provider,
            sector,
            suits_whom,
            how_to_reach,
            leads_to,
            suits,
            law,
            meets,
        }
    }
}

#[doc(hidden)]
impl Counted {
    #[inline(never)]
    pub fn baked(id: String, name: Texts, when: Condition) -> Counted {
        Counted { id, name, when }
    }
}

/// A target group or a need the county counts in its report (`[[report.group]]`, `[[report.need]]`),
/// with the condition over facts that tells whether it concerns a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counted {
    /// Stable id, lowercase letters, digits and hyphens (kept in documents and reports).
    pub id: String,
    /// Its name in the report.
    pub name: Texts,
    /// When it concerns a person.
    pub when: Condition,
}

/// What the county counts (`[report]`): the target groups it follows and the needs whose service gaps
/// it wants to see.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSpec {
    /// The target groups.
    #[serde(default, rename = "group", skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Counted>,
    /// The needs.
    #[serde(default, rename = "need", skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Counted>,
}

/// The service gaps of one person: each goal and each need of `[report]` for which the catalogue had no
/// suitable service, by the catalogue's own names (never free text).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gaps {
    /// Goals (`client.goal`) no suitable service leads towards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Needs of the catalogue's `[report]` that hold and that no suitable service meets, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<crate::text::Id>,
}

impl Gaps {
    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.needs.is_empty()
    }
}

/// The fewest and the most working days a county may give for answering a contact request.
pub const CALL_BACK_WORKING_DAYS: std::ops::RangeInclusive<u32> = 1..=30;

/// The fewest digits a phone number may have (`112` has three).
pub const MIN_PHONE_DIGITS: usize = 3;

/// The county's own contact settings (`[contact]`); each is optional, and the app shows what is given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The county's social emergency service (sosiaalipäivystys), shown beside urgent help as a number
    /// to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_emergency: Option<PhoneService>,
    /// Within how many working days (1 to 30) a non-urgent contact request is answered, shown on the
    /// receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_back_working_days: Option<u32>,
}

/// A service a person phones: its number and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneService {
    /// The number as a person would dial it, e.g. `+358 9 0000 0000`: digits, spaces and hyphens, `+`
    /// only at the start, at least [`MIN_PHONE_DIGITS`] digits (checked when the catalogue loads).
    pub phone: String,
    /// Its name, e.g. "Esimerkin hyvinvointialueen sosiaalipäivystys".
    pub name: Texts,
}

impl PhoneService {
    /// The number as a `tel:` link, without spaces and hyphens: `+358 9 0000 0000` gives
    /// `tel:+358900000000`.
    pub fn tel_uri(&self) -> String {
        let number: String = self
            .phone
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        format!("tel:{number}")
    }
}

/// Why `phone` is not a number a person could dial, if it is not.
fn phone_problem(phone: &str) -> Option<String> {
    let stray = phone
        .char_indices()
        .find(|&(at, c)| !(c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && at == 0)));
    if let Some((_, c)) = stray {
        return Some(if c == '+' {
            "`+` may only begin it".to_owned()
        } else {
            format!("`{c}` is not allowed (only digits, spaces, hyphens and a leading `+`)")
        });
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (digits < MIN_PHONE_DIGITS).then(|| format!("it has {digits} digits, fewer than {MIN_PHONE_DIGITS}"))
}

/// A catalogue as written and as compiled to JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// The county, e.g. `Esimerkin hyvinvointialue`.
    pub county: String,
    /// The catalogue's version, carried into plans.
    pub version: String,
    /// The county's own contact settings (`[contact]`), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The county's facts for the privacy notice (`[privacy]`), if given. Read from the county's TOML
    /// file only (the `toml` feature) and never written to the compiled JSON: the app does not show them,
    /// the notice's static pages do, and the app's reader stays without them.
    #[cfg(feature = "toml")]
    #[serde(default, skip_serializing)]
    pub privacy: Option<Privacy>,
    /// The services.
    pub service: Vec<Service>,
    /// What the county counts in its report, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportSpec>,
}

/// A validated catalogue with its conditions compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub file: CatalogueFile,
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub suits: Vec<Option<Cond>>,
    /// The conditions of `[report]`'s groups, in order.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub groups: Vec<Cond>,
    /// The conditions of `[report]`'s needs, in order.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub needs: Vec<Cond>,
}

/// How one service fits a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit<'a> {
    /// The service.
    pub service: &'a Service,
    /// Whether it suits the client: `None` until the facts it depends on are known.
    pub fits: Option<bool>,
    /// The facts still needed to tell.
    pub needs: Vec<&'a str>,
}

/// Whether the catalogue has something for the client's goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap<'a> {
    /// At least one suitable service leads towards the goal.
    None,
    /// No service in the catalogue leads towards the goal in the client's situation.
    ForGoal(Goal),
    /// It depends on facts not known yet.
    Undetermined {
        /// The facts still needed.
        needs: Vec<&'a str>,
    },
    /// The client's goal is not known yet.
    GoalUnknown,
}

/// The catalogue matched against one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching<'a> {
    /// Every service with its fit, in catalogue order.
    pub fits: Vec<Fit<'a>>,
    /// Whether there is a service gap for the client's goal.
    pub gap: Gap<'a>,
    /// The client's goal (`client.goal`), if known.
    pub goal: Option<Goal>,
}

/// Whether `id` is a stable id: lowercase letters, digits and hyphens, not empty.
fn is_id(id: &str) -> bool {
    crate::text::Id::new(id).is_some()
}

/// The checks of `[report]` and of the services' `meets`; the groups' and needs' conditions compiled.
fn check_report(
    catalogue: &CatalogueFile,
    rules: &RuleSet,
    file: &str,
    service_lines: &[usize],
    line_of: &dyn Fn(&str) -> Option<usize>,
    errors: &mut Vec<LoadError>,
) -> (Vec<Cond>, Vec<Cond>) {
    let spec = catalogue.report.clone().unwrap_or_default();
    let at = Location {
        file: file.to_owned(),
        line: line_of("report"),
        ..Location::default()
    };
    let mut compiled = [Vec::new(), Vec::new()];
    for ((kind, entries), out) in [("group", &spec.groups), ("need", &spec.needs)]
        .into_iter()
        .zip(&mut compiled)
    {
        let mut seen = HashSet::new();
        for (index, entry) in entries.iter().enumerate() {
            let at = Location {
                line: line_of(&format!("report.{kind}.{index}")).or(at.line),
                ..at.clone()
            };
            let here = |message: String| {
                LoadError::new(at.clone(), format!("`report.{kind}` `{}`: {message}", entry.id))
            };
            if !is_id(&entry.id) {
                errors.push(here(
                    "the id must be lowercase letters, digits and hyphens".to_owned(),
                ));
            }
            if !seen.insert(entry.id.as_str()) {
                errors.push(here("the id is used twice".to_owned()));
            }
            for language in entry.name.empty_languages() {
                errors.push(here(format!("`name.{language}` is empty")));
            }
            let location = Location {
                rule_id: Some(format!("report.{kind}.{}", entry.id)),
                ..at.clone()
            };
            if let Some(condition) = compile_fact_condition(rules.catalogue(), &entry.when, location, errors)
            {
                out.push(condition);
            }
        }
    }
    for (index, service) in catalogue.service.iter().enumerate() {
        for need in &service.meets {
            if !spec.needs.iter().any(|declared| declared.id == *need) {
                let at = Location {
                    line: service_lines.get(index).copied(),
                    rule_id: Some(service.id.clone()),
                    entry: crate::law::error::Entry::Service,
                    ..at.clone()
                };
                errors.push(LoadError::new(
                    at,
                    format!("`meets` names `{need}`, which `[report]` does not declare as a need"),
                ));
            }
        }
    }
    let [groups, needs] = compiled;
    (groups, needs)
}

/// The checks of `[contact]`, each problem located at `at`.
fn check_contact(contact: &Contact, at: &Location, errors: &mut Vec<LoadError>) {
    if let Some(service) = &contact.social_emergency {
        if let Some(problem) = phone_problem(&service.phone) {
            errors.push(LoadError::new(
                at.clone(),
                format!(
                    "`contact.social_emergency.phone` `{}` is not a phone number: {problem}",
                    service.phone
                ),
            ));
        }
        for language in service.name.empty_languages() {
            errors.push(LoadError::new(
                at.clone(),
                format!("`contact.social_emergency.name.{language}` is empty"),
            ));
        }
    }
    if let Some(days) = contact.call_back_working_days
        && !CALL_BACK_WORKING_DAYS.contains(&days)
    {
        errors.push(LoadError::new(
            at.clone(),
            format!(
                "`contact.call_back_working_days` is {days}: it must be {} to {} working days",
                CALL_BACK_WORKING_DAYS.start(),
                CALL_BACK_WORKING_DAYS.end()
            ),
        ));
    }
}

impl CatalogueFile {
    /// A catalogue file as the baked data writes it (`crate::bake`): the privacy facts, which only the
    /// privacy notice's generator reads, left out.
    #[doc(hidden)]
    pub fn baked(
        county: String,
        version: String,
        contact: Option<Contact>,
        service: Vec<Service>,
        report: Option<ReportSpec>,
    ) -> CatalogueFile {
        CatalogueFile {
            county,
            version,
            contact,
            #[cfg(feature = "toml")]
            privacy: None,
            service,
            report,
        }
    }
}

impl Catalogue {
    /// Validates a catalogue against the fact catalogue of `rules`. `file` names it in messages;
    /// `service_lines[i]` is the line of the i-th `[[service]]`, and `line_of` gives the line of a
    /// setting by its dotted key (`contact`, `privacy.retention.draft_days`), when known.
    pub fn new(
        catalogue: CatalogueFile,
        rules: &RuleSet,
        file: &str,
        service_lines: &[usize],
        line_of: &dyn Fn(&str) -> Option<usize>,
    ) -> Result<Catalogue, LoadErrors> {
        let mut errors = Vec::new();
        let mut ids = HashSet::new();
        let whole = Location {
            file: file.to_owned(),
            ..Location::default()
        };
        for (name, value) in [("county", &catalogue.county), ("version", &catalogue.version)] {
            if value.trim().is_empty() {
                errors.push(LoadError::new(whole.clone(), format!("`{name}` is empty")));
            }
        }
        if let Some(contact) = &catalogue.contact {
            let at = Location {
                line: line_of("contact"),
                ..whole.clone()
            };
            check_contact(contact, &at, &mut errors);
        }
        #[cfg(feature = "toml")]
        if let Some(privacy) = &catalogue.privacy {
            for (key, message) in privacy::check_privacy(privacy) {
                let at = Location {
                    line: line_of(&key),
                    ..whole.clone()
                };
                errors.push(LoadError::new(at, message));
            }
        }
        if catalogue.service.is_empty() {
            errors.push(LoadError::new(whole.clone(), "the catalogue has no services"));
        }
        let mut suits = Vec::new();
        for (index, service) in catalogue.service.iter().enumerate() {
            let location = Location {
                file: file.to_owned(),
                line: service_lines.get(index).copied(),
                rule_id: Some(service.id.clone()),
                section: None,
                entry: crate::law::error::Entry::Service,
            };
            let id_ok = !service.id.is_empty()
                && service
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !id_ok {
                errors.push(LoadError::new(
                    location.clone(),
                    format!(
                        "service id `{}` must be lowercase letters, digits and hyphens",
                        service.id
                    ),
                ));
            }
            if !ids.insert(service.id.clone()) {
                errors.push(LoadError::new(
                    location.clone(),
                    format!("service id `{}` is used twice", service.id),
                ));
            }
            for (name, texts) in [
                ("name", &service.name),
                ("provider", &service.provider),
                ("suits_whom", &service.suits_whom),
                ("how_to_reach", &service.how_to_reach),
            ] {
                for language in texts.empty_languages() {
                    errors.push(LoadError::new(
                        location.clone(),
                        format!("`{name}.{language}` is empty"),
                    ));
                }
            }
            if service.leads_to.is_empty() {
                errors.push(LoadError::new(location.clone(), "`leads_to` names no goal"));
            }
            suits.push(service.suits.as_ref().and_then(|condition| {
                compile_fact_condition(rules.catalogue(), condition, location, &mut errors)
            }));
        }
        let (groups, needs) = check_report(&catalogue, rules, file, service_lines, line_of, &mut errors);
        let goal_values = rules
            .catalogue()
            .index(GOAL_FACT)
            .and_then(|index| rules.catalogue().get(index))
            .map(|d| &d.fact_type);
        match goal_values {
            Some(crate::law::facts::FactType::Choice(values)) if values.iter().all(|value| Goal::from_name(value).is_some()) => {}
            _ => errors.push(LoadError::new(
                whole,
                format!("the fact catalogue must declare `{GOAL_FACT}` as a choice of the goals `work`, `education`, `rehabilitation`, `pension_assessment`, `participation`"),
            )),
        }
        if errors.is_empty() {
            Ok(Catalogue {
                file: catalogue,
                suits,
                groups,
                needs,
            })
        } else {
            Err(LoadErrors(errors))
        }
    }

    /// Reads a compiled catalogue (JSON) and validates it against `rules`.
    pub fn from_json(json: &str, rules: &RuleSet, file: &str) -> Result<Catalogue, LoadErrors> {
        let catalogue: CatalogueFile = crate::law::error::from_json_located(json, file)?;
        Catalogue::new(catalogue, rules, file, &[], &|_| None)
    }

    /// The catalogue as compiled JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.file).unwrap_or_default()
    }

    /// The county, version and services.
    pub fn file(&self) -> &CatalogueFile {
        &self.file
    }

    /// The county's own contact settings (`[contact]`), if the catalogue gives them.
    pub fn contact(&self) -> Option<&Contact> {
        self.file.contact.as_ref()
    }

    /// The county's facts for the privacy notice (`[privacy]`), if the catalogue gives them. Read from the
    /// catalogue's TOML only: a catalogue read back from its compiled JSON has none.
    #[cfg(feature = "toml")]
    pub fn privacy(&self) -> Option<&Privacy> {
        self.file.privacy.as_ref()
    }

    /// The county's social emergency service (sosiaalipäivystys), to show beside urgent help as a number
    /// to call ([`PhoneService::tel_uri`]), if the catalogue gives it.
    pub fn social_emergency(&self) -> Option<&PhoneService> {
        self.contact()?.social_emergency.as_ref()
    }

    /// Within how many working days (1 to 30) a non-urgent contact request is answered, to show on the
    /// receipt, if the catalogue says.
    pub fn call_back_working_days(&self) -> Option<u32> {
        self.contact()?.call_back_working_days
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.file.service.iter().find(|service| service.id == id)
    }

    /// Which services suit the case, and whether there is a gap for the client's goal.
    pub fn matching<'a>(&'a self, rules: &'a RuleSet, facts: &Facts) -> Matching<'a> {
        let fact_catalogue = rules.catalogue();
        let no_rules = |_: usize| None;
        let fits: Vec<Fit<'a>> = self
            .file
            .service
            .iter()
            .zip(&self.suits)
            .map(|(service, suits)| {
                let fits: Truth = suits
                    .as_ref()
                    .map_or(Some(true), |condition| truth(condition, facts, &[]));
                let mut needs = Vec::new();
                if fits.is_none()
                    && let Some(condition) = suits
                {
                    unknown_facts(condition, facts, &[], fact_catalogue, &no_rules, &mut needs);
                }
                Fit { service, fits, needs }
            })
            .collect();
        let goal = fact_catalogue.index(GOAL_FACT).and_then(|index| {
            match (
                facts.get(index),
                fact_catalogue.get(index).map(|definition| &definition.fact_type),
            ) {
                (
                    Some(crate::law::facts::Value::Choice(choice)),
                    Some(crate::law::facts::FactType::Choice(values)),
                ) => values.get(*choice).and_then(|name| Goal::from_name(name)),
                _ => None,
            }
        });
        let gap = match goal {
            None => Gap::GoalUnknown,
            Some(goal) => {
                let towards: Vec<&Fit<'a>> = fits
                    .iter()
                    .filter(|fit| fit.service.leads_to.contains(&goal))
                    .collect();
                if towards.iter().any(|fit| fit.fits == Some(true)) {
                    Gap::None
                } else if towards.iter().any(|fit| fit.fits.is_none()) {
                    let mut needs = Vec::new();
                    for fit in towards.iter().filter(|fit| fit.fits.is_none()) {
                        for need in &fit.needs {
                            if !needs.contains(need) {
                                needs.push(*need);
                            }
                        }
                    }
                    Gap::Undetermined { needs }
                } else {
                    Gap::ForGoal(goal)
                }
            }
        };
        Matching { fits, gap, goal }
    }

    /// The target groups of `[report]` the facts place a person in (their condition true), by id.
    pub fn groups_of(&self, facts: &Facts) -> Vec<crate::text::Id> {
        let groups = self.file.report.iter().flat_map(|spec| &spec.groups);
        groups
            .zip(&self.groups)
            .filter(|(_, condition)| truth(condition, facts, &[]) == Some(true))
            .filter_map(|(group, _)| crate::text::Id::new(&group.id))
            .collect()
    }

    /// The service gaps of a person: the goal, when no suitable service leads towards it, and each need
    /// of `[report]` that holds while no suitable service meets it.
    pub fn gaps(&self, matching: &Matching<'_>, facts: &Facts) -> Gaps {
        let goals = match matching.gap {
            Gap::ForGoal(goal) => vec![goal],
            _ => Vec::new(),
        };
        let needs = self.file.report.iter().flat_map(|spec| &spec.needs);
        let needs = needs
            .zip(&self.needs)
            .filter(|(_, condition)| truth(condition, facts, &[]) == Some(true))
            .filter(|(need, _)| {
                !matching
                    .fits
                    .iter()
                    .any(|fit| fit.fits == Some(true) && fit.service.meets.contains(&need.id))
            })
            .filter_map(|(need, _)| crate::text::Id::new(&need.id))
            .collect();
        Gaps { goals, needs }
    }
}
