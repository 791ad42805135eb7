//! A worker's unfinished case, saved to the backend as it is made: each save is the next version of one
//! draft, so a backend can keep them all and tell when the same draft was changed on two computers (a save
//! whose version is not the next one is a conflict, never a silent overwrite).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::documents::envelope::{DecodeError, from_value, read_json};
use crate::forms::case::Case;

/// One saved version of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The draft's id, made by the client when the case is first saved and kept for all its versions.
    pub draft_id: Uuid,
    /// 1 for the first save, then one more for each save after the version it was made from.
    pub version: u32,
    /// When the client saved it (the client's clock).
    #[serde(deserialize_with = "crate::documents::envelope::rfc3339::deserialize")]
    pub saved_at: DateTime<Utc>,
    /// The case as it stands.
    pub case: Case,
}

impl Draft {
    /// Reads and checks a draft from JSON bytes as strictly as a document
    /// ([`crate::document::Document::decode`]): no key twice, no NUL in a text, not the nil UUID as
    /// `draft_id`. Errors name the field as a document's do.
    pub fn decode(bytes: &[u8]) -> Result<Draft, DecodeError> {
        let value = read_json(bytes)?;
        if !value.is_object() {
            return Err(DecodeError::NotAnObject);
        }
        let draft: Draft = from_value(value, "")?;
        if draft.draft_id.is_nil() {
            return Err(DecodeError::Invalid {
                path: "draft_id".into(),
                message:
                    "must not be the nil UUID (all zeros): make a new random UUID (version 4) for each draft"
                        .into(),
            });
        }
        Ok(draft)
    }
}

/// Why a backend did not take a draft's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftRefusal {
    /// Another save of this version, with other content, came first (the same draft changed on two
    /// computers): the saver must see the newer one and resolve.
    Conflict {
        /// The newest version the backend holds.
        latest: u32,
    },
    /// The version skips one the backend does not have.
    Gap {
        /// The newest version the backend holds (0: none).
        latest: u32,
    },
}

/// Whether a save of `version` may follow `latest` (0: nothing saved yet): it must be the next one. The
/// same version again is taken only when it is the same content (a save sent twice), which the caller
/// checks.
pub fn check_version(latest: u32, version: u32) -> Result<(), DraftRefusal> {
    match version {
        0 => Err(DraftRefusal::Gap { latest }),
        next if next == latest + 1 => Ok(()),
        earlier if earlier <= latest => Err(DraftRefusal::Conflict { latest }),
        _ => Err(DraftRefusal::Gap { latest }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_next_version_follows() {
        assert_eq!(check_version(0, 1), Ok(()));
        assert_eq!(check_version(3, 4), Ok(()));
        assert_eq!(check_version(3, 3), Err(DraftRefusal::Conflict { latest: 3 }));
        assert_eq!(check_version(3, 2), Err(DraftRefusal::Conflict { latest: 3 }));
        assert_eq!(check_version(3, 5), Err(DraftRefusal::Gap { latest: 3 }));
        assert_eq!(check_version(0, 0), Err(DraftRefusal::Gap { latest: 0 }));
    }

    #[test]
    fn a_draft_reads_back_and_its_time_is_strict() {
        let draft = Draft {
            draft_id: Uuid::from_bytes([7; 16]),
            version: 2,
            saved_at: DateTime::UNIX_EPOCH,
            case: Case::default(),
        };
        let json = serde_json::to_string(&draft).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Draft>(&json).ok(), Some(draft));
        let loose = json.replace("1970-01-01T00:00:00Z", "1.1.1970");
        assert!(serde_json::from_str::<Draft>(&loose).is_err());
    }
}
