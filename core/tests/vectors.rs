//! Runs every shared vector in tests/vectors against the core.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use opentok_core::{session_id, Credentials, Error, OpenTok, TokenOptions};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(vectors_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// Follows a dotted path (`items.0.id`, `length`) into a JSON value.
fn lookup(mut v: &Value, path: &str) -> Value {
    let parts: Vec<&str> = path.split('.').collect();
    for (i, p) in parts.iter().enumerate() {
        if *p == "length" && i == parts.len() - 1 {
            return Value::from(v.as_array().map(Vec::len).unwrap_or(usize::MAX));
        }
        v = match p.parse::<usize>() {
            Ok(n) => &v[n],
            Err(_) => &v[*p],
        };
    }
    v.clone()
}

#[test]
fn session_ids() {
    let v = load("session_ids.json");
    for case in v["valid"].as_array().unwrap() {
        let info = session_id::decode(s(&case["session_id"])).unwrap();
        assert_eq!(info.api_key, s(&case["api_key"]));
        assert_eq!(info.location, s(&case["location"]));
        assert_eq!(info.create_time, s(&case["create_time"]));
    }
    for bad in v["malformed"].as_array().unwrap() {
        let err = session_id::decode(s(bad)).unwrap_err();
        assert_eq!(err.field(), Some("session_id"), "{bad}");
    }
}

fn project_client(v: &Value) -> OpenTok {
    OpenTok::new(
        s(&v["credentials"]["api_key"]),
        s(&v["credentials"]["api_secret"]),
    )
    .unwrap()
}

#[test]
fn project_tokens() {
    let v = load("tokens.json");
    let ot = project_client(&v);
    for case in v["valid"].as_array().unwrap() {
        let opts: TokenOptions = serde_json::from_value(case["options"].clone()).unwrap();
        let token = ot
            .generate_token_at(
                s(&case["session_id"]),
                &opts,
                case["now"].as_i64().unwrap(),
                case["nonce"].as_u64(),
            )
            .unwrap();
        assert_eq!(token, s(&case["token"]), "{}", case["name"]);
        if let Some(claims) = case.get("claims") {
            let decoded = opentok_core::jwt::decode(&token).unwrap();
            assert_eq!(&decoded.claims, claims, "{}", case["name"]);
        }
    }
    for case in v["valid_edges"].as_array().unwrap() {
        let opts: TokenOptions = serde_json::from_value(case["options"].clone()).unwrap();
        ot.generate_token(s(&case["session_id"]), &opts).unwrap();
    }
    for case in v["invalid"].as_array().unwrap() {
        let opts: Result<TokenOptions, _> = serde_json::from_value(case["options"].clone());
        let field = match opts {
            // An unknown role is already rejected when the options are read.
            Err(e) => {
                assert!(e.to_string().contains("unknown variant"), "{e}");
                "role".to_owned()
            }
            Ok(opts) => ot
                .generate_token_at(s(&case["session_id"]), &opts, 1_700_000_000, None)
                .unwrap_err()
                .field()
                .unwrap()
                .to_owned(),
        };
        assert_eq!(field, s(&case["field"]), "{}", case["name"]);
    }
}

#[test]
fn application_tokens_verify_with_the_public_key() {
    let v = load("tokens.json");
    let pem = std::fs::read_to_string(vectors_dir().join(s(&v["credentials"]["private_key_file"])))
        .unwrap();
    let creds = Credentials::application(s(&v["credentials"]["application_id"]), &pem).unwrap();
    let ot = OpenTok::with_config(creds, Default::default()).unwrap();
    // The public half, to verify signatures independently of the signing code.
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap();
    let pair = ring::signature::RsaKeyPair::from_pkcs8(&der).unwrap();
    use ring::signature::KeyPair;
    let public = ring::signature::UnparsedPublicKey::new(
        &ring::signature::RSA_PKCS1_2048_8192_SHA256,
        pair.public_key().as_ref().to_vec(),
    );
    for case in v["application"].as_array().unwrap() {
        let opts: TokenOptions = serde_json::from_value(case["options"].clone()).unwrap();
        let token = ot
            .generate_token_at(
                s(&case["session_id"]),
                &opts,
                case["now"].as_i64().unwrap(),
                None,
            )
            .unwrap();
        let d = opentok_core::jwt::decode(&token).unwrap();
        assert_eq!(d.header, case["header"]);
        let mut claims = d.claims.clone();
        let jti = claims.as_object_mut().unwrap().remove("jti").unwrap();
        assert_eq!(jti.as_str().unwrap().len(), 36);
        assert_eq!(claims, case["claims_without_jti"]);
        public
            .verify(d.signing_input.as_bytes(), &d.signature)
            .unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert!(URL_SAFE_NO_PAD.decode(parts[2]).is_ok());
    }
    for case in v["application_invalid"].as_array().unwrap() {
        let opts: TokenOptions = serde_json::from_value(case["options"].clone()).unwrap();
        let err = ot
            .generate_token(s(&case["session_id"]), &opts)
            .unwrap_err();
        assert_eq!(err.field(), Some(s(&case["field"])));
    }
}

#[test]
fn every_operation_builds_the_documented_request() {
    let v = load("requests.json");
    let key = s(&v["api_key"]);
    let mut seen = std::collections::BTreeSet::new();
    for case in v["requests"].as_array().unwrap() {
        let req = opentok_core::build_request(s(&case["op"]), case["args"].clone(), key)
            .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        assert_eq!(req.to_json(), case["request"], "{}", case["name"]);
        seen.insert(s(&case["op"]).to_owned());
    }
    for op in opentok_core::OPERATIONS {
        assert!(seen.contains(*op), "no request vector for {op}");
    }
    for case in v["invalid"].as_array().unwrap() {
        let by_core = case["checked_by"]
            .as_array()
            .unwrap()
            .contains(&Value::from("core"));
        if !by_core {
            // Checked only by some languages' packages (as their official SDK does): the core sends it.
            let req = opentok_core::build_request(s(&case["op"]), case["args"].clone(), key)
                .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            assert_eq!(req.to_json(), case["request"], "{}", case["name"]);
            continue;
        }
        let err =
            opentok_core::build_request(s(&case["op"]), case["args"].clone(), key).unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { .. }),
            "{}: {err}",
            case["name"]
        );
        assert_eq!(
            err.field(),
            Some(s(&case["field"])),
            "{}: {err}",
            case["name"]
        );
    }
    for case in v["project_id_invalid"].as_array().unwrap() {
        let err = opentok_core::build_request(
            s(&case["op"]),
            case["args"].clone(),
            s(&case["project_id"]),
        )
        .unwrap_err();
        assert_eq!(err.field(), Some(s(&case["field"])), "{}", case["name"]);
    }
}

/// The host transport's request is the native one: same method, URL (base + path + query) and body.
#[test]
fn host_prepare_matches_every_request_vector() {
    let v = load("requests.json");
    let ot = OpenTok::new(s(&v["api_key"]), s(&v["api_secret"])).unwrap();
    for case in v["requests"].as_array().unwrap() {
        let r = ot
            .prepare(s(&case["op"]), case["args"].clone())
            .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        let want = &case["request"];
        assert_eq!(r.method, s(&want["method"]), "{}", case["name"]);
        let url = reqwest::Url::parse(&r.url).unwrap();
        assert_eq!(url.path(), s(&want["path"]), "{}", case["name"]);
        let query: serde_json::Map<String, Value> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
            .collect();
        assert_eq!(Value::Object(query), want["query"], "{}", case["name"]);
        let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"X-OPENTOK-AUTH") && names.contains(&"User-Agent"));
        match (&want["body"], &r.body) {
            (Value::Null, None) => {}
            (Value::Object(o), Some(b)) if o.contains_key("form") => {
                let form: serde_json::Map<String, Value> =
                    reqwest::Url::parse(&format!("http://x/?{}", std::str::from_utf8(b).unwrap()))
                        .unwrap()
                        .query_pairs()
                        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
                        .collect();
                assert_eq!(Value::Object(form), o["form"], "{}", case["name"]);
                assert!(names.contains(&"Content-Type"));
            }
            (body, Some(b)) => {
                let sent: Value = serde_json::from_slice(b).unwrap();
                assert_eq!(&sent, body, "{}", case["name"]);
            }
            (body, None) => panic!("{}: expected body {body}", case["name"]),
        }
    }
    for case in v["invalid"].as_array().unwrap() {
        let by_core = case["checked_by"]
            .as_array()
            .unwrap()
            .contains(&Value::from("core"));
        let r = ot.prepare(s(&case["op"]), case["args"].clone());
        assert_eq!(r.is_err(), by_core, "{}", case["name"]);
    }
}

#[test]
fn responses_decode_to_the_documented_values() {
    let v = load("responses.json");
    for case in v["responses"].as_array().unwrap() {
        let body = if case["body"].is_null() {
            Vec::new()
        } else {
            serde_json::to_vec(&case["body"]).unwrap()
        };
        let out =
            opentok_core::decode_response(s(&case["op"]), case["args"].clone(), &body).unwrap();
        for (path, want) in case["expect"].as_object().unwrap() {
            assert_eq!(&lookup(&out, path), want, "{} {path}", case["op"]);
        }
        // The raw path hands back the service's JSON as received.
        assert_eq!(out, case["body"], "{}", case["op"]);
    }
    for case in v["malformed"].as_array().unwrap() {
        let err = opentok_core::decode_response(
            s(&case["op"]),
            case["args"].clone(),
            s(&case["body_text"]).as_bytes(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), s(&case["kind"]), "{}", case["name"]);
    }
    for case in v["status_mapping"].as_array().unwrap() {
        let status = case["status"].as_u64().unwrap() as u16;
        let body = serde_json::to_vec(&case["body"]).unwrap();
        let err =
            opentok_core::transport::error_from_response(status, &body, Some("req-1".into()), None);
        assert_eq!(err.kind(), s(&case["kind"]), "{status}");
        assert_eq!(err.status(), Some(status));
        let api = err.api().unwrap();
        assert_eq!(api.message, s(&case["body"]["message"]));
        assert_eq!(api.request_id.as_deref(), Some("req-1"));
    }
}

#[test]
fn secrets_never_appear_in_debug_or_errors() {
    let secret = "0123456789abcdef0123456789abcdef01234567";
    let ot = OpenTok::new("123456", secret).unwrap();
    assert!(!format!("{ot:?}").contains(secret));
    assert!(!format!("{:?}", ot.credentials()).contains(secret));
    let opts = opentok_core::ClientOptions {
        api_key: Some("123456".into()),
        api_secret: Some(secret.into()),
        proxy: Some("http://user:hunter2@proxy:3128".into()),
        ..Default::default()
    };
    assert!(!format!("{opts:?}").contains(secret));
    let cfg = opentok_core::Config {
        proxy: Some("http://user:hunter2@proxy:3128".into()),
        ..Default::default()
    };
    assert!(!format!("{cfg:?}").contains("hunter2"));
    let bad = OpenTok::from_json(
        serde_json::json!({"api_key": "1", "api_secret": secret, "proxy": "::not a url hunter2"}),
    );
    let msg = bad.unwrap_err().to_string();
    assert!(!msg.contains("hunter2") && !msg.contains(secret), "{msg}");
}

/// The Rust typed API on a passthrough body: `Ok` or a decode error, as the vector says.
fn typed(op: &str, args: &Value, body: &[u8]) -> Result<(), Error> {
    use opentok_core::api::{archives::*, broadcasts::*, connections::*, moderation::*};
    use opentok_core::api::{renders::*, sessions::*, streams::*};
    use opentok_core::wire::parse_args;
    use opentok_core::Operation;
    fn run<O: Operation>(args: &Value, body: &[u8]) -> Result<(), Error> {
        parse_args::<O>(args.clone())?.decode(body).map(|_| ())
    }
    match op {
        "get_archive" => run::<GetArchive>(args, body),
        "list_archives" => run::<ListArchives>(args, body),
        "get_broadcast" => run::<GetBroadcast>(args, body),
        "create_session" => run::<CreateSession>(args, body),
        "get_stream" => run::<GetStream>(args, body),
        "list_connections" => run::<ListConnections>(args, body),
        "stop_render" => run::<StopRender>(args, body),
        "mute_stream" => run::<MuteStream>(args, body),
        "delete_archive" => run::<DeleteArchive>(args, body),
        other => panic!("no typed decoder for {other} in this test"),
    }
}

#[test]
fn passthrough_responses_keep_the_service_json() {
    let v = load("responses.json");
    let ot = OpenTok::new("123456", "0123456789abcdef0123456789abcdef01234567").unwrap();
    for case in v["passthrough"].as_array().unwrap() {
        let name = s(&case["name"]);
        let body = s(&case["body_text"]).as_bytes();
        let out = opentok_core::decode_response(s(&case["op"]), case["args"].clone(), body)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(out, case["json"], "{name}");
        // The host transport's finish gives the same.
        let status = case["status"].as_u64().unwrap() as u16;
        let headers = vec![(
            "Content-Type".to_owned(),
            s(&case["content_type"]).to_owned(),
        )];
        let fin = ot
            .finish(s(&case["op"]), case["args"].clone(), status, &headers, body)
            .unwrap();
        assert_eq!(fin, case["json"], "{name}");
        let http = ot
            .finish_http(s(&case["op"]), Value::Null, status, &headers, body)
            .unwrap();
        assert_eq!(http.status, status);
        assert_eq!(http.body_text, s(&case["body_text"]));
        assert_eq!(
            http.headers["content-type"],
            Value::from(s(&case["content_type"]))
        );
        let t = typed(s(&case["op"]), &case["args"], body);
        match s(&case["rust_typed"]) {
            "ok" => assert!(t.is_ok(), "{name}: {t:?}"),
            _ => assert_eq!(t.unwrap_err().kind(), "decode", "{name}"),
        }
    }
}

#[test]
fn serde_json_keeps_the_last_of_duplicate_keys() {
    let v: Value = serde_json::from_str(r#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}"#).unwrap();
    assert_eq!(v, serde_json::json!({"a": 3, "b": {"c": 2}}));
}

#[test]
fn typed_structs_keep_unknown_fields_and_accept_alternative_shapes() {
    use opentok_core::api::archives::GetArchive;
    use opentok_core::api::broadcasts::GetBroadcast;
    use opentok_core::Operation;
    let a = GetArchive {
        archive_id: "A".into(),
    }
    .decode(br#"{"id": "A", "duration": 5049.9, "size": 1e3, "future": {"x": 1}, "id": "A2"}"#)
    .unwrap();
    assert_eq!(a.id, "A2");
    assert_eq!(a.duration, Some(5049), "floats are truncated toward zero");
    assert_eq!(a.size, Some(1000));
    assert_eq!(a.extra["future"], serde_json::json!({"x": 1}));
    // absent `streams` is `None` (Kotlin/Swift `streams: List<StreamSelection>?`)
    assert!(a.streams.unwrap_or_default().is_empty());
    let b = GetBroadcast {
        broadcast_id: "B".into(),
    }
    .decode(br#"{"id": "B", "broadcastUrls": {"rtmp": {"foo": {"serverUrl": "rtmp://a/b", "status": "live"}}}}"#)
    .unwrap();
    let rtmp = b.broadcast_urls.unwrap().rtmp.unwrap();
    assert_eq!(rtmp.len(), 1);
    assert_eq!(rtmp[0].id.as_deref(), Some("foo"));
    assert_eq!(rtmp[0].status.as_deref(), Some("live"));
}

#[test]
fn host_retry_delay_follows_the_policy() {
    use std::time::Duration;
    let ot = OpenTok::new("123456", "0123456789abcdef0123456789abcdef01234567").unwrap();
    let d = ot.retry_delay("GET", 0, Some(503), None, Duration::ZERO);
    assert!(d.is_some());
    assert_eq!(
        ot.retry_delay("POST", 0, Some(503), None, Duration::ZERO),
        None
    );
    assert_eq!(
        ot.retry_delay("GET", 0, Some(404), None, Duration::ZERO),
        None
    );
    assert_eq!(
        ot.retry_delay("GET", 0, Some(429), Some("1"), Duration::ZERO),
        Some(Duration::from_secs(1))
    );
    assert_eq!(
        ot.retry_delay("GET", 2, Some(503), None, Duration::ZERO),
        None
    );
    assert!(ot
        .retry_delay("DELETE", 0, None, None, Duration::ZERO)
        .is_some());
    // A Retry-After longer than the call's total timeout (20 s) is not waited for.
    assert_eq!(
        ot.retry_delay("GET", 0, Some(429), Some("30"), Duration::ZERO),
        None
    );
    let st = ot.host_settings();
    assert_eq!(st.max_response_bytes, 32 * 1024 * 1024);
    assert_eq!(st.timeout, Duration::from_secs(20));
    assert!(st.user_agent.starts_with("OpenTok-Rust-SDK/"));
    let err = ot
        .finish(
            "get_archive",
            Value::Null,
            404,
            &[("X-Request-Id".into(), "r1".into())],
            br#"{"code": 404, "message": "nope"}"#,
        )
        .unwrap_err();
    assert_eq!(err.kind(), "not_found");
    assert_eq!(err.api().unwrap().request_id.as_deref(), Some("r1"));
}
