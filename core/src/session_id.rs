//! Session ids: decoding (api key, location, creation time) and the ownership check.
//!
//! A session id is `1_` (or `2_`) followed by URL-safe base64 of
//! `1~{api key}~{location}~{creation time}~{random}~`.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

use crate::error::{Error, Result};

const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

const ENCODER: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false),
);

crate::record::ffi_export! {
    ffi session_id_info_ffi;
    /// The fields encoded in a session id.
    rust {
        #[derive(Debug, Clone, PartialEq, Eq)]
    }
    pub struct SessionIdInfo {
        /// The api key (or application id) that owns the session.
        pub api_key: String,
        /// The location hint (IPv4) the session was created with; may be empty.
        pub location: String,
        /// The creation time as the service wrote it (e.g. `Tue Jan 28 15:48:40 PST 2014`).
        pub create_time: String,
    }
}

/// Decodes a session id. Malformed input is an [`Error::InvalidArgument`] for `session_id`.
pub fn decode(session_id: &str) -> Result<SessionIdInfo> {
    let bad = |reason: &str| Error::invalid("session_id", reason);
    if session_id.is_empty() {
        return Err(bad("must not be empty"));
    }
    if !session_id.is_ascii() {
        return Err(bad("is not an OpenTok session id (non-ASCII characters)"));
    }
    let body = session_id
        .strip_prefix("1_")
        .or_else(|| session_id.strip_prefix("2_"))
        .ok_or_else(|| bad("is not an OpenTok session id (expected a `1_` or `2_` prefix)"))?;
    // Official ids are URL-safe base64; accept the standard alphabet too.
    let normalized: String = body
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    let trimmed = normalized.trim_end_matches('=');
    let bytes = LENIENT
        .decode(trimmed)
        .or_else(|_| {
            // A final lone sextet cannot be decoded; drop it like lenient decoders do.
            let cut = trimmed.len() - trimmed.len() % 4;
            if trimmed.len() % 4 == 1 {
                LENIENT.decode(&trimmed[..cut])
            } else {
                Err(base64::DecodeError::InvalidLength(trimmed.len()))
            }
        })
        .map_err(|_| bad("is not an OpenTok session id (not base64)"))?;
    let text = String::from_utf8_lossy(&bytes);
    let fields: Vec<&str> = text.split('~').collect();
    if fields.len() < 4 || fields[1].is_empty() {
        return Err(bad("is not an OpenTok session id (missing fields)"));
    }
    Ok(SessionIdInfo {
        api_key: fields[1].to_owned(),
        location: fields[2].to_owned(),
        create_time: fields[3].to_owned(),
    })
}

/// Checks that `session_id` decodes and belongs to `api_key` (field 1 of the decoded id).
///
/// Allocation-free on the common path: token generation calls this for every token. Ids in the
/// service's canonical URL-safe base64 are decoded with SIMD; anything else (standard alphabet,
/// padding, trailing bits) takes the general decoder, which accepts a superset with the same bytes.
pub fn check_owner(session_id: &str, api_key: &str) -> Result<()> {
    let body = session_id
        .strip_prefix("1_")
        .or_else(|| session_id.strip_prefix("2_"));
    if let Some(body) = body {
        let trimmed = body.trim_end_matches('=');
        if !trimmed.is_empty() && trimmed.len() <= 680 {
            let mut buf = [0u8; 512];
            let out = base64_simd::Out::from_slice(&mut buf);
            if let Ok(bytes) = base64_simd::URL_SAFE_NO_PAD.decode(trimmed.as_bytes(), out) {
                let mut fields = bytes.split(|&b| b == b'~');
                let key = fields.nth(1);
                let complete = fields.nth(1).is_some(); // fields 2 and 3 exist
                if let (Some(k), true) = (key, complete) {
                    if !k.is_empty() {
                        return if k == api_key.as_bytes() {
                            Ok(())
                        } else {
                            Err(foreign())
                        };
                    }
                }
            }
        }
    }
    let info = decode(session_id)?;
    if info.api_key != api_key {
        return Err(foreign());
    }
    Ok(())
}

fn foreign() -> Error {
    Error::invalid(
        "session_id",
        "belongs to a different api key than this client's",
    )
}

/// Builds a session id in the service's format (used by the emulator and by tests).
pub fn encode(api_key: &str, location: &str, create_time: &str, random: &str) -> String {
    let raw = format!("1~{api_key}~{location}~{create_time}~{random}~");
    format!("1_{}", ENCODER.encode(raw.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let id = encode(
            "123456",
            "127.0.0.1",
            "Mon Nov 23 16:27:20 UTC 2026",
            "0.25",
        );
        let info = decode(&id).unwrap();
        assert_eq!(info.api_key, "123456");
        assert_eq!(info.location, "127.0.0.1");
        assert!(check_owner(&id, "654321").is_err());
        assert!(check_owner(&id, "123456").is_ok());
        assert!(check_owner(&id, "12345").is_err());
        for bad in ["1_", "1_a", "x_abc", "1_MX4xMjM0NTZ-", "1_!!!!"] {
            assert_eq!(
                check_owner(bad, "123456").unwrap_err().field(),
                Some("session_id"),
                "{bad}"
            );
        }
    }

    #[test]
    fn malformed_never_panics() {
        for s in [
            "",
            "1_",
            "2_",
            "x",
            "1_!!!!",
            "1_a",
            "1_ab",
            "1_abc=",
            "1_MX4",
            "\u{1F600}",
        ] {
            assert!(decode(s).is_err(), "{s}");
        }
    }

    #[test]
    fn every_spelling_the_general_decoder_takes_is_owned_alike() {
        let id = encode(
            "123456",
            "127.0.0.1",
            "Mon Nov 23 16:27:20 UTC 2026",
            "0.25",
        );
        let last = id.chars().last().unwrap();
        let spellings = [
            id.clone(),
            format!("{id}="),
            format!("{id}=="),
            id.replace('-', "+").replace('_', "/"),
            format!(
                "{}{}",
                &id[..id.len() - 1],
                if last == 'g' { 'h' } else { 'g' }
            ),
            id.replacen("1_", "2_", 1),
        ];
        for s in &spellings {
            let general = decode(s).map(|i| i.api_key).ok();
            for key in ["123456", "654321"] {
                assert_eq!(
                    check_owner(s, key).is_ok(),
                    general.as_deref() == Some(key),
                    "{s} {key}"
                );
            }
        }
    }
}
