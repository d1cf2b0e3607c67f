//! `OpenTok::Native.parse_webhook(body, headers_json, secret, leeway, now)`: verifies (when a secret
//! is given) and parses a callback; `opentok/webhooks.rb` builds the typed event from the JSON answer.

use magnus::RString;

/// JSON `{ok, type, fields, raw, claims, verified}` or `{ok: false, error: {code, message}}`.
#[allow(unsafe_code)]
pub(crate) fn parse_webhook(
    body: RString,
    headers_json: String,
    secret: Option<String>,
    leeway: f64,
    now: Option<f64>,
) -> String {
    // SAFETY: the bytes are copied immediately, before any other Ruby call.
    let bytes = unsafe { body.as_slice() }.to_vec();
    opentok_core::events::webhook_json(&bytes, &headers_json, secret.as_deref(), leeway, now)
}
