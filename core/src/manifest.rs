//! The operation manifest: one JSON document describing every operation (name, area, method, path
//! template, argument and result schemas), expanded from the operation table. Code generators read
//! it (`make check-generated`); `examples/manifest.rs` prints it.

use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use crate::api::{self, OperationInfo, OPERATION_TABLE};
use crate::wire::Operation;

/// Format version of the manifest document.
pub const MANIFEST_VERSION: u32 = 1;

/// Schemas land in the document's `schemas`: references read `{"$ref": "#/schemas/Name"}`.
const SCHEMAS_PATH: &str = "/schemas";

/// The manifest document:
/// `{"version": 1, "operations": [{name, area, method, path, args, result, paged_item}], "schemas": {…}}`.
///
/// Argument schemas name the snake_case arguments bindings send; result schemas the wire (camelCase)
/// members the service answers with. `result` is `null` where the answer is ignored (`()`).
pub fn manifest() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = SCHEMAS_PATH.into();
    let mut gen = settings.into_generator();
    let mut inline = Map::new();
    let mut operations = Vec::with_capacity(OPERATION_TABLE.len());
    for (info, types) in OPERATION_TABLE.iter().zip(op_types()) {
        let (args, result) = types(&mut gen, &mut inline);
        operations.push(row(info, args, result));
    }
    let mut schemas = gen.take_definitions(true);
    schemas.extend(inline);
    schemas.sort_keys();
    json!({
        "version": MANIFEST_VERSION,
        "operations": operations,
        "schemas": schemas,
    })
}

fn row(info: &OperationInfo, args: Option<String>, result: Option<String>) -> Value {
    json!({
        "name": info.name,
        "area": info.area,
        "method": info.method.as_str(),
        "path": info.path,
        "args": args,
        "result": result,
        "paged_item": info.paged_item,
    })
}

/// Adds `T`'s schema to the document and returns its name; `None` for `()`.
fn schema_name_of<T: JsonSchema>(
    gen: &mut SchemaGenerator,
    inline: &mut Map<String, Value>,
) -> Option<String> {
    let schema = gen.subschema_for::<T>();
    let value = schema.as_value();
    if let Some(r) = value.get("$ref").and_then(Value::as_str) {
        let prefix = format!("#{SCHEMAS_PATH}/");
        return Some(r.strip_prefix(&prefix).unwrap_or(r).to_owned());
    }
    if value.get("type").and_then(Value::as_str) == Some("null") {
        return None;
    }
    // An inline schema (a list, …): keep it under its own name.
    let name = T::schema_name().into_owned();
    inline.insert(name.clone(), value.clone());
    Some(name)
}

/// Names (and registers) the argument and result schemas of one operation.
type TypesOf =
    fn(&mut SchemaGenerator, &mut Map<String, Value>) -> (Option<String>, Option<String>);

/// `R` is the raw answer bindings receive: the operation's `Output`, unless the table names another.
fn types_of<O, R>(
    gen: &mut SchemaGenerator,
    inline: &mut Map<String, Value>,
) -> (Option<String>, Option<String>)
where
    O: Operation + JsonSchema,
    R: JsonSchema,
{
    (
        schema_name_of::<O>(gen, inline),
        schema_name_of::<R>(gen, inline),
    )
}

macro_rules! manifest_types {
    ($( $(#[$doc:meta])* $name:ident = $area:ident :: $ty:ident $(-> $raw:ident)? $([$item:ident])?,
        $method:ident $path:literal, $form:tt; )*) => {
        /// One schema function per row of [`OPERATION_TABLE`], in the same order.
        fn op_types() -> Vec<TypesOf> {
            vec![$(types_fn!($area, $ty $(, $raw)?)),*]
        }
    };
}

/// `types_of::<Type>`, or `types_of_raw::<Type, Raw>` for a row with `-> Raw`.
macro_rules! types_fn {
    ($area:ident, $ty:ident) => {
        types_of::<api::$area::$ty, <api::$area::$ty as Operation>::Output> as TypesOf
    };
    ($area:ident, $ty:ident, $raw:ident) => {
        types_of::<api::$area::$ty, api::$area::$raw> as TypesOf
    };
}

crate::api::with_operations!(manifest_types);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn every_operation_and_every_reference_is_described() {
        let doc = manifest();
        let ops = doc["operations"].as_array().unwrap();
        assert_eq!(ops.len(), crate::OPERATIONS.len());
        let schemas = doc["schemas"].as_object().unwrap();
        for op in ops {
            let args = op["args"].as_str().unwrap();
            assert!(schemas.contains_key(args), "{args}");
            if let Some(result) = op["result"].as_str() {
                assert!(schemas.contains_key(result), "{result}");
            }
        }
        let text = doc.to_string();
        for r in text.split("\"$ref\":\"").skip(1) {
            let target = r.split('"').next().unwrap();
            let name = target.strip_prefix("#/schemas/").expect(target);
            assert!(schemas.contains_key(name), "{target}");
        }
    }
}
