//! Callbacks the service sends to your server: typed events and signed-callback verification.
//!
//! [`parse`] turns a callback body into one typed model per kind (session monitoring,
//! archive, broadcast, SIP, Experience Composer, live captions, Audio Connector). Parsing is lenient:
//! absent fields are `None`, unknown fields are kept in each model's `extra` map, and a body of a
//! kind this crate does not know is [`Event::Unknown`] (never an error).
//!
//! [`verify`] checks a signed callback: the JWT in the `Authorization` header (HS256 with the
//! project's signature secret), its `exp`/`iat` with a leeway, and the `payload_hash` claim (hex
//! SHA-256 of the body) when the token carries one.
//!
//! ```
//! use opentok_core::events::{Event, parse};
//! let body = br#"{"id":"a1","event":"archive","status":"available","size":10,"url":"https://x"}"#;
//! match parse(body).unwrap() {
//!     Event::Archive(a) => assert_eq!(a.status.as_deref(), Some("available")),
//!     other => panic!("{other:?}"),
//! }
//! ```

mod flat;
mod lenient;
pub mod model;
mod verify;

pub use flat::CallbackEvent;
pub use model::*;
pub use verify::{verify, verify_at, webhook_json, Verified, WebhookError};

use serde_json::{json, Map, Value};

/// A parsed callback.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `connectionCreated` / `connectionDestroyed`.
    Connection(ConnectionEvent),
    /// `streamCreated` / `streamDestroyed`.
    Stream(StreamEvent),
    /// `sessionCreated` / `sessionDestroyed`.
    Session(SessionEvent),
    /// Archive status.
    Archive(ArchiveEvent),
    /// Broadcast status.
    Broadcast(BroadcastEvent),
    /// SIP call event.
    SipCall(SipCallEvent),
    /// Experience Composer status.
    Render(RenderEvent),
    /// Live-captions status.
    Captions(CaptionsEvent),
    /// Audio Connector status.
    AudioConnector(AudioConnectorEvent),
    /// A JSON body of a kind this version does not know, as received.
    Unknown(Value),
}

/// Which kind of callback a JSON object is, from its `event` / `group` fields and then its shape.
fn classify(obj: &Map<String, Value>) -> &'static str {
    let s = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or("");
    match s("event") {
        "connectionCreated" | "connectionDestroyed" => return "connection",
        "streamCreated" | "streamDestroyed" => return "stream",
        "sessionCreated" | "sessionDestroyed" => return "session",
        "callCreated" | "callUpdated" | "callDestroyed" | "callRinging" | "callAnswered" => {
            return "sip_call"
        }
        "archive" => return "archive",
        "broadcast" => return "broadcast",
        "render" | "experienceComposer" => return "render",
        "captions" => return "captions",
        _ => {}
    }
    match s("group") {
        "captions" => return "captions",
        "audioConnector" | "websocket" => return "audio_connector",
        "archive" => return "archive",
        "broadcast" => return "broadcast",
        "render" | "experienceComposer" => return "render",
        _ => {}
    }
    let has = |k: &str| obj.contains_key(k);
    if has("captionId") {
        "captions"
    } else if has("broadcastUrls") {
        "broadcast"
    } else if has("id") && has("status") && (has("outputMode") || has("size") || has("hasAudio")) {
        "archive"
    } else if has("id") && has("status") && (has("streamId") || has("url")) {
        "render"
    } else if s("event").starts_with("websocket") {
        "audio_connector"
    } else {
        "unknown"
    }
}

fn typed<T: serde::de::DeserializeOwned + Default>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_default()
}

impl Event {
    /// Parses a JSON value (never fails; a non-object or unknown kind is [`Event::Unknown`]).
    pub fn from_value(v: Value) -> Event {
        let kind = match &v {
            Value::Object(o) => classify(o),
            _ => "unknown",
        };
        match kind {
            "connection" => Event::Connection(typed(&v)),
            "stream" => Event::Stream(typed(&v)),
            "session" => Event::Session(typed(&v)),
            "archive" => Event::Archive(typed(&v)),
            "broadcast" => Event::Broadcast(typed(&v)),
            "sip_call" => Event::SipCall(typed(&v)),
            "render" => Event::Render(typed(&v)),
            "captions" => Event::Captions(typed(&v)),
            "audio_connector" => Event::AudioConnector(typed(&v)),
            _ => Event::Unknown(v),
        }
    }

    /// The kind's name: `connection`, `stream`, `session`, `archive`, `broadcast`, `sip_call`,
    /// `render`, `captions`, `audio_connector` or `unknown`.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Connection(_) => "connection",
            Event::Stream(_) => "stream",
            Event::Session(_) => "session",
            Event::Archive(_) => "archive",
            Event::Broadcast(_) => "broadcast",
            Event::SipCall(_) => "sip_call",
            Event::Render(_) => "render",
            Event::Captions(_) => "captions",
            Event::AudioConnector(_) => "audio_connector",
            Event::Unknown(_) => "unknown",
        }
    }

    /// The typed fields as a JSON object with snake_case names (nested models without their unknown
    /// fields), plus `extra` for unknown top-level fields. Bindings build their objects from it.
    pub fn fields_json(&self) -> Value {
        fn with_extra<T: serde::Serialize>(t: &T, extra: &Map<String, Value>) -> Value {
            let mut v = serde_json::to_value(t).unwrap_or(Value::Null);
            if let Value::Object(o) = &mut v {
                o.insert("extra".into(), Value::Object(extra.clone()));
            }
            v
        }
        match self {
            Event::Connection(e) => with_extra(e, &e.extra),
            Event::Stream(e) => with_extra(e, &e.extra),
            Event::Session(e) => with_extra(e, &e.extra),
            Event::Archive(e) => with_extra(e, &e.extra),
            Event::Broadcast(e) => with_extra(e, &e.extra),
            Event::SipCall(e) => with_extra(e, &e.extra),
            Event::Render(e) => with_extra(e, &e.extra),
            Event::Captions(e) => with_extra(e, &e.extra),
            Event::AudioConnector(e) => with_extra(e, &e.extra),
            Event::Unknown(_) => json!({ "extra": {} }),
        }
    }
}

/// Why a body could not be parsed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("callback body is not JSON: {0}")]
pub struct InvalidBody(pub String);

/// Parses a callback body. Only a body that is not JSON is an error; an unknown kind is
/// [`Event::Unknown`].
pub fn parse(body: &[u8]) -> Result<Event, InvalidBody> {
    let v: Value = serde_json::from_slice(body).map_err(|e| InvalidBody(e.to_string()))?;
    Ok(Event::from_value(v))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
