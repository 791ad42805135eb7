//! The basic types every layer of the engine shares: the languages of the app, text a person typed and
//! short texts written in each language. This module depends on no other module of the engine, so the
//! law, the catalogue, the forms and the documents can all use it without depending on each other.

pub mod languages;
pub mod translations;

use serde::{Deserialize, Serialize};

/// The most characters a free-text answer may hold.
pub const MAX_FREE_TEXT_CHARS: usize = 2000;

/// The longest language tag kept (in bytes): enough for a language, a script, a region and a private
/// use part such as `fi-x-selko` or `sr-Latn-RS`.
pub const MAX_LANGUAGE_TAG: usize = 15;

/// A language by its BCP 47 tag (`fi`, `sv`, `en`, `uk`, `se`, `ar`, `fi-x-selko`): the language a person
/// used the app in, and so the language of their free-text answers, as documents record it and as a
/// language folder (`locales/<tag>/`) names it. Any well-formed tag of at most [`MAX_LANGUAGE_TAG`]
/// characters: which languages a deployment offers is its configuration, not this type's. Kept inline,
/// so that it stays `Copy`; the tag is written in its usual case (`fi`, `sr-Latn-RS`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language {
    len: u8,
    bytes: [u8; MAX_LANGUAGE_TAG],
}

impl Language {
    /// Finnish (suomi): the language of the law's text and of the rules' own texts.
    pub const FI: Language = Language::known("fi");
    /// Swedish (svenska).
    pub const SV: Language = Language::known("sv");
    /// English.
    pub const EN: Language = Language::known("en");

    /// A tag known to be well formed and short: one written in the code (checked by the tests), or one a
    /// build has checked (the app's table of languages). A longer one is cut.
    pub const fn known(tag: &str) -> Language {
        let mut bytes = [0; MAX_LANGUAGE_TAG];
        let mut at = 0;
        while at < tag.len() && at < MAX_LANGUAGE_TAG {
            bytes[at] = tag.as_bytes()[at];
            at += 1;
        }
        #[allow(clippy::cast_possible_truncation, reason = "at most MAX_LANGUAGE_TAG")]
        Language { len: at as u8, bytes }
    }

    /// The BCP 47 tag, as used in `lang` attributes and in documents.
    pub fn tag(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The language subtag alone (`sv` of `sv-FI`, `fi` of `fi-x-selko`).
    pub fn primary(&self) -> &str {
        self.tag().split('-').next().unwrap_or_default()
    }

    /// The language for a well-formed BCP 47 tag such as `sv`, `sv_FI`, `SR-latn-rs` or `fi-x-selko`,
    /// written in its usual case (language lowercase, script titlecase, region uppercase); `None` for
    /// one that is not well formed or is longer than [`MAX_LANGUAGE_TAG`]. Well formed: a language of
    /// two or three letters (or `x` for a private one), then parts of one to eight letters or digits;
    /// after an `x` part, everything is private use.
    pub fn parse(tag: &str) -> Option<Language> {
        if tag.is_empty() || tag.len() > MAX_LANGUAGE_TAG {
            return None;
        }
        let mut bytes = [0; MAX_LANGUAGE_TAG];
        let mut at = 0;
        let mut private = false;
        for (index, part) in tag.split(['-', '_']).enumerate() {
            let letters = part.bytes().all(|byte| byte.is_ascii_alphabetic());
            let fits = (1..=8).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_alphanumeric());
            let first_ok =
                index > 0 || (letters && (2..=3).contains(&part.len())) || part.eq_ignore_ascii_case("x");
            if !fits || !first_ok {
                return None;
            }
            if index > 0 {
                bytes[at] = b'-';
                at += 1;
            }
            let script = !private && index > 0 && part.len() == 4 && letters;
            let region = !private && index > 0 && (part.len() == 2 && letters || part.len() == 3 && !letters);
            for (offset, byte) in part.bytes().enumerate() {
                bytes[at] = if region || (script && offset == 0) {
                    byte.to_ascii_uppercase()
                } else {
                    byte.to_ascii_lowercase()
                };
                at += 1;
            }
            private |= part.eq_ignore_ascii_case("x");
        }
        #[allow(clippy::cast_possible_truncation, reason = "at most MAX_LANGUAGE_TAG")]
        Some(Language { len: at as u8, bytes })
    }
}

impl std::fmt::Debug for Language {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.tag())
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.tag())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Language, D::Error> {
        let tag = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Language::parse(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{tag}` is not a language tag (BCP 47, such as `fi`, `sv`, `uk` or `fi-x-selko`, at most {MAX_LANGUAGE_TAG} characters)"
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Language {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Language".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A BCP 47 language tag, such as `fi`, `sv`, `en`, `uk` or `fi-x-selko`.",
            "type": "string",
            "maxLength": MAX_LANGUAGE_TAG,
            "pattern": "^([A-Za-z]{2,3}|[Xx])(-[A-Za-z0-9]{1,8})*$"
        })
    }
}

/// The id under which a language's `texts.ftl` gives its translation of a text of the rules, the
/// catalogue or the questionnaire: `t-` and the FNV-1a hash (64 bits, hexadecimal) of the Finnish text.
/// The app has the Finnish built in and finds a translation by it; a text whose Finnish changes needs its
/// translation again (`tyokyky-rules languages` lists it).
pub fn text_id(fi: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in fi.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("t-{hash:016x}")
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

/// A short text of the questionnaire, the catalogue or the rules: its Finnish, and the translations a
/// county's catalogue may write beside it. Every language's translations are kept in its folder
/// (`locales/<tag>/texts.ftl`, [`translations`]); a county writes its catalogue in its official
/// languages, so the catalogue may carry Swedish, English and plain-language Finnish inline as well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// Finnish.
    pub fi: String,
    /// Swedish, if written inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    /// English, if written inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
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
    /// A text as the browser bundles carry it: the Finnish alone (`crate::bake`), the translations being
    /// fetched with their language (`text_id`).
    #[doc(hidden)]
    #[inline(never)]
    pub fn finnish(fi: &str) -> Texts {
        Texts {
            fi: fi.to_owned(),
            sv: None,
            en: None,
            selko: None,
        }
    }

    /// The languages whose text is given but blank (`fi`, `sv`, `en`, `selko`, in that order), for the
    /// checks of the files that hold texts.
    pub fn empty_languages(&self) -> Vec<&'static str> {
        [
            ("fi", Some(&self.fi)),
            ("sv", self.sv.as_ref()),
            ("en", self.en.as_ref()),
            ("selko", self.selko.as_ref()),
        ]
        .into_iter()
        .filter(|(_, text)| text.is_some_and(|text| text.trim().is_empty()))
        .map(|(language, _)| language)
        .collect()
    }

    /// The text in `language` as written inline (a catalogue's `sv`, `en` or `selko`), or else the
    /// Finnish. Every language's translations are in its folder ([`translations::Translations::text`]).
    pub fn get(&self, language: Language) -> &str {
        let inline = match language.tag() {
            "sv" => self.sv.as_deref(),
            "en" => self.en.as_deref(),
            "fi-x-selko" => self.selko.as_deref(),
            _ => None,
        };
        inline.filter(|text| !text.is_empty()).unwrap_or(&self.fi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_id_is_the_hash_of_its_finnish() {
        assert_eq!(text_id(""), "t-cbf29ce484222325");
        assert_eq!(text_id("a"), "t-af63dc4c8601ec8c");
        assert_eq!(text_id("Työkykysi nyt"), text_id("Työkykysi nyt"));
        assert_ne!(text_id("Työkykysi nyt"), text_id("Työkykysi  nyt"));
    }

    #[test]
    fn free_text_counts_characters_not_bytes() {
        assert!(FreeText::new("ä".repeat(MAX_FREE_TEXT_CHARS)).is_some());
        assert!(FreeText::new("ä".repeat(MAX_FREE_TEXT_CHARS + 1)).is_none());
    }

    #[test]
    fn language_tags_are_read_in_their_usual_case_and_refused_when_not_well_formed() {
        for (given, read) in [
            ("fi", "fi"),
            ("SV_fi", "sv-FI"),
            ("EN", "en"),
            ("uk", "uk"),
            ("se", "se"),
            ("smn", "smn"),
            ("sr-latn-rs", "sr-Latn-RS"),
            ("es-419", "es-419"),
            ("fi-x-selko", "fi-x-selko"),
            ("en-XA", "en-XA"),
            ("ar-XB", "ar-XB"),
        ] {
            assert_eq!(
                Language::parse(given).map(|language| language.tag().to_owned()),
                Some(read.to_owned()),
                "{given}"
            );
        }
        for wrong in [
            "",
            "f",
            "fiin",
            "1a",
            "fi--x",
            "fi-",
            "fi-toolongpart",
            "fi x",
            "fi-x-selkoselkoselko",
            "ä",
        ] {
            assert_eq!(Language::parse(wrong), None, "{wrong}");
        }
        assert_eq!(Language::parse("fi"), Some(Language::FI));
        assert_eq!((Language::SV.tag(), Language::EN.tag()), ("sv", "en"));
        assert_eq!(
            Language::parse("sv-FI").map(|language| language.primary().to_owned()),
            Some("sv".into())
        );
        let json = serde_json::to_string(&Language::parse("fi-x-selko")).unwrap_or_default();
        assert_eq!(json, "\"fi-x-selko\"");
        assert!(serde_json::from_str::<Language>("\"not a tag\"").is_err());
    }
}
