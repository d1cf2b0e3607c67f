//! `opentok signal …`: send a signal to every client in a session, or to one connection.

use clap::Args;

use super::args::{call, id, Call};

/// `opentok signal SESSION_ID …`
#[derive(Args)]
pub struct SignalArgs {
    /// The session id.
    session_id: String,
    /// Signal only this connection (default: every client).
    #[arg(long, value_name = "CONNECTION_ID")]
    connection: Option<String>,
    /// Signal type (letters, digits, `_`, `~`, `-`; at most 128).
    #[arg(long = "type", value_name = "TYPE")]
    signal_type: Option<String>,
    /// Signal data (at most 8 kB).
    #[arg(long)]
    data: Option<String>,
}

pub(super) fn plan(s: SignalArgs) -> Call {
    call(
        "send_signal",
        id("session_id", s.session_id)
            .opt("connection_id", s.connection)
            .opt("type", s.signal_type)
            .opt("data", s.data),
    )
}
