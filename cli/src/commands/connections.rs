//! `opentok connection …`: list a session's connections or force one to disconnect.

use clap::Subcommand;

use super::args::{call, id, Call};

/// `opentok connection …`
#[derive(Subcommand)]
pub enum ConnectionCmd {
    /// List a session's connections.
    List {
        /// The session id.
        session_id: String,
    },
    /// Force a client to disconnect.
    Disconnect {
        /// The session id.
        session_id: String,
        /// The connection id.
        connection_id: String,
    },
}

pub(super) fn plan(c: ConnectionCmd) -> Call {
    match c {
        ConnectionCmd::List { session_id } => {
            call("list_connections", id("session_id", session_id))
        }
        ConnectionCmd::Disconnect {
            session_id,
            connection_id,
        } => call(
            "force_disconnect",
            id("session_id", session_id).put("connection_id", connection_id),
        ),
    }
}
