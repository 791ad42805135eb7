//! Shared presentational components: they render what they are given and report choices upward.

pub mod delivery;
pub mod error_summary;
pub mod findings_panel;
pub mod language_switch;
pub mod rules_error;
pub mod score_scale;
pub mod yes_no_field;
