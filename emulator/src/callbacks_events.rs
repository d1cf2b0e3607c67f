//! Which callbacks the emulator sends, and when: every state-changing request (REST or admin) is
//! observed; the state before and after it is compared, and each change becomes the event the
//! service would send — a connection or stream appears or goes away (session monitoring), an
//! archive, broadcast, Experience Composer or captions status changes, a SIP call or an Audio
//! Connector connection starts or ends. Nothing is compared (and nothing costs anything) while no
//! callback URL is configured or registered.
//!
//! Admin routes added here: `GET|DELETE /_emulator/callbacks` (the delivery log),
//! `PUT /_emulator/callbacks/config`, `DELETE /_emulator/sessions/{sid}/connections/{cid}` (a client
//! leaves), `DELETE /_emulator/sessions/{sid}/streams/{id}` (unpublish), and
//! `POST /_emulator/renders/{id}` / `POST /_emulator/captions/{id}` with `{status, reason}`.

use crate::callbacks_delivery::{CallbackConfig, Deliveries};
use crate::error::{no_content, ok_json, parse_json, ApiError, ApiResult};
use crate::ids;
use crate::state::{lock, AppState, Data};
use crate::validate::one_of;
use axum::extract::{Path, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use axum::Router;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

/// One thing the diff looks at.
#[derive(Clone)]
struct Item {
    /// `connection`, `stream`, `archive`, `broadcast`, `render`, `captions`, `sip_call`,
    /// `audio_connector`.
    kind: &'static str,
    /// Status (or `present`).
    status: String,
    /// Project (api key or application id).
    project: String,
    session: String,
    /// Current wire form (for status kinds) or the facts needed to build the event.
    payload: Value,
}

type Snapshot = Vec<(String, Item)>;

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn snapshot(data: &Data) -> Snapshot {
    let mut out = Vec::new();
    let mut sessions: Vec<_> = data.sessions.values().collect();
    sessions.sort_by_key(|x| x.created_at);
    for sess in &sessions {
        for c in &sess.connections {
            out.push((
                format!("connection:{}:{}", sess.id, c.id),
                Item {
                    kind: "connection",
                    status: "present".into(),
                    project: sess.project_id.clone(),
                    session: sess.id.clone(),
                    payload: json!({
                        "id": c.id, "createdAt": c.created_at, "data": c.data,
                        "forced": sess.disconnected.contains(&c.id),
                    }),
                },
            ));
        }
        for st in &sess.streams {
            let conn = sess.connections.iter().find(|c| c.id == st.connection_id);
            out.push((
                format!("stream:{}:{}", sess.id, st.id),
                Item {
                    kind: "stream",
                    status: "present".into(),
                    project: sess.project_id.clone(),
                    session: sess.id.clone(),
                    payload: json!({
                        "id": st.id,
                        "connection": {
                            "id": st.connection_id,
                            "createdAt": conn.map(|c| c.created_at),
                            "data": conn.and_then(|c| c.data.clone()),
                        },
                        "name": st.name, "videoType": st.video_type,
                    }),
                },
            ));
        }
    }
    for a in &data.archives {
        let mut v = a.to_json(false);
        v["event"] = json!("archive");
        out.push((
            format!("archive:{}", a.id),
            Item {
                kind: "archive",
                status: a.status.clone(),
                project: a.project_id.clone(),
                session: a.session_id.clone(),
                payload: v,
            },
        ));
    }
    for b in &data.broadcasts {
        let mut v = b.to_json();
        v["event"] = json!("broadcast");
        out.push((
            format!("broadcast:{}", b.id),
            Item {
                kind: "broadcast",
                status: b.status.clone(),
                project: b.project_id.clone(),
                session: b.session_id.clone(),
                payload: v,
            },
        ));
    }
    for r in &data.renders {
        out.push((
            format!("render:{}", s(r, "id")),
            Item {
                kind: "render",
                status: s(r, "status"),
                project: first_nonempty(&[s(r, "projectId"), s(r, "applicationId")]),
                session: s(r, "sessionId"),
                payload: r.clone(),
            },
        ));
    }
    for c in &data.captions {
        let mut v = c.clone();
        v["group"] = json!("captions");
        out.push((
            format!("captions:{}", s(c, "captionId")),
            Item {
                kind: "captions",
                status: s(c, "status"),
                project: first_nonempty(&[s(c, "projectId"), s(c, "applicationId")]),
                session: s(c, "sessionId"),
                payload: v,
            },
        ));
    }
    for call in &data.sip_calls {
        let sid = s(call, "sessionId");
        let cid = s(call, "connectionId");
        let conn = data
            .sessions
            .get(&sid)
            .and_then(|x| x.connections.iter().find(|c| c.id == cid));
        let live = conn.is_some();
        out.push((
            format!("sip_call:{}", s(call, "id")),
            Item {
                kind: "sip_call",
                status: if live { "connected" } else { "ended" }.into(),
                project: s(call, "projectId"),
                session: sid,
                payload: json!({
                    "call": { "id": call["id"], "createdAt": call["createdAt"],
                              "connectionId": call["connectionId"] },
                    "connection": { "id": call["connectionId"],
                                    "createdAt": conn.map(|c| c.created_at),
                                    "data": conn.and_then(|c| c.data.clone()) },
                }),
            },
        ));
    }
    for ac in &data.audio_connectors {
        let active = ac["active"] == json!(true);
        out.push((
            format!("audio_connector:{}", s(ac, "id")),
            Item {
                kind: "audio_connector",
                status: if active { "connected" } else { "disconnected" }.into(),
                project: s(ac, "projectId"),
                session: s(ac, "sessionId"),
                payload: json!({ "id": ac["id"], "connectionId": ac["connectionId"] }),
            },
        ));
    }
    out
}

fn first_nonempty(xs: &[String]) -> String {
    xs.iter()
        .find(|x| !x.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// An event to send: kind, name (event or status), project, session and body.
struct Outgoing {
    kind: &'static str,
    name: String,
    project: String,
    session: String,
    body: Value,
}

fn project_value(p: &str) -> Value {
    crate::state::project_id_value(p)
}

fn monitoring(item: &Item, event: &str, reason: Option<&str>) -> Outgoing {
    let now = ids::now_ms();
    let mut body = json!({
        "sessionId": item.session,
        "projectId": item.project,
        "event": event,
        "timestamp": now,
    });
    if let Some(r) = reason {
        body["reason"] = json!(r);
    }
    match item.kind {
        "connection" => {
            body["connection"] = json!({
                "id": item.payload["id"], "createdAt": item.payload["createdAt"],
                "data": item.payload["data"],
            });
        }
        "stream" => {
            let mut st = item.payload.clone();
            st["createdAt"] = json!(now);
            body["stream"] = st;
        }
        _ => {
            body["call"] = item.payload["call"].clone();
            body["connection"] = item.payload["connection"].clone();
        }
    }
    Outgoing {
        kind: if item.kind == "sip_call" {
            "sip_call"
        } else {
            item.kind
        },
        name: event.to_string(),
        project: item.project.clone(),
        session: item.session.clone(),
        body,
    }
}

fn status_event(item: &Item) -> Outgoing {
    let mut body = item.payload.clone();
    if item.kind == "audio_connector" {
        let connected = item.status == "connected";
        body = json!({
            "id": item.payload["id"],
            "group": "audioConnector",
            "event": if connected { "websocketConnected" } else { "websocketDisconnected" },
            "status": item.status,
            "sessionId": item.session,
            "projectId": project_value(&item.project),
            "connectionId": item.payload["connectionId"],
            "timestamp": ids::now_ms(),
        });
    }
    Outgoing {
        kind: item.kind,
        name: item.status.clone(),
        project: item.project.clone(),
        session: item.session.clone(),
        body,
    }
}

/// The events that turn `before` into `after`, in the order a client would see them.
fn diff(before: &Snapshot, after: &Snapshot) -> Vec<Outgoing> {
    let old: HashMap<&str, &Item> = before.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let new: HashMap<&str, &Item> = after.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut created_conn = Vec::new();
    let mut created_stream = Vec::new();
    let mut status = Vec::new();
    let mut gone_stream = Vec::new();
    let mut gone_conn = Vec::new();
    for (key, item) in after {
        match (item.kind, old.get(key.as_str())) {
            ("connection", None) => created_conn.push(monitoring(item, "connectionCreated", None)),
            ("stream", None) => created_stream.push(monitoring(item, "streamCreated", None)),
            ("connection" | "stream", Some(_)) => {}
            ("sip_call", None) => status.push(monitoring(item, "callCreated", None)),
            ("sip_call", Some(prev)) if prev.status != item.status => {
                status.push(monitoring(prev, "callDestroyed", Some("bye")))
            }
            ("sip_call", Some(_)) => {}
            (_, None) => status.push(status_event(item)),
            (_, Some(prev)) if prev.status != item.status => status.push(status_event(item)),
            _ => {}
        }
    }
    for (key, item) in before {
        if new.contains_key(key.as_str()) {
            continue;
        }
        let forced = item.payload["forced"] == json!(true);
        match item.kind {
            "connection" => gone_conn.push(monitoring(
                item,
                "connectionDestroyed",
                Some(if forced {
                    "forceDisconnected"
                } else {
                    "clientDisconnected"
                }),
            )),
            "stream" => gone_stream.push(monitoring(
                item,
                "streamDestroyed",
                Some("clientDisconnected"),
            )),
            _ => {}
        }
    }
    let mut out = created_conn;
    out.extend(created_stream);
    out.extend(status);
    out.extend(gone_stream);
    out.extend(gone_conn);
    out
}

/// Registered project callbacks (`POST /v2/project/{key}/callback`) that want this event.
fn registered_targets(data: &Data, ev: &Outgoing) -> Vec<String> {
    let name = ev.name.to_ascii_lowercase();
    data.callbacks
        .iter()
        .filter(|c| {
            let pid = match &c["projectId"] {
                Value::String(x) => x.clone(),
                other => other.to_string(),
            };
            pid == ev.project
        })
        .filter_map(|c| {
            let cb = &c["callback"];
            let group = cb["group"].as_str().unwrap_or("");
            let event = cb["event"].as_str().unwrap_or("").to_ascii_lowercase();
            let wants = match group {
                "archive" => ev.kind == "archive",
                "broadcast" => ev.kind == "broadcast",
                "connection" | "stream" => {
                    ev.kind == group && (event.is_empty() || name.ends_with(&event))
                }
                "sessionMonitoring" => matches!(ev.kind, "connection" | "stream" | "session"),
                _ => false,
            };
            if wants {
                cb["url"].as_str().map(str::to_string)
            } else {
                None
            }
        })
        .collect()
}

fn send(st: &AppState, data: &Data, events: Vec<Outgoing>) {
    if events.is_empty() {
        return;
    }
    let urls = st.deliveries.config().urls;
    for ev in events {
        let mut targets = urls.clone();
        for t in registered_targets(data, &ev) {
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        let body = ev.body.to_string();
        for url in targets {
            st.deliveries
                .enqueue(&url, ev.kind, &ev.name, &ev.session, body.clone());
        }
    }
}

fn callbacks_on(st: &AppState) -> bool {
    st.deliveries.has_urls() || !lock(&st.data).callbacks.is_empty()
}

/// Middleware: computes and sends the callbacks each state-changing request causes.
pub async fn observe(
    axum::extract::State(st): axum::extract::State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let m = req.method().clone();
    let path = req.uri().path().to_string();
    let mutating = m != axum::http::Method::GET
        && m != axum::http::Method::HEAD
        && m != axum::http::Method::OPTIONS;
    if !mutating
        || path.starts_with("/_emulator/callbacks")
        || path == "/_emulator/reset"
        || !callbacks_on(&st)
    {
        return next.run(req).await;
    }
    let _guard = st.deliveries.observe_lock.lock().await;
    let before = snapshot(&lock(&st.data));
    let resp = next.run(req).await;
    let mut data = lock(&st.data);
    let after = snapshot(&data);
    let events = diff(&before, &after);
    send(&st, &data, events);
    // A stopped archive becomes available (the emulator otherwise settles it at the next read).
    let pending = data.archives.iter().any(|a| a.pending_available);
    if pending {
        for a in data.archives.iter_mut() {
            a.settle();
        }
        let settled = snapshot(&data);
        let events = diff(&after, &settled);
        send(&st, &data, events);
    }
    drop(data);
    resp
}

impl crate::Emulator {
    /// Sets where and how callbacks are delivered.
    pub fn set_callbacks(&self, config: CallbackConfig) {
        self.state.deliveries.set_config(config);
    }

    /// The callback deliveries so far (oldest first), as `GET /_emulator/callbacks` shows them.
    pub fn callback_deliveries(&self) -> Vec<Value> {
        self.state
            .deliveries
            .log()
            .iter()
            .map(|d| d.to_json())
            .collect()
    }
}

/// The JSON of `GET /_emulator/callbacks`.
pub fn log_json(d: &Deliveries) -> Value {
    let c = d.config();
    json!({
        "config": {
            "urls": c.urls, "signed": c.signature_secret.is_some(), "allowRemote": c.allow_remote,
            "maxAttempts": c.max_attempts, "backoffMs": c.backoff.as_millis() as u64,
        },
        "deliveries": d.log().iter().map(|x| x.to_json()).collect::<Vec<_>>(),
    })
}

async fn get_log(State(st): State<AppState>) -> ApiResult {
    ok_json(&log_json(&st.deliveries))
}

async fn clear_log(State(st): State<AppState>) -> ApiResult {
    st.deliveries.clear_log();
    no_content()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfigBody {
    urls: Option<Vec<String>>,
    signature_secret: Option<String>,
    max_attempts: Option<u32>,
    backoff_ms: Option<u64>,
}

/// `PUT /_emulator/callbacks/config` with `{urls, signatureSecret, maxAttempts, backoffMs}`
/// (`allowRemote` can only be set on the command line).
async fn set_config(State(st): State<AppState>, body: Bytes) -> ApiResult {
    let b: ConfigBody = parse_json(&body, false)?;
    let mut c = st.deliveries.config();
    if let Some(urls) = b.urls {
        for u in &urls {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                return Err(ApiError::bad_request(format!(
                    "Invalid value for field 'urls': {u} (must be an http(s) URL)"
                )));
            }
        }
        c.urls = urls;
    }
    if let Some(sec) = b.signature_secret {
        c.signature_secret = Some(sec).filter(|x| !x.is_empty());
    }
    if let Some(n) = b.max_attempts {
        c.max_attempts = n.max(1);
    }
    if let Some(ms) = b.backoff_ms {
        c.backoff = Duration::from_millis(ms);
    }
    st.deliveries.set_config(c);
    ok_json(&log_json(&st.deliveries)["config"])
}

/// `DELETE /_emulator/sessions/{sid}/connections/{cid}`: the client leaves (its streams end).
async fn leave(State(st): State<AppState>, Path((sid, cid)): Path<(String, String)>) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data
        .sessions
        .get_mut(&sid)
        .ok_or_else(|| ApiError::not_found(format!("Session not found: {sid}")))?;
    if !s.has_connection(&cid) {
        return Err(ApiError::not_found(format!("Connection not found: {cid}")));
    }
    s.streams.retain(|x| x.connection_id != cid);
    s.connections.retain(|c| c.id != cid);
    no_content()
}

/// `DELETE /_emulator/sessions/{sid}/streams/{id}`: the stream is unpublished.
async fn unpublish(
    State(st): State<AppState>,
    Path((sid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data
        .sessions
        .get_mut(&sid)
        .ok_or_else(|| ApiError::not_found(format!("Session not found: {sid}")))?;
    let before = s.streams.len();
    s.streams.retain(|x| x.id != id);
    if s.streams.len() == before {
        return Err(ApiError::not_found(format!("Stream not found: {id}")));
    }
    no_content()
}

#[derive(Debug, Deserialize)]
struct StatusBody {
    status: Option<String>,
    reason: Option<String>,
}

fn set_status(
    items: &mut [Value],
    key: &str,
    id: &str,
    b: StatusBody,
    allowed: &[&str],
) -> ApiResult {
    let status = b
        .status
        .ok_or_else(|| ApiError::bad_request("Missing required field 'status'"))?;
    one_of("status", &status, allowed)?;
    let item = items
        .iter_mut()
        .find(|x| x[key] == json!(id))
        .ok_or_else(|| ApiError::not_found(format!("Not found: {id}")))?;
    item["status"] = json!(status);
    if let Some(r) = b.reason {
        item["reason"] = json!(r);
    }
    item["updatedAt"] = json!(ids::now_ms());
    ok_json(item)
}

/// `POST /_emulator/renders/{id}` with `{status, reason}`.
async fn render_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: StatusBody = parse_json(&body, false)?;
    let mut data = lock(&st.data);
    set_status(
        &mut data.renders,
        "id",
        &id,
        b,
        &["starting", "started", "stopped", "failed"],
    )
}

/// `POST /_emulator/captions/{id}` with `{status, reason}`.
async fn captions_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: StatusBody = parse_json(&body, false)?;
    let mut data = lock(&st.data);
    set_status(
        &mut data.captions,
        "captionId",
        &id,
        b,
        &["started", "stopped", "failed", "paused"],
    )
}

/// The admin routes this module adds (merged into the emulator's admin router).
pub fn admin_routes() -> Router<AppState> {
    Router::new()
        .route("/_emulator/callbacks", get(get_log).delete(clear_log))
        .route("/_emulator/callbacks/config", put(set_config))
        .route("/_emulator/sessions/{sid}/connections/{cid}", delete(leave))
        .route("/_emulator/sessions/{sid}/streams/{id}", delete(unpublish))
        .route("/_emulator/renders/{id}", post(render_status))
        .route("/_emulator/captions/{id}", post(captions_status))
        .route("/_emulator/", get(crate::ui::page))
        .route("/_emulator", get(crate::ui::page))
}
