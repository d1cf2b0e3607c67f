//! Streams: `/v2/project/{apiKey}/session/{sessionId}/stream…`.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

crate::record::result_record! {
    ffi stream_info_ffi;
    /// A stream in a session (not `Stream`, which would clash with Foundation's `Stream` in Swift).
    pub struct StreamInfo {
        /// Stream id.
        id: String = "id",
        /// `camera` or `screen` (or `custom`).
        video_type: Option<String> = "videoType",
        /// Name given by the publisher.
        name: Option<String> = "name",
        /// Layout classes (`None` when the answer has none).
        layout_class_list: Option<Vec<String>> = "layoutClassList",
    }
    added {}
}

/// A stream in a session (the core's older name of [`StreamInfo`]).
pub type Stream = StreamInfo;

crate::record::page_record!(
    /// The streams of a session.
    StreamList of StreamInfo, ffi stream_list_ffi
);

/// `get_stream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GetStream {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Stream id.
    #[serde(alias = "streamId")]
    pub stream_id: String,
}

impl Operation for GetStream {
    const NAME: &'static str = "get_stream";
    type Output = Stream;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let st = check_id("stream_id", &self.stream_id)?;
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, &format!("/session/{s}/stream/{st}"))?,
        ))
    }
    decode_with!(json);
}

/// `list_streams`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListStreams {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
}

impl Operation for ListStreams {
    const NAME: &'static str = "list_streams";
    type Output = StreamList;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, &format!("/session/{s}/stream"))?,
        ))
    }
    decode_with!(json);
}

/// One stream's new class list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StreamClassList {
    /// Stream id.
    pub id: String,
    /// Its layout classes.
    #[serde(alias = "layoutClassList")]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub layout_class_list: Vec<String>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `set_stream_class_lists`: changes several streams' layout classes at once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetStreamClassLists {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// The streams and their classes.
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub items: Vec<StreamClassList>,
}

impl Operation for SetStreamClassLists {
    const NAME: &'static str = "set_stream_class_lists";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let items: Vec<_> = self
            .items
            .iter()
            .map(|it| {
                Ok(crate::wire::Obj::new()
                    .put("id", &it.id)
                    .put("layoutClassList", &it.layout_class_list)
                    .extra(&it.extra)
                    .build())
            })
            .collect::<Result<_>>()?;
        Ok(WireRequest::new(
            Method::Put,
            project_path(project_id, &format!("/session/{s}/stream"))?,
        )
        .json(serde_json::json!({ "items": items })))
    }
    decode_with!(empty);
}

/// `set_stream_class_list`: changes one stream's layout classes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetStreamClassList {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Stream id.
    #[serde(alias = "streamId")]
    pub stream_id: String,
    /// Its layout classes.
    #[serde(alias = "layoutClassList")]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub layout_class_list: Vec<String>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for SetStreamClassList {
    const NAME: &'static str = "set_stream_class_list";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let st = check_id("stream_id", &self.stream_id)?;
        Ok(WireRequest::new(
            Method::Put,
            project_path(project_id, &format!("/session/{s}/stream/{st}"))?,
        )
        .json(
            crate::wire::Obj::new()
                .put("layoutClassList", &self.layout_class_list)
                .extra(&self.extra)
                .build(),
        ))
    }
    decode_with!(empty);
}
