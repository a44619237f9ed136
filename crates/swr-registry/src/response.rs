//! Reading registry answers: which ones are worth retrying, the `Retry-After` they ask for,
//! and one-line error messages from distribution's `{"errors":[…]}` bodies. Kept apart from
//! the request loop so that file stays about the loop.

use std::time::SystemTime;

use reqwest::header::RETRY_AFTER;
use reqwest::{Response, StatusCode};
use serde::Deserialize;
use swr_api::retry::parse_retry_after;
use url::Url;

use crate::error::{Error, Transient};

pub(crate) fn is_retryable(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

pub(crate) fn is_retryable_error(e: &reqwest::Error) -> bool {
    e.is_connect() || e.is_timeout() || e.is_request() || e.is_body()
}

pub(crate) fn transient_of(resp: &Response) -> Transient {
    let retry_after = resp
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, SystemTime::now()));
    Transient {
        description: format!("HTTP {}", resp.status().as_u16()),
        retry_after,
    }
}

pub(crate) fn url_without_query(url: &Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.to_string()
}

pub(crate) fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        source = inner.source();
    }
    s
}

pub(crate) fn transport_error(url: &Url, e: &reqwest::Error) -> Error {
    Error::Transport {
        url: url_without_query(url),
        message: error_chain(e),
    }
}

/// The registry's `{"errors":[{"code","message"}]}` as one line, else the start of the body.
pub(crate) async fn error_message(resp: Response) -> String {
    #[derive(Deserialize)]
    struct Item {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
    }
    #[derive(Deserialize)]
    struct Errors {
        errors: Vec<Item>,
    }
    let status = resp.status();
    // Only its start is ever shown; a server that sends without end is cut off.
    let body = swr_api::limits::read_body(resp, swr_api::limits::MAX_SMALL_RESPONSE_BYTES)
        .await
        .unwrap_or_default();
    if let Ok(e) = serde_json::from_slice::<Errors>(&body) {
        let joined: Vec<String> = e
            .errors
            .iter()
            .map(|i| format!("{}: {}", i.code, i.message))
            .collect();
        if !joined.is_empty() {
            return joined.join("; ");
        }
    }
    let text = String::from_utf8_lossy(&body);
    let text: String = text.chars().take(200).collect();
    if text.trim().is_empty() {
        status.to_string()
    } else {
        text.trim().to_owned()
    }
}

pub(crate) async fn status_error(method: &str, url: &Url, resp: Response) -> Error {
    let status = resp.status().as_u16();
    Error::Status {
        method: method.to_owned(),
        url: url_without_query(url),
        status,
        message: error_message(resp).await,
    }
}
