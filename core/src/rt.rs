//! The one tokio runtime a binding process shares (fork-safe), and blocking helpers.

use std::future::Future;
use std::sync::{Arc, Mutex};

use tokio::runtime::Runtime;

use crate::error::{Error, Result};

static RUNTIME: Mutex<Option<(u32, Arc<Runtime>)>> = Mutex::new(None);

/// The process-wide multi-thread runtime, created lazily; a forked child gets a fresh one.
pub fn runtime() -> Result<Arc<Runtime>> {
    let pid = std::process::id();
    let mut guard = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((owner, rt)) = guard.as_ref() {
        if *owner == pid {
            return Ok(rt.clone());
        }
        // Forked: the parent's worker threads do not exist here. Leak the old runtime.
        if let Some((_, old)) = guard.take() {
            std::mem::forget(old);
        }
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("opentok-rt")
        .enable_all()
        .build()
        .map_err(|e| Error::Network(format!("cannot start the async runtime: {e}")))?;
    let rt = Arc::new(rt);
    *guard = Some((pid, rt.clone()));
    Ok(rt)
}

/// Runs `fut` to completion on the shared runtime from a non-async thread.
///
/// Returns an error instead of panicking when called from inside a runtime.
pub fn block_on<F: Future>(fut: F) -> Result<F::Output> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::invalid(
            "runtime",
            "a blocking call was made from inside an async runtime; use the async API",
        ));
    }
    Ok(runtime()?.block_on(fut))
}
