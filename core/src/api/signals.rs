//! Signals to every client of a session or to one connection.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

/// Longest signal type, in characters (documented; the service checks it).
pub const MAX_TYPE_CHARS: usize = 128;
/// Largest signal data, in bytes (documented; the service checks it).
pub const MAX_DATA_BYTES: usize = 8192;

/// `send_signal`: to all clients, or to one connection when `connection_id` is set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SendSignal {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Only this connection (all clients when absent).
    #[serde(alias = "connectionId")]
    pub connection_id: Option<String>,
    /// Signal type (≤ 128 characters of `A-Z a-z 0-9 _ ~ -`).
    #[serde(rename = "type")]
    #[serde(alias = "signalType")]
    pub signal_type: Option<String>,
    /// Signal data (≤ 8 kB).
    pub data: String,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for SendSignal {
    const NAME: &'static str = "send_signal";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let path = match &self.connection_id {
            Some(c) => {
                let c = check_id("connection_id", c)?;
                project_path(project_id, &format!("/session/{s}/connection/{c}/signal"))?
            }
            None => project_path(project_id, &format!("/session/{s}/signal"))?,
        };
        let body = crate::wire::Obj::new()
            .opt("type", self.signal_type.as_ref())
            .put("data", &self.data)
            .extra(&self.extra)
            .build();
        Ok(WireRequest::new(Method::Post, path).json(body))
    }
    decode_with!(empty);
}
