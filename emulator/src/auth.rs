//! REST authentication exactly like the service: `X-OPENTOK-AUTH` (HS256, project credentials) and
//! `Authorization: Bearer` (RS256, Vonage application credentials).

use crate::error::ApiError;
use axum::http::HeaderMap;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use ring::{hmac, signature};
use serde_json::{Map, Value};

/// Clock skew allowed for `iat` in the future, in seconds.
pub const IAT_SKEW_SECS: i64 = 30;
/// The longest allowed lifetime of a project REST JWT (`exp - iat`), in seconds.
pub const MAX_LIFETIME_SECS: i64 = 300;

/// Who a request authenticated as: the id that must appear in `/v2/project/{id}/…` paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity(pub String);

/// Verifies REST JWTs for one configured project (and optionally one application).
pub struct Verifier {
    api_key: String,
    hmac_key: hmac::Key,
    application_id: Option<String>,
    rsa_public_key: Option<Vec<u8>>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("api_key", &self.api_key)
            .field("application_id", &self.application_id)
            .finish_non_exhaustive()
    }
}

fn pem_blocks(pem: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut label: Option<String> = None;
    let mut b64 = String::new();
    for line in pem.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("-----BEGIN ") {
            label = Some(rest.trim_end_matches('-').to_string());
            b64.clear();
        } else if line.starts_with("-----END ") {
            if let Some(l) = label.take() {
                if let Ok(der) = STANDARD.decode(b64.as_bytes()) {
                    out.push((l, der));
                }
            }
        } else if label.is_some() && !line.contains(':') {
            b64.push_str(line);
        }
    }
    out
}

/// Reads one DER TLV: returns (tag, content, rest).
fn der_read(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// SubjectPublicKeyInfo DER → the inner PKCS#1 `RSAPublicKey` DER.
pub fn spki_to_rsa_public_key(spki: &[u8]) -> Option<Vec<u8>> {
    let (tag, seq, _) = der_read(spki)?;
    if tag != 0x30 {
        return None;
    }
    let (alg_tag, _alg, rest) = der_read(seq)?;
    if alg_tag != 0x30 {
        return None;
    }
    let (bit_tag, bits, _) = der_read(rest)?;
    if bit_tag != 0x03 {
        return None;
    }
    let (&unused, key) = bits.split_first()?;
    if unused != 0 {
        return None;
    }
    Some(key.to_vec())
}

/// Extracts the PKCS#1 RSA public key DER from a PEM: SPKI `PUBLIC KEY`, `RSA PUBLIC KEY`,
/// PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`.
pub fn rsa_public_key_from_pem(pem: &str) -> Result<Vec<u8>, String> {
    use signature::KeyPair as _;
    for (label, der) in pem_blocks(pem) {
        match label.as_str() {
            "PUBLIC KEY" => {
                return spki_to_rsa_public_key(&der)
                    .ok_or_else(|| "invalid SubjectPublicKeyInfo in PUBLIC KEY PEM".to_string())
            }
            "RSA PUBLIC KEY" => return Ok(der),
            "PRIVATE KEY" => {
                let kp = signature::RsaKeyPair::from_pkcs8(&der)
                    .map_err(|e| format!("invalid PKCS#8 RSA private key: {e}"))?;
                return Ok(kp.public_key().as_ref().to_vec());
            }
            "RSA PRIVATE KEY" => {
                let kp = signature::RsaKeyPair::from_der(&der)
                    .map_err(|e| format!("invalid PKCS#1 RSA private key: {e}"))?;
                return Ok(kp.public_key().as_ref().to_vec());
            }
            _ => {}
        }
    }
    Err("no PUBLIC KEY / PRIVATE KEY PEM block found".to_string())
}

struct Jwt {
    header: Map<String, Value>,
    claims: Map<String, Value>,
    signing_input_len: usize,
    signature: Vec<u8>,
}

fn b64url(part: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('=').as_bytes())
        .ok()
}

fn parse_jwt(token: &str) -> Result<Jwt, ApiError> {
    let invalid = || ApiError::forbidden("Invalid token format");
    let mut parts = token.split('.');
    let (h, p, s) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(h), Some(p), Some(s), None) => (h, p, s),
        _ => return Err(invalid()),
    };
    let header: Map<String, Value> = b64url(h)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(invalid)?;
    let claims: Map<String, Value> = b64url(p)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(invalid)?;
    let signature = b64url(s).ok_or_else(invalid)?;
    Ok(Jwt {
        header,
        claims,
        signing_input_len: h.len() + 1 + p.len(),
        signature,
    })
}

fn num_claim(claims: &Map<String, Value>, name: &str) -> Option<i64> {
    claims.get(name).and_then(Value::as_f64).map(|f| f as i64)
}

fn check_times(
    claims: &Map<String, Value>,
    now: i64,
    max_lifetime: Option<i64>,
) -> Result<(), ApiError> {
    let iat = num_claim(claims, "iat")
        .ok_or_else(|| ApiError::forbidden("Invalid or missing issued time (iat)"))?;
    if iat > now + IAT_SKEW_SECS {
        return Err(ApiError::forbidden(
            "issued time cannot be greater than current time",
        ));
    }
    let exp = num_claim(claims, "exp")
        .ok_or_else(|| ApiError::forbidden("Invalid or missing expiration time (exp)"))?;
    if exp <= now {
        return Err(ApiError::forbidden("Token expired"));
    }
    if let Some(max) = max_lifetime {
        if exp > iat + max {
            return Err(ApiError::forbidden(
                "Expiration time cannot be more than 5 minutes after the issued time",
            ));
        }
    }
    Ok(())
}

impl Verifier {
    /// Builds a verifier for the given credentials.
    pub fn new(
        api_key: &str,
        api_secret: &str,
        application_id: Option<&str>,
        public_key_pem: Option<&str>,
    ) -> Result<Verifier, String> {
        let rsa_public_key = match (application_id, public_key_pem) {
            (Some(_), Some(pem)) => Some(rsa_public_key_from_pem(pem)?),
            (Some(_), None) => {
                return Err("an application id needs a public key (PEM)".to_string());
            }
            _ => None,
        };
        Ok(Verifier {
            api_key: api_key.to_string(),
            hmac_key: hmac::Key::new(hmac::HMAC_SHA256, api_secret.as_bytes()),
            application_id: application_id.map(str::to_string),
            rsa_public_key,
        })
    }

    /// Checks the auth headers of a request at time `now` (Unix seconds).
    pub fn verify(&self, headers: &HeaderMap, now: i64) -> Result<Identity, ApiError> {
        if let Some(v) = headers.get("x-opentok-auth") {
            let token = v
                .to_str()
                .map_err(|_| ApiError::forbidden("Invalid token format"))?
                .trim();
            return self.verify_project(token, now);
        }
        if let Some(v) = headers.get("authorization") {
            let text = v
                .to_str()
                .map_err(|_| ApiError::forbidden("Invalid token format"))?
                .trim();
            let token = text
                .strip_prefix("Bearer ")
                .or_else(|| text.strip_prefix("bearer "))
                .ok_or_else(|| ApiError::forbidden("Authorization header must be 'Bearer <JWT>'"))?
                .trim();
            return self.verify_application(token, now);
        }
        Err(ApiError::forbidden(
            "Missing authentication: send X-OPENTOK-AUTH or Authorization: Bearer",
        ))
    }

    fn verify_project(&self, token: &str, now: i64) -> Result<Identity, ApiError> {
        let jwt = parse_jwt(token)?;
        let alg = jwt.header.get("alg").and_then(Value::as_str).unwrap_or("");
        if alg == "RS256" {
            // php sends application JWTs in X-OPENTOK-AUTH.
            return self.check_application(token, jwt, now);
        }
        if alg != "HS256" {
            return Err(ApiError::forbidden(format!(
                "Invalid signature algorithm '{alg}': expected HS256"
            )));
        }
        let iss = match jwt.claims.get("iss") {
            Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.clone()
            }
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(ApiError::forbidden("Invalid issuer format")),
        };
        if iss != self.api_key {
            return Err(ApiError::forbidden(format!("Unknown issuer: {iss}")));
        }
        let ist = jwt
            .claims
            .get("ist")
            .or_else(|| jwt.header.get("ist"))
            .and_then(Value::as_str);
        match ist {
            Some("project") => {}
            Some("account") => {
                return Err(ApiError::forbidden(
                    "Account-level authentication (ist=account) is not supported",
                ))
            }
            _ => {
                return Err(ApiError::forbidden(
                    "Invalid issuer type (ist): expected 'project'",
                ))
            }
        }
        let input = &token.as_bytes()[..jwt.signing_input_len];
        hmac::verify(&self.hmac_key, input, &jwt.signature)
            .map_err(|_| ApiError::forbidden("Invalid signature"))?;
        check_times(&jwt.claims, now, Some(MAX_LIFETIME_SECS))?;
        Ok(Identity(iss))
    }

    fn verify_application(&self, token: &str, now: i64) -> Result<Identity, ApiError> {
        let jwt = parse_jwt(token)?;
        self.check_application(token, jwt, now)
    }

    fn check_application(&self, token: &str, jwt: Jwt, now: i64) -> Result<Identity, ApiError> {
        let (app_id, key) = match (&self.application_id, &self.rsa_public_key) {
            (Some(a), Some(k)) => (a, k),
            _ => {
                return Err(ApiError::forbidden(
                    "Application credentials are not configured on this server",
                ))
            }
        };
        let alg = jwt.header.get("alg").and_then(Value::as_str).unwrap_or("");
        if alg != "RS256" {
            return Err(ApiError::forbidden(format!(
                "Invalid signature algorithm '{alg}': expected RS256"
            )));
        }
        let claimed = jwt
            .claims
            .get("application_id")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::forbidden("Missing application_id claim"))?;
        if claimed != app_id {
            return Err(ApiError::forbidden(format!(
                "Unknown application id: {claimed}"
            )));
        }
        let input = &token.as_bytes()[..jwt.signing_input_len];
        signature::UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, key)
            .verify(input, &jwt.signature)
            .map_err(|_| ApiError::forbidden("Invalid signature"))?;
        check_times(&jwt.claims, now, None)?;
        Ok(Identity(app_id.clone()))
    }
}
