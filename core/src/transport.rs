//! HTTP transport: one pooled reqwest client, timeouts, proxy, User-Agent, retries.

use std::fmt;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, RETRY_AFTER, USER_AGENT};

use crate::error::{ApiError, Error, Result};
use crate::wire::{Body, Method, WireRequest};

/// Version of this SDK (goes into the User-Agent).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// When and how often transient failures are retried.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// First backoff delay; doubles each retry, with jitter.
    pub base_delay: Duration,
    /// Longest single delay (also caps `Retry-After`).
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

impl RetryPolicy {
    /// Delay before retry number `attempt` (0-based), honouring `Retry-After` seconds.
    pub fn delay(&self, attempt: u32, retry_after: Option<u64>) -> Duration {
        if let Some(s) = retry_after {
            return Duration::from_secs(s).min(self.max_delay);
        }
        let exp = self.base_delay.saturating_mul(1u32 << attempt.min(16));
        let capped = exp.min(self.max_delay);
        // "Equal jitter": half fixed, half random.
        capped / 2 + capped.mul_f64(fastrand::f64() / 2.0)
    }

    /// The retry decision of [`Transport::send`], for hosts that send requests themselves: after
    /// retry number `attempt` (0 after the first failure) of a `method` request failed with `status`
    /// (`None`: a network error, retried for GET/DELETE only since the host cannot tell whether the
    /// request left), with `retry_after` seconds asked by the answer, `elapsed` after the first
    /// attempt started: how long to wait before retrying, or `None` to give up.
    pub fn next_delay(
        &self,
        method: Method,
        attempt: u32,
        status: Option<u16>,
        retry_after: Option<u64>,
        elapsed: Duration,
    ) -> Option<Duration> {
        let retryable =
            method.is_idempotent() && matches!(status, None | Some(429 | 502 | 503 | 504));
        let delay = self.delay(attempt, retry_after);
        (retryable && attempt < self.max_retries && elapsed + delay <= self.max_elapsed)
            .then_some(delay)
    }
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
    pub api_url: Option<String>,
    /// Connect timeout (default 5 s).
    pub connect_timeout: Duration,
    /// Whole-request timeout per attempt (default 20 s).
    pub timeout: Duration,
    /// Proxy URL, credentials allowed (`http://user:pass@host:port`). Redacted in `Debug`.
    pub proxy: Option<String>,
    /// Appended to the User-Agent.
    pub ua_addendum: Option<String>,
    /// Host language and version for the User-Agent, e.g. `python/3.11.7`.
    pub language: Option<String>,
    /// Retry policy.
    pub retry: RetryPolicy,
}

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
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("api_url", &self.api_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("proxy", &self.proxy.as_ref().map(|_| "[redacted]"))
            .field("ua_addendum", &self.ua_addendum)
            .field("language", &self.language)
            .field("retry", &self.retry)
            .finish()
    }
}

/// The HTTP side of a client.
pub(crate) struct Transport {
    http: reqwest::Client,
    base_url: String,
    pub(crate) user_agent: HeaderValue,
    /// The settings the client was built with (read by host transports).
    pub(crate) config: Config,
    retry: RetryPolicy,
    timeout: Duration,
}

fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', ':']).next().unwrap_or("");
    host == "localhost" || host.starts_with("127.") || rest.starts_with("[::1]")
}

impl Transport {
    pub(crate) fn new(config: &Config, default_url: &str) -> Result<Self> {
        let base_url = config
            .api_url
            .as_deref()
            .unwrap_or(default_url)
            .trim_end_matches('/')
            .to_owned();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://"))
            || base_url.len() < 10
        {
            return Err(Error::invalid(
                "api_url",
                "must be an http:// or https:// URL",
            ));
        }
        if config.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if config.connect_timeout.is_zero() {
            return Err(Error::invalid(
                "connect_timeout",
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
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true);
        match &config.proxy {
            Some(p) => {
                let proxy = reqwest::Proxy::all(p.as_str())
                    .map_err(|_| Error::invalid("proxy", "is not a valid proxy URL"))?;
                builder = builder.proxy(proxy);
            }
            None if is_loopback(&base_url) => builder = builder.no_proxy(),
            None => {}
        }
        let http = builder
            .build()
            .map_err(|e| Error::Network(format!("cannot build the HTTP client: {e}")))?;
        Ok(Transport {
            http,
            base_url,
            user_agent,
            config: config.clone(),
            retry: config.retry.clone(),
            timeout: config.timeout,
        })
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends `req`, retrying transient failures; returns the body of a 2xx answer.
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
        let url = format!("{}{}", self.base_url, req.path);
        let started = Instant::now();
        let mut attempt: u32 = 0;
        loop {
            let outcome = self.attempt(req, &url, auth).await;
            let (retryable, retry_after) = match &outcome {
                Ok(_) => return outcome.map_err(Error::from),
                Err(Attempt::Status(err, ra)) => (
                    req.method.is_idempotent()
                        && matches!(err.status(), Some(429 | 502 | 503 | 504)),
                    *ra,
                ),
                // Nothing reached the server: safe to retry any method.
                Err(Attempt::Connect(_)) => (true, None),
                Err(Attempt::Other(_)) => (req.method.is_idempotent(), None),
            };
            let delay = self.retry.delay(attempt, retry_after);
            if !retryable
                || attempt >= self.retry.max_retries
                || started.elapsed() + delay > self.retry.max_elapsed
            {
                return outcome.map_err(Error::from);
            }
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        req: &WireRequest,
        url: &str,
        auth: (&'static str, &str),
    ) -> Result<RawResponse, Attempt> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut rb = self
            .http
            .request(method, url)
            .header(USER_AGENT, self.user_agent.clone())
            .header(ACCEPT, "application/json")
            .header(auth.0, auth.1);
        if !req.query.is_empty() {
            rb = rb.query(&req.query);
        }
        rb = match &req.body {
            None => rb,
            Some(Body::Json(v)) => {
                let bytes = serde_json::to_vec(v)
                    .map_err(|e| Attempt::Other(Error::Decode(e.to_string())))?;
                rb.header(CONTENT_TYPE, "application/json").body(bytes)
            }
            Some(Body::Form(f)) => rb.form(f),
        };
        let resp = rb
            .send()
            .await
            .map_err(|e| self.map_send_error(e, &req.path))?;
        let status = resp.status().as_u16();
        let request_id = ["x-request-id", "x-tb-request-id", "x-opentok-request-id"]
            .iter()
            .find_map(|h| {
                resp.headers()
                    .get(*h)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            });
        let retry_after = resp
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .filter(|_| (200..300).contains(&status))
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = resp
            .bytes()
            .await
            .map_err(|e| self.map_send_error(e, &req.path))?;
        if (200..300).contains(&status) {
            return Ok(RawResponse {
                status,
                headers,
                body: body.to_vec(),
            });
        }
        Err(Attempt::Status(
            error_from_response(status, &body, request_id, retry_after),
            retry_after,
        ))
    }

    fn map_send_error(&self, e: reqwest::Error, path: &str) -> Attempt {
        // reqwest's messages name the URL only; no credentials are in it.
        if e.is_timeout() {
            Attempt::Other(Error::Timeout(format!(
                "{path} did not answer within {:?}",
                self.timeout
            )))
        } else if e.is_connect() {
            Attempt::Connect(Error::Network(format!(
                "cannot connect to {}: {}",
                self.base_url,
                root_cause(&e)
            )))
        } else {
            Attempt::Other(Error::Network(format!("{path}: {}", root_cause(&e))))
        }
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// One attempt's failure, classified for the retry decision.
enum Attempt {
    Status(Error, Option<u64>),
    Connect(Error),
    Other(Error),
}

impl From<Attempt> for Error {
    fn from(a: Attempt) -> Self {
        match a {
            Attempt::Status(e, _) | Attempt::Connect(e) | Attempt::Other(e) => e,
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
