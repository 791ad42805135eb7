//! The county service catalogue: every file in `rules/services/` loads against the real fact catalogue;
//! the example county (`rules/services/example-county.toml`) has the services the field reports name and
//! matches clients as its header promises, including the **service gap** of field report 004 (no
//! work-leading service for a client whose functional capacity is not enough for rehabilitative work
//! activity); `tests/fixtures/catalogue/good/` loads; every file in `tests/fixtures/catalogue/bad/` fails
//! with exactly the message recorded beside it (`<name>.expected`). To record new messages after a
//! deliberate change: `UPDATE_GOLDEN=1 cargo test -p tyokyky-engine --features toml --test catalogue`,
//! then review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

mod common;

use std::path::PathBuf;

use common::{assert_recorded_messages, root, toml_files};

use tyokyky_engine::catalogue::{
    Catalogue, Contact, DataProtectionOfficer, Fit, Gap, Goal, Matching, PhoneService, Sector,
};
use tyokyky_engine::facts::Facts;
use tyokyky_engine::load::{catalogue_files, load_catalogue, load_dir};
use tyokyky_engine::rule::Texts;
use tyokyky_engine::ruleset::RuleSet;

fn rules() -> RuleSet {
    load_dir(&root().join("rules")).unwrap_or_else(|errors| panic!("{errors}"))
}

/// Loads a catalogue, naming it in messages by its path in the repository.
fn load(path: &std::path::Path, rules: &RuleSet) -> Result<Catalogue, tyokyky_engine::error::LoadErrors> {
    let name = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    load_catalogue(path, &name, rules)
}

fn example(rules: &RuleSet) -> Catalogue {
    load(&root().join("rules/services/example-county.toml"), rules)
        .unwrap_or_else(|errors| panic!("{errors}"))
}

fn facts(rules: &RuleSet, json: &serde_json::Value) -> Facts {
    rules
        .catalogue()
        .facts_from_json(json)
        .unwrap_or_else(|error| panic!("{error}"))
}

/// No facts at all.
fn facts_none(rules: &RuleSet) -> Facts {
    facts(rules, &serde_json::json!({}))
}

/// The fit of the service `id`.
fn fit<'a>(matching: &'a Matching<'a>, id: &str) -> &'a Fit<'a> {
    matching
        .fits
        .iter()
        .find(|fit| fit.service.id == id)
        .unwrap_or_else(|| panic!("no service `{id}` in the matching"))
}

/// The ids of the services that fit for sure.
fn fitting<'a>(matching: &'a Matching<'a>) -> Vec<&'a str> {
    matching
        .fits
        .iter()
        .filter(|fit| fit.fits == Some(true))
        .map(|fit| fit.service.id.as_str())
        .collect()
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    toml_files(&format!("tests/fixtures/catalogue/{kind}"))
}

/// The client of field report 004's gap: aims for work, but cannot use employment services, cannot
/// attend half a day a week and has no diagnosed illness that reduces work ability.
fn gap_client() -> serde_json::Value {
    serde_json::json!({
        "client": {
            "goal": "work",
            "age": 52,
            "unemployed_job_seeker": true,
            "can_use_employment_services": false,
            "can_attend_half_days_weekly": false,
            "illness_reduces_work_ability": false,
        }
    })
}

#[test]
fn every_catalogue_file_in_rules_services_loads() {
    let rules = rules();
    let paths = catalogue_files(&root().join("rules"));
    assert!(
        paths
            .iter()
            .any(|path| path.ends_with("services/example-county.toml")),
        "{paths:?}"
    );
    for path in paths {
        let catalogue =
            load(&path, &rules).unwrap_or_else(|errors| panic!("{} should load:\n{errors}", path.display()));
        assert!(!catalogue.file().service.is_empty());
    }
}

#[test]
fn the_example_names_its_county_and_version() {
    let rules = rules();
    let catalogue = example(&rules);
    assert_eq!(catalogue.file().county, "Esimerkin hyvinvointialue");
    assert_eq!(catalogue.file().version, "2026.12.2");
}

#[test]
fn the_example_has_every_service_the_field_reports_name_with_its_law() {
    let rules = rules();
    let catalogue = example(&rules);
    for (id, sector, law) in [
        (
            "kuntouttava-tyotoiminta",
            Sector::SocialServices,
            Some("189/2001"),
        ),
        (
            "tyohonvalmennus",
            Sector::EmploymentServices,
            Some("380/2023 53 §"),
        ),
        ("tyokokeilu", Sector::EmploymentServices, Some("380/2023 54 §")),
        (
            "palkkatuki-alentunut-tyokyky",
            Sector::EmploymentServices,
            Some("380/2023 87 §"),
        ),
        ("kelan-ammatillinen-kuntoutus", Sector::Kela, Some("566/2005 6 §")),
        ("rinnallakulkija", Sector::SocialServices, None),
        ("jarjestojen-toiminta", Sector::Organisations, None),
        ("ohjaamo", Sector::EmploymentServices, Some("381/2023 16 §")),
        (
            "mielenterveys-ja-paihdepalvelut",
            Sector::HealthCare,
            Some("1301/2014; 1326/2010"),
        ),
        (
            "monialainen-yhteistoimintamalli",
            Sector::EmploymentServices,
            Some("381/2023"),
        ),
        ("tyokyvyn-arviointi", Sector::HealthCare, None),
    ] {
        let service = catalogue
            .service(id)
            .unwrap_or_else(|| panic!("the example has no `{id}`"));
        assert_eq!(service.sector, sector, "{id}");
        assert_eq!(service.law.as_deref(), law, "{id}");
    }
}

#[test]
fn the_example_covers_every_sector_and_every_goal() {
    let rules = rules();
    let catalogue = example(&rules);
    let services = &catalogue.file().service;
    for sector in [
        Sector::SocialServices,
        Sector::EmploymentServices,
        Sector::Kela,
        Sector::HealthCare,
        Sector::Education,
        Sector::Organisations,
    ] {
        assert!(
            services.iter().any(|service| service.sector == sector),
            "no {sector:?} service"
        );
    }
    for goal in Goal::ALL {
        assert!(
            services.iter().any(|service| service.leads_to.contains(&goal)),
            "nothing leads to {goal:?}"
        );
    }
}

#[test]
fn the_example_says_what_its_services_lead_to() {
    let rules = rules();
    let catalogue = example(&rules);
    let leads_to = |id: &str| catalogue.service(id).unwrap().leads_to.clone();
    assert_eq!(
        leads_to("kuntouttava-tyotoiminta"),
        [Goal::Work, Goal::Education, Goal::Participation]
    );
    assert!(leads_to("tyokyvyn-arviointi").contains(&Goal::PensionAssessment));
    assert_eq!(leads_to("jarjestojen-toiminta"), [Goal::Participation]);
    assert_eq!(leads_to("rinnallakulkija"), [Goal::Participation]);
    let texts = &catalogue.service("kuntouttava-tyotoiminta").unwrap().suits_whom;
    assert!(texts.fi.contains("opinnollistaminen"), "{}", texts.fi);
    let supplement = &catalogue
        .service("palkkatuki-alentunut-tyokyky")
        .unwrap()
        .suits_whom;
    assert!(supplement.fi.contains("kuntalisä"), "{}", supplement.fi);
}

#[test]
fn every_text_of_the_example_is_written_in_three_languages_and_names_no_phone_number() {
    let rules = rules();
    let catalogue = example(&rules);
    for service in &catalogue.file().service {
        for texts in [
            &service.name,
            &service.provider,
            &service.suits_whom,
            &service.how_to_reach,
        ] {
            for text in [Some(&texts.fi), texts.sv.as_ref(), texts.en.as_ref()] {
                let text = text.unwrap_or_else(|| panic!("{}: written inline in fi, sv and en", service.id));
                assert!(!text.trim().is_empty(), "{}", service.id);
                let digits = text.chars().filter(char::is_ascii_digit).count();
                assert!(digits < 5, "{}: looks like a phone number: {text}", service.id);
            }
            assert!(
                texts.en.as_ref() != Some(&texts.fi) || texts.fi == "Kela",
                "{}: untranslated",
                service.id
            );
        }
    }
}

#[test]
fn a_long_term_unemployed_45_year_old_who_can_attend_half_days_fits_rehabilitative_work_activity() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(
        &rules,
        &serde_json::json!({
            "client": {
                "goal": "work",
                "age": 45,
                "unemployed_job_seeker": true,
                "can_attend_half_days_weekly": true,
                "can_use_employment_services": false,
                "illness_reduces_work_ability": false,
                "needs_multisector_support": true,
            }
        }),
    );
    let matching = catalogue.matching(&rules, &facts);
    let activity = fit(&matching, "kuntouttava-tyotoiminta");
    assert_eq!(activity.fits, Some(true));
    assert!(activity.needs.is_empty());
    assert_eq!(fit(&matching, "monialainen-yhteistoimintamalli").fits, Some(true));
    assert_eq!(fit(&matching, "tyohonvalmennus").fits, Some(false));
    assert_eq!(fit(&matching, "ohjaamo").fits, Some(false));
    assert_eq!(matching.gap, Gap::None);
}

#[test]
fn a_client_too_unwell_for_rehabilitative_work_activity_has_a_service_gap_for_work() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(&rules, &gap_client());
    let matching = catalogue.matching(&rules, &facts);
    assert_eq!(matching.gap, Gap::ForGoal(Goal::Work));
    for fit in matching
        .fits
        .iter()
        .filter(|fit| fit.service.leads_to.contains(&Goal::Work))
    {
        assert_eq!(fit.fits, Some(false), "{} should not fit", fit.service.id);
    }
    let fitting = fitting(&matching);
    assert!(fitting.contains(&"jarjestojen-toiminta"), "{fitting:?}");
    assert!(fitting.contains(&"sosiaalinen-kuntoutus"), "{fitting:?}");
    assert!(fitting.contains(&"tyokyvyn-arviointi"), "{fitting:?}");
    assert!(!fitting.contains(&"kuntouttava-tyotoiminta"), "{fitting:?}");
}

#[test]
fn the_gap_holds_whatever_else_is_known_about_the_client() {
    let rules = rules();
    let catalogue = example(&rules);
    // The three deciding facts alone decide every work-leading service.
    let alone = serde_json::json!({
        "client": {
            "goal": "work",
            "can_use_employment_services": false,
            "can_attend_half_days_weekly": false,
            "illness_reduces_work_ability": false,
        }
    });
    let facts_alone = facts(&rules, &alone);
    assert_eq!(
        catalogue.matching(&rules, &facts_alone).gap,
        Gap::ForGoal(Goal::Work)
    );
    // A young client with every need: Ohjaamo fits, but it leads to education and participation.
    let mut young = gap_client();
    young["client"]["age"] = serde_json::json!(24);
    young["client"]["needs_multisector_support"] = serde_json::json!(true);
    young["client"]["mental_health_or_substance_need"] = serde_json::json!(true);
    young["client"]["needs_accompaniment"] = serde_json::json!(true);
    young["client"]["work_ability_score"] = serde_json::json!(2);
    let facts_young = facts(&rules, &young);
    let matching = catalogue.matching(&rules, &facts_young);
    assert_eq!(matching.gap, Gap::ForGoal(Goal::Work));
    let fitting = fitting(&matching);
    for id in [
        "ohjaamo",
        "rinnallakulkija",
        "mielenterveys-ja-paihdepalvelut",
        "jarjestojen-toiminta",
    ] {
        assert!(fitting.contains(&id), "{id} should fit: {fitting:?}");
    }
}

#[test]
fn the_same_client_aiming_for_participation_has_no_gap() {
    let rules = rules();
    let catalogue = example(&rules);
    for goal in ["participation", "rehabilitation", "pension_assessment"] {
        let mut client = gap_client();
        client["client"]["goal"] = serde_json::json!(goal);
        let facts = facts(&rules, &client);
        assert_eq!(catalogue.matching(&rules, &facts).gap, Gap::None, "{goal}");
    }
}

#[test]
fn walk_alongside_support_fits_only_a_client_who_needs_accompaniment() {
    let rules = rules();
    let catalogue = example(&rules);
    for (needs, expected) in [(true, Some(true)), (false, Some(false))] {
        let mut client = gap_client();
        client["client"]["needs_accompaniment"] = serde_json::json!(needs);
        let facts = facts(&rules, &client);
        let matching = catalogue.matching(&rules, &facts);
        assert_eq!(fit(&matching, "rinnallakulkija").fits, expected, "{needs}");
    }
}

#[test]
fn a_24_year_old_fits_ohjaamo_and_a_31_year_old_does_not() {
    let rules = rules();
    let catalogue = example(&rules);
    for (age, expected) in [
        (24, Some(true)),
        (29, Some(true)),
        (30, Some(false)),
        (31, Some(false)),
    ] {
        let facts = facts(&rules, &serde_json::json!({ "client": { "age": age } }));
        let matching = catalogue.matching(&rules, &facts);
        let ohjaamo = fit(&matching, "ohjaamo");
        assert_eq!(ohjaamo.fits, expected, "age {age}");
        assert!(ohjaamo.needs.is_empty(), "age {age}");
    }
}

#[test]
fn a_diagnosed_illness_that_reduces_work_ability_opens_kela_vocational_rehabilitation() {
    let rules = rules();
    let catalogue = example(&rules);
    let mut client = gap_client();
    client["client"]["illness_reduces_work_ability"] = serde_json::json!(true);
    let facts = facts(&rules, &client);
    let matching = catalogue.matching(&rules, &facts);
    assert_eq!(fit(&matching, "kelan-ammatillinen-kuntoutus").fits, Some(true));
    // The pay subsidy also needs the client to be able to use employment services.
    assert_eq!(fit(&matching, "palkkatuki-alentunut-tyokyky").fits, Some(false));
    assert_eq!(matching.gap, Gap::None);
}

#[test]
fn a_client_who_can_use_employment_services_fits_job_coaching_and_a_work_trial() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(
        &rules,
        &serde_json::json!({
            "client": {
                "goal": "work",
                "age": 38,
                "unemployed_job_seeker": true,
                "can_use_employment_services": true,
                "illness_reduces_work_ability": true,
            }
        }),
    );
    let matching = catalogue.matching(&rules, &facts);
    let fitting = fitting(&matching);
    for id in [
        "tyohonvalmennus",
        "tyokokeilu",
        "palkkatuki-alentunut-tyokyky",
        "kelan-ammatillinen-kuntoutus",
    ] {
        assert!(fitting.contains(&id), "{id} should fit: {fitting:?}");
    }
    assert_eq!(matching.gap, Gap::None);
}

#[test]
fn when_the_goal_is_unknown_the_gap_is_goal_unknown() {
    let rules = rules();
    let catalogue = example(&rules);
    let mut client = gap_client();
    client["client"]["goal"] = serde_json::Value::Null;
    let facts = facts(&rules, &client);
    let matching = catalogue.matching(&rules, &facts);
    assert_eq!(matching.gap, Gap::GoalUnknown);
    // The services are still matched.
    assert_eq!(fit(&matching, "jarjestojen-toiminta").fits, Some(true));
    assert_eq!(fit(&matching, "kuntouttava-tyotoiminta").fits, Some(false));
    let nothing = facts_none(&rules);
    assert_eq!(catalogue.matching(&rules, &nothing).gap, Gap::GoalUnknown);
}

#[test]
fn services_whose_facts_are_missing_are_undecided_and_say_which_facts_they_need() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(&rules, &serde_json::json!({ "client": { "goal": "work" } }));
    let matching = catalogue.matching(&rules, &facts);
    let activity = fit(&matching, "kuntouttava-tyotoiminta");
    assert_eq!(activity.fits, None);
    assert_eq!(
        activity.needs,
        [
            "client.unemployed_job_seeker",
            "client.can_attend_half_days_weekly"
        ]
    );
    let ohjaamo = fit(&matching, "ohjaamo");
    assert_eq!(
        (ohjaamo.fits, ohjaamo.needs.as_slice()),
        (None, ["client.age"].as_slice())
    );
    // A service without a condition fits whatever is missing.
    let organisations = fit(&matching, "jarjestojen-toiminta");
    assert_eq!((organisations.fits, organisations.needs.len()), (Some(true), 0));
    let Gap::Undetermined { needs } = &matching.gap else {
        panic!("expected an undetermined gap, got {:?}", matching.gap);
    };
    for fact in [
        "client.unemployed_job_seeker",
        "client.can_attend_half_days_weekly",
        "client.can_use_employment_services",
        "client.illness_reduces_work_ability",
        "client.needs_multisector_support",
    ] {
        assert!(needs.contains(&fact), "{fact} missing from {needs:?}");
    }
    assert!(
        !needs.contains(&"client.age"),
        "Ohjaamo does not lead to work: {needs:?}"
    );
    let unique: std::collections::HashSet<&str> = needs.iter().copied().collect();
    assert_eq!(unique.len(), needs.len(), "each fact once: {needs:?}");
}

#[test]
fn a_fact_that_decides_a_condition_leaves_the_others_unneeded() {
    let rules = rules();
    let catalogue = example(&rules);
    // Not a job seeker: every service that asks for one is decided without the other facts.
    let facts = facts(
        &rules,
        &serde_json::json!({ "client": { "goal": "work", "unemployed_job_seeker": false } }),
    );
    let matching = catalogue.matching(&rules, &facts);
    for id in [
        "kuntouttava-tyotoiminta",
        "tyohonvalmennus",
        "tyokokeilu",
        "palkkatuki-alentunut-tyokyky",
        "monialainen-yhteistoimintamalli",
    ] {
        let fit = fit(&matching, id);
        assert_eq!((fit.fits, fit.needs.len()), (Some(false), 0), "{id}");
    }
    // Kela's rehabilitation still depends on the illness, so the gap is not decided yet.
    assert_eq!(
        matching.gap,
        Gap::Undetermined {
            needs: vec!["client.illness_reduces_work_ability"]
        }
    );
}

#[test]
fn compiled_json_loads_back_to_the_same_catalogue() {
    let rules = rules();
    let catalogue = example(&rules);
    let again = Catalogue::from_json(&catalogue.to_json(), &rules, "x.json").unwrap();
    // The same, but for the privacy notice's facts, which the compiled JSON leaves out.
    let mut expected = catalogue.file().clone();
    expected.privacy = None;
    assert_eq!(again.file(), &expected);
    assert_eq!(again.to_json(), catalogue.to_json());
}

#[test]
fn compiled_json_is_validated_like_toml() {
    let rules = rules();
    let catalogue = example(&rules);
    let json = catalogue.to_json().replacen(
        "\"client.needs_accompaniment\"",
        "\"client.needs_acompaniment\"",
        1,
    );
    assert_ne!(json, catalogue.to_json(), "the test did not change anything");
    let errors = Catalogue::from_json(&json, &rules, "county.json")
        .unwrap_err()
        .to_string();
    assert_eq!(
        errors,
        "county.json: unknown fact `client.needs_acompaniment` (did you mean `client.needs_accompaniment`?) \
         (service `rinnallakulkija`)"
    );
    let errors = Catalogue::from_json("{\"county\": 1}", &rules, "county.json")
        .unwrap_err()
        .to_string();
    assert!(errors.starts_with("county.json:1: invalid type"), "{errors}");
}

#[test]
fn good_catalogue_fixtures_load() {
    let rules = rules();
    let paths = fixtures("good");
    assert!(
        paths.iter().any(|path| path.ends_with("minimal.toml")),
        "{paths:?}"
    );
    for path in paths {
        if let Err(errors) = load(&path, &rules) {
            panic!("{} should load:\n{errors}", path.display());
        }
    }
}

#[test]
fn bad_catalogue_fixtures_fail_with_their_recorded_messages() {
    let rules = rules();
    let paths = fixtures("bad");
    assert!(paths.len() >= 7, "only {} bad fixtures", paths.len());
    assert_recorded_messages(&paths, |path| {
        let message = match load(path, &rules) {
            Ok(_) => panic!("{} should fail to load", path.display()),
            Err(errors) => errors.to_string(),
        };
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            message
                .lines()
                .all(|line| line.contains(&format!("catalogue/bad/{name}"))),
            "not located: {message}"
        );
        assert_eq!(message.lines().count(), 1, "one message per fixture: {message}");
        message
    });
}

#[test]
fn the_required_bad_catalogues_are_among_the_fixtures() {
    let rules = rules();
    let dir = root().join("tests/fixtures/catalogue/bad");
    for (name, wanted) in [
        ("unknown_fact", "unknown fact `client.agee`"),
        ("duplicate_id", "service id `ryhma` is used twice"),
        ("empty_swedish_name", "`name.sv` is empty"),
        ("empty_leads_to", "`leads_to` names no goal"),
        ("unknown_leads_to", "unknown variant `holiday`"),
        ("applies_rule", "only rules may use `applies`"),
        ("unknown_field", "unknown field `phone`"),
        ("phone_with_letters", "`O` is not allowed"),
        ("phone_plus_inside", "`+` may only begin it"),
        ("phone_too_short", "it has 2 digits, fewer than 3"),
        (
            "call_back_zero_days",
            "`contact.call_back_working_days` is 0: it must be 1 to 30",
        ),
        (
            "call_back_too_many_days",
            "`contact.call_back_working_days` is 31",
        ),
        (
            "empty_contact_name",
            "`contact.social_emergency.name.selko` is empty",
        ),
        ("privacy_missing_email", ":5: missing field `email`"),
        (
            "privacy_no_such_day",
            ":6: `privacy.updated_on`: `2026-02-30` is not a day of the calendar",
        ),
        (
            "privacy_zero_draft_days",
            ":16: `privacy.retention.draft_days` is 0: it must be 1 to 3650 days",
        ),
        (
            "privacy_dpo_email_without_at",
            ":11: `privacy.data_protection_officer.email` `tietosuoja.pienin.example` is not an e-mail address: it has no `@`",
        ),
        (
            "privacy_empty_controller_sv",
            ":7: `privacy.controller.sv` is empty",
        ),
    ] {
        let message = load(&dir.join(format!("{name}.toml")), &rules)
            .err()
            .unwrap_or_else(|| panic!("{name} should fail to load"))
            .to_string();
        assert!(message.contains(wanted), "{name}: {message}");
    }
}

#[test]
fn money_housing_and_debt_worries_lead_to_social_work_and_debt_advice() {
    let rules = rules();
    let catalogue = example(&rules);
    let case = |worries: serde_json::Value| facts(&rules, &serde_json::json!({ "client": worries }));
    let fits = |facts: &Facts, id: &str| fit(&catalogue.matching(&rules, facts), id).fits;

    let money =
        case(serde_json::json!({ "money_worries": true, "housing_worries": false, "debt_worries": false }));
    assert_eq!(fits(&money, "aikuissosiaalityo-raha-ja-asuminen"), Some(true));
    assert_eq!(fits(&money, "talous-ja-velkaneuvonta"), Some(true));

    let housing =
        case(serde_json::json!({ "money_worries": false, "housing_worries": true, "debt_worries": false }));
    assert_eq!(fits(&housing, "aikuissosiaalityo-raha-ja-asuminen"), Some(true));
    assert_eq!(fits(&housing, "talous-ja-velkaneuvonta"), Some(false));

    let debts =
        case(serde_json::json!({ "money_worries": false, "housing_worries": false, "debt_worries": true }));
    assert_eq!(fits(&debts, "aikuissosiaalityo-raha-ja-asuminen"), Some(false));
    assert_eq!(fits(&debts, "talous-ja-velkaneuvonta"), Some(true));

    let none =
        case(serde_json::json!({ "money_worries": false, "housing_worries": false, "debt_worries": false }));
    assert_eq!(fits(&none, "aikuissosiaalityo-raha-ja-asuminen"), Some(false));
    assert_eq!(fits(&none, "talous-ja-velkaneuvonta"), Some(false));
    // Not asked: not a quiet "no".
    assert_eq!(fits(&facts_none(&rules), "talous-ja-velkaneuvonta"), None);
}

#[test]
fn the_example_gives_its_social_emergency_service_and_call_back_time() {
    let rules = rules();
    let catalogue = example(&rules);
    let emergency = catalogue.social_emergency().unwrap();
    assert_eq!(emergency.phone, "+358 9 0000 0000");
    assert_eq!(emergency.tel_uri(), "tel:+358900000000");
    assert_eq!(emergency.name.fi, "Esimerkin hyvinvointialueen sosiaalipäivystys");
    assert_eq!(emergency.name.selko.as_deref(), Some("Sosiaalipäivystys"));
    assert_eq!(catalogue.call_back_working_days(), Some(3));
    assert_eq!(
        catalogue
            .contact()
            .and_then(|contact| contact.social_emergency.as_ref()),
        Some(emergency)
    );
}

#[test]
fn a_catalogue_without_contact_settings_loads_and_has_none() {
    let rules = rules();
    let catalogue = load(&root().join("tests/fixtures/catalogue/good/minimal.toml"), &rules)
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(catalogue.contact(), None);
    assert_eq!(catalogue.social_emergency(), None);
    assert_eq!(catalogue.call_back_working_days(), None);
    assert!(
        !catalogue.to_json().contains("contact"),
        "{}",
        catalogue.to_json()
    );
    let again = Catalogue::from_json(&catalogue.to_json(), &rules, "x.json").unwrap();
    assert_eq!(again.contact(), None);
}

#[test]
fn contact_settings_round_trip_through_the_compiled_json() {
    let rules = rules();
    let catalogue = load(
        &root().join("tests/fixtures/catalogue/good/with_contact.toml"),
        &rules,
    )
    .unwrap_or_else(|errors| panic!("{errors}"));
    let expected = Contact {
        social_emergency: Some(PhoneService {
            phone: "+358 9 0000-0000".into(),
            name: Texts {
                fi: "Sosiaalipäivystys".into(),
                sv: Some("Socialjouren".into()),
                en: Some("Social emergency service".into()),
                selko: Some("Sosiaalipäivystys".into()),
            },
        }),
        call_back_working_days: Some(5),
    };
    assert_eq!(catalogue.contact(), Some(&expected));
    let again = Catalogue::from_json(&catalogue.to_json(), &rules, "x.json").unwrap();
    assert_eq!(again, catalogue);
    assert_eq!(again.contact(), Some(&expected));
    assert_eq!(again.social_emergency().unwrap().tel_uri(), "tel:+358900000000");
    let example = example(&rules);
    let again = Catalogue::from_json(&example.to_json(), &rules, "x.json").unwrap();
    assert_eq!(again.contact(), example.contact());
    assert!(again.contact().is_some());
}

#[test]
fn compiled_json_contact_settings_are_checked_like_toml() {
    let rules = rules();
    let json = example(&rules).to_json();
    for (from, to, wanted) in [
        (
            "\"+358 9 0000 0000\"",
            "\"+358 9 0000 0000 tai 112\"",
            "county.json: `contact.social_emergency.phone` `+358 9 0000 0000 tai 112` is not a phone \
             number: `t` is not allowed (only digits, spaces, hyphens and a leading `+`)",
        ),
        (
            "\"call_back_working_days\":3",
            "\"call_back_working_days\":40",
            "county.json: `contact.call_back_working_days` is 40: it must be 1 to 30 working days",
        ),
    ] {
        let changed = json.replacen(from, to, 1);
        assert_ne!(changed, json, "the test did not change anything: {from}");
        let errors = Catalogue::from_json(&changed, &rules, "county.json")
            .unwrap_err()
            .to_string();
        assert_eq!(errors, wanted);
    }
}

#[test]
fn the_tel_link_keeps_the_digits_and_a_leading_plus_only() {
    let service = |phone: &str| PhoneService {
        phone: phone.into(),
        name: Texts {
            fi: "Sosiaalipäivystys".into(),
            sv: Some("Socialjouren".into()),
            en: Some("Social emergency service".into()),
            selko: None,
        },
    };
    for (phone, tel) in [
        ("+358 40 123 4567", "tel:+358401234567"),
        ("+358-40-123-4567", "tel:+358401234567"),
        ("09 0000 0000", "tel:0900000000"),
        ("112", "tel:112"),
    ] {
        assert_eq!(service(phone).tel_uri(), tel, "{phone}");
    }
}

#[test]
fn the_example_gives_the_facts_of_its_privacy_notice() {
    let rules = rules();
    let catalogue = example(&rules);
    let privacy = catalogue.privacy().unwrap();
    assert_eq!(privacy.controller.fi, "Esimerkin hyvinvointialue");
    assert_eq!(privacy.email, "kirjaamo@esimerkki.example");
    assert_eq!(
        privacy.data_protection_officer,
        DataProtectionOfficer {
            email: "tietosuoja@esimerkki.example".into(),
            phone: Some("+358 9 0000 0002".into()),
        }
    );
    assert_eq!(privacy.retention.contact_request_days, 90);
    assert!(privacy.retention.client_plan.fi.contains("703/2023"));
    for text in [
        &privacy.controller.sv,
        &privacy.controller.en,
        &privacy.retention.client_plan.sv,
        &privacy.retention.client_plan.en,
    ] {
        assert!(text.as_ref().is_some_and(|text| !text.is_empty()));
    }
    assert!(privacy.controller.selko.is_some() && privacy.retention.client_plan.selko.is_some());
}

#[test]
fn the_privacy_notice_facts_stay_out_of_the_compiled_json_the_app_embeds() {
    let rules = rules();
    let catalogue = example(&rules);
    assert!(catalogue.privacy().is_some());
    let json = catalogue.to_json();
    for absent in ["privacy", "kirjaamo@esimerkki.example", "retention"] {
        assert!(!json.contains(absent), "`{absent}` in {json}");
    }
    let again = Catalogue::from_json(&json, &rules, "x.json").unwrap();
    assert_eq!(again.privacy(), None);
}

#[test]
fn a_privacy_section_without_the_officers_phone_loads() {
    let rules = rules();
    let catalogue = load(
        &root().join("tests/fixtures/catalogue/good/with_privacy.toml"),
        &rules,
    )
    .unwrap_or_else(|errors| panic!("{errors}"));
    let privacy = catalogue.privacy().unwrap();
    assert_eq!(privacy.data_protection_officer.phone, None);
    assert_eq!(privacy.controller.selko, None);
    assert_eq!(privacy.retention.draft_days, 180);
    let minimal = load(&root().join("tests/fixtures/catalogue/good/minimal.toml"), &rules).unwrap();
    assert_eq!(minimal.privacy(), None);
}

/// The ids a list of `Id`s holds, for comparing.
fn ids(list: &[tyokyky_engine::text::Id]) -> Vec<&str> {
    list.iter().map(tyokyky_engine::text::Id::as_str).collect()
}

#[test]
fn a_young_person_without_a_qualification_is_counted_in_that_group_by_their_word_or_by_age() {
    let rules = rules();
    let catalogue = example(&rules);
    // The self-assessment asks the person (one tick); the worker's form gives the age and the qualification.
    let by_word = facts(
        &rules,
        &serde_json::json!({ "client": { "young_without_qualification": true } }),
    );
    assert_eq!(
        ids(&catalogue.groups_of(&by_word)),
        ["young-without-qualification"]
    );
    let by_age = facts(
        &rules,
        &serde_json::json!({ "client": { "age": 27, "has_vocational_qualification": false } }),
    );
    assert_eq!(
        ids(&catalogue.groups_of(&by_age)),
        ["young-without-qualification"]
    );
    // With a qualification, or of 30, not; and an unknown qualification counts them nowhere.
    for client in [
        serde_json::json!({ "age": 27, "has_vocational_qualification": true }),
        serde_json::json!({ "age": 30, "has_vocational_qualification": false }),
        serde_json::json!({ "age": 27 }),
    ] {
        let facts = facts(&rules, &serde_json::json!({ "client": client }));
        assert!(catalogue.groups_of(&facts).is_empty(), "{client}");
    }
}

#[test]
fn an_older_unemployed_person_released_from_prison_and_refused_a_pension_is_in_three_groups() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(
        &rules,
        &serde_json::json!({ "client": {
            "aged_55_or_over": true, "unemployed_job_seeker": true,
            "released_from_prison": true, "disability_pension_refused": true,
        } }),
    );
    assert_eq!(
        ids(&catalogue.groups_of(&facts)),
        [
            "older-unemployed",
            "released-from-prison",
            "disability-pension-refused"
        ]
    );
}

#[test]
fn a_need_a_fitting_service_meets_is_no_gap_and_one_no_service_meets_is() {
    let rules = rules();
    let catalogue = example(&rules);
    // Released from prison and worried about housing: the support for people released and adult social
    // work both fit, so neither need is a gap.
    let met = facts(
        &rules,
        &serde_json::json!({ "client": { "released_from_prison": true, "housing_worries": true } }),
    );
    let matching = catalogue.matching(&rules, &met);
    assert!(fitting(&matching).contains(&"tuki-vankilasta-vapautuville"));
    assert!(catalogue.gaps(&matching, &met).is_empty());

    // The same county without the service for people released: that need is now a gap, named by its id.
    let mut without = catalogue.file().clone();
    without
        .service
        .retain(|service| service.id != "tuki-vankilasta-vapautuville");
    let text = serde_json::to_string(&without).unwrap();
    let without = Catalogue::from_json(&text, &rules, "without.json").unwrap();
    let matching = without.matching(&rules, &met);
    let gaps = without.gaps(&matching, &met);
    assert_eq!(ids(&gaps.needs), ["support-after-release"]);
    assert!(gaps.goals.is_empty());
}

#[test]
fn a_goal_no_fitting_service_leads_to_is_recorded_as_a_gap() {
    let rules = rules();
    let catalogue = example(&rules);
    let facts = facts(&rules, &gap_client());
    let matching = catalogue.matching(&rules, &facts);
    assert_eq!(catalogue.gaps(&matching, &facts).goals, [Goal::Work]);
    // A need whose condition is not known yet is no gap: nothing is counted on a guess.
    assert!(catalogue.gaps(&matching, &facts).needs.is_empty());
}
