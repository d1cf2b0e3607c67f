//! Connections: list a session's connections or force one to disconnect,
//! `/v2/project/{apiKey}/session/{sessionId}/connection…` (census §2.4).

use crate::error::{no_content, ok_json, ApiError, ApiResult};
use crate::ids::project_id_value;
use crate::state::{lock, AppState};
use axum::extract::{Path, State};
use serde_json::{json, Value};

/// `GET …/session/{sessionId}/connection`.
pub async fn list(
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
