//! Moderation: force-mute one stream (`…/stream/{streamId}/mute`) or every stream of a session
//! (`…/session/{sessionId}/mute`) (census §2.4).

use crate::error::{ok_json, parse_json, required, ApiResult};
use crate::state::{lock, AppState};
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

/// `POST …/session/{sessionId}/stream/{streamId}/mute`.
pub async fn mute_stream(
    State(st): State<AppState>,
    Path((pid, sid, stream_id)): Path<(String, String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let s = data.session_mut(&pid, &sid)?;
    let stream = s.stream_mut(&stream_id)?;
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
