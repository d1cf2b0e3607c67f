//! Admin routes under `/_emulator/…` (test conveniences; see CONTRACT.md).

use crate::error::{no_content, ok_json, parse_json, ApiError, ApiResult};
use crate::ids;
use crate::model::{Data, MediaMode, Stream};
use crate::sessions::{create, NewSession};
use crate::state::{lock, AppState, Fault};
use crate::validate::one_of;
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::atomic::Ordering;

/// `POST /_emulator/reset`.
pub async fn reset(State(st): State<AppState>) -> ApiResult {
    *lock(&st.data) = Data::default();
    lock(&st.faults).clear();
    st.has_faults.store(false, Ordering::Release);
    lock(&st.requests).clear();
    no_content()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionBody {
    media_mode: Option<String>,
    archive_mode: Option<String>,
    location: Option<String>,
    project_id: Option<String>,
    e2ee: Option<bool>,
}

/// `POST /_emulator/sessions` → `{sessionId}` (no auth; routed by default).
pub async fn create_session(State(st): State<AppState>, body: Bytes) -> ApiResult {
    let b: SessionBody = parse_json(&body, true)?;
    let media_mode = match b.media_mode.as_deref() {
        None | Some("routed") => MediaMode::Routed,
        Some("relayed") => MediaMode::Relayed,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field 'mediaMode': {other} (expected routed or relayed)"
            )))
        }
    };
    let project = b.project_id.unwrap_or_else(|| st.config.api_key.clone());
    let s = create(
        &st,
        &project,
        NewSession {
            media_mode: Some(media_mode),
            archive_mode: b.archive_mode,
            location: b.location,
            e2ee: b.e2ee.unwrap_or(false),
            ..NewSession::default()
        },
    )?;
    ok_json(&json!({ "sessionId": s.id }))
}

/// `GET /_emulator/sessions/{sessionId}`.
pub async fn get_session(State(st): State<AppState>, Path(sid): Path<String>) -> ApiResult {
    let data = lock(&st.data);
    let s = data
        .sessions
        .get(&sid)
        .ok_or_else(|| ApiError::not_found(format!("Session not found: {sid}")))?;
    ok_json(&s.admin_json())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConnectionBody {
    connection_id: Option<String>,
    data: Option<String>,
}

/// `POST /_emulator/sessions/{sessionId}/connections`.
pub async fn add_connection(
    State(st): State<AppState>,
    Path(sid): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: ConnectionBody = parse_json(&body, true)?;
    let mut data = lock(&st.data);
    let s = data
        .sessions
        .get_mut(&sid)
        .ok_or_else(|| ApiError::not_found(format!("Session not found: {sid}")))?;
    if let Some(id) = &b.connection_id {
        if s.has_connection(id) {
            return Err(ApiError::conflict(format!(
                "Connection {id} already exists"
            )));
        }
    }
    let c = s.add_connection(b.connection_id.filter(|x| !x.is_empty()), b.data, "client");
    ok_json(&c.to_json())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StreamBody {
    stream_id: Option<String>,
    connection_id: Option<String>,
    video_type: Option<String>,
    name: Option<String>,
    layout_class_list: Option<Vec<String>>,
}

/// `POST /_emulator/sessions/{sessionId}/streams`.
pub async fn add_stream(
    State(st): State<AppState>,
    Path(sid): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: StreamBody = parse_json(&body, true)?;
    let video_type = b.video_type.unwrap_or_else(|| "camera".to_string());
    one_of("videoType", &video_type, &["camera", "screen", "custom"])?;
    let mut data = lock(&st.data);
    let s = data
        .sessions
        .get_mut(&sid)
        .ok_or_else(|| ApiError::not_found(format!("Session not found: {sid}")))?;
    let stream_id = b
        .stream_id
        .filter(|x| !x.is_empty())
        .unwrap_or_else(ids::uuid_v4);
    if s.streams.iter().any(|x| x.id == stream_id) {
        return Err(ApiError::conflict(format!(
            "Stream {stream_id} already exists"
        )));
    }
    let connection_id = match b.connection_id.filter(|x| !x.is_empty()) {
        Some(c) if s.has_connection(&c) => c,
        other => s.add_connection(other, None, "client").id,
    };
    let stream = Stream {
        id: stream_id.clone(),
        connection_id,
        video_type,
        name: b.name.unwrap_or_default(),
        layout_class_list: b.layout_class_list.unwrap_or_default(),
        muted: false,
    };
    let out = stream.to_json();
    s.add_stream(stream);
    ok_json(&out)
}

#[derive(Debug, Deserialize)]
struct ArchiveStatus {
    status: Option<String>,
}

/// `POST /_emulator/archives/{archiveId}` with `{status}`.
pub async fn set_archive_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: ArchiveStatus = parse_json(&body, true)?;
    let status = b.status.unwrap_or_else(|| "available".to_string());
    one_of(
        "status",
        &status,
        &[
            "available",
            "expired",
            "failed",
            "paused",
            "started",
            "stopped",
            "uploaded",
            "deleted",
        ],
    )?;
    let mut data = lock(&st.data);
    let a = data
        .archives
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Archive not found: {id}")))?;
    a.set_status(&status);
    ok_json(&a.to_json(false))
}

/// `POST /_emulator/faults` → `{id}`.
pub async fn add_fault(State(st): State<AppState>, body: Bytes) -> ApiResult {
    let mut f: Fault = parse_json(&body, true)?;
    if let Some(s) = f.status {
        if !(100..=599).contains(&s) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field 'status': {s}"
            )));
        }
    }
    if f.count == Some(0) {
        return ok_json(&json!({ "id": 0 }));
    }
    f.id = st.next_fault_id.fetch_add(1, Ordering::Relaxed) + 1;
    let id = f.id;
    lock(&st.faults).push(f);
    st.has_faults.store(true, Ordering::Release);
    ok_json(&json!({ "id": id }))
}

/// `DELETE /_emulator/faults`.
pub async fn clear_faults(State(st): State<AppState>) -> ApiResult {
    lock(&st.faults).clear();
    st.has_faults.store(false, Ordering::Release);
    no_content()
}

/// `GET /_emulator/requests`.
pub async fn list_requests(State(st): State<AppState>) -> ApiResult {
    let items: Vec<Value> = lock(&st.requests).iter().map(|r| r.to_json()).collect();
    ok_json(&Value::Array(items))
}

/// `DELETE /_emulator/requests`.
pub async fn clear_requests(State(st): State<AppState>) -> ApiResult {
    lock(&st.requests).clear();
    no_content()
}
