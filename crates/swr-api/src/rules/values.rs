//! Values: descriptions, retention limits, share deadlines, permission levels, categories.

use std::time::SystemTime;

use time::OffsetDateTime;

use super::RuleViolation;
use crate::model::{Category, PermissionLevel, ShareDeadline};

/// Longest repository description, in characters.
pub const REPO_DESCRIPTION_MAX_CHARS: usize = 30_000;
/// Longest share description, in characters.
pub const SHARE_DESCRIPTION_MAX_CHARS: usize = 1_000;
/// Range of the "number of days" retention policy.
pub const RETENTION_DAYS: std::ops::RangeInclusive<i64> = 1..=365;
/// Range of the "number of tags" retention policy.
pub const RETENTION_TAG_COUNT: std::ops::RangeInclusive<i64> = 1..=1000;
/// Longest account name accepted as a share target.
pub const ACCESS_DOMAIN_MAX_CHARS: usize = 64;

fn check_length(
    field: &str,
    label_en: &str,
    label_zh: &str,
    value: &str,
    max: usize,
) -> Result<(), RuleViolation> {
    let len = value.chars().count();
    if len > max {
        let over = len - max;
        return Err(RuleViolation::custom(
            field,
            &format!("{field}.length"),
            value,
            format!("{label_en} can have at most {max} characters; shorten it by {over}."),
            format!("{label_zh}最多 {max} 个字符，请删减 {over} 个字符。"),
        ));
    }
    Ok(())
}

/// Checks a repository description (at most 30 000 characters; may be empty).
pub fn validate_repo_description(text: &str) -> Result<(), RuleViolation> {
    check_length(
        "description",
        "The image description",
        "镜像描述",
        text,
        REPO_DESCRIPTION_MAX_CHARS,
    )
}

/// Checks a share description (at most 1 000 characters; may be empty).
pub fn validate_share_description(text: &str) -> Result<(), RuleViolation> {
    check_length(
        "share_description",
        "The sharing description",
        "共享描述",
        text,
        SHARE_DESCRIPTION_MAX_CHARS,
    )
}

fn check_range(
    field: &str,
    label_en: &str,
    label_zh: &str,
    value: i64,
    range: &std::ops::RangeInclusive<i64>,
) -> Result<u32, RuleViolation> {
    let (lo, hi) = (*range.start(), *range.end());
    if range.contains(&value) {
        return u32::try_from(value).map_err(|_| {
            RuleViolation::custom(
                field,
                &format!("{field}.range"),
                "",
                "out of range",
                "超出范围",
            )
        });
    }
    Err(RuleViolation::custom(
        field,
        &format!("{field}.range"),
        &value.to_string(),
        format!("{label_en} must be a whole number from {lo} to {hi}; {value} is not."),
        format!("{label_zh}必须是 {lo} 到 {hi} 之间的整数，{value} 不在范围内。"),
    ))
}

fn parse_whole(
    field: &str,
    label_en: &str,
    label_zh: &str,
    text: &str,
) -> Result<i64, RuleViolation> {
    text.trim().parse::<i64>().map_err(|_| {
        RuleViolation::custom(
            field,
            &format!("{field}.number"),
            text,
            format!("{label_en} must be a whole number, such as 30."),
            format!("{label_zh}必须是整数，例如 30。"),
        )
    })
}

const DAYS: (&str, &str, &str) = ("retention_days", "The number of days", "保留天数");
const TAGS: (&str, &str, &str) = ("retention_tag_count", "The number of tags", "保留版本数");

/// Checks the "keep tags pushed in the last N days" limit (1–365).
pub fn validate_retention_days(days: i64) -> Result<u32, RuleViolation> {
    check_range(DAYS.0, DAYS.1, DAYS.2, days, &RETENTION_DAYS)
}

/// Same as [`validate_retention_days`] for the string form sent on the wire (`"30"`).
pub fn validate_retention_days_text(text: &str) -> Result<u32, RuleViolation> {
    validate_retention_days(parse_whole(DAYS.0, DAYS.1, DAYS.2, text)?)
}

/// Checks the "keep the newest N tags" limit (1–1000).
pub fn validate_retention_tag_count(count: i64) -> Result<u32, RuleViolation> {
    check_range(TAGS.0, TAGS.1, TAGS.2, count, &RETENTION_TAG_COUNT)
}

/// Same as [`validate_retention_tag_count`] for the string form sent on the wire (`"10"`).
pub fn validate_retention_tag_count_text(text: &str) -> Result<u32, RuleViolation> {
    validate_retention_tag_count(parse_whole(TAGS.0, TAGS.1, TAGS.2, text)?)
}

/// Checks a share deadline: `forever`, or an RFC 3339 instant (e.g. `2030-01-01T00:00:00Z`)
/// that lies after `now`.
pub fn validate_share_deadline(
    text: &str,
    now: SystemTime,
) -> Result<ShareDeadline, RuleViolation> {
    let field = "deadline";
    let parsed = ShareDeadline::parse(text).ok_or_else(|| {
        RuleViolation::custom(
            field,
            "deadline.format",
            text,
            "The expiry must be 'forever' or a UTC time such as 2030-01-01T00:00:00Z.",
            "截止日期必须为“forever”（永久有效）或 UTC 时间，例如 2030-01-01T00:00:00Z。",
        )
    })?;
    if let ShareDeadline::Until(at) = parsed {
        if at <= OffsetDateTime::from(now) {
            return Err(RuleViolation::custom(
                field,
                "deadline.past",
                text,
                "The expiry is already in the past; pick a later date or 'forever'.",
                "截止日期已过，请选择更晚的日期或“永久有效”。",
            ));
        }
    }
    Ok(parsed)
}

/// Checks a permission level: 7 (manage), 3 (write) or 1 (read).
pub fn validate_permission_level(code: i64) -> Result<PermissionLevel, RuleViolation> {
    PermissionLevel::from_code(code).ok_or_else(|| {
        RuleViolation::custom(
            "auth",
            "permission.level",
            &code.to_string(),
            format!("Permission {code} does not exist; use 7 (manage), 3 (write) or 1 (read)."),
            format!("权限 {code} 不存在，请使用 7（管理）、3（编辑）或 1（只读）。"),
        )
    })
}

/// Checks a repository category against the eight values SWR knows.
pub fn validate_category(value: &str) -> Result<Category, RuleViolation> {
    Category::parse(value).ok_or_else(|| {
        let all = Category::ALL.map(Category::as_str).join(", ");
        RuleViolation::custom(
            "category",
            "category.unknown",
            value,
            format!("'{value}' is not a category; use one of {all}."),
            format!("“{value}”不是有效分类，请使用以下之一：{all}。"),
        )
    })
}

/// Checks the account name a repository is shared with: not empty, at most 64 characters,
/// no spaces or control characters. (SWR documents no stricter rule.)
pub fn validate_access_domain(name: &str) -> Result<(), RuleViolation> {
    let field = "access_domain";
    if name.is_empty() {
        return Err(RuleViolation::custom(
            field,
            "access_domain.required",
            name,
            "Enter the name of the account to share with.",
            "请输入共享目标账号名。",
        ));
    }
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(RuleViolation::custom(
            field,
            "access_domain.charset",
            name,
            "An account name has no spaces or control characters; check for stray whitespace.",
            "账号名不能包含空格或控制字符，请检查是否有多余的空白。",
        ));
    }
    check_length(
        field,
        "The account name",
        "账号名",
        name,
        ACCESS_DOMAIN_MAX_CHARS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn descriptions_have_their_own_limits() {
        assert!(validate_repo_description("").is_ok());
        assert!(validate_repo_description(&"字".repeat(30_000)).is_ok());
        let v = validate_repo_description(&"字".repeat(30_001)).unwrap_err();
        assert_eq!(v.rule, "description.length");
        assert!(v.message.en.contains("30000") && v.message.en.contains("by 1"));
        assert!(validate_share_description(&"x".repeat(1000)).is_ok());
        let v = validate_share_description(&"x".repeat(1005)).unwrap_err();
        assert_eq!(v.rule, "share_description.length");
        assert!(v.message.en.contains("by 5"));
        assert!(v.value.chars().count() <= 65);
    }

    #[test]
    fn retention_limits() {
        for ok in [1, 30, 365] {
            assert_eq!(validate_retention_days(ok), Ok(ok as u32));
        }
        for bad in [0, -1, 366, i64::MAX] {
            assert_eq!(
                validate_retention_days(bad).unwrap_err().rule,
                "retention_days.range"
            );
        }
        for ok in [1, 10, 1000] {
            assert_eq!(validate_retention_tag_count(ok), Ok(ok as u32));
        }
        for bad in [0, 1001] {
            let v = validate_retention_tag_count(bad).unwrap_err();
            assert_eq!(v.rule, "retention_tag_count.range");
            assert!(v.message.en.contains("1 to 1000"));
        }
        assert_eq!(validate_retention_days_text("30"), Ok(30));
        assert_eq!(validate_retention_tag_count_text(" 7 "), Ok(7));
        assert_eq!(
            validate_retention_days_text("thirty").unwrap_err().rule,
            "retention_days.number"
        );
        assert_eq!(
            validate_retention_days_text("1.5").unwrap_err().rule,
            "retention_days.number"
        );
        assert_eq!(
            validate_retention_tag_count_text("0").unwrap_err().rule,
            "retention_tag_count.range"
        );
    }

    #[test]
    fn share_deadlines() {
        // 2024-01-02T03:04:05Z
        let now = UNIX_EPOCH + Duration::from_secs(1_704_164_645);
        assert_eq!(
            validate_share_deadline("forever", now),
            Ok(ShareDeadline::Forever)
        );
        let d = validate_share_deadline("2030-01-01T00:00:00Z", now).unwrap();
        assert_eq!(d.to_wire(), "2030-01-01T00:00:00.000Z");
        assert_eq!(
            validate_share_deadline("2020-01-01T00:00:00.000Z", now)
                .unwrap_err()
                .rule,
            "deadline.past"
        );
        assert_eq!(
            validate_share_deadline("2024-01-02T03:04:05Z", now)
                .unwrap_err()
                .rule,
            "deadline.past"
        );
        for bad in ["", "never", "2030-01-01", "01/01/2030"] {
            assert_eq!(
                validate_share_deadline(bad, now).unwrap_err().rule,
                "deadline.format",
                "{bad}"
            );
        }
    }

    #[test]
    fn permission_levels_and_categories() {
        assert_eq!(validate_permission_level(7), Ok(PermissionLevel::Manage));
        assert_eq!(validate_permission_level(3), Ok(PermissionLevel::Write));
        assert_eq!(validate_permission_level(1), Ok(PermissionLevel::Read));
        for bad in [0, 2, 4, 5, 6, 8, -7] {
            let v = validate_permission_level(bad).unwrap_err();
            assert_eq!(v.rule, "permission.level");
            assert!(v.message.en.contains("7 (manage)"));
        }
        assert_eq!(validate_category("linux"), Ok(Category::Linux));
        assert_eq!(validate_category("app_server"), Ok(Category::AppServer));
        let v = validate_category("Linux").unwrap_err();
        assert_eq!(v.rule, "category.unknown");
        assert!(v.message.en.contains("framework_app"));
    }

    #[test]
    fn access_domains() {
        assert!(validate_access_domain("partner-account").is_ok());
        assert_eq!(
            validate_access_domain("").unwrap_err().rule,
            "access_domain.required"
        );
        assert_eq!(
            validate_access_domain("partner account").unwrap_err().rule,
            "access_domain.charset"
        );
        assert_eq!(
            validate_access_domain(&"a".repeat(65)).unwrap_err().rule,
            "access_domain.length"
        );
    }
}
