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
    if v.chars().any(|c| matches!(c, '/' | '?' | '#' | '\\' | '%')) {
        return Err(Error::invalid(
            field,
            "must not contain `/`, `?`, `#`, `\\` or `%`",
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

/// Checks a string that must not be empty.
pub(crate) fn check_non_empty(field: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Checks `lo <= v <= hi`.
pub(crate) fn check_range(field: &str, v: Option<i64>, lo: i64, hi: i64) -> Result<()> {
    match v {
        Some(v) if v < lo || v > hi => Err(Error::invalid(
            field,
            format!("{v} is outside the allowed range {lo}..={hi}"),
        )),
        _ => Ok(()),
    }
}

/// Checks a URL's scheme and length.
pub(crate) fn check_url(
    field: &str,
    v: &str,
    schemes: &[&str],
    min: usize,
    max: usize,
) -> Result<()> {
    let n = v.chars().count();
    if n < min || n > max {
        return Err(Error::invalid(
            field,
            format!("must be {min} to {max} characters long"),
        ));
    }
    if !schemes
        .iter()
        .any(|s| v.len() > s.len() && v.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
    {
        return Err(Error::invalid(
            field,
            format!("must start with one of {}", schemes.join(", ")),
        ));
    }
    Ok(())
}

/// Paging arguments shared by list operations: count ≤ 1000.
pub(crate) fn check_paging(offset: Option<i64>, count: Option<i64>) -> Result<()> {
    check_range("offset", offset, 0, i64::from(u32::MAX))?;
    check_range("count", count, 0, 1000)
}

/// `GET /{resource}` page of archives, broadcasts or renders, optionally for one session.
pub(crate) fn list_request(
    project_id: &str,
    resource: &str,
    offset: Option<i64>,
    count: Option<i64>,
    session_id: Option<&String>,
) -> Result<WireRequest> {
    check_paging(offset, count)?;
    if let Some(s) = session_id {
        check_id("session_id", s)?;
    }
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
    layout.validate("")?;
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

pub(crate) fn check_resolution(field: &str, v: Option<&str>) -> Result<()> {
    match v {
        Some(r) if !RESOLUTIONS.contains(&r) => Err(Error::invalid(
            field,
            format!("`{r}` is not one of {}", RESOLUTIONS.join(", ")),
        )),
        _ => Ok(()),
    }
}

/// Layout types for archives and broadcasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LayoutType {
    /// Tiles sized to fit.
    #[serde(alias = "best_fit")]
    BestFit,
    /// Picture-in-picture.
    Pip,
    /// One large stream, others stacked vertically.
    #[serde(alias = "vertical_presentation", alias = "verticalPresentation")]
    VerticalPresentation,
    /// One large stream, others in a row.
    #[serde(alias = "horizontal_presentation")]
    HorizontalPresentation,
    /// Focus layout.
    Focus,
    /// A custom stylesheet.
    Custom,
}

/// An archive or broadcast layout. Nested keys go on the wire camelCased (`screenshareType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Layout type.
    #[serde(rename = "type")]
    pub layout_type: LayoutType,
    /// CSS for `custom` layouts (only with `custom`).
    #[serde(default)]
    pub stylesheet: Option<String>,
    /// Layout while a screen share is shown (only with `bestFit`).
    #[serde(default, alias = "screenshareType", alias = "screenShareType")]
    pub screenshare_type: Option<LayoutType>,
    /// Keys the core does not know, sent in the layout object as given.
    #[serde(flatten, default)]
    pub extra: Extra,
}

impl Layout {
    pub(crate) fn validate(&self, prefix: &str) -> Result<()> {
        let f = |n: &str| {
            if prefix.is_empty() {
                n.to_owned()
            } else {
                format!("{prefix}.{n}")
            }
        };
        match (&self.layout_type, &self.stylesheet) {
            (LayoutType::Custom, None) => {
                return Err(Error::invalid(
                    f("stylesheet"),
                    "is required when type is custom",
                ))
            }
            (LayoutType::Custom, Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                return Err(Error::invalid(
                    f("stylesheet"),
                    "is only allowed when type is custom",
                ))
            }
        }
        if self.screenshare_type.is_some() && self.layout_type != LayoutType::BestFit {
            return Err(Error::invalid(
                f("screenshare_type"),
                "is only allowed when type is bestFit",
            ));
        }
        Ok(())
    }

    pub(crate) fn to_wire(&self) -> serde_json::Value {
        crate::wire::Obj::new()
            .put("type", self.layout_type)
            .opt("stylesheet", self.stylesheet.as_ref())
            .opt("screenshareType", self.screenshare_type)
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
