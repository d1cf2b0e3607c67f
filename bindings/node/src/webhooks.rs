//! `parseWebhook(body, headersJson, secret?, leeway?, now?)`: verifies (when a secret is given) and
//! parses a callback; `lib/webhooks.js` builds the typed event from the JSON answer.

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

/// JSON `{ok, type, fields, raw, claims, verified}` or `{ok: false, error: {code, message}}`.
#[napi(catch_unwind)]
pub fn parse_webhook(
    body: Buffer,
    headers_json: String,
    secret: Option<String>,
    leeway: Option<f64>,
    now: Option<f64>,
) -> String {
    opentok_core::events::webhook_json(
        &body,
        &headers_json,
        secret.as_deref(),
        leeway.unwrap_or(0.0),
        now,
    )
}
