//! A registry's 401 challenge names the token service ("realm") the client sends its login to,
//! and that login is the account's long-term key. A registry whose challenge points at another
//! host gets an error back, and that other host never sees the key. Two minimal HTTP servers on
//! loopback play the registry and the foreign realm.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use swr_api::Sensitive;
use swr_registry::{Credentials, Error, Registry, RegistryConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves every request with `answer(own host, request line)` (a status and extra header lines)
/// and records each request's head.
async fn serve(
    answer: impl Fn(&str, &str) -> (String, String) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = listener.local_addr().unwrap().to_string();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let answer = Arc::new(answer);
    let own = host.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let log = log.clone();
            let answer = answer.clone();
            let own = own.clone();
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
                log.lock().unwrap().push(head.clone());
                let (status, headers) = answer(&own, head.lines().next().unwrap_or_default());
                let body = r#"{"token":"t","expires_in":900}"#;
                let resp = format!(
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    (host, seen)
}

fn client(host: &str) -> Registry {
    let mut config = RegistryConfig::new(
        host,
        Credentials::Password {
            username: "cn-north-4@AK".into(),
            password: Sensitive::new("long-term-login-key".into()),
        },
    );
    config.plain_http = true;
    Registry::new(config).unwrap()
}

#[tokio::test]
async fn a_realm_on_another_host_gets_no_login() {
    // The realm a hostile or misconfigured registry sends clients to: it would hand out a token
    // to anyone, after reading their login.
    let (realm_host, realm_seen) = serve(|_, _| ("200 OK".into(), String::new())).await;
    let realm = format!("http://{realm_host}/token");
    let (registry_host, _) = serve(move |_, _| {
        (
            "401 Unauthorized".into(),
            format!("WWW-Authenticate: Bearer realm=\"{realm}\",service=\"dockyard\"\r\n"),
        )
    })
    .await;

    let err = client(&registry_host)
        .blob_size("org/image", "sha256:abc")
        .await
        .unwrap_err();
    let Error::UntrustedRealm { realm, reason } = &err else {
        panic!("expected the realm to be refused, got {err:?}");
    };
    assert!(realm.contains(&realm_host), "{realm}");
    assert!(reason.contains(&registry_host), "{reason}");
    assert!(err.to_string().contains("the login was not sent"), "{err}");

    let seen = realm_seen.lock().unwrap();
    assert!(
        seen.iter()
            .all(|head| !head.to_ascii_lowercase().contains("authorization")),
        "the foreign realm saw an Authorization header: {seen:?}"
    );
    assert!(
        seen.is_empty(),
        "the foreign realm was contacted at all: {seen:?}"
    );
}

#[tokio::test]
async fn the_registry_s_own_realm_still_gets_the_login() {
    let (host, seen) = serve(|own, line| {
        if line.contains(" /v2/ ") {
            let challenge = format!(
                "WWW-Authenticate: Bearer realm=\"http://{own}/token\",service=\"dockyard\"\r\n"
            );
            ("401 Unauthorized".into(), challenge)
        } else if line.contains(" /token?") {
            ("200 OK".into(), String::new())
        } else {
            ("404 Not Found".into(), String::new())
        }
    })
    .await;

    let size = client(&host)
        .blob_size("org/image", "sha256:abc")
        .await
        .unwrap();
    assert_eq!(size, None);
    let seen = seen.lock().unwrap();
    let token_request = seen
        .iter()
        .find(|head| head.contains(" /token?"))
        .expect("the registry's own realm was asked for a token");
    assert!(
        token_request
            .to_ascii_lowercase()
            .contains("authorization: basic "),
        "{token_request}"
    );
}
