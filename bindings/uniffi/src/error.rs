//! [`NativeError`]: every failure, as the Kotlin and Swift packages see it.

use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Every failure, with the fields the language packages need. Secrets never appear in it.
#[derive(Debug, Clone, thiserror::Error, uniffi::Error)]
pub enum NativeError {
    /// An argument failed validation; nothing was sent.
    #[error("invalid argument `{field}`: {reason}")]
    InvalidArgument {
        /// Argument name (snake_case wire name or dotted path).
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// 401/403: credentials rejected.
    #[error("{detail}")]
    Auth {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 404: no such resource.
    #[error("{detail}")]
    NotFound {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 409: conflicts with the resource's state.
    #[error("{detail}")]
    Conflict {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 429 after retries.
    #[error("{detail}")]
    RateLimited {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Seconds the server asked to wait.
        retry_after: Option<i64>,
        /// Full description.
        detail: String,
    },
    /// Any other non-2xx answer.
    #[error("{detail}")]
    Api {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// The request did not complete in time.
    #[error("{detail}")]
    Timeout {
        /// Description.
        detail: String,
    },
    /// The connection failed.
    #[error("{detail}")]
    Network {
        /// Description.
        detail: String,
    },
    /// The answer was not what the API documents.
    #[error("{detail}")]
    Decode {
        /// Description.
        detail: String,
    },
}

impl From<opentok_core::Error> for NativeError {
    fn from(e: opentok_core::Error) -> Self {
        use opentok_core::Error as E;
        let detail = e.to_string();
        let api = e.api().cloned().unwrap_or_default();
        let status = i32::from(api.status);
        let (code, server_message, request_id) = (api.code, api.message, api.request_id);
        match e {
            E::InvalidArgument { field, reason } => NativeError::InvalidArgument { field, reason },
            E::Auth(_) => NativeError::Auth {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::NotFound(_) => NativeError::NotFound {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::Conflict(_) => NativeError::Conflict {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::RateLimited { retry_after, .. } => NativeError::RateLimited {
                status,
                code,
                server_message,
                request_id,
                retry_after: retry_after.and_then(|s| i64::try_from(s).ok()),
                detail,
            },
            E::Api(_) => NativeError::Api {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::Timeout(_) => NativeError::Timeout { detail },
            E::Network(_) => NativeError::Network { detail },
            E::Decode(_) => NativeError::Decode { detail },
            // `Error` is non_exhaustive: anything new is reported as an API-shaped failure.
            _ => NativeError::Api {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
        }
    }
}

pub(crate) type Res<T> = Result<T, NativeError>;

pub(crate) fn decode_err(e: impl std::fmt::Display) -> NativeError {
    NativeError::Decode {
        detail: e.to_string(),
    }
}

/// A record that could not become JSON arguments: an `extra` value that is not JSON text names
/// its field (`extra.<key>`).
pub(crate) fn arg_err(e: &serde_json::Error) -> NativeError {
    let text = e.to_string();
    match text
        .find(crate::types::EXTRA_ERROR_MARK)
        .map(|i| &text[i + crate::types::EXTRA_ERROR_MARK.len()..])
        .and_then(|rest| rest.split_once(crate::types::EXTRA_ERROR_SEP))
    {
        Some((key, reason)) => NativeError::InvalidArgument {
            field: format!("extra.{key}"),
            reason: reason.to_owned(),
        },
        None => NativeError::InvalidArgument {
            field: "args".to_owned(),
            reason: text,
        },
    }
}

pub(crate) fn parse_json(field: &str, text: &str) -> Res<Value> {
    serde_json::from_str(text).map_err(|e| NativeError::InvalidArgument {
        field: field.to_owned(),
        reason: format!("is not valid JSON: {e}"),
    })
}
