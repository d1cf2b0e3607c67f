//! Experience Composer renders: `/v2/project/{apiKey}/render…` (census §2.6).

use crate::error::{
    json_response, no_content, ok_json, parse_json, required_str, ApiError, ApiResult,
};
use crate::ids;
use crate::ids::{check_session_id, project_id_value};
use crate::model::Render;
use crate::state::{lock, page, paging, AppState};
use crate::validate::{in_range, len_range, one_of};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
struct Properties {
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartBody {
    session_id: Option<String>,
    token: Option<String>,
    url: Option<String>,
    max_duration: Option<i64>,
    resolution: Option<String>,
    properties: Option<Properties>,
    status_callback_url: Option<String>,
}

/// Render resolutions.
const RENDER_RESOLUTIONS: [&str; 6] = [
    "640x480",
    "480x640",
    "1280x720",
    "720x1280",
    "1920x1080",
    "1080x1920",
];

/// `POST /v2/project/{apiKey}/render` → 202 Render.
pub async fn start(State(st): State<AppState>, Path(pid): Path<String>, body: Bytes) -> ApiResult {
    let b: StartBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    required_str(b.token, "token")?;
    let url = required_str(b.url, "url")?;
    len_range("url", &url, 15, 2048)?;
    let max_duration = b.max_duration.unwrap_or(7200);
    in_range("maxDuration", max_duration, 60, 36_000)?;
    let resolution = b.resolution.unwrap_or_else(|| "1280x720".to_string());
    one_of("resolution", &resolution, &RENDER_RESOLUTIONS)?;
    let name = match b.properties {
        Some(p) => match p.name {
            Some(n) => {
                len_range("properties.name", &n, 1, 200)?;
                Some(n)
            }
            None => None,
        },
        None => None,
    };
    if let Some(cb) = &b.status_callback_url {
        len_range("statusCallbackUrl", cb, 15, 2048)?;
    }
    check_session_id(&pid, &session_id)?;
    let mut data = lock(&st.data);
    data.session_mut(&pid, &session_id)?;
    let now = ids::now_ms();
    let render = Render {
        id: ids::uuid_v4(),
        project_id: pid,
        session_id,
        status: "started".to_string(),
        created_at: now,
        updated_at: now,
        url,
        resolution,
        max_duration,
        stream_id: ids::uuid_v4(),
        name,
        callback_url: b.status_callback_url,
        reason: None,
    };
    let out = render.to_json();
    data.renders.push(render);
    Ok(json_response(StatusCode::ACCEPTED, &out))
}

fn find<'a>(list: &'a mut [Render], pid: &str, id: &str) -> ApiResult<&'a mut Render> {
    let want = project_id_value(pid);
    list.iter_mut()
        .find(|r| r.id == id && project_id_value(&r.project_id) == want)
        .ok_or_else(|| ApiError::not_found(format!("Render not found: {id}")))
}

/// `GET /v2/project/{apiKey}/render/{renderId}`.
pub async fn get(State(st): State<AppState>, Path((pid, id)): Path<(String, String)>) -> ApiResult {
    let mut data = lock(&st.data);
    let r = find(&mut data.renders, &pid, &id)?;
    ok_json(&r.to_json())
}

/// `DELETE /v2/project/{apiKey}/render/{renderId}` → 204 (404 if unknown or already stopped).
pub async fn stop(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let r = find(&mut data.renders, &pid, &id)?;
    if r.status == "stopped" {
        return Err(ApiError::not_found(format!(
            "Render {id} was not found or has already stopped"
        )));
    }
    r.status = "stopped".to_string();
    r.reason = Some("Stop Requested".to_string());
    r.updated_at = ids::now_ms();
    no_content()
}

/// `GET /v2/project/{apiKey}/render` with `offset`, `count`.
pub async fn list(
    State(st): State<AppState>,
    Path(pid): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult {
    let (offset, count) = paging(&q)?;
    let data = lock(&st.data);
    let want = project_id_value(&pid);
    let items: Vec<Value> = data
        .renders
        .iter()
        .rev()
        .filter(|r| project_id_value(&r.project_id) == want)
        .map(Render::to_json)
        .collect();
    ok_json(&page(items, offset, count))
}
