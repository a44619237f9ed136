//! A wrapper for values that must never be printed.
//!
//! Secret keys, login keys and temporary passwords travel through structs that derive `Debug`
//! and through error values that get logged. Wrapping them in [`Sensitive`] makes every such
//! print show `[redacted]`, so a forgotten `{:?}` cannot leak a credential. Reading the value
//! requires an explicit [`Sensitive::expose`], which is easy to spot in review.
//!
//! `Sensitive` deserializes transparently (a profile file or an IPC argument carries the plain
//! value inward) but deliberately does not implement `Serialize`: a secret never goes back out
//! through a serialized response by accident.

use std::fmt;

/// Text printed in place of a secret.
pub const REDACTED: &str = "[redacted]";

/// Holds a secret value; `Debug` and `Display` print [`REDACTED`].
#[derive(Clone, Default)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a secret.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// Borrows the secret. Call sites should be few and obvious.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the secret, giving up the protection.
    pub fn into_exposed(self) -> T {
        self.0
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: AsRef<[u8]>> PartialEq for Sensitive<T> {
    /// Constant-time comparison, so equality checks on secrets leak no timing information.
    fn eq(&self, other: &Self) -> bool {
        use subtle::ConstantTimeEq;
        self.0.as_ref().ct_eq(other.0.as_ref()).into()
    }
}

impl<T: AsRef<[u8]>> Eq for Sensitive<T> {}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)]
    struct Profile {
        ak: String,
        sk: Sensitive<String>,
    }

    #[test]
    fn debug_and_display_never_show_the_value() {
        let p = Profile {
            ak: "AKVISIBLE".into(),
            sk: Sensitive::new("super-secret-key".to_string()),
        };
        let debug = format!("{p:?}");
        assert!(debug.contains("AKVISIBLE"));
        assert!(!debug.contains("super-secret-key"));
        assert!(debug.contains(REDACTED));
        assert_eq!(p.sk.to_string(), REDACTED);
        assert_eq!(format!("{:#?}", p.sk), REDACTED);
    }

    #[test]
    fn expose_returns_the_value_and_clone_keeps_it() {
        let s = Sensitive::new("abc".to_string());
        let c = s.clone();
        assert_eq!(c.expose(), "abc");
        assert_eq!(s, c);
        assert_ne!(s, Sensitive::new("abd".to_string()));
        assert_eq!(s.into_exposed(), "abc");
    }

    #[test]
    fn deserializes_transparently() {
        let s: Sensitive<String> = serde_json::from_str("\"sk-value\"").unwrap();
        assert_eq!(s.expose(), "sk-value");
    }
}
