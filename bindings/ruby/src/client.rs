//! `OpenTok::Native::Client`: an `opentok_core::OpenTok` owned by Ruby, and running its calls with
//! the GVL released.

use magnus::r_hash::ForEach;
use magnus::{prelude::*, Error, RHash, RString, Ruby, Value};
use opentok_core::{Role, TokenOptions, TokenType};

use crate::convert::{expiry, layout_list, name_of, ruby_token_options, unsafe_str};
use crate::errors::{guarded, panic_error, parse_json, raise_core, raise_invalid};
use crate::host::host_answer;
use crate::nogvl;

/// An `opentok_core::OpenTok` owned by Ruby.
#[magnus::wrap(class = "OpenTok::Native::Client", free_immediately, size)]
pub(crate) struct Client {
    inner: opentok_core::OpenTok,
}

impl Client {
    pub(crate) fn new(ruby: &Ruby, options_json: String) -> Result<Self, Error> {
        let options = parse_json(ruby, "options", &options_json)?;
        let inner = opentok_core::OpenTok::from_json(options).map_err(|e| raise_core(ruby, &e))?;
        Ok(Client { inner })
    }

    /// Runs one REST operation with the GVL released; returns the result as JSON text.
    pub(crate) fn call(
        ruby: &Ruby,
        rb_self: &Self,
        op: String,
        args_json: String,
    ) -> Result<String, Error> {
        let args = parse_json(ruby, "arguments", &args_json)?;
        let client = rb_self.inner.clone();
        blocking(ruby, move || async move {
            opentok_core::call(&client, &op, args).await
        })
    }

    /// Walks every page of a list operation with the GVL released.
    pub(crate) fn call_all(
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
    pub(crate) fn generate_token(
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
        Self::mint(ruby, rb_self, &sid, &opts, now, nonce)
    }

    /// Mints the token; a core error is raised as its Ruby class, a panic never crosses into Ruby.
    fn mint(
        ruby: &Ruby,
        rb_self: &Self,
        sid: &str,
        opts: &opentok_core::TokenOptions,
        now: i64,
        nonce: Option<u64>,
    ) -> Result<String, Error> {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rb_self.inner.generate_token_at(sid, opts, now, nonce)
        }));
        match result {
            Ok(Ok(t)) => Ok(t),
            Ok(Err(e)) => Err(raise_core(ruby, &e)),
            Err(_) => Err(panic_error(ruby)),
        }
    }

    /// Mints a client token from the official option hash (`:role`, `:expire_time`, `:data`,
    /// `:initial_layout_class_list`, `:token_type`), read in Rust for speed.
    pub(crate) fn generate_token_opts(
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
        Self::mint(ruby, rb_self, &sid, &opts, now, None)
    }

    /// The HTTP request of `op` (host transport): JSON `{method, url, headers: [[name, value]], body}`.
    pub(crate) fn prepare(
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
    pub(crate) fn finish(
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
    pub(crate) fn finish_http(
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
    pub(crate) fn retry_delay(
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
    pub(crate) fn host_settings(&self) -> String {
        self.inner.host_settings().to_json().to_string()
    }

    /// Runs `op` natively and returns the HTTP answer JSON `{status, headers, body_text, json}`.
    pub(crate) fn call_http(
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
    pub(crate) fn auth_header(ruby: &Ruby, rb_self: &Self) -> Result<(String, String), Error> {
        guarded(ruby, || {
            rb_self
                .inner
                .auth_header()
                .map(|(name, value)| (name.to_owned(), value.to_string()))
        })
    }

    /// The base URL requests go to.
    pub(crate) fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// Never shows the secret.
    pub(crate) fn inspect(&self) -> String {
        format!(
            "#<OpenTok::Native::Client api_url={:?}>",
            self.inner.api_url()
        )
    }
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
