//! Streams: `/v2/project/{apiKey}/session/{sessionId}/stream…` — read a session's streams and set
//! their layout classes (census §2.4).

use crate::error::{ok_json, parse_json, required, ApiError, ApiResult};
use crate::state::{lock, AppState};
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
    let stream = s.stream_mut(&stream_id)?;
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
    let stream = s.stream_mut(&stream_id)?;
    stream.layout_class_list = list;
    ok_json(&stream.to_json())
}
