//! The [`Field`] readers: how each field type of a result record is read from its member.

use serde_json::Value;

use super::{join, kind, present, Field, Outcome, Record};

impl Field for Option<String> {
    fn field(v: Option<&Value>, _: &str, _: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::String(s)) => Outcome::Exact(Some(s.clone())),
            // ids are numbers in some answers (project ids): their JSON text is exact
            Some(n @ (Value::Number(_) | Value::Bool(_))) => Outcome::Exact(Some(n.to_string())),
            Some(_) => Outcome::Unfit("a string"),
        }
    }
}

/// A required string (an id): absent is [`Outcome::Missing`].
impl Field for String {
    fn field(v: Option<&Value>, path: &str, problems: &mut Vec<String>) -> Outcome<Self> {
        match Option::<String>::field(v, path, problems) {
            Outcome::Exact(None) => Outcome::Missing,
            Outcome::Exact(Some(s)) => Outcome::Exact(s),
            Outcome::Lossy(s) => Outcome::Lossy(s.unwrap_or_default()),
            Outcome::Missing => Outcome::Missing,
            Outcome::Unfit(w) => Outcome::Unfit(w),
        }
    }
}

impl Field for Option<i64> {
    fn field(v: Option<&Value>, _: &str, _: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::Number(n)) => {
                if let Some(i) = n.as_i64() {
                    Outcome::Exact(Some(i))
                } else if let Some(f) = n.as_f64().filter(|f| f.is_finite()) {
                    let t = f.trunc();
                    // `as` saturates at the i64 bounds; anything that far out is not exact either
                    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
                    let i = t as i64;
                    #[allow(clippy::cast_precision_loss, clippy::float_cmp)]
                    let exact = t == f && (i as f64) == t;
                    if exact {
                        Outcome::Exact(Some(i))
                    } else {
                        Outcome::Lossy(Some(i))
                    }
                } else {
                    Outcome::Unfit("an integer")
                }
            }
            Some(Value::String(s)) => match s.trim().parse::<i64>() {
                Ok(i) => Outcome::Exact(Some(i)),
                Err(_) => Outcome::Unfit("an integer"),
            },
            Some(_) => Outcome::Unfit("an integer"),
        }
    }
}

impl Field for Option<bool> {
    fn field(v: Option<&Value>, _: &str, _: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::Bool(b)) => Outcome::Exact(Some(*b)),
            Some(_) => Outcome::Unfit("a boolean"),
        }
    }
}

impl<T: Record> Field for Option<T> {
    fn field(v: Option<&Value>, path: &str, problems: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::Object(o)) => Outcome::Exact(Some(T::read(o, path, problems))),
            Some(_) => Outcome::Unfit("an object"),
        }
    }
}

fn item<T: Record>(v: &Value, path: &str, problems: &mut Vec<String>) -> T {
    match v {
        Value::Object(o) => T::read(o, path, problems),
        other => {
            problems.push(format!(
                "at `{path}`: expected an object, got {}",
                kind(other)
            ));
            T::default()
        }
    }
}

/// A list of records: a JSON array, or an object keyed by id (`broadcastUrls.rtmp` in some
/// answers), whose key becomes the item's `id` when the item has none.
impl<T: Record> Field for Option<Vec<T>> {
    fn field(v: Option<&Value>, path: &str, problems: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::Array(a)) => Outcome::Exact(Some(
                a.iter()
                    .enumerate()
                    .map(|(i, v)| item(v, &join(path, &i.to_string()), problems))
                    .collect(),
            )),
            Some(Value::Object(m)) => Outcome::Exact(Some(
                m.iter()
                    .map(|(k, v)| {
                        let here = join(path, k);
                        match v {
                            Value::Object(o) if !o.contains_key("id") => {
                                let mut o = o.clone();
                                o.insert("id".into(), Value::String(k.clone()));
                                T::read(&o, &here, problems)
                            }
                            other => item(other, &here, problems),
                        }
                    })
                    .collect(),
            )),
            Some(_) => Outcome::Unfit("a list"),
        }
    }
}

/// A list that is never `None` (a page's `items`): absent or `null` is empty.
impl<T: Record> Field for Vec<T> {
    fn field(v: Option<&Value>, path: &str, problems: &mut Vec<String>) -> Outcome<Self> {
        match Option::<Vec<T>>::field(v, path, problems) {
            Outcome::Exact(l) => Outcome::Exact(l.unwrap_or_default()),
            Outcome::Lossy(l) => Outcome::Lossy(l.unwrap_or_default()),
            Outcome::Missing => Outcome::Missing,
            Outcome::Unfit(w) => Outcome::Unfit(w),
        }
    }
}

/// A list of strings (`layoutClassList`); a non-string item makes it unrepresentable.
impl Field for Option<Vec<String>> {
    fn field(v: Option<&Value>, _: &str, _: &mut Vec<String>) -> Outcome<Self> {
        match present(v) {
            None => Outcome::Exact(None),
            Some(Value::Array(a)) => a
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .map_or(Outcome::Unfit("a list of strings"), |l| {
                    Outcome::Exact(Some(l))
                }),
            Some(_) => Outcome::Unfit("a list of strings"),
        }
    }
}
