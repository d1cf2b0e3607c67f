//! Callback delivery: events from state changes, signing, retries, the bound, loopback-only targets,
//! and the `/_emulator/` page.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;
use common::*;
use opentok_emulator::{CallbackConfig, Config, Emulator};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// (Authorization header, body) of each request received.
type Got = Arc<Mutex<Vec<(Option<String>, String)>>>;

/// A receiver on 127.0.0.1 answering the scripted statuses in turn (then the last one forever).
struct Receiver {
    url: String,
    got: Got,
}

async fn receiver(script: Vec<u16>) -> Receiver {
    let got = Arc::new(Mutex::new(Vec::new()));
    let calls = Arc::new(Mutex::new(0usize));
    let g = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let g = g.clone();
            let calls = calls.clone();
            let script = script.clone();
            async move {
                let auth = headers
                    .get("authorization")
                    .map(|v| v.to_str().unwrap().to_string());
                g.lock().unwrap().push((auth, body));
                let mut n = calls.lock().unwrap();
                let code = script[(*n).min(script.len() - 1)];
                *n += 1;
                axum::http::StatusCode::from_u16(code).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Receiver { url, got }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

async fn wait_for(emu: &Emulator, what: &str, cond: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let log = emu.callback_deliveries();
        if cond(&log) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}: {log:#?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn start(urls: Vec<String>, secret: Option<&str>, attempts: u32) -> Emulator {
    let emu = Emulator::start(Config::default()).await.unwrap();
    emu.set_callbacks(CallbackConfig {
        urls,
        signature_secret: secret.map(str::to_string),
        max_attempts: attempts,
        backoff: Duration::from_millis(5),
        ..CallbackConfig::default()
    });
    emu
}

async fn admin(emu: &Emulator, path: &str, body: Value) -> Value {
    let r = client()
        .post(format!("{}{path}", emu.url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap_or(Value::Null)
}

async fn rest(emu: &Emulator, path: &str, body: Value) -> Value {
    let r = client()
        .post(format!("{}/v2/project/{KEY}{path}", emu.url()))
        .header("X-OPENTOK-AUTH", project_jwt())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_session_lifecycle_sends_signed_events_in_order() {
    let rx = receiver(vec![200]).await;
    let secret = "emulator-test-signature-secret";
    let emu = start(vec![rx.url.clone()], Some(secret), 3).await;
    let sid = admin(&emu, "/_emulator/sessions", json!({})).await["sessionId"]
        .as_str()
        .unwrap()
        .to_string();
    let conn = admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({"data": "name=alice"}),
    )
    .await;
    let cid = conn["connectionId"].as_str().unwrap().to_string();
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({"connectionId": cid, "name": "cam"}),
    )
    .await;
    let archive = rest(&emu, "/archive", json!({"sessionId": sid})).await;
    let aid = archive["id"].as_str().unwrap().to_string();
    rest(&emu, &format!("/archive/{aid}/stop"), json!({})).await;
    let b = rest(
        &emu,
        "/broadcast",
        json!({"sessionId": sid, "outputs": {"hls": {}}}),
    )
    .await;
    rest(
        &emu,
        &format!("/broadcast/{}/stop", b["id"].as_str().unwrap()),
        json!({}),
    )
    .await;
    let r = client()
        .delete(format!(
            "{}/_emulator/sessions/{sid}/connections/{cid}",
            emu.url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let want = [
        "connectionCreated",
        "streamCreated",
        "started",
        "stopped",
        "available",
        "started",
        "stopped",
        "streamDestroyed",
        "connectionDestroyed",
    ];
    let log = wait_for(&emu, "all deliveries", |l| {
        l.len() == want.len() && l.iter().all(|d| d["status"] == "delivered")
    })
    .await;
    let names: Vec<&str> = log.iter().map(|d| d["event"].as_str().unwrap()).collect();
    assert_eq!(names, want);
    assert!(log.iter().all(|d| d["signed"] == true));
    let got = rx.got.lock().unwrap().clone();
    assert_eq!(got.len(), want.len());
    for (auth, body) in &got {
        let token = auth.as_deref().unwrap().strip_prefix("Bearer ").unwrap();
        let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
        v.required_spec_claims.clear();
        let data = jsonwebtoken::decode::<Value>(
            token,
            &jsonwebtoken::DecodingKey::from_secret(secret.as_bytes()),
            &v,
        )
        .unwrap();
        let hash: String = ring::digest::digest(&ring::digest::SHA256, body.as_bytes())
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(data.claims["payload_hash"], json!(hash));
        assert_eq!(data.claims["api_key"], json!(KEY));
    }
    let bodies: Vec<Value> = got
        .iter()
        .map(|(_, b)| serde_json::from_str(b).unwrap())
        .collect();
    assert_eq!(bodies[0]["connection"]["data"], "name=alice");
    assert_eq!(bodies[1]["stream"]["connection"]["id"], json!(cid));
    assert_eq!(bodies[4]["event"], "archive");
    assert_eq!(bodies[4]["status"], "available");
    assert!(bodies[4]["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(bodies[5]["event"], "broadcast");
    assert_eq!(bodies[8]["reason"], "clientDisconnected");
}

#[tokio::test]
async fn a_500_is_retried_until_a_200() {
    let rx = receiver(vec![500, 200]).await;
    let emu = start(vec![rx.url.clone()], None, 4).await;
    admin(&emu, "/_emulator/sessions", json!({})).await;
    let sid = emu_session(&emu).await;
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({}),
    )
    .await;
    let log = wait_for(&emu, "delivered", |l| {
        l.len() == 1 && l[0]["status"] == "delivered"
    })
    .await;
    assert_eq!(log[0]["attempts"], 2);
    assert_eq!(log[0]["answers"], json!(["500", "200"]));
    assert_eq!(log[0]["signed"], false);
    assert_eq!(rx.got.lock().unwrap().len(), 2);
    assert!(rx.got.lock().unwrap()[0].0.is_none());
}

async fn emu_session(emu: &Emulator) -> String {
    admin(emu, "/_emulator/sessions", json!({})).await["sessionId"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_receiver_that_always_fails_is_given_up_after_the_bound() {
    let rx = receiver(vec![500]).await;
    let emu = start(vec![rx.url.clone()], None, 3).await;
    let sid = emu_session(&emu).await;
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({}),
    )
    .await;
    let log = wait_for(&emu, "failed", |l| {
        l.len() == 1 && l[0]["status"] == "failed"
    })
    .await;
    assert_eq!(log[0]["attempts"], 3);
    assert_eq!(log[0]["answers"], json!(["500", "500", "500"]));
    // Nothing more is sent after the bound.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(rx.got.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn non_loopback_targets_are_refused_without_the_flag() {
    let rx = receiver(vec![200]).await;
    let emu = start(
        vec!["http://192.0.2.10:9/hook".into(), rx.url.clone()],
        None,
        2,
    )
    .await;
    let sid = emu_session(&emu).await;
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({}),
    )
    .await;
    let log = wait_for(&emu, "one delivered, one refused", |l| {
        l.len() == 2 && l.iter().any(|d| d["status"] == "delivered")
    })
    .await;
    let refused = log
        .iter()
        .find(|d| d["url"] == "http://192.0.2.10:9/hook")
        .unwrap();
    assert_eq!(refused["status"], "refused");
    assert_eq!(refused["attempts"], 0);
    assert!(opentok_emulator::callbacks_delivery::is_loopback_url(
        "http://localhost:1/x"
    ));
    assert!(opentok_emulator::callbacks_delivery::is_loopback_url(
        "http://[::1]:1/x"
    ));
    assert!(opentok_emulator::callbacks_delivery::is_loopback_url(
        "http://127.3.4.5/x"
    ));
    assert!(!opentok_emulator::callbacks_delivery::is_loopback_url(
        "http://10.0.0.1/x"
    ));
    assert!(!opentok_emulator::callbacks_delivery::is_loopback_url(
        "http://127.0.0.1.example.com/x"
    ));
}

#[tokio::test]
async fn registered_project_callbacks_receive_their_group() {
    let rx = receiver(vec![200]).await;
    let emu = start(vec![], None, 2).await;
    rest(
        &emu,
        "/callback",
        json!({"group": "connection", "event": "created", "url": rx.url}),
    )
    .await;
    let sid = emu_session(&emu).await;
    let c = admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({}),
    )
    .await;
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({"connectionId": c["connectionId"]}),
    )
    .await;
    let log = wait_for(&emu, "connectionCreated", |l| {
        l.len() == 1 && l[0]["status"] == "delivered"
    })
    .await;
    assert_eq!(log[0]["event"], "connectionCreated");
}

#[tokio::test]
async fn the_admin_page_and_log_show_deliveries() {
    let rx = receiver(vec![200]).await;
    let emu = start(vec![rx.url.clone()], Some("s3cr3t-never-shown"), 2).await;
    let sid = emu_session(&emu).await;
    admin(
        &emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({"data": "<b>x</b>"}),
    )
    .await;
    wait_for(&emu, "delivered", |l| {
        l.len() == 1 && l[0]["status"] == "delivered"
    })
    .await;
    let log: Value = client()
        .get(format!("{}/_emulator/callbacks", emu.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(log["config"]["signed"], true);
    assert_eq!(log["deliveries"][0]["event"], "connectionCreated");
    let page = client()
        .get(format!("{}/_emulator/", emu.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = page.text().await.unwrap();
    assert!(html.contains(&sid));
    assert!(html.contains("connectionCreated"));
    assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(!html.contains("<b>x</b>"));
    assert!(!html.contains("s3cr3t-never-shown"));
    assert!(!log.to_string().contains("s3cr3t-never-shown"));
}
