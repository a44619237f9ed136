//! The retry rule at the transport level: reads are retried after a dropped connection,
//! mutations are not. A bare TCP listener that accepts and immediately closes each connection
//! stands in for a flaky network; it speaks no HTTP at all.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use swr_api::retry::RetryPolicy;
use swr_api::{Client, ClientConfig, Credentials, ErrorKind};

/// Starts a listener that drops every connection; returns its port and the accept counter.
async fn dropping_listener() -> (u16, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (port, accepted)
}

fn client(port: u16) -> Client {
    let mut config = ClientConfig::new("cn-north-4", Credentials::new("AK", "SK"));
    config.project_id = Some("p".into());
    // Loopback only: a proxy from the environment must not see test traffic.
    config.transport.proxy = swr_api::config::ProxySetting::Direct;
    config.endpoints.api = Some(format!("http://127.0.0.1:{port}"));
    config.retry = RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    };
    Client::new(config).unwrap()
}

#[tokio::test]
async fn reads_retry_after_dropped_connections() {
    let (port, accepted) = dropping_listener().await;
    let err = client(port).list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        3,
        "one attempt and two retries"
    );
}

#[tokio::test]
async fn mutations_are_not_retried() {
    let (port, accepted) = dropping_listener().await;
    let err = client(port).create_namespace("team-a").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "a create is sent once");
    let err = client(port)
        .delete_tag("team-a", "app", "v1")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert_eq!(accepted.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn explicit_proxy_carries_the_requests() {
    let (proxy_port, accepted) = dropping_listener().await;
    let mut config = ClientConfig::new("cn-north-4", Credentials::new("AK", "SK"));
    config.project_id = Some("p".into());
    // Nothing listens on the API port; only the proxy can see the request.
    config.endpoints.api = Some("http://127.0.0.1:9".into());
    config.transport.proxy = swr_api::config::ProxySetting::Url(swr_api::Sensitive::new(format!(
        "http://127.0.0.1:{proxy_port}"
    )));
    config.retry = RetryPolicy::none();
    let client = Client::new(config).unwrap();
    let err = client.list_namespaces(false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        1,
        "the request went to the proxy"
    );
}
