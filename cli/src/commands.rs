//! The subcommand tree and how each subcommand becomes one core operation with snake_case JSON args.
//!
//! Nothing here validates values: core does that and names the offending field.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::{Map, Value};

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

/// `opentok session …`
#[derive(Subcommand)]
pub enum SessionCmd {
    /// Create a session (prints its id).
    Create {
        /// `routed` (through the Media Router; needed for archives, broadcasts, …) or `relayed`
        /// (core's default, as in the official SDKs).
        #[arg(long, value_name = "MODE")]
        media_mode: Option<String>,
        /// `manual` (default) or `always` (archive automatically; needs routed).
        #[arg(long, value_name = "MODE")]
        archive_mode: Option<String>,
        /// IPv4 address used as a location hint.
        #[arg(long, value_name = "IP")]
        location: Option<String>,
        /// Name of automatic archives (only with `--archive-mode always`).
        #[arg(long)]
        archive_name: Option<String>,
        /// Resolution of automatic archives, e.g. 1280x720 (only with `--archive-mode always`).
        #[arg(long)]
        archive_resolution: Option<String>,
        /// Turn on end-to-end encryption (routed sessions only).
        #[arg(long)]
        e2ee: bool,
    },
}

/// `opentok token SESSION_ID …`
#[derive(Args)]
pub struct TokenArgs {
    /// The session the token is for.
    pub session_id: String,
    /// subscriber, publisher (default), publisheronly or moderator.
    #[arg(long)]
    pub role: Option<String>,
    /// Expiry as Unix seconds (default now + 24 h; at most 30 days ahead).
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub expire_time: Option<i64>,
    /// Connection data (at most 1000 characters).
    #[arg(long)]
    pub data: Option<String>,
    /// An initial layout class for the client's streams (repeatable).
    #[arg(long = "layout-class", value_name = "CLASS")]
    pub layout_class: Vec<String>,
    /// Mint a legacy `T1==` token instead of a JWT.
    #[arg(long)]
    pub t1: bool,
    /// Print only the token (no JSON).
    #[arg(long)]
    pub raw: bool,
}

/// `--layout TYPE [--stylesheet CSS] [--screenshare-type TYPE]`
#[derive(Args)]
pub struct LayoutOpts {
    /// Layout type: bestFit, pip, verticalPresentation, horizontalPresentation, focus or custom.
    #[arg(long, value_name = "TYPE")]
    layout: Option<String>,
    /// CSS for the custom layout type.
    #[arg(long, value_name = "CSS")]
    stylesheet: Option<String>,
    /// Layout type while a screen is shared (only with bestFit).
    #[arg(long, value_name = "TYPE")]
    screenshare_type: Option<String>,
}

impl LayoutOpts {
    fn to_value(&self) -> Option<Value> {
        if self.layout.is_none() && self.stylesheet.is_none() && self.screenshare_type.is_none() {
            return None;
        }
        Some(
            Obj::new()
                .opt("type", self.layout.clone())
                .opt("stylesheet", self.stylesheet.clone())
                .opt("screenshare_type", self.screenshare_type.clone())
                .build(),
        )
    }
}

/// `TYPE [--stylesheet CSS] [--screenshare-type TYPE]` for the layout subcommands.
#[derive(Args)]
pub struct SetLayoutOpts {
    /// Layout type: bestFit, pip, verticalPresentation, horizontalPresentation, focus or custom.
    #[arg(value_name = "TYPE")]
    layout: String,
    /// CSS for the custom layout type.
    #[arg(long, value_name = "CSS")]
    stylesheet: Option<String>,
    /// Layout type while a screen is shared (only with bestFit).
    #[arg(long, value_name = "TYPE")]
    screenshare_type: Option<String>,
}

impl SetLayoutOpts {
    fn to_value(&self) -> Value {
        Obj::new()
            .put("type", self.layout.clone())
            .opt("stylesheet", self.stylesheet.clone())
            .opt("screenshare_type", self.screenshare_type.clone())
            .build()
    }
}

/// Paging options of list subcommands.
#[derive(Args)]
pub struct PageOpts {
    /// Index of the first item.
    #[arg(long)]
    offset: Option<i64>,
    /// Page size (at most 1000).
    #[arg(long)]
    count: Option<i64>,
    /// Walk every page and print all items.
    #[arg(long)]
    all: bool,
}

/// `add-stream ID STREAM_ID [--has-audio B] [--has-video B]`
#[derive(Args)]
pub struct AddStreamOpts {
    /// The stream to add.
    stream_id: String,
    /// Include the stream's audio (default true).
    #[arg(long, value_name = "BOOL")]
    has_audio: Option<bool>,
    /// Include the stream's video (default true).
    #[arg(long, value_name = "BOOL")]
    has_video: Option<bool>,
}

/// `opentok archive …`
#[derive(Subcommand)]
pub enum ArchiveCmd {
    /// Start recording a session.
    Start {
        /// The session to record.
        session_id: String,
        /// Archive name.
        #[arg(long)]
        name: Option<String>,
        /// Record audio (default true).
        #[arg(long, value_name = "BOOL")]
        has_audio: Option<bool>,
        /// Record video (default true).
        #[arg(long, value_name = "BOOL")]
        has_video: Option<bool>,
        /// composed (one file) or individual (one file per stream).
        #[arg(long, value_name = "MODE")]
        output_mode: Option<String>,
        /// Resolution of a composed archive, e.g. 1280x720.
        #[arg(long)]
        resolution: Option<String>,
        #[command(flatten)]
        layout: LayoutOpts,
        /// auto (every stream) or manual (add streams with `archive add-stream`).
        #[arg(long, value_name = "MODE")]
        stream_mode: Option<String>,
        /// Tag that allows several archives of one session at once.
        #[arg(long, value_name = "TAG")]
        multi_archive_tag: Option<String>,
        /// Maximum bitrate, bits per second.
        #[arg(long, value_name = "BPS")]
        max_bitrate: Option<i64>,
        /// Quantization parameter (15–40).
        #[arg(long, value_name = "QP")]
        quantization_parameter: Option<i64>,
        /// Produce a post-call transcription.
        #[arg(long)]
        has_transcription: bool,
        /// Transcription language, e.g. en-US.
        #[arg(long, value_name = "CODE")]
        transcription_language: Option<String>,
        /// Also summarize the transcription.
        #[arg(long)]
        transcription_summary: bool,
    },
    /// Stop a recording archive.
    Stop {
        /// The archive id.
        archive_id: String,
    },
    /// Read one archive.
    Get {
        /// The archive id.
        archive_id: String,
    },
    /// List archives, newest first.
    List {
        #[command(flatten)]
        page: PageOpts,
        /// Only archives of this session.
        #[arg(long)]
        session_id: Option<String>,
    },
    /// Delete an archive.
    Delete {
        /// The archive id.
        archive_id: String,
    },
    /// Change the layout of a composed archive.
    Layout {
        /// The archive id.
        archive_id: String,
        #[command(flatten)]
        layout: SetLayoutOpts,
    },
    /// Add a stream to a manual-mode archive.
    AddStream {
        /// The archive id.
        archive_id: String,
        #[command(flatten)]
        stream: AddStreamOpts,
    },
    /// Remove a stream from a manual-mode archive.
    RemoveStream {
        /// The archive id.
        archive_id: String,
        /// The stream to remove.
        stream_id: String,
    },
}

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

/// `opentok stream …`
#[derive(Subcommand)]
pub enum StreamCmd {
    /// Read one stream.
    Get {
        /// The session id.
        session_id: String,
        /// The stream id.
        stream_id: String,
    },
    /// List a session's streams.
    List {
        /// The session id.
        session_id: String,
    },
    /// Set the layout classes of several streams at once.
    Layout {
        /// The session id.
        session_id: String,
        /// STREAM_ID=class1,class2 (repeatable; `STREAM_ID=` clears the classes).
        #[arg(long = "stream", value_name = "STREAM_ID=CLASSES", required = true)]
        streams: Vec<String>,
    },
    /// Set one stream's layout classes (none clears them).
    SetClassList {
        /// The session id.
        session_id: String,
        /// The stream id.
        stream_id: String,
        /// The layout classes.
        classes: Vec<String>,
    },
}

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

/// `opentok render …`
#[derive(Subcommand)]
pub enum RenderCmd {
    /// Start an Experience Composer render of a web page into a session.
    Start {
        /// The session id.
        session_id: String,
        /// The page to render (http:// or https://).
        url: String,
        /// Token for the render (default: a moderator token minted locally).
        #[arg(long)]
        token: Option<String>,
        /// Maximum duration in seconds (60–36000).
        #[arg(long, value_name = "SECONDS")]
        max_duration: Option<i64>,
        /// Resolution, e.g. 1280x720.
        #[arg(long)]
        resolution: Option<String>,
        /// URL that receives status callbacks.
        #[arg(long, value_name = "URL")]
        status_callback_url: Option<String>,
        /// Name of the published stream.
        #[arg(long)]
        name: Option<String>,
    },
    /// Read one render.
    Get {
        /// The render id.
        render_id: String,
    },
    /// Stop a render.
    Stop {
        /// The render id.
        render_id: String,
    },
    /// List renders.
    List {
        #[command(flatten)]
        page: PageOpts,
    },
}

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

/// `opentok call OP --args JSON`
#[derive(Args)]
pub struct CallArgs {
    /// Operation name (see `opentok operations`).
    pub op: String,
    /// Arguments as snake_case JSON, e.g. '{"session_id": "…"}' (default {}).
    #[arg(long, value_name = "JSON")]
    pub args: Option<String>,
    /// For list_archives, list_broadcasts and list_renders: walk every page.
    #[arg(long)]
    pub all: bool,
}

/// `opentok emulator …` (api key/secret come from the global options or their environment variables).
#[derive(Args)]
pub struct EmulatorArgs {
    /// Port to listen on (0 = a free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// PEM file with the Vonage application's public key (with --application-id).
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,
    /// Disable the /_emulator/* admin routes.
    #[arg(long)]
    pub no_admin: bool,
    /// Callback delivery (`--callback-url`, `--signature-secret`, …).
    #[command(flatten)]
    pub callbacks: opentok_emulator::CallbackOptions,
}

/// One core operation to run.
pub struct Call {
    /// Operation name.
    pub op: String,
    /// snake_case JSON arguments.
    pub args: Value,
    /// Walk every page (list operations only).
    pub all: bool,
    /// Mint a moderator token into `token` when the user gave none.
    pub mint_token: bool,
}

/// Builds a JSON object, leaving out absent options.
pub struct Obj(Map<String, Value>);

impl Obj {
    /// An empty object.
    pub fn new() -> Self {
        Obj(Map::new())
    }
    /// Sets `k`.
    pub fn put(mut self, k: &str, v: impl Into<Value>) -> Self {
        self.0.insert(k.to_owned(), v.into());
        self
    }
    /// Sets `k` when `v` is present.
    pub fn opt(self, k: &str, v: Option<impl Into<Value>>) -> Self {
        match v {
            Some(v) => self.put(k, v),
            None => self,
        }
    }
    /// Sets `k` to true when `b`.
    pub fn flag(self, k: &str, b: bool) -> Self {
        if b {
            self.put(k, true)
        } else {
            self
        }
    }
    /// Sets `k` when the list is not empty.
    pub fn list(self, k: &str, v: Vec<String>) -> Self {
        if v.is_empty() {
            self
        } else {
            self.put(k, v)
        }
    }
    /// The object.
    pub fn build(self) -> Value {
        Value::Object(self.0)
    }
}

fn call(op: &str, args: Obj) -> Call {
    Call {
        op: op.to_owned(),
        args: args.build(),
        all: false,
        mint_token: false,
    }
}

fn id(field: &str, v: String) -> Obj {
    Obj::new().put(field, v)
}

fn paged(op: &str, page: PageOpts, extra: Obj) -> Call {
    let args = extra.opt("offset", page.offset).opt("count", page.count);
    Call {
        all: page.all,
        ..call(op, args)
    }
}

/// NAME=VALUE pairs as a JSON object (a pair without `=` gets an empty value; core checks names).
fn pairs(v: Vec<String>) -> Option<Value> {
    if v.is_empty() {
        return None;
    }
    let mut m = Map::new();
    for p in v {
        let (k, val) = p.split_once('=').unwrap_or((p.as_str(), ""));
        m.insert(k.to_owned(), Value::String(val.to_owned()));
    }
    Some(Value::Object(m))
}

fn with_token(c: Call) -> Call {
    let mint = c.args.get("token").is_none();
    Call {
        mint_token: mint,
        ..c
    }
}

/// The operation a REST subcommand runs, or `None` for the others (token, call, operations, …).
pub fn plan(cmd: Cmd) -> Option<Call> {
    Some(match cmd {
        Cmd::Session(SessionCmd::Create {
            media_mode,
            archive_mode,
            location,
            archive_name,
            archive_resolution,
            e2ee,
        }) => call(
            "create_session",
            Obj::new()
                .opt("media_mode", media_mode)
                .opt("archive_mode", archive_mode)
                .opt("location", location)
                .opt("archive_name", archive_name)
                .opt("archive_resolution", archive_resolution)
                .flag("e2ee", e2ee),
        ),
        Cmd::Archive(a) => archive(a),
        Cmd::Broadcast(b) => broadcast(b),
        Cmd::Stream(s) => stream(s),
        Cmd::Connection(ConnectionCmd::List { session_id }) => {
            call("list_connections", id("session_id", session_id))
        }
        Cmd::Connection(ConnectionCmd::Disconnect {
            session_id,
            connection_id,
        }) => call(
            "force_disconnect",
            id("session_id", session_id).put("connection_id", connection_id),
        ),
        Cmd::Signal(s) => call(
            "send_signal",
            id("session_id", s.session_id)
                .opt("connection_id", s.connection)
                .opt("type", s.signal_type)
                .opt("data", s.data),
        ),
        Cmd::Mute(MuteCmd::Stream {
            session_id,
            stream_id,
        }) => call(
            "mute_stream",
            id("session_id", session_id).put("stream_id", stream_id),
        ),
        Cmd::Mute(MuteCmd::All {
            session_id,
            exclude,
        }) => call(
            "mute_all",
            id("session_id", session_id).list("excluded_stream_ids", exclude),
        ),
        Cmd::Mute(MuteCmd::Disable { session_id }) => {
            call("disable_force_mute", id("session_id", session_id))
        }
        Cmd::Sip(s) => sip(s),
        Cmd::Render(r) => render(r),
        Cmd::Audio(a) => audio(a),
        Cmd::Captions(c) => captions(c),
        Cmd::Callback(CallbackCmd::Register { group, event, url }) => call(
            "register_callback",
            Obj::new()
                .put("group", group)
                .put("event", event)
                .put("url", url),
        ),
        Cmd::Callback(CallbackCmd::List) => call("list_callbacks", Obj::new()),
        Cmd::Callback(CallbackCmd::Unregister { callback_id }) => {
            call("unregister_callback", id("callback_id", callback_id))
        }
        Cmd::Token(_) | Cmd::Call(_) | Cmd::Operations | Cmd::Emulator(_) | Cmd::Demo => {
            return None
        }
        Cmd::Callback(CallbackCmd::Listen(_) | CallbackCmd::Verify(_)) => return None,
    })
}

fn archive(a: ArchiveCmd) -> Call {
    match a {
        ArchiveCmd::Start {
            session_id,
            name,
            has_audio,
            has_video,
            output_mode,
            resolution,
            layout,
            stream_mode,
            multi_archive_tag,
            max_bitrate,
            quantization_parameter,
            has_transcription,
            transcription_language,
            transcription_summary,
        } => {
            let tp = (transcription_language.is_some() || transcription_summary).then(|| {
                Obj::new()
                    .opt("primary_language_code", transcription_language)
                    .flag("has_summary", transcription_summary)
                    .build()
            });
            call(
                "start_archive",
                id("session_id", session_id)
                    .opt("name", name)
                    .opt("has_audio", has_audio)
                    .opt("has_video", has_video)
                    .opt("output_mode", output_mode)
                    .opt("resolution", resolution)
                    .opt("layout", layout.to_value())
                    .opt("stream_mode", stream_mode)
                    .opt("multi_archive_tag", multi_archive_tag)
                    .opt("max_bitrate", max_bitrate)
                    .opt("quantization_parameter", quantization_parameter)
                    .flag("has_transcription", has_transcription)
                    .opt("transcription_properties", tp),
            )
        }
        ArchiveCmd::Stop { archive_id } => call("stop_archive", id("archive_id", archive_id)),
        ArchiveCmd::Get { archive_id } => call("get_archive", id("archive_id", archive_id)),
        ArchiveCmd::List { page, session_id } => paged(
            "list_archives",
            page,
            Obj::new().opt("session_id", session_id),
        ),
        ArchiveCmd::Delete { archive_id } => call("delete_archive", id("archive_id", archive_id)),
        ArchiveCmd::Layout { archive_id, layout } => call(
            "set_archive_layout",
            id("archive_id", archive_id).put("layout", layout.to_value()),
        ),
        ArchiveCmd::AddStream { archive_id, stream } => call(
            "add_archive_stream",
            id("archive_id", archive_id)
                .put("stream_id", stream.stream_id)
                .opt("has_audio", stream.has_audio)
                .opt("has_video", stream.has_video),
        ),
        ArchiveCmd::RemoveStream {
            archive_id,
            stream_id,
        } => call(
            "remove_archive_stream",
            id("archive_id", archive_id).put("stream_id", stream_id),
        ),
    }
}

fn broadcast(b: BroadcastCmd) -> Call {
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

fn stream(s: StreamCmd) -> Call {
    match s {
        StreamCmd::Get {
            session_id,
            stream_id,
        } => call(
            "get_stream",
            id("session_id", session_id).put("stream_id", stream_id),
        ),
        StreamCmd::List { session_id } => call("list_streams", id("session_id", session_id)),
        StreamCmd::Layout {
            session_id,
            streams,
        } => {
            let items: Vec<Value> = streams
                .iter()
                .map(|s| {
                    let (sid, classes) = s.split_once('=').unwrap_or((s.as_str(), ""));
                    let classes: Vec<&str> = classes.split(',').filter(|c| !c.is_empty()).collect();
                    Obj::new()
                        .put("id", sid)
                        .put("layout_class_list", classes)
                        .build()
                })
                .collect();
            call(
                "set_stream_class_lists",
                id("session_id", session_id).put("items", items),
            )
        }
        StreamCmd::SetClassList {
            session_id,
            stream_id,
            classes,
        } => call(
            "set_stream_class_list",
            id("session_id", session_id)
                .put("stream_id", stream_id)
                .put("layout_class_list", classes),
        ),
    }
}

fn sip(s: SipCmd) -> Call {
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

fn render(r: RenderCmd) -> Call {
    match r {
        RenderCmd::Start {
            session_id,
            url,
            token,
            max_duration,
            resolution,
            status_callback_url,
            name,
        } => with_token(call(
            "start_render",
            id("session_id", session_id)
                .put("url", url)
                .opt("token", token)
                .opt("max_duration", max_duration)
                .opt("resolution", resolution)
                .opt("status_callback_url", status_callback_url)
                .opt(
                    "properties",
                    name.map(|n| Obj::new().put("name", n).build()),
                ),
        )),
        RenderCmd::Get { render_id } => call("get_render", id("render_id", render_id)),
        RenderCmd::Stop { render_id } => call("stop_render", id("render_id", render_id)),
        RenderCmd::List { page } => paged("list_renders", page, Obj::new()),
    }
}

fn audio(a: AudioCmd) -> Call {
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

fn captions(c: CaptionsCmd) -> Call {
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
