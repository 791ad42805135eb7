//! A questionnaire as data: the questions a person answers on their own (the self-assessment), which
//! question is shown when, and how answers become the facts that the rules and the service catalogue
//! read. A county changes the file (`rules/questionnaires/*.toml`), not the code.
//!
//! Each question is also a fact of its own little catalogue, named by its id (a `multi` question gives
//! one yes/no per option, `<id>.<option>`), so `show_if` and `[[derive]]` conditions are written in the
//! same condition language as the rules, with `question = "…"` in place of `fact = "…"`. A skipped
//! question is unknown, and the three-valued logic of the rules carries that through: a derived fact over
//! a skipped question stays unknown instead of turning into a quiet "no".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{GOAL_FACT, Goal, Service};
use crate::law::check::compile_condition_naming;
use crate::law::error::{Entry, LoadError, LoadErrors, Location};
use crate::law::eval::truth;
use crate::law::facts::{FactCatalogue, FactDefinition, FactType, Facts, Value};
use crate::law::rule::Condition;
use crate::law::ruleset::{Cond, RuleSet};
use crate::text::MAX_FREE_TEXT_CHARS;
use crate::text::Texts;

mod check;
#[cfg(feature = "toml")]
pub mod load;

/// The highest value of a `score` question (the lowest is 0).
pub const SCORE_MAX: u8 = 10;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerType {
    /// Yes or no.
    YesNo,
    /// A whole number from 0 to [`SCORE_MAX`].
    Score,
    /// One of the options.
    Choice,
    /// Any number of the options.
    Multi,
    /// Free text, at most [`MAX_FREE_TEXT_CHARS`] characters.
    Text,
}

/// One option of a `choice` or `multi` question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable value, lowercase letters, digits and underscores (kept in documents).
    pub value: String,
    /// What the person reads.
    pub text: Texts,
    /// For a `multi`: choosing this option clears the others, and choosing another clears it (e.g.
    /// "none of these").
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// A group of questions, for the progress indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Stable id, lowercase letters, digits and hyphens.
    pub id: String,
    /// Its title.
    pub title: Texts,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, lowercase letters, digits and underscores (kept in documents).
    pub id: String,
    /// The page it belongs to.
    pub page: String,
    /// How it is answered.
    #[serde(rename = "type")]
    pub answer_type: AnswerType,
    /// The question itself (the screen's heading).
    pub text: Texts,
    /// A hint under the question: only what is needed to answer it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Texts>,
    /// Why it is asked, shown on request ("why we ask").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Texts>,
    /// A sensitive question is always skippable, and the app says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    /// Whether an answer is needed to go on.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The fact of `rules/facts.toml` the answer sets directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<String>,
    /// When the question is shown (always, if absent); names earlier questions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// For a score: what 0 means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Texts>,
    /// For a score: what the highest value means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Texts>,
    /// For `choice` and `multi`: the options, in the order shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
}

/// The questionnaire's parts as the baked data writes them (`crate::bake`): one call each, where a struct
/// literal would name every field at every place one is built.
#[doc(hidden)]
impl Question {
    #[inline(never)]
    #[allow(
        clippy::too_many_arguments,
        reason = "one argument per field, written by the build script"
    )]
    pub fn baked(
        id: String,
        page: String,
        answer_type: AnswerType,
        text: Texts,
        help: Option<Texts>,
        why: Option<Texts>,
        sensitive: bool,
        required: bool,
        sets: Option<String>,
        show_if: Option<Condition>,
        low: Option<Texts>,
        high: Option<Texts>,
        options: Vec<AnswerOption>,
    ) -> Question {
        Question {
            id,
            page,
            answer_type,
            text,
            help,
            why,
            sensitive,
            required,
            sets,
            show_if,
            low,
            high,
            options,
        }
    }
}

#[doc(hidden)]
impl AnswerOption {
    #[inline(never)]
    pub fn baked(value: String, text: Texts, exclusive: bool) -> AnswerOption {
        AnswerOption {
            value,
            text,
            exclusive,
        }
    }
}

impl Question {
    /// The option with this value.
    pub fn option(&self, value: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|option| option.value == value)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A yes/no fact of the rules that holds when a condition over the answers holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derive {
    /// The fact (a `bool` of `rules/facts.toml`).
    pub fact: String,
    /// True when this holds, false when it fails, unknown when it cannot be told.
    pub when: Condition,
}

/// A questionnaire as written (TOML) and as compiled (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireFile {
    /// Stable id, lowercase letters, digits and hyphens (kept in documents).
    pub id: String,
    /// Its version, kept in documents; raise it whenever the questions change.
    pub version: String,
    /// The title of the start screen.
    pub title: Texts,
    /// What the start screen says before the first question.
    pub intro: Texts,
    /// The pages, in order.
    pub page: Vec<Page>,
    /// The questions, in the order asked.
    pub question: Vec<Question>,
    /// Facts of the rules derived from the answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derive: Vec<Derive>,
}

/// One answer, as kept in a document: `true`, `7`, `"work"`, `["money", "housing"]` or typed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Answer {
    /// A yes/no answer.
    Bool(bool),
    /// A score.
    Number(u8),
    /// The value of the chosen option, or the typed text.
    Text(String),
    /// The values of the chosen options.
    Options(Vec<String>),
}

/// The answers so far, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// `answers` with `entry` added (a later entry for the same question replaces an earlier one): answers
/// are gathered with this rather than collected, since collecting a map sorts its entries first, and that
/// sort would add its own code to the browser bundle beside the map's insertion.
pub fn answers_with(mut answers: Answers, (id, answer): (String, Answer)) -> Answers {
    answers.insert(id, answer);
    answers
}

/// Why an answer cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// The question needs an answer.
    Missing,
    /// The text is longer than [`MAX_FREE_TEXT_CHARS`].
    TooLong,
    /// The answer is not of the question's type or names no option of it.
    NotAnOption,
}

/// A validated questionnaire, its conditions compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub file: QuestionnaireFile,
    /// One fact per question (per option for `multi`): what conditions over answers read.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub answer_facts: FactCatalogue,
    /// For each question, its first index in `answer_facts`.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub slots: Vec<usize>,
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub show_if: Vec<Option<Cond>>,
    /// For each question, the rules' fact it sets.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub sets: Vec<Option<usize>>,
    /// For each `choice` question that sets a fact: the position of each option's value in the fact's
    /// values (the answers' own catalogue counts positions among the options).
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub choice_positions: Vec<Vec<usize>>,
    /// The rules' facts derived, with their conditions.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub derives: Vec<(usize, Cond)>,
    /// For each derive, the questions its condition names.
    #[doc(hidden)] // public for the baked data only (`crate::bake`)
    pub derive_sources: Vec<Vec<usize>>,
}

/// Every name a condition compares (`fact` or `question`), in order.
fn names_in<'c>(condition: &'c Condition, out: &mut Vec<&'c str>) {
    for part in condition.all.iter().chain(&condition.any).flatten() {
        names_in(part, out);
    }
    if let Some(part) = &condition.not {
        names_in(part, out);
    }
    if let Some(name) = &condition.fact {
        out.push(name);
    }
}

/// The sensitive questions of `questionnaire` that no service of `catalogue` needs: a sensitive question
/// (a prison release, say) is asked only when a service's `suits` reads the fact its answer gives (by
/// `sets`, or through a `[[derive]]` naming it). One message per such question, naming it and its facts.
pub fn unneeded_sensitive(
    questionnaire: &QuestionnaireFile,
    catalogue: &crate::catalogue::Catalogue,
) -> Vec<String> {
    let mut read = Vec::new();
    for service in &catalogue.file().service {
        if let Some(condition) = &service.suits {
            names_in(condition, &mut read);
        }
    }
    questionnaire
        .question
        .iter()
        .filter(|question| question.sensitive)
        .filter_map(|question| {
            let mut facts: Vec<&str> = question.sets.iter().map(String::as_str).collect();
            for derive in &questionnaire.derive {
                let mut named = Vec::new();
                names_in(&derive.when, &mut named);
                if named.iter().any(|name| name.split('.').next() == Some(question.id.as_str())) {
                    facts.push(&derive.fact);
                }
            }
            (!facts.iter().any(|fact| read.contains(fact))).then(|| {
                format!(
                    "sensitive question `{}` gives {}, which no service of `{}` reads in `suits`: ask it only where a service needs it, or drop it",
                    question.id,
                    if facts.is_empty() { "no fact".to_owned() } else { facts.iter().map(|fact| format!("`{fact}`")).collect::<Vec<_>>().join(", ") },
                    catalogue.file().county,
                )
            })
        })
        .collect()
}

impl Questionnaire {
    /// Reads a compiled questionnaire (JSON) and validates it against `rules`.
    pub fn from_json(json: &str, rules: &RuleSet, file: &str) -> Result<Questionnaire, LoadErrors> {
        let questionnaire: QuestionnaireFile = crate::law::error::from_json_located(json, file)?;
        Questionnaire::new(questionnaire, rules, file, &[], &[])
    }

    /// The questionnaire as compiled JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.file).unwrap_or_default()
    }

    /// The questionnaire as written.
    pub fn file(&self) -> &QuestionnaireFile {
        &self.file
    }

    /// The questions, in order.
    pub fn questions(&self) -> &[Question] {
        &self.file.question
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.file.question.iter().find(|question| question.id == id)
    }

    /// The page with this id and its position (0-based).
    pub fn page(&self, id: &str) -> Option<(usize, &Page)> {
        self.file.page.iter().enumerate().find(|(_, page)| page.id == id)
    }

    /// The options of a `multi` after the person ticks (`on`) or unticks `value` in `chosen`: an
    /// exclusive option clears the others, and another option clears the exclusive ones.
    pub fn toggle(question: &Question, chosen: &[String], value: &str, on: bool) -> Vec<String> {
        let exclusive = |value: &str| question.option(value).is_some_and(|option| option.exclusive);
        let kept = |candidate: &str| {
            if candidate == value {
                on
            } else {
                chosen.iter().any(|chosen| chosen == candidate)
                    && (!on || (!exclusive(value) && !exclusive(candidate)))
            }
        };
        // In the questionnaire's order, whatever the order of clicks (read off the options rather than
        // sorted: a sort would add its own code to the browser bundle); a value that is no option, first.
        let strangers = chosen
            .iter()
            .map(String::as_str)
            .chain(on.then_some(value))
            .filter(|candidate| question.option(candidate).is_none());
        let options = question.options.iter().map(|option| option.value.as_str());
        strangers
            .chain(options)
            .filter(|candidate| kept(candidate))
            .map(str::to_owned)
            .collect()
    }

    /// Whether `answer` is an acceptable answer to `question` (the problem otherwise).
    pub fn check_answer(question: &Question, answer: &Answer) -> Result<(), AnswerProblem> {
        match (question.answer_type, answer) {
            (AnswerType::YesNo, Answer::Bool(_)) => Ok(()),
            (AnswerType::Score, Answer::Number(score)) if *score <= SCORE_MAX => Ok(()),
            (AnswerType::Choice, Answer::Text(value)) if question.option(value).is_some() => Ok(()),
            (AnswerType::Multi, Answer::Options(values))
                if values.iter().all(|value| question.option(value).is_some()) =>
            {
                Ok(())
            }
            (AnswerType::Text, Answer::Text(text)) if text.chars().count() > MAX_FREE_TEXT_CHARS => {
                Err(AnswerProblem::TooLong)
            }
            (AnswerType::Text, Answer::Text(_)) => Ok(()),
            _ => Err(AnswerProblem::NotAnOption),
        }
    }

    /// The answers as facts of the questionnaire's own catalogue, for its conditions: only the answers of
    /// questions that are shown (given the answers before them) and acceptable.
    fn answer_facts(&self, answers: &Answers) -> (Facts, Vec<bool>) {
        let mut facts = self.answer_facts.facts();
        let mut shown = Vec::with_capacity(self.file.question.len());
        for (index, question) in self.file.question.iter().enumerate() {
            let visible = self.show_if[index]
                .as_ref()
                .is_none_or(|condition| truth(condition, &facts, &[]) == Some(true));
            shown.push(visible);
            let Some(answer) = answers.get(&question.id).filter(|_| visible) else {
                continue;
            };
            if Questionnaire::check_answer(question, answer).is_err() {
                continue;
            }
            let slot = self.slots[index];
            match (answer, question.answer_type) {
                (Answer::Bool(flag), _) => facts.set_at(slot, Some(Value::Bool(*flag))),
                (Answer::Number(score), _) => facts.set_at(slot, Some(Value::Int(i64::from(*score)))),
                (Answer::Text(value), AnswerType::Choice) => {
                    let position = question.options.iter().position(|option| option.value == *value);
                    facts.set_at(slot, position.map(Value::Choice));
                }
                (Answer::Text(text), _) => facts.set_at(slot, Some(Value::Text(!text.trim().is_empty()))),
                (Answer::Options(chosen), _) => {
                    for (offset, option) in question.options.iter().enumerate() {
                        facts.set_at(slot + offset, Some(Value::Bool(chosen.contains(&option.value))));
                    }
                }
            }
        }
        (facts, shown)
    }

    /// Which questions are shown, given the answers so far (a question whose condition cannot be told
    /// yet is not shown).
    pub fn shown(&self, answers: &Answers) -> Vec<bool> {
        self.answer_facts(answers).1
    }

    /// The answers that count: those of shown questions, and acceptable.
    pub fn effective(&self, answers: &Answers) -> Answers {
        let shown = self.shown(answers);
        self.file
            .question
            .iter()
            .zip(shown)
            .filter(|(_, shown)| *shown)
            .filter_map(|(question, _)| {
                let answer = answers.get(&question.id)?;
                Questionnaire::check_answer(question, answer).ok()?;
                Some((question.id.clone(), answer.clone()))
            })
            .fold(Answers::new(), answers_with)
    }

    /// Problems that stop the person going on from question `id`: a required answer missing, or one
    /// that cannot be accepted.
    pub fn problem(&self, id: &str, answers: &Answers) -> Option<AnswerProblem> {
        let question = self.question(id)?;
        match answers.get(id) {
            None if question.required => Some(AnswerProblem::Missing),
            None => None,
            Some(answer) => Questionnaire::check_answer(question, answer).err(),
        }
    }

    /// Sets, in `facts` (of `rules`' catalogue), every fact the answers give: the `sets` of shown,
    /// answered questions and every `[[derive]]`.
    pub fn apply(&self, answers: &Answers, facts: &mut Facts) {
        let (own, shown) = self.answer_facts(answers);
        for (index, target) in self.sets.iter().enumerate() {
            let Some(target) = *target else { continue };
            if !shown[index] {
                continue;
            }
            let value = match own.get(self.slots[index]) {
                Some(Value::Choice(option)) => self.choice_positions[index]
                    .get(*option)
                    .copied()
                    .map(Value::Choice),
                other => other.cloned(),
            };
            facts.set_at(target, value);
        }
        for (target, when) in &self.derives {
            facts.set_at(*target, truth(when, &own, &[]).map(Value::Bool));
        }
    }

    /// The questions (indices, in order) whose answers a service's suitability rests on, and the goal
    /// question if the service leads where the person wants to go: "because you said …".
    pub fn reasons(&self, rules: &RuleSet, service: &Service, answers: &Answers) -> Vec<usize> {
        let catalogue = rules.catalogue();
        let mut names = Vec::new();
        if let Some(suits) = &service.suits {
            names_in(suits, &mut names);
        }
        let effective = self.effective(answers);
        let wanted = self
            .file
            .question
            .iter()
            .zip(&self.sets)
            .find(|(_, target)| target.is_some() && **target == catalogue.index(GOAL_FACT))
            .and_then(|(question, _)| match effective.get(&question.id) {
                Some(Answer::Text(goal)) => Goal::from_name(goal),
                _ => None,
            });
        if wanted.is_some_and(|goal| service.leads_to.contains(&goal)) {
            names.push(GOAL_FACT);
        }
        let targets: Vec<usize> = names.iter().filter_map(|name| catalogue.index(name)).collect();
        // Marked per question, then read in order: no sort (which would add its own code to the bundle).
        let mut marked: Vec<bool> = self
            .sets
            .iter()
            .map(|target| target.is_some_and(|target| targets.contains(&target)))
            .collect();
        for ((target, _), sources) in self.derives.iter().zip(&self.derive_sources) {
            if targets.contains(target) {
                for &source in sources {
                    if let Some(mark) = marked.get_mut(source) {
                        *mark = true;
                    }
                }
            }
        }
        (0..marked.len())
            .filter(|&index| marked[index] && effective.contains_key(&self.file.question[index].id))
            .collect()
    }
}
