//! Sharing a private repository with other accounts.

use serde::{Deserialize, Serialize};

use super::lenient;

/// An account a repository is shared with (`ShowRepoDomainsResponse`, element of
/// `list_repo_domains`; also the body of `show_access_domain` with `exist`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AccessDomain {
    /// Only in `show_access_domain`: whether the account is in the sharing list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exist: Option<bool>,
    /// Organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace: String,
    /// Repository.
    #[serde(deserialize_with = "lenient::text")]
    pub repository: String,
    /// Account name shared with.
    #[serde(deserialize_with = "lenient::text")]
    pub access_domain: String,
    /// Always `read`.
    #[serde(deserialize_with = "lenient::text")]
    pub permit: String,
    /// `forever` or a UTC time.
    #[serde(deserialize_with = "lenient::text")]
    pub deadline: String,
    /// Description.
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// Creator user id.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_id: String,
    /// Creator user name.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    /// Whether the share is still valid (not expired).
    #[serde(deserialize_with = "lenient::flag")]
    pub status: bool,
}

/// Body of `create_repo_domains`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CreateShare<'a> {
    pub access_domain: &'a str,
    pub permit: &'a str,
    pub deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
}

/// Body of `update_repo_domains`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct UpdateShare<'a> {
    pub permit: &'a str,
    pub deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
}

/// Which side of sharing to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SharedBy {
    /// Repositories I share with others (`self`).
    Me,
    /// Repositories others share with me (`thirdparty`).
    Others,
}

impl SharedBy {
    /// Wire value of `center` (v2) / `shared_by` (v3).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Me => "self",
            Self::Others => "thirdparty",
        }
    }
}

/// Filters of the shared-repository lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharedRepoQuery {
    /// Shared by me or with me.
    pub shared_by: SharedBy,
    /// Only this organization.
    pub namespace: Option<String>,
    /// Name filter.
    pub name: Option<String>,
    /// v3 only: valid (`true`) or expired (`false`) shares with me.
    pub valid: Option<bool>,
}

impl SharedRepoQuery {
    /// All repositories shared in the given direction.
    pub fn new(shared_by: SharedBy) -> Self {
        Self {
            shared_by,
            namespace: None,
            name: None,
            valid: None,
        }
    }
}
