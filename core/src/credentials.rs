//! Credentials: project (api key + secret) or Vonage application (application id + RSA key).

use std::fmt;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::jwt::Signer;

/// A secret that never shows up in `Debug` output.
#[derive(Clone)]
pub(crate) struct ProjectSecret {
    /// HS256 key for client tokens and REST auth.
    pub(crate) hs256: Signer,
    /// Pre-keyed HMAC-SHA1 state (RustCrypto: uses SHA-NI where the CPU has it), cloned per T1 token.
    pub(crate) sha1: ::hmac::Hmac<sha1::Sha1>,
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
pub struct RsaKeyHandle(pub(crate) Arc<Signer>);

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
                hs256: Signer::hs256(bytes),
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
            key: RsaKeyHandle(Arc::new(Signer::rs256_pem(private_key_pem, "private_key")?)),
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
