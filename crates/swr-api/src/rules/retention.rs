//! A whole retention rule: its template, its count and its exception selectors.

use super::values::{validate_retention_days_text, validate_retention_tag_count_text};
use super::{validate_tag, RuleViolation};
use crate::model::RetentionRule;

/// Longest regular expression accepted in a selector; SWR documents none, this only keeps a
/// pasted blob from reaching the server.
pub const SELECTOR_PATTERN_MAX_CHARS: usize = 256;

/// Checks a retention rule: `date_rule` with `days` 1–365 or `tag_rule` with `num` 1–1000, and
/// selectors that are either an exact tag (`label`) or a valid regular expression (`regexp`).
pub fn validate_retention_rule(rule: &RetentionRule) -> Result<(), RuleViolation> {
    match rule.template.as_str() {
        "date_rule" => {
            validate_retention_days_text(rule.params.days.as_deref().unwrap_or(""))?;
        }
        "tag_rule" => {
            validate_retention_tag_count_text(rule.params.num.as_deref().unwrap_or(""))?;
        }
        other => {
            return Err(RuleViolation::custom(
                "template",
                "retention.template",
                other,
                "A retention rule keeps tags by age ('date_rule') or by count ('tag_rule').",
                "保留规则只能按天数（date_rule）或按版本数（tag_rule）保留。",
            ))
        }
    }
    for selector in &rule.tag_selectors {
        match selector.kind.as_str() {
            "label" => validate_tag(&selector.pattern).map_err(|v| RuleViolation {
                field: "tag_selectors".into(),
                ..v
            })?,
            "regexp" => validate_selector_regexp(&selector.pattern)?,
            other => return Err(RuleViolation::custom(
                "tag_selectors",
                "retention.selector_kind",
                other,
                "An exception is either an exact tag ('label') or a regular expression ('regexp').",
                "例外规则只能是精确版本（label）或正则表达式（regexp）。",
            )),
        }
    }
    Ok(())
}

fn validate_selector_regexp(pattern: &str) -> Result<(), RuleViolation> {
    let v = |rule: &str, en: String, zh: String| {
        RuleViolation::custom("tag_selectors", rule, pattern, en, zh)
    };
    if pattern.is_empty() {
        return Err(v(
            "retention.selector_empty",
            "Enter a regular expression for the exception.".into(),
            "请输入例外规则的正则表达式。".into(),
        ));
    }
    let len = pattern.chars().count();
    if len > SELECTOR_PATTERN_MAX_CHARS {
        return Err(v(
            "retention.selector_length",
            format!(
                "A regular expression can have at most {SELECTOR_PATTERN_MAX_CHARS} characters; this one has {len}."
            ),
            format!("正则表达式最多 {SELECTOR_PATTERN_MAX_CHARS} 个字符，当前为 {len} 个。"),
        ));
    }
    regex::Regex::new(pattern).map(drop).map_err(|e| {
        // The first line of regex's message names the problem; the rest is a drawing.
        let reason = e.to_string();
        let reason = reason
            .lines()
            .rev()
            .find(|l| l.starts_with("error:"))
            .unwrap_or("invalid syntax")
            .trim_start_matches("error:")
            .trim()
            .to_owned();
        v(
            "retention.selector_regexp",
            format!("'{pattern}' is not a valid regular expression: {reason}."),
            format!("“{pattern}”不是有效的正则表达式：{reason}。"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RuleParams, TagSelector};

    fn rule_of(r: Result<(), RuleViolation>) -> String {
        r.err().map(|v| v.rule).unwrap_or_else(|| "ok".into())
    }

    #[test]
    fn accepts_both_templates_with_selectors() {
        let r = RetentionRule::keep_days(
            30,
            vec![
                TagSelector::label("v1.0"),
                TagSelector::regexp("^release-.*$"),
            ],
        );
        assert_eq!(rule_of(validate_retention_rule(&r)), "ok");
        let r = RetentionRule::keep_newest(1000, vec![]);
        assert_eq!(rule_of(validate_retention_rule(&r)), "ok");
    }

    #[test]
    fn names_the_broken_part() {
        let bad_template = RetentionRule {
            template: "size_rule".into(),
            params: RuleParams::default(),
            tag_selectors: vec![],
        };
        let cases = [
            (bad_template, "retention.template"),
            (RetentionRule::keep_days(0, vec![]), "retention_days.range"),
            (
                RetentionRule::keep_newest(1001, vec![]),
                "retention_tag_count.range",
            ),
            (
                RetentionRule::keep_days(5, vec![TagSelector::regexp("(unclosed")]),
                "retention.selector_regexp",
            ),
            (
                RetentionRule::keep_days(5, vec![TagSelector::regexp("")]),
                "retention.selector_empty",
            ),
            (
                RetentionRule::keep_days(5, vec![TagSelector::label("bad tag")]),
                "tag.charset",
            ),
            (
                RetentionRule::keep_days(
                    5,
                    vec![TagSelector {
                        kind: "glob".into(),
                        pattern: "*".into(),
                    }],
                ),
                "retention.selector_kind",
            ),
        ];
        for (rule, expected) in cases {
            assert_eq!(
                rule_of(validate_retention_rule(&rule)),
                expected,
                "{rule:?}"
            );
        }
        let v = validate_retention_rule(&RetentionRule::keep_days(
            5,
            vec![TagSelector::regexp("(unclosed")],
        ))
        .unwrap_err();
        assert!(v.message.en.contains("unclosed"), "{}", v.message.en);
        assert!(!v.message.en.contains('\n'));
    }
}
