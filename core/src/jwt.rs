//! JWTs: signed with `jsonwebtoken` (HS256 for project credentials, RS256 for application
//! credentials) from serde claim structs, and split into their parts for inspection.
//!
//! Byte-exact output: the vectors pin whole tokens, so the JOSE header must be `{"alg":…,"typ":"JWT"}`
//! and the claims must keep their declared order. `jsonwebtoken::encode` writes its `Header` with
//! `typ` first, so the header here is a serde struct serialized once per algorithm and cached, the
//! claims are serialized with serde, and the signature is `jsonwebtoken::crypto::sign` with the
//! [`EncodingKey`] the credentials parsed once.

use std::sync::OnceLock;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey};
use serde::Serialize;

use crate::error::{Error, Result};

/// The JOSE header, in the member order every token has had (`alg`, then `typ`).
#[derive(Serialize)]
struct JoseHeader {
    alg: Algorithm,
    typ: &'static str,
}

/// base64url of the serialized header of `alg`, built once per algorithm.
fn encoded_header(alg: Algorithm) -> &'static str {
    static HS256: OnceLock<String> = OnceLock::new();
    static RS256: OnceLock<String> = OnceLock::new();
    let cell = match alg {
        Algorithm::RS256 => &RS256,
        _ => &HS256,
    };
    cell.get_or_init(|| {
        let json = serde_json::to_vec(&JoseHeader { alg, typ: "JWT" }).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    })
}

/// A key that signs JWTs: the `jsonwebtoken` key and the algorithm it is for.
#[derive(Clone)]
pub(crate) struct Signer {
    key: EncodingKey,
    alg: Algorithm,
}

impl Signer {
    /// HS256 with a shared secret.
    pub(crate) fn hs256(secret: &[u8]) -> Self {
        Signer {
            key: EncodingKey::from_secret(secret),
            alg: Algorithm::HS256,
        }
    }

    /// RS256 with a PEM private key (`BEGIN PRIVATE KEY` PKCS#8 or `BEGIN RSA PRIVATE KEY`
    /// PKCS#1), read by `jsonwebtoken`. Errors name `field` and never quote the key.
    pub(crate) fn rs256_pem(pem: &str, field: &'static str) -> Result<Self> {
        let not_pem = || Error::invalid(field, "is not a PEM-encoded RSA private key");
        let pem = pem.trim();
        // `jsonwebtoken` also takes public keys and certificates here; only private keys can sign.
        let label = pem::parse(pem).map_err(|_| not_pem())?;
        if !matches!(label.tag(), "PRIVATE KEY" | "RSA PRIVATE KEY") {
            return Err(Error::invalid(
                field,
                "must be a `PRIVATE KEY` or `RSA PRIVATE KEY` PEM",
            ));
        }
        let key = EncodingKey::from_rsa_pem(pem.as_bytes()).map_err(|_| not_pem())?;
        let signer = Signer {
            key,
            alg: Algorithm::RS256,
        };
        // `jsonwebtoken` reads the key's DER when it signs: one signature proves now that this is a
        // usable RSA private key (a public key or a certificate parses as a PEM but cannot sign).
        jsonwebtoken::crypto::sign(b"", &signer.key, signer.alg)
            .map_err(|_| Error::invalid(field, "is not a usable RSA private key"))?;
        Ok(signer)
    }

    /// `header.claims.signature`.
    pub(crate) fn sign<C: Serialize>(&self, claims: &C) -> Result<String> {
        let header = encoded_header(self.alg);
        // Sized for a client token with a session id, so serializing never reallocates.
        let mut json = Vec::with_capacity(384);
        serde_json::to_writer(&mut json, claims).map_err(|e| Error::Decode(e.to_string()))?;
        let mut out = String::with_capacity(header.len() + json.len() * 4 / 3 + 350);
        out.push_str(header);
        out.push('.');
        base64_simd::URL_SAFE_NO_PAD.encode_append(&json, &mut out);
        let signature = jsonwebtoken::crypto::sign(out.as_bytes(), &self.key, self.alg)
            .map_err(|_| Error::invalid("private_key", "signing failed"))?;
        out.push('.');
        out.push_str(&signature);
        Ok(out)
    }
}

/// Claims of the REST auth JWT for project credentials (`X-OPENTOK-AUTH`).
#[derive(Serialize)]
struct ProjectAuthClaims<'a> {
    iss: &'a str,
    ist: &'static str,
    iat: i64,
    exp: i64,
    jti: &'a str,
}

/// Claims of the REST auth JWT for application credentials (`Authorization: Bearer`).
#[derive(Serialize)]
struct ApplicationAuthClaims<'a> {
    application_id: &'a str,
    iat: i64,
    exp: i64,
    jti: &'a str,
}

/// The REST auth JWT of project credentials, issued at `now` and valid until `exp`.
pub(crate) fn project_auth(signer: &Signer, api_key: &str, now: i64, exp: i64) -> Result<String> {
    signer.sign(&ProjectAuthClaims {
        iss: api_key,
        ist: "project",
        iat: now,
        exp,
        jti: &uuid_v4(),
    })
}

/// The REST auth JWT of application credentials, issued at `now` and valid until `exp`.
pub(crate) fn application_auth(
    signer: &Signer,
    application_id: &str,
    now: i64,
    exp: i64,
) -> Result<String> {
    signer.sign(&ApplicationAuthClaims {
        application_id,
        iat: now,
        exp,
        jti: &uuid_v4(),
    })
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

/// Splits and decodes a JWT for inspection. Any malformed input is an [`Error::InvalidArgument`]
/// for `token`.
///
/// This verifies nothing, and shows the header as sent: `jsonwebtoken`'s typed `Header` drops the
/// members it does not know (Ruby's SDK puts `ist` there) and refuses algorithms it does not know,
/// which an inspector must show. The parts are read with the `base64` crate and `serde_json`.
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
    base64_simd::STANDARD.encode_append(data, out);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn headers_keep_alg_then_typ() {
        // base64url(`{"alg":"HS256","typ":"JWT"}`) and base64url(`{"alg":"RS256","typ":"JWT"}`)
        assert_eq!(
            encoded_header(Algorithm::HS256),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        );
        assert_eq!(
            encoded_header(Algorithm::RS256),
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
        );
    }

    #[test]
    fn claims_are_escaped_by_serde() {
        #[derive(Serialize)]
        struct C<'a> {
            data: &'a str,
        }
        let t = Signer::hs256(b"k")
            .sign(&C {
                data: "a\"b\\c\n\u{1}é",
            })
            .unwrap();
        let d = decode(&t).unwrap();
        assert_eq!(d.claims["data"], "a\"b\\c\n\u{1}é");
        let raw = URL_SAFE_NO_PAD
            .decode(t.split('.').nth(1).unwrap())
            .unwrap();
        assert_eq!(
            String::from_utf8(raw).unwrap(),
            "{\"data\":\"a\\\"b\\\\c\\n\\u0001é\"}"
        );
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
