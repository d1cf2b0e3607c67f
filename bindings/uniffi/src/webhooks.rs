//! `parseWebhook(body, headers, secret, leewaySeconds, now)` for Kotlin and Swift: verifies (when a
//! secret is given) and parses a callback into a [`CallbackEvent`] record, or throws
//! [`WebhookException`]. The core does the work (`opentok_core::events`, whose
//! [`CallbackEvent`] is the record Kotlin and Swift receive).

use opentok_core::events::{verify_at, WebhookError};
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Why a callback was refused (`code` as in the other languages).
#[derive(Debug, Clone, thiserror::Error, uniffi::Error)]
pub enum WebhookException {
    /// A signed callback did not verify: `missing_signature`, `malformed_token`, `bad_signature`,
    /// `expired`, `not_yet_valid` or `body_altered`.
    #[error("{code}: {detail}")]
    Verification {
        /// Stable code.
        code: String,
        /// Human-readable reason (never the secret).
        detail: String,
    },
    /// The body is not JSON.
    #[error("invalid_body: {detail}")]
    InvalidBody {
        /// Parser message.
        detail: String,
    },
}

pub use opentok_core::events::CallbackEvent;
opentok_core::callback_event_ffi!();

/// Verifies (when `secret` is set) and parses a callback. `headers` maps names (any case) to values.
#[uniffi::export]
pub fn parse_webhook(
    body: Vec<u8>,
    headers: HashMap<String, String>,
    secret: Option<String>,
    leeway_seconds: u64,
    now: Option<i64>,
) -> Result<CallbackEvent, WebhookException> {
    let pairs: Vec<(String, String)> = headers.into_iter().collect();
    let now = now.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    let secret = secret.filter(|x| !x.is_empty());
    let v = verify_at(
        &body,
        &pairs,
        secret.as_deref(),
        Duration::from_secs(leeway_seconds),
        now,
    )
    .map_err(|e| match e {
        WebhookError::InvalidBody(m) => WebhookException::InvalidBody { detail: m },
        other => WebhookException::Verification {
            code: other.code().to_string(),
            detail: other.to_string(),
        },
    })?;
    Ok(CallbackEvent::from_verified(v, secret.is_some()))
}
