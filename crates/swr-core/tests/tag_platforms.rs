//! The tag list's OS/arch column against a sandboxed SWR: a single-platform image and a
//! two-platform index pushed by skopeo, a client we did not write, and their platforms read back
//! as skopeo reads them; the second look comes from the disk, and a digest the registry does not
//! hold says why. An inspection's reads, like the column's, go at the account's pace.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use swr_api::RateLimiter;
use swr_core::browse::inspect::inspect;
use swr_core::browse::platforms::{tag_platforms, DigestPlatforms};
use swr_core::browse::reference::TagOrDigest;
use swr_core::browse::tags::{TagIndex, TagQuery};
use swr_core::sessions::Session;
use swr_testkit::{oci_layout, ClosedPort, Sandbox, User};

fn session(sb: &Sandbox, user: &User, registry: Option<String>) -> Session {
    // A registry elsewhere is there to be refused at once.
    let mut config = sb.registry_config(user, if registry.is_some() { 0 } else { 3 });
    if let Some(host) = registry {
        config.host = host;
    }
    Session::from_configs(
        "test",
        sb.api_config(user),
        config,
        Some(Arc::new(RateLimiter::for_account())),
    )
    .unwrap()
}

/// The platforms of an index's entries, as skopeo reads the index.
fn index_platforms(sb: &Sandbox, user: &User, reference: &str) -> Vec<String> {
    let index = sb.skopeo_inspect(user, reference, false);
    index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{}/{}",
                m["platform"]["os"].as_str().unwrap(),
                m["platform"]["architecture"].as_str().unwrap()
            )
        })
        .collect()
}

fn names(answer: &DigestPlatforms) -> Vec<String> {
    answer.platforms.iter().map(ToString::to_string).collect()
}

#[tokio::test]
async fn a_single_image_and_an_index_read_as_skopeo_reads_them_then_from_the_disk() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-p").await;
    let user = sb.user(0, true).clone();
    let dir = tempfile::tempdir().unwrap();
    let single = dir.path().join("single");
    oci_layout::layout(&single, &[("arm64", "one")]);
    sb.skopeo_push_layout(&user, &single, "team-p/app:single");
    let multi = dir.path().join("multi");
    oci_layout::layout(&multi, &[("amd64", "a"), ("s390x", "b")]);
    sb.skopeo_push_layout(&user, &multi, "team-p/app:multi");

    // The digests are the tag list's, as the app has them.
    let live = session(&sb, &user, None);
    let tags = TagIndex::fetch(&live, "team-p", "app").await.unwrap();
    let rows = tags.query(&TagQuery::default(), 0, 10).rows;
    let digest_of = |tag: &str| rows.iter().find(|r| r.tag == tag).unwrap().digest.clone();
    let missing = format!("sha256:{}", "0".repeat(64));
    let asked = vec![
        digest_of("single"),
        digest_of("multi"),
        missing.clone(),
        "latest".to_owned(),
    ];
    let cache = dir.path().join("cache");
    let answers = tag_platforms(&live, Some(&cache), "team-p", "app", &asked)
        .await
        .unwrap();

    // In the order asked, each as skopeo reads it.
    let digests: Vec<&str> = answers.iter().map(|a| a.digest.as_str()).collect();
    assert_eq!(digests, asked);
    let config = sb.skopeo_inspect(&user, "team-p/app:single", true);
    assert_eq!(
        names(&answers[0]),
        [format!(
            "{}/{}",
            config["os"].as_str().unwrap(),
            config["architecture"].as_str().unwrap()
        )]
    );
    let theirs = index_platforms(&sb, &user, "team-p/app:multi");
    assert_eq!(names(&answers[1]), theirs);
    assert_eq!(theirs, ["linux/amd64", "linux/s390x"]);
    assert_eq!(
        (answers[0].problem.as_ref(), answers[1].problem.as_ref()),
        (None, None)
    );

    // A digest the registry does not hold, and something that is not a digest, say why; the
    // others were answered all the same.
    let gone = answers[2].problem.as_deref().unwrap();
    assert!(
        gone.contains("team-p/app has no manifest") && gone.contains(&missing),
        "{gone}"
    );
    assert!(answers[2].platforms.is_empty());
    let wrong = answers[3].problem.as_deref().unwrap();
    assert!(wrong.contains("`latest` is not a digest"), "{wrong}");

    // A second look needs no registry: nothing listens where this session sends its requests.
    let closed = ClosedPort::new();
    let offline = session(&sb, &user, Some(closed.addr().to_string()));
    let again = tag_platforms(&offline, Some(&cache), "team-p", "app", &asked[..2])
        .await
        .unwrap();
    assert_eq!(again, answers[..2]);
    // Without the cache the same session is refused, so the answer above was the disk's.
    let cold = tag_platforms(&offline, None, "team-p", "app", &asked[..1])
        .await
        .unwrap();
    assert!(cold[0].problem.is_some(), "{cold:?}");
}

#[tokio::test]
async fn inspecting_an_index_reads_at_the_account_s_pace() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-p").await;
    let user = sb.user(0, true).clone();
    let dir = tempfile::tempdir().unwrap();
    let multi = dir.path().join("multi");
    oci_layout::layout(&multi, &[("amd64", "a"), ("arm64", "b"), ("s390x", "c")]);
    sb.skopeo_push_layout(&user, &multi, "team-p/app:multi");

    // A pacer of 5 reads a second with no burst: the index, then each platform's manifest and
    // config, are 7 reads, so at least 6 gaps of 200 ms. Unpaced they take a few milliseconds
    // on loopback.
    let slow = Session::from_configs(
        "test",
        sb.api_config(&user),
        sb.registry_config(&user, 3),
        Some(Arc::new(RateLimiter::new(5, 1))),
    )
    .unwrap();
    let started = Instant::now();
    let found = inspect(
        &slow,
        None,
        "team-p",
        "app",
        &TagOrDigest::Tag("multi".into()),
    )
    .await
    .unwrap();
    let took = started.elapsed();
    let ours: Vec<String> = found
        .platforms
        .iter()
        .map(|p| p.name().to_string())
        .collect();
    let theirs = index_platforms(&sb, &user, "team-p/app:multi");
    assert_eq!(ours, theirs);
    assert_eq!(ours.len(), 3);
    assert!(
        took >= Duration::from_millis(1150),
        "7 reads at 5 a second came back after {took:?}"
    );
}
