//! The reference inbox of tyokyky: serves the built app and receives its documents into SQLite, or into
//! PostgreSQL shared by several instances.
//!
//! Any backend that accepts the same documents (see `tyokyky_engine::document`) can replace it.

pub mod api;
pub mod auth;
pub mod outbox;
pub mod relay;
pub mod seal;
pub mod serve;
pub mod store;
