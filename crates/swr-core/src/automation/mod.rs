//! Automation: what SWR does on its own after a change — retention policies deleting tags,
//! triggers updating workloads on a push.
//!
//! The logic SWR runs server-side and the console must predict lives in one pure module each:
//! [`retention::preview`] (which tags a policy deletes now, and why each stays) and
//! [`triggers::test`] (which triggers a tag fires), and a new trigger's rules in
//! [`trigger_rules`]. They are table-tested there and held to what swr-sandbox actually does in
//! `tests/retention_referee.rs`. The functions below read what SWR
//! holds, check every input with swr-api's rules, and make each change through
//! [`Session::change`], so it is paced and journaled. The desktop app and `swrctl` call them.

pub mod retention;
pub mod sync;
pub mod trigger_rules;
pub mod triggers;

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use swr_api::model::{CreateTriggerRequest, RetentionLog, RetentionRule, TagSelector, Trigger};
use swr_api::rules::{self, RuleViolation};
use time::OffsetDateTime;

use crate::access::AccessError;
use crate::browse::tags::TagIndex;
use crate::journal::{Change, Operation};
use crate::sessions::Session;
use retention::RetentionPreview;
pub use trigger_rules::{check_trigger, trigger_violations};
use triggers::TriggerMatch;

/// A policy as the console edits it: one rule, by days or by count, with exceptions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct PolicyInput {
    /// Keep tags pushed within this many days (1–365).
    pub keep_days: Option<u32>,
    /// Keep this many of the newest tags (1–1000).
    pub keep_tags: Option<u32>,
    /// Tags never deleted, by exact name.
    pub except_tags: Vec<String>,
    /// Tags never deleted, by a regular expression over the whole name.
    pub except_regex: Vec<String>,
}

impl PolicyInput {
    /// The rule SWR stores, after checking it against SWR's rules.
    pub fn to_rule(&self) -> Result<RetentionRule, RuleViolation> {
        let selectors: Vec<TagSelector> = self
            .except_tags
            .iter()
            .map(|t| TagSelector::label(t.trim()))
            .chain(
                self.except_regex
                    .iter()
                    .map(|r| TagSelector::regexp(r.trim())),
            )
            .collect();
        let rule = match (self.keep_days, self.keep_tags) {
            (Some(days), None) => RetentionRule::keep_days(days, selectors),
            (None, Some(count)) => RetentionRule::keep_newest(count, selectors),
            _ => {
                return Err(RuleViolation::custom(
                    "keep",
                    "retention.keep",
                    "",
                    "Choose one: keep tags pushed within N days, or keep the N newest tags.",
                    "请选择一种：保留最近 N 天内推送的版本，或保留最新的 N 个版本。",
                ))
            }
        };
        rules::validate_retention_rule(&rule)?;
        Ok(rule)
    }

    /// The console's view of a stored rule.
    pub fn from_rule(rule: &RetentionRule) -> Self {
        let number = |t: &Option<String>| t.as_deref().and_then(|v| v.trim().parse().ok());
        let (keep_days, keep_tags) = match rule.template.as_str() {
            "date_rule" => (number(&rule.params.days), None),
            _ => (None, number(&rule.params.num)),
        };
        let pick = |kind: &str| {
            rule.tag_selectors
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.pattern.clone())
                .collect()
        };
        Self {
            keep_days,
            keep_tags,
            except_tags: pick("label"),
            except_regex: pick("regexp"),
        }
    }
}

/// The policy of an image as SWR holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    pub id: i64,
    pub input: PolicyInput,
}

/// The image's policy, if it has one.
pub async fn policy(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Option<Policy>, AccessError> {
    let found = session.api.list_retentions(organization, image).await?;
    Ok(found.into_iter().next().map(|r| Policy {
        id: r.id,
        input: r
            .rules
            .first()
            .map(PolicyInput::from_rule)
            .unwrap_or_default(),
    }))
}

async fn triggers_of(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<Trigger>, AccessError> {
    Ok(session.api.list_triggers(organization, image).await?)
}

/// What `input` would delete now, over a fresh read of every tag of the image.
pub async fn preview(
    session: &Session,
    organization: &str,
    image: &str,
    input: &PolicyInput,
) -> Result<RetentionPreview, AccessError> {
    let rule = input.to_rule()?;
    let tags = TagIndex::fetch(session, organization, image)
        .await
        .map_err(browse_error)?;
    let named = triggers::named_tags(&triggers_of(session, organization, image).await?);
    Ok(retention::preview(
        &[rule],
        tags.rows(),
        OffsetDateTime::now_utc(),
        &named,
    ))
}

/// What saving a policy did: the preview it was saved with and the tags SWR deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SaveOutcome {
    pub preview: RetentionPreview,
    /// Tags that were there before saving and are gone after.
    pub deleted: Vec<String>,
    /// SWR deleted exactly the tags the preview said.
    pub as_previewed: bool,
}

/// Saves the image's policy (SWR applies it at once) and reports what SWR deleted.
pub async fn save(
    session: &Session,
    organization: &str,
    image: &str,
    input: &PolicyInput,
) -> Result<SaveOutcome, AccessError> {
    let rule = input.to_rule()?;
    let before = policy(session, organization, image).await?;
    let preview = preview(session, organization, image, input).await?;
    let mut record =
        Change::new(Operation::RetentionSet, format!("{organization}/{image}")).after(json(input));
    if let Some(p) = &before {
        record = record.before(json(&p.input));
    }
    let rules = [rule];
    let api = &session.api;
    let work = async {
        match &before {
            Some(p) => {
                api.update_retention(organization, image, p.id, &rules)
                    .await
            }
            None => api
                .create_retention(organization, image, &rules)
                .await
                .map(drop),
        }
    };
    session.change(record, work).await?;
    let after = TagIndex::fetch(session, organization, image)
        .await
        .map_err(browse_error)?;
    let deleted: Vec<String> = preview
        .items
        .iter()
        .filter(|i| !after.rows().iter().any(|r| r.tag == i.tag))
        .map(|i| i.tag.clone())
        .collect();
    let as_previewed = deleted
        .iter()
        .map(String::as_str)
        .eq(preview.deleted_tags());
    Ok(SaveOutcome {
        preview,
        deleted,
        as_previewed,
    })
}

/// Removes the image's policy; tags are no longer deleted by it.
pub async fn remove(session: &Session, organization: &str, image: &str) -> Result<(), AccessError> {
    let Some(p) = policy(session, organization, image).await? else {
        return Err(AccessError::NotFound(format!(
            "{organization}/{image} has no retention policy"
        )));
    };
    let record = Change::new(
        Operation::RetentionDelete,
        format!("{organization}/{image}"),
    )
    .before(json(&p.input));
    session
        .change(
            record,
            session.api.delete_retention(organization, image, p.id),
        )
        .await?;
    Ok(())
}

/// The tags retention deleted from the image, newest first.
pub async fn history(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<RetentionLog>, AccessError> {
    let mut logs: Vec<RetentionLog> = session
        .api
        .list_retention_histories(organization, image, 100)
        .try_collect()
        .await?;
    logs.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    Ok(logs)
}

/// The image's triggers with their histories.
pub async fn list_triggers(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<Trigger>, AccessError> {
    triggers_of(session, organization, image).await
}

/// Which triggers of the image a push of `tag` fires.
pub async fn test_tag(
    session: &Session,
    organization: &str,
    image: &str,
    tag: &str,
) -> Result<Vec<TriggerMatch>, AccessError> {
    let all = triggers_of(session, organization, image).await?;
    Ok(triggers::test_all(&all, tag)?)
}

/// Creates a trigger after checking it.
pub async fn add_trigger(
    session: &Session,
    organization: &str,
    image: &str,
    trigger: &CreateTriggerRequest,
) -> Result<(), AccessError> {
    let mut trigger = trigger.clone();
    if trigger.trigger_type == "all" {
        trigger.condition = ".*".into();
    }
    trigger.action = "update".into();
    check_trigger(&trigger)?;
    let record = Change::new(
        Operation::TriggerCreate,
        format!("{organization}/{image} → {}", trigger.name),
    )
    .after(format!(
        "{} {}: update {}/{} in {}",
        trigger.trigger_type,
        trigger.condition,
        trigger.app_type,
        trigger.application,
        trigger.cluster_ns
    ));
    session
        .change(
            record,
            session.api.create_trigger(organization, image, &trigger),
        )
        .await?;
    Ok(())
}

/// Enables or disables a trigger.
pub async fn set_trigger_enabled(
    session: &Session,
    organization: &str,
    image: &str,
    name: &str,
    enabled: bool,
) -> Result<(), AccessError> {
    let word = |on: bool| if on { "enabled" } else { "disabled" };
    let record = Change::new(
        Operation::TriggerChange,
        format!("{organization}/{image} → {name}"),
    )
    .before(word(!enabled))
    .after(word(enabled));
    session
        .change(
            record,
            session
                .api
                .set_trigger_enabled(organization, image, name, enabled),
        )
        .await?;
    Ok(())
}

/// Deletes a trigger.
pub async fn delete_trigger(
    session: &Session,
    organization: &str,
    image: &str,
    name: &str,
) -> Result<(), AccessError> {
    let record = Change::new(
        Operation::TriggerDelete,
        format!("{organization}/{image} → {name}"),
    );
    session
        .change(
            record,
            session.api.delete_trigger(organization, image, name),
        )
        .await?;
    Ok(())
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub(crate) fn browse_error(e: crate::browse::BrowseError) -> AccessError {
    use crate::browse::BrowseError;
    match e {
        BrowseError::Session(s) => AccessError::Session(s),
        BrowseError::Api(a) => AccessError::Api(a),
        BrowseError::NotFound(m) => AccessError::NotFound(m),
        other => AccessError::Refused(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_round_trips_through_the_stored_rule() {
        let input = PolicyInput {
            keep_tags: Some(10),
            except_tags: vec!["latest".into()],
            except_regex: vec!["release-.*".into()],
            ..Default::default()
        };
        let rule = input.to_rule().unwrap();
        assert_eq!(rule.template, "tag_rule");
        assert_eq!(PolicyInput::from_rule(&rule), input);
    }

    #[test]
    fn a_policy_needs_exactly_one_way_to_keep_and_valid_numbers() {
        assert_eq!(PolicyInput::default().to_rule().unwrap_err().field, "keep");
        let both = PolicyInput {
            keep_days: Some(3),
            keep_tags: Some(3),
            ..Default::default()
        };
        assert_eq!(both.to_rule().unwrap_err().rule, "retention.keep");
        let too_long = PolicyInput {
            keep_days: Some(366),
            ..Default::default()
        };
        assert!(too_long.to_rule().is_err());
        let bad_regex = PolicyInput {
            keep_days: Some(30),
            except_regex: vec!["(".into()],
            ..Default::default()
        };
        assert_eq!(bad_regex.to_rule().unwrap_err().field, "tag_selectors");
    }
}
