//! `opentok callback verify` against the shared vectors, and `opentok callback listen` receiving the
//! signed callbacks of an `opentok emulator --callback-url … --signature-secret …`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_opentok");

fn vectors() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/callbacks.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn bare() -> Command {
    let mut c = Command::new(BIN);
    for v in [
        "OPENTOK_SIGNATURE_SECRET",
        "OPENTOK_API_KEY",
        "OPENTOK_API_SECRET",
    ] {
        c.env_remove(v);
    }
    c
}

#[test]
fn verify_gives_each_signed_vector_its_outcome() {
    let doc = vectors();
    let dir = std::env::temp_dir().join(format!("opentok-cb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for v in doc["signed"].as_array().unwrap() {
        let name = v["name"].as_str().unwrap();
        let body = dir.join(format!("{name}.json"));
        std::fs::write(&body, v["body"].as_str().unwrap()).unwrap();
        let mut cmd = bare();
        cmd.args(["callback", "verify", "--body"])
            .arg(&body)
            .args(["--signature-secret", v["secret"].as_str().unwrap()])
            .args(["--now", &v["now"].to_string()])
            .args(["--leeway", &v["leeway"].to_string()]);
        let auth = v["headers"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
            .map(|(_, x)| x.as_str().unwrap().to_string());
        if let Some(a) = &auth {
            cmd.args(["--authorization", a]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if v["outcome"] == "ok" {
            assert!(out.status.success(), "{name}: {stderr}");
            let e: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(e["type"], "archive", "{name}");
            assert_eq!(e["fields"]["status"], "available", "{name}");
        } else {
            assert_eq!(out.status.code(), Some(1), "{name}");
            assert!(out.stdout.is_empty(), "{name}");
            assert!(
                stderr.contains(v["outcome"].as_str().unwrap()),
                "{name}: {stderr}"
            );
            assert!(!stderr.contains(v["secret"].as_str().unwrap()), "{name}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Kills the child on drop (it was started by this test; stopped by its recorded handle).
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn first_line(child: &mut Child) -> (String, BufReader<std::process::ChildStdout>) {
    let mut r = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    r.read_line(&mut line).unwrap();
    (line.trim().to_string(), r)
}

#[test]
fn listen_prints_the_verified_events_the_emulator_sends() {
    let secret = "cli-listen-test-secret";
    let mut listener = Proc(
        bare()
            .args(["callback", "listen", "--port", "0", "--count", "2"])
            .args(["--signature-secret", secret])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let (hook, mut events) = first_line(&mut listener.0);
    assert!(hook.starts_with("http://127.0.0.1:"), "{hook}");
    let mut emu = Proc(
        bare()
            .args(["emulator", "--port", "0", "--callback-url", &hook])
            .args(["--signature-secret", secret])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let (base, mut rest) = first_line(&mut emu.0);
    let mut second = String::new();
    rest.read_line(&mut second).unwrap();
    assert_eq!(second.trim(), format!("{base}/_emulator/"));

    let http = tiny::post_json();
    let sid = http(&format!("{base}/_emulator/sessions"), json!({}))["sessionId"]
        .as_str()
        .unwrap()
        .to_string();
    let c = http(
        &format!("{base}/_emulator/sessions/{sid}/connections"),
        json!({"data": "who=cli"}),
    );
    http(
        &format!("{base}/_emulator/sessions/{sid}/streams"),
        json!({"connectionId": c["connectionId"], "name": "cam"}),
    );
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while lines.len() < 2 && Instant::now() < deadline {
        let mut line = String::new();
        if events.read_line(&mut line).unwrap() == 0 {
            break;
        }
        lines.push(serde_json::from_str::<Value>(&line).unwrap());
    }
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["type"], "connection");
    assert_eq!(lines[0]["verified"], true);
    assert_eq!(lines[0]["fields"]["event"], "connectionCreated");
    assert_eq!(lines[0]["fields"]["connection"]["data"], "who=cli");
    assert_eq!(lines[1]["fields"]["event"], "streamCreated");
    assert_eq!(lines[1]["claims"]["iss"], "Vonage");
    drop(emu);
    drop(listener);
}

mod tiny {
    use serde_json::Value;

    /// A tiny blocking JSON POST over std TCP (loopback only), so the test needs no async runtime.
    pub fn post_json() -> impl Fn(&str, Value) -> Value {
        |url: &str, body: Value| {
            use std::io::{Read, Write};
            let rest = url.strip_prefix("http://").unwrap();
            let (host, path) = rest.split_at(rest.find('/').unwrap());
            let mut s = std::net::TcpStream::connect(host).unwrap();
            let b = body.to_string();
            write!(
                s,
                "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{b}",
                b.len()
            )
            .unwrap();
            let mut resp = String::new();
            s.read_to_string(&mut resp).unwrap();
            assert!(resp.starts_with("HTTP/1.1 2"), "{resp}");
            let body = resp.split("\r\n\r\n").nth(1).unwrap_or("");
            serde_json::from_str(body).unwrap_or(Value::Null)
        }
    }
}
