//! Why an upload failed, and the kind of failure the UI words its advice by.

use super::journal::{FailureKind, JournalError};
use super::targets::TargetError;

/// Why an upload failed.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("{file} is not a valid image archive: {}", errors.join("; "))]
    Invalid { file: String, errors: Vec<String> },
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(transparent)]
    Registry(#[from] swr_registry::Error),
    #[error("organization `{organization}` does not exist in {region}: create it, or choose another organization")]
    OrganizationMissing {
        organization: String,
        region: String,
    },
    #[error("{0}")]
    Credentials(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl UploadError {
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Registry(e) if e.is_transient())
    }

    /// The category the UI words its advice by.
    pub fn kind(&self) -> FailureKind {
        use swr_registry::Error as R;
        match self {
            Self::Invalid { .. } => FailureKind::InvalidArchive,
            Self::Target(_) => FailureKind::Target,
            Self::OrganizationMissing { .. } => FailureKind::OrganizationMissing,
            Self::Credentials(_) => FailureKind::Credentials,
            Self::Journal(_) | Self::Internal(_) => FailureKind::Other,
            Self::Registry(e) => match e {
                R::Denied { message, .. } | R::Status { message, .. }
                    if message.to_ascii_lowercase().contains("quota") =>
                {
                    FailureKind::Quota
                }
                R::Denied { .. } => FailureKind::PermissionDenied,
                R::Unauthorized { .. } => FailureKind::Unauthorized,
                R::Status { status: 429, .. } => FailureKind::RateLimited,
                R::RetriesExhausted { last, .. }
                    if last.starts_with("HTTP 429") || last.contains("answered 429 ") =>
                {
                    FailureKind::RateLimited
                }
                R::Status { status: 413, .. } => FailureKind::Quota,
                R::Status { status, .. } if *status >= 500 => FailureKind::Network,
                R::Transport { .. } | R::RetriesExhausted { .. } => FailureKind::Network,
                R::VerifyFailed { .. } => FailureKind::Verification,
                _ => FailureKind::Other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use swr_registry::Error as R;

    fn status(status: u16, message: &str) -> UploadError {
        UploadError::Registry(R::Status {
            method: "PUT".into(),
            url: "https://registry/v2/".into(),
            status,
            message: message.into(),
        })
    }

    #[test]
    fn registry_answers_map_to_the_advice_the_user_sees() {
        assert_eq!(status(429, "slow down").kind(), FailureKind::RateLimited);
        assert_eq!(status(413, "too large").kind(), FailureKind::Quota);
        assert_eq!(status(400, "Quota exceeded").kind(), FailureKind::Quota);
        assert_eq!(status(503, "busy").kind(), FailureKind::Network);
        assert_eq!(status(400, "bad").kind(), FailureKind::Other);
        let missing = UploadError::OrganizationMissing {
            organization: "team".into(),
            region: "cn-north-4".into(),
        };
        assert_eq!(missing.kind(), FailureKind::OrganizationMissing);
        assert!(missing.to_string().contains("create it"));
        assert_eq!(
            UploadError::Credentials("no key".into()).kind(),
            FailureKind::Credentials
        );
    }

    #[test]
    fn only_registry_failures_that_may_pass_are_transient() {
        assert!(status(503, "busy").is_transient());
        assert!(!status(400, "bad").is_transient());
        assert!(!UploadError::Credentials("no key".into()).is_transient());
    }
}
