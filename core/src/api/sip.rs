//! SIP dial-out and DTMF.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path, Headers};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

/// SIP digest credentials. The password never appears in `Debug` output.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SipAuth {
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl fmt::Debug for SipAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SipAuth")
            .field("username", &self.username)
            .field("password", &"[redacted]")
            .finish()
    }
}

/// `dial`: connects a SIP endpoint to a routed session.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Dial {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// A client token for the session.
    pub token: String,
    /// SIP URI (`sip:` or `sips:`).
    #[serde(alias = "sip_uri", alias = "sipUri")]
    pub uri: String,
    /// Caller id (`from`).
    pub from: Option<String>,
    /// Custom SIP headers (names must start with `X-`).
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub headers: Headers,
    /// Digest credentials.
    pub auth: Option<SipAuth>,
    /// Use SRTP/TLS.
    pub secure: Option<bool>,
    /// Include video.
    pub video: Option<bool>,
    /// Honour force-mute.
    #[serde(alias = "observeForceMute")]
    pub observe_force_mute: Option<bool>,
    /// Streams to subscribe to (all when empty).
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub streams: Vec<String>,
    /// Keys the core does not know, sent in the `sip` object as given (where the official SDKs put
    /// the dial options).
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl fmt::Debug for Dial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dial")
            .field("session_id", &self.session_id)
            .field("token", &"[redacted]")
            .field("uri", &self.uri)
            .field("from", &self.from)
            .field("headers", &self.headers)
            .field("auth", &self.auth)
            .field("secure", &self.secure)
            .field("video", &self.video)
            .field("observe_force_mute", &self.observe_force_mute)
            .field("streams", &self.streams)
            .finish()
    }
}

impl Operation for Dial {
    const NAME: &'static str = "dial";
    type Output = SipCall;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let sip = Obj::new()
            .put("uri", &self.uri)
            .opt("from", self.from.as_ref())
            .opt(
                "headers",
                (!self.headers.is_empty()).then_some(&self.headers),
            )
            .opt(
                "auth",
                self.auth.as_ref().map(|a| {
                    Obj::new()
                        .put("username", &a.username)
                        .put("password", &a.password)
                        .extra(&a.extra)
                        .build()
                }),
            )
            .opt("secure", self.secure)
            .opt("video", self.video)
            .opt("observeForceMute", self.observe_force_mute)
            .opt(
                "streams",
                (!self.streams.is_empty()).then_some(&self.streams),
            )
            .extra(&self.extra)
            .build();
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .put("token", &self.token)
            .put("sip", sip)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/dial")?).json(body))
    }
    decode_with!(json);
}

crate::record::result_record! {
    ffi sip_call_ffi;
    /// A SIP call's connection in the session.
    pub struct SipCall {
        /// Call id.
        id: String = "id",
        /// Its connection id.
        connection_id: Option<String> = "connectionId",
        /// Its stream id.
        stream_id: Option<String> = "streamId",
        /// Project id (a number on the wire is read as its JSON text).
        project_id: Option<String> = "projectId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Creation time (ms).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms).
        updated_at: Option<i64> = "updatedAt",
    }
    added {}
}

/// `play_dtmf`: plays DTMF digits to every SIP participant, or to one connection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PlayDtmf {
    /// Session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Only this connection (all when absent).
    #[serde(alias = "connectionId")]
    pub connection_id: Option<String>,
    /// Digits `0-9`, `*`, `#`, `p` (500 ms pause).
    pub digits: String,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for PlayDtmf {
    const NAME: &'static str = "play_dtmf";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        let s = check_id("session_id", &self.session_id)?;
        let path = match &self.connection_id {
            Some(c) => {
                let c = check_id("connection_id", c)?;
                project_path(
                    project_id,
                    &format!("/session/{s}/connection/{c}/play-dtmf"),
                )?
            }
            None => project_path(project_id, &format!("/session/{s}/play-dtmf"))?,
        };
        Ok(WireRequest::new(Method::Post, path).json(
            Obj::new()
                .put("digits", &self.digits)
                .extra(&self.extra)
                .build(),
        ))
    }
    decode_with!(empty);
}
