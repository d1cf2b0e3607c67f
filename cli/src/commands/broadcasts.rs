//! `opentok broadcast …`: start, stop, read, list and lay out live-streaming broadcasts.

use clap::Subcommand;
use serde_json::Value;

use super::args::{call, id, paged, Call, Obj};
use super::args::{AddStreamOpts, LayoutOpts, PageOpts, SetLayoutOpts};

/// `opentok broadcast …`
#[derive(Subcommand)]
pub enum BroadcastCmd {
    /// Start broadcasting a session to HLS and/or RTMP.
    Start {
        /// The session to broadcast.
        session_id: String,
        /// Output HLS.
        #[arg(long)]
        hls: bool,
        /// HLS with DVR (rewind) support.
        #[arg(long)]
        dvr: bool,
        /// Low-latency HLS.
        #[arg(long)]
        low_latency: bool,
        /// An RTMP output (repeatable, at most 5).
        #[arg(long, num_args = 2, value_names = ["SERVER_URL", "STREAM_NAME"])]
        rtmp: Vec<String>,
        #[command(flatten)]
        layout: LayoutOpts,
        /// Maximum duration in seconds (60–36000).
        #[arg(long, value_name = "SECONDS")]
        max_duration: Option<i64>,
        /// Maximum bitrate, bits per second.
        #[arg(long, value_name = "BPS")]
        max_bitrate: Option<i64>,
        /// Resolution, e.g. 1280x720.
        #[arg(long)]
        resolution: Option<String>,
        /// auto (every stream) or manual (add streams with `broadcast add-stream`).
        #[arg(long, value_name = "MODE")]
        stream_mode: Option<String>,
        /// Tag that allows several broadcasts of one session at once.
        #[arg(long, value_name = "TAG")]
        multi_broadcast_tag: Option<String>,
        /// Broadcast audio (default true).
        #[arg(long, value_name = "BOOL")]
        has_audio: Option<bool>,
        /// Broadcast video (default true).
        #[arg(long, value_name = "BOOL")]
        has_video: Option<bool>,
    },
    /// Stop a broadcast.
    Stop {
        /// The broadcast id.
        broadcast_id: String,
    },
    /// Read one broadcast.
    Get {
        /// The broadcast id.
        broadcast_id: String,
    },
    /// List broadcasts.
    List {
        #[command(flatten)]
        page: PageOpts,
        /// Only broadcasts of this session.
        #[arg(long)]
        session_id: Option<String>,
    },
    /// Change a broadcast's layout.
    Layout {
        /// The broadcast id.
        broadcast_id: String,
        #[command(flatten)]
        layout: SetLayoutOpts,
    },
    /// Add a stream to a manual-mode broadcast.
    AddStream {
        /// The broadcast id.
        broadcast_id: String,
        #[command(flatten)]
        stream: AddStreamOpts,
    },
    /// Remove a stream from a manual-mode broadcast.
    RemoveStream {
        /// The broadcast id.
        broadcast_id: String,
        /// The stream to remove.
        stream_id: String,
    },
}

pub(super) fn plan(b: BroadcastCmd) -> Call {
    match b {
        BroadcastCmd::Start {
            session_id,
            hls,
            dvr,
            low_latency,
            rtmp,
            layout,
            max_duration,
            max_bitrate,
            resolution,
            stream_mode,
            multi_broadcast_tag,
            has_audio,
            has_video,
        } => {
            let hls = (hls || dvr || low_latency).then(|| {
                Obj::new()
                    .flag("dvr", dvr)
                    .flag("low_latency", low_latency)
                    .build()
            });
            let rtmp: Vec<Value> = rtmp
                .chunks(2)
                .map(|p| {
                    Obj::new()
                        .put("server_url", p.first().cloned().unwrap_or_default())
                        .put("stream_name", p.get(1).cloned().unwrap_or_default())
                        .build()
                })
                .collect();
            let outputs = Obj::new()
                .opt("hls", hls)
                .opt("rtmp", (!rtmp.is_empty()).then_some(rtmp));
            call(
                "start_broadcast",
                id("session_id", session_id)
                    .put("outputs", outputs.build())
                    .opt("layout", layout.to_value())
                    .opt("max_duration", max_duration)
                    .opt("max_bitrate", max_bitrate)
                    .opt("resolution", resolution)
                    .opt("stream_mode", stream_mode)
                    .opt("multi_broadcast_tag", multi_broadcast_tag)
                    .opt("has_audio", has_audio)
                    .opt("has_video", has_video),
            )
        }
        BroadcastCmd::Stop { broadcast_id } => {
            call("stop_broadcast", id("broadcast_id", broadcast_id))
        }
        BroadcastCmd::Get { broadcast_id } => {
            call("get_broadcast", id("broadcast_id", broadcast_id))
        }
        BroadcastCmd::List { page, session_id } => paged(
            "list_broadcasts",
            page,
            Obj::new().opt("session_id", session_id),
        ),
        BroadcastCmd::Layout {
            broadcast_id,
            layout,
        } => call(
            "set_broadcast_layout",
            id("broadcast_id", broadcast_id).put("layout", layout.to_value()),
        ),
        BroadcastCmd::AddStream {
            broadcast_id,
            stream,
        } => call(
            "add_broadcast_stream",
            id("broadcast_id", broadcast_id)
                .put("stream_id", stream.stream_id)
                .opt("has_audio", stream.has_audio)
                .opt("has_video", stream.has_video),
        ),
        BroadcastCmd::RemoveStream {
            broadcast_id,
            stream_id,
        } => call(
            "remove_broadcast_stream",
            id("broadcast_id", broadcast_id).put("stream_id", stream_id),
        ),
    }
}
