//! The client: credentials + transport + the generic executor and one method per operation.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::api::archives::*;
use crate::api::audio_connector::*;
use crate::api::broadcasts::*;
use crate::api::callbacks::*;
use crate::api::captions::*;
use crate::api::connections::*;
use crate::api::moderation::*;
use crate::api::renders::*;
use crate::api::sessions::*;
use crate::api::signals::*;
use crate::api::sip::*;
use crate::api::streams::*;
use crate::api::{Layout, Page};
use crate::credentials::Credentials;
use crate::error::{Error, Result};
use crate::jwt::{self, Claims};
use crate::token::{self, TokenOptions};
use crate::transport::{Config, RetryPolicy, Transport};
use crate::wire::{Operation, WireRequest};

/// Default base URL for project credentials.
pub const OPENTOK_API_URL: &str = "https://api.opentok.com";
/// Default base URL for Vonage application credentials.
pub const VONAGE_API_URL: &str = "https://video.api.vonage.com";
/// Default lifetime of REST-auth JWTs (seconds; `Config::auth_ttl` changes it, the service allows
/// at most 300).
pub const AUTH_TTL_SECS: i64 = 180;

/// An OpenTok / Vonage Video API client. Cheap to clone; share one per process.
#[derive(Clone)]
pub struct OpenTok {
    inner: Arc<Inner>,
}

struct Inner {
    creds: Credentials,
    transport: Transport,
    /// RS256 signing is slow; application auth headers are reused for a minute.
    app_auth: Mutex<Option<(Instant, Arc<str>)>>,
}

impl fmt::Debug for OpenTok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenTok")
            .field("credentials", &self.inner.creds)
            .field("api_url", &self.inner.transport.display_url())
            .finish()
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl OpenTok {
    /// A client for project credentials with default settings.
    pub fn new(api_key: impl Into<String>, api_secret: &str) -> Result<Self> {
        Self::with_config(
            Credentials::project(api_key, api_secret)?,
            Config::default(),
        )
    }

    /// A client for any credentials and settings.
    pub fn with_config(creds: Credentials, config: Config) -> Result<Self> {
        let default_url = if creds.is_application() {
            VONAGE_API_URL
        } else {
            OPENTOK_API_URL
        };
        let transport = Transport::new(&config, default_url)?;
        Ok(OpenTok {
            inner: Arc::new(Inner {
                creds,
                transport,
                app_auth: Mutex::new(None),
            }),
        })
    }

    /// Builds a client from the JSON options bindings pass (see [`ClientOptions`]).
    pub fn from_json(options: serde_json::Value) -> Result<Self> {
        let o: ClientOptions = crate::api::dispatch::parse_args(options)?;
        o.build()
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.creds
    }

    /// The base URL requests go to, as configured (credentials included, if the URL had any).
    pub fn api_url(&self) -> &str {
        self.inner.transport.base_url()
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// The base URL with any credentials replaced by `***`: use it in `repr`, `inspect`, logs.
    pub fn display_url(&self) -> &str {
        self.inner.transport.display_url()
    }

    /// Mints a client token using the system clock.
    pub fn generate_token(&self, session_id: &str, opts: &TokenOptions) -> Result<String> {
        token::generate(&self.inner.creds, session_id, opts, unix_now(), None)
    }

    /// Mints a client token with an explicit clock (Unix seconds) and optional nonce.
    pub fn generate_token_at(
        &self,
        session_id: &str,
        opts: &TokenOptions,
        now: i64,
        nonce: Option<u64>,
    ) -> Result<String> {
        token::generate(&self.inner.creds, session_id, opts, now, nonce)
    }

    /// The REST auth header (name, value) for a request made now.
    pub fn auth_header(&self) -> Result<(&'static str, Arc<str>)> {
        self.auth_header_at(unix_now())
    }

    fn auth_header_at(&self, now: i64) -> Result<(&'static str, Arc<str>)> {
        let ttl = self.inner.transport.config.auth_ttl;
        let ttl_secs = i64::try_from(ttl.as_secs()).unwrap_or(AUTH_TTL_SECS);
        match &self.inner.creds {
            Credentials::Project { api_key, secret } => {
                let mut c = Claims::new();
                c.str("iss", api_key)
                    .str("ist", "project")
                    .int("iat", now)
                    .int("exp", now + ttl_secs)
                    .str("jti", &jwt::uuid_v4());
                Ok((
                    "X-OPENTOK-AUTH",
                    jwt::sign_hs256(&secret.0.hs256, &c.finish()).into(),
                ))
            }
            Credentials::Application {
                application_id,
                key,
            } => {
                let mut cache = self
                    .inner
                    .app_auth
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                if let Some((at, v)) = cache.as_ref() {
                    // reused for a minute, or half its lifetime when that is shorter
                    if at.elapsed() < Duration::from_secs(60).min(ttl / 2) {
                        return Ok(("Authorization", v.clone()));
                    }
                }
                let mut c = Claims::new();
                c.str("application_id", application_id)
                    .int("iat", now)
                    .int("exp", now + ttl_secs)
                    .str("jti", &jwt::uuid_v4());
                let v: Arc<str> =
                    format!("Bearer {}", jwt::sign_rs256(&key.0, &c.finish())?).into();
                *cache = Some((Instant::now(), v.clone()));
                Ok(("Authorization", v))
            }
        }
    }

    /// Builds the wire request of `op` for this client (no I/O).
    pub fn build_request<O: Operation>(&self, op: &O) -> Result<WireRequest> {
        op.request(self.inner.creds.project_id())
    }

    /// Sends a prepared request; returns the body of a 2xx answer.
    pub async fn send(&self, req: &WireRequest) -> Result<Vec<u8>> {
        let (name, value) = self.auth_header()?;
        self.inner.transport.send(req, (name, &value)).await
    }

    /// The generic executor: validates, sends and decodes any operation.
    pub async fn execute<O: Operation>(&self, op: &O) -> Result<O::Output> {
        let req = self.build_request(op)?;
        let body = self.send(&req).await?;
        op.decode(&body)
    }

    /// Walks every page of a list operation and returns all items.
    pub async fn list_all<O: Paged>(&self, mut op: O) -> Result<Vec<O::Item>> {
        let size = op.page_size().unwrap_or(1000);
        op.set_page(op.page_offset().unwrap_or(0), size);
        let mut all = Vec::new();
        loop {
            let page = self.execute(&op).await?;
            let n = page.items.len() as i64;
            all.extend(page.items);
            let next = op.page_offset().unwrap_or(0) + n;
            if n == 0 || n < size || next >= page.count {
                return Ok(all);
            }
            op.set_page(next, size);
        }
    }
}

/// A list operation that can be walked page by page with [`OpenTok::list_all`].
pub trait Paged: Operation<Output = Page<Self::Item>> {
    /// Item type.
    type Item;
    /// Current offset.
    fn page_offset(&self) -> Option<i64>;
    /// Page size.
    fn page_size(&self) -> Option<i64>;
    /// Moves to another page.
    fn set_page(&mut self, offset: i64, count: i64);
}

macro_rules! paged {
    ($($op:ty => $item:ty),*) => {$(
        impl Paged for $op {
            type Item = $item;
            fn page_offset(&self) -> Option<i64> { self.offset }
            fn page_size(&self) -> Option<i64> { self.count }
            fn set_page(&mut self, offset: i64, count: i64) {
                self.offset = Some(offset);
                self.count = Some(count);
            }
        }
    )*};
}
paged!(ListArchives => Archive, ListBroadcasts => Broadcast, ListRenders => Render);

/// Client options as bindings pass them (JSON). Secrets are not printed by `Debug`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientOptions {
    /// Project api key.
    pub api_key: Option<String>,
    /// Project api secret.
    pub api_secret: Option<String>,
    /// Vonage application id.
    pub application_id: Option<String>,
    /// Vonage application private key (PEM).
    pub private_key: Option<String>,
    /// Base URL.
    pub api_url: Option<String>,
    /// Request timeout, seconds.
    pub timeout: Option<f64>,
    /// Connect timeout, seconds.
    pub connect_timeout: Option<f64>,
    /// Proxy URL.
    pub proxy: Option<String>,
    /// User-Agent addendum.
    pub ua_addendum: Option<String>,
    /// Host language/version for the User-Agent.
    pub language: Option<String>,
    /// Retries for idempotent requests.
    pub max_retries: Option<u32>,
    /// First retry delay, seconds.
    pub retry_base_delay: Option<f64>,
    /// Longest retry delay, seconds.
    pub retry_max_delay: Option<f64>,
    /// Largest response body accepted, bytes (default 32 MiB).
    pub max_response_bytes: Option<u64>,
    /// Extra trusted CA certificates: PEM text, or a path to a PEM file or a directory of PEM files.
    pub ca_bundle: Option<String>,
    /// Lifetime of the REST auth JWT, seconds (default 180, at most 300).
    pub auth_ttl_secs: Option<f64>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("api_key", &self.api_key)
            .field("application_id", &self.application_id)
            .field(
                "api_url",
                &self.api_url.as_deref().map(crate::credentials::redact_url),
            )
            .finish_non_exhaustive()
    }
}

fn seconds(field: &str, v: Option<f64>, default: Duration) -> Result<Duration> {
    match v {
        None => Ok(default),
        Some(s) if s.is_finite() && s > 0.0 && s < 1e7 => Ok(Duration::from_secs_f64(s)),
        Some(s) => Err(Error::invalid(
            field,
            format!("{s} is not a positive number of seconds"),
        )),
    }
}

impl ClientOptions {
    /// Builds the client.
    pub fn build(self) -> Result<OpenTok> {
        let creds = match (
            self.api_key,
            self.api_secret,
            self.application_id,
            self.private_key,
        ) {
            (Some(k), Some(s), None, None) => Credentials::detect(k, &s)?,
            (None, None, Some(a), Some(p)) => Credentials::application(a, &p)?,
            (Some(_), Some(_), _, _) => {
                return Err(Error::invalid(
                    "credentials",
                    "give project or application credentials, not both",
                ))
            }
            (Some(_), None, _, _) => {
                return Err(Error::invalid("api_secret", "is required with api_key"))
            }
            (None, _, Some(_), None) => {
                return Err(Error::invalid(
                    "private_key",
                    "is required with application_id",
                ))
            }
            _ => {
                return Err(Error::invalid(
                    "api_key",
                    "give api_key and api_secret, or application_id and private_key",
                ))
            }
        };
        let d = Config::default();
        let r = RetryPolicy::default();
        let retry = RetryPolicy {
            max_retries: self.max_retries.unwrap_or(r.max_retries),
            base_delay: seconds("retry_base_delay", self.retry_base_delay, r.base_delay)?,
            max_delay: seconds("retry_max_delay", self.retry_max_delay, r.max_delay)?,
            max_elapsed: r.max_elapsed,
        };
        let config = Config {
            api_url: self.api_url,
            connect_timeout: seconds("connect_timeout", self.connect_timeout, d.connect_timeout)?,
            timeout: seconds("timeout", self.timeout, d.timeout)?,
            proxy: self.proxy,
            ua_addendum: self.ua_addendum,
            language: self.language,
            retry,
            max_response_bytes: match self.max_response_bytes {
                None => d.max_response_bytes,
                Some(n) => usize::try_from(n).ok().filter(|n| *n > 0).ok_or_else(|| {
                    Error::invalid("max_response_bytes", "must be a positive number of bytes")
                })?,
            },
            ca_bundle: self.ca_bundle,
            auth_ttl: match self.auth_ttl_secs {
                None => d.auth_ttl,
                Some(s) if s.is_finite() && (1.0..=300.0).contains(&s) => {
                    Duration::from_secs(s.floor() as u64)
                }
                Some(s) => {
                    return Err(Error::invalid(
                        "auth_ttl_secs",
                        format!("{s} is not between 1 and 300 seconds (the service's limit)"),
                    ))
                }
            },
        };
        OpenTok::with_config(creds, config)
    }
}

macro_rules! simple_ops {
    ($($(#[$doc:meta])* $fn:ident($($arg:ident),*) -> $op:ident => $out:ty;)*) => {
        impl OpenTok {$(
            $(#[$doc])*
            pub async fn $fn(&self, $($arg: &str),*) -> Result<$out> {
                self.execute(&$op { $($arg: $arg.to_owned()),* }).await
            }
        )*}
    };
}

macro_rules! struct_ops {
    ($($(#[$doc:meta])* $fn:ident($op:ident) -> $out:ty;)*) => {
        impl OpenTok {$(
            $(#[$doc])*
            pub async fn $fn(&self, op: &$op) -> Result<$out> {
                self.execute(op).await
            }
        )*}
    };
}

struct_ops! {
    /// Creates a session.
    create_session(CreateSession) -> Session;
    /// Starts an archive.
    start_archive(StartArchive) -> Archive;
    /// Lists archives (one page).
    list_archives(ListArchives) -> Page<Archive>;
    /// Adds a stream to an archive.
    add_archive_stream(AddArchiveStream) -> ();
    /// Starts a broadcast.
    start_broadcast(StartBroadcast) -> Broadcast;
    /// Lists broadcasts (one page).
    list_broadcasts(ListBroadcasts) -> Page<Broadcast>;
    /// Adds a stream to a broadcast.
    add_broadcast_stream(AddBroadcastStream) -> ();
    /// Sets several streams' layout classes.
    set_stream_class_lists(SetStreamClassLists) -> ();
    /// Sets one stream's layout classes.
    set_stream_class_list(SetStreamClassList) -> ();
    /// Sends a signal to all clients or one connection.
    send_signal(SendSignal) -> ();
    /// Mutes every stream except the excluded ones.
    mute_all(MuteAll) -> ();
    /// Dials a SIP endpoint into the session.
    dial(Dial) -> SipCall;
    /// Plays DTMF digits.
    play_dtmf(PlayDtmf) -> ();
    /// Starts an Experience Composer render.
    start_render(StartRender) -> Render;
    /// Lists renders (one page).
    list_renders(ListRenders) -> Page<Render>;
    /// Connects session audio to a WebSocket.
    connect_audio(ConnectAudio) -> AudioConnection;
    /// Starts live captions.
    start_captions(StartCaptions) -> Captions;
    /// Registers a project callback.
    register_callback(RegisterCallback) -> Callback;
}

simple_ops! {
    /// Stops an archive.
    stop_archive(archive_id) -> StopArchive => Archive;
    /// Reads an archive.
    get_archive(archive_id) -> GetArchive => Archive;
    /// Deletes an archive.
    delete_archive(archive_id) -> DeleteArchive => ();
    /// Removes a stream from an archive.
    remove_archive_stream(archive_id, stream_id) -> RemoveArchiveStream => ();
    /// Stops a broadcast.
    stop_broadcast(broadcast_id) -> StopBroadcast => Broadcast;
    /// Reads a broadcast.
    get_broadcast(broadcast_id) -> GetBroadcast => Broadcast;
    /// Removes a stream from a broadcast.
    remove_broadcast_stream(broadcast_id, stream_id) -> RemoveBroadcastStream => ();
    /// Reads a stream.
    get_stream(session_id, stream_id) -> GetStream => Stream;
    /// Lists a session's streams.
    list_streams(session_id) -> ListStreams => Page<Stream>;
    /// Lists a session's connections.
    list_connections(session_id) -> ListConnections => ConnectionList;
    /// Disconnects a client.
    force_disconnect(session_id, connection_id) -> ForceDisconnect => ();
    /// Force-mutes one stream.
    mute_stream(session_id, stream_id) -> MuteStream => ();
    /// Ends a mute-all.
    disable_force_mute(session_id) -> DisableForceMute => ();
    /// Reads a render.
    get_render(render_id) -> GetRender => Render;
    /// Stops a render.
    stop_render(render_id) -> StopRender => ();
    /// Stops an Audio Connector.
    stop_audio_connector(connection_id) -> StopAudioConnector => ();
    /// Stops live captions.
    stop_captions(captions_id) -> StopCaptions => ();
    /// Reads caption status.
    get_captions(captions_id) -> GetCaptions => CaptionStatus;
    /// Unregisters a project callback.
    unregister_callback(callback_id) -> UnregisterCallback => ();
}

impl OpenTok {
    /// Changes an archive's layout.
    pub async fn set_archive_layout(&self, archive_id: &str, layout: Layout) -> Result<()> {
        self.execute(&SetArchiveLayout {
            archive_id: archive_id.to_owned(),
            layout,
        })
        .await
    }

    /// Changes a broadcast's layout.
    pub async fn set_broadcast_layout(&self, broadcast_id: &str, layout: Layout) -> Result<()> {
        self.execute(&SetBroadcastLayout {
            broadcast_id: broadcast_id.to_owned(),
            layout,
        })
        .await
    }

    /// Lists registered project callbacks.
    pub async fn list_callbacks(&self) -> Result<Vec<Callback>> {
        self.execute(&ListCallbacks {}).await
    }
}
