//! Running Rust work with Ruby's GVL released (the only `unsafe` FFI edge of the crate).
#![allow(unsafe_code)]

use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::null_mut;

struct Job<F, R> {
    work: Option<F>,
    result: Option<std::thread::Result<R>>,
}

unsafe extern "C" fn trampoline<F: FnOnce() -> R, R>(data: *mut c_void) -> *mut c_void {
    // SAFETY: `data` is the `Job` that `without_gvl` keeps alive on its stack for the whole call.
    let job = unsafe { &mut *data.cast::<Job<F, R>>() };
    if let Some(work) = job.work.take() {
        // No panic may unwind into Ruby's C frames.
        job.result = Some(catch_unwind(AssertUnwindSafe(work)));
    }
    null_mut()
}

/// Runs `work` without the GVL, so other Ruby threads run meanwhile. `work` must not touch any
/// Ruby object or API. A panic inside `work` is caught and returned as `Err`.
pub fn without_gvl<F: FnOnce() -> R, R>(work: F) -> std::thread::Result<R> {
    let mut job = Job {
        work: Some(work),
        result: None,
    };
    // SAFETY: the trampoline only touches `job`, which outlives the call; no unblocking function is
    // given, so Ruby waits for the work to finish (it is bounded by the client's timeouts).
    unsafe {
        rb_sys::rb_thread_call_without_gvl(
            Some(trampoline::<F, R>),
            (&mut job as *mut Job<F, R>).cast::<c_void>(),
            None,
            null_mut(),
        );
    }
    match job.result {
        Some(r) => r,
        None => Err(Box::new("the work did not run")),
    }
}
