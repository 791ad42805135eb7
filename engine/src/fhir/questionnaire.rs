//! The self-assessment as a FHIR `Questionnaire` (from `rules/questionnaires/`, in all its languages),
//! its answers as a `QuestionnaireResponse`, and the citizen's other documents as responses to the
//! product's own forms.
//!
//! A question is an item named by its id; a `choice` or `multi` question's options are codings of a
//! code system of its own (`urn:tyokyky:fhir:codesystem:<questionnaire>:<question>`); `show_if` becomes
//! `enableWhen` (a `multi` option `q.option` is the question `q` answered with that option). The rules'
//! mapping of answers to facts (`sets`, `[[derive]]`) is the product's reading of the answers, not part
//! of the form, and is left out. Texts are Finnish with each translation the deployment offers (its
//! languages' `texts.ftl`, and what a catalogue writes inline) as FHIR translations.

use serde_json::{Map, Value, json};

use super::{FhirError, URN_SYSTEM, answers, language_code, translated, urn};
use crate::documents::contact::{ContactRequest, SharedAnswers};
use crate::documents::envelope::Document;
use crate::forms::questionnaire::{Answer, AnswerType, Question, Questionnaire, SCORE_MAX};
use crate::law::rule::{Condition, Scalar};
use crate::text::Texts;
use crate::text::translations::Translations;

const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const ITEM_CONTROL_CODES: &str = "http://hl7.org/fhir/questionnaire-item-control";
const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";

/// The canonical URL of a questionnaire with this id.
pub fn canonical(id: &str) -> String {
    urn("questionnaire", id)
}

/// The code system of a question's options.
pub fn option_system(questionnaire: &str, question: &str) -> String {
    urn("codesystem", &format!("{questionnaire}:{question}"))
}

/// The questionnaire as a FHIR `Questionnaire`. Fails, naming the question, when a `show_if` is more
/// than `enableWhen` can say (a `not` over more than one comparison, or `all` inside `any`). Its texts
/// carry their `translations`.
pub fn questionnaire(questionnaire: &Questionnaire, translations: &Translations) -> Result<Value, FhirError> {
    let file = questionnaire.file();
    let mut items = Vec::new();
    for (index, question) in file.question.iter().enumerate() {
        items.push(question_item(&file.id, question, index, translations)?);
    }
    let mut resource = Map::new();
    resource.insert("resourceType".into(), "Questionnaire".into());
    resource.insert("id".into(), file.id.clone().into());
    resource.insert("language".into(), "fi".into());
    resource.insert("url".into(), canonical(&file.id).into());
    resource.insert("version".into(), file.version.clone().into());
    resource.insert("name".into(), computable_name(&file.id).into());
    translated(&mut resource, "title", &file.title, translations);
    resource.insert("status".into(), "active".into());
    resource.insert("subjectType".into(), json!(["Patient"]));
    translated(&mut resource, "description", &file.intro, translations);
    resource.insert("item".into(), Value::Array(items));
    Ok(Value::Object(resource))
}

/// `self-assessment` → `SelfAssessment`.
fn computable_name(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn question_item(
    questionnaire: &str,
    question: &Question,
    index: usize,
    translations: &Translations,
) -> Result<Value, FhirError> {
    let path = format!("Questionnaire.item[{index}]");
    let mut item = Map::new();
    item.insert("linkId".into(), question.id.clone().into());
    translated(&mut item, "text", &question.text, translations);
    let kind = match question.answer_type {
        AnswerType::YesNo => "boolean",
        AnswerType::Score => "integer",
        AnswerType::Choice | AnswerType::Multi => "choice",
        AnswerType::Text => "text",
    };
    item.insert("type".into(), kind.into());
    if let Some(condition) = &question.show_if {
        let (conditions, behaviour) = enable_when(questionnaire, condition)
            .map_err(|message| FhirError::at(format!("{path}(`{}`).enableWhen", question.id), message))?;
        if conditions.len() > 1 {
            item.insert("enableBehavior".into(), behaviour.into());
        }
        item.insert("enableWhen".into(), Value::Array(conditions));
    }
    if question.required {
        item.insert("required".into(), true.into());
    }
    if question.answer_type == AnswerType::Multi {
        item.insert("repeats".into(), true.into());
    }
    if question.answer_type == AnswerType::Text {
        item.insert("maxLength".into(), crate::text::MAX_FREE_TEXT_CHARS.into());
    }
    if question.answer_type == AnswerType::Score {
        item.insert(
            "extension".into(),
            json!([
                { "url": MIN_VALUE, "valueInteger": 0 },
                { "url": MAX_VALUE, "valueInteger": SCORE_MAX },
            ]),
        );
    }
    if !question.options.is_empty() {
        let system = option_system(questionnaire, &question.id);
        let options: Vec<Value> = question
            .options
            .iter()
            .map(|option| {
                let mut coding = Map::new();
                coding.insert("system".into(), system.clone().into());
                coding.insert("code".into(), option.value.clone().into());
                translated(&mut coding, "display", &option.text, translations);
                json!({ "valueCoding": coding })
            })
            .collect();
        item.insert("answerOption".into(), Value::Array(options));
    }
    // The hint, why it is asked, and a score's two ends, as display items under the question.
    let mut shown = Vec::new();
    for (suffix, texts, control) in [
        ("help", &question.help, "help"),
        ("why", &question.why, "flyover"),
        ("low", &question.low, "lower"),
        ("high", &question.high, "upper"),
    ] {
        if let Some(texts) = texts {
            shown.push(display_item(
                &format!("{}.{suffix}", question.id),
                texts,
                control,
                translations,
            ));
        }
    }
    if !shown.is_empty() {
        item.insert("item".into(), Value::Array(shown));
    }
    Ok(Value::Object(item))
}

fn display_item(link: &str, texts: &Texts, control: &str, translations: &Translations) -> Value {
    let mut item = Map::new();
    item.insert("linkId".into(), link.into());
    translated(&mut item, "text", texts, translations);
    item.insert("type".into(), "display".into());
    item.insert(
        "extension".into(),
        json!([{
            "url": ITEM_CONTROL,
            "valueCodeableConcept": { "coding": [{ "system": ITEM_CONTROL_CODES, "code": control }] },
        }]),
    );
    Value::Object(item)
}

/// A `show_if` as `enableWhen` conditions and how they combine (`all` or `any`).
fn enable_when(questionnaire: &str, condition: &Condition) -> Result<(Vec<Value>, &'static str), String> {
    if let Some(parts) = &condition.all {
        return Ok((leaves(questionnaire, parts)?, "all"));
    }
    if let Some(parts) = &condition.any {
        return Ok((leaves(questionnaire, parts)?, "any"));
    }
    if let Some(values) = &condition.one_of {
        // `in` is one `=` per value, any of them.
        let question = condition.fact.as_deref().unwrap_or_default();
        let system = option_system(questionnaire, question);
        let conditions = values
            .iter()
            .map(|value| {
                json!({ "question": question, "operator": "=", "answerCoding": { "system": system, "code": value } })
            })
            .collect();
        return Ok((conditions, "any"));
    }
    Ok((vec![leaf(questionnaire, condition)?], "all"))
}

fn leaves(questionnaire: &str, parts: &[Condition]) -> Result<Vec<Value>, String> {
    parts.iter().map(|part| leaf(questionnaire, part)).collect()
}

/// One comparison as one `enableWhen`.
fn leaf(questionnaire: &str, condition: &Condition) -> Result<Value, String> {
    let too_much =
        || "only comparisons, joined by one `all` or one `any`, can be written as enableWhen".to_owned();
    if let Some(inner) = &condition.not {
        // `not` of a yes/no comparison is its opposite.
        let Some(is) = inner.is else {
            return Err(too_much());
        };
        let flipped = Condition {
            is: Some(!is),
            ..(**inner).clone()
        };
        return leaf(questionnaire, &flipped);
    }
    let Some(name) = condition.fact.as_deref() else {
        return Err(too_much());
    };
    // A multi's option, `q.option`, is the question `q` answered with that option.
    if let Some((question, option)) = name.split_once('.') {
        let is = condition.is.ok_or_else(too_much)?;
        return Ok(json!({
            "question": question,
            "operator": if is { "=" } else { "!=" },
            "answerCoding": { "system": option_system(questionnaire, question), "code": option },
        }));
    }
    let compare = |operator: &str, answer: Value| {
        let mut object = Map::new();
        object.insert("question".into(), name.into());
        object.insert("operator".into(), operator.into());
        if let Value::Object(answer) = answer {
            object.extend(answer);
        }
        Some(Value::Object(object))
    };
    let coded = |value: &Scalar| match value {
        Scalar::Bool(flag) => json!({ "answerBoolean": flag }),
        Scalar::Int(number) => json!({ "answerInteger": number }),
        Scalar::Text(code) => {
            json!({ "answerCoding": { "system": option_system(questionnaire, name), "code": code } })
        }
    };
    let found = if let Some(is) = condition.is {
        compare("=", json!({ "answerBoolean": is }))
    } else if let Some(value) = &condition.eq {
        compare("=", coded(value))
    } else if let Some(value) = &condition.ne {
        compare("!=", coded(value))
    } else if let Some(number) = condition.gt {
        compare(">", json!({ "answerInteger": number }))
    } else if let Some(number) = condition.ge {
        compare(">=", json!({ "answerInteger": number }))
    } else if let Some(number) = condition.lt {
        compare("<", json!({ "answerInteger": number }))
    } else if let Some(number) = condition.le {
        compare("<=", json!({ "answerInteger": number }))
    } else if let Some(present) = condition.present {
        compare("exists", json!({ "answerBoolean": present }))
    } else {
        None
    };
    found.ok_or_else(too_much)
}

/// The answers of a questionnaire as a `QuestionnaireResponse` (in question order; a skipped question
/// has no item). With the questionnaire, a choice is a coding of its option with its Finnish text;
/// without it (another version than the one at hand), a choice is its value as text.
pub fn answers_response(
    document: &Document,
    shared: &SharedAnswers,
    questionnaire: Option<&Questionnaire>,
) -> Value {
    let questionnaire = questionnaire
        .filter(|known| known.file().id == shared.questionnaire && known.file().version == shared.version);
    let mut items = Vec::new();
    let order: Vec<&str> = match questionnaire {
        Some(known) => known
            .questions()
            .iter()
            .map(|question| question.id.as_str())
            .collect(),
        None => shared.answers.keys().map(String::as_str).collect(),
    };
    for id in order {
        let Some(answer) = shared.answers.get(id) else {
            continue;
        };
        let question = questionnaire.and_then(|known| known.question(id));
        let coding = |value: &str| {
            let mut coding = Map::new();
            coding.insert("system".into(), option_system(&shared.questionnaire, id).into());
            coding.insert("code".into(), value.into());
            if let Some(option) = question.and_then(|question| question.option(value)) {
                coding.insert("display".into(), option.text.fi.clone().into());
            }
            json!({ "valueCoding": coding })
        };
        let choice = question.is_some_and(|question| question.answer_type == AnswerType::Choice);
        let values: Vec<Value> = match answer {
            Answer::Bool(flag) => vec![json!({ "valueBoolean": flag })],
            Answer::Number(number) => vec![json!({ "valueInteger": number })],
            Answer::Text(value) if choice => vec![coding(value)],
            Answer::Text(text) if text.is_empty() => Vec::new(),
            Answer::Text(text) => vec![json!({ "valueString": text })],
            Answer::Options(values) if question.is_some() => {
                values.iter().map(|value| coding(value)).collect()
            }
            Answer::Options(values) => values
                .iter()
                .map(|value| json!({ "valueString": value }))
                .collect(),
        };
        if values.is_empty() {
            continue;
        }
        let mut item = Map::new();
        item.insert("linkId".into(), id.into());
        if let Some(question) = question {
            item.insert("text".into(), question.text.fi.clone().into());
        }
        item.insert("answer".into(), Value::Array(values));
        items.push(Value::Object(item));
    }
    let mut resource = response_head(
        document,
        &format!("{}|{}", canonical(&shared.questionnaire), shared.version),
    );
    if !items.is_empty() {
        resource.insert("item".into(), Value::Array(items));
    }
    Value::Object(resource)
}

/// What every response of a document begins with: its identity (the document's key), the form it
/// answers, completed, when, and in which language.
fn response_head(document: &Document, questionnaire: &str) -> Map<String, Value> {
    let mut resource = Map::new();
    resource.insert("resourceType".into(), "QuestionnaireResponse".into());
    resource.insert("language".into(), language_code(document.lang).into());
    resource.insert(
        "identifier".into(),
        json!({ "system": URN_SYSTEM, "value": format!("urn:uuid:{}", document.idempotency_key) }),
    );
    resource.insert("questionnaire".into(), questionnaire.into());
    resource.insert("status".into(), "completed".into());
    resource.insert("authored".into(), document.created_at.to_rfc3339().into());
    resource
}

/// A document of one of the product's own forms (`form`: `work-ability-check`, `feedback`,
/// `contact-request`) as a response to that form, its fields as items ([`answers::items`]).
pub fn form_response(document: &Document, form: &str, answers: &Value) -> Value {
    let mut resource = response_head(
        document,
        &format!("{}|{}", canonical(form), document.schema_version),
    );
    let items = answers::items(answers, "");
    if !items.is_empty() {
        resource.insert("item".into(), Value::Array(items));
    }
    Value::Object(resource)
}

/// A contact request as a `Bundle` (`collection`): the request as a response to the contact form and,
/// when the person shared them, the self-assessment's answers as a response to it; the request's item
/// `shared_answers` points at the second.
pub fn contact_request(
    document: &Document,
    request: &ContactRequest,
    questionnaire: Option<&Questionnaire>,
) -> Value {
    let mut fields = serde_json::to_value(request).unwrap_or_default();
    let shared = request.shared_answers.as_ref();
    if let Value::Object(map) = &mut fields {
        map.remove("shared_answers");
    }
    let answers_url = format!("urn:uuid:{}", uuid_for(document, "shared-answers"));
    let mut contact = form_response(document, "contact-request", &fields);
    if shared.is_some()
        && let Value::Object(resource) = &mut contact
    {
        let reference = json!({ "linkId": "shared_answers", "answer": [{ "valueReference": { "reference": answers_url } }] });
        match resource.get_mut("item") {
            Some(Value::Array(items)) => items.push(reference),
            _ => {
                resource.insert("item".into(), json!([reference]));
            }
        }
    }
    let mut entries = vec![json!({
        "fullUrl": format!("urn:uuid:{}", document.idempotency_key),
        "resource": contact,
    })];
    if let Some(shared) = shared {
        entries.push(
            json!({ "fullUrl": answers_url, "resource": answers_response(document, shared, questionnaire) }),
        );
    }
    json!({
        "resourceType": "Bundle",
        "identifier": { "system": URN_SYSTEM, "value": format!("urn:uuid:{}", document.idempotency_key) },
        "type": "collection",
        "timestamp": document.created_at.to_rfc3339(),
        "entry": entries,
    })
}

/// A stable UUID for one part of a document (a name-based UUID of the part's name under the document's
/// key), so the same document always gives the same Bundle.
pub(crate) fn uuid_for(document: &Document, part: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(&document.idempotency_key, part.as_bytes())
}
