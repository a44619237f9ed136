use futures::TryStreamExt;
use swr_api::model::{
    Category, CreateRepoRequest, RepoListQuery, RepoListQueryV3, RepoSort, SortDirection,
    UpdateRepoRequest,
};
use swr_api::{ErrorKind, OffsetRequest};

use swr_testkit::Sandbox;

fn create(name: &str) -> CreateRepoRequest {
    CreateRepoRequest {
        repository: name.to_owned(),
        is_public: false,
        category: Some(Category::Linux),
        description: Some(format!("about {name}")),
    }
}

#[tokio::test]
async fn repository_lifecycle_with_slash_names() {
    let sb = Sandbox::start(&[]);
    let alpha = sb.admin(0);
    alpha.create_namespace("team-r").await.unwrap();

    alpha
        .create_repo("team-r", &create("group/app"))
        .await
        .unwrap();
    let repo = alpha.show_repo("team-r", "group/app").await.unwrap();
    assert_eq!(repo.name, "group/app");
    assert_eq!(repo.category, "linux");
    assert!(!repo.is_public);
    assert_eq!(repo.description, "about group/app");

    alpha
        .update_repo(
            "team-r",
            "group/app",
            &UpdateRepoRequest {
                is_public: true,
                category: Some(Category::Database),
                description: Some("数据库镜像".to_owned()),
            },
        )
        .await
        .unwrap();
    let repo = alpha.show_repo("team-r", "group/app").await.unwrap();
    assert!(repo.is_public);
    assert_eq!(repo.category, "database");
    assert_eq!(repo.description, "数据库镜像");

    let err = alpha
        .create_repo("team-r", &create("group/app"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    let too_long = CreateRepoRequest {
        description: Some("x".repeat(30_001)),
        ..create("other")
    };
    let err = alpha.create_repo("team-r", &too_long).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha.delete_repo("team-r", "group/app").await.unwrap();
    let err = alpha.show_repo("team-r", "group/app").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn v2_and_v3_lists_page_filter_and_sort() {
    let sb = Sandbox::start(&[]);
    let alpha = sb.admin(0);
    alpha.create_namespace("team-l").await.unwrap();
    let names = ["delta", "alpha", "echo", "charlie", "bravo"];
    for n in names {
        alpha.create_repo("team-l", &create(n)).await.unwrap();
    }
    alpha
        .create_repo(
            "team-l",
            &CreateRepoRequest {
                category: Some(Category::Arm),
                ..create("zulu")
            },
        )
        .await
        .unwrap();

    let linux = RepoListQuery {
        namespace: Some("team-l".into()),
        category: Some(Category::Linux),
        ..Default::default()
    };
    let page = alpha
        .list_repos_page(
            &linux,
            OffsetRequest {
                offset: 0,
                limit: 2,
            },
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.total,
        Some(5),
        "Content-Range total counts the filtered repositories"
    );
    assert_eq!(page.next, Some(2));

    let all: Vec<_> = alpha
        .list_repos(linux.clone(), 2)
        .try_collect()
        .await
        .unwrap();
    let mut got: Vec<_> = all.iter().map(|r| r.name.clone()).collect();
    got.sort();
    assert_eq!(got, ["alpha", "bravo", "charlie", "delta", "echo"]);
    assert!(all.iter().all(|r| r.namespace == "team-l"));

    let by_name = RepoListQuery {
        sort: Some((RepoSort::Name, SortDirection::Desc)),
        ..linux.clone()
    };
    let sorted: Vec<_> = alpha.list_repos(by_name, 10).try_collect().await.unwrap();
    let sorted: Vec<_> = sorted.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(sorted, ["echo", "delta", "charlie", "bravo", "alpha"]);

    let name_filter = RepoListQuery {
        namespace: Some("team-l".into()),
        name: Some("ech".into()),
        ..Default::default()
    };
    let found: Vec<_> = alpha
        .list_repos(name_filter, 10)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "echo");

    // v3: integer markers, page by page.
    let query = RepoListQueryV3 {
        namespace: Some("team-l".into()),
        ..Default::default()
    };
    let first = alpha.list_repos_v3_page(&query, None, 4).await.unwrap();
    assert_eq!(first.items.len(), 4);
    assert!(first.next.is_some(), "a marker follows a full page");
    let v3: Vec<_> = alpha.list_repos_v3(query, 4).try_collect().await.unwrap();
    assert_eq!(v3.len(), 6);
    assert!(v3.iter().all(|r| r.namespace_name == "team-l" && r.id > 0));
    let arm: Vec<_> = alpha
        .list_repos_v3(
            RepoListQueryV3 {
                namespace: Some("team-l".into()),
                category: Some(Category::Arm),
                ..Default::default()
            },
            100,
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(arm.len(), 1);
    assert_eq!(arm[0].name, "zulu");
}
