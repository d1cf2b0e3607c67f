//! Typed records of every resource the emulator keeps in memory, and the store that holds them.
//! This module and its children import no area (handler) module: areas depend on the model,
//! never the reverse.

mod archive;
mod broadcast;
mod records;
mod session;

pub use archive::{Archive, TranscriptionProperties};
pub use broadcast::Broadcast;
pub use records::{AudioConnector, Caption, RegisteredCallback, Render, SipCall};
pub use session::{Connection, MediaMode, Session, Stream};

use crate::error::{ApiError, ApiResult};
use crate::ids::check_session_id;
use std::collections::HashMap;

/// Everything that lives in memory.
#[derive(Debug, Default)]
pub struct Data {
    /// Sessions by id.
    pub sessions: HashMap<String, Session>,
    /// Archives, in creation order.
    pub archives: Vec<Archive>,
    /// Broadcasts, in creation order.
    pub broadcasts: Vec<Broadcast>,
    /// Renders, in creation order.
    pub renders: Vec<Render>,
    /// Captions, in creation order.
    pub captions: Vec<Caption>,
    /// SIP calls.
    pub sip_calls: Vec<SipCall>,
    /// Audio connector connections.
    pub audio_connectors: Vec<AudioConnector>,
    /// Project callbacks.
    pub callbacks: Vec<RegisteredCallback>,
}

impl Data {
    /// Looks up a session of `project` (400 if the id is malformed, 404 if unknown or foreign).
    pub fn session_mut(&mut self, project: &str, session_id: &str) -> ApiResult<&mut Session> {
        check_session_id(project, session_id)?;
        match self.sessions.get_mut(session_id) {
            Some(s) if s.project_id == project => Ok(s),
            _ => Err(ApiError::not_found(format!(
                "Session not found: {session_id}"
            ))),
        }
    }
}
