//! Project callbacks (legacy): register, list, unregister.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Operation, WireRequest};

crate::record::result_record! {
    ffi project_callback_ffi;
    /// A registered project callback (not `Callback`, which would clash with JNA's `Callback`).
    pub struct ProjectCallback {
        /// Callback id.
        id: String = "id",
        /// Event group (`connection`, `stream`, `archive`, …).
        group: Option<String> = "group",
        /// Event (`created`, `destroyed`, `status`, …).
        event: Option<String> = "event",
        /// URL called.
        url: Option<String> = "url",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
    }
    added {}
}

/// A registered callback (the core's older name of [`ProjectCallback`]).
pub type Callback = ProjectCallback;

/// `register_callback`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegisterCallback {
    /// Event group.
    pub group: String,
    /// Event.
    pub event: String,
    /// URL to call.
    pub url: String,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for RegisterCallback {
    const NAME: &'static str = "register_callback";
    type Output = Callback;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        Ok(
            WireRequest::new(Method::Post, project_path(project_id, "/callback")?).json(
                crate::wire::Obj::new()
                    .put("group", &self.group)
                    .put("event", &self.event)
                    .put("url", &self.url)
                    .extra(&self.extra)
                    .build(),
            ),
        )
    }
    decode_with!(json);
}

/// `list_callbacks`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListCallbacks {}

impl Operation for ListCallbacks {
    const NAME: &'static str = "list_callbacks";
    type Output = Vec<Callback>;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, "/callback")?,
        ))
    }
    decode_with!(json);
}

/// `unregister_callback`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnregisterCallback {
    /// Callback id.
    #[serde(alias = "callbackId")]
    pub callback_id: String,
}

impl Operation for UnregisterCallback {
    const NAME: &'static str = "unregister_callback";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("callback_id", &self.callback_id)?;
        Ok(WireRequest::new(
            Method::Delete,
            project_path(project_id, &format!("/callback/{id}"))?,
        ))
    }
    decode_with!(empty);
}
