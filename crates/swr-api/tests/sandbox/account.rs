use swr_testkit::Sandbox;

#[tokio::test]
async fn account_reads_and_temporary_logins() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);

    let quotas = alpha.list_quotas().await.unwrap();
    let ns_quota = quotas
        .iter()
        .find(|q| q.quota_key == "namespace")
        .expect("namespace quota");
    assert!(
        ns_quota.used >= 2,
        "the demo account has two organizations: {ns_quota:?}"
    );
    assert!(ns_quota.quota_limit >= ns_quota.used);

    let overview = alpha.overview().await.unwrap();
    assert_eq!(overview.domain_name, sb.domain_name(0));
    assert!(
        overview.namespace_num >= 2,
        "`namspace_num` is read: {overview:?}"
    );
    assert!(overview.repo_num >= 3);

    let gates = alpha.feature_gates().await.unwrap();
    assert!(gates.enable_list_v3 && gates.enable_image_sync, "{gates:?}");
    let agency = alpha.check_agency().await.unwrap();
    if !agency.is_agency {
        alpha.create_agency().await.unwrap();
    }
    assert!(alpha.check_agency().await.unwrap().is_agency);
    let report = alpha.report("storage", "daily").await.unwrap();
    assert!(!report.is_empty());
    assert!(
        report.iter().all(|p| !p.date.is_empty() && p.value > 0.0),
        "{report:?}"
    );

    let versions = alpha.list_api_versions().await.unwrap();
    assert!(versions.iter().any(|v| v.id == "v2"), "{versions:?}");
    let v2 = alpha.show_api_version("v2").await.unwrap();
    assert_eq!(v2.map(|v| v.id), Some("v2".to_owned()));

    let logins = alpha.create_temporary_login(None).await.unwrap();
    let login = logins
        .iter()
        .find(|l| l.registry == sb.ready.registry)
        .expect("a login for the sandbox registry");
    assert!(!login.username.is_empty() && !login.password.expose().is_empty());
    assert!(login.expires_at.is_some(), "X-Swr-Expireat is read");
    assert!(!format!("{login:?}").contains(login.password.expose().as_str()));

    // The sandbox enables `enable_authorization_token`, so the enhanced login is served.
    let tokens = alpha.create_authorization_token().await.unwrap();
    let token = tokens
        .iter()
        .find(|t| t.registry == sb.ready.registry)
        .expect("a token for the sandbox registry");
    assert!(!token.password.expose().is_empty());
    assert!(token.expires_at.is_some(), "x-swr-expireat is read");
}
