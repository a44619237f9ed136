//! The error every rule returns: which field, which rule, the offending value and a message in
//! each UI language.

use std::fmt;

/// A message in each language the console ships.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LocalizedText {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh_cn: String,
}

impl LocalizedText {
    /// Builds a message from its two translations.
    pub fn new(en: impl Into<String>, zh_cn: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh_cn: zh_cn.into(),
        }
    }
}

/// A value broke a rule. `Display` gives the English message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
#[error("{}", message.en)]
pub struct RuleViolation {
    /// The input field, e.g. `namespace`, `repository`, `tag`.
    pub field: String,
    /// Stable machine id of the rule, e.g. `namespace.length`; the UI may branch on it.
    pub rule: String,
    /// The offending value, cut to [`MAX_ECHOED_CHARS`] characters (with `…` when cut).
    pub value: String,
    /// What is wrong and how to fix it.
    pub message: LocalizedText,
}

/// How much of an offending value is echoed back.
pub const MAX_ECHOED_CHARS: usize = 64;

impl RuleViolation {
    /// Builds a violation: the field, the rule id, the value as entered (cut short when echoed)
    /// and the message in both languages. The naming rules here and the rules of other crates
    /// (an operation's values, a profile) build theirs the same way.
    pub fn custom(
        field: &str,
        rule: &str,
        value: &str,
        en: impl Into<String>,
        zh_cn: impl Into<String>,
    ) -> Self {
        Self {
            field: field.to_owned(),
            rule: rule.to_owned(),
            value: echo(value),
            message: LocalizedText::new(en, zh_cn),
        }
    }
}

fn echo(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(MAX_ECHOED_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Renders a character for a message: printable ones quoted, others as `U+XXXX`.
pub(crate) struct ShowChar(pub char);

impl fmt::Display for ShowChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_control() || self.0.is_whitespace() {
            write!(f, "U+{:04X}", u32::from(self.0))
        } else {
            write!(f, "'{}'", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_when_echoed() {
        let long = "a".repeat(100);
        let v = RuleViolation::custom("f", "f.r", &long, "en", "zh");
        assert_eq!(v.value.chars().count(), MAX_ECHOED_CHARS + 1);
        assert!(v.value.ends_with('…'));
        assert_eq!(
            RuleViolation::custom("f", "f.r", "short", "e", "z").value,
            "short"
        );
    }

    #[test]
    fn serializes_for_the_ui() {
        let v = RuleViolation::custom("tag", "tag.length", "x", "too long", "太长");
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["rule"], "tag.length");
        assert_eq!(json["message"]["zhCn"], "太长");
        assert_eq!(v.to_string(), "too long");
    }
}
