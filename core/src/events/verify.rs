//! Signed-callback verification.

use super::{parse, Event};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{json, Map, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Why a callback was refused. Messages never contain the secret or the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// No `Authorization` header although a signature secret is configured.
    #[error("missing signature: the callback has no Authorization header")]
    MissingSignature,
    /// The header is not an HS256 JWT.
    #[error("malformed token in the Authorization header: {0}")]
    MalformedToken(String),
    /// The JWT was not signed with this signature secret.
    #[error("bad signature: the token was not signed with this signature secret")]
    BadSignature,
    /// `exp` is in the past (beyond the leeway).
    #[error("expired: the token expired at {exp} (now {now}, leeway {leeway} s)")]
    Expired {
        /// The token's `exp`.
        exp: i64,
        /// The time used for the check.
        now: i64,
        /// Allowed clock skew in seconds.
        leeway: u64,
    },
    /// `iat` is in the future (beyond the leeway).
    #[error("not yet valid: the token was issued at {iat}, after now ({now}, leeway {leeway} s)")]
    NotYetValid {
        /// The token's `iat`.
        iat: i64,
        /// The time used for the check.
        now: i64,
        /// Allowed clock skew in seconds.
        leeway: u64,
    },
    /// The SHA-256 of the body does not match the token's `payload_hash`.
    #[error("body altered: its SHA-256 does not match the token's payload_hash")]
    BodyAltered,
    /// The body is not JSON.
    #[error("invalid body: {0}")]
    InvalidBody(String),
}

impl WebhookError {
    /// A stable code: `missing_signature`, `malformed_token`, `bad_signature`, `expired`,
    /// `not_yet_valid`, `body_altered`, `invalid_body`.
    pub fn code(&self) -> &'static str {
        match self {
            WebhookError::MissingSignature => "missing_signature",
            WebhookError::MalformedToken(_) => "malformed_token",
            WebhookError::BadSignature => "bad_signature",
            WebhookError::Expired { .. } => "expired",
            WebhookError::NotYetValid { .. } => "not_yet_valid",
            WebhookError::BodyAltered => "body_altered",
            WebhookError::InvalidBody(_) => "invalid_body",
        }
    }
}

/// A callback whose signature (when a secret was given) checked out.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    /// The typed event.
    pub event: Event,
    /// The body as JSON, as received.
    pub raw: Value,
    /// The token's claims (`None` when no secret was given and nothing was checked).
    pub claims: Option<Map<String, Value>>,
}

fn header<'a, K, V, I>(headers: I, name: &str) -> Option<String>
where
    I: IntoIterator<Item = &'a (K, V)>,
    K: AsRef<str> + 'a,
    V: AsRef<str> + 'a,
{
    headers
        .into_iter()
        .find(|(k, _)| k.as_ref().trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_ref().trim().to_string())
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn hex_sha256(body: &[u8]) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, body);
    let mut s = String::with_capacity(64);
    for b in d.as_ref() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn claim_int(claims: &Map<String, Value>, k: &str) -> Option<i64> {
    match claims.get(k)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        _ => None,
    }
}

/// Checks the token against `secret` at time `now` (Unix seconds). Returns its claims.
fn check_token(
    token: &str,
    body: &[u8],
    secret: &str,
    leeway: u64,
    now: i64,
) -> Result<Map<String, Value>, WebhookError> {
    let token = token
        .strip_prefix("Bearer ")
        .or_else(|| token.strip_prefix("bearer "))
        .unwrap_or(token)
        .trim();
    let mut validation = Validation::new(Algorithm::HS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    let data = jsonwebtoken::decode::<Map<String, Value>>(
        token,
        &DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .map_err(|e| match e.kind() {
        ErrorKind::InvalidSignature => WebhookError::BadSignature,
        ErrorKind::InvalidAlgorithm => {
            WebhookError::MalformedToken("only HS256 tokens are accepted".into())
        }
        _ => WebhookError::MalformedToken("not a JWT".into()),
    })?;
    let claims = data.claims;
    let lw = leeway as i64;
    if let Some(exp) = claim_int(&claims, "exp") {
        if exp + lw < now {
            return Err(WebhookError::Expired { exp, now, leeway });
        }
    }
    if let Some(iat) = claim_int(&claims, "iat") {
        if iat - lw > now {
            return Err(WebhookError::NotYetValid { iat, now, leeway });
        }
    }
    if let Some(hash) = claims.get("payload_hash") {
        let expected = hash.as_str().unwrap_or("").to_ascii_lowercase();
        if expected != hex_sha256(body) {
            return Err(WebhookError::BodyAltered);
        }
    }
    Ok(claims)
}

/// Verifies and parses a callback at an explicit time (`now`, Unix seconds; for tests).
///
/// With `secret` `None` nothing is checked and the body is only parsed.
pub fn verify_at<'a, K, V, I>(
    body: &[u8],
    headers: I,
    secret: Option<&str>,
    leeway: Duration,
    now: i64,
) -> Result<Verified, WebhookError>
where
    I: IntoIterator<Item = &'a (K, V)>,
    K: AsRef<str> + 'a,
    V: AsRef<str> + 'a,
{
    let claims = match secret {
        None => None,
        Some(secret) => {
            let token = header(headers, "authorization")
                .filter(|t| !t.is_empty())
                .ok_or(WebhookError::MissingSignature)?;
            Some(check_token(&token, body, secret, leeway.as_secs(), now)?)
        }
    };
    let event = parse(body).map_err(|e| WebhookError::InvalidBody(e.0))?;
    let raw = serde_json::from_slice(body).unwrap_or(Value::Null);
    Ok(Verified { event, raw, claims })
}

/// Verifies a signed callback (signature, `exp`/`iat` within `leeway`, body hash when the token
/// carries one) and parses it. `headers` are (name, value) pairs; names are matched
/// case-insensitively.
pub fn verify<'a, K, V, I>(
    body: &[u8],
    headers: I,
    secret: &str,
    leeway: Duration,
) -> Result<Verified, WebhookError>
where
    I: IntoIterator<Item = &'a (K, V)>,
    K: AsRef<str> + 'a,
    V: AsRef<str> + 'a,
{
    verify_at(body, headers, Some(secret), leeway, now_secs())
}

/// The one entry point bindings call: verifies (when `secret` is set) and parses, and answers
/// JSON: `{"ok": true, "type", "fields", "raw", "claims"}` or
/// `{"ok": false, "error": {"code", "message"}}`. `headers_json` is an object or an array of
/// `[name, value]` pairs; `now` overrides the clock (Unix seconds).
pub fn webhook_json(
    body: &[u8],
    headers_json: &str,
    secret: Option<&str>,
    leeway_secs: f64,
    now: Option<f64>,
) -> String {
    let headers: Vec<(String, String)> = match serde_json::from_str::<Value>(headers_json) {
        Ok(Value::Object(o)) => o.into_iter().map(|(k, v)| (k, header_value(v))).collect(),
        Ok(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::Array(mut pair) if pair.len() == 2 => {
                    let v = pair.pop().map(header_value).unwrap_or_default();
                    let k = pair.pop().map(header_value).unwrap_or_default();
                    Some((k, v))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let leeway = if leeway_secs.is_finite() && leeway_secs > 0.0 {
        Duration::from_secs(leeway_secs as u64)
    } else {
        Duration::ZERO
    };
    let now = now
        .filter(|n| n.is_finite())
        .map(|n| n as i64)
        .unwrap_or_else(now_secs);
    let secret = secret.filter(|s| !s.is_empty());
    match verify_at(body, &headers, secret, leeway, now) {
        Ok(v) => json!({
            "ok": true,
            "type": v.event.kind(),
            "fields": v.event.fields_json(),
            "raw": v.raw,
            "claims": v.claims,
            "verified": secret.is_some(),
        })
        .to_string(),
        Err(e) => json!({ "ok": false, "error": { "code": e.code(), "message": e.to_string() } })
            .to_string(),
    }
}

fn header_value(v: Value) -> String {
    match v {
        Value::String(s) => s,
        Value::Array(items) => items
            .into_iter()
            .map(header_value)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
