//! `opentok captions …`: live captions.

use clap::Subcommand;

use super::args::{call, id, with_token, Call};

/// `opentok captions …`
#[derive(Subcommand)]
pub enum CaptionsCmd {
    /// Start live captions.
    Start {
        /// The session id.
        session_id: String,
        /// Moderator token (default: one minted locally).
        #[arg(long)]
        token: Option<String>,
        /// Language, e.g. en-US.
        #[arg(long, value_name = "CODE")]
        language_code: Option<String>,
        /// Maximum duration in seconds (300–14400).
        #[arg(long, value_name = "SECONDS")]
        max_duration: Option<i64>,
        /// Send partial captions (default true).
        #[arg(long, value_name = "BOOL")]
        partial_captions: Option<bool>,
        /// URL that receives status callbacks.
        #[arg(long, value_name = "URL")]
        status_callback_url: Option<String>,
    },
    /// Stop live captions.
    Stop {
        /// The captions id.
        captions_id: String,
    },
    /// Read the status of live captions.
    Status {
        /// The captions id.
        captions_id: String,
    },
}

pub(super) fn plan(c: CaptionsCmd) -> Call {
    match c {
        CaptionsCmd::Start {
            session_id,
            token,
            language_code,
            max_duration,
            partial_captions,
            status_callback_url,
        } => with_token(call(
            "start_captions",
            id("session_id", session_id)
                .opt("token", token)
                .opt("language_code", language_code)
                .opt("max_duration", max_duration)
                .opt("partial_captions", partial_captions)
                .opt("status_callback_url", status_callback_url),
        )),
        CaptionsCmd::Stop { captions_id } => call("stop_captions", id("captions_id", captions_id)),
        CaptionsCmd::Status { captions_id } => call("get_captions", id("captions_id", captions_id)),
    }
}
