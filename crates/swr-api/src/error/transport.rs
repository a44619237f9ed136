//! Mapping transport failures (reqwest, hyper, rustls, io) onto [`Error`].

use std::error::Error as StdError;

use super::{Error, ErrorKind};

/// Classifies a reqwest error. The URL is stripped from the message: it carries no secret, but
/// it is noise in a user-facing detail and the operation is reported elsewhere.
pub(crate) fn from_reqwest(err: reqwest::Error) -> Error {
    let chain = source_chain(&err);
    let message = chain.join(": ");
    let lower = message.to_ascii_lowercase();
    if lower.contains("certificate")
        || lower.contains("tls")
        || lower.contains("handshake")
        || lower.contains("unknownissuer")
    {
        return Error::Tls { message };
    }
    let kind = if err.is_timeout() || lower.contains("timed out") {
        ErrorKind::Timeout
    } else {
        ErrorKind::Network
    };
    Error::Network { kind, message }
}

/// Whether the failure is a dropped connection an idempotent request may retry.
pub(crate) fn is_connection_drop(err: &reqwest::Error) -> bool {
    // A read timeout is not retried: the server may still be working, and waiting the full
    // timeout again would keep the user staring at a spinner.
    if err.is_connect() {
        return true;
    }
    let mut source: Option<&(dyn StdError + 'static)> = err.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            if matches!(
                io.kind(),
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof
            ) {
                return true;
            }
        }
        source = s.source();
    }
    let text = source_chain(err).join(" ").to_ascii_lowercase();
    text.contains("connection reset")
        || text.contains("connection closed")
        || text.contains("incomplete message")
}

fn source_chain(err: &reqwest::Error) -> Vec<String> {
    let mut parts = vec![err.without_url_ref()];
    let mut source: Option<&(dyn StdError + 'static)> = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if parts.last() != Some(&text) {
            parts.push(text);
        }
        source = s.source();
    }
    parts
}

trait WithoutUrl {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    fn without_url_ref(&self) -> String {
        let text = self.to_string();
        match self.url() {
            Some(url) => text.replace(&format!(" ({url})"), ""),
            None => text,
        }
    }
}
