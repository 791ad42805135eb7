//! A questionnaire as data: the questions a person answers on their own (the self-assessment), which
//! question is shown when, and how answers become the facts that the rules and the service catalogue
//! read. A county changes the file (`rules/questionnaires/*.toml`), not the code.
//!
//! Each question is also a fact of its own little catalogue, named by its id (a `multi` question gives
//! one yes/no per option, `<id>.<option>`), so `show_if` and `[[derive]]` conditions are written in the
//! same condition language as the rules, with `question = "…"` in place of `fact = "…"`. A skipped
//! question is unknown, and the three-valued logic of the rules carries that through: a derived fact over
//! a skipped question stays unknown instead of turning into a quiet "no".

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::catalogue::{GOAL_FACT, Goal, Service};
use crate::document::MAX_FREE_TEXT_CHARS;
use crate::error::{Entry, LoadError, LoadErrors, Location};
use crate::eval::truth;
use crate::facts::{FactCatalogue, FactDefinition, FactType, Facts, Value};
use crate::rule::{Condition, Texts};
use crate::ruleset::{Cond, RuleSet, compile_condition_naming};

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
    /// A hint under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Texts>,
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
    file: QuestionnaireFile,
    /// One fact per question (per option for `multi`): what conditions over answers read.
    answer_facts: FactCatalogue,
    /// For each question, its first index in `answer_facts`.
    slots: Vec<usize>,
    show_if: Vec<Option<Cond>>,
    /// For each question, the rules' fact it sets.
    sets: Vec<Option<usize>>,
    /// For each `choice` question that sets a fact: the position of each option's value in the fact's
    /// values (the answers' own catalogue counts positions among the options).
    choice_positions: Vec<Vec<usize>>,
    /// The rules' facts derived, with their conditions.
    derives: Vec<(usize, Cond)>,
    /// For each derive, the questions its condition names.
    derive_sources: Vec<Vec<usize>>,
}

fn is_id(id: &str, separator: char) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
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

/// Collects located errors while checking a questionnaire.
struct Check<'a> {
    file: &'a str,
    errors: Vec<LoadError>,
}

impl Check<'_> {
    fn at(&self, entry: Entry, id: Option<&str>, line: Option<usize>) -> Location {
        Location {
            file: self.file.to_owned(),
            line,
            rule_id: id.map(str::to_owned),
            section: None,
            entry,
        }
    }

    fn push(&mut self, location: Location, message: impl Into<String>) {
        self.errors.push(LoadError::new(location, message));
    }

    fn texts(&mut self, location: &Location, name: &str, texts: &Texts) {
        let selko = texts.selko.as_ref();
        for (language, text) in [("fi", &texts.fi), ("sv", &texts.sv), ("en", &texts.en)]
            .into_iter()
            .chain(selko.map(|text| ("selko", text)))
        {
            if text.trim().is_empty() {
                self.push(location.clone(), format!("`{name}.{language}` is empty"));
            }
        }
    }
}

impl Questionnaire {
    /// Validates a questionnaire against the facts of `rules`. `file` names it in messages; `lines[i]` is
    /// the line of the i-th `[[question]]` and `derive_lines[i]` of the i-th `[[derive]]`, when known.
    pub fn new(
        questionnaire: QuestionnaireFile,
        rules: &RuleSet,
        file: &str,
        lines: &[usize],
        derive_lines: &[usize],
    ) -> Result<Questionnaire, LoadErrors> {
        let mut check = Check {
            file,
            errors: Vec::new(),
        };
        let whole = check.at(Entry::Question, None, None);
        if !is_id(&questionnaire.id, '-') {
            check.push(
                whole.clone(),
                format!(
                    "questionnaire id `{}` must be lowercase letters, digits and hyphens",
                    questionnaire.id
                ),
            );
        }
        if questionnaire.version.trim().is_empty() {
            check.push(whole.clone(), "`version` is empty");
        }
        check.texts(&whole, "title", &questionnaire.title);
        check.texts(&whole, "intro", &questionnaire.intro);
        let mut page_ids = HashSet::new();
        for page in &questionnaire.page {
            if !is_id(&page.id, '-') {
                check.push(
                    whole.clone(),
                    format!(
                        "page id `{}` must be lowercase letters, digits and hyphens",
                        page.id
                    ),
                );
            }
            if !page_ids.insert(page.id.as_str()) {
                check.push(whole.clone(), format!("page id `{}` is used twice", page.id));
            }
            check.texts(&whole, &format!("page `{}` title", page.id), &page.title);
            if !questionnaire
                .question
                .iter()
                .any(|question| question.page == page.id)
            {
                check.push(whole.clone(), format!("page `{}` has no questions", page.id));
            }
        }
        if questionnaire.question.is_empty() {
            check.push(whole.clone(), "the questionnaire has no questions");
        }

        // The answers' own fact catalogue: one entry per question, one per option of a `multi`.
        let mut definitions = Vec::new();
        let mut slots = Vec::new();
        let mut question_ids = HashSet::new();
        for question in &questionnaire.question {
            slots.push(definitions.len());
            let mut define = |name: String, fact_type: FactType| {
                definitions.push(FactDefinition {
                    name,
                    fact_type,
                    description_fi: String::new(),
                    description_en: String::new(),
                });
            };
            match question.answer_type {
                AnswerType::YesNo => define(question.id.clone(), FactType::Bool),
                AnswerType::Score => define(question.id.clone(), FactType::Int),
                AnswerType::Text => define(question.id.clone(), FactType::Text),
                AnswerType::Choice => define(
                    question.id.clone(),
                    FactType::Choice(
                        question
                            .options
                            .iter()
                            .map(|option| option.value.clone())
                            .collect(),
                    ),
                ),
                AnswerType::Multi => {
                    for option in &question.options {
                        define(format!("{}.{}", question.id, option.value), FactType::Bool);
                    }
                }
            }
            question_ids.insert(question.id.as_str());
        }
        let answer_facts = FactCatalogue::new(definitions);
        let position_of = |name: &str| {
            let id = name.split('.').next().unwrap_or_default();
            questionnaire
                .question
                .iter()
                .position(|question| question.id == id)
        };

        let mut seen = HashSet::new();
        let mut set_by: BTreeMap<usize, String> = BTreeMap::new();
        let mut show_if = Vec::new();
        let mut sets = Vec::new();
        let mut choice_positions = Vec::new();
        for (index, question) in questionnaire.question.iter().enumerate() {
            let location = check.at(Entry::Question, Some(&question.id), lines.get(index).copied());
            if !is_id(&question.id, '_') {
                check.push(
                    location.clone(),
                    format!(
                        "question id `{}` must be lowercase letters, digits and underscores",
                        question.id
                    ),
                );
            }
            if !seen.insert(question.id.as_str()) {
                check.push(
                    location.clone(),
                    format!("question id `{}` is used twice", question.id),
                );
            }
            if !page_ids.contains(question.page.as_str()) {
                check.push(location.clone(), format!("unknown page `{}`", question.page));
            }
            check.texts(&location, "text", &question.text);
            if let Some(help) = &question.help {
                check.texts(&location, "help", help);
            }
            if question.required && question.sensitive {
                check.push(
                    location.clone(),
                    "a sensitive question is always skippable, so it cannot be `required`",
                );
            }
            let scored = question.answer_type == AnswerType::Score;
            match (&question.low, &question.high) {
                (Some(low), Some(high)) if scored => {
                    check.texts(&location, "low", low);
                    check.texts(&location, "high", high);
                }
                (_, _) if scored => check.push(location.clone(), "a score needs `low` and `high`"),
                (None, None) => {}
                _ => check.push(location.clone(), "only a score has `low` and `high`"),
            }
            let with_options = matches!(question.answer_type, AnswerType::Choice | AnswerType::Multi);
            if with_options {
                if question.options.len() < 2 {
                    check.push(location.clone(), "a choice needs at least two `options`");
                }
                let mut values = HashSet::new();
                for option in &question.options {
                    if !is_id(&option.value, '_') {
                        check.push(
                            location.clone(),
                            format!(
                                "option value `{}` must be lowercase letters, digits and underscores",
                                option.value
                            ),
                        );
                    }
                    if !values.insert(option.value.as_str()) {
                        check.push(
                            location.clone(),
                            format!("option `{}` is listed twice", option.value),
                        );
                    }
                    check.texts(
                        &location,
                        &format!("option `{}` text", option.value),
                        &option.text,
                    );
                    if option.exclusive && question.answer_type != AnswerType::Multi {
                        check.push(
                            location.clone(),
                            format!(
                                "option `{}`: only an option of a `multi` can be `exclusive`",
                                option.value
                            ),
                        );
                    }
                }
            } else if !question.options.is_empty() {
                check.push(
                    location.clone(),
                    "only a `choice` or `multi` question has `options`",
                );
            }

            show_if.push(question.show_if.as_ref().and_then(|condition| {
                let mut names = Vec::new();
                names_in(condition, &mut names);
                for name in names {
                    if let Some(position) = position_of(name)
                        && position >= index
                    {
                        check.push(
                            location.clone(),
                            format!("`show_if` names question `{name}`, which is not asked before this one"),
                        );
                    }
                }
                compile_condition_naming(
                    &answer_facts,
                    condition,
                    location.clone(),
                    &mut check.errors,
                    "question",
                )
            }));

            let mut positions = Vec::new();
            sets.push(question.sets.as_ref().and_then(|name| {
                let facts = rules.catalogue();
                let Some(target) = facts.index(name) else {
                    check.push(location.clone(), format!("`sets` names an unknown fact `{name}`"));
                    return None;
                };
                let fact_type = facts.get(target).map(|definition| &definition.fact_type);
                let fits = match (question.answer_type, fact_type) {
                    (AnswerType::YesNo, Some(FactType::Bool))
                    | (AnswerType::Score, Some(FactType::Int))
                    | (AnswerType::Text, Some(FactType::Text)) => true,
                    (AnswerType::Choice, Some(FactType::Choice(values))) => {
                        positions = question
                            .options
                            .iter()
                            .map(|option| {
                                values
                                    .iter()
                                    .position(|value| *value == option.value)
                                    .unwrap_or(0)
                            })
                            .collect();
                        for option in &question.options {
                            if !values.contains(&option.value) {
                                check.push(
                                    location.clone(),
                                    format!(
                                        "option `{}` is not a value of fact `{name}` (it is one of `{}`)",
                                        option.value,
                                        values.join("`, `")
                                    ),
                                );
                            }
                        }
                        true
                    }
                    _ => false,
                };
                if !fits {
                    check.push(
                        location.clone(),
                        format!(
                            "a `{}` answer cannot set fact `{name}`, which is {}",
                            serde_json::to_value(question.answer_type)
                                .ok()
                                .and_then(|value| value.as_str().map(str::to_owned))
                                .unwrap_or_default(),
                            fact_type.map(ToString::to_string).unwrap_or_default()
                        ),
                    );
                    return None;
                }
                if let Some(earlier) = set_by.insert(target, format!("question `{}`", question.id)) {
                    check.push(
                        location.clone(),
                        format!("fact `{name}` is already set by {earlier}"),
                    );
                }
                Some(target)
            }));
            choice_positions.push(positions);
        }

        let mut derives = Vec::new();
        let mut derive_sources = Vec::new();
        for (index, derive) in questionnaire.derive.iter().enumerate() {
            let location = check.at(
                Entry::Derive,
                Some(&derive.fact),
                derive_lines.get(index).copied(),
            );
            let facts = rules.catalogue();
            let target = match facts.index(&derive.fact) {
                None => {
                    check.push(location.clone(), format!("unknown fact `{}`", derive.fact));
                    None
                }
                Some(target) if facts.get(target).map(|d| &d.fact_type) != Some(&FactType::Bool) => {
                    check.push(
                        location.clone(),
                        format!(
                            "only a true/false fact can be derived; `{}` is not one",
                            derive.fact
                        ),
                    );
                    None
                }
                Some(target) => {
                    if let Some(earlier) = set_by.insert(target, "an earlier `[[derive]]`".to_owned()) {
                        check.push(
                            location.clone(),
                            format!("fact `{}` is already set by {earlier}", derive.fact),
                        );
                    }
                    Some(target)
                }
            };
            let when = compile_condition_naming(
                &answer_facts,
                &derive.when,
                location.clone(),
                &mut check.errors,
                "question",
            );
            let mut names = Vec::new();
            names_in(&derive.when, &mut names);
            let mut sources: Vec<usize> = names.into_iter().filter_map(position_of).collect();
            sources.sort_unstable();
            sources.dedup();
            if let (Some(target), Some(when)) = (target, when) {
                derives.push((target, when));
                derive_sources.push(sources);
            }
        }

        if check.errors.is_empty() {
            Ok(Questionnaire {
                file: questionnaire,
                answer_facts,
                slots,
                show_if,
                sets,
                choice_positions,
                derives,
                derive_sources,
            })
        } else {
            Err(LoadErrors(check.errors))
        }
    }

    /// Reads a compiled questionnaire (JSON) and validates it against `rules`.
    pub fn from_json(json: &str, rules: &RuleSet, file: &str) -> Result<Questionnaire, LoadErrors> {
        let questionnaire: QuestionnaireFile = crate::error::from_json_located(json, file)?;
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
        let mut next: Vec<String> = chosen
            .iter()
            .filter(|kept| kept.as_str() != value && (!on || (!exclusive(value) && !exclusive(kept))))
            .cloned()
            .collect();
        if on {
            next.push(value.to_owned());
        }
        // Keep the questionnaire's order, whatever the order of clicks.
        next.sort_by_key(|value| question.options.iter().position(|option| option.value == *value));
        next
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
            .collect()
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
        let mut found = Vec::new();
        for (index, target) in self.sets.iter().enumerate() {
            if target.is_some_and(|target| targets.contains(&target)) {
                found.push(index);
            }
        }
        for ((target, _), sources) in self.derives.iter().zip(&self.derive_sources) {
            if targets.contains(target) {
                found.extend(sources);
            }
        }
        found.sort_unstable();
        found.dedup();
        found.retain(|&index| effective.contains_key(&self.file.question[index].id));
        found
    }
}
