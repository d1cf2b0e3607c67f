//! The emulator's error type: every error answers JSON `{"code": <int>, "message": "…"}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::de::DeserializeOwned;

/// An error answer of the emulated service.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The `code` field of the JSON body (the HTTP status, or -1 for auth failures like the service).
    pub code: i64,
    /// The `message` field.
    pub message: String,
}

/// Result of a handler.
pub type ApiResult<T = Response> = Result<T, ApiError>;

impl ApiError {
    /// An error with `code` equal to the status number.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: i64::from(status.as_u16()),
            message: message.into(),
        }
    }
    /// 400.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    /// 403 with code -1 (authentication failures).
    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: -1,
            message: message.into(),
        }
    }
    /// 404.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
    /// 405.
    pub fn method_not_allowed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, message)
    }
    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, message)
    }
    /// 413.
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, message)
    }
}

/// Builds a `{code, message}` JSON error response.
pub fn error_response(status: StatusCode, code: i64, message: &str) -> Response {
    let body = serde_json::json!({ "code": code, "message": message }).to_string();
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status, self.code, &self.message)
    }
}

/// A 200/202 JSON response.
pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut resp = (status, value.to_string()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// 200 with a JSON body.
pub fn ok_json(value: &serde_json::Value) -> ApiResult {
    Ok(json_response(StatusCode::OK, value))
}

/// 204 without a body.
pub fn no_content() -> ApiResult {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Parses a JSON body into `T`; errors name the offending field. An empty body counts as `{}` when
/// `empty_ok` is set.
pub fn parse_json<T: DeserializeOwned>(body: &Bytes, empty_ok: bool) -> ApiResult<T> {
    let trimmed = body.iter().all(|b| b.is_ascii_whitespace());
    let data: &[u8] = if trimmed {
        if empty_ok {
            b"{}"
        } else {
            return Err(ApiError::bad_request("Request body is required (JSON)"));
        }
    } else {
        body
    };
    let mut de = serde_json::Deserializer::from_slice(data);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(v) => v,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            return Err(if inner.is_syntax() || inner.is_eof() || path == "." {
                ApiError::bad_request(format!("Invalid JSON in request body: {inner}"))
            } else {
                ApiError::bad_request(format!("Invalid value for field '{path}': {inner}"))
            });
        }
    };
    de.end()
        .map_err(|e| ApiError::bad_request(format!("Invalid JSON in request body: {e}")))?;
    Ok(value)
}

/// Requires an optional field to be present.
pub fn required<T>(value: Option<T>, field: &str) -> ApiResult<T> {
    value.ok_or_else(|| ApiError::bad_request(format!("Missing required field '{field}'")))
}

/// Requires a non-empty string field.
pub fn required_str(value: Option<String>, field: &str) -> ApiResult<String> {
    match value {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(ApiError::bad_request(format!(
            "Missing required field '{field}'"
        ))),
    }
}
