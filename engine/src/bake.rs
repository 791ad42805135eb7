//! Checked rules written as Rust source: baked data. The app's build script compiles `rules/` natively
//! (every check of `tyokyky-rules check` runs there), then writes the rule set, the catalogue and the
//! questionnaire as Rust expressions that build the engine's own values, conditions already compiled.
//! The browser then neither parses JSON nor checks anything: it runs the expressions once, at start.
//!
//! Each type says how it is written with [`Bake`]; the writer for a struct names every field (a new field
//! that is not written fails to compile here), so the baked value is the checked value. A test reads
//! the baked source back with the Rust compiler's own rules only in the app's build; here, tests check
//! the text for a few values.
//!
//! Written by hand rather than with a derive: the values hold chrono's dates and fields private to the
//! engine, which a general derive cannot write.
//!
//! The paths written are the crate's public ones under `::tyokyky_engine`; the types and fields that are
//! otherwise the engine's own are public for this writer only (`#[doc(hidden)]`).

use chrono::{Datelike, NaiveDate};

use crate::catalogue::{
    Catalogue, CatalogueFile, Contact, Counted, Goal, PhoneService, ReportSpec, Sector, Service,
};
use crate::forms::questionnaire::{
    AnswerOption, AnswerType, Derive, Page, Question, Questionnaire, QuestionnaireFile,
};
use crate::law::calendar::CalendarSettings;
use crate::law::facts::{FactCatalogue, FactDefinition, FactType};
use crate::law::rule::{
    Citation, CompiledRules, Condition, Consequence, DeadlineRule, Rule, Scalar, Settings, TimeStandard,
};
use crate::law::ruleset::{Compare, CompiledVersion, Cond, RuleGroup, RuleSet, Then};
use crate::text::Texts;

/// A value that can write itself as a Rust expression that builds it.
pub trait Bake {
    /// Appends the expression to `out`.
    fn bake(&self, out: &mut String);
}

/// The Rust expression that builds `value`.
pub fn baked(value: &impl Bake) -> String {
    let mut out = String::new();
    value.bake(&mut out);
    out
}

macro_rules! bake_number {
    ($($ty:ty),*) => {
        $(impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        })*
    };
}

bake_number!(u8, u32, i64, usize);

impl Bake for bool {
    fn bake(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Bake for String {
    fn bake(&self, out: &mut String) {
        // `Debug` of a `str` is a valid Rust string literal (quotes and backslashes escaped, control and
        // unprintable characters as `\u{…}`).
        if self.is_empty() {
            out.push_str("::std::string::String::new()");
        } else {
            out.push_str(&format!("::tyokyky_engine::text::baked({self:?})"));
        }
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self, out: &mut String) {
        if self.is_empty() {
            out.push_str("Vec::new()");
            return;
        }
        out.push_str("vec![");
        for item in self {
            item.bake(out);
            out.push_str(",\n");
        }
        out.push(']');
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.bake(out);
                out.push(')');
            }
        }
    }
}

impl<T: Bake> Bake for Box<T> {
    fn bake(&self, out: &mut String) {
        out.push_str("Box::new(");
        (**self).bake(out);
        out.push(')');
    }
}

impl<A: Bake, B: Bake> Bake for (A, B) {
    fn bake(&self, out: &mut String) {
        out.push('(');
        self.0.bake(out);
        out.push(',');
        self.1.bake(out);
        out.push(')');
    }
}

impl Bake for NaiveDate {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!(
            "::tyokyky_engine::calendar::ymd({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        ));
    }
}

/// A struct written with every field named: `let Self { … } = self` fails to compile when a field is left
/// out.
macro_rules! bake_struct {
    ($ty:ty = $path:literal { $($field:ident),* $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                let Self { $($field),* } = self;
                out.push_str(concat!("::tyokyky_engine::", $path, " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    Bake::bake($field, out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

/// A struct built by its one-call constructor `Path(a, b, …)`, its fields in declaration order (every
/// field named, so a new one that is not written fails to compile).
macro_rules! bake_call {
    ($ty:ty = $path:literal { $($field:ident),* $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                let Self { $($field),* } = self;
                tuple(out, $path, &[$($field),*]);
            }
        }
    };
}

/// An enum whose variants carry nothing.
macro_rules! bake_unit_enum {
    ($ty:ty = $path:literal { $($variant:ident),* $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                out.push_str(match self {
                    $(Self::$variant => concat!("::tyokyky_engine::", $path, "::", stringify!($variant)),)*
                });
            }
        }
    };
}

/// A call or a tuple variant, `Path(a, b)`.
fn tuple(out: &mut String, path: &str, parts: &[&dyn Bake]) {
    out.push_str("::tyokyky_engine::");
    out.push_str(path);
    out.push('(');
    for part in parts {
        part.bake(out);
        out.push(',');
    }
    out.push(')');
}

/// A struct or a struct variant, `Path { a: …, b: … }`.
fn named(out: &mut String, path: &str, fields: &[(&str, &dyn Bake)]) {
    out.push_str("::tyokyky_engine::");
    out.push_str(path);
    out.push('{');
    for (name, value) in fields {
        out.push_str(name);
        out.push_str(": ");
        value.bake(out);
        out.push(',');
    }
    out.push('}');
}

/// An expression already written.
struct Raw(String);

impl Raw {
    /// [`named`], written apart.
    fn named(path: &str, fields: &[(&str, &dyn Bake)]) -> Raw {
        let mut out = String::new();
        named(&mut out, path, fields);
        Raw(out)
    }
}

impl Bake for Raw {
    fn bake(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

/// A text is baked in Finnish alone: the browser fetches a language's translations with it
/// (`locales/<tag>/texts.ftl`, [`crate::bundle::Bundle::texts_ftl`]), so a bundle carries no language a
/// person does not read.
impl Bake for Texts {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("::tyokyky_engine::rule::Texts::finnish({:?})", self.fi));
    }
}

// The law.
bake_unit_enum!(Compare = "ruleset::Compare" { Eq, Ne, Gt, Ge, Lt, Le });

impl Bake for RuleSet {
    /// Each rule is written once: the compiled versions take a copy of the rule set's own (the rule text
    /// and its citation are most of a rule set's bytes).
    fn bake(&self, out: &mut String) {
        let RuleSet {
            compiled,
            catalogue,
            groups,
            order,
            opening_date,
        } = self;
        let CompiledRules {
            name,
            version,
            source_hash,
            covers_from,
            settings,
            facts,
            rules,
        } = compiled;
        let groups: Vec<Raw> = groups
            .iter()
            .map(
                |RuleGroup {
                     id,
                     versions,
                     wording_by,
                 }| {
                    let versions: Vec<Raw> = versions
                        .iter()
                        .map(|CompiledVersion { rule, when, then }| {
                            // Every version is one of the rule set's rules (the checks compiled them from there).
                            let at = rules
                                .iter()
                                .position(|written| written == rule)
                                .unwrap_or_default();
                            let rule = Raw(format!("rules[{at}].clone()"));
                            Raw::named(
                                "ruleset::CompiledVersion",
                                &[("rule", &rule), ("when", when), ("then", then)],
                            )
                        })
                        .collect();
                    Raw::named(
                        "ruleset::RuleGroup",
                        &[("id", id), ("versions", &versions), ("wording_by", wording_by)],
                    )
                },
            )
            .collect();
        let compiled = Raw::named(
            "rule::CompiledRules",
            &[
                ("name", name),
                ("version", version),
                ("source_hash", source_hash),
                ("covers_from", covers_from),
                ("settings", settings),
                ("facts", facts),
                ("rules", &Raw("rules".to_owned())),
            ],
        );
        // The versions copy the rules before the compiled rules take them.
        out.push_str("{\nlet rules: Vec<::tyokyky_engine::rule::Rule> = ");
        rules.bake(out);
        out.push_str(";\nlet groups = ");
        groups.bake(out);
        out.push_str(";\n");
        named(
            out,
            "ruleset::RuleSet",
            &[
                ("compiled", &compiled),
                ("catalogue", catalogue),
                ("groups", &Raw("groups".to_owned())),
                ("order", order),
                ("opening_date", opening_date),
            ],
        );
        out.push_str("\n}");
    }
}
bake_struct!(Settings = "rule::Settings" { calendar });
bake_struct!(CalendarSettings = "calendar::CalendarSettings" { count_saturdays, roll_forward });
bake_struct!(FactCatalogue = "facts::FactCatalogue" { definitions });
bake_call!(FactDefinition = "facts::FactDefinition::baked" {
    name, fact_type, description_fi, min, max,
});
bake_call!(Rule = "rule::Rule::baked" {
    id, title_fi, citation, text_fi, valid_from, valid_to, wording_by, when, then, message,
});
bake_call!(Citation = "rule::Citation::baked" {
    statute, statute_name, section, subsection, paragraphs, wording, url,
});
impl Bake for Condition {
    /// The common shapes through one call each ([`Condition::baked_is`] and the others), the rest as a
    /// literal that names every field (a field added to `Condition` and not written fails to compile).
    fn bake(&self, out: &mut String) {
        let Condition {
            all,
            any,
            not,
            applies,
            fact,
            is,
            eq,
            ne,
            gt,
            ge,
            lt,
            le,
            one_of,
            present,
            before,
            age_over,
            born,
            age,
            on,
        } = self;
        let others = not.is_some()
            || applies.is_some()
            || ne.is_some()
            || present.is_some()
            || before.is_some()
            || age_over.is_some()
            || born.is_some()
            || age.is_some()
            || on.is_some();
        let numbers = [gt, ge, lt, le];
        let compared = numbers.iter().filter(|number| number.is_some()).count();
        let tested = is.is_some() || eq.is_some() || one_of.is_some() || compared > 0;
        if !others {
            match (all, any, fact, is, eq, one_of) {
                (None, None, Some(fact), Some(is), None, None) if compared == 0 => {
                    return tuple(out, "rule::Condition::baked_is", &[fact, is]);
                }
                (None, None, Some(fact), None, Some(eq), None) if compared == 0 => {
                    return tuple(out, "rule::Condition::baked_eq", &[fact, eq]);
                }
                (None, None, Some(fact), None, None, Some(values)) if compared == 0 => {
                    return tuple(out, "rule::Condition::baked_in", &[fact, values]);
                }
                (None, None, Some(fact), None, None, None) if compared == 1 => {
                    if let Some((compare, value)) = numbers
                        .into_iter()
                        .zip(0_u8..)
                        .find_map(|(number, compare)| number.map(|value| (compare, value)))
                    {
                        return tuple(out, "rule::Condition::baked_number", &[fact, &compare, &value]);
                    }
                }
                (Some(parts), None, None, ..) if !tested => {
                    return tuple(out, "rule::Condition::baked_all", &[parts]);
                }
                (None, Some(parts), None, ..) if !tested => {
                    return tuple(out, "rule::Condition::baked_any", &[parts]);
                }
                _ => {}
            }
        }
        named(
            out,
            "rule::Condition",
            &[
                ("all", all),
                ("any", any),
                ("not", not),
                ("applies", applies),
                ("fact", fact),
                ("is", is),
                ("eq", eq),
                ("ne", ne),
                ("gt", gt),
                ("ge", ge),
                ("lt", lt),
                ("le", le),
                ("one_of", one_of),
                ("present", present),
                ("before", before),
                ("age_over", age_over),
                ("born", born),
                ("age", age),
                ("on", on),
            ],
        );
    }
}
bake_struct!(DeadlineRule = "rule::DeadlineRule" { deadline, from, working_days, months, standard });
bake_unit_enum!(TimeStandard = "rule::TimeStandard" { Immediately, WithoutDelay, WithoutUndueDelay });

impl Bake for Cond {
    fn bake(&self, out: &mut String) {
        match self {
            Cond::All(parts) => tuple(out, "ruleset::Cond::All", &[parts]),
            Cond::Any(parts) => tuple(out, "ruleset::Cond::Any", &[parts]),
            Cond::Not(part) => tuple(out, "ruleset::Cond::Not", &[part]),
            Cond::Applies(group) => tuple(out, "ruleset::Cond::Applies", &[group]),
            Cond::Is(fact, value) => tuple(out, "ruleset::Cond::Is", &[fact, value]),
            Cond::Number(fact, compare, value) => {
                tuple(out, "ruleset::Cond::Number", &[fact, compare, value]);
            }
            Cond::Choice { fact, values, negate } => named(
                out,
                "ruleset::Cond::Choice",
                &[("fact", fact), ("values", values), ("negate", negate)],
            ),
            Cond::Present(fact, value) => tuple(out, "ruleset::Cond::Present", &[fact, value]),
            Cond::Before { fact, than } => {
                named(out, "ruleset::Cond::Before", &[("fact", fact), ("than", than)]);
            }
            Cond::AgeOver { years, born, age, on } => named(
                out,
                "ruleset::Cond::AgeOver",
                &[("years", years), ("born", born), ("age", age), ("on", on)],
            ),
        }
    }
}

impl Bake for Then {
    fn bake(&self, out: &mut String) {
        match self {
            Then::Requirement { must } => named(out, "ruleset::Then::Requirement", &[("must", must)]),
            Then::Deadline { from } => named(out, "ruleset::Then::Deadline", &[("from", from)]),
            Then::Role { must } => named(out, "ruleset::Then::Role", &[("must", must)]),
            Then::Routing => out.push_str("::tyokyky_engine::ruleset::Then::Routing"),
            Then::Notice => out.push_str("::tyokyky_engine::ruleset::Then::Notice"),
        }
    }
}

impl Bake for FactType {
    fn bake(&self, out: &mut String) {
        match self {
            FactType::Bool => out.push_str("::tyokyky_engine::facts::FactType::Bool"),
            FactType::Int => out.push_str("::tyokyky_engine::facts::FactType::Int"),
            FactType::Date => out.push_str("::tyokyky_engine::facts::FactType::Date"),
            FactType::Text => out.push_str("::tyokyky_engine::facts::FactType::Text"),
            FactType::Choice(values) => tuple(out, "facts::FactType::Choice", &[values]),
        }
    }
}

impl Bake for Scalar {
    fn bake(&self, out: &mut String) {
        match self {
            Scalar::Bool(value) => tuple(out, "rule::Scalar::Bool", &[value]),
            Scalar::Int(value) => tuple(out, "rule::Scalar::Int", &[value]),
            Scalar::Text(value) => tuple(out, "rule::Scalar::Text", &[value]),
        }
    }
}

impl Bake for Consequence {
    fn bake(&self, out: &mut String) {
        match self {
            Consequence::Requirement {
                must,
                fields,
                blocking,
            } => named(
                out,
                "rule::Consequence::Requirement",
                &[("must", must), ("fields", fields), ("blocking", blocking)],
            ),
            Consequence::Deadline(rule) => tuple(out, "rule::Consequence::Deadline", &[rule]),
            Consequence::Role {
                task,
                role,
                must,
                fields,
            } => named(
                out,
                "rule::Consequence::Role",
                &[("task", task), ("role", role), ("must", must), ("fields", fields)],
            ),
            Consequence::Routing { route } => {
                named(out, "rule::Consequence::Routing", &[("route", route)]);
            }
            Consequence::Notice => out.push_str("::tyokyky_engine::rule::Consequence::Notice"),
        }
    }
}

// The county's catalogue.
bake_struct!(Catalogue = "catalogue::Catalogue" { file, suits, groups, needs });
bake_call!(Service = "catalogue::Service::baked" {
    id, name, provider, sector, suits_whom, how_to_reach, leads_to, suits, law, meets,
});
bake_struct!(ReportSpec = "catalogue::ReportSpec" { groups, needs });
bake_call!(Counted = "catalogue::Counted::baked" { id, name, when });
bake_struct!(Contact = "catalogue::Contact" { social_emergency, call_back_working_days });
bake_struct!(PhoneService = "catalogue::PhoneService" { phone, name });
bake_unit_enum!(Goal = "catalogue::Goal" {
    Work, Education, Rehabilitation, PensionAssessment, Participation,
});
bake_unit_enum!(Sector = "catalogue::Sector" {
    SocialServices, EmploymentServices, Kela, HealthCare, Education, Organisations,
});

impl Bake for CatalogueFile {
    /// Through [`CatalogueFile::baked`]: the privacy facts are the notice generator's, not the app's.
    fn bake(&self, out: &mut String) {
        let CatalogueFile {
            county,
            version,
            contact,
            privacy: _,
            service,
            report,
        } = self;
        tuple(
            out,
            "catalogue::CatalogueFile::baked",
            &[county, version, contact, service, report],
        );
    }
}

// The self-assessment questionnaire.
bake_struct!(Questionnaire = "questionnaire::Questionnaire" {
    file, answer_facts, slots, show_if, sets, choice_positions, derives, derive_sources,
});
bake_struct!(QuestionnaireFile = "questionnaire::QuestionnaireFile" {
    id, version, title, intro, page, question, derive,
});
bake_struct!(Page = "questionnaire::Page" { id, title });
bake_call!(Question = "questionnaire::Question::baked" {
    id, page, answer_type, text, help, why, sensitive, required, sets, show_if, low, high, options,
});
bake_call!(AnswerOption = "questionnaire::AnswerOption::baked" { value, text, exclusive });
bake_struct!(Derive = "questionnaire::Derive" { fact, when });
bake_unit_enum!(AnswerType = "questionnaire::AnswerType" { YesNo, Score, Choice, Multi, Text });

#[cfg(test)]
mod tests {
    use super::*;

    /// The text without line breaks, for comparing.
    fn flat(value: &impl Bake) -> String {
        baked(value).replace('\n', "")
    }

    #[test]
    fn values_are_written_as_the_expressions_that_build_them() {
        let texts = Texts {
            fi: "Työ \"ja\" \\ arki\n".to_owned(),
            sv: None,
            en: Some("x".to_owned()),
            selko: None,
        };
        assert_eq!(
            flat(&texts),
            "::tyokyky_engine::rule::Texts::finnish(\"Työ \\\"ja\\\" \\\\ arki\\n\")",
            "the Finnish alone: the translations are fetched with their language"
        );
        assert_eq!(
            flat(&vec![Some("a".to_owned()), None]),
            "vec![Some(::tyokyky_engine::text::baked(\"a\")),None,]"
        );
        let condition = Cond::All(vec![
            Cond::Number(3, Compare::Ge, -2),
            Cond::Not(Box::new(Cond::Choice {
                fact: 1,
                values: vec![],
                negate: true,
            })),
        ]);
        assert_eq!(
            flat(&condition),
            "::tyokyky_engine::ruleset::Cond::All(vec![::tyokyky_engine::ruleset::Cond::Number(3,\
             ::tyokyky_engine::ruleset::Compare::Ge,-2,),::tyokyky_engine::ruleset::Cond::Not(Box::new(\
             ::tyokyky_engine::ruleset::Cond::Choice{fact: 1,values: Vec::new(),negate: true,}),),],)"
        );
        let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default();
        assert_eq!(flat(&date), "::tyokyky_engine::calendar::ymd(2024, 2, 29)");
    }
}
