//! Who is calling, and in which roles: the static bearer tokens of a simple single-organisation setup and
//! OpenID Connect access tokens (JWTs signed with RS256 or ES256 by a configured issuer).
//!
//! | role | may call |
//! |---|---|
//! | `submitter` | submit documents, save drafts (the app posting; a host portal hands it the credential) |
//! | `worker` | that, and list, fetch and mark this organisation's documents; list, reopen and remove drafts |
//! | `partner` | list and read its own part of the joint plans shared with its organisation (`/api/partner/plans`) |
//! | `admin` | what a worker may, query and export the access log, and list and replay the relay's forwards |
//!
//! The static `--submit-token` carries the submitter role and `--read-token` the worker role. An access
//! token's roles come from a configured claim (`roles` by default), whose values are mapped to these roles
//! by configuration, and its organisation from another (`org`): an inbox holds one organisation's documents,
//! so every role but `partner` counts only with the inbox's own organisation.
//!
//! The signature is checked by `jsonwebtoken` against the issuer's key set (JWKS), read from a file or
//! fetched from a URL and kept; it is read again for a key id it does not know, and when older than its
//! maximum age, but never more often than a minimum interval, so unknown key ids cannot make the inbox hammer
//! the issuer. Only RS256 and ES256 are accepted (never `none`, never an HMAC algorithm that would take the
//! public key for a secret), and the key must be of the algorithm's type.

use std::collections::BTreeSet;
use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, errors::ErrorKind};
use serde_json::{Map, Value};

/// The largest key set read from a file or an issuer.
const MAX_JWKS_BYTES: usize = 1024 * 1024;
/// How long fetching the key set may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest subject or organisation name kept for the access log, in characters.
const MAX_SUBJECT_CHARS: usize = 200;
/// Clock skew allowed on `exp` and `nbf`, in seconds.
pub const LEEWAY_SECONDS: u64 = 60;

/// A role of the inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The app posting documents and drafts.
    Submitter,
    /// A worker of the inbox's organisation: reads its documents, keeps drafts.
    Worker,
    /// A partner organisation of a joint plan: reads its own part of the plans shared with it.
    Partner,
    /// An administrator of the inbox's organisation.
    Admin,
}

impl Role {
    /// Every role, in the order of the documentation.
    pub const ALL: [Role; 4] = [Role::Submitter, Role::Worker, Role::Partner, Role::Admin];

    /// The role's name in configuration and messages.
    pub fn name(self) -> &'static str {
        match self {
            Role::Submitter => "submitter",
            Role::Worker => "worker",
            Role::Partner => "partner",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|role| role.name() == text)
            .ok_or_else(|| format!("`{text}` is not a role: submitter, worker, partner or admin"))
    }
}

/// Who a valid credential says the caller is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// Who, for the access log: an access token's subject (`sub`), else the static token's name
    /// (`read-token`, `submit-token`), or `anonymous` for a submission without a credential.
    pub subject: String,
    /// The organisations the credential names (an access token's organisation claim; none for a static
    /// token).
    pub organisations: Vec<String>,
    /// The inbox roles the credential carries.
    pub roles: BTreeSet<Role>,
    /// Whether the credential is of the organisation whose documents this inbox holds (a static token
    /// always is; an access token when its organisation claim names it).
    pub own_organisation: bool,
}

impl Caller {
    fn with(role: Role, subject: &str) -> Caller {
        Caller {
            subject: subject.to_owned(),
            organisations: Vec::new(),
            roles: BTreeSet::from([role]),
            own_organisation: true,
        }
    }

    /// One who submits without a credential (where submitting needs none: the public self-assessment).
    pub fn anonymous() -> Caller {
        Caller {
            subject: "anonymous".to_owned(),
            organisations: Vec::new(),
            roles: BTreeSet::new(),
            own_organisation: true,
        }
    }

    /// The organisation to record in the access log: the first the credential names.
    pub fn organisation(&self) -> Option<&str> {
        self.organisations.first().map(String::as_str)
    }

    /// Whether the caller holds one of `roles` in a way that counts here: a partner in its own right, every
    /// other role only within the inbox's own organisation.
    pub fn holds_any(&self, roles: &[Role]) -> bool {
        roles
            .iter()
            .any(|role| self.roles.contains(role) && (*role == Role::Partner || self.own_organisation))
    }
}

/// Why a credential is not accepted: always a 401.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

/// Where the issuer's keys are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwksSource {
    /// A JWKS file (read again when it changes, by the same rules as a URL).
    File(PathBuf),
    /// The issuer's `jwks_uri`: HTTPS, or HTTP on loopback only.
    Url(reqwest::Url),
}

impl JwksSource {
    /// A URL source, refused unless it is HTTPS or plain HTTP to a loopback address.
    pub fn url(text: &str) -> Result<JwksSource, String> {
        let url = reqwest::Url::parse(text).map_err(|error| format!("`{text}` is not a URL: {error}"))?;
        let host = url.host_str().unwrap_or_default();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let loopback =
            host == "localhost" || host.parse::<IpAddr>().is_ok_and(|address| address.is_loopback());
        match url.scheme() {
            "https" => Ok(JwksSource::Url(url)),
            "http" if loopback => Ok(JwksSource::Url(url)),
            _ => Err(format!(
                "the key set URL `{text}` must be https:// (plain http only on loopback)"
            )),
        }
    }
}

impl fmt::Display for JwksSource {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwksSource::File(path) => write!(formatter, "{}", path.display()),
            JwksSource::Url(url) => write!(formatter, "{url}"),
        }
    }
}

/// How OpenID Connect access tokens are checked.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The `iss` every token must carry, exactly.
    pub issuer: String,
    /// The `aud` every token must carry (one of its values).
    pub audience: String,
    /// The issuer's key set.
    pub jwks: JwksSource,
    /// The claim holding the caller's role names (an array of strings, or one space-separated string); a
    /// claim name not found as is may be a dotted path into nested objects (`realm_access.roles`).
    pub roles_claim: String,
    /// The claim holding the caller's organisation (a string, which may hold spaces, or an array of
    /// strings).
    pub organisation_claim: String,
    /// The organisation whose documents this inbox holds.
    pub organisation: String,
    /// Role names in the tokens and the inbox roles they stand for; empty: the inbox's own names.
    pub role_names: Vec<(String, Role)>,
    /// The key set is never read again sooner than this after the last try.
    pub jwks_min_interval: Duration,
    /// The key set is read again when older than this (a key the issuer withdrew stops counting).
    pub jwks_max_age: Duration,
}

impl OidcConfig {
    /// Checks the settings that do not need the key set.
    pub fn check(&self) -> Result<(), String> {
        for (flag, value) in [
            ("--oidc-issuer", &self.issuer),
            ("--oidc-audience", &self.audience),
            ("--oidc-roles-claim", &self.roles_claim),
            ("--oidc-organisation-claim", &self.organisation_claim),
            ("--oidc-organisation", &self.organisation),
        ] {
            if value.trim().is_empty() {
                return Err(format!("{flag} must not be empty"));
            }
        }
        if self.role_names.iter().any(|(name, _)| name.trim().is_empty()) {
            return Err("--oidc-role needs a name in the tokens for each role: ROLE=NAME".to_owned());
        }
        Ok(())
    }

    fn roles_of(&self, names: &[&str]) -> BTreeSet<Role> {
        if self.role_names.is_empty() {
            return names.iter().filter_map(|name| name.parse().ok()).collect();
        }
        self.role_names
            .iter()
            .filter(|(name, _)| names.contains(&name.as_str()))
            .map(|(_, role)| *role)
            .collect()
    }
}

/// The issuer's keys as last read.
#[derive(Debug)]
struct Loaded {
    keys: Arc<Vec<Jwk>>,
    at: Instant,
}

/// OpenID Connect access tokens: the configuration and the issuer's keys.
#[derive(Debug)]
pub struct Oidc {
    config: OidcConfig,
    client: reqwest::Client,
    keys: RwLock<Loaded>,
    /// When the key set was last tried; held while it is read again, so one read serves every waiting call.
    refreshed: tokio::sync::Mutex<Instant>,
}

impl Oidc {
    /// Reads the key set once; the inbox does not start with keys it cannot read or none it can use.
    pub async fn start(config: OidcConfig) -> Result<Oidc, String> {
        config.check()?;
        let mut client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .redirect(reqwest::redirect::Policy::limited(3));
        if let JwksSource::Url(url) = &config.jwks
            && url.scheme() == "https"
        {
            client = client.https_only(true);
        }
        let client = client
            .build()
            .map_err(|error| format!("cannot set up the HTTP client for the key set: {error}"))?;
        let keys = read_keys(&client, &config.jwks).await?;
        let now = Instant::now();
        Ok(Oidc {
            config,
            client,
            keys: RwLock::new(Loaded {
                keys: Arc::new(keys),
                at: now,
            }),
            refreshed: tokio::sync::Mutex::new(now),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    fn current(&self) -> (Arc<Vec<Jwk>>, Instant) {
        match self.keys.read() {
            Ok(loaded) => (Arc::clone(&loaded.keys), loaded.at),
            Err(poisoned) => {
                let loaded = poisoned.into_inner();
                (Arc::clone(&loaded.keys), loaded.at)
            }
        }
    }

    /// Reads the key set again unless it was tried within the minimum interval; a failure keeps the keys
    /// as they were.
    async fn refresh(&self) {
        let mut tried = self.refreshed.lock().await;
        if tried.elapsed() < self.config.jwks_min_interval {
            return;
        }
        *tried = Instant::now();
        match read_keys(&self.client, &self.config.jwks).await {
            Ok(keys) => {
                let loaded = Loaded {
                    keys: Arc::new(keys),
                    at: Instant::now(),
                };
                match self.keys.write() {
                    Ok(mut current) => *current = loaded,
                    Err(poisoned) => *poisoned.into_inner() = loaded,
                }
            }
            Err(message) => eprintln!("tyokyky-inbox: keeping the keys as they were: {message}"),
        }
    }

    /// The key that checks a token signed with `algorithm` under `kid`, reading the key set again if the
    /// key is not known or the set is old.
    async fn key_for(&self, kid: Option<&str>, algorithm: Algorithm) -> Option<DecodingKey> {
        let (keys, at) = self.current();
        let found = pick_key(&keys, kid, algorithm);
        if found.is_some() && at.elapsed() < self.config.jwks_max_age {
            return found;
        }
        self.refresh().await;
        let (keys, _) = self.current();
        pick_key(&keys, kid, algorithm)
    }

    /// The caller an access token names, or why it is not valid.
    pub async fn verify(&self, token: &str) -> Result<Caller, Invalid> {
        let invalid = |message: &str| Invalid(message.to_owned());
        // An unknown `alg` (such as `none`) does not even parse as a header.
        let header = jsonwebtoken::decode_header(token).map_err(|_| {
            invalid("the bearer token is neither a configured token nor a JWT this inbox accepts (RS256 or ES256)")
        })?;
        if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
            return Err(Invalid(format!(
                "the token is signed with {:?}; this inbox accepts RS256 and ES256 only",
                header.alg
            )));
        }
        let key = self
            .key_for(header.kid.as_deref(), header.alg)
            .await
            .ok_or_else(|| invalid("the token is signed with a key that is not in the issuer's key set"))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_audience(&[&self.config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation).map_err(|error| {
            Invalid(
                match error.kind() {
                    ErrorKind::ExpiredSignature => "the token has expired",
                    ErrorKind::ImmatureSignature => "the token is not valid yet (nbf)",
                    ErrorKind::InvalidIssuer => "the token is from another issuer",
                    ErrorKind::InvalidAudience => "the token is meant for another audience",
                    ErrorKind::InvalidSignature => "the token's signature does not verify",
                    ErrorKind::MissingRequiredClaim(_) => "the token lacks a required claim (exp, iss, aud)",
                    ErrorKind::InvalidAlgorithm => "the token's algorithm does not match its key",
                    _ => "the token is not valid",
                }
                .to_owned(),
            )
        })?;
        let claims = data.claims;
        let names = strings(claim(&claims, &self.config.roles_claim));
        // An organisation's name may hold spaces: a string claim is one name, an array one per item.
        let organisations: Vec<&str> = match claim(&claims, &self.config.organisation_claim) {
            Some(Value::String(name)) => vec![name.trim()],
            other => strings(other),
        };
        let subject = claims
            .get("sub")
            .and_then(Value::as_str)
            .filter(|subject| !subject.trim().is_empty())
            .ok_or_else(|| {
                invalid("the token names no subject (`sub`): the access log must say who called")
            })?;
        Ok(Caller {
            subject: subject.chars().take(MAX_SUBJECT_CHARS).collect(),
            own_organisation: organisations.contains(&self.config.organisation.as_str()),
            organisations: organisations
                .iter()
                .map(|organisation| organisation.chars().take(MAX_SUBJECT_CHARS).collect())
                .collect(),
            roles: self.config.roles_of(&names),
        })
    }
}

/// The value of claim `name`: the top-level claim of that name, else the dotted path into nested objects.
fn claim<'a>(claims: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    claims.get(name).or_else(|| {
        let mut parts = name.split('.');
        let first = claims.get(parts.next()?)?;
        parts.try_fold(first, |value, part| value.get(part))
    })
}

/// The strings of a claim: an array of strings, or one string of space-separated names.
fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(text)) => text.split_whitespace().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether `jwk` can check a signature made with `algorithm`: of the algorithm's key type (RSA, or EC on
/// P-256), meant for signatures, and not declared for another algorithm.
fn fits(jwk: &Jwk, algorithm: Algorithm) -> bool {
    let of_type = match (&jwk.algorithm, algorithm) {
        (AlgorithmParameters::RSA(_), Algorithm::RS256) => true,
        (AlgorithmParameters::EllipticCurve(params), Algorithm::ES256) => params.curve == EllipticCurve::P256,
        _ => false,
    };
    let declared = match jwk.common.key_algorithm {
        None => true,
        Some(KeyAlgorithm::RS256) => algorithm == Algorithm::RS256,
        Some(KeyAlgorithm::ES256) => algorithm == Algorithm::ES256,
        Some(_) => false,
    };
    let for_signing = matches!(jwk.common.public_key_use, None | Some(PublicKeyUse::Signature));
    of_type && declared && for_signing
}

/// The key for `kid` (or, for a token without one, the only key that fits) that fits `algorithm`.
fn pick_key(keys: &[Jwk], kid: Option<&str>, algorithm: Algorithm) -> Option<DecodingKey> {
    let mut fitting = keys.iter().filter(|jwk| fits(jwk, algorithm));
    let jwk = match kid {
        Some(kid) => fitting.find(|jwk| jwk.common.key_id.as_deref() == Some(kid))?,
        None => {
            let only = fitting.next()?;
            if fitting.next().is_some() {
                return None;
            }
            only
        }
    };
    DecodingKey::from_jwk(jwk).ok()
}

/// The usable keys of a JWKS text; keys of kinds this inbox does not use are left out.
pub fn parse_keys(text: &[u8]) -> Result<Vec<Jwk>, String> {
    let value: Value = serde_json::from_slice(text).map_err(|error| format!("not JSON: {error}"))?;
    let Some(items) = value.get("keys").and_then(Value::as_array) else {
        return Err("not a key set: no `keys` array".to_owned());
    };
    let keys: Vec<Jwk> = items
        .iter()
        .filter_map(|item| serde_json::from_value::<Jwk>(item.clone()).ok())
        .filter(|jwk| fits(jwk, Algorithm::RS256) || fits(jwk, Algorithm::ES256))
        .collect();
    if keys.is_empty() {
        return Err("no RS256 or ES256 signing key in the set".to_owned());
    }
    Ok(keys)
}

async fn read_keys(client: &reqwest::Client, source: &JwksSource) -> Result<Vec<Jwk>, String> {
    let text = match source {
        JwksSource::File(path) => {
            let text = tokio::fs::read(path)
                .await
                .map_err(|error| format!("cannot read the key set `{source}`: {error}"))?;
            if text.len() > MAX_JWKS_BYTES {
                return Err(format!(
                    "the key set `{source}` is larger than {MAX_JWKS_BYTES} bytes"
                ));
            }
            text
        }
        JwksSource::Url(url) => fetch(client, url)
            .await
            .map_err(|error| format!("cannot fetch the key set `{source}`: {error}"))?,
    };
    parse_keys(&text).map_err(|error| format!("the key set `{source}`: {error}"))
}

async fn fetch(client: &reqwest::Client, url: &reqwest::Url) -> Result<Vec<u8>, String> {
    let mut response = client
        .get(url.clone())
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.status().is_success() {
        return Err(format!("the issuer answered {}", response.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|error| error.to_string())? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_JWKS_BYTES {
            return Err(format!("larger than {MAX_JWKS_BYTES} bytes"));
        }
    }
    Ok(body)
}

/// Every credential the inbox accepts.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    /// The static token of the submitter role.
    pub submit_token: Option<Arc<str>>,
    /// The static token of the worker role.
    pub read_token: Option<Arc<str>>,
    /// OpenID Connect access tokens.
    pub oidc: Option<Arc<Oidc>>,
}

impl Credentials {
    /// Whether submitting needs a credential: a submit token or OpenID Connect is configured.
    pub fn submitting_guarded(&self) -> bool {
        self.submit_token.is_some() || self.oidc.is_some()
    }

    /// Whether any credential can read: a read token or OpenID Connect is configured.
    pub fn reading_possible(&self) -> bool {
        self.read_token.is_some() || self.oidc.is_some()
    }

    /// The caller named by the request's `Authorization`, `None` without one.
    pub async fn identify(&self, authorization: Option<&[u8]>) -> Result<Option<Caller>, Invalid> {
        let Some(value) = authorization else {
            return Ok(None);
        };
        let token = std::str::from_utf8(value)
            .ok()
            .and_then(|value| {
                let (scheme, token) = value.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|token| !token.is_empty())
            .ok_or_else(|| Invalid("send the credential as `Authorization: Bearer <token>`".to_owned()))?;
        // Both static tokens are compared every time, so the answer's timing does not tell which matched.
        let submitter = self
            .submit_token
            .as_deref()
            .is_some_and(|wanted| same_secret(token.as_bytes(), wanted.as_bytes()));
        let worker = self
            .read_token
            .as_deref()
            .is_some_and(|wanted| same_secret(token.as_bytes(), wanted.as_bytes()));
        match (worker, submitter, &self.oidc) {
            (true, _, _) => Ok(Some(Caller::with(Role::Worker, "read-token"))),
            (false, true, _) => Ok(Some(Caller::with(Role::Submitter, "submit-token"))),
            (false, false, Some(oidc)) => oidc.verify(token).await.map(Some),
            (false, false, None) => Err(Invalid("the bearer token is not valid here".to_owned())),
        }
    }
}

/// Compares two secrets in time that depends only on their lengths.
fn same_secret(given: &[u8], wanted: &[u8]) -> bool {
    given.len() == wanted.len()
        && given
            .iter()
            .zip(wanted)
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_found_by_name_or_by_dotted_path() {
        let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({
            "https://tyokyky.example.fi/roles": ["worker"],
            "realm_access": { "roles": ["admin", "other"] },
            "scope": "submitter worker",
        }))
        .unwrap_or_default();
        assert_eq!(
            strings(claim(&claims, "https://tyokyky.example.fi/roles")),
            ["worker"]
        );
        assert_eq!(strings(claim(&claims, "realm_access.roles")), ["admin", "other"]);
        assert_eq!(strings(claim(&claims, "scope")), ["submitter", "worker"]);
        assert!(strings(claim(&claims, "realm_access.missing")).is_empty());
    }

    #[test]
    fn a_key_set_url_is_https_or_loopback() {
        assert!(JwksSource::url("https://login.example.fi/jwks").is_ok());
        assert!(JwksSource::url("http://127.0.0.1:9000/jwks").is_ok());
        assert!(JwksSource::url("http://localhost/jwks").is_ok());
        assert!(JwksSource::url("http://[::1]:9000/jwks").is_ok());
        assert!(JwksSource::url("http://login.example.fi/jwks").is_err());
        assert!(JwksSource::url("file:///etc/jwks.json").is_err());
    }

    #[test]
    fn roles_are_mapped_by_name() {
        let config = |role_names| OidcConfig {
            issuer: "https://login.example.fi".into(),
            audience: "tyokyky-inbox".into(),
            jwks: JwksSource::File("jwks.json".into()),
            roles_claim: "roles".into(),
            organisation_claim: "org".into(),
            organisation: "esimerkki".into(),
            role_names,
            jwks_min_interval: Duration::from_secs(60),
            jwks_max_age: Duration::from_secs(3600),
        };
        assert_eq!(
            config(Vec::new()).roles_of(&["worker", "Admin", "nobody"]),
            BTreeSet::from([Role::Worker])
        );
        let mapped = config(vec![
            ("sosiaalityo".into(), Role::Worker),
            ("paakayttaja".into(), Role::Admin),
        ]);
        assert_eq!(
            mapped.roles_of(&["worker", "paakayttaja"]),
            BTreeSet::from([Role::Admin])
        );
    }
}
