//! The error a non-2xx answer becomes.

use crate::error::{ApiError, Error};

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
