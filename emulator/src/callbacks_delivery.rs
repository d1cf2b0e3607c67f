//! Delivering callbacks to users' servers: one queue per target URL (so events reach each target in
//! order), signed with the signature secret when one is set, retried with exponential backoff on a
//! network error or a non-2xx answer, up to a bound. Every delivery is kept in a log that
//! `GET /_emulator/callbacks` and the `/_emulator/` page show.
//!
//! Only loopback targets (`127.0.0.0/8`, `::1`, `localhost`) are called unless
//! [`CallbackConfig::allow_remote`] is set (`--allow-remote-callbacks`); others are logged as
//! `refused`.

use crate::ids;
use crate::sync::lock;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;
use tokio::sync::mpsc;

/// How many deliveries the log keeps (oldest dropped first).
pub const MAX_LOGGED: usize = 2_000;
/// Pending deliveries per target before new ones are dropped (logged as `dropped`).
pub const QUEUE_BOUND: usize = 1_024;

/// Where and how callbacks are delivered.
#[derive(Clone)]
pub struct CallbackConfig {
    /// URLs that receive every event (besides URLs registered through the project-callbacks API).
    pub urls: Vec<String>,
    /// Signs each request (`Authorization: Bearer <HS256 JWT>`) when set.
    pub signature_secret: Option<String>,
    /// Allows targets that are not loopback addresses.
    pub allow_remote: bool,
    /// Attempts per delivery (at least 1).
    pub max_attempts: u32,
    /// Delay before the first retry; doubled after each failure (capped at 5 s).
    pub backoff: Duration,
    /// Time allowed for one attempt.
    pub timeout: Duration,
}

impl Default for CallbackConfig {
    fn default() -> Self {
        CallbackConfig {
            urls: Vec::new(),
            signature_secret: None,
            allow_remote: false,
            max_attempts: 5,
            backoff: Duration::from_millis(200),
            timeout: Duration::from_secs(5),
        }
    }
}

impl std::fmt::Debug for CallbackConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackConfig")
            .field("urls", &self.urls)
            .field(
                "signature_secret",
                &self.signature_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("allow_remote", &self.allow_remote)
            .field("max_attempts", &self.max_attempts)
            .field("backoff", &self.backoff)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// `opentok emulator` / `opentok-emulator` flags for callbacks (flattened into the CLI options).
#[derive(Clone, Default, clap::Args)]
pub struct CallbackOptions {
    /// URL that receives every callback event (repeatable).
    #[arg(long = "callback-url", value_name = "URL")]
    pub callback_url: Vec<String>,
    /// Signs callbacks with this secret (HS256 JWT in the Authorization header).
    #[arg(
        long,
        env = "OPENTOK_SIGNATURE_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub signature_secret: Option<String>,
    /// Also deliver callbacks to non-loopback addresses.
    #[arg(long)]
    pub allow_remote_callbacks: bool,
    /// Attempts per callback delivery.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub callback_attempts: u32,
    /// Delay before the first retry, in milliseconds (doubled after each failure).
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub callback_backoff_ms: u64,
}

impl std::fmt::Debug for CallbackOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_config().fmt(f)
    }
}

impl CallbackOptions {
    /// The delivery configuration these flags describe.
    pub fn to_config(&self) -> CallbackConfig {
        CallbackConfig {
            urls: self.callback_url.clone(),
            signature_secret: self.signature_secret.clone().filter(|s| !s.is_empty()),
            allow_remote: self.allow_remote_callbacks,
            max_attempts: self.callback_attempts.max(1),
            backoff: Duration::from_millis(self.callback_backoff_ms),
            ..CallbackConfig::default()
        }
    }
}

/// One delivery (an event to one URL).
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Sequence number.
    pub id: u64,
    /// Target.
    pub url: String,
    /// Event kind (`connection`, `archive`, …).
    pub kind: String,
    /// Event name or status (`connectionCreated`, `available`, …).
    pub event: String,
    /// Session concerned.
    pub session_id: String,
    /// Exact body sent.
    pub body: String,
    /// Whether requests carry a signature.
    pub signed: bool,
    /// `pending`, `delivered`, `failed`, `refused` or `dropped`.
    pub status: &'static str,
    /// Attempts made.
    pub attempts: u32,
    /// What each attempt got: an HTTP status or an error.
    pub answers: Vec<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// Last change (ms).
    pub updated_at: i64,
}

impl Delivery {
    /// JSON form for `GET /_emulator/callbacks`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "url": self.url, "kind": self.kind, "event": self.event,
            "sessionId": self.session_id, "body": self.body, "signed": self.signed,
            "status": self.status, "attempts": self.attempts, "answers": self.answers,
            "createdAt": self.created_at, "updatedAt": self.updated_at,
        })
    }
}

/// Shared delivery state (one per emulator).
pub struct Deliveries {
    inner: Arc<Inner>,
    /// Serialises state-changing requests while callbacks are on, so each one's events are
    /// computed from its own before/after states.
    pub(crate) observe_lock: tokio::sync::Mutex<()>,
}

struct Inner {
    config: Mutex<CallbackConfig>,
    log: Mutex<VecDeque<Delivery>>,
    workers: Mutex<HashMap<String, mpsc::Sender<u64>>>,
    next_id: AtomicU64,
    client: reqwest::Client,
}

impl Default for Deliveries {
    fn default() -> Self {
        Deliveries::new(CallbackConfig::default())
    }
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliveries")
            .field("config", &*lock(&self.inner.config))
            .finish()
    }
}

/// Whether `url` points at this machine (loopback address or `localhost`).
pub fn is_loopback_url(url: &str) -> bool {
    let Ok(u) = reqwest::Url::parse(url) else {
        return false;
    };
    if !matches!(u.scheme(), "http" | "https") {
        return false;
    }
    match u.host_str() {
        Some(h) if h.eq_ignore_ascii_case("localhost") => true,
        Some(h) => h
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false),
        None => false,
    }
}

fn sign(secret: &str, api_key: &str, body: &str) -> Option<String> {
    let now = ids::now_ms() / 1000;
    let digest = ring::digest::digest(&ring::digest::SHA256, body.as_bytes());
    let hash: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    let claims = json!({
        "iss": "Vonage", "api_key": api_key, "iat": now, "exp": now + 300,
        "jti": ids::uuid_v4(), "payload_hash": hash,
    });
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .ok()
}

impl Deliveries {
    /// A dispatcher with this configuration.
    pub fn new(config: CallbackConfig) -> Self {
        let client = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Deliveries {
            inner: Arc::new(Inner {
                config: Mutex::new(config),
                log: Mutex::new(VecDeque::new()),
                workers: Mutex::new(HashMap::new()),
                next_id: AtomicU64::new(0),
                client,
            }),
            observe_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> CallbackConfig {
        lock(&self.inner.config).clone()
    }

    /// Replaces the configuration.
    pub fn set_config(&self, config: CallbackConfig) {
        *lock(&self.inner.config) = config;
    }

    /// The configured URLs (cheap check for "are callbacks on").
    pub fn has_urls(&self) -> bool {
        !lock(&self.inner.config).urls.is_empty()
    }

    /// The log, oldest first.
    pub fn log(&self) -> Vec<Delivery> {
        lock(&self.inner.log).iter().cloned().collect()
    }

    /// Empties the log.
    pub fn clear_log(&self) {
        lock(&self.inner.log).clear();
    }

    /// Queues `body` (an event of `kind`/`event` about `session_id`) for `url`. Needs a tokio
    /// runtime (it spawns the target's worker on first use).
    pub fn enqueue(&self, url: &str, kind: &str, event: &str, session_id: &str, body: String) {
        let config = self.config();
        let id = self.inner.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let now = ids::now_ms();
        let mut d = Delivery {
            id,
            url: url.to_string(),
            kind: kind.to_string(),
            event: event.to_string(),
            session_id: session_id.to_string(),
            body,
            signed: config.signature_secret.is_some(),
            status: "pending",
            attempts: 0,
            answers: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        if !config.allow_remote && !is_loopback_url(url) {
            d.status = "refused";
            d.answers
                .push("not a loopback address (start with --allow-remote-callbacks)".into());
            self.push_log(d);
            return;
        }
        self.push_log(d);
        let sender = {
            let mut workers = lock(&self.inner.workers);
            workers
                .entry(url.to_string())
                .or_insert_with(|| {
                    let (tx, rx) = mpsc::channel(QUEUE_BOUND);
                    let weak = Arc::downgrade(&self.inner);
                    tokio::spawn(worker(weak, url.to_string(), rx));
                    tx
                })
                .clone()
        };
        if sender.try_send(id).is_err() {
            self.update(id, |d| {
                d.status = "dropped";
                d.answers.push("queue full".into());
            });
        }
    }

    fn push_log(&self, d: Delivery) {
        let mut log = lock(&self.inner.log);
        if log.len() >= MAX_LOGGED {
            log.pop_front();
        }
        log.push_back(d);
    }

    fn update(&self, id: u64, f: impl FnOnce(&mut Delivery)) {
        update(&self.inner, id, f);
    }
}

fn update(inner: &Inner, id: u64, f: impl FnOnce(&mut Delivery)) {
    let mut log = lock(&inner.log);
    if let Some(d) = log.iter_mut().find(|d| d.id == id) {
        f(d);
        d.updated_at = ids::now_ms();
    }
}

async fn worker(inner: Weak<Inner>, url: String, mut rx: mpsc::Receiver<u64>) {
    while let Some(id) = rx.recv().await {
        let Some(strong) = inner.upgrade() else {
            return;
        };
        deliver(&strong, &url, id).await;
    }
}

async fn deliver(inner: &Inner, url: &str, id: u64) {
    let Some((body, api_key)) = ({
        let log = lock(&inner.log);
        log.iter().find(|d| d.id == id).map(|d| {
            let key = serde_json::from_str::<Value>(&d.body)
                .ok()
                .and_then(|v| {
                    v.get("projectId")
                        .or_else(|| v.get("applicationId"))
                        .map(|p| match p {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                })
                .unwrap_or_default();
            (d.body.clone(), key)
        })
    }) else {
        return;
    };
    let config = lock(&inner.config).clone();
    let mut delay = config.backoff;
    for attempt in 1..=config.max_attempts.max(1) {
        let mut req = inner
            .client
            .post(url)
            .timeout(config.timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "opentok-emulator-callbacks")
            .body(body.clone());
        if let Some(secret) = &config.signature_secret {
            if let Some(jwt) = sign(secret, &api_key, &body) {
                req = req.header("Authorization", format!("Bearer {jwt}"));
            }
        }
        let answer = match req.send().await {
            Ok(resp) => {
                let status = resp.status();
                let _ = resp.bytes().await;
                Ok(status)
            }
            Err(e) => Err(if e.is_timeout() {
                "error: timed out".to_string()
            } else if e.is_connect() {
                "error: connection failed".to_string()
            } else {
                "error: request failed".to_string()
            }),
        };
        let done = matches!(&answer, Ok(s) if s.is_success());
        let last = attempt == config.max_attempts.max(1);
        update(inner, id, |d| {
            d.attempts = attempt;
            d.answers.push(match &answer {
                Ok(s) => s.as_u16().to_string(),
                Err(e) => e.clone(),
            });
            d.status = if done {
                "delivered"
            } else if last {
                "failed"
            } else {
                "pending"
            };
        });
        if done || last {
            return;
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
}
