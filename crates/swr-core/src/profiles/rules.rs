//! The rules a profile must follow before it is saved, shared by the desktop app and `swrctl`.
//!
//! The UI checks the same rules as the user types, but this is the authority: every way into
//! the profile store goes through [`ProfileInput::validated`]. Two rules matter for safety:
//! plain `http://` endpoints are accepted only for loopback hosts (a local sandbox), so a typo
//! can never send signed requests or a login key unencrypted across a network; and a proxy
//! URL is checked for shape only, never printed back (it may embed a password). A third:
//! skipping TLS verification is accepted only when every host the profile talks to is this
//! machine or a private network address, where a test deployment lives; anywhere else it would
//! hand the login key to whoever sits in the middle.

use std::net::IpAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::profiles::EndpointOverrides;

/// A profile as the user fills it in: everything but the id, and never the secret key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileInput {
    pub name: String,
    pub region: String,
    pub project_id: Option<String>,
    pub access_key_id: String,
    pub endpoints: EndpointOverrides,
    pub ca_bundle: Option<PathBuf>,
    pub proxy: Option<String>,
    pub insecure_skip_tls_verify: bool,
}

/// Which field broke a rule, and how.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct Invalid {
    /// The camelCase field name, as the UI form knows it.
    pub field: &'static str,
    pub reason: String,
}

fn invalid(field: &'static str, reason: impl Into<String>) -> Invalid {
    Invalid {
        field,
        reason: reason.into(),
    }
}

pub const NAME_MAX: usize = 64;

impl ProfileInput {
    /// Checks every field and returns the input with blanks trimmed and empty options as `None`.
    pub fn validated(self) -> Result<Self, Invalid> {
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            return Err(invalid("name", "a profile needs a name"));
        }
        if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
            return Err(invalid(
                "name",
                format!("use at most {NAME_MAX} printable characters"),
            ));
        }
        let endpoints = EndpointOverrides {
            api: blank_to_none(self.endpoints.api)
                .map(|v| check_url("endpoints.api", &v))
                .transpose()?,
            registry: blank_to_none(self.endpoints.registry)
                .map(|v| check_registry(&v))
                .transpose()?,
            iam: blank_to_none(self.endpoints.iam)
                .map(|v| check_url("endpoints.iam", &v))
                .transpose()?,
            regions: self.endpoints.regions,
        };
        let region = self.region.trim().to_owned();
        let known = swr_api::region::find_region(&region).is_some();
        // A private deployment or the sandbox may use a region id of its own, but then the
        // public hosts derived from it would be wrong, so an API endpoint must be given.
        if !known && (endpoints.api.is_none() || !is_region_shaped(&region)) {
            return Err(invalid(
                "region",
                format!("`{region}` is not an SWR region"),
            ));
        }
        let access_key_id = self.access_key_id.trim().to_owned();
        if access_key_id.is_empty()
            || access_key_id.len() > 128
            || !access_key_id.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(invalid(
                "accessKeyId",
                "an access key id is made of letters and digits only",
            ));
        }
        let project_id = blank_to_none(self.project_id);
        if let Some(id) = &project_id {
            if id.len() > 64 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(invalid(
                    "projectId",
                    "a project id is made of letters, digits and dashes",
                ));
            }
        }
        let proxy = blank_to_none(self.proxy)
            .map(|p| check_proxy(&p))
            .transpose()?;
        let ca_bundle = self.ca_bundle.filter(|p| !p.as_os_str().is_empty());
        if let Some(path) = &ca_bundle {
            if !path.is_absolute() {
                return Err(invalid("caBundle", "give the full path of the PEM file"));
            }
        }
        if self.insecure_skip_tls_verify {
            check_insecure_hosts(&endpoints, project_id.is_some())?;
        }
        Ok(Self {
            name,
            region,
            project_id,
            access_key_id,
            endpoints,
            ca_bundle,
            proxy,
            insecure_skip_tls_verify: self.insecure_skip_tls_verify,
        })
    }
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn is_region_shaped(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 32
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `host` (no port, IPv6 with or without brackets) names this machine.
pub fn is_loopback_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// This machine or an address of a private network: IPv4 10/8, 172.16/12, 192.168/16,
/// link-local, IPv6 unique-local (fc00::/7) and link-local. Names other than `localhost` are
/// not trusted to stay private (DNS decides where they lead).
pub fn is_private_host(host: &str) -> bool {
    if is_loopback_host(host) {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_private() || ip.is_link_local(),
        Ok(IpAddr::V6(ip)) => {
            let first = ip.segments()[0];
            (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
        Err(_) => false,
    }
}

/// Whether a profile may skip TLS verification (see [`check_insecure_hosts`]); connections
/// ask again, so a profile written by hand cannot skip it where the form would refuse.
pub fn insecure_allowed(endpoints: &EndpointOverrides, has_project: bool) -> bool {
    check_insecure_hosts(endpoints, has_project).is_ok()
}

/// Skipping TLS verification needs every endpoint on a private address: the API, the registry
/// and IAM (or a project id, so that IAM is never asked).
fn check_insecure_hosts(endpoints: &EndpointOverrides, has_project: bool) -> Result<(), Invalid> {
    let host_of = |url: &str| {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
    };
    let registry_host = |value: &str| {
        let rest = value
            .trim_start_matches("http://")
            .trim_start_matches("https://");
        host_of(&format!("https://{rest}"))
    };
    let private = |host: Option<String>| host.is_some_and(|h| is_private_host(&h));
    let api = endpoints.api.as_deref().and_then(host_of);
    let registry = endpoints.registry.as_deref().and_then(registry_host);
    let iam_ok = match endpoints.iam.as_deref() {
        Some(iam) => private(host_of(iam)),
        None => has_project,
    };
    if private(api) && private(registry) && iam_ok {
        return Ok(());
    }
    Err(invalid(
        "insecureSkipTlsVerify",
        "skipping TLS verification is allowed only when the API endpoint, the registry host \
         and the IAM endpoint (or a project id) are on this computer or a private network \
         address (10.x, 172.16–31.x, 192.168.x, fc00::/7); for any other server add its CA \
         bundle instead",
    ))
}

/// An API or IAM base URL: `https://` anywhere, `http://` only on loopback.
fn check_url(field: &'static str, value: &str) -> Result<String, Invalid> {
    let url = swr_api::config::parse_base_url(value.to_owned(), "endpoint").map_err(|_| {
        invalid(
            field,
            format!("`{value}` is not an http(s) URL with a host"),
        )
    })?;
    let host = url.host_str().unwrap_or_default();
    if url.scheme() == "http" && !is_loopback_host(host) {
        return Err(invalid(
            field,
            "plain http is allowed only for this machine (127.0.0.1, ::1, localhost); use https",
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// A registry `host[:port]`; a leading `http://` is accepted only for a loopback host.
fn check_registry(value: &str) -> Result<String, Invalid> {
    const FIELD: &str = "endpoints.registry";
    let (plain_http, rest) = match value.strip_prefix("http://") {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix("https://").unwrap_or(value)),
    };
    let host_port = rest.trim_end_matches('/');
    let parsed = url::Url::parse(&format!("https://{host_port}"))
        .ok()
        .filter(|u| u.path() == "/" && u.username().is_empty() && u.query().is_none());
    let Some(url) = parsed else {
        return Err(invalid(
            FIELD,
            format!("`{value}` is not a registry host[:port]"),
        ));
    };
    let host = url.host_str().unwrap_or_default();
    if plain_http && !is_loopback_host(host) {
        return Err(invalid(
            FIELD,
            "plain http is allowed only for this machine (127.0.0.1, ::1, localhost)",
        ));
    }
    Ok(host_port.to_owned())
}

fn check_proxy(value: &str) -> Result<String, Invalid> {
    let ok = url::Url::parse(value).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https" | "socks5" | "socks5h") && u.host_str().is_some()
    });
    if ok {
        Ok(value.to_owned())
    } else {
        // The value may hold a proxy password: describe the problem without echoing it.
        Err(invalid(
            "proxy",
            "a proxy is an http://, https:// or socks5:// URL with a host",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            name: "  Production ".into(),
            region: "cn-north-4".into(),
            access_key_id: "HPUAEXAMPLEAK0000001".into(),
            ..ProfileInput::default()
        }
    }

    fn with_api(api: &str) -> ProfileInput {
        let mut i = input();
        i.endpoints.api = Some(api.into());
        i
    }

    #[test]
    fn a_plain_profile_is_trimmed_and_accepted() {
        let mut i = input();
        i.project_id = Some("  ".into());
        let v = i.validated().unwrap();
        assert_eq!(v.name, "Production");
        assert_eq!(v.project_id, None);
    }

    #[test]
    fn plain_http_only_reaches_this_machine() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:9",
            "http://[::1]:80/",
            "https://swr-api.example.internal",
        ] {
            assert!(with_api(ok).validated().is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.5:8080",
            "http://swr-api.example.com",
            "ftp://x",
        ] {
            let err = with_api(bad).validated().unwrap_err();
            assert_eq!(err.field, "endpoints.api", "{bad}");
        }
        let mut i = input();
        i.endpoints.registry = Some("http://registry.example.com".into());
        assert_eq!(i.validated().unwrap_err().field, "endpoints.registry");
        let mut i = input();
        i.endpoints.registry = Some("http://127.0.0.1:5000/".into());
        assert_eq!(
            i.validated().unwrap().endpoints.registry.as_deref(),
            Some("127.0.0.1:5000")
        );
        let mut i = input();
        i.endpoints.iam = Some("http://iam.example.com".into());
        assert_eq!(i.validated().unwrap_err().field, "endpoints.iam");
    }

    #[test]
    fn unknown_regions_need_an_api_endpoint() {
        let mut i = input();
        i.region = "mars-1".into();
        assert_eq!(i.clone().validated().unwrap_err().field, "region");
        i.endpoints.api = Some("http://127.0.0.1:1".into());
        assert!(i.validated().is_ok());
    }

    #[test]
    fn names_keys_and_proxies_are_checked_without_echoing_a_proxy_password() {
        let mut i = input();
        i.name = " ".into();
        assert_eq!(i.validated().unwrap_err().field, "name");
        let mut i = input();
        i.access_key_id = "AK WITH SPACE".into();
        assert_eq!(i.validated().unwrap_err().field, "accessKeyId");
        let mut i = input();
        i.proxy = Some("user:hunter2@proxy".into());
        let err = i.validated().unwrap_err();
        assert_eq!(err.field, "proxy");
        assert!(!err.to_string().contains("hunter2"));
        let mut i = input();
        i.ca_bundle = Some("relative/ca.pem".into());
        assert_eq!(i.validated().unwrap_err().field, "caBundle");
    }

    #[test]
    fn loopback_hosts() {
        for h in ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "LOCALHOST"] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in ["10.0.0.1", "example.com", "localhost.example.com", ""] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }

    #[test]
    fn tls_verification_is_skipped_only_for_servers_on_private_addresses() {
        let mut i = input();
        i.insecure_skip_tls_verify = true;
        let err = i.clone().validated().unwrap_err();
        assert_eq!(err.field, "insecureSkipTlsVerify", "public endpoints");

        i.endpoints.api = Some("https://192.168.10.5:8443".into());
        i.endpoints.registry = Some("10.1.2.3:5000".into());
        let err = i.clone().validated().unwrap_err();
        assert_eq!(err.field, "insecureSkipTlsVerify", "IAM would be public");
        i.project_id = Some("0123456789abcdef".into());
        assert!(i.clone().validated().is_ok());

        i.endpoints.registry = Some("registry.example.com".into());
        assert!(i.clone().validated().is_err(), "a name may lead anywhere");
        i.endpoints.registry = Some("[fd12::8]:5000".into());
        assert!(i.clone().validated().is_ok());
        i.endpoints.iam = Some("https://8.8.8.8".into());
        assert!(i.clone().validated().is_err(), "a public IAM endpoint");
        i.endpoints.iam = Some("https://localhost:9443".into());
        assert!(i.clone().validated().is_ok());

        assert!(is_private_host("172.31.0.1") && !is_private_host("172.32.0.1"));
        assert!(is_private_host("[::1]") && !is_private_host("2001:db8::1"));
    }
}
