//! Calling any operation by name with JSON arguments — the single entry point bindings use.

use serde_json::Value;

use super::archives::*;
use super::audio_connector::*;
use super::broadcasts::*;
use super::callbacks::*;
use super::captions::*;
use super::connections::*;
use super::moderation::*;
use super::renders::*;
use super::sessions::*;
use super::signals::*;
use super::sip::*;
use super::streams::*;
use crate::client::{OpenTok, Paged};
use crate::error::{Error, Result};
use crate::wire::{Operation, WireRequest};

/// Reads an operation's arguments from JSON, naming the offending field on error.
pub fn parse_args<O: serde::de::DeserializeOwned>(args: Value) -> Result<O> {
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    serde_path_to_error::deserialize(args).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        // serde names missing/unknown fields in the message rather than the path.
        let field = extract_backticked(&inner)
            .filter(|_| inner.starts_with("missing field") || inner.starts_with("unknown field"))
            .map(|f| {
                if path == "." {
                    f
                } else if path == f || path.ends_with(&format!(".{f}")) {
                    path.clone()
                } else {
                    format!("{path}.{f}")
                }
            })
            .unwrap_or(path);
        Error::invalid(field, inner)
    })
}

fn extract_backticked(s: &str) -> Option<String> {
    let start = s.find('`')? + 1;
    let end = s[start..].find('`')? + start;
    Some(s[start..end].to_owned())
}

macro_rules! operations {
    ($($ty:ty),* $(,)?) => {
        /// Names of every operation, in census order.
        pub const OPERATIONS: &[&str] = &[$(<$ty as Operation>::NAME),*];

        /// Builds the wire request of operation `op` for `args` (no I/O).
        pub fn build_request(op: &str, args: Value, project_id: &str) -> Result<WireRequest> {
            match op {
                $(<$ty as Operation>::NAME => parse_args::<$ty>(args)?.request(project_id),)*
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
                $(<$ty as Operation>::NAME => <$ty as Operation>::decode_raw(body),)*
                other => Err(unknown(other)),
            }
        }

        /// Executes operation `op` with JSON `args`, returning the service's answer as raw JSON
        /// (see [`decode_response`]).
        pub async fn call(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
            let req = build_request(op, args, client.credentials().project_id())?;
            let body = client.send(&req).await?;
            decode_response(op, Value::Null, &body)
        }
    };
}

operations!(
    CreateSession,
    StartArchive,
    StopArchive,
    GetArchive,
    ListArchives,
    DeleteArchive,
    SetArchiveLayout,
    AddArchiveStream,
    RemoveArchiveStream,
    StartBroadcast,
    StopBroadcast,
    GetBroadcast,
    ListBroadcasts,
    SetBroadcastLayout,
    AddBroadcastStream,
    RemoveBroadcastStream,
    GetStream,
    ListStreams,
    SetStreamClassLists,
    SetStreamClassList,
    ListConnections,
    SendSignal,
    ForceDisconnect,
    MuteStream,
    MuteAll,
    DisableForceMute,
    Dial,
    PlayDtmf,
    StartRender,
    GetRender,
    StopRender,
    ListRenders,
    ConnectAudio,
    StopAudioConnector,
    StartCaptions,
    StopCaptions,
    GetCaptions,
    RegisterCallback,
    ListCallbacks,
    UnregisterCallback,
);

/// Walks every page of `list_archives`, `list_broadcasts` or `list_renders` and returns all items
/// as one JSON array of the raw items (each as the service sent it).
pub async fn call_all(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
    match op {
        "list_archives" => raw_list_all(client, parse_args::<ListArchives>(args)?).await,
        "list_broadcasts" => raw_list_all(client, parse_args::<ListBroadcasts>(args)?).await,
        "list_renders" => raw_list_all(client, parse_args::<ListRenders>(args)?).await,
        other => Err(Error::invalid(
            "operation",
            format!("`{other}` is not a paged list operation"),
        )),
    }
}

/// The paging walk of [`OpenTok::list_all`] on raw pages: stops on an empty or short page, or once
/// `count` (the total) is reached.
async fn raw_list_all<O: Paged>(client: &OpenTok, mut op: O) -> Result<Value> {
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
