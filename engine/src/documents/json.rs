//! Reading the JSON of a document or draft so that it can mean only one thing.
//!
//! `serde_json::Value` keeps the last of two equal keys in an object, so `{"kind": "feedback", "kind":
//! "client_plan"}` would be read as a plan by this engine and perhaps as feedback by another reader. The
//! reader here builds the same `Value` in one pass of serde_json's own parser, but through a visitor that
//! refuses what such a value would hide:
//!
//! - a key written twice in one object (anywhere in the document);
//! - the NUL character (`\u0000`) in any text or key, which C-string code (logs, databases, case systems)
//!   cuts the text at.
//!
//! It adds no dependency: a crate for strict JSON would weigh on the browser bundle for two checks that
//! serde's visitor makes in a few lines. serde_json's depth limit (128) still applies.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Why bytes were not read as one unambiguous JSON value.
#[derive(Debug)]
pub enum StrictError {
    /// Not JSON at all (serde_json's error, with its line and column).
    Syntax(serde_json::Error),
    /// JSON, but ambiguous: `path` (dotted, `[i]` for list items) names the key or text concerned.
    Ambiguous {
        /// Where: e.g. `answers.what_would_help`, `kind`.
        path: String,
        /// What is wrong there.
        message: String,
    },
}

/// Reads `bytes` as one JSON value, refusing a key written twice in an object and NUL in any text.
pub fn parse(bytes: &[u8]) -> Result<Value, StrictError> {
    let mut path = Vec::new();
    let mut problem = None;
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let read = CheckedValue {
        path: &mut path,
        problem: &mut problem,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    match (read, problem) {
        (_, Some((path, message))) => Err(StrictError::Ambiguous { path, message }),
        (Ok(value), None) => Ok(value),
        (Err(error), None) => Err(StrictError::Syntax(error)),
    }
}

/// One step of the path to a value.
enum Segment {
    Key(String),
    Index(usize),
}

/// The path as `serde_path_to_error` writes it (`answers.findings[0].rule_id`), so both name fields alike.
fn render(path: &[Segment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// A seed that reads any JSON value below `path`, recording the first problem in `problem`.
struct CheckedValue<'a> {
    path: &'a mut Vec<Segment>,
    problem: &'a mut Option<(String, String)>,
}

impl CheckedValue<'_> {
    fn refuse<E: de::Error>(self, path: String, message: String) -> E {
        let error = E::custom(&message);
        *self.problem = Some((path, message));
        error
    }

    fn text<E: de::Error>(self, text: String) -> Result<Value, E> {
        if text.contains('\0') {
            let path = render(self.path);
            return Err(self.refuse(path, NUL_MESSAGE.to_owned()));
        }
        Ok(Value::String(text))
    }
}

const NUL_MESSAGE: &str = "text must not contain the NUL character (`\\u0000`)";

impl<'de> DeserializeSeed<'de> for CheckedValue<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CheckedValue<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        self.text(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        self.text(value)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        loop {
            self.path.push(Segment::Index(list.len()));
            let item = items.next_element_seed(CheckedValue {
                path: &mut *self.path,
                problem: &mut *self.problem,
            });
            self.path.pop();
            match item? {
                Some(item) => list.push(item),
                None => return Ok(Value::Array(list)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            if key.contains('\0') {
                let path = render(self.path);
                let message = "a key must not contain the NUL character (`\\u0000`)".to_owned();
                return Err(self.refuse(path, message));
            }
            self.path.push(Segment::Key(key));
            if object.contains_key(key_of(self.path)) {
                let path = render(self.path);
                let message = "written twice in the same object; say each thing once".to_owned();
                return Err(self.refuse(path, message));
            }
            let value = entries.next_value_seed(CheckedValue {
                path: &mut *self.path,
                problem: &mut *self.problem,
            });
            let Some(Segment::Key(key)) = self.path.pop() else {
                return Err(de::Error::custom("the path lost its key"));
            };
            object.insert(key, value?);
        }
        Ok(Value::Object(object))
    }
}

/// The key at the end of `path` (pushed just before).
fn key_of(path: &[Segment]) -> &str {
    match path.last() {
        Some(Segment::Key(key)) => key,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ambiguous(json: &str) -> (String, String) {
        match parse(json.as_bytes()) {
            Err(StrictError::Ambiguous { path, message }) => (path, message),
            other => panic!("not refused as ambiguous: {other:?}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for json in [
            r#"{"a": [1, -2, 3.5, true, null, "x", {"b": {}}], "c": "ä💬\n"}"#,
            "[]",
            "\"text\"",
            "1e400",
        ] {
            let strict = parse(json.as_bytes()).ok();
            let plain: Option<Value> = serde_json::from_str(json).ok();
            assert_eq!(strict, plain, "{json}");
        }
    }

    #[test]
    fn a_key_twice_is_refused_where_it_is() {
        assert_eq!(
            ambiguous(r#"{"kind": "feedback", "lang": "fi", "kind": "client_plan"}"#),
            (
                "kind".to_owned(),
                "written twice in the same object; say each thing once".to_owned()
            )
        );
        assert_eq!(
            ambiguous(r#"{"answers": {"list": [{"a": 1}, {"a": 1, "a": 2}]}}"#).0,
            "answers.list[1].a"
        );
        // The same key in two objects is not a repeat.
        assert!(parse(br#"{"a": {"a": 1}, "b": {"a": 1}}"#).is_ok());
    }

    #[test]
    fn nul_in_text_or_key_is_refused() {
        assert_eq!(
            ambiguous(r#"{"answers": {"what_would_help": "a\u0000b"}}"#),
            (
                "answers.what_would_help".to_owned(),
                "text must not contain the NUL character (`\\u0000`)".to_owned()
            )
        );
        assert_eq!(ambiguous(r#"{"x": ["ok", "\u0000"]}"#).0, "x[1]");
        assert_eq!(ambiguous(r#"{"x": {"a\u0000": 1}}"#).0, "x");
        assert!(parse(br#"{"x": "\\u0000 written out is fine"}"#).is_ok());
    }

    #[test]
    fn syntax_errors_stay_syntax_errors() {
        assert!(matches!(parse(b"{\"a\": }"), Err(StrictError::Syntax(_))));
        assert!(matches!(parse(b"{} {}"), Err(StrictError::Syntax(_))));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(parse(deep.as_bytes()), Err(StrictError::Syntax(_))));
    }
}
