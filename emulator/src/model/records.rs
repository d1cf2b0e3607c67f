//! Renders, captions, SIP calls, Audio Connector connections and registered project callbacks.

use crate::ids::project_id_value;
use serde_json::{json, Value};

/// An Experience Composer render.
#[derive(Debug, Clone)]
pub struct Render {
    /// Id.
    pub id: String,
    /// Project (api key or application id, as given in the path).
    pub project_id: String,
    /// Session.
    pub session_id: String,
    /// `starting` / `started` / `stopped` / `failed`.
    pub status: String,
    /// Creation time (ms).
    pub created_at: i64,
    /// Update time (ms).
    pub updated_at: i64,
    /// The page rendered.
    pub url: String,
    /// Resolution.
    pub resolution: String,
    /// Max duration (s).
    pub max_duration: i64,
    /// The stream the render publishes.
    pub stream_id: String,
    /// `properties.name`.
    pub name: Option<String>,
    /// Status callback URL.
    pub callback_url: Option<String>,
    /// Stop/failure reason (absent until set).
    pub reason: Option<String>,
}

impl Render {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "id": self.id,
            "sessionId": self.session_id,
            "projectId": project_id_value(&self.project_id),
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "url": self.url,
            "resolution": self.resolution,
            "maxDuration": self.max_duration,
            "status": self.status,
            "streamId": self.stream_id,
        });
        if let Some(n) = &self.name {
            v["name"] = json!(n);
        }
        if let Some(cb) = &self.callback_url {
            v["callbackUrl"] = json!(cb);
        }
        if let Some(r) = &self.reason {
            v["reason"] = json!(r);
        }
        v
    }
}

/// A live-captions job.
#[derive(Debug, Clone)]
pub struct Caption {
    /// Id.
    pub caption_id: String,
    /// Project (api key or application id, as given in the path).
    pub application_id: String,
    /// Session.
    pub session_id: String,
    /// `started` / `stopped` / `failed` / `paused`.
    pub status: String,
    /// Creation time (ms).
    pub created_at: i64,
    /// Update time (ms).
    pub updated_at: i64,
    /// Duration (s), set when stopped.
    pub duration: i64,
    /// Language.
    pub language_code: String,
    /// Transcription provider.
    pub provider: String,
    /// Stop/failure reason.
    pub reason: String,
    /// Max duration (s).
    pub max_duration: i64,
    /// Partial captions requested.
    pub partial_captions: bool,
}

impl Caption {
    /// Everything kept, including the start options the status answer omits (admin routes and
    /// callbacks show this form).
    pub fn to_json(&self) -> Value {
        let mut v = self.status_json();
        v["maxDuration"] = json!(self.max_duration);
        v["partialCaptions"] = json!(self.partial_captions);
        v
    }

    /// Wire form of `GET …/captions/{id}`.
    pub fn status_json(&self) -> Value {
        json!({
            "captionId": self.caption_id,
            "applicationId": self.application_id,
            "sessionId": self.session_id,
            "status": self.status,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "duration": self.duration,
            "languageCode": self.language_code,
            "provider": self.provider,
            "reason": self.reason,
        })
    }
}

/// A SIP call dialed into a session.
#[derive(Debug, Clone)]
pub struct SipCall {
    /// Id.
    pub id: String,
    /// The call's connection.
    pub connection_id: String,
    /// The call's stream.
    pub stream_id: String,
    /// Project (api key or application id, as given in the path).
    pub project_id: String,
    /// Session.
    pub session_id: String,
    /// Creation time (ms).
    pub created_at: i64,
    /// Update time (ms).
    pub updated_at: i64,
}

impl SipCall {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "connectionId": self.connection_id,
            "streamId": self.stream_id,
            "projectId": project_id_value(&self.project_id),
            "sessionId": self.session_id,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
        })
    }
}

/// An Audio Connector WebSocket connection.
#[derive(Debug, Clone)]
pub struct AudioConnector {
    /// Id.
    pub id: String,
    /// The WebSocket's connection.
    pub connection_id: String,
    /// Session.
    pub session_id: String,
    /// Project (api key or application id, as given in the path).
    pub project_id: String,
    /// WebSocket URI.
    pub uri: String,
    /// Bidirectional audio.
    pub bidirectional: bool,
    /// Audio rate (Hz).
    pub audio_rate: i64,
    /// Still connected.
    pub active: bool,
}

impl AudioConnector {
    /// Admin view (the emulator's page lists these).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "connectionId": self.connection_id,
            "sessionId": self.session_id,
            "projectId": self.project_id,
            "uri": self.uri,
            "bidirectional": self.bidirectional,
            "audioRate": self.audio_rate,
            "active": self.active,
        })
    }
}

/// A project callback registered with `POST …/callback`.
#[derive(Debug, Clone)]
pub struct RegisteredCallback {
    /// Owning project (as given in the path).
    pub project_id: String,
    /// Id.
    pub id: String,
    /// `archive`, `connection`, `stream`, `broadcast` or `sessionMonitoring`.
    pub group: String,
    /// Event name.
    pub event: String,
    /// Where to send it.
    pub url: String,
    /// Creation time (ms).
    pub created_at: i64,
}

impl RegisteredCallback {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "group": self.group,
            "event": self.event,
            "url": self.url,
            "createdAt": self.created_at,
        })
    }
}
