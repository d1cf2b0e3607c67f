//! I/O-free helpers of the host transport: the core builds each request and decodes each answer,
//! and only the bytes travel through Ruby's `Net::HTTP`.

use magnus::{Error, RString, Ruby};

use crate::errors::{guarded, parse_json, raise_invalid};

/// The wire request (`{method, path, query, headers, body}`) of `op` for `args_json` (no I/O).
pub(crate) fn build_request(
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
pub(crate) fn decode_response(
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
pub(crate) fn error_from_response(
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
pub(crate) type HostAnswer = (serde_json::Value, Vec<(String, String)>, Vec<u8>);

#[allow(unsafe_code)]
/// Arguments, headers (`[[name, value]]` JSON) and body bytes of a host-transport answer.
pub(crate) fn host_answer(
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
