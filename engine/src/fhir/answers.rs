//! A document's answers (its JSON) as the items of a `QuestionnaireResponse`, and back. Each field is an
//! item named by its path (`assessment.summary`); an object is a group, a list of objects a group
//! repeated, a list of values one item with several answers. Values are written as FHIR types: a
//! yes/no as `valueBoolean`, a number as `valueInteger`, a day as `valueDate`, text and choices as
//! `valueString`. An empty value (absent, blank text, an empty list) has no item, as FHIR wants.
//!
//! Reading back needs the shape of what is read (`template`, e.g. an empty case as JSON): it tells a
//! list of one from a single value.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::FhirError;

/// The items for `value`'s fields, their linkIds starting with `prefix` (empty at the top).
pub fn items(value: &Value, prefix: &str) -> Vec<Value> {
    let Value::Object(fields) = value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, field) in fields {
        let link = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match field {
            Value::Object(_) => {
                let children = items(field, &link);
                if !children.is_empty() {
                    out.push(json!({ "linkId": link, "item": children }));
                }
            }
            Value::Array(list) if list.iter().all(Value::is_object) => {
                for element in list {
                    // An element with nothing in it is an item with its linkId alone (FHIR has no empty list).
                    let children = items(element, &link);
                    if children.is_empty() {
                        out.push(json!({ "linkId": link }));
                    } else {
                        out.push(json!({ "linkId": link, "item": children }));
                    }
                }
            }
            Value::Array(list) => {
                let answers: Vec<Value> = list.iter().filter_map(fhir_value).collect();
                if !answers.is_empty() {
                    out.push(json!({ "linkId": link, "answer": answers }));
                }
            }
            scalar => {
                if let Some(answer) = fhir_value(scalar) {
                    out.push(json!({ "linkId": link, "answer": [answer] }));
                }
            }
        }
    }
    out
}

/// One value as an answer (or an extension's value), or `None` for an empty one.
pub(crate) fn fhir_value(value: &Value) -> Option<Value> {
    match value {
        Value::Bool(flag) => Some(json!({ "valueBoolean": flag })),
        Value::Number(number) => match number.as_i64() {
            Some(whole) => Some(json!({ "valueInteger": whole })),
            None => Some(json!({ "valueDecimal": number })),
        },
        Value::String(text) if text.is_empty() => None,
        Value::String(text) if is_day(text) => Some(json!({ "valueDate": text })),
        Value::String(text) => Some(json!({ "valueString": text })),
        _ => None,
    }
}

fn is_day(text: &str) -> bool {
    text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// The JSON that `items` (of a response at `path`, for messages) describe, shaped as `template`: a field
/// that is a list in the template is a list however many items name it. Fields not in the template are
/// kept as they come (the reader of the result refuses them if it does not know them).
pub fn read(items: &[Value], template: &Value, prefix: &str, path: &str) -> Result<Value, FhirError> {
    let mut out = Map::new();
    for (index, item) in items.iter().enumerate() {
        let here = format!("{path}.item[{index}]");
        let link = item
            .get("linkId")
            .and_then(Value::as_str)
            .ok_or_else(|| FhirError::at(&here, "an item has no linkId"))?;
        let key = if prefix.is_empty() {
            link
        } else {
            link.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('.'))
                .ok_or_else(|| FhirError::at(&here, format!("`{link}` is not a field of `{prefix}`")))?
        };
        if key.is_empty() || key.contains('.') {
            return Err(FhirError::at(
                &here,
                format!("`{link}` names no field of `{prefix}`"),
            ));
        }
        let shape = template.get(key);
        // A group has items, or neither items nor answers (an element of a list with nothing in it).
        let group = item.get("item").is_some() || item.get("answer").is_none();
        let value = if group {
            let children = item
                .get("item")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let element_shape = match shape {
                Some(Value::Array(list)) => list.first().cloned().unwrap_or(Value::Null),
                Some(other) => other.clone(),
                None => Value::Null,
            };
            read(children, &element_shape, link, &here)?
        } else {
            let answers = item
                .get("answer")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let values = answers
                .iter()
                .enumerate()
                .map(|(at, answer)| value_of(answer, &format!("{here}.answer[{at}]")))
                .collect::<Result<Vec<_>, _>>()?;
            match (shape, values.len()) {
                (Some(Value::Array(_)), _) => Value::Array(values),
                (_, 1) => values.into_iter().next().unwrap_or(Value::Null),
                (_, 0) => continue,
                _ => return Err(FhirError::at(&here, format!("`{link}` takes one answer"))),
            }
        };
        let list_field = matches!(shape, Some(Value::Array(_)));
        match out.get_mut(key) {
            Some(Value::Array(list)) if list_field && group => list.push(value),
            Some(_) => return Err(FhirError::at(&here, format!("`{link}` is given twice"))),
            None if list_field && group => {
                out.insert(key.to_owned(), Value::Array(vec![value]));
            }
            None => {
                out.insert(key.to_owned(), value);
            }
        }
    }
    Ok(Value::Object(out))
}

/// The value of an answer (or of an extension): its one `value[x]`, a coding by its code.
pub(crate) fn value_of(answer: &Value, path: &str) -> Result<Value, FhirError> {
    let Value::Object(fields) = answer else {
        return Err(FhirError::at(path, "an answer is an object"));
    };
    let mut values = fields.iter().filter(|(name, _)| name.starts_with("value"));
    let (Some((name, value)), None) = (values.next(), values.next()) else {
        return Err(FhirError::at(path, "an answer has exactly one value[x]"));
    };
    match name.as_str() {
        "valueBoolean" | "valueInteger" | "valueDecimal" | "valueString" | "valueDate" | "valueCode" => {
            Ok(value.clone())
        }
        "valueCoding" => value
            .get("code")
            .cloned()
            .ok_or_else(|| FhirError::at(format!("{path}.valueCoding"), "a coding without a code")),
        other => Err(FhirError::at(path, format!("`{other}` is not read here"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_lists_and_groups_go_and_come_back() {
        let template = json!({ "a": { "b": null, "days": [] }, "people": [], "flag": null, "n": null });
        let value = json!({
            "a": { "b": "text", "days": ["2026-01-02"] },
            "people": [{ "name": "Partner A" }],
            "flag": false,
            "n": 7,
        });
        let written = items(&value, "");
        assert_eq!(written[0]["item"][1]["answer"][0]["valueDate"], "2026-01-02");
        assert!(
            written
                .iter()
                .any(|item| item["linkId"] == "people" && item["item"][0]["linkId"] == "people.name")
        );
        let back = read(&written, &template, "", "QuestionnaireResponse").unwrap_or_default();
        assert_eq!(back, value);
    }

    #[test]
    fn empty_values_have_no_item() {
        assert!(items(&json!({ "a": "", "b": null, "c": [], "d": {} }), "").is_empty());
    }

    #[test]
    fn an_item_of_another_field_is_named() {
        let written = vec![json!({ "linkId": "x.y", "answer": [{ "valueString": "t" }] })];
        let error = read(&written, &json!({}), "z", "QR")
            .err()
            .unwrap_or_else(|| FhirError::at("", ""));
        assert_eq!(error.path, "QR.item[0]");
        assert!(error.message.contains("`x.y` is not a field of `z`"), "{error}");
    }
}
