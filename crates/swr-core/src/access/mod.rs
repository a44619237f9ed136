//! Access: who may pull and push an image, and what the image says about itself.
//!
//! This room owns the changes of the Attributes, Permissions and Sharing tabs and of the
//! organization's Users tab: an image's visibility, category and description
//! ([`attributes`]); read / write / manage grants on organizations and images, the effective
//! level matrix and bulk changes planned as a diff and applied one request at a time
//! ([`permissions`]); and sharing private images with other accounts ([`sharing`]). Every
//! input is checked by swr-api's rules before a request is made, and every change goes through
//! [`Session::change`](crate::sessions::Session::change), so it is paced per account and
//! recorded in the journal. The desktop app and `swrctl` call these same functions.

pub mod attributes;
pub mod matrix;
pub mod permissions;
pub mod sharing;

use serde::{Deserialize, Serialize};
use swr_api::rules::RuleViolation;

use crate::sessions::SessionError;

/// Why an access operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Api(swr_api::Error),
    /// The input breaks a rule: the violation names the field, the rule and what to write.
    #[error("{0}")]
    Invalid(RuleViolation),
    #[error("{0}")]
    NotFound(String),
    /// SWR would refuse, or the step makes no sense; the message says why and what to do.
    #[error("{0}")]
    Refused(String),
}

impl From<swr_api::Error> for AccessError {
    fn from(e: swr_api::Error) -> Self {
        match e {
            swr_api::Error::InvalidInput(v) => Self::Invalid(v),
            other => Self::Api(other),
        }
    }
}

impl From<RuleViolation> for AccessError {
    fn from(v: RuleViolation) -> Self {
        Self::Invalid(v)
    }
}

impl AccessError {
    /// SWR's request id, when SWR answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(e) => e.request_id(),
            _ => None,
        }
    }
}

/// A permission level as the console names it (SWR sends 1, 3 and 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// Pull.
    Read,
    /// Pull, push, edit attributes, add triggers.
    Write,
    /// All of that, and delete, grant and share.
    Manage,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
            Self::Manage => "manage",
        }
    }

    /// The level for a command-line word.
    pub fn parse(text: &str) -> Result<Self, RuleViolation> {
        match text.trim().to_ascii_lowercase().as_str() {
            "read" | "1" => Ok(Self::Read),
            "write" | "3" => Ok(Self::Write),
            "manage" | "7" => Ok(Self::Manage),
            _ => Err(RuleViolation::custom(
                "level",
                "permission.level",
                text,
                "The level must be read, write or manage.",
                "权限必须为 read（只读）、write（编辑）或 manage（管理）。",
            )),
        }
    }

    pub(crate) fn from_code(code: i64) -> Option<Self> {
        swr_api::model::PermissionLevel::from_code(code).map(Self::from)
    }
}

impl From<swr_api::model::PermissionLevel> for Level {
    fn from(l: swr_api::model::PermissionLevel) -> Self {
        use swr_api::model::PermissionLevel as P;
        match l {
            P::Read => Self::Read,
            P::Write => Self::Write,
            P::Manage => Self::Manage,
        }
    }
}

impl From<Level> for swr_api::model::PermissionLevel {
    fn from(l: Level) -> Self {
        match l {
            Level::Read => Self::Read,
            Level::Write => Self::Write,
            Level::Manage => Self::Manage,
        }
    }
}

/// `org` or `org/image`, as journal targets and messages name them.
pub(crate) fn target(organization: &str, image: Option<&str>) -> String {
    match image {
        Some(i) => format!("{organization}/{i}"),
        None => organization.to_owned(),
    }
}
