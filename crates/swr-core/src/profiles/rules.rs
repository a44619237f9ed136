//! The rules a profile must follow before it is saved, shared by the desktop app and `swrctl`.
//!
//! This is the only copy of them: every way into the profile store goes through
//! [`ProfileInput::validated`], and the wizard asks [`ProfileInput::violations`] as the user
//! types, showing each [`RuleViolation`] on its field in the UI's language. Two rules matter
//! for safety: plain `http://` endpoints are accepted only for loopback hosts (a local
//! sandbox), so a typo can never send signed requests or a login key unencrypted across a
//! network; and a proxy URL is checked for shape only, never printed back (it may embed a
//! password). A third: skipping TLS verification is accepted only when every host the profile
//! talks to is this machine or a private network address, where a test deployment lives;
//! anywhere else it would hand the login key to whoever sits in the middle.

use std::net::IpAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use swr_api::rules::RuleViolation;

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

/// A broken rule on a field the form knows by this camelCase name. The value is not echoed:
/// a proxy URL may hold a password.
fn invalid(
    field: &str,
    rule: &str,
    en: impl Into<String>,
    zh_cn: impl Into<String>,
) -> RuleViolation {
    RuleViolation::custom(field, rule, "", en, zh_cn)
}

pub const NAME_MAX: usize = 64;

impl ProfileInput {
    /// Checks every field and returns the input with blanks trimmed and empty options as `None`,
    /// or the first broken rule.
    pub fn validated(self) -> Result<Self, RuleViolation> {
        let (clean, mut violations) = self.checked();
        if violations.is_empty() {
            Ok(clean)
        } else {
            Err(violations.swap_remove(0))
        }
    }

    /// Every broken rule, in the order of the form's fields.
    pub fn violations(&self) -> Vec<RuleViolation> {
        self.clone().checked().1
    }

    fn checked(self) -> (Self, Vec<RuleViolation>) {
        let mut found = Vec::new();
        let mut keep = |r: Result<String, RuleViolation>| match r {
            Ok(v) => Some(v),
            Err(v) => {
                found.push(v);
                None
            }
        };
        let name = keep(check_name(&self.name)).unwrap_or_default();
        let api =
            blank_to_none(self.endpoints.api).and_then(|v| keep(check_url("endpoints.api", &v)));
        let registry =
            blank_to_none(self.endpoints.registry).and_then(|v| keep(check_registry(&v)));
        let iam =
            blank_to_none(self.endpoints.iam).and_then(|v| keep(check_url("endpoints.iam", &v)));
        let region = self.region.trim().to_owned();
        let known = swr_api::region::find_region(&region).is_some();
        // A private deployment or the sandbox may use a region id of its own, but then the
        // public hosts derived from it would be wrong, so an API endpoint must be given.
        if !known && (api.is_none() || !is_region_shaped(&region)) {
            keep(Err(invalid(
                "region",
                "region.unknown",
                format!("`{region}` is not an SWR region: choose one from the list"),
                format!("“{region}”不是 SWR 的区域：请从列表中选择"),
            )));
        }
        let access_key_id = keep(check_access_key(&self.access_key_id)).unwrap_or_default();
        let project_id = blank_to_none(self.project_id).and_then(|id| keep(check_project_id(id)));
        let proxy = blank_to_none(self.proxy).and_then(|p| keep(check_proxy(p)));
        let ca_bundle = self.ca_bundle.filter(|p| !p.as_os_str().is_empty());
        if ca_bundle.as_ref().is_some_and(|p| !p.is_absolute()) {
            keep(Err(invalid(
                "caBundle",
                "caBundle.relative",
                "Give the full path of the PEM file.",
                "请填写 PEM 文件的完整路径。",
            )));
        }
        let endpoints = EndpointOverrides {
            api,
            registry,
            iam,
            regions: self.endpoints.regions,
        };
        if self.insecure_skip_tls_verify {
            if let Err(v) = check_insecure_hosts(&endpoints, project_id.is_some()) {
                found.push(v);
            }
        }
        let clean = Self {
            name,
            region,
            project_id,
            access_key_id,
            endpoints,
            ca_bundle,
            proxy,
            insecure_skip_tls_verify: self.insecure_skip_tls_verify,
        };
        (clean, found)
    }
}

fn check_name(name: &str) -> Result<String, RuleViolation> {
    let name = name.trim();
    if name.is_empty() {
        return Err(invalid(
            "name",
            "profile.name.required",
            "Give the profile a name.",
            "请为配置命名。",
        ));
    }
    if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        return Err(invalid(
            "name",
            "profile.name.length",
            format!("Use at most {NAME_MAX} printable characters."),
            format!("最多使用 {NAME_MAX} 个可打印字符。"),
        ));
    }
    Ok(name.to_owned())
}

fn check_access_key(access_key_id: &str) -> Result<String, RuleViolation> {
    let ak = access_key_id.trim();
    if ak.is_empty() || ak.len() > 128 || !ak.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(invalid(
            "accessKeyId",
            "accessKey.charset",
            "An access key ID is made of letters and digits only (copy it from the credentials CSV).",
            "访问密钥 ID 只包含字母和数字（请从凭证 CSV 文件中复制）。",
        ));
    }
    Ok(ak.to_owned())
}

fn check_project_id(id: String) -> Result<String, RuleViolation> {
    if id.len() > 64 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(invalid(
            "projectId",
            "projectId.charset",
            "A project ID is made of letters, digits and dashes.",
            "项目 ID 只包含字母、数字和短横线。",
        ));
    }
    Ok(id)
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
fn check_insecure_hosts(
    endpoints: &EndpointOverrides,
    has_project: bool,
) -> Result<(), RuleViolation> {
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
        "insecure.publicHost",
        "Skipping TLS verification is allowed only when the API endpoint, the registry host \
         and the IAM endpoint (or a project ID) are on this computer or a private network \
         address (10.x, 172.16–31.x, 192.168.x, fc00::/7); for any other server add its CA \
         bundle instead.",
        "只有当 API 端点、镜像仓库地址和 IAM 端点（或项目 ID）都在本机或私有网络地址\
         （10.x、172.16–31.x、192.168.x、fc00::/7）上时，才允许跳过 TLS 验证；其他服务器请添加其 CA 证书。",
    ))
}

/// An API or IAM base URL: `https://` anywhere, `http://` only on loopback.
fn check_url(field: &str, value: &str) -> Result<String, RuleViolation> {
    let url = swr_api::config::parse_base_url(value.to_owned(), "endpoint").map_err(|_| {
        invalid(
            field,
            "endpoint.url",
            format!("`{value}` is not an http(s) URL with a host."),
            format!("“{value}”不是带主机名的 http(s) URL。"),
        )
    })?;
    let host = url.host_str().unwrap_or_default();
    if url.scheme() == "http" && !is_loopback_host(host) {
        return Err(plain_http_off_machine(field));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// A registry `host[:port]`; a leading `http://` is accepted only for a loopback host.
/// Plain http leaves this machine: signed requests and the login key would cross the network
/// unencrypted.
fn plain_http_off_machine(field: &str) -> RuleViolation {
    invalid(
        field,
        "endpoint.plainHttp",
        "Plain http is allowed only for this machine (127.0.0.1, ::1, localhost); use https.",
        "只有本机（127.0.0.1、::1、localhost）可以使用明文 http；请使用 https。",
    )
}

fn check_registry(value: &str) -> Result<String, RuleViolation> {
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
            "registry.host",
            format!("`{value}` is not a registry host[:port]."),
            format!("“{value}”不是镜像仓库的“主机[:端口]”。"),
        ));
    };
    let host = url.host_str().unwrap_or_default();
    if plain_http && !is_loopback_host(host) {
        return Err(plain_http_off_machine(FIELD));
    }
    Ok(host_port.to_owned())
}

fn check_proxy(value: String) -> Result<String, RuleViolation> {
    let ok = url::Url::parse(&value).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https" | "socks5" | "socks5h") && u.host_str().is_some()
    });
    if ok {
        Ok(value)
    } else {
        // The value may hold a proxy password: describe the problem without echoing it.
        Err(invalid(
            "proxy",
            "proxy.url",
            "A proxy is an http://, https:// or socks5:// URL with a host.",
            "代理是带主机名的 http://、https:// 或 socks5:// URL。",
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
    fn the_wizard_sees_every_broken_field_at_once() {
        let mut i = input();
        i.name = String::new();
        i.access_key_id = "AK WITH SPACE".into();
        i.endpoints.registry = Some("http://registry.example.com".into());
        let v = i.violations();
        let fields: Vec<(&str, &str)> = v
            .iter()
            .map(|v| (v.field.as_str(), v.rule.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("name", "profile.name.required"),
                ("endpoints.registry", "endpoint.plainHttp"),
                ("accessKeyId", "accessKey.charset"),
            ]
        );
        assert!(v
            .iter()
            .all(|v| !v.message.zh_cn.is_empty() && !v.message.en.is_empty()));
        assert!(input().violations().is_empty());
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
