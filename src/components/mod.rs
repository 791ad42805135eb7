//! Shared presentational components: they render what they are given (or read through a hook) and report
//! choices upward; they run no requests and evaluate no law.

pub mod delivery;
pub mod error_summary;
pub mod findings_panel;
pub mod kiosk_guard;
pub mod language_switch;
pub mod score_scale;
pub mod yes_no_field;
