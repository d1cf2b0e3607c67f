//! The operation table's method and path templates are what the code sends: every request vector
//! (tests/vectors/requests.json) is built and checked against its operation's row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use opentok_core::api::{encode_id, OPERATION_TABLE};
use serde_json::Value;

fn requests() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/requests.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The argument `name` (snake_case) or its camelCase alias, as the vectors may give either.
fn arg<'a>(args: &'a Value, name: &str) -> Option<&'a Value> {
    let mut camel = String::new();
    let mut up = false;
    for c in name.chars() {
        if c == '_' {
            up = true;
        } else if up {
            camel.extend(c.to_uppercase());
            up = false;
        } else {
            camel.push(c);
        }
    }
    args.get(name)
        .or_else(|| args.get(&camel))
        .filter(|v| !v.is_null())
}

/// Fills the template's placeholders: `{project_id}` with the key, `{arg}` with that argument,
/// percent-encoded as ids are; an optional part `[…]` stays when its argument is given.
fn fill(template: &str, key: &str, args: &Value, case: &str) -> String {
    let mut t = template.to_owned();
    while let Some(start) = t.find('[') {
        let end = start + t[start..].find(']').expect("unclosed [");
        let part = &t[start + 1..end];
        let name = part
            .split('{')
            .nth(1)
            .and_then(|s| s.split('}').next())
            .expect("an optional part names its argument");
        let keep = if arg(args, name).is_some() {
            part.to_owned()
        } else {
            String::new()
        };
        t.replace_range(start..=end, &keep);
    }
    t.split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some("project_id") => key.to_owned(),
                Some(name) => {
                    let v = arg(args, name).and_then(Value::as_str).unwrap_or_else(|| {
                        panic!("{case}: no string argument `{name}` for {template}")
                    });
                    encode_id(v).into_owned()
                }
                None => seg.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn templates_match_the_requests_built() {
    let v = requests();
    let key = v["api_key"].as_str().unwrap();
    let mut checked = BTreeSet::new();
    for case in v["requests"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let op = case["op"].as_str().unwrap();
        let row = OPERATION_TABLE
            .iter()
            .find(|r| r.name == op)
            .unwrap_or_else(|| panic!("{name}: `{op}` is not in the table"));
        let req = opentok_core::build_request(op, case["args"].clone(), key)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(req.method, row.method, "{name}: method of {op}");
        assert_eq!(
            req.path,
            fill(row.path, key, &case["args"], name),
            "{name}: path of {op} against {}",
            row.path
        );
        checked.insert(op);
    }
    for row in OPERATION_TABLE {
        assert!(
            checked.contains(row.name),
            "no request vector checks {}",
            row.name
        );
    }
}

#[test]
fn the_table_is_the_operation_list() {
    let names: Vec<&str> = OPERATION_TABLE.iter().map(|r| r.name).collect();
    assert_eq!(names, opentok_core::OPERATIONS);
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len());
    let areas = [
        "sessions",
        "archives",
        "broadcasts",
        "streams",
        "connections",
        "moderation",
        "signals",
        "sip",
        "renders",
        "audio_connector",
        "captions",
        "callbacks",
    ];
    for row in OPERATION_TABLE {
        assert!(areas.contains(&row.area), "{}: area {}", row.name, row.area);
        assert!(row.path.starts_with('/'), "{}", row.name);
    }
    let paged: Vec<&str> = OPERATION_TABLE
        .iter()
        .filter(|r| r.paged_item.is_some())
        .map(|r| r.name)
        .collect();
    assert_eq!(paged, ["list_archives", "list_broadcasts", "list_renders"]);
}
