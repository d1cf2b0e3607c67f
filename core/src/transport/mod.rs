//! HTTP transport: one pooled reqwest client (rebuilt after `fork()`), a total time budget per call,
//! bounded response bodies, retries, the system trust store, redirects that keep credentials home.

mod config;
mod errors;
mod http;
mod pool;
mod retry;
mod tls;

pub use config::{Config, AUTH_TTL_SECS, DEFAULT_MAX_RESPONSE_BYTES, MAX_AUTH_TTL, VERSION};
pub use errors::error_from_response;
pub use http::RawResponse;
pub(crate) use http::Transport;
pub use retry::{parse_retry_after, Failure, RetryPolicy};
