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

/// Decodes JSON into `T`, reporting the path of the first mismatch.
pub(crate) fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let snippet: String = String::from_utf8_lossy(body).chars().take(120).collect();
        Error::Decode(format!("at `{path}`: {inner} (body starts: {snippet:?})"))
    })
}

/// One REST operation: its arguments are the struct, its wire form is [`Operation::request`].
pub trait Operation: Serialize + DeserializeOwned {
    /// Stable snake_case name used by bindings and test vectors (e.g. `"start_archive"`).
    const NAME: &'static str;
    /// What a successful call returns.
    type Output: Serialize;
    /// Validates the arguments and builds the request for the project (or application) `project_id`.
    fn request(&self, project_id: &str) -> Result<WireRequest>;
    /// Reads a successful (2xx) response body.
    fn decode(&self, body: &[u8]) -> Result<Self::Output>;
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
    pub(crate) fn build(self) -> Value {
        Value::Object(self.0)
    }
}
