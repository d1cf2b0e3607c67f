//! # opentok-core
//!
//! The OpenTok / Vonage Video server API in Rust: client tokens (JWT, legacy `T1`, RS256) and every
//! REST operation, with typed errors, timeouts and retries. Bindings for Python, Node, Ruby, Kotlin
//! and Swift are thin layers over this crate.
//!
//! ```no_run
//! use opentok_core::{OpenTok, TokenOptions, Role};
//! use opentok_core::api::sessions::{CreateSession, MediaMode};
//! use opentok_core::api::archives::StartArchive;
//!
//! # async fn demo() -> opentok_core::Result<()> {
//! let ot = OpenTok::new("123456", "my-secret")?;
//! let session = ot
//!     .create_session(&CreateSession { media_mode: MediaMode::Routed, ..Default::default() })
//!     .await?;
//! let token = ot.generate_token(
//!     &session.session_id,
//!     &TokenOptions { role: Role::Moderator, ..Default::default() },
//! )?;
//! let archive = ot
//!     .start_archive(&StartArchive { session_id: session.session_id.clone(), ..Default::default() })
//!     .await?;
//! ot.stop_archive(&archive.id).await?;
//! # let _ = token; Ok(()) }
//! ```

pub mod api;
pub mod client;
pub mod credentials;
pub mod dispatch;
pub mod error;
pub mod events;
pub mod host;
pub mod jwt;
#[cfg(feature = "schema")]
pub mod manifest;
pub mod record;
pub mod rt;
pub mod session_id;
pub mod token;
pub mod transport;
pub mod wire;

pub use api::Paged;
pub use client::{ClientOptions, OpenTok};
pub use credentials::Credentials;
pub use dispatch::{build_request, call, call_all, decode_response, OPERATIONS};
pub use error::{ApiError, Error, Result};
pub use host::{call_http, HostSettings, HttpRequest, HttpResponse};
#[cfg(feature = "schema")]
pub use manifest::manifest;
pub use token::{Role, TokenOptions, TokenType};
pub use transport::{Config, RetryPolicy};
pub use wire::{Body, Method, Operation, WireRequest};
