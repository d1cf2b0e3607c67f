//! Ruby values (Symbols, Strings, Integers, Floats, Times, Arrays) to the core's Rust types.

use magnus::{prelude::*, Error, Float, Integer, RArray, RString, Ruby, Symbol, Value};
use opentok_core::TokenOptions;

use crate::errors::raise_invalid;

/// The text of a Symbol or String.
/// The official gem's token limits: data must be shorter than 1000 characters, the expiry
/// within 30 days.
pub(crate) fn ruby_token_options() -> TokenOptions {
    TokenOptions {
        max_data_chars: Some(999),
        ..TokenOptions::default()
    }
}

pub(crate) fn name_of(ruby: &Ruby, v: Value) -> Option<String> {
    let _ = ruby;
    if let Some(sym) = Symbol::from_value(v) {
        return sym.name().ok().map(|n| n.into_owned());
    }
    RString::from_value(v).and_then(|s| RString::to_string(s).ok())
}

/// `:expire_time` as Unix seconds: Integer, Float or Time; nil and 0 mean the default.
pub(crate) fn expiry(ruby: &Ruby, v: Value) -> Result<Option<i64>, Error> {
    let bad = || {
        raise_invalid(
            ruby,
            "expire_time",
            "must be an Integer (Unix seconds) or a Time",
        )
    };
    let range = || raise_invalid(ruby, "expire_time", "is out of range");
    let secs = if v.is_nil() {
        return Ok(None);
    } else if let Some(i) = Integer::from_value(v) {
        i.to_i64().map_err(|_| range())?
    } else if let Some(f) = Float::from_value(v) {
        let f = f.to_f64();
        if !f.is_finite() || f.abs() > 4.0e18 {
            return Err(range());
        }
        f as i64
    } else if v.is_kind_of(ruby.class_time()) {
        v.funcall::<_, _, i64>("to_i", ()).map_err(|_| range())?
    } else {
        return Err(bad());
    };
    Ok(if secs == 0 { None } else { Some(secs) })
}

/// `:initial_layout_class_list` as an Array of Strings/Symbols or one String.
pub(crate) fn layout_list(ruby: &Ruby, v: Value) -> Result<Vec<String>, Error> {
    let bad = || {
        raise_invalid(
            ruby,
            "initial_layout_class_list",
            "must be an Array of Strings or a String",
        )
    };
    if v.is_nil() {
        return Ok(Vec::new());
    }
    if let Some(one) = name_of(ruby, v) {
        return Ok(vec![one]);
    }
    let arr = RArray::from_value(v).ok_or_else(bad)?;
    let mut out = Vec::with_capacity(arr.len());
    for item in arr.into_iter() {
        out.push(name_of(ruby, item).ok_or_else(bad)?);
    }
    Ok(out)
}

/// Copies a Ruby string into Rust, rejecting invalid UTF-8 with an error naming the field.
pub(crate) fn unsafe_str(ruby: &Ruby, field: &str, s: &RString) -> Result<String, Error> {
    RString::to_string(*s).map_err(|_| raise_invalid(ruby, field, "is not valid UTF-8"))
}
