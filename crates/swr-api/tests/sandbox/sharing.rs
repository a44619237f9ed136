use futures::TryStreamExt;
use swr_api::model::{ShareDeadline, SharedBy, SharedRepoQuery};
use swr_api::{ErrorKind, OffsetRequest};

use swr_testkit::Sandbox;

#[tokio::test]
async fn share_with_another_account_and_list_both_sides() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let beta = sb.admin(1);
    let beta_domain = sb.domain_name(1).to_owned();
    let (ns, repo) = ("demo-apps", "api");

    let until = ShareDeadline::parse("2099-12-31T16:00:00Z").unwrap();
    alpha
        .share_repo(ns, repo, &beta_domain, &until, Some("for the beta team"))
        .await
        .unwrap();
    let shares = alpha.list_shares(ns, repo).await.unwrap();
    let share = shares
        .iter()
        .find(|s| s.access_domain == beta_domain)
        .expect("listed");
    assert_eq!(share.permit, "read");
    assert_eq!(share.description, "for the beta team");
    assert_eq!(
        ShareDeadline::parse(&share.deadline),
        Some(until),
        "deadline {} round-trips",
        share.deadline
    );

    let err = alpha
        .share_repo(ns, repo, &beta_domain, &until, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    let shown = alpha.show_share(ns, repo, &beta_domain).await.unwrap();
    assert_eq!(shown.exist, Some(true));
    let missing = alpha.show_share(ns, repo, "nobody-account").await.unwrap();
    assert_eq!(
        missing.exist,
        Some(false),
        "an unknown account is an answer, not an error"
    );

    alpha
        .update_share(
            ns,
            repo,
            &beta_domain,
            &ShareDeadline::Forever,
            Some("updated"),
        )
        .await
        .unwrap();
    let shown = alpha.show_share(ns, repo, &beta_domain).await.unwrap();
    assert_eq!(shown.deadline, "forever");
    assert_eq!(shown.description, "updated");

    // Shared by me (v2 and v3) and shared with me.
    let mine: Vec<_> = alpha
        .list_shared_repos(SharedRepoQuery::new(SharedBy::Me), 100)
        .try_collect()
        .await
        .unwrap();
    assert!(
        mine.iter().any(|r| r.namespace == ns && r.name == repo),
        "{mine:?}"
    );
    let page = alpha
        .list_shared_repos_page(
            &SharedRepoQuery::new(SharedBy::Me),
            OffsetRequest::default(),
        )
        .await
        .unwrap();
    assert_eq!(page.total, Some(u64::try_from(mine.len()).unwrap()));
    let theirs: Vec<_> = beta
        .list_shared_repos_v3(SharedRepoQuery::new(SharedBy::Others), 100)
        .try_collect()
        .await
        .unwrap();
    let got = theirs
        .iter()
        .find(|r| r.namespace_name == ns && r.name == repo)
        .expect("beta sees the share");
    assert!(got.status, "the share is valid");
    let v3_mine: Vec<_> = alpha
        .list_shared_repos_v3(SharedRepoQuery::new(SharedBy::Me), 1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(v3_mine.len(), mine.len());

    // Local rules: past deadline and long description never reach the server.
    let past = ShareDeadline::parse("2001-01-01T00:00:00Z").unwrap();
    let err = alpha
        .update_share(ns, repo, &beta_domain, &past, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let long = "x".repeat(1001);
    let err = alpha
        .update_share(ns, repo, &beta_domain, &ShareDeadline::Forever, Some(&long))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha.delete_share(ns, repo, &beta_domain).await.unwrap();
    let shares = alpha.list_shares(ns, repo).await.unwrap();
    assert!(shares.iter().all(|s| s.access_domain != beta_domain));
}
