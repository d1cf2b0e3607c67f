//! REST authentication: every failure answers 403 `{code, message}`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;
use common::*;
use opentok_emulator::Config;
use serde_json::json;

async fn with_token(t: &T, token: String) -> Resp {
    t.call_with(
        "GET",
        &t.p("/archive"),
        None,
        Some(("X-OPENTOK-AUTH", token)),
    )
    .await
}

fn claims(iat: i64, exp: i64) -> serde_json::Value {
    json!({"iss": KEY, "ist": "project", "iat": iat, "exp": exp})
}

fn header() -> serde_json::Value {
    json!({"alg": "HS256", "typ": "JWT"})
}

#[tokio::test]
async fn valid_token_is_accepted_and_request_id_is_set() {
    let t = T::new().await;
    let r = t.call("GET", &t.p("/archive"), None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json(), json!({"count": 0, "items": []}));
    assert!(r.headers.get("x-request-id").is_some());
}

#[tokio::test]
async fn missing_header_is_403() {
    let t = T::new().await;
    let r = t.call_with("GET", &t.p("/archive"), None, None).await;
    r.error(403);
    assert!(r.headers.get("x-request-id").is_some());
}

#[tokio::test]
async fn bad_signature_is_403() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(&header(), &claims(n, n + 300), "wrong-secret");
    assert_eq!(with_token(&t, tok).await.error(403), "Invalid signature");
    let r = with_token(&t, "not.a.jwt".into()).await;
    r.error(403);
}

#[tokio::test]
async fn wrong_issuer_is_403() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(
        &header(),
        &json!({"iss": "999999", "ist": "project", "iat": n, "exp": n + 300}),
        SECRET,
    );
    assert!(with_token(&t, tok).await.error(403).contains("issuer"));
    let tok = hs256(
        &header(),
        &json!({"iss": "abc def", "ist": "project", "iat": n, "exp": n + 300}),
        SECRET,
    );
    assert_eq!(
        with_token(&t, tok).await.error(403),
        "Invalid issuer format"
    );
}

#[tokio::test]
async fn expired_token_is_403() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(&header(), &claims(n - 400, n - 100), SECRET);
    assert_eq!(with_token(&t, tok).await.error(403), "Token expired");
}

#[tokio::test]
async fn lifetime_over_300_seconds_is_403() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(&header(), &claims(n, n + 301), SECRET);
    with_token(&t, tok).await.error(403);
    // the python SDK's iat+180 is fine
    let tok = hs256(&header(), &claims(n, n + 180), SECRET);
    assert_eq!(with_token(&t, tok).await.status, 200);
}

#[tokio::test]
async fn iat_in_the_future_is_403_beyond_skew() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(&header(), &claims(n + 120, n + 300), SECRET);
    assert_eq!(
        with_token(&t, tok).await.error(403),
        "issued time cannot be greater than current time"
    );
    let tok = hs256(&header(), &claims(n + 10, n + 300), SECRET);
    assert_eq!(with_token(&t, tok).await.status, 200);
}

#[tokio::test]
async fn ist_in_header_like_ruby_is_accepted_and_missing_ist_is_not() {
    let t = T::new().await;
    let n = now();
    let tok = hs256(
        &json!({"ist": "project", "alg": "HS256"}),
        &json!({"iss": KEY, "iat": n, "exp": n + 300}),
        SECRET,
    );
    assert_eq!(with_token(&t, tok).await.status, 200);
    let tok = hs256(
        &header(),
        &json!({"iss": KEY, "iat": n, "exp": n + 300}),
        SECRET,
    );
    with_token(&t, tok).await.error(403);
}

#[tokio::test]
async fn path_must_name_the_authenticated_project() {
    let t = T::new().await;
    let r = t.call("GET", "/v2/project/654321/archive", None).await;
    r.error(403);
}

#[tokio::test]
async fn application_bearer_jwt() {
    let pem = repo_file("tests/vectors/keys/application_public_key.pem");
    let t = T::with(Config {
        application_id: Some(APP_ID.into()),
        application_public_key_pem: Some(pem),
        ..Config::default()
    })
    .await;
    let n = now();
    let good = rs256(&json!({"application_id": APP_ID, "iat": n, "exp": n + 900, "jti": "j"}));
    let path = format!("/v2/project/{APP_ID}/archive");
    let r = t
        .call_with(
            "GET",
            &path,
            None,
            Some(("Authorization", format!("Bearer {good}"))),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    // the api key's paths are not the application's
    let r = t
        .call_with(
            "GET",
            &t.p("/archive"),
            None,
            Some(("Authorization", format!("Bearer {good}"))),
        )
        .await;
    r.error(403);
    // wrong application id
    let bad = rs256(&json!({"application_id": "other", "iat": n, "exp": n + 900}));
    t.call_with(
        "GET",
        &path,
        None,
        Some(("Authorization", format!("Bearer {bad}"))),
    )
    .await
    .error(403);
    // expired
    let old = rs256(&json!({"application_id": APP_ID, "iat": n - 1000, "exp": n - 10}));
    let r = t
        .call_with(
            "GET",
            &path,
            None,
            Some(("Authorization", format!("Bearer {old}"))),
        )
        .await;
    assert_eq!(r.error(403), "Token expired");
    // tampered signature
    let mut tampered = good.clone();
    tampered.pop();
    tampered.push(if good.ends_with('A') { 'B' } else { 'A' });
    t.call_with(
        "GET",
        &path,
        None,
        Some(("Authorization", format!("Bearer {tampered}"))),
    )
    .await
    .error(403);
    // session create with application credentials encodes the application id
    let r = t
        .http
        .post(format!("{}/session/create", t.base))
        .header("Authorization", format!("Bearer {good}"))
        .header("Accept", "application/json")
        .form(&[("p2p.preference", "disabled")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    let sid = v[0]["session_id"].as_str().unwrap();
    let d = opentok_emulator::ids::decode_session_id(sid).unwrap();
    assert_eq!(d.api_key, APP_ID);
}

#[tokio::test]
async fn private_key_pem_is_accepted_as_the_application_key() {
    let pem = repo_file("tests/vectors/keys/application_private_key.pem");
    let t = T::with(Config {
        application_id: Some(APP_ID.into()),
        application_public_key_pem: Some(pem),
        ..Config::default()
    })
    .await;
    let n = now();
    let good = rs256(&json!({"application_id": APP_ID, "iat": n, "exp": n + 300}));
    let r = t
        .call_with(
            "GET",
            &format!("/v2/project/{APP_ID}/render"),
            None,
            Some(("Authorization", format!("Bearer {good}"))),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}
