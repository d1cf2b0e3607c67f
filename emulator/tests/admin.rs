//! Admin routes: faults, request log, reset, 404/405, `admin = false`, blocking start.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;
use common::*;
use opentok_emulator::{Config, Emulator};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn unknown_path_404_and_wrong_method_405() {
    let t = T::new().await;
    let r = t.call("GET", "/v2/nothing/here", None).await;
    r.error(404);
    assert!(r.headers.get("x-request-id").is_some());
    t.call("PUT", t.p("/archive"), None).await.error(405);
    t.call("GET", "/session/create", None).await.error(405);
    t.call("DELETE", t.p("/broadcast/abc"), None)
        .await
        .error(405);
}

#[tokio::test]
async fn status_fault_with_retry_after_then_recovers() {
    let t = T::new().await;
    let r = t
        .admin(
            "POST",
            "/_emulator/faults",
            Some(json!({"path": t.p("/archive"), "count": 2, "status": 503, "retryAfter": 7})),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.json()["id"].is_u64());
    // other paths are unaffected
    assert_eq!(t.call("GET", t.p("/render"), None).await.status, 200);
    for _ in 0..2 {
        let r = t.call("GET", t.p("/archive"), None).await;
        r.error(503);
        assert_eq!(r.headers.get("retry-after").unwrap(), "7");
    }
    assert_eq!(t.call("GET", t.p("/archive"), None).await.status, 200);
}

#[tokio::test]
async fn fault_method_filter_and_custom_body_and_clear() {
    let t = T::new().await;
    t.admin(
        "POST",
        "/_emulator/faults",
        Some(json!({"method": "POST", "status": 500, "body": "boom", "count": 5})),
    )
    .await;
    assert_eq!(t.call("GET", t.p("/archive"), None).await.status, 200);
    let r = t.call("POST", t.p("/archive"), Some(json!({}))).await;
    assert_eq!((r.status, r.text.as_str()), (500, "boom"));
    assert_eq!(
        t.admin("DELETE", "/_emulator/faults", None).await.status,
        204
    );
    t.call("POST", t.p("/archive"), Some(json!({})))
        .await
        .error(400);
}

#[tokio::test]
async fn latency_fault_delays_the_answer() {
    let t = T::new().await;
    t.admin("POST", "/_emulator/faults", Some(json!({"latencyMs": 300})))
        .await;
    let started = Instant::now();
    let r = t.call("GET", t.p("/archive"), None).await;
    assert_eq!(r.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    t.call("GET", t.p("/archive"), None).await;
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn latency_fault_triggers_client_timeout() {
    let t = T::new().await;
    t.admin(
        "POST",
        "/_emulator/faults",
        Some(json!({"latencyMs": 2000})),
    )
    .await;
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client
        .get(format!("{}{}", t.base, t.p("/archive")))
        .header("X-OPENTOK-AUTH", project_jwt())
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
}

#[tokio::test]
async fn drop_fault_closes_the_connection() {
    let t = T::new().await;
    t.admin("POST", "/_emulator/faults", Some(json!({"drop": true})))
        .await;
    let res = t
        .http
        .get(format!("{}{}", t.base, t.p("/archive")))
        .header("X-OPENTOK-AUTH", project_jwt())
        .send()
        .await;
    let err = res.expect_err("the connection should be dropped");
    assert!(!err.is_timeout());
    // next request works (new connection)
    assert_eq!(t.call("GET", t.p("/archive"), None).await.status, 200);
}

#[tokio::test]
async fn malformed_fault_answers_invalid_json() {
    let t = T::new().await;
    t.admin(
        "POST",
        "/_emulator/faults",
        Some(json!({"malformed": true})),
    )
    .await;
    let r = t.call("GET", t.p("/archive"), None).await;
    assert_eq!(r.status, 200);
    assert!(serde_json::from_str::<serde_json::Value>(&r.text).is_err());
}

#[tokio::test]
async fn requests_log_records_exact_requests() {
    let t = T::new().await;
    let sid = t.session("routed").await; // admin calls are not logged
    t.call("POST", t.p("/archive"), Some(json!({"sessionId": sid})))
        .await;
    t.call("GET", t.p("/archive?offset=0&count=5"), None).await;
    let log = t.admin("GET", "/_emulator/requests", None).await.json();
    let items = log.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["method"], "POST");
    assert_eq!(items[0]["path"], t.p("/archive"));
    assert_eq!(items[0]["query"], "");
    assert!(items[0]["headers"]["x-opentok-auth"].is_string());
    assert_eq!(items[0]["headers"]["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_str(items[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, json!({"sessionId": sid}));
    assert_eq!(items[1]["query"], "offset=0&count=5");
    assert_eq!(
        t.admin("DELETE", "/_emulator/requests", None).await.status,
        204
    );
    assert_eq!(
        t.admin("GET", "/_emulator/requests", None).await.json(),
        json!([])
    );
}

#[tokio::test]
async fn reset_clears_everything() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    t.call("POST", t.p("/archive"), Some(json!({"sessionId": sid})))
        .await;
    t.admin(
        "POST",
        "/_emulator/faults",
        Some(json!({"status": 500, "path": "/nowhere"})),
    )
    .await;
    assert_eq!(t.admin("POST", "/_emulator/reset", None).await.status, 204);
    assert_eq!(
        t.call("GET", t.p("/archive"), None).await.json()["count"],
        0
    );
    t.admin("GET", &format!("/_emulator/sessions/{sid}"), None)
        .await
        .error(404);
    let log = t.admin("GET", "/_emulator/requests", None).await.json();
    assert_eq!(log.as_array().unwrap().len(), 1); // only the GET after the reset
    t.call("GET", "/nowhere", None).await.error(404); // the fault is gone
}

#[tokio::test]
async fn admin_seeding_and_forced_archive_status() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let c = t
        .admin(
            "POST",
            &format!("/_emulator/sessions/{sid}/connections"),
            Some(json!({"connectionId": "c1", "data": "d"})),
        )
        .await
        .json();
    assert_eq!(c["connectionId"], "c1");
    assert_eq!(c["connectionState"], "Connected");
    let s = t
        .admin("POST", &format!("/_emulator/sessions/{sid}/streams"), Some(json!({"streamId": "s1", "connectionId": "c1", "videoType": "screen", "layoutClassList": ["a"]})))
        .await
        .json();
    assert_eq!(
        s,
        json!({"id": "s1", "videoType": "screen", "name": "", "layoutClassList": ["a"]})
    );
    t.admin("POST", "/_emulator/sessions/1_bogus/connections", None)
        .await
        .error(404);
    let a = t
        .call("POST", t.p("/archive"), Some(json!({"sessionId": sid})))
        .await
        .json();
    let id = a["id"].as_str().unwrap();
    let forced = t
        .admin(
            "POST",
            &format!("/_emulator/archives/{id}"),
            Some(json!({"status": "uploaded"})),
        )
        .await
        .json();
    assert_eq!(forced["status"], "uploaded");
    assert_eq!(
        t.call("DELETE", t.p(&format!("/archive/{id}")), None)
            .await
            .status,
        204
    );
}

#[tokio::test]
async fn admin_routes_can_be_disabled() {
    let t = T::with(Config {
        admin: false,
        ..Config::default()
    })
    .await;
    t.admin("POST", "/_emulator/reset", None).await.error(404);
    assert_eq!(t.call("GET", t.p("/archive"), None).await.status, 200);
}

#[test]
fn start_blocking_serves_and_stops_on_drop() {
    let emu = Emulator::start_blocking(Config::default()).unwrap();
    let url = emu.url();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let r = http
            .post(format!("{url}/_emulator/sessions"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    });
    drop(emu);
    let deadline = Instant::now() + Duration::from_secs(5);
    rt.block_on(async {
        let http = reqwest::Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        loop {
            if http
                .post(format!("{url}/_emulator/sessions"))
                .send()
                .await
                .is_err()
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "server still answering after drop"
            );
            tokio::task::yield_now().await;
        }
    });
}
