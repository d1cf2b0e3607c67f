//! The REST auth JWT lifetime (`auth_ttl` / `auth_ttl_secs`), bounded by the service's 300 s.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use opentok_core::{ClientOptions, Config, Credentials, OpenTok};

const KEY: &str = "123456";
const SECRET: &str = "0123456789abcdef0123456789abcdef01234567";

fn lifetime(ot: &OpenTok) -> i64 {
    let (name, value) = ot.auth_header().unwrap();
    assert_eq!(name, "X-OPENTOK-AUTH");
    let payload = value.split('.').nth(1).unwrap();
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap()
}

fn from_json(v: serde_json::Value) -> opentok_core::Result<OpenTok> {
    let o: ClientOptions = serde_json::from_value(v).unwrap();
    o.build()
}

#[test]
fn default_is_180_seconds() {
    assert_eq!(lifetime(&OpenTok::new(KEY, SECRET).unwrap()), 180);
    assert_eq!(Config::default().auth_ttl, Duration::from_secs(180));
}

#[test]
fn json_option_sets_it_within_the_service_limit() {
    for (given, want) in [(300.0, 300), (60.0, 60), (1.0, 1), (90.5, 90)] {
        let ot = from_json(
            serde_json::json!({"api_key": KEY, "api_secret": SECRET, "auth_ttl_secs": given}),
        )
        .unwrap();
        assert_eq!(lifetime(&ot), want);
    }
    for bad in [301.0, 0.0, -5.0, 0.5] {
        let e = from_json(
            serde_json::json!({"api_key": KEY, "api_secret": SECRET, "auth_ttl_secs": bad}),
        )
        .unwrap_err();
        assert_eq!(e.to_json()["field"], "auth_ttl_secs", "{bad}");
    }
}

#[test]
fn config_field_is_checked() {
    let creds = || Credentials::project(KEY, SECRET).unwrap();
    let cfg = |s: u64| Config {
        auth_ttl: Duration::from_secs(s),
        ..Default::default()
    };
    assert_eq!(
        lifetime(&OpenTok::with_config(creds(), cfg(240)).unwrap()),
        240
    );
    for bad in [0, 301] {
        let e = OpenTok::with_config(creds(), cfg(bad)).unwrap_err();
        assert_eq!(e.to_json()["field"], "auth_ttl", "{bad}");
    }
}
