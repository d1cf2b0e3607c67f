//! The declarative shape of a REST call, built by pure code so exact bytes are testable.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// Upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// GET and DELETE are retried on transient failures; the others are not.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Delete)
    }
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// `application/json`.
    Json(Value),
    /// `application/x-www-form-urlencoded`, fields in order.
    Form(Vec<(String, String)>),
}

/// Everything that goes on the wire for one operation, except auth and transport headers.
#[derive(Debug, Clone, PartialEq)]
pub struct WireRequest {
    /// HTTP method.
    pub method: Method,
    /// Path below the base URL, starting with `/`.
    pub path: String,
    /// Query parameters, in order.
    pub query: Vec<(String, String)>,
    /// Body, if any.
    pub body: Option<Body>,
}

impl WireRequest {
    pub(crate) fn new(method: Method, path: String) -> Self {
        WireRequest {
            method,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    pub(crate) fn json(mut self, body: Value) -> Self {
        self.body = Some(Body::Json(body));
        self
    }

    pub(crate) fn query_opt(mut self, key: &str, v: Option<impl ToString>) -> Self {
        if let Some(v) = v {
            self.query.push((key.to_owned(), v.to_string()));
        }
        self
    }

    /// The language-neutral form used by `tests/vectors/requests.json`:
    /// `{"method", "path", "query": {k: v}, "body": <json> | {"form": {k: v}} | null}`.
    pub fn to_json(&self) -> Value {
        let query: Map<String, Value> = self
            .query
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        let body = match &self.body {
            None => Value::Null,
            Some(Body::Json(v)) => v.clone(),
            Some(Body::Form(f)) => {
                let m: Map<String, Value> = f
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect();
                serde_json::json!({ "form": m })
            }
        };
        serde_json::json!({ "method": self.method.as_str(), "path": self.path, "query": query, "body": body })
    }
}

/// Parses a response body as the service sent it: an empty body is `null`, duplicate keys resolve
/// last-wins (as Python's `json`, JavaScript's `JSON.parse` and Ruby's `JSON.parse` do), numbers stay
/// as sent. Only a body that is not JSON is an error.
pub fn raw_json(body: &[u8]) -> Result<Value> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(body).map_err(|e| {
        let snippet: String = String::from_utf8_lossy(body).chars().take(120).collect();
        Error::Decode(format!("{e} (body starts: {snippet:?})"))
    })
}

/// Reads a raw JSON value into `T`, reporting the path of the first mismatch.
pub(crate) fn from_raw<T: DeserializeOwned>(v: Value) -> Result<T> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        Error::Decode(format!("at `{path}`: {}", e.into_inner()))
    })
}

/// Decodes JSON into `T` through [`raw_json`] (so duplicate keys resolve last-wins instead of failing).
pub(crate) fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    from_raw(raw_json(body)?)
}

/// Reads an operation's arguments (or any options) from the JSON bindings send, naming the offending
/// field on error; `null` is an empty object.
pub fn parse_args<O: DeserializeOwned>(args: Value) -> Result<O> {
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

/// Lenient field readers for what users and the service really send.
pub mod lenient {
    use serde::{Deserialize, Deserializer};
    use serde_json::{Map, Number, Value};

    /// A known field given as `null` is treated as absent (its default).
    pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Default,
    {
        Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
    }

    fn int_of(n: &Number) -> i64 {
        // Integers stay exact; a float (integral or not) is truncated toward zero, saturating
        // (`5049.9` → 5049). The raw JSON path keeps the exact number for callers who need it.
        n.as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)))
            .unwrap_or_else(|| n.as_f64().map_or(0, |f| f as i64))
    }

    /// An optional integer that may arrive as a float.
    pub fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Ok(Option::<Number>::deserialize(d)?.as_ref().map(int_of))
    }

    /// An integer that may arrive as a float; `null`/absent is 0.
    pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        Ok(opt_int(d)?.unwrap_or(0))
    }

    /// A list that may also arrive as an object keyed by id (`{"id1": {...}}`) or as `null`.
    /// Items of an object gain `"id": <key>` when they have no `id` of their own.
    pub fn list_or_map<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: serde::de::DeserializeOwned,
    {
        let items: Vec<Value> = match Option::<Value>::deserialize(d)? {
            None => Vec::new(),
            Some(Value::Array(a)) => a,
            Some(Value::Object(m)) => m
                .into_iter()
                .map(|(k, v)| match v {
                    Value::Object(mut o) => {
                        o.entry("id").or_insert(Value::String(k));
                        Value::Object(o)
                    }
                    other => other,
                })
                .collect(),
            Some(other) => vec![other],
        };
        items
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(serde::de::Error::custom))
            .collect()
    }

    /// Unknown keys of an argument object, sent as given.
    pub type Extra = Map<String, Value>;
}

/// One REST operation: its arguments are the struct, its wire form is [`Operation::request`].
pub trait Operation: Serialize + DeserializeOwned {
    /// Stable snake_case name used by bindings and test vectors (e.g. `"start_archive"`).
    const NAME: &'static str;
    /// What a successful call returns.
    type Output: Serialize;
    /// Validates the arguments and builds the request for the project (or application) `project_id`.
    fn request(&self, project_id: &str) -> Result<WireRequest>;
    /// Reads a successful (2xx) response body into the typed output.
    fn decode(&self, body: &[u8]) -> Result<Self::Output>;
    /// Reads a successful (2xx) response body as raw JSON: the service's answer as received
    /// (see [`raw_json`]); `null` for an empty body.
    fn decode_raw(body: &[u8]) -> Result<Value>
    where
        Self: Sized,
    {
        raw_json(body)
    }
}

/// A small builder for JSON objects that skips `None`s.
pub(crate) struct Obj(Map<String, Value>);

impl Obj {
    pub(crate) fn new() -> Self {
        Obj(Map::new())
    }
    pub(crate) fn put(mut self, k: &str, v: impl Serialize) -> Self {
        self.0
            .insert(k.to_owned(), serde_json::to_value(v).unwrap_or(Value::Null));
        self
    }
    pub(crate) fn opt(self, k: &str, v: Option<impl Serialize>) -> Self {
        match v {
            Some(v) => self.put(k, v),
            None => self,
        }
    }
    /// Adds the caller's unknown keys as given; a key the core already set wins.
    pub(crate) fn extra(mut self, extra: &Map<String, Value>) -> Self {
        for (k, v) in extra {
            self.0.entry(k.clone()).or_insert_with(|| v.clone());
        }
        self
    }
    pub(crate) fn build(self) -> Value {
        Value::Object(self.0)
    }
}
