//! One error type for everything that can go wrong talking to a registry or reading what we
//! push. Variants carry structured fields so callers (the queue, the UI) can tell a refusal from
//! a transient failure; no variant ever holds a credential or a token.

use std::time::Duration;

/// Why a registry operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error("cannot reach the registry at {url}: {message}")]
    Transport { url: String, message: String },
    #[error("the registry refused the credentials for {scope}: {message}")]
    Unauthorized { scope: String, message: String },
    #[error("access denied to {repository}: the account may not push there ({message})")]
    Denied { repository: String, message: String },
    #[error("the registry answered {status} to {method} {url}: {message}")]
    Status {
        method: String,
        url: String,
        status: u16,
        message: String,
    },
    #[error("the registry is busy; gave up after {attempts} attempts (last: {last})")]
    RetriesExhausted { attempts: u32, last: String },
    #[error("the registry sent a challenge we do not understand: {0}")]
    Challenge(String),
    #[error(
        "the registry asked for the login at {realm}, but {reason}; the login was not sent. \
         Check the profile's registry address: the registry may be misconfigured or impersonated"
    )]
    UntrustedRealm { realm: String, reason: String },
    #[error("the registry answered {what} with a malformed response: {message}")]
    Protocol { what: String, message: String },
    #[error("{entry}: content does not match its digest (expected {expected}, got {actual})")]
    DigestMismatch {
        entry: String,
        expected: String,
        actual: String,
    },
    #[error("reading the archive: {0}")]
    Archive(String),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the push was cancelled")]
    Cancelled,
    #[error("after the push, {reference} has digest {actual}, expected {expected}")]
    VerifyFailed {
        reference: String,
        expected: String,
        actual: String,
    },
}

impl Error {
    /// True when trying again later might succeed (network, 5xx, 429).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Transport { .. } | Self::RetriesExhausted { .. } => true,
            Self::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    pub(crate) fn archive(message: impl Into<String>) -> Self {
        Self::Archive(message.into())
    }
}

/// A transient failure seen by one attempt, with the server's requested wait if any.
#[derive(Debug)]
pub(crate) struct Transient {
    pub description: String,
    pub retry_after: Option<Duration>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
