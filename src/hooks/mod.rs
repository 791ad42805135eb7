//! Hooks shared by pages.

pub mod use_focus_heading;
pub mod use_i18n;
pub mod use_locale;
pub mod use_outbox;
