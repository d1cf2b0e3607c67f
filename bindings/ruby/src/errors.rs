//! The one exception class native failures raise, and the JSON payloads it carries.

use std::sync::OnceLock;

use magnus::value::Opaque;
use magnus::{Error, ExceptionClass, Ruby};

/// The exception class every native failure raises.
pub(crate) static NATIVE_ERROR: OnceLock<Opaque<ExceptionClass>> = OnceLock::new();

pub(crate) fn error_class(ruby: &Ruby) -> ExceptionClass {
    match NATIVE_ERROR.get() {
        Some(c) => ruby.get_inner(*c),
        None => ruby.exception_standard_error(),
    }
}

/// Raises the native error with a JSON payload.
pub(crate) fn raise_json(ruby: &Ruby, payload: serde_json::Value) -> Error {
    Error::new(error_class(ruby), payload.to_string())
}

pub(crate) fn raise_core(ruby: &Ruby, e: &opentok_core::Error) -> Error {
    raise_json(ruby, e.to_json())
}

pub(crate) fn raise_invalid(ruby: &Ruby, field: &str, reason: &str) -> Error {
    raise_core(ruby, &opentok_core::Error::invalid(field, reason))
}

pub(crate) fn parse_json(ruby: &Ruby, field: &str, text: &str) -> Result<serde_json::Value, Error> {
    if text.is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_str(text)
        .map_err(|e| raise_invalid(ruby, field, &format!("is not valid JSON: {e}")))
}

pub(crate) fn panic_error(ruby: &Ruby) -> Error {
    raise_json(
        ruby,
        serde_json::json!({"kind": "panic", "message": "internal error in opentok-core (a Rust panic was caught)"}),
    )
}

pub(crate) fn guarded<T>(
    ruby: &Ruby,
    f: impl FnOnce() -> opentok_core::Result<T>,
) -> Result<T, Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(raise_core(ruby, &e)),
        Err(_) => Err(panic_error(ruby)),
    }
}
