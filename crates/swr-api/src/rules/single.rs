//! One value at a time, by what it names: the entry point of forms that check a field as the
//! user types (an organization to sync to, a tag to test a trigger with, an account to share
//! with), so that they show the rule's own message instead of keeping a copy of the rule.

use serde::Deserialize;

use super::{
    validate_access_domain, validate_namespace, validate_repository, validate_tag,
    validate_trigger_name, RuleViolation,
};

/// What a checked value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ValueKind {
    /// An organization (namespace).
    Organization,
    /// An image (repository) inside an organization.
    Image,
    /// A docker tag.
    Tag,
    /// The name of a trigger.
    TriggerName,
    /// The account an image is shared with.
    ShareAccount,
}

/// The rule `value` breaks as a `kind`, or `None` when SWR would take it.
pub fn check_value(kind: ValueKind, value: &str) -> Option<RuleViolation> {
    let checked = match kind {
        ValueKind::Organization => validate_namespace(value),
        ValueKind::Image => validate_repository(value),
        ValueKind::Tag => validate_tag(value),
        ValueKind::TriggerName => validate_trigger_name(value),
        ValueKind::ShareAccount => validate_access_domain(value),
    };
    checked.err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_applies_its_own_rule() {
        // `Team_1` is a valid trigger name but not an organization (upper case) …
        assert_eq!(check_value(ValueKind::TriggerName, "Team_1"), None);
        let org = check_value(ValueKind::Organization, "Team_1").expect("upper case");
        assert_eq!(org.rule, "namespace.uppercase");
        assert_eq!(org.field, "namespace");
        // … and `library` is reserved for organizations only.
        assert_eq!(
            check_value(ValueKind::Organization, "library").map(|v| v.rule),
            Some("namespace.reserved".to_owned())
        );
        assert_eq!(check_value(ValueKind::Image, "library"), None);
        assert_eq!(
            check_value(ValueKind::Tag, "v1:2").map(|v| v.rule),
            Some("tag.charset".to_owned())
        );
        assert_eq!(
            check_value(ValueKind::ShareAccount, "bob smith").map(|v| v.rule),
            Some("access_domain.charset".to_owned())
        );
    }

    #[test]
    fn the_message_comes_in_both_languages() {
        let v = check_value(ValueKind::Organization, "").expect("empty");
        assert!(!v.message.en.is_empty() && !v.message.zh_cn.is_empty());
        assert_ne!(v.message.en, v.message.zh_cn);
    }

    #[test]
    fn kinds_are_named_as_the_ui_names_them() {
        let kind: ValueKind = serde_json::from_str("\"triggerName\"").expect("camelCase");
        assert_eq!(kind, ValueKind::TriggerName);
    }
}
