//! Admin routes that drive and inspect callbacks: `GET|DELETE /_emulator/callbacks` (the delivery
//! log), `PUT /_emulator/callbacks/config`, `DELETE /_emulator/sessions/{sid}/connections/{cid}` (a
//! client leaves), `DELETE /_emulator/sessions/{sid}/streams/{id}` (unpublish),
//! `POST /_emulator/renders/{id}` / `POST /_emulator/captions/{id}` with `{status, reason}`, and the
//! emulator's page at `/_emulator/`.

use crate::callbacks_delivery::Deliveries;
use crate::error::{no_content, ok_json, parse_json, ApiError, ApiResult};
use crate::ids;
use crate::state::{lock, AppState};
use crate::validate::one_of;
use axum::extract::{Path, State};
use axum::routing::{delete, get, post, put};
use axum::Router;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

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

fn checked_status(b: &StatusBody, allowed: &[&str]) -> ApiResult<String> {
    let status = b
        .status
        .clone()
        .ok_or_else(|| ApiError::bad_request("Missing required field 'status'"))?;
    one_of("status", &status, allowed)?;
    Ok(status)
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Not found: {id}"))
}

/// `POST /_emulator/renders/{id}` with `{status, reason}`.
async fn render_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: StatusBody = parse_json(&body, false)?;
    let status = checked_status(&b, &["starting", "started", "stopped", "failed"])?;
    let mut data = lock(&st.data);
    let r = data
        .renders
        .iter_mut()
        .find(|x| x.id == id)
        .ok_or_else(|| not_found(&id))?;
    r.status = status;
    if let Some(reason) = b.reason {
        r.reason = Some(reason);
    }
    r.updated_at = ids::now_ms();
    ok_json(&r.to_json())
}

/// `POST /_emulator/captions/{id}` with `{status, reason}`.
async fn captions_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: StatusBody = parse_json(&body, false)?;
    let status = checked_status(&b, &["started", "stopped", "failed", "paused"])?;
    let mut data = lock(&st.data);
    let c = data
        .captions
        .iter_mut()
        .find(|x| x.caption_id == id)
        .ok_or_else(|| not_found(&id))?;
    c.status = status;
    if let Some(reason) = b.reason {
        c.reason = reason;
    }
    c.updated_at = ids::now_ms();
    ok_json(&c.to_json())
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
