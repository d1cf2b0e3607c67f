//! `opentok sip …`: dial a SIP endpoint into a session, or play DTMF digits.

use clap::Subcommand;

use super::args::{call, id, pairs, with_token, Call, Obj};

/// `opentok sip …`
#[derive(Subcommand)]
pub enum SipCmd {
    /// Dial a SIP endpoint into a session.
    Dial {
        /// The session id.
        session_id: String,
        /// SIP URI (sip:… or sips:…).
        uri: String,
        /// Token for the SIP connection (default: a moderator token minted locally).
        #[arg(long)]
        token: Option<String>,
        /// Caller id (`from`).
        #[arg(long)]
        from: Option<String>,
        /// A custom SIP header NAME=VALUE (repeatable; names start with X-).
        #[arg(long, value_name = "NAME=VALUE")]
        header: Vec<String>,
        /// SIP auth user name.
        #[arg(long)]
        username: Option<String>,
        /// SIP auth password.
        #[arg(long, env = "OPENTOK_SIP_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Use TLS/SRTP.
        #[arg(long)]
        secure: bool,
        /// Include video.
        #[arg(long)]
        video: bool,
        /// Honour force-mute.
        #[arg(long)]
        observe_force_mute: bool,
        /// A stream to send to the SIP endpoint (repeatable; default all).
        #[arg(long, value_name = "STREAM_ID")]
        stream: Vec<String>,
    },
    /// Play DTMF digits (0-9, *, #, p) to a session or one connection.
    Dtmf {
        /// The session id.
        session_id: String,
        /// The digits.
        digits: String,
        /// Play only to this connection.
        #[arg(long, value_name = "CONNECTION_ID")]
        connection: Option<String>,
    },
}

pub(super) fn plan(s: SipCmd) -> Call {
    match s {
        SipCmd::Dial {
            session_id,
            uri,
            token,
            from,
            header,
            username,
            password,
            secure,
            video,
            observe_force_mute,
            stream,
        } => {
            let auth = (username.is_some() || password.is_some()).then(|| {
                Obj::new()
                    .put("username", username.unwrap_or_default())
                    .put("password", password.unwrap_or_default())
                    .build()
            });
            with_token(call(
                "dial",
                id("session_id", session_id)
                    .put("uri", uri)
                    .opt("token", token)
                    .opt("from", from)
                    .opt("headers", pairs(header))
                    .opt("auth", auth)
                    .flag("secure", secure)
                    .flag("video", video)
                    .flag("observe_force_mute", observe_force_mute)
                    .list("streams", stream),
            ))
        }
        SipCmd::Dtmf {
            session_id,
            digits,
            connection,
        } => call(
            "play_dtmf",
            id("session_id", session_id)
                .put("digits", digits)
                .opt("connection_id", connection),
        ),
    }
}
