//! Live captions: `/v2/project/{apiKey}/captions…` (census §2.8).

use crate::error::{json_response, ok_json, parse_json, required_str, ApiError, ApiResult};
use crate::ids;
use crate::model::Caption;
use crate::state::{lock, AppState};
use crate::validate::{in_range, len_range, one_of};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

/// Languages the service documents.
const LANGUAGES: [&str; 14] = [
    "en-US", "en-AU", "en-GB", "es-US", "zh-CN", "fr-FR", "fr-CA", "de-DE", "hi-IN", "it-IT",
    "ja-JP", "ko-KR", "pt-BR", "th-TH",
];

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartBody {
    session_id: Option<String>,
    token: Option<String>,
    language_code: Option<String>,
    max_duration: Option<i64>,
    partial_captions: Option<bool>,
    status_callback_url: Option<String>,
}

/// `POST /v2/project/{apiKey}/captions` → 202 `{captionsId}`.
pub async fn start(State(st): State<AppState>, Path(pid): Path<String>, body: Bytes) -> ApiResult {
    let b: StartBody = parse_json(&body, false)?;
    let session_id = required_str(b.session_id, "sessionId")?;
    required_str(b.token, "token")?;
    let language = b.language_code.unwrap_or_else(|| "en-US".to_string());
    one_of("languageCode", &language, &LANGUAGES)?;
    let max_duration = b.max_duration.unwrap_or(14_400);
    in_range("maxDuration", max_duration, 300, 14_400)?;
    if let Some(cb) = &b.status_callback_url {
        len_range("statusCallbackUrl", cb, 15, 2048)?;
    }
    let mut data = lock(&st.data);
    data.session_mut(&pid, &session_id)?;
    if data
        .captions
        .iter()
        .any(|c| c.session_id == session_id && c.status == "started")
    {
        return Err(ApiError::conflict(
            "Live captions have already started for this OpenTok Session",
        ));
    }
    let id = ids::uuid_v4();
    let now = ids::now_ms();
    data.captions.push(Caption {
        caption_id: id.clone(),
        application_id: pid,
        session_id,
        status: "started".to_string(),
        created_at: now,
        updated_at: now,
        duration: 0,
        language_code: language,
        provider: "aws-transcribe".to_string(),
        reason: String::new(),
        max_duration,
        partial_captions: b.partial_captions.unwrap_or(true),
    });
    Ok(json_response(
        StatusCode::ACCEPTED,
        &json!({ "captionsId": id }),
    ))
}

fn find<'a>(list: &'a mut [Caption], pid: &str, id: &str) -> ApiResult<&'a mut Caption> {
    list.iter_mut()
        .find(|c| c.caption_id == id && c.application_id == pid)
        .ok_or_else(|| ApiError::not_found(format!("Captions not found: {id}")))
}

/// `POST /v2/project/{apiKey}/captions/{captionsId}/stop` → 202.
pub async fn stop(
    State(st): State<AppState>,
    Path((pid, id)): Path<(String, String)>,
) -> ApiResult {
    let mut data = lock(&st.data);
    let c = find(&mut data.captions, &pid, &id)?;
    if c.status != "started" {
        return Err(ApiError::not_found(format!(
            "Captions {id} were not found or have already stopped"
        )));
    }
    let now = ids::now_ms();
    c.status = "stopped".to_string();
    c.reason = "Stop Requested".to_string();
    c.updated_at = now;
    c.duration = (now - c.created_at) / 1000;
    Ok(StatusCode::ACCEPTED.into_response())
}

/// `GET /v2/project/{apiKey}/captions/{captionsId}`.
pub async fn get(State(st): State<AppState>, Path((pid, id)): Path<(String, String)>) -> ApiResult {
    let mut data = lock(&st.data);
    let c = find(&mut data.captions, &pid, &id)?;
    ok_json(&c.status_json())
}
