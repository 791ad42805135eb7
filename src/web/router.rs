//! Hash routes (`#/worker/plan`), which work inside any host page without server configuration.
//!
//! Links are plain `<a href="#/…">`: the browser changes the hash and
//! [`use_route`](crate::hooks::use_route::use_route) hears `hashchange`.
//! A small table instead of a router crate keeps about 20 KB of code out of the bundle.

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The self-assessment (the only screen of a kiosk).
    SelfAssessment,
    /// The worker-assisted flow: opening the case.
    Worker,
    /// The worker-assisted flow: the service-need assessment.
    WorkerAssessment,
    /// The worker-assisted flow: the client plan.
    WorkerPlan,
    /// The worker-assisted flow: the named worker.
    WorkerNamedWorker,
    /// The worker-assisted flow: check and finish.
    WorkerSummary,
    /// The worker's list: drafts, finished plans and contact requests waiting.
    WorkerCases,
    /// The accessibility statement.
    Accessibility,
    /// Anything else, which shows the start.
    NotFound,
}

/// Every route with its path (the part after `#`).
const PATHS: [(Route, &str); 8] = [
    (Route::SelfAssessment, "/"),
    (Route::Worker, "/worker"),
    (Route::WorkerAssessment, "/worker/assessment"),
    (Route::WorkerPlan, "/worker/plan"),
    (Route::WorkerNamedWorker, "/worker/named-worker"),
    (Route::WorkerSummary, "/worker/summary"),
    (Route::WorkerCases, "/worker/cases"),
    (Route::Accessibility, "/accessibility"),
];

impl Route {
    /// The route of a location hash (`#/worker`, `#/worker/`, `/worker`, or empty for the start); a query
    /// after `?` is ignored.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split_once('?').map_or(path, |(path, _)| path);
        let path = match path.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        PATHS
            .iter()
            .find(|(_, candidate)| *candidate == path)
            .map_or(Route::NotFound, |(route, _)| *route)
    }

    /// The path of the route (the start for [`Route::NotFound`]).
    pub fn path(self) -> &'static str {
        PATHS
            .iter()
            .find(|(route, _)| *route == self)
            .map_or("/", |(_, path)| path)
    }

    /// The link to the route, for `href`.
    pub fn href(self) -> String {
        format!("#{}", self.path())
    }
}

/// Shows `route`, as following a link to it would.
pub fn navigate(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(route.path());
    }
}

/// The step within a route that its hash names (`#/?step=work-ability` → `work-ability`), if any: the
/// self-assessment keeps its screen there, so that each screen is a history entry.
pub fn step_of_hash(hash: &str) -> Option<&str> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("step="))
        .filter(|step| !step.is_empty())
}

/// The hash of `route` at `step` (`#/?step=results`), or of the route alone.
pub fn hash_of(route: Route, step: Option<&str>) -> String {
    match step {
        Some(step) => format!("{}?step={step}", route.path()),
        None => route.path().to_owned(),
    }
}

/// The step the page's hash names now.
pub fn current_step() -> Option<String> {
    let hash = web_sys::window().and_then(|window| window.location().hash().ok())?;
    step_of_hash(&hash).map(str::to_owned)
}

/// Shows `step` of `route` in the address: as a new history entry (`push`), so that Back returns to
/// where the person was, or in place of the current one.
pub fn show_step(route: Route, step: Option<&str>, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = hash_of(route, step);
    if push {
        let _ = window.location().set_hash(&hash);
    } else if let Ok(history) = window.history() {
        // `replaceState` fires no `hashchange`: the page already shows this step.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{hash}")));
    }
}

/// The route of the page's hash now.
pub fn current() -> Route {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map_or(Route::SelfAssessment, |hash| Route::from_hash(&hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        for (route, _) in PATHS {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn an_empty_hash_or_a_lone_slash_is_the_start() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::from_hash(hash), Route::SelfAssessment, "{hash:?}");
        }
    }

    #[test]
    fn a_trailing_slash_or_a_query_does_not_change_the_route() {
        assert_eq!(Route::from_hash("#/worker/plan/"), Route::WorkerPlan);
        assert_eq!(Route::from_hash("#/worker?lang=sv"), Route::Worker);
    }

    #[test]
    fn a_step_rides_in_the_query_of_the_hash_and_reads_back() {
        assert_eq!(step_of_hash("#/?step=work-ability"), Some("work-ability"));
        assert_eq!(step_of_hash("#/?lang=sv&step=results"), Some("results"));
        assert_eq!(step_of_hash("#/"), None);
        assert_eq!(step_of_hash("#/?step="), None);
        let hash = hash_of(Route::SelfAssessment, Some("results"));
        assert_eq!(hash, "/?step=results");
        assert_eq!(Route::from_hash(&hash), Route::SelfAssessment);
        assert_eq!(step_of_hash(&hash), Some("results"));
        assert_eq!(hash_of(Route::SelfAssessment, None), "/");
    }

    #[test]
    fn an_unknown_path_is_not_found_and_links_to_the_start() {
        assert_eq!(Route::from_hash("#/nowhere"), Route::NotFound);
        assert_eq!(Route::from_hash("#/worker/plan/extra"), Route::NotFound);
        assert_eq!(Route::NotFound.href(), "#/");
    }
}
