//! A client plan as a FHIR `Bundle` (`collection`), and back.
//!
//! | entry | what of the plan |
//! |---|---|
//! | `CarePlan` | the plan: its key, version and the one it replaces, the client (by name, if the host gave one), the day made, the worker as author, the partners as contributors, the support need, each chosen service and each agreed review as an activity, the goal; for a joint plan, each partner's sharing decision (39 § 3 mom) as an extension |
//! | `Goal` | the plan's goals in words and the client's own aim of the questionnaire (`client.goal`) |
//! | `CareTeam` | by name, the worker responsible for the whole (39 §), the named worker and their pair (42 §) |
//! | `QuestionnaireResponse` | every answer of the case ([`super::answers`]): the opening, the client, the service-need assessment (36–37 §), the plan's items, services, partners and review dates, the named worker (42 §) |
//! | `Organization` | the organisation that made the plan (HL7 Finland's base profile), and each partner with its sector |
//! | `Practitioner` | the worker who made it (base profile) |
//! | `Consent` | each consent recorded: sharing the joint plan with one partner (39 § 3 mom), contacting the authority primarily responsible (40 §) |
//! | `Provenance` | when, by whom, from which rules (name, version, hash of the rule files) and catalogue; every finding with its rule, citation, status and date |
//!
//! [`read_plan`] reads the product's own parts back (the response for the case, the extensions for the
//! findings and sharing, the consents, the organisation and the worker), so the plan it gives is the
//! one exported, to the byte of its JSON.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::questionnaire::{canonical, uuid_for};
use super::{FI_BASE_ORGANIZATION, FI_BASE_PRACTITIONER, FhirError, URN_SYSTEM, answers, language_code, urn};
use crate::documents::envelope::{Document, DocumentBody};
use crate::documents::plan::{CaseContext, ClientPlan, ConsentRecord, ConsentScope};
use crate::forms::case::Case;
use crate::text::Language;

/// The name of the product's form for a case's answers (its `QuestionnaireResponse` answers it).
pub const CASE_FORM: &str = "client-plan-case";

const FINLEX_SHL: &str = "https://www.finlex.fi/fi/laki/ajantasa/2014/20141301";

fn extension_url(name: &str) -> String {
    urn("extension", name)
}

/// A flat JSON object as a complex extension: a sub-extension per field, its value as an answer's
/// ([`answers::fhir_value`]: text, a day, yes/no, a number; absent and empty fields left out).
fn complex_extension(name: &str, object: &Value) -> Value {
    let parts: Vec<Value> = object
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(key, value)| {
            let mut part = Map::new();
            part.insert("url".into(), key.clone().into());
            if let Value::Object(value) = answers::fhir_value(value)? {
                part.extend(value);
            }
            Some(Value::Object(part))
        })
        .collect();
    json!({ "url": extension_url(name), "extension": parts })
}

/// A complex extension read back as a flat JSON object.
fn object_of_extension(extension: &Value, path: &str) -> Result<Value, FhirError> {
    let mut object = Map::new();
    let parts = extension
        .get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    for (index, part) in parts.enumerate() {
        let here = format!("{path}.extension[{index}]");
        let key = part
            .get("url")
            .and_then(Value::as_str)
            .ok_or_else(|| FhirError::at(&here, "a part without its url"))?;
        object.insert(key.to_owned(), answers::value_of(part, &here)?);
    }
    Ok(Value::Object(object))
}

fn typed<T: DeserializeOwned>(value: Value, path: &str) -> Result<T, FhirError> {
    serde_path_to_error::deserialize(value)
        .map_err(|error| FhirError::at(format!("{path}.{}", error.path()), error.inner().to_string()))
}

fn json_of<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

fn reference(url: &str) -> Value {
    json!({ "reference": url })
}

fn key_identifier(key: Uuid) -> Value {
    json!({ "system": URN_SYSTEM, "value": format!("urn:uuid:{key}") })
}

/// The client as the plan refers to them: by name when the host gave one, otherwise by a
/// pseudonymous identifier of this plan (never a personal identity code).
fn subject(document: &Document, context: Option<&CaseContext>) -> Value {
    match context.and_then(|context| context.client_name.as_ref()) {
        Some(name) => json!({ "display": name.as_str() }),
        None => json!({ "identifier": key_identifier(uuid_for(document, "client")) }),
    }
}

/// The plan document as a FHIR `Bundle`.
pub fn plan_bundle(document: &Document, plan: &ClientPlan) -> Value {
    let case = &plan.case;
    let context = plan.context.as_ref();
    let url = |part: &str| format!("urn:uuid:{}", uuid_for(document, part));
    let care_plan_url = format!("urn:uuid:{}", document.idempotency_key);
    let answers_url = url("case");
    let goal_url = url("goal");
    let organisation_url = url("organisation");
    let worker_url = url("worker");
    let provenance_url = url("provenance");
    let subject = subject(document, context);
    let language_tag = language_code(document.lang);
    let language = language_tag.as_str();
    let mut entries = Vec::new();

    // The plan itself.
    let mut care_plan = Map::new();
    care_plan.insert("resourceType".into(), "CarePlan".into());
    care_plan.insert("language".into(), language.into());
    let mut identifiers = vec![key_identifier(document.idempotency_key)];
    if let Some(context) = context.filter(|context| !context.case_reference.is_empty()) {
        identifiers.push(json!({
            "system": urn("identifier", "case-reference"),
            "value": context.case_reference.as_str(),
        }));
    }
    care_plan.insert("identifier".into(), Value::Array(identifiers));
    if let Some(revision) = &case.plan.revision {
        let mut replaced = Map::new();
        replaced.insert("identifier".into(), key_identifier(revision.supersedes));
        if let Some(reference) = &revision.supersedes_reference {
            replaced.insert("display".into(), reference.clone().into());
        }
        care_plan.insert("replaces".into(), json!([replaced]));
    }
    care_plan.insert("status".into(), "active".into());
    care_plan.insert("intent".into(), "plan".into());
    care_plan.insert(
        "title".into(),
        format!("Asiakassuunnitelma, versio {}", plan.version()).into(),
    );
    if !case.plan.items.support_need.is_empty() {
        care_plan.insert("description".into(), case.plan.items.support_need.as_str().into());
    }
    care_plan.insert("subject".into(), subject.clone());
    if let Some(made_on) = case.plan.made_on {
        care_plan.insert("period".into(), json!({ "start": made_on.to_string() }));
        care_plan.insert("created".into(), made_on.to_string().into());
    }
    if context.is_some() {
        care_plan.insert("author".into(), reference(&worker_url));
    }
    let partner_urls: Vec<String> = (0..case.plan.partners.len())
        .map(|index| url(&format!("partner-{index}")))
        .collect();
    if !partner_urls.is_empty() {
        care_plan.insert(
            "contributor".into(),
            partner_urls.iter().map(|url| reference(url)).collect(),
        );
    }
    care_plan.insert("supportingInfo".into(), json!([reference(&answers_url)]));
    let has_goal = !case.plan.items.goals.is_empty() || case.client.goal.is_some();
    if has_goal {
        care_plan.insert("goal".into(), json!([reference(&goal_url)]));
    }
    let system = urn(
        "codesystem",
        &format!("services:{}", plan.catalogue.county.replace(' ', "-")),
    );
    let activities: Vec<Value> = case
        .plan
        .services
        .iter()
        .map(|service| {
            let mut detail = Map::new();
            detail.insert(
                "code".into(),
                json!({ "coding": [{ "system": system, "code": service.service_id }] }),
            );
            detail.insert("status".into(), "not-started".into());
            if !service.note.is_empty() {
                detail.insert("description".into(), service.note.as_str().into());
            }
            json!({ "detail": detail })
        })
        .collect();
    // Each agreed review of the plan (39 § 3 mom: "tarkistettava tarvittaessa") as a scheduled activity.
    let mut activities = activities;
    activities.extend(case.plan.review_dates.iter().map(|day| {
        json!({ "detail": {
            "code": { "coding": [{ "system": urn("codesystem", "plan-activity"), "code": "review" }], "text": "Asiakassuunnitelman tarkistus" },
            "status": "scheduled",
            "scheduledPeriod": { "start": day.to_string() },
        } })
    }));
    if !activities.is_empty() {
        care_plan.insert("activity".into(), Value::Array(activities));
    }
    // The one responsible for the whole (39 §) and the named worker (42 §), by name, as a care team.
    let mut members = Vec::new();
    for (name, role, text) in [
        (
            &case.plan.responsible_worker,
            "responsible-worker",
            "vastuutyöntekijä",
        ),
        (
            &case.named_worker.worker.name,
            "named-worker",
            "omatyöntekijä (42 §)",
        ),
        (
            &case.named_worker.co_worker.name,
            "co-worker",
            "työpari (42 § 3 mom.)",
        ),
    ] {
        if !name.is_empty() {
            members.push(json!({
                "role": [{ "coding": [{ "system": urn("codesystem", "care-team-role"), "code": role }], "text": text }],
                "member": { "display": name.as_str() },
            }));
        }
    }
    let care_team_url = url("care-team");
    if !members.is_empty() {
        care_plan.insert("careTeam".into(), json!([reference(&care_team_url)]));
    }
    // Each partner's sharing decision, the target groups the county counts and the service gaps.
    let mut extensions: Vec<Value> = plan
        .sharing
        .iter()
        .map(|record| complex_extension("joint-plan-sharing", &json_of(record)))
        .collect();
    extensions.extend(
        plan.groups
            .iter()
            .map(|group| json!({ "url": extension_url("target-group"), "valueCode": group.as_str() })),
    );
    let gap_codes = plan.gaps.goals.iter().map(|goal| ("goal", goal.name()));
    for (part, code) in gap_codes.chain(plan.gaps.needs.iter().map(|need| ("need", need.as_str()))) {
        extensions.push(json!({
            "url": extension_url("service-gap"),
            "extension": [{ "url": part, "valueCode": code }],
        }));
    }
    if !extensions.is_empty() {
        care_plan.insert("extension".into(), Value::Array(extensions));
    }
    entries.push(json!({ "fullUrl": care_plan_url, "resource": care_plan }));

    // Every answer of the case.
    let mut response = Map::new();
    response.insert("resourceType".into(), "QuestionnaireResponse".into());
    response.insert("language".into(), language.into());
    response.insert("identifier".into(), key_identifier(uuid_for(document, "case")));
    response.insert(
        "questionnaire".into(),
        format!("{}|{}", canonical(CASE_FORM), document.schema_version).into(),
    );
    response.insert("status".into(), "completed".into());
    response.insert("subject".into(), subject.clone());
    response.insert("authored".into(), document.created_at.to_rfc3339().into());
    let items = answers::items(&json_of(case), "");
    if !items.is_empty() {
        response.insert("item".into(), Value::Array(items));
    }
    entries.push(json!({ "fullUrl": answers_url, "resource": response }));

    if !members.is_empty() {
        entries.push(json!({
            "fullUrl": care_team_url,
            "resource": {
                "resourceType": "CareTeam",
                "language": language,
                "status": "active",
                "subject": subject,
                "participant": members,
            },
        }));
    }

    if has_goal {
        let mut description = Map::new();
        if let Some(goal) = case.client.goal {
            description.insert(
                "coding".into(),
                json!([{ "system": urn("codesystem", "client-goal"), "code": goal.name() }]),
            );
        }
        if !case.plan.items.goals.is_empty() {
            description.insert("text".into(), case.plan.items.goals.as_str().into());
        }
        entries.push(json!({
            "fullUrl": goal_url,
            "resource": {
                "resourceType": "Goal",
                "language": language,
                "lifecycleStatus": "active",
                "description": description,
                "subject": subject,
            },
        }));
    }

    if let Some(context) = context {
        entries.push(json!({
            "fullUrl": organisation_url,
            "resource": {
                "resourceType": "Organization",
                "meta": { "profile": [FI_BASE_ORGANIZATION] },
                "active": true,
                "name": context.organisation.as_str(),
            },
        }));
        let worker = &context.worker;
        let mut practitioner = Map::new();
        practitioner.insert("resourceType".into(), "Practitioner".into());
        practitioner.insert("meta".into(), json!({ "profile": [FI_BASE_PRACTITIONER] }));
        practitioner.insert("name".into(), json!([{ "text": worker.name.as_str() }]));
        let mut telecom = Vec::new();
        if !worker.phone.is_empty() {
            telecom.push(json!({ "system": "phone", "value": worker.phone.as_str(), "use": "work" }));
        }
        if !worker.email.is_empty() {
            telecom.push(json!({ "system": "email", "value": worker.email.as_str(), "use": "work" }));
        }
        if !telecom.is_empty() {
            practitioner.insert("telecom".into(), Value::Array(telecom));
        }
        if !worker.role.is_empty() {
            practitioner.insert(
                "qualification".into(),
                json!([{ "code": { "text": worker.role.as_str() } }]),
            );
        }
        entries.push(json!({ "fullUrl": worker_url, "resource": practitioner }));
    }

    for (partner, partner_url) in case.plan.partners.iter().zip(&partner_urls) {
        let mut organisation = Map::new();
        organisation.insert("resourceType".into(), "Organization".into());
        organisation.insert("meta".into(), json!({ "profile": [FI_BASE_ORGANIZATION] }));
        let sector = json_of(&partner.sector);
        let mut kind = Map::new();
        kind.insert(
            "coding".into(),
            json!([{ "system": urn("codesystem", "sector"), "code": sector }]),
        );
        if !partner.responsibility.is_empty() {
            kind.insert("text".into(), partner.responsibility.as_str().into());
        }
        organisation.insert("type".into(), json!([kind]));
        // A partner named in the plan has a name; one not yet named still has its sector.
        let name = if partner.name.is_empty() {
            "(nimeämätön)"
        } else {
            partner.name.as_str()
        };
        organisation.insert("name".into(), name.into());
        entries.push(json!({ "fullUrl": partner_url, "resource": organisation }));
    }

    for (index, consent) in plan.consents.iter().enumerate() {
        entries.push(json!({
            "fullUrl": url(&format!("consent-{index}")),
            "resource": consent_resource(document, plan, consent, &subject, context.map(|_| organisation_url.as_str()), &partner_urls),
        }));
    }

    // Where it comes from.
    let mut agent = Map::new();
    agent.insert(
        "type".into(),
        json!({ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author" }] }),
    );
    match context {
        Some(context) => {
            agent.insert(
                "who".into(),
                json!({ "reference": worker_url, "display": context.worker.name.as_str() }),
            );
            agent.insert("onBehalfOf".into(), reference(&organisation_url));
        }
        None => {
            agent.insert("who".into(), json!({ "display": "tyokyky" }));
        }
    }
    let mut extensions = vec![
        complex_extension("rules", &json_of(&plan.rules)),
        complex_extension("catalogue", &json_of(&plan.catalogue)),
    ];
    extensions.extend(
        plan.findings
            .iter()
            .map(|finding| complex_extension("finding", &json_of(finding))),
    );
    entries.push(json!({
        "fullUrl": provenance_url,
        "resource": {
            "resourceType": "Provenance",
            "extension": extensions,
            "target": [reference(&care_plan_url), reference(&answers_url)],
            "recorded": document.created_at.to_rfc3339(),
            "policy": [FINLEX_SHL],
            "agent": [agent],
            "entity": [
                {
                    "role": "source",
                    "what": { "display": format!("{} {} (sha256 {})", plan.rules.name, plan.rules.version, plan.rules.source_hash) },
                },
                {
                    "role": "source",
                    "what": { "display": format!("{} {}", plan.catalogue.county, plan.catalogue.version) },
                },
            ],
        },
    }));

    json!({
        "resourceType": "Bundle",
        "language": language,
        "identifier": key_identifier(document.idempotency_key),
        "type": "collection",
        "timestamp": document.created_at.to_rfc3339(),
        "entry": entries,
    })
}

fn consent_resource(
    document: &Document,
    plan: &ClientPlan,
    consent: &ConsentRecord,
    subject: &Value,
    organisation: Option<&str>,
    partner_urls: &[String],
) -> Value {
    let (scope_name, section) = match consent.scope {
        ConsentScope::ShareJointPlan => ("share_joint_plan", "39 § 3 mom."),
        ConsentScope::ContactOtherAuthority => ("contact_other_authority", "40 §"),
    };
    let mut provision = Map::new();
    provision.insert(
        "type".into(),
        if consent.given { "permit" } else { "deny" }.into(),
    );
    if let Some(recipient) = &consent.recipient {
        let mut who = Map::new();
        // The partner's Organization, when the plan names one by this name.
        if let Some(index) = plan
            .case
            .plan
            .partners
            .iter()
            .position(|partner| partner.name.as_str() == recipient)
        {
            who.insert("reference".into(), partner_urls[index].clone().into());
        }
        who.insert("display".into(), recipient.clone().into());
        provision.insert(
            "actor".into(),
            json!([{
                "role": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP" }] },
                "reference": who,
            }]),
        );
    }
    let mut resource = Map::new();
    resource.insert("resourceType".into(), "Consent".into());
    resource.insert(
        "extension".into(),
        json!([{ "url": extension_url("consent-scope"), "valueCode": scope_name }]),
    );
    resource.insert("status".into(), "active".into());
    resource.insert(
        "scope".into(),
        json!({ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy" }] }),
    );
    resource.insert(
        "category".into(),
        json!([{ "coding": [{ "system": "http://loinc.org", "code": "59284-0" }] }]),
    );
    resource.insert("patient".into(), subject.clone());
    let day = plan
        .case
        .plan
        .made_on
        .map_or_else(|| document.created_at.to_rfc3339(), |day| day.to_string());
    resource.insert("dateTime".into(), day.into());
    if let Some(organisation) = organisation {
        resource.insert("organization".into(), json!([reference(organisation)]));
    }
    resource.insert(
        "policy".into(),
        json!([{ "authority": "https://www.finlex.fi", "uri": format!("{FINLEX_SHL}#{}", section.replace([' ', '.'], "")) }]),
    );
    resource.insert("provision".into(), Value::Object(provision));
    Value::Object(resource)
}

/// The resources of a Bundle by type, with their paths for messages.
fn resources<'b>(bundle: &'b Value, kind: &str) -> Vec<(String, &'b Value)> {
    bundle
        .get("entry")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, entry)| {
            let resource = entry.get("resource")?;
            (resource.get("resourceType").and_then(Value::as_str) == Some(kind))
                .then(|| (format!("Bundle.entry[{index}].resource({kind})"), resource))
        })
        .collect()
}

fn full_url_of<'b>(bundle: &'b Value, url: &str) -> Option<&'b Value> {
    bundle
        .get("entry")?
        .as_array()?
        .iter()
        .find(|entry| entry.get("fullUrl").and_then(Value::as_str) == Some(url))?
        .get("resource")
}

fn text_at<'v>(value: &'v Value, pointer: &str) -> Option<&'v str> {
    value.pointer(pointer).and_then(Value::as_str)
}

/// The element of `resource`'s list `list` whose `key` is `wanted`: an identifier by its system, a
/// telecom by its system, an extension by its url.
fn element_where<'v>(resource: &'v Value, list: &str, key: &str, wanted: &str) -> Option<&'v Value> {
    resource
        .get(list)?
        .as_array()?
        .iter()
        .find(|element| element.get(key).and_then(Value::as_str) == Some(wanted))
}

/// A plan `Bundle` written by [`plan_bundle`] read back into the plan document.
pub fn read_plan(bundle: &Value) -> Result<Document, FhirError> {
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(FhirError::at("Bundle", "not a Bundle"));
    }
    let one = |kind: &str| {
        let found = resources(bundle, kind);
        match found.len() {
            1 => Ok(found
                .into_iter()
                .next()
                .unwrap_or_else(|| (String::new(), &Value::Null))),
            count => Err(FhirError::at(
                "Bundle.entry",
                format!("a plan has one {kind}, this has {count}"),
            )),
        }
    };
    let (plan_path, care_plan) = one("CarePlan")?;
    let (provenance_path, provenance) = one("Provenance")?;

    let key = element_where(care_plan, "identifier", "system", URN_SYSTEM)
        .and_then(|identifier| identifier.get("value").and_then(Value::as_str))
        .and_then(|value| value.strip_prefix("urn:uuid:"))
        .and_then(|value| Uuid::parse_str(value).ok())
        .ok_or_else(|| {
            FhirError::at(
                format!("{plan_path}.identifier"),
                "no key of the plan (urn:uuid:…)",
            )
        })?;
    let language = text_at(care_plan, "/language")
        .and_then(Language::parse)
        .ok_or_else(|| {
            FhirError::at(
                format!("{plan_path}.language"),
                "a language tag such as fi, sv or en",
            )
        })?;
    let created_at = text_at(provenance, "/recorded")
        .and_then(|text| chrono::DateTime::parse_from_rfc3339(text).ok())
        .map(|time| time.with_timezone(&chrono::Utc))
        .ok_or_else(|| FhirError::at(format!("{provenance_path}.recorded"), "an instant"))?;

    // The case's answers: the response the plan points at.
    let answers_url = text_at(care_plan, "/supportingInfo/0/reference").ok_or_else(|| {
        FhirError::at(
            format!("{plan_path}.supportingInfo"),
            "the plan points at no response",
        )
    })?;
    let response = full_url_of(bundle, answers_url).ok_or_else(|| {
        FhirError::at(
            format!("{plan_path}.supportingInfo[0]"),
            format!("no entry {answers_url}"),
        )
    })?;
    let form = text_at(response, "/questionnaire").unwrap_or_default();
    let (form_url, schema_version) = form.split_once('|').unwrap_or((form, ""));
    if form_url != canonical(CASE_FORM) {
        return Err(FhirError::at(
            "QuestionnaireResponse.questionnaire",
            format!("not the case form: `{form}`"),
        ));
    }
    let schema_version: u32 = schema_version.parse().map_err(|_| {
        FhirError::at(
            "QuestionnaireResponse.questionnaire",
            "no schema version after `|`",
        )
    })?;
    let items = response
        .get("item")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let case_json = answers::read(&items, &json_of(&Case::default()), "", "QuestionnaireResponse")?;
    let case: Case = typed(case_json, "QuestionnaireResponse(case)")?;

    // Findings, rules and catalogue from the Provenance; sharing from the CarePlan.
    let mut findings = Vec::new();
    let mut rules = None;
    let mut catalogue = None;
    for (index, extension) in provenance
        .get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let here = format!("{provenance_path}.extension[{index}]");
        let url = extension.get("url").and_then(Value::as_str).unwrap_or_default();
        let object = || object_of_extension(extension, &here);
        if url == extension_url("finding") {
            findings.push(typed(object()?, &here)?);
        } else if url == extension_url("rules") {
            rules = Some(typed(object()?, &here)?);
        } else if url == extension_url("catalogue") {
            catalogue = Some(typed(object()?, &here)?);
        }
    }
    let rules = rules.ok_or_else(|| {
        FhirError::at(
            format!("{provenance_path}.extension"),
            "which rules judged the plan",
        )
    })?;
    let catalogue = catalogue
        .ok_or_else(|| FhirError::at(format!("{provenance_path}.extension"), "which catalogue it used"))?;
    let mut sharing = Vec::new();
    let mut groups = Vec::new();
    let mut gaps = json!({ "goals": [], "needs": [] });
    for (index, extension) in care_plan
        .get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let here = format!("{plan_path}.extension[{index}]");
        let url = extension.get("url").and_then(Value::as_str).unwrap_or_default();
        if url == extension_url("joint-plan-sharing") {
            sharing.push(typed(object_of_extension(extension, &here)?, &here)?);
        } else if url == extension_url("target-group") {
            groups.push(typed(
                extension.get("valueCode").cloned().unwrap_or_default(),
                &here,
            )?);
        } else if url == extension_url("service-gap") {
            let part = object_of_extension(extension, &here)?;
            for (name, list) in [("goal", "goals"), ("need", "needs")] {
                if let (Some(code), Some(Value::Array(codes))) = (part.get(name), gaps.get_mut(list)) {
                    codes.push(code.clone());
                }
            }
        }
    }
    let gaps = typed(gaps, &format!("{plan_path}.extension(service-gap)"))?;

    let mut consents = Vec::new();
    for (path, consent) in resources(bundle, "Consent") {
        let scope = element_where(consent, "extension", "url", &extension_url("consent-scope"))
            .and_then(|extension| extension.get("valueCode").cloned())
            .ok_or_else(|| FhirError::at(format!("{path}.extension"), "what the consent is about"))?;
        let given = match text_at(consent, "/provision/type") {
            Some("permit") => true,
            Some("deny") => false,
            _ => return Err(FhirError::at(format!("{path}.provision.type"), "permit or deny")),
        };
        let mut record = Map::new();
        record.insert("scope".into(), scope);
        if let Some(recipient) = text_at(consent, "/provision/actor/0/reference/display") {
            record.insert("recipient".into(), recipient.into());
        }
        record.insert("given".into(), given.into());
        consents.push(typed(Value::Object(record), &path)?);
    }

    // The organisation and the worker, when the host gave them.
    let context = match text_at(provenance, "/agent/0/onBehalfOf/reference") {
        None => None,
        Some(url) => {
            let organisation = full_url_of(bundle, url).ok_or_else(|| {
                FhirError::at(
                    format!("{provenance_path}.agent[0].onBehalfOf"),
                    format!("no entry {url}"),
                )
            })?;
            let worker = text_at(provenance, "/agent/0/who/reference")
                .and_then(|url| full_url_of(bundle, url))
                .ok_or_else(|| FhirError::at(format!("{provenance_path}.agent[0].who"), "no Practitioner"))?;
            let telecom = |system: &str| {
                element_where(worker, "telecom", "system", system)
                    .and_then(|point| point.get("value").cloned())
            };
            let mut contact = Map::new();
            contact.insert(
                "name".into(),
                text_at(worker, "/name/0/text").unwrap_or_default().into(),
            );
            for (field, value) in [
                ("role", worker.pointer("/qualification/0/code/text").cloned()),
                ("phone", telecom("phone")),
                ("email", telecom("email")),
            ] {
                if let Some(value) = value {
                    contact.insert(field.into(), value);
                }
            }
            let reference = element_where(
                care_plan,
                "identifier",
                "system",
                &urn("identifier", "case-reference"),
            )
            .and_then(|identifier| identifier.get("value").cloned())
            .unwrap_or_else(|| "".into());
            let mut object = Map::new();
            object.insert(
                "organisation".into(),
                text_at(organisation, "/name").unwrap_or_default().into(),
            );
            object.insert("case_reference".into(), reference);
            object.insert("worker".into(), Value::Object(contact));
            if let Some(name) = text_at(care_plan, "/subject/display") {
                object.insert("client_name".into(), name.into());
            }
            Some(typed::<CaseContext>(Value::Object(object), "context")?)
        }
    };

    Ok(Document {
        schema_version,
        idempotency_key: key,
        created_at,
        lang: language,
        body: DocumentBody::ClientPlan(Box::new(ClientPlan {
            case,
            findings,
            rules,
            catalogue,
            consents,
            sharing,
            context,
            groups,
            gaps,
        })),
    })
}
