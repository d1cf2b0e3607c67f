//! Node.js binding of `opentok-core` (napi 3).
//!
//! Thin on purpose: arguments arrive as JSON strings (or typed values for the token fast path),
//! core does the work, and every failure becomes one JS `Error` whose `message` is the JSON of
//! [`opentok_core::Error::to_json`]. The npm package `opentok-rs` (folder `node/`) maps that
//! payload to the official `opentok` error classes.
//!
//! Async calls run on the one shared runtime, [`opentok_core::rt::runtime`]: a napi deferred
//! Promise is created on the JS thread, the operation is spawned on that runtime, and the task
//! settles the Promise when it finishes. napi's own tokio runtime is not compiled in, so the
//! process has exactly one runtime.

use std::panic::AssertUnwindSafe;
use std::str::FromStr;

use futures_util::FutureExt;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use opentok_core::{OpenTok, Role, TokenOptions, TokenType};
use serde_json::Value;

/// One error type across the boundary: `message` holds the core error JSON.
fn to_napi(e: &opentok_core::Error) -> napi::Error {
    napi::Error::new(Status::GenericFailure, e.to_json().to_string())
}

/// Longest connection data the official Node package accepts.
const NODE_MAX_DATA: usize = 1024;

fn invalid(field: &str, reason: &str) -> napi::Error {
    to_napi(&opentok_core::Error::invalid(field, reason))
}

fn parse_json(field: &str, text: &str) -> napi::Result<Value> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| invalid(field, &format!("is not valid JSON: {e}")))
}

fn panic_error(what: &str) -> opentok_core::Error {
    opentok_core::Error::Network(format!("internal error: {what} panicked"))
}

/// An OpenTok client (credentials, pooled HTTP connections, settings).
#[napi]
pub struct Client {
    inner: OpenTok,
}

#[napi]
impl Client {
    /// Builds a client from the core options JSON (`api_key`/`api_secret` or
    /// `application_id`/`private_key`, plus `api_url`, `timeout`, `proxy`, `ua_addendum`, …).
    #[napi(constructor, catch_unwind)]
    pub fn new(options_json: String) -> napi::Result<Self> {
        let options = parse_json("options", &options_json)?;
        let inner = OpenTok::from_json(options).map_err(|e| to_napi(&e))?;
        Ok(Client { inner })
    }

    /// The api key, or the application id for Vonage credentials.
    #[napi(getter)]
    pub fn project_id(&self) -> String {
        self.inner.credentials().project_id().to_owned()
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// The base URL with any credentials in it redacted (`http://***@host`), for logs and inspect.
    #[napi(getter)]
    pub fn display_url(&self) -> String {
        self.inner.display_url().to_owned()
    }

    /// Runs operation `op` with snake_case JSON arguments; resolves with the result JSON
    /// (`"null"` for operations without a result).
    #[napi(ts_return_type = "Promise<string>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        op: String,
        args_json: String,
    ) -> napi::Result<Object<'env>> {
        self.spawn(env, op, args_json, Mode::One)
    }

    /// Walks every page of `list_archives`, `list_broadcasts` or `list_renders`; resolves with
    /// a JSON array of all items.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn call_all<'env>(
        &self,
        env: &'env Env,
        op: String,
        args_json: String,
    ) -> napi::Result<Object<'env>> {
        self.spawn(env, op, args_json, Mode::All)
    }

    /// The REST-auth JWT a request made now carries (`X-OPENTOK-AUTH` value; for application
    /// credentials the Bearer token without the `Bearer ` prefix).
    #[napi(catch_unwind)]
    pub fn generate_jwt(&self) -> napi::Result<String> {
        let (_, value) = self.inner.auth_header().map_err(|e| to_napi(&e))?;
        Ok(value
            .strip_prefix("Bearer ")
            .map(str::to_owned)
            .unwrap_or_else(|| value.to_string()))
    }

    /// Host transport: the request `op` would send (`{method, url, headers: [[name, value]], body}`
    /// JSON; `body` is text or null). No I/O.
    #[napi(catch_unwind)]
    pub fn prepare(&self, op: String, args_json: String) -> napi::Result<String> {
        let args = parse_json("args", &args_json)?;
        let req = self.inner.prepare(&op, args).map_err(|e| to_napi(&e))?;
        Ok(req.to_json().to_string())
    }

    /// Host transport: reads the answer to a prepared `op` (`headers_json` = `[[name, value]]`);
    /// returns the result JSON, or for `http` the `{status, headers, body_text, json}` JSON.
    #[napi(catch_unwind)]
    pub fn finish(
        &self,
        op: String,
        status: u32,
        headers_json: String,
        body: Buffer,
        http: bool,
    ) -> napi::Result<String> {
        let headers: Vec<(String, String)> = serde_json::from_str(&headers_json)
            .map_err(|e| invalid("headers", &format!("is not [[name, value]] JSON: {e}")))?;
        let status = u16::try_from(status).unwrap_or(u16::MAX);
        if http {
            let r = self
                .inner
                .finish_http(&op, Value::Null, status, &headers, &body)
                .map_err(|e| to_napi(&e))?;
            Ok(r.to_json().to_string())
        } else {
            let v = self
                .inner
                .finish(&op, Value::Null, status, &headers, &body)
                .map_err(|e| to_napi(&e))?;
            Ok(v.to_string())
        }
    }

    /// Host transport: seconds to wait before retrying a failed `method` request (`retry` retries
    /// made so far; `status` absent for a network error), or null to give up.
    #[napi(catch_unwind)]
    pub fn retry_delay(
        &self,
        method: String,
        retry: u32,
        status: Option<u32>,
        retry_after: Option<String>,
        elapsed_seconds: f64,
    ) -> Option<f64> {
        let status = status.map(|s| u16::try_from(s).unwrap_or(u16::MAX));
        let elapsed = if elapsed_seconds.is_finite() && elapsed_seconds > 0.0 {
            std::time::Duration::from_secs_f64(elapsed_seconds.min(1e7))
        } else {
            std::time::Duration::ZERO
        };
        self.inner
            .retry_delay(&method, retry, status, retry_after.as_deref(), elapsed)
            .map(|d| d.as_secs_f64())
    }

    /// Host transport: `{api_url, timeout, connect_timeout, proxy, user_agent}` JSON (seconds).
    #[napi(catch_unwind)]
    pub fn host_settings(&self) -> String {
        self.inner.host_settings().to_json().to_string()
    }

    /// Like `call`, resolving `{status, headers, body_text, json}` JSON (the HTTP answer), for the
    /// operations whose official SDK hands the response object to the caller.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn call_http<'env>(
        &self,
        env: &'env Env,
        op: String,
        args_json: String,
    ) -> napi::Result<Object<'env>> {
        self.spawn(env, op, args_json, Mode::Http)
    }

    /// Mints a client token with the caller's clock (`now_seconds`, Unix seconds).
    ///
    /// `layout` is the class list already joined with spaces (or absent); `token_type` is
    /// `"JWT"` or `"T1"`; `nonce` fixes the nonce for exact-bytes tests.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)]
    pub fn generate_token(
        &self,
        session_id: String,
        role: Option<String>,
        expire_time: Option<f64>,
        data: Option<String>,
        layout: Option<String>,
        token_type: Option<String>,
        now_seconds: f64,
        nonce: Option<f64>,
    ) -> napi::Result<String> {
        let role = match role.as_deref() {
            None => Role::Publisher,
            Some(r) => Role::from_str(r).map_err(|e| to_napi(&e))?,
        };
        let token_type = match token_type.as_deref() {
            None => TokenType::Jwt,
            Some(t) => TokenType::from_str(t)
                .map_err(|_| invalid("tokenType", "must be \"JWT\" or \"T1\""))?,
        };
        if !now_seconds.is_finite() {
            return Err(invalid("now", "must be a finite number of seconds"));
        }
        let expire_time = match expire_time {
            None => None,
            Some(e) if e.is_finite() && e.abs() < 1e15 => Some(e.floor() as i64),
            Some(_) => return Err(invalid("expire_time", "must be a finite number of seconds")),
        };
        let nonce = match nonce {
            None => None,
            Some(n) if (0.0..9.007_199_254_740_992e15).contains(&n) => Some(n as u64),
            Some(_) => return Err(invalid("nonce", "must be a non-negative safe integer")),
        };
        // The official package's limits: data up to 1024 (JavaScript string length, UTF-16
        // code units), no upper bound on the expiry.
        if data
            .as_deref()
            .is_some_and(|d| d.encode_utf16().count() > NODE_MAX_DATA)
        {
            return Err(invalid("data", "must be at most 1024 characters"));
        }
        let opts = TokenOptions {
            role,
            expire_time,
            data,
            initial_layout_class_list: layout
                .filter(|l| !l.is_empty())
                .map(|l| vec![l])
                .unwrap_or_default(),
            token_type,
            max_data_chars: Some(NODE_MAX_DATA),
            max_expiry_secs: None,
        };
        self.inner
            .generate_token_at(&session_id, &opts, now_seconds.floor() as i64, nonce)
            .map_err(|e| to_napi(&e))
    }
}

/// What a spawned call resolves with.
#[derive(Clone, Copy)]
enum Mode {
    /// The operation's JSON result.
    One,
    /// Every page's items.
    All,
    /// The HTTP answer `{status, headers, body_text, json}`.
    Http,
}

impl Client {
    fn spawn<'env>(
        &self,
        env: &'env Env,
        op: String,
        args_json: String,
        mode: Mode,
    ) -> napi::Result<Object<'env>> {
        let (deferred, promise) = env.create_deferred::<String, _>()?;
        let args = match parse_json("args", &args_json) {
            Ok(a) => a,
            Err(e) => {
                deferred.reject(e);
                return Ok(promise);
            }
        };
        let rt = match opentok_core::rt::runtime() {
            Ok(rt) => rt,
            Err(e) => {
                deferred.reject(to_napi(&e));
                return Ok(promise);
            }
        };
        let client = self.inner.clone();
        rt.spawn(async move {
            let fut = async {
                match mode {
                    Mode::All => opentok_core::call_all(&client, &op, args).await,
                    Mode::One => opentok_core::call(&client, &op, args).await,
                    Mode::Http => opentok_core::call_http(&client, &op, args).await,
                }
            };
            let out = AssertUnwindSafe(fut)
                .catch_unwind()
                .await
                .unwrap_or_else(|_| Err(panic_error(&op)));
            match out {
                Ok(v) => {
                    let text = v.to_string();
                    deferred.resolve(move |_| Ok(text));
                }
                Err(e) => deferred.reject(to_napi(&e)),
            }
        });
        Ok(promise)
    }
}

/// The wire request (`{method, path, query, headers?, body}` JSON) operation `op` sends. No I/O.
#[napi(catch_unwind)]
pub fn build_request(op: String, args_json: String, project_id: String) -> napi::Result<String> {
    let args = parse_json("args", &args_json)?;
    let req = opentok_core::build_request(&op, args, &project_id).map_err(|e| to_napi(&e))?;
    Ok(req.to_json().to_string())
}

/// Decodes a 2xx response body of operation `op` into the result JSON. No I/O.
#[napi(catch_unwind)]
pub fn decode_response(op: String, args_json: String, body: String) -> napi::Result<String> {
    let args = parse_json("args", &args_json)?;
    let v = opentok_core::decode_response(&op, args, body.as_bytes()).map_err(|e| to_napi(&e))?;
    Ok(v.to_string())
}

/// The error JSON core produces for a non-2xx answer. No I/O.
#[napi(catch_unwind)]
pub fn error_from_response(
    status: u32,
    body: String,
    request_id: Option<String>,
    retry_after: Option<u32>,
) -> String {
    let status = u16::try_from(status).unwrap_or(u16::MAX);
    opentok_core::transport::error_from_response(
        status,
        body.as_bytes(),
        request_id,
        retry_after.map(u64::from),
    )
    .to_json()
    .to_string()
}

/// Decodes a session id into `{"api_key", "location", "create_time"}` JSON.
#[napi(catch_unwind)]
pub fn decode_session_id(session_id: String) -> napi::Result<String> {
    let info = opentok_core::session_id::decode(&session_id).map_err(|e| to_napi(&e))?;
    Ok(serde_json::json!({
        "api_key": info.api_key,
        "location": info.location,
        "create_time": info.create_time,
    })
    .to_string())
}

pub mod webhooks;

/// Names of every core operation (snake_case).
#[napi]
pub fn operations() -> Vec<String> {
    opentok_core::OPERATIONS
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// Version of the native module.
#[napi]
pub fn native_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
