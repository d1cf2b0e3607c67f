//! `opentok callback …`: project callbacks (legacy), and receiving and verifying the callbacks
//! the service sends.

use clap::Subcommand;

use super::args::{call, id, Call, Obj};

/// `opentok callback …`
#[derive(Subcommand)]
pub enum CallbackCmd {
    /// Register a project callback URL.
    Register {
        /// Event group, e.g. archive or connection.
        #[arg(long)]
        group: String,
        /// Event name, e.g. status.
        #[arg(long)]
        event: String,
        /// The URL that receives the events.
        #[arg(long)]
        url: String,
    },
    /// List project callbacks.
    List,
    /// Unregister a project callback.
    Unregister {
        /// The callback id.
        callback_id: String,
    },
    /// Receive callbacks, verify them and print each event as a JSON line.
    Listen(crate::webhooks::ListenArgs),
    /// Verify a signed callback: prints its typed event and exits 0, or exits 1.
    Verify(crate::webhooks::VerifyArgs),
}

/// The operation a callback subcommand runs (`None` for `listen` and `verify`, which run locally).
pub(super) fn plan(c: CallbackCmd) -> Option<Call> {
    Some(match c {
        CallbackCmd::Register { group, event, url } => call(
            "register_callback",
            Obj::new()
                .put("group", group)
                .put("event", event)
                .put("url", url),
        ),
        CallbackCmd::List => call("list_callbacks", Obj::new()),
        CallbackCmd::Unregister { callback_id } => {
            call("unregister_callback", id("callback_id", callback_id))
        }
        CallbackCmd::Listen(_) | CallbackCmd::Verify(_) => return None,
    })
}
