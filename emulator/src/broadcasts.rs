//! Live-streaming broadcasts: `/v2/project/{apiKey}/broadcast…` (census §2.3).

use crate::error::{no_content, ok_json, parse_json, required, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::{Broadcast, MediaMode};
use crate::state::{lock, page, paging, AppState};
use crate::validate::{in_range, len_range, one_of, tags_clash, Layout, StreamPatch, RESOLUTIONS};
use axum::extract::{Path, Query, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Hls {
    dvr: Option<bool>,
    low_latency: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rtmp {
    id: Option<String>,
    server_url: Option<String>,
    stream_name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Outputs {
    hls: Option<Hls>,
    rtmp: Option<Vec<Rtmp>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartBody {
    session_id: Option<String>,
    layout: Option<Layout>,
    max_duration: Option<i64>,
    max_bitrate: Option<i64>,
    outputs: Option<Outputs>,
    resolution: Option<String>,
    stream_mode: Option<String>,
    multi_broadcast_tag: Option<String>,
    has_audio: Option<bool>,
    has_video: Option<bool>,
}

/// `POST /v2/project/{apiKey}/broadcast`.
pub async fn start(State(st): State<AppState>, Path(pid): Path<String>, body: Bytes) -> ApiResult {
    let b: StartBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    let outputs = required(b.outputs, "outputs")?;
    if outputs.hls.is_none() && outputs.rtmp.as_ref().is_none_or_empty() {
        return Err(ApiError::bad_request(
            "Field 'outputs' must contain 'hls' and/or 'rtmp'",
        ));
    }
    let hls = match &outputs.hls {
        Some(h) => {
            let dvr = h.dvr.unwrap_or(false);
            let low = h.low_latency.unwrap_or(false);
            if dvr && low {
                return Err(ApiError::bad_request(
                    "Fields 'outputs.hls.dvr' and 'outputs.hls.lowLatency' cannot both be true",
                ));
            }
            Some((dvr, low))
        }
        None => None,
    };
    let rtmp_in = outputs.rtmp.unwrap_or_default();
    if rtmp_in.len() > 5 {
        return Err(ApiError::bad_request(
            "Field 'outputs.rtmp' allows at most 5 RTMP streams",
        ));
    }
    let mut rtmp = Vec::new();
    for (i, r) in rtmp_in.into_iter().enumerate() {
        let server_url = required_str(r.server_url, &format!("outputs.rtmp[{i}].serverUrl"))?;
        let stream_name = required_str(r.stream_name, &format!("outputs.rtmp[{i}].streamName"))?;
        let mut o = json!({ "serverUrl": server_url, "streamName": stream_name });
        if let Some(id) = r.id {
            o["id"] = json!(id);
        }
        rtmp.push(o);
    }
    let resolution = b.resolution.unwrap_or_else(|| "640x480".to_string());
    one_of("resolution", &resolution, &RESOLUTIONS)?;
    let stream_mode = b.stream_mode.unwrap_or_else(|| "auto".to_string());
    one_of("streamMode", &stream_mode, &["auto", "manual"])?;
    let max_duration = b.max_duration.unwrap_or(14_400);
    in_range("maxDuration", max_duration, 60, 36_000)?;
    let max_bitrate = b.max_bitrate.unwrap_or(2_000_000);
    in_range("maxBitrate", max_bitrate, 100_000, 6_000_000)?;
    let layout = b.layout.unwrap_or_default();
    layout.validate("layout.")?;
    if let Some(t) = &b.multi_broadcast_tag {
        len_range("multiBroadcastTag", t, 1, 80)?;
    }
    let has_audio = b.has_audio.unwrap_or(true);
    let has_video = b.has_video.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request(
            "At least one of 'hasAudio' and 'hasVideo' must be true",
        ));
    }
    let mut data = lock(&st.data);
    let session = data.session_mut(&pid, &session_id)?;
    if session.media_mode == MediaMode::Relayed {
        return Err(ApiError::conflict(
            "Broadcasting is not available for relayed (peer-to-peer) sessions",
        ));
    }
    let clash = data.broadcasts.iter().any(|x| {
        x.session_id == session_id
            && x.status == "started"
            && tags_clash(&x.multi_broadcast_tag, &b.multi_broadcast_tag)
    });
    if clash {
        return Err(ApiError::conflict(
            "The session is already being broadcast (start concurrent broadcasts with distinct multiBroadcastTag values)",
        ));
    }
    let now = ids::now_ms();
    let bc = Broadcast {
        id: ids::uuid_v4(),
        project_id: pid,
        session_id,
        status: "started".to_string(),
        created_at: now,
        updated_at: now,
        max_duration,
        max_bitrate,
        resolution,
        layout,
        stream_mode,
        multi_broadcast_tag: b.multi_broadcast_tag,
        has_audio,
        has_video,
        hls,
        rtmp,
        streams: Vec::new(),
    };
    let out = bc.to_json();
    data.broadcasts.push(bc);
    ok_json(&out)
}

trait NoneOrEmpty {
    fn is_none_or_empty(&self) -> bool;
}

impl<T> NoneOrEmpty for Option<&Vec<T>> {
    fn is_none_or_empty(&self) -> bool {
        self.map_or(true, |v| v.is_empty())
    }
}

fn find<'a>(list: &'a mut [Broadcast], pid: &str, id: &str) -> ApiResult<&'a mut Broadcast> {
    list.iter_mut()
        .find(|b| b.id == id && b.project_id == pid)
        .ok_or_else(|| ApiError::not_found(format!("Broadcast not found: {id}")))
}

/// `POST /v2/project/{apiKey}/broadcast/{id}/stop` (404 when unknown or already stopped).
pub async fn stop(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let b = find(&mut data.broadcasts, &pid, &id)?;
    if b.status != "started" {
        return Err(ApiError::not_found(format!(
            "Broadcast {id} was not found or has already stopped"
        )));
    }
    b.status = "stopped".to_string();
    b.updated_at = ids::now_ms();
    ok_json(&b.to_json())
}

/// `GET /v2/project/{apiKey}/broadcast/{id}`.
pub async fn get(State(st): State<AppState>, Path((pid, id)): Path<(String, String)>) -> ApiResult {
    let mut data = lock(&st.data);
    let b = find(&mut data.broadcasts, &pid, &id)?;
    ok_json(&b.to_json())
}

/// `GET /v2/project/{apiKey}/broadcast`.
pub async fn list(
    State(st): State<AppState>,
    Path(pid): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult {
    let (offset, count) = paging(&q)?;
    let filter = q.get("sessionId").filter(|s| !s.is_empty());
    let data = lock(&st.data);
    let items: Vec<Value> = data
        .broadcasts
        .iter()
        .rev()
        .filter(|b| b.project_id == pid && filter.map_or(true, |s| &b.session_id == s))
        .map(Broadcast::to_json)
        .collect();
    ok_json(&page(items, offset, count))
}

/// `PUT /v2/project/{apiKey}/broadcast/{id}/layout`.
pub async fn layout(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let layout: Layout = parse_json(&body, false)?;
    if layout.kind.is_none() {
        return Err(ApiError::bad_request("Missing required field 'type'"));
    }
    layout.validate("")?;
    let mut data = lock(&st.data);
    let b = find(&mut data.broadcasts, &pid, &id)?;
    b.layout = layout;
    b.updated_at = ids::now_ms();
    ok_json(&b.to_json())
}

/// `PATCH /v2/project/{apiKey}/broadcast/{id}/streams`.
pub async fn streams(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let patch: StreamPatch = parse_json(&body, false)?;
    let (add, stream_id) = patch.action()?;
    let mut guard = lock(&st.data);
    let data = &mut *guard;
    let b = find(&mut data.broadcasts, &pid, &id)?;
    if b.stream_mode != "manual" {
        return Err(ApiError::method_not_allowed(
            "Streams can only be added to or removed from broadcasts with streamMode 'manual'",
        ));
    }
    if b.status != "started" {
        return Err(ApiError::conflict(format!("Broadcast {id} is not live")));
    }
    let exists = data
        .sessions
        .get(&b.session_id)
        .is_some_and(|s| s.streams.iter().any(|x| x.id == stream_id));
    patch.apply(&mut b.streams, add, &stream_id, exists)?;
    b.updated_at = ids::now_ms();
    no_content()
}
