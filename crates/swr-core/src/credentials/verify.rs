//! Checks that a profile's AK/SK really work before the user relies on them.
//!
//! Two calls, the same two a first `docker push` depends on: a signed list of organizations on
//! the management API, then a registry token bought with the long-term login. Each failure is
//! reported as a [`VerifyFailure`] the UI explains in its own words: a wrong key pair, a clock
//! too far off for the signature (told apart from a wrong key by the server's `Date`), a user
//! without SWR permissions, and the network/proxy/TLS family.

use std::time::{Duration, SystemTime};

use swr_api::{ErrorKind, Sensitive};

use super::logins::{registry_is_loopback, LoginMaterial};
use crate::profiles::Profile;
use crate::sessions::config::{api_is_loopback, client_config, transport};

/// How far the clocks may drift before SWR's gateway refuses a signature.
pub const MAX_CLOCK_SKEW: Duration = Duration::from_secs(15 * 60);

/// Why verification failed; the UI has one explanation per variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum VerifyFailure {
    /// SWR refused the AK/SK.
    WrongCredentials,
    /// The computer's clock is too far from the server's for a signature to be accepted.
    ClockSkew,
    /// The key pair is valid but its user may not use SWR.
    NoPermission,
    /// The registry refused the long-term login although the API accepted the key pair.
    RegistryRefused,
    /// No connection (DNS, refused, timeout) without a proxy in the way.
    Network,
    /// No connection while a proxy is configured.
    Proxy,
    /// The TLS handshake failed: untrusted certificate, wrong CA bundle.
    Tls,
    /// The profile's settings cannot be used (bad URL, unreadable CA bundle).
    Configuration,
    /// Anything else SWR answered; the detail says what.
    Server,
}

/// A failed verification: the classification, a detail for people, SWR's request id.
#[derive(Debug, thiserror::Error)]
#[error("{detail}")]
pub struct VerifyError {
    pub failure: VerifyFailure,
    pub detail: String,
    pub request_id: Option<String>,
    /// For [`VerifyFailure::ClockSkew`]: local clock minus server clock, in seconds.
    pub skew_seconds: Option<i64>,
}

impl VerifyError {
    fn new(failure: VerifyFailure, detail: impl Into<String>) -> Self {
        Self {
            failure,
            detail: detail.into(),
            request_id: None,
            skew_seconds: None,
        }
    }
}

/// What a successful verification found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Verified {
    /// Organizations the user can see.
    pub organizations: Vec<String>,
    /// The registry host that issued a token for the long-term login.
    pub registry: String,
}

/// Runs both checks.
pub async fn verify(
    profile: &Profile,
    secret_key: &Sensitive<String>,
) -> Result<Verified, VerifyError> {
    let mut config = client_config(profile, secret_key);
    // The user is waiting on a wizard step: report a failure at once rather than after
    // backing off; they can press "verify" again.
    config.retry = swr_api::retry::RetryPolicy::none();
    let client = swr_api::Client::new(config)
        .map_err(|e| VerifyError::new(VerifyFailure::Configuration, e.to_string()))?;
    let organizations = match client.list_namespaces(false).await {
        Ok(list) => list.into_iter().map(|n| n.name).collect(),
        Err(err) => return Err(classify_api_error(profile, &err).await),
    };
    let material = LoginMaterial::new(profile, secret_key);
    registry_token(profile, &material).await?;
    Ok(Verified {
        organizations,
        registry: material.registry,
    })
}

/// Turns an API failure into what the user is told.
pub async fn classify_api_error(profile: &Profile, err: &swr_api::Error) -> VerifyError {
    let failure = match err.kind() {
        ErrorKind::AuthenticationFailed => VerifyFailure::WrongCredentials,
        ErrorKind::Forbidden => VerifyFailure::NoPermission,
        ErrorKind::Network | ErrorKind::Timeout if profile.proxy.is_some() => VerifyFailure::Proxy,
        ErrorKind::Network | ErrorKind::Timeout => VerifyFailure::Network,
        ErrorKind::Tls => VerifyFailure::Tls,
        ErrorKind::Configuration => VerifyFailure::Configuration,
        _ => VerifyFailure::Server,
    };
    let mut out = VerifyError::new(failure, err.user_message().en);
    out.request_id = err.request_id().map(str::to_owned);
    if failure == VerifyFailure::WrongCredentials {
        // A signature is refused the same way for a wrong SK and for a clock more than 15
        // minutes off; the server's Date header tells the two apart.
        if let Some(skew) = server_clock_skew(profile).await {
            if skew.unsigned_abs() > MAX_CLOCK_SKEW.as_secs() {
                out.failure = VerifyFailure::ClockSkew;
                out.skew_seconds = Some(skew);
                out.detail = format!(
                    "this computer's clock is {} minutes {} SWR's; correct it and try again",
                    skew.unsigned_abs() / 60,
                    if skew > 0 { "ahead of" } else { "behind" }
                );
            }
        }
    }
    out
}

fn http_client(profile: &Profile) -> Result<reqwest::Client, VerifyError> {
    let t = transport(profile);
    let mut builder = reqwest::Client::builder()
        .connect_timeout(t.connect_timeout)
        .timeout(Duration::from_secs(30))
        // As every other client of the app: a redirect is an answer, never followed, so
        // nothing this check sends can be led to another host.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(t.user_agent)
        .danger_accept_invalid_certs(t.insecure_skip_tls_verify);
    if profile.proxy.is_none() && api_is_loopback(profile) {
        builder = builder.no_proxy();
    }
    if let Some(url) = &profile.proxy {
        let proxy = reqwest::Proxy::all(url.as_str()).map_err(|_| {
            VerifyError::new(VerifyFailure::Configuration, "the proxy URL cannot be used")
        })?;
        builder = builder.proxy(proxy);
    }
    if let Some(path) = &profile.ca_bundle {
        let pem = swr_api::limits::read_ca_bundle(path)
            .map_err(|message| VerifyError::new(VerifyFailure::Configuration, message))?;
        for cert in reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            VerifyError::new(
                VerifyFailure::Configuration,
                format!("the CA bundle is not PEM: {e}"),
            )
        })? {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build()
        .map_err(|e| VerifyError::new(VerifyFailure::Configuration, e.to_string()))
}

fn transport_failure(profile: &Profile, err: &reqwest::Error) -> VerifyError {
    let text = error_chain(err);
    let failure = if text.contains("certificate") || text.contains("tls") || text.contains("TLS") {
        VerifyFailure::Tls
    } else if profile.proxy.is_some() {
        VerifyFailure::Proxy
    } else {
        VerifyFailure::Network
    };
    // reqwest names the URL, which carries no credential here (Basic auth is a header).
    VerifyError::new(failure, text)
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Local clock minus the API server's `Date`, in seconds; `None` when it cannot be told.
async fn server_clock_skew(profile: &Profile) -> Option<i64> {
    let endpoints = swr_api::Endpoints::resolve(
        &profile.region,
        &swr_api::EndpointOverrides {
            api: profile.endpoints.api.clone(),
            ..swr_api::EndpointOverrides::default()
        },
    )
    .ok()?;
    let response = http_client(profile)
        .ok()?
        .get(endpoints.api)
        .send()
        .await
        .ok()?;
    let date = response
        .headers()
        .get(reqwest::header::DATE)?
        .to_str()
        .ok()?;
    skew_from_date(date, SystemTime::now())
}

/// `now` minus an HTTP `Date` value (`Wed, 25 Nov 2026 13:09:45 GMT`), in seconds.
pub fn skew_from_date(date: &str, now: SystemTime) -> Option<i64> {
    let server = time::PrimitiveDateTime::parse(
        date.trim().trim_end_matches("GMT").trim_end(),
        time::macros::format_description!(
            "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second]"
        ),
    )
    .ok()?
    .assume_utc();
    let now = time::OffsetDateTime::from(now);
    Some((now - server).whole_seconds())
}

/// Asks the registry for a token with the long-term login, as `docker login` does.
async fn registry_token(profile: &Profile, login: &LoginMaterial) -> Result<(), VerifyError> {
    let http = http_client(profile)?;
    let scheme = if registry_is_loopback(&login.registry) {
        "http"
    } else {
        "https"
    };
    let ping = http
        .get(format!("{scheme}://{}/v2/", login.registry))
        .send()
        .await
        .map_err(|e| transport_failure(profile, &e))?;
    if ping.status().is_success() {
        // A registry without authentication takes any login.
        return Ok(());
    }
    let ping_url = ping.url().clone();
    let (realm, service) = match ping
        .headers()
        .get(reqwest::header::WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .map(swr_registry::challenge::parse)
    {
        Some(Ok(swr_registry::challenge::Challenge::Bearer { realm, service, .. })) => {
            (realm, service)
        }
        _ => {
            return Err(VerifyError::new(
                VerifyFailure::Server,
                format!(
                    "{} answered HTTP {} without a token challenge; is it an SWR registry?",
                    login.registry,
                    ping.status().as_u16()
                ),
            ))
        }
    };
    // The login opens every repository of the account: only the registry's own realm gets it.
    let realm_url = url::Url::parse(&realm).map_err(|e| {
        VerifyError::new(
            VerifyFailure::Server,
            format!("the registry named a realm that is not a URL ({e})"),
        )
    })?;
    swr_registry::challenge::check_realm(&ping_url, &realm_url).map_err(|reason| {
        VerifyError::new(
            VerifyFailure::Server,
            format!(
                "{} asked for the login at {realm}, but {reason}; the login was not sent",
                login.registry
            ),
        )
    })?;
    let mut request = http
        .get(realm_url)
        .basic_auth(&login.username, Some(login.login_key.expose()));
    if let Some(service) = &service {
        request = request.query(&[("service", service)]);
    }
    let answer = request
        .send()
        .await
        .map_err(|e| transport_failure(profile, &e))?;
    match answer.status().as_u16() {
        200..=299 => Ok(()),
        401 | 403 => Err(VerifyError::new(
            VerifyFailure::RegistryRefused,
            format!(
                "{} refused the login {}; the key pair may lack SWR rights or the region may be wrong",
                login.registry, login.username
            ),
        )),
        status => Err(VerifyError::new(
            VerifyFailure::Server,
            format!("the registry's token service answered HTTP {status}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skew_is_read_from_an_http_date() {
        let server = "Wed, 25 Nov 2026 13:09:45 GMT";
        let at = |s: &str| {
            SystemTime::from(
                time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                    .unwrap(),
            )
        };
        assert_eq!(skew_from_date(server, at("2026-11-25T13:09:45Z")), Some(0));
        assert_eq!(
            skew_from_date(server, at("2026-11-25T13:39:45Z")),
            Some(1800)
        );
        assert_eq!(
            skew_from_date(server, at("2026-11-25T12:09:45Z")),
            Some(-3600)
        );
        assert_eq!(skew_from_date("yesterday", SystemTime::now()), None);
    }

    #[tokio::test]
    async fn a_forbidden_answer_means_no_swr_permission() {
        let profile = crate::profiles::Profile {
            id: "p".into(),
            name: "p".into(),
            region: "cn-north-4".into(),
            project_id: None,
            access_key_id: "AK".into(),
            endpoints: crate::profiles::EndpointOverrides::default(),
            ca_bundle: None,
            proxy: Some("http://127.0.0.1:9".into()),
            insecure_skip_tls_verify: false,
        };
        let forbidden = swr_api::Error::Api(swr_api::error::ApiError {
            kind: ErrorKind::Forbidden,
            status: 403,
            code: "SVCSTG.SWR.4030001".into(),
            message: "no permission".into(),
            request_id: Some("req-1".into()),
            retry_after: None,
        });
        let out = classify_api_error(&profile, &forbidden).await;
        assert_eq!(out.failure, VerifyFailure::NoPermission);
        assert_eq!(out.request_id.as_deref(), Some("req-1"));
        let offline = swr_api::Error::Network {
            kind: ErrorKind::Network,
            message: "connection refused".into(),
        };
        assert_eq!(
            classify_api_error(&profile, &offline).await.failure,
            VerifyFailure::Proxy,
            "with a proxy configured, an unreachable SWR points at the proxy"
        );
    }

    /// A gateway whose clock is years behind: it refuses every signature, as SWR's does when
    /// the request time is more than 15 minutes off.
    fn stale_clock_gateway() -> String {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut buf = [0u8; 8192];
                let _ = stream.read(&mut buf);
                let body = r#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information","request_id":"r1"}"#;
                let _ = write!(
                    stream,
                    "HTTP/1.1 401 Unauthorized\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        format!("http://{addr}")
    }

    #[tokio::test]
    async fn a_refused_signature_with_a_distant_server_clock_is_reported_as_clock_skew() {
        let mut profile = crate::profiles::test_profile_with_registry("127.0.0.1:1");
        profile.endpoints.api = Some(stale_clock_gateway());
        let err = verify(&profile, &Sensitive::new("sk".into()))
            .await
            .unwrap_err();
        assert_eq!(err.failure, VerifyFailure::ClockSkew, "{err}");
        assert!(err.skew_seconds.unwrap() > 365 * 24 * 3600);
        assert!(err.to_string().contains("ahead of"), "{err}");
    }

    /// A loopback HTTP server that answers each request with `answer(own address, request
    /// line)` (a whole response head) and records every request head it gets.
    fn stub(
        answer: impl Fn(&str, &str) -> String + Send + 'static,
    ) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (own, log) = (addr.clone(), seen.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut buf = [0u8; 8192];
                let n = stream.read(&mut buf).unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                log.lock().unwrap().push(head.clone());
                let line = head.lines().next().unwrap_or_default().to_owned();
                let _ = write!(
                    stream,
                    "{}Content-Length: 0\r\nConnection: close\r\n\r\n",
                    answer(&own, &line)
                );
            }
        });
        (addr, seen)
    }

    /// A token service that would take any login, on a host other than the registry's.
    fn foreign_realm() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
        stub(|_, _| "HTTP/1.1 200 OK\r\n".into())
    }

    #[tokio::test]
    async fn the_login_check_sends_the_key_to_no_realm_but_the_registry_s_own() {
        let (realm, realm_seen) = foreign_realm();
        let (registry, _) = stub(move |_, _| {
            format!("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"http://{realm}/token\",service=\"dockyard\"\r\n")
        });
        let profile = crate::profiles::test_profile_with_registry(&registry);
        let material = LoginMaterial::new(&profile, &Sensitive::new("SK".into()));
        let err = registry_token(&profile, &material).await.unwrap_err();
        assert_eq!(err.failure, VerifyFailure::Server, "{err}");
        assert!(err.to_string().contains("the login was not sent"), "{err}");
        assert!(
            realm_seen.lock().unwrap().is_empty(),
            "the foreign realm was contacted"
        );
    }

    #[tokio::test]
    async fn the_login_check_follows_no_redirect() {
        // The registry sends the check elsewhere, where a challenge names that host's realm.
        let (realm, realm_seen) = foreign_realm();
        let (elsewhere, elsewhere_seen) = stub(move |_, _| {
            format!("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"http://{realm}/token\"\r\n")
        });
        let (registry, _) =
            stub(move |_, _| format!("HTTP/1.1 302 Found\r\nLocation: http://{elsewhere}/v2/\r\n"));
        let profile = crate::profiles::test_profile_with_registry(&registry);
        let material = LoginMaterial::new(&profile, &Sensitive::new("SK".into()));
        let err = registry_token(&profile, &material).await.unwrap_err();
        assert!(err.to_string().contains("HTTP 302"), "{err}");
        assert!(
            elsewhere_seen.lock().unwrap().is_empty(),
            "the redirect was followed"
        );
        assert!(realm_seen.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn the_registry_s_own_realm_gets_the_login() {
        let (registry, seen) = stub(|own, line| {
            if line.contains(" /v2/ ") {
                format!("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"http://{own}/token\",service=\"dockyard\"\r\n")
            } else {
                "HTTP/1.1 200 OK\r\n".into()
            }
        });
        let profile = crate::profiles::test_profile_with_registry(&registry);
        let material = LoginMaterial::new(&profile, &Sensitive::new("SK".into()));
        registry_token(&profile, &material).await.unwrap();
        let seen = seen.lock().unwrap();
        assert!(
            seen.iter().any(|head| head.contains(" /token?")
                && head.to_ascii_lowercase().contains("authorization: basic ")),
            "{seen:?}"
        );
    }
}
