#![no_main]
//! Ids and project ids in every position: a built request either is refused (empty, `.`, `..`, or a
//! project id with `/ ? # \ %`) or has a path whose segments decode back to exactly the ids given,
//! with no query or fragment smuggled in; the host transport's absolute URL keeps that path.
use std::sync::OnceLock;

use opentok_core::OpenTok;
use serde_json::json;

fn client() -> &'static OpenTok {
    static C: OnceLock<OpenTok> = OnceLock::new();
    C.get_or_init(|| {
        let cfg = opentok_core::Config {
            api_url: Some("http://127.0.0.1:9".into()),
            ..Default::default()
        };
        let creds = opentok_core::Credentials::project(
            "123456",
            "0123456789abcdef0123456789abcdef01234567",
        )
        .unwrap_or_else(|_| std::process::abort());
        OpenTok::with_config(creds, cfg).unwrap_or_else(|_| std::process::abort())
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let h = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(h) = h {
                out.push(h);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{0}');
    let project = parts.next().unwrap_or("");
    let a = parts.next().unwrap_or("");
    let b = parts.next().unwrap_or("");
    let refused_id = |s: &str| s.is_empty() || s == "." || s == "..";
    let refused_project = refused_id(project)
        || project.contains(['/', '?', '#', '\\', '%'])
        || project.chars().any(|c| c.is_whitespace() || c.is_control());
    let cases = [
        ("get_archive", json!({"archive_id": a}), vec![a]),
        (
            "force_disconnect",
            json!({"session_id": a, "connection_id": b}),
            vec![a, b],
        ),
        (
            "get_stream",
            json!({"session_id": a, "stream_id": b}),
            vec![a, b],
        ),
        (
            "send_signal",
            json!({"session_id": a, "connection_id": b, "data": "d"}),
            vec![a, b],
        ),
        ("unregister_callback", json!({"callback_id": b}), vec![b]),
    ];
    for (op, args, ids) in cases {
        let built = opentok_core::build_request(op, args.clone(), project);
        let want_path = built.as_ref().map(|w| w.path.clone()).ok();
        let must_refuse = refused_project || ids.iter().any(|i| refused_id(i));
        match built {
            Err(_) => assert!(must_refuse, "{op} refused {args} for project {project:?}"),
            Ok(req) => {
                assert!(!must_refuse, "{op} accepted {args} for project {project:?}");
                assert!(!req.path.contains(['?', '#', ' ']), "{}", req.path);
                let segs: Vec<&str> = req.path.split('/').collect();
                assert!(
                    !segs.iter().any(|s| *s == "." || *s == ".."),
                    "{}",
                    req.path
                );
                assert_eq!(segs.get(3).copied(), Some(project), "{}", req.path);
                let decoded: Vec<String> = segs.iter().map(|s| percent_decode(s)).collect();
                for id in &ids {
                    assert!(
                        decoded.iter().any(|d| d == id),
                        "{op}: {id:?} not in {}",
                        req.path
                    );
                }
            }
        }
        if project == "123456" {
            match (client().prepare(op, args), want_path) {
                (Ok(r), Some(want)) => {
                    let path = r.url.trim_start_matches("http://127.0.0.1:9");
                    assert_eq!(path, want, "{}", r.url);
                }
                (Err(_), None) => {}
                (r, w) => panic!(
                    "prepare and build_request disagree: {:?} vs {w:?}",
                    r.map(|r| r.url)
                ),
            }
        }
    }
});
