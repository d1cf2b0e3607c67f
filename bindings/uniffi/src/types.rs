//! Records and enums shared with Kotlin and Swift.
//!
//! Option records carry the snake_case field names of `opentok-core`'s JSON arguments, so
//! `serde_json::to_value` of a record is exactly what `opentok_core::call` reads; their `extra`
//! map (JSON name -> JSON text) adds members the record has no field for, sent as given.
//! Result records and the enums they share with the options are the core's own types
//! (`opentok_core::api::*`, derived for UniFFI behind the core's `uniffi` feature), re-exported here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

pub use crate::records::*;

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

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
pub(crate) fn ser_extra<S: Serializer>(
    extra: &HashMap<String, String>,
    s: S,
) -> Result<S::Ok, S::Error> {
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
