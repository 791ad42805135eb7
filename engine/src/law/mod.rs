//! The law as the engine reads it: the fact catalogue and a case's facts, rules with their citations and
//! verbatim text, the rule set they compile into (and the checks that make a rule file fail with a
//! located message), evaluation into findings that cite their rules, and the working-day calendar of
//! 150/1930 that deadlines are counted by.
//!
//! This layer depends only on [`crate::text`]. The catalogue, the forms and the documents build on it;
//! it knows none of them.

pub mod acts;
pub mod calendar;
pub mod check;
pub mod error;
pub mod eval;
pub mod facts;
#[cfg(feature = "toml")]
pub mod load;
pub mod rule;
pub mod ruleset;
