//! Live-streaming broadcasts: `/v2/project/{apiKey}/broadcast…`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::archives::StreamSelection;
use super::{check_id, decode_with, project_path};
use super::{Layout, StreamMode};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

/// HLS output settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Hls {
    /// Enable DVR (rewind); not with low_latency.
    pub dvr: Option<bool>,
    /// Low-latency HLS; not with dvr.
    #[serde(alias = "lowLatency")]
    pub low_latency: Option<bool>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// One RTMP output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Rtmp {
    /// Your id for this target.
    pub id: Option<String>,
    /// RTMP server URL.
    #[serde(alias = "serverUrl")]
    pub server_url: Option<String>,
    /// Stream name (key).
    #[serde(alias = "streamName")]
    pub stream_name: Option<String>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Rtmp {
    fn to_wire(&self) -> Value {
        Obj::new()
            .opt("id", self.id.as_ref())
            .opt("serverUrl", self.server_url.as_ref())
            .opt("streamName", self.stream_name.as_ref())
            .extra(&self.extra)
            .build()
    }
}

/// The RTMP outputs as given: a list (documented) or one object (sent as one object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum RtmpOutputs {
    /// A list of targets (the documented shape, at most 5).
    Many(Vec<Rtmp>),
    /// One target given as an object.
    One(Rtmp),
}

/// Broadcast outputs: HLS and/or up to 5 RTMP targets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BroadcastOutputs {
    /// HLS output, if wanted.
    pub hls: Option<Hls>,
    /// RTMP outputs (documented: a list of at most 5).
    pub rtmp: Option<RtmpOutputs>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// Most RTMP targets a broadcast may have (documented; the service checks it).
pub const MAX_RTMP: usize = 5;

/// `start_broadcast`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StartBroadcast {
    /// Session to broadcast.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Outputs (HLS and/or RTMP).
    pub outputs: Option<BroadcastOutputs>,
    /// Layout.
    pub layout: Option<Layout>,
    /// Maximum duration in seconds (documented 60–36000).
    #[serde(alias = "maxDuration")]
    pub max_duration: Option<i64>,
    /// Maximum bitrate in bits per second (documented 100000–6000000). Also accepted as `maxBitRate`.
    #[serde(alias = "maxBitRate", alias = "max_bit_rate", alias = "maxBitrate")]
    pub max_bitrate: Option<i64>,
    /// Resolution.
    pub resolution: Option<String>,
    /// Auto or manual stream selection.
    #[serde(alias = "streamMode")]
    pub stream_mode: Option<StreamMode>,
    /// Tag that allows several broadcasts of one session at once.
    #[serde(alias = "multiBroadcastTag")]
    pub multi_broadcast_tag: Option<String>,
    /// Include audio.
    #[serde(alias = "hasAudio")]
    pub has_audio: Option<bool>,
    /// Include video.
    #[serde(alias = "hasVideo")]
    pub has_video: Option<bool>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for StartBroadcast {
    const NAME: &'static str = "start_broadcast";
    type Output = Broadcast;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let outputs = self.outputs.as_ref().map(|o| {
            let hls = o.hls.as_ref().map(|h| {
                Obj::new()
                    .opt("dvr", h.dvr)
                    .opt("lowLatency", h.low_latency)
                    .extra(&h.extra)
                    .build()
            });
            let rtmp = o.rtmp.as_ref().map(|r| match r {
                RtmpOutputs::One(r) => r.to_wire(),
                RtmpOutputs::Many(v) => Value::Array(v.iter().map(Rtmp::to_wire).collect()),
            });
            Obj::new()
                .opt("hls", hls)
                .opt("rtmp", rtmp)
                .extra(&o.extra)
                .build()
        });
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .opt("layout", self.layout.as_ref().map(Layout::to_wire))
            .opt("maxDuration", self.max_duration)
            .opt("maxBitrate", self.max_bitrate)
            .opt("outputs", outputs)
            .opt("resolution", self.resolution.as_ref())
            .opt("streamMode", self.stream_mode)
            .opt("multiBroadcastTag", self.multi_broadcast_tag.as_ref())
            .opt("hasAudio", self.has_audio)
            .opt("hasVideo", self.has_video)
            .extra(&self.extra)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/broadcast")?).json(body))
    }
    decode_with!(json);
}

macro_rules! broadcast_id_op {
    ($(#[$doc:meta])* $name:ident, $op:literal, $method:ident, $suffix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name {
            /// The broadcast id.
            #[serde(alias = "broadcastId")]
            pub broadcast_id: String,
        }

        impl Operation for $name {
            const NAME: &'static str = $op;
            type Output = Broadcast;

            fn request(&self, project_id: &str) -> Result<WireRequest> {
                let id = check_id("broadcast_id", &self.broadcast_id)?;
                let req = WireRequest::new(Method::$method, project_path(project_id, &format!("/broadcast/{id}{}", $suffix))?);
                Ok(if matches!(Method::$method, Method::Post) { req.json(serde_json::json!({})) } else { req })
            }
            decode_with!(json);
        }
    };
}

broadcast_id_op!(
    /// `stop_broadcast`: stops a broadcast.
    StopBroadcast, "stop_broadcast", Post, "/stop"
);
broadcast_id_op!(
    /// `get_broadcast`: reads one broadcast.
    GetBroadcast, "get_broadcast", Get, ""
);

/// `list_broadcasts`: a page of broadcasts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ListBroadcasts {
    /// Index of the first broadcast.
    pub offset: Option<i64>,
    /// Page size (≤ 1000).
    pub count: Option<i64>,
    /// Only broadcasts of this session.
    #[serde(alias = "sessionId")]
    pub session_id: Option<String>,
}

impl Operation for ListBroadcasts {
    const NAME: &'static str = "list_broadcasts";
    type Output = BroadcastList;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::list_request(
            project_id,
            "broadcast",
            self.offset,
            self.count,
            self.session_id.as_ref(),
        )
    }
    decode_with!(json);
}

/// `set_broadcast_layout`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetBroadcastLayout {
    /// The broadcast id.
    #[serde(alias = "broadcastId")]
    pub broadcast_id: String,
    /// The new layout.
    pub layout: Layout,
}

impl Operation for SetBroadcastLayout {
    const NAME: &'static str = "set_broadcast_layout";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::layout_request(
            project_id,
            "broadcast",
            "broadcast_id",
            &self.broadcast_id,
            &self.layout,
        )
    }
    decode_with!(empty);
}

/// `add_broadcast_stream`: adds a stream to a manual-mode broadcast.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AddBroadcastStream {
    /// The broadcast id.
    #[serde(alias = "broadcastId")]
    pub broadcast_id: String,
    /// The stream to add.
    #[serde(alias = "streamId")]
    pub stream_id: String,
    /// Include its audio (default true).
    #[serde(alias = "hasAudio")]
    pub has_audio: Option<bool>,
    /// Include its video (default true).
    #[serde(alias = "hasVideo")]
    pub has_video: Option<bool>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for AddBroadcastStream {
    const NAME: &'static str = "add_broadcast_stream";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::add_stream_request(
            project_id,
            ("broadcast", "broadcast_id", &self.broadcast_id),
            &self.stream_id,
            self.has_audio,
            self.has_video,
            &self.extra,
        )
    }
    decode_with!(empty);
}

/// `remove_broadcast_stream`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RemoveBroadcastStream {
    /// The broadcast id.
    #[serde(alias = "broadcastId")]
    pub broadcast_id: String,
    /// The stream to remove.
    #[serde(alias = "streamId")]
    pub stream_id: String,
}

impl Operation for RemoveBroadcastStream {
    const NAME: &'static str = "remove_broadcast_stream";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::remove_stream_request(
            project_id,
            ("broadcast", "broadcast_id", &self.broadcast_id),
            &self.stream_id,
            &crate::wire::lenient::Extra::new(),
        )
    }
    decode_with!(empty);
}

crate::record::result_record! {
    ffi rtmp_status_ffi;
    /// An RTMP output's state.
    pub struct RtmpStatus {
        /// Your id for it.
        id: Option<String> = "id",
        /// Server URL.
        server_url: Option<String> = "serverUrl",
        /// Stream name.
        stream_name: Option<String> = "streamName",
        /// `connecting`, `live`, `offline` or `error`.
        status: Option<String> = "status",
    }
    added {}
}

crate::record::result_record! {
    ffi broadcast_urls_ffi;
    /// Where a broadcast can be watched.
    pub struct BroadcastUrls {
        /// HLS URL.
        hls: Option<String> = "hls",
        /// HLS state.
        hls_status: Option<String> = "hlsStatus",
        /// RTMP targets (an array, or an object keyed by id, on the wire).
        rtmp: Option<Vec<RtmpStatus>> = "rtmp",
    }
    added {}
}

crate::record::result_record! {
    ffi hls_settings_ffi;
    /// HLS settings a broadcast runs with.
    pub struct HlsSettings {
        /// Low-latency HLS.
        low_latency: Option<bool> = "lowLatency",
        /// DVR.
        dvr: Option<bool> = "dvr",
    }
    added {}
}

crate::record::result_record! {
    ffi broadcast_settings_ffi;
    /// Settings a broadcast runs with.
    pub struct BroadcastSettings {
        /// HLS settings.
        hls: Option<HlsSettings> = "hls",
    }
    added {}
}

crate::record::result_record! {
    ffi broadcast_ffi;
    /// A broadcast as the API reports it.
    pub struct Broadcast {
        /// Broadcast id.
        id: String = "id",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id (a number on the wire is read as its JSON text).
        project_id: Option<String> = "projectId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
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
        /// Settings (`{"hls": {"lowLatency", "dvr"}}`).
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
    added {
        /// Partner id (older name of the project id).
        partner_id: Option<String> = "partnerId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
    }
}

crate::record::page_record!(
    /// A page of broadcasts.
    BroadcastList of Broadcast, ffi broadcast_list_ffi
);
