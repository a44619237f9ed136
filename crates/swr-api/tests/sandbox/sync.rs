use std::path::Path;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use swr_api::model::{SortDirection, SyncJob};
use swr_api::{Client, ErrorKind, OffsetRequest};

use crate::images;
use swr_testkit::{Region as RegionInfo, Sandbox, User as UserInfo};

#[tokio::test]
async fn sync_rules_manual_sync_and_jobs() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let (ns, repo) = ("demo-apps", "web");

    let regions = alpha.list_sync_regions().await.unwrap();
    assert!(!regions.is_empty());
    assert!(
        !regions.contains(&sb.ready.region),
        "a region is not its own sync target"
    );
    let target = regions[0].clone();

    alpha
        .create_sync_rule(ns, repo, &target, "demo-apps-copy", true, false)
        .await
        .unwrap();
    let rules = alpha.list_sync_rules(ns, repo).await.unwrap();
    let rule = rules
        .iter()
        .find(|r| r.remote_region_id == target)
        .expect("rule listed with camelCase fields");
    assert_eq!(rule.remote_namespace, "demo-apps-copy");
    assert!(rule.sync_auto);
    assert_eq!(rule.repo_name, repo);

    let failed = alpha
        .sync_tags(
            ns,
            repo,
            &["v1.0.0".into(), "latest".into()],
            &target,
            "demo-apps-copy",
            false,
        )
        .await
        .unwrap();
    assert!(failed.len() <= 2, "{failed:?}");

    let page = alpha
        .list_sync_jobs_page(
            ns,
            repo,
            OffsetRequest {
                offset: 0,
                limit: 1,
            },
            Some(SortDirection::Desc),
        )
        .await
        .unwrap();
    assert!(page.total.is_some_and(|t| t >= 2), "{page:?}");
    let jobs: Vec<_> = alpha
        .list_sync_jobs(ns, repo, None, 1)
        .try_collect()
        .await
        .unwrap();
    assert!(jobs.len() >= 2);
    assert!(
        jobs.iter()
            .all(|j| j.remote_region_id == target && j.status == "failed"),
        "a region this sandbox does not serve is unreachable: {jobs:?}"
    );

    let err = alpha
        .sync_tags(
            ns,
            repo,
            &["bad tag".into()],
            &target,
            "demo-apps-copy",
            false,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha
        .delete_sync_rule(ns, repo, &target, "demo-apps-copy")
        .await
        .unwrap();
    assert!(alpha
        .list_sync_rules(ns, repo)
        .await
        .unwrap()
        .iter()
        .all(|r| r.remote_region_id != target));
}

/// Every sync job of the repository, oldest first, once none is `running` any more.
async fn settled_jobs(client: &Client, ns: &str, repo: &str) -> Vec<SyncJob> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let jobs: Vec<SyncJob> = client
            .list_sync_jobs(ns, repo, Some(SortDirection::Asc), 100)
            .try_collect()
            .await
            .unwrap();
        if jobs.iter().all(|j| j.status != "running") {
            return jobs;
        }
        assert!(Instant::now() < deadline, "jobs still running: {jobs:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn outcomes(jobs: &[SyncJob]) -> Vec<(&str, &str)> {
    jobs.iter()
        .map(|j| (j.tag.as_str(), j.status.as_str()))
        .collect()
}

/// `from` in one region and `to` in another are the same image: the same manifest bytes, and
/// pulled whole (skopeo checks each blob against its digest), the same set of blobs.
fn assert_same_image(
    regions: (&RegionInfo, &RegionInfo),
    user: &UserInfo,
    from: &str,
    to: &str,
    work: &Path,
) {
    let (raw_from, digest_from) = images::raw_manifest(regions.0, user, from);
    let (raw_to, digest_to) = images::raw_manifest(regions.1, user, to);
    assert_eq!(digest_to, digest_from, "{to} is {from}");
    assert_eq!(raw_to, raw_from);
    let here = work.join(format!("pulled-from-{}", from.replace(['/', ':'], "-")));
    let there = work.join(format!("pulled-to-{}", to.replace(['/', ':'], "-")));
    images::pull(regions.0, user, from, &here);
    images::pull(regions.1, user, to, &there);
    let blobs = images::blobs(&there);
    assert!(blobs.contains(&digest_to), "{blobs:?}");
    assert_eq!(
        blobs,
        images::blobs(&here),
        "{to} holds every blob of {from}"
    );
}

#[tokio::test]
async fn sync_copies_images_to_another_served_region() {
    let sb = Sandbox::start(&["--seed", "none", "--regions", "cn-north-4,cn-east-3"]);
    let regions = &sb.ready.regions;
    assert_eq!(regions.len(), 2, "{regions:?}");
    let (north, east) = (&regions[0], &regions[1]);
    assert_eq!(
        (north.region.as_str(), east.region.as_str()),
        ("cn-north-4", "cn-east-3")
    );
    assert_eq!(north.region, sb.ready.region);
    assert_eq!(north.api_endpoint, sb.ready.api_endpoint);
    assert_eq!(north.registry, sb.ready.registry);
    assert_eq!(north.project_id, sb.ready.project_id);
    assert_ne!(north.registry, east.registry);

    let admin = sb.user(0, true).clone();
    let src = sb.api_in(0, &admin);
    let dst = sb.api_in(1, &admin);
    assert_eq!(src.list_sync_regions().await.unwrap(), ["cn-east-3"]);
    assert_eq!(dst.list_sync_regions().await.unwrap(), ["cn-north-4"]);

    let (ns, repo, remote) = ("src-team", "app", "dst-team");
    src.create_namespace(ns).await.unwrap();
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let push = |name: &str, platforms: &[(&str, &str)], reference: &str| {
        let layout = work.join(name);
        images::layout(&layout, platforms);
        images::push(north, &admin, &layout, reference);
    };
    push("v1", &[("amd64", "one")], "src-team/app:v1");
    push(
        "multi",
        &[("amd64", "multi amd64"), ("arm64", "multi arm64")],
        "src-team/app:multi",
    );
    let v1 = vec!["v1".to_owned()];
    let both = vec!["v1".to_owned(), "multi".to_owned()];

    // Organizations are per region: the target one does not exist there yet.
    let rejected = src
        .sync_tags(ns, repo, &v1, "cn-east-3", remote, false)
        .await
        .unwrap();
    assert!(rejected.is_empty(), "{rejected:?}");
    let jobs = settled_jobs(&src, ns, repo).await;
    assert_eq!(outcomes(&jobs), [("v1", "failed")]);
    let err = dst.show_repo(remote, repo).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");

    dst.create_namespace(remote).await.unwrap();
    let rejected = src
        .sync_tags(ns, repo, &both, "cn-east-3", remote, false)
        .await
        .unwrap();
    assert!(rejected.is_empty(), "{rejected:?}");
    let jobs = settled_jobs(&src, ns, repo).await;
    assert_eq!(
        outcomes(&jobs[1..]),
        [("v1", "success"), ("multi", "success")]
    );
    assert!(jobs
        .iter()
        .all(|j| j.remote_region_id == "cn-east-3" && j.remote_namespace == remote));

    for tag in ["v1", "multi"] {
        assert_same_image(
            (north, east),
            &admin,
            &format!("{ns}/{repo}:{tag}"),
            &format!("{remote}/{repo}:{tag}"),
            work,
        );
        let here = src.show_tag(ns, repo, tag).await.unwrap();
        let there = dst.show_tag(remote, repo, tag).await.unwrap();
        assert_eq!(there.digest, here.digest, "{tag}");
        assert_eq!(there.tag_type, here.tag_type, "{tag}");
    }
    assert_eq!(
        dst.show_tag(remote, repo, "multi").await.unwrap().tag_type,
        1
    );
    let copied = dst.show_repo(remote, repo).await.unwrap();
    assert!(!copied.is_public, "created private, as by a push");
    assert_eq!(
        copied.domain_id,
        src.show_repo(ns, repo).await.unwrap().domain_id
    );
    assert!(
        images::exists(east, &admin, &format!("{remote}/{repo}:v1"))
            && !images::exists(north, &admin, &format!("{remote}/{repo}:v1"))
            && !images::exists(east, &admin, &format!("{ns}/{repo}:v1")),
        "each region sees only its own images"
    );

    // An automatic rule copies every new push.
    src.create_sync_rule(ns, repo, "cn-east-3", remote, true, false)
        .await
        .unwrap();
    push("v2", &[("amd64", "two")], "src-team/app:v2");
    let jobs = settled_jobs(&src, ns, repo).await;
    assert_eq!(outcomes(&jobs[3..]), [("v2", "success")]);
    assert_same_image(
        (north, east),
        &admin,
        &format!("{ns}/{repo}:v2"),
        &format!("{remote}/{repo}:v2"),
        work,
    );

    // Without override a different image never replaces the target's tag: neither the rule
    // (on the push of a rebuilt v1) nor a manual sync.
    let (_, kept) = images::raw_manifest(east, &admin, &format!("{remote}/{repo}:v1"));
    push(
        "v1-rebuilt",
        &[("amd64", "one, rebuilt")],
        "src-team/app:v1",
    );
    let rejected = src
        .sync_tags(ns, repo, &v1, "cn-east-3", remote, false)
        .await
        .unwrap();
    assert!(rejected.is_empty(), "{rejected:?}");
    let jobs = settled_jobs(&src, ns, repo).await;
    assert_eq!(outcomes(&jobs[4..]), [("v1", "failed"), ("v1", "failed")]);
    assert_eq!(
        images::raw_manifest(east, &admin, &format!("{remote}/{repo}:v1")).1,
        kept
    );
    assert_eq!(dst.show_tag(remote, repo, "v1").await.unwrap().digest, kept);

    // With override it does.
    let rejected = src
        .sync_tags(ns, repo, &v1, "cn-east-3", remote, true)
        .await
        .unwrap();
    assert!(rejected.is_empty(), "{rejected:?}");
    let jobs = settled_jobs(&src, ns, repo).await;
    assert_eq!(outcomes(&jobs[6..]), [("v1", "success")]);
    assert_same_image(
        (north, east),
        &admin,
        &format!("{ns}/{repo}:v1"),
        &format!("{remote}/{repo}:v1"),
        work,
    );
    assert_ne!(dst.show_tag(remote, repo, "v1").await.unwrap().digest, kept);
}
