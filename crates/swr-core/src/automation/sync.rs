//! Region sync: rules that copy an image's new tags to another region, manual syncs of chosen
//! tags, the jobs they start, and the gap view.
//!
//! The gap view answers "is the copy over there what we have here?": for each rule, the
//! image's tags are read in both regions and compared by manifest digest — a tag is missing
//! there, differs (another digest under the same tag), or is the same. Reading the other
//! region needs a session for it: same account and keys, that region's endpoints, which the
//! caller provides ([`RegionSessions`]) so that the desktop app and `swrctl` resolve endpoints
//! their own way.

use std::collections::HashMap;

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use swr_api::model::{SyncJob, SyncRule};

use crate::access::AccessError;
use crate::browse::tags::{TagIndex, TagRow};
use crate::journal::{Change, Operation};
use crate::sessions::{Session, SessionError};

/// How a tag stands in a target region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum GapState {
    /// Not there.
    Missing,
    /// There, with another manifest digest.
    Differs,
    /// There, with the same digest.
    Same,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GapRow {
    pub tag: String,
    pub digest: String,
    /// The digest in the target region, when the tag is there.
    pub remote_digest: Option<String>,
    pub state: GapState,
}

/// One rule's target compared with the image here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RegionGap {
    pub region: String,
    pub namespace: String,
    pub rows: Vec<GapRow>,
    pub missing: u32,
    pub differs: u32,
    pub same: u32,
    /// Why the target could not be read (no endpoints for the region, refused…).
    pub problem: Option<String>,
}

/// Each tag here against the tags there, in the order of `here`.
pub fn compare(here: &[TagRow], there: &[TagRow]) -> Vec<GapRow> {
    let remote: HashMap<&str, &str> = there
        .iter()
        .map(|t| (t.tag.as_str(), t.digest.as_str()))
        .collect();
    here.iter()
        .map(|t| {
            let remote_digest = remote.get(t.tag.as_str()).map(|d| (*d).to_owned());
            let state = match &remote_digest {
                None => GapState::Missing,
                Some(d) if *d == t.digest => GapState::Same,
                Some(_) => GapState::Differs,
            };
            GapRow {
                tag: t.tag.clone(),
                digest: t.digest.clone(),
                remote_digest,
                state,
            }
        })
        .collect()
}

/// Sessions for the same account in other regions.
pub trait RegionSessions {
    fn region(&self, region: &str) -> Result<Session, SessionError>;
}

pub async fn regions(session: &Session) -> Result<Vec<String>, AccessError> {
    Ok(session.api.list_sync_regions().await?)
}

pub async fn rules(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<SyncRule>, AccessError> {
    Ok(session.api.list_sync_rules(organization, image).await?)
}

/// A new automatic or manual-only rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleInput {
    pub region: String,
    pub namespace: String,
    /// Copy every new tag as it is pushed.
    pub auto: bool,
    /// Replace a tag that already exists there with another image.
    pub overwrite: bool,
}

pub async fn add_rule(
    session: &Session,
    organization: &str,
    image: &str,
    rule: &RuleInput,
) -> Result<(), AccessError> {
    let record = Change::new(
        Operation::SyncRuleCreate,
        format!(
            "{organization}/{image} → {}/{}",
            rule.region, rule.namespace
        ),
    )
    .after(format!(
        "{}{}",
        if rule.auto { "automatic" } else { "manual" },
        if rule.overwrite { ", overwrite" } else { "" }
    ));
    let work = session.api.create_sync_rule(
        organization,
        image,
        &rule.region,
        &rule.namespace,
        rule.auto,
        rule.overwrite,
    );
    session.change(record, work).await?;
    Ok(())
}

pub async fn delete_rule(
    session: &Session,
    organization: &str,
    image: &str,
    region: &str,
    namespace: &str,
) -> Result<(), AccessError> {
    let record = Change::new(
        Operation::SyncRuleDelete,
        format!("{organization}/{image} → {region}/{namespace}"),
    );
    let work = session
        .api
        .delete_sync_rule(organization, image, region, namespace);
    session.change(record, work).await?;
    Ok(())
}

/// A manual sync: these tags to that region's organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SyncNow {
    pub tags: Vec<String>,
    pub region: String,
    pub namespace: String,
    /// Replace tags that exist there with another image.
    pub overwrite: bool,
}

/// Starts copying the tags of `request` now.
pub async fn sync_now(
    session: &Session,
    organization: &str,
    image: &str,
    request: &SyncNow,
) -> Result<(), AccessError> {
    let SyncNow {
        tags,
        region,
        namespace,
        overwrite,
    } = request;
    if tags.is_empty() {
        return Err(AccessError::Refused(
            "choose at least one tag to sync".into(),
        ));
    }
    let record = Change::new(
        Operation::SyncRun,
        format!("{organization}/{image} → {region}/{namespace}"),
    )
    .after(tags.join(", "));
    let work = session
        .api
        .sync_tags(organization, image, tags, region, namespace, *overwrite);
    session.change(record, work).await?;
    Ok(())
}

/// The image's sync jobs, newest first.
pub async fn jobs(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<SyncJob>, AccessError> {
    let mut jobs: Vec<SyncJob> = session
        .api
        .list_sync_jobs(organization, image, None, 100)
        .try_collect()
        .await?;
    jobs.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(jobs)
}

/// The gap of every rule's target. A target that cannot be read is reported, not fatal.
pub async fn gaps(
    session: &Session,
    others: &(dyn RegionSessions + Sync),
    organization: &str,
    image: &str,
) -> Result<Vec<RegionGap>, AccessError> {
    let here = TagIndex::fetch(session, organization, image)
        .await
        .map_err(super::browse_error)?;
    let mut out = Vec::new();
    for rule in rules(session, organization, image).await? {
        let there = match others.region(&rule.remote_region_id) {
            Ok(remote) => match TagIndex::fetch(&remote, &rule.remote_namespace, image).await {
                Ok(index) => Ok(index.rows().to_vec()),
                // Nothing synced yet: the image does not exist there.
                Err(crate::browse::BrowseError::Api(e)) if e.status() == Some(404) => {
                    Ok(Vec::new())
                }
                Err(e) => Err(e.to_string()),
            },
            Err(e) => Err(e.to_string()),
        };
        let (rows, problem) = match there {
            Ok(tags) => (compare(here.rows(), &tags), None),
            Err(p) => (Vec::new(), Some(p)),
        };
        let count = |s: GapState| {
            u32::try_from(rows.iter().filter(|r| r.state == s).count()).unwrap_or(u32::MAX)
        };
        out.push(RegionGap {
            region: rule.remote_region_id,
            namespace: rule.remote_namespace,
            missing: count(GapState::Missing),
            differs: count(GapState::Differs),
            same: count(GapState::Same),
            rows,
            problem,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, digest: &str) -> TagRow {
        TagRow {
            tag: name.into(),
            digest: digest.into(),
            size: 1,
            pushed: String::new(),
            is_index: false,
            siblings: Vec::new(),
        }
    }

    #[test]
    fn tags_are_missing_different_or_the_same_by_digest() {
        let here = [tag("v1", "a"), tag("v2", "b"), tag("latest", "b")];
        let there = [tag("v1", "a"), tag("latest", "old"), tag("only-there", "z")];
        let rows = compare(&here, &there);
        let states: Vec<(&str, GapState)> =
            rows.iter().map(|r| (r.tag.as_str(), r.state)).collect();
        assert_eq!(
            states,
            [
                ("v1", GapState::Same),
                ("v2", GapState::Missing),
                ("latest", GapState::Differs)
            ]
        );
        assert_eq!(rows[2].remote_digest.as_deref(), Some("old"));
    }
}
