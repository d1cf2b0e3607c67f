//! UniFFI binding of `opentok-core`: the native part of the Kotlin (`com.opentokrs`) and Swift
//! (`OpenTok`) packages.
//!
//! Thin by design: every exported method turns its typed arguments into core's snake_case JSON
//! arguments (option records' `extra` members included, as given), runs `opentok_core::call` on
//! the shared runtime, and reads the service's answer, as received, into a typed record that keeps
//! the members it does not name (see `types`). Errors become [`NativeError`], which the language
//! packages map to their own exception types.
// The UniFFI scaffolding generates the `extern "C"` FFI edge, which is unsafe code by nature.
#![allow(unsafe_code)]

use std::sync::Arc;

use opentok_core::rt;
use serde::Serialize;
use serde_json::{json, Map, Value};

mod types;
mod webhooks;
pub use types::*;

uniffi::setup_scaffolding!();

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Every failure, with the fields the language packages need. Secrets never appear in it.
#[derive(Debug, Clone, thiserror::Error, uniffi::Error)]
pub enum NativeError {
    /// An argument failed validation; nothing was sent.
    #[error("invalid argument `{field}`: {reason}")]
    InvalidArgument {
        /// Argument name (snake_case wire name or dotted path).
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// 401/403: credentials rejected.
    #[error("{detail}")]
    Auth {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 404: no such resource.
    #[error("{detail}")]
    NotFound {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 409: conflicts with the resource's state.
    #[error("{detail}")]
    Conflict {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// 429 after retries.
    #[error("{detail}")]
    RateLimited {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Seconds the server asked to wait.
        retry_after: Option<i64>,
        /// Full description.
        detail: String,
    },
    /// Any other non-2xx answer.
    #[error("{detail}")]
    Api {
        /// HTTP status.
        status: i32,
        /// The server's error code, if any.
        code: Option<String>,
        /// The server's message.
        server_message: String,
        /// Request id, if any.
        request_id: Option<String>,
        /// Full description.
        detail: String,
    },
    /// The request did not complete in time.
    #[error("{detail}")]
    Timeout {
        /// Description.
        detail: String,
    },
    /// The connection failed.
    #[error("{detail}")]
    Network {
        /// Description.
        detail: String,
    },
    /// The answer was not what the API documents.
    #[error("{detail}")]
    Decode {
        /// Description.
        detail: String,
    },
}

impl From<opentok_core::Error> for NativeError {
    fn from(e: opentok_core::Error) -> Self {
        use opentok_core::Error as E;
        let detail = e.to_string();
        let api = e.api().cloned().unwrap_or_default();
        let status = i32::from(api.status);
        let (code, server_message, request_id) = (api.code, api.message, api.request_id);
        match e {
            E::InvalidArgument { field, reason } => NativeError::InvalidArgument { field, reason },
            E::Auth(_) => NativeError::Auth {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::NotFound(_) => NativeError::NotFound {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::Conflict(_) => NativeError::Conflict {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::RateLimited { retry_after, .. } => NativeError::RateLimited {
                status,
                code,
                server_message,
                request_id,
                retry_after: retry_after.and_then(|s| i64::try_from(s).ok()),
                detail,
            },
            E::Api(_) => NativeError::Api {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
            E::Timeout(_) => NativeError::Timeout { detail },
            E::Network(_) => NativeError::Network { detail },
            E::Decode(_) => NativeError::Decode { detail },
            // `Error` is non_exhaustive: anything new is reported as an API-shaped failure.
            _ => NativeError::Api {
                status,
                code,
                server_message,
                request_id,
                detail,
            },
        }
    }
}

type Res<T> = Result<T, NativeError>;

fn decode_err(e: impl std::fmt::Display) -> NativeError {
    NativeError::Decode {
        detail: e.to_string(),
    }
}

/// A record that could not become JSON arguments: an `extra` value that is not JSON text names
/// its field (`extra.<key>`).
fn arg_err(e: &serde_json::Error) -> NativeError {
    let text = e.to_string();
    match text
        .find(types::EXTRA_ERROR_MARK)
        .map(|i| &text[i + types::EXTRA_ERROR_MARK.len()..])
        .and_then(|rest| rest.split_once(types::EXTRA_ERROR_SEP))
    {
        Some((key, reason)) => NativeError::InvalidArgument {
            field: format!("extra.{key}"),
            reason: reason.to_owned(),
        },
        None => NativeError::InvalidArgument {
            field: "args".to_owned(),
            reason: text,
        },
    }
}

fn parse_json(field: &str, text: &str) -> Res<Value> {
    serde_json::from_str(text).map_err(|e| NativeError::InvalidArgument {
        field: field.to_owned(),
        reason: format!("is not valid JSON: {e}"),
    })
}

// ---------------------------------------------------------------------------------------------
// Argument building
// ---------------------------------------------------------------------------------------------

/// Drops `null` members recursively: core treats a missing key and `null` alike, and some of its
/// non-optional fields (`role`, `media_mode`, `e2ee`) only have a default when absent.
fn prune(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, prune(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).collect()),
        other => other,
    }
}

/// `record` as a JSON object, with `ids` members added in front. Absent options are not written
/// (`skip_serializing_if`), so the only `null`s sent are those a user put in an `extra` map.
fn args_with(ids: Value, record: &impl Serialize) -> Res<Value> {
    let rec = serde_json::to_value(record).map_err(|e| arg_err(&e))?;
    let mut out = match prune(ids) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    if let Value::Object(m) = rec {
        out.extend(m);
    }
    Ok(Value::Object(out))
}

fn args(v: Value) -> Res<Value> {
    Ok(prune(v))
}

fn render_args(session_id: String, token: String, p: &RenderProperties) -> Res<Value> {
    let mut v = args_with(json!({"session_id": session_id, "token": token}), p)?;
    if let (Some(name), Value::Object(m)) = (&p.name, &mut v) {
        // `extra` may carry a `properties` object of its own: the name joins it
        match m.get_mut("properties") {
            Some(Value::Object(props)) => {
                props.insert("name".into(), json!(name));
            }
            _ => {
                m.insert("properties".into(), json!({ "name": name }));
            }
        }
    }
    Ok(v)
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// What an operation returns, read from the service's JSON answer as received.
trait Answer: Sized {
    fn answer(v: Value) -> Res<Self>;
}

/// Operations without a result ignore whatever body the service sent.
impl Answer for () {
    fn answer(_: Value) -> Res<Self> {
        Ok(())
    }
}

impl<T: FromJson> Answer for Vec<T> {
    fn answer(v: Value) -> Res<Self> {
        match v {
            Value::Array(a) => Ok(a.iter().map(T::from_json).collect()),
            other => Err(decode_err(format!(
                "expected a JSON array, got {}",
                kind(&other)
            ))),
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "no body",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Records answered as one JSON object: anything else is the only decode error left.
macro_rules! object_answers {
    ($($t:ty),*) => {$(
        impl Answer for $t {
            fn answer(v: Value) -> Res<Self> {
                if v.is_object() {
                    Ok(<$t as FromJson>::from_json(&v))
                } else {
                    Err(decode_err(format!("expected a JSON object, got {}", kind(&v))))
                }
            }
        }
    )*};
}

object_answers!(
    Archive,
    ArchiveList,
    Broadcast,
    BroadcastList,
    StreamInfo,
    StreamList,
    ConnectionList,
    SipCall,
    Render,
    RenderList,
    AudioConnection,
    Captions,
    CaptionStatus,
    ProjectCallback
);

/// Members of a create-session answer [`Session`] names (the service's, and core's older names).
const SESSION_MEMBERS: &[&str] = &[
    "session_id",
    "project_id",
    "partner_id",
    "create_dt",
    "media_server_url",
    "sessionId",
    "projectId",
    "createDt",
    "mediaServerUrl",
    "mediaMode",
    "archiveMode",
    "location",
    "e2ee",
    "archiveName",
    "archiveResolution",
];

/// The created session: its id from the answer (`[{"session_id": …}]`), its settings from the
/// properties it was created with (as the official SDKs do). An answer without a session id is
/// the one decode error, as in the Java SDK.
fn session_answer(p: &SessionProperties, v: Value) -> Res<Session> {
    let first = match v {
        Value::Array(mut a) if !a.is_empty() => a.swap_remove(0),
        other => other,
    };
    let Value::Object(m) = first else {
        return Err(decode_err("the create-session answer holds no session"));
    };
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| m.get(*k).filter(|v| !v.is_null()))
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    };
    let session_id = text(&["session_id", "sessionId"])
        .filter(|s| !s.is_empty())
        .ok_or_else(|| decode_err("the create-session answer has no session_id"))?;
    let extra = m
        .iter()
        .filter(|(k, _)| !SESSION_MEMBERS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect();
    Ok(Session {
        session_id,
        media_mode: p.media_mode.unwrap_or(MediaMode::Relayed),
        archive_mode: p.archive_mode.unwrap_or(ArchiveMode::Manual),
        location: p.location.clone(),
        e2ee: p.e2ee.unwrap_or(false),
        archive_name: p.archive_name.clone(),
        archive_resolution: p.archive_resolution.clone(),
        project_id: text(&["project_id", "partner_id", "projectId"]),
        create_dt: text(&["create_dt", "createDt"]),
        media_server_url: text(&["media_server_url", "mediaServerUrl"]),
        extra,
    })
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/// An OpenTok / Vonage Video API client. Thread-safe; share one per process.
#[derive(uniffi::Object)]
pub struct OpenTokClient {
    inner: opentok_core::OpenTok,
}

impl std::fmt::Debug for OpenTokClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl OpenTokClient {
    fn build(mut options: Value, config: &ClientConfig) -> Res<Arc<Self>> {
        if let (Value::Object(m), Value::Object(c)) = (
            &mut options,
            prune(serde_json::to_value(config).map_err(decode_err)?),
        ) {
            m.extend(c);
        }
        Ok(Arc::new(OpenTokClient {
            inner: opentok_core::OpenTok::from_json(options)?,
        }))
    }

    async fn run_raw(&self, op: &'static str, args: Res<Value>) -> Res<Value> {
        let args = args?;
        let client = self.inner.clone();
        let handle =
            rt::runtime()?.spawn(async move { opentok_core::call(&client, op, args).await });
        Ok(handle.await.map_err(|e| NativeError::Network {
            detail: format!("the request task failed: {e}"),
        })??)
    }

    fn run_raw_blocking(&self, op: &'static str, args: Res<Value>) -> Res<Value> {
        let args = args?;
        Ok(rt::block_on(opentok_core::call(&self.inner, op, args))??)
    }

    async fn run<T: Answer>(&self, op: &'static str, args: Res<Value>) -> Res<T> {
        T::answer(self.run_raw(op, args).await?)
    }

    fn run_blocking<T: Answer>(&self, op: &'static str, args: Res<Value>) -> Res<T> {
        T::answer(self.run_raw_blocking(op, args)?)
    }
}

#[uniffi::export]
impl OpenTokClient {
    /// A client for project credentials (api key + secret).
    #[uniffi::constructor]
    pub fn new(api_key: String, api_secret: String, config: ClientConfig) -> Res<Arc<Self>> {
        Self::build(
            json!({"api_key": api_key, "api_secret": api_secret}),
            &config,
        )
    }

    /// A client for Vonage application credentials (application id + RSA private key PEM).
    #[uniffi::constructor]
    pub fn with_application(
        application_id: String,
        private_key: String,
        config: ClientConfig,
    ) -> Res<Arc<Self>> {
        Self::build(
            json!({"application_id": application_id, "private_key": private_key}),
            &config,
        )
    }

    /// The base URL requests go to.
    pub fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// The api key or application id used in request paths.
    pub fn project_id(&self) -> String {
        self.inner.credentials().project_id().to_owned()
    }

    /// Mints a client token. `now_seconds` is the host's clock (Unix seconds), so frozen-clock test
    /// helpers work; `nonce` is random when absent.
    pub fn generate_token(
        &self,
        session_id: String,
        options: TokenOptions,
        now_seconds: i64,
        nonce: Option<u64>,
    ) -> Res<String> {
        let v = prune(serde_json::to_value(&options).map_err(|e| arg_err(&e))?);
        let opts: opentok_core::TokenOptions = opentok_core::api::dispatch::parse_args(v)?;
        Ok(self
            .inner
            .generate_token_at(&session_id, &opts, now_seconds, nonce)?)
    }

    /// Runs any operation by name with snake_case JSON arguments; returns core's JSON answer.
    pub async fn call_json(&self, operation: String, args_json: String) -> Res<String> {
        let args = parse_json("args", &args_json)?;
        let client = self.inner.clone();
        let handle = rt::runtime()?
            .spawn(async move { opentok_core::call(&client, &operation, args).await });
        let out = handle.await.map_err(|e| NativeError::Network {
            detail: format!("the request task failed: {e}"),
        })??;
        Ok(out.to_string())
    }

    /// Blocking twin of [`OpenTokClient::call_json`].
    pub fn call_json_blocking(&self, operation: String, args_json: String) -> Res<String> {
        let args = parse_json("args", &args_json)?;
        Ok(rt::block_on(opentok_core::call(&self.inner, &operation, args))??.to_string())
    }

    /// Creates a session (its settings are the properties it was created with).
    pub async fn create_session(&self, properties: SessionProperties) -> Res<Session> {
        let raw = self
            .run_raw("create_session", args_with(json!({}), &properties))
            .await?;
        session_answer(&properties, raw)
    }

    /// Creates a session. (Blocking.)
    pub fn create_session_blocking(&self, properties: SessionProperties) -> Res<Session> {
        let raw = self.run_raw_blocking("create_session", args_with(json!({}), &properties))?;
        session_answer(&properties, raw)
    }
}

/// Declares each operation twice: `async fn op` (Kotlin `suspend`, Swift `async`) and `fn
/// op_blocking` (runs on the shared runtime; never call it from a runtime thread).
macro_rules! operations {
    ($( $(#[doc = $doc:literal])* $op:ident / $blocking:ident ( $($arg:ident : $ty:ty),* ) -> $out:ty = $args:expr ; )*) => {
        #[uniffi::export]
        impl OpenTokClient {
            $(
                $(#[doc = $doc])*
                pub async fn $op(&self, $($arg: $ty),*) -> Res<$out> {
                    self.run(stringify!($op), $args).await
                }

                $(#[doc = $doc])*
                /// (Blocking.)
                pub fn $blocking(&self, $($arg: $ty),*) -> Res<$out> {
                    self.run_blocking(stringify!($op), $args)
                }
            )*
        }
    };
}

operations! {
    /// Starts recording a session.
    start_archive / start_archive_blocking (session_id: String, properties: ArchiveProperties) -> Archive
        = args_with(json!({"session_id": session_id}), &properties);
    /// Stops a recording archive.
    stop_archive / stop_archive_blocking (archive_id: String) -> Archive
        = args(json!({"archive_id": archive_id}));
    /// Reads an archive.
    get_archive / get_archive_blocking (archive_id: String) -> Archive
        = args(json!({"archive_id": archive_id}));
    /// Lists archives (one page, newest first).
    list_archives / list_archives_blocking (offset: Option<i64>, count: Option<i64>, session_id: Option<String>) -> ArchiveList
        = args(json!({"offset": offset, "count": count, "session_id": session_id}));
    /// Deletes an archive.
    delete_archive / delete_archive_blocking (archive_id: String) -> ()
        = args(json!({"archive_id": archive_id}));
    /// Changes a composed archive's layout.
    set_archive_layout / set_archive_layout_blocking (archive_id: String, layout: Layout) -> ()
        = args_with(json!({"archive_id": archive_id}), &json!({"layout": layout}));
    /// Adds a stream to a manual-mode archive.
    add_archive_stream / add_archive_stream_blocking (archive_id: String, stream_id: String, has_audio: Option<bool>, has_video: Option<bool>) -> ()
        = args(json!({"archive_id": archive_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}));
    /// Removes a stream from a manual-mode archive.
    remove_archive_stream / remove_archive_stream_blocking (archive_id: String, stream_id: String) -> ()
        = args(json!({"archive_id": archive_id, "stream_id": stream_id}));
    /// Starts a live-streaming broadcast.
    start_broadcast / start_broadcast_blocking (session_id: String, properties: BroadcastProperties) -> Broadcast
        = args_with(json!({"session_id": session_id}), &properties);
    /// Stops a broadcast.
    stop_broadcast / stop_broadcast_blocking (broadcast_id: String) -> Broadcast
        = args(json!({"broadcast_id": broadcast_id}));
    /// Reads a broadcast.
    get_broadcast / get_broadcast_blocking (broadcast_id: String) -> Broadcast
        = args(json!({"broadcast_id": broadcast_id}));
    /// Lists broadcasts (one page).
    list_broadcasts / list_broadcasts_blocking (offset: Option<i64>, count: Option<i64>, session_id: Option<String>) -> BroadcastList
        = args(json!({"offset": offset, "count": count, "session_id": session_id}));
    /// Changes a broadcast's layout.
    set_broadcast_layout / set_broadcast_layout_blocking (broadcast_id: String, layout: Layout) -> ()
        = args_with(json!({"broadcast_id": broadcast_id}), &json!({"layout": layout}));
    /// Adds a stream to a manual-mode broadcast.
    add_broadcast_stream / add_broadcast_stream_blocking (broadcast_id: String, stream_id: String, has_audio: Option<bool>, has_video: Option<bool>) -> ()
        = args(json!({"broadcast_id": broadcast_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}));
    /// Removes a stream from a manual-mode broadcast.
    remove_broadcast_stream / remove_broadcast_stream_blocking (broadcast_id: String, stream_id: String) -> ()
        = args(json!({"broadcast_id": broadcast_id, "stream_id": stream_id}));
    /// Reads a stream.
    get_stream / get_stream_blocking (session_id: String, stream_id: String) -> StreamInfo
        = args(json!({"session_id": session_id, "stream_id": stream_id}));
    /// Lists a session's streams.
    list_streams / list_streams_blocking (session_id: String) -> StreamList
        = args(json!({"session_id": session_id}));
    /// Changes several streams' layout classes.
    set_stream_class_lists / set_stream_class_lists_blocking (session_id: String, items: Vec<StreamClassList>) -> ()
        = args_with(json!({"session_id": session_id}), &json!({"items": items}));
    /// Changes one stream's layout classes.
    set_stream_class_list / set_stream_class_list_blocking (session_id: String, stream_id: String, layout_class_list: Vec<String>) -> ()
        = args(json!({"session_id": session_id, "stream_id": stream_id, "layout_class_list": layout_class_list}));
    /// Lists a session's connections.
    list_connections / list_connections_blocking (session_id: String) -> ConnectionList
        = args(json!({"session_id": session_id}));
    /// Sends a signal to every client, or to one connection.
    send_signal / send_signal_blocking (session_id: String, connection_id: Option<String>, properties: SignalProperties) -> ()
        = args_with(json!({"session_id": session_id, "connection_id": connection_id}), &properties);
    /// Disconnects a client.
    force_disconnect / force_disconnect_blocking (session_id: String, connection_id: String) -> ()
        = args(json!({"session_id": session_id, "connection_id": connection_id}));
    /// Force-mutes one stream's audio.
    mute_stream / mute_stream_blocking (session_id: String, stream_id: String) -> ()
        = args(json!({"session_id": session_id, "stream_id": stream_id}));
    /// Force-mutes every stream except the excluded ones.
    mute_all / mute_all_blocking (session_id: String, excluded_stream_ids: Vec<String>) -> ()
        = args(json!({"session_id": session_id, "excluded_stream_ids": excluded_stream_ids}));
    /// Ends a mute-all.
    disable_force_mute / disable_force_mute_blocking (session_id: String) -> ()
        = args(json!({"session_id": session_id}));
    /// Dials a SIP endpoint into a routed session.
    dial / dial_blocking (session_id: String, token: String, properties: SipProperties) -> SipCall
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Plays DTMF digits to every SIP participant, or to one connection.
    play_dtmf / play_dtmf_blocking (session_id: String, connection_id: Option<String>, digits: String) -> ()
        = args(json!({"session_id": session_id, "connection_id": connection_id, "digits": digits}));
    /// Starts an Experience Composer render.
    start_render / start_render_blocking (session_id: String, token: String, properties: RenderProperties) -> Render
        = render_args(session_id, token, &properties);
    /// Reads a render.
    get_render / get_render_blocking (render_id: String) -> Render
        = args(json!({"render_id": render_id}));
    /// Stops a render.
    stop_render / stop_render_blocking (render_id: String) -> ()
        = args(json!({"render_id": render_id}));
    /// Lists renders (one page).
    list_renders / list_renders_blocking (offset: Option<i64>, count: Option<i64>) -> RenderList
        = args(json!({"offset": offset, "count": count}));
    /// Streams session audio to a WebSocket (Audio Connector).
    connect_audio / connect_audio_blocking (session_id: String, token: String, properties: AudioConnectorProperties) -> AudioConnection
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Stops an Audio Connector.
    stop_audio_connector / stop_audio_connector_blocking (connection_id: String) -> ()
        = args(json!({"connection_id": connection_id}));
    /// Starts live captions.
    start_captions / start_captions_blocking (session_id: String, token: String, properties: CaptionProperties) -> Captions
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Stops live captions.
    stop_captions / stop_captions_blocking (captions_id: String) -> ()
        = args(json!({"captions_id": captions_id}));
    /// Reads live caption status.
    get_captions / get_captions_blocking (captions_id: String) -> CaptionStatus
        = args(json!({"captions_id": captions_id}));
    /// Registers a project callback.
    register_callback / register_callback_blocking (group: String, event: String, url: String) -> ProjectCallback
        = args(json!({"group": group, "event": event, "url": url}));
    /// Lists project callbacks.
    list_callbacks / list_callbacks_blocking () -> Vec<ProjectCallback>
        = args(json!({}));
    /// Unregisters a project callback.
    unregister_callback / unregister_callback_blocking (callback_id: String) -> ()
        = args(json!({"callback_id": callback_id}));
}

// ---------------------------------------------------------------------------------------------
// Free functions (no I/O)
// ---------------------------------------------------------------------------------------------

/// Names of every REST operation (`create_session`, `start_archive`, …).
#[uniffi::export]
pub fn operations() -> Vec<String> {
    opentok_core::OPERATIONS
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// The wire request an operation would send, as `{"method","path","query","body"}` JSON (no I/O).
#[uniffi::export]
pub fn build_request(operation: String, args_json: String, project_id: String) -> Res<String> {
    let args = parse_json("args", &args_json)?;
    Ok(opentok_core::build_request(&operation, args, &project_id)?
        .to_json()
        .to_string())
}

/// Decodes a 2xx response body of an operation into core's JSON answer (no I/O).
#[uniffi::export]
pub fn decode_response(operation: String, args_json: String, body: String) -> Res<String> {
    let args = parse_json("args", &args_json)?;
    Ok(opentok_core::decode_response(&operation, args, body.as_bytes())?.to_string())
}

/// Decodes the fields of a session id.
#[uniffi::export]
pub fn decode_session_id(session_id: String) -> Res<SessionIdInfo> {
    let i = opentok_core::session_id::decode(&session_id)?;
    Ok(SessionIdInfo {
        api_key: i.api_key,
        location: i.location,
        create_time: i.create_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn options_become_core_arguments() {
        let p = ArchiveProperties {
            layout: Some(Layout {
                r#type: LayoutType::BestFit,
                stylesheet: None,
                screenshare_type: Some(LayoutType::Pip),
                extra: [("futureLayoutOption".to_owned(), "[1,2]".to_owned())].into(),
            }),
            extra: [("newOption".to_owned(), r#"{"a":true}"#.to_owned())].into(),
            has_video: Some(false),
            ..Default::default()
        };
        let v = args_with(json!({"session_id": "S"}), &p).unwrap();
        assert_eq!(
            v,
            json!({"session_id": "S", "has_video": false, "newOption": {"a": true},
                   "layout": {"type": "bestFit", "screenshare_type": "pip", "futureLayoutOption": [1, 2]}})
        );
    }

    #[test]
    fn extra_that_is_not_json_names_its_key() {
        let p = CaptionProperties {
            extra: [("bad".to_owned(), "not json".to_owned())].into(),
            ..Default::default()
        };
        match args_with(json!({}), &p) {
            Err(NativeError::InvalidArgument { field, .. }) => assert_eq!(field, "extra.bad"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn results_keep_what_they_do_not_name_and_read_alternative_shapes() {
        let v = json!({
            "id": "B", "createdAt": 1.7e12, "maxDuration": 7200.5, "size": "12",
            "newField": {"x": 1}, "hasAudio": "yes",
            "broadcastUrls": {"hls": "h", "rtmp": {"foo": {"serverUrl": "rtmp://a", "status": "live"}}}
        });
        let b = Broadcast::answer(v).unwrap();
        assert_eq!(b.created_at, Some(1_700_000_000_000));
        assert_eq!(b.max_duration, Some(7200));
        assert_eq!(
            b.extra.get("maxDuration").map(String::as_str),
            Some("7200.5")
        );
        assert_eq!(
            b.extra.get("newField").map(String::as_str),
            Some(r#"{"x":1}"#)
        );
        assert_eq!(b.has_audio, None);
        assert_eq!(
            b.extra.get("hasAudio").map(String::as_str),
            Some(r#""yes""#)
        );
        assert!(b.streams.is_none() && b.status.is_none());
        let rtmp = b.broadcast_urls.unwrap().rtmp.unwrap();
        assert_eq!(rtmp[0].id.as_deref(), Some("foo"));
        assert_eq!(rtmp[0].status.as_deref(), Some("live"));
        assert!(Archive::answer(json!([])).is_err());
        assert!(<()>::answer(json!({"id": "R"})).is_ok());
    }

    #[test]
    fn sessions_come_from_the_answer_and_the_properties() {
        let p = SessionProperties {
            media_mode: Some(MediaMode::Routed),
            ..Default::default()
        };
        let s = session_answer(
            &p,
            json!([{"session_id": "S1", "partner_id": 123456, "create_dt": "d", "future": 1}]),
        )
        .unwrap();
        assert_eq!(s.session_id, "S1");
        assert_eq!(s.media_mode, MediaMode::Routed);
        assert_eq!(s.archive_mode, ArchiveMode::Manual);
        assert_eq!(s.project_id.as_deref(), Some("123456"));
        assert_eq!(s.extra.get("future").map(String::as_str), Some("1"));
        assert!(session_answer(&p, json!([])).is_err());
    }

    #[test]
    fn render_name_goes_into_properties() {
        let p = RenderProperties {
            url: "https://example.com/app".into(),
            max_duration: None,
            resolution: None,
            status_callback_url: None,
            name: Some("n".into()),
            extra: HashMap::new(),
        };
        let v = render_args("S".into(), "T".into(), &p).unwrap();
        assert_eq!(v["properties"], json!({"name": "n"}));
        assert!(v.get("name").is_none());
    }

    #[test]
    fn core_errors_keep_status_and_message() {
        let e: NativeError = opentok_core::Error::from_status(
            opentok_core::ApiError {
                status: 404,
                message: "nope".into(),
                ..Default::default()
            },
            None,
        )
        .into();
        match e {
            NativeError::NotFound {
                status,
                server_message,
                ..
            } => {
                assert_eq!(status, 404);
                assert_eq!(server_message, "nope");
            }
            other => panic!("{other:?}"),
        }
    }
}
