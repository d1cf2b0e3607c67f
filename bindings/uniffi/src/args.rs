//! Typed arguments -> the core's snake_case JSON arguments.

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::error::{arg_err, Res};
use crate::options::RenderProperties;

// ---------------------------------------------------------------------------------------------
// Argument building
// ---------------------------------------------------------------------------------------------

/// Drops `null` members recursively: core treats a missing key and `null` alike, and some of its
/// non-optional fields (`role`, `media_mode`, `e2ee`) only have a default when absent.
pub(crate) fn prune(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, prune(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).collect()),
        other => other,
    }
}

/// `record` as a JSON object, with `ids` members added in front. Absent options are not written
/// (`skip_serializing_if`), so the only `null`s sent are those a user put in an `extra` map.
pub(crate) fn args_with(ids: Value, record: &impl Serialize) -> Res<Value> {
    let rec = serde_json::to_value(record).map_err(|e| arg_err(&e))?;
    let mut out = match prune(ids) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    if let Value::Object(m) = rec {
        out.extend(m);
    }
    Ok(Value::Object(out))
}

pub(crate) fn args(v: Value) -> Res<Value> {
    Ok(prune(v))
}

pub(crate) fn render_args(session_id: String, token: String, p: &RenderProperties) -> Res<Value> {
    let mut v = args_with(json!({"session_id": session_id, "token": token}), p)?;
    if let (Some(name), Value::Object(m)) = (&p.name, &mut v) {
        // `extra` may carry a `properties` object of its own: the name joins it
        match m.get_mut("properties") {
            Some(Value::Object(props)) => {
                props.insert("name".into(), json!(name));
            }
            _ => {
                m.insert("properties".into(), json!({ "name": name }));
            }
        }
    }
    Ok(v)
}
