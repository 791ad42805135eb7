//! Encryption at rest: the bodies of documents and drafts are sealed with AES-256-GCM (RustCrypto's
//! `aes-gcm`; nothing cryptographic is written here) before they reach the SQLite file, so the file, its
//! WAL and its journal hold no names, answers or plans in plain text.
//!
//! Keys come from a key file or the environment, one per line, `<id>:<64 hex digits>` (`#` starts a
//! comment); the first is the current key, which seals everything written from now on, and the others
//! still open what they sealed. A sealed body reads `sealed:v1:<key id>:<base64 of nonce and
//! ciphertext>`, its 96-bit nonce random for each seal. The row it belongs to (a document's idempotency
//! key, a draft's id and version) is bound in as associated data, so a body moved to another row does not
//! open. To rotate: put a new key first, keep the old ones, restart; [`crate::store::Store::reseal`] then
//! seals the older rows with the new key in small batches while the inbox serves, after which the old keys
//! may go.

use std::fmt;

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

/// What a sealed body starts with.
const PREFIX: &str = "sealed:v1:";

/// The keys, the current one first.
#[derive(Clone)]
pub struct Keys {
    keys: Vec<(String, Aes256Gcm)>,
}

impl fmt::Debug for Keys {
    /// Names the keys, never shows them.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        write!(formatter, "Keys({ids:?})")
    }
}

/// Why a stored body does not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealError {
    /// Sealed with a key that is not configured.
    UnknownKey(String),
    /// Not a sealed body of this form.
    Malformed,
    /// The key or the row does not match, or the body was changed.
    Tampered,
}

impl fmt::Display for SealError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealError::UnknownKey(id) => write!(formatter, "sealed with key `{id}`, which is not configured"),
            SealError::Malformed => formatter.write_str("not a sealed body"),
            SealError::Tampered => formatter.write_str("does not open: another key or row, or changed"),
        }
    }
}

impl Keys {
    /// Reads keys, one per line, `<id>:<64 hex digits>` (see [`key_lines`]).
    pub fn parse(text: &str) -> Result<Keys, String> {
        let keys = key_lines(text, "key", "64 hex digits", |bytes| {
            Some(Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(bytes)))
        })?;
        Ok(Keys { keys })
    }

    /// A new random key line, `<id>:<64 hex digits>`, for a key file.
    pub fn generate_line(id: &str) -> String {
        key_line(id, &Aes256Gcm::generate_key(OsRng))
    }

    /// The id of the key that seals new bodies.
    pub fn current(&self) -> &str {
        self.keys.first().map_or("", |(id, _)| id.as_str())
    }

    /// `plain` sealed with the current key, bound to the row `row`.
    pub fn seal(&self, plain: &str, row: &str) -> String {
        let Some((id, cipher)) = self.keys.first() else {
            return plain.to_owned();
        };
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        // Encryption with a valid key and nonce does not fail for a body of this size.
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plain.as_bytes(),
                    aad: row.as_bytes(),
                },
            )
            .unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{PREFIX}{id}:{}", BASE64.encode(bytes))
    }

    /// The plain text of a stored body of the row `row`: a sealed body opened, a body stored before sealing
    /// was turned on as it is.
    pub fn open(&self, stored: &str, row: &str) -> Result<String, SealError> {
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_owned());
        };
        let (id, data) = rest.split_once(':').ok_or(SealError::Malformed)?;
        let (_, cipher) = self
            .keys
            .iter()
            .find(|(known, _)| known == id)
            .ok_or_else(|| SealError::UnknownKey(id.to_owned()))?;
        let bytes = BASE64.decode(data).map_err(|_| SealError::Malformed)?;
        if bytes.len() < 12 {
            return Err(SealError::Malformed);
        }
        let (nonce, sealed) = bytes.split_at(12);
        let plain = cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: row.as_bytes(),
                },
            )
            .map_err(|_| SealError::Tampered)?;
        String::from_utf8(plain).map_err(|_| SealError::Tampered)
    }
}

/// The id of the key a stored body was sealed with, or `None` for a plain one.
pub fn sealed_with(stored: &str) -> Option<&str> {
    stored.strip_prefix(PREFIX)?.split_once(':').map(|(id, _)| id)
}

/// Reads the key lines of a key file (`what`: `key`, `outbox key`), one per line, `<id>:<64 hex digits>`;
/// blank lines and `#` comments are skipped. `key_of` makes a key of the 32 bytes, `None` when they are not
/// one (`key_kind` says what they must be). A line that is not a key is named by its number, and the key
/// itself is never repeated in a message. The sealing keys at rest and the outbox keys are read by it.
pub(crate) fn key_lines<K>(
    text: &str,
    what: &str,
    key_kind: &str,
    key_of: impl Fn(&[u8]) -> Option<K>,
) -> Result<Vec<(String, K)>, String> {
    let mut keys: Vec<(String, K)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let at = || format!("{what} line {}", number + 1);
        let Some((id, hex)) = line.split_once(':') else {
            return Err(format!("{}: write it as <id>:<64 hex digits>", at()));
        };
        let id = id.trim();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!("{}: the id may have letters, digits, - and _ only", at()));
        }
        let key = decode_hex(hex.trim())
            .and_then(|bytes| key_of(&bytes))
            .ok_or_else(|| format!("{}: the key must be {key_kind}", at()))?;
        if keys.iter().any(|(known, _)| known == id) {
            return Err(format!("{}: the id `{id}` is given twice", at()));
        }
        keys.push((id.to_owned(), key));
    }
    if keys.is_empty() {
        return Err(format!("no {what} given"));
    }
    Ok(keys)
}

/// A key line, `<id>:<64 hex digits>`, of the key `bytes`.
pub(crate) fn key_line(id: &str, bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{id}:{hex}")
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    (0..32)
        .map(|index| u8::from_str_radix(&text[index * 2..index * 2 + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Keys {
        match Keys::parse(text) {
            Ok(keys) => keys,
            Err(message) => panic!("{message}"),
        }
    }

    #[test]
    fn a_body_opens_with_its_key_and_row_only() {
        let line = Keys::generate_line("a");
        let a = keys(&line);
        let sealed = a.seal("{\"name\":\"Testi\"}", "row-1");
        assert!(sealed.starts_with("sealed:v1:a:") && !sealed.contains("Testi"));
        assert_ne!(
            sealed,
            a.seal("{\"name\":\"Testi\"}", "row-1"),
            "a new nonce each time"
        );
        assert_eq!(a.open(&sealed, "row-1").as_deref(), Ok("{\"name\":\"Testi\"}"));
        assert_eq!(a.open(&sealed, "row-2"), Err(SealError::Tampered));
        let b = keys(&Keys::generate_line("b"));
        assert_eq!(b.open(&sealed, "row-1"), Err(SealError::UnknownKey("a".into())));
        let rotated = keys(&format!("{}\n# the old one\n{line}\n", Keys::generate_line("b")));
        assert_eq!(rotated.current(), "b");
        assert!(rotated.open(&sealed, "row-1").is_ok(), "an old key still opens");
        assert_eq!(a.open("{\"plain\":1}", "row-1").as_deref(), Ok("{\"plain\":1}"));
        let mut changed = sealed.clone();
        changed.pop();
        changed.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(a.open(&changed, "row-1").is_err());
        assert_eq!(sealed_with(&sealed), Some("a"));
    }

    #[test]
    fn a_bad_key_line_is_named_by_its_number() {
        assert_eq!(Keys::parse("").unwrap_err(), "no key given");
        assert_eq!(
            Keys::parse("\nk1:abc").unwrap_err(),
            "key line 2: the key must be 64 hex digits"
        );
        assert_eq!(
            Keys::parse("k1 00").unwrap_err(),
            "key line 1: write it as <id>:<64 hex digits>"
        );
        let line = Keys::generate_line("k1");
        assert_eq!(
            Keys::parse(&format!("{line}\n{line}")).unwrap_err(),
            "key line 2: the id `k1` is given twice"
        );
    }
}
