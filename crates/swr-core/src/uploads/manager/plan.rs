//! The targets of an item's images as the form previews them, and what keeps the item from
//! being queued. The references come from [`resolve_targets`], the planner the runner uses, so
//! the preview lists exactly what will be pushed.

use swr_api::rules::{self, RuleViolation};
use swr_archive::ImageReport;

use super::{ImageTarget, TargetProblem};
use crate::profiles::Profile;
use crate::uploads::journal::JournalItem;
use crate::uploads::targets::{resolve_targets, TargetOverrides};

/// The targets of an item's images and what keeps it from being queued.
pub(super) fn plan_targets(
    item: &JournalItem,
    profile: Option<&Profile>,
    registry: Option<&str>,
    reports: &[ImageReport],
) -> (Vec<ImageTarget>, Vec<TargetProblem>) {
    let mut problems = Vec::new();
    let general = |field: &str, rule: &str, en: &str, zh: &str| TargetProblem {
        image: None,
        violation: RuleViolation::custom(field, rule, "", en, zh),
    };
    if profile.is_none() {
        problems.push(general(
            "profile",
            "profile.required",
            "Choose the profile to push with.",
            "请选择用于上传的配置。",
        ));
    }
    match item.organization.as_deref() {
        None => problems.push(general(
            "organization",
            "organization.required",
            "Choose the organization to push into.",
            "请选择要上传到的组织。",
        )),
        Some(org) => {
            if let Err(v) = rules::validate_namespace(org) {
                problems.push(TargetProblem {
                    image: None,
                    violation: v,
                });
            }
        }
    }
    let mut images = Vec::new();
    let item_wide = TargetOverrides {
        organization: item.organization.clone(),
        name: item.name.clone(),
        tags: item.tags.clone(),
    };
    for (index, report) in reports.iter().enumerate() {
        let own = item.images.get(&index);
        let overrides = item_wide.for_image(own);
        let source = report.references.first().map(|r| split_name_tag(r));
        let name = overrides
            .name
            .clone()
            .or_else(|| source.as_ref().and_then(|(n, _)| n.clone()));
        let tags = if overrides.tags.is_empty() {
            archive_tags(&report.references)
        } else {
            overrides.tags.clone()
        };
        let index32 = u32::try_from(index).unwrap_or(u32::MAX);
        let mut ok = true;
        match name.as_deref() {
            None => {
                ok = false;
                problems.push(TargetProblem {
                    image: Some(index32),
                    violation: RuleViolation::custom(
                        "repository",
                        "repository.required",
                        "",
                        "This image has no tag in the archive: give it a name.",
                        "此镜像在归档中没有标签：请为它命名。",
                    ),
                });
            }
            Some(n) => {
                if let Err(v) = rules::validate_repository(n) {
                    ok = false;
                    problems.push(TargetProblem {
                        image: Some(index32),
                        violation: v,
                    });
                }
            }
        }
        for tag in &tags {
            if let Err(v) = rules::validate_tag(tag) {
                ok = false;
                problems.push(TargetProblem {
                    image: Some(index32),
                    violation: v,
                });
            }
        }
        // The preview comes from the planner the runner uses, so it shows what will be pushed
        // (an image the archive names twice, `web:1` and `api:2`, goes to both repositories).
        let references = match (ok, registry, &item.organization) {
            (true, Some(reg), Some(_)) => {
                resolve_targets(std::slice::from_ref(&report.references), &overrides)
                    .map(|targets| {
                        targets
                            .iter()
                            .flat_map(|t| {
                                t.tags
                                    .iter()
                                    .map(move |tag| format!("{reg}/{}:{tag}", t.repository))
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        images.push(ImageTarget {
            index: index32,
            source_references: report.references.clone(),
            name,
            tags,
            overridden: own.is_some(),
            references,
        });
    }
    (images, problems)
}

/// Every tag the archive gives an image, in its order; `latest` when it gives none.
fn archive_tags(references: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in references.iter().filter_map(|r| split_name_tag(r).1) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.is_empty() {
        tags.push("latest".to_owned());
    }
    tags
}

/// The name and tag an archive reference gives an image (`[registry/][org/]name[:tag]`). A bare
/// word is an OCI ref name holding only a tag.
fn split_name_tag(reference: &str) -> (Option<String>, Option<String>) {
    let (_, name, tag) = crate::uploads::targets::split_reference(reference);
    if tag.is_none() && !reference.contains('/') {
        return (None, Some(name));
    }
    ((!name.is_empty()).then_some(name), tag)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::uploads::journal::ItemState;
    use crate::uploads::targets::ImageOverride;

    fn draft(organization: Option<&str>) -> JournalItem {
        JournalItem {
            id: 1,
            file: "/tmp/a.tar".into(),
            profile: Some("p".into()),
            organization: organization.map(Into::into),
            name: None,
            tags: Vec::new(),
            compress: true,
            state: ItemState::Draft,
            confirmed: Default::default(),
            images: BTreeMap::new(),
        }
    }

    fn profile() -> Profile {
        crate::profiles::test_profile_with_registry("swr.cn-north-4.myhuaweicloud.com")
    }

    fn report(references: &[&str]) -> ImageReport {
        ImageReport {
            references: references.iter().map(|r| (*r).to_owned()).collect(),
            ..ImageReport::default()
        }
    }

    fn rules_of(problems: &[TargetProblem]) -> Vec<(Option<u32>, &str)> {
        problems
            .iter()
            .map(|p| (p.image, p.violation.rule.as_str()))
            .collect()
    }

    #[test]
    fn the_preview_lists_every_repository_and_tag_the_runner_will_push() {
        let item = draft(Some("team-a"));
        let report = report(&["web:1", "web:latest", "api:2"]);
        let (images, problems) = plan_targets(&item, Some(&profile()), Some("reg"), &[report]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(images[0].name.as_deref(), Some("web"));
        assert_eq!(images[0].tags, ["1", "latest", "2"]);
        assert_eq!(
            images[0].references,
            [
                "reg/team-a/api:2",
                "reg/team-a/web:1",
                "reg/team-a/web:latest"
            ]
        );
    }

    #[test]
    fn a_draft_without_profile_or_organization_says_what_to_choose() {
        let (images, problems) = plan_targets(&draft(None), None, None, &[report(&["web:1"])]);
        assert_eq!(
            rules_of(&problems),
            [(None, "profile.required"), (None, "organization.required")]
        );
        assert!(images[0].references.is_empty(), "nothing to preview yet");
    }

    #[test]
    fn an_organization_that_breaks_swr_rules_is_refused_with_the_rule() {
        let (_, problems) = plan_targets(
            &draft(Some("library")),
            Some(&profile()),
            Some("reg"),
            &[report(&["web:1"])],
        );
        assert_eq!(rules_of(&problems), [(None, "namespace.reserved")]);
    }

    #[test]
    fn a_bare_oci_ref_is_a_tag_and_the_image_needs_a_name() {
        let mut item = draft(Some("team-a"));
        let oci = report(&["v2"]);
        let (images, problems) = plan_targets(
            &item,
            Some(&profile()),
            Some("reg"),
            std::slice::from_ref(&oci),
        );
        assert_eq!(images[0].name, None);
        assert_eq!(images[0].tags, ["v2"]);
        assert_eq!(rules_of(&problems), [(Some(0), "repository.required")]);

        item.images.insert(
            0,
            ImageOverride {
                name: Some("app".into()),
                tags: Vec::new(),
            },
        );
        let (images, problems) = plan_targets(&item, Some(&profile()), Some("reg"), &[oci]);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(images[0].overridden);
        assert_eq!(images[0].references, ["reg/team-a/app:v2"]);
    }

    #[test]
    fn an_untagged_image_gets_latest_and_a_bad_tag_blocks_only_its_image() {
        let mut item = draft(Some("team-a"));
        item.images.insert(
            1,
            ImageOverride {
                name: None,
                tags: vec!["ok".into(), "-bad".into()],
            },
        );
        let reports = [report(&["localhost:5000/team/web"]), report(&["api:1"])];
        let (images, problems) = plan_targets(&item, Some(&profile()), Some("reg"), &reports);
        assert_eq!(images[0].tags, ["latest"]);
        assert_eq!(images[0].references, ["reg/team-a/web:latest"]);
        assert_eq!(rules_of(&problems), [(Some(1), "tag.start")]);
        assert!(images[1].references.is_empty());
    }

    #[test]
    fn names_and_tags_come_from_the_archive_reference() {
        assert_eq!(
            split_name_tag("docker.io/library/nginx:1.27"),
            (Some("nginx".into()), Some("1.27".into()))
        );
        assert_eq!(
            split_name_tag("localhost:5000/team/app"),
            (Some("app".into()), None)
        );
        assert_eq!(split_name_tag("v2"), (None, Some("v2".into())));
    }
}
