//! Records and enums shared with Kotlin and Swift.
//!
//! Option records carry the snake_case field names of `opentok-core`'s JSON arguments, so
//! `serde_json::to_value` of a record is exactly what `opentok_core::call` reads; their `extra`
//! map (JSON name -> JSON text) adds members the record has no field for, sent as given.
//! Result records are read leniently from the service's JSON as received (see [`FromJson`]), and
//! keep every member they do not name in their own `extra` map.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};
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

/// Marks the serialization error of an `extra` value that is not JSON, so the caller can name the
/// field (`<mark><key><sep><reason>`).
pub(crate) const EXTRA_ERROR_MARK: &str = "\u{1}extra:";
/// Separates the key from the reason in an [`EXTRA_ERROR_MARK`] message.
pub(crate) const EXTRA_ERROR_SEP: char = '\u{2}';

/// Writes an option record's `extra` entries (JSON text) as members of the record's own object.
fn ser_extra<S: Serializer>(extra: &HashMap<String, String>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{Error as _, SerializeMap};
    let mut keys: Vec<&String> = extra.keys().collect();
    keys.sort();
    let mut map = s.serialize_map(Some(keys.len()))?;
    for k in keys {
        let text = extra.get(k).map(String::as_str).unwrap_or("null");
        let v: Value = serde_json::from_str(text).map_err(|e| {
            S::Error::custom(format!("{EXTRA_ERROR_MARK}{k}{EXTRA_ERROR_SEP}is not JSON text ({e}); a string is written with its quotes"))
        })?;
        map.serialize_entry(k, &v)?;
    }
    map.end()
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/// Options of a client token.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct TokenOptions {
    /// Role (default publisher).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Expiry in Unix seconds (default now + 24 h; at most now + 30 days).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<i64>,
    /// Connection data (≤ 1000 characters).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Initial layout classes of the client's streams.
    #[uniffi(default)]
    pub initial_layout_class_list: Vec<String>,
    /// Token format (default JWT).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<TokenType>,
}

/// Options of `create_session`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct SessionProperties {
    /// Media mode (default relayed, as in the official SDKs).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_mode: Option<MediaMode>,
    /// Archive mode (default manual).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_mode: Option<ArchiveMode>,
    /// IPv4 address used as a location hint.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Name of automatic archives (archive mode `always` only).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (archive mode `always` only).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_resolution: Option<String>,
    /// End-to-end encryption (routed sessions only).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e2ee: Option<bool>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// An archive or broadcast layout.
#[derive(Debug, Clone, Serialize, uniffi::Record)]
pub struct Layout {
    /// Layout type.
    pub r#type: LayoutType,
    /// CSS, only with `Custom`.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stylesheet: Option<String>,
    /// Layout while a screen is shared, only with `BestFit`.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screenshare_type: Option<LayoutType>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Post-call transcription settings of an archive.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct TranscriptionProperties {
    /// BCP-47 language code, e.g. `en-US`.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_language_code: Option<String>,
    /// Also produce a summary.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_summary: Option<bool>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

/// Options of `start_archive`.
#[derive(Debug, Clone, Default, Serialize, uniffi::Record)]
pub struct ArchiveProperties {
    /// Archive name.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Record audio (server default true).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_audio: Option<bool>,
    /// Record video (server default true).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_video: Option<bool>,
    /// Composed or individual.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_mode: Option<OutputMode>,
    /// Resolution (composed only).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Layout (composed only).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// Auto or manual stream selection.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_mode: Option<StreamMode>,
    /// Tag allowing several archives of one session at once.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate, bits per second (100000–6000000).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_bitrate: Option<i64>,
    /// Quantization parameter (15–40; not with max_bitrate).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantization_parameter: Option<i64>,
    /// Produce a post-call transcription.
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_transcription: Option<bool>,
    /// Transcription settings (only with has_transcription).
    #[uniffi(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcription_properties: Option<TranscriptionProperties>,
    /// Keys this record has no field for, sent as given at this level of the request body:
    /// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
    #[uniffi(default)]
    #[serde(flatten, serialize_with = "ser_extra")]
    pub extra: HashMap<String, String>,
}

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

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------
//
// Result records are read from the service's JSON as received, leniently: a field that is absent
// or `null` stays `None` (lists too), an integer given as a float or as a numeric string is read
// (a fraction is truncated toward zero, as Jackson does for the Java SDK), a number where text is
// expected is read as its JSON text, and `broadcastUrls.rtmp` may be an array or an object keyed
// by id. Nothing here fails: every member the record does not name — and every named member whose
// value could not be represented exactly — is kept in `extra` (JSON name -> JSON text).

/// Builds a value of a result record's field from the member of the answer (absent: `None`).
/// `Err(())` means the value has a shape the field cannot hold; the record then keeps the member in
/// `extra`. `Ok((value, exact))`: `exact == false` means the value was converted with a loss (e.g.
/// a fraction truncated), and the member is kept in `extra` too.
pub(crate) trait Field: Sized {
    /// Reads the field from the member (absent and `null` are `None`).
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()>;
}

/// A record read from a JSON object.
pub(crate) trait FromJson: Sized {
    /// Reads the record; a value that is not an object gives the record with every field empty.
    fn from_json(v: &Value) -> Self;
}

fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_null())
}

impl Field for Option<String> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(Value::String(s)) => Ok((Some(s.clone()), true)),
            // ids are numbers in some answers (project ids): their JSON text is exact
            Some(n @ (Value::Number(_) | Value::Bool(_))) => Ok((Some(n.to_string()), true)),
            Some(_) => Err(()),
        }
    }
}

impl Field for String {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        Option::<String>::field(v).map(|(s, exact)| (s.unwrap_or_default(), exact))
    }
}

impl Field for Option<i64> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(Value::Number(n)) => {
                if let Some(i) = n.as_i64() {
                    Ok((Some(i), true))
                } else if let Some(f) = n.as_f64().filter(|f| f.is_finite()) {
                    let t = f.trunc();
                    // `as` saturates at the i64 bounds; anything that far out is not exact either
                    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
                    let i = t as i64;
                    #[allow(clippy::cast_precision_loss)]
                    let exact = t == f && (i as f64) == t;
                    Ok((Some(i), exact))
                } else {
                    Err(())
                }
            }
            Some(Value::String(s)) => s
                .trim()
                .parse::<i64>()
                .map(|i| (Some(i), true))
                .map_err(|_| ()),
            Some(_) => Err(()),
        }
    }
}

impl Field for Option<bool> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(Value::Bool(b)) => Ok((Some(*b), true)),
            Some(_) => Err(()),
        }
    }
}

impl<T: FromJson> Field for Option<T> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(o @ Value::Object(_)) => Ok((Some(T::from_json(o)), true)),
            Some(_) => Err(()),
        }
    }
}

/// A list of records: a JSON array, or an object keyed by id (`broadcastUrls.rtmp` in some
/// answers), whose key becomes the item's `id` when the item has none.
impl<T: FromJson> Field for Option<Vec<T>> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(Value::Array(a)) => Ok((Some(a.iter().map(T::from_json).collect()), true)),
            Some(Value::Object(m)) => Ok((
                Some(
                    m.iter()
                        .map(|(k, item)| match item {
                            Value::Object(o) if !o.contains_key("id") => {
                                let mut o = o.clone();
                                o.insert("id".into(), Value::String(k.clone()));
                                T::from_json(&Value::Object(o))
                            }
                            other => T::from_json(other),
                        })
                        .collect(),
                ),
                true,
            )),
            Some(_) => Err(()),
        }
    }
}

impl<T: FromJson> Field for Vec<T> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        Option::<Vec<T>>::field(v).map(|(l, exact)| (l.unwrap_or_default(), exact))
    }
}

/// A list of strings (`layoutClassList`); a non-string item makes it unrepresentable.
impl Field for Option<Vec<String>> {
    fn field(v: Option<&Value>) -> Result<(Self, bool), ()> {
        match present(v) {
            None => Ok((None, true)),
            Some(Value::Array(a)) => a
                .iter()
                .map(|i| i.as_str().map(str::to_owned).ok_or(()))
                .collect::<Result<Vec<_>, ()>>()
                .map(|l| (Some(l), true)),
            Some(_) => Err(()),
        }
    }
}

/// Reads one named member, recording it in `extra` when it cannot be represented exactly.
fn member<T: Field + Default>(
    m: &serde_json::Map<String, Value>,
    key: &str,
    extra: &mut HashMap<String, String>,
) -> T {
    let v = m.get(key);
    match T::field(v) {
        Ok((value, true)) => value,
        Ok((value, false)) => {
            if let Some(v) = v {
                extra.insert(key.to_owned(), v.to_string());
            }
            value
        }
        Err(()) => {
            if let Some(v) = v {
                extra.insert(key.to_owned(), v.to_string());
            }
            T::default()
        }
    }
}

/// Declares a result record: its fields, the JSON member each is read from, and `extra`.
macro_rules! result_record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty = $key:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
            /// Members of the answer this record does not name, and named members whose value
            /// could not be represented exactly: JSON name -> the value as JSON text.
            pub extra: HashMap<String, String>,
        }

        impl FromJson for $name {
            fn from_json(v: &Value) -> Self {
                let empty = serde_json::Map::new();
                let m = v.as_object().unwrap_or(&empty);
                let mut extra = HashMap::new();
                const NAMED: &[&str] = &[$($key),*];
                for (k, val) in m {
                    if !NAMED.contains(&k.as_str()) {
                        extra.insert(k.clone(), val.to_string());
                    }
                }
                $( let $field: $ty = member(m, $key, &mut extra); )*
                $name { $($field,)* extra }
            }
        }
    };
}

/// A created session: the session id the service answered, the properties it was created with.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Session {
    /// Session id.
    pub session_id: String,
    /// Media mode it was created with.
    pub media_mode: MediaMode,
    /// Archive mode it was created with.
    pub archive_mode: ArchiveMode,
    /// Location hint it was created with.
    pub location: Option<String>,
    /// End-to-end encryption.
    pub e2ee: bool,
    /// Name of automatic archives.
    pub archive_name: Option<String>,
    /// Resolution of automatic archives.
    pub archive_resolution: Option<String>,
    /// Project id (api key), as answered (`project_id` or `partner_id`).
    pub project_id: Option<String>,
    /// Creation date as the server wrote it.
    pub create_dt: Option<String>,
    /// Media server URL.
    pub media_server_url: Option<String>,
    /// Members of the answer this record does not name: JSON name -> the value as JSON text.
    pub extra: HashMap<String, String>,
}

result_record! {
    /// A stream included in an archive or broadcast.
    pub struct StreamSelection {
        /// Stream id.
        stream_id: Option<String> = "streamId",
        /// Audio included.
        has_audio: Option<bool> = "hasAudio",
        /// Video included.
        has_video: Option<bool> = "hasVideo",
    }
}

result_record! {
    /// Transcription state of an archive.
    pub struct Transcription {
        /// Status.
        status: Option<String> = "status",
        /// Download URL.
        url: Option<String> = "url",
        /// Failure reason.
        reason: Option<String> = "reason",
        /// Language.
        primary_language_code: Option<String> = "primaryLanguageCode",
        /// Summary requested.
        has_summary: Option<bool> = "hasSummary",
    }
}

result_record! {
    /// An archive.
    pub struct Archive {
        /// Archive id (empty when the answer has none).
        id: String = "id",
        /// `available`, `expired`, `failed`, `paused`, `started`, `stopped`, `uploaded` or `deleted`.
        status: Option<String> = "status",
        /// Name.
        name: Option<String> = "name",
        /// Why it stopped or failed.
        reason: Option<String> = "reason",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id.
        project_id: Option<String> = "projectId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Creation time (ms since epoch).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms since epoch).
        updated_at: Option<i64> = "updatedAt",
        /// Size in bytes.
        size: Option<i64> = "size",
        /// Duration in seconds.
        duration: Option<i64> = "duration",
        /// `composed` or `individual`.
        output_mode: Option<String> = "outputMode",
        /// `auto` or `manual`.
        stream_mode: Option<String> = "streamMode",
        /// Audio recorded.
        has_audio: Option<bool> = "hasAudio",
        /// Video recorded.
        has_video: Option<bool> = "hasVideo",
        /// Transcription requested.
        has_transcription: Option<bool> = "hasTranscription",
        /// Transcription state.
        transcription: Option<Transcription> = "transcription",
        /// Resolution.
        resolution: Option<String> = "resolution",
        /// Download URL once available.
        url: Option<String> = "url",
        /// Encryption password, if any.
        password: Option<String> = "password",
        /// SHA-256 of the file.
        sha256sum: Option<String> = "sha256sum",
        /// Callback event name.
        event: Option<String> = "event",
        /// Streams in the archive (`None` when the answer has no `streams`).
        streams: Option<Vec<StreamSelection>> = "streams",
        /// Multi-archive tag.
        multi_archive_tag: Option<String> = "multiArchiveTag",
        /// Maximum bitrate.
        max_bitrate: Option<i64> = "maxBitrate",
        /// Quantization parameter.
        quantization_parameter: Option<i64> = "quantizationParameter",
    }
}

result_record! {
    /// A page of archives; `total_count` counts every page.
    pub struct ArchiveList {
        /// Total number of archives (across pages; `None` when the answer has no `count`).
        total_count: Option<i64> = "count",
        /// This page.
        items: Vec<Archive> = "items",
    }
}

result_record! {
    /// An RTMP output's state.
    pub struct RtmpStatus {
        /// Your id.
        id: Option<String> = "id",
        /// Server URL.
        server_url: Option<String> = "serverUrl",
        /// Stream name.
        stream_name: Option<String> = "streamName",
        /// `connecting`, `live`, `offline` or `error`.
        status: Option<String> = "status",
    }
}

result_record! {
    /// Where a broadcast can be watched.
    pub struct BroadcastUrls {
        /// HLS URL.
        hls: Option<String> = "hls",
        /// HLS state.
        hls_status: Option<String> = "hlsStatus",
        /// RTMP targets (an array, or an object keyed by id, on the wire).
        rtmp: Option<Vec<RtmpStatus>> = "rtmp",
    }
}

result_record! {
    /// HLS settings a broadcast runs with.
    pub struct HlsSettings {
        /// Low-latency HLS.
        low_latency: Option<bool> = "lowLatency",
        /// DVR.
        dvr: Option<bool> = "dvr",
    }
}

result_record! {
    /// Settings a broadcast runs with.
    pub struct BroadcastSettings {
        /// HLS settings.
        hls: Option<HlsSettings> = "hls",
    }
}

result_record! {
    /// A live-streaming broadcast.
    pub struct Broadcast {
        /// Broadcast id (empty when the answer has none).
        id: String = "id",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id.
        project_id: Option<String> = "projectId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
        /// Maximum duration (s).
        max_duration: Option<i64> = "maxDuration",
        /// Maximum bitrate.
        max_bitrate: Option<i64> = "maxBitrate",
        /// Resolution.
        resolution: Option<String> = "resolution",
        /// `started` or `stopped`.
        status: Option<String> = "status",
        /// Output URLs.
        broadcast_urls: Option<BroadcastUrls> = "broadcastUrls",
        /// Settings.
        settings: Option<BroadcastSettings> = "settings",
        /// `auto` or `manual`.
        stream_mode: Option<String> = "streamMode",
        /// Streams in the broadcast (`None` when the answer has no `streams`).
        streams: Option<Vec<StreamSelection>> = "streams",
        /// Audio included.
        has_audio: Option<bool> = "hasAudio",
        /// Video included.
        has_video: Option<bool> = "hasVideo",
        /// Multi-broadcast tag.
        multi_broadcast_tag: Option<String> = "multiBroadcastTag",
        /// Callback event name.
        event: Option<String> = "event",
    }
}

result_record! {
    /// A page of broadcasts.
    pub struct BroadcastList {
        /// Total number of broadcasts (across pages).
        total_count: Option<i64> = "count",
        /// This page.
        items: Vec<Broadcast> = "items",
    }
}

result_record! {
    /// A stream in a session (not `Stream`, which would clash with Foundation's `Stream` in Swift).
    pub struct StreamInfo {
        /// Stream id.
        id: String = "id",
        /// `camera`, `screen` or `custom`.
        video_type: Option<String> = "videoType",
        /// Name given by the publisher.
        name: Option<String> = "name",
        /// Layout classes (`None` when the answer has none).
        layout_class_list: Option<Vec<String>> = "layoutClassList",
    }
}

result_record! {
    /// The streams of a session.
    pub struct StreamList {
        /// Number of streams.
        total_count: Option<i64> = "count",
        /// The streams.
        items: Vec<StreamInfo> = "items",
    }
}

result_record! {
    /// A client connection.
    pub struct Connection {
        /// Connection id.
        connection_id: String = "connectionId",
        /// `Connecting`, `Connected` or `Disconnected`.
        connection_state: Option<String> = "connectionState",
        /// When it connected (ms).
        created_at: Option<i64> = "createdAt",
    }
}

result_record! {
    /// The connections of a session.
    pub struct ConnectionList {
        /// Number of connections.
        total_count: Option<i64> = "count",
        /// Project id.
        project_id: Option<String> = "projectId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// The connections.
        items: Vec<Connection> = "items",
    }
}

result_record! {
    /// A SIP call's connection in the session.
    pub struct SipCall {
        /// Call id.
        id: String = "id",
        /// Its connection id.
        connection_id: Option<String> = "connectionId",
        /// Its stream id.
        stream_id: Option<String> = "streamId",
        /// Project id.
        project_id: Option<String> = "projectId",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
    }
}

result_record! {
    /// An Experience Composer render.
    pub struct Render {
        /// Render id.
        id: String = "id",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id.
        project_id: Option<String> = "projectId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
        /// Rendered page.
        url: Option<String> = "url",
        /// Resolution.
        resolution: Option<String> = "resolution",
        /// `starting`, `started`, `stopped` or `failed`.
        status: Option<String> = "status",
        /// The composed stream's id.
        stream_id: Option<String> = "streamId",
        /// Why it stopped.
        reason: Option<String> = "reason",
        /// Status callback URL.
        callback_url: Option<String> = "callbackUrl",
        /// Name of the composed stream.
        name: Option<String> = "name",
    }
}

result_record! {
    /// A page of renders.
    pub struct RenderList {
        /// Total number of renders (across pages).
        total_count: Option<i64> = "count",
        /// This page.
        items: Vec<Render> = "items",
    }
}

result_record! {
    /// A running Audio Connector.
    pub struct AudioConnection {
        /// Audio Connector id.
        id: String = "id",
        /// Its connection id (pass it to `stop_audio_connector`).
        connection_id: Option<String> = "connectionId",
        /// Bidirectional, when reported.
        bidirectional: Option<bool> = "bidirectional",
    }
}

result_record! {
    /// Started live captions.
    pub struct Captions {
        /// Captions id.
        captions_id: String = "captionsId",
    }
}

result_record! {
    /// Live caption status.
    pub struct CaptionStatus {
        /// Captions id.
        caption_id: String = "captionId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// `started`, `stopped`, `paused` or `failed`.
        status: Option<String> = "status",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
        /// Duration (s).
        duration: Option<i64> = "duration",
        /// Language.
        language_code: Option<String> = "languageCode",
        /// Provider.
        provider: Option<String> = "provider",
        /// Why it stopped.
        reason: Option<String> = "reason",
    }
}

result_record! {
    /// A registered project callback (named so it does not clash with JNA's `Callback`).
    pub struct ProjectCallback {
        /// Callback id.
        id: String = "id",
        /// Event group.
        group: Option<String> = "group",
        /// Event.
        event: Option<String> = "event",
        /// URL called.
        url: Option<String> = "url",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
    }
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
