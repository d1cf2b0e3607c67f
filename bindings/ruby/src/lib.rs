//! Native part of the `opentok-rs` gem: a thin layer over `opentok-core`.
//!
//! Ruby sees `OpenTok::Native` with a `Client` class (`call`, `call_all`, `generate_token`) and a few
//! I/O-free helpers. Every failure raises `OpenTok::Native::Error` whose message is the core's
//! `Error::to_json()` payload; the Ruby layer maps it to the official exception classes.

use std::sync::OnceLock;

use magnus::r_hash::ForEach;
use magnus::value::Opaque;
use magnus::{
    function, method, prelude::*, Error, ExceptionClass, Float, Integer, RArray, RHash, RString,
    Ruby, Symbol, Value,
};
use opentok_core::{Role, TokenOptions, TokenType};

mod nogvl;
mod webhooks;

/// The exception class every native failure raises.
static NATIVE_ERROR: OnceLock<Opaque<ExceptionClass>> = OnceLock::new();

fn error_class(ruby: &Ruby) -> ExceptionClass {
    match NATIVE_ERROR.get() {
        Some(c) => ruby.get_inner(*c),
        None => ruby.exception_standard_error(),
    }
}

/// Raises the native error with a JSON payload.
fn raise_json(ruby: &Ruby, payload: serde_json::Value) -> Error {
    Error::new(error_class(ruby), payload.to_string())
}

fn raise_core(ruby: &Ruby, e: &opentok_core::Error) -> Error {
    raise_json(ruby, e.to_json())
}

fn raise_invalid(ruby: &Ruby, field: &str, reason: &str) -> Error {
    raise_core(ruby, &opentok_core::Error::invalid(field, reason))
}

fn parse_json(ruby: &Ruby, field: &str, text: &str) -> Result<serde_json::Value, Error> {
    if text.is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_str(text)
        .map_err(|e| raise_invalid(ruby, field, &format!("is not valid JSON: {e}")))
}

/// An `opentok_core::OpenTok` owned by Ruby.
#[magnus::wrap(class = "OpenTok::Native::Client", free_immediately, size)]
struct Client {
    inner: opentok_core::OpenTok,
}

impl Client {
    fn new(ruby: &Ruby, options_json: String) -> Result<Self, Error> {
        let options = parse_json(ruby, "options", &options_json)?;
        let inner = opentok_core::OpenTok::from_json(options).map_err(|e| raise_core(ruby, &e))?;
        Ok(Client { inner })
    }

    /// Runs one REST operation with the GVL released; returns the result as JSON text.
    fn call(ruby: &Ruby, rb_self: &Self, op: String, args_json: String) -> Result<String, Error> {
        let args = parse_json(ruby, "arguments", &args_json)?;
        let client = rb_self.inner.clone();
        blocking(ruby, move || async move {
            opentok_core::call(&client, &op, args).await
        })
    }

    /// Walks every page of a list operation with the GVL released.
    fn call_all(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
    ) -> Result<String, Error> {
        let args = parse_json(ruby, "arguments", &args_json)?;
        let client = rb_self.inner.clone();
        blocking(ruby, move || async move {
            opentok_core::call_all(&client, &op, args).await
        })
    }

    /// Mints a client token with the host clock (`now`, Unix seconds) and an optional nonce.
    #[allow(clippy::too_many_arguments)]
    fn generate_token(
        ruby: &Ruby,
        rb_self: &Self,
        session_id: RString,
        role: RString,
        expire_time: Option<i64>,
        data: Option<RString>,
        layout: Vec<String>,
        token_type: RString,
        now: i64,
        nonce: Option<u64>,
    ) -> Result<String, Error> {
        let sid = unsafe_str(ruby, "session_id", &session_id)?;
        let role: Role = unsafe_str(ruby, "role", &role)?
            .parse()
            .map_err(|e| raise_core(ruby, &e))?;
        let token_type: TokenType = unsafe_str(ruby, "token_type", &token_type)?
            .parse()
            .map_err(|e| raise_core(ruby, &e))?;
        let data = match data {
            Some(d) => Some(unsafe_str(ruby, "data", &d)?),
            None => None,
        };
        let opts = TokenOptions {
            role,
            expire_time,
            data,
            initial_layout_class_list: layout,
            token_type,
            ..ruby_token_options()
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rb_self.inner.generate_token_at(&sid, &opts, now, nonce)
        }));
        match result {
            Ok(Ok(t)) => Ok(t),
            Ok(Err(e)) => Err(raise_core(ruby, &e)),
            Err(_) => Err(panic_error(ruby)),
        }
    }

    /// Mints a client token from the official option hash (`:role`, `:expire_time`, `:data`,
    /// `:initial_layout_class_list`, `:token_type`), read in Rust for speed.
    fn generate_token_opts(
        ruby: &Ruby,
        rb_self: &Self,
        session_id: Value,
        options: Value,
        now: i64,
    ) -> Result<String, Error> {
        let sid = match RString::from_value(session_id) {
            Some(s) => unsafe_str(ruby, "session_id", &s)?,
            None if session_id.is_nil() => {
                return Err(raise_invalid(ruby, "session_id", "not provided"))
            }
            None => return Err(raise_invalid(ruby, "session_id", "must be a String")),
        };
        let mut opts = ruby_token_options();
        if !options.is_nil() {
            let hash = RHash::from_value(options)
                .ok_or_else(|| raise_invalid(ruby, "options", "must be a Hash"))?;
            hash.foreach(|k: Value, v: Value| {
                // The official gem reads Symbol keys only; other keys are ignored as it does.
                let Some(key) = name_of(ruby, k) else {
                    return Ok(ForEach::Continue);
                };
                match key.as_str() {
                    "role" if !v.is_nil() => {
                        let r = name_of(ruby, v).ok_or_else(|| {
                            raise_invalid(ruby, "role", "must be one of :subscriber, :publisher, :publisheronly, :moderator")
                        })?;
                        opts.role = r.parse().map_err(|e| raise_core(ruby, &e))?;
                    }
                    "expire_time" => opts.expire_time = expiry(ruby, v)?,
                    "data" if !v.is_nil() => {
                        let d = RString::from_value(v).ok_or_else(|| raise_invalid(ruby, "data", "must be a String"))?;
                        opts.data = Some(unsafe_str(ruby, "data", &d)?);
                    }
                    "initial_layout_class_list" => opts.initial_layout_class_list = layout_list(ruby, v)?,
                    "token_type" if !v.is_nil() => {
                        let t = name_of(ruby, v).unwrap_or_default();
                        opts.token_type = match t.to_ascii_uppercase().as_str() {
                            "JWT" => TokenType::Jwt,
                            "T1" => TokenType::T1,
                            _ => return Err(raise_invalid(ruby, "token_type", "must be \"JWT\" or \"T1\"")),
                        };
                    }
                    // The official gem ignores option keys it does not know.
                    _ => {}
                }
                Ok(ForEach::Continue)
            })?;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rb_self.inner.generate_token_at(&sid, &opts, now, None)
        }));
        match result {
            Ok(Ok(t)) => Ok(t),
            Ok(Err(e)) => Err(raise_core(ruby, &e)),
            Err(_) => Err(panic_error(ruby)),
        }
    }

    /// The HTTP request of `op` (host transport): JSON `{method, url, headers: [[name, value]], body}`.
    fn prepare(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
    ) -> Result<String, Error> {
        let args = parse_json(ruby, "arguments", &args_json)?;
        guarded(ruby, || {
            rb_self
                .inner
                .prepare(&op, args)
                .map(|r| r.to_json().to_string())
        })
    }

    /// The result JSON of `op` from an HTTP answer received by the host (errors as `call` raises them).
    fn finish(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
        status: u16,
        headers_json: String,
        body: RString,
    ) -> Result<String, Error> {
        let (args, headers, bytes) = host_answer(ruby, &args_json, &headers_json, body)?;
        guarded(ruby, || {
            rb_self
                .inner
                .finish(&op, args, status, &headers, &bytes)
                .map(|v| v.to_string())
        })
    }

    /// Like `finish`, for the operations that return the HTTP response: `{status, headers, body_text, json}`.
    fn finish_http(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
        status: u16,
        headers_json: String,
        body: RString,
    ) -> Result<String, Error> {
        let (args, headers, bytes) = host_answer(ruby, &args_json, &headers_json, body)?;
        guarded(ruby, || {
            rb_self
                .inner
                .finish_http(&op, args, status, &headers, &bytes)
                .map(|r| r.to_json().to_string())
        })
    }

    /// Seconds to wait before retry number `retry` (0-based), or nil when no retry is due.
    fn retry_delay(
        &self,
        method: String,
        retry: u32,
        status: Option<u16>,
        retry_after: Option<String>,
        elapsed: f64,
    ) -> Option<f64> {
        let elapsed = std::time::Duration::try_from_secs_f64(elapsed.max(0.0)).unwrap_or_default();
        self.inner
            .retry_delay(&method, retry, status, retry_after.as_deref(), elapsed)
            .map(|d| d.as_secs_f64())
    }

    /// What the host transport applies: JSON `{api_url, timeout, connect_timeout, proxy, user_agent}`.
    fn host_settings(&self) -> String {
        self.inner.host_settings().to_json().to_string()
    }

    /// Runs `op` natively and returns the HTTP answer JSON `{status, headers, body_text, json}`.
    fn call_http(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
    ) -> Result<String, Error> {
        let args = parse_json(ruby, "arguments", &args_json)?;
        let client = rb_self.inner.clone();
        blocking(ruby, move || async move {
            opentok_core::call_http(&client, &op, args).await
        })
    }

    /// The REST authentication header `[name, value]` for a request made now.
    fn auth_header(ruby: &Ruby, rb_self: &Self) -> Result<(String, String), Error> {
        guarded(ruby, || {
            rb_self
                .inner
                .auth_header()
                .map(|(name, value)| (name.to_owned(), value.to_string()))
        })
    }

    /// The base URL requests go to.
    fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// Never shows the secret.
    fn inspect(&self) -> String {
        format!(
            "#<OpenTok::Native::Client api_url={:?}>",
            self.inner.api_url()
        )
    }
}

/// The text of a Symbol or String.
/// The official gem's token limits: data must be shorter than 1000 characters, the expiry
/// within 30 days.
fn ruby_token_options() -> TokenOptions {
    TokenOptions {
        max_data_chars: Some(999),
        ..TokenOptions::default()
    }
}

fn name_of(ruby: &Ruby, v: Value) -> Option<String> {
    let _ = ruby;
    if let Some(sym) = Symbol::from_value(v) {
        return sym.name().ok().map(|n| n.into_owned());
    }
    RString::from_value(v).and_then(|s| RString::to_string(s).ok())
}

/// `:expire_time` as Unix seconds: Integer, Float or Time; nil and 0 mean the default.
fn expiry(ruby: &Ruby, v: Value) -> Result<Option<i64>, Error> {
    let bad = || {
        raise_invalid(
            ruby,
            "expire_time",
            "must be an Integer (Unix seconds) or a Time",
        )
    };
    let range = || raise_invalid(ruby, "expire_time", "is out of range");
    let secs = if v.is_nil() {
        return Ok(None);
    } else if let Some(i) = Integer::from_value(v) {
        i.to_i64().map_err(|_| range())?
    } else if let Some(f) = Float::from_value(v) {
        let f = f.to_f64();
        if !f.is_finite() || f.abs() > 4.0e18 {
            return Err(range());
        }
        f as i64
    } else if v.is_kind_of(ruby.class_time()) {
        v.funcall::<_, _, i64>("to_i", ()).map_err(|_| range())?
    } else {
        return Err(bad());
    };
    Ok(if secs == 0 { None } else { Some(secs) })
}

/// `:initial_layout_class_list` as an Array of Strings/Symbols or one String.
fn layout_list(ruby: &Ruby, v: Value) -> Result<Vec<String>, Error> {
    let bad = || {
        raise_invalid(
            ruby,
            "initial_layout_class_list",
            "must be an Array of Strings or a String",
        )
    };
    if v.is_nil() {
        return Ok(Vec::new());
    }
    if let Some(one) = name_of(ruby, v) {
        return Ok(vec![one]);
    }
    let arr = RArray::from_value(v).ok_or_else(bad)?;
    let mut out = Vec::with_capacity(arr.len());
    for item in arr.into_iter() {
        out.push(name_of(ruby, item).ok_or_else(bad)?);
    }
    Ok(out)
}

/// Copies a Ruby string into Rust, rejecting invalid UTF-8 with an error naming the field.
fn unsafe_str(ruby: &Ruby, field: &str, s: &RString) -> Result<String, Error> {
    RString::to_string(*s).map_err(|_| raise_invalid(ruby, field, "is not valid UTF-8"))
}

fn panic_error(ruby: &Ruby) -> Error {
    raise_json(
        ruby,
        serde_json::json!({"kind": "panic", "message": "internal error in opentok-core (a Rust panic was caught)"}),
    )
}

/// Runs one core future with the GVL released. An interrupt of the calling Ruby thread
/// (`Timeout.timeout`, `Thread#kill`, a signal, exit) stops the wait at once: Ruby's pending
/// interrupts run, and when they raise, the in-flight request is cancelled (the future is dropped)
/// and the exception propagates. An interrupt that raises nothing (a thread switch, a signal handler
/// that returns) resumes the wait on the same request, as Ruby's own IO does after EINTR.
/// The result is the JSON text of the value.
fn blocking<M, F>(ruby: &Ruby, make: M) -> Result<String, Error>
where
    M: FnOnce() -> F,
    F: std::future::Future<Output = opentok_core::Result<serde_json::Value>>,
{
    let mut fut = Box::pin(make());
    loop {
        let outcome = nogvl::without_gvl(|cancel| {
            opentok_core::rt::block_on(async {
                tokio::select! {
                    r = &mut fut => Some(r),
                    () = cancel.cancelled() => None,
                }
            })
        });
        nogvl::check_interrupts()?;
        match outcome {
            // Not started, or stopped by an interrupt that raised nothing: keep waiting.
            None | Some(Ok(Ok(None))) => continue,
            Some(Ok(Ok(Some(Ok(v))))) => return Ok(v.to_string()),
            Some(Ok(Ok(Some(Err(e))))) | Some(Ok(Err(e))) => return Err(raise_core(ruby, &e)),
            Some(Err(_)) => return Err(panic_error(ruby)),
        }
    }
}

fn guarded<T>(ruby: &Ruby, f: impl FnOnce() -> opentok_core::Result<T>) -> Result<T, Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(raise_core(ruby, &e)),
        Err(_) => Err(panic_error(ruby)),
    }
}

/// The wire request (`{method, path, query, headers, body}`) of `op` for `args_json` (no I/O).
fn build_request(
    ruby: &Ruby,
    op: String,
    args_json: String,
    project_id: String,
) -> Result<String, Error> {
    let args = parse_json(ruby, "arguments", &args_json)?;
    guarded(ruby, || {
        opentok_core::build_request(&op, args, &project_id).map(|r| r.to_json().to_string())
    })
}

#[allow(unsafe_code)]
/// Decodes a 2xx body of `op` into the result JSON (no I/O).
fn decode_response(
    ruby: &Ruby,
    op: String,
    args_json: String,
    body: RString,
) -> Result<String, Error> {
    let args = parse_json(ruby, "arguments", &args_json)?;
    // SAFETY: the bytes are copied immediately, before any other Ruby call.
    let bytes = unsafe { body.as_slice() }.to_vec();
    guarded(ruby, || {
        opentok_core::decode_response(&op, args, &bytes).map(|v| v.to_string())
    })
}

#[allow(unsafe_code)]
/// The error payload the core produces for a non-2xx answer (no I/O).
fn error_from_response(
    status: u16,
    body: RString,
    request_id: Option<String>,
    retry_after: Option<u64>,
) -> String {
    // SAFETY: the bytes are copied immediately, before any other Ruby call.
    let bytes = unsafe { body.as_slice() }.to_vec();
    opentok_core::transport::error_from_response(status, &bytes, request_id, retry_after)
        .to_json()
        .to_string()
}

/// Arguments, headers and body bytes of an HTTP answer the host received.
type HostAnswer = (serde_json::Value, Vec<(String, String)>, Vec<u8>);

#[allow(unsafe_code)]
/// Arguments, headers (`[[name, value]]` JSON) and body bytes of a host-transport answer.
fn host_answer(
    ruby: &Ruby,
    args_json: &str,
    headers_json: &str,
    body: RString,
) -> Result<HostAnswer, Error> {
    let args = parse_json(ruby, "arguments", args_json)?;
    let headers: Vec<(String, String)> = serde_json::from_str(headers_json).map_err(|e| {
        raise_invalid(
            ruby,
            "headers",
            &format!("must be [[name, value], ...]: {e}"),
        )
    })?;
    // SAFETY: the bytes are copied immediately, before any other Ruby call.
    let bytes = unsafe { body.as_slice() }.to_vec();
    Ok((args, headers, bytes))
}

/// `{api_key, location, create_time}` of a session id.
fn decode_session_id(ruby: &Ruby, session_id: String) -> Result<String, Error> {
    guarded(ruby, || {
        opentok_core::session_id::decode(&session_id).map(|i| {
            serde_json::json!({"api_key": i.api_key, "location": i.location, "create_time": i.create_time})
                .to_string()
        })
    })
}

/// Names of every operation.
fn operations() -> Vec<&'static str> {
    opentok_core::OPERATIONS.to_vec()
}

mod ext {
    use super::*;

    /// Defines `OpenTok::Native` (called by Ruby when the extension loads).
    #[magnus::init(name = "opentok_native")]
    pub(crate) fn init(ruby: &Ruby) -> Result<(), Error> {
        let opentok = ruby.define_module("OpenTok")?;
        let native = opentok.define_module("Native")?;
        let err = native.define_error("Error", ruby.exception_standard_error())?;
        let _ = NATIVE_ERROR.set(Opaque::from(err));

        let client = native.define_class("Client", ruby.class_object())?;
        client.define_singleton_method("new", function!(Client::new, 1))?;
        client.define_method("call", method!(Client::call, 2))?;
        client.define_method("call_all", method!(Client::call_all, 2))?;
        client.define_method("generate_token", method!(Client::generate_token, 8))?;
        client.define_method(
            "generate_token_opts",
            method!(Client::generate_token_opts, 3),
        )?;
        client.define_method("prepare", method!(Client::prepare, 2))?;
        client.define_method("finish", method!(Client::finish, 5))?;
        client.define_method("finish_http", method!(Client::finish_http, 5))?;
        client.define_method("retry_delay", method!(Client::retry_delay, 5))?;
        client.define_method("host_settings", method!(Client::host_settings, 0))?;
        client.define_method("call_http", method!(Client::call_http, 2))?;
        client.define_method("auth_header", method!(Client::auth_header, 0))?;
        client.define_method("api_url", method!(Client::api_url, 0))?;
        client.define_method("inspect", method!(Client::inspect, 0))?;
        client.define_method("to_s", method!(Client::inspect, 0))?;

        native.define_module_function("build_request", function!(build_request, 3))?;
        native.define_module_function("decode_response", function!(decode_response, 3))?;
        native.define_module_function("error_from_response", function!(error_from_response, 4))?;
        native.define_module_function("decode_session_id", function!(decode_session_id, 1))?;
        native.define_module_function("operations", function!(operations, 0))?;
        native.define_module_function(
            "parse_webhook",
            function!(crate::webhooks::parse_webhook, 5),
        )?;
        Ok(())
    }
}
