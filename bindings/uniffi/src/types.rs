//! Records and enums shared with Kotlin and Swift.
//!
//! Option records carry the snake_case field names of `opentok-core`'s JSON arguments, so
//! `serde_json::to_value` of a record is exactly what `opentok_core::call` reads. Result records
//! carry core's camelCase output names, so `serde_json::from_value` fills them from core's answer.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

/// How media flows in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "lowercase")]
pub enum MediaMode {
    /// Through the OpenTok Media Router (needed for archiving, broadcasting, …).
    Routed,
    /// Peer to peer when possible (the official SDKs' default).
    Relayed,
}

/// Whether a session is archived automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "lowercase")]
pub enum ArchiveMode {
    /// Archives are started by API calls (default).
    Manual,
    /// An archive starts when the first client joins (routed sessions only).
    Always,
}

/// A client's role in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
pub enum Role {
    /// Can only subscribe.
    #[serde(rename = "subscriber")]
    Subscriber,
    /// Can publish and subscribe (default).
    #[serde(rename = "publisher")]
    Publisher,
    /// Can publish but not subscribe.
    #[serde(rename = "publisheronly")]
    PublisherOnly,
    /// Can publish, subscribe and moderate.
    #[serde(rename = "moderator")]
    Moderator,
}

/// Client token format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
pub enum TokenType {
    /// A JWT (default).
    #[serde(rename = "JWT")]
    Jwt,
    /// The legacy `T1==` format (project credentials only).
    #[serde(rename = "T1")]
    T1,
}

/// Archive and broadcast layout types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "camelCase")]
pub enum LayoutType {
    /// Tiles sized to fit.
    BestFit,
    /// Picture-in-picture.
    Pip,
    /// One large stream, others stacked vertically.
    VerticalPresentation,
    /// One large stream, others in a row.
    HorizontalPresentation,
    /// Focus layout.
    Focus,
    /// A custom stylesheet.
    Custom,
}

/// Composed (one file) or individual (one file per stream).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "lowercase")]
pub enum OutputMode {
    /// All streams composed into one file.
    Composed,
    /// One file per stream.
    Individual,
}

/// Whether streams are added automatically or by API calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "lowercase")]
pub enum StreamMode {
    /// All streams are included.
    Auto,
    /// Streams are added with add/remove stream calls.
    Manual,
}

// ---------------------------------------------------------------------------------------------
// Client configuration
// ---------------------------------------------------------------------------------------------

/// Transport settings of a client. Every field is optional.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct ClientConfig {
    /// Base URL (default `https://api.opentok.com`, or the Vonage URL for application credentials).
    #[uniffi(default)]
    pub api_url: Option<String>,
    /// Request timeout in seconds (default 20).
    #[uniffi(default)]
    pub timeout: Option<f64>,
    /// Connect timeout in seconds (default 5).
    #[uniffi(default)]
    pub connect_timeout: Option<f64>,
    /// Proxy URL, e.g. `http://user:pass@proxy:3128`.
    #[uniffi(default)]
    pub proxy: Option<String>,
    /// Appended to the User-Agent.
    #[uniffi(default)]
    pub ua_addendum: Option<String>,
    /// Host language for the User-Agent, e.g. `kotlin/2.1.20`.
    #[uniffi(default)]
    pub language: Option<String>,
    /// Retries of idempotent requests on 429/502/503/504 and connection errors.
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// First retry delay in seconds.
    #[uniffi(default)]
    pub retry_base_delay: Option<f64>,
    /// Longest retry delay in seconds.
    #[uniffi(default)]
    pub retry_max_delay: Option<f64>,
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/// Options of a client token.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct TokenOptions {
    /// Role (default publisher).
    #[uniffi(default)]
    pub role: Option<Role>,
    /// Expiry in Unix seconds (default now + 24 h; at most now + 30 days).
    #[uniffi(default)]
    pub expire_time: Option<i64>,
    /// Connection data (≤ 1000 characters).
    #[uniffi(default)]
    pub data: Option<String>,
    /// Initial layout classes of the client's streams.
    #[uniffi(default)]
    pub initial_layout_class_list: Vec<String>,
    /// Token format (default JWT).
    #[uniffi(default)]
    pub token_type: Option<TokenType>,
}

/// Options of `create_session`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct SessionProperties {
    /// Media mode (default relayed, as in the official SDKs).
    #[uniffi(default)]
    pub media_mode: Option<MediaMode>,
    /// Archive mode (default manual).
    #[uniffi(default)]
    pub archive_mode: Option<ArchiveMode>,
    /// IPv4 address used as a location hint.
    #[uniffi(default)]
    pub location: Option<String>,
    /// Name of automatic archives (archive mode `always` only).
    #[uniffi(default)]
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (archive mode `always` only).
    #[uniffi(default)]
    pub archive_resolution: Option<String>,
    /// End-to-end encryption (routed sessions only).
    #[uniffi(default)]
    pub e2ee: Option<bool>,
}

/// An archive or broadcast layout.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct Layout {
    /// Layout type.
    pub r#type: LayoutType,
    /// CSS, only with `Custom`.
    #[uniffi(default)]
    pub stylesheet: Option<String>,
    /// Layout while a screen is shared, only with `BestFit`.
    #[uniffi(default)]
    pub screenshare_type: Option<LayoutType>,
}

/// Post-call transcription settings of an archive.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct TranscriptionProperties {
    /// BCP-47 language code, e.g. `en-US`.
    #[uniffi(default)]
    pub primary_language_code: Option<String>,
    /// Also produce a summary.
    #[uniffi(default)]
    pub has_summary: Option<bool>,
}

/// Options of `start_archive`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct ArchiveProperties {
    /// Archive name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Record audio (server default true).
    #[uniffi(default)]
    pub has_audio: Option<bool>,
    /// Record video (server default true).
    #[uniffi(default)]
    pub has_video: Option<bool>,
    /// Composed or individual.
    #[uniffi(default)]
    pub output_mode: Option<OutputMode>,
    /// Resolution (composed only).
    #[uniffi(default)]
    pub resolution: Option<String>,
    /// Layout (composed only).
    #[uniffi(default)]
    pub layout: Option<Layout>,
    /// Auto or manual stream selection.
    #[uniffi(default)]
    pub stream_mode: Option<StreamMode>,
    /// Tag allowing several archives of one session at once.
    #[uniffi(default)]
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate, bits per second (100000–6000000).
    #[uniffi(default)]
    pub max_bitrate: Option<i64>,
    /// Quantization parameter (15–40; not with max_bitrate).
    #[uniffi(default)]
    pub quantization_parameter: Option<i64>,
    /// Produce a post-call transcription.
    #[uniffi(default)]
    pub has_transcription: Option<bool>,
    /// Transcription settings (only with has_transcription).
    #[uniffi(default)]
    pub transcription_properties: Option<TranscriptionProperties>,
}

/// HLS output of a broadcast.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct Hls {
    /// DVR (rewind); not with low_latency.
    #[uniffi(default)]
    pub dvr: Option<bool>,
    /// Low-latency HLS; not with dvr.
    #[uniffi(default)]
    pub low_latency: Option<bool>,
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
    pub id: Option<String>,
}

/// Broadcast outputs: HLS and/or up to 5 RTMP targets.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct BroadcastOutputs {
    /// HLS output.
    #[uniffi(default)]
    pub hls: Option<Hls>,
    /// RTMP outputs (at most 5).
    #[uniffi(default)]
    pub rtmp: Vec<Rtmp>,
}

/// Options of `start_broadcast`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct BroadcastProperties {
    /// Outputs (HLS and/or RTMP); at least one is required.
    #[uniffi(default)]
    pub outputs: BroadcastOutputs,
    /// Layout.
    #[uniffi(default)]
    pub layout: Option<Layout>,
    /// Maximum duration in seconds (60–36000).
    #[uniffi(default)]
    pub max_duration: Option<i64>,
    /// Maximum bitrate, bits per second (100000–6000000).
    #[uniffi(default)]
    pub max_bitrate: Option<i64>,
    /// Resolution.
    #[uniffi(default)]
    pub resolution: Option<String>,
    /// Auto or manual stream selection.
    #[uniffi(default)]
    pub stream_mode: Option<StreamMode>,
    /// Tag allowing several broadcasts of one session at once.
    #[uniffi(default)]
    pub multi_broadcast_tag: Option<String>,
    /// Include audio.
    #[uniffi(default)]
    pub has_audio: Option<bool>,
    /// Include video.
    #[uniffi(default)]
    pub has_video: Option<bool>,
}

/// One stream's new layout classes.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct StreamClassList {
    /// Stream id.
    pub id: String,
    /// Its layout classes.
    #[uniffi(default)]
    pub layout_class_list: Vec<String>,
}

/// A signal's type and data.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct SignalProperties {
    /// Data (≤ 8 kB).
    pub data: String,
    /// Type (≤ 128 characters of `A-Z a-z 0-9 _ ~ -`).
    #[uniffi(default)]
    pub r#type: Option<String>,
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
    pub from: Option<String>,
    /// Custom SIP headers (names start with `X-`).
    #[uniffi(default)]
    pub headers: HashMap<String, String>,
    /// Digest credentials.
    #[uniffi(default)]
    #[serde(serialize_with = "ser_sip_auth")]
    pub auth: Option<Arc<SipAuth>>,
    /// SRTP/TLS.
    #[uniffi(default)]
    pub secure: Option<bool>,
    /// Include video.
    #[uniffi(default)]
    pub video: Option<bool>,
    /// Honour force-mute.
    #[uniffi(default)]
    pub observe_force_mute: Option<bool>,
    /// Streams to subscribe to (all when empty).
    #[uniffi(default)]
    pub streams: Vec<String>,
}

/// Options of `start_render` (Experience Composer).
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct RenderProperties {
    /// Page to render (http/https, 15–2048 characters).
    pub url: String,
    /// Maximum duration in seconds (60–36000).
    #[uniffi(default)]
    pub max_duration: Option<i64>,
    /// Resolution.
    #[uniffi(default)]
    pub resolution: Option<String>,
    /// Status callback URL.
    #[uniffi(default)]
    pub status_callback_url: Option<String>,
    /// Name of the composed stream (sent as `properties.name`).
    #[uniffi(default)]
    #[serde(skip)]
    pub name: Option<String>,
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
    pub transport: Option<String>,
    /// `base64` (json transport).
    #[uniffi(default)]
    pub encoding: Option<String>,
    /// Field carrying outgoing audio.
    #[uniffi(default)]
    pub audio_field: Option<String>,
    /// Field carrying incoming audio.
    #[uniffi(default)]
    pub receive_audio_field: Option<String>,
    /// Fields added to every message.
    #[uniffi(default)]
    pub static_fields: HashMap<String, StaticField>,
}

/// Options of `connect_audio` (Audio Connector).
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct AudioConnectorProperties {
    /// WebSocket URI (`ws://` or `wss://`).
    pub uri: String,
    /// Streams to send (all when empty).
    #[uniffi(default)]
    pub streams: Vec<String>,
    /// Handshake headers (≤ 512 bytes in total).
    #[uniffi(default)]
    pub headers: HashMap<String, String>,
    /// 8000 (default), 16000 or 24000.
    #[uniffi(default)]
    pub audio_rate: Option<i64>,
    /// Also play audio received from the WebSocket.
    #[uniffi(default)]
    pub bidirectional: Option<bool>,
    /// Framing.
    #[uniffi(default)]
    pub audio_transport: Option<AudioTransport>,
}

/// Options of `start_captions`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct CaptionProperties {
    /// BCP-47 code like `en-US`.
    #[uniffi(default)]
    pub language_code: Option<String>,
    /// Maximum duration in seconds (300–14400).
    #[uniffi(default)]
    pub max_duration: Option<i64>,
    /// Send partial results.
    #[uniffi(default)]
    pub partial_captions: Option<bool>,
    /// Status callback URL.
    #[uniffi(default)]
    pub status_callback_url: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/// A project id that may be a number or a string on the wire.
fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// A created session.
#[derive(Debug, Clone, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Session id.
    pub session_id: String,
    /// Media mode.
    pub media_mode: MediaMode,
    /// Archive mode.
    pub archive_mode: ArchiveMode,
    /// Location hint.
    #[serde(default)]
    pub location: Option<String>,
    /// End-to-end encryption.
    #[serde(default)]
    pub e2ee: bool,
    /// Name of automatic archives.
    #[serde(default)]
    pub archive_name: Option<String>,
    /// Resolution of automatic archives.
    #[serde(default)]
    pub archive_resolution: Option<String>,
    /// Project id (api key).
    #[serde(default, deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Creation date as the server wrote it.
    #[serde(default)]
    pub create_dt: Option<String>,
    /// Media server URL.
    #[serde(default)]
    pub media_server_url: Option<String>,
}

/// A stream included in an archive or broadcast.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct StreamSelection {
    /// Stream id.
    pub stream_id: Option<String>,
    /// Audio included.
    pub has_audio: Option<bool>,
    /// Video included.
    pub has_video: Option<bool>,
}

/// Transcription state of an archive.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Transcription {
    /// Status.
    pub status: Option<String>,
    /// Download URL.
    pub url: Option<String>,
    /// Failure reason.
    pub reason: Option<String>,
    /// Language.
    pub primary_language_code: Option<String>,
    /// Summary requested.
    pub has_summary: Option<bool>,
}

/// An archive.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Archive {
    /// Archive id.
    pub id: String,
    /// `available`, `expired`, `failed`, `paused`, `started`, `stopped`, `uploaded` or `deleted`.
    pub status: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Why it stopped or failed.
    pub reason: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// Project id.
    #[serde(deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Creation time (ms since epoch).
    pub created_at: Option<i64>,
    /// Last update (ms since epoch).
    pub updated_at: Option<i64>,
    /// Size in bytes.
    pub size: Option<i64>,
    /// Duration in seconds.
    pub duration: Option<i64>,
    /// `composed` or `individual`.
    pub output_mode: Option<String>,
    /// `auto` or `manual`.
    pub stream_mode: Option<String>,
    /// Audio recorded.
    pub has_audio: Option<bool>,
    /// Video recorded.
    pub has_video: Option<bool>,
    /// Transcription requested.
    pub has_transcription: Option<bool>,
    /// Transcription state.
    pub transcription: Option<Transcription>,
    /// Resolution.
    pub resolution: Option<String>,
    /// Download URL once available.
    pub url: Option<String>,
    /// Encryption password, if any.
    pub password: Option<String>,
    /// SHA-256 of the file.
    pub sha256sum: Option<String>,
    /// Callback event name.
    pub event: Option<String>,
    /// Streams in the archive.
    pub streams: Vec<StreamSelection>,
    /// Multi-archive tag.
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate.
    pub max_bitrate: Option<i64>,
    /// Quantization parameter.
    pub quantization_parameter: Option<i64>,
}

/// A page of archives; `total_count` counts every page.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(default)]
pub struct ArchiveList {
    /// Total number of archives (across pages).
    #[serde(rename = "count")]
    pub total_count: i64,
    /// This page.
    pub items: Vec<Archive>,
}

/// An RTMP output's state.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct RtmpStatus {
    /// Your id.
    pub id: Option<String>,
    /// Server URL.
    pub server_url: Option<String>,
    /// Stream name.
    pub stream_name: Option<String>,
    /// `connecting`, `live`, `offline` or `error`.
    pub status: Option<String>,
}

/// Where a broadcast can be watched.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct BroadcastUrls {
    /// HLS URL.
    pub hls: Option<String>,
    /// HLS state.
    pub hls_status: Option<String>,
    /// RTMP targets.
    pub rtmp: Vec<RtmpStatus>,
}

/// HLS settings a broadcast runs with.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct HlsSettings {
    /// Low-latency HLS.
    pub low_latency: Option<bool>,
    /// DVR.
    pub dvr: Option<bool>,
}

/// Settings a broadcast runs with.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct BroadcastSettings {
    /// HLS settings.
    pub hls: Option<HlsSettings>,
}

/// A live-streaming broadcast.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Broadcast {
    /// Broadcast id.
    pub id: String,
    /// Session id.
    pub session_id: Option<String>,
    /// Project id.
    #[serde(deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
    /// Last update (ms).
    pub updated_at: Option<i64>,
    /// Maximum duration (s).
    pub max_duration: Option<i64>,
    /// Maximum bitrate.
    pub max_bitrate: Option<i64>,
    /// Resolution.
    pub resolution: Option<String>,
    /// `started` or `stopped`.
    pub status: Option<String>,
    /// Output URLs.
    pub broadcast_urls: Option<BroadcastUrls>,
    /// Settings.
    pub settings: Option<BroadcastSettings>,
    /// `auto` or `manual`.
    pub stream_mode: Option<String>,
    /// Streams in the broadcast.
    pub streams: Vec<StreamSelection>,
    /// Audio included.
    pub has_audio: Option<bool>,
    /// Video included.
    pub has_video: Option<bool>,
    /// Multi-broadcast tag.
    pub multi_broadcast_tag: Option<String>,
    /// Callback event name.
    pub event: Option<String>,
}

/// A page of broadcasts.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(default)]
pub struct BroadcastList {
    /// Total number of broadcasts (across pages).
    #[serde(rename = "count")]
    pub total_count: i64,
    /// This page.
    pub items: Vec<Broadcast>,
}

/// A stream in a session (not `Stream`, which would clash with Foundation's `Stream` in Swift).
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct StreamInfo {
    /// Stream id.
    pub id: String,
    /// `camera`, `screen` or `custom`.
    pub video_type: Option<String>,
    /// Name given by the publisher.
    pub name: Option<String>,
    /// Layout classes.
    pub layout_class_list: Vec<String>,
}

/// The streams of a session.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(default)]
pub struct StreamList {
    /// Number of streams.
    #[serde(rename = "count")]
    pub total_count: i64,
    /// The streams.
    pub items: Vec<StreamInfo>,
}

/// A client connection.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Connection {
    /// Connection id.
    pub connection_id: String,
    /// `Connecting`, `Connected` or `Disconnected`.
    pub connection_state: Option<String>,
    /// When it connected (ms).
    pub created_at: Option<i64>,
}

/// The connections of a session.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct ConnectionList {
    /// Number of connections.
    #[serde(rename = "count")]
    pub total_count: i64,
    /// Project id.
    #[serde(deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// The connections.
    pub items: Vec<Connection>,
}

/// A SIP call's connection in the session.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct SipCall {
    /// Call id.
    pub id: String,
    /// Its connection id.
    pub connection_id: Option<String>,
    /// Its stream id.
    pub stream_id: Option<String>,
    /// Project id.
    #[serde(deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
    /// Last update (ms).
    pub updated_at: Option<i64>,
}

/// An Experience Composer render.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Render {
    /// Render id.
    pub id: String,
    /// Session id.
    pub session_id: Option<String>,
    /// Project id.
    #[serde(deserialize_with = "id_text")]
    pub project_id: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
    /// Last update (ms).
    pub updated_at: Option<i64>,
    /// Rendered page.
    pub url: Option<String>,
    /// Resolution.
    pub resolution: Option<String>,
    /// `starting`, `started`, `stopped` or `failed`.
    pub status: Option<String>,
    /// The composed stream's id.
    pub stream_id: Option<String>,
    /// Why it stopped.
    pub reason: Option<String>,
    /// Status callback URL.
    pub callback_url: Option<String>,
    /// Name of the composed stream.
    pub name: Option<String>,
}

/// A page of renders.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(default)]
pub struct RenderList {
    /// Total number of renders (across pages).
    #[serde(rename = "count")]
    pub total_count: i64,
    /// This page.
    pub items: Vec<Render>,
}

/// A running Audio Connector.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct AudioConnection {
    /// Audio Connector id.
    pub id: String,
    /// Its connection id (pass it to `stop_audio_connector`).
    pub connection_id: Option<String>,
    /// Bidirectional, when reported.
    pub bidirectional: Option<bool>,
}

/// Started live captions.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct Captions {
    /// Captions id.
    pub captions_id: String,
}

/// Live caption status.
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct CaptionStatus {
    /// Captions id.
    pub caption_id: String,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// `started`, `stopped`, `paused` or `failed`.
    pub status: Option<String>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
    /// Last update (ms).
    pub updated_at: Option<i64>,
    /// Duration (s).
    pub duration: Option<i64>,
    /// Language.
    pub language_code: Option<String>,
    /// Provider.
    pub provider: Option<String>,
    /// Why it stopped.
    pub reason: Option<String>,
}

/// A registered project callback (named so it does not clash with JNA's `Callback`).
#[derive(Debug, Clone, Default, Deserialize, uniffi::Record)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectCallback {
    /// Callback id.
    pub id: String,
    /// Event group.
    pub group: Option<String>,
    /// Event.
    pub event: Option<String>,
    /// URL called.
    pub url: Option<String>,
    /// Creation time (ms).
    pub created_at: Option<i64>,
}

/// The fields encoded in a session id.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SessionIdInfo {
    /// The api key (or application id) owning the session.
    pub api_key: String,
    /// Location hint; may be empty.
    pub location: String,
    /// Creation time as the service wrote it.
    pub create_time: String,
}
