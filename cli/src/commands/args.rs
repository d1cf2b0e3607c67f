//! What a subcommand turns into — one core operation with snake_case JSON arguments — and the
//! options several areas share (layouts, paging, manual-mode stream changes).

use clap::Args;
use serde_json::{Map, Value};

/// One core operation to run.
pub struct Call {
    /// Operation name.
    pub op: String,
    /// snake_case JSON arguments.
    pub args: Value,
    /// Walk every page (list operations only).
    pub all: bool,
    /// Mint a moderator token into `token` when the user gave none.
    pub mint_token: bool,
}

/// Builds a JSON object, leaving out absent options.
pub struct Obj(Map<String, Value>);

impl Obj {
    /// An empty object.
    pub fn new() -> Self {
        Obj(Map::new())
    }
    /// Sets `k`.
    pub fn put(mut self, k: &str, v: impl Into<Value>) -> Self {
        self.0.insert(k.to_owned(), v.into());
        self
    }
    /// Sets `k` when `v` is present.
    pub fn opt(self, k: &str, v: Option<impl Into<Value>>) -> Self {
        match v {
            Some(v) => self.put(k, v),
            None => self,
        }
    }
    /// Sets `k` to true when `b`.
    pub fn flag(self, k: &str, b: bool) -> Self {
        if b {
            self.put(k, true)
        } else {
            self
        }
    }
    /// Sets `k` when the list is not empty.
    pub fn list(self, k: &str, v: Vec<String>) -> Self {
        if v.is_empty() {
            self
        } else {
            self.put(k, v)
        }
    }
    /// The object.
    pub fn build(self) -> Value {
        Value::Object(self.0)
    }
}

pub(super) fn call(op: &str, args: Obj) -> Call {
    Call {
        op: op.to_owned(),
        args: args.build(),
        all: false,
        mint_token: false,
    }
}

pub(super) fn id(field: &str, v: String) -> Obj {
    Obj::new().put(field, v)
}

pub(super) fn paged(op: &str, page: PageOpts, extra: Obj) -> Call {
    let args = extra.opt("offset", page.offset).opt("count", page.count);
    Call {
        all: page.all,
        ..call(op, args)
    }
}

/// NAME=VALUE pairs as a JSON object (a pair without `=` gets an empty value; core checks names).
pub(super) fn pairs(v: Vec<String>) -> Option<Value> {
    if v.is_empty() {
        return None;
    }
    let mut m = Map::new();
    for p in v {
        let (k, val) = p.split_once('=').unwrap_or((p.as_str(), ""));
        m.insert(k.to_owned(), Value::String(val.to_owned()));
    }
    Some(Value::Object(m))
}

pub(super) fn with_token(c: Call) -> Call {
    let mint = c.args.get("token").is_none();
    Call {
        mint_token: mint,
        ..c
    }
}

/// `--layout TYPE [--stylesheet CSS] [--screenshare-type TYPE]`
#[derive(Args)]
pub struct LayoutOpts {
    /// Layout type: bestFit, pip, verticalPresentation, horizontalPresentation, focus or custom.
    #[arg(long, value_name = "TYPE")]
    pub(super) layout: Option<String>,
    /// CSS for the custom layout type.
    #[arg(long, value_name = "CSS")]
    pub(super) stylesheet: Option<String>,
    /// Layout type while a screen is shared (only with bestFit).
    #[arg(long, value_name = "TYPE")]
    pub(super) screenshare_type: Option<String>,
}

impl LayoutOpts {
    pub(super) fn to_value(&self) -> Option<Value> {
        if self.layout.is_none() && self.stylesheet.is_none() && self.screenshare_type.is_none() {
            return None;
        }
        Some(
            Obj::new()
                .opt("type", self.layout.clone())
                .opt("stylesheet", self.stylesheet.clone())
                .opt("screenshare_type", self.screenshare_type.clone())
                .build(),
        )
    }
}

/// `TYPE [--stylesheet CSS] [--screenshare-type TYPE]` for the layout subcommands.
#[derive(Args)]
pub struct SetLayoutOpts {
    /// Layout type: bestFit, pip, verticalPresentation, horizontalPresentation, focus or custom.
    #[arg(value_name = "TYPE")]
    pub(super) layout: String,
    /// CSS for the custom layout type.
    #[arg(long, value_name = "CSS")]
    pub(super) stylesheet: Option<String>,
    /// Layout type while a screen is shared (only with bestFit).
    #[arg(long, value_name = "TYPE")]
    pub(super) screenshare_type: Option<String>,
}

impl SetLayoutOpts {
    pub(super) fn to_value(&self) -> Value {
        Obj::new()
            .put("type", self.layout.clone())
            .opt("stylesheet", self.stylesheet.clone())
            .opt("screenshare_type", self.screenshare_type.clone())
            .build()
    }
}

/// Paging options of list subcommands.
#[derive(Args)]
pub struct PageOpts {
    /// Index of the first item.
    #[arg(long)]
    pub(super) offset: Option<i64>,
    /// Page size (at most 1000).
    #[arg(long)]
    pub(super) count: Option<i64>,
    /// Walk every page and print all items.
    #[arg(long)]
    pub(super) all: bool,
}

/// `add-stream ID STREAM_ID [--has-audio B] [--has-video B]`
#[derive(Args)]
pub struct AddStreamOpts {
    /// The stream to add.
    pub(super) stream_id: String,
    /// Include the stream's audio (default true).
    #[arg(long, value_name = "BOOL")]
    pub(super) has_audio: Option<bool>,
    /// Include the stream's video (default true).
    #[arg(long, value_name = "BOOL")]
    pub(super) has_video: Option<bool>,
}
