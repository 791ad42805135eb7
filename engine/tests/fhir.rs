//! FHIR R4 export of every document kind, read back where a backend would hand it back (a plan for
//! revision). The resources themselves are validated against FHIR R4 by `tests/fhir/validate.py` in the
//! test command, on the same examples (`tyokyky-rules fhir examples`).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::path::Path;

use serde_json::{Value, json};
use tyokyky_engine::catalogue::Catalogue;
use tyokyky_engine::document::DocumentBody;
use tyokyky_engine::fhir::{self, examples, plan::read_plan};
use tyokyky_engine::questionnaire::Questionnaire;
use tyokyky_engine::ruleset::RuleSet;
use tyokyky_engine::text::translations::{Translations, load_offered};

fn rules_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules")
}

/// The translations of the languages offered (locales/).
fn translations() -> Translations {
    load_offered(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")).unwrap()
}

fn loaded() -> (RuleSet, Catalogue, Questionnaire) {
    let rules = tyokyky_engine::load::load_dir(&rules_dir()).unwrap();
    let catalogue = tyokyky_engine::load::load_catalogue(
        &rules_dir().join("services/example-county.toml"),
        "rules/services/example-county.toml",
        &rules,
    )
    .unwrap();
    let questionnaire = tyokyky_engine::load::load_questionnaire(
        &rules_dir().join("questionnaires/self_assessment.toml"),
        "rules/questionnaires/self_assessment.toml",
        &rules,
    )
    .unwrap();
    (rules, catalogue, questionnaire)
}

fn entries(bundle: &Value) -> Vec<&Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| &entry["resource"])
        .collect()
}

fn of_type<'b>(bundle: &'b Value, kind: &str) -> Vec<&'b Value> {
    entries(bundle)
        .into_iter()
        .filter(|resource| resource["resourceType"] == kind)
        .collect()
}

#[test]
fn a_joint_plan_exported_and_read_back_is_the_same_plan_to_the_byte() {
    let (rules, catalogue, _) = loaded();
    for document in [
        examples::joint_plan(&rules, &catalogue).unwrap(),
        examples::plain_plan(&rules, &catalogue, &translations()).unwrap(),
    ] {
        let bundle = fhir::document(&document, None);
        let back = read_plan(&bundle).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(back, document);
        assert_eq!(back.to_json(), document.to_json());
        // And through text, as a FHIR server would store and return it.
        let again = read_plan(&serde_json::from_str(&bundle.to_string()).unwrap()).unwrap();
        assert_eq!(again, document);
    }
}

#[test]
fn a_plan_bundle_has_the_care_plan_its_goal_consents_provenance_and_people() {
    let (rules, catalogue, _) = loaded();
    let document = examples::joint_plan(&rules, &catalogue).unwrap();
    let DocumentBody::ClientPlan(plan) = &document.body else {
        panic!("a plan")
    };
    let bundle = fhir::document(&document, None);
    assert_eq!(bundle["type"], "collection");

    let care_plan = of_type(&bundle, "CarePlan")[0];
    assert_eq!(care_plan["status"], "active");
    assert_eq!(care_plan["intent"], "plan");
    assert_eq!(care_plan["subject"]["display"], "Testi Asiakas");
    assert_eq!(care_plan["period"]["start"], "2026-04-20");
    assert_eq!(care_plan["replaces"][0]["display"], "K7Q4-MZ2P");
    assert_eq!(
        care_plan["activity"][0]["detail"]["code"]["coding"][0]["code"],
        "tyokyvyn-arviointi"
    );
    assert_eq!(
        care_plan["contributor"].as_array().unwrap().len(),
        3,
        "the three partners"
    );
    let extensions = care_plan["extension"].as_array().unwrap();
    let named = |url: &str| {
        extensions
            .iter()
            .filter(|extension| extension["url"] == url)
            .count()
    };
    assert_eq!(
        named("urn:tyokyky:fhir:extension:joint-plan-sharing"),
        3,
        "a sharing decision per partner"
    );
    assert_eq!(
        plan.groups.iter().map(|group| group.as_str()).collect::<Vec<_>>(),
        ["immigrants", "disability-pension-refused"]
    );
    assert_eq!(
        named("urn:tyokyky:fhir:extension:target-group"),
        2,
        "the county's target groups"
    );

    let goal = of_type(&bundle, "Goal")[0];
    assert_eq!(goal["description"]["text"], "Osa-aikatyö vuoden kuluessa.");
    assert_eq!(goal["description"]["coding"][0]["code"], "work");

    // One consent to share (the partner with the consent ground) and the consent to contact the other
    // authority; the partner under a special act and the one kept out have none.
    let consents = of_type(&bundle, "Consent");
    assert_eq!(consents.len(), plan.consents.len());
    assert_eq!(consents.len(), 2);
    assert_eq!(consents[0]["provision"]["type"], "permit");
    assert_eq!(
        consents[0]["provision"]["actor"][0]["reference"]["display"],
        "Testikaupungin työllisyyspalvelut"
    );

    let provenance = of_type(&bundle, "Provenance")[0];
    let findings = provenance["extension"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|extension| extension["url"] == "urn:tyokyky:fhir:extension:finding")
        .count();
    assert_eq!(findings, plan.findings.len());
    assert!(
        findings > 10,
        "every finding of the rules is recorded: {findings}"
    );
    assert!(
        provenance["entity"][0]["what"]["display"]
            .as_str()
            .unwrap()
            .contains(&plan.rules.source_hash),
        "the rules' hash"
    );

    let practitioner = of_type(&bundle, "Practitioner")[0];
    assert_eq!(practitioner["meta"]["profile"][0], fhir::FI_BASE_PRACTITIONER);
    assert_eq!(
        of_type(&bundle, "Organization").len(),
        4,
        "the organisation and three partners"
    );

    // The service-need assessment (37 §) is among the case's answers.
    let response = of_type(&bundle, "QuestionnaireResponse")[0];
    let text = response.to_string();
    assert!(text.contains("\"linkId\":\"assessment.summary\""), "{text}");
    assert!(text.contains("Asiakas haluaa palata työelämään osa-aikaisesti."));
}

#[test]
fn a_plan_records_its_service_gap_and_groups_and_they_come_back_from_fhir() {
    let (rules, catalogue, _) = loaded();
    let document = examples::plain_plan(&rules, &catalogue, &translations()).unwrap();
    let DocumentBody::ClientPlan(plan) = &document.body else {
        panic!("a plan")
    };
    assert_eq!(plan.gaps.goals, [tyokyky_engine::catalogue::Goal::Work]);
    assert_eq!(
        plan.groups.iter().map(|group| group.as_str()).collect::<Vec<_>>(),
        ["young-without-qualification"]
    );
    let bundle = fhir::document(&document, None);
    let care_plan = of_type(&bundle, "CarePlan")[0];
    let gap = care_plan["extension"]
        .as_array()
        .unwrap()
        .iter()
        .find(|extension| extension["url"] == "urn:tyokyky:fhir:extension:service-gap")
        .unwrap();
    assert_eq!(gap["extension"][0], json!({ "url": "goal", "valueCode": "work" }));
    assert_eq!(read_plan(&bundle).unwrap(), document);
}

#[test]
fn the_self_assessment_is_a_questionnaire_in_four_languages_with_its_conditions() {
    let (_, _, questionnaire) = loaded();
    let resource = fhir::questionnaire::questionnaire(&questionnaire, &translations()).unwrap();
    assert_eq!(resource["resourceType"], "Questionnaire");
    assert_eq!(resource["url"], "urn:tyokyky:fhir:questionnaire:self-assessment");
    assert_eq!(resource["version"], questionnaire.file().version);
    let items = resource["item"].as_array().unwrap();
    let ids: Vec<&str> = items
        .iter()
        .map(|item| item["linkId"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = questionnaire
        .questions()
        .iter()
        .map(|question| question.id.as_str())
        .collect();
    assert_eq!(ids, expected);
    for item in items {
        let languages: Vec<&str> = item["_text"]["extension"]
            .as_array()
            .unwrap()
            .iter()
            .map(|translation| translation["extension"][0]["valueCode"].as_str().unwrap())
            .collect();
        assert_eq!(languages, ["fi-x-selko", "sv", "en"], "{}", item["linkId"]);
        for condition in item["enableWhen"].as_array().into_iter().flatten() {
            assert!(
                ids.contains(&condition["question"].as_str().unwrap()),
                "{condition}"
            );
        }
    }
    let shown_after_an_answer = items
        .iter()
        .filter(|item| item.get("enableWhen").is_some())
        .count();
    let with_show_if = questionnaire
        .questions()
        .iter()
        .filter(|question| question.show_if.is_some())
        .count();
    assert_eq!(shown_after_an_answer, with_show_if);
    assert!(with_show_if >= 2);
}

#[test]
fn a_contact_request_points_at_the_answers_it_shares() {
    let (_, _, questionnaire) = loaded();
    let document = examples::contact_request(&questionnaire).unwrap();
    let bundle = fhir::document(&document, Some(&questionnaire));
    let responses = of_type(&bundle, "QuestionnaireResponse");
    assert_eq!(responses.len(), 2);
    let pointer = responses[0]["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["linkId"] == "shared_answers")
        .unwrap();
    assert_eq!(
        pointer["answer"][0]["valueReference"]["reference"],
        bundle["entry"][1]["fullUrl"]
    );
    assert_eq!(
        responses[1]["questionnaire"],
        format!(
            "urn:tyokyky:fhir:questionnaire:self-assessment|{}",
            questionnaire.file().version
        )
    );
    let answered = responses[1]["item"].as_array().unwrap().len();
    assert_eq!(answered, questionnaire.questions().len());
    // A choice is a coding of its question's options, with the option's Finnish text.
    let goal = responses[1]["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["linkId"] == "goal")
        .unwrap();
    assert_eq!(
        goal["answer"][0]["valueCoding"]["system"],
        "urn:tyokyky:fhir:codesystem:self-assessment:goal"
    );
    assert!(goal["answer"][0]["valueCoding"]["display"].is_string());
}

#[test]
fn every_example_is_written_and_the_same_twice() {
    let (rules, catalogue, questionnaire) = loaded();
    let first = examples::all(&rules, &catalogue, &questionnaire, &translations()).unwrap();
    let second = examples::all(&rules, &catalogue, &questionnaire, &translations()).unwrap();
    assert_eq!(
        first.len(),
        11,
        "the questionnaire, five documents, and each document as a transaction"
    );
    assert_eq!(first, second, "the same documents give the same resources");
}

#[test]
fn a_bundle_that_is_not_a_whole_plan_is_refused_where_it_is_wrong() {
    let (rules, catalogue, _) = loaded();
    let bundle = fhir::document(&examples::joint_plan(&rules, &catalogue).unwrap(), None);

    let mut without_plan = bundle.clone();
    without_plan["entry"].as_array_mut().unwrap().remove(0);
    assert_eq!(
        read_plan(&without_plan).unwrap_err().to_string(),
        "Bundle.entry: a plan has one CarePlan, this has 0"
    );

    let mut unknown_field = bundle.clone();
    let response = unknown_field["entry"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|entry| entry["resource"]["resourceType"] == "QuestionnaireResponse")
        .unwrap();
    response["resource"]["item"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "linkId": "no_such_field", "answer": [{ "valueString": "x" }] }));
    let error = read_plan(&unknown_field).unwrap_err().to_string();
    assert!(error.starts_with("QuestionnaireResponse(case)"), "{error}");
    assert!(error.contains("no_such_field"), "{error}");

    let mut bad_day = bundle;
    for entry in bad_day["entry"].as_array_mut().unwrap() {
        if entry["resource"]["resourceType"] == "Provenance" {
            entry["resource"]["recorded"] = json!("yesterday");
        }
    }
    let error = read_plan(&bad_day).unwrap_err().to_string();
    assert!(error.ends_with(".recorded: an instant"), "{error}");
}

/// What a FHIR server is sent: a transaction that writes every resource under an id derived from the
/// document's key, so that the same document posted twice replaces, never copies; the references
/// between the resources are the entries' full URLs.
#[test]
fn a_document_as_a_transaction_puts_every_resource_under_an_id_of_its_own_key() {
    let (rules, catalogue, questionnaire) = loaded();
    for document in [
        examples::joint_plan(&rules, &catalogue).unwrap(),
        examples::contact_request(&questionnaire).unwrap(),
        examples::feedback().unwrap(),
    ] {
        let exported = fhir::document(&document, Some(&questionnaire));
        let transaction = fhir::transaction(&document, Some(&questionnaire));
        assert_eq!(transaction["type"], "transaction");
        assert_eq!(
            transaction["identifier"]["value"],
            format!("urn:uuid:{}", document.idempotency_key)
        );
        let written = transaction["entry"].as_array().unwrap();
        let expected = if exported["resourceType"] == "Bundle" {
            entries(&exported).len()
        } else {
            1
        };
        assert_eq!(written.len(), expected, "every resource of the export, none lost");
        for entry in written {
            let id = entry["fullUrl"]
                .as_str()
                .unwrap()
                .strip_prefix("urn:uuid:")
                .unwrap();
            let kind = entry["resource"]["resourceType"].as_str().unwrap();
            assert_eq!(entry["resource"]["id"], id);
            assert_eq!(
                entry["request"],
                json!({ "method": "PUT", "url": format!("{kind}/{id}") })
            );
        }
        assert_eq!(
            transaction,
            fhir::transaction(&document, Some(&questionnaire)),
            "the same document, the same ids: a second post replaces"
        );
    }
}
