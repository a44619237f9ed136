use swr_api::ErrorKind;

use swr_testkit::Sandbox;

#[tokio::test]
async fn organization_lifecycle() {
    let sb = Sandbox::start(&[]);
    let alpha = sb.admin(0);

    alpha.create_namespace("team-a").await.unwrap();
    let list = alpha.list_namespaces(false).await.unwrap();
    let team = list
        .iter()
        .find(|n| n.name == "team-a")
        .expect("created organization is listed");
    assert_eq!(team.auth, 7, "the creator manages the organization");
    assert_eq!(team.level(), Some(swr_api::model::PermissionLevel::Manage));

    let shown = alpha.show_namespace("team-a").await.unwrap();
    assert_eq!(shown.name, "team-a");
    assert_eq!(shown.id, team.id);

    // Names are unique across accounts.
    let err = sb.admin(1).create_namespace("team-a").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.status(), Some(409));
    assert!(err.request_id().is_some(), "409 carries X-Request-Id");

    // Invalid names never reach the server.
    let err = alpha.create_namespace("Team_A").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.status(), None);

    alpha.delete_namespace("team-a").await.unwrap();
    let err = alpha.show_namespace("team-a").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert!(
        err.code().is_some_and(|c| c.starts_with("SVCSTG.SWR.404")),
        "{err}"
    );
    assert!(alpha
        .list_namespaces(false)
        .await
        .unwrap()
        .iter()
        .all(|n| n.name != "team-a"));
}

#[tokio::test]
async fn organization_with_images_cannot_be_deleted() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let err = alpha.delete_namespace("demo-apps").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotEmpty, "{err}");
    let en = err.user_message().en;
    assert!(en.contains("still contains images"), "{en}");
}
