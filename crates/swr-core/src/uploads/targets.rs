//! Where each image of an archive goes.
//!
//! By default an image keeps the repository name and tag it was saved with (`RepoTags`, or
//! the OCI ref-name annotation), placed in the chosen organization: `docker.io/library/nginx:1`
//! → `<org>/nginx:1`. The user may override the name and the tag. An untagged image has no
//! name to keep, so it needs an override.

use std::collections::BTreeMap;

use swr_api::rules::{self, RuleViolation};
use swr_registry::push::Target;

use super::journal::JournalItem;

/// A name and tags chosen for one image of a multi-image archive (by its position).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageOverride {
    pub name: Option<String>,
    /// The tags to push instead of the archive's; empty keeps the archive's. Journals written
    /// before images had several tags hold one `tag`, read here as a list of one.
    #[serde(default, alias = "tag", deserialize_with = "one_or_many")]
    pub tags: Vec<String>,
}

/// `null`, one string or a list of strings, as a list.
pub(crate) fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(
        match <Option<OneOrMany> as serde::Deserialize>::deserialize(d)? {
            None => Vec::new(),
            Some(OneOrMany::One(s)) => vec![s],
            Some(OneOrMany::Many(v)) => v,
        },
    )
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetOverrides {
    pub organization: Option<String>,
    pub name: Option<String>,
    /// Tags replacing the archive's; empty keeps the archive's.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("image {} has no name in the archive; give it one", .index + 1)]
    Untagged { index: usize },
    #[error("no organization: choose one, or tag the image as org/name:tag")]
    NoOrganization,
    /// A name or tag breaks SWR's rules, the same ones the app's form checks.
    #[error("`{}`: {}", .0.value, .0)]
    Invalid(RuleViolation),
}

/// Splits `[registry/]path[:tag][@digest]` into the last path part and the tag.
pub(crate) fn split_reference(reference: &str) -> (Option<String>, String, Option<String>) {
    let without_digest = reference.split('@').next().unwrap_or(reference);
    let (path, tag) = match without_digest.rsplit_once(':') {
        Some((p, t)) if !t.contains('/') => (p, Some(t.to_owned())),
        _ => (without_digest, None),
    };
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let name = parts.last().map(|s| (*s).to_owned()).unwrap_or_default();
    let org = (parts.len() >= 2).then(|| parts[parts.len() - 2].to_owned());
    (org, name, tag)
}

impl TargetOverrides {
    /// These overrides with one image's own name and tag taking precedence.
    pub fn for_image(&self, image: Option<&ImageOverride>) -> Self {
        let Some(image) = image else {
            return self.clone();
        };
        Self {
            organization: self.organization.clone(),
            name: image.name.clone().or_else(|| self.name.clone()),
            tags: if image.tags.is_empty() {
                self.tags.clone()
            } else {
                image.tags.clone()
            },
        }
    }
}

/// Where every image of a queued item goes: the item's organization, name and tags with each
/// image's own overrides, over the references the archive gives each image (by position).
/// Returns each target with the position of its image. This is what the runner pushes and what
/// the app's form previews.
pub fn item_targets(
    item: &JournalItem,
    images: &[Vec<String>],
) -> Result<Vec<(usize, Target)>, TargetError> {
    let overrides = TargetOverrides {
        organization: item.organization.clone(),
        name: item.name.clone(),
        tags: item.tags.clone(),
    };
    let mut out = Vec::new();
    for (index, references) in images.iter().enumerate() {
        let own = overrides.for_image(item.images.get(&index));
        let targets =
            resolve_targets(std::slice::from_ref(references), &own).map_err(|e| match e {
                TargetError::Untagged { .. } => TargetError::Untagged { index },
                other => other,
            })?;
        out.extend(targets.into_iter().map(|t| (index, t)));
    }
    Ok(out)
}

/// One target per image; references of one image sharing a repository become one target
/// with several tags.
pub fn resolve_targets(
    images: &[Vec<String>],
    overrides: &TargetOverrides,
) -> Result<Vec<Target>, TargetError> {
    let mut out = Vec::new();
    for (index, refs) in images.iter().enumerate() {
        let mut by_repo: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let refs: Vec<Option<&String>> = if refs.is_empty() {
            vec![None]
        } else {
            refs.iter().map(Some).collect()
        };
        for r in refs {
            let (org_in_ref, name_in_ref, tag_in_ref) = match r {
                Some(r) => {
                    let (o, n, t) = split_reference(r);
                    // A bare word is a tag: an OCI ref name is often just `latest` or `v2`
                    // (skopeo's `oci:dir:v2`), and names no image.
                    if t.is_none() && !r.contains('/') {
                        (None, String::new(), Some(n))
                    } else {
                        (o, n, t)
                    }
                }
                None => (None, String::new(), None),
            };
            let name = overrides
                .name
                .clone()
                .or((!name_in_ref.is_empty()).then_some(name_in_ref))
                .ok_or(TargetError::Untagged { index })?;
            let org = overrides
                .organization
                .clone()
                .or(org_in_ref)
                .ok_or(TargetError::NoOrganization)?;
            let tags: Vec<String> = if overrides.tags.is_empty() {
                vec![tag_in_ref.unwrap_or_else(|| "latest".to_owned())]
            } else {
                overrides.tags.clone()
            };
            rules::validate_namespace(&org).map_err(TargetError::Invalid)?;
            rules::validate_repository(&name).map_err(TargetError::Invalid)?;
            for tag in &tags {
                rules::validate_tag(tag).map_err(TargetError::Invalid)?;
            }
            let kept = by_repo.entry(format!("{org}/{name}")).or_default();
            for tag in tags {
                if !kept.contains(&tag) {
                    kept.push(tag);
                }
            }
        }
        out.extend(
            by_repo
                .into_iter()
                .map(|(repository, tags)| Target { repository, tags }),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(repo: &str, tags: &[&str]) -> Target {
        Target {
            repository: repo.into(),
            tags: tags.iter().map(|s| (*s).into()).collect(),
        }
    }

    #[test]
    fn archive_tags_go_into_the_chosen_organization() {
        let o = TargetOverrides {
            organization: Some("team-b".into()),
            ..Default::default()
        };
        let images = vec![
            vec![
                "docker.io/library/nginx:1.27".to_owned(),
                "nginx:latest".to_owned(),
            ],
            vec!["team-a/web:2".to_owned()],
        ];
        assert_eq!(
            resolve_targets(&images, &o).unwrap(),
            vec![
                t("team-b/nginx", &["1.27", "latest"]),
                t("team-b/web", &["2"])
            ]
        );
    }

    #[test]
    fn overrides_replace_name_and_tag_and_keep_the_reference_org() {
        let o = TargetOverrides {
            name: Some("api".into()),
            tags: vec!["v9".into()],
            ..Default::default()
        };
        assert_eq!(
            resolve_targets(&[vec!["team-a/web:1".into()]], &o).unwrap(),
            vec![t("team-a/api", &["v9"])]
        );
        let o = TargetOverrides {
            organization: Some("x".into()),
            ..Default::default()
        };
        // A bare OCI ref name is a tag: the image still needs a name, as the app's form asks.
        assert_eq!(
            resolve_targets(&[vec!["v2".into()]], &o),
            Err(TargetError::Untagged { index: 0 })
        );
        let named = TargetOverrides {
            name: Some("web".into()),
            ..o
        };
        assert_eq!(
            resolve_targets(&[vec!["v2".into()]], &named).unwrap(),
            vec![t("x/web", &["v2"])]
        );
    }

    #[test]
    fn an_image_override_wins_over_the_item_wide_one() {
        let item = TargetOverrides {
            organization: Some("x".into()),
            name: None,
            tags: vec!["all".into()],
        };
        let own = ImageOverride {
            name: Some("api".into()),
            tags: Vec::new(),
        };
        let o = item.for_image(Some(&own));
        assert_eq!(
            resolve_targets(&[vec!["team-a/web:1".into()]], &o).unwrap(),
            vec![t("x/api", &["all"])]
        );
        assert_eq!(item.for_image(None), item);
    }

    #[test]
    fn untagged_images_need_a_name_and_bad_names_are_refused() {
        let o = TargetOverrides {
            organization: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(
            resolve_targets(&[vec![]], &o),
            Err(TargetError::Untagged { index: 0 })
        );
        let named = TargetOverrides {
            name: Some("app".into()),
            ..o.clone()
        };
        assert_eq!(
            resolve_targets(&[vec![]], &named).unwrap(),
            vec![t("x/app", &["latest"])]
        );
        let bad = TargetOverrides {
            name: Some("App!".into()),
            ..o
        };
        assert!(matches!(
            resolve_targets(&[vec![]], &bad),
            Err(TargetError::Invalid(v)) if v.field == "repository"
        ));
        assert_eq!(
            resolve_targets(&[vec!["web:1".into()]], &TargetOverrides::default()),
            Err(TargetError::NoOrganization)
        );
    }

    #[test]
    fn every_tag_of_an_image_is_kept_unless_the_user_gives_a_list() {
        let o = TargetOverrides {
            organization: Some("x".into()),
            ..Default::default()
        };
        let saved = vec![vec!["web:v1".to_owned(), "web:latest".to_owned()]];
        assert_eq!(
            resolve_targets(&saved, &o).unwrap(),
            vec![t("x/web", &["v1", "latest"])]
        );
        let own = ImageOverride {
            name: None,
            tags: vec!["v1".into(), "stable".into()],
        };
        assert_eq!(
            resolve_targets(&saved, &o.for_image(Some(&own))).unwrap(),
            vec![t("x/web", &["v1", "stable"])]
        );
        let bad = ImageOverride {
            name: None,
            tags: vec!["ok".into(), "-bad".into()],
        };
        assert!(matches!(
            resolve_targets(&saved, &o.for_image(Some(&bad))),
            Err(TargetError::Invalid(v)) if v.field == "tag" && v.value == "-bad"
        ));
    }

    #[test]
    fn a_journal_with_one_tag_per_image_reads_as_a_list() {
        let old: ImageOverride = serde_json::from_str(r#"{"name":"api","tag":"v2"}"#).unwrap();
        assert_eq!(old.tags, vec!["v2".to_owned()]);
        let none: ImageOverride = serde_json::from_str(r#"{"name":"api","tag":null}"#).unwrap();
        assert!(none.tags.is_empty());
        let new: ImageOverride = serde_json::from_str(r#"{"name":null,"tags":["a","b"]}"#).unwrap();
        assert_eq!(new.tags, vec!["a".to_owned(), "b".to_owned()]);
        let written = serde_json::to_string(&new).unwrap();
        assert_eq!(written, r#"{"name":null,"tags":["a","b"]}"#);
    }
}
