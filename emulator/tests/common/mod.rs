//! Shared helpers for the emulator's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use opentok_emulator::{Config, Emulator};
use reqwest::Method;
use serde_json::{json, Value};

pub const KEY: &str = "123456";
pub const SECRET: &str = "0123456789abcdef0123456789abcdef01234567";
pub const APP_ID: &str = "2d6b4c1a-8f3e-4a7b-9c2d-1e5f6a7b8c9d";

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// HS256 JWT with the given header and claims.
pub fn hs256(header: &Value, claims: &Value, secret: &str) -> String {
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let sig = ring::hmac::sign(&key, input.as_bytes());
    format!("{input}.{}", b64(sig.as_ref()))
}

/// A valid project REST JWT.
pub fn project_jwt() -> String {
    let n = now();
    hs256(
        &json!({"alg": "HS256", "typ": "JWT"}),
        &json!({"iss": KEY, "ist": "project", "iat": n, "exp": n + 300, "jti": "x"}),
        SECRET,
    )
}

pub fn repo_file(rel: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    std::fs::read_to_string(path).unwrap()
}

fn pem_der(pem: &str) -> Vec<u8> {
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap()
}

/// RS256 JWT signed with the test vector private key.
pub fn rs256(claims: &Value) -> String {
    let der = pem_der(&repo_file("tests/vectors/keys/application_private_key.pem"));
    let kp = ring::signature::RsaKeyPair::from_pkcs8(&der).unwrap();
    let input = format!(
        "{}.{}",
        b64(json!({"alg": "RS256", "typ": "JWT"}).to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let mut sig = vec![0u8; kp.public().modulus_len()];
    kp.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        input.as_bytes(),
        &mut sig,
    )
    .unwrap();
    format!("{input}.{}", b64(&sig))
}

pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }
    /// Asserts the status and the `{code, message}` error shape; returns the message.
    pub fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "body: {}", self.text);
        let v = self.json();
        assert!(v["code"].is_i64(), "code missing: {}", self.text);
        v["message"].as_str().expect("message").to_string()
    }
}

pub struct T {
    pub emu: Emulator,
    pub http: reqwest::Client,
    pub base: String,
}

impl T {
    pub async fn new() -> T {
        Self::with(Config::default()).await
    }

    pub async fn with(config: Config) -> T {
        let emu = Emulator::start(config).await.unwrap();
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let base = emu.url();
        T { emu, http, base }
    }

    pub fn p(&self, rest: &str) -> String {
        format!("/v2/project/{KEY}{rest}")
    }

    /// Sends a request with a valid project JWT.
    pub async fn call(&self, method: &str, path: impl Into<String>, body: Option<Value>) -> Resp {
        let path: String = path.into();
        self.call_with(method, &path, body, Some(("X-OPENTOK-AUTH", project_jwt())))
            .await
    }

    pub async fn call_with(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        auth: Option<(&str, String)>,
    ) -> Resp {
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        let mut rb = self.http.request(m, format!("{}{}", self.base, path));
        if let Some((h, v)) = auth {
            rb = rb.header(h, v);
        }
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        let r = rb.send().await.unwrap();
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let text = r.text().await.unwrap();
        Resp {
            status,
            headers,
            text,
        }
    }

    /// Admin call (no auth).
    pub async fn admin(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        self.call_with(method, path, body, None).await
    }

    pub async fn session(&self, media_mode: &str) -> String {
        let r = self
            .admin(
                "POST",
                "/_emulator/sessions",
                Some(json!({"mediaMode": media_mode})),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.json()["sessionId"].as_str().unwrap().to_string()
    }

    pub async fn connection(&self, sid: &str) -> String {
        let r = self
            .admin(
                "POST",
                &format!("/_emulator/sessions/{sid}/connections"),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.json()["connectionId"].as_str().unwrap().to_string()
    }

    pub async fn stream(&self, sid: &str) -> String {
        let r = self
            .admin(
                "POST",
                &format!("/_emulator/sessions/{sid}/streams"),
                Some(json!({"name": "cam"})),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.json()["id"].as_str().unwrap().to_string()
    }

    pub async fn view(&self, sid: &str) -> Value {
        self.admin("GET", &format!("/_emulator/sessions/{sid}"), None)
            .await
            .json()
    }
}
