//! Synthetic documents of every kind, and their FHIR, for integrators and for the validation in the
//! test command (`tyokyky-rules fhir examples --out DIR`). Every person in them is made up.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::FhirError;
use crate::catalogue::Catalogue;
use crate::documents::envelope::{DecodeError, Document, DocumentBody};
use crate::documents::plan::{CaseContext, ClientPlan, PlanRevision, WorkerContact};
use crate::forms::case::{
    Case, ChosenService, Initiator, NamedWorkerNeed, NamingException, NeedNature, Partner, Profession,
    Sharing, Worker,
};
use crate::forms::questionnaire::{Answer, AnswerType, Questionnaire};
use crate::law::ruleset::RuleSet;
use crate::text::translations::Translations;
use crate::text::{FreeText, Language};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or_default()
}

/// A joint plan of a made-up client, revised, with three partners (one shared with consent, one under a
/// special act, one kept out), services, review dates and the organisation and worker from the host.
pub fn joint_plan(rules: &RuleSet, catalogue: &Catalogue) -> Result<Document, String> {
    let mut case = Case::default();
    case.opening.opened_on = Some(day("2026-04-02"));
    case.opening.initiator = Some(Initiator::Client);
    case.opening.contacted_on = Some(day("2026-04-01"));
    case.opening.urgent = Some(false);
    case.opening.needs_other_authority = Some(true);
    case.opening.consent_to_contact_other_authority = Some(true);
    case.client.age = Some(44);
    case.client.vpl_disabled = Some(false);
    case.client.highest_care_allowance = Some(false);
    case.client.special_support = Some(false);
    case.client.has_dependants = Some(false);
    case.client.goal = Some(crate::catalogue::Goal::Work);
    case.client.work_ability_score = Some(5);
    case.client.unemployed_job_seeker = Some(true);
    case.client.illness_reduces_work_ability = Some(true);
    case.client.language = Some(Language::FI);
    case.client.moved_to_finland = Some(true);
    case.client.disability_pension_refused = Some(true);
    case.assessment.responsible = Worker {
        name: "Testi Sosiaalityöntekijä".into(),
        profession: Some(Profession::SocialWorker),
        in_public_office: Some(true),
    };
    case.assessment.summary = "Asiakas haluaa palata työelämään osa-aikaisesti.".into();
    case.assessment.professional_conclusions = "Tarvitaan työkyvyn arviointi ja kuntouttavaa tukea.".into();
    case.assessment.client_view = "Toivoo pääsevänsä työkokeiluun syksyllä.".into();
    case.assessment.named_worker_need_client = Some(NamedWorkerNeed::Needed);
    case.assessment.named_worker_need_professional = Some(NamedWorkerNeed::Needed);
    case.assessment.needs_support = Some(true);
    case.assessment.need_nature = Some(NeedNature::LongTerm);
    case.plan.made_on = Some(day("2026-04-20"));
    case.plan.made_with_client = Some(true);
    case.plan.items.support_need = "Tuki työkyvyn selvittämiseen ja paluuseen työhön.".into();
    case.plan.items.goals = "Osa-aikatyö vuoden kuluessa.".into();
    case.plan.items.strengths = "Pitkä työkokemus varastoalalta.".into();
    case.plan.items.meeting_frequency = "Kerran kuukaudessa.".into();
    case.plan.services = vec![ChosenService {
        service_id: "tyokyvyn-arviointi".into(),
        note: "Lähete lähetetty.".into(),
    }];
    case.plan.partners = vec![
        Partner {
            name: "Testikaupungin työllisyyspalvelut".into(),
            sector: crate::catalogue::Sector::EmploymentServices,
            responsibility: "Työkokeilun järjestäminen".into(),
            sharing: Some(Sharing::Consent),
            legal_basis: FreeText::default(),
        },
        Partner {
            name: "Kela".into(),
            sector: crate::catalogue::Sector::Kela,
            responsibility: "Ammatillinen kuntoutus".into(),
            sharing: Some(Sharing::SpecialAct),
            legal_basis: "Esimerkkilaki 1/2000 1 §".into(),
        },
        Partner {
            name: "Testijärjestö ry".into(),
            sector: crate::catalogue::Sector::Organisations,
            responsibility: "Vertaistuki".into(),
            sharing: Some(Sharing::NotShared),
            legal_basis: FreeText::default(),
        },
    ];
    case.plan.responsible_worker = "Testi Sosiaalityöntekijä".into();
    case.plan.joint = Some(true);
    case.plan.review_dates = vec![day("2026-10-01"), day("2027-04-01")];
    case.named_worker.exception = NamingException::None;
    case.named_worker.worker = Worker {
        name: "Testi Sosiaalityöntekijä".into(),
        profession: Some(Profession::SocialWorker),
        in_public_office: Some(true),
    };
    let facts = case
        .facts(rules.catalogue())
        .map_err(|error| format!("{error:?}"))?;
    let outcome = rules.evaluate(&facts).map_err(|error| format!("{error:?}"))?;
    let mut plan = ClientPlan::new(case, &outcome, rules, catalogue, &|texts| {
        texts.get(Language::FI).to_owned()
    })
    .with_revision(PlanRevision {
        version: 2,
        supersedes: Uuid::from_u128(0x2b1e_4f3a_0000_4000_8000_0000_0000_0001),
        supersedes_reference: Some("K7Q4-MZ2P".into()),
        reason: "Työkokeilu alkoi, tavoitteet tarkistettiin.".into(),
    });
    plan.context = Some(CaseContext {
        organisation: "Esimerkin hyvinvointialue, työikäisten sosiaalityö".into(),
        case_reference: "TEST-2026-0042".into(),
        worker: WorkerContact {
            name: "Testi Sosiaalityöntekijä".into(),
            role: "sosiaalityöntekijä".into(),
            phone: "+358 40 000 0000".into(),
            email: "testi.sosiaalityontekija@example.org".into(),
        },
        client_name: Some(FreeText::new("Testi Asiakas").unwrap_or_default()),
    });
    Ok(Document::new(
        Uuid::from_u128(0x7d3c_91aa_5e21_4c7b_9a10_0000_0000_0002),
        at("2026-04-20T10:15:00Z"),
        Language::FI,
        DocumentBody::ClientPlan(Box::new(plan)),
    ))
}

/// A first plan made without the host's context: no organisation, worker or client name, no partners; in
/// Swedish (its findings from `translations`).
pub fn plain_plan(
    rules: &RuleSet,
    catalogue: &Catalogue,
    translations: &Translations,
) -> Result<Document, String> {
    let mut case = Case::default();
    case.opening.opened_on = Some(day("2026-09-01"));
    case.opening.initiator = Some(Initiator::WorkerObservation);
    case.opening.urgent = Some(false);
    case.client.age = Some(29);
    // Aiming at work but not able to take part yet: no service in the catalogue leads there (a gap).
    case.client.goal = Some(crate::catalogue::Goal::Work);
    case.client.unemployed_job_seeker = Some(true);
    case.client.can_use_employment_services = Some(false);
    case.client.can_attend_half_days_weekly = Some(false);
    case.client.illness_reduces_work_ability = Some(false);
    case.client.has_vocational_qualification = Some(false);
    case.plan.made_on = Some(day("2026-09-15"));
    case.plan.made_with_client = Some(true);
    case.plan.items.support_need = "Arjen tuki ja opiskelun suunnittelu.".into();
    let facts = case
        .facts(rules.catalogue())
        .map_err(|error| format!("{error:?}"))?;
    let outcome = rules.evaluate(&facts).map_err(|error| format!("{error:?}"))?;
    let plan = ClientPlan::new(case, &outcome, rules, catalogue, &|texts| {
        translations.text(texts, Language::SV).to_owned()
    });
    Ok(Document::new(
        Uuid::from_u128(0x7d3c_91aa_5e21_4c7b_9a10_0000_0000_0003),
        at("2026-09-15T08:00:00Z"),
        Language::SV,
        DocumentBody::ClientPlan(Box::new(plan)),
    ))
}

/// Every question of `questionnaire` answered (a choice with its first option, a `multi` with its first
/// two, a score 6, yes to yes/no, a sentence of text), as the shared answers of a contact request.
fn all_answered(questionnaire: &Questionnaire) -> Value {
    let mut answers = serde_json::Map::new();
    for question in questionnaire.questions() {
        let values: Vec<String> = question
            .options
            .iter()
            .filter(|option| !option.exclusive)
            .map(|option| option.value.clone())
            .collect();
        let answer = match question.answer_type {
            AnswerType::YesNo => Answer::Bool(true),
            AnswerType::Score => Answer::Number(6),
            AnswerType::Choice => Answer::Text(values.first().cloned().unwrap_or_default()),
            AnswerType::Multi => Answer::Options(values.into_iter().take(2).collect()),
            AnswerType::Text => Answer::Text("Haluaisin kokeilla osa-aikatyötä.".into()),
        };
        answers.insert(
            question.id.clone(),
            serde_json::to_value(answer).unwrap_or_default(),
        );
    }
    json!({
        "questionnaire": questionnaire.file().id,
        "version": questionnaire.file().version,
        "answers": answers,
        "suggested_services": ["tyokyvyn-arviointi"],
    })
}

fn decoded(document: &Value) -> Result<Document, String> {
    Document::decode(document.to_string().as_bytes()).map_err(|error: DecodeError| format!("{error:?}"))
}

/// A contact request that shares the self-assessment's answers.
pub fn contact_request(questionnaire: &Questionnaire) -> Result<Document, String> {
    decoded(&json!({
        "schema_version": 1,
        "idempotency_key": "5f0c2a7e-1b9d-4e3a-8c55-000000000004",
        "created_at": "2026-11-02T09:30:00Z",
        "lang": "fi",
        "kind": "contact_request",
        "answers": {
            "name": "Testi Henkilö",
            "phone": "+358 40 000 0001",
            "contact_language": "fi",
            "preferred_time": "morning",
            "plain_language": true,
            "urgent": false,
            "consent_text": "Annan luvan ottaa minuun yhteyttä ja käsitellä vastauksiani yhteydenottoa varten.",
            "channel": "self_service",
            "shared_answers": all_answered(questionnaire),
        },
    }))
}

/// A work-ability check.
pub fn work_ability_check() -> Result<Document, String> {
    decoded(&json!({
        "schema_version": 1,
        "idempotency_key": "5f0c2a7e-1b9d-4e3a-8c55-000000000005",
        "created_at": "2026-11-03T12:00:00Z",
        "lang": "sv",
        "kind": "work_ability_check",
        "answers": { "work_ability_score": 4, "what_would_help": "Kortare arbetsdagar." },
    }))
}

/// Anonymous feedback from a kiosk.
pub fn feedback() -> Result<Document, String> {
    decoded(&json!({
        "schema_version": 1,
        "idempotency_key": "5f0c2a7e-1b9d-4e3a-8c55-000000000006",
        "created_at": "2026-11-04T15:45:00Z",
        "lang": "en",
        "kind": "feedback",
        "answers": { "score": 8, "comment": "Clear questions.", "channel": "kiosk" },
    }))
}

/// Every example as a file name and its FHIR: the questionnaire, two plans, a contact request, a
/// work-ability check and feedback, and each document also as the transaction a FHIR server is sent
/// (`<name>.transaction.json`).
pub fn all(
    rules: &RuleSet,
    catalogue: &Catalogue,
    questionnaire: &Questionnaire,
    translations: &Translations,
) -> Result<Vec<(String, Value)>, String> {
    let fhir_error = |error: FhirError| error.to_string();
    let mut out = vec![(
        format!("questionnaire-{}.json", questionnaire.file().id),
        super::questionnaire::questionnaire(questionnaire, translations).map_err(fhir_error)?,
    )];
    for (name, document) in [
        ("client-plan-joint", joint_plan(rules, catalogue)?),
        ("client-plan-plain", plain_plan(rules, catalogue, translations)?),
        ("contact-request", contact_request(questionnaire)?),
        ("work-ability-check", work_ability_check()?),
        ("feedback", feedback()?),
    ] {
        out.push((
            format!("{name}.json"),
            super::document(&document, Some(questionnaire)),
        ));
        out.push((
            format!("{name}.transaction.json"),
            super::transaction(&document, Some(questionnaire)),
        ));
    }
    Ok(out)
}
