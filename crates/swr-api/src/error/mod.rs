//! One error type for everything a call to SWR can run into.
//!
//! SWR reports failures in four different body shapes (reference §3.2) and the transport can
//! fail before any answer arrives. Callers should not care which: [`Error::kind`] gives a closed
//! [`ErrorKind`] the UI branches on, [`Error::user_message`] a sentence in English and Simplified
//! Chinese, and every API error keeps the HTTP status, SWR error code and `X-Request-Id` so a
//! user can quote them to support.
//!
//! Messages never contain credentials: request headers are not part of any variant, and response
//! bodies are echoed only in cut-down form.

mod body;
mod kind;
pub(crate) mod transport;

pub use body::{parse_error_body, ErrorBody};
pub use kind::ErrorKind;

use std::time::Duration;

use crate::rules::{LocalizedText, RuleViolation};

/// The server answered with an error status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// What went wrong, classified from status and code.
    pub kind: ErrorKind,
    /// HTTP status.
    pub status: u16,
    /// SWR/APIGW error code, e.g. `SVCSTG.SWR.4040010`; the HTTP status when the body had none.
    pub code: String,
    /// The server's message (or the start of the raw body).
    pub message: String,
    /// `X-Request-Id` of the response.
    pub request_id: Option<String>,
    /// `Retry-After`, when the server sent one.
    pub retry_after: Option<Duration>,
}

/// Any failure of an SWR call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server answered with a status ≥ 400.
    #[error("SWR answered {} {} ({}): {}{}", .0.status, .0.code, .0.kind, .0.message, request_id_suffix(.0.request_id.as_deref()))]
    Api(ApiError),
    /// No answer: DNS, connect, reset, timeout.
    #[error("network error ({kind}): {message}")]
    Network {
        /// `Network` or `Timeout`.
        kind: ErrorKind,
        /// What the transport said (no credentials in it).
        message: String,
    },
    /// The TLS handshake failed (untrusted or invalid certificate, protocol mismatch).
    #[error("TLS error: {message}")]
    Tls {
        /// What the TLS stack said.
        message: String,
    },
    /// A request value broke an SWR rule; nothing was sent.
    #[error("invalid input: {0}")]
    InvalidInput(#[from] RuleViolation),
    /// The server answered 2xx but the body could not be read.
    #[error("unexpected response to {operation} (HTTP {status}): {message}{}", request_id_suffix(.request_id.as_deref()))]
    InvalidResponse {
        /// The operation, e.g. `list_namespaces`.
        operation: &'static str,
        /// HTTP status of the answer.
        status: u16,
        /// What could not be read.
        message: String,
        /// `X-Request-Id` of the response.
        request_id: Option<String>,
    },
    /// The profile cannot be used as configured (bad endpoint URL, unreadable CA bundle, …).
    #[error("configuration error: {message}")]
    Configuration {
        /// What is wrong.
        message: String,
    },
}

fn request_id_suffix(id: Option<&str>) -> String {
    id.map(|id| format!(" [request id {id}]"))
        .unwrap_or_default()
}

impl Error {
    /// The closed classification the UI branches on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Api(e) => e.kind,
            Self::Network { kind, .. } => *kind,
            Self::Tls { .. } => ErrorKind::Tls,
            Self::InvalidInput(_) => ErrorKind::InvalidInput,
            Self::InvalidResponse { .. } => ErrorKind::InvalidResponse,
            Self::Configuration { .. } => ErrorKind::Configuration,
        }
    }

    /// HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(e) => Some(e.status),
            Self::InvalidResponse { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// SWR error code, when the server answered with an error.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api(e) => Some(&e.code),
            _ => None,
        }
    }

    /// `X-Request-Id`, when the server answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(e) => e.request_id.as_deref(),
            Self::InvalidResponse { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether trying again later may succeed.
    pub fn is_retryable(&self) -> bool {
        self.kind().is_retryable()
    }

    /// A sentence for the user in each UI language. For invalid parameters and rule violations
    /// it includes the specific reason.
    pub fn user_message(&self) -> LocalizedText {
        match self {
            Self::InvalidInput(v) => v.message.clone(),
            Self::Api(e) if e.kind == ErrorKind::InvalidParameter => {
                let base = e.kind.user_message();
                LocalizedText::new(
                    format!("{} SWR says: {}", base.en, e.message),
                    format!("{}SWR 返回：{}", base.zh_cn, e.message),
                )
            }
            other => other.kind().user_message(),
        }
    }

    /// A serializable summary for the UI and logs.
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            kind: self.kind(),
            status: self.status(),
            code: self.code().map(str::to_owned),
            request_id: self.request_id().map(str::to_owned),
            retryable: self.is_retryable(),
            message: self.user_message(),
            detail: self.to_string(),
        }
    }
}

/// What crosses to the UI for a failed call.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    /// Classification.
    pub kind: ErrorKind,
    /// HTTP status, when the server answered.
    pub status: Option<u16>,
    /// SWR error code, when the server answered with an error.
    pub code: Option<String>,
    /// `X-Request-Id`, when known.
    pub request_id: Option<String>,
    /// Whether retrying later may help.
    pub retryable: bool,
    /// User-facing message.
    pub message: LocalizedText,
    /// Technical detail (English), for a "details" disclosure.
    pub detail: String,
}

impl ApiError {
    /// Builds the error for a response with status ≥ 400 from its status, headers and body.
    pub fn from_response(
        status: u16,
        request_id: Option<String>,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Self {
        let parsed = parse_error_body(body);
        let code = parsed.code.unwrap_or_else(|| status.to_string());
        let message = parsed.message.unwrap_or_default();
        let kind = ErrorKind::classify(status, &code, &message);
        Self {
            kind,
            status,
            code,
            message,
            request_id: request_id.or(parsed.request_id),
            retry_after,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Self::Api(e)
    }
}

pub(crate) use transport::from_reqwest;

#[cfg(test)]
mod tests;
