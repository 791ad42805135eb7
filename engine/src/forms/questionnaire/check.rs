//! Checking a questionnaire file before it runs: ids, pages, answer options, texts in every language,
//! `show_if` conditions over earlier questions only, and derived facts that the rules declare. Every
//! problem is a located one-line message. Run time (showing questions, turning answers into facts) is
//! the parent module.

use std::collections::HashSet;

use super::*;

fn is_id(id: &str, separator: char) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
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
        for language in texts.empty_languages() {
            self.push(location.clone(), format!("`{name}.{language}` is empty"));
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
                    min: None,
                    max: None,
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
            if let Some(why) = &question.why {
                check.texts(&location, "why", why);
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
                    check.push(
                        location.clone(),
                        format!("`sets` names an unknown fact `{name}`{}", facts.hint(name)),
                    );
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
                    check.push(
                        location.clone(),
                        format!("unknown fact `{}`{}", derive.fact, facts.hint(&derive.fact)),
                    );
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
}
