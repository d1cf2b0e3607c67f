//! REST authentication exactly like the service: `X-OPENTOK-AUTH` (HS256, project credentials) and
//! `Authorization: Bearer` (RS256, Vonage application credentials).

use crate::error::ApiError;
use axum::http::HeaderMap;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};

/// Clock skew allowed for `iat` in the future, in seconds.
pub const IAT_SKEW_SECS: i64 = 30;
/// The longest allowed lifetime of a project REST JWT (`exp - iat`), in seconds.
pub const MAX_LIFETIME_SECS: i64 = 300;

/// Who a request authenticated as: the id that must appear in `/v2/project/{id}/…` paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity(pub String);

/// Verifies REST JWTs for one configured project (and optionally one application), with
/// `jsonwebtoken`: it decodes the claims and checks the signatures.
pub struct Verifier {
    api_key: String,
    hs256: DecodingKey,
    application_id: Option<String>,
    rs256: Option<DecodingKey>,
    /// Reads claims before the signature is checked, so that errors follow the service's order
    /// (issuer, then signature: the service finds the secret through the issuer).
    unverified: Validation,
    no_key: DecodingKey,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("api_key", &self.api_key)
            .field("application_id", &self.application_id)
            .finish_non_exhaustive()
    }
}

/// The RS256 verification key from a PEM: SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY` (read by
/// `jsonwebtoken`), or the application's PKCS#8 `PRIVATE KEY` / PKCS#1 `RSA PRIVATE KEY` (read by
/// the `pem` crate; `ring` derives the public half). The first key block of the text counts.
pub fn rsa_decoding_key_from_pem(pem: &str) -> Result<DecodingKey, String> {
    use ring::signature::{KeyPair as _, RsaKeyPair};
    let blocks =
        pem::parse_many(pem.trim()).map_err(|e| format!("the key is not valid PEM: {e}"))?;
    for block in blocks {
        let private = match block.tag() {
            "PUBLIC KEY" | "RSA PUBLIC KEY" => {
                return DecodingKey::from_rsa_pem(pem::encode(&block).as_bytes())
                    .map_err(|e| format!("invalid RSA public key: {e}"));
            }
            "PRIVATE KEY" => RsaKeyPair::from_pkcs8(block.contents())
                .map_err(|e| format!("invalid PKCS#8 RSA private key: {e}"))?,
            "RSA PRIVATE KEY" => RsaKeyPair::from_der(block.contents())
                .map_err(|e| format!("invalid PKCS#1 RSA private key: {e}"))?,
            _ => continue,
        };
        return Ok(DecodingKey::from_rsa_der(private.public_key().as_ref()));
    }
    Err("no PUBLIC KEY / PRIVATE KEY PEM block found".to_string())
}

fn invalid_format() -> ApiError {
    ApiError::forbidden("Invalid token format")
}

/// The JOSE header as sent. `jsonwebtoken`'s `Header` drops members it does not know (the Ruby
/// SDK puts `ist` in the header) and refuses an `alg` it does not know, which the error names.
fn header_members(token: &str) -> Result<Map<String, Value>, ApiError> {
    let (header, _) = token.split_once('.').ok_or_else(invalid_format)?;
    let json = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| invalid_format())?;
    serde_json::from_slice(&json).map_err(|_| invalid_format())
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
        let rs256 = match (application_id, public_key_pem) {
            (Some(_), Some(pem)) => Some(rsa_decoding_key_from_pem(pem)?),
            (Some(_), None) => {
                return Err("an application id needs a public key (PEM)".to_string());
            }
            _ => None,
        };
        let mut unverified = Validation::new(Algorithm::HS256);
        unverified.insecure_disable_signature_validation();
        unverified.validate_exp = false;
        unverified.validate_aud = false;
        unverified.required_spec_claims.clear();
        Ok(Verifier {
            api_key: api_key.to_string(),
            hs256: DecodingKey::from_secret(api_secret.as_bytes()),
            application_id: application_id.map(str::to_string),
            rs256,
            unverified,
            no_key: DecodingKey::from_secret(&[]),
        })
    }

    /// The claims, decoded by `jsonwebtoken` without checking the signature yet.
    fn claims(&self, token: &str) -> Result<Map<String, Value>, ApiError> {
        jsonwebtoken::decode::<Map<String, Value>>(token, &self.no_key, &self.unverified)
            .map(|data| data.claims)
            .map_err(|_| invalid_format())
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
        let header = header_members(token)?;
        let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
        if alg == "RS256" {
            // php sends application JWTs in X-OPENTOK-AUTH.
            return self.check_application(token, &header, now);
        }
        if alg != "HS256" {
            return Err(ApiError::forbidden(format!(
                "Invalid signature algorithm '{alg}': expected HS256"
            )));
        }
        let claims = self.claims(token)?;
        let iss = match claims.get("iss") {
            Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.clone()
            }
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(ApiError::forbidden("Invalid issuer format")),
        };
        if iss != self.api_key {
            return Err(ApiError::forbidden(format!("Unknown issuer: {iss}")));
        }
        let ist = claims
            .get("ist")
            .or_else(|| header.get("ist"))
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
        check_signature(token, &self.hs256, Algorithm::HS256)?;
        check_times(&claims, now, Some(MAX_LIFETIME_SECS))?;
        Ok(Identity(iss))
    }

    fn verify_application(&self, token: &str, now: i64) -> Result<Identity, ApiError> {
        let header = header_members(token)?;
        self.check_application(token, &header, now)
    }

    fn check_application(
        &self,
        token: &str,
        header: &Map<String, Value>,
        now: i64,
    ) -> Result<Identity, ApiError> {
        let (app_id, key) = match (&self.application_id, &self.rs256) {
            (Some(a), Some(k)) => (a, k),
            _ => {
                return Err(ApiError::forbidden(
                    "Application credentials are not configured on this server",
                ))
            }
        };
        let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
        if alg != "RS256" {
            return Err(ApiError::forbidden(format!(
                "Invalid signature algorithm '{alg}': expected RS256"
            )));
        }
        let claims = self.claims(token)?;
        let claimed = claims
            .get("application_id")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::forbidden("Missing application_id claim"))?;
        if claimed != app_id {
            return Err(ApiError::forbidden(format!(
                "Unknown application id: {claimed}"
            )));
        }
        check_signature(token, key, Algorithm::RS256)?;
        check_times(&claims, now, None)?;
        Ok(Identity(app_id.clone()))
    }
}

/// Checks the signature of `token` (already decoded) with `jsonwebtoken`.
fn check_signature(token: &str, key: &DecodingKey, alg: Algorithm) -> Result<(), ApiError> {
    let bad = || ApiError::forbidden("Invalid signature");
    let (message, signature) = token.rsplit_once('.').ok_or_else(invalid_format)?;
    match jsonwebtoken::crypto::verify(signature, message.as_bytes(), key, alg) {
        Ok(true) => Ok(()),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn vector_key(name: &str) -> pem::Pem {
        let path = format!(
            "{}/../tests/vectors/keys/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        pem::parse(std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Every PEM form of the application key verifies what the private key signed.
    #[test]
    fn each_pem_form_of_the_key_verifies() {
        use ring::signature::{RsaKeyPair, RSA_PKCS1_SHA256};
        let p8 = vector_key("application_private_key.pem");
        let spki = vector_key("application_public_key.pem");
        let pair = RsaKeyPair::from_pkcs8(p8.contents()).unwrap();
        let message = b"eyJhbGciOiJSUzI1NiJ9.e30";
        let mut sig = vec![0; pair.public().modulus_len()];
        let rng = ring::rand::SystemRandom::new();
        pair.sign(&RSA_PKCS1_SHA256, &rng, message, &mut sig)
            .unwrap();
        let sig = URL_SAFE_NO_PAD.encode(sig);
        // PKCS#1 forms: the PKCS#8 and SPKI wrappers of a 2048-bit RSA key are fixed prefixes.
        let pkcs1_private = pem::Pem::new("RSA PRIVATE KEY", &p8.contents()[26..]);
        let pkcs1_public = pem::Pem::new("RSA PUBLIC KEY", &spki.contents()[24..]);
        for block in [&p8, &spki, &pkcs1_private, &pkcs1_public] {
            let text = format!("comment line\n{}", pem::encode(block));
            let key = rsa_decoding_key_from_pem(&text).unwrap();
            assert!(
                jsonwebtoken::crypto::verify(&sig, message, &key, Algorithm::RS256).unwrap(),
                "{}",
                block.tag()
            );
            let other = jsonwebtoken::crypto::verify(&sig, b"other", &key, Algorithm::RS256);
            assert!(!other.unwrap(), "{}", block.tag());
        }
        for bad in [
            "",
            "no pem here",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        ] {
            assert!(rsa_decoding_key_from_pem(bad).is_err(), "{bad}");
        }
    }
}
