//! The connection settings of a profile: the API client's and the registry client's
//! configuration, with the profile's proxy, CA bundle and TLS rule, built in one place for the
//! sessions, the login check and `swrctl push`.

use swr_api::config::{CaBundle, ProxySetting, TransportOptions};
use swr_api::{ClientConfig, Credentials, Sensitive};

use crate::profiles::Profile;

/// Whether the profile's API endpoint is on this machine (a sandbox): a system proxy is then
/// bypassed, since it could not reach this machine's loopback anyway.
pub(crate) fn api_is_loopback(profile: &Profile) -> bool {
    profile
        .endpoints
        .api
        .as_deref()
        .and_then(|api| url::Url::parse(api).ok())
        .and_then(|u| u.host_str().map(crate::profiles::rules::is_loopback_host))
        .unwrap_or(false)
}

/// Whether connections of the profile skip TLS verification: only when it asks to and every
/// endpoint is on a private address. A profile file edited by hand to skip it for a public
/// server is verified as usual, with a warning in the log.
fn skips_tls_verification(profile: &Profile) -> bool {
    if !profile.insecure_skip_tls_verify {
        return false;
    }
    let allowed =
        crate::profiles::rules::insecure_allowed(&profile.endpoints, profile.project_id.is_some());
    if !allowed {
        tracing::warn!(profile = %profile.id, "TLS verification stays on: the profile's endpoints are not all on private addresses");
    }
    allowed
}

/// The transport settings of a profile.
pub fn transport(profile: &Profile) -> TransportOptions {
    TransportOptions {
        proxy: match &profile.proxy {
            Some(url) => ProxySetting::Url(Sensitive::new(url.clone())),
            None if api_is_loopback(profile) => ProxySetting::Direct,
            None => ProxySetting::System,
        },
        extra_ca: profile.ca_bundle.clone().map(CaBundle::File),
        insecure_skip_tls_verify: skips_tls_verification(profile),
        ..TransportOptions::default()
    }
}

/// The API client configuration of a profile with its secret key.
pub fn client_config(profile: &Profile, secret_key: &Sensitive<String>) -> ClientConfig {
    let mut config = ClientConfig::new(
        profile.region.clone(),
        Credentials::new(profile.access_key_id.clone(), secret_key.expose().clone()),
    );
    config.project_id = profile.project_id.clone();
    config.endpoints = swr_api::EndpointOverrides {
        api: profile.endpoints.api.clone(),
        registry: profile.endpoints.registry.clone(),
        iam: profile.endpoints.iam.clone(),
    };
    config.transport = transport(profile);
    config
}

/// The registry client configuration of a profile with its secret key: Bearer tokens from the
/// long-term login (`<region>@<AK>` and the login key), plain HTTP only for a loopback registry.
pub fn registry_config(
    profile: &Profile,
    secret_key: &Sensitive<String>,
) -> swr_registry::RegistryConfig {
    let host = profile.registry_host();
    let mut config = swr_registry::RegistryConfig::new(
        host.clone(),
        swr_registry::Credentials::AccessKey {
            region: profile.region.clone(),
            access_key: profile.access_key_id.clone(),
            secret_key: secret_key.clone(),
        },
    );
    config.transport = transport(profile);
    config.plain_http = crate::credentials::logins::registry_is_loopback(&host);
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_edited_profile_cannot_skip_tls_verification_for_a_public_server() {
        let mut private = crate::profiles::test_profile_with_registry("10.0.0.8:5000");
        private.insecure_skip_tls_verify = true;
        assert!(transport(&private).insecure_skip_tls_verify);
        let mut public =
            crate::profiles::test_profile_with_registry("swr.cn-north-4.myhuaweicloud.com");
        public.insecure_skip_tls_verify = true;
        assert!(!transport(&public).insecure_skip_tls_verify);
        assert!(
            !registry_config(&public, &Sensitive::new("sk".into()))
                .transport
                .insecure_skip_tls_verify
        );
    }

    #[test]
    fn a_loopback_sandbox_is_reached_directly_over_plain_http() {
        let profile = crate::profiles::test_profile_with_registry("127.0.0.1:5000");
        assert!(matches!(transport(&profile).proxy, ProxySetting::Direct));
        assert!(registry_config(&profile, &Sensitive::new("sk".into())).plain_http);
        let public =
            crate::profiles::test_profile_with_registry("swr.cn-north-4.myhuaweicloud.com");
        assert!(!registry_config(&public, &Sensitive::new("sk".into())).plain_http);
    }
}
