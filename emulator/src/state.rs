//! In-memory state of the emulated service.

use crate::auth::Verifier;
use crate::callbacks_delivery::Deliveries;
use crate::config::Config;
use crate::error::{ApiError, ApiResult};
use crate::model::Data;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};

pub use crate::sync::lock;

/// How many requests `/_emulator/requests` keeps (oldest dropped first).
pub const MAX_RECORDED_REQUESTS: usize = 10_000;

/// Shared server state.
pub type AppState = Arc<Shared>;

/// Everything the handlers share.
pub struct Shared {
    /// The configuration the server was started with.
    pub config: Config,
    /// JWT verifier built from the configuration.
    pub verifier: Verifier,
    /// Sessions, archives, … .
    pub data: Mutex<Data>,
    /// Pending injected faults.
    pub faults: Mutex<Vec<Fault>>,
    /// Fast path: false when no fault is pending.
    pub has_faults: AtomicBool,
    /// Next fault id.
    pub next_fault_id: AtomicU64,
    /// Requests received (non-admin), oldest first.
    pub requests: Mutex<VecDeque<Recorded>>,
    /// Callback deliveries (configuration, queues, log).
    pub deliveries: Deliveries,
}

/// An injected fault (see CONTRACT.md).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// Assigned id.
    #[serde(skip)]
    pub id: u64,
    /// Path prefix (default: any path).
    pub path: Option<String>,
    /// HTTP method (default: any).
    pub method: Option<String>,
    /// How many requests it applies to (default 1).
    pub count: Option<u64>,
    /// Status to answer with.
    pub status: Option<u16>,
    /// `Retry-After` seconds.
    pub retry_after: Option<u64>,
    /// Delay before answering.
    pub latency_ms: Option<u64>,
    /// Close the connection without a response.
    pub drop: Option<bool>,
    /// Answer 200 with a body that is not JSON.
    pub malformed: Option<bool>,
    /// Body to answer with (with `status`), byte for byte (duplicate keys, XML, anything).
    pub body: Option<String>,
    /// `Content-Type` of `body` (default: `application/json` when `body` parses as JSON,
    /// else `text/plain; charset=utf-8`).
    pub content_type: Option<String>,
    /// Extra response headers (with `status`).
    pub headers: Option<std::collections::BTreeMap<String, String>>,
}

/// A recorded request.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Raw query string (or empty).
    pub query: String,
    /// Headers (lowercased names; repeated headers joined with ", ").
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: bytes::Bytes,
}

impl Recorded {
    /// JSON form for `/_emulator/requests`.
    pub fn to_json(&self) -> Value {
        let mut headers = serde_json::Map::new();
        for (k, v) in &self.headers {
            match headers.get_mut(k) {
                Some(Value::String(existing)) => {
                    existing.push_str(", ");
                    existing.push_str(v);
                }
                _ => {
                    headers.insert(k.clone(), Value::String(v.clone()));
                }
            }
        }
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "body": String::from_utf8_lossy(&self.body),
        })
    }
}

/// Parses `offset`/`count` from a query (count ≤ 1000, default 50).
pub fn paging(query: &HashMap<String, String>) -> ApiResult<(usize, usize)> {
    let offset = match query.get("offset") {
        None => 0,
        Some(s) if s.is_empty() => 0,
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| ApiError::bad_request(format!("Invalid value for 'offset': {s}")))?,
    };
    let count = match query.get("count") {
        None => 50,
        Some(s) if s.is_empty() => 50,
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| ApiError::bad_request(format!("Invalid value for 'count': {s}")))?,
    };
    if count > 1000 {
        return Err(ApiError::bad_request(
            "Invalid value for 'count': must be at most 1000",
        ));
    }
    Ok((offset, count))
}

/// Builds `{count, items}` from newest-first items.
pub fn page(items: Vec<Value>, offset: usize, count: usize) -> Value {
    let total = items.len();
    let items: Vec<Value> = items.into_iter().skip(offset).take(count).collect();
    json!({ "count": total, "items": items })
}
