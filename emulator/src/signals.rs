//! Signals to every client of a session (`…/session/{sessionId}/signal`) or to one connection
//! (`…/connection/{connectionId}/signal`) (census §2.4).

use crate::error::{no_content, parse_json, ApiError, ApiResult};
use crate::state::{lock, AppState};
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

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
