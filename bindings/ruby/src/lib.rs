//! Native part of the `opentok-rs` gem: a thin layer over `opentok-core`.
//!
//! Ruby sees `OpenTok::Native` with a `Client` class (`call`, `call_all`, `generate_token`) and a few
//! I/O-free helpers. Every failure raises `OpenTok::Native::Error` whose message is the core's
//! `Error::to_json()` payload; the Ruby layer maps it to the official exception classes.

use magnus::value::Opaque;
use magnus::{function, method, prelude::*, Error, Ruby};

mod client;
mod convert;
mod errors;
mod host;
mod nogvl;
mod webhooks;

use client::Client;
use errors::{guarded, NATIVE_ERROR};
use host::{build_request, decode_response, error_from_response};

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
