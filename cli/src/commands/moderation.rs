//! `opentok mute …`: force-mute one stream or every stream of a session, or end a mute-all.

use clap::Subcommand;

use super::args::{call, id, Call};

/// `opentok mute …`
#[derive(Subcommand)]
pub enum MuteCmd {
    /// Force-mute one stream.
    Stream {
        /// The session id.
        session_id: String,
        /// The stream id.
        stream_id: String,
    },
    /// Force-mute every stream of a session (and streams published later).
    All {
        /// The session id.
        session_id: String,
        /// A stream that stays unmuted (repeatable).
        #[arg(long, value_name = "STREAM_ID")]
        exclude: Vec<String>,
    },
    /// End a mute-all.
    Disable {
        /// The session id.
        session_id: String,
    },
}

pub(super) fn plan(m: MuteCmd) -> Call {
    match m {
        MuteCmd::Stream {
            session_id,
            stream_id,
        } => call(
            "mute_stream",
            id("session_id", session_id).put("stream_id", stream_id),
        ),
        MuteCmd::All {
            session_id,
            exclude,
        } => call(
            "mute_all",
            id("session_id", session_id).list("excluded_stream_ids", exclude),
        ),
        MuteCmd::Disable { session_id } => call("disable_force_mute", id("session_id", session_id)),
    }
}
