//! The error every command returns across IPC.
//!
//! `code` is a closed set the UI branches on; it only gains a variant when the UI needs to react
//! differently. `message` is for people; `requestId` is SWR's `X-Request-Id`, kept so a user can
//! quote it to support.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// The input broke a rule; the message says which and how to fix it.
    InvalidInput,
    NotFound,
    /// Reading or writing a local file failed.
    Io,
    Internal,
}

#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    pub request_id: Option<String>,
    pub retryable: bool,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            request_id: None,
            retryable: false,
        }
    }
}

impl From<swr_core::settings::SettingsError> for IpcError {
    fn from(err: swr_core::settings::SettingsError) -> Self {
        use swr_core::settings::SettingsError;
        let code = match err {
            SettingsError::Write { .. } => ErrorCode::Io,
            SettingsError::Encode(_) => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}
