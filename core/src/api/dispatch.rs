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
use crate::client::OpenTok;
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

        /// Decodes a successful response body of operation `op` into the JSON every binding receives.
        pub fn decode_response(op: &str, args: Value, body: &[u8]) -> Result<Value> {
            match op {
                $(<$ty as Operation>::NAME => to_value(parse_args::<$ty>(args)?.decode(body)?),)*
                other => Err(unknown(other)),
            }
        }

        /// Executes operation `op` with JSON `args`, returning its output as JSON.
        pub async fn call(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
            match op {
                $(<$ty as Operation>::NAME => to_value(client.execute(&parse_args::<$ty>(args)?).await?),)*
                other => Err(unknown(other)),
            }
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

/// Walks every page of `list_archives`, `list_broadcasts` or `list_renders` and returns all items.
pub async fn call_all(client: &OpenTok, op: &str, args: Value) -> Result<Value> {
    match op {
        "list_archives" => to_value(client.list_all(parse_args::<ListArchives>(args)?).await?),
        "list_broadcasts" => to_value(client.list_all(parse_args::<ListBroadcasts>(args)?).await?),
        "list_renders" => to_value(client.list_all(parse_args::<ListRenders>(args)?).await?),
        other => Err(Error::invalid(
            "operation",
            format!("`{other}` is not a paged list operation"),
        )),
    }
}

fn unknown(op: &str) -> Error {
    Error::invalid("operation", format!("`{op}` is not an OpenTok operation"))
}

fn to_value(v: impl serde::Serialize) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::Decode(e.to_string()))
}
