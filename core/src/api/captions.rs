//! Live captions.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

/// `start_captions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StartCaptions {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// A moderator token for the session.
    pub token: String,
    /// BCP-47 code like `en-US` (server default `en-US`).
    #[serde(alias = "languageCode")]
    pub language_code: Option<String>,
    /// Maximum duration in seconds (300–14400).
    #[serde(alias = "maxDuration")]
    pub max_duration: Option<i64>,
    /// Send partial results (server default true).
    #[serde(alias = "partialCaptions")]
    pub partial_captions: Option<bool>,
    /// Status callback URL (15–2048 characters).
    #[serde(alias = "statusCallbackUrl")]
    pub status_callback_url: Option<String>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for StartCaptions {
    const NAME: &'static str = "start_captions";
    type Output = Captions;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .put("token", &self.token)
            .opt("languageCode", self.language_code.as_ref())
            .opt("maxDuration", self.max_duration)
            .opt("partialCaptions", self.partial_captions)
            .opt("statusCallbackUrl", self.status_callback_url.as_ref())
            .extra(&self.extra)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/captions")?).json(body))
    }
    decode_with!(json);
}

/// Started captions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Captions {
    /// Captions id.
    pub captions_id: String,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `stop_captions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StopCaptions {
    /// Captions id.
    #[serde(alias = "captionsId")]
    pub captions_id: String,
}

impl Operation for StopCaptions {
    const NAME: &'static str = "stop_captions";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("captions_id", &self.captions_id)?;
        Ok(WireRequest::new(
            Method::Post,
            project_path(project_id, &format!("/captions/{id}/stop"))?,
        )
        .json(serde_json::json!({})))
    }
    decode_with!(empty);
}

/// `get_captions`: caption status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GetCaptions {
    /// Captions id.
    #[serde(alias = "captionsId")]
    pub captions_id: String,
}

impl Operation for GetCaptions {
    const NAME: &'static str = "get_captions";
    type Output = CaptionStatus;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("captions_id", &self.captions_id)?;
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, &format!("/captions/{id}"))?,
        ))
    }
    decode_with!(json);
}

/// Caption status as the API reports it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CaptionStatus {
    /// Captions id.
    pub caption_id: String,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Session id.
    pub session_id: Option<String>,
    /// `started`, `stopped`, `paused` or `failed`.
    pub status: Option<String>,
    /// Creation time (ms).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub created_at: Option<i64>,
    /// Last update (ms).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub updated_at: Option<i64>,
    /// Duration (s).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub duration: Option<i64>,
    /// Language.
    pub language_code: Option<String>,
    /// Provider.
    pub provider: Option<String>,
    /// Why it stopped.
    pub reason: Option<String>,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}
