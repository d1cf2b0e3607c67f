//! SIP: dial-out (`POST /v2/project/{apiKey}/dial`) and DTMF (`…/play-dtmf`) (census §2.5).

use crate::error::{ok_json, parse_json, required, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::{MediaMode, SipCall, Stream};
use crate::state::{lock, AppState};
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
    let call = SipCall {
        id: ids::uuid_v4(),
        connection_id: conn.id,
        stream_id,
        project_id: pid,
        session_id,
        created_at: now,
        updated_at: now,
    };
    let out = call.to_json();
    data.sip_calls.push(call);
    ok_json(&out)
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
