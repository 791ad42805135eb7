//! The document contract: the versioned JSON documents the app posts and a backend stores. The envelope
//! (schema version, kind, idempotency key, time, language) wraps one of the kinds: a contact request,
//! anonymous feedback, a finished client plan or a work-ability check. A decoded document is always a
//! valid one: values are checked by their types when it is read.
//!
//! This is the top layer: it builds on the forms (a plan carries its case, a contact request the shared
//! answers), the catalogue and the law.

pub mod contact;
pub mod draft;
pub mod envelope;
pub mod feedback;
pub mod json;
pub mod partner_view;
pub mod plan;
#[cfg(feature = "schema")]
pub mod schema;
