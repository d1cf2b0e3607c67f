//! Subcommands that run no single REST operation: `token` (minted locally), `call` (any
//! operation by name) and `emulator`.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::Args;

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
