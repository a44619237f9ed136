//! Deserializers for values SWR sends in more than one form.
//!
//! Numbers that are documented as strings (`"30"`) sometimes arrive as numbers and vice versa,
//! and some fields arrive as `null`. These helpers accept both so one odd field never makes a
//! whole list unreadable.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// An optional integer given as a number or a numeric string; `null`/absent/empty → `None`.
pub fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An optional string given as a string or a number; `null`/absent/empty → `None`.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) if !s.is_empty() => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// A string that may be `null` (→ empty).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// A list that may be `null` (→ empty).
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A boolean given as `true`/`false` or as the strings `"true"`/`"false"`.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// An integer given as a number or numeric string; anything else → 0.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    opt_int(d).map(Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Default, Debug)]
    #[serde(default)]
    struct Probe {
        #[serde(deserialize_with = "super::opt_int")]
        a: Option<i64>,
        #[serde(deserialize_with = "super::text")]
        b: String,
        #[serde(deserialize_with = "super::flag")]
        c: bool,
        #[serde(deserialize_with = "super::int")]
        d: i64,
        #[serde(deserialize_with = "super::opt_text")]
        e: Option<String>,
    }

    #[test]
    fn accepts_both_forms_and_nulls() {
        let p: Probe =
            serde_json::from_str(r#"{"a":"12","b":null,"c":"true","d":7,"e":3}"#).unwrap();
        assert_eq!(
            (p.a, p.b.as_str(), p.c, p.d, p.e.as_deref()),
            (Some(12), "", true, 7, Some("3"))
        );
        let p: Probe = serde_json::from_str(r#"{"a":null,"c":false,"d":"x"}"#).unwrap();
        assert_eq!((p.a, p.c, p.d, p.e), (None, false, 0, None));
    }
}
