//! The one error type of the crate.

use std::fmt;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the server said when it refused a request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// The `code` field of the server's JSON error body, if any.
    pub code: Option<String>,
    /// The server's `message` (or the HTTP reason phrase when the body had none).
    pub message: String,
    /// The request id the server attached to the response, if any.
    pub request_id: Option<String>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.message)?;
        if let Some(code) = &self.code {
            write!(f, " (code {code})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

/// Every failure the SDK can report. Secrets never appear in any variant.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument failed client-side validation; nothing was sent.
    #[error("invalid argument `{field}`: {reason}")]
    InvalidArgument {
        /// The argument or option name (wire name or dotted path).
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// 401/403: credentials rejected.
    #[error("authentication failed: {0}")]
    Auth(ApiError),
    /// 404: the resource does not exist.
    #[error("not found: {0}")]
    NotFound(ApiError),
    /// 409: the request conflicts with the resource's state.
    #[error("conflict: {0}")]
    Conflict(ApiError),
    /// 429: too many requests (after any retries).
    #[error("rate limited: {error}")]
    RateLimited {
        /// The server's answer.
        error: ApiError,
        /// Seconds the server asked to wait, if it said.
        retry_after: Option<u64>,
    },
    /// Any other non-2xx answer (400, 405, 413, 5xx, …).
    #[error("request failed: {0}")]
    Api(ApiError),
    /// The request did not complete in time.
    #[error("request timed out: {0}")]
    Timeout(String),
    /// The connection failed (DNS, refused, reset, TLS, proxy).
    #[error("network error: {0}")]
    Network(String),
    /// The answer was not what the API documents.
    #[error("could not decode the response: {0}")]
    Decode(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// A stable, language-neutral name of the variant (`"invalid_argument"`, `"not_found"`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Auth(_) => "auth",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "conflict",
            Error::RateLimited { .. } => "rate_limited",
            Error::Api(_) => "api",
            Error::Timeout(_) => "timeout",
            Error::Network(_) => "network",
            Error::Decode(_) => "decode",
        }
    }

    /// The server's answer, for variants that carry one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Auth(e) | Error::NotFound(e) | Error::Conflict(e) | Error::Api(e) => Some(e),
            Error::RateLimited { error, .. } => Some(error),
            _ => None,
        }
    }

    /// HTTP status, for variants that carry one.
    pub fn status(&self) -> Option<u16> {
        self.api().map(|e| e.status)
    }

    /// The field named by an [`Error::InvalidArgument`].
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidArgument { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Maps an HTTP error status and parsed body to the matching variant.
    pub fn from_status(error: ApiError, retry_after: Option<u64>) -> Self {
        match error.status {
            401 | 403 => Error::Auth(error),
            404 => Error::NotFound(error),
            409 => Error::Conflict(error),
            429 => Error::RateLimited { error, retry_after },
            _ => Error::Api(error),
        }
    }

    /// A JSON object describing the error, the form every binding receives across FFI:
    /// `{"kind", "message", "status"?, "code"?, "server_message"?, "request_id"?, "field"?, "retry_after"?}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("kind".into(), self.kind().into());
        m.insert("message".into(), self.to_string().into());
        if let Some(api) = self.api() {
            m.insert("status".into(), api.status.into());
            m.insert("server_message".into(), api.message.clone().into());
            if let Some(c) = &api.code {
                m.insert("code".into(), c.clone().into());
            }
            if let Some(r) = &api.request_id {
                m.insert("request_id".into(), r.clone().into());
            }
        }
        if let Error::InvalidArgument { field, reason } = self {
            m.insert("field".into(), field.clone().into());
            m.insert("reason".into(), reason.clone().into());
        }
        if let Error::RateLimited {
            retry_after: Some(s),
            ..
        } = self
        {
            m.insert("retry_after".into(), (*s).into());
        }
        serde_json::Value::Object(m)
    }
}
