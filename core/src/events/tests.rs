//! Reads tests/vectors/callbacks.json.

use super::*;
use serde_json::Value;
use std::time::Duration;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/callbacks.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn lookup<'a>(v: &'a Value, path: &str) -> &'a Value {
    let mut cur = v;
    for part in path.split('.') {
        cur = cur.get(part).unwrap_or(&Value::Null);
    }
    cur
}

#[test]
fn every_event_vector_parses_to_its_typed_values() {
    let doc = vectors();
    let events = doc["events"].as_array().unwrap();
    assert!(events.len() >= 15);
    for v in events {
        let name = v["name"].as_str().unwrap();
        let body = v["body"].as_str().unwrap();
        let event = parse(body.as_bytes()).unwrap();
        assert_eq!(event.kind(), v["type"].as_str().unwrap(), "{name}");
        let fields = event.fields_json();
        for (path, want) in v["expect"].as_object().unwrap() {
            assert_eq!(lookup(&fields, path), want, "{name}: {path}");
        }
        if let Event::Unknown(raw) = &event {
            assert_eq!(raw, &serde_json::from_str::<Value>(body).unwrap());
        }
    }
}

#[test]
fn every_signed_vector_has_its_outcome() {
    let doc = vectors();
    for v in doc["signed"].as_array().unwrap() {
        let name = v["name"].as_str().unwrap();
        let headers: Vec<(String, String)> = v["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, x)| (k.clone(), x.as_str().unwrap().to_string()))
            .collect();
        let got = verify_at(
            v["body"].as_str().unwrap().as_bytes(),
            &headers,
            Some(v["secret"].as_str().unwrap()),
            Duration::from_secs(v["leeway"].as_u64().unwrap()),
            v["now"].as_i64().unwrap(),
        );
        match v["outcome"].as_str().unwrap() {
            "ok" => {
                let ok = got.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(ok.event.kind(), v["type"].as_str().unwrap(), "{name}");
                assert!(ok.claims.is_some());
            }
            code => {
                let err = got.err().unwrap_or_else(|| panic!("{name}: accepted"));
                assert_eq!(err.code(), code, "{name}: {err}");
                let msg = err.to_string();
                assert!(
                    !msg.contains(v["secret"].as_str().unwrap()),
                    "{name}: secret leaked"
                );
            }
        }
    }
}

#[test]
fn webhook_json_answers_ok_and_errors() {
    let doc = vectors();
    let valid = &doc["signed"][0];
    let headers = valid["headers"].to_string();
    let out: Value = serde_json::from_str(&webhook_json(
        valid["body"].as_str().unwrap().as_bytes(),
        &headers,
        Some(valid["secret"].as_str().unwrap()),
        0.0,
        valid["now"].as_f64(),
    ))
    .unwrap();
    assert_eq!(out["ok"], true);
    assert_eq!(out["type"], "archive");
    assert_eq!(out["fields"]["status"], "available");
    assert_eq!(out["fields"]["extra"]["storageRegion"], "eu-west-1");
    assert_eq!(out["claims"]["iss"], "Vonage");
    let out: Value = serde_json::from_str(&webhook_json(
        valid["body"].as_str().unwrap().as_bytes(),
        r#"[["Authorization","x.y.z"]]"#,
        Some("s"),
        0.0,
        None,
    ))
    .unwrap();
    assert_eq!(out["ok"], false);
    assert_eq!(out["error"]["code"], "malformed_token");
    let out: Value =
        serde_json::from_str(&webhook_json(b"not json", "{}", None, 0.0, None)).unwrap();
    assert_eq!(out["error"]["code"], "invalid_body");
}

#[test]
fn lenient_parsing_never_fails_on_odd_types() {
    let e = parse(br#"{"event":"archive","id":5,"size":"12","hasAudio":"yes","duration":1.9}"#)
        .unwrap();
    match e {
        Event::Archive(a) => {
            assert_eq!(a.id.as_deref(), Some("5"));
            assert_eq!(a.size, Some(12));
            assert_eq!(a.has_audio, None);
            assert_eq!(a.duration, Some(1));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(parse(b"[1,2]").unwrap(), Event::Unknown(_)));
    assert!(matches!(parse(b"\"x\"").unwrap(), Event::Unknown(_)));
    assert!(parse(b"{").is_err());
}
