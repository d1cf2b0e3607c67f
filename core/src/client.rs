//! The client: credentials + transport + the generic executor and one method per operation.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::api;
use crate::credentials::Credentials;
use crate::error::{Error, Result};
use crate::jwt;
use crate::token::{self, TokenOptions};
use crate::transport::{Config, RetryPolicy, Transport};
use crate::wire::{Operation, WireRequest};

/// Default base URL for project credentials.
pub const OPENTOK_API_URL: &str = "https://api.opentok.com";
/// Default base URL for Vonage application credentials.
pub const VONAGE_API_URL: &str = "https://video.api.vonage.com";
pub use crate::transport::AUTH_TTL_SECS;

/// An OpenTok / Vonage Video API client. Cheap to clone; share one per process.
#[derive(Clone)]
pub struct OpenTok {
    inner: Arc<Inner>,
}

struct Inner {
    creds: Credentials,
    transport: Transport,
    /// RS256 signing is slow; application auth headers are reused for a minute.
    app_auth: Mutex<Option<(Instant, Arc<str>)>>,
}

impl fmt::Debug for OpenTok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenTok")
            .field("credentials", &self.inner.creds)
            .field("api_url", &self.inner.transport.display_url())
            .finish()
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl OpenTok {
    /// A client for project credentials with default settings.
    pub fn new(api_key: impl Into<String>, api_secret: &str) -> Result<Self> {
        Self::with_config(
            Credentials::project(api_key, api_secret)?,
            Config::default(),
        )
    }

    /// A client for any credentials and settings.
    pub fn with_config(creds: Credentials, config: Config) -> Result<Self> {
        let default_url = if creds.is_application() {
            VONAGE_API_URL
        } else {
            OPENTOK_API_URL
        };
        let transport = Transport::new(&config, default_url)?;
        Ok(OpenTok {
            inner: Arc::new(Inner {
                creds,
                transport,
                app_auth: Mutex::new(None),
            }),
        })
    }

    /// Builds a client from the JSON options bindings pass (see [`ClientOptions`]).
    pub fn from_json(options: serde_json::Value) -> Result<Self> {
        let o: ClientOptions = crate::wire::parse_args(options)?;
        o.build()
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.creds
    }

    /// The base URL requests go to, as configured (credentials included, if the URL had any).
    pub fn api_url(&self) -> &str {
        self.inner.transport.base_url()
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// The base URL with any credentials replaced by `***`: use it in `repr`, `inspect`, logs.
    pub fn display_url(&self) -> &str {
        self.inner.transport.display_url()
    }

    /// Mints a client token using the system clock.
    pub fn generate_token(&self, session_id: &str, opts: &TokenOptions) -> Result<String> {
        token::generate(&self.inner.creds, session_id, opts, unix_now(), None)
    }

    /// Mints a client token with an explicit clock (Unix seconds) and optional nonce.
    pub fn generate_token_at(
        &self,
        session_id: &str,
        opts: &TokenOptions,
        now: i64,
        nonce: Option<u64>,
    ) -> Result<String> {
        token::generate(&self.inner.creds, session_id, opts, now, nonce)
    }

    /// The REST auth header (name, value) for a request made now.
    pub fn auth_header(&self) -> Result<(&'static str, Arc<str>)> {
        self.auth_header_at(unix_now())
    }

    fn auth_header_at(&self, now: i64) -> Result<(&'static str, Arc<str>)> {
        let ttl = self.inner.transport.config.auth_ttl;
        let ttl_secs = i64::try_from(ttl.as_secs()).unwrap_or(AUTH_TTL_SECS);
        match &self.inner.creds {
            Credentials::Project { api_key, secret } => {
                let token = jwt::project_auth(&secret.0.hs256, api_key, now, now + ttl_secs)?;
                Ok(("X-OPENTOK-AUTH", token.into()))
            }
            Credentials::Application {
                application_id,
                key,
            } => {
                let mut cache = self
                    .inner
                    .app_auth
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                if let Some((at, v)) = cache.as_ref() {
                    // reused for a minute, or half its lifetime when that is shorter
                    if at.elapsed() < Duration::from_secs(60).min(ttl / 2) {
                        return Ok(("Authorization", v.clone()));
                    }
                }
                let token = jwt::application_auth(&key.0, application_id, now, now + ttl_secs)?;
                let v: Arc<str> = format!("Bearer {token}").into();
                *cache = Some((Instant::now(), v.clone()));
                Ok(("Authorization", v))
            }
        }
    }

    /// Builds the wire request of `op` for this client (no I/O).
    pub fn build_request<O: Operation>(&self, op: &O) -> Result<WireRequest> {
        op.request(self.inner.creds.project_id())
    }

    /// Sends a prepared request; returns the body of a 2xx answer.
    pub async fn send(&self, req: &WireRequest) -> Result<Vec<u8>> {
        let (name, value) = self.auth_header()?;
        self.inner.transport.send(req, (name, &value)).await
    }

    /// The generic executor: validates, sends and decodes any operation.
    pub async fn execute<O: Operation>(&self, op: &O) -> Result<O::Output> {
        let req = self.build_request(op)?;
        let body = self.send(&req).await?;
        op.decode(&body)
    }

    /// Walks every page of a list operation and returns all items.
    pub async fn list_all<O: Paged>(&self, mut op: O) -> Result<Vec<O::Item>> {
        let size = op.page_size().unwrap_or(1000);
        op.set_page(op.page_offset().unwrap_or(0), size);
        let mut all = Vec::new();
        loop {
            let (items, count) = O::into_items(self.execute(&op).await?);
            let n = items.len() as i64;
            all.extend(items);
            let next = op.page_offset().unwrap_or(0) + n;
            if n == 0 || n < size || next >= count {
                return Ok(all);
            }
            op.set_page(next, size);
        }
    }
}

pub use crate::api::Paged;

/// Client options as bindings pass them (JSON). Secrets are not printed by `Debug`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientOptions {
    /// Project api key.
    pub api_key: Option<String>,
    /// Project api secret.
    pub api_secret: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Vonage application private key (PEM).
    pub private_key: Option<String>,
    /// Base URL.
    pub api_url: Option<String>,
    /// Request timeout, seconds.
    pub timeout: Option<f64>,
    /// Connect timeout, seconds.
    pub connect_timeout: Option<f64>,
    /// Proxy URL.
    pub proxy: Option<String>,
    /// User-Agent addendum.
    pub ua_addendum: Option<String>,
    /// Host language/version for the User-Agent.
    pub language: Option<String>,
    /// Retries for idempotent requests.
    pub max_retries: Option<u32>,
    /// First retry delay, seconds.
    pub retry_base_delay: Option<f64>,
    /// Longest retry delay, seconds.
    pub retry_max_delay: Option<f64>,
    /// Largest response body accepted, bytes (default 32 MiB).
    pub max_response_bytes: Option<u64>,
    /// Extra trusted CA certificates: PEM text, or a path to a PEM file or a directory of PEM files.
    pub ca_bundle: Option<String>,
    /// Lifetime of the REST auth JWT, seconds (default 180, at most 300).
    pub auth_ttl_secs: Option<f64>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("api_key", &self.api_key)
            .field("application_id", &self.application_id)
            .field(
                "api_url",
                &self.api_url.as_deref().map(crate::credentials::redact_url),
            )
            .finish_non_exhaustive()
    }
}

fn seconds(field: &str, v: Option<f64>, default: Duration) -> Result<Duration> {
    match v {
        None => Ok(default),
        Some(s) if s.is_finite() && s > 0.0 && s < 1e7 => Ok(Duration::from_secs_f64(s)),
        Some(s) => Err(Error::invalid(
            field,
            format!("{s} is not a positive number of seconds"),
        )),
    }
}

impl ClientOptions {
    /// Builds the client.
    pub fn build(self) -> Result<OpenTok> {
        let creds = match (
            self.api_key,
            self.api_secret,
            self.application_id,
            self.private_key,
        ) {
            (Some(k), Some(s), None, None) => Credentials::detect(k, &s)?,
            (None, None, Some(a), Some(p)) => Credentials::application(a, &p)?,
            (Some(_), Some(_), _, _) => {
                return Err(Error::invalid(
                    "credentials",
                    "give project or application credentials, not both",
                ))
            }
            (Some(_), None, _, _) => {
                return Err(Error::invalid("api_secret", "is required with api_key"))
            }
            (None, _, Some(_), None) => {
                return Err(Error::invalid(
                    "private_key",
                    "is required with application_id",
                ))
            }
            _ => {
                return Err(Error::invalid(
                    "api_key",
                    "give api_key and api_secret, or application_id and private_key",
                ))
            }
        };
        let d = Config::default();
        let r = RetryPolicy::default();
        let retry = RetryPolicy {
            max_retries: self.max_retries.unwrap_or(r.max_retries),
            base_delay: seconds("retry_base_delay", self.retry_base_delay, r.base_delay)?,
            max_delay: seconds("retry_max_delay", self.retry_max_delay, r.max_delay)?,
            max_elapsed: r.max_elapsed,
        };
        let config = Config {
            api_url: self.api_url,
            connect_timeout: seconds("connect_timeout", self.connect_timeout, d.connect_timeout)?,
            timeout: seconds("timeout", self.timeout, d.timeout)?,
            proxy: self.proxy,
            ua_addendum: self.ua_addendum,
            language: self.language,
            retry,
            max_response_bytes: match self.max_response_bytes {
                None => d.max_response_bytes,
                Some(n) => usize::try_from(n).ok().filter(|n| *n > 0).ok_or_else(|| {
                    Error::invalid("max_response_bytes", "must be a positive number of bytes")
                })?,
            },
            ca_bundle: self.ca_bundle,
            auth_ttl: match self.auth_ttl_secs {
                None => d.auth_ttl,
                Some(s) if s.is_finite() && (1.0..=300.0).contains(&s) => {
                    Duration::from_secs(s.floor() as u64)
                }
                Some(s) => {
                    return Err(Error::invalid(
                        "auth_ttl_secs",
                        format!("{s} is not between 1 and 300 seconds (the service's limit)"),
                    ))
                }
            },
        };
        OpenTok::with_config(creds, config)
    }
}

/// One typed method per operation, expanded from the operation table
/// (`with_operations!` in `core/src/api/mod.rs`).
macro_rules! typed_methods {
    ($( $(#[$doc:meta])* $name:ident = $area:ident :: $ty:ident $(-> $raw:ident)? $([$item:ident])?,
        $method:ident $path:literal, $form:tt; )*) => {
        impl OpenTok {$(
            typed_method!($(#[$doc])* $name, $area::$ty, $form);
        )*}
    };
}

macro_rules! typed_method {
    ($(#[$doc:meta])* $name:ident, $area:ident::$ty:ident, (&)) => {
        $(#[$doc])*
        pub async fn $name(
            &self,
            op: &api::$area::$ty,
        ) -> Result<<api::$area::$ty as Operation>::Output> {
            self.execute(op).await
        }
    };
    ($(#[$doc:meta])* $name:ident, $area:ident::$ty:ident,
        ($($id:ident),* $(; $($field:ident: $fty:ty),*)?)) => {
        $(#[$doc])*
        pub async fn $name(
            &self,
            $($id: &str,)*
            $($($field: $fty),*)?
        ) -> Result<<api::$area::$ty as Operation>::Output> {
            self.execute(&api::$area::$ty {
                $($id: $id.to_owned(),)*
                $($($field),*)?
            })
            .await
        }
    };
}

crate::api::with_operations!(typed_methods);
