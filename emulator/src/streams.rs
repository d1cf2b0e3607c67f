//! Streams, connections, signaling, moderation and DTMF under
//! `/v2/project/{apiKey}/session/{sessionId}/…` (census §2.4, §2.5).

use crate::error::{no_content, ok_json, parse_json, required, ApiError, ApiResult};
use crate::state::{lock, project_id_value, AppState};
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};

/// `GET …/session/{sessionId}/stream`.
pub async fn list(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let items: Vec<Value> = s.streams.iter().map(|x| x.to_json()).collect();
    ok_json(&json!({ "count": items.len(), "items": items }))
}

/// `GET …/session/{sessionId}/stream/{streamId}`.
pub async fn get(
    State(st): State<AppState>,
    Path((pid, sid, stream_id)): Path<(String, String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let stream = s
        .streams
        .iter()
        .find(|x| x.id == stream_id)
        .ok_or_else(|| ApiError::not_found(format!("Stream not found: {stream_id}")))?;
    ok_json(&stream.to_json())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ClassItem {
    id: Option<String>,
    layout_class_list: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct ClassLists {
    items: Option<Vec<ClassItem>>,
}

fn check_classes(field: &str, list: &[String]) -> ApiResult<()> {
    let joined: usize = list.iter().map(|c| c.len() + 1).sum();
    if joined > 1000 {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field '{field}': the class list is longer than 1000 characters"
        )));
    }
    Ok(())
}

/// `PUT …/session/{sessionId}/stream` with `{items: [{id, layoutClassList}]}`.
pub async fn set_class_lists(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let b: ClassLists = parse_json(&body, false)?;
    let items = required(b.items, "items")?;
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let mut updates = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let id = item.id.filter(|x| !x.is_empty()).ok_or_else(|| {
            ApiError::bad_request(format!("Missing required field 'items[{i}].id'"))
        })?;
        let list = required(
            item.layout_class_list,
            &format!("items[{i}].layoutClassList"),
        )?;
        check_classes(&format!("items[{i}].layoutClassList"), &list)?;
        if !s.streams.iter().any(|x| x.id == id) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field 'items[{i}].id': stream {id} is not in the session"
            )));
        }
        updates.push((id, list));
    }
    for (id, list) in updates {
        if let Some(x) = s.streams.iter_mut().find(|x| x.id == id) {
            x.layout_class_list = list;
        }
    }
    ok_json(&json!({}))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OneClassList {
    layout_class_list: Option<Vec<String>>,
}

/// `PUT …/session/{sessionId}/stream/{streamId}` with `{layoutClassList}` (php only).
pub async fn set_class_list(
    State(st): State<AppState>,
    Path((pid, sid, stream_id)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult {
    let b: OneClassList = parse_json(&body, false)?;
    let list = required(b.layout_class_list, "layoutClassList")?;
    check_classes("layoutClassList", &list)?;
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let stream = s
        .streams
        .iter_mut()
        .find(|x| x.id == stream_id)
        .ok_or_else(|| ApiError::not_found(format!("Stream not found: {stream_id}")))?;
    stream.layout_class_list = list;
    ok_json(&stream.to_json())
}

/// `POST …/session/{sessionId}/stream/{streamId}/mute`.
pub async fn mute_stream(
    State(st): State<AppState>,
    Path((pid, sid, stream_id)): Path<(String, String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let stream = s
        .streams
        .iter_mut()
        .find(|x| x.id == stream_id)
        .ok_or_else(|| ApiError::not_found(format!("Stream not found: {stream_id}")))?;
    stream.muted = true;
    ok_json(&json!({ "id": pid, "status": "ACTIVE" }))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MuteAll {
    active: Option<bool>,
    excluded_stream_ids: Option<Vec<String>>,
}

/// `POST …/session/{sessionId}/mute` with `{active, excludedStreamIds}`.
pub async fn mute_all(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let b: MuteAll = parse_json(&body, false)?;
    let active = required(b.active, "active")?;
    let excluded = b.excluded_stream_ids.unwrap_or_default();
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    if active {
        for x in s.streams.iter_mut() {
            x.muted = !excluded.contains(&x.id);
        }
        s.mute_all = Some(excluded);
    } else {
        s.mute_all = None;
    }
    ok_json(&json!({ "id": pid, "status": "ACTIVE" }))
}

/// `GET …/session/{sessionId}/connection`.
pub async fn list_connections(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let items: Vec<Value> = s.connections.iter().map(|c| c.to_json()).collect();
    ok_json(&json!({
        "count": items.len(),
        "projectId": project_id_value(&pid),
        "sessionId": sid,
        "items": items,
    }))
}

/// `DELETE …/session/{sessionId}/connection/{connectionId}`.
pub async fn force_disconnect(
    State(st): State<AppState>,
    Path((pid, sid, cid)): Path<(String, String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    if !s.has_connection(&cid) {
        return Err(ApiError::not_found(format!(
            "Connection {cid} is not connected to the session"
        )));
    }
    s.connections.retain(|c| c.id != cid);
    s.streams.retain(|x| x.connection_id != cid);
    s.disconnected.push(cid);
    no_content()
}

#[derive(Debug, Deserialize)]
struct Signal {
    #[serde(rename = "type")]
    kind: Option<String>,
    data: Option<String>,
}

fn signal_inner(
    st: &AppState,
    pid: &str,
    sid: &str,
    to: Option<String>,
    body: &Bytes,
) -> ApiResult {
    let b: Signal = parse_json(body, false)?;
    if b.kind.is_none() && b.data.is_none() {
        return Err(ApiError::bad_request(
            "Missing required field 'type' or 'data'",
        ));
    }
    if b.kind.as_ref().is_some_and(|t| t.len() > 128) {
        return Err(ApiError::too_large("Field 'type' is longer than 128 bytes"));
    }
    if b.data.as_ref().is_some_and(|d| d.len() > 8192) {
        return Err(ApiError::too_large("Field 'data' is longer than 8 kB"));
    }
    let mut data = lock(&st.data);
    let s = data.session_mut(pid, sid)?;
    if let Some(cid) = &to {
        if !s.has_connection(cid) {
            return Err(ApiError::not_found(format!(
                "Connection {cid} is not connected to the session"
            )));
        }
    }
    s.signals
        .push(json!({ "to": to, "type": b.kind, "data": b.data }));
    no_content()
}

/// `POST …/session/{sessionId}/signal`.
pub async fn signal_all(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    signal_inner(&st, &pid, &sid, None, &body)
}

/// `POST …/session/{sessionId}/connection/{connectionId}/signal`.
pub async fn signal_one(
    State(st): State<AppState>,
    Path((pid, sid, cid)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult {
    signal_inner(&st, &pid, &sid, Some(cid), &body)
}

#[derive(Debug, Deserialize)]
struct Dtmf {
    digits: Option<String>,
}

fn dtmf_inner(st: &AppState, pid: &str, sid: &str, to: Option<String>, body: &Bytes) -> ApiResult {
    let b: Dtmf = parse_json(body, false)?;
    let digits = required(b.digits, "digits")?;
    if digits.is_empty()
        || !digits
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'*' || c == b'#' || c == b'p')
    {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field 'digits': {digits} (allowed: 0-9, *, #, p)"
        )));
    }
    let mut data = lock(&st.data);
    let s = data.session_mut(pid, sid)?;
    if let Some(cid) = &to {
        if !s.has_connection(cid) {
            return Err(ApiError::not_found(format!(
                "Connection {cid} is not connected to the session"
            )));
        }
    }
    s.dtmf.push(json!({ "to": to, "digits": digits }));
    ok_json(&json!({}))
}

/// `POST …/session/{sessionId}/play-dtmf`.
pub async fn dtmf_all(
    State(st): State<AppState>,
    Path((pid, sid)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    dtmf_inner(&st, &pid, &sid, None, &body)
}

/// `POST …/session/{sessionId}/connection/{connectionId}/play-dtmf`.
pub async fn dtmf_one(
    State(st): State<AppState>,
    Path((pid, sid, cid)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult {
    dtmf_inner(&st, &pid, &sid, Some(cid), &body)
}
