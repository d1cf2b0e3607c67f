//! Transport settings.

use std::fmt;
use std::time::Duration;

use super::retry::{parse_retry_after, Failure, RetryPolicy};
use crate::credentials::redact_url;
use crate::wire::Method;

/// Version of this SDK (goes into the User-Agent).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Default cap on a response body (32 MiB): the largest real answer is a few hundred kB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// Transport settings.
#[derive(Clone, PartialEq)]
pub struct Config {
    /// Base URL (default `https://api.opentok.com`, or `https://video.api.vonage.com` for applications).
    /// Credentials in it (`https://user:pw@host`) are sent as Basic auth and redacted in `Debug` and errors.
    pub api_url: Option<String>,
    /// Connect timeout per attempt (default 5 s; never beyond what is left of `timeout`).
    pub connect_timeout: Duration,
    /// Total time one call may take, retries and their delays included (default 20 s).
    pub timeout: Duration,
    /// Proxy URL, credentials allowed (`http://user:pass@host:port`). Redacted in `Debug`.
    pub proxy: Option<String>,
    /// Appended to the User-Agent.
    pub ua_addendum: Option<String>,
    /// Host language and version for the User-Agent, e.g. `python/3.11.7`.
    pub language: Option<String>,
    /// Retry policy.
    pub retry: RetryPolicy,
    /// Largest response body accepted (default [`DEFAULT_MAX_RESPONSE_BYTES`]); a larger one is a
    /// [`Error::Decode`](crate::Error::Decode) and is never read into memory.
    pub max_response_bytes: usize,
    /// Extra trusted CA certificates: PEM text, or the path of a PEM file or of a directory of PEM
    /// files. Added to the system store (which honours `SSL_CERT_FILE` and `SSL_CERT_DIR`).
    pub ca_bundle: Option<String>,
    /// Lifetime of the REST auth JWT (`exp - iat`), 1 s to [`MAX_AUTH_TTL`] (the service's
    /// limit); default [`AUTH_TTL_SECS`] (180 s).
    pub auth_ttl: Duration,
}

/// Default lifetime of REST-auth JWTs (seconds; `Config::auth_ttl` changes it, the service allows
/// at most 300).
pub const AUTH_TTL_SECS: i64 = 180;

/// Longest REST auth JWT lifetime the service accepts (5 minutes).
pub const MAX_AUTH_TTL: Duration = Duration::from_secs(300);

impl Default for Config {
    fn default() -> Self {
        Config {
            api_url: None,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(20),
            proxy: None,
            ua_addendum: None,
            language: None,
            retry: RetryPolicy::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            ca_bundle: None,
            auth_ttl: Duration::from_secs(AUTH_TTL_SECS as u64),
        }
    }
}

impl Config {
    /// The retry decision for a host transport: `status` is `None` for a network error (the request
    /// may have been sent), `retry_after` the raw `Retry-After` header, `elapsed` the time since the
    /// call's first attempt. Same rules as the native transport (see [`RetryPolicy::retry_delay`]).
    pub fn retry_delay(
        &self,
        method: Method,
        attempt: u32,
        status: Option<u16>,
        retry_after: Option<&str>,
        elapsed: Duration,
    ) -> Option<Duration> {
        let failure = status.map_or(Failure::Network, Failure::Status);
        self.retry.retry_delay(
            method,
            attempt,
            failure,
            retry_after.and_then(parse_retry_after),
            elapsed,
            self.timeout,
        )
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("api_url", &self.api_url.as_deref().map(redact_url))
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("proxy", &self.proxy.as_ref().map(|_| "[redacted]"))
            .field("ua_addendum", &self.ua_addendum)
            .field("language", &self.language)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("auth_ttl", &self.auth_ttl)
            .field(
                "ca_bundle",
                &self.ca_bundle.as_deref().map(|b| {
                    if b.contains("-----BEGIN") {
                        "[PEM]".to_owned()
                    } else {
                        b.to_owned()
                    }
                }),
            )
            .finish()
    }
}
