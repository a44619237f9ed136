//! The registry connection: transport, challenge discovery, tokens and the request loop.
//!
//! Every call goes through [`Registry::send`], which adds the bearer token for the call's
//! scopes, fetches a new token once when the registry answers 401 (tokens expire, and SWR's
//! last about 15 minutes), and retries answers that mean "later" (429, 5xx) and dropped
//! connections with jittered exponential backoff that honours `Retry-After`. Requests with a
//! streaming body are sent with retries off: the caller restarts the whole blob instead.
//! Redirects are never followed, so `Authorization` cannot leak to another host, and the login
//! goes to a token realm only on the registry's own host ([`challenge::check_realm`]).

use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use reqwest::{RequestBuilder, Response, StatusCode};
use serde::Deserialize;
use swr_api::retry::RetryPolicy;
use swr_api::{Sensitive, TransportOptions};
use tokio::sync::Mutex;
use url::Url;

use crate::auth::{Credentials, TokenCache};
use crate::challenge::{self, Challenge};
use crate::error::{Error, Result, Transient};
use crate::response::{
    error_chain, error_message, is_retryable, is_retryable_error, status_error, transient_of,
    transport_error, url_without_query,
};
use crate::transport::build_http_client;

/// How to reach a registry.
#[derive(Debug, Clone)]
pub struct RegistryConfig {
    /// `host[:port]` of the registry (SWR: `swr.<region>.myhuaweicloud.com`).
    pub host: String,
    /// Plain HTTP, for a sandbox on loopback only.
    pub plain_http: bool,
    pub credentials: Credentials,
    /// Proxy, CA and timeouts, as for the management API.
    pub transport: TransportOptions,
    pub retry: RetryPolicy,
}

impl RegistryConfig {
    pub fn new(host: impl Into<String>, credentials: Credentials) -> Self {
        Self {
            host: host.into(),
            plain_http: false,
            credentials,
            transport: TransportOptions::default(),
            retry: RetryPolicy {
                max_retries: 6,
                base_delay: Duration::from_millis(200),
                max_delay: Duration::from_secs(10),
                max_retry_after: Duration::from_secs(60),
            },
        }
    }
}

#[derive(Debug, Default)]
struct AuthState {
    /// `None` until `GET /v2/` has told us; `Some(None)` when no auth is asked for.
    challenge: Option<Option<Challenge>>,
    tokens: TokenCache,
}

/// A client for one registry host.
#[derive(Debug)]
pub struct Registry {
    pub(crate) http: reqwest::Client,
    base: Url,
    config: RegistryConfig,
    auth: Mutex<AuthState>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
}

/// Per-call retry behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    Yes,
    /// The body cannot be replayed; the caller starts over.
    No,
}

/// The scope string for pushing to (and pulling from) a repository.
pub fn push_scope(repository: &str) -> String {
    format!("repository:{repository}:pull,push")
}

pub fn pull_scope(repository: &str) -> String {
    format!("repository:{repository}:pull")
}

impl Registry {
    pub fn new(config: RegistryConfig) -> Result<Self> {
        let http = build_http_client(&config.transport)?;
        let scheme = if config.plain_http { "http" } else { "https" };
        let base = Url::parse(&format!("{scheme}://{}/", config.host))
            .map_err(|e| Error::Config(format!("registry host `{}`: {e}", config.host)))?;
        Ok(Self {
            http,
            base,
            config,
            auth: Mutex::new(AuthState::default()),
        })
    }

    pub fn host(&self) -> &str {
        &self.config.host
    }

    /// `http(s)://host/<path>`.
    pub(crate) fn url(&self, path: &str) -> Result<Url> {
        self.base
            .join(path)
            .map_err(|e| Error::Config(format!("bad registry path `{path}`: {e}")))
    }

    /// Resolves a `Location` header (absolute or relative), refusing another host.
    pub(crate) fn location(&self, resp: &Response) -> Result<Url> {
        let raw = resp
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Error::Protocol {
                what: "the upload session".into(),
                message: "no Location header".into(),
            })?;
        let url = self.base.join(raw).map_err(|e| Error::Protocol {
            what: "the upload session".into(),
            message: format!("bad Location `{raw}`: {e}"),
        })?;
        if url.host_str() != self.base.host_str()
            || url.port_or_known_default() != self.base.port_or_known_default()
        {
            // Our credentials are for this host only; a registry that hands uploads to
            // another host would need them sent elsewhere.
            return Err(Error::Protocol {
                what: "the upload session".into(),
                message: format!(
                    "Location points at another host ({})",
                    url.host_str().unwrap_or("")
                ),
            });
        }
        Ok(url)
    }

    async fn discover(&self) -> Result<Option<Challenge>> {
        let url = self.url("v2/")?;
        let mut attempt = 0;
        loop {
            let outcome = self.http.get(url.clone()).send().await;
            let transient = match outcome {
                Ok(resp) if resp.status().is_success() => return Ok(None),
                Ok(resp) if resp.status() == StatusCode::UNAUTHORIZED => {
                    let header = resp
                        .headers()
                        .get(WWW_AUTHENTICATE)
                        .and_then(|v| v.to_str().ok())
                        .ok_or_else(|| Error::Challenge("401 without WWW-Authenticate".into()))?;
                    return challenge::parse(header).map(Some);
                }
                Ok(resp) if is_retryable(resp.status()) => transient_of(&resp),
                Ok(resp) => return Err(status_error("GET", &url, resp).await),
                Err(e) if is_retryable_error(&e) => Transient {
                    description: e.to_string(),
                    retry_after: None,
                },
                Err(e) => return Err(transport_error(&url, &e)),
            };
            self.backoff(&mut attempt, transient).await?;
        }
    }

    async fn fetch_token(
        &self,
        realm: &str,
        service: Option<&str>,
        scopes: &[String],
    ) -> Result<(Sensitive<String>, Option<Duration>)> {
        let mut url =
            Url::parse(realm).map_err(|e| Error::Challenge(format!("realm `{realm}`: {e}")))?;
        challenge::check_realm(&self.base, &url).map_err(|reason| Error::UntrustedRealm {
            realm: url_without_query(&url),
            reason,
        })?;
        {
            let mut q = url.query_pairs_mut();
            if let Some(s) = service {
                q.append_pair("service", s);
            }
            for s in scopes {
                q.append_pair("scope", s);
            }
        }
        let basic = self.config.credentials.basic_header();
        let mut attempt = 0;
        loop {
            let mut req = self.http.get(url.clone());
            if let Some(b) = &basic {
                req = req.header(AUTHORIZATION, b.expose().as_str());
            }
            let transient = match req.send().await {
                Ok(resp) if resp.status().is_success() => {
                    let protocol = |message: String| Error::Protocol {
                        what: "the token request".into(),
                        message,
                    };
                    let body =
                        swr_api::limits::read_body(resp, swr_api::limits::MAX_SMALL_RESPONSE_BYTES)
                            .await
                            .map_err(|e| protocol(e.to_string()))?;
                    let answer: TokenAnswer =
                        serde_json::from_slice(&body).map_err(|e| protocol(e.to_string()))?;
                    let token = answer
                        .token
                        .or(answer.access_token)
                        .filter(|t| !t.is_empty())
                        .ok_or_else(|| Error::Protocol {
                            what: "the token request".into(),
                            message: "no token in the answer".into(),
                        })?;
                    return Ok((
                        Sensitive::new(token),
                        answer.expires_in.map(Duration::from_secs),
                    ));
                }
                Ok(resp)
                    if matches!(
                        resp.status(),
                        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                    ) =>
                {
                    let message = error_message(resp).await;
                    return Err(Error::Unauthorized {
                        scope: scopes.join(" "),
                        message,
                    });
                }
                Ok(resp) if is_retryable(resp.status()) => transient_of(&resp),
                Ok(resp) => return Err(status_error("GET", &url, resp).await),
                Err(e) if is_retryable_error(&e) => Transient {
                    description: e.to_string(),
                    retry_after: None,
                },
                Err(e) => return Err(transport_error(&url, &e)),
            };
            self.backoff(&mut attempt, transient).await?;
        }
    }

    /// The `Authorization` value for these scopes, fetching a token when needed.
    async fn authorization(
        &self,
        scopes: &[String],
        fresh: bool,
    ) -> Result<Option<Sensitive<String>>> {
        let key = scopes.join(" ");
        let mut state = self.auth.lock().await;
        if state.challenge.is_none() || fresh && state.challenge == Some(None) {
            let c = self.discover().await?;
            state.challenge = Some(c);
        }
        match state.challenge.clone().flatten() {
            None => Ok(None),
            Some(Challenge::Basic) => Ok(self.config.credentials.basic_header()),
            Some(Challenge::Bearer { realm, service, .. }) => {
                if fresh {
                    state.tokens.forget(&key);
                }
                if let Some(t) = state.tokens.get(&key, Instant::now()) {
                    return Ok(Some(Sensitive::new(format!("Bearer {}", t.expose()))));
                }
                let (token, ttl) = self.fetch_token(&realm, service.as_deref(), scopes).await?;
                state.tokens.put(&key, token.clone(), ttl, Instant::now());
                Ok(Some(Sensitive::new(format!("Bearer {}", token.expose()))))
            }
        }
    }

    async fn backoff(&self, attempt: &mut u32, transient: Transient) -> Result<()> {
        match self.config.retry.delay(*attempt, transient.retry_after) {
            Some(wait) => {
                tracing::debug!(attempt = *attempt, ?wait, reason = %transient.description, "registry busy; retrying");
                *attempt += 1;
                tokio::time::sleep(wait).await;
                Ok(())
            }
            None => Err(Error::RetriesExhausted {
                attempts: *attempt + 1,
                last: transient.description,
            }),
        }
    }

    /// Sends a request built by `make` (called once per attempt) with auth and retries.
    ///
    /// Answers other than 401/403 and retryable ones are returned for the caller to judge.
    pub(crate) async fn send(
        &self,
        scopes: &[String],
        repository: &str,
        retry: Retry,
        make: &(dyn Fn() -> Result<RequestBuilder> + Sync),
    ) -> Result<Response> {
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            let auth = self.authorization(scopes, false).await?;
            let mut req = make()?;
            if let Some(a) = &auth {
                req = req.header(AUTHORIZATION, a.expose().as_str());
            }
            let (method, url) = match req.try_clone().and_then(|r| r.build().ok()) {
                Some(r) => (r.method().to_string(), url_without_query(r.url())),
                None => (String::new(), String::new()),
            };
            let transient = match req.send().await {
                Ok(resp) if resp.status() == StatusCode::UNAUTHORIZED => {
                    if refreshed || retry == Retry::No && auth.is_none() {
                        let message = error_message(resp).await;
                        return Err(Error::Denied {
                            repository: repository.to_owned(),
                            message,
                        });
                    }
                    // Expired or too narrow: one new token, then carry on.
                    refreshed = true;
                    drop(resp);
                    let mut state = self.auth.lock().await;
                    state.tokens.forget(&scopes.join(" "));
                    if auth.is_none() {
                        state.challenge = None;
                    }
                    continue;
                }
                Ok(resp) if resp.status() == StatusCode::FORBIDDEN => {
                    let message = error_message(resp).await;
                    return Err(Error::Denied {
                        repository: repository.to_owned(),
                        message,
                    });
                }
                Ok(resp) if is_retryable(resp.status()) && retry == Retry::Yes => {
                    transient_of(&resp)
                }
                Ok(resp) => return Ok(resp),
                Err(e) if retry == Retry::Yes && is_retryable_error(&e) => Transient {
                    description: e.to_string(),
                    retry_after: None,
                },
                Err(e) => {
                    return Err(Error::Transport {
                        url: format!("{method} {url}"),
                        message: error_chain(&e),
                    })
                }
            };
            self.backoff(&mut attempt, transient).await?;
        }
    }

    /// Waits as the retry policy says before retry `attempt` of a whole operation.
    pub(crate) async fn wait_before_retry(
        &self,
        attempt: &mut u32,
        description: String,
        retry_after: Option<Duration>,
    ) -> Result<()> {
        self.backoff(
            attempt,
            Transient {
                description,
                retry_after,
            },
        )
        .await
    }
}
