//! `POST /session/create`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::JsonMap;
use crate::wire::{from_raw, raw_json, Body, Method, Operation, WireRequest};

crate::record::ffi_export! {
    ffi media_mode_ffi;
    /// How media flows in a session.
    rust {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "lowercase")]
    }
    pub enum MediaMode {
        /// Media goes through the OpenTok Media Router (needed for archiving, broadcasting, …).
        Routed,
        /// Clients send media to each other directly when possible (the official SDKs' default).
        Relayed [default],
    }
}

crate::record::ffi_export! {
    ffi archive_mode_ffi;
    /// Whether sessions are archived automatically.
    rust {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "lowercase")]
    }
    pub enum ArchiveMode {
        /// Archives are started by API calls (default).
        Manual [default],
        /// An archive starts when the first client joins (needs routed).
        Always,
    }
}

/// `create_session`: creates a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CreateSession {
    /// Media mode (default relayed, as in the official SDKs).
    #[serde(alias = "mediaMode")]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub media_mode: MediaMode,
    /// Archive mode (default manual).
    #[serde(alias = "archiveMode")]
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub archive_mode: ArchiveMode,
    /// IPv4 address used as a location hint.
    pub location: Option<String>,
    /// Name of automatic archives (only with archive mode `always`; 1–80 characters).
    #[serde(alias = "archiveName")]
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (only with archive mode `always`).
    #[serde(alias = "archiveResolution")]
    pub archive_resolution: Option<String>,
    /// End-to-end encryption (routed sessions without automatic archiving only).
    #[serde(default, deserialize_with = "crate::wire::lenient::null_default")]
    pub e2ee: bool,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

crate::record::ffi_export! {
    ffi session_ffi;
    /// A created session: the session id the service answered, the properties it was created with.
    rust {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "camelCase")]
    }
    pub struct Session {
        /// The session id.
        pub session_id: String,
        /// Media mode the session was created with.
        pub media_mode: MediaMode,
        /// Archive mode the session was created with.
        pub archive_mode: ArchiveMode,
        /// Location hint the session was created with.
        pub location: Option<String>,
        /// Whether end-to-end encryption is on.
        pub e2ee: bool,
        /// Name of automatic archives.
        pub archive_name: Option<String>,
        /// Resolution of automatic archives.
        pub archive_resolution: Option<String>,
        /// Project (api key) of the session, as the server reported it.
        pub project_id: Option<String>,
        /// Creation date as the server reported it.
        pub create_dt: Option<String>,
        /// Media server URL, if reported.
        pub media_server_url: Option<String>,
        /// Fields of the service's answer that this struct does not name, as received.
        #[serde(flatten, default)]
        pub extra: JsonMap,
    }
}

/// One element of the service's JSON answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreatedSession {
    /// The new session id.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Project id (may be a number or a string on the wire).
    #[serde(default, alias = "projectId")]
    pub project_id: Option<serde_json::Value>,
    /// Partner id (older name of the project id).
    #[serde(default)]
    pub partner_id: Option<serde_json::Value>,
    /// Creation date.
    #[serde(default, alias = "createDt")]
    pub create_dt: Option<String>,
    /// Media server URL.
    #[serde(default, alias = "mediaServerUrl")]
    pub media_server_url: Option<String>,
    /// Fields of the answer this struct does not name, as received.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// The raw answer of `/session/create`: a one-element array.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct CreatedSessions(pub Vec<CreatedSession>);

fn is_ipv4(s: &str) -> bool {
    s.parse::<std::net::Ipv4Addr>().is_ok()
}

impl CreateSession {
    /// The combinations the official SDKs reject (location not IPv4, `always` without `routed`,
    /// e2ee with relayed or `always`, archive name/resolution without `always`, name over 80
    /// characters, unknown resolution). Not applied by [`Operation::request`]: the service is the
    /// judge, and each language package applies the checks its official SDK makes. Call it to get
    /// them before sending.
    pub fn validate(&self) -> Result<()> {
        if let Some(loc) = &self.location {
            if !is_ipv4(loc) {
                return Err(Error::invalid(
                    "location",
                    format!("`{loc}` is not an IPv4 address"),
                ));
            }
        }
        let always = self.archive_mode == ArchiveMode::Always;
        if always && self.media_mode != MediaMode::Routed {
            return Err(Error::invalid(
                "archive_mode",
                "`always` requires media_mode `routed`",
            ));
        }
        if self.e2ee && self.media_mode != MediaMode::Routed {
            return Err(Error::invalid(
                "e2ee",
                "end-to-end encryption requires media_mode `routed`",
            ));
        }
        if self.e2ee && always {
            return Err(Error::invalid(
                "e2ee",
                "end-to-end encryption cannot be used with archive_mode `always`",
            ));
        }
        if let Some(name) = &self.archive_name {
            if !always {
                return Err(Error::invalid(
                    "archive_name",
                    "is only allowed with archive_mode `always`",
                ));
            }
            let n = name.chars().count();
            if n == 0 || n > 80 {
                return Err(Error::invalid(
                    "archive_name",
                    "must be 1 to 80 characters long",
                ));
            }
        }
        if self.archive_resolution.is_some() && !always {
            return Err(Error::invalid(
                "archive_resolution",
                "is only allowed with archive_mode `always`",
            ));
        }
        if let Some(r) = &self.archive_resolution {
            if !super::RESOLUTIONS.contains(&r.as_str()) {
                return Err(Error::invalid(
                    "archive_resolution",
                    format!("`{r}` is not one of {}", super::RESOLUTIONS.join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// Combines the request options with the service's answer.
    pub fn session_from(&self, created: CreatedSessions) -> Result<Session> {
        let first = created
            .0
            .into_iter()
            .next()
            .ok_or_else(|| Error::Decode("session/create answered an empty array".into()))?;
        let id_text = |v: Option<serde_json::Value>| {
            v.map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            })
        };
        Ok(Session {
            session_id: first.session_id,
            media_mode: self.media_mode,
            archive_mode: self.archive_mode,
            location: self.location.clone(),
            e2ee: self.e2ee,
            archive_name: self.archive_name.clone(),
            archive_resolution: self.archive_resolution.clone(),
            project_id: id_text(first.project_id.or(first.partner_id)),
            create_dt: first.create_dt,
            media_server_url: first.media_server_url,
            extra: first.extra.into(),
        })
    }
}

impl Operation for CreateSession {
    const NAME: &'static str = "create_session";
    type Output = Session;

    fn request(&self, _project_id: &str) -> Result<WireRequest> {
        let mut form = Vec::with_capacity(6);
        if let Some(loc) = &self.location {
            form.push(("location".to_owned(), loc.clone()));
        }
        let p2p = match self.media_mode {
            MediaMode::Relayed => "enabled",
            MediaMode::Routed => "disabled",
        };
        form.push(("p2p.preference".to_owned(), p2p.to_owned()));
        let am = match self.archive_mode {
            ArchiveMode::Manual => "manual",
            ArchiveMode::Always => "always",
        };
        form.push(("archiveMode".to_owned(), am.to_owned()));
        if let Some(n) = &self.archive_name {
            form.push(("archiveName".to_owned(), n.clone()));
        }
        if let Some(r) = &self.archive_resolution {
            form.push(("archiveResolution".to_owned(), r.clone()));
        }
        if self.e2ee {
            form.push(("e2ee".to_owned(), "true".to_owned()));
        }
        // Unknown options go into the form as given: strings as they are, other values as JSON text.
        for (k, v) in &self.extra {
            let text = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if !form.iter().any(|(f, _)| f == k) {
                form.push((k.clone(), text));
            }
        }
        let mut req = WireRequest::new(Method::Post, "/session/create".to_owned());
        req.body = Some(Body::Form(form));
        Ok(req)
    }

    fn decode(&self, body: &[u8]) -> Result<Session> {
        self.session_from(from_raw(Self::decode_raw(body)?)?)
    }

    fn decode_raw(body: &[u8]) -> Result<serde_json::Value> {
        match raw_json(body) {
            Ok(v) => Ok(v),
            Err(e) => legacy_xml(body).ok_or(e),
        }
    }
}

/// Reads the legacy XML answer of `/session/create`
/// (`<sessions><Session><session_id>…</session_id>…</Session></sessions>`) into the JSON answer's
/// shape: an array with one object per `Session` element, holding each child element's text under
/// its own name (`session_id`, `partner_id`, `create_dt`, …). `None` when the body is not that XML.
pub fn legacy_xml(body: &[u8]) -> Option<serde_json::Value> {
    let text = std::str::from_utf8(body).ok()?;
    let doc = roxmltree::Document::parse(text).ok()?;
    let root = doc.root_element();
    let sessions: Vec<roxmltree::Node<'_, '_>> = if root.has_tag_name("Session") {
        vec![root]
    } else if root.has_tag_name("sessions") {
        root.children()
            .filter(|n| n.is_element() && n.has_tag_name("Session"))
            .collect()
    } else {
        return None;
    };
    let items: Vec<serde_json::Value> = sessions
        .into_iter()
        .map(|s| {
            let fields: serde_json::Map<String, serde_json::Value> = s
                .children()
                .filter(|n| n.is_element())
                .map(|n| {
                    let text: String = n
                        .descendants()
                        .filter(|d| d.is_text())
                        .filter_map(|d| d.text())
                        .collect();
                    (
                        n.tag_name().name().to_owned(),
                        serde_json::Value::String(text),
                    )
                })
                .collect();
            serde_json::Value::Object(fields)
        })
        .collect();
    Some(serde_json::Value::Array(items))
}
