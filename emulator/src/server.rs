//! The running emulator: builds the shared state, binds a listener and serves the router.

use crate::auth;
use crate::callbacks_delivery::CallbackConfig;
use crate::config::Config;
use crate::middleware;
use crate::model::Data;
use crate::routes::router_with_state;
use crate::state::{AppState, Shared};
use axum::Router;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt as _;

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
        data: Mutex::new(Data::default()),
        faults: Mutex::new(Vec::new()),
        has_faults: AtomicBool::new(false),
        next_fault_id: AtomicU64::new(0),
        requests: Mutex::new(Default::default()),
        deliveries: Default::default(),
    }))
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

impl Emulator {
    /// Sets where and how callbacks are delivered.
    pub fn set_callbacks(&self, config: CallbackConfig) {
        self.state.deliveries.set_config(config);
    }

    /// The callback deliveries so far (oldest first), as `GET /_emulator/callbacks` shows them.
    pub fn callback_deliveries(&self) -> Vec<Value> {
        self.state
            .deliveries
            .log()
            .iter()
            .map(|d| d.to_json())
            .collect()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
