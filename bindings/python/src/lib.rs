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

async fn run(client: OpenTok, op: String, args: Value, all: bool) -> Result<String, Error> {
    let fut = async {
        if all {
            opentok_core::call_all(&client, &op, args).await
        } else {
            opentok_core::call(&client, &op, args).await
        }
    };
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(r) => result_to_string(r),
        Err(_) => Err(Error::Decode(format!(
            "internal error while running `{op}`"
        ))),
    }
}

impl Client {
    fn blocking(&self, py: Python<'_>, op: &str, args_json: &str, all: bool) -> PyResult<String> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let client = self.inner.clone();
        let op = op.to_owned();
        py.detach(
            move || match opentok_core::rt::block_on(run(client, op, args, all)) {
                Ok(r) => r,
                Err(e) => Err(e),
            },
        )
        .map_err(|e| to_py(&e))
    }

    fn spawn_queued(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
        all: bool,
    ) -> PyResult<CallHandle> {
        let args = parse_json("args", args_json).map_err(|e| to_py(&e))?;
        let rt = opentok_core::rt::runtime().map_err(|e| to_py(&e))?;
        let client = self.inner.clone();
        let shared = queue.shared.clone();
        let task = rt.spawn(async move {
            let item = match run(client, op, args, all).await {
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

    /// The project id (api key or application id) used in paths.
    #[getter]
    fn project_id(&self) -> String {
        self.inner.credentials().project_id().to_owned()
    }

    /// Runs operation `op` with JSON arguments; blocks with the GIL released; returns JSON.
    fn call(&self, py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
        self.blocking(py, op, args_json, false)
    }

    /// Walks every page of a list operation; returns a JSON array of items.
    fn call_all(&self, py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
        self.blocking(py, op, args_json, true)
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
        self.spawn_queued(op, args_json, queue, id, false)
    }

    /// `call_all` started like `submit`.
    fn submit_all(
        &self,
        op: String,
        args_json: &str,
        queue: &Completions,
        id: u64,
    ) -> PyResult<CallHandle> {
        self.spawn_queued(op, args_json, queue, id, true)
    }

    /// Mints a client token. `now` is the host clock (Unix seconds); no I/O, GIL kept (µs).
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
        now: i64,
        nonce: Option<u64>,
    ) -> PyResult<String> {
        let role: Role = role.parse().map_err(|e| to_py(&e))?;
        let token_type: TokenType = token_type.parse().map_err(|e| to_py(&e))?;
        let opts = TokenOptions {
            role,
            expire_time,
            data,
            initial_layout_class_list,
            token_type,
        };
        self.inner
            .generate_token_at(session_id, &opts, now, nonce)
            .map_err(|e| to_py(&e))
    }

    fn __repr__(&self) -> String {
        format!(
            "<opentok._native.Client project_id={:?} api_url={:?}>",
            self.project_id(),
            self.api_url()
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

/// Names of every operation the core knows.
#[pyfunction]
fn operations() -> Vec<&'static str> {
    opentok_core::OPERATIONS.to_vec()
}

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
    m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
