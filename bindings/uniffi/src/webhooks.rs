//! `parseWebhook(body, headers, secret, leewaySeconds, now)` for Kotlin and Swift: verifies (when a
//! secret is given) and parses a callback into a [`CallbackEvent`] record, or throws
//! [`WebhookException`]. The core does the work (`opentok_core::events`).

use opentok_core::events::{verify_at, Event, WebhookError};
use serde_json::Value;
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

/// A parsed callback. `kind` is `connection`, `stream`, `session`, `archive`, `broadcast`,
/// `sip_call`, `render`, `captions`, `audio_connector` or `unknown`; the typed fields a kind does
/// not have are null. `rawJson` is the body as received, `extraJson` its unknown top-level fields,
/// `fieldsJson` every typed field (nested objects included), `claimsJson` the token's claims.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct CallbackEvent {
    /// Event kind.
    pub kind: String,
    /// Whether a signature was checked.
    pub verified: bool,
    /// `event` (session monitoring / SIP names, `archive`, `broadcast`, …).
    pub event: Option<String>,
    /// `status` (archive, broadcast, render, captions, audio connector).
    pub status: Option<String>,
    /// Resource id (`id`, or `captionId`).
    pub id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// Project id (api key) or application id.
    pub project_id: Option<String>,
    /// Reason, when given.
    pub reason: Option<String>,
    /// Name (archive, render).
    pub name: Option<String>,
    /// URL (archive download URL, render page).
    pub url: Option<String>,
    /// Archive size in bytes.
    pub size: Option<i64>,
    /// Duration in seconds (archive, captions).
    pub duration: Option<i64>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
    /// Last update (ms).
    pub updated_at: Option<i64>,
    /// Event time (ms) for session monitoring and SIP.
    pub timestamp: Option<i64>,
    /// Connection id (session monitoring, SIP, audio connector).
    pub connection_id: Option<String>,
    /// Connection data (session monitoring).
    pub connection_data: Option<String>,
    /// Stream id (stream events, render).
    pub stream_id: Option<String>,
    /// Every typed field as JSON (snake_case).
    pub fields_json: String,
    /// Unknown top-level fields as JSON.
    pub extra_json: String,
    /// The body as received.
    pub raw_json: String,
    /// The token's claims as JSON, when verified.
    pub claims_json: Option<String>,
}

fn s(v: &Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for p in path {
        cur = cur.get(*p)?;
    }
    cur.as_str().map(str::to_string)
}

fn i(v: &Value, path: &[&str]) -> Option<i64> {
    let mut cur = v;
    for p in path {
        cur = cur.get(*p)?;
    }
    cur.as_i64()
}

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
    let mut f = v.event.fields_json();
    let extra = f
        .as_object_mut()
        .and_then(|o| o.remove("extra"))
        .unwrap_or(Value::Null);
    let conn_path: &[&str] = match &v.event {
        Event::Stream(_) => &["stream", "connection"],
        _ => &["connection"],
    };
    Ok(CallbackEvent {
        kind: v.event.kind().to_string(),
        verified: secret.is_some(),
        event: s(&f, &["event"]),
        status: s(&f, &["status"]),
        id: s(&f, &["id"])
            .or_else(|| s(&f, &["caption_id"]))
            .or_else(|| s(&f, &["call", "id"])),
        session_id: s(&f, &["session_id"]),
        project_id: s(&f, &["project_id"]).or_else(|| s(&f, &["application_id"])),
        reason: s(&f, &["reason"]),
        name: s(&f, &["name"]),
        url: s(&f, &["url"]),
        size: i(&f, &["size"]),
        duration: i(&f, &["duration"]),
        created_at: i(&f, &["created_at"]),
        updated_at: i(&f, &["updated_at"]),
        timestamp: i(&f, &["timestamp"]),
        connection_id: s(&f, &[conn_path, &["id"]].concat()).or_else(|| s(&f, &["connection_id"])),
        connection_data: s(&f, &[conn_path, &["data"]].concat()),
        stream_id: s(&f, &["stream", "id"]).or_else(|| s(&f, &["stream_id"])),
        fields_json: f.to_string(),
        extra_json: extra.to_string(),
        raw_json: v.raw.to_string(),
        claims_json: v.claims.map(|c| Value::Object(c).to_string()),
    })
}
