//! Repositories (images).

use serde::{Deserialize, Serialize};

use super::lenient;
use super::Category;

/// One repository as `show_repository` returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Repository {
    /// Repository id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Organization id.
    #[serde(deserialize_with = "lenient::int")]
    pub ns_id: i64,
    /// Repository name (may contain `/`).
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// Category (kept as text so an unknown value does not break reading).
    #[serde(deserialize_with = "lenient::text")]
    pub category: String,
    /// Description.
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// Creator user id.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_id: String,
    /// Creator user name.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Public or private.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_public: bool,
    /// Number of tags.
    #[serde(deserialize_with = "lenient::int")]
    pub num_images: i64,
    /// Pull count.
    #[serde(deserialize_with = "lenient::int")]
    pub num_download: i64,
    /// Logo URL (unused by SWR).
    #[serde(deserialize_with = "lenient::text")]
    pub url: String,
    /// External pull address without tag.
    #[serde(deserialize_with = "lenient::text")]
    pub path: String,
    /// Intra-cloud pull address without tag.
    #[serde(deserialize_with = "lenient::text")]
    pub internal_path: String,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    /// Account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Sort priority.
    #[serde(deserialize_with = "lenient::int")]
    pub priority: i64,
}

/// An element of the v2 repository lists (`ShowReposResp`), own and shared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RepoSummary {
    /// Repository name.
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// Category.
    #[serde(deserialize_with = "lenient::text")]
    pub category: String,
    /// Description.
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Public or private.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_public: bool,
    /// Number of tags.
    #[serde(deserialize_with = "lenient::int")]
    pub num_images: i64,
    /// Pull count.
    #[serde(deserialize_with = "lenient::int")]
    pub num_download: i64,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    /// Logo (unused).
    #[serde(deserialize_with = "lenient::text")]
    pub logo: String,
    /// Logo URL (unused).
    #[serde(deserialize_with = "lenient::text")]
    pub url: String,
    /// External pull address.
    #[serde(deserialize_with = "lenient::text")]
    pub path: String,
    /// Intra-cloud pull address.
    #[serde(deserialize_with = "lenient::text")]
    pub internal_path: String,
    /// Owning account name.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_name: String,
    /// Organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace: String,
    /// Tag names.
    #[serde(deserialize_with = "lenient::list")]
    pub tags: Vec<String>,
    /// For images shared with me: whether the share is still valid.
    #[serde(deserialize_with = "lenient::flag")]
    pub status: bool,
    /// Total matching records, repeated on every element.
    #[serde(deserialize_with = "lenient::opt_int")]
    pub total_range: Option<i64>,
}

/// An element of the v3 repository lists (`ShowReposRespV3`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RepoSummaryV3 {
    /// Repository id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Repository name.
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// Category.
    #[serde(deserialize_with = "lenient::text")]
    pub category: String,
    /// Description.
    #[serde(deserialize_with = "lenient::text")]
    pub description: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Public or private.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_public: bool,
    /// Number of tags.
    #[serde(deserialize_with = "lenient::int")]
    pub num_images: i64,
    /// Pull count.
    #[serde(deserialize_with = "lenient::int")]
    pub num_download: i64,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
    /// Owning account name.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_name: String,
    /// Organization (note: `namespace_name` in v3, `namespace` in v2).
    #[serde(deserialize_with = "lenient::text")]
    pub namespace_name: String,
    /// For images shared with me: whether the share is still valid.
    #[serde(deserialize_with = "lenient::flag")]
    pub status: bool,
}

/// Body of the v3 repository lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RepoPageV3 {
    #[serde(deserialize_with = "lenient::list")]
    pub repos: Vec<RepoSummaryV3>,
    #[serde(rename = "nextMarker", deserialize_with = "lenient::opt_int")]
    pub next_marker: Option<i64>,
}

/// Body of `create_repo`. The repository name is sent with its real `/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateRepoRequest {
    /// Repository name (1–128 characters, may contain `/`).
    pub repository: String,
    /// Public or private.
    pub is_public: bool,
    /// Category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Description (at most 30 000 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Body of `update_repo`; `is_public` is always sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UpdateRepoRequest {
    /// Public or private.
    pub is_public: bool,
    /// Category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Description (at most 30 000 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Sort column of the v2 repository lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RepoSort {
    /// Last update (plain `order_column=updated_at`).
    UpdatedAt,
    /// Name (only through the `filter` form, as `name`).
    Name,
    /// Tag count (only through the `filter` form, as `tag_count`).
    TagCount,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// `asc`
    Asc,
    /// `desc`
    Desc,
}

impl SortDirection {
    /// Wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }
}

/// Filters and sorting of `list_repos_details` (v2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RepoListQuery {
    /// Only this organization.
    pub namespace: Option<String>,
    /// Name contains this text.
    pub name: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
    /// Sorting.
    pub sort: Option<(RepoSort, SortDirection)>,
}

/// Filters of `list_repo_details` (v3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RepoListQueryV3 {
    /// Only this organization.
    pub namespace: Option<String>,
    /// Name filter.
    pub name: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
    /// Only public (`true`) or private (`false`) repositories.
    pub is_public: Option<bool>,
}
