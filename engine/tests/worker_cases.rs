//! Worker-assisted cases written as the typed answers a worker and a client fill in (`case::Case`),
//! turned into facts by `Case::facts` and judged by the rules in `rules/`. These are the situations the
//! worker flow must get right.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::path::Path;

use chrono::NaiveDate;
use tyokyky_engine::case::{Case, Initiator, NamingException, Partner, Profession, Sharing, Worker};
use tyokyky_engine::catalogue::Sector;
use tyokyky_engine::error::EvalError;
use tyokyky_engine::eval::{Due, Status};
use tyokyky_engine::forms::worker::partners_counted;
use tyokyky_engine::load::load_dir;
use tyokyky_engine::ruleset::RuleSet;
use tyokyky_engine::text::FreeText;
use tyokyky_engine::text::translations::load_offered;

fn rules() -> RuleSet {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules")).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn opened(on: &str, initiator: Initiator) -> Case {
    let mut case = Case::default();
    case.opening.opened_on = Some(date(on));
    case.opening.initiator = Some(initiator);
    case.opening.urgent = Some(false);
    case
}

#[test]
fn a_sosionomi_without_a_paired_social_worker_blocks_a_special_support_plan_until_one_is_added() {
    let rules = rules();
    let mut case = opened("2026-02-02", Initiator::Client);
    case.client.age = Some(36);
    case.client.special_support = Some(true);
    case.named_worker.exception = NamingException::None;
    case.named_worker.worker = Worker {
        name: "Testi Sosionomi".into(),
        profession: Some(Profession::Sosionomi),
        in_public_office: Some(false),
    };
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    let finding = outcome.finding("shl-42-special-support-social-worker").unwrap();
    assert_eq!(finding.status, Status::Unmet);
    assert!(finding.blocks_finishing());
    assert_eq!(finding.rule.citation.short(), "1301/2014 42 § 3 mom.");

    case.named_worker.co_worker = Worker {
        name: "Testi Sosiaalityöntekijä".into(),
        profession: Some(Profession::SocialWorker),
        in_public_office: Some(true),
    };
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    assert_eq!(
        outcome
            .finding("shl-42-special-support-social-worker")
            .unwrap()
            .status,
        Status::Met
    );
}

#[test]
fn a_disabled_client_whose_relative_called_the_day_before_good_friday_gets_a_start_date_after_easter() {
    let rules = rules();
    let mut case = opened("2026-04-02", Initiator::RelativeOrClosePerson);
    case.client.age = Some(44);
    case.client.vpl_disabled = Some(true);
    case.client.highest_care_allowance = Some(false);
    case.client.special_support = Some(false);
    case.assessment.obviously_unnecessary = Some(false);
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    let finding = outcome.finding("shl-36-start-within-7-working-days").unwrap();
    let Some(Due::Date {
        date: due,
        from,
        skipped,
        ..
    }) = &finding.due
    else {
        panic!("{:?}", finding.due)
    };
    assert_eq!((*due, *from), (date("2026-04-15"), date("2026-04-02")));
    let skipped: Vec<String> = skipped.iter().map(|day| day.date.to_string()).collect();
    for day in ["2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06"] {
        assert!(
            skipped.contains(&day.to_owned()),
            "{day} not skipped: {skipped:?}"
        );
    }
}

#[test]
fn a_joint_plan_with_a_partner_not_consented_to_cannot_be_finished_and_the_finding_names_that_partner() {
    let rules = rules();
    let mut case = opened("2025-10-06", Initiator::Client);
    case.client.age = Some(47);
    case.plan.joint = Some(true);
    let partner = |name: &str, sector, sharing| Partner {
        name: name.into(),
        sector,
        responsibility: "Työkokeilun järjestäminen".into(),
        sharing,
        legal_basis: FreeText::default(),
    };
    case.plan.partners = vec![
        partner(
            "Kunnan työllisyyspalvelut",
            Sector::EmploymentServices,
            Some(Sharing::Consent),
        ),
        partner("Kela", Sector::Kela, None),
        partner("Terveysasema", Sector::HealthCare, Some(Sharing::Consent)),
    ];
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    let finding = outcome.finding("shl-39-joint-plan-consent").unwrap();
    assert_eq!(finding.status, Status::Unmet);
    assert!(
        finding.blocks_finishing(),
        "a partner without consent stops finishing"
    );
    let named: Vec<&str> = partners_counted(&case, "plan.partners_missing_consent")
        .into_iter()
        .map(|(_, partner)| partner.name.as_str())
        .collect();
    assert_eq!(named, ["Kela"], "the finding names the partner without consent");
    let shared: Vec<&str> = case
        .partners_to_share_with()
        .map(|partner| partner.name.as_str())
        .collect();
    assert_eq!(shared, ["Kunnan työllisyyspalvelut", "Terveysasema"]);

    // The worker keeps Kela out of the shared part: the plan can be finished, shared with the other two.
    case.plan.partners[1].sharing = Some(Sharing::NotShared);
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    assert_eq!(
        outcome.finding("shl-39-joint-plan-consent").unwrap().status,
        Status::Met
    );
    assert!(
        outcome
            .finding("shl-39-joint-plan-without-consent-by-special-act")
            .is_none()
    );

    // Or shares with Kela under a special act: a recorded exception, which needs its provision.
    case.plan.partners[1].sharing = Some(Sharing::SpecialAct);
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    let exception = outcome
        .finding("shl-39-joint-plan-without-consent-by-special-act")
        .unwrap();
    assert!(exception.blocks_finishing(), "the provision is not written yet");
    assert_eq!(
        partners_counted(&case, "plan.partners_special_act_uncited")
            .iter()
            .map(|(index, _)| *index)
            .collect::<Vec<_>>(),
        [1]
    );
    case.plan.partners[1].legal_basis = "Laki kuntouttavasta työtoiminnasta (189/2001) 9 §".into();
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    let exception = outcome
        .finding("shl-39-joint-plan-without-consent-by-special-act")
        .unwrap();
    assert_eq!(
        exception.status,
        Status::Met,
        "a recorded exception, shown, not a silent pass"
    );
    assert_eq!(case.partners_to_share_with().count(), 3);
}

#[test]
fn every_answer_maps_to_a_declared_fact_and_an_empty_case_asks_for_its_opening_date() {
    let rules = rules();
    // A case with every kind of answer given: `facts` fails on any name or value the catalogue lacks.
    let json = serde_json::json!({
        "opening": {"opened_on": "2025-09-01", "initiator": "legal_representative", "urgent": false,
                    "needs_other_authority": true, "consent_to_contact_other_authority": true},
        "client": {"age": 52, "highest_care_allowance": false, "vpl_disabled": false, "special_support": true,
                   "has_dependants": true, "care_capacity_weakened": false, "goal": "pension_assessment",
                   "work_ability_score": 3, "unemployed_job_seeker": true, "can_use_employment_services": false,
                   "can_attend_half_days_weekly": true, "illness_reduces_work_ability": true,
                   "needs_multisector_support": true, "mental_health_or_substance_need": false,
                   "needs_accompaniment": true},
        "assessment": {"obviously_unnecessary": false, "responsible": {"name": "A", "profession": "social_worker", "in_public_office": true},
                       "summary": "x", "professional_conclusions": "x", "client_view": "x",
                       "named_worker_need_client": "needed", "named_worker_need_professional": "not_needed",
                       "needs_support": true, "need_nature": "long_term", "close_network_mapping": true,
                       "close_network_ground": "unable_to_care_for_self", "dependants_assessed": true},
        "plan": {"obviously_unnecessary": false, "made_with_client": true,
                 "items": {"support_need": "x", "services_needed": "x", "meeting_frequency": "x", "goals": "x", "follow_up": "x"},
                 "services": [{"service_id": "kuntouttava-tyotoiminta"}],
                 "partners": [{"name": "Kela", "sector": "kela", "responsibility": "", "sharing": "consent"}],
                 "responsible_worker": "A", "joint": false, "review_dates": ["2026-03-01"]},
        "named_worker": {"exception": "none", "worker": {"name": "B", "profession": "health_care_professional"},
                         "co_worker": {"profession": "social_worker", "in_public_office": true}}
    });
    let case: Case = serde_json::from_value(json).unwrap();
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    assert_eq!(
        outcome
            .finding("shl-39-item-08-partner-responsibilities")
            .unwrap()
            .status,
        Status::Unmet
    );
    assert_eq!(
        outcome
            .finding("shl-42-health-care-justification")
            .unwrap()
            .status,
        Status::Unmet
    );
    assert_eq!(
        outcome.finding("shl-43-close-network-consent").unwrap().status,
        Status::Met
    );

    let empty = Case::default().facts(rules.catalogue()).unwrap();
    assert_eq!(
        rules.evaluate(&empty).unwrap_err(),
        EvalError::MissingOpeningDate {
            fact: "case.opened_on"
        }
    );
}

#[test]
fn a_finished_plan_carries_its_findings_rules_catalogue_and_consents_and_survives_the_round_trip() {
    use tyokyky_engine::document::{Document, DocumentBody, Language};
    use tyokyky_engine::plan::{ClientPlan, ConsentScope};

    let rules = rules();
    let catalogue = tyokyky_engine::load::load_catalogue(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/services/example-county.toml"),
        "rules/services/example-county.toml",
        &rules,
    )
    .unwrap();
    let mut case = opened("2026-04-02", Initiator::RelativeOrClosePerson);
    case.client.age = Some(44);
    case.client.vpl_disabled = Some(true);
    case.plan.joint = Some(true);
    case.plan.partners = vec![Partner {
        name: "Kela".into(),
        sector: Sector::Kela,
        responsibility: "Ammatillinen kuntoutus".into(),
        sharing: Some(Sharing::NotShared),
        legal_basis: FreeText::default(),
    }];
    case.opening.needs_other_authority = Some(true);
    case.opening.consent_to_contact_other_authority = Some(true);
    let facts = case.facts(rules.catalogue()).unwrap();
    let outcome = rules.evaluate(&facts).unwrap();
    // The findings in Swedish, from its language folder (locales/sv/texts.ftl).
    let swedish = load_offered(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")).unwrap();
    let plan = ClientPlan::new(case, &outcome, &rules, &catalogue, &|texts| {
        swedish.text(texts, Language::SV).to_owned()
    });

    let deadline = plan
        .findings
        .iter()
        .find(|f| f.rule_id == "shl-36-start-within-7-working-days")
        .unwrap();
    assert_eq!(deadline.due.as_deref(), Some("2026-04-15"));
    assert_eq!(deadline.cites, "1301/2014 36 § 2 mom. 1–3 k.");
    assert!(
        deadline.message.starts_with("Bedömningen av servicebehovet"),
        "{}",
        deadline.message
    );
    assert_eq!(plan.rules.source_hash, rules.compiled().source_hash);
    assert_eq!(plan.catalogue.county, catalogue.file().county);
    assert!(
        !plan
            .consents
            .iter()
            .any(|c| c.scope == ConsentScope::ShareJointPlan),
        "no consent is recorded for a partner kept out of the shared part"
    );
    assert_eq!(plan.sharing.len(), 1);
    let kela = &plan.sharing[0];
    assert_eq!(
        (
            kela.recipient.as_str(),
            kela.shared,
            kela.ground,
            kela.legal_basis.as_deref()
        ),
        ("Kela", false, Some(Sharing::NotShared), None)
    );
    assert!(
        plan.consents
            .iter()
            .any(|c| c.scope == ConsentScope::ContactOtherAuthority && c.given)
    );

    let document = Document::new(
        uuid::Uuid::from_bytes([3; 16]),
        chrono::DateTime::UNIX_EPOCH,
        Language::SV,
        DocumentBody::ClientPlan(Box::new(plan)),
    );
    assert_eq!(Document::decode(document.to_json().as_bytes()).unwrap(), document);
}
