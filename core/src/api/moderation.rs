//! Moderation: force-mute one stream, mute all, disable force mute.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

/// `mute_stream`: force-mutes one stream's audio.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MuteStream {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Stream id.
    #[serde(alias = "streamId")]
    pub stream_id: String,
}

impl Operation for MuteStream {
    const NAME: &'static str = "mute_stream";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let st = check_id("stream_id", &self.stream_id)?;
        Ok(WireRequest::new(
            Method::Post,
            project_path(project_id, &format!("/session/{s}/stream/{st}/mute"))?,
        ))
    }
    decode_with!(empty);
}

/// `mute_all`: force-mutes every stream except the excluded ones, and later publishers.
///
/// Sends the documented `{"active": true, "excludedStreamIds": [...]}`; the official Ruby/Python
/// spelling `excluded_streams` is accepted as an argument alias.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MuteAll {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Streams to leave unmuted.
    #[serde(
        alias = "excluded_streams",
        alias = "excludedStreamIds",
        alias = "excludedStreams"
    )]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub excluded_stream_ids: Vec<String>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for MuteAll {
    const NAME: &'static str = "mute_all";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        Ok(WireRequest::new(
            Method::Post,
            project_path(project_id, &format!("/session/{s}/mute"))?,
        )
        .json(
            crate::wire::Obj::new()
                .put("active", true)
                .put("excludedStreamIds", &self.excluded_stream_ids)
                .extra(&self.extra)
                .build(),
        ))
    }
    decode_with!(empty);
}

/// `disable_force_mute`: ends a mute-all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisableForceMute {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
}

impl Operation for DisableForceMute {
    const NAME: &'static str = "disable_force_mute";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        Ok(WireRequest::new(
            Method::Post,
            project_path(project_id, &format!("/session/{s}/mute"))?,
        )
        .json(serde_json::json!({ "active": false })))
    }
    decode_with!(empty);
}
