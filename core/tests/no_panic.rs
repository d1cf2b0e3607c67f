//! Stable-Rust stand-in for the fuzz targets (core/fuzz): random and mutated inputs never panic,
//! and the fast session-ownership check agrees with the general decoder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use opentok_core::{session_id, OPERATIONS};

const SEEDS: &[&str] = &[
    "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAzODAyNzk3OTY5MjYyfg",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTYifQ.c2ln",
    r#"{"id":"a","status":"started","items":[{"id":"b"}],"count":1}"#,
    r#"[{"session_id":"1_x"}]"#,
];

fn mutate(rng: &mut fastrand::Rng, seed: &str) -> Vec<u8> {
    let mut b = seed.as_bytes().to_vec();
    for _ in 0..rng.usize(1..6) {
        match rng.u8(0..4) {
            0 if !b.is_empty() => {
                let i = rng.usize(..b.len());
                b[i] = rng.u8(..);
            }
            1 if !b.is_empty() => {
                let i = rng.usize(..b.len());
                b.truncate(i);
            }
            2 => b.push(rng.u8(..)),
            _ => {
                let i = rng.usize(..=b.len());
                b.insert(i, *rng.choice(b"~_-=+/{}[]\":,.0a".iter()).unwrap());
            }
        }
    }
    b
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = fastrand::Rng::with_seed(7);
    for i in 0..40_000 {
        let seed = SEEDS[i % SEEDS.len()];
        let bytes = if i % 5 == 0 {
            (0..rng.usize(0..64)).map(|_| rng.u8(..)).collect()
        } else {
            mutate(&mut rng, seed)
        };
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let decoded = session_id::decode(s);
            let owned = session_id::check_owner(s, "123456");
            match &decoded {
                Ok(info) => assert_eq!(owned.is_ok(), info.api_key == "123456", "{s:?}"),
                Err(_) => assert!(owned.is_err(), "{s:?}"),
            }
            let _ = opentok_core::jwt::decode(s);
        }
        let op = OPERATIONS[i % OPERATIONS.len()];
        let _ = opentok_core::decode_response(op, serde_json::Value::Null, &bytes);
        let _ = opentok_core::transport::error_from_response(
            400 + (i % 200) as u16,
            &bytes,
            None,
            None,
        );
        if let Ok(args) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let _ = opentok_core::build_request(op, args, "123456");
        }
    }
}
