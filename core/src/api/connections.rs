//! Connections: list and force disconnect.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

/// A client connection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    /// Connection id.
    pub connection_id: String,
    /// `Connecting`, `Connected` or `Disconnected`.
    pub connection_state: Option<String>,
    /// When it connected (ms).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub created_at: Option<i64>,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// The connections of a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionList {
    /// Number of connections.
    #[serde(default, deserialize_with = "crate::wire::lenient::int")]
    pub count: i64,
    /// Project id.
    pub project_id: Option<Value>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// The connections.
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub items: Vec<Connection>,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `list_connections`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListConnections {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
}

impl Operation for ListConnections {
    const NAME: &'static str = "list_connections";
    type Output = ConnectionList;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, &format!("/session/{s}/connection"))?,
        ))
    }
    decode_with!(json);
}

/// `force_disconnect`: disconnects a client.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ForceDisconnect {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Connection to drop.
    #[serde(alias = "connectionId")]
    pub connection_id: String,
}

impl Operation for ForceDisconnect {
    const NAME: &'static str = "force_disconnect";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let c = check_id("connection_id", &self.connection_id)?;
        Ok(WireRequest::new(
            Method::Delete,
            project_path(project_id, &format!("/session/{s}/connection/{c}"))?,
        ))
    }
    decode_with!(empty);
}
