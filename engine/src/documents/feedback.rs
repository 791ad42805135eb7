//! Anonymous **feedback** at the end of a visit: a score, a comment, or both, and where it was given.
//! Nothing in it links to the person or to their contact request.

use serde::{Deserialize, Serialize};

use super::contact::Channel;
use crate::text::FreeText;

/// How well the service served the person, 1 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minimum" = 1, "maximum" = 10)))]
#[serde(try_from = "u8", into = "u8")]
pub struct FeedbackScore(u8);

impl TryFrom<u8> for FeedbackScore {
    type Error = String;

    fn try_from(value: u8) -> Result<FeedbackScore, String> {
        if (1..=10).contains(&value) {
            Ok(FeedbackScore(value))
        } else {
            Err(format!("must be a whole number from 1 to 10, got `{value}`"))
        }
    }
}

impl From<FeedbackScore> for u8 {
    fn from(score: FeedbackScore) -> u8 {
        score.0
    }
}

impl FeedbackScore {
    /// The score.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Anonymous feedback: nothing in it links to the person or to their contact request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// "How well did this serve you, 1–10", if answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<FeedbackScore>,
    /// Anything they wrote.
    #[serde(default)]
    pub comment: FreeText,
    /// Where it was given.
    pub channel: Channel,
}

impl Feedback {
    /// Feedback must say something: a score or a comment.
    pub fn check(&self) -> Result<(), (String, String)> {
        if self.score.is_none() && self.comment.as_str().trim().is_empty() {
            return Err(("score".to_owned(), "give a score or a comment".to_owned()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_says_something() {
        let empty = Feedback {
            score: None,
            comment: FreeText::default(),
            channel: Channel::Kiosk,
        };
        assert!(empty.check().is_err());
        let scored = Feedback {
            score: FeedbackScore::try_from(8).ok(),
            ..empty
        };
        assert_eq!(scored.check(), Ok(()));
        assert!(FeedbackScore::try_from(0).is_err());
        assert!(FeedbackScore::try_from(11).is_err());
    }
}
