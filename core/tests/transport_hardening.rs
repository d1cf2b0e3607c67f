//! The native transport against small misbehaving servers on 127.0.0.1: bounded memory and time,
//! Retry-After within the budget, final TLS failures, the trust store (CA bundle, SSL_CERT_FILE),
//! redirects that keep credentials home, redacted URLs, and fork safety.
#![allow(clippy::unwrap_used, clippy::expect_used, unsafe_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use opentok_core::{call, Config, Credentials, Error, OpenTok, RetryPolicy};
use serde_json::{json, Value};

const KEY: &str = "123456";
const SECRET: &str = "0123456789abcdef0123456789abcdef01234567";
const OK_BODY: &str = r#"{"count":0,"items":[]}"#;

// ---------------------------------------------------------------------------------------------
// Tiny servers: one thread accepting, one thread per connection.

struct Server {
    addr: SocketAddr,
    /// Connections accepted.
    conns: Arc<AtomicUsize>,
    /// Request heads received (up to the blank line).
    heads: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
    fn requests(&self) -> usize {
        self.heads.lock().unwrap().len()
    }
}

/// Reads a request head and its `content-length` body; `None` when the peer closed first.
fn read_head(s: &mut impl Read) -> Option<String> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => buf.push(byte[0]),
            _ => return None,
        }
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    let len = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).ok()?;
    Some(head)
}

/// A server whose `handler` gets each connection after the request head was read (and recorded).
fn serve<F>(handler: F) -> Server
where
    F: Fn(&mut TcpStream, &str) + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let conns = Arc::new(AtomicUsize::new(0));
    let heads = Arc::new(Mutex::new(Vec::new()));
    let handler = Arc::new(handler);
    let (c, h) = (conns.clone(), heads.clone());
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(mut sock) = sock else { continue };
            c.fetch_add(1, Ordering::SeqCst);
            let (h, handler) = (h.clone(), handler.clone());
            std::thread::spawn(move || {
                while let Some(head) = read_head(&mut sock) {
                    h.lock().unwrap().push(head.clone());
                    handler(&mut sock, &head);
                }
            });
        }
    });
    Server { addr, conns, heads }
}

fn respond(sock: &mut TcpStream, status: &str, extra: &str, body: &str) {
    let _ = write!(
        sock,
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{extra}\r\n{body}",
        body.len()
    );
}

/// Blocks until the client goes away (reads to EOF).
fn hold(sock: &mut TcpStream) {
    let mut sink = [0u8; 1024];
    while matches!(sock.read(&mut sink), Ok(n) if n > 0) {}
}

fn client_with(url: &str, f: impl FnOnce(&mut Config)) -> OpenTok {
    let mut cfg = Config {
        api_url: Some(url.to_owned()),
        retry: RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
            max_elapsed: Duration::from_secs(30),
        },
        ..Default::default()
    };
    f(&mut cfg);
    OpenTok::with_config(Credentials::project(KEY, SECRET).unwrap(), cfg).unwrap()
}

async fn get(ot: &OpenTok) -> opentok_core::Result<Value> {
    call(ot, "list_archives", json!({})).await
}

async fn post(ot: &OpenTok) -> opentok_core::Result<Value> {
    call(ot, "create_session", json!({"media_mode": "routed"})).await
}

/// Peak resident set size of this process (VmHWM), in MB.
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb / 1024
}

// ---------------------------------------------------------------------------------------------
// Item 4: memory and time.

#[tokio::test]
async fn huge_content_length_fails_before_reading() {
    // Announces 2 GiB and then streams zeros for as long as the client reads.
    let srv = serve(|s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2147483648\r\n\r\n");
        let zeros = vec![b'0'; 64 * 1024];
        while s.write_all(&zeros).is_ok() {}
    });
    let ot = client_with(&srv.url(), |_| {});
    let t = Instant::now();
    let e = get(&ot).await.unwrap_err();
    assert!(matches!(e, Error::Decode(_)), "{e}");
    assert!(e.to_string().contains("max_response_bytes"), "{e}");
    assert!(t.elapsed() < Duration::from_secs(1), "{:?}", t.elapsed());
    assert_eq!(srv.requests(), 1, "an oversize body is final, not retried");
    assert!(peak_rss_mb() < 200, "peak RSS {} MB", peak_rss_mb());
}

#[tokio::test]
async fn endless_chunked_body_stops_at_the_cap() {
    let srv = serve(|s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
        let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "1".repeat(64 * 1024));
        while s.write_all(chunk.as_bytes()).is_ok() {}
    });
    // The default cap (32 MiB) ...
    let ot = client_with(&srv.url(), |_| {});
    let t = Instant::now();
    let e = get(&ot).await.unwrap_err();
    assert!(matches!(e, Error::Decode(_)), "{e}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(peak_rss_mb() < 200, "peak RSS {} MB", peak_rss_mb());
    // ... and a configured one, through the JSON options bindings pass.
    let small = OpenTok::from_json(json!({
        "api_key": KEY, "api_secret": SECRET, "api_url": srv.url(), "max_response_bytes": 100_000,
    }))
    .unwrap();
    let e = get(&small).await.unwrap_err();
    assert!(e.to_string().contains("100000-byte limit"), "{e}");
    let bad = OpenTok::from_json(json!({
        "api_key": KEY, "api_secret": SECRET, "max_response_bytes": 0,
    }));
    assert_eq!(bad.unwrap_err().field(), Some("max_response_bytes"));
}

#[tokio::test]
async fn a_body_within_the_cap_is_read() {
    let srv = serve(|s, _| respond(s, "200 OK", "", OK_BODY));
    let ot = client_with(&srv.url(), |c| c.max_response_bytes = OK_BODY.len());
    assert_eq!(get(&ot).await.unwrap()["count"], 0);
}

#[tokio::test]
async fn timeout_bounds_the_whole_call_retries_included() {
    // Every attempt gets a 503 after 800 ms: with per-attempt timeouts this took 3 x 0.8 s + delays.
    let srv = serve(|s, _| {
        std::thread::sleep(Duration::from_millis(800));
        respond(s, "503 Service Unavailable", "", "{}");
    });
    let ot = client_with(&srv.url(), |c| {
        c.timeout = Duration::from_secs(2);
        c.retry.max_retries = 10;
    });
    let t = Instant::now();
    let e = get(&ot).await.unwrap_err();
    let took = t.elapsed();
    assert!(took < Duration::from_millis(2500), "{took:?}");
    assert!(took >= Duration::from_millis(1500), "{took:?}");
    assert!(matches!(e, Error::Timeout(_) | Error::Api(_)), "{e}");
}

#[tokio::test]
async fn silent_and_half_answering_servers_time_out_within_the_budget() {
    let silent = serve(|s, _| hold(s));
    let half = serve(|s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"count\":");
        hold(s);
    });
    for srv in [&silent, &half] {
        let ot = client_with(&srv.url(), |c| c.timeout = Duration::from_secs(2));
        let t = Instant::now();
        let e = get(&ot).await.unwrap_err();
        assert!(matches!(e, Error::Timeout(_)), "{e}");
        let took = t.elapsed();
        assert!(
            took >= Duration::from_millis(1900) && took < Duration::from_millis(2500),
            "{took:?}"
        );
        assert_eq!(srv.requests(), 1, "a timeout uses the whole budget");
    }
    // Half an answer and then a closed connection: a network error.
    let cut = serve(|s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"count\":");
        let _ = s.shutdown(std::net::Shutdown::Both);
    });
    let ot = client_with(&cut.url(), |_| {});
    let e = post(&ot).await.unwrap_err();
    assert!(matches!(e, Error::Network(_)), "{e}");
    assert_eq!(cut.requests(), 1, "a POST is not re-sent");
}

#[tokio::test]
async fn retry_after_is_honoured_within_the_budget_or_returned_at_once() {
    let long = serve(|s, _| respond(s, "429 Too Many Requests", "retry-after: 60\r\n", "{}"));
    let ot = client_with(&long.url(), |c| c.timeout = Duration::from_secs(20));
    let t = Instant::now();
    match get(&ot).await.unwrap_err() {
        Error::RateLimited { retry_after, .. } => assert_eq!(retry_after, Some(60)),
        other => panic!("{other}"),
    }
    assert!(
        t.elapsed() < Duration::from_millis(500),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(long.requests(), 1);

    // A short Retry-After that fits is waited for in full (no longer cut to max_delay = 50 ms).
    let n = Arc::new(AtomicUsize::new(0));
    let n2 = n.clone();
    let short = serve(move |s, _| {
        if n2.fetch_add(1, Ordering::SeqCst) == 0 {
            respond(s, "503 Service Unavailable", "retry-after: 1\r\n", "{}");
        } else {
            respond(s, "200 OK", "", OK_BODY);
        }
    });
    let ot = client_with(&short.url(), |_| {});
    let t = Instant::now();
    get(&ot).await.unwrap();
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "{:?}",
        t.elapsed()
    );

    // An HTTP-date Retry-After is read too.
    let date = httpdate_in(30);
    let dated = serve(move |s, _| {
        respond(
            s,
            "429 Too Many Requests",
            &format!("retry-after: {date}\r\n"),
            "{}",
        )
    });
    let ot = client_with(&dated.url(), |c| c.timeout = Duration::from_secs(5));
    match get(&ot).await.unwrap_err() {
        Error::RateLimited { retry_after, .. } => {
            let s = retry_after.unwrap();
            assert!((28..=31).contains(&s), "{s}");
        }
        other => panic!("{other}"),
    }
}

fn httpdate_in(secs: u64) -> String {
    let t = std::time::SystemTime::now() + Duration::from_secs(secs);
    // RFC 7231 IMF-fixdate, built by hand to avoid a test dependency.
    let since = t.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let (days, rem) = (since / 86400, since % 86400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    // Civil-from-days (Howard Hinnant).
    let z = days as i64 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    let wd = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(mo - 1) as usize];
    format!("{wd}, {d:02} {mon} {y} {h:02}:{m:02}:{s:02} GMT")
}

// ---------------------------------------------------------------------------------------------
// Item 6: redirects and echoes.

#[tokio::test]
async fn redirects_never_carry_credentials_elsewhere_and_never_turn_a_post_into_success() {
    let elsewhere = serve(|s, _| respond(s, "200 OK", "", OK_BODY));
    let target = elsewhere.url();
    let redirector = serve(move |s, head| {
        if head.starts_with("GET /here") {
            respond(s, "200 OK", "", OK_BODY);
        } else if head.starts_with("GET /v2/project/123456/archive?") && head.contains("count=7") {
            respond(s, "301 Moved Permanently", "location: /here\r\n", "");
        } else {
            respond(
                s,
                "302 Found",
                &format!("location: {target}/stolen\r\n"),
                "",
            );
        }
    });
    let ot = client_with(&redirector.url(), |_| {});
    // GET to another port: not followed.
    let e = get(&ot).await.unwrap_err();
    assert_eq!(e.status(), Some(302), "{e}");
    assert!(e.to_string().contains("not followed"), "{e}");
    // POST redirected: an error, never success.
    let e = post(&ot).await.unwrap_err();
    assert_eq!(e.status(), Some(302), "{e}");
    assert_eq!(elsewhere.requests(), 0, "nothing went to the other host");
    // Same-origin GET redirect: followed, with the auth header.
    let v = call(&ot, "list_archives", json!({"count": 7}))
        .await
        .unwrap();
    assert_eq!(v["count"], 0);
    let heads = redirector.heads.lock().unwrap().clone();
    let last = heads.last().unwrap();
    assert!(last.starts_with("GET /here"), "{last}");
    assert!(
        last.to_ascii_lowercase().contains("x-opentok-auth:"),
        "{last}"
    );
}

#[tokio::test]
async fn credentials_in_api_url_are_redacted_everywhere() {
    // Nothing listens on this port (bound, then dropped).
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://user:hunter2@127.0.0.1:{port}");
    let ot = client_with(&url, |c| c.retry.max_retries = 0);
    assert!(!format!("{ot:?}").contains("hunter2"));
    assert_eq!(ot.display_url(), format!("http://***@127.0.0.1:{port}"));
    assert_eq!(ot.api_url(), url, "the configured value stays readable");
    let cfg = Config {
        api_url: Some(url.clone()),
        ..Default::default()
    };
    assert!(!format!("{cfg:?}").contains("hunter2"));
    let e = get(&ot).await.unwrap_err();
    assert!(matches!(e, Error::Network(_)), "{e}");
    assert!(!e.to_string().contains("hunter2"), "{e}");
    assert!(!e.to_json().to_string().contains("hunter2"), "{e}");
    // A silent server: the timeout message too.
    let silent = serve(|s, _| hold(s));
    let ot = client_with(&format!("http://u:hunter2@{}", silent.addr), |c| {
        c.timeout = Duration::from_millis(300)
    });
    let e = get(&ot).await.unwrap_err();
    assert!(!e.to_string().contains("hunter2"), "{e}");
    // The user-info is still sent, as Basic auth (what the URL asks for).
    let seen = serve(|s, _| respond(s, "200 OK", "", OK_BODY));
    let ot = client_with(&format!("http://u:hunter2@{}", seen.addr), |_| {});
    get(&ot).await.unwrap();
    let head = seen.heads.lock().unwrap()[0].to_ascii_lowercase();
    assert!(head.contains("authorization: basic"), "{head}");
}

// ---------------------------------------------------------------------------------------------
// Item 5 and the TLS half of item 4: private CA, trust store, final TLS failures.

struct Pki {
    ca_pem: String,
    server: Arc<rustls::ServerConfig>,
}

fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, SanType};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "opentok-rs test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    leaf.subject_alt_names
        .push(SanType::IpAddress([127, 0, 0, 1].into()));
    let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf_cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .unwrap();
    Pki {
        ca_pem: ca_cert.pem(),
        server: Arc::new(server),
    }
}

/// An HTTPS server answering every request with `OK_BODY`; counts TLS handshakes attempted.
fn serve_tls(config: Arc<rustls::ServerConfig>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let conns = Arc::new(AtomicUsize::new(0));
    let heads = Arc::new(Mutex::new(Vec::new()));
    let (c, h) = (conns.clone(), heads.clone());
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(sock) = sock else { continue };
            c.fetch_add(1, Ordering::SeqCst);
            let (h, config) = (h.clone(), config.clone());
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, sock);
                while let Some(head) = read_head(&mut tls) {
                    h.lock().unwrap().push(head);
                    let r = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{OK_BODY}",
                        OK_BODY.len()
                    );
                    if tls.write_all(r.as_bytes()).is_err() || tls.flush().is_err() {
                        break;
                    }
                }
            });
        }
    });
    Server { addr, conns, heads }
}

#[tokio::test]
async fn private_ca_through_ca_bundle_pem_or_path_and_untrusted_is_final() {
    let pki = pki();
    let srv = serve_tls(pki.server.clone());
    let url = format!("https://127.0.0.1:{}", srv.addr.port());

    // Not trusted: a network error naming TLS, after exactly one handshake (GET, 2 retries allowed).
    let ot = client_with(&url, |_| {});
    let e = get(&ot).await.unwrap_err();
    assert!(matches!(e, Error::Network(_)), "{e}");
    assert!(e.to_string().contains("TLS"), "{e}");
    assert_eq!(
        srv.conns.load(Ordering::SeqCst),
        1,
        "TLS failures are not retried"
    );

    // Trusted through ca_bundle as PEM text ...
    let ot = client_with(&url, |c| c.ca_bundle = Some(pki.ca_pem.clone()));
    assert_eq!(get(&ot).await.unwrap()["count"], 0);
    // ... as a file path, through the JSON options ...
    let dir = std::env::temp_dir().join(format!("opentok-ca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ca.pem");
    std::fs::write(&file, &pki.ca_pem).unwrap();
    let ot = OpenTok::from_json(json!({
        "api_key": KEY, "api_secret": SECRET, "api_url": url, "ca_bundle": file.to_str().unwrap(),
    }))
    .unwrap();
    assert_eq!(get(&ot).await.unwrap()["count"], 0);
    // ... and as a directory of PEM files.
    let ot = client_with(&url, |c| {
        c.ca_bundle = Some(dir.to_str().unwrap().to_owned())
    });
    assert_eq!(get(&ot).await.unwrap()["count"], 0);

    // A bundle that holds nothing usable names the field.
    for bad in [
        "/nonexistent/ca.pem",
        "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n",
    ] {
        let e = OpenTok::with_config(
            Credentials::project(KEY, SECRET).unwrap(),
            Config {
                ca_bundle: Some(bad.into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("ca_bundle"), "{e}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs test `name` of this binary in a child process with `env`; returns its combined output.
fn run_child(name: &str, env: &[(&str, String)]) -> String {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env("OPENTOK_TRANSPORT_CHILD", name);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child {name} failed:\n{text}");
    assert!(
        text.contains("1 passed"),
        "child {name} did not run:\n{text}"
    );
    text
}

fn is_child(name: &str) -> bool {
    std::env::var("OPENTOK_TRANSPORT_CHILD").as_deref() == Ok(name)
}

#[test]
fn private_ca_through_ssl_cert_file() {
    if std::env::var_os("OPENTOK_TRANSPORT_CHILD").is_some() {
        return;
    }
    let pki = pki();
    let srv = serve_tls(pki.server.clone());
    let file =
        std::env::temp_dir().join(format!("opentok-ssl-cert-file-{}.pem", std::process::id()));
    std::fs::write(&file, &pki.ca_pem).unwrap();
    let url = format!("https://127.0.0.1:{}", srv.addr.port());
    run_child(
        "child_ssl_cert_file",
        &[
            ("SSL_CERT_FILE", file.to_str().unwrap().to_owned()),
            ("OPENTOK_TEST_URL", url.clone()),
        ],
    );
    let _ = std::fs::remove_file(&file);
    assert_eq!(srv.requests(), 1);
    // SSL_CERT_DIR: a directory holding the CA (colon-separated list, as OpenSSL reads it).
    let dir = std::env::temp_dir().join(format!("opentok-ssl-cert-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ca.pem"), &pki.ca_pem).unwrap();
    run_child(
        "child_ssl_cert_file",
        &[
            ("SSL_CERT_DIR", format!("/nonexistent:{}", dir.display())),
            ("OPENTOK_TEST_URL", url),
        ],
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(srv.requests(), 2);
}

#[test]
fn child_ssl_cert_file() {
    if !is_child("child_ssl_cert_file") {
        return;
    }
    let url = std::env::var("OPENTOK_TEST_URL").unwrap();
    let ot = client_with(&url, |_| {});
    let v = opentok_core::rt::block_on(get(&ot)).unwrap().unwrap();
    assert_eq!(v["count"], 0);
}

// ---------------------------------------------------------------------------------------------
// Item 2: fork safety of the pooled client and the runtime.

#[test]
fn fork_then_call_gets_a_fresh_pool() {
    if std::env::var_os("OPENTOK_TRANSPORT_CHILD").is_some() {
        return;
    }
    let out = run_child("child_fork_driver", &[]);
    assert!(
        out.contains("child call took") && out.contains("parent ok after fork"),
        "{out}"
    );
}

#[test]
fn child_fork_driver() {
    if !is_child("child_fork_driver") {
        return;
    }
    // The emulator on its own runtime (it keeps serving in the parent).
    let emu_rt = tokio::runtime::Runtime::new().unwrap();
    let emu = emu_rt
        .block_on(opentok_emulator::Emulator::start(
            opentok_emulator::Config::default(),
        ))
        .unwrap();
    let ot = client_with(&emu.url(), |c| c.timeout = Duration::from_secs(5));
    // Use the client: the pool now holds a kept-alive connection bound to the runtime's reactor.
    for _ in 0..3 {
        opentok_core::rt::block_on(get(&ot)).unwrap().unwrap();
    }
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // Child: only this thread exists. Any panic must not unwind into the test harness.
        let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let t = Instant::now();
            let first = opentok_core::rt::block_on(get(&ot));
            let took = t.elapsed();
            let second = opentok_core::rt::block_on(post(&ot));
            match (first, second) {
                (Ok(Ok(_)), Ok(Ok(_))) if took < Duration::from_secs(1) => {
                    eprintln!("child call took {took:?}");
                    0
                }
                (a, b) => {
                    eprintln!("child failed after {took:?}: {a:?} / {b:?}");
                    1
                }
            }
        }))
        .unwrap_or(2);
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if r == pid {
            break;
        }
        assert!(Instant::now() < deadline, "forked child did not finish");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(libc::WIFEXITED(status), "child status {status}");
    assert_eq!(
        libc::WEXITSTATUS(status),
        0,
        "forked child failed (see its stderr)"
    );
    // The parent's pool still works.
    opentok_core::rt::block_on(get(&ot)).unwrap().unwrap();
    eprintln!("parent ok after fork");
}
