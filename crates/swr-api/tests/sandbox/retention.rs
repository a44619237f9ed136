use futures::TryStreamExt;
use swr_api::model::{RetentionRule, TagSelector};
use swr_api::{ErrorKind, OffsetRequest};

use swr_testkit::Sandbox;

#[tokio::test]
async fn retention_policies_and_log() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let (ns, repo) = ("demo-apps", "api");

    let policies = alpha.list_retentions(ns, repo).await.unwrap();
    assert_eq!(policies.len(), 1, "the demo seeds one keep-3 policy");
    let policy = &policies[0];
    assert_eq!(policy.algorithm, "or");
    assert_eq!(policy.rules[0].template, "tag_rule");
    assert_eq!(
        policy.rules[0].params.num.as_deref(),
        Some("3"),
        "numbers travel as strings"
    );

    let shown = alpha.show_retention(ns, repo, policy.id).await.unwrap();
    assert_eq!(&shown, policy);

    let log = alpha
        .list_retention_histories_page(
            ns,
            repo,
            OffsetRequest {
                offset: 0,
                limit: 10,
            },
        )
        .await
        .unwrap();
    assert!(log.total.is_some_and(|t| t >= 1), "{log:?}");
    // The seed pushes v1–v4 within moments; which one the keep-3 policy removed is the
    // sandbox's business. What matters is that the log names a tag that is really gone.
    let removed = log
        .items
        .first()
        .unwrap_or_else(|| panic!("a log entry: {log:?}"));
    assert_eq!(removed.retention_id, policy.id);
    assert_eq!(
        removed.rule().map(|r| r.template),
        Some("tag_rule".to_owned())
    );
    let err = alpha.show_tag(ns, repo, &removed.tag).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{} is gone", removed.tag);
    let streamed: Vec<_> = alpha
        .list_retention_histories(ns, repo, 1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(u64::try_from(streamed.len()).ok(), log.total);

    let rules = [RetentionRule::keep_days(
        30,
        vec![
            TagSelector::label("latest"),
            TagSelector::regexp("^release-.*$"),
        ],
    )];
    alpha
        .update_retention(ns, repo, policy.id, &rules)
        .await
        .unwrap();
    let updated = alpha.show_retention(ns, repo, policy.id).await.unwrap();
    assert_eq!(updated.rules[0].template, "date_rule");
    assert_eq!(updated.rules[0].params.days.as_deref(), Some("30"));
    assert_eq!(updated.rules[0].tag_selectors.len(), 2);

    // Out-of-range counts are refused locally.
    let err = alpha
        .update_retention(
            ns,
            repo,
            policy.id,
            &[RetentionRule::keep_days(366, vec![])],
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = alpha
        .create_retention(ns, repo, &[RetentionRule::keep_newest(0, vec![])])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha.delete_retention(ns, repo, policy.id).await.unwrap();
    assert!(alpha.list_retentions(ns, repo).await.unwrap().is_empty());
    let err = alpha.show_retention(ns, repo, policy.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let id = alpha
        .create_retention(ns, repo, &[RetentionRule::keep_newest(10, vec![])])
        .await
        .unwrap()
        .expect("create_retention answers the new id");
    let created = alpha.show_retention(ns, repo, id).await.unwrap();
    assert_eq!(created.rules[0].params.num.as_deref(), Some("10"));
}
