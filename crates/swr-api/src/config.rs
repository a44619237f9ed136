//! What a client needs to know about a profile: region, credentials, endpoints, transport.
//!
//! Profiles are stored by the app (swr-core); this module only describes the parts the API
//! client consumes. Secrets are held in [`Sensitive`] so a `{:?}` of a config is safe to log.

use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use crate::error::Error;
use crate::region;
use crate::retry::RetryPolicy;
use crate::secret::Sensitive;

/// AK/SK credentials, optionally temporary (STS) ones.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Access key id (an identifier, not secret).
    pub access_key: String,
    /// Secret access key.
    pub secret_key: Sensitive<String>,
    /// STS security token for temporary credentials; sent (and signed) as `X-Security-Token`.
    pub security_token: Option<Sensitive<String>>,
}

impl Credentials {
    /// Permanent AK/SK credentials.
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<String>) -> Self {
        Self {
            access_key: access_key.into(),
            secret_key: Sensitive::new(secret_key.into()),
            security_token: None,
        }
    }
}

/// Per-profile replacements for the hosts derived from the region (sandbox, private
/// deployments). A value without a scheme gets `https://`, as the SDK does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointOverrides {
    /// Management API base URL, e.g. `http://127.0.0.1:8080`.
    pub api: Option<String>,
    /// Docker registry host, e.g. `127.0.0.1:5000`.
    pub registry: Option<String>,
    /// IAM base URL used to resolve the project id.
    pub iam: Option<String>,
}

/// The hosts a profile talks to, after overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// Management API base URL (no trailing slash in its path).
    pub api: Url,
    /// Docker registry host (`host[:port]`).
    pub registry_host: String,
    /// IAM base URL.
    pub iam: Url,
}

impl Endpoints {
    /// Derives the endpoints of a region and applies the overrides.
    pub fn resolve(region_id: &str, overrides: &EndpointOverrides) -> Result<Self, Error> {
        let api = parse_base_url(
            overrides
                .api
                .clone()
                .unwrap_or_else(|| region::default_api_endpoint(region_id)),
            "API endpoint",
        )?;
        let iam = parse_base_url(
            overrides
                .iam
                .clone()
                .unwrap_or_else(|| region::default_iam_endpoint(region_id)),
            "IAM endpoint",
        )?;
        let registry_host = match &overrides.registry {
            Some(r) => {
                let r = r.trim();
                let r = r
                    .strip_prefix("https://")
                    .or_else(|| r.strip_prefix("http://"))
                    .unwrap_or(r)
                    .trim_end_matches('/');
                if r.is_empty() || r.contains(char::is_whitespace) {
                    return Err(Error::Configuration {
                        message: format!("registry host `{r}` is not a host[:port]"),
                    });
                }
                r.to_owned()
            }
            None => region::default_registry_host(region_id),
        };
        Ok(Self {
            api,
            registry_host,
            iam,
        })
    }
}

/// Parses a base URL, adding `https://` when the scheme is missing and dropping a trailing `/`.
pub fn parse_base_url(value: String, what: &str) -> Result<Url, Error> {
    let trimmed = value.trim();
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|e| Error::Configuration {
        message: format!("{what} `{trimmed}` is not a URL: {e}"),
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::Configuration {
            message: format!("{what} `{trimmed}` must be an http(s) URL with a host"),
        });
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Configuration {
            message: format!("{what} `{trimmed}` must not have a query or fragment"),
        });
    }
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    Ok(url)
}

/// Which proxy to use.
#[derive(Debug, Clone, Default)]
pub enum ProxySetting {
    /// The system's proxy settings: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`, and on macOS and
    /// Windows the OS proxy configuration.
    #[default]
    System,
    /// Connect directly, ignoring any system proxy.
    Direct,
    /// This proxy URL for every request. It may embed a password, hence `Sensitive`.
    Url(Sensitive<String>),
}

/// Extra certificate authorities to trust besides the OS store.
#[derive(Debug, Clone)]
pub enum CaBundle {
    /// PEM text with one or more certificates.
    Pem(Vec<u8>),
    /// A PEM file to read when the client is built.
    File(PathBuf),
}

/// Connection settings.
#[derive(Debug, Clone)]
pub struct TransportOptions {
    /// Time allowed to establish a connection (TCP + TLS).
    pub connect_timeout: Duration,
    /// Time allowed between two reads of a response.
    pub read_timeout: Duration,
    /// Proxy choice.
    pub proxy: ProxySetting,
    /// Extra CAs (a corporate or private-deployment CA).
    pub extra_ca: Option<CaBundle>,
    /// Accept any server certificate. Only for a profile that explicitly opts in; every client
    /// built with it logs a warning and reports [`crate::Client::is_insecure`].
    pub insecure_skip_tls_verify: bool,
    /// `User-Agent`; defaults to `swr-console/<version>`.
    pub user_agent: String,
}

/// `swr-console/<crate version>`.
pub fn default_user_agent() -> String {
    format!("swr-console/{}", env!("CARGO_PKG_VERSION"))
}

impl Default for TransportOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(60),
            proxy: ProxySetting::System,
            extra_ca: None,
            insecure_skip_tls_verify: false,
            user_agent: default_user_agent(),
        }
    }
}

/// Everything needed to build a [`crate::Client`].
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Region id, e.g. `cn-north-4`.
    pub region: String,
    /// AK/SK.
    pub credentials: Credentials,
    /// Project id of the region; resolved once through IAM when absent.
    pub project_id: Option<String>,
    /// Endpoint overrides.
    pub endpoints: EndpointOverrides,
    /// Connection settings.
    pub transport: TransportOptions,
    /// Retry policy for idempotent reads.
    pub retry: RetryPolicy,
    /// The account's pacer, shared by every client of the account; `None` sends unpaced.
    pub rate_limiter: Option<std::sync::Arc<crate::rate::RateLimiter>>,
}

impl ClientConfig {
    /// A config with default endpoints, transport and retry policy.
    pub fn new(region: impl Into<String>, credentials: Credentials) -> Self {
        Self {
            region: region.into(),
            credentials,
            project_id: None,
            endpoints: EndpointOverrides::default(),
            transport: TransportOptions::default(),
            retry: RetryPolicy::default(),
            rate_limiter: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_region_hosts() {
        let e = Endpoints::resolve("cn-north-4", &EndpointOverrides::default()).unwrap();
        assert_eq!(
            e.api.as_str(),
            "https://swr-api.cn-north-4.myhuaweicloud.com/"
        );
        assert_eq!(e.registry_host, "swr.cn-north-4.myhuaweicloud.com");
        assert_eq!(e.iam.host_str(), Some("iam.cn-north-4.myhuaweicloud.com"));

        let e = Endpoints::resolve(
            "cn-north-4",
            &EndpointOverrides {
                api: Some("http://127.0.0.1:8080/".into()),
                registry: Some("http://127.0.0.1:5000/".into()),
                iam: Some("iam.example.internal/prefix/".into()),
            },
        )
        .unwrap();
        assert_eq!(e.api.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(e.registry_host, "127.0.0.1:5000");
        assert_eq!(e.iam.as_str(), "https://iam.example.internal/prefix");
    }

    #[test]
    fn bad_overrides_are_configuration_errors() {
        for api in ["ftp://x", "http://", "https://a b", "http://h/?q=1"] {
            let r = Endpoints::resolve(
                "cn-north-4",
                &EndpointOverrides {
                    api: Some(api.into()),
                    ..Default::default()
                },
            );
            assert!(matches!(r, Err(Error::Configuration { .. })), "{api}");
        }
    }

    #[test]
    fn debug_of_a_config_hides_secrets() {
        let mut c = ClientConfig::new("cn-north-4", Credentials::new("AK1", "very-secret-sk"));
        c.credentials.security_token = Some(Sensitive::new("sts-token-value".into()));
        c.transport.proxy = ProxySetting::Url(Sensitive::new("http://u:proxy-pw@p:3128".into()));
        let text = format!("{c:?}");
        assert!(text.contains("AK1"));
        for secret in ["very-secret-sk", "sts-token-value", "proxy-pw"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(default_user_agent().starts_with("swr-console/"));
    }
}
