//! UniFFI binding of `opentok-core`: the native part of the Kotlin (`com.opentokrs`) and Swift
//! (`OpenTok`) packages.
//!
//! Thin by design: every exported method turns its typed arguments into core's snake_case JSON
//! arguments (option records' `extra` members included, as given), runs `opentok_core::call` on
//! the shared runtime, and reads the service's answer, as received, into a typed record that keeps
//! the members it does not name (see `types`). Errors become [`NativeError`], which the language
//! packages map to their own exception types.
// The UniFFI scaffolding generates the `extern "C"` FFI edge, which is unsafe code by nature.
#![allow(unsafe_code)]

mod answers;
mod args;
mod client;
mod error;
mod operations;
mod records;
#[cfg(test)]
mod tests;

mod options;
mod types;
mod webhooks;

pub use client::OpenTokClient;
pub use error::NativeError;
use error::{parse_json, Res};
pub use options::*;
pub use types::*;

uniffi::setup_scaffolding!();

// ---------------------------------------------------------------------------------------------
// Free functions (no I/O)
// ---------------------------------------------------------------------------------------------

/// Names of every REST operation (`create_session`, `start_archive`, …).
#[uniffi::export]
pub fn operations() -> Vec<String> {
    opentok_core::OPERATIONS
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// The wire request an operation would send, as `{"method","path","query","body"}` JSON (no I/O).
#[uniffi::export]
pub fn build_request(operation: String, args_json: String, project_id: String) -> Res<String> {
    let args = parse_json("args", &args_json)?;
    Ok(opentok_core::build_request(&operation, args, &project_id)?
        .to_json()
        .to_string())
}

/// Decodes a 2xx response body of an operation into core's JSON answer (no I/O).
#[uniffi::export]
pub fn decode_response(operation: String, args_json: String, body: String) -> Res<String> {
    let args = parse_json("args", &args_json)?;
    Ok(opentok_core::decode_response(&operation, args, body.as_bytes())?.to_string())
}

/// Decodes the fields of a session id.
#[uniffi::export]
pub fn decode_session_id(session_id: String) -> Res<SessionIdInfo> {
    Ok(opentok_core::session_id::decode(&session_id)?)
}
