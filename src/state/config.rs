//! How the app is set up on a page: self-service (a person on their own device), kiosk (a shared walk-in
//! screen) or the worker-assisted flow, and the kiosk's timeouts. A host sets it with the page address
//! (`?mode=kiosk&idle=120&warn=30`); the embedding API of a host page passes the same values as props.

use tyokyky_engine::contact::Channel;
use tyokyky_engine::document::DocumentKind;

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

/// How documents of one kind are delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adapter {
    /// The product's JSON, posted to any backend that meets the contract (any 2xx is a delivery).
    Json,
    /// The product's JSON, posted to the reference inbox, which stores it and forwards it to the
    /// county's own systems with signatures (the secret stays on the server).
    Relay,
    /// A FHIR R4 `transaction` Bundle (the interoperability export), posted to a FHIR server's base.
    Fhir,
}

/// Where documents of one kind go, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The kind.
    pub kind: DocumentKind,
    /// How.
    pub adapter: Adapter,
    /// Where: the documents' endpoint, or a FHIR server's base.
    pub url: String,
}

/// The routes a host sets with `data-delivery` / `delivery`: `kind=adapter url` pairs separated by `;`,
/// e.g. `client_plan=fhir https://fhir.example.fi/r4; contact_request=relay`. The adapters are `json`
/// (to `url`, or `endpoint` without one), `relay` (to the inbox at `url`, or at `inbox` beside the
/// loader) and `fhir` (to the FHIR server's base `url`, which it needs). A kind not named goes to
/// `endpoint` as JSON. A setting that cannot be used is an error that names the part.
pub fn routes(text: &str, endpoint: &str, inbox: &str) -> Result<Vec<Route>, String> {
    let mut routes: Vec<Route> = Vec::new();
    for part in text.split(';').map(str::trim).filter(|part| !part.is_empty()) {
        let wrong = |why: &str| ["data-delivery / delivery: `", part, "`: ", why].concat();
        let (kind, how) = part.split_once('=').ok_or_else(|| wrong("write kind=adapter"))?;
        let kind = DocumentKind::from_name(kind.trim()).ok_or_else(|| {
            wrong("the kinds are contact_request, client_plan, feedback, work_ability_check")
        })?;
        if routes.iter().any(|route| route.kind == kind) {
            return Err(wrong("the kind is named twice"));
        }
        let mut words = how.split_whitespace();
        let (adapter, default) = match words.next() {
            Some("json") => (Adapter::Json, Some(endpoint)),
            Some("relay") => (Adapter::Relay, Some(inbox)),
            Some("fhir") => (Adapter::Fhir, None),
            _ => return Err(wrong("the adapters are json, relay and fhir")),
        };
        let url = match (words.next(), default) {
            (Some(url), _) if url.starts_with("https://") || url.starts_with("http://") => url,
            (Some(_), _) => return Err(wrong("the address must start with https:// or http://")),
            (None, Some(default)) => default,
            (None, None) => return Err(wrong("fhir needs the FHIR server's base address")),
        };
        if words.next().is_some() {
            return Err(wrong("one adapter and at most one address"));
        }
        routes.push(Route {
            kind,
            adapter,
            url: url.trim_end_matches('/').to_owned(),
        });
    }
    Ok(routes)
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
    fn a_host_routes_each_kind_to_an_adapter_and_an_address() {
        let routes = routes(
            "client_plan=fhir https://fhir.example.fi/r4/ ; contact_request=relay;feedback=json https://hooks.example.fi/tk",
            "https://backend.example.fi/documents",
            "https://inbox.example.fi/api/documents",
        );
        assert_eq!(
            routes,
            Ok(vec![
                Route {
                    kind: DocumentKind::ClientPlan,
                    adapter: Adapter::Fhir,
                    url: "https://fhir.example.fi/r4".into()
                },
                Route {
                    kind: DocumentKind::ContactRequest,
                    adapter: Adapter::Relay,
                    url: "https://inbox.example.fi/api/documents".into()
                },
                Route {
                    kind: DocumentKind::Feedback,
                    adapter: Adapter::Json,
                    url: "https://hooks.example.fi/tk".into()
                },
            ])
        );
        assert_eq!(super::routes(" ", "e", "i"), Ok(vec![]));
    }

    #[test]
    fn a_route_that_cannot_be_used_is_refused_naming_its_part() {
        for (text, says) in [
            ("client_plan", "`client_plan`: write kind=adapter"),
            ("plan=json", "`plan=json`: the kinds are"),
            (
                "feedback=soap",
                "`feedback=soap`: the adapters are json, relay and fhir",
            ),
            ("feedback=", "`feedback=`: the adapters are"),
            (
                "client_plan=fhir",
                "`client_plan=fhir`: fhir needs the FHIR server's base address",
            ),
            ("feedback=json ftp://x", "must start with https:// or http://"),
            (
                "feedback=json https://a https://b",
                "one adapter and at most one address",
            ),
            (
                "feedback=json;feedback=relay",
                "`feedback=relay`: the kind is named twice",
            ),
        ] {
            let error = routes(text, "https://e", "https://i").err().unwrap_or_default();
            assert!(
                error.starts_with("data-delivery / delivery: ") && error.contains(says),
                "{text}: {error}"
            );
        }
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
