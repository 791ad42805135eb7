//! Compiles `rules/` at build time with the engine's one compile step (`tyokyky_engine::bundle`, the same
//! as `tyokyky-rules compile --out-dir`), checks it, and bakes it into the app: `baked.rs` is Rust that
//! builds the rule set, the catalogue and the questionnaire (`tyokyky_engine::bake`), so the browser
//! neither parses nor checks them. The JSON files are written beside it for the tests, which compare the
//! two. A rule file with a mistake stops the build with the same located messages as `tyokyky-rules
//! check`. The Finnish UI messages (`locales/fi/citizen.ftl`) are baked as statics too (`finnish.rs`), and
//! so is the table of languages, one per folder of `locales/` (`languages.rs`, from each folder's
//! `language.toml` and `locales/languages.toml`, checked as `tyokyky-rules languages report` does); each
//! language's translations of the rules' texts (its folder's `texts.ftl` and the rules' inline ones) are
//! merged as the build writes them for the browser, for the tests (`texts-<tag>.ftl`), and a texts file
//! with a mistake stops the build naming its file and line.
//!
//! The rules folder is `rules/`, or the folder `TYOKYKY_RULES_DIR` names (`scripts/county-build.sh`
//! builds a county's own copy so). The county service catalogue is `rules/services/<county>.toml`, where `<county>` is
//! `TYOKYKY_CATALOGUE` (default `example-county`), and the self-assessment questionnaire is
//! `rules/questionnaires/<name>.toml` with `<name>` from `TYOKYKY_QUESTIONNAIRE` (default
//! `self_assessment`).

use std::path::PathBuf;

/// The reader of the UI messages the app itself uses (pure Rust, no dependency).
#[allow(dead_code, reason = "the build uses the reader only, not the formatting")]
#[path = "src/state/messages.rs"]
mod messages;

use messages::{Messages, Part};

use tyokyky_engine::bundle::{self, CATALOGUE_VARIABLE, QUESTIONNAIRE_VARIABLE, Selection};
use tyokyky_engine::text::Language;
use tyokyky_engine::text::languages::{self, Direction};
use tyokyky_engine::text::translations;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-env-changed=TYOKYKY_RULES_DIR");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=src/state/messages.rs");
    println!("cargo:rerun-if-env-changed={CATALOGUE_VARIABLE}");
    println!("cargo:rerun-if-env-changed={QUESTIONNAIRE_VARIABLE}");
    let (Some(manifest), Some(out)) = (
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        std::env::var_os("OUT_DIR").map(PathBuf::from),
    ) else {
        eprintln!("CARGO_MANIFEST_DIR and OUT_DIR must be set (cargo sets them)");
        std::process::exit(1);
    };
    let rules = match std::env::var_os("TYOKYKY_RULES_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            println!("cargo:rerun-if-changed={}", dir.display());
            dir
        }
        None => manifest.join("rules"),
    };
    let compiled = match bundle::compile(&rules, &Selection::from_env()) {
        Ok(compiled) => compiled,
        Err(error) => {
            for problem in &error.errors.0 {
                println!("cargo:warning={problem}");
            }
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    if let Err(error) = compiled
        .write_to(&out)
        .and_then(|_| std::fs::write(out.join("baked.rs"), compiled.baked()))
    {
        eprintln!("cannot write the compiled rules into {}: {error}", out.display());
        std::process::exit(1);
    }
    // Finnish, the language built into the app, as statics (the other languages are fetched as .ftl).
    let finnish = match std::fs::read_to_string(manifest.join("locales/fi/citizen.ftl")) {
        Ok(text) => Messages::read(&[&text]),
        Err(error) => {
            eprintln!("cannot read locales/fi/citizen.ftl: {error}");
            std::process::exit(1);
        }
    };
    let mut baked = String::from(
        "// Written by the build script from locales/fi/citizen.ftl: do not edit.\n\
         pub static FINNISH: &[(Text, Pattern)] = &[\n",
    );
    for (id, pattern) in finnish.entries() {
        baked.push_str(&format!("(Cow::Borrowed({id:?}), "));
        bake_pattern(pattern, &mut baked);
        baked.push_str("),\n");
    }
    baked.push_str("];\n");
    if let Err(error) = std::fs::write(out.join("finnish.rs"), baked) {
        eprintln!(
            "cannot write the Finnish messages into {}: {error}",
            out.display()
        );
        std::process::exit(1);
    }
    // The languages: every folder of locales/, the offered ones first.
    let languages = match languages::load(&manifest.join("locales")) {
        Ok(languages) => languages,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            std::process::exit(1);
        }
    };
    // Each language's translations of the rules', the catalogue's and the questionnaire's texts, as the
    // browser fetches them (`locales/<tag>/texts.ftl` of the built app, written into dist/ by
    // `tyokyky-rules languages texts` from the folder's own `texts.ftl` and the rules' inline ones): here
    // for the app's tests, and whether the app fetches one for the language at all.
    let mut has_texts = Vec::new();
    let mut has_worker_texts = Vec::new();
    // A language whose worker flow lacks nothing (every message of Finnish's worker.ftl, every text only
    // the worker flow shows): the worker flow fetches no stand-in's worker files for it.
    let mut worker_whole = vec![Language::FI];
    let worker_ids = |tag: &str| -> Vec<String> {
        let source = std::fs::read_to_string(manifest.join("locales").join(tag).join("worker.ftl"))
            .unwrap_or_default();
        Messages::read(&[source.as_str()])
            .entries()
            .iter()
            .map(|(id, _)| id.to_string())
            .collect()
    };
    let finnish_worker = worker_ids("fi");
    let worker_only = compiled.finnish_texts().len() - compiled.citizen_texts().len();
    for language in languages
        .all
        .iter()
        .filter(|language| language.tag != Language::FI)
    {
        let tag = language.tag.tag();
        let folder = translations::folder_texts(&manifest.join("locales"), tag)
            .map_err(|problems| problems.join("\n"));
        let written = folder
            .and_then(|folder| {
                compiled
                    .texts_ftl(tag, &folder)
                    .map_err(|problem| problem.to_string())
            })
            .and_then(|[citizen, worker]| {
                let own = worker_ids(tag);
                let translated = worker.lines().filter(|line| line.starts_with("t-")).count();
                if finnish_worker.iter().all(|id| own.contains(id)) && translated == worker_only {
                    worker_whole.push(language.tag);
                }
                for (text, has, name) in [
                    (citizen, &mut has_texts, "texts"),
                    (worker, &mut has_worker_texts, "worker-texts"),
                ] {
                    if text.lines().any(|line| line.starts_with("t-")) {
                        has.push(language.tag);
                    }
                    std::fs::write(out.join(format!("{name}-{tag}.ftl")), text)
                        .map_err(|error| error.to_string())?;
                }
                Ok(())
            });
        if let Err(problem) = written {
            eprintln!("the texts in {tag}: {problem}");
            std::process::exit(1);
        }
    }
    let mut table = String::from(
        "// Written by the build script from locales/*/language.toml and locales/languages.toml: do not edit.\n\
         pub static LANGUAGES: &[LanguageInfo] = &[\n",
    );
    for (index, language) in languages.all.iter().enumerate() {
        let chain: Vec<String> = languages
            .chain(language.tag)
            .iter()
            .map(|tag| format!("{:?}", tag.tag()))
            .collect();
        table.push_str(&format!(
            "LanguageInfo {{ tag: {:?}, name: {:?}, rtl: {}, documents: {:?}, plain: {}, worker: {}, texts: {}, worker_texts: {}, worker_whole: {}, privacy: {:?}, chain: &[{}], intl: {:?}, weekdays: {:?}, date: {:?}, offered: {} }},\n",
            language.tag.tag(),
            language.name,
            language.dir == Direction::Rtl,
            language.document_language().tag(),
            language.plain,
            manifest
                .join("locales")
                .join(language.tag.tag())
                .join("worker.ftl")
                .is_file(),
            has_texts.contains(&language.tag),
            has_worker_texts.contains(&language.tag),
            worker_whole.contains(&language.tag),
            // The privacy notice a person reading it is shown: its own, or the first standing in that has one.
            std::iter::once(language.tag)
                .chain(languages.chain(language.tag))
                .find(|tag| manifest.join("locales").join(tag.tag()).join("privacy.toml").is_file())
                .unwrap_or(Language::FI)
                .tag(),
            chain.join(", "),
            language.intl,
            language.weekdays,
            language.date,
            index < languages.offered,
        ));
    }
    table.push_str("];\n");
    if let Err(error) = std::fs::write(out.join("languages.rs"), table) {
        eprintln!("cannot write the languages into {}: {error}", out.display());
        std::process::exit(1);
    }
}

/// Writes a message's pattern as a constant expression.
fn bake_pattern(pattern: &[Part], out: &mut String) {
    out.push_str("Cow::Borrowed(&[");
    for part in pattern {
        match part {
            Part::Text(text) => out.push_str(&format!("Part::Text(Cow::Borrowed({text:?})),")),
            Part::Arg(name) => out.push_str(&format!("Part::Arg(Cow::Borrowed({name:?})),")),
            Part::Select {
                on,
                variants,
                default,
            } => {
                out.push_str(&format!(
                    "Part::Select {{ on: Cow::Borrowed({on:?}), variants: Cow::Borrowed(&["
                ));
                for (key, value) in variants.iter() {
                    out.push_str(&format!("(Cow::Borrowed({key:?}), "));
                    bake_pattern(value, out);
                    out.push_str("),");
                }
                out.push_str(&format!("]), default: {default} }},"));
            }
        }
    }
    out.push_str("])");
}
