//! Minimal, allocation-light JWT encoding (HS256 and RS256) and decoding for inspection.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use ring::hmac;

use crate::credentials::RsaKey;
use crate::error::{Error, Result};

/// base64url(`{"alg":"HS256","typ":"JWT"}`)
pub(crate) const HS256_HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
/// base64url(`{"alg":"RS256","typ":"JWT"}`)
pub(crate) const RS256_HEADER: &str = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";

/// Builds the JSON claims object incrementally without an intermediate map.
pub(crate) struct Claims {
    buf: String,
}

impl Claims {
    pub(crate) fn new() -> Self {
        let mut buf = String::with_capacity(384);
        buf.push('{');
        Claims { buf }
    }

    fn key(&mut self, k: &str) {
        if self.buf.len() > 1 {
            self.buf.push(',');
        }
        self.buf.push('"');
        self.buf.push_str(k);
        self.buf.push_str("\":");
    }

    pub(crate) fn str(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k);
        push_json_str(&mut self.buf, v);
        self
    }

    pub(crate) fn int(&mut self, k: &str, v: i64) -> &mut Self {
        self.key(k);
        self.buf.push_str(itoa::Buffer::new().format(v));
        self
    }

    pub(crate) fn raw(&mut self, k: &str, json: &str) -> &mut Self {
        self.key(k);
        self.buf.push_str(json);
        self
    }

    pub(crate) fn finish(mut self) -> String {
        self.buf.push('}');
        self.buf
    }
}

/// Appends `v` as a JSON string literal.
pub(crate) fn push_json_str(buf: &mut String, v: &str) {
    buf.push('"');
    let bytes = v.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        buf.push_str(&v[start..i]);
        match esc {
            Some(e) => buf.push_str(e),
            None => {
                buf.push_str("\\u00");
                buf.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
                buf.push(char::from(b"0123456789abcdef"[(b & 0xf) as usize]));
            }
        }
        start = i + 1;
    }
    buf.push_str(&v[start..]);
    buf.push('"');
}

/// `header.claims.signature` with HS256.
pub(crate) fn sign_hs256(key: &hmac::Key, claims_json: &str) -> String {
    let mut out = String::with_capacity(HS256_HEADER.len() + claims_json.len() * 4 / 3 + 50);
    out.push_str(HS256_HEADER);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(claims_json.as_bytes(), &mut out);
    let tag = hmac::sign(key, out.as_bytes());
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(tag.as_ref(), &mut out);
    out
}

/// `header.claims.signature` with RS256.
pub(crate) fn sign_rs256(key: &RsaKey, claims_json: &str) -> Result<String> {
    let mut out = String::with_capacity(RS256_HEADER.len() + claims_json.len() * 4 / 3 + 400);
    out.push_str(RS256_HEADER);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(claims_json.as_bytes(), &mut out);
    let sig = key.sign(out.as_bytes())?;
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(&sig, &mut out);
    Ok(out)
}

/// A random RFC 4122 version-4 UUID string.
pub(crate) fn uuid_v4() -> String {
    let mut b = fastrand::u128(..).to_be_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = |r: std::ops::Range<usize>| b[r].iter().map(|x| format!("{x:02x}")).collect::<String>();
    format!(
        "{}-{}-{}-{}-{}",
        h(0..4),
        h(4..6),
        h(6..8),
        h(8..10),
        h(10..16)
    )
}

/// The decoded parts of a JWT (no signature check).
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedJwt {
    /// The JOSE header.
    pub header: serde_json::Value,
    /// The claims.
    pub claims: serde_json::Value,
    /// The signed part (`header.claims`).
    pub signing_input: String,
    /// The raw signature bytes.
    pub signature: Vec<u8>,
}

/// Splits and decodes a JWT. Any malformed input is an [`Error::InvalidArgument`] for `token`.
pub fn decode(token: &str) -> Result<DecodedJwt> {
    let bad = |r: &str| Error::invalid("token", r);
    let mut parts = token.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("is not a JWT (expected three dot-separated parts)"));
    };
    let dec = |p: &str| {
        URL_SAFE_NO_PAD
            .decode(p.trim_end_matches('='))
            .map_err(|_| bad("is not base64url"))
    };
    let header = serde_json::from_slice(&dec(h)?).map_err(|_| bad("header is not JSON"))?;
    let claims = serde_json::from_slice(&dec(c)?).map_err(|_| bad("claims are not JSON"))?;
    Ok(DecodedJwt {
        header,
        claims,
        signing_input: format!("{h}.{c}"),
        signature: dec(s)?,
    })
}

/// Standard base64 (used by T1 tokens).
pub(crate) fn b64_standard(data: &[u8], out: &mut String) {
    STANDARD.encode_string(data, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        let mut s = String::new();
        push_json_str(&mut s, "a\"b\\c\n\u{1}é");
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u0001é\"");
        let v: String = serde_json::from_str(&s).unwrap();
        assert_eq!(v, "a\"b\\c\n\u{1}é");
    }

    #[test]
    fn uuid_shape() {
        let u = uuid_v4();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }

    #[test]
    fn decode_rejects_garbage() {
        for t in ["", "a", "a.b", "a.b.c.d", "!!.??.##", "e30.e30"] {
            assert!(decode(t).is_err(), "{t}");
        }
        assert!(decode("e30.e30.").is_ok());
    }
}
