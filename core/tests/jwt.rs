//! Every JWT the core signs verifies with `jsonwebtoken` (an implementation other than the signing
//! call site), and bad RSA keys are typed errors that never echo the key.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use opentok_core::{Config, Credentials, Error, OpenTok, Role, TokenOptions, TokenType};
use serde_json::{json, Map, Value};

const KEY: &str = "123456";
const SECRET: &str = "0123456789abcdef0123456789abcdef01234567";
const APP_ID: &str = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const SESSION: &str =
    "1_MX4xMjM0NTZ-MTI3LjAuMC4xflR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC43NjAyOTYyfg";

fn key_file(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/keys")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

/// Checks the signature with `jsonwebtoken` (time claims are checked by the tests themselves).
fn verified(token: &str, key: &DecodingKey, alg: Algorithm) -> Map<String, Value> {
    let mut v = Validation::new(alg);
    v.validate_exp = false;
    v.required_spec_claims.clear();
    jsonwebtoken::decode::<Map<String, Value>>(token, key, &v)
        .unwrap_or_else(|e| panic!("{e}: {token}"))
        .claims
}

fn public_key() -> DecodingKey {
    DecodingKey::from_rsa_pem(key_file("application_public_key.pem").as_bytes()).unwrap()
}

fn app_client(pem: &str) -> OpenTok {
    OpenTok::with_config(
        Credentials::application(APP_ID, pem).unwrap(),
        Config::default(),
    )
    .unwrap()
}

/// The vector key as PKCS#1 (`RSA PRIVATE KEY`): the PKCS#8 wrapper of an RSA key is a fixed
/// 26-byte prefix before the PKCS#1 `RSAPrivateKey`.
fn pkcs1_pem() -> String {
    let p8 = pem::parse(key_file("application_private_key.pem")).unwrap();
    let prefix = [
        0x30, 0x82, 0x04, 0xbd, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
        0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04, 0x82, 0x04, 0xa7,
    ];
    assert_eq!(&p8.contents()[..26], &prefix);
    pem::encode(&pem::Pem::new("RSA PRIVATE KEY", &p8.contents()[26..]))
}

#[test]
fn project_tokens_verify_with_jsonwebtoken() {
    let ot = OpenTok::new(KEY, SECRET).unwrap();
    let secret = DecodingKey::from_secret(SECRET.as_bytes());
    let opts = TokenOptions {
        role: Role::Moderator,
        data: Some("quote \" backslash \\ newline \n control \u{1} é 🎥".into()),
        initial_layout_class_list: vec!["focus".into(), "full".into()],
        ..Default::default()
    };
    let token = ot
        .generate_token_at(SESSION, &opts, 1_700_000_000, Some(7))
        .unwrap();
    let header = jsonwebtoken::decode_header(&token).unwrap();
    assert_eq!(header.alg, Algorithm::HS256);
    assert_eq!(header.typ.as_deref(), Some("JWT"));
    let claims = verified(&token, &secret, Algorithm::HS256);
    assert_eq!(
        Value::Object(claims.clone()),
        json!({
            "iss": KEY, "ist": "project", "iat": 1_700_000_000, "exp": 1_700_086_400,
            "session_id": SESSION, "create_time": 1_700_000_000, "nonce": 7, "role": "moderator",
            "expire_time": 1_700_086_400, "initial_layout_class_list": "focus full",
            "scope": "session.connect", "connection_data": opts.data.as_deref().unwrap(),
        })
    );
    // Members in the order the official SDKs write them, escaped as JSON.
    let raw = String::from_utf8(
        base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            token.split('.').nth(1).unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(
        raw.starts_with(r#"{"iss":"123456","ist":"project","iat":1700000000,"exp":"#),
        "{raw}"
    );
    assert!(raw.ends_with(r#","scope":"session.connect","connection_data":"quote \" backslash \\ newline \n control \u0001 é 🎥"}"#), "{raw}");
    // A different secret does not verify.
    let mut v = Validation::new(Algorithm::HS256);
    v.validate_exp = false;
    assert!(
        jsonwebtoken::decode::<Value>(&token, &DecodingKey::from_secret(b"other"), &v).is_err()
    );
}

#[test]
fn application_tokens_verify_with_jsonwebtoken_for_both_pem_forms() {
    for pem in [key_file("application_private_key.pem"), pkcs1_pem()] {
        let ot = app_client(&pem);
        let token = ot
            .generate_token_at(SESSION, &TokenOptions::default(), 1_700_000_000, None)
            .unwrap();
        assert_eq!(
            jsonwebtoken::decode_header(&token).unwrap().alg,
            Algorithm::RS256
        );
        let mut claims = verified(&token, &public_key(), Algorithm::RS256);
        assert_eq!(claims.remove("jti").unwrap().as_str().unwrap().len(), 36);
        assert_eq!(
            Value::Object(claims),
            json!({
                "application_id": APP_ID, "iat": 1_700_000_000, "exp": 1_700_086_400, "sub": "video",
                "acl": {"paths": {"/session/**": {}}}, "scope": "session.connect",
                "session_id": SESSION, "role": "publisher", "initial_layout_class_list": "",
            })
        );
        let t1 = TokenOptions {
            token_type: TokenType::T1,
            ..Default::default()
        };
        assert_eq!(
            ot.generate_token(SESSION, &t1).unwrap_err().field(),
            Some("token_type")
        );
    }
}

#[test]
fn rest_auth_headers_verify_with_jsonwebtoken() {
    let ot = OpenTok::new(KEY, SECRET).unwrap();
    let (name, value) = ot.auth_header().unwrap();
    assert_eq!(name, "X-OPENTOK-AUTH");
    let c = verified(
        &value,
        &DecodingKey::from_secret(SECRET.as_bytes()),
        Algorithm::HS256,
    );
    assert_eq!(
        (c["iss"].as_str(), c["ist"].as_str()),
        (Some(KEY), Some("project"))
    );
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 180);
    assert_eq!(c["jti"].as_str().unwrap().len(), 36);
    assert_eq!(c.keys().count(), 5);

    let ot = app_client(&key_file("application_private_key.pem"));
    let (name, value) = ot.auth_header().unwrap();
    assert_eq!(name, "Authorization");
    let jwt = value.strip_prefix("Bearer ").unwrap();
    let c = verified(jwt, &public_key(), Algorithm::RS256);
    assert_eq!(c["application_id"].as_str(), Some(APP_ID));
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 180);
    assert_eq!(c.keys().count(), 4);
}

#[test]
fn bad_private_keys_are_typed_errors_that_never_echo_the_key() {
    let good = key_file("application_private_key.pem");
    let body_line = good.lines().nth(1).unwrap().to_owned();
    let truncated: String = good
        .lines()
        .take(5)
        .chain(["-----END PRIVATE KEY-----"])
        .collect::<Vec<_>>()
        .join("\n");
    let cases = [
        String::new(),
        "not a key".to_owned(),
        format!("-----BEGIN PRIVATE KEY-----\n{body_line}\n-----END PRIVATE KEY-----\n"),
        truncated,
        key_file("application_public_key.pem"),
        good.replace("PRIVATE KEY", "CERTIFICATE"),
        good.replace('M', "!"),
    ];
    for pem in &cases {
        let err = Credentials::application(APP_ID, pem).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument { .. }), "{err:?}");
        assert_eq!(err.field(), Some("private_key"), "{err}");
        for shown in [err.to_string(), format!("{err:?}")] {
            assert!(!shown.contains(&body_line[..20]), "{shown}");
        }
    }
    // `detect` picks application credentials for a PEM and reports the same field.
    assert_eq!(
        Credentials::detect(APP_ID, &cases[3]).unwrap_err().field(),
        Some("private_key")
    );
    // Leading and trailing whitespace around a good key is fine; Debug never shows it.
    let creds = Credentials::application(APP_ID, &format!("\n  {good}\n\n")).unwrap();
    assert!(!format!("{creds:?}").contains(&body_line[..20]));
}

#[test]
fn mutated_pems_never_panic() {
    let good = key_file("application_private_key.pem").into_bytes();
    let mut rng = fastrand::Rng::with_seed(13);
    for _ in 0..300 {
        let mut b = good.clone();
        for _ in 0..rng.usize(1..4) {
            let i = rng.usize(..b.len());
            match rng.u8(0..3) {
                0 => b[i] = rng.u8(..),
                1 => b.truncate(i.max(1)),
                _ => b.insert(i, *rng.choice(b"-A/+=\n ".iter()).unwrap()),
            }
        }
        if let Ok(s) = std::str::from_utf8(&b) {
            if let Err(e) = Credentials::application(APP_ID, s) {
                assert_eq!(e.field(), Some("private_key"));
            }
        }
    }
}
