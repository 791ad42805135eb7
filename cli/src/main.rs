//! `tyokyky-rules`: check, compile and evaluate rule sets, compute statutory deadlines, write the
//! privacy notice's pages, and generate pseudo-locales from a language's message files.
//!
//! Exit codes: 0 success; 1 the rules checked are invalid; 2 bad input (a missing file, malformed JSON,
//! an unknown fact, a bad argument).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tyokyky_engine::bundle;
use tyokyky_engine::calendar::{self, CalendarSettings};
use tyokyky_engine::document::MAX_FREE_TEXT_CHARS;
use tyokyky_engine::facts::{FactError, Facts, did_you_mean};
use tyokyky_engine::load::{
    catalogue_files, display_name, load_catalogue, load_dir, load_questionnaire, questionnaire_files,
};
use tyokyky_engine::questionnaire::{
    Answer, AnswerProblem, AnswerType, Answers, Question, Questionnaire, SCORE_MAX, unneeded_sensitive,
};
use tyokyky_engine::ruleset::RuleSet;

mod languages;
mod privacy;
mod pseudo;

/// Check, compile and evaluate tyokyky rule sets (the Social Welfare Act as data) and count deadlines
/// by Laki säädettyjen määräaikain laskemisesta 150/1930.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a rules folder, its service catalogues (`services/*.toml`) and questionnaires
    /// (`questionnaires/*.toml`); print every problem with
    /// file, line, rule or service id and section.
    Check {
        /// The rules folder (holds settings.toml and facts.toml).
        #[arg(default_value = "rules")]
        dir: PathBuf,
    },
    /// Validate a rules folder and print its rule set as the JSON the app can load at run time; with
    /// `--out-dir`, write the whole bundle the app embeds (rules, catalogue and questionnaire JSON),
    /// compiled by the same step as the app's build.
    Compile {
        /// The rules folder.
        #[arg(default_value = "rules")]
        dir: PathBuf,
        /// Write the rule set to this file instead of standard output.
        #[arg(long, short, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Write `rules.json`, `rules-citizen.json` (the part the public bundle embeds),
        /// `catalogue.json`, `catalogue-citizen.json` (the public bundle's copy, without the report's
        /// names) and `questionnaire.json` into this folder (created if missing), exactly as the app
        /// embeds them.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// With `--out-dir`: the catalogue, `services/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_CATALOGUE, requires = "out_dir")]
        catalogue: String,
        /// With `--out-dir`: the questionnaire, `questionnaires/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_QUESTIONNAIRE, requires = "out_dir")]
        questionnaire: String,
    },
    /// Evaluate a case (a JSON object of facts), or a person's own answers to the self-assessment, and
    /// print the outcome as JSON.
    Evaluate {
        /// The case file, e.g. `{"case": {"opened_on": "2026-04-02", "initiator": "client"}, "client": {"age": 78}}`.
        #[arg(required_unless_present = "answers")]
        case: Option<PathBuf>,
        /// The rules folder …
        #[arg(long, default_value = "rules", conflicts_with = "compiled")]
        rules: PathBuf,
        /// … or a compiled rule set (JSON from `compile`).
        #[arg(long)]
        compiled: Option<PathBuf>,
        /// Answers to the questionnaire (a JSON object keyed by question id, e.g.
        /// `{"work_ability_score": 4, "right_now": ["no_place_to_sleep"]}`), turned into facts as the app
        /// does; added to the case file's facts, or to a case the person opens (`--opened-on`).
        #[arg(long, conflicts_with = "compiled")]
        answers: Option<PathBuf>,
        /// With `--answers`: the questionnaire, `questionnaires/<name>.toml` in the rules folder.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_QUESTIONNAIRE, requires = "answers")]
        questionnaire: String,
        /// With `--answers` and no case file: the day the person opens the case (today if not given).
        #[arg(
            long,
            value_name = "YYYY-MM-DD",
            requires = "answers",
            conflicts_with = "case"
        )]
        opened_on: Option<String>,
    },
    /// Print the JSON Schema of the documents the app posts (what `schema/document.schema.json` holds),
    /// for a backend that wants to validate them; with `--draft`, that of a saved draft
    /// (`schema/draft.schema.json`).
    Schema {
        /// The schema of a draft instead.
        #[arg(long)]
        draft: bool,
    },
    /// Write the privacy notice (tietosuojaseloste) as static pages, `<out>/<tag>.html` for each language
    /// folder with a `privacy.toml` (Finnish always), and
    /// their stylesheet: the notice's prose (`<locales>/<tag>/privacy.toml`) filled with the county's
    /// facts (`[privacy]` in `<dir>/services/<catalogue>.toml`). Refuses, naming the file and the key, when
    /// the facts are missing, a placeholder has no value or the languages do not say the same things.
    Privacy {
        /// The rules folder.
        #[arg(long, default_value = "rules")]
        dir: PathBuf,
        /// The catalogue that gives the facts, `services/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_CATALOGUE)]
        catalogue: String,
        /// The folder of the language files; the notice's prose is in its `privacy/`.
        #[arg(long, default_value = "locales")]
        locales: PathBuf,
        /// The pages' stylesheet, copied beside them as `privacy.css`.
        #[arg(long, default_value = "style/privacy.css")]
        stylesheet: PathBuf,
        /// Where to write the pages (created if missing).
        #[arg(long, default_value = "dist/privacy")]
        out: PathBuf,
    },
    /// The languages of the app, each a folder of message files: pseudo-locales generated for testing.
    Languages {
        #[command(subcommand)]
        what: LanguagesCommand,
    },
    /// FHIR R4: the self-assessment as a `Questionnaire`, a stored document as FHIR, a plan `Bundle` read
    /// back into the document, or synthetic examples of every kind.
    Fhir {
        #[command(subcommand)]
        what: FhirCommand,
    },
    /// The county's report over exported documents: documents by kind and channel, service gaps by need
    /// and target group, suggested services, feedback scores and days from a contact request to its case,
    /// with every count from 1 below the threshold hidden. Prints JSON; with `--html`, writes the page.
    Report {
        /// The documents: JSON lines or a JSON array, each a stored document as the inbox gives it
        /// (`{"receipt", "kind", "document"}`) or a bare document (its `created_at` then counts as received).
        #[arg(long)]
        documents: PathBuf,
        /// Count documents received from this instant (RFC 3339) …
        #[arg(long)]
        since: Option<String>,
        /// … and before this one.
        #[arg(long)]
        until: Option<String>,
        /// Counts from 1 below this are shown as `< N`.
        #[arg(long, default_value_t = tyokyky_engine::report::DEFAULT_THRESHOLD)]
        threshold: u32,
        /// Also write the report as a page here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// The rules folder, for the names of the catalogue's groups and needs on the page.
        #[arg(long, default_value = "rules")]
        dir: PathBuf,
        /// The catalogue whose `[report]` names them, `services/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_CATALOGUE)]
        catalogue: String,
    },
    /// Print the deadline date (YYYY-MM-DD) counted from a date.
    #[command(group(clap::ArgGroup::new("count").required(true).args(["workdays", "months"])))]
    Deadline {
        /// Day 0 (150/1930 2 §), written YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// Count this many working days (arkipäivä) after `from` …
        #[arg(long)]
        workdays: Option<u32>,
        /// … or this many months (150/1930 3 §).
        #[arg(long)]
        months: Option<u32>,
        /// Count ordinary Saturdays as working days.
        #[arg(long)]
        count_saturdays: bool,
        /// Move a due date on a holiday, eve or Saturday to the next working day (150/1930 5 §).
        #[arg(long)]
        roll_forward: bool,
    },
}

/// What the `languages` commands read: the rules with their catalogue and questionnaire, and the
/// languages' folder.
#[derive(Debug, clap::Args)]
struct LanguageSources {
    /// The rules folder.
    #[arg(long, default_value = "rules")]
    dir: PathBuf,
    /// The catalogue, `services/<name>.toml`.
    #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_CATALOGUE)]
    catalogue: String,
    /// The questionnaire, `questionnaires/<name>.toml`.
    #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_QUESTIONNAIRE)]
    questionnaire: String,
    /// The languages' folder (`locales/`).
    #[arg(long, default_value = "locales")]
    locales: PathBuf,
}

impl LanguageSources {
    /// The rules compiled with the catalogue and questionnaire, and the languages' folders, read and
    /// checked.
    fn read(
        self,
    ) -> Result<
        (
            bundle::Bundle,
            tyokyky_engine::text::languages::Languages,
            PathBuf,
        ),
        Failure,
    > {
        let bundle = bundle::compile(
            &self.dir,
            &bundle::Selection {
                catalogue: self.catalogue,
                questionnaire: self.questionnaire,
            },
        )
        .map_err(|error| Failure {
            code: 1,
            message: error.to_string(),
        })?;
        let languages = tyokyky_engine::text::languages::load(&self.locales).map_err(|problems| Failure {
            code: 1,
            message: problems.join("\n"),
        })?;
        Ok((bundle, languages, self.locales))
    }
}

#[derive(Debug, Subcommand)]
enum LanguagesCommand {
    /// Report, for each language but Finnish, the messages it lacks (with the Finnish file and line), the
    /// messages Finnish does not have, a file that is not Fluent, the texts of the questionnaire, the
    /// catalogue and the rules a citizen reads that it has no translation of, and the share of what a
    /// citizen reads that it covers (in characters of the Finnish).
    Report {
        #[command(flatten)]
        sources: LanguageSources,
    },
    /// Write each language's translations of the rules', the catalogue's and the questionnaire's texts as
    /// the app fetches them with the language: `<out>/<tag>/texts.ftl` (what a citizen reads) and
    /// `<out>/<tag>/worker-texts.ftl` (the rest, for the worker flow), each text under the hash of its
    /// Finnish (the browser bundles carry the Finnish alone), from the language folder's `texts.ftl` and
    /// what the rules' files write inline, without comments. A language with no translation gets none.
    Texts {
        #[command(flatten)]
        sources: LanguageSources,
        /// Where to write `<tag>/texts.ftl` (the built app's `locales/`; never the languages' folder,
        /// whose `texts.ftl` files are the translators').
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the texts a language has no translation of yet, as lines to fill in and add to its
    /// `texts.ftl`: each text's Finnish in a comment above its id, what a citizen reads first.
    Template {
        #[command(flatten)]
        sources: LanguageSources,
        /// The language's tag (its folder under `locales/`).
        #[arg(long)]
        tag: String,
    },
    /// Write a pseudo-locale for testing, made from a language's message files.
    ///
    /// Every `.ftl` file under `--from` is written under the same relative path in `--out` with its text
    /// changed (`accented`: letters accented, text at least 40 % longer, each message in `[` … `]`; `rtl`:
    /// text drawn right to left), and `--out/language.toml` describes the pseudo-locale. Nothing is
    /// written when a file is not Fluent; each error is named by file and line.
    Pseudo {
        /// The source language's folder, e.g. `locales/en`; every `.ftl` file in it and its folders.
        #[arg(long)]
        from: PathBuf,
        /// The pseudo-locale's language tag, e.g. `en-XA` (accented) or `ar-XB` (right to left).
        #[arg(long)]
        tag: String,
        /// How the text is changed.
        #[arg(long, value_enum)]
        style: pseudo::Style,
        /// Where to write the files (created if missing; other files in it are left as they are).
        #[arg(long)]
        out: PathBuf,
        /// The source language's name in itself, changed as the messages are for `name` in
        /// `language.toml` [default: `name` in `<from>/language.toml`].
        #[arg(long)]
        name: Option<String>,
        /// A language to fall back to where the pseudo-locale has no message, in order; repeat for a
        /// chain [default: `tag` in `<from>/language.toml`].
        #[arg(long = "fallback", value_name = "TAG")]
        fallbacks: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum FhirCommand {
    /// Print the questionnaire as a FHIR `Questionnaire`, its texts with their translations.
    Questionnaire {
        /// The rules folder.
        #[arg(long, default_value = "rules")]
        dir: PathBuf,
        /// The questionnaire, `questionnaires/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_QUESTIONNAIRE)]
        questionnaire: String,
        /// The languages' folder (`locales/`): the translations the offered languages give its texts.
        #[arg(long, default_value = "locales")]
        locales: PathBuf,
    },
    /// Print a stored document (the JSON the app posts) as FHIR: a plan as a `Bundle`, a contact request
    /// as a `Bundle` of responses, the other kinds as a `QuestionnaireResponse`.
    Export {
        /// The document.
        document: PathBuf,
        /// The rules folder (for the questionnaire of shared answers).
        #[arg(long, default_value = "rules")]
        dir: PathBuf,
        /// The questionnaire, `questionnaires/<name>.toml`.
        #[arg(long, default_value = tyokyky_engine::bundle::DEFAULT_QUESTIONNAIRE)]
        questionnaire: String,
        /// As the `transaction` Bundle a FHIR server's base is sent (every resource `PUT` under an id
        /// derived from the document's key), as the app's `fhir` route posts it.
        #[arg(long)]
        transaction: bool,
    },
    /// Read a plan `Bundle` (as `export` writes it) back and print the plan document.
    Import {
        /// The Bundle.
        bundle: PathBuf,
    },
    /// Write synthetic examples of every kind as FHIR, one file each, into a folder.
    Examples {
        /// Where to write them (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The rules, the catalogue and questionnaire, and the languages' folder whose offered
        /// languages' translations the questionnaire's texts carry.
        #[command(flatten)]
        sources: LanguageSources,
    },
}

/// The translations into the languages offered (`locales`), each problem of a texts file named.
fn offered_translations(locales: &Path) -> Result<tyokyky_engine::text::translations::Translations, Failure> {
    tyokyky_engine::text::translations::load_offered(locales).map_err(|problems| Failure {
        code: 1,
        message: problems.join("\n"),
    })
}

/// The questionnaire `questionnaires/<name>.toml` of the rules folder, checked against `rules`.
fn named_questionnaire(dir: &Path, name: &str, rules: &RuleSet) -> Result<Questionnaire, Failure> {
    let path = dir.join("questionnaires").join(format!("{name}.toml"));
    let shown = display_name(dir, &path);
    load_questionnaire(&path, &shown, rules).map_err(|errors| Failure {
        code: 1,
        message: errors.to_string(),
    })
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn run_fhir(what: FhirCommand) -> Result<String, Failure> {
    use tyokyky_engine::fhir;
    match what {
        FhirCommand::Questionnaire {
            dir,
            questionnaire,
            locales,
        } => {
            let rules = load(&dir)?;
            let questionnaire = named_questionnaire(&dir, &questionnaire, &rules)?;
            fhir::questionnaire::questionnaire(&questionnaire, &offered_translations(&locales)?)
                .map(|resource| pretty(&resource))
                .map_err(|error| Failure {
                    code: 1,
                    message: error.to_string(),
                })
        }
        FhirCommand::Export {
            document,
            dir,
            questionnaire,
            transaction,
        } => {
            let bytes = std::fs::read(&document)
                .map_err(|error| bad_input(format!("{}: cannot read: {error}", document.display())))?;
            let decoded = tyokyky_engine::document::Document::decode(&bytes)
                .map_err(|error| bad_input(format!("{}: {error}", document.display())))?;
            let rules = load(&dir)?;
            let questionnaire = named_questionnaire(&dir, &questionnaire, &rules)?;
            Ok(pretty(&if transaction {
                fhir::transaction(&decoded, Some(&questionnaire))
            } else {
                fhir::document(&decoded, Some(&questionnaire))
            }))
        }
        FhirCommand::Import { bundle } => {
            let value = read_json(&bundle)?;
            fhir::plan::read_plan(&value)
                .map(|document| document.to_json())
                .map_err(|error| bad_input(format!("{}: {error}", bundle.display())))
        }
        FhirCommand::Examples {
            out,
            sources:
                LanguageSources {
                    dir,
                    catalogue,
                    questionnaire,
                    locales,
                },
        } => {
            let rules = load(&dir)?;
            let catalogue_path = dir.join("services").join(format!("{catalogue}.toml"));
            let catalogue = load_catalogue(&catalogue_path, &display_name(&dir, &catalogue_path), &rules)
                .map_err(|errors| Failure {
                    code: 1,
                    message: errors.to_string(),
                })?;
            let questionnaire = named_questionnaire(&dir, &questionnaire, &rules)?;
            let examples = fhir::examples::all(
                &rules,
                &catalogue,
                &questionnaire,
                &offered_translations(&locales)?,
            )
            .map_err(|message| Failure { code: 1, message })?;
            std::fs::create_dir_all(&out)
                .map_err(|error| bad_input(format!("{}: cannot create: {error}", out.display())))?;
            let mut written = Vec::new();
            for (name, resource) in examples {
                let path = out.join(name);
                std::fs::write(&path, pretty(&resource) + "\n")
                    .map_err(|error| bad_input(format!("{}: cannot write: {error}", path.display())))?;
                written.push(format!("wrote {}", path.display()));
            }
            Ok(written.join("\n"))
        }
    }
}

/// Stored documents read from `path` (JSON lines or one JSON array), each `{"receipt", "kind",
/// "document"}` or a bare document; an entry that is not one is bad input named by its place.
fn read_received(path: &Path) -> Result<Vec<tyokyky_engine::report::Received>, Failure> {
    let text = read(path)?;
    let entries: Vec<(usize, serde_json::Value)> = if text.trim_start().starts_with('[') {
        let all: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|error| {
            bad_input(format!(
                "{}:{}: malformed JSON: {error}",
                path.display(),
                error.line()
            ))
        })?;
        all.into_iter()
            .enumerate()
            .map(|(index, value)| (index + 1, value))
            .collect()
    } else {
        let mut entries = Vec::new();
        for (index, line) in text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
        {
            let value = serde_json::from_str(line).map_err(|error| {
                bad_input(format!(
                    "{}:{}: malformed JSON: {error}",
                    path.display(),
                    index + 1
                ))
            })?;
            entries.push((index + 1, value));
        }
        entries
    };
    entries
        .into_iter()
        .map(|(place, value)| {
            let (document, received_at) = match value.get("document") {
                Some(document) => (
                    document.clone(),
                    value
                        .pointer("/receipt/received_at")
                        .and_then(serde_json::Value::as_str)
                        .map(str::to_owned),
                ),
                None => (value.clone(), None),
            };
            let document = tyokyky_engine::document::Document::decode(document.to_string().as_bytes())
                .map_err(|error| bad_input(format!("{}:{place}: {error}", path.display())))?;
            let received_at = match received_at {
                Some(text) => tyokyky_engine::document::rfc3339::parse(&text).ok_or_else(|| {
                    bad_input(format!(
                        "{}:{place}: `receipt.received_at` `{text}` is not an RFC 3339 instant",
                        path.display()
                    ))
                })?,
                None => document.created_at,
            };
            Ok(tyokyky_engine::report::Received {
                document,
                received_at,
            })
        })
        .collect()
}

/// A failure with its exit code and one-line message.
struct Failure {
    code: u8,
    message: String,
}

fn bad_input(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: message.into(),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli.command) {
        Ok(output) => {
            // Written without `println!`, which panics when the reader has gone (`check rules | head`):
            // a closed pipe ends the output quietly, as it does for other command-line tools.
            if !output.is_empty() {
                use std::io::Write;
                let mut stdout = std::io::stdout().lock();
                if let Err(error) = writeln!(stdout, "{output}").and_then(|()| stdout.flush())
                    && error.kind() != std::io::ErrorKind::BrokenPipe
                {
                    eprintln!("tyokyky-rules: cannot write the output: {error}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// A bad-input failure unless `dir` holds a `settings.toml`.
fn check_rules_folder(dir: &Path) -> Result<(), Failure> {
    if dir.join("settings.toml").is_file() {
        Ok(())
    } else {
        Err(bad_input(format!(
            "{}: not a rules folder (no settings.toml)",
            dir.display()
        )))
    }
}

fn load(dir: &Path) -> Result<RuleSet, Failure> {
    check_rules_folder(dir)?;
    load_dir(dir).map_err(|errors| Failure {
        code: 1,
        message: errors.to_string(),
    })
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|error| bad_input(format!("{}: cannot read: {error}", path.display())))
}

/// A fact error, with a suggestion for an unknown fact.
fn explain_fact_error(rules: &RuleSet, error: &FactError) -> String {
    match error {
        FactError::Unknown { name } => format!("{error}{}", rules.catalogue().hint(name)),
        other => other.to_string(),
    }
}

/// Reads `path` as JSON; malformed JSON is bad input that names the file and the line.
fn read_json(path: &Path) -> Result<serde_json::Value, Failure> {
    let text = read(path)?;
    serde_json::from_str(&text).map_err(|error| {
        bad_input(format!(
            "{}:{}: malformed JSON: {error}",
            path.display(),
            error.line()
        ))
    })
}

/// Reads a case file into facts of `rules`.
fn case_facts(rules: &RuleSet, case: &Path) -> Result<Facts, Failure> {
    let json = read_json(case)?;
    if !json.is_object() {
        return Err(bad_input(format!(
            "{}: a case must be a JSON object of facts",
            case.display()
        )));
    }
    rules.catalogue().facts_from_json(&json).map_err(|error| {
        bad_input(format!(
            "{}: {}",
            case.display(),
            explain_fact_error(rules, &error)
        ))
    })
}

/// What a question takes, in words.
fn takes(question: &Question) -> String {
    let options = || {
        let values: Vec<&str> = question
            .options
            .iter()
            .map(|option| option.value.as_str())
            .collect();
        format!("`{}`", values.join("`, `"))
    };
    match question.answer_type {
        AnswerType::YesNo => "true or false".to_owned(),
        AnswerType::Score => format!("a whole number from 0 to {SCORE_MAX}"),
        AnswerType::Choice => format!("one of {}", options()),
        AnswerType::Multi => format!("a list of any of {}", options()),
        AnswerType::Text => format!("text of at most {MAX_FREE_TEXT_CHARS} characters"),
    }
}

/// Reads answers (a JSON object keyed by question id) and checks each against its question, as the
/// app's questions allow them: an unknown question, a value of the wrong type, an option not in the
/// list or an exclusive option chosen with others is refused, named. `null` is no answer.
fn read_answers(path: &Path, questionnaire: &Questionnaire) -> Result<Answers, Failure> {
    let located = |message: String| bad_input(format!("{}: {message}", path.display()));
    let json = read_json(path)?;
    let Some(object) = json.as_object() else {
        return Err(located(
            "answers must be a JSON object keyed by question id".to_owned(),
        ));
    };
    let mut answers = Answers::new();
    for (id, value) in object {
        let Some(question) = questionnaire.question(id) else {
            let ids = questionnaire
                .questions()
                .iter()
                .map(|question| question.id.as_str());
            return Err(located(format!(
                "unknown question `{id}`{}",
                did_you_mean(id, ids)
            )));
        };
        if value.is_null() {
            continue;
        }
        let wrong = || {
            located(format!(
                "question `{id}` takes {}, got `{value}`",
                takes(question)
            ))
        };
        let answer: Answer = serde_json::from_value(value.clone()).map_err(|_| wrong())?;
        let chosen: &[String] = match (&answer, question.answer_type) {
            (Answer::Text(value), AnswerType::Choice) => std::slice::from_ref(value),
            (Answer::Options(values), AnswerType::Multi) => values,
            _ => &[],
        };
        if let Some(stray) = chosen.iter().find(|value| question.option(value).is_none()) {
            return Err(located(format!(
                "question `{id}`: `{stray}` is not an option; it takes {}",
                takes(question)
            )));
        }
        if chosen.len() > 1
            && let Some(alone) = chosen
                .iter()
                .find(|value| question.option(value).is_some_and(|option| option.exclusive))
        {
            return Err(located(format!(
                "question `{id}`: `{alone}` cannot be chosen with other options"
            )));
        }
        match Questionnaire::check_answer(question, &answer) {
            Ok(()) => {}
            Err(AnswerProblem::TooLong) => {
                return Err(located(format!(
                    "question `{id}`: the text is longer than {MAX_FREE_TEXT_CHARS} characters"
                )));
            }
            Err(_) => return Err(wrong()),
        }
        answers.insert(id.clone(), answer);
    }
    Ok(answers)
}

/// `privacy`: reads the county's facts and the notice's prose, and writes the pages.
fn write_privacy_notice(
    dir: &Path,
    catalogue: &str,
    locales: &Path,
    stylesheet: &Path,
    out: &Path,
) -> Result<String, Failure> {
    let invalid = |problems: Vec<String>| Failure {
        code: 1,
        message: problems.join("\n"),
    };
    let rules = load(dir)?;
    let path = dir
        .join(tyokyky_engine::load::SERVICES_DIR)
        .join(format!("{catalogue}.toml"));
    if !path.is_file() {
        return Err(bad_input(format!("{}: no such catalogue", path.display())));
    }
    let name = display_name(dir, &path);
    let loaded = load_catalogue(&path, &name, &rules).map_err(|errors| Failure {
        code: 1,
        message: errors.to_string(),
    })?;
    let Some(facts) = loaded.privacy() else {
        return Err(Failure {
            code: 1,
            message: format!(
                "{name}: no `[privacy]` section: the privacy notice needs the controller, its registry \
                 office, the data protection officer and the retention periods (see rules/README.md)"
            ),
        });
    };
    let prose_dir = locales.to_path_buf();
    if !prose_dir.is_dir() {
        return Err(bad_input(format!("{}: no such folder", prose_dir.display())));
    }
    if !stylesheet.is_file() {
        return Err(bad_input(format!("{}: no such stylesheet", stylesheet.display())));
    }
    let files = privacy::read_prose(&prose_dir, |path| path.display().to_string()).map_err(invalid)?;
    let languages: Vec<tyokyky_engine::text::Language> = files.iter().map(|file| file.language.tag).collect();
    let translations =
        tyokyky_engine::text::translations::load_texts(&prose_dir, languages).map_err(invalid)?;
    let facts = privacy::Facts {
        privacy: facts,
        translations: &translations,
        file: &name,
    };
    let pages = privacy::pages(&files, facts).map_err(invalid)?;
    let written = privacy::write(out, &pages, stylesheet)
        .map_err(|error| bad_input(format!("{}: cannot write: {error}", out.display())))?;
    let lines: Vec<String> = written
        .iter()
        .map(|path| format!("wrote {}", path.display()))
        .collect();
    Ok(lines.join("\n"))
}

/// What `languages pseudo` is asked to write.
#[derive(Debug)]
struct PseudoLocale {
    from: PathBuf,
    tag: String,
    style: pseudo::Style,
    out: PathBuf,
    name: Option<String>,
    fallbacks: Vec<String>,
}

/// Whether `tag` can be a language tag: letters, digits and `-`, beginning with a letter.
fn is_language_tag(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `languages pseudo`: reads every `.ftl` file of the source language, and writes the pseudo-locale only
/// when all of them are Fluent.
fn write_pseudo_locale(request: PseudoLocale) -> Result<String, Failure> {
    let PseudoLocale {
        from,
        tag,
        style,
        out,
        name,
        fallbacks,
    } = request;
    if !is_language_tag(&tag) {
        return Err(bad_input(format!(
            "--tag `{tag}` is not a language tag, e.g. `en-XA`"
        )));
    }
    if !from.is_dir() {
        return Err(bad_input(format!("{}: no such folder", from.display())));
    }
    let source_language = from.join("language.toml");
    let source: pseudo::SourceLanguage = if source_language.is_file() {
        toml::from_str(&read(&source_language)?)
            .map_err(|error| bad_input(format!("{}: {error}", source_language.display())))?
    } else {
        pseudo::SourceLanguage::default()
    };
    let Some(name) = name.or(source.name) else {
        return Err(bad_input(format!(
            "{}: no `name` in a language.toml: give the language's name with --name",
            from.display()
        )));
    };
    let fallback = if fallbacks.is_empty() {
        source.tag.into_iter().collect()
    } else {
        fallbacks
    };
    // A pseudo-locale written inside the source folder before is not read as a source.
    let skip = out.canonicalize().ok();
    let files = pseudo::ftl_files(&from, skip.as_deref())
        .map_err(|error| bad_input(format!("{}: cannot read: {error}", from.display())))?;
    if files.is_empty() {
        return Err(bad_input(format!("{}: no .ftl files", from.display())));
    }
    let mut pseudo_files = Vec::new();
    let mut problems = Vec::new();
    for relative in files {
        let path = from.join(&relative);
        let source = read(&path)?;
        let relative_shown = relative.to_string_lossy().replace('\\', "/");
        match pseudo::pseudo_file(&path.display().to_string(), &relative_shown, &source, style) {
            Ok(text) => pseudo_files.push((relative, text)),
            Err(errors) => problems.extend(errors),
        }
    }
    if !problems.is_empty() {
        return Err(bad_input(problems.join("\n")));
    }
    let weekdays = source.weekdays.unwrap_or_else(|| {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .map(str::to_owned)
            .to_vec()
    });
    let language = pseudo::Language {
        tag,
        name: style.text(&name),
        dir: style.dir().to_owned(),
        fallback,
        intl: source.intl.unwrap_or_else(|| "en-GB".to_owned()),
        weekdays: weekdays.iter().map(|day| style.text(day)).collect(),
        date: source
            .date
            .unwrap_or_else(|| "{weekday}, {day2}/{month2}/{year}".to_owned()),
    };
    let language_toml =
        pseudo::language_toml(&language, style).map_err(|error| bad_input(error.to_string()))?;
    pseudo_files.push((PathBuf::from("language.toml"), language_toml));
    let mut written = Vec::new();
    for (relative, text) in pseudo_files {
        let path = out.join(relative);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|error| bad_input(format!("{}: cannot write: {error}", path.display())))?;
        written.push(format!("wrote {}", path.display()));
    }
    Ok(written.join("\n"))
}

/// `languages texts`: each language's `texts.ftl` as the app fetches it, from its folder's and the
/// rules' translations.
fn write_texts(sources: LanguageSources, out: &Path) -> Result<String, Failure> {
    let (bundle, languages, locales) = sources.read()?;
    if out.canonicalize().ok() == locales.canonicalize().ok() {
        return Err(bad_input(format!(
            "{}: the languages' folder holds the translators' texts.ftl files: write the app's elsewhere",
            out.display()
        )));
    }
    let mut written = Vec::new();
    for language in &languages.all {
        let tag = language.tag.tag();
        if language.tag == tyokyky_engine::text::Language::FI {
            continue;
        }
        let folder = tyokyky_engine::text::translations::folder_texts(&locales, tag)
            .map_err(|problems| bad_input(problems.join("\n")))?;
        let files = bundle.texts_ftl(tag, &folder).map_err(bad_input)?;
        for (name, text) in ["texts.ftl", "worker-texts.ftl"].into_iter().zip(files) {
            if !text.lines().any(|line| line.starts_with("t-")) {
                continue;
            }
            let path = out.join(tag).join(name);
            path.parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, text))
                .map_err(|error| bad_input(format!("{}: cannot write: {error}", path.display())))?;
            written.push(format!("wrote {}", path.display()));
        }
    }
    Ok(written.join("\n"))
}

fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Languages {
            what:
                LanguagesCommand::Pseudo {
                    from,
                    tag,
                    style,
                    out,
                    name,
                    fallbacks,
                },
        } => write_pseudo_locale(PseudoLocale {
            from,
            tag,
            style,
            out,
            name,
            fallbacks,
        }),
        Command::Languages {
            what: LanguagesCommand::Texts { sources, out },
        } => write_texts(sources, &out),
        Command::Languages {
            what: LanguagesCommand::Template { sources, tag },
        } => {
            let (bundle, languages, locales) = sources.read()?;
            let language = tyokyky_engine::text::Language::parse(&tag)
                .and_then(|language| languages.get(language))
                .ok_or_else(|| {
                    bad_input(format!("`{tag}`: no folder locales/{tag}/ with a language.toml"))
                })?;
            languages::template(&bundle, &locales, &language.tag, &language.name).map_err(bad_input)
        }
        Command::Languages {
            what: LanguagesCommand::Report { sources },
        } => {
            let (bundle, languages, locales) = sources.read()?;
            Ok(languages::report(&bundle, &languages, &locales))
        }
        Command::Fhir { what } => run_fhir(what),
        Command::Report {
            documents,
            since,
            until,
            threshold,
            html,
            dir,
            catalogue,
        } => {
            let instant = |name: &str, text: Option<String>| {
                text.map(|text| {
                    tyokyky_engine::document::rfc3339::parse(&text).ok_or_else(|| {
                        bad_input(format!(
                            "--{name} `{text}` is not an RFC 3339 instant, e.g. 2026-11-01T00:00:00Z"
                        ))
                    })
                })
                .transpose()
            };
            let (since, until) = (instant("since", since)?, instant("until", until)?);
            let received = read_received(&documents)?;
            let report = tyokyky_engine::report::report(&received, since, until, threshold);
            if let Some(page) = html {
                // The names of the groups and needs from the catalogue's `[report]`, when it loads.
                let rules = load(&dir)?;
                let path = dir.join("services").join(format!("{catalogue}.toml"));
                let loaded =
                    load_catalogue(&path, &display_name(&dir, &path), &rules).map_err(|errors| Failure {
                        code: 1,
                        message: errors.to_string(),
                    })?;
                let spec = loaded.file().report.clone().unwrap_or_default();
                let names = |id: &str| {
                    spec.groups
                        .iter()
                        .chain(&spec.needs)
                        .find(|counted| counted.id == id)
                        .map(|counted| counted.name.fi.clone())
                };
                std::fs::write(&page, report.to_html(&names))
                    .map_err(|error| bad_input(format!("{}: cannot write: {error}", page.display())))?;
            }
            Ok(serde_json::to_string_pretty(&report).unwrap_or_default())
        }
        Command::Check { dir } => {
            let rules = load(&dir)?;
            let (ids, versions) = rules.counts();
            let mut report = vec![format!(
                "{}: ok ({ids} rules in {versions} versions, {} facts)",
                dir.display(),
                rules.catalogue().definitions().len()
            )];
            let mut problems = Vec::new();
            let mut catalogues = Vec::new();
            for path in catalogue_files(&dir) {
                let name = display_name(&dir, &path);
                match load_catalogue(&path, &name, &rules) {
                    Ok(catalogue) => {
                        let spec = catalogue.file().report.clone().unwrap_or_default();
                        report.push(format!(
                            "{name}: ok ({} services, {}; reports on {} target groups and {} needs)",
                            catalogue.file().service.len(),
                            catalogue.file().county,
                            spec.groups.len(),
                            spec.needs.len()
                        ));
                        catalogues.push(catalogue);
                    }
                    Err(errors) => problems.push(errors.to_string()),
                }
            }
            for path in questionnaire_files(&dir) {
                let name = display_name(&dir, &path);
                match load_questionnaire(&path, &name, &rules) {
                    Ok(questionnaire) => {
                        // A sensitive question is asked only where some catalogue's service needs it.
                        let unneeded: Vec<Vec<String>> = catalogues
                            .iter()
                            .map(|catalogue| unneeded_sensitive(questionnaire.file(), catalogue))
                            .collect();
                        match unneeded.iter().min_by_key(|messages| messages.len()) {
                            Some(messages) if !messages.is_empty() => {
                                problems.extend(messages.iter().map(|message| format!("{name}: {message}")));
                            }
                            _ => report.push(format!(
                                "{name}: ok ({} questions on {} pages, {} derived facts)",
                                questionnaire.questions().len(),
                                questionnaire.file().page.len(),
                                questionnaire.file().derive.len()
                            )),
                        }
                    }
                    Err(errors) => problems.push(errors.to_string()),
                }
            }
            if problems.is_empty() {
                Ok(report.join("\n"))
            } else {
                Err(Failure {
                    code: 1,
                    message: problems.join("\n"),
                })
            }
        }
        Command::Schema { draft: false } => {
            Ok(tyokyky_engine::schema::document_schema().trim_end().to_owned())
        }
        Command::Schema { draft: true } => Ok(tyokyky_engine::schema::draft_schema().trim_end().to_owned()),
        Command::Compile {
            dir,
            output: _,
            out_dir: Some(out_dir),
            catalogue,
            questionnaire,
        } => {
            check_rules_folder(&dir)?;
            let selection = bundle::Selection {
                catalogue,
                questionnaire,
            };
            let compiled = bundle::compile(&dir, &selection).map_err(|error| Failure {
                code: 1,
                message: error.to_string(),
            })?;
            std::fs::create_dir_all(&out_dir)
                .and_then(|()| compiled.write_to(&out_dir))
                .map(|written| {
                    let lines: Vec<String> = written
                        .iter()
                        .map(|path| format!("wrote {}", path.display()))
                        .collect();
                    lines.join("\n")
                })
                .map_err(|error| bad_input(format!("{}: cannot write: {error}", out_dir.display())))
        }
        Command::Compile { dir, output, .. } => {
            let json = load(&dir)?.to_json();
            match output {
                Some(path) => {
                    std::fs::write(&path, json)
                        .map_err(|error| bad_input(format!("{}: cannot write: {error}", path.display())))?;
                    Ok(String::new())
                }
                None => Ok(json),
            }
        }
        Command::Evaluate {
            case,
            rules: dir,
            compiled,
            answers,
            questionnaire,
            opened_on,
        } => {
            let rules = match compiled {
                Some(path) => {
                    let json = read(&path)?;
                    RuleSet::from_json(&json, &path.display().to_string()).map_err(|errors| Failure {
                        code: 1,
                        message: errors.to_string(),
                    })?
                }
                None => load(&dir)?,
            };
            let (mut facts, source) = match &case {
                Some(case) => (case_facts(&rules, case)?, case.display().to_string()),
                None => {
                    let opened_on = match &opened_on {
                        Some(text) => calendar::parse_date(text)
                            .map_err(|error| bad_input(format!("--opened-on: {error}")))?,
                        None => chrono::Local::now().date_naive(),
                    };
                    // As the app opens a self-assessment: the person contacts the county today.
                    let opening = serde_json::json!({
                        "case": { "opened_on": opened_on.format("%Y-%m-%d").to_string(), "initiator": "client" }
                    });
                    let facts = rules
                        .catalogue()
                        .facts_from_json(&opening)
                        .map_err(|error| bad_input(error.to_string()))?;
                    (facts, String::new())
                }
            };
            let source = match &answers {
                Some(path) => {
                    let path_of = dir.join("questionnaires").join(format!("{questionnaire}.toml"));
                    let name = display_name(&dir, &path_of);
                    let questionnaire =
                        load_questionnaire(&path_of, &name, &rules).map_err(|errors| Failure {
                            code: 1,
                            message: errors.to_string(),
                        })?;
                    let given = read_answers(path, &questionnaire)?;
                    questionnaire.apply(&given, &mut facts);
                    if source.is_empty() {
                        path.display().to_string()
                    } else {
                        source
                    }
                }
                None => source,
            };
            let outcome = rules
                .evaluate(&facts)
                .map_err(|error| bad_input(format!("{source}: {error}")))?;
            serde_json::to_string_pretty(&outcome.report(&rules))
                .map_err(|error| bad_input(error.to_string()))
        }
        Command::Privacy {
            dir,
            catalogue,
            locales,
            stylesheet,
            out,
        } => write_privacy_notice(&dir, &catalogue, &locales, &stylesheet, &out),
        Command::Deadline {
            from,
            workdays,
            months,
            count_saturdays,
            roll_forward,
        } => {
            let from = calendar::parse_date(&from).map_err(|error| bad_input(format!("--from: {error}")))?;
            let settings = CalendarSettings {
                count_saturdays,
                roll_forward,
            };
            let due = match (workdays, months) {
                (Some(days), _) => calendar::nth_working_day_after(from, days, settings),
                (None, Some(months)) => calendar::add_months(from, months),
                (None, None) => return Err(bad_input("give --workdays or --months")),
            }
            .and_then(|date| calendar::finish(date, settings))
            .ok_or_else(|| bad_input("the date is out of the calendar's range"))?;
            Ok(due.format("%Y-%m-%d").to_string())
        }
    }
}
