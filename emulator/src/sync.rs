//! Locking that survives a panicking handler.

use std::sync::{Mutex, MutexGuard};

/// Locks a mutex, ignoring poisoning (state stays usable after a panicking handler).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
