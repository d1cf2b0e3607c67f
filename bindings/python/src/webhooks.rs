//! `opentok._native.parse_webhook`: verifies (when a secret is given) and parses a callback; the
//! Python package builds the typed event from the JSON answer.

use pyo3::prelude::*;

/// `parse_webhook(body, headers_json, secret=None, leeway=0.0, now=None) -> str` (JSON: `{ok, type,
/// fields, raw, claims, verified}` or `{ok: false, error: {code, message}}`). Never raises.
#[pyfunction]
#[pyo3(signature = (body, headers_json, secret=None, leeway=0.0, now=None))]
pub(crate) fn parse_webhook(
    py: Python<'_>,
    body: &[u8],
    headers_json: &str,
    secret: Option<&str>,
    leeway: f64,
    now: Option<f64>,
) -> String {
    let body = body.to_vec();
    let headers = headers_json.to_string();
    let secret = secret.map(str::to_string);
    py.detach(move || {
        opentok_core::events::webhook_json(&body, &headers, secret.as_deref(), leeway, now)
    })
}
