//! The native transport: one pooled reqwest client (rebuilt after `fork()`), a total time budget
//! per call, bounded response bodies, retries, redirects that keep credentials home.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER, USER_AGENT};

use super::config::{Config, MAX_AUTH_TTL, VERSION};
use super::errors::error_from_response;
use super::pool::{is_loopback, root_cause, Recipe};
use super::retry::{parse_retry_after, Failure, RetryPolicy};
use super::tls;
use crate::credentials::redact_url;
use crate::error::{ApiError, Error, Result};
use crate::wire::{Body, Method, WireRequest};

/// Error bodies are read up to this size only (they just feed the error message).
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Same-origin GET redirects followed at most.
const MAX_REDIRECTS: u32 = 5;

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
