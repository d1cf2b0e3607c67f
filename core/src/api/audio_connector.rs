//! Audio Connector: stream session audio to a WebSocket.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{check_id, decode_with, project_path, Headers};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

/// How audio is framed on the WebSocket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AudioTransport {
    /// `binary` or `json`.
    pub transport: Option<String>,
    /// `base64` (json transport).
    pub encoding: Option<String>,
    /// Field carrying outgoing audio (json transport).
    #[serde(alias = "audioField")]
    pub audio_field: Option<String>,
    /// Field carrying incoming audio (json transport).
    #[serde(alias = "receiveAudioField")]
    pub receive_audio_field: Option<String>,
    /// Fields added to every message.
    #[serde(alias = "staticFields")]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub static_fields: BTreeMap<String, Value>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `connect_audio`: starts an Audio Connector.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ConnectAudio {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// A client token for the session.
    pub token: String,
    /// WebSocket URI (`ws://` or `wss://`).
    pub uri: String,
    /// Streams to send (all when empty).
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub streams: Vec<String>,
    /// Headers for the WebSocket handshake (≤ 512 bytes in total).
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub headers: Headers,
    /// 8000 (default), 16000 or 24000.
    #[serde(alias = "audioRate")]
    pub audio_rate: Option<i64>,
    /// Also play audio received from the WebSocket.
    pub bidirectional: Option<bool>,
    /// Framing.
    #[serde(alias = "audioTransport")]
    pub audio_transport: Option<AudioTransport>,
    /// Keys the core does not know, sent in the `websocket` object as given (where the official
    /// SDKs put the connection options).
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for ConnectAudio {
    const NAME: &'static str = "connect_audio";
    type Output = AudioConnection;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let transport = self.audio_transport.as_ref().map(|t| {
            Obj::new()
                .opt("transport", t.transport.as_ref())
                .opt("encoding", t.encoding.as_ref())
                .opt("audio_field", t.audio_field.as_ref())
                .opt("receive_audio_field", t.receive_audio_field.as_ref())
                .opt(
                    "static_fields",
                    (!t.static_fields.is_empty()).then_some(&t.static_fields),
                )
                .extra(&t.extra)
                .build()
        });
        let ws = Obj::new()
            .put("uri", &self.uri)
            .opt(
                "streams",
                (!self.streams.is_empty()).then_some(&self.streams),
            )
            .opt(
                "headers",
                (!self.headers.is_empty()).then_some(&self.headers),
            )
            .opt("audioRate", self.audio_rate)
            .opt("bidirectional", self.bidirectional)
            .opt("audioTransport", transport)
            .extra(&self.extra)
            .build();
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .put("token", &self.token)
            .put("websocket", ws)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/connect")?).json(body))
    }
    decode_with!(json);
}

crate::record::result_record! {
    ffi audio_connection_ffi;
    /// A running Audio Connector.
    pub struct AudioConnection {
        /// Audio Connector id.
        id: String = "id",
        /// Its connection id in the session (pass it to `stop_audio_connector`).
        connection_id: Option<String> = "connectionId",
        /// Whether it is bidirectional, when reported.
        bidirectional: Option<bool> = "bidirectional",
    }
    added {}
}

/// `stop_audio_connector`: `POST …/connect/{connectionId}/stop`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StopAudioConnector {
    /// The Audio Connector's connection id (as returned by `connect_audio`).
    #[serde(alias = "connectionId")]
    pub connection_id: String,
}

impl Operation for StopAudioConnector {
    const NAME: &'static str = "stop_audio_connector";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("connection_id", &self.connection_id)?;
        Ok(WireRequest::new(
            Method::Post,
            project_path(project_id, &format!("/connect/{id}/stop"))?,
        )
        .json(serde_json::json!({})))
    }
    decode_with!(empty);
}
