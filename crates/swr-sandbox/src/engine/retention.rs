//! Retention ("ageing") policies: which tags a policy removes, and removing them.
//!
//! A policy (`algorithm` `or`) removes a tag when any of its rules condemns it: `date_rule`
//! condemns tags pushed more than `days` days ago, `tag_rule` condemns all but the `num` most
//! recently pushed. Tags matching one of a rule's selectors (`label` exact name, `regexp`
//! whole-name regular expression) are exempt from that rule and are not counted by it. SWR
//! runs a policy when it is created or updated and after each push; every removal is logged.

use time::{Duration, OffsetDateTime};

use crate::app::SharedApp;
use crate::clock;
use crate::state::model::{Retention, RetentionLog, RetentionRule, Tag};

fn exempt(rule: &RetentionRule, tag: &str) -> bool {
    rule.tag_selectors.iter().any(|s| match s.kind.as_str() {
        "label" => s.pattern == tag,
        "regexp" => {
            regex::Regex::new(&format!("^(?:{})$", s.pattern)).is_ok_and(|re| re.is_match(tag))
        }
        _ => false,
    })
}

fn param(rule: &RetentionRule, key: &str) -> Option<i64> {
    rule.params.get(key).and_then(|v| v.trim().parse().ok())
}

/// The tags `policy` removes, each with the JSON text of the rule that removed it.
pub fn plan<'a>(
    policy: &Retention,
    tags: impl Iterator<Item = &'a Tag>,
    now: OffsetDateTime,
) -> Vec<(String, String)> {
    let mut newest_first: Vec<&Tag> = tags.collect();
    // Push times have one-second resolution; record ids break ties in push order.
    newest_first.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
    let mut doomed: Vec<(String, String)> = Vec::new();
    for rule in &policy.rules {
        let candidates = newest_first.iter().filter(|t| !exempt(rule, &t.name));
        let condemned: Vec<&str> = match rule.template.as_str() {
            // Out-of-range values are refused by the API; a policy that still carries one
            // (a hand-edited state file) removes nothing rather than everything.
            "date_rule" => match param(rule, "days").filter(|d| (1..=100_000).contains(d)) {
                Some(days) => {
                    let limit = now - Duration::days(days);
                    candidates
                        .filter(|t| clock::parse(&t.updated).is_some_and(|at| at < limit))
                        .map(|t| t.name.as_str())
                        .collect()
                }
                None => Vec::new(),
            },
            "tag_rule" => match param(rule, "num")
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| *n >= 1)
            {
                Some(num) => candidates.skip(num).map(|t| t.name.as_str()).collect(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        };
        let rule_text = serde_json::to_string(rule).unwrap_or_default();
        for name in condemned {
            if !doomed.iter().any(|(d, _)| d == name) {
                doomed.push((name.to_string(), rule_text.clone()));
            }
        }
    }
    doomed
}

/// Runs the repository's policy now, deleting tags through the registry.
pub async fn run(app: &SharedApp, namespace: &str, repository: &str) {
    let (policy_id, doomed) = {
        let db = app.store.lock();
        let Some(repo) = db.repo(namespace, repository) else {
            return;
        };
        let Some(policy) = &repo.retention else {
            return;
        };
        (policy.id, plan(policy, repo.tags.values(), clock::now()))
    };
    if doomed.is_empty() {
        return;
    }
    for (tag, rule_text) in doomed {
        if let Err(e) = super::tags::delete(app, namespace, repository, &tag).await {
            tracing::warn!(%tag, "retention could not delete the tag: {e}");
            continue;
        }
        let mut db = app.store.lock();
        let id = db.next_id();
        if let Some(repo) = db.repo_mut(namespace, repository) {
            repo.retention_log.push(RetentionLog {
                id,
                retention_id: policy_id,
                rule_type: rule_text,
                tag: tag.clone(),
                created_at: clock::micros(clock::now()),
            });
        }
        tracing::info!(repository = %format!("{namespace}/{repository}"), %tag, "retention removed a tag");
    }
    app.store.persist_soon();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::model::TagSelector;

    fn tag(name: &str, age_days: i64) -> Tag {
        Tag {
            id: 0,
            name: name.into(),
            digest: String::new(),
            media_type: String::new(),
            manifest: String::new(),
            image_id: String::new(),
            size: 0,
            created: String::new(),
            updated: clock::seconds(clock::now() - Duration::days(age_days)),
            pushed_by: String::new(),
            synthetic: false,
        }
    }

    fn policy(template: &str, key: &str, value: &str, selectors: Vec<TagSelector>) -> Retention {
        Retention {
            id: 1,
            algorithm: "or".into(),
            rules: vec![RetentionRule {
                template: template.into(),
                params: [(key.to_string(), value.to_string())].into_iter().collect(),
                tag_selectors: selectors,
            }],
        }
    }

    fn names(v: Vec<(String, String)>) -> Vec<String> {
        let mut n: Vec<String> = v.into_iter().map(|(t, _)| t).collect();
        n.sort();
        n
    }

    #[test]
    fn tag_rule_keeps_the_newest_and_spares_selected_tags() {
        let tags = [tag("v1", 5), tag("v2", 4), tag("v3", 3), tag("keep", 10)];
        let sel = vec![TagSelector {
            kind: "label".into(),
            pattern: "keep".into(),
        }];
        let p = policy("tag_rule", "num", "2", sel);
        assert_eq!(names(plan(&p, tags.iter(), clock::now())), vec!["v1"]);
    }

    #[test]
    fn date_rule_removes_old_tags_only() {
        let tags = [tag("old", 40), tag("new", 1), tag("release-1", 90)];
        let sel = vec![TagSelector {
            kind: "regexp".into(),
            pattern: "release-.*".into(),
        }];
        let p = policy("date_rule", "days", "30", sel);
        let out = plan(&p, tags.iter(), clock::now());
        assert_eq!(names(out.clone()), vec!["old"]);
        assert!(out[0].1.contains("\"date_rule\""));
    }
}
