//! Every operation over real HTTP against the emulator, plus error mapping, retries and timeouts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use opentok_core::{call, Credentials, Error, OpenTok, RetryPolicy, OPERATIONS};
use opentok_emulator::{Config as EmuConfig, Emulator};
use serde_json::{json, Value};

const KEY: &str = "123456";
const SECRET: &str = "0123456789abcdef0123456789abcdef01234567";

fn config(emu: &Emulator) -> opentok_core::Config {
    opentok_core::Config {
        api_url: Some(emu.url()),
        retry: RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_secs(2),
            max_elapsed: Duration::from_secs(10),
        },
        language: Some("rust-test/1".into()),
        ..Default::default()
    }
}

fn client(emu: &Emulator) -> OpenTok {
    OpenTok::with_config(Credentials::project(KEY, SECRET).unwrap(), config(emu)).unwrap()
}

async fn admin(emu: &Emulator, method: &str, path: &str, body: Value) -> Value {
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let resp = http
        .request(method.parse().unwrap(), format!("{}{path}", emu.url()))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_success(),
        "{method} {path}: {}",
        resp.status()
    );
    let bytes = resp.bytes().await.unwrap();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

/// Runs an operation through the generic dispatcher and records its name.
struct Runner<'a> {
    ot: &'a OpenTok,
    seen: BTreeSet<String>,
}

impl Runner<'_> {
    async fn ok(&mut self, op: &str, args: Value) -> Value {
        self.seen.insert(op.to_owned());
        call(self.ot, op, args.clone())
            .await
            .unwrap_or_else(|e| panic!("{op} {args}: {e}"))
    }
}

#[tokio::test]
async fn every_operation_round_trips_through_the_emulator() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);
    let mut r = Runner {
        ot: &ot,
        seen: BTreeSet::new(),
    };

    let session = r
        .ok("create_session", json!({"media_mode": "routed"}))
        .await;
    let sid = session[0]["session_id"].as_str().unwrap().to_owned();
    assert_eq!(opentok_core::session_id::decode(&sid).unwrap().api_key, KEY);
    assert_eq!(session.as_array().map(Vec::len), Some(1));

    // Two clients join, each publishing a stream.
    let s1 = admin(
        &emu,
        "POST",
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({"name": "alice"}),
    )
    .await;
    let s2 = admin(
        &emu,
        "POST",
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({"name": "bob", "videoType": "screen"}),
    )
    .await;
    let (st1, st2) = (
        s1["id"].as_str().unwrap().to_owned(),
        s2["id"].as_str().unwrap().to_owned(),
    );

    let conns = r.ok("list_connections", json!({"session_id": sid})).await;
    assert!(conns["count"].as_i64().unwrap() >= 2, "{conns}");
    let c1 = conns["items"][0]["connectionId"]
        .as_str()
        .unwrap()
        .to_owned();

    let streams = r.ok("list_streams", json!({"session_id": sid})).await;
    assert_eq!(streams["count"], 2);
    let one = r
        .ok("get_stream", json!({"session_id": sid, "stream_id": st2}))
        .await;
    assert_eq!(one["videoType"], "screen");
    r.ok(
        "set_stream_class_lists",
        json!({"session_id": sid, "items": [{"id": st1, "layout_class_list": ["full"]}]}),
    )
    .await;
    r.ok(
        "set_stream_class_list",
        json!({"session_id": sid, "stream_id": st2, "layout_class_list": ["focus"]}),
    )
    .await;
    let one = r
        .ok("get_stream", json!({"session_id": sid, "stream_id": st1}))
        .await;
    assert_eq!(one["layoutClassList"], json!(["full"]));

    r.ok(
        "send_signal",
        json!({"session_id": sid, "type": "chat", "data": "hello all"}),
    )
    .await;
    r.ok(
        "send_signal",
        json!({"session_id": sid, "connection_id": c1, "type": "chat", "data": "hello you"}),
    )
    .await;
    r.ok("mute_stream", json!({"session_id": sid, "stream_id": st1}))
        .await;
    r.ok(
        "mute_all",
        json!({"session_id": sid, "excluded_stream_ids": [st2]}),
    )
    .await;
    r.ok("disable_force_mute", json!({"session_id": sid})).await;

    let archive = r.ok("start_archive", json!({"session_id": sid, "name": "class", "stream_mode": "manual", "resolution": "1280x720"})).await;
    let aid = archive["id"].as_str().unwrap().to_owned();
    assert_eq!(archive["status"], "started");
    r.ok(
        "add_archive_stream",
        json!({"archive_id": aid, "stream_id": st1, "has_video": false}),
    )
    .await;
    r.ok(
        "remove_archive_stream",
        json!({"archive_id": aid, "stream_id": st1}),
    )
    .await;
    r.ok(
        "set_archive_layout",
        json!({"archive_id": aid, "layout": {"type": "bestFit", "screenshare_type": "pip"}}),
    )
    .await;
    let listed = r.ok("list_archives", json!({"session_id": sid})).await;
    assert_eq!(listed["items"][0]["id"], aid.as_str());
    let stopped = r.ok("stop_archive", json!({"archive_id": aid})).await;
    assert_eq!(stopped["status"], "stopped");
    let got = r.ok("get_archive", json!({"archive_id": aid})).await;
    assert_eq!(got["status"], "available");
    r.ok("delete_archive", json!({"archive_id": aid})).await;

    let b = r.ok("start_broadcast", json!({"session_id": sid, "stream_mode": "manual", "max_bitrate": 1_000_000,
        "outputs": {"hls": {"low_latency": true}, "rtmp": [{"id": "yt", "server_url": "rtmp://a.example/live", "stream_name": "k"}]}})).await;
    let bid = b["id"].as_str().unwrap().to_owned();
    r.ok("get_broadcast", json!({"broadcast_id": bid})).await;
    let bl = r.ok("list_broadcasts", json!({"session_id": sid})).await;
    assert_eq!(bl["count"], 1);
    r.ok(
        "set_broadcast_layout",
        json!({"broadcast_id": bid, "layout": {"type": "pip"}}),
    )
    .await;
    r.ok(
        "add_broadcast_stream",
        json!({"broadcast_id": bid, "stream_id": st2}),
    )
    .await;
    r.ok(
        "remove_broadcast_stream",
        json!({"broadcast_id": bid, "stream_id": st2}),
    )
    .await;
    let bs = r.ok("stop_broadcast", json!({"broadcast_id": bid})).await;
    assert_eq!(bs["status"], "stopped");

    let token = ot.generate_token(&sid, &Default::default()).unwrap();
    let call_ = r.ok("dial", json!({"session_id": sid, "token": token, "uri": "sip:alice@sip.example.com", "headers": {"X-Room": "1"}})).await;
    let sip_conn = call_["connectionId"].as_str().unwrap().to_owned();
    r.ok("play_dtmf", json!({"session_id": sid, "digits": "1p2#"}))
        .await;
    r.ok(
        "play_dtmf",
        json!({"session_id": sid, "connection_id": sip_conn, "digits": "9"}),
    )
    .await;

    let render = r
        .ok(
            "start_render",
            json!({"session_id": sid, "token": token, "url": "https://webapp.example.com/room"}),
        )
        .await;
    let rid = render["id"].as_str().unwrap().to_owned();
    r.ok("get_render", json!({"render_id": rid})).await;
    let rl = r.ok("list_renders", json!({"count": 10})).await;
    assert!(rl["count"].as_i64().unwrap() >= 1);
    r.ok("stop_render", json!({"render_id": rid})).await;

    let audio = r.ok("connect_audio", json!({"session_id": sid, "token": token, "uri": "wss://ws.example.com/audio", "audio_rate": 16000})).await;
    r.ok(
        "stop_audio_connector",
        json!({"connection_id": audio["connectionId"]}),
    )
    .await;

    let cap = r
        .ok(
            "start_captions",
            json!({"session_id": sid, "token": token, "language_code": "en-US"}),
        )
        .await;
    let cid = cap["captionsId"].as_str().unwrap().to_owned();
    let status = r.ok("get_captions", json!({"captions_id": cid})).await;
    assert_eq!(status["status"], "started");
    r.ok("stop_captions", json!({"captions_id": cid})).await;

    let cb = r
        .ok(
            "register_callback",
            json!({"group": "archive", "event": "status", "url": "https://hooks.example.com/a"}),
        )
        .await;
    let cbs = r.ok("list_callbacks", json!({})).await;
    assert_eq!(cbs.as_array().unwrap().len(), 1);
    r.ok("unregister_callback", json!({"callback_id": cb["id"]}))
        .await;

    r.ok(
        "force_disconnect",
        json!({"session_id": sid, "connection_id": c1}),
    )
    .await;

    let missing: Vec<_> = OPERATIONS
        .iter()
        .filter(|op| !r.seen.contains(**op))
        .collect();
    assert!(
        missing.is_empty(),
        "operations never exercised: {missing:?}"
    );
}

#[tokio::test]
async fn paging_walks_every_archive() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);
    let mut ids = BTreeSet::new();
    for i in 0..7 {
        let s = call(&ot, "create_session", json!({"media_mode": "routed"}))
            .await
            .unwrap();
        let a = call(
            &ot,
            "start_archive",
            json!({"session_id": s[0]["session_id"], "name": format!("a{i}")}),
        )
        .await
        .unwrap();
        ids.insert(a["id"].as_str().unwrap().to_owned());
    }
    let all = ot
        .list_all(opentok_core::api::archives::ListArchives {
            count: Some(3),
            ..Default::default()
        })
        .await
        .unwrap();
    let got: BTreeSet<_> = all.into_iter().map(|a| a.id).collect();
    assert_eq!(got, ids);
}

#[tokio::test]
async fn server_errors_map_to_typed_errors() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);

    let wrong = OpenTok::with_config(
        Credentials::project(KEY, "not-the-secret").unwrap(),
        config(&emu),
    )
    .unwrap();
    let e = call(&wrong, "list_archives", json!({})).await.unwrap_err();
    assert!(matches!(e, Error::Auth(_)), "{e}");
    assert_eq!(e.status(), Some(403));
    assert!(!e.to_string().contains("not-the-secret"));

    let other = OpenTok::with_config(
        Credentials::project("999999", SECRET).unwrap(),
        config(&emu),
    )
    .unwrap();
    assert!(matches!(
        call(&other, "list_archives", json!({})).await.unwrap_err(),
        Error::Auth(_)
    ));

    let e = call(
        &ot,
        "get_archive",
        json!({"archive_id": "00000000-0000-4000-8000-000000000000"}),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, Error::NotFound(_)), "{e}");
    assert!(e.api().unwrap().request_id.is_some(), "request id kept");

    let relayed = call(&ot, "create_session", json!({})).await.unwrap();
    let e = call(
        &ot,
        "start_archive",
        json!({"session_id": relayed[0]["session_id"]}),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "{e}");

    let routed = call(&ot, "create_session", json!({"media_mode": "routed"}))
        .await
        .unwrap();
    call(
        &ot,
        "start_archive",
        json!({"session_id": routed[0]["session_id"]}),
    )
    .await
    .unwrap();
    let e = call(
        &ot,
        "start_archive",
        json!({"session_id": routed[0]["session_id"]}),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, Error::Conflict(_)),
        "second archive without multiArchiveTag: {e}"
    );
    let tagged = call(&ot, "create_session", json!({"media_mode": "routed"}))
        .await
        .unwrap();
    call(
        &ot,
        "start_archive",
        json!({"session_id": tagged[0]["session_id"], "multi_archive_tag": "a"}),
    )
    .await
    .unwrap();
    let e = call(
        &ot,
        "start_archive",
        json!({"session_id": tagged[0]["session_id"], "multi_archive_tag": "a"}),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "same tag twice: {e}");
    call(
        &ot,
        "start_archive",
        json!({"session_id": tagged[0]["session_id"], "multi_archive_tag": "b"}),
    )
    .await
    .unwrap();
}

async fn requests_to(emu: &Emulator, path_suffix: &str) -> usize {
    let log = admin(emu, "GET", "/_emulator/requests", Value::Null).await;
    log.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with(path_suffix))
        .count()
}

#[tokio::test]
async fn retries_idempotent_requests_only() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);
    let s = call(&ot, "create_session", json!({"media_mode": "routed"}))
        .await
        .unwrap();
    let sid = s[0]["session_id"].as_str().unwrap().to_owned();

    // GET: one 503, then success.
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "method": "GET", "status": 503, "count": 1}),
    )
    .await;
    admin(&emu, "DELETE", "/_emulator/requests", Value::Null).await;
    call(&ot, "list_archives", json!({})).await.unwrap();
    assert_eq!(requests_to(&emu, "/archive").await, 2, "GET retried once");

    // POST: a 503 is not retried.
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "method": "POST", "status": 503, "count": 1}),
    )
    .await;
    admin(&emu, "DELETE", "/_emulator/requests", Value::Null).await;
    let e = call(&ot, "start_archive", json!({"session_id": sid}))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(503));
    assert_eq!(requests_to(&emu, "/archive").await, 1, "POST not retried");

    // Retries are bounded: three 502s exhaust two retries.
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "method": "GET", "status": 502, "count": 5}),
    )
    .await;
    admin(&emu, "DELETE", "/_emulator/requests", Value::Null).await;
    let e = call(&ot, "list_archives", json!({})).await.unwrap_err();
    assert_eq!(e.status(), Some(502));
    assert_eq!(requests_to(&emu, "/archive").await, 3);
    admin(&emu, "DELETE", "/_emulator/faults", Value::Null).await;

    // 429 honours Retry-After.
    admin(&emu, "POST", "/_emulator/faults", json!({"path": "/v2/project/123456/archive", "method": "GET", "status": 429, "retryAfter": 1, "count": 1})).await;
    let t = Instant::now();
    call(&ot, "list_archives", json!({})).await.unwrap();
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "waited {:?}",
        t.elapsed()
    );

    // 429 that persists becomes RateLimited with the server's Retry-After.
    let no_retry = OpenTok::with_config(
        Credentials::project(KEY, SECRET).unwrap(),
        opentok_core::Config {
            retry: RetryPolicy {
                max_retries: 0,
                ..Default::default()
            },
            ..config(&emu)
        },
    )
    .unwrap();
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "status": 429, "retryAfter": 7, "count": 1}),
    )
    .await;
    match call(&no_retry, "list_archives", json!({}))
        .await
        .unwrap_err()
    {
        Error::RateLimited { retry_after, error } => {
            assert_eq!(retry_after, Some(7));
            assert_eq!(error.status, 429);
        }
        other => panic!("{other}"),
    }

    // A dropped connection on GET is retried; on POST it is a network error.
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "method": "GET", "drop": true, "count": 1}),
    )
    .await;
    call(&ot, "list_archives", json!({})).await.unwrap();
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "method": "POST", "drop": true, "count": 1}),
    )
    .await;
    let e = call(&ot, "start_archive", json!({"session_id": sid}))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Network(_)), "{e}");
}

#[tokio::test]
async fn timeouts_and_malformed_bodies() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let quick = OpenTok::with_config(
        Credentials::project(KEY, SECRET).unwrap(),
        opentok_core::Config {
            timeout: Duration::from_millis(300),
            retry: RetryPolicy {
                max_retries: 0,
                ..Default::default()
            },
            ..config(&emu)
        },
    )
    .unwrap();
    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "latencyMs": 3000, "count": 1}),
    )
    .await;
    let t = Instant::now();
    let e = call(&quick, "list_archives", json!({})).await.unwrap_err();
    assert!(matches!(e, Error::Timeout(_)), "{e}");
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "timeout applied: {:?}",
        t.elapsed()
    );

    admin(
        &emu,
        "POST",
        "/_emulator/faults",
        json!({"path": "/v2/project/123456/archive", "malformed": true, "count": 1}),
    )
    .await;
    let e = call(&quick, "list_archives", json!({})).await.unwrap_err();
    assert!(matches!(e, Error::Decode(_)), "{e}");

    // Nothing listening: a connect error, retried, then a Network error.
    let dead = OpenTok::with_config(
        Credentials::project(KEY, SECRET).unwrap(),
        opentok_core::Config {
            api_url: Some("http://127.0.0.1:9".into()),
            ..config(&emu)
        },
    )
    .unwrap();
    assert!(matches!(
        call(&dead, "list_archives", json!({})).await.unwrap_err(),
        Error::Network(_)
    ));
}

#[tokio::test]
async fn sends_auth_and_user_agent_headers() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = OpenTok::with_config(
        Credentials::project(KEY, SECRET).unwrap(),
        opentok_core::Config {
            ua_addendum: Some("my-app/2.0".into()),
            ..config(&emu)
        },
    )
    .unwrap();
    admin(&emu, "DELETE", "/_emulator/requests", Value::Null).await;
    call(&ot, "list_archives", json!({})).await.unwrap();
    let log = admin(&emu, "GET", "/_emulator/requests", Value::Null).await;
    let h = &log[0]["headers"];
    let ua = h["user-agent"].as_str().unwrap();
    assert!(
        ua.starts_with("OpenTok-Rust-SDK/") && ua.ends_with(" rust-test/1 my-app/2.0"),
        "{ua}"
    );
    let jwt = opentok_core::jwt::decode(h["x-opentok-auth"].as_str().unwrap()).unwrap();
    assert_eq!(jwt.claims["iss"], KEY);
    assert_eq!(jwt.claims["ist"], "project");
    let (iat, exp) = (
        jwt.claims["iat"].as_i64().unwrap(),
        jwt.claims["exp"].as_i64().unwrap(),
    );
    assert!(exp > iat && exp - iat <= 300);
    assert!(jwt.claims["jti"].is_string());
}

#[tokio::test]
async fn application_credentials_use_bearer_rs256() {
    let pem = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/keys/application_private_key.pem"
    ))
    .unwrap();
    let public = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/keys/application_public_key.pem"
    ))
    .unwrap();
    let app_id = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    let emu = Emulator::start(EmuConfig {
        application_id: Some(app_id.into()),
        application_public_key_pem: Some(public),
        ..Default::default()
    })
    .await
    .unwrap();
    let ot = OpenTok::with_config(
        Credentials::application(app_id, &pem).unwrap(),
        config(&emu),
    )
    .unwrap();
    assert!(!format!("{ot:?}").contains("PRIVATE"));
    let s = call(&ot, "create_session", json!({"media_mode": "routed"}))
        .await
        .unwrap();
    let a = call(
        &ot,
        "start_archive",
        json!({"session_id": s[0]["session_id"]}),
    )
    .await
    .unwrap();
    assert_eq!(a["status"], "started");
    let log = admin(&emu, "GET", "/_emulator/requests", Value::Null).await;
    let last = log.as_array().unwrap().last().unwrap();
    assert!(last["path"]
        .as_str()
        .unwrap()
        .starts_with(&format!("/v2/project/{app_id}/")));
    assert!(last["headers"]["authorization"]
        .as_str()
        .unwrap()
        .starts_with("Bearer "));
}

#[test]
fn blocking_helpers_refuse_to_nest() {
    let r = opentok_core::rt::block_on(async { opentok_core::rt::block_on(async { 1 }) });
    assert!(matches!(r, Ok(Err(Error::InvalidArgument { .. }))));
    assert_eq!(opentok_core::rt::block_on(async { 2 }).unwrap(), 2);
}

#[tokio::test]
async fn requests_go_through_the_configured_proxy_with_credentials() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    let seen = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 8192];
        let mut n = 0;
        while !buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
            n += sock.read(&mut buf[n..]).await.unwrap();
        }
        let body = br#"{"count":0,"items":[]}"#;
        let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
        sock.write_all(head.as_bytes()).await.unwrap();
        sock.write_all(body).await.unwrap();
        String::from_utf8_lossy(&buf[..n]).into_owned()
    });
    let ot = OpenTok::with_config(
        Credentials::project(KEY, SECRET).unwrap(),
        opentok_core::Config {
            api_url: Some("http://api.example.invalid".into()),
            proxy: Some(format!("http://proxyuser:s3cret@{proxy_addr}")),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!format!("{ot:?}").contains("s3cret"));
    let page = call(&ot, "list_archives", json!({})).await.unwrap();
    assert_eq!(page["count"], 0);
    let request = seen.await.unwrap();
    assert!(
        request.starts_with("GET http://api.example.invalid/v2/project/123456/archive HTTP/1.1"),
        "{request}"
    );
    let auth = request
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("proxy-authorization"))
        })
        .map(|(_, v)| v.trim().to_owned());
    // base64("proxyuser:s3cret")
    assert_eq!(
        auth.as_deref(),
        Some("Basic cHJveHl1c2VyOnMzY3JldA=="),
        "{request}"
    );
}

/// The emulator answers the exact bodies the passthrough vectors hold (seeded as status-200 faults),
/// and the core hands back the raw JSON the vector expects, on `call` and `call_http` alike.
#[tokio::test]
async fn canned_answers_pass_through_unchanged() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/responses.json"),
    )
    .unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    for case in v["passthrough"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let op = case["op"].as_str().unwrap();
        for http in [false, true] {
            admin(
                &emu,
                "POST",
                "/_emulator/faults",
                json!({"status": case["status"], "body": case["body_text"],
                       "contentType": case["content_type"], "headers": {"x-canned": "yes"}}),
            )
            .await;
            if http {
                let r = ot.call_http(op, case["args"].clone()).await.unwrap();
                assert_eq!(r.json, case["json"], "{name} (call_http)");
                assert_eq!(r.body_text, case["body_text"].as_str().unwrap(), "{name}");
                assert_eq!(r.headers["x-canned"], "yes", "{name}");
                assert_eq!(Value::from(r.status), case["status"], "{name}");
            } else {
                let out = call(&ot, op, case["args"].clone()).await.unwrap();
                assert_eq!(out, case["json"], "{name} (call)");
            }
        }
    }
}

/// Unknown option keys reach the emulator, which accepts them and shows them in its request log.
#[tokio::test]
async fn unknown_option_keys_reach_the_emulator_log() {
    let emu = Emulator::start(EmuConfig::default()).await.unwrap();
    let ot = client(&emu);
    let s = call(&ot, "create_session", json!({"media_mode": "routed"}))
        .await
        .unwrap();
    let sid = s[0]["session_id"].as_str().unwrap().to_owned();
    admin(
        &emu,
        "POST",
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({"name": "a"}),
    )
    .await;
    admin(&emu, "DELETE", "/_emulator/requests", json!({})).await;
    let a = call(
        &ot,
        "start_archive",
        json!({"sessionId": sid, "futureOption": {"x": 1},
               "layout": {"type": "bestFit", "layoutExtra": true}}),
    )
    .await
    .unwrap();
    assert!(a["id"].is_string(), "{a}");
    let log = admin(&emu, "GET", "/_emulator/requests", json!({})).await;
    let body: Value = serde_json::from_str(log[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["futureOption"], json!({"x": 1}));
    assert_eq!(body["layout"]["layoutExtra"], json!(true));
    assert_eq!(body["sessionId"], json!(sid));
}
