//! What people fill in: the self-assessment questionnaire (questions as data, shown by conditions over
//! earlier answers) and the worker-assisted case (opening, assessment, client plan, named worker). Both
//! turn answers into the facts the law and the catalogue read; neither decides what the law says.
//!
//! This layer builds on [`crate::law`] and [`crate::catalogue`]; the documents build on it.

pub mod case;
pub mod changes;
pub mod questionnaire;
pub mod worker;
