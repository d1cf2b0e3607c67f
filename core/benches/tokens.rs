//! Tokens per second in pure Rust: `cargo bench -p opentok-core --bench tokens`.
//! Prints ns per token (median of 7 runs) for JWT and T1. `OPENTOK_BENCH_N` sets the tokens per
//! run (default 200,000), e.g. a few thousand under `valgrind --tool=callgrind`.

use std::hint::black_box;
use std::time::Instant;

use opentok_core::{Config, Credentials, OpenTok, Role, TokenOptions, TokenType};

const SESSION: &str =
    "1_MX4xMjM0NTZ-MTI3LjAuMC4xflR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC43NjAyOTYyfg";

fn measure(name: &str, ot: &OpenTok, opts: &TokenOptions, n: u32) -> f64 {
    let mut runs = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        for _ in 0..n {
            black_box(
                ot.generate_token(black_box(SESSION), black_box(opts))
                    .unwrap_or_default(),
            );
        }
        runs.push(t.elapsed().as_nanos() as f64 / f64::from(n));
    }
    runs.sort_by(f64::total_cmp);
    let median = runs[3];
    println!(
        "{name:<38} {median:>8.0} ns/token  {:>10.0} tokens/s",
        1e9 / median
    );
    median
}

fn main() {
    let Ok(ot) = OpenTok::new("123456", "0123456789abcdef0123456789abcdef01234567") else {
        return;
    };
    let jwt = TokenOptions::default();
    let t1 = TokenOptions {
        token_type: TokenType::T1,
        ..Default::default()
    };
    let full = TokenOptions {
        role: Role::Moderator,
        data: Some("name=Johnny&role=teacher".into()),
        initial_layout_class_list: vec!["focus".into(), "inactive".into()],
        ..Default::default()
    };
    let full_t1 = TokenOptions {
        token_type: TokenType::T1,
        ..full.clone()
    };
    let n = std::env::var("OPENTOK_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    println!("opentok-core token generation (single thread)");
    measure("JWT, default options", &ot, &jwt, n);
    measure("JWT, role+data+layout", &ot, &full, n);
    measure("T1, default options", &ot, &t1, n);
    measure("T1, role+data+layout", &ot, &full_t1, n);
    let pem = include_str!("../../tests/vectors/keys/application_private_key.pem");
    let Ok(app) = Credentials::application("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", pem)
        .and_then(|c| OpenTok::with_config(c, Config::default()))
    else {
        return;
    };
    measure(
        "JWT RS256 (application), default",
        &app,
        &jwt,
        (n / 400).max(10),
    );
}
