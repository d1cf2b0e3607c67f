//! Option records of broadcasts, streams, signals, SIP, renders, Audio Connector and captions
//! (snake_case fields as `opentok-core` reads its JSON arguments; `extra` members sent as given).

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::types::{ser_extra, Layout, StreamMode};

/// HLS output of a broadcast.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct Hls {
    /// DVR (rewind); not with low_latency.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dvr: Option<bool>,
    /// Low-latency HLS; not with dvr.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_latency: Option<bool>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// One RTMP output of a broadcast.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct Rtmp {
    /// RTMP server URL.
    pub server_url: String,
    /// Stream name (key).
    pub stream_name: String,
    /// Your id for this target.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Broadcast outputs: HLS and/or up to 5 RTMP targets.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct BroadcastOutputs {
    /// HLS output.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hls: Option<Hls>,
    /// RTMP outputs (at most 5).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rtmp: Vec<Rtmp>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Options of `start_broadcast`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct BroadcastProperties {
    /// Outputs (HLS and/or RTMP); at least one is required.
    #[uniffi(default)]
    pub outputs: BroadcastOutputs,
    /// Layout.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// Maximum duration in seconds (60–36000).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<i64>,
    /// Maximum bitrate, bits per second (100000–6000000).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_bitrate: Option<i64>,
    /// Resolution.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Auto or manual stream selection.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_mode: Option<StreamMode>,
    /// Tag allowing several broadcasts of one session at once.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multi_broadcast_tag: Option<String>,
    /// Include audio.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_audio: Option<bool>,
    /// Include video.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_video: Option<bool>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// One stream's new layout classes.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct StreamClassList {
    /// Stream id.
    pub id: String,
    /// Its layout classes.
    #[uniffi(default)]
    pub layout_class_list: Vec<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// A signal's type and data.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct SignalProperties {
    /// Data (≤ 8 kB).
    pub data: String,
    /// Type (≤ 128 characters of `A-Z a-z 0-9 _ ~ -`).
    #[uniffi(default)]
    pub r#type: Option<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// SIP digest credentials. An object, so the password never shows in `toString`/`description`.
#[derive(uniffi::Object)]
pub struct SipAuth {
    username: String,
    password: String,
}

#[uniffi::export]
impl SipAuth {
    /// Credentials for the SIP endpoint.
    #[uniffi::constructor]
    pub fn new(username: String, password: String) -> Arc<Self> {
        Arc::new(SipAuth { username, password })
    }

    /// The user name.
    pub fn username(&self) -> String {
        self.username.clone()
    }
}

impl std::fmt::Debug for SipAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SipAuth")
            .field("username", &self.username)
            .field("password", &"[redacted]")
            .finish()
    }
}

fn ser_sip_auth<S: Serializer>(v: &Option<Arc<SipAuth>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(a) => serde_json::json!({"username": a.username, "password": a.password}).serialize(s),
    }
}

/// Options of `dial` (the SIP endpoint).
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct SipProperties {
    /// SIP URI (`sip:` or `sips:`).
    pub uri: String,
    /// Caller id.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Custom SIP headers (names start with `X-`).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "HashMap::is_empty")]
    pub headers: HashMap<String, String>,
    /// Digest credentials.
    #[uniffi(default)]
    #[serde(
        serialize_with = "ser_sip_auth",
        skip_serializing_if = "Option::is_none"
    )]
    pub auth: Option<Arc<SipAuth>>,
    /// SRTP/TLS.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secure: Option<bool>,
    /// Include video.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<bool>,
    /// Honour force-mute.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observe_force_mute: Option<bool>,
    /// Streams to subscribe to (all when empty).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Options of `start_render` (Experience Composer).
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct RenderProperties {
    /// Page to render (http/https, 15–2048 characters).
    pub url: String,
    /// Maximum duration in seconds (60–36000).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<i64>,
    /// Resolution.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Status callback URL.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_callback_url: Option<String>,
    /// Name of the composed stream (sent as `properties.name`).
    #[uniffi(default)]
    #[serde(skip)]
    pub name: Option<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// A value of an Audio Connector static field.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum StaticField {
    /// A string.
    Text {
        /// The value.
        value: String,
    },
    /// An integer.
    Integer {
        /// The value.
        value: i64,
    },
    /// A floating-point number.
    Decimal {
        /// The value.
        value: f64,
    },
    /// A boolean.
    Flag {
        /// The value.
        value: bool,
    },
}

impl Serialize for StaticField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StaticField::Text { value } => s.serialize_str(value),
            StaticField::Integer { value } => s.serialize_i64(*value),
            StaticField::Decimal { value } => s.serialize_f64(*value),
            StaticField::Flag { value } => s.serialize_bool(*value),
        }
    }
}

/// How audio is framed on the Audio Connector WebSocket.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct AudioTransport {
    /// `binary` or `json`.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    /// `base64` (json transport).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Field carrying outgoing audio.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_field: Option<String>,
    /// Field carrying incoming audio.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receive_audio_field: Option<String>,
    /// Fields added to every message.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "HashMap::is_empty")]
    pub static_fields: HashMap<String, StaticField>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Options of `connect_audio` (Audio Connector).
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct AudioConnectorProperties {
    /// WebSocket URI (`ws://` or `wss://`).
    pub uri: String,
    /// Streams to send (all when empty).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<String>,
    /// Handshake headers (≤ 512 bytes in total).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "HashMap::is_empty")]
    pub headers: HashMap<String, String>,
    /// 8000 (default), 16000 or 24000.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_rate: Option<i64>,
    /// Also play audio received from the WebSocket.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bidirectional: Option<bool>,
    /// Framing.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_transport: Option<AudioTransport>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Options of `start_captions`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct CaptionProperties {
    /// BCP-47 code like `en-US`.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    /// Maximum duration in seconds (300–14400).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<i64>,
    /// Send partial results.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_captions: Option<bool>,
    /// Status callback URL.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_callback_url: Option<String>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}
