//! Printing results: pretty-printed JSON by default, a readable table or summary with `--pretty`.
//!
//! Writes ignore errors such as a closed pipe (`opentok archive list | head`) instead of panicking.

use std::io::Write;

use serde_json::Value;

/// Writes `text` and a newline to stdout, ignoring a closed pipe.
pub fn line(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.write_all(b"\n");
    let _ = out.flush();
}

/// Prints a result as JSON, or readably when `pretty`.
pub fn print(value: &Value, pretty: bool) {
    if pretty {
        line(render(value).trim_end());
    } else {
        line(&serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string()));
    }
}

/// The readable form of a result.
pub fn render(value: &Value) -> String {
    match value {
        Value::Null => "OK".to_owned(),
        Value::Array(items) => table(items),
        Value::Object(m) => match m.get("items") {
            Some(Value::Array(items)) => {
                let mut s = String::new();
                let header: Vec<String> = m
                    .iter()
                    .filter(|(k, v)| *k != "items" && !v.is_null())
                    .map(|(k, v)| format!("{k}: {}", cell(v)))
                    .collect();
                if !header.is_empty() {
                    s.push_str(&header.join("   "));
                    s.push('\n');
                }
                s.push_str(&table(items));
                s
            }
            _ => summary(m),
        },
        other => cell(other),
    }
}

/// One value as table text: strings bare, scalar arrays comma-joined, objects compact JSON.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            a.iter().map(cell).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    }
}

/// Keys shown first (results arrive with keys sorted alphabetically).
const FIRST: [&str; 9] = [
    "id",
    "sessionId",
    "session_id",
    "connectionId",
    "captionsId",
    "captionId",
    "operation",
    "status",
    "name",
];

fn rank(k: &str) -> usize {
    FIRST.iter().position(|f| *f == k).unwrap_or(FIRST.len())
}

fn summary(m: &serde_json::Map<String, Value>) -> String {
    let width = m.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut entries: Vec<(&String, &Value)> = m.iter().collect();
    entries.sort_by_key(|(k, _)| rank(k));
    let mut s = String::new();
    for (k, v) in entries {
        if v.is_null() || v.as_array().is_some_and(|a| a.is_empty()) {
            continue;
        }
        s.push_str(&format!("{k:<width$}  {}\n", cell(v)));
    }
    s
}

fn table(items: &[Value]) -> String {
    if items.is_empty() {
        return "(none)\n".to_owned();
    }
    if !items.iter().all(Value::is_object) {
        return items.iter().map(|v| cell(v) + "\n").collect();
    }
    // Columns: every key that has a value in some row, in order of first appearance.
    let mut cols: Vec<&str> = Vec::new();
    for it in items {
        if let Value::Object(m) = it {
            for (k, v) in m {
                let empty = v.is_null() || v.as_array().is_some_and(|a| a.is_empty());
                if !empty && !cols.contains(&k.as_str()) {
                    cols.push(k);
                }
            }
        }
    }
    cols.sort_by_key(|c| rank(c));
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|it| {
            cols.iter()
                .map(|c| it.get(*c).map(cell).unwrap_or_default())
                .collect()
        })
        .collect();
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([c.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fmt_row = |cells: Vec<String>| -> String {
        let mut line = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                line.push_str(c);
            } else {
                line.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        line.trim_end().to_owned() + "\n"
    };
    let mut s = fmt_row(cols.iter().map(|c| c.to_string()).collect());
    for r in rows {
        s.push_str(&fmt_row(r));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_pages_objects_and_null() {
        assert_eq!(render(&Value::Null), "OK");
        let page = json!({"count": 2, "items": [{"id": "a", "status": "started", "streams": []},
                                                {"id": "bb", "status": null, "size": 3}]});
        let t = render(&page);
        assert_eq!(
            t,
            "count: 2\nid  status   size\na   started\nbb           3\n"
        );
        let sorted = json!([{"createdAt": 1, "id": "a", "status": "x"}]);
        assert_eq!(render(&sorted), "id  status  createdAt\na   x       1\n");
        let obj = json!({"id": "x", "hasAudio": true, "url": null, "layoutClassList": ["a", "b"]});
        assert_eq!(
            render(&obj),
            "id               x\nhasAudio         true\nlayoutClassList  a,b\n"
        );
        assert_eq!(render(&json!([])), "(none)\n");
    }
}
