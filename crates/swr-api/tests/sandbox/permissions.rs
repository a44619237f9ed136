use swr_api::model::{PermissionGrant, PermissionLevel};
use swr_api::ErrorKind;

use swr_testkit::Sandbox;

#[tokio::test]
async fn organization_and_repository_permissions() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let dev = sb.user(0, false).clone();
    let dev_client = sb.api(&dev);

    alpha.create_namespace("perm-org").await.unwrap();
    // The developer has no permission on a new organization yet.
    let err = dev_client.show_namespace_permissions("perm-org").await;
    assert!(err.is_err(), "{err:?}");

    let grant = |level| PermissionGrant {
        user_id: dev.user_id.clone(),
        user_name: dev.user_name.clone(),
        auth: level,
    };
    alpha
        .grant_namespace_permissions("perm-org", &[grant(PermissionLevel::Read)])
        .await
        .unwrap();
    let perms = alpha.show_namespace_permissions("perm-org").await.unwrap();
    assert_eq!(perms.name, "perm-org");
    assert_eq!(perms.self_auth.as_ref().map(|a| a.auth), Some(7));
    let entry = perms
        .others_auths
        .iter()
        .find(|a| a.user_id == dev.user_id)
        .expect("grant listed");
    assert_eq!(entry.level(), Some(PermissionLevel::Read));

    alpha
        .update_namespace_permissions("perm-org", &[grant(PermissionLevel::Write)])
        .await
        .unwrap();
    let perms = alpha.show_namespace_permissions("perm-org").await.unwrap();
    let entry = perms
        .others_auths
        .iter()
        .find(|a| a.user_id == dev.user_id)
        .unwrap();
    assert_eq!(entry.auth, 3);
    let as_dev = dev_client.show_namespace("perm-org").await.unwrap();
    assert_eq!(as_dev.auth, 3, "the grantee sees its own level");

    alpha
        .revoke_namespace_permissions("perm-org", std::slice::from_ref(&dev.user_id))
        .await
        .unwrap();
    let perms = alpha.show_namespace_permissions("perm-org").await.unwrap();
    assert!(perms.others_auths.iter().all(|a| a.user_id != dev.user_id));

    // Repository level, on a repository whose name needs the `$` rule.
    alpha
        .create_repo(
            "perm-org",
            &swr_api::model::CreateRepoRequest {
                repository: "tools/cli".into(),
                is_public: false,
                category: None,
                description: None,
            },
        )
        .await
        .unwrap();
    alpha
        .grant_repo_permissions("perm-org", "tools/cli", &[grant(PermissionLevel::Manage)])
        .await
        .unwrap();
    let perms = alpha
        .show_repo_permissions("perm-org", "tools/cli")
        .await
        .unwrap();
    let entry = perms
        .others_auths
        .iter()
        .find(|a| a.user_id == dev.user_id)
        .unwrap();
    assert_eq!(entry.level(), Some(PermissionLevel::Manage));
    // With only a repository grant, the organization is listed in `visible` mode only.
    let plain = dev_client.list_namespaces(false).await.unwrap();
    assert!(plain.iter().all(|n| n.name != "perm-org"), "{plain:?}");
    let visible = dev_client.list_namespaces(true).await.unwrap();
    assert!(visible.iter().any(|n| n.name == "perm-org"), "{visible:?}");
    alpha
        .update_repo_permissions("perm-org", "tools/cli", &[grant(PermissionLevel::Read)])
        .await
        .unwrap();
    let perms = alpha
        .show_repo_permissions("perm-org", "tools/cli")
        .await
        .unwrap();
    let entry = perms
        .others_auths
        .iter()
        .find(|a| a.user_id == dev.user_id)
        .unwrap();
    assert_eq!(entry.auth, 1);
    alpha
        .revoke_repo_permissions("perm-org", "tools/cli", std::slice::from_ref(&dev.user_id))
        .await
        .unwrap();
    let perms = alpha
        .show_repo_permissions("perm-org", "tools/cli")
        .await
        .unwrap();
    assert!(perms.others_auths.iter().all(|a| a.user_id != dev.user_id));

    // Another account's admin cannot change the organization.
    let err = sb
        .admin(1)
        .grant_namespace_permissions("perm-org", &[grant(PermissionLevel::Read)])
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
        "{err}"
    );
}
