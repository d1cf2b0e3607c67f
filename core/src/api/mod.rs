//! Every REST operation of the Video API, one declarative definition each.
//!
//! Each operation is a plain struct of its arguments (deserializable from the snake_case JSON that
//! bindings send) implementing [`crate::wire::Operation`], in the module of its area
//! (`api/<area>.rs`). `with_operations!` below lists every operation once; everything else that
//! enumerates operations expands from it.

pub mod archives;
pub mod audio_connector;
pub mod broadcasts;
pub mod callbacks;
pub mod captions;
pub mod connections;
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
use crate::wire::{Method, Operation, WireRequest};

/// The operation table: every REST operation once, in census order.
///
/// A row is `name = area::Type -> Raw [PagedItem], Method "path template", (client form);` under
/// the doc comment of the client's typed method. `area` is the module `api/<area>.rs` holding `Type`
/// (the arguments, implementing [`Operation`]); `-> Raw` (optional) names the type of the raw answer
/// bindings receive where it differs from the typed `Output` (`create_session` answers a list of
/// `CreatedSession`, from which the client builds one `Session`); `[PagedItem]` marks list operations walked by
/// [`Paged`]; the path template has `{project_id}` and `{snake_case_arg}` placeholders, and a part in
/// `[…]` is there only when its argument is given. The client
/// form shapes the typed method `OpenTok::name`: `(&)` takes `&Type`; `(a, b)` takes those ids as
/// `&str`; `(a; f: T)` takes the ids, then the other fields by value.
///
/// `with_operations!(m)` calls `m!` with all rows. From it expand: [`OPERATION_TABLE`], the
/// [`Paged`] impls, the by-name dispatcher (`crate::dispatch`: `OPERATIONS`, `build_request`,
/// `decode_response`, `call`, `call_all`), the client's typed methods and the manifest.
macro_rules! with_operations {
    ($m:ident) => { $m! {
        /// Creates a session.
        create_session = sessions::CreateSession -> CreatedSessions, Post "/session/create", (&);
        /// Starts an archive.
        start_archive = archives::StartArchive, Post "/v2/project/{project_id}/archive", (&);
        /// Stops an archive.
        stop_archive = archives::StopArchive, Post "/v2/project/{project_id}/archive/{archive_id}/stop", (archive_id);
        /// Reads an archive.
        get_archive = archives::GetArchive, Get "/v2/project/{project_id}/archive/{archive_id}", (archive_id);
        /// Lists archives (one page).
        list_archives = archives::ListArchives [Archive], Get "/v2/project/{project_id}/archive", (&);
        /// Deletes an archive.
        delete_archive = archives::DeleteArchive, Delete "/v2/project/{project_id}/archive/{archive_id}", (archive_id);
        /// Changes an archive's layout.
        set_archive_layout = archives::SetArchiveLayout, Put "/v2/project/{project_id}/archive/{archive_id}/layout", (archive_id; layout: crate::api::Layout);
        /// Adds a stream to an archive.
        add_archive_stream = archives::AddArchiveStream, Patch "/v2/project/{project_id}/archive/{archive_id}/streams", (&);
        /// Removes a stream from an archive.
        remove_archive_stream = archives::RemoveArchiveStream, Patch "/v2/project/{project_id}/archive/{archive_id}/streams", (archive_id, stream_id);
        /// Starts a broadcast.
        start_broadcast = broadcasts::StartBroadcast, Post "/v2/project/{project_id}/broadcast", (&);
        /// Stops a broadcast.
        stop_broadcast = broadcasts::StopBroadcast, Post "/v2/project/{project_id}/broadcast/{broadcast_id}/stop", (broadcast_id);
        /// Reads a broadcast.
        get_broadcast = broadcasts::GetBroadcast, Get "/v2/project/{project_id}/broadcast/{broadcast_id}", (broadcast_id);
        /// Lists broadcasts (one page).
        list_broadcasts = broadcasts::ListBroadcasts [Broadcast], Get "/v2/project/{project_id}/broadcast", (&);
        /// Changes a broadcast's layout.
        set_broadcast_layout = broadcasts::SetBroadcastLayout, Put "/v2/project/{project_id}/broadcast/{broadcast_id}/layout", (broadcast_id; layout: crate::api::Layout);
        /// Adds a stream to a broadcast.
        add_broadcast_stream = broadcasts::AddBroadcastStream, Patch "/v2/project/{project_id}/broadcast/{broadcast_id}/streams", (&);
        /// Removes a stream from a broadcast.
        remove_broadcast_stream = broadcasts::RemoveBroadcastStream, Patch "/v2/project/{project_id}/broadcast/{broadcast_id}/streams", (broadcast_id, stream_id);
        /// Reads a stream.
        get_stream = streams::GetStream, Get "/v2/project/{project_id}/session/{session_id}/stream/{stream_id}", (session_id, stream_id);
        /// Lists a session's streams.
        list_streams = streams::ListStreams, Get "/v2/project/{project_id}/session/{session_id}/stream", (session_id);
        /// Sets several streams' layout classes.
        set_stream_class_lists = streams::SetStreamClassLists, Put "/v2/project/{project_id}/session/{session_id}/stream", (&);
        /// Sets one stream's layout classes.
        set_stream_class_list = streams::SetStreamClassList, Put "/v2/project/{project_id}/session/{session_id}/stream/{stream_id}", (&);
        /// Lists a session's connections.
        list_connections = connections::ListConnections, Get "/v2/project/{project_id}/session/{session_id}/connection", (session_id);
        /// Sends a signal to all clients or one connection.
        send_signal = signals::SendSignal, Post "/v2/project/{project_id}/session/{session_id}[/connection/{connection_id}]/signal", (&);
        /// Disconnects a client.
        force_disconnect = connections::ForceDisconnect, Delete "/v2/project/{project_id}/session/{session_id}/connection/{connection_id}", (session_id, connection_id);
        /// Force-mutes one stream.
        mute_stream = moderation::MuteStream, Post "/v2/project/{project_id}/session/{session_id}/stream/{stream_id}/mute", (session_id, stream_id);
        /// Mutes every stream except the excluded ones.
        mute_all = moderation::MuteAll, Post "/v2/project/{project_id}/session/{session_id}/mute", (&);
        /// Ends a mute-all.
        disable_force_mute = moderation::DisableForceMute, Post "/v2/project/{project_id}/session/{session_id}/mute", (session_id);
        /// Dials a SIP endpoint into the session.
        dial = sip::Dial, Post "/v2/project/{project_id}/dial", (&);
        /// Plays DTMF digits.
        play_dtmf = sip::PlayDtmf, Post "/v2/project/{project_id}/session/{session_id}[/connection/{connection_id}]/play-dtmf", (&);
        /// Starts an Experience Composer render.
        start_render = renders::StartRender, Post "/v2/project/{project_id}/render", (&);
        /// Reads a render.
        get_render = renders::GetRender, Get "/v2/project/{project_id}/render/{render_id}", (render_id);
        /// Stops a render.
        stop_render = renders::StopRender, Delete "/v2/project/{project_id}/render/{render_id}", (render_id);
        /// Lists renders (one page).
        list_renders = renders::ListRenders [Render], Get "/v2/project/{project_id}/render", (&);
        /// Connects session audio to a WebSocket.
        connect_audio = audio_connector::ConnectAudio, Post "/v2/project/{project_id}/connect", (&);
        /// Stops an Audio Connector.
        stop_audio_connector = audio_connector::StopAudioConnector, Post "/v2/project/{project_id}/connect/{connection_id}/stop", (connection_id);
        /// Starts live captions.
        start_captions = captions::StartCaptions, Post "/v2/project/{project_id}/captions", (&);
        /// Stops live captions.
        stop_captions = captions::StopCaptions, Post "/v2/project/{project_id}/captions/{captions_id}/stop", (captions_id);
        /// Reads caption status.
        get_captions = captions::GetCaptions, Get "/v2/project/{project_id}/captions/{captions_id}", (captions_id);
        /// Registers a project callback.
        register_callback = callbacks::RegisterCallback, Post "/v2/project/{project_id}/callback", (&);
        /// Lists registered project callbacks.
        list_callbacks = callbacks::ListCallbacks, Get "/v2/project/{project_id}/callback", ();
        /// Unregisters a project callback.
        unregister_callback = callbacks::UnregisterCallback, Delete "/v2/project/{project_id}/callback/{callback_id}", (callback_id);
    } };
}
pub(crate) use with_operations;

/// What the table says of one operation (see [`OPERATION_TABLE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    /// The name bindings call it by ([`Operation::NAME`]).
    pub name: &'static str,
    /// Its area: the module `api/<area>.rs` (one of the twelve area names).
    pub area: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template with `{project_id}` and `{snake_case_arg}` placeholders; a part in `[…]` is
    /// there only when its argument is given (`send_signal`'s `[/connection/{connection_id}]`).
    pub path: &'static str,
    /// Item type of a paged list operation ([`Paged`]), by name.
    pub paged_item: Option<&'static str>,
}

macro_rules! table_items {
    ($( $(#[$doc:meta])* $name:ident = $area:ident :: $ty:ident $(-> $raw:ident)? $([$item:ident])?,
        $method:ident $path:literal, $form:tt; )*) => {
        /// Every operation, in census order, as the table lists it.
        pub const OPERATION_TABLE: &[OperationInfo] = &[$(OperationInfo {
            name: <$area::$ty as Operation>::NAME,
            area: stringify!($area),
            method: Method::$method,
            path: $path,
            paged_item: first_of!($(stringify!($item))?),
        }),*];

        $($(
            impl Paged for $area::$ty {
                type Item = $area::$item;
                fn page_offset(&self) -> Option<i64> {
                    self.offset
                }
                fn page_size(&self) -> Option<i64> {
                    self.count
                }
                fn set_page(&mut self, offset: i64, count: i64) {
                    self.offset = Some(offset);
                    self.count = Some(count);
                }
                fn into_items(page: Self::Output) -> (Vec<Self::Item>, i64) {
                    // an answer without `count` has 0 in total
                    (page.items, page.total_count.unwrap_or(0))
                }
            }
        )?)*
    };
}

/// `Some(x)` for one expression, `None` for none.
macro_rules! first_of {
    () => {
        None
    };
    ($x:expr) => {
        Some($x)
    };
}

with_operations!(table_items);

/// A list operation that can be walked page by page ([`crate::OpenTok::list_all`], `call_all`).
pub trait Paged: Operation {
    /// Item type.
    type Item;
    /// Current offset.
    fn page_offset(&self) -> Option<i64>;
    /// Page size.
    fn page_size(&self) -> Option<i64>;
    /// Moves to another page.
    fn set_page(&mut self, offset: i64, count: i64);
    /// Splits a page into its items and `count`, the total across pages.
    fn into_items(page: Self::Output) -> (Vec<Self::Item>, i64);
}

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

crate::record::ffi_export! {
    ffi stream_mode_ffi;
    /// Whether streams are added automatically or by API calls.
    rust {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "lowercase")]
    }
    pub enum StreamMode {
        /// All streams are included.
        Auto,
        /// Streams are added with add/remove stream calls.
        Manual,
    }
}

/// Deserializes the map of free-form string headers.
pub type Headers = std::collections::BTreeMap<String, String>;

/// A list page: `{count, items}`; `count` is the total across pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(bound(deserialize = "T: serde::de::DeserializeOwned"))]
#[cfg_attr(feature = "schema", schemars(rename = "{T}List"))]
pub struct Page<T> {
    /// Total number of items (across all pages).
    #[serde(default, deserialize_with = "lenient::int")]
    pub count: i64,
    /// The items of this page.
    #[serde(default, deserialize_with = "lenient::null_default")]
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
