//! Sessions and what lives in them: connections, streams, signals, DTMF and the mute-all state.

use crate::ids;
use serde_json::{json, Value};

/// Media mode of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaMode {
    /// Through the media router.
    Routed,
    /// Peer to peer.
    Relayed,
}

impl MediaMode {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaMode::Routed => "routed",
            MediaMode::Relayed => "relayed",
        }
    }
}

/// A client connection in a session.
#[derive(Debug, Clone)]
pub struct Connection {
    /// Connection id.
    pub id: String,
    /// Connection data.
    pub data: Option<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// What it is: `client`, `sip`, `websocket`, `render`.
    pub kind: &'static str,
}

impl Connection {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({ "connectionId": self.id, "connectionState": "Connected", "createdAt": self.created_at })
    }
}

/// A published stream.
#[derive(Debug, Clone)]
pub struct Stream {
    /// Stream id.
    pub id: String,
    /// Publishing connection.
    pub connection_id: String,
    /// `camera`, `screen` or `custom`.
    pub video_type: String,
    /// Stream name.
    pub name: String,
    /// Layout classes.
    pub layout_class_list: Vec<String>,
    /// Audio force-muted (by mute-one or mute-all).
    pub muted: bool,
}

impl Stream {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "videoType": self.video_type,
            "name": self.name,
            "layoutClassList": self.layout_class_list,
        })
    }
}

/// A session created through the emulator.
#[derive(Debug, Clone)]
pub struct Session {
    /// Session id.
    pub id: String,
    /// Owning project (api key or application id).
    pub project_id: String,
    /// Media mode.
    pub media_mode: MediaMode,
    /// `manual` or `always`.
    pub archive_mode: String,
    /// Location hint.
    pub location: String,
    /// End-to-end encryption.
    pub e2ee: bool,
    /// Auto-archive name.
    pub archive_name: Option<String>,
    /// Auto-archive resolution.
    pub archive_resolution: Option<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// Connected clients.
    pub connections: Vec<Connection>,
    /// Published streams.
    pub streams: Vec<Stream>,
    /// Signals received (`{to, type, data}`).
    pub signals: Vec<Value>,
    /// DTMF received (`{to, digits}`).
    pub dtmf: Vec<Value>,
    /// Mute-all state: `Some(excluded ids)` while active.
    pub mute_all: Option<Vec<String>>,
    /// Forced disconnections (connection ids).
    pub disconnected: Vec<String>,
}

impl Session {
    /// The stream with this id, or the service's 404.
    pub fn stream_mut(&mut self, stream_id: &str) -> Result<&mut Stream, crate::error::ApiError> {
        self.streams
            .iter_mut()
            .find(|x| x.id == stream_id)
            .ok_or_else(|| {
                crate::error::ApiError::not_found(format!("Stream not found: {stream_id}"))
            })
    }

    /// Admin view.
    pub fn admin_json(&self) -> Value {
        json!({
            "sessionId": self.id,
            "projectId": self.project_id,
            "mediaMode": self.media_mode.as_str(),
            "archiveMode": self.archive_mode,
            "location": self.location,
            "e2ee": self.e2ee,
            "archiveName": self.archive_name,
            "archiveResolution": self.archive_resolution,
            "createdAt": self.created_at,
            "connections": self.connections.iter().map(|c| json!({
                "connectionId": c.id, "connectionState": "Connected", "createdAt": c.created_at,
                "data": c.data, "kind": c.kind,
            })).collect::<Vec<_>>(),
            "streams": self.streams.iter().map(|s| json!({
                "id": s.id, "connectionId": s.connection_id, "videoType": s.video_type, "name": s.name,
                "layoutClassList": s.layout_class_list, "muted": s.muted,
            })).collect::<Vec<_>>(),
            "signals": self.signals,
            "dtmf": self.dtmf,
            "muteAll": { "active": self.mute_all.is_some(), "excludedStreamIds": self.mute_all.clone().unwrap_or_default() },
            "disconnected": self.disconnected,
        })
    }

    /// Adds a connection and returns its id.
    pub fn add_connection(
        &mut self,
        id: Option<String>,
        data: Option<String>,
        kind: &'static str,
    ) -> Connection {
        let conn = Connection {
            id: id.unwrap_or_else(ids::uuid_v4),
            data,
            created_at: ids::now_ms(),
            kind,
        };
        self.connections.push(conn.clone());
        conn
    }

    /// Adds a stream published by `connection_id`.
    pub fn add_stream(&mut self, stream: Stream) {
        let mut stream = stream;
        if let Some(excluded) = &self.mute_all {
            stream.muted = !excluded.contains(&stream.id);
        }
        self.streams.push(stream);
    }

    /// Whether a connection is connected.
    pub fn has_connection(&self, id: &str) -> bool {
        self.connections.iter().any(|c| c.id == id)
    }
}
