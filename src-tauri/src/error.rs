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
    /// There is no OS keyring; the UI offers to keep the secret key for this session only.
    KeyringUnavailable,
    /// The profile's secret key is not stored (any more); the UI asks for it again.
    SecretKeyMissing,
    /// SWR or the network refused the request; the message says why.
    Service,
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
    /// For `invalidInput` from a rule: the field, the rule id and the message in each
    /// language, so a form shows it on the field.
    pub violation: Option<Box<swr_api::rules::RuleViolation>>,
    /// For `service`: what happened and what to do, in each language, from the kind of
    /// failure SWR or the network reported. `message` keeps the server's own words.
    pub advice: Option<swr_api::rules::LocalizedText>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            request_id: None,
            retryable: false,
            violation: None,
            advice: None,
        }
    }

    /// A broken rule, carried whole.
    pub fn violation(v: swr_api::rules::RuleViolation) -> Self {
        Self {
            message: v.message.en.clone(),
            violation: Some(Box::new(v)),
            ..Self::new(ErrorCode::InvalidInput, String::new())
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

impl From<swr_core::profiles::ProfileError> for IpcError {
    fn from(err: swr_core::profiles::ProfileError) -> Self {
        use swr_core::profiles::ProfileError;
        let code = match &err {
            ProfileError::Invalid(v) => return Self::violation(v.clone()),
            ProfileError::NotFound(_) => ErrorCode::NotFound,
            ProfileError::DuplicateName(_) | ProfileError::SessionOnly => ErrorCode::InvalidInput,
            ProfileError::Write { .. } => ErrorCode::Io,
            ProfileError::Encode(_) => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}

impl From<swr_core::credentials::CredentialError> for IpcError {
    fn from(err: swr_core::credentials::CredentialError) -> Self {
        use swr_core::credentials::CredentialError;
        let code = match &err {
            CredentialError::KeyringUnavailable(_) => ErrorCode::KeyringUnavailable,
            CredentialError::Missing(_) => ErrorCode::SecretKeyMissing,
            CredentialError::Keyring(_) => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}

impl From<swr_core::credentials::ProfileChangeError> for IpcError {
    fn from(err: swr_core::credentials::ProfileChangeError) -> Self {
        use swr_core::credentials::ProfileChangeError;
        match err {
            ProfileChangeError::Profile(e) => e.into(),
            ProfileChangeError::Credential(e) => e.into(),
        }
    }
}

impl From<swr_api::Error> for IpcError {
    fn from(err: swr_api::Error) -> Self {
        if let swr_api::Error::InvalidInput(v) = err {
            return Self::violation(v);
        }
        let code = match &err {
            swr_api::Error::InvalidInput(_) => ErrorCode::InvalidInput,
            _ => ErrorCode::Service,
        };
        Self {
            code,
            message: err.to_string(),
            request_id: err.request_id().map(str::to_owned),
            retryable: err.is_retryable(),
            violation: None,
            advice: Some(err.kind().user_message()),
        }
    }
}

impl From<swr_core::sessions::SessionError> for IpcError {
    fn from(err: swr_core::sessions::SessionError) -> Self {
        use swr_core::sessions::SessionError;
        match err {
            SessionError::ProfileNotFound(_) => Self::new(ErrorCode::NotFound, err.to_string()),
            SessionError::Credentials(e) => e.into(),
            SessionError::Api(e) => e.into(),
            SessionError::Registry(e) => e.into(),
        }
    }
}

impl From<swr_registry::Error> for IpcError {
    fn from(err: swr_registry::Error) -> Self {
        use swr_registry::Error;
        let code = match &err {
            Error::Config(_) => ErrorCode::InvalidInput,
            Error::Io { .. } => ErrorCode::Io,
            Error::Status { status: 404, .. } => ErrorCode::NotFound,
            _ => ErrorCode::Service,
        };
        Self {
            code,
            retryable: err.is_transient(),
            ..Self::new(code, err.to_string())
        }
    }
}

impl From<swr_core::browse::BrowseError> for IpcError {
    fn from(err: swr_core::browse::BrowseError) -> Self {
        use swr_core::browse::BrowseError;
        match err {
            BrowseError::Session(e) => e.into(),
            BrowseError::Api(e) => e.into(),
            BrowseError::Registry(e) => e.into(),
            BrowseError::Invalid(m) | BrowseError::Refused(m) => {
                Self::new(ErrorCode::InvalidInput, m)
            }
            BrowseError::NotFound(m) => Self::new(ErrorCode::NotFound, m),
            BrowseError::Io { .. } => Self::new(ErrorCode::Io, err.to_string()),
        }
    }
}

impl From<swr_core::access::AccessError> for IpcError {
    fn from(err: swr_core::access::AccessError) -> Self {
        use swr_core::access::AccessError;
        match err {
            AccessError::Session(e) => e.into(),
            AccessError::Api(e) => e.into(),
            AccessError::Invalid(v) => Self::violation(v),
            AccessError::NotFound(m) => Self::new(ErrorCode::NotFound, m),
            AccessError::Refused(m) => Self::new(ErrorCode::InvalidInput, m),
        }
    }
}

impl From<swr_core::journal::JournalError> for IpcError {
    fn from(err: swr_core::journal::JournalError) -> Self {
        use swr_core::journal::JournalError;
        let code = match &err {
            JournalError::Io { .. } => ErrorCode::Io,
            JournalError::Encode(_) => ErrorCode::Internal,
        };
        Self::new(code, err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_rule_crosses_whole_so_the_form_can_show_it_on_its_field() {
        let v = swr_api::rules::validate_share_description(&"x".repeat(1_001)).unwrap_err();
        let err = IpcError::from(swr_core::access::AccessError::Invalid(v));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["violation"]["field"], "share_description");
        assert_eq!(json["violation"]["rule"], "share_description.length");
        assert!(json["violation"]["message"]["zhCn"].is_string());
        assert_eq!(json["message"], json["violation"]["message"]["en"]);

        let plain = IpcError::from(swr_core::access::AccessError::Refused("no".into()));
        assert!(serde_json::to_value(&plain).unwrap()["violation"].is_null());
    }
}
