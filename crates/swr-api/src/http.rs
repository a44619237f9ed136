//! Building the HTTP client from a profile's transport options.
//!
//! rustls with the OS trust store (plus an optional extra CA bundle), HTTP/2 when the server
//! offers it, system or explicit proxies, connect and read timeouts, and redirects off: the SDK
//! does not follow them, and a redirected signed request would fail verification anyway.

use std::time::Duration;

use crate::config::{CaBundle, ProxySetting, TransportOptions};
use crate::error::Error;

/// Builds the reqwest client.
pub fn build_http_client(opts: &TransportOptions) -> Result<reqwest::Client, Error> {
    let config_err = |message: String| Error::Configuration { message };
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_native_certs(true)
        .connect_timeout(opts.connect_timeout)
        .read_timeout(opts.read_timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(opts.user_agent.clone());

    builder = match &opts.proxy {
        ProxySetting::System => builder,
        ProxySetting::Direct => builder.no_proxy(),
        ProxySetting::Url(url) => {
            // The proxy URL may hold a password, so reqwest's error (which quotes it) is not
            // passed on.
            let proxy = reqwest::Proxy::all(url.expose().as_str())
                .map_err(|_| config_err("the proxy URL is not valid".to_owned()))?;
            builder.proxy(proxy)
        }
    };

    if let Some(bundle) = &opts.extra_ca {
        let pem = match bundle {
            CaBundle::Pem(bytes) => bytes.clone(),
            CaBundle::File(path) => crate::limits::read_ca_bundle(path).map_err(config_err)?,
        };
        let certs = reqwest::Certificate::from_pem_bundle(&pem)
            .map_err(|e| config_err(format!("the CA bundle is not valid PEM: {e}")))?;
        if certs.is_empty() {
            return Err(config_err(
                "the CA bundle contains no certificate".to_owned(),
            ));
        }
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }

    if opts.insecure_skip_tls_verify {
        tracing::warn!(
            "TLS certificate verification is disabled for this profile; \
             anyone on the network path can read and change its traffic"
        );
        builder = builder.danger_accept_invalid_certs(true);
    }

    builder
        .build()
        .map_err(|e| config_err(format!("cannot build the HTTP client: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Sensitive;

    #[test]
    fn default_options_build() {
        assert!(build_http_client(&TransportOptions::default()).is_ok());
    }

    #[test]
    fn broken_ca_bundles_are_reported() {
        let mut opts = TransportOptions {
            extra_ca: Some(CaBundle::Pem(b"not a certificate".to_vec())),
            ..Default::default()
        };
        assert!(matches!(
            build_http_client(&opts),
            Err(Error::Configuration { .. })
        ));
        opts.extra_ca = Some(CaBundle::File("/nonexistent/ca.pem".into()));
        let err = build_http_client(&opts).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/ca.pem"));
    }

    #[test]
    fn bad_proxy_does_not_echo_its_password() {
        let opts = TransportOptions {
            proxy: ProxySetting::Url(Sensitive::new("http://user:hunter2@[bad".into())),
            ..Default::default()
        };
        let err = build_http_client(&opts).unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
    }
}
