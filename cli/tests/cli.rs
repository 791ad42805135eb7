//! End-to-end tests of the `tyokyky-rules` binary: each test runs the built executable from the workspace
//! root (so `rules/` and `tests/fixtures/` resolve as they do for a developer) and checks its exit code
//! (0 success, 1 invalid rules, 2 bad input) and what it prints on standard output and standard error.
//!
//! Temporary files (case files, copies of the rules folder, compiled rule sets) live in `tempfile`
//! folders that are removed when each test ends.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// The workspace root: the parent of this crate's folder.
fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// What one run of the binary gave.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `tyokyky-rules` with `args` in the workspace root.
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_tyokyky-rules"))
        .args(args)
        .current_dir(workspace())
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Writes `text` to `name` in `dir` and returns the file's path.
fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Copies the folder `from` (recursively) to `to`, which must not exist yet.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of `rules/` at `<tmp>/myrules` with the bad fixture `name.toml` added to its `shl/`
/// folder. Returns the temporary folder (keep it alive) and the copy's path.
fn rules_with_bad_fixture(name: &str) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let rules = tmp.path().join("myrules");
    copy_dir(&workspace().join("rules"), &rules);
    let fixture = workspace()
        .join("tests/fixtures/bad")
        .join(format!("{name}.toml"));
    fs::copy(&fixture, rules.join("shl").join(format!("{name}.toml"))).unwrap();
    (tmp, rules)
}

/// The case of a 78-year-old whose relative phoned on Maundy Thursday 2026 (nested keys).
const ELDERLY_CASE: &str = r#"{
  "case": {"opened_on": "2026-04-02", "initiator": "relative_or_close_person", "urgent": false},
  "client": {"age": 78},
  "assessment": {"obviously_unnecessary": false}
}"#;

/// The same case with dotted keys.
const ELDERLY_CASE_DOTTED: &str = r#"{
  "case.opened_on": "2026-04-02",
  "case.initiator": "relative_or_close_person",
  "case.urgent": false,
  "client.age": 78,
  "assessment.obviously_unnecessary": false
}"#;

// ---------------------------------------------------------------------------------------------------
// check

#[test]
fn check_rules_prints_the_counts() {
    let run = run(&["check", "rules"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.get(1..),
        Some(
            &[
                "rules/services/example-county.toml: ok (17 services, Esimerkin hyvinvointialue; reports on 7 target groups and 7 needs)",
                "rules/questionnaires/self_assessment.toml: ok (15 questions on 8 pages, 12 derived facts)",
            ][..]
        ),
        "the rules, then each service catalogue and questionnaire: {lines:?}"
    );
    let line = lines[0];
    // rules: ok (N rules in M versions, K facts)
    let counts = line
        .strip_prefix("rules: ok (")
        .and_then(|rest| rest.strip_suffix(" facts)"))
        .unwrap_or_else(|| panic!("unexpected output: {line:?}"));
    let (rules, rest) = counts.split_once(" rules in ").unwrap();
    let (versions, facts) = rest.split_once(" versions, ").unwrap();
    let rules: usize = rules.parse().unwrap();
    let versions: usize = versions.parse().unwrap();
    let facts: usize = facts.parse().unwrap();
    assert!(rules >= 30, "only {rules} rules");
    assert!(versions >= rules, "{versions} versions of {rules} rules");
    assert!(facts > 0);
}

#[test]
fn check_defaults_to_the_rules_folder() {
    // `check` with no folder checks `rules`.
    let run = run(&["check"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stdout.starts_with("rules: ok ("), "stdout: {}", run.stdout);
}

#[test]
fn check_names_the_file_line_and_rule_of_a_bad_rule() {
    let (_tmp, rules) = rules_with_bad_fixture("unknown_fact");
    let run = run(&["check".as_ref(), rules.as_os_str()]);
    assert_eq!(run.code, 1, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
    // Files are named relative to the rules folder's parent, so the temporary prefix is not printed.
    assert_eq!(
        run.stderr,
        "myrules/shl/unknown_fact.toml:2: unknown fact `client.agee` (did you mean `client.age`?) (rule \
         `shl-99-example`, 1301/2014 99 § 1 mom.)\n"
    );
}

#[test]
fn check_reports_every_bad_fixture_as_its_expected_file_says() {
    let fixtures = workspace().join("tests/fixtures/bad");
    let mut names: Vec<String> = fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let expected = fs::read_to_string(fixtures.join(format!("{name}.expected"))).unwrap();
        let expected = expected.trim_end().replace("tests/fixtures/bad/", "myrules/shl/");
        let (_tmp, rules) = rules_with_bad_fixture(&name);
        let run = run(&["check".as_ref(), rules.as_os_str()]);
        assert_eq!(run.code, 1, "{name}: stderr: {}", run.stderr);
        assert_eq!(run.stdout, "", "{name}");
        assert_eq!(run.stderr.trim_end(), expected, "{name}");
    }
}

#[test]
fn check_names_the_file_line_and_question_of_a_bad_questionnaire() {
    let temp = TempDir::new().unwrap();
    let rules = temp.path().join("myrules");
    copy_dir(&workspace().join("rules"), &rules);
    fs::copy(
        workspace().join("tests/fixtures/questionnaire/bad/unknown_question.toml"),
        rules.join("questionnaires").join("broken.toml"),
    )
    .unwrap();
    let run = run(&["check".as_ref(), rules.as_os_str()]);
    assert_eq!(run.code, 1, "stdout: {}", run.stdout);
    assert_eq!(
        run.stderr.trim(),
        "myrules/questionnaires/broken.toml:48: unknown question `gaol` (did you mean `goal`?) (question \
         `half_days`)"
    );
}

#[test]
fn check_refuses_a_folder_without_settings() {
    let tmp = TempDir::new().unwrap();
    let run = run(&["check".as_ref(), tmp.path().as_os_str()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "{}: not a rules folder (no settings.toml)\n",
            tmp.path().display()
        )
    );
}

#[test]
fn check_refuses_a_source_folder() {
    let run = run(&["check", "cli"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "cli: not a rules folder (no settings.toml)\n");
}

// ---------------------------------------------------------------------------------------------------
// compile

fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

#[test]
fn compile_prints_json_with_rules_and_a_source_hash() {
    let run = run(&["compile", "rules"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let rules = json["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    let hash = json["source_hash"].as_str().unwrap();
    assert!(is_sha256_hex(hash), "source_hash: {hash:?}");
}

#[test]
fn compile_to_a_file_then_evaluate_it_like_the_folder() {
    let tmp = TempDir::new().unwrap();
    let compiled = tmp.path().join("compiled.json");

    let printed = run(&["compile", "rules"]);
    assert_eq!(printed.code, 0, "stderr: {}", printed.stderr);

    let written = run(&[
        "compile".as_ref(),
        "rules".as_ref(),
        "-o".as_ref(),
        compiled.as_os_str(),
    ]);
    assert_eq!(written.code, 0, "stderr: {}", written.stderr);
    assert_eq!(written.stdout, "");
    assert_eq!(written.stderr, "");
    let file = fs::read_to_string(&compiled).unwrap();
    // Standard output ends with a newline; the file holds the same JSON.
    assert_eq!(file.trim_end(), printed.stdout.trim_end());
    let file_json: Value = serde_json::from_str(&file).unwrap();
    let printed_json: Value = serde_json::from_str(&printed.stdout).unwrap();
    assert_eq!(file_json, printed_json);

    let case = write(&tmp, "case.json", ELDERLY_CASE);
    let from_compiled = run(&[
        "evaluate".as_ref(),
        case.as_os_str(),
        "--compiled".as_ref(),
        compiled.as_os_str(),
    ]);
    assert_eq!(from_compiled.code, 0, "stderr: {}", from_compiled.stderr);
    let from_folder = run(&[
        "evaluate".as_ref(),
        case.as_os_str(),
        "--rules".as_ref(),
        "rules".as_ref(),
    ]);
    assert_eq!(from_folder.code, 0, "stderr: {}", from_folder.stderr);
    assert_eq!(from_compiled.stdout, from_folder.stdout);

    // The report names the rule set it was judged by.
    let report: Value = serde_json::from_str(&from_compiled.stdout).unwrap();
    assert_eq!(report["rules"]["source_hash"], printed_json["source_hash"]);
}

#[test]
fn compile_refuses_a_folder_without_settings() {
    let tmp = TempDir::new().unwrap();
    let run = run(&["compile".as_ref(), tmp.path().as_os_str()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("not a rules folder"),
        "stderr: {}",
        run.stderr
    );
}

#[test]
fn compile_fails_on_invalid_rules() {
    let (_tmp, rules) = rules_with_bad_fixture("unknown_fact");
    let run = run(&["compile".as_ref(), rules.as_os_str()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("myrules/shl/unknown_fact.toml:2: unknown fact `client.agee`"),
        "stderr: {}",
        run.stderr
    );
}

#[test]
fn compile_out_dir_writes_the_bundle_the_app_embeds() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("bundle");
    let run_out = run(&[
        "compile".as_ref(),
        "rules".as_ref(),
        "--out-dir".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run_out.code, 0, "stderr: {}", run_out.stderr);
    assert_eq!(run_out.stdout.lines().count(), 5, "stdout: {}", run_out.stdout);
    // The rule set is the same JSON that `compile` prints.
    let printed = run(&["compile", "rules"]);
    let rules: Value = serde_json::from_str(&fs::read_to_string(out.join("rules.json")).unwrap()).unwrap();
    let printed: Value = serde_json::from_str(&printed.stdout).unwrap();
    assert_eq!(rules, printed);
    // The catalogue and the questionnaire load back against that rule set, as the app loads them.
    let rule_set = tyokyky_engine::ruleset::RuleSet::from_json(&rules.to_string(), "rules.json").unwrap();
    let catalogue = fs::read_to_string(out.join("catalogue.json")).unwrap();
    tyokyky_engine::catalogue::Catalogue::from_json(&catalogue, &rule_set, "catalogue.json").unwrap();
    let questionnaire = fs::read_to_string(out.join("questionnaire.json")).unwrap();
    tyokyky_engine::questionnaire::Questionnaire::from_json(&questionnaire, &rule_set, "questionnaire.json")
        .unwrap();
    // So do they against the citizens' part, which the public bundle embeds instead.
    let citizen = fs::read_to_string(out.join("rules-citizen.json")).unwrap();
    let citizen = tyokyky_engine::ruleset::RuleSet::from_json(&citizen, "rules-citizen.json").unwrap();
    assert!(citizen.counts().0 < rule_set.counts().0);
    tyokyky_engine::catalogue::Catalogue::from_json(&catalogue, &citizen, "catalogue.json").unwrap();
    tyokyky_engine::questionnaire::Questionnaire::from_json(&questionnaire, &citizen, "questionnaire.json")
        .unwrap();
    // The citizens' copy of the catalogue keeps the report's ids and conditions, not its names.
    let citizen_catalogue = fs::read_to_string(out.join("catalogue-citizen.json")).unwrap();
    let citizen_catalogue = tyokyky_engine::catalogue::Catalogue::from_json(
        &citizen_catalogue,
        &citizen,
        "catalogue-citizen.json",
    )
    .unwrap();
    let report = citizen_catalogue.file().report.clone().unwrap();
    assert!(
        report.groups.iter().all(|group| group.name.fi == group.id),
        "{report:?}"
    );
}

#[test]
fn compile_out_dir_names_a_catalogue_that_is_not_there() {
    let tmp = TempDir::new().unwrap();
    let run = run(&[
        "compile".as_ref(),
        "rules".as_ref(),
        "--out-dir".as_ref(),
        tmp.path().as_os_str(),
        "--catalogue".as_ref(),
        "no-such-county".as_ref(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "the service catalogue `no-such-county` does not load:\nrules/services/no-such-county.toml: cannot read"
        ),
        "stderr: {}",
        run.stderr
    );
    assert!(!tmp.path().join("rules.json").exists(), "nothing is written");
}

// ---------------------------------------------------------------------------------------------------
// evaluate

/// Evaluates the case `text` (written to a temporary file) with the default rules folder.
fn evaluate(text: &str) -> Run {
    let tmp = TempDir::new().unwrap();
    let case = write(&tmp, "case.json", text);
    run(&["evaluate".as_ref(), case.as_os_str()])
}

#[test]
fn evaluate_counts_the_7_working_day_deadline_over_easter() {
    let run = evaluate(ELDERLY_CASE);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();

    let hash = report["rules"]["source_hash"].as_str().unwrap();
    assert!(is_sha256_hex(hash), "source_hash: {hash:?}");

    let findings = report["findings"].as_array().unwrap();
    let finding = findings
        .iter()
        .find(|finding| finding["rule_id"] == "shl-36-start-within-7-working-days")
        .unwrap_or_else(|| panic!("no 7-working-day finding in {findings:#?}"));
    assert_eq!(finding["kind"], "deadline");
    let due = &finding["due"];
    assert_eq!(due["date"], "2026-04-15");
    assert_eq!(due["from"], "2026-04-02");
    let skipped = due["skipped"].as_array().unwrap();
    let skipped_on = |date: &str| {
        skipped
            .iter()
            .find(|day| day["date"] == date)
            .unwrap_or_else(|| panic!("{date} not skipped: {skipped:#?}"))
    };
    assert_eq!(skipped_on("2026-04-03")["reason"]["holiday"], "good_friday");
    assert_eq!(skipped_on("2026-04-06")["reason"]["holiday"], "easter_monday");
}

#[test]
fn evaluate_reads_dotted_keys_like_nested_ones() {
    let nested = evaluate(ELDERLY_CASE);
    let dotted = evaluate(ELDERLY_CASE_DOTTED);
    assert_eq!(nested.code, 0, "stderr: {}", nested.stderr);
    assert_eq!(dotted.code, 0, "stderr: {}", dotted.stderr);
    assert_eq!(dotted.stdout, nested.stdout);
}

/// Evaluates `text` and checks it is refused as bad input: exit code 2, nothing on standard output and
/// one line on standard error that starts with the case file's name and contains `expected`.
fn assert_bad_case(text: &str, expected: &str) {
    let tmp = TempDir::new().unwrap();
    let case = write(&tmp, "case.json", text);
    let run = run(&["evaluate".as_ref(), case.as_os_str()]);
    assert_eq!(
        run.code, 2,
        "case {text}\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert_eq!(run.stdout, "", "case {text}");
    let line = run.stderr.strip_suffix('\n').unwrap();
    assert!(!line.contains('\n'), "one line expected: {line:?}");
    assert!(
        line.starts_with(&format!("{}:", case.display())),
        "the message does not name the file: {line:?}"
    );
    assert!(line.contains(expected), "{line:?} does not contain {expected:?}");
}

#[test]
fn evaluate_refuses_a_missing_case_file() {
    let tmp = TempDir::new().unwrap();
    let case = tmp.path().join("no_such_case.json");
    let run = run(&["evaluate".as_ref(), case.as_os_str()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let line = run.stderr.strip_suffix('\n').unwrap();
    assert!(!line.contains('\n'), "one line expected: {line:?}");
    assert!(
        line.starts_with(&format!("{}: cannot read: ", case.display())),
        "stderr: {line:?}"
    );
}

#[test]
fn evaluate_refuses_malformed_json() {
    assert_bad_case(r#"{"case": {"opened_on": }}"#, "malformed JSON");
    // The line of the error follows the file name.
    let tmp = TempDir::new().unwrap();
    let case = write(&tmp, "case.json", "{\n\"case\": {\"opened_on\": }}");
    let run = run(&["evaluate".as_ref(), case.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with(&format!("{}:2: malformed JSON: ", case.display())),
        "stderr: {}",
        run.stderr
    );
}

#[test]
fn evaluate_refuses_a_json_array() {
    assert_bad_case(
        r#"[{"case": {"opened_on": "2026-04-02"}}]"#,
        "a case must be a JSON object of facts",
    );
}

#[test]
fn evaluate_refuses_an_unknown_fact() {
    assert_bad_case(
        r#"{"case": {"opened_on": "2026-04-02"}, "client": {"agee": 3}}"#,
        "case.json: unknown fact `client.agee` (did you mean `client.age`?)",
    );
    // The same name after the last dot.
    assert_bad_case(
        r#"{"case": {"opened_on": "2026-04-02"}, "person": {"age": 3}}"#,
        "case.json: unknown fact `person.age` (did you mean `client.age`?)",
    );
    // Nothing close: no suggestion.
    let tmp = TempDir::new().unwrap();
    let case = write(
        &tmp,
        "case.json",
        r#"{"case": {"opened_on": "2026-04-02"}, "weather": "fine"}"#,
    );
    let run = run(&["evaluate".as_ref(), case.as_os_str()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!("{}: unknown fact `weather`\n", case.display())
    );
}

#[test]
fn evaluate_refuses_a_fact_given_twice() {
    assert_bad_case(
        r#"{"case": {"opened_on": "2026-04-02"}, "case.opened_on": "2026-04-03", "client": {"age": 78}}"#,
        "case.json: fact `case.opened_on` is given twice",
    );
}

#[test]
fn evaluate_refuses_a_fact_of_the_wrong_type() {
    assert_bad_case(
        r#"{"case": {"opened_on": "2026-04-02"}, "client": {"age": "old"}}"#,
        "fact `client.age` must be a whole number",
    );
}

#[test]
fn evaluate_refuses_a_date_not_written_yyyy_mm_dd() {
    for (date, problem) in [
        ("2025-4-17", "is not a date in the form YYYY-MM-DD"),
        ("17.4.2025", "is not a date in the form YYYY-MM-DD"),
        ("+2025-04-17", "is not a date in the form YYYY-MM-DD"),
        ("2025-02-29", "is not a day of the calendar (YYYY-MM-DD)"),
    ] {
        assert_bad_case(
            &format!(r#"{{"case": {{"opened_on": "{date}"}}, "client": {{"age": 78}}}}"#),
            &format!("case.json: fact `case.opened_on`: `{date}` {problem}"),
        );
    }
}

#[test]
fn evaluate_refuses_an_impossible_age() {
    for age in ["-3", "131"] {
        assert_bad_case(
            &format!(r#"{{"case": {{"opened_on": "2026-04-02"}}, "client": {{"age": {age}}}}}"#),
            &format!("case.json: fact `client.age` must be from 0 to 130, got `{age}`"),
        );
    }
}

#[test]
fn evaluate_refuses_a_case_without_an_opening_date() {
    assert_bad_case(r#"{"client": {"age": 78}}"#, "missing fact `case.opened_on`");
}

#[test]
fn evaluate_refuses_a_case_opened_before_the_rules_cover() {
    assert_bad_case(
        r#"{"case": {"opened_on": "2022-12-31"}, "client": {"age": 78}}"#,
        "before 2023-01-01",
    );
}

// ---------------------------------------------------------------------------------------------------
// evaluate --answers

/// Evaluates the self-assessment `answers` (written to a temporary file) for a case the person opens on
/// 23 November 2026.
fn evaluate_answers(answers: &str) -> (Run, PathBuf, TempDir) {
    let tmp = TempDir::new().unwrap();
    let path = write(&tmp, "answers.json", answers);
    let run = run(&[
        "evaluate".as_ref(),
        "--answers".as_ref(),
        path.as_os_str(),
        "--opened-on".as_ref(),
        "2026-11-23".as_ref(),
    ]);
    (run, path, tmp)
}

/// The status of the finding of `rule` in the report `stdout`, if it has one.
fn status_of(stdout: &str, rule: &str) -> Option<String> {
    let report: Value = serde_json::from_str(stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["rule_id"] == rule)
        .map(|finding| finding["status"].as_str().unwrap().to_owned())
}

#[test]
fn evaluate_answers_routes_no_place_to_sleep_tonight_to_urgent_help() {
    let (run, _, _tmp) = evaluate_answers(r#"{"work_ability_score": 4, "right_now": ["no_place_to_sleep"]}"#);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["opened_on"], "2026-11-23");
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["rule_id"] == "shl-36-urgent-need")
        .unwrap_or_else(|| panic!("no urgent-need finding: {}", run.stdout));
    assert_eq!(finding["kind"], "routing");
    assert_eq!(finding["route"], "urgent_help");
    assert_eq!(finding["status"], "applies");
    assert_eq!(finding["cites"], "1301/2014 36 § 1 mom.");
}

#[test]
fn evaluate_answers_without_an_urgent_need_does_not_route() {
    let (run, _, _tmp) = evaluate_answers(r#"{"work_ability_score": 4, "right_now": ["none"]}"#);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_ne!(
        status_of(&run.stdout, "shl-36-urgent-need").as_deref(),
        Some("applies")
    );
}

#[test]
fn evaluate_answers_adds_to_a_case_file() {
    let tmp = TempDir::new().unwrap();
    let case = write(
        &tmp,
        "case.json",
        ELDERLY_CASE_DOTTED
            .replace(r#""case.urgent": false,"#, "")
            .as_str(),
    );
    let answers = write(&tmp, "answers.json", r#"{"right_now": ["danger"]}"#);
    let run = run(&[
        "evaluate".as_ref(),
        case.as_os_str(),
        "--answers".as_ref(),
        answers.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(
        status_of(&run.stdout, "shl-36-urgent-need").as_deref(),
        Some("applies")
    );
    assert_eq!(
        status_of(&run.stdout, "shl-36-start-within-7-working-days").as_deref(),
        Some("applies"),
        "the case file's facts still count"
    );
}

#[test]
fn evaluate_answers_refuses_bad_answers_by_question() {
    for (answers, message) in [
        (
            r#"{"work_abilty_score": 4}"#,
            "unknown question `work_abilty_score` (did you mean `work_ability_score`?)",
        ),
        (
            r#"{"no_such_question": true}"#,
            "unknown question `no_such_question`",
        ),
        (
            r#"{"work_ability_score": "four"}"#,
            "question `work_ability_score` takes a whole number from 0 to 10, got `\"four\"`",
        ),
        (
            r#"{"work_ability_score": 11}"#,
            "question `work_ability_score` takes a whole number from 0 to 10, got `11`",
        ),
        (
            r#"{"right_now": ["nowhere_to_sleep"]}"#,
            "question `right_now`: `nowhere_to_sleep` is not an option; it takes a list of any of `danger`, \
             `no_place_to_sleep`, `no_money_for_food_or_medicine`, `none`",
        ),
        (
            r#"{"right_now": ["none", "danger"]}"#,
            "question `right_now`: `none` cannot be chosen with other options",
        ),
        (
            r#"["right_now"]"#,
            "answers must be a JSON object keyed by question id",
        ),
    ] {
        let (run, path, _tmp) = evaluate_answers(answers);
        assert_eq!(run.code, 2, "{answers}: stdout: {}", run.stdout);
        assert_eq!(run.stdout, "", "{answers}");
        assert_eq!(
            run.stderr,
            format!("{}: {message}\n", path.display()),
            "{answers}"
        );
    }
}

#[test]
fn evaluate_needs_a_case_file_or_answers() {
    let run = run(&["evaluate"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("<CASE>"), "stderr: {}", run.stderr);
}

// ---------------------------------------------------------------------------------------------------
// deadline

/// Runs `deadline` with `args`, expects success and returns the date it printed.
fn deadline(args: &[&str]) -> String {
    let mut all = vec!["deadline"];
    all.extend_from_slice(args);
    let run = run(&all);
    assert_eq!(run.code, 0, "{args:?}: stderr: {}", run.stderr);
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

#[test]
fn deadline_counts_working_days_over_easter() {
    // Maundy Thursday 2026: Good Friday, the weekend and Easter Monday are skipped.
    assert_eq!(
        deadline(&["--from", "2026-04-02", "--workdays", "7"]),
        "2026-04-15\n"
    );
}

#[test]
fn deadline_counts_working_days_over_christmas() {
    // Christmas Eve, Christmas Day, Boxing Day (a Saturday) and the Sunday are skipped.
    assert_eq!(
        deadline(&["--from", "2026-12-23", "--workdays", "1"]),
        "2026-12-28\n"
    );
}

#[test]
fn deadline_counts_months_to_the_last_day_of_a_shorter_month() {
    assert_eq!(
        deadline(&["--months", "3", "--from", "2025-11-30"]),
        "2026-02-28\n"
    );
    assert_eq!(
        deadline(&["--from", "2023-11-30", "--months", "3"]),
        "2024-02-29\n"
    );
}

#[test]
fn deadline_count_saturdays_gives_an_earlier_date() {
    // From Maundy Thursday 2026, counting the Saturdays 4 and 11 April as working days moves the 7th
    // working day from Wednesday 15 April to Monday 13 April.
    assert_eq!(
        deadline(&["--from", "2026-04-02", "--workdays", "7"]),
        "2026-04-15\n"
    );
    assert_eq!(
        deadline(&["--from", "2026-04-02", "--workdays", "7", "--count-saturdays"]),
        "2026-04-13\n"
    );
}

#[test]
fn deadline_roll_forward_moves_a_saturday_to_monday() {
    // 31 January + 1 month = 28 February 2026, a Saturday.
    assert_eq!(
        deadline(&["--from", "2026-01-31", "--months", "1"]),
        "2026-02-28\n"
    );
    assert_eq!(
        deadline(&["--from", "2026-01-31", "--months", "1", "--roll-forward"]),
        "2026-03-02\n"
    );
}

#[test]
fn deadline_refuses_a_date_that_does_not_exist() {
    let run = run(&["deadline", "--from", "2026-02-30", "--workdays", "1"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "--from: `2026-02-30` is not a day of the calendar (YYYY-MM-DD)\n"
    );
}

#[test]
fn deadline_refuses_a_date_not_written_yyyy_mm_dd() {
    for date in ["17.4.2025", "2025-4-17"] {
        let run = run(&["deadline", "--from", date, "--workdays", "1"]);
        assert_eq!(run.code, 2, "{date}");
        assert_eq!(run.stdout, "", "{date}");
        assert_eq!(
            run.stderr,
            format!("--from: `{date}` is not a date in the form YYYY-MM-DD\n")
        );
    }
}

#[test]
fn deadline_needs_workdays_or_months() {
    let run = run(&["deadline", "--from", "2026-04-02"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("--workdays"), "stderr: {}", run.stderr);
}

#[test]
fn deadline_refuses_both_workdays_and_months() {
    let run = run(&[
        "deadline",
        "--from",
        "2026-04-02",
        "--workdays",
        "7",
        "--months",
        "1",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("cannot be used with"),
        "stderr: {}",
        run.stderr
    );
}

#[test]
fn deadline_needs_from() {
    let run = run(&["deadline", "--workdays", "7"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("--from"), "stderr: {}", run.stderr);
}

#[test]
fn schema_prints_the_committed_document_schema() {
    let run = run(&["schema"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let committed = fs::read_to_string(workspace().join("schema/document.schema.json")).unwrap();
    assert_eq!(run.stdout, committed);
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    // As in `tyokyky-rules schema | head -1`: the reading end is closed before the tool writes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_tyokyky-rules"))
        .arg("schema")
        .current_dir(workspace())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn privacy_writes_the_notice_in_four_languages_with_its_stylesheet() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("dist/privacy");
    let run = run(&[
        "privacy".as_ref(),
        "--dir".as_ref(),
        "rules".as_ref(),
        "--locales".as_ref(),
        "locales".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["fi.html", "sv.html", "en.html", "fi-x-selko.html", "privacy.css"] {
        assert!(
            run.stdout
                .contains(&format!("wrote {}", out.join(name).display())),
            "{}",
            run.stdout
        );
        assert!(out.join(name).is_file(), "{name}");
    }
    let fi = fs::read_to_string(out.join("fi.html")).unwrap();
    assert!(fi.contains("Henkilötietojen rekisterinpitäjä on Esimerkin hyvinvointialue."));
    assert!(fi.contains("<a href=\"mailto:kirjaamo@esimerkki.example\">"));
    assert!(fi.contains("palvelun saapuneissa 90 päivää"));
    let sv = fs::read_to_string(out.join("sv.html")).unwrap();
    assert!(sv.contains("Personuppgiftsansvarig är Välfärdsområdet Esimerkin hyvinvointialue."));
}

/// A copy of `locales/` in `dir` with a folder a county adds for Ukrainian: its `language.toml` alone,
/// English standing in for what it lacks.
fn locales_with_ukrainian(dir: &Path) -> PathBuf {
    let locales = dir.join("locales");
    copy_dir(&workspace().join("locales"), &locales);
    fs::create_dir_all(locales.join("uk")).unwrap();
    fs::write(
        locales.join("uk/language.toml"),
        "tag = \"uk\"\nname = \"Українська\"\ndir = \"ltr\"\nfallback = [\"en\"]\nintl = \"uk-UA\"\n\
         weekdays = [\"пн\", \"вт\", \"ср\", \"чт\", \"пт\", \"сб\", \"нд\"]\ndate = \"{day2}.{month2}.{year}\"\n",
    )
    .unwrap();
    locales
}

/// A language a county adds with a `privacy.toml` of its own gets its page, linked from the others, with
/// the county's facts as its folder's `texts.ftl` translates them (the rest in Finnish).
#[test]
fn privacy_writes_a_page_for_a_language_a_county_adds() {
    let tmp = TempDir::new().unwrap();
    let locales = locales_with_ukrainian(tmp.path());
    // The English prose stands in for a translator's here; its name in itself is the county's.
    let prose = fs::read_to_string(locales.join("en/privacy.toml"))
        .unwrap()
        .replace("language_name = \"English\"", "language_name = \"Українська\"");
    assert!(
        prose.contains("Українська"),
        "the English prose names its language"
    );
    fs::write(locales.join("uk/privacy.toml"), prose).unwrap();
    let controller = "Esimerkin hyvinvointialue";
    fs::write(
        locales.join("uk/texts.ftl"),
        format!(
            "# {controller}\nt-{:016x} = Велфер-регіон Есімеркі\n",
            fnv(controller)
        ),
    )
    .unwrap();
    let out = tmp.path().join("privacy");
    let ran = run(&[
        "privacy",
        "--dir",
        "rules",
        "--locales",
        locales.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let uk = fs::read_to_string(out.join("uk.html")).unwrap();
    assert!(uk.starts_with("<!doctype html>\n<html lang=\"uk\">"), "{uk}");
    assert!(
        uk.contains("Велфер-регіон Есімеркі"),
        "the controller from uk/texts.ftl: {uk}"
    );
    let fi = fs::read_to_string(out.join("fi.html")).unwrap();
    assert!(fi.contains("<a href=\"uk.html\" hreflang=\"uk\""), "{fi}");
    assert!(
        !out.join("en-XA.html").exists(),
        "a folder without privacy.toml gets no page"
    );
}

#[test]
fn privacy_without_the_countys_facts_names_the_catalogue_and_the_section() {
    let tmp = TempDir::new().unwrap();
    let rules = tmp.path().join("myrules");
    copy_dir(&workspace().join("rules"), &rules);
    fs::copy(
        workspace().join("tests/fixtures/catalogue/good/minimal.toml"),
        rules.join("services/minimal.toml"),
    )
    .unwrap();
    let run = run(&[
        "privacy".as_ref(),
        "--dir".as_ref(),
        rules.as_os_str(),
        "--catalogue".as_ref(),
        "minimal".as_ref(),
        "--out".as_ref(),
        tmp.path().join("out").as_os_str(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stderr.trim_end(),
        "myrules/services/minimal.toml: no `[privacy]` section: the privacy notice needs the controller, its \
         registry office, the data protection officer and the retention periods (see rules/README.md)"
    );
    assert!(!tmp.path().join("out").exists(), "nothing is written");
}

#[test]
fn privacy_refuses_a_language_that_names_other_placeholders_than_finnish() {
    let tmp = TempDir::new().unwrap();
    let locales = tmp.path().join("locales");
    copy_dir(&workspace().join("locales"), &locales);
    let path = locales.join("en/privacy.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("{feedback_days} days", "{feedback_day} days")).unwrap();
    let run = run(&[
        "privacy".as_ref(),
        "--locales".as_ref(),
        locales.as_os_str(),
        "--out".as_ref(),
        tmp.path().join("out").as_os_str(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let stderr = run.stderr.trim_end();
    // The languages no longer name the same placeholders, which is found first.
    assert!(
        stderr.contains("en/privacy.toml: `section.retention` does not name `{feedback_days}`"),
        "{stderr}"
    );
    assert!(stderr.contains("en/privacy.toml:"), "{stderr}");
    assert!(
        stderr.contains("`section.retention` names `{feedback_day}`"),
        "{stderr}"
    );
}

#[test]
fn fhir_examples_export_and_import_go_round() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("fhir");
    let written = run(&["fhir", "examples", "--out", out.to_str().unwrap()]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "client-plan-joint.json",
            "client-plan-joint.transaction.json",
            "client-plan-plain.json",
            "client-plan-plain.transaction.json",
            "contact-request.json",
            "contact-request.transaction.json",
            "feedback.json",
            "feedback.transaction.json",
            "questionnaire-self-assessment.json",
            "work-ability-check.json",
            "work-ability-check.transaction.json"
        ]
    );

    // A plan's Bundle read back is a plan document, and exporting that gives the same Bundle.
    let bundle = out.join("client-plan-joint.json");
    let imported = run(&["fhir", "import", bundle.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let document = write(&tmp, "plan.json", &imported.stdout);
    let exported = run(&["fhir", "export", document.to_str().unwrap()]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    let again: Value = serde_json::from_str(&exported.stdout).unwrap();
    let first: Value = serde_json::from_str(&fs::read_to_string(&bundle).unwrap()).unwrap();
    assert_eq!(again, first);
    // And as the transaction the app's `fhir` route posts: the example's, to the byte.
    let posted = run(&["fhir", "export", "--transaction", document.to_str().unwrap()]);
    assert_eq!(posted.code, 0, "{}", posted.stderr);
    let transaction: Value = serde_json::from_str(&posted.stdout).unwrap();
    let example = out.join("client-plan-joint.transaction.json");
    assert_eq!(
        transaction,
        serde_json::from_str::<Value>(&fs::read_to_string(example).unwrap()).unwrap()
    );

    let questionnaire = run(&["fhir", "questionnaire"]);
    assert_eq!(questionnaire.code, 0, "{}", questionnaire.stderr);
    assert!(
        questionnaire
            .stdout
            .contains("\"resourceType\": \"Questionnaire\"")
    );
}

#[test]
fn fhir_import_of_what_is_not_a_plan_bundle_names_the_file_and_the_place() {
    let tmp = TempDir::new().unwrap();
    let response = write(
        &tmp,
        "response.json",
        r#"{"resourceType": "QuestionnaireResponse", "status": "completed"}"#,
    );
    let run_import = run(&["fhir", "import", response.to_str().unwrap()]);
    assert_eq!(run_import.code, 2);
    assert_eq!(
        run_import.stderr.trim(),
        format!("{}: Bundle: not a Bundle", response.display())
    );

    let broken = write(
        &tmp,
        "broken.json",
        "{\"resourceType\": \"Bundle\",\n  \"entry\": [}",
    );
    let run_broken = run(&["fhir", "import", broken.to_str().unwrap()]);
    assert_eq!(run_broken.code, 2);
    assert!(
        run_broken.stderr.contains("broken.json:2: malformed JSON"),
        "{}",
        run_broken.stderr
    );

    let document = write(&tmp, "document.json", r#"{"schema_version": 9}"#);
    let run_export = run(&["fhir", "export", document.to_str().unwrap()]);
    assert_eq!(run_export.code, 2);
    assert!(
        run_export.stderr.contains("document.json: "),
        "{}",
        run_export.stderr
    );
}

#[test]
fn a_sensitive_question_no_service_needs_is_refused_by_name() {
    let tmp = TempDir::new().unwrap();
    let rules = tmp.path().join("myrules");
    copy_dir(&workspace().join("rules"), &rules);
    // The services for people released from prison and for people who moved to Finland removed: nothing
    // reads the background question's answers any more.
    let path = rules.join("services/example-county.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    for id in ["tuki-vankilasta-vapautuville", "kotoutumista-edistavat-palvelut"] {
        let start = text.find(&format!("[[service]]\nid = \"{id}\"")).unwrap();
        let end = start + text[start..].find("is = true\n").unwrap() + "is = true\n".len();
        text = format!("{}{}", &text[..start], &text[end..]);
    }
    fs::write(&path, text).unwrap();
    let run = run(&["check", rules.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "questionnaires/self_assessment.toml: sensitive question `background` gives `client.young_without_qualification`, `client.aged_55_or_over`, `client.moved_to_finland`, `client.released_from_prison`, which no service of `Esimerkin hyvinvointialue` reads in `suits`"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn report_over_exported_documents_hides_small_counts_and_names_a_bad_line() {
    let tmp = TempDir::new().unwrap();
    let feedback = |n: u32, score: u8| {
        serde_json::json!({
            "schema_version": 1, "idempotency_key": format!("5f0c2a7e-1b9d-4e3a-8c55-{n:012}"),
            "created_at": "2026-11-03T00:00:00Z", "lang": "fi", "kind": "feedback",
            "answers": { "score": score, "comment": "", "channel": "kiosk" },
        })
    };
    let mut lines: Vec<String> = (0..6).map(|n| feedback(n, 8).to_string()).collect();
    // One as the inbox gives it, received in December: outside the period below.
    lines.push(
        serde_json::json!({ "receipt": { "document_id": "5f0c2a7e-1b9d-4e3a-8c55-000000000099",
            "idempotency_key": "5f0c2a7e-1b9d-4e3a-8c55-000000000007", "received_at": "2026-12-02T10:00:00Z" },
            "kind": "feedback", "document": feedback(7, 2) })
        .to_string(),
    );
    let file = write(&tmp, "documents.jsonl", &lines.join("\n"));
    let page = tmp.path().join("report.html");
    let ran = run(&[
        "report",
        "--documents",
        file.to_str().unwrap(),
        "--since",
        "2026-11-01T00:00:00Z",
        "--until",
        "2026-12-01T00:00:00Z",
        "--html",
        page.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"], 6);
    assert_eq!(report["feedback"]["scores"][8], 6);
    assert_eq!(report["feedback"]["average"], 8.0);
    let all = run(&["report", "--documents", file.to_str().unwrap()]);
    let all: Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(
        all["feedback"]["scores"][2], "< 5",
        "the one December score is hidden"
    );
    assert!(fs::read_to_string(&page).unwrap().contains("Palaute"));

    let bad = write(
        &tmp,
        "bad.jsonl",
        &format!("{}\n{{\"schema_version\": 9}}", lines[0]),
    );
    let refused = run(&["report", "--documents", bad.to_str().unwrap()]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("bad.jsonl:2: "), "{}", refused.stderr);
}

// ---------------------------------------------------------------------------------------------------
// languages pseudo

/// The English message files (`locales/en/citizen.ftl`, `locales/en/worker.ftl`) in a folder of their
/// own, as `en.ftl` and `worker/en.ftl` (the command reads any layout of `.ftl` files).
fn english_folder(tmp: &TempDir) -> PathBuf {
    let from = tmp.path().join("en");
    fs::create_dir_all(from.join("worker")).unwrap();
    fs::copy(workspace().join("locales/en/citizen.ftl"), from.join("en.ftl")).unwrap();
    fs::copy(
        workspace().join("locales/en/worker.ftl"),
        from.join("worker/en.ftl"),
    )
    .unwrap();
    from
}

/// Runs `languages pseudo` from `from` in `style` into `<tmp>/<tag>`; returns the output folder.
fn pseudo_locale(tmp: &TempDir, from: &Path, style: &str, tag: &str) -> PathBuf {
    let out = tmp.path().join(tag);
    let ran = run(&[
        "languages",
        "pseudo",
        "--from",
        from.to_str().unwrap(),
        "--tag",
        tag,
        "--style",
        style,
        "--name",
        "English",
        "--fallback",
        "en",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout.lines().count(), 3, "{}", ran.stdout);
    out
}

mod fluent {
    //! Reading the message files with the Fluent project's own crates.

    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, Resource};

    /// The file parsed with `fluent-syntax`; a file with any junk fails the test.
    pub fn parse(name: &str, text: &str) -> Resource<String> {
        fluent_syntax::parser::parse(text.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"))
    }

    /// Every message and term id with the ids of its attributes, in order.
    pub fn ids(resource: &Resource<String>) -> Vec<(String, Vec<String>)> {
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some((
                    message.id.name.clone(),
                    message
                        .attributes
                        .iter()
                        .map(|attribute| attribute.id.name.clone())
                        .collect(),
                )),
                Entry::Term(term) => Some((
                    format!("-{}", term.id.name),
                    term.attributes
                        .iter()
                        .map(|attribute| attribute.id.name.clone())
                        .collect(),
                )),
                _ => None,
            })
            .collect()
    }

    /// Every pattern of the file: the values and attributes of messages and terms.
    pub fn patterns(resource: &Resource<String>) -> Vec<&Pattern<String>> {
        let mut found = Vec::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    found.extend(&message.value);
                    found.extend(message.attributes.iter().map(|attribute| &attribute.value));
                }
                Entry::Term(term) => {
                    found.push(&term.value);
                    found.extend(term.attributes.iter().map(|attribute| &attribute.value));
                }
                _ => {}
            }
        }
        found
    }

    /// Every text element of `pattern`, the variants of its selectors' included.
    pub fn texts(pattern: &Pattern<String>) -> Vec<&str> {
        let mut found = Vec::new();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => found.push(value.as_str()),
                PatternElement::Placeable { expression } => {
                    if let Expression::Select { variants, .. } = expression {
                        for variant in variants {
                            found.extend(texts(&variant.value));
                        }
                    }
                }
            }
        }
        found
    }

    /// The variables `pattern` names, its selectors' included.
    pub fn variables(pattern: &Pattern<String>) -> Vec<String> {
        fn inline(expression: &InlineExpression<String>, found: &mut Vec<String>) {
            if let InlineExpression::VariableReference { id } = expression {
                found.push(id.name.clone());
            }
        }
        let mut found = Vec::new();
        for element in &pattern.elements {
            match element {
                PatternElement::Placeable {
                    expression: Expression::Inline(expression),
                } => inline(expression, &mut found),
                PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } => {
                    inline(selector, &mut found);
                    for variant in variants {
                        found.extend(variables(&variant.value));
                    }
                }
                PatternElement::TextElement { .. } => {}
            }
        }
        found
    }

    /// A bundle of the file, placeables without isolation marks (as the app writes them).
    pub fn bundle(name: &str, text: &str) -> FluentBundle<FluentResource> {
        let resource = FluentResource::try_new(text.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
        let mut bundle = FluentBundle::new(vec!["en".parse::<unic_langid::LanguageIdentifier>().unwrap()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
        bundle
    }

    /// Every message of `bundle` (`id` and `id.attribute`) formatted with each of its variables `number`.
    pub fn formatted(
        bundle: &FluentBundle<FluentResource>,
        resource: &Resource<String>,
        number: i64,
    ) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = &message.id.name;
            let of_bundle = bundle.get_message(id).unwrap();
            let mut patterns: Vec<(String, &Pattern<String>, _)> = Vec::new();
            if let (Some(value), Some(theirs)) = (&message.value, of_bundle.value()) {
                patterns.push((id.clone(), value, theirs));
            }
            for attribute in &message.attributes {
                let theirs = of_bundle.get_attribute(&attribute.id.name).unwrap().value();
                patterns.push((format!("{id}.{}", attribute.id.name), &attribute.value, theirs));
            }
            for (name, ours, theirs) in patterns {
                let mut args = FluentArgs::new();
                for variable in variables(ours) {
                    args.set(variable, FluentValue::from(number));
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(theirs, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{name}: {errors:?}");
                found.push((name, text.into_owned()));
            }
        }
        found
    }
}

#[test]
fn languages_pseudo_makes_accented_and_right_to_left_locales_fluent_reads_with_the_same_messages() {
    let tmp = TempDir::new().unwrap();
    let from = english_folder(&tmp);
    let accented = pseudo_locale(&tmp, &from, "accented", "en-XA");
    let rtl = pseudo_locale(&tmp, &from, "rtl", "ar-XB");
    let mut lengths = (0, 0);
    for file in ["en.ftl", "worker/en.ftl"] {
        let source_text = fs::read_to_string(from.join(file)).unwrap();
        let source = fluent::parse(file, &source_text);
        let english = fluent::bundle(file, &source_text);
        for out in [&accented, &rtl] {
            let name = out.join(file).display().to_string();
            let text = fs::read_to_string(out.join(file)).unwrap();
            // (a) Fluent without junk, (b) the same messages and attributes in the same order.
            let pseudo = fluent::parse(&name, &text);
            assert_eq!(fluent::ids(&pseudo), fluent::ids(&source), "{name}");
            let bundle = fluent::bundle(&name, &text);
            for number in [0, 1, 2, 6] {
                let formatted = fluent::formatted(&bundle, &pseudo, number);
                let of_english = fluent::formatted(&english, &source, number);
                assert_eq!(formatted.len(), of_english.len(), "{name}");
                for ((id, pseudo), (_, english)) in formatted.iter().zip(&of_english) {
                    if out == &accented {
                        // (d) Each message whole in brackets, (e) longer than the English.
                        assert!(
                            pseudo.starts_with('[') && pseudo.ends_with(']'),
                            "{name}: {id} with {number}: {pseudo}"
                        );
                        assert!(
                            pseudo.chars().count() as f64 >= english.chars().count() as f64 * 1.4,
                            "{name}: {id}: {pseudo} against {english}"
                        );
                        lengths.0 += english.chars().count();
                        lengths.1 += pseudo.chars().count();
                    } else if english.chars().any(|c| c.is_alphabetic()) {
                        // (f) Every text drawn right to left, and nothing else changed.
                        assert!(pseudo.contains('\u{202E}'), "{name}: {id}: {pseudo}");
                        assert_eq!(
                            &pseudo.replace(['\u{200F}', '\u{202E}', '\u{202C}'], ""),
                            english,
                            "{name}: {id}"
                        );
                    }
                }
            }
            // (c) No text of the accented locale has an ASCII letter left.
            if out == &accented {
                for pattern in fluent::patterns(&pseudo) {
                    for text in fluent::texts(pattern) {
                        assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{name}: `{text}`");
                    }
                }
            }
        }
    }
    let longer = lengths.1 as f64 / lengths.0 as f64 - 1.0;
    println!("accented is {:.0} % longer than English", longer * 100.0);
    assert!((0.3..=0.6).contains(&longer), "accented is {longer:.2} longer");
    assert_eq!(
        fs::read_to_string(accented.join("language.toml")).unwrap(),
        "# A pseudo-locale for testing (style `accented`), generated by `tyokyky-rules languages pseudo`: do \
         not edit.\ntag = \"en-XA\"\nname = \"[Ééñĝļííšĥ~]\"\ndir = \"ltr\"\nfallback = [\"en\"]\nintl = \"en-GB\"\n\
         weekdays = [\"[Ḿóóñ~]\", \"[Ţúúéé]\", \"[Ŵééð~]\", \"[Ţĥúú~]\", \"[Ƒŕíí~]\", \"[Šááţ~]\", \"[Šúúñ~]\"]\n\
         date = \"{weekday}, {day2}/{month2}/{year}\"\n"
    );
    let language = fs::read_to_string(rtl.join("language.toml")).unwrap();
    assert!(
        language
            .contains("tag = \"ar-XB\"\nname = \"\u{200F}\u{202E}English\u{202C}\u{200F}\"\ndir = \"rtl\"\n"),
        "{language}"
    );
}

#[test]
fn languages_pseudo_writes_the_same_files_every_time() {
    let tmp = TempDir::new().unwrap();
    let from = english_folder(&tmp);
    let first = tmp.path().join("first");
    fs::rename(pseudo_locale(&tmp, &from, "accented", "en-XA"), &first).unwrap();
    let second = pseudo_locale(&tmp, &from, "accented", "en-XA");
    for file in ["en.ftl", "worker/en.ftl", "language.toml"] {
        assert_eq!(
            fs::read(first.join(file)).unwrap(),
            fs::read(second.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn languages_pseudo_takes_the_name_and_fallback_from_the_source_language_toml() {
    let tmp = TempDir::new().unwrap();
    let from = tmp.path().join("en");
    fs::create_dir(&from).unwrap();
    fs::write(
        from.join("language.toml"),
        "tag = \"en\"\nname = \"English\"\ndir = \"ltr\"\nfallback = [\"fi\"]\nintl = \"en-GB\"\n\
         weekdays = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\", \"Sat\", \"Sun\"]\ndate = \"{weekday}, {day2}/{month2}/{year}\"\n",
    )
    .unwrap();
    fs::write(from.join("citizen.ftl"), "back = Back\n").unwrap();
    let out = tmp.path().join("en-XA");
    let ran = run(&[
        "languages",
        "pseudo",
        "--from",
        from.to_str().unwrap(),
        "--tag",
        "en-XA",
        "--style",
        "accented",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let language = fs::read_to_string(out.join("language.toml")).unwrap();
    assert!(
        language.contains(
            "tag = \"en-XA\"\nname = \"[Ééñĝļííšĥ~]\"\ndir = \"ltr\"\nfallback = [\"en\"]\nintl = \"en-GB\"\n"
        ) && language.contains("date = \"{weekday}, {day2}/{month2}/{year}\""),
        "{language}"
    );
    assert!(
        fs::read_to_string(out.join("citizen.ftl"))
            .unwrap()
            .ends_with("\nback = [Ɓááçķ~]\n")
    );
}

#[test]
fn languages_pseudo_names_the_file_and_line_of_a_file_that_is_not_fluent_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let from = tmp.path().join("en");
    fs::create_dir_all(from.join("worker")).unwrap();
    fs::write(from.join("citizen.ftl"), "back = Back\n").unwrap();
    fs::write(
        from.join("worker/worker.ftl"),
        "# Worker\nnext = Next\n\nsend the plan\nsummary = Summary\n",
    )
    .unwrap();
    let out = tmp.path().join("en-XA");
    let ran = run(&[
        "languages",
        "pseudo",
        "--from",
        from.to_str().unwrap(),
        "--tag",
        "en-XA",
        "--style",
        "rtl",
        "--name",
        "English",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        format!(
            "{}:4: expected a token starting with \"=\": `send the plan`\n",
            from.join("worker/worker.ftl").display()
        )
    );
    assert_eq!(ran.stdout, "");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn languages_pseudo_refuses_an_unknown_style() {
    let ran = run(&[
        "languages",
        "pseudo",
        "--from",
        "locales",
        "--tag",
        "en-XA",
        "--style",
        "pirate",
        "--out",
        "x",
    ]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("invalid value 'pirate' for '--style <STYLE>'")
            && ran.stderr.contains("[possible values: accented, rtl]"),
        "{}",
        ran.stderr
    );
}

// ---------------------------------------------------------------------------------------------------
// languages report

/// The report names, per language, the messages it lacks with the Finnish file and line, a message
/// Finnish does not have, a line that is not Fluent, and the texts without a translation, and says how
/// much of what a citizen reads is covered; Swedish and English cover all of it.
#[test]
fn languages_report_names_what_each_language_lacks_and_how_much_it_covers() {
    let ran = run(&["languages", "report"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for language in ["sv (Svenska)", "en (English)"] {
        let line = ran
            .stdout
            .lines()
            .find(|line| line.starts_with(language))
            .unwrap_or_else(|| panic!("{language}: {}", ran.stdout));
        assert!(
            line.ends_with("100.0 % of what a citizen reads (the rest from fi)"),
            "{line}"
        );
    }
    assert!(
        ran.stdout
            .contains("fi-x-selko (Selkosuomi): citizen.ftl 152/152, no worker messages"),
        "{}",
        ran.stdout
    );

    // It can fail: a message removed, one Finnish does not have, and a line that is not Fluent.
    let tmp = TempDir::new().unwrap();
    let locales = tmp.path().join("locales");
    copy_dir(&workspace().join("locales"), &locales);
    let swedish = locales.join("sv/citizen.ftl");
    let text = fs::read_to_string(&swedish).unwrap();
    let text: String = text
        .lines()
        .filter(|line| !line.starts_with("back ="))
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(
        &swedish,
        format!("{text}old-message = Gammal\nbroken line without an equals sign\n"),
    )
    .unwrap();
    let ran = run(&["languages", "report", "--locales", locales.to_str().unwrap()]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let back_line = fs::read_to_string(workspace().join("locales/fi/citizen.ftl"))
        .unwrap()
        .lines()
        .position(|line| line.starts_with("back ="))
        .unwrap()
        + 1;
    for wanted in [
        "sv (Svenska): citizen.ftl 151/152".to_owned(),
        format!("  missing message `back` (locales/fi/citizen.ftl:{back_line})"),
        "  unused: locales/sv/citizen.ftl:".to_owned(),
        "`old-message` is not a message of locales/fi/citizen.ftl".to_owned(),
        "  malformed: locales/sv/citizen.ftl:".to_owned(),
    ] {
        assert!(ran.stdout.contains(&wanted), "{wanted}: {}", ran.stdout);
    }
}

/// The app finds a translation by its Finnish: the same Finnish translated two ways is refused, naming
/// the text and both translations, and no file is written.
#[test]
fn languages_texts_refuses_one_finnish_text_translated_two_ways() {
    let tmp = TempDir::new().unwrap();
    let rules = tmp.path().join("rules");
    copy_dir(&workspace().join("rules"), &rules);
    let catalogue = rules.join("services/example-county.toml");
    let text = fs::read_to_string(&catalogue).unwrap();
    let twice = "sv = \"Sysselsättningstjänsterna inom sysselsättningsområdet Esimerkin työllisyysalue\"";
    assert_eq!(
        text.matches(twice).count(),
        2,
        "the provider is named in two services"
    );
    let at = text.rfind(twice).unwrap();
    let changed = format!(
        "{}sv = \"Sysselsättningstjänsterna\"{}",
        &text[..at],
        &text[at + twice.len()..]
    );
    fs::write(&catalogue, changed).unwrap();
    let out = tmp.path().join("out");
    let ran = run(&[
        "languages",
        "texts",
        "--dir",
        rules.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 2, "{}", ran.stdout);
    assert!(
        ran.stderr.contains(
            "`Esimerkin työllisyysalueen työllisyyspalvelut` is translated into sv both as `Sysselsättningstjänsterna"
        ) && ran.stderr.contains("give the two texts other Finnish or the same translation"),
        "{}",
        ran.stderr
    );
    assert!(!out.join("sv").exists(), "nothing is written for it");
}

// ---------------------------------------------------------------------------------------------------
// A language's own texts: template, report and the file the app fetches

/// A language a county adds as a folder: `languages template` lists every text it has no translation of
/// (what a citizen reads first, each under its Finnish); a translation added to the folder's `texts.ftl`
/// is counted by the report and goes into the file the app fetches, beside the catalogue's inline texts
/// of no other language; one whose Finnish no text has any more is reported as unused with its line and
/// left out; a line that is not a text is named by file and line and nothing is written.
#[test]
fn a_new_language_is_translated_from_the_template_and_checked_by_file_and_line() {
    let tmp = TempDir::new().unwrap();
    let locales = locales_with_ukrainian(tmp.path());
    fs::write(locales.join("uk/citizen.ftl"), "back = Назад\n").unwrap();
    let locales_arg = locales.to_str().unwrap();

    let template = run(&["languages", "template", "--tag", "uk", "--locales", locales_arg]);
    assert_eq!(template.code, 0, "{}", template.stderr);
    let title = "Oma arvio työkyvystä ja arjesta";
    let title_id = format!("t-{:016x}", fnv(title));
    let citizen_part = template
        .stdout
        .split("## What only a worker reads")
        .next()
        .unwrap();
    assert!(
        citizen_part.contains(&format!("# {title}\n# {title_id} =\n")),
        "{}",
        template.stdout
    );
    assert!(
        template.stdout.contains("## What only a worker reads"),
        "the rules' messages for workers come after"
    );

    // A translator fills in one text, keeps one whose Finnish has gone, and the app's file has them.
    fs::write(
        locales.join("uk/texts.ftl"),
        format!(
            "# {title}\n{title_id} = Ваша власна оцінка\n\n# Vanha teksti\nt-0123456789abcdef = Старий\n"
        ),
    )
    .unwrap();
    let report = run(&["languages", "report", "--locales", locales_arg]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(
        report.stdout.contains(
            "  unused: locales/uk/texts.ftl:5: `t-0123456789abcdef` translates no text (its Finnish was changed or taken out)"
        ),
        "{}",
        report.stdout
    );
    let uk = report
        .stdout
        .lines()
        .find(|line| line.starts_with("uk (Українська)"))
        .unwrap();
    assert!(
        uk.contains("citizen.ftl 1/152")
            && uk.contains("texts 1/146")
            && uk.ends_with("(the rest from en, then fi)"),
        "{uk}"
    );
    assert!(
        !report.stdout.contains(&format!("missing text: \"{title}\"")),
        "{}",
        report.stdout
    );
    let template = run(&["languages", "template", "--tag", "uk", "--locales", locales_arg]);
    assert!(
        !template.stdout.contains(&title_id),
        "a translated text is no longer listed"
    );

    let out = tmp.path().join("app-locales");
    let texts = run(&[
        "languages",
        "texts",
        "--locales",
        locales_arg,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(texts.code, 0, "{}", texts.stderr);
    let written = fs::read_to_string(out.join("uk/texts.ftl")).unwrap();
    assert!(
        written.contains(&format!("{title_id} = Ваша власна оцінка\n")),
        "{written}"
    );
    assert!(
        !written.contains("t-0123456789abcdef") && !written.lines().any(|line| line.starts_with("# ")),
        "{written}"
    );
    let swedish = fs::read_to_string(out.join("sv/texts.ftl")).unwrap();
    let provider_id = format!("t-{:016x}", fnv("Esimerkin hyvinvointialueen aikuissosiaalityö"));
    assert!(
        swedish.contains(&format!(
            "{title_id} = Egen bedömning av arbetsförmåga och vardag\n"
        )) && swedish.contains(&format!("{provider_id} = ")),
        "Swedish from its folder and from the catalogue's inline texts: {swedish}"
    );

    // The languages' own folder holds the translators' files: the app's are written elsewhere.
    let refused = run(&[
        "languages",
        "texts",
        "--locales",
        locales_arg,
        "--out",
        locales_arg,
    ]);
    assert_eq!(refused.code, 2, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("write the app's elsewhere"),
        "{}",
        refused.stderr
    );

    // A line that is not a text, and one text twice: each named, nothing written.
    fs::write(
        locales.join("uk/texts.ftl"),
        format!("{title_id} = Оцінка\n{title_id} = Інша\nnot-an-id = Ні\n"),
    )
    .unwrap();
    let broken_out = tmp.path().join("broken");
    let broken = run(&[
        "languages",
        "texts",
        "--locales",
        locales_arg,
        "--out",
        broken_out.to_str().unwrap(),
    ]);
    assert_eq!(broken.code, 2, "{}", broken.stdout);
    for says in [
        format!("locales/uk/texts.ftl:2: `{title_id}` is given again (first at line 1)"),
        "locales/uk/texts.ftl:3: `not-an-id` is not a text id".to_owned(),
    ] {
        assert!(broken.stderr.contains(&says), "{says}: {}", broken.stderr);
    }
    assert!(!broken_out.join("uk").exists());
    let report = run(&["languages", "report", "--locales", locales_arg]);
    assert!(
        report
            .stdout
            .contains("  malformed: locales/uk/texts.ftl:3: `not-an-id` is not a text id"),
        "{}",
        report.stdout
    );
}

/// A text translated in its language's folder otherwise than the rules' files write it inline is
/// refused, naming the text, the folder's file and line, and both translations.
#[test]
fn languages_texts_refuses_a_folder_translation_that_contradicts_an_inline_one() {
    let tmp = TempDir::new().unwrap();
    let locales = tmp.path().join("locales");
    copy_dir(&workspace().join("locales"), &locales);
    let fi = "Esimerkin hyvinvointialueen aikuissosiaalityö";
    let swedish = locales.join("sv/texts.ftl");
    let mut text = fs::read_to_string(&swedish).unwrap();
    text.push_str(&format!("\n# {fi}\nt-{:016x} = Vuxensocialarbetet\n", fnv(fi)));
    let line = text.lines().count();
    fs::write(&swedish, text).unwrap();
    let out = tmp.path().join("out");
    let ran = run(&[
        "languages",
        "texts",
        "--locales",
        locales.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.code, 2, "{}", ran.stdout);
    assert!(
        ran.stderr.contains(&format!(
            "`{fi}` is translated into sv both in locales/sv/texts.ftl:{line} as `Vuxensocialarbetet` and in the rules' files as `"
        )),
        "{}",
        ran.stderr
    );
}

/// The text id of a Finnish text: FNV-1a, 64 bits, as the engine computes it (written here again so
/// that a change to the engine's hash, which would orphan every translation, fails this test).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
