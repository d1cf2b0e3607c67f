//! The subcommand tree and how each subcommand becomes one core operation with snake_case JSON args.
//! One module per area, named as in the core's `api/<area>.rs`; `args` builds the operation and
//! holds the options several areas share, `local` the subcommands that run no single
//! REST operation.
//!
//! Nothing here validates values: core does that and names the offending field.

mod archives;
mod args;
mod audio_connector;
mod broadcasts;
mod callbacks;
mod captions;
mod connections;
mod local;
mod moderation;
mod renders;
mod sessions;
mod signals;
mod sip;
mod streams;

use clap::Subcommand;

use archives::ArchiveCmd;
use audio_connector::AudioCmd;
use broadcasts::BroadcastCmd;
use captions::CaptionsCmd;
use connections::ConnectionCmd;
use moderation::MuteCmd;
use renders::RenderCmd;
use sessions::SessionCmd;
use signals::SignalArgs;
use sip::SipCmd;
use streams::StreamCmd;

pub use args::Call;
pub use callbacks::CallbackCmd;
pub use local::{CallArgs, EmulatorArgs, TokenArgs};

/// Every REST operation and the dedicated subcommand that runs it (placeholders in capitals).
pub const COMMANDS: &[(&str, &str)] = &[
    ("create_session", "session create"),
    ("start_archive", "archive start SESSION_ID"),
    ("stop_archive", "archive stop ARCHIVE_ID"),
    ("get_archive", "archive get ARCHIVE_ID"),
    ("list_archives", "archive list"),
    ("delete_archive", "archive delete ARCHIVE_ID"),
    ("set_archive_layout", "archive layout ARCHIVE_ID TYPE"),
    (
        "add_archive_stream",
        "archive add-stream ARCHIVE_ID STREAM_ID",
    ),
    (
        "remove_archive_stream",
        "archive remove-stream ARCHIVE_ID STREAM_ID",
    ),
    ("start_broadcast", "broadcast start SESSION_ID"),
    ("stop_broadcast", "broadcast stop BROADCAST_ID"),
    ("get_broadcast", "broadcast get BROADCAST_ID"),
    ("list_broadcasts", "broadcast list"),
    ("set_broadcast_layout", "broadcast layout BROADCAST_ID TYPE"),
    (
        "add_broadcast_stream",
        "broadcast add-stream BROADCAST_ID STREAM_ID",
    ),
    (
        "remove_broadcast_stream",
        "broadcast remove-stream BROADCAST_ID STREAM_ID",
    ),
    ("get_stream", "stream get SESSION_ID STREAM_ID"),
    ("list_streams", "stream list SESSION_ID"),
    (
        "set_stream_class_lists",
        "stream layout SESSION_ID --stream STREAM_ID=CLASSES",
    ),
    (
        "set_stream_class_list",
        "stream set-class-list SESSION_ID STREAM_ID",
    ),
    ("list_connections", "connection list SESSION_ID"),
    ("send_signal", "signal SESSION_ID"),
    (
        "force_disconnect",
        "connection disconnect SESSION_ID CONNECTION_ID",
    ),
    ("mute_stream", "mute stream SESSION_ID STREAM_ID"),
    ("mute_all", "mute all SESSION_ID"),
    ("disable_force_mute", "mute disable SESSION_ID"),
    ("dial", "sip dial SESSION_ID SIP_URI"),
    ("play_dtmf", "sip dtmf SESSION_ID DIGITS"),
    ("start_render", "render start SESSION_ID URL"),
    ("get_render", "render get RENDER_ID"),
    ("stop_render", "render stop RENDER_ID"),
    ("list_renders", "render list"),
    ("connect_audio", "audio connect SESSION_ID WS_URI"),
    ("stop_audio_connector", "audio stop CONNECTION_ID"),
    ("start_captions", "captions start SESSION_ID"),
    ("stop_captions", "captions stop CAPTIONS_ID"),
    ("get_captions", "captions status CAPTIONS_ID"),
    (
        "register_callback",
        "callback register --group GROUP --event EVENT --url URL",
    ),
    ("list_callbacks", "callback list"),
    ("unregister_callback", "callback unregister CALLBACK_ID"),
];

/// The top-level subcommands.
#[derive(Subcommand)]
pub enum Cmd {
    /// Create sessions.
    #[command(subcommand)]
    Session(SessionCmd),
    /// Mint a client token for a session (no network; uses the credentials locally).
    Token(TokenArgs),
    /// Start, stop, read, list, delete and lay out archives.
    #[command(subcommand)]
    Archive(ArchiveCmd),
    /// Start, stop, read, list and lay out live-streaming broadcasts (HLS/RTMP).
    #[command(subcommand)]
    Broadcast(BroadcastCmd),
    /// Read a session's streams and set their layout classes.
    #[command(subcommand)]
    Stream(StreamCmd),
    /// List a session's connections or force one to disconnect.
    #[command(subcommand)]
    Connection(ConnectionCmd),
    /// Send a signal to every client in a session, or to one connection.
    Signal(SignalArgs),
    /// Force-mute one stream or every stream of a session, or end a mute-all.
    #[command(subcommand)]
    Mute(MuteCmd),
    /// Dial a SIP endpoint into a session, or play DTMF digits.
    #[command(subcommand)]
    Sip(SipCmd),
    /// Experience Composer renders.
    #[command(subcommand)]
    Render(RenderCmd),
    /// Audio Connector: stream session audio to a WebSocket.
    #[command(subcommand)]
    Audio(AudioCmd),
    /// Live captions.
    #[command(subcommand)]
    Captions(CaptionsCmd),
    /// Project callbacks (legacy).
    #[command(subcommand)]
    Callback(CallbackCmd),
    /// Run any operation by name with snake_case JSON arguments (escape hatch).
    Call(CallArgs),
    /// List every REST operation and the subcommand that runs it.
    Operations,
    /// Run the local OpenTok emulator; prints its URL on the first line of stdout.
    Emulator(EmulatorArgs),
    /// Walk a realistic session lifecycle, step by step.
    ///
    /// Runs against an embedded emulator, or against the real API when OPENTOK_API_KEY and
    /// OPENTOK_API_SECRET are set (and against --api-url with them, e.g. an `opentok emulator`).
    Demo,
}

/// The operation a REST subcommand runs, or `None` for the others (token, call, operations, …).
pub fn plan(cmd: Cmd) -> Option<Call> {
    Some(match cmd {
        Cmd::Session(s) => sessions::plan(s),
        Cmd::Archive(a) => archives::plan(a),
        Cmd::Broadcast(b) => broadcasts::plan(b),
        Cmd::Stream(s) => streams::plan(s),
        Cmd::Connection(c) => connections::plan(c),
        Cmd::Signal(s) => signals::plan(s),
        Cmd::Mute(m) => moderation::plan(m),
        Cmd::Sip(s) => sip::plan(s),
        Cmd::Render(r) => renders::plan(r),
        Cmd::Audio(a) => audio_connector::plan(a),
        Cmd::Captions(c) => captions::plan(c),
        Cmd::Callback(c) => return callbacks::plan(c),
        Cmd::Token(_) | Cmd::Call(_) | Cmd::Operations | Cmd::Emulator(_) | Cmd::Demo => {
            return None
        }
    })
}
