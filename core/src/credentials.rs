//! Credentials: project (api key + secret) or Vonage application (application id + RSA key).

use std::fmt;
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ring::hmac;
use ring::rand::SystemRandom;
use ring::signature::{RsaKeyPair, RSA_PKCS1_SHA256};

use crate::error::{Error, Result};

/// A secret that never shows up in `Debug` output.
#[derive(Clone)]
pub(crate) struct ProjectSecret {
    pub(crate) hs256: hmac::Key,
    /// Pre-keyed HMAC-SHA1 state (RustCrypto: uses SHA-NI where the CPU has it), cloned per T1 token.
    pub(crate) sha1: ::hmac::Hmac<sha1::Sha1>,
}

/// An RSA private key, parsed once.
#[derive(Clone)]
pub(crate) struct RsaKey {
    pub(crate) pair: Arc<RsaKeyPair>,
    rng: SystemRandom,
}

impl RsaKey {
    /// Parses a PEM (`BEGIN PRIVATE KEY` PKCS#8 or `BEGIN RSA PRIVATE KEY` PKCS#1).
    pub(crate) fn from_pem(pem: &str) -> Result<Self> {
        let bad = |r: &str| Error::invalid("private_key", r);
        let pem = pem.trim();
        let (label, body) =
            pem_body(pem).ok_or_else(|| bad("is not a PEM-encoded RSA private key"))?;
        let der = STANDARD
            .decode(body)
            .map_err(|_| bad("PEM body is not valid base64"))?;
        let pair = match label {
            "PRIVATE KEY" => RsaKeyPair::from_pkcs8(&der),
            "RSA PRIVATE KEY" => RsaKeyPair::from_der(&der),
            _ => return Err(bad("must be a `PRIVATE KEY` or `RSA PRIVATE KEY` PEM")),
        }
        .map_err(|_| bad("is not a usable RSA private key"))?;
        Ok(RsaKey {
            pair: Arc::new(pair),
            rng: SystemRandom::new(),
        })
    }

    /// RS256 signature of `msg`.
    pub(crate) fn sign(&self, msg: &[u8]) -> Result<Vec<u8>> {
        let mut sig = vec![0u8; self.pair.public().modulus_len()];
        self.pair
            .sign(&RSA_PKCS1_SHA256, &self.rng, msg, &mut sig)
            .map_err(|_| Error::invalid("private_key", "RSA signing failed"))?;
        Ok(sig)
    }
}

fn pem_body(pem: &str) -> Option<(&str, String)> {
    let start = pem.strip_prefix("-----BEGIN ")?;
    let (label, rest) = start.split_once("-----")?;
    let end_marker = format!("-----END {label}-----");
    let body = rest.split(end_marker.as_str()).next()?;
    Some((label, body.chars().filter(|c| !c.is_whitespace()).collect()))
}

/// The credentials an [`crate::OpenTok`] client signs with.
#[derive(Clone)]
pub enum Credentials {
    /// OpenTok project credentials.
    Project {
        /// The project's api key.
        api_key: String,
        /// Keys derived from the api secret.
        #[doc(hidden)]
        secret: ProjectSecretHandle,
    },
    /// Vonage application credentials.
    Application {
        /// The Vonage application id.
        application_id: String,
        /// The parsed private key.
        #[doc(hidden)]
        key: RsaKeyHandle,
    },
}

/// Opaque holder of a project secret (redacted in `Debug`).
#[derive(Clone)]
pub struct ProjectSecretHandle(pub(crate) Arc<ProjectSecret>);
/// Opaque holder of an RSA private key (redacted in `Debug`).
#[derive(Clone)]
pub struct RsaKeyHandle(pub(crate) RsaKey);

impl Credentials {
    /// Project credentials. The api key must be non-empty digits-or-text without spaces; the secret non-empty.
    pub fn project(api_key: impl Into<String>, api_secret: &str) -> Result<Self> {
        let api_key = api_key.into();
        if api_key.trim().is_empty() || api_key.chars().any(|c| c.is_whitespace() || c == '/') {
            return Err(Error::invalid(
                "api_key",
                "must be a non-empty key without spaces or slashes",
            ));
        }
        if api_secret.is_empty() {
            return Err(Error::invalid("api_secret", "must not be empty"));
        }
        let bytes = api_secret.as_bytes();
        Ok(Credentials::Project {
            api_key,
            secret: ProjectSecretHandle(Arc::new(ProjectSecret {
                hs256: hmac::Key::new(hmac::HMAC_SHA256, bytes),
                sha1: <::hmac::Hmac<sha1::Sha1> as ::hmac::Mac>::new_from_slice(bytes)
                    .map_err(|_| Error::invalid("api_secret", "cannot be used as an HMAC key"))?,
            })),
        })
    }

    /// Vonage application credentials from a PEM private key.
    pub fn application(application_id: impl Into<String>, private_key_pem: &str) -> Result<Self> {
        let application_id = application_id.into();
        if application_id.trim().is_empty() || application_id.contains('/') {
            return Err(Error::invalid(
                "application_id",
                "must be a non-empty id without slashes",
            ));
        }
        Ok(Credentials::Application {
            application_id,
            key: RsaKeyHandle(RsaKey::from_pem(private_key_pem)?),
        })
    }

    /// Picks the mode the way the official SDKs do: a secret that is a PEM private key means
    /// application credentials, anything else project credentials.
    pub fn detect(key_or_app_id: impl Into<String>, secret_or_pem: &str) -> Result<Self> {
        if secret_or_pem.trim_start().starts_with("-----BEGIN") {
            Self::application(key_or_app_id, secret_or_pem)
        } else {
            Self::project(key_or_app_id, secret_or_pem)
        }
    }

    /// The id that goes into REST paths (`{apiKey}`): the api key or the application id.
    pub fn project_id(&self) -> &str {
        match self {
            Credentials::Project { api_key, .. } => api_key,
            Credentials::Application { application_id, .. } => application_id,
        }
    }

    /// True for Vonage application credentials.
    pub fn is_application(&self) -> bool {
        matches!(self, Credentials::Application { .. })
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Project { api_key, .. } => f
                .debug_struct("Project")
                .field("api_key", api_key)
                .field("api_secret", &"[redacted]")
                .finish(),
            Credentials::Application { application_id, .. } => f
                .debug_struct("Application")
                .field("application_id", application_id)
                .field("private_key", &"[redacted]")
                .finish(),
        }
    }
}

/// Replaces the user-info of every URL in `text` (`scheme://user:pw@host` → `scheme://***@host`).
///
/// Used for every message, `Debug` and `repr` that shows a base URL, so credentials written into
/// `api_url` are never echoed.
pub fn redact_url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                out.push_str("***");
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod redact_tests {
    use super::redact_url;

    #[test]
    fn user_info_is_replaced_everywhere() {
        assert_eq!(
            redact_url("https://api.opentok.com"),
            "https://api.opentok.com"
        );
        assert_eq!(
            redact_url("http://u:pw@h:1/p?q=a@b"),
            "http://***@h:1/p?q=a@b"
        );
        assert_eq!(
            redact_url("cannot connect to http://localhost:1@evil:9 or https://x:y@z/"),
            "cannot connect to http://***@evil:9 or https://***@z/"
        );
        assert_eq!(redact_url("no url here @ all"), "no url here @ all");
    }
}
