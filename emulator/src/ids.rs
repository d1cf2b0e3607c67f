//! Identifiers: real-format session ids, UUIDs, request ids and the service's date formats.

use crate::error::{ApiError, ApiResult};
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// The fields encoded in a session id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSessionId {
    /// The API key (project id) or application id the session belongs to.
    pub api_key: String,
    /// The location hint given at creation (often empty).
    pub location: String,
    /// The creation time text, e.g. `Mon Nov 23 16:27:20 UTC 2026`.
    pub create_time: String,
    /// The random part, e.g. `0.7602962`.
    pub nonce: String,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    now_ms() / 1000
}

/// Days since 1970-01-01 → (year, month 1-12, day 1-31). Howard Hinnant's civil-from-days.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats Unix seconds like Java's `Date.toString()` in UTC: `Mon Nov 23 16:27:20 UTC 2026`.
pub fn format_date(secs: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let weekday = DAYS[days.rem_euclid(7) as usize];
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        weekday,
        MONTHS[(m - 1) as usize],
        d,
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        y
    )
}

/// A random float text like the service's (`0.7602962`).
fn random_float_text() -> String {
    format!("0.{:07}", fastrand::u32(0..10_000_000))
}

/// Encodes a session id from its parts (deterministic; used by [`new_session_id`] and by tests).
pub fn encode_session_id(api_key: &str, location: &str, create_time: &str, nonce: &str) -> String {
    let text = format!("1~{api_key}~{location}~{create_time}~{nonce}~");
    let b64 = STANDARD_NO_PAD.encode(text.as_bytes());
    let url: String = b64
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    format!("1_{url}")
}

/// A fresh session id for `api_key`, created now.
pub fn new_session_id(api_key: &str, location: &str) -> String {
    encode_session_id(
        api_key,
        location,
        &format_date(now_secs()),
        &random_float_text(),
    )
}

/// Decodes a session id (`1_` or `2_` prefix, URL-safe base64 without padding, `~`-separated fields).
/// Returns `None` when the id is malformed.
pub fn decode_session_id(session_id: &str) -> Option<DecodedSessionId> {
    let body = session_id
        .strip_prefix("1_")
        .or_else(|| session_id.strip_prefix("2_"))?;
    if body.is_empty() {
        return None;
    }
    let mut std: String = body
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while std.len() % 4 != 0 {
        std.push('=');
    }
    let bytes = STANDARD.decode(std.as_bytes()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let fields: Vec<&str> = text.split('~').collect();
    if fields.len() < 5 || fields[0] != "1" || fields[1].is_empty() {
        return None;
    }
    Some(DecodedSessionId {
        api_key: fields[1].to_string(),
        location: fields[2].to_string(),
        create_time: fields[3].to_string(),
        nonce: fields[4].to_string(),
    })
}

/// A random version-4 UUID in lowercase hex (`8-4-4-4-12`).
pub fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    for x in b.iter_mut() {
        *x = fastrand::u8(..);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Validates the format of a session id and that it encodes `project`.
pub fn check_session_id(project: &str, session_id: &str) -> ApiResult<()> {
    match decode_session_id(session_id) {
        None => Err(ApiError::bad_request(format!(
            "Invalid session ID: {session_id}"
        ))),
        Some(d) if d.api_key != project => Err(ApiError::not_found(format!(
            "Session not found: {session_id} does not belong to project {project}"
        ))),
        Some(_) => Ok(()),
    }
}

/// Wire value for a project id: a number when it is all digits (like the service), else a string.
pub fn project_id_value(project: &str) -> Value {
    match project.parse::<u64>() {
        Ok(n) if !project.starts_with('0') || project == "0" => json!(n),
        _ => json!(project),
    }
}

/// A project id as text, as a JSON string or number of [`project_id_value`] reads back.
pub fn project_id_text(project: &str) -> String {
    match project_id_value(project) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn date_format_matches_java() {
        // 2014-01-28 23:48:40 UTC was a Tuesday.
        assert_eq!(format_date(1_390_952_920), "Tue Jan 28 23:48:40 UTC 2014");
        assert_eq!(format_date(0), "Thu Jan 01 00:00:00 UTC 1970");
    }

    #[test]
    fn round_trip() {
        let id = encode_session_id(
            "100",
            "127.0.0.1",
            "Tue Jan 28 15:48:40 PST 2014",
            "0.7602962",
        );
        assert_eq!(
            id,
            "1_MX4xMDB-MTI3LjAuMC4xflR1ZSBKYW4gMjggMTU6NDg6NDAgUFNUIDIwMTR-MC43NjAyOTYyfg"
        );
        let d = decode_session_id(&id).unwrap();
        assert_eq!(d.api_key, "100");
        assert_eq!(d.location, "127.0.0.1");
        assert!(decode_session_id("garbage").is_none());
        assert!(decode_session_id("1_").is_none());
        let fresh = new_session_id("123456", "");
        assert_eq!(decode_session_id(&fresh).unwrap().api_key, "123456");
    }

    #[test]
    fn uuid_shape() {
        let u = uuid_v4();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
