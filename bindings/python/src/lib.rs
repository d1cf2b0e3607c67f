//! The native module `opentok._native`: a thin layer between Python and `opentok-core`.
//!
//! It converts arguments, calls the core and turns errors into one exception type
//! (`opentok._native.NativeError`) whose single argument is `Error::to_json()` as a string.
//! Everything user-facing (class names, option names, result objects, exception classes) lives in
//! the Python package `opentok`.

use std::io::Write as _;
use std::os::fd::IntoRawFd;
use std::os::unix::net::UnixStream;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::FutureExt;
use opentok_core::{Error, OpenTok, Role, TokenOptions, TokenType};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use serde_json::Value;

create_exception!(
    _native,
    NativeError,
    PyException,
    "An error from the Rust core; args[0] is the JSON payload of Error::to_json()."
);

fn to_py(e: &Error) -> PyErr {
    NativeError::new_err(e.to_json().to_string())
}

fn parse_json(field: &str, s: &str) -> Result<Value, Error> {
    if s.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(s).map_err(|e| Error::invalid(field, format!("is not valid JSON: {e}")))
}

fn result_to_string(r: opentok_core::Result<Value>) -> Result<String, Error> {
    r.map(|v| v.to_string())
}

/// A client: credentials, settings and a pooled HTTP connection, shared by every thread.
#[pyclass(frozen, module = "opentok._native", name = "Client")]
struct Client {
    inner: OpenTok,
}

/// Cancels an in-flight asynchronous call.
#[pyclass(frozen, module = "opentok._native", name = "CallHandle")]
struct CallHandle {
    abort: tokio::task::AbortHandle,
}

#[pymethods]
impl CallHandle {
    /// Aborts the request (its callback is then never called).
    fn abort(&self) {
        self.abort.abort();
    }
}

/// Finished asynchronous calls, queued without the GIL. The first completion of a batch writes one
/// byte to a Unix socket whose other end the event loop watches (`loop.add_reader`); the loop then
/// takes the whole batch with `drain()`. Runtime threads never wait for the GIL.
#[pyclass(frozen, module = "opentok._native", name = "Completions")]
struct Completions {
    shared: Arc<CompletionQueue>,
    reader: Mutex<Option<UnixStream>>,
}

struct CompletionQueue {
    items: Mutex<Vec<(u64, bool, String)>>,
    scheduled: AtomicBool,
    waker: UnixStream,
}

impl CompletionQueue {
    fn push(&self, item: (u64, bool, String)) {
        self.items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(item);
        if !self.scheduled.swap(true, Ordering::AcqRel) {
            // Non-blocking: if the socket is full, a wake-up is already pending.
            let _ = (&self.waker).write(&[1]);
        }
    }
}

#[pymethods]
impl Completions {
    #[new]
    fn new() -> PyResult<Self> {
        let io = |e: std::io::Error| {
            to_py(&Error::Network(format!(
                "cannot create the completion socket: {e}"
            )))
        };
        let (reader, waker) = UnixStream::pair().map_err(io)?;
        waker.set_nonblocking(true).map_err(io)?;
        reader.set_nonblocking(true).map_err(io)?;
        let shared = CompletionQueue {
            items: Mutex::new(Vec::new()),
            scheduled: AtomicBool::new(false),
            waker,
        };
        Ok(Completions {
            shared: Arc::new(shared),
            reader: Mutex::new(Some(reader)),
        })
    }

    /// Hands the reading end's file descriptor to the caller, who then owns it (once).
    fn take_reader_fd(&self) -> PyResult<i32> {
        let reader = self.reader.lock().unwrap_or_else(|p| p.into_inner()).take();
        reader
            .map(IntoRawFd::into_raw_fd)
            .ok_or_else(|| to_py(&Error::invalid("reader", "the reader fd was already taken")))
    }

    /// Takes every finished call: `[(id, ok, payload_json)]`.
    fn drain(&self) -> Vec<(u64, bool, String)> {
        self.shared.scheduled.store(false, Ordering::Release);
        std::mem::take(&mut *self.shared.items.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Which entry point of the core a call uses.
#[derive(Clone, Copy)]
enum Mode {
    /// `call`: the result JSON.
    One,
    /// `call_all`: every page's items.
    All,
    /// `call_http`: `{status, headers, body_text, json}` (operations whose official SDK returns the
    /// HTTP response).
    Http,
}

async fn run(client: OpenTok, op: String, args: Value, mode: Mode) -> Result<String, Error> {
    let fut = async {
        match mode {
            Mode::All => opentok_core::call_all(&client, &op, args).await,
            Mode::One => opentok_core::call(&client, &op, args).await,
            Mode::Http => opentok_core::host::call_http(&client, &op, args).await,
        }
    };
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(r) => result_to_string(r),
        Err(_) => Err(Error::Decode(format!(
            "internal error while running `{op}`"
        ))),
    }
}

/// How often a blocking call wakes up to let Python handle signals (Ctrl-C).
const SIGNAL_SLICE: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs `fut` on the shared runtime with the GIL released, waking every [`SIGNAL_SLICE`] to run
/// Python's signal handlers: when one raises (KeyboardInterrupt), the future is dropped, which
/// aborts the request, and the exception is returned.
fn block_interruptible<F>(py: Python<'_>, fut: F) -> PyResult<Result<String, Error>>
where
    F: std::future::Future<Output = Result<String, Error>> + Send,
{
    let out = py.detach(move || {
        opentok_core::rt::block_on(async move {
            tokio::pin!(fut);
            loop {
                tokio::select! {
                    biased;
                    r = &mut fut => return Ok(r),
                    _ = tokio::time::sleep(SIGNAL_SLICE) => {
                        Python::attach(|py| py.check_signals())?;
                    }
                }
            }
        })
    });
    match out {
        Ok(r) => r,
        Err(e) => Ok(Err(e)),
    }
}

impl Client {
    fn blocking(&self, py: Python<'_>, op: &str, args_json: &str, mode: Mode) -> PyResult<String> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let client = self.inner.clone();
        let op = op.to_owned();
        block_interruptible(py, run(client, op, args, mode))?.map_err(|e| to_py(&e))
    }

    fn spawn_queued(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
        mode: Mode,
    ) -> PyResult<CallHandle> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let rt = opentok_core::rt::runtime().map_err(|e| to_py(&e))?;
        let client = self.inner.clone();
        let shared = queue.shared.clone();
        let task = rt.spawn(async move {
            let item = match run(client, op, args, mode).await {
                Ok(s) => (id, true, s),
                Err(e) => (id, false, e.to_json().to_string()),
            };
            shared.push(item);
        });
        Ok(CallHandle {
            abort: task.abort_handle(),
        })
    }
}

#[pymethods]
impl Client {
    /// Builds a client from the options JSON described in docs/bindings.md.
    #[new]
    fn new(options_json: &str) -> PyResult<Self> {
        let opts = parse_json("options", options_json).map_err(|e| to_py(&e))?;
        let inner = OpenTok::from_json(opts).map_err(|e| to_py(&e))?;
        Ok(Client { inner })
    }

    /// The base URL requests go to.
    #[getter]
    fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// The base URL with any credentials replaced by `***`.
    #[getter]
    fn display_url(&self) -> String {
        self.inner.display_url().to_owned()
    }

    /// The project id (api key or application id) used in paths.
    #[getter]
    fn project_id(&self) -> String {
        self.inner.credentials().project_id().to_owned()
    }

    /// Runs operation `op` with JSON arguments; blocks with the GIL released; returns JSON.
    fn call(&self, py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
        self.blocking(py, op, args_json, Mode::One)
    }

    /// Walks every page of a list operation; returns a JSON array of items.
    fn call_all(&self, py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
        self.blocking(py, op, args_json, Mode::All)
    }

    /// Runs `op` and returns the HTTP answer as JSON `{status, headers, body_text, json}`.
    fn call_http(&self, py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
        self.blocking(py, op, args_json, Mode::Http)
    }

    /// Starts `op` on the shared runtime; its result `(id, ok, payload)` is queued in `queue`
    /// (no GIL needed on completion). Returns a handle whose `abort()` cancels the request.
    fn submit(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
    ) -> PyResult<CallHandle> {
        self.spawn_queued(op, args_json, queue, id, Mode::One)
    }

    /// `call_http` started like `submit`.
    fn submit_http(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
    ) -> PyResult<CallHandle> {
        self.spawn_queued(op, args_json, queue, id, Mode::Http)
    }

    /// `call_all` started like `submit`.
    fn submit_all(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
    ) -> PyResult<CallHandle> {
        self.spawn_queued(op, args_json, queue, id, Mode::All)
    }

    // ---- host transport (issue 11): the core builds and reads, Python's HTTP stack sends ----

    /// The full request of `op` (no I/O): `{"method", "url", "headers": [(name, value)], "body": bytes | None}`.
    fn prepare<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        args_json: &str,
    ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let req = self.inner.prepare(op, args).map_err(|e| to_py(&e))?;
        let d = pyo3::types::PyDict::new(py);
        d.set_item("method", req.method)?;
        d.set_item("url", req.url)?;
        d.set_item("headers", req.headers)?;
        match req.body {
            Some(b) => d.set_item("body", pyo3::types::PyBytes::new(py, &b))?,
            None => d.set_item("body", py.None())?,
        }
        Ok(d)
    }

    /// Reads the host's answer to a prepared `op`: the result JSON as `call` (or, with `http`,
    /// `call_http`) returns it, or the NativeError the native transport raises.
    #[pyo3(signature = (op, args_json, status, headers, body, http=false))]
    fn finish(
        &self,
        op: &str,
        args_json: &str,
        status: u16,
        headers: Vec<(String, String)>,
        body: &[u8],
        http: bool,
    ) -> PyResult<String> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let out = if http {
            self.inner
                .finish_http(op, args, status, &headers, body)
                .map(|r| r.to_json())
        } else {
            self.inner.finish(op, args, status, &headers, body)
        };
        out.map(|v| v.to_string()).map_err(|e| to_py(&e))
    }

    /// Seconds to wait before retrying a failed attempt (`status` None for a network error), or
    /// None to give up: the client's retry policy, as the native transport applies it.
    #[pyo3(signature = (method, retry, status, retry_after, elapsed))]
    fn retry_delay(
        &self,
        method: &str,
        retry: u32,
        status: Option<u16>,
        retry_after: Option<String>,
        elapsed: f64,
    ) -> Option<f64> {
        let elapsed = std::time::Duration::try_from_secs_f64(elapsed.max(0.0)).unwrap_or_default();
        self.inner
            .retry_delay(method, retry, status, retry_after.as_deref(), elapsed)
            .map(|d| d.as_secs_f64())
    }

    /// The settings the host transport applies, as JSON (timeouts in seconds, proxy, user agent).
    fn host_settings(&self) -> String {
        self.inner.host_settings().to_json().to_string()
    }

    /// Mints a client token. `now` is the host clock (Unix seconds, `time.time()` as it is: the fraction
    /// is dropped here, which saves the wrapper an `int()` call); no I/O, GIL kept (µs).
    #[pyo3(signature = (session_id, role, expire_time, data, initial_layout_class_list, token_type, now, nonce=None))]
    #[allow(clippy::too_many_arguments)]
    fn generate_token(
        &self,
        session_id: &str,
        role: &str,
        expire_time: Option<i64>,
        data: Option<String>,
        initial_layout_class_list: Vec<String>,
        token_type: &str,
        now: f64,
        nonce: Option<u64>,
    ) -> PyResult<String> {
        if !now.is_finite() {
            return Err(to_py(&Error::invalid(
                "now",
                "must be a finite number of seconds",
            )));
        }
        #[allow(clippy::cast_possible_truncation)]
        let now = now.floor() as i64;
        let role: Role = role.parse().map_err(|e| to_py(&e))?;
        let token_type: TokenType = token_type.parse().map_err(|e| to_py(&e))?;
        let opts = TokenOptions {
            role,
            expire_time,
            data,
            initial_layout_class_list,
            token_type,
            // The official package's limits (data over 1000 characters, expiry over 30 days
            // refused) are the core's defaults.
            ..TokenOptions::default()
        };
        self.inner
            .generate_token_at(session_id, &opts, now, nonce)
            .map_err(|e| to_py(&e))
    }

    /// The REST auth header `(name, value)` for a request made now (a fresh JWT).
    fn auth_header(&self) -> PyResult<(String, String)> {
        self.inner
            .auth_header()
            .map(|(n, v)| (n.to_owned(), v.to_string()))
            .map_err(|e| to_py(&e))
    }

    fn __repr__(&self) -> String {
        format!(
            "<opentok._native.Client project_id={:?} api_url={:?}>",
            self.project_id(),
            self.inner.display_url()
        )
    }
}

/// The wire request of `op` for `args` (no I/O): JSON `{method, path, query, headers?, body}`.
#[pyfunction]
fn build_request(op: &str, args_json: &str, project_id: &str) -> PyResult<String> {
    let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
    opentok_core::build_request(op, args, project_id)
        .map(|r| r.to_json().to_string())
        .map_err(|e| to_py(&e))
}

/// Decodes a 2xx body of `op` into the result JSON (no I/O).
#[pyfunction]
fn decode_response(op: &str, args_json: &str, body: &[u8]) -> PyResult<String> {
    let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
    opentok_core::decode_response(op, args, body)
        .map(|v| v.to_string())
        .map_err(|e| to_py(&e))
}

/// The error JSON the core produces for a non-2xx answer (no I/O).
#[pyfunction]
#[pyo3(signature = (status, body, request_id=None, retry_after=None))]
fn error_from_response(
    status: u16,
    body: &[u8],
    request_id: Option<String>,
    retry_after: Option<u64>,
) -> String {
    opentok_core::transport::error_from_response(status, body, request_id, retry_after)
        .to_json()
        .to_string()
}

/// Decodes a session id into `(api_key, location, create_time)`.
#[pyfunction]
fn decode_session_id(session_id: &str) -> PyResult<(String, String, String)> {
    let i = opentok_core::session_id::decode(session_id).map_err(|e| to_py(&e))?;
    Ok((i.api_key, i.location, i.create_time))
}

/// `url` with any credentials (`user:pw@`) replaced by `***`, for `repr` and messages.
#[pyfunction]
fn display_url(url: &str) -> String {
    opentok_core::credentials::redact_url(url)
}

/// Names of every operation the core knows.
#[pyfunction]
fn operations() -> Vec<&'static str> {
    opentok_core::OPERATIONS.to_vec()
}

mod webhooks;

/// The module `opentok._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Client>()?;
    m.add_class::<CallHandle>()?;
    m.add_class::<Completions>()?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    m.add_function(wrap_pyfunction!(build_request, m)?)?;
    m.add_function(wrap_pyfunction!(decode_response, m)?)?;
    m.add_function(wrap_pyfunction!(error_from_response, m)?)?;
    m.add_function(wrap_pyfunction!(decode_session_id, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(display_url, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::parse_webhook, m)?)?;
    m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
