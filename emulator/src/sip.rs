//! SIP dial-out: `POST /v2/project/{apiKey}/dial` (census §2.5).

use crate::error::{ok_json, parse_json, required, required_str, ApiError, ApiResult};
use crate::ids;
use crate::state::{lock, project_id_value, AppState, MediaMode, Stream};
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Auth {
    username: Option<String>,
    password: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sip {
    uri: Option<String>,
    from: Option<String>,
    headers: Option<BTreeMap<String, String>>,
    auth: Option<Auth>,
    secure: Option<bool>,
    video: Option<bool>,
    observe_force_mute: Option<bool>,
    streams: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DialBody {
    session_id: Option<String>,
    token: Option<String>,
    sip: Option<Sip>,
}

/// `POST /v2/project/{apiKey}/dial`.
pub async fn dial(State(st): State<AppState>, Path(pid): Path<String>, body: Bytes) -> ApiResult {
    let b: DialBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    required_str(b.token, "token")?;
    let sip = required(b.sip, "sip")?;
    let uri = required_str(sip.uri, "sip.uri")?;
    if !(uri.starts_with("sip:") || uri.starts_with("sips:")) {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field 'sip.uri': {uri} (must start with sip: or sips:)"
        )));
    }
    for name in sip.headers.iter().flat_map(|h| h.keys()) {
        if !(name.starts_with("X-") || name.starts_with("x-")) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field 'sip.headers': custom header '{name}' must start with 'X-'"
            )));
        }
    }
    if let Some(a) = &sip.auth {
        required_str(a.username.clone(), "sip.auth.username")?;
        required_str(a.password.clone(), "sip.auth.password")?;
    }
    let _ = (sip.from, sip.secure, sip.observe_force_mute, sip.streams);
    let mut data = lock(&st.data);
    let session = data.session_mut(&pid, &session_id)?;
    if session.media_mode == MediaMode::Relayed {
        return Err(ApiError::conflict(
            "SIP calls are only available in routed sessions",
        ));
    }
    let conn = session.add_connection(None, Some(format!("sip:{uri}")), "sip");
    let stream_id = ids::uuid_v4();
    session.add_stream(Stream {
        id: stream_id.clone(),
        connection_id: conn.id.clone(),
        video_type: if sip.video.unwrap_or(false) {
            "camera"
        } else {
            "custom"
        }
        .to_string(),
        name: uri.clone(),
        layout_class_list: Vec::new(),
        muted: false,
    });
    let now = ids::now_ms();
    let call = json!({
        "id": ids::uuid_v4(),
        "connectionId": conn.id,
        "streamId": stream_id,
        "projectId": project_id_value(&pid),
        "sessionId": session_id,
        "createdAt": now,
        "updatedAt": now,
    });
    data.sip_calls.push(call.clone());
    ok_json(&call)
}
