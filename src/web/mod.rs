//! Browser glue: everything that talks to the browser or to the host page, and nothing that decides what
//! the app shows.

pub mod backend;
pub mod embed;
pub mod fhir;
pub mod host;
pub mod kiosk;
pub mod platform;
pub mod router;
pub mod seal;
pub mod storage;
pub mod submit;
