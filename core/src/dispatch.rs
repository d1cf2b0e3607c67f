//! Calling any operation by name with JSON arguments — the single entry point bindings use.
//! Everything here expands from the operation table (`with_operations!` in `core/src/api/mod.rs`).

use serde_json::Value;

use crate::api::{self, Paged};
use crate::client::OpenTok;
use crate::error::{Error, Result};
use crate::wire::{parse_args, Operation, WireRequest};

macro_rules! dispatcher {
    ($( $(#[$doc:meta])* $name:ident = $area:ident :: $ty:ident $(-> $raw:ident)? $([$item:ident])?,
        $method:ident $path:literal, $form:tt; )*) => {
        /// Names of every operation, in census order.
        pub const OPERATIONS: &[&str] = &[$(<api::$area::$ty as Operation>::NAME),*];

        /// Builds the wire request of operation `op` for `args` (no I/O).
        pub fn build_request(op: &str, args: Value, project_id: &str) -> Result<WireRequest> {
            match op {
                $(<api::$area::$ty as Operation>::NAME => {
                    parse_args::<api::$area::$ty>(args)?.request(project_id)
                })*
                other => Err(unknown(other)),
            }
        }

        /// Decodes a successful (2xx) response body of operation `op` into the JSON every binding
        /// receives: the service's answer as received (absent fields stay absent, unknown fields stay,
        /// duplicate keys resolve last-wins, numbers as sent); `null` for an empty body. The legacy
        /// XML answer of `create_session` becomes the JSON answer's shape. `args` is not needed and
        /// is ignored (kept for the bindings' signature).
        pub fn decode_response(op: &str, _args: Value, body: &[u8]) -> Result<Value> {
            match op {
                $(<api::$area::$ty as Operation>::NAME => {
                    <api::$area::$ty as Operation>::decode_raw(body)
                })*
                other => Err(unknown(other)),
            }
        }

        /// Walks every page of a paged list operation (`list_archives`, `list_broadcasts`,
        /// `list_renders`) and returns all items as one JSON array of the raw items (each as the
        /// service sent it).
        pub async fn call_all(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
            match op {
                $($(<api::$area::$ty as Operation>::NAME => {
                    raw_list_all::<api::$area::$ty, api::$area::$item>(client, parse_args(args)?).await
                })?)*
                other => Err(Error::invalid(
                    "operation",
                    format!("`{other}` is not a paged list operation"),
                )),
            }
        }
    };
}

crate::api::with_operations!(dispatcher);

/// Executes operation `op` with JSON `args`, returning the service's answer as raw JSON
/// (see [`decode_response`]).
pub async fn call(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
    let req = build_request(op, args, client.credentials().project_id())?;
    let body = client.send(&req).await?;
    decode_response(op, Value::Null, &body)
}

/// The paging walk of [`OpenTok::list_all`] on raw pages: stops on an empty or short page, or once
/// `count` (the total) is reached.
async fn raw_list_all<O: Paged<Item = I>, I>(client: &OpenTok, mut op: O) -> Result<Value> {
    let size = op.page_size().unwrap_or(1000);
    op.set_page(op.page_offset().unwrap_or(0), size);
    let mut all = Vec::new();
    loop {
        let req = client.build_request(&op)?;
        let page = O::decode_raw(&client.send(&req).await?)?;
        let total = page.get("count").and_then(Value::as_f64);
        let items = match page.get("items") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let n = items.len() as i64;
        all.extend(items);
        let next = op.page_offset().unwrap_or(0) + n;
        if n == 0 || n < size || total.is_some_and(|t| next as f64 >= t) {
            return Ok(Value::Array(all));
        }
        op.set_page(next, size);
    }
}

fn unknown(op: &str) -> Error {
    Error::invalid("operation", format!("`{op}` is not an OpenTok operation"))
}
