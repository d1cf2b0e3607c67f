//! HTTP transport: one pooled reqwest client (rebuilt after `fork()`), a total time budget per call,
//! bounded response bodies, retries, the system trust store, redirects that keep credentials home.

mod tls;

use std::fmt;
use std::sync::RwLock;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER, USER_AGENT};

use crate::credentials::redact_url;
use crate::error::{ApiError, Error, Result};
use crate::wire::{Body, Method, WireRequest};

/// Version of this SDK (goes into the User-Agent).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Default cap on a response body (32 MiB): the largest real answer is a few hundred kB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// Error bodies are read up to this size only (they just feed the error message).
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Same-origin GET redirects followed at most.
const MAX_REDIRECTS: u32 = 5;

/// When and how often transient failures are retried.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// First backoff delay; doubles each retry, with jitter.
    pub base_delay: Duration,
    /// Longest single backoff delay (a server's `Retry-After` is honoured as given, within the budget).
    pub max_delay: Duration,
    /// No retry starts once this much time has passed since the first attempt.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
        }
    }
}

/// Why an attempt failed, as the retry decision sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The server answered with this (non-2xx) status.
    Status(u16),
    /// The connection could not be opened: nothing reached the server, any method may be retried.
    Connect,
    /// The connection broke after the request may have been sent: idempotent methods are retried.
    Network,
    /// Never retried: TLS / certificate failures, oversize bodies, refused redirects.
    Final,
}

impl RetryPolicy {
    /// Backoff before retry number `attempt` (0-based) when the server gave no `Retry-After`;
    /// with `retry_after` (seconds) that delay, as given.
    pub fn delay(&self, attempt: u32, retry_after: Option<u64>) -> Duration {
        if let Some(s) = retry_after {
            return Duration::from_secs(s);
        }
        let exp = self.base_delay.saturating_mul(1u32 << attempt.min(16));
        let capped = exp.min(self.max_delay);
        // "Equal jitter": half fixed, half random.
        capped / 2 + capped.mul_f64(fastrand::f64() / 2.0)
    }

    /// The retry decision for hosts that send requests themselves, without a time budget:
    /// `status` `None` is a network error (retried for GET/DELETE only, since the host cannot tell
    /// whether the request left). Prefer [`Config::retry_delay`], which also applies the call's
    /// total timeout and reads HTTP-date `Retry-After` values.
    pub fn next_delay(
        &self,
        method: Method,
        attempt: u32,
        status: Option<u16>,
        retry_after: Option<u64>,
        elapsed: Duration,
    ) -> Option<Duration> {
        let failure = status.map_or(Failure::Network, Failure::Status);
        self.retry_delay(
            method,
            attempt,
            failure,
            retry_after,
            elapsed,
            self.max_elapsed,
        )
    }

    /// The one retry decision, shared by the native transport and host transports.
    ///
    /// `attempt` counts retries already made (0 after the first attempt), `elapsed` is the time since
    /// the first attempt started and `budget` the call's total timeout. Returns the delay to wait
    /// before the next attempt, or `None` when the failure is final: not retryable for this method,
    /// retries used up, or the delay (a server's `Retry-After` included) does not fit in the budget.
    pub fn retry_delay(
        &self,
        method: Method,
        attempt: u32,
        failure: Failure,
        retry_after: Option<u64>,
        elapsed: Duration,
        budget: Duration,
    ) -> Option<Duration> {
        let retryable = match failure {
            Failure::Status(s) => method.is_idempotent() && matches!(s, 429 | 502 | 503 | 504),
            Failure::Connect => true,
            Failure::Network => method.is_idempotent(),
            Failure::Final => false,
        };
        if !retryable || attempt >= self.max_retries {
            return None;
        }
        let delay = self.delay(attempt, retry_after);
        // The next attempt must still have a useful slice of the budget once the delay is over.
        let slack = (budget / 4).min(Duration::from_millis(100));
        let starts_at = elapsed.checked_add(delay)?;
        if starts_at + slack > budget || starts_at > self.max_elapsed {
            return None;
        }
        Some(delay)
    }
}

/// Reads a `Retry-After` value: delay-seconds or an HTTP date (rounded up to whole seconds).
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let v = value.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(s);
    }
    let at = httpdate::parse_http_date(v).ok()?;
    let wait = at
        .duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO);
    Some(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
}

/// A 2xx answer with its status and headers (names lower-case, in order).
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

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
    /// [`Error::Decode`] and is never read into memory.
    pub max_response_bytes: usize,
    /// Extra trusted CA certificates: PEM text, or the path of a PEM file or of a directory of PEM
    /// files. Added to the system store (which honours `SSL_CERT_FILE` and `SSL_CERT_DIR`).
    pub ca_bundle: Option<String>,
    /// Lifetime of the REST auth JWT (`exp - iat`), 1 s to [`MAX_AUTH_TTL`] (the service's
    /// limit); default [`crate::client::AUTH_TTL_SECS`] (180 s).
    pub auth_ttl: Duration,
}

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
            auth_ttl: Duration::from_secs(crate::client::AUTH_TTL_SECS as u64),
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

/// What a reqwest client is built from; kept so a forked child can rebuild one cheaply.
struct Recipe {
    connect_timeout: Duration,
    proxy: Option<reqwest::Proxy>,
    direct: bool,
    tls: rustls::ClientConfig,
}

impl Recipe {
    fn build(&self) -> Result<reqwest::Client> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .redirect(reqwest::redirect::Policy::none())
            .use_preconfigured_tls(self.tls.clone());
        if let Some(p) = &self.proxy {
            builder = builder.proxy(p.clone());
        } else if self.direct {
            builder = builder.no_proxy();
        }
        builder.build().map_err(|e| {
            Error::Network(format!("cannot build the HTTP client: {}", root_cause(&e)))
        })
    }
}

/// The HTTP side of a client.
pub(crate) struct Transport {
    /// The pooled client and the pid it was built in: a forked child builds its own (the parent's
    /// connections belong to a runtime whose threads do not exist in the child).
    pooled: RwLock<(u32, reqwest::Client)>,
    recipe: Recipe,
    base_url: String,
    /// `base_url` with any credentials replaced, for messages.
    display_url: String,
    origin: reqwest::Url,
    pub(crate) user_agent: HeaderValue,
    /// The settings the client was built with (read by host transports).
    pub(crate) config: Config,
    retry: RetryPolicy,
    timeout: Duration,
    max_body: usize,
}

/// True when `url`'s host is loopback (decided on the parsed host, not on text).
fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn same_origin(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

impl Transport {
    pub(crate) fn new(config: &Config, default_url: &str) -> Result<Self> {
        let base_url = config
            .api_url
            .as_deref()
            .unwrap_or(default_url)
            .trim_end_matches('/')
            .to_owned();
        let bad_url =
            || Error::invalid("api_url", "must be an http:// or https:// URL with a host");
        let origin = reqwest::Url::parse(&base_url).map_err(|_| bad_url())?;
        if !matches!(origin.scheme(), "http" | "https")
            || origin.host_str().is_none_or(str::is_empty)
        {
            return Err(bad_url());
        }
        if config.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if config.auth_ttl < Duration::from_secs(1) || config.auth_ttl > MAX_AUTH_TTL {
            return Err(Error::invalid(
                "auth_ttl",
                "must be between 1 and 300 seconds (the service's limit)",
            ));
        }
        if config.connect_timeout.is_zero() {
            return Err(Error::invalid(
                "connect_timeout",
                "must be greater than zero",
            ));
        }
        if config.max_response_bytes == 0 {
            return Err(Error::invalid(
                "max_response_bytes",
                "must be greater than zero",
            ));
        }
        let mut ua = format!("OpenTok-Rust-SDK/{VERSION}");
        if let Some(l) = &config.language {
            ua.push(' ');
            ua.push_str(l);
        }
        if let Some(a) = &config.ua_addendum {
            ua.push(' ');
            ua.push_str(a);
        }
        let user_agent = HeaderValue::from_str(&ua).map_err(|_| {
            Error::invalid("ua_addendum", "must be printable ASCII without line breaks")
        })?;
        let proxy = match &config.proxy {
            Some(p) => Some(
                reqwest::Proxy::all(p.as_str())
                    .map_err(|_| Error::invalid("proxy", "is not a valid proxy URL"))?,
            ),
            None => None,
        };
        let recipe = Recipe {
            connect_timeout: config.connect_timeout.min(config.timeout),
            proxy,
            direct: is_loopback(&origin),
            tls: tls::client_config(config.ca_bundle.as_deref())?,
        };
        let http = recipe.build()?;
        Ok(Transport {
            pooled: RwLock::new((std::process::id(), http)),
            recipe,
            display_url: redact_url(&base_url),
            base_url,
            origin,
            user_agent,
            config: config.clone(),
            retry: config.retry.clone(),
            timeout: config.timeout,
            max_body: config.max_response_bytes,
        })
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The base URL with credentials redacted (for messages, `Debug`, `repr`).
    pub(crate) fn display_url(&self) -> &str {
        &self.display_url
    }

    /// The pooled client of this process: one `getpid` and an uncontended read lock per call.
    fn client(&self) -> Result<reqwest::Client> {
        let pid = std::process::id();
        {
            let guard = self.pooled.read().unwrap_or_else(|p| p.into_inner());
            if guard.0 == pid {
                return Ok(guard.1.clone());
            }
        }
        // Forked: build a fresh pool for this process.
        let fresh = self.recipe.build()?;
        if let Ok(mut guard) = self.pooled.try_write() {
            if guard.0 == pid {
                return Ok(guard.1.clone());
            }
            let old = std::mem::replace(&mut *guard, (pid, fresh.clone()));
            // Never drop the parent's pool here: closing its sockets would deregister them from the
            // epoll instance the parent shares with us, stalling the parent's connections.
            std::mem::forget(old);
        }
        Ok(fresh)
    }

    /// Sends `req`, retrying transient failures within the call's total timeout; returns the body
    /// of a 2xx answer.
    pub(crate) async fn send(
        &self,
        req: &WireRequest,
        auth: (&'static str, &str),
    ) -> Result<Vec<u8>> {
        self.send_full(req, auth).await.map(|r| r.body)
    }

    /// Like [`Transport::send`], keeping the status and headers of the 2xx answer.
    pub(crate) async fn send_full(
        &self,
        req: &WireRequest,
        auth: (&'static str, &str),
    ) -> Result<RawResponse> {
        let started = Instant::now();
        let http = self.client()?;
        let url = format!("{}{}", self.base_url, req.path);
        let mut attempt: u32 = 0;
        loop {
            let left = self.timeout.saturating_sub(started.elapsed());
            let outcome =
                match tokio::time::timeout(left, self.attempt(&http, req, &url, auth)).await {
                    Ok(o) => o,
                    Err(_) => {
                        let tries = if attempt > 0 {
                            format!(" ({} attempts)", attempt + 1)
                        } else {
                            String::new()
                        };
                        return Err(Error::Timeout(format!(
                            "{} {} did not complete within {:?}{tries}",
                            req.method.as_str(),
                            req.path,
                            self.timeout
                        )));
                    }
                };
            let failure = match outcome {
                Ok(body) => return Ok(body),
                Err(f) => f,
            };
            match self.retry.retry_delay(
                req.method,
                attempt,
                failure.class,
                failure.retry_after,
                started.elapsed(),
                self.timeout,
            ) {
                None => return Err(failure.error),
                Some(d) => tokio::time::sleep(d).await,
            }
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        http: &reqwest::Client,
        req: &WireRequest,
        url: &str,
        auth: (&'static str, &str),
    ) -> Result<RawResponse, AttemptError> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        };
        let body = match &req.body {
            Some(Body::Json(v)) => Some(
                serde_json::to_vec(v)
                    .map_err(|e| AttemptError::fatal(Error::Decode(e.to_string())))?,
            ),
            _ => None,
        };
        let mut target = reqwest::Url::parse(url).map_err(|_| {
            AttemptError::fatal(Error::invalid(
                "api_url",
                "does not form a valid URL with this path",
            ))
        })?;
        if !req.query.is_empty() {
            target
                .query_pairs_mut()
                .extend_pairs(req.query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        let mut hops = 0;
        let resp = loop {
            let mut rb = http
                .request(method.clone(), target.clone())
                .header(USER_AGENT, self.user_agent.clone())
                .header(ACCEPT, "application/json")
                .header(auth.0, auth.1);
            rb = match (&req.body, &body) {
                (_, Some(bytes)) => rb
                    .header(CONTENT_TYPE, "application/json")
                    .body(bytes.clone()),
                (Some(Body::Form(f)), None) => rb.form(f),
                _ => rb,
            };
            let resp = rb
                .send()
                .await
                .map_err(|e| self.map_send_error(e, &req.path))?;
            let status = resp.status().as_u16();
            if !(300..400).contains(&status) {
                break resp;
            }
            let Some(next) = resp
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|l| target.join(l).ok())
            else {
                break resp;
            };
            let why = if method != reqwest::Method::GET {
                format!(
                    "the server redirected this {} to another address; it was not re-sent and may not have been carried out",
                    req.method.as_str()
                )
            } else if !same_origin(&next, &self.origin) {
                format!(
                    "the server redirected to {}; not followed: credentials are sent to {} only",
                    redact_url(next.origin().ascii_serialization().as_str()),
                    self.display_url
                )
            } else if hops >= MAX_REDIRECTS {
                format!("more than {MAX_REDIRECTS} redirects")
            } else {
                hops += 1;
                target = next;
                continue;
            };
            return Err(AttemptError::fatal(Error::Api(ApiError {
                status,
                code: None,
                message: why,
                request_id: request_id(resp.headers()),
            })));
        };
        let status = resp.status().as_u16();
        let request_id = request_id(resp.headers());
        let retry_after = resp
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let ok = (200..300).contains(&status);
        let limit = if ok {
            self.max_body
        } else {
            MAX_ERROR_BODY.min(self.max_body)
        };
        let headers: Vec<(String, String)> = if ok {
            resp.headers()
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_owned(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let body = self.read_body(resp, limit, ok, &req.path).await?;
        if ok {
            return Ok(RawResponse {
                status,
                headers,
                body,
            });
        }
        Err(AttemptError {
            error: error_from_response(status, &body, request_id, retry_after),
            class: Failure::Status(status),
            retry_after,
        })
    }

    /// Reads at most `limit` bytes. Over the limit: an error for a success body (`strict`), the
    /// first `limit` bytes of an error body otherwise. A larger `Content-Length` fails before reading.
    async fn read_body(
        &self,
        mut resp: reqwest::Response,
        limit: usize,
        strict: bool,
        path: &str,
    ) -> Result<Vec<u8>, AttemptError> {
        let too_large = || {
            AttemptError::fatal(Error::Decode(format!(
                "the response to {path} is larger than the {limit}-byte limit (max_response_bytes); it was not read"
            )))
        };
        let declared = resp.content_length();
        if strict && declared.is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        let first = declared
            .map_or(0, |n| n.min(limit as u64) as usize)
            .min(1 << 20);
        let mut buf = Vec::with_capacity(first);
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| self.map_send_error(e, path))?
        {
            if buf.len() + chunk.len() > limit {
                if strict {
                    return Err(too_large());
                }
                buf.extend_from_slice(&chunk[..limit - buf.len()]);
                break;
            }
            buf.extend_from_slice(&chunk);
        }
        Ok(buf)
    }

    fn map_send_error(&self, e: reqwest::Error, path: &str) -> AttemptError {
        // Messages name the redacted base URL or the path only: never credentials.
        if tls::is_tls_error(&e) {
            AttemptError::fatal(Error::Network(format!(
                "TLS with {} failed: {}",
                self.display_url,
                root_cause(&e)
            )))
        } else if e.is_connect() {
            let error = if e.is_timeout() {
                Error::Timeout(format!(
                    "could not connect to {} within {:?}",
                    self.display_url, self.recipe.connect_timeout
                ))
            } else {
                Error::Network(format!(
                    "cannot connect to {}: {}",
                    self.display_url,
                    root_cause(&e)
                ))
            };
            AttemptError {
                error,
                class: Failure::Connect,
                retry_after: None,
            }
        } else {
            AttemptError {
                error: Error::Network(format!("{path}: {}", root_cause(&e))),
                class: Failure::Network,
                retry_after: None,
            }
        }
    }
}

fn request_id(headers: &reqwest::header::HeaderMap) -> Option<String> {
    ["x-request-id", "x-tb-request-id", "x-opentok-request-id"]
        .iter()
        .find_map(|h| {
            headers
                .get(*h)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    redact_url(&cur.to_string())
}

/// One attempt's failure, classified for the retry decision.
struct AttemptError {
    error: Error,
    class: Failure,
    retry_after: Option<u64>,
}

impl AttemptError {
    fn fatal(error: Error) -> Self {
        AttemptError {
            error,
            class: Failure::Final,
            retry_after: None,
        }
    }
}

/// The error a non-2xx answer becomes (used by the transport and by every language's vector tests).
pub fn error_from_response(
    status: u16,
    body: &[u8],
    request_id: Option<String>,
    retry_after: Option<u64>,
) -> Error {
    Error::from_status(api_error(status, body, request_id), retry_after)
}

/// Turns an error answer into an [`ApiError`], reading `{code, message}` when the body is JSON.
pub(crate) fn api_error(status: u16, body: &[u8], request_id: Option<String>) -> ApiError {
    let parsed: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let field = |k: &str| {
        parsed
            .as_ref()
            .and_then(|v| v.get(k))
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            })
    };
    let message = field("message")
        .or_else(|| field("error"))
        .or_else(|| {
            let text = String::from_utf8_lossy(body)
                .trim()
                .chars()
                .take(200)
                .collect::<String>();
            (!text.is_empty()).then_some(text)
        })
        .unwrap_or_else(|| {
            reqwest::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("HTTP error")
                .to_owned()
        });
    ApiError {
        status,
        code: field("code"),
        message,
        request_id,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn loopback(u: &str) -> bool {
        is_loopback(&reqwest::Url::parse(u).unwrap())
    }

    #[test]
    fn loopback_is_decided_on_the_parsed_host() {
        for yes in [
            "http://localhost:1",
            "http://LOCALHOST",
            "http://127.0.0.1:9",
            "http://127.1",
            "http://[::1]:80",
        ] {
            assert!(loopback(yes), "{yes}");
        }
        for no in [
            "http://localhost:1@example.com:80",
            "http://127.0.0.1@example.com",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
            "https://api.opentok.com",
        ] {
            assert!(!loopback(no), "{no}");
        }
    }

    #[test]
    fn retry_decisions() {
        let p = RetryPolicy::default();
        let budget = Duration::from_secs(20);
        let z = Duration::ZERO;
        // Retry-After that does not fit the budget: final at once.
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(429), Some(60), z, budget),
            None
        );
        // One that fits is honoured as given, beyond max_delay.
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(429), Some(10), z, budget),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            p.retry_delay(
                Method::Get,
                0,
                Failure::Status(503),
                Some(10),
                Duration::from_secs(11),
                budget
            ),
            None
        );
        // Methods and failure classes.
        assert_eq!(
            p.retry_delay(Method::Post, 0, Failure::Status(503), None, z, budget),
            None
        );
        assert!(p
            .retry_delay(Method::Post, 0, Failure::Connect, None, z, budget)
            .is_some());
        assert_eq!(
            p.retry_delay(Method::Post, 0, Failure::Network, None, z, budget),
            None
        );
        assert!(p
            .retry_delay(Method::Delete, 0, Failure::Network, None, z, budget)
            .is_some());
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Final, None, z, budget),
            None
        );
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(500), None, z, budget),
            None
        );
        assert_eq!(
            p.retry_delay(Method::Get, 2, Failure::Status(502), None, z, budget),
            None
        );
        // The host-transport form.
        let c = Config::default();
        assert_eq!(
            c.retry_delay(Method::Get, 0, Some(429), Some("60"), z),
            None
        );
        assert_eq!(
            c.retry_delay(Method::Get, 0, Some(429), Some(" 3 "), z),
            Some(Duration::from_secs(3))
        );
        assert!(c.retry_delay(Method::Get, 0, None, None, z).is_some());
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("120"), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        assert_eq!(parse_retry_after("soon"), None);
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(90));
        assert!((89..=91).contains(&parse_retry_after(&later).unwrap()));
    }
}
