//! The county's facts for the privacy notice (`[privacy]` in the catalogue file): who the controller
//! (rekisterinpitäjä) is and how to reach it and its data protection officer, how long each kind of
//! document is kept, and when the notice was last updated. The notice's standard prose is not here: it
//! is text in `locales/<tag>/privacy.toml`, which `tyokyky-rules privacy` fills with these facts into static pages.
//!
//! The app does not show these settings, so they are left out of the catalogue's compiled JSON: the
//! notice costs the app's bundle nothing. This module only checks that the facts are well formed (a
//! phone number a person can dial, an e-mail address, a real date, periods in range); whether they are
//! true, and whether the periods match what the inbox is set to delete (`--retain`), is the county's
//! to keep.

use serde::{Deserialize, Serialize};

use super::phone_problem;
use crate::law::calendar::parse_date;
use crate::text::Texts;

/// The fewest and the most days the inbox may keep a contact request, a feedback or a draft, as the
/// notice states it. What must be kept longer belongs to the client record, whose periods the Client
/// Data Act 703/2023 sets ([`Retention::client_plan`]).
pub const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;

/// The county's facts for the privacy notice (`[privacy]`); every key is required once the section is
/// given, except the data protection officer's phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// The day the notice was last updated, `YYYY-MM-DD`.
    pub updated_on: String,
    /// The controller's name in each language, e.g. "Esimerkin hyvinvointialue".
    pub controller: Texts,
    /// The controller's postal address (the registry office, kirjaamo), as written on a letter.
    pub postal_address: String,
    /// The registry office's phone number, as a person dials it.
    pub phone: String,
    /// The registry office's e-mail address.
    pub email: String,
    /// How to reach the data protection officer (tietosuojavastaava).
    pub data_protection_officer: DataProtectionOfficer,
    /// How long each kind of document is kept.
    pub retention: Retention,
}

/// How to reach the data protection officer: a role's address, never a person's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataProtectionOfficer {
    /// The e-mail address.
    pub email: String,
    /// The phone number, as a person dials it, if the county gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// How long each kind of document is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// Days a contact request is kept in the inbox after it arrived (inbox `--retain contact_request=`).
    pub contact_request_days: u32,
    /// Days a feedback is kept after it arrived (`--retain feedback=`).
    pub feedback_days: u32,
    /// Days a worker's draft is kept after its newest version (`--retain draft=`).
    pub draft_days: u32,
    /// How long client plans are kept, in words per language: by the retention periods of the Client
    /// Data Act 703/2023, or a reference to where the county states them.
    pub client_plan: Texts,
    /// How long the access log (who used which document, when and why) is kept, in words per language.
    /// The inbox never changes or removes an entry itself.
    pub access_log: Texts,
}

/// Why `email` is not an e-mail address a person could write to, if it is not.
fn email_problem(email: &str) -> Option<String> {
    if let Some(c) = email
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'))
    {
        return Some(format!("{c:?} is not allowed in it"));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some("it has no `@`".to_owned());
    };
    if domain.contains('@') {
        return Some("it has more than one `@`".to_owned());
    }
    if local.is_empty() {
        return Some("nothing comes before the `@`".to_owned());
    }
    let labels_ok = domain.contains('.') && domain.split('.').all(|label| !label.is_empty());
    (!labels_ok).then(|| format!("`{domain}` is not a domain name like `esimerkki.example`"))
}

/// The empty texts of `texts`, the `[privacy]` key `key`, as [`check_privacy`] reports them.
fn empty_texts(key: &str, texts: &Texts, problems: &mut Vec<(String, String)>) {
    for language in texts.empty_languages() {
        let key = format!("privacy.{key}.{language}");
        let message = format!("`{key}` is empty");
        problems.push((key, message));
    }
}

/// The checks of `[privacy]`: each problem as the dotted key it is about (`privacy.retention.draft_days`)
/// and what is wrong.
pub(super) fn check_privacy(privacy: &Privacy) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let key = |key: &str| format!("privacy.{key}");
    if let Err(error) = parse_date(&privacy.updated_on) {
        problems.push((key("updated_on"), format!("`privacy.updated_on`: {error}")));
    }
    empty_texts("controller", &privacy.controller, &mut problems);
    if privacy.postal_address.trim().is_empty() {
        problems.push((
            key("postal_address"),
            "`privacy.postal_address` is empty".to_owned(),
        ));
    }
    let officer = &privacy.data_protection_officer;
    for (name, phone) in [
        ("phone", Some(&privacy.phone)),
        ("data_protection_officer.phone", officer.phone.as_ref()),
    ] {
        if let Some(phone) = phone
            && let Some(why) = phone_problem(phone)
        {
            let message = format!("`privacy.{name}` `{phone}` is not a phone number: {why}");
            problems.push((key(name), message));
        }
    }
    for (name, email) in [
        ("email", &privacy.email),
        ("data_protection_officer.email", &officer.email),
    ] {
        if let Some(why) = email_problem(email) {
            let message = format!("`privacy.{name}` `{email}` is not an e-mail address: {why}");
            problems.push((key(name), message));
        }
    }
    let retention = &privacy.retention;
    for (name, days) in [
        ("contact_request_days", retention.contact_request_days),
        ("feedback_days", retention.feedback_days),
        ("draft_days", retention.draft_days),
    ] {
        if !RETENTION_DAYS.contains(&days) {
            let message = format!(
                "`privacy.retention.{name}` is {days}: it must be {} to {} days",
                RETENTION_DAYS.start(),
                RETENTION_DAYS.end()
            );
            problems.push((key(&format!("retention.{name}")), message));
        }
    }
    empty_texts("retention.client_plan", &retention.client_plan, &mut problems);
    empty_texts("retention.access_log", &retention.access_log, &mut problems);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_a_person_could_write_to_pass_and_others_say_why_not() {
        for good in [
            "kirjaamo@esimerkki.example",
            "tietosuoja.vastaava@alue.esimerkki.example",
        ] {
            assert_eq!(email_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("kirjaamo.esimerkki.example", "it has no `@`"),
            ("a@b@esimerkki.example", "it has more than one `@`"),
            ("@esimerkki.example", "nothing comes before the `@`"),
            (
                "kirjaamo@esimerkki",
                "`esimerkki` is not a domain name like `esimerkki.example`",
            ),
            (
                "kirjaamo@esimerkki..example",
                "`esimerkki..example` is not a domain name like `esimerkki.example`",
            ),
            ("kirjaamo @esimerkki.example", "' ' is not allowed in it"),
            ("<kirjaamo@esimerkki.example>", "'<' is not allowed in it"),
        ] {
            assert_eq!(email_problem(bad).as_deref(), Some(why), "{bad}");
        }
    }
}
