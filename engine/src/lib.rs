#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod contact;
pub mod document;
pub mod error;
pub mod eval;
pub mod facts;
#[cfg(feature = "toml")]
pub mod load;
pub mod plan;
pub mod questionnaire;
pub mod rule;
pub mod ruleset;
#[cfg(feature = "schema")]
pub mod schema;
