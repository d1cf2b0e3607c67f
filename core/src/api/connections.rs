//! Connections: list and force disconnect.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

crate::record::result_record! {
    ffi connection_ffi;
    /// A client connection.
    pub struct Connection {
        /// Connection id.
        connection_id: String = "connectionId",
        /// `Connecting`, `Connected` or `Disconnected`.
        connection_state: Option<String> = "connectionState",
        /// When it connected (ms).
        created_at: Option<i64> = "createdAt",
    }
    added {}
}

crate::record::result_record! {
    ffi connection_list_ffi;
    /// The connections of a session.
    pub struct ConnectionList {
        /// Number of connections (`None` when the answer has no `count`).
        total_count: Option<i64> = "count",
        /// Project id (a number on the wire is read as its JSON text).
        project_id: Option<String> = "projectId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// The connections.
        items: Vec<Connection> = "items" { #[serde(default)] },
    }
    added {}
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
