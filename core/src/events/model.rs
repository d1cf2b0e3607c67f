//! One typed model per callback kind. Every field is optional and decoded leniently; fields the model
//! does not name are kept in `extra` (their wire names and values as received).

use super::lenient;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A client connection as described inside an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ConnectionInfo {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `data`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub data: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// A published stream as described inside an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct StreamInfo {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `connection`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub connection: Option<ConnectionInfo>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `name`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// `videoType`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub video_type: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// A SIP call as described inside a SIP event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SipCallInfo {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `sipUri`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub sip_uri: Option<String>,
    /// `connectionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub connection_id: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Session monitoring: `connectionCreated` / `connectionDestroyed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ConnectionEvent {
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `timestamp`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub timestamp: Option<i64>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `connection`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub connection: Option<ConnectionInfo>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Session monitoring: `streamCreated` / `streamDestroyed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct StreamEvent {
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `timestamp`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub timestamp: Option<i64>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `stream`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub stream: Option<StreamInfo>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Session monitoring: `sessionCreated` / `sessionDestroyed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SessionEvent {
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `timestamp`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub timestamp: Option<i64>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Archive status (`started`, `paused`, `stopped`, `uploaded`, `available`, `failed`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ArchiveEvent {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `status`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// `name`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `partnerId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub partner_id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `updatedAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    /// `size`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: Option<i64>,
    /// `duration`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub duration: Option<i64>,
    /// `outputMode`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub output_mode: Option<String>,
    /// `streamMode`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub stream_mode: Option<String>,
    /// `hasAudio`.
    #[serde(default, deserialize_with = "lenient::boolean")]
    pub has_audio: Option<bool>,
    /// `hasVideo`.
    #[serde(default, deserialize_with = "lenient::boolean")]
    pub has_video: Option<bool>,
    /// `resolution`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub resolution: Option<String>,
    /// `sha256sum`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub sha256sum: Option<String>,
    /// `url`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Live-streaming broadcast status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct BroadcastEvent {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `status`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `partnerId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub partner_id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `updatedAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    /// `resolution`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub resolution: Option<String>,
    /// `streamMode`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub stream_mode: Option<String>,
    /// `maxDuration`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub max_duration: Option<i64>,
    /// `hasAudio`.
    #[serde(default, deserialize_with = "lenient::boolean")]
    pub has_audio: Option<bool>,
    /// `hasVideo`.
    #[serde(default, deserialize_with = "lenient::boolean")]
    pub has_video: Option<bool>,
    /// `broadcastUrls`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub broadcast_urls: Option<serde_json::Value>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// SIP call events: `callCreated`, `callUpdated`, `callDestroyed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SipCallEvent {
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `timestamp`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub timestamp: Option<i64>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `state`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub state: Option<String>,
    /// `call`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub call: Option<SipCallInfo>,
    /// `connection`.
    #[serde(default, deserialize_with = "lenient::opt")]
    pub connection: Option<ConnectionInfo>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Experience Composer status (`starting`, `started`, `stopped`, `failed`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct RenderEvent {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `status`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `applicationId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub application_id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `updatedAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    /// `name`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// `url`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: Option<String>,
    /// `resolution`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub resolution: Option<String>,
    /// `streamId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub stream_id: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Live-captions status (`started`, `stopped`, `failed`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct CaptionsEvent {
    /// `captionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub caption_id: Option<String>,
    /// `group`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub group: Option<String>,
    /// `status`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `applicationId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub application_id: Option<String>,
    /// `createdAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    /// `updatedAt`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    /// `duration`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub duration: Option<i64>,
    /// `languageCode`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub language_code: Option<String>,
    /// `provider`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub provider: Option<String>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}

/// Audio Connector (WebSocket) status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct AudioConnectorEvent {
    /// `id`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    /// `group`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub group: Option<String>,
    /// `event`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub event: Option<String>,
    /// `status`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// `reason`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub reason: Option<String>,
    /// `sessionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub session_id: Option<String>,
    /// `projectId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub project_id: Option<String>,
    /// `connectionId`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub connection_id: Option<String>,
    /// `timestamp`.
    #[serde(default, deserialize_with = "lenient::int")]
    pub timestamp: Option<i64>,
    /// Fields this model does not name, as received.
    #[serde(flatten, skip_serializing)]
    pub extra: Map<String, Value>,
}
