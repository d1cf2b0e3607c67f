//! Experience Composer renders.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{check_id, decode_with, project_path, Page};
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
    type Output = Page<Render>;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::list_request(project_id, "render", self.offset, self.count, None)
    }
    decode_with!(json);
}

/// An Experience Composer render.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Render {
    /// Render id.
    pub id: String,
    /// Session id.
    pub session_id: Option<String>,
    /// Project id.
    pub project_id: Option<Value>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Creation time (ms).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub created_at: Option<i64>,
    /// Last update (ms).
    #[serde(default, deserialize_with = "crate::wire::lenient::opt_int")]
    pub updated_at: Option<i64>,
    /// Rendered page.
    pub url: Option<String>,
    /// Resolution.
    pub resolution: Option<String>,
    /// `starting`, `started`, `stopped` or `failed`.
    pub status: Option<String>,
    /// The composed stream's id.
    pub stream_id: Option<String>,
    /// Why it stopped.
    pub reason: Option<String>,
    /// Status callback URL.
    pub callback_url: Option<String>,
    /// Name of the composed stream.
    pub name: Option<String>,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}
