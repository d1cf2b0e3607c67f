//! Reading the service's answer (as received) into what an operation returns: the core's result
//! records, read by the core's lenient reader (`opentok_core::record`), which never fails and keeps
//! in `extra` every member a record does not name or cannot represent exactly.

use opentok_core::api::sessions::{CreateSession, CreatedSessions};
use opentok_core::record::{kind, read_lenient, Record};
use serde_json::Value;

use crate::args::prune;
use crate::error::{arg_err, decode_err, Res};
use crate::types::SessionProperties;
use crate::Session;

/// What an operation returns, read from the service's JSON answer as received.
pub(crate) trait Answer: Sized {
    fn answer(v: Value) -> Res<Self>;
}

/// Operations without a result ignore whatever body the service sent.
impl Answer for () {
    fn answer(_: Value) -> Res<Self> {
        Ok(())
    }
}

/// A list answered as a JSON array (`list_callbacks`).
impl<T: Record> Answer for Vec<T> {
    fn answer(v: Value) -> Res<Self> {
        match v {
            Value::Array(a) => Ok(a.iter().map(read_lenient).collect()),
            other => Err(decode_err(format!(
                "expected a JSON array, got {}",
                kind(&other)
            ))),
        }
    }
}

/// Records answered as one JSON object: anything else is the only decode error left.
macro_rules! object_answers {
    ($($t:ty),*) => {$(
        impl Answer for $t {
            fn answer(v: Value) -> Res<Self> {
                if v.is_object() {
                    Ok(read_lenient(&v))
                } else {
                    Err(decode_err(format!("expected a JSON object, got {}", kind(&v))))
                }
            }
        }
    )*};
}

object_answers!(
    crate::Archive,
    crate::ArchiveList,
    crate::Broadcast,
    crate::BroadcastList,
    crate::StreamInfo,
    crate::StreamList,
    crate::ConnectionList,
    crate::SipCall,
    crate::Render,
    crate::RenderList,
    crate::AudioConnection,
    crate::Captions,
    crate::CaptionStatus,
    crate::ProjectCallback
);

/// The created session: its id from the answer (`[{"session_id": …}]`), its settings from the
/// properties it was created with (as the official SDKs do; the core's `CreateSession`). An answer
/// without a session id is the one decode error, as in the Java SDK.
pub(crate) fn session_answer(p: &SessionProperties, v: Value) -> Res<Session> {
    let args = prune(serde_json::to_value(p).map_err(|e| arg_err(&e))?);
    let op: CreateSession = opentok_core::wire::parse_args(args)?;
    let v = if v.is_object() {
        Value::Array(vec![v])
    } else {
        v
    };
    let created: CreatedSessions = serde_json::from_value(v)
        .map_err(|e| decode_err(format!("the create-session answer holds no session ({e})")))?;
    if created.0.first().is_some_and(|s| s.session_id.is_empty()) {
        return Err(decode_err("the create-session answer has no session_id"));
    }
    Ok(op.session_from(created)?)
}
