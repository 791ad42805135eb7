//! The reference inbox of tyokyky: serves the built app and receives its documents into SQLite.
//!
//! Any backend that accepts the same documents (see `tyokyky_engine::document`) can replace it.

pub mod api;
pub mod auth;
pub mod outbox;
pub mod seal;
pub mod serve;
pub mod store;
