//! App state and data: what the pages share and the services behind them. The rules come from the
//! engine; the text from `locales/`; documents leave through the delivery queue.

pub mod config;
pub mod delivery;
pub mod i18n;
pub mod messages;
pub mod rules;
