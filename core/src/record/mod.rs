//! Result records: how the core reads the service's JSON answers into typed structs, once, for Rust
//! users, the CLI and the Kotlin/Swift packages.
//!
//! Kotlin and Swift: with the `uniffi` feature, each record and enum declared here also exports a
//! macro (`opentok_core::<name>_ffi!()`) that the binding crate `bindings/uniffi` expands into
//! `#[uniffi::remote(Record)]` / `#[uniffi::remote(Enum)]` of the core's type: the fields are
//! written once, here, and the compiler rejects any mismatch. (The records are declared in the
//! binding's UniFFI namespace rather than a namespace of the core's own so that the generated
//! Kotlin classes stay `com.opentokrs.ffi.Archive` & co., which Java callers import directly.)
//!
//! Reading is lenient: a field that is absent or `null` stays `None` (lists too), an integer given
//! as a float or as a numeric string is read (a fraction is truncated toward zero, as Jackson does
//! for the Java SDK), a number where text is expected is read as its JSON text, and a list may
//! also arrive as an object keyed by id (`broadcastUrls.rtmp`), whose key becomes the item's `id`.
//! Every member a record does not name — and every named member whose value could not be
//! represented exactly (a truncated float, a value of another type) — is kept in the record's
//! `extra` map as received.
//!
//! Two policies share that one reader: [`read_lenient`] never fails (the Kotlin/Swift records),
//! while the records' `Deserialize` (the Rust typed API, [`crate::Operation::decode`]) fails with
//! a decode error when a named member has a value of another type or a required member is absent.

use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The `uniffi` the exported declarations are made with (the core pins its version).
#[cfg(feature = "uniffi")]
#[doc(hidden)]
pub use uniffi as __uniffi;

/// Members of a JSON object as received (JSON name -> value). Kotlin and Swift see it as a map of
/// JSON name -> the value as JSON text (`"\"text\""`, `"42"`, `"{\"a\":1}"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct JsonMap(pub Map<String, Value>);

impl Deref for JsonMap {
    type Target = Map<String, Value>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for JsonMap {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Map<String, Value>> for JsonMap {
    fn from(m: Map<String, Value>) -> Self {
        JsonMap(m)
    }
}

impl JsonMap {
    /// The members as JSON text (what Kotlin and Swift see).
    pub fn to_text_map(&self) -> std::collections::HashMap<String, String> {
        self.0
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect()
    }

    /// Members from JSON text; a text that is not JSON is kept as a JSON string.
    pub fn from_text_map(m: std::collections::HashMap<String, String>) -> Self {
        JsonMap(
            m.into_iter()
                .map(|(k, t)| {
                    let v = serde_json::from_str(&t).unwrap_or(Value::String(t));
                    (k, v)
                })
                .collect(),
        )
    }
}

/// How one named member was read.
#[derive(Debug)]
pub enum Outcome<T> {
    /// Read exactly.
    Exact(T),
    /// Read with a loss (a fraction truncated): the member is kept in `extra` too.
    Lossy(T),
    /// Absent or `null` where a value is required.
    Missing,
    /// A value of a shape the field cannot hold: kept in `extra`.
    Unfit(&'static str),
}

/// A field type of a result record, read from the member of the answer.
pub trait Field: Sized + Default {
    /// Reads the field from the member (`None`: absent).
    fn field(v: Option<&Value>, path: &str, problems: &mut Vec<String>) -> Outcome<Self>;
}

/// A result record read from a JSON object.
pub trait Record: Sized + Default {
    /// Reads the record from the members of an object; `problems` collects the members that could
    /// not be represented (with their path below `path`).
    fn read(m: &Map<String, Value>, path: &str, problems: &mut Vec<String>) -> Self;
}

/// Reads a record from an answer, never failing: a value that is not an object gives the record
/// with every field empty.
pub fn read_lenient<T: Record>(v: &Value) -> T {
    match v {
        Value::Object(m) => T::read(m, "", &mut Vec::new()),
        _ => T::default(),
    }
}

/// Reads a record from an answer, failing on the first member that could not be represented.
pub fn read_strict<T: Record>(v: &Value) -> std::result::Result<T, String> {
    let Value::Object(m) = v else {
        return Err(format!("expected a JSON object, got {}", kind(v)));
    };
    let mut problems = Vec::new();
    let r = T::read(m, "", &mut problems);
    match problems.into_iter().next() {
        None => Ok(r),
        Some(p) => Err(p),
    }
}

/// Deserializes a record with [`read_strict`] (the Rust typed API).
pub fn deserialize_strict<'de, D: Deserializer<'de>, T: Record>(
    d: D,
) -> std::result::Result<T, D::Error> {
    let v = Value::deserialize(d)?;
    read_strict(&v).map_err(serde::de::Error::custom)
}

/// What a JSON value is, for messages.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "no body",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_null())
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads one named member into `extra` when it cannot be represented exactly.
pub fn member<T: Field>(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    extra: &mut JsonMap,
    problems: &mut Vec<String>,
) -> T {
    let v = m.get(key);
    let here = join(path, key);
    match T::field(v, &here, problems) {
        Outcome::Exact(value) => value,
        Outcome::Lossy(value) => {
            if let Some(v) = v {
                extra.insert(key.to_owned(), v.clone());
            }
            value
        }
        Outcome::Missing => {
            problems.push(format!("missing field `{here}`"));
            T::default()
        }
        Outcome::Unfit(want) => {
            if let Some(v) = v {
                problems.push(format!("at `{here}`: expected {want}, got {}", kind(v)));
                extra.insert(key.to_owned(), v.clone());
            }
            T::default()
        }
    }
}

mod fields;
mod macros;

pub(crate) use macros::{ffi_export, page_record, result_record};

/// A page of a list answer (`{count, items}`) that [`crate::OpenTok::list_all`] can walk.
pub trait ListPage {
    /// Item type.
    type Item;
    /// The total across pages (`count`), when the answer has one.
    fn total(&self) -> Option<i64>;
    /// The items of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    result_record! {
        ffi probe_ffi;
        /// A test record.
        pub struct Probe {
            /// Id.
            id: String = "id",
            /// A number.
            n: Option<i64> = "n",
            /// Children.
            kids: Option<Vec<Probe>> = "kids",
        }
        added {
            /// Added later.
            late: Option<bool> = "late",
        }
    }

    #[test]
    fn lenient_keeps_what_it_cannot_represent() {
        let v = json!({"id": 7, "n": 1.5, "late": "x", "new": [1],
                       "kids": {"k": {"n": "3"}}});
        let p: Probe = read_lenient(&v);
        assert_eq!(p.id, "7");
        assert_eq!(p.n, Some(1));
        assert_eq!(p.extra["n"], json!(1.5));
        assert_eq!(p.extra["late"], json!("x"));
        assert_eq!(p.extra["new"], json!([1]));
        assert_eq!(p.late, None);
        let kids = p.kids.unwrap();
        assert_eq!(kids[0].id, "k");
        assert_eq!(kids[0].n, Some(3));
        assert!(read_strict::<Probe>(&v).is_err());
        assert!(read_strict::<Probe>(&json!({"n": 1})).is_err());
        assert!(read_strict::<Probe>(&json!({"id": "a", "n": 2.5})).is_ok());
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schemas_use_wire_names_and_stay_open() {
        let s = serde_json::to_value(schemars::schema_for!(crate::api::archives::ArchiveList))
            .unwrap_or_default();
        println!("{s:#}");
        assert!(s["properties"].get("count").is_some());
        assert!(s["properties"].get("total_count").is_none());
        let a = &s["$defs"]["Archive"];
        assert!(a["properties"].get("sessionId").is_some());
        assert!(a["properties"].get("partnerId").is_some());
        assert_ne!(a["additionalProperties"], serde_json::json!(false));
    }
}
