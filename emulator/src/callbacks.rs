//! Project callbacks (legacy, node only): `/v2/project/{apiKey}/callback…` (census §2.9).

use crate::error::{no_content, ok_json, parse_json, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::RegisteredCallback;
use crate::state::{lock, AppState};
use crate::validate::one_of;
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
struct Register {
    group: Option<String>,
    event: Option<String>,
    url: Option<String>,
}

/// `POST /v2/project/{apiKey}/callback`.
pub async fn register(
    State(st): State<AppState>,
    Path(pid): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: Register = parse_json(&body, false)?;
    let group = required_str(b.group, "group")?;
    one_of(
        "group",
        &group,
        &[
            "archive",
            "connection",
            "stream",
            "broadcast",
            "sessionMonitoring",
        ],
    )?;
    let event = required_str(b.event, "event")?;
    let url = required_str(b.url, "url")?;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field 'url': {url} (must be an http(s) URL)"
        )));
    }
    let cb = RegisteredCallback {
        project_id: pid,
        id: ids::uuid_v4(),
        group,
        event,
        url,
        created_at: ids::now_ms(),
    };
    let out = cb.to_json();
    let mut data = lock(&st.data);
    data.callbacks.push(cb);
    ok_json(&out)
}

/// `GET /v2/project/{apiKey}/callback` → array.
pub async fn list(State(st): State<AppState>, Path(pid): Path<String>) -> ApiResult {
    let data = lock(&st.data);
    let items: Vec<Value> = data
        .callbacks
        .iter()
        .filter(|c| c.project_id == pid)
        .map(RegisteredCallback::to_json)
        .collect();
    ok_json(&Value::Array(items))
}

/// `DELETE /v2/project/{apiKey}/callback/{callbackId}` → 204.
pub async fn unregister(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let before = data.callbacks.len();
    data.callbacks
        .retain(|c| !(c.project_id == pid && c.id == id));
    if data.callbacks.len() == before {
        return Err(ApiError::not_found(format!("Callback not found: {id}")));
    }
    no_content()
}
