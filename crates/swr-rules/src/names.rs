//! Names: organizations, repositories (images), tags and triggers.
//!
//! Organization and repository names follow the separator grammar SWR documents: alphanumeric
//! runs joined by single separators, with `__` as the only doubled separator. Each check is
//! separate so the message can say exactly what to change.

use super::violation::{RuleViolation, ShowChar};

/// Grammar of a separator-joined name.
struct NameSpec {
    field: &'static str,
    label_en: &'static str,
    label_zh: &'static str,
    max_chars: usize,
    lowercase_only: bool,
    first_may_be_digit: bool,
    separators: &'static [char],
    /// Whether `__` is an allowed separator.
    double_underscore: bool,
    reserved: &'static [&'static str],
}

const NAMESPACE: NameSpec = NameSpec {
    field: "namespace",
    label_en: "Organization name",
    label_zh: "组织名称",
    max_chars: 64,
    lowercase_only: true,
    first_may_be_digit: false,
    separators: &['.', '_', '-'],
    double_underscore: true,
    reserved: &["library"],
};

const REPOSITORY: NameSpec = NameSpec {
    field: "repository",
    label_en: "Image name",
    label_zh: "镜像名称",
    max_chars: 128,
    lowercase_only: true,
    first_may_be_digit: true,
    separators: &['.', '_', '-', '/'],
    double_underscore: true,
    reserved: &[],
};

const TRIGGER: NameSpec = NameSpec {
    field: "trigger_name",
    label_en: "Trigger name",
    label_zh: "触发器名称",
    max_chars: 64,
    lowercase_only: false,
    first_may_be_digit: false,
    separators: &['_', '-'],
    double_underscore: false,
    reserved: &[],
};

/// Maximum length of a docker tag.
pub const TAG_MAX_CHARS: usize = 128;

/// Checks an organization (namespace) name: 1–64 characters; lower-case letters, digits and the
/// separators `.`, `_`, `__`, `-`; starts with a letter; ends with a letter or digit; separators
/// never adjacent; `library` is reserved.
pub fn validate_namespace(name: &str) -> Result<(), RuleViolation> {
    check_name(&NAMESPACE, name)
}

/// Checks a repository (image) name: 1–128 characters; lower-case letters, digits and the
/// separators `.`, `_`, `__`, `-`, `/`; starts with a letter or digit; ends with a letter or
/// digit; separators never adjacent.
pub fn validate_repository(name: &str) -> Result<(), RuleViolation> {
    check_name(&REPOSITORY, name)
}

/// Checks a trigger name: 1–64 characters; letters, digits, `_` and `-`; starts with a letter;
/// does not end with `_` or `-`; `_` and `-` never doubled or adjacent.
pub fn validate_trigger_name(name: &str) -> Result<(), RuleViolation> {
    check_name(&TRIGGER, name)
}

/// Checks a docker tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn validate_tag(tag: &str) -> Result<(), RuleViolation> {
    let v = |rule: &str, en: String, zh: String| RuleViolation::custom("tag", rule, tag, en, zh);
    if tag.is_empty() {
        return Err(v(
            "tag.required",
            "Enter a tag.".into(),
            "请输入镜像版本（tag）。".into(),
        ));
    }
    let len = tag.chars().count();
    if len > TAG_MAX_CHARS {
        return Err(v(
            "tag.length",
            format!("A tag can have at most {TAG_MAX_CHARS} characters; this one has {len}."),
            format!("镜像版本最多 {TAG_MAX_CHARS} 个字符，当前为 {len} 个。"),
        ));
    }
    if let Some(c) = tag
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Err(v(
            "tag.charset",
            format!(
                "A tag may only contain letters, digits, '_', '.' and '-'; remove {}.",
                ShowChar(c)
            ),
            format!(
                "镜像版本只能包含字母、数字、“_”、“.”和“-”，请删除 {}。",
                ShowChar(c)
            ),
        ));
    }
    if tag.starts_with(['.', '-']) {
        return Err(v(
            "tag.start",
            "A tag must start with a letter, a digit or '_'.".into(),
            "镜像版本必须以字母、数字或“_”开头。".into(),
        ));
    }
    Ok(())
}

fn check_name(spec: &NameSpec, name: &str) -> Result<(), RuleViolation> {
    let field = spec.field;
    let (l_en, l_zh) = (spec.label_en, spec.label_zh);
    let v = |rule: &str, en: String, zh: String| {
        RuleViolation::custom(field, &format!("{field}.{rule}"), name, en, zh)
    };
    if name.is_empty() {
        return Err(v(
            "required",
            format!("{l_en} is required."),
            format!("请输入{l_zh}。"),
        ));
    }
    let len = name.chars().count();
    if len > spec.max_chars {
        let max = spec.max_chars;
        return Err(v(
            "length",
            format!("{l_en} can have at most {max} characters; this one has {len}."),
            format!("{l_zh}最多 {max} 个字符，当前为 {len} 个。"),
        ));
    }
    let is_alnum = |c: char| {
        c.is_ascii_digit()
            || c.is_ascii_lowercase()
            || (!spec.lowercase_only && c.is_ascii_uppercase())
    };
    let is_sep = |c: char| spec.separators.contains(&c);
    let seps = spec
        .separators
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(" ");
    if spec.lowercase_only && name.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(v(
            "uppercase",
            format!(
                "{l_en} must be lower case; write '{}'.",
                name.to_ascii_lowercase()
            ),
            format!(
                "{l_zh}只能使用小写字母，请改为“{}”。",
                name.to_ascii_lowercase()
            ),
        ));
    }
    if let Some(c) = name.chars().find(|c| !is_alnum(*c) && !is_sep(*c)) {
        let letters_en = if spec.lowercase_only {
            "lower-case letters"
        } else {
            "letters"
        };
        let letters_zh = if spec.lowercase_only {
            "小写字母"
        } else {
            "字母"
        };
        return Err(v(
            "charset",
            format!(
                "{l_en} may only contain {letters_en}, digits and {seps}; remove {}.",
                ShowChar(c)
            ),
            format!(
                "{l_zh}只能包含{letters_zh}、数字和 {seps}，请删除 {}。",
                ShowChar(c)
            ),
        ));
    }
    let first = name.chars().next().unwrap_or_default();
    let starts_ok = if spec.first_may_be_digit {
        is_alnum(first)
    } else {
        is_alnum(first) && !first.is_ascii_digit()
    };
    if !starts_ok {
        let what_en = if spec.first_may_be_digit {
            "a letter or a digit"
        } else {
            "a letter"
        };
        let what_zh = if spec.first_may_be_digit {
            "字母或数字"
        } else {
            "字母"
        };
        return Err(v(
            "start",
            format!("{l_en} must start with {what_en}."),
            format!("{l_zh}必须以{what_zh}开头。"),
        ));
    }
    if name.ends_with(is_sep) {
        return Err(v(
            "end",
            format!("{l_en} must end with a letter or a digit."),
            format!("{l_zh}必须以字母或数字结尾。"),
        ));
    }
    check_separator_runs(spec, name, &is_sep).map_err(|(en, zh)| v("separator", en, zh))?;
    if spec.reserved.contains(&name) {
        return Err(v(
            "reserved",
            format!(
                "'{name}' is reserved by SWR; choose another {}.",
                l_en.to_lowercase()
            ),
            format!("“{name}”为系统保留名称，请使用其他{l_zh}。"),
        ));
    }
    Ok(())
}

/// Every run of separators must be a single separator, or `__` where allowed.
fn check_separator_runs(
    spec: &NameSpec,
    name: &str,
    is_sep: &impl Fn(char) -> bool,
) -> Result<(), (String, String)> {
    let (l_en, l_zh) = (spec.label_en, spec.label_zh);
    let chars: Vec<char> = name.chars().collect();
    for run in chars.split(|c| !is_sep(*c)).filter(|r| r.len() > 1) {
        let text: String = run.iter().collect();
        if spec.double_underscore && text == "__" {
            continue;
        }
        if run.iter().all(|c| *c == '_') && spec.double_underscore {
            return Err((
                format!("{l_en} may have at most two underscores in a row ('{text}')."),
                format!("{l_zh}中最多只能有两个连续的下划线（“{text}”）。"),
            ));
        }
        return Err((
            format!(
                "{l_en} cannot have separators next to each other ('{text}'); \
                 put a letter or digit between them."
            ),
            format!("{l_zh}中的分隔符不能相邻（“{text}”），请在其间加入字母或数字。"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(r: Result<(), RuleViolation>) -> String {
        r.err().map(|v| v.rule).unwrap_or_else(|| "ok".into())
    }

    #[test]
    fn namespace_accepts_documented_shapes() {
        for ok in [
            "a",
            "team-a",
            "team.a",
            "team_a",
            "team__a",
            "a1",
            "abc123def",
            "a.b_c-d__e",
            &"a".repeat(64),
        ] {
            assert_eq!(rule_of(validate_namespace(ok)), "ok", "{ok}");
        }
    }

    #[test]
    fn namespace_rejections_name_the_rule() {
        for (bad, rule) in [
            ("", "namespace.required"),
            (&"a".repeat(65) as &str, "namespace.length"),
            ("Team", "namespace.uppercase"),
            ("team a", "namespace.charset"),
            ("team/a", "namespace.charset"),
            ("团队", "namespace.charset"),
            ("1team", "namespace.start"),
            ("-team", "namespace.start"),
            ("_team", "namespace.start"),
            ("team-", "namespace.end"),
            ("team.", "namespace.end"),
            ("team___a", "namespace.separator"),
            ("team--a", "namespace.separator"),
            ("team..a", "namespace.separator"),
            ("team._a", "namespace.separator"),
            ("team-_a", "namespace.separator"),
            ("library", "namespace.reserved"),
        ] {
            assert_eq!(rule_of(validate_namespace(bad)), rule, "{bad:?}");
        }
    }

    #[test]
    fn namespace_messages_are_specific() {
        let v = validate_namespace("Team").unwrap_err();
        assert!(v.message.en.contains("'team'"), "{}", v.message.en);
        assert!(v.message.zh_cn.contains("team"));
        let v = validate_namespace("team a").unwrap_err();
        assert!(v.message.en.contains("U+0020"), "{}", v.message.en);
        let v = validate_namespace("a___b").unwrap_err();
        assert!(v.message.en.contains("two underscores"), "{}", v.message.en);
        let v = validate_namespace(&"x".repeat(70)).unwrap_err();
        assert!(v.message.en.contains("64") && v.message.en.contains("70"));
        assert_eq!(v.field, "namespace");
    }

    #[test]
    fn repository_accepts_paths_and_leading_digits() {
        for ok in [
            "nginx",
            "1app",
            "group/app",
            "a/b/c",
            "my-app.v2",
            "a__b/c_d",
            &"r".repeat(128),
        ] {
            assert_eq!(rule_of(validate_repository(ok)), "ok", "{ok}");
        }
        // `library` is only reserved as an organization name.
        assert_eq!(rule_of(validate_repository("library")), "ok");
    }

    #[test]
    fn repository_rejections_name_the_rule() {
        for (bad, rule) in [
            ("", "repository.required"),
            (&"r".repeat(129) as &str, "repository.length"),
            ("App", "repository.uppercase"),
            ("app:v1", "repository.charset"),
            ("app$x", "repository.charset"),
            ("/app", "repository.start"),
            ("app/", "repository.end"),
            ("group//app", "repository.separator"),
            ("group/-app", "repository.separator"),
            ("a___b", "repository.separator"),
        ] {
            assert_eq!(rule_of(validate_repository(bad)), rule, "{bad:?}");
        }
    }

    #[test]
    fn tags_follow_the_docker_grammar() {
        for ok in ["latest", "v1.2.3", "_x", "1.0-rc_1", "A", &"t".repeat(128)] {
            assert_eq!(rule_of(validate_tag(ok)), "ok", "{ok}");
        }
        for (bad, rule) in [
            ("", "tag.required"),
            (&"t".repeat(129) as &str, "tag.length"),
            (".hidden", "tag.start"),
            ("-x", "tag.start"),
            ("v1+build", "tag.charset"),
            ("v1/2", "tag.charset"),
            ("v 1", "tag.charset"),
            ("版本", "tag.charset"),
        ] {
            assert_eq!(rule_of(validate_tag(bad)), rule, "{bad:?}");
        }
    }

    #[test]
    fn trigger_names_follow_the_console_rule() {
        for ok in ["All_tags", "deploy-web", "a", "Deploy1", &"t".repeat(64)] {
            assert_eq!(rule_of(validate_trigger_name(ok)), "ok", "{ok}");
        }
        for (bad, rule) in [
            ("", "trigger_name.required"),
            (&"t".repeat(65) as &str, "trigger_name.length"),
            ("1deploy", "trigger_name.start"),
            ("_deploy", "trigger_name.start"),
            ("deploy_", "trigger_name.end"),
            ("deploy-", "trigger_name.end"),
            ("deploy__web", "trigger_name.separator"),
            ("deploy--web", "trigger_name.separator"),
            ("deploy_-web", "trigger_name.separator"),
            ("deploy.web", "trigger_name.charset"),
            ("部署", "trigger_name.charset"),
        ] {
            assert_eq!(rule_of(validate_trigger_name(bad)), rule, "{bad:?}");
        }
    }
}
