//! [`CallbackEvent`]: a verified callback flattened into one record of optional fields, the shape
//! Kotlin and Swift receive from `parseWebhook` (exported to them by `bindings/uniffi`).

use serde_json::Value;

use super::{Event, Verified};

crate::record::ffi_export! {
    ffi callback_event_ffi;
    /// A parsed callback. `kind` is `connection`, `stream`, `session`, `archive`, `broadcast`,
    /// `sip_call`, `render`, `captions`, `audio_connector` or `unknown`; the typed fields a kind does
    /// not have are null. `rawJson` is the body as received, `extraJson` its unknown top-level fields,
    /// `fieldsJson` every typed field (nested objects included), `claimsJson` the token's claims.
    rust {
        #[derive(Debug, Clone, Default, PartialEq)]
    }
    pub struct CallbackEvent {
        /// Event kind.
        pub kind: String,
        /// Whether a signature was checked.
        pub verified: bool,
        /// `event` (session monitoring / SIP names, `archive`, `broadcast`, …).
        pub event: Option<String>,
        /// `status` (archive, broadcast, render, captions, audio connector).
        pub status: Option<String>,
        /// Resource id (`id`, or `captionId`).
        pub id: Option<String>,
        /// Session id.
        pub session_id: Option<String>,
        /// Project id (api key) or application id.
        pub project_id: Option<String>,
        /// Reason, when given.
        pub reason: Option<String>,
        /// Name (archive, render).
        pub name: Option<String>,
        /// URL (archive download URL, render page).
        pub url: Option<String>,
        /// Archive size in bytes.
        pub size: Option<i64>,
        /// Duration in seconds (archive, captions).
        pub duration: Option<i64>,
        /// Creation time (ms).
        pub created_at: Option<i64>,
        /// Last update (ms).
        pub updated_at: Option<i64>,
        /// Event time (ms) for session monitoring and SIP.
        pub timestamp: Option<i64>,
        /// Connection id (session monitoring, SIP, audio connector).
        pub connection_id: Option<String>,
        /// Connection data (session monitoring).
        pub connection_data: Option<String>,
        /// Stream id (stream events, render).
        pub stream_id: Option<String>,
        /// Every typed field as JSON (snake_case).
        pub fields_json: String,
        /// Unknown top-level fields as JSON.
        pub extra_json: String,
        /// The body as received.
        pub raw_json: String,
        /// The token's claims as JSON, when verified.
        pub claims_json: Option<String>,
    }
}

fn text(v: &Value, path: &[&str]) -> Option<String> {
    path.iter()
        .try_fold(v, |cur, p| cur.get(*p))?
        .as_str()
        .map(str::to_string)
}

fn int(v: &Value, path: &[&str]) -> Option<i64> {
    path.iter().try_fold(v, |cur, p| cur.get(*p))?.as_i64()
}

impl CallbackEvent {
    /// Flattens a verified callback; `verified` says whether a signature was checked.
    pub fn from_verified(v: Verified, verified: bool) -> Self {
        let mut f = v.event.fields_json();
        let extra = f
            .as_object_mut()
            .and_then(|o| o.remove("extra"))
            .unwrap_or(Value::Null);
        let conn: &[&str] = match &v.event {
            Event::Stream(_) => &["stream", "connection"],
            _ => &["connection"],
        };
        CallbackEvent {
            kind: v.event.kind().to_string(),
            verified,
            event: text(&f, &["event"]),
            status: text(&f, &["status"]),
            id: text(&f, &["id"])
                .or_else(|| text(&f, &["caption_id"]))
                .or_else(|| text(&f, &["call", "id"])),
            session_id: text(&f, &["session_id"]),
            project_id: text(&f, &["project_id"]).or_else(|| text(&f, &["application_id"])),
            reason: text(&f, &["reason"]),
            name: text(&f, &["name"]),
            url: text(&f, &["url"]),
            size: int(&f, &["size"]),
            duration: int(&f, &["duration"]),
            created_at: int(&f, &["created_at"]),
            updated_at: int(&f, &["updated_at"]),
            timestamp: int(&f, &["timestamp"]),
            connection_id: text(&f, &[conn, &["id"]].concat())
                .or_else(|| text(&f, &["connection_id"])),
            connection_data: text(&f, &[conn, &["data"]].concat()),
            stream_id: text(&f, &["stream", "id"]).or_else(|| text(&f, &["stream_id"])),
            fields_json: f.to_string(),
            extra_json: extra.to_string(),
            raw_json: v.raw.to_string(),
            claims_json: v.claims.map(|c| Value::Object(c).to_string()),
        }
    }
}
