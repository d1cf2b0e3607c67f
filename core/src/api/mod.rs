//! Every REST operation of the Video API, one declarative definition each.
//!
//! Each operation is a plain struct of its arguments (deserializable from the snake_case JSON that
//! bindings send) implementing [`crate::wire::Operation`].

pub mod archives;
pub mod audio_connector;
pub mod broadcasts;
pub mod callbacks;
pub mod captions;
pub mod connections;
pub mod dispatch;
pub mod moderation;
pub mod renders;
pub mod sessions;
pub mod signals;
pub mod sip;
pub mod streams;

use std::borrow::Cow;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::wire::lenient::{self, Extra};
use crate::wire::{Method, WireRequest};

/// Characters left as they are in a path segment: RFC 3986 unreserved (`A-Z a-z 0-9 - . _ ~`).
/// Everything else in an id is percent-encoded (UTF-8), so no id can add a segment, a query or a
/// fragment.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `/v2/project/{project_id}` + `rest`, after checking the project id (api key or application id).
pub(crate) fn project_path(project_id: &str, rest: &str) -> Result<String> {
    check_project_id(project_id)?;
    let mut p = String::with_capacity(12 + project_id.len() + rest.len());
    p.push_str("/v2/project/");
    p.push_str(project_id);
    p.push_str(rest);
    Ok(p)
}

/// The api key / application id goes into every path as is: it must not be empty, `.` or `..`, nor
/// contain `/`, `?`, `#`, `\` or `%`.
pub fn check_project_id(v: &str) -> Result<()> {
    let field = "api_key";
    if v.is_empty() || v == "." || v == ".." {
        return Err(Error::invalid(field, "must not be empty, `.` or `..`"));
    }
    if v.chars()
        .any(|c| matches!(c, '/' | '?' | '#' | '\\' | '%') || c.is_whitespace() || c.is_control())
    {
        return Err(Error::invalid(
            field,
            "must not contain `/`, `?`, `#`, `\\`, `%`, white space or control characters",
        ));
    }
    Ok(())
}

/// Checks an id that goes into a URL path and returns it percent-encoded for the path.
///
/// Only ids that would change the path are refused: empty, `.` and `..`. Anything else is sent as
/// given, percent-encoded (see [`encode_id`]).
pub fn check_id<'a>(field: &str, v: &'a str) -> Result<Cow<'a, str>> {
    if v.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if v == "." || v == ".." {
        return Err(Error::invalid(
            field,
            format!("`{v}` would change the request path"),
        ));
    }
    Ok(encode_id(v))
}

/// Percent-encodes an id for one path segment (unreserved characters stay as they are).
pub fn encode_id(v: &str) -> Cow<'_, str> {
    utf8_percent_encode(v, PATH_SEGMENT).into()
}

/// `GET /{resource}` page of archives, broadcasts or renders, optionally for one session.
pub(crate) fn list_request(
    project_id: &str,
    resource: &str,
    offset: Option<i64>,
    count: Option<i64>,
    session_id: Option<&String>,
) -> Result<WireRequest> {
    Ok(WireRequest::new(
        Method::Get,
        project_path(project_id, &format!("/{resource}"))?,
    )
    .query_opt("offset", offset)
    .query_opt("count", count)
    .query_opt("sessionId", session_id))
}

/// `PUT /{resource}/{id}/layout` (archives and broadcasts).
pub(crate) fn layout_request(
    project_id: &str,
    resource: &str,
    id_field: &str,
    id: &str,
    layout: &Layout,
) -> Result<WireRequest> {
    let id = check_id(id_field, id)?;
    Ok(WireRequest::new(
        Method::Put,
        project_path(project_id, &format!("/{resource}/{id}/layout"))?,
    )
    .json(layout.to_wire()))
}

/// `PATCH /{resource}/{id}/streams` adding a stream (archives and broadcasts); audio and video default to on.
pub(crate) fn add_stream_request(
    project_id: &str,
    (resource, id_field, id): (&str, &str, &str),
    stream_id: &str,
    has_audio: Option<bool>,
    has_video: Option<bool>,
    extra: &Extra,
) -> Result<WireRequest> {
    let id = check_id(id_field, id)?;
    check_id("stream_id", stream_id)?;
    let body = crate::wire::Obj::new()
        .put("addStream", stream_id)
        .put("hasAudio", has_audio.unwrap_or(true))
        .put("hasVideo", has_video.unwrap_or(true))
        .extra(extra)
        .build();
    Ok(WireRequest::new(
        Method::Patch,
        project_path(project_id, &format!("/{resource}/{id}/streams"))?,
    )
    .json(body))
}

/// `PATCH /{resource}/{id}/streams` removing a stream (archives and broadcasts).
pub(crate) fn remove_stream_request(
    project_id: &str,
    (resource, id_field, id): (&str, &str, &str),
    stream_id: &str,
    extra: &Extra,
) -> Result<WireRequest> {
    let id = check_id(id_field, id)?;
    check_id("stream_id", stream_id)?;
    Ok(WireRequest::new(
        Method::Patch,
        project_path(project_id, &format!("/{resource}/{id}/streams"))?,
    )
    .json(
        crate::wire::Obj::new()
            .put("removeStream", stream_id)
            .extra(extra)
            .build(),
    ))
}

/// Video resolutions accepted by archives, broadcasts and renders.
pub const RESOLUTIONS: [&str; 6] = [
    "640x480",
    "480x640",
    "1280x720",
    "720x1280",
    "1920x1080",
    "1080x1920",
];

/// Layout types for archives and broadcasts. A type the core does not know is sent as given
/// ([`LayoutType::Other`]): the service is the judge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LayoutType {
    /// Tiles sized to fit.
    #[serde(alias = "best_fit")]
    BestFit,
    /// Picture-in-picture.
    Pip,
    /// One large stream, others stacked vertically.
    #[serde(alias = "vertical_presentation")]
    VerticalPresentation,
    /// One large stream, others in a row.
    #[serde(alias = "horizontal_presentation")]
    HorizontalPresentation,
    /// Focus layout.
    Focus,
    /// A custom stylesheet.
    Custom,
    /// Any other value, sent as given.
    #[serde(untagged)]
    Other(serde_json::Value),
}

/// An archive or broadcast layout. Nested keys go on the wire camelCased (`screenshareType`).
/// Nothing is checked here (the official SDKs differ; each language package makes its own SDK's
/// checks): every field is sent as given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Layout type.
    #[serde(rename = "type", default)]
    pub layout_type: Option<LayoutType>,
    /// CSS for `custom` layouts.
    #[serde(default)]
    pub stylesheet: Option<String>,
    /// Layout while a screen share is shown (documented with `bestFit`).
    #[serde(default, alias = "screenshareType", alias = "screenShareType")]
    pub screenshare_type: Option<LayoutType>,
    /// Keys the core does not know, sent in the layout object as given.
    #[serde(flatten, default)]
    pub extra: Extra,
}

impl Layout {
    pub(crate) fn to_wire(&self) -> serde_json::Value {
        crate::wire::Obj::new()
            .opt("type", self.layout_type.as_ref())
            .opt("stylesheet", self.stylesheet.as_ref())
            .opt("screenshareType", self.screenshare_type.as_ref())
            .extra(&self.extra)
            .build()
    }
}

/// Whether streams are added automatically or by API calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamMode {
    /// All streams are included.
    Auto,
    /// Streams are added with add/remove stream calls.
    Manual,
}

/// Deserializes the map of free-form string headers.
pub type Headers = std::collections::BTreeMap<String, String>;

/// A list page: `{count, items}`; `count` is the total across pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: serde::de::DeserializeOwned"))]
pub struct Page<T> {
    /// Total number of items (across all pages).
    #[serde(default, deserialize_with = "lenient::int")]
    pub count: i64,
    /// The items of this page.
    #[serde(default = "Vec::new", deserialize_with = "lenient::null_default")]
    pub items: Vec<T>,
    /// Fields of the answer this struct does not name.
    #[serde(flatten, default)]
    pub extra: Extra,
}

/// Writes an operation's `decode`: `json` parses the body, `empty` ignores it.
macro_rules! decode_with {
    (json) => {
        fn decode(&self, body: &[u8]) -> $crate::error::Result<Self::Output> {
            $crate::wire::decode_json(body)
        }
    };
    (empty) => {
        fn decode(&self, _body: &[u8]) -> $crate::error::Result<()> {
            Ok(())
        }
        fn decode_raw(body: &[u8]) -> $crate::error::Result<serde_json::Value> {
            // The official SDKs ignore this answer's body: a body that is not JSON is not an error.
            Ok($crate::wire::raw_json(body).unwrap_or(serde_json::Value::Null))
        }
    };
}
pub(crate) use decode_with;
