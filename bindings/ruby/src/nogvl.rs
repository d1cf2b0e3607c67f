//! Running Rust work with Ruby's GVL released (the only `unsafe` FFI edge of the crate), with an
//! unblocking function so `Timeout.timeout`, `Thread#kill`, signals and exit end a call at once.
#![allow(unsafe_code)]

use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

/// Set by Ruby's unblocking function when the calling thread is interrupted.
#[derive(Default)]
pub struct Cancel {
    flag: AtomicBool,
    notify: Notify,
}

impl Cancel {
    /// Completes once Ruby asked the call to stop.
    pub async fn cancelled(&self) {
        if self.flag.load(Ordering::Acquire) {
            return;
        }
        self.notify.notified().await;
    }

    fn fire(&self) {
        self.flag.store(true, Ordering::Release);
        // Stores a permit when nobody waits yet, so a later `cancelled()` completes at once.
        self.notify.notify_one();
    }
}

struct Job<'a, F, R> {
    work: Option<F>,
    cancel: &'a Cancel,
    result: Option<std::thread::Result<R>>,
}

unsafe extern "C" fn trampoline<F: FnOnce(&Cancel) -> R, R>(data: *mut c_void) -> *mut c_void {
    // SAFETY: `data` is the `Job` that `without_gvl` keeps alive on its stack for the whole call.
    let job = unsafe { &mut *data.cast::<Job<'_, F, R>>() };
    if let Some(work) = job.work.take() {
        let cancel = job.cancel;
        // No panic may unwind into Ruby's C frames.
        job.result = Some(catch_unwind(AssertUnwindSafe(|| work(cancel))));
    }
    null_mut()
}

unsafe extern "C" fn unblock(data: *mut c_void) {
    // SAFETY: `data` is the `Cancel` that `without_gvl` keeps alive until the blocking region ends;
    // Ruby only calls this function while the region runs.
    let cancel = unsafe { &*data.cast::<Cancel>() };
    cancel.fire();
}

/// Runs `work` without the GVL, so other Ruby threads run meanwhile. `work` must not touch any
/// Ruby object or API; it should stop soon after `Cancel::cancelled` completes (Ruby calls the
/// unblocking function when the thread is interrupted). Returns `None` when Ruby had an interrupt
/// pending before `work` started (it did not run). A panic inside `work` is caught as `Err`.
/// Pending interrupts are not processed here: call [`check_interrupts`] afterwards.
pub fn without_gvl<F: FnOnce(&Cancel) -> R, R>(work: F) -> Option<std::thread::Result<R>> {
    let cancel = Cancel::default();
    let mut job = Job {
        work: Some(work),
        cancel: &cancel,
        result: None,
    };
    // SAFETY: the trampoline only touches `job`, and the unblocking function only `cancel`; both
    // outlive the call. The `2` variant never raises (no longjmp over these Rust frames).
    unsafe {
        rb_sys::rb_thread_call_without_gvl2(
            Some(trampoline::<F, R>),
            (&mut job as *mut Job<'_, F, R>).cast::<c_void>(),
            Some(unblock),
            (&cancel as *const Cancel).cast_mut().cast::<c_void>(),
        );
    }
    job.result
}

/// Runs Ruby's pending interrupts (Thread#raise from Timeout, Thread#kill, signal handlers) and
/// returns the exception they raise, if any, as an error magnus re-raises.
pub fn check_interrupts() -> Result<(), magnus::Error> {
    magnus::rb_sys::protect(|| {
        // SAFETY: called with the GVL held, from a method Ruby called; unwinding is caught by protect.
        unsafe { rb_sys::rb_thread_check_ints() };
        rb_sys::Qnil as rb_sys::VALUE
    })
    .map(|_| ())
}
