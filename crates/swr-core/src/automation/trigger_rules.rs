//! SWR's rules for a new trigger, checked before it is created and field by field while the
//! add form is filled in: its name, its condition for its type, and the workload it updates.

use swr_api::model::CreateTriggerRequest;
use swr_api::rules::{self, LocalizedText, RuleViolation};

use super::triggers;

/// Checks a new trigger against SWR's rules: its name, its condition for its type, and the
/// workload it updates. The first rule broken, as creating it reports.
pub fn check_trigger(t: &CreateTriggerRequest) -> Result<(), RuleViolation> {
    trigger_violations(t).into_iter().next().map_or(Ok(()), Err)
}

/// Every rule a new trigger breaks, at most one per field, for the form to show on its fields
/// as the user types; empty when SWR would take it.
pub fn trigger_violations(t: &CreateTriggerRequest) -> Vec<RuleViolation> {
    let mut found = Vec::new();
    let required = |field: &str, value: &str, en: &str, zh: &str| {
        if value.trim().is_empty() {
            Some(RuleViolation::custom(
                field,
                &format!("trigger.{field}"),
                value,
                en,
                zh,
            ))
        } else {
            None
        }
    };
    found.extend(rules::validate_trigger_name(&t.name).err());
    found.extend(match t.trigger_type.as_str() {
        "all" => None,
        "tag" => {
            let listed = triggers::listed_tags(&t.condition);
            required("condition", &listed.join(";"), "List at least one tag.", "请至少填写一个镜像版本。")
                .or_else(|| {
                    listed.iter().find_map(|tag| {
                        // One of several tags: the message says which.
                        rules::validate_tag(tag).err().map(|v| RuleViolation {
                            field: "condition".into(),
                            message: LocalizedText {
                                en: format!("{tag}: {}", v.message.en),
                                zh_cn: format!("{tag}：{}", v.message.zh_cn),
                            },
                            ..v
                        })
                    })
                })
        }
        "regular" => regex::Regex::new(&t.condition).err().map(|e| {
            RuleViolation::custom(
                "condition",
                "trigger.condition_regex",
                &t.condition,
                format!("This is not a regular expression: {e}"),
                format!("不是有效的正则表达式：{e}"),
            )
        }),
        other => Some(RuleViolation::custom(
            "triggerType",
            "trigger.type",
            other,
            "The condition is all tags ('all'), specific tags ('tag') or a regular expression ('regular').",
            "触发条件只能是全部版本（all）、指定版本（tag）或正则表达式（regular）。",
        )),
    });
    found.extend(match t.trigger_mode.as_str() {
        "cce" => required(
            "clusterName",
            &t.cluster_name,
            "Choose the CCE cluster.",
            "请选择 CCE 集群。",
        ),
        "cci" => None,
        other => Some(RuleViolation::custom(
            "triggerMode",
            "trigger.mode",
            other,
            "A trigger updates a CCE or a CCI workload.",
            "触发器只能更新 CCE 或 CCI 的工作负载。",
        )),
    });
    if !matches!(t.app_type.as_str(), "deployments" | "statefulsets") {
        found.push(RuleViolation::custom(
            "appType",
            "trigger.app_type",
            &t.app_type,
            "The workload is a deployment ('deployments') or a stateful set ('statefulsets').",
            "工作负载类型只能是无状态（deployments）或有状态（statefulsets）。",
        ));
    }
    found.extend(required(
        "clusterNs",
        &t.cluster_ns,
        "Enter the Kubernetes namespace.",
        "请输入命名空间。",
    ));
    found.extend(required(
        "application",
        &t.application,
        "Enter the workload's name.",
        "请输入工作负载名称。",
    ));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_checked_field_by_field() {
        let ok = CreateTriggerRequest {
            name: "deploy-web".into(),
            enable: true,
            action: "update".into(),
            trigger_mode: "cce".into(),
            trigger_type: "regular".into(),
            condition: "v[0-9]+".into(),
            app_type: "deployments".into(),
            application: "web".into(),
            cluster_id: "c1".into(),
            cluster_name: "prod".into(),
            cluster_ns: "default".into(),
            container: String::new(),
        };
        assert!(check_trigger(&ok).is_ok());
        let bad = |f: fn(&mut CreateTriggerRequest)| {
            let mut t = ok.clone();
            f(&mut t);
            check_trigger(&t).unwrap_err().field
        };
        assert_eq!(bad(|t| t.name = "1st".into()), "trigger_name");
        assert_eq!(bad(|t| t.condition = "(".into()), "condition");
        assert_eq!(
            bad(|t| {
                t.trigger_type = "tag".into();
                t.condition = "v1;bad tag".into();
            }),
            "condition"
        );
        let mut listed = ok.clone();
        listed.trigger_type = "tag".into();
        listed.condition = "v1;-rc".into();
        let message = check_trigger(&listed).unwrap_err().message;
        assert!(message.en.starts_with("-rc: "), "{}", message.en);
        assert!(message.zh_cn.starts_with("-rc："), "{}", message.zh_cn);
        assert_eq!(bad(|t| t.cluster_name.clear()), "clusterName");
        assert_eq!(bad(|t| t.app_type = "jobs".into()), "appType");
        assert_eq!(bad(|t| t.application = " ".into()), "application");
    }

    #[test]
    fn an_empty_trigger_form_names_every_field_it_lacks_at_once() {
        let empty = CreateTriggerRequest {
            name: String::new(),
            enable: true,
            action: "update".into(),
            trigger_mode: "cce".into(),
            trigger_type: "tag".into(),
            condition: " ; ".into(),
            app_type: "deployments".into(),
            application: String::new(),
            cluster_id: String::new(),
            cluster_name: String::new(),
            cluster_ns: String::new(),
            container: String::new(),
        };
        let fields: Vec<String> = trigger_violations(&empty)
            .into_iter()
            .map(|v| v.field)
            .collect();
        assert_eq!(
            fields,
            [
                "trigger_name",
                "condition",
                "clusterName",
                "clusterNs",
                "application"
            ]
        );
    }
}
