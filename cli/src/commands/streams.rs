//! `opentok stream …`: read a session's streams and set their layout classes.

use clap::Subcommand;
use serde_json::Value;

use super::args::{call, id, Call, Obj};

/// `opentok stream …`
#[derive(Subcommand)]
pub enum StreamCmd {
    /// Read one stream.
    Get {
        /// The session id.
        session_id: String,
        /// The stream id.
        stream_id: String,
    },
    /// List a session's streams.
    List {
        /// The session id.
        session_id: String,
    },
    /// Set the layout classes of several streams at once.
    Layout {
        /// The session id.
        session_id: String,
        /// STREAM_ID=class1,class2 (repeatable; `STREAM_ID=` clears the classes).
        #[arg(long = "stream", value_name = "STREAM_ID=CLASSES", required = true)]
        streams: Vec<String>,
    },
    /// Set one stream's layout classes (none clears them).
    SetClassList {
        /// The session id.
        session_id: String,
        /// The stream id.
        stream_id: String,
        /// The layout classes.
        classes: Vec<String>,
    },
}

pub(super) fn plan(s: StreamCmd) -> Call {
    match s {
        StreamCmd::Get {
            session_id,
            stream_id,
        } => call(
            "get_stream",
            id("session_id", session_id).put("stream_id", stream_id),
        ),
        StreamCmd::List { session_id } => call("list_streams", id("session_id", session_id)),
        StreamCmd::Layout {
            session_id,
            streams,
        } => {
            let items: Vec<Value> = streams
                .iter()
                .map(|s| {
                    let (sid, classes) = s.split_once('=').unwrap_or((s.as_str(), ""));
                    let classes: Vec<&str> = classes.split(',').filter(|c| !c.is_empty()).collect();
                    Obj::new()
                        .put("id", sid)
                        .put("layout_class_list", classes)
                        .build()
                })
                .collect();
            call(
                "set_stream_class_lists",
                id("session_id", session_id).put("items", items),
            )
        }
        StreamCmd::SetClassList {
            session_id,
            stream_id,
            classes,
        } => call(
            "set_stream_class_list",
            id("session_id", session_id)
                .put("stream_id", stream_id)
                .put("layout_class_list", classes),
        ),
    }
}
