//! Per-language client-token limits carried by `TokenOptions`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use opentok_core::{OpenTok, TokenOptions};

const SID: &str =
    "1_MX4xMjM0NTZ-MTI3LjAuMC4xflR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC43NjAyOTYyfg";
const NOW: i64 = 1_700_000_000;

fn client() -> OpenTok {
    OpenTok::new("123456", "0123456789abcdef0123456789abcdef01234567").unwrap()
}

fn field(r: opentok_core::Result<String>) -> String {
    r.unwrap_err().to_json()["field"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn defaults_are_1000_chars_and_30_days() {
    let o = TokenOptions::default();
    assert_eq!(o.max_data_chars, Some(1000));
    assert_eq!(o.max_expiry_secs, Some(30 * 86400));
    let ot = client();
    let data = |n: usize| TokenOptions {
        data: Some("é".repeat(n)),
        ..Default::default()
    };
    assert!(ot.generate_token_at(SID, &data(1000), NOW, Some(1)).is_ok());
    assert_eq!(
        field(ot.generate_token_at(SID, &data(1001), NOW, Some(1))),
        "data"
    );
    let exp = |s: i64| TokenOptions {
        expire_time: Some(NOW + s),
        ..Default::default()
    };
    assert!(ot
        .generate_token_at(SID, &exp(30 * 86400), NOW, Some(1))
        .is_ok());
    assert_eq!(
        field(ot.generate_token_at(SID, &exp(30 * 86400 + 1), NOW, Some(1))),
        "expire_time"
    );
}

#[test]
fn limits_can_be_changed_or_lifted() {
    let ot = client();
    let node = |data: usize, exp: i64| TokenOptions {
        data: Some("x".repeat(data)),
        expire_time: Some(NOW + exp),
        max_data_chars: Some(1024),
        max_expiry_secs: None,
        ..Default::default()
    };
    assert!(ot
        .generate_token_at(SID, &node(1024, 90 * 86400), NOW, Some(1))
        .is_ok());
    assert!(ot
        .generate_token_at(SID, &node(1, i64::MAX - NOW), NOW, Some(1))
        .is_ok());
    assert_eq!(
        field(ot.generate_token_at(SID, &node(1025, 60), NOW, Some(1))),
        "data"
    );
    assert_eq!(
        field(ot.generate_token_at(SID, &node(1, 0), NOW, Some(1))),
        "expire_time"
    );
    let ruby = |n: usize| TokenOptions {
        data: Some("x".repeat(n)),
        max_data_chars: Some(999),
        ..Default::default()
    };
    assert!(ot.generate_token_at(SID, &ruby(999), NOW, Some(1)).is_ok());
    assert_eq!(
        field(ot.generate_token_at(SID, &ruby(1000), NOW, Some(1))),
        "data"
    );
    let short = TokenOptions {
        expire_time: Some(NOW + 61),
        max_expiry_secs: Some(60),
        ..Default::default()
    };
    let e = ot
        .generate_token_at(SID, &short, NOW, Some(1))
        .unwrap_err()
        .to_json();
    assert!(
        e["message"]
            .as_str()
            .unwrap_or_default()
            .contains("60 seconds")
            || e.to_string().contains("60 seconds"),
        "{e}"
    );
    let unlimited = TokenOptions {
        data: Some("x".repeat(100_000)),
        max_data_chars: None,
        ..Default::default()
    };
    assert!(ot.generate_token_at(SID, &unlimited, NOW, Some(1)).is_ok());
}

#[test]
fn limits_read_from_json() {
    let o: TokenOptions = serde_json::from_value(
        serde_json::json!({"max_data_chars": 1024, "max_expiry_secs": null}),
    )
    .unwrap();
    assert_eq!((o.max_data_chars, o.max_expiry_secs), (Some(1024), None));
    let d: TokenOptions = serde_json::from_value(serde_json::json!({})).unwrap();
    assert_eq!(d, TokenOptions::default());
}
