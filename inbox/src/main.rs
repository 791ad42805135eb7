//! `tyokyky-inbox`: run the reference inbox. Configuration by flags or environment (see `--help`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use tyokyky_engine::document::DocumentKind;
use tyokyky_inbox::api::{RouterConfig, router};
use tyokyky_inbox::auth::{JwksSource, Oidc, OidcConfig, Role};
use tyokyky_inbox::outbox::OutboxKeys;
use tyokyky_inbox::relay::{Downstream, RelayConfig, Schedule, Secret};
use tyokyky_inbox::seal::Keys;
use tyokyky_inbox::serve::{ServeConfig, Stopped, serve};
use tyokyky_inbox::store::{Database, Expired, LogVerification, Retention, Store};

/// The reference inbox for tyokyky: serves the app and stores the documents it posts in SQLite, or in
/// PostgreSQL shared by several instances.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on. Keep it on loopback unless a TLS proxy stands in front: bearer credentials
    /// must not travel in clear text.
    #[arg(long, env = "TYOKYKY_HOST", default_value = "127.0.0.1")]
    host: std::net::IpAddr,
    /// Port to listen on; 0 picks a free one (the URL printed at start says which).
    #[arg(long, env = "TYOKYKY_PORT", default_value_t = 8080)]
    port: u16,
    /// Folder for the SQLite database (`inbox.sqlite3`); created if missing. Not used with --database.
    #[arg(long, env = "TYOKYKY_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// A PostgreSQL database to store in instead of the SQLite file, as a URL:
    /// `postgres://user[:password]@host[:port]/database`; `?sslmode=require` for TLS, the server's
    /// certificate checked against the system's trust store.
    /// Several inboxes may share one; its tables are made and migrated at start.
    #[arg(long, env = "TYOKYKY_DATABASE", hide_env_values = true)]
    database: Option<String>,
    /// With --database, connections to PostgreSQL at most (a pool; requests wait for a free one).
    #[arg(long, env = "TYOKYKY_DATABASE_CONNECTIONS", default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=1000))]
    database_connections: u32,
    /// The built app (trunk's dist folder) to serve at `/`.
    #[arg(long, env = "TYOKYKY_DIST", default_value = "dist")]
    dist: PathBuf,
    /// Largest document accepted, in bytes.
    #[arg(long, env = "TYOKYKY_MAX_BODY_BYTES", default_value_t = 256 * 1024)]
    max_body_bytes: usize,
    /// Bearer token of the submitter role: submits documents and saves drafts (the host portal hands it to
    /// the app). With neither this nor OpenID Connect, anyone may submit (the public self-assessment).
    #[arg(long, env = "TYOKYKY_SUBMIT_TOKEN", hide_env_values = true)]
    submit_token: Option<String>,
    /// Bearer token of the worker role: lists, fetches and marks documents, keeps drafts, and submits.
    /// With neither this nor OpenID Connect, nothing can be read, on any address.
    #[arg(long, env = "TYOKYKY_READ_TOKEN", hide_env_values = true)]
    read_token: Option<String>,
    /// OpenID Connect: the issuer (`iss`) whose access tokens (RS256 or ES256 JWTs) are accepted. Turns on
    /// the other --oidc-* settings; submitting then needs a credential too.
    #[arg(long, env = "TYOKYKY_OIDC_ISSUER")]
    oidc_issuer: Option<String>,
    /// OpenID Connect: the audience (`aud`) the tokens must be issued for, e.g. `tyokyky-inbox`.
    #[arg(long, env = "TYOKYKY_OIDC_AUDIENCE")]
    oidc_audience: Option<String>,
    /// OpenID Connect: the issuer's key set (its `jwks_uri`): HTTPS (plain HTTP on loopback only); read at
    /// start, again for an unknown key id and when old. Or give --oidc-jwks-file.
    #[arg(long, env = "TYOKYKY_OIDC_JWKS_URL", conflicts_with = "oidc_jwks_file")]
    oidc_jwks_url: Option<String>,
    /// OpenID Connect: the issuer's key set as a JWKS file, read at start and by the same rules as a URL.
    #[arg(long, env = "TYOKYKY_OIDC_JWKS_FILE")]
    oidc_jwks_file: Option<PathBuf>,
    /// OpenID Connect: the organisation whose documents this inbox holds, as the organisation claim names
    /// it; every role but partner counts only with it.
    #[arg(long, env = "TYOKYKY_OIDC_ORGANISATION")]
    oidc_organisation: Option<String>,
    /// OpenID Connect: the claim with the caller's organisation (a string or an array of strings).
    #[arg(long, env = "TYOKYKY_OIDC_ORGANISATION_CLAIM", default_value = "org")]
    oidc_organisation_claim: String,
    /// OpenID Connect: the claim with the caller's role names (an array, or a space-separated string); a
    /// dotted path reaches into an object (`realm_access.roles`).
    #[arg(long, env = "TYOKYKY_OIDC_ROLES_CLAIM", default_value = "roles")]
    oidc_roles_claim: String,
    /// OpenID Connect: which role name in the tokens stands for which inbox role, as ROLE=NAME
    /// (comma-separated; roles: submitter, worker, partner, admin), e.g.
    /// `worker=sosiaaliohjaaja,admin=tyokyky-yllapito`. Without it, the names are the roles' own.
    #[arg(long, env = "TYOKYKY_OIDC_ROLES", value_delimiter = ',', value_parser = role_name)]
    oidc_role: Vec<(String, Role)>,
    /// A name a partner organisation goes by in plans, as ORGANISATION=NAME: ORGANISATION as its
    /// credential's organisation claim names it, NAME as the plans name the partner (`;`-separated in the
    /// environment), e.g. `0245437-2=Kela`. A partner is always known by its organisation's own name too;
    /// names are compared ignoring case and runs of spaces.
    #[arg(long, env = "TYOKYKY_PARTNER_NAMES", value_delimiter = ';', value_parser = partner_name)]
    partner_name: Vec<(String, String)>,
    /// OpenID Connect: the key set is never read again sooner than this after the last try, in seconds.
    #[arg(long, env = "TYOKYKY_OIDC_JWKS_MIN_INTERVAL", default_value_t = 60)]
    oidc_jwks_min_interval: u64,
    /// OpenID Connect: the key set is read again when older than this, in seconds.
    #[arg(long, env = "TYOKYKY_OIDC_JWKS_MAX_AGE", default_value_t = 3600)]
    oidc_jwks_max_age: u64,
    /// Origins whose pages may call the API from a browser (comma-separated, e.g.
    /// `https://portal.example.fi`).
    #[arg(long, env = "TYOKYKY_CORS_ORIGINS", value_delimiter = ',')]
    cors_origin: Vec<String>,
    /// Origins whose pages may show the app in a frame, besides the inbox's own (comma-separated).
    #[arg(long, env = "TYOKYKY_FRAME_ANCESTORS", value_delimiter = ',')]
    frame_ancestor: Vec<String>,
    /// On SIGTERM or Ctrl-C, how long requests in flight may take to finish, in seconds. The port closes
    /// at once; a connection still open after the grace period (a stalled or half-sent request) is
    /// dropped and the inbox exits. A document is stored in one database transaction before it is
    /// acknowledged, so stopping mid-request loses nothing that was acknowledged.
    #[arg(long, env = "TYOKYKY_SHUTDOWN_GRACE", default_value_t = 10)]
    shutdown_grace: u64,
    /// A file of keys that seal the documents and drafts at rest (AES-256-GCM), one per line,
    /// `<id>:<64 hex digits>`, the current key first (make one with `--new-key <id>`). To rotate, put a new
    /// key first, keep the old ones and restart: the older rows are sealed again in the background.
    #[arg(long, env = "TYOKYKY_KEY_FILE", conflicts_with = "keys")]
    key_file: Option<PathBuf>,
    /// The same keys given in the environment instead of a file (lines or `;`-separated).
    #[arg(long, env = "TYOKYKY_KEYS", hide_env_values = true)]
    keys: Option<String>,
    /// How many days each kind of document is kept after it was received, and a draft after its newest
    /// version: `kind=days`, repeated or comma-separated, kinds `contact_request`, `feedback`,
    /// `work_ability_check`, `client_plan`, `draft`. What is past its period is deleted at start and then
    /// every hour; a kind without a period is kept.
    #[arg(
        long = "retain",
        env = "TYOKYKY_RETAIN",
        value_delimiter = ',',
        value_name = "KIND=DAYS"
    )]
    retain: Vec<String>,
    /// Checks the access log's chain of hashes from its first entry, prints the count and the newest
    /// entry's hash (to note and compare later), and exits; exits with 1 naming the entry where the chain
    /// breaks (an entry changed or removed).
    #[arg(long)]
    verify_access_log: bool,
    /// Deletes what the retention periods no longer keep, once, and exits (for a scheduler of its own).
    #[arg(long)]
    expire_now: bool,
    /// Prints a new random key line with this id for the key file, and exits.
    #[arg(long, value_name = "ID")]
    new_key: Option<String>,
    /// A file of P-256 private keys that open documents a kiosk sealed while the inbox was out of reach,
    /// one per line, `<id>:<64 hex digits>`, the published (current) key first (make one with
    /// `--new-outbox-key <id>`). To rotate, put a new key first and keep the old ones while kiosks may
    /// hold something sealed for them. Without it, `GET /api/outbox-key` is 404 and kiosks seal nothing.
    #[arg(long, env = "TYOKYKY_OUTBOX_KEY_FILE", conflicts_with = "outbox_keys")]
    outbox_key_file: Option<PathBuf>,
    /// The same outbox keys given in the environment instead of a file (lines or `;`-separated).
    #[arg(long, env = "TYOKYKY_OUTBOX_KEYS", hide_env_values = true)]
    outbox_keys: Option<String>,
    /// Prints a new random outbox key line with this id, and exits.
    #[arg(long, value_name = "ID")]
    new_outbox_key: Option<String>,
    /// Seconds a request's head (its line and headers) may take to arrive, from when the connection is
    /// ready for it; a kept-alive connection waiting that long for its next request is closed too.
    #[arg(long, env = "TYOKYKY_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Seconds a request's body may take to arrive, from the end of its head; a slower one is answered
    /// 408 `request_timeout`.
    #[arg(long, env = "TYOKYKY_BODY_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    body_timeout: u64,
    /// Seconds a connection may go without a byte read or written while the inbox waits on it (a client
    /// that stops reading the answer) before it is closed.
    #[arg(long, env = "TYOKYKY_IDLE_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout: u64,
    /// Connections served at once. More wait to be accepted (in the kernel's listen queue) until one
    /// closes; every phase of a connection is timed, so a place frees within the longest timeout.
    #[arg(long, env = "TYOKYKY_MAX_CONNECTIONS", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    max_connections: u64,
    /// The relay: a downstream endpoint (the county's integration platform or case system) to which
    /// every stored document is also posted, at least once, signed as Standard Webhooks asks. Repeat it
    /// (comma-separated in the environment) for several. HTTPS; plain HTTP only on loopback. Needs
    /// --forward-secret.
    #[arg(
        long = "forward",
        env = "TYOKYKY_FORWARD",
        value_delimiter = ',',
        value_name = "URL"
    )]
    forward: Vec<String>,
    /// The relay: the secret shared with the downstreams that signs every forward, `whsec_` and 24 to 64
    /// bytes in base64 (make one with `--new-forward-secret`). Better given in the environment.
    #[arg(
        long,
        env = "TYOKYKY_FORWARD_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    forward_secret: Option<String>,
    /// The relay: forward only these kinds of document (repeated or comma-separated:
    /// `contact_request`, `feedback`, `work_ability_check`, `client_plan`); every kind without it.
    #[arg(
        long = "forward-kind",
        env = "TYOKYKY_FORWARD_KINDS",
        value_delimiter = ',',
        value_name = "KIND"
    )]
    forward_kind: Vec<String>,
    /// The relay: seconds one attempt may take, from connecting to the answer's head; no answer by then
    /// is tried again later.
    #[arg(long, env = "TYOKYKY_FORWARD_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    forward_timeout: u64,
    /// The relay: milliseconds to wait after a forward's first failed attempt; the wait doubles after
    /// each further one up to --forward-retry-cap, drawn between half and all of it.
    #[arg(long, env = "TYOKYKY_FORWARD_RETRY_FIRST_MS", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(1..))]
    forward_retry_first_ms: u64,
    /// The relay: the longest wait between attempts, in seconds.
    #[arg(long, env = "TYOKYKY_FORWARD_RETRY_CAP", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    forward_retry_cap: u64,
    /// The relay: attempts at a forward at most; one still failing then is dead (listed for an
    /// administrator, who may replay it). At the defaults, 300 attempts take about a day and a half.
    #[arg(long, env = "TYOKYKY_FORWARD_MAX_ATTEMPTS", default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..))]
    forward_max_attempts: u32,
    /// Prints a new random secret for --forward-secret, and exits.
    #[arg(long)]
    new_forward_secret: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("tyokyky-inbox: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(args));
    // Store work still running on a blocking thread (a document not yet acknowledged) is not waited for:
    // its transaction rolls back, and the client, without a receipt, sends it again.
    runtime.shutdown_timeout(Duration::from_millis(500));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tyokyky-inbox: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `ORGANISATION=NAME` of `--partner-name`.
fn partner_name(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((organisation, name)) if !organisation.trim().is_empty() && !name.trim().is_empty() => {
            Ok((organisation.trim().to_owned(), name.trim().to_owned()))
        }
        _ => Err(format!(
            "`{text}` is not ORGANISATION=NAME (the organisation as the credential names it, the name as plans do)"
        )),
    }
}

/// `ROLE=NAME` of `--oidc-role`.
fn role_name(text: &str) -> Result<(String, Role), String> {
    let (role, name) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not ROLE=NAME, e.g. worker=sosiaaliohjaaja"))?;
    Ok((name.trim().to_owned(), role.trim().parse()?))
}

/// The relay's settings, if `--forward` is given.
fn relay_config(args: &Args) -> Result<Option<RelayConfig>, String> {
    if args.forward.is_empty() {
        if args.forward_secret.is_some() || !args.forward_kind.is_empty() {
            return Err(
                "--forward-secret and --forward-kind need --forward (TYOKYKY_FORWARD): the URL to forward to"
                    .to_owned(),
            );
        }
        return Ok(None);
    }
    let mut downstreams: Vec<Downstream> = Vec::new();
    for text in &args.forward {
        let downstream = Downstream::parse(text).map_err(|message| format!("--forward: {message}"))?;
        if downstreams.contains(&downstream) {
            return Err(format!("--forward: `{text}` is given twice"));
        }
        downstreams.push(downstream);
    }
    let secret = match &args.forward_secret {
        Some(text) => Secret::parse(text).map_err(|message| format!("--forward-secret: {message}"))?,
        None => {
            return Err(
                "--forward needs --forward-secret (TYOKYKY_FORWARD_SECRET): every forward is signed, so \
                 that the downstream can tell it comes from this inbox; make one with --new-forward-secret \
                 and give it to the downstream too"
                    .to_owned(),
            );
        }
    };
    let mut kinds = Vec::new();
    for name in &args.forward_kind {
        let kind = DocumentKind::from_name(name.trim()).ok_or_else(|| {
            let names: Vec<&str> = DocumentKind::ALL.iter().map(|kind| kind.as_str()).collect();
            format!("--forward-kind: `{name}` is not one of {}", names.join(", "))
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(Some(RelayConfig {
        downstreams,
        secret,
        kinds,
        timeout: Duration::from_secs(args.forward_timeout),
        schedule: Schedule {
            first: Duration::from_millis(args.forward_retry_first_ms),
            cap: Duration::from_secs(args.forward_retry_cap),
            max_attempts: args.forward_max_attempts,
        },
    }))
}

/// The OpenID Connect settings, if any are given.
fn oidc_config(args: &Args) -> Result<Option<OidcConfig>, String> {
    let Some(issuer) = args.oidc_issuer.clone() else {
        let stray = args.oidc_audience.is_some()
            || args.oidc_jwks_url.is_some()
            || args.oidc_jwks_file.is_some()
            || args.oidc_organisation.is_some()
            || !args.oidc_role.is_empty();
        if stray {
            return Err("the --oidc-* settings need --oidc-issuer (TYOKYKY_OIDC_ISSUER)".to_owned());
        }
        return Ok(None);
    };
    let missing = |flag: &str| format!("with --oidc-issuer, {flag} is needed too");
    let jwks = match (&args.oidc_jwks_url, &args.oidc_jwks_file) {
        (Some(url), None) => JwksSource::url(url)?,
        (None, Some(file)) => JwksSource::File(file.clone()),
        _ => return Err(missing("--oidc-jwks-url or --oidc-jwks-file")),
    };
    Ok(Some(OidcConfig {
        issuer,
        audience: args
            .oidc_audience
            .clone()
            .ok_or_else(|| missing("--oidc-audience"))?,
        jwks,
        roles_claim: args.oidc_roles_claim.clone(),
        organisation_claim: args.oidc_organisation_claim.clone(),
        organisation: args
            .oidc_organisation
            .clone()
            .ok_or_else(|| missing("--oidc-organisation"))?,
        role_names: args.oidc_role.clone(),
        jwks_min_interval: std::time::Duration::from_secs(args.oidc_jwks_min_interval),
        jwks_max_age: std::time::Duration::from_secs(args.oidc_jwks_max_age),
    }))
}

async fn run(args: Args) -> Result<(), String> {
    if let Some(id) = &args.new_key {
        let line = Keys::generate_line(id);
        Keys::parse(&line).map_err(|message| format!("--new-key: {message}"))?;
        println!("{line}");
        return Ok(());
    }
    if args.new_forward_secret {
        println!("{}", Secret::generate());
        return Ok(());
    }
    if let Some(id) = &args.new_outbox_key {
        let line = OutboxKeys::generate_line(id);
        OutboxKeys::parse(&line).map_err(|message| format!("--new-outbox-key: {message}"))?;
        println!("{line}");
        return Ok(());
    }
    let outbox_keys = match (&args.outbox_key_file, &args.outbox_keys) {
        (Some(file), _) => Some(
            std::fs::read_to_string(file)
                .map_err(|error| format!("cannot read the outbox key file `{}`: {error}", file.display()))
                .and_then(|text| {
                    OutboxKeys::parse(&text).map_err(|message| format!("{}: {message}", file.display()))
                })?,
        ),
        (None, Some(text)) => Some(
            OutboxKeys::parse(&text.replace(';', "\n"))
                .map_err(|message| format!("TYOKYKY_OUTBOX_KEYS: {message}"))?,
        ),
        (None, None) => None,
    };
    let keys = match (&args.key_file, &args.keys) {
        (Some(file), _) => Some(
            std::fs::read_to_string(file)
                .map_err(|error| format!("cannot read the key file `{}`: {error}", file.display()))
                .and_then(|text| {
                    Keys::parse(&text).map_err(|message| format!("{}: {message}", file.display()))
                })?,
        ),
        (None, Some(text)) => Some(
            Keys::parse(&text.replace(';', "\n")).map_err(|message| format!("TYOKYKY_KEYS: {message}"))?,
        ),
        (None, None) => None,
    };
    let oidc = match oidc_config(&args)? {
        Some(config) => Some(std::sync::Arc::new(Oidc::start(config).await?)),
        None => None,
    };
    if args.read_token.is_none() && oidc.is_none() {
        eprintln!(
            "tyokyky-inbox: no --read-token and no OpenID Connect: documents and drafts cannot be read \
             (every read is refused with 403)"
        );
    }
    for origin in args.cors_origin.iter().chain(&args.frame_ancestor) {
        if !(origin.starts_with("https://") || origin.starts_with("http://")) || origin.ends_with('/') {
            return Err(format!(
                "`{origin}` is not an origin: write it as scheme://host[:port], without a path"
            ));
        }
    }
    let database = match &args.database {
        Some(url) => Database::postgres(url, args.database_connections)?,
        None => {
            std::fs::create_dir_all(&args.data_dir).map_err(|error| {
                format!("cannot create data folder `{}`: {error}", args.data_dir.display())
            })?;
            Database::Sqlite(args.data_dir.join("inbox.sqlite3"))
        }
    };
    let retention = Retention::parse(&args.retain)?;
    let relay = relay_config(&args)?;
    let sealed = keys.is_some();
    // Opened on a blocking thread: PostgreSQL's client blocks on a runtime of its own.
    let opening = database.clone();
    let store = tokio::task::spawn_blocking(move || Store::open_database(&opening, keys))
        .await
        .map_err(|error| error.to_string())?
        .map_err(|error| format!("cannot open database `{}`: {error}", database.describe()))?;
    if sealed {
        // Rows stored plain or under an older key are sealed with the current one, a batch at a time, while
        // the inbox serves.
        let resealing = store.clone();
        tokio::task::spawn_blocking(move || {
            let mut total = 0;
            loop {
                match resealing.reseal(200) {
                    Ok(0) => break,
                    Ok(count) => total += count,
                    Err(error) => {
                        eprintln!("tyokyky-inbox: sealing older rows stopped: {error}");
                        return;
                    }
                }
            }
            if total > 0 {
                println!("tyokyky inbox sealed {total} older rows with the current key");
            }
        });
    }
    if args.verify_access_log {
        let verifying = store.clone();
        let verification = tokio::task::spawn_blocking(move || verifying.verify_access_log())
            .await
            .map_err(|error| error.to_string())?;
        return match verification.map_err(|error| error.to_string())? {
            LogVerification::Intact { entries, head } => {
                println!("access log: {entries} entries, intact; head {head}");
                Ok(())
            }
            LogVerification::Broken { seq, why } => Err(format!("access log broken at entry {seq}: {why}")),
        };
    }
    if args.expire_now {
        let expiring = store.clone();
        let expired = tokio::task::spawn_blocking(move || expiring.expire(&retention, chrono::Utc::now()))
            .await
            .map_err(|error| error.to_string())?
            .map_err(|error| error.to_string())?;
        println!("tyokyky inbox: {}", expired_text(&expired));
        return Ok(());
    }
    if retention.is_set() {
        let expiring = store.clone();
        tokio::spawn(async move {
            let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                hourly.tick().await;
                let store = expiring.clone();
                match tokio::task::spawn_blocking(move || store.expire(&retention, chrono::Utc::now())).await
                {
                    Ok(Ok(expired)) if expired.total() > 0 => {
                        println!("tyokyky inbox: {}", expired_text(&expired))
                    }
                    Ok(Ok(_)) => {}
                    Ok(Err(error)) => eprintln!("tyokyky-inbox: retention: {error}"),
                    Err(error) => eprintln!("tyokyky-inbox: retention: {error}"),
                }
            }
        });
    }
    // Only an inbox that serves sends: not one started to verify the log or expire once.
    let forwarding = relay.as_ref().map(|config| {
        let origins: Vec<String> = config.downstreams.iter().map(Downstream::origin).collect();
        origins.join(", ")
    });
    let store = match relay {
        Some(config) => tyokyky_inbox::relay::start(store, config)?,
        None => store,
    };
    let dist = if args.dist.join("index.html").is_file() {
        Some(args.dist.clone())
    } else {
        eprintln!(
            "tyokyky-inbox: no app at `{}` (index.html missing); serving the API only",
            args.dist.display()
        );
        None
    };
    let app = router(
        store,
        &RouterConfig {
            max_body_bytes: args.max_body_bytes,
            submit_token: args.submit_token,
            read_token: args.read_token,
            oidc,
            cors_origins: args.cors_origin,
            frame_ancestors: args.frame_ancestor,
            partner_names: args.partner_name,
            body_timeout: Duration::from_secs(args.body_timeout),
            outbox_keys: outbox_keys.map(std::sync::Arc::new),
            ..RouterConfig::new(dist)
        },
    );
    let listener = listen(SocketAddr::new(args.host, args.port))
        .map_err(|error| format!("cannot listen on {}:{}: {error}", args.host, args.port))?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    println!(
        "tyokyky inbox listening on http://{address}/ (database: {})",
        database.describe()
    );
    if let Some(origins) = forwarding {
        println!("tyokyky inbox forwards the documents it stores to {origins}");
    }
    let config = ServeConfig {
        header_timeout: Duration::from_secs(args.header_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        grace: Duration::from_secs(args.shutdown_grace),
    };
    if serve(listener, app, &config, shutdown_signal()).await == Stopped::GraceRanOut {
        eprintln!(
            "tyokyky-inbox: connections still open {} s after the signal; stopping without them",
            args.shutdown_grace
        );
    }
    println!("tyokyky inbox stopped");
    Ok(())
}

/// What a retention run deleted, in one line.
fn expired_text(expired: &Expired) -> String {
    let mut parts: Vec<String> = expired
        .documents
        .iter()
        .map(|(kind, count)| format!("{count} {}", kind.as_str()))
        .collect();
    if expired.drafts > 0 {
        parts.push(format!("{} draft versions", expired.drafts));
    }
    if parts.is_empty() {
        "nothing past its retention period".to_owned()
    } else {
        format!("deleted past their retention period: {}", parts.join(", "))
    }
}

/// Connections the kernel keeps waiting to be accepted (capped by `net.core.somaxconn`): beyond
/// `--max-connections`, a burst waits here rather than have its connections refused.
const LISTEN_QUEUE: u32 = 4096;

/// A listener on `address` with a deep queue of connections waiting to be accepted.
fn listen(address: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_QUEUE)
}

/// Resolves on Ctrl-C or SIGTERM; requests in flight then have the grace period to finish.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
