//! `opentok audio …`: Audio Connector, session audio streamed to a WebSocket.

use clap::Subcommand;

use super::args::{call, id, pairs, with_token, Call, Obj};

/// `opentok audio …`
#[derive(Subcommand)]
pub enum AudioCmd {
    /// Connect session audio to a WebSocket.
    Connect {
        /// The session id.
        session_id: String,
        /// WebSocket URI (ws:// or wss://).
        uri: String,
        /// Token for the connector (default: a moderator token minted locally).
        #[arg(long)]
        token: Option<String>,
        /// A stream to send (repeatable; default all).
        #[arg(long, value_name = "STREAM_ID")]
        stream: Vec<String>,
        /// A header NAME=VALUE sent to the WebSocket server (repeatable).
        #[arg(long, value_name = "NAME=VALUE")]
        header: Vec<String>,
        /// 8000, 16000 or 24000.
        #[arg(long, value_name = "HZ")]
        audio_rate: Option<i64>,
        /// Also play audio received from the WebSocket into the session.
        #[arg(long)]
        bidirectional: bool,
        /// Audio transport: binary or json.
        #[arg(long)]
        transport: Option<String>,
        /// Audio encoding of the json transport (base64).
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Stop an Audio Connector.
    Stop {
        /// The connector's connection id.
        connection_id: String,
    },
}

pub(super) fn plan(a: AudioCmd) -> Call {
    match a {
        AudioCmd::Connect {
            session_id,
            uri,
            token,
            stream,
            header,
            audio_rate,
            bidirectional,
            transport,
            encoding,
        } => {
            let t = (transport.is_some() || encoding.is_some()).then(|| {
                Obj::new()
                    .opt("transport", transport)
                    .opt("encoding", encoding)
                    .build()
            });
            with_token(call(
                "connect_audio",
                id("session_id", session_id)
                    .put("uri", uri)
                    .opt("token", token)
                    .list("streams", stream)
                    .opt("headers", pairs(header))
                    .opt("audio_rate", audio_rate)
                    .flag("bidirectional", bidirectional)
                    .opt("audio_transport", t),
            ))
        }
        AudioCmd::Stop { connection_id } => {
            call("stop_audio_connector", id("connection_id", connection_id))
        }
    }
}
