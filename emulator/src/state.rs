//! In-memory state of the emulated service.

use crate::auth::Verifier;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::Config;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, MutexGuard};

/// How many requests `/_emulator/requests` keeps (oldest dropped first).
pub const MAX_RECORDED_REQUESTS: usize = 10_000;

/// Shared server state.
pub type AppState = Arc<Shared>;

/// Everything the handlers share.
pub struct Shared {
    /// The configuration the server was started with.
    pub config: Config,
    /// JWT verifier built from the configuration.
    pub verifier: Verifier,
    /// Sessions, archives, … .
    pub data: Mutex<Data>,
    /// Pending injected faults.
    pub faults: Mutex<Vec<Fault>>,
    /// Fast path: false when no fault is pending.
    pub has_faults: AtomicBool,
    /// Next fault id.
    pub next_fault_id: AtomicU64,
    /// Requests received (non-admin), oldest first.
    pub requests: Mutex<VecDeque<Recorded>>,
    /// Callback deliveries (configuration, queues, log).
    pub deliveries: crate::callbacks_delivery::Deliveries,
}

/// Locks a mutex, ignoring poisoning (state stays usable after a panicking handler).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// An injected fault (see CONTRACT.md).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// Assigned id.
    #[serde(skip)]
    pub id: u64,
    /// Path prefix (default: any path).
    pub path: Option<String>,
    /// HTTP method (default: any).
    pub method: Option<String>,
    /// How many requests it applies to (default 1).
    pub count: Option<u64>,
    /// Status to answer with.
    pub status: Option<u16>,
    /// `Retry-After` seconds.
    pub retry_after: Option<u64>,
    /// Delay before answering.
    pub latency_ms: Option<u64>,
    /// Close the connection without a response.
    pub drop: Option<bool>,
    /// Answer 200 with a body that is not JSON.
    pub malformed: Option<bool>,
    /// Body to answer with (with `status`), byte for byte (duplicate keys, XML, anything).
    pub body: Option<String>,
    /// `Content-Type` of `body` (default: `application/json` when `body` parses as JSON,
    /// else `text/plain; charset=utf-8`).
    pub content_type: Option<String>,
    /// Extra response headers (with `status`).
    pub headers: Option<std::collections::BTreeMap<String, String>>,
}

/// A recorded request.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Raw query string (or empty).
    pub query: String,
    /// Headers (lowercased names; repeated headers joined with ", ").
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: bytes::Bytes,
}

impl Recorded {
    /// JSON form for `/_emulator/requests`.
    pub fn to_json(&self) -> Value {
        let mut headers = serde_json::Map::new();
        for (k, v) in &self.headers {
            match headers.get_mut(k) {
                Some(Value::String(existing)) => {
                    existing.push_str(", ");
                    existing.push_str(v);
                }
                _ => {
                    headers.insert(k.clone(), Value::String(v.clone()));
                }
            }
        }
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "body": String::from_utf8_lossy(&self.body),
        })
    }
}

/// Media mode of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaMode {
    /// Through the media router.
    Routed,
    /// Peer to peer.
    Relayed,
}

impl MediaMode {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaMode::Routed => "routed",
            MediaMode::Relayed => "relayed",
        }
    }
}

/// A client connection in a session.
#[derive(Debug, Clone)]
pub struct Connection {
    /// Connection id.
    pub id: String,
    /// Connection data.
    pub data: Option<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// What it is: `client`, `sip`, `websocket`, `render`.
    pub kind: &'static str,
}

impl Connection {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({ "connectionId": self.id, "connectionState": "Connected", "createdAt": self.created_at })
    }
}

/// A published stream.
#[derive(Debug, Clone)]
pub struct Stream {
    /// Stream id.
    pub id: String,
    /// Publishing connection.
    pub connection_id: String,
    /// `camera`, `screen` or `custom`.
    pub video_type: String,
    /// Stream name.
    pub name: String,
    /// Layout classes.
    pub layout_class_list: Vec<String>,
    /// Audio force-muted (by mute-one or mute-all).
    pub muted: bool,
}

impl Stream {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "videoType": self.video_type,
            "name": self.name,
            "layoutClassList": self.layout_class_list,
        })
    }
}

/// A session created through the emulator.
#[derive(Debug, Clone)]
pub struct Session {
    /// Session id.
    pub id: String,
    /// Owning project (api key or application id).
    pub project_id: String,
    /// Media mode.
    pub media_mode: MediaMode,
    /// `manual` or `always`.
    pub archive_mode: String,
    /// Location hint.
    pub location: String,
    /// End-to-end encryption.
    pub e2ee: bool,
    /// Auto-archive name.
    pub archive_name: Option<String>,
    /// Auto-archive resolution.
    pub archive_resolution: Option<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// Connected clients.
    pub connections: Vec<Connection>,
    /// Published streams.
    pub streams: Vec<Stream>,
    /// Signals received (`{to, type, data}`).
    pub signals: Vec<Value>,
    /// DTMF received (`{to, digits}`).
    pub dtmf: Vec<Value>,
    /// Mute-all state: `Some(excluded ids)` while active.
    pub mute_all: Option<Vec<String>>,
    /// Forced disconnections (connection ids).
    pub disconnected: Vec<String>,
}

impl Session {
    /// Admin view.
    pub fn admin_json(&self) -> Value {
        json!({
            "sessionId": self.id,
            "projectId": self.project_id,
            "mediaMode": self.media_mode.as_str(),
            "archiveMode": self.archive_mode,
            "location": self.location,
            "e2ee": self.e2ee,
            "archiveName": self.archive_name,
            "archiveResolution": self.archive_resolution,
            "createdAt": self.created_at,
            "connections": self.connections.iter().map(|c| json!({
                "connectionId": c.id, "connectionState": "Connected", "createdAt": c.created_at,
                "data": c.data, "kind": c.kind,
            })).collect::<Vec<_>>(),
            "streams": self.streams.iter().map(|s| json!({
                "id": s.id, "connectionId": s.connection_id, "videoType": s.video_type, "name": s.name,
                "layoutClassList": s.layout_class_list, "muted": s.muted,
            })).collect::<Vec<_>>(),
            "signals": self.signals,
            "dtmf": self.dtmf,
            "muteAll": { "active": self.mute_all.is_some(), "excludedStreamIds": self.mute_all.clone().unwrap_or_default() },
            "disconnected": self.disconnected,
        })
    }

    /// Adds a connection and returns its id.
    pub fn add_connection(
        &mut self,
        id: Option<String>,
        data: Option<String>,
        kind: &'static str,
    ) -> Connection {
        let conn = Connection {
            id: id.unwrap_or_else(ids::uuid_v4),
            data,
            created_at: ids::now_ms(),
            kind,
        };
        self.connections.push(conn.clone());
        conn
    }

    /// Adds a stream published by `connection_id`.
    pub fn add_stream(&mut self, stream: Stream) {
        let mut stream = stream;
        if let Some(excluded) = &self.mute_all {
            stream.muted = !excluded.contains(&stream.id);
        }
        self.streams.push(stream);
    }

    /// Whether a connection is connected.
    pub fn has_connection(&self, id: &str) -> bool {
        self.connections.iter().any(|c| c.id == id)
    }
}

/// Everything that lives in memory.
#[derive(Debug, Default)]
pub struct Data {
    /// Sessions by id.
    pub sessions: HashMap<String, Session>,
    /// Archives, in creation order.
    pub archives: Vec<crate::archives::Archive>,
    /// Broadcasts, in creation order.
    pub broadcasts: Vec<crate::broadcasts::Broadcast>,
    /// Renders, in creation order.
    pub renders: Vec<Value>,
    /// Captions, in creation order.
    pub captions: Vec<Value>,
    /// SIP calls.
    pub sip_calls: Vec<Value>,
    /// Audio connector connections.
    pub audio_connectors: Vec<Value>,
    /// Project callbacks.
    pub callbacks: Vec<Value>,
}

impl Data {
    /// Looks up a session of `project` (400 if the id is malformed, 404 if unknown or foreign).
    pub fn session_mut(&mut self, project: &str, session_id: &str) -> ApiResult<&mut Session> {
        check_session_id(project, session_id)?;
        match self.sessions.get_mut(session_id) {
            Some(s) if s.project_id == project => Ok(s),
            _ => Err(ApiError::not_found(format!(
                "Session not found: {session_id}"
            ))),
        }
    }
}

/// Validates the format of a session id and that it encodes `project`.
pub fn check_session_id(project: &str, session_id: &str) -> ApiResult<()> {
    match ids::decode_session_id(session_id) {
        None => Err(ApiError::bad_request(format!(
            "Invalid session ID: {session_id}"
        ))),
        Some(d) if d.api_key != project => Err(ApiError::not_found(format!(
            "Session not found: {session_id} does not belong to project {project}"
        ))),
        Some(_) => Ok(()),
    }
}

/// Wire value for a project id: a number when it is all digits (like the service), else a string.
pub fn project_id_value(project: &str) -> Value {
    match project.parse::<u64>() {
        Ok(n) if !project.starts_with('0') || project == "0" => json!(n),
        _ => json!(project),
    }
}

/// Parses `offset`/`count` from a query (count ≤ 1000, default 50).
pub fn paging(query: &HashMap<String, String>) -> ApiResult<(usize, usize)> {
    let offset = match query.get("offset") {
        None => 0,
        Some(s) if s.is_empty() => 0,
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| ApiError::bad_request(format!("Invalid value for 'offset': {s}")))?,
    };
    let count = match query.get("count") {
        None => 50,
        Some(s) if s.is_empty() => 50,
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| ApiError::bad_request(format!("Invalid value for 'count': {s}")))?,
    };
    if count > 1000 {
        return Err(ApiError::bad_request(
            "Invalid value for 'count': must be at most 1000",
        ));
    }
    Ok((offset, count))
}

/// Builds `{count, items}` from newest-first items.
pub fn page(items: Vec<Value>, offset: usize, count: usize) -> Value {
    let total = items.len();
    let items: Vec<Value> = items.into_iter().skip(offset).take(count).collect();
    json!({ "count": total, "items": items })
}
