//! `opentok callback listen` and `opentok callback verify`: receive, verify and print the callbacks
//! the service (or `opentok emulator --callback-url …`) sends.

use clap::Args;
use opentok_core::events::webhook_json;
use serde_json::{json, Value};
use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// `opentok callback listen`
#[derive(Args, Debug)]
pub struct ListenArgs {
    /// Port to listen on (0 = a free one; the URL is printed on the first line of stdout).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Verify each callback with this signature secret (unsigned callbacks are then refused).
    #[arg(
        long,
        env = "OPENTOK_SIGNATURE_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub signature_secret: Option<String>,
    /// Allowed clock skew for the token's exp/iat, in seconds.
    #[arg(long, default_value_t = 60)]
    pub leeway: u64,
    /// Exit after this many verified events.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
}

/// `opentok callback verify`
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// File with the raw request body (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub body: PathBuf,
    /// The Authorization header's value (the JWT, with or without `Bearer `).
    #[arg(long, value_name = "JWT")]
    pub authorization: Option<String>,
    /// The project's signature secret.
    #[arg(
        long,
        env = "OPENTOK_SIGNATURE_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub signature_secret: String,
    /// Allowed clock skew for the token's exp/iat, in seconds.
    #[arg(long, default_value_t = 60)]
    pub leeway: u64,
    /// Check against this time (Unix seconds) instead of the clock.
    #[arg(long, value_name = "SECS")]
    pub now: Option<i64>,
    /// Pretty-print the event.
    #[arg(long)]
    pub pretty: bool,
}

fn event_line(out: &Value) -> Value {
    json!({
        "type": out["type"], "fields": out["fields"], "raw": out["raw"],
        "verified": out["verified"], "claims": out["claims"],
    })
}

/// Runs `opentok callback verify`: 0 and the event on stdout, 1 and the reason on stderr.
pub fn verify(a: VerifyArgs) -> ExitCode {
    let body = if a.body.as_os_str() == "-" {
        let mut buf = Vec::new();
        match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            Ok(_) => buf,
            Err(e) => {
                eprintln!(
                    "opentok: error [invalid_argument]: cannot read stdin: {e}\n  field: body"
                );
                return ExitCode::from(2);
            }
        }
    } else {
        match std::fs::read(&a.body) {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "opentok: error [invalid_argument]: cannot read {}: {e}\n  field: body",
                    a.body.display()
                );
                return ExitCode::from(2);
            }
        }
    };
    let headers = match &a.authorization {
        Some(t) => json!([["Authorization", t]]),
        None => json!([]),
    };
    let out: Value = serde_json::from_str(&webhook_json(
        &body,
        &headers.to_string(),
        Some(&a.signature_secret),
        a.leeway as f64,
        a.now.map(|n| n as f64),
    ))
    .unwrap_or(Value::Null);
    if out["ok"] == true {
        let line = event_line(&out);
        let text = if a.pretty {
            serde_json::to_string_pretty(&line)
        } else {
            serde_json::to_string(&line)
        }
        .unwrap_or_default();
        println!("{text}");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "opentok: callback refused [{}]: {}",
            out["error"]["code"].as_str().unwrap_or("error"),
            out["error"]["message"].as_str().unwrap_or("")
        );
        ExitCode::from(1)
    }
}

struct Listener {
    secret: Option<String>,
    leeway: u64,
    count: Option<u64>,
    seen: AtomicU64,
    done: tokio::sync::Notify,
}

async fn receive(
    axum::extract::State(l): axum::extract::State<Arc<Listener>>,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
    body: bytes::Bytes,
) -> (axum::http::StatusCode, String) {
    let pairs: Vec<Value> = headers
        .iter()
        .map(|(k, v)| json!([k.as_str(), String::from_utf8_lossy(v.as_bytes())]))
        .collect();
    let out: Value = serde_json::from_str(&webhook_json(
        &body,
        &Value::Array(pairs).to_string(),
        l.secret.as_deref(),
        l.leeway as f64,
        None,
    ))
    .unwrap_or(Value::Null);
    if out["ok"] == true {
        let mut line = event_line(&out);
        line["path"] = json!(uri.path());
        {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{line}");
            let _ = stdout.flush();
        }
        let n = l.seen.fetch_add(1, Ordering::SeqCst) + 1;
        if l.count.is_some_and(|c| n >= c) {
            l.done.notify_one();
        }
        (axum::http::StatusCode::OK, String::new())
    } else {
        let err = &out["error"];
        eprintln!(
            "{}",
            json!({"refused": err["code"], "message": err["message"], "path": uri.path()})
        );
        let status = if err["code"] == "invalid_body" {
            axum::http::StatusCode::BAD_REQUEST
        } else {
            axum::http::StatusCode::UNAUTHORIZED
        };
        (
            status,
            format!("{}\n", err["code"].as_str().unwrap_or("refused")),
        )
    }
}

/// Runs `opentok callback listen` until interrupted (or `--count` events).
pub async fn listen(a: ListenArgs) -> Result<(), std::io::Error> {
    let state = Arc::new(Listener {
        secret: a.signature_secret.filter(|s| !s.is_empty()),
        leeway: a.leeway,
        count: a.count,
        seen: AtomicU64::new(0),
        done: tokio::sync::Notify::new(),
    });
    let app = axum::Router::new()
        .fallback(axum::routing::post(receive))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(a.host, a.port)).await?;
    let addr = listener.local_addr()?;
    {
        let mut out = std::io::stdout().lock();
        out.write_all(format!("http://{addr}/\n").as_bytes())?;
        out.flush()?;
    }
    let done = state.clone();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            if done.count.is_some() {
                done.done.notified().await;
            } else {
                std::future::pending::<()>().await;
            }
        })
        .await
}
