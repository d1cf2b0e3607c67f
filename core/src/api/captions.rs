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

crate::record::result_record! {
    ffi captions_ffi;
    /// Started live captions.
    pub struct Captions {
        /// Captions id.
        captions_id: String = "captionsId",
    }
    added {}
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

crate::record::result_record! {
    ffi caption_status_ffi;
    /// Live caption status as the API reports it.
    pub struct CaptionStatus {
        /// Captions id.
        caption_id: String = "captionId",
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// `started`, `stopped`, `paused` or `failed`.
        status: Option<String> = "status",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
        /// Duration (s).
        duration: Option<i64> = "duration",
        /// Language.
        language_code: Option<String> = "languageCode",
        /// Provider.
        provider: Option<String> = "provider",
        /// Why it stopped.
        reason: Option<String> = "reason",
    }
    added {}
}
