//! Errors of loading rules and of evaluating a case, each one line that says where and what.

use std::fmt;

use chrono::NaiveDate;

/// Where in the rule files a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as given to the loader (e.g. `rules/shl/s036_palvelutarpeen_arviointi.toml`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The rule's id, when the problem is in a rule.
    pub rule_id: Option<String>,
    /// The rule's section in short form (e.g. `1301/2014 36 § 2 mom.`), when known.
    pub section: Option<String>,
    /// What `rule_id` names.
    pub entry: Entry,
}

/// What kind of entry a [`Location`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Entry {
    /// A rule (`[[rule]]`).
    #[default]
    Rule,
    /// A service in a catalogue (`[[service]]`).
    Service,
    /// A question in a questionnaire (`[[question]]`).
    Question,
    /// A derived fact in a questionnaire (`[[derive]]`); the id is the fact's name.
    Derive,
    /// An act in the register of acts (`[[act]]`); the id is the act's number.
    Act,
}

impl Entry {
    /// The word used in messages.
    pub fn word(self) -> &'static str {
        match self {
            Entry::Rule => "rule",
            Entry::Service => "service",
            Entry::Question => "question",
            Entry::Derive => "derive",
            Entry::Act => "act",
        }
    }
}

impl Default for Location {
    fn default() -> Location {
        Location {
            file: String::new(),
            line: None,
            rule_id: None,
            section: None,
            entry: Entry::Rule,
        }
    }
}

/// A rule file (or compiled rule set) that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Where.
    pub location: Location,
    /// What, in lower case without a final period.
    pub message: String,
}

impl LoadError {
    /// An error at `location`.
    pub fn new(location: Location, message: impl Into<String>) -> LoadError {
        LoadError {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    /// `file:line: message (rule `id`, section)`, e.g.
    /// ``rules/shl/s042.toml:12: unknown fact `client.agee` (rule `shl-42-named-worker`, 1301/2014 42 § 1 mom.)``
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.location.file)?;
        if let Some(line) = self.location.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)?;
        let entry = self.location.entry.word();
        match (&self.location.rule_id, &self.location.section) {
            (Some(id), Some(section)) => write!(f, " ({entry} `{id}`, {section})"),
            (Some(id), None) => write!(f, " ({entry} `{id}`)"),
            (None, _) => Ok(()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads JSON of type `T`; a syntax or shape error becomes a located [`LoadErrors`] naming `file`.
pub fn from_json_located<T: serde::de::DeserializeOwned>(json: &str, file: &str) -> Result<T, LoadErrors> {
    serde_json::from_str(json).map_err(|error| {
        LoadErrors(vec![LoadError::new(
            Location {
                file: file.to_owned(),
                line: Some(error.line()),
                ..Location::default()
            },
            error.to_string(),
        )])
    })
}

/// Every problem found while loading, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// A case that the rules cannot judge at all (as opposed to a rule that does not apply, which is an
/// outcome).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// The case has no opening date (vireilletulo), so no wording of the law can be chosen.
    MissingOpeningDate {
        /// The fact that holds it.
        fact: &'static str,
    },
    /// The case opened before the earliest date the rules cover.
    BeforeCoverage {
        /// The case's opening date.
        opened_on: NaiveDate,
        /// The earliest date covered.
        covers_from: NaiveDate,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::MissingOpeningDate { fact } => {
                write!(
                    f,
                    "missing fact `{fact}`: the opening date chooses which wording of the law applies"
                )
            }
            EvalError::BeforeCoverage {
                opened_on,
                covers_from,
            } => write!(
                f,
                "the case opened on {opened_on}, before {covers_from}, the earliest date these rules cover"
            ),
        }
    }
}

impl std::error::Error for EvalError {}
