//! Hooks shared by pages: how views reach the app's state (the language, the route, the outbox) and the
//! focus conventions every screen follows.

pub mod use_focus_heading;
pub mod use_i18n;
pub mod use_leave_guard;
pub mod use_locale;
pub mod use_outbox;
pub mod use_route;
