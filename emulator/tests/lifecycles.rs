//! Lifecycles and conflicts of every resource.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;
use common::*;
use serde_json::json;

#[tokio::test]
async fn session_create_json_and_xml() {
    let t = T::new().await;
    let form = |accept: Option<&str>, fields: &[(&str, &str)]| {
        let mut rb = t
            .http
            .post(format!("{}/session/create", t.base))
            .header("X-OPENTOK-AUTH", project_jwt())
            .form(fields);
        if let Some(a) = accept {
            rb = rb.header("Accept", a);
        }
        rb.send()
    };
    let r = form(
        Some("application/json"),
        &[("p2p.preference", "enabled"), ("location", "10.1.2.3")],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().await.unwrap();
    for f in [
        "session_id",
        "project_id",
        "partner_id",
        "create_dt",
        "media_server_url",
    ] {
        assert!(v[0].get(f).is_some(), "missing {f}");
    }
    let sid = v[0]["session_id"].as_str().unwrap().to_string();
    assert!(sid.starts_with("1_"));
    let d = opentok_emulator::ids::decode_session_id(&sid).unwrap();
    assert_eq!((d.api_key.as_str(), d.location.as_str()), (KEY, "10.1.2.3"));
    assert_eq!(t.view(&sid).await["mediaMode"], "relayed");

    let r = form(
        None,
        &[("p2p.preference", "disabled"), ("archiveMode", "always")],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let xml = r.text().await.unwrap();
    assert!(xml.contains("<sessions><Session><session_id>1_"), "{xml}");
    let sid = xml
        .split("<session_id>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let view = t.view(sid).await;
    assert_eq!(
        (view["mediaMode"].as_str(), view["archiveMode"].as_str()),
        (Some("routed"), Some("always"))
    );

    for bad in [
        vec![("location", "not-an-ip")],
        vec![("p2p.preference", "enabled"), ("archiveMode", "always")],
        vec![("archiveMode", "sometimes")],
        vec![
            ("archiveResolution", "1x1"),
            ("archiveMode", "always"),
            ("p2p.preference", "disabled"),
        ],
        vec![("e2ee", "true"), ("p2p.preference", "enabled")],
    ] {
        let r = form(Some("application/json"), &bad).await.unwrap();
        assert_eq!(r.status(), 400, "{bad:?}");
    }
}

#[tokio::test]
async fn archive_lifecycle() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let r = t
        .call(
            "POST",
            &t.p("/archive"),
            Some(json!({"sessionId": sid, "name": "n", "maxBitrate": 300000})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let a = r.json();
    assert_eq!(a["status"], "started");
    assert_eq!(a["size"], 0);
    assert_eq!(a["duration"], 0);
    assert_eq!(a["outputMode"], "composed");
    assert_eq!(a["resolution"], "640x480");
    assert_eq!(a["maxBitrate"], 300000);
    assert!(a["url"].is_null());
    assert_eq!(a["id"].as_str().unwrap().len(), 36);
    let id = a["id"].as_str().unwrap().to_string();

    // second archive without tag → 409
    t.call("POST", t.p("/archive"), Some(json!({"sessionId": sid})))
        .await
        .error(409);
    // delete while started → 409
    t.call("DELETE", t.p(&format!("/archive/{id}")), None)
        .await
        .error(409);

    let r = t
        .call("POST", t.p(&format!("/archive/{id}/stop")), None)
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "stopped");
    t.call("POST", t.p(&format!("/archive/{id}/stop")), None)
        .await
        .error(409);

    let r = t.call("GET", t.p(&format!("/archive/{id}")), None).await;
    let a = r.json();
    assert_eq!(a["status"], "available");
    assert!(a["size"].as_i64().unwrap() > 0);
    assert!(a["duration"].as_i64().unwrap() >= 1);
    assert!(a["url"].is_string());

    let r = t.call("DELETE", t.p(&format!("/archive/{id}")), None).await;
    assert_eq!(r.status, 204);
    assert_eq!(
        t.call("GET", t.p(&format!("/archive/{id}")), None)
            .await
            .json()["status"],
        "deleted"
    );
    assert_eq!(
        t.call("DELETE", t.p(&format!("/archive/{id}")), None)
            .await
            .status,
        204
    );

    t.call(
        "GET",
        t.p("/archive/00000000-0000-4000-8000-000000000000"),
        None,
    )
    .await
    .error(404);
    t.call(
        "POST",
        t.p("/archive/00000000-0000-4000-8000-000000000000/stop"),
        None,
    )
    .await
    .error(404);
}

#[tokio::test]
async fn archive_conflicts_and_validation() {
    let t = T::new().await;
    let routed = t.session("routed").await;
    let relayed = t.session("relayed").await;
    let start = |body: serde_json::Value| t.call("POST", t.p("/archive"), Some(body));
    start(json!({"sessionId": relayed})).await.error(409);
    let foreign =
        opentok_emulator::ids::encode_session_id("999", "", "Mon Nov 23 16:27:20 UTC 2026", "0.5");
    start(json!({"sessionId": foreign})).await.error(404);
    let unknown =
        opentok_emulator::ids::encode_session_id(KEY, "", "Mon Nov 23 16:27:20 UTC 2026", "0.5");
    start(json!({"sessionId": unknown})).await.error(404);
    start(json!({"sessionId": "garbage"})).await.error(400);
    assert!(start(json!({})).await.error(400).contains("sessionId"));
    assert!(start(json!({"sessionId": routed, "hasAudio": "yes"}))
        .await
        .error(400)
        .contains("hasAudio"));
    start(json!({"sessionId": routed, "outputMode": "individual", "resolution": "640x480"}))
        .await
        .error(400);
    start(json!({"sessionId": routed, "resolution": "1x1"}))
        .await
        .error(400);
    start(json!({"sessionId": routed, "outputMode": "other"}))
        .await
        .error(400);
    start(json!({"sessionId": routed, "layout": {"type": "pip", "stylesheet": "x"}}))
        .await
        .error(400);
    start(json!({"sessionId": routed, "layout": {"type": "pip", "screenshareType": "pip"}}))
        .await
        .error(400);
    let r = t
        .http
        .post(format!("{}{}", t.base, t.p("/archive")))
        .header("X-OPENTOK-AUTH", project_jwt())
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // concurrent archives with distinct tags
    let a = start(json!({"sessionId": routed, "multiArchiveTag": "a"})).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(a.json()["multiArchiveTag"], "a");
    assert_eq!(
        start(json!({"sessionId": routed, "multiArchiveTag": "b"}))
            .await
            .status,
        200
    );
    start(json!({"sessionId": routed, "multiArchiveTag": "b"}))
        .await
        .error(409);
    start(json!({"sessionId": routed})).await.error(409);
}

#[tokio::test]
async fn archive_layout_and_streams() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let stream = t.stream(&sid).await;
    let auto = t
        .call(
            "POST",
            t.p("/archive"),
            Some(json!({"sessionId": sid, "multiArchiveTag": "auto"})),
        )
        .await
        .json();
    let manual = t
        .call(
            "POST",
            &t.p("/archive"),
            Some(json!({"sessionId": sid, "streamMode": "manual", "multiArchiveTag": "m"})),
        )
        .await
        .json();
    let (auto_id, manual_id) = (auto["id"].as_str().unwrap(), manual["id"].as_str().unwrap());

    let layout = |id: &str, body: serde_json::Value| {
        t.call("PUT", t.p(&format!("/archive/{id}/layout")), Some(body))
    };
    assert_eq!(
        layout(
            auto_id,
            json!({"type": "bestFit", "screenshareType": "pip"})
        )
        .await
        .status,
        200
    );
    assert_eq!(
        layout(auto_id, json!({"type": "custom", "stylesheet": "s"}))
            .await
            .status,
        200
    );
    layout(auto_id, json!({"type": "pip", "stylesheet": "s"}))
        .await
        .error(400);
    layout(
        auto_id,
        json!({"type": "pip", "screenshareType": "bestFit"}),
    )
    .await
    .error(400);
    layout(auto_id, json!({"type": "nope"})).await.error(400);

    let patch = |id: &str, body: serde_json::Value| {
        t.call("PATCH", t.p(&format!("/archive/{id}/streams")), Some(body))
    };
    patch(auto_id, json!({"addStream": stream}))
        .await
        .error(405);
    patch(manual_id, json!({"addStream": "unknown"}))
        .await
        .error(404);
    assert_eq!(
        patch(manual_id, json!({"addStream": stream, "hasVideo": false}))
            .await
            .status,
        204
    );
    assert_eq!(
        patch(manual_id, json!({"removeStream": stream}))
            .await
            .status,
        204
    );
    patch(manual_id, json!({})).await.error(400);
    patch(
        "00000000-0000-4000-8000-000000000000",
        json!({"addStream": stream}),
    )
    .await
    .error(404);
}

#[tokio::test]
async fn archive_list_paging_filter_and_order() {
    let t = T::new().await;
    let s1 = t.session("routed").await;
    let s2 = t.session("routed").await;
    let mut ids = Vec::new();
    for (i, s) in [&s1, &s2, &s1].iter().enumerate() {
        let a = t
            .call(
                "POST",
                t.p("/archive"),
                Some(json!({"sessionId": s, "multiArchiveTag": format!("t{i}")})),
            )
            .await
            .json();
        ids.push(a["id"].as_str().unwrap().to_string());
    }
    let all = t.call("GET", t.p("/archive"), None).await.json();
    assert_eq!(all["count"], 3);
    assert_eq!(all["items"][0]["id"], ids[2].as_str());
    let paged = t
        .call("GET", t.p("/archive?offset=1&count=1"), None)
        .await
        .json();
    assert_eq!(paged["count"], 3);
    assert_eq!(paged["items"].as_array().unwrap().len(), 1);
    assert_eq!(paged["items"][0]["id"], ids[1].as_str());
    let filtered = t
        .call("GET", t.p(&format!("/archive?sessionId={s1}")), None)
        .await
        .json();
    assert_eq!(filtered["count"], 2);
    t.call("GET", t.p("/archive?count=1001"), None)
        .await
        .error(400);
    t.call("GET", t.p("/archive?offset=-1"), None)
        .await
        .error(400);
}

#[tokio::test]
async fn broadcast_lifecycle_and_conflicts() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let relayed = t.session("relayed").await;
    let start = |body: serde_json::Value| t.call("POST", t.p("/broadcast"), Some(body));
    let rtmp = json!([{"id": "foo", "serverUrl": "rtmp://x/app", "streamName": "k"}]);
    let r = start(json!({"sessionId": sid, "outputs": {"hls": {"dvr": true}, "rtmp": rtmp}, "multiBroadcastTag": "first"})).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let b = r.json();
    assert_eq!(b["status"], "started");
    assert!(b["broadcastUrls"]["hls"]
        .as_str()
        .unwrap()
        .ends_with("?DVR"));
    assert_eq!(b["broadcastUrls"]["rtmp"][0]["id"], "foo");
    assert!(b["broadcastUrls"]["rtmp"][0]["status"].is_string());
    assert_eq!(
        b["settings"]["hls"],
        json!({"dvr": true, "lowLatency": false})
    );
    let id = b["id"].as_str().unwrap().to_string();

    start(json!({"sessionId": sid, "outputs": {"hls": {}}}))
        .await
        .error(409);
    start(json!({"sessionId": relayed, "outputs": {"hls": {}}}))
        .await
        .error(409);
    start(json!({"sessionId": sid, "outputs": {"hls": {"dvr": true, "lowLatency": true}}, "multiBroadcastTag": "x"})).await.error(400);
    let six: Vec<_> = (0..6)
        .map(|i| json!({"serverUrl": "rtmp://x/app", "streamName": format!("s{i}")}))
        .collect();
    start(json!({"sessionId": sid, "outputs": {"rtmp": six}, "multiBroadcastTag": "x"}))
        .await
        .error(400);
    start(json!({"sessionId": sid, "outputs": {}, "multiBroadcastTag": "x"}))
        .await
        .error(400);
    start(json!({"sessionId": sid, "outputs": {"hls": {}}, "maxDuration": 10, "multiBroadcastTag": "x"})).await.error(400);
    let second = start(json!({"sessionId": sid, "outputs": {"hls": {}}, "multiBroadcastTag": "x", "streamMode": "manual"})).await;
    assert_eq!(second.status, 200, "{}", second.text);
    let second_id = second.json()["id"].as_str().unwrap().to_string();

    let list = t
        .call("GET", t.p(&format!("/broadcast?sessionId={sid}")), None)
        .await
        .json();
    assert_eq!(list["count"], 2);
    assert_eq!(list["items"][0]["id"], second_id.as_str());
    assert_eq!(
        t.call(
            "PUT",
            t.p(&format!("/broadcast/{id}/layout")),
            Some(json!({"type": "pip"}))
        )
        .await
        .status,
        200
    );
    t.call(
        "PUT",
        t.p(&format!("/broadcast/{id}/layout")),
        Some(json!({"type": "custom"})),
    )
    .await
    .error(400);
    let stream = t.stream(&sid).await;
    t.call(
        "PATCH",
        t.p(&format!("/broadcast/{id}/streams")),
        Some(json!({"addStream": stream})),
    )
    .await
    .error(405);
    assert_eq!(
        t.call(
            "PATCH",
            t.p(&format!("/broadcast/{second_id}/streams")),
            Some(json!({"addStream": stream}))
        )
        .await
        .status,
        204
    );
    t.call(
        "PATCH",
        t.p(&format!("/broadcast/{second_id}/streams")),
        Some(json!({"addStream": "nope"})),
    )
    .await
    .error(404);

    let r = t
        .call("POST", t.p(&format!("/broadcast/{id}/stop")), None)
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "stopped");
    t.call("POST", t.p(&format!("/broadcast/{id}/stop")), None)
        .await
        .error(404);
    assert_eq!(
        t.call("GET", t.p(&format!("/broadcast/{id}")), None)
            .await
            .json()["status"],
        "stopped"
    );
    t.call("GET", t.p("/broadcast/nope"), None).await.error(404);
}

#[tokio::test]
async fn streams_connections_signals_moderation_dtmf() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let conn = t.connection(&sid).await;
    let stream = t.stream(&sid).await;
    let s = |rest: &str| t.p(&format!("/session/{sid}{rest}"));

    let list = t.call("GET", s("/stream"), None).await.json();
    assert_eq!(list["count"], 1);
    assert_eq!(list["items"][0]["id"], stream.as_str());
    let one = t
        .call("GET", s(&format!("/stream/{stream}")), None)
        .await
        .json();
    for f in ["id", "videoType", "name", "layoutClassList"] {
        assert!(one.get(f).is_some());
    }
    t.call("GET", s("/stream/unknown"), None).await.error(404);

    let r = t
        .call(
            "PUT",
            s("/stream"),
            Some(json!({"items": [{"id": stream, "layoutClassList": ["full"]}]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        t.call("GET", s(&format!("/stream/{stream}")), None)
            .await
            .json()["layoutClassList"],
        json!(["full"])
    );
    t.call(
        "PUT",
        s("/stream"),
        Some(json!({"items": [{"id": stream, "layoutClassList": "full"}]})),
    )
    .await
    .error(400);

    let conns = t.call("GET", s("/connection"), None).await.json();
    assert_eq!(conns["count"], 2); // the seeded one + the stream's publisher
    assert_eq!(conns["sessionId"], sid.as_str());
    assert_eq!(conns["items"][0]["connectionState"], "Connected");

    assert_eq!(
        t.call(
            "POST",
            s("/signal"),
            Some(json!({"type": "chat", "data": "hi"}))
        )
        .await
        .status,
        204
    );
    assert_eq!(
        t.call(
            "POST",
            s(&format!("/connection/{conn}/signal")),
            Some(json!({"data": "x"}))
        )
        .await
        .status,
        204
    );
    t.call(
        "POST",
        s("/connection/nobody/signal"),
        Some(json!({"data": "x"})),
    )
    .await
    .error(404);
    t.call(
        "POST",
        s("/signal"),
        Some(json!({"data": "x".repeat(9000)})),
    )
    .await
    .error(413);
    assert_eq!(t.view(&sid).await["signals"].as_array().unwrap().len(), 2);

    assert_eq!(
        t.call("POST", s(&format!("/stream/{stream}/mute")), None)
            .await
            .status,
        200
    );
    t.call("POST", s("/stream/nope/mute"), None)
        .await
        .error(404);
    assert_eq!(t.view(&sid).await["streams"][0]["muted"], true);
    assert_eq!(
        t.call(
            "POST",
            s("/mute"),
            Some(json!({"active": true, "excludedStreamIds": [stream]}))
        )
        .await
        .status,
        200
    );
    let v = t.view(&sid).await;
    assert_eq!(v["muteAll"]["active"], true);
    assert_eq!(v["muteAll"]["excludedStreamIds"], json!([stream]));
    t.call("POST", s("/mute"), Some(json!({"active": "true"})))
        .await
        .error(400);
    assert_eq!(
        t.call("POST", s("/mute"), Some(json!({"active": false})))
            .await
            .status,
        200
    );
    assert_eq!(t.view(&sid).await["muteAll"]["active"], false);

    assert_eq!(
        t.call("POST", s("/play-dtmf"), Some(json!({"digits": "12#*p"})))
            .await
            .status,
        200
    );
    assert_eq!(
        t.call(
            "POST",
            s(&format!("/connection/{conn}/play-dtmf")),
            Some(json!({"digits": "1"}))
        )
        .await
        .status,
        200
    );
    t.call("POST", s("/play-dtmf"), Some(json!({"digits": "12a"})))
        .await
        .error(400);
    t.call(
        "POST",
        s("/connection/nobody/play-dtmf"),
        Some(json!({"digits": "1"})),
    )
    .await
    .error(404);
    assert_eq!(t.view(&sid).await["dtmf"].as_array().unwrap().len(), 2);

    assert_eq!(
        t.call("DELETE", s(&format!("/connection/{conn}")), None)
            .await
            .status,
        204
    );
    t.call("DELETE", s(&format!("/connection/{conn}")), None)
        .await
        .error(404);

    let unknown =
        opentok_emulator::ids::encode_session_id(KEY, "", "Mon Nov 23 16:27:20 UTC 2026", "0.1");
    t.call("GET", t.p(&format!("/session/{unknown}/stream")), None)
        .await
        .error(404);
    t.call("GET", t.p("/session/garbage/stream"), None)
        .await
        .error(400);
}

#[tokio::test]
async fn sip_dial_and_audio_connector() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let relayed = t.session("relayed").await;
    let dial = |body: serde_json::Value| t.call("POST", t.p("/dial"), Some(body));
    let r = dial(json!({"sessionId": sid, "token": "T1==x", "sip": {"uri": "sip:user@example.com", "headers": {"X-Foo": "1"}, "auth": {"username": "u", "password": "p"}, "secure": true}})).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let call = r.json();
    for f in [
        "id",
        "connectionId",
        "streamId",
        "projectId",
        "sessionId",
        "createdAt",
        "updatedAt",
    ] {
        assert!(call.get(f).is_some(), "{f}");
    }
    let view = t.view(&sid).await;
    assert!(view["connections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["connectionId"] == call["connectionId"]));
    assert!(view["streams"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == call["streamId"]));
    dial(json!({"sessionId": relayed, "token": "t", "sip": {"uri": "sip:a@b"}}))
        .await
        .error(409);
    dial(
        json!({"sessionId": sid, "token": "t", "sip": {"uri": "sip:a@b", "headers": {"Foo": "1"}}}),
    )
    .await
    .error(400);
    dial(json!({"sessionId": sid, "token": "t"}))
        .await
        .error(400);

    let r = t.call("POST", t.p("/connect"), Some(json!({"sessionId": sid, "token": "t", "websocket": {"uri": "wss://example.com/ws", "audioRate": 16000}}))).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let ac = r.json();
    assert!(ac["id"].is_string() && ac["connectionId"].is_string());
    t.call(
        "POST",
        t.p("/connect"),
        Some(json!({"sessionId": relayed, "token": "t", "websocket": {"uri": "wss://e/ws"}})),
    )
    .await
    .error(409);
    t.call("POST", t.p("/connect"), Some(json!({"sessionId": sid, "token": "t", "websocket": {"uri": "wss://e/ws", "audioRate": 11025}}))).await.error(400);
    let id = ac["id"].as_str().unwrap();
    assert_eq!(
        t.call("POST", t.p(&format!("/connect/{id}/stop")), None)
            .await
            .status,
        200
    );
    t.call("POST", t.p(&format!("/connect/{id}/stop")), None)
        .await
        .error(404);
}

#[tokio::test]
async fn renders_captions_callbacks() {
    let t = T::new().await;
    let sid = t.session("routed").await;
    let r = t.call("POST", t.p("/render"), Some(json!({"sessionId": sid, "token": "t", "url": "https://example.com/page", "properties": {"name": "r"}}))).await;
    assert_eq!(r.status, 202, "{}", r.text);
    let id = r.json()["id"].as_str().unwrap().to_string();
    t.call(
        "POST",
        t.p("/render"),
        Some(json!({"sessionId": sid, "token": "t", "url": "short"})),
    )
    .await
    .error(400);
    assert_eq!(
        t.call("GET", t.p(&format!("/render/{id}")), None)
            .await
            .json()["status"],
        "started"
    );
    assert_eq!(
        t.call("GET", t.p("/render?count=10"), None).await.json()["count"],
        1
    );
    assert_eq!(
        t.call("DELETE", t.p(&format!("/render/{id}")), None)
            .await
            .status,
        204
    );
    t.call("DELETE", t.p(&format!("/render/{id}")), None)
        .await
        .error(404);
    t.call("GET", t.p("/render/nope"), None).await.error(404);

    let r = t
        .call(
            "POST",
            t.p("/captions"),
            Some(json!({"sessionId": sid, "token": "t", "languageCode": "en-US"})),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.text);
    let cid = r.json()["captionsId"].as_str().unwrap().to_string();
    t.call(
        "POST",
        t.p("/captions"),
        Some(json!({"sessionId": sid, "token": "t"})),
    )
    .await
    .error(409);
    let st = t
        .call("GET", t.p(&format!("/captions/{cid}")), None)
        .await
        .json();
    for f in [
        "captionId",
        "applicationId",
        "sessionId",
        "status",
        "createdAt",
        "updatedAt",
        "duration",
        "languageCode",
        "provider",
        "reason",
    ] {
        assert!(st.get(f).is_some(), "{f}");
    }
    assert_eq!(
        t.call("POST", t.p(&format!("/captions/{cid}/stop")), None)
            .await
            .status,
        202
    );
    assert_eq!(
        t.call("GET", t.p(&format!("/captions/{cid}")), None)
            .await
            .json()["status"],
        "stopped"
    );
    t.call("POST", t.p("/captions/nope/stop"), None)
        .await
        .error(404);
    t.call("GET", t.p("/captions/nope"), None).await.error(404);

    let r = t
        .call(
            "POST",
            t.p("/callback"),
            Some(json!({"group": "archive", "event": "status", "url": "https://example.com/cb"})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let cb = r.json();
    for f in ["id", "group", "event", "url", "createdAt"] {
        assert!(cb.get(f).is_some(), "{f}");
    }
    assert_eq!(
        t.call("GET", t.p("/callback"), None)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let cbid = cb["id"].as_str().unwrap();
    assert_eq!(
        t.call("DELETE", t.p(&format!("/callback/{cbid}")), None)
            .await
            .status,
        204
    );
    t.call("DELETE", t.p(&format!("/callback/{cbid}")), None)
        .await
        .error(404);
}
