//! Deleting tags: a plan that lists exactly what goes, then the deletion of exactly that list.
//!
//! A user picks tags, or digests; a digest means every tag that points to it. The plan names
//! each tag that will go and, for each, whether its image stays reachable through another tag
//! that is kept. Deleting takes the plan's tag list and nothing else, one request at a time
//! (through the account's pacer), and reports each tag's result, so a half-done deletion says
//! exactly what was and was not deleted.

use serde::{Deserialize, Serialize};

use super::reference::TagOrDigest;
use super::tags::TagIndex;
use super::BrowseError;
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// What a deletion would remove.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeletionPlan {
    pub organization: String,
    pub image: String,
    pub tags: Vec<DeletionItem>,
    /// What the user types to confirm: the image's `organization/name`.
    pub confirmation: String,
}

/// One tag that would go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeletionItem {
    pub tag: String,
    pub digest: String,
    /// No kept tag points to this digest any more: the image itself goes.
    pub image_gone: bool,
    /// Tags that are kept and still point to this digest.
    pub kept_siblings: Vec<String>,
}

/// What a deletion did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeletionOutcome {
    pub deleted: Vec<String>,
    pub failed: Vec<DeletionFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeletionFailure {
    pub tag: String,
    pub message: String,
    pub request_id: Option<String>,
}

/// Plans the deletion of `references` (tags or digests) from an image whose tags are `index`.
pub fn plan(
    index: &TagIndex,
    organization: &str,
    image: &str,
    references: &[String],
) -> Result<DeletionPlan, BrowseError> {
    let mut chosen: Vec<&str> = Vec::new();
    for text in references {
        let found: Vec<&str> = match TagOrDigest::parse(text.trim())? {
            TagOrDigest::Tag(t) => {
                index.get(&t).map(|r| vec![r.tag.as_str()]).ok_or_else(|| {
                    BrowseError::NotFound(format!("{organization}/{image} has no tag `{t}`"))
                })?
            }
            TagOrDigest::Digest(d) => {
                let tags: Vec<&str> = index
                    .rows()
                    .iter()
                    .filter(|r| r.digest == d)
                    .map(|r| r.tag.as_str())
                    .collect();
                if tags.is_empty() {
                    return Err(BrowseError::NotFound(format!(
                        "no tag of {organization}/{image} points to {d}"
                    )));
                }
                tags
            }
        };
        for t in found {
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
    }
    if chosen.is_empty() {
        return Err(BrowseError::Invalid(
            "name at least one tag or digest to delete".into(),
        ));
    }
    let tags = chosen
        .iter()
        .filter_map(|t| index.get(t))
        .map(|row| {
            let kept_siblings: Vec<String> = row
                .siblings
                .iter()
                .filter(|s| !chosen.contains(&s.as_str()))
                .cloned()
                .collect();
            DeletionItem {
                tag: row.tag.clone(),
                digest: row.digest.clone(),
                image_gone: kept_siblings.is_empty(),
                kept_siblings,
            }
        })
        .collect();
    Ok(DeletionPlan {
        organization: organization.to_owned(),
        image: image.to_owned(),
        tags,
        confirmation: format!("{organization}/{image}"),
    })
}

/// Deletes exactly `tags`, one after another, and says what happened to each.
pub async fn delete(
    session: &Session,
    organization: &str,
    image: &str,
    tags: &[String],
) -> DeletionOutcome {
    let mut outcome = DeletionOutcome::default();
    for tag in tags {
        let record = Change::new(
            Operation::TagDelete,
            format!("{organization}/{image}:{tag}"),
        );
        let work = session.api.delete_tag(organization, image, tag);
        match session.change(record, work).await {
            Ok(()) => outcome.deleted.push(tag.clone()),
            Err(e) => outcome.failed.push(DeletionFailure {
                tag: tag.clone(),
                message: e.to_string(),
                request_id: e.request_id().map(str::to_owned),
            }),
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::tags::TagRow;

    const D1: &str = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    const D2: &str = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    fn index() -> TagIndex {
        let row = |tag: &str, digest: &str| TagRow {
            tag: tag.into(),
            digest: digest.into(),
            size: 1,
            pushed: String::new(),
            is_index: false,
            siblings: Vec::new(),
        };
        TagIndex::new(
            vec![
                row("v1", D1),
                row("stable", D1),
                row("v2", D2),
                row("latest", D2),
            ],
            0,
        )
    }

    #[test]
    fn a_tag_whose_image_another_tag_keeps_says_so() {
        let p = plan(&index(), "team", "web", &["v1".into()]).unwrap();
        assert_eq!(p.tags.len(), 1);
        assert!(!p.tags[0].image_gone);
        assert_eq!(p.tags[0].kept_siblings, ["stable"]);
        assert_eq!(p.confirmation, "team/web");

        let p = plan(&index(), "team", "web", &["v1".into(), "stable".into()]).unwrap();
        assert!(p
            .tags
            .iter()
            .all(|t| t.image_gone && t.kept_siblings.is_empty()));
    }

    #[test]
    fn a_digest_takes_every_tag_that_points_to_it_once() {
        let p = plan(&index(), "team", "web", &[D2.into(), "latest".into()]).unwrap();
        let tags: Vec<&str> = p.tags.iter().map(|t| t.tag.as_str()).collect();
        assert_eq!(tags.len(), 2);
        assert!(tags.contains(&"v2") && tags.contains(&"latest"));
        assert!(p.tags.iter().all(|t| t.image_gone));
    }

    #[test]
    fn unknown_tags_and_digests_are_refused_not_skipped() {
        let e = plan(&index(), "team", "web", &["v1".into(), "v9".into()]).unwrap_err();
        assert!(e.to_string().contains("has no tag `v9`"), "{e}");
        let d3 = format!("sha256:{}", "3".repeat(64));
        assert!(plan(&index(), "team", "web", &[d3]).is_err());
        assert!(plan(&index(), "team", "web", &[]).is_err());
    }
}
