use futures::TryStreamExt;
use swr_api::model::{SortDirection, TagListQuery, TagSort};
use swr_api::{ErrorKind, OffsetRequest};

use swr_testkit::Sandbox;

#[tokio::test]
async fn tag_lists_show_retag_and_delete() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let (ns, repo) = ("demo-apps", "web");

    let page = alpha
        .list_tags_page(
            ns,
            repo,
            &TagListQuery::default(),
            OffsetRequest {
                offset: 0,
                limit: 2,
            },
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.total, Some(3));
    let v2: Vec<_> = alpha
        .list_tags(ns, repo, TagListQuery::default(), 2)
        .try_collect()
        .await
        .unwrap();
    let mut names: Vec<_> = v2.iter().map(|t| t.tag.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        ["latest", "v1.0.0", "v1.1.0"],
        "the capital `Tag` key is read"
    );
    assert!(v2
        .iter()
        .all(|t| t.digest.starts_with("sha256:") && t.size > 0));

    let by_name = TagListQuery {
        sort: Some((TagSort::Tag, SortDirection::Asc)),
        ..Default::default()
    };
    let v3: Vec<_> = alpha
        .list_tags_v3(ns, repo, by_name, 1)
        .try_collect()
        .await
        .unwrap();
    let v3_names: Vec<_> = v3.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(
        v3_names,
        ["latest", "v1.0.0", "v1.1.0"],
        "string markers walk every page"
    );

    let shown = alpha.show_tag(ns, repo, "v1.1.0").await.unwrap();
    assert_eq!(shown.tag, "v1.1.0");
    let original = v2.iter().find(|t| t.tag == "v1.1.0").unwrap();
    assert_eq!(shown.digest, original.digest);

    alpha
        .retag(ns, repo, "v1.1.0", "stable", false)
        .await
        .unwrap();
    let stable = alpha.show_tag(ns, repo, "stable").await.unwrap();
    assert_eq!(
        stable.digest, original.digest,
        "retag points at the same image"
    );
    let err = alpha
        .retag(ns, repo, "v1.1.0", "stable", false)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    let err = alpha
        .retag(ns, repo, "v1.1.0", "-bad", false)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha.delete_tag(ns, repo, "v1.0.0").await.unwrap();
    let err = alpha.show_tag(ns, repo, "v1.0.0").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    let filtered = alpha
        .list_tags_page(
            ns,
            repo,
            &TagListQuery {
                tag: Some("v1.0.0".into()),
                ..Default::default()
            },
            OffsetRequest::default(),
        )
        .await
        .unwrap();
    assert!(filtered.items.iter().all(|t| t.tag != "v1.0.0"));
}

#[tokio::test]
async fn accessories_and_references_of_a_tag() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let page = alpha
        .list_accessories_page("demo-apps", "web", "latest", OffsetRequest::default())
        .await
        .unwrap();
    assert_eq!(page.total, Some(0), "the demo images carry no signatures");
    assert!(page.items.is_empty() && page.next.is_none());
    let refs: Vec<String> = alpha
        .list_references("demo-apps", "web", "latest")
        .try_collect()
        .await
        .unwrap();
    assert!(refs.is_empty());

    let err = alpha
        .list_accessories_page("demo-apps", "web", "no-such-tag", OffsetRequest::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    let err = alpha
        .list_references_page("demo-apps", "web", "no-such-tag", None, 10)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}
