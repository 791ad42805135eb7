//! How the app is set up on a page: self-service (a person on their own device), kiosk (a shared walk-in
//! screen) or the worker-assisted flow, and the kiosk's timeouts. A host sets it with the page address
//! (`?mode=kiosk&idle=120&warn=30`); the embedding API of a host page passes the same values as props.

use tyokyky_engine::contact::Channel;

/// Who uses the app, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A person on their own device: self-assessment, and the worker flow for professionals.
    #[default]
    SelfService,
    /// A shared walk-in screen: self-assessment only, one question per screen, wiped after inactivity;
    /// nothing personal is ever written to browser storage.
    Kiosk,
}

impl Mode {
    /// The name used in `data-mode` and in events: `self` or `kiosk`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::SelfService => "self",
            Mode::Kiosk => "kiosk",
        }
    }

    /// The channel recorded in documents.
    pub fn channel(self) -> Channel {
        match self {
            Mode::SelfService => Channel::SelfService,
            Mode::Kiosk => Channel::Kiosk,
        }
    }
}

/// When a kiosk warns and wipes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskTimings {
    /// Seconds without any touch, key or input before the visit is wiped.
    pub idle_seconds: u32,
    /// Seconds before the wipe that the warning with its countdown shows.
    pub warning_seconds: u32,
}

impl Default for KioskTimings {
    fn default() -> KioskTimings {
        KioskTimings {
            idle_seconds: 120,
            warning_seconds: 30,
        }
    }
}

/// The setup read from a query string such as `?mode=kiosk&idle=90&warn=20` (unknown keys are ignored;
/// a bad number keeps the default; the warning is never longer than the idle time).
pub fn from_query(query: &str) -> (Mode, KioskTimings) {
    let mut mode = Mode::SelfService;
    let mut timings = KioskTimings::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "mode" if value == "kiosk" => mode = Mode::Kiosk,
            "idle" => {
                if let Ok(seconds) = value.parse::<u32>()
                    && seconds >= 1
                {
                    timings.idle_seconds = seconds;
                }
            }
            "warn" => {
                if let Ok(seconds) = value.parse::<u32>() {
                    timings.warning_seconds = seconds;
                }
            }
            _ => {}
        }
    }
    timings.warning_seconds = timings.warning_seconds.min(timings.idle_seconds);
    (mode, timings)
}

/// The origins of a parent window named in a query string (`?parent=https://portal.example.fi`, several
/// separated by commas): an app shown in an iframe tells only them about submissions.
pub fn parent_origins_from_query(query: &str) -> Vec<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.strip_prefix("parent="))
        .flat_map(|value| value.split(','))
        .map(percent_decoded)
        .filter(|origin| origin.starts_with("https://") || origin.starts_with("http://"))
        .collect()
}

/// `%3A` → `:` and so on (origins in a query string are often encoded).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                index += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_chooses_the_mode_and_the_timeouts() {
        assert_eq!(from_query(""), (Mode::SelfService, KioskTimings::default()));
        assert_eq!(
            from_query("?mode=kiosk&idle=6&warn=3"),
            (
                Mode::Kiosk,
                KioskTimings {
                    idle_seconds: 6,
                    warning_seconds: 3
                }
            )
        );
        let (mode, timings) = from_query("?mode=other&idle=0&warn=x");
        assert_eq!((mode, timings), (Mode::SelfService, KioskTimings::default()));
        assert_eq!(from_query("?idle=10&warn=60").1.warning_seconds, 10);
    }

    #[test]
    fn parent_origins_come_from_the_query_decoded_and_checked() {
        assert_eq!(
            parent_origins_from_query(
                "?mode=kiosk&parent=http%3A%2F%2F127.0.0.1%3A9000,https://portal.example.fi"
            ),
            ["http://127.0.0.1:9000", "https://portal.example.fi"]
        );
        assert!(parent_origins_from_query("?parent=javascript:alert(1)").is_empty());
        assert!(parent_origins_from_query("").is_empty());
    }
}
