use swr_api::{Client, ClientConfig, Credentials, EndpointOverrides, ErrorKind};

use swr_testkit::Sandbox;

fn client_with(sb: &Sandbox, ak: &str, sk: &str) -> Client {
    let mut config = ClientConfig::new(sb.ready.region.clone(), Credentials::new(ak, sk));
    config.project_id = Some(sb.ready.project_id.clone());
    // Loopback only: a proxy from the environment must not see test traffic.
    config.transport.proxy = swr_api::config::ProxySetting::Direct;
    config.endpoints = EndpointOverrides {
        api: Some(sb.ready.api_endpoint.clone()),
        ..Default::default()
    };
    Client::new(config).unwrap()
}

#[tokio::test]
async fn bad_credentials_are_authentication_errors_with_request_ids() {
    let sb = Sandbox::start(&[]);
    let user = sb.user(0, true).clone();

    let wrong_sk = client_with(&sb, &user.ak, "not-the-secret-key");
    let err = wrong_sk.list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AuthenticationFailed, "{err}");
    assert_eq!(err.status(), Some(401));
    assert!(err.request_id().is_some());
    assert!(!err.to_string().contains("not-the-secret-key"));
    assert!(!format!("{err:?}").contains("not-the-secret-key"));
    assert!(err.user_message().zh_cn.contains("AK/SK"));

    let unknown = client_with(&sb, "UNKNOWNACCESSKEY0000", &user.sk);
    let err = unknown.list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AuthenticationFailed);
    assert!(!format!("{err:?}").contains(&user.sk));
}

#[tokio::test]
async fn unreachable_endpoint_is_a_network_error() {
    let closed = swr_testkit::ClosedPort::new();
    let port = closed.port();
    let mut config = ClientConfig::new("cn-north-4", Credentials::new("AK", "SK"));
    config.project_id = Some("p".into());
    config.retry = swr_api::retry::RetryPolicy {
        base_delay: std::time::Duration::from_millis(10),
        ..Default::default()
    };
    config.transport.proxy = swr_api::config::ProxySetting::Direct;
    config.endpoints.api = Some(format!("http://127.0.0.1:{port}"));
    let client = Client::new(config).unwrap();
    let err = client.list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn https_to_a_plain_http_port_is_a_tls_error() {
    let sb = Sandbox::start(&[]);
    let user = sb.user(0, true).clone();
    let https = sb.ready.api_endpoint.replace("http://", "https://");
    let mut config = ClientConfig::new(
        sb.ready.region.clone(),
        Credentials::new(&user.ak, &user.sk),
    );
    config.project_id = Some(sb.ready.project_id.clone());
    config.transport.proxy = swr_api::config::ProxySetting::Direct;
    config.retry = swr_api::retry::RetryPolicy::none();
    config.endpoints.api = Some(https);
    let client = Client::new(config).unwrap();
    let err = client.list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Tls, "{err}");
    assert!(!err.is_retryable());
}
