//! Retention (ageing) policies and their execution log.

use serde::{Deserialize, Serialize};

use super::lenient;

/// A retention policy (`Retention`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Retention {
    /// Policy id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Always `or`.
    #[serde(deserialize_with = "lenient::text")]
    pub algorithm: String,
    /// Rules.
    #[serde(deserialize_with = "lenient::list")]
    pub rules: Vec<RetentionRule>,
    /// Reserved.
    #[serde(deserialize_with = "lenient::text")]
    pub scope: String,
}

/// One rule: keep tags pushed within N days, or keep the newest N tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RetentionRule {
    /// `date_rule` or `tag_rule`.
    #[serde(deserialize_with = "lenient::text")]
    pub template: String,
    /// `{"days": "N"}` or `{"num": "N"}`; numbers as strings.
    pub params: RuleParams,
    /// Tags matching any selector are never removed.
    #[serde(deserialize_with = "lenient::list")]
    pub tag_selectors: Vec<TagSelector>,
}

/// Rule parameters; SWR sends the numbers as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RuleParams {
    /// Days to keep (for `date_rule`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_text"
    )]
    pub days: Option<String>,
    /// Tags to keep (for `tag_rule`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::opt_text"
    )]
    pub num: Option<String>,
}

/// An exception to a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TagSelector {
    /// `label` (exact tag) or `regexp`.
    #[serde(deserialize_with = "lenient::text")]
    pub kind: String,
    /// Tag name or regular expression.
    #[serde(deserialize_with = "lenient::text")]
    pub pattern: String,
}

impl TagSelector {
    /// Keep exactly this tag.
    pub fn label(tag: impl Into<String>) -> Self {
        Self {
            kind: "label".into(),
            pattern: tag.into(),
        }
    }

    /// Keep tags matching this regular expression.
    pub fn regexp(pattern: impl Into<String>) -> Self {
        Self {
            kind: "regexp".into(),
            pattern: pattern.into(),
        }
    }
}

impl RetentionRule {
    /// Keep tags pushed within the last `days` days (1–365).
    pub fn keep_days(days: u32, tag_selectors: Vec<TagSelector>) -> Self {
        Self {
            template: "date_rule".into(),
            params: RuleParams {
                days: Some(days.to_string()),
                num: None,
            },
            tag_selectors,
        }
    }

    /// Keep the newest `count` tags (1–1000).
    pub fn keep_newest(count: u32, tag_selectors: Vec<TagSelector>) -> Self {
        Self {
            template: "tag_rule".into(),
            params: RuleParams {
                days: None,
                num: Some(count.to_string()),
            },
            tag_selectors,
        }
    }
}

/// Body of `create_retention` / `update_retention`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RetentionBody<'a> {
    pub algorithm: &'a str,
    pub rules: &'a [RetentionRule],
}

/// `{"id": N}` answered by `create_retention`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CreatedId {
    #[serde(deserialize_with = "lenient::opt_int")]
    pub id: Option<i64>,
}

/// A tag removed by a retention policy (`RetentionLog`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RetentionLog {
    /// Record id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// When (UTC, possibly with microseconds).
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace: String,
    /// Repository.
    #[serde(deserialize_with = "lenient::text")]
    pub repo: String,
    /// Policy that ran.
    #[serde(deserialize_with = "lenient::int")]
    pub retention_id: i64,
    /// The rule, as JSON text.
    #[serde(deserialize_with = "lenient::text")]
    pub rule_type: String,
    /// Tag removed.
    #[serde(deserialize_with = "lenient::text")]
    pub tag: String,
}

impl RetentionLog {
    /// The rule that removed the tag, decoded from its JSON text.
    pub fn rule(&self) -> Option<RetentionRule> {
        serde_json::from_str(&self.rule_type).ok()
    }
}

/// Body of `list_retention_histories`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RetentionHistories {
    #[serde(deserialize_with = "lenient::list")]
    pub retention_log: Vec<RetentionLog>,
    #[serde(deserialize_with = "lenient::opt_int")]
    pub total: Option<i64>,
}
