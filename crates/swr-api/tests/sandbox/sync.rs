use futures::TryStreamExt;
use swr_api::model::SortDirection;
use swr_api::{ErrorKind, OffsetRequest};

use crate::harness::Sandbox;

#[tokio::test]
async fn sync_rules_manual_sync_and_jobs() {
    let sb = Sandbox::start("demo");
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
    assert!(jobs
        .iter()
        .all(|j| j.remote_region_id == target && !j.status.is_empty()));

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
