//! Mapping transport failures (reqwest, hyper, rustls, io) onto [`Error`].

use std::error::Error as StdError;

use super::{Error, ErrorKind};

/// Classifies a reqwest error. The URL is stripped from the message: it carries no secret, but
/// it is noise in a user-facing detail and the operation is reported elsewhere.
pub(crate) fn from_reqwest(err: reqwest::Error) -> Error {
    let message = source_chain(&err).join(": ");
    if is_tls_failure(&err) {
        return Error::Tls { message };
    }
    let kind = if err.is_timeout() || message.to_ascii_lowercase().contains("timed out") {
        ErrorKind::Timeout
    } else {
        ErrorKind::Network
    };
    Error::Network { kind, message }
}

/// Whether a rustls error (bad certificate, handshake failure, a peer that does not speak TLS)
/// is anywhere in the chain. The TLS connector wraps it in `io::Error`s, possibly nested, and an
/// `io::Error`'s `source()` skips the error it wraps, so those are unwrapped by hand.
fn is_tls_failure(err: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn StdError + 'static)> = err.source();
    while let Some(s) = source {
        if wraps_rustls(s) {
            return true;
        }
        source = s.source();
    }
    false
}

fn wraps_rustls(err: &(dyn StdError + 'static)) -> bool {
    if err.is::<rustls::Error>() {
        return true;
    }
    let mut io = err.downcast_ref::<std::io::Error>();
    // Bounded: an io::Error can only wrap a finite chain, but a cap keeps this obviously total.
    for _ in 0..8 {
        let Some(inner) = io.and_then(|e| e.get_ref()) else {
            return false;
        };
        if inner.is::<rustls::Error>() {
            return true;
        }
        io = inner.downcast_ref::<std::io::Error>();
    }
    false
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
