//! Archives: `/v2/project/{apiKey}/archive…` (census §2.2).

use crate::error::{no_content, ok_json, parse_json, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::{Archive, MediaMode, TranscriptionProperties};
use crate::state::{lock, page, paging, AppState};
use crate::validate::{in_range, one_of, tags_clash, Layout, StreamPatch, RESOLUTIONS};
use axum::extract::{Path, Query, State};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// Start-archive body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartBody {
    session_id: Option<String>,
    name: Option<String>,
    has_audio: Option<bool>,
    has_video: Option<bool>,
    output_mode: Option<String>,
    resolution: Option<String>,
    layout: Option<Layout>,
    stream_mode: Option<String>,
    multi_archive_tag: Option<String>,
    max_bitrate: Option<i64>,
    quantization_parameter: Option<i64>,
    has_transcription: Option<bool>,
    transcription_properties: Option<TranscriptionProperties>,
}

/// `POST /v2/project/{apiKey}/archive`.
pub async fn start(State(st): State<AppState>, Path(pid): Path<String>, body: Bytes) -> ApiResult {
    let b: StartBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    let output_mode = b.output_mode.unwrap_or_else(|| "composed".to_string());
    one_of("outputMode", &output_mode, &["composed", "individual"])?;
    let stream_mode = b.stream_mode.unwrap_or_else(|| "auto".to_string());
    one_of("streamMode", &stream_mode, &["auto", "manual"])?;
    let has_audio = b.has_audio.unwrap_or(true);
    let has_video = b.has_video.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request(
            "At least one of 'hasAudio' and 'hasVideo' must be true",
        ));
    }
    if let Some(r) = &b.resolution {
        if output_mode == "individual" {
            return Err(ApiError::bad_request(
                "Field 'resolution' is not allowed when 'outputMode' is 'individual'",
            ));
        }
        one_of("resolution", r, &RESOLUTIONS)?;
    }
    if let Some(layout) = &b.layout {
        if output_mode == "individual" && layout.kind.is_some() {
            return Err(ApiError::bad_request(
                "Field 'layout' is not allowed when 'outputMode' is 'individual'",
            ));
        }
        layout.validate("layout.")?;
    }
    if let Some(mb) = b.max_bitrate {
        in_range("maxBitrate", mb, 100_000, 6_000_000)?;
    }
    if let Some(q) = b.quantization_parameter {
        in_range("quantizationParameter", q, 15, 40)?;
        if b.max_bitrate.is_some() {
            return Err(ApiError::bad_request(
                "Fields 'maxBitrate' and 'quantizationParameter' cannot be combined",
            ));
        }
    }
    if let Some(name) = &b.name {
        crate::validate::len_range("name", name, 0, 200)?;
    }
    if let Some(tag) = &b.multi_archive_tag {
        crate::validate::len_range("multiArchiveTag", tag, 1, 80)?;
    }
    if let Some(tp) = &b.transcription_properties {
        if let Some(l) = &tp.primary_language_code {
            crate::validate::len_range("transcriptionProperties.primaryLanguageCode", l, 2, 35)?;
        }
    }
    let mut data = lock(&st.data);
    let session = data.session_mut(&pid, &session_id)?;
    if session.media_mode == MediaMode::Relayed {
        return Err(ApiError::conflict(
            "Archiving is not available for relayed (peer-to-peer) sessions",
        ));
    }
    for a in data.archives.iter_mut() {
        a.settle();
    }
    let clash = data.archives.iter().any(|a| {
        a.session_id == session_id
            && matches!(a.status.as_str(), "started" | "paused")
            && tags_clash(&a.multi_archive_tag, &b.multi_archive_tag)
    });
    if clash {
        return Err(ApiError::conflict(
            "The session is already being recorded (start concurrent archives with distinct multiArchiveTag values)",
        ));
    }
    let now = ids::now_ms();
    let archive = Archive {
        id: ids::uuid_v4(),
        project_id: pid,
        session_id,
        status: "started".to_string(),
        name: b.name,
        created_at: now,
        updated_at: now,
        resolution: if output_mode == "composed" {
            Some(b.resolution.unwrap_or_else(|| "640x480".to_string()))
        } else {
            None
        },
        layout: if output_mode == "composed" {
            Some(b.layout.unwrap_or_default())
        } else {
            None
        },
        output_mode,
        stream_mode,
        has_audio,
        has_video,
        multi_archive_tag: b.multi_archive_tag,
        max_bitrate: b.max_bitrate,
        quantization_parameter: b.quantization_parameter,
        has_transcription: b.has_transcription.unwrap_or(false),
        transcription_properties: b.transcription_properties,
        streams: Vec::new(),
        size: 0,
        duration: 0,
        url: None,
        reason: String::new(),
        pending_available: false,
    };
    let out = archive.to_json(true);
    data.archives.push(archive);
    ok_json(&out)
}

fn find<'a>(archives: &'a mut [Archive], pid: &str, id: &str) -> ApiResult<&'a mut Archive> {
    archives
        .iter_mut()
        .find(|a| a.id == id && a.project_id == pid)
        .ok_or_else(|| ApiError::not_found(format!("Archive not found: {id}")))
}

/// `POST /v2/project/{apiKey}/archive/{archiveId}/stop`.
pub async fn stop(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let a = find(&mut data.archives, &pid, &id)?;
    a.settle();
    if !matches!(a.status.as_str(), "started" | "paused") {
        return Err(ApiError::conflict(format!(
            "Archive {id} is not being recorded (status '{}')",
            a.status
        )));
    }
    a.set_status("stopped");
    a.reason = "user initiated".to_string();
    a.pending_available = true;
    ok_json(&a.to_json(true))
}

/// `GET /v2/project/{apiKey}/archive/{archiveId}`.
pub async fn get(State(st): State<AppState>, Path((pid, id)): Path<(String, String)>) -> ApiResult {
    let mut data = lock(&st.data);
    let a = find(&mut data.archives, &pid, &id)?;
    a.settle();
    ok_json(&a.to_json(false))
}

/// `GET /v2/project/{apiKey}/archive` with `offset`, `count`, `sessionId`.
pub async fn list(
    State(st): State<AppState>,
    Path(pid): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult {
    let (offset, count) = paging(&q)?;
    let filter = q.get("sessionId").filter(|s| !s.is_empty());
    let mut data = lock(&st.data);
    let items: Vec<Value> = data
        .archives
        .iter_mut()
        .rev()
        .filter(|a| a.project_id == pid && filter.map_or(true, |s| &a.session_id == s))
        .map(|a| {
            a.settle();
            a.to_json(false)
        })
        .collect();
    ok_json(&page(items, offset, count))
}

/// `DELETE /v2/project/{apiKey}/archive/{archiveId}`.
pub async fn delete(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let a = find(&mut data.archives, &pid, &id)?;
    a.settle();
    if !matches!(a.status.as_str(), "available" | "uploaded" | "deleted") {
        return Err(ApiError::conflict(format!(
            "Archive {id} cannot be deleted: status is '{}' (must be available, uploaded or deleted)",
            a.status
        )));
    }
    a.set_status("deleted");
    no_content()
}

/// `PUT /v2/project/{apiKey}/archive/{archiveId}/layout`.
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
    let a = find(&mut data.archives, &pid, &id)?;
    a.settle();
    if a.output_mode != "composed" {
        return Err(ApiError::bad_request(
            "The layout can only be set for composed archives",
        ));
    }
    a.layout = Some(layout);
    a.updated_at = ids::now_ms();
    ok_json(&a.to_json(false))
}

/// `PATCH /v2/project/{apiKey}/archive/{archiveId}/streams`.
pub async fn streams(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    let patch: StreamPatch = parse_json(&body, false)?;
    let (add, stream_id) = patch.action()?;
    let mut guard = lock(&st.data);
    let data = &mut *guard;
    let a = find(&mut data.archives, &pid, &id)?;
    a.settle();
    if a.stream_mode != "manual" {
        return Err(ApiError::method_not_allowed(
            "Streams can only be added to or removed from archives with streamMode 'manual'",
        ));
    }
    if !matches!(a.status.as_str(), "started" | "paused") {
        return Err(ApiError::conflict(format!(
            "Archive {id} is not being recorded (status '{}')",
            a.status
        )));
    }
    let exists = data
        .sessions
        .get(&a.session_id)
        .is_some_and(|s| s.streams.iter().any(|x| x.id == stream_id));
    patch.apply(&mut a.streams, add, &stream_id, exists)?;
    a.updated_at = ids::now_ms();
    no_content()
}
