#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

// The layers, each using only those above it in this list (a test, `tests/layers.rs`, keeps it so).
#[cfg(feature = "toml")]
pub mod bake;
#[cfg(feature = "toml")]
pub mod bundle;
pub mod catalogue;
pub mod documents;
#[cfg(feature = "fhir")]
pub mod fhir;
pub mod forms;
pub mod law;
pub mod report;
pub mod text;

// The crate's public paths, stable for the app, the inbox, the CLI and any other caller: each names the
// module of the layer where the thing now lives.
pub use documents::plan;
pub use forms::{case, questionnaire};
pub use law::{acts, calendar, error, eval, facts, ruleset};

#[cfg(feature = "schema")]
pub use documents::schema;

/// The document envelope and the basic types documents use: [`documents::envelope`] and [`text`].
pub mod document {
    pub use crate::documents::envelope::*;
    pub use crate::text::{FreeText, Language, MAX_FREE_TEXT_CHARS};
}

/// A contact request ([`documents::contact`]) and anonymous feedback ([`documents::feedback`]).
pub mod contact {
    pub use crate::documents::contact::*;
    pub use crate::documents::feedback::{Feedback, FeedbackScore};
}

/// Rules as written and compiled ([`law::rule`]), and the texts they carry in each language.
pub mod rule {
    pub use crate::law::rule::*;
    pub use crate::text::Texts;
}

/// Reading a rules folder, a service catalogue and a questionnaire from their TOML files.
#[cfg(feature = "toml")]
pub mod load {
    pub use crate::catalogue::load::*;
    pub use crate::forms::questionnaire::load::*;
    pub use crate::law::load::*;
}
