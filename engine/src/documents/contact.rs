//! What a person sends from the self-assessment: a **contact request** (who to call or write to, in which
//! language and when, whether it is urgent, the consent text they agreed to, and, if they chose, their
//! answers) and anonymous **feedback**. The backend's receipt time of a contact request is the moment of
//! contact that starts the 36 § 2 mom clock where it applies.
//!
//! Values are checked by type when a document is read, like the rest of the contract, and the form's
//! draft is checked here too, so the browser and the inbox refuse the same things.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalogue::Gaps;
use crate::forms::questionnaire::{Answer, Answers};
use crate::text::{FreeText, Id, Language, MAX_FREE_TEXT_CHARS};

/// The most characters of a name.
pub const MAX_NAME_CHARS: usize = 200;

/// The most answers a contact request may carry.
pub const MAX_ANSWERS: usize = 100;

/// A person's name as they gave it: not blank, at most [`MAX_NAME_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minLength" = 1, "maxLength" = 200)))]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl TryFrom<String> for Name {
    type Error = String;

    fn try_from(text: String) -> Result<Name, String> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            Err("must not be blank".to_owned())
        } else if trimmed.chars().count() > MAX_NAME_CHARS {
            Err(format!("must be at most {MAX_NAME_CHARS} characters"))
        } else {
            Ok(Name(trimmed.to_owned()))
        }
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0
    }
}

impl Name {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A phone number: digits with optional `+`, spaces, hyphens and brackets; 5 to 15 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^\\+?[0-9 ()-]{5,}$")))]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl TryFrom<String> for PhoneNumber {
    type Error = String;

    fn try_from(text: String) -> Result<PhoneNumber, String> {
        let trimmed = text.trim();
        let allowed = trimmed.chars().enumerate().all(|(index, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && index == 0)
        });
        let digits = trimmed.chars().filter(char::is_ascii_digit).count();
        if allowed && (5..=15).contains(&digits) {
            Ok(PhoneNumber(trimmed.to_owned()))
        } else {
            Err(
                "must be a phone number of 5 to 15 digits (spaces, hyphens and a leading + allowed)"
                    .to_owned(),
            )
        }
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> String {
        phone.0
    }
}

impl PhoneNumber {
    /// The number as typed (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address of the usual shape `someone@example.fi` (no spaces, one `@`, a dot in the domain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "maxLength" = 254)))]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl TryFrom<String> for EmailAddress {
    type Error = String;

    fn try_from(text: String) -> Result<EmailAddress, String> {
        let trimmed = text.trim();
        let shaped = match trimmed.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.split('.').count() >= 2
                    && domain.split('.').all(|part| !part.is_empty())
            }
            None => false,
        };
        if shaped && trimmed.len() <= 254 && !trimmed.chars().any(char::is_whitespace) {
            Ok(EmailAddress(trimmed.to_owned()))
        } else {
            Err("must be an e-mail address such as name@example.fi".to_owned())
        }
    }
}

impl From<EmailAddress> for String {
    fn from(email: EmailAddress) -> String {
        email.0
    }
}

impl EmailAddress {
    /// The address as typed (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// When the person would rather be contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PreferredTime {
    /// Any time in office hours.
    #[default]
    Any,
    /// Mornings.
    Morning,
    /// Afternoons.
    Afternoon,
}

impl PreferredTime {
    /// Every choice, in the order shown.
    pub const ALL: [PreferredTime; 3] = [
        PreferredTime::Any,
        PreferredTime::Morning,
        PreferredTime::Afternoon,
    ];

    /// The name used in documents and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            PreferredTime::Any => "any",
            PreferredTime::Morning => "morning",
            PreferredTime::Afternoon => "afternoon",
        }
    }
}

/// Where the document was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// On the person's own device.
    SelfService,
    /// On a shared walk-in kiosk.
    Kiosk,
}

/// Answers of a questionnaire, shared with a contact request when the person chose so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedAnswers {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// Its version.
    pub version: String,
    /// The answers, by question id.
    pub answers: Answers,
    /// The services the person was shown as suggestions, by catalogue id.
    #[serde(default)]
    pub suggested_services: Vec<String>,
    /// The target groups of the catalogue's `[report]` the answers place the person in, by id (only with
    /// the answers the person chose to share: nothing of them is sent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Id>,
    /// The goal and the needs for which the catalogue had no suitable service.
    #[serde(default, skip_serializing_if = "Gaps::is_empty")]
    pub gaps: Gaps,
}

/// A request to be contacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    /// The person's name.
    pub name: Name,
    /// A phone number, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneNumber>,
    /// An e-mail address, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAddress>,
    /// The language to be contacted in.
    pub contact_language: Language,
    /// When to be contacted.
    pub preferred_time: PreferredTime,
    /// Whether the person asks to be spoken to in plain language (selkokieli).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plain_language: bool,
    /// Whether an answer signalled an urgent need (SHL 36 § 1 mom): handled at once, never queued.
    pub urgent: bool,
    /// The consent text the person agreed to, word for word, in their language.
    pub consent_text: FreeText,
    /// Where it was made.
    pub channel: Channel,
    /// The answers, if the person chose to send them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_answers: Option<SharedAnswers>,
}

impl ContactRequest {
    /// Checks what types alone cannot: a way to reach the person, and answers of sane size. Returns the
    /// field (below `answers.`) and the problem.
    pub fn check(&self) -> Result<(), (String, String)> {
        if self.phone.is_none() && self.email.is_none() {
            return Err((
                "phone".to_owned(),
                "give a phone number or an e-mail address".to_owned(),
            ));
        }
        if let Some(shared) = &self.shared_answers {
            if shared.answers.len() > MAX_ANSWERS {
                return Err((
                    "shared_answers.answers".to_owned(),
                    format!("at most {MAX_ANSWERS} answers"),
                ));
            }
            for (id, answer) in &shared.answers {
                let too_long = match answer {
                    Answer::Text(text) => text.chars().count() > MAX_FREE_TEXT_CHARS,
                    Answer::Options(values) => {
                        values.len() > MAX_ANSWERS || values.iter().any(|v| v.len() > 64)
                    }
                    Answer::Bool(_) | Answer::Number(_) => false,
                };
                if id.len() > 64 || too_long {
                    return Err((
                        format!(
                            "shared_answers.answers.{}",
                            id.chars().take(64).collect::<String>()
                        ),
                        format!(
                            "an answer id is at most 64 characters and a text at most {MAX_FREE_TEXT_CHARS}"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The short reference a person is shown or given on paper, e.g. `K7Q4-MZ2P`: the first 40 bits of the
/// idempotency key in Crockford's base 32 (no I, L, O or U, so it reads aloud without mix-ups).
pub fn reference_code(key: &Uuid) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bytes = key.as_bytes();
    let bits = bytes[..5]
        .iter()
        .fold(0u64, |acc, byte| (acc << 8) | u64::from(*byte));
    let mut code = String::with_capacity(9);
    for index in 0..8 {
        if index == 4 {
            code.push('-');
        }
        let shift = 35 - 5 * index;
        let digit = ((bits >> shift) & 0x1f) as usize;
        code.push(char::from(ALPHABET[digit]));
    }
    code
}

/// The first 40 bits of the idempotency key a short reference was made from (the inverse of
/// [`reference_code`]), so a backend can find the document a person reads out. Read as Crockford's base 32
/// is read: case does not matter, the dash and spaces may be left out, `I` and `L` are `1`, `O` is `0`.
/// `None` if it is not eight such symbols.
pub fn reference_key_prefix(reference: &str) -> Option<[u8; 5]> {
    let mut bits = 0u64;
    let mut symbols = 0;
    for symbol in reference.chars().filter(|symbol| !matches!(symbol, '-' | ' ')) {
        let digit = match symbol.to_ascii_uppercase() {
            digit @ '0'..='9' => u64::from(digit) - u64::from('0'),
            'O' => 0,
            'I' | 'L' => 1,
            letter => {
                let position = "ABCDEFGHJKMNPQRSTVWXYZ".find(letter)?;
                10 + u64::try_from(position).ok()?
            }
        };
        symbols += 1;
        if symbols > 8 {
            return None;
        }
        bits = (bits << 5) | digit;
    }
    if symbols != 8 {
        return None;
    }
    let bytes = bits.to_be_bytes();
    let mut prefix = [0u8; 5];
    prefix.copy_from_slice(bytes.get(3..)?);
    Some(prefix)
}

/// Why a field of the contact form cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactProblem {
    /// No name.
    NameMissing,
    /// A name that is too long.
    NameTooLong,
    /// Neither a phone number nor an e-mail address.
    NoWayToReach,
    /// A phone number that is not one.
    BadPhone,
    /// An e-mail address that is not one.
    BadEmail,
    /// The consent box is not ticked.
    NoConsent,
}

impl ContactProblem {
    /// The form field it is about (also its HTML id).
    pub fn field(self) -> &'static str {
        match self {
            ContactProblem::NameMissing | ContactProblem::NameTooLong => "contact-name",
            ContactProblem::NoWayToReach | ContactProblem::BadPhone => "contact-phone",
            ContactProblem::BadEmail => "contact-email",
            ContactProblem::NoConsent => "contact-consent",
        }
    }
}

/// The contact form while it is being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDraft {
    /// Name as typed.
    pub name: String,
    /// Phone as typed.
    pub phone: String,
    /// E-mail as typed.
    pub email: String,
    /// Language to be contacted in.
    pub contact_language: Language,
    /// When.
    pub preferred_time: PreferredTime,
    /// Whether to ask for plain language.
    pub plain_language: bool,
    /// Whether the consent box is ticked.
    pub consent: bool,
    /// Whether to send the answers too.
    pub share_answers: bool,
}

impl ContactDraft {
    /// An empty form, contact in `language`.
    pub fn new(language: Language) -> ContactDraft {
        ContactDraft {
            name: String::new(),
            phone: String::new(),
            email: String::new(),
            contact_language: language,
            preferred_time: PreferredTime::Any,
            plain_language: false,
            consent: false,
            share_answers: false,
        }
    }

    /// The request, or every problem in form order. `consent_text` is the text shown by the box.
    pub fn complete(
        &self,
        consent_text: &str,
        urgent: bool,
        channel: Channel,
        shared_answers: Option<SharedAnswers>,
    ) -> Result<ContactRequest, Vec<ContactProblem>> {
        let mut problems = Vec::new();
        let name = match Name::try_from(self.name.clone()) {
            Ok(name) => Some(name),
            Err(_) if self.name.trim().is_empty() => {
                problems.push(ContactProblem::NameMissing);
                None
            }
            Err(_) => {
                problems.push(ContactProblem::NameTooLong);
                None
            }
        };
        let optional = |text: &str| (!text.trim().is_empty()).then(|| text.to_owned());
        let phone = optional(&self.phone).map(PhoneNumber::try_from);
        let email = optional(&self.email).map(EmailAddress::try_from);
        match (&phone, &email) {
            (None, None) => problems.push(ContactProblem::NoWayToReach),
            _ => {
                if matches!(phone, Some(Err(_))) {
                    problems.push(ContactProblem::BadPhone);
                }
                if matches!(email, Some(Err(_))) {
                    problems.push(ContactProblem::BadEmail);
                }
            }
        }
        if !self.consent {
            problems.push(ContactProblem::NoConsent);
        }
        let (Some(name), true) = (name, problems.is_empty()) else {
            return Err(problems);
        };
        Ok(ContactRequest {
            name,
            phone: phone.and_then(Result::ok),
            email: email.and_then(Result::ok),
            contact_language: self.contact_language,
            preferred_time: self.preferred_time,
            plain_language: self.plain_language,
            urgent,
            consent_text: FreeText::from(consent_text),
            channel,
            shared_answers: if self.share_answers { shared_answers } else { None },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ContactDraft {
        ContactDraft {
            name: "Testi Henkilö".into(),
            phone: "+358 40 000 0000".into(),
            consent: true,
            ..ContactDraft::new(Language::FI)
        }
    }

    #[test]
    fn a_filled_form_becomes_a_request() {
        let request = draft().complete("Suostun.", true, Channel::Kiosk, None);
        let request = request.unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(request.name.as_str(), "Testi Henkilö");
        assert_eq!(
            request.phone.as_ref().map(PhoneNumber::as_str),
            Some("+358 40 000 0000")
        );
        assert!(request.urgent);
        assert_eq!(request.check(), Ok(()));
    }

    #[test]
    fn every_problem_is_named_in_form_order() {
        let empty = ContactDraft::new(Language::SV);
        assert_eq!(
            empty.complete("x", false, Channel::SelfService, None),
            Err(vec![
                ContactProblem::NameMissing,
                ContactProblem::NoWayToReach,
                ContactProblem::NoConsent
            ])
        );
        let bad = ContactDraft {
            phone: "12ab".into(),
            email: "nobody@".into(),
            ..draft()
        };
        assert_eq!(
            bad.complete("x", false, Channel::SelfService, None),
            Err(vec![ContactProblem::BadPhone, ContactProblem::BadEmail])
        );
        let long = ContactDraft {
            name: "n".repeat(MAX_NAME_CHARS + 1),
            ..draft()
        };
        assert_eq!(
            long.complete("x", false, Channel::SelfService, None),
            Err(vec![ContactProblem::NameTooLong])
        );
    }

    #[test]
    fn answers_go_along_only_when_the_person_chose_so() {
        let shared = SharedAnswers {
            questionnaire: "self-assessment".into(),
            version: "1".into(),
            answers: Answers::new(),
            suggested_services: vec!["ohjaamo".into()],
            groups: Vec::new(),
            gaps: crate::catalogue::Gaps::default(),
        };
        let without = draft().complete("x", false, Channel::SelfService, Some(shared.clone()));
        assert_eq!(without.map(|request| request.shared_answers), Ok(None));
        let with = ContactDraft {
            share_answers: true,
            ..draft()
        }
        .complete("x", false, Channel::SelfService, Some(shared.clone()));
        assert_eq!(with.map(|request| request.shared_answers), Ok(Some(shared)));
    }

    #[test]
    fn phone_numbers_and_addresses_are_checked_by_shape() {
        for good in ["040 1234567", "+358-40-123 4567", "(09) 123 45"] {
            assert!(PhoneNumber::try_from(good.to_owned()).is_ok(), "{good}");
        }
        for bad in ["1234", "040 123 4567 8901 234", "04+0 123", "call me"] {
            assert!(PhoneNumber::try_from(bad.to_owned()).is_err(), "{bad}");
        }
        for good in ["testi@example.fi", "a.b+c@sub.example.com"] {
            assert!(EmailAddress::try_from(good.to_owned()).is_ok(), "{good}");
        }
        for bad in ["testi", "@example.fi", "a@b", "a@@b.fi", "a b@example.fi", "a@b."] {
            assert!(EmailAddress::try_from(bad.to_owned()).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_reference_code_is_short_readable_and_stable() {
        let key = Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        let code = reference_code(&key);
        assert_eq!(code, "04HM-ASW9");
        assert_eq!(code, reference_code(&key));
        assert!(!code.contains(['I', 'L', 'O', 'U']));
        assert_ne!(code, reference_code(&Uuid::from_u128(1 << 100)));
    }

    #[test]
    fn a_reference_read_out_gives_back_the_start_of_its_key() {
        let key = Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        let start = [0x01, 0x23, 0x45, 0x67, 0x89];
        for spoken in ["04HM-ASW9", "04hm-asw9", "04HMASW9", "O4HM ASW9", "04HM-ASW9 "] {
            assert_eq!(reference_key_prefix(spoken), Some(start), "{spoken}");
        }
        for key in [
            key,
            Uuid::from_u128(u128::MAX),
            Uuid::nil(),
            Uuid::from_bytes([7; 16]),
        ] {
            let prefix = reference_key_prefix(&reference_code(&key)).unwrap();
            assert_eq!(&prefix[..], &key.as_bytes()[..5], "{key}");
        }
        for bad in [
            "",
            "04HM-ASW",
            "04HM-ASW9X",
            "04HM-ASWU",
            "04HM_ASW9",
            "ÄÄHM-ASW9",
        ] {
            assert_eq!(reference_key_prefix(bad), None, "{bad}");
        }
    }

    #[test]
    fn documents_are_read_and_checked_with_located_errors() {
        use crate::documents::envelope::{DecodeError, Document, DocumentBody};
        let request = draft()
            .complete("Suostun.", false, Channel::SelfService, None)
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        let document = Document::new(
            Uuid::from_u128(7),
            chrono::DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::ContactRequest(Box::new(request)),
        );
        let json = document.to_json();
        assert_eq!(Document::decode(json.as_bytes()), Ok(document));
        let unreachable = json.replace(r#""phone":"+358 40 000 0000","#, "");
        assert_eq!(
            Document::decode(unreachable.as_bytes()).map_err(|error| error.to_string()),
            Err("`answers.phone`: give a phone number or an e-mail address".to_owned())
        );
        let bad_email = json.replace(
            r#""phone":"+358 40 000 0000""#,
            r#""email":"testi(at)example.fi""#,
        );
        assert!(matches!(
            Document::decode(bad_email.as_bytes()),
            Err(DecodeError::Invalid { path, .. }) if path == "answers.email"
        ));
        let feedback = r#"{"schema_version":1,"kind":"feedback","idempotency_key":"00000000-0000-0000-0000-000000000008","created_at":"2026-11-22T10:00:00Z","lang":"sv","answers":{"comment":"","channel":"kiosk"}}"#;
        assert_eq!(
            Document::decode(feedback.as_bytes()).map_err(|error| error.to_string()),
            Err("`answers.score`: give a score or a comment".to_owned())
        );
    }
}
