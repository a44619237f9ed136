//! The HTTP client of the registry: the management API's transport rules (proxy, extra CA,
//! timeouts, opt-in insecure TLS, redirects never followed — a redirect to another host would
//! carry our `Authorization` header) applied to the registry host.

use swr_api::TransportOptions;

use crate::error::Error;

pub fn build_http_client(opts: &TransportOptions) -> Result<reqwest::Client, Error> {
    swr_api::http::build_http_client(opts).map_err(|err| match err {
        swr_api::Error::Configuration { message } => Error::Config(message),
        other => Error::Config(other.to_string()),
    })
}
