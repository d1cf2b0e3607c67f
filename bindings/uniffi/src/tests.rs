//! Unit tests of the binding: arguments, answers, sessions and errors.

use crate::answers::{session_answer, Answer};
use crate::args::{args_with, render_args};
use crate::*;
use serde_json::json;
use std::collections::HashMap;

#[test]
fn options_become_core_arguments() {
    let p = ArchiveProperties {
        layout: Some(Layout {
            r#type: LayoutType::BestFit,
            stylesheet: None,
            screenshare_type: Some(LayoutType::Pip),
            extra: [("futureLayoutOption".to_owned(), "[1,2]".to_owned())].into(),
        }),
        extra: [("newOption".to_owned(), r#"{"a":true}"#.to_owned())].into(),
        has_video: Some(false),
        ..Default::default()
    };
    let v = args_with(json!({"session_id": "S"}), &p).unwrap();
    assert_eq!(
        v,
        json!({"session_id": "S", "has_video": false, "newOption": {"a": true},
               "layout": {"type": "bestFit", "screenshare_type": "pip", "futureLayoutOption": [1, 2]}})
    );
}

#[test]
fn extra_that_is_not_json_names_its_key() {
    let p = CaptionProperties {
        extra: [("bad".to_owned(), "not json".to_owned())].into(),
        ..Default::default()
    };
    match args_with(json!({}), &p) {
        Err(NativeError::InvalidArgument { field, .. }) => assert_eq!(field, "extra.bad"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn results_keep_what_they_do_not_name_and_read_alternative_shapes() {
    let v = json!({
        "id": "B", "createdAt": 1.7e12, "maxDuration": 7200.5, "size": "12",
        "newField": {"x": 1}, "hasAudio": "yes",
        "broadcastUrls": {"hls": "h", "rtmp": {"foo": {"serverUrl": "rtmp://a", "status": "live"}}}
    });
    let b = Broadcast::answer(v).unwrap();
    assert_eq!(b.created_at, Some(1_700_000_000_000));
    assert_eq!(b.max_duration, Some(7200));
    assert_eq!(
        b.extra.to_text_map().get("maxDuration").map(String::as_str),
        Some("7200.5")
    );
    assert_eq!(
        b.extra.to_text_map().get("newField").map(String::as_str),
        Some(r#"{"x":1}"#)
    );
    assert_eq!(b.has_audio, None);
    assert_eq!(
        b.extra.to_text_map().get("hasAudio").map(String::as_str),
        Some(r#""yes""#)
    );
    assert!(b.streams.is_none() && b.status.is_none());
    let rtmp = b.broadcast_urls.unwrap().rtmp.unwrap();
    assert_eq!(rtmp[0].id.as_deref(), Some("foo"));
    assert_eq!(rtmp[0].status.as_deref(), Some("live"));
    assert!(Archive::answer(json!([])).is_err());
    assert!(<()>::answer(json!({"id": "R"})).is_ok());
}

#[test]
fn sessions_come_from_the_answer_and_the_properties() {
    let p = SessionProperties {
        media_mode: Some(MediaMode::Routed),
        ..Default::default()
    };
    let s = session_answer(
        &p,
        json!([{"session_id": "S1", "partner_id": 123456, "create_dt": "d", "future": 1}]),
    )
    .unwrap();
    assert_eq!(s.session_id, "S1");
    assert_eq!(s.media_mode, MediaMode::Routed);
    assert_eq!(s.archive_mode, ArchiveMode::Manual);
    assert_eq!(s.project_id.as_deref(), Some("123456"));
    assert_eq!(
        s.extra.to_text_map().get("future").map(String::as_str),
        Some("1")
    );
    assert!(session_answer(&p, json!([])).is_err());
}

#[test]
fn render_name_goes_into_properties() {
    let p = RenderProperties {
        url: "https://example.com/app".into(),
        max_duration: None,
        resolution: None,
        status_callback_url: None,
        name: Some("n".into()),
        extra: HashMap::new(),
    };
    let v = render_args("S".into(), "T".into(), &p).unwrap();
    assert_eq!(v["properties"], json!({"name": "n"}));
    assert!(v.get("name").is_none());
}

#[test]
fn core_errors_keep_status_and_message() {
    let e: NativeError = opentok_core::Error::from_status(
        opentok_core::ApiError {
            status: 404,
            message: "nope".into(),
            ..Default::default()
        },
        None,
    )
    .into();
    match e {
        NativeError::NotFound {
            status,
            server_message,
            ..
        } => {
            assert_eq!(status, 404);
            assert_eq!(server_message, "nope");
        }
        other => panic!("{other:?}"),
    }
}
