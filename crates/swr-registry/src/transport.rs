//! The HTTP client, built from the same transport options as the management API client
//! (proxy, extra CA, timeouts, opt-in insecure TLS), with redirects off.
//!
//! swr-api keeps its builder private, so the same rules are applied here; the two should
//! become one function when swr-api exports it.

use std::time::Duration;

use swr_api::config::{CaBundle, ProxySetting};
use swr_api::TransportOptions;

use crate::error::Error;

pub fn build_http_client(opts: &TransportOptions) -> Result<reqwest::Client, Error> {
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_native_certs(true)
        .connect_timeout(opts.connect_timeout)
        .read_timeout(opts.read_timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        // Never follow: a redirect to another host would carry our Authorization header.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(opts.user_agent.clone());
    builder = match &opts.proxy {
        ProxySetting::System => builder,
        ProxySetting::Direct => builder.no_proxy(),
        ProxySetting::Url(url) => {
            // reqwest's error would quote the URL and any password in it.
            let proxy = reqwest::Proxy::all(url.expose().as_str())
                .map_err(|_| Error::Config("the proxy URL is not valid".into()))?;
            builder.proxy(proxy)
        }
    };
    if let Some(bundle) = &opts.extra_ca {
        let pem = match bundle {
            CaBundle::Pem(bytes) => bytes.clone(),
            CaBundle::File(path) => std::fs::read(path).map_err(|e| {
                Error::Config(format!("cannot read CA bundle {}: {e}", path.display()))
            })?,
        };
        let certs = reqwest::Certificate::from_pem_bundle(&pem)
            .map_err(|e| Error::Config(format!("the CA bundle is not valid PEM: {e}")))?;
        if certs.is_empty() {
            return Err(Error::Config(
                "the CA bundle contains no certificate".into(),
            ));
        }
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    if opts.insecure_skip_tls_verify {
        tracing::warn!("TLS certificate verification is disabled for this registry");
        builder = builder.danger_accept_invalid_certs(true);
    }
    builder
        .build()
        .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))
}
