//! A local, faithful stand-in for the OpenTok / Vonage Video REST API.
//!
//! It serves every REST operation of the service at the same paths, with the same status codes and
//! JSON, checks the auth JWTs exactly like the service, and keeps sessions, connections, streams,
//! archives, broadcasts, renders, captions, SIP calls, Audio Connector connections and callbacks in
//! memory. Admin routes under `/_emulator/` seed state, inject faults and expose the request log.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let emu = opentok_emulator::Emulator::start(opentok_emulator::Config::default()).await?;
//! println!("{}", emu.url());
//! # Ok(()) }
//! ```

pub mod admin;
pub mod archives;
pub mod audio_connector;
pub mod auth;
pub mod broadcasts;
pub mod callbacks;
pub mod callbacks_delivery;
pub mod callbacks_events;
pub mod captions;
mod cli;
pub mod error;
pub mod ids;
pub mod middleware;
pub mod renders;
pub mod sessions;
pub mod sip;
pub mod state;
pub mod streams;
pub mod ui;
pub mod validate;

pub use callbacks_delivery::{CallbackConfig, CallbackOptions};
pub use cli::{run, run_cli, CliError, CliOptions};

use axum::routing::{delete, get, patch, post, put, MethodRouter};
use axum::Router;
use hyper_util::rt::TokioIo;
use state::{AppState, Shared};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt as _;

/// Default API key.
pub const DEFAULT_API_KEY: &str = "123456";
/// Default API secret.
pub const DEFAULT_API_SECRET: &str = "0123456789abcdef0123456789abcdef01234567";

/// Emulator configuration.
#[derive(Clone)]
pub struct Config {
    /// The project API key (default `123456`).
    pub api_key: String,
    /// The project API secret (default `0123456789abcdef0123456789abcdef01234567`).
    pub api_secret: String,
    /// A Vonage application id whose RS256 JWTs are accepted too.
    pub application_id: Option<String>,
    /// The application's public key (SPKI `BEGIN PUBLIC KEY`) or its private key PEM.
    pub application_public_key_pem: Option<String>,
    /// Enables the `/_emulator/*` admin routes.
    pub admin: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_key: DEFAULT_API_KEY.to_string(),
            api_secret: DEFAULT_API_SECRET.to_string(),
            application_id: None,
            application_public_key_pem: None,
            admin: true,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("api_key", &self.api_key)
            .field("api_secret", &"<redacted>")
            .field("application_id", &self.application_id)
            .field(
                "application_public_key_pem",
                &self.application_public_key_pem.as_ref().map(|_| "<pem>"),
            )
            .field("admin", &self.admin)
            .finish()
    }
}

fn build_state(config: Config) -> Result<AppState, String> {
    let verifier = auth::Verifier::new(
        &config.api_key,
        &config.api_secret,
        config.application_id.as_deref(),
        config.application_public_key_pem.as_deref(),
    )?;
    Ok(Arc::new(Shared {
        config,
        verifier,
        data: Mutex::new(state::Data::default()),
        faults: Mutex::new(Vec::new()),
        has_faults: AtomicBool::new(false),
        next_fault_id: AtomicU64::new(0),
        requests: Mutex::new(Default::default()),
        deliveries: Default::default(),
    }))
}

fn public_routes(st: &AppState) -> Router<AppState> {
    const P: &str = "/v2/project/{project}";
    // The auth layer wraps each method router (not its 405 fallback), so a wrong method answers
    // 405 before authentication, and unknown paths answer 404.
    let a = |mr: MethodRouter<AppState>| {
        mr.route_layer(axum::middleware::from_fn_with_state(
            st.clone(),
            middleware::auth,
        ))
    };
    Router::new()
        .route("/session/create", a(post(sessions::create_session)))
        .route(
            &format!("{P}/archive"),
            a(get(archives::list).post(archives::start)),
        )
        .route(
            &format!("{P}/archive/{{id}}"),
            a(get(archives::get).delete(archives::delete)),
        )
        .route(&format!("{P}/archive/{{id}}/stop"), a(post(archives::stop)))
        .route(
            &format!("{P}/archive/{{id}}/layout"),
            a(put(archives::layout)),
        )
        .route(
            &format!("{P}/archive/{{id}}/streams"),
            a(patch(archives::streams)),
        )
        .route(
            &format!("{P}/broadcast"),
            a(get(broadcasts::list).post(broadcasts::start)),
        )
        .route(
            &format!("{P}/broadcast/"),
            a(get(broadcasts::list).post(broadcasts::start)),
        )
        .route(&format!("{P}/broadcast/{{id}}"), a(get(broadcasts::get)))
        .route(
            &format!("{P}/broadcast/{{id}}/stop"),
            a(post(broadcasts::stop)),
        )
        .route(
            &format!("{P}/broadcast/{{id}}/layout"),
            a(put(broadcasts::layout)),
        )
        .route(
            &format!("{P}/broadcast/{{id}}/streams"),
            a(patch(broadcasts::streams)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream"),
            a(get(streams::list).put(streams::set_class_lists)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream/{{stream}}"),
            a(get(streams::get).put(streams::set_class_list)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream/{{stream}}/mute"),
            a(post(streams::mute_stream)),
        )
        .route(
            &format!("{P}/session/{{sid}}/mute"),
            a(post(streams::mute_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection"),
            a(get(streams::list_connections)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}"),
            a(delete(streams::force_disconnect)),
        )
        .route(
            &format!("{P}/session/{{sid}}/signal"),
            a(post(streams::signal_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}/signal"),
            a(post(streams::signal_one)),
        )
        .route(
            &format!("{P}/session/{{sid}}/play-dtmf"),
            a(post(streams::dtmf_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}/play-dtmf"),
            a(post(streams::dtmf_one)),
        )
        .route(&format!("{P}/dial"), a(post(sip::dial)))
        .route(
            &format!("{P}/render"),
            a(get(renders::list).post(renders::start)),
        )
        .route(
            &format!("{P}/render/{{id}}"),
            a(get(renders::get).delete(renders::stop)),
        )
        .route(&format!("{P}/connect"), a(post(audio_connector::connect)))
        .route(
            &format!("{P}/connect/{{id}}/stop"),
            a(post(audio_connector::stop)),
        )
        .route(&format!("{P}/captions"), a(post(captions::start)))
        .route(&format!("{P}/captions/{{id}}"), a(get(captions::get)))
        .route(
            &format!("{P}/captions/{{id}}/stop"),
            a(post(captions::stop)),
        )
        .route(
            &format!("{P}/callback"),
            a(get(callbacks::list).post(callbacks::register)),
        )
        .route(
            &format!("{P}/callback/{{id}}"),
            a(delete(callbacks::unregister)),
        )
}

fn admin_routes() -> Router<AppState> {
    Router::new()
        .route("/_emulator/reset", post(admin::reset))
        .route("/_emulator/sessions", post(admin::create_session))
        .route("/_emulator/sessions/{sid}", get(admin::get_session))
        .route(
            "/_emulator/sessions/{sid}/connections",
            post(admin::add_connection),
        )
        .route("/_emulator/sessions/{sid}/streams", post(admin::add_stream))
        .route("/_emulator/archives/{id}", post(admin::set_archive_status))
        .route(
            "/_emulator/faults",
            post(admin::add_fault).delete(admin::clear_faults),
        )
        .route(
            "/_emulator/requests",
            get(admin::list_requests).delete(admin::clear_requests),
        )
        .merge(callbacks_events::admin_routes())
}

fn router_with_state(st: AppState) -> Router {
    let mut app = public_routes(&st);
    if st.config.admin {
        app = app.merge(admin_routes());
    }
    app.fallback(middleware::not_found)
        .layer(axum::middleware::from_fn_with_state(
            st.clone(),
            callbacks_events::observe,
        ))
        .layer(axum::middleware::from_fn_with_state(
            st.clone(),
            middleware::outer,
        ))
        .with_state(st)
}

/// Builds the emulator's router, e.g. to embed it in another axum server. Fails when the
/// application public key cannot be parsed.
pub fn try_router(config: Config) -> Result<Router, String> {
    Ok(router_with_state(build_state(config)?))
}

/// Builds the emulator's router for embedding. An unparsable application key disables
/// application (RS256) authentication; use [`try_router`] to see the error.
pub fn router(config: Config) -> Router {
    let fallback = Config {
        application_id: None,
        application_public_key_pem: None,
        ..config.clone()
    };
    match try_router(config) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("opentok-emulator: {e}; application credentials disabled");
            match try_router(fallback) {
                Ok(r) => r,
                Err(_) => Router::new(),
            }
        }
    }
}

/// Accepts connections until `shutdown` changes (or its sender is dropped).
async fn serve(listener: TcpListener, app: Router, mut shutdown: watch::Receiver<bool>) {
    loop {
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((s, _)) => s,
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let mut conn_shutdown = shutdown.clone();
        tokio::spawn(async move {
            let dropper = Arc::new(tokio::sync::Notify::new());
            let handle = middleware::ConnDropper(dropper.clone());
            let svc =
                hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                    let mut req = req.map(axum::body::Body::new);
                    req.extensions_mut().insert(handle.clone());
                    app.clone().oneshot(req)
                });
            let conn = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), svc);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = dropper.notified() => {}
                _ = conn_shutdown.changed() => {}
            }
        });
    }
}

/// A running emulator. It stops accepting requests (and closes its connections) when dropped.
pub struct Emulator {
    addr: SocketAddr,
    state: AppState,
    shutdown: watch::Sender<bool>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("url", &self.url())
            .finish()
    }
}

fn invalid_config(e: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, e)
}

impl Emulator {
    /// Starts on `127.0.0.1` with a random port, on the current tokio runtime.
    pub async fn start(config: Config) -> std::io::Result<Emulator> {
        Self::start_on(config, SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0)).await
    }

    /// Starts on the given address, on the current tokio runtime.
    pub async fn start_on(config: Config, addr: SocketAddr) -> std::io::Result<Emulator> {
        let state = build_state(config).map_err(invalid_config)?;
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (shutdown, rx) = watch::channel(false);
        tokio::spawn(serve(listener, router_with_state(state.clone()), rx));
        Ok(Emulator {
            addr,
            state,
            shutdown,
        })
    }

    /// Starts on `127.0.0.1` with a random port, on its own thread and runtime (for sync tests).
    pub fn start_blocking(config: Config) -> std::io::Result<Emulator> {
        let state = build_state(config).map_err(invalid_config)?;
        let std_listener =
            std::net::TcpListener::bind(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("opentok-emulator")
            .enable_all()
            .build()?;
        let (shutdown, mut rx) = watch::channel(false);
        let app = router_with_state(state.clone());
        let serve_rx = rx.clone();
        std::thread::Builder::new()
            .name("opentok-emulator".to_string())
            .spawn(move || {
                runtime.block_on(async move {
                    match TcpListener::from_std(std_listener) {
                        Ok(listener) => {
                            tokio::spawn(serve(listener, app, serve_rx));
                            let _ = rx.changed().await;
                        }
                        Err(e) => eprintln!("opentok-emulator: {e}"),
                    }
                });
                runtime.shutdown_background();
            })?;
        Ok(Emulator {
            addr,
            state,
            shutdown,
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:43121`.
    pub fn url(&self) -> String {
        let ip = if self.addr.ip().is_unspecified() {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            self.addr.ip()
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.state.config
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
