//! The 401 path, which the sandbox rarely triggers because it announces `expires_in`: a
//! registry that rejects a token we believed valid gets exactly one fresh token, and a
//! second rejection is reported as a refusal, not retried forever. A minimal HTTP server on
//! loopback plays the registry so the token it rejects can be chosen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use swr_api::Sensitive;
use swr_registry::{Credentials, Error, Registry, RegistryConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves: `/v2/` → Bearer challenge; realm → tokens `t1`, `t2`, …; `HEAD /v2/ok/blobs/…`
/// accepts only tokens numbered `accept_from` or later.
async fn serve(accept_from: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = listener.local_addr().unwrap().to_string();
    let issued = Arc::new(AtomicUsize::new(0));
    let counter = issued.clone();
    let realm_host = host.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let issued = counter.clone();
            let realm_host = realm_host.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&buf).to_string();
                let line = head.lines().next().unwrap_or_default().to_owned();
                let auth = head
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("authorization: ")
                            .or_else(|| l.strip_prefix("Authorization: "))
                    })
                    .unwrap_or_default()
                    .to_owned();
                let (status, extra, body) = if line.contains(" /v2/ ") {
                    let challenge = format!("WWW-Authenticate: Bearer realm=\"http://{realm_host}/auth\",service=\"dockyard\"\r\n");
                    ("401 Unauthorized", challenge, String::new())
                } else if line.contains(" /auth?") {
                    let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
                    (
                        "200 OK",
                        String::new(),
                        format!("{{\"token\":\"t{n}\",\"expires_in\":900}}"),
                    )
                } else {
                    let n: usize = auth
                        .trim()
                        .strip_prefix("Bearer t")
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(0);
                    if n >= accept_from {
                        (
                            "200 OK",
                            "Docker-Content-Digest: sha256:x\r\n".to_owned(),
                            String::new(),
                        )
                    } else {
                        ("401 Unauthorized", String::new(), "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"token expired\"}]}".to_owned())
                    }
                };
                let length = if line.starts_with("HEAD") && status.starts_with("200") {
                    5
                } else {
                    body.len()
                };
                let resp = format!("HTTP/1.1 {status}\r\n{extra}Content-Length: {length}\r\nConnection: close\r\n\r\n{}", if line.starts_with("HEAD") { "" } else { &body });
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    (host, issued)
}

fn client(host: &str) -> Registry {
    let mut config = RegistryConfig::new(
        host,
        Credentials::Password {
            username: "u".into(),
            password: Sensitive::new("p".into()),
        },
    );
    config.plain_http = true;
    Registry::new(config).unwrap()
}

#[tokio::test]
async fn a_rejected_token_is_replaced_once_and_the_call_goes_on() {
    let (host, issued) = serve(2).await;
    let reg = client(&host);
    assert_eq!(reg.blob_size("ok", "sha256:abc").await.unwrap(), Some(5));
    assert_eq!(issued.load(Ordering::SeqCst), 2, "exactly one fresh token");
}

#[tokio::test]
async fn a_second_rejection_is_a_refusal_not_a_loop() {
    let (host, issued) = serve(usize::MAX).await;
    let reg = client(&host);
    let err = reg.blob_size("ok", "sha256:abc").await.unwrap_err();
    assert!(matches!(err, Error::Denied { .. }), "{err:?}");
    assert_eq!(issued.load(Ordering::SeqCst), 2);
}
