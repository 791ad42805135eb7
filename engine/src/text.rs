//! The basic types every layer of the engine shares: the languages of the app, text a person typed and
//! short texts written in each language. This module depends on no other module of the engine, so the
//! law, the catalogue, the forms and the documents can all use it without depending on each other.

use serde::{Deserialize, Serialize};

/// The most characters a free-text answer may hold.
pub const MAX_FREE_TEXT_CHARS: usize = 2000;

/// The language a person used the app in (and so the language of their free-text answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Finnish (suomi).
    Fi,
    /// Swedish (svenska).
    Sv,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order a language switch shows them.
    pub const ALL: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    /// The BCP 47 tag, as used in `lang` attributes and in documents.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    /// The language for a BCP 47 tag such as `sv` or `sv-FI`, if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
    }
}

/// The most characters of an [`Id`].
pub const MAX_ID_CHARS: usize = 64;

/// A stable name from the county's data kept in documents (a target group, a need): lowercase letters,
/// digits and hyphens, 1 to [`MAX_ID_CHARS`] characters, never free text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[a-z0-9-]{1,64}$")))]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl Id {
    /// The id, if `text` is one.
    pub fn new(text: &str) -> Option<Id> {
        (!text.is_empty()
            && text.len() <= MAX_ID_CHARS
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        .then(|| Id(text.to_owned()))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Id::new(&text).ok_or_else(|| {
            format!("must be 1 to {MAX_ID_CHARS} lowercase letters, digits and hyphens, got `{text}`")
        })
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

/// Text a person typed, kept verbatim, at most [`MAX_FREE_TEXT_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("maxLength" = 2000)))]
#[serde(try_from = "String", into = "String")]
pub struct FreeText(String);

impl FreeText {
    /// The text, if it is short enough.
    pub fn new(text: impl Into<String>) -> Option<FreeText> {
        let text = text.into();
        (text.chars().count() <= MAX_FREE_TEXT_CHARS).then_some(FreeText(text))
    }

    /// The text as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether nothing at all was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TryFrom<String> for FreeText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let length = text.chars().count();
        FreeText::new(text)
            .ok_or_else(|| format!("must be at most {MAX_FREE_TEXT_CHARS} characters, got {length}"))
    }
}

impl From<FreeText> for String {
    fn from(text: FreeText) -> String {
        text.0
    }
}

impl From<&str> for FreeText {
    /// Text cut to [`MAX_FREE_TEXT_CHARS`] characters; for literals in examples and tests.
    fn from(text: &str) -> FreeText {
        FreeText(text.chars().take(MAX_FREE_TEXT_CHARS).collect())
    }
}

/// A short text in each language of the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
    /// Plain-language Finnish (selkosuomi), if written; standard Finnish is shown otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selko: Option<String>,
}

/// A text as the baked data writes it (`crate::bake`): one call where the code would otherwise copy the
/// string at every place it builds one.
#[doc(hidden)]
#[inline(never)]
pub fn baked(text: &str) -> String {
    text.to_owned()
}

impl Texts {
    /// Texts as the baked data writes them (`crate::bake`), in one call.
    #[doc(hidden)]
    #[inline(never)]
    pub fn baked(fi: &str, sv: &str, en: &str, selko: Option<&str>) -> Texts {
        Texts {
            fi: fi.to_owned(),
            sv: sv.to_owned(),
            en: en.to_owned(),
            selko: selko.map(str::to_owned),
        }
    }

    /// The languages whose text is given but blank (`fi`, `sv`, `en`, `selko`, in that order), for the
    /// checks of the files that hold texts.
    pub fn empty_languages(&self) -> Vec<&'static str> {
        [
            ("fi", Some(&self.fi)),
            ("sv", Some(&self.sv)),
            ("en", Some(&self.en)),
            ("selko", self.selko.as_ref()),
        ]
        .into_iter()
        .filter(|(_, text)| text.is_some_and(|text| text.trim().is_empty()))
        .map(|(language, _)| language)
        .collect()
    }

    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Fi => &self.fi,
            Language::Sv => &self.sv,
            Language::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_counts_characters_not_bytes() {
        assert!(FreeText::new("ä".repeat(MAX_FREE_TEXT_CHARS)).is_some());
        assert!(FreeText::new("ä".repeat(MAX_FREE_TEXT_CHARS + 1)).is_none());
    }

    #[test]
    fn language_tags() {
        assert_eq!(Language::from_tag("sv-FI"), Some(Language::Sv));
        assert_eq!(Language::from_tag("EN"), Some(Language::En));
        assert_eq!(Language::from_tag("de"), None);
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
    }
}
