//! The form's preview and the runner plan each archive on their own reading of it (the
//! validation report for the form, the archive index for the runner). Over a corpus of archive
//! shapes, both must come to exactly the same references, or refuse the same items.

use std::collections::BTreeMap;

use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};
use swr_registry::archive::{plan_images, ArchiveIndex};

use super::plan::plan_targets;
use crate::uploads::journal::{ItemState, JournalItem};
use crate::uploads::targets::{item_targets, ImageOverride};

const REGISTRY: &str = "swr.example:5000";

fn item(file: &std::path::Path, names: &[(usize, &str)]) -> JournalItem {
    JournalItem {
        id: 1,
        file: file.to_owned(),
        profile: Some("p".into()),
        organization: Some("team-a".into()),
        name: None,
        tags: Vec::new(),
        compress: true,
        state: ItemState::Draft,
        confirmed: Default::default(),
        images: names
            .iter()
            .map(|(i, n)| {
                let o = ImageOverride {
                    name: Some((*n).into()),
                    tags: Vec::new(),
                };
                (*i, o)
            })
            .collect::<BTreeMap<_, _>>(),
    }
}

fn profile() -> crate::profiles::Profile {
    crate::profiles::test_profile_with_registry("swr.cn-north-4.myhuaweicloud.com")
}

/// The references the form previews, or `None` when it shows a problem.
fn previewed(item: &JournalItem) -> Option<Vec<String>> {
    let validation = swr_archive::validate_path(&item.file);
    let errors: Vec<&String> = validation.errors().map(|f| &f.message).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let (images, problems) = plan_targets(
        item,
        Some(&profile()),
        Some(REGISTRY),
        &validation.report.images,
    );
    if !problems.is_empty() {
        return None;
    }
    let mut refs: Vec<String> = images.into_iter().flat_map(|i| i.references).collect();
    refs.sort();
    Some(refs)
}

/// The references the runner pushes, or `None` when it refuses the item.
fn pushed(item: &JournalItem) -> Option<Vec<String>> {
    let index = ArchiveIndex::read(&item.file).unwrap();
    let plans = plan_images(&index).unwrap();
    let images: Vec<Vec<String>> = plans.into_iter().map(|p| p.tags).collect();
    let targets = item_targets(item, &images).ok()?;
    let mut refs: Vec<String> = targets
        .iter()
        .flat_map(|(_, t)| {
            t.tags
                .iter()
                .map(move |tag| format!("{REGISTRY}/{}:{tag}", t.repository))
        })
        .collect();
    refs.sort();
    Some(refs)
}

fn image(tags: &[&str]) -> ImageBuilder {
    let base = ImageBuilder::new().layer(Layer::new().file("app/tags.txt", tags.join(" ")));
    tags.iter().fold(base, |b, t| b.tag(t))
}

/// One archive shape and what both planners must make of it (`None`: a problem to fix).
struct Case {
    what: &'static str,
    archive: Archive,
    /// Names the user gave images, by position.
    names: Vec<(usize, &'static str)>,
    /// Tags the user typed for every image.
    tags: Vec<&'static str>,
    expected: Option<Vec<&'static str>>,
}

fn case(what: &'static str, archive: Archive, expected: Option<Vec<&'static str>>) -> Case {
    Case {
        what,
        archive,
        names: Vec::new(),
        tags: Vec::new(),
        expected,
    }
}

#[test]
fn the_preview_and_the_runner_agree_on_every_archive_shape() {
    let dir = tempfile::tempdir().unwrap();
    let docker = |images: Vec<ImageBuilder>| {
        images
            .into_iter()
            .fold(Archive::new(Layout::DockerArchive), Archive::image)
    };
    let corpus = vec![
        case(
            "docker, two tags",
            docker(vec![image(&["team/web:1", "team/web:latest"])]),
            Some(vec!["team-a/web:1", "team-a/web:latest"]),
        ),
        case(
            "docker, one image under two repositories",
            docker(vec![image(&["web:1", "api:2"])]),
            Some(vec!["team-a/api:2", "team-a/web:1"]),
        ),
        case(
            "docker, two images",
            docker(vec![
                image(&["docker.io/library/nginx:1.27"]),
                image(&["localhost:5000/tools/busybox:1"]),
            ]),
            Some(vec!["team-a/busybox:1", "team-a/nginx:1.27"]),
        ),
        case(
            "docker, untagged and left unnamed",
            docker(vec![image(&[])]),
            None,
        ),
        Case {
            names: vec![(0, "app")],
            ..case(
                "docker, untagged and named",
                docker(vec![image(&[])]),
                Some(vec!["team-a/app:latest"]),
            )
        },
        case(
            "docker save with an OCI layout",
            Archive::new(Layout::DockerOciLayout).image(image(&["web:3"])),
            Some(vec!["team-a/web:3"]),
        ),
        case(
            "OCI archive with a full reference",
            Archive::new(Layout::OciArchive).image(image(&["docker.io/library/redis:7"])),
            Some(vec!["team-a/redis:7"]),
        ),
        Case {
            names: vec![(0, "cache")],
            ..case(
                "OCI archive, renamed",
                Archive::new(Layout::OciArchive).image(image(&["docker.io/library/redis:7"])),
                Some(vec!["team-a/cache:7"]),
            )
        },
        Case {
            tags: vec!["rc1", "stable"],
            ..case(
                "tags typed for every image",
                docker(vec![image(&["web:1"]), image(&["api:1"])]),
                Some(vec![
                    "team-a/api:rc1",
                    "team-a/api:stable",
                    "team-a/web:rc1",
                    "team-a/web:stable",
                ]),
            )
        },
        Case {
            tags: vec!["-rc1"],
            ..case(
                "a typed tag that breaks SWR's rules",
                docker(vec![image(&["web:1"])]),
                None,
            )
        },
    ];
    for (n, c) in corpus.into_iter().enumerate() {
        let file = dir.path().join(format!("{n}.tar"));
        c.archive.write(&file).unwrap();
        let mut item = item(&file, &c.names);
        item.tags = c.tags.iter().map(|t| (*t).to_owned()).collect();
        let expected = c.expected.map(|refs| {
            let mut refs: Vec<String> = refs.iter().map(|r| format!("{REGISTRY}/{r}")).collect();
            refs.sort();
            refs
        });
        assert_eq!(previewed(&item), expected, "the preview of {}", c.what);
        assert_eq!(pushed(&item), expected, "the push of {}", c.what);
    }
}
