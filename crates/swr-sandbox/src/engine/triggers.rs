//! Triggers: on a matching push SWR updates a CCE/CCI workload to the new image.
//!
//! CCE is out of reach from the sandbox, so a firing records in the trigger's history the
//! update that would have been made, with result `success` — the history a user would see for
//! a workload that accepted the new image.

use crate::clock;
use crate::state::model::{Repo, Trigger, TriggerHistory};

/// Whether a push of `tag` fires `trigger` (enabled or not).
pub fn matches(trigger: &Trigger, tag: &str) -> bool {
    match trigger.trigger_type.as_str() {
        "all" => true,
        "tag" => trigger
            .condition
            .split(';')
            .map(str::trim)
            .any(|c| c == tag),
        "regular" => regex::Regex::new(&format!("^(?:{})$", trigger.condition))
            .is_ok_and(|re| re.is_match(tag)),
        _ => false,
    }
}

/// Fires every enabled trigger of `repo` that matches `tag`.
pub fn fire(repo: &mut Repo, tag: &str, registry_host: &str) {
    let image = format!("{registry_host}/{}/{}:{tag}", repo.namespace, repo.name);
    for trigger in repo.triggers.iter_mut().filter(|t| t.enable == "true") {
        if !matches(trigger, tag) {
            continue;
        }
        let containers = if trigger.container.is_empty() {
            "all containers".to_string()
        } else {
            format!("container {}", trigger.container)
        };
        let place = if trigger.trigger_mode == "cci" {
            format!("CCI namespace {}", trigger.cluster_ns)
        } else {
            format!(
                "cluster {} namespace {}",
                trigger.cluster_name, trigger.cluster_ns
            )
        };
        let detail = format!(
            "{} {}/{} in {place}: {containers} set to {image} (recorded by the sandbox; no cluster was contacted)",
            trigger.action, trigger.app_type, trigger.application
        );
        tracing::info!(trigger = %trigger.name, %tag, "trigger fired");
        trigger.history.push(TriggerHistory {
            tag: tag.to_string(),
            result: "success".into(),
            detail,
            created_at: clock::now_seconds(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(kind: &str, condition: &str) -> Trigger {
        Trigger {
            name: "t".into(),
            action: "update".into(),
            app_type: "deployments".into(),
            application: "web".into(),
            cluster_id: String::new(),
            cluster_name: "prod".into(),
            cluster_ns: "default".into(),
            condition: condition.into(),
            container: String::new(),
            enable: "true".into(),
            trigger_mode: "cce".into(),
            trigger_type: kind.into(),
            created_at: String::new(),
            creator_name: String::new(),
            history: Vec::new(),
        }
    }

    #[test]
    fn conditions_match_like_swr() {
        assert!(matches(&trigger("all", ".*"), "anything"));
        assert!(matches(&trigger("tag", "v1;v2"), "v2"));
        assert!(!matches(&trigger("tag", "v1;v2"), "v3"));
        assert!(matches(&trigger("regular", "release-.*"), "release-7"));
        assert!(!matches(&trigger("regular", "release-.*"), "pre-release-7"));
        assert!(!matches(&trigger("regular", "("), "x"));
    }
}
