//! Host transport: the core builds each request and reads each answer, and the bytes travel through
//! the host language's own HTTP stack (the one users' HTTP mocks patch: `requests`, `http`,
//! `Net::HTTP`).
//!
//! A host call is: [`OpenTok::prepare`] → send [`HttpRequest`] with the host stack, applying
//! [`OpenTok::host_settings`] (timeouts, proxy) → [`OpenTok::finish`] with the answer (or
//! [`OpenTok::finish_http`] for the operations whose official SDK returns the HTTP response). On a
//! failure, [`OpenTok::retry_delay`] says whether and when to try again, following the client's
//! retry policy. Results and errors are those of the native transport ([`crate::call`],
//! [`call_http`]), byte for byte.

use std::time::Duration;

use serde_json::{json, Map, Value};

use crate::client::OpenTok;
use crate::dispatch::{build_request, decode_response};
use crate::error::{Error, Result};
use crate::transport::{error_from_response, RawResponse};
use crate::wire::{Body, Method, WireRequest};

/// A request ready to send: everything the native transport would put on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: &'static str,
    /// Absolute URL, query included.
    pub url: String,
    /// Headers in order: the auth header (`X-OPENTOK-AUTH` or `Authorization`), `User-Agent`,
    /// `Accept`, and `Content-Type` when there is a body.
    pub headers: Vec<(String, String)>,
    /// Body bytes (JSON or form-urlencoded text), if any.
    pub body: Option<Vec<u8>>,
}

impl HttpRequest {
    /// `{"method", "url", "headers": [[name, value], …], "body": <text> | null}`.
    ///
    /// The body text is never logged by the core; it holds what the caller passed (tokens, SIP
    /// passwords), so hosts must not log it either.
    pub fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "url": self.url,
            "headers": self.headers.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
            "body": self.body.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()),
        })
    }
}

/// An HTTP answer as the operations whose official SDK returns the response object expose it.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    /// HTTP status (2xx: other statuses are errors).
    pub status: u16,
    /// Headers, names lower-case; repeated headers joined with `", "`.
    pub headers: Map<String, Value>,
    /// Body as text (UTF-8, invalid bytes replaced).
    pub body_text: String,
    /// Body as raw JSON ([`crate::decode_response`]); `null` when empty or not JSON.
    pub json: Value,
}

impl HttpResponse {
    /// `{"status", "headers": {name: value}, "body_text", "json"}`.
    pub fn to_json(&self) -> Value {
        json!({
            "status": self.status,
            "headers": self.headers,
            "body_text": self.body_text,
            "json": self.json,
        })
    }

    fn new(op: &str, status: u16, headers: &[(String, String)], body: &[u8]) -> Self {
        let mut map = Map::new();
        for (k, v) in headers {
            let k = k.to_ascii_lowercase();
            match map.get_mut(&k) {
                Some(Value::String(prev)) => {
                    prev.push_str(", ");
                    prev.push_str(v);
                }
                _ => {
                    map.insert(k, Value::String(v.clone()));
                }
            }
        }
        HttpResponse {
            status,
            headers: map,
            body_text: String::from_utf8_lossy(body).into_owned(),
            json: decode_response(op, Value::Null, body).unwrap_or(Value::Null),
        }
    }
}

/// The settings a host transport must apply.
#[derive(Debug, Clone, PartialEq)]
pub struct HostSettings {
    /// Base URL (already part of [`HttpRequest::url`]).
    pub api_url: String,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Proxy URL, if configured (may hold credentials: never log it).
    pub proxy: Option<String>,
    /// User-Agent (already in [`HttpRequest::headers`]).
    pub user_agent: String,
    /// Largest 2xx response body to read; a larger one is a `decode` error.
    pub max_response_bytes: usize,
    /// Extra trusted CA certificates (PEM text or a path), if configured.
    pub ca_bundle: Option<String>,
}

impl HostSettings {
    /// `{"api_url", "timeout", "connect_timeout" (seconds, float), "proxy", "user_agent",
    /// "max_response_bytes", "ca_bundle"}`.
    pub fn to_json(&self) -> Value {
        json!({
            "api_url": self.api_url,
            "timeout": self.timeout.as_secs_f64(),
            "connect_timeout": self.connect_timeout.as_secs_f64(),
            "proxy": self.proxy,
            "user_agent": self.user_agent,
            "max_response_bytes": self.max_response_bytes,
            "ca_bundle": self.ca_bundle,
        })
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn method_from(name: &str) -> Result<Method> {
    Ok(match name.to_ascii_uppercase().as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "PATCH" => Method::Patch,
        "DELETE" => Method::Delete,
        _ => {
            return Err(Error::invalid(
                "method",
                "is not an HTTP method the API uses",
            ))
        }
    })
}

/// The error a non-2xx answer becomes, as on the native transport.
fn status_error(status: u16, headers: &[(String, String)], body: &[u8]) -> Error {
    let request_id = ["x-request-id", "x-tb-request-id", "x-opentok-request-id"]
        .iter()
        .find_map(|h| header(headers, h))
        .map(str::to_owned);
    let retry_after = header(headers, "retry-after").and_then(|v| v.trim().parse::<u64>().ok());
    error_from_response(status, body, request_id, retry_after)
}

impl OpenTok {
    /// Builds the full request of `op` for `args` (validation, path, query, body, auth header,
    /// User-Agent), without sending it.
    pub fn prepare(&self, op: &str, args: Value) -> Result<HttpRequest> {
        let req = build_request(op, args, self.credentials().project_id())?;
        self.prepare_wire(&req)
    }

    fn prepare_wire(&self, req: &WireRequest) -> Result<HttpRequest> {
        let mut url = reqwest::Url::parse(&format!("{}{}", self.api_url(), req.path))
            .map_err(|_| Error::invalid("api_url", "does not make a valid URL"))?;
        if !req.query.is_empty() {
            url.query_pairs_mut().extend_pairs(req.query.iter());
        }
        let (auth_name, auth_value) = self.auth_header()?;
        let t = self.transport();
        let mut headers = vec![
            (auth_name.to_owned(), auth_value.to_string()),
            (
                "User-Agent".to_owned(),
                String::from_utf8_lossy(t.user_agent.as_bytes()).into_owned(),
            ),
            ("Accept".to_owned(), "application/json".to_owned()),
        ];
        let body = match &req.body {
            None => None,
            Some(Body::Json(v)) => {
                headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
                Some(serde_json::to_vec(v).map_err(|e| Error::Decode(e.to_string()))?)
            }
            Some(Body::Form(f)) => {
                headers.push((
                    "Content-Type".to_owned(),
                    "application/x-www-form-urlencoded".to_owned(),
                ));
                Some(
                    serde_urlencoded::to_string(f)
                        .map_err(|e| Error::Decode(e.to_string()))?
                        .into_bytes(),
                )
            }
        };
        Ok(HttpRequest {
            method: req.method.as_str(),
            url: url.into(),
            headers,
            body,
        })
    }

    /// Reads the host's answer to a prepared `op`: a 2xx answer gives what [`crate::call`] gives
    /// (the raw JSON, `null` when empty); any other status gives the error the native transport
    /// raises. `args` is not needed and is ignored.
    pub fn finish(
        &self,
        op: &str,
        _args: Value,
        status: u16,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<Value> {
        if (200..300).contains(&status) {
            decode_response(op, Value::Null, body)
        } else {
            Err(status_error(status, headers, body))
        }
    }

    /// Like [`OpenTok::finish`] for the operations whose official SDK returns the HTTP response:
    /// what [`call_http`] gives.
    pub fn finish_http(
        &self,
        op: &str,
        _args: Value,
        status: u16,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<HttpResponse> {
        if (200..300).contains(&status) {
            Ok(HttpResponse::new(op, status, headers, body))
        } else {
            Err(status_error(status, headers, body))
        }
    }

    /// After a failed attempt of a `method` request (`status`: the answer's status, `None` for a
    /// network error or timeout), with `retry` retries already made (0 after the first attempt),
    /// the answer's `Retry-After` header (seconds or HTTP date) and the time since the first attempt
    /// started: the delay before the next attempt, or `None` to give up and raise. The client's retry
    /// policy and total timeout, exactly as the native transport applies them.
    pub fn retry_delay(
        &self,
        method: &str,
        retry: u32,
        status: Option<u16>,
        retry_after: Option<&str>,
        elapsed: Duration,
    ) -> Option<Duration> {
        let method = method_from(method).ok()?;
        self.transport()
            .config
            .retry_delay(method, retry, status, retry_after, elapsed)
    }

    /// Timeouts, proxy and User-Agent the host transport must apply.
    pub fn host_settings(&self) -> HostSettings {
        let t = self.transport();
        HostSettings {
            api_url: self.api_url().to_owned(),
            timeout: t.config.timeout,
            connect_timeout: t.config.connect_timeout,
            proxy: t.config.proxy.clone(),
            user_agent: String::from_utf8_lossy(t.user_agent.as_bytes()).into_owned(),
            max_response_bytes: t.config.max_response_bytes,
            ca_bundle: t.config.ca_bundle.clone(),
        }
    }

    /// Sends `op` on the native transport and returns the HTTP answer (status, headers, text and
    /// raw JSON), for the operations whose official SDK returns its HTTP library's response.
    pub async fn call_http(&self, op: &str, args: Value) -> Result<HttpResponse> {
        let req = build_request(op, args, self.credentials().project_id())?;
        let (name, value) = self.auth_header()?;
        let RawResponse {
            status,
            headers,
            body,
        } = self.transport().send_full(&req, (name, &value)).await?;
        Ok(HttpResponse::new(op, status, &headers, &body))
    }
}

/// [`OpenTok::call_http`] as JSON: `{"status", "headers", "body_text", "json"}`.
pub async fn call_http(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
    Ok(client.call_http(op, args).await?.to_json())
}
