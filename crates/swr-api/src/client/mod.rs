//! The SWR management API client: one signed HTTP exchange, with retries for reads.
//!
//! [`Client`] is cheap to clone (an `Arc` inside) so list streams can own one and outlive the
//! call that created them. Operations live in [`crate::ops`], one module per API group; they
//! describe a [`Call`] and decode the [`Response`], and everything about signing, headers,
//! retries and error bodies happens here once.

mod call;
mod iam;

pub(crate) use call::{Call, Response};

use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{ClientConfig, Credentials, Endpoints};
use crate::error::{self, ApiError, Error};
use crate::retry::{parse_retry_after, RetryPolicy};
use crate::signing::{self, SignInput};

/// A client for one profile (region + credentials + endpoints).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    region: String,
    credentials: Credentials,
    endpoints: Endpoints,
    project_id: tokio::sync::OnceCell<String>,
    retry: RetryPolicy,
    user_agent: String,
    insecure: bool,
    limiter: Option<Arc<crate::rate::RateLimiter>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("region", &self.inner.region)
            .field("access_key", &self.inner.credentials.access_key)
            .field("api", &self.inner.endpoints.api.as_str())
            .field("insecure", &self.inner.insecure)
            .finish_non_exhaustive()
    }
}

/// Why one attempt failed, and whether a read may try again.
struct Failed {
    error: Error,
    retry: bool,
    retry_after: Option<std::time::Duration>,
}

impl Client {
    /// Builds a client. Fails only on unusable settings (endpoint URLs, CA bundle, proxy).
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let endpoints = Endpoints::resolve(&config.region, &config.endpoints)?;
        let http = crate::http::build_http_client(&config.transport)?;
        let project_id = tokio::sync::OnceCell::new();
        if let Some(id) = config.project_id.filter(|id| !id.trim().is_empty()) {
            // A fresh cell cannot already be set.
            let _ = project_id.set(id.trim().to_owned());
        }
        if config.transport.insecure_skip_tls_verify {
            tracing::warn!(
                region = %config.region,
                api = %endpoints.api,
                "this profile skips TLS certificate verification"
            );
        }
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                region: config.region,
                credentials: config.credentials,
                endpoints,
                project_id,
                retry: config.retry,
                user_agent: config.transport.user_agent,
                insecure: config.transport.insecure_skip_tls_verify,
                limiter: config.rate_limiter,
            }),
        })
    }

    /// Region id of the profile.
    pub fn region(&self) -> &str {
        &self.inner.region
    }

    /// Endpoints in use.
    pub fn endpoints(&self) -> &Endpoints {
        &self.inner.endpoints
    }

    /// Docker registry host of the profile.
    pub fn registry_host(&self) -> &str {
        &self.inner.endpoints.registry_host
    }

    /// Access key id of the profile.
    pub fn access_key(&self) -> &str {
        &self.inner.credentials.access_key
    }

    /// Whether TLS verification is off for this profile; the UI shows a warning while it is.
    pub fn is_insecure(&self) -> bool {
        self.inner.insecure
    }

    /// The project id: from the profile, or resolved once through IAM and cached.
    pub async fn project_id(&self) -> Result<String, Error> {
        self.inner
            .project_id
            .get_or_try_init(|| iam::resolve_project_id(self))
            .await
            .cloned()
    }

    /// Sends a call to the management API with the project header, retrying reads.
    pub(crate) async fn execute(&self, call: &Call) -> Result<Response, Error> {
        let project_id = self.project_id().await?;
        let base = self.inner.endpoints.api.clone();
        self.execute_at(&base, call, Some(&project_id)).await
    }

    /// Sends a call to `base` (the API or IAM endpoint).
    pub(crate) async fn execute_at(
        &self,
        base: &url::Url,
        call: &Call,
        project_id: Option<&str>,
    ) -> Result<Response, Error> {
        let idempotent = call.method == reqwest::Method::GET;
        let mut retry = 0;
        loop {
            match self.attempt(base, call, project_id).await {
                Ok(response) => return Ok(response),
                Err(failed) if idempotent && failed.retry => {
                    match self.inner.retry.delay(retry, failed.retry_after) {
                        Some(wait) => {
                            tracing::debug!(
                                op = call.op,
                                retry,
                                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                                error = %failed.error,
                                "retrying read"
                            );
                            tokio::time::sleep(wait).await;
                            retry += 1;
                        }
                        None => return Err(failed.error),
                    }
                }
                Err(failed) => return Err(failed.error),
            }
        }
    }

    async fn attempt(
        &self,
        base: &url::Url,
        call: &Call,
        project_id: Option<&str>,
    ) -> Result<Response, Failed> {
        // Paced before signing, so a long wait cannot age the signature's date.
        if let Some(limiter) = &self.inner.limiter {
            limiter.acquire().await;
        }
        let fail = |error: Error, retry: bool| Failed {
            error,
            retry,
            retry_after: None,
        };
        let host = match (base.host_str(), base.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            (None, _) => {
                return Err(fail(
                    Error::Configuration {
                        message: "endpoint has no host".into(),
                    },
                    false,
                ))
            }
        };
        let wire_path = format!("{}{}", base.path().trim_end_matches('/'), call.path);
        let mut headers = vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("User-Agent".to_owned(), self.inner.user_agent.clone()),
        ];
        if let Some(pid) = project_id {
            headers.push((signing::HEADER_PROJECT_ID.to_owned(), pid.to_owned()));
        }
        if let Some(token) = &self.inner.credentials.security_token {
            headers.push((
                signing::HEADER_SECURITY_TOKEN.to_owned(),
                token.expose().clone(),
            ));
        }
        let date = signing::format_sdk_date(SystemTime::now());
        let body = call.body.as_deref().unwrap_or_default();
        let signed = signing::sign_request(&SignInput {
            method: call.method.as_str(),
            host: &host,
            path: &wire_path,
            query: &call.query,
            headers: &headers,
            body,
            ak: &self.inner.credentials.access_key,
            sk: self.inner.credentials.secret_key.expose(),
            date: &date,
        });
        let mut url = format!("{}://{host}{wire_path}", base.scheme());
        if !signed.canonical_query.is_empty() {
            url.push('?');
            url.push_str(&signed.canonical_query);
        }

        let mut request = self.inner.http.request(call.method.clone(), url.as_str());
        for (name, value) in &signed.headers_out {
            // reqwest derives Host from the URL, identical to the signed value.
            if !name.eq_ignore_ascii_case("host") {
                request = request.header(name.as_str(), value.as_str());
            }
        }
        if call.body.is_some() {
            request = request.body(body.to_vec());
        }

        let response = request.send().await.map_err(|e| {
            let retry = error::transport::is_connection_drop(&e);
            fail(error::from_reqwest(e), retry)
        })?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let request_id = header_text(&headers, "x-request-id");
        crate::requests::note(request_id.as_deref());
        let limit = crate::limits::MAX_API_RESPONSE_BYTES;
        let bytes = crate::limits::read_body(response, limit)
            .await
            .map_err(|e| match e {
                crate::limits::ReadError::Transport(e) => {
                    let retry = error::transport::is_connection_drop(&e);
                    fail(error::from_reqwest(e), retry)
                }
                crate::limits::ReadError::TooLarge { limit } => fail(
                    Error::InvalidResponse {
                        operation: call.op,
                        status,
                        message: format!(
                            "the answer is larger than {} MiB; it was not read",
                            limit >> 20
                        ),
                        request_id: request_id.clone(),
                    },
                    false,
                ),
            })?;
        if status >= 400 {
            let retry_after = header_text(&headers, "retry-after")
                .and_then(|v| parse_retry_after(&v, SystemTime::now()));
            let api = ApiError::from_response(status, request_id, retry_after, &bytes);
            let retry = status == 429 || status >= 500 || api.kind.is_retryable();
            if let (Some(limiter), 429 | 503) = (&self.inner.limiter, status) {
                // The account is over SWR's rate: every caller waits, not just this one.
                limiter.slow_down(retry_after.unwrap_or(std::time::Duration::from_secs(1)));
            }
            tracing::debug!(op = call.op, status, code = %api.code, "SWR error answer");
            return Err(Failed {
                error: Error::Api(api),
                retry,
                retry_after,
            });
        }
        Ok(Response {
            op: call.op,
            status,
            headers,
            body: bytes,
            request_id,
        })
    }
}

fn header_text(headers: &reqwest::header::HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EndpointOverrides;

    fn config() -> ClientConfig {
        let mut c = ClientConfig::new("eu-west-101", Credentials::new("AKID", "sk-never-shown"));
        c.project_id = Some("  pid-1  ".into());
        c
    }

    #[tokio::test]
    async fn client_uses_region_hosts_and_configured_project() {
        let client = Client::new(config()).unwrap();
        assert_eq!(client.registry_host(), "swr.eu-west-101.myhuaweicloud.eu");
        assert_eq!(
            client.endpoints().api.host_str(),
            Some("swr-api.eu-west-101.myhuaweicloud.eu")
        );
        // Configured ids are used as given (trimmed), without asking IAM.
        assert_eq!(client.project_id().await.unwrap(), "pid-1");
        assert!(!client.is_insecure());
        let debug = format!("{client:?}");
        assert!(
            debug.contains("AKID") && !debug.contains("sk-never-shown"),
            "{debug}"
        );
    }

    #[test]
    fn insecure_profiles_are_flagged_and_bad_endpoints_refused() {
        let mut c = config();
        c.transport.insecure_skip_tls_verify = true;
        assert!(Client::new(c).unwrap().is_insecure());
        let mut c = config();
        c.endpoints = EndpointOverrides {
            api: Some("ftp://nope".into()),
            ..Default::default()
        };
        assert_eq!(
            Client::new(c).unwrap_err().kind(),
            crate::ErrorKind::Configuration
        );
    }
}
