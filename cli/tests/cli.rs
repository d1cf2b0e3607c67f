//! Runs the built `opentok` binary against an in-process emulator.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use opentok_emulator::{Config, Emulator, DEFAULT_API_KEY, DEFAULT_API_SECRET};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_opentok");

fn emulator() -> Emulator {
    Emulator::start_blocking(Config::default()).unwrap()
}

/// `opentok` with a clean environment: no credentials unless given.
fn bare() -> Command {
    let mut c = Command::new(BIN);
    for v in [
        "OPENTOK_API_KEY",
        "OPENTOK_API_SECRET",
        "OPENTOK_APPLICATION_ID",
        "OPENTOK_PRIVATE_KEY_FILE",
        "OPENTOK_API_URL",
        "OPENTOK_SIP_PASSWORD",
    ] {
        c.env_remove(v);
    }
    c.stdin(Stdio::null());
    c
}

/// `opentok ARGS` with the emulator's credentials and URL in the environment.
fn ot(emu: &Emulator, args: &[&str]) -> Output {
    bare()
        .env("OPENTOK_API_KEY", DEFAULT_API_KEY)
        .env("OPENTOK_API_SECRET", DEFAULT_API_SECRET)
        .env("OPENTOK_API_URL", emu.url())
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs and expects success; returns the parsed JSON output.
fn ok(emu: &Emulator, args: &[&str]) -> Value {
    let out = ot(emu, args);
    assert!(
        out.status.success(),
        "`opentok {}` failed ({:?}):\n{}{}",
        args.join(" "),
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "`opentok {}` printed non-JSON ({e}): {}",
            args.join(" "),
            text(&out.stdout)
        )
    })
}

fn admin_post(emu: &Emulator, path: &str, body: Value) -> Value {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let r = reqwest::Client::new()
            .post(format!("{}{path}", emu.url()))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{path}: {}", r.status());
        serde_json::from_str(&r.text().await.unwrap()).unwrap()
    })
}

fn admin_get(emu: &Emulator, path: &str) -> Value {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let r = reqwest::get(format!("{}{path}", emu.url())).await.unwrap();
        serde_json::from_str(&r.text().await.unwrap()).unwrap()
    })
}

fn routed_session(emu: &Emulator) -> String {
    let s = ok(emu, &["session", "create", "--media-mode", "routed"]);
    s[0]["session_id"].as_str().unwrap().to_owned()
}

fn seed_stream(emu: &Emulator, sid: &str, name: &str) -> (String, String) {
    let c = admin_post(
        emu,
        &format!("/_emulator/sessions/{sid}/connections"),
        json!({}),
    );
    let conn = c["connectionId"].as_str().unwrap().to_owned();
    let st = admin_post(
        emu,
        &format!("/_emulator/sessions/{sid}/streams"),
        json!({ "name": name, "connectionId": conn }),
    );
    (conn, st["id"].as_str().unwrap().to_owned())
}

/// The subcommand words of a usage line (up to the first placeholder or option).
fn words(usage: &str) -> Vec<&str> {
    usage
        .split_whitespace()
        .skip(1)
        .take_while(|w| {
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-')
        })
        .collect()
}

#[test]
fn operations_lists_all_40_with_a_dedicated_subcommand() {
    let out = bare().arg("operations").output().unwrap();
    assert!(out.status.success());
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 40);
    let names: Vec<&str> = list
        .iter()
        .map(|r| r["operation"].as_str().unwrap())
        .collect();
    assert_eq!(names, opentok_core::OPERATIONS);
    for row in list {
        let usage = row["command"]
            .as_str()
            .unwrap_or_else(|| panic!("no subcommand for {row}"));
        let w = words(usage);
        assert!(
            !w.is_empty() && !["call"].contains(&w[0]),
            "{usage} is not a dedicated subcommand"
        );
        // The subcommand exists and has help.
        let out = bare().args(&w).arg("--help").output().unwrap();
        assert!(
            out.status.success(),
            "`opentok {} --help` failed: {}",
            w.join(" "),
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).contains("Usage: opentok"),
            "{}",
            text(&out.stdout)
        );
    }
    let pretty = bare().args(["operations", "--pretty"]).output().unwrap();
    let t = text(&pretty.stdout);
    assert!(
        t.starts_with("operation") && t.contains("opentok archive start SESSION_ID"),
        "{t}"
    );
}

#[test]
fn help_works_for_every_group() {
    let groups = [
        "session",
        "token",
        "archive",
        "broadcast",
        "stream",
        "connection",
        "signal",
        "mute",
        "sip",
        "render",
        "audio",
        "captions",
        "callback",
        "call",
        "operations",
        "emulator",
        "demo",
    ];
    let top = bare().arg("--help").output().unwrap();
    assert!(top.status.success());
    let top = text(&top.stdout);
    for g in groups {
        assert!(
            top.contains(&format!("  {g} ")),
            "`{g}` missing from top-level help:\n{top}"
        );
        let out = bare().args([g, "--help"]).output().unwrap();
        assert!(
            out.status.success(),
            "`opentok {g} --help`: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains(&format!("Usage: opentok {g}")));
    }
    // Secrets from the environment never show up in help.
    let out = bare()
        .env("OPENTOK_API_SECRET", "s3cr3t-value-xyz")
        .arg("--help")
        .output()
        .unwrap();
    assert!(!text(&out.stdout).contains("s3cr3t-value-xyz"));
    // A group without a subcommand is a usage error.
    let out = bare().arg("archive").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn session_token_and_archive_lifecycle() {
    let emu = emulator();
    let sid = routed_session(&emu);
    assert!(sid.starts_with("1_MX4"), "{sid}");

    let t = ok(
        &emu,
        &[
            "token",
            &sid,
            "--role",
            "moderator",
            "--data",
            "name=ann",
            "--layout-class",
            "focus",
        ],
    );
    assert_eq!(t["role"], "moderator");
    assert_eq!(t["sessionId"], sid.as_str());
    assert!(t["token"].as_str().unwrap().starts_with("eyJ"));
    let raw = ot(&emu, &["token", &sid, "--t1", "--raw"]);
    assert!(raw.status.success());
    assert!(text(&raw.stdout).starts_with("T1=="));

    let (_, stream) = seed_stream(&emu, &sid, "ann");
    let a = ok(
        &emu,
        &[
            "archive",
            "start",
            &sid,
            "--name",
            "Demo",
            "--stream-mode",
            "manual",
            "--layout",
            "bestFit",
        ],
    );
    let aid = a["id"].as_str().unwrap().to_owned();
    assert_eq!(a["status"], "started");
    assert_eq!(a["name"], "Demo");
    assert_eq!(
        ok(
            &emu,
            &[
                "archive",
                "add-stream",
                &aid,
                &stream,
                "--has-video",
                "false"
            ]
        ),
        Value::Null
    );
    assert_eq!(
        ok(&emu, &["archive", "remove-stream", &aid, &stream]),
        Value::Null
    );
    // The service's answer to a layout change passes through as it is.
    ok(&emu, &["archive", "layout", &aid, "pip"]);
    assert_eq!(ok(&emu, &["archive", "stop", &aid])["status"], "stopped");
    assert_eq!(ok(&emu, &["archive", "get", &aid])["status"], "available");
    let list = ok(&emu, &["archive", "list", "--session-id", &sid]);
    assert_eq!(list["count"], 1);
    assert_eq!(list["items"][0]["id"], aid.as_str());
    let all = ok(&emu, &["archive", "list", "--all", "--count", "1"]);
    assert_eq!(all.as_array().unwrap().len(), 1);

    let pretty = ot(&emu, &["archive", "get", &aid, "--pretty"]);
    let p = text(&pretty.stdout);
    assert!(
        p.starts_with("id ") && p.contains(&aid) && p.contains("available"),
        "{p}"
    );
    let pretty = ot(&emu, &["archive", "list", "--pretty"]);
    assert!(
        text(&pretty.stdout).starts_with("count: 1\nid "),
        "{}",
        text(&pretty.stdout)
    );

    assert_eq!(ok(&emu, &["archive", "delete", &aid]), Value::Null);
    assert_eq!(ok(&emu, &["archive", "get", &aid])["status"], "deleted");

    // The wire requests are the documented ones.
    let reqs = admin_get(&emu, "/_emulator/requests");
    let start = reqs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("/archive") && r["method"] == "POST")
        .unwrap();
    let body: Value = serde_json::from_str(start["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"sessionId": sid, "name": "Demo", "streamMode": "manual", "layout": {"type": "bestFit"}})
    );
    assert!(start["headers"]["user-agent"]
        .as_str()
        .unwrap()
        .contains("cli/"));
}

#[test]
fn every_other_operation_runs_against_the_emulator() {
    let emu = emulator();
    let sid = routed_session(&emu);
    let (conn, stream) = seed_stream(&emu, &sid, "ann");
    let (conn2, stream2) = seed_stream(&emu, &sid, "bob");

    assert_eq!(ok(&emu, &["connection", "list", &sid])["count"], 2);
    assert_eq!(ok(&emu, &["stream", "list", &sid])["count"], 2);
    assert_eq!(ok(&emu, &["stream", "get", &sid, &stream])["name"], "ann");
    ok(
        &emu,
        &[
            "stream",
            "layout",
            &sid,
            "--stream",
            &format!("{stream}=full,focus"),
            "--stream",
            &format!("{stream2}="),
        ],
    );
    assert_eq!(
        ok(&emu, &["stream", "get", &sid, &stream])["layoutClassList"],
        json!(["full", "focus"])
    );
    ok(&emu, &["stream", "set-class-list", &sid, &stream2, "small"]);
    assert_eq!(
        ok(&emu, &["stream", "get", &sid, &stream2])["layoutClassList"],
        json!(["small"])
    );

    ok(
        &emu,
        &["signal", &sid, "--type", "chat", "--data", "hi all"],
    );
    ok(
        &emu,
        &[
            "signal",
            &sid,
            "--connection",
            &conn,
            "--type",
            "chat",
            "--data",
            "hi ann",
        ],
    );
    ok(&emu, &["mute", "stream", &sid, &stream]);
    ok(&emu, &["mute", "all", &sid, "--exclude", &stream2]);
    let view = admin_get(&emu, &format!("/_emulator/sessions/{sid}"));
    assert_eq!(
        view["muteAll"],
        json!({"active": true, "excludedStreamIds": [stream2]})
    );
    assert_eq!(view["signals"].as_array().unwrap().len(), 2);
    ok(&emu, &["mute", "disable", &sid]);

    let b = ok(
        &emu,
        &[
            "broadcast",
            "start",
            &sid,
            "--hls",
            "--dvr",
            "--rtmp",
            "rtmp://example.com/live",
            "key",
            "--stream-mode",
            "manual",
            "--max-duration",
            "600",
        ],
    );
    let bid = b["id"].as_str().unwrap().to_owned();
    assert!(
        b["broadcastUrls"]["hls"].as_str().unwrap().contains("DVR"),
        "{b}"
    );
    ok(&emu, &["broadcast", "add-stream", &bid, &stream]);
    ok(&emu, &["broadcast", "remove-stream", &bid, &stream]);
    ok(
        &emu,
        &[
            "broadcast",
            "layout",
            &bid,
            "bestFit",
            "--screenshare-type",
            "pip",
        ],
    );
    assert_eq!(ok(&emu, &["broadcast", "get", &bid])["id"], bid.as_str());
    assert_eq!(
        ok(&emu, &["broadcast", "list", "--session-id", &sid])["count"],
        1
    );
    assert_eq!(ok(&emu, &["broadcast", "stop", &bid])["status"], "stopped");

    let call = ok(
        &emu,
        &[
            "sip",
            "dial",
            &sid,
            "sip:alice@example.com",
            "--header",
            "X-Room=7",
            "--username",
            "u",
            "--password",
            "p4ss",
            "--secure",
        ],
    );
    assert!(call["connectionId"].is_string(), "{call}");
    ok(&emu, &["sip", "dtmf", &sid, "1234#"]);
    ok(&emu, &["sip", "dtmf", &sid, "5p6", "--connection", &conn]);

    let r = ok(
        &emu,
        &[
            "render",
            "start",
            &sid,
            "https://example.com/composer",
            "--name",
            "Composer",
        ],
    );
    let rid = r["id"].as_str().unwrap().to_owned();
    assert_eq!(ok(&emu, &["render", "get", &rid])["id"], rid.as_str());
    assert!(ok(&emu, &["render", "list"])["count"].as_i64().unwrap() >= 1);
    ok(&emu, &["render", "stop", &rid]);

    let a = ok(
        &emu,
        &[
            "audio",
            "connect",
            &sid,
            "wss://example.com/audio",
            "--audio-rate",
            "16000",
            "--stream",
            &stream,
            "--header",
            "X-A=b",
        ],
    );
    let acid = a["connectionId"].as_str().unwrap().to_owned();
    ok(&emu, &["audio", "stop", &acid]);

    let c = ok(
        &emu,
        &[
            "captions",
            "start",
            &sid,
            "--language-code",
            "en-US",
            "--partial-captions",
            "false",
        ],
    );
    let cid = c["captionsId"].as_str().unwrap().to_owned();
    assert_eq!(ok(&emu, &["captions", "status", &cid])["status"], "started");
    ok(&emu, &["captions", "stop", &cid]);

    let cb = ok(
        &emu,
        &[
            "callback",
            "register",
            "--group",
            "archive",
            "--event",
            "status",
            "--url",
            "https://example.com/cb",
        ],
    );
    let cbid = cb["id"].as_str().unwrap().to_owned();
    assert_eq!(ok(&emu, &["callback", "list"]).as_array().unwrap().len(), 1);
    ok(&emu, &["callback", "unregister", &cbid]);

    let before = ok(&emu, &["connection", "list", &sid])["count"]
        .as_i64()
        .unwrap();
    ok(&emu, &["connection", "disconnect", &sid, &conn2]);
    assert_eq!(
        ok(&emu, &["connection", "list", &sid])["count"]
            .as_i64()
            .unwrap(),
        before - 1
    );

    // The generic escape hatch.
    let streams = ok(
        &emu,
        &[
            "call",
            "list_streams",
            "--args",
            &json!({"session_id": sid}).to_string(),
        ],
    );
    assert!(
        streams["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == stream.as_str()),
        "{streams}"
    );
    let out = ot(&emu, &["call", "no_such_op"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no_such_op"));
}

#[test]
fn invalid_arguments_exit_2_and_name_the_field() {
    let emu = emulator();
    let out = ot(&emu, &["session", "create", "--media-mode", "sideways"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid_argument") && err.contains("media_mode"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let sid = routed_session(&emu);
    for (args, field) in [
        (vec!["token", sid.as_str(), "--role", "king"], "role"),
        (vec!["token", "not-a-session"], "session_id"),
        (
            vec!["call", "start_archive", "--args", "{\"session\": 1}"],
            "session_id",
        ),
        (vec!["call", "get_archive", "--args", "{not json"], "args"),
        (
            vec!["call", "get_archive", "--args", "{\"archive_id\": \"..\"}"],
            "archive_id",
        ),
    ] {
        let out = ot(&emu, &args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(err.contains(&format!("field: {field}")), "{args:?}: {err}");
    }
    // Nothing invalid reached the server.
    let reqs = admin_get(&emu, "/_emulator/requests");
    assert_eq!(reqs.as_array().unwrap().len(), 1, "{reqs}");

    // What only some official SDKs check is the service's to judge: sent (an API error at most).
    for args in [
        vec!["archive", "start", sid.as_str(), "--resolution", "1x1"],
        vec!["signal", sid.as_str(), "--type", "bad type!"],
        vec!["broadcast", "start", sid.as_str()],
        vec!["archive", "layout", "A1", "custom"],
    ] {
        let out = ot(&emu, &args);
        assert_ne!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let reqs = admin_get(&emu, "/_emulator/requests");
    assert_eq!(reqs.as_array().unwrap().len(), 5, "{reqs}");

    // Clap usage errors are exit 2 too.
    assert_eq!(ot(&emu, &["archive", "start"]).status.code(), Some(2));
    assert_eq!(
        ot(&emu, &["archive", "start", "S", "--has-audio", "maybe"])
            .status
            .code(),
        Some(2)
    );

    // Missing credentials: exit 2 with a hint.
    let out = bare().args(["archive", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("OPENTOK_API_KEY"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn api_errors_exit_1_with_status_and_never_print_the_secret() {
    let emu = emulator();
    let out = ot(
        &emu,
        &["archive", "get", "0b4c7f36-0000-4000-8000-000000000000"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("not_found") && err.contains("404") && err.contains("status: 404"),
        "{err}"
    );
    assert!(!err.contains("panicked"));

    let secret = "ffffffffffffffffffffffffffffffffffffffff";
    let out = bare()
        .env("OPENTOK_API_KEY", DEFAULT_API_KEY)
        .env("OPENTOK_API_SECRET", secret)
        .args(["--api-url", &emu.url(), "archive", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("auth") && err.contains("403"), "{err}");
    assert!(!err.contains(secret) && !text(&out.stdout).contains(secret));

    // Nothing listening: a network error, exit 1.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = ot(
        &emu,
        &[
            "--api-url",
            &format!("http://127.0.0.1:{port}"),
            "--timeout",
            "2",
            "callback",
            "list",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("network") || text(&out.stderr).contains("timeout"));
}

#[test]
fn demo_exits_0_and_prints_the_steps() {
    let t = Instant::now();
    let out = bare().arg("demo").output().unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(t.elapsed() < Duration::from_secs(10));
    for needle in [
        "embedded emulator at http://127.0.0.1:",
        "[1] Create a routed session",
        "moderator ",
        "Alice joined",
        "2 connection(s)",
        "is started",
        "status available",
        "viewers watch https://",
        "the emulator recorded 1 signal(s)",
        "Bob    muted",
        "1 connection(s)",
        "[14] List this session's archives",
        "Done: 14 steps",
    ] {
        assert!(
            stdout.contains(needle),
            "demo output lacks {needle:?}:\n{stdout}"
        );
    }
    assert!(!stdout.contains(DEFAULT_API_SECRET));
}

#[test]
fn demo_uses_given_credentials_and_url() {
    let emu = emulator();
    let out = ot(&emu, &["demo"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(stdout.starts_with(&format!(
        "OpenTok demo against {} with api key {DEFAULT_API_KEY}",
        emu.url()
    )));
    assert!(stdout.contains("Done: 14 steps"));
}

#[test]
fn demo_redacts_credentials_in_the_url_it_prints() {
    let emu = emulator();
    let url = emu.url().replacen("://", "://demo-user:hunter2@", 1);
    let out = bare()
        .env("OPENTOK_API_KEY", DEFAULT_API_KEY)
        .env("OPENTOK_API_SECRET", DEFAULT_API_SECRET)
        .env("OPENTOK_API_URL", &url)
        .arg("demo")
        .output()
        .unwrap();
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.starts_with(&format!(
            "OpenTok demo against {} with api key",
            emu.url().replacen("://", "://***@", 1)
        )),
        "{stdout}\n{stderr}"
    );
    assert!(!stdout.contains("hunter2") && !stderr.contains("hunter2"));
}

#[test]
fn emulator_subcommand_prints_its_url_first() {
    let mut child = bare()
        .args([
            "emulator",
            "--port",
            "0",
            "--api-key",
            "777",
            "--api-secret",
            "abc",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first.trim().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{first}");
    let out = bare()
        .args([
            "--api-key",
            "777",
            "--api-secret",
            "abc",
            "--api-url",
            &url,
            "session",
            "create",
        ])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v[0]["session_id"].is_string(), "{v}");
}

#[test]
fn application_credentials_from_a_key_file() {
    let key_file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/keys/application_private_key.pem"
    );
    let pem = std::fs::read_to_string(key_file).unwrap();
    let emu = Emulator::start_blocking(Config {
        application_id: Some("a1b2c3d4-0000-4000-8000-000000000001".into()),
        application_public_key_pem: Some(pem),
        ..Config::default()
    })
    .unwrap();
    let run = |args: &[&str]| {
        bare()
            .env(
                "OPENTOK_APPLICATION_ID",
                "a1b2c3d4-0000-4000-8000-000000000001",
            )
            .env("OPENTOK_PRIVATE_KEY_FILE", key_file)
            .args(["--api-url", &emu.url()])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["session", "create", "--media-mode", "routed"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sid = serde_json::from_slice::<Value>(&out.stdout).unwrap()[0]["session_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = run(&["archive", "list", "--session-id", &sid]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(&["token", &sid, "--raw"]);
    assert!(
        out.status.success() && text(&out.stdout).starts_with("eyJ"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&[
        "--private-key-file",
        "/nonexistent/key.pem",
        "archive",
        "list",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("private_key_file"));
}
