//! Experience Composer renders.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

/// Resolutions an Experience Composer accepts.
pub const RENDER_RESOLUTIONS: [&str; 6] = super::RESOLUTIONS;

/// Extra render settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RenderProperties {
    /// Name of the composed stream (1–200 characters).
    pub name: Option<String>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `start_render`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StartRender {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// A client token for the session.
    pub token: String,
    /// Page to render (15–2048 characters, http/https).
    pub url: String,
    /// Maximum duration in seconds (60–36000).
    #[serde(alias = "maxDuration")]
    pub max_duration: Option<i64>,
    /// Resolution.
    pub resolution: Option<String>,
    /// Status callback URL.
    #[serde(alias = "statusCallbackUrl")]
    pub status_callback_url: Option<String>,
    /// Extra properties.
    pub properties: Option<RenderProperties>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for StartRender {
    const NAME: &'static str = "start_render";
    type Output = Render;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .put("token", &self.token)
            .put("url", &self.url)
            .opt("maxDuration", self.max_duration)
            .opt("resolution", self.resolution.as_ref())
            .opt("statusCallbackUrl", self.status_callback_url.as_ref())
            .opt(
                "properties",
                self.properties.as_ref().map(|p| {
                    Obj::new()
                        .opt("name", p.name.as_ref())
                        .extra(&p.extra)
                        .build()
                }),
            )
            .extra(&self.extra)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/render")?).json(body))
    }
    decode_with!(json);
}

/// `get_render`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GetRender {
    /// Render id.
    #[serde(alias = "renderId")]
    pub render_id: String,
}

impl Operation for GetRender {
    const NAME: &'static str = "get_render";
    type Output = Render;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("render_id", &self.render_id)?;
        Ok(WireRequest::new(
            Method::Get,
            project_path(project_id, &format!("/render/{id}"))?,
        ))
    }
    decode_with!(json);
}

/// `stop_render` (the API answers 204).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StopRender {
    /// Render id.
    #[serde(alias = "renderId")]
    pub render_id: String,
}

impl Operation for StopRender {
    const NAME: &'static str = "stop_render";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let id = check_id("render_id", &self.render_id)?;
        Ok(WireRequest::new(
            Method::Delete,
            project_path(project_id, &format!("/render/{id}"))?,
        ))
    }
    decode_with!(empty);
}

/// `list_renders`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ListRenders {
    /// Index of the first render.
    pub offset: Option<i64>,
    /// Page size (≤ 1000).
    pub count: Option<i64>,
}

impl Operation for ListRenders {
    const NAME: &'static str = "list_renders";
    type Output = RenderList;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::list_request(project_id, "render", self.offset, self.count, None)
    }
    decode_with!(json);
}

crate::record::result_record! {
    ffi render_ffi;
    /// An Experience Composer render.
    pub struct Render {
        /// Render id.
        id: String = "id",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id (a number on the wire is read as its JSON text).
        project_id: Option<String> = "projectId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
        /// Rendered page.
        url: Option<String> = "url",
        /// Resolution.
        resolution: Option<String> = "resolution",
        /// `starting`, `started`, `stopped` or `failed`.
        status: Option<String> = "status",
        /// The composed stream's id.
        stream_id: Option<String> = "streamId",
        /// Why it stopped.
        reason: Option<String> = "reason",
        /// Status callback URL.
        callback_url: Option<String> = "callbackUrl",
        /// Name of the composed stream.
        name: Option<String> = "name",
    }
    added {}
}

crate::record::page_record!(
    /// A page of renders.
    RenderList of Render, ffi render_list_ffi
);
