//! The inbox binary's OpenID Connect settings: a setting that cannot work stops the start with a message
//! naming it; a complete one starts.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed unwrap is a failed test"
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey};

fn inbox(dir: &tempfile::TempDir, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tyokyky-inbox"));
    command
        .args(["--port", "0", "--dist", "no-app-here", "--data-dir"])
        .arg(dir.path())
        .args(args)
        .stdin(Stdio::null());
    // The caller's own TYOKYKY_* settings must not leak in.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("TYOKYKY_") {
            command.env_remove(name);
        }
    }
    command
}

#[test]
fn oidc_settings_that_cannot_work_stop_the_start_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for (args, words) in [
        (
            &["--oidc-issuer", "https://tunnistus.example.fi"][..],
            "is needed too",
        ),
        (&["--oidc-audience", "tyokyky-inbox"][..], "need --oidc-issuer"),
        (
            &[
                "--oidc-issuer",
                "https://tunnistus.example.fi",
                "--oidc-audience",
                "tyokyky-inbox",
                "--oidc-organisation",
                "esimerkki",
                "--oidc-jwks-url",
                "http://tunnistus.example.fi/certs",
            ][..],
            "must be https://",
        ),
        (
            &[
                "--oidc-issuer",
                "https://tunnistus.example.fi",
                "--oidc-audience",
                "tyokyky-inbox",
                "--oidc-jwks-file",
                "missing.json",
            ][..],
            "--oidc-organisation is needed too",
        ),
        (&["--oidc-role", "wizard=velho"][..], "not a role"),
    ] {
        let output = inbox(&dir, args).output().unwrap();
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(words), "{args:?}: {stderr}");
    }
}

#[test]
fn a_complete_oidc_setting_starts() {
    let dir = tempfile::tempdir().unwrap();
    let key = EncodingKey::from_rsa_pem(include_bytes!("fixtures/oidc/rsa-signing.test-only.pem")).unwrap();
    let jwks = dir.path().join("jwks.json");
    let set = JwkSet {
        keys: vec![Jwk::from_encoding_key(&key, Algorithm::RS256).unwrap()],
    };
    std::fs::write(&jwks, serde_json::to_string(&set).unwrap()).unwrap();
    let mut child = inbox(
        &dir,
        &[
            "--oidc-issuer",
            "https://tunnistus.example.fi",
            "--oidc-audience",
            "tyokyky-inbox",
            "--oidc-organisation",
            "esimerkki",
            "--oidc-role",
            "worker=sosiaaliohjaaja,admin=yllapito",
            "--oidc-jwks-file",
        ],
    )
    .arg(&jwks)
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(line.contains("listening on http://"), "{line}");
}
