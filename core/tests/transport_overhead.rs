//! REST overhead of the native transport against the in-process emulator (run with `--ignored --nocapture`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use opentok_core::{call, Credentials, OpenTok};
use opentok_emulator::{Config as EmuConfig, Emulator};
use serde_json::json;

#[test]
#[ignore = "measurement; run with --ignored --nocapture"]
fn rest_overhead_per_call() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let emu = Emulator::start(EmuConfig::default()).await.unwrap();
        let ot = OpenTok::with_config(
            Credentials::project("123456", "0123456789abcdef0123456789abcdef01234567").unwrap(),
            opentok_core::Config {
                api_url: Some(emu.url()),
                ..Default::default()
            },
        )
        .unwrap();
        for _ in 0..200 {
            call(&ot, "list_archives", json!({})).await.unwrap();
        }
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let n = 2000;
            let t = Instant::now();
            for _ in 0..n {
                call(&ot, "list_archives", json!({})).await.unwrap();
            }
            best = best.min(t.elapsed() / n);
        }
        println!("list_archives round trip (best of 5 x 2000, sequential): {best:?}");
    });
}

#[test]
#[ignore = "measurement; run with --ignored --nocapture"]
fn fork_check_and_client_build_cost() {
    // The per-call fork check is one getpid.
    let n = 1_000_000u32;
    let t = Instant::now();
    let mut acc = 0u64;
    for _ in 0..n {
        acc = acc.wrapping_add(u64::from(std::process::id()));
    }
    println!("getpid: {:?} per call ({acc})", t.elapsed() / n);
    // Building a client (the system trust store is read once, then cached).
    let build = || {
        OpenTok::with_config(
            Credentials::project("123456", "0123456789abcdef0123456789abcdef01234567").unwrap(),
            opentok_core::Config::default(),
        )
        .unwrap()
    };
    let t = Instant::now();
    drop(build());
    println!(
        "first client build (loads the system store): {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    for _ in 0..200 {
        drop(build());
    }
    println!("next client builds: {:?} each", t.elapsed() / 200);
}
