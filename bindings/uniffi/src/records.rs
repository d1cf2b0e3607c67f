//! The core's result records and enums, declared to UniFFI in this crate's namespace (so Kotlin
//! sees `com.opentokrs.ffi.Archive` & co., as Java callers import them) without writing them again:
//! each `opentok_core::<name>_ffi!()` expands to `#[uniffi::remote(..)]` of the core's own type,
//! from the one declaration in `opentok_core::api`, and the compiler rejects any mismatch.

pub use opentok_core::api::archives::{
    Archive, ArchiveList, OutputMode, StreamSelection, Transcription,
};
pub use opentok_core::api::audio_connector::AudioConnection;
pub use opentok_core::api::broadcasts::{
    Broadcast, BroadcastList, BroadcastSettings, BroadcastUrls, HlsSettings, RtmpStatus,
};
pub use opentok_core::api::callbacks::ProjectCallback;
pub use opentok_core::api::captions::{CaptionStatus, Captions};
pub use opentok_core::api::connections::{Connection, ConnectionList};
pub use opentok_core::api::renders::{Render, RenderList};
pub use opentok_core::api::sessions::{ArchiveMode, MediaMode, Session};
pub use opentok_core::api::sip::SipCall;
pub use opentok_core::api::streams::{StreamInfo, StreamList};
pub use opentok_core::api::StreamMode;
pub use opentok_core::record::JsonMap;
pub use opentok_core::session_id::SessionIdInfo;

use std::collections::HashMap;

// `extra` maps: JSON name -> the value as JSON text in Kotlin and Swift (`Map<String, String>`).
uniffi::custom_type!(JsonMap, HashMap<String, String>, {
    remote,
    lower: |m| m.to_text_map(),
    try_lift: |m| Ok(JsonMap::from_text_map(m)),
});

opentok_core::media_mode_ffi!();
opentok_core::archive_mode_ffi!();
opentok_core::output_mode_ffi!();
opentok_core::stream_mode_ffi!();
opentok_core::session_ffi!();
opentok_core::session_id_info_ffi!();

opentok_core::stream_selection_ffi!();
opentok_core::transcription_ffi!();
opentok_core::archive_ffi!();
opentok_core::archive_list_ffi!();
opentok_core::rtmp_status_ffi!();
opentok_core::broadcast_urls_ffi!();
opentok_core::hls_settings_ffi!();
opentok_core::broadcast_settings_ffi!();
opentok_core::broadcast_ffi!();
opentok_core::broadcast_list_ffi!();
opentok_core::stream_info_ffi!();
opentok_core::stream_list_ffi!();
opentok_core::connection_ffi!();
opentok_core::connection_list_ffi!();
opentok_core::sip_call_ffi!();
opentok_core::render_ffi!();
opentok_core::render_list_ffi!();
opentok_core::audio_connection_ffi!();
opentok_core::captions_ffi!();
opentok_core::caption_status_ffi!();
opentok_core::project_callback_ffi!();
