//! Field validation shared by several areas.

use crate::error::{ApiError, ApiResult};
use serde::Deserialize;
use serde_json::{json, Value};

/// Archive / broadcast resolutions accepted by the service.
pub const RESOLUTIONS: [&str; 6] = [
    "640x480",
    "480x640",
    "1280x720",
    "720x1280",
    "1920x1080",
    "1080x1920",
];

/// Layout types.
pub const LAYOUT_TYPES: [&str; 6] = [
    "bestFit",
    "pip",
    "verticalPresentation",
    "horizontalPresentation",
    "focus",
    "custom",
];

/// Screenshare layout types (used with `bestFit`).
pub const SCREENSHARE_TYPES: [&str; 4] = [
    "bestFit",
    "pip",
    "verticalPresentation",
    "horizontalPresentation",
];

/// A composed layout.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// Layout type.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Custom stylesheet.
    pub stylesheet: Option<String>,
    /// Layout while a screen is shared.
    pub screenshare_type: Option<String>,
}

impl Layout {
    /// Checks the combination rules; `prefix` names the field (e.g. `layout.`).
    pub fn validate(&self, prefix: &str) -> ApiResult<()> {
        let kind = self.kind.as_deref().unwrap_or("bestFit");
        if !LAYOUT_TYPES.contains(&kind) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for field '{prefix}type': {kind} (expected one of {})",
                LAYOUT_TYPES.join(", ")
            )));
        }
        let has_stylesheet = self.stylesheet.as_deref().is_some_and(|s| !s.is_empty());
        if kind == "custom" && !has_stylesheet {
            return Err(ApiError::bad_request(format!(
                "Field '{prefix}stylesheet' is required when '{prefix}type' is 'custom'"
            )));
        }
        if kind != "custom" && has_stylesheet {
            return Err(ApiError::bad_request(format!(
                "Field '{prefix}stylesheet' is only allowed when '{prefix}type' is 'custom'"
            )));
        }
        if let Some(st) = self.screenshare_type.as_deref() {
            if kind != "bestFit" {
                return Err(ApiError::bad_request(format!(
                    "Field '{prefix}screenshareType' is only allowed when '{prefix}type' is 'bestFit'"
                )));
            }
            if !SCREENSHARE_TYPES.contains(&st) {
                return Err(ApiError::bad_request(format!(
                    "Invalid value for field '{prefix}screenshareType': {st}"
                )));
            }
        }
        Ok(())
    }

    /// Wire form.
    pub fn to_json(&self) -> Value {
        let mut v = json!({ "type": self.kind.as_deref().unwrap_or("bestFit") });
        if let Some(s) = &self.stylesheet {
            v["stylesheet"] = json!(s);
        }
        if let Some(s) = &self.screenshare_type {
            v["screenshareType"] = json!(s);
        }
        v
    }
}

/// Checks that `value` is one of `allowed`.
pub fn one_of(field: &str, value: &str, allowed: &[&str]) -> ApiResult<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "Invalid value for field '{field}': {value} (expected one of {})",
            allowed.join(", ")
        )))
    }
}

/// Checks that a number lies in `min..=max`.
pub fn in_range(field: &str, value: i64, min: i64, max: i64) -> ApiResult<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "Invalid value for field '{field}': {value} (must be between {min} and {max})"
        )))
    }
}

/// Checks a string length (in characters).
pub fn len_range(field: &str, value: &str, min: usize, max: usize) -> ApiResult<()> {
    let n = value.chars().count();
    if (min..=max).contains(&n) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "Invalid value for field '{field}': length {n} (must be between {min} and {max})"
        )))
    }
}

/// Two concurrent archives (or broadcasts) of one session are allowed only when both carry a tag
/// (`multiArchiveTag` / `multiBroadcastTag`) and the tags differ.
pub fn tags_clash(running: &Option<String>, requested: &Option<String>) -> bool {
    running.is_none() || requested.is_none() || running == requested
}

/// `addStream` / `removeStream` PATCH body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamPatch {
    /// Stream to add.
    pub add_stream: Option<String>,
    /// Stream to remove.
    pub remove_stream: Option<String>,
    /// Include audio of the added stream.
    pub has_audio: Option<bool>,
    /// Include video of the added stream.
    pub has_video: Option<bool>,
}

impl StreamPatch {
    /// Returns `Ok(true)` for add, `Ok(false)` for remove, with the stream id.
    pub fn action(&self) -> ApiResult<(bool, String)> {
        match (&self.add_stream, &self.remove_stream) {
            (Some(a), None) if !a.is_empty() => Ok((true, a.clone())),
            (None, Some(r)) if !r.is_empty() => Ok((false, r.clone())),
            (Some(_), Some(_)) => Err(ApiError::bad_request(
                "Only one of 'addStream' and 'removeStream' may be given",
            )),
            _ => Err(ApiError::bad_request(
                "Missing required field 'addStream' or 'removeStream'",
            )),
        }
    }

    /// Applies the patch to an archive's or broadcast's `streams`; `in_session` tells whether the
    /// stream exists in the session. Adding an unknown stream, or removing one that is neither
    /// included nor in the session, is a 404.
    pub fn apply(
        &self,
        streams: &mut Vec<Value>,
        add: bool,
        stream_id: &str,
        in_session: bool,
    ) -> ApiResult<()> {
        let not_found = || ApiError::not_found(format!("Stream not found: {stream_id}"));
        if add && !in_session {
            return Err(not_found());
        }
        let before = streams.len();
        streams.retain(|s| s["streamId"] != json!(stream_id));
        if add {
            streams.push(json!({
                "streamId": stream_id,
                "hasAudio": self.has_audio.unwrap_or(true),
                "hasVideo": self.has_video.unwrap_or(true),
            }));
        } else if before == streams.len() && !in_session {
            return Err(not_found());
        }
        Ok(())
    }
}
