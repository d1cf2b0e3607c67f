//! Audio Connector: `POST /v2/project/{apiKey}/connect` and `…/connect/{id}/stop` (census §2.7).

use crate::error::{ok_json, parse_json, required, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::{AudioConnector, MediaMode};
use crate::state::{lock, AppState};
use crate::validate::one_of;
use axum::extract::{Path, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WebSocket {
    uri: Option<String>,
    streams: Option<Vec<String>>,
    headers: Option<BTreeMap<String, Value>>,
    audio_rate: Option<i64>,
    bidirectional: Option<bool>,
    audio_transport: Option<AudioTransport>,
}

#[derive(Debug, Deserialize)]
struct AudioTransport {
    transport: Option<String>,
    encoding: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConnectBody {
    session_id: Option<String>,
    token: Option<String>,
    websocket: Option<WebSocket>,
}

/// `POST /v2/project/{apiKey}/connect`.
pub async fn connect(
    State(st): State<AppState>,
    Path(pid): Path<String>,
    body: Bytes,
) -> ApiResult {
    let b: ConnectBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    required_str(b.token, "token")?;
    let ws = required(b.websocket, "websocket")?;
    let uri = required_str(ws.uri, "websocket.uri")?;
    if !(uri.starts_with("ws://") || uri.starts_with("wss://")) {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field 'websocket.uri': {uri} (must start with ws:// or wss://)"
        )));
    }
    if let Some(h) = &ws.headers {
        let size: usize = h.iter().map(|(k, v)| k.len() + v.to_string().len()).sum();
        if size > 512 {
            return Err(ApiError::bad_request(
                "Invalid value for field 'websocket.headers': larger than 512 bytes",
            ));
        }
    }
    if let Some(rate) = ws.audio_rate {
        if ![8000, 16000, 24000].contains(&rate) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field 'websocket.audioRate': {rate} (expected 8000, 16000 or 24000)"
            )));
        }
    }
    if let Some(t) = &ws.audio_transport {
        if let Some(x) = &t.transport {
            one_of("websocket.audioTransport.transport", x, &["binary", "json"])?;
        }
        if let Some(x) = &t.encoding {
            one_of("websocket.audioTransport.encoding", x, &["base64"])?;
        }
    }
    let mut data = lock(&st.data);
    let session = data.session_mut(&pid, &session_id)?;
    if session.media_mode == MediaMode::Relayed {
        return Err(ApiError::conflict(
            "Only routed sessions are allowed to initiate Audio Connector WebSocket connections",
        ));
    }
    if let Some(streams) = &ws.streams {
        for s in streams {
            if !session.streams.iter().any(|x| &x.id == s) {
                return Err(ApiError::bad_request(format!(
                    "Invalid value for field 'websocket.streams': stream {s} is not in the session"
                )));
            }
        }
    }
    let conn = session.add_connection(None, Some(uri.clone()), "websocket");
    let id = ids::uuid_v4();
    let out = json!({ "id": id, "connectionId": conn.id });
    data.audio_connectors.push(AudioConnector {
        id,
        connection_id: conn.id,
        session_id,
        project_id: pid,
        uri,
        bidirectional: ws.bidirectional.unwrap_or(false),
        audio_rate: ws.audio_rate.unwrap_or(8000),
        active: true,
    });
    ok_json(&out)
}

/// `POST /v2/project/{apiKey}/connect/{id}/stop` (accepts the call id or its connection id).
pub async fn stop(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut guard = lock(&st.data);
    let data = &mut *guard;
    let entry = data
        .audio_connectors
        .iter_mut()
        .find(|c| c.project_id == pid && c.active && (c.id == id || c.connection_id == id))
        .ok_or_else(|| {
            ApiError::not_found(format!("Audio Connector connection not found: {id}"))
        })?;
    entry.active = false;
    let out = json!({ "id": entry.id, "connectionId": entry.connection_id });
    let cid = entry.connection_id.clone();
    if let Some(s) = data.sessions.get_mut(&entry.session_id) {
        s.connections.retain(|c| c.id != cid);
    }
    ok_json(&out)
}
