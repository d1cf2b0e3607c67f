//! Which callbacks the emulator sends, and when: every state-changing request (REST or admin) is
//! observed; the state before and after it is compared, and each change becomes the event the
//! service would send — a connection or stream appears or goes away (session monitoring), an
//! archive, broadcast, Experience Composer or captions status changes, a SIP call or an Audio
//! Connector connection starts or ends. Nothing is compared (and nothing costs anything) while no
//! callback URL is configured or registered.
//!
//! The admin routes that drive these events live in `callbacks_admin`.

use crate::ids;
use crate::ids::{project_id_text, project_id_value};
use crate::model::Data;
use crate::state::{lock, AppState};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;

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
            format!("render:{}", r.id),
            Item {
                kind: "render",
                status: r.status.clone(),
                project: project_id_text(&r.project_id),
                session: r.session_id.clone(),
                payload: r.to_json(),
            },
        ));
    }
    for c in &data.captions {
        let mut v = c.to_json();
        v["group"] = json!("captions");
        out.push((
            format!("captions:{}", c.caption_id),
            Item {
                kind: "captions",
                status: c.status.clone(),
                project: c.application_id.clone(),
                session: c.session_id.clone(),
                payload: v,
            },
        ));
    }
    for call in &data.sip_calls {
        let conn = data
            .sessions
            .get(&call.session_id)
            .and_then(|x| x.connections.iter().find(|c| c.id == call.connection_id));
        let live = conn.is_some();
        out.push((
            format!("sip_call:{}", call.id),
            Item {
                kind: "sip_call",
                status: if live { "connected" } else { "ended" }.into(),
                project: project_id_text(&call.project_id),
                session: call.session_id.clone(),
                payload: json!({
                    "call": { "id": call.id, "createdAt": call.created_at,
                              "connectionId": call.connection_id },
                    "connection": { "id": call.connection_id,
                                    "createdAt": conn.map(|c| c.created_at),
                                    "data": conn.and_then(|c| c.data.clone()) },
                }),
            },
        ));
    }
    for ac in &data.audio_connectors {
        out.push((
            format!("audio_connector:{}", ac.id),
            Item {
                kind: "audio_connector",
                status: if ac.active {
                    "connected"
                } else {
                    "disconnected"
                }
                .into(),
                project: ac.project_id.clone(),
                session: ac.session_id.clone(),
                payload: json!({ "id": ac.id, "connectionId": ac.connection_id }),
            },
        ));
    }
    out
}

/// An event to send: kind, name (event or status), project, session and body.
struct Outgoing {
    kind: &'static str,
    name: String,
    project: String,
    session: String,
    body: Value,
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
            "projectId": project_id_value(&item.project),
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
        .filter(|c| c.project_id == ev.project)
        .filter_map(|c| {
            let group = c.group.as_str();
            let event = c.event.to_ascii_lowercase();
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
                Some(c.url.clone())
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
