//! A local, faithful stand-in for the OpenTok / Vonage Video REST API.
//!
//! It serves every REST operation of the service at the same paths, with the same status codes and
//! JSON, checks the auth JWTs exactly like the service, and keeps sessions, connections, streams,
//! archives, broadcasts, renders, captions, SIP calls, Audio Connector connections and callbacks in
//! memory. Admin routes under `/_emulator/` seed state, inject faults and expose the request log.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let emu = opentok_emulator::Emulator::start(opentok_emulator::Config::default()).await?;
//! println!("{}", emu.url());
//! # Ok(()) }
//! ```

pub mod admin;
pub mod archives;
pub mod audio_connector;
pub mod auth;
pub mod broadcasts;
pub mod callbacks;
pub mod callbacks_admin;
pub mod callbacks_delivery;
pub mod callbacks_events;
pub mod captions;
mod cli;
pub mod config;
pub mod connections;
pub mod error;
pub mod ids;
pub mod middleware;
pub mod model;
pub mod moderation;
pub mod renders;
mod routes;
mod server;
pub mod sessions;
pub mod signals;
pub mod sip;
pub mod state;
pub mod streams;
pub mod sync;
pub mod ui;
pub mod validate;

pub use callbacks_delivery::{CallbackConfig, CallbackOptions};
pub use cli::{run, run_cli, CliError, CliOptions};
pub use config::{Config, DEFAULT_API_KEY, DEFAULT_API_SECRET};
pub use server::{router, try_router, Emulator};
